//! CloudEvents 1.0 on Kafka (the Kafka protocol binding): the one place that knows how an event
//! travels in a record. Structured mode: `content-type: application/cloudevents+json`, the value
//! is the JSON event with its `data` inside. Binary mode: the value is the data as it is, the
//! `content-type` header is `datacontenttype` and every other attribute is a `ce_<name>` header.
//!
//! Conversions never touch the data bytes: structured -> binary writes the `data` member as it
//! was written (or the decoded `data_base64`); binary -> structured embeds JSON data as it is and
//! anything else as `data_base64`. The key and the headers that are not the binding's stay.

use crate::record::Header;
use base64::Engine as _;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::Value;
use std::fmt;

/// The `content-type` of a structured event evtctl writes.
pub const STRUCTURED_CONTENT_TYPE: &str = "application/cloudevents+json; charset=UTF-8";

/// The attributes every event carries.
pub const REQUIRED: [&str; 4] = ["id", "source", "specversion", "type"];

/// How a record carries its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Structured,
    Binary,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Structured => "structured",
            Mode::Binary => "binary",
        }
    }

    /// Where an attribute lives in this mode, as messages name it.
    pub fn place(self, attr: &str) -> String {
        match (self, attr) {
            (Mode::Structured, _) => attr.to_string(),
            (Mode::Binary, "datacontenttype") => "content-type".to_string(),
            (Mode::Binary, _) => format!("ce_{attr}"),
        }
    }
}

type Headers<'a> = [(&'a str, Option<&'a [u8]>)];

fn last_header<'a>(headers: &Headers<'a>, name: &str) -> Option<Option<&'a [u8]>> {
    headers.iter().rev().find(|(n, _)| *n == name).map(|h| h.1)
}

/// The mode of a record, or None when it is not a CloudEvent. A `content-type` starting with
/// `application/cloudevents` (any case) means structured, whatever else the record carries;
/// otherwise at least two of the four mandatory `ce_` headers mean binary (so a record that lost
/// one of them is still recognised, and reported).
pub fn mode(headers: &Headers<'_>) -> Option<Mode> {
    let structured = last_header(headers, "content-type")
        .flatten()
        .is_some_and(|ct| {
            const P: &[u8] = b"application/cloudevents";
            ct.len() >= P.len() && ct[..P.len()].eq_ignore_ascii_case(P)
        });
    if structured {
        return Some(Mode::Structured);
    }
    let present = REQUIRED
        .iter()
        .filter(|a| {
            headers
                .iter()
                .any(|(n, _)| n.strip_prefix("ce_") == Some(**a))
        })
        .count();
    (present >= 2).then_some(Mode::Binary)
}

/// One attribute's value: text, or (structured mode only) a JSON number or boolean as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Attr {
    Text(String),
    /// A number or boolean, kept as its JSON text (its canonical string in binary mode).
    Json(String),
}

impl Attr {
    /// The attribute's canonical string (what a `ce_` header carries).
    pub fn as_str(&self) -> &str {
        match self {
            Attr::Text(s) | Attr::Json(s) => s,
        }
    }
    fn to_json(&self) -> String {
        match self {
            Attr::Text(s) => serde_json::to_string(s).expect("a string serialises"),
            Attr::Json(s) => s.clone(),
        }
    }
}

/// The data of an event as the record carries it.
#[derive(Debug, Clone, PartialEq)]
pub enum Data<'a> {
    None,
    /// Structured: the `data` member, as written (JSON text).
    Json(&'a str),
    /// Structured: the decoded `data_base64` member.
    Base64(Vec<u8>),
    /// Binary: the record value.
    Bytes(&'a [u8]),
}

/// An event read from a record: its attributes in the order they came, and its data.
#[derive(Debug, Clone)]
pub struct Event<'a> {
    pub mode: Mode,
    pub attrs: Vec<(String, Attr)>,
    pub data: Data<'a>,
    /// What is wrong with it, each naming the attribute (empty: a valid CloudEvent).
    pub problems: Vec<String>,
    /// How many of the first `problems` left something unreadable (a value that is no JSON
    /// object, a header not UTF-8, a duplicate...): those stop a conversion; the others (a
    /// missing or wrong attribute) are the validator's business.
    unreadable: usize,
}

