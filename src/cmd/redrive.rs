//! `evtctl dlq redrive`: move dead-lettered records back where they came from.
//!
//! Read the DLQ in a consumer group (so several instances share it) from the group's position
//! up to the end offsets captured at start; route each record (origin headers or --to, loop
//! guard, filters, validation); copy it with the failure headers stripped and evtctl's redrive
//! headers added; commit the group's position only past acknowledged copies (see `transfer`).

use crate::cli::DlqRedriveArgs;
use crate::cmd::publish::refuse;
use crate::config::Settings;
use crate::dlq::origin::{
    decode, Convention, CustomConvention, Origin, REDRIVE_AT, REDRIVE_COUNT, REDRIVE_ORIGIN,
};
use crate::error::{usage, Interrupted, PartialFailure, ProblemsFound};
use crate::filter::{Filter, Transform};
use crate::kafka::admin::{Admin, Watch};
use crate::kafka::group::GroupReader;
use crate::kafka::reader::{self, Event, Flow, ReadEnd, Reader};
use crate::kafka::writer::{OutHeaders, Outgoing};
use crate::ledger::Ledger;
use crate::output::sanitize::escape_line;
use crate::output::Printer;
use crate::position::{now_ms, Start, StartSpec, Stop};
use crate::record::{format_millis, Header, Record, RecordView};
use crate::registry::Registry;
use crate::transfer::{self, Destination, Mover, Pace};
use anyhow::Result;
use std::collections::{BTreeMap, HashMap};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What to do with one DLQ record.
#[derive(Debug, PartialEq)]
pub enum Route {
    /// Copy to `topic` (into `partition` when set, else by key); `parked` when over the loop guard.
    /// `rewritten`: what --transform made of the record, to send in its place.
    Send {
        topic: String,
        partition: Option<i32>,
        parked: bool,
        rewritten: Option<Record>,
    },
    /// --transform failed on it (the text says where and why): nothing is sent for it.
    TransformError(String),
    /// Not selected by --filter / --error-class / --origin-topic.
    Filtered,
    /// Names no origin (`no_origin`) or a destination that does not exist, and
    /// --skip-unroutable says leave it in the DLQ.
    Unroutable { why: String, no_origin: bool },
    /// Fails the destination's schema (--validate).
    Invalid { topic: String, why: String },
    /// Cannot be routed: the run stops before it.
    Stop(String),
}

/// `topic/partition@offset`, displayed lazily.
struct Position<'a>(&'a str, i32, i64);

impl std::fmt::Display for Position<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}@{}", self.0, self.1, self.2)
    }
}

/// Decides where records go; the same rules for the plan and for the run.
pub struct Router<'a> {
    a: &'a DlqRedriveArgs,
    custom: Vec<CustomConvention>,
    filter: Option<Filter>,
    transform: Option<Transform>,
    registry: Option<Registry>,
    admin: Admin,
    /// Partition count per destination, or why it cannot be used.
    dests: HashMap<String, Result<i32, String>>,
}

fn class_matches(wanted: &str, class: Option<&str>) -> bool {
    class.is_some_and(|c| c == wanted || c.rsplit(['.', '$']).next() == Some(wanted))
}

impl<'a> Router<'a> {
    fn partitions(&mut self, topic: &str) -> Result<i32, String> {
        if let Some(r) = self.dests.get(topic) {
            return r.clone();
        }
        let r = match self.admin.partitions(topic) {
            Ok(ps) if !ps.is_empty() => Ok(ps.len() as i32),
            Ok(_) | Err(_) => Err(format!("destination topic `{topic}` does not exist")),
        };
        self.dests.insert(topic.to_string(), r.clone());
        r
    }

    pub fn route(&mut self, r: &RecordView<'_>, origin: &Origin) -> Result<Route> {
        // Where the record is, for messages (formatted only when one is needed).
        let at = Position(r.topic, r.partition, r.offset);
        if let Some(t) = &self.a.origin_topic {
            if origin.topic.as_deref() != Some(t) {
                return Ok(Route::Filtered);
            }
        }
        if let Some(c) = &self.a.error_class {
            if !class_matches(c, origin.error_class.as_deref()) {
                return Ok(Route::Filtered);
            }
        }
        if let Some(f) = &self.filter {
            let keep = f
                .matches(r.to_json_value())
                .map_err(|e| e.context(format!("--filter failed on {at}")))?;
            if !keep {
                return Ok(Route::Filtered);
            }
        }
        if let (Some(max), Some(park)) = (self.a.max_redrives, &self.a.park_to) {
            if origin.redrive_count >= max {
                let park = park.clone();
                if let Err(why) = self.partitions(&park) {
                    return Ok(Route::Stop(format!("{at}: {why} (--park-to)")));
                }
                return Ok(Route::Send {
                    topic: park,
                    partition: None,
                    parked: true,
                    rewritten: None,
                });
            }
        }
        let Some(topic) = self.a.to.clone().or_else(|| origin.topic.clone()) else {
            if self.a.skip_unroutable {
                return Ok(Route::Unroutable {
                    why: "names no origin topic".into(),
                    no_origin: true,
                });
            }
            return Ok(Route::Stop(format!(
                "{at} names no origin topic (no DLQ headers evtctl knows); pass --to TOPIC, \
                 --skip-unroutable, or declare the convention in registry.toml"
            )));
        };
        let count = match self.partitions(&topic) {
            Ok(n) => n,
            Err(why) if self.a.skip_unroutable => {
                return Ok(Route::Unroutable {
                    why,
                    no_origin: false,
                })
            }
            Err(why) => {
                return Ok(Route::Stop(format!(
                    "{at}: {why}; create it, pass --to TOPIC, or --skip-unroutable to leave such records in the DLQ"
                )))
            }
        };
        let rewritten = match &self.transform {
            None => None,
            Some(t) => match t.apply(r) {
                Ok(rec) => Some(rec),
                Err(e) => return Ok(Route::TransformError(format!("{e:#}"))),
            },
        };
        if let Some(reg) = &self.registry {
            // What is checked is what would be sent.
            let hs;
            let sent = match &rewritten {
                Some(rec) => {
                    hs = header_refs(rec);
                    rewritten_view(r, rec, &hs)
                }
                None => *r,
            };
            let headers = headers_out(&sent, origin, &self.custom, &format_millis(now_ms()));
            if let Some(why) = refuse(reg, &topic, sent.value, &headers) {
                return Ok(Route::Invalid { topic, why });
            }
        }
        Ok(Route::Send {
            topic,
            partition: origin.partition.filter(|&p| p >= 0 && p < count),
            parked: false,
            rewritten,
        })
    }
}

