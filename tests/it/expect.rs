//! `evtctl expect` against a real broker: the trigger is a shell running the evtctl binary to
//! publish (so its records land before the read starts, and are seen only because the end
//! offsets were captured before it ran).

use crate::common::*;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// `s` quoted for `sh`.
fn sq(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A shell command that publishes `event` to `topic` with the evtctl binary.
fn publish(topic: &str, event: &str) -> String {
    // --no-validate: the tests run where ./schemas is, and write invalid events on purpose.
    format!(
        "{} publish {} {} --no-validate -q",
        sq(bin()),
        sq(topic),
        sq(event)
    )
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
    elapsed: Duration,
}

impl Run {
    fn lines(&self) -> Vec<serde_json::Value> {
        json_lines(&self.stdout)
    }

    fn text(&self) -> String {
        String::from_utf8(self.stdout.clone()).unwrap()
    }
}

/// `evtctl expect ARGS` (JSON output unless ARGS says otherwise), then `-- sh -c TRIGGER`.
fn expect(args: &[&str], trigger: Option<&str>) -> Run {
    let mut c = evtctl();
    c.arg("expect").args(args);
    if !args.contains(&"--format") && !args.contains(&"-o") {
        c.args(["-o", "json"]);
    }
    if let Some(t) = trigger {
        c.args(["--", "sh", "-c", t]);
    }
    let started = Instant::now();
    let out = c.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

fn example(path: &str) -> String {
    let p = format!(
        "{}/schemas/order-placed/examples/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
    v.to_string()
}

#[test]
fn met_by_what_the_trigger_writes_and_not_by_older_records() {
    let t = topic("expect-met", 3);
    // Written before: it matches, but lies before the captured ends.
    let old = evtctl()
        .args([
            "publish",
            &t,
            r#"{"type":"OrderPaid","id":"old"}"#,
            "--no-validate",
        ])
        .output()
        .unwrap();
    assert!(old.status.success());
    let trigger = format!(
        "{} && {}",
        publish(&t, r#"{"type":"OrderPlaced","id":"new"}"#),
        publish(&t, r#"{"type":"OrderPaid","id":"new"}"#)
    );
    let r = expect(
        &[
            &t,
            "--match",
            r#".value.type == "OrderPaid""#,
            "--within",
            "60s",
        ],
        Some(&trigger),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines = r.lines();
    assert_eq!(lines.len(), 2, "{lines:?}");
    let o = &lines[0];
    assert_eq!(o["type"], "expectation");
    assert_eq!(o["status"], "met");
    assert_eq!(o["met"], true);
    assert_eq!(o["matched"], 1);
    let value = o["records"][0]["value"].as_str().unwrap();
    assert!(value.contains(r#""id":"new""#), "{o}");
    let s = &lines[1];
    assert_eq!(s["type"], "summary");
    assert_eq!(s["met"], true);
    assert_eq!(s["trigger"]["exit_code"], 0);
    // Met as soon as the record is read, not at the end of the window.
    assert!(r.elapsed < Duration::from_secs(30), "{:?}", r.elapsed);

    // --from looks back: the older record meets it with no trigger at all.
    let r = expect(
        &[
            &t,
            "--match",
            r#".value.id == "old""#,
            "--from",
            "beginning",
            "--within",
            "60s",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.lines()[0]["matched"], 1);
}

#[test]
fn too_few_in_the_window_times_out_with_the_near_misses() {
    let t = topic("expect-timeout", 1);
    let trigger = format!(
        "{} && {}",
        publish(&t, r#"{"type":"OrderPaid","id":"a"}"#),
        publish(&t, r#"{"type":"OrderPlaced","id":"b"}"#)
    );
    let r = expect(
        &[
            &t,
            "--match",
            r#".value.type == "OrderPaid""#,
            "--count",
            "2",
            "--within",
            "1s",
        ],
        Some(&trigger),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("1 of 1 expectation not met"),
        "{}",
        r.stderr
    );
    let o = &r.lines()[0];
    assert_eq!(o["status"], "timeout");
    assert_eq!(o["matched"], 1);
    assert_eq!(o["read"], 2);
    assert_eq!(o["within_ms"], 1000);
    let near = o["near_misses"].as_array().unwrap();
    assert_eq!(near.len(), 1, "{o}");
    assert_eq!(near[0]["topic"], t.as_str());
    assert!(near[0]["value"].as_str().unwrap().contains(r#""id":"b""#));
    assert!(r.elapsed >= Duration::from_secs(1), "{:?}", r.elapsed);
}

#[test]
fn none_fails_at_once_on_a_dead_letter() {
    let dlq = topic("expect-dlq", 2);
    let r = expect(
        &[&dlq, "--none", "--within", "60s"],
        Some(&publish(&dlq, r#"{"orderId":"o-1","error":"boom"}"#)),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let o = &r.lines()[0];
    assert_eq!(o["status"], "forbidden");
    assert_eq!(o["records"][0]["topic"], dlq.as_str());
    assert!(o["records"][0]["value"].as_str().unwrap().contains("boom"));
    // A match ends the run; it does not wait for the window.
    assert!(r.elapsed < Duration::from_secs(30), "{:?}", r.elapsed);
}

#[test]
fn none_is_met_when_the_window_passes_without_a_match() {
    let dlq = topic("expect-quiet-dlq", 1);
    let orders = topic("expect-quiet-orders", 1);
    // In the DLQ before: not in the window.
    evtctl()
        .args(["publish", &dlq, r#"{"orderId":"o-0"}"#])
        .assert()
        .success();
    // A record in the window that does not match is fine.
    let trigger = format!(
        "{} && {}",
        publish(&orders, r#"{"type":"OrderPlaced"}"#),
        publish(&dlq, r#"{"orderId":"o-2","retryable":true}"#)
    );
    let r = expect(
        &[
            &dlq,
            "--none",
            "--match",
            ".value.retryable != true",
            "--within",
            "1s",
        ],
        Some(&trigger),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let o = &r.lines()[0];
    assert_eq!(o["status"], "met");
    assert_eq!(o["read"], 1);
    assert_eq!(o["matched"], 0);
    assert!(r.elapsed >= Duration::from_secs(1), "{:?}", r.elapsed);
}

#[test]
fn a_failing_trigger_fails_the_run_and_one_that_cannot_start_is_a_usage_error() {
    let t = topic("expect-trigger", 1);
    let r = expect(&[&t, "--none", "--within", "1s"], Some("exit 3"));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines = r.lines();
    // The expectation itself was met; the trigger's failure is its own.
    assert_eq!(lines[0]["status"], "met");
    assert_eq!(lines[1]["met"], false);
    assert_eq!(lines[1]["trigger"]["exit_code"], 3);
    assert!(r.stderr.contains("exited with 3"), "{}", r.stderr);

    let out = evtctl()
        .args([
            "expect",
            &t,
            "--within",
            "1s",
            "--",
            "/nonexistent/evtctl-trigger",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot run the trigger `/nonexistent/evtctl-trigger`"),
        "{err}"
    );
}

#[test]
fn validate_fails_on_a_matching_record_that_is_not_valid() {
    let t = topic("expect-validate", 1);
    let registry = format!("{}/schemas", env!("CARGO_MANIFEST_DIR"));
    let args = |within: &'static str| {
        vec![
            "--registry".to_string(),
            registry.clone(),
            t.clone(),
            "--match".into(),
            r#".value.type == "OrderPlaced""#.into(),
            "--validate".into(),
            "--within".into(),
            within.into(),
        ]
    };
    let a = args("60s");
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let bad = example("invalid/missing-customer-id.json");
    let r = expect(&a, Some(&publish(&t, &bad)));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let o = &r.lines()[0];
    assert_eq!(o["status"], "invalid");
    let issues = o["issues"].as_array().unwrap();
    assert!(
        issues
            .iter()
            .any(|i| i.as_str().unwrap().contains("order-placed@")),
        "{o}"
    );

    let good = example("valid/minimal.json");
    let r = expect(&a, Some(&publish(&t, &good)));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.lines()[0]["status"], "met");
}

/// An element of a parsed XML document.
#[derive(Debug, Default)]
struct El {
    name: String,
    attrs: BTreeMap<String, String>,
    text: String,
    children: Vec<El>,
}

impl El {
    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        if self.name == name {
            out.push(self);
        }
        for c in &self.children {
            c.all(name, out);
        }
    }

    fn find(&self, name: &str) -> Vec<&El> {
        let mut v = Vec::new();
        self.all(name, &mut v);
        v
    }
}

/// A strict reader for the XML a JUnit report is: the declaration, then one element; elements
/// nested and closed by name; attribute values double-quoted; no raw `<` in text or values and
/// `&` only in the five predefined entities or a character reference; only XML 1.0 characters.
/// Panics (failing the test) at the first violation.
fn parse_xml(doc: &str) -> El {
    for c in doc.chars() {
        let ok = matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
            || c >= '\u{10000}';
        assert!(ok, "not an XML character: {c:?}");
    }
    let rest = doc
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .expect("XML declaration");
    let mut s = rest.trim_start();
    let root = element(&mut s);
    assert!(s.trim().is_empty(), "content after the root: {s:?}");
    root
}

fn unescape(raw: &str) -> String {
    assert!(!raw.contains('<'), "raw < in {raw:?}");
    let mut out = String::new();
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').expect("unterminated entity") + i;
        let ent = &rest[i + 1..end];
        out.push(match ent {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let n = ent
                    .strip_prefix("#x")
                    .map(|h| u32::from_str_radix(h, 16))
                    .or_else(|| ent.strip_prefix('#').map(str::parse))
                    .unwrap_or_else(|| panic!("unknown entity &{ent};"))
                    .unwrap();
                char::from_u32(n).unwrap()
            }
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

fn name(s: &mut &str) -> String {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || "_:.-".contains(c)))
        .unwrap_or(s.len());
    assert!(end > 0, "expected a name at {s:?}");
    let n = s[..end].to_string();
    *s = &s[end..];
    n
}

fn element(s: &mut &str) -> El {
    *s = s.strip_prefix('<').expect("<");
    let mut el = El {
        name: name(s),
        ..Default::default()
    };
    loop {
        *s = s.trim_start();
        if let Some(r) = s.strip_prefix("/>") {
            *s = r;
            return el;
        }
        if let Some(r) = s.strip_prefix('>') {
            *s = r;
            break;
        }
        let attr = name(s);
        *s = s.strip_prefix("=\"").expect("=\" after an attribute name");
        let end = s.find('"').expect("closing quote");
        let value = unescape(&s[..end]);
        assert!(el.attrs.insert(attr, value).is_none(), "repeated attribute");
        *s = &s[end + 1..];
    }
    loop {
        if let Some(r) = s.strip_prefix("</") {
            *s = r;
            assert_eq!(name(s), el.name, "closing tag");
            *s = s.trim_start().strip_prefix('>').expect(">");
            return el;
        }
        if s.starts_with('<') {
            el.children.push(element(s));
            continue;
        }
        let end = s.find('<').expect("unclosed element");
        el.text.push_str(&unescape(&s[..end]));
        *s = &s[end..];
    }
}

#[test]
fn a_spec_chains_with_then_and_reports_junit() {
    let orders = topic("expect-chain", 1);
    let dlq = topic("expect-chain-dlq", 1);
    let dir = std::env::temp_dir().join(unique("expect-spec"));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("checkout.toml");
    std::fs::write(
        &spec,
        format!(
            r#"within = "20s"

[[expect]]
name = "order placed"
topic = "{orders}"
match = '.value.type == "OrderPlaced"'

[[expect]]
name = "then paid"
topic = "{orders}"
match = '.value.type == "OrderPaid"'
then = true
within = "1s"

[[expect]]
name = "nothing dead-lettered"
topic = "{dlq}"
none = true
within = "1s"
"#
        ),
    )
    .unwrap();
    let spec = spec.to_str().unwrap();
    let placed = publish(&orders, r#"{"type":"OrderPlaced","id":"o-1"}"#);
    let paid = publish(&orders, r#"{"type":"OrderPaid","id":"o-1"}"#);

    // In order: all three met.
    let r = expect(&["--spec", spec], Some(&format!("{placed} && {paid}")));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines = r.lines();
    let status: Vec<&str> = lines[..3]
        .iter()
        .map(|o| o["status"].as_str().unwrap())
        .collect();
    assert_eq!(status, ["met", "met", "met"]);
    assert_eq!(lines[1]["then"], true);

    // Paid before placed: the chained one starts after `placed` was met, where only an
    // OrderShipped follows, so it times out with that near-miss. As JUnit: one testcase for
    // the trigger and one per expectation.
    let shipped = publish(&orders, r#"{"type":"OrderShipped","id":"o-1"}"#);
    let r = expect(
        &["--spec", spec, "--format", "junit"],
        Some(&format!("{paid} && {placed} && {shipped}")),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let root = parse_xml(&r.text());
    assert_eq!(root.name, "testsuites");
    let suites = root.find("testsuite");
    assert_eq!(suites.len(), 1);
    let cases = root.find("testcase");
    assert_eq!(cases.len(), 4, "{}", r.text());
    for (el, attr) in [(&root, "tests"), (suites[0], "tests")] {
        assert_eq!(el.attrs[attr], cases.len().to_string());
    }
    let failures = root.find("failure");
    assert_eq!(failures.len(), 1);
    assert_eq!(suites[0].attrs["failures"], "1");
    assert_eq!(root.attrs["failures"], "1");
    let names: Vec<&str> = cases.iter().map(|c| c.attrs["name"].as_str()).collect();
    assert!(names[0].starts_with("trigger: "), "{names:?}");
    assert_eq!(
        names[1..],
        ["order placed", "then paid", "nothing dead-lettered"]
    );
    let failed = &cases[2].children[0];
    assert_eq!(failed.name, "failure");
    assert_eq!(failed.attrs["type"], "timeout");
    let text = &failed.text;
    assert!(
        text.contains("0 of at least 1 matching record within 1s (1 record read)"),
        "{text}"
    );
    let near = text.split("near-misses").nth(1).expect("near-misses");
    assert!(
        near.contains(r#"{"type":"OrderShipped","id":"o-1"}"#),
        "{text}"
    );
    assert!(!near.contains("OrderPaid"), "{text}");
    for c in [&cases[0], &cases[1], &cases[3]] {
        assert!(c.children.is_empty(), "{c:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `s` with its code spans (a run of backticks up to the next run as long) taken out.
fn without_code_spans(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('`') {
        out.push_str(&rest[..i]);
        let run = rest[i..].len() - rest[i..].trim_start_matches('`').len();
        let fence = "`".repeat(run);
        let after = &rest[i + run..];
        // The closing fence: a run of exactly `run` backticks.
        let mut at = 0;
        let close = loop {
            let Some(j) = after[at..].find(&fence) else {
                panic!("unclosed code span in {s:?}");
            };
            let j = at + j;
            let longer = after[j + run..].starts_with('`') || (j > 0 && after[..j].ends_with('`'));
            if !longer {
                break j;
            }
            at = j + after[j..].len() - after[j..].trim_start_matches('`').len();
        };
        rest = &after[close + run..];
    }
    out.push_str(rest);
    out
}

#[test]
fn a_hostile_record_is_inert_in_junit_and_markdown() {
    let dlq = topic("expect-hostile", 1);
    // Raw bytes, not JSON: an escape sequence, markup for each report, a forged CI command.
    let hostile = "\\033[2J\\033[31m</failure></testcase><x a=\"1\">&bogus; ]]> `code` ![p](https://evil.example/p.png) <img src=x> @octocat | cell \\r::error::forged";
    let trigger = format!(
        "printf {} | {} publish {} --format text -q",
        sq(&format!("{hostile}\\n")),
        sq(bin()),
        sq(&dlq)
    );
    let r = expect(
        &[&dlq, "--none", "--within", "60s", "--format", "junit"],
        Some(&trigger),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let text = r.text();
    assert!(!text.contains('\u{1b}'), "{text}");
    let root = parse_xml(&text);
    let failures = root.find("failure");
    assert_eq!(failures.len(), 1, "{text}");
    let f = failures[0];
    assert_eq!(f.attrs["type"], "forbidden");
    // The record is there, as text: its markup survived as characters, not as elements.
    assert!(
        f.text
            .contains("</failure></testcase><x a=\"1\">&bogus; ]]>"),
        "{}",
        f.text
    );
    assert!(f.text.contains("\\e[2J"), "{}", f.text);
    assert!(root.find("x").is_empty());

    let r = expect(
        &[&dlq, "--none", "--within", "60s", "--format", "markdown"],
        Some(&trigger),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let md = r.text();
    assert!(!md.contains('\u{1b}'), "{md}");
    assert!(md.contains("evil.example"), "the record is quoted: {md}");
    for line in md.lines() {
        let outside = without_code_spans(line);
        for bad in ["<img", "<x", "![p](", "@octocat", "</failure>"] {
            assert!(
                !outside.contains(bad),
                "{bad:?} outside a code span: {line}"
            );
        }
    }
}

/// Start `evtctl expect ARGS -o json -- sh -c TRIGGER`, wait for the trigger to print
/// `marker` (its stdout goes to evtctl's stderr), then send SIGINT to evtctl alone.
fn interrupt_after(args: &[&str], trigger: &str, marker: &str) -> (std::process::Output, Duration) {
    use std::io::BufRead;
    let mut child = evtctl_process()
        .arg("expect")
        .args(args)
        .args(["-o", "json", "--", "sh", "-c", trigger])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "no {marker:?} in {seen}"
        );
        seen.push_str(&line);
        if line.contains(marker) {
            break;
        }
    }
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let sent = Instant::now();
    let out = child.wait_with_output().unwrap();
    (out, sent.elapsed())
}

#[test]
fn ctrl_c_stops_at_once_while_reading_and_while_the_trigger_runs() {
    let t = topic("expect-sigint", 1);
    // Reading (the trigger is done, -v says when reading starts): the report says
    // interrupted, exit 130, long before the window closes.
    let (out, took) = interrupt_after(
        &[&t, "--within", "120s", "-v"],
        "true",
        "reading for 1 expectation",
    );
    assert_eq!(out.status.code(), Some(130), "{out:?}");
    assert!(took < Duration::from_secs(20), "{took:?}");
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["status"], "interrupted", "{lines:?}");
    assert_eq!(lines[1]["interrupted"], true);

    // While the trigger runs: it is ended too.
    let (out, took) = interrupt_after(
        &[&t, "--within", "120s"],
        "echo started; exec sleep 120",
        "started",
    );
    assert_eq!(out.status.code(), Some(130), "{out:?}");
    assert!(took < Duration::from_secs(20), "{took:?}");
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["status"], "interrupted", "{lines:?}");
    assert_eq!(lines[1]["trigger"]["interrupted"], true);
}

#[test]
fn usage_and_cluster_errors_have_their_exit_codes() {
    // Flags that contradict each other, and a spec error naming file:line.
    let out = evtctl()
        .args(["expect", "t", "--none", "--count", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let dir = std::env::temp_dir().join(unique("expect-bad-spec"));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("bad.toml");
    std::fs::write(&spec, "[[expect]]\ntopic = \"t\"\nmatch = '.value |||'\n").unwrap();
    let out = evtctl()
        .args(["expect", "--spec", spec.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let want = format!("evtctl: error: {}:3: expectation 1: match", spec.display());
    assert!(err.starts_with(&want), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
    // No cluster there: exit 3, before any trigger runs.
    let marker = std::env::temp_dir().join(unique("expect-not-run"));
    let out = evtctl()
        .env("EVTCTL_BROKERS", "127.0.0.1:1")
        .args(["expect", "t", "--timeout", "1s", "--", "touch"])
        .arg(&marker)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    assert!(!marker.exists());
}

#[test]
fn a_chain_across_topics_reads_what_was_written_after_the_record_that_met_it() {
    let orders = topic("expect-xchain-orders", 1);
    let payments = topic("expect-xchain-payments", 2);
    let dir = std::env::temp_dir().join(unique("expect-xspec"));
    std::fs::create_dir_all(&dir).unwrap();
    let spec = dir.join("chain.toml");
    std::fs::write(
        &spec,
        format!(
            r#"[[expect]]
topic = "{orders}"
match = '.value.type == "OrderPlaced"'
within = "60s"

[[expect]]
topic = "{payments}"
count = 2
within = "1s"
then = true

[[expect]]
topic = "{payments}"
then = true
"#
        ),
    )
    .unwrap();
    // A payment before the order (in time), one after: only the second follows it.
    let trigger = [
        publish(&payments, r#"{"id":"before"}"#),
        publish(&orders, r#"{"type":"OrderPlaced"}"#),
        publish(&payments, r#"{"id":"after"}"#),
    ]
    .join(" && ");
    let r = expect(&["--spec", spec.to_str().unwrap()], Some(&trigger));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines = r.lines();
    assert_eq!(lines[0]["status"], "met");
    let o = &lines[1];
    assert_eq!(o["status"], "timeout", "{o}");
    assert_eq!(o["matched"], 1, "{o}");
    assert!(o["records"][0]["value"].as_str().unwrap().contains("after"));
    // Chained after one not met: not started.
    assert_eq!(lines[2]["status"], "skipped");
    assert_eq!(lines[3]["not_met"], 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_topic_pattern_watches_every_topic_it_matches() {
    let prefix = unique("expect-re");
    for suffix in ["a", "b"] {
        evtctl()
            .args(["topics", "create", &format!("{prefix}-{suffix}")])
            .assert()
            .success();
    }
    let pattern = format!("re:{prefix}-[ab]");
    let r = expect(
        &[&pattern, "--match", ".value.n == 2", "--within", "60s"],
        Some(
            &[
                publish(&format!("{prefix}-a"), r#"{"n":1}"#),
                publish(&format!("{prefix}-b"), r#"{"n":2}"#),
            ]
            .join(" && "),
        ),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let o = &r.lines()[0];
    assert_eq!(o["records"][0]["topic"], format!("{prefix}-b"));
}

#[test]
fn records_written_within_the_window_but_not_yet_read_are_still_judged() {
    // A window shorter than any read: it closes before the first fetch, and the records the
    // trigger wrote (all within it: it closes after the trigger ends) are read all the same.
    let t = topic("expect-drain", 2);
    let r = expect(
        &[&t, "--match", ".value.n == 1", "--within", "1ms"],
        Some(&publish(&t, r#"{"n":1}"#)),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.lines()[0]["matched"], 1);
    let r = expect(
        &[&t, "--none", "--within", "1ms"],
        Some(&publish(&t, r#"{"n":2}"#)),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.lines()[0]["status"], "forbidden");
}
