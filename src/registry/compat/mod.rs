//! JSON Schema compatibility checker (Confluent Schema Registry semantics, `buf breaking` style).
//! (The Protobuf checker, with the same [`Change`]/[`Mode`] conventions, is [`protobuf`].)
//!
//! [`check`]`(W, R)` answers "is every instance valid under writer schema `W` also valid under
//! reader schema `R`?" and returns every difference it found as a [`Change`], compatible ones
//! included (`breaking == false`). [`compare`] applies a [`Mode`] (BACKWARD, FORWARD, FULL…).
//!
//! Guarantees:
//! - **Never a false "compatible" for what it could not check.** Unresolvable `$ref`s
//!   (`REF_UNRESOLVED`), malformed keyword values and unsupported constructs such as
//!   `$dynamicRef` (`UNSUPPORTED_SCHEMA`) are reported as breaking. Where a rule is only
//!   approximated, the approximation errs towards "breaking".
//! - **No panics, always terminates.** Recursive `$ref`s are handled by assuming an
//!   in-progress (writer, reader) pair compatible when it comes round again inside the data
//!   (co-inductive fixpoint; pairs are identified by content, so a `$ref` merged into a
//!   flattened `allOf` is recognised too). A pair that comes round at the same value (a
//!   schema defined by itself) is reported as `UNSUPPORTED_SCHEMA`. A nesting limit
//!   and a work budget (pairing nested combinator branches can multiply; the budget is one
//!   step per schema node plus a fixed allowance) back this up; when either is hit the result
//!   is a breaking `UNSUPPORTED_SCHEMA`, never a pass.
//! - **Linear or n·log n in the size of the schemas** outside branch pairing: value sets
//!   (`enum`/`const`, `uniqueItems`), `required`, dependencies and duplicate branches are
//!   hashed (`empty`'s canonical forms respect `json_eq`: `1` == `1.0`); pairing
//!   `anyOf`/`oneOf`/`allOf` branches is bounded by the work budget. Matching
//!   `patternProperties` regexes against property names is patterns × names.
//! - **Cancellable.** [`check_cancellable`]/[`compare_cancellable`] look at a flag in every
//!   loop over values, properties and branches and return `Err(Cancelled)`.
//! - **Stable output.** Changes come in schema traversal order (keys in document order).
//! - Rule ids are Confluent's `Difference.Type` names where one exists. Extra ids used here:
//!   `REF_UNRESOLVED`, `UNSUPPORTED_SCHEMA`, `FORMAT_ADDED/CHANGED/REMOVED`,
//!   `CONDITIONAL_ADDED/CHANGED/REMOVED`, `THEN_ADDED/REMOVED`, `ELSE_ADDED/REMOVED`,
//!   `PROPERTY_NAMES_ADDED/REMOVED`, `CONTAINS_ADDED/REMOVED`,
//!   `CONTENT_ENCODING_*`, `CONTENT_MEDIA_TYPE_*`, `PATTERN_PROPERTY_ADDED/REMOVED`,
//!   `COMMENT_CHANGED`, `EXAMPLES_CHANGED`, `ANNOTATION_CHANGED`, `WRITER_ACCEPTS_NOTHING` and
//!   [`UNVERIFIABLE_KEYWORD_CHANGED`] (row 27). [`rules`] lists every id with a description.
//! - Subschemas that provably accept nothing and duplicate (canonically equal) combinator
//!   branches are recognised (see `empty`), and `unevaluatedItems`/`unevaluatedProperties`
//!   are content models in 2019-09+ documents wherever `additionalItems`/
//!   `additionalProperties` are. `tests/it/compat_soundness.rs` checks every case file's
//!   verdict against generated data.
//! - `format` is treated as asserted (row 26 default severity "error").
//!
//! Deliberate approximations (all err towards "breaking"):
//! - `enum`/`const` writers are checked exactly by validating each value against the reader
//!   (a small built-in validator); other schemas are compared keyword by keyword, which can
//!   report a break for a reader that is in fact equivalent (e.g. `minimum` vs `enum`).
//! - A writer `allOf` facing a reader without `allOf` is flattened into one schema (branches
//!   from other documents are skipped, conflicting keywords keep the first value); a writer
//!   `anyOf`/`oneOf` branch is compared together with the keywords beside it.
//! - `anyOf`/`oneOf` branches pair up one-to-one (maximum bipartite matching), as Confluent
//!   does; `oneOf` exclusivity is not proven, only warned about.
//! - `patternProperties` regexes are evaluated by a small ECMA-262 subset matcher; a pattern
//!   it cannot evaluate counts as "not covered".
//! - A plain-name fragment (`#Address`) names the one subschema declaring it (`$anchor`, or
//!   `$id: "#Address"` before 2019-09); one nothing or several declare is `REF_UNRESOLVED`.
//! - `$ref` to `$id` URIs not known to the resolver is `REF_UNRESOLVED`, and so is
//!   a `$ref` into a document where a subschema sets its own base URI (an embedded `$id`),
//!   or a cross-document `$ref` whose (2019-09+) siblings hold refs of their own.
//!
//! Dialect: schemas without `$schema` are draft-07 (Confluent parity): `items: [..]` is a
//! tuple, `$ref` siblings are ignored. With a 2019-09/2020-12 `$schema`, `prefixItems` is the
//! tuple and `$ref` siblings apply.

mod arrays;
pub mod avro;
mod combinators;
mod decimal;
mod empty;
mod objects;
pub mod protobuf;
mod regex;
pub mod rules;
mod shape;
#[cfg(test)]
mod tests;
mod validate;

use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Rule id for a changed keyword this module does not understand (row 27). It is reported
/// with `breaking = false` ("unverifiable"); a caller offering `--strict-unknown` should
/// treat any change with this rule as a failure.
pub const UNVERIFIABLE_KEYWORD_CHANGED: &str = "UNVERIFIABLE_KEYWORD_CHANGED";

/// Compatibility mode, as in Confluent Schema Registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// No check at all.
    None,
    /// The new schema reads data written with the previous one.
    Backward,
    /// The previous schema reads data written with the new one.
    Forward,
    /// Backward and forward.
    Full,
    /// Backward against every earlier version (the caller loops).
    BackwardTransitive,
    /// Forward against every earlier version (the caller loops).
    ForwardTransitive,
    /// Full against every earlier version (the caller loops).
    FullTransitive,
}

impl Mode {
    /// Canonical upper-case name, e.g. `"FULL_TRANSITIVE"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Mode::None => "NONE",
            Mode::Backward => "BACKWARD",
            Mode::Forward => "FORWARD",
            Mode::Full => "FULL",
            Mode::BackwardTransitive => "BACKWARD_TRANSITIVE",
            Mode::ForwardTransitive => "FORWARD_TRANSITIVE",
            Mode::FullTransitive => "FULL_TRANSITIVE",
        }
    }

    /// True for the `*_TRANSITIVE` modes.
    pub fn transitive(&self) -> bool {
        matches!(
            self,
            Mode::BackwardTransitive | Mode::ForwardTransitive | Mode::FullTransitive
        )
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Mode {
    type Err = String;

    /// Case-insensitive; `-` and `_` are interchangeable.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_uppercase().replace('-', "_");
        Ok(match norm.as_str() {
            "NONE" => Mode::None,
            "BACKWARD" => Mode::Backward,
            "FORWARD" => Mode::Forward,
            "FULL" => Mode::Full,
            "BACKWARD_TRANSITIVE" => Mode::BackwardTransitive,
            "FORWARD_TRANSITIVE" => Mode::ForwardTransitive,
            "FULL_TRANSITIVE" => Mode::FullTransitive,
            _ => {
                return Err(format!(
                    "unknown compatibility mode `{s}` (expected NONE, BACKWARD, FORWARD, FULL or a *_TRANSITIVE variant)"
                ));
            }
        })
    }
}

/// How property rules of open content models are judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Confluent default: open content models may carry any undeclared property.
    Strict,
    /// Assume producers never send undeclared properties (relaxes the "L✅" rules).
    Lenient,
}

impl std::str::FromStr for Policy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "strict" => Ok(Policy::Strict),
            "lenient" => Ok(Policy::Lenient),
            _ => Err(format!(
                "unknown compatibility policy `{s}` (expected strict or lenient)"
            )),
        }
    }
}

