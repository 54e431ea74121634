//! `dlq redrive` against a real broker, with DLQ records written by another client (rdkafka
//! directly) in real frameworks' header conventions and encodings.

use crate::common::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Stdio;

fn connect_headers(topic: &str, partition: i32) -> Vec<(&str, Vec<u8>)> {
    vec![
        ("__connect.errors.topic", topic.as_bytes().to_vec()),
        (
            "__connect.errors.partition",
            partition.to_string().into_bytes(),
        ),
        ("__connect.errors.offset", b"1042".to_vec()),
        (
            "__connect.errors.exception.class.name",
            b"org.apache.kafka.connect.errors.DataException".to_vec(),
        ),
        ("__connect.errors.exception.message", b"bad field".to_vec()),
        (
            "traceparent",
            b"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".to_vec(),
        ),
    ]
}

/// `n` DLQ records spread over the DLQ's partitions, each naming `origin` partition i % 3.
fn fill(dlq: &str, dlq_partitions: i32, origin: &str, n: usize) {
    let values: Vec<String> = (0..n).map(|i| format!("{{\"n\":{i}}}")).collect();
    let keys: Vec<String> = (0..n).map(|i| format!("k{i}")).collect();
    let recs: Vec<Produced<'_>> = (0..n)
        .map(|i| Produced {
            partition: i as i32 % dlq_partitions,
            key: Some(keys[i].as_bytes()),
            value: values[i].as_bytes(),
            headers: connect_headers(origin, i as i32 % 3),
        })
        .collect();
    produce_with(&broker().bootstrap, dlq, &recs);
}

/// Whether the test broker keeps the metadata committed beside a group's position (Tansu 0.6
/// stores it but does not return it), which redrive's ledger needs.
fn ledger_kept() -> bool {
    commit_metadata_kept()
}

/// Without a ledger, a run stops loudly before moving a record past one it left in the DLQ.
fn assert_stopped_for_no_ledger(out: &std::process::Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("does not keep the metadata"), "{err}");
}

fn redrive(args: &[&str]) -> std::process::Output {
    evtctl()
        .args(["dlq", "redrive"])
        .args(args)
        .args(["-o", "json"])
        .output()
        .unwrap()
}

fn receipt(out: &std::process::Output) -> Value {
    let lines = json_lines(&out.stdout);
    lines
        .into_iter()
        .rev()
        .find(|l| l["kind"] == "receipt")
        .unwrap_or_else(|| {
            panic!(
                "no receipt; stderr: {}",
                String::from_utf8_lossy(&out.stderr)
            )
        })
}

/// Every record in `topic`, parsed.
fn records(topic: &str) -> Vec<Value> {
    read_all(topic, &[])
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// How many copies of each DLQ position arrived in `topic` (by evtctl-redrive-origin).
fn origins(topic: &str) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for r in records(topic) {
        let o = header(&r, "evtctl-redrive-origin").expect("redriven copies carry their origin");
        *m.entry(o).or_insert(0) += 1;
    }
    m
}

