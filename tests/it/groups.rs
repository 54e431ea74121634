//! `groups`, `groups describe` and `groups skip` against a real broker, with the group's
//! positions and members made by real consumers that are not evtctl (rdkafka directly).

use crate::common::*;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::message::{Header, Headers, Message, OwnedHeaders};
use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use serde_json::Value;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A record with everything a byte-exact copy must keep.
struct Rec {
    partition: i32,
    key: Option<Vec<u8>>,
    value: Vec<u8>,
    headers: Vec<(&'static str, Option<Vec<u8>>)>,
    timestamp: i64,
}

fn produce(topic: &str, recs: &[Rec]) {
    let mut cfg = rdkafka::ClientConfig::new();
    cfg.set("bootstrap.servers", &broker().bootstrap);
    if !broker().embedded {
        // Tansu 0.6 cannot fetch from inside a batch (see common::produce_with).
        cfg.set("batch.num.messages", "1");
    }
    let p: BaseProducer = cfg.create().unwrap();
    for r in recs {
        let mut hs = OwnedHeaders::new();
        for (k, v) in &r.headers {
            hs = hs.insert(Header {
                key: k,
                value: v.as_deref(),
            });
        }
        let mut rec = BaseRecord::<[u8], [u8]>::to(topic)
            .partition(r.partition)
            .payload(&r.value[..])
            .timestamp(r.timestamp)
            .headers(hs);
        if let Some(k) = &r.key {
            rec = rec.key(&k[..]);
        }
        p.send(rec).map_err(|(e, _)| e).unwrap();
        // One at a time keeps offsets in the order of `recs` within a partition.
        assert_eq!(
            p.flush(Duration::from_secs(30)).map_err(|e| e.to_string()),
            Ok(())
        );
    }
}

fn plain(partition: i32, n: usize, timestamp: i64) -> Rec {
    Rec {
        partition,
        key: Some(format!("k{n}").into_bytes()),
        value: format!("{{\"n\":{n}}}").into_bytes(),
        headers: vec![],
        timestamp,
    }
}

/// Commit positions for `group` the way a service that assigns partitions itself does.
fn commit(group: &str, topic: &str, positions: &[(i32, i64)]) {
    let c: BaseConsumer = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", &broker().bootstrap)
        .set("group.id", group)
        .set("enable.auto.commit", "false")
        .create()
        .unwrap();
    let mut tpl = TopicPartitionList::new();
    for &(p, o) in positions {
        tpl.add_partition_offset(topic, p, Offset::Offset(o))
            .unwrap();
    }
    c.commit(&tpl, CommitMode::Sync).unwrap();
}

/// The group's committed offset of one partition, read by another client than evtctl.
fn committed(group: &str, topic: &str, partition: i32) -> Option<i64> {
    let c: BaseConsumer = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", &broker().bootstrap)
        .set("group.id", group)
        .set("enable.auto.commit", "false")
        .create()
        .unwrap();
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition(topic, partition);
    let got = c.committed_offsets(tpl, Duration::from_secs(10)).unwrap();
    match got.find_partition(topic, partition).unwrap().offset() {
        Offset::Offset(o) => Some(o),
        _ => None,
    }
}

/// Counts the rebalances (assignments and revocations) a consumer goes through.
struct Rebalances(Arc<AtomicUsize>);

impl rdkafka::ClientContext for Rebalances {}

impl rdkafka::consumer::ConsumerContext for Rebalances {
    fn pre_rebalance(&self, _: &BaseConsumer<Self>, _: &rdkafka::consumer::Rebalance<'_>) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// A consumer that is a live member of a group, as a service is, until `stop`.
struct Live {
    run: Arc<AtomicBool>,
    handle: Option<std::thread::JoinHandle<()>>,
    rebalances: Arc<AtomicUsize>,
    /// Rebalances by the time it was first given partitions.
    joined: usize,
}

impl Live {
    /// Rebalances since it was first given partitions.
    fn disturbed(&self) -> usize {
        self.rebalances.load(Ordering::SeqCst) - self.joined
    }

    fn stop(mut self) {
        self.run.store(false, Ordering::SeqCst);
        self.handle.take().unwrap().join().unwrap();
    }
}

fn live_member(group: &str, topic: &str) -> Live {
    let run = Arc::new(AtomicBool::new(true));
    let assigned = Arc::new(AtomicBool::new(false));
    let rebalances = Arc::new(AtomicUsize::new(0));
    let c: BaseConsumer<Rebalances> = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", &broker().bootstrap)
        .set("group.id", group)
        .set("client.id", "billing-service")
        .set("enable.auto.commit", "false")
        .set("session.timeout.ms", "6000")
        .set("heartbeat.interval.ms", "500")
        .create_with_context(Rebalances(rebalances.clone()))
        .unwrap();
    c.subscribe(&[topic]).unwrap();
    let (r, a) = (run.clone(), assigned.clone());
    let h = std::thread::spawn(move || {
        while r.load(Ordering::SeqCst) {
            let _ = c.poll(Duration::from_millis(50));
            if c.assignment().is_ok_and(|a| a.count() > 0) {
                a.store(true, Ordering::SeqCst);
            }
        }
        c.unsubscribe();
    });
    wait_for("the consumer to be given partitions", 60, || {
        assigned.load(Ordering::SeqCst)
    });
    let joined = rebalances.load(Ordering::SeqCst);
    Live {
        run,
        handle: Some(h),
        rebalances,
        joined,
    }
}

fn describe(group: &str, extra: &[&str]) -> std::process::Output {
    evtctl()
        .args(["groups", "describe", group, "-o", "json"])
        .args(extra)
        .output()
        .unwrap()
}

fn row<'a>(report: &'a Value, topic: &str, p: i64) -> &'a Value {
    report["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["topic"] == topic && r["partition"] == p)
        .unwrap_or_else(|| panic!("no row for {topic}/{p} in {report}"))
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

#[test]
fn describe_reports_exact_lag_and_time_lag() {
    let t = topic("glag", 3);
    let g = unique("g-lag");
    let base = now_ms() - 3_600_000;
    let mut recs = Vec::new();
    for i in 0..5 {
        recs.push(plain(0, i, base + i as i64 * 1000));
    }
    for i in 0..3 {
        recs.push(plain(1, 10 + i, base + 60_000));
    }
    produce(&t, &recs);
    // p0 is 3 behind (the next record is offset 2, written at base + 2 s); p1 is caught up;
    // p2 has no position and is not reported.
    commit(&g, &t, &[(0, 2), (1, 3)]);

    let out = describe(&g, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let p0 = row(&r, &t, 0);
    assert_eq!(p0["committed"], 2);
    assert_eq!(p0["log_end"], 5);
    assert_eq!(p0["lag"], 3);
    assert_eq!(p0["timestamp"], base + 2000);
    let age = p0["time_lag_ms"].as_i64().unwrap();
    let expected = r["sampled_at"].as_i64().unwrap() - (base + 2000);
    assert!(
        (age - expected).abs() < 60_000,
        "time lag {age} ms, expected about {expected}"
    );
    let p1 = row(&r, &t, 1);
    assert_eq!(
        (p1["committed"].as_i64(), p1["lag"].as_i64()),
        (Some(3), Some(0))
    );
    assert_eq!(p1["time_lag_ms"], Value::Null);
    assert!(
        !r["partitions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["topic"] == t.as_str() && x["partition"] == 2),
        "a partition without a position is not reported: {r}"
    );
    assert_eq!(r["lag"], 3);
    if broker().embedded {
        // The embedded broker cannot describe groups: that is said, not guessed.
        assert_eq!(r["members"], Value::Null);
        assert!(r["members_note"]
            .as_str()
            .unwrap()
            .contains("does not describe groups"));
    } else {
        assert_eq!(r["members"], serde_json::json!([]));
    }

    // --topic shows every partition of the topic, with or without a position.
    let out = describe(&g, &["--topic", &t]);
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(row(&r, &t, 2)["committed"], Value::Null);
    assert_eq!(r["partitions"].as_array().unwrap().len(), 3);

    // Alerting: above the limit is exit 1, at it is 0.
    assert_eq!(
        describe(&g, &["--fail-above-lag", "3"]).status.code(),
        Some(0)
    );
    assert_eq!(
        describe(&g, &["--fail-above-lag", "2"]).status.code(),
        Some(1)
    );
}

#[test]
fn watch_marks_a_partition_stuck_when_its_position_does_not_move() {
    let t = topic("gwatch", 2);
    let g = unique("g-watch");
    let now = now_ms();
    produce(&t, &[plain(0, 0, now), plain(0, 1, now), plain(1, 2, now)]);
    commit(&g, &t, &[(0, 0), (1, 1)]);
    let out = describe(&g, &["--watch", "200ms", "--samples", "2"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = json_lines(&out.stdout);
    assert_eq!(docs.len(), 2, "one document per sample");
    assert_eq!(
        row(&docs[0], &t, 0)["stuck"],
        false,
        "one sample cannot tell"
    );
    assert_eq!(row(&docs[1], &t, 0)["stuck"], true);
    assert_eq!(
        row(&docs[1], &t, 1)["stuck"],
        false,
        "caught up is not stuck"
    );
}

#[test]
fn watch_says_the_members_note_once() {
    // A broker that cannot describe groups (the embedded one) or does not list this group
    // gives the same note on every sample: a watch says it once, not once per sample.
    let t = topic("gwnote", 1);
    let g = unique("g-wnote");
    produce(&t, &[plain(0, 0, now_ms()), plain(0, 1, now_ms())]);
    commit(&g, &t, &[(0, 1)]);
    let out = evtctl()
        .args(["groups", "describe", &g, "-o", "pretty"])
        .args(["--watch", "50ms", "--samples", "3"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.matches("total lag 1").count(),
        3,
        "three samples: {text}"
    );
    let notes = text.matches("note: ").count();
    if broker().embedded {
        assert_eq!(notes, 1, "{text}");
        assert!(text.contains("does not describe groups"), "{text}");
    } else {
        assert!(notes <= 1, "{text}");
    }
}

#[test]
fn list_names_groups_or_says_the_broker_cannot() {
    let t = topic("glist", 1);
    let g = unique("g-list");
    produce(&t, &[plain(0, 0, now_ms()), plain(0, 1, now_ms())]);
    commit(&g, &t, &[(0, 1)]);
    let out = evtctl().args(["groups", "-o", "json"]).output().unwrap();
    if broker().embedded {
        assert_eq!(out.status.code(), Some(3));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("cannot list consumer groups"), "{err}");
        assert!(!err.contains("is the broker reachable"), "{err}");
        return;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = json_lines(&out.stdout);
    let mine = rows
        .iter()
        .find(|r| r["group"] == g.as_str())
        .unwrap_or_else(|| panic!("{g} not listed: {rows:?}"));
    assert_eq!(mine["lag"], 1);
    assert_eq!(mine["topics"], serde_json::json!([t]));
}

fn skip(group: &str, args: &[&str]) -> std::process::Output {
    evtctl()
        .args(["groups", "skip", group, "-o", "json"])
        .args(args)
        .output()
        .unwrap()
}

/// `groups skip` that dies between the acknowledgement of its copies and the commit, as a
/// crash would (the test hook exits 9 there).
fn skip_crashing_before_commit(group: &str, args: &[&str]) {
    let out = evtctl()
        .args(["groups", "skip", group, "-o", "json"])
        .args(args)
        .env("EVTCTL_TEST_EXIT_BEFORE_COMMIT", "1")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(9),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every record of a topic as the raw client sees it: (partition, offset, key, value,
/// headers, timestamp).
type Raw = (
    i32,
    i64,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Vec<(String, Option<Vec<u8>>)>,
    i64,
);

fn raw_records(topic: &str) -> Vec<Raw> {
    let c: BaseConsumer = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", &broker().bootstrap)
        .set("group.id", "it-raw-reader")
        .set("enable.auto.commit", "false")
        .set("enable.partition.eof", "true")
        .create()
        .unwrap();
    let md = c
        .fetch_metadata(Some(topic), Duration::from_secs(10))
        .unwrap();
    let parts: Vec<i32> = md.topics()[0].partitions().iter().map(|p| p.id()).collect();
    let mut tpl = TopicPartitionList::new();
    for &p in &parts {
        tpl.add_partition_offset(topic, p, Offset::Beginning)
            .unwrap();
    }
    c.assign(&tpl).unwrap();
    let mut open = parts.len();
    let mut out = Vec::new();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while open > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "reading {topic} timed out"
        );
        match c.poll(Duration::from_millis(100)) {
            Some(Ok(m)) => out.push((
                m.partition(),
                m.offset(),
                m.key().map(<[u8]>::to_vec),
                m.payload().map(<[u8]>::to_vec),
                m.headers()
                    .map(|hs| {
                        hs.iter()
                            .map(|h| (h.key.to_string(), h.value.map(<[u8]>::to_vec)))
                            .collect()
                    })
                    .unwrap_or_default(),
                m.timestamp().to_millis().unwrap_or(-1),
            )),
            Some(Err(rdkafka::error::KafkaError::PartitionEOF(_))) => open -= 1,
            _ => {}
        }
    }
    out.sort_by_key(|r| (r.0, r.1));
    out
}

fn hval<'a>(hs: &'a [(String, Option<Vec<u8>>)], name: &str) -> Option<&'a str> {
    hs.iter()
        .rev()
        .find(|(n, _)| n == name)
        .and_then(|(_, v)| std::str::from_utf8(v.as_deref()?).ok())
}

/// The poison records: binary key and value, repeated and null headers, old timestamps.
fn poison(partition: i32, ts: i64) -> Vec<Rec> {
    vec![
        plain(partition, 0, ts),
        Rec {
            partition,
            key: Some(vec![0, 159, 146, 150, 0xff]),
            value: vec![0x1b, b'[', b'3', b'1', b'm', 0, 0xc3, 0x28],
            headers: vec![
                (
                    "traceparent",
                    Some(b"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".to_vec()),
                ),
                ("dup", Some(b"first".to_vec())),
                ("dup", Some(b"second".to_vec())),
                ("nothing", None),
            ],
            timestamp: ts + 1,
        },
        Rec {
            partition,
            key: None,
            value: b"{\"orderId\":\"o-2\",\"total\":null}".to_vec(),
            headers: vec![],
            timestamp: ts + 2,
        },
        plain(partition, 3, ts + 3),
    ]
}

#[test]
fn skip_copies_byte_exact_commits_after_the_ack_and_redrive_closes_the_loop() {
    let t = topic("gskip", 2);
    let q = topic("gskip-q", 1);
    let g = unique("g-skip");
    let ts = now_ms() - 86_400_000;
    produce(&t, &poison(1, ts));
    commit(&g, &t, &[(1, 1)]);

    // A dry run shows the records and changes nothing.
    let out = skip(
        &g,
        &[
            "--topic",
            &t,
            "-p",
            "1",
            "--count",
            "2",
            "--to",
            &q,
            "--dry-run",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = json_lines(&out.stdout);
    assert_eq!(shown.len(), 3, "two records and a receipt: {shown:?}");
    assert_eq!(shown[0]["offset"], 1);
    assert_eq!(shown[1]["offset"], 2);
    assert_eq!(committed(&g, &t, 1), Some(1));
    assert!(raw_records(&q).is_empty());

    // Acting needs --yes off a terminal.
    let out = skip(&g, &["--topic", &t, "-p", "1", "--count", "2", "--to", &q]);
    assert_eq!(out.status.code(), Some(2));

    let out = skip(
        &g,
        &[
            "--topic",
            &t,
            "-p",
            "1",
            "--count",
            "2",
            "--to",
            &q,
            "--reason",
            "NPE in OrderMapper",
            "--yes",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let receipt = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(receipt["from"], 1);
    assert_eq!(receipt["to"], 3);
    assert_eq!(receipt["quarantined"], 2);
    assert_eq!(committed(&g, &t, 1), Some(3));

    let source = raw_records(&t);
    let copies = raw_records(&q);
    assert_eq!(copies.len(), 2);
    for (copy, orig) in copies.iter().zip(&source[1..3]) {
        assert_eq!(copy.2, orig.2, "key");
        assert_eq!(copy.3, orig.3, "value");
        assert_eq!(copy.5, orig.5, "timestamp");
        assert_eq!(
            &copy.4[..orig.4.len()],
            &orig.4[..],
            "the record's own headers, in order"
        );
        let hs = &copy.4;
        assert_eq!(hval(hs, "evtctl-dlq-topic"), Some(t.as_str()));
        assert_eq!(hval(hs, "evtctl-dlq-partition"), Some("1"));
        assert_eq!(
            hval(hs, "evtctl-dlq-offset"),
            Some(orig.1.to_string().as_str())
        );
        assert_eq!(hval(hs, "evtctl-dlq-group"), Some(g.as_str()));
        assert_eq!(hval(hs, "evtctl-dlq-reason"), Some("NPE in OrderMapper"));
        assert!(hval(hs, "evtctl-dlq-at").is_some());
    }

    // dlq stats understands them; redrive puts them back into their topic and partition.
    let out = evtctl()
        .args(["dlq", "stats", &q, "-o", "json"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("evtctl-dlq"));
    // The copies keep the records' own time (a day ago); when they were quarantined is
    // reported beside it.
    let stats = &json_lines(&out.stdout)[0];
    assert_eq!(stats["oldest"]["timestamp"], ts + 1, "{stats}");
    let first = stats["quarantined_first"]["timestamp"].as_i64().unwrap();
    assert!(
        first > ts + 86_000_000 && first <= now_ms(),
        "quarantined just now: {stats}"
    );
    let pretty = evtctl()
        .args(["dlq", "stats", &q, "-o", "pretty"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&pretty.stdout);
    assert!(
        text.contains("by the records' own time") && text.contains("quarantined first"),
        "{text}"
    );
    let out = evtctl()
        .args(["dlq", "redrive", &q, "--yes", "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = raw_records(&t);
    assert_eq!(after.len(), 6);
    for (back, orig) in after[4..].iter().zip(&source[1..3]) {
        assert_eq!(back.0, 1, "back in its partition");
        assert_eq!((&back.2, &back.3), (&orig.2, &orig.3));
        assert_eq!(
            hval(&back.4, "evtctl-dlq-topic"),
            None,
            "dead-letter headers stripped"
        );
        assert_eq!(hval(&back.4, "traceparent"), hval(&orig.4, "traceparent"));
    }
}

#[test]
fn redrive_returns_a_quarantined_record_with_its_own_headers_byte_for_byte() {
    // A consumer of a dead-letter topic gets stuck: its records carry dead-letter headers of
    // their own (a framework's, evtctl's from an earlier hop, even a garbled marker).
    let t = topic("gdlt", 1);
    let q = topic("gdlt-q", 1);
    let g = unique("g-dlt");
    let own = vec![
        ("kafka_dlt-original-topic", Some(b"orders".to_vec())),
        (
            "kafka_dlt-original-partition",
            Some(3i32.to_be_bytes().to_vec()),
        ),
        (
            "kafka_dlt-original-offset",
            Some(42i64.to_be_bytes().to_vec()),
        ),
        (
            "kafka_dlt-exception-message",
            Some(b"NPE in OrderMapper".to_vec()),
        ),
        ("__connect.errors.topic", Some(b"legacy".to_vec())),
        ("evtctl-dlq-topic", Some(b"older-hop".to_vec())),
        ("evtctl-dlq-own-headers", Some(b"0".to_vec())),
        ("evtctl-redrive-count", Some(b"1".to_vec())),
        (
            "traceparent",
            Some(b"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".to_vec()),
        ),
        ("dup", Some(b"first".to_vec())),
        ("dup", Some(b"second".to_vec())),
        ("nothing", None),
    ];
    produce(
        &t,
        &[Rec {
            partition: 0,
            key: Some(b"ord-1".to_vec()),
            value: b"{\"total\":\"1,50\"}".to_vec(),
            headers: own,
            timestamp: now_ms(),
        }],
    );
    commit(&g, &t, &[(0, 0)]);
    let out = skip(&g, &["--topic", &t, "-p", "0", "--to", &q, "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = evtctl()
        .args(["dlq", "redrive", &q, "--yes", "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = raw_records(&t);
    assert_eq!(after.len(), 2, "back in its topic");
    let (orig, back) = (&after[0], &after[1]);
    assert_eq!((&back.2, &back.3), (&orig.2, &orig.3));
    let n = orig.4.len();
    assert_eq!(
        &back.4[..n],
        &orig.4[..],
        "the record's own headers, byte for byte"
    );
    let added: Vec<(&str, Option<&[u8]>)> = back.4[n..]
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_deref()))
        .collect();
    assert_eq!(added.len(), 3, "{added:?}");
    assert_eq!(added[0], ("evtctl-redrive-count", Some(&b"2"[..])));
    assert_eq!(added[1].0, "evtctl-redrive-origin");
    assert_eq!(added[2].0, "evtctl-redrive-at");
}

#[test]
fn a_rerun_after_a_crash_between_copy_and_commit_copies_nothing_twice() {
    let t = topic("gcrash", 1);
    let q = topic("gcrash-q", 1);
    let g = unique("g-crash");
    produce(&t, &poison(0, now_ms()));
    commit(&g, &t, &[(0, 1)]);
    let args = [
        "--topic",
        t.as_str(),
        "-p",
        "0",
        "--count",
        "2",
        "--to",
        q.as_str(),
        "--yes",
    ];
    skip_crashing_before_commit(&g, &args);
    assert_eq!(raw_records(&q).len(), 2, "copied and acknowledged");
    assert_eq!(committed(&g, &t, 0), Some(1), "but not committed");

    let out = skip(&g, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let receipt = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(
        (
            receipt["quarantined"].as_u64(),
            receipt["already_quarantined"].as_u64()
        ),
        (Some(0), Some(2))
    );
    assert_eq!(raw_records(&q).len(), 2, "nothing copied twice");
    assert_eq!(committed(&g, &t, 0), Some(3));
}

#[test]
fn a_rerun_finds_every_copy_however_many_and_whatever_was_written_since() {
    // More copies than any fixed look-back, and other writers in the quarantine topic after
    // them: the rerun still finds every one.
    let n = 5_200usize;
    let t = topic("gcrashbig", 1);
    let q = topic("gcrashbig-q", 1);
    let g = unique("g-crash-big");
    let values: Vec<String> = (0..n).map(|i| format!("{{\"n\":{i}}}")).collect();
    let recs: Vec<Produced<'_>> = values
        .iter()
        .map(|v| Produced {
            partition: 0,
            key: None,
            value: v.as_bytes(),
            headers: vec![],
        })
        .collect();
    produce_with(&broker().bootstrap, &t, &recs);
    commit(&g, &t, &[(0, 0)]);
    let count = n.to_string();
    let args = [
        "--topic",
        t.as_str(),
        "-p",
        "0",
        "--count",
        count.as_str(),
        "--to",
        q.as_str(),
        "--yes",
    ];
    skip_crashing_before_commit(&g, &args);
    assert_eq!(committed(&g, &t, 0), Some(0), "not committed");
    // Another team quarantines records of its own in the same topic meanwhile.
    let others: Vec<Produced<'_>> = (0..100)
        .map(|_| Produced {
            partition: 0,
            key: None,
            value: b"{}",
            headers: vec![("evtctl-dlq-topic", b"payments".to_vec())],
        })
        .collect();
    produce_with(&broker().bootstrap, &q, &others);

    let out = skip(&g, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let receipt = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(
        (
            receipt["quarantined"].as_u64(),
            receipt["already_quarantined"].as_u64()
        ),
        (Some(0), Some(n as u64))
    );
    assert_eq!(raw_records(&q).len(), n + 100, "nothing copied twice");
    assert_eq!(committed(&g, &t, 0), Some(n as i64));
}

/// Run `groups skip` with the test hook that pauses it at `point`, interrupt it there with
/// SIGINT, and return what it printed.
fn skip_interrupted_at(group: &str, args: &[&str], point: &str) -> std::process::Output {
    use std::io::{BufRead, Read};
    let mut child = evtctl_process()
        .args(["groups", "skip", group, "-o", "json"])
        .args(args)
        .env("EVTCTL_TEST_PAUSE", point)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        if stderr.read_line(&mut line).unwrap() == 0 || line.contains("paused at") {
            seen.push_str(&line);
            break;
        }
        seen.push_str(&line);
    }
    let paused = seen.contains(&format!("paused at {point}"));
    if paused {
        let kill = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
    }
    stderr.read_to_string(&mut seen).unwrap();
    let mut out = child.wait_with_output().unwrap();
    assert!(paused, "never paused at {point}: {seen}");
    out.stderr = seen.into_bytes();
    out
}

#[test]
fn ctrl_c_before_the_first_copy_changes_nothing() {
    let t = topic("gsigint", 1);
    let q = topic("gsigint-q", 1);
    let g = unique("g-sigint");
    produce(&t, &poison(0, now_ms()));
    commit(&g, &t, &[(0, 1)]);
    let args = [
        "--topic", &t, "-p", "0", "--count", "3", "--to", &q, "--yes",
    ];
    // The producer exists; nothing has been sent.
    let out = skip_interrupted_at(&g, &args, "before-send");
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(raw_records(&q).is_empty(), "nothing copied");
    assert_eq!(committed(&g, &t, 0), Some(1), "nothing committed");
}

#[test]
fn ctrl_c_after_copies_were_sent_commits_only_what_was_acknowledged() {
    let t = topic("gsigint2", 1);
    let q = topic("gsigint2-q", 1);
    let g = unique("g-sigint2");
    produce(&t, &poison(0, now_ms()));
    commit(&g, &t, &[(0, 0)]);
    let args = [
        "--topic", &t, "-p", "0", "--count", "4", "--to", &q, "--yes",
    ];
    // Two copies sent, two records to go: the two in flight are settled and committed.
    let out = skip_interrupted_at(&g, &args, "sent:2");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("2 of 4 record(s) not taken"), "{err}");
    let receipt = json_lines(&out.stdout).pop().unwrap();
    assert_eq!(
        (receipt["to"].as_i64(), receipt["quarantined"].as_u64()),
        (Some(2), Some(2))
    );
    let copies = raw_records(&q);
    let offsets: Vec<Option<&str>> = copies
        .iter()
        .map(|c| hval(&c.4, "evtctl-dlq-offset"))
        .collect();
    assert_eq!(offsets, [Some("0"), Some("1")]);
    assert_eq!(committed(&g, &t, 0), Some(2));
}

#[test]
fn a_copy_that_is_not_acknowledged_commits_nothing() {
    let t = topic("gfail", 1);
    let q = topic("gfail-q", 1);
    let g = unique("g-fail");
    let big = vec![b'x'; 5000];
    produce(
        &t,
        &[Rec {
            partition: 0,
            key: None,
            value: big,
            headers: vec![],
            timestamp: now_ms(),
        }],
    );
    commit(&g, &t, &[(0, 0)]);
    // The producer refuses records over 2000 bytes: the copy fails, as a broker error would.
    let out = skip(
        &g,
        &[
            "--topic",
            &t,
            "-p",
            "0",
            "--to",
            &q,
            "--yes",
            "-X",
            "message.max.bytes=2000",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing was committed"), "{err}");
    assert_eq!(committed(&g, &t, 0), Some(0));
    assert!(raw_records(&q).is_empty());
}

/// evtctl refused to change a group a live consumer is in, and said why.
fn assert_refused_for_members(what: &str, out: &std::process::Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{what}: {err}");
    if broker().embedded {
        // The embedded broker lists no members and refuses commits from outside a group that
        // ever had one: evtctl says it cannot tell, and does not join the group to find out.
        assert!(
            err.contains("cannot tell whether group") && err.contains("--consumers-stopped"),
            "{what}: {err}"
        );
    } else {
        assert!(
            err.contains("billing-service"),
            "{what} names the member: {err}"
        );
    }
}

#[test]
fn skip_and_reset_refuse_a_live_group_without_disturbing_its_consumer() {
    let t = topic("glive", 2);
    let q = topic("glive-q", 1);
    let g = unique("g-live");
    produce(&t, &[plain(0, 0, now_ms()), plain(1, 1, now_ms())]);
    commit(&g, &t, &[(0, 0), (1, 0)]);
    let live = live_member(&g, &t);
    let skipped = skip(&g, &["--topic", &t, "-p", "0", "--to", &q, "--yes"]);
    let reset_out = reset(&g, &["--topic", &t, "--to", "latest", "--execute"]);
    // Each evtctl run has ended: a join would have rebalanced the consumer by now (a member
    // that joins is given partitions only once the others rejoined).
    let disturbed = live.disturbed();
    let told_wrong = broker().embedded.then(|| {
        // Told the consumers are stopped while one is not, evtctl joins to commit (the only
        // way on this broker), finds another member, and still changes nothing.
        let skipped = skip(
            &g,
            &[
                "--topic",
                &t,
                "-p",
                "0",
                "--to",
                &q,
                "--yes",
                "--consumers-stopped",
            ],
        );
        let reset_out = reset(
            &g,
            &[
                "--topic",
                &t,
                "--to",
                "latest",
                "--execute",
                "--consumers-stopped",
            ],
        );
        [skipped, reset_out]
    });
    live.stop();
    assert_eq!(disturbed, 0, "evtctl rebalanced the live consumer");
    assert_refused_for_members("skip", &skipped);
    assert_refused_for_members("reset --execute", &reset_out);
    for out in told_wrong.iter().flatten() {
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("has other members"), "{err}");
        // A reset copies nothing: the refusal says what did not happen, for either command.
        assert!(
            err.contains("nothing was changed") && !err.contains("copied"),
            "{err}"
        );
    }
    assert!(raw_records(&q).is_empty(), "nothing copied");
    assert_eq!(
        (committed(&g, &t, 0), committed(&g, &t, 1)),
        (Some(0), Some(0))
    );
}

#[test]
fn skip_and_reset_commit_for_a_group_whose_consumers_stopped() {
    // A service consumed with a subscription (the group has a history of members), then
    // stopped on the poison record: skip must still be able to commit.
    let t = topic("gstopped", 1);
    let q = topic("gstopped-q", 1);
    let g = unique("g-stopped");
    produce(
        &t,
        &[
            plain(0, 0, now_ms()),
            plain(0, 1, now_ms()),
            plain(0, 2, now_ms()),
        ],
    );
    commit(&g, &t, &[(0, 1)]);
    live_member(&g, &t).stop();
    let args = ["--topic", &t, "-p", "0", "--to", &q, "--yes"];
    if broker().embedded {
        // Nothing tells whether the member that was there is gone: only the user can.
        let out = skip(&g, &args);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--consumers-stopped"), "{err}");
        assert!(raw_records(&q).is_empty(), "nothing copied");
        assert_eq!(committed(&g, &t, 0), Some(1));
    }
    let mut args = args.to_vec();
    args.push("--consumers-stopped");
    let out = skip(&g, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(committed(&g, &t, 0), Some(2));
    assert_eq!(raw_records(&q).len(), 1);
    let out = reset(
        &g,
        &[
            "--topic",
            &t,
            "--shift-by",
            "-2",
            "--execute",
            "--consumers-stopped",
        ],
    );
    assert_eq!(plan_of(&out), [(0, Some(2), 0, 0, 2)]);
    assert_eq!(committed(&g, &t, 0), Some(0));
}

fn reset(group: &str, args: &[&str]) -> std::process::Output {
    evtctl()
        .args(["groups", "reset", group, "-o", "json"])
        .args(args)
        .output()
        .unwrap()
}

fn plan_of(out: &std::process::Output) -> Vec<(i64, Option<i64>, i64, i64, i64)> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json_lines(&out.stdout).pop().unwrap();
    doc["partitions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["partition"].as_i64().unwrap(),
                m["current"].as_i64(),
                m["new"].as_i64().unwrap(),
                m["skips"].as_i64().unwrap(),
                m["rereads"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn reset_prints_the_plan_and_acts_only_with_execute() {
    let t = topic("greset", 2);
    let g = unique("g-reset");
    let base = now_ms() - 3_600_000;
    let mut recs = Vec::new();
    for i in 0..6 {
        recs.push(plain(0, i, base + i as i64 * 60_000));
    }
    for i in 0..4 {
        recs.push(plain(1, 10 + i, base + i as i64 * 60_000));
    }
    produce(&t, &recs);
    commit(&g, &t, &[(0, 4), (1, 1)]);

    // The plan: nothing changes.
    let out = reset(&g, &["--topic", &t, "--to", "earliest"]);
    assert_eq!(
        plan_of(&out),
        [(0, Some(4), 0, 0, 4), (1, Some(1), 0, 0, 1)]
    );
    assert_eq!(committed(&g, &t, 0), Some(4));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--execute"));

    // Only some partitions; by time (the first record at or after base + 2 min is offset 2).
    let at = {
        let out = evtctl()
            .args([
                "tail", &t, "-p", "0", "--from", "2", "--until", "3", "-o", "json",
            ])
            .output()
            .unwrap();
        json_lines(&out.stdout)[0]["timestamp"].as_i64().unwrap()
    };
    assert_eq!(at, base + 120_000);
    let when = {
        let secs = (base + 120_000) / 1000;
        let out = std::process::Command::new("date")
            .args(["-u", "-d", &format!("@{secs}"), "+%Y-%m-%dT%H:%M:%SZ"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    let out = reset(&g, &["--topic", &format!("{t}:0"), "--to", &when]);
    assert_eq!(plan_of(&out), [(0, Some(4), 2, 0, 2)]);

    // --shift-by stays within the log.
    let out = reset(&g, &["--topic", &t, "--shift-by", "3"]);
    assert_eq!(
        plan_of(&out),
        [(0, Some(4), 6, 2, 0), (1, Some(1), 4, 3, 0)]
    );

    // A backup, a change, and the backup restored.
    let backup = describe(&g, &[]);
    assert!(backup.status.success());
    let file = std::env::temp_dir().join(format!("{g}.json"));
    std::fs::write(&file, &backup.stdout).unwrap();
    let out = reset(&g, &["--topic", &t, "--shift-by", "-1", "--execute"]);
    assert_eq!(
        plan_of(&out),
        [(0, Some(4), 3, 0, 1), (1, Some(1), 0, 0, 1)]
    );
    assert_eq!(
        (committed(&g, &t, 0), committed(&g, &t, 1)),
        (Some(3), Some(0))
    );
    let out = reset(&g, &["--from-file", file.to_str().unwrap(), "--execute"]);
    assert_eq!(
        plan_of(&out),
        [(0, Some(3), 4, 1, 0), (1, Some(0), 1, 1, 0)]
    );
    assert_eq!(
        (committed(&g, &t, 0), committed(&g, &t, 1)),
        (Some(4), Some(1))
    );
    let _ = std::fs::remove_file(file);

    // The receipt counts what moved, not every partition in the plan.
    let out = reset(&g, &["--topic", &t, "--to", "1", "--execute"]);
    assert_eq!(
        plan_of(&out),
        [(0, Some(4), 1, 0, 3), (1, Some(1), 1, 0, 0)]
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 partition moved, 1 already at its new offset"),
        "{err}"
    );
}

#[test]
fn tail_from_group_shows_what_the_group_reads_next_without_moving_it() {
    let t = topic("gtail", 2);
    let g = unique("g-tail");
    let now = now_ms();
    produce(
        &t,
        &[
            plain(0, 0, now),
            plain(0, 1, now),
            plain(0, 2, now),
            plain(1, 7, now),
        ],
    );
    commit(&g, &t, &[(0, 1), (1, 1)]);
    let from = format!("group:{g}");
    let out = evtctl()
        .args(["tail", &t, "--from", &from, "-n", "1", "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = json_lines(&out.stdout);
    assert_eq!(recs.len(), 1);
    assert_eq!(
        (recs[0]["partition"].as_i64(), recs[0]["offset"].as_i64()),
        (Some(0), Some(1))
    );
    assert_eq!(recs[0]["value"]["n"], 1);
    // Bounded: everything the group has not read yet, in both partitions.
    let mut all: Vec<i64> = tail_n(&t, &["--from", &from, "--until", "end"]);
    all.sort();
    assert_eq!(all, [1, 2]);
    assert_eq!(
        (committed(&g, &t, 0), committed(&g, &t, 1)),
        (Some(1), Some(1)),
        "not moved"
    );
    let out = evtctl()
        .args(["tail", &t, "--from", "group:"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn delete_removes_a_group_with_no_members_and_refuses_a_live_one() {
    let t = topic("gdel", 1);
    let g = unique("g-del");
    produce(&t, &[plain(0, 0, now_ms())]);
    commit(&g, &t, &[(0, 1)]);
    let delete = |group: &str, extra: &[&str]| {
        evtctl()
            .args(["groups", "delete", group])
            .args(extra)
            .output()
            .unwrap()
    };
    // Not on a terminal and no --yes: refused, nothing deleted.
    let out = delete(&g, &[]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(committed(&g, &t, 0), Some(1));
    if !broker().embedded {
        // A live member: refused, naming it, before anything is asked of the broker.
        let live_group = unique("g-del-live");
        commit(&live_group, &t, &[(0, 0)]);
        let live = live_member(&live_group, &t);
        let out = delete(&live_group, &["--yes"]);
        live.stop();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("billing-service"), "{err}");
        assert_eq!(committed(&live_group, &t, 0), Some(0));
    }
    let out = delete(&g, &["--yes", "-o", "json"]);
    let err = String::from_utf8_lossy(&out.stderr);
    if err.contains("does not support the DeleteGroups request") {
        // The embedded broker (and any other without the API): said in one line, exit 3, and
        // evtctl is not taken down by librdkafka on the way.
        assert_eq!(out.status.code(), Some(3), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert_eq!(committed(&g, &t, 0), Some(1));
        return;
    }
    assert!(out.status.success(), "{err}");
    assert_eq!(json_lines(&out.stdout)[0]["deleted"], true);
    assert_eq!(committed(&g, &t, 0), None, "its committed offsets are gone");
}
