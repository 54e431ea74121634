//! Avro values as JSON and back, on top of `apache-avro` (schemas, the binary codec).
//!
//! The JSON forms are what people and filters read: records as objects, unions as the plain
//! value where the branch follows from it (else Avro's JSON encoding, `{"long": 7}`), enums as
//! their symbol, `bytes`/`fixed` as Avro's JSON encoding (one character per byte, U+0000 to
//! U+00FF), and logical types in natural forms: decimals as exact strings (`"12.30"`), uuids as
//! strings, `date` as `2026-12-05`, timestamps as RFC 3339 (UTC with `Z`; local ones without).
//! Input accepts those forms, the plain numbers the logical types are built on, and Avro's
//! tagged union form.
//!
//! Decoding checks that the datum is used up (trailing bytes are an error) and never panics on
//! hostile bytes: apache-avro bounds its allocations (see [`limit_allocations`]).

use apache_avro::reader::datum::GenericDatumReader;
use apache_avro::schema::{
    DecimalSchema, InnerDecimalSchema, Name, RecordSchema, ResolvedSchema, UnionSchema,
};
use apache_avro::types::Value as Avro;
use apache_avro::writer::datum::GenericDatumWriter;
use apache_avro::Schema;
use serde_json::{Map, Number, Value};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

/// One Avro version: its schema (references to `_common` types inlined where they are not
/// recursive) and every named type it can reach.
pub struct AvroSchema {
    pub schema: Schema,
    /// The `_common` types its references may name.
    pub commons: Vec<Schema>,
    names: HashMap<Name, Schema>,
    /// The reader and writers, built on first use (see [`Codec`]).
    codec: OnceLock<Result<Box<Codec>, String>>,
    /// Whether data is walked first (see `needs_guard`), found on first use.
    guard: OnceLock<bool>,
}

/// apache-avro's reader and writers resolve every named type of the schema when they are built
/// (a third of a small record's decoding and re-encoding): they are built once per version. They
/// borrow the schema, so they are built on a copy kept for the rest of the process (one per
/// version decoded or encoded; a registry is loaded once per command).
struct Codec {
    reader: GenericDatumReader<'static>,
    writer: GenericDatumWriter<'static>,
}

/// The most one length in a datum may claim (a string, bytes, an array block): a hostile
/// length fails the decode instead of reserving gigabytes.
const MAX_ALLOCATION: usize = 64 << 20;

/// Bound apache-avro's allocations when decoding (it keeps the first value set).
pub fn limit_allocations() {
    apache_avro::util::max_allocation_bytes(MAX_ALLOCATION);
}

/// More array and map items than this in one datum are refused (items written in no bytes,
/// `null`s or empty records, cost nothing to claim and a `Value` each to build).
const MAX_ITEMS: u64 = 1 << 24;

/// Deeper values than this are refused (recursive schemas could otherwise nest without end).
pub(crate) const MAX_DEPTH: usize = 128;

impl AvroSchema {
    /// Parse `text` (a `.avsc`) with the named types of `commons` (other `.avsc` texts, e.g.
    /// `_common/*.avsc`) available to its references.
    pub fn parse(text: &str, commons: &[String]) -> Result<AvroSchema, String> {
        super::avro_defaults::check(text, commons)?;
        let (schema, commons) = if commons.is_empty() {
            (Schema::parse_str(text).map_err(|e| e.to_string())?, vec![])
        } else {
            Schema::parse_str_with_list(text, commons).map_err(|e| e.to_string())?
        };
        let mut all: Vec<&Schema> = commons.iter().collect();
        all.push(&schema);
        let names = ResolvedSchema::new_with_schemata(all)
            .map_err(|e| e.to_string())?
            .get_names()
            .iter()
            .map(|(n, s)| (n.clone(), (*s).clone()))
            .collect();
        Ok(AvroSchema {
            schema,
            commons,
            names,
            codec: OnceLock::new(),
            guard: OnceLock::new(),
        })
    }

    /// A copy with every `decimal` replaced by the bytes or fixed it is written as: apache-avro
    /// 0.22 refuses to resolve a bytes decimal shorter than its precision could need (the
    /// specification allows any length), so data is checked against these copies (the
    /// compatibility rules compare precision and scale themselves).
    pub fn without_decimals(&self) -> AvroSchema {
        AvroSchema {
            schema: strip_decimals(&self.schema, 0),
            commons: self.commons.iter().map(|s| strip_decimals(s, 0)).collect(),
            names: self
                .names
                .iter()
                .map(|(n, s)| (n.clone(), strip_decimals(s, 0)))
                .collect(),
            codec: OnceLock::new(),
            guard: OnceLock::new(),
        }
    }

    /// The common types, then the schema, as apache-avro's readers and writers take them (a
    /// reference resolves only to a type earlier in the list).
    pub fn schemata(&self) -> Vec<&Schema> {
        let mut all: Vec<&Schema> = self.commons.iter().collect();
        all.push(&self.schema);
        all
    }

    fn resolve<'a>(&'a self, s: &'a Schema) -> Result<&'a Schema, String> {
        match s {
            Schema::Ref { name } => self
                .names
                .get(name)
                .ok_or_else(|| format!("unknown type `{}`", name.fullname(None))),
            s => Ok(s),
        }
    }

    /// Whether data needs [`check_depth`](Self::check_depth) before apache-avro decodes it: the
    /// schema is recursive (data can nest deeper than the schema text does), or has an array of items written in no bytes (a block can claim
    /// any number of them for free).
    fn needs_guard(&self) -> bool {
        fn zero_width(s: &Schema, depth: usize) -> bool {
            depth <= MAX_DEPTH
                && match s {
                    Schema::Null => true,
                    Schema::Fixed(f) => f.size == 0,
                    Schema::Record(r) => r.fields.iter().all(|f| zero_width(&f.schema, depth + 1)),
                    _ => false,
                }
        }
        // Named types on the way down: a reference to one of them is recursion. References to
        // other named types (shared `_common` ones, say) are followed once: `clean` holds the
        // ones already looked through and found neither recursive nor holding such an array.
        fn any(
            a: &AvroSchema,
            s: &Schema,
            path: &mut Vec<Name>,
            clean: &mut std::collections::HashSet<Name>,
            depth: usize,
        ) -> bool {
            if depth > MAX_DEPTH {
                return true;
            }
            match s {
                Schema::Ref { name } => {
                    if path.contains(name) {
                        return true;
                    }
                    if clean.contains(name) {
                        return false;
                    }
                    let Some(target) = a.names.get(name) else {
                        return true;
                    };
                    any(a, target, path, clean, depth + 1)
                }
                Schema::Array(x) => {
                    zero_width(&x.items, depth + 1) || any(a, &x.items, path, clean, depth + 1)
                }
                Schema::Map(m) => any(a, &m.types, path, clean, depth + 1),
                Schema::Union(u) => u
                    .variants()
                    .iter()
                    .any(|b| any(a, b, path, clean, depth + 1)),
                Schema::Record(r) => {
                    if clean.contains(&r.name) {
                        return false;
                    }
                    path.push(r.name.clone());
                    let found = r
                        .fields
                        .iter()
                        .any(|f| any(a, &f.schema, path, clean, depth + 1));
                    path.pop();
                    if !found {
                        clean.insert(r.name.clone());
                    }
                    found
                }
                _ => false,
            }
        }
        any(
            self,
            &self.schema,
            &mut Vec::new(),
            &mut Default::default(),
            0,
        )
    }

