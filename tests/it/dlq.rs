//! `dlq stats` on dead-letter records written by an independent client (rdkafka directly, not
//! evtctl's writer) with real frameworks' header conventions and encodings.

use crate::common::*;

/// A record's value and its headers.
type DlqRecord<'a> = (&'a [u8], Vec<(&'a str, Vec<u8>)>);

fn produce(topic: &str, records: &[DlqRecord<'_>]) {
    let recs: Vec<Produced<'_>> = records
        .iter()
        .map(|(value, headers)| Produced {
            partition: 0,
            key: None,
            value,
            headers: headers.clone(),
        })
        .collect();
    produce_with(&broker().bootstrap, topic, &recs);
}

#[test]
fn stats_decode_connect_and_spring_headers() {
    let dlq = topic("dlq", 1);
    let connect = |msg: &str| -> Vec<(&str, Vec<u8>)> {
        vec![
            ("__connect.errors.topic", b"orders".to_vec()),
            ("__connect.errors.partition", b"3".to_vec()),
            ("__connect.errors.offset", b"1042".to_vec()),
            (
                "__connect.errors.exception.class.name",
                b"org.apache.kafka.connect.errors.DataException".to_vec(),
            ),
            (
                "__connect.errors.exception.message",
                msg.as_bytes().to_vec(),
            ),
        ]
    };
    let spring: Vec<(&str, Vec<u8>)> = vec![
        ("kafka_dlt-original-topic", b"payments".to_vec()),
        ("kafka_dlt-original-partition", 2i32.to_be_bytes().to_vec()),
        ("kafka_dlt-original-offset", 77i64.to_be_bytes().to_vec()),
        (
            "kafka_dlt-exception-fqcn",
            b"java.lang.IllegalStateException".to_vec(),
        ),
        (
            "kafka_dlt-exception-message",
            b"amount 12.50 is negative".to_vec(),
        ),
        ("evtctl-redrive-count", b"1".to_vec()),
    ];
    produce(
        &dlq,
        &[
            (
                b"{\"orderId\":\"o-1\"}",
                connect("Failed to convert field 17 of record 991"),
            ),
            (
                b"{\"orderId\":\"o-2\"}",
                connect("Failed to convert field 18 of record 992"),
            ),
            (b"\x1b[2J poison", spring),
        ],
    );
    let out = evtctl()
        .args(["dlq", "stats", &dlq, "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["total"], 3);
    let count = |list: &str, key: &str| {
        s[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["key"] == key)
            .map(|c| c["count"].clone())
    };
    assert_eq!(count("by_origin_topic", "orders"), Some(2.into()));
    assert_eq!(count("by_origin_topic", "payments"), Some(1.into()));
    assert_eq!(count("by_convention", "kafka-connect"), Some(2.into()));
    assert_eq!(count("by_convention", "spring-dlt"), Some(1.into()));
    assert_eq!(count("redrives", "1"), Some(1.into()));
    let errors = s["by_error"].as_array().unwrap();
    assert_eq!(
        errors[0]["error_class"],
        "org.apache.kafka.connect.errors.DataException"
    );
    assert_eq!(
        errors[0]["count"], 2,
        "messages differing only in numbers group together"
    );
    // Payloads shown to a terminal are escaped.
    let pretty = evtctl()
        .args(["dlq", "stats", &dlq, "-o", "pretty"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&pretty.stdout);
    assert!(
        text.contains("3 record(s)") && text.contains("payments"),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "no raw escape sequence reaches the terminal"
    );
    // Alerting: more than 2 → exit 1.
    evtctl()
        .args(["dlq", "stats", &dlq, "--fail-above", "2"])
        .assert()
        .code(1);
    evtctl()
        .args(["dlq", "stats", &dlq, "--fail-above", "3"])
        .assert()
        .success();
}
