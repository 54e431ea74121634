//! `evtctl expect`: assert that records matching a jq expression appear (or, with `--none`, do
//! not appear) on live topics within a time window, around a trigger command. A CI check.
//!
//! Guarantees: joins no consumer group and commits nothing (partitions are assigned, as `tail`
//! reads them); the end offsets of every partition are captured before the trigger starts, so
//! records it causes are seen however fast they land; when a window closes, the records written
//! up to then are still read (to the end offsets captured at that moment) before the verdict,
//! so a slow read never turns into a false timeout or a missed forbidden record. Memory is
//! bounded: a few records are kept per expectation for the report, each quoted in part.

use crate::cli::{ExpectArgs, ExpectFormat};
use crate::cmd::validate::{record_verdict, Verdict};
use crate::config::Settings;
use crate::error::{usage, Interrupted, ProblemsFound};
use crate::filter::Filter;
use crate::kafka::admin::Admin;
use crate::kafka::reader::{self, Event, Flow, Range, ReadEnd, Reader};
use crate::output::escape::{md, xml};
use crate::output::sanitize::escape_line;
use crate::output::Printer;
use crate::pattern::TopicSelector;
use crate::position::{now_ms, parse_start, Start, StartSpec, Stop};
use crate::record::RecordView;
use crate::registry::view::Decoder;
use crate::registry::Registry;
use anyhow::Result;
use std::collections::{BTreeMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Matching records kept per expectation for the report.
const KEEP_MATCHED: usize = 5;
/// Non-matching records kept per expectation (the last ones read): the near-misses.
const KEEP_NEAR: usize = 5;
/// Validation issues kept for an invalid record.
const KEEP_ISSUES: usize = 10;
/// Characters quoted from a key or value.
const QUOTE: usize = 300;
/// How long one expectation reads before the others get their turn.
const SLICE: Duration = Duration::from_millis(100);

/// One expectation, validated.
pub struct Expectation {
    pub name: String,
    /// As given: a topic name or `re:REGEX`.
    pub topic: String,
    pub selector: TopicSelector,
    pub matcher: Option<Filter>,
    /// The text of `matcher`, for reports.
    pub match_text: Option<String>,
    /// At least this many matching records.
    pub count: u64,
    pub within: Duration,
    pub none: bool,
    pub validate: bool,
    /// `--from`: a look-back instead of the end offsets captured before the trigger.
    pub start: Option<StartSpec>,
    /// Starts once the expectation before it is met.
    pub then: bool,
}

pub struct Plan {
    pub expectations: Vec<Expectation>,
    pub trigger: Vec<String>,
    pub format: Option<ExpectFormat>,
}

/// What one expectation is made of, before it is checked (from flags or a spec entry).
struct Raw<'a> {
    name: Option<&'a str>,
    topic: &'a str,
    matcher: Option<&'a str>,
    count: Option<u64>,
    within: Duration,
    none: bool,
    validate: bool,
    from: Option<&'a str>,
    then: bool,
}

impl Expectation {
    fn build(raw: Raw<'_>) -> Result<Expectation> {
        if raw.topic.is_empty() {
            return Err(usage("the topic cannot be empty"));
        }
        let selector = TopicSelector::parse(&[raw.topic.to_string()], None)?;
        let matcher = raw
            .matcher
            .map(|m| Filter::compile_as("--match", m))
            .transpose()?;
        if raw.count == Some(0) {
            return Err(usage("--count must be at least 1"));
        }
        if raw.none && raw.count.is_some() {
            return Err(usage("--none cannot be combined with --count"));
        }
        if raw.none && raw.validate {
            return Err(usage(
                "--none cannot be combined with --validate (no matching record may appear at all)",
            ));
        }
        if raw.within.is_zero() {
            return Err(usage("--within must be longer than 0s"));
        }
        if raw.then && raw.from.is_some() {
            return Err(usage(
                "`then` and `from` cannot be combined: a chained expectation starts where the one \
                 before it was met",
            ));
        }
        let start = raw.from.map(|f| parse_start(f, now_ms())).transpose()?;
        let name = match raw.name {
            Some(n) => n.to_string(),
            None => match (raw.none, raw.matcher) {
                (true, Some(m)) => format!("{}: no record matching {m}", raw.topic),
                (true, None) => format!("{}: no record", raw.topic),
                (false, Some(m)) => format!("{}: {m}", raw.topic),
                (false, None) => format!("{}: any record", raw.topic),
            },
        };
        Ok(Expectation {
            name,
            topic: raw.topic.to_string(),
            selector,
            matcher,
            match_text: raw.matcher.map(str::to_string),
            count: raw.count.unwrap_or(1),
            within: raw.within,
            none: raw.none,
            validate: raw.validate,
            start,
            then: raw.then,
        })
    }
}