    /// Walk a datum without building it, to refuse one nested deeper than [`MAX_DEPTH`] or with
    /// more than [`MAX_ITEMS`] array items before apache-avro's decoder (which recurses once per
    /// level, and builds every item) sees it. Only the structure is followed; apache-avro does
    /// the decoding.
    fn check_depth(&self, body: &[u8]) -> Result<(), String> {
        fn varint(b: &mut &[u8]) -> Result<i64, String> {
            let mut v: u64 = 0;
            for i in 0..10 {
                let (&byte, rest) = b.split_first().ok_or("truncated datum")?;
                *b = rest;
                v |= ((byte & 0x7f) as u64) << (7 * i);
                if byte & 0x80 == 0 {
                    return Ok(((v >> 1) as i64) ^ -((v & 1) as i64));
                }
            }
            Err("varint longer than 10 bytes".into())
        }
        fn take(b: &mut &[u8], n: i64) -> Result<(), String> {
            let n = usize::try_from(n).map_err(|_| "negative length")?;
            if n > b.len() {
                return Err("truncated datum".into());
            }
            *b = &b[n..];
            Ok(())
        }
        fn walk(
            a: &AvroSchema,
            s: &Schema,
            b: &mut &[u8],
            depth: usize,
            items_seen: &mut u64,
        ) -> Result<(), String> {
            if depth > MAX_DEPTH {
                return Err(format!("data nested deeper than {MAX_DEPTH} levels"));
            }
            match a.resolve(s)? {
                Schema::Null => Ok(()),
                Schema::Boolean => take(b, 1),
                Schema::Float => take(b, 4),
                Schema::Double => take(b, 8),
                Schema::Fixed(f) => take(b, f.size as i64),
                Schema::Decimal(DecimalSchema {
                    inner: InnerDecimalSchema::Fixed(f),
                    ..
                }) => take(b, f.size as i64),
                Schema::Uuid(apache_avro::schema::UuidSchema::Fixed(f)) => take(b, f.size as i64),
                Schema::Duration(_) => take(b, 12),
                Schema::Bytes
                | Schema::String
                | Schema::BigDecimal
                | Schema::Decimal(_)
                | Schema::Uuid(_) => {
                    let n = varint(b)?;
                    take(b, n)
                }
                Schema::Union(u) => {
                    let i = varint(b)?;
                    let branch = usize::try_from(i)
                        .ok()
                        .and_then(|i| u.variants().get(i))
                        .ok_or("union index out of range")?;
                    walk(a, branch, b, depth + 1, items_seen)
                }
                Schema::Record(r) => r
                    .fields
                    .iter()
                    .try_for_each(|f| walk(a, &f.schema, b, depth + 1, items_seen)),
                Schema::Array(_) | Schema::Map(_) => {
                    let (items, is_map): (&Schema, bool) = match a.resolve(s)? {
                        Schema::Array(x) => (&x.items, false),
                        Schema::Map(m) => (&m.types, true),
                        _ => unreachable!(),
                    };
                    loop {
                        let mut n = varint(b)?;
                        if n == 0 {
                            return Ok(());
                        }
                        if n < 0 {
                            n = n.checked_neg().ok_or("bad block count")?;
                            varint(b)?; // the block's size in bytes
                        }
                        *items_seen = items_seen.saturating_add(n as u64);
                        if *items_seen > MAX_ITEMS {
                            return Err(format!("more than {MAX_ITEMS} array or map items"));
                        }
                        for _ in 0..n {
                            if b.is_empty() && !matches!(a.resolve(items)?, Schema::Null) {
                                return Err("truncated datum".into());
                            }
                            if is_map {
                                let k = varint(b)?;
                                take(b, k)?;
                            }
                            let before = b.len();
                            walk(a, items, b, depth + 1, items_seen)?;
                            if b.len() == before && !is_map {
                                // Items written in no bytes: the rest of the block is the same.
                                break;
                            }
                        }
                    }
                }
                // Integers and the logical types written as integers.
                _ => varint(b).map(|_| ()),
            }
        }
        let mut b = body;
        walk(self, &self.schema, &mut b, 0, &mut 0)
    }

    fn codec(&self) -> Result<&Codec, String> {
        self.codec
            .get_or_init(|| {
                let all: &'static [Schema] =
                    Box::leak(self.schemata().into_iter().cloned().collect());
                let (schema, schemata) = all.split_last().expect("the schema is last");
                let list = || schemata.iter().chain([schema]).collect::<Vec<_>>();
                let e = |e: apache_avro::Error| e.to_string();
                Ok(Box::new(Codec {
                    reader: GenericDatumReader::builder(schema)
                        .writer_schemata(list())
                        .map_err(e)?
                        .build()
                        .map_err(e)?,
                    writer: GenericDatumWriter::builder(schema)
                        .schemata(list())
                        .map_err(e)?
                        .build()
                        .map_err(e)?,
                }))
            })
            .as_deref()
            .map_err(Clone::clone)
    }

    /// Decode one binary datum (no framing) to its JSON form. Bytes left over are an error, and
    /// so is a datum cut short. A top-level `"bytes"` schema's datum is the bytes themselves,
    /// with no length, as Confluent's serializers (Java and Python) write and read it.
    pub fn decode(&self, body: &[u8]) -> Result<Value, String> {
        if matches!(self.schema, Schema::Bytes) {
            return Ok(Value::String(latin1(body)));
        }
        if *self.guard.get_or_init(|| self.needs_guard()) {
            self.check_depth(body)
                .map_err(|e| format!("not Avro of this schema: {e}"))?;
        }
        let mut body = NoEof(body);
        let value = self
            .codec()?
            .reader
            .read_value(&mut body)
            .map_err(|e| format!("not Avro of this schema: {e}"))?;
        let body = body.0;
        if !body.is_empty() {
            return Err(format!(
                "{} byte(s) left after the Avro datum (a different schema?)",
                body.len()
            ));
        }
        self.json_of(&value, &self.schema, 0)
    }

    /// JSON text of a decoded value with record fields in the schema's order (serde_json's maps
    /// sort keys).
    pub fn ordered_text(&self, json: &Value) -> String {
        let mut out = String::with_capacity(128);
        self.write_ordered(json, &self.schema, &mut out, 0);
        out
    }

