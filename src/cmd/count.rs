//! `evtctl count`: how many records per partition and in total, between two positions.
//!
//! Without `--filter` nothing is read: the count is the span of offsets between the resolved
//! start and stop (exact for offset bounds; time bounds through the broker's ListOffsets by
//! time, checked against the records' own times by reading forward from each offset it names
//! to the first record at or after the time: one record per partition from an exact broker, a
//! few from one that looks up by write time; where the broker cannot answer by time, as the
//! embedded one cannot, that is said and the range is read instead). On compacted or transactional topics an offset span can be
//! larger than the number of records: `--filter true` reads and counts exactly. With a filter,
//! the range is read and the matching records counted. Joins no group, commits nothing.

use crate::cli::CountArgs;
use crate::config::Settings;
use crate::error::{usage, Interrupted};
use crate::kafka::admin::Admin;
use crate::kafka::reader::{self, Event, Flow, Range, ReadEnd, Reader};
use crate::output::sanitize::escape_line;
use crate::output::Printer;
use crate::position::{now_ms, parse_start, parse_stop, Start, StartSpec, Stop};
use anyhow::Result;
use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;

/// How the numbers were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Offset arithmetic on the resolved positions.
    Offsets,
    /// Offsets found by the broker's ListOffsets by time.
    TimeLookup,
    /// Every record in the range was read.
    Read,
}

#[derive(Debug, serde::Serialize)]
struct PartitionCount<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    topic: &'a str,
    partition: i32,
    records: u64,
}

#[derive(Debug, serde::Serialize)]
struct Total {
    #[serde(rename = "type")]
    kind: &'static str,
    records: u64,
    partitions: usize,
    method: Method,
}

fn has_time(start: &StartSpec, stop: Stop) -> bool {
    let t = |s: &Start| matches!(s, Start::Time(_));
    matches!(stop, Stop::Time(_))
        || start.default.as_ref().is_some_and(t)
        || start.partitions.iter().any(|(_, s)| t(s))
}

/// Per range: stop − start from offsets alone, looking times up at the broker. None when the
/// broker cannot look offsets up by time.
fn by_offsets(
    admin: &Admin,
    ranges: &[Range],
    start: &StartSpec,
    stop: Stop,
) -> Result<Option<Vec<u64>>> {
    let mut by_topic: BTreeMap<&str, Vec<&Range>> = BTreeMap::new();
    for r in ranges {
        by_topic.entry(&r.topic).or_default().push(r);
    }
    let mut counts: BTreeMap<(&str, i32), u64> = BTreeMap::new();
    for (topic, rs) in by_topic {
        let parts: Vec<i32> = rs.iter().map(|r| r.partition).collect();
        // The end each partition has as `resolve` found it by reading (a broker may under-report
        // its high watermark, as Tansu 0.6 does), where the stop names it.
        let marks: Vec<(i64, i64)> = rs
            .iter()
            .map(|r| {
                let (low, high) = admin.watermarks(topic, r.partition)?;
                Ok(match stop {
                    Stop::End | Stop::Time(_) => (low, r.stop.unwrap_or(high).max(high)),
                    Stop::Offset(_) => (low, high),
                })
            })
            .collect::<Result<_>>()?;
        let mut lookups: BTreeMap<i64, Vec<Option<i64>>> = BTreeMap::new();
        let mut lookup = |t: i64| -> Result<Option<Vec<Option<i64>>>> {
            if let Some(v) = lookups.get(&t) {
                return Ok(Some(v.clone()));
            }
            match reader::time_lookup(admin, topic, &parts, &marks, t)? {
                Some(v) => {
                    let v = refine(admin.settings(), topic, &parts, &marks, &v, t)?;
                    lookups.insert(t, v.clone());
                    Ok(Some(v))
                }
                None => Ok(None),
            }
        };
        for (i, r) in rs.iter().enumerate() {
            let (low, high) = marks[i];
            // `resolve` already clamped offset starts; times are looked up here.
            let begin = match start.for_partition(r.partition) {
                Some(Start::Time(t)) => match lookup(t)? {
                    Some(found) => found[i].unwrap_or(high),
                    None => return Ok(None),
                },
                _ => r.start,
            };
            let end = match stop {
                Stop::End => r.stop.unwrap_or(high),
                Stop::Offset(o) => o.clamp(low, high),
                Stop::Time(t) => match lookup(t)? {
                    Some(found) => found[i].unwrap_or(high),
                    None => return Ok(None),
                },
            };
            counts.insert((topic, r.partition), (end - begin).max(0) as u64);
        }
    }
    Ok(Some(
        ranges
            .iter()
            .map(|r| counts[&(r.topic.as_str(), r.partition)])
            .collect(),
    ))
}