impl<'a> Event<'a> {
    /// The event a record carries, when it is a CloudEvent (`mode`). Never fails: what cannot be
    /// read is a problem of the event.
    pub fn read(headers: &Headers<'a>, value: Option<&'a [u8]>) -> Option<Event<'a>> {
        Some(match mode(headers)? {
            Mode::Structured => Event::structured(value),
            Mode::Binary => Event::binary(headers, value),
        })
    }

    /// The value of an attribute.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn structured(value: Option<&'a [u8]>) -> Event<'a> {
        let mut ev = Event {
            mode: Mode::Structured,
            attrs: Vec::new(),
            data: Data::None,
            problems: Vec::new(),
            unreadable: 0,
        };
        let members = match value.map(serde_json::from_slice::<Members<'a>>) {
            None => {
                ev.problems
                    .push("the value is empty: a structured event is a JSON object".into());
                ev.unreadable = 1;
                return ev;
            }
            Some(Err(e)) => {
                ev.problems
                    .push(format!("the value is not a JSON object ({e})"));
                ev.unreadable = 1;
                return ev;
            }
            Some(Ok(m)) => m.0,
        };
        let mut seen = std::collections::HashSet::new();
        let mut data_seen = false;
        for (name, raw) in members {
            if !seen.insert(name.clone()) {
                ev.problems
                    .push(format!("{} appears more than once", shown(&name)));
                continue;
            }
            match name.as_str() {
                "data" | "data_base64" => {
                    if data_seen {
                        ev.problems
                            .push("data and data_base64 are both present (at most one)".into());
                        continue;
                    }
                    data_seen = true;
                    if name == "data" {
                        ev.data = Data::Json(raw.get());
                        continue;
                    }
                    match serde_json::from_str::<String>(raw.get())
                        .map(|s| base64::engine::general_purpose::STANDARD.decode(s.as_bytes()))
                    {
                        Ok(Ok(bytes)) => ev.data = Data::Base64(bytes),
                        _ => ev
                            .problems
                            .push("data_base64 is not a base64 string".into()),
                    }
                }
                _ => match serde_json::from_str::<Value>(raw.get()) {
                    Ok(Value::Null) => {}
                    Ok(Value::String(s)) => ev.attrs.push((name, Attr::Text(s))),
                    Ok(Value::Number(_) | Value::Bool(_)) => {
                        ev.attrs.push((name, Attr::Json(raw.get().to_string())))
                    }
                    _ => ev.problems.push(format!(
                        "{} is an object or array, not an attribute value",
                        shown(&name)
                    )),
                },
            }
        }
        ev.unreadable = ev.problems.len();
        ev.check();
        ev
    }

    fn binary(headers: &Headers<'a>, value: Option<&'a [u8]>) -> Event<'a> {
        let mut ev = Event {
            mode: Mode::Binary,
            attrs: Vec::new(),
            data: value.map_or(Data::None, Data::Bytes),
            problems: Vec::new(),
            unreadable: 0,
        };
        let mut seen = std::collections::HashSet::new();
        for (header, v) in headers.iter().rev() {
            let attr = match header.strip_prefix("ce_") {
                Some(a) => a,
                None if *header == "content-type" => "datacontenttype",
                None => continue,
            };
            // The last of duplicate headers is the one Kafka clients read.
            if !seen.insert(attr) {
                ev.problems
                    .push(format!("{} appears more than once", shown(header)));
                continue;
            }
            match v.map(std::str::from_utf8) {
                None => ev.problems.push(format!("{} has no value", shown(header))),
                Some(Err(_)) => ev.problems.push(format!("{} is not UTF-8", shown(header))),
                Some(Ok(s)) => ev.attrs.push((attr.to_string(), Attr::Text(s.to_string()))),
            }
        }
        ev.attrs.reverse();
        ev.problems.reverse();
        ev.unreadable = ev.problems.len();
        ev.check();
        ev
    }

    /// The binding's rules on attributes: the required ones present and non-empty, specversion
    /// "1.0", names of lowercase letters and digits, `time` in RFC 3339.
    fn check(&mut self) {
        let mode = self.mode;
        let mut problems = Vec::new();
        for name in REQUIRED {
            match self.get(name) {
                None => problems.push(format!("{} is missing (required)", mode.place(name))),
                Some("") => problems.push(format!("{} is empty", mode.place(name))),
                Some(_) => {}
            }
        }
        if let Some(v) = self.get("specversion").filter(|v| *v != "1.0") {
            problems.push(format!(
                "{} is {}, not \"1.0\"",
                mode.place("specversion"),
                quoted(v)
            ));
        }
        for (name, value) in &self.attrs {
            let required = REQUIRED.contains(&name.as_str());
            if required && !matches!(value, Attr::Text(_)) {
                problems.push(format!("{} must be a string", mode.place(name)));
            }
            if name.is_empty()
                || !name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            {
                problems.push(format!(
                    "{} is not a valid attribute name (lowercase letters and digits only)",
                    shown(&mode.place(name))
                ));
            }
        }
        if let Some(t) = self.get("time") {
            let rfc3339 = &time::format_description::well_known::Rfc3339;
            if time::OffsetDateTime::parse(t, rfc3339).is_err() {
                problems.push(format!(
                    "{} is {}, not an RFC 3339 timestamp",
                    mode.place("time"),
                    quoted(t)
                ));
            }
        }
        for name in ["dataschema", "subject", "datacontenttype"] {
            if self.get(name) == Some("") {
                problems.push(format!("{} is empty", mode.place(name)));
            }
        }
        self.problems.extend(problems);
    }

    /// Whether the data is JSON by its `datacontenttype`: absent, `*/json` or `*/*+json`.
    pub fn json_data(&self) -> bool {
        is_json_type(self.get("datacontenttype"))
    }

    /// The event in structured mode, rebuilt as a JSON value (binary mode: its attributes as
    /// strings and its data parsed), for validation against the envelope schemas. None when the
    /// data is not JSON.
    pub fn to_json_value(&self) -> Option<Value> {
        let mut m = serde_json::Map::new();
        for (name, v) in &self.attrs {
            let value = match v {
                Attr::Text(s) => Value::String(s.clone()),
                Attr::Json(s) => serde_json::from_str(s).ok()?,
            };
            m.insert(name.clone(), value);
        }
        match &self.data {
            Data::None => {}
            Data::Json(text) => {
                m.insert("data".into(), serde_json::from_str(text).ok()?);
            }
            Data::Base64(_) => return None,
            Data::Bytes(b) => {
                if !self.json_data() {
                    return None;
                }
                m.insert("data".into(), serde_json::from_slice(b).ok()?);
            }
        }
        Some(Value::Object(m))
    }
}