    fn write_ordered(&self, json: &Value, s: &Schema, out: &mut String, depth: usize) {
        let plain = |out: &mut String| {
            let _ = write!(out, "{json}");
        };
        let Ok(s) = self.resolve(s) else {
            return plain(out);
        };
        if depth > MAX_DEPTH {
            return plain(out);
        }
        match (json, s) {
            (_, Schema::Union(u)) => {
                if let Some(i) = self.pick_branch(u, json) {
                    return self.write_ordered(json, &u.variants()[i], out, depth + 1);
                }
                if let Value::Object(o) = json {
                    if let Some((k, inner)) = o.iter().next().filter(|_| o.len() == 1) {
                        if let Some(b) = u.variants().iter().find(|b| &self.type_name(b) == k) {
                            out.push('{');
                            push_key(out, k);
                            out.push(':');
                            self.write_ordered(inner, b, out, depth + 1);
                            out.push('}');
                            return;
                        }
                    }
                }
                plain(out)
            }
            (Value::Object(o), Schema::Record(r)) => {
                out.push('{');
                for (i, f) in r.fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    push_key(out, &f.name);
                    out.push(':');
                    match o.get(&f.name) {
                        Some(v) => self.write_ordered(v, &f.schema, out, depth + 1),
                        None => out.push_str("null"),
                    }
                }
                out.push('}');
            }
            (Value::Array(a), Schema::Array(sa)) => {
                out.push('[');
                for (i, v) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    self.write_ordered(v, &sa.items, out, depth + 1);
                }
                out.push(']');
            }
            (Value::Object(o), Schema::Map(m)) => {
                out.push('{');
                for (i, (k, v)) in o.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    push_key(out, k);
                    out.push(':');
                    self.write_ordered(v, &m.types, out, depth + 1);
                }
                out.push('}');
            }
            _ => plain(out),
        }
    }

    /// Whether a decoded value holds a map of two entries or more (at any depth). Its bytes
    /// follow the writer's entry order, which the JSON form does not keep, and apache-avro
    /// writes maps in hash order: encoding it again gives the same bytes only by chance, so
    /// such a value never counts as exact (the envelope keeps its bytes).
    pub fn has_unordered_map(&self, json: &Value) -> bool {
        self.unordered(json, &self.schema, 0)
    }

    fn unordered(&self, json: &Value, s: &Schema, depth: usize) -> bool {
        let Ok(s) = self.resolve(s) else {
            return true;
        };
        if depth > MAX_DEPTH {
            return true;
        }
        match (json, s) {
            (_, Schema::Union(u)) => {
                // As `value_of` reads it: the tagged form where the plain one fits no branch.
                if let Value::Object(o) = json {
                    if let Some((k, inner)) = o.iter().next().filter(|_| o.len() == 1) {
                        let tagged = u.variants().iter().find(|b| {
                            let name = self.type_name(b);
                            &name == k || name.rsplit('.').next() == Some(k.as_str())
                        });
                        if let (Some(b), None) = (tagged, self.pick_branch(u, json)) {
                            return self.unordered(inner, b, depth + 1);
                        }
                    }
                }
                self.pick_branch(u, json)
                    .is_some_and(|i| self.unordered(json, &u.variants()[i], depth + 1))
            }
            (Value::Object(o), Schema::Map(m)) => {
                o.len() > 1 || o.values().any(|v| self.unordered(v, &m.types, depth + 1))
            }
            (Value::Object(o), Schema::Record(r)) => r.fields.iter().any(|f| {
                o.get(&f.name)
                    .is_some_and(|v| self.unordered(v, &f.schema, depth + 1))
            }),
            (Value::Array(a), Schema::Array(sa)) => {
                a.iter().any(|v| self.unordered(v, &sa.items, depth + 1))
            }
            _ => false,
        }
    }

    /// Encode a JSON value under this schema. Errors name the path (`/items/2/price: ...`).
    pub fn encode(&self, json: &Value) -> Result<Vec<u8>, String> {
        let value = self.value_of(json, &self.schema, &mut String::new(), 0)?;
        if let Avro::Bytes(raw) = value {
            // A top-level "bytes" datum: the bytes alone (see `decode`).
            return Ok(raw);
        }
        self.codec()?
            .writer
            .write_value_to_vec(value)
            .map_err(|e| e.to_string())
    }

    /// Whether encoding `json` gives exactly `bytes` (a decoded payload's exactness).
    pub fn encodes_to(&self, json: &Value, bytes: &[u8]) -> bool {
        let Ok(value) = self.value_of(json, &self.schema, &mut String::new(), 0) else {
            return false;
        };
        if let Avro::Bytes(raw) = &value {
            // A top-level "bytes" datum: the bytes alone (see `decode`).
            return raw == bytes;
        }
        let Ok(codec) = self.codec() else {
            return false;
        };
        let mut out = Vec::with_capacity(bytes.len());
        codec
            .writer
            .write_value_ref(&mut out, &value)
            .is_ok_and(|_| out == bytes)
    }

    fn json_of(&self, v: &Avro, s: &Schema, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(format!("nested deeper than {MAX_DEPTH}"));
        }
        let s = self.resolve(s)?;
        Ok(match (v, s) {
            (Avro::Union(i, inner), Schema::Union(u)) => {
                let branch = u
                    .variants()
                    .get(*i as usize)
                    .ok_or("union branch out of range")?;
                let plain = self.json_of(inner, branch, depth + 1)?;
                // Plain where the JSON alone picks the same branch back; tagged otherwise.
                if self.pick_branch(u, &plain) == Some(*i as usize) {
                    plain
                } else {
                    let mut m = Map::new();
                    m.insert(self.type_name(branch), plain);
                    Value::Object(m)
                }
            }
            (Avro::Null, _) => Value::Null,
            (Avro::Boolean(b), _) => Value::Bool(*b),
            (Avro::Int(n), _) => Value::from(*n),
            (Avro::Long(n), _) => Value::from(*n),
            (Avro::Float(x), _) => float(*x as f64)?,
            (Avro::Double(x), _) => float(*x)?,
            (Avro::String(t), _) => Value::String(t.clone()),
            (Avro::Bytes(b), _) | (Avro::Fixed(_, b), _) => Value::String(latin1(b)),
            (Avro::Enum(_, sym), _) => Value::String(sym.clone()),
            (Avro::Array(items), Schema::Array(a)) => Value::Array(
                items
                    .iter()
                    .map(|x| self.json_of(x, &a.items, depth + 1))
                    .collect::<Result<_, _>>()?,
            ),
            (Avro::Map(m), Schema::Map(ms)) => {
                let mut keys: Vec<_> = m.keys().collect();
                keys.sort();
                let mut out = Map::new();
                for k in keys {
                    out.insert(k.clone(), self.json_of(&m[k], &ms.types, depth + 1)?);
                }
                Value::Object(out)
            }
            (Avro::Record(fields), Schema::Record(r)) => {
                let mut out = Map::new();
                for ((name, x), f) in fields.iter().zip(&r.fields) {
                    out.insert(name.clone(), self.json_of(x, &f.schema, depth + 1)?);
                }
                Value::Object(out)
            }
            // Beyond what the natural forms show (a time of day past 24 h, a year past 9999),
            // the number itself: input takes it back.
            (Avro::Date(d), _) => or_number(format_date(*d), *d as i64),
            (Avro::TimeMillis(t), _) => or_number(format_time(*t as i64 * 1000), *t as i64),
            (Avro::TimeMicros(t), _) => or_number(format_time(*t), *t),
            (Avro::TimestampMillis(t), _) => {
                or_number(format_ts(*t as i128 * 1_000_000, 3, true), *t)
            }
            (Avro::TimestampMicros(t), _) => or_number(format_ts(*t as i128 * 1000, 6, true), *t),
            (Avro::TimestampNanos(t), _) => or_number(format_ts(*t as i128, 9, true), *t),
            (Avro::LocalTimestampMillis(t), _) => {
                or_number(format_ts(*t as i128 * 1_000_000, 3, false), *t)
            }
            (Avro::LocalTimestampMicros(t), _) => {
                or_number(format_ts(*t as i128 * 1000, 6, false), *t)
            }
            (Avro::LocalTimestampNanos(t), _) => or_number(format_ts(*t as i128, 9, false), *t),
            (Avro::Uuid(u), _) => Value::String(u.hyphenated().to_string()),
            (Avro::Decimal(d), Schema::Decimal(ds)) => {
                let bytes: Vec<u8> = d
                    .try_into()
                    .map_err(|e: apache_avro::Error| e.to_string())?;
                Value::String(decimal_text(&bytes, ds.scale))
            }
            (Avro::Duration(d), _) => {
                let b: [u8; 12] = (*d).into();
                Value::String(latin1(&b))
            }
            (v, s) => return Err(format!("cannot show {v:?} as {}", self.type_name(s))),
        })
    }

    /// The name Avro's JSON encoding tags a union branch with.
    fn type_name(&self, s: &Schema) -> String {
        if let Some(n) = s.name() {
            return n.fullname(None);
        }
        match s {
            Schema::Null => "null",
            Schema::Boolean => "boolean",
            Schema::Int | Schema::Date | Schema::TimeMillis => "int",
            Schema::Long
            | Schema::TimeMicros
            | Schema::TimestampMillis
            | Schema::TimestampMicros
            | Schema::TimestampNanos
            | Schema::LocalTimestampMillis
            | Schema::LocalTimestampMicros
            | Schema::LocalTimestampNanos => "long",
            Schema::Float => "float",
            Schema::Double => "double",
            Schema::Bytes | Schema::BigDecimal => "bytes",
            Schema::String => "string",
            Schema::Array(_) => "array",
            Schema::Map(_) => "map",
            Schema::Uuid(apache_avro::schema::UuidSchema::String) => "string",
            Schema::Uuid(_) => "bytes",
            Schema::Decimal(DecimalSchema {
                inner: InnerDecimalSchema::Bytes,
                ..
            }) => "bytes",
            Schema::Ref { name } => return name.fullname(None),
            _ => "unknown",
        }
        .to_string()
    }

    /// The first union branch a JSON value (not in tagged form) fits, as input reads it.
    fn pick_branch(&self, u: &UnionSchema, json: &Value) -> Option<usize> {
        u.variants()
            .iter()
            .position(|b| self.resolve(b).map(|b| self.fits(json, b)).unwrap_or(false))
    }

    /// Whether a JSON value has the shape of a schema (a quick, shallow test for unions).
    fn fits(&self, json: &Value, s: &Schema) -> bool {
        match (json, s) {
            (Value::Null, Schema::Null) => true,
            (Value::Bool(_), Schema::Boolean) => true,
            (Value::Number(n), Schema::Int) => n.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
            (Value::Number(n), Schema::Long) => n.as_i64().is_some(),
            (Value::Number(_), Schema::Float | Schema::Double) => true,
            (
                Value::String(_),
                Schema::String
                | Schema::Bytes
                | Schema::Uuid(_)
                | Schema::Date
                | Schema::TimeMillis
                | Schema::TimeMicros
                | Schema::TimestampMillis
                | Schema::TimestampMicros
                | Schema::TimestampNanos
                | Schema::LocalTimestampMillis
                | Schema::LocalTimestampMicros
                | Schema::LocalTimestampNanos
                | Schema::Decimal(_),
            ) => true,
            (Value::String(t), Schema::Enum(e)) => e.symbols.contains(t),
            (Value::String(t), Schema::Fixed(f)) => t.chars().count() == f.size,
            (Value::Array(_), Schema::Array(_)) => true,
            (Value::Object(_), Schema::Map(_)) => true,
            (Value::Object(o), Schema::Record(r)) => {
                o.keys().all(|k| r.lookup.contains_key(k))
                    && r.fields.iter().all(|f| {
                        o.contains_key(&f.name) || f.default.is_some() || nullable(&f.schema)
                    })
            }
            _ => false,
        }
    }

    fn value_of(
        &self,
        json: &Value,
        s: &Schema,
        path: &mut String,
        depth: usize,
    ) -> Result<Avro, String> {
        if depth > MAX_DEPTH {
            return Err(at(path, format!("nested deeper than {MAX_DEPTH}")));
        }
        let s = self.resolve(s).map_err(|e| at(path, e))?;
        let want = |what: &str| at(path, format!("expected {what}, got {}", shown(json)));
        Ok(match s {
            Schema::Union(u) => {
                // Avro's JSON encoding: {"branch name": value}.
                if let Value::Object(o) = json {
                    if o.len() == 1 {
                        let (k, inner) = o.iter().next().expect("one entry");
                        if let Some(i) = u.variants().iter().position(|b| {
                            let name = self.type_name(b);
                            &name == k || name.rsplit('.').next() == Some(k.as_str())
                        }) {
                            let plain_fits = self.pick_branch(u, json).is_some();
                            if !plain_fits {
                                let v = self.value_of(inner, &u.variants()[i], path, depth + 1)?;
                                return Ok(Avro::Union(i as u32, Box::new(v)));
                            }
                        }
                    }
                }
                let Some(i) = self.pick_branch(u, json) else {
                    let names: Vec<_> = u.variants().iter().map(|b| self.type_name(b)).collect();
                    return Err(at(
                        path,
                        format!("{} fits no branch of [{}]", shown(json), names.join(", ")),
                    ));
                };
                let v = self.value_of(json, &u.variants()[i], path, depth + 1)?;
                Avro::Union(i as u32, Box::new(v))
            }
            Schema::Null => match json {
                Value::Null => Avro::Null,
                _ => return Err(want("null")),
            },
            Schema::Boolean => Avro::Boolean(json.as_bool().ok_or_else(|| want("a boolean"))?),
            Schema::Int => Avro::Int(
                json.as_i64()
                    .and_then(|n| i32::try_from(n).ok())
                    .ok_or_else(|| want("an int (32-bit)"))?,
            ),
            Schema::Long => Avro::Long(json.as_i64().ok_or_else(|| want("a long (64-bit)"))?),
            Schema::Float => Avro::Float(float_of(json).ok_or_else(|| want("a float"))? as f32),
            Schema::Double => Avro::Double(float_of(json).ok_or_else(|| want("a double"))?),
            Schema::String => Avro::String(json.as_str().ok_or_else(|| want("a string"))?.into()),
            Schema::Bytes => Avro::Bytes(
                json.as_str()
                    .and_then(from_latin1)
                    .ok_or_else(|| want("bytes (a string of characters U+0000..U+00FF)"))?,
            ),
            Schema::Fixed(f) => {
                let b = json
                    .as_str()
                    .and_then(from_latin1)
                    .ok_or_else(|| want("fixed bytes (characters U+0000..U+00FF)"))?;
                if b.len() != f.size {
                    return Err(at(
                        path,
                        format!(
                            "expected {} bytes for fixed `{}`, got {}",
                            f.size,
                            f.name,
                            b.len()
                        ),
                    ));
                }
                Avro::Fixed(f.size, b)
            }
            Schema::Enum(e) => {
                let t = json.as_str().ok_or_else(|| want("an enum symbol"))?;
                let i = e.symbols.iter().position(|x| x == t).ok_or_else(|| {
                    at(
                        path,
                        format!(
                            "`{t}` is not a symbol of enum `{}` ({})",
                            e.name,
                            e.symbols.join(", ")
                        ),
                    )
                })?;
                Avro::Enum(i as u32, t.into())
            }
            Schema::Array(a) => {
                let items = json.as_array().ok_or_else(|| want("an array"))?;
                let mut out = Vec::with_capacity(items.len());
                for (i, x) in items.iter().enumerate() {
                    let len = path.len();
                    let _ = write!(path, "/{i}");
                    out.push(self.value_of(x, &a.items, path, depth + 1)?);
                    path.truncate(len);
                }
                Avro::Array(out)
            }
            Schema::Map(m) => {
                let o = json.as_object().ok_or_else(|| want("an object (a map)"))?;
                let mut out = HashMap::with_capacity(o.len());
                for (k, x) in o {
                    let len = path.len();
                    path.push('/');
                    push_escaped(path, k);
                    out.insert(k.clone(), self.value_of(x, &m.types, path, depth + 1)?);
                    path.truncate(len);
                }
                Avro::Map(out)
            }
            Schema::Record(r) => self.record_from_json(json, r, path, depth)?,
            Schema::Date => match json {
                Value::String(t) => {
                    Avro::Date(parse_date(t).ok_or_else(|| want("a date (YYYY-MM-DD)"))?)
                }
                _ => Avro::Date(
                    json.as_i64()
                        .and_then(|n| i32::try_from(n).ok())
                        .ok_or_else(|| want("a date (YYYY-MM-DD or days since 1970-01-01)"))?,
                ),
            },
            Schema::TimeMillis => Avro::TimeMillis(
                time_of(json, 1_000_000)
                    .and_then(|n| i32::try_from(n).ok())
                    .ok_or_else(|| want("a time of day (HH:MM:SS.sss or milliseconds)"))?,
            ),
            Schema::TimeMicros => Avro::TimeMicros(
                time_of(json, 1000)
                    .ok_or_else(|| want("a time of day (HH:MM:SS.ssssss or microseconds)"))?,
            ),
            Schema::TimestampMillis => Avro::TimestampMillis(
                ts_of(json, 1_000_000, true)
                    .ok_or_else(|| want("an RFC 3339 time or epoch milliseconds"))?,
            ),
            Schema::TimestampMicros => Avro::TimestampMicros(
                ts_of(json, 1000, true)
                    .ok_or_else(|| want("an RFC 3339 time or epoch microseconds"))?,
            ),
            Schema::TimestampNanos => Avro::TimestampNanos(
                ts_of(json, 1, true)
                    .ok_or_else(|| want("an RFC 3339 time or epoch nanoseconds"))?,
            ),
            Schema::LocalTimestampMillis => {
                Avro::LocalTimestampMillis(ts_of(json, 1_000_000, false).ok_or_else(|| {
                    want("a local time (2026-12-05T11:30:00.123) or milliseconds")
                })?)
            }
            Schema::LocalTimestampMicros => Avro::LocalTimestampMicros(
                ts_of(json, 1000, false).ok_or_else(|| want("a local time or microseconds"))?,
            ),
            Schema::LocalTimestampNanos => Avro::LocalTimestampNanos(
                ts_of(json, 1, false).ok_or_else(|| want("a local time or nanoseconds"))?,
            ),
            Schema::Uuid(_) => Avro::Uuid(
                json.as_str()
                    .and_then(|t| uuid::Uuid::parse_str(t).ok())
                    .ok_or_else(|| want("a UUID"))?,
            ),
            Schema::Decimal(d) => {
                let bytes = decimal_bytes(json, d).map_err(|e| at(path, e))?;
                Avro::Decimal(apache_avro::Decimal::from(bytes))
            }
            other => {
                return Err(at(
                    path,
                    format!(
                        "{} values are not supported in JSON input",
                        self.type_name(other)
                    ),
                ))
            }
        })
    }

    fn record_from_json(
        &self,
        json: &Value,
        r: &RecordSchema,
        path: &mut String,
        depth: usize,
    ) -> Result<Avro, String> {
        let o = json.as_object().ok_or_else(|| {
            at(
                path,
                format!(
                    "expected an object (record `{}`), got {}",
                    r.name,
                    shown(json)
                ),
            )
        })?;
        if let Some(k) = o.keys().find(|k| !r.lookup.contains_key(*k)) {
            return Err(at(
                path,
                format!("`{k}` is not a field of record `{}`", r.name),
            ));
        }
        let mut out = Vec::with_capacity(r.fields.len());
        for f in &r.fields {
            let len = path.len();
            path.push('/');
            push_escaped(path, &f.name);
            let v = match o.get(&f.name) {
                Some(x) => self.value_of(x, &f.schema, path, depth + 1)?,
                None => match &f.default {
                    Some(d) => default_value(d, &f.schema, self)?,
                    None if nullable(&f.schema) => {
                        self.value_of(&Value::Null, &f.schema, path, depth + 1)?
                    }
                    None => return Err(at(path, "required field is missing".into())),
                },
            };
            path.truncate(len);
            out.push((f.name.clone(), v));
        }
        Ok(Avro::Record(out))
    }
}

