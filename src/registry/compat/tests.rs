//! Unit tests: one or more per rule, both directions where meaningful, both policies where
//! the verdict differs.

use super::*;
use serde_json::json;

fn no_refs(_: &str) -> Option<Value> {
    None
}

/// Breaking rule ids of check(W, R).
fn breaking(w: Value, r: Value, policy: Policy) -> Vec<String> {
    check(&w, &r, policy, &no_refs)
        .into_iter()
        .filter(|c| c.breaking)
        .map(|c| c.rule)
        .collect()
}

/// All rule ids (breaking or not) of check(W, R) under STRICT.
fn all_rules(w: Value, r: Value) -> Vec<String> {
    check(&w, &r, Policy::Strict, &no_refs)
        .into_iter()
        .map(|c| c.rule)
        .collect()
}

fn strict(w: Value, r: Value) -> Vec<String> {
    breaking(w, r, Policy::Strict)
}

fn lenient(w: Value, r: Value) -> Vec<String> {
    breaking(w, r, Policy::Lenient)
}

fn open(props: Value) -> Value {
    json!({"type": "object", "properties": props})
}

fn closed(props: Value) -> Value {
    json!({"type": "object", "properties": props, "additionalProperties": false})
}

// ----- API -----

#[test]
fn mode_parsing_and_names() {
    assert_eq!("BACKWARD".parse::<Mode>(), Ok(Mode::Backward));
    assert_eq!("backward".parse::<Mode>(), Ok(Mode::Backward));
    assert_eq!("full-transitive".parse::<Mode>(), Ok(Mode::FullTransitive));
    assert_eq!("FULL_TRANSITIVE".parse::<Mode>(), Ok(Mode::FullTransitive));
    assert_eq!("None".parse::<Mode>(), Ok(Mode::None));
    let err = "sideways".parse::<Mode>().unwrap_err();
    assert!(err.contains("sideways"));
    assert_eq!(Mode::ForwardTransitive.as_str(), "FORWARD_TRANSITIVE");
    assert!(Mode::BackwardTransitive.transitive());
    assert!(!Mode::Full.transitive());
}

#[test]
fn policy_parsing() {
    assert_eq!("STRICT".parse::<Policy>(), Ok(Policy::Strict));
    assert_eq!("Lenient".parse::<Policy>(), Ok(Policy::Lenient));
    assert!("loose".parse::<Policy>().unwrap_err().contains("loose"));
}

#[test]
fn compare_directions_and_dedupe() {
    let old = json!({"type": "integer"});
    let new = json!({"type": "number"});
    assert!(is_compatible(&compare(
        &old,
        &new,
        Mode::Backward,
        Policy::Strict,
        &no_refs
    )));
    assert!(!is_compatible(&compare(
        &old,
        &new,
        Mode::Forward,
        Policy::Strict,
        &no_refs
    )));
    assert!(!is_compatible(&compare(
        &old,
        &new,
        Mode::Full,
        Policy::Strict,
        &no_refs
    )));
    assert!(compare(&old, &new, Mode::None, Policy::Strict, &no_refs).is_empty());
    let same = json!({"type": "string", "title": "a"});
    let other = json!({"type": "string", "title": "b"});
    let full = compare(&same, &other, Mode::Full, Policy::Strict, &no_refs);
    assert_eq!(
        full.len(),
        1,
        "identical TITLE_CHANGED entries are deduplicated: {full:?}"
    );
}

#[test]
fn paths_are_json_pointers_with_hash() {
    let c = check(&json!(true), &json!(false), Policy::Strict, &no_refs);
    assert_eq!(c[0].path, "#/");
    let c = check(
        &open(json!({"a/b": {"type": "string"}})),
        &open(json!({"a/b": {"type": "string", "maxLength": 3}})),
        Policy::Strict,
        &no_refs,
    );
    assert_eq!(c[0].path, "#/properties/a~1b/maxLength");
}

// ----- rows 1–4 -----

#[test]
fn row1_annotations_are_info() {
    let w = json!({"type": "string", "description": "x", "title": "t", "$comment": "c"});
    let r = json!({"type": "string", "description": "y", "title": "u", "examples": ["e"]});
    let rules = all_rules(w.clone(), r.clone());
    for id in [
        "DESCRIPTION_CHANGED",
        "TITLE_CHANGED",
        "COMMENT_CHANGED",
        "EXAMPLES_CHANGED",
    ] {
        assert!(rules.contains(&id.to_string()), "{id} in {rules:?}");
    }
    assert!(strict(w, r).is_empty());
}

#[test]
fn row2_trivial_reader_or_false_writer() {
    assert!(strict(json!({"type": "string"}), json!(true)).is_empty());
    assert!(strict(json!({"type": "string"}), json!({"title": "anything"})).is_empty());
    assert!(strict(json!(false), json!({"type": "integer"})).is_empty());
    assert_eq!(strict(json!(true), json!(false)), ["TYPE_NARROWED"]);
}

#[test]
fn row3_row4_subschema_added_removed() {
    let w = json!({"type": "array"});
    let r = json!({"type": "array", "items": {"type": "string"}});
    assert_eq!(strict(w.clone(), r.clone()), ["SCHEMA_ADDED"]);
    assert!(strict(r, w).is_empty());
}

// ----- rows 5/6 -----

#[test]
fn row5_row6_types() {
    let s = json!({"type": "string"});
    let sn = json!({"type": ["string", "null"]});
    assert!(strict(s.clone(), sn.clone()).is_empty());
    assert_eq!(strict(sn, s.clone()), ["TYPE_NARROWED"]);
    assert!(strict(json!({"type": "integer"}), json!({"type": "number"})).is_empty());
    assert_eq!(
        strict(json!({"type": "number"}), json!({"type": "integer"})),
        ["TYPE_NARROWED"]
    );
    assert_eq!(strict(s, json!({"type": "boolean"})), ["TYPE_CHANGED"]);
}

#[test]
fn row5_anyof_wrapping() {
    let s = json!({"type": "string"});
    let wrapped = json!({"anyOf": [{"type": "null"}, {"type": "string"}]});
    assert!(strict(s.clone(), wrapped.clone()).is_empty());
    assert_eq!(strict(wrapped, s), ["COMBINED_TYPE_CHANGED"]);
}

// ----- rows 7/8 -----

#[test]
fn row7_upper_bounds() {
    let base = json!({"type": "string"});
    let five = json!({"type": "string", "maxLength": 5});
    let ten = json!({"type": "string", "maxLength": 10});
    assert_eq!(strict(base.clone(), five.clone()), ["MAX_LENGTH_ADDED"]);
    assert!(strict(five.clone(), base).is_empty());
    assert!(strict(five.clone(), ten.clone()).is_empty());
    assert_eq!(strict(ten, five), ["MAX_LENGTH_DECREASED"]);
    assert_eq!(
        strict(
            json!({"type": "number", "exclusiveMaximum": 1.5}),
            json!({"type": "number", "exclusiveMaximum": 1.25})
        ),
        ["EXCLUSIVE_MAXIMUM_DECREASED"]
    );
}

