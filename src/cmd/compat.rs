//! `evtctl compat`: the CI gate for schema changes. Checks each subject's versions under its
//! mode and policy, two files against each other, or the registry against a git revision.
//!
//! Guarantees: a schema that does not parse or a `$ref` that does not resolve is never reported
//! as compatible (exit 2); every failing version pair is reported, not just the first; a change
//! waived by registry.toml (`[compat]`, `[subjects.NAME.compat]`) is still reported, with the
//! line that waived it. Reports: pretty, JSON, GitHub annotations, JUnit, SARIF 2.1.0 and a
//! Markdown pull-request comment.

use crate::cli::{CompatArgs, CompatFormat, FailOn};
use crate::config::Settings;
use crate::error::{usage, Interrupted, ProblemsFound, UsageError};
use crate::output::escape::{gh, md, xml};
use crate::output::sanitize::escape_line;
use crate::output::sarif;
use crate::output::Printer;
use crate::registry::avro::AvroSchema;
use crate::registry::binary::{Binary, Format};
use crate::registry::compat::{self, Change, Mode, Policy, UNVERIFIABLE_KEYWORD_CHANGED};
use crate::registry::proto::ProtoSchema;
use crate::registry::{json_error_at, read_inside, Level, Origin, Registry, RuleConfig};
use anyhow::{Context, Result};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// One reported change, with where it is.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Finding {
    pub rule: String,
    pub path: String,
    pub breaking: bool,
    pub message: String,
    pub subject: String,
    pub old_version: Option<u32>,
    pub new_version: Option<u32>,
    pub mode: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// Severity after rule configuration: `error` fails, `warn` fails with `--fail-on warn`,
    /// `info` is a compatible change.
    pub severity: Level,
    /// The registry.toml line that waived this finding; a waived finding never fails.
    pub waived_by: Option<Origin>,
}

impl Finding {
    /// The finding as `-o json` reports it: a waived finding's `severity` is `off` (what the
    /// configuration made of it; `breaking` keeps the checker's verdict), never `error`.
    pub fn to_json(&self) -> Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if self.waived_by.is_some() {
            v["severity"] = "off".into();
        }
        v
    }

    /// Whether this finding fails the check under `fail_on`.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        self.waived_by.is_none()
            && match fail_on {
                FailOn::Error => self.severity == Level::Error,
                FailOn::Warn => self.severity >= Level::Warn,
            }
    }
}

/// Where in `text` the JSON pointer `path` (`#/properties/a/maxLength`) most likely is: the
/// position of the deepest key of the path that can be found, in order.
pub fn locate(text: &str, path: &str) -> (usize, usize) {
    Locator::new(text).locate(path)
}

/// [`locate`] for many paths in one text: the text is indexed once (every `"…"` between two
/// neighbouring quotes, and the line starts), so each path costs a few lookups instead of a
/// scan of the text — a schema with 200,000 changed properties is not quadratic.
pub struct Locator<'t> {
    text: &'t str,
    /// Text between a `"` and the next `"` → byte offsets of the first quote, ascending.
    quoted: std::collections::HashMap<&'t str, Vec<usize>>,
    /// Byte offsets of the `\n`s, ascending.
    newlines: Vec<usize>,
}

