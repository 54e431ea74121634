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
    // "After" is the copy as it would be sent: to the origin topic and partition, the failure
    // headers stripped and evtctl's redrive headers added, the record's own kept; no DLQ offset.
    let after = &samples[0]["after"];
    assert_eq!(
        (after["topic"].as_str(), after["partition"].as_i64()),
        (Some(orders.as_str()), Some(1)),
        "{after}"
    );
    assert!(after.get("offset").is_none(), "{after}");
    assert!(header(after, "__connect.errors.topic").is_none(), "{after}");
    assert_eq!(header(after, "tenant").as_deref(), Some("acme"));
    assert_eq!(
        header(after, "evtctl-redrive-origin"),
        Some(format!("{dlq}/0/0"))
    );
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

fn one_record(name: &str, value: &[u8]) -> String {
    let t = topic(name, 1);
    produce_with(
        &broker().bootstrap,
        &t,
        &[Produced {
            partition: 0,
            key: Some(b"k"),
            value,
            headers: vec![],
        }],
    );
    t
}

#[test]
fn runaway_transforms_end_with_a_one_line_error() {
    let src = one_record("tf-runaway", br#"{"n":1}"#);
    let dst = topic("tf-runaway-dst", 1);
    // Endless, recursing to a stack overflow, and building a huge array: each is stopped by
    // the watchdog (time or memory), in both commands that transform. Run side by side: the
    // time budget is 10 s.
    // The message names the expression that ran away, also beside another one.
    let runs: Vec<_> = [
        ("replay", "--transform", "def f: f; f"),
        ("replay", "--transform", "def f: 1 + f; f"),
        ("replay", "--transform", "[limit(100000000; repeat(1))]"),
        ("redrive", "--transform", "def f: 1 + f; f"),
        ("redrive", "--transform", "def f: f; f"),
        ("replay", "--filter", "def f: 1 + f; f"),
    ]
    .into_iter()
    .map(|(cmd, flag, code)| {
        let (src, dst) = (src.clone(), dst.clone());
        std::thread::spawn(move || {
            let mut c = evtctl();
            match cmd {
                "replay" => c.args(["replay", "--from-topic", &src, "--to", &dst]),
                _ => c.args(["dlq", "redrive", &src, "--to", &dst, "--dry-run"]),
            };
            match flag {
                "--filter" => c.args(["--filter", code, "--transform", "."]),
                _ => c.args(["--filter", "true", "--transform", code]),
            };
            (cmd, code, flag, c.output().unwrap())
        })
    })
    .collect();
    for run in runs {
        let (cmd, code, flag, out) = run.join().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd} {code}: {err}");
        assert!(
            err.contains(&format!("{flag} `{code}`")) && err.contains(&format!("{src}/0@0")),
            "{cmd} {code}: {err}"
        );
        assert_eq!(
            err.trim().lines().count(),
            1,
            "{cmd} {code}: one line: {err}"
        );
    }
    assert!(records(&dst).is_empty());
}

/// CPU time the process has used, in clock ticks (Linux).
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, a)| a);
    after
        .split_whitespace()
        .nth(11)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[test]
