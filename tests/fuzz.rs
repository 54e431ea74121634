//! Property-based fuzzing (proptest) of the parsers and decoders that see untrusted input: the
//! record envelope (round trip and arbitrary lines), the position grammar, the DLQ origin
//! decoder, the terminal escaper, and compat on arbitrary schema pairs.
//!
//! `cargo test` runs each target with proptest's default number of cases; CI runs more
//! (`PROPTEST_CASES`). Failures proptest finds are kept in `tests/fuzz.proptest-regressions`
//! (the corpus, checked in) and replayed first on every run.

use evtctl::dlq::origin::decode;
use evtctl::output::sanitize::{escape, escape_json, escape_line};
use evtctl::position::{parse_start, parse_stop};
use evtctl::record::{Header, Record};
use evtctl::registry::compat::{compare, Mode, Policy};
use proptest::prelude::*;
use serde_json::{json, Value};

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..64),
        "[ -~]{0,32}".prop_map(String::into_bytes),
        "\\PC{0,16}".prop_map(String::into_bytes),
        Just(br#"{"a":1}"#.to_vec()),
        Just(b" {\"a\":1}".to_vec()),
        Just(Vec::new()),
    ]
}

fn record() -> impl Strategy<Value = Record> {
    (
        proptest::option::of(bytes()),
        proptest::option::of(bytes()),
        proptest::collection::vec(("\\PC{0,12}", proptest::option::of(bytes())), 0..4),
        proptest::option::of(-1_000_000_000_000i64..4_000_000_000_000),
    )
        .prop_map(|(key, value, headers, timestamp)| Record {
            topic: Some("t".into()),
            partition: Some(3),
            offset: Some(7),
            timestamp,
            key,
            headers: headers
                .into_iter()
                .map(|(name, value)| Header { name, value })
                .collect(),
            value,
        })
}

/// Characters that must never survive escaping.
fn hostile(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{61c}')
}

/// Schema-like JSON: the keywords compat understands, nested.
fn schema() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(json!({})),
        Just(json!(true)),
        Just(json!(false)),
        prop_oneof!["string", "integer", "number", "object", "array", "null", "boolean"]
            .prop_map(|t| json!({ "type": t })),
        (0i64..100).prop_map(|n| json!({"type": "integer", "minimum": n})),
        (1i64..50).prop_map(|n| json!({"type": "string", "maxLength": n})),
        proptest::collection::vec(any::<i8>(), 0..6).prop_map(|v| json!({ "enum": v })),
        Just(json!({"$ref": "#/definitions/x"})),
        Just(json!({"$ref": "#"})),
        Just(json!({"$ref": "other.json"})),
        Just(json!({"pattern": "^[a-z]+$"})),
        Just(json!({"multipleOf": 0.5})),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::btree_map("[a-c]", inner.clone(), 0..4).prop_map(|props| {
                json!({"type": "object", "properties": props, "required": props.keys().take(1).collect::<Vec<_>>()})
            }),
            (inner.clone(), any::<bool>()).prop_map(|(s, closed)| {
                json!({"type": "object", "properties": {"a": s}, "additionalProperties": !closed})
            }),
            inner.clone().prop_map(|s| json!({"type": "array", "items": s})),
            proptest::collection::vec(inner.clone(), 0..3).prop_map(|v| json!({"prefixItems": v, "items": false})),
            proptest::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({ "anyOf": v })),
            proptest::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({ "oneOf": v })),
            proptest::collection::vec(inner.clone(), 1..3).prop_map(|v| json!({ "allOf": v })),
            inner.clone().prop_map(|s| json!({ "not": s })),
            inner.clone().prop_map(|s| json!({"definitions": {"x": s}, "$ref": "#/definitions/x"})),
        ]
    })
}

