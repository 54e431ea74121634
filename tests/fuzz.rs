//! Property-based fuzzing (proptest) of the parsers and decoders that see untrusted input: the
//! record envelope (round trip, typed forms, and arbitrary lines), `--transform` (what it leaves
//! equal keeps its bytes), the position grammar, the DLQ origin decoder, the terminal escaper,
//! the report escapers (Markdown, workflow commands, XML), compat on arbitrary schema pairs
//! (JSON Schema, and Protobuf on generated `.proto` files), the CloudEvents binding (any headers
//! and values; a change of mode keeps the data bytes), and
//! validate's quick path
//! against the ordinary validator.
//!
//! `cargo test` runs each target with proptest's default number of cases; CI runs more
//! (`PROPTEST_CASES`). Failures proptest finds are kept in `tests/fuzz.proptest-regressions`
//! (the corpus, checked in) and replayed first on every run.

use evtctl::cmd::validate::{parse_json, verdict, Verdict};
use evtctl::codec::Codec;
use evtctl::dlq::origin::decode;
use evtctl::filter::Transform;
use evtctl::output::escape::{gh, md, xml};
use evtctl::output::sanitize::{escape, escape_json, escape_line};
use evtctl::position::{parse_start, parse_stop};
use evtctl::record::{Header, Record};
use evtctl::registry::compat::{compare, Mode, Policy};
use evtctl::registry::lookup::Context;
use evtctl::registry::Registry;
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

/// Payloads that are often JSON, written as people and producers write it (spacing, line
/// breaks, escapes, number forms, repeated keys), and often almost JSON.
fn json_like() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        "[\\[\\]{}\",:0-9.eE+\\- \n\tabnulrstf\\\\]{0,40}".prop_map(String::into_bytes),
        proptest::collection::vec(
            prop_oneof![
                Just("{\"a\": 1.50"),
                Just(", \"a\": 1e3"),
                Just(",\n \"s\": \"caf\\u00e9\""),
                Just(", \"n\": [123456789012345678901234567890, -0, true, null]"),
                Just(", \"x\": \"\\ud800\""),
                Just("}"),
                Just("\n"),
                Just(" "),
                Just("\u{feff}"),
            ],
            0..8,
        )
        .prop_map(|parts| parts.concat().into_bytes()),
    ]
}

/// Transforms that leave every record equal.
const IDENTITIES: [&str; 5] = [
    ".",
    ".value |= .",
    ".key |= .",
    ".headers += []",
    ".value |= (tojson | fromjson)",
];

