//! Tests of the Avro checker: a case of our own for every rule id, both directions, recursion,
//! aliases, nested locations, limits; and agreement with apache-avro's own resolution (data
//! written with the writer schema decodes with the reader schema wherever the verdict is
//! "compatible"), by hand-picked pairs and by a property test over generated pairs.

use super::{compare, compare_with, Side, MAX_DEPTH, RULES};
use crate::registry::compat::{is_compatible, Cancelled, Change, Mode};
use apache_avro::reader::datum::GenericDatumReader;
use apache_avro::schema::{ArraySchema, Name, RecordField, RecordSchema};
use apache_avro::types::Value;
use apache_avro::writer::datum::GenericDatumWriter;
use apache_avro::Schema;
use proptest::prelude::*;
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::AtomicBool;

fn parse(s: &str) -> Schema {
    Schema::parse_str(s).unwrap_or_else(|e| panic!("bad test schema {s}: {e}"))
}

fn run(old: &str, new: &str, mode: Mode) -> Vec<Change> {
    let never = AtomicBool::new(false);
    compare(&parse(old), &parse(new), mode, &never).unwrap()
}

/// A record `R` with the given fields (JSON text of the field list).
fn rec(fields: &str) -> String {
    format!(r#"{{"type":"record","name":"R","namespace":"ns","fields":[{fields}]}}"#)
}

/// The change with this rule at this path, which must be there exactly once.
fn find<'a>(changes: &'a [Change], rule: &str, path: &str) -> &'a Change {
    let hits: Vec<&Change> = changes
        .iter()
        .filter(|c| c.rule == rule && c.path == path)
        .collect();
    assert_eq!(hits.len(), 1, "want one {rule} at {path} in {changes:#?}");
    hits[0]
}

fn assert_break(changes: &[Change], rule: &str, path: &str) -> String {
    let c = find(changes, rule, path);
    assert!(c.breaking, "{c} should be breaking");
    c.message.clone()
}

fn assert_info(changes: &[Change], rule: &str, path: &str) -> String {
    let c = find(changes, rule, path);
    assert!(!c.breaking, "{c} should be compatible");
    c.message.clone()
}

// ----- data: writer values, and apache-avro as the oracle -----

/// splitmix64: a small deterministic random source.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A random value of schema `s` (references resolved through `names`); past `depth` 6 a
/// union takes its first non-record branch and arrays/maps are empty, so recursive types end.
fn sample(s: &Schema, names: &HashMap<String, &Schema>, rng: &mut Rng, depth: usize) -> Value {
    let deep = depth > 6;
    match s {
        Schema::Ref { name } => sample(names[name.as_ref()], names, rng, depth),
        Schema::Null => Value::Null,
        Schema::Boolean => Value::Boolean(rng.chance(50)),
        Schema::Int => Value::Int(rng.next() as i32 >> rng.below(31)),
        Schema::Long => Value::Long(rng.next() as i64 >> rng.below(63)),
        Schema::Float => Value::Float((rng.below(2000) as f32 - 1000.0) / 8.0),
        Schema::Double => Value::Double((rng.below(2000) as f64 - 1000.0) / 8.0),
        // ASCII: apache-avro reads bytes as a string only when they are UTF-8.
        Schema::Bytes => Value::Bytes(
            (0..rng.below(5))
                .map(|_| b'a' + rng.below(26) as u8)
                .collect(),
        ),
        Schema::String => Value::String(
            (0..rng.below(5))
                .map(|_| (b'a' + rng.below(26) as u8) as char)
                .collect(),
        ),
        Schema::Array(a) => {
            let n = if deep { 0 } else { rng.below(3) };
            Value::Array(
                (0..n)
                    .map(|_| sample(&a.items, names, rng, depth + 1))
                    .collect(),
            )
        }
        Schema::Map(m) => {
            let n = if deep { 0 } else { rng.below(3) };
            Value::Map(
                (0..n)
                    .map(|i| (format!("k{i}"), sample(&m.types, names, rng, depth + 1)))
                    .collect(),
            )
        }
        Schema::Union(u) => {
            let vs = u.variants();
            let i = if deep {
                vs.iter()
                    .position(|v| !matches!(v, Schema::Record(_) | Schema::Ref { .. }))
                    .unwrap_or(0)
            } else {
                rng.below(vs.len())
            };
            Value::Union(i as u32, Box::new(sample(&vs[i], names, rng, depth + 1)))
        }
        Schema::Record(r) => Value::Record(
            r.fields
                .iter()
                .map(|f| (f.name.clone(), sample(&f.schema, names, rng, depth + 1)))
                .collect(),
        ),
        Schema::Enum(e) => {
            let i = rng.below(e.symbols.len());
            Value::Enum(i as u32, e.symbols[i].clone())
        }
        Schema::Fixed(f) => Value::Fixed(f.size, (0..f.size).map(|_| rng.next() as u8).collect()),
        Schema::Decimal(d) => {
            let len = match &d.inner {
                apache_avro::schema::InnerDecimalSchema::Fixed(f) => f.size,
                // apache-avro refuses to read a bytes decimal shorter than its precision
                // needs (a quirk: the spec allows any length), so write the full width.
                apache_avro::schema::InnerDecimalSchema::Bytes => 16,
            };
            Value::Decimal(apache_avro::Decimal::from(
                (0..len).map(|_| (rng.below(64)) as u8).collect::<Vec<u8>>(),
            ))
        }
        Schema::Date => Value::Date(rng.below(30_000) as i32),
        Schema::TimeMillis => Value::TimeMillis(rng.below(86_400_000) as i32),
        Schema::TimeMicros => Value::TimeMicros(rng.below(86_400_000) as i64 * 1000),
        Schema::TimestampMillis => Value::TimestampMillis(rng.next() as i64 >> 20),
        Schema::TimestampMicros => Value::TimestampMicros(rng.next() as i64 >> 10),
        other => panic!("the test sampler does not generate {other:?}"),
    }
}

/// Write `count` random values with `writer` and read each with `reader` through apache-avro.
fn decodes(writer: &Schema, reader: &Schema, seed: u64, count: usize) -> Result<(), String> {
    let side = Side::new(writer, &[]);
    let mut rng = Rng(seed);
    for _ in 0..count {
        let v = sample(writer, &side.names, &mut rng, 0);
        let bytes = GenericDatumWriter::builder(writer)
            .build()
            .and_then(|w| w.write_value_to_vec(v.clone()))
            .map_err(|e| format!("cannot write {v:?}: {e}"))?;
        GenericDatumReader::builder(writer)
            .reader_schema(reader)
            .build()
            .and_then(|r| r.read_value(&mut bytes.as_slice()))
            .map_err(|e| {
                format!("{v:?} written with the writer does not read with the reader: {e}")
            })?;
    }
    Ok(())
}

