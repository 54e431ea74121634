//! `tail --format`: kcat's `-f` format strings, so its users' muscle memory works.
//!
//! Tokens: `%t` topic, `%p` partition, `%o` offset, `%T` timestamp (Unix ms, -1 when absent),
//! `%k` key, `%s` value, `%h` headers (`name=value` joined by `,`; a null value prints the name
//! alone), `%K` / `%S` key / value length in bytes (-1 for null), `%{time}` the timestamp as
//! RFC 3339 UTC with milliseconds, `%{header:NAME}` the value of the last header called NAME
//! (nothing when absent), `%%` a percent sign. Escapes: `\n`, `\t`, `\r`, `\0`, `\\`.
//!
//! Fields are written as they are (the user asked for raw output), except on a terminal, where
//! they pass through [`super::sanitize`] like everything else shown to a person.

use super::sanitize::{escape, escape_line};
use crate::codec::Codec;
use crate::error::usage;
use crate::record::{format_millis, RecordView};
use anyhow::Result;
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Lit(Vec<u8>),
    Topic,
    Partition,
    Offset,
    Timestamp,
    Time,
    Key,
    Value,
    Headers,
    KeyLen,
    ValueLen,
    Header(String),
}

/// A parsed format string.
#[derive(Debug, Clone)]
pub struct Format {
    toks: Vec<Tok>,
}

pub const TOKENS_HELP: &str = "%t topic, %p partition, %o offset, %T timestamp (ms), %{time} RFC 3339 time, %k key, %s value, %h headers, %{header:NAME} one header, %K/%S key/value length, %% a percent sign; escapes \\n \\t \\r \\0 \\\\";

fn bad(fmt: &str, why: String) -> anyhow::Error {
    usage(format!(
        "--format `{}`: {why} (tokens: {TOKENS_HELP})",
        escape_line(fmt)
    ))
}

impl Format {
    pub fn parse(fmt: &str) -> Result<Format> {
        let mut toks = Vec::new();
        let mut lit = Vec::new();
        let mut chars = fmt.chars().peekable();
        let flush = |lit: &mut Vec<u8>, toks: &mut Vec<Tok>| {
            if !lit.is_empty() {
                toks.push(Tok::Lit(std::mem::take(lit)));
            }
        };
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    let e = match chars.next() {
                        Some('n') => b'\n',
                        Some('t') => b'\t',
                        Some('r') => b'\r',
                        Some('0') => b'\0',
                        Some('\\') => b'\\',
                        Some(o) => {
                            return Err(bad(
                                fmt,
                                format!("unknown escape \\{o} (\\\\ is a backslash)"),
                            ))
                        }
                        None => return Err(bad(fmt, "a lone \\ at the end".into())),
                    };
                    lit.push(e);
                }
                '%' => {
                    let tok = match chars.next() {
                        Some('%') => {
                            lit.push(b'%');
                            continue;
                        }
                        Some('t') => Tok::Topic,
                        Some('p') => Tok::Partition,
                        Some('o') => Tok::Offset,
                        Some('T') => Tok::Timestamp,
                        Some('k') => Tok::Key,
                        Some('s') => Tok::Value,
                        Some('h') => Tok::Headers,
                        Some('K') => Tok::KeyLen,
                        Some('S') => Tok::ValueLen,
                        Some('{') => {
                            let mut name = String::new();
                            loop {
                                match chars.next() {
                                    Some('}') => break,
                                    Some(c) => name.push(c),
                                    None => return Err(bad(fmt, "an unclosed %{".into())),
                                }
                            }
                            match name.split_once(':') {
                                None if name == "time" => Tok::Time,
                                Some(("header", h)) if !h.is_empty() => Tok::Header(h.to_string()),
                                _ => {
                                    return Err(bad(
                                        fmt,
                                        format!("unknown token %{{{}}}", escape_line(&name)),
                                    ))
                                }
                            }
                        }
                        Some(o) => {
                            return Err(bad(
                                fmt,
                                format!("unknown token %{}", escape_line(&o.to_string())),
                            ))
                        }
                        None => {
                            return Err(bad(
                                fmt,
                                "a lone % at the end (%% is a percent sign)".into(),
                            ))
                        }
                    };
                    flush(&mut lit, &mut toks);
                    toks.push(tok);
                }
                c => {
                    let mut b = [0u8; 4];
                    lit.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
                }
            }
        }
        flush(&mut lit, &mut toks);
        Ok(Format { toks })
    }

    /// Append one record to `out`. With `terminal`, every field from the record is escaped.
    /// Returns whether the key and the value decoded as their types.
    pub fn render(
        &self,
        r: &RecordView<'_>,
        key_type: Codec,
        value_type: Codec,
        terminal: bool,
        out: &mut Vec<u8>,
    ) -> (bool, bool) {
        let (mut key_ok, mut value_ok) = (true, true);
        let field = |out: &mut Vec<u8>, b: &[u8], multiline: bool| {
            if terminal {
                let text = lossy(b);
                let shown = if multiline {
                    escape(&text)
                } else {
                    escape_line(&text)
                };
                out.extend_from_slice(shown.as_bytes());
            } else {
                out.extend_from_slice(b);
            }
        };
        for t in &self.toks {
            match t {
                Tok::Lit(b) => out.extend_from_slice(b),
                Tok::Topic => field(out, r.topic.as_bytes(), false),
                Tok::Partition => out.extend_from_slice(r.partition.to_string().as_bytes()),
                Tok::Offset => out.extend_from_slice(r.offset.to_string().as_bytes()),
                Tok::Timestamp => {
                    out.extend_from_slice(r.timestamp.unwrap_or(-1).to_string().as_bytes())
                }
                Tok::Time => {
                    if let Some(ms) = r.timestamp {
                        out.extend_from_slice(format_millis(ms).as_bytes());
                    }
                }
                Tok::Key => {
                    let (text, ok) = key_type.text(r.key);
                    key_ok &= ok;
                    if let Some(t) = text {
                        field(out, &t, false);
                    }
                }
                Tok::Value => {
                    let (text, ok) = value_type.text(r.value);
                    value_ok &= ok;
                    if let Some(t) = text {
                        field(out, &t, true);
                    }
                }
                Tok::KeyLen => out.extend_from_slice(len(r.key).as_bytes()),
                Tok::ValueLen => out.extend_from_slice(len(r.value).as_bytes()),
                Tok::Headers => {
                    for (i, (name, value)) in r.headers.iter().enumerate() {
                        if i > 0 {
                            out.push(b',');
                        }
                        field(out, name.as_bytes(), false);
                        if let Some(v) = value {
                            out.push(b'=');
                            field(out, v, false);
                        }
                    }
                }
                Tok::Header(name) => {
                    if let Some((_, Some(v))) = r.headers.iter().rev().find(|(n, _)| n == name) {
                        field(out, v, false);
                    }
                }
            }
        }
        (key_ok, value_ok)
    }

    /// Whether the output uses the key (so undecodable keys are worth counting).
    pub fn uses_key(&self) -> bool {
        self.toks.contains(&Tok::Key)
    }

    /// Whether the output uses the value.
    pub fn uses_value(&self) -> bool {
        self.toks.contains(&Tok::Value)
    }
}

