//! The local schema registry: JSON Schema files in git, laid out as
//! `<root>/<subject>/vN.schema.json` with `registry.toml` for defaults, per-subject overrides and
//! routes (event type → subject, topic → subject). Directories starting with `_` or `.` hold
//! shared definitions and are not subjects.
//!
//! Guarantees: schema resolution never touches the network; a `$ref` is followed only to files
//! inside the registry directory; every schema is compiled at most once per run.

pub mod avro;
mod avro_defaults;
pub mod binary;
pub mod compat;
mod fast_pattern;
pub mod lookup;
pub mod proto;
pub mod tape;
pub mod view;
pub mod wire;

use crate::error::usage;
use anyhow::{Context, Result};
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistryToml {
    #[serde(default)]
    defaults: Settings,
    #[serde(default)]
    subjects: BTreeMap<String, Settings>,
    #[serde(default)]
    routes: Routes,
    #[serde(default)]
    dlq: crate::conventions::DlqConfig,
    #[serde(default)]
    compat: CompatToml,
    #[serde(default)]
    trace: TraceToml,
}

/// `[trace]`: where `evtctl trace` finds ids in event values.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TraceToml {
    /// JSON pointers into the values (`/data/orderId`): the default of `trace --field`.
    #[serde(default)]
    fields: Vec<String>,
}

/// `[compat]` or `[subjects.NAME.compat]`: rule configuration in the style of `buf breaking`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompatToml {
    /// Rule ids whose findings are waived.
    #[serde(default)]
    ignore: Vec<toml::Spanned<String>>,
    /// JSON pointers (`#/properties/legacy`): findings at or below them are waived.
    #[serde(default)]
    ignore_paths: Vec<toml::Spanned<String>>,
    /// Rule id → `error`, `warn` or `off`.
    #[serde(default)]
    severity: BTreeMap<String, toml::Spanned<String>>,
}

/// Compatibility settings, as in `[defaults]` or `[subjects.NAME]`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    compatibility: Option<String>,
    policy: Option<String>,
    dialect: Option<String>,
    #[serde(default)]
    compat: CompatToml,
    /// Protobuf: the message records carry (full name); default the file's first.
    message: Option<toml::Spanned<String>>,
    /// `confluent` (default: a schema id in front, or in a header) or `none` (bare payloads).
    framing: Option<toml::Spanned<String>>,
    /// Version → schema id(s) in the registry the producers use (numbers, or GUID strings).
    #[serde(default)]
    ids: BTreeMap<String, toml::Spanned<IdsToml>>,
}

/// One `[subjects.NAME.ids]` entry: an id, or several (a number and a GUID).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum IdsToml {
    One(IdToml),
    Many(Vec<IdToml>),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum IdToml {
    Num(i64),
    Text(String),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Routes {
    #[serde(default)]
    pub types: BTreeMap<String, String>,
    #[serde(default)]
    pub topics: BTreeMap<String, String>,
}

/// One `vN.schema.json`, `vN.avsc` or `vN.proto`.
pub struct SchemaFile {
    pub version: u32,
    pub path: PathBuf,
    /// The parsed schema (JSON Schema and Avro are JSON; `null` for Protobuf), or the parse
    /// error as `file:line:col: message`.
    pub schema: std::result::Result<Value, String>,
    /// Avro and Protobuf: the compiled schema (see `binary`).
    binary: OnceLock<std::result::Result<binary::Binary, String>>,
    validator: OnceLock<std::result::Result<Compiled, String>>,
    /// The same checks for the yes/no answer only, with cheaper `pattern` matching (see
    /// `fast_pattern`); None when the schema needs the backtracking engine.
    quick: OnceLock<Option<jsonschema::Validator>>,
    /// The quick validator for events read as a `tape::Doc`.
    tape: OnceLock<Option<jsonschema::Validator<tape::Tape>>>,
}

pub struct Subject {
    pub name: String,
    pub dir: PathBuf,
    /// Sorted by version.
    pub versions: Vec<SchemaFile>,
    pub compatibility: String,
    pub policy: String,
    pub dialect: String,
    /// `[compat]` and `[subjects.NAME.compat]` together.
    pub rules: RuleConfig,
    /// Every version is in this format (mixing is an error).
    pub format: binary::Format,
    /// Protobuf: `message = "pkg.Msg"`.
    pub message: Option<String>,
    /// `framing = "none"`: payloads carry no schema id.
    pub framing_none: bool,
    /// Version → its schema ids (`[subjects.NAME.ids]`).
    pub ids: BTreeMap<u32, Vec<wire::SchemaId>>,
}

/// How a finding counts after rule configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Compatible: reported with -v and in JSON only.
    Info,
    /// Reported; fails only with `--fail-on warn`.
    Warn,
    /// Fails the check.
    Error,
}

/// Where a configuration entry is: `registry.toml:LINE` and the text of that line.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Origin {
    pub file: String,
    pub line: usize,
    pub text: String,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.text)
    }
}