/// Is this `datacontenttype` JSON (absent means JSON in the JSON event format)?
pub fn is_json_type(ct: Option<&str>) -> bool {
    let Some(ct) = ct else { return true };
    let media = ct.split(';').next().unwrap_or(ct).trim();
    let Some((_, sub)) = media.split_once('/') else {
        return false;
    };
    // Bytes, not characters: a content type is untrusted and may end inside a character.
    let sub = sub.as_bytes();
    sub.eq_ignore_ascii_case(b"json")
        || (sub.len() > 5 && sub[sub.len() - 5..].eq_ignore_ascii_case(b"+json"))
}

/// A name or value in a message: escaped, and cut when long (attributes are untrusted input).
pub fn shown(s: &str) -> String {
    const MAX: usize = 64;
    let head: String = s.chars().take(MAX).collect();
    let head = crate::output::sanitize::escape_line(&head).into_owned();
    if s.chars().nth(MAX).is_some() {
        format!("{head}… ({} bytes)", s.len())
    } else {
        head
    }
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", shown(s))
}

/// A record's headers and value after a conversion (the key stays as it is).
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub headers: Vec<Header>,
    pub value: Option<Vec<u8>>,
}

/// The headers that are not the binding's (`content-type`, `ce_*`), in their order.
fn other_headers(headers: &Headers<'_>) -> Vec<Header> {
    headers
        .iter()
        .filter(|(n, _)| *n != "content-type" && !n.starts_with("ce_"))
        .map(Header::owned)
        .collect()
}

