//! `evtctl tail`: read records from topics, from a position, following or up to a stop.
//!
//! Guarantees: joins no consumer group and commits nothing unless `--group` is given (then it
//! commits only what has been written to stdout); `--until end` stops at the end offsets
//! captured at start, also on compacted and transactional topics. A follow waits through the
//! cluster going away (a broker restart, a leader moving) until Ctrl-C; a bounded read gives up
//! after a few `--timeout`s with the summary of what it printed and exit 3.

use crate::cli::TailArgs;
use crate::cmd::validate::{cloudevent_verdict, verdict, Verdict};
use crate::codec::Codec;
use crate::config::Settings;
use crate::error::{usage, Interrupted};
use crate::kafka::admin::Admin;
use crate::kafka::reader::{self, Event, Flow, ReadEnd, Reader};
use crate::output::sanitize::escape_line;
use crate::output::{pretty, Printer};
use crate::position::{now_ms, parse_start, parse_stop, Start, StartSpec, Stop};
use crate::record::RecordView;
use crate::registry::lookup::Context;
use crate::registry::view::{Decoder, Fields};
use crate::registry::Registry;
use anyhow::Result;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

pub struct Plan {
    pub topics: Vec<String>,
    /// Topic names and patterns (`re:`, --topics-regex).
    pub selector: crate::pattern::TopicSelector,
    pub partitions: Vec<i32>,
    pub start: StartSpec,
    pub stop: Option<Stop>,
    pub count: Option<u64>,
    pub filter: Option<crate::filter::Filter>,
    pub key: Option<Vec<u8>>,
    pub group: Option<String>,
    /// `--from group:GROUP`: start at that group's committed offsets (without joining it).
    pub from_group: Option<String>,
    /// `--format`: print with this instead of pretty/JSON.
    pub format: Option<crate::output::format::Format>,
    pub key_type: Codec,
    pub value_type: Codec,
    /// `--validate`.
    pub validate: bool,
    /// `--key-schema`, `--value-schema`.
    pub key_schema: Option<String>,
    pub value_schema: Option<String>,
    /// `--no-decode`.
    pub no_decode: bool,
}

impl Plan {
    pub fn from_args(a: &TailArgs) -> Result<Plan> {
        let now = now_ms();
        let from_group = match a.from.as_deref().map(|f| f.strip_prefix("group:")) {
            Some(Some("")) => {
                return Err(usage(
                    "--from group: needs a group name, e.g. group:billing",
                ))
            }
            Some(Some(g)) => Some(g.to_string()),
            _ => None,
        };
        let start = match &a.from {
            Some(_) if from_group.is_some() => StartSpec::default(),
            Some(s) => parse_start(s, now)?,
            None => StartSpec {
                default: None,
                partitions: Vec::new(),
            },
        };
        let stop = a.until.as_deref().map(|s| parse_stop(s, now)).transpose()?;
        crate::position::check_range(&start, stop)?;
        let filter = a
            .filter
            .as_deref()
            .map(crate::filter::Filter::compile)
            .transpose()?;
        if a.count == Some(0) {
            return Err(usage("--count must be at least 1"));
        }
        let selector = crate::pattern::TopicSelector::parse(&a.topics, a.topics_regex.as_deref())?;
        Ok(Plan {
            topics: selector.names.clone(),
            selector,
            partitions: a.partition.clone(),
            start,
            stop,
            count: a.count,
            filter,
            key: a
                .key
                .as_ref()
                .map(|k| a.key_type.encode("--key", k))
                .transpose()?,
            group: a.group.clone(),
            from_group,
            format: a
                .format
                .as_deref()
                .map(crate::output::format::Format::parse)
                .transpose()?,
            key_type: a.key_type,
            value_type: a.value_type,
            validate: a.validate,
            key_schema: a.key_schema.clone(),
            value_schema: a.value_schema.clone(),
            no_decode: a.no_decode,
        })
    }