impl Plan {
    pub fn from_args(a: &ExpectArgs) -> Result<Plan> {
        let expectations = match (&a.spec, &a.topic) {
            (Some(path), _) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| usage(format!("{}: {e}", path.display())))?;
                parse_spec(&text, &path.display().to_string(), a.within)?
            }
            (None, Some(topic)) => vec![Expectation::build(Raw {
                name: None,
                topic,
                matcher: a.matcher.as_deref(),
                count: a.count,
                within: a.within,
                none: a.none,
                validate: a.validate,
                from: a.from.as_deref(),
                then: false,
            })?],
            (None, None) => return Err(usage("give a TOPIC or --spec FILE")),
        };
        Ok(Plan {
            expectations,
            trigger: a.command.clone(),
            format: a.format,
        })
    }

    /// Does any expectation need the schema registry?
    pub fn validates(&self) -> bool {
        self.expectations.iter().any(|e| e.validate)
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SpecToml {
    within: Option<toml::Spanned<String>>,
    #[serde(default)]
    expect: Vec<EntryToml>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryToml {
    name: Option<toml::Spanned<String>>,
    topic: toml::Spanned<String>,
    #[serde(rename = "match")]
    matcher: Option<toml::Spanned<String>>,
    count: Option<toml::Spanned<i64>>,
    within: Option<toml::Spanned<String>>,
    none: Option<toml::Spanned<bool>>,
    validate: Option<toml::Spanned<bool>>,
    then: Option<toml::Spanned<bool>>,
    from: Option<toml::Spanned<String>>,
}

/// 1-based line and column of byte `at` in `text`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

/// The expectations of a spec file (`file` names it in errors, with the line of the entry or
/// value at fault); `within` is the default window.
pub fn parse_spec(text: &str, file: &str, within: Duration) -> Result<Vec<Expectation>> {
    let at = |span: std::ops::Range<usize>| {
        let (line, _) = line_col(text, span.start);
        format!("{file}:{line}")
    };
    let spec: SpecToml = toml::from_str(text).map_err(|e| {
        let place = e.span().map_or_else(|| file.to_string(), &at);
        // toml's message spans lines ("invalid string\nexpected `\"`"): one line here.
        let msg = e
            .message()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(": ");
        usage(format!("{place}: {msg}"))
    })?;
    let duration = |s: &toml::Spanned<String>| {
        crate::cli::parse_duration(s.get_ref())
            .map_err(|e| usage(format!("{}: within: {e}", at(s.span()))))
    };
    let default_within = spec.within.as_ref().map(duration).transpose()?;
    let default_within = default_within.unwrap_or(within);
    if spec.expect.is_empty() {
        return Err(usage(format!(
            "{file}: no expectations: add at least one [[expect]] table with a topic"
        )));
    }
    let mut out = Vec::new();
    for (i, e) in spec.expect.iter().enumerate() {
        let count = match &e.count {
            Some(c) if *c.get_ref() < 1 => {
                return Err(usage(format!(
                    "{}: count must be at least 1, not {}",
                    at(c.span()),
                    c.get_ref()
                )))
            }
            Some(c) => Some(*c.get_ref() as u64),
            None => None,
        };
        let flag = |b: &Option<toml::Spanned<bool>>| b.as_ref().is_some_and(|b| *b.get_ref());
        if i == 0 && flag(&e.then) {
            let span = e.then.as_ref().map_or(e.topic.span(), |t| t.span());
            return Err(usage(format!(
                "{}: the first expectation cannot have `then = true`: there is none before it",
                at(span)
            )));
        }
        let raw = Raw {
            name: e.name.as_ref().map(|n| n.get_ref().as_str()),
            topic: e.topic.get_ref(),
            matcher: e.matcher.as_ref().map(|m| m.get_ref().as_str()),
            count,
            within: e
                .within
                .as_ref()
                .map(duration)
                .transpose()?
                .unwrap_or(default_within),
            none: flag(&e.none),
            validate: flag(&e.validate),
            from: e.from.as_ref().map(|f| f.get_ref().as_str()),
            then: flag(&e.then),
        };
        // The line of the value at fault where one can be told, else the entry's topic.
        let blame = if let Some(m) = e.matcher.as_ref() {
            let bad = Filter::compile_as("match", m.get_ref()).err();
            bad.map(|_| m.span())
        } else {
            None
        };
        let blame = blame
            .or_else(|| e.from.as_ref().map(|f| f.span()))
            .unwrap_or_else(|| e.topic.span());
        let built = Expectation::build(raw).map_err(|err| {
            let msg = format!("{err:#}")
                .replace("--match", "match")
                .replace("--count", "count")
                .replace("--none", "none")
                .replace("--validate", "validate")
                .replace("--within", "within")
                .replace("--from", "from");
            usage(format!("{}: expectation {}: {msg}", at(blame), i + 1))
        })?;
        out.push(built);
    }
    Ok(out)
}

/// How the trigger command ended.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Trigger {
    pub command: Vec<String>,
    pub exit_code: Option<i32>,
    pub signal: Option<i32>,
    pub seconds: f64,
    /// Ctrl-C ended it (and the run).
    pub interrupted: bool,
}

impl Trigger {
    pub fn ok(&self) -> bool {
        self.exit_code == Some(0)
    }

    fn how(&self) -> String {
        match (self.exit_code, self.signal) {
            _ if self.interrupted => format!("was interrupted after {:.2}s", self.seconds),
            (Some(0), _) => format!("exited 0 in {:.2}s", self.seconds),
            (Some(c), _) => format!("exited with {c} after {:.2}s", self.seconds),
            (None, Some(s)) => format!("was killed by signal {s} after {:.2}s", self.seconds),
            (None, None) => format!("ended without an exit code after {:.2}s", self.seconds),
        }
    }

    fn line(&self) -> String {
        self.command.join(" ")
    }
}

/// Run the trigger to its end; its stdout goes to our stderr (stdout carries the report).
/// Ctrl-C kills it and stops at once.
fn run_trigger(cmd: &[String], printer: &Printer, cancel: &AtomicBool) -> Result<Trigger> {
    let Some((program, args)) = cmd.split_first() else {
        return Err(usage("the trigger command is empty"));
    };
    let started = Instant::now();
    let mut c = std::process::Command::new(program);
    c.args(args);
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = std::io::stderr().as_fd().try_clone_to_owned() {
            c.stdout(std::process::Stdio::from(fd));
        }
    }
    printer.debug(format!(
        "running the trigger `{}`",
        escape_line(&cmd.join(" "))
    ));
    let mut child = c.spawn().map_err(|e| {
        usage(format!(
            "cannot run the trigger `{}`: {e}",
            escape_line(program)
        ))
    })?;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if cancel.load(Ordering::Relaxed) {
            let _ = child.kill();
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(&status);
    #[cfg(not(unix))]
    let signal = None;
    Ok(Trigger {
        command: cmd.to_vec(),
        exit_code: status.code(),
        signal,
        seconds: started.elapsed().as_secs_f64(),
        interrupted: cancel.load(Ordering::Relaxed),
    })
}

/// Where an expectation stands at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    /// The window closed with fewer matching records than wanted.
    Timeout,
    /// `--none`: a matching record appeared.
    Forbidden,
    /// `--validate`: a matching record is not valid against its schema.
    Invalid,
    /// Chained after an expectation that was not met.
    Skipped,
    Interrupted,
}

/// A record as a report quotes it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Seen {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    pub timestamp: Option<i64>,
    pub key: Option<String>,
    pub value: Option<String>,
    /// Why it did not match (a failed `--match`), or why it is invalid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The first `QUOTE` characters of a key or value as text (only its start is looked at, so a
