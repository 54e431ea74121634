//! `evtctl publish`: one event, or JSON Lines from a file or stdin, into a topic.
//!
//! Guarantees: the producer is idempotent with acks=all; every delivered record gets a receipt;
//! every line that cannot be parsed or delivered is reported with its line number; the exit
//! code is never 0 after a failure, and the run never stops silently halfway.

mod prepare;
mod send;

use crate::cli::{CeMode, Compression, InputFormat, MissingKey, PublishArgs};
use crate::cloudevents::Mode;
use crate::cmd::validate::{
    parse_json, verdict_against, verdict_for_event, with_attribute_problems, Verdict,
};
use crate::codec::Codec;
use crate::config::{split_kv, Settings};
use crate::error::usage;
use crate::input::{Chunks, Spare};
use crate::kafka::admin::Admin;
use crate::kafka::writer::{Writer, WriterOptions};
use crate::output::Printer;
use crate::record::{Header, Record};
use crate::registry::binary::{Format, Framing, IdHeader, Part};
use crate::registry::lookup::{Context as LookupContext, Keys};
use crate::registry::Registry;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use prepare::{Dests, Lines};
use send::{Sender, Sticky, Tally};
use serde_json::value::RawValue;
use std::collections::HashMap;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use send::Summary;

/// Where the key comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum KeySource {
    None,
    Fixed(Vec<u8>),
    /// A JSON pointer into the payload.
    Field(String),
}

/// The validated plan: everything decided before any I/O.
#[derive(Debug, Clone)]
pub struct Plan {
    pub topic: String,
    pub format: InputFormat,
    pub key: KeySource,
    pub headers: Vec<Header>,
    pub partition: Option<i32>,
    pub rate: Option<f64>,
    pub compression: Option<&'static str>,
    pub event_type: Option<String>,
    pub source: String,
    /// The `version` of events made with --type; None until resolved (registry, else 1).
    pub event_version: Option<u32>,
    /// How events made with --type travel (CloudEvents structured or binary mode).
    pub ce_mode: CeMode,
    /// The `dataschema` of events made with --type: `evtctl:schemas/<subject>/v<N>` when the
    /// registry routes the type (see `resolve_event_version`).
    pub dataschema: Option<String>,
    /// Check events the registry knows before sending them.
    pub validate: bool,
    /// (trace id, flags) to continue, from --trace / TRACEPARENT.
    pub trace: Option<(String, String)>,
    pub fail_fast: bool,
    pub envelope_topic: bool,
    /// How keys from the command line or the input become bytes.
    pub key_type: Codec,
    /// How each value given as text (a JSON or text line) becomes bytes (`--value-type`).
    pub value_type: Codec,
    /// An empty value is sent as null, a tombstone (`-Z/--null-empty`).
    pub null_empty: bool,
    /// With --key-field: a line without the field is rejected, or sent with a null key.
    pub missing_key: MissingKey,
    /// With --format text: split each line into key and value at the first of these bytes.
    pub key_delimiter: Option<Vec<u8>>,
    /// Create a missing topic with this many partitions.
    pub create: Option<i32>,
    /// The registry, to encode envelopes' decoded fields (`value_schema`) again.
    pub envelope_registry: Option<std::sync::Arc<Registry>>,
    /// Keys and values encoded with registry schemas (Avro, Protobuf, framed JSON).
    pub schemas: Option<Encoders>,
}

/// Which registry schema encodes keys and values (`--key-schema`, `--value-schema`, routes).
#[derive(Clone)]
pub struct Encoders {
    pub registry: std::sync::Arc<Registry>,
    pub key: Option<Target>,
    pub value: Option<Target>,
}

impl std::fmt::Debug for Encoders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoders")
            .field("key", &self.key)
            .field("value", &self.value)
            .finish()
    }
}

/// One subject version and how its payloads are framed.
#[derive(Debug, Clone)]
pub struct Target {
    pub subject: String,
    pub version: u32,
    pub framing: Framing,
}

impl Encoders {
    /// Encode one key or value (JSON text) with its target; errors say which schema and where.
    fn encode(
        &self,
        t: &Target,
        part: Part,
        json: &serde_json::Value,
    ) -> Result<(Vec<u8>, Option<IdHeader>)> {
        let reg = &*self.registry;
        let subject = reg.subject(&t.subject)?;
        let file = subject
            .version(t.version)
            .ok_or_else(|| anyhow::anyhow!("{}@{} is not in the registry", t.subject, t.version))?;
        reg.encode(subject, file, json, t.framing, None, part)
            .map_err(|e| match subject.format {
                Format::JsonSchema => {
                    anyhow::anyhow!("invalid against {}@{}: {e}", t.subject, t.version)
                }
                f => anyhow::anyhow!(
                    "does not fit {}@{} ({}): {e}",
                    t.subject,
                    t.version,
                    f.name()
                ),
            })
    }
}

/// Parse a W3C traceparent: `00-<32 hex trace id>-<16 hex span id>-<2 hex flags>`.
pub fn parse_traceparent(s: &str) -> Result<(String, String)> {
    let parts: Vec<&str> = s.trim().split('-').collect();
    let hex = |p: &str, n: usize| {
        p.len() == n
            && p.bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    };
    match parts.as_slice() {
        [v, trace, span, flags]
            if hex(v, 2)
                && *v != "ff"
                && hex(trace, 32)
                && hex(span, 16)
                && hex(flags, 2)
                && trace.bytes().any(|b| b != b'0')
                && span.bytes().any(|b| b != b'0') =>
        {
            Ok((trace.to_string(), flags.to_string()))
        }
        _ => Err(usage(format!(
            "--trace `{s}` is not a W3C traceparent (00-<32 hex>-<16 hex>-<2 hex>)"
        ))),
    }
}