    /// Where partitions without an explicit start begin: the end when following, the beginning
    /// when reading a bounded range.
    pub fn default_start(&self) -> Start {
        if self.stop.is_some() {
            Start::Beginning
        } else {
            Start::End
        }
    }

    /// Does this record pass the key and jq filters? `fields`: its decoded key and value.
    pub fn keep(&self, r: &RecordView<'_>, fields: Option<&Fields>) -> Result<bool> {
        if let Some(k) = &self.key {
            if r.key != Some(k.as_slice()) {
                return Ok(false);
            }
        }
        match &self.filter {
            None => Ok(true),
            Some(f) => f
                .matches(match fields {
                    Some(d) => d.filter_json(r),
                    None => self.envelope(r),
                })
                .map_err(|e| {
                    e.context(format!(
                        "--filter failed on {}/{}@{}",
                        r.topic, r.partition, r.offset
                    ))
                }),
        }
    }
}

impl Plan {
    /// The envelope `--filter` sees: with typed keys/values decoded.
    fn envelope(&self, r: &RecordView<'_>) -> serde_json::Value {
        if self.key_type.is_plain() && self.value_type.is_plain() {
            r.to_json_value()
        } else {
            r.to_json_value_as(self.key_type, self.value_type)
        }
    }

    /// Write one record as `--format`, typed JSON or pretty asks; count what did not decode.
    fn render(
        &self,
        r: &RecordView<'_>,
        json: bool,
        printer: &Printer,
        line: &mut Vec<u8>,
        summary: &mut Summary,
    ) -> Option<String> {
        let (key_ok, value_ok) = if let Some(f) = &self.format {
            f.render(
                r,
                self.key_type,
                self.value_type,
                printer.stdout_is_terminal(),
                line,
            )
        } else if json {
            r.write_json_line_as(line, self.key_type, self.value_type)
        } else {
            let text = pretty::record_as(r, &printer.styles, self.key_type, self.value_type);
            let ok = (
                self.key_type.show(r.key, false).1,
                self.value_type.show(r.value, true).1,
            );
            summary.undecoded_keys += u64::from(!ok.0);
            summary.undecoded_values += u64::from(!ok.1);
            return Some(text);
        };
        summary.undecoded_keys += u64::from(!key_ok);
        summary.undecoded_values += u64::from(!value_ok);
        None
    }
}

/// The `validation` field `tail --validate` adds to each JSON record.
fn validation_json(v: &Verdict) -> serde_json::Value {
    match v {
        Verdict::Valid { subject, version } => {
            serde_json::json!({"valid": true, "subject": subject, "version": version})
        }
        Verdict::Invalid {
            subject,
            version,
            issues,
        } => {
            serde_json::json!({"valid": false, "subject": subject, "version": version, "errors": issues})
        }
        Verdict::Unknown(why) => serde_json::json!({"valid": null, "reason": why}),
        Verdict::Broken(why) => serde_json::json!({"valid": false, "reason": why}),
    }
}

fn validation_pretty(v: &Verdict, st: &crate::output::Styles) -> String {
    let (g, b, d) = (st.good, st.bad, st.dim);
    match v {
        Verdict::Valid { subject, version } => {
            format!("  {g}✓ valid{g:#} {d}{subject}@{version}{d:#}\n")
        }
        Verdict::Invalid {
            subject,
            version,
            issues,
        } => {
            let mut s = format!("  {b}✗ invalid{b:#} against {subject}@{version}\n");
            for i in issues {
                s.push_str(&format!(
                    "    {}: {} {d}({}){d:#}\n",
                    escape_line(&i.instance_path),
                    escape_line(&i.message),
                    i.schema_path
                ));
            }
            s
        }
        Verdict::Unknown(why) => format!("  {d}? {}{d:#}\n", escape_line(why)),
        Verdict::Broken(why) => format!("  {b}✗{b:#} {}\n", escape_line(why)),
    }
}

