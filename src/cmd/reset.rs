//! `evtctl groups reset`: move a group's committed offsets. Prints the plan unless --execute;
//! commits nothing while the group has members.

use super::groups::{Access, Change};
use crate::cli::GroupsResetArgs;
use crate::config::Settings;
use crate::error::{usage, Interrupted};
use crate::kafka::admin::Admin;
use crate::kafka::groups;
use crate::kafka::reader::{self, Event, Flow, Range, Reader};
use crate::output::sanitize::escape_line;
use crate::output::Printer;
use crate::position::{now_ms, parse_start, Start, StartSpec};
use anyhow::{Context, Result};
use comfy_table::{presets, CellAlignment, Table};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};

/// Offsets by topic and partition.
pub type Offsets = BTreeMap<(String, i32), i64>;

/// What the new offsets are.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    To(StartSpec),
    ShiftBy(i64),
    /// Saved offsets: (topic, partition) → offset.
    Saved(Offsets),
}

/// `orders` or `orders:0,3`.
pub fn parse_topic(s: &str) -> Result<(String, Vec<i32>)> {
    match s.split_once(':') {
        None => Ok((s.to_string(), Vec::new())),
        Some((t, ps)) => {
            let parts = ps
                .split(',')
                .map(|p| {
                    p.trim()
                        .parse::<i32>()
                        .map_err(|_| usage(format!("--topic `{s}`: `{p}` is not a partition")))
                })
                .collect::<Result<Vec<_>>>()?;
            if t.is_empty() {
                return Err(usage(format!("--topic `{s}`: no topic name")));
            }
            Ok((t.to_string(), parts))
        }
    }
}

/// Offsets saved by `groups describe -o json`: its last document, checked entry by entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The group the offsets were saved from, when the file names one.
    pub group: Option<String>,
    /// The line of the document the offsets come from (1-based).
    pub line: usize,
    /// (topic, partition) → (offset, index in `partitions`).
    pub entries: BTreeMap<(String, i32), (i64, usize)>,
}

impl Saved {
    pub fn offsets(&self) -> Offsets {
        self.entries
            .iter()
            .map(|(k, &(o, _))| (k.clone(), o))
            .collect()
    }
}

/// A JSON value quoted for an error line: short, one line, escaped.
fn quoted(v: &serde_json::Value) -> String {
    let mut text = v.to_string();
    if text.chars().count() > 40 {
        text = text.chars().take(40).collect::<String>() + "…";
    }
    escape_line(&text).into_owned()
}

/// The committed offsets in `groups describe -o json` output (its last document). Every entry
/// must name a topic and a partition once, with a committed offset that is a non-negative
/// integer: anything else is an error naming the file (`name`), line and entry, never an entry
/// dropped or overridden.
pub fn parse_saved(name: &str, text: &str) -> Result<Saved> {
    let (index, last) = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .last()
        .ok_or_else(|| usage(format!("{name}: the file is empty")))?;
    let line = index + 1;
    let doc: serde_json::Value = serde_json::from_str(last).map_err(|e| {
        usage(format!(
            "{name}:{line}: not `groups describe -o json` output: {e}"
        ))
    })?;
    let parts = doc["partitions"].as_array().ok_or_else(|| {
        usage(format!(
            "{name}:{line}: not `groups describe -o json` output: no `partitions` list"
        ))
    })?;
    let group = match &doc["group"] {
        serde_json::Value::Null => None,
        serde_json::Value::String(g) => Some(g.clone()),
        other => {
            return Err(usage(format!(
                "{name}:{line}: `group` is {}, not a group name",
                quoted(other)
            )))
        }
    };
    let mut entries = BTreeMap::new();
    for (i, p) in parts.iter().enumerate() {
        let at = format!("{name}:{line}: partitions[{i}]");
        let Some(topic) = p["topic"].as_str().filter(|t| !t.is_empty()) else {
            return Err(usage(format!(
                "{at}: `topic` is {}, not a topic name",
                quoted(&p["topic"])
            )));
        };
        let Some(partition) = p["partition"].as_u64().and_then(|n| i32::try_from(n).ok()) else {
            return Err(usage(format!(
                "{at}: `partition` is {}, not a partition number",
                quoted(&p["partition"])
            )));
        };
        let what = format!("{at} ({}/{partition})", escape_line(topic));
        let offset = match &p["committed"] {
            serde_json::Value::Null => {
                return Err(usage(format!(
                    "{what}: `committed` is null: the group had no committed offset there, and a \
                     reset cannot restore that; remove the entry to leave the partition as it is"
                )))
            }
            v => v
                .as_u64()
                .and_then(|o| i64::try_from(o).ok())
                .ok_or_else(|| {
                    usage(format!(
                        "{what}: `committed` is {}, not an offset (a non-negative integer)",
                        quoted(v)
                    ))
                })?,
        };
        if let Some(&(_, first)) = entries.get(&(topic.to_string(), partition)) {
            return Err(usage(format!(
                "{what}: the partition is listed twice (first as partitions[{first}])"
            )));
        }
        entries.insert((topic.to_string(), partition), (offset, i));
    }
    Ok(Saved {
        group,
        line,
        entries,
    })
}

