//! Protobuf schemas from `.proto` files in the registry, compiled in-process by `protox` (no
//! `protoc`), with messages as dynamic `prost-reflect` values and JSON in the canonical proto3
//! mapping.
//!
//! Imports resolve inside the registry only (`import "_common/money.proto";` names a file
//! relative to the registry root); Google's well-known types are built in.

use prost::Message;
use prost_reflect::{DescriptorPool, DynamicMessage, FileDescriptor, MessageDescriptor};
use protox::file::{File, FileResolver, GoogleFileResolver};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The largest `.proto` file read (a schema, not data).
const MAX_FILE: u64 = 4 << 20;

/// Deepest message-index path accepted in a frame.
pub const MAX_INDEXES: usize = 64;

#[derive(Debug)]
/// One Protobuf version: the compiled file and the message records of this subject carry.
pub struct ProtoSchema {
    pub file: FileDescriptor,
    /// The subject's message (`message = "pkg.Msg"` in registry.toml, else the file's first).
    pub message: MessageDescriptor,
    /// Its position in the file, as Confluent's message-index array writes it.
    pub indexes: Vec<i32>,
}

/// Resolves imports to files inside the registry root, and Google's well-known types.
struct Inside {
    root: PathBuf,
    google: GoogleFileResolver,
}

impl FileResolver for Inside {
    fn resolve_path(&self, path: &Path) -> Option<String> {
        let abs = std::fs::canonicalize(path).ok()?;
        let rel = abs.strip_prefix(&self.root).ok()?;
        Some(
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
        )
    }

    fn open_file(&self, name: &str) -> Result<File, protox::Error> {
        if name.starts_with("google/protobuf/") {
            return self.google.open_file(name);
        }
        let bad = Path::new(name)
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)));
        if bad {
            return Err(protox::Error::file_not_found(name));
        }
        let path = self.root.join(name);
        let Ok(abs) = std::fs::canonicalize(&path) else {
            return Err(protox::Error::file_not_found(name));
        };
        if !abs.starts_with(&self.root) {
            return Err(protox::Error::new(std::io::Error::other(format!(
                "`{name}` lies outside the registry"
            ))));
        }
        let len = std::fs::metadata(&abs).map(|m| m.len()).unwrap_or(0);
        if len > MAX_FILE {
            return Err(protox::Error::new(std::io::Error::other(format!(
                "`{name}` is larger than {} MiB",
                MAX_FILE >> 20
            ))));
        }
        let text = std::fs::read_to_string(&abs).map_err(protox::Error::new)?;
        File::from_source(name, &text)
    }
}

impl ProtoSchema {
    /// Compile `path` (a `.proto` inside `root`) and pick `message` (a full name) or the
    /// file's first message.
    pub fn compile(path: &Path, root: &Path, message: Option<&str>) -> Result<ProtoSchema, String> {
        let root = std::fs::canonicalize(root).map_err(|e| format!("{}: {e}", root.display()))?;
        let resolver = Inside {
            root: root.clone(),
            google: GoogleFileResolver::new(),
        };
        let name = resolver
            .resolve_path(path)
            .ok_or_else(|| format!("{}: not inside the registry", path.display()))?;
        let mut compiler = protox::Compiler::with_file_resolver(resolver);
        compiler.include_source_info(true);
        compiler
            .open_file(&name)
            .map_err(|e| one_line(&format!("{}: {e}", path.display())))?;
        let pool: DescriptorPool = compiler.descriptor_pool();
        let file = pool
            .get_file_by_name(&name)
            .ok_or_else(|| format!("{}: compiled to nothing", path.display()))?;
        let message = match message {
            Some(full) => {
                let m = pool.get_message_by_name(full).ok_or_else(|| {
                    format!(
                        "{}: no message `{full}` (message = in registry.toml)",
                        path.display()
                    )
                })?;
                if m.parent_file().name() != file.name() {
                    return Err(format!(
                        "{}: message `{full}` is defined in {}, not in this file",
                        path.display(),
                        m.parent_file().name()
                    ));
                }
                m
            }
            None => file
                .messages()
                .next()
                .ok_or_else(|| format!("{}: defines no message", path.display()))?,
        };
        let indexes = indexes_of(&message);
        Ok(ProtoSchema {
            file,
            message,
            indexes,
        })
    }