/// large payload costs no more than a small one).
fn quote(b: Option<&[u8]>) -> Option<String> {
    b.map(|b| {
        let head = &b[..b.len().min(QUOTE * 4)];
        let text = String::from_utf8_lossy(head);
        match text.char_indices().nth(QUOTE) {
            None if head.len() == b.len() => text.into_owned(),
            None => format!("{text}… ({} bytes)", b.len()),
            Some((cut, _)) => format!("{}… ({} bytes)", &text[..cut], b.len()),
        }
    })
}

impl Seen {
    fn of(r: &RecordView<'_>, note: Option<String>) -> Seen {
        Seen {
            topic: r.topic.to_string(),
            partition: r.partition,
            offset: r.offset,
            timestamp: r.timestamp,
            key: quote(r.key),
            value: quote(r.value),
            note,
        }
    }

    /// `topic/partition@offset time key=K VALUE (note)`, raw: each format escapes it.
    fn line(&self) -> String {
        let mut s = format!("{}/{}@{}", self.topic, self.partition, self.offset);
        if let Some(t) = self.timestamp {
            s.push(' ');
            s.push_str(&crate::record::format_millis(t));
        }
        if let Some(k) = &self.key {
            s.push_str(&format!(" key={k}"));
        }
        s.push(' ');
        s.push_str(self.value.as_deref().unwrap_or("null"));
        if let Some(n) = &self.note {
            s.push_str(&format!(" ({n})"));
        }
        s
    }
}

/// What one expectation has seen so far.
#[derive(Default)]
struct Tally {
    status: Option<Status>,
    matched: u64,
    read: u64,
    filter_errors: u64,
    records: Vec<Seen>,
    near: VecDeque<Seen>,
    issues: Vec<String>,
    /// Per partition, the next offset to read: where reading stands.
    next: BTreeMap<(String, i32), i64>,
    /// When the record that met it was written.
    met_time: Option<i64>,
    seconds: f64,
}

impl Tally {
    fn near_miss(&mut self, s: Seen) {
        if self.near.len() == KEEP_NEAR {
            self.near.pop_front();
        }
        self.near.push_back(s);
    }

    fn keep(&mut self, s: Seen) {
        if self.records.len() < KEEP_MATCHED {
            self.records.push(s);
        }
    }

    /// Look at one record; sets `status` when it decides the expectation.
    fn take(
        &mut self,
        exp: &Expectation,
        r: &RecordView<'_>,
        decoder: Option<&Decoder<'_>>,
        registry: Option<&Registry>,
    ) {
        self.read += 1;
        match self.next.get_mut(&(r.topic.to_string(), r.partition)) {
            Some(n) => *n = r.offset + 1,
            None => {
                self.next
                    .insert((r.topic.to_string(), r.partition), r.offset + 1);
            }
        }
        let fields = decoder.and_then(|d| d.fields(r));
        let view = fields.as_ref().map_or(*r, |f| f.view(r));
        let hit = match &exp.matcher {
            None => Ok(true),
            Some(f) => f.matches(match &fields {
                Some(d) => d.filter_json(r),
                None => r.to_json_value(),
            }),
        };
        match hit {
            Err(e) => {
                self.filter_errors += 1;
                self.near_miss(Seen::of(&view, Some(format!("--match failed: {e:#}"))));
            }
            Ok(false) => self.near_miss(Seen::of(&view, None)),
            Ok(true) => {
                self.matched += 1;
                if let Some(reg) = registry.filter(|_| exp.validate) {
                    if let Some(issues) = problems(reg, r) {
                        self.keep(Seen::of(&view, Some("not valid".into())));
                        self.issues = issues;
                        self.status = Some(Status::Invalid);
                        return;
                    }
                }
                self.keep(Seen::of(&view, None));
                if exp.none {
                    self.status = Some(Status::Forbidden);
                } else if self.matched >= exp.count {
                    self.status = Some(Status::Met);
                    self.met_time = r.timestamp;
                }
            }
        }
    }
}

/// Why a record is not valid (as `validate` decides: no schema is a problem too), or None.
fn problems(reg: &Registry, r: &RecordView<'_>) -> Option<Vec<String>> {
    let v = record_verdict(reg, None, r);
    match v {
        Verdict::Valid { .. } => None,
        Verdict::Invalid {
            subject,
            version,
            issues,
        } => Some(
            issues
                .iter()
                .take(KEEP_ISSUES)
                .map(|i| {
                    let at = if i.instance_path.is_empty() {
                        String::new()
                    } else {
                        format!("{}: ", i.instance_path)
                    };
                    format!("{subject}@{version}: {at}{}", i.message)
                })
                .collect(),
        ),
        Verdict::Unknown(why) => Some(vec![format!("no schema: {why}")]),
        Verdict::Broken(why) => Some(vec![why]),
    }
}

/// One expectation being checked.
struct Lane<'p> {
    exp: &'p Expectation,
    /// The ranges it reads (captured before the trigger, or where a chain starts it).
    ranges: Vec<Range>,
    reader: Option<Reader>,
    /// Its window closed: reading on to the end offsets captured then.
    draining: bool,
    started: Option<Instant>,
    tally: Tally,
}

/// Capture where each expectation starts: the end offsets now (before the trigger), or its
/// `--from`. Expectations on the same topic from the same position share one capture.
fn capture(plan: &Plan, admin: &Admin) -> Result<Vec<Vec<Range>>> {
    let mut seen: Vec<(&str, Option<&StartSpec>, Vec<Range>)> = Vec::new();
    let mut out = Vec::new();
    for e in &plan.expectations {
        let start = e.start.as_ref();
        if let Some((_, _, r)) = seen.iter().find(|(t, s, _)| *t == e.topic && *s == start) {
            out.push(r.clone());
            continue;
        }
        let topics = e.selector.resolve(admin, false)?;
        let spec = start.cloned().unwrap_or_default();
        let (ranges, _) = reader::resolve(admin, &topics, &[], &spec, Start::End, None, None)?;
        seen.push((&e.topic, start, ranges.clone()));
        out.push(ranges);
    }
    Ok(out)
}