fn strip_decimals(s: &Schema, depth: usize) -> Schema {
    if depth > MAX_DEPTH {
        return s.clone();
    }
    match s {
        Schema::Decimal(d) => match &d.inner {
            InnerDecimalSchema::Bytes => Schema::Bytes,
            InnerDecimalSchema::Fixed(f) => Schema::Fixed(f.clone()),
        },
        Schema::Array(a) => {
            let mut a = a.clone();
            a.items = Box::new(strip_decimals(&a.items, depth + 1));
            Schema::Array(a)
        }
        Schema::Map(m) => {
            let mut m = m.clone();
            m.types = Box::new(strip_decimals(&m.types, depth + 1));
            Schema::Map(m)
        }
        Schema::Union(u) => UnionSchema::new(
            u.variants()
                .iter()
                .map(|b| strip_decimals(b, depth + 1))
                .collect(),
        )
        .map(Schema::Union)
        .unwrap_or_else(|_| s.clone()),
        Schema::Record(r) => {
            let mut r = r.clone();
            for f in &mut r.fields {
                f.schema = strip_decimals(&f.schema, depth + 1);
            }
            Schema::Record(r)
        }
        other => other.clone(),
    }
}

/// A datum's bytes that end in an error rather than an end of file: apache-avro reads a
/// boolean, a string or a union index cut off by the end of its input as null (so that a
/// truncated record would decode with nulls in its last fields).
struct NoEof<'a>(&'a [u8]);