/// A record's headers as a view borrows them.
pub fn header_refs(rec: &Record) -> Vec<(&str, Option<&[u8]>)> {
    rec.headers
        .iter()
        .map(|h| (h.name.as_str(), h.value.as_deref()))
        .collect()
}

/// `r` with the key, value and headers --transform gave it (its position is unchanged).
pub fn rewritten_view<'a>(
    r: &RecordView<'a>,
    rec: &'a Record,
    headers: &'a [(&'a str, Option<&'a [u8]>)],
) -> RecordView<'a> {
    RecordView {
        key: rec.key.as_deref(),
        value: rec.value.as_deref(),
        headers,
        timestamp: rec.timestamp.or(r.timestamp),
        ..*r
    }
}

/// The headers a redriven copy carries: the record's own minus the failure headers, plus
/// evtctl's redrive count, origin and time.
pub fn headers_out(
    r: &RecordView<'_>,
    origin: &Origin,
    custom: &[CustomConvention],
    at: &str,
) -> Vec<Header> {
    let mut stamp = Stamp::default();
    copy_headers(r, origin, custom, at, &mut stamp)
        .iter()
        .map(Header::owned)
        .collect()
}

/// The text of evtctl's redrive count and origin headers, kept from copy to copy so that
/// building a copy's headers allocates once (the list), not once per header.
#[derive(Default)]
struct Stamp {
    count: String,
    origin: String,
}

/// `headers_out`, borrowed from the record, `at` and `stamp` (which it fills).
fn copy_headers<'a>(
    r: &RecordView<'a>,
    origin: &Origin,
    custom: &[CustomConvention],
    at: &'a str,
    stamp: &'a mut Stamp,
) -> Vec<(&'a str, Option<&'a [u8]>)> {
    use std::fmt::Write;
    stamp.count.clear();
    let _ = write!(stamp.count, "{}", origin.redrive_count + 1);
    stamp.origin.clear();
    let _ = write!(stamp.origin, "{}/{}/{}", r.topic, r.partition, r.offset);
    let mut out = Vec::with_capacity(r.headers.len() + 3);
    if origin.convention == Some(Convention::EvtctlDlq) {
        // Quarantined by `groups skip`: the record's own headers come back byte for byte, even
        // those that look like a framework's dead-letter headers (it came from a DLT).
        out.extend(&r.headers[..crate::dlq::own_headers(r.headers)]);
    } else {
        out.extend(
            r.headers
                .iter()
                .filter(|(name, _)| !crate::dlq::stripped(name, custom)),
        );
    }
    out.push((REDRIVE_COUNT, Some(stamp.count.as_bytes())));
    out.push((REDRIVE_ORIGIN, Some(stamp.origin.as_bytes())));
    out.push((REDRIVE_AT, Some(at.as_bytes())));
    out
}

/// The current time as RFC 3339 text, formatted once per millisecond rather than per record.
#[derive(Default)]
struct Clock {
    ms: i64,
    text: String,
}

impl Clock {
    fn now(&mut self) -> &str {
        let ms = now_ms();
        if ms != self.ms || self.text.is_empty() {
            self.ms = ms;
            self.text = format_millis(ms);
        }
        &self.text
    }
}

/// The default group: one per DLQ, whatever the selection. Its position never passes a record
/// still in the DLQ, and the ledger committed with it lists what was moved after the position
/// (see `crate::ledger`), so one selection never moves again what another moved, and records
/// one run leaves (filtered out, invalid, unroutable) stay there for the next.
pub fn default_group(a: &DlqRedriveArgs) -> String {
    format!("evtctl-redrive.{}", a.topic)
}

/// One record reported on its own: parked, invalid, passed over with no origin.
#[derive(Debug, serde::Serialize)]
struct Note<'a> {
    kind: &'static str,
    topic: &'a str,
    partition: i32,
    offset: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<&'a str>,
    reason: String,
}

