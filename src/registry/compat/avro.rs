//! Avro compatibility checker: the specification's reader/writer schema resolution, with every
//! difference reported as a [`Change`] (Confluent/Apache Avro incompatibility names and
//! locations), compatible ones included (`breaking == false`).
//!
//! [`compare`] follows the JSON Schema checker's conventions ([`super::compare_cancellable`]):
//! BACKWARD reads old data with the new schema (reader = new, writer = old), FORWARD reads new
//! data with the old schema, FULL does both (exact duplicates removed), a transitive mode behaves
//! like its base (the caller loops over earlier versions), NONE reports nothing. Messages tell
//! each change from the old schema to the new one, in every mode; rule ids name it from the
//! writer to the reader, as Confluent's do (so in a FORWARD check a field the new schema added
//! is `FIELD_REMOVED`: the old reader skips it).
//!
//! Resolution (Avro specification, "Schema Resolution"):
//! - the same primitive, or a promotion: int→long/float/double, long→float/double, float→double,
//!   string↔bytes (`TYPE_PROMOTED`, compatible); anything else is `TYPE_MISMATCH`;
//! - records, enums and fixed match by full or unqualified name, or by a reader alias
//!   (`RENAMED_WITH_ALIAS`), else `NAME_MISMATCH`; fixed sizes must agree
//!   (`FIXED_SIZE_MISMATCH`);
//! - record fields match by name or by a reader field alias; a writer-only field is skipped
//!   (`FIELD_REMOVED`), a reader-only field needs a default (`FIELD_ADDED_WITH_DEFAULT`, else
//!   `READER_FIELD_MISSING_DEFAULT_VALUE`);
//! - enum symbols the writer has and the reader lacks are `MISSING_ENUM_SYMBOLS`, or
//!   `MISSING_ENUM_SYMBOLS_WITH_DEFAULT` (compatible) when the reader enum has a default;
//! - a writer union needs every branch readable (`MISSING_UNION_BRANCH` at the writer's branch);
//!   a reader union takes a non-union writer into its first branch of the same type or name,
//!   else its first promotable branch, else `MISSING_UNION_BRANCH`; reader branches no writer
//!   branch uses are `UNION_BRANCH_ADDED` (compatible);
//! - `decimal` needs equal precision and scale (`TYPE_MISMATCH`, the message names them); two
//!   different logical types are a `TYPE_MISMATCH` even on the same underlying type
//!   (timestamp-millis → timestamp-micros reads other instants); a logical type added or
//!   removed compares the underlying types (the specification's view; note that apache-avro's
//!   own decoder refuses to read e.g. `date` data with a plain `int` reader).
//!
//! A partial match (some writer symbols or branches missing) is a break. Locations are JSON
//! pointers with a `#` prefix (`#/fields/1/type`, `#/fields/2/type/0` for a union branch,
//! `#/items`, `#/values`, `#/fields/0/type/symbols`, root `#/`), as the path is written inside
//! the schema that uses the type (a named type reached through a reference is located where it
//! is used). They point into the new schema where the thing exists there (so BACKWARD locations
//! are Confluent's reader locations), else into the old one (a removed field, a writer union
//! branch the reader lacks).
//!
//! Guarantees: no panics and always terminates: each (writer name, reader name) pair of named
//! types is compared once (a recursive type does not loop; a named type used in several places
//! reports its changes at the first), nesting deeper than [`MAX_DEPTH`] and references to named
//! types that neither the schema nor the supplied named types define are breaking
//! `UNSUPPORTED_SCHEMA`, never a pass. Work is linear in the schemas' size (union branches are
//! matched through a hash index, not pairwise). Cancellable: every loop over fields, symbols and
//! branches looks at the flag.
//!
//! apache-avro's `SchemaCompatibility` is not used: it stops at the first error and has no
//! locations. Its decoder (`from_avro_datum` with a reader schema) is the oracle of the tests.
//! Where this checker is knowingly stricter than apache-avro's decoder: aliases are honoured
//! here and not there (a pair compatible only through an alias does not decode there), and
//! record names are checked here and not there.

use super::{Cancelled, Change, Mode};
use apache_avro::schema::{
    DecimalSchema, EnumSchema, FixedSchema, InnerDecimalSchema, Name, RecordSchema, UuidSchema,
};
use apache_avro::Schema;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};

#[cfg(test)]
#[path = "avro_tests.rs"]
mod tests;

/// Every rule id this module reports that the JSON Schema catalogue does not already have
/// (it also reports `UNSUPPORTED_SCHEMA`), with its description; added to [`super::rules`].
pub const RULES: &[(&str, &str)] = &[
    ("TYPE_MISMATCH", "Avro: the reader cannot read the writer's type (no promotion between them), a decimal's precision/scale changed, or a logical type was replaced by another: breaking"),
    ("NAME_MISMATCH", "Avro: a record, enum or fixed name changed and no reader alias maps it: breaking"),
    ("FIXED_SIZE_MISMATCH", "Avro: a fixed type's size changed: breaking"),
    ("MISSING_ENUM_SYMBOLS", "Avro: the reader enum lacks symbols the writer has and has no default: breaking"),
    ("MISSING_ENUM_SYMBOLS_WITH_DEFAULT", "Avro: the reader enum lacks symbols the writer has; they read as its default: compatible"),
    ("ENUM_SYMBOLS_ADDED", "Avro: the reader enum has symbols the writer never writes: compatible"),
    ("READER_FIELD_MISSING_DEFAULT_VALUE", "Avro: a reader field the writer lacks has no default: breaking"),
    ("FIELD_ADDED_WITH_DEFAULT", "Avro: a reader field the writer lacks has a default, used when reading: compatible"),
    ("FIELD_REMOVED", "Avro: a writer field the reader lacks is skipped when reading: compatible"),
    ("MISSING_UNION_BRANCH", "Avro: a type the writer may write (a union branch) has no matching reader branch: breaking"),
    ("UNION_BRANCH_ADDED", "Avro: the reader union has branches the writer never writes (or a type became a union): compatible"),
    ("TYPE_PROMOTED", "Avro: the writer's type is promoted when read (int→long/float/double, long→float/double, float→double, string↔bytes): compatible"),
    ("RENAMED_WITH_ALIAS", "Avro: a record, enum, fixed or field was renamed and a reader alias maps the writer's name: compatible"),
];