fn len(b: Option<&[u8]>) -> String {
    b.map_or(-1, |b| b.len() as i64).to_string()
}

/// UTF-8 text with each invalid byte as `\xNN`, for a terminal.
fn lossy(b: &[u8]) -> Cow<'_, str> {
    if let Ok(s) = std::str::from_utf8(b) {
        return Cow::Borrowed(s);
    }
    let mut s = String::with_capacity(b.len() + 16);
    for chunk in b.utf8_chunks() {
        s.push_str(chunk.valid());
        for x in chunk.invalid() {
            s.push_str(&format!("\\x{x:02x}"));
        }
    }
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view<'a>(headers: &'a [(&'a str, Option<&'a [u8]>)]) -> RecordView<'a> {
        RecordView {
            topic: "orders",
            partition: 2,
            offset: 41,
            timestamp: Some(1_767_225_600_123),
            timestamp_type: None,
            key: Some(b"o-1"),
            headers,
            value: Some(b"{\"a\":1}\x00\xff"),
        }
    }

    fn render(fmt: &str, r: &RecordView<'_>, terminal: bool) -> Vec<u8> {
        let mut out = Vec::new();
        Format::parse(fmt)
            .unwrap()
            .render(r, Codec::String, Codec::String, terminal, &mut out);
        out
    }

    #[test]
    fn kcat_tokens() {
        let hs = [("a", Some(&b"1"[..])), ("n", None), ("a", Some(&b"2"[..]))];
        let r = view(&hs);
        assert_eq!(
            render("%t|%p|%o|%T|%k|%K|%S|%h|%%\\t\\0\\n", &r, false),
            b"orders|2|41|1767225600123|o-1|3|9|a=1,n,a=2|%\t\0\n"
        );
        assert_eq!(render("%s", &r, false), b"{\"a\":1}\x00\xff", "raw bytes");
        assert_eq!(
            render("%{time} %{header:a}%{header:missing}.", &r, false),
            b"2026-01-01T00:00:00.123Z 2."
        );
    }

    #[test]
    fn escaped_on_a_terminal() {
        let hs = [("x", Some(&b"\x1b[2J"[..]))];
        let mut r = view(&hs);
        r.key = Some(b"k\n\x1b]0;t\x07");
        let out = String::from_utf8(render("%k %s %h\n", &r, true)).unwrap();
        assert_eq!(out, "k\\n\\e]0;t\\x07 {\"a\":1}\\x00\\xff x=\\e[2J\n");
    }

    #[test]
    fn nulls_and_typed_fields() {
        let mut r = view(&[]);
        r.key = None;
        r.value = None;
        r.timestamp = None;
        assert_eq!(
            render("[%k][%s][%K][%S][%T][%{time}]", &r, false),
            b"[][][-1][-1][-1][]"
        );
        r.key = Some(&[0, 0, 0, 0, 0, 0, 1, 0]);
        let mut out = Vec::new();
        let ok =
            Format::parse("%k")
                .unwrap()
                .render(&r, Codec::Int64, Codec::String, false, &mut out);
        assert_eq!((out.as_slice(), ok), (&b"256"[..], (true, true)));
        out.clear();
        let ok =
            Format::parse("%k")
                .unwrap()
                .render(&r, Codec::Int32, Codec::String, false, &mut out);
        assert_eq!(ok, (false, true));
    }

    #[test]
    fn bad_formats_say_why() {
        for (f, why) in [
            ("%x", "unknown token %x"),
            ("%", "a lone %"),
            ("\\q", "unknown escape \\q"),
            ("%{header:}", "unknown token"),
            ("%{time", "unclosed"),
        ] {
            let e = Format::parse(f).unwrap_err().to_string();
            assert!(e.contains(why), "{f}: {e}");
        }
    }
}