impl<'t> Locator<'t> {
    pub fn new(text: &'t str) -> Locator<'t> {
        let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
        let mut quoted: std::collections::HashMap<&str, Vec<usize>> = Default::default();
        for w in quotes.windows(2) {
            quoted.entry(&text[w[0] + 1..w[1]]).or_default().push(w[0]);
        }
        let newlines = text.match_indices('\n').map(|(i, _)| i).collect();
        Locator {
            text,
            quoted,
            newlines,
        }
    }

    /// Byte offset of the first `"seg"` at or after `at`.
    fn find(&self, seg: &str, at: usize) -> Option<usize> {
        if seg.contains('"') {
            // Not a run between neighbouring quotes: search the text (rare).
            return self.text[at..].find(&format!("\"{seg}\"")).map(|i| at + i);
        }
        let starts = self.quoted.get(seg)?;
        starts.get(starts.partition_point(|&i| i < at)).copied()
    }

    /// (line, column), both from 1, as [`locate`].
    pub fn locate(&self, path: &str) -> (usize, usize) {
        let mut at = 0;
        for seg in path
            .trim_start_matches('#')
            .split('/')
            .filter(|s| !s.is_empty())
        {
            if seg.parse::<usize>().is_ok() {
                continue;
            }
            let seg = seg.replace("~1", "/").replace("~0", "~");
            match self.find(&seg, at) {
                Some(i) => at = i,
                None => break,
            }
        }
        let before = self.newlines.partition_point(|&i| i < at);
        let line_start = if before == 0 {
            0
        } else {
            self.newlines[before - 1] + 1
        };
        (before + 1, at - line_start + 1)
    }
}

/// Loads `$ref` targets relative to a schema file, never outside `root`.
fn resolver(file: &Path, root: &Path) -> impl Fn(&str) -> Option<Value> {
    let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    move |r: &str| read_inside(&root, &dir.join(r)).ok()
}

fn parse_mode(s: &str) -> Result<Mode> {
    s.parse::<Mode>().map_err(|e| usage(format!("--mode: {e}")))
}

fn parse_policy(s: &str) -> Result<Policy> {
    s.parse::<Policy>()
        .map_err(|e| usage(format!("--policy: {e}")))
}

/// `--old`/`--new` files, parsed in their format.
struct FilePair {
    json: Option<(Value, Value)>,
    avro: Option<(AvroSchema, AvroSchema)>,
    proto: Option<(ProtoSchema, ProtoSchema)>,
    new_text: String,
}

impl FilePair {
    fn read(format: Format, old: (&Path, &Path), new: (&Path, &Path)) -> Result<FilePair> {
        let text = |p: &Path| {
            std::fs::read_to_string(p).map_err(|e| usage(format!("{}: {e}", p.display())))
        };
        let new_text = text(new.0)?;
        let mut out = FilePair {
            json: None,
            avro: None,
            proto: None,
            new_text,
        };
        match format {
            Format::JsonSchema => {
                let (ov, _) = read_schema(old.0)?;
                let (nv, _) = read_schema(new.0)?;
                out.json = Some((ov, nv));
            }
            Format::Avro => {
                // Named types of `_common/*.avsc` beside the files' root.
                let parse = |(p, root): (&Path, &Path)| -> Result<AvroSchema> {
                    let t = text(p)?;
                    serde_json::from_str::<Value>(&t)
                        .map_err(|e| usage(json_error_at(p, &t, &e)))?;
                    let commons = common_avsc(root);
                    AvroSchema::parse(&t, &commons)
                        .map_err(|e| usage(format!("{}: not an Avro schema: {e}", p.display())))
                };
                out.avro = Some((parse(old)?, parse(new)?));
            }
            Format::Protobuf => {
                let compile = |(p, root): (&Path, &Path)| -> Result<ProtoSchema> {
                    ProtoSchema::compile(p, root, None).map_err(usage)
                };
                out.proto = Some((compile(old)?, compile(new)?));
            }
        }
        Ok(out)
    }

    fn schemas(&self) -> Schemas<'_> {
        match (&self.json, &self.avro, &self.proto) {
            (Some((o, n)), _, _) => Schemas::Json(o, n),
            (_, Some((o, n)), _) => Schemas::Avro(o, n),
            (_, _, Some((o, n))) => Schemas::Proto(o, n),
            _ => unreachable!("one format is read"),
        }
    }
}