impl std::io::Read for NoEof<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.0.is_empty() && !buf.is_empty() {
            return Err(std::io::Error::other("the datum is truncated"));
        }
        self.0.read(buf)
    }
}

/// A field default (JSON; for a union, of its first branch, as the specification says).
fn default_value(d: &Value, s: &Schema, schema: &AvroSchema) -> Result<Avro, String> {
    let s = schema.resolve(s)?;
    if let Schema::Union(u) = s {
        let first = u.variants().first().ok_or("empty union")?;
        let v = schema.value_of(d, first, &mut String::new(), 0)?;
        return Ok(Avro::Union(0, Box::new(v)));
    }
    schema.value_of(d, s, &mut String::new(), 0)
}

fn nullable(s: &Schema) -> bool {
    matches!(s, Schema::Union(u) if u.variants().iter().any(|b| matches!(b, Schema::Null)))
}

fn at(path: &str, msg: String) -> String {
    if path.is_empty() {
        format!("/: {msg}")
    } else {
        format!("{path}: {msg}")
    }
}

/// Append a JSON Pointer token (`~` as `~0`, `/` as `~1`).
fn push_escaped(path: &mut String, k: &str) {
    for c in k.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

/// Append a JSON string (an object key).
fn push_key(out: &mut String, k: &str) {
    // Avro names are [A-Za-z_][A-Za-z0-9_]*: nothing to escape; map keys may need it.
    if k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        out.push('"');
        out.push_str(k);
        out.push('"');
    } else {
        let _ = write!(out, "{}", Value::String(k.to_string()));
    }
}