/// Nesting limit; deeper schemas are reported as `UNSUPPORTED_SCHEMA`, not walked.
pub const MAX_DEPTH: usize = 100;

/// Compare two versions under a mode (see the module documentation). Named types referenced
/// but not defined inside a schema are `UNSUPPORTED_SCHEMA`; use [`compare_with`] to supply
/// them.
pub fn compare(
    old: &Schema,
    new: &Schema,
    mode: Mode,
    cancel: &AtomicBool,
) -> Result<Vec<Change>, Cancelled> {
    compare_with(old, &[], new, &[], mode, cancel)
}

/// [`compare`], with the named types each version's references may use (e.g. the schemata
/// `Schema::parse_str_with_list` returns beside the schema).
pub fn compare_with(
    old: &Schema,
    old_named: &[Schema],
    new: &Schema,
    new_named: &[Schema],
    mode: Mode,
    cancel: &AtomicBool,
) -> Result<Vec<Change>, Cancelled> {
    let old = Side::new(old, old_named);
    let new = Side::new(new, new_named);
    let backward = || check(&old, &new, false, cancel);
    let forward = || check(&new, &old, true, cancel);
    Ok(match mode {
        Mode::None => Vec::new(),
        Mode::Backward | Mode::BackwardTransitive => backward()?,
        Mode::Forward | Mode::ForwardTransitive => forward()?,
        Mode::Full | Mode::FullTransitive => {
            let mut all = backward()?;
            let mut seen: HashSet<Change> = all.iter().cloned().collect();
            for c in forward()? {
                if seen.insert(c.clone()) {
                    all.push(c);
                }
            }
            all
        }
    })
}

/// One version: its root and the named types its references resolve to (by full name).
struct Side<'a> {
    root: &'a Schema,
    names: HashMap<String, &'a Schema>,
    /// The same, keyed as apache-avro wants them (to check defaults with its resolver).
    by_name: HashMap<Name, &'a Schema>,
}

impl<'a> Side<'a> {
    fn new(root: &'a Schema, named: &'a [Schema]) -> Side<'a> {
        let mut names = HashMap::new();
        let mut aliases = Vec::new();
        // An explicit stack: a hostile schema nested beyond any recursion limit is walked
        // without using the call stack.
        let mut stack: Vec<&'a Schema> = named.iter().rev().collect();
        stack.push(root);
        while let Some(s) = stack.pop() {
            if let Some(name) = named_name(s) {
                // The first definition wins; apache-avro's parser rejects redefinitions.
                names.entry(name.to_string()).or_insert(s);
            }
            // apache-avro resolves a reference to an alias too.
            let alias_list = match s {
                Schema::Record(r) => r.aliases.as_deref(),
                Schema::Enum(e) => e.aliases.as_deref(),
                Schema::Fixed(f) => f.aliases.as_deref(),
                _ => None,
            };
            for a in alias_list.unwrap_or_default() {
                aliases.push((a.fullname(None), s));
            }
            match s {
                Schema::Array(a) => stack.push(&a.items),
                Schema::Map(m) => stack.push(&m.types),
                Schema::Union(u) => stack.extend(u.variants().iter().rev()),
                Schema::Record(r) => stack.extend(r.fields.iter().rev().map(|f| &f.schema)),
                _ => {}
            }
        }
        for (alias, s) in aliases {
            names.entry(alias).or_insert(s);
        }
        let by_name = names
            .iter()
            .filter_map(|(n, s)| Some((Name::new(n.as_str()).ok()?, *s)))
            .collect();
        Side {
            root,
            names,
            by_name,
        }
    }
}

/// The name a named type (record, enum, fixed, or a logical type on a fixed) defines.
fn named_name(s: &Schema) -> Option<&Name> {
    match s {
        Schema::Record(RecordSchema { name, .. })
        | Schema::Enum(EnumSchema { name, .. })
        | Schema::Fixed(FixedSchema { name, .. })
        | Schema::Decimal(DecimalSchema {
            inner: InnerDecimalSchema::Fixed(FixedSchema { name, .. }),
            ..
        })
        | Schema::Uuid(UuidSchema::Fixed(FixedSchema { name, .. }))
        | Schema::Duration(FixedSchema { name, .. }) => Some(name),
        _ => None,
    }
}

/// Where a comparison is, in the writer's and in the reader's schema (JSON pointers without
/// the `#`).
#[derive(Clone)]
struct Loc {
    w: String,
    r: String,
}

impl Loc {
    fn both(&self, seg: &str) -> Loc {
        Loc {
            w: format!("{}/{seg}", self.w),
            r: format!("{}/{seg}", self.r),
        }
    }
}

