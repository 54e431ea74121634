//! A small, exact-or-unknown JSON Schema validator used for the enum/const improvement of
//! rows 12/13: when the writer only admits a finite set of values, validating each value
//! against the reader schema decides compatibility exactly.
//!
//! Three-valued: `Some(true)` valid, `Some(false)` invalid, `None` = cannot tell (a `$ref`,
//! an unsupported keyword or regex). Callers must treat `None` as "not proven".

use super::decimal::{cmp_numbers, is_integer, number_is_multiple};
use super::empty::ValueSet;
use super::regex::is_match;
use super::{json_eq, type_matches};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::marker::PhantomData;

/// Keywords that never affect validation.
const IGNORED: &[&str] = &[
    "title",
    "description",
    "$comment",
    "examples",
    "default",
    "$id",
    "$schema",
    "definitions",
    "$defs",
    "readOnly",
    "writeOnly",
    "deprecated",
    "$anchor",
];

/// `enum` arrays at least this long are looked up through a hash set (built once).
const INDEX_ENUMS_FROM: usize = 16;

/// A validator for schemas that live at least as long as it (`'s`): large `enum` arrays are
/// indexed once (keyed by their address, stable for `'s`), so validating many values against
/// the same schema is linear rather than quadratic.
pub struct Validator<'s> {
    enums: RefCell<HashMap<usize, ValueSet<'s>>>,
    _schemas: PhantomData<&'s Value>,
}

impl<'s> Validator<'s> {
    pub fn new() -> Validator<'s> {
        Validator {
            enums: RefCell::new(HashMap::new()),
            _schemas: PhantomData,
        }
    }

    /// Validate `v` against schema `s` (see module doc for the three-valued result).
    pub fn validate(&self, v: &Value, s: &'s Value) -> Option<bool> {
        match s {
            Value::Bool(b) => Some(*b),
            Value::Object(o) => self.validate_object(v, o),
            _ => None,
        }
    }

    /// Validate `v` against the schema object `o`.
    pub fn validate_object(&self, v: &Value, o: &'s Map<String, Value>) -> Option<bool> {
        self.validate_object_but(v, o, &[])
    }

    /// [`Validator::validate_object`] leaving out keywords `skip` (e.g. the `enum` a value
    /// was taken from).
    pub fn validate_object_but(
        &self,
        v: &Value,
        o: &'s Map<String, Value>,
        skip: &[&str],
    ) -> Option<bool> {
        let mut unknown = false;
        for (k, kv) in o {
            if IGNORED.contains(&k.as_str()) || skip.contains(&k.as_str()) {
                continue;
            }
            match self.keyword(v, k, kv, o) {
                Some(false) => return Some(false),
                Some(true) => {}
                None => unknown = true,
            }
        }
        if unknown {
            None
        } else {
            Some(true)
        }
    }

    fn in_enum(&self, v: &Value, values: &'s [Value]) -> bool {
        if values.len() < INDEX_ENUMS_FROM {
            return values.iter().any(|e| json_eq(e, v));
        }
        let key = values.as_ptr() as usize;
        let mut enums = self.enums.borrow_mut();
        enums
            .entry(key)
            .or_insert_with(|| ValueSet::new(values))
            .contains(v)
    }

    fn keyword(
        &self,
        v: &Value,
        k: &str,
        kv: &'s Value,
        o: &'s Map<String, Value>,
    ) -> Option<bool> {
        match k {
            "type" => type_keyword(v, kv),
            "enum" => Some(self.in_enum(v, kv.as_array()?)),
            "const" => Some(json_eq(kv, v)),
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf" => {
                numeric(v, k, kv)
            }
            "minLength" | "maxLength" | "pattern" | "format" => string(v, k, kv),
            "minItems" | "maxItems" | "uniqueItems" | "items" | "additionalItems" => {
                self.array(v, k, kv, o)
            }
            "required"
            | "properties"
            | "additionalProperties"
            | "patternProperties"
            | "minProperties"
            | "maxProperties" => self.object(v, k, kv, o),
            "allOf" => all(kv.as_array()?.iter().map(|s| self.validate(v, s))),
            "anyOf" => self.any_of(v, kv.as_array()?),
            "oneOf" => self.one_of(v, kv.as_array()?),
            "not" => self.validate(v, kv).map(|b| !b),
            _ => None,
        }
    }

    fn any_of(&self, v: &Value, bs: &'s [Value]) -> Option<bool> {
        let mut unknown = false;
        for b in bs {
            match self.validate(v, b) {
                Some(true) => return Some(true),
                None => unknown = true,
                Some(false) => {}
            }
        }
        if unknown {
            None
        } else {
            Some(false)
        }
    }

    fn one_of(&self, v: &Value, bs: &'s [Value]) -> Option<bool> {
        let mut count = 0;
        for b in bs {
            if self.validate(v, b)? {
                count += 1;
            }
        }
        Some(count == 1)
    }

    fn array(&self, v: &Value, k: &str, kv: &'s Value, o: &'s Map<String, Value>) -> Option<bool> {
        let Value::Array(a) = v else {
            return Some(true);
        };
        match k {
            "minItems" => Some(a.len() as u64 >= kv.as_u64()?),
            "maxItems" => Some(a.len() as u64 <= kv.as_u64()?),
            "uniqueItems" => {
                if !kv.as_bool()? {
                    return Some(true);
                }
                // Hashed under `json_eq`: linear.
                let mut seen = ValueSet::new([]);
                Some(a.iter().all(|x| seen.insert(x)))
            }
            "items" => match kv {
                Value::Array(tuple) => all(a.iter().zip(tuple).map(|(x, s)| self.validate(x, s))),
                s => all(a.iter().map(|x| self.validate(x, s))),
            },
            _ => match o.get("items") {
                Some(Value::Array(tuple)) => {
                    all(a.iter().skip(tuple.len()).map(|x| self.validate(x, kv)))
                }
                _ => Some(true),
            },
        }
    }

    fn object(&self, v: &Value, k: &str, kv: &'s Value, o: &'s Map<String, Value>) -> Option<bool> {
        let Value::Object(m) = v else {
            return Some(true);
        };
        match k {
            "required" => Some(
                kv.as_array()?
                    .iter()
                    .all(|r| r.as_str().is_some_and(|r| m.contains_key(r))),
            ),
            "minProperties" => Some(m.len() as u64 >= kv.as_u64()?),
            "maxProperties" => Some(m.len() as u64 <= kv.as_u64()?),
            "properties" => {
                let props = kv.as_object()?;
                all(m
                    .iter()
                    .filter_map(|(name, x)| props.get(name).map(|s| self.validate(x, s))))
            }
            "patternProperties" => {
                let pats = kv.as_object()?;
                all(m.iter().flat_map(|(name, x)| {
                    pats.iter().map(move |(p, s)| match is_match(p, name)? {
                        true => self.validate(x, s),
                        false => Some(true),
                    })
                }))
            }
            _ => {
                let props = o.get("properties").and_then(Value::as_object);
                let pats = o.get("patternProperties").and_then(Value::as_object);
                all(m.iter().map(|(name, x)| {
                    if props.is_some_and(|p| p.contains_key(name)) {
                        return Some(true);
                    }
                    if let Some(pats) = pats {
                        for p in pats.keys() {
                            if is_match(p, name)? {
                                return Some(true);
                            }
                        }
                    }
                    self.validate(x, kv)
                }))
            }
        }
    }
}