/// Where a chained expectation starts: on its predecessor's topic, where that one stopped
/// reading; on another topic, its captured start, from the time of the record that met the
/// predecessor.
fn chained(prev: &Lane<'_>, this: &Lane<'_>) -> Vec<Range> {
    if prev.exp.topic == this.exp.topic {
        prev.ranges
            .iter()
            .map(
                |r| match prev.tally.next.get(&(r.topic.clone(), r.partition)) {
                    Some(&next) => Range {
                        start: next,
                        start_time: None,
                        ..r.clone()
                    },
                    None => r.clone(),
                },
            )
            .collect()
    } else {
        this.ranges
            .iter()
            .map(|r| Range {
                start_time: prev.tally.met_time.max(r.start_time),
                ..r.clone()
            })
            .collect()
    }
}

fn open(settings: &Settings, ranges: &[Range], within: Duration) -> Result<Reader> {
    let deadline = now_ms().saturating_add(within.as_millis().min(i64::MAX as u128) as i64);
    Reader::open(settings, ranges, Some(deadline), None)
}

/// The window closed: read on from where reading stands to the end offsets now, so every
/// record written within the window is looked at.
fn drain(lane: &Lane<'_>, admin: &Admin, settings: &Settings) -> Result<Reader> {
    let mut topics: Vec<String> = lane.ranges.iter().map(|r| r.topic.clone()).collect();
    topics.dedup();
    let (ends, _) = reader::resolve(
        admin,
        &topics,
        &[],
        &StartSpec::default(),
        Start::End,
        Some(Stop::End),
        None,
    )?;
    let ranges: Vec<Range> = lane
        .ranges
        .iter()
        .map(|r| {
            let next = lane.tally.next.get(&(r.topic.clone(), r.partition));
            let stop = ends
                .iter()
                .find(|e| e.topic == r.topic && e.partition == r.partition)
                .and_then(|e| e.stop);
            Range {
                start: next.copied().unwrap_or(r.start),
                start_time: if next.is_some() { None } else { r.start_time },
                stop: Some(stop.unwrap_or(r.start)),
                ..r.clone()
            }
        })
        .collect();
    Reader::open(settings, &ranges, None, None)
}

/// Read for one expectation for a while (until nothing is waiting, a slice of time has gone,
/// or it is decided).
fn step(
    lane: &mut Lane<'_>,
    admin: &Admin,
    settings: &Settings,
    decoder: Option<&Decoder<'_>>,
    registry: Option<&Registry>,
    cancel: &AtomicBool,
) -> Result<()> {
    let Some(reader) = lane.reader.as_mut() else {
        return Ok(());
    };
    let (exp, tally) = (lane.exp, &mut lane.tally);
    let slice = Instant::now();
    let end = reader.run(cancel, |ev| {
        match ev {
            Event::Idle => return Ok(Flow::Stop),
            Event::Record(r) => tally.take(exp, &r, decoder, registry),
        }
        Ok(if tally.status.is_some() || slice.elapsed() >= SLICE {
            Flow::Stop
        } else {
            Flow::Continue
        })
    })?;
    if end == ReadEnd::Reached && tally.status.is_none() {
        if lane.draining {
            tally.status = Some(if exp.none {
                Status::Met
            } else {
                Status::Timeout
            });
        } else {
            lane.draining = true;
            lane.reader = Some(drain(lane, admin, settings)?);
        }
    }
    if lane.tally.status.is_some() {
        lane.reader = None;
        lane.tally.seconds = lane.started.map_or(0.0, |s| s.elapsed().as_secs_f64());
    }
    Ok(())
}

/// Check every expectation: the unchained ones at once (taking turns), each chained one once
/// the one before it is met. True when interrupted.
fn watch(
    lanes: &mut [Lane<'_>],
    admin: &Admin,
    settings: &Settings,
    decoder: Option<&Decoder<'_>>,
    registry: Option<&Registry>,
    cancel: &AtomicBool,
) -> Result<bool> {
    loop {
        for i in 0..lanes.len() {
            if lanes[i].started.is_some() || lanes[i].tally.status.is_some() {
                continue;
            }
            let ranges = if !lanes[i].exp.then || i == 0 {
                lanes[i].ranges.clone()
            } else {
                match lanes[i - 1].tally.status {
                    Some(Status::Met) => chained(&lanes[i - 1], &lanes[i]),
                    Some(_) => {
                        lanes[i].tally.status = Some(Status::Skipped);
                        continue;
                    }
                    None => continue,
                }
            };
            let lane = &mut lanes[i];
            lane.reader = Some(open(settings, &ranges, lane.exp.within)?);
            lane.ranges = ranges;
            lane.started = Some(Instant::now());
        }
        if lanes.iter().all(|l| l.tally.status.is_some()) {
            return Ok(false);
        }
        for lane in lanes.iter_mut() {
            if lane.tally.status.is_none() {
                step(lane, admin, settings, decoder, registry, cancel)?;
            }
        }
        if cancel.load(Ordering::Relaxed) {
            for lane in lanes.iter_mut() {
                if lane.tally.status.is_none() {
                    lane.tally.status = Some(Status::Interrupted);
                    lane.tally.seconds = lane.started.map_or(0.0, |s| s.elapsed().as_secs_f64());
                    lane.reader = None;
                }
            }
            return Ok(true);
        }
    }
}

/// One expectation's result: a line of `-o json`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Outcome {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub name: String,
    pub topic: String,
    #[serde(rename = "match")]
    pub matcher: Option<String>,
    pub count: u64,
    pub none: bool,
    pub validate: bool,
    pub then: bool,
    pub within_ms: u64,
    pub status: Status,
    pub met: bool,
    pub matched: u64,
    pub read: u64,
    pub filter_errors: u64,
    pub seconds: f64,
    /// The matching records (the first few): what met it, the forbidden or the invalid one.
    pub records: Vec<Seen>,
    /// The last records read that did not match.
    pub near_misses: Vec<Seen>,
    /// Why the invalid record is not valid.
    pub issues: Vec<String>,
}

