//! Moving records from one place to another: the engine `dlq redrive` and `replay` share.
//!
//! The one rule: a source position is handed out for committing only when every record before
//! it was either passed over on purpose or copied *and acknowledged*. A copy that fails pins the
//! position before it for the rest of the run, so a rerun starts there.

use crate::kafka::writer::{Delivery, OutHeaders, Outgoing, Writer, WriterOptions};
use crate::ledger::Ledger;
use std::collections::{HashMap, VecDeque};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
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

/// What is known of one source offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    /// Still in the source: not examined, or examined and left there on purpose (filtered out,
    /// invalid, unroutable). The next run looks at it again.
    Left,
    /// Copied and acknowledged, deliberately passed over for good, or no record at all.
    Done,
    /// Sent, not acknowledged yet.
    Pending,
    /// Its copy failed.
    Failed,
}

/// Largest stretch of a partition a run keeps per-offset state for (one byte an offset).
pub const MAX_WINDOW: usize = 2_000_000;
/// A ledger with at most this many records left behind fits the commit metadata whatever the
/// window (as alternating runs)...
const MAX_LEFT_IN_LEDGER: usize = 400;
/// ...and any pattern fits it as a bitmap over at most this many offsets.
const MAX_BITMAP_WINDOW: usize = 17_000;

/// One source partition: the position `base` (every record before it is done) and the state of
/// each offset from there.
#[derive(Default)]
struct Track {
    base: i64,
    /// Offsets `base..`; entries past `next` come from a ledger loaded from the group.
    status: VecDeque<Status>,
    /// One past the last record examined in this run; None before the first.
    next: Option<i64>,
    /// How many entries are Left or Failed.
    open: usize,
}

impl Track {
    fn loaded(base: i64, ledger: &Ledger) -> Track {
        let status: VecDeque<Status> = ledger
            .moved
            .iter()
            .map(|&m| if m { Status::Done } else { Status::Left })
            .collect();
        let open = status.iter().filter(|s| **s == Status::Left).count();
        Track {
            base,
            status,
            next: None,
            open,
        }
    }

    fn get(&self, offset: i64) -> Status {
        if offset < self.base {
            return Status::Done;
        }
        self.status
            .get((offset - self.base) as usize)
            .copied()
            .unwrap_or(Status::Left)
    }

    fn set(&mut self, offset: i64, st: Status) {
        if self.next.is_none() && self.status.is_empty() {
            // The first record of a partition with no ledger: the position is where it is.
            self.base = self.base.max(offset);
        }
        if offset < self.base {
            return;
        }
        // Offsets skipped since the last record hold no record (transaction markers, records
        // deleted by retention): nothing to keep there.
        let from = self.next.unwrap_or(self.base).max(self.base);
        for o in from..offset {
            self.put(o, Status::Done);
        }
        self.put(offset, st);
        self.next = Some(self.next.map_or(offset + 1, |n| n.max(offset + 1)));
    }

    fn put(&mut self, offset: i64, st: Status) {
        let i = (offset - self.base) as usize;
        while self.status.len() <= i {
            self.status.push_back(Status::Left);
            self.open += 1;
        }
        let was = std::mem::replace(&mut self.status[i], st);
        let counts = |s: Status| matches!(s, Status::Left | Status::Failed);
        match (counts(was), counts(st)) {
            (true, false) => self.open -= 1,
            (false, true) => self.open += 1,
            _ => {}
        }
    }

    /// Advance the position over what is done.
    fn compact(&mut self) {
        while self.status.front() == Some(&Status::Done) {
            self.status.pop_front();
            self.base += 1;
        }
        if self.status.is_empty() {
            if let Some(n) = self.next {
                self.base = self.base.max(n);
            }
        }
    }

    /// Whether one more offset can be recorded in a ledger that still fits a commit.
    fn has_room(&self, offset: i64) -> bool {
        let window = (offset - self.base + 1).max(0) as usize;
        window <= MAX_WINDOW && (self.open < MAX_LEFT_IN_LEDGER || window <= MAX_BITMAP_WINDOW)
    }

