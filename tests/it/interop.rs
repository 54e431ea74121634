//! Interop with an independent client. kcat (librdkafka 2.0.2 in Debian) on the embedded
//! broker; on other brokers (Tansu in CI), the confluent-kafka Python client.

use crate::common::*;
use std::process::Command;

fn kcat_available() -> bool {
    Command::new("kcat")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn kcat_reads_what_evtctl_publishes_and_vice_versa() {
    if !broker().embedded {
        return; // kcat's librdkafka cannot talk to Tansu 0.6; python_client_interop covers it.
    }
    assert!(
        kcat_available(),
        "kcat is needed for this test (apt-get install kcat)"
    );
    let b = &broker().bootstrap;

    // evtctl → kcat
    let t = topic("to-kcat", 1);
    evtctl()
        .args([
            "publish",
            &t,
            "-k",
            "order-1",
            "-H",
            "h1=v1",
            "-H",
            "h1=v2",
            r#"{"id":1}"#,
        ])
        .assert()
        .success();
    let out = Command::new("kcat")
        .args(["-C", "-b", b, "-t", &t, "-e", "-J", "-q"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let msgs = json_lines(&out.stdout);
    assert_eq!(msgs.len(), 1);
    assert_eq!(msgs[0]["key"], "order-1");
    assert_eq!(msgs[0]["payload"], r#"{"id":1}"#);
    assert_eq!(
        msgs[0]["headers"],
        serde_json::json!(["h1", "v1", "h1", "v2"])
    );

    // kcat → evtctl
    let t = topic("from-kcat", 1);
    let mut kcat = Command::new("kcat")
        .args([
            "-P",
            "-b",
            b,
            "-t",
            &t,
            "-K",
            ":",
            "-H",
            "trace=abc",
            "-H",
            "trace=def",
        ])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    kcat.stdin
        .take()
        .unwrap()
        .write_all(b"k1:{\"a\":1}\nk2:plain text\n")
        .unwrap();
    assert!(kcat.wait().unwrap().success());
    let recs: Vec<serde_json::Value> = read_all(&t, &[])
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["key"], "k1");
    assert_eq!(recs[0]["value"], serde_json::json!({"a": 1}));
    assert_eq!(recs[1]["key"], "k2");
    assert_eq!(recs[1]["value"], "plain text");
    assert_eq!(
        recs[0]["headers"],
        serde_json::json!([{"name":"trace","value":"abc"},{"name":"trace","value":"def"}])
    );
}

#[test]
fn python_client_interop() {
    if broker().embedded {
        return; // kcat covers the embedded broker.
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/interop/ck_client.py");
    let b = &broker().bootstrap;

    // evtctl → confluent-kafka
    let t = topic("to-ck", 1);
    evtctl()
        .args([
            "publish",
            &t,
            "-k",
            "order-1",
            "-H",
            "h1=v1",
            "-H",
            "h1=v2",
            "-H",
            "nil",
            r#"{"id":1}"#,
        ])
        .assert()
        .success();
    let out = Command::new("python3")
        .args([script, "consume", b, &t, "1"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let msgs = json_lines(&out.stdout);
    assert_eq!(msgs[0]["key"], "order-1");
    assert_eq!(msgs[0]["value"], r#"{"id":1}"#);
    assert_eq!(
        msgs[0]["headers"],
        serde_json::json!([["h1", "v1"], ["h1", "v2"], ["nil", null]])
    );

    // confluent-kafka → evtctl
    let t = topic("from-ck", 1);
    let out = Command::new("python3")
        .args([script, "produce", b, &t])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs: Vec<serde_json::Value> = read_all(&t, &[])
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["key"], "k1");
    assert_eq!(recs[0]["value"], serde_json::json!({"a": 1}));
    assert_eq!(
        recs[0]["headers"],
        serde_json::json!([{"name":"trace","value":"abc"},{"name":"bin","value":"/wE=","encoding":"base64"}])
    );
    assert_eq!(recs[1]["value_encoding"], "base64");
}
