//! The schema registry commands: schema check/list, validate (files and topics), compat, and
//! validation in publish and tail. The example registry in schemas/ and throwaway ones.

use crate::common::*;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

const REGISTRY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas");

fn example(path: &str) -> String {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(Path::new(REGISTRY).join(path)).unwrap())
            .unwrap();
    v.to_string()
}

/// A registry in a temp dir: (relative path, content) pairs.
fn temp_registry(files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(unique("reg"));
    for (rel, text) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

const OPEN_V1: &str =
    r#"{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}"#;
const OPEN_V2_OPTIONAL: &str = r#"{
  "type": "object",
  "properties": {
    "id": {"type": "string"},
    "note": {"type": "string"}
  },
  "required": ["id"]
}"#;
const CLOSED_V1: &str = r#"{"type":"object","additionalProperties":false,"properties":{"id":{"type":"string"}},"required":["id"]}"#;
const CLOSED_V2_OPTIONAL: &str = r#"{"type":"object","additionalProperties":false,"properties":{"id":{"type":"string"},"note":{"type":"string"}},"required":["id"]}"#;
const V3_NARROWED: &str = r#"{"type":"object","additionalProperties":false,"properties":{"id":{"type":"string","maxLength":5},"note":{"type":"string"}},"required":["id"]}"#;