/// The `.avsc` texts in `root/_common/` (empty when there are none).
fn common_avsc(root: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("_common"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "avsc"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn read_schema(path: &Path) -> Result<(Value, String)> {
    let text =
        std::fs::read_to_string(path).map_err(|e| usage(format!("{}: {e}", path.display())))?;
    let v = serde_json::from_str(&text).map_err(|e| usage(json_error_at(path, &text, &e)))?;
    Ok((v, text))
}

/// The two schemas of a pair, in their format.
#[derive(Clone, Copy)]
enum Schemas<'a> {
    Json(&'a Value, &'a Value),
    Avro(&'a AvroSchema, &'a AvroSchema),
    Proto(&'a ProtoSchema, &'a ProtoSchema),
}

struct Pair<'a> {
    subject: &'a str,
    schemas: Schemas<'a>,
    old: (Option<u32>, &'a Path),
    new: (Option<u32>, &'a Path, &'a str),
    mode: Mode,
    policy: Policy,
    /// Where each side's `$ref`s may reach: (old, new).
    roots: (&'a Path, &'a Path),
    rules: &'a RuleConfig,
}

/// The findings of one pair; `Err(Interrupted)` when `cancel` was set while comparing.
fn compare_pair(p: &Pair<'_>, strict_unknown: bool, cancel: &AtomicBool) -> Result<Vec<Finding>> {
    // Refs resolve relative to each schema's own file; check() gets one resolver, so join both.
    let r_old = resolver(p.old.1, p.roots.0);
    let r_new = resolver(p.new.1, p.roots.1);
    let resolve = |r: &str| r_new(r).or_else(|| r_old(r));
    let changes: Vec<Change> = match p.schemas {
        Schemas::Json(old, new) => {
            compat::compare_cancellable(old, new, p.mode, p.policy, &resolve, cancel)
        }
        Schemas::Avro(old, new) => compat::avro::compare_with(
            &old.schema,
            &old.commons,
            &new.schema,
            &new.commons,
            p.mode,
            cancel,
        ),
        Schemas::Proto(old, new) => compat::protobuf::compare(&old.file, &new.file, p.mode, cancel),
    }
    .map_err(|_| Interrupted)?;
    let text_locator;
    let proto_locator;
    let locate: &dyn Fn(&str) -> (usize, usize) = match p.schemas {
        Schemas::Proto(_, new) => {
            proto_locator = compat::protobuf::Locator::new(&new.file);
            &|path| proto_locator.locate(path)
        }
        _ => {
            text_locator = Locator::new(p.new.2);
            &|path| text_locator.locate(path)
        }
    };
    if cancel.load(Ordering::Relaxed) {
        return Err(Interrupted.into());
    }
    Ok(changes
        .into_iter()
        .map(|c| {
            let (line, column) = locate(&c.path);
            let breaking = c.breaking || (strict_unknown && c.rule == UNVERIFIABLE_KEYWORD_CHANGED);
            let (severity, waived_by) = p.rules.judge(&c.rule, &c.path, breaking);
            Finding {
                severity,
                waived_by,
                rule: c.rule,
                path: c.path,
                breaking,
                message: c.message,
                subject: p.subject.to_string(),
                old_version: p.old.0,
                new_version: p.new.0,
                mode: p.mode.as_str().to_string(),
                file: p.new.1.display().to_string(),
                line,
                column,
            }
        })
        .collect())
}

/// The version pairs a mode asks for, newest last: (older, newer).
pub fn pairs(versions: &[u32], mode: Mode) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    if mode == Mode::None {
        return out;
    }
    for (i, &new) in versions.iter().enumerate().skip(1) {
        if mode.transitive() {
            out.extend(versions[..i].iter().map(|&old| (old, new)));
        } else {
            out.push((versions[i - 1], new));
        }
    }
    out
}

struct Outcome {
    findings: Vec<Finding>,
    /// Reasons the check could not be done (exit 2).
    unchecked: Vec<String>,
    checked: Vec<String>,
}

