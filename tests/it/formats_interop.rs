//! Avro and Protobuf interop with Confluent's own serializers (confluent-kafka's
//! `AvroSerializer`/`ProtobufSerializer` and their deserializers, `tests/interop/ck_serde.py`),
//! keys and values, prefix and header (GUID) framing, on every broker the suite runs against.
//!
//! For each format and framing: records the Python serializers write decode in `tail -o json`
//! field for field; `tail -o json | publish --format envelope` writes back identical bytes;
//! records `evtctl publish` encodes are decoded by the Python deserializers to the same values,
//! and are byte for byte what the Python serializers wrote (maps of one entry at most: map
//! order is the writer's choice, and such records keep their bytes in the envelope).

use crate::common::*;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/interop/formats");
const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/interop/ck_serde.py");

#[derive(Clone, Copy, PartialEq)]
enum Fmt {
    Avro,
    /// Top-level primitives: a `"string"` key and a `"bytes"` value (written without a length).
    AvroPrimitive,
    Protobuf,
    /// The first message of each file (index `[0]`, one 0 byte) and well-known types.
    ProtobufFirst,
}

impl Fmt {
    fn name(self) -> &'static str {
        match self {
            Fmt::Avro => "avro",
            Fmt::AvroPrimitive => "avro-primitive",
            Fmt::Protobuf => "protobuf",
            Fmt::ProtobufFirst => "protobuf-first",
        }
    }
    /// The envelope's `value_encoding` for it.
    fn encoding(self) -> &'static str {
        match self {
            Fmt::Avro | Fmt::AvroPrimitive => "avro",
            Fmt::Protobuf | Fmt::ProtobufFirst => "protobuf",
        }
    }
    fn events_file(self) -> String {
        match self {
            Fmt::Avro => format!("{DIR}/avro-events.jsonl"),
            Fmt::AvroPrimitive => format!("{DIR}/avro-primitive-events.jsonl"),
            Fmt::Protobuf => format!("{DIR}/proto-events.jsonl"),
            Fmt::ProtobufFirst => format!("{DIR}/proto-first-events.jsonl"),
        }
    }
    /// (key subject, value subject) and their Protobuf messages.
    fn subjects(self) -> [(&'static str, Option<&'static str>); 2] {
        match self {
            Fmt::Avro => [("order-key", None), ("order-value", None)],
            Fmt::AvroPrimitive => [("prim-key", None), ("prim-value", None)],
            Fmt::Protobuf => [
                ("porder-key", Some("interop.keys.Wrapper.Inner.Key")),
                ("porder-value", Some("interop.Outer.Order")),
            ],
            Fmt::ProtobufFirst => [("pfirst-key", None), ("pfirst-value", None)],
        }
    }
    fn events(self) -> Vec<Value> {
        std::fs::read_to_string(self.events_file())
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

/// Events marked `"exact": false` hold a map of two entries or more: their bytes follow the
/// writer's entry order, which a decoded form cannot carry, so the envelope keeps their bytes
/// (base64) with the decoded form beside them, every time.
fn exact(event: &Value) -> bool {
    event.get("exact") != Some(&json!(false))
}

/// Schema ids the Python side registered: (numeric id, GUID) for key and value.
#[derive(Debug, Clone, PartialEq)]
struct Ids {
    key: (u64, String),
    value: (u64, String),
}

fn ids_of(line: &str) -> Ids {
    let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    let one = |p: &str| {
        (
            v["ids"][p]["id"].as_u64().unwrap(),
            v["ids"][p]["guid"].as_str().unwrap().to_string(),
        )
    };
    Ids {
        key: one("key"),
        value: one("value"),
    }
}

fn python_ready() {
    let ok = Command::new("python3")
        .args([
            "-c",
            "import confluent_kafka.schema_registry.avro, confluent_kafka.schema_registry.protobuf, grpc_tools.protoc",
        ])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "these tests need python3 with confluent-kafka[avro,protobuf] and grpcio-tools (see .ci/run)"
    );
}