fn note(printer: &mut Printer, n: &Note<'_>) -> Result<()> {
    if printer.is_json() {
        return printer.json(n);
    }
    let to =
        n.to.map(|t| format!(" → {}", escape_line(t)))
            .unwrap_or_default();
    printer.info(format!(
        "{} {}/{}@{}{to}: {}",
        n.kind,
        escape_line(n.topic),
        n.partition,
        n.offset,
        escape_line(&n.reason)
    ));
    Ok(())
}

/// The plan: what a run would do, from a read-only pass over the same range.
#[derive(Debug, Default, serde::Serialize)]
pub struct Plan {
    pub kind: &'static str,
    pub source: String,
    pub group: String,
    /// Records between the group's position and the end captured at start.
    pub in_range: u64,
    pub destinations: Vec<Destination>,
    pub filtered: u64,
    pub no_origin: u64,
    /// Whose destination topic does not exist (left in the DLQ with --skip-unroutable).
    pub unroutable: u64,
    /// In range but already moved by an earlier run (any selection): skipped.
    pub already_moved: u64,
    /// Of the records in range, how many earlier runs looked at and left in the DLQ (filtered
    /// out, invalid, unroutable): the group's position stays before them, and this run
    /// considers them again.
    pub left_by_earlier_runs: u64,
    /// Records --transform failed on (they would stay in the DLQ).
    pub transform_errors: u64,
    /// With --transform: a few records before and after it (envelopes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub samples: Vec<Sample>,
    /// Why the run would stop early, if it would.
    pub stop: Option<String>,
}

/// A record before and after --transform, for the dry run.
#[derive(Debug, serde::Serialize)]
pub struct Sample {
    pub before: serde_json::Value,
    pub after: serde_json::Value,
}

/// How many before/after samples a dry run with --transform shows.
pub const SAMPLES: usize = 3;

/// Before/after blocks for people (escaped), or `{"kind":"sample",…}` lines in JSON mode.
pub fn print_samples(samples: &[Sample], printer: &mut Printer) -> Result<()> {
    for s in samples {
        if printer.is_json() {
            printer.json(
                &serde_json::json!({"kind": "sample", "before": s.before, "after": s.after}),
            )?;
            continue;
        }
        for (label, env) in [("before", &s.before), ("after", &s.after)] {
            let text = match env.get("error").and_then(|e| e.as_str()) {
                Some(e) => format!("  transform error: {}\n", escape_line(e)),
                None => crate::record::Record::from_envelope(&env.to_string())
                    .map(|rec| rec.with_view(|v| crate::output::pretty::record(v, &printer.styles)))
                    .unwrap_or_else(|e| format!("  {}\n", escape_line(&format!("{e:#}")))),
            };
            printer.line(&format!("{label}:"))?;
            printer.write(text.as_bytes())?;
        }
    }
    Ok(())
}

/// The receipt printed at the end of a run.
#[derive(Debug, Default, serde::Serialize)]
pub struct Receipt {
    pub kind: &'static str,
    pub source: String,
    pub group: String,
    /// Every record in range was dealt with.
    pub complete: bool,
    pub moved: u64,
    pub parked: u64,
    pub invalid: u64,
    pub filtered: u64,
    pub no_origin: u64,
    pub unroutable: u64,
    /// Skipped: an earlier run already moved them.
    pub already_moved: u64,
    /// --transform failed on them: left in the DLQ.
    pub transform_errors: u64,
    pub failed: u64,
    pub destinations: Vec<Destination>,
    pub seconds: f64,
    pub records_per_second: f64,
}

fn dest_table(dests: &[Destination], moved_label: &str) -> String {
    let mut t =
        crate::output::table::new(&["DESTINATION", moved_label, "PARKED", "INVALID", "FAILED"]);
    for d in dests {
        t.add_row(vec![
            escape_line(&d.topic).into_owned(),
            d.moved.to_string(),
            d.parked.to_string(),
            d.invalid.to_string(),
            d.failed.to_string(),
        ]);
    }
    crate::output::table::right_align(&mut t, &[1, 2, 3, 4]);
    crate::output::table::render(&mut t)
}

fn print_plan(plan: &Plan, printer: &mut Printer) -> Result<()> {
    if printer.is_json() {
        // The samples are part of the plan document.
        printer.json(plan)?;
        return printer.flush();
    }
    let would: u64 = plan.destinations.iter().map(|d| d.moved + d.parked).sum();
    printer.line(&format!(
        "plan: {would} of {} record(s) in `{}` would move (group `{}`); {} already moved by an earlier run, {} filtered out, {} with no origin, {} with no destination topic",
        plan.in_range,
        escape_line(&plan.source),
        escape_line(&plan.group),
        plan.already_moved,
        plan.filtered,
        plan.no_origin,
        plan.unroutable
    ))?;
    if plan.left_by_earlier_runs > 0 {
        printer.line(&format!(
            "{} record(s) in range were left in the DLQ by earlier runs (the group's position stays before them); this run looks at them again",
            plan.left_by_earlier_runs
        ))?;
    }
    if !plan.destinations.is_empty() {
        printer.line(&dest_table(&plan.destinations, "RECORDS"))?;
    }
    if plan.transform_errors > 0 {
        printer.line(&format!(
            "{} record(s) the transform fails on would stay in the DLQ",
            plan.transform_errors
        ))?;
    }
    print_samples(&plan.samples, printer)?;
    if let Some(why) = &plan.stop {
        printer.line(&format!("the run would stop at: {}", escape_line(why)))?;
    }
    printer.flush()
}

