//! Avro and Protobuf with the local registry (issue 18): publish encodes, tail decodes, the
//! envelope round-trips byte for byte, and ids, routes and hostile payloads behave.

use crate::common::*;
use predicates::prelude::*;
use std::path::PathBuf;

const SHIPPED_V1: &str = r#"{"type":"record","name":"Shipped","namespace":"shop","fields":[
 {"name":"orderId","type":"string"},
 {"name":"total","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},
 {"name":"carrier","type":["null","string"],"default":null},
 {"name":"price","type":"shop.Money"},
 {"name":"status","type":{"type":"enum","name":"Status","symbols":["NEW","SENT"]}},
 {"name":"at","type":{"type":"long","logicalType":"timestamp-millis"}}]}"#;
const MONEY_AVSC: &str = r#"{"type":"record","name":"Money","namespace":"shop","fields":[{"name":"cents","type":"long"},{"name":"currency","type":"string"}]}"#;
const MONEY_PROTO: &str =
    "syntax = \"proto3\";\npackage common;\nmessage Money { int64 cents = 1; string currency = 2; }\n";
const STOCK_V1: &str = r#"syntax = "proto3";
package stock;
import "_common/money.proto";
import "google/protobuf/timestamp.proto";
message Reserved {
  string sku = 1;
  int32 qty = 2;
  common.Money price = 3;
  google.protobuf.Timestamp at = 4;
  message Line { string sku = 1; message Note { string text = 1; } }
  repeated Line lines = 5;
  oneof pay { string card = 6; string iban = 7; }
}
"#;
const KEY_AVSC: &str =
    r#"{"type":"record","name":"Key","namespace":"shop","fields":[{"name":"id","type":"string"}]}"#;

