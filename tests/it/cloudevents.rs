//! CloudEvents 1.0 on Kafka (the Kafka protocol binding), both modes, with records written by
//! evtctl and by a producer that is not evtctl (rdkafka). The cases are our own, written from
//! the binding's rules (the specification's test-data repository is not reachable here).

use crate::common::*;

const REGISTRY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas");

const ORDER: &str = r#"{"orderId":"ord_8KQ2M7XJ4P","customerId":"cus_3HF9ZT2LQW","items":[{"sku":"BOOK-9780262","quantity":1,"unitPrice":"42.00"}],"total":"42.00","currency":"GBP"}"#;

/// Valid OrderPlaced data a re-serialisation would change: spacing, unicode escapes, key order.
const ODD_DATA: &str = r#"{ "total" : "42.00","orderId":"ord_8KQ2M7XJ4P",  "customerId":"cus_3HF9ZT2LQ\u0057","items":[ {"sku":"BOOK-9780262","quantity":1,"unitPrice":"42.00"} ],"currency":"GBP" }"#;

/// Data that is JSON but in no schema: non-ASCII text, an escape, a number with an exponent.
const REPLAY_DATA: &str = "{\"z\":1.0e2 , \"a\" :[ ],\"note\":\"caf\\u00e9 \u{e9}\\n\"}";

fn run(args: &[&str]) -> (i32, String, String) {
    let out = evtctl().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn record(t: &str) -> serde_json::Value {
    let recs = read_all(t, &[]);
    assert_eq!(recs.len(), 1, "{recs:?}");
    serde_json::from_str(&recs[0]).unwrap()
}

fn binary_headers<'a>(id: &str, source: &str, spec: &str) -> Vec<(&'a str, Vec<u8>)> {
    vec![
        ("ce_specversion", spec.as_bytes().to_vec()),
        ("ce_id", id.as_bytes().to_vec()),
        ("ce_source", source.as_bytes().to_vec()),
        ("ce_type", b"OrderPlaced".to_vec()),
        ("content-type", b"application/json".to_vec()),
    ]
}

/// `evtctl publish TOPIC --type OrderPlaced` with the example registry.
fn publish_order(topic: &str) -> assert_cmd::Command {
    let mut cmd = evtctl();
    cmd.args([
        "publish",
        topic,
        "--registry",
        REGISTRY,
        "--type",
        "OrderPlaced",
    ]);
    cmd
}

