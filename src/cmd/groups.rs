//! `evtctl groups`: consumer groups, their lag and time lag per partition, and `groups skip`,
//! which takes poison records out of a stuck group's way without losing them.
//!
//! Reading never joins a group and commits nothing. `skip` commits one position, and only after
//! the broker acknowledged the copies of every record it passes; neither it nor `reset` joins a
//! group to find out whether it has members (see [`access`]).

use crate::cli::{GroupsDeleteArgs, GroupsDescribeArgs, GroupsListArgs, GroupsSkipArgs};
use crate::config::Settings;
use crate::dlq::origin::{
    QUARANTINE_AT, QUARANTINE_GROUP, QUARANTINE_OFFSET, QUARANTINE_OWN_HEADERS,
    QUARANTINE_PARTITION, QUARANTINE_REASON, QUARANTINE_TOPIC,
};
use crate::error::{usage, BrokerCannot, Interrupted, PartialFailure, ProblemsFound};
use crate::kafka::admin::Admin;
use crate::kafka::groups::{self, CommitOutcome, Described, GroupDescription, Listing, Member};
use crate::kafka::reader::{self, Event, Flow, Range, Reader};
use crate::kafka::writer::{Delivery, OutHeaders, Outgoing, Writer, WriterOptions};
use crate::output::sanitize::escape_line;
use crate::output::Printer;
use crate::position::now_ms;
use crate::record::{format_millis, Header, Record, RecordView};
use anyhow::Result;
use comfy_table::{presets, CellAlignment, Table};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The member that owns a partition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Owner {
    pub member_id: String,
    pub client_id: String,
    pub host: String,
}

/// One partition of a group: where it is, how far behind, and who reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartitionLag {
    pub topic: String,
    pub partition: i32,
    /// The group's committed offset; None when it has none there.
    pub committed: Option<i64>,
    pub log_start: i64,
    pub log_end: i64,
    /// Records from the committed offset to the end; None without a committed offset.
    pub lag: Option<i64>,
    /// Timestamp of the record at the committed offset (the next one the group reads).
    pub timestamp: Option<i64>,
    /// How old that record is, at `sampled_at`.
    pub time_lag_ms: Option<i64>,
    pub member: Option<Owner>,
    /// With --watch: the committed offset did not move since the last sample, lag > 0.
    pub stuck: bool,
}

/// `groups describe`: one sample.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub group: String,
    /// None where the broker cannot describe groups (see `members_note`).
    pub state: Option<String>,
    pub protocol_type: Option<String>,
    pub protocol: Option<String>,
    pub members: Option<Vec<MemberOut>>,
    /// Why state and members are unknown, when they are.
    pub members_note: Option<String>,
    pub partitions: Vec<PartitionLag>,
    /// Total lag over partitions with a committed offset.
    pub lag: i64,
    pub sampled_at: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct MemberOut {
    pub member_id: String,
    pub client_id: String,
    pub host: String,
    pub assignment: Vec<TopicPartitions>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TopicPartitions {
    pub topic: String,
    pub partitions: Vec<i32>,
}

fn member_out(m: &Member) -> MemberOut {
    MemberOut {
        member_id: m.member_id.clone(),
        client_id: m.client_id.clone(),
        host: m.host.clone(),
        assignment: m
            .assignment
            .iter()
            .map(|(t, ps)| TopicPartitions {
                topic: t.clone(),
                partitions: ps.clone(),
            })
            .collect(),
    }
}

fn owner_of(desc: Option<&GroupDescription>, topic: &str, p: i32) -> Option<Owner> {
    desc?.members.iter().find_map(|m| {
        m.assignment
            .iter()
            .any(|(t, ps)| t == topic && ps.contains(&p))
            .then(|| Owner {
                member_id: m.member_id.clone(),
                client_id: m.client_id.clone(),
                host: m.host.clone(),
            })
    })
}

/// Is this a topic people consume (not `__consumer_offsets` and the like)?
fn ordinary(topic: &str) -> bool {
    !topic.starts_with("__")
}

/// The partitions to report for `group`: `only` topics whole, else those its members are
/// assigned and those it has committed offsets for.
fn sample(
    admin: &Admin,
    settings: &Settings,
    group: &str,
    desc: Option<&GroupDescription>,
    only: &[String],
    time_lag: bool,
    cancel: &AtomicBool,
) -> Result<Vec<PartitionLag>> {
    let mut topics: Vec<(String, Vec<i32>)> = Vec::new();
    if only.is_empty() {
        for t in admin.topics(None, false)? {
            if ordinary(&t.topic) {
                topics.push((t.topic, t.partitions.iter().map(|p| p.partition).collect()));
            }
        }
    } else {
        for t in only {
            topics.push((t.clone(), admin.partitions(t)?));
        }
    }
    let committed = reader::committed(settings, group, &topics)?;
    let assigned: BTreeSet<(String, i32)> = desc
        .iter()
        .flat_map(|d| d.members.iter())
        .flat_map(|m| m.assignment.iter())
        .flat_map(|(t, ps)| ps.iter().map(move |p| (t.clone(), *p)))
        .collect();
    let mut rows = Vec::new();
    for (topic, parts) in &topics {
        let parts: Vec<i32> = parts
            .iter()
            .copied()
            .filter(|&p| {
                let key = (topic.clone(), p);
                !only.is_empty() || committed.contains_key(&key) || assigned.contains(&key)
            })
            .collect();
        if parts.is_empty() {
            continue;
        }
        let marks = admin.log_ends(topic, &parts)?;
        for (i, &p) in parts.iter().enumerate() {
            let (log_start, log_end) = marks[i];
            let at = committed.get(&(topic.clone(), p)).copied();
            rows.push(PartitionLag {
                topic: topic.clone(),
                partition: p,
                committed: at,
                log_start,
                log_end,
                lag: at.map(|o| (log_end - o).max(0)),
                timestamp: None,
                time_lag_ms: None,
                member: owner_of(desc, topic, p),
                stuck: false,
            });
        }
    }
    if time_lag {
        add_time_lag(settings, &mut rows, cancel)?;
    }
    Ok(rows)
}

/// Read the record at each lagging partition's committed offset (the next one the group will
/// read) and take its timestamp. Joins no group.
fn add_time_lag(settings: &Settings, rows: &mut [PartitionLag], cancel: &AtomicBool) -> Result<()> {
    let ranges: Vec<Range> = rows
        .iter()
        .filter(|r| r.lag.is_some_and(|l| l > 0))
        .map(|r| {
            // Records before the log start were deleted: the group will read the first one left.
            let start = r.committed.unwrap_or(0).max(r.log_start);
            Range {
                topic: r.topic.clone(),
                partition: r.partition,
                start,
                stop: Some(start + 1),
                start_time: None,
                stop_time: None,
            }
        })
        .collect();
    if ranges.is_empty() {
        return Ok(());
    }
    let mut found: BTreeMap<(String, i32), Option<i64>> = BTreeMap::new();
    let mut reader = Reader::open(settings, &ranges, None, None)?;
    reader.run(cancel, |ev| {
        if let Event::Record(v) = ev {
            found
                .entry((v.topic.to_string(), v.partition))
                .or_insert(v.timestamp);
        }
        Ok(Flow::Continue)
    })?;
    let now = now_ms();
    for r in rows.iter_mut() {
        if let Some(ts) = found
            .get(&(r.topic.clone(), r.partition))
            .copied()
            .flatten()
        {
            r.timestamp = Some(ts);
            r.time_lag_ms = Some((now - ts).max(0));
        }
    }
    Ok(())
}

fn describe_once(
    admin: &Admin,
    settings: &Settings,
    a: &GroupsDescribeArgs,
    cancel: &AtomicBool,
) -> Result<Report> {
    let described = admin.describe_group(&a.group)?;
    let desc = match &described {
        Described::Known(d) => Some(d),
        Described::NotListed | Described::Unknown(_) => None,
    };
    let partitions = sample(admin, settings, &a.group, desc, &a.topic, true, cancel)?;
    let lag = partitions.iter().filter_map(|p| p.lag).sum();
    Ok(Report {
        group: a.group.clone(),
        state: desc.map(|d| d.state.clone()),
        protocol_type: desc.map(|d| d.protocol_type.clone()),
        protocol: desc.map(|d| d.protocol.clone()),
        members: match &described {
            Described::NotListed => Some(Vec::new()),
            _ => desc.map(|d| d.members.iter().map(member_out).collect()),
        },
        members_note: match &described {
            Described::Known(_) => None,
            Described::NotListed => Some(
                "the broker does not list this group: it has no members (and perhaps no \
                 committed offsets either)"
                    .to_string(),
            ),
            Described::Unknown(why) => Some(format!(
                "this broker does not describe groups ({why}): state and members unknown"
            )),
        },
        partitions,
        lag,
        sampled_at: now_ms(),
    })
}

fn table(headers: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING).set_header(headers.to_vec());
    t
}

