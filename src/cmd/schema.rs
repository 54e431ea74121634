//! `evtctl schema list|show|check`: inspect the local registry and check it the way CI should:
//! versions without gaps, every schema compiles, every `$ref` resolves inside the registry,
//! every valid example passes and every invalid one fails the latest version, and valid examples
//! of earlier versions still pass the later versions that must read them (examples as evidence).

use crate::cli::SchemaCommand;
use crate::error::{Interrupted, ProblemsFound};
use crate::output::Printer;
use crate::registry::{json_error_at, Registry, Subject};
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// A problem `schema check` found, named by file.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Problem {
    pub file: String,
    pub message: String,
    /// Rule id, for problems that are compatibility breaks (`EXAMPLE_NO_LONGER_VALID`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The registry.toml line that waived it; a waived problem does not fail the check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waived_by: Option<crate::registry::Origin>,
}

fn routes_to(reg: &Registry, subject: &str) -> Vec<String> {
    let types = reg
        .routes
        .types
        .iter()
        .filter(|(_, s)| *s == subject)
        .map(|(t, _)| format!("type {t}"));
    let topics = reg
        .routes
        .topics
        .iter()
        .filter(|(_, s)| *s == subject)
        .map(|(t, _)| format!("topic {t}"));
    types.chain(topics).collect()
}

fn examples(dir: &Path, kind: &str) -> Vec<PathBuf> {
    json_files(&dir.join("examples").join(kind))
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// What a problem quotes of an example's validation message: a message quotes the offending
/// value, which in a big example can be millions of characters.
fn quoted(message: &str) -> std::borrow::Cow<'_, str> {
    crate::output::cap(message, crate::output::QUOTE_MAX)
}

/// Every problem in one subject; `Err(Interrupted)` as soon as `cancel` is seen (between
/// versions and examples).
pub fn check_subject(reg: &Registry, s: &Subject, cancel: &AtomicBool) -> Result<Vec<Problem>> {
    let stop = || -> Result<()> {
        if cancel.load(Ordering::Relaxed) {
            return Err(Interrupted.into());
        }
        Ok(())
    };
    let mut problems = Vec::new();
    let mut p = |file: &Path, message: String| {
        problems.push(Problem {
            file: file.display().to_string(),
            message: quoted(&message).into_owned(),
            rule: None,
            waived_by: None,
        })
    };
    for (i, v) in s.versions.iter().enumerate() {
        if v.version as usize != i + 1 {
            p(
                &v.path,
                format!(
                    "version {} follows v{}: versions must be numbered 1, 2, 3… without gaps",
                    v.version, i
                ),
            );
            break;
        }
    }
    for v in &s.versions {
        stop()?;
        if let Err(e) = s.usable(v, reg) {
            p(&v.path, e);
        }
    }
    let evidence = examples_as_evidence(reg, s, cancel)?;
    let latest = s.latest();
    if s.usable(latest, reg).is_err() {
        problems.extend(evidence);
        return Ok(problems);
    }
    // An example already reported as no longer valid under the latest version is not
    // reported a second time as "a valid example fails" it.
    let reported: Vec<String> = evidence
        .iter()
        .filter(|e| {
            e.waived_by.is_none() && e.message.contains(&format!(" fails v{} ", latest.version))
        })
        .map(|e| e.file.clone())
        .collect();
    let mut p = |file: &Path, message: String| {
        problems.push(Problem {
            file: file.display().to_string(),
            message: quoted(&message).into_owned(),
            rule: None,
            waived_by: None,
        })
    };
    for (kind, want_valid) in [("valid", true), ("invalid", false)] {
        for ex in examples(&s.dir, kind) {
            stop()?;
            let event = match std::fs::read_to_string(&ex)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str(&t).map_err(|e| json_error_at(&ex, &t, &e)))
            {
                Ok(v) => v,
                Err(e) => {
                    p(&ex, e);
                    continue;
                }
            };
            // Validating a big example takes long: look again before reporting on it.
            let checked = reg.check(s, latest, &event);
            stop()?;
            match checked {
                Ok(_) if want_valid && reported.contains(&ex.display().to_string()) => {}
                Ok(issues) if want_valid && !issues.is_empty() => p(
                    &ex,
                    format!(
                        "a valid example fails v{}: {}: {}",
                        latest.version,
                        quoted(&issues[0].instance_path),
                        quoted(&issues[0].message)
                    ),
                ),
                Ok(issues) if !want_valid && issues.is_empty() => p(
                    &ex,
                    format!("an invalid example passes v{}", latest.version),
                ),
                Ok(_) => {}
                Err(e) => p(&ex, e),
            }
        }
    }
    stop()?;
    problems.extend(evidence);
    Ok(problems)
}