impl Outcome {
    fn of(lane: Lane<'_>) -> Outcome {
        let (e, t) = (lane.exp, lane.tally);
        let status = t.status.unwrap_or(Status::Interrupted);
        Outcome {
            kind: "expectation",
            name: e.name.clone(),
            topic: e.topic.clone(),
            matcher: e.match_text.clone(),
            count: e.count,
            none: e.none,
            validate: e.validate,
            then: e.then,
            within_ms: e.within.as_millis().min(u64::MAX as u128) as u64,
            status,
            met: status == Status::Met,
            matched: t.matched,
            read: t.read,
            filter_errors: t.filter_errors,
            seconds: t.seconds,
            records: t.records,
            near_misses: t.near.into(),
            issues: t.issues,
        }
    }

    fn within(&self) -> String {
        humantime::format_duration(Duration::from_millis(self.within_ms)).to_string()
    }

    /// The verdict in words (raw text: each format escapes it).
    pub fn describe(&self) -> String {
        let read = format!(
            "{} record{} read",
            self.read,
            if self.read == 1 { "" } else { "s" }
        );
        let errors = if self.filter_errors > 0 {
            format!(", --match failed on {}", self.filter_errors)
        } else {
            String::new()
        };
        match self.status {
            Status::Met if self.none => {
                format!(
                    "no matching record within {} ({read}{errors})",
                    self.within()
                )
            }
            Status::Met => format!(
                "{} matching record{} (at least {} wanted) after {:.2}s ({read})",
                self.matched,
                if self.matched == 1 { "" } else { "s" },
                self.count,
                self.seconds
            ),
            Status::Timeout => format!(
                "timed out: {} of at least {} matching record{} within {} ({read}{errors})",
                self.matched,
                self.count,
                if self.count == 1 { "" } else { "s" },
                self.within()
            ),
            Status::Forbidden => format!(
                "a matching record appeared after {:.2}s, where none may ({read})",
                self.seconds
            ),
            Status::Invalid => format!(
                "a matching record is not valid against its schema: {}",
                self.issues.first().map_or("", String::as_str)
            ),
            Status::Skipped => "not started: the expectation before it was not met".into(),
            Status::Interrupted => format!("interrupted after {:.2}s ({read})", self.seconds),
        }
    }

    /// The records a failure shows: the matching ones (forbidden, invalid) or the near-misses.
    fn evidence(&self) -> (&'static str, &[Seen]) {
        match self.status {
            Status::Forbidden | Status::Invalid => ("matching record", &self.records),
            _ if !self.near_misses.is_empty() => (
                "last records that did not match (near-misses)",
                &self.near_misses,
            ),
            _ => ("matching records", &self.records),
        }
    }

    /// The failure text: where and what, the verdict, then the records.
    fn failure_text(&self) -> String {
        let mut s = format!(
            "topic: {}\nmatch: {}\n{}\n",
            self.topic,
            self.matcher.as_deref().unwrap_or("any record"),
            self.describe()
        );
        for i in &self.issues {
            s.push_str(&format!("  {i}\n"));
        }
        let (what, records) = self.evidence();
        if !records.is_empty() {
            s.push_str(&format!("{what}:\n"));
            for r in records {
                s.push_str(&format!("  {}\n", r.line()));
            }
        }
        s
    }
}

/// The run's summary: the last line of `-o json`.
#[derive(Debug, serde::Serialize)]
pub struct Summary<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub met: bool,
    pub expectations: usize,
    pub not_met: usize,
    pub interrupted: bool,
    pub trigger: Option<&'a Trigger>,
    pub seconds: f64,
}

impl<'a> Summary<'a> {
    fn of(
        outcomes: &[Outcome],
        trigger: Option<&'a Trigger>,
        interrupted: bool,
        started: Instant,
    ) -> Summary<'a> {
        let not_met = outcomes.iter().filter(|o| !o.met).count();
        Summary {
            kind: "summary",
            met: not_met == 0 && trigger.is_none_or(Trigger::ok) && !interrupted,
            expectations: outcomes.len(),
            not_met,
            interrupted,
            trigger,
            seconds: started.elapsed().as_secs_f64(),
        }
    }
}

pub fn run(
    plan: &Plan,
    settings: &Settings,
    registry: Option<&Registry>,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let started = Instant::now();
    let admin = Admin::connect(settings)?;
    // Before the trigger: what it causes lies after these positions.
    let captured = capture(plan, &admin)?;
    say_where(plan, &captured, printer);
    let trigger = match plan.trigger.is_empty() {
        true => None,
        false => Some(run_trigger(&plan.trigger, printer, cancel)?),
    };
    let decoder = match registry {
        Some(reg) => Decoder::new(reg, None, None)?,
        None => None,
    };
    let mut lanes: Vec<Lane<'_>> = plan
        .expectations
        .iter()
        .zip(captured)
        .map(|(exp, ranges)| Lane {
            exp,
            ranges,
            reader: None,
            draining: false,
            started: None,
            tally: Tally::default(),
        })
        .collect();
    let interrupted = if trigger.as_ref().is_some_and(|t| t.interrupted) {
        for lane in &mut lanes {
            lane.tally.status = Some(Status::Interrupted);
        }
        true
    } else {
        printer.debug(format!(
            "reading for {}",
            plural(lanes.len(), "expectation")
        ));
        let registry = registry.filter(|_| plan.validates());
        watch(
            &mut lanes,
            &admin,
            settings,
            decoder.as_ref(),
            registry,
            cancel,
        )?
    };
    let outcomes: Vec<Outcome> = lanes.into_iter().map(Outcome::of).collect();
    let summary = Summary::of(&outcomes, trigger.as_ref(), interrupted, started);
    report(plan.format, &outcomes, &summary, printer)?;
    exit(&summary, printer)
}

/// `N thing` or `N things`.
fn plural(n: usize, thing: &str) -> String {
    format!("{n} {thing}{}", if n == 1 { "" } else { "s" })
}

/// With -v: where each expectation starts reading.
fn say_where(plan: &Plan, captured: &[Vec<Range>], printer: &Printer) {
    for (e, ranges) in plan.expectations.iter().zip(captured) {
        for r in ranges {
            printer.debug(format!(
                "{}: {}/{} from offset {}",
                escape_line(&e.name),
                escape_line(&r.topic),
                r.partition,
                r.start
            ));
        }
    }
}

