//! Moving records from one place to another: the engine `dlq redrive` and `replay` share.
//!
//! The one rule: a source position is handed out for committing only when every record before
//! it was either passed over on purpose or copied *and acknowledged*. A copy that fails pins the
//! position before it for the rest of the run, so a rerun starts there.

use crate::kafka::writer::{Delivery, Outgoing, Writer, WriterOptions};
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Counts for one destination topic, part of the receipt.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Destination {
    pub topic: String,
    /// Copied and acknowledged.
    pub moved: u64,
    /// Sent to this (parking) topic instead of being redriven.
    pub parked: u64,
    /// Not acknowledged: the run stopped there.
    pub failed: u64,
    /// Skipped because they failed validation against the destination's schema.
    pub invalid: u64,
}

#[derive(Default)]
struct Track {
    /// One past the last record examined (sent or passed over); None before the first.
    next: Option<i64>,
    /// Sent, not acknowledged yet.
    pending: BTreeSet<i64>,
    /// The first record whose copy failed.
    failed: Option<i64>,
}

impl Track {
    fn safe(&self) -> Option<i64> {
        let mut p = self.next?;
        if let Some(&f) = self.pending.first() {
            p = p.min(f);
        }
        if let Some(f) = self.failed {
            p = p.min(f);
        }
        Some(p)
    }
}

struct Flying {
    part: usize,
    offset: i64,
    dest: usize,
    parked: bool,
}

/// What is known about every copy: pure bookkeeping, no I/O.
#[derive(Default)]
pub struct Book {
    parts: Vec<((String, i32), Track)>,
    part_index: HashMap<String, HashMap<i32, usize>>,
    dests: Vec<Destination>,
    dest_index: HashMap<String, usize>,
    /// Copies in flight, by delivery id: ids are sequential, so a queue indexed from the oldest
    /// id still flying (acknowledgements arrive nearly in order).
    flying: VecDeque<Option<Flying>>,
    first_id: u64,
    in_flight: usize,
    /// The first failure, described with its source position.
    pub first_failure: Option<String>,
}

impl Book {
    fn part(&mut self, topic: &str, partition: i32) -> usize {
        if let Some(&i) = self.part_index.get(topic).and_then(|m| m.get(&partition)) {
            return i;
        }
        let i = self.parts.len();
        self.parts
            .push(((topic.to_string(), partition), Track::default()));
        self.part_index
            .entry(topic.to_string())
            .or_default()
            .insert(partition, i);
        i
    }

    fn dest(&mut self, topic: &str) -> usize {
        if let Some(&i) = self.dest_index.get(topic) {
            return i;
        }
        let i = self.dests.len();
        self.dests.push(Destination {
            topic: topic.to_string(),
            ..Destination::default()
        });
        self.dest_index.insert(topic.to_string(), i);
        i
    }

    /// A record was examined and deliberately not copied.
    pub fn pass(&mut self, from: (&str, i32, i64)) {
        let i = self.part(from.0, from.1);
        let t = &mut self.parts[i].1;
        t.next = Some(t.next.map_or(from.2 + 1, |n| n.max(from.2 + 1)));
    }

    /// Count a record skipped as invalid against `dest`.
    pub fn invalid(&mut self, from: (&str, i32, i64), dest: &str) {
        self.pass(from);
        let d = self.dest(dest);
        self.dests[d].invalid += 1;
    }

    /// A copy is about to be sent; returns its delivery id.
    pub fn sent(&mut self, from: (&str, i32, i64), dest: &str, parked: bool) -> u64 {
        self.pass(from);
        let part = self.part(from.0, from.1);
        self.parts[part].1.pending.insert(from.2);
        let dest = self.dest(dest);
        let id = self.first_id + self.flying.len() as u64;
        self.flying.push_back(Some(Flying {
            part,
            offset: from.2,
            dest,
            parked,
        }));
        self.in_flight += 1;
        id
    }

    /// Apply delivery reports.
    pub fn settle(&mut self, deliveries: &mut Vec<Delivery>) {
        for d in deliveries.drain(..) {
            let Some(f) =
                d.id.checked_sub(self.first_id)
                    .and_then(|i| self.flying.get_mut(i as usize))
                    .and_then(Option::take)
            else {
                continue;
            };
            self.in_flight -= 1;
            while matches!(self.flying.front(), Some(None)) {
                self.flying.pop_front();
                self.first_id += 1;
            }
            let ((topic, partition), track) = &mut self.parts[f.part];
            track.pending.remove(&f.offset);
            let dest = &mut self.dests[f.dest];
            match d.result {
                Ok(_) if f.parked => dest.parked += 1,
                Ok(_) => dest.moved += 1,
                Err(why) => {
                    dest.failed += 1;
                    track.failed = Some(track.failed.map_or(f.offset, |o| o.min(f.offset)));
                    if self.first_failure.is_none() {
                        self.first_failure = Some(format!(
                            "{topic}/{partition}@{} → {}: {why}",
                            f.offset, dest.topic
                        ));
                    }
                }
            }
        }
    }