/// `current` moved by `n`, within the log (`low`..=`high`): a shift past either end stops there
/// (a wrapping sum once rewound a huge forward shift to the start).
fn shifted(current: i64, n: i64, (low, high): (i64, i64)) -> i64 {
    // max then min, not clamp: broker watermarks with low > high must not panic.
    current.saturating_add(n).max(low).min(high)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Move {
    pub topic: String,
    pub partition: i32,
    pub current: Option<i64>,
    pub new: i64,
    pub log_start: i64,
    pub log_end: i64,
    /// Records the group will no longer read.
    pub skips: i64,
    /// Records the group will read again.
    pub rereads: i64,
}

impl Move {
    fn new(topic: &str, partition: i32, current: Option<i64>, new: i64, marks: (i64, i64)) -> Move {
        let (skips, rereads) = match current {
            Some(c) if new > c => (new.saturating_sub(c), 0),
            Some(c) => (0, c.saturating_sub(new)),
            None => (0, 0),
        };
        Move {
            topic: topic.to_string(),
            partition,
            current,
            new,
            log_start: marks.0,
            log_end: marks.1,
            skips,
            rereads,
        }
    }
}

#[derive(Debug, Serialize)]
struct PlanOut<'a> {
    kind: &'static str,
    group: &'a str,
    executed: bool,
    partitions: &'a [Move],
}

/// The first offset at or after `t` per range (the end where there is none), read rather than
/// trusted: some brokers look up by write time or not at all.
fn first_at_or_after(
    settings: &Settings,
    ranges: &[Range],
    cancel: &AtomicBool,
) -> Result<BTreeMap<i32, i64>> {
    let open: Vec<Range> = ranges
        .iter()
        .filter(|r| r.stop.is_some_and(|s| r.start < s))
        .cloned()
        .collect();
    let mut found = BTreeMap::new();
    if open.is_empty() {
        return Ok(found);
    }
    let want = open.len();
    let mut reader = Reader::open(settings, &open, None, None)?;
    reader.run(cancel, |ev| {
        if let Event::Record(v) = ev {
            found.entry(v.partition).or_insert(v.offset);
            if found.len() == want {
                return Ok(Flow::Stop);
            }
        }
        Ok(Flow::Continue)
    })?;
    if cancel.load(Ordering::Relaxed) {
        return Err(Interrupted.into());
    }
    Ok(found)
}

pub fn plan(
    admin: &Admin,
    settings: &Settings,
    group: &str,
    selection: &[(String, Vec<i32>)],
    target: &Target,
    cancel: &AtomicBool,
) -> Result<Vec<Move>> {
    let committed = reader::committed(settings, group, selection)?;
    let mut moves = Vec::new();
    for (topic, parts) in selection {
        let marks = admin.log_ends(topic, parts)?;
        let by_time = match target {
            Target::To(spec) => {
                let (ranges, _) = reader::resolve(
                    admin,
                    std::slice::from_ref(topic),
                    parts,
                    spec,
                    Start::End,
                    Some(crate::position::Stop::End),
                    None,
                )?;
                let timed: Vec<Range> = ranges
                    .iter()
                    .filter(|r| r.start_time.is_some())
                    .cloned()
                    .collect();
                let found = first_at_or_after(settings, &timed, cancel)?;
                ranges
                    .iter()
                    .map(|r| {
                        let at = if r.start_time.is_some() {
                            found
                                .get(&r.partition)
                                .copied()
                                .unwrap_or(r.stop.unwrap_or(r.start))
                        } else {
                            r.start
                        };
                        (r.partition, at)
                    })
                    .collect::<BTreeMap<i32, i64>>()
            }
            _ => BTreeMap::new(),
        };
        for (i, &p) in parts.iter().enumerate() {
            let (low, high) = marks[i];
            let current = committed.get(&(topic.clone(), p)).copied();
            let new = match target {
                Target::To(_) => by_time[&p],
                Target::ShiftBy(n) => match current {
                    Some(c) => shifted(c, *n, (low, high)),
                    None => {
                        return Err(usage(format!(
                            "group `{}` has no committed offset on {}/{p} to shift; use --to",
                            escape_line(group),
                            escape_line(topic)
                        )))
                    }
                },
                Target::Saved(saved) => match saved.get(&(topic.clone(), p)) {
                    Some(&o) => o,
                    None => continue,
                },
            };
            moves.push(Move::new(
                topic,
                p,
                current,
                new.max(low).min(high),
                (low, high),
            ));
        }
    }
    Ok(moves)
}

