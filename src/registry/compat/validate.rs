//! A small, exact-or-unknown JSON Schema validator used for the enum/const improvement of
//! rows 12/13: when the writer only admits a finite set of values, validating each value
//! against the reader schema decides compatibility exactly.
//!
//! Three-valued: `Some(true)` valid, `Some(false)` invalid, `None` = cannot tell (a `$ref`,
//! an unsupported keyword or regex). Callers must treat `None` as "not proven".

use super::decimal::{cmp_numbers, is_integer, number_is_multiple};
use super::regex::is_match;
use super::{json_eq, type_matches};
use serde_json::{Map, Value};
use std::cmp::Ordering;

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

/// Validate `v` against schema `s` (see module doc for the three-valued result).
pub fn validate(v: &Value, s: &Value) -> Option<bool> {
    match s {
        Value::Bool(b) => Some(*b),
        Value::Object(o) => validate_object(v, o),
        _ => None,
    }
}

fn validate_object(v: &Value, o: &Map<String, Value>) -> Option<bool> {
    let mut unknown = false;
    for (k, kv) in o {
        if IGNORED.contains(&k.as_str()) {
            continue;
        }
        match keyword(v, k, kv, o) {
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

fn keyword(v: &Value, k: &str, kv: &Value, o: &Map<String, Value>) -> Option<bool> {
    match k {
        "type" => type_keyword(v, kv),
        "enum" => Some(kv.as_array()?.iter().any(|e| json_eq(e, v))),
        "const" => Some(json_eq(kv, v)),
        "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf" => {
            numeric(v, k, kv)
        }
        "minLength" | "maxLength" | "pattern" | "format" => string(v, k, kv),
        "minItems" | "maxItems" | "uniqueItems" | "items" | "additionalItems" => array(v, k, kv, o),
        "required"
        | "properties"
        | "additionalProperties"
        | "patternProperties"
        | "minProperties"
        | "maxProperties" => object(v, k, kv, o),
        "allOf" => all(kv.as_array()?.iter().map(|s| validate(v, s))),
        "anyOf" => any_of(v, kv.as_array()?),
        "oneOf" => one_of(v, kv.as_array()?),
        "not" => validate(v, kv).map(|b| !b),
        _ => None,
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

fn any_of(v: &Value, bs: &[Value]) -> Option<bool> {
    let mut unknown = false;
    for b in bs {
        match validate(v, b) {
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

fn one_of(v: &Value, bs: &[Value]) -> Option<bool> {
    let mut count = 0;
    for b in bs {
        if validate(v, b)? {
            count += 1;
        }
    }
    Some(count == 1)
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

fn array(v: &Value, k: &str, kv: &Value, o: &Map<String, Value>) -> Option<bool> {
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
            Some(
                !a.iter()
                    .enumerate()
                    .any(|(i, x)| a[i + 1..].iter().any(|y| json_eq(x, y))),
            )
        }
        "items" => match kv {
            Value::Array(tuple) => all(a.iter().zip(tuple).map(|(x, s)| validate(x, s))),
            s => all(a.iter().map(|x| validate(x, s))),
        },
        _ => match o.get("items") {
            Some(Value::Array(tuple)) => all(a.iter().skip(tuple.len()).map(|x| validate(x, kv))),
            _ => Some(true),
        },
    }
}

fn object(v: &Value, k: &str, kv: &Value, o: &Map<String, Value>) -> Option<bool> {
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
                .filter_map(|(name, x)| props.get(name).map(|s| validate(x, s))))
        }
        "patternProperties" => {
            let pats = kv.as_object()?;
            all(m.iter().flat_map(|(name, x)| {
                pats.iter().map(move |(p, s)| match is_match(p, name)? {
                    true => validate(x, s),
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
                validate(x, kv)
            }))
        }
    }
}

/// True when `n` is an integer in the JSON Schema sense.
pub fn number_is_integer(n: &serde_json::Number) -> bool {
    is_integer(n)
}