#[test]
fn example_registry_is_consistent() {
    evtctl()
        .args(["--registry", REGISTRY, "schema", "check"])
        .assert()
        .success();
    let out = evtctl()
        .args(["--registry", REGISTRY, "schema", "list", "-o", "json"])
        .output()
        .unwrap();
    let subjects: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|s| s["subject"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        subjects,
        [
            "order-cancelled",
            "order-placed",
            "order-shipped",
            "payment-captured",
            "stock-reserved"
        ]
    );
    let formats: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|s| s["format"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(formats, ["json", "json", "avro", "json", "protobuf"]);
    evtctl()
        .args(["--registry", REGISTRY, "compat"])
        .assert()
        .success();
}

#[test]
fn schema_check_names_each_problem_by_file() {
    let reg = temp_registry(&[
        ("gappy/v1.schema.json", OPEN_V1),
        ("gappy/v3.schema.json", OPEN_V1),
        ("broken/v1.schema.json", "{\n  \"type\": \"object\",,\n}"),
        (
            "refs/v1.schema.json",
            r#"{"$ref": "../_shared/missing.schema.json"}"#,
        ),
        ("ex/v1.schema.json", CLOSED_V1),
        ("ex/examples/valid/bad.json", r#"{"id": 1}"#),
        ("ex/examples/invalid/good.json", r#"{"id": "x"}"#),
    ]);
    let out = evtctl()
        .arg("--registry")
        .arg(&reg)
        .args(["schema", "check", "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let problems = json_lines(&out.stdout);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("gappy/v3.schema.json") && text.contains("without gaps"),
        "{text}"
    );
    assert!(
        text.contains("broken/v1.schema.json:2:"),
        "parse errors name the position: {text}"
    );
    assert!(text.contains("refs/v1.schema.json"), "{text}");
    assert!(
        text.contains("examples/valid/bad.json") && text.contains("a valid example fails"),
        "{text}"
    );
    assert!(
        text.contains("examples/invalid/good.json") && text.contains("an invalid example passes"),
        "{text}"
    );
    assert_eq!(problems.last().unwrap()["problems"], 5);
}

#[test]
fn a_bad_registry_toml_is_a_usage_error_with_position() {
    let reg = temp_registry(&[
        ("a/v1.schema.json", OPEN_V1),
        ("registry.toml", "[defaults]\ncompatibility = \n"),
    ]);
    evtctl()
        .arg("--registry")
        .arg(&reg)
        .args(["schema", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("registry.toml:2:"));
    let reg = temp_registry(&[
        ("a/v1.schema.json", OPEN_V1),
        ("registry.toml", "[routes.types]\nX = \"nope\"\n"),
    ]);
    evtctl()
        .arg("--registry")
        .arg(&reg)
        .args(["schema", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`nope`"));
}

#[test]
fn validate_files_reports_locations_and_exit_codes() {
    let dir = std::env::temp_dir().join(unique("val"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("events.jsonl");
    let lines = [
        example("order-placed/examples/valid/full-v2.json"),
        example("order-placed/examples/invalid/quantity-is-string.json"),
        example("payment-captured/examples/valid/card.json"),
        r#"{"type":"Unheard","n":1}"#.to_string(),
        "not json".to_string(),
    ];
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let run = |extra: &[&str]| {
        evtctl()
            .args(["--registry", REGISTRY, "validate", "--file"])
            .arg(&file)
            .args(extra)
            .output()
            .unwrap()
    };

    let out = run(&["-o", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report = json_lines(&out.stdout);
    let invalid = &report[0];
    assert_eq!(invalid["type"], "invalid");
    assert_eq!(invalid["line"], 2);
    assert_eq!(invalid["subject"], "order-placed");
    assert_eq!(
        invalid["errors"][0]["instance_path"],
        "/data/items/0/quantity"
    );
    assert!(invalid["errors"][0]["schema_path"]
        .as_str()
        .unwrap()
        .ends_with("/quantity/type"));
    assert_eq!(report[1]["type"], "unknown");
    assert_eq!(report[1]["line"], 4);
    assert_eq!(report[2]["type"], "broken");
    let summary = report.last().unwrap();
    assert_eq!(
        (
            summary["checked"].as_u64(),
            summary["valid"].as_u64(),
            summary["invalid"].as_u64()
        ),
        (Some(5), Some(2), Some(1))
    );

    let gh = String::from_utf8(run(&["--format", "github"]).stdout).unwrap();
    assert!(
        gh.contains(&format!(
            "::error file={},line=2::order-placed@2: /data/items/0/quantity",
            file.display().to_string().replace(':', "%3A")
        )),
        "{gh}"
    );
    let junit = String::from_utf8(run(&["--format", "junit"]).stdout).unwrap();
    assert!(
        // Three failing events and one testcase for the two that passed.
        junit.contains(
            "<testsuites name=\"evtctl validate\" tests=\"4\" failures=\"3\" errors=\"0\">"
        ),
        "{junit}"
    );

    // Only the unknown and unreadable lines fail with --allow-unknown... the broken one stays.
    assert_eq!(
        run(&["--allow-unknown", "-o", "json"]).status.code(),
        Some(1)
    );
    // --max-invalid stops early.
    let out = run(&["--max-invalid", "1", "-o", "json"]);
    assert_eq!(
        json_lines(&out.stdout).last().unwrap()["stopped_early"],
        true
    );
    // An explicit subject that does not exist is a usage error.
    assert_eq!(run(&["--subject", "nope"]).status.code(), Some(2));
    // All valid → exit 0.
    let good = dir.join("good.jsonl");
    std::fs::write(
        &good,
        example("order-cancelled/examples/valid/out-of-stock.json") + "\n",
    )
    .unwrap();
    evtctl()
        .args(["--registry", REGISTRY, "validate", "--file"])
        .arg(&good)
        .assert()
        .success();
}

#[test]
fn validate_topics_and_publish_refuses_invalid_events() {
    let t = topic("contracts", 2);
    let good = example("order-placed/examples/valid/full-v2.json");
    let bad = example("order-placed/examples/invalid/unknown-channel.json");
    evtctl()
        .args(["--registry", REGISTRY, "publish", &t, &good])
        .assert()
        .success();
    evtctl()
        .args(["--registry", REGISTRY, "publish", &t, &bad])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "argument:1: invalid against order-placed@2: /data/channel",
        ));
    evtctl()
        .args(["--registry", REGISTRY, "publish", &t, &bad, "--no-validate"])
        .assert()
        .success();
    let out = evtctl()
        .args(["--registry", REGISTRY, "validate", &t, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = json_lines(&out.stdout);
    assert_eq!(report[0]["type"], "invalid");
    assert_eq!(report[0]["topic"], t.as_str());
    assert!(report[0]["offset"].is_u64());
    assert_eq!(report.last().unwrap()["checked"], 2);
    // tail --validate marks records; its JSON still publishes back.
    let out = evtctl()
        .args([
            "--registry",
            REGISTRY,
            "tail",
            &t,
            "--from",
            "beginning",
            "--until",
            "end",
            "--validate",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    let recs = json_lines(&out.stdout);
    let valid: Vec<_> = recs
        .iter()
        .map(|r| r["validation"]["valid"].clone())
        .collect();
    assert_eq!(valid.iter().filter(|v| **v == true).count(), 1);
    assert_eq!(valid.iter().filter(|v| **v == false).count(), 1);
    let copy = topic("contracts-copy", 2);
    evtctl()
        .args([
            "--registry",
            REGISTRY,
            "publish",
            &copy,
            "--format",
            "envelope",
            "--no-validate",
        ])
        .write_stdin(out.stdout)
        .assert()
        .success();
}

#[test]
fn compat_reports_breaks_with_positions_and_every_failing_pair() {
    let reg = temp_registry(&[
        ("open/v1.schema.json", OPEN_V1),
        ("open/v2.schema.json", OPEN_V2_OPTIONAL),
        ("closed/v1.schema.json", CLOSED_V1),
        ("closed/v2.schema.json", CLOSED_V2_OPTIONAL),
        ("closed/v3.schema.json", V3_NARROWED),
        (
            "registry.toml",
            "[subjects.closed]\ncompatibility = \"BACKWARD_TRANSITIVE\"\n",
        ),
    ]);
    let out = evtctl()
        .arg("--registry")
        .arg(&reg)
        .args(["compat", "-o", "pretty"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    // The open-content-model trap, at the line and column of the added property.
    assert!(
        text.contains("open/v2.schema.json:5:5: OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"),
        "{text}"
    );
    assert!(
        text.contains("additionalProperties: false"),
        "the message explains the fix: {text}"
    );
    // Transitive: v3 breaks against v1 and v2, both reported.
    assert!(
        text.contains("closed v1 → v3") && text.contains("closed v2 → v3"),
        "{text}"
    );
    assert!(text.contains("MAX_LENGTH_ADDED"), "{text}");
    // JSON: a document with `compatible` and `changes` carrying rule and path.
    let out = evtctl()
        .arg("--registry")
        .arg(&reg)
        .args(["compat", "closed", "-o", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["compatible"], false);
    assert!(doc["changes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["rule"] == "MAX_LENGTH_ADDED" && c["path"] == "#/properties/id/maxLength"));
    // Lenient relaxes the open-model rule; a mode override applies.
    evtctl()
        .arg("--registry")
        .arg(&reg)
        .args(["compat", "open", "--policy", "lenient"])
        .assert()
        .success();
    evtctl()
        .arg("--registry")
        .arg(&reg)
        .args(["compat", "closed", "--mode", "NONE"])
        .assert()
        .success();
}

#[test]
fn compat_two_files_and_could_not_check() {
    let dir = temp_registry(&[
        ("a.json", CLOSED_V1),
        ("b.json", CLOSED_V2_OPTIONAL),
        ("bad.json", "{nope"),
        ("ref.json", r#"{"$ref":"gone.json"}"#),
    ]);
    let f = |n: &str| dir.join(n);
    evtctl()
        .args(["compat", "--old"])
        .arg(f("a.json"))
        .arg("--new")
        .arg(f("b.json"))
        .assert()
        .success();
    evtctl()
        .args(["compat", "--mode", "FORWARD", "--old"])
        .arg(f("a.json"))
        .arg("--new")
        .arg(f("b.json"))
        .assert()
        .code(1);
    evtctl()
        .args(["compat", "--old"])
        .arg(f("a.json"))
        .arg("--new")
        .arg(f("bad.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.json:1:"));
    evtctl()
        .args(["compat", "--old"])
        .arg(f("a.json"))
        .arg("--new")
        .arg(f("ref.json"))
        .assert()
        .code(2);
}

#[test]
fn compat_against_a_git_revision() {
    let repo = temp_registry(&[("schemas/s/v1.schema.json", CLOSED_V1)]);
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .arg("-C")
            .arg(&repo)
            .args(args)
            .output()
            .unwrap();
        assert!(
            ok.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&ok.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["-c", "user.email=t@t", "-c", "user.name=t", "add", "."]);
    git(&[
        "-c",
        "user.email=t@t",
        "-c",
        "user.name=t",
        "commit",
        "-qm",
        "v1",
    ]);
    let reg = repo.join("schemas");
    // A new compatible version passes.
    std::fs::write(reg.join("s/v2.schema.json"), CLOSED_V2_OPTIONAL).unwrap();
    evtctl()
        .arg("--registry")
        .arg(&reg)
        .args(["compat", "--against", "HEAD"])
        .assert()
        .success();
    // Editing the published v1 is an error, whatever the edit.
    std::fs::write(reg.join("s/v1.schema.json"), CLOSED_V2_OPTIONAL).unwrap();
    evtctl()
        .arg("--registry")
        .arg(&reg)
        .args(["compat", "--against", "HEAD"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("PUBLISHED_VERSION_EDITED"));
    // A revision that does not exist: could not check.
    evtctl()
        .arg("--registry")
        .arg(&reg)
        .args(["compat", "--against", "no-such-ref"])
        .assert()
        .code(2);
}

/// `ARGS` run under a generous address-space limit (a safety net for the machine running the
/// tests), returning its exit code and its peak resident memory, as the kernel counted it.
#[cfg(target_os = "linux")]
fn run_measured(args: &[&str]) -> (Option<i32>, u64, String) {
    // Waited for by wait4 below, which also reports its peak memory.
    #[allow(clippy::zombie_processes)]
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -v 8000000; exec "$0" "$@""#)
        .arg(bin())
        .args(args)
        .env("EVTCTL_CONFIG", "/nonexistent/evtctl-test-config.toml")
        .env_remove("EVTCTL_REGISTRY")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    #[allow(unsafe_code)]
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child (never waited for by `Child`) into locals that outlive
    // the call. `Child::wait` cannot report the peak memory that this test is about.
    #[allow(unsafe_code)]
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid);
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    // ru_maxrss is in KiB on Linux.
    (code, usage.ru_maxrss as u64 * 1024, stderr)
}

/// A registry.toml with 200,000-entry lists (one list on one line, 8 MB) loads in memory
/// proportional to its size: each entry once, no copy of its line per entry or per subject.
#[cfg(target_os = "linux")]
#[test]
fn registry_toml_with_200000_entry_lists_loads_in_bounded_memory() {
    let n = 200_000;
    let ignore = vec!["\"MAX_LENGTH_ADDED\""; n].join(", ");
    let paths = (0..n)
        .map(|i| format!("\"#/properties/p{i}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let subject_paths = (0..n)
        .map(|i| format!("  \"#/properties/q{i}\",\n"))
        .collect::<String>();
    let toml = format!(
        "[compat]\nignore = [{ignore}]\nignore_paths = [{paths}]\n\n\
         [subjects.a.compat]\nignore_paths = [\n{subject_paths}]\n"
    );
    let dir = temp_registry(&[
        ("registry.toml", &toml),
        ("a/v1.schema.json", OPEN_V1),
        ("a/v2.schema.json", V3_NARROWED),
        ("b/v1.schema.json", OPEN_V1),
        ("c/v1.schema.json", OPEN_V1),
    ]);
    let reg = dir.to_str().unwrap();
    let (code, peak, stderr) = run_measured(&["schema", "check", "--registry", reg]);
    assert_eq!(code, Some(0), "{stderr}");
    // About 150 MB (a debug build) for an 8 MB file, mostly the TOML parser's own tree; the
    // quadratic copy needed over 20 GB.
    assert!(peak < 600 << 20, "peak resident memory {peak} bytes");
    // The waivers still work, and a report quotes the long line capped, from the entry on.
    let out = evtctl()
        .args(["compat", "a", "--registry", reg, "-o", "json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("registry.toml"), "{stdout}");
    for line in stdout.lines() {
        assert!(line.len() < 4000, "a report line of {} chars", line.len());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Ctrl-C during `schema check` stops it inside a subject (between examples, and after a long
/// validation), not only between subjects: exit 130, no verdict.
#[cfg(target_os = "linux")]
#[test]
fn sigint_during_schema_check_exits_130() {
    // One subject, whose only invalid example is a FIFO: evtctl waits on it, inside the check.
    let dir = temp_registry(&[("a/v1.schema.json", OPEN_V1)]);
    let examples = dir.join("a/examples/invalid");
    std::fs::create_dir_all(&examples).unwrap();
    let fifo = examples.join("e.json");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let child = evtctl_process()
        .args(["schema", "check", "-o", "json", "--registry"])
        .arg(&dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // Opening the FIFO for writing returns once evtctl has opened it to read the example.
    let mut writer = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    // evtctl's Ctrl-C thread wakes on the signal, sets the flag, then blocks again: wait until
    // it has blocked once more than before, so the flag is known to be set.
    let ctrlc_switches = || -> u64 {
        let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).unwrap();
        tasks
            .filter_map(|t| t.ok())
            .filter(|t| {
                std::fs::read_to_string(t.path().join("comm")).is_ok_and(|c| c.trim() == "ctrl-c")
            })
            .filter_map(|t| std::fs::read_to_string(t.path().join("status")).ok())
            .filter_map(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))
                    .and_then(|n| n.trim().parse::<u64>().ok())
            })
            .sum()
    };
    let before = ctrlc_switches();
    assert!(std::process::Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap()
        .success());
    wait_for("the Ctrl-C handler to run", 30, || {
        ctrlc_switches() > before
    });
    // A valid event as an "invalid" example: a problem, had the check gone on (exit 1).
    std::io::Write::write_all(&mut writer, br#"{"id":"x"}"#).unwrap();
    drop(writer);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stderr}");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("summary"),
        "no verdict on a check cut short"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A report quotes at most a bounded part of an example: a validation message that quotes a
/// 12-million-character value is cut, with an ellipsis and the total length.
#[test]
fn schema_check_caps_what_it_quotes_of_an_example() {
    let big = format!("{{\"id\":\"{}\"}}", "x".repeat(12_000_000));
    let dir = temp_registry(&[
        ("a/v1.schema.json", OPEN_V1),
        (
            "a/v2.schema.json",
            r#"{"type":"object","properties":{"id":{"type":"string","maxLength":5}},"required":["id"]}"#,
        ),
        ("a/examples/valid/big.json", &big),
    ]);
    for format in ["json", "pretty"] {
        let out = evtctl()
            .args(["schema", "check", "-o", format, "--registry"])
            .arg(&dir)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("big.json"), "{format}");
        for line in stdout.lines() {
            assert!(
                line.len() < 4000,
                "{format}: a line of {} chars",
                line.len()
            );
        }
        assert!(stdout.contains("… (12000"), "{format}: {}", &stdout[..500]);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `publish --type` says once, on stderr, when its events go out unvalidated: no registry in
/// sight, or a type (and topic) the registry has no schema for. Never silent, even without -v.
#[test]
fn publish_type_says_once_when_events_go_unvalidated() {
    let t = topic("type-unvalidated", 1);
    let dir = std::env::temp_dir().join(unique("no-registry"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("in.jsonl");
    std::fs::write(
        &file,
        "{\"orderId\":\"a\"}\n{\"orderId\":\"b\"}\n{\"orderId\":\"c\"}\n",
    )
    .unwrap();
    let publish = |args: &[&str]| {
        let out = evtctl()
            .current_dir(&dir)
            .args(["publish", &t, "--file"])
            .arg(&file)
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        stderr
    };
    // No registry in sight (./schemas does not exist here).
    for extra in [&[][..], &["-v"][..]] {
        let stderr = publish(&[&["--type", "OrderPlaced"][..], extra].concat());
        assert_eq!(
            stderr.matches("no schema registry at schemas").count(),
            1,
            "{stderr}"
        );
        assert!(stderr.contains("without validation"), "{stderr}");
    }
    // A registry, but no schema for the type (nor the topic).
    let stderr = publish(&["--registry", REGISTRY, "--type", "NoSuchType"]);
    assert_eq!(
        stderr
            .matches("has no schema for type `NoSuchType`")
            .count(),
        1,
        "{stderr}"
    );
    // Validation asked away, or a type the registry knows: nothing to say.
    let stderr = publish(&["--type", "NoSuchType", "--no-validate"]);
    assert!(!stderr.contains("validation"), "{stderr}");
    // (these payloads fail OrderPlaced's schema: refused, and no word about skipping validation)
    let out = evtctl()
        .args([
            "publish",
            &t,
            "--registry",
            REGISTRY,
            "--type",
            "OrderPlaced",
        ])
        .arg("{\"orderId\":\"a\"}")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("without validation"), "{stderr}");
    assert_eq!(read_all(&t, &[]).len(), 12);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn refs_by_plain_name_fragment_resolve_in_validate_and_compat() {
    // Generated schemas name their definitions: `$anchor` (2019-09 and later) and, in
    // draft-06/07, `"$id": "#Name"`. The registry's default dialect (draft-07) is for schemas
    // without `$schema`; one that names 2020-12 is read as 2020-12.
    let anchored = |extra: &str| {
        format!(
            r##"{{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
            "properties":{{"type":{{"type":"string"}},"home":{{"$ref":"#Address"}}}},
            "$defs":{{"address":{{"$anchor":"Address","type":"object","additionalProperties":false,
            "properties":{{"city":{{"type":"string"}}{extra}}},"required":["city"]}}}}}}"##
        )
    };
    let with_id = |required: &str| {
        format!(
            r##"{{"$schema":"http://json-schema.org/draft-07/schema#","type":"object",
            "properties":{{"type":{{"type":"string"}},"home":{{"$ref":"#Address"}}}},
            "definitions":{{"address":{{"$id":"#Address","type":"object","additionalProperties":false,
            "properties":{{"city":{{"type":"string"}},"zip":{{"type":"string"}}}},"required":[{required}]}}}}}}"##
        )
    };
    let v1 = anchored("");
    let v2 = anchored(r#","zip":{"type":"string"}"#);
    let (i1, i2) = (with_id(r#""city""#), with_id(r#""city","zip""#));
    let reg = temp_registry(&[
        (
            "registry.toml",
            "[routes.types]\nAddr = \"addr\"\nIdAddr = \"id-addr\"\n",
        ),
        ("addr/v1.schema.json", &v1),
        ("addr/v2.schema.json", &v2),
        ("id-addr/v1.schema.json", &i1),
        ("id-addr/v2.schema.json", &i2),
    ]);
    let out = evtctl()
        .args([
            "validate",
            "--registry",
            reg.to_str().unwrap(),
            "-o",
            "json",
        ])
        .write_stdin(
            "{\"type\":\"Addr\",\"home\":{\"city\":\"Oslo\"}}\n{\"type\":\"Addr\",\"home\":{}}\n\
             {\"type\":\"IdAddr\",\"home\":{\"city\":\"Oslo\",\"zip\":\"0150\"}}\n",
        )
        .output()
        .unwrap();
    let docs = json_lines(&out.stdout);
    let summary = docs.last().unwrap();
    assert_eq!(
        (
            summary["valid"].as_u64(),
            summary["invalid"].as_u64(),
            summary["broken"].as_u64()
        ),
        (Some(2), Some(1), Some(0)),
        "{docs:?}"
    );
    assert_eq!(docs[0]["errors"][0]["instance_path"], "/home", "{docs:?}");
    // compat follows the anchors: the 2020-12 pair adds an optional property to a closed model
    // (compatible); the draft-07 pair makes `zip` required (breaking, said as such, not as an
    // unresolved reference).
    let out = evtctl()
        .args(["compat", "--registry", reg.to_str().unwrap(), "-o", "json"])
        .output()
        .unwrap();
    let report = &json_lines(&out.stdout)[0];
    let rules: Vec<(&str, &str)> = report["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["breaking"] == true)
        .map(|c| (c["subject"].as_str().unwrap(), c["rule"].as_str().unwrap()))
        .collect();
    assert_eq!(rules, [("id-addr", "REQUIRED_ATTRIBUTE_ADDED")], "{report}");
    assert_eq!(out.status.code(), Some(1), "{report}");
}