    /// The message of this name (a full name), or the subject's message.
    pub fn message_named(&self, name: Option<&str>) -> Result<MessageDescriptor, String> {
        match name {
            Some(m) => self
                .file
                .parent_pool()
                .get_message_by_name(m)
                .ok_or_else(|| format!("no message `{m}` in {}", self.file.name())),
            None => Ok(self.message.clone()),
        }
    }

    /// The message at a message-index path of this file.
    pub fn message_at(&self, indexes: &[i32]) -> Result<MessageDescriptor, String> {
        let bad = || {
            format!(
                "message index {indexes:?} names no message in {}",
                self.file.name()
            )
        };
        let (&first, rest) = indexes.split_first().ok_or_else(bad)?;
        let mut m = usize::try_from(first)
            .ok()
            .and_then(|i| self.file.messages().nth(i))
            .ok_or_else(bad)?;
        for &i in rest {
            m = usize::try_from(i)
                .ok()
                .and_then(|i| m.child_messages().nth(i))
                .ok_or_else(bad)?;
        }
        Ok(m)
    }

    /// Decode a message body (after the index array) to canonical proto3 JSON.
    pub fn decode(&self, desc: &MessageDescriptor, body: &[u8]) -> Result<Value, String> {
        to_json(&self.message_of(desc, body)?)
    }

    /// Decode a message body as a dynamic message.
    pub fn message_of(
        &self,
        desc: &MessageDescriptor,
        body: &[u8],
    ) -> Result<DynamicMessage, String> {
        DynamicMessage::decode(desc.clone(), body)
            .map_err(|e| format!("not a `{}` message: {e}", desc.full_name()))
    }

    /// Encode canonical proto3 JSON (field names or their JSON names) as a message body.
    pub fn encode(&self, desc: &MessageDescriptor, json: &Value) -> Result<Vec<u8>, String> {
        let msg = from_json(desc, json)?;
        Ok(msg.encode_to_vec())
    }

    /// [`encode`](Self::encode) without tracking the field path for errors: for the exactness
    /// check of a decoded payload, where a failure only means "not exact".
    pub fn encode_quiet(&self, desc: &MessageDescriptor, json: &Value) -> Option<Vec<u8>> {
        let opts = prost_reflect::DeserializeOptions::new().deny_unknown_fields(true);
        DynamicMessage::deserialize_with_options(desc.clone(), json, &opts)
            .ok()
            .map(|m| m.encode_to_vec())
    }
}

/// Canonical proto3 JSON text, fields in declaration order.
pub fn to_text(msg: &DynamicMessage) -> Result<String, String> {
    let opts = prost_reflect::SerializeOptions::new();
    let mut out = Vec::with_capacity(128);
    msg.serialize_with_options(&mut serde_json::Serializer::new(&mut out), &opts)
        .map_err(|e| e.to_string())?;
    String::from_utf8(out).map_err(|e| e.to_string())
}

pub fn to_json(msg: &DynamicMessage) -> Result<Value, String> {
    let opts = prost_reflect::SerializeOptions::new();
    msg.serialize_with_options(serde_json::value::Serializer, &opts)
        .map_err(|e| e.to_string())
}

/// A message from JSON; errors name the field path (`/lines/1/qty: invalid type ...`).
pub fn from_json(desc: &MessageDescriptor, json: &Value) -> Result<DynamicMessage, String> {
    let opts = prost_reflect::DeserializeOptions::new().deny_unknown_fields(true);
    let mut track = serde_path_to_error::Track::new();
    let de = serde_path_to_error::Deserializer::new(json, &mut track);
    DynamicMessage::deserialize_with_options(desc.clone(), de, &opts).map_err(|e| {
        let path = track.path().to_string();
        let path = if path == "." {
            "/".to_string()
        } else {
            format!(
                "/{}",
                path.replace('.', "/")
                    .replace(['[', ']'], "/")
                    .replace("//", "/")
            )
            .trim_end_matches('/')
            .to_string()
        };
        format!("{path}: {e}")
    })
}

