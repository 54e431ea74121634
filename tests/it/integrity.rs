//! Nothing lost, nothing hidden: a closed stdout, Ctrl-C while reading stdin, records that name
//! their own topics, the JSON gate, and a broker that goes away mid-run.

use crate::common::*;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const REGISTRY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas");

/// `evtctl ARGS` run by `sh` with fd 1 closed (`>&-`), as a shell user would.
fn with_stdout_closed(args: &[&str]) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"exec "$0" "$@" >&-"#)
        .arg(bin())
        .args(args)
        .env("EVTCTL_BROKERS", &broker().bootstrap)
        .env("EVTCTL_CONFIG", "/nonexistent/evtctl-test-config.toml")
        .env_remove("EVTCTL_PROFILE")
        .env_remove("EVTCTL_REGISTRY")
        .env_remove("TRACEPARENT")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

/// The lines a child prints on a pipe, collected by a thread as they come.
fn collect(pipe: impl std::io::Read + Send + 'static) -> Arc<Mutex<Vec<String>>> {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = lines.clone();
    std::thread::spawn(move || {
        for l in BufReader::new(pipe).lines() {
            match l {
                Ok(l) => sink.lock().unwrap().push(l),
                Err(_) => return,
            }
        }
    });
    lines
}

/// Everything a child prints on a pipe, partial lines included (a prompt has no newline).
fn collect_raw(mut pipe: impl std::io::Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = text.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                return;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    text
}

fn has(lines: &Arc<Mutex<Vec<String>>>, needle: &str) -> bool {
    lines.lock().unwrap().iter().any(|l| l.contains(needle))
}

/// Wait up to `secs` for `cond`; whether it came.
fn came_within(secs: u64, mut cond: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !cond() {
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    true
}

/// Wait for the child to exit; kill it and fail after `secs`.
fn exit_within(child: &mut Child, secs: u64, what: &str) -> ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not end within {secs}s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn values(topic: &str) -> Vec<serde_json::Value> {
    read_all(topic, &[])
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["value"].clone())
        .collect()
}