fn print_receipt(r: &Receipt, printer: &mut Printer) -> Result<()> {
    if printer.is_json() {
        printer.json(r)?;
        return printer.flush();
    }
    printer.line(&format!(
        "redrive of `{}` {}: {} moved, {} parked, {} invalid, {} filtered out, {} with no origin, {} with no destination topic, {} already moved earlier, {} failed in {:.2}s ({} records/s); group `{}`",
        escape_line(&r.source),
        if r.complete { "complete" } else { "stopped early" },
        r.moved,
        r.parked,
        r.invalid,
        r.filtered,
        r.no_origin,
        r.unroutable,
        r.already_moved,
        r.failed,
        r.seconds,
        r.records_per_second,
        escape_line(&r.group)
    ))?;
    if r.transform_errors > 0 {
        printer.line(&format!(
            "{} record(s) the transform failed on stay in the DLQ",
            r.transform_errors
        ))?;
    }
    if !r.destinations.is_empty() {
        printer.line(&dest_table(&r.destinations, "MOVED"))?;
    }
    printer.flush()
}

fn confirm(plan: &Plan) -> Result<bool> {
    let n: u64 = plan.destinations.iter().map(|d| d.moved + d.parked).sum();
    crate::input::confirm(&format!(
        "Move {n} record(s) out of `{}`?",
        escape_line(&plan.source)
    ))
}

pub fn run(
    a: &DlqRedriveArgs,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if !a.dry_run && !a.yes && !interactive {
        return Err(usage(
            "refusing to move records without --yes when stdin is not a terminal (see what would happen with --dry-run)",
        ));
    }
    let mut job = Job::prepare(a, settings)?;
    if a.dry_run || (interactive && !a.yes) {
        let plan = job.plan(settings, cancel)?;
        print_plan(&plan, printer)?;
        if cancel.load(Ordering::Relaxed) {
            return Err(Interrupted.into());
        }
        if a.dry_run {
            return dry_run_verdict(&plan);
        }
        if !confirm(&plan)? {
            printer.info("nothing moved");
            return Ok(());
        }
    }
    job.redrive(settings, printer, cancel)
}

/// A dry run in which --transform failed on every record it would have sent found a problem:
/// the run would move nothing (exit 1, as that run would).
fn dry_run_verdict(plan: &Plan) -> Result<()> {
    let would: u64 = plan.destinations.iter().map(|d| d.moved + d.parked).sum();
    if would == 0 && plan.transform_errors > 0 {
        return Err(ProblemsFound(format!(
            "--transform fails on every record it ran on ({}): the run would move nothing",
            plan.transform_errors
        ))
        .into());
    }
    Ok(())
}

/// What a run works on: the range of the DLQ from the group's position to the end captured at
/// start, the state committed with that position, and the router.
struct Job<'a> {
    a: &'a DlqRedriveArgs,
    group: String,
    ranges: Vec<reader::Range>,
    /// The group's position and ledger per partition.
    state: BTreeMap<(String, i32), (i64, String)>,
    in_range: u64,
    router: Router<'a>,
}

impl<'a> Job<'a> {
    fn prepare(a: &'a DlqRedriveArgs, settings: &Settings) -> Result<Job<'a>> {
        let registry = if a.validate {
            Some(Registry::open(&settings.registry_dir())?)
        } else {
            None
        };
        let custom = crate::dlq::conventions(settings)?;
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
        let group = a.group.clone().unwrap_or_else(|| default_group(a));
        let admin = Admin::connect(settings)?;
        let partitions = admin.partitions(&a.topic)?;
        let state =
            reader::committed_with_metadata(settings, &group, &[(a.topic.clone(), partitions)])?;
        let committed = state.iter().map(|(k, (o, _))| (k.clone(), *o)).collect();
        let (ranges, _) = reader::resolve(
            &admin,
            std::slice::from_ref(&a.topic),
            &[],
            &StartSpec::default(),
            Start::Beginning,
            Some(Stop::End),
            Some(&committed),
        )?;
        let mut router = Router {
            a,
            custom,
            filter,
            transform,
            registry,
            admin,
            dests: HashMap::new(),
        };
        // Named destinations must exist before anything moves.
        for t in [&a.to, &a.park_to].into_iter().flatten() {
            router.partitions(t).map_err(usage)?;
        }
        Ok(Job {
            a,
            group,
            in_range: reader::span(&ranges),
            ranges,
            state,
            router,
        })
    }

    /// What a run would do (see `scan`).
    fn plan(&mut self, settings: &Settings, cancel: &AtomicBool) -> Result<Plan> {
        scan(
            &mut self.router,
            settings,
            &self.ranges,
            &self.state,
            &self.group,
            self.in_range,
            cancel,
        )
    }

    /// Move the records: read in the group, copy, settle, commit, print the receipt.
    fn redrive(
        self,
        settings: &Settings,
        printer: &mut Printer,
        cancel: &AtomicBool,
    ) -> Result<()> {
        let a = self.a;
        if self.in_range == 0 {
            return self.nothing_to_move(printer);
        }
        let bounds: Vec<(i32, i64, i64)> = self
            .ranges
            .iter()
            .map(|r| (r.partition, r.start, r.stop.unwrap_or(r.start)))
            .collect();
        let mover = Arc::new(Mover::open(settings)?);
        let mut rd = GroupReader::open(settings, &a.topic, &self.group, &bounds, mover.clone())?;
        let mut copier = Copier {
            a,
            custom: self.router.custom.clone(),
            router: self.router,
            mover: mover.clone(),
            bar: crate::output::progress::bar(self.in_range, printer),
            pace: a.rate.map(Pace::new),
            receipt: Receipt {
                kind: "receipt",
                source: a.topic.clone(),
                group: self.group,
                ..Receipt::default()
            },
            sent: 0,
            clock: Clock::default(),
            stamp: Stamp::default(),
            stopped: None,
            failed_stop: false,
        };
        let started = Instant::now();
        let end = rd.run(cancel, |ev| copier.on_event(ev, printer, cancel));
        let (end, failure) = settle_and_commit(&rd, &mover, end, settings, &a.topic, cancel);
        if let Some(b) = &copier.bar {
            b.finish_and_clear();
        }
        if let Some(e) = rd.handover_error() {
            printer.warn(format!(
                "committing while handing partitions over failed ({e}); the next owner may copy some records again"
            ));
        }
        let receipt = copier.receipt(end, started.elapsed().as_secs_f64());
        print_receipt(&receipt, printer)?;
        drop(rd);
        verdict(&receipt, end, failure, copier.stopped, &mover)
    }
}

impl Job<'_> {
    /// The group's position is at the end captured at start on every partition: no record is
    /// in range, so the run is complete without joining the group (a join can take the
    /// broker's whole rebalance delay) and nothing is committed (the position stays).
    fn nothing_to_move(self, printer: &mut Printer) -> Result<()> {
        let receipt = Receipt {
            kind: "receipt",
            source: self.a.topic.clone(),
            group: self.group,
            complete: true,
            ..Receipt::default()
        };
        print_receipt(&receipt, printer)
    }
}