/// Whether a message holds a map field of two entries or more (at any depth, `Struct`
/// included). Its bytes follow the writer's entry order, which neither the JSON form nor
/// prost-reflect's maps keep: encoding it again gives the same bytes only by chance, so such a
/// message never counts as exact (the envelope keeps its bytes).
pub fn has_unordered_map(msg: &DynamicMessage) -> bool {
    fn value(v: &prost_reflect::Value) -> bool {
        use prost_reflect::Value as V;
        match v {
            V::Map(m) => m.len() > 1 || m.values().any(value),
            V::List(l) => l.iter().any(value),
            V::Message(m) => has_unordered_map(m),
            _ => false,
        }
    }
    msg.fields().any(|(_, v)| value(v))
}

/// Confluent's message-index path of a message: its position among the file's top-level
/// messages, then among each parent's nested ones.
pub fn indexes_of(m: &MessageDescriptor) -> Vec<i32> {
    let mut out = Vec::new();
    let mut cur = m.clone();
    loop {
        match cur.parent_message() {
            Some(parent) => {
                let i = parent
                    .child_messages()
                    .position(|c| c.full_name() == cur.full_name())
                    .unwrap_or(0);
                out.push(i as i32);
                cur = parent;
            }
            None => {
                let i = cur
                    .parent_file()
                    .messages()
                    .position(|c| c.full_name() == cur.full_name())
                    .unwrap_or(0);
                out.push(i as i32);
                break;
            }
        }
    }
    out.reverse();
    out
}

