//! A group reader: subscribes to one topic in a consumer group, so several processes given the
//! same group share its partitions through Kafka's group protocol, and reads each partition it
//! is given from the group's committed position up to the end captured when the command
//! started.
//!
//! Handing a partition over is where records get moved twice, so on revocation the reader asks
//! its owner for the positions that are safe to commit (the owner waits for its copies to be
//! acknowledged first) and commits them before the partition goes to another member.

use super::reader::{headers_of, recycle, timestamp_of, Event, Flow, Outage, ReadEnd};
use super::{client_config_with, describe, Ctx};
use crate::config::Settings;
use crate::error::{cluster, usage};
use crate::record::RecordView;
use anyhow::{Context as _, Result};
use rdkafka::client::ClientContext;
use rdkafka::config::RDKafkaLogLevel;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance};
use rdkafka::error::{KafkaError, KafkaResult, RDKafkaErrorCode};
use rdkafka::message::Message;
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The owner of what was read: which positions are safe to commit.
pub trait Checkpoint: Send + Sync {
    /// A partition was assigned: the group's committed position and the metadata committed
    /// with it (see `crate::ledger`).
    fn load(&self, topic: &str, partition: i32, committed: i64, metadata: &str);
    /// Every record of `partition` before `end` has been delivered to the callback.
    fn reached(&self, topic: &str, partition: i32, end: i64);
    /// How far this member has examined `partition` (one past the last record), if at all.
    fn examined(&self, topic: &str, partition: i32) -> Option<i64>;
    /// Whether the broker keeps the metadata committed beside a position (Tansu 0.6 does not).
    fn metadata_kept(&self, kept: bool);
    /// Positions of `topic`'s `partitions` that are safe to commit, with the metadata to
    /// commit beside each; with `wait`, after waiting for the copies still in flight.
    fn safe_positions(
        &self,
        topic: &str,
        partitions: &[i32],
        wait: bool,
    ) -> Vec<(i32, i64, String)>;
    /// These partitions were committed and handed to another member.
    fn release(&self, topic: &str, partitions: &[i32]);
}

#[derive(Default)]
struct Assigned {
    /// Assigned partitions and whether each reached its stop.
    parts: BTreeMap<i32, bool>,
    /// Assigned partitions whose committed state the owner has not been given yet.
    to_load: Vec<i32>,
    /// The group's committed position and metadata per partition, as read when they were
    /// assigned (absent where the read failed; `load_assigned` then reads them itself).
    committed: BTreeMap<i32, (Offset, String)>,
    /// Assignments received so far.
    generations: u64,
    /// A commit on revocation failed: the next owner may move those records again.
    commit_error: Option<String>,
}

struct GroupCtx {
    base: Ctx,
    topic: String,
    assigned: Arc<Mutex<Assigned>>,
    checkpoint: Arc<dyn Checkpoint>,
    /// How long the assignment callback waits for the group's committed positions.
    lookup_wait: Duration,
}

impl GroupCtx {
    /// Start newly assigned partitions where the group committed, or at the log start where it
    /// committed nothing (as `auto.offset.reset=earliest` would, but without librdkafka's
    /// 100 ms back-off after finding no committed offset), and keep what was read for
    /// `load_assigned`. If the read fails, librdkafka looks the positions up itself.
    fn start_where_committed(&self, consumer: &BaseConsumer<Self>, tpl: &TopicPartitionList) {
        let Ok(committed) = consumer.committed_offsets(tpl.clone(), self.lookup_wait) else {
            return;
        };
        let mut a = self.assigned.lock().expect("assignment lock");
        for mut e in tpl.elements() {
            let (offset, meta) = committed
                .find_partition(&self.topic, e.partition())
                .map_or((Offset::Invalid, String::new()), |c| {
                    (c.offset(), c.metadata().to_string())
                });
            let start = match offset {
                Offset::Offset(o) => Offset::Offset(o),
                _ => Offset::Beginning,
            };
            if e.set_offset(start).is_ok() {
                a.committed.insert(e.partition(), (offset, meta));
            }
        }
    }
}

