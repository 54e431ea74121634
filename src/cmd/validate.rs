//! `evtctl validate`: check events from topics, JSON Lines files or stdin against the local
//! registry. Every invalid event is reported with its location, instance path, schema path and
//! message; the run ends with a summary per subject and version.
//!
//! Guarantees: reads topics up to the end offsets captured at start and commits nothing; files
//! stream through a bounded pipeline (memory stays flat) using every core; each schema is
//! compiled once; an event with no schema is a problem unless `--allow-unknown`.

use crate::cli::{ReportFormat, ValidateArgs, ValidateInput};
use crate::config::Settings;
use crate::error::{usage, Interrupted, ProblemsFound};
use crate::input::{Chunks, Next};
use crate::kafka::reader::{self, Event, Flow, ReadEnd};
use crate::output::escape::{gh, xml};
use crate::output::sanitize::escape_line;
use crate::output::Printer;
use crate::record::Record;
use crate::registry::lookup::{Context, Miss};
use crate::registry::{Issue, Registry, SchemaFile, Subject};
use anyhow::{Context as _, Result};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Where an event came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Line {
        source: String,
        line: u64,
    },
    Record {
        topic: String,
        partition: i32,
        offset: i64,
    },
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Line { source, line } => write!(f, "{source}:{line}"),
            Location::Record {
                topic,
                partition,
                offset,
            } => write!(f, "{topic}/{partition}@{offset}"),
        }
    }
}

/// The verdict for one event; the subject's name is the registry's own.
#[derive(Debug, Clone)]
pub enum Verdict<'r> {
    Valid {
        subject: &'r str,
        version: u32,
    },
    Invalid {
        subject: &'r str,
        version: u32,
        issues: Vec<Issue>,
    },
    /// No schema routes to it.
    Unknown(String),
    /// Not JSON, a bad envelope, or a schema reference that does not exist.
    Broken(String),
}

/// The one answer to "is this JSON?" that `validate`, `publish` and `tail --validate` share:
/// UTF-8 throughout (strings included, which `serde_json::from_slice` skips when it parses into
/// `IgnoredAny`), then JSON. The error reads `not valid JSON: …`.
pub fn parse_json<'a, T: serde::Deserialize<'a>>(body: &'a [u8]) -> Result<T, String> {
    // One UTF-8 check for the whole body, then a parse that need not check each string again.
    std::str::from_utf8(body)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str::<T>(text).map_err(|e| e.to_string()))
        .map_err(|e| format!("not valid JSON: {e}"))
}

/// Validate one event body. Pure apart from compiling schemas on first use.
pub fn verdict<'r>(
    reg: &'r Registry,
    explicit: Option<(&'r Subject, &'r SchemaFile)>,
    body: &[u8],
    ctx: &Context<'_>,
) -> Verdict<'r> {
    if let Some(valid) = quick_valid(reg, explicit, body, ctx) {
        return valid;
    }
    match parse_json::<Value>(body) {
        Ok(event) => verdict_for_event(reg, explicit, &event, ctx),
        Err(e) => Verdict::Broken(e),
    }
}

/// The verdict for a valid event, found without building a `Value`: read as a tape, looked up
/// and checked by the quick validator. None for anything else (not JSON, no schema, invalid, or
/// an event the tape leaves to `Value`), which the full path then decides and reports.
fn quick_valid<'r>(
    reg: &'r Registry,
    explicit: Option<(&'r Subject, &'r SchemaFile)>,
    body: &[u8],
    ctx: &Context<'_>,
) -> Option<Verdict<'r>> {
    let text = std::str::from_utf8(body).ok()?;
    let doc = crate::registry::tape::Doc::parse(text).ok()?;
    let keys = crate::registry::lookup::Keys::of_tape(&doc);
    let (subject, file) = reg.find_by_keys(explicit, &keys, ctx).ok()?;
    let v = subject.tape_validator(file, &reg.root)?;
    let valid = v.is_valid(doc.root());
    if crate::registry::quick_gave_up() {
        return None;
    }
    valid.then_some(Verdict::Valid {
        subject: &subject.name,
        version: file.version,
    })
}