fn random_hex(n_bytes: usize) -> String {
    let mut buf = vec![0u8; n_bytes];
    getrandom::fill(&mut buf).expect("the OS random source works");
    if buf.iter().all(|&b| b == 0) {
        buf[0] = 1; // all-zero ids are invalid
    }
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// A traceparent for one record: the given trace continued with a new span, or a new trace.
pub fn new_traceparent(parent: Option<&(String, String)>) -> String {
    match parent {
        Some((trace, flags)) => format!("00-{trace}-{}-{flags}", random_hex(8)),
        None => format!("00-{}-{}-01", random_hex(16), random_hex(8)),
    }
}

impl Plan {
    pub fn from_args(a: &PublishArgs) -> Result<Plan> {
        let key = match (&a.key, &a.key_field) {
            (Some(k), _) => KeySource::Fixed(a.key_type.encode("--key", k)?),
            (None, Some(f)) => {
                if !f.is_empty() && !f.starts_with('/') {
                    return Err(usage(format!(
                        "--key-field `{f}` must be a JSON pointer like /orderId"
                    )));
                }
                KeySource::Field(f.clone())
            }
            (None, None) => KeySource::None,
        };
        let mut headers = Vec::new();
        for h in &a.headers {
            headers.push(match h.split_once('=') {
                Some(_) => {
                    let (k, v) = split_kv(h, "-H")?;
                    Header {
                        name: k,
                        value: Some(v.into_bytes()),
                    }
                }
                None => Header {
                    name: h.clone(),
                    value: None,
                },
            });
        }
        if let Some(r) = a.rate {
            if !(r > 0.0 && r.is_finite()) {
                return Err(usage(format!(
                    "--rate {r}: must be a positive number of records per second"
                )));
            }
        }
        if a.partition.is_some_and(|p| p < 0) {
            return Err(usage("--partition cannot be negative"));
        }
        if a.event_type.is_some() && a.format != InputFormat::Json {
            return Err(usage(
                "--type wraps JSON payloads: use it with --format json",
            ));
        }
        if a.envelope_topic && a.format != InputFormat::Envelope {
            return Err(usage("--envelope-topic needs --format envelope"));
        }
        if let Some(d) = &a.key_delimiter {
            if a.format != InputFormat::Text {
                return Err(usage(
                    "--key-delimiter splits text lines: use it with --format text",
                ));
            }
            if d.is_empty() {
                return Err(usage("--key-delimiter cannot be empty"));
            }
        }
        if a.create && a.partitions < 1 {
            return Err(usage("--partitions must be at least 1"));
        }
        check_value_args(a)?;
        let trace = a
            .trace
            .as_deref()
            .filter(|t| !t.is_empty())
            .map(parse_traceparent)
            .transpose()?;
        Ok(Plan {
            topic: a.topic.clone(),
            format: a.format,
            key,
            headers,
            partition: a.partition,
            rate: a.rate,
            compression: match a.compression {
                Compression::None => None,
                Compression::Gzip => Some("gzip"),
                Compression::Snappy => Some("snappy"),
                Compression::Lz4 => Some("lz4"),
                Compression::Zstd => Some("zstd"),
            },
            event_type: a.event_type.clone(),
            source: a.source.clone(),
            event_version: a.event_version,
            ce_mode: a.ce_mode,
            dataschema: None,
            validate: !a.no_validate,
            trace,
            fail_fast: a.fail_fast,
            envelope_topic: a.envelope_topic,
            key_type: a.key_type,
            value_type: a.value_type,
            null_empty: a.null_empty,
            missing_key: a.missing_key,
            key_delimiter: a.key_delimiter.as_ref().map(|d| d.as_bytes().to_vec()),
            create: a.create.then_some(a.partitions),
            schemas: None,
            envelope_registry: None,
        })
    }

    /// Decide which registry schemas encode keys and values: `--key-schema`/`--value-schema`,
    /// else the topic's Avro or Protobuf route (`[routes.topics]`, `<topic>-value`/`-key`).
    /// JSON lines only: envelopes carry their own bytes (or their own `value_schema`).
    pub fn resolve_schemas(
        &mut self,
        a: &PublishArgs,
        registry: Option<std::sync::Arc<Registry>>,
    ) -> Result<()> {
        let named = a.value_schema.is_some() || a.key_schema.is_some();
        let Some(reg) = registry else {
            if named {
                return Err(usage(
                    "--value-schema and --key-schema need the schema registry (--registry DIR)",
                ));
            }
            return Ok(());
        };
        let target = |spec: &Option<String>, part: Part| -> Result<Option<Target>> {
            let (subject, version) = match spec {
                Some(s) => {
                    let (subject, file) = reg.schema_ref(s)?;
                    (subject, file.version)
                }
                None => match reg.binary_route(&self.topic, part) {
                    // A type given on the command line says how to write the bytes: no route.
                    Some(_) if !a.value_type.is_plain() && part == Part::Value => return Ok(None),
                    Some(_) if !a.key_type.is_plain() && part == Part::Key => return Ok(None),
                    Some(s) if self.format == InputFormat::Json => (s, s.latest().version),
                    _ => return Ok(None),
                },
            };
            let framing = if a.no_framing || subject.framing_none {
                Framing::None
            } else if a.id_header {
                Framing::Header
            } else {
                Framing::Prefix
            };
            Ok(Some(Target {
                subject: subject.name.clone(),
                version,
                framing,
            }))
        };
        if a.value_schema.is_some() && !a.value_type.is_plain() {
            return Err(usage(format!(
                "--value-schema encodes JSON events: it cannot be combined with --value-type {}",
                a.value_type.name()
            )));
        }
        if a.key_schema.is_some() && !a.key_type.is_plain() {
            return Err(usage(format!(
                "--key-schema encodes keys with the registry: it cannot be combined with --key-type {}",
                a.key_type.name()
            )));
        }
        let key = target(&a.key_schema, Part::Key)?;
        let value = target(&a.value_schema, Part::Value)?;
        if key.is_none() && value.is_none() {
            return Ok(());
        }
        if self.format != InputFormat::Json {
            return Err(usage("--value-schema and --key-schema encode JSON events: use --format json (envelopes carry their own value_schema)"));
        }
        if value.is_some() && self.event_type.is_some() {
            return Err(usage(format!(
                "--type wraps events in a JSON envelope, which cannot be encoded with {}: drop --type",
                value.as_ref().map(|t| t.subject.as_str()).unwrap_or("")
            )));
        }
        self.schemas = Some(Encoders {
            registry: reg,
            key,
            value,
        });
        Ok(())
    }

    /// With --type and no --event-version: the latest registered version of the type's
    /// subject. With --type and a registry routing the type: the `dataschema` naming that
    /// subject version (`evtctl:schemas/order-placed/v3`, which the registry lookup reads back).
    pub fn resolve_event_version(&mut self, registry: Option<&Registry>) {
        let (Some(reg), Some(ty)) = (registry, &self.event_type) else {
            return;
        };
        let Some(subject) = reg.routes.types.get(ty).and_then(|s| reg.subjects.get(s)) else {
            return;
        };
        let version = match self.event_version {
            None => subject.latest().version,
            Some(v) => v,
        };
        self.event_version = Some(version);
        // A version the subject lacks is refused by validation, which names it; no dataschema
        // then, so the refusal speaks of the version asked for, as before.
        if subject.version(version).is_some() {
            self.dataschema = Some(format!("evtctl:schemas/{}/v{version}", subject.name));
        }
    }

    /// With --type (and validation on): why its events will go out unvalidated, if they will:
    /// no registry at `dir`, or nothing in it (type route, topic route, `<topic>-value`) gives
    /// the type's events a schema. Said once, before sending, so it is never silent.
    pub fn unvalidated_type(
        &self,
        registry: Option<&Registry>,
        dir: &std::path::Path,
    ) -> Option<String> {
        let ty = self.event_type.as_deref().filter(|_| self.validate)?;
        let ty_shown = crate::output::sanitize::escape_line(ty);
        let Some(reg) = registry else {
            return Some(format!(
                "no schema registry at {} (--registry DIR, EVTCTL_REGISTRY): events of type `{ty_shown}` are published without validation",
                dir.display()
            ));
        };
        let event = serde_json::json!({ "type": ty, "version": self.event_version });
        let ctx = LookupContext {
            headers: &[],
            topic: Some(&self.topic),
        };
        // An error (a route to a version that does not exist) refuses each event as it is sent.
        matches!(reg.locate(None, &Keys::of(&event), &ctx), Ok(None)).then(|| {
            format!(
                "the registry at {} has no schema for type `{ty_shown}` (no [routes.types] entry) nor for topic `{}`: events are published without validation",
                reg.root.display(),
                crate::output::sanitize::escape_line(&self.topic)
            )
        })
    }

    /// Lines that become records as they are (JSON or text, no per-record key, wrapping or
    /// trace): sent straight from the read buffer, with no copy on our side.
    pub fn passthrough(&self) -> bool {
        self.format != InputFormat::Envelope
            && self.schemas.is_none()
            && !matches!(self.key, KeySource::Field(_))
            && self.key_delimiter.is_none()
            && self.event_type.is_none()
            && self.trace.is_none()
            && self.value_type.is_plain()
            && !self.null_empty
    }

    /// Check a line that `passthrough` sends as is: with `--format json`, the same JSON check
    /// `validate` makes (UTF-8 included).
    pub fn check_line(&self, line: &[u8]) -> Result<()> {
        if self.format == InputFormat::Json {
            parse_json::<serde::de::IgnoredAny>(line).map_err(anyhow::Error::msg)?;
        }
        Ok(())
    }

    /// Turn one input line into a record. No I/O; errors describe the line's problem.
    pub fn record_for_line(&self, line: &[u8]) -> Result<Record> {
        let text =
            || std::str::from_utf8(line).map_err(|e| anyhow::anyhow!("not valid UTF-8 ({e})"));
        let mut rec = match self.format {
            InputFormat::Text => match self.split_key(line) {
                Some((key, value)) => Record {
                    key: Some(if self.key_type.is_plain() {
                        key.to_vec()
                    } else {
                        self.key_type
                            .encode("the key", &String::from_utf8_lossy(key))?
                    }),
                    value: self.line_value(value)?,
                    ..Record::default()
                },
                None => Record {
                    value: self.line_value(line)?,
                    ..Record::default()
                },
            },
            InputFormat::Json => Record {
                value: self.line_value(line)?,
                ..Record::default()
            },
            InputFormat::Envelope => Record::from_envelope_in(
                text()?,
                self.schemas
                    .as_ref()
                    .map(|s| &*s.registry)
                    .or(self.envelope_registry.as_deref()),
            )
            .map_err(|e| anyhow::anyhow!("{e:#}"))?,
        };
        if !self.envelope_topic {
            rec.topic = None;
        }
        match &self.key {
            KeySource::None => {}
            KeySource::Fixed(k) => rec.key = Some(k.clone()),
            KeySource::Field(ptr) => {
                let payload = rec.value.as_deref().unwrap_or_default();
                let v: serde_json::Value = serde_json::from_slice(payload)
                    .map_err(|_| anyhow::anyhow!("--key-field {ptr}: the payload is not JSON"))?;
                let text = match v.pointer(ptr) {
                    Some(serde_json::Value::String(s)) => Some(s.clone()),
                    Some(serde_json::Value::Null) | None => match self.missing_key {
                        MissingKey::Null => None,
                        MissingKey::Reject => anyhow::bail!(
                            "--key-field {ptr}: no such field in the payload (--missing-key null sends such lines with a null key)"
                        ),
                    },
                    Some(other) => Some(other.to_string()),
                };
                rec.key = match text {
                    None => None,
                    Some(text) if self.key_type.is_plain() => Some(text.into_bytes()),
                    Some(text) => Some(self.key_type.encode(&format!("--key-field {ptr}"), &text)?),
                };
            }
        }
        if let Some(enc) = &self.schemas {
            if let (Some(t), Some(v)) = (&enc.value, rec.value.as_deref()) {
                let json: serde_json::Value =
                    serde_json::from_slice(v).map_err(|e| anyhow::anyhow!("not JSON: {e}"))?;
                let (bytes, header) = enc.encode(t, Part::Value, &json)?;
                rec.value = Some(bytes);
                if let Some((name, value)) = header {
                    rec.headers.push(Header {
                        name,
                        value: Some(value),
                    });
                }
            }
            if let (Some(t), Some(k)) = (&enc.key, rec.key.as_deref()) {
                let text = String::from_utf8_lossy(k);
                let json = serde_json::from_str(&text)
                    .unwrap_or_else(|_| serde_json::Value::String(text.clone().into_owned()));
                let (bytes, header) = enc
                    .encode(t, Part::Key, &json)
                    .map_err(|e| anyhow::anyhow!("key {e:#}"))?;
                rec.key = Some(bytes);
                if let Some((name, value)) = header {
                    rec.headers.push(Header {
                        name,
                        value: Some(value),
                    });
                }
            }
        }
        rec.headers.extend(self.headers.iter().cloned());
        if self.partition.is_some() {
            rec.partition = self.partition;
        }
        if self.event_type.is_some() || self.trace.is_some() {
            let traceparent = new_traceparent(self.trace.as_ref());
            rec.headers.retain(|h| h.name != "traceparent");
            rec.headers.push(Header {
                name: "traceparent".into(),
                value: Some(traceparent.clone().into_bytes()),
            });
            if let Some(t) = &self.event_type {
                let data = rec.value.take().unwrap_or_else(|| b"null".to_vec());
                self.wrap(t, data, &traceparent, &mut rec)?;
            }
        }
        Ok(rec)
    }

    /// The value of a JSON or text line (or of its part after --key-delimiter): null when empty
    /// under -Z; encoded by --value-type from its text; else as it is, checked to be JSON under
    /// `--format json`.
    fn line_value(&self, value: &[u8]) -> Result<Option<Vec<u8>>> {
        if self.null_empty && value.is_empty() {
            return Ok(None);
        }
        if !self.value_type.is_plain() {
            let text = std::str::from_utf8(value).map_err(|e| {
                anyhow::anyhow!(
                    "--value-type {}: not UTF-8 text ({e})",
                    self.value_type.name()
                )
            })?;
            return Ok(Some(self.value_type.encode("the value", text)?));
        }
        if self.format == InputFormat::Json {
            parse_json::<&RawValue>(value).map_err(anyhow::Error::msg)?;
        }
        Ok(Some(value.to_vec()))
    }

    /// With --key-delimiter: (key, value) split at the first delimiter, or None (no key).
    fn split_key<'l>(&self, line: &'l [u8]) -> Option<(&'l [u8], &'l [u8])> {
        let d = self.key_delimiter.as_deref()?;
        let at = line.windows(d.len()).position(|w| w == d)?;
        Some((&line[..at], &line[at + d.len()..]))
    }

    /// Make `rec` a CloudEvents 1.0 event around `data` (a JSON payload). Structured mode: the
    /// value is `{specversion, id, source, type, version, time, datacontenttype, dataschema,
    /// data}` with `data` as written and `content-type: application/cloudevents+json`; binary
    /// mode: the value is `data` as it is, the attributes `ce_*` headers (with `ce_traceparent`)
    /// and `content-type: application/json`. `version` is kept as an extension attribute: the
    /// registry's envelope schemas and its lookup read it. A `content-type` or `ce_*` header
    /// given with -H that this sets is replaced; other `ce_` headers (extensions) stay.
    fn wrap(
        &self,
        event_type: &str,
        data: Vec<u8>,
        traceparent: &str,
        rec: &mut Record,
    ) -> Result<()> {
        let raw: &RawValue =
            serde_json::from_slice(&data).context("--type wraps JSON payloads only")?;
        let now = time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339)
            .expect("formatting now cannot fail");
        let id = uuid::Uuid::new_v4().to_string();
        let version = self.event_version.unwrap_or(1);
        // What -H gave that this sets is replaced; other `ce_` headers (extension attributes in
        // binary mode) stay.
        const SET: [&str; 9] = [
            "content-type",
            "ce_specversion",
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_version",
            "ce_time",
            "ce_dataschema",
            "ce_traceparent",
        ];
        rec.headers.retain(|h| !SET.contains(&h.name.as_str()));
        let header = |name: &str, value: &str| Header {
            name: name.to_string(),
            value: Some(value.as_bytes().to_vec()),
        };
        match self.ce_mode {
            CeMode::Structured => {
                #[derive(serde::Serialize)]
                struct Event<'a> {
                    specversion: &'static str,
                    id: &'a str,
                    source: &'a str,
                    #[serde(rename = "type")]
                    ty: &'a str,
                    version: u32,
                    time: &'a str,
                    datacontenttype: &'static str,
                    #[serde(skip_serializing_if = "Option::is_none")]
                    dataschema: Option<&'a str>,
                    data: &'a RawValue,
                }
                let ev = Event {
                    specversion: "1.0",
                    id: &id,
                    source: &self.source,
                    ty: event_type,
                    version,
                    time: &now,
                    datacontenttype: "application/json",
                    dataschema: self.dataschema.as_deref(),
                    data: raw,
                };
                rec.value = Some(serde_json::to_vec(&ev)?);
                rec.headers.push(header(
                    "content-type",
                    crate::cloudevents::STRUCTURED_CONTENT_TYPE,
                ));
            }
            CeMode::Binary => {
                let version = version.to_string();
                let mut attrs = vec![
                    ("ce_specversion", "1.0"),
                    ("ce_id", &id),
                    ("ce_source", &self.source),
                    ("ce_type", event_type),
                    ("ce_version", &version),
                    ("ce_time", &now),
                ];
                if let Some(ds) = &self.dataschema {
                    attrs.push(("ce_dataschema", ds));
                }
                attrs.push(("ce_traceparent", traceparent));
                attrs.push(("content-type", "application/json"));
                rec.headers
                    .extend(attrs.into_iter().map(|(n, v)| header(n, v)));
                rec.value = Some(data);
            }
        }
        Ok(())
    }
}