proptest! {
    #[test]
    fn envelope_round_trips_every_record(r in record()) {
        let line = r.to_envelope_line();
        let text = std::str::from_utf8(&line).expect("envelopes are UTF-8");
        let back = Record::from_envelope(text.trim_end()).expect("parses what it wrote");
        prop_assert_eq!(back.key, r.key);
        prop_assert_eq!(back.value, r.value);
        prop_assert_eq!(back.headers, r.headers);
        prop_assert_eq!(back.timestamp, r.timestamp);
    }

    #[test]
    fn envelope_parser_never_panics(line in "\\PC{0,200}") {
        let _ = Record::from_envelope(&line);
    }

    #[test]
    fn envelope_parser_survives_mutated_envelopes(r in record(), cut in 0usize..400, byte in any::<u8>()) {
        let mut line = r.to_envelope_line();
        if !line.is_empty() {
            let i = cut % line.len();
            line[i] = byte;
        }
        let _ = Record::from_envelope(&String::from_utf8_lossy(&line));
    }

    #[test]
    fn positions_parse_or_refuse_without_panic(s in "[-+0-9a-zA-Z:.=, TZ]{0,40}", now in 0i64..4_000_000_000_000) {
        let _ = parse_start(&s, now);
        let _ = parse_stop(&s, now);
    }

    #[test]
    fn positions_from_arbitrary_text(s in "\\PC{0,40}") {
        let _ = parse_start(&s, 1_700_000_000_000);
        let _ = parse_stop(&s, 1_700_000_000_000);
    }

    #[test]
    fn origin_decoder_takes_any_headers(
        hs in proptest::collection::vec((
            prop_oneof![
                Just("__connect.errors.topic".to_string()),
                Just("__connect.errors.partition".to_string()),
                Just("kafka_dlt-original-partition".to_string()),
                Just("kafka_dlt-original-offset".to_string()),
                Just("kafka_dlt-original-topic".to_string()),
                Just("x-original-partition".to_string()),
                Just("evtctl-redrive-count".to_string()),
                Just("dead-letter-partition".to_string()),
                "\\PC{0,20}",
            ],
            proptest::option::of(bytes()),
        ), 0..8)
    ) {
        let headers: Vec<(&str, Option<&[u8]>)> =
            hs.iter().map(|(n, v)| (n.as_str(), v.as_deref())).collect();
        let _ = decode(&headers, &[]);
    }

    #[test]
    fn escaping_leaves_nothing_hostile(s in "\\PC*|[\\x00-\\x{ff}\\u{2000}-\\u{2070}\\u{202a}-\\u{202e}]{0,40}") {
        for out in [escape(&s), escape_line(&s), escape_json(&s)] {
            prop_assert!(!out.chars().any(hostile), "{:?} → {:?}", s, out);
        }
        prop_assert!(!escape_line(&s).contains('\n'));
    }

    /// "Ends quickly" is measured in work, not in seconds: these schemas have a few dozen
    /// nodes, so a comparison that runs into the work budget or the nesting limit has found
    /// a blow-up (recursion that never meets a pair it has seen, pairings that multiply).
    #[test]
    fn compat_never_panics_and_stays_within_its_budget(old in schema(), new in schema()) {
        let resolve = |_: &str| None;
        for mode in [Mode::Backward, Mode::Forward, Mode::Full] {
            for policy in [Policy::Strict, Policy::Lenient] {
                for c in compare(&old, &new, mode, policy, &resolve) {
                    prop_assert!(
                        !(c.message.contains("work budget") || c.message.contains("nesting too deep")),
                        "{} → {} ({:?}): {}", old, new, mode, c
                    );
                }
            }
        }
    }
}

/// The corpus kept in the repository: inputs found or known to be hard, replayed every run.
#[test]
fn corpus_replays_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_corpus");
    let lines = |f: &str| -> Vec<String> {
        std::fs::read_to_string(dir.join(f))
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    };
    for s in lines("positions.txt") {
        let _ = parse_start(&s, 1_700_000_000_000);
        let _ = parse_stop(&s, 1_700_000_000_000);
    }
    for s in lines("envelopes.txt") {
        if let Ok(r) = Record::from_envelope(&s) {
            let line = r.to_envelope_line();
            let again = Record::from_envelope(std::str::from_utf8(&line).unwrap().trim_end())
                .expect("round trip");
            assert_eq!(again.value, r.value, "{s}");
        }
    }
}