/// Rule configuration of one subject, validated against the rule catalogue: its own
/// `[subjects.NAME.compat]` table, then the global `[compat]` one, shared by every subject
/// (built once, not copied per subject).
#[derive(Debug, Clone, Default)]
pub struct RuleConfig {
    /// Subject table first: the first match wins.
    tables: Vec<Arc<Rules>>,
}

/// One `[compat]` table. Lists are deduplicated (the first entry of a rule or a path is the one
/// reported), so a list of any length costs memory in proportion to what it says.
#[derive(Debug, Default)]
struct Rules {
    file: String,
    /// registry.toml, shared by every table: a waiver's line is quoted only when reported.
    lines: Arc<Lines>,
    /// Rule id → where it is waived.
    ignore: HashMap<String, Place>,
    /// Normalised pointer prefix (no `#`, no trailing `/`) → where, in file order.
    ignore_paths: Vec<(String, Place)>,
    severity: HashMap<String, (Option<Level>, Place)>,
}

/// Where an entry starts in registry.toml (a byte offset).
type Place = usize;

impl Rules {
    fn is_empty(&self) -> bool {
        self.ignore.is_empty() && self.ignore_paths.is_empty() && self.severity.is_empty()
    }

    fn origin(&self, at: &Place) -> Origin {
        Origin {
            file: self.file.clone(),
            line: self.lines.line_col(*at).0,
            text: self.lines.quote(*at),
        }
    }
}

impl RuleConfig {
    /// The level of a finding of `rule` at `path` (`#/…`) that the checker judged `breaking`,
    /// and the configuration line that waived it, if one did.
    pub fn judge(&self, rule: &str, path: &str, breaking: bool) -> (Level, Option<Origin>) {
        let configured = self
            .tables
            .iter()
            .find_map(|t| t.severity.get(rule).map(|(l, p)| (*l, t.origin(p))));
        let level = match configured {
            Some((Some(l), _)) => l,
            Some((None, o)) => {
                let natural = if breaking { Level::Error } else { Level::Info };
                return (natural, Some(o));
            }
            None if breaking => Level::Error,
            None => Level::Info,
        };
        if level == Level::Info {
            return (level, None);
        }
        let path = normalise_pointer(path);
        let waiver = self
            .tables
            .iter()
            .find_map(|t| t.ignore.get(rule).map(|p| t.origin(p)))
            .or_else(|| {
                self.tables.iter().find_map(|t| {
                    t.ignore_paths
                        .iter()
                        .find(|(p, _)| pointer_prefix(p, path))
                        .map(|(_, place)| t.origin(place))
                })
            });
        (level, waiver)
    }
}

fn normalise_pointer(p: &str) -> &str {
    p.trim_start_matches('#').trim_end_matches('/')
}

/// `prefix` covers `path` (both normalised) when equal or an ancestor (whole segments):
/// `/properties/a` covers `/properties/a/maxLength`, not `/properties/ab`.
fn pointer_prefix(prefix: &str, path: &str) -> bool {
    prefix.is_empty()
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Line and column lookups in a text, each a binary search over line starts (computed once),
/// never a scan from the start: registry.toml may hold lists of any length.
#[derive(Debug, Default)]
struct Lines {
    text: String,
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: String) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// Line and column (1-based, columns in bytes) of byte offset `at`.
    fn line_col(&self, at: usize) -> (usize, usize) {
        let at = at.min(self.text.len());
        let i = self.starts.partition_point(|&s| s <= at) - 1;
        (i + 1, at - self.starts[i] + 1)
    }

    /// The line holding byte offset `at`, as a report quotes it: whole when short; from the
    /// entry at `at` on, capped, when long (a list written on one line).
    fn quote(&self, at: usize) -> String {
        let (line, col) = self.line_col(at);
        let begin = self.starts[line - 1];
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        let whole = self.text[begin..end].trim();
        if whole.len() <= QUOTE_MAX {
            return whole.to_string();
        }
        let from = &self.text[begin + col - 1..end];
        format!(
            "…{}",
            crate::output::cap(from, QUOTE_MAX).trim_end_matches(|c: char| c.is_whitespace())
        )
    }
}

/// The longest registry.toml line a report quotes whole.
const QUOTE_MAX: usize = 120;

/// Line (1-based) and column of byte offset `at` in `text` (one lookup; see [`Lines`]).
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let line = memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() + 1;
    let col = at - memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1) + 1;
    (line, col)
}

/// Entries between looks at the cancel flag while reading registry.toml's lists.
const CANCEL_EVERY: usize = 4096;

fn cancelled(i: usize) -> Result<()> {
    if i.is_multiple_of(CANCEL_EVERY)
        && crate::cancel_flag().load(std::sync::atomic::Ordering::Relaxed)
    {
        return Err(crate::error::Interrupted.into());
    }
    Ok(())
}

