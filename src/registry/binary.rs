//! The three schema formats of the registry, schema ids, and decoding and encoding payloads in
//! Confluent's wire format against the local registry.
//!
//! Which schema a payload is read with, first match wins:
//! 1. a `__value_schema_id` / `__key_schema_id` header (the GUID form), looked up in `ids`;
//! 2. the subject the caller names (`--value-schema SUBJECT[@V]`), or the topic's route
//!    (`[routes.topics]`, or a subject named `<topic>-value` / `<topic>-key`) when that subject
//!    is Avro or Protobuf: framed payloads are read by their id, unframed ones
//!    (`framing = "none"`) with the named version;
//! 3. any payload in the wire format (magic byte 0 and an id) when registry.toml maps ids.
//!
//! An id the registry does not know is an error saying so, never a guess.

use super::avro::AvroSchema;
use super::proto::ProtoSchema;
use super::wire::{self, SchemaId};
use super::{Registry, SchemaFile, Subject};
use serde_json::Value;

/// A subject's schema language, from its files' extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[serde(rename = "json")]
    JsonSchema,
    Avro,
    Protobuf,
}

impl Format {
    /// The version and format of a schema file name (`v2.avsc` → (2, Avro)).
    pub fn of_file(name: &str) -> Option<(u32, Format)> {
        let rest = name.strip_prefix('v')?;
        for (ext, f) in [
            (".schema.json", Format::JsonSchema),
            (".avsc", Format::Avro),
            (".proto", Format::Protobuf),
        ] {
            if let Some(n) = rest.strip_suffix(ext) {
                if !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()) {
                    return n.parse().ok().map(|v| (v, f));
                }
            }
        }
        None
    }

    /// The format a schema file's extension says (for `compat --old/--new`).
    pub fn of_path(path: &std::path::Path) -> Format {
        let name = path.to_string_lossy();
        if name.ends_with(".avsc") {
            Format::Avro
        } else if name.ends_with(".proto") {
            Format::Protobuf
        } else {
            Format::JsonSchema
        }
    }

    /// The envelope's encoding flag for payloads of this format.
    pub fn name(self) -> &'static str {
        match self {
            Format::JsonSchema => "json",
            Format::Avro => "avro",
            Format::Protobuf => "protobuf",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::JsonSchema => ".schema.json",
            Format::Avro => ".avsc",
            Format::Protobuf => ".proto",
        }
    }
}

/// A header to add to a record: the schema id in the header form (name, value).
pub type IdHeader = (String, Vec<u8>);

/// A compiled Avro or Protobuf version.
// One per schema version, built once and never moved: the size difference does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Binary {
    Avro(AvroSchema),
    Proto(ProtoSchema),
}

/// Key or value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Key,
    Value,
}

impl Part {
    pub fn name(self) -> &'static str {
        match self {
            Part::Key => "key",
            Part::Value => "value",
        }
    }
}

/// Where a payload's schema id is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Framing {
    /// Magic byte 0 and a 4-byte id before the payload.
    Prefix,
    /// In the `__value_schema_id` / `__key_schema_id` header.
    Header,
    /// No id at all: the route or the command line named the schema.
    None,
}

/// Which schema wrote a payload, as the envelope records it (`value_schema`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SchemaRef {
    pub subject: String,
    pub version: u32,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id: Option<IdText>,
    pub framing: Framing,
    /// Protobuf: the message's full name.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub message: Option<String>,
}

impl<'de> serde::Deserialize<'de> for Framing {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "prefix" => Ok(Framing::Prefix),
            "header" => Ok(Framing::Header),
            "none" => Ok(Framing::None),
            o => Err(serde::de::Error::custom(format!(
                "framing `{o}` is not prefix, header or none"
            ))),
        }
    }
}

/// A schema id as JSON shows it: a number, or a GUID string.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum IdText {
    Num(u32),
    Guid(String),
}