fn shown(v: &Value) -> String {
    let t = v.to_string();
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(40).collect::<String>())
    } else {
        t
    }
}

fn float(x: f64) -> Result<Value, String> {
    Ok(Number::from_f64(x).map_or_else(
        // NaN and infinities have no JSON number: Avro's JSON encoding writes them as strings.
        || {
            Value::String(if x.is_nan() {
                "NaN".into()
            } else if x > 0.0 {
                "Infinity".into()
            } else {
                "-Infinity".into()
            })
        },
        Value::Number,
    ))
}

/// A number, or the strings [`float`] writes for NaN and the infinities.
fn float_of(json: &Value) -> Option<f64> {
    match json.as_str() {
        Some("NaN") => Some(f64::NAN),
        Some("Infinity") => Some(f64::INFINITY),
        Some("-Infinity") => Some(f64::NEG_INFINITY),
        _ => json.as_f64(),
    }
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

fn from_latin1(t: &str) -> Option<Vec<u8>> {
    t.chars().map(|c| u8::try_from(c as u32).ok()).collect()
}

/// The unscaled big-endian two's-complement integer as a decimal string with `scale` digits
/// after the point.
fn decimal_text(bytes: &[u8], scale: usize) -> String {
    let n = num_bigint::BigInt::from_signed_bytes_be(bytes);
    let (neg, digits) = {
        let t = n.to_string();
        match t.strip_prefix('-') {
            Some(d) => (true, d.to_string()),
            None => (false, t),
        }
    };
    let digits = if digits.len() <= scale {
        format!("{}{digits}", "0".repeat(scale + 1 - digits.len()))
    } else {
        digits
    };
    let (int, frac) = digits.split_at(digits.len() - scale);
    let sign = if neg { "-" } else { "" };
    if scale == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// A decimal given as a string or a JSON number, as the schema's unscaled bytes. More digits
/// after the point than the scale, or more than the precision, is an error (never rounded).
fn decimal_bytes(json: &Value, d: &DecimalSchema) -> Result<Vec<u8>, String> {
    let text = match json {
        Value::String(t) => t.clone(),
        Value::Number(n) => n.to_string(),
        other => {
            return Err(format!(
                "expected a decimal (e.g. \"12.30\"), got {}",
                shown(other)
            ))
        }
    };
    let bad = || format!("`{text}` is not a decimal number (e.g. \"12.30\")");
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    if int.is_empty() && frac.is_empty()
        || !int.bytes().all(|c| c.is_ascii_digit())
        || !frac.bytes().all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > d.scale {
        return Err(format!(
            "`{text}` has more than {} digit(s) after the point (the schema's scale)",
            d.scale
        ));
    }
    let digits = format!("{int}{frac}{}", "0".repeat(d.scale - frac.len()));
    let digits = digits.trim_start_matches('0');
    if digits.len() > d.precision {
        return Err(format!(
            "`{text}` has more than {} significant digit(s) (the schema's precision)",
            d.precision
        ));
    }
    let mut n: num_bigint::BigInt = if digits.is_empty() {
        0.into()
    } else {
        digits.parse().map_err(|_| bad())?
    };
    if neg {
        n = -n;
    }
    Ok(n.to_signed_bytes_be())
}

fn or_number(text: Option<String>, n: i64) -> Value {
    text.map_or_else(|| Value::from(n), Value::String)
}

/// Years RFC 3339's four digits can write.
const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

fn format_date(days: i32) -> Option<String> {
    let d = time::Date::from_julian_day(2_440_588i32.checked_add(days)?).ok()?;
    YEARS.contains(&d.year()).then(|| d.to_string())
}

fn parse_date(t: &str) -> Option<i32> {
    let d = time::Date::parse(t, time::macros::format_description!("[year]-[month]-[day]")).ok()?;
    Some(d.to_julian_day() - 2_440_588)
}

fn format_time(micros: i64) -> Option<String> {
    if !(0..86_400_000_000).contains(&micros) {
        return None;
    }
    let (h, rest) = (micros / 3_600_000_000, micros % 3_600_000_000);
    let (m, rest) = (rest / 60_000_000, rest % 60_000_000);
    let (s, us) = (rest / 1_000_000, rest % 1_000_000);
    Some(if us % 1000 == 0 {
        format!("{h:02}:{m:02}:{s:02}.{:03}", us / 1000)
    } else {
        format!("{h:02}:{m:02}:{s:02}.{us:06}")
    })
}

/// A time of day as HH:MM:SS[.fraction] or a number, in units of `unit_ns` nanoseconds.
fn time_of(json: &Value, unit_ns: i64) -> Option<i64> {
    if let Some(n) = json.as_i64() {
        return Some(n);
    }
    let t = json.as_str()?;
    let parsed = time::Time::parse(
        t,
        time::macros::format_description!("[hour]:[minute]:[second][optional [.[subsecond]]]"),
    )
    .ok()?;
    let ns = (parsed.hour() as i64 * 3600 + parsed.minute() as i64 * 60 + parsed.second() as i64)
        * 1_000_000_000
        + parsed.nanosecond() as i64;
    (ns % unit_ns == 0).then_some(ns / unit_ns)
}

fn format_ts(nanos: i128, digits: usize, utc: bool) -> Option<String> {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(nanos).ok()?;
    if !YEARS.contains(&t.year()) {
        return None;
    }
    let frac = format!("{:09}", t.nanosecond());
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{}{}",
        t.year(),
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
        &frac[..digits],
        if utc { "Z" } else { "" }
    ))
}