/// The verdict for an event already parsed: find its schema, check it.
pub fn verdict_for_event<'r>(
    reg: &'r Registry,
    explicit: Option<(&'r Subject, &'r SchemaFile)>,
    event: &Value,
    ctx: &Context<'_>,
) -> Verdict<'r> {
    match reg.find(explicit, event, ctx) {
        Err(Miss::Unknown(why)) => Verdict::Unknown(why),
        Err(Miss::Bad(why)) => Verdict::Broken(why),
        Ok((subject, file)) => verdict_against(reg, subject, file, event),
    }
}

/// The verdict for an event already parsed, against the schema found for it.
pub fn verdict_against<'r>(
    reg: &Registry,
    subject: &'r Subject,
    file: &SchemaFile,
    event: &Value,
) -> Verdict<'r> {
    match reg.check(subject, file, event) {
        Ok(issues) if issues.is_empty() => Verdict::Valid {
            subject: &subject.name,
            version: file.version,
        },
        Ok(issues) => Verdict::Invalid {
            subject: &subject.name,
            version: file.version,
            issues,
        },
        Err(e) => Verdict::Broken(format!(
            "schema {}@{} is unusable: {e}",
            subject.name, file.version
        )),
    }
}

/// The verdict for a record whose value is Avro, Protobuf or framed JSON (it names its schema by
/// id or header, or its topic is routed to such a subject); None for the others. An Avro or
/// Protobuf value is valid when it decodes with the schema that wrote it; a framed JSON value
/// is checked against the version its id names.
pub fn binary_verdict<'r>(
    reg: &'r Registry,
    explicit: Option<(&'r Subject, &'r SchemaFile)>,
    r: &crate::record::RecordView<'_>,
) -> Option<Verdict<'r>> {
    use crate::registry::binary::{Format, Named, Part};
    let named = explicit
        .filter(|(s, _)| s.format != Format::JsonSchema)
        .map(|(subject, file)| Named { subject, file });
    let decoded = reg.decode_as(
        r.topic,
        Part::Value,
        r.value,
        r.headers,
        named.as_ref(),
        false,
    )?;
    Some(match decoded {
        Err(why) => Verdict::Broken(why),
        Ok(d) => {
            let Some((subject, file)) = reg
                .subjects
                .get_key_value(&d.schema.subject)
                .and_then(|(_, s)| Some((s, s.version(d.schema.version)?)))
            else {
                return Some(Verdict::Broken(format!(
                    "{} is not in the registry",
                    d.schema.subject
                )));
            };
            if d.format == Format::JsonSchema {
                verdict_against(reg, subject, file, &d.json)
            } else {
                Verdict::Valid {
                    subject: &subject.name,
                    version: file.version,
                }
            }
        }
    })
}

/// The verdict for a record, CloudEvents aware: a CloudEvent (either mode) has its attributes
/// checked (each problem an issue with the schema path `cloudevents`), and in binary mode with
/// JSON data the event validated is the structured form rebuilt from its headers, so the same
/// envelope schemas serve both modes. Everything else (a structured event, binary data that is
/// not JSON, a record that is no CloudEvent) gets the verdict `other` gives.
pub fn cloudevent_verdict<'r>(
    reg: &'r Registry,
    explicit: Option<(&'r Subject, &'r SchemaFile)>,
    value: Option<&[u8]>,
    ctx: &Context<'_>,
    other: impl FnOnce() -> Verdict<'r>,
) -> Verdict<'r> {
    use crate::cloudevents::{Event, Mode};
    let Some(ev) = Event::read(ctx.headers, value) else {
        return other();
    };
    let rebuilt = (ev.mode == Mode::Binary)
        .then(|| ev.to_json_value())
        .flatten();
    let v = match rebuilt {
        Some(event) => verdict_for_event(reg, explicit, &event, ctx),
        None => other(),
    };
    with_attribute_problems(v, ev.problems)
}

