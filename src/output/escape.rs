//! Escaping for the reports CI shows people: a Markdown pull-request comment, GitHub workflow
//! commands (annotations), XML (JUnit) and SARIF message text.
//!
//! Everything taken from schemas, file names, configuration or records goes through one of
//! these before it is written into such a report, so that it renders as inert text: no markup,
//! no link, no image, no @mention, no forged annotation, no XML that does not parse. Each
//! function is for one context; use the one for the place the text lands in. Control
//! characters (and the other characters [`super::sanitize`] escapes for a terminal) are shown
//! as visible escapes in every context, since CI logs interpret ANSI sequences.

use super::sanitize::{escape, escape_line, needs_escape};
use std::borrow::Cow;

/// Markdown (GitHub Flavored Markdown, as GitHub renders comments).
pub mod md {
    use super::*;

    /// ASCII punctuation backslash-escaped (CommonMark renders `\X` as `X` for every ASCII
    /// punctuation `X`, and GFM tables take `\|` as a `|` inside a cell), newlines and
    /// controls as visible escapes. With `mentions`, an `@` is followed by a zero-width space
    /// (GitHub links `@name` in text whatever its escapes: it works on the rendered text).
    fn punct(s: &str, mentions: bool) -> String {
        let s = escape_line(s);
        let mut out = String::with_capacity(s.len() + 16);
        for c in s.chars() {
            if c == '@' && mentions {
                out.push_str("@&#8203;");
            } else {
                if c.is_ascii_punctuation() {
                    out.push('\\');
                }
                out.push(c);
            }
        }
        out
    }

    /// Text in a paragraph, list item, heading or table cell: shown as written, nothing in it
    /// is markup (no emphasis, link, autolink, image, HTML, code span, @mention, cell break).
    pub fn text(s: &str) -> String {
        punct(s, true)
    }

    /// A code span outside tables: a backtick fence longer than any run of backticks inside,
    /// padded with a space where the text begins or ends with a backtick or a space (CommonMark
    /// strips one space from each side then). Newlines and controls are visible escapes.
    pub fn code(s: &str) -> String {
        if s.is_empty() {
            return "` `".to_string(); // "``" would be two backticks, not an empty span
        }
        let s = escape_line(s);
        let longest = s
            .split(|c| c != '`')
            .map(str::len)
            .max()
            .unwrap_or_default();
        let fence = "`".repeat(longest + 1);
        let pad = if s.starts_with(['`', ' ']) || s.ends_with(['`', ' ']) {
            " "
        } else {
            ""
        };
        format!("{fence}{pad}{s}{pad}{fence}")
    }

    /// Code in a table cell. A code span cannot be used there: GFM splits the row at a `|`
    /// before it sees code spans, and a `\` in the text would pair with the `\` that escapes
    /// a `|` (`a\|b` would end the cell). So the text is escaped as [`text`] is (where `\\`
    /// and `\|` are both pairs) and set in a `<code>` element (GitHub's mention filter skips
    /// code, so no zero-width space is added).
    pub fn cell_code(s: &str) -> String {
        format!("<code>{}</code>", punct(s, false))
    }
}

/// GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), as
/// `@actions/core` escapes them.
pub mod gh {
    use super::*;

    fn percent(s: &str, property: bool) -> String {
        let mut out = String::with_capacity(s.len() + 8);
        for c in s.chars() {
            match c {
                '%' => out.push_str("%25"),
                '\r' => out.push_str("%0D"),
                '\n' => out.push_str("%0A"),
                ':' if property => out.push_str("%3A"),
                ',' if property => out.push_str("%2C"),
                c => out.push(c),
            }
        }
        out
    }

    /// The message after `::` (newlines kept as `%0A`, which GitHub shows as line breaks).
    pub fn data(s: &str) -> String {
        percent(&escape(s), false)
    }

    /// A property value (`file=`, `title=`…): `:` and `,` too, so it cannot end the property
    /// list or start another property.
    pub fn property(s: &str) -> String {
        percent(&escape_line(s), true)
    }
}

/// XML 1.0 (JUnit reports).
pub mod xml {
    use super::*;

    /// Not an XML 1.0 `Char` (C0 controls but tab, newline and carriage return; U+FFFE and
    /// U+FFFF; surrogates cannot occur in a `str`): not even a character reference may
    /// carry it. Terminal controls and bidirectional overrides are shown as escapes too.
    fn visible_escape(c: char) -> bool {
        let forbidden = matches!(c, '\0'..='\x08' | '\x0b' | '\x0c' | '\x0e'..='\x1f')
            || matches!(c, '\u{fffe}' | '\u{ffff}');
        forbidden || needs_escape(c)
    }