/// The verdict in `mode` and apache-avro agree: compatible pairs decode (in the directions
/// the mode needs), and `expect` says which verdict the pair has.
fn agrees(old: &str, new: &str, mode: Mode, expect: bool) {
    let (o, n) = (parse(old), parse(new));
    let never = AtomicBool::new(false);
    let changes = compare(&o, &n, mode, &never).unwrap();
    assert_eq!(is_compatible(&changes), expect, "{mode}: {changes:#?}");
    let dirs: &[(&Schema, &Schema)] = match mode {
        Mode::Backward => &[(&o, &n)],
        Mode::Forward => &[(&n, &o)],
        _ => &[(&o, &n), (&n, &o)],
    };
    for (w, r) in dirs {
        let res = decodes(w, r, 7, 40);
        if expect {
            res.unwrap_or_else(|e| panic!("{mode} judged compatible but: {e}"));
        }
    }
}

// ----- one case (at least) per rule -----

#[test]
fn every_rule_id_is_in_the_catalogue_and_covered_here() {
    for (id, _) in RULES {
        assert!(crate::registry::compat::rules::find(id).is_some(), "{id}");
    }
    assert!(crate::registry::compat::rules::find("UNSUPPORTED_SCHEMA").is_some());
    // The tests below name every id; this list keeps new ids from going untested.
    let tested = [
        "TYPE_MISMATCH",
        "NAME_MISMATCH",
        "FIXED_SIZE_MISMATCH",
        "MISSING_ENUM_SYMBOLS",
        "MISSING_ENUM_SYMBOLS_WITH_DEFAULT",
        "ENUM_SYMBOLS_ADDED",
        "READER_FIELD_MISSING_DEFAULT_VALUE",
        "FIELD_ADDED_WITH_DEFAULT",
        "FIELD_REMOVED",
        "MISSING_UNION_BRANCH",
        "UNION_BRANCH_ADDED",
        "TYPE_PROMOTED",
        "RENAMED_WITH_ALIAS",
    ];
    assert_eq!(RULES.len(), tested.len());
    for (id, _) in RULES {
        assert!(tested.contains(id), "{id} has no test");
    }
}