fn check_registry(
    reg: &Registry,
    a: &CompatArgs,
    only_new_after: Option<&std::collections::BTreeMap<String, u32>>,
    cancel: &AtomicBool,
) -> Result<Outcome> {
    let mut out = Outcome {
        findings: Vec::new(),
        unchecked: Vec::new(),
        checked: Vec::new(),
    };
    let names: Vec<String> = if a.subjects.is_empty() {
        reg.subjects.keys().cloned().collect()
    } else {
        a.subjects.clone()
    };
    for name in &names {
        let s = reg.subject(name)?;
        let mode = parse_mode(a.mode.as_deref().unwrap_or(&s.compatibility))?;
        let policy = parse_policy(a.policy.as_deref().unwrap_or(&s.policy))?;
        let mut texts = std::collections::BTreeMap::new();
        for v in &s.versions {
            match &v.schema {
                Ok(_) => {
                    texts.insert(
                        v.version,
                        std::fs::read_to_string(&v.path).unwrap_or_default(),
                    );
                }
                Err(e) => out.unchecked.push(e.clone()),
            }
        }
        let versions: Vec<u32> = s.versions.iter().map(|v| v.version).collect();
        for (old, new) in pairs(&versions, mode) {
            if only_new_after
                .is_some_and(|m| m.get(name).is_some_and(|&published| new <= published))
            {
                continue;
            }
            let (Some(o), Some(n)) = (s.version(old), s.version(new)) else {
                continue;
            };
            let (Ok(ov), Ok(nv)) = (&o.schema, &n.schema) else {
                continue;
            };
            let schemas = match s.format {
                Format::JsonSchema => Schemas::Json(ov, nv),
                _ => match (s.binary(o, reg), s.binary(n, reg)) {
                    (Ok(Binary::Avro(a)), Ok(Binary::Avro(b))) => Schemas::Avro(a, b),
                    (Ok(Binary::Proto(a)), Ok(Binary::Proto(b))) => Schemas::Proto(a, b),
                    (Err(e), _) | (_, Err(e)) => {
                        out.unchecked.push(e);
                        continue;
                    }
                    _ => continue,
                },
            };
            let pair = Pair {
                subject: name,
                schemas,
                old: (Some(old), &o.path),
                new: (Some(new), &n.path, &texts[&new]),
                mode,
                policy,
                roots: (&reg.root, &reg.root),
                rules: &s.rules,
            };
            out.findings
                .extend(compare_pair(&pair, a.strict_unknown, cancel)?);
            out.checked
                .push(format!("{name} v{old} → v{new} ({})", mode.as_str()));
        }
    }
    Ok(out)
}