/// A timestamp as RFC 3339 (UTC ones need an offset; local ones have none) or a number, in
/// units of `unit_ns` nanoseconds.
fn ts_of(json: &Value, unit_ns: i128, utc: bool) -> Option<i64> {
    if let Some(n) = json.as_i64() {
        return Some(n);
    }
    let t = json.as_str()?;
    let nanos = if utc {
        time::OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339)
            .ok()?
            .unix_timestamp_nanos()
    } else {
        time::PrimitiveDateTime::parse(
            t,
            time::macros::format_description!(
                "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
            ),
        )
        .ok()?
        .assume_utc()
        .unix_timestamp_nanos()
    };
    if nanos % unit_ns != 0 {
        return None;
    }
    i64::try_from(nanos / unit_ns).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema(t: &str) -> AvroSchema {
        AvroSchema::parse(t, &[]).unwrap()
    }

    fn roundtrip(s: &AvroSchema, v: Value) -> Value {
        let bytes = s.encode(&v).unwrap();
        let back = s.decode(&bytes).unwrap();
        assert_eq!(
            s.encode(&back).unwrap(),
            bytes,
            "re-encoding {back} changed the bytes"
        );
        back
    }

    #[test]
    fn records_unions_enums_and_logical_types_round_trip() {
        let s = schema(
            r#"{"type":"record","name":"Order","namespace":"shop","fields":[
              {"name":"id","type":"string"},
              {"name":"total","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},
              {"name":"note","type":["null","string"],"default":null},
              {"name":"n","type":["null","int","long"]},
              {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","PAID"]}},
              {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"day","type":{"type":"int","logicalType":"date"}},
              {"name":"uid","type":{"type":"string","logicalType":"uuid"}},
              {"name":"tags","type":{"type":"map","values":"long"}},
              {"name":"lines","type":{"type":"array","items":{"type":"record","name":"Line","fields":[{"name":"sku","type":"string"}]}}},
              {"name":"h","type":{"type":"fixed","name":"H","size":2}}
            ]}"#,
        );
        let v = json!({"id":"ord-1","total":"12.30","note":"hi","n":{"long":7},"status":"PAID",
            "at":"2026-12-05T11:30:00.123Z","day":"2026-12-05","uid":"0b2f8a1e-6a3e-4bd2-9d8a-1c2b3c4d5e6f",
            "tags":{"a":1},"lines":[{"sku":"x"}],"h":"\u{0001}\u{00ff}"});
        let back = roundtrip(&s, v.clone());
        assert_eq!(back, v);
        let text = s.ordered_text(&back);
        assert!(
            text.starts_with(r#"{"id":"ord-1","total":"12.30","note":"hi","n":{"long":7},"#),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
        // An int fits the first numeric branch: shown plain.
        let back = roundtrip(
            &s,
            json!({"id":"o","total":-0.5,"n":3,"status":"NEW","at":0,"day":0,
            "uid":"0b2f8a1e-6a3e-4bd2-9d8a-1c2b3c4d5e6f","tags":{},"lines":[],"h":"ab"}),
        );
        assert_eq!(back["n"], json!(3));
        assert_eq!(back["note"], Value::Null);
        assert_eq!(back["total"], json!("-0.50"));
        assert_eq!(back["at"], json!("1970-01-01T00:00:00.000Z"));
    }

    #[test]
    fn exactness_keys_and_paths_with_the_cached_codec() {
        let s = schema(
            r#"{"type":"record","name":"R","fields":[{"name":"n","type":"long"},
               {"name":"m","type":{"type":"map","values":"double"}}]}"#,
        );
        // Canonical bytes are exact; the same value with a non-minimal varint decodes but is not.
        let v = json!({"n": 1, "m": {}});
        let bytes = s.encode(&v).unwrap();
        assert_eq!(bytes, [2, 0]);
        assert!(s.encodes_to(&s.decode(&bytes).unwrap(), &bytes));
        let loose = [0x82, 0x00, 0x00];
        assert_eq!(s.decode(&loose).unwrap(), v);
        assert!(!s.encodes_to(&v, &loose));
        // Map keys are escaped in the text and in error paths.
        let v = json!({"n": 2, "m": {"a\"b/~": 1.5}});
        let back = roundtrip(&s, v.clone());
        let text = s.ordered_text(&back);
        assert_eq!(text, r#"{"n":2,"m":{"a\"b/~":1.5}}"#);
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
        let e = s.encode(&json!({"n": 2, "m": {"a/b~": "x"}})).unwrap_err();
        assert!(e.starts_with("/m/a~1b~0: expected a double"), "{e}");
    }

    #[test]
    fn bad_events_name_the_field() {
        let s = schema(
            r#"{"type":"record","name":"R","fields":[{"name":"items","type":{"type":"array","items":
               {"type":"record","name":"I","fields":[{"name":"price","type":"double"}]}}}]}"#,
        );
        let e = s
            .encode(&json!({"items":[{"price":1},{"price":"x"}]}))
            .unwrap_err();
        assert!(e.starts_with("/items/1/price: expected a double"), "{e}");
        let e = s.encode(&json!({"items":[], "extra": 1})).unwrap_err();
        assert!(e.contains("`extra` is not a field"), "{e}");
        let e = s.encode(&json!({})).unwrap_err();
        assert!(e.starts_with("/items: required field is missing"), "{e}");
    }

    #[test]
    fn decimals_are_never_rounded() {
        let s = schema(r#"{"type":"bytes","logicalType":"decimal","precision":4,"scale":2}"#);
        assert!(s.encode(&json!("1.234")).unwrap_err().contains("scale"));
        assert!(s.encode(&json!("123.4")).unwrap_err().contains("precision"));
        assert_eq!(
            s.decode(&s.encode(&json!("12.5")).unwrap()).unwrap(),
            json!("12.50")
        );
    }

    #[test]
    fn hostile_bytes_are_errors() {
        let s = schema(
            r#"{"type":"record","name":"R","fields":[{"name":"a","type":"string"},{"name":"b","type":{"type":"array","items":"long"}}]}"#,
        );
        let good = s.encode(&json!({"a":"x","b":[1,2]})).unwrap();
        for cut in 0..good.len() {
            assert!(s.decode(&good[..cut]).is_err(), "truncated at {cut}");
        }
        let mut trailing = good.clone();
        trailing.push(0);
        assert!(s.decode(&trailing).unwrap_err().contains("left after"));
        // A string claiming an enormous length.
        limit_allocations();
        assert!(s.decode(&[0xfe, 0xff, 0xff, 0xff, 0x0f]).is_err());
        // A block count claiming billions of items.
        assert!(s
            .decode(&[0x02, b'x', 0xfe, 0xff, 0xff, 0xff, 0x0f, 0x02])
            .is_err());
    }

    #[test]
    fn a_datum_cut_before_a_boolean_string_or_union_is_an_error() {
        // apache-avro alone reads each of these cuts as a null last field.
        let s = schema(
            r#"{"type":"record","name":"R","fields":[{"name":"n","type":"long"},
               {"name":"t","type":"string"},{"name":"b","type":"boolean"},
               {"name":"u","type":["null","string"]}]}"#,
        );
        let good = s.encode(&json!({"n":1,"t":"ab","b":true,"u":"x"})).unwrap();
        for cut in 0..good.len() {
            let e = s.decode(&good[..cut]).unwrap_err();
            assert!(
                e.starts_with("not Avro of this schema"),
                "cut at {cut}: {e}"
            );
        }
        assert_eq!(
            s.decode(&good).unwrap(),
            json!({"n":1,"t":"ab","b":true,"u":"x"})
        );
    }

    #[test]
    fn values_beyond_the_natural_forms_show_as_numbers_and_round_trip() {
        let s = schema(
            r#"{"type":"record","name":"R","fields":[
              {"name":"d","type":{"type":"int","logicalType":"date"}},
              {"name":"t","type":{"type":"int","logicalType":"time-millis"}},
              {"name":"tu","type":{"type":"long","logicalType":"time-micros"}},
              {"name":"ts","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"lts","type":{"type":"long","logicalType":"local-timestamp-micros"}},
              {"name":"f","type":"float"},{"name":"x","type":["null","double"]}]}"#,
        );
        // Written by another producer: a date past year 9999 (and one that overflowed the
        // julian day), times of day outside 0..24 h, a timestamp in year 292 million.
        for (d, t, ts) in [(i32::MAX, -1, i64::MAX), (3_000_000, 86_400_000, i64::MIN)] {
            let v = json!({"d":d,"t":t,"tu":t as i64 * 1000,"ts":ts,"lts":ts,"f":"NaN","x":{"double":"-Infinity"}});
            let back = roundtrip(&s, v.clone());
            assert_eq!(back, v);
        }
        let v = json!({"d":"2026-12-05","t":"23:59:59.999","tu":"00:00:00.000001",
            "ts":"9999-12-31T23:59:59.999Z","lts":"0000-01-01T00:00:00.000000","f":"Infinity","x":1.5});
        assert_eq!(roundtrip(&s, v.clone()), v);
    }

    #[test]
    fn a_top_level_bytes_datum_is_the_bytes_alone() {
        // Confluent's serializers write a top-level "bytes" value without a length prefix.
        let s = schema(r#"{"type":"bytes"}"#);
        assert_eq!(
            s.encode(&json!("\u{0}\u{ff}ab")).unwrap(),
            [0, 0xff, b'a', b'b']
        );
        assert_eq!(
            s.decode(&[0, 0xff, b'a', b'b']).unwrap(),
            json!("\u{0}\u{ff}ab")
        );
        assert_eq!(s.decode(&[]).unwrap(), json!(""));
        // Other top-level types keep Avro's own encoding.
        let s = schema(r#""string""#);
        assert_eq!(s.encode(&json!("ab")).unwrap(), [4, b'a', b'b']);
        let s = schema(r#"{"type":"bytes","logicalType":"decimal","precision":4,"scale":2}"#);
        assert_eq!(s.encode(&json!("1.00")).unwrap(), [2, 100]);
    }

    #[test]
    fn maps_of_two_entries_or_more_are_found_at_any_depth() {
        let s = schema(
            r#"{"type":"record","name":"R","fields":[
              {"name":"m","type":{"type":"map","values":"long"}},
              {"name":"u","type":["null",{"type":"map","values":"string"},"string"]},
              {"name":"a","type":{"type":"array","items":{"type":"record","name":"I",
                 "fields":[{"name":"x","type":"int"},{"name":"y","type":"int"}]}}}]}"#,
        );
        let v = |m: Value, u: Value| json!({"m": m, "u": u, "a": [{"x": 1, "y": 2}]});
        // Records have two fields here, and a one-entry map has only one order.
        assert!(!s.has_unordered_map(&v(json!({"k": 1}), json!({"k": "v"}))));
        assert!(!s.has_unordered_map(&v(json!({}), Value::Null)));
        assert!(s.has_unordered_map(&v(json!({"a": 1, "b": 2}), Value::Null)));
        assert!(s.has_unordered_map(&v(json!({}), json!({"a": "1", "b": "2"}))));
        // Whatever their order, two entries decode the same: their bytes cannot be kept.
        let bytes = s.encode(&v(json!({"a": 1, "b": 2}), Value::Null)).unwrap();
        assert!(s.has_unordered_map(&s.decode(&bytes).unwrap()));
    }

    #[test]
    fn references_to_common_types_resolve() {
        let money = r#"{"type":"record","name":"Money","namespace":"shop","fields":[{"name":"cents","type":"long"}]}"#;
        let s = AvroSchema::parse(
            r#"{"type":"record","name":"O","namespace":"shop","fields":[{"name":"m","type":"Money"}]}"#,
            &[money.to_string()],
        )
        .unwrap();
        assert_eq!(
            roundtrip(&s, json!({"m":{"cents":5}})),
            json!({"m":{"cents":5}})
        );
        assert!(AvroSchema::parse(
            r#"{"type":"record","name":"O","fields":[{"name":"m","type":"Nope"}]}"#,
            &[]
        )
        .is_err());
    }

    #[test]
    fn recursive_types_decode_within_a_depth_bound() {
        let s = schema(
            r#"{"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]}"#,
        );
        let v = json!({"next":{"next":null}});
        assert_eq!(roundtrip(&s, v.clone()), v);
    }
}