#[test]
fn type_mismatch_both_directions() {
    let (old, new) = (
        rec(r#"{"name":"a","type":"int"}"#),
        rec(r#"{"name":"a","type":"string"}"#),
    );
    let b = run(&old, &new, Mode::Backward);
    let m = assert_break(&b, "TYPE_MISMATCH", "#/fields/0/type");
    assert!(
        m.contains("from int to string") && m.contains("the new schema cannot read"),
        "{m}"
    );
    let f = run(&old, &new, Mode::Forward);
    let m = assert_break(&f, "TYPE_MISMATCH", "#/fields/0/type");
    assert!(
        m.contains("from int to string") && m.contains("the old schema cannot read"),
        "{m}"
    );
    assert_eq!(run(&old, &new, Mode::Full).len(), 2);
    agrees(&old, &new, Mode::Backward, false);
    // A record where a primitive was: the root too.
    let r = run(r#""string""#, &rec(""), Mode::Backward);
    assert_break(&r, "TYPE_MISMATCH", "#/");
}

#[test]
fn promotions_are_compatible_one_way() {
    for (w, r) in [
        ("int", "long"),
        ("int", "float"),
        ("int", "double"),
        ("long", "float"),
        ("long", "double"),
        ("float", "double"),
        ("string", "bytes"),
        ("bytes", "string"),
    ] {
        let old = rec(&format!(r#"{{"name":"a","type":"{w}"}}"#));
        let new = rec(&format!(r#"{{"name":"a","type":"{r}"}}"#));
        let b = run(&old, &new, Mode::Backward);
        let m = assert_info(&b, "TYPE_PROMOTED", "#/fields/0/type");
        assert!(m.contains(&format!("from {w} to {r}")), "{m}");
        agrees(&old, &new, Mode::Backward, true);
        let f = run(&old, &new, Mode::Forward);
        let two_way = matches!((w, r), ("string", "bytes") | ("bytes", "string"));
        assert_eq!(is_compatible(&f), two_way, "{w}->{r} forward: {f:#?}");
        if !two_way {
            assert_break(&f, "TYPE_MISMATCH", "#/fields/0/type");
        }
    }
    // Not promotions: long→int, double→float, int→string.
    for (w, r) in [("long", "int"), ("double", "float"), ("int", "boolean")] {
        let old = rec(&format!(r#"{{"name":"a","type":"{w}"}}"#));
        let new = rec(&format!(r#"{{"name":"a","type":"{r}"}}"#));
        assert_break(
            &run(&old, &new, Mode::Backward),
            "TYPE_MISMATCH",
            "#/fields/0/type",
        );
    }
}

#[test]
fn name_mismatch_for_records_enums_and_fixed() {
    let old = r#"{"type":"record","name":"A","fields":[{"name":"e","type":{"type":"enum","name":"E","symbols":["X"]}},{"name":"f","type":{"type":"fixed","name":"F","size":4}}]}"#;
    let renamed_record = old.replace(r#""name":"A""#, r#""name":"B""#);
    let b = run(old, &renamed_record, Mode::Backward);
    let m = assert_break(&b, "NAME_MISMATCH", "#/name");
    assert!(m.contains("from `A` to `B`"), "{m}");
    assert_eq!(b.len(), 1, "no field noise after a name mismatch: {b:#?}");
    assert_break(
        &run(old, &renamed_record, Mode::Forward),
        "NAME_MISMATCH",
        "#/name",
    );

    let renamed_enum = old.replace(r#""name":"E""#, r#""name":"E2""#);
    assert_break(
        &run(old, &renamed_enum, Mode::Backward),
        "NAME_MISMATCH",
        "#/fields/0/type/name",
    );
    let renamed_fixed = old.replace(r#""name":"F""#, r#""name":"G""#);
    assert_break(
        &run(old, &renamed_fixed, Mode::Forward),
        "NAME_MISMATCH",
        "#/fields/1/type/name",
    );
    // A namespace change alone is fine: unqualified names match.
    let moved = old.replace(r#""name":"A""#, r#""name":"A","namespace":"other""#);
    assert!(run(old, &moved, Mode::Full).is_empty());
    agrees(old, &moved, Mode::Full, true);
}

#[test]
fn aliases_map_renamed_types_and_fields_for_the_reader_only() {
    let old = r#"{"type":"record","name":"ns.Old","fields":[{"name":"a","type":"int"},{"name":"e","type":{"type":"enum","name":"E","symbols":["X"]}}]}"#;
    let new = r#"{"type":"record","name":"ns.New","aliases":["ns.Old"],"fields":[{"name":"b","aliases":["a"],"type":"int"},{"name":"e","type":{"type":"enum","name":"E2","aliases":["E"],"symbols":["X"]}}]}"#;
    let b = run(old, new, Mode::Backward);
    assert!(is_compatible(&b), "{b:#?}");
    let m = assert_info(&b, "RENAMED_WITH_ALIAS", "#/name");
    assert!(m.contains("from `ns.Old` to `ns.New`"), "{m}");
    let m = assert_info(&b, "RENAMED_WITH_ALIAS", "#/fields/0");
    assert!(m.contains("from `a` to `b`"), "{m}");
    assert_info(&b, "RENAMED_WITH_ALIAS", "#/fields/1/type/name");
    // The old reader has no aliases for the new names.
    let f = run(old, new, Mode::Forward);
    assert_break(&f, "NAME_MISMATCH", "#/name");
    // Field alias only (same record name): forward the old reader misses `a`.
    let new_f = r#"{"type":"record","name":"ns.Old","fields":[{"name":"b","aliases":["a"],"type":"int"},{"name":"e","type":{"type":"enum","name":"E","symbols":["X"]}}]}"#;
    let f = run(old, new_f, Mode::Forward);
    let m = assert_break(&f, "READER_FIELD_MISSING_DEFAULT_VALUE", "#/fields/0");
    assert!(m.contains("field `a` removed"), "{m}");
    let m = assert_info(&f, "FIELD_REMOVED", "#/fields/0");
    assert!(m.contains("field `b` added"), "{m}");
    // An unqualified alias matches too.
    let new_u = new.replace(r#""aliases":["ns.Old"]"#, r#""aliases":["Old"]"#);
    assert!(is_compatible(&run(old, &new_u, Mode::Backward)));
}

#[test]
fn fixed_size_mismatch() {
    let old = rec(r#"{"name":"h","type":{"type":"fixed","name":"H","size":16}}"#);
    let new = rec(r#"{"name":"h","type":{"type":"fixed","name":"H","size":32}}"#);
    for mode in [Mode::Backward, Mode::Forward] {
        let c = run(&old, &new, mode);
        let m = assert_break(&c, "FIXED_SIZE_MISMATCH", "#/fields/0/type/size");
        assert!(m.contains("from 16 to 32"), "{m}");
    }
    agrees(&old, &old, Mode::Full, true);
}

#[test]
fn enum_symbols_removed_added_and_defaulted() {
    let e = |syms: &str, default: &str| {
        rec(&format!(
            r#"{{"name":"s","type":{{"type":"enum","name":"S","symbols":[{syms}]{default}}}}}"#
        ))
    };
    let abc = e(r#""A","B","C""#, "");
    let ab = e(r#""A","B""#, "");
    let b = run(&abc, &ab, Mode::Backward);
    let m = assert_break(&b, "MISSING_ENUM_SYMBOLS", "#/fields/0/type/symbols");
    assert!(m.contains("C removed"), "{m}");
    agrees(&abc, &ab, Mode::Backward, false);
    // The other way round the reader has more: compatible information.
    let f = run(&abc, &ab, Mode::Forward);
    let m = assert_info(&f, "ENUM_SYMBOLS_ADDED", "#/fields/0/type/symbols");
    assert!(m.contains("C removed"), "{m}");
    agrees(&abc, &ab, Mode::Forward, true);
    // Added symbols: backward fine, forward breaks (a partial match is a break).
    let abcd = e(r#""A","B","C","D""#, "");
    assert_info(
        &run(&abc, &abcd, Mode::Backward),
        "ENUM_SYMBOLS_ADDED",
        "#/fields/0/type/symbols",
    );
    let m = assert_break(
        &run(&abc, &abcd, Mode::Forward),
        "MISSING_ENUM_SYMBOLS",
        "#/fields/0/type/symbols",
    );
    assert!(m.contains("D added in the new schema"), "{m}");
    // A reader enum default takes the missing symbols.
    let ab_default = e(r#""A","B""#, r#","default":"A""#);
    let b = run(&abc, &ab_default, Mode::Backward);
    let m = assert_info(
        &b,
        "MISSING_ENUM_SYMBOLS_WITH_DEFAULT",
        "#/fields/0/type/symbols",
    );
    assert!(m.contains("default `A`"), "{m}");
    agrees(&abc, &ab_default, Mode::Backward, true);
    // FULL: both directions, both reported.
    let full = run(&abc, &abcd, Mode::Full);
    assert_eq!(full.len(), 2, "{full:#?}");
    assert!(!is_compatible(&full));
}

#[test]
fn fields_added_and_removed() {
    let one = rec(r#"{"name":"a","type":"int"}"#);
    let with_default =
        rec(r#"{"name":"a","type":"int"},{"name":"b","type":"string","default":"x"}"#);
    let without_default = rec(r#"{"name":"a","type":"int"},{"name":"b","type":"string"}"#);
    // Added with a default: compatible both ways.
    let m = assert_info(
        &run(&one, &with_default, Mode::Backward),
        "FIELD_ADDED_WITH_DEFAULT",
        "#/fields/1",
    );
    assert!(m.contains("field `b` added") && m.contains("\"x\""), "{m}");
    let m = assert_info(
        &run(&one, &with_default, Mode::Forward),
        "FIELD_REMOVED",
        "#/fields/1",
    );
    assert!(m.contains("field `b` added"), "{m}");
    agrees(&one, &with_default, Mode::Full, true);
    // Added without: backward breaks, forward is fine.
    let m = assert_break(
        &run(&one, &without_default, Mode::Backward),
        "READER_FIELD_MISSING_DEFAULT_VALUE",
        "#/fields/1",
    );
    assert!(m.contains("field `b` added"), "{m}");
    agrees(&one, &without_default, Mode::Backward, false);
    agrees(&one, &without_default, Mode::Forward, true);
    // Removed: backward fine (skipped), forward needs the old field's default.
    let m = assert_info(
        &run(&without_default, &one, Mode::Backward),
        "FIELD_REMOVED",
        "#/fields/1",
    );
    assert!(m.contains("field `b` removed"), "{m}");
    assert_break(
        &run(&without_default, &one, Mode::Forward),
        "READER_FIELD_MISSING_DEFAULT_VALUE",
        "#/fields/1",
    );
    agrees(&with_default, &one, Mode::Full, true);
    agrees(&without_default, &one, Mode::Forward, false);
    // A default that does not fit the first branch of a union is no default at all.
    for ty in [
        r#"["string","null"],"default":null"#,
        r#"["null","string"],"default":"x""#,
    ] {
        let bad = rec(&format!(
            r#"{{"name":"a","type":"int"}},{{"name":"b","type":{ty}}}"#
        ));
        let m = assert_break(
            &run(&one, &bad, Mode::Backward),
            "READER_FIELD_MISSING_DEFAULT_VALUE",
            "#/fields/1",
        );
        assert!(m.contains("does not fit its type"), "{m}");
    }
    let bad =
        rec(r#"{"name":"a","type":"int"},{"name":"b","type":["string","null"],"default":null}"#);
    assert!(decodes(&parse(&one), &parse(&bad), 1, 1).is_err());
    // Reordering is not a change.
    let swapped = rec(r#"{"name":"b","type":"string","default":"x"},{"name":"a","type":"int"}"#);
    assert!(run(&with_default, &swapped, Mode::Full).is_empty());
    agrees(&with_default, &swapped, Mode::Full, true);
}

#[test]
fn union_branches_missing_and_added() {
    let three = rec(r#"{"name":"u","type":["null","string","int"]}"#);
    let two = rec(r#"{"name":"u","type":["null","string"]}"#);
    let b = run(&three, &two, Mode::Backward);
    let m = assert_break(&b, "MISSING_UNION_BRANCH", "#/fields/0/type/2");
    assert!(
        m.contains("union branch int of the old schema removed"),
        "{m}"
    );
    agrees(&three, &two, Mode::Backward, false);
    let f = run(&three, &two, Mode::Forward);
    let m = assert_info(&f, "UNION_BRANCH_ADDED", "#/fields/0/type");
    assert!(m.contains("int removed"), "{m}");
    agrees(&three, &two, Mode::Forward, true);

    // A type that became a union: compatible backward, the new null branch breaks forward.
    let plain = rec(r#"{"name":"u","type":"string"}"#);
    let nullable = rec(r#"{"name":"u","type":["null","string"],"default":null}"#);
    let m = assert_info(
        &run(&plain, &nullable, Mode::Backward),
        "UNION_BRANCH_ADDED",
        "#/fields/0/type",
    );
    assert!(m.contains("from string to union [null, string]"), "{m}");
    agrees(&plain, &nullable, Mode::Backward, true);
    let f = run(&plain, &nullable, Mode::Forward);
    assert_break(&f, "MISSING_UNION_BRANCH", "#/fields/0/type/0");
    agrees(&plain, &nullable, Mode::Forward, false);
    // Union → single type (reader not a union): the branch the reader lacks breaks.
    assert_break(
        &run(&nullable, &plain, Mode::Backward),
        "MISSING_UNION_BRANCH",
        "#/fields/0/type/0",
    );
    // Non-union writer, reader union without a fitting branch.
    let int = rec(r#"{"name":"u","type":"boolean"}"#);
    let m = assert_break(
        &run(&int, &two, Mode::Backward),
        "MISSING_UNION_BRANCH",
        "#/fields/0/type",
    );
    assert!(m.contains("no branch of the union reads boolean"), "{m}");
    // A writer branch promoted into a reader branch; branches matched by name, not position.
    let a = rec(r#"{"name":"u","type":["int",{"type":"record","name":"P","fields":[]},"string"]}"#);
    let b2 = rec(
        r#"{"name":"u","type":["string",{"type":"record","name":"P","fields":[]},"null","long"]}"#,
    );
    let c = run(&a, &b2, Mode::Backward);
    assert_info(&c, "TYPE_PROMOTED", "#/fields/0/type/3");
    assert_info(&c, "UNION_BRANCH_ADDED", "#/fields/0/type");
    agrees(&a, &b2, Mode::Backward, true);
    // A renamed record in a union is found through the reader's alias; an exact name wins
    // over an alias, a promotion is taken only when nothing fits exactly.
    let old = rec(r#"{"name":"u","type":["null",{"type":"record","name":"Old","fields":[]}]}"#);
    let new = rec(
        r#"{"name":"u","type":["null",{"type":"record","name":"New","aliases":["ns.Old"],"fields":[]}]}"#,
    );
    let c = run(&old, &new, Mode::Backward);
    assert!(is_compatible(&c), "{c:#?}");
    assert_info(&c, "RENAMED_WITH_ALIAS", "#/fields/0/type/1/name");
    assert_break(
        &run(&old, &new, Mode::Forward),
        "MISSING_UNION_BRANCH",
        "#/fields/0/type/1",
    );
    let c = run(
        &rec(r#"{"name":"u","type":"int"}"#),
        &rec(r#"{"name":"u","type":["long","int"]}"#),
        Mode::Backward,
    );
    assert_eq!(c.len(), 1, "{c:#?}");
    assert!(c[0].message.contains("as its branch int"), "{c:#?}");
    // Two records of one unqualified name: the full name decides.
    let two = rec(
        r#"{"name":"u","type":[{"type":"record","name":"a.P","fields":[{"name":"x","type":"int"}]},{"type":"record","name":"b.P","fields":[]}]}"#,
    );
    let one = rec(r#"{"name":"u","type":{"type":"record","name":"b.P","fields":[]}}"#);
    let c = run(&one, &two, Mode::Backward);
    assert!(is_compatible(&c), "{c:#?}");
    assert!(c.iter().all(|c| !c.path.contains("/type/0")), "{c:#?}");
    agrees(&one, &two, Mode::Backward, true);
}

#[test]
fn decimal_precision_and_scale_and_other_logical_types() {
    let d = |p: u32, s: u32| {
        rec(&format!(
            r#"{{"name":"d","type":{{"type":"bytes","logicalType":"decimal","precision":{p},"scale":{s}}}}}"#
        ))
    };
    for (old, new) in [(d(10, 2), d(10, 3)), (d(10, 2), d(12, 2))] {
        for mode in [Mode::Backward, Mode::Forward] {
            let m = assert_break(&run(&old, &new, mode), "TYPE_MISMATCH", "#/fields/0/type");
            assert!(m.contains("precision/scale"), "{m}");
        }
    }
    assert!(run(&d(10, 2), &d(10, 2), Mode::Full).is_empty());
    agrees(&d(10, 2), &d(10, 2), Mode::Full, true);
    // Decimal on fixed: the fixed's size still counts.
    let df = |size: u32| {
        rec(&format!(
            r#"{{"name":"d","type":{{"type":"fixed","name":"D","size":{size},"logicalType":"decimal","precision":6,"scale":2}}}}"#
        ))
    };
    assert_break(
        &run(&df(4), &df(8), Mode::Backward),
        "FIXED_SIZE_MISMATCH",
        "#/fields/0/type/size",
    );
    // Other logical types are their underlying types.
    let t = |ty: &str| rec(&format!(r#"{{"name":"t","type":{ty}}}"#));
    let date = t(r#"{"type":"int","logicalType":"date"}"#);
    let ts = t(r#"{"type":"long","logicalType":"timestamp-millis"}"#);
    let int = t(r#""int""#);
    assert!(run(&date, &int, Mode::Full).is_empty());
    agrees(&int, &date, Mode::Backward, true);
    // apache-avro's decoder does not read `date` data with a plain `int` reader, which the
    // specification allows (logical types are annotations): a known divergence, pinned here
    // so that a fix upstream is noticed.
    assert!(decodes(&parse(&date), &parse(&int), 1, 1).is_err());
    // Another logical type on the same underlying type reads other quantities.
    let micros = t(r#"{"type":"long","logicalType":"timestamp-micros"}"#);
    let m = assert_break(
        &run(&ts, &micros, Mode::Backward),
        "TYPE_MISMATCH",
        "#/fields/0/type",
    );
    assert!(
        m.contains("from timestamp-millis (long) to timestamp-micros (long)"),
        "{m}"
    );
    agrees(&ts, &micros, Mode::Full, false);
    assert_break(
        &run(&date, &ts, Mode::Backward),
        "TYPE_MISMATCH",
        "#/fields/0/type",
    );
    assert!(decodes(&parse(&date), &parse(&ts), 1, 1).is_err());
    let m = assert_break(
        &run(&date, &t(r#""string""#), Mode::Backward),
        "TYPE_MISMATCH",
        "#/fields/0/type",
    );
    assert!(m.contains("from date (int) to string"), "{m}");
}

#[test]
fn nested_locations() {
    let inner = |ty: &str| {
        rec(&format!(
            r#"{{"name":"m","type":{{"type":"map","values":{{"type":"array","items":["null",{{"type":"record","name":"In","fields":[{{"name":"x","type":"{ty}"}}]}}]}}}}}}"#
        ))
    };
    let b = run(&inner("int"), &inner("string"), Mode::Backward);
    assert_break(
        &b,
        "TYPE_MISMATCH",
        "#/fields/0/type/values/items/1/fields/0/type",
    );
    // A root union and a root array.
    let b = run(r#"["null","int"]"#, r#"["null","long"]"#, Mode::Backward);
    assert_info(&b, "TYPE_PROMOTED", "#/1");
    let b = run(
        r#"{"type":"array","items":"long"}"#,
        r#"{"type":"array","items":"int"}"#,
        Mode::Backward,
    );
    assert_break(&b, "TYPE_MISMATCH", "#/items");
    // Locations point into the new schema where the thing is there (FORWARD's writer).
    let old = rec(
        r#"{"name":"a","type":"int"},{"name":"e","type":{"type":"enum","name":"E","symbols":["X"]}}"#,
    );
    let new = rec(
        r#"{"name":"e","type":{"type":"enum","name":"E","symbols":["X","Y"]}},{"name":"a","type":"int"}"#,
    );
    assert_break(
        &run(&old, &new, Mode::Forward),
        "MISSING_ENUM_SYMBOLS",
        "#/fields/0/type/symbols",
    );
    assert_info(
        &run(&old, &new, Mode::Backward),
        "ENUM_SYMBOLS_ADDED",
        "#/fields/0/type/symbols",
    );
}

#[test]
fn modes_none_transitive_and_full() {
    let (old, new) = (
        rec(r#"{"name":"a","type":"int"}"#),
        rec(r#"{"name":"a","type":"long"}"#),
    );
    assert!(run(&old, &new, Mode::None).is_empty());
    assert_eq!(
        run(&old, &new, Mode::BackwardTransitive),
        run(&old, &new, Mode::Backward)
    );
    assert_eq!(
        run(&old, &new, Mode::ForwardTransitive),
        run(&old, &new, Mode::Forward)
    );
    let full = run(&old, &new, Mode::FullTransitive);
    assert_eq!(full.len(), 2, "{full:#?}");
    assert_eq!(full[0].rule, "TYPE_PROMOTED");
    assert_eq!(full[1].rule, "TYPE_MISMATCH");
    // Identical changes in both directions are reported once.
    let same = rec(r#"{"name":"a","type":["null","int","string"]}"#);
    let full = run(&same, &same, Mode::Full);
    assert!(full.is_empty(), "{full:#?}");
}

#[test]
fn recursive_types_terminate_and_report_once() {
    let old = r#"{"type":"record","name":"Node","fields":[{"name":"v","type":"int"},{"name":"next","type":["null","Node"]},{"name":"kids","type":{"type":"array","items":"Node"}}]}"#;
    let new = r#"{"type":"record","name":"Node","fields":[{"name":"v","type":"long"},{"name":"next","type":["null","Node"]},{"name":"kids","type":{"type":"array","items":"Node"}},{"name":"tag","type":"string"}]}"#;
    let b = run(old, new, Mode::Backward);
    assert_eq!(b.len(), 2, "{b:#?}");
    assert_info(&b, "TYPE_PROMOTED", "#/fields/0/type");
    assert_break(&b, "READER_FIELD_MISSING_DEFAULT_VALUE", "#/fields/3");
    let with_default = new.replace(r#""type":"string"}"#, r#""type":"string","default":""}"#);
    agrees(old, &with_default, Mode::Backward, true);
    agrees(old, &with_default, Mode::Forward, false);
    // Mutual recursion through two names.
    let a = r#"{"type":"record","name":"A","fields":[{"name":"b","type":["null",{"type":"record","name":"B","fields":[{"name":"a","type":["null","A"]},{"name":"n","type":"int"}]}]}]}"#;
    let a2 = a.replace(r#""type":"int""#, r#""type":"double""#);
    let b = run(a, &a2, Mode::Full);
    assert_info(&b[..1], "TYPE_PROMOTED", "#/fields/0/type/1/fields/1/type");
    assert_break(&b, "TYPE_MISMATCH", "#/fields/0/type/1/fields/1/type");
    agrees(a, &a2, Mode::Backward, true);
}

#[test]
fn named_types_from_elsewhere_and_unresolved_references() {
    let common = r#"{"type":"record","name":"c.Money","fields":[{"name":"cents","type":"int"}]}"#;
    let common2 = r#"{"type":"record","name":"c.Money","fields":[{"name":"cents","type":"long"}]}"#;
    let user = r#"{"type":"record","name":"Order","fields":[{"name":"total","type":"c.Money"}]}"#;
    let (old, old_named) = Schema::parse_str_with_list(user, [common]).unwrap();
    let (new, new_named) = Schema::parse_str_with_list(user, [common2]).unwrap();
    let never = AtomicBool::new(false);
    let c = compare_with(&old, &old_named, &new, &new_named, Mode::Backward, &never).unwrap();
    assert_info(&c, "TYPE_PROMOTED", "#/fields/0/type/fields/0/type");
    // Without them the reference cannot be followed: a break, never a pass.
    let c = compare(&old, &new, Mode::Backward, &never).unwrap();
    let m = assert_break(&c, "UNSUPPORTED_SCHEMA", "#/fields/0/type");
    assert!(m.contains("`c.Money` is not defined"), "{m}");
}

/// `depth` arrays around an int, built without the parser (whose JSON nesting is bounded).
fn nested_arrays(depth: usize) -> Schema {
    let mut s = Schema::Int;
    for _ in 0..depth {
        s = Schema::Array(ArraySchema {
            items: Box::new(s),
            attributes: BTreeMap::new(),
        });
    }
    s
}

#[test]
fn hostile_depth_and_size_are_bounded() {
    let never = AtomicBool::new(false);
    // Far deeper than any call stack would take if walked recursively.
    let deep = nested_arrays(200_000);
    let c = compare(&deep, &deep, Mode::Full, &never).unwrap();
    assert!(
        c.iter()
            .any(|c| c.rule == "UNSUPPORTED_SCHEMA" && c.breaking),
        "{c:?}"
    );
    assert!(c
        .iter()
        .all(|c| c.path.matches("/items").count() <= MAX_DEPTH));
    // Dropping 200,000 nested boxes recursively would itself overflow the stack.
    std::mem::forget(deep);
    // Just below the limit is checked normally.
    let ok = nested_arrays(MAX_DEPTH - 1);
    assert!(compare(&ok, &ok, Mode::Full, &never).unwrap().is_empty());
    // A wide record and a large enum: quick, and every field compared.
    let fields = |ty: &str| -> Vec<RecordField> {
        (0..50_000)
            .map(|i| {
                RecordField::builder()
                    .name(format!("f{i}"))
                    .schema(if ty == "int" {
                        Schema::Int
                    } else {
                        Schema::Long
                    })
                    .build()
            })
            .collect()
    };
    let wide = |ty: &str| {
        let fields = fields(ty);
        Schema::Record(
            RecordSchema::builder()
                .name(Name::new("W").unwrap())
                .fields(fields)
                .build(),
        )
    };
    let start = std::time::Instant::now();
    let c = compare(&wide("int"), &wide("long"), Mode::Backward, &never).unwrap();
    assert_eq!(c.len(), 50_000);
    assert!(
        start.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn cancellation_stops_with_no_result() {
    let cancel = AtomicBool::new(true);
    let s = parse(&rec(r#"{"name":"a","type":"int"}"#));
    assert_eq!(compare(&s, &s, Mode::Full, &cancel), Err(Cancelled));
    assert_eq!(compare(&s, &s, Mode::None, &cancel), Ok(vec![]));
}

// ----- soundness: generated pairs, checked with data -----

/// A random field type (JSON) for the generated schemas; named types get fresh names from
/// `next`.
fn gen_type(rng: &mut Rng, next: &mut usize, nested: bool) -> serde_json::Value {
    const PRIMS: &[&str] = &[
        "boolean", "int", "long", "float", "double", "bytes", "string",
    ];
    let prim = |rng: &mut Rng| json!(PRIMS[rng.below(PRIMS.len())]);
    *next += 1;
    let n = *next;
    match rng.below(if nested { 9 } else { 8 }) {
        0..=2 => prim(rng),
        3 => {
            let k = 1 + rng.below(4);
            let syms: Vec<&str> = ["A", "B", "C", "D"][..k].to_vec();
            let mut e = json!({"type": "enum", "name": format!("E{n}"), "symbols": syms});
            if rng.chance(30) {
                e["default"] = json!(syms[0]);
            }
            e
        }
        4 => json!({"type": "array", "items": prim(rng)}),
        5 => json!({"type": "map", "values": prim(rng)}),
        6 => json!(["null", prim(rng)]),
        7 => match rng.below(3) {
            0 => json!([prim(rng), "null"]),
            1 => json!(["int", "string"]),
            _ => json!(["null", "long", "string"]),
        },
        _ => {
            let fields: Vec<_> = (0..1 + rng.below(3))
                .map(|i| gen_field(rng, next, &format!("g{i}"), false))
                .collect();
            json!({"type": "record", "name": format!("N{n}"), "fields": fields})
        }
    }
}

/// A default value valid for `t`.
fn default_for(t: &serde_json::Value) -> serde_json::Value {
    match t {
        serde_json::Value::String(p) => match p.as_str() {
            "null" => json!(null),
            "boolean" => json!(false),
            "int" | "long" => json!(0),
            "float" | "double" => json!(0.5),
            _ => json!("ab"),
        },
        serde_json::Value::Array(bs) => bs.first().map(default_for).unwrap_or_default(),
        serde_json::Value::Object(o) => match o["type"].as_str() {
            Some("enum") => o["symbols"][0].clone(),
            Some("array") => json!([]),
            Some("map") => json!({}),
            Some("fixed") => json!("a".repeat(o["size"].as_u64().unwrap_or(0) as usize)),
            Some("record") | None => {
                let mut d = serde_json::Map::new();
                for f in o
                    .get("fields")
                    .and_then(|f| f.as_array())
                    .into_iter()
                    .flatten()
                {
                    d.insert(
                        f["name"].as_str().unwrap().to_string(),
                        default_for(&f["type"]),
                    );
                }
                serde_json::Value::Object(d)
            }
            // A logical type: its underlying type's default.
            Some(_) => default_for(&o["type"]),
        },
        _ => json!(null),
    }
}

fn gen_field(rng: &mut Rng, next: &mut usize, name: &str, nested: bool) -> serde_json::Value {
    let t = gen_type(rng, next, nested);
    let mut f = json!({"name": name, "type": t});
    if rng.chance(50) {
        f["default"] = default_for(&f["type"]);
    }
    f
}

/// A related change to a type: a promotion, a demotion, or something else.
fn mutate_type(rng: &mut Rng, next: &mut usize, t: &serde_json::Value) -> serde_json::Value {
    let neighbours: &[&str] = match t.as_str() {
        Some("int") => &["long", "float", "double", "string"],
        Some("long") => &["int", "float", "double"],
        Some("float") => &["double", "int", "long"],
        Some("double") => &["float", "long"],
        Some("string") => &["bytes", "int"],
        Some("bytes") => &["string"],
        _ => &[],
    };
    if !neighbours.is_empty() && rng.chance(70) {
        return json!(neighbours[rng.below(neighbours.len())]);
    }
    if let Some(o) = t.as_object() {
        let mut o = o.clone();
        if o["type"] == "enum" {
            let mut syms: Vec<serde_json::Value> = o["symbols"].as_array().unwrap().clone();
            match rng.below(3) {
                0 if syms.len() > 1 => {
                    let i = rng.below(syms.len());
                    let gone = syms.remove(i);
                    if o.get("default") == Some(&gone) {
                        o.remove("default");
                    }
                }
                1 => syms.push(json!(format!("Z{}", rng.below(3)))),
                _ => {
                    if o.remove("default").is_none() {
                        o.insert("default".into(), syms[0].clone());
                    }
                }
            }
            syms.dedup();
            o.insert("symbols".into(), json!(syms));
            return serde_json::Value::Object(o);
        }
        if o["type"] == "record" {
            let mut fields = o["fields"].as_array().unwrap().clone();
            mutate_fields(rng, next, &mut fields);
            o.insert("fields".into(), json!(fields));
            return serde_json::Value::Object(o);
        }
        if let Some(items) = o.get("items").cloned() {
            o.insert("items".into(), mutate_type(rng, next, &items));
            return serde_json::Value::Object(o);
        }
        if let Some(values) = o.get("values").cloned() {
            o.insert("values".into(), mutate_type(rng, next, &values));
            return serde_json::Value::Object(o);
        }
    }
    if let Some(bs) = t.as_array() {
        let mut bs = bs.clone();
        match rng.below(3) {
            0 if bs.len() > 1 => {
                bs.remove(rng.below(bs.len()));
            }
            1 => {
                let extra = ["null", "boolean", "double", "bytes"][rng.below(4)];
                if !bs.contains(&json!(extra)) {
                    bs.push(json!(extra));
                }
            }
            _ => return bs[rng.below(bs.len())].clone(),
        }
        return json!(bs);
    }
    if rng.chance(50) && t != "null" {
        return json!(["null", t]);
    }
    gen_type(rng, next, false)
}

fn mutate_fields(rng: &mut Rng, next: &mut usize, fields: &mut Vec<serde_json::Value>) {
    match rng.below(6) {
        0 => {
            let name = format!("x{}", rng.below(4));
            if !fields.iter().any(|f| f["name"] == name.as_str()) {
                fields.push(gen_field(rng, next, &name, false));
            }
        }
        1 if !fields.is_empty() => {
            fields.remove(rng.below(fields.len()));
        }
        2 if !fields.is_empty() => {
            let i = rng.below(fields.len());
            if fields[i]
                .as_object_mut()
                .unwrap()
                .remove("default")
                .is_none()
            {
                fields[i]["default"] = default_for(&fields[i]["type"]);
            }
        }
        3 if fields.len() > 1 => {
            let (i, j) = (rng.below(fields.len()), rng.below(fields.len()));
            fields.swap(i, j);
        }
        _ if !fields.is_empty() => {
            let i = rng.below(fields.len());
            let t = mutate_type(rng, next, &fields[i]["type"]);
            let had_default = fields[i].get("default").is_some();
            fields[i]["type"] = t;
            if had_default || rng.chance(30) {
                fields[i]["default"] = default_for(&fields[i]["type"]);
            }
        }
        _ => {}
    }
}

/// An old schema and a new one derived from it by a few changes (or unrelated, sometimes).
fn gen_pair(seed: u64) -> (serde_json::Value, serde_json::Value) {
    let mut rng = Rng(seed);
    let mut next = 0;
    let fields: Vec<_> = (0..1 + rng.below(4))
        .map(|i| gen_field(&mut rng, &mut next, &format!("f{i}"), true))
        .collect();
    let old = json!({"type": "record", "name": "Root", "fields": fields});
    let mut new_fields = fields.clone();
    for _ in 0..1 + rng.below(3) {
        mutate_fields(&mut rng, &mut next, &mut new_fields);
    }
    let new = json!({"type": "record", "name": "Root", "fields": new_fields});
    (old, new)
}

/// For a generated pair: every direction judged compatible decodes with apache-avro.
/// `Ok(None)` when the pair is not valid Avro (a mutation the parser refuses).
fn sound(seed: u64) -> Result<Option<(bool, bool)>, String> {
    let (old_json, new_json) = gen_pair(seed);
    let (Ok(old), Ok(new)) = (Schema::parse(&old_json), Schema::parse(&new_json)) else {
        return Ok(None);
    };
    let never = AtomicBool::new(false);
    let mut verdicts = [false; 2];
    for (k, (mode, w, r)) in [(Mode::Backward, &old, &new), (Mode::Forward, &new, &old)]
        .into_iter()
        .enumerate()
    {
        let changes = compare(&old, &new, mode, &never).unwrap();
        verdicts[k] = is_compatible(&changes);
        // And no false alarm where one is certain: a top-level field the reader needs and the
        // writer lacks fails every datum.
        let top_missing = changes.iter().any(|c| {
            c.rule == "READER_FIELD_MISSING_DEFAULT_VALUE" && c.path.matches('/').count() == 2
        });
        if top_missing && decodes(w, r, seed, 1).is_ok() {
            return Err(format!(
                "{mode}: {changes:#?} but data decodes\nold: {old_json}\nnew: {new_json}"
            ));
        }
        if verdicts[k] {
            decodes(w, r, seed, 12).map_err(|e| {
                format!("{mode} judged compatible but {e}\nold: {old_json}\nnew: {new_json}\nchanges: {changes:#?}")
            })?;
        }
    }
    Ok(Some((verdicts[0], verdicts[1])))
}

proptest! {
    #[test]
    fn compatible_verdicts_decode_with_apache_avro(seed in any::<u64>()) {
        if let Err(e) = sound(seed) {
            prop_assert!(false, "{}", e);
        }
    }
}

#[test]
fn the_generated_pairs_are_valid_and_varied() {
    let (mut valid, mut compatible, mut breaking) = (0, 0, 0);
    for seed in 0..400 {
        if let Some((b, f)) = sound(seed).unwrap() {
            valid += 1;
            for v in [b, f] {
                if v {
                    compatible += 1;
                } else {
                    breaking += 1;
                }
            }
        }
    }
    assert!(valid >= 360, "only {valid} of 400 generated pairs parse");
    assert!(
        compatible >= 150 && breaking >= 150,
        "{compatible} compatible, {breaking} breaking verdicts"
    );
}

// ----- arbitrary schemas: never a panic, every schema compatible with itself -----

/// Any Avro schema (JSON) up to `depth`: named types with aliases, references back to types
/// defined before (the enclosing record too, so recursive types come up), logical types and
/// unions of everything. Names come from a counter, so two schemas made from different seeds
/// share names and are compared deeply.
fn gen_any(rng: &mut Rng, depth: usize, defined: &mut Vec<String>) -> serde_json::Value {
    const PRIMS: &[&str] = &[
        "null", "boolean", "int", "long", "float", "double", "bytes", "string",
    ];
    let pick = if depth == 0 {
        rng.below(3)
    } else {
        rng.below(11)
    };
    let fresh = |defined: &mut Vec<String>| {
        let n = format!("T{}", defined.len());
        defined.push(n.clone());
        n
    };
    match pick {
        0 => json!(PRIMS[rng.below(PRIMS.len())]),
        1 => match rng.below(5) {
            0 => json!({"type": "int", "logicalType": "date"}),
            1 => json!({"type": "long", "logicalType": "timestamp-millis"}),
            2 => json!({"type": "long", "logicalType": "timestamp-micros"}),
            3 => json!({"type": "string", "logicalType": "uuid"}),
            _ => {
                json!({"type": "bytes", "logicalType": "decimal", "precision": 4 + rng.below(3), "scale": rng.below(3)})
            }
        },
        2 if !defined.is_empty() => json!(defined[rng.below(defined.len())].clone()),
        2 | 3 => {
            let name = fresh(defined);
            let syms: Vec<String> = (0..1 + rng.below(4))
                .map(|i| format!("S{}", i + rng.below(2)))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let mut e = json!({"type": "enum", "name": name, "symbols": syms});
            if rng.chance(30) {
                e["default"] = json!(syms[0]);
            }
            if rng.chance(30) {
                e["aliases"] = json!([format!("T{}", rng.below(6))]);
            }
            e
        }
        4 => {
            let name = fresh(defined);
            let size = 1 + rng.below(3) * 8;
            if rng.chance(30) {
                json!({"type": "fixed", "name": name, "size": size, "logicalType": "decimal", "precision": 2, "scale": 1})
            } else {
                json!({"type": "fixed", "name": name, "size": size})
            }
        }
        5 => json!({"type": "array", "items": gen_any(rng, depth - 1, defined)}),
        6 => json!({"type": "map", "values": gen_any(rng, depth - 1, defined)}),
        7 | 8 => {
            let mut bs: Vec<serde_json::Value> = Vec::new();
            for _ in 0..1 + rng.below(4) {
                let b = gen_any(rng, depth - 1, defined);
                // Avro forbids nested unions and two unnamed branches of one type: skip those.
                let dup = bs.iter().any(|x| {
                    x == &b
                        || (x.is_object()
                            && b.is_object()
                            && x.get("name").is_none()
                            && x["type"] == b["type"])
                });
                if !b.is_array() && !dup {
                    bs.push(b);
                }
            }
            json!(bs)
        }
        _ => {
            let name = fresh(defined);
            let mut fields = Vec::new();
            for i in 0..rng.below(4) {
                let mut f = json!({"name": format!("f{}", i + rng.below(2)), "type": gen_any(rng, depth - 1, defined)});
                if rng.chance(40) {
                    f["default"] = default_for(&f["type"]);
                }
                if rng.chance(20) {
                    f["aliases"] = json!([format!("f{}", rng.below(4))]);
                }
                fields.push(f);
            }
            let mut r = json!({"type": "record", "name": name, "fields": fields});
            if rng.chance(20) {
                r["aliases"] = json!([format!("T{}", rng.below(6))]);
            }
            r
        }
    }
}

fn any_schema(seed: u64) -> Option<(serde_json::Value, Schema)> {
    let mut rng = Rng(seed);
    let json = gen_any(&mut rng, 4, &mut Vec::new());
    // Through the registry's parse, which refuses defaults that never finish expanding (seed
    // 88127 overflowed apache-avro's parser before it did).
    crate::registry::avro::AvroSchema::parse(&json.to_string(), &[])
        .ok()
        .map(|s| (json, s.schema))
}

proptest! {
    #[test]
    fn arbitrary_pairs_never_panic_and_each_schema_reads_itself(a in any::<u64>(), b in any::<u64>()) {
        let never = AtomicBool::new(false);
        if let (Some((aj, sa)), Some((bj, sb))) = (any_schema(a), any_schema(b)) {
            for (x, y) in [(&sa, &sb), (&sb, &sa)] {
                let full = compare(x, y, Mode::Full, &never).unwrap();
                prop_assert!(full.iter().all(|c| c.path.starts_with("#/")), "{:?}", full);
            }
            for (j, s) in [(&aj, &sa), (&bj, &sb)] {
                let same = compare(s, s, Mode::Full, &never).unwrap();
                prop_assert!(same.is_empty(), "{} against itself: {:#?}", j, same);
            }
        }
    }
}

#[test]
fn arbitrary_schemas_mostly_parse() {
    let schemas: Vec<Schema> = (0..300).filter_map(any_schema).map(|(_, s)| s).collect();
    assert!(
        schemas.len() >= 150,
        "only {} of 300 arbitrary schemas parse",
        schemas.len()
    );
    // And the pairs are not all trivially compatible or all broken at the root.
    let never = AtomicBool::new(false);
    let (mut deep, mut compatible) = (0, 0);
    for w in schemas.windows(2) {
        let c = compare(&w[0], &w[1], Mode::Backward, &never).unwrap();
        compatible += usize::from(is_compatible(&c));
        deep += usize::from(c.iter().any(|c| c.path.len() > 2));
    }
    assert!(
        deep >= 30 && compatible >= 10,
        "{deep} with nested changes, {compatible} compatible"
    );
}

#[test]
fn references_through_aliases_and_a_type_named_twice_in_a_union() {
    // apache-avro's parser lets a reference name an alias, so a union can name one record
    // twice; found by the property test above.
    let s = r#"[{"type":"record","name":"T4","aliases":["T3"],"fields":[]},"T3"]"#;
    assert!(run(s, s, Mode::Full).is_empty());
    let r = rec(
        r#"{"name":"a","type":{"type":"enum","name":"E","aliases":["Old"],"symbols":["X"]}},{"name":"b","type":"Old"}"#,
    );
    assert!(run(&r, &r, Mode::Full).is_empty());
    // apache-avro's writer does not follow such a reference although its parser accepted it
    // (pinned: the registry may want to refuse these schemas).
    assert!(decodes(&parse(&r), &parse(&r), 1, 1)
        .is_err_and(|e| e.contains("Unresolved schema reference")));
}

#[test]
fn a_union_of_many_named_types_is_quick() {
    let branches: Vec<String> = (0..5_000)
        .map(|i| format!(r#"{{"type":"record","name":"R{i}","fields":[]}}"#))
        .collect();
    let s = parse(&format!("[{}]", branches.join(",")));
    let never = AtomicBool::new(false);
    let start = std::time::Instant::now();
    assert!(compare(&s, &s, Mode::Full, &never).unwrap().is_empty());
    assert!(
        start.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn the_seed_that_overflowed_apache_avro_is_refused_in_words() {
    let json = gen_any(&mut Rng(88127), 4, &mut Vec::new());
    let e = crate::registry::avro::AvroSchema::parse(&json.to_string(), &[])
        .err()
        .expect("refused");
    assert!(e.contains("the default of field `f2` in `T1`"), "{e}");
}
