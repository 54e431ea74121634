//! `evtctl replay`: copy a range of records from a topic, or an exported file, into a topic.
//!
//! Records keep key, value and headers (timestamps with --keep-timestamp) and go to the
//! partition they came from when the destination has it, otherwise by key. With
//! --checkpoint-group the source positions are committed only past acknowledged copies (see
//! `transfer`), so a rerun resumes without losing a record; a record --transform fails on
//! holds its partition's position like a failed copy, and a dry run never commits.

use crate::cli::ReplayArgs;
use crate::cmd::redrive::{print_samples, Sample, SAMPLES};
use crate::config::Settings;
use crate::error::{self, usage, Interrupted, PartialFailure, ProblemsFound};
use crate::filter::{Filter, Transform};
use crate::kafka::admin::{Admin, Watch};
use crate::kafka::reader::{self, Committer, Event, Flow, ReadEnd, Reader};
use crate::kafka::writer::{OutHeaders, Outgoing};
use crate::output::sanitize::escape_line;
use crate::output::Printer;
use crate::position::{now_ms, parse_start, parse_stop, Start, StartSpec, Stop};
use crate::record::{Record, RecordView};
use crate::transfer::{Mover, Pace};
use anyhow::{Context, Result};
use std::io::BufRead;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Header naming where a replayed record came from.
pub const REPLAY_ORIGIN: &str = "evtctl-replay-origin";

#[derive(Debug, Default, serde::Serialize)]
pub struct Receipt {
    pub kind: &'static str,
    pub source: String,
    pub to: String,
    pub dry_run: bool,
    /// Every record in range was dealt with.
    pub complete: bool,
    /// Copied and acknowledged (with --dry-run: would be copied).
    pub copied: u64,
    pub filtered: u64,
    /// --transform failed on them: not copied.
    pub transform_errors: u64,
    /// Not copied because --transform failed on an earlier record of their partition, where
    /// the checkpoint stays (with --checkpoint-group): a rerun copies them.
    pub held: u64,
    /// With --ce-mode: CloudEvents converted to the other mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub converted: Option<u64>,
    /// With --ce-mode: records that are not CloudEvents, copied as they are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_cloudevents: Option<u64>,
    /// With --ce-mode: CloudEvents that could not be converted: not copied (like a failed
    /// transform: with --checkpoint-group their partition is held there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversion_errors: Option<u64>,
    pub failed: u64,
    pub seconds: f64,
    pub records_per_second: f64,
}

/// One record to copy, wherever it was read from.
struct Item<'a> {
    /// (topic or file, partition or 0, offset or line) for bookkeeping and provenance.
    from: (&'a str, i32, i64),
    partition: Option<i32>,
    key: Option<&'a [u8]>,
    value: Option<&'a [u8]>,
    headers: OutHeaders<'a>,
    timestamp: Option<i64>,
}

struct Copier<'a> {
    a: &'a ReplayArgs,
    mover: Mover,
    pace: Option<Pace>,
    dest_partitions: i32,
    receipt: Receipt,
    copies: u64,
    transform: Option<Transform>,
    /// Before/after pairs for the dry run.
    samples: Vec<Sample>,
    /// The first few transform errors, for stderr (the receipt counts them all).
    errors: Vec<String>,
    /// The first few records --ce-mode could not convert, for stderr.
    ce_errors: Vec<String>,
    /// Positions are checkpointed: a record --transform fails on holds its partition's
    /// checkpoint, like a copy that fails.
    hold: bool,
    /// Partitions held that way, and the offset each is held at.
    held: std::collections::BTreeMap<i32, i64>,
}

/// How many transform errors are named on stderr; the rest are counted.
const NAMED_ERRORS: usize = 5;

