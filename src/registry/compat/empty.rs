//! Two semantic notions the keyword-by-keyword rules need:
//!
//! - **Subschemas that accept nothing** (`false`, `allOf` of a number and a string, `enum: []`,
//!   `not: {}`, `minimum > maximum` on a number-only schema…). A writer that accepts nothing
//!   is compatible with any reader; a tuple position or property that accepts nothing can be
//!   removed from a closed model. Decided through an over-approximation of the JSON types a
//!   schema can accept: when even the over-approximation is empty, the schema is empty. It
//!   never claims "empty" for a schema that accepts something.
//! - **Equivalent subschemas**: two branches with the same canonical form (key order, number
//!   spelling and top-level annotations ignored). Used to drop duplicate `allOf`/`anyOf`
//!   branches, which never change what a combinator accepts.
//!
//! Both are bounded: only combinators and `$ref`s are followed (not properties or items), to
//! a fixed depth, with a node budget; when a bound is hit the answer is "may accept anything".

use super::*;

/// How deep combinators/`$ref`s are followed when computing possible types.
const TYPES_DEPTH: usize = 16;
/// Nodes visited per [`Ctx::possible_types`] call before giving up (answer: all types).
const TYPES_BUDGET: usize = 2_000;

impl Ctx<'_> {
    /// True when schema `v` provably accepts no instance at all.
    pub(super) fn accepts_nothing(&mut self, v: &Value, scope: &Scope) -> bool {
        match v {
            Value::Bool(b) => !b,
            Value::Object(_) => {
                let mut budget = TYPES_BUDGET;
                self.possible_types(v, scope, 0, &mut budget) == 0
            }
            _ => false,
        }
    }

    /// A superset of the JSON types (bits `T_*`) of the instances `v` accepts.
    pub(super) fn possible_types(
        &mut self,
        v: &Value,
        scope: &Scope,
        depth: usize,
        budget: &mut usize,
    ) -> u8 {
        if *budget == 0 || depth > TYPES_DEPTH {
            return T_ALL;
        }
        *budget -= 1;
        let o = match v {
            Value::Bool(true) => return T_ALL,
            Value::Bool(false) => return 0,
            Value::Object(o) => o,
            _ => return T_ALL,
        };
        if o.contains_key("$ref") {
            return match self.deref(v, scope) {
                Ok((t, ts, _)) => self.possible_types(&t, &ts, depth + 1, budget),
                Err(_) => T_ALL,
            };
        }
        if UNSUPPORTED.iter().any(|k| o.contains_key(*k)) || shape::problem(o).is_some() {
            return T_ALL;
        }
        let mut t = type_set(o).unwrap_or(T_ALL);
        if let Some(vals) = finite_values(o) {
            t &= vals.iter().fold(0, |acc, x| acc | value_type_bits(x));
        }
        t &= !empty_ranges(o);
        if let Some(Value::Array(bs)) = o.get("allOf") {
            for (i, b) in bs.iter().enumerate() {
                if t == 0 {
                    break;
                }
                t &= self.possible_types(
                    b,
                    &scope.child("allOf").child(&i.to_string()),
                    depth + 1,
                    budget,
                );
            }
        }
        for kw in ["anyOf", "oneOf"] {
            if let Some(Value::Array(bs)) = o.get(kw) {
                let mut u = 0;
                for (i, b) in bs.iter().enumerate() {
                    if u & t == t {
                        break; // already covers every type still possible
                    }
                    u |= self.possible_types(
                        b,
                        &scope.child(kw).child(&i.to_string()),
                        depth + 1,
                        budget,
                    );
                }
                t &= u;
            }
        }
        if o.get("not").is_some_and(is_trivial) {
            t = 0;
        }
        // `integer` is a subtype of `number`: a bit set holding only T_NUM still admits
        // non-integers, and one holding only T_INT admits integers; both are non-empty.
        t
    }

    /// True when no two schemas of `branches` (each read in its scope) can accept the same
    /// instance, judged by their possible types. Linear in the number of branches.
    pub(super) fn disjoint_by_type(&mut self, branches: &[(Value, Scope)]) -> Option<Vec<u8>> {
        let mut seen = 0u8;
        let mut types = Vec::with_capacity(branches.len());
        for (b, sc) in branches {
            let mut budget = TYPES_BUDGET;
            let t = self.possible_types(b, sc, 0, &mut budget);
            if t & seen != 0 {
                return None;
            }
            seen |= t;
            types.push(t);
        }
        Some(types)
    }
}

/// Type groups whose own bounds exclude every value (e.g. `minLength` > `maxLength`).
fn empty_ranges(o: &Map<String, Value>) -> u8 {
    use std::cmp::Ordering::*;
    let mut out = 0;
    let cmp = |lo: &str, hi: &str| -> Option<std::cmp::Ordering> {
        let (a, b) = (o.get(lo)?.as_number()?, o.get(hi)?.as_number()?);
        decimal::cmp_numbers(a, b)
    };
    for (lo, hi, group) in [
        ("minLength", "maxLength", T_STR),
        ("minItems", "maxItems", T_ARR),
        ("minProperties", "maxProperties", T_OBJ),
        ("minimum", "maximum", T_NUMS),
    ] {
        if cmp(lo, hi) == Some(Greater) {
            out |= group;
        }
    }
    for (lo, hi) in [
        ("exclusiveMinimum", "maximum"),
        ("minimum", "exclusiveMaximum"),
        ("exclusiveMinimum", "exclusiveMaximum"),
    ] {
        // Draft-04 boolean forms are not numbers and are skipped by `cmp`.
        if matches!(cmp(lo, hi), Some(Greater | Equal)) {
            out |= T_NUMS;
        }
    }
    out
}

