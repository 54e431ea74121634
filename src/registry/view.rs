//! Records as people and filters see them when their keys or values are Avro, Protobuf or
//! framed JSON: decoded with the local registry (see [`super::binary`]).
//!
//! The record envelope stays lossless: a decoded field is embedded as JSON with its encoding
//! (`"value_encoding":"avro"`) and its schema (`"value_schema":{...}`) only when encoding it
//! again gives back the very bytes; otherwise the bytes stay (base64) and the decoded form is
//! added beside them, read-only (`"value_decoded"`). A field that does not decode keeps its
//! bytes and says why (`"value_error"`).

use super::binary::{Decoded, Named, Part};
use super::Registry;
use crate::codec::Payload;
use crate::record::RecordView;
use anyhow::Result;

/// Decodes records' keys and values, when the registry has anything to decode them with.
pub struct Decoder<'r> {
    reg: &'r Registry,
    key: Option<Named<'r>>,
    value: Option<Named<'r>>,
    skip_key: bool,
    skip_value: bool,
    /// The last topic asked about, and whether it has an Avro/Protobuf route.
    routed: std::cell::RefCell<Option<(String, bool)>>,
}

/// One record's decoded fields (None: nothing said it had a schema).
pub struct Fields {
    pub key: Option<Result<Decoded, String>>,
    pub value: Option<Result<Decoded, String>>,
}

impl<'r> Decoder<'r> {
    /// A decoder when the registry has Avro/Protobuf subjects, schema ids, or a schema is named
    /// (`--key-schema`, `--value-schema`: `SUBJECT[@VERSION]`); None when it could never decode.
    pub fn new(
        reg: &'r Registry,
        key_schema: Option<&str>,
        value_schema: Option<&str>,
    ) -> Result<Option<Decoder<'r>>> {
        let named = |spec: Option<&str>| -> Result<Option<Named<'r>>> {
            spec.map(|s| {
                let (subject, file) = reg.schema_ref(s)?;
                Ok(Named { subject, file })
            })
            .transpose()
        };
        let (key, value) = (named(key_schema)?, named(value_schema)?);
        let useful = key.is_some()
            || value.is_some()
            || reg.has_ids()
            || reg
                .subjects
                .values()
                .any(|s| s.format != super::binary::Format::JsonSchema);
        Ok(useful.then_some(Decoder {
            reg,
            key,
            value,
            skip_key: false,
            skip_value: false,
            routed: Default::default(),
        }))
    }

    /// Leave keys or values alone (`--key-type`/`--value-type` said how to read them).
    pub fn skip(mut self, key: bool, value: bool) -> Self {
        self.skip_key = key;
        self.skip_value = value;
        self
    }

    /// Whether a record could have a schema at all: a schema id header, a payload in the wire
    /// format, a named schema, or an Avro/Protobuf route for its topic (remembered for the last
    /// topic seen). The cheap test every record of a plain JSON topic passes through.
    fn candidate(&self, r: &RecordView<'_>) -> bool {
        let framed = |b: Option<&[u8]>| b.is_some_and(|b| b.len() >= 5 && b[0] == 0);
        if framed(r.key) || framed(r.value) || self.key.is_some() || self.value.is_some() {
            return true;
        }
        if r.headers
            .iter()
            .any(|(n, _)| *n == super::wire::id_header(true) || *n == super::wire::id_header(false))
        {
            return true;
        }
        let mut last = self.routed.borrow_mut();
        match &*last {
            Some((topic, routed)) if topic == r.topic => *routed,
            _ => {
                let routed = self.reg.binary_route(r.topic, Part::Key).is_some()
                    || self.reg.binary_route(r.topic, Part::Value).is_some();
                *last = Some((r.topic.to_string(), routed));
                routed
            }
        }
    }

    /// Decode what has a schema; None when neither field does.
    pub fn fields(&self, r: &RecordView<'_>) -> Option<Fields> {
        if !self.candidate(r) {
            return None;
        }
        let decode = |part, bytes, named: Option<&Named<'_>>| {
            self.reg.decode(r.topic, part, bytes, r.headers, named)
        };
        let key = (!self.skip_key)
            .then(|| decode(Part::Key, r.key, self.key.as_ref()))
            .flatten();
        let value = (!self.skip_value)
            .then(|| decode(Part::Value, r.value, self.value.as_ref()))
            .flatten();
        (key.is_some() || value.is_some()).then_some(Fields { key, value })
    }
}

impl Fields {
    /// The record with decoded fields as their JSON text (for pretty output, `--format` and
    /// filters); fields that did not decode keep their bytes.
    pub fn view<'a>(&'a self, r: &RecordView<'a>) -> RecordView<'a> {
        let pick = |d: &'a Option<Result<Decoded, String>>, raw: Option<&'a [u8]>| match d {
            Some(Ok(d)) => Some(d.text.as_bytes()),
            _ => raw,
        };
        RecordView {
            key: pick(&self.key, r.key),
            value: pick(&self.value, r.value),
            ..*r
        }
    }

    /// The envelope filters see: decoded fields as JSON.
    pub fn filter_json(&self, r: &RecordView<'_>) -> serde_json::Value {
        let mut env = r.to_json_value();
        for (part, d) in [("key", &self.key), ("value", &self.value)] {
            if let Some(Ok(d)) = d {
                env[part] = d.json.clone();
            }
        }
        env
    }

    /// Problems, as `key: why` / `value: why`.
    pub fn errors(&self) -> impl Iterator<Item = (Part, &str)> {
        [(Part::Key, &self.key), (Part::Value, &self.value)]
            .into_iter()
            .filter_map(|(p, d)| match d {
                Some(Err(e)) => Some((p, e.as_str())),
                _ => None,
            })
    }