fn check_convertible(ev: &Event<'_>) -> Result<(), String> {
    match ev.problems[..ev.unreadable].first() {
        None => Ok(()),
        Some(p) => Err(format!("cannot convert this CloudEvent: {p}")),
    }
}

/// A structured event as binary mode: the value is the `data` member exactly as written (or the
/// text of a JSON string when `datacontenttype` is not JSON, or the decoded `data_base64`),
/// `datacontenttype` becomes `content-type` and every other attribute a `ce_` header.
pub fn to_binary(headers: &Headers<'_>, value: Option<&[u8]>) -> Result<Converted, String> {
    let ev = Event::structured(value);
    check_convertible(&ev)?;
    let mut out = other_headers(headers);
    for (name, v) in &ev.attrs {
        let header = if name == "datacontenttype" {
            "content-type".to_string()
        } else {
            format!("ce_{name}")
        };
        out.push(Header {
            name: header,
            value: Some(v.as_str().as_bytes().to_vec()),
        });
    }
    let value = match ev.data {
        Data::None => None,
        Data::Bytes(b) => Some(b.to_vec()),
        Data::Base64(b) => Some(b),
        Data::Json(text) if !ev.json_data() && text.starts_with('"') => Some(
            serde_json::from_str::<String>(text)
                .map_err(|e| format!("data is not a readable JSON string ({e})"))?
                .into_bytes(),
        ),
        Data::Json(text) => Some(text.as_bytes().to_vec()),
    };
    Ok(Converted {
        headers: out,
        value,
    })
}

/// A binary event as structured mode: the attributes from the headers, JSON data embedded as
/// `data` byte for byte, anything else (or JSON with whitespace around it, which `data` could
/// not give back byte for byte) as `data_base64`. Data that its `datacontenttype` says is JSON
/// but does not parse is an error.
pub fn to_structured(headers: &Headers<'_>, value: Option<&[u8]>) -> Result<Converted, String> {
    let ev = Event::binary(headers, value);
    check_convertible(&ev)?;
    let mut json = String::from("{");
    for (name, v) in &ev.attrs {
        if json.len() > 1 {
            json.push(',');
        }
        json.push_str(&serde_json::to_string(name).expect("a string serialises"));
        json.push(':');
        json.push_str(&v.to_json());
    }
    let mut value_out = json.into_bytes();
    if let Some(data) = value {
        if value_out.len() > 1 {
            value_out.push(b',');
        }
        let trimmed = data.trim_ascii();
        let embed = ev.json_data() && trimmed.len() == data.len() && !data.is_empty();
        // An empty value is no JSON, but no mistake either: it travels (as "") in data_base64.
        if ev.json_data() && !data.is_empty() {
            serde_json::from_slice::<&RawValue>(data).map_err(|e| {
                format!(
                    "the data is not JSON although content-type {} says it is ({e})",
                    ev.get("datacontenttype")
                        .map_or_else(|| "(absent)".to_string(), quoted)
                )
            })?;
        }
        if embed {
            value_out.extend_from_slice(b"\"data\":");
            value_out.extend_from_slice(data);
        } else {
            value_out.extend_from_slice(b"\"data_base64\":\"");
            value_out.extend_from_slice(
                base64::engine::general_purpose::STANDARD
                    .encode(data)
                    .as_bytes(),
            );
            value_out.push(b'"');
        }
    }
    value_out.push(b'}');
    let mut out = other_headers(headers);
    out.push(Header {
        name: "content-type".into(),
        value: Some(STRUCTURED_CONTENT_TYPE.as_bytes().to_vec()),
    });
    Ok(Converted {
        headers: out,
        value: Some(value_out),
    })
}