    /// Positions safe to commit, per source partition (only those examined so far).
    pub fn positions(&self) -> Vec<(String, i32, i64)> {
        self.parts
            .iter()
            .filter_map(|((t, p), track)| track.safe().map(|o| (t.clone(), *p, o)))
            .collect()
    }

    /// Forget partitions handed to another reader (their positions are committed).
    pub fn forget(&mut self, topic: &str, partitions: &[i32]) {
        for ((t, p), track) in &mut self.parts {
            if t == topic && partitions.contains(p) {
                *track = Track::default();
            }
        }
    }

    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    pub fn failed(&self) -> u64 {
        self.dests.iter().map(|d| d.failed).sum()
    }

    pub fn destinations(&self) -> Vec<Destination> {
        let mut v = self.dests.clone();
        v.sort_by(|a, b| a.topic.cmp(&b.topic));
        v
    }
}

/// A writer and its book, shareable with a rebalance callback.
pub struct Mover {
    writer: Writer,
    book: Mutex<Book>,
}

impl Mover {
    /// A mover with its own writer, tuned for copying: records are read as fast as they are
    /// written, so a shallow queue keeps memory down; an unacknowledged copy fails after
    /// `--timeout` (at least 30 s) rather than librdkafka's 5 minutes.
    pub fn open(settings: &crate::config::Settings) -> anyhow::Result<Mover> {
        let writer = Writer::new(
            settings,
            &WriterOptions {
                compression: None,
                delivery_timeout: Some(settings.timeout.max(Duration::from_secs(30))),
                max_queued: Some(50_000),
            },
        )?;
        Ok(Mover {
            writer,
            book: Mutex::new(Book::default()),
        })
    }

    fn book(&self) -> std::sync::MutexGuard<'_, Book> {
        self.book.lock().expect("book lock")
    }

    pub fn pass(&self, from: (&str, i32, i64)) {
        self.book().pass(from);
    }

    pub fn invalid(&self, from: (&str, i32, i64), dest: &str) {
        self.book().invalid(from, dest);
    }

    /// Send one copy of the record at `from`.
    pub fn send(&self, from: (&str, i32, i64), rec: &Outgoing<'_>, parked: bool) {
        let id = self.book().sent(from, rec.topic, parked);
        let mut out = Vec::new();
        self.writer.send(rec, id, &mut out);
        if !out.is_empty() {
            self.book().settle(&mut out);
        }
    }

    /// Serve delivery reports for up to `wait`.
    pub fn settle(&self, wait: Duration) {
        let mut out = Vec::new();
        self.writer.poll(wait, &mut out);
        if !out.is_empty() {
            self.book().settle(&mut out);
        }
    }

    /// Wait until every copy in flight is acknowledged or failed. `give_up` ends the wait early
    /// (a second Ctrl-C); what is still in flight then stays uncommitted.
    pub fn finish(&self, give_up: impl Fn() -> bool) {
        let mut out = Vec::new();
        self.writer.drain(&mut out, give_up);
        self.book().settle(&mut out);
    }

    pub fn positions(&self) -> Vec<(String, i32, i64)> {
        self.book().positions()
    }

    pub fn forget(&self, topic: &str, partitions: &[i32]) {
        self.book().forget(topic, partitions);
    }

    pub fn failed(&self) -> u64 {
        self.book().failed()
    }

    pub fn first_failure(&self) -> Option<String> {
        self.book().first_failure.clone()
    }

    pub fn destinations(&self) -> Vec<Destination> {
        self.book().destinations()
    }

    pub fn in_flight(&self) -> usize {
        self.book().in_flight()
    }
}

impl crate::kafka::group::Checkpoint for Mover {
    fn safe_positions(&self, topic: &str, partitions: &[i32], wait: bool) -> Vec<(i32, i64)> {
        if wait {
            self.finish(|| false);
        } else {
            self.settle(Duration::ZERO);
        }
        self.positions()
            .into_iter()
            .filter(|(t, p, _)| t == topic && partitions.contains(p))
            .map(|(_, p, o)| (p, o))
            .collect()
    }

    fn release(&self, topic: &str, partitions: &[i32]) {
        self.forget(topic, partitions);
    }
}