#[test]
fn row8_lower_bounds() {
    let one = json!({"type": "array", "minItems": 1});
    let two = json!({"type": "array", "minItems": 2});
    assert_eq!(strict(one.clone(), two.clone()), ["MIN_ITEMS_INCREASED"]);
    assert!(strict(two, one).is_empty());
    assert_eq!(
        strict(
            json!({"type": "object"}),
            json!({"type": "object", "minProperties": 1})
        ),
        ["MIN_PROPERTIES_ADDED"]
    );
}

#[test]
fn row8_bound_implied_by_exclusive() {
    let w = json!({"type": "number", "exclusiveMinimum": 0});
    let r = json!({"type": "number", "minimum": 0});
    assert!(strict(w, r).is_empty());
    let w = json!({"type": "number", "minimum": 0});
    let r = json!({"type": "number", "exclusiveMinimum": 0});
    assert!(strict(w, r).contains(&"EXCLUSIVE_MINIMUM_ADDED".to_string()));
}

#[test]
fn bounds_skip_when_type_cannot_apply() {
    assert!(strict(json!({"type": "integer"}), json!({"maxLength": 2})).is_empty());
}

#[test]
fn malformed_bound_is_unsupported() {
    assert_eq!(
        strict(json!({"maximum": "x"}), json!({"maximum": 3})),
        ["UNSUPPORTED_SCHEMA"]
    );
}

// ----- row 9 -----

#[test]
fn row9_multiple_of_exact() {
    let m = |x: Value| json!({"type": "number", "multipleOf": x});
    assert!(strict(m(json!(0.3)), m(json!(0.1))).is_empty());
    assert_eq!(
        strict(m(json!(0.1)), m(json!(0.3))),
        ["MULTIPLE_OF_EXPANDED"]
    );
    assert_eq!(
        strict(m(json!(0.2)), m(json!(0.3))),
        ["MULTIPLE_OF_CHANGED"]
    );
    assert_eq!(
        strict(json!({"type": "number"}), m(json!(2))),
        ["MULTIPLE_OF_ADDED"]
    );
    assert!(strict(m(json!(2)), json!({"type": "number"})).is_empty());
}

// ----- rows 10/11 -----

#[test]
fn row10_pattern() {
    let a = json!({"type": "string", "pattern": "^a"});
    let b = json!({"type": "string", "pattern": "^b"});
    assert_eq!(
        strict(json!({"type": "string"}), a.clone()),
        ["PATTERN_ADDED"]
    );
    assert_eq!(strict(a.clone(), b), ["PATTERN_CHANGED"]);
    assert!(strict(a, json!({"type": "string"})).is_empty());
}

#[test]
fn row11_unique_items() {
    let u = json!({"type": "array", "uniqueItems": true});
    let n = json!({"type": "array"});
    assert_eq!(strict(n.clone(), u.clone()), ["UNIQUE_ITEMS_ADDED"]);
    assert!(strict(u, n).is_empty());
}

// ----- rows 12/13 -----

#[test]
fn row12_enum() {
    let ab = json!({"enum": ["a", "b"]});
    let abc = json!({"enum": ["a", "b", "c"]});
    assert!(strict(ab.clone(), abc.clone()).is_empty());
    assert_eq!(strict(abc, ab.clone()), ["ENUM_ARRAY_NARROWED"]);
    assert_eq!(
        strict(ab, json!({"enum": ["a", "z"]})),
        ["ENUM_ARRAY_CHANGED"]
    );
}

#[test]
fn row12_enum_values_validated_against_reader() {
    let w = json!({"enum": [1, 5, 9]});
    assert!(strict(
        w.clone(),
        json!({"type": "integer", "minimum": 1, "maximum": 9})
    )
    .is_empty());
    assert!(!strict(w, json!({"type": "integer", "maximum": 8})).is_empty());
}

#[test]
fn row13_const() {
    assert_eq!(
        strict(json!({"const": 1}), json!({"const": 2})),
        ["ENUM_ARRAY_CHANGED"]
    );
    assert!(strict(json!({"const": 1}), json!({"type": "integer"})).is_empty());
    assert_eq!(
        strict(json!({"type": "integer"}), json!({"const": 1})),
        ["ENUM_ARRAY_NARROWED"]
    );
}

// ----- row 14 -----

#[test]
fn row14_required() {
    let p = json!({"a": {"type": "string"}, "b": {"type": "string"}});
    let one = json!({"type": "object", "properties": p, "required": ["a"]});
    let two = json!({"type": "object", "properties": p, "required": ["a", "b"]});
    assert_eq!(
        strict(one.clone(), two.clone()),
        ["REQUIRED_ATTRIBUTE_ADDED"]
    );
    assert!(strict(two, one.clone()).is_empty());
    let with_default = json!({"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string", "default": ""}}, "required": ["a", "b"]});
    let changes = check(&one, &with_default, Policy::Strict, &no_refs);
    let c = changes
        .iter()
        .find(|c| c.rule == "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED")
        .expect("warning emitted");
    assert!(!c.breaking && c.message.contains("default"));
}

// ----- rows 15–17: the content-model matrix -----

#[test]
fn row15_open_model_trap() {
    let w = open(json!({"a": {"type": "string"}}));
    let r = open(json!({"a": {"type": "string"}, "note": {"type": "string"}}));
    assert_eq!(
        strict(w.clone(), r.clone()),
        ["OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"]
    );
    assert!(lenient(w.clone(), r.clone()).is_empty());
    let msg = &check(&w, &r, Policy::Strict, &no_refs)[0].message;
    assert!(
        msg.contains("open content model")
            && msg.contains("additionalProperties: false")
            && msg.contains("lenient"),
        "{msg}"
    );
    // The other direction is a removal from an open model: fine.
    assert!(strict(r, w).is_empty());
}

#[test]
fn row15_open_model_required_and_empty() {
    let w = open(json!({}));
    let req = json!({"type": "object", "properties": {"x": {"type": "string"}}, "required": ["x"]});
    assert_eq!(
        lenient(w.clone(), req),
        ["REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"]
    );
    let req_default = json!({"type": "object", "properties": {"x": {"type": "string", "default": "d"}}, "required": ["x"]});
    assert_eq!(
        strict(w.clone(), req_default.clone()),
        ["REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL"]
    );
    assert!(lenient(w.clone(), req_default).is_empty());
    assert!(strict(w, open(json!({"x": {}}))).is_empty());
}