/// `--from group:G`: say which partitions start at the default for want of a committed offset.
fn warn_uncommitted(
    plan: &Plan,
    group: &str,
    parts: &[(String, Vec<i32>)],
    committed: &std::collections::BTreeMap<(String, i32), i64>,
    printer: &Printer,
) {
    let missing: Vec<(String, i32)> = parts
        .iter()
        .flat_map(|(t, ps)| ps.iter().map(move |p| (t.clone(), *p)))
        .filter(|(t, p)| {
            (plan.partitions.is_empty() || plan.partitions.contains(p))
                && !committed.contains_key(&(t.clone(), *p))
        })
        .collect();
    if !missing.is_empty() {
        let default = match plan.default_start() {
            Start::Beginning => "beginning",
            _ => "end",
        };
        printer.warn(format!(
            "group `{}` has no committed offset on {}: starting there at the {default}",
            escape_line(group),
            super::known_group::partition_list(&missing)
        ));
    }
}

#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    pub records: u64,
    pub invalid: u64,
    pub skipped: u64,
    pub seconds: f64,
    /// Keys / values that did not decode as --key-type / --value-type (shown untyped).
    pub undecoded_keys: u64,
    pub undecoded_values: u64,
    /// Keys and values a schema claimed that did not decode with it (shown as bytes).
    pub undecodable: u64,
}

/// Per-record warnings about payloads that do not decode, before only the count is kept.
const MAX_DECODE_WARNINGS: u64 = 10;

