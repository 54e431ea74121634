//! Kafka data is untrusted: before a payload reaches a terminal, control characters and
//! bidirectional overrides are shown as escapes so a record cannot move the cursor, change
//! colours or reorder text.

use std::borrow::Cow;

/// C0 and C1 controls and DEL (except newline and tab), bidirectional controls (embeddings,
/// overrides, isolates, marks), line and paragraph separators, and the byte-order mark.
pub(crate) fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{061c}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{feff}'
        )
}

/// Escape what `escape` would, as JSON `\uXXXX` escapes: for JSON text shown to a person (the
/// characters that need it can only occur inside strings, so the text stays valid JSON).
pub fn escape_json(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Escape control characters (newlines and tabs are kept).
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            match c {
                '\r' => out.push_str("\\r"),
                '\x1b' => out.push_str("\\e"),
                c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
                c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Escape everything, newlines included: for one-line fields such as keys and header values.
pub fn escape_line(s: &str) -> Cow<'_, str> {
    if !s.contains(['\n', '\t']) {
        return escape(s);
    }
    Cow::Owned(escape(s).replace('\n', "\\n").replace('\t', "\\t"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_controls() {
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape("\x1b[31mred\x1b[0m"), "\\e[31mred\\e[0m");
        assert_eq!(escape("a\rb\x07"), "a\\rb\\x07");
        assert_eq!(escape("abc\u{202e}def"), "abc\\u{202e}def");
        assert_eq!(escape("two\nlines"), "two\nlines");
        assert_eq!(escape_line("two\nlines\t!"), "two\\nlines\\t!");
    }

    /// Strings that must never reach a terminal as they are.
    pub const HOSTILE: &[&str] = &[
        "\x1b[2J",
        "\x1b]52;c;ZXZpbA==\x07",
        "\u{9b}31m",
        "\u{202e}txt.exe",
        "\u{2066}x\u{2069}",
        "a\u{2028}b\u{2029}c",
        "\u{61c}",
        "\x7f",
        "\u{85}",
        "\r",
    ];

    fn is_hostile(c: char) -> bool {
        HOSTILE.iter().any(|h| h.contains(c))
            && !c.is_ascii_alphanumeric()
            && !"[];=.,()".contains(c)
    }

    #[test]
    fn every_hostile_string_is_escaped_by_every_road() {
        for h in HOSTILE {
            for out in [escape(h), escape_line(h), escape_json(h)] {
                assert!(!out.chars().any(is_hostile), "{h:?} → {out:?}");
            }
        }
        assert_eq!(escape_json("\"\u{202e}\""), "\"\\u202e\"");
    }
}