#[test]
fn row16_closed_model_additions() {
    let w = closed(json!({"a": {"type": "string"}}));
    assert!(strict(
        w.clone(),
        closed(json!({"a": {"type": "string"}, "b": {"type": "integer"}}))
    )
    .is_empty());
    let req = json!({"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}, "required": ["b"], "additionalProperties": false});
    assert_eq!(
        lenient(w, req),
        ["REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL"]
    );
}

#[test]
fn row16_partially_open_coverage() {
    let w = json!({"type": "object", "additionalProperties": {"type": "integer"}});
    let ok = json!({"type": "object", "properties": {"n": {"type": "number"}}, "additionalProperties": {"type": "integer"}});
    let bad = json!({"type": "object", "properties": {"n": {"type": "string"}}, "additionalProperties": {"type": "integer"}});
    assert!(strict(w.clone(), ok).is_empty());
    assert_eq!(
        strict(w.clone(), bad.clone()),
        ["PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL"]
    );
    assert!(lenient(w, bad).is_empty());
}

#[test]
fn row17_removals() {
    let ab = json!({"a": {"type": "string"}, "b": {"type": "string"}});
    let a = json!({"a": {"type": "string"}});
    assert_eq!(
        strict(closed(ab.clone()), closed(a.clone())),
        ["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL"]
    );
    assert!(lenient(closed(ab.clone()), closed(a.clone())).is_empty());
    assert!(strict(open(ab), open(a.clone())).is_empty());
    assert!(strict(
        closed(json!({"a": {"type": "string"}, "gone": false})),
        closed(a)
    )
    .is_empty());
}

#[test]
fn row17_partially_open_reader_coverage() {
    let w = json!({"type": "object", "properties": {"x-id": {"type": "integer"}}});
    let covered = json!({"type": "object", "patternProperties": {"^x-": {"type": "number"}}});
    let uncovered = json!({"type": "object", "patternProperties": {"^x-": {"type": "string"}}});
    assert!(!strict(w.clone(), covered)
        .contains(&"PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL".to_string()));
    assert!(strict(w.clone(), uncovered.clone())
        .contains(&"PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL".to_string()));
}

// ----- rows 18/19 -----

#[test]
fn row18_additional_properties() {
    let a = json!({"a": {"type": "string"}});
    let t = open(a.clone());
    let f = closed(a.clone());
    let s = json!({"type": "object", "properties": a, "additionalProperties": {"type": "string"}});
    assert!(strict(f.clone(), t.clone()).is_empty());
    assert_eq!(
        strict(t.clone(), f.clone()),
        ["ADDITIONAL_PROPERTIES_REMOVED"]
    );
    assert!(lenient(t.clone(), f).is_empty());
    assert_eq!(
        strict(t.clone(), s.clone()),
        ["ADDITIONAL_PROPERTIES_NARROWED"]
    );
    assert!(lenient(t.clone(), s.clone()).is_empty());
    assert!(strict(s, t).is_empty());
}

#[test]
fn row19_additional_items_no_lenient() {
    let w = json!({"type": "array", "items": [{"type": "string"}]});
    let r = json!({"type": "array", "items": [{"type": "string"}], "additionalItems": false});
    assert_eq!(lenient(w.clone(), r.clone()), ["ADDITIONAL_ITEMS_REMOVED"]);
    assert!(strict(r, w).is_empty());
}

// ----- row 20 -----

#[test]
fn row20_tuples() {
    let s = json!({"type": "string"});
    let t1 = json!({"type": "array", "items": [s]});
    let t2 = json!({"type": "array", "items": [s, s]});
    assert_eq!(
        strict(t1.clone(), t2.clone()),
        ["ITEM_ADDED_TO_OPEN_CONTENT_MODEL"]
    );
    assert!(strict(t2.clone(), t1.clone()).is_empty());
    let t1c = json!({"type": "array", "items": [s], "additionalItems": false});
    let t2c = json!({"type": "array", "items": [s, s], "additionalItems": false});
    assert!(strict(t1c.clone(), t2c.clone()).is_empty());
    assert_eq!(strict(t2c, t1c), ["ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL"]);
}

// ----- row 21 -----

#[test]
fn row21_dependencies() {
    let d = |v: Value| json!({"type": "object", "dependencies": {"a": v}});
    let o = json!({"type": "object"});
    assert_eq!(
        strict(o.clone(), d(json!(["b"]))),
        ["DEPENDENCY_ARRAY_ADDED"]
    );
    assert!(strict(d(json!(["b"])), o.clone()).is_empty());
    assert_eq!(
        strict(d(json!(["b"])), d(json!(["b", "c"]))),
        ["DEPENDENCY_ARRAY_EXTENDED"]
    );
    assert!(strict(d(json!(["b", "c"])), d(json!(["b"]))).is_empty());
    assert_eq!(
        strict(o, d(json!({"required": ["b"]}))),
        ["DEPENDENCY_SCHEMA_ADDED"]
    );
}

// ----- rows 22–24 -----

#[test]
fn row22_criterion_changes() {
    let s = json!({"type": "string"});
    let i = json!({"type": "integer"});
    let n = json!({"type": "number"});
    assert!(strict(json!({"oneOf": [s, i]}), json!({"anyOf": [s, i]})).is_empty());
    // Disjoint branches (string vs integer): no value matches two, oneOf = anyOf.
    assert!(strict(json!({"anyOf": [s, i]}), json!({"oneOf": [s, i]})).is_empty());
    // Overlapping branches (every integer is a number).
    assert_eq!(
        strict(json!({"anyOf": [n, i]}), json!({"oneOf": [n, i]})),
        ["COMBINED_TYPE_CHANGED"]
    );
    assert!(strict(s.clone(), json!({"oneOf": [i, s]})).is_empty());
    assert!(strict(json!({"allOf": [s, {"minLength": 1}]}), s).is_empty());
}

#[test]
fn row23_matching() {
    let s = json!({"type": "string"});
    let i = json!({"type": "integer"});
    let n = json!({"type": "number"});
    assert!(strict(json!({"anyOf": [i, s]}), json!({"anyOf": [s, n]})).is_empty());
    assert_eq!(
        strict(json!({"anyOf": [s, n]}), json!({"anyOf": [s, i]})),
        ["COMBINED_TYPE_SUBSCHEMAS_CHANGED"]
    );
    assert_eq!(
        strict(
            json!({"allOf": [s]}),
            json!({"allOf": [s, {"maxLength": 2}]})
        ),
        ["PRODUCT_TYPE_EXTENDED"]
    );
    assert!(strict(
        json!({"allOf": [s, {"maxLength": 2}]}),
        json!({"allOf": [s]})
    )
    .is_empty());
}

#[test]
fn row23_oneof_added_branch_warns_about_overlap() {
    let s = json!({"type": "string"});
    let c = check(
        &json!({"oneOf": [s]}),
        &json!({"oneOf": [s, {"maxLength": 3}]}),
        Policy::Strict,
        &no_refs,
    );
    assert!(is_compatible(&c));
    assert!(c
        .iter()
        .any(|c| c.rule == "SUM_TYPE_EXTENDED" && c.message.contains("overlap")));
    // A branch of another type cannot overlap: no warning.
    let c = check(
        &json!({"oneOf": [s]}),
        &json!({"oneOf": [s, {"type": "null"}]}),
        Policy::Strict,
        &no_refs,
    );
    assert!(c.iter().all(|c| !c.message.contains("overlap")));
}

#[test]
fn row24_not() {
    let n = |v: Value| json!({"type": "string", "not": {"enum": v}});
    assert!(strict(n(json!(["a", "b"])), n(json!(["a"]))).is_empty());
    assert_eq!(
        strict(n(json!(["a"])), n(json!(["a", "b"]))),
        ["NOT_TYPE_EXTENDED"]
    );
}

// ----- row 25 -----

#[test]
fn row25_recursive_schemas_terminate() {
    let w =
        json!({"type": "object", "properties": {"v": {"type": "integer"}, "next": {"$ref": "#"}}});
    let r =
        json!({"type": "object", "properties": {"v": {"type": "number"}, "next": {"$ref": "#"}}});
    assert!(strict(w.clone(), r.clone()).is_empty());
    assert_eq!(strict(r, w), ["TYPE_NARROWED"]);
    // A pure self-reference has no schema at all: reported, not looped on.
    assert_eq!(
        strict(json!({"$ref": "#"}), json!({"$ref": "#"})),
        ["REF_UNRESOLVED"]
    );
}

#[test]
fn row25_resolver_gets_ref_as_written() {
    let seen = std::cell::RefCell::new(Vec::new());
    let resolve = |name: &str| {
        seen.borrow_mut().push(name.to_string());
        (name == "../_common/money.schema.json")
            .then(|| json!({"definitions": {"m": {"type": "string"}}}))
    };
    let s = json!({"$ref": "../_common/money.schema.json#/definitions/m"});
    assert!(is_compatible(&check(&s, &s, Policy::Strict, &resolve)));
    assert_eq!(
        seen.borrow().as_slice(),
        ["../_common/money.schema.json"],
        "documents are loaded once"
    );
    let c = check(
        &json!({"$ref": "nope.json"}),
        &json!({}),
        Policy::Strict,
        &resolve,
    );
    assert!(c.is_empty() || !is_compatible(&c));
    let c = check(
        &json!({"type": "string"}),
        &json!({"$ref": "nope.json"}),
        Policy::Strict,
        &resolve,
    );
    assert_eq!(c[0].rule, "REF_UNRESOLVED");
    assert!(c[0].breaking);
}

// ----- rows 26/27 -----

#[test]
fn row26_beyond_confluent() {
    let s = json!({"type": "string"});
    assert_eq!(
        strict(s.clone(), json!({"type": "string", "format": "email"})),
        ["FORMAT_ADDED"]
    );
    assert!(strict(json!({"type": "string", "format": "email"}), s.clone()).is_empty());
    assert_eq!(
        strict(
            json!({"type": "object"}),
            json!({"type": "object", "propertyNames": {"pattern": "^[a-z]"}})
        ),
        ["PROPERTY_NAMES_ADDED"]
    );
    assert_eq!(
        strict(
            json!({"type": "array"}),
            json!({"type": "array", "contains": s})
        ),
        ["CONTAINS_ADDED"]
    );
    assert_eq!(
        strict(s, json!({"type": "string", "contentEncoding": "base64"})),
        ["CONTENT_ENCODING_ADDED"]
    );
    let cond =
        |c: i64| json!({"if": {"properties": {"k": {"const": c}}}, "then": {"required": ["v"]}});
    assert!(strict(cond(1), cond(1)).is_empty());
    assert_eq!(strict(cond(1), cond(2)), ["CONDITIONAL_CHANGED"]);
}

#[test]
fn row27_unknown_keywords_unverifiable() {
    let c = check(
        &json!({"x-foo": 1}),
        &json!({"x-foo": 2}),
        Policy::Strict,
        &no_refs,
    );
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].rule, UNVERIFIABLE_KEYWORD_CHANGED);
    assert!(!c[0].breaking);
}

