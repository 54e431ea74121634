//! publish on two threads (issue 19): records go to librdkafka a batch at a time, and without
//! receipts to print only failed deliveries are reported. Every line keeps its number, its
//! place in the partition and its report.

use crate::common::*;
use std::time::Duration;

fn values_n(topic: &str) -> Vec<i64> {
    read_all(topic, &[])
        .iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["value"]["n"].as_i64().unwrap()
        })
        .collect()
}

#[test]
fn a_full_queue_keeps_every_batched_line_in_order_with_its_number() {
    // 100 records queued at most: librdkafka refuses most of each batch as its queue fills, and
    // the rest must follow, in order, once deliveries make room. Every 997th line is not JSON.
    let n = 20_000;
    let bad = |i: usize| i % 997 == 500;
    let file = std::env::temp_dir().join(format!("{}.jsonl", unique("pub-full")));
    let text: String = (0..n)
        .map(|i| match bad(i) {
            true => "{oops\n".to_string(),
            false => format!("{{\"n\":{i}}}\n"),
        })
        .collect();
    std::fs::write(&file, text).unwrap();
    let sent: Vec<i64> = (0..n).filter(|&i| !bad(i)).map(|i| i as i64).collect();
    let rejected: Vec<u64> = (0..n).filter(|&i| bad(i)).map(|i| i as u64 + 1).collect();
    for json in [true, false] {
        let t = topic("pub-full", 1);
        let mut cmd = evtctl();
        cmd.args([
            "-X",
            "queue.buffering.max.messages=100",
            "publish",
            &t,
            "-p",
            "0",
        ])
        .arg("--file")
        .arg(&file)
        .timeout(Duration::from_secs(60));
        // Piped, stdout is JSON unless told: pretty prints no receipt per record.
        cmd.args(["-o", if json { "json" } else { "pretty" }]);
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!(":{}: not valid JSON", rejected[0])),
            "{stderr}"
        );
        assert_eq!(
            values_n(&t),
            sent,
            "the topic holds every valid line, in order"
        );
        if json {
            let lines = json_lines(&out.stdout);
            let of = |kind: &str| -> Vec<&serde_json::Value> {
                lines.iter().filter(|l| l["type"] == kind).collect()
            };
            let receipts = of("receipt");
            let got: Vec<(u64, i64)> = receipts
                .iter()
                .map(|r| (r["line"].as_u64().unwrap(), r["offset"].as_i64().unwrap()))
                .collect();
            let want: Vec<(u64, i64)> = sent
                .iter()
                .enumerate()
                .map(|(offset, &i)| (i as u64 + 1, offset as i64))
                .collect();
            assert_eq!(
                got, want,
                "a receipt per line, in line order, offsets in turn"
            );
            let refused: Vec<u64> = of("rejected")
                .iter()
                .map(|r| r["line"].as_u64().unwrap())
                .collect();
            assert_eq!(refused, rejected);
            let summary = lines.last().unwrap();
            assert_eq!(summary["records"], sent.len() as u64);
            assert_eq!(summary["rejected"], rejected.len() as u64);
        } else {
            assert!(
                stderr.contains(&format!("published {} records", sent.len())),
                "{stderr}"
            );
        }
    }
    let _ = std::fs::remove_file(&file);
}

#[test]
fn every_undelivered_line_is_named_with_or_without_receipts() {
    // librdkafka refuses a record larger than message.max.bytes: lines 3, 6, 9, … fail.
    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(3000));
    let text: String = (1..=30)
        .map(|line| match line % 3 {
            0 => format!("{big}\n"),
            _ => format!("{{\"n\":{line}}}\n"),
        })
        .collect();
    let failed: Vec<u64> = (1..=30).filter(|l| l % 3 == 0).collect();
    for json in [true, false] {
        let t = topic("pub-undelivered", 2);
        let mut cmd = evtctl();
        cmd.args(["-X", "message.max.bytes=1000", "publish", &t])
            .write_stdin(text.clone())
            .timeout(Duration::from_secs(60));
        // Piped, stdout is JSON unless told: pretty prints no receipt per record.
        cmd.args(["-o", if json { "json" } else { "pretty" }]);
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(4), "{stderr}");
        for line in &failed[..5] {
            assert!(
                stderr.contains(&format!("<stdin>:{line}: not delivered to `{t}`")),
                "{stderr}"
            );
        }
        if !json {
            assert!(
                stderr.contains("published 20 records") && stderr.contains("10 not delivered"),
                "{stderr}"
            );
        }
        if json {
            let lines = json_lines(&out.stdout);
            let named: Vec<u64> = lines
                .iter()
                .filter(|l| l["type"] == "failed")
                .map(|l| l["line"].as_u64().unwrap())
                .collect();
            assert_eq!(named, failed, "-o json lists each");
            let receipts = lines.iter().filter(|l| l["type"] == "receipt").count();
            assert_eq!(receipts, 20);
            let summary = lines.last().unwrap();
            assert_eq!(
                (&summary["records"], &summary["failed"]),
                (&20.into(), &10.into())
            );
        }
        assert_eq!(read_all(&t, &[]).len(), 20);
    }
}

#[test]
fn a_librdkafka_setting_cannot_silence_the_receipts_publish_waits_for() {
    // With -o json evtctl awaits a report per record; -X must not be able to turn those off
    // (found in review: the run then waited for them forever).
    let t = topic("pub-dr-only-error", 1);
    let out = evtctl()
        .args(["-X", "delivery.report.only.error=true", "publish", &t])
        .args(["-o", "json"])
        .write_stdin("{\"n\":1}\n{\"n\":2}\n")
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.iter().filter(|l| l["type"] == "receipt").count(), 2);
    assert_eq!(values_n(&t), vec![1, 2]);
}