impl IdText {
    pub fn of(id: SchemaId) -> IdText {
        match id {
            SchemaId::Num(n) => IdText::Num(n),
            SchemaId::Guid(g) => IdText::Guid(g.hyphenated().to_string()),
        }
    }

    pub fn id(&self) -> Result<SchemaId, String> {
        match self {
            IdText::Num(n) => Ok(SchemaId::Num(*n)),
            IdText::Guid(g) => uuid::Uuid::parse_str(g)
                .map(SchemaId::Guid)
                .map_err(|_| format!("schema id `{g}` is neither a number nor a GUID")),
        }
    }
}

/// A payload read with its schema.
#[derive(Debug)]
pub struct Decoded {
    /// The JSON form (for Avro and Protobuf, see their modules; for JSON Schema, the text).
    pub json: Value,
    /// The same as compact JSON text, fields in the schema's order (empty for Avro and Protobuf
    /// when decoded without `exact`, see [`Registry::decode_as`]).
    pub text: String,
    pub format: Format,
    pub schema: SchemaRef,
    /// Encoding `json` again with `schema` gives back exactly the bytes read: the envelope can
    /// carry the decoded form instead of the bytes.
    pub exact: bool,
}

/// A schema the caller names for one part (`--value-schema SUBJECT[@V]`).
pub struct Named<'r> {
    pub subject: &'r Subject,
    pub file: &'r SchemaFile,
}

impl Registry {
    /// The subject and version an id names.
    pub fn by_id(&self, id: SchemaId) -> Option<(&Subject, &SchemaFile)> {
        let (name, version) = self.ids.get(&id)?;
        let s = self.subjects.get(name)?;
        Some((s, s.version(*version)?))
    }

    /// Whether registry.toml maps any schema id (framed payloads can then be recognised).
    pub fn has_ids(&self) -> bool {
        !self.ids.is_empty()
    }

    /// The Avro or Protobuf subject a topic's keys or values are declared to use.
    pub fn binary_route(&self, topic: &str, part: Part) -> Option<&Subject> {
        let routed = match part {
            Part::Value => self
                .routes
                .topics
                .get(topic)
                .and_then(|s| self.subjects.get(s)),
            Part::Key => None,
        };
        let named = || self.subjects.get(&format!("{topic}-{}", part.name()));
        routed
            .or_else(named)
            .filter(|s| s.format != Format::JsonSchema)
    }

    fn unknown_id(&self, id: SchemaId) -> String {
        format!(
            "schema id {id} is not in the local registry (add it under [subjects.<subject>.ids] in {})",
            self.root.join("registry.toml").display()
        )
    }

    /// Read one key or value with the schema it names or is routed to. None when nothing says
    /// it has a schema (plain JSON, text or bytes: shown as today). Err: a located-by-the-caller
    /// one-line reason (unknown id, bytes that do not decode).
    pub fn decode(
        &self,
        topic: &str,
        part: Part,
        bytes: Option<&[u8]>,
        headers: &[(&str, Option<&[u8]>)],
        named: Option<&Named<'_>>,
    ) -> Option<Result<Decoded, String>> {
        self.decode_as(topic, part, bytes, headers, named, true)
    }

