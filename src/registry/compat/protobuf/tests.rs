//! Unit tests of the Protobuf checker: one case (at least) per rule, directions, nesting,
//! recursion, oneofs, imports, locations, cancellation, hostile sizes, and the soundness
//! property (compatible ⇒ the reader decodes the writer's bytes).

use super::super::{is_compatible, rules, Change, Mode};
use super::{compare, locate};
use prost_reflect::{DynamicMessage, FileDescriptor, Kind, MapKey, MessageDescriptor, Value};
use protox::file::{ChainFileResolver, File, FileResolver, GoogleFileResolver};
use std::collections::HashMap;
use std::sync::atomic::AtomicBool;

/// In-memory `.proto` sources for protox.
struct Mem(HashMap<String, String>);

impl FileResolver for Mem {
    fn open_file(&self, name: &str) -> Result<File, protox::Error> {
        match self.0.get(name) {
            Some(src) => File::from_source(name, src),
            None => Err(protox::Error::file_not_found(name)),
        }
    }
}

/// Compile `files` (the first one is the root) with source info; Google's types built in.
fn compile(files: &[(&str, &str)]) -> FileDescriptor {
    let mem = Mem(files
        .iter()
        .map(|(n, s)| (n.to_string(), s.to_string()))
        .collect());
    let mut chain = ChainFileResolver::new();
    chain.add(mem);
    chain.add(GoogleFileResolver::new());
    let mut c = protox::Compiler::with_file_resolver(chain);
    c.include_source_info(true);
    c.open_file(files[0].0)
        .unwrap_or_else(|e| panic!("{e}\n{}", files[0].1));
    c.descriptor_pool().get_file_by_name(files[0].0).unwrap()
}

fn proto(src: &str) -> FileDescriptor {
    compile(&[("t.proto", src)])
}

fn p3(body: &str) -> FileDescriptor {
    proto(&format!("syntax = \"proto3\";\npackage p;\n{body}"))
}

fn run(old: &FileDescriptor, new: &FileDescriptor, mode: Mode) -> Vec<Change> {
    compare(old, new, mode, &AtomicBool::new(false)).unwrap()
}

/// `RULE` for compatible changes, `RULE!` for breaking ones, in output order.
fn ids(changes: &[Change]) -> Vec<String> {
    changes
        .iter()
        .map(|c| format!("{}{}", c.rule, if c.breaking { "!" } else { "" }))
        .collect()
}

fn backward(old: &str, new: &str) -> Vec<String> {
    ids(&run(&p3(old), &p3(new), Mode::Backward))
}

fn forward(old: &str, new: &str) -> Vec<String> {
    ids(&run(&p3(old), &p3(new), Mode::Forward))
}

#[test]
fn identical_files_have_no_changes() {
    let src = "message A { int32 a = 1; map<string, A> m = 2; oneof o { string s = 3; A x = 4; } }\nenum E { E0 = 0; }";
    for mode in [Mode::Backward, Mode::Forward, Mode::Full] {
        assert_eq!(backward(src, src), Vec::<String>::new(), "{mode}");
    }
}

#[test]
fn package_changed() {
    let old = proto("syntax = \"proto3\";\npackage a;\nmessage M { int32 x = 1; }");
    let new = proto("syntax = \"proto3\";\npackage b;\nmessage M { int32 x = 1; }");
    let c = run(&old, &new, Mode::Backward);
    assert_eq!(ids(&c), ["PACKAGE_CHANGED!"]);
    assert_eq!(c[0].path, "#/package");
    // Enum fields keep their type across the package change (by name without the package).
    let e = |pkg: &str| {
        proto(&format!(
            "syntax = \"proto3\";\npackage {pkg};\nenum E {{ E0 = 0; }}\nmessage M {{ E e = 1; }}"
        ))
    };
    assert_eq!(
        ids(&run(&e("a"), &e("b"), Mode::Full)),
        ["PACKAGE_CHANGED!"]
    );
    assert!(c[0].message.contains("from `a` to `b`"), "{}", c[0].message);
    assert!(c[0].message.contains("(t.proto:2:1)"), "{}", c[0].message);
}

#[test]
fn messages_added_removed_moved() {
    let a = "message A { int32 x = 1; }\n";
    let b = "message B { int32 y = 1; }\n";
    let c = "message C { int32 z = 1; }\n";
    assert_eq!(backward(a, &format!("{a}{b}")), ["MESSAGE_ADDED"]);
    assert_eq!(backward(&format!("{a}{b}"), a), ["MESSAGE_REMOVED!"]);
    // Reordering changes the message indexes: compatible (indexes belong to the writer's id).
    let moved = backward(&format!("{a}{b}{c}"), &format!("{c}{a}{b}"));
    assert_eq!(moved, ["MESSAGE_MOVED", "MESSAGE_MOVED", "MESSAGE_MOVED"]);
    let c2 = run(
        &p3(&format!("{a}{b}")),
        &p3(&format!("{b}{a}")),
        Mode::Backward,
    );
    assert_eq!(c2[0].path, "#/messages/A");
    assert!(
        c2[0].message.contains("from position 0 to 1"),
        "{}",
        c2[0].message
    );
}

#[test]
fn enums_and_enum_values() {
    let e = "enum E { E0 = 0; E1 = 1; }\n";
    assert_eq!(backward("", e), ["ENUM_ADDED"]);
    assert_eq!(backward(e, ""), ["ENUM_REMOVED"]);
    assert_eq!(
        backward(e, "enum E { E0 = 0; E1 = 1; E2 = 2; }"),
        ["ENUM_CONST_ADDED"]
    );
    assert_eq!(backward(e, "enum E { E0 = 0; }"), ["ENUM_CONST_REMOVED"]);
    let c = run(&p3(e), &p3("enum E { E0 = 0; ONE = 1; }"), Mode::Backward);
    assert_eq!(ids(&c), ["ENUM_CONST_CHANGED"]);
    assert_eq!(c[0].path, "#/enums/E/values/1");
    assert!(c[0].message.contains("from `E1` to `ONE`"));
    // Nested enums are compared in their message's scope.
    let c = run(
        &p3("message M { enum S { S0 = 0; } S s = 1; }"),
        &p3("message M { enum S { S0 = 0; S1 = 1; } S s = 1; }"),
        Mode::Backward,
    );
    assert_eq!(ids(&c), ["ENUM_CONST_ADDED"]);
    assert_eq!(c[0].path, "#/enums/M.S/values/1");
}