/// Whatever ended the read, settle the copies in flight and commit what they allow. A second
/// Ctrl-C stops waiting, and so do a --timeout after the read failed (the cluster went away,
/// say) and a cluster that does not answer for two; the unacknowledged stay uncommitted.
/// Returns how the read ended and the error that ended it or the final commit, if any.
fn settle_and_commit(
    rd: &GroupReader,
    mover: &Mover,
    end: Result<ReadEnd>,
    settings: &Settings,
    topic: &str,
    cancel: &AtomicBool,
) -> (ReadEnd, Option<anyhow::Error>) {
    let before = crate::interrupts();
    let give_up = end.is_err().then(|| {
        // None if the cluster just stayed away for a few --timeouts: the copies cannot land.
        Instant::now()
            + if rd.away() {
                Duration::ZERO
            } else {
                settings.timeout
            }
    });
    let watch = Watch::new(settings, topic);
    mover.finish(|| {
        crate::interrupts() > before || give_up.is_some_and(|t| Instant::now() >= t) || watch.gone()
    });
    let committed = rd.checkpoint(false);
    // Ctrl-C may also end the read from inside the callback (while pacing). A failed read or
    // final commit still gets its receipt of what was done; its error comes after.
    match (end, committed) {
        (Ok(_), Ok(())) if cancel.load(Ordering::Relaxed) => (ReadEnd::Cancelled, None),
        (Ok(e), Ok(())) => (e, None),
        (Err(e), _) | (Ok(_), Err(e)) => (ReadEnd::Stopped, Some(e)),
    }
}

/// The exit of a run, from its receipt: interrupted, copies not acknowledged, the read or
/// commit failed, stopped early, records left invalid or untransformable.
fn verdict(
    receipt: &Receipt,
    end: ReadEnd,
    failure: Option<anyhow::Error>,
    stopped: Option<String>,
    mover: &Mover,
) -> Result<()> {
    if end == ReadEnd::Cancelled {
        return Err(Interrupted.into());
    }
    if receipt.failed > 0 {
        let first = mover
            .first_failure()
            .unwrap_or_else(|| format!("in flight at exit; {}", resume_at(mover)));
        let why = failure.map_or(String::new(), |e| format!(" after: {e:#}"));
        return Err(PartialFailure(format!(
            "{} copy(ies) not acknowledged (first: {first}); the group's position stays before them: rerun to retry{why}",
            receipt.failed
        ))
        .into());
    }
    if let Some(e) = failure {
        return Err(e);
    }
    if let Some(why) = stopped {
        return Err(ProblemsFound(format!("stopped: {why}")).into());
    }
    if receipt.invalid > 0 {
        return Err(ProblemsFound(format!(
            "{} record(s) failed validation and were left in the DLQ",
            receipt.invalid
        ))
        .into());
    }
    if receipt.transform_errors > 0 {
        return Err(ProblemsFound(format!(
            "--transform failed on {} record(s), which were left in the DLQ",
            receipt.transform_errors
        ))
        .into());
    }
    Ok(())
}

/// The copying side of a run: decides each record the reader hands over and sends its copy.
struct Copier<'a> {
    a: &'a DlqRedriveArgs,
    router: Router<'a>,
    custom: Vec<CustomConvention>,
    mover: Arc<Mover>,
    bar: Option<indicatif::ProgressBar>,
    pace: Option<Pace>,
    receipt: Receipt,
    /// Copies sent.
    sent: u64,
    clock: Clock,
    stamp: Stamp,
    /// Why the run stopped before the end, if it did.
    stopped: Option<String>,
    /// A copy failed: the run stopped there.
    failed_stop: bool,
}

