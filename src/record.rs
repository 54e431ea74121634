//! The record envelope: one Kafka record as one JSON object on one line.
//!
//! Every command reads and writes this format, and it round-trips byte-exactly:
//! - a payload that is compact single-line JSON (object, array, number, boolean) is embedded
//!   as JSON, verbatim, so `jq .value.amount` just works;
//! - other UTF-8 payloads (including JSON strings and the text `null`) are JSON strings;
//! - anything else is base64, flagged with `"value_encoding":"base64"`;
//! - a null payload is `null`, an empty one is `""`.
//!
//! Keys and header values are strings (or base64 with an `encoding` flag), never embedded JSON.
//! Headers are an ordered list, so repeated names and null values survive.

use anyhow::{bail, Context, Result};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::codec::Payload;

/// A record as read from a file or stdin, ready to be produced.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub topic: Option<String>,
    pub partition: Option<i32>,
    pub offset: Option<i64>,
    /// Milliseconds since the Unix epoch.
    pub timestamp: Option<i64>,
    pub key: Option<Vec<u8>>,
    pub headers: Vec<Header>,
    pub value: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub name: String,
    pub value: Option<Vec<u8>>,
}

impl Header {
    /// An owned copy of a header as read from Kafka.
    pub fn owned(&(name, value): &(&str, Option<&[u8]>)) -> Header {
        Header {
            name: name.to_string(),
            value: value.map(<[u8]>::to_vec),
        }
    }
}

/// Kafka's two timestamp kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimestampType {
    Create,
    LogAppend,
}

/// A borrowed view of a consumed record, encoded without copying payloads.
#[derive(Debug, Clone, Copy)]
pub struct RecordView<'a> {
    pub topic: &'a str,
    pub partition: i32,
    pub offset: i64,
    pub timestamp: Option<i64>,
    pub timestamp_type: Option<TimestampType>,
    pub key: Option<&'a [u8]>,
    pub headers: &'a [(&'a str, Option<&'a [u8]>)],
    pub value: Option<&'a [u8]>,
}

struct HeadersOut<'a>(&'a [(&'a str, Option<&'a [u8]>)]);

impl Serialize for HeadersOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for (name, value) in self.0 {
            seq.serialize_element(&HeaderOut(name, Payload::of(*value, false)))?;
        }
        seq.end()
    }
}

struct HeaderOut<'a>(&'a str, Payload<'a>);

impl Serialize for HeaderOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let enc = self.1.encoding();
        let mut m = s.serialize_map(Some(2 + enc.is_some() as usize))?;
        m.serialize_entry("name", self.0)?;
        m.serialize_entry("value", &self.1)?;
        if let Some(enc) = enc {
            m.serialize_entry("encoding", enc)?;
        }
        m.end()
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a, K: Serialize, V: Serialize> {
    topic: &'a str,
    partition: i32,
    offset: i64,
    timestamp: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timestamp_type: Option<TimestampType>,
    key: K,
    #[serde(skip_serializing_if = "Option::is_none")]
    key_encoding: Option<&'static str>,
    headers: HeadersOut<'a>,
    value: V,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_encoding: Option<&'static str>,
}