    /// [`decode`](Self::decode); `exact: false` skips the re-encoding that decides
    /// [`Decoded::exact`] (left false) and, for Avro and Protobuf, the text (left empty): for
    /// checks that only need to know it decodes.
    pub fn decode_as(
        &self,
        topic: &str,
        part: Part,
        bytes: Option<&[u8]>,
        headers: &[(&str, Option<&[u8]>)],
        named: Option<&Named<'_>>,
        exact: bool,
    ) -> Option<Result<Decoded, String>> {
        let bytes = bytes?;
        let read = Reading { reg: self, exact };
        let header = headers
            .iter()
            .rev()
            .find(|(n, _)| *n == wire::id_header(part == Part::Key))
            .and_then(|(_, v)| *v);
        if let Some(h) = header {
            return Some(read.decode_header_form(h, bytes));
        }
        let route = named
            .map(|n| (n.subject, Some(n.file)))
            .or_else(|| self.binary_route(topic, part).map(|s| (s, None)));
        if let Some((subject, file)) = route {
            if subject.framing_none {
                let file = file.unwrap_or_else(|| subject.latest());
                return Some(read.decode_with(subject, file, None, Framing::None, bytes, None));
            }
            let Some((id, _)) = wire::split_prefix(bytes) else {
                return Some(Err(format!(
                    "not in Confluent's wire format (no magic byte 0 and schema id) although {} is an {} subject; set framing = \"none\" under [subjects.{}] for unframed payloads",
                    subject.name,
                    subject.format.name(),
                    subject.name
                )));
            };
            return Some(read.decode_framed(id, bytes));
        }
        // Nothing claims a schema: a payload in the wire format when the registry maps ids.
        // Registries never give out id 0, which is what a small big-endian integer (an int64
        // counter) reads as: such bytes are left alone.
        let (id, _) = wire::split_prefix(bytes)?;
        if id == 0 || !self.has_ids() {
            return None;
        }
        Some(read.decode_framed(id, bytes))
    }

    /// Encode a JSON event with a subject's version: the payload (framed as `framing` says, with
    /// the version's first id) and, for the header form, the header to add. Errors name the
    /// field path.
    pub fn encode(
        &self,
        subject: &Subject,
        file: &SchemaFile,
        json: &Value,
        framing: Framing,
        message: Option<&str>,
        part: Part,
    ) -> Result<(Vec<u8>, Option<IdHeader>), String> {
        let ids = subject.ids.get(&file.version);
        let want = |pred: fn(&SchemaId) -> bool, what: &str| {
            ids.and_then(|v| v.iter().find(|i| pred(i)).copied()).ok_or_else(|| {
                format!(
                    "{}@{} has no {what} in [subjects.{}.ids] of registry.toml (or publish with --no-framing)",
                    subject.name, file.version, subject.name
                )
            })
        };
        let mut out = Vec::new();
        let mut header = None;
        let mut indexes = None;
        let body = if subject.format == Format::JsonSchema {
            // Framed JSON: checked against its schema, then the text behind the id.
            if let Some(first) = self.check(subject, file, json)?.first() {
                let at = if first.instance_path.is_empty() {
                    "/"
                } else {
                    &first.instance_path
                };
                return Err(format!("{at}: {}", first.message));
            }
            json.to_string().into_bytes()
        } else {
            match subject.binary(file, self)? {
                Binary::Avro(a) => a.encode(json)?,
                Binary::Proto(p) => {
                    let desc = p.message_named(message)?;
                    indexes = Some(super::proto::indexes_of(&desc));
                    p.encode(&desc, json)?
                }
            }
        };
        match framing {
            Framing::Prefix => {
                let SchemaId::Num(n) = want(|i| matches!(i, SchemaId::Num(_)), "numeric id")?
                else {
                    unreachable!()
                };
                wire::write_prefix(n, &mut out);
                if let Some(idx) = &indexes {
                    wire::write_indexes(idx, &mut out);
                }
            }
            Framing::Header => {
                let SchemaId::Guid(g) = want(|i| matches!(i, SchemaId::Guid(_)), "GUID")? else {
                    unreachable!()
                };
                let mut h = wire::header_value(&g);
                if let Some(idx) = &indexes {
                    wire::write_indexes(idx, &mut h);
                }
                header = Some((wire::id_header(part == Part::Key).to_string(), h));
            }
            Framing::None => {}
        }
        out.extend_from_slice(&body);
        Ok((out, header))
    }