fn all(results: impl Iterator<Item = Option<bool>>) -> Option<bool> {
    let mut unknown = false;
    for r in results {
        match r {
            Some(false) => return Some(false),
            None => unknown = true,
            Some(true) => {}
        }
    }
    if unknown {
        None
    } else {
        Some(true)
    }
}

fn type_keyword(v: &Value, kv: &Value) -> Option<bool> {
    match kv {
        Value::String(t) => Some(type_matches(v, t)),
        Value::Array(ts) => Some(
            ts.iter()
                .any(|t| t.as_str().is_some_and(|t| type_matches(v, t))),
        ),
        _ => None,
    }
}

fn numeric(v: &Value, k: &str, kv: &Value) -> Option<bool> {
    let Value::Number(n) = v else {
        return Some(true);
    };
    let bound = kv.as_number()?;
    if k == "multipleOf" {
        return number_is_multiple(n, bound);
    }
    let ord = cmp_numbers(n, bound)?;
    Some(match k {
        "minimum" => ord != Ordering::Less,
        "maximum" => ord != Ordering::Greater,
        "exclusiveMinimum" => ord == Ordering::Greater,
        _ => ord == Ordering::Less,
    })
}

fn string(v: &Value, k: &str, kv: &Value) -> Option<bool> {
    let Value::String(s) = v else {
        return Some(true);
    };
    let len = s.chars().count() as u64;
    match k {
        "minLength" => Some(len >= kv.as_u64()?),
        "maxLength" => Some(len <= kv.as_u64()?),
        "pattern" => is_match(kv.as_str()?, s),
        // Formats are asserted by this tool but not implemented by this validator.
        _ => None,
    }
}

/// True when `n` is an integer in the JSON Schema sense.
pub fn number_is_integer(n: &serde_json::Number) -> bool {
    is_integer(n)
}