/// Files of the registry at a git revision: relative path → content.
fn files_at(root: &Path, rev: &str) -> Result<std::collections::BTreeMap<PathBuf, String>> {
    let git = |args: &[&str]| -> Result<String> {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .context("running git")?;
        if !out.status.success() {
            return Err(anyhow::Error::new(UsageError(format!(
                "git {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ))));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    // Run inside the registry directory, ls-tree prints paths relative to it, and `REV:./path`
    // reads a path relative to it.
    let mut files = std::collections::BTreeMap::new();
    for name in git(&["ls-tree", "-r", "--name-only", rev, "--", "."])?.lines() {
        let file_name = name.rsplit('/').next().unwrap_or(name);
        if Format::of_file(file_name).is_some() {
            files.insert(
                PathBuf::from(name),
                git(&["show", &format!("{rev}:./{name}")])?,
            );
        }
    }
    Ok(files)
}

fn check_against(
    reg: &Registry,
    a: &CompatArgs,
    rev: &str,
    cancel: &AtomicBool,
) -> Result<Outcome> {
    let old = files_at(&reg.root, rev)?;
    let mut published: std::collections::BTreeMap<String, u32> = Default::default();
    let mut findings = Vec::new();
    for (rel, text) in &old {
        let path = reg.root.join(rel);
        let subject = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let version = rel
            .file_name()
            .and_then(|f| f.to_str())
            .and_then(Format::of_file)
            .map(|(v, _)| v);
        if let Some(v) = version {
            let e = published.entry(subject.clone()).or_insert(0);
            *e = (*e).max(v);
        }
        let rules = reg
            .subjects
            .get(&subject)
            .map(|s| s.rules.clone())
            .unwrap_or_default();
        let finding = |rule: &str, message: String| {
            let (severity, waived_by) = rules.judge(rule, "#/", true);
            Finding {
                severity,
                waived_by,
                rule: rule.into(),
                path: "#/".into(),
                breaking: true,
                message,
                subject: subject.clone(),
                old_version: version,
                new_version: version,
                mode: "PUBLISHED".into(),
                file: path.display().to_string(),
                line: 1,
                column: 1,
            }
        };
        match std::fs::read_to_string(&path) {
            Err(_) => findings.push(finding("PUBLISHED_VERSION_DELETED", format!("published at {rev}, deleted since: published versions are immutable"))),
            Ok(now) if now != *text => findings.push(finding("PUBLISHED_VERSION_EDITED", format!("changed since {rev}: published versions are immutable; add a new version instead"))),
            Ok(_) => {}
        }
    }
    let mut out = check_registry(reg, a, Some(&published), cancel)?;
    findings.append(&mut out.findings);
    out.findings = findings;
    Ok(out)
}

/// Run `evtctl compat`. `cancel` (Ctrl-C, SIGTERM) stops the comparison promptly: exit 130,
/// no report.
pub fn run(
    a: &CompatArgs,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let outcome = match (&a.old, &a.new) {
        (Some(old), Some(new)) => {
            let mode = parse_mode(a.mode.as_deref().unwrap_or("BACKWARD"))?;
            let policy = parse_policy(a.policy.as_deref().unwrap_or("strict"))?;
            // Each file's refs stay inside its own directory, unless --ref-root says otherwise.
            let dir_of = |f: &Path| -> PathBuf {
                let f = std::fs::canonicalize(f).unwrap_or_else(|_| f.to_path_buf());
                f.parent().map(Path::to_path_buf).unwrap_or_default()
            };
            let (old_root, new_root) = match &a.ref_root {
                Some(r) => (r.clone(), r.clone()),
                None => (dir_of(old), dir_of(new)),
            };
            // A file's format comes from its extension; content that does not fit it is an error.
            let format = Format::of_path(new);
            if Format::of_path(old) != format {
                return Err(usage(format!(
                    "{} is {} and {} is {}: compare schemas of one format",
                    old.display(),
                    Format::of_path(old).name(),
                    new.display(),
                    format.name()
                )));
            }
            let files = FilePair::read(format, (old, &old_root), (new, &new_root))?;
            let pair = Pair {
                subject: "",
                schemas: files.schemas(),
                old: (None, old),
                new: (None, new, &files.new_text),
                mode,
                policy,
                roots: (&old_root, &new_root),
                rules: &RuleConfig::default(),
            };
            Outcome {
                findings: compare_pair(&pair, a.strict_unknown, cancel)?,
                unchecked: Vec::new(),
                checked: vec![format!(
                    "{} → {} ({})",
                    old.display(),
                    new.display(),
                    mode.as_str()
                )],
            }
        }
        _ => {
            let reg = Registry::open(&settings.registry_dir())?;
            match &a.against {
                Some(rev) => check_against(&reg, a, rev, cancel)?,
                None => check_registry(&reg, a, None, cancel)?,
            }
        }
    };
    report(&outcome, a, printer)
}

fn report(o: &Outcome, a: &CompatArgs, printer: &mut Printer) -> Result<()> {
    let failing: Vec<&Finding> = o.findings.iter().filter(|f| f.fails(a.fail_on)).collect();
    let unresolved = o
        .findings
        .iter()
        .any(|f| f.breaking && f.rule == "REF_UNRESOLVED");
    let could_not = !o.unchecked.is_empty() || unresolved;
    let compatible = failing.is_empty() && !could_not;
    match a.format {
        Some(CompatFormat::Github) => {
            for f in o.findings.iter().filter(|f| f.severity > Level::Info) {
                let kind = if f.fails(a.fail_on) {
                    "error"
                } else if f.waived_by.is_some() {
                    "notice"
                } else {
                    "warning"
                };
                printer.line(&format!(
                    "::{kind} file={},line={},col={},title={}::{}",
                    gh::property(&f.file),
                    f.line,
                    f.column,
                    gh::property(&f.rule),
                    gh::data(&format!("{}{}{}", f.message, versions(f), waiver_note(f))),
                ))?;
            }
            for u in &o.unchecked {
                printer.line(&format!("::error title=could not check::{}", gh::data(u)))?;
            }
        }
        Some(CompatFormat::Junit) => {
            // Counts are the elements present: a testcase per pair checked without a break, one
            // per breaking change, one per pair that could not be checked.
            let broke = |c: &str| {
                (o.checked.len() == 1 && !failing.is_empty())
                    || failing.iter().any(|f| {
                        c.starts_with(&format!(
                            "{} v{} → v{} ",
                            f.subject,
                            f.old_version.unwrap_or_default(),
                            f.new_version.unwrap_or_default()
                        ))
                    })
            };
            let passing: Vec<&String> = o.checked.iter().filter(|c| !broke(c)).collect();
            let tests = passing.len() + failing.len() + o.unchecked.len();
            printer.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
            for (indent, tag) in [("", "testsuites"), ("  ", "testsuite")] {
                printer.line(&format!(
                    "{indent}<{tag} name=\"evtctl compat\" tests=\"{tests}\" failures=\"{}\" errors=\"{}\">",
                    failing.len(),
                    o.unchecked.len()
                ))?;
            }
            for c in passing {
                printer.line(&format!("    <testcase name=\"{}\"/>", xml::attr(c)))?;
            }
            for f in &failing {
                printer.line(&format!(
                    "    <testcase name=\"{}:{}:{} {}\"><failure message=\"{}\">{}{}</failure></testcase>",
                    xml::attr(&f.file), f.line, f.column, xml::attr(&f.rule), xml::attr(&f.message), xml::text(&f.path), xml::text(&versions(f))
                ))?;
            }
            for u in &o.unchecked {
                printer.line(&format!(
                    "    <testcase name=\"could not check\"><error message=\"{}\"/></testcase>",
                    xml::attr(u)
                ))?;
            }
            printer.line("  </testsuite>\n</testsuites>")?;
        }
        Some(CompatFormat::Sarif) => {
            printer.json(&sarif_log(o, a.fail_on))?;
        }
        Some(CompatFormat::Markdown) => {
            printer.write(markdown(o, a.fail_on).as_bytes())?;
        }
        None if printer.is_json() => {
            printer.json(&serde_json::json!({
                "compatible": compatible,
                "could_not_check": o.unchecked,
                "checked": o.checked,
                "changes": o.findings.iter().map(Finding::to_json).collect::<Vec<_>>(),
            }))?;
        }
        None => {
            let st = printer.styles;
            for f in &o.findings {
                if f.severity == Level::Info && printer.verbose == 0 {
                    continue;
                }
                let s = if f.fails(a.fail_on) { st.bad } else { st.dim };
                let level = match (f.severity, &f.waived_by) {
                    (_, Some(_)) => " (waived)",
                    (Level::Warn, None) => " (warning)",
                    (Level::Info, None) => " (compatible)",
                    (Level::Error, None) => "",
                };
                printer.line(&format!(
                    "{}:{}:{}: {s}{}{s:#}{level}: {}{} at {}{}",
                    escape_line(&f.file),
                    f.line,
                    f.column,
                    f.rule,
                    escape_line(&f.message),
                    escape_line(&versions(f)),
                    escape_line(&f.path),
                    escape_line(&waiver_note(f)),
                ))?;
            }
            for u in &o.unchecked {
                let b = st.bad;
                printer.line(&format!("{b}could not check{b:#}: {}", escape_line(u)))?;
            }
        }
    }
    printer.flush()?;
    let waived = o.findings.iter().filter(|f| f.waived_by.is_some()).count();
    printer.info(format!(
        "{} pair(s) checked: {}{}",
        o.checked.len(),
        if compatible {
            "compatible".to_string()
        } else {
            format!("{} breaking change(s)", failing.len())
        },
        if waived > 0 {
            format!(" ({waived} waived by registry.toml)")
        } else {
            String::new()
        }
    ));
    if could_not {
        return Err(UsageError(format!(
            "could not check: {}",
            o.unchecked
                .first()
                .cloned()
                .unwrap_or_else(|| "a $ref does not resolve".into())
        ))
        .into());
    }
    if !failing.is_empty() {
        return Err(ProblemsFound(format!("{} breaking change(s)", failing.len())).into());
    }
    Ok(())
}

fn versions(f: &Finding) -> String {
    match (f.old_version, f.new_version) {
        (Some(o), Some(n)) if o != n => format!(" ({} v{o} → v{n}, {})", f.subject, f.mode),
        (Some(v), _) => format!(" ({} v{v})", f.subject),
        _ => format!(" ({})", f.mode),
    }
}

fn waiver_note(f: &Finding) -> String {
    f.waived_by
        .as_ref()
        .map(|o| format!(" [waived by {o}]"))
        .unwrap_or_default()
}

/// Findings that matter to a reviewer, in review order: failing first, then warnings, then
/// waived ones; compatible (info) findings are left out.
fn review_order(o: &Outcome, fail_on: FailOn) -> Vec<&Finding> {
    let mut v: Vec<&Finding> = o
        .findings
        .iter()
        .filter(|f| f.severity > Level::Info)
        .collect();
    v.sort_by_key(|f| (!f.fails(fail_on), f.waived_by.is_some()));
    v
}

fn sarif_log(o: &Outcome, fail_on: FailOn) -> Value {
    let results: Vec<sarif::Result> = review_order(o, fail_on)
        .into_iter()
        .map(|f| sarif::Result {
            rule: f.rule.clone(),
            level: if f.fails(fail_on) || (f.severity == Level::Error) {
                sarif::Level::Error
            } else {
                sarif::Level::Warning
            },
            message: format!("{}{} at {}", f.message, versions(f), f.path),
            file: f.file.clone(),
            line: f.line,
            column: f.column,
            logical: None,
            suppressed: f.waived_by.as_ref().map(|w| format!("waived by {w}")),
            properties: serde_json::json!({
                "subject": f.subject,
                "oldVersion": f.old_version,
                "newVersion": f.new_version,
                "mode": f.mode,
                "pointer": f.path,
            }),
        })
        .collect();
    let describe = |id: &str| {
        compat::rules::find(id)
            .map(|r| r.description.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let notes: Vec<String> = o
        .unchecked
        .iter()
        .map(|u| format!("could not check: {u}"))
        .collect();
    sarif::log(&results, &describe, &notes)
}

/// A pull-request comment: a verdict line, then one table per subject, breaking changes
/// first, each with its explanation. Every text from schemas, file names or registry.toml is
/// escaped for where it lands (see [`md`]): it renders as written, never as markup.
fn markdown(o: &Outcome, fail_on: FailOn) -> String {
    let failing = o.findings.iter().filter(|f| f.fails(fail_on)).count();
    let shown = review_order(o, fail_on);
    let mut out = String::new();
    if !o.unchecked.is_empty() {
        out.push_str(&format!(
            "### :x: evtctl compat: could not check {} item(s)\n\n",
            o.unchecked.len()
        ));
        for u in &o.unchecked {
            out.push_str(&format!("- {}\n", md::text(u)));
        }
        out.push('\n');
    } else if failing > 0 {
        out.push_str(&format!(
            "### :x: evtctl compat: {failing} breaking change(s) in {} pair(s) checked\n\n",
            o.checked.len()
        ));
    } else {
        out.push_str(&format!(
            "### :white_check_mark: evtctl compat: compatible ({} pair(s) checked)\n\n",
            o.checked.len()
        ));
    }
    let mut subjects: Vec<&str> = Vec::new();
    for f in &shown {
        if !subjects.contains(&f.subject.as_str()) {
            subjects.push(&f.subject);
        }
    }
    for subject in subjects {
        let title = if subject.is_empty() {
            "schemas".to_string()
        } else {
            md::code(subject)
        };
        out.push_str(&format!("#### {title}\n\n"));
        out.push_str("| | Rule | Where | Versions | Explanation |\n|---|---|---|---|---|\n");
        for f in shown.iter().filter(|f| f.subject == subject) {
            let status = if f.fails(fail_on) {
                ":x: breaking"
            } else if f.waived_by.is_some() {
                ":heavy_minus_sign: waived"
            } else {
                ":warning: warning"
            };
            let file = Path::new(&f.file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let vers = match (f.old_version, f.new_version) {
                (Some(a), Some(b)) if a != b => format!("v{a} → v{b} ({})", f.mode),
                (Some(v), _) => format!("v{v} ({})", f.mode),
                _ => f.mode.clone(),
            };
            let mut why = md::text(&f.message);
            if let Some(w) = &f.waived_by {
                why.push_str(&format!(
                    " — waived by {}: {}",
                    md::cell_code(&format!("{}:{}", w.file, w.line)),
                    md::cell_code(&w.text)
                ));
            }
            out.push_str(&format!(
                "| {status} | {} | {} {} | {} | {} |\n",
                md::cell_code(&f.rule),
                md::cell_code(&format!("{file}:{}:{}", f.line, f.column)),
                md::cell_code(&f.path),
                md::text(&vers),
                why
            ));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_per_mode() {
        assert_eq!(pairs(&[1, 2, 3], Mode::Backward), vec![(1, 2), (2, 3)]);
        assert_eq!(
            pairs(&[1, 2, 3], Mode::BackwardTransitive),
            vec![(1, 2), (1, 3), (2, 3)]
        );
        assert!(pairs(&[1, 2, 3], Mode::None).is_empty());
    }

    #[test]
    fn locates_pointer_in_text() {
        let text = "{\n  \"properties\": {\n    \"a\": {\n      \"maxLength\": 3\n    }\n  }\n}";
        assert_eq!(locate(text, "#/properties/a/maxLength"), (4, 7));
        assert_eq!(locate(text, "#/properties/missing"), (2, 3));
    }

    #[test]
    fn locator_finds_what_a_text_search_finds() {
        // The first `"seg"` at or after the previous match, wherever the quotes are: inside
        // values, across escaped quotes, repeated keys, a segment holding a quote.
        let text = "{\"a\": {\"b\": \"x\\\"b\\\"\",\n \"b\": 1},\n\"c\": {\"a\": {\"b\": 2}},\n\"q\\\"r\": 3}";
        let slow = |path: &str| {
            let mut at = 0;
            for seg in path
                .trim_start_matches('#')
                .split('/')
                .filter(|s| !s.is_empty())
            {
                match text[at..].find(&format!("\"{seg}\"")) {
                    Some(i) => at += i,
                    None => break,
                }
            }
            let line = text[..at].matches('\n').count() + 1;
            (line, at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1)
        };
        for path in [
            "#/", "#/a/b", "#/c/a/b", "#/c/b", "#/x", "#/b/a", "#/q\\\"r", "#/a/x/b",
        ] {
            assert_eq!(locate(text, path), slow(path), "{path}");
        }
    }
}