proptest! {
    #[test]
    fn typed_envelopes_read_back_to_the_same_bytes(
        key in prop_oneof![bytes(), json_like()],
        value in prop_oneof![bytes(), json_like()],
        ty in prop_oneof![
            Just(Codec::Json), Just(Codec::Int32), Just(Codec::Int64),
            Just(Codec::Hex), Just(Codec::Base64), Just(Codec::String),
        ],
    ) {
        let r = Record { key: Some(key), value: Some(value), ..Record::default() };
        let mut line = Vec::new();
        r.with_view(|v| v.write_json_line_as(&mut line, ty, ty));
        let text = std::str::from_utf8(&line).expect("envelopes are UTF-8");
        let back = Record::from_envelope(text.trim_end()).expect("parses what it wrote");
        prop_assert_eq!(back.key, r.key);
        prop_assert_eq!(back.value, r.value);
    }

    #[test]
    fn a_transform_keeps_the_bytes_it_leaves_equal(
        mut r in record(),
        value in prop_oneof![bytes(), json_like()],
        which in 0..IDENTITIES.len(),
    ) {
        r.value = Some(value);
        // Compiled once per thread: compiling costs more than the case.
        thread_local! {
            static COMPILED: Vec<Transform> =
                IDENTITIES.iter().map(|c| Transform::compile(c).unwrap()).collect();
        }
        let after = COMPILED
            .with(|ts| r.with_view(|v| ts[which].apply(v)))
            .expect("an identity on the value");
        prop_assert_eq!(after.value, r.value);
        prop_assert_eq!(after.headers, r.headers);
        prop_assert_eq!(after.key, r.key);
    }

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
    fn cloudevents_take_any_headers_and_values(
        hs in proptest::collection::vec((
            prop_oneof![
                Just("ce_id".to_string()),
                Just("ce_source".to_string()),
                Just("ce_specversion".to_string()),
                Just("ce_type".to_string()),
                Just("ce_time".to_string()),
                Just("content-type".to_string()),
                Just("ce_".to_string()),
                "ce_\\PC{0,8}",
                "\\PC{0,12}",
            ],
            proptest::option::of(prop_oneof![
                bytes(),
                Just(b"1.0".to_vec()),
                Just(b"application/cloudevents+json".to_vec()),
                Just(b"application/json".to_vec()),
            ]),
        ), 0..8),
        value in proptest::option::of(prop_oneof![bytes(), json_like()]),
    ) {
        use evtctl::cloudevents::{convert, Event, Mode as CeMode};
        let headers: Vec<(&str, Option<&[u8]>)> =
            hs.iter().map(|(n, v)| (n.as_str(), v.as_deref())).collect();
        if let Some(ev) = Event::read(&headers, value.as_deref()) {
            let _ = ev.to_json_value();
            for p in &ev.problems {
                prop_assert!(!p.chars().any(hostile), "{p:?}");
            }
        }
        for mode in [CeMode::Structured, CeMode::Binary] {
            let _ = convert(mode, &headers, value.as_deref());
        }
    }

    #[test]
    fn cloudevents_change_modes_without_touching_the_data(
        data in proptest::option::of(prop_oneof![bytes(), json_like()]),
        json_type in any::<bool>(),
    ) {
        use evtctl::cloudevents::{to_binary, to_structured};
        let ct: &[u8] = if json_type { b"application/json" } else { b"application/octet-stream" };
        let headers: Vec<(&str, Option<&[u8]>)> = vec![
            ("ce_specversion", Some(b"1.0")),
            ("ce_id", Some(b"1")),
            ("ce_source", Some(b"/s")),
            ("ce_type", Some(b"T")),
            ("content-type", Some(ct)),
            ("other", None),
        ];
        let Ok(s) = to_structured(&headers, data.as_deref()) else {
            // Only data said to be JSON that is not JSON stops the way there.
            prop_assert!(json_type);
            prop_assert!(serde_json::from_slice::<serde::de::IgnoredAny>(data.as_deref().unwrap()).is_err());
            return Ok(());
        };
        let sh: Vec<(&str, Option<&[u8]>)> =
            s.headers.iter().map(|h| (h.name.as_str(), h.value.as_deref())).collect();
        let b = to_binary(&sh, s.value.as_deref()).expect("evtctl's own structured event converts");
        prop_assert_eq!(b.value, data);
        let names: Vec<&str> = b.headers.iter().map(|h| h.name.as_str()).collect();
        prop_assert_eq!(names, ["other", "ce_specversion", "ce_id", "ce_source", "ce_type", "content-type"]);
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
    fn a_redrive_of_a_quarantined_copy_strips_only_evtctl_quarantine_headers(
        hs in proptest::collection::vec((
            prop_oneof![
                Just("evtctl-dlq-own-headers".to_string()),
                Just("evtctl-dlq-topic".to_string()),
                Just("kafka_dlt-original-topic".to_string()),
                Just("traceparent".to_string()),
                "\\PC{0,20}",
            ],
            proptest::option::of(prop_oneof![
                "[0-9]{1,2}".prop_map(String::into_bytes),
                bytes(),
            ]),
        ), 0..12)
    ) {
        let headers: Vec<(&str, Option<&[u8]>)> =
            hs.iter().map(|(n, v)| (n.as_str(), v.as_deref())).collect();
        let own = evtctl::dlq::own_headers(&headers);
        prop_assert!(own <= headers.len());
        prop_assert!(headers[own..].iter().all(|(n, _)| n.starts_with("evtctl-dlq-")));
    }

    #[test]
    fn escaping_leaves_nothing_hostile(s in "\\PC*|[\\x00-\\x{ff}\\u{2000}-\\u{2070}\\u{202a}-\\u{202e}]{0,40}") {
        for out in [escape(&s), escape_line(&s), escape_json(&s)] {
            prop_assert!(!out.chars().any(hostile), "{:?} → {:?}", s, out);
        }
        prop_assert!(!escape_line(&s).contains('\n'));
    }

    /// The report escapers on any text: annotation properties and data read back as written
    /// (after the terminal escapes) and hold nothing that ends them, XML holds only XML 1.0
    /// characters and no markup, a Markdown code span holds the whole text, and no Markdown
    /// output can split a table cell.
    #[test]
    fn report_escaping_keeps_any_text_inert(s in "\\PC*|[\\x00-\\x{ff}\\u{fff0}-\\u{ffff}`|@<>()!%,:\\[\\]\\\\]{0,40}") {
        let unescape = |e: &str| {
            e.replace("%3A", ":").replace("%2C", ",").replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
        };
        let p = gh::property(&s);
        prop_assert!(!p.contains([',', ':', '\n', '\r']), "{:?} → {:?}", s, p);
        prop_assert_eq!(unescape(&p), escape_line(&s).into_owned());
        let d = gh::data(&s);
        prop_assert!(!d.contains(['\n', '\r']), "{:?} → {:?}", s, d);
        prop_assert_eq!(unescape(&d), escape(&s).into_owned());
        for x in [xml::text(&s), xml::attr(&s)] {
            prop_assert!(x.chars().all(|c| matches!(c, '\t' | '\n' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)), "{:?} → {:?}", s, x);
            prop_assert!(!x.contains(['<', '>']));
        }
        prop_assert!(!xml::attr(&s).contains(['"', '\n']));
        let code = md::code(&s);
        prop_assume!(!s.is_empty()); // `md::code("")` is "` `", a span holding a space
        let open = code.len() - code.trim_start_matches('`').len();
        let inner = &code[open..code.len() - open];
        prop_assert!(!inner.split(|c| c != '`').any(|run| run.len() == open), "{:?}", code);
        let inner = inner.strip_prefix(' ').and_then(|i| i.strip_suffix(' ')).filter(|_| inner.len() >= 2 && inner.starts_with(' ') && inner.ends_with(' ')).unwrap_or(inner);
        let shown = escape_line(&s);
        prop_assert_eq!(inner, shown.as_ref());
        for m in [md::text(&s), md::cell_code(&s)] {
            let mut chars = m.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => { chars.next(); }
                    '|' | '\n' | '\r' => prop_assert!(false, "{:?} → {:?}", s, m),
                    _ => {}
                }
            }
        }
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

/// The example registry, opened once (schemas compile on first use and stay compiled).
fn example_registry() -> &'static Registry {
    static REG: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
    REG.get_or_init(|| {
        Registry::open(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas"))
            .expect("the example registry opens")
    })
}

/// The valid examples of the example registry, as parsed values.
fn valid_examples() -> Vec<Value> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let mut out = Vec::new();
    for subject in std::fs::read_dir(&root).unwrap() {
        let dir = subject.unwrap().path().join("examples/valid");
        let Ok(files) = std::fs::read_dir(&dir) else {
            continue;
        };
        for f in files {
            let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
            out.push(serde_json::from_str(&text).unwrap());
        }
    }
    out.sort_by_key(|v: &Value| v.to_string());
    out
}