    /// `value: avro order-shipped@2 (id 102)` lines for pretty output.
    pub fn notes(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (part, d) in [(Part::Key, &self.key), (Part::Value, &self.value)] {
            match d {
                Some(Ok(d)) => {
                    let id = d
                        .schema
                        .id
                        .as_ref()
                        .map(|i| match i {
                            super::binary::IdText::Num(n) => format!(", id {n}"),
                            super::binary::IdText::Guid(g) => format!(", id {g}"),
                        })
                        .unwrap_or_default();
                    let msg = d
                        .schema
                        .message
                        .as_ref()
                        .map(|m| format!(" {m}"))
                        .unwrap_or_default();
                    out.push(format!(
                        "{}: {} {}@{}{msg}{id}",
                        part.name(),
                        d.format.name(),
                        d.schema.subject,
                        d.schema.version
                    ));
                }
                Some(Err(e)) => out.push(format!("{}: not decoded: {e}", part.name())),
                None => {}
            }
        }
        out
    }

    /// Append the envelope with every decoded field embedded as JSON with its schema, exact or
    /// not (for transforms, which encode their result again).
    pub fn write_json_line_decoded(&self, r: &RecordView<'_>, out: &mut Vec<u8>) {
        let exact = |d: &Option<Result<Decoded, String>>| match d {
            Some(Ok(d)) => Some(Ok(Decoded {
                json: serde_json::Value::Null,
                text: d.text.clone(),
                format: d.format,
                schema: d.schema.clone(),
                exact: true,
            })),
            Some(Err(e)) => Some(Err(e.clone())),
            None => None,
        };
        Fields {
            key: exact(&self.key),
            value: exact(&self.value),
        }
        .write_json_line(r, out)
    }

    /// Append the lossless envelope of this record as one JSON line.
    pub fn write_json_line(&self, r: &RecordView<'_>, out: &mut Vec<u8>) {
        use serde_json::value::RawValue;
        let raw = |d: &Decoded| RawValue::from_string(d.text.clone()).ok();
        let key_exact = match &self.key {
            Some(Ok(d)) if d.exact => raw(d),
            _ => None,
        };
        let value_exact = match &self.value {
            Some(Ok(d)) if d.exact => raw(d),
            _ => None,
        };
        let fmt = |d: &Option<Result<Decoded, String>>| match d {
            Some(Ok(d)) => Some(d.format.name()),
            _ => None,
        };
        let key_plain = Payload::of(r.key, false);
        let value_plain = Payload::of(r.value, true);
        let ke = if key_exact.is_some() {
            fmt(&self.key)
        } else {
            key_plain.encoding()
        };
        let ve = if value_exact.is_some() {
            fmt(&self.value)
        } else {
            value_plain.encoding()
        };
        match (&key_exact, &value_exact) {
            (Some(k), Some(v)) => r.write_envelope(out, k, ke, v, ve),
            (Some(k), None) => r.write_envelope(out, k, ke, value_plain, ve),
            (None, Some(v)) => r.write_envelope(out, key_plain, ke, v, ve),
            (None, None) => r.write_envelope(out, key_plain, ke, value_plain, ve),
        }
        // The envelope is one object per line: add the schema fields last.
        out.truncate(out.len() - 2);
        for (part, d) in [("key", &self.key), ("value", &self.value)] {
            match d {
                Some(Ok(d)) => {
                    if !d.exact {
                        out.extend_from_slice(format!(",\"{part}_decoded\":").as_bytes());
                        out.extend_from_slice(d.text.as_bytes());
                    }
                    out.extend_from_slice(format!(",\"{part}_schema\":").as_bytes());
                    serde_json::to_writer(&mut *out, &d.schema).expect("writing to a Vec");
                }
                Some(Err(e)) => {
                    out.extend_from_slice(format!(",\"{part}_error\":").as_bytes());
                    serde_json::to_writer(&mut *out, e).expect("writing to a Vec");
                }
                None => {}
            }
        }
        out.extend_from_slice(b"}\n");
    }
}

/// A record's envelope line for people and scripts that read it (not for moving it): decoded
/// where `decoder` can, lossless either way.
pub fn json_line(decoder: Option<&Decoder<'_>>, r: &RecordView<'_>, out: &mut Vec<u8>) {
    match decoder.and_then(|d| d.fields(r)) {
        Some(f) => f.write_json_line(r, out),
        None => r.write_json_line(out),
    }
}

/// A record as `tail` shows it on a terminal: decoded values, and which schema decoded them.
pub fn pretty(
    decoder: Option<&Decoder<'_>>,
    r: &RecordView<'_>,
    styles: &crate::output::Styles,
) -> String {
    let Some(f) = decoder.and_then(|d| d.fields(r)) else {
        return crate::output::pretty::record(r, styles);
    };
    let mut text = crate::output::pretty::record(&f.view(r), styles);
    let d = styles.dim;
    for note in f.notes() {
        text.push_str(&format!(
            "  {d}{}{d:#}\n",
            crate::output::sanitize::escape_line(&note)
        ));
    }
    text
}

/// The value as JSON text when the registry decodes it (for samples in reports).
pub fn value_text(decoder: Option<&Decoder<'_>>, r: &RecordView<'_>) -> Option<String> {
    match decoder?.fields(r)?.value? {
        Ok(d) => Some(d.text),
        Err(_) => None,
    }
}

/// The registry at the configured place, for decoding what people read; None when there is
/// none or it does not open (reading goes on without decoding).
pub fn display_registry(settings: &crate::config::Settings) -> Option<Registry> {
    crate::registry::Registry::open_if_present(settings)
        .ok()
        .flatten()
}