/// Check the broker's time lookup against the records' own times. Kafka names the first record
/// whose time is at or after `t`; a broker that looks up by write time (Tansu 0.6) names one at
/// or before it (a record is written after it is created). Reading forward from the named
/// offset to the first record at or after `t` is exact either way, and reads one record per
/// partition from a broker that is already exact.
fn refine(
    s: &Settings,
    topic: &str,
    parts: &[i32],
    marks: &[(i64, i64)],
    found: &[Option<i64>],
    t: i64,
) -> Result<Vec<Option<i64>>> {
    let mut out = found.to_vec();
    let mut ranges = Vec::new();
    for (i, &p) in parts.iter().enumerate() {
        if let Some(o) = found[i].filter(|&o| o < marks[i].1) {
            ranges.push(Range {
                topic: topic.to_string(),
                partition: p,
                start: o,
                stop: Some(marks[i].1),
                start_time: None,
                stop_time: None,
            });
            out[i] = None;
        }
    }
    if ranges.is_empty() {
        return Ok(out);
    }
    let mut open: std::collections::BTreeSet<i32> = ranges.iter().map(|r| r.partition).collect();
    let mut rd = Reader::open(s, &ranges, None, None)?;
    let never = AtomicBool::new(false);
    rd.run(&never, |ev| {
        if let Event::Record(r) = ev {
            if open.contains(&r.partition) && r.timestamp.is_some_and(|ts| ts >= t) {
                if let Some(i) = parts.iter().position(|&p| p == r.partition) {
                    out[i] = Some(r.offset);
                }
                open.remove(&r.partition);
            }
            if open.is_empty() {
                return Ok(Flow::Stop);
            }
        }
        Ok(Flow::Continue)
    })?;
    Ok(out)
}

pub fn run(
    a: &CountArgs,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
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
    if let Stop::Time(t) = stop {
        if t > now {
            return Err(usage(format!(
                "--until `{}` is in the future: count counts what exists now (use --until end)",
                a.until.as_deref().unwrap_or_default()
            )));
        }
    }
    let filter = a
        .filter
        .as_deref()
        .map(crate::filter::Filter::compile)
        .transpose()?;
    let admin = Admin::connect(settings)?;
    let (ranges, _) = reader::resolve(
        &admin,
        &a.topics,
        &a.partition,
        &start,
        Start::Beginning,
        Some(stop),
        None,
    )?;
    let mut method = if has_time(&start, stop) {
        Method::TimeLookup
    } else {
        Method::Offsets
    };
    let mut counts = match &filter {
        Some(_) => None,
        None => by_offsets(&admin, &ranges, &start, stop)?,
    };
    drop(admin);
    let mut interrupted = false;
    if counts.is_none() {
        if filter.is_none() {
            printer.info(
                "the broker cannot look offsets up by time (ListOffsets by timestamp): counting by reading the range",
            );
        }
        method = Method::Read;
        let index: BTreeMap<(String, i32), usize> = ranges
            .iter()
            .enumerate()
            .map(|(i, r)| ((r.topic.clone(), r.partition), i))
            .collect();
        let mut found = vec![0u64; ranges.len()];
        let mut reader = Reader::open(settings, &ranges, None, None)?;
        let end = reader.run(cancel, |ev| {
            if let Event::Record(r) = ev {
                let keep = match &filter {
                    None => true,
                    Some(f) => f.matches(r.to_json_value()).map_err(|e| {
                        e.context(format!(
                            "--filter failed on {}/{}@{}",
                            escape_line(r.topic),
                            r.partition,
                            r.offset
                        ))
                    })?,
                };
                if keep {
                    if let Some(&i) = index.get(&(r.topic.to_string(), r.partition)) {
                        found[i] += 1;
                    }
                }
            }
            Ok(Flow::Continue)
        })?;
        interrupted = end == ReadEnd::Cancelled;
        counts = Some(found);
    }
    let counts = counts.expect("counted one way or the other");
    let total: u64 = counts.iter().sum();
    if printer.is_json() {
        for (r, &n) in ranges.iter().zip(&counts) {
            printer.json(&PartitionCount {
                kind: "partition",
                topic: &r.topic,
                partition: r.partition,
                records: n,
            })?;
        }
        printer.json(&Total {
            kind: "total",
            records: total,
            partitions: ranges.len(),
            method,
        })?;
    } else {
        let mut t = crate::output::table::new(&["TOPIC", "PARTITION", "RECORDS"]);
        for (r, &n) in ranges.iter().zip(&counts) {
            t.add_row(vec![
                escape_line(&r.topic).into_owned(),
                r.partition.to_string(),
                n.to_string(),
            ]);
        }
        crate::output::table::right_align(&mut t, &[1, 2]);
        printer.line(&crate::output::table::render(&mut t))?;
        printer.line(&format!("total {total}"))?;
        printer.info(match method {
            Method::Offsets => "counted from offsets (no records read)",
            Method::TimeLookup => "counted from offsets found by time (no records read)",
            Method::Read => "counted by reading the range",
        });
    }
    printer.flush()?;
    if interrupted {
        return Err(Interrupted.into());
    }
    Ok(())
}
