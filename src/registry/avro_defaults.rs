//! Field defaults that never finish: a guard run before apache-avro parses a schema.
//!
//! apache-avro checks each field's default while it parses, by resolving the default against
//! the field's type; where a record's field default is itself a record default (`{}`) of a type
//! that reaches back to it, that resolution never ends and overflows the stack (found by the
//! compatibility property test: `{"name":"T1","fields":[{"name":"f2","type":[{"type":"map",…},
//! "T1"],"default":{}}]}`). Defaults over shared types can also multiply (two fields of the same
//! record type, each defaulting to `{}`, at every level), which ends only after billions of steps.
//!
//! So the schema is first parsed with every field default moved aside (into a custom attribute,
//! which apache-avro keeps and never resolves), and each default is then expanded here against
//! its field's type, trying every union branch and filling every missing record field from its
//! own default, as apache-avro's resolution may. An expansion deeper than [`MAX_NESTING`] or
//! longer than [`MAX_STEPS`] in all refuses the schema, naming the field; only a schema that
//! passes is parsed for real.

use apache_avro::schema::{Name, ResolvedSchema};
use apache_avro::Schema;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// The attribute a field's default is moved into for the first parse.
const ASIDE: &str = "x-evtctl-default-under-check";

/// Nested expansions deeper than this refuse the schema (apache-avro resolves with a dozen stack
/// frames per level).
const MAX_NESTING: usize = 48;

/// Expansion steps over all of a schema's defaults (each step is a few comparisons).
const MAX_STEPS: usize = 1_000_000;

/// `Err` names a field whose default cannot be expanded within the bounds, or is what apache-avro
/// says of the schema without its defaults. A text that is not JSON passes: the real parse then
/// reports it as usual.
pub fn check(text: &str, commons: &[String]) -> Result<(), String> {
    let Some(text) = set_defaults_aside(text) else {
        return Ok(());
    };
    let commons: Option<Vec<String>> = commons.iter().map(|c| set_defaults_aside(c)).collect();
    let Some(commons) = commons else {
        return Ok(());
    };
    let parsed = if commons.is_empty() {
        Schema::parse_str(&text).map(|s| (s, vec![]))
    } else {
        Schema::parse_str_with_list(&text, &commons)
    };
    // Without its defaults a schema has nothing apache-avro's parse could loop on, and what it
    // refuses then it refuses with them too (its parse checks a field's default before the
    // record around it, so the refusal must come from here).
    let (schema, commons) = parsed.map_err(|e| e.to_string())?;
    let mut all: Vec<&Schema> = commons.iter().collect();
    all.push(&schema);
    let resolved = ResolvedSchema::new_with_schemata(all.clone()).map_err(|e| e.to_string())?;
    let mut walk = Walk {
        names: resolved.get_names(),
        steps: 0,
        seen: HashSet::new(),
    };
    for s in all {
        walk.schema(s, 0)?;
    }
    Ok(())
}

/// The text with each record field's `default` renamed to [`ASIDE`]; `None` if it is not JSON.
fn set_defaults_aside(text: &str) -> Option<String> {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(o) => {
                if let Some(Value::Array(fields)) = o.get_mut("fields") {
                    for f in fields.iter_mut() {
                        if let Value::Object(f) = f {
                            if let Some(d) = f.remove("default") {
                                f.insert(ASIDE.into(), d);
                            }
                        }
                    }
                }
                o.values_mut().for_each(walk);
            }
            Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut v: Value = serde_json::from_str(text).ok()?;
    walk(&mut v);
    Some(v.to_string())
}

struct Walk<'a> {
    names: &'a HashMap<Name, &'a Schema>,
    steps: usize,
    /// Records whose fields' defaults were expanded.
    seen: HashSet<&'a Name>,
}

impl<'a> Walk<'a> {
    /// Expand the default of every field of every record in `s`.
    fn schema(&mut self, s: &'a Schema, depth: usize) -> Result<(), String> {
        if depth > 2 * crate::registry::avro::MAX_DEPTH {
            return Ok(());
        }
        match s {
            Schema::Record(r) => {
                if !self.seen.insert(&r.name) {
                    return Ok(());
                }
                for f in &r.fields {
                    // Types inside first, so that the field whose own default needs itself is
                    // the one named.
                    self.schema(&f.schema, depth + 1)?;
                    if let Some(d) = f.custom_attributes.get(ASIDE) {
                        self.expand(d, &f.schema, 0).map_err(|why| {
                            format!(
                                "the default of field `{}` in `{}` {why}",
                                f.name,
                                r.name.fullname(None)
                            )
                        })?;
                    }
                }
                Ok(())
            }
            Schema::Array(a) => self.schema(&a.items, depth + 1),
            Schema::Map(m) => self.schema(&m.types, depth + 1),
            Schema::Union(u) => u
                .variants()
                .iter()
                .try_for_each(|b| self.schema(b, depth + 1)),
            _ => Ok(()),
        }
    }