/// A verdict with a CloudEvent's attribute problems added: a valid event becomes invalid; one
/// with no schema (or a broken one) becomes broken, so the problems are never waved through.
pub fn with_attribute_problems(v: Verdict<'_>, problems: Vec<String>) -> Verdict<'_> {
    if problems.is_empty() {
        return v;
    }
    let issue = |message: String| Issue {
        instance_path: String::new(),
        schema_path: "cloudevents".into(),
        message,
    };
    match v {
        Verdict::Valid { subject, version } => Verdict::Invalid {
            subject,
            version,
            issues: problems.into_iter().map(issue).collect(),
        },
        Verdict::Invalid {
            subject,
            version,
            issues,
        } => Verdict::Invalid {
            subject,
            version,
            issues: problems.into_iter().map(issue).chain(issues).collect(),
        },
        Verdict::Unknown(why) | Verdict::Broken(why) => Verdict::Broken(format!(
            "not a valid CloudEvent: {} ({why})",
            problems.join("; ")
        )),
    }
}

/// The verdict for a record read from a topic: CloudEvents first (`cloudevent_verdict`), then
/// Avro, Protobuf and framed values (`binary_verdict`), else the value is the event.
pub fn record_verdict<'r>(
    reg: &'r Registry,
    explicit: Option<(&'r Subject, &'r SchemaFile)>,
    r: &crate::record::RecordView<'_>,
) -> Verdict<'r> {
    let ctx = Context {
        headers: r.headers,
        topic: Some(r.topic),
    };
    cloudevent_verdict(reg, explicit, r.value, &ctx, || {
        binary_verdict(reg, explicit, r)
            .unwrap_or_else(|| verdict(reg, explicit, r.value.unwrap_or(b"null"), &ctx))
    })
}

/// Validate one input line (a bare event, or an envelope whose value is the event).
fn verdict_for_line<'r>(
    reg: &'r Registry,
    explicit: Option<(&'r Subject, &'r SchemaFile)>,
    input: ValidateInput,
    line: &[u8],
) -> Verdict<'r> {
    match input {
        ValidateInput::Json => verdict(reg, explicit, line, &Context::default()),
        ValidateInput::Envelope => {
            let rec = match std::str::from_utf8(line)
                .map_err(|e| e.to_string())
                .and_then(|l| Record::from_envelope(l).map_err(|e| format!("{e:#}")))
            {
                Ok(r) => r,
                Err(e) => return Verdict::Broken(e),
            };
            let headers: Vec<(&str, Option<&[u8]>)> = rec
                .headers
                .iter()
                .map(|h| (h.name.as_str(), h.value.as_deref()))
                .collect();
            let ctx = Context {
                headers: &headers,
                topic: rec.topic.as_deref(),
            };
            let value = rec.value.as_deref();
            cloudevent_verdict(reg, explicit, value, &ctx, || {
                verdict(reg, explicit, value.unwrap_or(b"null"), &ctx)
            })
        }
    }
}

/// One failing event in `-o json` (documented in the README; fields in this order).
#[derive(serde::Serialize)]
struct EventLine<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    topic: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    partition: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<u32>,
    errors: &'a [Issue],
}

/// The last line of `-o json`.
#[derive(serde::Serialize)]
struct SummaryLine<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    checked: u64,
    valid: u64,
    invalid: u64,
    unknown: u64,
    broken: u64,
    stopped_early: bool,
    subjects: Vec<&'a SubjectStats>,
}

#[derive(Default, serde::Serialize)]
struct SubjectStats {
    subject: String,
    version: u32,
    checked: u64,
    valid: u64,
    invalid: u64,
    top_errors: Vec<TopError>,
    #[serde(skip)]
    errors: HashMap<String, (u64, String)>,
}

#[derive(serde::Serialize)]
struct TopError {
    schema_path: String,
    count: u64,
    example: String,
}

