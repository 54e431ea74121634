//! Bad input and bad clusters: one-line errors naming the input, documented exit codes.

use crate::common::*;
use predicates::prelude::*;

#[test]
fn malformed_line_is_reported_with_its_number_and_the_rest_is_delivered() {
    let t = topic("malformed", 1);
    evtctl()
        .args(["publish", &t])
        .write_stdin("{\"n\":1}\n{\"n\":2}\n{\"n\":\n{\"n\":4}\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>:3: not valid JSON"))
        .stderr(predicate::str::contains("1 input line(s) rejected"));
    assert_eq!(read_all(&t, &[]).len(), 3, "the good lines were delivered");
}

#[test]
fn fail_fast_stops_at_the_first_bad_line() {
    let t = topic("failfast", 1);
    let dir = std::env::temp_dir().join(unique("ff"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("events.jsonl");
    std::fs::write(&file, "{\"n\":1}\nnope\n{\"n\":3}\n").unwrap();
    evtctl()
        .args(["publish", &t, "--fail-fast", "--file"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}:2: not valid JSON",
            file.display()
        )));
    assert_eq!(read_all(&t, &[]).len(), 1);
}

#[test]
fn bad_envelope_and_bad_partition_name_the_line() {
    let t = topic("badenv", 2);
    evtctl()
        .args(["publish", &t, "--format", "envelope", "-o", "json"])
        .write_stdin("{\"value\":1}\n{\"vaule\":1}\n{\"partition\":9,\"value\":1}\n")
        .assert()
        .code(2)
        .stdout(predicate::str::contains(r#"{"type":"rejected","line":2"#))
        .stderr(predicate::str::contains("<stdin>:2: not a record envelope"))
        .stderr(predicate::str::contains(
            "<stdin>:3: partition 9 does not exist",
        ));
}

#[test]
fn unknown_topic_is_a_usage_error() {
    let t = unique("missing");
    evtctl()
        .args(["publish", &t, "{}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "topic `{t}` does not exist"
        )))
        // Publishing, the shorter way to create it is named too.
        .stderr(predicate::str::contains("publish with `--create"))
        .stderr(predicate::str::contains(format!(
            "evtctl topics create {t}"
        )));
    evtctl()
        .args(["tail", &t, "--until", "end"])
        .assert()
        .code(2);
}

#[test]
fn unreachable_broker_fails_within_the_timeout_with_exit_3() {
    // Port 1 on loopback: nothing listens there.
    let started = std::time::Instant::now();
    evtctl()
        .args(["-b", "127.0.0.1:1", "--timeout", "2s", "topics"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("127.0.0.1:1"))
        .stderr(predicate::str::contains("hint:"));
    evtctl()
        .args(["-b", "127.0.0.1:1", "--timeout", "2s", "publish", "t", "{}"])
        .assert()
        .code(3);
    // Generous bound: the point is that it does not hang, not how fast it fails.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

#[test]
fn a_missing_input_file_is_named_before_any_connection() {
    // The file is opened first: a typo in its name is a usage error (exit 2) even with the
    // cluster unreachable, not a connection error after --timeout.
    evtctl()
        .args(["-b", "127.0.0.1:1", "--timeout", "30s", "publish", "t"])
        .args(["--file", "/nonexistent/events.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/events.jsonl"));
}

#[test]
fn usage_errors_exit_2() {
    evtctl()
        .args(["tail", "t", "--from", "yesterdayish"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--from `yesterdayish`"));
    evtctl()
        .args(["tail", "t", "--filter", ".a |||"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--filter"));
    evtctl()
        .args(["publish", "t", "--rate", "-1", "{}"])
        .assert()
        .code(2);
    evtctl().args(["nosuchcommand"]).assert().code(2);
    evtctl()
        .args(["-X", "nonsense", "topics"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-X `nonsense`"));
}

#[test]
fn closed_stdout_is_a_quiet_success() {
    let t = topic("pipe", 1);
    let input: String = (0..2000)
        .map(|i| format!("{{\"n\":{i},\"pad\":\"{}\"}}\n", "x".repeat(200)))
        .collect();
    evtctl()
        .args(["publish", &t])
        .write_stdin(input)
        .assert()
        .success();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' tail '{t}' --from beginning --until end -o json | head -n 1",
            bin()
        ))
        .env("EVTCTL_BROKERS", &broker().bootstrap)
        .env("EVTCTL_CONFIG", "/nonexistent")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("error"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// stdout is /dev/null opened read-write: `1<>/dev/null` in a shell, Python's
/// `subprocess.DEVNULL`, many service managers. That is a place to discard output, not a closed
/// stdout: every reading command succeeds and writes nothing.
#[test]
fn stdout_on_dev_null_opened_read_write_is_no_error() {
    let t = topic("devnull-rw", 1);
    evtctl()
        .args(["publish", &t])
        .write_stdin("{\"n\":1}\n{\"n\":2}\n")
        .assert()
        .success();
    let tail = [
        "tail",
        &t,
        "--from",
        "beginning",
        "--until",
        "end",
        "-o",
        "json",
    ];
    // Through a shell, as `1<>/dev/null`.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"exec "$0" "$@" 1<>/dev/null"#)
        .arg(bin())
        .args(tail)
        .env("EVTCTL_BROKERS", &broker().bootstrap)
        .env("EVTCTL_CONFIG", "/nonexistent/evtctl-test-config.toml")
        .env_remove("EVTCTL_PROFILE")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("closed"), "{stderr}");
    // As Python's subprocess.DEVNULL gives it: os.open(os.devnull, os.O_RDWR).
    let registry = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas");
    for args in [&tail[..], &["schema", "list", "--registry", registry][..]] {
        let null = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/null")
            .unwrap();
        let out = evtctl_process()
            .args(args)
            .stdout(null)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("closed"), "{stderr}");
    }
}

/// A loopback port nothing listens on (bound, then closed).
fn closed_port() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap().to_string();
    drop(l);
    addr
}

#[test]
fn a_refused_bootstrap_is_reported_in_well_under_the_timeout_with_its_cause_once() {
    // librdkafka knows at once that the connection was refused; waiting out --timeout (30 s
    // here) only delayed saying so. The bound is the behaviour under test: a second's grace
    // plus start-up, far below the timeout.
    let addr = closed_port();
    let commands: [&[&str]; 9] = [
        &["topics"],
        &["topics", "create", "t"],
        &["topics", "delete", "t", "--yes"],
        &["tail", "t", "--until", "end"],
        &["publish", "t", "{}"],
        &["dlq", "stats", "d"],
        &["groups", "describe", "g"],
        &["groups"],
        &["cluster"],
    ];
    for args in commands {
        let started = std::time::Instant::now();
        let out = evtctl()
            .args(["-b", &addr, "--timeout", "30s"])
            .args(args)
            .output()
            .unwrap();
        let elapsed = started.elapsed();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert!(
            elapsed < std::time::Duration::from_secs(10),
            "{args:?} took {elapsed:?} to report a refused connection: {err}"
        );
        let line = err.lines().next().unwrap_or_default();
        assert!(
            line.starts_with("evtctl: error: ") && line.contains("Connection refused"),
            "{args:?}: names librdkafka's cause: {err}"
        );
        assert!(line.contains(&addr), "{args:?}: names the address: {err}");
        assert!(
            line.matches("(Local: ").count() <= 1
                && line.matches("Connection refused").count() == 1,
            "{args:?}: the cause once: {line}"
        );
    }
}

#[test]
fn a_broker_that_lacks_a_request_exits_3_for_topics_and_groups_alike() {
    // The embedded broker implements neither DeleteTopics nor ListGroups (other brokers may have
    // both: nothing to compare there).
    if !broker().embedded {
        return;
    }
    let t = topic("unsupported", 1);
    let deleted = evtctl()
        .args(["topics", "delete", &t, "--yes"])
        .output()
        .unwrap();
    let listed = evtctl().args(["groups"]).output().unwrap();
    for (what, out) in [("topics delete", &deleted), ("groups", &listed)] {
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{what}: {err}");
        assert!(
            !err.contains("hint:"),
            "{what}: not a reachability problem: {err}"
        );
    }
}
