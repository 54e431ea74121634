//! `compat` as a CI gate: rule configuration in registry.toml (ignore, ignore_paths,
//! severities, --fail-on), SARIF checked against the SARIF 2.1.0 schema, the Markdown PR
//! comment, `validate --format sarif`, and examples as evidence in `schema check`.

use crate::common::*;
use serde_json::{json, Value};
use std::path::PathBuf;

const SARIF_SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/sarif-schema-2.1.0.json"
);

fn temp_registry(files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(unique("gate"));
    for (rel, text) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

const V1: &str = r#"{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}"#;
/// Against V1: an optional property added to an open model (breaking, strict) at
/// `#/properties/note`, and `maxLength` added to `id` (breaking) at line 4.
const V2: &str = r#"{
  "type": "object",
  "properties": {
    "id": {"type": "string", "maxLength": 8},
    "note": {"type": "string"}
  },
  "required": ["id"]
}"#;

fn compat_json(reg: &std::path::Path, extra: &[&str]) -> (i32, Value) {
    let out = evtctl()
        .args(["--registry", reg.to_str().unwrap(), "compat", "-o", "json"])
        .args(extra)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), v)
}

fn change<'a>(v: &'a Value, rule: &str) -> &'a Value {
    v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {v}"))
}

#[test]
fn without_configuration_both_breaks_fail() {
    let reg = temp_registry(&[("s/v1.schema.json", V1), ("s/v2.schema.json", V2)]);
    let (code, v) = compat_json(&reg, &[]);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["compatible"], false);
    assert_eq!(change(&v, "MAX_LENGTH_ADDED")["severity"], "error");
    assert_eq!(
        change(&v, "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL")["waived_by"],
        Value::Null
    );
}