/// Values near the edges of the example schemas' patterns, formats, enums and bounds.
fn edge_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop_oneof![
            Just("2026-11-22T14:03:12.481Z"),
            Just("2026-11-22T14:03:12Z"),
            Just("2026-02-30T00:00:00Z"),
            Just("2026-11-22 14:03:12Z"),
            Just("2026-11-22T14:03:12.481+25:00"),
            Just("2026-11-22t14:03:12z"),
            Just("٢٠٢٦-11-22T14:03:12Z"),
            Just("2026-11-22T14:03:60Z"),
            Just("19.99"),
            Just("19.9"),
            Just("019.99"),
            Just("-1.00"),
            Just("1e2"),
            Just("١٩.٩٩"),
            Just(""),
            Just("\u{0}"),
            Just("ord_8KQ2M7XJ4P"),
            Just("ord_"),
            Just("cus_3HF9ZT2LQW\n"),
            Just("EUR"),
            Just("eur"),
            Just("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
            Just("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"),
            Just("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
            Just("6f1c2a7e-3b9d-4c1e-9a53-2f7d8e4b1c90"),
            Just("6F1C2A7E-3B9D-4C1E-9A53-2F7D8E4B1C90"),
            Just("web"),
            Just("store"),
            Just("OrderPlaced"),
            Just("PaymentCaptured"),
            Just("/checkout-service"),
        ]
        .prop_map(|s| json!(s)),
        "\\PC{0,12}".prop_map(|s| json!(s)),
        "[0-9]{1,4}\\.[0-9]{2}".prop_map(|s| json!(s)),
        prop_oneof![
            Just(json!(0)),
            Just(json!(1)),
            Just(json!(2)),
            Just(json!(-1)),
            Just(json!(1.0)),
            Just(json!(1.5)),
            Just(json!(-0.0)),
            Just(json!(u64::MAX)),
            Just(json!(i64::MIN)),
            Just(json!(true)),
            Just(json!(null)),
            Just(json!([])),
            Just(json!({})),
            Just(json!([{"sku": "A", "quantity": 1, "unitPrice": "1.00"}])),
        ],
        any::<i64>().prop_map(|n| json!(n)),
    ]
}

/// Every path to a value inside `v` (object keys and array indexes), `v` itself first.
fn paths(v: &Value) -> Vec<Vec<Value>> {
    let mut out = vec![Vec::new()];
    let children: Vec<(Value, &Value)> = match v {
        Value::Object(o) => o.iter().map(|(k, c)| (json!(k), c)).collect(),
        Value::Array(a) => a.iter().enumerate().map(|(i, c)| (json!(i), c)).collect(),
        _ => Vec::new(),
    };
    for (step, child) in children {
        for mut p in paths(child) {
            p.insert(0, step.clone());
            out.push(p);
        }
    }
    out
}

fn at<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        Value::String(k) => &mut v[k.as_str()],
        step => &mut v[step.as_u64().unwrap() as usize],
    })
}

/// A line made from a valid example: a few values replaced or removed, a key added, and a
/// text-level change serde_json would never write (a duplicated key, an escaped key, another
/// spelling of a number).
fn mutated_event(
    examples: fn() -> Vec<Value>,
    values: impl Strategy<Value = Value>,
    edits: std::ops::Range<usize>,
) -> impl Strategy<Value = String> {
    let edits = proptest::collection::vec(
        (any::<prop::sample::Index>(), 0u8..4, values, any::<bool>()),
        edits,
    );
    (
        any::<prop::sample::Index>(),
        edits,
        0u8..8,
        any::<prop::sample::Index>(),
    )
        .prop_map(move |(example, edits, text_edit, where_)| {
            let examples = examples();
            let mut v = example.get(&examples).clone();
            for (i, kind, value, top) in edits {
                // Half the edits go to a top-level member, where most keywords are.
                let all: Vec<Vec<Value>> = paths(&v)
                    .into_iter()
                    .filter(|p| !top || p.len() == 1)
                    .collect();
                let Some(path) = (!all.is_empty()).then(|| i.get(&all).clone()) else {
                    continue;
                };
                match (kind, path.split_last()) {
                    (0 | 1, _) => *at(&mut v, &path) = value,
                    (2, Some((Value::String(k), parent))) => {
                        if let Some(o) = at(&mut v, parent).as_object_mut() {
                            o.remove(k);
                        }
                    }
                    _ => {
                        if let Some(o) = at(&mut v, &path).as_object_mut() {
                            o.insert("extra".into(), value);
                        }
                    }
                }
            }
            let line = v.to_string();
            let keys: Vec<usize> = line.match_indices("\":").map(|(i, _)| i).collect();
            match text_edit {
                0 => line.replacen(":2,", ":2.0,", 1),
                1 => line.replacen(":1,", ":1e0,", 1),
                2 => line.replacen(":2,", ":2e400,", 1),
                3 => line.replacen("{\"", "{\"type\":\"OrderCancelled\",\"", 1),
                4 => line.replacen("\"type\"", "\"\\u0074ype\"", 1),
                5 if !keys.is_empty() => {
                    // Escape the last letter of one key.
                    // (A `":` at the very start is a string event, not a key: left alone.)
                    let end = *where_.get(&keys);
                    match line[..end].chars().last() {
                        Some(c) => format!(
                            "{}\\u{:04x}{}",
                            &line[..end - c.len_utf8()],
                            c as u32,
                            &line[end..]
                        ),
                        None => line,
                    }
                }
                _ => line,
            }
        })
}