/// One difference between writer and reader schema.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Change {
    /// Rule id (Confluent `Difference.Type` name or one of this module's extra ids).
    pub rule: String,
    /// JSON-pointer style location with `#` prefix, root `#/`.
    pub path: String,
    /// Whether this change breaks compatibility under the policy used.
    pub breaking: bool,
    /// One human sentence.
    pub message: String,
}

impl std::fmt::Display for Change {
    /// `PATH: RULE: message`, with a `(warning)` marker for non-breaking changes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = if self.breaking { "" } else { " (warning)" };
        write!(f, "{}: {}{}: {}", self.path, self.rule, level, self.message)
    }
}

/// check(writer W, reader R): is every instance valid under W also valid under R?
///
/// Returns all differences found (compatible ones with `breaking = false`) in traversal order.
/// `resolve` loads documents for non-local `$ref`s; it gets the part before `#` exactly as
/// written. Unresolvable refs are reported as breaking `REF_UNRESOLVED`.
pub fn check(
    writer: &Value,
    reader: &Value,
    policy: Policy,
    resolve: &dyn Fn(&str) -> Option<Value>,
) -> Vec<Change> {
    let never = AtomicBool::new(false);
    check_cancellable(writer, reader, policy, resolve, &never).unwrap_or_default()
}

/// The comparison was stopped by its cancellation flag; it has no result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

impl std::fmt::Display for Cancelled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("compatibility check cancelled")
    }
}

impl std::error::Error for Cancelled {}

/// [`check`], stopping soon after `cancel` becomes true (every loop over values, properties
/// and branches looks at it), with `Err(Cancelled)` instead of a partial result.
pub fn check_cancellable(
    writer: &Value,
    reader: &Value,
    policy: Policy,
    resolve: &dyn Fn(&str) -> Option<Value>,
    cancel: &AtomicBool,
) -> Result<Vec<Change>, Cancelled> {
    check_as(writer, reader, policy, resolve, cancel, false)
}

/// [`check_cancellable`]; `forward`: the writer is the new schema and the reader the old one
/// (messages tell every change from the old schema to the new one either way).
fn check_as(
    writer: &Value,
    reader: &Value,
    policy: Policy,
    resolve: &dyn Fn(&str) -> Option<Value>,
    cancel: &AtomicBool,
    forward: bool,
) -> Result<Vec<Change>, Cancelled> {
    let mut ctx = Ctx {
        policy,
        forward,
        resolve,
        docs: HashMap::new(),
        in_progress: HashMap::new(),
        canon: HashMap::new(),
        self_defined: None,
        depth: 0,
        steps: 0,
        budget: MAX_STEPS
            .saturating_add(schema_nodes(writer))
            .saturating_add(schema_nodes(reader)),
        cancel,
    };
    // Cancelled before it starts: not even the roots' canonical text (linear in the schemas).
    if ctx.stop() {
        return Err(Cancelled);
    }
    // Root names contain `#`, which a ref's document part never does: no collisions.
    let ws = Scope::root("#writer", writer);
    let rs = Scope::root("#reader", reader);
    let mut out = Vec::new();
    // The roots are in progress too, so `{"$ref": "#"}` recursion stops at the first cycle.
    let roots = (
        ctx.side_key(writer, &ws, true),
        ctx.side_key(reader, &rs, true),
    );
    ctx.in_progress.insert(roots, String::new());
    ctx.check(writer, &ws, reader, &rs, "", &mut out);
    if ctx.stop() {
        return Err(Cancelled);
    }
    if let Some(path) = ctx.self_defined.take() {
        if !out.iter().any(|c| c.message.contains(SELF_DEFINED)) {
            ctx.unsupported(&mut out, &path, SELF_DEFINED);
        }
    }
    if ctx.steps > ctx.budget {
        ctx.unsupported(
            &mut out,
            "",
            "the comparison exceeded its work budget (deeply nested combinators)",
        );
    }
    Ok(out)
}

/// Compare two versions under a (non-transitive view of a) mode.
///
/// Backward = `check(old, new)`, Forward = `check(new, old)`, Full = both (concatenated,
/// exact duplicates removed); every message tells the change from `old` to `new`, in every
/// mode (a FORWARD check's writer is the new schema, but "added" still means added in `new`); transitive modes behave like their base (the caller loops over
/// earlier versions); `None` returns nothing.
pub fn compare(
    old: &Value,
    new: &Value,
    mode: Mode,
    policy: Policy,
    resolve: &dyn Fn(&str) -> Option<Value>,
) -> Vec<Change> {
    let never = AtomicBool::new(false);
    compare_cancellable(old, new, mode, policy, resolve, &never).unwrap_or_default()
}

