//! `--transform` on `dlq redrive` and `replay`: records repaired on the way, the rewritten record
//! is what --validate checks, and a record the transform fails on is named and not sent.

use crate::common::*;
use serde_json::Value;

fn dlq_record<'a>(origin: &'a str, partition: i32, value: &'a [u8]) -> Produced<'a> {
    Produced {
        partition: 0,
        key: Some(b"o-1"),
        value,
        headers: vec![
            ("__connect.errors.topic", origin.as_bytes().to_vec()),
            (
                "__connect.errors.partition",
                partition.to_string().into_bytes(),
            ),
            ("__connect.errors.offset", b"7".to_vec()),
            ("tenant", b"acme".to_vec()),
        ],
    }
}

fn registry(orders: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(unique("tf-registry"));
    std::fs::create_dir_all(dir.join("order")).unwrap();
    std::fs::write(
        dir.join("order/v1.schema.json"),
        r#"{"type":"object","required":["total"],"properties":{"total":{"type":"number"}}}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("registry.toml"),
        format!("[routes.topics]\n\"{orders}\" = \"order\"\n"),
    )
    .unwrap();
    dir
}

fn records(topic: &str) -> Vec<Value> {
    read_all(topic, &[])
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn redrive_transform_is_applied_validated_and_its_errors_located() {
    let dlq = topic("tf-dlq", 1);
    let orders = topic("tf-orders", 2);
    produce_with(
        &broker().bootstrap,
        &dlq,
        &[
            dlq_record(&orders, 1, br#"{"total":"12.5"}"#),
            dlq_record(&orders, 1, br#"{"total":"n/a"}"#),
            dlq_record(&orders, 0, br#"{"total":3}"#),
        ],
    );
    let reg = registry(&orders);
    let run = |args: &[&str]| {
        evtctl()
            .args(["dlq", "redrive", &dlq, "-o", "json", "--validate"])
            .args([
                "--transform",
                ".value.total |= (if type == \"string\" then tonumber else . end)",
            ])
            .args(args)
            .arg("--registry")
            .arg(&reg)
            .output()
            .unwrap()
    };
    // Dry run: before and after for a few records, the failing one named, nothing sent.
    let out = run(&["--dry-run"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let plan = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(plan["transform_errors"], 1, "{plan}");
    assert_eq!(plan["destinations"][0]["moved"], 2, "{plan}");
    let samples = plan["samples"].as_array().unwrap();
    assert_eq!(samples[0]["before"]["value"]["total"], "12.5");
    assert_eq!(samples[0]["after"]["value"]["total"], 12.5);
    let err = samples[1]["after"]["error"].as_str().unwrap();
    assert!(err.starts_with(&format!("{dlq}/0@1")), "{err}");
    assert!(records(&orders).is_empty());

    // The run: without the transform the first record would fail --validate (a string total).
    let out = run(&["--yes"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    let note = lines
        .iter()
        .find(|l| l["kind"] == "transform_error")
        .unwrap_or_else(|| panic!("{lines:?}"));
    assert_eq!(
        (note["partition"].as_i64(), note["offset"].as_i64()),
        (Some(0), Some(1))
    );
    let receipt = lines.last().unwrap();
    if !commit_metadata_kept() {
        // No ledger: the run stops before moving a record past the one it left.
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("does not keep the metadata"), "{err}");
        assert_eq!(receipt["moved"].as_u64(), Some(1));
        return;
    }
    assert_eq!(
        (receipt["moved"].as_u64(), receipt["invalid"].as_u64()),
        (Some(2), Some(0))
    );
    let mut back = records(&orders);
    back.sort_by_key(|r| r["partition"].as_i64());
    assert_eq!(back.len(), 2);
    assert_eq!(
        (
            back[0]["partition"].as_i64(),
            back[0]["value"]["total"].as_f64()
        ),
        (Some(0), Some(3.0))
    );
    assert_eq!(
        (
            back[1]["partition"].as_i64(),
            back[1]["value"]["total"].as_f64()
        ),
        (Some(1), Some(12.5))
    );
    assert_eq!(back[1]["key"], "o-1");
    assert_eq!(header(&back[1], "tenant").as_deref(), Some("acme"));
    assert!(header(&back[1], "__connect.errors.topic").is_none());

    // The record the transform failed on stays in reach: a fixed transform moves it.
    let out = evtctl()
        .args(["dlq", "redrive", &dlq, "-o", "json", "--yes", "--validate"])
        .args(["--transform", ".value.total = 0"])
        .arg("--registry")
        .arg(&reg)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_lines(&out.stdout).pop().unwrap()["moved"], 1);
    assert_eq!(records(&orders).len(), 3);
    std::fs::remove_dir_all(&reg).unwrap();
}

#[test]
fn redrive_transform_may_not_move_a_record() {
    let dlq = topic("tf-move", 1);
    let orders = topic("tf-move-orders", 1);
    produce_with(
        &broker().bootstrap,
        &dlq,
        &[dlq_record(&orders, 0, br#"{"total":1}"#)],
    );
    let out = evtctl()
        .args([
            "dlq",
            "redrive",
            &dlq,
            "-o",
            "json",
            "--yes",
            "--transform",
            ".partition = 5",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    let note = lines
        .iter()
        .find(|l| l["kind"] == "transform_error")
        .unwrap();
    assert!(
        note["reason"]
            .as_str()
            .unwrap()
            .contains("changed `partition`"),
        "{note}"
    );
    assert!(records(&orders).is_empty());
}

#[test]
fn replay_transform_from_topic_and_file() {
    let src = topic("tf-src", 1);
    let dst = topic("tf-dst", 1);
    produce_with(
        &broker().bootstrap,
        &src,
        &[
            Produced {
                partition: 0,
                key: Some(b"a"),
                value: br#"{"n":1}"#,
                headers: vec![],
            },
            Produced {
                partition: 0,
                key: Some(b"b"),
                value: br#"{"n":"x"}"#,
                headers: vec![],
            },
        ],
    );
    let tf = ".value.n |= tonumber * 10 | .headers += [{name: \"fixed\", value: \"1\"}]";
    let out = evtctl()
        .args([
            "replay",
            "--from-topic",
            &src,
            "--to",
            &dst,
            "--transform",
            tf,
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{src}/0@1")),
        "names the record: {err}"
    );
    let got = records(&dst);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["value"]["n"], 10);
    assert_eq!(got[0]["key"], "a");
    assert_eq!(header(&got[0], "fixed").as_deref(), Some("1"));

    // From a file, as exported: the same expression.
    let file = std::env::temp_dir().join(format!("{}.jsonl", unique("tf")));
    std::fs::write(&file, read_all(&src, &[]).join("\n")).unwrap();
    let out = evtctl()
        .args([
            "replay",
            "--to",
            &dst,
            "--transform",
            tf,
            "--dry-run",
            "-o",
            "json",
        ])
        .arg("--from-file")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    let samples: Vec<&Value> = lines.iter().filter(|l| l["kind"] == "sample").collect();
    assert_eq!(samples.len(), 2);
    assert_eq!(samples[0]["after"]["value"]["n"], 10);
    assert!(samples[1]["after"]["error"]
        .as_str()
        .unwrap()
        .contains(":2"));
    assert_eq!(records(&dst).len(), 1, "a dry run sends nothing");
    let _ = std::fs::remove_file(file);
}