#[test]
fn records_go_back_to_their_origin_topic_and_partition() {
    let dlq = topic("rd-dlq", 2);
    let orders = topic("rd-orders", 3);
    let payments = topic("rd-payments", 2);
    let spring_ts: i64 = 1_700_000_000_123;
    let spring: Vec<(&str, Vec<u8>)> = vec![
        ("kafka_dlt-original-topic", payments.as_bytes().to_vec()),
        // Partition 5 does not exist in payments: the copy goes by key instead.
        ("kafka_dlt-original-partition", 5i32.to_be_bytes().to_vec()),
        ("kafka_dlt-original-offset", 77i64.to_be_bytes().to_vec()),
        (
            "kafka_dlt-original-timestamp",
            spring_ts.to_be_bytes().to_vec(),
        ),
        (
            "kafka_dlt-exception-fqcn",
            b"java.lang.IllegalStateException".to_vec(),
        ),
        ("tenant", b"acme".to_vec()),
    ];
    let recs = vec![
        Produced {
            partition: 0,
            key: Some(b"o-1"),
            value: b"{\"orderId\":\"o-1\"}",
            headers: connect_headers(&orders, 2),
        },
        Produced {
            partition: 1,
            key: Some(b"o-2"),
            value: b"{\"orderId\":\"o-2\"}",
            headers: connect_headers(&orders, 1),
        },
        Produced {
            partition: 1,
            key: Some(b"p-9"),
            value: b"\x00binary\xff",
            headers: spring,
        },
    ];
    produce_with(&broker().bootstrap, &dlq, &recs);

    // The plan moves nothing and names both destinations.
    let plan = redrive(&[&dlq, "--dry-run"]);
    assert!(
        plan.status.success(),
        "{}",
        String::from_utf8_lossy(&plan.stderr)
    );
    let p = &json_lines(&plan.stdout)[0];
    assert_eq!(p["kind"], "plan");
    assert_eq!(p["in_range"], 3);
    assert_eq!(p["destinations"].as_array().unwrap().len(), 2);
    assert!(records(&orders).is_empty(), "a dry run moves nothing");

    // Not on a terminal and no --yes: refused, exit 2.
    let refused = redrive(&[&dlq]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--yes"));

    let out = redrive(&[&dlq, "--yes", "--keep-timestamp"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = receipt(&out);
    assert_eq!(
        (r["moved"].as_u64(), r["complete"].as_bool()),
        (Some(3), Some(true))
    );

    let o = records(&orders);
    assert_eq!(o.len(), 2);
    for rec in &o {
        let want = if rec["key"] == "o-1" { 2 } else { 1 };
        assert_eq!(rec["partition"], want, "original partition kept: {rec}");
        let names: Vec<&str> = rec["headers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "traceparent",
                "evtctl-redrive-count",
                "evtctl-redrive-origin",
                "evtctl-redrive-at"
            ],
            "DLQ headers stripped, the rest kept, redrive headers added"
        );
        assert_eq!(header(rec, "evtctl-redrive-count").as_deref(), Some("1"));
    }
    let p = records(&payments);
    assert_eq!(p.len(), 1);
    let rec = &p[0];
    assert_eq!(
        rec["partition"],
        java_partition(b"p-9", 2),
        "no partition 5 there: by key, as the Java client would"
    );
    assert_eq!(
        rec["value"], "AGJpbmFyef8=",
        "binary value kept byte for byte"
    );
    assert_eq!(rec["value_encoding"], "base64");
    assert_eq!(
        rec["timestamp"], spring_ts,
        "--keep-timestamp: Spring's original"
    );
    assert_eq!(header(rec, "tenant").as_deref(), Some("acme"));
    assert_eq!(
        header(rec, "evtctl-redrive-origin"),
        Some(format!("{dlq}/1/1"))
    );
    assert!(header(rec, "kafka_dlt-original-topic").is_none());

    // The group's position is past all three: a rerun moves nothing.
    let again = redrive(&[&dlq, "--yes"]);
    assert!(again.status.success());
    assert_eq!(receipt(&again)["moved"], 0);
    assert_eq!(records(&orders).len(), 2);
}

#[test]
fn every_framework_convention_goes_back_to_its_topic_and_partition() {
    let dlq = topic("rd-conv", 1);
    let orig = topic("rd-conv-orig", 4);
    let t = orig.as_bytes().to_vec();
    let dec = |n: i64| n.to_string().into_bytes();
    let be32 = |n: i32| n.to_be_bytes().to_vec();
    let be64 = |n: i64| n.to_be_bytes().to_vec();
    // (value, headers, the partition the record came from), headers as each framework writes them.
    type Case<'a> = (&'a [u8], Vec<(&'a str, Vec<u8>)>, i32);
    let cases: Vec<Case<'_>> = vec![
        (
            b"connect",
            vec![
                ("__connect.errors.topic", t.clone()),
                ("__connect.errors.partition", dec(0)),
                ("__connect.errors.offset", dec(5)),
            ],
            0,
        ),
        (
            b"streams",
            vec![
                ("__streams.errors.topic", t.clone()),
                ("__streams.errors.partition", dec(1)),
                ("__streams.errors.offset", dec(6)),
                (
                    "__streams.errors.exception",
                    b"java.lang.RuntimeException".to_vec(),
                ),
            ],
            1,
        ),
        (
            b"share",
            vec![
                ("__dlq.errors.topic", t.clone()),
                ("__dlq.errors.partition", dec(2)),
                ("__dlq.errors.offset", dec(7)),
                ("__dlq.errors.delivery.count", dec(5)),
            ],
            2,
        ),
        (
            b"spring-dlt",
            vec![
                ("kafka_dlt-original-topic", t.clone()),
                ("kafka_dlt-original-partition", be32(3)),
                ("kafka_dlt-original-offset", be64(8)),
                ("kafka_dlt-exception-fqcn", b"x.Y".to_vec()),
            ],
            3,
        ),
        (
            b"spring-retry",
            vec![
                ("kafka_original-topic", t.clone()),
                ("kafka_original-partition", be32(1)),
                ("kafka_original-offset", be64(9)),
                ("retry_topic-attempts", be32(2)),
            ],
            1,
        ),
        (
            b"scst",
            vec![
                ("x-original-topic", t.clone()),
                ("x-original-partition", be32(2)),
                ("x-original-offset", be64(10)),
                ("x-exception-message", b"boom".to_vec()),
            ],
            2,
        ),
        (
            b"smallrye",
            vec![
                ("dead-letter-topic", t.clone()),
                ("dead-letter-partition", dec(3)),
                ("dead-letter-offset", dec(11)),
                ("dead-letter-reason", b"nope".to_vec()),
            ],
            3,
        ),
        (
            b"karafka",
            vec![
                ("source_topic", t.clone()),
                ("source_partition", dec(0)),
                ("source_offset", dec(12)),
                ("source_consumer_group", b"billing".to_vec()),
            ],
            0,
        ),
    ];
    let recs: Vec<Produced<'_>> = cases
        .iter()
        .map(|(v, h, _)| Produced {
            partition: 0,
            key: None,
            value: v,
            headers: h.clone(),
        })
        .collect();
    produce_with(&broker().bootstrap, &dlq, &recs);
    let out = redrive(&[&dlq, "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(receipt(&out)["moved"], cases.len());
    let got = records(&orig);
    assert_eq!(got.len(), cases.len());
    for (value, _, partition) in &cases {
        let name = std::str::from_utf8(value).unwrap();
        let r = got
            .iter()
            .find(|r| r["value"] == name)
            .unwrap_or_else(|| panic!("{name} did not arrive"));
        assert_eq!(r["partition"], *partition, "{name}: {r}");
        let names: Vec<&str> = r["headers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "evtctl-redrive-count",
                "evtctl-redrive-origin",
                "evtctl-redrive-at"
            ],
            "{name}: the framework's headers are stripped"
        );
    }
}

#[test]
fn a_dlq_that_refills_during_the_redrive_terminates() {
    let dlq = topic("rd-refill", 2);
    fill(&dlq, 2, "orders", 200);
    // Sending every record back into the DLQ itself: it refills as fast as it drains.
    let out = redrive(&[&dlq, "--to", &dlq, "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        receipt(&out)["moved"],
        200,
        "bounded by the ends captured at start"
    );
    let all = records(&dlq);
    assert_eq!(all.len(), 400);
    let counts: Vec<String> = all
        .iter()
        .filter_map(|r| header(r, "evtctl-redrive-count"))
        .collect();
    assert_eq!(counts.len(), 200);
    assert!(counts.iter().all(|c| c == "1"), "none went round twice");
}

#[test]
fn a_rerun_with_nothing_left_ends_at_once_complete() {
    let dlq = topic("rd-empty-rerun", 3);
    let dest = topic("rd-empty-rerun-to", 3);
    fill(&dlq, 3, "orders", 30);
    let first = redrive(&[&dlq, "--to", &dest, "--yes"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert_eq!(receipt(&first)["moved"], 30);
    // Straight after: the group has just been left, so joining it again would wait out the
    // broker's rebalance delay (~5 s on the embedded one). With nothing in range the rerun does
    // not join at all (librdkafka's group log shows no join). The bound is only a safety net
    // against a hang, not a timing check.
    let out = evtctl()
        .args(["dlq", "redrive", &dlq, "--to", &dest, "--yes", "-o", "json"])
        .args(["-vv", "-X", "debug=cgrp"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("Joining group"), "joined the group: {err}");
    let r = receipt(&out);
    assert_eq!(r["complete"], true);
    assert_eq!(r["moved"], 0);
    assert_eq!(r["failed"], 0);
    assert_eq!(records(&dest).len(), 30, "nothing copied twice");
}

#[test]
fn loop_guard_parks_records_redriven_too_often() {
    let dlq = topic("rd-guard", 1);
    let orders = topic("rd-guard-orders", 1);
    let parked = topic("rd-guard-parked", 1);
    let mut tired = connect_headers(&orders, 0);
    tired.push(("evtctl-redrive-count", b"3".to_vec()));
    let recs = vec![
        Produced {
            partition: 0,
            key: None,
            value: b"{\"n\":1}",
            headers: connect_headers(&orders, 0),
        },
        Produced {
            partition: 0,
            key: None,
            value: b"{\"n\":2}",
            headers: tired,
        },
    ];
    produce_with(&broker().bootstrap, &dlq, &recs);
    let out = redrive(&[&dlq, "--yes", "--max-redrives", "3", "--park-to", &parked]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert!(
        lines
            .iter()
            .any(|l| l["kind"] == "parked" && l["offset"] == 1 && l["to"] == parked.as_str()),
        "parked records are reported one by one: {lines:?}"
    );
    let r = receipt(&out);
    assert_eq!(
        (r["moved"].as_u64(), r["parked"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        tail_n(&orders, &["--from", "beginning", "--until", "end"]),
        [1]
    );
    let p = records(&parked);
    assert_eq!(p.len(), 1);
    assert!(
        header(&p[0], "__connect.errors.exception.class.name").is_some(),
        "a parked copy keeps its failure headers"
    );
}

#[test]
fn selections_share_one_position_and_never_move_a_record_twice() {
    let dlq = topic("rd-filter", 1);
    let orders = topic("rd-filter-orders", 1);
    let mut npe = connect_headers(&orders, 0);
    npe[3].1 = b"java.lang.NullPointerException".to_vec();
    let recs = vec![
        Produced {
            partition: 0,
            key: None,
            value: b"{\"n\":1}",
            headers: connect_headers(&orders, 0),
        },
        Produced {
            partition: 0,
            key: None,
            value: b"{\"n\":2}",
            headers: npe,
        },
        Produced {
            partition: 0,
            key: None,
            value: b"{\"n\":3}",
            headers: connect_headers(&orders, 0),
        },
    ];
    produce_with(&broker().bootstrap, &dlq, &recs);
    let out = redrive(&[&dlq, "--yes", "--error-class", "NullPointerException"]);
    if !ledger_kept() {
        assert_stopped_for_no_ledger(&out);
        assert_eq!(
            records(&orders).len(),
            0,
            "nothing moved past the record left"
        );
        return;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = receipt(&out);
    assert_eq!(
        (r["moved"].as_u64(), r["filtered"].as_u64()),
        (Some(1), Some(2))
    );
    // The plan of an unfiltered run starts before the records that selection left, and knows
    // what it moved.
    let out = redrive(&[&dlq, "--dry-run"]);
    let plan = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(
        (
            plan["in_range"].as_u64(),
            plan["already_moved"].as_u64(),
            plan["left_by_earlier_runs"].as_u64(),
            plan["destinations"][0]["moved"].as_u64()
        ),
        (Some(3), Some(1), Some(2), Some(2)),
        "{plan}"
    );
    // A canary of one with a jq filter takes the first record left.
    let out = redrive(&[&dlq, "--yes", "--filter", ".value.n >= 1", "--limit", "1"]);
    assert!(out.status.success());
    assert_eq!(receipt(&out)["moved"], 1);
    assert_eq!(
        tail_n(&orders, &["--from", "beginning", "--until", "end"]),
        [1, 2]
    );
    // An unfiltered run moves only the one no selection moved yet.
    let out = redrive(&[&dlq, "--yes"]);
    assert!(out.status.success());
    assert_eq!(receipt(&out)["moved"], 1, "{}", receipt(&out));
    assert_eq!(
        tail_n(&orders, &["--from", "beginning", "--until", "end"]),
        [1, 2, 3]
    );
    // And an error-class plan afterwards has nothing left to move.
    let out = redrive(&[&dlq, "--dry-run", "--error-class", "DataException"]);
    let plan = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(plan["destinations"], serde_json::json!([]), "{plan}");
}

#[test]
fn a_missing_destination_is_unroutable_and_never_blocks_a_rerun() {
    let dlq = topic("rd-nodest", 1);
    let orders = topic("rd-nodest-orders", 1);
    let elsewhere = topic("rd-nodest-elsewhere", 1);
    let gone = unique("rd-nodest-gone");
    let recs = vec![
        Produced {
            partition: 0,
            key: None,
            value: b"{\"n\":1}",
            headers: connect_headers(&orders, 0),
        },
        Produced {
            partition: 0,
            key: None,
            value: b"{\"n\":2}",
            headers: connect_headers(&gone, 0),
        },
        Produced {
            partition: 0,
            key: None,
            value: b"{\"n\":3}",
            headers: connect_headers(&orders, 0),
        },
    ];
    produce_with(&broker().bootstrap, &dlq, &recs);
    // The plan says where the run would stop, and why.
    let out = redrive(&[&dlq, "--dry-run"]);
    let plan = json_lines(&out.stdout).pop().unwrap();
    let stop = plan["stop"].as_str().unwrap_or_default();
    assert!(
        stop.contains(&format!("{dlq}/0@1")) && stop.contains("does not exist"),
        "{plan}"
    );
    let out = redrive(&[&dlq, "--yes"]);
    assert_eq!(out.status.code(), Some(1));
    // --skip-unroutable leaves it in the DLQ and goes on.
    let out = redrive(&[&dlq, "--yes", "--skip-unroutable"]);
    if !ledger_kept() {
        assert_stopped_for_no_ledger(&out);
        assert_eq!(
            tail_n(&orders, &["--from", "beginning", "--until", "end"]),
            [1]
        );
        return;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = receipt(&out);
    assert_eq!(
        (r["moved"].as_u64(), r["unroutable"].as_u64()),
        (Some(1), Some(1)),
        "{r}"
    );
    assert_eq!(
        tail_n(&orders, &["--from", "beginning", "--until", "end"]),
        [1, 3]
    );
    // It is still reachable: moved with --to, and only it.
    let out = redrive(&[&dlq, "--yes", "--to", &elsewhere]);
    assert!(out.status.success());
    assert_eq!(receipt(&out)["moved"], 1);
    assert_eq!(
        tail_n(&elsewhere, &["--from", "beginning", "--until", "end"]),
        [2]
    );
    // After which a plain rerun has nothing to do and does not stop.
    let out = redrive(&[&dlq, "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = receipt(&out);
    assert_eq!(
        (r["moved"].as_u64(), r["complete"].as_bool()),
        (Some(0), Some(true)),
        "{r}"
    );
}

#[test]
fn records_with_no_origin_stop_the_run_unless_told() {
    let dlq = topic("rd-noorigin", 1);
    let orders = topic("rd-noorigin-orders", 1);
    let recs = vec![
        Produced {
            partition: 0,
            key: None,
            value: b"{\"n\":1}",
            headers: connect_headers(&orders, 0),
        },
        Produced {
            partition: 0,
            key: None,
            value: b"{\"n\":2}",
            headers: vec![],
        },
        Produced {
            partition: 0,
            key: None,
            value: b"{\"n\":3}",
            headers: connect_headers(&orders, 0),
        },
    ];
    produce_with(&broker().bootstrap, &dlq, &recs);
    let out = redrive(&[&dlq, "--yes"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{dlq}/0@1 names no origin")), "{err}");
    assert_eq!(receipt(&out)["moved"], 1);
    let out = redrive(&[&dlq, "--yes", "--skip-unroutable"]);
    if !ledger_kept() {
        assert_stopped_for_no_ledger(&out);
        return;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = receipt(&out);
    assert_eq!(
        (r["moved"].as_u64(), r["no_origin"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(
        tail_n(&orders, &["--from", "beginning", "--until", "end"]),
        [1, 3],
        "the rerun continued after the first record, not from the start"
    );
}

#[test]
fn validation_and_declared_conventions_come_from_the_registry() {
    let dlq = topic("rd-registry", 1);
    let orders = topic("rd-registry-orders", 1);
    let dir = std::env::temp_dir().join(unique("registry"));
    std::fs::create_dir_all(dir.join("order")).unwrap();
    std::fs::write(
        dir.join("order/v1.schema.json"),
        r#"{"type":"object","required":["n"],"properties":{"n":{"type":"integer"}}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("registry.toml"),
        format!(
            "[routes.topics]\n\"{orders}\" = \"order\"\n\n[dlq.conventions.acme]\ndetect = \"x-acme-source\"\ntopic = \"x-acme-source\"\nerror_class = \"x-acme-error\"\n"
        ),
    )
    .unwrap();
    let acme = |n: &'static [u8]| Produced {
        partition: 0,
        key: None,
        value: n,
        headers: vec![
            ("x-acme-source", orders.as_bytes().to_vec()),
            ("x-acme-error", b"Boom".to_vec()),
            ("keep-me", b"yes".to_vec()),
        ],
    };
    produce_with(
        &broker().bootstrap,
        &dlq,
        &[acme(b"{\"n\":1}"), acme(b"{\"n\":\"two\"}")],
    );
    let out = evtctl()
        .args(["dlq", "redrive", &dlq, "--yes", "--validate", "-o", "json"])
        .arg("--registry")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "invalid records are a problem found"
    );
    let lines = json_lines(&out.stdout);
    assert!(
        lines
            .iter()
            .any(|l| l["kind"] == "invalid" && l["offset"] == 1),
        "{lines:?}"
    );
    let r = receipt(&out);
    assert_eq!(
        (r["moved"].as_u64(), r["invalid"].as_u64()),
        (Some(1), Some(1))
    );
    let o = records(&orders);
    assert_eq!(o.len(), 1);
    assert_eq!(header(&o[0], "keep-me").as_deref(), Some("yes"));
    assert!(
        header(&o[0], "x-acme-error").is_none(),
        "a declared convention's headers are stripped too"
    );
    // The invalid record stays in reach: the next plan counts it, and a run without
    // --validate (the consumer was fixed to accept it) moves it, and only it.
    let with_registry = |args: &[&str]| {
        evtctl()
            .args(["dlq", "redrive", &dlq, "-o", "json"])
            .args(args)
            .arg("--registry")
            .arg(&dir)
            .output()
            .unwrap()
    };
    let out = with_registry(&["--dry-run"]);
    let plan = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(
        (
            plan["in_range"].as_u64(),
            plan["left_by_earlier_runs"].as_u64(),
            plan["destinations"][0]["moved"].as_u64()
        ),
        (Some(1), Some(u64::from(ledger_kept())), Some(1)),
        "{plan}"
    );
    let out = with_registry(&["--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(receipt(&out)["moved"], 1);
    assert_eq!(records(&orders).len(), 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Start a redrive that takes a while, and wait until some records have moved.
fn start_slow_redrive(dlq: &str, dest: &str, rate: &str) -> std::process::Child {
    let child = evtctl_process()
        .args([
            "dlq", "redrive", dlq, "--to", dest, "--yes", "--rate", rate, "-o", "json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for("the redrive to move some records", 60, || {
        high_watermarks(&broker().bootstrap, dest) >= 100
    });
    child
}

#[test]
fn killed_mid_redrive_then_rerun_loses_nothing() {
    let dlq = topic("rd-kill", 2);
    let dest = topic("rd-kill-dest", 2);
    fill(&dlq, 2, "orders", 2000);
    let mut child = start_slow_redrive(&dlq, &dest, "500/s");
    child.kill().unwrap(); // SIGKILL: no chance to commit anything more
    child.wait().unwrap();
    let out = redrive(&[&dlq, "--to", &dest, "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let seen = origins(&dest);
    assert_eq!(seen.len(), 2000, "every DLQ record arrived");
    let dups: usize = seen.values().map(|c| c - 1).sum();
    // Duplicates only in the at-least-once window: copies acknowledged but not yet committed
    // when the process died. Commits happen every second, so that is about one second of the
    // rate plus what was in flight.
    assert!(dups <= 750, "{dups} duplicates");
}

#[test]
fn interrupted_redrive_commits_what_was_delivered_and_a_rerun_finishes_exactly() {
    let dlq = topic("rd-int", 2);
    let dest = topic("rd-int-dest", 2);
    fill(&dlq, 2, "orders", 1500);
    let child = start_slow_redrive(&dlq, &dest, "1000/s");
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    let first = receipt(&out);
    assert_eq!(first["complete"], false);
    let moved = first["moved"].as_u64().unwrap();
    assert!(moved > 0 && moved < 1500, "{first}");
    let out = redrive(&[&dlq, "--to", &dest, "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(receipt(&out)["moved"].as_u64().unwrap(), 1500 - moved);
    let seen = origins(&dest);
    assert_eq!(seen.len(), 1500);
    assert!(
        seen.values().all(|&c| c == 1),
        "after Ctrl-C everything delivered was committed: no duplicates"
    );
}

#[test]
fn instances_in_one_group_share_the_dlq_and_move_each_record_once() {
    let dlq = topic("rd-scale", 4);
    let dest = topic("rd-scale-dest", 4);
    fill(&dlq, 4, "orders", 3000);
    let group = unique("rd-scale-group");
    let spawn = || {
        evtctl_process()
            .args([
                "dlq", "redrive", &dlq, "--to", &dest, "--yes", "--rate", "250/s", "--group",
                &group, "-o", "json",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn();
    wait_for("the first instance to move some records", 60, || {
        high_watermarks(&broker().bootstrap, &dest) >= 100
    });
    let b = spawn();
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    for o in [&a, &b] {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let (ma, mb) = (
        receipt(&a)["moved"].as_u64().unwrap(),
        receipt(&b)["moved"].as_u64().unwrap(),
    );
    assert_eq!(
        ma + mb,
        3000,
        "moved {ma} + {mb}; first: {}; second: {}",
        String::from_utf8_lossy(&a.stderr),
        String::from_utf8_lossy(&b.stderr)
    );
    assert!(mb > 0, "the second instance took a share");
    let seen = origins(&dest);
    assert_eq!(seen.len(), 3000);
    assert!(seen.values().all(|&c| c == 1), "no record moved twice");
}

#[test]
fn a_broker_failure_stops_the_run_and_nothing_undelivered_is_committed() {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::mocking::MockCluster;
    use rdkafka::types::{RDKafkaApiKey, RDKafkaRespErr};
    // Its own mock cluster, so errors can be injected without disturbing other tests.
    let mock = MockCluster::new(1).unwrap();
    let bootstrap = mock.bootstrap_servers();
    mock.create_topic("dlq", 1, 1).unwrap();
    mock.create_topic("orders", 1, 1).unwrap();
    let values: Vec<String> = (0..500).map(|i| format!("{{\"n\":{i}}}")).collect();
    let recs: Vec<Produced<'_>> = values
        .iter()
        .map(|v| Produced {
            partition: 0,
            key: None,
            value: v.as_bytes(),
            headers: connect_headers("orders", 0),
        })
        .collect();
    produce_with(&bootstrap, "dlq", &recs);
    // The broker refuses the next produce requests outright (not retriable).
    mock.request_errors(
        RDKafkaApiKey::Produce,
        &[RDKafkaRespErr::RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED; 3],
    );
    let run = || {
        evtctl_process()
            .env("EVTCTL_BROKERS", &bootstrap)
            .args([
                "dlq", "redrive", "dlq", "--yes", "--group", "g", "-o", "json",
            ])
            .output()
            .unwrap()
    };
    let out = run();
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("dlq/0@") && err.contains("orders"),
        "names the record: {err}"
    );
    let r = receipt(&out);
    assert!(r["failed"].as_u64().unwrap() > 0);
    assert_eq!(r["complete"], false);

    let committed = {
        let c: BaseConsumer = rdkafka::ClientConfig::new()
            .set("bootstrap.servers", &bootstrap)
            .set("group.id", "g")
            .create()
            .unwrap();
        let mut tpl = rdkafka::TopicPartitionList::new();
        tpl.add_partition("dlq", 0);
        let res = c
            .committed_offsets(tpl, std::time::Duration::from_secs(10))
            .unwrap();
        match res.elements()[0].offset() {
            rdkafka::Offset::Offset(o) => o,
            _ => 0,
        }
    };
    let delivered: BTreeSet<i64> = evtctl_process()
        .env("EVTCTL_BROKERS", &bootstrap)
        .args([
            "tail",
            "orders",
            "--from",
            "beginning",
            "--until",
            "end",
            "-o",
            "json",
        ])
        .output()
        .map(|o| json_lines(&o.stdout))
        .unwrap()
        .iter()
        .map(|r| {
            header(r, "evtctl-redrive-origin").unwrap()["dlq/0/".len()..]
                .parse()
                .unwrap()
        })
        .collect();
    assert!(committed < 500, "the failure pinned the position");
    for o in 0..committed {
        assert!(
            delivered.contains(&o),
            "committed past dlq/0@{o}, which was never delivered"
        );
    }

    // Once the broker is healthy, a rerun completes the job.
    mock.clear_request_errors(RDKafkaApiKey::Produce);
    let out = run();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all: BTreeSet<String> = evtctl_process()
        .env("EVTCTL_BROKERS", &bootstrap)
        .args([
            "tail",
            "orders",
            "--from",
            "beginning",
            "--until",
            "end",
            "-o",
            "json",
        ])
        .output()
        .map(|o| json_lines(&o.stdout))
        .unwrap()
        .iter()
        .map(|r| header(r, "evtctl-redrive-origin").unwrap())
        .collect();
    assert_eq!(all.len(), 500, "every record delivered after the rerun");
}

#[test]
fn redriven_records_on_their_topic_are_not_dead_letters() {
    let dlq = topic("rd-notdead-dlq", 1);
    let orders = topic("rd-notdead-orders", 3);
    fill(&dlq, 1, &orders, 3);
    let out = redrive(&[&dlq, "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(receipt(&out)["moved"], 3);
    // The topic they went back to carries evtctl-redrive-* headers only: no false alarm.
    let out = evtctl()
        .args(["dlq", "stats", &orders, "--fail-above", "0", "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = &json_lines(&out.stdout)[0];
    assert_eq!(
        (s["total"].as_u64(), s["redriven_not_dead"].as_u64()),
        (Some(0), Some(3)),
        "{s}"
    );
    // The DLQ itself still counts its three dead letters.
    let out = evtctl()
        .args(["dlq", "stats", &dlq, "--fail-above", "0", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json_lines(&out.stdout)[0]["total"], 3);
}