/// Resolve one `[compat]` table into [`Rules`]; an unknown rule id or severity is a usage error
/// naming `file:line:col`. Linear in the table's length.
fn rules(t: &CompatToml, table: &str, file: &Path, lines: &Arc<Lines>) -> Result<Rules> {
    let place = |span: std::ops::Range<usize>| -> Place { span.start };
    let err = |span: std::ops::Range<usize>, msg: String| {
        let (line, col) = lines.line_col(span.start);
        usage(format!("{}:{line}:{col}: {msg}", file.display()))
    };
    let known = |id: &str| compat::rules::find(id).is_some();
    let mut out = Rules {
        file: file.display().to_string(),
        lines: lines.clone(),
        ..Rules::default()
    };
    for (i, r) in t.ignore.iter().enumerate() {
        cancelled(i)?;
        let id = r.get_ref();
        if !known(id) {
            return Err(err(
                r.span(),
                format!(
                    "[{table}] ignore: unknown rule id `{}`",
                    crate::output::cap(id, QUOTE_MAX)
                ),
            ));
        }
        if !out.ignore.contains_key(id.as_str()) {
            out.ignore.insert(id.clone(), place(r.span()));
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (i, p) in t.ignore_paths.iter().enumerate() {
        cancelled(i)?;
        let v = p.get_ref();
        if !(v.starts_with("#/") || v.starts_with('/') || v == "#") {
            return Err(err(
                p.span(),
                format!(
                    "[{table}] ignore_paths: `{}` is not a JSON pointer like `#/properties/name`",
                    crate::output::cap(v, QUOTE_MAX)
                ),
            ));
        }
        let norm = normalise_pointer(v);
        if seen.insert(norm) {
            out.ignore_paths.push((norm.to_string(), place(p.span())));
        }
    }
    for (i, (rule, level)) in t.severity.iter().enumerate() {
        cancelled(i)?;
        if !known(rule) {
            return Err(err(
                level.span(),
                format!(
                    "[{table}] severity: unknown rule id `{}`",
                    crate::output::cap(rule, QUOTE_MAX)
                ),
            ));
        }
        let l = match level.get_ref().as_str() {
            "error" => Some(Level::Error),
            "warn" => Some(Level::Warn),
            "off" => None,
            other => {
                return Err(err(
                    level.span(),
                    format!(
                        "[{table}] severity.{rule}: `{}` is not one of error, warn, off",
                        crate::output::cap(other, QUOTE_MAX)
                    ),
                ))
            }
        };
        out.severity.insert(rule.clone(), (l, place(level.span())));
    }
    Ok(out)
}

pub struct Registry {
    pub root: PathBuf,
    pub subjects: BTreeMap<String, Subject>,
    pub routes: Routes,
    /// `[dlq.conventions.NAME]`: in-house dead-letter header conventions.
    pub dlq_conventions: Vec<crate::conventions::CustomConvention>,
    /// `[trace] fields`: JSON pointers to ids, for `evtctl trace`.
    pub trace_fields: Vec<String>,
    /// Schema id → (subject, version), from every `[subjects.NAME.ids]`.
    pub ids: HashMap<wire::SchemaId, (String, u32)>,
    /// The text of every `.avsc` in a `_` directory: named types Avro schemas may reference.
    pub avro_commons: Vec<String>,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registry")
            .field("root", &self.root)
            .field("subjects", &self.subjects.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// The `.avsc` files in the registry's `_` directories (shared named types), in path order.
fn avro_commons(root: &Path) -> Result<Vec<String>> {
    let mut paths = Vec::new();
    for d in std::fs::read_dir(root)?.filter_map(|e| e.ok()) {
        let name = d.file_name().to_string_lossy().into_owned();
        if !name.starts_with('_') || !d.path().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(d.path())?.filter_map(|e| e.ok()) {
            if f.file_name().to_string_lossy().ends_with(".avsc") {
                paths.push(f.path());
            }
        }
    }
    paths.sort();
    let mut out = Vec::with_capacity(paths.len());
    for p in paths {
        // Inside the registry once symlinks are resolved, and JSON.
        read_inside(root, &p).map_err(usage)?;
        out.push(std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?);
    }
    Ok(out)
}

/// `path:line:col: message` for a serde_json error in `text`, columns in characters from 1.
///
/// serde_json counts columns in bytes and puts an error found at a newline (a raw newline in
/// a string, the end of a file that ends with one) at column 0 of the next line; this names
/// the character where the error is: that newline, at the end of its own line.
pub fn json_error_at(path: &Path, text: &str, e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let msg = msg.strip_suffix(&suffix).unwrap_or(&msg);
    let (line, col) = json_error_position(text, e.line(), e.column());
    format!("{}:{line}:{col}: {msg}", path.display())
}

/// (line, column) in characters, both from 1, of serde_json's (line, byte column) position.
fn json_error_position(text: &str, line: usize, column: usize) -> (usize, usize) {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    // serde_json's column counts the bytes up to and including the offending one.
    let mut at = (line_start + column).saturating_sub(1).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[start..].chars().count() + 1,
    )
}

#[cfg(test)]
fn parse_version(file_name: &str) -> Option<u32> {
    binary::Format::of_file(file_name)
        .filter(|(_, f)| *f == binary::Format::JsonSchema)
        .map(|(v, _)| v)
}

pub fn draft_for(dialect: &str) -> Result<jsonschema::Draft> {
    Ok(match dialect {
        "draft-04" | "draft4" => jsonschema::Draft::Draft4,
        "draft-06" | "draft6" => jsonschema::Draft::Draft6,
        "draft-07" | "draft7" => jsonschema::Draft::Draft7,
        "2019-09" | "draft2019-09" => jsonschema::Draft::Draft201909,
        "2020-12" | "draft2020-12" => jsonschema::Draft::Draft202012,
        other => {
            return Err(usage(format!(
                "unknown dialect `{other}` (draft-04, draft-06, draft-07, 2019-09, 2020-12)"
            )))
        }
    })
}

impl Registry {
    /// The registry of `settings`, when its directory exists (the default `./schemas` may be
    /// absent: commands then check only what needs no registry).
    pub fn open_if_present(settings: &crate::config::Settings) -> Result<Option<Registry>> {
        let dir = settings.registry_dir();
        if settings.registry.is_none() && !dir.is_dir() {
            return Ok(None);
        }
        Registry::open(&dir).map(Some)
    }

    /// Load the registry at `root`. Schemas that do not parse are kept with their error, so
    /// `schema check` can report every one; a bad `registry.toml` is an error here.
    pub fn open(root: &Path) -> Result<Registry> {
        if !root.is_dir() {
            return Err(usage(format!(
                "schema registry `{}` not found (use --registry DIR or EVTCTL_REGISTRY)",
                root.display()
            )));
        }
        let toml_path = root.join("registry.toml");
        let toml_text = match std::fs::read_to_string(&toml_path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(e).with_context(|| format!("reading {}", toml_path.display())),
        };
        let cfg: RegistryToml = toml::from_str(&toml_text).map_err(|e| {
            let at = e
                .span()
                .map(|s| {
                    let (line, col) = line_col(&toml_text, s.start);
                    format!(":{line}:{col}")
                })
                .unwrap_or_default();
            // toml's message spans lines ("invalid string\nexpected `\"`"): one line here.
            let msg = e
                .message()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(": ");
            usage(format!("{}{at}: {msg}", toml_path.display()))
        })?;
        let lines = Arc::new(Lines::new(toml_text));
        // Built once, shared by every subject; checked even when no subject uses it, so a typo
        // never passes silently.
        let global = Arc::new(rules(&cfg.compat, "compat", &toml_path, &lines)?);
        let mut subjects = BTreeMap::new();
        let mut ids = HashMap::new();
        let mut seen_ids: HashMap<wire::SchemaId, (String, usize)> = HashMap::new();
        let mut has_binary = false;
        // Everything read as a schema must lie inside the registry once symlinks are resolved.
        let canonical_root =
            std::fs::canonicalize(root).with_context(|| format!("reading {}", root.display()))?;
        let mut dirs: Vec<_> = std::fs::read_dir(root)
            .with_context(|| format!("reading {}", root.display()))?
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .collect();
        dirs.sort_by_key(|e| e.file_name());
        for d in dirs {
            // Each subject reads and parses its schema files: Ctrl-C is seen between them.
            cancelled(0)?;
            let name = d.file_name().to_string_lossy().into_owned();
            if name.starts_with('_') || name.starts_with('.') {
                continue;
            }
            let mut versions = Vec::new();
            let mut formats: Vec<(binary::Format, String)> = Vec::new();
            for f in std::fs::read_dir(d.path())?.filter_map(|e| e.ok()) {
                let fname = f.file_name().to_string_lossy().into_owned();
                let Some((version, format)) = binary::Format::of_file(&fname) else {
                    continue;
                };
                if !formats.iter().any(|(f, _)| *f == format) {
                    formats.push((format, fname.clone()));
                }
                let path = f.path();
                let schema = match format {
                    binary::Format::Protobuf => Ok(Value::Null),
                    _ => read_inside(&canonical_root, &path),
                };
                versions.push(SchemaFile {
                    version,
                    path,
                    schema,
                    validator: OnceLock::new(),
                    quick: OnceLock::new(),
                    tape: OnceLock::new(),
                    binary: OnceLock::new(),
                });
            }
            if versions.is_empty() {
                continue;
            }
            if formats.len() > 1 {
                formats.sort_by(|a, b| a.1.cmp(&b.1));
                return Err(usage(format!(
                    "{}: one schema format per subject, but it has {} (e.g. {})",
                    d.path().display(),
                    formats
                        .iter()
                        .map(|(f, _)| f.name())
                        .collect::<Vec<_>>()
                        .join(" and "),
                    formats
                        .iter()
                        .map(|(_, n)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
            let format = formats[0].0;
            versions.sort_by_key(|v| v.version);
            if let Some(w) = versions.windows(2).find(|w| w[0].version == w[1].version) {
                return Err(usage(format!(
                    "{}: version {} is defined twice",
                    d.path().display(),
                    w[0].version
                )));
            }
            let none = Settings::default();
            let s = cfg.subjects.get(&name).unwrap_or(&none);
            let pick = |o: &Option<String>, d: &Option<String>, default: &str| {
                o.as_ref()
                    .or(d.as_ref())
                    .map_or_else(|| default.to_string(), Clone::clone)
            };
            let own = rules(
                &s.compat,
                &format!("subjects.{name}.compat"),
                &toml_path,
                &lines,
            )?;
            let rules = RuleConfig {
                tables: [Arc::new(own), global.clone()]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect(),
            };
            let where_ = |span: std::ops::Range<usize>| {
                let (line, col) = lines.line_col(span.start);
                format!("{}:{line}:{col}", toml_path.display())
            };
            let framing_none = match &s.framing {
                None => false,
                Some(f) => match f.get_ref().as_str() {
                    "confluent" => false,
                    "none" => true,
                    other => {
                        return Err(usage(format!(
                            "{}: [subjects.{name}] framing `{}` is not confluent or none",
                            where_(f.span()),
                            crate::output::cap(other, QUOTE_MAX)
                        )))
                    }
                },
            };
            if let Some(m) = &s.message {
                if format != binary::Format::Protobuf {
                    return Err(usage(format!(
                        "{}: [subjects.{name}] message applies to Protobuf subjects only",
                        where_(m.span())
                    )));
                }
            }
            let mut subject_ids: BTreeMap<u32, Vec<wire::SchemaId>> = BTreeMap::new();
            for (i, (v, entry)) in s.ids.iter().enumerate() {
                cancelled(i)?;
                let here = where_(entry.span());
                let version: u32 = v.trim_start_matches('v').parse().map_err(|_| {
                    usage(format!(
                        "{here}: [subjects.{name}.ids] `{}` is not a version number",
                        crate::output::cap(v, QUOTE_MAX)
                    ))
                })?;
                if !versions.iter().any(|f| f.version == version) {
                    return Err(usage(format!(
                        "{here}: [subjects.{name}.ids] version {version} has no schema file in {}",
                        d.path().display()
                    )));
                }
                let list = match entry.get_ref() {
                    IdsToml::One(one) => vec![one.clone()],
                    IdsToml::Many(many) => many.clone(),
                };
                for id in list {
                    let id = match id {
                        IdToml::Num(n) => {
                            u32::try_from(n).map(wire::SchemaId::Num).map_err(|_| {
                                usage(format!(
                                    "{here}: schema id {n} is out of range (0..=4294967295)"
                                ))
                            })?
                        }
                        IdToml::Text(t) => uuid::Uuid::parse_str(&t)
                            .map(wire::SchemaId::Guid)
                            .map_err(|_| {
                                usage(format!(
                                    "{here}: schema id `{}` is neither a number nor a GUID",
                                    crate::output::cap(&t, QUOTE_MAX)
                                ))
                            })?,
                    };
                    if let Some((other, line)) = seen_ids.get(&id) {
                        return Err(usage(format!(
                            "{here}: schema id {id} is used twice: here ({name}@{version}) and at line {line} ({other})",
                        )));
                    }
                    seen_ids.insert(
                        id,
                        (
                            format!("{name}@{version}"),
                            lines.line_col(entry.span().start).0,
                        ),
                    );
                    ids.insert(id, (name.clone(), version));
                    subject_ids.entry(version).or_default().push(id);
                }
            }
            if format != binary::Format::JsonSchema {
                has_binary = true;
            }
            subjects.insert(
                name.clone(),
                Subject {
                    format,
                    message: s.message.as_ref().map(|m| m.get_ref().clone()),
                    framing_none,
                    ids: subject_ids,
                    rules,
                    compatibility: pick(&s.compatibility, &cfg.defaults.compatibility, "BACKWARD")
                        .to_ascii_uppercase(),
                    policy: pick(&s.policy, &cfg.defaults.policy, "strict").to_ascii_lowercase(),
                    dialect: pick(&s.dialect, &cfg.defaults.dialect, "draft-07"),
                    name,
                    dir: d.path(),
                    versions,
                },
            );
        }
        for (kind, table) in [("types", &cfg.routes.types), ("topics", &cfg.routes.topics)] {
            for (from, to) in table {
                if !subjects.contains_key(to) {
                    return Err(usage(format!(
                        "{}: [routes.{kind}] `{from}` names subject `{to}`, which has no schemas",
                        toml_path.display()
                    )));
                }
            }
        }
        for name in cfg.subjects.keys() {
            if !subjects.contains_key(name) {
                return Err(usage(format!(
                    "{}: [subjects.{name}] has no schemas in {}",
                    toml_path.display(),
                    root.join(name).display()
                )));
            }
        }
        let avro_commons = if has_binary {
            avro::limit_allocations();
            avro_commons(&canonical_root)?
        } else {
            Vec::new()
        };
        Ok(Registry {
            root: root.to_path_buf(),
            subjects,
            routes: cfg.routes,
            dlq_conventions: cfg.dlq.conventions(),
            trace_fields: cfg.trace.fields,
            ids,
            avro_commons,
        })
    }

    pub fn subject(&self, name: &str) -> Result<&Subject> {
        self.subjects.get(name).ok_or_else(|| {
            usage(format!(
                "no subject `{name}` in {} (known: {})",
                self.root.display(),
                self.subjects.keys().cloned().collect::<Vec<_>>().join(", ")
            ))
        })
    }

    /// Parse `SUBJECT[@VERSION]` and find that schema (latest when no version).
    pub fn schema_ref(&self, spec: &str) -> Result<(&Subject, &SchemaFile)> {
        let (name, version) = match spec.split_once('@') {
            Some((n, v)) => (
                n,
                Some(
                    v.trim_start_matches('v')
                        .parse::<u32>()
                        .map_err(|_| usage(format!("`{spec}`: `{v}` is not a version number")))?,
                ),
            ),
            None => (spec, None),
        };
        let subject = self.subject(name)?;
        let file = match version {
            None => subject.latest(),
            Some(v) => subject.version(v).ok_or_else(|| {
                usage(format!(
                    "subject `{name}` has no version {v} (it has {})",
                    subject.version_list()
                ))
            })?,
        };
        Ok((subject, file))
    }
}

impl Subject {
    pub fn latest(&self) -> &SchemaFile {
        self.versions
            .last()
            .expect("subjects have at least one version")
    }
    pub fn version(&self, v: u32) -> Option<&SchemaFile> {
        self.versions.iter().find(|f| f.version == v)
    }
    pub fn version_list(&self) -> String {
        self.versions
            .iter()
            .map(|v| format!("v{}", v.version))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The compiled validator for one version, built on first use and shared by all threads.
    pub fn validator<'a>(
        &self,
        file: &'a SchemaFile,
        root: &Path,
    ) -> std::result::Result<&'a jsonschema::Validator, String> {
        self.compiled(file, root).map(|c| &c.validator)
    }

    fn compiled<'a>(
        &self,
        file: &'a SchemaFile,
        root: &Path,
    ) -> std::result::Result<&'a Compiled, String> {
        file.validator
            .get_or_init(|| {
                if self.format != binary::Format::JsonSchema {
                    return Err(format!(
                        "{}: an {} schema, not a JSON Schema",
                        file.path.display(),
                        self.format.name()
                    ));
                }
                let schema = file.schema.as_ref().map_err(Clone::clone)?;
                let draft = draft_for(&self.dialect).map_err(|e| e.to_string())?;
                compile(schema, &file.path, root, draft)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The validator that answers only "valid or not" for one version: the quick one where it
    /// exists, else the ordinary one.
    pub fn is_valid_validator<'a>(
        &self,
        file: &'a SchemaFile,
        root: &Path,
    ) -> std::result::Result<&'a jsonschema::Validator, String> {
        let full = self.compiled(file, root)?;
        let quick = file.quick.get_or_init(|| self.quick(file, full));
        Ok(quick.as_ref().unwrap_or(&full.validator))
    }

    /// The quick validator for events read as a `tape::Doc`; None where the schema is unusable
    /// or needs the backtracking engine.
    pub fn tape_validator<'a>(
        &self,
        file: &'a SchemaFile,
        root: &Path,
    ) -> Option<&'a jsonschema::Validator<tape::Tape>> {
        let full = self.compiled(file, root).ok()?;
        file.tape.get_or_init(|| self.quick(file, full)).as_ref()
    }

    /// The validator `compile` made, with `pattern` matched by `fast_pattern` for the yes/no
    /// answer; None where `compile` needed the backtracking engine (the quick one would not
    /// answer the same).
    fn quick<F: jsonschema::json::Json>(
        &self,
        file: &SchemaFile,
        full: &Compiled,
    ) -> Option<jsonschema::Validator<F>> {
        let schema = file.schema.as_ref().ok()?;
        let draft = draft_for(&self.dialect).ok()?;
        if !full.linear {
            return None;
        }
        build(schema, &full.abs, &full.root, draft, true, true).ok()
    }
}

/// What [`compile`] made, and what the quick validators are built from.
pub struct Compiled {
    pub validator: jsonschema::Validator,
    /// Built with the linear-time `regex` engine (not the backtracking one).
    linear: bool,
    /// The schema file and the registry root, canonical.
    abs: PathBuf,
    root: PathBuf,
}

/// Whether the last quick check on this thread gave up (a `regex` panic), so that its answer
/// must be asked of the ordinary validator.
pub fn quick_gave_up() -> bool {
    fast_pattern::gave_up()
}

/// Compile a schema whose relative `$ref`s resolve against its own file, and only inside `root`.
pub fn compile(
    schema: &Value,
    path: &Path,
    root: &Path,
    draft: jsonschema::Draft,
) -> std::result::Result<Compiled, String> {
    let abs = std::fs::canonicalize(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let root = std::fs::canonicalize(root).map_err(|e| format!("{}: {e}", root.display()))?;
    if let Some(cycle) = pure_ref_cycle(schema) {
        return Err(format!(
            "{}: `$ref`s that never reach a constraint ({cycle}): such a schema would accept anything",
            path.display()
        ));
    }
    let build = |linear: bool| build(schema, &abs, &root, draft, linear, false);
    let (validator, linear) = match build(true) {
        Ok(v) => (v, true),
        Err(_) => (
            build(false).map_err(|e| format!("{}: {e}", path.display()))?,
            false,
        ),
    };
    Ok(Compiled {
        validator,
        linear,
        abs,
        root,
    })
}

fn build<F: jsonschema::json::Json>(
    schema: &Value,
    abs: &Path,
    root: &Path,
    draft: jsonschema::Draft,
    linear: bool,
    quick: bool,
) -> std::result::Result<jsonschema::Validator<F>, jsonschema::ValidationError<'static>> {
    // The registry's dialect is for schemas without `$schema`: one that names its draft is
    // read by that draft's rules (forcing another would, for one, lose its `$anchor`s).
    let draft = match draft.detect(schema) {
        jsonschema::Draft::Unknown => draft,
        named => named,
    };
    let opts = jsonschema::options_for::<F>()
        .with_draft(draft)
        .with_base_uri(format!("file://{}", abs.display()))
        .with_retriever(RegistryFiles {
            root: root.to_path_buf(),
        });
    // The linear-time `regex` engine is markedly faster on the usual patterns; patterns it
    // cannot express (lookarounds, backreferences) compile with the backtracking engine.
    let opts = if linear {
        opts.with_pattern_options(jsonschema::PatternOptions::regex())
    } else {
        opts
    };
    let opts = if quick {
        opts.with_keyword("pattern", fast_pattern::factory(draft))
    } else {
        opts
    };
    opts.build(schema).map_err(|e| e.to_owned())
}

/// Keywords that do not constrain an instance: a subschema made of `$ref` and these only is a
/// pure reference.
const ANNOTATIONS: &[&str] = &[
    "$ref",
    "$id",
    "$schema",
    "$comment",
    "$anchor",
    "$defs",
    "definitions",
    "title",
    "description",
    "examples",
    "default",
];

/// A chain of local `$ref`s that leads back to itself without meeting a constraint, as text
/// (`#/a → #/b → #/a`); None when there is none.
pub fn pure_ref_cycle(schema: &Value) -> Option<String> {
    let target = |v: &Value| -> Option<String> {
        let obj = v.as_object()?;
        let r = obj.get("$ref")?.as_str()?;
        if !obj.keys().all(|k| ANNOTATIONS.contains(&k.as_str())) {
            return None;
        }
        r.strip_prefix('#').map(str::to_string)
    };
    let mut starts = Vec::new();
    let mut stack = vec![(String::new(), schema)];
    let mut seen_nodes = 0usize;
    while let Some((ptr, v)) = stack.pop() {
        seen_nodes += 1;
        if seen_nodes > 1_000_000 {
            break;
        }
        if target(v).is_some() {
            starts.push(ptr.clone());
        }
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    let k = k.replace('~', "~0").replace('/', "~1");
                    stack.push((format!("{ptr}/{k}"), child));
                }
            }
            Value::Array(a) => {
                for (i, child) in a.iter().enumerate() {
                    stack.push((format!("{ptr}/{i}"), child));
                }
            }
            _ => {}
        }
    }
    for start in starts {
        let mut path = vec![start.clone()];
        let mut at = start;
        while let Some(next) = schema.pointer(&at).and_then(target) {
            if let Some(i) = path.iter().position(|p| *p == next) {
                let mut cycle: Vec<String> = path[i..].iter().map(|p| format!("#{p}")).collect();
                cycle.push(format!("#{next}"));
                return Some(cycle.join(" → "));
            }
            if path.len() > 10_000 {
                break;
            }
            path.push(next.clone());
            at = next;
        }
    }
    None
}

/// Read a JSON document at `path`, only if it lies inside `root` (canonical). The one gate for
/// every `$ref` evtctl follows, from validation and from compat alike.
pub fn read_inside(root: &Path, path: &Path) -> std::result::Result<Value, String> {
    let path = std::fs::canonicalize(path).map_err(|e| format!("`{}`: {e}", path.display()))?;
    if !path.starts_with(root) {
        return Err(format!(
            "`{}` is outside the registry {}",
            path.display(),
            root.display()
        ));
    }
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| json_error_at(&path, &text, &e))
}

