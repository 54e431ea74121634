//! What goes in comes out: keys, repeated and null headers, explicit partitions, binary,
//! empty and null payloads, timestamps — byte for byte.

use crate::common::*;
use evtctl::record::Record;

fn sample_envelopes() -> Vec<String> {
    let mut lines = Vec::new();
    let ts = 1_767_225_600_000i64; // 2026-01-01T00:00:00Z
    let b64 = |b: &[u8]| {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(b)
    };
    for i in 0..40i64 {
        let p = i % 4;
        let line = match i % 8 {
            0 => format!(
                r#"{{"partition":{p},"timestamp":{},"key":"order-{i}","headers":[{{"name":"traceparent","value":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}},{{"name":"dup","value":"1"}},{{"name":"dup","value":"2"}},{{"name":"nil","value":null}}],"value":{{"n":{i},"note":"héllo"}}}}"#,
                ts + i
            ),
            1 => format!(
                r#"{{"partition":{p},"timestamp":{},"key":null,"headers":[],"value":null}}"#,
                ts + i
            ),
            2 => format!(
                r#"{{"partition":{p},"timestamp":{},"key":"","headers":[],"value":""}}"#,
                ts + i
            ),
            3 => format!(
                r#"{{"partition":{p},"timestamp":{},"key":"{}","key_encoding":"base64","headers":[{{"name":"bin","value":"{}","encoding":"base64"}}],"value":"{}","value_encoding":"base64"}}"#,
                ts + i,
                b64(&[0, 1, 2, 255]),
                b64(&[0, 0, 0, 42]),
                b64(&[0xff, 0xfe, 0, 1, 2, 3, b'\n', 0x1b]),
            ),
            4 => format!(
                r#"{{"partition":{p},"timestamp":{},"key":"k","headers":[],"value":"plain text with \"quotes\" and a\ttab"}}"#,
                ts + i
            ),
            5 => format!(
                r#"{{"partition":{p},"timestamp":{},"key":"k","headers":[],"value":"{{\"spaced\": true}}"}}"#,
                ts + i
            ),
            6 => format!(
                r#"{{"partition":{p},"timestamp":{},"key":"k","headers":[],"value":"null"}}"#,
                ts + i
            ),
            _ => format!(
                r#"{{"partition":{p},"timestamp":{},"key":"k","headers":[{{"name":"e","value":""}}],"value":[1,2.50,-3e2,"x"]}}"#,
                ts + i
            ),
        };
        lines.push(line);
    }
    lines
}