impl ClientContext for GroupCtx {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, msg: &str) {
        self.base.log(level, fac, msg)
    }
    fn error(&self, error: KafkaError, reason: &str) {
        self.base.error(error, reason)
    }
}

impl ConsumerContext for GroupCtx {
    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let tpl = match rebalance {
            Rebalance::Assign(tpl) => return self.start_where_committed(consumer, tpl),
            Rebalance::Revoke(tpl) => tpl,
            Rebalance::Error(_) => return,
        };
        let parts: Vec<i32> = tpl.elements().iter().map(|e| e.partition()).collect();
        // Lost (no answer from the coordinator for the session timeout, as when the cluster goes
        // away): the group has already moved on, so a commit would only be refused, and waiting
        // here for copies in flight would hold up the read for their whole delivery timeout.
        let lost = consumer.assignment_lost();
        let positions = self.checkpoint.safe_positions(&self.topic, &parts, !lost);
        let result = if lost {
            let at: Vec<String> = positions
                .iter()
                .map(|(p, o, _)| format!("{}/{p}@{o}", self.topic))
                .collect();
            Err(anyhow::anyhow!(
                "the group took back partitions {parts:?} of `{}` after losing this member; \
                 not committed: {}",
                self.topic,
                if at.is_empty() {
                    "nothing".to_string()
                } else {
                    at.join(", ")
                }
            ))
        } else {
            commit(consumer, &self.topic, &positions)
        };
        self.checkpoint.release(&self.topic, &parts);
        let mut a = self.assigned.lock().expect("assignment lock");
        match result {
            Ok(true) => {}
            Ok(false) => {
                a.commit_error = Some(format!(
                    "the broker refused the commit of {} while the group was rebalancing",
                    self.topic
                ))
            }
            Err(e) => a.commit_error = Some(format!("{e:#}")),
        }
        for p in parts {
            a.parts.remove(&p);
            a.committed.remove(&p);
        }
    }

    fn post_rebalance(&self, _consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if let Rebalance::Assign(tpl) = rebalance {
            let mut a = self.assigned.lock().expect("assignment lock");
            for e in tpl.elements() {
                a.parts.insert(e.partition(), false);
                a.to_load.push(e.partition());
            }
            a.generations += 1;
        }
    }
}

/// Commit positions. `Ok(false)`: the broker refused because the group is rebalancing (the
/// positions are still safe to commit later; nothing was lost).
fn commit(
    consumer: &BaseConsumer<GroupCtx>,
    topic: &str,
    positions: &[(i32, i64, String)],
) -> Result<bool> {
    if positions.is_empty() {
        return Ok(true);
    }
    let mut tpl = TopicPartitionList::new();
    for (p, o, meta) in positions {
        tpl.add_partition_offset(topic, *p, Offset::Offset(*o))
            .context("building commit")?;
        if !meta.is_empty() {
            if let Some(mut e) = tpl.find_partition(topic, *p) {
                e.set_metadata(meta);
            }
        }
    }
    let started = Instant::now();
    judge(topic, consumer.commit(&tpl, CommitMode::Sync), started)
}

/// As `commit`, waiting for the answer at most `wait` (see `reader::commit_within`): for
/// commits outside a rebalance callback.
fn commit_bounded(
    consumer: &Arc<BaseConsumer<GroupCtx>>,
    topic: &str,
    positions: &[(i32, i64, String)],
    wait: Duration,
    busy: &Arc<AtomicBool>,
) -> Result<bool> {
    if positions.is_empty() {
        return Ok(true);
    }
    let positions = positions
        .iter()
        .map(|(p, o, meta)| (topic.to_string(), *p, *o, meta.clone()))
        .collect();
    let started = Instant::now();
    let res = super::reader::commit_within(consumer, positions, wait, busy);
    judge(topic, res, started)
}

/// A commit's answer: `Ok(false)` when refused because the group is rebalancing.
fn judge(topic: &str, res: KafkaResult<()>, started: Instant) -> Result<bool> {
    match res {
        Ok(()) => Ok(true),
        Err(e)
            if matches!(
                e.rdkafka_error_code(),
                Some(
                    RDKafkaErrorCode::RebalanceInProgress
                        | RDKafkaErrorCode::IllegalGeneration
                        | RDKafkaErrorCode::UnknownMemberId
                )
            ) =>
        {
            Ok(false)
        }
        Err(e) => Err(super::reader::commit_error(
            &format!("`{topic}`"),
            &e,
            started,
        )),
    }
}