/// Where lines come from, and how to name a line in messages.
pub enum Input {
    One(String),
    File(std::path::PathBuf),
    Stdin,
}

impl Input {
    fn label(&self) -> String {
        match self {
            Input::One(_) => "argument".into(),
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".into(),
        }
    }

    /// The input's lines (a file or stdin is read on a thread of its own, so Ctrl-C is seen
    /// while a read waits), and its size when known.
    fn open(&self, spare: &Spare) -> Result<(Chunks, Option<u64>)> {
        Ok(match self {
            // An empty EVENT is one empty line (a tombstone with -Z, an empty text payload), not
            // no input.
            Input::One(s) if s.is_empty() => (Chunks::ready(b"\n".to_vec()), None),
            Input::One(s) => (Chunks::ready(s.clone().into_bytes()), None),
            Input::File(p) => {
                let f =
                    std::fs::File::open(p).map_err(|e| usage(format!("{}: {e}", p.display())))?;
                // The size of a regular file only: a FIFO or /dev/stdin says 0, not "short".
                let len = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                (Chunks::spawn_reusing(Box::new(f), spare.clone()), len)
            }
            Input::Stdin => (
                Chunks::spawn_reusing(Box::new(std::io::stdin()), spare.clone()),
                None,
            ),
        })
    }
}