/// [`compare`] with a cancellation flag (see [`check_cancellable`]).
pub fn compare_cancellable(
    old: &Value,
    new: &Value,
    mode: Mode,
    policy: Policy,
    resolve: &dyn Fn(&str) -> Option<Value>,
    cancel: &AtomicBool,
) -> Result<Vec<Change>, Cancelled> {
    let backward = || check_as(old, new, policy, resolve, cancel, false);
    let forward = || check_as(new, old, policy, resolve, cancel, true);
    Ok(match mode {
        Mode::None => Vec::new(),
        Mode::Backward | Mode::BackwardTransitive => backward()?,
        Mode::Forward | Mode::ForwardTransitive => forward()?,
        Mode::Full | Mode::FullTransitive => {
            let mut all = backward()?;
            // Hashing, not a scan of `all` per change: linear in the number of changes.
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

/// True when no change in the list is breaking.
pub fn is_compatible(changes: &[Change]) -> bool {
    changes.iter().all(|c| !c.breaking)
}

// ---------------------------------------------------------------------------------------
// Internals
// ---------------------------------------------------------------------------------------

/// Verdict of one emitted change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sev {
    /// Compatible (informational).
    Info,
    /// Breaking under both policies.
    Break,
    /// Breaking under STRICT only (the "L✅" rules).
    StrictOnly,
}

/// A loaded schema document; refs inside it are resolved against `root`.
struct Doc {
    name: String,
    root: Value,
    /// 2019-09 / 2020-12 semantics (`$ref` siblings apply).
    modern: bool,
    /// 2020-12 array semantics (`prefixItems`).
    prefix_items: bool,
    /// A subschema below the root sets its own base URI (`$id` other than a plain
    /// `#fragment`): `$ref`s beneath it resolve against that, which this checker does not
    /// follow, so refs into this document are refused rather than resolved wrongly.
    embedded_base: bool,
}

/// Where a subschema lives: its document and JSON pointer (used for ref resolution and for
/// recognising cycles).
#[derive(Clone)]
struct Scope {
    doc: Rc<Doc>,
    loc: String,
}

impl Scope {
    fn root(name: &str, v: &Value) -> Scope {
        Scope {
            doc: Rc::new(Doc::new(name, v.clone())),
            loc: String::new(),
        }
    }

    fn child(&self, seg: &str) -> Scope {
        Scope {
            doc: self.doc.clone(),
            loc: join(&self.loc, seg),
        }
    }

    fn key(&self) -> String {
        format!("{}#{}", self.doc.name, self.loc)
    }
}

impl Doc {
    fn new(name: &str, root: Value) -> Doc {
        let dialect = root.get("$schema").and_then(Value::as_str).unwrap_or("");
        let modern = dialect.contains("2019-09") || dialect.contains("2020-12");
        let prefix_items = dialect.contains("2020-12");
        Doc {
            name: name.to_string(),
            embedded_base: has_embedded_base(&root, true),
            root,
            modern,
            prefix_items,
        }
    }
}

struct Ctx<'r> {
    policy: Policy,
    /// The writer is the new schema, the reader the old one (a FORWARD check): see
    /// [`Ctx::w`] for how messages are told.
    forward: bool,
    resolve: &'r dyn Fn(&str) -> Option<Value>,
    docs: HashMap<String, Option<Rc<Doc>>>,
    /// (writer, reader) pairs currently being compared through a `$ref`, by [`Ctx::side_key`],
    /// with the path where each comparison began (see [`Ctx::meet_again`]).
    in_progress: HashMap<(Rc<str>, Rc<str>), String>,
    /// Canonical text of the schema at each (document, pointer) met through a `$ref`, so a
    /// recursion does not re-serialise its target at every visit.
    canon: HashMap<(String, String), Rc<str>>,
    /// Where a schema was first found defined by itself (see [`Ctx::meet_again`]): reported
    /// even when that happened inside a trial pairing whose result was set aside.
    self_defined: Option<String>,
    depth: usize,
    /// Number of `check` calls so far; trial pairings of nested combinators can multiply.
    steps: usize,
    /// Most `check` calls allowed: [`MAX_STEPS`] beyond one per schema node, so that a large
    /// schema compared node by node (200,000 properties) is not "over budget" while pairings
    /// that multiply still are.
    budget: usize,
    /// Set (e.g. by Ctrl-C) to stop: every long loop looks at it, see [`Ctx::stop`].
    cancel: &'r AtomicBool,
}

/// Why a pair met again at the same value is reported.
const SELF_DEFINED: &str =
    "a `$ref` cycle that never goes into the data (the schema is defined by itself)";

/// Whether a schema path (`/anyOf/0/properties/a/items`) goes from a value into one of its
/// members or items. Names after `properties`, `patternProperties` and the dependency
/// keywords are skipped (a property may be called `items`).
fn descends_into_data(path: &str) -> bool {
    // Empty segments are names too (a property called ""): the path starts with `/`.
    let mut segs = path.split('/').skip(1);
    while let Some(seg) = segs.next() {
        match seg {
            "properties"
            | "patternProperties"
            | "additionalProperties"
            | "propertyNames"
            | "unevaluatedProperties"
            | "items"
            | "prefixItems"
            | "additionalItems"
            | "unevaluatedItems"
            | "contains" => return true,
            "dependencies" | "dependentSchemas" | "$defs" | "definitions" => {
                segs.next();
            }
            _ => {}
        }
    }
    false
}

/// Recursion limit; deeper schemas are reported as unsupported rather than overflowing.
const MAX_DEPTH: usize = 100;

/// Work budget in `check` calls beyond one per schema node (see [`Ctx::budget`]); beyond it
/// every comparison fails as unsupported.
const MAX_STEPS: usize = 100_000;

/// Number of objects in a JSON document (every one may be a schema): the calls a walk
/// comparing it node by node makes.
fn schema_nodes(v: &Value) -> usize {
    match v {
        Value::Object(o) => 1 + o.values().map(schema_nodes).sum::<usize>(),
        Value::Array(a) => a.iter().map(schema_nodes).sum(),
        _ => 0,
    }
}

/// Keywords that never change which instances are valid.
const ANNOTATIONS: &[(&str, &str)] = &[
    ("title", "TITLE_CHANGED"),
    ("description", "DESCRIPTION_CHANGED"),
    ("default", "DEFAULT_CHANGED"),
    ("$id", "ID_CHANGED"),
    ("$comment", "COMMENT_CHANGED"),
    ("examples", "EXAMPLES_CHANGED"),
    ("readOnly", "ANNOTATION_CHANGED"),
    ("writeOnly", "ANNOTATION_CHANGED"),
    ("deprecated", "ANNOTATION_CHANGED"),
];

/// Keywords that are structural only (containers for ref targets, dialect markers).
const STRUCTURAL: &[&str] = &["$schema", "definitions", "$defs", "$anchor", "$ref"];

/// Keywords this module verifies.
const HANDLED: &[&str] = &[
    "type",
    "enum",
    "const",
    "maxLength",
    "minLength",
    "maxItems",
    "minItems",
    "maxProperties",
    "minProperties",
    "maxContains",
    "minContains",
    "maximum",
    "minimum",
    "exclusiveMaximum",
    "exclusiveMinimum",
    "multipleOf",
    "pattern",
    "format",
    "contentEncoding",
    "contentMediaType",
    "required",
    "properties",
    "additionalProperties",
    "unevaluatedProperties",
    "patternProperties",
    "propertyNames",
    "dependencies",
    "dependentRequired",
    "dependentSchemas",
    "items",
    "prefixItems",
    "additionalItems",
    "unevaluatedItems",
    "uniqueItems",
    "contains",
    "anyOf",
    "oneOf",
    "allOf",
    "not",
    "if",
    "then",
    "else",
];

/// Keywords whose presence we cannot reason about at all.
const UNSUPPORTED: &[&str] = &["$dynamicRef", "$recursiveRef"];

// Type bits. `number` is NUM|INT so that integer ⊆ number falls out of set inclusion.
const T_NULL: u8 = 1;
const T_BOOL: u8 = 2;
const T_OBJ: u8 = 4;
const T_ARR: u8 = 8;
const T_NUM: u8 = 16;
const T_STR: u8 = 32;
const T_INT: u8 = 64;
const T_NUMS: u8 = T_NUM | T_INT;
const T_ALL: u8 = 127;

/// (keyword, code prefix, is an upper bound, type group it applies to) for rows 7/8.
const BOUNDS: &[(&str, &str, bool, u8)] = &[
    ("maxLength", "MAX_LENGTH", true, T_STR),
    ("minLength", "MIN_LENGTH", false, T_STR),
    ("maxItems", "MAX_ITEMS", true, T_ARR),
    ("minItems", "MIN_ITEMS", false, T_ARR),
    ("maxContains", "MAX_CONTAINS", true, T_ARR),
    ("minContains", "MIN_CONTAINS", false, T_ARR),
    ("maxProperties", "MAX_PROPERTIES", true, T_OBJ),
    ("minProperties", "MIN_PROPERTIES", false, T_OBJ),
    ("maximum", "MAXIMUM", true, T_NUMS),
    ("minimum", "MINIMUM", false, T_NUMS),
    ("exclusiveMaximum", "EXCLUSIVE_MAXIMUM", true, T_NUMS),
    ("exclusiveMinimum", "EXCLUSIVE_MINIMUM", false, T_NUMS),
];

/// Object content model (spec "Content models decide property changes").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Model {
    Open,
    Partial,
    Closed,
}

impl Model {
    fn name(self) -> &'static str {
        match self {
            Model::Open => "open",
            Model::Partial => "partially open",
            Model::Closed => "closed",
        }
    }
}

static EMPTY: std::sync::LazyLock<Map<String, Value>> = std::sync::LazyLock::new(Map::new);

fn join(base: &str, seg: &str) -> String {
    format!("{}/{}", base, seg.replace('~', "~0").replace('/', "~1"))
}

fn display_path(p: &str) -> String {
    if p.is_empty() {
        "#/".to_string()
    } else {
        format!("#{p}")
    }
}

fn is_false(v: &Value) -> bool {
    matches!(v, Value::Bool(false))
}

/// `true`, or an object with only annotations/structural keywords: accepts everything.
fn is_trivial(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Object(o) => o.keys().all(|k| {
            k != "$ref"
                && (STRUCTURAL.contains(&k.as_str()) || ANNOTATIONS.iter().any(|(a, _)| a == k))
        }),
        _ => false,
    }
}

fn as_obj(v: &Value) -> &Map<String, Value> {
    v.as_object().unwrap_or(&EMPTY)
}

/// Structural JSON equality with numbers compared by value (`1` == `1.0`).
pub(crate) fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            decimal::cmp_numbers(x, y) == Some(std::cmp::Ordering::Equal)
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}

/// Does instance `v` have JSON Schema type `t`?
pub(crate) fn type_matches(v: &Value, t: &str) -> bool {
    match (t, v) {
        ("null", Value::Null) | ("boolean", Value::Bool(_)) | ("object", Value::Object(_)) => true,
        ("array", Value::Array(_))
        | ("string", Value::String(_))
        | ("number", Value::Number(_)) => true,
        ("integer", Value::Number(n)) => validate::number_is_integer(n),
        _ => false,
    }
}

fn type_bit(t: &str) -> Option<u8> {
    Some(match t {
        "null" => T_NULL,
        "boolean" => T_BOOL,
        "object" => T_OBJ,
        "array" => T_ARR,
        "number" => T_NUMS,
        "string" => T_STR,
        "integer" => T_INT,
        _ => return None,
    })
}