/// Convert a record's event to `target` mode; None when it is already in that mode or is not a
/// CloudEvent.
pub fn convert(
    target: Mode,
    headers: &Headers<'_>,
    value: Option<&[u8]>,
) -> Option<Result<Converted, String>> {
    match (mode(headers)?, target) {
        (Mode::Structured, Mode::Binary) => Some(to_binary(headers, value)),
        (Mode::Binary, Mode::Structured) => Some(to_structured(headers, value)),
        _ => None,
    }
}

/// Where `trace` found one of an event's attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found<'a> {
    /// A `ce_` header's bytes (decoded by the caller, which bounds what it shows).
    Header(&'a [u8]),
    /// A top-level string member of the JSON value.
    Field(&'a str),
}

/// An event's `type`, `id` or `source` as `trace` shows it. In binary mode from the `ce_`
/// header only: the value is the data, and a `type` or `id` of its own is not the event's. In
/// structured mode (any JSON event) the value's member, and a lone `ce_` header when it has
/// none (`source`: the header first, as before).
pub fn attribute<'a>(
    headers: &Headers<'a>,
    json: Option<&'a Value>,
    name: &str,
) -> Option<Found<'a>> {
    let header = || {
        headers
            .iter()
            .rev()
            .find(|(n, _)| n.strip_prefix("ce_") == Some(name))
            .and_then(|(_, v)| *v)
            .map(Found::Header)
    };
    if mode(headers) == Some(Mode::Binary) {
        return header();
    }
    let field = || {
        json.and_then(|j| j.get(name))
            .and_then(Value::as_str)
            .map(Found::Field)
    };
    if name == "source" {
        header().or_else(field)
    } else {
        field().or_else(header)
    }
}