    /// Encode an envelope's decoded field (JSON text) back to bytes with the schema it names.
    /// Errors start with the path inside the field (`/total: ...`) or `: ` and a reason.
    pub fn encode_ref(&self, r: &SchemaRef, text: &str, part: Part) -> Result<Vec<u8>, String> {
        let subject = self.subjects.get(&r.subject).ok_or_else(|| {
            format!(
                ": `{}_schema` names subject `{}`, which is not in the registry",
                part.name(),
                r.subject
            )
        })?;
        let file = subject.version(r.version).ok_or_else(|| {
            format!(
                ": `{}_schema` names {}@{}, which is not in the registry",
                part.name(),
                r.subject,
                r.version
            )
        })?;
        let body = match subject.format {
            // Framed JSON: the text as it is.
            Format::JsonSchema => text.as_bytes().to_vec(),
            _ => {
                let json: Value = serde_json::from_str(text).map_err(|e| format!(": {e}"))?;
                let (mut body, _) = self.encode(
                    subject,
                    file,
                    &json,
                    Framing::None,
                    r.message.as_deref(),
                    part,
                )?;
                if let (Framing::Prefix, Binary::Proto(p)) =
                    (r.framing, subject.binary(file, self)?)
                {
                    let desc = p
                        .message_named(r.message.as_deref())
                        .map_err(|e| format!(": {e}"))?;
                    let mut framed = Vec::with_capacity(body.len() + 4);
                    wire::write_indexes(&super::proto::indexes_of(&desc), &mut framed);
                    framed.extend_from_slice(&body);
                    body = framed;
                }
                body
            }
        };
        if r.framing != Framing::Prefix {
            // Header form and unframed: the body only (the header travels with the record).
            return Ok(body);
        }
        // The record carried this id: write it back, whatever ids registry.toml maps.
        let id =
            r.id.as_ref()
                .ok_or_else(|| format!(": `{}_schema` has framing prefix but no id", part.name()))?
                .id()
                .map_err(|e| format!(": {e}"))?;
        let SchemaId::Num(n) = id else {
            return Err(": a prefix can only carry a numeric schema id".into());
        };
        let mut out = Vec::with_capacity(body.len() + 5);
        wire::write_prefix(n, &mut out);
        out.extend_from_slice(&body);
        Ok(out)
    }
}

/// One decode: the registry, and whether it decides [`Decoded::exact`] (and, for Avro and
/// Protobuf, the text) or only whether the payload decodes (see `decode_as`).
struct Reading<'r> {
    reg: &'r Registry,
    exact: bool,
}