#[test]
fn fields_added_removed_renamed() {
    let old = "message M { int32 a = 1; }";
    let c = run(
        &p3(old),
        &p3("message M { int32 a = 1;\n  string b = 2; }"),
        Mode::Backward,
    );
    assert_eq!(ids(&c), ["FIELD_ADDED"]);
    assert_eq!(c[0].path, "#/messages/M/fields/2");
    assert!(
        c[0].message.contains("field 2 `b` (string) of `p.M` added"),
        "{}",
        c[0].message
    );
    assert!(c[0].message.contains("(t.proto:4:3)"), "{}", c[0].message);
    assert_eq!(
        backward("message M { int32 a = 1; string b = 2; }", old),
        ["FIELD_REMOVED"]
    );
    let c = run(
        &p3(old),
        &p3("message M { int32 total = 1; }"),
        Mode::Backward,
    );
    assert_eq!(ids(&c), ["FIELD_NAME_CHANGED"]);
    assert!(c[0].message.contains("from `a` to `total`"));
    // Fields are matched by number: renumbering is a removal plus an addition.
    assert_eq!(
        backward(old, "message M { int32 a = 2; }"),
        ["FIELD_REMOVED", "FIELD_ADDED"]
    );
}

#[test]
fn required_fields_proto2() {
    let two = |body: &str| proto(&format!("syntax = \"proto2\";\npackage p;\n{body}"));
    let old = two("message M { optional int32 a = 1; }");
    let new = two("message M { optional int32 a = 1; required string b = 2; }");
    assert_eq!(
        ids(&run(&old, &new, Mode::Backward)),
        ["REQUIRED_FIELD_ADDED!"]
    );
    assert_eq!(
        ids(&run(&new, &old, Mode::Backward)),
        ["REQUIRED_FIELD_REMOVED!"]
    );
    // FORWARD swaps the roles; the message still tells old → new.
    let c = run(&old, &new, Mode::Forward);
    assert_eq!(ids(&c), ["REQUIRED_FIELD_REMOVED!"]);
    assert!(
        c[0].message
            .contains("required field 2 `b` (string) of `p.M` added"),
        "{}",
        c[0].message
    );
    // Optional → required on a number is a label change.
    let req = two("message M { required int32 a = 1; }");
    assert_eq!(
        ids(&run(&old, &req, Mode::Backward)),
        ["FIELD_NUMERIC_LABEL_CHANGED!"]
    );
}

