//! SARIF 2.1.0 logs (the format GitHub code scanning reads), built as JSON values.
//!
//! One run, tool `evtctl`, a rule entry (id + description) for every rule a result names, and
//! results with `ruleId`/`ruleIndex`, a level, a message and a physical location
//! (file, line, column). Waived results carry an external suppression naming the waiver.
//! Message texts are plain text in which SARIF makes `[text](target)` a link: brackets from
//! the data are escaped (see [`super::escape::sarif_text`]).

use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::Path;

/// The SARIF level of a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Note,
}

impl Level {
    fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }
}

/// One finding to report.
pub struct Result {
    pub rule: String,
    pub level: Level,
    pub message: String,
    /// A file (`line`, `column` 1-based), or, when `file` is empty, a logical place such as
    /// a Kafka record (`column` unused) named by `logical`.
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub logical: Option<String>,
    /// Why the finding does not count (e.g. "waived by schemas/registry.toml:12: …").
    pub suppressed: Option<String>,
    /// Extra machine-readable facts (subject, versions, JSON pointer…).
    pub properties: Value,
}

/// A file path as a SARIF artifact URI: relative to the working directory when it is below
/// it (what GitHub code scanning expects: paths from the repository root), `/` separated,
/// percent-encoded.
pub fn artifact_uri(file: &str) -> String {
    let p = Path::new(file);
    let rel = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            let abs = std::fs::canonicalize(p).ok()?;
            let cwd = std::fs::canonicalize(cwd).ok()?;
            abs.strip_prefix(&cwd).ok().map(Path::to_path_buf)
        })
        .unwrap_or_else(|| p.to_path_buf());
    let s = rel.to_string_lossy().replace('\\', "/");
    let s = s.strip_prefix("./").unwrap_or(&s);
    // A URI reference: a `#`, `?`, `%` or space in a file name is data, not URI syntax.
    percent_encoding::utf8_percent_encode(s, URI_PATH).to_string()
}

/// Everything but RFC 3986 unreserved characters and `/` is percent-encoded in a path.
const URI_PATH: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'/')
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The whole log. `describe` gives the description of a rule id; `notifications` are
/// failures to run (e.g. "could not check: …"), reported as tool execution notifications.
pub fn log(
    results: &[Result],
    describe: &dyn Fn(&str) -> String,
    notifications: &[String],
) -> Value {
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for r in results {
        let n = index.len();
        index.entry(r.rule.as_str()).or_insert(n);
    }
    let mut rules: Vec<(&str, usize)> = index.iter().map(|(k, v)| (*k, *v)).collect();
    rules.sort_by_key(|(_, i)| *i);
    let rules: Vec<Value> = rules
        .iter()
        .map(|(id, _)| {
            let d = describe(id);
            json!({
                "id": id,
                "name": id,
                "shortDescription": {"text": d},
                "fullDescription": {"text": d},
            })
        })
        .collect();
    let results: Vec<Value> = results
        .iter()
        .map(|r| {
            let mut v = json!({
                "ruleId": r.rule,
                "ruleIndex": index[r.rule.as_str()],
                "level": r.level.as_str(),
                "message": {"text": super::escape::sarif_text(&r.message)},
                "properties": r.properties,
            });
            v["locations"] = if r.file.is_empty() {
                json!([{"logicalLocations": [{
                    "fullyQualifiedName": r.logical.clone().unwrap_or_default(),
                    "kind": "resource",
                }]}])
            } else {
                json!([{
                    "physicalLocation": {
                        "artifactLocation": {"uri": artifact_uri(&r.file)},
                        "region": {
                            "startLine": r.line.max(1),
                            "startColumn": r.column.max(1),
                        }
                    }
                }])
            };
            if let Some(why) = &r.suppressed {
                v["suppressions"] = json!([{"kind": "external", "justification": why}]);
            }
            v
        })
        .collect();
    let notes: Vec<Value> = notifications
        .iter()
        .map(|n| json!({"level": "error", "message": {"text": super::escape::sarif_text(n)}}))
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "evtctl",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notes,
            }],
            "results": results,
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artifact_uris_encode_what_uri_syntax_would_read() {
        assert_eq!(artifact_uri("a b/c#d?e%f.json"), "a%20b/c%23d%3Fe%25f.json");
        assert_eq!(artifact_uri("./s/v1.schema.json"), "s/v1.schema.json");
        assert_eq!(artifact_uri("é/[x].json"), "%C3%A9/%5Bx%5D.json");
    }
}