fn align_right(t: &mut Table, cols: &[usize]) {
    for &i in cols {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// `3m 12s`: a person's reading of a time lag (whole seconds; under one second is `<1s`).
pub fn age(ms: i64) -> String {
    if ms < 1000 {
        return "<1s".to_string();
    }
    humantime::format_duration(Duration::from_secs((ms / 1000) as u64)).to_string()
}

fn opt(v: Option<i64>) -> String {
    v.map_or("-".to_string(), |v| v.to_string())
}

/// `show_note`: false on a watch sample whose members note was already said (it is the same on
/// every sample of a broker that cannot describe groups).
pub fn describe_text(r: &Report, watching: bool, show_note: bool) -> String {
    let mut s = String::new();
    match (&r.state, &r.members) {
        (Some(state), Some(members)) => {
            s.push_str(&format!(
                "group {}  state {}  protocol {}{}  members {}\n",
                escape_line(&r.group),
                escape_line(state),
                escape_line(r.protocol_type.as_deref().unwrap_or("")),
                r.protocol
                    .as_deref()
                    .filter(|p| !p.is_empty())
                    .map_or(String::new(), |p| format!("/{}", escape_line(p))),
                members.len()
            ));
            for m in members {
                let assigned: Vec<String> = m
                    .assignment
                    .iter()
                    .map(|t| {
                        let ps: Vec<String> = t.partitions.iter().map(i32::to_string).collect();
                        format!("{}:{}", escape_line(&t.topic), ps.join(","))
                    })
                    .collect();
                let text = member_text(&Member {
                    member_id: m.member_id.clone(),
                    client_id: m.client_id.clone(),
                    host: m.host.clone(),
                    assignment: Vec::new(),
                });
                s.push_str(&format!(
                    "  {text}  assigned {}\n",
                    if assigned.is_empty() {
                        "-".to_string()
                    } else {
                        assigned.join(" ")
                    }
                ));
            }
        }
        _ => {
            s.push_str(&format!("group {}\n", escape_line(&r.group)));
            if let Some(n) = r.members_note.as_ref().filter(|_| show_note) {
                s.push_str(&format!("note: {}\n", escape_line(n)));
            }
        }
    }
    if r.partitions.is_empty() {
        s.push_str("no committed offsets and no assigned partitions\n");
        return s;
    }
    let mut t = table(&[
        "TOPIC",
        "PARTITION",
        "COMMITTED",
        "END",
        "LAG",
        "TIME LAG",
        "MEMBER",
        "",
    ]);
    for p in &r.partitions {
        let member = match (&p.member, &r.members) {
            (Some(o), _) if o.client_id.is_empty() && o.host.is_empty() => {
                escape_line(&o.member_id).into_owned()
            }
            (Some(o), _) => format!("{} {}", escape_line(&o.client_id), escape_line(&o.host)),
            (None, Some(_)) => "-".to_string(),
            (None, None) => "?".to_string(),
        };
        t.add_row(vec![
            escape_line(&p.topic).into_owned(),
            p.partition.to_string(),
            opt(p.committed),
            p.log_end.to_string(),
            opt(p.lag),
            p.time_lag_ms.map_or("-".to_string(), age),
            member,
            if p.stuck {
                "STUCK".to_string()
            } else {
                String::new()
            },
        ]);
    }
    align_right(&mut t, &[1, 2, 3, 4, 5]);
    s.push_str(&t.to_string());
    s.push('\n');
    let stuck = r.partitions.iter().filter(|p| p.stuck).count();
    s.push_str(&format!("total lag {}", r.lag));
    if watching {
        s.push_str(&format!(
            "  ·  {} stuck  ·  {}",
            stuck,
            format_millis(r.sampled_at)
        ));
    }
    s.push('\n');
    s
}

/// Mark partitions whose committed offset did not move since `prev` while they lag.
pub fn mark_stuck(prev: &BTreeMap<(String, i32), Option<i64>>, rows: &mut [PartitionLag]) {
    for r in rows {
        r.stuck = r.lag.is_some_and(|l| l > 0)
            && r.committed.is_some()
            && prev.get(&(r.topic.clone(), r.partition)) == Some(&r.committed);
    }
}

fn over_limit(what: &str, lag: i64, limit: Option<u64>) -> Result<()> {
    match limit {
        Some(n) if lag > n as i64 => {
            Err(ProblemsFound(format!("{what}: total lag {lag} is above {n}")).into())
        }
        _ => Ok(()),
    }
}

pub fn describe(
    a: &GroupsDescribeArgs,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let admin = Admin::connect(settings)?;
    admin.reach()?;
    super::known_group::require(&admin, settings, &a.group)?;
    let Some(interval) = a.watch else {
        let r = describe_once(&admin, settings, a, cancel)?;
        emit(&r, printer, false, true)?;
        warn_uncommitted(&r, printer);
        return over_limit(&format!("group `{}`", a.group), r.lag, a.fail_above_lag);
    };
    // Refresh in place on a terminal; a bounded run (--samples: scripts, the demo) prints each
    // sample after the last.
    let clear = !printer.is_json() && a.samples.is_none() && std::io::stdout().is_terminal();
    let mut prev: Option<BTreeMap<(String, i32), Option<i64>>> = None;
    let mut said_note: Option<String> = None;
    let mut n = 0u64;
    loop {
        let started = Instant::now();
        let mut r = describe_once(&admin, settings, a, cancel)?;
        if let Some(p) = &prev {
            mark_stuck(p, &mut r.partitions);
        }
        prev = Some(
            r.partitions
                .iter()
                .map(|p| ((p.topic.clone(), p.partition), p.committed))
                .collect(),
        );
        if clear {
            printer.write(b"\x1b[2J\x1b[H")?;
        }
        // Said once, unless the screen is redrawn (then it would vanish) or it changes.
        let show_note = clear || r.members_note != said_note;
        said_note.clone_from(&r.members_note);
        emit(&r, printer, true, show_note)?;
        if n == 0 {
            warn_uncommitted(&r, printer);
        }
        n += 1;
        if a.samples.is_some_and(|max| n >= max) {
            return over_limit(&format!("group `{}`", a.group), r.lag, a.fail_above_lag);
        }
        while started.elapsed() < interval {
            if cancel.load(Ordering::Relaxed) {
                return Err(Interrupted.into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Say on stderr which partitions shown have no committed offset (the group's consumers start
/// there wherever their `auto.offset.reset` says).
fn warn_uncommitted(r: &Report, printer: &mut Printer) {
    let missing: Vec<(String, i32)> = r
        .partitions
        .iter()
        .filter(|p| p.committed.is_none())
        .map(|p| (p.topic.clone(), p.partition))
        .collect();
    if !missing.is_empty() {
        printer.warn(format!(
            "group `{}` has no committed offset on {}",
            escape_line(&r.group),
            super::known_group::partition_list(&missing)
        ));
    }
}

fn emit(r: &Report, printer: &mut Printer, watching: bool, show_note: bool) -> Result<()> {
    if printer.is_json() {
        printer.json(r)?;
    } else {
        printer.write(describe_text(r, watching, show_note).as_bytes())?;
        if watching {
            printer.line("")?;
        }
    }
    printer.flush()
}

/// `groups` (list): one row per group.
#[derive(Debug, Clone, Serialize)]
pub struct GroupRow {
    pub group: String,
    pub state: String,
    pub protocol_type: String,
    pub protocol: String,
    pub members: usize,
    pub topics: Vec<String>,
    /// Total lag over partitions with a committed offset.
    pub lag: i64,
}

pub fn list(
    a: &GroupsListArgs,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let admin = Admin::connect(settings)?;
    admin.reach()?;
    let groups = match admin.list_groups()? {
        Listing::Groups(g) => g,
        Listing::Unknown(why) => {
            return Err(BrokerCannot(format!(
                "this broker cannot list consumer groups ({why}); name one instead: \
                 `evtctl groups describe GROUP`"
            ))
            .into())
        }
    };
    let mut rows = Vec::new();
    for g in &groups {
        if cancel.load(Ordering::Relaxed) {
            return Err(Interrupted.into());
        }
        let parts = sample(&admin, settings, &g.group, Some(g), &[], false, cancel)?;
        let topics: BTreeSet<String> = parts.iter().map(|p| p.topic.clone()).collect();
        rows.push(GroupRow {
            group: g.group.clone(),
            state: g.state.clone(),
            protocol_type: g.protocol_type.clone(),
            protocol: g.protocol.clone(),
            members: g.members.len(),
            topics: topics.into_iter().collect(),
            lag: parts.iter().filter_map(|p| p.lag).sum(),
        });
    }
    if printer.is_json() {
        for r in &rows {
            printer.json(r)?;
        }
    } else if rows.is_empty() {
        printer.info("no consumer groups");
    } else {
        let mut t = table(&["GROUP", "STATE", "PROTOCOL", "MEMBERS", "TOPICS", "LAG"]);
        for r in &rows {
            let protocol = if r.protocol.is_empty() {
                escape_line(&r.protocol_type).into_owned()
            } else {
                format!(
                    "{}/{}",
                    escape_line(&r.protocol_type),
                    escape_line(&r.protocol)
                )
            };
            t.add_row(vec![
                escape_line(&r.group).into_owned(),
                escape_line(&r.state).into_owned(),
                protocol,
                r.members.to_string(),
                escape_line(&r.topics.join(",")).into_owned(),
                r.lag.to_string(),
            ]);
        }
        align_right(&mut t, &[3, 5]);
        printer.line(&t.to_string())?;
    }
    printer.flush()?;
    let over: Vec<String> = rows
        .iter()
        .filter(|r| a.fail_above_lag.is_some_and(|n| r.lag > n as i64))
        .map(|r| format!("{} ({})", r.group, r.lag))
        .collect();
    if !over.is_empty() {
        return Err(ProblemsFound(format!(
            "lag above {}: {}",
            a.fail_above_lag.unwrap_or(0),
            over.join(", ")
        ))
        .into());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// skip
// ---------------------------------------------------------------------------------------------

/// The headers a quarantined copy carries: the record's own, then evtctl's dead-letter headers,
/// the first of which counts the record's own.
pub fn quarantine_headers(
    r: &Record,
    topic: &str,
    partition: i32,
    offset: i64,
    group: &str,
    reason: Option<&str>,
    at: &str,
) -> Vec<Header> {
    let mut out = r.headers.clone();
    let mut add = |name: &str, value: &str| {
        out.push(Header {
            name: name.to_string(),
            value: Some(value.as_bytes().to_vec()),
        })
    };
    // First, and equal to its own index: what `dlq redrive` keeps (see `dlq::own_headers`).
    add(QUARANTINE_OWN_HEADERS, &r.headers.len().to_string());
    add(QUARANTINE_TOPIC, topic);
    add(QUARANTINE_PARTITION, &partition.to_string());
    add(QUARANTINE_OFFSET, &offset.to_string());
    add(QUARANTINE_GROUP, group);
    if let Some(why) = reason {
        add(QUARANTINE_REASON, why);
    }
    add(QUARANTINE_AT, at);
    out
}

/// The newest value of header `name`, as text.
fn header_text<'a>(headers: &'a [(&str, Option<&[u8]>)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .rev()
        .find(|(n, _)| *n == name)
        .and_then(|(_, v)| std::str::from_utf8((*v)?).ok())
}

/// Offsets in `range` of `source` (topic, partition) already in the quarantine topic for
/// `group`: copies an earlier run made and did not get to commit. The whole quarantine topic
/// is read, up to its ends now: whatever an earlier run wrote is found, however many records it
/// copied and whatever others wrote there since (a look-back of the last N records misses
/// copies once more than N were written after them). Only offsets in `range` are kept, so
/// memory is bounded by `--count`.
fn already_quarantined(
    settings: &Settings,
    quarantine: &str,
    group: &str,
    (topic, partition): (&str, i32),
    range: (i64, i64),
    cancel: &AtomicBool,
) -> Result<BTreeSet<i64>> {
    let mut reader = reader::bounded(
        settings,
        &[quarantine.to_string()],
        &[],
        Some("beginning"),
        None,
    )?;
    let mut found = BTreeSet::new();
    let p = partition.to_string();
    reader.run(cancel, |ev| {
        if let Event::Record(v) = ev {
            let h = v.headers;
            if header_text(h, QUARANTINE_GROUP) == Some(group)
                && header_text(h, QUARANTINE_TOPIC) == Some(topic)
                && header_text(h, QUARANTINE_PARTITION) == Some(p.as_str())
            {
                if let Some(o) = header_text(h, QUARANTINE_OFFSET).and_then(|o| o.parse().ok()) {
                    if (range.0..range.1).contains(&o) {
                        found.insert(o);
                    }
                }
            }
        }
        Ok(Flow::Continue)
    })?;
    if cancel.load(Ordering::Relaxed) {
        return Err(Interrupted.into());
    }
    Ok(found)
}

#[derive(Debug, Serialize)]
struct Receipt<'a> {
    kind: &'static str,
    group: &'a str,
    topic: &'a str,
    partition: i32,
    /// The group's committed offset before.
    from: i64,
    /// The group's committed offset after (before when nothing was committed).
    to: i64,
    quarantine: &'a str,
    /// Records copied by this run.
    quarantined: usize,
    /// Records an earlier run had already copied (not copied again).
    already_quarantined: usize,
    dry_run: bool,
}

/// One member for people: what the broker told of it (some brokers leave client id and host
/// empty).
pub fn member_text(m: &Member) -> String {
    let mut s = format!("member {}", escape_line(&m.member_id));
    if !m.client_id.is_empty() {
        s.push_str(&format!(" (client {})", escape_line(&m.client_id)));
    }
    if !m.host.is_empty() {
        s.push_str(&format!(" on {}", escape_line(&m.host)));
    }
    s
}

pub fn member_list(members: &[Member]) -> String {
    members
        .iter()
        .map(member_text)
        .collect::<Vec<_>>()
        .join(", ")
}

fn confirm(n: usize, a: &GroupsSkipArgs, from: i64) -> Result<bool> {
    crate::input::confirm(&format!(
        "Copy {n} record(s) of {}/{} from offset {from} to `{}` and move group `{}` past them?",
        escape_line(&a.topic),
        a.partition,
        escape_line(&a.to),
        escape_line(&a.group)
    ))
}

/// The refusal for a group whose members the broker lists.
pub fn has_members(group: &str, members: &[Member]) -> ProblemsFound {
    ProblemsFound(format!(
        "group `{}` has {} active member(s): {}; stop its consumers (for instance scale the \
         service to zero), then run this again",
        escape_line(group),
        members.len(),
        member_list(members)
    ))
}

/// `groups delete`: refused while the group has members (named where the broker lists them;
/// the broker's own refusal otherwise), confirmed on a terminal or by --yes.
pub fn delete(a: &GroupsDeleteArgs, settings: &Settings, printer: &mut Printer) -> Result<()> {
    let admin = Admin::connect(settings)?;
    admin.reach()?;
    super::known_group::require(&admin, settings, &a.group)?;
    if let Described::Known(d) = admin.describe_group(&a.group)? {
        if !d.members.is_empty() {
            return Err(has_members(&a.group, &d.members).into());
        }
    }
    let name = escape_line(&a.group);
    if !a.yes {
        if !std::io::stdin().is_terminal() {
            return Err(crate::error::usage(format!(
                "refusing to delete group `{name}` without confirmation: add --yes (stdin is not a terminal)"
            )));
        }
        if !crate::input::confirm(&format!("delete group `{name}` and its committed offsets?"))? {
            return Err(crate::error::usage("not confirmed: nothing deleted"));
        }
    }
    admin.delete_group(&a.group)?;
    if printer.is_json() {
        printer.json(&serde_json::json!({"group": a.group, "deleted": true}))?;
    } else {
        printer.info(format!("deleted group `{name}`"));
    }
    printer.flush()
}

/// How evtctl commits for a group it changes.
pub enum Access {
    /// From outside the group: the broker accepted such a commit just now.
    Outside,
    /// As the group's only member: only where the broker can tell nothing and the user said
    /// its consumers are stopped (`--consumers-stopped`).
    Member(groups::Membership),
}

/// A change to a group's positions, as [`access`] weighs it.
pub struct Change<'a> {
    pub group: &'a str,
    /// What the broker said of the group's members.
    pub described: &'a Described,
    /// What to commit from outside the group (`skip`: its own position again, a change of
    /// nothing; `reset`: the plan itself).
    pub probe: &'a [groups::Position],
    /// The topics, with their partition counts, a membership would hold.
    pub topics: &'a [(String, usize)],
    /// `--consumers-stopped`.
    pub consumers_stopped: bool,
}

/// May evtctl change a group's positions, and how? Never found out by joining the group, which
/// would rebalance the very consumers this protects. Members the broker lists refuse at once;
/// otherwise `probe` is committed from outside the group, which Kafka and Tansu refuse while
/// it has members. Where the broker lists no members (`Described::Unknown`) and refuses, nothing
/// tells whether they are live (the embedded broker refuses for every group that ever had a
/// member): evtctl says so, and commits as the group's only member only with
/// `consumers_stopped`.
pub fn access(
    settings: &Settings,
    c: &Change<'_>,
    printer: &Printer,
    cancel: &AtomicBool,
) -> Result<Access> {
    let Change {
        group,
        described,
        probe,
        topics,
        consumers_stopped,
    } = *c;
    if let Described::Known(d) = described {
        if !d.members.is_empty() {
            return Err(has_members(group, &d.members).into());
        }
    }
    let why = match groups::commit_outside(settings, group, probe)? {
        CommitOutcome::Committed => return Ok(Access::Outside),
        CommitOutcome::RefusedLiveGroup(why) => why,
    };
    let Described::Unknown(cannot) = described else {
        return Err(ProblemsFound(format!(
            "group `{}` has members: the broker refused a commit from outside it ({why}); \
             nothing was changed; stop its consumers, then run this again",
            escape_line(group)
        ))
        .into());
    };
    if !consumers_stopped {
        return Err(ProblemsFound(format!(
            "cannot tell whether group `{}` has live members: this broker does not list them \
             ({cannot}) and refused a commit from outside the group ({why}), as it does while \
             a group has members (the embedded broker also does for every group that ever \
             had one); evtctl does not join the group to find out, that would rebalance its \
             consumers. Nothing was changed. Make sure its consumers are stopped, then run \
             this again with --consumers-stopped",
            escape_line(group)
        ))
        .into());
    }
    printer.debug(format!(
        "the broker refused a commit from outside group `{}` ({why}); --consumers-stopped: \
         committing as its only member",
        escape_line(group)
    ));
    Ok(Access::Member(groups::Membership::join(
        settings, group, topics, cancel,
    )?))
}

/// What `groups skip` found before changing anything: the group's position and the records it
/// would take.
struct SkipPlan {
    /// How many partitions `--topic` has (what a membership holds, see [`Access`]).
    parts: usize,
    described: Described,
    /// The group's committed offset, and the metadata committed beside it.
    from: i64,
    metadata: String,
    records: Vec<Record>,
}

impl SkipPlan {
    /// The offset of record `i`.
    fn offset(&self, i: usize) -> i64 {
        self.records[i].offset.unwrap_or(self.from + i as i64)
    }

    /// May the group be changed, and how (see [`access`]): the broker is asked by committing
    /// the group's own position again, a change of nothing.
    fn access(
        &self,
        a: &GroupsSkipArgs,
        settings: &Settings,
        printer: &Printer,
        cancel: &AtomicBool,
    ) -> Result<Access> {
        let probe = [(
            a.topic.clone(),
            a.partition,
            self.from,
            self.metadata.clone(),
        )];
        let change = Change {
            group: &a.group,
            described: &self.described,
            probe: &probe,
            topics: &[(a.topic.clone(), self.parts)],
            consumers_stopped: a.consumers_stopped,
        };
        access(settings, &change, printer, cancel)
    }

    /// One past the last record taken: the copies skip nothing in between.
    fn end(&self) -> i64 {
        self.records
            .len()
            .checked_sub(1)
            .map_or(self.from, |i| self.offset(i) + 1)
    }
}

/// What the copy step sent and what the broker answered.
#[derive(Default)]
struct Copied {
    deliveries: Vec<Delivery>,
    sent: usize,
    /// Ctrl-C stopped the copies after the first was sent.
    interrupted: bool,
}

/// Where the group goes, and what that passes.
struct Settled {
    to: i64,
    /// Records before `to` this run copied, and those an earlier run had.
    copied: usize,
    already: usize,
}

/// `groups skip`, as a pipeline whose steps each keep one guarantee: nothing changes before the
/// plan is confirmed (`plan_skip`, `ask`) and the group is known to be without members, never
/// by joining it (`access`); nothing is copied twice (`already_quarantined`); Ctrl-C before the
/// first copy changes nothing (`copy`); the position passes only acknowledged copies (`settle`,
/// `commit`).
pub fn skip(
    a: &GroupsSkipArgs,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let Some(plan) = plan_skip(a, settings, printer, cancel)? else {
        return Ok(());
    };
    if !ask(a, &plan, settings, printer)? {
        return Ok(());
    }
    // The look-back reads the whole quarantine topic: before access, so a membership taken
    // with --consumers-stopped is held only while copying and committing, never idle for a
    // long read (its session could lapse before the commit).
    let done = already_quarantined(
        settings,
        &a.to,
        &a.group,
        (&a.topic, a.partition),
        (plan.from, plan.end()),
        cancel,
    )?;
    let access = plan.access(a, settings, printer, cancel)?;
    let copied = copy(a, settings, &plan, &done, cancel)?;
    let settled = settle(a, &plan, &done, &copied)?;
    if settled.to > plan.from {
        commit(a, settings, &access, settled.to)?;
    }
    drop(access);
    receipt(a, &plan, &settled, printer)?;
    if copied.interrupted {
        return Err(Interrupted.into());
    }
    Ok(())
}

/// Check the arguments, the group and its position, and read the records to take (None: the
/// group is at the end, nothing to take).
fn plan_skip(
    a: &GroupsSkipArgs,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<Option<SkipPlan>> {
    if !a.dry_run && !a.yes && !interactive() {
        return Err(usage(
            "refusing to move a group's position without --yes when stdin is not a terminal (see what would happen with --dry-run)",
        ));
    }
    if a.to == a.topic {
        return Err(usage("--to must be another topic than --topic"));
    }
    let admin = Admin::connect(settings)?;
    let parts = admin.partitions(&a.topic)?;
    if !parts.contains(&a.partition) {
        return Err(usage(format!(
            "topic `{}` has no partition {} (it has {})",
            a.topic,
            a.partition,
            parts.len()
        )));
    }
    admin.partitions(&a.to)?;

    let described = admin.describe_group(&a.group)?;
    if let Described::Known(d) = &described {
        if !d.members.is_empty() {
            let refusal = has_members(&a.group, &d.members);
            if !a.dry_run {
                return Err(refusal.into());
            }
            printer.warn(refusal.0);
        }
    }

    let committed = reader::committed_with_metadata(
        settings,
        &a.group,
        &[(a.topic.clone(), vec![a.partition])],
    )?;
    let Some((from, metadata)) = committed.get(&(a.topic.clone(), a.partition)).cloned() else {
        return Err(usage(format!(
            "group `{}` has no committed offset on {}/{}: there is no position to move past",
            escape_line(&a.group),
            escape_line(&a.topic),
            a.partition
        )));
    };
    let (log_start, log_end) = admin.log_ends(&a.topic, &[a.partition])?[0];
    if from < log_start {
        return Err(usage(format!(
            "group `{}` is at offset {from} of {}/{}, before the log start {log_start}: those \
             records were deleted, there is nothing to copy",
            escape_line(&a.group),
            escape_line(&a.topic),
            a.partition
        )));
    }
    let records = if from < log_end {
        reader::read_records(
            settings,
            &a.topic,
            a.partition,
            from,
            a.count as i64,
            cancel,
        )?
    } else {
        Vec::new()
    };
    if records.is_empty() {
        printer.info(format!(
            "group `{}` is at the end of {}/{} (offset {from}): nothing to skip",
            escape_line(&a.group),
            escape_line(&a.topic),
            a.partition
        ));
        return Ok(None);
    }
    Ok(Some(SkipPlan {
        parts: parts.len(),
        described,
        from,
        metadata,
        records,
    }))
}

fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Show the plan where it is asked for (--dry-run) or a person answers for it; false: go no
/// further.
fn ask(
    a: &GroupsSkipArgs,
    plan: &SkipPlan,
    settings: &Settings,
    printer: &mut Printer,
) -> Result<bool> {
    if !a.dry_run && (a.yes || !interactive()) {
        return Ok(true);
    }
    let from = plan.from;
    show(&plan.records, a, settings, printer)?;
    // The records before the question about them.
    printer.flush()?;
    printer.info(format!(
        "{} {} record(s) of {}/{} (offsets {from}..{}) to `{}`, then commit offset {} for group `{}`",
        if a.dry_run { "would copy" } else { "will copy" },
        plan.records.len(),
        escape_line(&a.topic),
        a.partition,
        plan.end() - 1,
        escape_line(&a.to),
        plan.end(),
        escape_line(&a.group)
    ));
    if a.dry_run {
        if printer.is_json() {
            printer.json(&Receipt {
                kind: "receipt",
                group: &a.group,
                topic: &a.topic,
                partition: a.partition,
                from,
                to: from,
                quarantine: &a.to,
                quarantined: 0,
                already_quarantined: 0,
                dry_run: true,
            })?;
        }
        printer.flush()?;
        return Ok(false);
    }
    if !confirm(plan.records.len(), a, from)? {
        printer.info("nothing changed");
        return Ok(false);
    }
    Ok(true)
}

/// Test hook: `EVTCTL_TEST_PAUSE=POINT` makes `skip` say on stderr that it reached POINT
/// (`before-send`, or `sent:N` after the Nth copy was sent) and wait there for Ctrl-C (at most
/// a minute), so a test interrupts it exactly there.
fn pause_at(hook: Option<&str>, point: impl FnOnce() -> String, cancel: &AtomicBool) {
    let Some(hook) = hook else { return };
    let point = point();
    if hook != point {
        return;
    }
    crate::ewriteln!("evtctl: test: paused at {point}");
    let until = Instant::now() + Duration::from_secs(60);
    while !cancel.load(Ordering::SeqCst) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Copy the records not already quarantined, each with evtctl's dead-letter headers, and wait
/// for the broker's answers. Ctrl-C before the first copy is sent changes nothing (exit 130);
/// after it, no further copy is sent and those in flight are settled.
fn copy(
    a: &GroupsSkipArgs,
    settings: &Settings,
    plan: &SkipPlan,
    done: &BTreeSet<i64>,
    cancel: &AtomicBool,
) -> Result<Copied> {
    let hook = std::env::var("EVTCTL_TEST_PAUSE").ok();
    let hook = hook.as_deref();
    let writer = Writer::new(
        settings,
        &WriterOptions {
            delivery_timeout: Some(settings.timeout.max(Duration::from_secs(30))),
            ..WriterOptions::default()
        },
    )?;
    pause_at(hook, || "before-send".to_string(), cancel);
    let at = format_millis(now_ms());
    let mut out = Copied::default();
    for (i, r) in plan.records.iter().enumerate() {
        let offset = plan.offset(i);
        if done.contains(&offset) {
            continue;
        }
        if cancel.load(Ordering::SeqCst) {
            out.interrupted = true;
            break;
        }
        let headers = quarantine_headers(
            r,
            &a.topic,
            a.partition,
            offset,
            &a.group,
            a.reason.as_deref(),
            &at,
        );
        writer.send(
            &Outgoing {
                topic: &a.to,
                partition: None,
                key: r.key.as_deref(),
                value: r.value.as_deref(),
                headers: OutHeaders::Owned(&headers),
                timestamp: r.timestamp,
            },
            i as u64,
            &mut out.deliveries,
        );
        out.sent += 1;
        pause_at(hook, || format!("sent:{}", out.sent), cancel);
    }
    if out.sent == 0 && cancel.load(Ordering::SeqCst) {
        // Nothing was sent: nothing changed.
        return Err(Interrupted.into());
    }
    writer.drain(&mut out.deliveries, || crate::interrupts() >= 2);
    Ok(out)
}

/// Where the group may go: past the records whose copies were acknowledged or that an earlier
/// run had copied, up to the first that is neither. A copy the broker refused commits nothing
/// (exit 4); so does one not acknowledged unless Ctrl-C cut the wait short.
fn settle(
    a: &GroupsSkipArgs,
    plan: &SkipPlan,
    done: &BTreeSet<i64>,
    copied: &Copied,
) -> Result<Settled> {
    let failed: Vec<String> = copied
        .deliveries
        .iter()
        .filter_map(|d| {
            d.result
                .as_ref()
                .err()
                .map(|e| format!("offset {}: {e}", plan.offset(d.id as usize)))
        })
        .collect();
    let acked: BTreeSet<u64> = copied
        .deliveries
        .iter()
        .filter(|d| d.result.is_ok())
        .map(|d| d.id)
        .collect();
    if !failed.is_empty() || (!copied.interrupted && acked.len() < copied.sent) {
        let shown = failed.len().min(5);
        return Err(PartialFailure(format!(
            "{} of {} copies to `{}` were not acknowledged ({}{}); nothing was committed: \
             group `{}` stays at offset {} of {}/{}",
            copied.sent - acked.len(),
            copied.sent,
            escape_line(&a.to),
            failed[..shown].join("; "),
            if failed.len() > shown {
                format!("; and {} more", failed.len() - shown)
            } else {
                String::new()
            },
            escape_line(&a.group),
            plan.from,
            escape_line(&a.topic),
            a.partition
        ))
        .into());
    }
    let mut out = Settled {
        to: plan.from,
        copied: 0,
        already: 0,
    };
    for i in 0..plan.records.len() {
        let offset = plan.offset(i);
        if done.contains(&offset) {
            out.already += 1;
        } else if acked.contains(&(i as u64)) {
            out.copied += 1;
        } else {
            break;
        }
        out.to = offset + 1;
    }
    Ok(out)
}

/// Commit offset `to` for the group, the way `access` found it may be done.
fn commit(a: &GroupsSkipArgs, settings: &Settings, access: &Access, to: i64) -> Result<()> {
    if std::env::var_os("EVTCTL_TEST_EXIT_BEFORE_COMMIT").is_some() {
        // Test hook: die between the acknowledgement and the commit, as a crash would.
        std::process::exit(9);
    }
    let copied = || {
        format!(
            "the copies are in `{}`; a rerun finds them there and does not copy them again",
            escape_line(&a.to)
        )
    };
    let here = [(a.topic.clone(), a.partition, to, String::new())];
    match access {
        Access::Member(m) => m.commit(&here).map_err(|e| e.context(copied())),
        Access::Outside => match groups::commit_outside(settings, &a.group, &here)
            .map_err(|e| e.context(copied()))?
        {
            CommitOutcome::Committed => Ok(()),
            CommitOutcome::RefusedLiveGroup(why) => Err(ProblemsFound(format!(
                "group `{}` gained members while evtctl worked: the broker refused the commit \
                 ({why}); {}. Stop its consumers, then run this again",
                escape_line(&a.group),
                copied()
            ))
            .into()),
        },
    }
}

fn receipt(a: &GroupsSkipArgs, plan: &SkipPlan, s: &Settled, printer: &mut Printer) -> Result<()> {
    let from = plan.from;
    let taken = s.copied + s.already;
    if printer.is_json() {
        printer.json(&Receipt {
            kind: "receipt",
            group: &a.group,
            topic: &a.topic,
            partition: a.partition,
            from,
            to: s.to,
            quarantine: &a.to,
            quarantined: s.copied,
            already_quarantined: s.already,
            dry_run: false,
        })?;
    } else if taken > 0 {
        printer.line(&format!(
            "quarantined {taken} record(s) of {}/{} (offsets {from}..{}) in `{}`{}; group `{}` now at offset {}",
            escape_line(&a.topic),
            a.partition,
            s.to - 1,
            escape_line(&a.to),
            if s.already > 0 {
                format!(" ({} already there from an earlier run)", s.already)
            } else {
                String::new()
            },
            escape_line(&a.group),
            s.to
        ))?;
    }
    printer.flush()?;
    if taken < plan.records.len() {
        printer.warn(format!(
            "interrupted: {} of {} record(s) not taken; group `{}` stays before them, at offset {}",
            plan.records.len() - taken,
            plan.records.len(),
            escape_line(&a.group),
            s.to
        ));
    }
    if taken > 0 && !printer.is_json() {
        printer.info(format!(
            "after the fix, put them back with: evtctl dlq redrive {}",
            escape_line(&a.to)
        ));
    }
    Ok(())
}

/// The records `skip` would take: envelopes in JSON, escaped blocks for people.
fn show(
    records: &[Record],
    a: &GroupsSkipArgs,
    settings: &Settings,
    printer: &mut Printer,
) -> Result<()> {
    for r in records {
        let hs: Vec<(&str, Option<&[u8]>)> = r
            .headers
            .iter()
            .map(|h| (h.name.as_str(), h.value.as_deref()))
            .collect();
        let v = RecordView {
            topic: &a.topic,
            partition: a.partition,
            offset: r.offset.unwrap_or(-1),
            timestamp: r.timestamp,
            timestamp_type: None,
            key: r.key.as_deref(),
            headers: &hs,
            value: r.value.as_deref(),
        };
        // Decoded with the registry (Avro, Protobuf, framed JSON) where it can be.
        let reg = crate::registry::view::display_registry(settings);
        let decoder = reg.as_ref().and_then(|r| {
            crate::registry::view::Decoder::new(r, None, None)
                .ok()
                .flatten()
        });
        if printer.is_json() {
            let mut line = Vec::new();
            crate::registry::view::json_line(decoder.as_ref(), &v, &mut line);
            printer.write(&line)?;
        } else {
            let text = crate::registry::view::pretty(decoder.as_ref(), &v, &printer.styles);
            printer.write(text.as_bytes())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(topic: &str, p: i32, committed: Option<i64>, lag: Option<i64>) -> PartitionLag {
        PartitionLag {
            topic: topic.into(),
            partition: p,
            committed,
            log_start: 0,
            log_end: 10,
            lag,
            timestamp: None,
            time_lag_ms: None,
            member: None,
            stuck: false,
        }
    }

    #[test]
    fn stuck_means_lagging_and_not_moving() {
        let prev: BTreeMap<(String, i32), Option<i64>> = [
            (("t".to_string(), 0), Some(4)),
            (("t".to_string(), 1), Some(4)),
            (("t".to_string(), 2), Some(10)),
        ]
        .into();
        let mut rows = vec![
            row("t", 0, Some(4), Some(6)),
            row("t", 1, Some(5), Some(5)),
            row("t", 2, Some(10), Some(0)),
            row("t", 3, Some(1), Some(9)),
        ];
        mark_stuck(&prev, &mut rows);
        let stuck: Vec<bool> = rows.iter().map(|r| r.stuck).collect();
        assert_eq!(stuck, [true, false, false, false]);
    }

    #[test]
    fn describe_text_escapes_and_marks() {
        let mut stuck = row("orders", 3, Some(41), Some(7));
        stuck.stuck = true;
        stuck.time_lag_ms = Some(192_500);
        stuck.member = Some(Owner {
            member_id: "m-1".into(),
            client_id: "billing".into(),
            host: "/10.0.0.7".into(),
        });
        let r = Report {
            group: "bill\x1b[31ming".into(),
            state: Some("Stable".into()),
            protocol_type: Some("consumer".into()),
            protocol: Some("range".into()),
            members: Some(vec![MemberOut {
                member_id: "m-1".into(),
                client_id: "billing".into(),
                host: "/10.0.0.7".into(),
                assignment: vec![TopicPartitions {
                    topic: "orders".into(),
                    partitions: vec![3],
                }],
            }]),
            members_note: None,
            partitions: vec![stuck],
            lag: 7,
            sampled_at: 0,
        };
        let text = describe_text(&r, true, true);
        assert!(
            text.starts_with(
                "group bill\\e[31ming  state Stable  protocol consumer/range  members 1\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("member m-1 (client billing) on /10.0.0.7  assigned orders:3"),
            "{text}"
        );
        assert!(text.contains("3m 12s"), "{text}");
        assert!(text.contains("billing /10.0.0.7  STUCK"), "{text}");
        assert!(text.contains("total lag 7  ·  1 stuck"), "{text}");
    }

    #[test]
    fn ages_for_people() {
        assert_eq!(age(300), "<1s");
        assert_eq!(age(192_500), "3m 12s");
    }

    #[test]
    fn quarantine_headers_follow_the_record_own() {
        let r = Record {
            headers: vec![Header {
                name: "traceparent".into(),
                value: Some(b"00-x".to_vec()),
            }],
            ..Record::default()
        };
        let hs = quarantine_headers(
            &r,
            "orders",
            3,
            42,
            "billing",
            Some("NPE"),
            "2026-01-01T00:00:00.000Z",
        );
        let names: Vec<&str> = hs.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "traceparent",
                QUARANTINE_OWN_HEADERS,
                QUARANTINE_TOPIC,
                QUARANTINE_PARTITION,
                QUARANTINE_OFFSET,
                QUARANTINE_GROUP,
                QUARANTINE_REASON,
                QUARANTINE_AT
            ]
        );
        assert_eq!(hs[1].value.as_deref(), Some(&b"1"[..]), "one own header");
        assert_eq!(hs[4].value.as_deref(), Some(&b"42"[..]));
    }
}
