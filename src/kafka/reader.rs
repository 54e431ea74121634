//! The reader: assigns partitions directly (no group unless asked), starts at resolved
//! positions, and stops at end offsets captured before the first fetch. A partition is finished
//! when a record at or past its end arrives, or when librdkafka reports the partition's end
//! (EOF): that works on compacted and transactional topics, where the last offsets may never
//! arrive as records.

use super::admin::Admin;
use super::{
    cause_since, client_config_with, close, close_shared, describe, is_cluster, is_transient, Ctx,
};
use crate::config::Settings;
use crate::error::{cluster, usage};
use crate::position::{now_ms, Start, StartSpec, Stop};
use crate::record::{RecordView, TimestampType};
use anyhow::{Context, Result};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::error::{KafkaError, KafkaResult, RDKafkaErrorCode};
use rdkafka::message::{Headers, Message, Timestamp};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One partition's resolved range: [start, stop), optionally bounded by record time.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Range {
    pub topic: String,
    pub partition: i32,
    pub start: i64,
    /// Exclusive end; None follows forever (or until `stop_time`).
    pub stop: Option<i64>,
    /// Skip records before the first one at or after this time (exact where the broker's time
    /// lookup is; needed where it cannot look up by time, as the embedded one cannot).
    pub start_time: Option<i64>,
    /// The partition ends at the first record at or after this time.
    pub stop_time: Option<i64>,
}

/// Per partition: the first offset at or after `t`, or None. `Err(())` when the broker
/// cannot look offsets up by time at all (it says "none" even for time 0 on a non-empty
/// partition).
pub(crate) fn time_lookup(
    admin: &Admin,
    topic: &str,
    parts: &[i32],
    marks: &[(i64, i64)],
    t: i64,
) -> Result<Option<Vec<Option<i64>>>> {
    if let Some(i) = marks.iter().position(|(lo, hi)| hi > lo) {
        let probe = admin.offsets_for_time(topic, &parts[i..=i], 0)?;
        if probe.first().and_then(|(_, o)| *o).is_none() {
            return Ok(None);
        }
    }
    let found = admin.offsets_for_time(topic, parts, t)?;
    Ok(Some(
        parts
            .iter()
            .map(|p| found.iter().find(|(q, _)| q == p).and_then(|(_, o)| *o))
            .collect(),
    ))
}

/// The end of each partition as a fetch sees it: read from the last reported record to EOF.
/// On a correct broker that is one record and the watermark stands; a broker whose ListOffsets
/// under-reports the end (Tansu 0.6 answers the last batch's base offset + 1, and cannot fetch
/// from inside a batch) hands over that whole batch, and the end moves past it. Either way the
/// end is what existed when the command started.
pub(super) fn fetch_ends(
    s: &Settings,
    topic: &str,
    parts: &[i32],
    marks: &mut [(i64, i64)],
) -> Result<()> {
    let consumer: BaseConsumer<Ctx> = client_config_with(
        s,
        &[
            ("group.id", "evtctl-no-commit"),
            ("enable.auto.commit", "false"),
            ("enable.partition.eof", "true"),
            super::EAGER_CONNECTIONS,
            // The last fetch finds nothing; do not let the broker hold it for the default 500 ms.
            ("fetch.wait.max.ms", "10"),
        ],
    )
    .create_with_context(Ctx { verbose: s.verbose })
    .map_err(|e| usage(format!("invalid consumer configuration: {e}")))?;
    let mut tpl = TopicPartitionList::new();
    for (i, &p) in parts.iter().enumerate() {
        let (low, high) = marks[i];
        tpl.add_partition_offset(topic, p, Offset::Offset((high - 1).max(low)))
            .context("building assignment")?;
    }
    let ends = read_ends(&consumer, topic, &tpl, parts, marks, s.timeout);
    close(&consumer);
    ends
}

fn read_ends(
    consumer: &BaseConsumer<Ctx>,
    topic: &str,
    tpl: &TopicPartitionList,
    parts: &[i32],
    marks: &mut [(i64, i64)],
    timeout: Duration,
) -> Result<()> {
    consumer
        .assign(tpl)
        .with_context(|| format!("assigning partitions of `{topic}`"))?;
    let mut open: Vec<i32> = parts.to_vec();
    let deadline = std::time::Instant::now() + timeout;
    while !open.is_empty() && std::time::Instant::now() < deadline {
        match consumer.poll(Duration::from_millis(100)) {
            Some(Err(KafkaError::PartitionEOF(p))) => open.retain(|&q| q != p),
            Some(Ok(m)) => {
                if let Some(i) = parts.iter().position(|&p| p == m.partition()) {
                    marks[i].1 = marks[i].1.max(m.offset() + 1);
                }
            }
            Some(Err(e)) => {
                let msg = format!("reading the end of `{topic}`: {}", describe(&e));
                return Err(match e.rdkafka_error_code() {
                    Some(code) if is_cluster(code) => cluster(msg),
                    _ => anyhow::anyhow!(msg),
                });
            }
            None => {}
        }
    }
    Ok(())
}

/// How many offsets the bounded ranges cover (an upper bound on their records, for progress).
pub fn span(ranges: &[Range]) -> u64 {
    ranges
        .iter()
        .map(|r| (r.stop.unwrap_or(r.start) - r.start).max(0) as u64)
        .sum()
}

/// Resolve start and stop positions for every selected partition of `topics`. Returns the
/// ranges and, for a stop time in the future, the wall-clock deadline.
pub fn resolve(
    admin: &Admin,
    topics: &[String],
    only: &[i32],
    start: &StartSpec,
    default_start: Start,
    stop: Option<Stop>,
    committed: Option<&BTreeMap<(String, i32), i64>>,
) -> Result<(Vec<Range>, Option<i64>)> {
    let each: Vec<(&String, &[i32])> = topics.iter().map(|t| (t, only)).collect();
    resolve_each(admin, &each, start, default_start, stop, committed)
}