impl Drop for GroupReader {
    fn drop(&mut self) {
        super::close_shared(&self.consumer);
    }
}

pub struct GroupReader {
    /// Shared with the thread a bounded commit runs on.
    consumer: Arc<BaseConsumer<GroupCtx>>,
    topic: String,
    group: String,
    /// Exclusive end of each partition, captured at start.
    stops: BTreeMap<i32, i64>,
    /// Where each partition's range began (the group's position, or the log start).
    starts: BTreeMap<i32, i64>,
    assigned: Arc<Mutex<Assigned>>,
    checkpoint: Arc<dyn Checkpoint>,
    join_timeout: Duration,
    stall_after: Duration,
    /// The cluster going away mid-run: waited through for a few `--timeout`s.
    outage: Outage,
    commit_wait: Duration,
    committing: Arc<AtomicBool>,
    /// Whether the broker was seen keeping commit metadata (or was probed for it).
    metadata_checked: AtomicBool,
}

impl GroupReader {
    /// Join `group` on `topic`; `ranges` are (partition, start, end captured at start).
    pub fn open(
        s: &Settings,
        topic: &str,
        group: &str,
        ranges: &[(i32, i64, i64)],
        checkpoint: Arc<dyn Checkpoint>,
    ) -> Result<GroupReader> {
        let assigned = Arc::new(Mutex::new(Assigned::default()));
        let prefetch = super::reader::Prefetch::copying(1, ranges.len());
        let mut settings = vec![
            ("group.id", group),
            ("enable.auto.commit", "false"),
            ("enable.auto.offset.store", "false"),
            ("enable.partition.eof", "true"),
            ("auto.offset.reset", "earliest"),
            ("fetch.wait.max.ms", "100"),
            // Incremental hand-over: members keep their partitions through a rebalance and
            // give up only those that move, after the group is stable again, so the commit
            // made while giving one up is accepted (brokers may refuse commits while members
            // are still joining) before its next owner reads the position.
            ("partition.assignment.strategy", "cooperative-sticky"),
            ("session.timeout.ms", "6000"),
            ("heartbeat.interval.ms", "1000"),
            super::EAGER_CONNECTIONS,
        ];
        settings.extend(prefetch.settings());
        let consumer: BaseConsumer<GroupCtx> = client_config_with(s, &settings)
            .create_with_context(GroupCtx {
                base: Ctx { verbose: s.verbose },
                topic: topic.to_string(),
                assigned: assigned.clone(),
                checkpoint: checkpoint.clone(),
                lookup_wait: s.timeout,
            })
            .map_err(|e| usage(format!("invalid consumer configuration: {e}")))?;
        consumer
            .subscribe(&[topic])
            .with_context(|| format!("subscribing to `{topic}` in group `{group}`"))?;
        Ok(GroupReader {
            consumer: Arc::new(consumer),
            topic: topic.to_string(),
            group: group.to_string(),
            stops: ranges.iter().map(|&(p, _, stop)| (p, stop)).collect(),
            starts: ranges.iter().map(|&(p, start, _)| (p, start)).collect(),
            assigned,
            checkpoint,
            join_timeout: s.timeout.max(Duration::from_secs(30)),
            stall_after: super::reader::stall_timeout(s),
            outage: Outage::new(s, false),
            commit_wait: super::reader::commit_timeout(s),
            committing: Arc::default(),
            metadata_checked: AtomicBool::new(false),
        })
    }

    /// Partitions assigned to this member now.
    pub fn assignment(&self) -> Vec<i32> {
        let a = self.assigned.lock().expect("assignment lock");
        a.parts.keys().copied().collect()
    }