impl Copier<'_> {
    fn on_event(
        &mut self,
        ev: Event<'_>,
        printer: &mut Printer,
        cancel: &AtomicBool,
    ) -> Result<Flow> {
        match ev {
            Event::Idle => {
                self.mover.settle(Duration::ZERO);
                Ok(self.stop_on_failure())
            }
            Event::Record(r) => self.on_record(r, printer, cancel),
        }
    }

    /// Stop at the first copy that failed.
    fn stop_on_failure(&mut self) -> Flow {
        if self.mover.failed() > 0 {
            self.failed_stop = true;
            return Flow::Stop;
        }
        Flow::Continue
    }

    fn on_record(
        &mut self,
        r: RecordView<'_>,
        printer: &mut Printer,
        cancel: &AtomicBool,
    ) -> Result<Flow> {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
        let from = (r.topic, r.partition, r.offset);
        if self.mover.already_done(from) {
            self.receipt.already_moved += 1;
            return Ok(Flow::Continue);
        }
        if !self.mover.has_room(from) {
            self.stopped = Some(ledger_full(&r));
            return Ok(Flow::Stop);
        }
        let origin = decode(r.headers, &self.custom);
        let (kind, to, reason) = match self.router.route(&r, &origin)? {
            Route::Send {
                topic,
                partition,
                parked,
                rewritten,
            } => {
                return self.send(
                    &r,
                    &origin,
                    (&topic, partition, parked),
                    rewritten.as_ref(),
                    printer,
                    cancel,
                )
            }
            Route::Stop(why) => {
                self.stopped = Some(why);
                return Ok(Flow::Stop);
            }
            Route::Filtered => {
                self.receipt.filtered += 1;
                self.mover.leave(from);
                return Ok(Flow::Continue);
            }
            Route::Unroutable { why, no_origin } => {
                if no_origin {
                    self.receipt.no_origin += 1;
                } else {
                    self.receipt.unroutable += 1;
                }
                self.mover.leave(from);
                let kind = if no_origin { "no_origin" } else { "unroutable" };
                (kind, None, format!("{why}; left in the DLQ"))
            }
            Route::Invalid { topic, why } => {
                self.receipt.invalid += 1;
                self.mover.invalid(from, &topic);
                ("invalid", Some(topic), why)
            }
            Route::TransformError(why) => {
                self.receipt.transform_errors += 1;
                self.mover.leave(from);
                (
                    "transform_error",
                    None,
                    format!("{why}; nothing sent, left in the DLQ"),
                )
            }
        };
        note(
            printer,
            &Note {
                kind,
                topic: r.topic,
                partition: r.partition,
                offset: r.offset,
                to: to.as_deref(),
                reason,
            },
        )?;
        Ok(Flow::Continue)
    }

    /// Copy one record to `to` (topic, partition, parked), as --transform `rewritten` it if it
    /// did.
    fn send(
        &mut self,
        r: &RecordView<'_>,
        origin: &Origin,
        (topic, partition, parked): (&str, Option<i32>, bool),
        rewritten: Option<&Record>,
        printer: &mut Printer,
        cancel: &AtomicBool,
    ) -> Result<Flow> {
        let from = (r.topic, r.partition, r.offset);
        if !self.mover.may_send(from) {
            self.stopped = Some(format!(
                "{}: this broker does not keep the metadata committed beside a group's position, \
                 so evtctl cannot record which records it moved past one it left in the DLQ; \
                 stopped before this one (move or park the records left before it first)",
                Position(r.topic, r.partition, r.offset)
            ));
            return Ok(Flow::Stop);
        }
        if let Some(p) = &mut self.pace {
            let mover = &self.mover;
            if !p.admit(cancel, |wait| mover.settle(wait)) {
                return Ok(Flow::Stop);
            }
        }
        let hs;
        let r = match rewritten {
            Some(rec) => {
                hs = header_refs(rec);
                rewritten_view(r, rec, &hs)
            }
            None => *r,
        };
        // A parked copy keeps every header, so the parking topic still says why it failed.
        let redriven;
        let headers = if parked {
            OutHeaders::Borrowed(r.headers)
        } else {
            let at = self.clock.now();
            redriven = copy_headers(&r, origin, &self.custom, at, &mut self.stamp);
            OutHeaders::Borrowed(&redriven)
        };
        let timestamp = if self.a.keep_timestamp {
            origin.timestamp.or(r.timestamp)
        } else {
            None
        };
        self.mover.send(
            from,
            &Outgoing {
                topic,
                partition,
                key: r.key,
                value: r.value,
                headers,
                timestamp,
            },
            parked,
        );
        if parked {
            note(
                printer,
                &Note {
                    kind: "parked",
                    topic: r.topic,
                    partition: r.partition,
                    offset: r.offset,
                    to: Some(topic),
                    reason: format!("redriven {} time(s) already", origin.redrive_count),
                },
            )?;
        }
        self.sent += 1;
        if self.sent.is_multiple_of(1024) {
            self.mover.settle(Duration::ZERO);
            if self.stop_on_failure() == Flow::Stop {
                return Ok(Flow::Stop);
            }
        }
        if self.a.limit.is_some_and(|n| self.sent >= n) {
            return Ok(Flow::Stop);
        }
        Ok(Flow::Continue)
    }

    /// The receipt of a run that ended `end` after `secs` seconds.
    fn receipt(&mut self, end: ReadEnd, secs: f64) -> Receipt {
        let mut receipt = std::mem::take(&mut self.receipt);
        receipt.destinations = self.mover.destinations();
        for d in &receipt.destinations {
            receipt.moved += d.moved;
            receipt.parked += d.parked;
            receipt.failed += d.failed;
        }
        receipt.failed += self.mover.in_flight() as u64;
        receipt.complete = end == ReadEnd::Reached
            && self.stopped.is_none()
            && receipt.failed == 0
            && !self.failed_stop;
        receipt.seconds = (secs * 1000.0).round() / 1000.0;
        receipt.records_per_second = if secs > 0.0 {
            ((receipt.moved + receipt.parked) as f64 / secs).round()
        } else {
            0.0
        };
        receipt
    }
}