/// The report on stdout, in the format asked for.
fn report(
    format: Option<ExpectFormat>,
    outcomes: &[Outcome],
    summary: &Summary<'_>,
    printer: &mut Printer,
) -> Result<()> {
    match format {
        Some(ExpectFormat::Junit) => printer.write(junit(outcomes, summary).as_bytes())?,
        Some(ExpectFormat::Markdown) => printer.write(markdown(outcomes, summary).as_bytes())?,
        None if printer.is_json() => {
            for o in outcomes {
                printer.json(o)?;
            }
            printer.json(summary)?;
        }
        None => {
            let text = pretty(outcomes, summary, &printer.styles);
            printer.write(text.as_bytes())?;
        }
    }
    printer.flush()
}

/// The exit: 0 met, 1 not met (or a failing trigger), 130 interrupted.
fn exit(summary: &Summary<'_>, printer: &Printer) -> Result<()> {
    if summary.interrupted {
        return Err(Interrupted.into());
    }
    let all = plural(summary.expectations, "expectation");
    if summary.met {
        printer.info(format!("{all} met in {:.2}s", summary.seconds));
        return Ok(());
    }
    let mut msg = format!("{} of {all} not met", summary.not_met);
    if let Some(t) = summary.trigger.filter(|t| !t.ok()) {
        msg.push_str(&format!(
            "; the trigger `{}` {}",
            escape_line(&t.line()),
            t.how()
        ));
    }
    Err(ProblemsFound(msg).into())
}

fn pretty(outcomes: &[Outcome], summary: &Summary<'_>, st: &crate::output::Styles) -> String {
    let (g, b, d) = (st.good, st.bad, st.dim);
    let mark = |ok: bool| {
        if ok {
            format!("{g}✓{g:#}")
        } else {
            format!("{b}✗{b:#}")
        }
    };
    let mut s = String::new();
    if let Some(t) = summary.trigger {
        s.push_str(&format!(
            "{} trigger `{}` {}\n",
            mark(t.ok()),
            escape_line(&t.line()),
            t.how()
        ));
    }
    for o in outcomes {
        s.push_str(&format!(
            "{} {}: {}\n",
            mark(o.met),
            escape_line(&o.name),
            escape_line(&o.describe())
        ));
        if o.met {
            continue;
        }
        for i in &o.issues {
            s.push_str(&format!("    {}\n", escape_line(i)));
        }
        let (what, records) = o.evidence();
        if !records.is_empty() {
            s.push_str(&format!("  {d}{what}:{d:#}\n"));
            for r in records {
                s.push_str(&format!("    {}\n", escape_line(&r.line())));
            }
        }
    }
    s
}

fn junit(outcomes: &[Outcome], summary: &Summary<'_>) -> String {
    let mut cases = Vec::new();
    let (mut failures, mut errors, mut skipped) = (0, 0, 0);
    if let Some(t) = summary.trigger {
        let name = xml::attr(&format!("trigger: {}", t.line()));
        if t.ok() {
            cases.push(format!(
                "    <testcase name=\"{name}\" classname=\"evtctl expect\" time=\"{:.3}\"/>",
                t.seconds
            ));
        } else {
            failures += 1;
            cases.push(format!(
                "    <testcase name=\"{name}\" classname=\"evtctl expect\" time=\"{:.3}\"><failure message=\"{}\" type=\"trigger\">{}</failure></testcase>",
                t.seconds,
                xml::attr(&format!("the trigger {}", t.how())),
                xml::text(&format!("command: {}\n{}", t.line(), t.how()))
            ));
        }
    }
    for o in outcomes {
        let head = format!(
            "    <testcase name=\"{}\" classname=\"{}\" time=\"{:.3}\"",
            xml::attr(&o.name),
            xml::attr(&format!("evtctl expect.{}", o.topic)),
            o.seconds
        );
        let body = match o.status {
            Status::Met => None,
            Status::Skipped => {
                skipped += 1;
                Some(format!(
                    "<skipped message=\"{}\"/>",
                    xml::attr(&o.describe())
                ))
            }
            Status::Interrupted => {
                errors += 1;
                Some(format!(
                    "<error message=\"{}\" type=\"interrupted\"/>",
                    xml::attr(&o.describe())
                ))
            }
            status => {
                failures += 1;
                let kind = match status {
                    Status::Forbidden => "forbidden",
                    Status::Invalid => "invalid",
                    _ => "timeout",
                };
                Some(format!(
                    "<failure message=\"{}\" type=\"{kind}\">{}</failure>",
                    xml::attr(&o.describe()),
                    xml::text(&o.failure_text())
                ))
            }
        };
        cases.push(match body {
            None => format!("{head}/>"),
            Some(b) => format!("{head}>{b}</testcase>"),
        });
    }
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let counts = format!(
        "tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\" time=\"{:.3}\"",
        cases.len(),
        summary.seconds
    );
    s.push_str(&format!(
        "<testsuites name=\"evtctl expect\" {counts}>\n  <testsuite name=\"evtctl expect\" {counts}>\n"
    ));
    for c in cases {
        s.push_str(&c);
        s.push('\n');
    }
    s.push_str("  </testsuite>\n</testsuites>\n");
    s
}