#[cfg(test)]
mod hostile_tests {
    use super::*;

    #[test]
    fn deep_recursive_data_is_an_error_not_a_stack_overflow() {
        let s = AvroSchema::parse(
            r#"{"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]}"#,
            &[],
        )
        .unwrap();
        // Each 0x02 picks the `Node` branch: a million levels in a million bytes.
        let mut bytes = vec![2u8; 1_000_000];
        bytes.push(0);
        let r = std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(move || s.decode(&bytes).is_err())
            .unwrap()
            .join();
        assert_eq!(r.ok(), Some(true));
    }
}

#[cfg(test)]
mod zero_width_tests {
    use super::*;

    #[test]
    fn only_recursive_schemas_and_zero_width_arrays_are_walked_first() {
        let money = r#"{"type":"record","name":"Money","namespace":"shop","fields":[{"name":"cents","type":"long"}]}"#;
        let shared = AvroSchema::parse(
            r#"{"type":"record","name":"O","namespace":"shop","fields":[{"name":"a","type":"Money"},{"name":"b","type":"Money"}]}"#,
            &[money.to_string()],
        )
        .unwrap();
        assert!(!shared.needs_guard());
        let node = AvroSchema::parse(
            r#"{"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]}"#,
            &[],
        )
        .unwrap();
        assert!(node.needs_guard());
        let nulls = AvroSchema::parse(r#"{"type":"array","items":"null"}"#, &[]).unwrap();
        assert!(nulls.needs_guard());
    }

    #[test]
    fn a_huge_block_of_zero_width_items_is_refused_quickly() {
        for schema in [
            r#"{"type":"array","items":"null"}"#,
            r#"{"type":"record","name":"R","fields":[{"name":"xs","type":{"type":"array","items":{"type":"record","name":"E","fields":[]}}},{"name":"next","type":["null","R"]}]}"#,
        ] {
            let s = AvroSchema::parse(schema, &[]).unwrap();
            // A block claiming 2^61 items, then nothing.
            let mut bytes = vec![0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40];
            bytes.push(0);
            let e = s.decode(&bytes).unwrap_err();
            assert!(e.contains("array or map items"), "{schema}: {e}");
        }
    }
}