fn ctrl_c_and_sigterm_stop_a_runaway_transform() {
    let src = one_record("tf-sig", br#"{"n":1}"#);
    let dst = topic("tf-sig-dst", 1);
    for signal in ["-INT", "-TERM"] {
        let mut child = evtctl_process()
            .args(["replay", "--from-topic", &src, "--to", &dst])
            .args(["--transform", ".value.n = last(range(1e15))"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Busy in the transform: a second of CPU spent (reading one record takes a few ms).
        let pid = child.id();
        wait_for("the transform to run", 60, || cpu_ticks(pid) >= 100);
        let sent = std::time::Instant::now();
        std::process::Command::new("kill")
            .args([signal, &pid.to_string()])
            .status()
            .unwrap();
        // Bounded: a deaf process is killed, and the test fails.
        let deadline = sent + std::time::Duration::from_secs(10);
        while child.try_wait().unwrap().is_none() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(130), "{signal}: {err}");
        assert!(
            sent.elapsed() < std::time::Duration::from_secs(5),
            "{signal}: took {:?}",
            sent.elapsed()
        );
        assert!(
            err.contains("interrupted while --transform"),
            "{signal}: {err}"
        );
    }
    assert!(records(&dst).is_empty());
}

#[test]
fn a_transform_keeps_the_bytes_it_leaves_equal() {
    let src = topic("tf-bytes", 1);
    let dst = topic("tf-bytes-dst", 1);
    let values: [&[u8]; 3] = [
        br#"{"z": 1.50, "a": [1e3, 2], "s": "caf\u00e9", "big": 123456789012345678901234567890}"#,
        b"{\"b\": 1,\n \"a\": [1, 2]}\n",
        br#"{"d":1,"d":2}"#,
    ];
    let produced: Vec<Produced> = values
        .iter()
        .map(|v| Produced {
            partition: 0,
            key: Some(b"k"),
            value: v,
            headers: vec![],
        })
        .collect();
    produce_with(&broker().bootstrap, &src, &produced);
    let replay = |tf: &str| {
        evtctl()
            .args([
                "replay",
                "--from-topic",
                &src,
                "--to",
                &dst,
                "--transform",
                tf,
            ])
            .assert()
            .success();
    };
    // Unchanged values (a header added, a no-op on the value) keep every byte.
    replay(".headers += [{name: \"seen\", value: \"1\"}] | .value |= .");
    assert_eq!(formatted(&dst, "beginning", "%s"), values.to_vec());
    // A changed value keeps its key order and the text of what the transform left alone.
    replay(r#"if (.value | type) == "object" and .value.a then .value.a[1] = 3 else . end"#);
    let got: Vec<String> = formatted(&dst, "3", "%s")
        .into_iter()
        .map(|v| String::from_utf8(v).unwrap())
        .collect();
    assert_eq!(
        got,
        [
            r#"{"z":1.50,"a":[1e3,3],"s":"caf\u00e9","big":123456789012345678901234567890}"#,
            "{\"b\": 1,\n \"a\": [1, 2]}\n",
            r#"{"d":1,"d":2}"#,
        ]
    );
}

#[test]
fn json_jq_cannot_take_as_such_reaches_filters_and_transforms_as_text() {
    // Both embed verbatim in `-o json`, but serde_json cannot hold them: a lone surrogate
    // escape, and nesting deeper than 128. A filter once panicked on them.
    let src = topic("tf-odd-json", 1);
    let dst = topic("tf-odd-json-dst", 1);
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    let values: [&[u8]; 2] = [br#"["\ud800"]"#, deep.as_bytes()];
    let produced: Vec<Produced> = values
        .iter()
        .map(|v| Produced {
            partition: 0,
            key: None,
            value: v,
            headers: vec![],
        })
        .collect();
    produce_with(&broker().bootstrap, &src, &produced);
    let out = evtctl()
        .args(["tail", &src, "--until", "end", "-o", "json"])
        .args(["--filter", r#".value | type == "string""#])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        out.stdout
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        2
    );
    evtctl()
        .args(["replay", "--from-topic", &src, "--to", &dst])
        .args(["--transform", ".key = \"k\""])
        .assert()
        .success();
    assert_eq!(
        formatted(&dst, "beginning", "%k %s"),
        [&b"k [\"\\ud800\"]"[..], format!("k {deep}").as_bytes()]
    );
}

#[test]
fn ctrl_c_between_quick_evaluations_stops_the_usual_way() {
    // Each filter evaluation is short (~15 ms) but together they take nearly all the run's
    // time, so the signal most likely arrives during one: it is let finish, and the run settles,
    // prints its receipt and exits 130 (the watchdog ends only an evaluation still running a
    // quarter of a second later).
    let src = topic("tf-quick-sig", 1);
    let dst = topic("tf-quick-sig-dst", 1);
    let values: Vec<String> = (0..5000).map(|i| format!("{{\"n\":{i}}}")).collect();
    let produced: Vec<Produced> = values
        .iter()
        .map(|v| Produced {
            partition: 0,
            key: None,
            value: v.as_bytes(),
            headers: vec![],
        })
        .collect();
    produce_with(&broker().bootstrap, &src, &produced);
    let child = evtctl_process()
        .args(["replay", "--from-topic", &src, "--to", &dst, "-o", "json"])
        .args(["--filter", "last(range(100000)) > 0"])
        .args(["--transform", ".value.m = 1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    wait_for("the transforms to run", 60, || cpu_ticks(pid) >= 50);
    std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(!err.contains("was running"), "{err}");
    let receipt = &json_lines(&out.stdout)[0];
    assert_eq!(receipt["kind"], "receipt", "{receipt}");
    let copied = receipt["copied"].as_u64().unwrap();
    assert!(copied < 5000, "it stopped early: {receipt}");
    assert_eq!(
        records(&dst).len() as u64,
        copied,
        "what it reports is what was copied"
    );
}

#[test]
fn a_dry_run_in_which_the_transform_fails_on_every_record_finds_a_problem() {
    let dlq = topic("tf-allfail-dlq", 1);
    let orders = topic("tf-allfail-orders", 2);
    produce_with(
        &broker().bootstrap,
        &dlq,
        &[
            dlq_record(&orders, 1, br#"{"total":"n/a"}"#),
            dlq_record(&orders, 0, br#"{"total":"none"}"#),
        ],
    );
    let out = evtctl()
        .args(["dlq", "redrive", &dlq, "--dry-run", "-o", "json"])
        .args(["--transform", ".value.total |= tonumber"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("would move nothing"), "{err}");
    let plan = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(plan["transform_errors"], 2, "{plan}");
    assert!(records(&orders).is_empty());
}