#[test]
fn publish_type_writes_a_structured_event_by_default() {
    let t = topic("ce-pub-structured", 1);
    publish_order(&t)
        .args(["--source", "/checkout", ORDER])
        .assert()
        .success();
    let rec = record(&t);
    assert_eq!(
        header(&rec, "content-type").as_deref(),
        Some("application/cloudevents+json; charset=UTF-8")
    );
    assert!(header(&rec, "traceparent").is_some());
    assert!(
        header(&rec, "ce_id").is_none(),
        "no ce_ headers in structured mode"
    );
    let v = &rec["value"];
    assert_eq!(v["specversion"], "1.0");
    assert_eq!(v["type"], "OrderPlaced");
    assert_eq!(v["source"], "/checkout");
    assert_eq!(v["datacontenttype"], "application/json");
    assert_eq!(v["dataschema"], "evtctl:schemas/order-placed/v3");
    assert_eq!(v["version"], 3);
    assert_eq!(v["id"].as_str().unwrap().len(), 36, "a UUID");
    assert!(v["time"].as_str().unwrap().ends_with('Z'));
    // The data as given, byte for byte, inside the event.
    let raw = String::from_utf8(formatted(&t, "beginning", "%s").remove(0)).unwrap();
    assert!(raw.ends_with(&format!(",\"data\":{ORDER}}}")), "{raw}");
    // And `validate` finds it valid against the version dataschema names.
    let (code, out, err) = run(&["validate", &t, "--registry", REGISTRY, "-o", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("\"order-placed\""), "{out}");
    // A version from before the CloudEvents one describes the old envelope: refused, said why.
    let (code, _, err) = run(&[
        "publish",
        &t,
        "--registry",
        REGISTRY,
        "--type",
        "OrderPlaced",
        "--event-version",
        "2",
        ORDER,
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("invalid against order-placed@2"), "{err}");
    assert!(err.contains("specversion"), "{err}");
}

#[test]
fn publish_type_in_binary_mode_sends_the_payload_and_ce_headers() {
    let t = topic("ce-pub-binary", 1);
    publish_order(&t)
        .args(["--ce-mode", "binary", "--source", "/checkout", ODD_DATA])
        .args(["-H", "ce_id=mine"])
        .env(
            "TRACEPARENT",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        )
        .assert()
        .success();
    let rec = record(&t);
    let h = |n: &str| header(&rec, n);
    assert_eq!(h("ce_specversion").as_deref(), Some("1.0"));
    assert_eq!(h("ce_type").as_deref(), Some("OrderPlaced"));
    assert_eq!(h("ce_source").as_deref(), Some("/checkout"));
    assert_eq!(h("ce_version").as_deref(), Some("3"));
    assert_eq!(
        h("ce_dataschema").as_deref(),
        Some("evtctl:schemas/order-placed/v3")
    );
    assert_eq!(h("content-type").as_deref(), Some("application/json"));
    assert_eq!(h("ce_id").unwrap().len(), 36, "-H ce_id is replaced");
    let ids = rec["headers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["name"] == "ce_id")
        .count();
    assert_eq!(ids, 1);
    let tp = h("traceparent").unwrap();
    assert!(
        tp.starts_with("00-4bf92f3577b34da6a3ce929d0e0e4736-"),
        "{tp}"
    );
    assert_eq!(h("ce_traceparent"), Some(tp), "the same context in both");
    assert_eq!(
        formatted(&t, "beginning", "%s"),
        vec![ODD_DATA.as_bytes().to_vec()],
        "the value is the payload as given"
    );
    // Validated in the structured form rebuilt from the headers.
    let (code, out, err) = run(&["validate", &t, "--registry", REGISTRY, "-o", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    // Invalid data is refused before it is sent, in this mode too.
    let (code, _, err) = run(&[
        "publish",
        &t,
        "--registry",
        REGISTRY,
        "--type",
        "OrderPlaced",
        "--ce-mode",
        "binary",
        r#"{"orderId":"nope"}"#,
    ]);
    assert_ne!(code, 0, "{err}");
    assert!(err.contains("order-placed@3"), "{err}");
    // An extension attribute given with -H stays (the example schemas are closed models, so
    // this one is sent unvalidated).
    let ext = topic("ce-pub-ext", 1);
    publish_order(&ext)
        .args([
            "--ce-mode",
            "binary",
            "--no-validate",
            "-H",
            "ce_partitionkey=ord-1",
            ORDER,
        ])
        .assert()
        .success();
    let rec = record(&ext);
    assert_eq!(header(&rec, "ce_partitionkey").as_deref(), Some("ord-1"));
    assert_eq!(header(&rec, "ce_type").as_deref(), Some("OrderPlaced"));
    // A binary event written by hand (-H, the line sent as it is) is checked the same way: its
    // data in the event rebuilt from the headers, and its attributes.
    let hand = topic("ce-pub-hand", 1);
    let by_hand = |extra: &[&str]| {
        let mut args = vec!["publish", &hand, "--registry", REGISTRY];
        for h in [
            "ce_specversion=1.0",
            "ce_id=8b4e28ba-2fa1-11d2-883f-0016d3cca427",
            "ce_type=OrderPlaced",
        ] {
            args.extend(["-H", h]);
        }
        args.extend_from_slice(extra);
        args.push(ORDER);
        run(&args)
    };
    let (code, _, err) = by_hand(&["-H", "ce_source=/by-hand"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = by_hand(&[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("ce_source is missing"), "{err}");
    assert_eq!(read_all(&hand, &[]).len(), 1);
    // --ce-mode means nothing without --type: a usage error.
    let (code, _, err) = run(&["publish", &t, "--ce-mode", "binary", "{}"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--type"), "{err}");
}

#[test]
fn validate_checks_the_attributes_of_events_from_other_producers() {
    let t = topic("ce-validate", 1);
    let ok = binary_headers("1b4e28ba-2fa1-11d2-883f-0016d3cca427", "/shop", "1.0");
    let mut no_source = binary_headers("2b4e28ba-2fa1-11d2-883f-0016d3cca427", "/shop", "1.0");
    no_source.retain(|(n, _)| *n != "ce_source");
    let old = binary_headers("3b4e28ba-2fa1-11d2-883f-0016d3cca427", "/shop", "0.3");
    let structured_bad = format!(
        r#"{{"specversion":"1.0","id":"4b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"OrderPlaced","data":{ORDER}}}"#
    );
    let structured_ok = format!(
        r#"{{"specversion":"1.0","id":"5b4e28ba-2fa1-11d2-883f-0016d3cca427","source":"/s","type":"OrderPlaced","data":{ORDER}}}"#
    );
    let ct = || {
        vec![(
            "content-type",
            b"application/cloudevents+json; charset=UTF-8".to_vec(),
        )]
    };
    let rec = |headers, value: &'static str| Produced {
        partition: 0,
        key: None,
        value: value.as_bytes(),
        headers,
    };
    let sb: &'static str = Box::leak(structured_bad.into_boxed_str());
    let so: &'static str = Box::leak(structured_ok.into_boxed_str());
    produce_with(
        &broker().bootstrap,
        &t,
        &[
            rec(ok, ORDER),
            rec(no_source, ORDER),
            rec(old, ORDER),
            rec(ct(), sb),
            rec(ct(), so),
        ],
    );
    let (code, out, err) = run(&["validate", &t, "--registry", REGISTRY, "-o", "json"]);
    assert_eq!(code, 1, "{out}{err}");
    let lines = json_lines(out.as_bytes());
    let invalid: Vec<(i64, String)> = lines
        .iter()
        .filter(|l| l["type"] == "invalid")
        .map(|l| (l["offset"].as_i64().unwrap(), l["errors"].to_string()))
        .collect();
    assert_eq!(
        invalid.iter().map(|i| i.0).collect::<Vec<_>>(),
        [1, 2, 3],
        "{out}"
    );
    assert!(invalid[0].1.contains("ce_source is missing"), "{out}");
    assert!(
        invalid[1]
            .1
            .contains(r#"ce_specversion is \"0.3\", not \"1.0\""#),
        "{out}"
    );
    assert!(invalid[2].1.contains("source is missing"), "{out}");
    assert!(
        invalid[0].1.contains("\"schema_path\":\"cloudevents\""),
        "{out}"
    );
    // The same problems in the pretty report, located by topic/partition@offset.
    let (code, out, _) = run(&["validate", &t, "--registry", REGISTRY, "-o", "pretty"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("/0@1") && out.contains("ce_source is missing"),
        "{out}"
    );
}

#[test]
fn tail_shows_one_attribute_line_per_event() {
    let t = topic("ce-tail", 1);
    let mut h = binary_headers("e-1", "/shop\u{1b}[2J", "1.0");
    h.push(("ce_time", b"2026-11-22T15:20:00Z".to_vec()));
    produce_with(
        &broker().bootstrap,
        &t,
        &[Produced {
            partition: 0,
            key: Some(b"k"),
            value: ORDER.as_bytes(),
            headers: h,
        }],
    );
    let (code, out, err) = run(&[
        "tail",
        &t,
        "--from",
        "beginning",
        "--until",
        "end",
        "-o",
        "pretty",
    ]);
    assert_eq!(code, 0, "{err}");
    let line = out.lines().nth(1).unwrap();
    assert_eq!(
        line,
        "  cloudevent OrderPlaced id=e-1 source=/shop\\e[2J time=2026-11-22T15:20:00Z (binary)"
    );
}

#[test]
fn replay_converts_modes_without_touching_the_data() {
    let src = topic("ce-replay-src", 1);
    let bin = topic("ce-replay-bin", 1);
    let back = topic("ce-replay-back", 1);
    let structured = format!(
        "{{\"specversion\":\"1.0\",\"id\":\"6b4e28ba-2fa1-11d2-883f-0016d3cca427\",\"source\":\"/s\",\"type\":\"OrderPlaced\",\"datacontenttype\":\"application/json\",\"data\":{REPLAY_DATA}}}"
    );
    let ct = vec![
        ("content-type", b"application/cloudevents+json".to_vec()),
        ("x-other", b"kept".to_vec()),
    ];
    let avro = b"\x00\x00\x00\x00\x65\x02\xff\xfe".to_vec();
    let mut avro_headers = binary_headers("a-1", "/s", "1.0");
    avro_headers[4] = ("content-type", b"application/avro".to_vec());
    produce_with(
        &broker().bootstrap,
        &src,
        &[
            Produced {
                partition: 0,
                key: Some(b"k1"),
                value: structured.as_bytes(),
                headers: ct,
            },
            Produced {
                partition: 0,
                key: Some(b"k2"),
                value: b"plain, not an event",
                headers: vec![],
            },
            Produced {
                partition: 0,
                key: Some(b"k3"),
                value: &avro,
                headers: avro_headers,
            },
        ],
    );
    let replay = |from: &str, to: &str, mode: &str| {
        let (code, out, err) = run(&[
            "replay",
            "--from-topic",
            from,
            "--to",
            to,
            "--ce-mode",
            mode,
            "-o",
            "json",
        ]);
        assert_eq!(code, 0, "{out}{err}");
        (
            serde_json::from_str::<serde_json::Value>(out.trim()).unwrap(),
            err,
        )
    };
    let (receipt, err) = replay(&src, &bin, "binary");
    assert_eq!(receipt["copied"], 3, "{receipt}");
    assert_eq!(receipt["converted"], 1, "{receipt}");
    assert_eq!(receipt["not_cloudevents"], 1, "{receipt}");
    assert!(err.contains("1 record(s) are not CloudEvents"), "{err}");
    let values = formatted(&bin, "beginning", "%s");
    assert_eq!(values[0], REPLAY_DATA.as_bytes(), "data bytes as written");
    assert_eq!(values[1], b"plain, not an event");
    assert_eq!(values[2], avro, "already binary: as it was");
    let first: serde_json::Value = serde_json::from_str(&read_all(&bin, &[])[0]).unwrap();
    assert_eq!(first["key"], "k1");
    assert_eq!(header(&first, "x-other").as_deref(), Some("kept"));
    assert_eq!(header(&first, "ce_source").as_deref(), Some("/s"));
    assert_eq!(
        header(&first, "content-type").as_deref(),
        Some("application/json")
    );
    let (receipt, _) = replay(&bin, &back, "structured");
    assert_eq!(receipt["converted"], 2, "{receipt}");
    let values = formatted(&back, "beginning", "%s");
    let again = String::from_utf8(values[0].clone()).unwrap();
    assert!(
        again.ends_with(&format!(",\"data\":{REPLAY_DATA}}}")),
        "{again}"
    );
    let avro_event: serde_json::Value = serde_json::from_slice(&values[2]).unwrap();
    assert_eq!(avro_event["data_base64"], "AAAAAGUC//4=");
    // And back to binary once more: the very bytes.
    let last = topic("ce-replay-last", 1);
    replay(&back, &last, "binary");
    let values = formatted(&last, "beginning", "%s");
    assert_eq!(values[0], REPLAY_DATA.as_bytes());
    assert_eq!(values[2], avro);
}

#[test]
fn replay_names_a_record_it_cannot_convert_and_copies_nothing_of_it() {
    let src = topic("ce-replay-bad", 1);
    let values: [&[u8]; 2] = [b"{\"specversion\":\"1.0\",\"id\":", b"{oops"];
    produce_with(
        &broker().bootstrap,
        &src,
        &[
            Produced {
                partition: 0,
                key: None,
                value: values[0],
                headers: vec![("content-type", b"application/cloudevents+json".to_vec())],
            },
            Produced {
                partition: 0,
                key: None,
                value: values[1],
                headers: binary_headers("b-1", "/s", "1.0"),
            },
        ],
    );
    // Each run converts one record and fails on it; the other is already in the mode asked
    // for and is copied as it is. The one that failed is not copied, not even in part.
    for (mode, bad, good) in [("binary", 0, 1), ("structured", 1, 0)] {
        let dst = topic("ce-replay-bad-dst", 1);
        let (code, out, err) = run(&[
            "replay",
            "--from-topic",
            &src,
            "--to",
            &dst,
            "--ce-mode",
            mode,
            "-o",
            "json",
        ]);
        assert_eq!(code, 1, "{out}{err}");
        assert!(
            err.contains(&format!("cannot convert {src}/0@{bad}: ")),
            "{err}"
        );
        let receipt: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(receipt["conversion_errors"], 1, "{receipt}");
        assert_eq!(receipt["copied"], 1, "{receipt}");
        let copied = formatted(&dst, "beginning", "%s");
        assert_eq!(copied, [values[good]], "{mode}");
    }
}

#[test]
fn trace_reads_type_id_and_source_of_a_binary_event_from_its_headers() {
    let t = topic("ce-trace", 1);
    let id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let mut h = binary_headers("evt-7", "/payments", "1.0");
    h[3] = ("ce_type", b"PaymentCaptured".to_vec());
    h.push((
        "ce_traceparent",
        format!("00-{id}-00f067aa0ba902b7-01").into_bytes(),
    ));
    produce_with(
        &broker().bootstrap,
        &t,
        &[Produced {
            partition: 0,
            key: Some(b"k"),
            // The data has a `type` and an `id` of its own, which are not the event's.
            value: br#"{"type":"card","id":"pay-1","source":"psp"}"#,
            headers: h,
        }],
    );
    let (code, out, err) = run(&["trace", id, "--topics", &t, "-o", "json"]);
    assert_eq!(code, 0, "{err}");
    let m: Vec<serde_json::Value> = json_lines(out.as_bytes())
        .into_iter()
        .filter(|l| l["type"] == "match")
        .collect();
    assert_eq!(m.len(), 1, "{out}");
    assert_eq!(m[0]["event_type"], "PaymentCaptured");
    assert_eq!(m[0]["event_id"], "evt-7");
    assert_eq!(m[0]["source"], "/payments");
}

#[test]
fn validate_reads_cloudevents_in_envelopes_too() {
    let dir = std::env::temp_dir().join(unique("ce-envelopes"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("events.jsonl");
    let hs = |spec: &str, source: Option<&str>| {
        let mut h = vec![
            serde_json::json!({"name":"ce_specversion","value":spec}),
            serde_json::json!({"name":"ce_id","value":"7b4e28ba-2fa1-11d2-883f-0016d3cca427"}),
            serde_json::json!({"name":"ce_type","value":"OrderPlaced"}),
        ];
        if let Some(s) = source {
            h.push(serde_json::json!({"name":"ce_source","value":s}));
        }
        h
    };
    let data: serde_json::Value = serde_json::from_str(ORDER).unwrap();
    let lines = [
        serde_json::json!({"headers": hs("1.0", Some("/s")), "value": data}),
        serde_json::json!({"headers": hs("1.0", None), "value": data}),
        serde_json::json!({"headers": hs("1.0", Some("/s")), "value": {"orderId": 7}}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(&file, text).unwrap();
    let out = evtctl()
        .args(["validate", "--input", "envelope", "--registry", REGISTRY])
        .args(["-o", "json", "--file"])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let invalid: Vec<serde_json::Value> = json_lines(&out.stdout)
        .into_iter()
        .filter(|l| l["type"] == "invalid")
        .collect();
    assert_eq!(invalid.len(), 2, "{stdout}");
    assert_eq!(invalid[0]["line"], 2);
    assert!(
        invalid[0]["errors"]
            .to_string()
            .contains("ce_source is missing"),
        "{stdout}"
    );
    // The data, rebuilt into the structured event, fails the schema like any event.
    assert_eq!(invalid[1]["line"], 3);
    assert_eq!(invalid[1]["subject"], "order-placed");
    assert_eq!(invalid[1]["version"], 3);
    std::fs::remove_dir_all(&dir).unwrap();
}