fn table_text(moves: &[Move]) -> String {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING).set_header(vec![
        "TOPIC",
        "PARTITION",
        "CURRENT",
        "NEW",
        "CHANGE",
    ]);
    for m in moves {
        let change = if m.current.is_none() {
            "first position".to_string()
        } else if m.skips > 0 {
            format!("skips {}", m.skips)
        } else if m.rereads > 0 {
            format!("reads {} again", m.rereads)
        } else {
            "-".to_string()
        };
        t.add_row(vec![
            escape_line(&m.topic).into_owned(),
            m.partition.to_string(),
            m.current.map_or("-".to_string(), |c| c.to_string()),
            m.new.to_string(),
            change,
        ]);
    }
    for i in 1..4 {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    t.to_string()
}

/// Commit the plan: from outside the group, never by joining it to see whether it has members
/// (see `groups::access`); nothing while it has them.
fn execute(
    admin: &Admin,
    settings: &Settings,
    a: &GroupsResetArgs,
    selection: &[(String, Vec<i32>)],
    moves: &[Move],
    printer: &Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let described = admin.describe_group(&a.group)?;
    let positions: Vec<groups::Position> = moves
        .iter()
        .map(|m| (m.topic.clone(), m.partition, m.new, String::new()))
        .collect();
    let topics: Vec<(String, usize)> = selection
        .iter()
        .map(|(t, _)| Ok((t.clone(), admin.partitions(t)?.len())))
        .collect::<Result<_>>()?;
    // Where the broker accepts the commit from outside, that was it.
    let change = Change {
        group: &a.group,
        described: &described,
        probe: &positions,
        topics: &topics,
        consumers_stopped: a.consumers_stopped,
    };
    match super::groups::access(settings, &change, printer, cancel)? {
        Access::Outside => Ok(()),
        Access::Member(m) => m.commit(&positions),
    }
}

/// The longest `--from-file` read: a describe document is about 200 bytes per partition.
const MAX_SAVED_BYTES: u64 = 64 << 20;

fn read_saved(path: &std::path::Path, name: &str) -> Result<String> {
    use std::io::Read;
    let file = std::fs::File::open(path)
        .with_context(|| format!("reading {name}"))
        .map_err(|e| usage(format!("{e:#}")))?;
    let mut text = String::new();
    file.take(MAX_SAVED_BYTES + 1)
        .read_to_string(&mut text)
        .with_context(|| format!("reading {name}"))
        .map_err(|e| usage(format!("{e:#}")))?;
    if text.len() as u64 > MAX_SAVED_BYTES {
        return Err(usage(format!(
            "{name}: larger than {} MiB: not `groups describe -o json` output",
            MAX_SAVED_BYTES >> 20
        )));
    }
    Ok(text)
}

/// The partitions of `topic`, for a topic the saved file names: a topic that no longer exists
/// is an error located at the file's first entry for it.
fn saved_partitions(admin: &Admin, name: &str, saved: &Saved, topic: &str) -> Result<Vec<i32>> {
    admin.partitions(topic).map_err(|e| {
        match saved
            .entries
            .iter()
            .filter(|((t, _), _)| t == topic)
            .map(|(_, &(_, i))| i)
            .min()
        {
            Some(i) if crate::error::exit_for(&e) == crate::error::Exit::Usage => {
                usage(format!("{name}:{}: partitions[{i}]: {e:#}", saved.line))
            }
            _ => e,
        }
    })
}

/// Every saved entry for `topic` names one of its partitions (`all`), and every partition asked
/// for (`only`) has an entry.
fn check_saved(name: &str, saved: &Saved, topic: &str, all: &[i32], only: &[i32]) -> Result<()> {
    for ((t, p), &(_, i)) in &saved.entries {
        if t == topic && !all.contains(p) {
            return Err(usage(format!(
                "{name}:{}: partitions[{i}] ({}/{p}): topic `{}` has no partition {p} here \
                 (it has {}); nothing was reset",
                saved.line,
                escape_line(t),
                escape_line(t),
                all.len()
            )));
        }
    }
    if let Some(p) = only
        .iter()
        .find(|p| !saved.entries.contains_key(&(topic.to_string(), **p)))
    {
        return Err(usage(format!(
            "{name} has no committed offset for {}/{p}; nothing was reset",
            escape_line(topic)
        )));
    }
    Ok(())
}

