//! Typed keys and values (`--key-type`, `--value-type`): how bytes on the wire are shown and how
//! text from the command line becomes bytes. Integers are big-endian two's complement, as Java's
//! `IntegerSerializer` and `LongSerializer` write them.
//!
//! In the record envelope a typed field carries its type as its encoding flag
//! (`"key":42,"key_encoding":"int64"`), so the envelope stays lossless and `publish --format
//! envelope` reads it back to the same bytes. Bytes that do not decode as asked are shown as
//! without a type (text, or base64) and counted by the caller: never an error.

use crate::error::usage;
use anyhow::Result;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;
use std::borrow::Cow;

/// How one payload is shown in JSON.
#[derive(Debug)]
pub enum Payload<'a> {
    Null,
    Text(&'a str),
    Json(&'a RawValue),
    Base64(String),
}

impl<'a> Payload<'a> {
    /// Classify bytes for display; `allow_json` embeds compact JSON verbatim.
    pub fn of(bytes: Option<&'a [u8]>, allow_json: bool) -> Self {
        let Some(bytes) = bytes else {
            return Payload::Null;
        };
        if allow_json && embeddable_json(bytes) {
            if let Ok(raw) = serde_json::from_slice::<&RawValue>(bytes) {
                return Payload::Json(raw);
            }
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => Payload::Text(s),
            Err(_) => Payload::Base64(B64.encode(bytes)),
        }
    }

    pub fn encoding(&self) -> Option<&'static str> {
        matches!(self, Payload::Base64(_)).then_some("base64")
    }
}

impl Serialize for Payload<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Payload::Null => s.serialize_none(),
            Payload::Text(t) => s.serialize_str(t),
            Payload::Json(raw) => raw.serialize(s),
            Payload::Base64(b) => s.serialize_str(b),
        }
    }
}

/// Only JSON whose text we can embed without changing a byte: no surrounding whitespace
/// (the parser would drop it), no line breaks (they would split the JSON Lines record), and
/// not a JSON string or `null` (those read back as text and as a null payload).
fn embeddable_json(b: &[u8]) -> bool {
    match (b.first(), b.last()) {
        (Some(first), Some(last)) => {
            matches!(first, b'{' | b'[' | b'-' | b'0'..=b'9' | b't' | b'f')
                && !last.is_ascii_whitespace()
                && !b.iter().any(|&c| c == b'\n' || c == b'\r')
        }
        _ => false,
    }
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Codec {
    /// Bytes as they are (UTF-8 text; other bytes base64 in JSON, escaped on a terminal)
    #[default]
    String,
    /// 4-byte big-endian signed integer (Java's IntegerSerializer)
    Int32,
    /// 8-byte big-endian signed integer (Java's LongSerializer)
    Int64,
    /// Any bytes, shown and given as lowercase hex
    Hex,
    /// Any bytes, shown and given as standard base64
    Base64,
    /// A JSON document
    Json,
}

/// How one typed key or value is shown in JSON.
#[derive(Debug)]
pub enum Shown<'a> {
    /// As without a type (also what bytes that do not decode fall back to).
    Plain(Payload<'a>),
    Int(i64, &'static str),
    Hex(String),
    Base64(String),
    Json(Cow<'a, RawValue>),
}

impl Serialize for Shown<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Shown::Plain(p) => p.serialize(s),
            Shown::Int(n, _) => s.serialize_i64(*n),
            Shown::Hex(h) | Shown::Base64(h) => s.serialize_str(h),
            Shown::Json(raw) => raw.serialize(s),
        }
    }
}

impl Shown<'_> {
    /// The envelope's `*_encoding` flag for this field, if any.
    pub fn encoding(&self) -> Option<&'static str> {
        match self {
            Shown::Plain(p) => p.encoding(),
            Shown::Int(_, e) => Some(e),
            Shown::Hex(_) => Some("hex"),
            Shown::Base64(_) => Some("base64"),
            Shown::Json(_) => Some("json"),
        }
    }
}

fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(b.len() * 2);
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    s
}