// 1. A closed stdout ends the receipts, never the work.
#[test]
fn publish_finishes_after_its_reader_goes_away() {
    let t = topic("closed-mid", 2);
    let file = std::env::temp_dir().join(format!("{t}.jsonl"));
    let n = 20_000;
    std::fs::write(
        &file,
        (0..n)
            .map(|i| format!("{{\"n\":{i}}}\n"))
            .collect::<String>(),
    )
    .unwrap();
    let mut child = evtctl_process()
        .args(["publish", &t, "-o", "json", "--file"])
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // `| head -1`: read one receipt, then close the pipe while most receipts are still to come
    // (20,000 receipts are far more than a pipe holds).
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    assert!(first.contains(r#""type":"receipt""#), "{first}");
    drop(out);
    let stderr = collect(child.stderr.take().unwrap());
    let status = exit_within(&mut child, 120, "publish");
    let _ = std::fs::remove_file(&file);
    let stderr = stderr.lock().unwrap().join("\n");
    assert_eq!(
        read_all(&t, &[]).len(),
        n,
        "every record was published: {stderr}"
    );
    assert_eq!(status.code(), Some(0), "{stderr}");
    // It says it lost its receipts, and the summary goes to stderr instead.
    assert!(stderr.contains("no more receipts"), "{stderr}");
    assert!(
        stderr.contains(&format!("published {n} records")),
        "{stderr}"
    );
}

#[test]
fn publish_with_stdout_closed_publishes_everything() {
    let t = topic("closed-pub", 1);
    let dir = std::env::temp_dir().join(unique("closed-pub"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("in.jsonl");
    std::fs::write(&file, "{\"n\":1}\n{\"n\":2}\n").unwrap();
    let out = with_stdout_closed(&[
        "publish",
        &t,
        "-o",
        "json",
        "--file",
        file.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("stdout is closed: no receipts"), "{stderr}");
    assert!(stderr.contains("published 2 records"), "{stderr}");
    assert_eq!(values(&t).len(), 2);
    // The same for creating a topic: done, and exit 0.
    let created = unique("closed-create");
    let out = with_stdout_closed(&["topics", "create", &created]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(read_all(&created, &[]).is_empty());
}

/// stderr a pipe whose reader is gone (`evtctl … 2>&1 | head -1` after `head` ended): a
/// diagnostic that cannot be written is dropped, never a panic (exit 101) halfway through a batch.
#[test]
fn a_closed_stderr_never_ends_the_work() {
    let closed_stderr = || {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        writer
    };
    let t = topic("closed-err", 1);
    let dir = std::env::temp_dir().join(unique("closed-err"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("in.jsonl");
    // A rejected line between good ones: its error, the warnings and the summary all go to
    // stderr, which fails on every write.
    std::fs::write(&file, "{\"n\":1}\nnot json\n{\"n\":2}\n{\"n\":3}\n").unwrap();
    let status = evtctl_process()
        .args(["publish", &t, "-v", "--file", file.to_str().unwrap()])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(closed_stderr())
        .status()
        .unwrap();
    assert_eq!(
        status.code(),
        Some(2),
        "the rejected line decides the exit code"
    );
    let n: Vec<i64> = values(&t)
        .iter()
        .map(|v| v["n"].as_i64().unwrap())
        .collect();
    assert_eq!(n, [1, 2, 3]);
    // A usage error, whose only output is its error line.
    let status = evtctl_process()
        .args(["tail", &t, "--fromm", "0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(closed_stderr())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
}

// 2. A write error of any kind is an error, and a group is committed only past what was written.
#[test]
fn tail_with_stdout_closed_fails_and_commits_nothing() {
    let t = topic("closed-tail", 2);
    let events: String = (0..50).map(|i| format!("{{\"n\":{i}}}\n")).collect();
    evtctl()
        .args(["publish", &t])
        .write_stdin(events)
        .assert()
        .success();
    let group = unique("closed-group");
    let out = with_stdout_closed(&[
        "tail", &t, "--group", &group, "--until", "end", "-o", "json",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("stdout is closed"), "{stderr}");
    assert!(!stderr.contains("50 records"), "{stderr}");
    // Nothing was committed: the group still has every record ahead of it.
    assert_eq!(
        tail_n(&t, &["--group", &group, "--until", "end"]),
        (0..50).collect::<Vec<_>>()
    );
    // And `>/dev/null` is a deliberate discard, not a closed stdout: that group moves on.
    let discard = unique("discard-group");
    let status = evtctl_process()
        .args([
            "tail", &t, "--group", &discard, "--until", "end", "-o", "json",
        ])
        .stdout(std::fs::File::create("/dev/null").unwrap())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    assert!(tail_n(&t, &["--group", &discard, "--until", "end"]).is_empty());

    let out = with_stdout_closed(&["--registry", REGISTRY, "validate", "--allow-unknown"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// 6. Ctrl-C stops reading stdin at once.
fn interrupt(child: &Child) {
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
}

#[test]
fn ctrl_c_stops_publish_reading_stdin() {
    let t = topic("sigint-stdin", 1);
    let mut child = evtctl_process()
        .args(["publish", &t, "-o", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = collect(child.stdout.take().unwrap());
    let _stderr = collect(child.stderr.take().unwrap());
    stdin.write_all(b"{\"n\":1}\n").unwrap();
    stdin.flush().unwrap();
    wait_for("the first record", 30, || {
        high_watermarks(&broker().bootstrap, &t) >= 1
    });
    interrupt(&child);
    // Stopping shows as the summary, printed without waiting for more input. (Should it not
    // come, the line below must still not be published: the assertions say what went wrong.)
    let stopped = came_within(30, || has(&stdout, r#""type":"summary""#));
    let _ = stdin.write_all(b"{\"n\":2}\n");
    drop(stdin);
    let status = exit_within(&mut child, 30, "publish");
    assert_eq!(status.code(), Some(130));
    assert_eq!(values(&t), vec![serde_json::json!({"n": 1})]);
    assert!(stopped, "publish went on waiting for input after Ctrl-C");
    assert!(has(&stdout, r#""type":"receipt","line":1"#));
}

#[test]
fn ctrl_c_stops_validate_reading_stdin() {
    let mut child = evtctl_process()
        .args(["--registry", REGISTRY, "validate", "-o", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = collect(child.stdout.take().unwrap());
    let _stderr = collect(child.stderr.take().unwrap());
    stdin.write_all(b"first\n").unwrap();
    stdin.flush().unwrap();
    // A line that is not JSON is reported as soon as it is read.
    wait_for("the first line's report", 30, || {
        has(&stdout, r#""line":1"#)
    });
    interrupt(&child);
    wait_for("the summary after Ctrl-C", 30, || {
        has(&stdout, r#""type":"summary""#)
    });
    let _ = stdin.write_all(b"second\n");
    drop(stdin);
    let status = exit_within(&mut child, 30, "validate");
    assert_eq!(status.code(), Some(130));
    let lines = stdout.lock().unwrap().clone();
    assert!(
        !lines.iter().any(|l| l.contains(r#""line":2"#)),
        "{lines:?}"
    );
    let summary: serde_json::Value = serde_json::from_str(lines.last().unwrap()).unwrap();
    assert_eq!(summary["checked"], 1, "{lines:?}");
}

#[test]
fn ctrl_c_stops_replay_reading_stdin() {
    let t = topic("sigint-replay", 1);
    let mut child = evtctl_process()
        .args(["replay", "--from-file", "-", "--to", &t])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stderr = collect(child.stderr.take().unwrap());
    stdin.write_all(b"{\"value\":{\"n\":1}}\n").unwrap();
    stdin.flush().unwrap();
    wait_for("the first copy", 30, || {
        high_watermarks(&broker().bootstrap, &t) >= 1
    });
    interrupt(&child);
    let stopped = came_within(30, || child.try_wait().unwrap().is_some());
    let _ = stdin.write_all(b"{\"value\":{\"n\":2}}\n");
    drop(stdin);
    let status = exit_within(&mut child, 30, "replay");
    assert_eq!(status.code(), Some(130), "{:?}", stderr.lock().unwrap());
    assert_eq!(values(&t), vec![serde_json::json!({"n": 1})]);
    assert!(stopped, "replay went on waiting for input after Ctrl-C");
}

#[test]
fn ctrl_c_at_the_redrive_prompt_ends_it_at_once() {
    let origin = topic("prompt-origin", 1);
    let dlq = topic("prompt-dlq", 1);
    produce_with(
        &broker().bootstrap,
        &dlq,
        &[Produced {
            partition: 0,
            key: None,
            value: b"{\"n\":1}",
            headers: vec![
                ("__connect.errors.topic", origin.as_bytes().to_vec()),
                ("__connect.errors.partition", b"0".to_vec()),
                ("__connect.errors.offset", b"7".to_vec()),
            ],
        }],
    );
    // On a terminal (script(1) gives it one) redrive asks before it moves anything; Ctrl-C is
    // typed as the terminal's interrupt character.
    let mut child = std::process::Command::new("script")
        .args([
            "-qefc",
            &format!("exec {} dlq redrive {dlq}", bin()),
            "/dev/null",
        ])
        .env("EVTCTL_BROKERS", &broker().bootstrap)
        .env("EVTCTL_CONFIG", "/nonexistent/evtctl-test-config.toml")
        .env_remove("EVTCTL_PROFILE")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut terminal = child.stdin.take().unwrap();
    let screen = collect_raw(child.stdout.take().unwrap());
    wait_for("the prompt", 60, || {
        screen.lock().unwrap().contains("[y/N]")
    });
    terminal.write_all(b"\x03").unwrap();
    terminal.flush().unwrap();
    let status = exit_within(&mut child, 30, "redrive at its prompt after Ctrl-C");
    drop(terminal);
    assert_eq!(status.code(), Some(130), "{:?}", screen.lock().unwrap());
    assert!(read_all(&origin, &[]).is_empty(), "nothing moved");
}

// 7. Records that name their own topic: receipts say where each went; unknown topics are refused.
#[test]
fn envelope_topics_are_checked_and_named_in_receipts() {
    let home = topic("envtopic-home", 1);
    let other = topic("envtopic-other", 1);
    let missing = unique("envtopic-missing");
    let input = format!(
        "{{\"topic\":\"{other}\",\"value\":{{\"n\":1}}}}\n\
         {{\"topic\":\"{missing}\",\"value\":{{\"n\":2}}}}\n\
         {{\"value\":{{\"n\":3}}}}\n\
         {{\"topic\":\"{other}\",\"partition\":4,\"value\":{{\"n\":4}}}}\n"
    );
    let out = evtctl()
        .args([
            "publish",
            &home,
            "--format",
            "envelope",
            "--envelope-topic",
            "-o",
            "json",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("<stdin>:2: topic `{missing}` does not exist")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "<stdin>:4: partition 4 does not exist in `{other}`"
        )),
        "{stderr}"
    );
    let lines = json_lines(&out.stdout);
    let receipt = |line: u64| {
        lines
            .iter()
            .find(|l| l["type"] == "receipt" && l["line"] == line)
            .unwrap_or_else(|| panic!("no receipt for line {line}: {lines:?}"))
            .clone()
    };
    assert_eq!(receipt(1)["topic"], other.as_str());
    assert_eq!(receipt(3)["topic"], home.as_str());
    assert!(lines
        .iter()
        .any(|l| l["type"] == "rejected" && l["line"] == 2));
    assert_eq!(values(&other), vec![serde_json::json!({"n": 1})]);
    assert_eq!(values(&home), vec![serde_json::json!({"n": 3})]);
    // The unknown topic was not created on the way.
    evtctl()
        .args(["topics", "describe", &missing])
        .assert()
        .code(2);
}

// 8. The JSON gate: publish and validate give every line the same answer.
#[test]
fn invalid_utf8_is_not_json_for_publish_or_validate() {
    let valid = std::fs::read_to_string(format!(
        "{REGISTRY}/order-placed/examples/valid/minimal.json"
    ))
    .unwrap();
    let valid: serde_json::Value = serde_json::from_str(&valid).unwrap();
    let mut invalid = valid.clone();
    invalid["data"]["channel"] = "carrier pigeon".into();
    let lines: Vec<Vec<u8>> = vec![
        valid.to_string().into_bytes(),
        b"{\"type\":\"OrderPlaced\",\"x\":\"y\xff\"}".to_vec(),
        invalid.to_string().into_bytes(),
        b"{\"type\":\"Unrouted\",\"k\xfe\":1}".to_vec(),
        b"{\"type\":\"Unrouted\",\"note\":\"caf\xc3\xa9\"}".to_vec(),
        b"{oops".to_vec(),
    ];
    let mut input = Vec::new();
    for l in &lines {
        input.extend_from_slice(l);
        input.push(b'\n');
    }
    let t = topic("utf8-gate", 1);
    let publish = evtctl()
        .args(["--registry", REGISTRY, "publish", &t, "-o", "json"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&publish.stderr);
    assert_eq!(publish.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("<stdin>:2: not valid JSON"), "{stderr}");
    assert!(stderr.contains("<stdin>:4: not valid JSON"), "{stderr}");
    let refused: Vec<u64> = json_lines(&publish.stdout)
        .iter()
        .filter(|l| l["type"] == "rejected")
        .map(|l| l["line"].as_u64().unwrap())
        .collect();
    let validate = evtctl()
        .args([
            "--registry",
            REGISTRY,
            "validate",
            "--allow-unknown",
            "-o",
            "json",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(validate.status.code(), Some(1));
    let problems: Vec<u64> = json_lines(&validate.stdout)
        .iter()
        .filter(|l| l["type"] != "summary")
        .map(|l| l["line"].as_u64().unwrap())
        .collect();
    assert_eq!(refused, vec![2, 3, 4, 6]);
    assert_eq!(
        problems, refused,
        "publish and validate agree on every line"
    );
    assert_eq!(values(&t).len(), 2, "lines 1 and 5 were published");

    // Without a registry, too: a line that is not JSON is not published as JSON...
    let t = topic("utf8-gate-plain", 1);
    evtctl()
        .args([
            "--registry",
            "/nonexistent/registry",
            "publish",
            &t,
            "--no-validate",
        ])
        .write_stdin(b"{\"x\":\"y\xff\"}\n".to_vec())
        .assert()
        .code(2);
    // ...but it is sent as text, byte for byte, when asked.
    evtctl()
        .args(["publish", &t, "--format", "text"])
        .write_stdin(b"{\"x\":\"y\xff\"}\n".to_vec())
        .assert()
        .success();
    // Text is not a way around the schema gate, though: a known event type but for one byte.
    evtctl()
        .args(["--registry", REGISTRY, "publish", &t, "--format", "text"])
        .write_stdin(b"{\"type\":\"OrderPlaced\",\"x\":\"y\xff\"}\n".to_vec())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("<stdin>:1: not valid JSON"));
    let recs = read_all(&t, &[]);
    assert_eq!(recs.len(), 1);
    let rec: serde_json::Value = serde_json::from_str(&recs[0]).unwrap();
    assert_eq!(rec["value_encoding"], "base64", "{rec}");
}

// 11. With the broker gone, delivery is bounded by --timeout and failures are summarised.
#[test]
fn publish_to_a_vanished_broker_ends_within_its_timeout() {
    let mut broker = std::process::Command::new(bin())
        .args([
            "dev",
            "broker",
            "--port",
            "0",
            "--exit-on-stdin-eof",
            "--quiet",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut addr = String::new();
    BufReader::new(broker.stdout.take().unwrap())
        .read_line(&mut addr)
        .unwrap();
    let addr = addr.trim().to_string();
    let t = unique("vanish");
    evtctl()
        .env("EVTCTL_BROKERS", &addr)
        .args(["topics", "create", &t, "--partitions", "2"])
        .assert()
        .success();
    let mut child = evtctl_process()
        .env("EVTCTL_BROKERS", &addr)
        .args(["publish", &t, "--timeout", "3s", "-o", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = collect(child.stdout.take().unwrap());
    let stderr = collect(child.stderr.take().unwrap());
    stdin.write_all(b"{\"n\":0}\n").unwrap();
    stdin.flush().unwrap();
    wait_for("the first record", 30, || high_watermarks(&addr, &t) >= 1);
    broker.kill().unwrap();
    broker.wait().unwrap();
    let n = 300;
    let rest: String = (1..=n).map(|i| format!("{{\"n\":{i}}}\n")).collect();
    stdin.write_all(rest.as_bytes()).unwrap();
    drop(stdin);
    let started = Instant::now();
    let status = exit_within(&mut child, 60, "publish to a vanished broker");
    let stderr = stderr.lock().unwrap().clone();
    assert_eq!(status.code(), Some(4), "{stderr:?}");
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        stderr.len() <= 10,
        "{} stderr lines: {stderr:?}",
        stderr.len()
    );
    assert!(
        stderr
            .iter()
            .any(|l| l.contains(&format!("{n} record(s) not delivered"))),
        "{stderr:?}"
    );
    // Every failure is listed on stdout with -o json.
    let out = stdout.lock().unwrap().clone();
    let failed = out
        .iter()
        .filter(|l| l.contains(r#""type":"failed""#))
        .count();
    assert_eq!(failed, n, "{out:?}");
}