/// A registry with the format's subjects, mapping each version 1 to the numeric id and GUIDs
/// (the first GUID is the one `publish --id-header` writes).
fn registry(fmt: Fmt, ids: &Ids, guids: &[&Ids]) -> PathBuf {
    let root = std::env::temp_dir().join(unique("formats-registry"));
    std::fs::create_dir_all(root.join("_common")).unwrap();
    std::fs::copy(
        format!("{DIR}/_common/money.proto"),
        root.join("_common/money.proto"),
    )
    .unwrap();
    let mut toml = String::new();
    for (i, (subject, message)) in fmt.subjects().into_iter().enumerate() {
        let ext = if fmt.encoding() == "protobuf" {
            "proto"
        } else {
            "avsc"
        };
        std::fs::create_dir_all(root.join(subject)).unwrap();
        std::fs::copy(
            format!("{DIR}/{subject}/v1.{ext}"),
            root.join(subject).join(format!("v1.{ext}")),
        )
        .unwrap();
        let pick = |x: &Ids| {
            if i == 0 {
                x.key.clone()
            } else {
                x.value.clone()
            }
        };
        if let Some(m) = message {
            toml.push_str(&format!("[subjects.{subject}]\nmessage = \"{m}\"\n"));
        }
        let mut entry = vec![pick(ids).0.to_string()];
        entry.extend(guids.iter().map(|g| format!("\"{}\"", pick(g).1)));
        toml.push_str(&format!(
            "[subjects.{subject}.ids]\n1 = [{}]\n",
            entry.join(", ")
        ));
    }
    std::fs::write(root.join("registry.toml"), toml).unwrap();
    root
}