    fn xml(s: &str, attribute: bool) -> String {
        let mut out = String::with_capacity(s.len() + 16);
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' if attribute => out.push_str("&quot;"),
                '\'' if attribute => out.push_str("&apos;"),
                // Parsers turn a raw CR into LF, and in attributes CR, LF and tab into spaces.
                '\r' => out.push_str("&#13;"),
                '\n' if attribute => out.push_str("&#10;"),
                '\t' if attribute => out.push_str("&#9;"),
                c if visible_escape(c) => match c as u32 {
                    0x1b => out.push_str("\\e"),
                    n if n < 0x100 => out.push_str(&format!("\\x{n:02x}")),
                    n => out.push_str(&format!("\\u{{{n:x}}}")),
                },
                c => out.push(c),
            }
        }
        out
    }

    /// Element content.
    pub fn text(s: &str) -> String {
        xml(s, false)
    }

    /// An attribute value between double quotes.
    pub fn attr(s: &str) -> String {
        xml(s, true)
    }
}

/// Mermaid diagrams (`trace --format mermaid`).
pub mod mermaid {
    use super::*;

    /// A participant's name or a message or note text: letters, digits and a few plain
    /// punctuation marks as they are; everything else (`;`, `#`, `:`, `%`, quotes, brackets,
    /// `<`, backslashes) as Mermaid's `#NNN;` entity codes, so nothing can end the statement,
    /// start a comment or become markup; newlines and controls as visible escapes first.
    pub fn text(s: &str) -> String {
        let s = escape_line(s);
        let mut out = String::with_capacity(s.len() + 16);
        for c in s.chars() {
            let plain = (c.is_alphanumeric() && !needs_escape(c))
                || matches!(
                    c,
                    ' ' | '-' | '_' | '.' | '/' | '@' | ',' | '(' | ')' | '=' | '*' | '+'
                );
            if plain {
                out.push(c);
            } else {
                out.push_str(&format!("#{};", c as u32));
            }
        }
        out
    }
}