fn read_json(path: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
}

/// Examples as evidence: every valid example of an earlier version must still validate
/// against each later version that has to read its data under the subject's mode (and, for
/// FORWARD modes, every valid example of a later version against the earlier one). An example
/// "of" version N is one in `examples/valid/` that validates against vN, or one in
/// `examples/vN/valid/` (which must). Breaks are `EXAMPLE_NO_LONGER_VALID`, whatever the
/// schema-level rules said.
fn examples_as_evidence(reg: &Registry, s: &Subject, cancel: &AtomicBool) -> Result<Vec<Problem>> {
    use crate::registry::compat::Mode;
    let stop = || -> Result<()> {
        if cancel.load(Ordering::Relaxed) {
            return Err(Interrupted.into());
        }
        Ok(())
    };
    let mut out = Vec::new();
    let Ok(mode) = s.compatibility.parse::<Mode>() else {
        return Ok(out); // `compat` reports the bad mode
    };
    let shared: Vec<(PathBuf, serde_json::Value)> = examples(&s.dir, "valid")
        .into_iter()
        .filter_map(|p| read_json(&p).map(|v| (p, v)))
        .collect();
    // version → its examples
    let mut of: std::collections::BTreeMap<u32, Vec<(PathBuf, serde_json::Value)>> =
        Default::default();
    for v in &s.versions {
        if s.usable(v, reg).is_err() {
            continue;
        }
        let own = json_files(
            &s.dir
                .join("examples")
                .join(format!("v{}", v.version))
                .join("valid"),
        );
        let mut list = Vec::new();
        for path in own {
            stop()?;
            let Some(event) = read_json(&path) else {
                out.push(Problem {
                    file: path.display().to_string(),
                    message: "not valid JSON".into(),
                    rule: None,
                    waived_by: None,
                });
                continue;
            };
            match reg.check(s, v, &event) {
                Ok(issues) if !issues.is_empty() => out.push(Problem {
                    file: path.display().to_string(),
                    message: format!(
                        "a valid example of v{n} fails v{n}: {}: {}",
                        quoted(&issues[0].instance_path),
                        quoted(&issues[0].message),
                        n = v.version
                    ),
                    rule: None,
                    waived_by: None,
                }),
                Ok(_) => list.push((path, event)),
                Err(_) => {}
            }
        }
        for (path, event) in &shared {
            stop()?;
            if matches!(reg.check(s, v, event), Ok(issues) if issues.is_empty()) {
                list.push((path.clone(), event.clone()));
            }
        }
        of.insert(v.version, list);
    }
    let versions: Vec<u32> = s.versions.iter().map(|v| v.version).collect();
    let backward = matches!(
        mode,
        Mode::Backward | Mode::BackwardTransitive | Mode::Full | Mode::FullTransitive
    );
    let forward = matches!(
        mode,
        Mode::Forward | Mode::ForwardTransitive | Mode::Full | Mode::FullTransitive
    );
    for (old, new) in crate::cmd::compat::pairs(&versions, mode) {
        let mut directions = Vec::new();
        if backward {
            directions.push((old, new, "must read"));
        }
        if forward {
            directions.push((new, old, "must be read by"));
        }
        for (from, to, relation) in directions {
            let (Some(examples), Some(target)) = (of.get(&from), s.version(to)) else {
                continue;
            };
            let Some(source) = s.version(from) else {
                continue;
            };
            for (path, event) in examples {
                stop()?;
                let Ok(issues) = s.evidence(source, target, reg, event) else {
                    continue;
                };
                let Some(first) = issues.first() else {
                    continue;
                };
                let (_, waived_by) = s.rules.judge("EXAMPLE_NO_LONGER_VALID", "#/", true);
                let relation = if relation == "must read" {
                    format!("v{to} must read v{from} data")
                } else {
                    format!("v{from} data must be readable by v{to}")
                };
                let at = if first.instance_path.is_empty() {
                    String::new()
                } else {
                    format!("{}: ", quoted(&first.instance_path))
                };
                out.push(Problem {
                    file: path.display().to_string(),
                    message: format!(
                        "EXAMPLE_NO_LONGER_VALID: a valid example of v{from} fails v{to} ({relation} under {mode}): {at}{}",
                        quoted(&first.message)
                    ),
                    rule: Some("EXAMPLE_NO_LONGER_VALID".into()),
                    waived_by,
                });
            }
        }
    }
    Ok(out)
}