impl Copier<'_> {
    /// What --transform, then --ce-mode, make of a record: `Ok(Some(record))` to send in its
    /// place, `Ok(None)` to send it as it is, `Err(())` when either failed on it (counted, and
    /// reported at the end).
    fn rewrite(&mut self, r: &RecordView<'_>, at: &str) -> Result<Option<Record>, ()> {
        let transformed = self.transform(r, at)?;
        let Some(mode) = self.a.ce_mode.map(|m| m.mode()) else {
            return Ok(transformed);
        };
        let converted = match &transformed {
            Some(rec) => rec.with_view(|v| crate::cloudevents::convert(mode, v.headers, v.value)),
            None => crate::cloudevents::convert(mode, r.headers, r.value),
        };
        let count = |n: &mut Option<u64>| *n = Some(n.unwrap_or(0) + 1);
        match converted {
            None => {
                let headers_of = |v: &RecordView<'_>| crate::cloudevents::mode(v.headers);
                let is_event = match &transformed {
                    Some(rec) => rec.with_view(headers_of),
                    None => headers_of(r),
                };
                if is_event.is_none() {
                    count(&mut self.receipt.not_cloudevents);
                }
                Ok(transformed)
            }
            Some(Ok(c)) => {
                count(&mut self.receipt.converted);
                let mut rec = transformed.unwrap_or_else(|| Record {
                    key: r.key.map(<[u8]>::to_vec),
                    timestamp: r.timestamp,
                    ..Record::default()
                });
                rec.headers = c.headers;
                rec.value = c.value;
                Ok(Some(rec))
            }
            Some(Err(why)) => {
                count(&mut self.receipt.conversion_errors);
                if self.ce_errors.len() < NAMED_ERRORS {
                    self.ce_errors.push(format!("{at}: {why}"));
                }
                Err(())
            }
        }
    }

    /// What --transform makes of a record (see `rewrite`).
    fn transform(&mut self, r: &RecordView<'_>, at: &str) -> Result<Option<Record>, ()> {
        let Some(t) = &self.transform else {
            return Ok(None);
        };
        let sample = self.a.dry_run && self.samples.len() < SAMPLES;
        match t.apply(r) {
            Ok(rec) => {
                if sample {
                    let after = rec.with_view(|v| v.to_json_value());
                    self.samples.push(Sample {
                        before: r.to_json_value(),
                        after,
                    });
                }
                Ok(Some(rec))
            }
            Err(e) => {
                self.receipt.transform_errors += 1;
                let why = format!("{at}: {e:#}");
                if sample {
                    self.samples.push(Sample {
                        before: r.to_json_value(),
                        after: serde_json::json!({ "error": why }),
                    });
                }
                if self.errors.len() < NAMED_ERRORS {
                    self.errors.push(why);
                }
                Err(())
            }
        }
    }

    fn copy(&mut self, item: Item<'_>, cancel: &AtomicBool) {
        if self.a.dry_run {
            self.receipt.copied += 1;
            return;
        }
        if let Some(p) = &mut self.pace {
            // Interrupted while waiting: this record still goes; the read loop stops next.
            p.admit(cancel, |wait| self.mover.settle(wait));
        }
        let origin;
        let with_origin;
        let headers = if self.a.provenance {
            origin = format!("{}/{}/{}", item.from.0, item.from.1, item.from.2);
            with_origin = item.headers.and(REPLAY_ORIGIN, origin.as_bytes());
            OutHeaders::Borrowed(&with_origin)
        } else {
            item.headers
        };
        let partition = item
            .partition
            .filter(|&p| p >= 0 && p < self.dest_partitions);
        self.mover.send(
            item.from,
            &Outgoing {
                topic: &self.a.to,
                partition,
                key: item.key,
                value: item.value,
                headers,
                timestamp: item.timestamp.filter(|_| self.a.keep_timestamp),
            },
            false,
        );
        self.copies += 1;
        if self.copies.is_multiple_of(1024) {
            // Serve acknowledgements as we go: librdkafka keeps each record until its report
            // is served, and the bookkeeping shrinks with them.
            self.mover.settle(Duration::ZERO);
        }
    }
}

