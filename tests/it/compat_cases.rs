//! Data-driven compatibility cases: every `tests/compat_cases/*.json` file is one case.
//!
//! To run these cases against the module in another crate, change only the `use` below.

use evtctl::registry::compat as compat_mod;

use compat_mod::{Mode, Policy};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

const CASE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/compat_cases");

/// Run one case file; `Err` describes the mismatch.
fn run_case(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("read: {e}"))?;
    let case: Value = serde_json::from_str(&text).map_err(|e| format!("parse: {e}"))?;
    let field = |k: &str| case.get(k).ok_or_else(|| format!("missing field `{k}`"));
    let mode: Mode = field("mode")?
        .as_str()
        .ok_or("mode not a string")?
        .parse()?;
    let policy: Policy = match case.get("policy") {
        Some(p) => p.as_str().ok_or("policy not a string")?.parse()?,
        None => Policy::Strict,
    };
    let expect_ok = field("compatible")?
        .as_bool()
        .ok_or("compatible not a bool")?;
    let expect_rules: BTreeSet<String> = field("rules")?
        .as_array()
        .ok_or("rules not an array")?
        .iter()
        .map(|r| r.as_str().unwrap_or_default().to_string())
        .collect();
    let refs = case.get("refs").cloned().unwrap_or(Value::Null);
    let resolve = move |name: &str| refs.get(name).cloned();
    let changes = compat_mod::compare(field("old")?, field("new")?, mode, policy, &resolve);
    if let Some(c) = changes
        .iter()
        .find(|c| compat_mod::rules::find(&c.rule).is_none())
    {
        return Err(format!(
            "rule `{}` is missing from the rule catalogue",
            c.rule
        ));
    }
    let got_ok = compat_mod::is_compatible(&changes);
    let got_rules: BTreeSet<String> = changes
        .iter()
        .filter(|c| c.breaking)
        .map(|c| c.rule.clone())
        .collect();
    if got_ok != expect_ok || got_rules != expect_rules {
        return Err(format!(
            "expected compatible={expect_ok} rules={expect_rules:?}, got compatible={got_ok} rules={got_rules:?}\n  changes: {changes:#?}"
        ));
    }
    Ok(())
}

#[test]
fn compat_cases() {
    let mut files: Vec<_> = std::fs::read_dir(CASE_DIR)
        .expect("case directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no case files in {CASE_DIR}");
    let mut failures = Vec::new();
    for f in &files {
        if let Err(e) = run_case(f) {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            eprintln!("FAILED {name}: {e}");
            failures.push(name);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} case(s) failed: {failures:?}",
        failures.len(),
        files.len()
    );
    eprintln!("{} compat case(s) passed", files.len());
}

/// Every case, compared in both directions and in FULL, under both policies: each message
/// names the schemas as people know them (old, new), never as the checker sees them (writer,
/// reader, which swap in FORWARD), and none under LENIENT suggests LENIENT.
#[test]
fn case_messages_speak_of_old_and_new() {
    let mut checked = 0;
    for entry in std::fs::read_dir(CASE_DIR).expect("case directory exists") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let (Some(old), Some(new)) = (case.get("old"), case.get("new")) else {
            continue;
        };
        let refs = case.get("refs").cloned().unwrap_or(Value::Null);
        let resolve = move |name: &str| refs.get(name).cloned();
        for mode in [Mode::Backward, Mode::Forward, Mode::Full] {
            for policy in [Policy::Strict, Policy::Lenient] {
                for c in compat_mod::compare(old, new, mode, policy, &resolve) {
                    let m = &c.message;
                    assert!(
                        !m.contains("writer") && !m.contains("reader"),
                        "{}: {mode}: {}: {m}",
                        path.display(),
                        c.rule
                    );
                    assert!(
                        policy == Policy::Strict || !m.contains("use policy lenient"),
                        "{}: {mode}: {}: {m}",
                        path.display(),
                        c.rule
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} messages");
    eprintln!("{checked} messages checked");
}