/// Counts for the summary, and the report as it goes (`'r`: the registry's subject names).
struct Report<'p, 'r> {
    printer: &'p mut Printer,
    format: Option<ReportFormat>,
    allow_unknown: bool,
    stats: BTreeMap<(&'r str, u32), SubjectStats>,
    checked: u64,
    valid: u64,
    invalid: u64,
    unknown: u64,
    broken: u64,
    junit: Vec<String>,
    sarif: Vec<crate::output::sarif::Result>,
}

impl<'r> Report<'_, 'r> {
    fn problems(&self) -> u64 {
        self.invalid + self.broken + if self.allow_unknown { 0 } else { self.unknown }
    }

    fn subject_stats(&mut self, subject: &'r str, version: u32) -> &mut SubjectStats {
        self.stats
            .entry((subject, version))
            .or_insert_with(|| SubjectStats {
                subject: subject.to_string(),
                version,
                ..Default::default()
            })
    }

    fn add(&mut self, loc: &Location, v: Verdict<'r>) -> Result<()> {
        self.checked += 1;
        let (what, subject, details): (&str, Option<(&str, u32)>, Vec<Issue>) = match v {
            Verdict::Valid { subject, version } => {
                self.valid += 1;
                let s = self.subject_stats(subject, version);
                s.checked += 1;
                s.valid += 1;
                return Ok(());
            }
            Verdict::Invalid {
                subject,
                version,
                issues,
            } => {
                self.invalid += 1;
                let s = self.subject_stats(subject, version);
                s.checked += 1;
                s.invalid += 1;
                for i in &issues {
                    let e = s
                        .errors
                        .entry(i.schema_path.clone())
                        .or_insert((0, i.message.clone()));
                    e.0 += 1;
                }
                ("invalid", Some((subject, version)), issues)
            }
            Verdict::Unknown(why) => {
                self.unknown += 1;
                if self.allow_unknown {
                    return Ok(());
                }
                (
                    "unknown",
                    None,
                    vec![Issue {
                        instance_path: String::new(),
                        schema_path: String::new(),
                        message: why,
                    }],
                )
            }
            Verdict::Broken(why) => {
                self.broken += 1;
                (
                    "broken",
                    None,
                    vec![Issue {
                        instance_path: String::new(),
                        schema_path: String::new(),
                        message: why,
                    }],
                )
            }
        };
        self.emit(loc, what, subject, &details)
    }