pub fn reset(
    a: &GroupsResetArgs,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let admin = Admin::connect(settings)?;
    let mut wanted: Vec<(String, Vec<i32>)> = a
        .topics
        .iter()
        .map(|t| parse_topic(t))
        .collect::<Result<_>>()?;
    let mut saved_file = None;
    let target = if let Some(path) = &a.from_file {
        let name = escape_line(&path.display().to_string()).into_owned();
        let saved = parse_saved(&name, &read_saved(path, &name)?)?;
        if let Some(g) = saved.group.as_ref().filter(|g| **g != a.group) {
            printer.warn(format!(
                "{name} holds the offsets of group `{}`; restoring them for group `{}`",
                escape_line(g),
                escape_line(&a.group)
            ));
        }
        if wanted.is_empty() {
            let mut by_topic: BTreeMap<String, Vec<i32>> = BTreeMap::new();
            for (t, p) in saved.entries.keys() {
                by_topic.entry(t.clone()).or_default().push(*p);
            }
            wanted = by_topic.into_iter().collect();
        }
        let target = Target::Saved(saved.offsets());
        saved_file = Some((name, saved));
        target
    } else if let Some(n) = a.shift_by {
        Target::ShiftBy(n)
    } else {
        let to = a.to.as_deref().unwrap_or("latest");
        let spec = parse_start(to, now_ms())
            .map_err(|e| usage(format!("{e:#}").replace("--from", "--to").to_string()))?;
        Target::To(spec)
    };
    let mut selection = Vec::new();
    for (topic, only) in wanted {
        let all = match &saved_file {
            Some((name, saved)) => saved_partitions(&admin, name, saved, &topic)?,
            None => admin.partitions(&topic)?,
        };
        if let Some((name, saved)) = &saved_file {
            check_saved(name, saved, &topic, &all, &only)?;
        }
        for p in &only {
            if !all.contains(p) {
                return Err(usage(format!(
                    "topic `{}` has no partition {p} (it has {})",
                    escape_line(&topic),
                    all.len()
                )));
            }
        }
        let parts = if only.is_empty() { all } else { only };
        selection.push((topic, parts));
    }
    let moves = plan(&admin, settings, &a.group, &selection, &target, cancel)?;

    if a.execute {
        execute(&admin, settings, a, &selection, &moves, printer, cancel)?;
    }
    if printer.is_json() {
        printer.json(&PlanOut {
            kind: "plan",
            group: &a.group,
            executed: a.execute,
            partitions: &moves,
        })?;
    } else if moves.is_empty() {
        printer.info("no partitions to reset");
    } else {
        printer.line(&table_text(&moves))?;
    }
    printer.flush()?;
    if a.execute {
        printer.info(format!(
            "group `{}`: {}",
            escape_line(&a.group),
            reset_summary(&moves)
        ));
    } else {
        printer.info("this is the plan; nothing changed (add --execute to commit it)");
    }
    Ok(())
}