    /// Commit what is safe to commit for the partitions this member owns; with `wait`, after the
    /// copies in flight are settled.
    pub fn checkpoint(&self, wait: bool) -> Result<()> {
        if self.outage.active() {
            // The read just waited a few --timeouts for the cluster: do not wait once more.
            return Err(cluster("not committed: the cluster is away"));
        }
        let owned = self.assignment();
        let positions = self.checkpoint.safe_positions(&self.topic, &owned, wait);
        // Refused during a rebalance: the hand-over that follows commits these positions.
        commit_bounded(
            &self.consumer,
            &self.topic,
            &positions,
            self.commit_wait,
            &self.committing,
        )
        .map(|_| ())
    }

    /// Is the cluster away (the read ended because it stayed away, or is waiting for it)?
    pub fn away(&self) -> bool {
        self.outage.active()
    }

    /// A commit made while handing partitions over that failed, if any.
    pub fn handover_error(&self) -> Option<String> {
        self.assigned
            .lock()
            .expect("assignment lock")
            .commit_error
            .take()
    }

    fn mark_done(&self, p: i32) {
        let mut a = self.assigned.lock().expect("assignment lock");
        if let Some(done) = a.parts.get_mut(&p) {
            *done = true;
            let mut tpl = TopicPartitionList::new();
            tpl.add_partition(&self.topic, p);
            // Pausing only saves fetch work; what we hand out is decided above.
            let _ = self.consumer.pause(&tpl);
        }
    }

    /// Give the owner the committed state of partitions assigned since the last call.
    fn load_assigned(&self) -> Result<()> {
        let parts = std::mem::take(&mut self.assigned.lock().expect("assignment lock").to_load);
        if parts.is_empty() {
            return Ok(());
        }
        let mut probe = None;
        for (p, offset, meta) in self.committed_of(&parts)? {
            if let Offset::Offset(o) = offset {
                self.checkpoint.load(&self.topic, p, o, &meta);
                if !meta.is_empty() {
                    // The broker kept what an earlier run committed.
                    self.metadata_checked.store(true, Ordering::Relaxed);
                }
                probe = Some((p, o, meta));
            } else if probe.is_none() {
                let start = self.starts.get(&p).copied();
                probe = start.map(|o| (p, o, String::new()));
            }
        }
        if !self.metadata_checked.swap(true, Ordering::Relaxed) {
            if let Some((p, o, meta)) = probe {
                self.probe_metadata(p, o, meta);
            }
        }
        Ok(())
    }

    /// The group's committed position and metadata for `parts`: as read when they were
    /// assigned, else read now.
    fn committed_of(&self, parts: &[i32]) -> Result<Vec<(i32, Offset, String)>> {
        let mut a = self.assigned.lock().expect("assignment lock");
        if parts.iter().all(|p| a.committed.contains_key(p)) {
            return Ok(parts
                .iter()
                .filter_map(|p| a.committed.remove(p).map(|(o, m)| (*p, o, m)))
                .collect());
        }
        drop(a);
        let mut tpl = TopicPartitionList::new();
        for &p in parts {
            tpl.add_partition(&self.topic, p);
        }
        let committed = self
            .consumer
            .committed_offsets(tpl, self.join_timeout)
            .map_err(|e| {
                anyhow::anyhow!(
                    "reading the positions of group `{}`: {}",
                    self.group,
                    describe(&e)
                )
            })?;
        Ok(committed
            .elements()
            .iter()
            .map(|e| (e.partition(), e.offset(), e.metadata().to_string()))
            .collect())
    }

    /// Commit a partition's position as it is, with metadata, and read it back: some brokers
    /// store the offset but drop the metadata (Tansu 0.6), and the owner must know before it
    /// moves anything past a record it leaves (see `crate::ledger`).
    fn probe_metadata(&self, p: i32, offset: i64, meta: String) {
        let meta = if meta.is_empty() {
            crate::ledger::PROBE.to_string()
        } else {
            meta
        };
        let committed = commit_bounded(
            &self.consumer,
            &self.topic,
            &[(p, offset, meta)],
            self.commit_wait,
            &self.committing,
        );
        if !matches!(committed, Ok(true)) {
            return; // Unknown: assume the broker keeps it, as Kafka does.
        }
        let mut tpl = TopicPartitionList::new();
        tpl.add_partition(&self.topic, p);
        if let Ok(back) = self.consumer.committed_offsets(tpl, self.join_timeout) {
            let kept = back
                .find_partition(&self.topic, p)
                .is_some_and(|e| !e.metadata().is_empty());
            self.checkpoint.metadata_kept(kept);
        }
    }