impl RecordView<'_> {
    /// Append this record as one JSON line (with the trailing newline) to `out`.
    pub fn write_json_line(&self, out: &mut Vec<u8>) {
        let key = Payload::of(self.key, false);
        let value = Payload::of(self.value, true);
        let (ke, ve) = (key.encoding(), value.encoding());
        self.write_envelope(out, key, ke, value, ve);
    }

    /// Like [`write_json_line`](Self::write_json_line), with the key and value decoded as the
    /// given types (see [`crate::codec`]). Returns whether each decoded as asked.
    pub fn write_json_line_as(
        &self,
        out: &mut Vec<u8>,
        key_type: crate::codec::Codec,
        value_type: crate::codec::Codec,
    ) -> (bool, bool) {
        let (key, key_ok) = key_type.show_lossless(self.key, false);
        let (value, value_ok) = value_type.show_lossless(self.value, true);
        let (ke, ve) = (key.encoding(), value.encoding());
        self.write_envelope(out, key, ke, value, ve);
        (key_ok, value_ok)
    }

    /// Write the envelope with the given key and value forms and encoding flags.
    pub fn write_envelope<K: Serialize, V: Serialize>(
        &self,
        out: &mut Vec<u8>,
        key: K,
        key_encoding: Option<&'static str>,
        value: V,
        value_encoding: Option<&'static str>,
    ) {
        let env = EnvelopeOut {
            topic: self.topic,
            partition: self.partition,
            offset: self.offset,
            timestamp: self.timestamp,
            timestamp_type: self.timestamp_type,
            key_encoding,
            key,
            headers: HeadersOut(self.headers),
            value_encoding,
            value,
        };
        serde_json::to_writer(&mut *out, &env).expect("serialising to a Vec cannot fail");
        out.push(b'\n');
    }

    /// An owned copy (the timestamp kind is not kept).
    pub fn to_record(&self) -> Record {
        Record {
            topic: Some(self.topic.to_string()),
            partition: Some(self.partition),
            offset: Some(self.offset),
            timestamp: self.timestamp,
            key: self.key.map(<[u8]>::to_vec),
            headers: self.headers.iter().map(Header::owned).collect(),
            value: self.value.map(<[u8]>::to_vec),
        }
    }

    /// Like [`write_json_line`](Self::write_json_line), with a value that is JSON given as
    /// text (a JSON string) instead: for JSON a reader cannot take as such.
    pub fn write_json_line_text(&self, out: &mut Vec<u8>) {
        let key = Payload::of(self.key, false);
        let value = Payload::of(self.value, false);
        let (ke, ve) = (key.encoding(), value.encoding());
        self.write_envelope(out, key, ke, value, ve);
    }

    /// `line` (an envelope this record wrote) as a JSON value; the envelope with the value as
    /// text when serde_json cannot hold its JSON (nested deeper than 128, a lone surrogate
    /// escape: both embed verbatim, and `tail -o json` shows them so).
    fn json_value_of(&self, line: &[u8]) -> serde_json::Value {
        serde_json::from_slice(line).unwrap_or_else(|_| {
            let mut buf = Vec::with_capacity(line.len() + 16);
            self.write_json_line_text(&mut buf);
            serde_json::from_slice(&buf).expect("an envelope of strings is valid JSON")
        })
    }

    /// The envelope as a JSON value, for filters.
    pub fn to_json_value(&self) -> serde_json::Value {
        let mut buf = Vec::with_capacity(256);
        self.write_json_line(&mut buf);
        self.json_value_of(&buf)
    }

    /// The typed envelope as a JSON value, for filters.
    pub fn to_json_value_as(
        &self,
        key_type: crate::codec::Codec,
        value_type: crate::codec::Codec,
    ) -> serde_json::Value {
        let mut buf = Vec::with_capacity(256);
        self.write_json_line_as(&mut buf, key_type, value_type);
        self.json_value_of(&buf)
    }
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Encoding {
    #[serde(alias = "utf8", alias = "utf-8")]
    Text,
    Json,
    Base64,
    /// Written by `tail --key-type/--value-type`: see [`crate::codec`].
    Int32,
    Int64,
    Hex,
    /// Written by `tail` for payloads decoded with the registry (with `*_schema`).
    Avro,
    Protobuf,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TimestampIn {
    Millis(i64),
    Text(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HeaderIn<'a> {
    name: String,
    #[serde(borrow, default)]
    value: Option<&'a RawValue>,
    #[serde(default)]
    encoding: Option<Encoding>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnvelopeIn<'a> {
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    partition: Option<i32>,
    #[serde(default)]
    offset: Option<i64>,
    #[serde(default)]
    timestamp: Option<TimestampIn>,
    #[serde(default, rename = "timestamp_type")]
    _timestamp_type: Option<serde::de::IgnoredAny>,
    /// Added by `tail --validate`; not part of the record.
    #[serde(default, rename = "validation")]
    _validation: Option<serde::de::IgnoredAny>,
    #[serde(borrow, default)]
    key: Option<&'a RawValue>,
    #[serde(default)]
    key_encoding: Option<Encoding>,
    #[serde(borrow, default)]
    headers: Vec<HeaderIn<'a>>,
    #[serde(borrow, default)]
    value: Option<&'a RawValue>,
    #[serde(default)]
    value_encoding: Option<Encoding>,
    /// Which schema wrote a decoded key or value (see `registry::view`).
    #[serde(default)]
    key_schema: Option<crate::registry::binary::SchemaRef>,
    #[serde(default)]
    value_schema: Option<crate::registry::binary::SchemaRef>,
    /// Read-only additions of `tail`: not part of the record.
    #[serde(default, rename = "key_decoded")]
    _key_decoded: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "value_decoded")]
    _value_decoded: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "key_error")]
    _key_error: Option<serde::de::IgnoredAny>,
    #[serde(default, rename = "value_error")]
    _value_error: Option<serde::de::IgnoredAny>,
}