/// A registry of one subject whose schema uses the keywords the example registry does not:
/// number bounds and `multipleOf` on non-integers, `enum`/`const` of composite values,
/// `uniqueItems`, `propertyNames`, `patternProperties`, lengths counted in characters, `format`.
fn keyword_registry() -> &'static Registry {
    static REG: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
    REG.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("evtctl-fuzz-keywords-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("kw")).unwrap();
        std::fs::create_dir_all(dir.join("kn")).unwrap();
        std::fs::write(
            dir.join("registry.toml"),
            "[routes.types]\nKw = \"kw\"\nKn = \"kn\"\n",
        )
        .unwrap();
        // Bounds without a `type` beside them: a number the quick path misread would not be
        // turned away by a failing type check (which would hide a false valid behind the
        // ordinary path).
        let numbers = json!({
            "properties": {
                "type": {"const": "Kn"},
                "z": {"minimum": -0.0, "maximum": 0},
                "m": {"multipleOf": 3, "exclusiveMaximum": 7.5},
                "n": {"minimum": -0.0, "maximum": 10, "multipleOf": 0.5},
                "big": {"maximum": 18446744073709551615u64, "minimum": -9223372036854775808i64}
            }
        });
        std::fs::write(dir.join("kn/v1.schema.json"), numbers.to_string()).unwrap();
        let schema = json!({
            "type": "object",
            "required": ["type"],
            "properties": {
                "type": {"const": "Kw"},
                "n": {"type": "number", "minimum": -0.0, "maximum": 10, "multipleOf": 0.5},
                "i": {"type": "integer", "exclusiveMinimum": -3},
                "big": {"maximum": 18446744073709551615u64, "minimum": -9223372036854775808i64},
                "z": {"minimum": -0.0, "maximum": 0},
                "m": {"multipleOf": 3, "exclusiveMaximum": 7.5},
                "e": {"enum": [1, "1", {"a": [1, 2]}, null, [1.0]]},
                "c": {"const": {"x": 1.0}},
                "u": {"type": "array", "uniqueItems": true, "maxItems": 4},
                "s": {"type": "string", "minLength": 2, "maxLength": 3},
                "o": {
                    "type": "object",
                    "propertyNames": {"pattern": "^[a-z]+$"},
                    "patternProperties": {"^x": {"type": "string"}},
                    "additionalProperties": {"type": "number"}
                },
                "f": {"format": "date-time"}
            },
            "additionalProperties": false
        });
        std::fs::write(dir.join("kw/v1.schema.json"), schema.to_string()).unwrap();
        Registry::open(&dir).expect("the keyword registry opens")
    })
}

fn keyword_examples() -> Vec<Value> {
    vec![
        json!({"type": "Kn", "z": 0, "m": 6, "n": 1.5, "big": 1}),
        json!({"type": "Kw", "n": 1.5, "i": 0, "big": 1,
        "z": 0,
        "m": 6, "e": {"a": [1, 2]}, "c": {"x": 1},
                "u": [1, 2], "s": "ab", "o": {"xa": "s", "b": 1}, "f": "2026-11-22T14:03:12Z"}),
    ]
}

fn keyword_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        prop_oneof![
            Just(json!(0)),
            Just(json!(-0.0)),
            Just(json!(0.5)),
            Just(json!(1)),
            Just(json!(1.0)),
            Just(json!(10)),
            Just(json!(10.5)),
            Just(json!(2.25)),
            Just(json!(-3)),
            Just(json!(-2)),
            Just(json!(u64::MAX)),
            Just(json!(i64::MIN)),
            Just(json!(1e300)),
            Just(json!(null)),
            Just(json!(true)),
            Just(json!("1")),
            Just(json!("a")),
            Just(json!("ab")),
            Just(json!("abc")),
            Just(json!("abcd")),
            Just(json!("😀😀")),
            Just(json!("e\u{301}")),
            Just(json!("\u{0}x")),
            Just(json!([1, 1])),
            Just(json!([1, 1.0])),
            Just(json!([{"a": 1}, {"a": 1.0}])),
            Just(json!([1, 2, 3, 4, 5])),
            Just(json!([1.0])),
            Just(json!({"x": 1.0})),
            Just(json!({"x": 1})),
            Just(json!({"a": [1, 2.0]})),
            Just(json!({"A": 1})),
            Just(json!({"": 1})),
            Just(json!({"xa": 1})),
            Just(json!("2026-11-22T14:03:60Z")),
            Just(json!("2026-13-01T00:00:00Z")),
        ],
        any::<f64>().prop_map(|f| json!(f)),
        any::<i64>().prop_map(|n| json!(n)),
        "\\PC{0,4}".prop_map(|s| json!(s)),
    ]
}

