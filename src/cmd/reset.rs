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

/// The committed offsets in `groups describe -o json` output (its last document).
pub fn parse_saved(text: &str) -> Result<(Option<String>, Offsets)> {
    let last = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .ok_or_else(|| usage("the file is empty"))?;
    let doc: serde_json::Value = serde_json::from_str(last)
        .map_err(|e| usage(format!("not `groups describe -o json` output: {e}")))?;
    let parts = doc["partitions"]
        .as_array()
        .ok_or_else(|| usage("not `groups describe -o json` output: no `partitions`"))?;
    let mut out = BTreeMap::new();
    for p in parts {
        let (Some(t), Some(n)) = (p["topic"].as_str(), p["partition"].as_i64()) else {
            return Err(usage(format!("a partition without topic or number: {p}")));
        };
        if let Some(o) = p["committed"].as_i64() {
            out.insert((t.to_string(), n as i32), o);
        }
    }
    Ok((doc["group"].as_str().map(str::to_string), out))
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
            Some(c) if new > c => (new - c, 0),
            Some(c) => (0, c - new),
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
                    Some(c) => c + n,
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
                new.clamp(low, high),
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
    let target = if let Some(path) = &a.from_file {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading {}", path.display()))
            .map_err(|e| usage(format!("{e:#}")))?;
        let (saved_group, saved) =
            parse_saved(&text).map_err(|e| usage(format!("{}: {e:#}", path.display())))?;
        if let Some(g) = saved_group.filter(|g| *g != a.group) {
            printer.warn(format!(
                "{} holds the offsets of group `{}`; restoring them for group `{}`",
                path.display(),
                escape_line(&g),
                escape_line(&a.group)
            ));
        }
        if wanted.is_empty() {
            let mut by_topic: BTreeMap<String, Vec<i32>> = BTreeMap::new();
            for (t, p) in saved.keys() {
                by_topic.entry(t.clone()).or_default().push(*p);
            }
            wanted = by_topic.into_iter().collect();
        }
        Target::Saved(saved)
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
        let all = admin.partitions(&topic)?;
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
            "group `{}`: {} partition(s) reset",
            escape_line(&a.group),
            moves.len()
        ));
    } else {
        printer.info("this is the plan; nothing changed (add --execute to commit it)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
{"group":"g","partitions":[{"topic":"t","partition":0,"committed":7},{"topic":"t","partition":1,"committed":null}]}
"#;
        let (g, saved) = parse_saved(text).unwrap();
        assert_eq!(g.as_deref(), Some("g"));
        assert_eq!(saved, BTreeMap::from([(("t".to_string(), 0), 7)]));
        assert!(parse_saved("").is_err());
        assert!(parse_saved("{}").is_err());
    }
}