/// Turn one envelope field back into bytes, honouring its encoding flag.
fn decode_payload(
    raw: Option<&RawValue>,
    enc: Option<Encoding>,
    field: &str,
) -> Result<Option<Vec<u8>>> {
    let Some(raw) = raw else { return Ok(None) };
    let text = raw.get();
    let is_string = text.starts_with('"');
    Ok(Some(match (enc, is_string) {
        (Some(Encoding::Json), _) | (None, false) => text.as_bytes().to_vec(),
        (Some(Encoding::Text), false) => bail!("`{field}` has encoding text but is not a string"),
        (Some(Encoding::Base64), false) => {
            bail!("`{field}` has encoding base64 but is not a string")
        }
        (Some(Encoding::Int32), false) => text
            .parse::<i32>()
            .map(|n| n.to_be_bytes().to_vec())
            .with_context(|| format!("`{field}` has encoding int32 but is not one"))?,
        (Some(Encoding::Int64), false) => text
            .parse::<i64>()
            .map(|n| n.to_be_bytes().to_vec())
            .with_context(|| format!("`{field}` has encoding int64 but is not one"))?,
        (Some(Encoding::Int32 | Encoding::Int64), true) => {
            bail!("`{field}` has an integer encoding but is a string")
        }
        (Some(Encoding::Hex), false) => bail!("`{field}` has encoding hex but is not a string"),
        (Some(e @ (Encoding::Avro | Encoding::Protobuf)), _) => bail!(
            "`{field}` has encoding {} but no `{field}_schema`",
            if e == Encoding::Avro {
                "avro"
            } else {
                "protobuf"
            }
        ),
        (Some(Encoding::Hex), true) => {
            let s: String = serde_json::from_str(text)?;
            crate::codec::decode_hex(&s).with_context(|| format!("`{field}` is not valid hex"))?
        }
        (Some(Encoding::Text) | None, true) => serde_json::from_str::<String>(text)?.into_bytes(),
        (Some(Encoding::Base64), true) => {
            let s: String = serde_json::from_str(text)?;
            B64.decode(s.as_bytes())
                .with_context(|| format!("`{field}` is not valid base64"))?
        }
    }))
}

/// Drop a UTF-8 byte-order mark from the first line of an input file (editors on Windows
/// write one; it is not part of the JSON).
pub fn strip_bom(first_line: &mut Vec<u8>) {
    if first_line.starts_with(b"\xef\xbb\xbf") {
        first_line.drain(..3);
    }
}

/// Parse an RFC 3339 time into Unix milliseconds.
pub fn parse_rfc3339_millis(s: &str) -> Result<i64> {
    let t = time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
        .with_context(|| format!("`{s}` is not an RFC 3339 time (e.g. 2026-11-22T15:04:05Z)"))?;
    Ok((t.unix_timestamp_nanos() / 1_000_000) as i64)
}

/// Format Unix milliseconds as RFC 3339 UTC with millisecond precision.
pub fn format_millis(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    t.format(&fmt).unwrap_or_else(|_| ms.to_string())
}

impl Record {
    /// Parse one envelope line (the format `tail --output json` writes).
    pub fn from_envelope(line: &str) -> Result<Record> {
        Self::from_envelope_in(line, None)
    }