#[test]
fn labels() {
    assert_eq!(
        backward(
            "message M { string s = 1; }",
            "message M { repeated string s = 1; }"
        ),
        ["FIELD_STRING_OR_BYTES_LABEL_CHANGED"]
    );
    assert_eq!(
        backward(
            "message M { repeated bytes s = 1; }",
            "message M { bytes s = 1; }"
        ),
        ["FIELD_STRING_OR_BYTES_LABEL_CHANGED"]
    );
    // Packed repeated numbers do not decode as a singular field: breaking in proto3 too.
    assert_eq!(
        backward(
            "message M { int32 n = 1; }",
            "message M { repeated int32 n = 1; }"
        ),
        ["FIELD_NUMERIC_LABEL_CHANGED!"]
    );
    assert_eq!(
        backward(
            "message M { repeated double n = 1; }",
            "message M { double n = 1; }"
        ),
        ["FIELD_NUMERIC_LABEL_CHANGED!"]
    );
    // proto3 `optional` only adds presence (a synthetic oneof): no change.
    assert_eq!(
        backward(
            "message M { int32 n = 1; }",
            "message M { optional int32 n = 1; }"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn field_kinds() {
    let msg = "message X { int32 v = 1; }\n";
    assert_eq!(
        backward(
            &format!("{msg}message M {{ int32 f = 1; }}"),
            &format!("{msg}message M {{ X f = 1; }}")
        ),
        ["FIELD_KIND_CHANGED!"]
    );
    assert_eq!(
        backward(
            &format!("{msg}message M {{ map<string, X> f = 1; }}"),
            &format!("{msg}message M {{ repeated X f = 1; }}")
        ),
        ["FIELD_KIND_CHANGED!"]
    );
    assert_eq!(
        backward(
            "message M { bytes f = 1; }",
            "message M { map<string, bytes> f = 1; }"
        ),
        ["FIELD_KIND_CHANGED!"]
    );
    let two = |body: &str| proto(&format!("syntax = \"proto2\";\npackage p;\n{body}"));
    let c = run(
        &two("message M { optional group G = 1 { optional int32 v = 2; } }"),
        &two("message M { message G { optional int32 v = 2; } optional G g = 1; }"),
        Mode::Backward,
    );
    assert!(
        ids(&c).contains(&"FIELD_KIND_CHANGED!".to_string()),
        "{c:#?}"
    );
}

#[test]
fn scalar_kinds() {
    let m = |t: &str| format!("enum E {{ E0 = 0; }}\nmessage M {{ {t} f = 1; }}");
    for (a, b) in [
        ("int32", "string"),
        ("sint32", "int32"),
        ("fixed32", "float"),
        ("fixed64", "double"),
        ("float", "double"),
        ("fixed32", "fixed64"),
        ("E", "sint64"),
        ("bytes", "int64"),
    ] {
        assert_eq!(
            backward(&m(a), &m(b)),
            ["FIELD_SCALAR_KIND_CHANGED!"],
            "{a} → {b}"
        );
    }
    for (a, b) in [
        ("int32", "int64"),
        ("uint64", "bool"),
        ("int32", "E"),
        ("sint32", "sint64"),
        ("fixed32", "sfixed32"),
        ("sfixed64", "fixed64"),
        ("string", "bytes"),
        ("bytes", "string"),
    ] {
        assert_eq!(
            backward(&m(a), &m(b)),
            ["FIELD_WIRE_COMPATIBLE_TYPE_CHANGED"],
            "{a} → {b}"
        );
    }
    let c = run(&p3(&m("int64")), &p3(&m("int32")), Mode::Backward);
    assert!(
        c[0].message.contains("changed from int64 to int32"),
        "{}",
        c[0].message
    );
    // Map keys and values are compared like fields.
    let c = run(
        &p3("message M { map<string, int32> f = 1; }"),
        &p3("message M { map<string, string> f = 1; }"),
        Mode::Backward,
    );
    assert_eq!(ids(&c), ["FIELD_SCALAR_KIND_CHANGED!"]);
    assert_eq!(c[0].path, "#/messages/M/fields/1/value");
    assert_eq!(
        backward(
            "message M { map<int32, bool> f = 1; }",
            "message M { map<sint32, bool> f = 1; }"
        ),
        ["FIELD_SCALAR_KIND_CHANGED!"]
    );
}

#[test]
fn named_types() {
    let xy = "message X { int32 v = 1; }\nmessage Y { int32 v = 1; }\n";
    // A different message type is breaking even when its shape is the same.
    assert_eq!(
        backward(
            &format!("{xy}message M {{ X f = 1; }}"),
            &format!("{xy}message M {{ Y f = 1; }}")
        ),
        ["FIELD_NAMED_TYPE_CHANGED!"]
    );
    // The same type changed incompatibly: reported in the type and at the field.
    let c = run(
        &p3("message X { int32 v = 1; }\nmessage M { X f = 1; }"),
        &p3("message X { string v = 1; }\nmessage M { X f = 1; }"),
        Mode::Backward,
    );
    assert_eq!(
        ids(&c),
        ["FIELD_SCALAR_KIND_CHANGED!", "FIELD_NAMED_TYPE_CHANGED!"]
    );
    assert_eq!(c[0].path, "#/messages/X/fields/1");
    assert_eq!(c[1].path, "#/messages/M/fields/1");
    // …and compatibly: no marker at the field.
    assert_eq!(
        backward(
            "message X { int32 v = 1; }\nmessage M { X f = 1; }",
            "message X { int32 v = 1; int32 w = 2; }\nmessage M { X f = 1; }"
        ),
        ["FIELD_ADDED"]
    );
}

#[test]
fn nested_messages() {
    let old = "message Outer {\n  message Inner { int32 v = 1; }\n  Inner in = 1;\n  map<string, Inner> m = 2;\n}";
    let new = "message Outer {\n  message Inner { string v = 1; }\n  Inner in = 1;\n  map<string, Inner> m = 2;\n}";
    let c = run(&p3(old), &p3(new), Mode::Backward);
    assert_eq!(
        ids(&c),
        [
            "FIELD_NAMED_TYPE_CHANGED!",
            "FIELD_NAMED_TYPE_CHANGED!",
            "FIELD_SCALAR_KIND_CHANGED!"
        ]
    );
    assert_eq!(c[0].path, "#/messages/Outer/fields/1");
    assert_eq!(c[1].path, "#/messages/Outer/fields/2/value");
    assert_eq!(c[2].path, "#/messages/Outer.Inner/fields/1");
    assert!(c[2].message.contains("(t.proto:4:19)"), "{}", c[2].message);
    // Nested messages added, removed, moved; map entries are not messages.
    assert_eq!(
        backward(
            "message O { message A {} message B {} }",
            "message O { message B {} message C {} map<int32, int32> m = 1; }"
        ),
        [
            "FIELD_ADDED",
            "MESSAGE_REMOVED!",
            "MESSAGE_MOVED",
            "MESSAGE_ADDED"
        ]
    );
}

#[test]
fn recursive_types_terminate() {
    let c = run(
        &p3("message Node { int32 v = 1; Node next = 2; repeated Node kids = 3; }"),
        &p3("message Node { string v = 1; Node next = 2; repeated Node kids = 3; }"),
        Mode::Full,
    );
    assert_eq!(
        ids(&c),
        [
            "FIELD_SCALAR_KIND_CHANGED!",
            "FIELD_NAMED_TYPE_CHANGED!",
            "FIELD_NAMED_TYPE_CHANGED!"
        ]
    );
    // Mutual recursion: a break in B is seen through A's field, and A's through B's.
    let c = run(
        &p3("message A { B b = 1; int32 x = 2; }\nmessage B { A a = 1; int32 y = 2; }"),
        &p3("message A { B b = 1; int32 x = 2; }\nmessage B { A a = 1; double y = 2; }"),
        Mode::Backward,
    );
    assert_eq!(
        ids(&c),
        [
            "FIELD_NAMED_TYPE_CHANGED!",
            "FIELD_NAMED_TYPE_CHANGED!",
            "FIELD_SCALAR_KIND_CHANGED!"
        ]
    );
    assert_eq!(c[0].path, "#/messages/A/fields/1");
    assert_eq!(c[1].path, "#/messages/B/fields/1");
}

#[test]
fn oneofs() {
    // A new oneof with new members.
    assert_eq!(
        backward(
            "message M { int32 a = 1; }",
            "message M { int32 a = 1; oneof o { string s = 2; } }"
        ),
        ["ONEOF_ADDED", "ONEOF_FIELD_ADDED"]
    );
    // A whole oneof deleted with all its members: only the container is reported.
    assert_eq!(
        backward(
            "message M { int32 a = 1; oneof o { string s = 2; int32 t = 3; } }",
            "message M { int32 a = 1; }"
        ),
        ["ONEOF_REMOVED"]
    );
    // A member added to an existing oneof.
    assert_eq!(
        backward(
            "message M { oneof o { string s = 1; } }",
            "message M { oneof o { string s = 1; int32 t = 2; } }"
        ),
        ["ONEOF_FIELD_ADDED"]
    );
    // A member removed from a oneof that stays.
    let c = run(
        &p3("message M { oneof o { string s = 1; int32 t = 2; } }"),
        &p3("message M { oneof o { string s = 1; } }"),
        Mode::Backward,
    );
    assert_eq!(ids(&c), ["ONEOF_FIELD_REMOVED!"]);
    assert_eq!(c[0].path, "#/messages/M/fields/2");
    // A member moved out of its oneof.
    assert_eq!(
        backward(
            "message M { oneof o { string s = 1; int32 t = 2; } }",
            "message M { oneof o { string s = 1; } int32 t = 2; }"
        ),
        ["ONEOF_FIELD_MOVED_TO_TOP_LEVEL"]
    );
    // One field moved into a new oneof: compatible.
    assert_eq!(
        backward(
            "message M { string s = 1; }",
            "message M { oneof o { string s = 1; int32 t = 2; } }"
        ),
        ["ONEOF_ADDED", "ONEOF_FIELD_ADDED"]
    );
    // Two independent fields moved into one oneof.
    let c = run(
        &p3("message M { string s = 1; int32 t = 2; }"),
        &p3("message M { oneof o { string s = 1; int32 t = 2; } }"),
        Mode::Backward,
    );
    assert_eq!(ids(&c), ["MULTIPLE_FIELDS_MOVED_TO_ONEOF!", "ONEOF_ADDED"]);
    assert_eq!(c[0].path, "#/messages/M/oneofs/o");
    assert!(
        c[0].message
            .contains("holds several fields that are top-level in the old schema"),
        "{}",
        c[0].message
    );
    // A field moved into an existing oneof.
    assert_eq!(
        backward(
            "message M { string s = 1; oneof o { int32 t = 2; } }",
            "message M { oneof o { string s = 1; int32 t = 2; } }"
        ),
        ["FIELD_MOVED_TO_EXISTING_ONEOF!"]
    );
    // A member's type change is seen whatever oneof it moved to.
    assert_eq!(
        backward(
            "message M { oneof o { string s = 1; } }",
            "message M { oneof p { int64 s = 1; } }"
        ),
        ["ONEOF_REMOVED", "ONEOF_ADDED", "FIELD_SCALAR_KIND_CHANGED!"]
    );
}

#[test]
fn directions() {
    let small = "message M { int32 a = 1; }";
    let big = "message M { int32 a = 1; }\nmessage N { int32 b = 1; }";
    assert_eq!(backward(small, big), ["MESSAGE_ADDED"]);
    assert_eq!(forward(small, big), ["MESSAGE_REMOVED!"]);
    let c = run(&p3(small), &p3(big), Mode::Forward);
    assert!(
        c[0].message.contains("message `p.N` added"),
        "{}",
        c[0].message
    );
    assert_eq!(forward(big, small), ["MESSAGE_ADDED"]);
    let c = run(&p3(big), &p3(small), Mode::Forward);
    assert!(
        c[0].message.contains("message `p.N` removed"),
        "{}",
        c[0].message
    );
    // FULL: both directions, the rename (same text both ways) once.
    let renamed = "message M { int32 z = 1; }\nmessage N { int32 b = 1; }";
    assert_eq!(
        ids(&run(&p3(small), &p3(renamed), Mode::Full)),
        ["MESSAGE_ADDED", "FIELD_NAME_CHANGED", "MESSAGE_REMOVED!"]
    );
    for mode in [
        Mode::BackwardTransitive,
        Mode::ForwardTransitive,
        Mode::FullTransitive,
    ] {
        let base = match mode {
            Mode::BackwardTransitive => Mode::Backward,
            Mode::ForwardTransitive => Mode::Forward,
            _ => Mode::Full,
        };
        assert_eq!(
            run(&p3(small), &p3(big), mode),
            run(&p3(small), &p3(big), base)
        );
    }
    assert!(run(&p3(small), &p3("message Q {}"), Mode::None).is_empty());
    // Type changes are told old → new in both directions.
    let c = run(
        &p3("message M { int32 a = 1; }"),
        &p3("message M { string a = 1; }"),
        Mode::Forward,
    );
    assert!(
        c[0].message.contains("from int32 to string"),
        "{}",
        c[0].message
    );
}

#[test]
fn imports_well_known_and_local() {
    let ts = "syntax = \"proto3\";\npackage p;\nimport \"google/protobuf/timestamp.proto\";\nimport \"google/protobuf/duration.proto\";\n";
    let a = proto(&format!(
        "{ts}message M {{ google.protobuf.Timestamp at = 1; }}"
    ));
    let b = proto(&format!(
        "{ts}message M {{ google.protobuf.Timestamp at = 1; string note = 2; }}"
    ));
    assert_eq!(
        ids(&run(&a, &b, Mode::Full)),
        ["FIELD_ADDED", "FIELD_REMOVED"]
    );
    let d = proto(&format!(
        "{ts}message M {{ google.protobuf.Duration at = 1; }}"
    ));
    assert_eq!(
        ids(&run(&a, &d, Mode::Backward)),
        ["FIELD_NAMED_TYPE_CHANGED!"]
    );
    // A type from a local import that changed incompatibly.
    let root = "syntax = \"proto3\";\npackage p;\nimport \"common.proto\";\nmessage M { c.Money price = 1; }";
    let old = compile(&[
        ("m.proto", root),
        (
            "common.proto",
            "syntax = \"proto3\";\npackage c;\nmessage Money { int64 units = 1; }",
        ),
    ]);
    let new = compile(&[
        ("m.proto", root),
        (
            "common.proto",
            "syntax = \"proto3\";\npackage c;\nmessage Money { string units = 1; }",
        ),
    ]);
    let c = run(&old, &new, Mode::Backward);
    assert_eq!(
        ids(&c),
        ["FIELD_NAMED_TYPE_CHANGED!", "FIELD_SCALAR_KIND_CHANGED!"]
    );
    assert_eq!(c[1].path, "#/messages/c.Money/fields/1");
    assert!(
        c[1].message.contains("(common.proto:3:17)"),
        "{}",
        c[1].message
    );
}

#[test]
fn types_moved_between_files_and_packages() {
    // Message types are compared by their name without the package, wherever they live.
    let home = |pkg: &str, t: &str| {
        format!("syntax = \"proto3\";\npackage {pkg};\nmessage Home {{ {t} id = 1; }}")
    };
    let local = proto("syntax = \"proto3\";\npackage p;\nmessage M { Home h = 1; }\nmessage Home { int32 id = 1; }");
    let uses = |pkg: &str| {
        format!("syntax = \"proto3\";\npackage p;\nimport \"home.proto\";\nmessage M {{ {pkg}.Home h = 1; }}")
    };
    let q = compile(&[("m.proto", &uses("q")), ("home.proto", &home("q", "int32"))]);
    // Moved out to an import: the root file lost a message type (Confluent: breaking).
    assert_eq!(ids(&run(&local, &q, Mode::Backward)), ["MESSAGE_REMOVED!"]);
    assert_eq!(ids(&run(&q, &local, Mode::Backward)), ["MESSAGE_ADDED"]);
    // The imported file's package renamed, same content: no change.
    let r = compile(&[("m.proto", &uses("r")), ("home.proto", &home("r", "int32"))]);
    assert!(run(&q, &r, Mode::Full).is_empty());
    // …and with an incompatible content change, seen through the field.
    let r2 = compile(&[
        ("m.proto", &uses("r")),
        ("home.proto", &home("r", "string")),
    ]);
    assert_eq!(
        ids(&run(&q, &r2, Mode::Backward)),
        ["FIELD_NAMED_TYPE_CHANGED!", "FIELD_SCALAR_KIND_CHANGED!"]
    );
}

#[test]
fn removed_elements_point_at_the_old_file() {
    let c = run(
        &p3("message M {\n  int32 a = 1;\n  int32 b = 2;\n}"),
        &p3("message M {\n  int32 a = 1;\n}"),
        Mode::Backward,
    );
    assert!(
        c[0].message.contains("(was at t.proto:5:3)"),
        "{}",
        c[0].message
    );
}

#[test]
fn paths_locate_in_the_new_file() {
    let old = p3("message M {\n  int32 a = 1;\n  int32 b = 2;\n  message In { int32 x = 1; }\n}\nenum E { E0 = 0; E1 = 1; }");
    let new = p3("message M {\n  int32 a = 1;\n  oneof o { string s = 3; }\n  message In {\n    int64 x = 1;\n  }\n}\nenum E { E0 = 0; }");
    let c = run(&old, &new, Mode::Backward);
    let at: Vec<(String, (usize, usize))> = c
        .iter()
        .map(|c| (c.path.clone(), locate(&new, &c.path)))
        .collect();
    let want = |p: &str| {
        at.iter()
            .find(|(x, _)| x == p)
            .unwrap_or_else(|| panic!("{p} in {at:?}"))
            .1
    };
    // A removed field points at its message in the new file; the others at themselves.
    assert_eq!(want("#/messages/M/fields/2"), (3, 1));
    assert_eq!(want("#/messages/M/oneofs/o"), (5, 3));
    assert_eq!(want("#/messages/M/fields/3"), (5, 13));
    assert_eq!(want("#/messages/M.In/fields/1"), (7, 5));
    assert_eq!(want("#/enums/E/values/1"), (10, 1));
    assert_eq!(locate(&new, "#/package"), (2, 1));
    assert_eq!(locate(&new, "#/messages/Nope/fields/1"), (1, 1));
}

#[test]
fn cancellation_stops_the_comparison() {
    let old = p3("message M { int32 a = 1; }");
    let new = p3("message M { string a = 1; }");
    let stop = AtomicBool::new(true);
    for mode in [Mode::Backward, Mode::Forward, Mode::Full] {
        assert!(compare(&old, &new, mode, &stop).is_err());
    }
}

#[test]
fn every_rule_is_in_the_catalogue() {
    for (id, _) in super::RULES {
        let r = rules::find(id).unwrap_or_else(|| panic!("{id} not in the catalogue"));
        assert!(!r.description.is_empty());
    }
    // The brief's (Confluent's) names, all present.
    for id in [
        "MESSAGE_ADDED",
        "MESSAGE_MOVED",
        "ENUM_ADDED",
        "ENUM_REMOVED",
        "ENUM_CONST_ADDED",
        "ENUM_CONST_CHANGED",
        "ENUM_CONST_REMOVED",
        "FIELD_ADDED",
        "FIELD_REMOVED",
        "FIELD_NAME_CHANGED",
        "FIELD_STRING_OR_BYTES_LABEL_CHANGED",
        "ONEOF_ADDED",
        "ONEOF_REMOVED",
        "ONEOF_FIELD_ADDED",
        "ONEOF_FIELD_MOVED_TO_TOP_LEVEL",
        "PACKAGE_CHANGED",
        "MESSAGE_REMOVED",
        "FIELD_KIND_CHANGED",
        "FIELD_SCALAR_KIND_CHANGED",
        "FIELD_NAMED_TYPE_CHANGED",
        "FIELD_NUMERIC_LABEL_CHANGED",
        "REQUIRED_FIELD_ADDED",
        "REQUIRED_FIELD_REMOVED",
        "ONEOF_FIELD_REMOVED",
        "MULTIPLE_FIELDS_MOVED_TO_ONEOF",
        "FIELD_MOVED_TO_EXISTING_ONEOF",
    ] {
        assert!(super::RULES.iter().any(|(r, _)| *r == id), "{id}");
    }
}

/// One BACKWARD case per rule id, and the table covers the whole catalogue of this module.
#[test]
fn every_rule_has_a_case() {
    let p2 = "syntax = \"proto2\";\npackage p;\n";
    let table: &[(&str, &str, &str)] = &[
        ("PACKAGE_CHANGED", "package a;", "package b;"),
        ("MESSAGE_ADDED", "", "message A {}"),
        ("MESSAGE_REMOVED", "message A {}", ""),
        (
            "MESSAGE_MOVED",
            "message A {} message B {}",
            "message B {} message A {}",
        ),
        ("ENUM_ADDED", "", "enum E { E0 = 0; }"),
        ("ENUM_REMOVED", "enum E { E0 = 0; }", ""),
        (
            "ENUM_CONST_ADDED",
            "enum E { E0 = 0; }",
            "enum E { E0 = 0; E1 = 1; }",
        ),
        (
            "ENUM_CONST_CHANGED",
            "enum E { E0 = 0; }",
            "enum E { ZERO = 0; }",
        ),
        (
            "ENUM_CONST_REMOVED",
            "enum E { E0 = 0; E1 = 1; }",
            "enum E { E0 = 0; }",
        ),
        ("FIELD_ADDED", "message M {}", "message M { int32 a = 1; }"),
        (
            "FIELD_REMOVED",
            "message M { int32 a = 1; }",
            "message M {}",
        ),
        (
            "FIELD_NAME_CHANGED",
            "message M { int32 a = 1; }",
            "message M { int32 b = 1; }",
        ),
        (
            "FIELD_KIND_CHANGED",
            "message M { int32 a = 1; }",
            "message M { M a = 1; }",
        ),
        (
            "FIELD_SCALAR_KIND_CHANGED",
            "message M { int32 a = 1; }",
            "message M { double a = 1; }",
        ),
        (
            "FIELD_WIRE_COMPATIBLE_TYPE_CHANGED",
            "message M { uint32 a = 1; }",
            "message M { uint64 a = 1; }",
        ),
        (
            "FIELD_NAMED_TYPE_CHANGED",
            "message A {} message B {} message M { A a = 1; }",
            "message A {} message B {} message M { B a = 1; }",
        ),
        (
            "FIELD_NUMERIC_LABEL_CHANGED",
            "message M { float a = 1; }",
            "message M { repeated float a = 1; }",
        ),
        (
            "FIELD_STRING_OR_BYTES_LABEL_CHANGED",
            "message M { repeated string a = 1; }",
            "message M { string a = 1; }",
        ),
        (
            "REQUIRED_FIELD_ADDED",
            "2 message M {}",
            "2 message M { required int32 a = 1; }",
        ),
        (
            "REQUIRED_FIELD_REMOVED",
            "2 message M { required int32 a = 1; }",
            "2 message M {}",
        ),
        (
            "ONEOF_ADDED",
            "message M {}",
            "message M { oneof o { int32 a = 1; } }",
        ),
        (
            "ONEOF_REMOVED",
            "message M { oneof o { int32 a = 1; } }",
            "message M {}",
        ),
        (
            "ONEOF_FIELD_ADDED",
            "message M { oneof o { int32 a = 1; } }",
            "message M { oneof o { int32 a = 1; int32 b = 2; } }",
        ),
        (
            "ONEOF_FIELD_REMOVED",
            "message M { oneof o { int32 a = 1; int32 b = 2; } }",
            "message M { oneof o { int32 a = 1; } }",
        ),
        (
            "ONEOF_FIELD_MOVED_TO_TOP_LEVEL",
            "message M { oneof o { int32 a = 1; } }",
            "message M { int32 a = 1; }",
        ),
        (
            "MULTIPLE_FIELDS_MOVED_TO_ONEOF",
            "message M { int32 a = 1; int32 b = 2; }",
            "message M { oneof o { int32 a = 1; int32 b = 2; } }",
        ),
        (
            "FIELD_MOVED_TO_EXISTING_ONEOF",
            "message M { int32 a = 1; oneof o { int32 b = 2; } }",
            "message M { oneof o { int32 a = 1; int32 b = 2; } }",
        ),
    ];
    let file = |src: &str| match src.strip_prefix("2 ") {
        Some(body) => proto(&format!("{p2}{body}")),
        None if src.starts_with("package") => proto(&format!("syntax = \"proto3\";\n{src}")),
        None => p3(src),
    };
    for (rule, old, new) in table {
        let c = run(&file(old), &file(new), Mode::Backward);
        let hit = c
            .iter()
            .find(|c| c.rule == *rule)
            .unwrap_or_else(|| panic!("{rule}: {c:#?}"));
        // Confluent's incompatible set (SchemaDiff.COMPATIBLE_CHANGES' complement).
        let breaking = [
            "PACKAGE_CHANGED",
            "MESSAGE_REMOVED",
            "FIELD_KIND_CHANGED",
            "FIELD_SCALAR_KIND_CHANGED",
            "FIELD_NAMED_TYPE_CHANGED",
            "FIELD_NUMERIC_LABEL_CHANGED",
            "REQUIRED_FIELD_ADDED",
            "REQUIRED_FIELD_REMOVED",
            "ONEOF_FIELD_REMOVED",
            "MULTIPLE_FIELDS_MOVED_TO_ONEOF",
            "FIELD_MOVED_TO_EXISTING_ONEOF",
        ];
        assert_eq!(hit.breaking, breaking.contains(rule), "{rule}");
        // FORWARD swaps the roles: the swapped pair has the same rule, place and verdict
        // (told the other way round).
        let f = run(&file(new), &file(old), Mode::Forward);
        assert!(
            f.iter()
                .any(|c| (&c.rule, &c.path, c.breaking) == (&hit.rule, &hit.path, hit.breaking)),
            "{rule}: {hit:?} not in FORWARD of the swapped pair {f:#?}"
        );
    }
    let covered: std::collections::HashSet<&str> = table.iter().map(|(r, _, _)| *r).collect();
    for (id, _) in super::RULES {
        assert!(covered.contains(id), "no case for {id}");
    }
}

#[test]
fn hostile_sizes_do_not_overflow_the_stack() {
    // A chain of 3000 messages, each referring to the next, changed at the far end: the
    // break travels back to the first field without recursion.
    let chain = |last: &str| {
        let mut s = String::new();
        for i in 0..3000 {
            s.push_str(&format!("message M{i} {{ M{} next = 1; }}\n", i + 1));
        }
        s.push_str(&format!("message M3000 {{ {last} v = 1; }}\n"));
        s
    };
    let c = run(&p3(&chain("int32")), &p3(&chain("string")), Mode::Full);
    assert_eq!(
        c.iter()
            .filter(|c| c.rule == "FIELD_NAMED_TYPE_CHANGED")
            .count(),
        3000
    );
    assert!(!is_compatible(&c));
    // Nested as deep as protox allows (31 levels); deeper descriptors from elsewhere are
    // walked by the same work queue.
    let nest = |t: &str| {
        let mut s = String::new();
        for i in 0..31 {
            s.push_str(&format!("message N{i} {{ "));
        }
        s.push_str(&format!("{t} v = 1; "));
        s.push_str(&"}".repeat(31));
        s
    };
    let c = run(&p3(&nest("int32")), &p3(&nest("bytes")), Mode::Backward);
    assert_eq!(ids(&c), ["FIELD_SCALAR_KIND_CHANGED!"]);
    assert!(c[0].path.ends_with("N29.N30/fields/1"), "{}", c[0].path);
}

// ---------------------------------------------------------------------------------------
// Soundness: for generated pairs judged compatible, the reader decodes the writer's bytes.
// ---------------------------------------------------------------------------------------

/// A small deterministic generator (xorshift64*), so failures reproduce from the seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

const SCALARS: &[&str] = &[
    "int32", "int64", "uint32", "uint64", "bool", "sint32", "sint64", "fixed32", "sfixed32",
    "fixed64", "sfixed64", "float", "double", "string", "bytes", "E",
];

#[derive(Clone, Debug)]
struct FieldSpec {
    name: String,
    ty: String,
    repeated: bool,
    optional: bool,
    oneof: Option<u8>,
}

fn random_type(rng: &mut Rng, inner: bool) -> String {
    match rng.below(10) {
        0 if inner => "Inner".into(),
        1 if inner => format!(
            "map<{}, {}>",
            rng.pick(&["string", "int32", "sint64"]),
            rng.pick(&["int32", "string", "Inner", "E"])
        ),
        _ => rng.pick(SCALARS).to_string(),
    }
}

fn random_field(rng: &mut Rng, n: u32, inner: bool) -> FieldSpec {
    let ty = random_type(rng, inner);
    let map = ty.starts_with("map<");
    let oneof = (!map && inner && rng.below(4) == 0).then(|| rng.below(2) as u8);
    let repeated = !map && oneof.is_none() && rng.below(4) == 0;
    let optional = !map && !repeated && oneof.is_none() && rng.below(5) == 0;
    FieldSpec {
        name: format!("f{n}"),
        ty,
        repeated,
        optional,
        oneof,
    }
}

/// Fields by number 1..=6 for `Outer` (may use Inner, maps, oneofs) or `Inner` (scalars).
fn random_message(rng: &mut Rng, inner: bool) -> Vec<Option<FieldSpec>> {
    (1..=6)
        .map(|n| (rng.below(3) > 0).then(|| random_field(rng, n, inner)))
        .collect()
}

/// The new version: each field kept, dropped, renamed, relabelled, moved in or out of a
/// oneof, or replaced; new fields appear.
fn mutate(rng: &mut Rng, old: &[Option<FieldSpec>], inner: bool) -> Vec<Option<FieldSpec>> {
    old.iter()
        .enumerate()
        .map(|(i, f)| {
            let n = i as u32 + 1;
            match (f, rng.below(14)) {
                (None, 0) => Some(random_field(rng, n, inner)),
                (None, _) => None,
                (Some(_), 0) => None,
                (Some(f), 1) => Some(FieldSpec {
                    name: format!("g{n}"),
                    ..f.clone()
                }),
                (Some(_), 2) => Some(random_field(rng, n, inner)),
                (Some(f), 3 | 5) if !f.ty.starts_with("map<") => {
                    // Out of a oneof, or into oneof 0 (merging independent fields, oneofs).
                    let oneof = if !inner || (f.oneof.is_some() && rng.below(2) == 0) {
                        None
                    } else {
                        Some(0)
                    };
                    let repeated = oneof.is_none() && rng.below(3) == 0;
                    Some(FieldSpec {
                        oneof,
                        repeated,
                        optional: false,
                        ..f.clone()
                    })
                }
                (Some(f), 4) if !f.ty.starts_with("map<") && !f.ty.contains("Inner") => {
                    // Same wire group, or not: the checker must tell.
                    Some(FieldSpec {
                        ty: rng.pick(SCALARS).to_string(),
                        ..f.clone()
                    })
                }
                (Some(f), _) => Some(f.clone()),
            }
        })
        .collect()
}

fn render(outer: &[Option<FieldSpec>], inner: &[Option<FieldSpec>]) -> String {
    let body = |fields: &[Option<FieldSpec>]| {
        let mut s = String::new();
        let mut oneofs: [String; 2] = Default::default();
        for (i, f) in fields.iter().enumerate() {
            let Some(f) = f else { continue };
            let label = if f.repeated {
                "repeated "
            } else if f.optional {
                "optional "
            } else {
                ""
            };
            let line = format!("{label}{} {} = {};", f.ty, f.name, i + 1);
            match f.oneof {
                Some(o) => oneofs[o as usize].push_str(&format!(" {line}")),
                None => s.push_str(&format!("  {line}\n")),
            }
        }
        for (i, o) in oneofs.iter().enumerate() {
            if !o.is_empty() {
                s.push_str(&format!("  oneof o{i} {{{o} }}\n"));
            }
        }
        s
    };
    format!(
        "syntax = \"proto3\";\npackage p;\nenum E {{ E0 = 0; E1 = 1; E2 = 2; }}\nmessage Outer {{\n{}}}\nmessage Inner {{\n{}}}\n",
        body(outer),
        body(inner)
    )
}

fn random_scalar(rng: &mut Rng, kind: &Kind) -> Value {
    let big = rng.next();
    match kind {
        Kind::Int32 | Kind::Sint32 | Kind::Sfixed32 => Value::I32(big as i32 >> rng.below(32)),
        Kind::Int64 | Kind::Sint64 | Kind::Sfixed64 => Value::I64(big as i64 >> rng.below(64)),
        Kind::Uint32 | Kind::Fixed32 => Value::U32((big as u32) >> rng.below(32)),
        Kind::Uint64 | Kind::Fixed64 => Value::U64(big >> rng.below(64)),
        Kind::Bool => Value::Bool(big & 1 == 1),
        Kind::Float => Value::F32((big % 100_000) as f32 / 7.0),
        Kind::Double => Value::F64((big % 100_000) as f64 / 7.0),
        Kind::String => Value::String(format!("s{big}é")),
        // string ↔ bytes is compatible (Confluent, the wire); a string reader still rejects
        // bytes that are not UTF-8 (the rule's message says so), so bytes here are text.
        Kind::Bytes => Value::Bytes(format!("b{big}").into_bytes().into()),
        Kind::Enum(_) => Value::EnumNumber(rng.below(3) as i32),
        Kind::Message(m) => Value::Message(random_message_value(rng, m, 1)),
    }
}

fn random_message_value(rng: &mut Rng, desc: &MessageDescriptor, depth: u32) -> DynamicMessage {
    let mut msg = DynamicMessage::new(desc.clone());
    if depth > 2 {
        return msg;
    }
    for f in desc.fields() {
        if rng.below(5) == 0 {
            continue;
        }
        let kind = f.kind();
        let one = |rng: &mut Rng, k: &Kind| match k {
            Kind::Message(m) => Value::Message(random_message_value(rng, m, depth + 1)),
            k => random_scalar(rng, k),
        };
        let value = if f.is_map() {
            let Kind::Message(entry) = &kind else {
                unreachable!()
            };
            let (kf, vf) = (entry.map_entry_key_field(), entry.map_entry_value_field());
            let mut map = HashMap::new();
            for _ in 0..rng.below(3) + 1 {
                let key = match random_scalar(rng, &kf.kind()) {
                    Value::String(s) => MapKey::String(s),
                    Value::I32(i) => MapKey::I32(i),
                    Value::I64(i) => MapKey::I64(i),
                    other => panic!("key {other:?}"),
                };
                map.insert(key, one(rng, &vf.kind()));
            }
            Value::Map(map)
        } else if f.is_list() {
            Value::List((0..rng.below(3) + 1).map(|_| one(rng, &kind)).collect())
        } else {
            one(rng, &kind)
        };
        msg.set_field(&f, value);
    }
    msg
}

/// Same scalar type and shape on both sides (the values must then be equal after decoding).
fn same_scalar(a: &prost_reflect::FieldDescriptor, b: &prost_reflect::FieldDescriptor) -> bool {
    let scalar = |f: &prost_reflect::FieldDescriptor| !matches!(f.kind(), Kind::Message(_));
    scalar(a)
        && scalar(b)
        && super::kind_name(&a.kind()) == super::kind_name(&b.kind())
        && a.is_list() == b.is_list()
}

fn soundness_cases() -> u64 {
    std::env::var("EVTCTL_PROTO_SOUNDNESS_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000)
}

#[test]
fn soundness_compatible_means_the_reader_decodes_the_writers_bytes() {
    let cases = soundness_cases();
    let (mut judged_ok, mut judged_bad) = (0u64, 0u64);
    for seed in 1..=cases {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let (oo, oi) = (
            random_message(&mut rng, true),
            random_message(&mut rng, false),
        );
        let (no, ni) = (mutate(&mut rng, &oo, true), mutate(&mut rng, &oi, false));
        let (old_src, new_src) = (render(&oo, &oi), render(&no, &ni));
        let (old, new) = (proto(&old_src), proto(&new_src));
        for (mode, writer, reader) in [(Mode::Backward, &old, &new), (Mode::Forward, &new, &old)] {
            let changes = run(&old, &new, mode);
            if !is_compatible(&changes) {
                judged_bad += 1;
                continue;
            }
            judged_ok += 1;
            let wd = writer.parent_pool().get_message_by_name("p.Outer").unwrap();
            let rd = reader.parent_pool().get_message_by_name("p.Outer").unwrap();
            for _ in 0..4 {
                let data = random_message_value(&mut rng, &wd, 0);
                let bytes = prost::Message::encode_to_vec(&data);
                let back = DynamicMessage::decode(rd.clone(), bytes.as_slice()).unwrap_or_else(|e| {
                    panic!("seed {seed} {mode}: judged compatible ({changes:#?}) but decoding failed: {e}\nold:\n{old_src}\nnew:\n{new_src}")
                });
                for wf in wd.fields() {
                    let Some(rf) = rd.get_field(wf.number()) else {
                        continue;
                    };
                    if same_scalar(&wf, &rf) && wf.is_map() == rf.is_map() {
                        assert_eq!(
                            data.get_field(&wf),
                            back.get_field(&rf),
                            "seed {seed} {mode}: field {} lost its value\nold:\n{old_src}\nnew:\n{new_src}",
                            wf.number()
                        );
                    }
                }
            }
        }
    }
    // Not vacuous: both verdicts occur often.
    assert!(
        judged_ok * 5 > cases,
        "only {judged_ok} compatible verdicts"
    );
    assert!(
        judged_bad * 5 > cases,
        "only {judged_bad} breaking verdicts"
    );
}