// ----- robustness -----

#[test]
fn malformed_inputs_never_pass_or_panic() {
    let bad = [
        json!(1),
        json!("x"),
        json!(null),
        json!([1]),
        json!({"type": 3}),
        json!({"properties": []}),
        json!({"required": "a"}),
        json!({"anyOf": []}),
        json!({"$ref": 5}),
        json!({"multipleOf": "x"}),
        json!({"items": [1, 2]}),
        json!({"$dynamicRef": "#a"}),
    ];
    for b in &bad {
        for other in [json!({}), json!({"type": "string"}), b.clone()] {
            let c = check(b, &other, Policy::Strict, &no_refs);
            let d = check(&other, b, Policy::Lenient, &no_refs);
            // Either direction involving a malformed schema must not be silently compatible,
            // unless the reader is trivially accepting.
            if other != json!({}) {
                assert!(
                    !is_compatible(&c) || !is_compatible(&d),
                    "{b} vs {other}: {c:?} / {d:?}"
                );
            }
        }
    }
}

#[test]
fn deep_nesting_is_bounded() {
    let mut w = json!({"type": "string"});
    for _ in 0..400 {
        w = json!({"type": "array", "items": w});
    }
    let c = check(&w, &w, Policy::Strict, &no_refs);
    assert!(c.iter().any(|c| c.rule == "UNSUPPORTED_SCHEMA"));
}

#[test]
fn deep_nesting_through_properties_and_combinators_is_bounded() {
    let mut w = json!({"type": "string"});
    for i in 0..300 {
        w = if i % 2 == 0 {
            json!({"type": "object", "properties": {"p": w}, "additionalProperties": {"type": "string"}})
        } else {
            json!({"anyOf": [w, {"type": "null"}]})
        };
    }
    let c = check(&w, &w, Policy::Strict, &no_refs);
    assert!(
        !is_compatible(&c),
        "too-deep schemas are reported, not passed"
    );
}

#[test]
fn combinatorial_blowup_is_bounded() {
    // Every pair of branches is deep and similar, so naive pairing is exponential.
    let mut w = json!({"type": "string"});
    for _ in 0..6 {
        w = json!({"anyOf": [w, {"type": "object", "properties": {"x": w}}, {"type": "array", "items": w}]});
    }
    let c = check(&w, &w, Policy::Strict, &no_refs);
    // Either finishes (compatible) or reports the budget; it must not hang.
    assert!(is_compatible(&c) || c.iter().any(|c| c.rule == "UNSUPPORTED_SCHEMA"));
}

#[test]
fn change_display_is_one_line() {
    let c = check(
        &json!({"type": "string"}),
        &json!({"type": "integer"}),
        Policy::Strict,
        &no_refs,
    );
    let line = c[0].to_string();
    assert!(line.starts_with("#/type: TYPE_CHANGED: "), "{line}");
    assert!(!line.contains('\n'));
}