    fn emit(
        &mut self,
        loc: &Location,
        what: &str,
        subject: Option<(&str, u32)>,
        issues: &[Issue],
    ) -> Result<()> {
        let subj = subject.as_ref().map(|(s, v)| format!("{s}@{v}"));
        match self.format {
            Some(ReportFormat::Github) => {
                let props = match loc {
                    Location::Line { source, line } => {
                        format!("file={},line={line}", gh::property(source))
                    }
                    Location::Record { .. } => {
                        format!("title={}", gh::property(&loc.to_string()))
                    }
                };
                for i in issues {
                    let prefix = subj
                        .as_deref()
                        .map(|s| format!("{s}: "))
                        .unwrap_or_default();
                    let at = if i.instance_path.is_empty() {
                        String::new()
                    } else {
                        format!("{}: ", i.instance_path)
                    };
                    self.printer.line(&format!(
                        "::error {props}::{}",
                        gh::data(&format!("{prefix}{at}{}", i.message))
                    ))?;
                }
            }
            Some(ReportFormat::Sarif) => {
                use crate::output::sarif;
                let rule = match what {
                    "unknown" => "EVENT_SCHEMA_NOT_FOUND",
                    "broken" => "EVENT_UNREADABLE",
                    _ => "EVENT_INVALID",
                };
                let (file, line, logical) = match loc {
                    Location::Line { source, line } => (source.clone(), *line as usize, None),
                    Location::Record { .. } => (String::new(), 0, Some(loc.to_string())),
                };
                for i in issues {
                    let prefix = subj
                        .as_deref()
                        .map(|s| format!("{s}: "))
                        .unwrap_or_default();
                    let at = if i.instance_path.is_empty() {
                        String::new()
                    } else {
                        format!("{}: ", i.instance_path)
                    };
                    self.sarif.push(sarif::Result {
                        rule: rule.to_string(),
                        level: sarif::Level::Error,
                        message: format!("{prefix}{at}{}", i.message),
                        file: file.clone(),
                        line,
                        column: 1,
                        logical: logical.clone(),
                        suppressed: None,
                        properties: serde_json::json!({
                            "instancePath": i.instance_path,
                            "schemaPath": i.schema_path,
                            "subject": subject.as_ref().map(|(s, _)| s),
                            "version": subject.as_ref().map(|(_, v)| v),
                        }),
                    });
                }
            }
            Some(ReportFormat::Junit) => {
                let detail: Vec<String> = issues.iter().map(junit_detail).collect();
                self.junit.push(format!(
                    "    <testcase name=\"{}\" classname=\"{}\"><failure message=\"{}\">{}</failure></testcase>",
                    xml::attr(&loc.to_string()),
                    xml::attr(subj.as_deref().unwrap_or(what)),
                    xml::attr(&issues.first().map(|i| i.message.clone()).unwrap_or_default()),
                    xml::text(&detail.join("\n"))
                ));
            }
            None if self.printer.is_json() => {
                let (source, line, topic, partition, offset) = match loc {
                    Location::Line { source, line } => {
                        (Some(source.as_str()), Some(*line), None, None, None)
                    }
                    Location::Record {
                        topic,
                        partition,
                        offset,
                    } => (
                        None,
                        None,
                        Some(topic.as_str()),
                        Some(*partition),
                        Some(*offset),
                    ),
                };
                self.printer.json(&EventLine {
                    kind: what,
                    source,
                    line,
                    topic,
                    partition,
                    offset,
                    subject: subject.map(|(s, _)| s),
                    version: subject.as_ref().map(|(_, v)| *v),
                    errors: issues,
                })?;
            }
            None => {
                let st = self.printer.styles;
                let (b, d) = (st.bad, st.dim);
                let head = format!(
                    "{b}{}{b:#}: {}",
                    escape_line(&loc.to_string()),
                    escape_line(subj.as_deref().unwrap_or(what))
                );
                for i in issues {
                    let at = if i.instance_path.is_empty() {
                        String::new()
                    } else {
                        format!("{}: ", escape_line(&i.instance_path))
                    };
                    let sp = if i.schema_path.is_empty() {
                        String::new()
                    } else {
                        format!(" {d}({}){d:#}", escape_line(&i.schema_path))
                    };
                    self.printer
                        .line(&format!("{head}: {at}{}{sp}", escape_line(&i.message)))?;
                }
            }
        }
        Ok(())
    }