/// Canonical text of a schema: object keys sorted, numbers by value, and the annotations of
/// the top level left out. Equal texts mean equivalent schemas (the converse does not hold).
pub(super) fn canonical(v: &Value) -> String {
    canonical_text(v, true)
}

/// Canonical text of a JSON value: equal texts exactly when [`json_eq`] holds (object keys
/// sorted, numbers by value, so `1` and `1.0` give the same text). Used to hash value sets.
pub(crate) fn canonical_value(v: &Value) -> String {
    match v {
        // The first character tells the kind of value; after `"` the rest of a top-level
        // string needs no escaping to stay unambiguous (and skipping it is cheaper).
        Value::String(s) => {
            let mut out = String::with_capacity(s.len() + 1);
            out.push('"');
            out.push_str(s);
            out
        }
        _ => canonical_text(v, false),
    }
}

#[cfg(test)]
thread_local! {
    /// Values written as canonical text on this thread: tests measure work with it, not time.
    pub(super) static CANONICAL_NODES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn canonical_text(v: &Value, skip_top_annotations: bool) -> String {
    fn write(v: &Value, top: bool, out: &mut String) {
        #[cfg(test)]
        CANONICAL_NODES.with(|n| n.set(n.get() + 1));
        match v {
            Value::Object(o) => {
                let mut keys: Vec<&String> = o
                    .keys()
                    .filter(|k| !(top && ANNOTATIONS.iter().any(|(a, _)| a == k)))
                    .collect();
                keys.sort();
                out.push('{');
                for k in keys {
                    out.push_str(&Value::String(k.clone()).to_string());
                    out.push(':');
                    write(&o[k], false, out);
                    out.push(',');
                }
                out.push('}');
            }
            Value::Array(a) => {
                out.push('[');
                for x in a {
                    write(x, false, out);
                    out.push(',');
                }
                out.push(']');
            }
            Value::Number(n) => out.push_str(&decimal::canonical_number(n)),
            other => out.push_str(&other.to_string()),
        }
    }
    let mut s = String::new();
    write(v, skip_top_annotations, &mut s);
    s
}

/// Hash key of a JSON value under [`json_eq`]: scalars borrowed or as a normalised decimal
/// (no allocation: this is the inner loop of a million-value `enum`), arrays and objects by
/// their [`canonical_value`] text.
#[derive(PartialEq, Eq, Hash)]
enum Key<'a> {
    Null,
    Bool(bool),
    Str(&'a str),
    Num(decimal::Dec),
    Text(String),
}

fn key(v: &Value) -> Key<'_> {
    match v {
        Value::Null => Key::Null,
        Value::Bool(b) => Key::Bool(*b),
        Value::String(s) => Key::Str(s),
        Value::Number(n) => match decimal::Dec::from_number(n) {
            Some(d) => Key::Num(d),
            None => Key::Text(canonical_value(v)),
        },
        _ => Key::Text(canonical_value(v)),
    }
}

/// A set of JSON values under [`json_eq`] (numbers by value), hashed by [`Key`]: building it
/// and each lookup are linear in the size of the values involved.
pub(crate) struct ValueSet<'a> {
    keys: HashSet<Key<'a>>,
}

impl<'a> ValueSet<'a> {
    pub(crate) fn new(values: impl IntoIterator<Item = &'a Value>) -> ValueSet<'a> {
        ValueSet {
            keys: values.into_iter().map(key).collect(),
        }
    }

    /// Add `v`; false when an equal value was already there.
    pub(crate) fn insert(&mut self, v: &'a Value) -> bool {
        self.keys.insert(key(v))
    }

    pub(crate) fn contains(&self, v: &Value) -> bool {
        let keys: &HashSet<Key<'_>> = &self.keys;
        keys.contains(&key(v))
    }
}

impl Ctx<'_> {
    /// [`ValueSet`] of `values`, or `None` when cancelled while building it.
    pub(super) fn value_set<'a>(&self, values: &[&'a Value]) -> Option<ValueSet<'a>> {
        let mut set = ValueSet {
            keys: HashSet::with_capacity(values.len()),
        };
        for (i, v) in values.iter().enumerate() {
            if self.stop_at(i) {
                return None;
            }
            set.insert(v);
        }
        Some(set)
    }
}

/// Indices of `branches` without later duplicates (same [`canonical`] form), in order.
/// Linear in the total size of the branches (hashing).
pub(super) fn distinct(branches: &[Value]) -> Vec<usize> {
    let mut seen = HashSet::new();
    (0..branches.len())
        .filter(|&i| seen.insert(canonical(&branches[i])))
        .collect()
}