/// Serves `$ref` targets from files inside the registry directory, nothing else.
struct RegistryFiles {
    root: PathBuf,
}

impl jsonschema::Retrieve for RegistryFiles {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> std::result::Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let s = uri.as_str();
        let path = s.strip_prefix("file://").ok_or_else(|| {
            format!("`{s}`: only files inside the registry can be referenced (no network)")
        })?;
        Ok(read_inside(&self.root, Path::new(path))?)
    }
}

/// One reason an event is invalid.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Issue {
    pub instance_path: String,
    pub schema_path: String,
    pub message: String,
}

impl Registry {
    /// Validate one event; an empty list means valid. Err when the schema itself is unusable.
    pub fn check(
        &self,
        subject: &Subject,
        file: &SchemaFile,
        event: &Value,
    ) -> std::result::Result<Vec<Issue>, String> {
        if subject.format != binary::Format::JsonSchema {
            return subject.encodes(file, self, event);
        }
        let v = subject.validator(file, &self.root)?;
        let quick = subject
            .is_valid_validator(file, &self.root)?
            .is_valid(event);
        // A "no" is settled below by the errors themselves (none means valid).
        if !quick_gave_up() && quick {
            return Ok(Vec::new());
        }
        Ok(v.iter_errors(event)
            .map(|e| Issue {
                instance_path: e.instance_path().to_string(),
                schema_path: format!("#{}", e.schema_path()),
                message: e.to_string(),
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pure_ref_cycles_are_found_and_real_recursion_is_not() {
        let cyc = serde_json::json!({
            "$ref": "#/definitions/a",
            "definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"$ref": "#/definitions/a"}}
        });
        let c = pure_ref_cycle(&cyc).unwrap();
        assert!(
            c.contains("#/definitions/a → #/definitions/b → #/definitions/a"),
            "{c}"
        );
        let selfref = serde_json::json!({"$ref": "#"});
        assert!(pure_ref_cycle(&selfref).is_some());
        // A tree type refers to itself through a constraint: fine.
        let tree = serde_json::json!({
            "type": "object",
            "properties": {"children": {"type": "array", "items": {"$ref": "#"}}}
        });
        assert_eq!(pure_ref_cycle(&tree), None);
        let chain = serde_json::json!({
            "$ref": "#/$defs/a",
            "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"type": "string"}}
        });
        assert_eq!(pure_ref_cycle(&chain), None);
    }

    #[test]
    fn pointer_prefixes_match_whole_segments() {
        let covers = |a, b| pointer_prefix(normalise_pointer(a), normalise_pointer(b));
        assert!(covers("#/properties/a", "#/properties/a"));
        assert!(covers("#/properties/a", "#/properties/a/maxLength"));
        assert!(covers("/properties/a/", "#/properties/a/maxLength"));
        assert!(!covers("#/properties/a", "#/properties/ab"));
        assert!(covers("#/", "#/anything"));
    }

    #[test]
    fn rule_config_levels_and_waivers() {
        let text = "[compat]\nignore = [\"MAX_LENGTH_ADDED\"]\nseverity = { PATTERN_ADDED = \"warn\", TITLE_CHANGED = \"error\", FORMAT_ADDED = \"off\" }\nignore_paths = [\"#/properties/x\"]\n";
        let cfg: RegistryToml = toml::from_str(text).unwrap();
        let lines = Arc::new(Lines::new(text.to_string()));
        let rc = RuleConfig {
            tables: vec![Arc::new(
                rules(&cfg.compat, "compat", Path::new("r.toml"), &lines).unwrap(),
            )],
        };
        let (l, w) = rc.judge("MAX_LENGTH_ADDED", "#/a", true);
        assert_eq!((l, w.map(|o| o.line)), (Level::Error, Some(2)));
        assert_eq!(rc.judge("PATTERN_ADDED", "#/a", true), (Level::Warn, None));
        // A compatible change can be made an error (e.g. a team rule).
        assert_eq!(
            rc.judge("TITLE_CHANGED", "#/a", false),
            (Level::Error, None)
        );
        assert_eq!(
            rc.judge("FORMAT_ADDED", "#/a", true).1.map(|o| o.line),
            Some(3)
        );
        assert_eq!(
            rc.judge("TYPE_CHANGED", "#/properties/x/type", true)
                .1
                .map(|o| o.line),
            Some(4)
        );
        assert_eq!(
            rc.judge("TYPE_CHANGED", "#/properties/y", true),
            (Level::Error, None)
        );
        assert_eq!(
            rc.judge("TYPE_EXTENDED", "#/properties/y", false),
            (Level::Info, None)
        );
    }

    #[test]
    fn version_file_names() {
        assert_eq!(parse_version("v1.schema.json"), Some(1));
        assert_eq!(parse_version("v12.schema.json"), Some(12));
        assert_eq!(parse_version("v1.json"), None);
        assert_eq!(parse_version("latest.schema.json"), None);
    }
}

#[cfg(test)]
mod json_position_tests {
    use super::*;

    fn at(text: &str) -> String {
        let e = serde_json::from_str::<Value>(text).unwrap_err();
        json_error_at(Path::new("f.json"), text, &e)
    }

    #[test]
    fn parse_errors_name_the_character_never_column_0() {
        // A file cut after a newline: the error is at the end of the last line.
        assert_eq!(at("{\"a\":\n"), "f.json:1:6: EOF while parsing a value");
        // A raw newline inside a string: that newline, at the end of its line.
        assert_eq!(
            at("{\"a\": \"x\ny\"}"),
            "f.json:1:9: control character (\\u0000-\\u001F) found while parsing a string"
        );
        // Columns count characters, not bytes.
        assert_eq!(at("{\"é\": x}"), "f.json:1:7: expected value");
        assert_eq!(at("[1,\n 2,\n x]"), "f.json:3:2: expected value");
        assert_eq!(at(""), "f.json:1:1: EOF while parsing a value");
    }
}