#[test]
fn unmatched_branch_explains_closest_failure() {
    let w = json!({"oneOf": [{"type": "string"}, {"type": "object", "properties": {"iban": {"type": "string"}}}]});
    let r = json!({"oneOf": [{"type": "string"}, {"type": "object", "properties": {"iban": {"type": "string", "maxLength": 34}}}]});
    let c = check(&w, &r, Policy::Strict, &no_refs);
    let m = c
        .iter()
        .find(|c| c.rule == "COMBINED_TYPE_SUBSCHEMAS_CHANGED")
        .expect("reported");
    assert!(
        m.message
            .contains("MAX_LENGTH_ADDED at #/oneOf/1/properties/iban/maxLength"),
        "{}",
        m.message
    );
}

#[test]
fn reader_base_applies_to_each_branch() {
    // The reader's base `maxLength` applies to every anyOf branch: not compatible.
    let w = json!({"type": "string"});
    let r = json!({"maxLength": 2, "anyOf": [{"type": "string"}, {"type": "null"}]});
    assert!(strict(w, r).contains(&"MAX_LENGTH_ADDED".to_string()));
}

#[test]
fn writer_sum_to_single_checks_every_branch_with_its_base() {
    let w = json!({"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": false,
        "anyOf": [{"required": ["a"]}, {"properties": {"a": {"maxLength": 2}}}]});
    let r = json!({"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": false});
    assert!(strict(w.clone(), r.clone()).is_empty());
    // Other direction: the reader demands anyOf the writer does not guarantee.
    assert!(!strict(r, w).is_empty());
}

#[test]
fn pattern_property_added_matrix() {
    let w = json!({"type": "object"});
    let r = json!({"type": "object", "patternProperties": {"^n_": {"type": "number"}}});
    assert_eq!(strict(w.clone(), r.clone()), ["PATTERN_PROPERTY_ADDED"]);
    assert!(lenient(w.clone(), r).is_empty());
    let closed_w = json!({"type": "object", "additionalProperties": false});
    let r = json!({"type": "object", "patternProperties": {"^n_": {"type": "number"}}, "additionalProperties": false});
    assert!(strict(closed_w, r).is_empty());
}

#[test]
fn unresolved_ref_even_when_unchanged() {
    let s = json!({"properties": {"m": {"$ref": "money.json"}}});
    let c = compare(&s, &s, Mode::Full, Policy::Lenient, &no_refs);
    assert!(!is_compatible(&c));
    assert!(c.iter().all(|c| c.rule == "REF_UNRESOLVED"));
}

#[test]
fn output_order_is_stable() {
    let w = json!({"type": "object", "dependencies": {"z": ["a"], "m": ["a"], "b": ["a"]}});
    let r = json!({"type": "object"});
    let paths: Vec<String> = check(&w, &r, Policy::Strict, &no_refs)
        .into_iter()
        .map(|c| c.path)
        .collect();
    assert_eq!(
        paths,
        ["#/dependencies/b", "#/dependencies/m", "#/dependencies/z"]
    );
    for _ in 0..5 {
        assert_eq!(
            check(&w, &r, Policy::Strict, &no_refs),
            check(&w, &r, Policy::Strict, &no_refs)
        );
    }
}

// ----- subschemas that accept nothing, equivalent subschemas -----

#[test]
fn writer_accepting_nothing_is_compatible_with_anything() {
    let empty = [
        json!({"allOf": [{"type": "number"}, {"type": "string"}]}),
        json!({"enum": []}),
        json!({"type": "integer", "enum": [1.5, "a"]}),
        json!({"not": {}}),
        json!({"type": "string", "minLength": 3, "maxLength": 2}),
        json!({"anyOf": [false, {"allOf": [{"type": "null"}, {"type": "object"}]}]}),
        json!({"$defs": {"n": {"type": "null"}}, "allOf": [{"$ref": "#/$defs/n"}, {"type": "array"}]}),
    ];
    for w in empty {
        let c = check(&w, &json!({"type": "boolean"}), Policy::Strict, &no_refs);
        assert!(is_compatible(&c), "{w}: {c:?}");
        assert!(c.iter().any(|c| c.rule == "WRITER_ACCEPTS_NOTHING"), "{w}");
    }
    // Not empty: integers are numbers; a range that admits one value.
    for w in [
        json!({"allOf": [{"type": "number"}, {"type": "integer"}]}),
        json!({"type": "integer", "minimum": 5, "maximum": 5}),
        json!({"not": {"type": "string"}}),
    ] {
        assert!(
            !strict(w.clone(), json!({"type": "boolean"})).is_empty(),
            "{w}"
        );
    }
}

#[test]
fn self_referencing_combinators_terminate() {
    let w = json!({"anyOf": [{"$ref": "#"}, {"allOf": [{"$ref": "#"}, {"$ref": "#"}]}]});
    let c = check(&w, &json!({"type": "string"}), Policy::Strict, &no_refs);
    assert!(!is_compatible(&c));
}

/// Found by `tests/fuzz.rs` in CI: a writer `allOf` holding `$ref: "#"` is flattened, which
/// copies the root's content to a deeper location at every level. The recursion must still
/// meet the pair it is comparing (by content), not pair branches until the work budget runs out.
#[test]
fn recursion_through_a_flattened_all_of_meets_itself() {
    let pairs = [
        (
            json!({"anyOf": [{"$ref": "#"}]}),
            json!({"oneOf": [{"allOf": [{"$ref": "#"}]}, {"allOf": [{"$ref": "#"}, {}]}]}),
        ),
        // No `$ref` at the top of any pair compared: only the flattening meets the recursion.
        (
            json!({"oneOf": [{"type": "string"}]}),
            json!({"oneOf": [{"allOf": [{"$ref": "#"}]}, {"allOf": [{"$ref": "#"}]}]}),
        ),
    ];
    // Each of these schemas is defined by itself at the same value (validators loop on it):
    // reported as such, never as compatible, and never after exhausting the budget.
    for (old, new) in &pairs {
        for (w, r) in [(old, new), (new, old)] {
            let c = check(w, r, Policy::Strict, &no_refs);
            assert!(!is_compatible(&c), "{w} → {r}: {c:?}");
            assert!(
                c.iter().all(|c| !c.message.contains("work budget")),
                "{w} → {r}: {c:?}"
            );
        }
    }
    let w = json!({"anyOf": [{"type": "string"}, {"allOf": [{"$ref": "#"}]}]});
    let c = check(&w, &json!({"type": "string"}), Policy::Strict, &no_refs);
    assert!(!is_compatible(&c), "{c:?}");
    let c = check(
        &json!({"allOf": [{"$ref": "#"}]}),
        &json!({"type": "string"}),
        Policy::Lenient,
        &no_refs,
    );
    assert!(
        c.iter()
            .any(|c| c.breaking && c.message.contains("never goes into the data")),
        "{c:?}"
    );
    // The same shape recursing through the data (`items`) is a tree: compatible with itself,
    // and a real difference under the recursion is still reported.
    let tree = |leaf: &str| json!({"anyOf": [{"type": leaf}, {"type": "array", "items": {"allOf": [{"$ref": "#"}, {}]}}]});
    let (w, r) = (tree("integer"), tree("string"));
    assert_eq!(check(&w, &w.clone(), Policy::Strict, &no_refs), []);
    let c = check(&w, &r, Policy::Strict, &no_refs);
    assert!(!is_compatible(&c), "{c:?}");
    assert!(c.iter().all(|c| c.rule != "UNSUPPORTED_SCHEMA"), "{c:?}");
}