/// Inputs up to this size are sent without lingering (see `run`).
const SHORT_INPUT: u64 = 1 << 20;

/// Why a record may not be sent, when the registry knows its schema and it fails it. Events
/// the registry does not know pass. A payload that is not JSON (text asked for with `--format
/// text`, an envelope's or a dead letter's bytes) passes too, unless the registry claims it
/// anyway — by its topic, its headers, or because it is a known event but for bytes that are
/// not UTF-8: then it is refused, never waved through.
pub fn refuse(
    registry: &Registry,
    rec_topic: &str,
    value: Option<&[u8]>,
    headers: &[Header],
) -> Option<String> {
    let value = value?;
    let hs: Vec<(&str, Option<&[u8]>)> = headers
        .iter()
        .map(|h| (h.name.as_str(), h.value.as_deref()))
        .collect();
    // Avro, Protobuf and framed payloads: valid when they decode with the schema they name.
    match registry.decode(rec_topic, Part::Value, Some(value), &hs, None) {
        Some(Ok(_)) => return None,
        Some(Err(why)) => return Some(why),
        None => {}
    }
    refuse_value(registry, rec_topic, true, value, headers, false)
}

/// `refuse`, for a value that must also be JSON (`must_be_json`: a line `--format json` sends
/// as it is, whose only check this is): then a value that is not JSON is refused with the error
/// `Plan::check_line` gives, and the line is read once for both. `routed`: whether the topic
/// has a schema of its own (`topic_routed`); if not, the lookup by the event's keys skips it.
fn refuse_value(
    registry: &Registry,
    rec_topic: &str,
    routed: bool,
    value: &[u8],
    headers: &[Header],
    must_be_json: bool,
) -> Option<String> {
    let hs: Vec<(&str, Option<&[u8]>)> = headers
        .iter()
        .map(|h| (h.name.as_str(), h.value.as_deref()))
        .collect();
    let ctx = LookupContext {
        headers: &hs,
        topic: Some(rec_topic),
    };
    // A CloudEvent: its attributes checked, and a binary one's JSON data validated in the
    // structured form rebuilt from its headers (a structured one is the value itself, below).
    if let Some(ev) = crate::cloudevents::Event::read(&hs, Some(value)) {
        if let Some(event) = ev.to_json_value().filter(|_| ev.mode == Mode::Binary) {
            let v = verdict_for_event(registry, None, &event, &ctx);
            return refusal(with_attribute_problems(v, ev.problems));
        }
        if !ev.problems.is_empty() {
            return Some(format!(
                "not a valid CloudEvent: {}",
                ev.problems.join("; ")
            ));
        }
    }
    // Most events: the lookup keys read without building the event, which is parsed (once) only
    // when a schema applies. Anything the partial read cannot take goes the long way below.
    if let Ok(Ok(keys)) = std::str::from_utf8(value).map(Keys::read) {
        // The topic is the lookup's last resort, and the same for every line: a topic without
        // a route need not be looked up again for each.
        let by_keys = LookupContext {
            topic: routed.then_some(rec_topic),
            ..ctx
        };
        match registry.locate(None, &keys, &by_keys) {
            Ok(None) => return None,
            Err(why) => return Some(why),
            Ok(Some((subject, file))) => {
                if let Ok(event) = parse_json::<serde_json::Value>(value) {
                    return refusal(verdict_against(registry, subject, file, &event));
                }
            }
        }
    }
    if must_be_json {
        if let Err(why) = parse_json::<serde::de::IgnoredAny>(value) {
            return Some(why);
        }
    }
    let event: serde_json::Value = match parse_json(value) {
        Ok(event) => event,
        Err(why) => {
            let guess = serde_json::from_str(&String::from_utf8_lossy(value))
                .unwrap_or(serde_json::Value::Null);
            return registry
                .find(None, &guess, &ctx)
                .ok()
                .map(|(subject, file)| {
                    format!(
                        "{why} (a {}@{} event must be JSON)",
                        subject.name, file.version
                    )
                });
        }
    };
    refusal(verdict_for_event(registry, None, &event, &ctx))
}

