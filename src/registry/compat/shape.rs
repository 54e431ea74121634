//! Shape validation of schema keywords. A keyword with a malformed value cannot be
//! reasoned about, so the comparison reports `UNSUPPORTED_SCHEMA` instead of guessing.

use serde_json::{Map, Value};

/// Keywords whose value must be a schema (object or boolean).
const SCHEMA_KWS: &[&str] = &[
    "additionalProperties",
    "unevaluatedProperties",
    "additionalItems",
    "unevaluatedItems",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
];
/// Keywords whose value must be an object mapping names to schemas.
const SCHEMA_MAP_KWS: &[&str] = &["properties", "patternProperties", "dependentSchemas"];
/// Keywords whose value must be a non-empty array of schemas.
const SCHEMA_LIST_KWS: &[&str] = &["anyOf", "oneOf", "allOf", "prefixItems"];
/// Keywords whose value must be a non-negative integer.
const COUNT_KWS: &[&str] = &[
    "maxLength",
    "minLength",
    "maxItems",
    "minItems",
    "maxProperties",
    "minProperties",
    "maxContains",
    "minContains",
];
/// Keywords whose value must be a number.
const NUMBER_KWS: &[&str] = &["maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum"];
/// Keywords whose value must be a string.
const STRING_KWS: &[&str] = &["pattern", "format", "contentEncoding", "contentMediaType"];

fn is_schema(v: &Value) -> bool {
    v.is_object() || v.is_boolean()
}

fn string_list(v: &Value) -> bool {
    v.as_array().is_some_and(|a| a.iter().all(Value::is_string))
}

/// Why keyword `k` with value `v` is malformed, if it is.
fn keyword_problem(k: &str, v: &Value) -> Option<&'static str> {
    let ok = match k {
        _ if SCHEMA_KWS.contains(&k) => is_schema(v),
        _ if SCHEMA_MAP_KWS.contains(&k) => {
            v.as_object().is_some_and(|m| m.values().all(is_schema))
        }
        _ if SCHEMA_LIST_KWS.contains(&k) => v
            .as_array()
            .is_some_and(|a| !a.is_empty() && a.iter().all(is_schema)),
        _ if COUNT_KWS.contains(&k) => {
            v.as_u64().is_some() || v.as_f64().is_some_and(|f| f >= 0.0 && f.fract() == 0.0)
        }
        _ if NUMBER_KWS.contains(&k) => v.is_number(),
        _ if STRING_KWS.contains(&k) => v.is_string(),
        "multipleOf" => v.as_f64().is_some_and(|f| f > 0.0),
        "items" => is_schema(v) || v.as_array().is_some_and(|a| a.iter().all(is_schema)),
        "enum" => v.is_array(),
        "required" => string_list(v),
        "uniqueItems" => v.is_boolean(),
        "dependentRequired" => v.as_object().is_some_and(|m| m.values().all(string_list)),
        "dependencies" => v
            .as_object()
            .is_some_and(|m| m.values().all(|d| is_schema(d) || string_list(d))),
        _ => true,
    };
    (!ok).then_some(match k {
        _ if SCHEMA_KWS.contains(&k) => "must be a schema (object or boolean)",
        _ if SCHEMA_MAP_KWS.contains(&k) => "must be an object of schemas",
        _ if SCHEMA_LIST_KWS.contains(&k) => "must be a non-empty array of schemas",
        _ if COUNT_KWS.contains(&k) => "must be a non-negative integer",
        _ if NUMBER_KWS.contains(&k) => {
            "must be a number (draft-04 boolean forms are not supported)"
        }
        _ if STRING_KWS.contains(&k) => "must be a string",
        "multipleOf" => "must be a number greater than 0",
        "items" => "must be a schema or an array of schemas",
        "enum" => "must be an array",
        "required" => "must be an array of strings",
        "uniqueItems" => "must be a boolean",
        _ => "has a malformed value",
    })
}

/// First malformed keyword of a schema object, as (keyword, reason).
pub fn problem(o: &Map<String, Value>) -> Option<(String, &'static str)> {
    o.iter()
        .find_map(|(k, v)| keyword_problem(k, v).map(|why| (k.clone(), why)))
}

#[cfg(test)]
mod tests {
    use super::problem;
    use serde_json::json;

    #[test]
    fn detects_malformed_keywords() {
        let bad = [
            json!({"enum": "a"}),
            json!({"additionalProperties": 5}),
            json!({"anyOf": []}),
            json!({"maxLength": -1}),
            json!({"maximum": true}),
            json!({"multipleOf": 0}),
            json!({"properties": {"a": 1}}),
            json!({"dependencies": {"a": "b"}}),
        ];
        for b in bad {
            assert!(problem(b.as_object().unwrap()).is_some(), "{b}");
        }
        let good =
            json!({"type": "string", "maxLength": 3, "enum": ["a"], "items": [true], "x-ext": 1});
        assert!(problem(good.as_object().unwrap()).is_none());
    }
}
