//! What kcat, kafkactl and rpk users reach for every day (issue 12): format strings, typed keys,
//! keyed text, counting, topic creation on publish, and the rough edges.

use crate::common::*;
use predicates::prelude::*;

fn tail_raw(topic: &str, extra: &[&str]) -> std::process::Output {
    let out = evtctl()
        .args(["tail", topic, "--from", "beginning", "--until", "end"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "tail {extra:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn format_strings_print_kcat_tokens_with_raw_bytes() {
    let t = topic("fmt", 1);
    produce_with(
        &broker().bootstrap,
        &t,
        &[
            Produced {
                partition: 0,
                key: Some(b"o-1"),
                value: b"{\"total\":12.5}",
                headers: vec![("trace", b"abc".to_vec()), ("trace", b"def".to_vec())],
            },
            Produced {
                partition: 0,
                key: None,
                value: b"bin\x00\xff\x1b[2J",
                headers: vec![],
            },
        ],
    );
    let out = tail_raw(&t, &["--format", "%s\\n"]);
    assert_eq!(
        out.stdout, b"{\"total\":12.5}\nbin\x00\xff\x1b[2J\n",
        "values only, as they are (stdout is not a terminal)"
    );
    let out = tail_raw(
        &t,
        &["--format", "%t|%p|%o|%k|%K|%S|%h|%{header:trace}|%%\\t\\0"],
    );
    let expected = format!("{t}|0|0|o-1|3|14|trace=abc,trace=def|def|%\t\0{t}|0|1||-1|9|||%\t\0");
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
    let out = tail_raw(&t, &["--format", "%T %{time}\\n", "-n", "1"]);
    let line = String::from_utf8(out.stdout).unwrap();
    let (ms, rfc) = line.trim_end().split_once(' ').unwrap();
    let ms: i64 = ms.parse().unwrap();
    assert!(ms > 1_700_000_000_000, "{line}");
    assert!(
        rfc.starts_with("20") && rfc.ends_with('Z') && rfc.contains('T'),
        "{line}"
    );
    evtctl()
        .args(["tail", &t, "--until", "end", "--format", "%q"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown token %q"));
}

#[test]
fn typed_keys_and_values_decode_match_and_filter() {
    let t = topic("typed", 1);
    let k42 = 42i64.to_be_bytes();
    let k7 = 7i64.to_be_bytes();
    let v = 1000i32.to_be_bytes();
    produce_with(
        &broker().bootstrap,
        &t,
        &[
            Produced {
                partition: 0,
                key: Some(&k42),
                value: &v,
                headers: vec![],
            },
            Produced {
                partition: 0,
                key: Some(&k7),
                value: &v,
                headers: vec![],
            },
            Produced {
                partition: 0,
                key: Some(b"\x1b[2Jbad"),
                value: b"x",
                headers: vec![],
            },
        ],
    );
    let out = tail_raw(
        &t,
        &[
            "--key-type",
            "int64",
            "--value-type",
            "int32",
            "--format",
            "%k=%s\\n",
        ],
    );
    assert_eq!(out.stdout, b"42=1000\n7=1000\n\x1b[2Jbad=x\n");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 key not int64") && err.contains("1 value not int32"),
        "undecodable fields are counted, not fatal: {err}"
    );

    // -k is encoded as the key type; --filter sees the decoded key.
    let out = tail_raw(&t, &["--key-type", "int64", "-k", "7", "-o", "json"]);
    let recs = json_lines(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["key"], 7);
    assert_eq!(recs[0]["key_encoding"], "int64");
    assert_eq!(recs[0]["offset"], 1);
    let out = tail_raw(
        &t,
        &[
            "--key-type",
            "int64",
            "--filter",
            ".key_encoding == \"int64\" and .key > 10",
            "-o",
            "json",
        ],
    );
    let recs = json_lines(&out.stdout);
    assert_eq!(recs.len(), 1, "{recs:?}");
    assert_eq!(recs[0]["key"], 42);

    // The typed envelope publishes back to the same bytes.
    let copy = topic("typed-copy", 1);
    let all = tail_raw(
        &t,
        &["--key-type", "int64", "--value-type", "hex", "-o", "json"],
    );
    evtctl()
        .args(["publish", &copy, "--format", "envelope"])
        .write_stdin(all.stdout)
        .assert()
        .success();
    assert_eq!(read_all(&copy, &[]).len(), 3);
    let a: Vec<serde_json::Value> = read_all(&t, &[])
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let b: Vec<serde_json::Value> = read_all(&copy, &[])
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for (x, y) in a.iter().zip(&b) {
        assert_eq!((&x["key"], &x["value"]), (&y["key"], &y["value"]));
    }

    // publish encodes the given key.
    evtctl()
        .args(["publish", &t, "--key-type", "int64", "-k", "99", "{}"])
        .assert()
        .success();
    let out = tail_raw(
        &t,
        &["--key-type", "int64", "-k", "99", "--format", "%K %k\\n"],
    );
    assert_eq!(out.stdout, b"8 99\n");
    evtctl()
        .args(["publish", &t, "--key-type", "int32", "-k", "o-1", "{}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not int32"));
}

#[test]
fn text_with_a_key_delimiter() {
    let t = topic("keydelim", 1);
    evtctl()
        .args(["publish", &t, "--format", "text", "--key-delimiter", ":"])
        .write_stdin("o-1:hello: world\nno key here\n")
        .assert()
        .success();
    let out = tail_raw(&t, &["--format", "[%k][%s]\\n"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "[o-1][hello: world]\n[][no key here]\n"
    );
    let recs = json_lines(&tail_raw(&t, &["-o", "json"]).stdout);
    assert_eq!(recs[1]["key"], serde_json::Value::Null);
    evtctl()
        .args(["publish", &t, "--key-delimiter", ":", "{}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format text"));
}

#[test]
fn publish_create_makes_a_missing_topic() {
    let t = unique("create");
    evtctl()
        .args(["publish", &t, "{\"a\":1}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
    evtctl()
        .args(["publish", &t, "{\"a\":1}", "--create", "--partitions", "3"])
        .assert()
        .success()
        .stderr(predicate::str::contains("created topic"));
    let out = evtctl()
        .args(["topics", "describe", &t, "-o", "json"])
        .output()
        .unwrap();
    let d = &json_lines(&out.stdout)[0];
    assert_eq!(d["partitions"].as_array().unwrap().len(), 3);
    // A second run finds it and says nothing about creating.
    evtctl()
        .args(["publish", &t, "{\"a\":2}", "--create"])
        .assert()
        .success()
        .stderr(predicate::str::contains("created topic").not());
    assert_eq!(read_all(&t, &[]).len(), 2);
    evtctl()
        .args(["publish", "bad name!", "{}", "--create"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid topic name"));
}

#[test]
fn topics_create_applies_kafka_name_rules() {
    for bad in ["bad name!", "..", &"x".repeat(250)] {
        evtctl()
            .args(["topics", "create", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("invalid topic name"));
    }
}

#[test]
fn publish_rate_takes_the_replay_grammar() {
    let t = topic("rate", 1);
    evtctl()
        .args(["publish", &t, "--rate", "500/s"])
        .write_stdin("{}\n{}\n")
        .assert()
        .success();
    evtctl()
        .args(["publish", &t, "--rate", "fast", "{}"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("500/s"));
}

/// Milliseconds since the epoch (the topic argument only documents what the time is for).
fn t_now(_for: &str) -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

fn rfc3339(ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000).unwrap();
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

fn count_json(args: &[&str]) -> (Vec<serde_json::Value>, String) {
    let out = evtctl()
        .arg("count")
        .args(args)
        .args(["-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "count {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        json_lines(&out.stdout),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn count_by_offsets_by_time_and_with_a_filter() {
    let t = topic("count", 3);
    let other = topic("count2", 1);
    let mut recs = Vec::new();
    for (i, ts) in ["2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01"]
        .iter()
        .enumerate()
    {
        recs.push(format!(
            "{{\"partition\":{},\"timestamp\":\"{ts}T00:00:00Z\",\"value\":{{\"n\":{i}}}}}",
            i % 2
        ));
    }
    evtctl()
        .args(["publish", &t, "--format", "envelope"])
        .write_stdin(recs.join("\n"))
        .assert()
        .success();
    evtctl()
        .args(["publish", &other, "{\"n\":9}"])
        .assert()
        .success();

    let (lines, _) = count_json(&[&t, &other]);
    let total = lines.last().unwrap();
    assert_eq!(total["type"], "total");
    assert_eq!(total["records"], 5);
    assert_eq!(total["partitions"], 4);
    assert_eq!(total["method"], "offsets");
    let p0 = lines
        .iter()
        .find(|l| l["topic"] == t.as_str() && l["partition"] == 0)
        .unwrap();
    assert_eq!(p0["records"], 2);

    let (lines, _) = count_json(&[&t, "--from", "1", "-p", "0,2"]);
    assert_eq!(lines.last().unwrap()["records"], 1);
    assert_eq!(lines.len(), 3, "two partitions and the total");

    // Record times in the past, written now: Kafka looks them up by record time; Tansu 0.6 by
    // write time (corrected by reading forward to the records' own times); the embedded broker
    // cannot look up at all, so the range is read.
    let bounds = [
        "--from",
        "2020-06-01T00:00:00Z",
        "--until",
        "2022-06-01T00:00:00Z",
    ];
    let (lines, err) = count_json(&[&[t.as_str()][..], &bounds].concat());
    assert_eq!(lines.last().unwrap()["records"], 2, "{lines:?}");
    if broker().embedded {
        assert!(
            err.contains("cannot look offsets up by time"),
            "the fallback is said: {err}"
        );
        assert_eq!(lines.last().unwrap()["method"], "read");
    } else {
        assert_eq!(lines.last().unwrap()["method"], "time_lookup");
    }
    let (lines, _) = count_json(&[&[t.as_str(), "--filter", "true"][..], &bounds].concat());
    assert_eq!(lines.last().unwrap()["records"], 2, "{lines:?}");
    assert_eq!(lines.last().unwrap()["method"], "read");
    // Record time and write time agree: every broker answers the same.
    let fresh = topic("count-now", 2);
    evtctl()
        .args(["publish", &fresh])
        .write_stdin("{\"n\":1}\n{\"n\":2}\n")
        .assert()
        .success();
    let cut = {
        let after_first = t_now(&fresh) + 1;
        wait_for("the clock to pass the first records", 5, || {
            t_now(&fresh) > after_first
        });
        after_first
    };
    evtctl()
        .args(["publish", &fresh])
        .write_stdin("{\"n\":3}\n{\"n\":4}\n{\"n\":5}\n")
        .assert()
        .success();
    let from = rfc3339(cut);
    let (lines, _) = count_json(&[&fresh, "--from", &from]);
    assert_eq!(lines.last().unwrap()["records"], 3, "{from}: {lines:?}");
    let (lines, _) = count_json(&[&fresh, "--until", &from]);
    assert_eq!(lines.last().unwrap()["records"], 2, "{from}: {lines:?}");

    let (lines, _) = count_json(&[&t, "--filter", ".value.n >= 2"]);
    assert_eq!(lines.last().unwrap()["records"], 2);
    assert_eq!(lines.last().unwrap()["method"], "read");

    evtctl()
        .args(["count", &t, "-o", "pretty"])
        .assert()
        .success()
        .stdout(predicate::str::contains("RECORDS").and(predicate::str::contains("total 4")));
    evtctl()
        .args(["count", "it-no-such-topic-xyz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
}

#[test]
fn format_output_is_escaped_on_a_terminal() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: util-linux `script` is needed for a terminal");
        return;
    }
    let t = topic("fmt-tty", 1);
    produce_with(
        &broker().bootstrap,
        &t,
        &[Produced {
            partition: 0,
            key: Some(b"k\x1b]0;x\x07"),
            value: b"v\x1b[2J\xff",
            headers: vec![],
        }],
    );
    let cmd = format!(
        "{} tail {t} --from beginning --until end --format '%k|%s|done'",
        bin()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env("EVTCTL_BROKERS", &broker().bootstrap)
        .env("EVTCTL_CONFIG", "/nonexistent/evtctl-test-config.toml")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(r"k\e]0;x\x07|v\e[2J\xff|done"), "{text:?}");
    assert!(!out.stdout.contains(&0x1b), "no raw escape: {text:?}");
}

/// Whether the test broker advertises a request (from `evtctl cluster -v`).
fn broker_supports(request: &str) -> bool {
    let out = evtctl()
        .args(["cluster", "-v", "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c = &json_lines(&out.stdout)[0];
    c["brokers"][0]["api_versions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["name"] == request)
}

/// A request the broker lacks (librdkafka's mock lacks several, Tansu some) is reported as
/// such, in one clear line; where the broker has it, the command succeeds. True when it ran.
fn unsupported_or(out: &std::process::Output, request: &str) -> bool {
    let err = String::from_utf8_lossy(&out.stderr);
    if broker_supports(request) {
        assert!(out.status.success(), "{err}");
        true
    } else {
        // Exit 3, as for every request a broker lacks (`groups` without ListGroups too).
        assert_eq!(out.status.code(), Some(3), "{err}");
        assert!(!err.contains("hint:"), "not a reachability problem: {err}");
        assert!(
            err.contains(&format!("does not support the {request} request")),
            "{err}"
        );
        assert_eq!(
            err.lines().filter(|l| l.contains("error")).count(),
            1,
            "one clear line: {err}"
        );
        false
    }
}

#[test]
fn topics_delete_confirms_and_reports() {
    let t = topic("del", 1);
    let missing = unique("del-missing");
    evtctl()
        .args(["topics", "delete", &missing, "--yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
    evtctl()
        .args(["topics", "delete", &missing, "--if-exists"])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to delete"));
    // Not a terminal and no --yes: nothing is deleted.
    evtctl()
        .args(["topics", "delete", &t])
        .write_stdin("y\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    assert!(Admin::exists(&t));
    let out = evtctl()
        .args(["topics", "delete", &t, &missing, "--yes", "--if-exists"])
        .output()
        .unwrap();
    if unsupported_or(&out, "DeleteTopics") {
        wait_for("the topic to go", 30, || !Admin::exists(&t));
    } else {
        assert!(Admin::exists(&t), "still there");
    }
}

#[test]
fn topics_alter_grows_and_refuses_to_shrink() {
    let t = topic("alter", 2);
    evtctl()
        .args(["topics", "alter", &t, "--partitions", "1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot shrink from 2 to 1"));
    evtctl()
        .args(["topics", "alter", &t, "--partitions", "2", "-o", "pretty"])
        .assert()
        .success()
        .stderr(predicate::str::contains("already has 2"));
    let out = evtctl()
        .args(["topics", "alter", &t, "--partitions", "4"])
        .output()
        .unwrap();
    if unsupported_or(&out, "CreatePartitions") {
        wait_for("4 partitions", 30, || Admin::partitions(&t) == 4);
    }
}

#[test]
fn topics_describe_and_config() {
    let t = topic("cfg", 1);
    let out = evtctl()
        .args(["topics", "describe", &t, "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let d = &json_lines(&out.stdout)[0];
    assert_eq!(d["partitions"].as_array().unwrap().len(), 1);
    if broker().embedded {
        assert!(d["configs"].is_null());
        assert!(
            d["configs_error"]
                .as_str()
                .unwrap()
                .contains("does not support the DescribeConfigs request"),
            "{d}"
        );
    } else {
        assert!(
            d["configs"].is_array() || d["configs_error"].is_string(),
            "{d}"
        );
    }
    let configs = |t: &str| -> Vec<serde_json::Value> {
        // --all-configs: Tansu 0.6 reports the values set on a topic as defaults.
        let out = evtctl()
            .args(["topics", "describe", t, "--all-configs", "-o", "json"])
            .output()
            .unwrap();
        json_lines(&out.stdout)[0]["configs"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    let out = evtctl()
        .args([
            "topics",
            "config",
            &t,
            "--set",
            "retention.ms=86400000",
            "--set",
            "max.message.bytes=2048",
        ])
        .output()
        .unwrap();
    if unsupported_or(&out, "IncrementalAlterConfigs") {
        let c = configs(&t);
        assert!(
            c.iter()
                .any(|c| c["name"] == "retention.ms" && c["value"] == "86400000"),
            "{c:?}"
        );
        // Unset one: the other stays (incremental, not a replacement of the whole set).
        let out = evtctl()
            .args(["topics", "config", &t, "--unset", "retention.ms"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let c = configs(&t);
        assert!(
            !c.iter()
                .any(|c| c["name"] == "retention.ms" && c["value"] == "86400000"),
            "{c:?}"
        );
        assert!(
            c.iter()
                .any(|c| c["name"] == "max.message.bytes" && c["value"] == "2048"),
            "{c:?}"
        );
    }
    evtctl().args(["topics", "config", &t]).assert().code(2);
    evtctl()
        .args(["topics", "config", &t, "--set", "a=1", "--unset", "a"])
        .assert()
        .code(2);
}

/// Cluster facts through another client than evtctl.
struct Admin;
impl Admin {
    fn consumer() -> rdkafka::consumer::BaseConsumer {
        rdkafka::ClientConfig::new()
            .set("bootstrap.servers", &broker().bootstrap)
            .create()
            .unwrap()
    }
    fn exists(topic: &str) -> bool {
        use rdkafka::consumer::Consumer;
        let md = Self::consumer()
            .fetch_metadata(None, std::time::Duration::from_secs(10))
            .unwrap();
        md.topics()
            .iter()
            .any(|t| t.name() == topic && t.error().is_none())
    }
    fn partitions(topic: &str) -> usize {
        use rdkafka::consumer::Consumer;
        let md = Self::consumer()
            .fetch_metadata(Some(topic), std::time::Duration::from_secs(10))
            .unwrap();
        md.topics()[0].partitions().len()
    }
}

#[test]
fn topics_delete_asks_on_a_terminal() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: util-linux `script` is needed for a terminal");
        return;
    }
    let t = topic("del-ask", 1);
    let out = std::process::Command::new("script")
        .args(["-qec", &format!("{} topics delete {t}", bin()), "/dev/null"])
        .env("EVTCTL_BROKERS", &broker().bootstrap)
        .env("EVTCTL_CONFIG", "/nonexistent/evtctl-test-config.toml")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(b"n\n")?;
            c.wait_with_output()
        })
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(&format!("delete {t} and every record in it? [y/N]")),
        "{text}"
    );
    assert!(text.contains("not confirmed: nothing deleted"), "{text}");
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(Admin::exists(&t));
}

#[test]
fn cluster_shows_id_controller_brokers_and_api_versions() {
    let out = evtctl().args(["cluster", "-o", "json"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c = &json_lines(&out.stdout)[0];
    assert!(!c["cluster_id"].as_str().unwrap().is_empty(), "{c}");
    let brokers = c["brokers"].as_array().unwrap();
    assert!(!brokers.is_empty());
    let ids: Vec<i64> = brokers.iter().map(|b| b["id"].as_i64().unwrap()).collect();
    assert!(ids.contains(&c["controller"].as_i64().unwrap()), "{c}");
    assert!(brokers[0]["port"].as_i64().unwrap() > 0);
    assert!(brokers[0].get("api_versions").is_none(), "only with -v");
    let out = evtctl()
        .args(["cluster", "-v", "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let c = &json_lines(&out.stdout)[0];
    let apis = c["brokers"][0]["api_versions"].as_array().unwrap();
    assert!(
        apis.iter()
            .any(|a| a["name"] == "Metadata" && a["max"].as_i64() >= Some(4)),
        "{c}"
    );
    let out = evtctl().args(["cluster", "-o", "pretty"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("cluster id") && text.contains("controller"),
        "{text}"
    );
    assert!(text.contains(&format!(":{}", brokers[0]["port"])), "{text}");
}

#[test]
fn topic_patterns_select_at_start_for_tail_validate_and_dlq_stats() {
    let prefix = unique("pat");
    let a = format!("{prefix}-a");
    let b = format!("{prefix}-b");
    let other = topic("pat-other", 1);
    for t in [&a, &b] {
        evtctl()
            .args(["publish", t, "{\"n\":1}", "--create"])
            .assert()
            .success();
    }
    evtctl()
        .args(["publish", &other, "{\"n\":2}"])
        .assert()
        .success();
    let re = format!("re:{}-.*", regex_escape(&prefix));
    let out = tail_raw(&re, &["--format", "%t\\n"]);
    let mut seen: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    seen.sort();
    assert_eq!(seen, [a.clone(), b.clone()]);
    let out = evtctl()
        .args([
            "tail",
            "--topics-regex",
            &format!("{}-a", regex_escape(&prefix)),
        ])
        .args(["--from", "beginning", "--until", "end", "--format", "%t\\n"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{a}\n"));

    let out = evtctl()
        .args(["validate", &re, "--allow-unknown", "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(summary["checked"], 2, "{summary}");

    let out = evtctl()
        .args([
            "dlq",
            "stats",
            "--topics-regex",
            &format!("{}-.*", regex_escape(&prefix)),
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
    let stats = &json_lines(&out.stdout)[0];
    assert_eq!(stats["total"], 2, "{stats}");

    evtctl()
        .args(["tail", "re:it-no-such-prefix-.*", "--until", "end"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no topic matches re:it-no-such-prefix-.*",
        ));
    evtctl()
        .args(["tail", &a, &a])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is named twice"));
}

fn regex_escape(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect()
}

#[test]
fn tail_follows_matching_topics_created_later() {
    use std::io::BufRead;
    let prefix = unique("follow");
    let first = format!("{prefix}-1");
    let later = format!("{prefix}-2");
    evtctl()
        .args(["topics", "create", &first])
        .assert()
        .success();
    let mut child = evtctl_process()
        .args([
            "tail",
            "--topics-regex",
            &format!("{}-.*", regex_escape(&prefix)),
            "--format",
            "%t %s\\n",
        ])
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for l in std::io::BufReader::new(stdout).lines() {
            if tx.send(l.unwrap()).is_err() {
                break;
            }
        }
    });
    // Tail is following once a record published now reaches it.
    let mut lines = Vec::new();
    wait_for("tail to follow the first topic", 60, || {
        evtctl()
            .args(["publish", &first, "--format", "text", "ready"])
            .assert()
            .success();
        lines.extend(rx.recv_timeout(std::time::Duration::from_millis(500)));
        !lines.is_empty()
    });
    evtctl()
        .args(["publish", &later, "--format", "text", "hello", "--create"])
        .assert()
        .success();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let want = format!("{later} hello");
    while !lines.contains(&want) {
        assert!(
            std::time::Instant::now() < deadline,
            "no record from the new topic: {lines:?}"
        );
        lines.extend(rx.recv_timeout(std::time::Duration::from_millis(200)));
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn text_to_a_topic_routed_to_a_schema_is_refused() {
    let dir = tempdir("routed");
    let t = topic("routed", 1);
    std::fs::create_dir_all(dir.join("thing")).unwrap();
    std::fs::write(
        dir.join("thing/v1.schema.json"),
        r#"{"type":"object","required":["id"]}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("registry.toml"),
        format!("[routes.topics]\n\"{t}\" = \"thing\"\n"),
    )
    .unwrap();
    let reg = dir.to_str().unwrap();
    evtctl()
        .args([
            "publish",
            &t,
            "--format",
            "text",
            "--registry",
            reg,
            "hello",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("routed to schema `thing`"));
    evtctl()
        .args([
            "publish",
            &t,
            "--format",
            "text",
            "--registry",
            reg,
            "--no-validate",
            "hello",
        ])
        .assert()
        .success();
    assert_eq!(read_all(&t, &[]).len(), 1);
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(unique(name));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn a_byte_order_mark_at_the_start_of_a_file_is_ignored() {
    let dir = tempdir("bom");
    let t = topic("bom", 1);
    let file = dir.join("events.jsonl");
    std::fs::write(&file, b"\xef\xbb\xbf{\"n\":1}\r\n{\"n\":2}\r\n").unwrap();
    evtctl()
        .args(["publish", &t, "--file", file.to_str().unwrap()])
        .assert()
        .success();
    let values: Vec<String> = read_all(&t, &[])
        .iter()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["value"].to_string())
        .collect();
    assert_eq!(values, ["{\"n\":1}", "{\"n\":2}"]);
    evtctl()
        .args([
            "validate",
            "--file",
            file.to_str().unwrap(),
            "--allow-unknown",
        ])
        .assert()
        .success();
    // An exported file saved with a BOM replays.
    let export = dir.join("export.jsonl");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(read_all(&t, &[]).join("\n").into_bytes());
    std::fs::write(&export, bytes).unwrap();
    let copy = topic("bom-copy", 1);
    evtctl()
        .args([
            "replay",
            "--from-file",
            export.to_str().unwrap(),
            "--to",
            &copy,
        ])
        .assert()
        .success();
    assert_eq!(read_all(&copy, &[]).len(), 2);
}

#[test]
fn bad_ranges_and_timeouts_are_refused_with_a_reason() {
    let t = topic("ranges", 1);
    for (args, why) in [
        (
            vec!["tail", &t, "--from", "1d", "--until", "2d"],
            "the range is empty",
        ),
        (
            vec!["tail", &t, "--from", "600000000000d", "--until", "end"],
            "before 1970",
        ),
        (
            vec!["count", &t, "--from", "5", "--until", "5"],
            "the range is empty",
        ),
        (
            vec!["validate", &t, "--from", "1h", "--until", "2h"],
            "the range is empty",
        ),
        (
            vec!["dlq", "stats", &t, "--from", "1h", "--until", "2h"],
            "the range is empty",
        ),
        (
            vec![
                "replay",
                "--from-topic",
                &t,
                "--to",
                &t,
                "--from",
                "1h",
                "--until",
                "2h",
            ],
            "the range is empty",
        ),
        (vec!["topics", "--timeout", "0s"], "more than zero"),
    ] {
        let out = evtctl().args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(why), "{args:?}: {err}");
        assert!(err.starts_with("evtctl: error:"), "{args:?}: {err}");
    }
}

#[test]
fn argument_errors_are_one_clear_line() {
    let dir = tempdir("regtoml");
    std::fs::write(dir.join("registry.toml"), "[defaults]\ncompatibility = \n").unwrap();
    let reg = dir.to_str().unwrap().to_string();
    for (args, why) in [
        (
            vec!["tail", "t", "--fromm", "1"],
            "(a similar argument exists: '--from')",
        ),
        (vec!["tail"], "required arguments were not provided"),
        (
            vec!["tail", "t", "--group", ""],
            "a consumer group name cannot be empty",
        ),
        (vec!["tail", "t", "t"], "topic `t` is named twice"),
        (
            vec!["schema", "list", "--registry", &reg],
            "registry.toml:2:",
        ),
    ] {
        let out = evtctl().args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("evtctl: error: "), "{args:?}: {err}");
        assert!(err.contains(why), "{args:?}: {err}");
        assert!(!err.contains("--brokers"), "{args:?}: {err}");
    }
    for cmd in [
        &["schema", "--help"][..],
        &["compat", "--help"],
        &["completions", "--help"],
        &["schema", "show", "--help"],
    ] {
        let out = evtctl().args(cmd).output().unwrap();
        assert!(out.status.success());
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(
            !help.contains("--brokers") && !help.contains("--timeout"),
            "{cmd:?}: {help}"
        );
    }
    let help =
        String::from_utf8(evtctl().args(["tail", "--help"]).output().unwrap().stdout).unwrap();
    assert!(help.contains("--brokers"), "online commands keep them");
    // Offline commands still accept them (scripts pass them everywhere).
    evtctl()
        .args(["schema", "list", "--brokers", "x:1", "--timeout", "1s"])
        .assert()
        .success();
}

#[test]
fn dlq_stats_table_fits_a_narrow_terminal() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: util-linux `script` is needed for a terminal");
        return;
    }
    let t = topic("narrow-dlt", 1);
    let long = format!("Validation failed for field {}", "x".repeat(300));
    produce_with(
        &broker().bootstrap,
        &t,
        &[Produced {
            partition: 0,
            key: None,
            value: b"{\"id\":1}",
            headers: vec![
                ("kafka_dlt-original-topic", b"orders".to_vec()),
                (
                    "kafka_dlt-exception-fqcn",
                    b"org.springframework.kafka.listener.ListenerExecutionFailedException".to_vec(),
                ),
                ("kafka_dlt-exception-message", long.into_bytes()),
            ],
        }],
    );
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("stty cols 90; {} dlq stats {t}", bin()),
            "/dev/null",
        ])
        .env("EVTCTL_BROKERS", &broker().bootstrap)
        .env("EVTCTL_CONFIG", "/nonexistent/evtctl-test-config.toml")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(text.contains("ERROR CLASS"), "{text}");
    assert!(text.contains('…'), "long cells are cut: {text}");
    for l in text.lines() {
        assert!(l.chars().count() <= 90, "{} wide: {l:?}", l.chars().count());
        assert_eq!(l, l.trim_end(), "trailing spaces: {l:?}");
    }
    // The full message stays in -o json.
    let out = evtctl()
        .args(["dlq", "stats", &t, "-o", "json"])
        .output()
        .unwrap();
    let stats = &json_lines(&out.stdout)[0];
    assert!(
        stats["by_error"][0]["fingerprint"].as_str().unwrap().len() > 90,
        "{stats}"
    );
}

#[test]
fn dlq_stats_groups_spring_failures_by_cause_with_ids_folded() {
    let t = topic("spring-dlt", 1);
    let records: Vec<Vec<(&str, Vec<u8>)>> = (0..6)
        .map(|i| {
            let id = format!("ord_SPRING{:05}", 180 + i * 97);
            vec![
                    ("kafka_dlt-original-topic", b"orders".to_vec()),
                    (
                        "kafka_dlt-exception-fqcn",
                        b"org.springframework.kafka.listener.ListenerExecutionFailedException"
                            .to_vec(),
                    ),
                    (
                        "kafka_dlt-exception-cause-fqcn",
                        b"java.lang.IllegalStateException".to_vec(),
                    ),
                    (
                        "kafka_dlt-exception-message",
                        format!("Listener failed; nested exception is java.lang.IllegalStateException: Order {id} not found in 3{i}0ms").into_bytes(),
                    ),
                ]
        })
        .collect();
    let produced: Vec<Produced<'_>> = records
        .iter()
        .map(|hs| Produced {
            partition: 0,
            key: None,
            value: b"{}",
            headers: hs.clone(),
        })
        .collect();
    produce_with(&broker().bootstrap, &t, &produced);
    let out = evtctl()
        .args(["dlq", "stats", &t, "-o", "json"])
        .output()
        .unwrap();
    let stats = &json_lines(&out.stdout)[0];
    let groups = stats["by_error"].as_array().unwrap();
    assert_eq!(groups.len(), 1, "one bug, one group: {stats}");
    assert_eq!(groups[0]["count"], 6);
    assert_eq!(groups[0]["error_class"], "java.lang.IllegalStateException");
    assert!(
        groups[0]["fingerprint"]
            .as_str()
            .unwrap()
            .contains("Order <id> not found in <n>ms"),
        "{stats}"
    );
}

/// The JUnit report's structure as the common JUnit XML schema (Jenkins' junit-10.xsd, which
/// CI systems read) has it: testsuites > testsuite > testcase, each testcase at most one
/// failure or error, and the tests/failures/errors attributes equal to the elements present.
fn check_junit(xml: &str) {
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "),
        "{xml}"
    );
    assert!(
        xml.trim_end().ends_with("</testsuite>\n</testsuites>"),
        "{xml}"
    );
    let attr = |tag: &str, name: &str| -> usize {
        let start = xml.find(&format!("<{tag} ")).unwrap();
        let el = &xml[start..start + xml[start..].find('>').unwrap()];
        let v = el
            .split(&format!(" {name}=\""))
            .nth(1)
            .unwrap_or_else(|| panic!("{tag} has no {name}: {el}"));
        v[..v.find('"').unwrap()].parse().unwrap()
    };
    let cases = xml.matches("<testcase ").count();
    let failures = xml.matches("<failure ").count();
    let errors = xml.matches("<error ").count();
    for tag in ["testsuites", "testsuite"] {
        assert_eq!(attr(tag, "tests"), cases, "{tag} tests: {xml}");
        assert_eq!(attr(tag, "failures"), failures, "{tag} failures: {xml}");
        assert_eq!(attr(tag, "errors"), errors, "{tag} errors: {xml}");
    }
    assert_eq!(xml.matches("<testsuite ").count(), 1);
    // Every testcase is closed, by `/>` or `</testcase>`, and holds at most one result.
    let open = regex::Regex::new(r"<testcase [^>]*?(/?)>").unwrap();
    let self_closed = open.captures_iter(xml).filter(|c| &c[1] == "/").count();
    assert_eq!(
        cases,
        self_closed + xml.matches("</testcase>").count(),
        "{xml}"
    );
    for c in open.captures_iter(xml).filter(|c| &c[1] != "/") {
        let rest = &xml[c.get(0).unwrap().end()..];
        let body = &rest[..rest.find("</testcase>").expect("closed")];
        assert!(
            body.matches("<failure ").count() + body.matches("<error ").count() <= 1,
            "one result per testcase: {body}"
        );
    }
}

#[test]
fn junit_failures_name_only_the_paths_there_are() {
    // An event without a schema has neither an instance nor a schema path; an invalid one has
    // a root issue (no instance path): neither leaves an empty `()` or a leading blank.
    let dir = tempdir("junit-paths");
    let file = dir.join("events.jsonl");
    std::fs::write(
        &file,
        "{\"no\":\"type\"}\n{\"type\":\"OrderPlaced\",\"version\":2,\"n\":1}\n",
    )
    .unwrap();
    let out = evtctl()
        .args([
            "validate",
            "--file",
            file.to_str().unwrap(),
            "--format",
            "junit",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let xml = String::from_utf8(out.stdout).unwrap();
    check_junit(&xml);
    assert!(!xml.contains("()"), "{xml}");
    let bodies: Vec<&str> = xml
        .split("</failure>")
        .filter_map(|part| part.rsplit_once("\">").map(|(_, body)| body))
        .collect();
    assert_eq!(bodies.len(), 2, "{xml}");
    for line in bodies.iter().flat_map(|b| b.lines()) {
        assert!(!line.starts_with(' '), "{line:?} in {xml}");
    }
    assert!(xml.contains("no schema found"), "{xml}");
    assert!(xml.contains("(#/required)"), "{xml}");
}

#[test]
fn junit_counts_equal_the_elements_present() {
    let dir = tempdir("junit");
    let file = dir.join("events.jsonl");
    let example = std::fs::read_dir("schemas/order-placed/examples/valid")
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let valid: serde_json::Value =
        serde_json::from_slice(&std::fs::read(example).unwrap()).unwrap();
    let mut lines = vec![valid.to_string(); 30];
    for i in 0..5 {
        lines.push(format!(r#"{{"type":"OrderPlaced","version":2,"n":{i}}}"#));
    }
    std::fs::write(&file, lines.join("\n")).unwrap();
    let out = evtctl()
        .args([
            "validate",
            "--file",
            file.to_str().unwrap(),
            "--format",
            "junit",
        ])
        .output()
        .unwrap();
    let xml = String::from_utf8(out.stdout).unwrap();
    check_junit(&xml);
    assert!(xml.contains("failures=\"5\""), "{xml}");

    // compat: two schemas with several breaking changes.
    let old = dir.join("old.schema.json");
    let new = dir.join("new.schema.json");
    std::fs::write(&old, r#"{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"},"c":{"type":"string"}},"additionalProperties":false}"#).unwrap();
    std::fs::write(&new, r#"{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string"}},"required":["a"],"additionalProperties":false}"#).unwrap();
    let out = evtctl()
        .args([
            "compat",
            "--old",
            old.to_str().unwrap(),
            "--new",
            new.to_str().unwrap(),
            "--mode",
            "FULL",
            "--format",
            "junit",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let xml = String::from_utf8(out.stdout).unwrap();
    check_junit(&xml);
    assert!(xml.matches("<failure ").count() >= 2, "{xml}");
    // And over the bundled registry, where every pair passes.
    let out = evtctl()
        .args(["compat", "--format", "junit"])
        .output()
        .unwrap();
    let xml = String::from_utf8(out.stdout).unwrap();
    check_junit(&xml);
}

#[test]
fn replay_says_when_a_checkpoint_overrides_from() {
    let src = topic("ckpt-src", 1);
    let dst = topic("ckpt-dst", 1);
    evtctl()
        .args(["publish", &src])
        .write_stdin("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n")
        .assert()
        .success();
    let group = unique("ckpt");
    evtctl()
        .args([
            "replay",
            "--from-topic",
            &src,
            "--to",
            &dst,
            "--checkpoint-group",
            &group,
        ])
        .assert()
        .success();
    let out = evtctl()
        .args([
            "replay",
            "--from-topic",
            &src,
            "--to",
            &dst,
            "--checkpoint-group",
            &group,
            "--from",
            "beginning",
            "--dry-run",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "checkpoint group {group}: resuming partition 0 at offset 3 (the checkpoint overrides --from beginning there)"
        )),
        "{err}"
    );
}

#[test]
fn completions_offer_positions_and_modes_not_files() {
    let bash = String::from_utf8(
        evtctl()
            .args(["completions", "bash"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        bash.contains("compgen -W \"beginning end now -10 15m 1h 1d\""),
        "--from"
    );
    assert!(bash.contains("compgen -W \"end now 15m 1h 1d\""), "--until");
    assert!(
        bash.contains("NONE BACKWARD BACKWARD_TRANSITIVE FORWARD"),
        "compat --mode"
    );
    for flag in [
        "--key-type",
        "--topics-regex",
        "--key-delimiter",
        "--format",
        "--create",
    ] {
        assert!(bash.contains(flag), "{flag}");
    }
    // Suggestions do not restrict: any position still parses.
    evtctl()
        .args([
            "tail",
            "x",
            "--from",
            "2026-01-01T00:00:00Z",
            "--until",
            "0=5",
            "--help",
        ])
        .assert()
        .success();
    evtctl()
        .args([
            "compat",
            "--mode",
            "backward-transitive",
            "--format",
            "junit",
        ])
        .assert()
        .success();
}

#[test]
fn demo_prints_pasteable_commands_and_keeps_their_files() {
    let out = evtctl()
        .arg("demo")
        .env_remove("EVTCTL_BROKERS")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let commands: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("$ evtctl "))
        .collect();
    assert!(commands.len() > 5, "{text}");
    // The two restarts of billing after groups skip wait for the group (the embedded broker's
    // rebalance delay): the demo says so before each, instead of pausing without a word.
    let before_restart = text
        .find("(billing restarts.")
        .expect("the first wait is said");
    assert!(
        before_restart < text.find("(billing restarted and moved on").unwrap()
            && text.contains("holds its join about 5 s"),
        "{text}"
    );
    assert!(
        text.find("(billing picks it up, after the same wait")
            .unwrap()
            < text.find("(billing charged the repaired order").unwrap(),
        "{text}"
    );
    for c in &commands {
        // What a shell makes of the line: one argument per line.
        let out = std::process::Command::new("sh")
            .args(["-c", &format!("printf '%s\\n' {c}")])
            .output()
            .unwrap();
        assert!(out.status.success(), "{c}");
        let args: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
        if c.starts_with("publish orders --type OrderPlaced") {
            let json = args.last().unwrap();
            serde_json::from_str::<serde_json::Value>(json)
                .unwrap_or_else(|e| panic!("{c}: the event is not one argument: {e}"));
        }
        for flag in ["--file", "--old", "--new"] {
            if let Some(i) = args.iter().position(|a| a == flag) {
                let path = std::path::Path::new(&args[i + 1]);
                assert!(path.is_file(), "{c}: {} was deleted", path.display());
            }
        }
    }
}

#[test]
fn readme_type_example_passes_the_bundled_registry() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let at = readme
        .find("evtctl publish orders --type OrderPlaced")
        .unwrap();
    let rest = &readme[at..];
    let json = &rest[rest.find('\'').unwrap() + 1..];
    let json = &json[..json.find('\'').unwrap()];
    let t = topic("readme-type", 1);
    evtctl()
        .args(["publish", &t, "--type", "OrderPlaced", json])
        .assert()
        .success();
    let rec: serde_json::Value = serde_json::from_str(&read_all(&t, &[])[0]).unwrap();
    // A CloudEvents 1.0 event in structured mode, naming the subject version it was checked with.
    assert_eq!(
        header(&rec, "content-type").as_deref(),
        Some("application/cloudevents+json; charset=UTF-8")
    );
    assert_eq!(rec["value"]["specversion"], "1.0");
    assert_eq!(rec["value"]["dataschema"], "evtctl:schemas/order-placed/v3");
    assert_eq!(rec["value"]["version"], 3);
}

#[test]
fn tables_have_no_trailing_spaces_and_right_aligned_numbers() {
    let t = topic("tables", 2);
    for args in [
        vec!["schema", "list", "-o", "pretty"],
        vec!["topics", "-o", "pretty"],
        vec!["topics", "describe", &t, "-o", "pretty"],
        vec!["count", &t, "-o", "pretty"],
        vec!["config", "show", "-o", "pretty"],
    ] {
        let out = evtctl().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        for l in text.lines() {
            assert_eq!(l, l.trim_end(), "{args:?}: trailing spaces in {l:?}");
        }
    }
    // PARTITION and RECORDS are numbers: right-aligned under their headers.
    let out = evtctl()
        .args(["count", &t, "-o", "pretty"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let header = text.lines().next().unwrap();
    let end = header.find("RECORDS").unwrap() + "RECORDS".len();
    for l in text.lines().skip(1).take(2) {
        assert_eq!(l.len(), end, "{text}");
        assert!(l.ends_with(" 0"), "{text}");
    }
}

#[test]
fn a_filter_failing_on_one_record_says_where_and_how_to_pass_it_by() {
    let t = topic("filter-shape", 1);
    evtctl()
        .args(["publish", &t, "--format", "envelope"])
        .write_stdin(
            "{\"value\":{\"total\":100}}\n{\"value\":\"AAEC\",\"value_encoding\":\"base64\"}\n\
             {\"value\":{\"total\":700}}\n",
        )
        .assert()
        .success();
    for cmd in [&["tail"][..], &["count"][..]] {
        let out = evtctl()
            .args(cmd)
            .args([&t, "--from", "beginning", "--until", "end", "-o", "json"])
            .args(["--filter", ".value.total > 500"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{cmd:?}: {err}");
        assert!(
            err.contains(&format!("--filter failed on {t}/0@1")),
            "{cmd:?}: {err}"
        );
        assert!(
            err.lines()
                .any(|l| l.starts_with("hint: ") && l.contains("`.value.total? > 500`")),
            "{cmd:?}: {err}"
        );
    }
    // The hint's expression passes the binary record by.
    let out = evtctl()
        .args([
            "tail",
            &t,
            "--from",
            "beginning",
            "--until",
            "end",
            "-o",
            "json",
        ])
        .args(["--filter", ".value.total? > 500"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["offset"], 2);
}

#[test]
fn publish_types_values_sends_tombstones_and_says_what_an_empty_event_is() {
    let t = topic("pub-values", 1);
    // The README's int64 example, with --value-type: tail reads back what was sent.
    evtctl()
        .args(["publish", &t, "7", "--key", "42", "--key-type", "int64"])
        .args(["--value-type", "int64"])
        .assert()
        .success();
    // A tombstone for key 42, without writing an envelope.
    evtctl()
        .args(["publish", &t, "-k", "42", "--key-type", "int64", "-Z", ""])
        .assert()
        .success();
    // Lines without the key field: keyless when asked, rejected (as today) by default.
    evtctl()
        .args(["publish", &t, "--key-field", "/id", "--missing-key", "null"])
        .write_stdin("{\"id\":\"a\"}\n{\"n\":2}\n")
        .assert()
        .success();
    evtctl()
        .args(["publish", &t, "--key-field", "/id"])
        .write_stdin("{\"n\":3}\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--missing-key null"));
    // An empty EVENT: a usage error as JSON (nothing sent), an empty payload as text.
    evtctl()
        .args(["publish", &t, ""])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("an empty EVENT is not JSON"));
    evtctl()
        .args(["publish", &t, "--format", "text", ""])
        .assert()
        .success();

    let out = evtctl()
        .args([
            "tail",
            &t,
            "--from",
            "beginning",
            "--until",
            "end",
            "-o",
            "json",
        ])
        .args(["--key-type", "int64", "--value-type", "int64"])
        .output()
        .unwrap();
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 5, "{docs:?}");
    assert_eq!(
        (docs[0]["key"].clone(), docs[0]["value"].clone()),
        (42.into(), 7.into())
    );
    assert_eq!(docs[1]["key"], 42);
    assert_eq!(
        docs[1]["value"],
        serde_json::Value::Null,
        "a tombstone: {}",
        docs[1]
    );
    assert_eq!(docs[2]["key"], "a");
    assert_eq!(docs[3]["key"], serde_json::Value::Null);
    assert_eq!(docs[4]["value"], "", "an empty payload, not null");
}

/// What bash would offer for `words` (the last one being completed), with the checked-in
/// completion script and the `evtctl` under test first on PATH.
fn bash_completes(words: &[&str], brokers: &str) -> Vec<String> {
    let dir = std::path::Path::new(bin()).parent().unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/completions/evtctl.bash");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source '{script}'; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE=\"${{COMP_WORDS[*]}}\"; \
             COMP_POINT=${{#COMP_LINE}}; _evtctl_names; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            quoted.join(" "),
            words.len() - 1
        ))
        .env(
            "PATH",
            format!("{}:{}", dir.display(), std::env::var("PATH").unwrap()),
        )
        .env("EVTCTL_BROKERS", brokers)
        .env("EVTCTL_CONFIG", "/nonexistent/evtctl-test-config.toml")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // clap's own function leaves an empty candidate where it has none to offer.
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn completion_offers_topic_names_from_the_cluster_and_nothing_when_it_is_away() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: bash is needed");
        return;
    }
    let t = topic("compl-names", 1);
    let b = &broker().bootstrap;
    // The helper command: one name a line.
    let out = evtctl()
        .args(["complete-names", "topics"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).lines().any(|l| l == t));
    // Where a command takes a topic: its first argument, or the value of --topic/--from-topic.
    let prefix = &t[..t.len() - 3];
    for words in [
        &["evtctl", "tail", prefix][..],
        &["evtctl", "-o", "json", "tail", prefix],
        &["evtctl", "topics", "describe", prefix],
        &["evtctl", "dlq", "stats", prefix],
        &["evtctl", "replay", "--from-topic", prefix],
        &["evtctl", "groups", "describe", "g", "--topic", prefix],
    ] {
        assert_eq!(
            bash_completes(words, b),
            std::slice::from_ref(&t),
            "{words:?}"
        );
    }
    // Not where something else goes: publish's EVENT, a group name.
    for words in [
        &["evtctl", "publish", &t, prefix][..],
        &["evtctl", "groups", "delete", prefix],
    ] {
        assert!(!bash_completes(words, b).contains(&t), "{words:?}");
    }
    // No cluster: nothing offered, nothing printed, and quickly.
    let started = std::time::Instant::now();
    assert!(bash_completes(&["evtctl", "tail", "it-"], "127.0.0.1:1").is_empty());
    assert!(started.elapsed() < std::time::Duration::from_secs(8));
    let out = evtctl()
        .env("EVTCTL_BROKERS", "127.0.0.1:1")
        .args(["complete-names", "groups"])
        .output()
        .unwrap();
    assert!(out.status.success() && out.stdout.is_empty() && out.stderr.is_empty());
}