impl Reading<'_> {
    fn decode_framed(&self, id: u32, bytes: &[u8]) -> Result<Decoded, String> {
        let sid = SchemaId::Num(id);
        let (subject, file) = self
            .reg
            .by_id(sid)
            .ok_or_else(|| self.reg.unknown_id(sid))?;
        let body = &bytes[5..];
        self.decode_with(subject, file, Some(sid), Framing::Prefix, body, Some(bytes))
    }

    fn decode_header_form(&self, header: &[u8], bytes: &[u8]) -> Result<Decoded, String> {
        let (sid, tail) = wire::parse_header_id(header)?;
        let (subject, file) = self
            .reg
            .by_id(sid)
            .ok_or_else(|| self.reg.unknown_id(sid))?;
        if subject.format == Format::Protobuf {
            // The message indexes follow the GUID inside the header.
            let (idx, rest) = wire::read_indexes(tail, super::proto::MAX_INDEXES)?;
            if !rest.is_empty() {
                return Err("schema id header has bytes after the message indexes".into());
            }
            return self.decode_proto(subject, file, Some(sid), Framing::Header, &idx, bytes, None);
        }
        self.decode_with(subject, file, Some(sid), Framing::Header, bytes, None)
    }

    /// Decode `body` (after the prefix, if any); `whole` is the framed payload to compare a
    /// re-encoding with.
    fn decode_with(
        &self,
        subject: &Subject,
        file: &SchemaFile,
        id: Option<SchemaId>,
        framing: Framing,
        body: &[u8],
        whole: Option<&[u8]>,
    ) -> Result<Decoded, String> {
        match subject.format {
            Format::Protobuf => {
                let (idx, rest) = if framing == Framing::Prefix {
                    wire::read_indexes(body, super::proto::MAX_INDEXES)?
                } else {
                    let b = subject.binary(file, self.reg)?;
                    let Binary::Proto(p) = b else {
                        unreachable!("protobuf subject")
                    };
                    (p.indexes.clone(), body)
                };
                self.decode_proto(subject, file, id, framing, &idx, rest, whole)
            }
            Format::Avro => {
                let Binary::Avro(a) = subject.binary(file, self.reg)? else {
                    unreachable!("avro subject")
                };
                let json = a.decode(body)?;
                let exact = self.exact && !a.has_unordered_map(&json) && a.encodes_to(&json, body);
                Ok(Decoded {
                    text: if self.exact {
                        a.ordered_text(&json)
                    } else {
                        String::new()
                    },
                    json,
                    format: Format::Avro,
                    schema: schema_ref(subject, file, id, framing, None),
                    exact,
                })
            }
            Format::JsonSchema => {
                let text = std::str::from_utf8(body)
                    .map_err(|_| "framed JSON payload is not UTF-8".to_string())?;
                let json: Value = serde_json::from_str(text)
                    .map_err(|e| format!("framed JSON payload does not parse: {e}"))?;
                let exact = serde_json::to_string(&json).is_ok_and(|t| t == text);
                Ok(Decoded {
                    text: if exact {
                        text.to_string()
                    } else {
                        json.to_string()
                    },
                    json,
                    format: Format::JsonSchema,
                    schema: schema_ref(subject, file, id, framing, None),
                    exact,
                })
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn decode_proto(
        &self,
        subject: &Subject,
        file: &SchemaFile,
        id: Option<SchemaId>,
        framing: Framing,
        idx: &[i32],
        body: &[u8],
        whole: Option<&[u8]>,
    ) -> Result<Decoded, String> {
        let Binary::Proto(p) = subject.binary(file, self.reg)? else {
            unreachable!("protobuf subject")
        };
        let desc = p.message_at(idx)?;
        let msg = p.message_of(&desc, body)?;
        let json = super::proto::to_json(&msg)?;
        let text = if self.exact {
            super::proto::to_text(&msg)?
        } else {
            String::new()
        };
        let exact = self.exact
            && match p.encode_quiet(&desc, &json) {
                _ if super::proto::has_unordered_map(&msg) => false,
                Some(b) => match (framing, whole, id) {
                    (Framing::Prefix, Some(whole), Some(SchemaId::Num(n))) => {
                        let mut framed = Vec::with_capacity(whole.len());
                        wire::write_prefix(n, &mut framed);
                        wire::write_indexes(idx, &mut framed);
                        framed.extend_from_slice(&b);
                        framed == whole
                    }
                    _ => b == body,
                },
                None => false,
            };
        Ok(Decoded {
            json,
            text,
            format: Format::Protobuf,
            schema: schema_ref(
                subject,
                file,
                id,
                framing,
                Some(desc.full_name().to_string()),
            ),
            exact,
        })
    }
}

fn schema_ref(
    subject: &Subject,
    file: &SchemaFile,
    id: Option<SchemaId>,
    framing: Framing,
    message: Option<String>,
) -> SchemaRef {
    SchemaRef {
        subject: subject.name.clone(),
        version: file.version,
        id: id.map(IdText::of),
        framing,
        message,
    }
}

impl Subject {
    /// The compiled Avro or Protobuf schema of one version, built on first use.
    pub fn binary<'a>(&self, file: &'a SchemaFile, reg: &Registry) -> Result<&'a Binary, String> {
        file.binary
            .get_or_init(|| match self.format {
                Format::Avro => {
                    let text = std::fs::read_to_string(&file.path)
                        .map_err(|e| format!("{}: {e}", file.path.display()))?;
                    AvroSchema::parse(&text, &reg.avro_commons)
                        .map(Binary::Avro)
                        .map_err(|e| format!("{}: {e}", file.path.display()))
                }
                Format::Protobuf => {
                    ProtoSchema::compile(&file.path, &reg.root, self.message.as_deref())
                        .map(Binary::Proto)
                }
                Format::JsonSchema => Err(format!(
                    "{}: a JSON Schema has no binary encoding",
                    file.path.display()
                )),
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Whether a version is usable: a JSON Schema compiles, an Avro schema parses (its
    /// references resolve), a `.proto` compiles and has the subject's message.
    pub fn usable(&self, file: &SchemaFile, reg: &Registry) -> Result<(), String> {
        match self.format {
            Format::JsonSchema => self.validator(file, &reg.root).map(|_| ()),
            _ => self.binary(file, reg).map(|_| ()),
        }
    }

    /// Examples as evidence: an event encoded with version `from` is read with version `to`
    /// (Avro's schema resolution; for Protobuf, the bytes parse as `to`'s message). JSON
    /// Schema: the event is checked against `to`.
    pub fn evidence(
        &self,
        from: &SchemaFile,
        to: &SchemaFile,
        reg: &Registry,
        event: &Value,
    ) -> Result<Vec<super::Issue>, String> {
        let issue = |message: String| {
            vec![super::Issue {
                instance_path: String::new(),
                schema_path: to.path.display().to_string(),
                message,
            }]
        };
        match (self.binary(from, reg), self.format) {
            (_, Format::JsonSchema) => reg.check(self, to, event),
            (Ok(Binary::Avro(w)), _) => {
                let Binary::Avro(r) = self.binary(to, reg)? else {
                    unreachable!()
                };
                let bytes = match w.encode(event) {
                    Ok(b) => b,
                    Err(_) => return reg.check(self, from, event),
                };
                let (w, r) = (w.without_decimals(), r.without_decimals());
                let mut body = &bytes[..];
                let read = apache_avro::reader::datum::GenericDatumReader::builder(&w.schema)
                    .writer_schemata(w.schemata())
                    .and_then(|b| b.reader_schema(&r.schema).reader_schemata(r.schemata()))
                    .and_then(|b| b.build())
                    .and_then(|rd| rd.read_value(&mut body));
                Ok(match read {
                    Ok(_) => Vec::new(),
                    Err(e) => issue(format!(
                        "written with v{}, not readable with v{}: {e}",
                        from.version, to.version
                    )),
                })
            }
            (Ok(Binary::Proto(w)), _) => {
                let Binary::Proto(r) = self.binary(to, reg)? else {
                    unreachable!()
                };
                let bytes = match w.encode(&w.message, event) {
                    Ok(b) => b,
                    Err(_) => return reg.check(self, from, event),
                };
                Ok(match r.message_of(&r.message, &bytes) {
                    Ok(_) => Vec::new(),
                    Err(e) => issue(format!("written with v{}, {e}", from.version)),
                })
            }
            (Err(e), _) => Err(e),
        }
    }

    /// Check one JSON event against an Avro or Protobuf version: does it encode?
    pub fn encodes(
        &self,
        file: &SchemaFile,
        reg: &Registry,
        event: &Value,
    ) -> Result<Vec<super::Issue>, String> {
        let r = match self.binary(file, reg)? {
            Binary::Avro(a) => a.encode(event).map(|_| ()),
            Binary::Proto(p) => p.encode(&p.message, event).map(|_| ()),
        };
        Ok(match r {
            Ok(()) => Vec::new(),
            Err(e) => {
                let (path, msg) = e.split_once(": ").unwrap_or(("", &e));
                vec![super::Issue {
                    instance_path: if path == "/" {
                        String::new()
                    } else {
                        path.to_string()
                    },
                    schema_path: format!("{}", file.path.display()),
                    message: msg.to_string(),
                }]
            }
        })
    }
}