fn markdown(outcomes: &[Outcome], summary: &Summary<'_>) -> String {
    let icon = |ok: bool| if ok { "✅" } else { "❌" };
    let met = outcomes.iter().filter(|o| o.met).count();
    let mut s = format!(
        "### {} evtctl expect: {met} of {} expectation{} met\n\n",
        icon(summary.met),
        outcomes.len(),
        if outcomes.len() == 1 { "" } else { "s" }
    );
    if let Some(t) = summary.trigger {
        s.push_str(&format!(
            "{} Trigger {} {}\n\n",
            icon(t.ok()),
            md::code(&t.line()),
            md::text(&t.how())
        ));
    }
    s.push_str("| | Expectation | Topic | Result |\n|---|---|---|---|\n");
    for o in outcomes {
        s.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            icon(o.met),
            md::text(&o.name),
            md::cell_code(&o.topic),
            md::text(&o.describe())
        ));
    }
    for o in outcomes.iter().filter(|o| !o.met) {
        s.push_str(&format!("\n#### {} {}\n\n", icon(false), md::text(&o.name)));
        s.push_str(&format!(
            "- topic {}, match {}\n",
            md::code(&o.topic),
            md::code(o.matcher.as_deref().unwrap_or("any record"))
        ));
        s.push_str(&format!("- {}\n", md::text(&o.describe())));
        for i in &o.issues {
            s.push_str(&format!("  - {}\n", md::text(i)));
        }
        let (what, records) = o.evidence();
        if !records.is_empty() {
            s.push_str(&format!("\n{}:\n\n", md::text(what)));
            for r in records {
                s.push_str(&format!("- {}\n", md::code(&r.line())));
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEN: Duration = Duration::from_secs(10);

    fn spec_err(text: &str) -> String {
        match parse_spec(text, "checks.toml", TEN) {
            Ok(_) => panic!("accepted:\n{text}"),
            Err(e) => format!("{e:#}"),
        }
    }

    #[test]
    fn a_spec_chains_and_defaults() {
        let text = r#"
within = "3s"

[[expect]]
name = "placed"
topic = "orders"
match = '.value.type == "OrderPlaced"'

[[expect]]
topic = "orders"
match = '.value.type == "OrderPaid"'
count = 2
within = "500ms"
then = true

[[expect]]
topic = "orders-dlq"
none = true
"#;
        let e = parse_spec(text, "checks.toml", TEN).unwrap();
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].name, "placed");
        assert_eq!(e[0].within, Duration::from_secs(3));
        assert_eq!(e[0].count, 1);
        assert!(!e[0].then);
        assert!(e[1].then);
        assert_eq!(e[1].count, 2);
        assert_eq!(e[1].within, Duration::from_millis(500));
        assert_eq!(e[1].name, "orders: .value.type == \"OrderPaid\"");
        assert!(e[2].none && e[2].matcher.is_none());
        assert_eq!(e[2].name, "orders-dlq: no record");
    }

    /// The README's spec example is one evtctl takes.
    #[test]
    fn the_readme_spec_parses() {
        let readme = include_str!("../../README.md");
        let at = readme.find("## Expectations in CI").unwrap();
        let block = &readme[at..];
        let block = &block[block.find("```toml\n").unwrap() + 8..];
        let block = &block[..block.find("```").unwrap()];
        let e = parse_spec(block, "README.md", TEN).unwrap();
        assert_eq!(e.len(), 3);
        assert!(e[1].then && e[2].none);
        assert_eq!(e[1].within, Duration::from_secs(5));
    }

    #[test]
    fn spec_errors_name_the_file_and_line() {
        // Not TOML.
        let e = spec_err("[[expect]]\ntopic = \"orders\"\nmatch = '.x\n");
        assert!(e.starts_with("checks.toml:3:"), "{e}");
        // A typo in a key.
        let e = spec_err("[[expect]]\ntopic = \"orders\"\nthn = true\n");
        assert!(e.starts_with("checks.toml:3:") && e.contains("thn"), "{e}");
        // A jq expression that does not parse: the line of `match`.
        let e = spec_err(
            "[[expect]]\ntopic = \"a\"\n\n[[expect]]\ntopic = \"b\"\nmatch = '.value |||'\n",
        );
        assert!(e.starts_with("checks.toml:6: expectation 2: match"), "{e}");
        // count 0, a bad duration.
        let e = spec_err("[[expect]]\ntopic = \"a\"\ncount = 0\n");
        assert!(
            e.starts_with("checks.toml:3: count must be at least 1"),
            "{e}"
        );
        let e = spec_err("[[expect]]\ntopic = \"a\"\nwithin = \"soon\"\n");
        assert!(e.starts_with("checks.toml:3: within:"), "{e}");
        // `then` on the first entry; `then` with `from`; --none with --validate.
        let e = spec_err("[[expect]]\ntopic = \"a\"\nthen = true\n");
        assert!(e.starts_with("checks.toml:3: the first expectation"), "{e}");
        let e = spec_err(
            "[[expect]]\ntopic = \"a\"\n[[expect]]\ntopic = \"a\"\nthen = true\nfrom = \"1h\"\n",
        );
        assert!(
            e.starts_with("checks.toml:6: expectation 2:") && e.contains("`then` and `from`"),
            "{e}"
        );
        let e = spec_err("[[expect]]\ntopic = \"a\"\nnone = true\nvalidate = true\n");
        assert!(e.contains("none cannot be combined with validate"), "{e}");
        // Nothing to check.
        let e = spec_err("within = \"1s\"\n");
        assert!(e.starts_with("checks.toml: no expectations"), "{e}");
    }

    fn exp(matcher: Option<&str>, count: Option<u64>, none: bool, topic: &str) -> Expectation {
        Expectation::build(Raw {
            name: None,
            topic,
            matcher,
            count,
            within: TEN,
            none,
            validate: false,
            from: None,
            then: false,
        })
        .unwrap()
    }

    fn record<'a>(offset: i64, value: &'a [u8]) -> RecordView<'a> {
        RecordView {
            topic: "orders",
            partition: 1,
            offset,
            timestamp: Some(1_000 + offset),
            timestamp_type: None,
            key: None,
            headers: &[],
            value: Some(value),
        }
    }

    #[test]
    fn at_least_count_matching_records_meet_it() {
        let e = exp(Some(".value.paid"), Some(2), false, "orders");
        let mut t = Tally::default();
        t.take(&e, &record(5, br#"{"paid":true}"#), None, None);
        assert_eq!(t.status, None);
        t.take(&e, &record(6, br#"{"paid":false}"#), None, None);
        t.take(&e, &record(7, br#"{"paid":true}"#), None, None);
        assert_eq!(t.status, Some(Status::Met));
        assert_eq!((t.matched, t.read, t.met_time), (2, 3, Some(1_007)));
        assert_eq!(t.next[&("orders".to_string(), 1)], 8);
        assert_eq!(t.records.len(), 2);
        assert_eq!(t.near.len(), 1);
    }

    #[test]
    fn near_misses_are_the_last_few_and_say_why_the_match_failed() {
        let e = exp(Some(".value.total > 500"), None, false, "orders");
        let mut t = Tally::default();
        for o in 0..7 {
            t.take(&e, &record(o, br#"{"total":1}"#), None, None);
        }
        t.take(&e, &record(7, b"plain text"), None, None);
        assert_eq!(t.status, None);
        assert_eq!(t.near.len(), KEEP_NEAR);
        assert_eq!(t.near[0].offset, 3);
        assert_eq!(t.filter_errors, 1);
        let last = t.near.back().unwrap();
        assert!(
            last.note.as_deref().unwrap().starts_with("--match failed"),
            "{last:?}"
        );
    }

    #[test]
    fn quotes_are_short_whatever_the_payload() {
        assert_eq!(quote(Some(b"short")).as_deref(), Some("short"));
        assert_eq!(quote(None), None);
        let big = vec![b'x'; 10 << 20];
        let q = quote(Some(&big)).unwrap();
        assert_eq!(q, format!("{}… (10485760 bytes)", "x".repeat(QUOTE)));
        let q = quote(Some(&[0xff; 2000])).unwrap();
        assert!(
            q.starts_with('\u{fffd}') && q.ends_with("… (2000 bytes)"),
            "{q}"
        );
    }

    #[test]
    fn under_none_the_first_match_is_forbidden() {
        let e = exp(None, None, true, "dlq");
        let mut t = Tally::default();
        t.take(&e, &record(0, b"{}"), None, None);
        assert_eq!(t.status, Some(Status::Forbidden));
        assert_eq!(t.records[0].offset, 0);
    }

    #[test]
    fn a_chain_starts_where_the_one_before_was_met() {
        let range = |topic: &str, partition, start| Range {
            topic: topic.into(),
            partition,
            start,
            stop: None,
            start_time: None,
            stop_time: None,
        };
        let (first, same, other) = (
            exp(None, None, false, "orders"),
            exp(None, None, false, "orders"),
            exp(None, None, false, "payments"),
        );
        let lane = |exp, ranges| Lane {
            exp,
            ranges,
            reader: None,
            draining: false,
            started: None,
            tally: Tally::default(),
        };
        let mut prev = lane(&first, vec![range("orders", 0, 10), range("orders", 1, 20)]);
        prev.tally.next.insert(("orders".into(), 1), 25);
        prev.tally.met_time = Some(1_234);
        let next = chained(&prev, &lane(&same, vec![range("orders", 0, 99)]));
        assert_eq!(next, [range("orders", 0, 10), range("orders", 1, 25)]);
        let next = chained(&prev, &lane(&other, vec![range("payments", 0, 7)]));
        assert_eq!(
            next,
            [Range {
                start_time: Some(1_234),
                ..range("payments", 0, 7)
            }]
        );
    }

    fn outcome(status: Status) -> Outcome {
        let hostile = "</failure><x>&\"'\u{1b}[31m ![p](https://evil.example/p.png) @octocat | `x`\n::error::forged";
        let seen = Seen {
            topic: "orders".into(),
            partition: 0,
            offset: 7,
            timestamp: Some(0),
            key: Some(hostile.into()),
            value: Some(hostile.into()),
            note: None,
        };
        Outcome {
            kind: "expectation",
            name: format!("name {hostile}"),
            topic: "orders".into(),
            matcher: Some(hostile.into()),
            count: 1,
            none: status == Status::Forbidden,
            validate: false,
            then: false,
            within_ms: 1000,
            status,
            met: status == Status::Met,
            matched: u64::from(status == Status::Forbidden),
            read: 1,
            filter_errors: 0,
            seconds: 0.5,
            records: if status == Status::Forbidden {
                vec![seen.clone()]
            } else {
                vec![]
            },
            near_misses: if status == Status::Timeout {
                vec![seen]
            } else {
                vec![]
            },
            issues: vec![],
        }
    }

    fn summary(trigger: Option<&Trigger>) -> Summary<'_> {
        Summary {
            kind: "summary",
            met: false,
            expectations: 3,
            not_met: 2,
            interrupted: false,
            trigger,
            seconds: 1.0,
        }
    }

    #[test]
    fn junit_counts_and_escapes() {
        let t = Trigger {
            command: vec!["sh".into(), "-c".into(), "exit 3 # <&>".into()],
            exit_code: Some(3),
            signal: None,
            seconds: 0.1,
            interrupted: false,
        };
        let o = [
            outcome(Status::Met),
            outcome(Status::Timeout),
            outcome(Status::Forbidden),
        ];
        let x = junit(&o, &summary(Some(&t)));
        assert!(
            x.contains("tests=\"4\" failures=\"3\" errors=\"0\" skipped=\"0\""),
            "{x}"
        );
        assert_eq!(x.matches("<testcase ").count(), 4);
        assert_eq!(x.matches("<failure ").count(), 3);
        assert_eq!(x.matches("</failure>").count(), 3);
        // Nothing from the record opens or closes an element, or escapes its attribute.
        assert!(!x.contains("<x>") && !x.contains("\u{1b}"), "{x}");
        assert!(x.contains("&lt;/failure&gt;&lt;x&gt;&amp;"), "{x}");
        assert!(x.contains("exit 3 # &lt;&amp;&gt;"), "{x}");
    }

    #[test]
    fn markdown_is_inert() {
        let o = [outcome(Status::Met), outcome(Status::Forbidden)];
        let m = markdown(&o, &summary(None));
        assert!(
            m.starts_with("### ❌ evtctl expect: 1 of 2 expectations met"),
            "{m}"
        );
        assert!(!m.contains("\u{1b}"), "{m}");
        // Text is escaped; record data is only ever in code spans (whose fence is longer
        // than any backtick run inside).
        assert!(
            m.contains("!\\[p\\]") && m.contains("@&#8203;octocat"),
            "{m}"
        );
        for line in m
            .lines()
            .filter(|l| l.contains("![p]") || l.contains(" @octocat"))
        {
            assert!(line.contains("``"), "outside a code span: {line}");
        }
        // Each table row stays one row of four cells.
        for row in m.lines().filter(|l| l.starts_with("| ")) {
            let unescaped = row.replace("\\|", "");
            assert_eq!(unescaped.matches('|').count(), 5, "{row}");
        }
    }
}