#[test]
fn waivers_are_reported_with_the_line_that_waived_them() {
    let toml = "[compat]\nseverity = { MAX_LENGTH_ADDED = \"warn\" }\n\n[subjects.s.compat]\nignore_paths = [\"#/properties/note\"]\n";
    let reg = temp_registry(&[
        ("registry.toml", toml),
        ("s/v1.schema.json", V1),
        ("s/v2.schema.json", V2),
    ]);
    let (code, v) = compat_json(&reg, &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["compatible"], true);
    let note = change(&v, "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
    assert_eq!(note["breaking"], true, "the checker's verdict is kept");
    assert_eq!(
        note["severity"], "off",
        "a waived change is not an error: {note}"
    );
    assert_eq!(note["waived_by"]["line"], 5);
    assert_eq!(
        note["waived_by"]["text"],
        "ignore_paths = [\"#/properties/note\"]"
    );
    assert!(note["waived_by"]["file"]
        .as_str()
        .unwrap()
        .ends_with("registry.toml"));
    let max = change(&v, "MAX_LENGTH_ADDED");
    assert_eq!(max["severity"], "warn");
    assert_eq!(max["waived_by"], Value::Null);
    // Warnings fail only when asked to.
    let (code, v) = compat_json(&reg, &["--fail-on", "warn"]);
    assert_eq!(code, 1, "{v}");
    // Pretty output marks the waiver and names the line.
    let out = evtctl()
        .args([
            "--registry",
            reg.to_str().unwrap(),
            "compat",
            "-v",
            "-o",
            "pretty",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("(waived)") && text.contains("registry.toml:5: ignore_paths"),
        "{text}"
    );
}

#[test]
fn ignore_by_rule_id_and_severity_off() {
    let toml = "[compat]\nignore = [\"MAX_LENGTH_ADDED\"]\nseverity = { OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL = \"off\" }\n";
    let reg = temp_registry(&[
        ("registry.toml", toml),
        ("s/v1.schema.json", V1),
        ("s/v2.schema.json", V2),
    ]);
    let (code, v) = compat_json(&reg, &[]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(change(&v, "MAX_LENGTH_ADDED")["waived_by"]["line"], 2);
    assert_eq!(
        change(&v, "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL")["waived_by"]["line"],
        3
    );
    for rule in [
        "MAX_LENGTH_ADDED",
        "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL",
    ] {
        assert_eq!(change(&v, rule)["severity"], "off", "{v}");
    }
    // A path prefix matches whole segments only.
    let toml = "[subjects.s.compat]\nignore_paths = [\"#/properties/no\", \"#/properties/id\"]\n";
    let reg = temp_registry(&[
        ("registry.toml", toml),
        ("s/v1.schema.json", V1),
        ("s/v2.schema.json", V2),
    ]);
    let (code, v) = compat_json(&reg, &[]);
    assert_eq!(code, 1, "{v}");
    assert_eq!(change(&v, "MAX_LENGTH_ADDED")["waived_by"]["line"], 2);
    assert_eq!(
        change(&v, "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL")["waived_by"],
        Value::Null
    );
}

#[test]
fn a_configuration_error_names_the_line_and_exits_2() {
    for (toml, line, what) in [
        (
            "[defaults]\npolicy = \"strict\"\n\n[compat]\nignore = [\"MAX_LENGHT_ADDED\"]\n",
            5,
            "MAX_LENGHT_ADDED",
        ),
        (
            "[subjects.s.compat]\nseverity = { NOPE = \"warn\" }\n",
            2,
            "NOPE",
        ),
        (
            "[compat]\nseverity = { MAX_LENGTH_ADDED = \"fatal\" }\n",
            2,
            "fatal",
        ),
        (
            "[compat]\nignore_paths = [\"properties/a\"]\n",
            2,
            "properties/a",
        ),
    ] {
        let reg = temp_registry(&[
            ("registry.toml", toml),
            ("s/v1.schema.json", V1),
            ("s/v2.schema.json", V2),
        ]);
        let out = evtctl()
            .args(["--registry", reg.to_str().unwrap(), "compat"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{toml}: {err}");
        assert!(
            err.contains(&format!("registry.toml:{line}:")) && err.contains(what),
            "{toml}: {err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    }
}

/// The vendored schema's `language` patterns (of `run` and `toolComponent`) have an unbalanced
/// `]`, which is not a valid ECMA-262 (unicode mode) regex, so the validator refuses the
/// schema. They are replaced here, in memory and only there, by the pattern they mean;
/// nothing evtctl emits has a `language`.
const BAD_LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(SARIF_SCHEMA).unwrap();
    let mut schema: Value = serde_json::from_str(&text).unwrap();
    for def in ["run", "toolComponent"] {
        let lang = &mut schema["definitions"][def]["properties"]["language"]["pattern"];
        assert_eq!(lang, BAD_LANGUAGE_PATTERN, "the vendored schema changed");
        *lang = json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&schema)
        .unwrap()
}

fn assert_valid_sarif(log: &Value) {
    let v = sarif_validator();
    let errors: Vec<String> = v
        .iter_errors(log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF: {errors:#?}\n{log:#}");
}

#[test]
fn the_sarif_schema_rejects_a_broken_log() {
    // The schema really constrains: a result without a message is not SARIF.
    let bad = json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
        "results": [{"ruleId": "R"}]}]});
    assert!(!sarif_validator().is_valid(&bad));
}

#[test]
fn compat_sarif_is_valid_sarif_with_rules_and_locations() {
    let toml = "[subjects.s.compat]\nignore_paths = [\"#/properties/note\"]\n";
    let reg = temp_registry(&[
        ("registry.toml", toml),
        ("s/v1.schema.json", V1),
        ("s/v2.schema.json", V2),
    ]);
    let out = evtctl()
        .args([
            "--registry",
            reg.to_str().unwrap(),
            "compat",
            "--format",
            "sarif",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "{log:#}");
    // Breaking first, then the waived one (suppressed, naming the registry.toml line).
    assert_eq!(results[0]["ruleId"], "MAX_LENGTH_ADDED");
    assert_eq!(results[0]["level"], "error");
    let loc = &results[0]["locations"][0]["physicalLocation"];
    assert!(loc["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .ends_with("s/v2.schema.json"));
    assert_eq!(loc["region"]["startLine"], 4);
    let idx = results[0]["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[idx]["id"], "MAX_LENGTH_ADDED");
    assert!(rules[idx]["shortDescription"]["text"]
        .as_str()
        .unwrap()
        .contains("maxLength"));
    assert_eq!(
        results[1]["ruleId"],
        "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"
    );
    let why = results[1]["suppressions"][0]["justification"]
        .as_str()
        .unwrap();
    assert!(why.contains("registry.toml:2"), "{why}");
}

#[test]
fn compat_markdown_is_a_pr_comment() {
    let toml = "[subjects.s.compat]\nignore_paths = [\"#/properties/note\"]\n";
    let reg = temp_registry(&[
        ("registry.toml", toml),
        ("s/v1.schema.json", V1),
        ("s/v2.schema.json", V2),
    ]);
    let out = evtctl()
        .args([
            "--registry",
            reg.to_str().unwrap(),
            "compat",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let md = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = md.lines().collect();
    assert!(
        lines[0].starts_with("### :x: evtctl compat: 1 breaking change(s)"),
        "{md}"
    );
    assert!(md.contains("#### `s`"), "{md}");
    assert!(
        md.contains("| | Rule | Where | Versions | Explanation |"),
        "{md}"
    );
    let breaking = md
        .find("<code>MAX\\_LENGTH\\_ADDED</code>")
        .expect("breaking row");
    let waived = md
        .find("<code>OPTIONAL\\_PROPERTY\\_ADDED\\_TO\\_OPEN\\_CONTENT\\_MODEL</code>")
        .expect("waived row");
    assert!(breaking < waived, "breaking changes first:\n{md}");
    assert!(md.contains("<code>v2\\.schema\\.json\\:4\\:"), "{md}");
    assert!(md.contains("v1 → v2 \\(BACKWARD\\)"), "{md}");
    assert!(md.contains("waived by <code>"), "{md}");
    // Compatible: one verdict line.
    let reg = temp_registry(&[("s/v1.schema.json", V1), ("s/v2.schema.json", V1)]);
    let out = evtctl()
        .args([
            "--registry",
            reg.to_str().unwrap(),
            "compat",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("### :white_check_mark: evtctl compat: compatible"));
}

#[test]
fn validate_sarif_names_the_event_file_and_line() {
    let reg = temp_registry(&[("s/v1.schema.json", V1)]);
    let events = reg.join("events.jsonl");
    std::fs::write(&events, "{\"id\": \"a\"}\n{\"id\": 5}\nnot json\n").unwrap();
    let out = evtctl()
        .args([
            "--registry",
            reg.to_str().unwrap(),
            "validate",
            "--subject",
            "s",
            "--file",
            events.to_str().unwrap(),
            "--format",
            "sarif",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let invalid = results
        .iter()
        .find(|r| r["ruleId"] == "EVENT_INVALID")
        .expect("invalid event");
    let loc = &invalid["locations"][0]["physicalLocation"];
    assert!(loc["artifactLocation"]["uri"]
        .as_str()
        .unwrap()
        .ends_with("events.jsonl"));
    assert_eq!(loc["region"]["startLine"], 2);
    let broken = results
        .iter()
        .find(|r| r["ruleId"] == "EVENT_UNREADABLE")
        .expect("unreadable line");
    assert_eq!(
        broken["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
}

// ----- examples as evidence -----

/// v1 → v2 makes `b` required with a default: Confluent's rule (and evtctl's schema-level
/// verdict) calls this compatible, but an old event without `b` fails v2.
const E_V1: &str = r#"{"type":"object","additionalProperties":false,"properties":{"a":{"type":"string"},"b":{"type":"string"}},"required":["a"]}"#;
const E_V2: &str = r#"{"type":"object","additionalProperties":false,"properties":{"a":{"type":"string"},"b":{"type":"string","default":"x"}},"required":["a","b"]}"#;

fn schema_check(reg: &std::path::Path) -> (i32, Vec<Value>) {
    let out = evtctl()
        .args([
            "--registry",
            reg.to_str().unwrap(),
            "schema",
            "check",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), json_lines(&out.stdout))
}

#[test]
fn an_example_that_stopped_validating_is_a_break_even_when_the_rules_say_compatible() {
    let reg = temp_registry(&[
        ("s/v1.schema.json", E_V1),
        ("s/v2.schema.json", E_V2),
        ("s/examples/valid/both.json", r#"{"a": "x", "b": "y"}"#),
        ("s/examples/v1/valid/legacy.json", r#"{"a": "old"}"#),
    ]);
    // The schema-level rules pass this change…
    evtctl()
        .args(["--registry", reg.to_str().unwrap(), "compat"])
        .assert()
        .success();
    // …the example does not.
    let (code, lines) = schema_check(&reg);
    assert_eq!(code, 1, "{lines:?}");
    let problems: Vec<&Value> = lines.iter().filter(|l| l["type"] == "problem").collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["rule"], "EXAMPLE_NO_LONGER_VALID");
    assert!(problems[0]["file"]
        .as_str()
        .unwrap()
        .ends_with("examples/v1/valid/legacy.json"));
    let msg = problems[0]["message"].as_str().unwrap();
    assert!(msg.contains("example of v1 fails v2"), "{msg}");
    assert!(msg.contains("BACKWARD"), "{msg}");
}

#[test]
fn examples_follow_the_mode_and_can_be_waived() {
    // A shared example valid under v1 but not v2 (the latest): under BACKWARD it is reported
    // once, as the break, not also as "fails the latest version".
    let files = [
        ("s/v1.schema.json", E_V1),
        ("s/v2.schema.json", E_V2),
        ("s/examples/valid/old.json", r#"{"a": "old"}"#),
    ];
    let reg = temp_registry(&files);
    let (code, lines) = schema_check(&reg);
    assert_eq!(code, 1);
    let problems: Vec<&Value> = lines.iter().filter(|l| l["type"] == "problem").collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["rule"], "EXAMPLE_NO_LONGER_VALID");

    // FORWARD: v1 must read v2 data; a v2 example with a property v1 (closed) rejects.
    let v2_more = r#"{"type":"object","properties":{"a":{"type":"string"},"c":{"type":"integer"}},"required":["a"]}"#;
    let reg = temp_registry(&[
        (
            "registry.toml",
            "[subjects.s]\ncompatibility = \"FORWARD\"\n",
        ),
        ("s/v1.schema.json", E_V1),
        ("s/v2.schema.json", v2_more),
        ("s/examples/valid/new.json", r#"{"a": "n", "c": 1}"#),
    ]);
    let (code, lines) = schema_check(&reg);
    assert_eq!(code, 1, "{lines:?}");
    let msg = lines[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("example of v2 fails v1") && msg.contains("FORWARD"),
        "{msg}"
    );
    // The same under BACKWARD is fine: v2 reads v1 data, and the example is v2's.
    let reg = temp_registry(&[
        ("s/v1.schema.json", E_V1),
        ("s/v2.schema.json", v2_more),
        ("s/examples/valid/new.json", r#"{"a": "n", "c": 1}"#),
    ]);
    assert_eq!(schema_check(&reg).0, 0);

    // Waived in registry.toml: reported, marked, not a failure.
    let mut waived = files.to_vec();
    waived.push((
        "registry.toml",
        "[subjects.s.compat]\nignore = [\"EXAMPLE_NO_LONGER_VALID\"]\n",
    ));
    let reg = temp_registry(&waived);
    let (code, lines) = schema_check(&reg);
    let evidence = lines
        .iter()
        .find(|l| l["rule"] == "EXAMPLE_NO_LONGER_VALID")
        .expect("still reported");
    assert_eq!(evidence["waived_by"]["line"], 2);
    // The example still fails the latest version, which the layout requires of examples/valid.
    assert_eq!(code, 1, "{lines:?}");
    assert!(lines.iter().any(|l| l["message"]
        .as_str()
        .unwrap_or("")
        .contains("a valid example fails v2")));
}

// ----- reports CI shows people render data as inert text -----

/// A subject directory and a property name an attacker would choose: a backtick to end a code
/// span, an image, a link, a mention, raw HTML, a cell break, an annotation property list,
/// a percent escape, a newline, ESC, BEL and a non-XML character.
const HOSTILE_SUBJECT: &str =
    "a`b <img src=x onerror=alert(1)> [l](http:) @octocat |x| ord,line=999,title=FAKE::x %0A \x1b[31m\x07";
const HOSTILE_PROP: &str = "x` <img src=https:~1~1e.x~1p.png> [l](http://e.x) @octocat | 100%0A::error::forged \u{1b}[31m\u{7}\u{ffff}\u{fffe}";

fn hostile_registry() -> PathBuf {
    let v2 = json!({
        "type": "object",
        "properties": {"id": {"type": "string"}, HOSTILE_PROP: {"type": "string"}},
        "required": ["id", "r`s <b>@admin</b>"],
    })
    .to_string();
    let v1 = r#"{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}"#;
    temp_registry(&[
        (&format!("{HOSTILE_SUBJECT}/v1.schema.json"), v1),
        (&format!("{HOSTILE_SUBJECT}/v2.schema.json"), &v2),
    ])
}

fn compat_report(reg: &std::path::Path, format: &str) -> String {
    let out = evtctl()
        .args([
            "--registry",
            reg.to_str().unwrap(),
            "compat",
            "--format",
            format,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The content of `s` when it is exactly one CommonMark code span.
fn code_span(s: &str) -> Option<&str> {
    let open = s.len() - s.trim_start_matches('`').len();
    let close = s.len() - s.trim_end_matches('`').len();
    if open == 0 || open != close || s.len() < 2 * open {
        return None;
    }
    let inner = &s[open..s.len() - close];
    if inner.split(|c| c != '`').any(|run| run.len() == open) {
        return None; // the span would end early
    }
    Some(
        inner
            .strip_prefix(' ')
            .and_then(|i| i.strip_suffix(' '))
            .unwrap_or(inner),
    )
}

/// Why a line of the Markdown comment could render something other than text, if it could:
/// cells split by a `|` (GFM pairs `\` with the next punctuation character), markup
/// characters left unescaped outside our own `<code>` tags, an `@` a mention could start at.
fn markup_in(line: &str, cells: usize) -> Option<String> {
    let mut pipes = 0;
    let mut chars = line.char_indices().peekable();
    let mut text = String::new();
    while let Some((i, c)) = chars.next() {
        let rest = &line[i..];
        if let Some(tag) = ["<code>", "</code>"].iter().find(|t| rest.starts_with(**t)) {
            for _ in 1..tag.len() {
                chars.next();
            }
            continue;
        }
        match c {
            '\\' => {
                chars.next();
            }
            '|' => pipes += 1,
            '@' if !rest.starts_with("@&#8203;") && !inside_code(line, i) => {
                return Some(format!("a mention at {i}"))
            }
            '`' | '<' | '>' | '[' | ']' | '!' | '*' => return Some(format!("`{c}` at {i}")),
            _ => text.push(c),
        }
    }
    (line.starts_with('|') && pipes != cells + 1).then(|| format!("{pipes} cell separators"))
}

fn inside_code(line: &str, at: usize) -> bool {
    line[..at].matches("<code>").count() > line[..at].matches("</code>").count()
}

#[test]
fn compat_markdown_renders_schema_and_file_names_as_text() {
    let reg = hostile_registry();
    let md = compat_report(&reg, "markdown");
    let heading = md
        .lines()
        .find_map(|l| l.strip_prefix("#### "))
        .expect("a subject heading");
    let shown = code_span(heading).unwrap_or_else(|| panic!("not one code span: {heading}"));
    assert_eq!(shown, "a`b <img src=x onerror=alert(1)> [l](http:) @octocat |x| ord,line=999,title=FAKE::x %0A \\e[31m\\x07");
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| :")).collect();
    assert_eq!(rows.len(), 2, "{md}");
    for row in &rows {
        if let Some(why) = markup_in(row, 5) {
            panic!("{why} in {row}");
        }
    }
    // The names are all there, as text.
    assert!(md.contains("r\\`s \\<b\\>@&#8203;admin\\<\\/b\\>"), "{md}");
    assert!(md.contains("\\<img src\\=https\\:"), "{md}");
}

/// `::command key=value,…::data` → (command, properties, data), as the runner reads it.
fn workflow_command(line: &str) -> (String, Vec<(String, String)>, String) {
    let rest = line.strip_prefix("::").expect("a workflow command");
    let (head, data) = rest.split_once("::").expect("`::` before the data");
    let (cmd, props) = head.split_once(' ').unwrap_or((head, ""));
    let unescape = |s: &str| {
        s.replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%")
    };
    let props = props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_string(), unescape(v))
        })
        .collect();
    (cmd.to_string(), props, unescape(data))
}

#[test]
fn compat_github_annotations_cannot_be_forged() {
    let reg = hostile_registry();
    let out = compat_report(&reg, "github");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    for line in lines {
        let (cmd, props, data) = workflow_command(line);
        assert_eq!(cmd, "error");
        let keys: Vec<&str> = props.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["file", "line", "col", "title"], "{line}");
        assert!(
            props[0].1.contains(
                &format!("{HOSTILE_SUBJECT}/v2.schema.json")
                    .replace('\x1b', "\\e")
                    .replace('\x07', "\\x07")
            ),
            "{line}"
        );
        assert!(!data.contains(['\n', '\x1b', '\x07']), "{data:?}");
        // A `%` in the data is itself escaped, so the runner reads it back as written.
        if props[3].1 == "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL" {
            assert!(data.contains("100%0A::error::forged"), "{data}");
        }
    }
}

/// Whether `xml` is made of XML 1.0 characters, with `&` only starting a reference and no
/// raw `<` inside an attribute value: enough to tell a report a parser rejects.
fn xml_problem(xml: &str) -> Option<String> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
    if let Some(c) = xml.chars().find(|c| !allowed(*c)) {
        return Some(format!("{c:?} is not an XML 1.0 character"));
    }
    for (i, _) in xml.match_indices('&') {
        let r = &xml[i..];
        let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
            .iter()
            .any(|e| r.starts_with(e))
            || (r.starts_with("&#")
                && r[2..]
                    .find(';')
                    .is_some_and(|n| r[2..2 + n].chars().all(|c| c.is_ascii_digit())));
        if !ok {
            return Some(format!("a bare & at {i}"));
        }
    }
    // Attribute values end at their quote: no `<` may occur before it.
    for (i, _) in xml.match_indices("=\"") {
        let value = &xml[i + 2..];
        let end = value.find('"')?;
        if value[..end].contains('<') {
            return Some(format!("a `<` in an attribute at {i}"));
        }
    }
    None
}

#[test]
fn compat_junit_is_well_formed_xml_whatever_the_names() {
    let reg = hostile_registry();
    let xml = compat_report(&reg, "junit");
    if let Some(why) = xml_problem(&xml) {
        panic!("{why}:\n{xml:?}");
    }
    assert!(
        xml.contains("\\e[31m\\x07\\u{ffff}\\u{fffe}"),
        "shown as escapes: {xml}"
    );
    assert_eq!(xml.matches("<testcase").count(), 2, "{xml}");
}

#[test]
fn validate_reports_are_well_formed_and_unforgeable_too() {
    let closed =
        r#"{"type":"object","additionalProperties":false,"properties":{"id":{"type":"string"}}}"#;
    let reg = temp_registry(&[("s/v1.schema.json", closed)]);
    let dir = reg.join("ord,line=999,title=FAKE::x");
    std::fs::create_dir_all(&dir).unwrap();
    let events = dir.join("e.jsonl");
    let event = json!({"id": "a", "\u{ffff}\u{1b}[2J<img src=x>@octocat%0A": 1}).to_string();
    std::fs::write(&events, format!("{event}\n")).unwrap();
    let run = |format: &str| {
        let out = evtctl()
            .args([
                "--registry",
                reg.to_str().unwrap(),
                "validate",
                "--subject",
                "s",
            ])
            .args(["--file", events.to_str().unwrap(), "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let xml = run("junit");
    if let Some(why) = xml_problem(&xml) {
        panic!("{why}:\n{xml:?}");
    }
    let gh = run("github");
    let (cmd, props, data) = workflow_command(gh.lines().next().unwrap());
    assert_eq!(cmd, "error");
    assert_eq!(
        props[0],
        ("file".to_string(), events.to_str().unwrap().to_string())
    );
    assert_eq!(props.len(), 2, "{gh}");
    assert!(!data.contains(['\x1b', '\n']), "{data:?}");
}

// ----- messages tell the change as it happened -----

#[test]
fn compat_messages_tell_the_change_from_old_to_new_whatever_the_mode_and_policy() {
    let v1 = r#"{"type":"object","properties":{"a":{"type":"integer"},"name":{"type":"string"}},"required":["name"]}"#;
    let v2 = r#"{"type":"object","properties":{"a":{"type":"string"}}}"#;
    let reg = temp_registry(&[("s/v1.schema.json", v1), ("s/v2.schema.json", v2)]);
    for mode in ["FORWARD", "FULL"] {
        let (code, v) = compat_json(&reg, &["--mode", mode]);
        assert_eq!(code, 1, "{v}");
        let ty = change(&v, "TYPE_CHANGED")["message"].as_str().unwrap();
        assert!(
            ty.starts_with("type changed from integer to string"),
            "{mode}: {ty}"
        );
        for c in v["changes"].as_array().unwrap() {
            let m = c["message"].as_str().unwrap();
            assert!(!m.contains("from string to integer"), "{mode}: {m}");
            assert!(!m.contains("new property `name`"), "{mode}: {m}");
            assert!(
                !m.contains("writer") && !m.contains("reader"),
                "{mode}: {m}"
            );
        }
        assert!(
            v["changes"].as_array().unwrap().iter().any(|c| c["message"]
                .as_str()
                .unwrap()
                .starts_with("property `name` removed")),
            "{mode}: {v}"
        );
    }
    // Under --policy lenient no message suggests policy lenient.
    let reg = temp_registry(&[("s/v1.schema.json", V1), ("s/v2.schema.json", V2)]);
    let (_, v) = compat_json(&reg, &["--policy", "lenient"]);
    let c = change(&v, "OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
    assert_eq!(c["breaking"], false, "{c}");
    let m = c["message"].as_str().unwrap();
    assert!(!m.contains("use policy lenient"), "{m}");
    assert!(m.contains("compatible under policy lenient"), "{m}");
}

#[test]
fn compat_parse_errors_name_the_line_and_column_of_the_fault() {
    let reg = temp_registry(&[
        ("s/v1.schema.json", V1),
        ("s/v2.schema.json", "{\"type\": \"object\",\n"),
    ]);
    let (code, v) = compat_json(&reg, &[]);
    assert_eq!(code, 2, "{v}");
    let why = v["could_not_check"][0].as_str().unwrap();
    assert!(
        why.ends_with("v2.schema.json:1:19: EOF while parsing a value"),
        "{why}"
    );
}

#[test]
fn compat_sarif_locations_are_uris_and_messages_hold_no_links() {
    let reg = hostile_registry();
    let out = evtctl()
        .current_dir(&reg)
        .args(["--registry", ".", "compat", "--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_valid_sarif(&log);
    for r in log["runs"][0]["results"].as_array().unwrap() {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        // RFC 3986 characters only: the subject directory is percent-encoded.
        assert!(
            uri.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~/%".contains(c)),
            "{uri}"
        );
        assert!(
            uri.ends_with("/v2.schema.json") && uri.starts_with("a%60b%20%3Cimg"),
            "{uri}"
        );
        // `[text](target)` is a link in SARIF message text: brackets from data are escaped.
        let text = r["message"]["text"].as_str().unwrap();
        if text.contains("[l]") {
            panic!("an unescaped link in {text}");
        }
    }
}

#[test]
fn compat_pretty_output_shows_controls_in_names_as_escapes() {
    let reg = hostile_registry();
    let out = evtctl()
        .args([
            "--registry",
            reg.to_str().unwrap(),
            "compat",
            "-o",
            "pretty",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains(['\x1b', '\x07']), "{text:?}");
    assert!(text.contains("\\e[31m\\x07"), "{text}");
    assert_eq!(text.lines().count(), 2, "one line per change: {text}");
}