/// Run `evtctl schema …`; `cancel` (Ctrl-C, SIGTERM) stops `check` between versions, examples
/// and subjects (exit 130), before reporting on what was cut short.
pub fn run(
    cmd: &SchemaCommand,
    reg: &Registry,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    match cmd {
        SchemaCommand::List => {
            if printer.is_json() {
                for s in reg.subjects.values() {
                    printer.json(&serde_json::json!({
                        "subject": s.name,
                        "format": s.format.name(),
                        "versions": s.versions.iter().map(|v| v.version).collect::<Vec<_>>(),
                        "ids": s.ids.iter().map(|(v, ids)| (format!("{v}"), ids.iter().map(|i| crate::registry::binary::IdText::of(*i)).collect::<Vec<_>>())).collect::<std::collections::BTreeMap<_, _>>(),
                        "compatibility": s.compatibility,
                        "policy": s.policy,
                        "dialect": s.dialect,
                        "routes": routes_to(reg, &s.name),
                    }))?;
                }
            } else {
                let mut t = crate::output::table::new(&[
                    "SUBJECT",
                    "FORMAT",
                    "VERSIONS",
                    "COMPATIBILITY",
                    "POLICY",
                    "ROUTES",
                ]);
                for s in reg.subjects.values() {
                    t.add_row(vec![
                        s.name.clone(),
                        s.format.name().to_string(),
                        s.version_list(),
                        s.compatibility.clone(),
                        s.policy.clone(),
                        routes_to(reg, &s.name).join(", "),
                    ]);
                }
                printer.line(&crate::output::table::render(&mut t))?;
            }
        }
        SchemaCommand::Show { subject } => {
            let (s, file) = reg.schema_ref(subject)?;
            let schema = file
                .schema
                .as_ref()
                .map_err(|e| crate::error::usage(e.clone()))?;
            if printer.is_json() && s.format == crate::registry::binary::Format::Protobuf {
                // A .proto is not JSON: its text, as a JSON string.
                let text = std::fs::read_to_string(&file.path)?;
                printer.json(
                    &serde_json::json!({"format": "protobuf", "path": file.path, "text": text}),
                )?;
            } else if printer.is_json() {
                printer.json(schema)?;
            } else {
                // The file as its authors wrote it (key order, comments in descriptions).
                let text = std::fs::read_to_string(&file.path)?;
                printer.info(format!("{}", file.path.display()));
                printer.write(text.as_bytes())?;
            }
        }
        SchemaCommand::Check => {
            let mut all = Vec::new();
            for s in reg.subjects.values() {
                if cancel.load(Ordering::Relaxed) {
                    return Err(Interrupted.into());
                }
                let problems = check_subject(reg, s, cancel)?;
                if !printer.is_json() {
                    let st = printer.styles;
                    if problems.iter().all(|p| p.waived_by.is_some()) {
                        let (g, d) = (st.good, st.dim);
                        let n = (
                            examples(&s.dir, "valid").len(),
                            examples(&s.dir, "invalid").len(),
                        );
                        printer.line(&format!(
                            "{g}ok{g:#}  {} {d}({}; {} valid and {} invalid examples){d:#}",
                            s.name,
                            s.version_list(),
                            n.0,
                            n.1
                        ))?;
                    }
                    for pr in &problems {
                        let b = if pr.waived_by.is_some() {
                            st.dim
                        } else {
                            st.bad
                        };
                        let waived = pr
                            .waived_by
                            .as_ref()
                            .map(|o| format!(" [waived by {o}]"))
                            .unwrap_or_default();
                        printer.line(&format!("{b}{}{b:#}: {}{waived}", pr.file, pr.message))?;
                    }
                }
                all.extend(problems);
            }
            if printer.is_json() {
                for pr in &all {
                    let mut line = serde_json::json!({"type": "problem", "file": pr.file, "message": pr.message});
                    if let Some(r) = &pr.rule {
                        line["rule"] = serde_json::json!(r);
                    }
                    if let Some(w) = &pr.waived_by {
                        line["waived_by"] = serde_json::json!(w);
                    }
                    printer.json(&line)?;
                }
                printer.json(&serde_json::json!({"type": "summary", "subjects": reg.subjects.len(), "problems": all.iter().filter(|p| p.waived_by.is_none()).count()}))?;
            }
            printer.flush()?;
            all.retain(|p| p.waived_by.is_none());
            if !all.is_empty() {
                return Err(ProblemsFound(format!(
                    "{} problem(s) in the registry at {}",
                    all.len(),
                    reg.root.display()
                ))
                .into());
            }
            printer.info(format!(
                "registry {} is consistent ({} subjects)",
                reg.root.display(),
                reg.subjects.len()
            ));
        }
    }
    printer.flush()
}