fn display_path(p: &str) -> String {
    if p.is_empty() {
        "#/".to_string()
    } else {
        format!("#{p}")
    }
}

/// The structural kind of a schema once logical types are reduced to their underlying type.
#[derive(Clone, Copy)]
enum Kind<'a> {
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
    Array(&'a Schema),
    Map(&'a Schema),
    Union(&'a [Schema]),
    Record(&'a RecordSchema),
    Enum(&'a EnumSchema),
    Fixed(&'a FixedSchema),
    /// An unresolved reference (never returned by [`Ctx::view`]).
    Ref,
}

fn kind(s: &Schema) -> Kind<'_> {
    match s {
        Schema::Null => Kind::Null,
        Schema::Boolean => Kind::Boolean,
        Schema::Int | Schema::Date | Schema::TimeMillis => Kind::Int,
        Schema::Long
        | Schema::TimeMicros
        | Schema::TimestampMillis
        | Schema::TimestampMicros
        | Schema::TimestampNanos
        | Schema::LocalTimestampMillis
        | Schema::LocalTimestampMicros
        | Schema::LocalTimestampNanos => Kind::Long,
        Schema::Float => Kind::Float,
        Schema::Double => Kind::Double,
        Schema::Bytes
        | Schema::BigDecimal
        | Schema::Uuid(UuidSchema::Bytes)
        | Schema::Decimal(DecimalSchema {
            inner: InnerDecimalSchema::Bytes,
            ..
        }) => Kind::Bytes,
        Schema::String | Schema::Uuid(UuidSchema::String) => Kind::String,
        Schema::Array(a) => Kind::Array(&a.items),
        Schema::Map(m) => Kind::Map(&m.types),
        Schema::Union(u) => Kind::Union(u.variants()),
        Schema::Record(r) => Kind::Record(r),
        Schema::Enum(e) => Kind::Enum(e),
        Schema::Fixed(f)
        | Schema::Duration(f)
        | Schema::Uuid(UuidSchema::Fixed(f))
        | Schema::Decimal(DecimalSchema {
            inner: InnerDecimalSchema::Fixed(f),
            ..
        }) => Kind::Fixed(f),
        Schema::Ref { .. } => Kind::Ref,
    }
}

/// The logical type a schema carries, if any.
fn logical(s: &Schema) -> Option<&'static str> {
    Some(match s {
        Schema::Decimal(_) => "decimal",
        Schema::BigDecimal => "big-decimal",
        Schema::Uuid(_) => "uuid",
        Schema::Date => "date",
        Schema::TimeMillis => "time-millis",
        Schema::TimeMicros => "time-micros",
        Schema::TimestampMillis => "timestamp-millis",
        Schema::TimestampMicros => "timestamp-micros",
        Schema::TimestampNanos => "timestamp-nanos",
        Schema::LocalTimestampMillis => "local-timestamp-millis",
        Schema::LocalTimestampMicros => "local-timestamp-micros",
        Schema::LocalTimestampNanos => "local-timestamp-nanos",
        Schema::Duration(_) => "duration",
        _ => return None,
    })
}

/// A short human name for a type: `int`, `record `a.R``, `date (int)`, `decimal(10,2) (bytes)`.
fn describe(s: &Schema) -> String {
    let logical = match s {
        Schema::Decimal(d) => Some(format!("decimal({},{})", d.precision, d.scale)),
        other => logical(other).map(str::to_string),
    };
    let base = match kind(s) {
        Kind::Null => "null".into(),
        Kind::Boolean => "boolean".into(),
        Kind::Int => "int".into(),
        Kind::Long => "long".into(),
        Kind::Float => "float".into(),
        Kind::Double => "double".into(),
        Kind::Bytes => "bytes".into(),
        Kind::String => "string".into(),
        Kind::Array(_) => "array".into(),
        Kind::Map(_) => "map".into(),
        Kind::Union(bs) => {
            let names: Vec<String> = bs.iter().take(8).map(describe).collect();
            let more = if bs.len() > 8 { ", …" } else { "" };
            format!("union [{}{more}]", names.join(", "))
        }
        Kind::Record(r) => format!("record `{}`", r.name),
        Kind::Enum(e) => format!("enum `{}`", e.name),
        Kind::Fixed(f) => format!("fixed `{}` (size {})", f.name, f.size),
        Kind::Ref => match s {
            Schema::Ref { name } => format!("`{name}`"),
            _ => "reference".into(),
        },
    };
    match logical {
        Some(l) => format!("{l} ({base})"),
        None => base,
    }
}

/// How a writer type meets a reader type without looking inside them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// Not at all.
    No,
    /// Through a promotion or a reader alias.
    Loose,
    /// The same type, or the same name.
    Exact,
}

/// A reader union's branches by match key (see [`match_keys`]): the first branch with each
/// key, and the first branch with each alias.
#[derive(Default)]
struct BranchIndex {
    exact: HashMap<String, usize>,
    alias: HashMap<String, usize>,
}

/// What a type is matched on in a union: for a named type its kind with its full name and
/// with its unqualified name; for another type its kind alone.
fn match_keys(s: &Schema) -> Vec<String> {
    let named = |tag: &str, n: &Name| vec![format!("{tag}:{n}"), format!("{tag}~{}", n.name())];
    match kind(s) {
        Kind::Record(r) => named("record", &r.name),
        Kind::Enum(e) => named("enum", &e.name),
        Kind::Fixed(f) => named("fixed", &f.name),
        Kind::Union(_) | Kind::Ref => Vec::new(),
        k => vec![kind_tag(k).to_string()],
    }
}

fn kind_tag(k: Kind<'_>) -> &'static str {
    match k {
        Kind::Null => "null",
        Kind::Boolean => "boolean",
        Kind::Int => "int",
        Kind::Long => "long",
        Kind::Float => "float",
        Kind::Double => "double",
        Kind::Bytes => "bytes",
        Kind::String => "string",
        Kind::Array(_) => "array",
        Kind::Map(_) => "map",
        Kind::Union(_) => "union",
        Kind::Record(_) => "record",
        Kind::Enum(_) => "enum",
        Kind::Fixed(_) => "fixed",
        Kind::Ref => "ref",
    }
}

/// The types a writer type of kind `w` is promoted to, by [`kind_tag`].
fn promotions(w: Kind<'_>) -> &'static [&'static str] {
    match w {
        Kind::Int => &["long", "float", "double"],
        Kind::Long => &["float", "double"],
        Kind::Float => &["double"],
        Kind::String => &["bytes"],
        Kind::Bytes => &["string"],
        _ => &[],
    }
}

/// Is `w` promoted to `r` by the specification?
fn promotes(w: Kind<'_>, r: Kind<'_>) -> bool {
    matches!(
        (w, r),
        (Kind::Int, Kind::Long | Kind::Float | Kind::Double)
            | (Kind::Long, Kind::Float | Kind::Double)
            | (Kind::Float, Kind::Double)
            | (Kind::String, Kind::Bytes)
            | (Kind::Bytes, Kind::String)
    )
}

/// How the writer's name `w` meets the reader's name `r` with aliases `aliases`: equal full
/// or unqualified names are `Exact`, a reader alias naming the writer (full or unqualified)
/// is `Loose`.
fn name_fit(w: &Name, r: &Name, aliases: Option<&[apache_avro::schema::Alias]>) -> Fit {
    if w == r || w.name() == r.name() {
        return Fit::Exact;
    }
    let by_alias = aliases
        .unwrap_or_default()
        .iter()
        .any(|a| a.fully_qualified_name(None).as_ref() == w || a.name() == w.name());
    if by_alias {
        Fit::Loose
    } else {
        Fit::No
    }
}

/// The change is a break, or compatible information.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sev {
    Info,
    Break,
}

struct Ctx<'s, 'c> {
    writer: &'s Side<'s>,
    reader: &'s Side<'s>,
    /// The writer is the new schema (a FORWARD check).
    forward: bool,
    /// (writer name, reader name) pairs of named types compared or being compared.
    named_pairs: HashSet<(&'s str, &'s str)>,
    depth: usize,
    cancel: &'c AtomicBool,
}

fn check(
    writer: &Side<'_>,
    reader: &Side<'_>,
    forward: bool,
    cancel: &AtomicBool,
) -> Result<Vec<Change>, Cancelled> {
    let mut ctx = Ctx {
        writer,
        reader,
        forward,
        named_pairs: HashSet::new(),
        depth: 0,
        cancel,
    };
    let mut out = Vec::new();
    let root = Loc {
        w: String::new(),
        r: String::new(),
    };
    ctx.compare(writer.root, reader.root, &root, &mut out);
    if ctx.stop() {
        return Err(Cancelled);
    }
    Ok(out)
}

impl<'s> Ctx<'s, '_> {
    fn stop(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    // Messages tell each change from the old schema to the new one, whichever is the writer.

    /// The writer's version: "old" (BACKWARD) or "new" (FORWARD).
    fn w(&self) -> &'static str {
        if self.forward {
            "new"
        } else {
            "old"
        }
    }

    /// The reader's version.
    fn r(&self) -> &'static str {
        if self.forward {
            "old"
        } else {
            "new"
        }
    }

    /// What happened from old to new to something only the reader has.
    fn gained(&self) -> &'static str {
        if self.forward {
            "removed"
        } else {
            "added"
        }
    }

    /// What happened from old to new to something only the writer has.
    fn lost(&self) -> &'static str {
        if self.forward {
            "added"
        } else {
            "removed"
        }
    }

    /// `from OLD to NEW`, given the writer's and the reader's descriptions.
    fn old_to_new(&self, w: &str, r: &str) -> String {
        if self.forward {
            format!("from {r} to {w}")
        } else {
            format!("from {w} to {r}")
        }
    }

    /// " the READER schema cannot read DATA written with the WRITER one".
    fn unreadable(&self, what: &str) -> String {
        format!(
            "the {} schema cannot read {what} written with the {} one",
            self.r(),
            self.w()
        )
    }

    /// The location in the new schema.
    fn at_new<'l>(&self, loc: &'l Loc) -> &'l str {
        if self.forward {
            &loc.w
        } else {
            &loc.r
        }
    }

    fn emit(&self, out: &mut Vec<Change>, rule: &str, path: &str, sev: Sev, message: String) {
        out.push(Change {
            rule: rule.to_string(),
            path: display_path(path),
            breaking: sev == Sev::Break,
            message,
        });
    }

    fn unsupported(&self, out: &mut Vec<Change>, path: &str, why: String) {
        self.emit(
            out,
            "UNSUPPORTED_SCHEMA",
            path,
            Sev::Break,
            format!("cannot check compatibility: {why}"),
        );
    }

    /// Follow references; `Err` names a reference neither the schema nor the supplied named
    /// types define.
    fn resolve(&self, s: &'s Schema, writer: bool) -> Result<&'s Schema, String> {
        let side = if writer { self.writer } else { self.reader };
        let mut s = s;
        // A reference resolves to a definition, never to another reference; the bound only
        // keeps a malformed hand-built schema from looping.
        for _ in 0..8 {
            match s {
                Schema::Ref { name } => match side.names.get(name.as_ref()) {
                    Some(def) => s = def,
                    None => {
                        return Err(format!(
                            "the named type `{name}` is not defined in the {} schema",
                            if writer { self.w() } else { self.r() }
                        ))
                    }
                },
                _ => return Ok(s),
            }
        }
        Err("a reference that resolves to a reference".into())
    }

    /// Does a reader field's default fit the field's type? A union's default must fit its
    /// first branch (the specification; apache-avro's parser accepts any branch, and its
    /// reader then fails, or reads a null, on old data).
    fn default_fits(&self, d: &serde_json::Value, field: &'s Schema) -> bool {
        let target = match self.resolve(field, false) {
            Ok(Schema::Union(u)) => u.variants().first(),
            Ok(s) => Some(s),
            Err(_) => None,
        };
        let Some(target) = target else {
            return false;
        };
        apache_avro::types::Value::try_from(d.clone())
            .and_then(|v| v.resolve_with_names(target, &self.reader.by_name))
            .is_ok()
    }

    /// How writer type `w` fits reader type `r` (both resolved, neither a union) at a glance.
    fn fit(&self, w: &Schema, r: &Schema) -> Fit {
        let (wk, rk) = (kind(w), kind(r));
        match (wk, rk) {
            (Kind::Record(a), Kind::Record(b)) => name_fit(&a.name, &b.name, b.aliases.as_deref()),
            (Kind::Enum(a), Kind::Enum(b)) => name_fit(&a.name, &b.name, b.aliases.as_deref()),
            (Kind::Fixed(a), Kind::Fixed(b)) => name_fit(&a.name, &b.name, b.aliases.as_deref()),
            (Kind::Array(_), Kind::Array(_)) | (Kind::Map(_), Kind::Map(_)) => Fit::Exact,
            _ if std::mem::discriminant(&wk) == std::mem::discriminant(&rk)
                && !matches!(wk, Kind::Union(_) | Kind::Ref) =>
            {
                Fit::Exact
            }
            _ if promotes(wk, rk) => Fit::Loose,
            _ => Fit::No,
        }
    }

    /// Index a reader union's branches by what a writer type is matched on, so that matching
    /// a union of thousands of named types against another is not branches × branches.
    /// `Err`: a branch could not be resolved.
    fn index_branches(&self, branches: &'s [Schema]) -> Result<BranchIndex, String> {
        let mut ix = BranchIndex::default();
        for (i, b) in branches.iter().enumerate() {
            if i % 1024 == 0 && self.stop() {
                break;
            }
            let b = self.resolve(b, false)?;
            for k in match_keys(b) {
                ix.exact.entry(k).or_insert(i);
            }
            let (tag, aliases) = match kind(b) {
                Kind::Record(r) => ("record", r.aliases.as_deref()),
                Kind::Enum(e) => ("enum", e.aliases.as_deref()),
                Kind::Fixed(f) => ("fixed", f.aliases.as_deref()),
                _ => ("", None),
            };
            for a in aliases.unwrap_or_default() {
                for k in [
                    format!("{tag}:{}", a.fullname(None)),
                    format!("{tag}~{}", a.name()),
                ] {
                    ix.alias.entry(k).or_insert(i);
                }
            }
        }
        Ok(ix)
    }

    /// The reader branch a non-union writer type is read into: the first exact fit (the same
    /// type, or the same full name, else the same unqualified name), else the first loose one
    /// (a promotion or a reader alias).
    fn pick_branch(&self, w: &Schema, ix: &BranchIndex) -> Option<usize> {
        let keys = match_keys(w);
        // Keys come full name first: `b.R` is read into the reader's `b.R`, not an `a.R`
        // before it.
        let exact = keys.iter().find_map(|k| ix.exact.get(k));
        if exact.is_some() {
            return exact.copied();
        }
        let by_alias = keys.iter().find_map(|k| ix.alias.get(k));
        let promoted = promotions(kind(w))
            .iter()
            .filter_map(|t| ix.exact.get(*t))
            .min();
        by_alias.into_iter().chain(promoted).min().copied()
    }

    fn compare(&mut self, w: &'s Schema, r: &'s Schema, loc: &Loc, out: &mut Vec<Change>) {
        if self.stop() {
            return;
        }
        if self.depth >= MAX_DEPTH {
            self.unsupported(
                out,
                self.at_new(loc),
                format!("schema nesting deeper than {MAX_DEPTH} levels"),
            );
            return;
        }
        let (w, r) = match (self.resolve(w, true), self.resolve(r, false)) {
            (Ok(w), Ok(r)) => (w, r),
            (Err(why), _) | (_, Err(why)) => {
                self.unsupported(out, self.at_new(loc), why);
                return;
            }
        };
        self.depth += 1;
        match (kind(w), kind(r)) {
            (Kind::Union(wb), Kind::Union(rb)) => self.union_to_union(wb, rb, loc, out),
            (Kind::Union(wb), _) => self.union_to_single(wb, r, loc, out),
            (_, Kind::Union(rb)) => self.single_to_union(w, rb, loc, out),
            _ => self.single(w, r, loc, out),
        }
        self.depth -= 1;
    }

    /// Every writer branch must be readable by the reader union.
    fn union_to_union(
        &mut self,
        wb: &'s [Schema],
        rb: &'s [Schema],
        loc: &Loc,
        out: &mut Vec<Change>,
    ) {
        let ix = match self.index_branches(rb) {
            Ok(ix) => ix,
            Err(why) => return self.unsupported(out, self.at_new(loc), why),
        };
        let mut used = vec![false; rb.len()];
        let mut written = HashSet::new();
        for (i, b) in wb.iter().enumerate() {
            if self.stop() {
                return;
            }
            let wpath = format!("{}/{i}", loc.w);
            let b = match self.resolve(b, true) {
                Ok(b) => b,
                Err(why) => return self.unsupported(out, &wpath, why),
            };
            written.extend(match_keys(b));
            match self.pick_branch(b, &ix) {
                Some(j) => {
                    used[j] = true;
                    let inner = Loc {
                        w: wpath,
                        r: format!("{}/{j}", loc.r),
                    };
                    self.compare(b, &rb[j], &inner, out);
                }
                None => self.missing_branch(b, &wpath, out),
            }
        }
        // A reader branch no writer branch was read into, and that is not the very type of
        // one either (a union may name one record twice, through an alias).
        let mut unused = Vec::new();
        for (b, u) in rb.iter().zip(&used) {
            if self.stop() {
                return;
            }
            let same = self
                .resolve(b, false)
                .is_ok_and(|b| match_keys(b).iter().any(|k| written.contains(k)));
            if !*u && !same {
                unused.push(describe(b));
            }
        }
        if !unused.is_empty() {
            let names: Vec<&str> = unused.iter().map(String::as_str).collect();
            let message = if self.forward {
                format!(
                    "union branches {} removed; the new schema never writes them",
                    symbol_list(&names)
                )
            } else {
                format!(
                    "union branches {} added; the old schema never wrote them",
                    symbol_list(&names)
                )
            };
            self.emit(out, "UNION_BRANCH_ADDED", &loc.r, Sev::Info, message);
        }
    }

    /// A writer branch the reader has no branch (or type) for.
    fn missing_branch(&self, b: &Schema, wpath: &str, out: &mut Vec<Change>) {
        let message = format!(
            "union branch {} {} without a counterpart: {}",
            describe(b),
            if self.forward {
                "added in the new schema"
            } else {
                "of the old schema removed"
            },
            self.unreadable("values of that type")
        );
        self.emit(out, "MISSING_UNION_BRANCH", wpath, Sev::Break, message);
    }

    /// A writer union read by a non-union reader: every branch must be readable by it.
    fn union_to_single(
        &mut self,
        wb: &'s [Schema],
        r: &'s Schema,
        loc: &Loc,
        out: &mut Vec<Change>,
    ) {
        for (i, b) in wb.iter().enumerate() {
            if self.stop() {
                return;
            }
            let wpath = format!("{}/{i}", loc.w);
            let b = match self.resolve(b, true) {
                Ok(b) => b,
                Err(why) => return self.unsupported(out, &wpath, why),
            };
            if self.fit(b, r) == Fit::No {
                self.missing_branch(b, &wpath, out);
            } else {
                let inner = Loc {
                    w: wpath,
                    r: loc.r.clone(),
                };
                self.compare(b, r, &inner, out);
            }
        }
    }

    /// A non-union writer read by a reader union: some branch must take it.
    fn single_to_union(
        &mut self,
        w: &'s Schema,
        rb: &'s [Schema],
        loc: &Loc,
        out: &mut Vec<Change>,
    ) {
        let ix = match self.index_branches(rb) {
            Ok(ix) => ix,
            Err(why) => return self.unsupported(out, self.at_new(loc), why),
        };
        match self.pick_branch(w, &ix) {
            Some(j) => {
                let message = format!(
                    "type changed {}; the {} schema reads {} data as its branch {}",
                    self.old_to_new(&describe(w), &format!("union [{}]", branch_list(rb))),
                    self.r(),
                    self.w(),
                    describe(&rb[j]),
                );
                self.emit(out, "UNION_BRANCH_ADDED", &loc.r, Sev::Info, message);
                let inner = Loc {
                    w: loc.w.clone(),
                    r: format!("{}/{j}", loc.r),
                };
                self.compare(w, &rb[j], &inner, out);
            }
            None => {
                let message = format!(
                    "type changed {}: no branch of the union reads {}, so {}",
                    self.old_to_new(&describe(w), &format!("union [{}]", branch_list(rb))),
                    describe(w),
                    self.unreadable("data")
                );
                self.emit(
                    out,
                    "MISSING_UNION_BRANCH",
                    self.at_new(loc),
                    Sev::Break,
                    message,
                );
            }
        }
    }

    /// Neither side is a union.
    fn single(&mut self, w: &'s Schema, r: &'s Schema, loc: &Loc, out: &mut Vec<Change>) {
        let (wk, rk) = (kind(w), kind(r));
        let path = self.at_new(loc).to_string();
        if let (Some(a), Some(b)) = (logical(w), logical(r)) {
            if a != b {
                let message = format!(
                    "logical type changed {}: the {} schema would read the {} one's values as other quantities",
                    self.old_to_new(&describe(w), &describe(r)),
                    self.r(),
                    self.w()
                );
                self.emit(out, "TYPE_MISMATCH", &path, Sev::Break, message);
                return;
            }
        }
        match (wk, rk) {
            (Kind::Array(wi), Kind::Array(ri)) => self.compare(wi, ri, &loc.both("items"), out),
            (Kind::Map(wv), Kind::Map(rv)) => self.compare(wv, rv, &loc.both("values"), out),
            (Kind::Record(wr), Kind::Record(rr)) => {
                if self.names(
                    &wr.name,
                    &rr.name,
                    rr.aliases.as_deref(),
                    "record",
                    loc,
                    out,
                ) {
                    self.record(wr, rr, loc, out);
                }
            }
            (Kind::Enum(we), Kind::Enum(re)) => {
                if self.names(&we.name, &re.name, re.aliases.as_deref(), "enum", loc, out) {
                    self.enumeration(we, re, loc, out);
                }
            }
            (Kind::Fixed(wf), Kind::Fixed(rf)) => {
                if !self.names(&wf.name, &rf.name, rf.aliases.as_deref(), "fixed", loc, out) {
                    return;
                }
                if wf.size != rf.size {
                    let message = format!(
                        "size of fixed `{}` changed {}: {}",
                        rf.name,
                        self.old_to_new(&wf.size.to_string(), &rf.size.to_string()),
                        self.unreadable("values")
                    );
                    self.emit(
                        out,
                        "FIXED_SIZE_MISMATCH",
                        &format!("{path}/size"),
                        Sev::Break,
                        message,
                    );
                } else {
                    self.decimal(w, r, &path, out);
                }
            }
            _ if self.fit(w, r) == Fit::Exact => self.decimal(w, r, &path, out),
            _ if promotes(wk, rk) => {
                let caveat = if matches!(wk, Kind::Bytes) {
                    " (bytes that are not UTF-8 fail to read as a string)"
                } else {
                    ""
                };
                let message = format!(
                    "type changed {}: the {} schema promotes {} values to {}{caveat}",
                    self.old_to_new(&describe(w), &describe(r)),
                    self.r(),
                    describe(w),
                    describe(r)
                );
                self.emit(out, "TYPE_PROMOTED", &path, Sev::Info, message);
            }
            _ => {
                let message = format!(
                    "type changed {}: {}",
                    self.old_to_new(&describe(w), &describe(r)),
                    self.unreadable("values")
                );
                self.emit(out, "TYPE_MISMATCH", &path, Sev::Break, message);
            }
        }
    }

    /// Decimals on both sides need equal precision and scale (the bytes are the unscaled
    /// value: another scale reads another number).
    fn decimal(&self, w: &Schema, r: &Schema, path: &str, out: &mut Vec<Change>) {
        if let (Schema::Decimal(wd), Schema::Decimal(rd)) = (w, r) {
            if wd.precision != rd.precision || wd.scale != rd.scale {
                let message = format!(
                    "decimal precision/scale changed {}: the {} schema would read other numbers than the {} one wrote",
                    self.old_to_new(
                        &format!("({}, {})", wd.precision, wd.scale),
                        &format!("({}, {})", rd.precision, rd.scale)
                    ),
                    self.r(),
                    self.w()
                );
                self.emit(out, "TYPE_MISMATCH", path, Sev::Break, message);
            }
        }
    }

    /// Check the names of a named type pair; `true` when the comparison should go on inside
    /// (the names match and this pair was not compared before).
    fn names(
        &mut self,
        wn: &'s Name,
        rn: &'s Name,
        aliases: Option<&[apache_avro::schema::Alias]>,
        what: &str,
        loc: &Loc,
        out: &mut Vec<Change>,
    ) -> bool {
        let path = self.at_new(loc);
        match name_fit(wn, rn, aliases) {
            Fit::No => {
                let message = format!(
                    "{what} name changed {} and no alias in the {} schema maps it: {}",
                    self.old_to_new(&format!("`{wn}`"), &format!("`{rn}`")),
                    self.r(),
                    self.unreadable("values")
                );
                self.emit(
                    out,
                    "NAME_MISMATCH",
                    &format!("{path}/name"),
                    Sev::Break,
                    message,
                );
                false
            }
            fit => {
                if !self.named_pairs.insert((wn.as_ref(), rn.as_ref())) {
                    return false;
                }
                if fit == Fit::Loose {
                    let message = format!(
                        "{what} renamed {}; an alias in the {} schema maps the {} name",
                        self.old_to_new(&format!("`{wn}`"), &format!("`{rn}`")),
                        self.r(),
                        self.w()
                    );
                    self.emit(
                        out,
                        "RENAMED_WITH_ALIAS",
                        &format!("{path}/name"),
                        Sev::Info,
                        message,
                    );
                }
                true
            }
        }
    }

    fn record(
        &mut self,
        wr: &'s RecordSchema,
        rr: &'s RecordSchema,
        loc: &Loc,
        out: &mut Vec<Change>,
    ) {
        let by_name: HashMap<&str, usize> = wr
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| (f.name.as_str(), i))
            .collect();
        let mut matched = vec![false; wr.fields.len()];
        for (j, rf) in rr.fields.iter().enumerate() {
            if self.stop() {
                return;
            }
            let rpath = format!("{}/fields/{j}", loc.r);
            let found = by_name
                .get(rf.name.as_str())
                .copied()
                .map(|i| (i, false))
                .or_else(|| {
                    rf.aliases
                        .iter()
                        .find_map(|a| by_name.get(a.as_str()).copied())
                        .map(|i| (i, true))
                });
            match found {
                Some((i, by_alias)) => {
                    matched[i] = true;
                    let wf = &wr.fields[i];
                    let wpath = format!("{}/fields/{i}", loc.w);
                    if by_alias {
                        let message = format!(
                            "field renamed {}; an alias in the {} schema maps the {} name",
                            self.old_to_new(&format!("`{}`", wf.name), &format!("`{}`", rf.name)),
                            self.r(),
                            self.w()
                        );
                        let path = if self.forward { &wpath } else { &rpath };
                        self.emit(out, "RENAMED_WITH_ALIAS", path, Sev::Info, message);
                    }
                    let inner = Loc {
                        w: format!("{wpath}/type"),
                        r: format!("{rpath}/type"),
                    };
                    self.compare(&wf.schema, &rf.schema, &inner, out);
                }
                None => match &rf.default {
                    Some(d) if !self.default_fits(d, &rf.schema) => {
                        let message = format!(
                            "field `{}` {}, and its default {} in the {} schema does not fit its type (a union's default must fit its first branch): {}, which lacks it",
                            rf.name,
                            self.gained(),
                            short_json(d),
                            self.r(),
                            self.unreadable("data")
                        );
                        self.emit(
                            out,
                            "READER_FIELD_MISSING_DEFAULT_VALUE",
                            &rpath,
                            Sev::Break,
                            message,
                        );
                    }
                    Some(d) => {
                        let message = format!(
                            "field `{}` {} with a default; the {} schema reads {} data with {}",
                            rf.name,
                            self.gained(),
                            self.r(),
                            self.w(),
                            short_json(d)
                        );
                        self.emit(out, "FIELD_ADDED_WITH_DEFAULT", &rpath, Sev::Info, message);
                    }
                    None => {
                        let message = format!(
                            "field `{}` {}, and the {} schema has no default for it: {}, which lacks it",
                            rf.name,
                            self.gained(),
                            self.r(),
                            self.unreadable("data")
                        );
                        self.emit(
                            out,
                            "READER_FIELD_MISSING_DEFAULT_VALUE",
                            &rpath,
                            Sev::Break,
                            message,
                        );
                    }
                },
            }
        }
        for (i, wf) in wr.fields.iter().enumerate() {
            if self.stop() {
                return;
            }
            if !matched[i] {
                let message = format!(
                    "field `{}` {}; the {} schema skips it in {} data",
                    wf.name,
                    self.lost(),
                    self.r(),
                    self.w()
                );
                let wpath = format!("{}/fields/{i}", loc.w);
                self.emit(out, "FIELD_REMOVED", &wpath, Sev::Info, message);
            }
        }
    }

    fn enumeration(
        &mut self,
        we: &'s EnumSchema,
        re: &'s EnumSchema,
        loc: &Loc,
        out: &mut Vec<Change>,
    ) {
        let path = format!("{}/symbols", self.at_new(loc));
        let wset: HashSet<&str> = we.symbols.iter().map(String::as_str).collect();
        let rset: HashSet<&str> = re.symbols.iter().map(String::as_str).collect();
        let mut missing = Vec::new();
        for (i, s) in we.symbols.iter().enumerate() {
            if i % 4096 == 0 && self.stop() {
                return;
            }
            if !rset.contains(s.as_str()) {
                missing.push(s.as_str());
            }
        }
        let added: Vec<&str> = re
            .symbols
            .iter()
            .map(String::as_str)
            .filter(|s| !wset.contains(s))
            .collect();
        if !missing.is_empty() {
            let list = symbol_list(&missing);
            let what = format!(
                "enum `{}` symbols {list} {}",
                re.name,
                if self.forward {
                    "added in the new schema"
                } else {
                    "removed"
                }
            );
            match &re.default {
                Some(d) => {
                    let message = format!(
                        "{what}; the {} schema reads them as its default `{d}`",
                        self.r()
                    );
                    self.emit(
                        out,
                        "MISSING_ENUM_SYMBOLS_WITH_DEFAULT",
                        &path,
                        Sev::Info,
                        message,
                    );
                }
                None => {
                    let message = format!(
                        "{what} and the {} enum has no default: {}",
                        self.r(),
                        self.unreadable("them")
                    );
                    self.emit(out, "MISSING_ENUM_SYMBOLS", &path, Sev::Break, message);
                }
            }
        }
        if !added.is_empty() {
            let message = format!(
                "enum `{}` symbols {} {}; the {} schema never writes them",
                re.name,
                symbol_list(&added),
                self.gained(),
                self.w()
            );
            self.emit(out, "ENUM_SYMBOLS_ADDED", &path, Sev::Info, message);
        }
    }
}

fn branch_list(bs: &[Schema]) -> String {
    let names: Vec<String> = bs.iter().take(8).map(describe).collect();
    let more = if bs.len() > 8 { ", …" } else { "" };
    format!("{}{more}", names.join(", "))
}

/// `A, B, C` (at most 10 shown).
fn symbol_list(s: &[&str]) -> String {
    let shown: Vec<&str> = s.iter().take(10).copied().collect();
    let more = if s.len() > 10 {
        format!(" and {} more", s.len() - 10)
    } else {
        String::new()
    };
    format!("{}{more}", shown.join(", "))
}

/// A default value for a message, shortened.
fn short_json(v: &serde_json::Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        let cut: String = s.chars().take(40).collect();
        format!("{cut}…")
    } else {
        s
    }
}