/// Whether the registry gives `topic` a schema of its own (a `[routes.topics]` entry or a
/// `<topic>-value` subject, even a broken one): an event its keys do not place then falls to
/// the topic's schema. Asked once with no keys and no headers, which leave only the topic.
pub(crate) fn topic_routed(registry: &Registry, topic: &str) -> bool {
    let nothing = Keys::read("{}").expect("an empty object has no keys");
    let ctx = LookupContext {
        headers: &[],
        topic: Some(topic),
    };
    !matches!(registry.locate(None, &nothing, &ctx), Ok(None))
}

/// Why a verdict keeps a record from being sent, if it does.
fn refusal(verdict: Verdict) -> Option<String> {
    match verdict {
        Verdict::Valid { .. } | Verdict::Unknown(_) => None,
        Verdict::Broken(why) => Some(why),
        Verdict::Invalid {
            subject,
            version,
            issues,
        } => {
            let first = &issues[0];
            let more = if issues.len() > 1 {
                format!(" (+{} more)", issues.len() - 1)
            } else {
                String::new()
            };
            let at = if first.instance_path.is_empty() {
                String::new()
            } else {
                format!("{}: ", first.instance_path)
            };
            Some(format!(
                "invalid against {subject}@{version}: {at}{} ({}){more}",
                first.message, first.schema_path
            ))
        }
    }
}

/// `--format text` sends lines unvalidated: refused for a topic the registry routes to a schema,
/// which would otherwise be skipped silently.
pub fn text_to_routed_topic(plan: &Plan, registry: &Registry) -> Option<String> {
    if plan.format != InputFormat::Text {
        return None;
    }
    let subject = registry
        .routes
        .topics
        .get(&plan.topic)
        .cloned()
        .or_else(|| {
            let s = format!("{}-value", plan.topic);
            registry.subjects.contains_key(&s).then_some(s)
        })?;
    Some(format!(
        "topic `{}` is routed to schema `{subject}` in the registry, and --format text lines are not validated: send JSON (--format json), or add --no-validate to send text anyway",
        crate::output::sanitize::escape_line(&plan.topic)
    ))
}

