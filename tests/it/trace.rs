//! `evtctl trace` against a real broker: records written by rdkafka from the test (not by
//! evtctl), with explicit timestamps so the expected timeline does not depend on timing.

use crate::common::*;
use std::io::BufRead;
use std::time::{Duration, Instant};

/// A record to write, `secs_ago` seconds before now.
struct At<'a> {
    partition: i32,
    key: Option<&'a str>,
    value: String,
    headers: Vec<(&'a str, Vec<u8>)>,
    secs_ago: i64,
}

fn at<'a>(partition: i32, key: Option<&'a str>, value: String, secs_ago: i64) -> At<'a> {
    At {
        partition,
        key,
        value,
        headers: Vec::new(),
        secs_ago,
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// Write records with rdkafka directly, each with its own timestamp, and wait for every one.
fn produce_at(topic: &str, records: &[At<'_>]) {
    let now = now_ms();
    let produced: Vec<(Produced<'_>, i64)> = records
        .iter()
        .map(|r| {
            let p = Produced {
                partition: r.partition,
                key: r.key.map(str::as_bytes),
                value: r.value.as_bytes(),
                headers: r.headers.clone(),
            };
            (p, now - r.secs_ago * 1000)
        })
        .collect();
    let timed = produced.iter().map(|(p, t)| (p, Some(*t)));
    produce_timed(&broker().bootstrap, topic, timed);
}

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn lines(&self) -> Vec<serde_json::Value> {
        json_lines(&self.stdout)
    }
    fn matches(&self) -> Vec<serde_json::Value> {
        self.lines()
            .into_iter()
            .filter(|l| l["type"] == "match")
            .collect()
    }
    fn summary(&self) -> serde_json::Value {
        let lines = self.lines();
        let last = lines.last().expect("a summary line").clone();
        assert_eq!(last["type"], "summary", "{last}");
        last
    }
    fn text(&self) -> String {
        String::from_utf8(self.stdout.clone()).unwrap()
    }
}

fn trace(args: &[&str]) -> Run {
    let out = evtctl().arg("trace").args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The `type` of each match, in output order.
fn types(run: &Run) -> Vec<String> {
    run.matches()
        .iter()
        .map(|m| m["event_type"].as_str().unwrap_or("-").to_string())
        .collect()
}

/// Spring Kafka's DeadLetterPublishingRecoverer headers: partition as a 4-byte and offset as
/// an 8-byte big-endian number.
fn spring_dlt(
    topic: &str,
    partition: i32,
    offset: i64,
    class: &str,
    msg: &str,
) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("kafka_dlt-original-topic", topic.as_bytes().to_vec()),
        (
            "kafka_dlt-original-partition",
            partition.to_be_bytes().to_vec(),
        ),
        ("kafka_dlt-original-offset", offset.to_be_bytes().to_vec()),
        ("kafka_dlt-exception-fqcn", class.as_bytes().to_vec()),
        ("kafka_dlt-exception-message", msg.as_bytes().to_vec()),
    ]
}

/// An order's story over three topics and a dead-letter queue, with records of another order
/// around it. Returns (orders, payments, shipping, dlq).
fn order_story(ord: &str, pay: &str) -> [String; 4] {
    let orders = topic("trace-orders", 3);
    let payments = topic("trace-payments", 2);
    let shipping = topic("trace-shipping", 1);
    let dlq = topic("trace-payments-dlt", 1);
    // The order's own records where the Java client (and evtctl publish) puts its key.
    let op = java_partition(ord.as_bytes(), 3);
    let ev =
        |t: &str, data: serde_json::Value| serde_json::json!({"type": t, "data": data}).to_string();
    produce_at(
        &orders,
        &[
            at(
                0,
                Some("ord-other"),
                ev("OrderPlaced", serde_json::json!({"orderId": "ord-other"})),
                70,
            ),
            at(
                op,
                Some(ord),
                ev("OrderPlaced", serde_json::json!({"orderId": ord})),
                60,
            ),
            at(
                op,
                Some(ord),
                ev("OrderCancelled", serde_json::json!({"orderId": ord})),
                30,
            ),
        ],
    );
    produce_at(
        &payments,
        &[at(
            1,
            Some(pay),
            ev(
                "PaymentAuthorized",
                serde_json::json!({"orderId": ord, "paymentId": pay}),
            ),
            50,
        )],
    );
    let mut failed = at(
        0,
        Some(pay),
        ev(
            "PaymentCaptureRequested",
            serde_json::json!({"paymentId": pay}),
        ),
        40,
    );
    failed.headers = spring_dlt(
        &payments,
        1,
        0,
        "java.lang.NullPointerException",
        "card is null",
    );
    produce_at(&dlq, &[failed]);
    produce_at(
        &shipping,
        &[
            at(
                0,
                Some("ship-1"),
                ev("ShipmentCancelled", serde_json::json!({"orderId": ord})),
                20,
            ),
            at(
                0,
                Some("ship-2"),
                ev(
                    "ShipmentCancelled",
                    serde_json::json!({"orderId": "ord-other"}),
                ),
                10,
            ),
        ],
    );
    [orders, payments, shipping, dlq]
}

#[test]
fn follows_an_order_over_three_topics_and_a_dlq_in_time_order() {
    let ord = unique("ord");
    let pay = unique("pay");
    let [orders, payments, shipping, dlq] = order_story(&ord, &pay);
    let topics = format!("{orders},{payments},{shipping},{dlq}");

    // By key alone: the two records keyed by the order.
    let run = trace(&[&ord, "--topics", &topics, "-o", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(types(&run), ["OrderPlaced", "OrderCancelled"]);
    assert!(run
        .matches()
        .iter()
        .all(|m| m["matched"] == serde_json::json!(["key"])));

    // Capped: the earliest kept, the others counted, and said.
    let run = trace(&[
        &ord,
        "--topics",
        &topics,
        "--max-matches",
        "1",
        "-o",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(types(&run), ["OrderPlaced"]);
    let s = run.summary();
    assert_eq!(
        (&s["matches"], &s["shown"], &s["capped"]),
        (&2.into(), &1.into(), &true.into())
    );
    assert!(
        run.stderr.contains("only the earliest 1 are shown"),
        "{}",
        run.stderr
    );

    // By field: the payment and the shipment too.
    let run = trace(&[
        &ord,
        "--topics",
        &topics,
        "--field",
        "/data/orderId",
        "-o",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        types(&run),
        [
            "OrderPlaced",
            "PaymentAuthorized",
            "OrderCancelled",
            "ShipmentCancelled"
        ]
    );

    // The same with the field from the registry's `[trace] fields` instead of the flag.
    let reg = std::env::temp_dir().join(unique("trace-registry"));
    std::fs::create_dir_all(&reg).unwrap();
    std::fs::write(
        reg.join("registry.toml"),
        "[trace]\nfields = [\"/data/orderId\"]\n",
    )
    .unwrap();
    let out = evtctl()
        .arg("--registry")
        .arg(&reg)
        .args(["trace", &ord, "--topics", &topics, "-o", "json"])
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&reg);
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        types(&run),
        [
            "OrderPlaced",
            "PaymentAuthorized",
            "OrderCancelled",
            "ShipmentCancelled"
        ]
    );

    // One hop: the payment id found in the payment leads to the dead-lettered record.
    let run = trace(&[
        &ord,
        "--topics",
        &topics,
        "--field",
        "/data/orderId",
        "--field",
        "/data/paymentId",
        "--hops",
        "1",
        "-o",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let m = run.matches();
    assert_eq!(
        types(&run),
        [
            "OrderPlaced",
            "PaymentAuthorized",
            "PaymentCaptureRequested",
            "OrderCancelled",
            "ShipmentCancelled"
        ]
    );
    let hops: Vec<i64> = m.iter().map(|m| m["hop"].as_i64().unwrap()).collect();
    assert_eq!(hops, [0, 0, 1, 0, 0]);
    let d = &m[2];
    assert_eq!(d["topic"], dlq.as_str());
    assert_eq!(d["id"], pay.as_str());
    assert_eq!(d["matched"], serde_json::json!(["key", "/data/paymentId"]));
    assert_eq!(d["dlq"]["topic"], payments.as_str());
    assert_eq!(d["dlq"]["partition"], 1);
    assert_eq!(d["dlq"]["offset"], 0);
    assert_eq!(d["dlq"]["error_class"], "java.lang.NullPointerException");
    let s = run.summary();
    assert_eq!(s["matches"], 5);
    assert_eq!(s["passes"], 2);
    assert_eq!(s["complete"], true);
    assert_eq!(
        s["ids"],
        serde_json::json!([{"id": ord, "hop": 0}, {"id": pay, "hop": 1}])
    );
    // Every partition of the four topics was read in full.
    assert_eq!(s["scanned"].as_array().unwrap().len(), 3 + 2 + 1 + 1);

    // The same on a terminal: one line per record, the DLQ's origin and error under it.
    let run = trace(&[
        &ord,
        "--topics",
        &topics,
        "--field",
        "/data/orderId",
        "--field",
        "/data/paymentId",
        "--hops",
        "1",
        "-o",
        "pretty",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = run.text();
    assert!(
        text.contains(&format!(
            "dead-lettered from {payments}/1@0: java.lang.NullPointerException: card is null"
        )),
        "{text}"
    );
    assert!(text.contains(&format!("(hop 1 via {pay})")), "{text}");
    for t in [&orders, &payments, &shipping, &dlq] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("scanned {t} ")) && l.ends_with("in full")),
            "{text}"
        );
    }

    // As a Mermaid sequence diagram: the topics as participants, one arrow per record, the
    // dead-letter's arrow crossed, its origin in a note, the ranges as comments.
    let run = trace(&[
        &ord,
        "--topics",
        &topics,
        "--field",
        "/data/orderId",
        "--field",
        "/data/paymentId",
        "--hops",
        "1",
        "--format",
        "mermaid",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = run.text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "sequenceDiagram", "{text}");
    let participants: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.trim().strip_prefix("participant "))
        .collect();
    assert_eq!(
        participants,
        [
            format!("p0 as {orders}"),
            format!("p1 as {payments}"),
            format!("p2 as {dlq}"),
            format!("p3 as {shipping}"),
        ],
        "{text}"
    );
    let arrows: Vec<&str> = lines
        .iter()
        .filter(|l| l.contains("->>") || l.contains("-x"))
        .map(|l| l.trim())
        .collect();
    assert_eq!(arrows.len(), 5, "{text}");
    assert!(
        arrows[2].starts_with("p1-xp2: PaymentCaptureRequested"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Note over p2: dead-lettered from {payments}/1@0#58; java.lang.NullPointerException#58; card is null"
        )),
        "{text}"
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("%% scanned "))
            .count(),
        7
    );
}

#[test]
fn finds_a_trace_id_in_trace_headers_whatever_the_keys() {
    let a = topic("trace-tp-a", 2);
    let b = topic("trace-tp-b", 1);
    let id = "4bf92f3577b34da6a3ce929d0e0e4736";
    let other = "0af7651916cd43dd8448eb211c80319c";
    let tp = |t: &str| format!("00-{t}-00f067aa0ba902b7-01").into_bytes();
    let mut r1 = at(0, Some("k1"), r#"{"type":"A"}"#.into(), 30);
    r1.headers = vec![("traceparent", tp(id))];
    let mut r2 = at(1, Some("k2"), r#"{"type":"Noise"}"#.into(), 25);
    r2.headers = vec![("traceparent", tp(other))];
    produce_at(&a, &[r1, r2]);
    let mut r3 = at(0, Some("k3"), "not json".into(), 20);
    r3.headers = vec![
        ("ce_type", b"B".to_vec()),
        ("ce_traceparent", tp(&id.to_uppercase())),
        ("traceparent", tp(other)),
    ];
    // A structured-mode CloudEvent: the trace context is an attribute of the event.
    let r4 = at(
        0,
        Some("k4"),
        format!(
            r#"{{"specversion":"1.0","id":"e4","source":"/svc","type":"C","traceparent":"00-{id}-00f067aa0ba902b7-01","data":{{}}}}"#
        ),
        15,
    );
    produce_at(&b, &[r3, r4]);
    let run = trace(&[id, "--topics", &format!("{a},{b}"), "-o", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let m = run.matches();
    let seen: Vec<(&str, &str, &serde_json::Value)> = m
        .iter()
        .map(|m| {
            (
                m["key"].as_str().unwrap(),
                m["event_type"].as_str().unwrap(),
                &m["matched"],
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("k1", "A", &serde_json::json!(["traceparent"])),
            ("k3", "B", &serde_json::json!(["ce_traceparent"])),
            ("k4", "C", &serde_json::json!(["/traceparent"])),
        ]
    );
    assert_eq!(m[2]["source"], "/svc");
    assert_eq!(run.summary()["trace_id"], true);
}

#[test]
fn nothing_found_exits_1_and_names_the_ranges_scanned() {
    let t = topic("trace-none", 2);
    produce_at(
        &t,
        &[
            at(0, Some("a"), r#"{"id":"a"}"#.into(), 5),
            at(0, Some("b"), r#"{"id":"b"}"#.into(), 4),
            at(1, Some("c"), r#"{"id":"c"}"#.into(), 3),
        ],
    );
    let run = trace(&["missing", "--topics", &t, "--field", "/id", "-o", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("evtctl: error: no record matches `missing`"),
        "{}",
        run.stderr
    );
    assert!(run.matches().is_empty());
    let s = run.summary();
    assert_eq!(s["matches"], 0);
    assert_eq!(s["complete"], true);
    let mut ranges: Vec<(i64, i64, i64, bool)> = s["scanned"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert_eq!(r["topic"], t.as_str());
            (
                r["partition"].as_i64().unwrap(),
                r["start"].as_i64().unwrap(),
                r["end"].as_i64().unwrap(),
                r["complete"].as_bool().unwrap(),
            )
        })
        .collect();
    ranges.sort();
    assert_eq!(ranges, [(0, 0, 2, true), (1, 0, 1, true)]);

    // Pretty: the same ranges, on stdout.
    let run = trace(&[
        "missing",
        "--topics",
        &t,
        "--field",
        "/id",
        "--from",
        "beginning",
        "-o",
        "pretty",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.text().trim(),
        format!("scanned {t} partition 0:[0,2) 1:[0,1): in full")
    );
}

#[test]
fn a_hostile_payload_is_escaped_on_a_terminal() {
    let t = topic("trace-hostile", 1);
    let mut r = at(
        0,
        Some("evil-1"),
        "{\"type\":\"\\u001b[31mRed\\nLine\\u202e\"}".into(),
        5,
    );
    r.headers = spring_dlt("orig\x1b]0;pwned\x07", 0, 3, "Boom\x1b[2J", "msg\r\nmore");
    produce_at(&t, &[r]);
    let run = trace(&["evil-1", "--topics", &t, "-o", "pretty"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = run.text();
    assert!(
        !text.contains('\x1b') && !text.contains('\r') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(text.contains("\\e[31mRed\\nLine\\u{202e}"), "{text}");
    assert!(
        text.contains("dead-lettered from orig\\e]0;pwned\\x07/0@3: Boom\\e[2J: msg\\r\\nmore"),
        "{text}"
    );
    // One line for the record, one for its origin, a blank one, one for the range, one saying
    // only the key's partition was read.
    assert_eq!(text.lines().count(), 5, "{text}");
}

#[test]
fn ctrl_c_stops_at_once_with_what_was_read() {
    let t = topic("trace-sigint", 1);
    produce_at(&t, &[at(0, Some("k"), "{}".into(), 5)]);
    // Up to a time far ahead: it would read on for decades.
    let mut child = evtctl_process()
        .args([
            "trace",
            "k",
            "--topics",
            &t,
            "--until",
            "2999-01-01T00:00:00Z",
            "-o",
            "json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    stderr.read_line(&mut first).unwrap();
    assert!(first.contains("searching 1 partition"), "{first}");
    let sent = Instant::now();
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    assert!(
        sent.elapsed() < Duration::from_secs(20),
        "{:?}",
        sent.elapsed()
    );
    assert_eq!(out.status.code(), Some(130));
    let lines = json_lines(&out.stdout);
    let s = lines.last().unwrap();
    assert_eq!(s["type"], "summary");
    assert_eq!(s["interrupted"], true);
    assert_eq!(s["complete"], false);
    assert_eq!(s["scanned"][0]["complete"], false);
}

#[test]
fn a_key_alone_reads_only_its_partition_unless_all_partitions() {
    let t = topic("trace-prune", 8);
    let key = unique("key");
    let kp = java_partition(key.as_bytes(), 8);
    let elsewhere = (kp + 3) % 8;
    produce_at(
        &t,
        &[
            at(kp, Some("noise"), "{}".into(), 9),
            at(kp, Some(&key), r#"{"type":"Mine"}"#.into(), 8),
            // The same key where another partitioner put it.
            at(elsewhere, Some(&key), r#"{"type":"Elsewhere"}"#.into(), 7),
            at((kp + 1) % 8, Some("noise"), "{}".into(), 6),
        ],
    );
    let run = trace(&[&key, "--topics", &t, "-o", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(types(&run), ["Mine"]);
    let s = run.summary();
    assert_eq!(s["key_partition_only"], true);
    let scanned = s["scanned"].as_array().unwrap();
    assert_eq!(scanned.len(), 1, "{s}");
    assert_eq!(scanned[0]["partition"], kp);
    assert_eq!(scanned[0]["end"], 2);
    assert_eq!(scanned[0]["complete"], true);

    let run = trace(&[&key, "--topics", &t, "--all-partitions", "-o", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(types(&run), ["Mine", "Elsewhere"]);
    let s = run.summary();
    assert_eq!(s["key_partition_only"], false);
    assert_eq!(s["scanned"].as_array().unwrap().len(), 8);
}

#[test]
fn more_topics_than_readers_are_all_read_in_full() {
    // Eleven topics: more than the 8 readers a scan runs, so some readers read several topics
    // (and a failing reader would stop the others): every topic is still read in full and
    // every match found, in time order.
    let id = unique("ord");
    let topics: Vec<String> = (0..11)
        .map(|i| topic(&format!("trace-many-{i}"), 1 + i % 3))
        .collect();
    for (i, t) in topics.iter().enumerate() {
        let parts = 1 + (i as i32) % 3;
        let value = format!(r#"{{"type":"E{i:02}","data":{{"orderId":"{id}"}}}}"#);
        produce_at(
            t,
            &[
                at(
                    0,
                    Some("noise"),
                    r#"{"data":{"orderId":"other"}}"#.into(),
                    90,
                ),
                at(parts - 1, None, value, 60 - i as i64),
            ],
        );
    }
    let list = topics.join(",");
    let run = trace(&[
        &id,
        "--topics",
        &list,
        "--field",
        "/data/orderId",
        "-o",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let want: Vec<String> = (0..11).map(|i| format!("E{i:02}")).collect();
    assert_eq!(types(&run), want);
    let s = run.summary();
    assert_eq!(s["complete"], true, "{s}");
    let scanned = s["scanned"].as_array().unwrap();
    let expected: i64 = (0..11).map(|i| 1 + i % 3).sum();
    assert_eq!(scanned.len() as i64, expected, "{s}");
    assert!(scanned.iter().all(|r| r["complete"] == true), "{s}");
}