/// Review findings on the fix above: a self-definition met inside a trial that was set aside
/// is still reported; a property named "" does not hide one; `$ref` siblings are not ignored
/// when both sides point at the same target.
#[test]
fn self_definitions_are_reported_wherever_they_are_met() {
    let self_defined = |c: &[Change]| {
        c.iter()
            .any(|c| c.breaking && c.message.contains("never goes into the data"))
    };
    // The reader's branch 1 accepts all writer data, but branch 0 is defined by itself.
    for kw in ["oneOf", "anyOf"] {
        let r = json!({ kw: [{"$ref": "#"}, {"type": "string"}] });
        let c = check(&json!({"type": "string"}), &r, Policy::Strict, &no_refs);
        assert!(self_defined(&c), "{kw}: {c:?}");
    }
    // An empty name is a segment of its own, not a separator to skip.
    let s = json!({"dependencies": {"": {"dependencies": {"items": {"$ref": "#"}}}}});
    let c = check(&s, &s.clone(), Policy::Strict, &no_refs);
    assert!(self_defined(&c), "{c:?}");
    // Both sides point at c.json#/X, but the reader adds a sibling (2020-12: it applies).
    let m = "https://json-schema.org/draft/2020-12/schema";
    let resolve = |name: &str| (name == "c.json").then(|| json!({"X": {"type": "string"}}));
    let w = json!({"$schema": m, "$ref": "c.json#/X"});
    let r = json!({"$schema": m, "$ref": "c.json#/X", "maxLength": 3});
    let c = check(&w, &r, Policy::Strict, &resolve);
    assert!(!is_compatible(&c), "{c:?}");
    assert!(is_compatible(&check(
        &w,
        &w.clone(),
        Policy::Strict,
        &resolve
    )));
}

/// Refs this checker cannot resolve as a validator would are refused (breaking), never
/// resolved against the wrong base: an embedded `$id`, and cross-document `$ref` siblings that
/// hold refs of their own.
#[test]
fn refs_it_cannot_resolve_faithfully_are_refused() {
    let breaks_with_unresolved =
        |c: &[Change]| !is_compatible(c) && c.iter().any(|c| c.rule == "REF_UNRESOLVED");
    // `#/definitions/x` under r's own `$id` is r's x (an integer), not the root's string.
    let w = json!({
        "definitions": {
            "x": {"type": "string"},
            "r": {"$id": "http://example.com/r.json",
                  "definitions": {"x": {"type": "integer"}},
                  "properties": {"p": {"$ref": "#/definitions/x"}}}
        },
        "properties": {"a": {"$ref": "#/definitions/r"}}
    });
    let r = json!({"properties": {"a": {"properties": {"p": {"type": "string"}}}}});
    let c = check(&w, &r, Policy::Strict, &no_refs);
    assert!(breaks_with_unresolved(&c), "{c:?}");
    // Fragment-only ids (as schema generators write them) and data holding "$id" are fine.
    let w = json!({
        "$id": "http://example.com/root.json",
        "definitions": {"x": {"$id": "#x", "type": "string"}},
        "properties": {"a": {"$id": "#/properties/a", "$ref": "#/definitions/x"},
                       "$id": {"type": "string"}},
        "examples": [{"$id": "http://example.com/data"}]
    });
    assert_eq!(check(&w, &w.clone(), Policy::Strict, &no_refs), []);
    // The siblings' `#/$defs/m` belongs to the holder's document, not to c.json.
    let m = "https://json-schema.org/draft/2020-12/schema";
    let resolve =
        |name: &str| (name == "c.json").then(|| json!({"type": "object", "$defs": {"m": {}}}));
    let side = |t: &str| {
        json!({"$schema": m, "$ref": "c.json",
               "properties": {"p": {"$ref": "#/$defs/m"}},
               "$defs": {"m": {"type": t}}})
    };
    let c = check(&side("integer"), &side("string"), Policy::Strict, &resolve);
    assert!(breaks_with_unresolved(&c), "{c:?}");
}

/// A recursion's target is serialised once, not at every visit: 2,000 properties that each
/// refer to the root stay a linear amount of key work (the clock is only a hang guard).
#[test]
fn many_refs_to_a_large_target_serialise_it_once() {
    // 2,000 properties that each refer to the root: every `$ref` pair is keyed by the target's
    // canonical text. Computed per visit that is 2,000 texts of the whole root (millions of
    // values written); the cache writes each target once. Measured in values written, not time.
    let props: Map<String, Value> = (0..2000)
        .map(|i| (format!("p{i}"), json!({"$ref": "#"})))
        .collect();
    let s = json!({"type": "object", "properties": props});
    let before = super::empty::CANONICAL_NODES.with(|n| n.get());
    assert_eq!(check(&s, &s.clone(), Policy::Strict, &no_refs), []);
    let written = super::empty::CANONICAL_NODES.with(|n| n.get()) - before;
    // The root has about 6,000 values; a few texts of it are fine, one per reference is not.
    assert!(
        written < 100_000,
        "{written} values written as canonical text"
    );
}

#[test]
fn equivalent_branches_are_recognised() {
    use super::empty::{canonical, distinct};
    assert_eq!(
        canonical(&json!({"type": "number", "maximum": 10, "title": "x"})),
        canonical(&json!({"maximum": 10.0, "type": "number"}))
    );
    // Annotations below the top level are data (e.g. a property named `title`).
    assert_ne!(
        canonical(&json!({"properties": {"title": {}}})),
        canonical(&json!({"properties": {}}))
    );
    let bs = [json!({"a": 1}), json!({"b": 1}), json!({"a": 1.0})];
    assert_eq!(distinct(&bs), vec![0, 1]);
}

