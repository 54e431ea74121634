//! Faults that used to end with the wrong answer: the cluster going away mid-run, a broker
//! restarting under a follow, and a connection that fails before the first answer (TLS, SASL,
//! name resolution). Tests that kill a broker start their own embedded one (also when
//! EVTCTL_TEST_BROKERS names a shared broker), so nothing else is disturbed.

use crate::common::*;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, ChildStdin, Command, Output, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// An embedded broker of this test's own, to kill and restart.
struct OwnBroker {
    child: Child,
    _stdin: ChildStdin,
    addr: String,
}

impl OwnBroker {
    /// Start one on `port` (0: any free port). A port just freed by a killed broker may take a
    /// moment to be free again: retry until it binds.
    fn start(port: u16) -> OwnBroker {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let mut child = Command::new(bin())
                .args(["dev", "broker", "--port", &port.to_string()])
                .args(["--exit-on-stdin-eof", "--quiet"])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("start an embedded broker");
            let mut line = String::new();
            BufReader::new(child.stdout.take().unwrap())
                .read_line(&mut line)
                .unwrap();
            let addr = line.trim().to_string();
            if addr.starts_with("127.0.0.1:") {
                let stdin = child.stdin.take().unwrap();
                return OwnBroker {
                    child,
                    _stdin: stdin,
                    addr,
                };
            }
            let _ = child.wait();
            assert!(
                Instant::now() < deadline,
                "no broker could listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn port(&self) -> u16 {
        self.addr.rsplit(':').next().unwrap().parse().unwrap()
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// `evtctl` pointed at this broker.
    fn evtctl(&self) -> assert_cmd::Command {
        let mut c = evtctl();
        c.env("EVTCTL_BROKERS", &self.addr);
        c
    }

    fn process(&self) -> Command {
        let mut c = evtctl_process();
        c.env("EVTCTL_BROKERS", &self.addr).env("NO_COLOR", "1");
        c
    }

    fn create(&self, topic: &str, partitions: i32) {
        self.evtctl()
            .args(["topics", "create", topic, "--partitions"])
            .arg(partitions.to_string())
            .assert()
            .success();
    }
}

impl Drop for OwnBroker {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A running evtctl whose stdout lines arrive on a channel and whose stderr collects in a
/// string, so a test can wait for either with a deadline.
struct Running {
    child: Child,
    lines: Receiver<String>,
    stderr: Arc<Mutex<String>>,
    stdout: Vec<String>,
}

impl Running {
    fn spawn(mut cmd: Command) -> Running {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, lines) = channel();
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for l in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(l).is_err() {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let (sink, mut err) = (stderr.clone(), child.stderr.take().unwrap());
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = err.read(&mut buf) {
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        Running {
            child,
            lines,
            stderr,
            stdout: Vec::new(),
        }
    }

    fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Wait for a stdout line containing `what`.
    fn wait_line(&mut self, what: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(l) => {
                    let hit = l.contains(what);
                    self.stdout.push(l);
                    if hit {
                        return;
                    }
                }
                Err(_) => panic!(
                    "no line with {what} on stdout within {secs}s; stdout: {:?}; stderr: {}",
                    self.stdout,
                    self.stderr()
                ),
            }
        }
    }

    fn wait_stderr(&mut self, what: &str, secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while !self.stderr().contains(what) {
            if Instant::now() > deadline {
                panic!(
                    "no {what:?} on stderr within {secs}s (exit: {:?}); stderr: {}",
                    self.child.try_wait().unwrap(),
                    self.stderr()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Wait for the process to end (panicking after `secs`); its exit code and all its stdout.
    fn finish(mut self, secs: u64) -> (Option<i32>, Vec<String>, String) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!(
                    "still running after {secs}s; stdout: {:?}; stderr: {}",
                    self.stdout,
                    self.stderr()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        // The reader threads end with the pipes.
        while let Ok(l) = self.lines.recv_timeout(Duration::from_secs(5)) {
            self.stdout.push(l);
        }
        std::thread::sleep(Duration::from_millis(100));
        let err = self.stderr();
        (status.code(), std::mem::take(&mut self.stdout), err)
    }
}

impl Drop for Running {
    /// A test that failed leaves no evtctl behind.
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn sigint(child: &Child) {
    let ok = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
}

/// The line evtctl prints for an error.
fn error_line(stderr: &str) -> &str {
    stderr
        .lines()
        .find(|l| l.starts_with("evtctl: error:"))
        .unwrap_or_else(|| panic!("no error line in: {stderr}"))
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

// ---- 13: the first connection step names librdkafka's cause ----

#[test]
fn an_unknown_host_is_named_as_a_resolve_failure() {
    let out = evtctl()
        .args([
            "-b",
            "nonexistent.invalid:9092",
            "--timeout",
            "2s",
            "topics",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    let err = text(&out);
    assert!(
        error_line(&err).to_lowercase().contains("resolve"),
        "the error names the resolve failure: {err}"
    );
}

#[test]
fn tls_to_a_plaintext_broker_names_the_handshake() {
    let b = OwnBroker::start(0);
    let out = b
        .evtctl()
        .args(["--timeout", "3s", "-X", "security.protocol=ssl", "topics"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    let err = text(&out);
    // "SSL handshake failed: … connecting to a PLAINTEXT broker listener?", or on a slow
    // machine a timeout "in state SSL_HANDSHAKE": librdkafka's words either way.
    assert!(
        error_line(&err).contains("SSL"),
        "the error names the TLS failure: {err}"
    );
    assert!(err.contains("hint:") && err.contains("TLS"), "{err}");
}

#[test]
fn sasl_failure_is_named_and_the_password_never_printed() {
    let b = OwnBroker::start(0);
    let password = "pw-never-printed-7f3a";
    for verbosity in ["-q", "-vv"] {
        let out = b
            .evtctl()
            .args(["--timeout", "3s", verbosity])
            .args(["-X", "security.protocol=sasl_plaintext"])
            .args(["-X", "sasl.mechanism=PLAIN", "-X", "sasl.username=u"])
            .arg("-X")
            .arg(format!("sasl.password={password}"))
            .arg("topics")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{}", text(&out));
        let err = text(&out);
        assert!(
            error_line(&err).contains("SASL"),
            "the error names SASL: {err}"
        );
        assert!(
            !err.contains(password) && !String::from_utf8_lossy(&out.stdout).contains(password),
            "the password is printed ({verbosity})"
        );
    }
}

#[test]
fn very_verbose_shows_librdkafka_connecting() {
    let out = evtctl().args(["-vv", "topics"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let err = text(&out);
    assert!(
        err.lines()
            .any(|l| l.starts_with("librdkafka Debug") && l.contains("CONNECT")),
        "librdkafka's log of the connection on stderr: {err}"
    );
}

// ---- 12: a follow lives through a broker restart ----

#[test]
fn a_follow_keeps_going_through_a_broker_restart() {
    follow_through_a_restart(&[]);
}

#[test]
fn a_follow_that_commits_keeps_going_through_a_broker_restart() {
    // Its commits wait for a coordinator that is gone for a while: that is waiting too.
    follow_through_a_restart(&["--group", &unique("restart-g"), "--timeout", "2s"]);
}

fn follow_through_a_restart(extra: &[&str]) {
    let mut b = OwnBroker::start(0);
    let port = b.port();
    let t = unique("restart");
    b.create(&t, 1);
    let mut cmd = b.process();
    cmd.args(["tail", &t, "--from", "beginning", "-o", "json"])
        .args(extra);
    let mut tail = Running::spawn(cmd);
    b.evtctl()
        .args(["publish", &t, r#"{"n":1}"#])
        .assert()
        .success();
    tail.wait_line(r#""n":1"#, 60);

    b.kill();
    tail.wait_stderr("waiting", 60);
    let b = OwnBroker::start(port);
    b.create(&t, 1);
    // The new broker starts the log at offset 0 again. The tail resumes at offset 1, or, if it
    // fetches before anything is written, from the start after an out-of-range reset: with two
    // records it sees the second either way.
    b.evtctl()
        .args(["publish", &t])
        .write_stdin("{\"n\":2}\n{\"n\":3}\n")
        .assert()
        .success();
    tail.wait_line(r#""n":3"#, 60);
    tail.wait_stderr("resumed", 30);
    assert!(
        tail.child.try_wait().unwrap().is_none(),
        "the follow is still running"
    );
    sigint(&tail.child);
    let (code, _, err) = tail.finish(30);
    assert_eq!(code, Some(130), "{err}");
    assert_eq!(
        err.matches("waiting").count(),
        1,
        "said once that it waits, not per poll: {err}"
    );
}

// ---- 10: the cluster lost mid-run: exit 3 or 4 with the receipt, within a few timeouts ----

#[test]
fn a_bounded_tail_reports_what_it_printed_and_exits_3_when_the_cluster_is_lost() {
    let mut b = OwnBroker::start(0);
    let t = unique("lost-tail");
    b.create(&t, 1);
    b.evtctl()
        .args(["publish", &t, r#"{"n":1}"#])
        .assert()
        .success();
    // Bounded by a time a day ahead: it reads, then waits for more until then.
    let until = future_time();
    let mut cmd = b.process();
    cmd.args(["tail", &t, "--from", "beginning", "--until", &until])
        .args(["--timeout", "2s", "-o", "json"]);
    let mut tail = Running::spawn(cmd);
    tail.wait_line(r#""n":1"#, 60);
    b.kill();
    let killed = Instant::now();
    let (code, _, err) = tail.finish(60);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("1 record"),
        "the summary of what it printed: {err}"
    );
    assert!(
        killed.elapsed() < Duration::from_secs(30),
        "gave up within a few --timeouts, not {:?}",
        killed.elapsed()
    );
}

fn future_time() -> String {
    let out = Command::new("date")
        .args(["-u", "-d", "+1 day", "+%Y-%m-%dT%H:%M:%SZ"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Fill `dlq` with `n` Kafka Connect dead letters naming `origin`.
fn dead_letters(b: &OwnBroker, dlq: &str, origin: &str, n: usize) {
    let values: Vec<String> = (0..n).map(|i| format!("{{\"n\":{i}}}")).collect();
    let recs: Vec<Produced<'_>> = values
        .iter()
        .map(|v| Produced {
            partition: 0,
            key: None,
            value: v.as_bytes(),
            headers: vec![
                ("__connect.errors.topic", origin.as_bytes().to_vec()),
                ("__connect.errors.partition", b"0".to_vec()),
                ("__connect.errors.offset", b"1".to_vec()),
            ],
        })
        .collect();
    produce_with(&b.addr, dlq, &recs);
}

/// The last `"kind":"receipt"` line.
fn receipt(stdout: &[String]) -> serde_json::Value {
    stdout
        .iter()
        .rev()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["kind"] == "receipt")
        .unwrap_or_else(|| panic!("no receipt in {stdout:?}"))
}

/// Check the documented answer to losing the cluster mid-copy: exit 3, or 4 naming the first
/// record not delivered; a receipt either way; within a few `--timeout`s.
fn assert_lost_mid_copy(code: Option<i32>, stdout: &[String], err: &str, since_kill: Duration) {
    assert!(
        matches!(code, Some(3 | 4)),
        "exit 3 or 4, not {code:?}: {err}"
    );
    let r = receipt(stdout);
    assert_eq!(r["complete"], false, "{r}");
    if code == Some(4) {
        assert!(
            error_line(err).contains("first"),
            "names the first record not delivered: {err}"
        );
    }
    assert!(
        since_kill < Duration::from_secs(40),
        "answered within a few --timeouts, not {since_kill:?}: {err}"
    );
}

#[test]
fn redrive_losing_the_cluster_prints_its_receipt_and_exits_3_or_4() {
    let mut b = OwnBroker::start(0);
    let (dlq, origin) = (unique("lost-dlq"), unique("lost-origin"));
    b.create(&dlq, 1);
    b.create(&origin, 1);
    dead_letters(&b, &dlq, &origin, 200);
    let mut cmd = b.process();
    cmd.args(["dlq", "redrive", &dlq, "--yes", "--rate", "20/s"])
        .args(["--timeout", "3s", "-o", "json"]);
    let run = Running::spawn(cmd);
    wait_for("the first copies", 60, || {
        high_watermarks(&b.addr, &origin) > 0
    });
    b.kill();
    let killed = Instant::now();
    let (code, stdout, err) = run.finish(120);
    assert_lost_mid_copy(code, &stdout, &err, killed.elapsed());
}

/// A paced replay (`records` dead letters at 20/s, `extra` arguments) on a broker of its own,
/// killed once the first copies arrived: (exit code, stdout lines, stderr, time since the kill).
fn replay_losing_the_cluster(
    name: &str,
    records: usize,
    extra: &[&str],
) -> (Option<i32>, Vec<String>, String, Duration) {
    let mut b = OwnBroker::start(0);
    let (from, to) = (
        unique(&format!("{name}-src")),
        unique(&format!("{name}-dst")),
    );
    b.create(&from, 1);
    b.create(&to, 1);
    dead_letters(&b, &from, &to, records);
    let mut cmd = b.process();
    cmd.args([
        "replay",
        "--from-topic",
        &from,
        "--to",
        &to,
        "--rate",
        "20/s",
    ])
    .args(extra)
    .args(["-o", "json"]);
    let run = Running::spawn(cmd);
    wait_for("the first copies", 60, || high_watermarks(&b.addr, &to) > 0);
    b.kill();
    let killed = Instant::now();
    let (code, stdout, err) = run.finish(120);
    (code, stdout, err, killed.elapsed())
}

#[test]
fn replay_with_a_checkpoint_losing_the_cluster_prints_its_receipt_and_exits_3_or_4() {
    let group = unique("lost-cp");
    let (code, stdout, err, since_kill) = replay_losing_the_cluster(
        "lost",
        200,
        &["--checkpoint-group", &group, "--timeout", "3s"],
    );
    assert_lost_mid_copy(code, &stdout, &err, since_kill);
}

#[test]
fn drain_losing_the_cluster_keeps_what_it_wrote_and_exits_3_with_its_summary() {
    let mut b = OwnBroker::start(0);
    let dlq = unique("lost-drain");
    b.create(&dlq, 4);
    let values: Vec<String> = (0..200_000).map(|i| format!("{{\"n\":{i}}}")).collect();
    let recs: Vec<Produced<'_>> = values
        .iter()
        .enumerate()
        .map(|(i, v)| Produced {
            partition: i as i32 % 4,
            key: None,
            value: v.as_bytes(),
            headers: Vec::new(),
        })
        .collect();
    produce_with(&b.addr, &dlq, &recs);
    let file = std::env::temp_dir().join(format!("{dlq}.jsonl"));
    let mut cmd = b.process();
    cmd.args(["dlq", "drain", &dlq, "--timeout", "2s", "-o", "json"])
        .arg("--to")
        .arg(&file);
    let run = Running::spawn(cmd);
    // Freeze it mid-read (once its first lines reach the file), take the cluster away, and let
    // it go on: whatever it had fetched is written, then the read or the commit fails.
    let deadline = Instant::now() + Duration::from_secs(60);
    while std::fs::metadata(&file).map_or(0, |m| m.len()) == 0 {
        assert!(Instant::now() < deadline, "drain wrote nothing");
        std::thread::sleep(Duration::from_millis(1));
    }
    let signal = |sig: &str| {
        assert!(Command::new("kill")
            .args([sig, &run.child.id().to_string()])
            .status()
            .unwrap()
            .success());
    };
    signal("-STOP");
    b.kill();
    signal("-CONT");
    let killed = Instant::now();
    let (code, stdout, err) = run.finish(60);
    let since_kill = killed.elapsed();
    let held = std::fs::read_to_string(&file).unwrap().lines().count() as u64;
    let _ = std::fs::remove_file(&file);
    assert_eq!(code, Some(3), "{err}");
    let summary: serde_json::Value = stdout
        .iter()
        .find_map(|l| serde_json::from_str(l).ok())
        .unwrap_or_else(|| panic!("no summary: {stdout:?} {err}"));
    assert_eq!(summary["kind"], "drained");
    assert_eq!(summary["complete"], false, "{summary}");
    assert_eq!(
        summary["records"], held,
        "the summary counts what FILE holds"
    );
    assert!(
        since_kill < Duration::from_secs(20),
        "within a few --timeouts, not {since_kill:?}"
    );
}

#[test]
fn dropping_a_committer_does_not_wait_for_the_commit_it_gave_up_on() {
    // A commit runs on a thread of its own and is given up after --timeout (+1 s); dropping the
    // committer then must not wait for that commit (librdkafka closes a group only after its
    // commits end: here, not before the broker answers again).
    use clap::Parser;
    let b = OwnBroker::start(0);
    b.create("given-up", 1);
    let cli = evtctl::cli::Cli::try_parse_from(["evtctl", "--timeout", "1s", "topics"]).unwrap();
    let settings = evtctl::config::Settings::local(&b.addr, &cli.global);
    let committer = evtctl::kafka::reader::Committer::new(&settings, "given-up-g").unwrap();
    let at = |o: i64| vec![("given-up".to_string(), 0, o)];
    committer
        .commit(&at(0))
        .expect("the first commit, broker up");
    let signal = |sig: &str| {
        let ok = Command::new("kill")
            .args([sig, &b.child.id().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
    };
    signal("-STOP");
    assert!(committer.commit(&at(1)).is_err(), "no answer: given up");
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        drop(committer);
        let _ = tx.send(());
    });
    // Generous: the point is that the drop returns while the broker is still frozen.
    let dropped = rx.recv_timeout(Duration::from_secs(60)).is_ok();
    signal("-CONT");
    assert!(dropped, "the drop waited for the frozen broker");
}

#[test]
fn a_copy_losing_the_cluster_gives_up_two_timeouts_after_its_last_answer() {
    // The README: bounded copies give up after two --timeouts without an answer. A paced replay
    // kept sending what its reader had fetched, each record waiting out librdkafka's delivery
    // timeout, and only then a fresh wait: about seven --timeouts. The bound is the behaviour
    // under test: 2 × 2 s, plus a probe and the receipt.
    let (code, stdout, err, since_kill) =
        replay_losing_the_cluster("lost2", 400, &["--timeout", "2s"]);
    assert_lost_mid_copy(code, &stdout, &err, since_kill);
    assert!(
        error_line(&err).contains("lost the cluster"),
        "says why: {err}"
    );
    assert!(
        since_kill < Duration::from_secs(4 + 5),
        "two --timeouts (4 s) after the loss, not {since_kill:?}: {err}"
    );
}