/// SARIF `message.text`: plain text in which `[text](target)` is an embedded link (SARIF
/// 2.1.0 §3.11.6), so literal brackets are escaped with a backslash.
pub fn sarif_text(s: &str) -> Cow<'_, str> {
    if !s.contains(['[', ']']) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.replace('[', "\\[").replace(']', "\\]"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What an attacker puts in a property name, a `required` entry or a directory name.
    const HOSTILE: &[&str] = &[
        "a`b",
        "```",
        "x` <img src=https://evil.example/p.png> `y",
        "![p](https://evil.example/p.png)",
        "[click](http://evil.example)",
        "<b>bold</b><script>alert(1)</script>",
        "@octocat please merge",
        "a|b\\|c\\",
        "ord,line=999,title=FAKE::x",
        "100%0A::error::forged",
        "line\nbreak\r\n::warning::x",
        "\x1b[31mred\x07",
        "\u{fffe}\u{ffff}\u{0}\u{8}\u{b}\u{1f}",
        "\u{202e}gpj.exe",
        "www.evil.example and http://evil.example",
        " lead",
        "trail` ",
    ];

    /// The Markdown inline characters with a meaning, none of which may stay unescaped.
    fn unescaped_markup(s: &str) -> Option<char> {
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                chars.next();
                continue;
            }
            if "`*_[]<>!|&()#~:.".contains(c) {
                return Some(c);
            }
        }
        None
    }

    #[test]
    fn markdown_text_is_inert() {
        for h in HOSTILE {
            let t = md::text(h);
            let without_zwsp = t.replace("@&#8203;", "@");
            assert_eq!(unescaped_markup(&without_zwsp), None, "{h:?} → {t}");
            assert!(
                !t.contains('\n') && !t.contains('\r') && !t.contains('\x1b'),
                "{t}"
            );
            // Every `@` is followed by the zero-width space: no mention.
            assert_eq!(t.matches('@').count(), t.matches("@&#8203;").count(), "{t}");
        }
        assert_eq!(md::text("a_b*c"), "a\\_b\\*c");
        assert_eq!(md::text("@me"), "@&#8203;me");
    }

    #[test]
    fn mermaid_text_is_inert() {
        for h in HOSTILE {
            let t = mermaid::text(h);
            // Only letters, digits, plain punctuation and complete `#NNN;` entity codes.
            let mut rest = t.as_str();
            while let Some(i) = rest.find('#') {
                let (code, after) = rest[i + 1..].split_once(';').expect(&t);
                assert!(code.bytes().all(|b| b.is_ascii_digit()), "{h:?} → {t}");
                assert!(
                    !rest[..i].contains(['#', ';', ':', '%', '"', '<', '>', '\\']),
                    "{t}"
                );
                rest = after;
            }
            assert!(!rest.contains([';', ':', '%', '"', '<', '>', '\\']), "{t}");
            assert!(!t.chars().any(|c| c.is_control() || needs_escape(c)), "{t}");
        }
        assert_eq!(mermaid::text("payments/2@118"), "payments/2@118");
        assert_eq!(mermaid::text("a:b;c"), "a#58;b#59;c");
    }

    /// The content of the code span `s`, if `s` is exactly one code span (CommonMark 6.1).
    fn code_span_content(s: &str) -> Option<String> {
        let open = s.len() - s.trim_start_matches('`').len();
        let close = s.len() - s.trim_end_matches('`').len();
        if open == 0 || open != close || s.len() < 2 * open {
            return None;
        }
        let inner = &s[open..s.len() - close];
        // No run of exactly `open` backticks inside, or the span would end early.
        if inner.split(|c| c != '`').any(|run| run.len() == open) {
            return None;
        }
        let stripped = if inner.len() >= 2
            && inner.starts_with(' ')
            && inner.ends_with(' ')
            && !inner.chars().all(|c| c == ' ')
        {
            &inner[1..inner.len() - 1]
        } else {
            inner
        };
        Some(stripped.to_string())
    }

    #[test]
    fn markdown_code_spans_hold_any_text() {
        for h in HOSTILE {
            let c = md::code(h);
            assert!(!c.contains('\n'), "{c}");
            assert_eq!(
                code_span_content(&c).as_deref(),
                Some(escape_line(h).as_ref()),
                "{h:?} → {c}"
            );
        }
        assert_eq!(md::code("plain"), "`plain`");
        assert_eq!(md::code(""), "` `");
        assert_eq!(md::code("a`b"), "``a`b``");
        assert_eq!(md::code("`"), "`` ` ``");
        assert_eq!(md::code("a``b```c"), "````a``b```c````");
    }

    /// GFM's cell scanner: `\` and the next ASCII punctuation character are a pair; an
    /// unpaired `|` ends the cell.
    fn cell_breaks(s: &str) -> bool {
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '|' | '\n' | '\r' => return true,
                _ => {}
            }
        }
        false
    }

    #[test]
    fn markdown_cells_are_never_split() {
        for h in HOSTILE {
            for out in [md::text(h), md::cell_code(h)] {
                assert!(!cell_breaks(&out), "{h:?} → {out}");
            }
            let inner = md::cell_code(h);
            let inner = &inner["<code>".len()..inner.len() - "</code>".len()];
            assert_eq!(unescaped_markup(inner), None, "{h:?} → {inner}");
            assert!(!inner.contains('@') || !inner.contains("&#8203;"));
        }
        assert_eq!(md::cell_code("a\\|b"), "<code>a\\\\\\|b</code>");
    }

    #[test]
    fn workflow_commands_escape_data_and_properties() {
        assert_eq!(gh::data("100% a\r\nb: c, d"), "100%25 a\\r%0Ab: c, d");
        assert_eq!(
            gh::property("ord,line=999,title=FAKE::x"),
            "ord%2Cline=999%2Ctitle=FAKE%3A%3Ax"
        );
        assert_eq!(gh::property("a%b\nc"), "a%25b\\nc");
        for h in HOSTILE {
            let p = gh::property(h);
            assert!(!p.contains([',', ':', '\n', '\r', '\x1b']), "{h:?} → {p}");
            // A `%` only starts one of the escapes.
            for (i, _) in p.match_indices('%') {
                assert!(
                    ["%25", "%0D", "%0A", "%3A", "%2C"].contains(&&p[i..(i + 3).min(p.len())]),
                    "{p}"
                );
            }
            let d = gh::data(h);
            assert!(!d.contains(['\n', '\r', '\x1b']), "{h:?} → {d}");
        }
    }

    /// XML 1.0 `Char`.
    fn xml_char(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
    }

    #[test]
    fn xml_is_well_formed_for_any_text() {
        for h in HOSTILE {
            for (out, attr) in [(xml::text(h), false), (xml::attr(h), true)] {
                assert!(out.chars().all(xml_char), "{h:?} → {out:?}");
                assert!(!out.contains('<') && !out.contains('>') && !out.contains('\r'));
                assert!(!attr || !out.contains(['"', '\'', '\n', '\t']), "{out:?}");
                for (i, _) in out.match_indices('&') {
                    let rest = &out[i..];
                    assert!(
                        ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#13;", "&#10;", "&#9;"]
                            .iter()
                            .any(|e| rest.starts_with(e)),
                        "{out:?}"
                    );
                }
            }
        }
        assert_eq!(xml::text("\x1b[1m\x07\u{ffff}"), "\\e[1m\\x07\\u{ffff}");
        assert_eq!(xml::attr("a\"b\nc"), "a&quot;b&#10;c");
        assert_eq!(xml::text("a\nb & <c>"), "a\nb &amp; &lt;c&gt;");
    }

    #[test]
    fn sarif_text_has_no_embedded_links() {
        assert_eq!(sarif_text("[x](http://e)"), "\\[x\\](http://e)");
        assert_eq!(sarif_text("plain"), "plain");
    }
}