/// `verdict` must say valid exactly where jsonschema's own validator on a `Value` does, and
/// report an ordinary "invalid" as Invalid.
fn agrees_with_the_ordinary_validator(reg: &Registry, line: &str) -> Result<(), TestCaseError> {
    let ctx = Context::default();
    let got = verdict(reg, None, line.as_bytes(), &ctx);
    let expected = match parse_json::<Value>(line.as_bytes()) {
        Err(_) => None,
        Ok(event) => match reg.find(None, &event, &ctx) {
            Err(_) => None,
            Ok((subject, file)) => Some(
                subject
                    .validator(file, &reg.root)
                    .map(|v| v.is_valid(&event))
                    .unwrap_or(false),
            ),
        },
    };
    let valid = matches!(got, Verdict::Valid { .. });
    prop_assert_eq!(valid, expected == Some(true), "{} → {:?}", line, got);
    if expected == Some(false) {
        prop_assert!(
            matches!(got, Verdict::Invalid { .. }),
            "{} → {:?}",
            line,
            got
        );
    }
    Ok(())
}

proptest! {
    /// The quick path (a tape, DFA patterns) may only ever say "valid" where jsonschema's own
    /// validator on a `serde_json::Value` does: a false valid would pass bad data on.
    #[test]
    fn quick_validation_agrees_with_the_ordinary_validator(
        line in mutated_event(valid_examples, edge_value(), 0..4)
    ) {
        agrees_with_the_ordinary_validator(example_registry(), &line)?;
    }
}

proptest! {
    // Cheap cases (~0.2 ms each), and a false valid hides among many true answers: always
    // 20,000 of them (a tape that lost its numbers was found after ~1,000).
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn quick_validation_agrees_on_every_keyword(
        line in mutated_event(keyword_examples, keyword_value(), 1..3)
    ) {
        agrees_with_the_ordinary_validator(keyword_registry(), &line)?;
    }
}

// ---------------------------------------------------------------------------------------
// Protobuf compat on arbitrary (compilable) .proto pairs.
// ---------------------------------------------------------------------------------------

/// In-memory sources for protox, Google's well-known types behind them.
fn compile_proto(src: &str) -> Result<prost_reflect::FileDescriptor, String> {
    struct One(String);
    impl protox::file::FileResolver for One {
        fn open_file(&self, name: &str) -> Result<protox::file::File, protox::Error> {
            if name == "f.proto" {
                protox::file::File::from_source(name, &self.0)
            } else {
                Err(protox::Error::file_not_found(name))
            }
        }
    }
    let mut chain = protox::file::ChainFileResolver::new();
    chain.add(One(src.to_string()));
    chain.add(protox::file::GoogleFileResolver::new());
    let mut c = protox::Compiler::with_file_resolver(chain);
    c.open_file("f.proto")
        .map_err(|e| format!("{e:?}\n{src}"))?;
    c.descriptor_pool()
        .get_file_by_name("f.proto")
        .ok_or_else(|| "no f.proto".to_string())
}

/// One field without its name and number: a label and a type (scalars, an enum, messages
/// by any name, nested names, maps, a well-known type).
fn proto_field() -> impl Strategy<Value = (&'static str, String)> {
    let ty = prop_oneof![
        prop::sample::select(vec![
            "int32",
            "int64",
            "uint32",
            "sint64",
            "fixed32",
            "sfixed64",
            "bool",
            "float",
            "double",
            "string",
            "bytes",
            "E",
            "google.protobuf.Timestamp",
        ])
        .prop_map(str::to_string),
        (0..4u8).prop_map(|i| format!("M{i}")),
        (0..4u8).prop_map(|i| format!("M{i}.N")),
        (
            prop::sample::select(vec!["string", "int32", "bool"]),
            0..4u8
        )
            .prop_map(|(k, i)| format!("map<{k}, M{i}>")),
    ];
    let label = prop::sample::select(vec!["", "", "repeated ", "optional "]);
    (label, ty).prop_map(|(label, ty)| {
        if ty.starts_with("map<") {
            ("", ty)
        } else {
            (label, ty)
        }
    })
}

/// Fields numbered from `first` with gaps (`skip`), so versions renumber and retype fields.
fn numbered(fields: &[((&str, String), bool)], first: u32, oneof: bool) -> Vec<String> {
    let mut n = first;
    let mut out = Vec::new();
    for ((label, ty), skip) in fields {
        n += 1 + u32::from(*skip);
        if oneof && (!label.is_empty() || ty.starts_with("map<")) {
            continue;
        }
        out.push(format!("{label}{ty} f{n} = {n};"));
    }
    out
}

/// A proto3 file of four messages, each with fields, a nested message and maybe a oneof.
fn proto_file() -> impl Strategy<Value = String> {
    let fields = |max| prop::collection::vec((proto_field(), any::<bool>()), 0..max);
    let message = (fields(6), fields(3), fields(3));
    (
        prop::sample::select(vec!["p", "q"]),
        prop::collection::vec(message, 4),
        prop::sample::select(vec!["E0 = 0; E1 = 1;", "E0 = 0; X = 1; E2 = 2;"]),
    )
        .prop_map(|(pkg, messages, values)| {
            let mut s = format!(
                "syntax = \"proto3\";\npackage {pkg};\nimport \"google/protobuf/timestamp.proto\";\nenum E {{ {values} }}\n"
            );
            for (i, (fields, nested, oneof)) in messages.iter().enumerate() {
                let nested = numbered(nested, 0, false).join(" ");
                s.push_str(&format!("message M{i} {{\n  message N {{ {nested} }}\n"));
                for f in numbered(fields, 0, false) {
                    s.push_str(&format!("  {f}\n"));
                }
                let oneof = numbered(oneof, 20, true);
                if !oneof.is_empty() {
                    s.push_str(&format!("  oneof o {{ {} }}\n", oneof.join(" ")));
                }
                s.push_str("}\n");
            }
            s
        })
}