/// Type set of a schema object; `Err` for a malformed `type`.
fn type_set(o: &Map<String, Value>) -> Result<u8, String> {
    match o.get("type") {
        None => Ok(T_ALL),
        Some(Value::String(t)) => type_bit(t).ok_or_else(|| format!("unknown type `{t}`")),
        Some(Value::Array(ts)) => ts.iter().try_fold(0, |acc, t| {
            let name = t.as_str().ok_or("non-string entry in `type`")?;
            Ok(acc | type_bit(name).ok_or_else(|| format!("unknown type `{name}`"))?)
        }),
        Some(other) => Err(format!("`type` must be a string or array, found {other}")),
    }
}

/// Type bits of a concrete value (`1.0` counts as integer, as in JSON Schema).
fn value_type_bits(v: &Value) -> u8 {
    match v {
        Value::Null => T_NULL,
        Value::Bool(_) => T_BOOL,
        Value::Object(_) => T_OBJ,
        Value::Array(_) => T_ARR,
        Value::String(_) => T_STR,
        Value::Number(n) if validate::number_is_integer(n) => T_INT,
        Value::Number(_) => T_NUM,
    }
}

fn type_names(bits: u8) -> String {
    if bits == T_ALL {
        return "any".to_string();
    }
    let mut names = Vec::new();
    for (b, n) in [
        (T_NULL, "null"),
        (T_BOOL, "boolean"),
        (T_OBJ, "object"),
        (T_ARR, "array"),
        (T_STR, "string"),
    ] {
        if bits & b != 0 {
            names.push(n);
        }
    }
    if bits & T_NUMS == T_NUMS {
        names.push("number");
    } else if bits & T_INT != 0 {
        names.push("integer");
    }
    names.join("|")
}

/// Names of the types in `bits` a narrower type set no longer has (`number` without
/// `integer` is the non-integer numbers).
fn dropped_type_names(bits: u8) -> String {
    if bits & T_NUMS == T_NUM {
        let rest = type_names(bits & !T_NUM);
        return if rest.is_empty() {
            "non-integer number".to_string()
        } else {
            format!("{rest}|non-integer number")
        };
    }
    type_names(bits)
}

/// Finite value set admitted by `enum`/`const`, if any (borrowed, in `enum` order).
fn finite_values(o: &Map<String, Value>) -> Option<Vec<&Value>> {
    match (o.get("const"), o.get("enum").and_then(Value::as_array)) {
        (Some(c), Some(e)) => Some(e.iter().filter(|v| json_eq(v, c)).collect()),
        (Some(c), None) => Some(vec![c]),
        (None, Some(e)) => Some(e.iter().collect()),
        (None, None) => None,
    }
}