#[test]
fn envelopes_round_trip_byte_exactly() {
    let t = topic("roundtrip", 4);
    let input = sample_envelopes();
    let out = evtctl()
        .args(["publish", &t, "--format", "envelope", "-o", "json"])
        .write_stdin(input.join("\n") + "\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let receipts: Vec<_> = json_lines(&out.stdout)
        .into_iter()
        .filter(|v| v["type"] == "receipt")
        .collect();
    assert_eq!(receipts.len(), input.len());

    let got = read_all(&t, &[]);
    assert_eq!(got.len(), input.len());
    let mut want: Vec<Record> = input
        .iter()
        .map(|l| Record::from_envelope(l).unwrap())
        .collect();
    let mut have: Vec<Record> = got
        .iter()
        .map(|l| Record::from_envelope(l).unwrap())
        .collect();
    // Order holds per partition; compare sorted by (partition, timestamp) — timestamps are unique.
    want.sort_by_key(|r| (r.partition, r.timestamp));
    have.sort_by_key(|r| (r.partition, r.timestamp));
    for (w, h) in want.iter().zip(&have) {
        assert_eq!(h.partition, w.partition);
        assert_eq!(h.timestamp, w.timestamp);
        assert_eq!(h.key, w.key, "key of {:?}", w);
        assert_eq!(h.value, w.value, "value of {:?}", w);
        assert_eq!(h.headers, w.headers, "headers of {:?}", w);
    }
    // Offsets are consecutive per partition and re-encoding a record gives the same line.
    for line in &got {
        let r = Record::from_envelope(line).unwrap();
        let mut again = String::from_utf8(r.to_envelope_line()).unwrap();
        again.pop();
        let strip = |s: &str| s.replace(r#","timestamp_type":"create""#, "");
        assert_eq!(strip(line), again);
    }
}

#[test]
fn tail_output_republishes_losslessly() {
    let src = topic("copy-src", 4);
    let dst = topic("copy-dst", 4);
    let input = sample_envelopes();
    evtctl()
        .args(["publish", &src, "--format", "envelope"])
        .write_stdin(input.join("\n"))
        .assert()
        .success();
    let exported = read_all(&src, &[]);
    evtctl()
        .args(["publish", &dst, "--format", "envelope"])
        .write_stdin(exported.join("\n"))
        .assert()
        .success();
    let copied = read_all(&dst, &[]);
    let norm = |lines: &[String]| {
        let mut v: Vec<_> = lines
            .iter()
            .map(|l| {
                let r = Record::from_envelope(l).unwrap();
                (
                    r.partition,
                    r.offset,
                    r.timestamp,
                    r.key,
                    r.headers,
                    r.value,
                )
            })
            .collect();
        v.sort_by_key(|a| (a.0, a.1));
        v
    };
    assert_eq!(norm(&exported), norm(&copied));
}

#[test]
fn json_lines_keys_headers_and_java_partitioning() {
    let partitions = 7;
    let t = topic("keys", partitions);
    let mut input = String::new();
    for i in 0..50 {
        input.push_str(&format!("{{\"orderId\":\"o-{i}\",\"n\":{i}}}\n"));
    }
    let out = evtctl()
        .args([
            "publish",
            &t,
            "--key-field",
            "/orderId",
            "-H",
            "source=test",
            "-H",
            "source=again",
            "-H",
            "flag",
            "-o",
            "json",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    let summary = lines.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["records"], 50);
    assert_eq!(summary["failed"], 0);
    for r in lines.iter().filter(|v| v["type"] == "receipt") {
        let line = r["line"].as_u64().unwrap();
        let key = format!("o-{}", line - 1);
        assert_eq!(
            r["partition"],
            java_partition(key.as_bytes(), partitions),
            "key {key} lands where Java puts it"
        );
    }
    let records: Vec<serde_json::Value> = read_all(&t, &[])
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 50);
    for r in &records {
        assert_eq!(r["key"], format!("o-{}", r["value"]["n"]));
        assert_eq!(
            r["headers"],
            serde_json::json!([{"name":"source","value":"test"},{"name":"source","value":"again"},{"name":"flag","value":null}])
        );
    }
    // Per-key order holds: within each partition, offsets increase with n for the same key.
    let mut last: std::collections::HashMap<i64, i64> = Default::default();
    for r in &records {
        let p = r["partition"].as_i64().unwrap();
        let off = r["offset"].as_i64().unwrap();
        assert!(last.insert(p, off).is_none_or(|prev| prev < off));
    }
}

#[test]
fn single_event_with_type_gets_an_event_envelope_and_trace() {
    let t = topic("typed", 1);
    evtctl()
        .args([
            "publish",
            &t,
            r#"{"orderId":"o-1"}"#,
            "--type",
            "TestHappened",
            "-k",
            "o-1",
        ])
        .env(
            "TRACEPARENT",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        )
        .assert()
        .success();
    let recs = read_all(&t, &[]);
    assert_eq!(recs.len(), 1);
    let v: serde_json::Value = serde_json::from_str(&recs[0]).unwrap();
    assert_eq!(v["value"]["type"], "TestHappened");
    assert_eq!(v["value"]["version"], 1, "no registered subject: version 1");
    assert_eq!(v["value"]["data"]["orderId"], "o-1");
    let tp = v["headers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["name"] == "traceparent")
        .unwrap();
    assert!(tp["value"]
        .as_str()
        .unwrap()
        .starts_with("00-4bf92f3577b34da6a3ce929d0e0e4736-"));
}

#[test]
fn filters_and_key_match() {
    let t = topic("filter", 3);
    let input: String = (0..30)
        .map(|i| {
            format!(
                "{{\"n\":{i},\"kind\":\"{}\"}}\n",
                if i % 3 == 0 { "big" } else { "small" }
            )
        })
        .collect();
    evtctl()
        .args(["publish", &t, "--key-field", "/kind"])
        .write_stdin(input)
        .assert()
        .success();
    let big = read_all(
        &t,
        &["--filter", r#".value.kind == "big" and .value.n >= 10"#],
    );
    let ns: Vec<i64> = big
        .iter()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["value"]["n"]
                .as_i64()
                .unwrap()
        })
        .collect();
    let mut ns_sorted = ns.clone();
    ns_sorted.sort();
    assert_eq!(ns_sorted, vec![12, 15, 18, 21, 24, 27]);
    assert_eq!(read_all(&t, &["--key", "small"]).len(), 20);
    assert_eq!(read_all(&t, &["--key", "small", "-n", "5"]).len(), 5);
}

#[test]
fn published_records_carry_the_time_they_were_read() {
    // publish stamps CreateTime itself (once per chunk read), in milliseconds.
    let t = topic("created", 3);
    let now = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64
    };
    let before = now();
    evtctl()
        .args(["publish", &t])
        .write_stdin("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n")
        .assert()
        .success();
    let after = now();
    let records = read_all(&t, &[]);
    assert_eq!(records.len(), 3);
    for l in records {
        let v: serde_json::Value = serde_json::from_str(&l).unwrap();
        let ts = v["timestamp"].as_i64().expect("a timestamp in ms");
        assert!(
            (before..=after).contains(&ts),
            "{ts} not in {before}..={after}"
        );
    }
}

#[test]
fn paced_records_carry_the_time_they_were_sent() {
    // With --rate, a record waits its turn; its CreateTime is the time it goes, not the time
    // its chunk of input was read (found in review: all four carried the first one's time).
    let t = topic("paced", 1);
    evtctl()
        .args(["publish", &t, "--rate", "4/s"])
        .write_stdin("{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n")
        .assert()
        .success();
    let times: Vec<i64> = read_all(&t, &[])
        .iter()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["timestamp"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(times.len(), 4);
    // The fourth is due 750 ms after the first (a lower bound --rate guarantees).
    assert!(times[3] - times[0] >= 700, "{times:?}");
}

#[test]
fn typed_json_output_republishes_byte_exactly() {
    // JSON as producers write it, not as a serialiser would: `tail --value-type json -o json`
    // piped into `publish --format envelope` must give the same bytes back.
    let src = topic("rt-json", 1);
    let dst = topic("rt-json-dst", 1);
    let values: [&[u8]; 9] = [
        b"{\"a\": 1,\n \"b\": [1, 2]}",
        b"{\"a\":1}\n",
        b"\t[1]",
        br#"{"a": 1.50, "a": 1e3, "s": "caf\u00e9", "n": 123456789012345678901234567890}"#,
        b"null",
        br#""a string""#,
        br#"["\ud800"]"#,
        b"\xef\xbb\xbf{\"a\":1}",
        br#"{"compact":true}"#,
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
    let typed = read_all(&src, &["--value-type", "json", "--key-type", "json"]);
    assert_eq!(typed.len(), values.len());
    // Compact JSON keeps its type (a filter can read into it).
    assert!(
        typed[8].contains(r#""value":{"compact":true},"value_encoding":"json""#),
        "{}",
        typed[8]
    );
    evtctl()
        .args(["publish", &dst, "--format", "envelope"])
        .write_stdin(typed.join("\n") + "\n")
        .assert()
        .success();
    assert_eq!(formatted(&dst, "beginning", "%s"), values.to_vec());
}