/// Each case compiles two files and compares them four times (~10 ms in a debug build):
/// `PROPTEST_CASES` is honoured up to 2,000, so CI's 20,000 do not cost minutes here.
fn protobuf_cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
        .map_or(256, |n| n.min(2_000))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(protobuf_cases()))]

    /// Any pair of files compiles into a comparison that ends, in every mode, with rule ids
    /// from the catalogue, FULL holding every change of BACKWARD and FORWARD.
    #[test]
    fn protobuf_compat_never_panics_and_reports_catalogued_rules(old in proto_file(), new in proto_file()) {
        use evtctl::registry::compat::{protobuf, rules};
        let o = compile_proto(&old).map_err(TestCaseError::fail)?;
        let n = compile_proto(&new).map_err(TestCaseError::fail)?;
        let never = std::sync::atomic::AtomicBool::new(false);
        let run = |mode| protobuf::compare(&o, &n, mode, &never).unwrap();
        let (b, f, full) = (run(Mode::Backward), run(Mode::Forward), run(Mode::Full));
        for c in b.iter().chain(&f) {
            prop_assert!(rules::find(&c.rule).is_some(), "{}", c);
            prop_assert!(full.contains(c), "{} missing from FULL", c);
        }
        prop_assert!(run(Mode::None).is_empty());
    }
}

// --- Avro, Protobuf and Confluent's wire format (issue 18) -----------------------------------

use evtctl::registry::avro::{limit_allocations, AvroSchema};
use evtctl::registry::binary::Part;
use evtctl::registry::proto::ProtoSchema;
use evtctl::registry::wire::{
    header_value, parse_header_id, read_indexes, split_prefix, write_indexes, write_prefix,
    SchemaId,
};

/// The schemas of the interop tests (tests/interop/formats): every Avro type and logical type,
/// and a Protobuf message at index [1, 0] with nested messages, oneofs, maps and packed fields.
fn formats_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/formats")
}

fn all_types_avro() -> &'static AvroSchema {
    static S: std::sync::OnceLock<AvroSchema> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        limit_allocations();
        let text = std::fs::read_to_string(formats_dir().join("order-value/v1.avsc")).unwrap();
        AvroSchema::parse(&text, &[]).unwrap()
    })
}

fn order_proto() -> &'static ProtoSchema {
    static S: std::sync::OnceLock<ProtoSchema> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let dir = formats_dir();
        ProtoSchema::compile(
            &dir.join("porder-value/v1.proto"),
            &dir,
            Some("interop.Outer.Order"),
        )
        .unwrap()
    })
}

/// A registry holding both formats with ids (Avro value 2, key 1; Protobuf value 3, key 4; and
/// a GUID each), to fuzz the whole decoding path: header or prefix, indexes, message.
fn formats_registry() -> &'static Registry {
    static REG: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
    REG.get_or_init(|| {
        limit_allocations();
        let root = std::env::temp_dir().join(format!("evtctl-fuzz-formats-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for d in [
            "order-value",
            "order-key",
            "porder-value",
            "porder-key",
            "_common",
        ] {
            std::fs::create_dir_all(root.join(d)).unwrap();
            for f in std::fs::read_dir(formats_dir().join(d)).unwrap() {
                let f = f.unwrap();
                std::fs::copy(f.path(), root.join(d).join(f.file_name())).unwrap();
            }
        }
        std::fs::write(
            root.join("registry.toml"),
            r#"[subjects.order-key.ids]
1 = [1, "00000000-0000-0000-0000-000000000001"]
[subjects.order-value.ids]
1 = [2, "00000000-0000-0000-0000-000000000002"]
[subjects.porder-value]
message = "interop.Outer.Order"
[subjects.porder-value.ids]
1 = [3, "00000000-0000-0000-0000-000000000003"]
[subjects.porder-key]
message = "interop.keys.Wrapper.Inner.Key"
[subjects.porder-key.ids]
1 = [4, "00000000-0000-0000-0000-000000000004"]
"#,
        )
        .unwrap();
        Registry::open(&root).expect("the fuzz registry opens")
    })
}