fn required_set(o: &Map<String, Value>) -> Vec<&str> {
    o.get("required")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn has_default(v: &Value) -> bool {
    v.get("default").is_some()
}

/// The schema undeclared properties (not matched by `patternProperties`) must satisfy, and
/// its keyword: `additionalProperties`, else (2019-09+, where it exists) `unevaluatedProperties`.
/// Absent means any value.
///
/// Properties that subschemas beside it (`allOf`, `if`, `dependentSchemas`…) evaluate are not
/// "unevaluated", so next to those `unevaluatedProperties` does not decide alone: for a
/// `writer` it is then ignored (the writer may allow more: conservative), for a reader it is
/// kept (the reader may accept more than it says: conservative too).
fn extra_props(
    o: &Map<String, Value>,
    modern: bool,
    writer: bool,
) -> (Option<&Value>, &'static str) {
    match o.get("additionalProperties") {
        Some(v) => (Some(v), "additionalProperties"),
        None if modern && !(writer && has_adjacent_applicators(o)) => {
            (o.get("unevaluatedProperties"), "unevaluatedProperties")
        }
        None => (None, "additionalProperties"),
    }
}

/// In-place applicators whose evaluated properties/items `unevaluated*` does not see.
fn has_adjacent_applicators(o: &Map<String, Value>) -> bool {
    [
        "allOf",
        "anyOf",
        "oneOf",
        "if",
        "then",
        "else",
        "dependentSchemas",
        "dependencies",
        "$ref",
        "$dynamicRef",
        "$recursiveRef",
    ]
    .iter()
    .any(|k| o.contains_key(*k))
}

/// Content model of an object schema. `unevaluatedProperties` counts only in 2019-09+
/// documents; draft-07 validators ignore it.
fn object_model(o: &Map<String, Value>, modern: bool, writer: bool) -> Model {
    let has_patterns = o
        .get("patternProperties")
        .and_then(Value::as_object)
        .is_some_and(|p| !p.is_empty());
    if has_patterns {
        return Model::Partial;
    }
    match extra_props(o, modern, writer).0 {
        None => Model::Open,
        Some(v) if is_trivial(v) => Model::Open,
        Some(v) if is_false(v) => Model::Closed,
        Some(_) => Model::Partial,
    }
}

/// Loops look at the cancellation flag once per this many iterations where one iteration is
/// cheap (hashing a value); loops whose iterations recurse into `check` look every time.
const CANCEL_EVERY: usize = 4096;

impl Ctx<'_> {
    /// True once the comparison has been cancelled: callers stop and return; the result is
    /// discarded by [`check_cancellable`].
    fn stop(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// [`Ctx::stop`] for iteration `i` of a cheap loop (looks every [`CANCEL_EVERY`]).
    fn stop_at(&self, i: usize) -> bool {
        i.is_multiple_of(CANCEL_EVERY) && self.stop()
    }

    // Messages tell each change as it happened, from the old schema to the new one, whichever
    // side is the writer: in a FORWARD check the writer is the new schema, so what only the
    // reader has was *removed*, and the data at risk is the new schema's. Rule ids stay
    // Confluent's, which name the change from the writer to the reader.

    /// The writer's version, as people know it: "old" (BACKWARD) or "new" (FORWARD).
    pub(super) fn w(&self) -> &'static str {
        if self.forward {
            "new"
        } else {
            "old"
        }
    }

    /// The reader's version: "new" or "old".
    pub(super) fn r(&self) -> &'static str {
        if self.forward {
            "old"
        } else {
            "new"
        }
    }

    /// What happened from old to new to something only the reader has.
    pub(super) fn gained(&self) -> &'static str {
        if self.forward {
            "removed"
        } else {
            "added"
        }
    }

    /// What happened from old to new to something only the writer has.
    pub(super) fn lost(&self) -> &'static str {
        if self.forward {
            "added"
        } else {
            "removed"
        }
    }

    /// `from OLD to NEW`, given the writer's and the reader's values.
    pub(super) fn old_to_new(
        &self,
        w: impl std::fmt::Display,
        r: impl std::fmt::Display,
    ) -> String {
        if self.forward {
            format!("from {r} to {w}")
        } else {
            format!("from {w} to {r}")
        }
    }

    /// The usual reason for a break: the reader's version rejects `what` the writer's allows
    /// ("the new schema rejects values outside it that the old one allows").
    pub(super) fn rejected(&self, what: &str) -> String {
        format!(
            "the {} schema rejects {what} that the {} one allows",
            self.r(),
            self.w()
        )
    }

    /// Emit one change. A change that breaks only under STRICT says how the policy decides
    /// it, so that no message suggests the policy already in use.
    fn emit(&self, out: &mut Vec<Change>, rule: &str, path: &str, sev: Sev, mut message: String) {
        let breaking = match sev {
            Sev::Info => false,
            Sev::Break => true,
            Sev::StrictOnly => self.policy == Policy::Strict,
        };
        if sev == Sev::StrictOnly {
            message.push_str(if breaking {
                "; use policy lenient if producers never send undeclared properties"
            } else {
                " (compatible under policy lenient: producers are taken never to send undeclared properties)"
            });
        }
        out.push(Change {
            rule: rule.to_string(),
            path: display_path(path),
            breaking,
            message,
        });
    }

    fn unsupported(&self, out: &mut Vec<Change>, path: &str, why: &str) {
        self.emit(
            out,
            "UNSUPPORTED_SCHEMA",
            path,
            Sev::Break,
            format!("cannot check compatibility: {why}"),
        );
    }

    /// Compare and collect into a fresh list (used for trial pairings).
    fn trial(&mut self, w: &Value, ws: &Scope, r: &Value, rs: &Scope, path: &str) -> Vec<Change> {
        let mut tmp = Vec::new();
        self.check(w, ws, r, rs, path, &mut tmp);
        tmp
    }

    fn check(
        &mut self,
        w: &Value,
        ws: &Scope,
        r: &Value,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        if self.stop() {
            return;
        }
        self.steps += 1;
        if self.steps > self.budget {
            self.unsupported(out, path, "work budget exceeded");
            return;
        }
        if self.depth >= MAX_DEPTH {
            self.unsupported(out, path, "schema nesting too deep");
            return;
        }
        self.depth += 1;
        self.check_inner(w, ws, r, rs, path, out);
        self.depth -= 1;
    }

    fn check_inner(
        &mut self,
        w: &Value,
        ws: &Scope,
        r: &Value,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        for (v, side) in [(w, self.w()), (r, self.r())] {
            if !(v.is_object() || v.is_boolean()) {
                self.unsupported(
                    out,
                    path,
                    &format!("the {side} schema is neither an object nor a boolean"),
                );
                return;
            }
        }
        if w.get("$ref").is_some() || r.get("$ref").is_some() {
            self.check_refs(w, ws, r, rs, path, out);
            return;
        }
        let (wo, ro) = (as_obj(w), as_obj(r));
        self.annotations(wo, ro, path, out);
        // Row 2: a reader accepting everything, or a writer accepting nothing.
        if is_trivial(r) || is_false(w) {
            return;
        }
        // A writer that provably accepts nothing (e.g. `allOf` of a number and a string)
        // has no data any reader could reject.
        if self.accepts_nothing(w, ws) {
            self.emit(
                out,
                "WRITER_ACCEPTS_NOTHING",
                path,
                Sev::Info,
                format!(
                    "the {} schema accepts no instance here, so the {} one accepts all its data",
                    self.w(),
                    self.r()
                ),
            );
            return;
        }
        if is_false(r) {
            self.emit(
                out,
                "TYPE_NARROWED",
                path,
                Sev::Break,
                format!(
                    "the {} schema is `false` here and rejects every instance",
                    self.r()
                ),
            );
            return;
        }
        if let Some(bad) = [wo, ro]
            .iter()
            .flat_map(|o| o.keys())
            .find(|k| UNSUPPORTED.contains(&k.as_str()))
        {
            self.unsupported(out, path, &format!("keyword `{bad}` is not supported"));
            return;
        }
        for (o, side) in [(wo, self.w()), (ro, self.r())] {
            if let Some((kw, why)) = shape::problem(o) {
                let p = join(path, &kw);
                self.unsupported(out, &p, &format!("the {side} schema's `{kw}` {why}"));
                return;
            }
        }
        // allOf → no allOf: fold the writer's branches into it (dropping constraints from the
        // writer only ever makes the check more conservative).
        if wo.contains_key("allOf") && !ro.contains_key("allOf") {
            let (flattened, inlined_ref) = self.flatten_all_of(wo, ws, path, out);
            if !inlined_ref {
                return self.check_flat(&flattened, ws, ro, r, rs, path, out);
            }
            // A `$ref` merged in is a recursion that `check_refs` never sees: the same
            // co-inductive assumption applies to the merged writer (by content).
            let key = (
                self.side_key(&Value::Object(flattened.clone()), ws, false),
                self.side_key(r, rs, false),
            );
            if self.meet_again(&key, path, out) {
                return;
            }
            self.in_progress.insert(key.clone(), path.to_string());
            self.check_flat(&flattened, ws, ro, r, rs, path, out);
            self.in_progress.remove(&key);
            return;
        }
        self.check_flat(wo, ws, ro, r, rs, path, out);
    }

    /// The rest of [`Ctx::check_inner`] once the writer has no `allOf` the reader lacks.
    #[allow(clippy::too_many_arguments)]
    fn check_flat(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        ro: &Map<String, Value>,
        r: &Value,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        if self.finite_writer(wo, ro, path, out) {
            return;
        }
        let w_sum = wo.contains_key("anyOf") || wo.contains_key("oneOf");
        let r_sum = ro.contains_key("anyOf") || ro.contains_key("oneOf");
        if w_sum && !r_sum {
            self.sum_to_single(wo, ws, r, rs, path, out);
            return;
        }
        self.keywords(wo, ws, ro, rs, path, out);
    }

    // ----- $ref (row 25) -----

    fn check_refs(
        &mut self,
        w: &Value,
        ws: &Scope,
        r: &Value,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let (w2, ws2, w_exact) = match self.deref(w, ws) {
            Ok(x) => x,
            Err(e) => {
                return self.emit(
                    out,
                    "REF_UNRESOLVED",
                    path,
                    Sev::Break,
                    format!("the {} schema's {e}", self.w()),
                );
            }
        };
        let (r2, rs2, r_exact) = match self.deref(r, rs) {
            Ok(x) => x,
            Err(e) => {
                return self.emit(
                    out,
                    "REF_UNRESOLVED",
                    path,
                    Sev::Break,
                    format!("the {} schema's {e}", self.r()),
                );
            }
        };
        // The same pointer into the same resolver-loaded document is the same schema (unless
        // `$ref` siblings were merged into either side).
        if w_exact && r_exact && ws2.key() == rs2.key() {
            return;
        }
        let key = (
            self.side_key(&w2, &ws2, w_exact),
            self.side_key(&r2, &rs2, r_exact),
        );
        if self.meet_again(&key, path, out) {
            return;
        }
        self.in_progress.insert(key.clone(), path.to_string());
        self.check(&w2, &ws2, &r2, &rs2, path, out);
        self.in_progress.remove(&key);
    }

    /// Whether the pair `key` is already being compared further up, i.e. the recursion has
    /// come round. Co-inductive assumption: a pair met again *inside the data* (under
    /// `properties`, `items`…) is taken as compatible; any real difference is reported on the
    /// first visit. A pair met again at the same value (`{"anyOf": [{"$ref": "#"}, …]}`) is a
    /// schema defined by itself, which validators loop on: that is reported, never assumed.
    fn meet_again(&mut self, key: &(Rc<str>, Rc<str>), path: &str, out: &mut Vec<Change>) -> bool {
        let Some(first) = self.in_progress.get(key) else {
            return false;
        };
        // The pair is being compared further up the call, at `first`, so `path` extends it;
        // were it not to, nothing proves a descent (never assume what is not shown).
        let descends = path
            .strip_prefix(first.as_str())
            .is_some_and(descends_into_data);
        if !descends {
            self.unsupported(out, path, SELF_DEFINED);
            self.self_defined.get_or_insert_with(|| path.to_string());
        }
        true
    }

    /// One side of a co-inductive pair: its document and canonical content, not its location.
    /// A `$ref` inside an `allOf` that the writer flattens brings the referenced schema's
    /// content to a new location at every level (`{"oneOf": [{"allOf": [{"$ref": "#"}]}]}`
    /// nests without end); by location no pair would ever repeat and the pairing of branches
    /// would multiply until the work budget ran out. Refs resolve against the document root,
    /// so equal content in the same document is the same schema. `exact`: `v` is the
    /// document's content at `s` (a `$ref` target without merged siblings), whose text is
    /// computed once.
    fn side_key(&mut self, v: &Value, s: &Scope, exact: bool) -> Rc<str> {
        let text =
            || -> Rc<str> { format!("{}\0{}", s.doc.name, empty::canonical_value(v)).into() };
        if !exact {
            return text();
        }
        self.canon
            .entry((s.doc.name.clone(), s.loc.clone()))
            .or_insert_with(text)
            .clone()
    }

    /// Follow `$ref`s until a non-ref schema; returns the target, its scope, and whether the
    /// target is exactly the document's content there (`v` was a `$ref` and no siblings were
    /// merged on the way).
    fn deref(&mut self, v: &Value, scope: &Scope) -> Result<(Value, Scope, bool), String> {
        let mut cur = v.clone();
        let mut sc = scope.clone();
        let mut exact = v.get("$ref").is_some();
        for _ in 0..64 {
            let Some(reference) = cur.get("$ref") else {
                return Ok((cur, sc, exact));
            };
            let Some(reference) = reference.as_str() else {
                return Err("`$ref` is not a string".to_string());
            };
            let (doc_part, frag) = reference.split_once('#').unwrap_or((reference, ""));
            let doc = if doc_part.is_empty() {
                sc.doc.clone()
            } else {
                self.load(doc_part).ok_or_else(|| {
                    format!("`$ref` `{reference}`: document `{doc_part}` could not be loaded")
                })?
            };
            if doc.embedded_base {
                return Err(format!(
                    "`$ref` `{reference}`: its document gives a subschema its own base URI (`$id`), which is not supported"
                ));
            }
            // Siblings carried into another document would resolve their own refs there.
            if !Rc::ptr_eq(&doc, &sc.doc)
                && sc.doc.modern
                && has_ref_siblings(&cur)
                && mentions_ref(&cur)
            {
                return Err(format!(
                    "`$ref` `{reference}`: siblings beside a reference to another document that refer to schemas themselves are not supported"
                ));
            }
            // A plain-name fragment names the subschema that declares it: `$anchor` (2019-09
            // and later), or `"$id": "#name"` (draft-06/07; `id` in draft-04).
            let pointer = if frag.is_empty() || frag.starts_with('/') {
                percent_decode(frag)
            } else {
                find_anchor(&doc.root, &percent_decode(frag), doc.modern)
                    .map_err(|why| format!("`$ref` `{reference}`: {why}"))?
            };
            let target = doc
                .root
                .pointer(&pointer)
                .ok_or_else(|| format!("`$ref` `{reference}` points to nothing"))?
                .clone();
            let merged = if sc.doc.modern {
                exact &= !has_ref_siblings(&cur);
                merge_ref_siblings(&cur, target)
            } else {
                target
            };
            sc = Scope { doc, loc: pointer };
            cur = merged;
        }
        Err("`$ref` chain is too long or cyclic without any schema".to_string())
    }

    fn load(&mut self, name: &str) -> Option<Rc<Doc>> {
        if let Some(d) = self.docs.get(name) {
            return d.clone();
        }
        let doc = (self.resolve)(name).map(|v| Rc::new(Doc::new(name, v)));
        self.docs.insert(name.to_string(), doc.clone());
        doc
    }

    // ----- row 1 -----

    fn annotations(
        &self,
        wo: &Map<String, Value>,
        ro: &Map<String, Value>,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        for (kw, rule) in ANNOTATIONS {
            let (a, b) = (wo.get(*kw), ro.get(*kw));
            if a != b {
                let msg = format!("`{kw}` changed (annotation only, no effect on validation)");
                self.emit(out, rule, &join(path, kw), Sev::Info, msg);
            }
        }
    }

    // ----- rows 12/13 improvement -----

    /// If the writer admits only a finite set of values and each is valid under the reader,
    /// the pair is compatible regardless of other keywords. Returns true when that decided it.
    fn finite_writer(
        &self,
        wo: &Map<String, Value>,
        ro: &Map<String, Value>,
        path: &str,
        out: &mut Vec<Change>,
    ) -> bool {
        let Some(values) = finite_values(wo) else {
            return false;
        };
        // One validator for all values: large `enum`s are hashed once, not scanned per value.
        let validator = validate::Validator::new();
        let mut admitted = 0;
        for (i, v) in values.iter().enumerate() {
            if self.stop_at(i) {
                return true;
            }
            // `v` is one of the writer's own `enum`/`const` values: only the other keywords
            // can reject it.
            if validator.validate_object_but(v, wo, &["enum", "const"]) == Some(false) {
                continue;
            }
            if validator.validate_object(v, ro) != Some(true) {
                return false;
            }
            admitted += 1;
        }
        let same = finite_values(ro).is_some_and(|rv| {
            rv.len() == values.len()
                && self
                    .value_set(&rv)
                    .is_some_and(|rset| values.iter().all(|v| rset.contains(v)))
        });
        if !same {
            let kw = if ro.contains_key("enum")
                || !ro.contains_key("const") && wo.contains_key("enum")
            {
                "enum"
            } else {
                "const"
            };
            let msg = if self.forward {
                format!("the new schema accepts fewer values: all {admitted} value(s) it allows are valid under the old one")
            } else {
                format!("the new schema accepts more values: all {admitted} value(s) the old one allows are valid under it")
            };
            self.emit(out, "ENUM_ARRAY_EXTENDED", &join(path, kw), Sev::Info, msg);
        }
        true
    }

    // ----- keyword-by-keyword comparison -----

    fn keywords(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        ro: &Map<String, Value>,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let wt = match (type_set(wo), type_set(ro)) {
            (Ok(w), Ok(r)) => {
                // A writer limited to enum/const values only has the types of those values.
                let w = finite_values(wo).map_or(w, |vals| {
                    w & vals.iter().fold(0, |acc, v| acc | value_type_bits(v))
                });
                self.types(w, r, path, out);
                w
            }
            (Err(e), _) | (_, Err(e)) => {
                self.unsupported(out, &join(path, "type"), &e);
                T_ALL
            }
        };
        self.enums(wo, ro, path, out);
        self.bounds(wo, ro, wt, path, out);
        if wt & T_NUMS != 0 {
            self.multiple_of(wo, ro, path, out);
        }
        if wt & T_STR != 0 {
            self.scalar(wo, ro, "pattern", "PATTERN", path, out);
            self.scalar(wo, ro, "contentEncoding", "CONTENT_ENCODING", path, out);
            self.scalar(wo, ro, "contentMediaType", "CONTENT_MEDIA_TYPE", path, out);
        }
        self.scalar(wo, ro, "format", "FORMAT", path, out);
        if wt & T_OBJ != 0 {
            self.objects(wo, ws, ro, rs, path, out);
        }
        if wt & T_ARR != 0 {
            self.arrays(wo, ws, ro, rs, path, out);
        }
        self.combinators(wo, ws, ro, rs, path, out);
        self.conditionals(wo, ws, ro, rs, path, out);
        self.unknown(wo, ro, path, out);
    }

    // ----- rows 5/6 -----

    fn types(&self, w: u8, r: u8, path: &str, out: &mut Vec<Change>) {
        if w == r {
            return;
        }
        let p = join(path, "type");
        let desc = format!(
            "type changed {}",
            self.old_to_new(type_names(w), type_names(r))
        );
        let rejected = dropped_type_names(w & !r);
        if w & !r == 0 {
            self.emit(out, "TYPE_EXTENDED", &p, Sev::Info, desc);
        } else if r & !w == 0 {
            let why = self.rejected(&format!("{rejected} values"));
            self.emit(
                out,
                "TYPE_NARROWED",
                &p,
                Sev::Break,
                format!("{desc}: {why}"),
            );
        } else {
            let why = self.rejected(&format!("{rejected} values"));
            self.emit(
                out,
                "TYPE_CHANGED",
                &p,
                Sev::Break,
                format!("{desc}: {why}"),
            );
        }
    }

    // ----- rows 12/13 -----

    fn enums(
        &self,
        wo: &Map<String, Value>,
        ro: &Map<String, Value>,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let (wv, rv) = (finite_values(wo), finite_values(ro));
        let kw =
            if ro.contains_key("enum") || (!ro.contains_key("const") && wo.contains_key("enum")) {
                "enum"
            } else {
                "const"
            };
        let p = join(path, kw);
        match (wv, rv) {
            (None, None) => {}
            (Some(_), None) => self.emit(
                out,
                "ENUM_ARRAY_EXTENDED",
                &p,
                Sev::Info,
                format!(
                    "enum/const {}: the {} schema accepts any value here",
                    self.lost(),
                    self.r()
                ),
            ),
            (None, Some(_)) => self.emit(
                out,
                "ENUM_ARRAY_NARROWED",
                &p,
                Sev::Break,
                format!(
                    "enum/const {}: {}",
                    self.gained(),
                    self.rejected("other values")
                ),
            ),
            (Some(w), Some(r)) => {
                // Hash sets of canonical forms (numbers by value, as `json_eq`): linear.
                let (Some(wset), Some(rset)) = (self.value_set(&w), self.value_set(&r)) else {
                    return; // cancelled
                };
                let missing: Vec<&Value> =
                    w.iter().copied().filter(|v| !rset.contains(v)).collect();
                let extra = r.iter().any(|v| !wset.contains(v));
                let list = missing
                    .iter()
                    .map(|v| v.to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                match (missing.is_empty(), extra) {
                    (true, false) => {}
                    (true, true) => self.emit(
                        out,
                        "ENUM_ARRAY_EXTENDED",
                        &p,
                        Sev::Info,
                        format!(
                            "enum values {}; the {} schema accepts every value of the {} one",
                            self.gained(),
                            self.r(),
                            self.w()
                        ),
                    ),
                    (false, false) => self.emit(
                        out,
                        "ENUM_ARRAY_NARROWED",
                        &p,
                        Sev::Break,
                        format!(
                            "enum value(s) {list} {}: the {} schema rejects them",
                            self.lost(),
                            self.r()
                        ),
                    ),
                    (false, true) => self.emit(
                        out,
                        "ENUM_ARRAY_CHANGED",
                        &p,
                        Sev::Break,
                        format!(
                            "enum changed; value(s) {list} {}: the {} schema rejects them",
                            self.lost(),
                            self.r()
                        ),
                    ),
                }
            }
        }
    }

    // ----- rows 7/8 -----

    fn bounds(
        &self,
        wo: &Map<String, Value>,
        ro: &Map<String, Value>,
        wt: u8,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        for &(kw, code, is_max, group) in BOUNDS {
            if wt & group == 0 {
                continue; // the keyword cannot apply to any writer instance
            }
            if !wo.contains_key(kw) && !ro.contains_key(kw) {
                continue; // the common case: no path to build
            }
            let p = join(path, kw);
            match (wo.get(kw), ro.get(kw)) {
                (None, None) => {}
                (Some(w), None) => self.emit(
                    out,
                    &format!("{code}_REMOVED"),
                    &p,
                    Sev::Info,
                    format!("`{kw}: {w}` {}", self.lost()),
                ),
                (None, Some(r)) => {
                    if let Some(why) = implied_bound(kw, r, wo) {
                        self.emit(
                            out,
                            &format!("{code}_ADDED"),
                            &p,
                            Sev::Info,
                            format!(
                                "`{kw}: {r}` {} but already implied by the {} schema's {why}",
                                self.gained(),
                                self.w()
                            ),
                        );
                    } else {
                        self.emit(
                            out,
                            &format!("{code}_ADDED"),
                            &p,
                            Sev::Break,
                            format!(
                                "`{kw}: {r}` {}: {}",
                                self.gained(),
                                self.rejected("values outside it")
                            ),
                        );
                    }
                }
                (Some(w), Some(r)) => self.bound_pair(kw, code, is_max, w, r, &p, out),
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn bound_pair(
        &self,
        kw: &str,
        code: &str,
        is_max: bool,
        w: &Value,
        r: &Value,
        p: &str,
        out: &mut Vec<Change>,
    ) {
        let ord = match (w.as_number(), r.as_number()) {
            (Some(a), Some(b)) => decimal::cmp_numbers(b, a),
            _ => None,
        };
        let Some(ord) = ord else {
            if w != r {
                let (old, new) = if self.forward { (r, w) } else { (w, r) };
                self.unsupported(
                    out,
                    p,
                    &format!("`{kw}` values {old} (old) / {new} (new) are not comparable numbers"),
                );
            }
            return;
        };
        use std::cmp::Ordering::*;
        let (suffix, sev) = match (ord, is_max) {
            (Equal, _) => return,
            (Greater, true) => ("INCREASED", Sev::Info),
            (Less, true) => ("DECREASED", Sev::Break),
            (Greater, false) => ("INCREASED", Sev::Break),
            (Less, false) => ("DECREASED", Sev::Info),
        };
        let tail = if sev == Sev::Break {
            format!(": {}", self.rejected("some values"))
        } else {
            String::new()
        };
        // The rule id names the reader against the writer; the message the new against the old.
        let went = match (suffix == "INCREASED") != self.forward {
            true => "increased",
            false => "decreased",
        };
        self.emit(
            out,
            &format!("{code}_{suffix}"),
            p,
            sev,
            format!("`{kw}` {went} {}{tail}", self.old_to_new(w, r)),
        );
    }

    // ----- row 9 -----

    fn multiple_of(
        &self,
        wo: &Map<String, Value>,
        ro: &Map<String, Value>,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let p = join(path, "multipleOf");
        match (wo.get("multipleOf"), ro.get("multipleOf")) {
            (None, None) => {}
            (Some(w), None) => self.emit(
                out,
                "MULTIPLE_OF_REMOVED",
                &p,
                Sev::Info,
                format!("`multipleOf: {w}` {}", self.lost()),
            ),
            (None, Some(r)) => self.emit(
                out,
                "MULTIPLE_OF_ADDED",
                &p,
                Sev::Break,
                format!(
                    "`multipleOf: {r}` {}: {}",
                    self.gained(),
                    self.rejected("non-multiples of it")
                ),
            ),
            (Some(w), Some(r)) => {
                let (Some(wn), Some(rn)) = (w.as_number(), r.as_number()) else {
                    return self.unsupported(out, &p, "`multipleOf` is not a number");
                };
                if json_eq(w, r) {
                    return;
                }
                match (
                    decimal::number_is_multiple(wn, rn),
                    decimal::number_is_multiple(rn, wn),
                ) {
                    (Some(true), _) => self.emit(
                        out,
                        "MULTIPLE_OF_REDUCED",
                        &p,
                        Sev::Info,
                        format!(
                            "`multipleOf` changed {}: {r} divides {w}, so every value the {} schema allows still qualifies",
                            self.old_to_new(w, r),
                            self.w()
                        ),
                    ),
                    (_, Some(true)) => self.emit(
                        out,
                        "MULTIPLE_OF_EXPANDED",
                        &p,
                        Sev::Break,
                        format!(
                            "`multipleOf` changed {}: {}",
                            self.old_to_new(w, r),
                            self.rejected(&format!("non-multiples of {r}"))
                        ),
                    ),
                    _ => self.emit(
                        out,
                        "MULTIPLE_OF_CHANGED",
                        &p,
                        Sev::Break,
                        format!(
                            "`multipleOf` changed {}: {r} does not divide {w}, so {}",
                            self.old_to_new(w, r),
                            self.rejected("some values")
                        ),
                    ),
                }
            }
        }
    }

    /// Scalar keywords compared by equality: added ❌, changed ❌, removed ✅ (rows 10, 26).
    fn scalar(
        &self,
        wo: &Map<String, Value>,
        ro: &Map<String, Value>,
        kw: &str,
        code: &str,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        if !wo.contains_key(kw) && !ro.contains_key(kw) {
            return; // the common case: no path to build
        }
        let p = join(path, kw);
        match (wo.get(kw), ro.get(kw)) {
            (None, None) => {}
            (Some(w), None) => self.emit(
                out,
                &format!("{code}_REMOVED"),
                &p,
                Sev::Info,
                format!("`{kw}: {w}` {}", self.lost()),
            ),
            (None, Some(r)) => self.emit(
                out,
                &format!("{code}_ADDED"),
                &p,
                Sev::Break,
                format!(
                    "`{kw}: {r}` {}: {}",
                    self.gained(),
                    self.rejected("values failing it")
                ),
            ),
            (Some(w), Some(r)) if w != r => self.emit(
                out,
                &format!("{code}_CHANGED"),
                &p,
                Sev::Break,
                format!(
                    "`{kw}` changed {}: {}",
                    self.old_to_new(w, r),
                    self.rejected("values failing it")
                ),
            ),
            _ => {}
        }
    }

    /// Optional subschema keyword (rows 3/4): added ❌ (unless trivial), removed ✅, both recurse.
    #[allow(clippy::too_many_arguments)]
    fn subschema(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        ro: &Map<String, Value>,
        rs: &Scope,
        kw: &str,
        codes: (&str, &str),
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let p = join(path, kw);
        match (wo.get(kw), ro.get(kw)) {
            (None, None) => {}
            (Some(_), None) => {
                let msg = format!("`{kw}` {}", self.lost());
                self.emit(out, codes.1, &p, Sev::Info, msg)
            }
            (None, Some(r)) if is_trivial(r) => {}
            (None, Some(_)) => self.emit(
                out,
                codes.0,
                &p,
                Sev::Break,
                format!(
                    "`{kw}` {}: it constrains values the {} schema did not",
                    self.gained(),
                    self.w()
                ),
            ),
            (Some(w), Some(r)) => self.check(w, &ws.child(kw), r, &rs.child(kw), &p, out),
        }
    }

    // ----- row 26: if/then/else -----

    fn conditionals(
        &mut self,
        wo: &Map<String, Value>,
        ws: &Scope,
        ro: &Map<String, Value>,
        rs: &Scope,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let p = join(path, "if");
        match (wo.get("if"), ro.get("if")) {
            (None, None) => {}
            (Some(_), None) => self.emit(
                out,
                "CONDITIONAL_REMOVED",
                &p,
                Sev::Info,
                format!("`if/then/else` {}", self.lost()),
            ),
            (None, Some(_)) => {
                if ro.contains_key("then") || ro.contains_key("else") {
                    self.emit(
                        out,
                        "CONDITIONAL_ADDED",
                        &p,
                        Sev::Break,
                        format!(
                            "`if/then/else` {}: {}",
                            self.gained(),
                            self.rejected("values failing it")
                        ),
                    );
                }
            }
            (Some(w), Some(r)) if !json_eq(w, r) => self.emit(
                out,
                "CONDITIONAL_CHANGED",
                &p,
                Sev::Break,
                "`if` condition changed".into(),
            ),
            (Some(_), Some(_)) => {
                for (kw, code) in [("then", "THEN"), ("else", "ELSE")] {
                    let added = format!("{code}_ADDED");
                    let removed = format!("{code}_REMOVED");
                    self.subschema(wo, ws, ro, rs, kw, (&added, &removed), path, out);
                }
            }
        }
    }

    // ----- row 27 -----

    fn unknown(
        &self,
        wo: &Map<String, Value>,
        ro: &Map<String, Value>,
        path: &str,
        out: &mut Vec<Change>,
    ) {
        let known = |k: &str| {
            HANDLED.contains(&k)
                || STRUCTURAL.contains(&k)
                || ANNOTATIONS.iter().any(|(a, _)| *a == k)
        };
        let keys = wo.keys().chain(ro.keys().filter(|k| !wo.contains_key(*k)));
        for (i, k) in keys.filter(|k| !known(k)).enumerate() {
            if self.stop_at(i) {
                return;
            }
            if wo.get(k) != ro.get(k) {
                self.emit(
                    out,
                    UNVERIFIABLE_KEYWORD_CHANGED,
                    &join(path, k),
                    Sev::Info,
                    format!("unknown keyword `{k}` changed; its effect cannot be verified"),
                );
            }
        }
    }
}

/// Rows 7/8 improvement for numeric bounds: `minimum: m` is implied by `exclusiveMinimum ≥ m`
/// (and mirror cases). Returns the describing keyword when implied.
fn implied_bound(kw: &str, r: &Value, wo: &Map<String, Value>) -> Option<String> {
    use std::cmp::Ordering::*;
    let (other, strict_needed, is_max) = match kw {
        "minimum" => ("exclusiveMinimum", false, false),
        "maximum" => ("exclusiveMaximum", false, true),
        "exclusiveMinimum" => ("minimum", true, false),
        "exclusiveMaximum" => ("maximum", true, true),
        _ => return None,
    };
    let w = wo.get(other)?;
    let ord = decimal::cmp_numbers(w.as_number()?, r.as_number()?)?;
    let ok = match (is_max, strict_needed) {
        (false, false) => ord != Less,
        (false, true) => ord == Greater,
        (true, false) => ord != Greater,
        (true, true) => ord == Less,
    };
    ok.then(|| format!("`{other}: {w}`"))
}

/// 2019-09+: `$ref` siblings apply together with the target.
/// Whether a schema below the root (`top` false) has a `$id` that changes the base URI. Data
/// keywords (`enum`, `const`, `default`, `examples`) hold instances, not schemas; the keys of
/// `properties` and the like are names, not keywords.
fn has_embedded_base(v: &Value, top: bool) -> bool {
    fn schema(v: &Value, top: bool) -> bool {
        let Value::Object(o) = v else {
            return false;
        };
        o.iter().any(|(k, v)| match (k.as_str(), v) {
            ("$id", Value::String(id)) => !top && !id.starts_with('#'),
            ("enum" | "const" | "default" | "examples", _) => false,
            (
                "properties" | "patternProperties" | "definitions" | "$defs" | "dependencies"
                | "dependentSchemas",
                Value::Object(named),
            ) => named.values().any(|v| schema(v, false)),
            (_, Value::Array(a)) => a.iter().any(|v| schema(v, false)),
            _ => schema(v, false),
        })
    }
    schema(v, top)
}

/// The JSON pointer of the one subschema of `root` that declares the plain-name anchor `name`:
/// by the document's dialect first (`$anchor` when `modern`, else `$id`/`id` `#name`), then by
/// the other form. Values of `enum`, `const`, `default` and `examples` are data, not schemas.
fn find_anchor(root: &Value, name: &str, modern: bool) -> Result<String, String> {
    /// Whether a subschema declares the anchor (in one of the two forms).
    type Declares<'a> = &'a dyn Fn(&Map<String, Value>) -> bool;
    fn walk(v: &Value, ptr: &str, declares: Declares<'_>, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                if declares(o) {
                    out.push(ptr.to_string());
                }
                for (k, child) in o {
                    if !matches!(k.as_str(), "enum" | "const" | "default" | "examples") {
                        walk(child, &join(ptr, k), declares, out);
                    }
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    walk(child, &join(ptr, &i.to_string()), declares, out);
                }
            }
            _ => {}
        }
    }
    let by_anchor = |o: &Map<String, Value>| o.get("$anchor").and_then(Value::as_str) == Some(name);
    let by_id = |o: &Map<String, Value>| {
        ["$id", "id"].iter().any(|k| {
            o.get(*k)
                .and_then(Value::as_str)
                .and_then(|id| id.strip_prefix('#'))
                == Some(name)
        })
    };
    let forms: [Declares<'_>; 2] = if modern {
        [&by_anchor, &by_id]
    } else {
        [&by_id, &by_anchor]
    };
    for declares in forms {
        let mut found = Vec::new();
        walk(root, "", declares, &mut found);
        match found.len() {
            0 => continue,
            1 => return Ok(found.remove(0)),
            _ => {
                return Err(format!(
                    "the anchor `{name}` is declared more than once ({})",
                    found.join(", ")
                ))
            }
        }
    }
    Err(format!("no subschema declares the anchor `{name}`"))
}

