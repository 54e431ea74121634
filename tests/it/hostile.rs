//! Hostile input: jq filters that recurse or run away end with a one-line error, and a signal
//! always stops the command.

use crate::common::*;
use std::time::{Duration, Instant};

fn one_record_topic(name: &str) -> String {
    let t = topic(name, 1);
    evtctl()
        .args(["publish", &t, r#"{"n":1}"#])
        .assert()
        .success();
    t
}

#[test]
fn a_recursive_filter_is_a_clean_error_not_a_crash() {
    let t = one_record_topic("hostile-rec");
    for args in [
        vec!["tail", &t, "--until", "end", "--filter", "def f: 1 + f; f"],
        vec![
            "tail",
            &t,
            "--until",
            "end",
            "--filter",
            ".value.n | last(recurse(. + 1))",
        ],
        vec![
            "dlq",
            "redrive",
            &t,
            "--dry-run",
            "--filter",
            "def f: 1 + f; f",
        ],
    ] {
        let out = evtctl().args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("--filter") && err.contains(&format!("{t}/0@0")),
            "{args:?}: {err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
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
fn sigterm_stops_a_runaway_filter_at_once() {
    let t = one_record_topic("hostile-loop");
    let mut child = evtctl_process()
        .args([
            "tail",
            &t,
            "--until",
            "end",
            "--filter",
            "last(range(1e15))",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Busy in the filter: a second of CPU spent (reading one record takes a few ms).
    wait_for("the filter to run", 60, || cpu_ticks(child.id()) >= 100);
    let sent = Instant::now();
    std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert!(
        sent.elapsed() < Duration::from_secs(5),
        "took {:?}",
        sent.elapsed()
    );
    assert_eq!(status.code(), Some(130));
}

/// Characters that must never reach a terminal raw.
fn raw_hostile(s: &str) -> Option<char> {
    s.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(
                c,
                '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{61c}'
            )
    })
}

#[test]
fn hostile_bytes_reach_no_terminal_raw_through_any_command() {
    let dlq = topic("hostile-dlq", 1);
    let evil_topic = "\x1b]52;c;ZXZpbA==\x07orders\x1b[2J\u{202e}";
    let evil_value = br#"{"note":"\u001b[2J\u202e\u009b31m\u2028\u061c\u2066x\u2069\u007f"}"#;
    let headers = vec![
        ("__connect.errors.topic", evil_topic.as_bytes().to_vec()),
        ("__connect.errors.partition", b"0".to_vec()),
        (
            "__connect.errors.exception.class.name",
            "Boom\u{9b}2J".as_bytes().to_vec(),
        ),
        (
            "__connect.errors.exception.message",
            "bad \x1b[31m\u{2067}value".as_bytes().to_vec(),
        ),
        ("x-\x1b[1mheader", b"\x1b]0;title\x07".to_vec()),
    ];
    produce_with(
        &broker().bootstrap,
        &dlq,
        &[Produced {
            partition: 0,
            key: Some("key\u{202e}\x1b[2J".as_bytes()),
            value: evil_value,
            headers,
        }],
    );
    let runs: Vec<Vec<&str>> = vec![
        vec!["tail", &dlq, "--until", "end", "-o", "pretty"],
        vec!["dlq", "stats", &dlq, "-o", "pretty"],
        vec!["dlq", "redrive", &dlq, "--dry-run", "-o", "pretty"],
        vec!["dlq", "redrive", &dlq, "--yes", "-o", "pretty"],
        vec![
            "dlq",
            "redrive",
            &dlq,
            "--yes",
            "--skip-unroutable",
            "-o",
            "pretty",
        ],
        vec![
            "tail",
            &dlq,
            "--until",
            "end",
            "--filter",
            ".value.note | error",
        ],
    ];
    for args in runs {
        let out = evtctl().args(&args).output().unwrap();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
        );
        assert_ne!(out.status.code(), Some(101), "{args:?} panicked: {stderr}");
        for (name, text) in [("stdout", &stdout), ("stderr", &stderr)] {
            assert_eq!(
                raw_hostile(text),
                None,
                "{args:?} wrote a raw control to {name}: {text:?}"
            );
        }
    }
}

/// A registry with one honest subject, under a fresh temporary directory; returns its root.
fn registry_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(unique(name));
    std::fs::create_dir_all(dir.join("reg/order")).unwrap();
    std::fs::write(
        dir.join("reg/order/v1.schema.json"),
        r#"{"type":"object","required":["n"]}"#,
    )
    .unwrap();
    dir
}

#[test]
fn schemas_reached_through_symlinks_outside_the_registry_are_refused() {
    let dir = registry_dir("hostile-symlink");
    std::fs::create_dir_all(dir.join("outside/evil")).unwrap();
    std::fs::write(dir.join("outside/secret.json"), r#"{"secret":"s3cr3t"}"#).unwrap();
    std::fs::write(dir.join("outside/evil/v1.schema.json"), r#"{}"#).unwrap();
    std::os::unix::fs::symlink(
        dir.join("outside/secret.json"),
        dir.join("reg/order/v2.schema.json"),
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.join("outside/evil"), dir.join("reg/evil")).unwrap();
    let reg = dir.join("reg");
    let out = evtctl()
        .args(["schema", "check", "--registry"])
        .arg(&reg)
        .output()
        .unwrap();
    let err =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("outside the registry"), "{err}");
    assert!(!err.contains("s3cr3t"), "{err}");
    let out = evtctl()
        .args(["schema", "show", "evil", "--registry"])
        .arg(&reg)
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    // Events are never judged valid by a schema from outside.
    let out = evtctl()
        .args([
            "validate",
            "--subject",
            "order@2",
            "--file",
            "-",
            "--registry",
        ])
        .arg(&reg)
        .write_stdin("{\"n\":1}\n")
        .output()
        .unwrap();
    assert_ne!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn compat_of_two_files_keeps_refs_in_their_own_directory() {
    let dir = registry_dir("hostile-compat");
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("shared.json"), r#"{"type":"string"}"#).unwrap();
    for side in ["a", "b"] {
        std::fs::write(
            dir.join(side).join("s.json"),
            r#"{"type":"object","properties":{"x":{"$ref":"../shared.json"}}}"#,
        )
        .unwrap();
    }
    let run = |extra: &[&str]| {
        evtctl()
            .args(["compat", "-o", "json", "--old"])
            .arg(dir.join("a/s.json"))
            .arg("--new")
            .arg(dir.join("b/s.json"))
            .args(extra)
            .output()
            .unwrap()
    };
    let out = run(&[]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_ne!(
        out.status.code(),
        Some(0),
        "a ref out of its directory: {text}"
    );
    assert!(text.contains("REF_UNRESOLVED"), "{text}");
    let root = dir.to_string_lossy().to_string();
    let out = run(&["--ref-root", &root]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_pure_ref_cycle_is_an_error_everywhere_not_a_schema_that_accepts_anything() {
    let dir = registry_dir("hostile-cycle");
    std::fs::write(
        dir.join("reg/order/v2.schema.json"),
        r##"{"$ref":"#/definitions/a","definitions":{"a":{"$ref":"#/definitions/b"},"b":{"$ref":"#/definitions/a"}}}"##,
    )
    .unwrap();
    let reg = dir.join("reg");
    let out = evtctl()
        .args(["schema", "check", "--registry"])
        .arg(&reg)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("never reach a constraint"), "{text}");
    let out = evtctl()
        .args([
            "validate",
            "--subject",
            "order@2",
            "--file",
            "-",
            "--registry",
        ])
        .arg(&reg)
        .write_stdin("{\"anything\":true}\n")
        .output()
        .unwrap();
    assert_ne!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn secrets_never_appear_in_output_or_errors() {
    let dir = std::env::temp_dir().join(unique("hostile-secrets"));
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        "[profiles.p.properties]\n\"sasl.pasword\" = \"env:EVTCTL_TEST_CANARY\"\n\"security.protocol\" = \"sasl_plaintext\"\n",
    )
    .unwrap();
    let runs: Vec<Vec<&str>> = vec![
        vec![
            "-X",
            "sasl.jaas.config=org.Login required password=\"canary-jaas-7a1\";",
            "topics",
        ],
        vec![
            "-X",
            "sasl.oauthbearer.client.secret=canary-oauth-7a2",
            "topics",
        ],
        vec!["-X", "sasl.pasword=canary-typo-7a3", "topics"],
        vec!["-vv", "-X", "sasl.pasword=canary-typo-7a3", "topics"],
        vec![
            "-X",
            "security.protocol=sasl_plaintext",
            "-X",
            "sasl.mechanism=PLAIN",
            "-X",
            "sasl.username=u",
            "-X",
            "sasl.password=canary-pass-7a4",
            "--timeout",
            "2s",
            "-vv",
            "topics",
        ],
        vec!["--profile", "p", "config", "show"],
        vec!["--profile", "p", "--timeout", "2s", "topics"],
    ];
    for args in runs {
        let out = evtctl()
            .env("EVTCTL_CONFIG", &config)
            .env("EVTCTL_TEST_CANARY", "canary-env-7a5")
            .args(&args)
            .output()
            .unwrap();
        let all = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(!all.contains("canary-"), "{args:?} leaked a secret: {all}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn drain_refuses_a_device_or_an_endless_line_instead_of_reading_forever() {
    let dlq = one_record_topic("hostile-drain");
    let out = evtctl()
        .args(["dlq", "drain", &dlq, "--to", "/dev/zero"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/dev/zero: not a regular file"), "{err}");
}

#[test]
fn a_line_over_the_limit_is_rejected_with_its_number_and_the_rest_goes_on() {
    let t = topic("hostile-longline", 1);
    let mut input = b"{\"n\":1}\n".to_vec();
    input.extend(std::iter::repeat_n(b'x', 3 << 20));
    input.extend(b"\n{\"n\":3}\n");
    let out = evtctl()
        .args(["publish", &t, "--max-line-bytes", "1000000", "-o", "json"])
        .write_stdin(input)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(":2:") && err.contains("longer than 1000000 bytes"),
        "{err}"
    );
    assert_eq!(
        tail_n(&t, &["--from", "beginning", "--until", "end"]),
        [1, 3]
    );
    // An endless line (a device of zeros) ends validate at once, not when memory runs out.
    let out = evtctl()
        .args([
            "validate",
            "--file",
            "/dev/zero",
            "--max-line-bytes",
            "1000000",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("/dev/zero:1: a line longer than"), "{err}");
}