/// Why a run stops where its ledger is full.
fn ledger_full(r: &RecordView<'_>) -> String {
    format!(
        "{}: too many records were left in the DLQ before this one for the group's commit to record \
         which records after them were moved; move or park the records left before it (see --dry-run), \
         then rerun",
        Position(r.topic, r.partition, r.offset)
    )
}

/// Where a rerun starts, per partition: the first record not acknowledged (or not yet read).
fn resume_at(mover: &Mover) -> String {
    let at: Vec<String> = mover
        .positions()
        .iter()
        .map(|(t, p, o)| format!("{t}/{p}@{o}"))
        .collect();
    if at.is_empty() {
        "a rerun starts at the group's committed position".into()
    } else {
        format!("a rerun starts at {}", at.join(", "))
    }
}

/// The envelope of the copy a run would send for `r` as --transform `rewritten` it: to `topic`
/// (`partition` null: by key), with the headers a copy carries (the failure headers stripped,
/// evtctl's redrive headers added; a parked copy keeps them all), no offset yet, and the
/// timestamp only where the copy keeps one (`--keep-timestamp`; otherwise the time of sending).
fn as_sent(
    r: &RecordView<'_>,
    origin: &Origin,
    custom: &[CustomConvention],
    (topic, partition, parked): (&str, Option<i32>, bool),
    rewritten: &Record,
    keep_timestamp: bool,
    shown: &dyn Fn(&RecordView<'_>) -> serde_json::Value,
) -> serde_json::Value {
    let hs = header_refs(rewritten);
    let view = rewritten_view(r, rewritten, &hs);
    let redriven;
    let out_refs;
    let headers = if parked {
        view.headers
    } else {
        redriven = headers_out(&view, origin, custom, &format_millis(now_ms()));
        out_refs = redriven
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_deref()))
            .collect::<Vec<_>>();
        &out_refs[..]
    };
    let timestamp = keep_timestamp
        .then(|| origin.timestamp.or(view.timestamp))
        .flatten();
    let mut v = shown(&RecordView {
        headers,
        timestamp,
        timestamp_type: timestamp.and(view.timestamp_type),
        ..view
    });
    if let Some(o) = v.as_object_mut() {
        o.insert("topic".into(), topic.into());
        o.insert(
            "partition".into(),
            partition.map_or(serde_json::Value::Null, Into::into),
        );
        o.remove("offset");
        if timestamp.is_none() {
            o.remove("timestamp");
            o.remove("timestamp_type");
        }
    }
    v
}