    /// The position and, when something after it is already done, the ledger saying what.
    fn checkpoint(&mut self) -> Option<(i64, String)> {
        self.next?;
        self.compact();
        let done = |s: &Status| *s == Status::Done;
        let meta = Ledger::encode(self.status.iter().map(done))
            .or_else(|| {
                // Copies still in flight break the runs: record up to the first of them (a
                // crash before the next commit may copy the rest twice, never lose one).
                let cut = self.status.iter().position(|s| *s == Status::Pending)?;
                Ledger::encode(self.status.iter().take(cut).map(done))
            })
            .unwrap_or_default();
        Some((self.base, meta))
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
    /// The partition looked up last: records come in runs from one partition.
    last_part: usize,
    dests: Vec<Destination>,
    dest_index: HashMap<String, usize>,
    /// Copies in flight, by delivery id: ids are sequential, so a queue indexed from the oldest
    /// id still flying (acknowledgements arrive nearly in order).
    flying: VecDeque<Option<Flying>>,
    first_id: u64,
    in_flight: usize,
    /// The first failure, described with its source position.
    pub first_failure: Option<String>,
    /// The broker drops commit metadata, so no ledger survives: nothing may be sent past a
    /// record left in the source.
    pub no_ledger: bool,
}

impl Book {
    fn part(&mut self, topic: &str, partition: i32) -> usize {
        if let Some(((t, p), _)) = self.parts.get(self.last_part) {
            if *p == partition && t == topic {
                return self.last_part;
            }
        }
        if let Some(&i) = self.part_index.get(topic).and_then(|m| m.get(&partition)) {
            self.last_part = i;
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

    /// Start a partition from the group's position and the ledger committed with it.
    pub fn load(&mut self, topic: &str, partition: i32, base: i64, ledger: &Ledger) {
        let i = self.part(topic, partition);
        self.parts[i].1 = Track::loaded(base, ledger);
    }

    /// Was the record at `from` already moved by an earlier run (the ledger says so)? Such a
    /// record counts as examined.
    pub fn already_done(&mut self, from: (&str, i32, i64)) -> bool {
        let i = self.part(from.0, from.1);
        let t = &mut self.parts[i].1;
        let loaded = t.next.is_some() || !t.status.is_empty();
        if loaded && t.get(from.2) == Status::Done {
            t.set(from.2, Status::Done);
            return true;
        }
        false
    }

    /// Can the record at `from` be examined without outgrowing what a commit can record?
    pub fn has_room(&mut self, from: (&str, i32, i64)) -> bool {
        let i = self.part(from.0, from.1);
        self.parts[i].1.has_room(from.2)
    }

    /// May the record at `from` be copied? Not past a record left behind, where the broker
    /// keeps no ledger to say it was.
    pub fn may_send(&mut self, from: (&str, i32, i64)) -> bool {
        let i = self.part(from.0, from.1);
        !self.no_ledger || self.parts[i].1.open == 0
    }

    /// One past the last record examined in `partition`, if any was.
    pub fn examined(&mut self, topic: &str, partition: i32) -> Option<i64> {
        let i = self.part(topic, partition);
        self.parts[i].1.next
    }

    /// A record was examined and deliberately not copied, for good (a replay's filter).
    pub fn pass(&mut self, from: (&str, i32, i64)) {
        let i = self.part(from.0, from.1);
        self.parts[i].1.set(from.2, Status::Done);
    }

    /// A record was examined and left in the source for a later run (a redrive's filter,
    /// no origin, no destination): the position stays before it.
    pub fn leave(&mut self, from: (&str, i32, i64)) {
        let i = self.part(from.0, from.1);
        self.parts[i].1.set(from.2, Status::Left);
    }

    /// Count a record left in the source as invalid against `dest`.
    pub fn invalid(&mut self, from: (&str, i32, i64), dest: &str) {
        self.leave(from);
        let d = self.dest(dest);
        self.dests[d].invalid += 1;
    }

    /// A copy is about to be sent; returns its delivery id.
    pub fn sent(&mut self, from: (&str, i32, i64), dest: &str, parked: bool) -> u64 {
        let part = self.part(from.0, from.1);
        self.parts[part].1.set(from.2, Status::Pending);
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
            let dest = &mut self.dests[f.dest];
            let ok = d.result.is_ok();
            if track.get(f.offset) == Status::Pending {
                track.put(f.offset, if ok { Status::Done } else { Status::Failed });
            }
            match d.result {
                Ok(_) if f.parked => dest.parked += 1,
                Ok(_) => dest.moved += 1,
                Err(why) => {
                    dest.failed += 1;
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
    pub fn positions(&mut self) -> Vec<(String, i32, i64)> {
        self.checkpoints()
            .into_iter()
            .map(|(t, p, o, _)| (t, p, o))
            .collect()
    }

    /// Positions safe to commit with the ledger of what is done after each.
    pub fn checkpoints(&mut self) -> Vec<(String, i32, i64, String)> {
        self.parts
            .iter_mut()
            .filter_map(|((t, p), track)| track.checkpoint().map(|(o, m)| (t.clone(), *p, o, m)))
            .collect()
    }

    /// Nothing is left of `partition` before `end` but what was examined: offsets not seen
    /// hold no record.
    pub fn reached(&mut self, topic: &str, partition: i32, end: i64) {
        let i = self.part(topic, partition);
        let t = &mut self.parts[i].1;
        if t.next.is_none() && t.status.is_empty() {
            t.base = t.base.max(end);
            t.next = Some(end);
            return;
        }
        let from = t.next.unwrap_or(t.base).max(t.base);
        for o in from..end {
            t.put(o, Status::Done);
        }
        t.next = Some(t.next.map_or(end, |n| n.max(end)));
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

/// A writer and its book, shareable with a rebalance callback, on two threads: the thread that
/// reads and decides calls [`send`](Mover::send), which books the copy (so no position moves
/// past it) and adds an owned copy of it to a batch; full batches go over a bounded channel to
/// a producing thread, which hands them to librdkafka and settles delivery reports into the
/// book. The book is the one place that says what is safe to commit, whichever thread writes
/// to it.
pub struct Mover {
    writer: Arc<Writer>,
    book: Arc<Mutex<Book>>,
    /// The batch the deciding thread fills (the producing thread takes it when it has waited
    /// 10 ms for a full one: a reader blocked on its input leaves no copy waiting).
    filling: Arc<Mutex<Batch>>,
    /// Full batches to the producing thread (None once closed).
    hand: Mutex<Option<SyncSender<Batch>>>,
    /// Emptied batches back, for their buffers.
    spare: Mutex<Receiver<Batch>>,
    worker: Mutex<Option<JoinHandle<()>>>,
}

/// Copies per batch handed to the producing thread, and batches in the channel: memory stays
/// within a few MB whatever the run's size.
const BATCH: usize = 512;
const BATCHES_QUEUED: usize = 4;

impl Mover {
    /// A mover with its own writer, tuned for copying: records are read as fast as they are
    /// written, so a shallow queue (10,000 records, within the writer's 16 MB) keeps memory
    /// down at no cost in speed (measured: 50,000 was no faster); an unacknowledged copy fails
    /// after `--timeout` (at least 30 s) rather than librdkafka's 5 minutes.
    pub fn open(settings: &crate::config::Settings) -> anyhow::Result<Mover> {
        let writer = Arc::new(Writer::new(
            settings,
            &WriterOptions {
                compression: None,
                delivery_timeout: Some(settings.timeout.max(Duration::from_secs(30))),
                lost_after: Some(crate::kafka::outage_limit(settings)),
                max_queued: Some(10_000),
                ..WriterOptions::default()
            },
        )?);
        let book = Arc::new(Mutex::new(Book::default()));
        let filling = Arc::new(Mutex::new(Batch::default()));
        let (hand, batches) = std::sync::mpsc::sync_channel::<Batch>(BATCHES_QUEUED);
        let (back, spare) = std::sync::mpsc::sync_channel::<Batch>(BATCHES_QUEUED + 2);
        let worker = {
            let (writer, book, filling) = (writer.clone(), book.clone(), filling.clone());
            std::thread::Builder::new()
                .name("evtctl-producer".into())
                .spawn(move || produce(&writer, &book, &filling, &batches, &back))?
        };
        Ok(Mover {
            writer,
            book,
            filling,
            hand: Mutex::new(Some(hand)),
            spare: Mutex::new(spare),
            worker: Mutex::new(Some(worker)),
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

    pub fn leave(&self, from: (&str, i32, i64)) {
        self.book().leave(from);
    }

    pub fn already_done(&self, from: (&str, i32, i64)) -> bool {
        self.book().already_done(from)
    }

    pub fn has_room(&self, from: (&str, i32, i64)) -> bool {
        self.book().has_room(from)
    }

    pub fn may_send(&self, from: (&str, i32, i64)) -> bool {
        self.book().may_send(from)
    }

    /// Send one copy of the record at `from`: booked now, produced by the producing thread.
    pub fn send(&self, from: (&str, i32, i64), rec: &Outgoing<'_>, parked: bool) {
        let id = self.book().sent(from, rec.topic, parked);
        let full = {
            let mut b = self.filling.lock().expect("batch lock");
            b.push(id, rec);
            b.len() >= BATCH
        };
        if full {
            self.hand_over();
        }
    }

    /// Give the batch being filled to the producing thread (waiting while the channel is full).
    fn hand_over(&self) {
        let spare = self
            .spare
            .lock()
            .expect("spare lock")
            .try_recv()
            .unwrap_or_default();
        let batch = {
            let mut b = self.filling.lock().expect("batch lock");
            if b.len() == 0 {
                return;
            }
            std::mem::replace(&mut *b, spare)
        };
        let hand = self.hand.lock().expect("hand lock").clone();
        let undelivered = match hand {
            Some(h) => h.send(batch).err().map(|e| e.0),
            None => Some(batch),
        };
        // The producing thread is gone (it cannot be, short of a panic there): these copies
        // fail, so their positions are never committed.
        if let Some(batch) = undelivered {
            let mut out: Vec<Delivery> = batch
                .copies
                .iter()
                .map(|c| Delivery {
                    id: c.id,
                    result: Err("evtctl's producing thread stopped".into()),
                })
                .collect();
            self.book().settle(&mut out);
        }
    }

    /// Hand over what was decided so far, then let `wait` pass (the producing thread serves
    /// delivery reports meanwhile).
    pub fn settle(&self, wait: Duration) {
        self.hand_over();
        if !wait.is_zero() {
            std::thread::sleep(wait);
        }
    }

    /// Wait until every copy booked is acknowledged or failed. `give_up` ends the wait early
    /// (a second Ctrl-C); what is still in flight then stays uncommitted.
    pub fn finish(&self, give_up: impl Fn() -> bool) {
        self.hand_over();
        let mut out = Vec::new();
        while self.in_flight() > 0 {
            let alive = self
                .worker
                .lock()
                .expect("worker lock")
                .as_ref()
                .is_some_and(|w| !w.is_finished());
            if !alive {
                break;
            }
            // Serving reports from here too is harmless (they go to the same book).
            self.writer.poll(Duration::from_millis(20), &mut out);
            if !out.is_empty() {
                self.book().settle(&mut out);
            }
            if give_up() {
                self.writer.drain(&mut out, || true);
                self.book().settle(&mut out);
                return;
            }
        }
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

    /// Copies booked and not settled: in a batch, in the channel, or in librdkafka.
    pub fn in_flight(&self) -> usize {
        self.book().in_flight()
    }
}

impl Drop for Mover {
    fn drop(&mut self) {
        // Closing the channel ends the producing thread once it has sent what it holds.
        self.hand.lock().expect("hand lock").take();
        if let Some(w) = self.worker.lock().expect("worker lock").take() {
            let _ = w.join();
        }
    }
}

/// The producing thread: send each batch, serve delivery reports, settle them into the book,
/// until the channel closes. After 10 ms without a full batch it takes the one being filled.
fn produce(
    writer: &Writer,
    book: &Mutex<Book>,
    filling: &Mutex<Batch>,
    batches: &Receiver<Batch>,
    back: &SyncSender<Batch>,
) {
    use std::sync::mpsc::RecvTimeoutError;
    let mut out = Vec::new();
    loop {
        match batches.recv_timeout(Duration::from_millis(10)) {
            Ok(mut batch) => {
                send_batch(writer, &batch, &mut out);
                batch.clear();
                let _ = back.try_send(batch);
            }
            Err(RecvTimeoutError::Timeout) => {
                let partial = {
                    let mut f = filling.lock().expect("batch lock");
                    (f.len() > 0).then(|| std::mem::take(&mut *f))
                };
                match partial {
                    Some(batch) => send_batch(writer, &batch, &mut out),
                    None => writer.poll(Duration::ZERO, &mut out),
                }
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
        if !out.is_empty() {
            book.lock().expect("book lock").settle(&mut out);
        }
    }
}

fn send_batch(writer: &Writer, batch: &Batch, out: &mut Vec<Delivery>) {
    let mut headers: Vec<(&str, Option<&[u8]>)> = Vec::with_capacity(8);
    for c in &batch.copies {
        headers.clear();
        headers.extend(
            batch.headers[c.headers.clone()]
                .iter()
                .map(|(n, v)| (batch.text(n), v.as_ref().map(|v| batch.slice(v)))),
        );
        let rec = Outgoing {
            topic: &batch.topics[c.topic],
            partition: c.partition,
            key: c.key.as_ref().map(|r| batch.slice(r)),
            value: c.value.as_ref().map(|r| batch.slice(r)),
            headers: OutHeaders::Borrowed(&headers),
            timestamp: c.timestamp,
        };
        writer.send(&rec, c.id, out);
    }
    writer.poll(Duration::ZERO, out);
}

/// Copies on their way to the producing thread: their bytes in one buffer.
#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    topics: Vec<String>,
    /// Header names and values, as ranges of `bytes`.
    headers: Vec<(Range<usize>, Option<Range<usize>>)>,
    copies: Vec<Copied>,
}

struct Copied {
    id: u64,
    topic: usize,
    partition: Option<i32>,
    key: Option<Range<usize>>,
    value: Option<Range<usize>>,
    /// Its headers in `Batch::headers`.
    headers: Range<usize>,
    timestamp: Option<i64>,
}

impl Batch {
    fn len(&self) -> usize {
        self.copies.len()
    }

    fn clear(&mut self) {
        self.bytes.clear();
        self.topics.clear();
        self.headers.clear();
        self.copies.clear();
    }

    fn put(&mut self, b: &[u8]) -> Range<usize> {
        let start = self.bytes.len();
        self.bytes.extend_from_slice(b);
        start..self.bytes.len()
    }

    fn slice(&self, r: &Range<usize>) -> &[u8] {
        &self.bytes[r.clone()]
    }

    /// Header names were `&str` when put.
    fn text(&self, r: &Range<usize>) -> &str {
        std::str::from_utf8(self.slice(r)).unwrap_or_default()
    }

    fn push(&mut self, id: u64, rec: &Outgoing<'_>) {
        let topic = match self.topics.iter().rposition(|t| t == rec.topic) {
            Some(i) => i,
            None => {
                self.topics.push(rec.topic.to_string());
                self.topics.len() - 1
            }
        };
        let key = rec.key.map(|k| self.put(k));
        let value = rec.value.map(|v| self.put(v));
        let first = self.headers.len();
        match rec.headers {
            OutHeaders::Owned(hs) => {
                for h in hs {
                    let n = self.put(h.name.as_bytes());
                    let v = h.value.as_deref().map(|v| self.put(v));
                    self.headers.push((n, v));
                }
            }
            OutHeaders::Borrowed(hs) => {
                for (name, value) in hs {
                    let n = self.put(name.as_bytes());
                    let v = value.map(|v| self.put(v));
                    self.headers.push((n, v));
                }
            }
        }
        self.copies.push(Copied {
            id,
            topic,
            partition: rec.partition,
            key,
            value,
            headers: first..self.headers.len(),
            timestamp: rec.timestamp,
        });
    }
}

impl crate::kafka::group::Checkpoint for Mover {
    fn load(&self, topic: &str, partition: i32, committed: i64, metadata: &str) {
        self.book()
            .load(topic, partition, committed, &Ledger::decode(metadata));
    }

    fn reached(&self, topic: &str, partition: i32, end: i64) {
        self.book().reached(topic, partition, end);
    }

    fn examined(&self, topic: &str, partition: i32) -> Option<i64> {
        self.book().examined(topic, partition)
    }

    fn metadata_kept(&self, kept: bool) {
        self.book().no_ledger = !kept;
    }

    fn safe_positions(
        &self,
        topic: &str,
        partitions: &[i32],
        wait: bool,
    ) -> Vec<(i32, i64, String)> {
        if wait {
            self.finish(|| false);
        }
        self.book()
            .checkpoints()
            .into_iter()
            .filter(|(t, p, _, _)| t == topic && partitions.contains(p))
            .map(|(_, p, o, m)| (p, o, m))
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
        assert_eq!(
            b.positions(),
            vec![("dlq".into(), 0, 1)],
            "the invalid record stays in reach"
        );
    }

    fn ledger_of(b: &mut Book) -> (i64, Vec<bool>) {
        let (_, _, o, meta) = b.checkpoints().pop().unwrap();
        (o, Ledger::decode(&meta).moved)
    }

    #[test]
    fn records_left_behind_hold_the_position_and_the_ledger_lists_what_moved_after() {
        let mut b = Book::default();
        let x = b.sent(("dlq", 0, 10), "orders", false);
        b.leave(("dlq", 0, 11));
        let y = b.sent(("dlq", 0, 12), "orders", false);
        b.leave(("dlq", 0, 13));
        let z = b.sent(("dlq", 0, 14), "orders", false);
        b.settle(&mut vec![ok(x), ok(y)]);
        // 14 is in flight: not recorded as moved.
        assert_eq!(ledger_of(&mut b), (11, vec![false, true, false, false]));
        b.settle(&mut vec![ok(z)]);
        assert_eq!(ledger_of(&mut b), (11, vec![false, true, false, true]));

        // The next run, any selection: starts at 11, skips 12 and 14, looks at 11 and 13 again.
        let (o, moved) = ledger_of(&mut b);
        let mut next = Book::default();
        next.load("dlq", 0, o, &Ledger { moved });
        assert!(!next.already_done(("dlq", 0, 11)));
        let a = next.sent(("dlq", 0, 11), "orders", false);
        assert!(next.already_done(("dlq", 0, 12)));
        assert!(!next.already_done(("dlq", 0, 13)));
        let c = next.sent(("dlq", 0, 13), "orders", false);
        assert!(next.already_done(("dlq", 0, 14)));
        next.pass(("dlq", 0, 15));
        next.settle(&mut vec![ok(a), ok(c)]);
        assert_eq!(ledger_of(&mut next), (16, vec![]));
    }

    #[test]
    fn copies_acknowledged_after_a_failure_are_not_made_again() {
        let mut b = Book::default();
        let a = b.sent(("dlq", 0, 0), "orders", false);
        let c = b.sent(("dlq", 0, 1), "orders", false);
        b.settle(&mut vec![
            Delivery {
                id: a,
                result: Err("down".into()),
            },
            ok(c),
        ]);
        assert_eq!(ledger_of(&mut b), (0, vec![false, true]));
    }

    #[test]
    fn a_partition_read_to_its_end_is_examined_through_the_gaps() {
        let mut b = Book::default();
        b.load("dlq", 0, 5, &Ledger { moved: vec![false] });
        b.pass(("dlq", 0, 6));
        // 7 and 8 hold no record (transaction markers): the end was reached.
        b.reached("dlq", 0, 9);
        assert_eq!(
            ledger_of(&mut b),
            (9, vec![]),
            "5 was never delivered: gone"
        );
    }

    #[test]
    fn the_ledger_has_room_for_a_bounded_number_of_records_left_behind() {
        let mut b = Book::default();
        let mut offset = 0;
        while b.has_room(("dlq", 0, offset)) {
            if offset % 2 == 0 {
                b.leave(("dlq", 0, offset));
            } else {
                b.pass(("dlq", 0, offset));
            }
            offset += 1;
            assert!(offset < 1_000_000, "no limit");
        }
        // Whatever was allowed still fits a commit.
        let (_, _, _, meta) = b.checkpoints().pop().unwrap();
        assert!(meta.starts_with("evtctl1:") && meta.len() <= crate::ledger::MAX_ENCODED);
        assert_eq!(Ledger::decode(&meta).moved.len() as i64, offset);
    }

    #[test]
    fn forgotten_partitions_are_not_committed_again() {
        let mut b = Book::default();
        b.pass(("dlq", 0, 3));
        b.pass(("dlq", 1, 4));
        b.forget("dlq", &[0]);
        assert_eq!(b.positions(), vec![("dlq".into(), 1, 5)]);
    }
}