    fn finish(mut self, stopped_early: bool) -> Result<()> {
        for s in self.stats.values_mut() {
            let mut errs: Vec<(String, (u64, String))> = s.errors.drain().collect();
            errs.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
            s.top_errors = errs
                .into_iter()
                .take(5)
                .map(|(p, (n, ex))| TopError {
                    schema_path: p,
                    count: n,
                    example: ex,
                })
                .collect();
        }
        match self.format {
            Some(ReportFormat::Junit) => {
                self.printer
                    .line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
                // Counts are the elements present: one testcase per failing event, and one for
                // all the events that passed (a testcase per valid event would swamp CI).
                let mut cases = std::mem::take(&mut self.junit);
                let passed = self.checked - self.problems().min(self.checked);
                if passed > 0 {
                    cases.push(format!(
                        "    <testcase name=\"{passed} event(s) passed\" classname=\"evtctl validate\"/>"
                    ));
                }
                let failures = cases.iter().filter(|c| c.contains("<failure")).count();
                let errors = cases.iter().filter(|c| c.contains("<error")).count();
                for (indent, tag) in [("", "testsuites"), ("  ", "testsuite")] {
                    self.printer.line(&format!(
                        "{indent}<{tag} name=\"evtctl validate\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\">",
                        cases.len()
                    ))?;
                }
                for tc in cases {
                    self.printer.line(&tc)?;
                }
                self.printer.line("  </testsuite>\n</testsuites>")?;
            }
            Some(ReportFormat::Github) => {}
            Some(ReportFormat::Sarif) => {
                let describe = |id: &str| {
                    match id {
                        "EVENT_SCHEMA_NOT_FOUND" => "no schema was found for the event (see the lookup order in `evtctl validate --help`)",
                        "EVENT_UNREADABLE" => "the event is not valid JSON or not a readable record",
                        _ => "the event does not validate against its schema",
                    }
                    .to_string()
                };
                let log = crate::output::sarif::log(&self.sarif, &describe, &[]);
                self.printer.json(&log)?;
            }
            None if self.printer.is_json() => {
                self.printer.json(&SummaryLine {
                    kind: "summary",
                    checked: self.checked,
                    valid: self.valid,
                    invalid: self.invalid,
                    unknown: self.unknown,
                    broken: self.broken,
                    stopped_early,
                    subjects: self.stats.values().collect(),
                })?;
            }
            None => {
                if !self.stats.is_empty() {
                    let mut t = crate::output::table::new(&[
                        "SUBJECT",
                        "VERSION",
                        "CHECKED",
                        "VALID",
                        "INVALID",
                        "MOST FREQUENT ERRORS",
                    ]);
                    for s in self.stats.values() {
                        let top: Vec<String> = s
                            .top_errors
                            .iter()
                            .take(3)
                            .map(|e| format!("{} ×{}", e.schema_path, e.count))
                            .collect();
                        t.add_row(vec![
                            s.subject.clone(),
                            s.version.to_string(),
                            s.checked.to_string(),
                            s.valid.to_string(),
                            s.invalid.to_string(),
                            top.join(", "),
                        ]);
                    }
                    crate::output::table::right_align(&mut t, &[1, 2, 3, 4]);
                    self.printer.line(&crate::output::table::render(&mut t))?;
                }
            }
        }
        self.printer.flush()?;
        let mut msg = format!(
            "checked {} event(s): {} valid, {} invalid",
            self.checked, self.valid, self.invalid
        );
        if self.unknown > 0 {
            msg.push_str(&format!(
                ", {} without a schema{}",
                self.unknown,
                if self.allow_unknown { " (allowed)" } else { "" }
            ));
        }
        if self.broken > 0 {
            msg.push_str(&format!(", {} unreadable", self.broken));
        }
        if stopped_early {
            msg.push_str("; stopped at --max-invalid");
        }
        self.printer.info(msg);
        let problems = self.problems();
        if problems > 0 {
            return Err(ProblemsFound(format!("{problems} event(s) failed validation")).into());
        }
        Ok(())
    }
}

/// One slice of input lines, checked by a worker: the lines are ranges of a block read from the
/// input, shared by the chunks cut from it, so no line is copied on its way to a worker.
struct Chunk {
    seq: u64,
    source: usize,
    first_line: u64,
    block: Arc<Vec<u8>>,
    lines: Vec<Range<usize>>,
}

/// Where the data of each line of `block` lies (`\r`s before the `\n` and, on the input's first
/// line, a UTF-8 byte-order mark left out); `line_no` counts the lines, across blocks.
fn line_ranges(block: &[u8], line_no: &mut u64) -> Vec<Range<usize>> {
    let mut at = 0;
    crate::input::lines(block)
        .map(|l| {
            *line_no += 1;
            let start = at;
            at += l.len() + 1;
            let mut end = l.len();
            while end > 0 && l[end - 1] == b'\r' {
                end -= 1;
            }
            // A UTF-8 byte-order mark before the first line is not data.
            let skip = if *line_no == 1 && l.starts_with(b"\xef\xbb\xbf") {
                3.min(end)
            } else {
                0
            };
            start + skip..start + end
        })
        .collect()
}