/// `tail -o json` with the registry (decoded).
fn tail_decoded(topic: &str, reg: &Path) -> Vec<Value> {
    let out = evtctl()
        .arg("--registry")
        .arg(reg)
        .args(["tail", topic, "--from", "beginning", "--until", "end"])
        .args(["-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "tail failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
}

/// `tail -o json` with no registry: the records' bytes (key, value, headers) as the envelope
/// writes them.
fn raw(topic: &str) -> Vec<Value> {
    let empty = std::env::temp_dir().join(unique("no-registry"));
    std::fs::create_dir_all(&empty).unwrap();
    let out = evtctl()
        .current_dir(&empty)
        .args(["tail", topic, "--from", "beginning", "--until", "end"])
        .args(["-o", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "tail failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
        .into_iter()
        .map(|r| {
            json!({"key": r["key"], "key_encoding": r["key_encoding"], "value": r["value"],
                   "value_encoding": r["value_encoding"], "headers": r["headers"]})
        })
        .collect()
}

fn python(args: &[&str]) -> Command {
    let mut c = Command::new("python3");
    c.arg(SCRIPT).args(args);
    c
}

/// The Python side writes the events to a topic; returns the topic and its ids.
fn python_produces(fmt: Fmt, framing: &str) -> (String, Ids) {
    let t = topic(&format!("ck-{}-{framing}", fmt.name()), 1);
    let out = python(&[
        "produce",
        &broker().bootstrap,
        &t,
        DIR,
        fmt.name(),
        &fmt.events_file(),
        framing,
    ])
    .output()
    .unwrap();
    assert!(
        out.status.success(),
        "ck_serde.py produce: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    (t, ids_of(stdout.lines().next().expect("the ids line")))
}

fn decoded_part(fmt: Fmt, rec: &Value, part: &str, event: &Value, ids: &Ids, framing: &str) {
    let want = &event[part];
    let at = format!("offset {} {part}", rec["offset"]);
    let schema = &rec[format!("{part}_schema")];
    let (subject, _) = fmt.subjects()[usize::from(part == "value")];
    assert_eq!(schema["subject"], subject, "{at}: {rec}");
    assert_eq!(schema["version"], 1, "{at}");
    assert_eq!(schema["framing"], framing, "{at}");
    let id = if part == "key" { &ids.key } else { &ids.value };
    if framing == "header" {
        assert_eq!(schema["id"], json!(id.1), "{at}");
    } else {
        assert_eq!(schema["id"], json!(id.0), "{at}");
    }
    if part == "key" || exact(event) {
        assert_eq!(
            rec[format!("{part}_encoding")],
            fmt.encoding(),
            "{at}: {rec}"
        );
        assert_eq!(&rec[part], want, "{at}: decoded field for field");
    } else {
        assert_eq!(rec[format!("{part}_encoding")], "base64", "{at}: {rec}");
        assert_eq!(&rec[format!("{part}_decoded")], want, "{at}: decoded form");
    }
}

fn interop(fmt: Fmt, framing: &str) {
    python_ready();
    let events = fmt.events();

    // Confluent's serializers → evtctl tail, field for field.
    let (from_ck, ids) = python_produces(fmt, framing);
    let reg = registry(fmt, &ids, &[&ids]);
    let recs = tail_decoded(&from_ck, &reg);
    assert_eq!(recs.len(), events.len());
    for (rec, want) in recs.iter().zip(&events) {
        assert!(
            rec.get("key_error").is_none() && rec.get("value_error").is_none(),
            "{rec}"
        );
        decoded_part(fmt, rec, "key", want, &ids, framing);
        decoded_part(fmt, rec, "value", want, &ids, framing);
    }

    // tail -o json | publish --format envelope: identical bytes.
    let copy = topic(&format!("ck-{}-{framing}-copy", fmt.name()), 1);
    let lines: String = recs.iter().map(|r| format!("{r}\n")).collect();
    evtctl()
        .arg("--registry")
        .arg(&reg)
        .args(["publish", &copy, "--format", "envelope"])
        .write_stdin(lines)
        .assert()
        .success();
    let original = raw(&from_ck);
    assert_eq!(
        raw(&copy),
        original,
        "the envelope round trip changed bytes"
    );

    // evtctl publish → Confluent's deserializers. The consumer registers the same schemas in
    // the same order (same numeric ids, new GUIDs) and says so before it reads.
    let to_ck = topic(&format!("evtctl-{}-{framing}", fmt.name()), 1);
    let mut consumer = python(&[
        "consume",
        &broker().bootstrap,
        &to_ck,
        DIR,
        fmt.name(),
        &fmt.events_file(),
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut lines = BufReader::new(consumer.stdout.take().unwrap()).lines();
    let consumer_ids = ids_of(&lines.next().expect("the consumer's ids line").unwrap());
    assert_eq!(
        (consumer_ids.key.0, consumer_ids.value.0),
        (ids.key.0, ids.value.0),
        "mock registries give the same ids to the same registrations"
    );
    let reg = registry(fmt, &ids, &[&consumer_ids, &ids]);
    let [(key_subject, _), (value_subject, _)] = fmt.subjects();
    for e in &events {
        let mut c = evtctl();
        c.arg("--registry")
            .arg(&reg)
            .args(["publish", &to_ck, "-p", "0"])
            .args(["--key-schema", key_subject, "--value-schema", value_subject])
            .args(["-k", &e["key"].to_string()]);
        if framing == "header" {
            c.arg("--id-header");
        }
        c.arg(e["value"].to_string()).assert().success();
    }
    let got: Vec<Value> = lines
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    let status = consumer.wait().unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut consumer.stderr.take().unwrap(), &mut err).unwrap();
    assert!(status.success(), "ck_serde.py consume: {err}");
    assert_eq!(got.len(), events.len(), "{err}");
    for (g, want) in got.iter().zip(&events) {
        assert_eq!(g["key_ok"], true, "{g} expected {}", want["key"]);
        assert_eq!(g["value_ok"], true, "{g} expected {}", want["value"]);
    }

    // And evtctl wrote the very bytes Confluent's serializers wrote.
    let ours = raw(&to_ck);
    for (i, (a, b)) in original.iter().zip(&ours).enumerate() {
        assert_eq!(a["key"], b["key"], "record {i}: key bytes");
        if exact(&events[i]) {
            assert_eq!(a["value"], b["value"], "record {i}: value bytes");
        }
        let names = |r: &Value| -> Vec<Value> {
            r["headers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["name"].clone())
                .collect()
        };
        if framing == "header" {
            // The same header names; the GUIDs are each registry's own.
            let mut x = names(a);
            let mut y = names(b);
            x.sort_by_key(|v| v.to_string());
            y.sort_by_key(|v| v.to_string());
            assert_eq!(x, y, "record {i}: headers");
        } else {
            assert_eq!(a["headers"], b["headers"], "record {i}: headers");
        }
    }
}

#[test]
fn confluent_avro_prefix() {
    interop(Fmt::Avro, "prefix");
}

#[test]
fn confluent_avro_header() {
    interop(Fmt::Avro, "header");
}

/// Confluent writes a top-level `"bytes"` datum as the bytes alone (no length prefix).
#[test]
fn confluent_avro_top_level_primitives() {
    interop(Fmt::AvroPrimitive, "prefix");
}

#[test]
fn confluent_protobuf_prefix() {
    interop(Fmt::Protobuf, "prefix");
}

#[test]
fn confluent_protobuf_first_messages_and_well_known_types() {
    interop(Fmt::ProtobufFirst, "prefix");
}

#[test]
fn confluent_protobuf_header() {
    interop(Fmt::Protobuf, "header");
}

/// Payloads that claim a schema and do not fit it, written by a client that is not evtctl:
/// each is a one-line warning naming the record, and its bytes stay as they were (base64),
/// with the reason beside them. Never a panic, never nulls for a cut-off datum.
#[test]
fn hostile_framed_payloads_are_located_errors_and_keep_their_bytes() {
    use evtctl::registry::avro::AvroSchema;
    use evtctl::registry::wire::{header_value, write_prefix};
    let text = std::fs::read_to_string(format!("{DIR}/order-value/v1.avsc")).unwrap();
    let avro = AvroSchema::parse(&text, &[]).unwrap();
    let event = &Fmt::Avro.events()[0]["value"];
    let datum = avro.encode(event).unwrap();
    let framed = |id: u32, body: &[u8]| {
        let mut v = Vec::new();
        write_prefix(id, &mut v);
        v.extend_from_slice(body);
        v
    };
    let ids = Ids {
        key: (1, "00000000-0000-0000-0000-000000000001".into()),
        value: (2, "00000000-0000-0000-0000-000000000002".into()),
    };
    let reg = registry(Fmt::Avro, &ids, &[&ids]);
    let guid = header_value(&uuid::Uuid::from_u128(2));
    let cut = framed(2, &datum[..datum.len() - 1]); // before the last field, a union
    let long = framed(2, &[&datum[..], &[0]].concat());
    let unknown = framed(999, &datum);
    let records = [
        (cut.clone(), vec![], "truncated"),
        (long, vec![], "1 byte(s) left after the Avro datum"),
        (
            unknown,
            vec![],
            "schema id 999 is not in the local registry",
        ),
        (
            datum[..3].to_vec(),
            vec![("__value_schema_id", guid[..9].to_vec())],
            "truncated",
        ),
        (
            datum.clone(),
            vec![("__value_schema_id", vec![7; 17])],
            "unknown magic byte 7",
        ),
    ];
    let t = topic("hostile-framed", 1);
    let produced: Vec<Produced<'_>> = records
        .iter()
        .map(|(v, h, _)| Produced {
            partition: 0,
            key: None,
            value: v,
            headers: h.iter().map(|(n, v)| (*n, v.clone())).collect(),
        })
        .collect();
    produce_with(&broker().bootstrap, &t, &produced);

    let out = evtctl()
        .arg("--registry")
        .arg(&reg)
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
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let recs = json_lines(&out.stdout);
    let bytes = raw(&t);
    assert_eq!(recs.len(), records.len());
    for (i, (rec, (_, _, why))) in recs.iter().zip(&records).enumerate() {
        let e = rec["value_error"]
            .as_str()
            .unwrap_or_else(|| panic!("{rec}"));
        assert!(e.contains(why), "record {i}: {e}");
        assert!(!e.contains('\n'));
        assert_eq!(
            rec["value"], bytes[i]["value"],
            "record {i} keeps its bytes"
        );
        assert_eq!(rec["value_encoding"], bytes[i]["value_encoding"]);
        let warning = format!("{t}/0@{i}: value: ");
        assert!(stderr.contains(&warning), "{warning} in {stderr}");
    }
}