/// `2 partitions moved, 1 already at its new offset`: what an executed plan changed.
fn reset_summary(moves: &[Move]) -> String {
    let moved = moves.iter().filter(|m| m.current != Some(m.new)).count();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let mut s = format!("{moved} partition{} moved", plural(moved));
    let same = moves.len() - moved;
    if same > 0 {
        s.push_str(&format!(
            ", {same} already at {} new offset",
            if same == 1 { "its" } else { "their" }
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_only_partitions_that_moved() {
        let at = |current, new| Move::new("t", 0, current, new, (0, 20));
        assert_eq!(
            reset_summary(&[at(Some(3), 1), at(Some(1), 1), at(Some(1), 1)]),
            "1 partition moved, 2 already at their new offset"
        );
        assert_eq!(
            reset_summary(&[at(Some(3), 1), at(None, 1)]),
            "2 partitions moved"
        );
        assert_eq!(
            reset_summary(&[at(Some(1), 1)]),
            "0 partitions moved, 1 already at its new offset"
        );
    }

    #[test]
    fn topics_with_partitions() {
        assert_eq!(parse_topic("orders").unwrap(), ("orders".into(), vec![]));
        assert_eq!(
            parse_topic("orders:0,3").unwrap(),
            ("orders".into(), vec![0, 3])
        );
        assert!(parse_topic("orders:x").is_err());
        assert!(parse_topic(":1").is_err());
    }

    #[test]
    fn change_is_skips_or_rereads() {
        let m = Move::new("t", 0, Some(10), 15, (0, 20));
        assert_eq!((m.skips, m.rereads), (5, 0));
        let m = Move::new("t", 0, Some(10), 4, (0, 20));
        assert_eq!((m.skips, m.rereads), (0, 6));
        let m = Move::new("t", 0, None, 4, (0, 20));
        assert_eq!((m.skips, m.rereads), (0, 0));
    }

    #[test]
    fn saved_offsets_come_from_the_last_document() {
        let text = r#"{"group":"g","partitions":[{"topic":"t","partition":0,"committed":1}]}
{"group":"g","partitions":[{"topic":"t","partition":0,"committed":7},{"topic":"t","partition":1,"committed":0}]}
"#;
        let saved = parse_saved("f", text).unwrap();
        assert_eq!((saved.group.as_deref(), saved.line), (Some("g"), 2));
        assert_eq!(
            saved.offsets(),
            BTreeMap::from([(("t".to_string(), 0), 7), (("t".to_string(), 1), 0)])
        );
        assert!(parse_saved("f", "").is_err());
        assert!(parse_saved("f", "{}").is_err());
    }

    #[test]
    fn a_saved_entry_that_is_not_an_offset_is_a_located_error() {
        let doc = |committed: &str| {
            format!(
                "\n{{\"group\":\"g\",\"partitions\":[{{\"topic\":\"t\",\"partition\":0,\"committed\":5}},\
                 {{\"topic\":\"t\",\"partition\":1,\"committed\":{committed}}}]}}\n"
            )
        };
        for bad in [
            "3.7",
            "\"3\"",
            "1e30",
            "null",
            "-1",
            "3.0",
            "9223372036854775808",
            "true",
            "[3]",
        ] {
            let e = parse_saved("backup.json", &doc(bad)).unwrap_err();
            let msg = format!("{e:#}");
            assert!(
                msg.starts_with("backup.json:2: partitions[1] (t/1): `committed`"),
                "{bad}: {msg}"
            );
            assert_eq!(crate::error::exit_for(&e), crate::error::Exit::Usage);
        }
        assert!(parse_saved("f", &doc("9223372036854775807")).is_ok());
    }

    #[test]
    fn a_saved_partition_listed_twice_or_misnamed_is_a_located_error() {
        let twice = r#"{"partitions":[{"topic":"t","partition":0,"committed":5},{"topic":"u","partition":0,"committed":1},{"topic":"t","partition":0,"committed":9}]}"#;
        let msg = format!("{:#}", parse_saved("f", twice).unwrap_err());
        assert!(
            msg.starts_with(
                "f:1: partitions[2] (t/0): the partition is listed twice (first as partitions[0])"
            ),
            "{msg}"
        );
        for (entry, field) in [
            (
                r#"{"topic":"t","partition":4294967296,"committed":1}"#,
                "partition",
            ),
            (r#"{"topic":"t","partition":-1,"committed":1}"#, "partition"),
            (
                r#"{"topic":"t","partition":"0","committed":1}"#,
                "partition",
            ),
            (r#"{"topic":"t","committed":1}"#, "partition"),
            (r#"{"topic":7,"partition":0,"committed":1}"#, "topic"),
            (r#"{"topic":"","partition":0,"committed":1}"#, "topic"),
        ] {
            let text = format!(r#"{{"partitions":[{entry}]}}"#);
            let msg = format!("{:#}", parse_saved("f", &text).unwrap_err());
            assert!(
                msg.starts_with(&format!("f:1: partitions[0]: `{field}` is")),
                "{entry}: {msg}"
            );
        }
        let msg = format!(
            "{:#}",
            parse_saved("f", r#"{"group":["x"],"partitions":[]}"#).unwrap_err()
        );
        assert!(msg.starts_with("f:1: `group` is"), "{msg}");
    }

    #[test]
    fn a_shift_past_either_end_saturates() {
        assert_eq!(shifted(5, i64::MAX, (2, 10)), 10);
        assert_eq!(shifted(5, i64::MAX - 2, (2, 10)), 10);
        assert_eq!(shifted(5, i64::MIN, (2, 10)), 2);
        assert_eq!(shifted(i64::MAX, 1, (2, 10)), 10);
        assert_eq!(shifted(5, -1, (2, 10)), 4);
        // Watermarks come from the broker: a log start past its end must not panic.
        assert_eq!(shifted(5, 1, (10, 2)), 2);
        let m = Move::new("t", 0, Some(i64::MAX), 0, (0, 10));
        assert_eq!((m.skips, m.rereads), (0, i64::MAX));
    }
}