pub fn run(
    a: &ReplayArgs,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let filter = a.filter.as_deref().map(Filter::compile).transpose()?;
    let transform = a
        .transform
        .as_deref()
        .map(|t| -> Result<Transform> {
            // Avro, Protobuf and framed values are transformed decoded, and encoded again.
            let reg =
                crate::registry::Registry::open_if_present(settings)?.map(std::sync::Arc::new);
            Ok(Transform::compile(t)?.decoding(reg))
        })
        .transpose()?;
    let admin = Admin::connect(settings)?;
    let dest_partitions = admin
        .partitions(&a.to)
        .with_context(|| format!("destination `{}`", a.to))?
        .len() as i32;
    let mut c = Copier {
        a,
        mover: Mover::open(settings)?,
        pace: a.rate.map(Pace::new),
        dest_partitions,
        receipt: Receipt {
            kind: "receipt",
            to: a.to.clone(),
            dry_run: a.dry_run,
            converted: a.ce_mode.map(|_| 0),
            not_cloudevents: a.ce_mode.map(|_| 0),
            conversion_errors: a.ce_mode.map(|_| 0),
            ..Receipt::default()
        },
        copies: 0,
        transform,
        samples: Vec::new(),
        errors: Vec::new(),
        ce_errors: Vec::new(),
        hold: false,
        held: Default::default(),
    };
    let started = Instant::now();
    let end = match (&a.from_topic, &a.from_file) {
        (Some(topic), _) => from_topic(
            &mut c,
            topic,
            admin,
            filter.as_ref(),
            settings,
            printer,
            cancel,
        ),
        (None, Some(file)) => {
            drop(admin);
            from_file(&mut c, file, filter.as_ref(), printer, cancel)
        }
        (None, None) => Err(usage("give --from-topic TOPIC or --from-file FILE")),
    };
    // A second Ctrl-C stops waiting for the copies in flight, and so do a --timeout after the
    // read failed and a cluster that does not answer for two; the unacknowledged stay
    // uncommitted.
    let before = crate::interrupts();
    let give_up = end.is_err().then(|| Instant::now() + settings.timeout);
    let watch = Watch::new(settings, &a.to);
    c.mover.finish(|| {
        crate::interrupts() > before || give_up.is_some_and(|t| Instant::now() >= t) || watch.gone()
    });
    // The cluster failing mid-run still gets the receipt of what was done, then its error.
    let (end, committer, failure) = match end {
        Ok((end, committer)) => (end, committer, None),
        Err(e) if error::exit_for(&e) == error::Exit::Cluster => (ReadEnd::Stopped, None, Some(e)),
        Err(e) => {
            let copied: u64 = c.mover.destinations().iter().map(|d| d.moved).sum();
            return Err(e.context(format!("replay stopped after copying {copied} record(s)")));
        }
    };
    let failure = match (&committer, failure) {
        (Some(_), None) if watch.gone() => Some(error::cluster(format!(
            "checkpoint not committed: no answer from {}",
            settings.brokers
        ))),
        (Some(cm), None) => cm.commit(&c.mover.positions()).err(),
        (_, failure) => failure,
    };
    for e in &c.errors {
        printer.warn(format!(
            "--transform failed on {}; not copied",
            escape_line(e)
        ));
    }
    let unnamed = c.receipt.transform_errors - c.errors.len() as u64;
    if unnamed > 0 {
        printer.warn(format!(
            "--transform failed on {unnamed} more record(s); not copied"
        ));
    }
    for e in &c.ce_errors {
        printer.warn(format!(
            "cannot convert {} to {} mode; not copied",
            escape_line(e),
            a.ce_mode.map_or("", |m| m.mode().name())
        ));
    }
    let failed_conversions = c.receipt.conversion_errors.unwrap_or(0);
    let unnamed = failed_conversions - c.ce_errors.len() as u64;
    if unnamed > 0 {
        printer.warn(format!(
            "{unnamed} more record(s) could not be converted; not copied"
        ));
    }
    if let Some(n) = c.receipt.not_cloudevents.filter(|&n| n > 0) {
        printer.info(format!(
            "{n} record(s) are not CloudEvents: copied as they are"
        ));
    }
    let held = held_at(&c.held);
    if !held.is_empty() {
        printer.warn(format!(
            "the checkpoint stays where {} first failed ({held}): {} later record(s) there were not copied; fix the {} and rerun to resume there",
            if failed_conversions > 0 { "the --ce-mode conversion or --transform" } else { "--transform" },
            c.receipt.held,
            if failed_conversions > 0 { "records or the transform" } else { "transform" }
        ));
    }
    print_samples(&c.samples, printer)?;
    let r = &mut c.receipt;
    if !a.dry_run {
        let dests = c.mover.destinations();
        r.copied = dests.iter().map(|d| d.moved).sum();
        r.failed = dests.iter().map(|d| d.failed).sum::<u64>() + c.mover.in_flight() as u64;
    }
    let secs = started.elapsed().as_secs_f64();
    r.complete = end == ReadEnd::Reached && r.failed == 0 && c.held.is_empty();
    r.seconds = (secs * 1000.0).round() / 1000.0;
    r.records_per_second = if secs > 0.0 {
        (r.copied as f64 / secs).round()
    } else {
        0.0
    };
    if printer.is_json() {
        printer.json(&*r)?;
    } else {
        printer.line(&format!(
            "replay {} → {}{}: {} {}, {} filtered out, {} failed{} in {:.2}s ({} records/s)",
            r.source,
            r.to,
            match (r.complete, end == ReadEnd::Reached && r.failed == 0) {
                (true, _) => "",
                // Read to the end, some partitions held where the transform failed.
                (false, true) => " (held at transform failures)",
                (false, false) => " (stopped early)",
            },
            r.copied,
            if a.dry_run {
                "would be copied"
            } else {
                "copied"
            },
            r.filtered,
            r.failed,
            if r.held > 0 {
                format!(", {} held back", r.held)
            } else {
                String::new()
            },
            r.seconds,
            r.records_per_second
        ))?;
    }
    printer.flush()?;
    if end == ReadEnd::Cancelled {
        return Err(Interrupted.into());
    }
    if r.failed > 0 {
        let first = c.mover.first_failure().unwrap_or_else(|| {
            let at: Vec<String> = c
                .mover
                .positions()
                .iter()
                .map(|(t, p, o)| format!("{t}/{p}@{o}"))
                .collect();
            format!("in flight at exit; a rerun starts at {}", at.join(", "))
        });
        let why = failure
            .as_ref()
            .map_or(String::new(), |e| format!(" after: {e:#}"));
        let resume = if committer.is_some() {
            "; the checkpoint stays before them: rerun to resume"
        } else {
            ""
        };
        return Err(PartialFailure(format!(
            "{} record(s) not copied (first: {first}){resume}{why}",
            r.failed
        ))
        .into());
    }
    if let Some(e) = failure {
        return Err(e);
    }
    if failed_conversions > 0 && !a.dry_run {
        return Err(ProblemsFound(format!(
            "{failed_conversions} CloudEvent(s) could not be converted and were not copied{}",
            if held.is_empty() {
                String::new()
            } else {
                format!("; the checkpoint stays at the first of them ({held})")
            }
        ))
        .into());
    }
    if r.transform_errors > 0 && !a.dry_run {
        return Err(ProblemsFound(format!(
            "--transform failed on {} record(s), which were not copied{}",
            r.transform_errors,
            if held.is_empty() {
                String::new()
            } else {
                format!("; the checkpoint stays at the first of them ({held})")
            }
        ))
        .into());
    }
    Ok(())
}