/// A structured event's top-level members, in order, duplicates kept, values unparsed.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de> de::Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    out.push((k, map.next_value::<&'de RawValue>()?));
                }
                Ok(Members(out))
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hs<'a>(pairs: &'a [(&'a str, &'a [u8])]) -> Vec<(&'a str, Option<&'a [u8]>)> {
        pairs.iter().map(|(n, v)| (*n, Some(*v))).collect()
    }

    const BINARY: &[(&str, &[u8])] = &[
        ("ce_specversion", b"1.0"),
        ("ce_id", b"e-1"),
        ("ce_source", b"/checkout"),
        ("ce_type", b"OrderPlaced"),
        ("content-type", b"application/json"),
        (
            "traceparent",
            b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        ),
    ];

    #[test]
    fn modes_are_told_apart_by_content_type_then_ce_headers() {
        let ct = |v: &'static [u8]| vec![("content-type", Some(v))];
        assert_eq!(
            mode(&ct(b"application/cloudevents+json; charset=UTF-8")),
            Some(Mode::Structured)
        );
        assert_eq!(
            mode(&ct(b"Application/CloudEvents+JSON")),
            Some(Mode::Structured)
        );
        assert_eq!(mode(&ct(b"application/json")), None);
        assert_eq!(mode(&ct(b"app")), None);
        assert_eq!(mode(&hs(BINARY)), Some(Mode::Binary));
        // One ce_ header alone (a routing hint) is not an event; two are one, reported.
        assert_eq!(mode(&hs(&[("ce_type", b"A")])), None);
        assert_eq!(
            mode(&hs(&[("ce_type", b"A"), ("ce_id", b"1")])),
            Some(Mode::Binary)
        );
        // Both at once: structured, as the binding says (content-type first).
        let mut both = hs(BINARY);
        both.push(("content-type", Some(b"application/cloudevents+json")));
        assert_eq!(mode(&both), Some(Mode::Structured));
    }

    #[test]
    fn a_valid_binary_event_reads_with_no_problem() {
        let h = hs(BINARY);
        let ev = Event::read(&h, Some(b"{\"a\":1}")).unwrap();
        assert_eq!(ev.mode, Mode::Binary);
        assert!(ev.problems.is_empty(), "{:?}", ev.problems);
        assert_eq!(ev.get("datacontenttype"), Some("application/json"));
        assert_eq!(ev.get("traceparent"), None, "not a ce_ header");
        assert_eq!(
            ev.to_json_value().unwrap(),
            serde_json::json!({"specversion":"1.0","id":"e-1","source":"/checkout",
                "type":"OrderPlaced","datacontenttype":"application/json","data":{"a":1}})
        );
    }

    #[test]
    fn problems_name_the_attribute_in_its_mode() {
        let h = hs(&[
            ("ce_specversion", b"0.3"),
            ("ce_id", b"e-1"),
            ("ce_type", b"T"),
            ("ce_time", b"yesterday"),
            ("ce_Bad-Name", b"x"),
        ]);
        let ev = Event::read(&h, None).unwrap();
        let p = ev.problems.join("\n");
        assert!(p.contains("ce_source is missing"), "{p}");
        assert!(p.contains("ce_specversion is \"0.3\", not \"1.0\""), "{p}");
        assert!(
            p.contains("ce_time is \"yesterday\", not an RFC 3339"),
            "{p}"
        );
        assert!(
            p.contains("ce_Bad-Name is not a valid attribute name"),
            "{p}"
        );
        let s = br#"{"specversion":1.0,"id":"","type":"T","source":"/s"}"#;
        let ct = [("content-type", Some(&b"application/cloudevents+json"[..]))];
        let ev = Event::read(&ct, Some(s)).unwrap();
        let p = ev.problems.join("\n");
        assert!(p.contains("id is empty"), "{p}");
        assert!(p.contains("specversion must be a string"), "{p}");
    }

    #[test]
    fn hostile_input_is_a_problem_never_a_panic() {
        let ct = [("content-type", Some(&b"application/cloudevents+json"[..]))];
        for (value, expect) in [
            (&b"not json"[..], "not a JSON object"),
            (b"[1,2]", "not a JSON object"),
            (b"{\"id\":\"a\",\"id\":\"b\"}", "id appears more than once"),
            (b"{\"data\":1,\"data_base64\":\"AA==\"}", "both present"),
            (b"{\"data_base64\":\"%%%\"}", "not a base64 string"),
            (b"{\"x\":{\"y\":1}}", "x is an object or array"),
            (
                b"{\"\\u001b[31m\":\"v\"}",
                "\\e[31m is not a valid attribute name",
            ),
        ] {
            let ev = Event::read(&ct, Some(value)).unwrap();
            let p = ev.problems.join("\n");
            assert!(
                p.contains(expect),
                "{}: {p}",
                String::from_utf8_lossy(value)
            );
        }
        assert!(Event::read(&ct, None).unwrap().problems[0].contains("empty"));
        // Bad UTF-8, a header without a value, duplicates: problems, and no conversion.
        let bad = [
            ("ce_id", Some(&b"\xff\xfe"[..])),
            ("ce_source", None),
            ("ce_type", Some(&b"T"[..])),
            ("ce_type", Some(&b"U"[..])),
            ("ce_specversion", Some(&b"1.0"[..])),
        ];
        let ev = Event::read(&bad, None).unwrap();
        let p = ev.problems.join("\n");
        assert!(p.contains("ce_id is not UTF-8"), "{p}");
        assert!(p.contains("ce_source has no value"), "{p}");
        assert!(p.contains("ce_type appears more than once"), "{p}");
        assert_eq!(ev.get("type"), Some("U"), "the last header wins");
        assert!(to_structured(&bad, None).unwrap_err().contains("not UTF-8"));
        // A huge attribute and many extensions: read in linear time, messages stay short.
        let huge = "x".repeat(4 << 20);
        let big = format!(
            r#"{{"specversion":"1.0","id":"1","source":"/s","type":"{huge}","time":"{huge}"{}}}"#,
            (0..20_000)
                .map(|i| format!(",\"e{i}\":{i}"))
                .collect::<String>()
        );
        let ev = Event::read(&ct, Some(big.as_bytes())).unwrap();
        assert_eq!(ev.attrs.len(), 20_005);
        assert_eq!(ev.problems.len(), 1, "{:?}", ev.problems);
        assert!(ev.problems[0].len() < 200, "{}", ev.problems[0]);
        let bin = to_binary(&ct, Some(big.as_bytes())).unwrap();
        assert_eq!(bin.headers.len(), 20_005);
    }

    #[test]
    fn structured_to_binary_keeps_the_data_bytes_as_written() {
        let data = r#"{ "b" : 1,"a":"\u00e9\u0000",  "n":1.50e3 }"#;
        let value = format!(
            r#"{{"specversion":"1.0","id":"9","source":"/s","type":"T","version":3,"traceparent":"00-x","datacontenttype":"application/json","data":{data}}}"#
        );
        let h = [
            ("content-type", Some(&b"application/cloudevents+json"[..])),
            ("ce_stale", Some(&b"x"[..])),
            ("other", Some(&b"kept"[..])),
        ];
        let c = to_binary(&h, Some(value.as_bytes())).unwrap();
        assert_eq!(c.value.as_deref(), Some(data.as_bytes()));
        let names: Vec<(&str, &[u8])> = c
            .headers
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_deref().unwrap()))
            .collect();
        assert_eq!(
            names,
            [
                ("other", &b"kept"[..]),
                ("ce_specversion", b"1.0"),
                ("ce_id", b"9"),
                ("ce_source", b"/s"),
                ("ce_type", b"T"),
                ("ce_version", b"3"),
                ("ce_traceparent", b"00-x"),
                ("content-type", b"application/json"),
            ]
        );
        // And back: the same data bytes, embedded as written.
        let hv: Vec<(&str, Option<&[u8]>)> = c
            .headers
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_deref()))
            .collect();
        let s = to_structured(&hv, c.value.as_deref()).unwrap();
        let text = String::from_utf8(s.value.clone().unwrap()).unwrap();
        assert!(text.ends_with(&format!(",\"data\":{data}}}")), "{text}");
        assert_eq!(s.headers.last().unwrap().name, "content-type");
        let hv2: Vec<(&str, Option<&[u8]>)> = s
            .headers
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_deref()))
            .collect();
        let again = to_binary(&hv2, s.value.as_deref()).unwrap();
        assert_eq!(again.value.as_deref(), Some(data.as_bytes()));
    }

    #[test]
    fn non_json_data_travels_as_base64_and_back() {
        let mut h = hs(BINARY);
        h[4] = ("content-type", Some(b"application/avro"));
        let avro = b"\x00\x00\x00\x00\x65\x02\xff\xfe";
        let s = to_structured(&h, Some(avro)).unwrap();
        let v: Value = serde_json::from_slice(s.value.as_deref().unwrap()).unwrap();
        assert_eq!(v["datacontenttype"], "application/avro");
        assert!(v.get("data").is_none());
        let hv: Vec<(&str, Option<&[u8]>)> = s
            .headers
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_deref()))
            .collect();
        let b = to_binary(&hv, s.value.as_deref()).unwrap();
        assert_eq!(b.value.as_deref(), Some(&avro[..]));
        // An empty value: no data_base64 is lost either.
        let s = to_structured(&hs(BINARY), Some(b"")).unwrap();
        let v: Value = serde_json::from_slice(s.value.as_deref().unwrap()).unwrap();
        assert_eq!(v["data_base64"], "");
        let hv: Vec<(&str, Option<&[u8]>)> = s
            .headers
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_deref()))
            .collect();
        assert_eq!(
            to_binary(&hv, s.value.as_deref()).unwrap().value,
            Some(vec![])
        );
        // A null value: an event with no data at all.
        let none = to_structured(&hs(BINARY), None).unwrap().value.unwrap();
        assert!(none.ends_with(b"\"application/json\"}"), "{none:?}");
        // JSON with whitespace around it: base64, so the newline comes back too.
        let s = to_structured(&hs(BINARY), Some(b"{\"a\":1}\n")).unwrap();
        let v: Value = serde_json::from_slice(s.value.as_deref().unwrap()).unwrap();
        assert_eq!(v["data_base64"], "eyJhIjoxfQo=");
        // Text data written as a JSON string in structured mode becomes its text.
        let st = br#"{"specversion":"1.0","id":"1","source":"/s","type":"T","datacontenttype":"text/plain","data":"h\u00e9"}"#;
        let ct = [("content-type", Some(&b"application/cloudevents+json"[..]))];
        assert_eq!(
            to_binary(&ct, Some(st)).unwrap().value.unwrap(),
            "hé".as_bytes()
        );
    }

    #[test]
    fn data_said_to_be_json_but_not_json_is_an_error() {
        let e = to_structured(&hs(BINARY), Some(b"{oops")).unwrap_err();
        assert!(
            e.contains("not JSON although content-type \"application/json\""),
            "{e}"
        );
        let no_ct: Vec<_> = hs(BINARY)
            .into_iter()
            .filter(|h| h.0 != "content-type")
            .collect();
        assert!(to_structured(&no_ct, Some(b"\xff")).is_err());
        let ct = [("content-type", Some(&b"application/cloudevents+json"[..]))];
        assert!(to_binary(&ct, Some(b"{\"id\":")).is_err());
        assert!(convert(Mode::Binary, &ct, Some(b"{\"id\":"))
            .unwrap()
            .is_err());
        assert!(
            convert(Mode::Structured, &ct, Some(b"{}")).is_none(),
            "already"
        );
        assert!(
            convert(Mode::Binary, &[], Some(b"{}")).is_none(),
            "not an event"
        );
    }

    #[test]
    fn trace_reads_a_binary_event_from_its_headers_not_its_data() {
        let data: Value = serde_json::json!({"type": "card", "id": "pay-1", "source": "x"});
        let h = hs(BINARY);
        for (name, want) in [
            ("type", "OrderPlaced"),
            ("id", "e-1"),
            ("source", "/checkout"),
        ] {
            assert_eq!(
                attribute(&h, Some(&data), name),
                Some(Found::Header(want.as_bytes())),
                "{name}"
            );
        }
        let ev: Value = serde_json::json!({"type": "T", "id": "9", "source": "/s"});
        let ct = [("content-type", Some(&b"application/cloudevents+json"[..]))];
        assert_eq!(attribute(&ct, Some(&ev), "id"), Some(Found::Field("9")));
        let lone = [("ce_type", Some(&b"B"[..]))];
        assert_eq!(attribute(&lone, None, "type"), Some(Found::Header(b"B")));
        assert_eq!(attribute(&lone, None, "id"), None);
    }

    #[test]
    fn json_content_types() {
        for ct in [
            None,
            Some("application/json"),
            Some("application/cloudevents+JSON; x=1"),
            Some("text/json"),
        ] {
            assert!(is_json_type(ct), "{ct:?}");
        }
        for ct in [
            Some("text/plain"),
            Some("application/avro"),
            Some("json"),
            Some("a/+json"),
            Some("a/\u{1fad8}4\u{1e00e}/\u{13e8}"),
            Some("a/x\u{e9}json"),
        ] {
            assert!(!is_json_type(ct), "{ct:?}");
        }
    }
}