/// A registry with an Avro subject for `shipped`'s values (ids 101, 102 for v1, v2), a
/// Protobuf one for `stock`'s (201 and a GUID), and an Avro key subject for `shipped`.
fn registry(shipped: &str, stock: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(unique("formats-reg"));
    let v2 = SHIPPED_V1.replace(
        r#"{"name":"at""#,
        r#"{"name":"note","type":"string","default":""},{"name":"at""#,
    );
    let files: Vec<(String, String)> = vec![
        (format!("{shipped}-value/v1.avsc"), SHIPPED_V1.into()),
        (format!("{shipped}-value/v2.avsc"), v2),
        (format!("{shipped}-key/v1.avsc"), KEY_AVSC.into()),
        ("_common/money.avsc".into(), MONEY_AVSC.into()),
        ("_common/money.proto".into(), MONEY_PROTO.into()),
        (format!("{stock}-value/v1.proto"), STOCK_V1.into()),
        (
            "registry.toml".into(),
            format!(
                "[subjects.{shipped}-value.ids]\n1 = 101\n2 = 102\n[subjects.{shipped}-key.ids]\n1 = 111\n[subjects.{stock}-value.ids]\n1 = [201, \"0123e567-e89b-12d3-a456-426614174000\"]\n"
            ),
        ),
    ];
    for (rel, text) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn with_reg(reg: &PathBuf) -> assert_cmd::Command {
    let mut c = evtctl();
    c.env("EVTCTL_REGISTRY", reg);
    c
}

/// The raw bytes of each record's value, as hex (decoding off).
fn raw_values(reg: &PathBuf, topic: &str) -> Vec<String> {
    let out = with_reg(reg)
        .args(["tail", topic, "--from", "beginning", "--until", "end"])
        .args(["--no-decode", "--value-type", "hex", "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
        .iter()
        .map(|r| r["value"].as_str().unwrap_or("null").to_string())
        .collect()
}

fn tail_json(reg: &PathBuf, topic: &str, extra: &[&str]) -> (Vec<serde_json::Value>, String) {
    let out = with_reg(reg)
        .args([
            "tail",
            topic,
            "--from",
            "beginning",
            "--until",
            "end",
            "-o",
            "json",
        ])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        json_lines(&out.stdout),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn avro_and_protobuf_events_round_trip_through_the_envelope_byte_for_byte() {
    let shipped = topic("shipped", 1);
    let stock = topic("stock", 1);
    let reg = registry(&shipped, &stock);
    let events = [
        r#"{"orderId":"ord-991","total":"12.30","price":{"cents":1230,"currency":"EUR"},"status":"SENT","at":"2026-12-05T11:30:00.123Z"}"#,
        r#"{"orderId":"ord-992","total":-0.5,"carrier":"dhl","price":{"cents":1,"currency":"EUR"},"status":"NEW","at":0}"#,
    ];
    for e in events {
        with_reg(&reg)
            .args([
                "publish",
                &shipped,
                "--value-schema",
                &format!("{shipped}-value@1"),
                e,
            ])
            .assert()
            .success();
    }
    // Keys through the `<topic>-key` subject, the latest value version through the route.
    with_reg(&reg)
        .args(["publish", &shipped, "--key", r#"{"id":"k-1"}"#])
        .arg(r#"{"orderId":"ord-993","total":"1","price":{"cents":5,"currency":"USD"},"status":"NEW","at":5,"note":"n"}"#)
        .assert()
        .success();
    let stock_events = [
        r#"{"sku":"A-1","qty":2,"price":{"cents":"500","currency":"EUR"},"at":"2026-12-05T10:00:00Z","lines":[{"sku":"x"}],"card":"4111"}"#,
        r#"{"sku":"B-2"}"#,
    ];
    for e in stock_events {
        with_reg(&reg)
            .args(["publish", &stock, e])
            .assert()
            .success();
    }
    with_reg(&reg)
        .args([
            "publish",
            &stock,
            "--id-header",
            r#"{"sku":"C-3","iban":"DE00"}"#,
        ])
        .assert()
        .success();

    let (recs, _) = tail_json(&reg, &shipped, &[]);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["value_encoding"], "avro");
    assert_eq!(recs[0]["value"]["total"], "12.30");
    assert_eq!(recs[0]["value"]["carrier"], serde_json::Value::Null);
    assert_eq!(recs[0]["value"]["at"], "2026-12-05T11:30:00.123Z");
    assert_eq!(recs[0]["value_schema"]["id"], 101);
    assert_eq!(recs[1]["value"]["total"], "-0.50");
    assert_eq!(recs[2]["value_schema"]["version"], 2);
    assert_eq!(recs[2]["value_schema"]["id"], 102);
    assert_eq!(recs[2]["key"]["id"], "k-1");
    assert_eq!(recs[2]["key_encoding"], "avro");
    assert_eq!(recs[2]["key_schema"]["id"], 111);
    // The wire format: magic 0, id 101 big-endian, then the Avro datum.
    let raw = raw_values(&reg, &shipped);
    assert!(raw[0].starts_with("0000000065"), "{}", raw[0]);

    let (srecs, _) = tail_json(&reg, &stock, &[]);
    assert_eq!(srecs.len(), 3);
    assert_eq!(srecs[0]["value_encoding"], "protobuf");
    assert_eq!(srecs[0]["value"]["price"]["cents"], "500");
    assert_eq!(srecs[0]["value"]["card"], "4111");
    assert_eq!(srecs[0]["value_schema"]["message"], "stock.Reserved");
    assert_eq!(srecs[2]["value_schema"]["framing"], "header");
    assert_eq!(
        srecs[2]["value_schema"]["id"],
        "0123e567-e89b-12d3-a456-426614174000"
    );
    // Prefix, id 201, the message index [0] as one 0 byte, then the message.
    let raw_stock = raw_values(&reg, &stock);
    assert!(raw_stock[0].starts_with("00000000c900"), "{}", raw_stock[0]);

    // The envelope back through publish: identical bytes, keys and headers too.
    for (from, raw_from) in [(&shipped, raw.clone()), (&stock, raw_stock.clone())] {
        let copy = topic("formats-copy", 1);
        let out = with_reg(&reg)
            .args([
                "tail",
                from,
                "--from",
                "beginning",
                "--until",
                "end",
                "-o",
                "json",
            ])
            .output()
            .unwrap();
        with_reg(&reg)
            .args(["publish", &copy, "--format", "envelope"])
            .write_stdin(out.stdout)
            .assert()
            .success();
        assert_eq!(raw_values(&reg, &copy), raw_from);
        let keys = |t: &str| {
            let out = with_reg(&reg)
                .args([
                    "tail",
                    t,
                    "--from",
                    "beginning",
                    "--until",
                    "end",
                    "--no-decode",
                ])
                .args(["--key-type", "hex", "-o", "json"])
                .output()
                .unwrap();
            json_lines(&out.stdout)
                .iter()
                .map(|r| (r["key"].clone(), r["headers"].clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&copy), keys(from));
    }
}

#[test]
fn filters_formats_and_pretty_output_see_decoded_values() {
    let shipped = topic("shipped-f", 1);
    let reg = registry(&shipped, "unused-stock");
    for (id, cents) in [("a", 100), ("b", 5000)] {
        with_reg(&reg)
            .args(["publish", &shipped])
            .arg(format!(
                r#"{{"orderId":"{id}","total":"1","price":{{"cents":{cents},"currency":"EUR"}},"status":"NEW","at":0}}"#
            ))
            .assert()
            .success();
    }
    let (recs, _) = tail_json(&reg, &shipped, &["--filter", ".value.price.cents > 1000"]);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["value"]["orderId"], "b");
    let out = with_reg(&reg)
        .args(["tail", &shipped, "--from", "beginning", "--until", "end"])
        .args(["--format", "%s\n"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(r#"{"orderId":"a","total":"1.00","carrier":null,"#),
        "{text}"
    );
    with_reg(&reg)
        .args([
            "tail",
            &shipped,
            "--from",
            "beginning",
            "--until",
            "end",
            "-o",
            "pretty",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(r#""orderId": "b""#))
        .stdout(predicate::str::contains(format!(
            "value: avro {shipped}-value@2, id 102"
        )));
}

#[test]
fn unknown_ids_and_bytes_that_do_not_decode_are_named_never_guessed() {
    let shipped = topic("shipped-bad", 1);
    let reg = registry(&shipped, "unused-stock");
    // Id 999 (unknown), a truncated datum with id 101, trailing bytes, JSON text without framing.
    let payloads = [
        "00000003e70a",
        "00000000650a6f72",
        "000000006502610201000200000000ff",
        "7b7d",
    ];
    let lines: String = payloads
        .iter()
        .map(|p| format!("{{\"value\":\"{p}\",\"value_encoding\":\"hex\"}}\n"))
        .collect();
    // The gate refuses what does not decode with the schema the topic is routed to...
    with_reg(&reg)
        .args(["publish", &shipped, "--format", "envelope"])
        .write_stdin(lines.clone())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "schema id 999 is not in the local registry",
        ));
    // ...and --no-validate sends it anyway, for tail to show as bytes, each one located.
    with_reg(&reg)
        .args(["publish", &shipped, "--format", "envelope", "--no-validate"])
        .write_stdin(lines)
        .assert()
        .success();
    let (recs, stderr) = tail_json(&reg, &shipped, &[]);
    assert_eq!(recs.len(), 4);
    for r in &recs {
        assert_ne!(r["value_encoding"], "avro", "{r}");
        assert!(r["value_error"].is_string(), "{r}");
        assert!(r.get("value_schema").is_none(), "{r}");
    }
    assert!(recs[0]["value_error"]
        .as_str()
        .unwrap()
        .starts_with("schema id 999 is not in the local registry (add it under [subjects."));
    assert!(
        recs[2]["value_error"]
            .as_str()
            .unwrap()
            .contains("left after"),
        "{}",
        recs[2]
    );
    assert!(
        recs[3]["value_error"]
            .as_str()
            .unwrap()
            .contains("wire format"),
        "{}",
        recs[3]
    );
    for offset in 0..4 {
        assert!(
            stderr.contains(&format!("{shipped}/0@{offset}: value: ")),
            "{stderr}"
        );
    }
    assert!(
        stderr.contains("4 not decoded with the registry"),
        "{stderr}"
    );
    // The bytes are kept: the envelope still round-trips.
    assert_eq!(raw_values(&reg, &shipped), payloads);
}

#[test]
fn events_that_do_not_fit_the_schema_are_rejected_with_the_field_path() {
    let shipped = topic("shipped-rej", 1);
    let stock = topic("stock-rej", 1);
    let reg = registry(&shipped, &stock);
    with_reg(&reg)
        .args(["publish", &shipped])
        .arg(r#"{"orderId":"x","total":"1.234","price":{"cents":1,"currency":"EUR"},"status":"NEW","at":0}"#)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/total: `1.234` has more than 2 digit(s)"));
    with_reg(&reg)
        .args(["publish", &shipped])
        .arg(r#"{"orderId":"x","total":"1","price":{"cents":"many","currency":"EUR"},"status":"NEW","at":0}"#)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/price/cents: expected a long"));
    with_reg(&reg)
        .args(["publish", &stock, r#"{"sku":"A","lines":[{"sku":1}]}"#])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/lines/0/sku"));
    assert_eq!(high_watermarks(&broker().bootstrap, &shipped), 0);
}

#[test]
fn registry_toml_ids_are_checked() {
    let dir = std::env::temp_dir().join(unique("formats-ids"));
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("a/v1.avsc"), r#""string""#).unwrap();
    std::fs::write(dir.join("b/v1.avsc"), r#""long""#).unwrap();
    std::fs::write(
        dir.join("registry.toml"),
        "[subjects.a.ids]\n1 = 7\n\n[subjects.b.ids]\n1 = 7\n",
    )
    .unwrap();
    evtctl()
        .env("EVTCTL_REGISTRY", &dir)
        .args(["schema", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("schema id 7 is used twice"))
        .stderr(predicate::str::contains("registry.toml:5:"))
        .stderr(predicate::str::contains("at line 2 (a@1)"));
    // One format per subject.
    std::fs::write(dir.join("registry.toml"), "").unwrap();
    std::fs::write(
        dir.join("a/v2.proto"),
        "syntax = \"proto3\";\nmessage A {}\n",
    )
    .unwrap();
    evtctl()
        .env("EVTCTL_REGISTRY", &dir)
        .args(["schema", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("one schema format per subject"));
}

#[test]
fn validate_and_transforms_work_on_decoded_values() {
    let shipped = topic("shipped-v", 1);
    let reg = registry(&shipped, "unused-stock");
    with_reg(&reg)
        .args(["publish", &shipped])
        .arg(r#"{"orderId":"a","total":"1","price":{"cents":1,"currency":"EUR"},"status":"NEW","at":0}"#)
        .assert()
        .success();
    // One record with an unknown id among them (sent past the gate).
    with_reg(&reg)
        .args(["publish", &shipped, "--format", "envelope", "--no-validate"])
        .write_stdin("{\"value\":\"00000003e70a\",\"value_encoding\":\"hex\"}\n")
        .assert()
        .success();
    let out = with_reg(&reg)
        .args(["validate", &shipped, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    let summary = lines.last().unwrap();
    assert_eq!(summary["checked"], 2, "{summary}");
    assert_eq!(summary["valid"], 1, "{summary}");
    assert!(
        out.stdout.windows(10).any(|w| w == b"schema id "),
        "{lines:?}"
    );

    // A transform sees the decoded value; its result is encoded with the same schema.
    let copy = topic("shipped-t", 1);
    with_reg(&reg)
        .args([
            "replay",
            "--from-topic",
            &shipped,
            "--from",
            "beginning",
            "--until",
            "1",
        ])
        .args([
            "--to",
            &copy,
            "--transform",
            ".value.orderId |= ascii_upcase",
        ])
        .assert()
        .success();
    let (recs, _) = tail_json(&reg, &copy, &[]);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["value"]["orderId"], "A");
    assert_eq!(recs[0]["value_schema"]["id"], 102);
    // The identity keeps the bytes.
    let same = topic("shipped-i", 1);
    with_reg(&reg)
        .args([
            "replay",
            "--from-topic",
            &shipped,
            "--from",
            "beginning",
            "--until",
            "1",
        ])
        .args(["--to", &same, "--transform", "."])
        .assert()
        .success();
    assert_eq!(raw_values(&reg, &same), raw_values(&reg, &shipped)[..1]);
}

#[test]
fn compat_blocks_a_breaking_avsc_or_proto_change_and_reads_files_by_extension() {
    let dir = std::env::temp_dir().join(unique("formats-compat"));
    std::fs::create_dir_all(dir.join("_common")).unwrap();
    std::fs::write(dir.join("_common/money.avsc"), MONEY_AVSC).unwrap();
    std::fs::write(dir.join("_common/money.proto"), MONEY_PROTO).unwrap();
    std::fs::write(dir.join("v1.avsc"), SHIPPED_V1).unwrap();
    let narrowed = SHIPPED_V1.replace(r#"["NEW","SENT"]"#, r#"["NEW"]"#);
    std::fs::write(dir.join("v2.avsc"), narrowed).unwrap();
    evtctl()
        .args(["compat", "--old"])
        .arg(dir.join("v1.avsc"))
        .arg("--new")
        .arg(dir.join("v2.avsc"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("MISSING_ENUM_SYMBOLS"));
    std::fs::write(dir.join("v1.proto"), STOCK_V1).unwrap();
    std::fs::write(
        dir.join("v2.proto"),
        STOCK_V1.replace("int32 qty = 2;", "string qty = 2;"),
    )
    .unwrap();
    evtctl()
        .args(["compat", "--old"])
        .arg(dir.join("v1.proto"))
        .arg("--new")
        .arg(dir.join("v2.proto"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("FIELD_SCALAR_KIND_CHANGED"));
    // An .avsc is never read as JSON Schema: Avro that is not Avro is an error (exit 2).
    std::fs::write(dir.join("bad.avsc"), r#"{"type":"object","properties":{}}"#).unwrap();
    evtctl()
        .args(["compat", "--old"])
        .arg(dir.join("v1.avsc"))
        .arg("--new")
        .arg(dir.join("bad.avsc"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not an Avro schema"));
}

#[test]
fn dead_letter_samples_and_skipped_records_are_shown_decoded() {
    let shipped = topic("shipped-d", 1);
    let dlq = topic("shipped-dlq", 1);
    let reg = registry(&shipped, "unused-stock");
    with_reg(&reg)
        .args(["publish", &dlq, "--value-schema", &format!("{shipped}-value")])
        .args(["-H", "__connect.errors.exception.class.name=java.lang.NullPointerException"])
        .args(["-H", &format!("__connect.errors.topic={shipped}")])
        .arg(r#"{"orderId":"poison-1","total":"1","price":{"cents":1,"currency":"EUR"},"status":"NEW","at":0}"#)
        .assert()
        .success();
    let out = with_reg(&reg)
        .args(["dlq", "stats", &dlq, "-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(r#"\"orderId\":\"poison-1\""#), "{text}");
    // Without the registry the same sample is bytes.
    let out = evtctl()
        .env("EVTCTL_REGISTRY", "/nonexistent-registry")
        .args(["dlq", "stats", &dlq, "-o", "json"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains(r#"\"orderId\""#));
}

#[test]
fn framed_json_schema_payloads_round_trip_and_are_checked() {
    let t = topic("framed-json", 1);
    let dir = std::env::temp_dir().join(unique("formats-json"));
    std::fs::create_dir_all(dir.join("orders")).unwrap();
    std::fs::write(
        dir.join("orders/v1.schema.json"),
        r#"{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}"#,
    )
    .unwrap();
    std::fs::write(dir.join("registry.toml"), "[subjects.orders.ids]\n1 = 55\n").unwrap();
    with_reg(&dir)
        .args(["publish", &t, "--value-schema", "orders", r#"{"id":"a"}"#])
        .assert()
        .success();
    with_reg(&dir)
        .args(["publish", &t, "--value-schema", "orders", r#"{"nope":1}"#])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid against orders@1"));
    assert_eq!(
        raw_values(&dir, &t),
        ["0000000037".to_string() + &hex_of(br#"{"id":"a"}"#)]
    );
    let (recs, _) = tail_json(&dir, &t, &[]);
    assert_eq!(recs[0]["value"]["id"], "a");
    assert_eq!(recs[0]["value_encoding"], "json");
    assert_eq!(recs[0]["value_schema"]["id"], 55);
    let copy = topic("framed-json-copy", 1);
    let out = with_reg(&dir)
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
        .output()
        .unwrap();
    with_reg(&dir)
        .args(["publish", &copy, "--format", "envelope"])
        .write_stdin(out.stdout)
        .assert()
        .success();
    assert_eq!(raw_values(&dir, &copy), raw_values(&dir, &t));
}

fn hex_of(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn a_schema_and_a_type_for_the_same_part_are_a_usage_error() {
    let shipped = topic("shipped-u", 1);
    let reg = registry(&shipped, "unused-stock");
    with_reg(&reg)
        .args([
            "publish",
            &shipped,
            "--value-schema",
            &format!("{shipped}-value"),
        ])
        .args(["--value-type", "int64", "7"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot be combined with --value-type int64",
        ));
    assert_eq!(high_watermarks(&broker().bootstrap, &shipped), 0);
}