/// A JSON value of the all-types Avro schema, in evtctl's JSON forms.
fn avro_order() -> impl Strategy<Value = Value> {
    let latin1 = |max: usize| {
        proptest::collection::vec(any::<u8>(), 0..max)
            .prop_map(|b| Value::String(b.into_iter().map(char::from).collect()))
    };
    let fixed = |n: usize| {
        proptest::collection::vec(any::<u8>(), n..=n)
            .prop_map(|b| Value::String(b.into_iter().map(char::from).collect()))
    };
    let decimal = |digits: u32, scale: usize| {
        let max = 10i128.pow(digits) - 1;
        (-max..=max).prop_map(move |n| {
            let t = format!("{:0>width$}", n.unsigned_abs(), width = scale + 1);
            let (i, f) = t.split_at(t.len() - scale);
            Value::String(format!("{}{i}.{f}", if n < 0 { "-" } else { "" }))
        })
    };
    let finite_f32 = any::<f32>()
        .prop_filter("finite", |x| x.is_finite())
        .prop_map(|x| json!(x as f64));
    let finite_f64 = any::<f64>()
        .prop_filter("finite", |x| x.is_finite())
        .prop_map(|x| json!(x));
    // Dates and times mostly within what RFC 3339 shows (years 0001..=9999), and any number
    // the underlying int or long holds (hostile producers write those too).
    let ms = prop_oneof![
        4 => -62_135_596_800_000i64..253_402_300_799_999,
        1 => any::<i64>(),
    ];
    let us = prop_oneof![
        4 => -62_135_596_800_000_000i64..253_402_300_799_999_999,
        1 => any::<i64>(),
    ];
    let days = prop_oneof![4 => -719_162i32..2_932_896, 1 => any::<i32>()];
    let t_ms = prop_oneof![4 => 0i32..86_400_000, 1 => any::<i32>()];
    let t_us = prop_oneof![4 => 0i64..86_400_000_000, 1 => any::<i64>()];
    let finite_f32 = prop_oneof![
        8 => finite_f32,
        1 => prop_oneof![Just("NaN"), Just("Infinity"), Just("-Infinity")].prop_map(|t| json!(t)),
    ];
    let text = "\\PC{0,6}";
    let status = prop_oneof![Just("NEW"), Just("PAID"), Just("SHIPPED")];
    let line = (text, any::<i32>(), proptest::collection::vec(text, 0..3))
        .prop_map(|(sku, qty, tags)| json!({"sku": sku, "qty": qty, "tags": tags}));
    let customer = proptest::option::of(
        (text, text, proptest::option::of(text))
            .prop_map(|(n, c, z)| json!({"name": n, "address": {"city": c, "zip": z}})),
    );
    let choice = prop_oneof![
        Just(Value::Null),
        any::<i64>().prop_map(|n| json!(n)),
        text.prop_map(|t| json!(t)),
    ];
    (
        (
            text,
            any::<i32>(),
            any::<i64>(),
            finite_f32,
            finite_f64,
            any::<bool>(),
        ),
        (latin1(12), decimal(10, 2), decimal(12, 3), any::<u128>()),
        (days, t_ms, t_us),
        (ms.clone(), us.clone(), ms, us),
        (
            status.clone(),
            fixed(4),
            proptest::option::of(text),
            customer,
        ),
        (
            proptest::collection::vec(line, 0..3),
            proptest::collection::btree_map(text, text, 0..2),
            proptest::collection::btree_map(
                text,
                proptest::collection::vec(any::<i64>(), 0..3),
                0..2,
            ),
            proptest::option::of(status),
            proptest::option::of(fixed(4)),
            choice,
        ),
    )
        .prop_map(|(a, b, c, d, e, f)| {
            json!({
                "id": a.0, "n_int": a.1, "n_long": a.2, "ratio": a.3, "score": a.4, "ok": a.5,
                "nothing": null, "raw": b.0, "price": b.1, "price_fixed": b.2,
                "uid": uuid::Uuid::from_u128(b.3).hyphenated().to_string(),
                "day": c.0, "t_ms": c.1, "t_us": c.2,
                "ts_ms": d.0, "ts_us": d.1, "lts_ms": d.2, "lts_us": d.3,
                "status": e.0, "hash": e.1, "note": e.2, "customer": e.3,
                "lines": f.0, "attrs": f.1, "counts": f.2, "maybe_status": f.3,
                "maybe_hash": f.4, "choice": f.5,
            })
        })
}