#[test]
fn wide_nested_combinators_stay_within_the_work_budget() {
    // anyOf of anyOf … 4 levels deep, 8 wide, on both sides, with slightly different leaves:
    // pairing branches multiplies; the work budget and the bounded type analysis keep it fast.
    fn nest(depth: usize, leaf: u64) -> Value {
        if depth == 0 {
            return json!({"type": "integer", "maximum": leaf});
        }
        let branches: Vec<Value> = (0..8).map(|i| nest(depth - 1, leaf + i)).collect();
        json!({"anyOf": branches, "allOf": [{"not": {"type": "string"}}]})
    }
    let (w, r) = (nest(4, 0), nest(4, 1));
    let started = std::time::Instant::now();
    let c = check(&w, &r, Policy::Strict, &no_refs);
    // 8⁴ leaves a side: pairing them all is far beyond the budget, which must be what ended
    // the comparison (as a break, never a pass).
    assert!(!is_compatible(&c));
    assert!(
        c.iter()
            .any(|c| c.rule == "UNSUPPORTED_SCHEMA" && c.message.contains("work budget")),
        "{c:?}"
    );
    // Only a guard against a hang (a step whose cost grows with the schema): a debug build
    // takes ~2 s here, a release build 0.3 s.
    assert!(
        started.elapsed() < std::time::Duration::from_secs(120),
        "took {:?}",
        started.elapsed()
    );
}

// ----- size: set comparisons are hashed, not quadratic (issue 13 item 5) -----

/// `{"enum": values}` without cloning through `json!`.
fn enum_of(values: Vec<Value>) -> Value {
    let mut o = Map::new();
    o.insert("enum".into(), Value::Array(values));
    Value::Object(o)
}

#[test]
fn a_million_enum_values_compare_by_value_in_linear_time() {
    const N: u64 = 1_000_000;
    // Writer: integers. Reader: the same values written as floats (1 == 1.0), in reverse,
    // without 500000 and with one new value.
    let w = enum_of((0..N).map(Value::from).collect());
    let mut r: Vec<Value> = (0..N)
        .rev()
        .filter(|&i| i != 500_000)
        .map(|i| Value::from(i as f64))
        .collect();
    r.push(json!("new"));
    let mut r = enum_of(r);
    let c: Vec<Change> = check(&w, &r, Policy::Strict, &no_refs)
        .into_iter()
        .filter(|c| c.rule != "TYPE_EXTENDED") // integer → any: informational
        .collect();
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].rule, "ENUM_ARRAY_CHANGED");
    assert!(c[0].breaking);
    assert_eq!(
        c[0].message,
        "enum changed; value(s) 500000 removed: the new schema rejects them"
    );
    // With 500000.0 back every writer value is allowed: compatible, decided value by value.
    r["enum"].as_array_mut().unwrap().push(json!(500_000.0));
    let c = check(&w, &r, Policy::Strict, &no_refs);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].rule, "ENUM_ARRAY_EXTENDED");
    assert!(!c[0].breaking);
    assert_eq!(
        c[0].message,
        "the new schema accepts more values: all 1000000 value(s) the old one allows are valid under it"
    );
}

#[test]
fn enum_values_equal_by_value_match_across_kinds_of_numbers() {
    let w = json!({"enum": [1, 2.50, {"a": [1.0, "x"]}, [0], null]});
    let r = json!({"enum": [null, [0.0], {"a": [1, "x"]}, 2.5, 1.0, "1"]});
    let c = check(&w, &r, Policy::Strict, &no_refs);
    assert!(is_compatible(&c), "{c:?}");
    let long: Vec<Value> = (0..40).map(|i| json!({"k": i})).collect();
    let mut shorter = long.clone();
    shorter.retain(|v| v["k"] != 7);
    let c = check(&enum_of(long), &enum_of(shorter), Policy::Strict, &no_refs);
    assert_eq!(
        c.iter()
            .filter(|c| c.breaking)
            .map(|c| c.message.as_str())
            .collect::<Vec<_>>(),
        vec!["enum value(s) {\"k\":7} removed: the new schema rejects them"]
    );
}

#[test]
fn two_hundred_thousand_properties_compare_in_linear_time() {
    const N: usize = 200_000;
    let object = |extra: bool| {
        let mut props = Map::new();
        let mut required = Vec::with_capacity(N + 1);
        for i in 0..N {
            props.insert(format!("p{i}"), json!({"type": "string"}));
            if i != 7 || !extra {
                required.push(Value::from(format!("p{i}")));
            }
        }
        if extra {
            props.insert("extra".into(), json!({"type": "integer"}));
            required.push(json!("extra"));
        }
        json!({"type": "object", "properties": props, "required": required})
    };
    // New: one more required property (without default: breaking), p7 no longer required.
    let (old, new) = (object(false), object(true));
    let c = compare(&old, &new, Mode::Backward, Policy::Strict, &no_refs);
    let rules: Vec<(&str, &str, bool)> = c
        .iter()
        .map(|c| (c.rule.as_str(), c.path.as_str(), c.breaking))
        .collect();
    assert_eq!(
        rules,
        vec![
            ("REQUIRED_ATTRIBUTE_REMOVED", "#/required", false),
            (
                "REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
                "#/properties/extra",
                true
            ),
        ]
    );
}

#[test]
fn a_cancelled_comparison_stops_without_a_result() {
    let w = enum_of((0..200_000u64).map(Value::from).collect());
    let r = enum_of((0..200_001u64).map(Value::from).collect());
    let cancel = AtomicBool::new(true);
    // Work is measured in values written as canonical text on this thread, not in time.
    let nodes = || super::empty::CANONICAL_NODES.with(|n| n.get());
    let before = nodes();
    assert_eq!(
        check_cancellable(&w, &r, Policy::Strict, &no_refs, &cancel),
        Err(Cancelled)
    );
    assert_eq!(
        compare_cancellable(&w, &r, Mode::Full, Policy::Strict, &no_refs, &cancel),
        Err(Cancelled)
    );
    let cancelled = nodes() - before;
    cancel.store(false, Ordering::Relaxed);
    let before = nodes();
    assert!(check_cancellable(&w, &r, Policy::Strict, &no_refs, &cancel).is_ok());
    let whole = nodes() - before;
    assert!(
        cancelled * 10 < whole,
        "cancelled comparisons did {cancelled} units of work, a whole one {whole}"
    );
}

#[test]
fn too_many_branches_to_pair_are_unsupported_not_slow() {
    // 400 × 400 pairs: more trial comparisons than the work budget allows.
    let branches = |n: u64| -> Vec<Value> { (0..n).map(|i| json!({"const": i})).collect() };
    let w = json!({"anyOf": branches(400)});
    let r = json!({"anyOf": branches(401)});
    // Refused before any pairing is tried: the message says so (no clock needed).
    let c = check(&w, &r, Policy::Strict, &no_refs);
    let u = c
        .iter()
        .find(|c| c.rule == "UNSUPPORTED_SCHEMA")
        .expect("unsupported");
    assert!(u.breaking);
    assert!(
        u.message
            .contains("400 old × 401 new branches are too many to pair"),
        "{}",
        u.message
    );
}

// ----- messages tell the change from old to new, in every mode -----