/// `resolve` with partitions chosen per topic (`&[]`: all of the topic's).
pub fn resolve_each(
    admin: &Admin,
    each: &[(&String, &[i32])],
    start: &StartSpec,
    default_start: Start,
    stop: Option<Stop>,
    committed: Option<&BTreeMap<(String, i32), i64>>,
) -> Result<(Vec<Range>, Option<i64>)> {
    let now = now_ms();
    let deadline = match stop {
        Some(Stop::Time(t)) if t > now => Some(t),
        _ => None,
    };
    let one = |&(topic, only): &(&String, &[i32])| {
        resolve_topic(
            admin,
            topic,
            only,
            start,
            default_start,
            stop,
            committed,
            now,
        )
    };
    // Each topic costs a few round trips (watermarks, the fetched ends, time lookups) and a
    // client of its own: topics are resolved side by side, a few at a time.
    let per_topic: Vec<Result<Vec<Range>>> = if each.len() < 2 {
        each.iter().map(one).collect()
    } else {
        std::thread::scope(|sc| {
            let one = &one;
            each.chunks(RESOLVE_AT_ONCE)
                .flat_map(|chunk| {
                    let handles: Vec<_> = chunk.iter().map(|t| sc.spawn(move || one(t))).collect();
                    handles
                        .into_iter()
                        .map(|h| {
                            h.join().unwrap_or_else(|_| {
                                Err(anyhow::anyhow!("resolving a topic's offsets failed"))
                            })
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        })
    };
    let mut ranges = Vec::new();
    for r in per_topic {
        ranges.extend(r?);
    }
    Ok((ranges, deadline))
}

/// Topics whose offsets `resolve` looks up at once.
const RESOLVE_AT_ONCE: usize = 8;

/// `resolve` for one topic.
#[allow(clippy::too_many_arguments)]
fn resolve_topic(
    admin: &Admin,
    topic: &String,
    only: &[i32],
    start: &StartSpec,
    default_start: Start,
    stop: Option<Stop>,
    committed: Option<&BTreeMap<(String, i32), i64>>,
    now: i64,
) -> Result<Vec<Range>> {
    let mut ranges = Vec::new();
    let mut parts = admin.partitions(topic)?;
    if !only.is_empty() {
        for p in only {
            if !parts.contains(p) {
                return Err(usage(format!(
                    "topic `{topic}` has no partition {p} (it has {})",
                    parts.len()
                )));
            }
        }
        parts.retain(|p| only.contains(p));
    }
    for &(p, _) in &start.partitions {
        if !parts.contains(&p) {
            return Err(usage(format!(
                "--from names partition {p}, which `{topic}` does not have"
            )));
        }
    }
    let mut marks: Vec<(i64, i64)> = parts
        .iter()
        .map(|&p| admin.watermarks(topic, p))
        .collect::<Result<_>>()?;
    fetch_ends(admin.settings(), topic, &parts, &mut marks)?;
    let starts: Vec<Start> = parts
        .iter()
        .map(|&p| {
            match (
                start.for_partition(p),
                committed.and_then(|c| c.get(&(topic.clone(), p))),
            ) {
                (Some(s), _) => s,
                (None, Some(&o)) => Start::Offset(o),
                (None, None) => default_start,
            }
        })
        .collect();
    let mut lookups: BTreeMap<i64, Option<Vec<Option<i64>>>> = BTreeMap::new();
    let times: Vec<i64> = starts
        .iter()
        .filter_map(|s| match s {
            Start::Time(t) => Some(*t),
            _ => None,
        })
        .collect();
    for t in times {
        if let std::collections::btree_map::Entry::Vacant(e) = lookups.entry(t) {
            e.insert(time_lookup(admin, topic, &parts, &marks, t)?);
        }
    }
    if let Some(note) = past_every_end(topic, &parts, &marks, start) {
        crate::ewriteln!("evtctl: warning: {note}");
    }
    for (i, &p) in parts.iter().enumerate() {
        let (low, high) = marks[i];
        let (begin, start_time) = match starts[i] {
            Start::Beginning => (low, None),
            Start::End => (high, None),
            Start::Offset(o) => (o.clamp(low, high), None),
            Start::Last(n) => ((high - n).max(low), None),
            // The record-time bound is applied on our side too: it changes nothing where the
            // broker's lookup is exact, and it corrects brokers that look up by write time.
            Start::Time(t) => match &lookups[&t] {
                Some(found) => (found[i].unwrap_or(high), Some(t)),
                None => (low, Some(t)),
            },
        };
        let (end, stop_time) = match stop {
            None => (None, None),
            Some(Stop::End) => (Some(high), None),
            Some(Stop::Offset(o)) => (Some(o), None),
            // Reading runs up to the first record at or after the time: the same record a
            // broker's time lookup would name, without trusting brokers that look up by
            // write time. A time in the future follows until then.
            Some(Stop::Time(t)) => (if t > now { None } else { Some(high) }, Some(t)),
        };
        ranges.push(Range {
            topic: topic.clone(),
            partition: p,
            start: begin,
            stop: end,
            start_time,
            stop_time,
        });
    }

    Ok(ranges)
}

/// An offset the user gave that lies past the end of every partition it applies to (the
/// default: all of them without their own; `P=OFFSET`: that one) reads nothing there until
/// new records come: said, not silent. A number the size of Unix milliseconds was most likely
/// meant as a time (kcat's `s@MS`).
fn past_every_end(
    topic: &str,
    parts: &[i32],
    marks: &[(i64, i64)],
    start: &StartSpec,
) -> Option<String> {
    let given = |p: i32| match start.for_partition(p) {
        Some(Start::Offset(o)) => Some(o),
        _ => None,
    };
    let mut past: Vec<(i32, i64, i64)> = Vec::new();
    for (i, &p) in parts.iter().enumerate() {
        match given(p) {
            Some(o) if o > marks[i].1 => past.push((p, o, marks[i].1)),
            Some(_) => return None,
            None => {}
        }
    }
    let &(_, o, _) = past.first()?;
    let mut offsets: Vec<i64> = past.iter().map(|(_, o, _)| *o).collect();
    offsets.dedup();
    let largest = past.iter().map(|(_, _, end)| *end).max().unwrap_or(0);
    let whose = if past.len() == parts.len() {
        format!("every partition of `{topic}`")
    } else {
        let ps: Vec<String> = past.iter().map(|(p, _, _)| p.to_string()).collect();
        format!("partition(s) {} of `{topic}`", ps.join(", "))
    };
    let hint = if o >= 1_000_000_000_000 {
        format!("; for a time in Unix milliseconds, write s@{o} (--until: e@{o})")
    } else {
        String::new()
    };
    let offsets: Vec<String> = offsets.iter().map(i64::to_string).collect();
    Some(format!(
        "offset {} lies past the end of {whose} (the largest end is {largest}): nothing there \
         to read until new records come{hint}",
        offsets.join(", ")
    ))
}

/// A reader over a bounded range, as `validate` and `dlq` read: from `--from` (default the
/// beginning) to `--until` (default the end offsets captured now), no group, no commits.
pub fn bounded(
    s: &Settings,
    topics: &[String],
    partitions: &[i32],
    from: Option<&str>,
    until: Option<&str>,
) -> Result<Reader> {
    let now = now_ms();
    let start = match from {
        Some(f) => crate::position::parse_start(f, now)?,
        None => StartSpec {
            default: None,
            partitions: Vec::new(),
        },
    };
    let stop = match until {
        Some(u) => crate::position::parse_stop(u, now)?,
        None => Stop::End,
    };
    crate::position::check_range(&start, Some(stop))?;
    let admin = Admin::connect(s)?;
    let (ranges, deadline) = resolve(
        &admin,
        topics,
        partitions,
        &start,
        Start::Beginning,
        Some(stop),
        None,
    )?;
    drop(admin);
    Reader::open(s, &ranges, deadline, None)
}

/// Up to `count` records of one partition from offset `start` (fewer where the log ends
/// first), copied. Joins no group, commits nothing.
pub fn read_records(
    s: &Settings,
    topic: &str,
    partition: i32,
    start: i64,
    count: i64,
    cancel: &AtomicBool,
) -> Result<Vec<crate::record::Record>> {
    let ranges = [Range {
        topic: topic.to_string(),
        partition,
        start,
        stop: Some(start + count),
        start_time: None,
        stop_time: None,
    }];
    let mut reader = Reader::open(s, &ranges, None, None)?;
    let mut out = Vec::new();
    let end = reader.run(cancel, |ev| {
        if let Event::Record(v) = ev {
            out.push(v.to_record());
        }
        Ok(Flow::Continue)
    })?;
    if end == ReadEnd::Cancelled {
        return Err(crate::error::Interrupted.into());
    }
    Ok(out)
}

/// What the callback sees.
pub enum Event<'a> {
    Record(RecordView<'a>),
    /// Nothing arrived for a moment: a good time to flush output.
    Idle,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadEnd {
    /// Every partition reached its stop.
    Reached,
    /// The callback asked to stop.
    Stopped,
    /// Interrupted.
    Cancelled,
}

struct Part {
    stop: Option<i64>,
    start_time: Option<i64>,
    stop_time: Option<i64>,
    done: bool,
    /// Next offset to hand out (for commits).
    next: i64,
}

struct TopicReader {
    topic: String,
    consumer: Arc<BaseConsumer<Ctx>>,
    parts: BTreeMap<i32, Part>,
    /// Partitions not done yet (asked after every record: counting them each time cost 5% of
    /// a replay over 200 partitions).
    open: usize,
}

pub struct Reader {
    topics: Vec<TopicReader>,
    /// A bounded partition that yields neither records nor its end for this long is an error.
    stall_after: Duration,
    /// Wall-clock end for a stop time in the future.
    deadline: Option<i64>,
    group: bool,
    /// The cluster going away: waited through, for as long as it takes when following.
    outage: Outage,
    commit_wait: Duration,
    committing: Arc<AtomicBool>,
}

/// Committed offsets of `group` for the given partitions.
pub fn committed(
    s: &Settings,
    group: &str,
    topics: &[(String, Vec<i32>)],
) -> Result<BTreeMap<(String, i32), i64>> {
    Ok(committed_with_metadata(s, group, topics)?
        .into_iter()
        .map(|(k, (o, _))| (k, o))
        .collect())
}

/// Committed offsets of `group` for the given partitions, with the metadata committed beside
/// each.
pub fn committed_with_metadata(
    s: &Settings,
    group: &str,
    topics: &[(String, Vec<i32>)],
) -> Result<BTreeMap<(String, i32), (i64, String)>> {
    let consumer: BaseConsumer<Ctx> = client_config_with(
        s,
        &[
            ("group.id", group),
            ("enable.auto.commit", "false"),
            super::EAGER_CONNECTIONS,
        ],
    )
    .create_with_context(Ctx { verbose: s.verbose })
    .map_err(|e| usage(format!("invalid consumer configuration: {e}")))?;
    let mut tpl = TopicPartitionList::new();
    for (t, ps) in topics {
        for &p in ps {
            tpl.add_partition(t, p);
        }
    }
    let started = Instant::now();
    let res = consumer.committed_offsets(tpl, s.timeout);
    close(&consumer);
    let res = res.map_err(|e| {
        let what = format!("reading committed offsets of group `{group}`");
        match e.rdkafka_error_code() {
            Some(code) if is_cluster(code) => super::cluster_error(&what, &e, s, started),
            _ => anyhow::anyhow!("{what}: {}", describe(&e)),
        }
    })?;
    Ok(res
        .elements()
        .iter()
        .filter_map(|e| match e.offset() {
            Offset::Offset(o) => Some((
                (e.topic().to_string(), e.partition()),
                (o, e.metadata().to_string()),
            )),
            _ => None,
        })
        .collect())
}

/// Commits positions for a group without joining it, as a "simple consumer" does: for commands
/// that read with assigned partitions and decide themselves when a position is safe.
pub struct Committer {
    consumer: Arc<BaseConsumer<Ctx>>,
    group: String,
    wait: Duration,
    busy: Arc<AtomicBool>,
    /// The commit `commit_in_background` started, and when: its answer comes on the channel.
    pending: std::sync::Mutex<Option<(Receiver<KafkaResult<()>>, Instant)>>,
}

impl Committer {
    pub fn new(s: &Settings, group: &str) -> Result<Committer> {
        let session = commit_wait(s);
        let consumer: BaseConsumer<Ctx> = client_config_with(
            s,
            &[
                ("group.id", group),
                ("enable.auto.commit", "false"),
                ("session.timeout.ms", &session),
            ],
        )
        .create_with_context(Ctx { verbose: s.verbose })
        .map_err(|e| usage(format!("invalid consumer configuration: {e}")))?;
        Ok(Committer {
            consumer: Arc::new(consumer),
            group: group.to_string(),
            wait: commit_timeout(s),
            busy: Arc::default(),
            pending: Default::default(),
        })
    }

    /// Start committing `positions` and return without waiting for the answer, so a copy loop
    /// is not held up by a cluster that went away. Returns the answer to the commit started so
    /// before, if it came (or was given up after the commit's wait); while that one is still
    /// waiting, nothing new is started and this returns `Ok`.
    pub fn commit_in_background(&self, positions: &[(String, i32, i64)]) -> Result<()> {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((rx, started)) = pending.as_ref() {
            let started = *started;
            let answer = match rx.try_recv() {
                Ok(res) => res,
                Err(TryRecvError::Empty) if started.elapsed() < self.wait => return Ok(()),
                Err(_) => Err(KafkaError::ConsumerCommit(
                    RDKafkaErrorCode::OperationTimedOut,
                )),
            };
            *pending = None;
            answer.map_err(|e| self.failed(&e, started))?;
        }
        if positions.is_empty() {
            return Ok(());
        }
        let started = Instant::now();
        match commit_start(&self.consumer, with_metadata(positions, ""), &self.busy) {
            Some(rx) => *pending = Some((rx, started)),
            // The commit given up on last is still waiting for its answer.
            None => {
                let e = KafkaError::ConsumerCommit(RDKafkaErrorCode::OperationTimedOut);
                return Err(self.failed(&e, started));
            }
        }
        Ok(())
    }

    fn failed(&self, e: &KafkaError, started: Instant) -> anyhow::Error {
        commit_error(&format!("group `{}`", self.group), e, started)
    }

    pub fn commit(&self, positions: &[(String, i32, i64)]) -> Result<()> {
        self.commit_with_metadata(positions, "")
    }

    /// Commit positions with the same metadata string beside each (empty: none).
    pub fn commit_with_metadata(
        &self,
        positions: &[(String, i32, i64)],
        metadata: &str,
    ) -> Result<()> {
        // A commit started in the background first gets its answer (within its own wait), so
        // this one is not refused as overlapping it; its answer is superseded by this one's.
        let pending = self
            .pending
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some((rx, started)) = pending {
            let _ = rx.recv_timeout(self.wait.saturating_sub(started.elapsed()));
        }
        if positions.is_empty() {
            return Ok(());
        }
        let started = Instant::now();
        commit_within(
            &self.consumer,
            with_metadata(positions, metadata),
            self.wait,
            &self.busy,
        )
        .map_err(|e| self.failed(&e, started))
    }
}

fn with_metadata(
    positions: &[(String, i32, i64)],
    metadata: &str,
) -> Vec<(String, i32, i64, String)> {
    positions
        .iter()
        .map(|(t, p, o)| (t.clone(), *p, *o, metadata.to_string()))
        .collect()
}

impl Drop for Committer {
    fn drop(&mut self) {
        close_shared(&self.consumer);
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        for t in &self.topics {
            close_shared(&t.consumer);
        }
    }
}

/// Commit `positions` and wait for the answer at most `wait`. librdkafka's commit has no
/// timeout of its own and can wait for ever for a coordinator that went away (seen: minutes,
/// on a broker killed mid-run), so it runs on a thread of its own; one at a time (`busy`), so
/// commits that hang do not pile up.
pub(super) fn commit_within<C: rdkafka::consumer::ConsumerContext + 'static>(
    consumer: &Arc<BaseConsumer<C>>,
    positions: Vec<(String, i32, i64, String)>,
    wait: Duration,
    busy: &Arc<AtomicBool>,
) -> KafkaResult<()> {
    let timed_out = || KafkaError::ConsumerCommit(RDKafkaErrorCode::OperationTimedOut);
    match commit_start(consumer, positions, busy) {
        Some(rx) => rx.recv_timeout(wait).unwrap_or_else(|_| Err(timed_out())),
        // The last commit is still waiting for its answer.
        None => Err(timed_out()),
    }
}

/// Start committing `positions` on a thread of its own; its answer comes on the channel. None
/// while the last commit is still waiting for its answer (`busy`).
fn commit_start<C: rdkafka::consumer::ConsumerContext + 'static>(
    consumer: &Arc<BaseConsumer<C>>,
    positions: Vec<(String, i32, i64, String)>,
    busy: &Arc<AtomicBool>,
) -> Option<Receiver<KafkaResult<()>>> {
    if busy.swap(true, Ordering::SeqCst) {
        return None;
    }
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    let (consumer, busy) = (consumer.clone(), busy.clone());
    std::thread::spawn(move || {
        let mut tpl = TopicPartitionList::new();
        let mut res = Ok(());
        for (t, p, o, meta) in &positions {
            if let Err(e) = tpl.add_partition_offset(t, *p, Offset::Offset(*o)) {
                res = Err(e);
            }
            if !meta.is_empty() {
                if let Some(mut e) = tpl.find_partition(t, *p) {
                    e.set_metadata(meta);
                }
            }
        }
        let res = res.and_then(|()| consumer.commit(&tpl, CommitMode::Sync));
        busy.store(false, Ordering::SeqCst);
        let _ = tx.send(res);
    });
    Some(rx)
}

/// How long a commit may wait for its answer: `--timeout`, and a little more than the wait for
/// a coordinator librdkafka does itself (`commit_wait`), so its own answer comes first.
pub(super) fn commit_timeout(s: &Settings) -> Duration {
    s.timeout
        .clamp(Duration::from_secs(1), Duration::from_secs(45))
        + Duration::from_secs(1)
}

/// Consumer prefetch within one budget per process, whatever the partition count.
///
/// librdkafka queues prefetched records in the consumer's queue, capped by
/// `queued.max.messages.kbytes`, and fetches up to `max.partition.fetch.bytes` per partition and
/// `fetch.max.bytes` per request on top; left at their defaults (64 MB, 1 MB, 50 MB) the memory
/// grows with the partition count. The budget is split between the consumers of a process (one
/// per topic) and, for each fetch, between the partitions of a consumer, with floors so that a
/// partition still fetches a useful batch. A full queue postpones the next fetch by
/// `fetch.queue.backoff.ms` (1 s by default): a few ms keeps a small queue flowing.
/// Each setting can still be overridden with `-X`.
///
/// A command that copies records (replay, redrive) also caps the prefetch in records
/// (`queued.min.messages`, per partition in librdkafka): each queued record costs librdkafka a
/// few hundred bytes besides its payload, so at small records the byte budget alone let the
/// queue hold 2-3 times its size.
pub(super) struct Prefetch {
    queue_kb: String,
    fetch_bytes: String,
    partition_fetch_bytes: String,
    queued_records: String,
}

impl Prefetch {
    /// Prefetched records a process keeps queued, all consumers together.
    const QUEUE_KB: usize = 4096;
    /// Bytes one fetch may bring, all consumers together.
    const FETCH_BYTES: usize = 4 << 20;
    /// The least a partition fetches at once.
    const PARTITION_FLOOR: usize = 64 << 10;
    /// The least one fetch may bring: librdkafka refuses a `fetch.max.bytes` below
    /// `message.max.bytes` (1,000,000 by default), so past four consumers each fetches this much
    /// and the budget grows with them.
    const FETCH_FLOOR: usize = 1_000_000;
    /// Records a reader tries to keep queued per partition: as many as the byte budget holds
    /// (bulk reads are the common case).
    const RECORDS: usize = 1_000_000;
    /// Records a copying command keeps queued, all partitions together, and the least per
    /// partition.
    const COPY_RECORDS: usize = 80_000;
    const COPY_PARTITION_FLOOR: usize = 1_000;

    pub(super) fn new(consumers: usize, partitions: usize) -> Prefetch {
        let consumers = consumers.max(1);
        let fetch = (Self::FETCH_BYTES / consumers).max(Self::FETCH_FLOOR);
        Prefetch {
            queue_kb: (Self::QUEUE_KB / consumers).max(1024).to_string(),
            fetch_bytes: fetch.to_string(),
            partition_fetch_bytes: (fetch / partitions.max(1))
                .clamp(Self::PARTITION_FLOOR, 1 << 20)
                .to_string(),
            queued_records: Self::RECORDS.to_string(),
        }
    }

    /// The budget of a command that copies the records it reads (see above).
    pub(super) fn copying(consumers: usize, partitions: usize) -> Prefetch {
        Prefetch {
            queued_records: (Self::COPY_RECORDS / partitions.max(1))
                .max(Self::COPY_PARTITION_FLOOR)
                .to_string(),
            ..Prefetch::new(consumers, partitions)
        }
    }

    pub(super) fn settings(&self) -> [(&str, &str); 5] {
        [
            ("queued.max.messages.kbytes", &self.queue_kb),
            ("fetch.max.bytes", &self.fetch_bytes),
            ("max.partition.fetch.bytes", &self.partition_fetch_bytes),
            ("queued.min.messages", &self.queued_records),
            ("fetch.queue.backoff.ms", "5"),
        ]
    }
}

impl Reader {
    pub fn open(
        s: &Settings,
        ranges: &[Range],
        deadline: Option<i64>,
        group: Option<&str>,
    ) -> Result<Reader> {
        Reader::open_with(s, ranges, deadline, group, Prefetch::new, 0)
    }

    /// As `open`, for one of several readers a command runs at once (on threads of its own),
    /// `consumers` of them in all: the process's prefetch budget is shared by every consumer of
    /// every reader, so the memory stays the same whatever the number of readers.
    pub fn open_sharing(
        s: &Settings,
        ranges: &[Range],
        deadline: Option<i64>,
        consumers: usize,
    ) -> Result<Reader> {
        Reader::open_with(s, ranges, deadline, None, Prefetch::new, consumers)
    }

    /// As `open`, for a command that copies what it reads: a prefetch capped in records too
    /// (see `Prefetch`).
    pub fn open_copying(s: &Settings, ranges: &[Range], deadline: Option<i64>) -> Result<Reader> {
        Reader::open_with(s, ranges, deadline, None, Prefetch::copying, 0)
    }

    fn open_with(
        s: &Settings,
        ranges: &[Range],
        deadline: Option<i64>,
        group: Option<&str>,
        budget: fn(usize, usize) -> Prefetch,
        process_consumers: usize,
    ) -> Result<Reader> {
        let mut by_topic: BTreeMap<&str, Vec<&Range>> = BTreeMap::new();
        for r in ranges {
            by_topic.entry(&r.topic).or_default().push(r);
        }
        let mut topics = Vec::new();
        // One consumer per topic; the budget is shared by the process's consumers.
        let consumers = by_topic.len().max(process_consumers);
        for (topic, rs) in by_topic {
            let prefetch = budget(consumers, rs.len());
            let mut defaults = vec![
                ("enable.auto.commit", "false"),
                ("enable.auto.offset.store", "false"),
                ("enable.partition.eof", "true"),
                ("auto.offset.reset", "earliest"),
                ("fetch.wait.max.ms", "100"),
            ];
            defaults.extend(prefetch.settings());
            // librdkafka refuses assign() without a group.id, even though assigning joins no
            // group; without --group we give it an inert one and never commit.
            defaults.push(("group.id", group.unwrap_or("evtctl-no-commit")));
            // The reader joins no group, so this only bounds how long a commit waits for the
            // group's coordinator (librdkafka holds it that long before failing it).
            let session = commit_wait(s);
            defaults.push(("session.timeout.ms", &session));
            let consumer: BaseConsumer<Ctx> = client_config_with(s, &defaults)
                .create_with_context(Ctx { verbose: s.verbose })
                .map_err(|e| usage(format!("invalid consumer configuration: {e}")))?;
            let mut tpl = TopicPartitionList::new();
            let mut parts = BTreeMap::new();
            for r in rs {
                let done = r.stop.is_some_and(|stop| r.start >= stop);
                parts.insert(
                    r.partition,
                    Part {
                        stop: r.stop,
                        start_time: r.start_time,
                        stop_time: r.stop_time,
                        done,
                        next: r.start,
                    },
                );
                if !done {
                    tpl.add_partition_offset(topic, r.partition, Offset::Offset(r.start))
                        .context("building assignment")?;
                }
            }
            consumer
                .assign(&tpl)
                .with_context(|| format!("assigning partitions of `{topic}`"))?;
            let open = parts.values().filter(|p| !p.done).count();
            topics.push(TopicReader {
                topic: topic.to_string(),
                consumer: Arc::new(consumer),
                parts,
                open,
            });
        }
        // Following: some partition has no end and no end time is set.
        let follow = deadline.is_none() && ranges.iter().any(|r| r.stop.is_none());
        Ok(Reader {
            topics,
            stall_after: stall_timeout(s),
            deadline,
            group: group.is_some(),
            outage: Outage::new(s, follow),
            commit_wait: commit_timeout(s),
            committing: Arc::default(),
        })
    }

    /// Is the cluster away (the read ended because it stayed away, or is waiting for it)?
    pub fn away(&self) -> bool {
        self.outage.active()
    }

    fn pending(&self) -> bool {
        self.topics.iter().any(|t| t.open > 0)
    }

    /// Commit the positions handed out so far (only with a group), waiting for the answer at
    /// most `--timeout`. Call after output is flushed; `run` does so itself after each `Idle`
    /// event.
    pub fn commit(&self) -> Result<()> {
        if !self.group {
            return Ok(());
        }
        for t in &self.topics {
            let positions = t
                .parts
                .iter()
                .map(|(&p, part)| (t.topic.clone(), p, part.next, String::new()))
                .collect();
            let started = Instant::now();
            commit_within(&t.consumer, positions, self.commit_wait, &self.committing)
                .map_err(|e| commit_error(&format!("`{}`", t.topic), &e, started))?;
        }
        Ok(())
    }

    /// Read until every partition reached its stop, the callback says stop, or `cancel` is set.
    pub fn run(
        &mut self,
        cancel: &AtomicBool,
        mut f: impl FnMut(Event<'_>) -> Result<Flow>,
    ) -> Result<ReadEnd> {
        let n = self.topics.len().max(1) as u64;
        let wait = Duration::from_millis((100 / n).max(10));
        let mut idle_rounds = 0usize;
        let mut last_progress = Instant::now();
        let mut spare = Vec::new();
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Ok(ReadEnd::Cancelled);
            }
            if self.outage.active() {
                let probe = self.topics.first().map(|t| (&t.consumer, t.topic.as_str()));
                self.outage
                    .check(|wait| probe.is_some_and(|(c, t)| super::answers(c, t, wait)))?;
                // Time without the cluster is the outage's to bound, not a stall.
                last_progress = Instant::now();
            }
            // Only after a poll that brought nothing: while records come nothing stalls, and
            // a clock read per record was 6% of a replay.
            if idle_rounds > 0 && last_progress.elapsed() > self.stall_after {
                let stuck: Vec<String> = self
                    .topics
                    .iter()
                    .flat_map(|t| {
                        t.parts.iter().filter_map(move |(p, part)| {
                            let stop = part.stop.filter(|_| !part.done)?;
                            Some(format!(
                                "{}/{p} at offset {} (ends at {stop})",
                                t.topic, part.next
                            ))
                        })
                    })
                    .collect();
                if !stuck.is_empty() {
                    return Err(stalled(&stuck, self.stall_after));
                }
                last_progress = Instant::now();
            }
            if !self.pending() {
                return Ok(ReadEnd::Reached);
            }
            if self.deadline.is_some_and(|t| now_ms() >= t) {
                return Ok(ReadEnd::Reached);
            }
            let mut got_any = false;
            for t in &mut self.topics {
                if t.open == 0 {
                    continue;
                }
                match t.consumer.poll(wait) {
                    None => {}
                    Some(Err(KafkaError::PartitionEOF(p))) => {
                        last_progress = Instant::now();
                        // Everything below the partition's current end has been handed out, and
                        // that end is at or past the one we captured: this partition is finished.
                        if let Some(part) = t.parts.get_mut(&p) {
                            if part.stop.is_some() && !part.done {
                                part.done = true;
                                t.open -= 1;
                                pause(&t.consumer, &t.topic, p);
                            }
                        }
                    }
                    Some(Err(e)) => self.outage.error(&e, &format!("reading `{}`", t.topic))?,
                    Some(Ok(m)) => {
                        got_any = true;
                        let p = m.partition();
                        let offset = m.offset();
                        let Some(part) = t.parts.get_mut(&p) else {
                            continue;
                        };
                        if part.done {
                            continue;
                        }
                        let (timestamp, timestamp_type) = timestamp_of(&m);
                        let past_stop = part.stop.is_some_and(|s| offset >= s)
                            || matches!((part.stop_time, timestamp), (Some(st), Some(ts)) if ts >= st);
                        if past_stop {
                            part.done = true;
                            t.open -= 1;
                            pause(&t.consumer, &t.topic, p);
                            continue;
                        }
                        part.next = offset + 1;
                        if part.stop.is_some_and(|s| offset + 1 >= s) {
                            part.done = true;
                            t.open -= 1;
                            pause(&t.consumer, &t.topic, p);
                        }
                        if let Some(st) = part.start_time {
                            if timestamp.is_some_and(|ts| ts < st) {
                                continue;
                            }
                            part.start_time = None;
                        }
                        let headers = headers_of(&m, std::mem::take(&mut spare));
                        let view = RecordView {
                            topic: &t.topic,
                            partition: p,
                            offset,
                            timestamp,
                            timestamp_type,
                            key: m.key(),
                            headers: &headers,
                            value: m.payload(),
                        };
                        if f(Event::Record(view))? == Flow::Stop {
                            return Ok(ReadEnd::Stopped);
                        }
                        spare = recycle(headers);
                    }
                }
            }
            if got_any {
                idle_rounds = 0;
            } else {
                idle_rounds += 1;
                if idle_rounds == 1 {
                    // The last record came during the round before this one.
                    last_progress = Instant::now();
                }
                if idle_rounds == 1 || idle_rounds.is_multiple_of(10) {
                    if f(Event::Idle)? == Flow::Stop {
                        return Ok(ReadEnd::Stopped);
                    }
                    // The callback has flushed what it wrote, so those records may be committed
                    // (not while the cluster is away: that would only wait, then fail).
                    if !self.outage.active() {
                        let began = Instant::now();
                        if let Err(e) = self.commit() {
                            // The cluster went away just now: the outage says so and waits.
                            let what = format!("reading `{}`", self.topics[0].topic);
                            self.outage.lost(e, &what, began)?;
                        }
                    }
                }
            }
        }
    }
}

fn pause(consumer: &BaseConsumer<Ctx>, topic: &str, p: i32) {
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition(topic, p);
    // Pausing only saves fetch work; a failure here changes nothing we hand out.
    let _ = consumer.pause(&tpl);
}

/// How long a bounded read waits for a partition that yields neither records nor its end.
pub(super) fn stall_timeout(s: &Settings) -> Duration {
    (s.timeout * 3).max(Duration::from_secs(30))
}

/// The error for partitions that stopped yielding records before their end: rather than wait
/// forever, say where (a broker bug, such as Tansu 0.6 returning nothing when a fetch starts
/// inside a record batch, or a partition without a leader).
pub(super) fn stalled(stuck: &[String], after: Duration) -> anyhow::Error {
    crate::error::cluster(format!(
        "no records arrived for {}s from {}, though records exist there; the broker returns \
         nothing from that position (Tansu 0.6 does this when a read starts inside a record \
         batch)",
        after.as_secs(),
        stuck.join(", ")
    ))
}

/// How long a commit may wait for the group's coordinator: `--timeout` (librdkafka's default
/// is the 45 s session timeout).
fn commit_wait(s: &Settings) -> String {
    s.timeout
        .clamp(Duration::from_secs(1), Duration::from_secs(45))
        .as_millis()
        .to_string()
}

/// A failed commit: a cluster error (exit 3) when the cluster is away or refuses us.
pub(super) fn commit_error(whose: &str, e: &KafkaError, started: Instant) -> anyhow::Error {
    // A commit waits for the coordinator first: the cause may be older than the commit.
    let window = started
        .checked_sub(Duration::from_secs(10))
        .unwrap_or(started);
    let msg = match cause_since(window) {
        Some(cause) => format!("committing offsets of {whose}: {} ({cause})", describe(e)),
        None => format!("committing offsets of {whose}: {}", describe(e)),
    };
    match e.rdkafka_error_code() {
        Some(code) if is_cluster(code) => cluster(msg),
        _ => anyhow::anyhow!(msg),
    }
}

/// A read's view of the cluster going away (a broker restart, a leader moving, the network):
/// librdkafka reconnects and retries by itself, so transient errors from a poll start an
/// outage instead of ending the read. It is said once on stderr, and once more when the
/// cluster answers again. A follow waits for as long as it takes (until Ctrl-C); a bounded read
/// gives up after two `--timeout`s (`outage_limit`) with a cluster error (exit 3), so the
/// command can report what it did.
pub(super) struct Outage {
    brokers: String,
    follow: bool,
    limit: Duration,
    since: Option<Instant>,
    cause: String,
    last_probe: Option<Instant>,
    /// How far back a cause reported before the outage started is still its cause.
    window: Duration,
}

impl Outage {
    pub(super) fn new(s: &Settings, follow: bool) -> Outage {
        Outage {
            brokers: s.brokers.clone(),
            follow,
            limit: super::outage_limit(s),
            since: None,
            cause: String::new(),
            last_probe: None,
            window: s.timeout + Duration::from_secs(10),
        }
    }

    pub(super) fn active(&self) -> bool {
        self.since.is_some()
    }

    /// A poll returned `e` while doing `what`. Transient: the outage starts (or goes on).
    /// Otherwise the read ends: a cluster error for refusals (authentication, authorisation),
    /// a plain one for the rest.
    pub(super) fn error(&mut self, e: &KafkaError, what: &str) -> Result<()> {
        let code = e.rdkafka_error_code();
        if !code.is_some_and(is_transient) {
            let msg = format!("{what}: {}", describe(e));
            return Err(if code.is_some_and(is_cluster) {
                cluster(msg)
            } else {
                anyhow::anyhow!(msg)
            });
        }
        self.start(what, describe(e), Instant::now());
        Ok(())
    }

    /// A step that began at `began` failed with `e` (a commit, say): the cluster has not
    /// answered since then. A cluster error starts the outage (or goes on); any other is the
    /// read's end.
    pub(super) fn lost(&mut self, e: anyhow::Error, what: &str, began: Instant) -> Result<()> {
        if crate::error::exit_for(&e) != crate::error::Exit::Cluster {
            return Err(e);
        }
        self.start(what, format!("{e:#}"), began);
        Ok(())
    }

    /// The outage starts (unless it goes on) when the cluster was last heard from: `began`,
    /// or earlier when a writer found it gone before (`kafka::lost_since`), so the patience is
    /// counted from the loss, not from when a step that waited for it noticed.
    fn start(&mut self, what: &str, fallback: String, began: Instant) {
        let now = Instant::now();
        let new = self.since.is_none();
        let heard = super::lost_since().map_or(began, |l| l.min(began)).min(now);
        let since = *self.since.get_or_insert(heard);
        // The cause may have been reported a while before the step that failed (a commit waits
        // up to a --timeout for the coordinator).
        let window = since.checked_sub(self.window).unwrap_or(since);
        self.cause = cause_since(window).unwrap_or(fallback);
        if new {
            let patience = if self.follow {
                String::new()
            } else {
                let left = self.limit.saturating_sub(since.elapsed());
                format!(" for up to {}s more", left.as_secs_f64().ceil())
            };
            crate::ewriteln!(
                "evtctl: warning: {what}: lost the cluster at {} ({}); waiting{patience} while librdkafka reconnects",
                self.brokers, self.cause
            );
            self.last_probe = Some(now);
        }
    }

    /// While the cluster is away: ask at most once a second whether it answers (`probe`, given
    /// how long it may wait). Back: say so and carry on. Away too long on a bounded read: the
    /// cluster error.
    pub(super) fn check(&mut self, probe: impl FnOnce(Duration) -> bool) -> Result<()> {
        let Some(since) = self.since else {
            return Ok(());
        };
        if self
            .last_probe
            .is_some_and(|t| t.elapsed() < Duration::from_secs(1))
        {
            return Ok(());
        }
        if probe(Duration::from_millis(500)) {
            crate::ewriteln!(
                "evtctl: {} answers again after {}s; resumed",
                self.brokers,
                since.elapsed().as_secs()
            );
            super::note_back();
            self.since = None;
            self.last_probe = None;
            return Ok(());
        }
        self.last_probe = Some(Instant::now());
        if !self.follow && since.elapsed() >= self.limit {
            // librdkafka's specific causes (connection refused, TLS, SASL) may come after the
            // error that started the outage.
            let window = since.checked_sub(self.window).unwrap_or(since);
            if let Some(cause) = cause_since(window) {
                self.cause = cause;
            }
            return Err(cluster(format!(
                "lost the cluster: no answer from {} for {}s ({})",
                self.brokers,
                since.elapsed().as_secs(),
                self.cause
            )));
        }
        Ok(())
    }
}

/// A record's timestamp and its kind.
pub(super) fn timestamp_of(m: &impl Message) -> (Option<i64>, Option<TimestampType>) {
    match m.timestamp() {
        Timestamp::CreateTime(ms) => (Some(ms), Some(TimestampType::Create)),
        Timestamp::LogAppendTime(ms) => (Some(ms), Some(TimestampType::LogAppend)),
        Timestamp::NotAvailable => (None, None),
    }
}

/// A record's headers in order, repeats and nulls kept, in `spare`'s allocation (see
/// `recycle`): reading allocates no list per record.
pub(super) fn headers_of<'m, M: Message>(
    m: &'m M,
    spare: Vec<(&str, Option<&[u8]>)>,
) -> Vec<(&'m str, Option<&'m [u8]>)> {
    let mut out = recycle(spare);
    if let Some(hs) = m.headers() {
        out.extend(hs.iter().map(|h| (h.key, h.value)));
    }
    out
}

/// An empty list of headers of any lifetime in `v`'s allocation: the standard library collects
/// a vector's own iterator in place when the element layout is the same.
pub(super) fn recycle<'b>(mut v: Vec<(&str, Option<&[u8]>)>) -> Vec<(&'b str, Option<&'b [u8]>)> {
    v.clear();
    v.into_iter().map(|_| unreachable!("cleared")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn settings(timeout: &str) -> Settings {
        let cli = crate::cli::Cli::try_parse_from(["evtctl", "--timeout", timeout, "topics"])
            .expect("arguments");
        Settings::local("127.0.0.1:1", &cli.global)
    }

    #[test]
    fn an_offset_past_every_end_is_said() {
        let spec = |s: &str| crate::position::parse_start(s, 0).unwrap();
        let parts = [0, 1];
        let marks = [(0, 40), (0, 42)];
        let note = past_every_end("t", &parts, &marks, &spec("1796403866600")).unwrap();
        assert!(
            note.contains("every partition of `t` (the largest end is 42)")
                && note.contains("s@1796403866600"),
            "{note}"
        );
        // Within one partition's log: not past every end.
        assert_eq!(past_every_end("t", &parts, &marks, &spec("41")), None);
        assert_eq!(past_every_end("t", &parts, &marks, &spec("end")), None);
        // A per-partition offset past its own end; a small number gets no time hint.
        let note = past_every_end("t", &parts, &marks, &spec("1=50")).unwrap();
        assert!(note.contains("partition(s) 1 of `t`"), "{note}");
        assert!(!note.contains("s@"), "{note}");
    }

    #[test]
    fn an_outage_counts_from_when_the_failed_step_began_not_from_when_it_failed() {
        // A commit began 3 s ago and failed only now (it waited for an answer): with a 1 s
        // --timeout the two-timeout patience is already over at the first probe.
        let mut o = Outage::new(&settings("1s"), false);
        let began = Instant::now() - Duration::from_secs(3);
        o.lost(crate::error::cluster("no answer"), "reading `t`", began)
            .expect("an outage, not the end");
        o.last_probe = None;
        let e = o.check(|_| false).expect_err("gave up");
        assert_eq!(crate::error::exit_for(&e), crate::error::Exit::Cluster);
        assert!(e.to_string().contains("for 3s"), "{e}");

        // Begun just now: the same patience still holds.
        let mut o = Outage::new(&settings("1s"), false);
        o.lost(
            crate::error::cluster("no answer"),
            "reading `t`",
            Instant::now(),
        )
        .expect("an outage");
        o.last_probe = None;
        assert!(o.check(|_| false).is_ok(), "waits two --timeouts");
        // Other errors end the read at once.
        assert!(o
            .lost(crate::error::usage("bad"), "reading `t`", Instant::now())
            .is_err());
    }

    #[test]
    fn a_prefetch_librdkafka_accepts_whatever_the_consumer_count() {
        // librdkafka refuses fetch.max.bytes below message.max.bytes: five or more consumers (a
        // topic each) once split the fetch budget below it, and every reader of five topics
        // failed to start.
        for consumers in [1, 2, 4, 5, 11, 100, 10_000] {
            for partitions in [1, 16, 10_000] {
                for p in [
                    Prefetch::new(consumers, partitions),
                    Prefetch::copying(consumers, partitions),
                ] {
                    let mut cfg = rdkafka::ClientConfig::new();
                    cfg.set("group.id", "g");
                    for (k, v) in p.settings() {
                        cfg.set(k, v);
                    }
                    let made: Result<rdkafka::consumer::BaseConsumer, _> = cfg.create();
                    assert!(
                        made.is_ok(),
                        "{consumers} consumers, {partitions} partitions: {:?}",
                        made.err()
                    );
                }
            }
        }
    }
}