    /// Every record of `p` before its stop has been delivered.
    fn reached_stop(&self, p: i32) {
        if let Some(&stop) = self.stops.get(&p) {
            self.checkpoint.reached(&self.topic, p, stop);
        }
    }

    /// Is `p` assigned to this member and not finished?
    fn is_open(&self, p: i32) -> bool {
        let a = self.assigned.lock().expect("assignment lock");
        a.parts.get(&p) == Some(&false)
    }

    /// Has the group committed every partition up to the end this member captured?
    fn everything_committed(&self) -> Result<bool> {
        let mut tpl = TopicPartitionList::new();
        for &p in self.stops.keys() {
            tpl.add_partition(&self.topic, p);
        }
        let committed = self
            .consumer
            .committed_offsets(tpl, self.join_timeout)
            .map_err(|e| {
                let msg = format!(
                    "reading the positions of group `{}`: {}",
                    self.group,
                    describe(&e)
                );
                match e.rdkafka_error_code() {
                    Some(code) if super::is_cluster(code) => cluster(msg),
                    _ => anyhow::anyhow!(msg),
                }
            })?;
        let owned = self.assignment();
        Ok(self.stops.iter().all(|(&p, &stop)| {
            // What this member examined itself is known without the broker.
            if owned.contains(&p)
                && self
                    .checkpoint
                    .examined(&self.topic, p)
                    .is_some_and(|e| e >= stop)
            {
                return true;
            }
            let (at, examined) = committed
                .find_partition(&self.topic, p)
                .map_or((-1, 0), |e| {
                    let at = e.offset().to_raw().unwrap_or(-1);
                    // Past the position, the ledger says how far runs have examined.
                    let examined = crate::ledger::Ledger::decode(e.metadata()).moved.len();
                    (at, examined as i64)
                });
            let at = at.max(self.starts.get(&p).copied().unwrap_or(0));
            at + examined >= stop
        }))
    }

    fn generations(&self) -> u64 {
        self.assigned.lock().expect("assignment lock").generations
    }

    /// Has this member been given partitions, and are they all finished?
    fn finished(&self) -> (bool, bool) {
        let a = self.assigned.lock().expect("assignment lock");
        (a.generations > 0, a.parts.values().all(|&done| done))
    }

    fn reading(&self) -> String {
        format!("reading `{}` in group `{}`", self.topic, self.group)
    }