pub fn run(
    args: &ValidateArgs,
    settings: &Settings,
    registry: &Registry,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let explicit = args
        .subject
        .as_deref()
        .map(|s| registry.schema_ref(s))
        .transpose()?;
    let mut report = Report {
        printer,
        format: args.format,
        allow_unknown: args.allow_unknown,
        stats: BTreeMap::new(),
        checked: 0,
        valid: 0,
        invalid: 0,
        unknown: 0,
        broken: 0,
        junit: Vec::new(),
        sarif: Vec::new(),
    };
    let max_invalid = args.max_invalid.unwrap_or(u64::MAX);
    let mut stopped_early = false;
    let selector =
        crate::pattern::TopicSelector::parse(&args.topics, args.topics_regex.as_deref())?;
    if !selector.is_empty() {
        let topics = selector.resolve(&crate::kafka::admin::Admin::connect(settings)?, false)?;
        stopped_early = validate_topics(
            args,
            &topics,
            settings,
            registry,
            explicit,
            &mut report,
            max_invalid,
            cancel,
        )?;
    }
    let mut files: Vec<PathBuf> = args.files.clone();
    if selector.is_empty() && files.is_empty() {
        files.push(PathBuf::from("-"));
    }
    if !files.is_empty() && !stopped_early {
        stopped_early = validate_files(
            &files,
            args.input,
            registry,
            explicit,
            &mut report,
            max_invalid,
            cancel,
        )?;
    }
    if cancel.load(Ordering::Relaxed) {
        let _ = report.finish(stopped_early);
        return Err(Interrupted.into());
    }
    report.finish(stopped_early)
}

#[allow(clippy::too_many_arguments)]
fn validate_topics<'r>(
    args: &ValidateArgs,
    topics: &[String],
    settings: &Settings,
    registry: &'r Registry,
    explicit: Option<(&'r Subject, &'r SchemaFile)>,
    report: &mut Report<'_, 'r>,
    max_invalid: u64,
    cancel: &AtomicBool,
) -> Result<bool> {
    let mut rd = reader::bounded(
        settings,
        topics,
        &args.partition,
        args.from.as_deref(),
        args.until.as_deref(),
    )?;
    let mut stopped = false;
    let end = rd.run(cancel, |ev| {
        let Event::Record(r) = ev else {
            return Ok(Flow::Continue);
        };
        let v = record_verdict(registry, explicit, &r);
        report.add(
            &Location::Record {
                topic: r.topic.to_string(),
                partition: r.partition,
                offset: r.offset,
            },
            v,
        )?;
        if report.problems() >= max_invalid {
            stopped = true;
            return Ok(Flow::Stop);
        }
        Ok(Flow::Continue)
    })?;
    Ok(stopped || end == ReadEnd::Stopped)
}