/// Publish the input's lines: a reading thread makes them into batches of checked, numbered
/// records (`prepare`), this thread sends them and settles their deliveries (`send`).
pub fn run(
    plan: &Plan,
    input: Input,
    settings: &Settings,
    registry: Option<&Registry>,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    if let Some(why) = registry.and_then(|r| text_to_routed_topic(plan, r)) {
        return Err(usage(why));
    }
    if let Some(n) = plan.create {
        crate::cmd::topics::ensure(&Admin::connect(settings)?, &plan.topic, n, printer)?;
    }
    let spare = Spare::default();
    let (chunks, size) = input.open(&spare)?;
    let single = matches!(input, Input::One(_));
    let short = single || size.is_some_and(|n| n <= SHORT_INPUT);
    let bar = progress_bar(size, printer);
    let mut tally = Tally::new(plan, printer, input.label(), single || settings.verbose > 0);
    let writer = open_writer(plan, settings, short, tally.per_record())?;
    let dests = destinations(plan, settings, &writer)?;
    // Keyless records in runs of a partition, as librdkafka's sticky partitioner would put them
    // (it does not for a short input, which is sent without lingering).
    let sticky = (!short).then(|| Sticky::new(dests.home.1));
    let mut sender = Sender::new(plan, &writer, dests.home.0.clone(), sticky, bar)?;
    let started = Instant::now();
    let stop = AtomicBool::new(false);
    let stopped_early = std::thread::scope(|scope| {
        let lines = Lines::new(plan, registry, dests, single);
        let batches = prepare::spawn(scope, chunks, spare, lines, &stop);
        sender.send_all(batches, &mut tally, cancel)
    })?;
    tally.deliver_in_flight(&writer)?;
    tally.finish(started, stopped_early, cancel)
}

/// Records queued in librdkafka at most. A record queued costs a few hundred bytes besides its
/// payload, and batches of records fill the queue up to its bound: at 200,000 (the writer's
/// default) a million small events peaked at 64–98 MB, at 25,000 at 55 MB, as fast (alternated
/// whole-process runs, 9 each: 1.03× the time, within the noise; 50,000: 62 MB, no faster).
const MAX_QUEUED: u32 = 25_000;

/// How long librdkafka lets a batch fill (its default 5 ms): with the queue at `MAX_QUEUED`,
/// batches leave before the queue fills (a million events: 0.84× the time and 0.88× the CPU of
/// 5 ms, alternated whole-process runs, 9 each; 20 ms: 1.56×).
const LINGER: Duration = Duration::from_millis(2);

/// The producer. --timeout bounds a record's wait: with the cluster gone, the run ends in about
/// that long instead of librdkafka's five minutes. A short input is sent at once: its last
/// (often only) batch would wait out the linger, a third of a one-event publish; a stream keeps
/// librdkafka's batching (`LINGER`). Without receipts per record, only failures are reported.
fn open_writer(plan: &Plan, settings: &Settings, short: bool, per_record: bool) -> Result<Writer> {
    Writer::new(
        settings,
        &WriterOptions {
            compression: plan.compression,
            delivery_timeout: Some(settings.timeout),
            max_queued: Some(MAX_QUEUED),
            linger: Some(if short { Duration::ZERO } else { LINGER }),
            failures_only: !per_record,
            ..WriterOptions::default()
        },
    )
}

/// Where records go: the topic, which must exist (asked of the producer's own connection: a
/// one-event publish opens one, as kcat does) with the partition asked for, and with
/// --envelope-topic the topics records name, each asked once as they come.
fn destinations(plan: &Plan, settings: &Settings, writer: &Writer) -> Result<Dests> {
    let partitions = writer
        .partitions(settings, &plan.topic)
        .map_err(suggest_create)?;
    if let Some(p) = plan.partition {
        if !partitions.contains(&p) {
            return Err(usage(format!(
                "topic `{}` has no partition {p} (it has {})",
                plan.topic,
                partitions.len()
            )));
        }
    }
    Ok(Dests {
        home: (Arc::from(plan.topic.as_str()), partitions.len() as i32),
        admin: match plan.envelope_topic {
            true => Some(Admin::connect(settings)?),
            false => None,
        },
        known: HashMap::new(),
    })
}

/// A progress bar over the input's bytes, for a file on a terminal.
fn progress_bar(size: Option<u64>, printer: &Printer) -> Option<ProgressBar> {
    let len = size.filter(|_| printer.progress_allowed())?;
    let b = ProgressBar::new(len);
    b.set_style(
        ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {msg} ({eta})")
            .expect("static template"),
    );
    Some(b)
}

pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

/// `--value-type`, `-Z` and `--missing-key` against the other options, and the empty EVENT: an
/// empty argument is an empty payload only where that is a line of its format (text); as JSON
/// or an envelope it is a usage error that names -Z, which makes it a tombstone.
fn check_value_args(a: &PublishArgs) -> Result<()> {
    let typed = !matches!(a.value_type, Codec::String | Codec::Json);
    if a.format == InputFormat::Envelope && (a.value_type != Codec::String || a.null_empty) {
        return Err(usage(
            "--value-type and -Z/--null-empty apply to JSON and text lines: an envelope carries its own value and value_encoding (`\"value\":null` is a tombstone)",
        ));
    }
    if typed && a.event_type.is_some() {
        return Err(usage(format!(
            "--type wraps JSON payloads: it cannot wrap a --value-type {} value",
            a.value_type.name()
        )));
    }
    if a.null_empty && a.event_type.is_some() {
        return Err(usage(
            "-Z/--null-empty sends tombstones, which have no payload for --type to wrap",
        ));
    }
    if typed && a.key_field.is_some() {
        return Err(usage(format!(
            "--key-field reads the key from a JSON payload: not from a --value-type {} value",
            a.value_type.name()
        )));
    }
    if a.missing_key == MissingKey::Null && a.key_field.is_none() {
        return Err(usage("--missing-key applies to --key-field"));
    }
    if a.event.as_deref().is_some_and(str::is_empty)
        && !a.null_empty
        && a.format != InputFormat::Text
    {
        return Err(usage(format!(
            "an empty EVENT is not {}: give a payload, -Z to send a tombstone (a null value), or --format text to send an empty payload",
            if a.format == InputFormat::Json { "JSON" } else { "an envelope" }
        )));
    }
    Ok(())
}