/// `partition 0 at offset 5, partition 2 at offset 9`.
fn held_at(held: &std::collections::BTreeMap<i32, i64>) -> String {
    held.iter()
        .map(|(p, o)| format!("partition {p} at offset {o}"))
        .collect::<Vec<_>>()
        .join(", ")
}

type Ended = (ReadEnd, Option<Committer>);

fn from_topic(
    c: &mut Copier<'_>,
    topic: &str,
    admin: Admin,
    filter: Option<&Filter>,
    settings: &Settings,
    printer: &Printer,
    cancel: &AtomicBool,
) -> Result<Ended> {
    let a = c.a;
    c.receipt.source = topic.to_string();
    let now = now_ms();
    let start = match &a.from {
        Some(f) => parse_start(f, now)?,
        None => StartSpec::default(),
    };
    let stop = match &a.until {
        Some(u) => parse_stop(u, now)?,
        None => Stop::End,
    };
    crate::position::check_range(&start, Some(stop))?;
    let topics = [topic.to_string()];
    let (mut ranges, deadline) = reader::resolve(
        &admin,
        &topics,
        &a.partition,
        &start,
        Start::Beginning,
        Some(stop),
        None,
    )?;
    drop(admin);
    let committer = match &a.checkpoint_group {
        Some(g) => {
            let parts: Vec<i32> = ranges.iter().map(|r| r.partition).collect();
            let done = reader::committed(settings, g, &[(topic.to_string(), parts)])?;
            // A checkpoint wins over --from: rerunning the same command resumes. Said, since it
            // changes what is copied.
            let mut resumed = Vec::new();
            for r in &mut ranges {
                if let Some(&o) = done.get(&(r.topic.clone(), r.partition)) {
                    r.start = r.stop.map_or(o, |s| o.min(s));
                    r.start_time = None;
                    resumed.push(format!("{} at offset {}", r.partition, r.start));
                }
            }
            if !resumed.is_empty() {
                let msg = format!(
                    "checkpoint group {}: resuming partition{} {}{}",
                    crate::output::sanitize::escape_line(g),
                    if resumed.len() == 1 { "" } else { "s" },
                    resumed.join(", "),
                    match &a.from {
                        Some(f) => format!(
                            " (the checkpoint overrides --from {} there)",
                            crate::output::sanitize::escape_line(f)
                        ),
                        None => String::new(),
                    }
                );
                if a.from.is_some() {
                    printer.warn(msg);
                } else {
                    printer.info(msg);
                }
            }
            // A dry run resumes from the checkpoint, to show what a run would do, and never
            // moves it: it copies nothing.
            (!a.dry_run)
                .then(|| Committer::new(settings, g))
                .transpose()?
        }
        None => None,
    };
    c.hold = committer.is_some();
    let total = reader::span(&ranges);
    let bar = crate::output::progress::bar(total, printer);
    let mut rd = Reader::open_copying(settings, &ranges, deadline)?;
    let mut last_commit = Instant::now();
    let end = rd.run(cancel, |ev| {
        let r = match ev {
            Event::Record(r) => r,
            Event::Idle => {
                c.mover.settle(Duration::ZERO);
                return Ok(Flow::Continue);
            }
        };
        if let Some(b) = &bar {
            b.inc(1);
        }
        let from = (r.topic, r.partition, r.offset);
        // Past a record the transform failed on, a held partition is still read (to count what
        // the transform fails on) but nothing of it is copied or marked.
        let held = c.held.contains_key(&r.partition);
        let keep = match filter {
            None => true,
            Some(f) => f.matches(r.to_json_value()).map_err(|e| {
                // No marker needed: an unmarked error is exit 2 (see error::exit_for).
                e.context(format!(
                    "--filter failed on {}/{}@{}",
                    r.topic, r.partition, r.offset
                ))
            })?,
        };
        if !keep {
            c.receipt.filtered += 1;
            if !held {
                c.mover.pass(from);
            }
        } else {
            let at = format!("{}/{}@{}", r.topic, r.partition, r.offset);
            match c.rewrite(&r, &at) {
                // Reported. With a checkpoint it holds the partition's position there, as a
                // failed copy does, so a rerun with a fixed transform copies it.
                Err(()) if c.hold => {
                    if !held {
                        c.mover.leave(from);
                        c.held.insert(r.partition, r.offset);
                    }
                }
                Err(()) => c.mover.pass(from),
                Ok(_) if held => c.receipt.held += 1,
                Ok(Some(rec)) => c.copy(
                    Item {
                        from,
                        partition: Some(r.partition),
                        key: rec.key.as_deref(),
                        value: rec.value.as_deref(),
                        headers: OutHeaders::Owned(&rec.headers),
                        timestamp: rec.timestamp.or(r.timestamp),
                    },
                    cancel,
                ),
                Ok(None) => c.copy(
                    Item {
                        from,
                        partition: Some(r.partition),
                        key: r.key,
                        value: r.value,
                        headers: OutHeaders::Borrowed(r.headers),
                        timestamp: r.timestamp,
                    },
                    cancel,
                ),
            }
        }
        if c.mover.failed() > 0 {
            return Ok(Flow::Stop);
        }
        if let Some(cm) = &committer {
            if last_commit.elapsed() >= Duration::from_secs(1) {
                c.mover.settle(Duration::ZERO);
                // Not waited for: a cluster gone away must not hold up the loop, the reader
                // decides how long to wait for it. The cluster away for a moment: the next
                // commit (or the last, which waits for this one first) catches up.
                if let Err(e) = cm.commit_in_background(&c.mover.positions()) {
                    if error::exit_for(&e) != error::Exit::Cluster {
                        return Err(e);
                    }
                }
                last_commit = Instant::now();
            }
        }
        Ok(Flow::Continue)
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let end = match end {
        Ok(end) => end,
        Err(e) => {
            // Checkpoint what was acknowledged, if the cluster still lets us (a --timeout more;
            // none if it just stayed away for longer).
            let give_up = Instant::now()
                + if rd.away() {
                    Duration::ZERO
                } else {
                    settings.timeout
                };
            c.mover.finish(|| Instant::now() >= give_up);
            if let Some(cm) = committer.as_ref().filter(|_| !rd.away()) {
                let _ = cm.commit(&c.mover.positions());
            }
            return Err(e);
        }
    };
    Ok((end, committer))
}

fn from_file(
    c: &mut Copier<'_>,
    path: &Path,
    filter: Option<&Filter>,
    printer: &Printer,
    cancel: &AtomicBool,
) -> Result<Ended> {
    let label = if path.as_os_str() == "-" {
        "(stdin)".to_string()
    } else {
        path.display().to_string()
    };
    c.receipt.source = label.clone();
    let (input, len): (Box<dyn BufRead + '_>, Option<u64>) = if path.as_os_str() == "-" {
        // Read on a thread of its own, so Ctrl-C ends a wait for stdin at once.
        let stdin = crate::input::Cancellable::new(Box::new(std::io::stdin()), cancel);
        (Box::new(std::io::BufReader::new(stdin)), None)
    } else {
        let f = std::fs::File::open(path).map_err(|e| usage(format!("{label}: {e}")))?;
        let len = f.metadata().ok().map(|m| m.len());
        (
            Box::new(std::io::BufReader::with_capacity(256 * 1024, f)),
            len,
        )
    };
    let bar = len.and_then(|l| crate::output::progress::bar(l, printer));
    let mut input = input;
    let mut line = String::new();
    let mut line_no = 0i64;
    let mut end = ReadEnd::Reached;
    loop {
        if cancel.load(Ordering::Relaxed) {
            end = ReadEnd::Cancelled;
            break;
        }
        if c.mover.failed() > 0 {
            end = ReadEnd::Stopped;
            break;
        }
        line.clear();
        let limit = crate::input::max_line() as u64;
        let n = std::io::Read::take(input.as_mut(), limit + 1)
            .read_line(&mut line)
            .with_context(|| format!("reading {label}"))?;
        if n == 0 {
            if cancel.load(Ordering::Relaxed) {
                end = ReadEnd::Cancelled;
            }
            break;
        }
        line_no += 1;
        if n as u64 > limit {
            return Err(usage(format!(
                "{label}:{line_no}: a line longer than {limit} bytes (raise --max-line-bytes if it is legitimate)"
            )));
        }
        if let Some(b) = &bar {
            b.inc(n as u64);
        }
        let text = line.trim_end_matches(['\n', '\r']);
        // A byte-order mark at the start of the file is not part of the first envelope.
        let text = if line_no == 1 {
            text.trim_start_matches('\u{feff}')
        } else {
            text
        };
        if text.trim().is_empty() {
            continue;
        }
        let rec =
            Record::from_envelope(text).map_err(|e| usage(format!("{label}:{line_no}: {e:#}")))?;
        if let Some(f) = filter {
            let v: serde_json::Value =
                serde_json::from_str(text).map_err(|e| usage(format!("{label}:{line_no}: {e}")))?;
            let keep = f
                .matches(v)
                .map_err(|e| e.context(format!("--filter failed on {label}:{line_no}")))?;
            if !keep {
                c.receipt.filtered += 1;
                continue;
            }
        }
        let rec = if c.transform.is_some() || c.a.ce_mode.is_some() {
            let at = format!("{label}:{line_no}");
            match rec.with_view(|v| c.rewrite(v, &at)) {
                Err(()) => continue,
                Ok(Some(after)) => Record {
                    // Where it came from stays; what is sent is the transform's.
                    topic: rec.topic,
                    partition: rec.partition,
                    offset: rec.offset,
                    timestamp: after.timestamp.or(rec.timestamp),
                    ..after
                },
                Ok(None) => rec,
            }
        } else {
            rec
        };
        let Record {
            topic,
            partition,
            offset,
            timestamp,
            key,
            headers,
            value,
        } = rec;
        // Provenance names the record's first home when the file says it, else the file line.
        let from = match (&topic, partition, offset) {
            (Some(t), Some(p), Some(o)) => (t.as_str(), p, o),
            _ => (label.as_str(), 0, line_no),
        };
        c.copy(
            Item {
                from,
                partition,
                key: key.as_deref(),
                value: value.as_deref(),
                headers: OutHeaders::Owned(&headers),
                timestamp,
            },
            cancel,
        );
        if line_no % 1024 == 0 {
            c.mover.settle(Duration::ZERO);
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    Ok((end, None))
}