fn validate_files<'r>(
    files: &[PathBuf],
    input: ValidateInput,
    registry: &'r Registry,
    explicit: Option<(&'r Subject, &'r SchemaFile)>,
    report: &mut Report<'_, 'r>,
    max_invalid: u64,
    cancel: &AtomicBool,
) -> Result<bool> {
    const LINES: usize = 2048;
    let labels: Vec<String> = files
        .iter()
        .map(|f| {
            if f.as_os_str() == "-" {
                "<stdin>".to_string()
            } else {
                f.display().to_string()
            }
        })
        .collect();
    let mut readers: Vec<Box<dyn Read + Send>> = Vec::new();
    for f in files {
        readers.push(if f.as_os_str() == "-" {
            Box::new(std::io::stdin())
        } else {
            let file =
                std::fs::File::open(f).map_err(|e| usage(format!("{}: {e}", f.display())))?;
            Box::new(file)
        });
    }
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .max(1);
    let stop = AtomicBool::new(false);
    let spare = crate::input::Spare::default();
    let (work_tx, work_rx) = std::sync::mpsc::sync_channel::<Chunk>(workers * 2);
    // Only the workers hold the receiver: if they all stop, the reader's next send fails and
    // it stops too, so no thread waits forever whatever ends the run.
    let work_rx = std::sync::Arc::new(std::sync::Mutex::new(work_rx));
    let (done_tx, done_rx) =
        std::sync::mpsc::sync_channel::<(u64, usize, Vec<(u64, Verdict)>)>(workers * 2);
    let mut stopped_early = false;
    std::thread::scope(|scope| -> Result<()> {
        let (labels_ref, stop_ref) = (&labels, &stop);
        let reader_spare = spare.clone();
        let read_error = scope.spawn(move || -> Result<()> {
            let mut seq = 0;
            for (source, r) in readers.into_iter().enumerate() {
                let mut line_no = 0u64;
                // Read on a thread of its own, so Ctrl-C is seen while a read of stdin waits;
                // lines are handed on as they arrive (typed ones at once), at most LINES a chunk.
                let input = Chunks::spawn_reusing(r, reader_spare.clone());
                loop {
                    let next = input
                        .next(cancel, || Ok(()))
                        .with_context(|| format!("reading {}", labels_ref[source]))?;
                    let bytes = match next {
                        Next::Chunk(bytes) => bytes,
                        Next::End => break,
                        Next::Cancelled => return Ok(()),
                        Next::TooLong => {
                            return Err(usage(format!(
                                "{}:{}: a line longer than {} bytes (raise --max-line-bytes if it is legitimate)",
                                labels_ref[source],
                                line_no + 1,
                                crate::input::max_line()
                            )))
                        }
                    };
                    let first_line = line_no + 1;
                    let ranges = line_ranges(&bytes, &mut line_no);
                    let block = Arc::new(bytes);
                    for (i, lines) in ranges.chunks(LINES).enumerate() {
                        let chunk = Chunk {
                            seq,
                            source,
                            first_line: first_line + (i * LINES) as u64,
                            block: Arc::clone(&block),
                            lines: lines.to_vec(),
                        };
                        if stop_ref.load(Ordering::Relaxed) || cancel.load(Ordering::Relaxed) {
                            return Ok(());
                        }
                        seq += 1;
                        if work_tx.send(chunk).is_err() {
                            return Ok(());
                        }
                    }
                }
            }
            Ok(())
        });
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let work_rx = work_rx.clone();
            let spare = spare.clone();
            scope.spawn(move || loop {
                let chunk = match work_rx.lock().expect("work queue").recv() {
                    Ok(c) => c,
                    Err(_) => return,
                };
                let mut out = Vec::new();
                for (i, range) in chunk.lines.iter().enumerate() {
                    let line = &chunk.block[range.clone()];
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    out.push((
                        chunk.first_line + i as u64,
                        verdict_for_line(registry, explicit, input, line),
                    ));
                }
                // The block's last chunk gives its buffer back to the reader.
                if let Ok(block) = Arc::try_unwrap(chunk.block) {
                    spare.put(block);
                }
                if done_tx.send((chunk.seq, chunk.source, out)).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        drop(work_rx);
        // Results arrive out of order; report them in input order.
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        for (seq, source, verdicts) in done_rx.iter() {
            // Ctrl-C: report nothing more (the reader has stopped too).
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            pending.insert(seq, (source, verdicts));
            while let Some((source, verdicts)) = pending.remove(&next) {
                next += 1;
                if stopped_early {
                    continue;
                }
                for (line, v) in verdicts {
                    report.add(
                        &Location::Line {
                            source: labels[source].clone(),
                            line,
                        },
                        v,
                    )?;
                    if report.problems() >= max_invalid {
                        stopped_early = true;
                        stop.store(true, Ordering::Relaxed);
                        break;
                    }
                }
            }
            // What has been checked is shown as it is found, for input that comes slowly.
            report.printer.flush()?;
        }
        drop(done_rx);
        read_error.join().expect("reader thread")?;
        Ok(())
    })?;
    Ok(stopped_early)
}

/// One issue in a JUnit failure's text: `/path: message (#/schema/path)`, each part only where
/// there is one (an event without a schema has neither path).
fn junit_detail(i: &Issue) -> String {
    let mut s = String::new();
    if !i.instance_path.is_empty() {
        s.push_str(&i.instance_path);
        s.push_str(": ");
    }
    s.push_str(&i.message);
    if !i.schema_path.is_empty() {
        s.push_str(&format!(" ({})", i.schema_path));
    }
    s
}