fn one_line(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn compile(
        files: &[(&str, &str)],
        main: &str,
        message: Option<&str>,
    ) -> Result<ProtoSchema, String> {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("evtctl-proto-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (name, text) in files {
            let p = dir.join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        ProtoSchema::compile(&dir.join(main), &dir, message)
    }

    const ORDER: &str = r#"syntax = "proto3";
package shop;
import "google/protobuf/timestamp.proto";
import "_common/money.proto";
message Order {
  string id = 1;
  common.Money total = 2;
  repeated int64 qty = 3;
  map<string, string> tags = 4;
  oneof pay { string card = 5; string iban = 6; }
  google.protobuf.Timestamp at = 7;
  message Line { string sku = 1; message Note { string text = 1; } }
  repeated Line lines = 8;
}
message Refund { string id = 1; }
"#;
    const MONEY: &str = "syntax = \"proto3\";\npackage common;\nmessage Money { int64 cents = 1; string currency = 2; }\n";

    #[test]
    fn messages_round_trip_and_nested_indexes_are_confluents() {
        let s = compile(
            &[("o/v1.proto", ORDER), ("_common/money.proto", MONEY)],
            "o/v1.proto",
            None,
        )
        .unwrap();
        assert_eq!(s.message.full_name(), "shop.Order");
        assert_eq!(s.indexes, vec![0]);
        let v = json!({"id":"o1","total":{"cents":"1250","currency":"EUR"},"qty":["1","2"],
            "tags":{"a":"b"},"card":"4111","at":"2026-12-05T11:30:00Z","lines":[{"sku":"x"}]});
        let bytes = s.encode(&s.message, &v).unwrap();
        assert_eq!(s.decode(&s.message, &bytes).unwrap(), v);
        let note = s
            .file
            .messages()
            .next()
            .unwrap()
            .child_messages()
            .find(|m| m.name() == "Line")
            .unwrap()
            .child_messages()
            .next()
            .unwrap();
        let idx = indexes_of(&note);
        // Order's nested types: the map entry (TagsEntry) and Line, in declaration order.
        assert_eq!(
            s.message_at(&idx).unwrap().full_name(),
            "shop.Order.Line.Note"
        );
        assert_eq!(idx[0], 0);
        let refund = compile(
            &[("o/v1.proto", ORDER), ("_common/money.proto", MONEY)],
            "o/v1.proto",
            Some("shop.Refund"),
        )
        .unwrap();
        assert_eq!(refund.indexes, vec![1]);
        assert!(s.message_at(&[7]).is_err());
        assert!(s.message_at(&[-1]).is_err());
    }

    #[test]
    fn maps_of_two_entries_or_more_are_found_at_any_depth() {
        let s = compile(
            &[("o/v1.proto", ORDER), ("_common/money.proto", MONEY)],
            "o/v1.proto",
            None,
        )
        .unwrap();
        let has = |v: Value| has_unordered_map(&from_json(&s.message, &v).unwrap());
        assert!(!has(
            json!({"tags": {"a": "b"}, "lines": [{"sku": "x"}, {"sku": "y"}]})
        ));
        assert!(has(json!({"tags": {"a": "b", "c": "d"}})));
        let line = s
            .message
            .child_messages()
            .find(|m| m.name() == "Line")
            .unwrap();
        let msg = from_json(&line, &json!({"sku": "x"})).unwrap();
        assert!(!has_unordered_map(&msg));
    }

    #[test]
    fn bad_events_name_the_field() {
        let s = compile(
            &[("o/v1.proto", ORDER), ("_common/money.proto", MONEY)],
            "o/v1.proto",
            None,
        )
        .unwrap();
        let e = s
            .encode(&s.message, &json!({"lines":[{"sku":"x"},{"sku":5}]}))
            .unwrap_err();
        assert!(e.starts_with("/lines/1/sku:"), "{e}");
        let e = s.encode(&s.message, &json!({"nope":1})).unwrap_err();
        assert!(e.contains("nope"), "{e}");
    }

    #[test]
    fn imports_stay_inside_the_registry() {
        let e = compile(
            &[(
                "o/v1.proto",
                "syntax = \"proto3\";\nimport \"../../etc/passwd\";\nmessage A {}\n",
            )],
            "o/v1.proto",
            None,
        )
        .unwrap_err();
        assert!(!e.contains('\n'), "{e}");
        assert!(e.contains("v1.proto"), "{e}");
        let e = compile(
            &[(
                "o/v1.proto",
                "syntax = \"proto3\";\nmessage A { int32 x = 1 }\n",
            )],
            "o/v1.proto",
            None,
        )
        .unwrap_err();
        assert!(e.contains("v1.proto"), "{e}");
    }

    #[test]
    fn hostile_bytes_are_errors() {
        let s = compile(
            &[("o/v1.proto", ORDER), ("_common/money.proto", MONEY)],
            "o/v1.proto",
            None,
        )
        .unwrap();
        for bytes in [
            &[0xff_u8][..],
            &[0x0a, 0x05, b'a'],
            &[0x12, 0xff, 0xff, 0xff, 0xff, 0x0f],
        ] {
            assert!(s.decode(&s.message, bytes).is_err());
        }
    }
}

#[cfg(test)]
mod hostile_tests {
    use super::*;

    #[test]
    fn deep_recursive_messages_are_an_error_not_a_stack_overflow() {
        let dir = std::env::temp_dir().join(format!("evtctl-proto-deep-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("n")).unwrap();
        std::fs::write(
            dir.join("n/v1.proto"),
            "syntax = \"proto3\";\nmessage N { N next = 1; }\n",
        )
        .unwrap();
        let s = ProtoSchema::compile(&dir.join("n/v1.proto"), &dir, None).unwrap();
        // 5,000 levels (prost stops at 100): field 1, length-delimited, each wrapping the next.
        let mut body: Vec<u8> = Vec::new();
        for _ in 0..5_000 {
            let mut outer = vec![0x0a];
            let mut len = body.len();
            while len >= 0x80 {
                outer.push((len as u8 & 0x7f) | 0x80);
                len >>= 7;
            }
            outer.push(len as u8);
            outer.extend_from_slice(&body);
            body = outer;
            if body.len() > 2_000_000 {
                break;
            }
        }
        assert!(s.decode(&s.message, &body).is_err());
    }
}