/// Keeps a run at or under `rate` records per second.
pub struct Pace {
    rate: f64,
    started: Instant,
    sent: u64,
}

impl Pace {
    pub fn new(rate: f64) -> Pace {
        Pace {
            rate,
            started: Instant::now(),
            sent: 0,
        }
    }

    /// Wait until the next record may go, handing the waiting time to `serve` in slices of at
    /// most 100 ms (to serve deliveries meanwhile), then count it. False when `cancel` was set
    /// while waiting.
    pub fn admit(&mut self, cancel: &AtomicBool, mut serve: impl FnMut(Duration)) -> bool {
        let due = self.started + Duration::from_secs_f64(self.sent as f64 / self.rate);
        while let Some(wait) = due.checked_duration_since(Instant::now()) {
            serve(wait.min(Duration::from_millis(100)));
            if cancel.load(Ordering::Relaxed) {
                return false;
            }
        }
        self.sent += 1;
        true
    }
}

/// Parse `--rate`: records per second, as `500` or `500/s`.
pub fn parse_rate(s: &str) -> Result<f64, String> {
    let n = s.strip_suffix("/s").unwrap_or(s);
    match n.trim().parse::<f64>() {
        Ok(r) if r > 0.0 && r.is_finite() => Ok(r),
        _ => Err(format!(
            "`{s}` is not a rate: give records per second, e.g. 500 or 500/s"
        )),
    }
}

/// A progress bar over `total` records, on a terminal only.
pub fn progress_bar(
    total: u64,
    printer: &crate::output::Printer,
) -> Option<indicatif::ProgressBar> {
    if total == 0 || !printer.progress_allowed() {
        return None;
    }
    let b = indicatif::ProgressBar::new(total);
    b.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:30} {pos}/{len} records, {per_sec}, ETA {eta}",
        )
        .expect("static template"),
    );
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kafka::writer::Landed;

    fn ok(id: u64) -> Delivery {
        Delivery {
            id,
            result: Ok(Landed {
                partition: 0,
                offset: 0,
            }),
        }
    }

    #[test]
    fn commits_only_past_acknowledged_copies() {
        let mut b = Book::default();
        let a = b.sent(("dlq", 0, 10), "orders", false);
        let c = b.sent(("dlq", 0, 11), "orders", false);
        b.pass(("dlq", 0, 12));
        assert_eq!(
            b.positions(),
            vec![("dlq".into(), 0, 10)],
            "10 is in flight"
        );
        b.settle(&mut vec![ok(c)]);
        assert_eq!(b.positions(), vec![("dlq".into(), 0, 10)], "10 still is");
        b.settle(&mut vec![ok(a)]);
        assert_eq!(b.positions(), vec![("dlq".into(), 0, 13)]);
        assert_eq!(b.destinations()[0].moved, 2);
    }

    #[test]
    fn a_failed_copy_pins_the_position_for_the_rest_of_the_run() {
        let mut b = Book::default();
        let a = b.sent(("dlq", 1, 5), "orders", false);
        let c = b.sent(("dlq", 1, 6), "orders", false);
        b.settle(&mut vec![
            ok(c),
            Delivery {
                id: a,
                result: Err("broker down".into()),
            },
        ]);
        b.pass(("dlq", 1, 7));
        assert_eq!(b.positions(), vec![("dlq".into(), 1, 5)]);
        assert_eq!(b.failed(), 1);
        assert!(b
            .first_failure
            .as_deref()
            .unwrap()
            .starts_with("dlq/1@5 → orders"));
    }

    #[test]
    fn parked_and_invalid_are_counted_per_destination() {
        let mut b = Book::default();
        let p = b.sent(("dlq", 0, 0), "parking", true);
        b.invalid(("dlq", 0, 1), "orders");
        b.settle(&mut vec![ok(p)]);
        let d = b.destinations();
        assert_eq!((d[0].topic.as_str(), d[0].invalid), ("orders", 1));
        assert_eq!((d[1].topic.as_str(), d[1].parked), ("parking", 1));
        assert_eq!(b.positions(), vec![("dlq".into(), 0, 2)]);
    }

    #[test]
    fn forgotten_partitions_are_not_committed_again() {
        let mut b = Book::default();
        b.pass(("dlq", 0, 3));
        b.pass(("dlq", 1, 4));
        b.forget("dlq", &[0]);
        assert_eq!(b.positions(), vec![("dlq".into(), 1, 5)]);
    }

    #[test]
    fn rates() {
        assert_eq!(parse_rate("500/s"), Ok(500.0));
        assert_eq!(parse_rate("2.5"), Ok(2.5));
        assert!(parse_rate("0").is_err());
        assert!(parse_rate("fast").is_err());
    }
}