/// (old, new, the rule's path, what a message at that path says, what none there may say:
/// the same change told backwards).
type DirectionCase = (Value, Value, &'static str, &'static str, &'static str);

fn direction_cases() -> Vec<DirectionCase> {
    let obj = |props: Value, required: Value, extra: Value| json!({"type": "object", "properties": props, "required": required, "additionalProperties": extra});
    let s = |extra: Value| {
        let mut v = json!({"type": "string"});
        v.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        v
    };
    vec![
        (
            json!({"type": "integer"}),
            json!({"type": "string"}),
            "#/type",
            "from integer to string",
            "from string to integer",
        ),
        (
            json!({"type": "string"}),
            json!({"type": "integer"}),
            "#/type",
            "from string to integer",
            "from integer to string",
        ),
        (
            json!({"type": "number"}),
            json!({"type": "integer"}),
            "#/type",
            "from number to integer",
            "from integer to number",
        ),
        (
            s(json!({"maxLength": 5})),
            s(json!({"maxLength": 10})),
            "#/maxLength",
            "increased from 5 to 10",
            "decreased",
        ),
        (
            s(json!({"maxLength": 10})),
            s(json!({"maxLength": 5})),
            "#/maxLength",
            "decreased from 10 to 5",
            "increased",
        ),
        (
            s(json!({})),
            s(json!({"maxLength": 5})),
            "#/maxLength",
            "`maxLength: 5` added",
            "removed",
        ),
        (
            s(json!({"minLength": 2})),
            s(json!({})),
            "#/minLength",
            "`minLength: 2` removed",
            "added",
        ),
        (
            s(json!({})),
            s(json!({"pattern": "^a"})),
            "#/pattern",
            "`pattern: \"^a\"` added",
            "removed",
        ),
        (
            s(json!({"pattern": "^a"})),
            s(json!({"pattern": "^b"})),
            "#/pattern",
            "from \"^a\" to \"^b\"",
            "from \"^b\"",
        ),
        (
            json!({"type": "integer", "multipleOf": 2}),
            json!({"type": "integer", "multipleOf": 4}),
            "#/multipleOf",
            "from 2 to 4",
            "from 4 to 2",
        ),
        (
            json!({"enum": ["a", "b"]}),
            json!({"enum": ["a"]}),
            "#/enum",
            "",
            "added",
        ),
        (
            json!({"enum": ["a"]}),
            json!({"enum": ["a", "b"]}),
            "#/enum",
            "",
            "removed",
        ),
        (
            json!({"type": "array", "uniqueItems": true}),
            json!({"type": "array"}),
            "#/uniqueItems",
            "`uniqueItems: true` removed",
            "added",
        ),
        (
            obj(
                json!({"a": {}, "name": {"type": "string"}}),
                json!(["name"]),
                json!(false),
            ),
            obj(
                json!({"a": {}, "name": {"type": "string"}}),
                json!([]),
                json!(false),
            ),
            "#/required",
            "`name` is no longer required",
            "became required",
        ),
        (
            obj(
                json!({"a": {}, "name": {"type": "string"}}),
                json!([]),
                json!(false),
            ),
            obj(
                json!({"a": {}, "name": {"type": "string"}}),
                json!(["name"]),
                json!(false),
            ),
            "#/required",
            "`name` became required",
            "no longer required",
        ),
        (
            obj(
                json!({"a": {}, "name": {"type": "string"}}),
                json!(["name"]),
                json!(false),
            ),
            obj(json!({"a": {}}), json!([]), json!(false)),
            "#/properties/name",
            "property `name` removed",
            "added",
        ),
        (
            obj(json!({"a": {}}), json!([]), json!(true)),
            obj(
                json!({"a": {}, "note": {"type": "string"}}),
                json!([]),
                json!(true),
            ),
            "#/properties/note",
            "property `note` added",
            "removed",
        ),
        (
            json!({"anyOf": [{"type": "string"}, {"type": "integer"}]}),
            json!({"anyOf": [{"type": "string"}]}),
            "#/anyOf",
            "lost 1 branch",
            "gained",
        ),
        (
            s(json!({})),
            s(json!({"not": {"const": "x"}})),
            "#/not",
            "`not` added",
            "removed",
        ),
    ]
}

#[test]
fn messages_tell_the_change_from_old_to_new_in_every_mode() {
    for (old, new, path, says, never) in direction_cases() {
        for mode in [Mode::Backward, Mode::Forward, Mode::Full] {
            let changes = compare(&old, &new, mode, Policy::Strict, &no_refs);
            let here: Vec<&str> = changes
                .iter()
                .filter(|c| c.path == path)
                .map(|c| c.message.as_str())
                .collect();
            let case = format!("{mode} {old} → {new}: {here:#?}");
            assert!(
                here.iter().any(|m| m.contains(says)),
                "{case}: none says {says:?}"
            );
            assert!(
                !here.iter().any(|m| m.contains(never)),
                "{case}: one says {never:?}"
            );
            // Every message names the versions as people know them.
            for m in &changes {
                assert!(
                    !m.message.contains("writer") && !m.message.contains("reader"),
                    "{case}"
                );
            }
        }
    }
}

#[test]
fn forward_breaks_say_which_schema_rejects_which_data() {
    // integer → string under FORWARD: the new data (strings) is rejected by the old schema.
    let c = compare(
        &json!({"type": "integer"}),
        &json!({"type": "string"}),
        Mode::Forward,
        Policy::Strict,
        &no_refs,
    );
    assert_eq!(
        c[0].message,
        "type changed from integer to string: the old schema rejects string values that the new one allows"
    );
    // A required property removed: old readers require what new data lacks.
    let old =
        json!({"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]});
    let new = json!({"type": "object", "properties": {}});
    let c = compare(&old, &new, Mode::Forward, Policy::Strict, &no_refs);
    let m = &c.iter().find(|c| c.breaking).expect("a break").message;
    assert!(!m.contains("new property"), "{m}");
    assert!(
        m.starts_with("property `name` removed, but the old schema requires it"),
        "{m}"
    );
}

#[test]
fn a_lenient_message_does_not_suggest_the_lenient_policy() {
    let old = json!({"type": "object", "properties": {"id": {"type": "string"}}});
    let new = json!({"type": "object", "properties": {"id": {"type": "string"}, "note": {"type": "string"}}});
    for (policy, breaks) in [(Policy::Strict, true), (Policy::Lenient, false)] {
        let c = compare(&old, &new, Mode::Backward, policy, &no_refs);
        let c = c
            .iter()
            .find(|c| c.rule == "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL")
            .expect("the rule");
        assert_eq!(c.breaking, breaks);
        assert_eq!(
            c.message.contains("use policy lenient"),
            breaks,
            "{}",
            c.message
        );
        assert_eq!(
            c.message.contains("compatible under policy lenient"),
            !breaks,
            "{}",
            c.message
        );
    }
}