/// JSON text on one line: as it is when it already is, else re-serialised compactly (key order
/// kept). None when the bytes are not JSON.
fn json_one_line(b: &[u8]) -> Option<Cow<'_, RawValue>> {
    let text = std::str::from_utf8(b).ok()?;
    let raw: &RawValue = serde_json::from_str(text).ok()?;
    if raw.get().len() == text.len() && !text.contains(['\n', '\r']) {
        return Some(Cow::Borrowed(raw));
    }
    let mut out = Vec::with_capacity(b.len());
    let mut de = serde_json::Deserializer::from_str(text);
    serde_transcode::transcode(&mut de, &mut serde_json::Serializer::new(&mut out)).ok()?;
    RawValue::from_string(String::from_utf8(out).ok()?)
        .ok()
        .map(Cow::Owned)
}

impl Codec {
    pub fn is_plain(self) -> bool {
        self == Codec::String
    }

    pub fn name(self) -> &'static str {
        match self {
            Codec::String => "string",
            Codec::Int32 => "int32",
            Codec::Int64 => "int64",
            Codec::Hex => "hex",
            Codec::Base64 => "base64",
            Codec::Json => "json",
        }
    }

    /// Decode bytes for the envelope. The flag is false when they are not of this type (they
    /// are then shown as without a type). `allow_json` is the untyped rule for values.
    pub fn show(self, b: Option<&[u8]>, allow_json: bool) -> (Shown<'_>, bool) {
        let Some(b) = b else {
            return (Shown::Plain(Payload::Null), true);
        };
        let typed = match self {
            Codec::String => return (Shown::Plain(Payload::of(Some(b), allow_json)), true),
            Codec::Int32 => <[u8; 4]>::try_from(b)
                .ok()
                .map(|a| Shown::Int(i32::from_be_bytes(a) as i64, "int32")),
            Codec::Int64 => <[u8; 8]>::try_from(b)
                .ok()
                .map(|a| Shown::Int(i64::from_be_bytes(a), "int64")),
            Codec::Hex => Some(Shown::Hex(hex(b))),
            Codec::Base64 => Some(Shown::Base64(B64.encode(b))),
            Codec::Json => json_one_line(b).map(Shown::Json),
        };
        match typed {
            Some(t) => (t, true),
            None => (Shown::Plain(Payload::of(Some(b), allow_json)), false),
        }
    }

    /// Like [`show`](Self::show), for the record envelope, which must read back to the same
    /// bytes: JSON whose text cannot be embedded as it is (a line break, whitespace around it)
    /// and the JSON `null` (it would read back as a null payload) are shown as without a type,
    /// as text. Still counted as decoded: they are JSON.
    pub fn show_lossless(self, b: Option<&[u8]>, allow_json: bool) -> (Shown<'_>, bool) {
        match self.show(b, allow_json) {
            (Shown::Json(raw), ok) if matches!(raw, Cow::Owned(_)) || raw.get() == "null" => {
                (Shown::Plain(Payload::of(b, allow_json)), ok)
            }
            shown => shown,
        }
    }

    /// The text a person or a format string sees: the raw bytes for `string` (and for bytes
    /// that do not decode), else the decoded form. None for a null field.
    pub fn text(self, b: Option<&[u8]>) -> (Option<Cow<'_, [u8]>>, bool) {
        let Some(bytes) = b else { return (None, true) };
        if self.is_plain() {
            return (Some(Cow::Borrowed(bytes)), true);
        }
        match self.show(b, false) {
            (Shown::Plain(_), ok) => (Some(Cow::Borrowed(bytes)), ok),
            (Shown::Int(n, _), ok) => (Some(Cow::Owned(n.to_string().into_bytes())), ok),
            (Shown::Hex(s) | Shown::Base64(s), ok) => (Some(Cow::Owned(s.into_bytes())), ok),
            (Shown::Json(raw), ok) => (Some(Cow::Owned(raw.get().as_bytes().to_vec())), ok),
        }
    }

    /// Encode text given on the command line (a key, a `-k` to match) as this type.
    pub fn encode(self, what: &str, s: &str) -> Result<Vec<u8>> {
        let bad = |why: String| usage(format!("{what} `{s}` is not {}: {why}", self.name()));
        Ok(match self {
            Codec::String => s.as_bytes().to_vec(),
            Codec::Int32 => s
                .trim()
                .parse::<i32>()
                .map_err(|e| bad(e.to_string()))?
                .to_be_bytes()
                .to_vec(),
            Codec::Int64 => s
                .trim()
                .parse::<i64>()
                .map_err(|e| bad(e.to_string()))?
                .to_be_bytes()
                .to_vec(),
            Codec::Hex => {
                decode_hex(s).ok_or_else(|| bad("expected pairs of hex digits".into()))?
            }
            Codec::Base64 => B64.decode(s.trim()).map_err(|e| bad(e.to_string()))?,
            Codec::Json => {
                serde_json::from_str::<serde::de::IgnoredAny>(s).map_err(|e| bad(e.to_string()))?;
                s.as_bytes().to_vec()
            }
        })
    }
}