/// A missing topic, when publishing: `--create` is the shorter way.
fn suggest_create(e: anyhow::Error) -> anyhow::Error {
    match e.downcast_ref::<crate::kafka::admin::MissingTopic>() {
        Some(m) => usage(format!(
            "topic `{0}` does not exist (publish with `--create [--partitions N]` to create it, \
             or create it with `evtctl topics create {0}`)",
            m.name()
        )),
        None => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn plan(args: &[&str]) -> Plan {
        let mut v = vec!["evtctl", "publish", "orders"];
        v.extend_from_slice(args);
        let Command::Publish(a) = Cli::try_parse_from(v).unwrap().command else {
            panic!()
        };
        Plan::from_args(&a).unwrap()
    }

    #[test]
    fn json_lines_are_sent_byte_for_byte() {
        let p = plan(&[]);
        let r = p.record_for_line(br#"{"a": 1}"#).unwrap();
        assert_eq!(r.value.as_deref(), Some(&br#"{"a": 1}"#[..]));
        let e = p.record_for_line(b"{oops").unwrap_err().to_string();
        assert!(e.starts_with("not valid JSON"), "{e}");
    }

    #[test]
    fn key_from_field() {
        let p = plan(&["--key-field", "/order/id"]);
        let r = p.record_for_line(br#"{"order":{"id":"o-7"}}"#).unwrap();
        assert_eq!(r.key.as_deref(), Some(&b"o-7"[..]));
        let r = p.record_for_line(br#"{"order":{"id":42}}"#).unwrap();
        assert_eq!(r.key.as_deref(), Some(&b"42"[..]));
        let e = p
            .record_for_line(br#"{"order":{}}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("no such field"), "{e}");
    }

    #[test]
    fn text_lines_split_at_the_key_delimiter() {
        let p = plan(&["--format", "text", "--key-delimiter", "::"]);
        assert!(!p.passthrough());
        let r = p.record_for_line(b"o-1::a::b").unwrap();
        assert_eq!(
            (r.key.as_deref(), r.value.as_deref()),
            (Some(&b"o-1"[..]), Some(&b"a::b"[..]))
        );
        let r = p.record_for_line(b"no delimiter").unwrap();
        assert_eq!(
            (r.key, r.value.as_deref()),
            (None, Some(&b"no delimiter"[..]))
        );
        let p = plan(&[
            "--format",
            "text",
            "--key-delimiter",
            ":",
            "--key-type",
            "int32",
        ]);
        let r = p.record_for_line(b"7:x").unwrap();
        assert_eq!(r.key.as_deref(), Some(&[0, 0, 0, 7][..]));
        assert!(p.record_for_line(b"seven:x").is_err());
    }

    #[test]
    fn typed_keys_are_encoded() {
        let p = plan(&["-k", "42", "--key-type", "int64"]);
        assert_eq!(p.key, KeySource::Fixed(42i64.to_be_bytes().to_vec()));
        let p = plan(&["--key-field", "/id", "--key-type", "int32"]);
        let r = p.record_for_line(br#"{"id":5}"#).unwrap();
        assert_eq!(r.key.as_deref(), Some(&[0, 0, 0, 5][..]));
        let Command::Publish(a) =
            Cli::try_parse_from(["evtctl", "publish", "t", "-k", "x", "--key-type", "int64"])
                .unwrap()
                .command
        else {
            panic!()
        };
        assert!(Plan::from_args(&a)
            .unwrap_err()
            .to_string()
            .contains("not int64"));
    }

    #[test]
    fn headers_and_null_headers() {
        let p = plan(&["-H", "a=1", "-H", "a=2", "-H", "flag"]);
        let r = p.record_for_line(b"{}").unwrap();
        let names: Vec<_> = r
            .headers
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_deref()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("a", Some(&b"1"[..])),
                ("a", Some(&b"2"[..])),
                ("flag", None)
            ]
        );
    }

    #[test]
    fn type_wraps_data_in_an_event_with_trace() {
        let p = plan(&[
            "--type",
            "OrderPlaced",
            "--event-version",
            "2",
            "--trace",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        ]);
        let r = p.record_for_line(br#"{"orderId":"o-1"}"#).unwrap();
        let v: serde_json::Value = serde_json::from_slice(r.value.as_ref().unwrap()).unwrap();
        assert_eq!(v["type"], "OrderPlaced");
        assert_eq!(v["version"], 2);
        assert_eq!(v["source"], "evtctl");
        assert_eq!(v["data"]["orderId"], "o-1");
        assert_eq!(v["id"].as_str().unwrap().len(), 36);
        crate::record::parse_rfc3339_millis(v["time"].as_str().unwrap()).unwrap();
        let tp = r.headers.iter().find(|h| h.name == "traceparent").unwrap();
        let tp = std::str::from_utf8(tp.value.as_ref().unwrap()).unwrap();
        assert!(
            tp.starts_with("00-0af7651916cd43dd8448eb211c80319c-"),
            "{tp}"
        );
        assert!(!tp.contains("b7ad6b7169203331"), "a new span: {tp}");
        parse_traceparent(tp).unwrap();
    }

    #[test]
    fn traceparent_validation() {
        assert!(
            parse_traceparent("00-00000000000000000000000000000000-b7ad6b7169203331-01").is_err()
        );
        assert!(
            parse_traceparent("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01").is_err()
        );
        assert!(parse_traceparent("garbage").is_err());
        let fresh = new_traceparent(None);
        parse_traceparent(&fresh).unwrap();
    }

    #[test]
    fn envelopes_carry_their_own_fields() {
        let p = plan(&["--format", "envelope"]);
        let r = p
            .record_for_line(br#"{"topic":"elsewhere","partition":2,"key":"k","value":{"x":1},"headers":[{"name":"h","value":"v"}]}"#)
            .unwrap();
        assert_eq!((r.topic, r.partition), (None, Some(2)));
        assert_eq!(r.value.as_deref(), Some(&br#"{"x":1}"#[..]));
    }

    #[test]
    fn the_schema_gate_holds_for_payloads_that_are_not_json() {
        let reg = Registry::open(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas"))
            .unwrap();
        let why = |topic: &str, value: &[u8]| refuse(&reg, topic, Some(value), &[]);
        // A known event but for a byte that is not UTF-8: refused, whatever the format.
        let w = why("anywhere", b"{\"type\":\"OrderPlaced\",\"x\":\"y\xff\"}").unwrap();
        assert!(
            w.starts_with("not valid JSON") && w.contains("order-placed@"),
            "{w}"
        );
        // Text for a topic the registry routes to a subject: refused.
        let w = why("payments", b"hello").unwrap();
        assert!(w.contains("payment-captured@"), "{w}");
        // Text the registry has no say over, and unknown events: sent.
        assert_eq!(why("anywhere", b"hello \xff"), None);
        assert_eq!(why("anywhere", br#"{"type":"Unrouted"}"#), None);
    }

    #[test]
    fn a_topic_without_a_schema_is_left_out_of_each_lines_lookup() {
        let reg = Registry::open(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas"))
            .unwrap();
        assert!(topic_routed(&reg, "payments"));
        assert!(!topic_routed(&reg, "anywhere"));
        let cases: [(&str, &[u8]); 4] = [
            ("payments", br#"{"x":1}"#),
            ("anywhere", br#"{"type":"OrderPlaced","version":1}"#),
            ("anywhere", br#"{"type":"Unrouted"}"#),
            ("anywhere", br#"{"dataschema":"nothing/v9"}"#),
        ];
        let verdicts: Vec<Option<String>> = cases
            .iter()
            .map(|&(topic, line)| {
                let fast = refuse_value(&reg, topic, topic_routed(&reg, topic), line, &[], true);
                assert_eq!(
                    fast,
                    refuse_value(&reg, topic, true, line, &[], true),
                    "{topic}"
                );
                fast
            })
            .collect();
        assert!(verdicts[0].is_some() && verdicts[1].is_some() && verdicts[2].is_none());
    }

    #[test]
    fn json_lines_must_be_utf8_throughout() {
        let p = plan(&[]);
        for line in [&b"{\"x\":\"y\xff\"}"[..], b"{\"k\xfe\":1}"] {
            let e = p.check_line(line).unwrap_err().to_string();
            assert!(e.starts_with("not valid JSON"), "{e}");
            let e = p.record_for_line(line).unwrap_err().to_string();
            assert!(e.starts_with("not valid JSON"), "{e}");
        }
    }

    #[test]
    fn bad_flags_are_usage_errors() {
        // One --rate grammar with replay and redrive: N or N/s, positive.
        assert!(Cli::try_parse_from(["evtctl", "publish", "t", "--rate", "0"]).is_err());
        assert_eq!(plan(&["--rate", "100/s"]).rate, Some(100.0));
        assert_eq!(plan(&["--rate", "2.5"]).rate, Some(2.5));
        let Command::Publish(a) =
            Cli::try_parse_from(["evtctl", "publish", "t", "--key-field", "id"])
                .unwrap()
                .command
        else {
            panic!()
        };
        assert!(Plan::from_args(&a)
            .unwrap_err()
            .to_string()
            .contains("JSON pointer"));
    }

    // ---- issue 21: --value-type, -Z, --missing-key, the empty EVENT ----

    fn plan_err(args: &[&str]) -> String {
        let mut v = vec!["evtctl", "publish", "orders"];
        v.extend_from_slice(args);
        let Command::Publish(a) = Cli::try_parse_from(v).unwrap().command else {
            panic!()
        };
        format!("{:#}", Plan::from_args(&a).unwrap_err())
    }

    #[test]
    fn value_types_encode_the_lines_text() {
        let p = plan(&["--value-type", "int64"]);
        assert!(
            !p.passthrough(),
            "typed values are encoded, not sent as read"
        );
        let r = p.record_for_line(b"7").unwrap();
        assert_eq!(r.value, Some(7i64.to_be_bytes().to_vec()));
        let e = format!("{:#}", p.record_for_line(b"seven").unwrap_err());
        assert!(e.contains("is not int64"), "{e}");
        let p = plan(&[
            "--value-type",
            "int32",
            "--format",
            "text",
            "--key-delimiter",
            ":",
        ]);
        let r = p.record_for_line(b"k1:-2").unwrap();
        assert_eq!(
            (r.key, r.value),
            (Some(b"k1".to_vec()), Some((-2i32).to_be_bytes().to_vec()))
        );
        let r = plan(&["--value-type", "hex"])
            .record_for_line(b"00ff")
            .unwrap();
        assert_eq!(r.value, Some(vec![0, 255]));
        // json checks text lines too; string leaves a JSON line as it was.
        let p = plan(&["--value-type", "json", "--format", "text"]);
        assert!(p.record_for_line(b"{oops").is_err());
        assert!(plan(&[]).record_for_line(b"{oops").is_err());
    }

    #[test]
    fn an_empty_value_is_a_tombstone_with_z() {
        let p = plan(&["-k", "a", "-Z"]);
        let r = p.record_for_line(b"").unwrap();
        assert_eq!((r.key, r.value), (Some(b"a".to_vec()), None));
        // A non-empty line is still a JSON line.
        assert!(p.record_for_line(b"{oops").is_err());
        let p = plan(&["--format", "text", "--key-delimiter", ":", "-Z"]);
        let r = p.record_for_line(b"k1:").unwrap();
        assert_eq!((r.key, r.value), (Some(b"k1".to_vec()), None));
        // Without -Z, an empty text value is an empty payload.
        let p = plan(&["--format", "text", "--key-delimiter", ":"]);
        assert_eq!(p.record_for_line(b"k1:").unwrap().value, Some(Vec::new()));
    }

    #[test]
    fn a_line_without_the_key_field_is_rejected_or_keyless_as_asked() {
        let p = plan(&["--key-field", "/id"]);
        let e = format!("{:#}", p.record_for_line(br#"{"n":1}"#).unwrap_err());
        assert!(e.contains("--missing-key null"), "{e}");
        let p = plan(&["--key-field", "/id", "--missing-key", "null"]);
        assert_eq!(p.record_for_line(br#"{"n":1}"#).unwrap().key, None);
        assert_eq!(p.record_for_line(br#"{"id":null}"#).unwrap().key, None);
        assert_eq!(
            p.record_for_line(br#"{"id":"o-1"}"#).unwrap().key,
            Some(b"o-1".to_vec())
        );
        assert!(plan_err(&["--missing-key", "null"]).contains("--key-field"));
    }

    #[test]
    fn an_empty_event_is_a_tombstone_an_empty_text_or_a_usage_error() {
        let e = plan_err(&[""]);
        assert!(
            e.contains("an empty EVENT is not JSON") && e.contains("-Z"),
            "{e}"
        );
        assert!(plan_err(&["--format", "envelope", ""]).contains("not an envelope"));
        plan(&["-k", "a", "-Z", ""]);
        plan(&["--format", "text", ""]);
    }

    #[test]
    fn value_options_that_cannot_apply_are_refused() {
        for (args, says) in [
            (
                &["--format", "envelope", "--value-type", "int64"][..],
                "envelope",
            ),
            (&["--format", "envelope", "-Z"][..], "envelope"),
            (&["--type", "T", "--value-type", "int64"][..], "--type"),
            (
                &["--key-field", "/id", "--value-type", "hex"][..],
                "--key-field",
            ),
            (&["--type", "T", "-Z"][..], "--type"),
        ] {
            let e = plan_err(args);
            assert!(e.contains(says), "{args:?}: {e}");
        }
    }
}