    /// Read until every partition this member owns reached its stop, the callback says stop,
    /// or `cancel` is set.
    pub fn run(
        &mut self,
        cancel: &AtomicBool,
        mut f: impl FnMut(Event<'_>) -> Result<Flow>,
    ) -> Result<ReadEnd> {
        let started = Instant::now();
        let mut last_commit = Instant::now();
        let mut last_progress = Instant::now();
        let mut generations = 0;
        let mut last_check = Instant::now() - Duration::from_secs(1);
        let mut idle_rounds = 0usize;
        let mut records = 0u64;
        let mut spare = Vec::new();
        // Whether this member joined and finished its partitions: asked again after anything
        // but a record, after a rebalance, and every 64 records (asking scans every assigned partition, 1.4% of a
        // redrive over 200 partitions when asked after each record).
        let (mut state, mut fresh_for, mut state_generation) = ((false, false), 0u32, 0);
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Ok(ReadEnd::Cancelled);
            }
            if self.outage.active() {
                // While the cluster is away, commits and checks would only wait and fail: keep
                // polling (records fetched before still arrive; librdkafka reconnects), ask
                // whether it answers, and give up in time.
                let (consumer, topic) = (&self.consumer, self.topic.as_str());
                self.outage
                    .check(|wait| super::answers(consumer, topic, wait))?;
                last_progress = Instant::now();
                last_commit = Instant::now();
                last_check = Instant::now();
            }
            let away = self.outage.active();
            let generation = self.generations();
            if fresh_for == 0 || generation != state_generation {
                state = self.finished();
                (fresh_for, state_generation) = (64, generation);
            }
            let (joined, all_done) = state;
            // Away: no commits, no end or stall checks, no join deadline (the outage has its own).
            let joined = joined && !away;
            // This member's partitions are done; the run is done when every partition is, by
            // whichever member: until then it stays, to take over from a member that leaves
            // or fails (and, in an incremental rebalance, to receive partitions at all).
            if joined && all_done && last_check.elapsed() >= Duration::from_millis(500) {
                last_check = Instant::now();
                match self
                    .checkpoint(true)
                    .and_then(|()| self.everything_committed())
                {
                    Ok(true) => return Ok(ReadEnd::Reached),
                    Ok(false) => {}
                    Err(e) => self.outage.lost(e, &self.reading(), last_check)?,
                }
            }
            self.load_assigned()?;
            let g = self.generations();
            if g != generations {
                generations = g;
                last_progress = Instant::now();
                // Partitions created after the command started are not part of this run.
                let mut a = self.assigned.lock().expect("assignment lock");
                for (p, done) in a.parts.iter_mut() {
                    if !self.stops.contains_key(p) {
                        *done = true;
                    }
                }
            }
            if joined && !all_done && last_progress.elapsed() > self.stall_after {
                let positions = self.consumer.position().ok();
                let stuck: Vec<String> = {
                    let a = self.assigned.lock().expect("assignment lock");
                    a.parts
                        .iter()
                        .filter(|(_, &done)| !done)
                        .map(|(&p, _)| {
                            let at = positions
                                .as_ref()
                                .and_then(|t| t.find_partition(&self.topic, p))
                                .and_then(|e| e.offset().to_raw())
                                .map_or(String::new(), |o| format!(" at offset {o}"));
                            let end = self
                                .stops
                                .get(&p)
                                .map_or(String::new(), |s| format!(" (ends at {s})"));
                            format!("{}/{p}{at}{end}", self.topic)
                        })
                        .collect()
                };
                return Err(super::reader::stalled(&stuck, self.stall_after));
            }
            if joined && last_commit.elapsed() >= Duration::from_secs(1) {
                let began = Instant::now();
                if let Err(e) = self.checkpoint(false) {
                    self.outage.lost(e, &self.reading(), began)?;
                }
                last_commit = Instant::now();
            }
            if !joined && !away && started.elapsed() > self.join_timeout {
                return Err(cluster(format!(
                    "joining group `{}` on `{}`: no partitions assigned after {}s",
                    self.group,
                    self.topic,
                    self.join_timeout.as_secs()
                )));
            }
            let polled = self.consumer.poll(Duration::from_millis(100));
            fresh_for = match polled {
                Some(Ok(_)) => fresh_for - 1,
                _ => 0,
            };
            match polled {
                None => {
                    idle_rounds += 1;
                    if (idle_rounds == 1 || idle_rounds.is_multiple_of(10))
                        && f(Event::Idle)? == Flow::Stop
                    {
                        return Ok(ReadEnd::Stopped);
                    }
                }
                Some(Err(KafkaError::PartitionEOF(p))) => {
                    last_progress = Instant::now();
                    // Fetching reached the partition's current end, which is at or past the
                    // end captured at start: nothing of this run's range is left there.
                    if self.is_open(p) {
                        self.reached_stop(p);
                    }
                    self.mark_done(p);
                }
                Some(Err(e)) => self.outage.error(&e, &self.reading())?,
                Some(Ok(m)) => {
                    idle_rounds = 0;
                    records += 1;
                    if records.is_multiple_of(256) {
                        last_progress = Instant::now();
                    }
                    let p = m.partition();
                    let offset = m.offset();
                    if !self.is_open(p) {
                        continue;
                    }
                    let stop = self.stops.get(&p).copied();
                    if stop.is_some_and(|s| offset >= s) {
                        self.reached_stop(p);
                        self.mark_done(p);
                        continue;
                    }
                    if stop.is_some_and(|s| offset + 1 >= s) {
                        self.mark_done(p);
                    }
                    let (timestamp, timestamp_type) = timestamp_of(&m);
                    let headers = headers_of(&m, std::mem::take(&mut spare));
                    let view = RecordView {
                        topic: &self.topic,
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
    }
}