    /// Like [`from_envelope`](Self::from_envelope); fields decoded with a schema
    /// (`"value_encoding":"avro"` and `"value_schema"`) are encoded again with `registry`.
    pub fn from_envelope_in(
        line: &str,
        registry: Option<&crate::registry::Registry>,
    ) -> Result<Record> {
        let env: EnvelopeIn = serde_json::from_str(line).context("not a record envelope")?;
        let field = |raw: Option<&RawValue>,
                     enc: Option<Encoding>,
                     schema: &Option<crate::registry::binary::SchemaRef>,
                     part: crate::registry::binary::Part|
         -> Result<Option<Vec<u8>>> {
            let name = part.name();
            match (schema, enc, raw) {
                (
                    Some(s),
                    Some(Encoding::Avro | Encoding::Protobuf | Encoding::Json),
                    Some(raw),
                ) => {
                    let Some(reg) = registry else {
                        bail!(
                            "`{name}` was decoded with {}@{}: encoding it again needs the schema registry (--registry DIR)",
                            s.subject,
                            s.version
                        )
                    };
                    reg.encode_ref(s, raw.get(), part)
                        .map(Some)
                        .map_err(|e| anyhow::anyhow!("`{name}`{e}"))
                }
                _ => decode_payload(raw, enc, name),
            }
        };
        let timestamp = match env.timestamp {
            None => None,
            Some(TimestampIn::Millis(ms)) => Some(ms),
            Some(TimestampIn::Text(s)) => Some(parse_rfc3339_millis(&s)?),
        };
        let mut headers = Vec::with_capacity(env.headers.len());
        for h in env.headers {
            let value = decode_payload(h.value, h.encoding, &format!("headers[{}]", h.name))?;
            headers.push(Header {
                name: h.name,
                value,
            });
        }
        Ok(Record {
            topic: env.topic,
            partition: env.partition,
            offset: env.offset,
            timestamp,
            key: field(
                env.key,
                env.key_encoding,
                &env.key_schema,
                crate::registry::binary::Part::Key,
            )?,
            headers,
            value: field(
                env.value,
                env.value_encoding,
                &env.value_schema,
                crate::registry::binary::Part::Value,
            )?,
        })
    }