/// A read-only pass over the range through the same router and the same ledger: the plan.
fn scan(
    router: &mut Router<'_>,
    settings: &Settings,
    ranges: &[reader::Range],
    state: &BTreeMap<(String, i32), (i64, String)>,
    group: &str,
    in_range: u64,
    cancel: &AtomicBool,
) -> Result<Plan> {
    // Samples show Avro, Protobuf and framed values decoded where the registry can.
    let display = crate::registry::view::display_registry(settings);
    let decoder = display.as_ref().and_then(|r| {
        crate::registry::view::Decoder::new(r, None, None)
            .ok()
            .flatten()
    });
    let shown = |r: &RecordView<'_>| -> serde_json::Value {
        let mut line = Vec::new();
        crate::registry::view::json_line(decoder.as_ref(), r, &mut line);
        serde_json::from_slice(&line).unwrap_or_else(|_| r.to_json_value())
    };
    let a = router.a;
    let mut plan = Plan {
        kind: "plan",
        source: a.topic.clone(),
        group: group.to_string(),
        in_range,
        ..Plan::default()
    };
    // The book stands in for the run's: copies count as done as soon as they would be sent.
    let mut book = transfer::Book::default();
    for ((t, p), (o, meta)) in state {
        let ledger = Ledger::decode(meta);
        plan.left_by_earlier_runs += ledger.moved.iter().filter(|m| !**m).count() as u64;
        book.load(t, *p, *o, &ledger);
    }
    let mut dests: BTreeMap<String, Destination> = BTreeMap::new();
    let mut sends = 0u64;
    let mut rd = Reader::open(settings, ranges, None, None)?;
    let custom = router.custom.clone();
    rd.run(cancel, |ev| {
        let Event::Record(r) = ev else {
            return Ok(Flow::Continue);
        };
        let from = (r.topic, r.partition, r.offset);
        if book.already_done(from) {
            plan.already_moved += 1;
            return Ok(Flow::Continue);
        }
        if !book.has_room(from) {
            plan.stop = Some(ledger_full(&r));
            return Ok(Flow::Stop);
        }
        let origin = decode(r.headers, &custom);
        let entry = |dests: &mut BTreeMap<String, Destination>, t: &str| {
            dests.entry(t.to_string()).or_insert_with(|| Destination {
                topic: t.to_string(),
                ..Destination::default()
            });
        };
        match router.route(&r, &origin)? {
            Route::Filtered => {
                plan.filtered += 1;
                book.leave(from);
            }
            Route::Unroutable { no_origin, .. } => {
                if no_origin {
                    plan.no_origin += 1;
                } else {
                    plan.unroutable += 1;
                }
                book.leave(from);
            }
            Route::Invalid { topic, .. } => {
                entry(&mut dests, &topic);
                dests.get_mut(&topic).expect("just added").invalid += 1;
                book.leave(from);
            }
            Route::Stop(why) => {
                plan.stop = Some(why);
                return Ok(Flow::Stop);
            }
            Route::TransformError(why) => {
                plan.transform_errors += 1;
                book.leave(from);
                if plan.samples.len() < SAMPLES {
                    plan.samples.push(Sample {
                        before: shown(&r),
                        after: serde_json::json!({
                            "error": format!("{}: {why}", Position(r.topic, r.partition, r.offset))
                        }),
                    });
                }
            }
            Route::Send {
                topic,
                partition,
                parked,
                rewritten,
            } => {
                if let Some(rec) = rewritten.filter(|_| plan.samples.len() < SAMPLES) {
                    let after = as_sent(
                        &r,
                        &origin,
                        &custom,
                        (&topic, partition, parked),
                        &rec,
                        a.keep_timestamp,
                        &shown,
                    );
                    plan.samples.push(Sample {
                        before: shown(&r),
                        after,
                    });
                }
                entry(&mut dests, &topic);
                let d = dests.get_mut(&topic).expect("just added");
                if parked {
                    d.parked += 1;
                } else {
                    d.moved += 1;
                }
                book.pass(from);
                sends += 1;
                if a.limit.is_some_and(|n| sends >= n) {
                    return Ok(Flow::Stop);
                }
            }
        }
        Ok(Flow::Continue)
    })?;
    plan.destinations = dests.into_values().collect();
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command, DlqCommand};
    use clap::Parser;

    fn args(extra: &[&str]) -> DlqRedriveArgs {
        let mut v = vec!["evtctl", "dlq", "redrive", "orders-dlt"];
        v.extend_from_slice(extra);
        match Cli::try_parse_from(v).unwrap().command {
            Command::Dlq(d) => match d.command {
                DlqCommand::Redrive(a) => a,
                _ => unreachable!(),
            },
            _ => unreachable!(),
        }
    }

    #[test]
    fn one_default_group_per_dlq_whatever_the_selection() {
        for extra in [
            &[][..],
            &["--error-class", "TimeoutException"],
            &["--filter", ".value.x"],
            &["--limit", "10", "--rate", "5/s"],
        ] {
            assert_eq!(default_group(&args(extra)), "evtctl-redrive.orders-dlt");
        }
    }

    #[test]
    fn park_flags_come_together() {
        let cli = Cli::try_parse_from(["evtctl", "dlq", "redrive", "d", "--max-redrives", "3"]);
        assert!(cli.is_err());
    }

    #[test]
    fn error_class_matches_full_or_simple_name() {
        assert!(class_matches(
            "TimeoutException",
            Some("java.util.concurrent.TimeoutException")
        ));
        assert!(class_matches("a.B", Some("a.B")));
        assert!(class_matches("Inner", Some("com.x.Outer$Inner")));
        assert!(!class_matches(
            "Timeout",
            Some("java.util.concurrent.TimeoutException")
        ));
        assert!(!class_matches("X", None));
    }

    #[test]
    fn copies_drop_failure_headers_and_count_redrives() {
        let headers: Vec<(&str, Option<&[u8]>)> = vec![
            ("traceparent", Some(b"00-abc-def-01")),
            ("__connect.errors.topic", Some(b"orders")),
            ("__connect.errors.exception.message", Some(b"boom")),
            (REDRIVE_COUNT, Some(b"2")),
            ("tenant", None),
        ];
        let r = RecordView {
            topic: "orders-dlt",
            partition: 3,
            offset: 42,
            timestamp: Some(1),
            timestamp_type: None,
            key: Some(b"k"),
            headers: &headers,
            value: Some(b"{}"),
        };
        let origin = decode(&headers, &[]);
        assert_eq!(origin.redrive_count, 2);
        let out = headers_out(&r, &origin, &[], "2026-11-22T00:00:00.000Z");
        let names: Vec<&str> = out.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "traceparent",
                "tenant",
                REDRIVE_COUNT,
                REDRIVE_ORIGIN,
                REDRIVE_AT
            ]
        );
        assert_eq!(out[1].value, None, "a null header stays null");
        assert_eq!(out[2].value.as_deref(), Some(&b"3"[..]));
        assert_eq!(out[3].value.as_deref(), Some(&b"orders-dlt/3/42"[..]));
    }
}