proptest! {
    #[test]
    fn wire_prefix_and_header_readers_take_any_bytes(b in proptest::collection::vec(any::<u8>(), 0..40)) {
        match split_prefix(&b) {
            Some((id, body)) => {
                prop_assert!(b.len() >= 5 && b[0] == 0);
                let mut again = Vec::new();
                write_prefix(id, &mut again);
                again.extend_from_slice(body);
                prop_assert_eq!(again, b.clone());
            }
            None => prop_assert!(b.len() < 5 || b[0] != 0),
        }
        match parse_header_id(&b) {
            Ok((SchemaId::Guid(g), tail)) => {
                let mut again = header_value(&g);
                again.extend_from_slice(tail);
                prop_assert_eq!(again, b.clone());
            }
            Ok((SchemaId::Num(_), tail)) => prop_assert_eq!(tail.len() + 5, b.len()),
            Err(e) => prop_assert!(!e.is_empty() && !e.contains('\n')),
        }
        // A GUID header cut short is an error, never a shorter GUID.
        if b.first() == Some(&1) && b.len() < 17 {
            prop_assert!(parse_header_id(&b).is_err());
        }
    }

    #[test]
    fn message_indexes_take_any_bytes(b in proptest::collection::vec(any::<u8>(), 0..24)) {
        if let Ok((idx, rest)) = read_indexes(&b, 64) {
            prop_assert!(!idx.is_empty() && idx.len() <= 64 && idx.iter().all(|&i| i >= 0));
            prop_assert!(rest.len() < b.len());
        }
    }

    /// Written indexes read back with the body after them untouched; every cut inside the
    /// indexes is an error (never a shorter path that names another message).
    #[test]
    fn message_indexes_round_trip_and_truncation_is_an_error(
        idx in proptest::collection::vec(0i32..=i32::MAX, 1..8),
        body in proptest::collection::vec(any::<u8>(), 0..8),
    ) {
        let mut b = Vec::new();
        write_indexes(&idx, &mut b);
        let n = b.len();
        b.extend_from_slice(&body);
        let (back, rest) = read_indexes(&b, 64).unwrap();
        prop_assert_eq!(back, idx);
        prop_assert_eq!(rest, &body[..]);
        for cut in 0..n {
            prop_assert!(read_indexes(&b[..cut], 64).is_err(), "cut at {}", cut);
        }
    }

    #[test]
    fn avro_decoder_takes_any_bytes(b in proptest::collection::vec(any::<u8>(), 0..200)) {
        let s = all_types_avro();
        if let Ok(v) = s.decode(&b) {
            // What decodes has a JSON form that encodes again (maybe in fewer bytes: varints).
            prop_assert!(s.encode(&v).is_ok(), "{}", v);
        }
        // A top-level "bytes" datum is any bytes at all, and exactly those (Confluent's form).
        let raw = AvroSchema::parse(r#""bytes""#, &[]).unwrap();
        let v = raw.decode(&b).unwrap();
        prop_assert_eq!(raw.encode(&v).unwrap(), b);
    }

    /// Generated values encode; the bytes decode to a form whose JSON text encodes to the very
    /// same bytes (what `tail -o json | publish --format envelope` relies on); a cut of the
    /// bytes and a trailing byte are errors.
    #[test]
    fn avro_values_round_trip_byte_for_byte(
        v in avro_order(),
        extra in any::<u8>(),
        cut in any::<proptest::sample::Index>(),
    ) {
        let s = all_types_avro();
        let bytes = s.encode(&v).map_err(|e| TestCaseError::fail(format!("{e}: {v}")))?;
        let back = s.decode(&bytes).map_err(|e| TestCaseError::fail(format!("{e}: {v}")))?;
        let text = s.ordered_text(&back);
        let reparsed: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(s.encode(&reparsed).unwrap(), bytes.clone(), "{}", text);
        // Every cut would cost a decode each: a random one and the last (a trailing union).
        for cut in [cut.index(bytes.len()), bytes.len() - 1] {
            prop_assert!(s.decode(&bytes[..cut]).is_err(), "cut at {}", cut);
        }
        let mut longer = bytes.clone();
        longer.push(extra);
        prop_assert!(s.decode(&longer).is_err());
    }

    #[test]
    fn protobuf_decoder_takes_any_bytes(b in proptest::collection::vec(any::<u8>(), 0..200)) {
        let s = order_proto();
        if let Ok(v) = s.decode(&s.message, &b) {
            // What decodes has a JSON form that encodes and decodes back to itself.
            let again = s.encode(&s.message, &v).map_err(|e| TestCaseError::fail(format!("{e}: {v}")))?;
            prop_assert_eq!(s.decode(&s.message, &again).unwrap(), v);
        }
        for idx in [&[0][..], &[1], &[1, 0], &[1, 0, 0], &[1, 0, 2], &[1, 0, 3], &[9, 9]] {
            if let Ok(m) = s.message_at(idx) {
                let _ = s.decode(&m, &b);
            }
        }
    }

    /// The whole path a record takes: an id header or none, a prefix or none, indexes, the
    /// datum, for keys and values, with every format's ids: never a panic, an error on one line.
    #[test]
    fn framed_payloads_decode_or_fail_on_one_line(
        id in 0u32..6,
        header in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..24)),
        guid in 0u8..6,
        body in proptest::collection::vec(any::<u8>(), 0..120),
        key in any::<bool>(),
    ) {
        let reg = formats_registry();
        let mut payload = Vec::new();
        write_prefix(id, &mut payload);
        payload.extend_from_slice(&body);
        let part = if key { Part::Key } else { Part::Value };
        let name = evtctl::registry::wire::id_header(key);
        let header = header.map(|mut h| {
            if guid > 0 {
                let mut g = header_value(&uuid::Uuid::from_u128(guid as u128));
                g.append(&mut h);
                g
            } else {
                h
            }
        });
        let headers: Vec<(&str, Option<&[u8]>)> =
            header.as_deref().map(|h| vec![(name, Some(h))]).unwrap_or_default();
        for bytes in [&payload[..], &body[..]] {
            if let Some(Err(e)) = reg.decode("fuzz", part, Some(bytes), &headers, None) {
                prop_assert!(!e.is_empty() && !e.contains('\n'), "{}", e);
            }
        }
    }
}

/// A value with a map of two entries is never carried decoded in the envelope: its bytes follow
/// the writer's entry order, and re-encoding one matched them only by chance (the hash order of
/// the moment), so `tail -o json | publish --format envelope` changed bytes now and then.
#[test]
fn maps_of_two_entries_never_count_as_exact() {
    let reg = formats_registry();
    let events: Vec<Value> = std::fs::read_to_string(formats_dir().join("avro-events.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut avro = Vec::new();
    write_prefix(2, &mut avro);
    avro.extend(all_types_avro().encode(&events[2]["value"]).unwrap());
    let s = order_proto();
    let msg = json!({"id": "p", "names": {"1": "a", "2": "b"}, "lines": {"x": {}, "y": {}}});
    let mut proto = Vec::new();
    write_prefix(3, &mut proto);
    write_indexes(&s.indexes, &mut proto);
    proto.extend(s.encode(&s.message, &msg).unwrap());
    // Each try hashes anew: 64 tries would all match by chance with odds below 2^-64.
    for _ in 0..64 {
        for payload in [&avro, &proto] {
            let d = reg
                .decode("t", Part::Value, Some(payload), &[], None)
                .unwrap()
                .unwrap();
            assert!(!d.exact, "{}", d.text);
        }
    }
}