    /// Lend the record as a view (missing positions read as "" and -1).
    pub fn with_view<T>(&self, f: impl FnOnce(&RecordView<'_>) -> T) -> T {
        let headers: Vec<(&str, Option<&[u8]>)> = self
            .headers
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_deref()))
            .collect();
        f(&RecordView {
            topic: self.topic.as_deref().unwrap_or(""),
            partition: self.partition.unwrap_or(-1),
            offset: self.offset.unwrap_or(-1),
            timestamp: self.timestamp,
            timestamp_type: None,
            key: self.key.as_deref(),
            headers: &headers,
            value: self.value.as_deref(),
        })
    }

    /// Encode back to an envelope line; used by tests and by file writers.
    pub fn to_envelope_line(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.with_view(|v| v.write_json_line(&mut out));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: &[(&str, Option<&[u8]>)],
    ) -> Record {
        let view = RecordView {
            topic: "t",
            partition: 3,
            offset: 42,
            timestamp: Some(1_700_000_000_123),
            timestamp_type: Some(TimestampType::Create),
            key,
            headers,
            value,
        };
        let mut line = Vec::new();
        view.write_json_line(&mut line);
        assert_eq!(line.last(), Some(&b'\n'));
        assert!(
            !line[..line.len() - 1].contains(&b'\n'),
            "one line: {line:?}"
        );
        let rec = Record::from_envelope(std::str::from_utf8(&line).unwrap()).unwrap();
        assert_eq!(rec.key.as_deref(), key);
        assert_eq!(rec.value.as_deref(), value);
        let hs: Vec<(&str, Option<&[u8]>)> = rec
            .headers
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_deref()))
            .collect();
        assert_eq!(hs, headers);
        assert_eq!(
            (rec.partition, rec.offset, rec.timestamp),
            (Some(3), Some(42), Some(1_700_000_000_123))
        );
        rec
    }

    #[test]
    fn payloads_round_trip_byte_exactly() {
        let cases: &[&[u8]] = &[
            br#"{"a":1,"b":[true,null]}"#,
            br#"{"a": 1}"#,
            b"{\"a\":\n1}",
            b" {\"a\":1}",
            b"{\"a\":1} ",
            br#""quoted""#,
            b"null",
            b"true",
            b"-12.50e3",
            b"12345678901234567890123456789",
            b"plain text",
            b"",
            b"\x00\x01\xff\xfe",
            b"tab\there \x1b[31mred",
            b"{not json",
            "caf\u{e9} \u{2028}".as_bytes(),
        ];
        for v in cases {
            roundtrip(Some(v), Some(v), &[("h", Some(v))]);
        }
        roundtrip(None, None, &[]);
    }

    #[test]
    fn repeated_and_null_headers_keep_order() {
        roundtrip(
            Some(b"k"),
            Some(b"v"),
            &[
                ("a", Some(b"1")),
                ("b", None),
                ("a", Some(b"2")),
                ("bin", Some(&[0, 0, 0, 7])),
            ],
        );
    }

    #[test]
    fn json_payloads_are_embedded_as_json() {
        let v = br#"{"amount":12.5}"#;
        let view = RecordView {
            topic: "t",
            partition: 0,
            offset: 0,
            timestamp: None,
            timestamp_type: None,
            key: Some(b"k"),
            headers: &[],
            value: Some(v),
        };
        let json = view.to_json_value();
        assert_eq!(json["value"]["amount"], 12.5);
        assert_eq!(json["key"], "k");
        assert!(json.get("value_encoding").is_none());
    }

    #[test]
    fn binary_is_flagged_base64() {
        let view = RecordView {
            topic: "t",
            partition: 0,
            offset: 0,
            timestamp: None,
            timestamp_type: None,
            key: Some(&[0xff]),
            headers: &[],
            value: Some(&[0xff, 0x00]),
        };
        let json = view.to_json_value();
        assert_eq!(json["value_encoding"], "base64");
        assert_eq!(json["key_encoding"], "base64");
        assert_eq!(json["value"], "/wA=");
    }

    #[test]
    fn hand_written_envelopes() {
        let r = Record::from_envelope(
            r#"{"key":"k1","value":"hello","headers":[{"name":"x","value":null}],"timestamp":"2026-01-01T00:00:00Z"}"#,
        )
        .unwrap();
        assert_eq!(r.value.as_deref(), Some(&b"hello"[..]));
        assert_eq!(r.timestamp, Some(1_767_225_600_000));
        assert_eq!(
            r.headers,
            vec![Header {
                name: "x".into(),
                value: None
            }]
        );
        let r = Record::from_envelope(r#"{"value":"hi","value_encoding":"json"}"#).unwrap();
        assert_eq!(r.value.as_deref(), Some(&b"\"hi\""[..]));
        assert!(
            Record::from_envelope(r#"{"vaule":1}"#).is_err(),
            "typos are rejected"
        );
        assert!(Record::from_envelope(r#"{"value":"%%","value_encoding":"base64"}"#).is_err());
    }

    #[test]
    fn typed_envelopes_read_back_to_the_same_bytes() {
        use crate::codec::Codec;
        let cases: &[(Codec, &[u8])] = &[
            (Codec::Int32, &[0xff, 0xff, 0xff, 0xfe]),
            (Codec::Int64, &[0, 0, 0, 0, 0, 0, 1, 0]),
            (Codec::Hex, &[0xde, 0xad, 0x00]),
            (Codec::Base64, b"plain"),
            (Codec::Json, br#"{"b":1,"a":2}"#),
            // JSON that is not compact, or not canonical: the same bytes back.
            (Codec::Json, b"{\"a\": 1,\n \"b\": [1, 2]}"),
            (Codec::Json, b"{\"a\":1}\n"),
            (Codec::Json, b" [1]"),
            (
                Codec::Json,
                br#"{"a": 1.50, "a": 1e3, "s": "caf\u00e9", "n": 123456789012345678901234567890}"#,
            ),
            (Codec::Json, b"null"),
            (Codec::Json, br#""a string""#),
            (Codec::Json, br#"["\ud800"]"#),
            (Codec::Json, b"\xef\xbb\xbf{\"a\":1}"),
            (Codec::Int64, b"not eight"),
        ];
        for &(ty, bytes) in cases {
            let view = RecordView {
                topic: "t",
                partition: 0,
                offset: 0,
                timestamp: None,
                timestamp_type: None,
                key: Some(bytes),
                headers: &[],
                value: Some(bytes),
            };
            let mut line = Vec::new();
            let ok = view.write_json_line_as(&mut line, ty, ty);
            assert_eq!(ok.0, bytes != b"not eight" && !bytes.starts_with(b"\xef"));
            let text = std::str::from_utf8(&line).unwrap();
            let back = Record::from_envelope(text).unwrap();
            assert_eq!(back.key.as_deref(), Some(bytes), "{ty:?}: {text}");
            assert_eq!(back.value.as_deref(), Some(bytes), "{ty:?}: {text}");
        }
        let v = RecordView {
            topic: "t",
            partition: 0,
            offset: 0,
            timestamp: None,
            timestamp_type: None,
            key: Some(&[0, 0, 0, 0, 0, 0, 0, 42]),
            headers: &[],
            value: None,
        }
        .to_json_value_as(Codec::Int64, Codec::String);
        assert_eq!(
            (v["key"].as_i64(), v["key_encoding"].as_str()),
            (Some(42), Some("int64"))
        );
    }

    #[test]
    fn millis_format() {
        assert_eq!(format_millis(1_767_225_600_123), "2026-01-01T00:00:00.123Z");
        assert_eq!(
            parse_rfc3339_millis("2026-01-01T00:00:00.123Z").unwrap(),
            1_767_225_600_123
        );
    }
}
