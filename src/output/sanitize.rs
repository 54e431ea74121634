//! Kafka data is untrusted: before a payload reaches a terminal, control characters and
//! bidirectional overrides are shown as escapes so a record cannot move the cursor, change
//! colours or reorder text.

use std::borrow::Cow;

fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{feff}')
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
}