/// Whether a `$ref` holder's siblings contain a `$ref` of their own.
fn mentions_ref(holder: &Value) -> bool {
    fn any_ref(v: &Value) -> bool {
        match v {
            Value::Object(o) => o.iter().any(|(k, v)| k == "$ref" || any_ref(v)),
            Value::Array(a) => a.iter().any(any_ref),
            _ => false,
        }
    }
    holder
        .as_object()
        .is_some_and(|h| h.iter().any(|(k, v)| k != "$ref" && any_ref(v)))
}

/// Whether [`merge_ref_siblings`] would add anything to the target.
fn has_ref_siblings(holder: &Value) -> bool {
    holder.as_object().is_some_and(|h| {
        h.keys()
            .any(|k| k != "$ref" && !STRUCTURAL.contains(&k.as_str()))
    })
}

fn merge_ref_siblings(holder: &Value, target: Value) -> Value {
    let Some(h) = holder.as_object() else {
        return target;
    };
    let siblings: Map<String, Value> = h
        .iter()
        .filter(|(k, _)| *k != "$ref" && !STRUCTURAL.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if siblings.is_empty() {
        return target;
    }
    match target {
        Value::Object(mut t) if siblings.keys().all(|k| !t.contains_key(k)) => {
            t.extend(siblings);
            Value::Object(t)
        }
        other => serde_json::json!({ "allOf": [other, Value::Object(siblings)] }),
    }
}

/// Minimal percent-decoding for JSON-pointer fragments (`%25`, `%7E`, …).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let h = bytes.get(i + 1).and_then(|b| hex(*b));
        let l = bytes.get(i + 2).and_then(|b| hex(*b));
        if let (b'%', Some(h), Some(l)) = (bytes[i], h, l) {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}