    /// Resolve default `v` against type `s` as apache-avro may, every way it may: only the
    /// effort matters here, not whether the value fits.
    fn expand(&mut self, v: &'a Value, s: &'a Schema, nesting: usize) -> Result<(), String> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return Err(format!(
                "takes more than {MAX_STEPS} steps to expand (defaults that repeat one another)"
            ));
        }
        if nesting > MAX_NESTING {
            return Err(format!(
                "expands deeper than {MAX_NESTING} levels (a record default that needs itself: give \
                 the recursive field a default that ends, such as null or [])"
            ));
        }
        match s {
            Schema::Ref { name } => match self.names.get(name) {
                Some(def) => self.expand(v, def, nesting),
                None => Ok(()),
            },
            Schema::Union(u) => u
                .variants()
                .iter()
                .try_for_each(|b| self.expand(v, b, nesting + 1)),
            Schema::Record(r) => {
                let Value::Object(o) = v else {
                    return Ok(());
                };
                for f in &r.fields {
                    match (o.get(&f.name), f.custom_attributes.get(ASIDE)) {
                        (Some(x), _) | (None, Some(x)) => self.expand(x, &f.schema, nesting + 1)?,
                        (None, None) => {}
                    }
                }
                Ok(())
            }
            Schema::Array(a) => match v {
                Value::Array(items) => items
                    .iter()
                    .try_for_each(|x| self.expand(x, &a.items, nesting + 1)),
                _ => Ok(()),
            },
            Schema::Map(m) => match v {
                Value::Object(o) => o
                    .values()
                    .try_for_each(|x| self.expand(x, &m.types, nesting + 1)),
                _ => Ok(()),
            },
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_default_that_needs_itself_is_refused_before_apache_avro_sees_it() {
        // The schema the property test found: apache-avro's parser overflowed the stack on it.
        let s = r#"{"type":"record","name":"T0","fields":[
            {"name":"f1","type":{"type":"record","name":"T1","fields":[
                {"name":"f2","type":[{"type":"map","values":"string"},"T1"],"default":{}}]},
             "default":{"f2":{}}}]}"#;
        let e = check(s, &[]).unwrap_err();
        assert!(e.contains("field `f2` in `T1`"), "{e}");
        assert!(e.contains("deeper than 48 levels"), "{e}");
    }

    #[test]
    fn a_schema_refused_without_its_defaults_is_refused_before_they_are_resolved() {
        // Seed 216284 of the property test: `T0` names field `f1` twice, but apache-avro checks
        // the default of `f3` (which loops through `T1`) before it gets to say so.
        let s = r#"{"type":"record","name":"T0","fields":[
            {"name":"f1","type":"long"},{"name":"f1","type":"T0"},
            {"name":"f3","default":{"f1":{}},"type":{"type":"record","name":"T1","fields":[
                {"name":"f1","default":{},"type":[{"type":"map","values":"int"},
                    {"type":"record","name":"T2","fields":[{"name":"f0","type":"T2"},
                        {"name":"f1","type":"T1"}]},"T1"]}]}}]}"#;
        assert_eq!(check(s, &[]).unwrap_err(), "Duplicate field name f1");
    }

    #[test]
    fn defaults_that_multiply_through_shared_types_are_refused() {
        // Two fields of the next type at each of 24 levels, each defaulting to `{}`: 2^24
        // expansions, fine for the schema text, hours for a resolver that follows them all.
        let mut s = r#"{"type":"record","name":"L24","fields":[]}"#.to_string();
        for i in (0..24).rev() {
            s = format!(
                r#"{{"type":"record","name":"L{i}","fields":[{{"name":"a","type":{s},"default":{{}}}},{{"name":"b","type":"L{}","default":{{}}}}]}}"#,
                i + 1
            );
        }
        let e = check(&s, &[]).unwrap_err();
        assert!(e.contains("more than 1000000 steps"), "{e}");
    }

    #[test]
    fn ordinary_and_recursive_schemas_with_ending_defaults_pass() {
        for s in [
            r#"{"type":"record","name":"Node","fields":[
                {"name":"v","type":"int","default":0},
                {"name":"next","type":["null","Node"],"default":null},
                {"name":"kids","type":{"type":"array","items":"Node"},"default":[]},
                {"name":"meta","type":{"type":"map","values":"Node"},"default":{}}]}"#,
            r#"{"type":"record","name":"A","fields":[
                {"name":"b","type":{"type":"record","name":"B","fields":[
                    {"name":"x","type":"long","default":1}]},"default":{}},
                {"name":"c","type":"B","default":{"x":2}}]}"#,
            "not json at all",
            r#""string""#,
        ] {
            assert_eq!(check(s, &[]), Ok(()), "{s}");
        }
    }

    #[test]
    fn defaults_in_common_types_are_checked_too() {
        let common = r#"{"type":"record","name":"C","fields":[
            {"name":"me","type":["string","C"],"default":{}}]}"#;
        let user = r#"{"type":"record","name":"U","fields":[{"name":"c","type":"C"}]}"#;
        let e = check(user, &[common.to_string()]).unwrap_err();
        assert!(e.contains("field `me` in `C`"), "{e}");
    }
}
