//! `evtctl tail`: read records from topics, from a position, following or up to a stop.
//!
//! Guarantees: joins no consumer group and commits nothing unless `--group` is given (then it
//! commits only what has been written to stdout); `--until end` stops at the end offsets
//! captured at start, also on compacted and transactional topics. A follow waits through the
//! cluster going away (a broker restart, a leader moving) until Ctrl-C; a bounded read gives up
//! after a few `--timeout`s with the summary of what it printed and exit 3.

use crate::cli::TailArgs;
use crate::cmd::validate::{verdict, Verdict};
use crate::config::Settings;
use crate::error::{usage, Interrupted};
use crate::kafka::admin::Admin;
use crate::kafka::reader::{self, Event, Flow, ReadEnd, Reader};
use crate::output::sanitize::escape_line;
use crate::output::{pretty, Printer};
use crate::position::{now_ms, parse_start, parse_stop, Start, StartSpec, Stop};
use crate::record::RecordView;
use crate::registry::lookup::Context;
use crate::registry::Registry;
use anyhow::Result;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

pub struct Plan {
    pub topics: Vec<String>,
    pub partitions: Vec<i32>,
    pub start: StartSpec,
    pub stop: Option<Stop>,
    pub count: Option<u64>,
    pub filter: Option<crate::filter::Filter>,
    pub key: Option<Vec<u8>>,
    pub group: Option<String>,
    /// `--from group:GROUP`: start at that group's committed offsets (without joining it).
    pub from_group: Option<String>,
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
        let filter = a
            .filter
            .as_deref()
            .map(crate::filter::Filter::compile)
            .transpose()?;
        if a.count == Some(0) {
            return Err(usage("--count must be at least 1"));
        }
        Ok(Plan {
            topics: a.topics.clone(),
            partitions: a.partition.clone(),
            start,
            stop,
            count: a.count,
            filter,
            key: a.key.as_ref().map(|k| k.as_bytes().to_vec()),
            group: a.group.clone(),
            from_group,
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

    /// Does this record pass the key and jq filters?
    pub fn keep(&self, r: &RecordView<'_>) -> Result<bool> {
        if let Some(k) = &self.key {
            if r.key != Some(k.as_slice()) {
                return Ok(false);
            }
        }
        match &self.filter {
            None => Ok(true),
            Some(f) => f.matches(r.to_json_value()).map_err(|e| {
                anyhow::anyhow!(
                    "--filter failed on {}/{}@{}: {e}",
                    r.topic,
                    r.partition,
                    r.offset
                )
            }),
        }
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

#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    pub records: u64,
    pub invalid: u64,
    pub skipped: u64,
    pub seconds: f64,
}

pub fn run(
    plan: &Plan,
    settings: &Settings,
    registry: Option<&Registry>,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let admin = Admin::connect(settings)?;
    // Where a group's consumers are about to read (--from group:), or where --group left off.
    let committed = match plan.from_group.as_ref().or(plan.group.as_ref()) {
        Some(g) => {
            let parts: Vec<(String, Vec<i32>)> = plan
                .topics
                .iter()
                .map(|t| Ok((t.clone(), admin.partitions(t)?)))
                .collect::<Result<_>>()?;
            Some(reader::committed(settings, g, &parts)?)
        }
        None => None,
    };
    let (ranges, deadline) = reader::resolve(
        &admin,
        &plan.topics,
        &plan.partitions,
        &plan.start,
        plan.default_start(),
        plan.stop,
        committed.as_ref(),
    )?;
    drop(admin);
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
    let mut reader = Reader::open(settings, &ranges, deadline, plan.group.as_deref())?;
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut line = Vec::with_capacity(64 * 1024);
    let json = printer.is_json();
    let end = reader.run(cancel, |ev| {
        match ev {
            // The reader commits (with --group) right after this returns: flush first.
            Event::Idle => printer.flush()?,
            Event::Record(r) => {
                if !plan.keep(&r)? {
                    summary.skipped += 1;
                    return Ok(Flow::Continue);
                }
                let check = registry.map(|reg| {
                    let ctx = Context {
                        headers: r.headers,
                        topic: Some(r.topic),
                    };
                    verdict(reg, None, r.value.unwrap_or(b"null"), &ctx)
                });
                if matches!(check, Some(Verdict::Invalid { .. } | Verdict::Broken(_))) {
                    summary.invalid += 1;
                }
                if json {
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
                    if let Some(v) = &check {
                        printer.write(validation_pretty(v, &printer.styles).as_bytes())?;
                    }
                }
                summary.records += 1;
                if plan.count.is_some_and(|c| summary.records >= c) {
                    return Ok(Flow::Stop);
                }
            }
        }
        Ok(Flow::Continue)
    });
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
                summary_line(&summary, registry.is_some())
            ));
            return Err(e);
        }
    };
    let committed = reader.commit();
    summary.seconds = started.elapsed().as_secs_f64();
    let msg = summary_line(&summary, registry.is_some());
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
fn summary_line(summary: &Summary, validating: bool) -> String {
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
    msg.push_str(&format!(" in {:.2}s", summary.seconds));
    msg
}