/// Hex digits (either case, optional `0x`) to bytes.
pub fn decode_hex(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    let s = s.strip_prefix("0x").unwrap_or(s);
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(s: &Shown<'_>) -> String {
        serde_json::to_string(s).unwrap()
    }

    #[test]
    fn integers_are_big_endian_like_java() {
        // LongSerializer(42) and IntegerSerializer(-2) on the wire.
        let long = [0, 0, 0, 0, 0, 0, 0, 42];
        let (s, ok) = Codec::Int64.show(Some(&long), false);
        assert!(ok);
        assert_eq!((json(&s), s.encoding()), ("42".into(), Some("int64")));
        let (s, ok) = Codec::Int32.show(Some(&[0xff, 0xff, 0xff, 0xfe]), false);
        assert!(ok);
        assert_eq!(json(&s), "-2");
        assert_eq!(Codec::Int64.encode("key", "42").unwrap(), long);
        assert_eq!(
            Codec::Int32.encode("key", "-2").unwrap(),
            [0xff, 0xff, 0xff, 0xfe]
        );
        assert!(Codec::Int32.encode("key", "3000000000").is_err());
    }

    #[test]
    fn bytes_of_the_wrong_type_fall_back_and_are_flagged() {
        let (s, ok) = Codec::Int64.show(Some(b"o-1"), false);
        assert!(!ok);
        assert_eq!((json(&s), s.encoding()), ("\"o-1\"".into(), None));
        let (s, ok) = Codec::Json.show(Some(b"{oops"), true);
        assert!(!ok);
        assert_eq!(json(&s), "\"{oops\"");
        let (t, ok) = Codec::Int32.text(Some(b"\x1b[31m"));
        assert!(!ok);
        assert_eq!(t.unwrap().as_ref(), b"\x1b[31m");
    }

    #[test]
    fn hex_base64_json() {
        assert_eq!(
            json(&Codec::Hex.show(Some(&[0xde, 0xad]), false).0),
            "\"dead\""
        );
        assert_eq!(Codec::Hex.encode("k", "DEAD").unwrap(), [0xde, 0xad]);
        assert_eq!(Codec::Hex.encode("k", "0xdead").unwrap(), [0xde, 0xad]);
        assert!(Codec::Hex.encode("k", "abc").is_err());
        assert_eq!(json(&Codec::Base64.show(Some(b"hi"), false).0), "\"aGk=\"");
        assert_eq!(Codec::Base64.encode("k", "aGk=").unwrap(), b"hi");
        let (s, ok) = Codec::Json.show(Some(b"{\"b\": 1,\n \"a\": [2]}"), false);
        assert!(ok);
        assert_eq!(json(&s), r#"{"b":1,"a":[2]}"#);
        assert_eq!(s.encoding(), Some("json"));
        // The envelope keeps the bytes: JSON it cannot embed as it is goes as text.
        let (s, ok) = Codec::Json.show_lossless(Some(b"{\"b\": 1,\n \"a\": [2]}"), true);
        assert!(ok);
        assert_eq!(json(&s), r#""{\"b\": 1,\n \"a\": [2]}""#);
        assert_eq!(s.encoding(), None);
        let (s, _) = Codec::Json.show_lossless(Some(br#"{"b": 1.50}"#), true);
        assert_eq!(
            (json(&s), s.encoding()),
            (r#"{"b": 1.50}"#.into(), Some("json"))
        );
        assert!(Codec::Json.encode("k", "{").is_err());
    }
}
