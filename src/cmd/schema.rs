//! `evtctl schema list|show|check`: inspect the local registry and check it the way CI should:
//! versions without gaps, every schema compiles, every `$ref` resolves inside the registry,
//! every valid example passes and every invalid one fails the latest version.

use crate::cli::SchemaCommand;
use crate::error::ProblemsFound;
use crate::output::Printer;
use crate::registry::{json_error_at, Registry, Subject};
use anyhow::Result;
use std::path::{Path, PathBuf};

/// A problem `schema check` found, named by file.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Problem {
    pub file: String,
    pub message: String,
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
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("examples").join(kind))
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

/// Every problem in one subject.
pub fn check_subject(reg: &Registry, s: &Subject) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut p = |file: &Path, message: String| {
        problems.push(Problem {
            file: file.display().to_string(),
            message,
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
        if let Err(e) = s.validator(v, &reg.root) {
            p(&v.path, e);
        }
    }
    let latest = s.latest();
    if s.validator(latest, &reg.root).is_err() {
        return problems;
    }
    for (kind, want_valid) in [("valid", true), ("invalid", false)] {
        for ex in examples(&s.dir, kind) {
            let event = match std::fs::read_to_string(&ex)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::from_str(&t).map_err(|e| json_error_at(&ex, &e)))
            {
                Ok(v) => v,
                Err(e) => {
                    p(&ex, e);
                    continue;
                }
            };
            match reg.check(s, latest, &event) {
                Ok(issues) if want_valid && !issues.is_empty() => p(
                    &ex,
                    format!(
                        "a valid example fails v{}: {}: {}",
                        latest.version, issues[0].instance_path, issues[0].message
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
    problems
}

pub fn run(cmd: &SchemaCommand, reg: &Registry, printer: &mut Printer) -> Result<()> {
    match cmd {
        SchemaCommand::List => {
            if printer.is_json() {
                for s in reg.subjects.values() {
                    printer.json(&serde_json::json!({
                        "subject": s.name,
                        "versions": s.versions.iter().map(|v| v.version).collect::<Vec<_>>(),
                        "compatibility": s.compatibility,
                        "policy": s.policy,
                        "dialect": s.dialect,
                        "routes": routes_to(reg, &s.name),
                    }))?;
                }
            } else {
                let mut t = crate::output::table::new(&[
                    "SUBJECT",
                    "VERSIONS",
                    "COMPATIBILITY",
                    "POLICY",
                    "ROUTES",
                ]);
                for s in reg.subjects.values() {
                    t.add_row(vec![
                        s.name.clone(),
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
            let (_, file) = reg.schema_ref(subject)?;
            let schema = file
                .schema
                .as_ref()
                .map_err(|e| crate::error::usage(e.clone()))?;
            if printer.is_json() {
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
                let problems = check_subject(reg, s);
                if !printer.is_json() {
                    let st = printer.styles;
                    if problems.is_empty() {
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
                        let b = st.bad;
                        printer.line(&format!("{b}{}{b:#}: {}", pr.file, pr.message))?;
                    }
                }
                all.extend(problems);
            }
            if printer.is_json() {
                for pr in &all {
                    printer.json(&serde_json::json!({"type": "problem", "file": pr.file, "message": pr.message}))?;
                }
                printer.json(&serde_json::json!({"type": "summary", "subjects": reg.subjects.len(), "problems": all.len()}))?;
            }
            printer.flush()?;
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
