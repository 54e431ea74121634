//! `dlq drain` and `replay`: exports that are never duplicated or skipped, copies that keep
//! everything, and checkpoints that resume.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeMap;

fn fill(topic: &str, partitions: i32, n: usize) {
    let values: Vec<String> = (0..n).map(|i| format!("{{\"n\":{i}}}")).collect();
    let recs: Vec<Produced<'_>> = (0..n)
        .map(|i| Produced {
            partition: i as i32 % partitions,
            key: None,
            value: values[i].as_bytes(),
            headers: vec![
                ("__connect.errors.topic", b"orders".to_vec()),
                ("h", vec![0, 1]),
            ],
        })
        .collect();
    produce_with(&broker().bootstrap, topic, &recs);
}

/// (partition, offset) → count, from an exported file.
fn positions(path: &std::path::Path) -> BTreeMap<(i64, i64), usize> {
    let mut m = BTreeMap::new();
    for l in std::fs::read_to_string(path).unwrap().lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        *m.entry((
            v["partition"].as_i64().unwrap(),
            v["offset"].as_i64().unwrap(),
        ))
        .or_insert(0) += 1;
    }
    m
}

#[test]
fn drain_exports_each_record_once_across_reruns_and_kills() {
    let dlq = topic("drain", 2);
    fill(&dlq, 2, 20_000);
    let file = std::env::temp_dir()
        .join(unique("drain"))
        .with_extension("jsonl");
    // Kill a drain as soon as it has written something, wherever it is.
    let mut child = evtctl_process()
        .args(["dlq", "drain", &dlq, "--to"])
        .arg(&file)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_for("the drain to write", 60, || {
        std::fs::metadata(&file).is_ok_and(|m| m.len() > 0)
    });
    child.kill().unwrap();
    child.wait().unwrap();
    let out = evtctl()
        .args(["dlq", "drain", &dlq, "-o", "json", "--to"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p = positions(&file);
    assert_eq!(p.len(), 20_000, "nothing skipped");
    assert!(p.values().all(|&c| c == 1), "nothing exported twice");
    // New dead letters: the next drain appends only those.
    fill(&dlq, 2, 10);
    let out = evtctl()
        .args(["dlq", "drain", &dlq, "-o", "json", "--to"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(json_lines(&out.stdout)[0]["records"], 10);
    assert_eq!(positions(&file).len(), 20_010);
    // The export replays losslessly: same values, headers (binary too) and partitions.
    let copy = topic("drain-copy", 2);
    let out = evtctl()
        .args(["replay", "--to", &copy, "-o", "json", "--from-file"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_lines(&out.stdout)[0]["copied"], 20_010);
    let strip = |l: &str| {
        let mut v: Value = serde_json::from_str(l).unwrap();
        let o = v.as_object_mut().unwrap();
        for k in ["topic", "offset", "timestamp", "timestamp_type"] {
            o.remove(k);
        }
        v.to_string()
    };
    let mut a: Vec<String> = read_all(&dlq, &[]).iter().map(|l| strip(l)).collect();
    let mut b: Vec<String> = read_all(&copy, &[]).iter().map(|l| strip(l)).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
    std::fs::remove_file(&file).unwrap();
}

#[test]
fn drain_reads_again_what_a_damaged_file_lost_after_its_commit() {
    let dlq = topic("drain-damaged", 2);
    fill(&dlq, 2, 50);
    let file = std::env::temp_dir()
        .join(unique("drain-damaged"))
        .with_extension("jsonl");
    let drain = || {
        evtctl()
            .args(["dlq", "drain", &dlq, "-o", "json", "--to"])
            .arg(&file)
            .output()
            .unwrap()
    };
    assert!(drain().status.success());
    assert_eq!(positions(&file).len(), 50);
    // Damage from outside, after the commit: the last two and a half lines are cut off.
    let text = std::fs::read_to_string(&file).unwrap();
    let ends: Vec<usize> = text.match_indices('\n').map(|(i, _)| i + 1).collect();
    let cut = ends[ends.len() - 4] + 20;
    std::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .unwrap()
        .set_len(cut as u64)
        .unwrap();
    let out = drain();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is shorter than when"), "{err}");
    assert_eq!(json_lines(&out.stdout)[0]["records"], 3);
    let p = positions(&file);
    assert_eq!(p.len(), 50, "every record is in the file again");
    assert!(p.values().all(|&c| c == 1), "and only once");
    std::fs::remove_file(&file).unwrap();
}

#[test]
fn replay_copies_a_range_with_provenance_and_resumes_from_a_checkpoint() {
    let src = topic("replay-src", 2);
    fill(&src, 2, 100);
    let dest = topic("replay-dest", 2);
    // A range per partition: offsets 10..20 of partition 0 only.
    let out = evtctl()
        .args([
            "replay",
            "--from-topic",
            &src,
            "-p",
            "0",
            "--from",
            "10",
            "--until",
            "20",
            "--to",
            &dest,
            "--provenance",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json_lines(&out.stdout)[0]["copied"], 10);
    let got: Vec<Value> = read_all(&dest, &[])
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), 10);
    for r in &got {
        assert_eq!(r["partition"], 0);
        let o = header(r, "evtctl-replay-origin").unwrap();
        assert!(o.starts_with(&format!("{src}/0/")), "{o}");
        let off: i64 = o.rsplit('/').next().unwrap().parse().unwrap();
        assert!((10..20).contains(&off));
    }
    // Dry run: counts, copies nothing.
    let out = evtctl()
        .args([
            "replay",
            "--from-topic",
            &src,
            "--to",
            &dest,
            "--dry-run",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(json_lines(&out.stdout)[0]["copied"], 100);
    assert_eq!(read_all(&dest, &[]).len(), 10);
    // A checkpointed replay, run twice: the second copies nothing.
    let group = unique("replay-cp");
    let dest2 = topic("replay-dest2", 2);
    for want in [100, 0] {
        let out = evtctl()
            .args([
                "replay",
                "--from-topic",
                &src,
                "--to",
                &dest2,
                "--checkpoint-group",
                &group,
                "-o",
                "json",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(json_lines(&out.stdout)[0]["copied"], want);
    }
    assert_eq!(
        tail_n(&dest2, &["--from", "beginning", "--until", "end"]),
        (0..100).collect::<Vec<i64>>()
    );
}

#[test]
fn replay_names_the_bad_line_and_how_far_it_got() {
    let dest = topic("replay-bad", 1);
    let file = std::env::temp_dir()
        .join(unique("bad"))
        .with_extension("jsonl");
    std::fs::write(
        &file,
        "{\"value\":{\"n\":1}}\n{\"value\":{\"n\":2}}\nnot json\n",
    )
    .unwrap();
    let out = evtctl()
        .args(["replay", "--to", &dest, "--from-file"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("after copying 2 record(s)") && err.contains(".jsonl:3:"),
        "{err}"
    );
    assert_eq!(
        tail_n(&dest, &["--from", "beginning", "--until", "end"]),
        [1, 2]
    );
    std::fs::remove_file(&file).unwrap();
}

#[test]
fn a_failed_transform_holds_the_checkpoint_and_a_rerun_copies_each_record_once() {
    let src = topic("replay-tf-hold", 2);
    let dest = topic("replay-tf-hold-dest", 2);
    fill(&src, 2, 200);
    let group = unique("replay-tf-cp");
    let replay = |tf: &str| {
        evtctl()
            .args(["replay", "--from-topic", &src, "--to", &dest])
            .args([
                "--checkpoint-group",
                &group,
                "--transform",
                tf,
                "-o",
                "json",
            ])
            .output()
            .unwrap()
    };
    // One record in ten fails (20 of them, on both partitions).
    let out = replay(r#"if .value.n % 10 == 3 then error("bad \(.value.n)") else . end"#);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let receipt = &json_lines(&out.stdout)[0];
    assert_eq!(receipt["transform_errors"], 20, "{receipt}");
    assert_eq!(receipt["complete"], false, "{receipt}");
    // The first five named, then a count: not a line for each.
    let named: Vec<&str> = err
        .lines()
        .filter(|l| l.contains(": the transform failed: "))
        .collect();
    assert_eq!(named.len(), 5, "{err}");
    assert!(err.contains("failed on 15 more record(s)"), "{err}");
    assert!(err.lines().count() <= 8, "{err}");
    // n = 3 is offset 1 of partition 1, n = 13 offset 6 of partition 1.
    assert!(err.contains("partition 1 at offset 1"), "{err}");
    // The fixed transform, rerun, copies what was held back: every record exactly once.
    let out = replay(".");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        tail_n(&dest, &["--from", "beginning", "--until", "end"]),
        (0..200).collect::<Vec<i64>>()
    );
}

#[test]
fn a_dry_run_moves_no_checkpoint() {
    let src = topic("replay-dry-cp", 1);
    let dest = topic("replay-dry-cp-dest", 1);
    fill(&src, 1, 10);
    let group = unique("replay-dry-cp");
    for dry in [true, false] {
        let mut c = evtctl();
        c.args(["replay", "--from-topic", &src, "--to", &dest])
            .args(["--checkpoint-group", &group, "--filter", ".value.n < 5"]);
        if dry {
            c.arg("--dry-run");
        }
        c.assert().success();
    }
    assert_eq!(
        tail_n(&dest, &["--from", "beginning", "--until", "end"]),
        (0..5).collect::<Vec<i64>>()
    );
}