pub fn run(
    plan: &Plan,
    settings: &Settings,
    registry: Option<&Registry>,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let admin = Admin::connect(settings)?;
    let following = plan.stop.is_none();
    let mut topics = plan.selector.resolve(&admin, following)?;
    if topics.is_empty() {
        topics = crate::pattern::wait_for_topics(&admin, &plan.selector, printer, cancel)?;
    }
    // Where a group's consumers are about to read (--from group:), or where --group left off.
    let committed = match plan.from_group.as_ref().or(plan.group.as_ref()) {
        Some(g) => {
            let parts: Vec<(String, Vec<i32>)> = topics
                .iter()
                .map(|t| Ok((t.clone(), admin.partitions(t)?)))
                .collect::<Result<_>>()?;
            let committed = reader::committed(settings, g, &parts)?;
            if let Some(from) = &plan.from_group {
                if committed.is_empty() {
                    // A typo must not quietly read from the default position.
                    super::known_group::require(&admin, settings, from)?;
                }
                warn_uncommitted(plan, from, &parts, &committed, printer);
            }
            Some(committed)
        }
        None => None,
    };
    let (mut ranges, deadline) = reader::resolve(
        &admin,
        &topics,
        &plan.partitions,
        &plan.start,
        plan.default_start(),
        plan.stop,
        committed.as_ref(),
    )?;
    // Following a pattern: topics created later are picked up (checked about once a second).
    let mut watch =
        (following && plan.selector.has_patterns()).then(|| crate::pattern::TopicWatch {
            admin,
            known: topics.clone(),
            last: Instant::now(),
            found: Vec::new(),
            next: Default::default(),
        });
    for r in &ranges {
        match r.stop {
            Some(s) => printer.debug(format!(
                "{}/{}: offsets {}..{}",
                r.topic, r.partition, r.start, s
            )),
            None => printer.debug(format!(
                "{}/{}: from offset {}, following",
                r.topic, r.partition, r.start
            )),
        }
    }
    let decoder = match registry.filter(|_| !plan.no_decode) {
        Some(reg) => Decoder::new(
            reg,
            plan.key_schema.as_deref(),
            plan.value_schema.as_deref(),
        )?
        .map(|d| d.skip(!plan.key_type.is_plain(), !plan.value_type.is_plain())),
        None => None,
    };
    let registry = registry.filter(|_| plan.validate);
    let mut reader = Reader::open(settings, &ranges, deadline, plan.group.as_deref())?;
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut line = Vec::with_capacity(64 * 1024);
    let json = printer.is_json();
    let end = loop {
        let end = reader.run(cancel, |ev| {
            match ev {
                // The reader commits (with --group) right after this returns: flush first.
                Event::Idle => {
                    printer.flush()?;
                    if let Some(w) = &mut watch {
                        if w.check(&plan.selector)? {
                            return Ok(Flow::Stop);
                        }
                    }
                }
                Event::Record(r) => {
                    if let Some(w) = &mut watch {
                        w.next
                            .insert((r.topic.to_string(), r.partition), r.offset + 1);
                    }
                    let fields = decoder.as_ref().and_then(|d| d.fields(&r));
                    if let Some(f) = &fields {
                        for (part, why) in f.errors() {
                            summary.undecodable += 1;
                            if summary.undecodable <= MAX_DECODE_WARNINGS {
                                printer.warn(format!(
                                    "{}/{}@{}: {}: {}",
                                    escape_line(r.topic),
                                    r.partition,
                                    r.offset,
                                    part.name(),
                                    escape_line(why)
                                ));
                            }
                        }
                    }
                    let full = r;
                    let view = fields.as_ref().map(|f| f.view(&full));
                    let r = view.unwrap_or(full);
                    if !plan.keep(&r, fields.as_ref())? {
                        summary.skipped += 1;
                        return Ok(Flow::Continue);
                    }
                    let check = registry.map(|reg| {
                        let ctx = Context {
                            headers: r.headers,
                            topic: Some(r.topic),
                        };
                        cloudevent_verdict(reg, None, r.value, &ctx, || {
                            verdict(reg, None, r.value.unwrap_or(b"null"), &ctx)
                        })
                    });
                    if matches!(check, Some(Verdict::Invalid { .. } | Verdict::Broken(_))) {
                        summary.invalid += 1;
                    }
                    if let (Some(f), true, None) = (&fields, json, &plan.format) {
                        line.clear();
                        f.write_json_line(&full, &mut line);
                        if let Some(v) = &check {
                            line.truncate(line.len() - 2);
                            line.extend_from_slice(b",\"validation\":");
                            serde_json::to_writer(&mut line, &validation_json(v))?;
                            line.extend_from_slice(b"}\n");
                        }
                        printer.write(&line)?;
                    } else if plan.format.is_some()
                        || !plan.key_type.is_plain()
                        || !plan.value_type.is_plain()
                    {
                        line.clear();
                        match plan.render(&r, json, printer, &mut line, &mut summary) {
                            Some(text) => printer.write(text.as_bytes())?,
                            None if json && plan.format.is_none() => {
                                if let Some(v) = &check {
                                    line.truncate(line.len() - 2);
                                    line.extend_from_slice(b",\"validation\":");
                                    serde_json::to_writer(&mut line, &validation_json(v))?;
                                    line.extend_from_slice(b"}\n");
                                }
                                printer.write(&line)?
                            }
                            None => printer.write(&line)?,
                        }
                        if plan.format.is_none() && !json {
                            if let Some(v) = &check {
                                printer.write(validation_pretty(v, &printer.styles).as_bytes())?;
                            }
                        }
                    } else if json {
                        line.clear();
                        r.write_json_line(&mut line);
                        if let Some(v) = &check {
                            // The envelope is one object per line: add the verdict as a last field.
                            line.truncate(line.len() - 2);
                            line.extend_from_slice(b",\"validation\":");
                            serde_json::to_writer(&mut line, &validation_json(v))?;
                            line.extend_from_slice(b"}\n");
                        }
                        printer.write(&line)?;
                    } else {
                        printer.write(pretty::record(&r, &printer.styles).as_bytes())?;
                        if let Some(f) = &fields {
                            let d = printer.styles.dim;
                            for note in f.notes() {
                                printer.write(
                                    format!("  {d}{}{d:#}\n", escape_line(&note)).as_bytes(),
                                )?;
                            }
                        }
                        if let Some(v) = &check {
                            printer.write(validation_pretty(v, &printer.styles).as_bytes())?;
                        }
                    }
                    summary.records += 1;
                    if plan.count.is_some_and(|c| summary.records >= c) {
                        return Ok(Flow::Stop);
                    }
                    if let Some(w) = &mut watch {
                        if w.check(&plan.selector)? {
                            return Ok(Flow::Stop);
                        }
                    }
                }
            }
            Ok(Flow::Continue)
        });
        let Some(w) = watch.as_mut().filter(|w| !w.found.is_empty()) else {
            break end;
        };
        if !matches!(end, Ok(ReadEnd::Stopped)) {
            break end;
        }
        // New topics: continue every partition where it was, and read the new ones from the start.
        printer.flush()?;
        reader.commit()?;
        drop(reader);
        let new = std::mem::take(&mut w.found);
        printer.info(format!(
            "following new topic{} {}",
            if new.len() == 1 { "" } else { "s" },
            new.iter()
                .map(|t| escape_line(t).into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        ));
        for r in &mut ranges {
            if let Some(&next) = w.next.get(&(r.topic.clone(), r.partition)) {
                r.start = next;
                r.start_time = None;
            }
        }
        let beginning = StartSpec {
            default: Some(Start::Beginning),
            partitions: Vec::new(),
        };
        let (more, _) = reader::resolve(
            &w.admin,
            &new,
            &[],
            &beginning,
            Start::Beginning,
            None,
            None,
        )?;
        ranges.extend(more);
        reader = Reader::open(settings, &ranges, deadline, plan.group.as_deref())?;
    };
    // Commit only what reached stdout.
    printer.flush()?;
    let end = match end {
        Ok(end) => end,
        Err(e) => {
            // The read failed: what was printed is still committed if the cluster lets us (not
            // if it just stayed away for long), and reported, and then the error.
            if !reader.away() {
                let _ = reader.commit();
            }
            summary.seconds = started.elapsed().as_secs_f64();
            printer.info(format!(
                "{}; stopped early",
                summary_line(plan, &summary, registry.is_some())
            ));
            return Err(e);
        }
    };
    let committed = reader.commit();
    summary.seconds = started.elapsed().as_secs_f64();
    let msg = summary_line(plan, &summary, registry.is_some());
    match end {
        ReadEnd::Reached | ReadEnd::Stopped => {
            printer.info(msg);
            committed
        }
        ReadEnd::Cancelled => {
            printer.info(format!("{msg}; interrupted"));
            // Ctrl-C (while the cluster is away, say) is still an interruption.
            if let Err(e) = committed {
                printer.warn(format!("{e:#}"));
            }
            Err(Interrupted.into())
        }
    }
}

/// `N records (M filtered out), K invalid in S s`.
fn summary_line(plan: &Plan, summary: &Summary, validating: bool) -> String {
    let mut msg = format!(
        "{} record{}",
        summary.records,
        if summary.records == 1 { "" } else { "s" }
    );
    if summary.skipped > 0 {
        msg.push_str(&format!(" ({} filtered out)", summary.skipped));
    }
    if validating {
        msg.push_str(&format!(", {} invalid", summary.invalid));
    }
    for (n, what, ty) in [
        (summary.undecoded_keys, "key", plan.key_type),
        (summary.undecoded_values, "value", plan.value_type),
    ] {
        if n > 0 {
            msg.push_str(&format!(
                ", {n} {what}{} not {} (shown as is)",
                if n == 1 { "" } else { "s" },
                ty.name()
            ));
        }
    }
    if summary.undecodable > 0 {
        msg.push_str(&format!(
            ", {} not decoded with the registry (shown as bytes)",
            summary.undecodable
        ));
    }
    msg.push_str(&format!(" in {:.2}s", summary.seconds));
    msg
}
