//! Consumer groups as the cluster describes them (ListGroups, DescribeGroups, with each member's
//! assignment decoded from the consumer protocol), and committing a group's position from
//! outside it.
//!
//! Some brokers cannot describe groups (librdkafka's mock, behind `evtctl dev broker`, answers
//! neither ListGroups nor DescribeGroups): that comes back as [`Described::Unknown`] with the
//! broker's answer, never as an empty group.

use super::admin::Admin;
use super::{client_config_with, close, describe, Ctx};
use crate::config::Settings;
use crate::error::{cluster, usage};
use anyhow::{Context as _, Result};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::groups::GroupInfo;
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use std::time::{Duration, Instant};

/// One member of a group.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Member {
    pub member_id: String,
    pub client_id: String,
    pub host: String,
    /// Topic → partitions, decoded from the consumer protocol (empty for other protocols).
    pub assignment: Vec<(String, Vec<i32>)>,
}

/// A group as DescribeGroups tells it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GroupDescription {
    pub group: String,
    pub state: String,
    pub protocol_type: String,
    pub protocol: String,
    pub members: Vec<Member>,
}

/// What the broker said about a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Described {
    Known(GroupDescription),
    /// The broker lists groups, and not this one: it has no members (librdkafka describes only
    /// the groups ListGroups names).
    NotListed,
    /// The broker cannot describe groups; the text says what it answered.
    Unknown(String),
}

/// What the broker said when asked for every group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listing {
    Groups(Vec<GroupDescription>),
    /// The broker cannot list groups; the text says what it answered.
    Unknown(String),
}

fn description(g: &GroupInfo) -> GroupDescription {
    let consumer = g.protocol_type() == "consumer" || g.protocol_type().is_empty();
    GroupDescription {
        group: g.name().to_string(),
        state: g.state().to_string(),
        protocol_type: g.protocol_type().to_string(),
        protocol: g.protocol().to_string(),
        members: g
            .members()
            .iter()
            .map(|m| Member {
                member_id: m.id().to_string(),
                client_id: m.client_id().to_string(),
                host: m.client_host().to_string(),
                assignment: if consumer {
                    m.assignment()
                        .and_then(decode_assignment)
                        .unwrap_or_default()
                } else {
                    Vec::new()
                },
            })
            .collect(),
    }
}

/// Did the broker refuse because it does not implement the request?
fn unsupported(e: &KafkaError) -> bool {
    matches!(
        e.rdkafka_error_code(),
        Some(
            RDKafkaErrorCode::UnsupportedVersion
                | RDKafkaErrorCode::UnsupportedFeature
                | RDKafkaErrorCode::InvalidRequest
        )
    )
}

impl Admin {
    /// Every group the brokers know, described.
    pub fn list_groups(&self) -> Result<Listing> {
        let started = std::time::Instant::now();
        match self.consumer.fetch_group_list(None, self.timeout) {
            Ok(list) => {
                let mut out: Vec<GroupDescription> =
                    list.groups().iter().map(description).collect();
                out.sort_by(|a, b| a.group.cmp(&b.group));
                Ok(Listing::Groups(out))
            }
            Err(e) if unsupported(&e) => Ok(Listing::Unknown(
                "it does not implement ListGroups".to_string(),
            )),
            Err(e) => Err(super::admin::map_err(
                e,
                "listing consumer groups",
                self.settings(),
                started,
            )),
        }
    }

    /// One group, described by its coordinator.
    pub fn describe_group(&self, group: &str) -> Result<Described> {
        let started = std::time::Instant::now();
        match self.consumer.fetch_group_list(Some(group), self.timeout) {
            Ok(list) => match list.groups().iter().find(|g| g.name() == group) {
                Some(g) => Ok(Described::Known(description(g))),
                None => Ok(Described::NotListed),
            },
            // librdkafka asks ListGroups first, then DescribeGroups.
            Err(e) if unsupported(&e) => Ok(Described::Unknown(
                "it does not implement ListGroups and DescribeGroups".to_string(),
            )),
            Err(e) => Err(super::admin::map_err(
                e,
                &format!("describing group `{group}`"),
                self.settings(),
                started,
            )),
        }
    }

    /// Low watermark and exact log end of each partition: the end as a fetch sees it (see
    /// `reader::fetch_ends`: some brokers under-report it).
    pub fn log_ends(&self, topic: &str, partitions: &[i32]) -> Result<Vec<(i64, i64)>> {
        let mut marks: Vec<(i64, i64)> = partitions
            .iter()
            .map(|&p| self.watermarks(topic, p))
            .collect::<Result<_>>()?;
        super::reader::fetch_ends(self.settings(), topic, partitions, &mut marks)?;
        Ok(marks)
    }
}

/// Decode a consumer-protocol assignment (`ConsumerProtocolAssignment` v0–v3, not flexible):
/// version, then topics with their partitions, then user data we ignore.
pub fn decode_assignment(b: &[u8]) -> Option<Vec<(String, Vec<i32>)>> {
    let mut r = b;
    let mut take = |n: usize| -> Option<&[u8]> {
        if r.len() < n {
            return None;
        }
        let (head, rest) = r.split_at(n);
        r = rest;
        Some(head)
    };
    if b.is_empty() {
        return Some(Vec::new());
    }
    let _version = i16::from_be_bytes(take(2)?.try_into().ok()?);
    let topics = i32::from_be_bytes(take(4)?.try_into().ok()?);
    let mut out = Vec::new();
    for _ in 0..topics.max(0) {
        let len = i16::from_be_bytes(take(2)?.try_into().ok()?);
        let name = String::from_utf8_lossy(take(len.max(0) as usize)?).into_owned();
        let n = i32::from_be_bytes(take(4)?.try_into().ok()?);
        let mut parts = Vec::with_capacity(n.clamp(0, 4096) as usize);
        for _ in 0..n.max(0) {
            parts.push(i32::from_be_bytes(take(4)?.try_into().ok()?));
        }
        parts.sort_unstable();
        out.push((name, parts));
    }
    out.sort();
    Some(out)
}

/// How a commit from outside the group went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitOutcome {
    Committed,
    /// The broker refused a commit from outside the group: it has (or, on some brokers, had)
    /// members. The text is the broker's answer.
    RefusedLiveGroup(String),
}

/// A position to commit: topic, partition, offset, and the metadata to commit beside it.
pub type Position = (String, i32, i64, String);

/// Commit positions in `group` without joining it, as a "simple consumer" does (generation -1,
/// no member id). Kafka and Tansu accept this only while the group has no members; librdkafka's
/// mock only for a group that never had one (it refuses with UNKNOWN_MEMBER_ID for any group it
/// has seen a member of, live or gone).
pub fn commit_outside(s: &Settings, group: &str, positions: &[Position]) -> Result<CommitOutcome> {
    let consumer: BaseConsumer<Ctx> =
        client_config_with(s, &[("group.id", group), ("enable.auto.commit", "false")])
            .create_with_context(Ctx { verbose: s.verbose })
            .map_err(|e| usage(format!("invalid consumer configuration: {e}")))?;
    let tpl = to_list(positions)?;
    let committed = consumer.commit(&tpl, CommitMode::Sync);
    close(&consumer);
    match committed {
        Ok(()) => Ok(CommitOutcome::Committed),
        Err(e) if refused_as_outsider(&e) => Ok(CommitOutcome::RefusedLiveGroup(describe(&e))),
        Err(e) => Err(anyhow::anyhow!(
            "committing offsets for group `{group}`: {}",
            describe(&e)
        )),
    }
}

fn to_list(positions: &[Position]) -> Result<TopicPartitionList> {
    let mut tpl = TopicPartitionList::new();
    for (topic, partition, offset, metadata) in positions {
        tpl.add_partition_offset(topic, *partition, Offset::Offset(*offset))
            .context("building commit")?;
        if !metadata.is_empty() {
            if let Some(mut e) = tpl.find_partition(topic, *partition) {
                e.set_metadata(metadata);
            }
        }
    }
    Ok(tpl)
}

fn refused_as_outsider(e: &KafkaError) -> bool {
    matches!(
        e.rdkafka_error_code(),
        Some(
            RDKafkaErrorCode::UnknownMemberId
                | RDKafkaErrorCode::IllegalGeneration
                | RDKafkaErrorCode::RebalanceInProgress
        )
    )
}

/// Membership of a group held by evtctl alone: joined subscribed to some topics and given every
/// partition of them, so no other member consumes them while evtctl works and commits. Joining
/// rebalances whatever members the group has, so it is never a way to find out whether it has
/// any: only for a user who said its consumers are stopped (`--consumers-stopped`), on brokers
/// that refuse commits from outside a group that once had members (librdkafka's mock keeps
/// every group it has seen and refuses for ever). Leaves the group when dropped.
pub struct Membership {
    consumer: BaseConsumer<Ctx>,
    group: String,
}

impl Membership {
    /// Join `group` on `topics` (each with its partition count). Fails, having committed
    /// nothing, when another member holds some of their partitions, or on Ctrl-C.
    pub fn join(
        s: &Settings,
        group: &str,
        topics: &[(String, usize)],
        cancel: &std::sync::atomic::AtomicBool,
    ) -> Result<Membership> {
        let names: Vec<&str> = topics.iter().map(|(t, _)| t.as_str()).collect();
        let topic = names.join(", ");
        let topic_partitions: usize = topics.iter().map(|(_, n)| n).sum();
        let consumer: BaseConsumer<Ctx> = client_config_with(
            s,
            &[
                ("group.id", group),
                ("enable.auto.commit", "false"),
                ("enable.auto.offset.store", "false"),
                ("client.id", "evtctl-groups-skip"),
                ("session.timeout.ms", "6000"),
                ("heartbeat.interval.ms", "1000"),
            ],
        )
        .create_with_context(Ctx { verbose: s.verbose })
        .map_err(|e| usage(format!("invalid consumer configuration: {e}")))?;
        consumer
            .subscribe(&names)
            .with_context(|| format!("joining group `{group}` on `{topic}`"))?;
        let wait = s.timeout.max(Duration::from_secs(30));
        let deadline = Instant::now() + wait;
        let (started, mut said_waiting) = (Instant::now(), false);
        let assigned = loop {
            // Fetched records are dropped: this member reads nothing, it only holds the group.
            if let Some(Err(e)) = consumer.poll(Duration::from_millis(100)) {
                if !matches!(e, KafkaError::PartitionEOF(_)) {
                    return Err(anyhow::anyhow!(
                        "joining group `{group}` on `{topic}`: {}",
                        describe(&e)
                    ));
                }
            }
            let a = consumer.assignment().map_err(|e| {
                anyhow::anyhow!(
                    "reading the assignment in group `{group}`: {}",
                    describe(&e)
                )
            })?;
            let n = a
                .elements()
                .iter()
                .filter(|e| names.contains(&e.topic()))
                .count();
            if n > 0 {
                break n;
            }
            if cancel.load(std::sync::atomic::Ordering::SeqCst) {
                return Err(crate::error::Interrupted.into());
            }
            if !said_waiting && started.elapsed() >= Duration::from_secs(1) {
                said_waiting = true;
                crate::ewriteln!(
                    "evtctl: waiting for the broker to assign group `{}`'s partitions to evtctl \
                     (a rebalance: the broker waits for members that left to rejoin, up to their \
                     session timeout; at most {}s)",
                    crate::output::sanitize::escape_line(group),
                    wait.as_secs()
                );
            }
            if Instant::now() >= deadline {
                // The group waits for its other members to rejoin: someone is (or was until
                // moments ago) consuming.
                return Err(crate::error::ProblemsFound(format!(
                    "joining group `{group}` on `{topic}`: no partitions assigned after {}s; \
                     another member seems to hold them; nothing was changed (stop \
                     the group's consumers, wait for their session to expire, then run this \
                     again)",
                    wait.as_secs()
                ))
                .into());
            }
        };
        if assigned < topic_partitions {
            consumer.unsubscribe();
            return Err(crate::error::ProblemsFound(format!(
                "group `{group}` has other members: joining it gave evtctl {assigned} of the \
                 {topic_partitions} partitions of `{topic}`; nothing was changed \
                 (stop the group's consumers, then run this again)"
            ))
            .into());
        }
        // Nothing is consumed: stop fetching.
        if let Ok(a) = consumer.assignment() {
            let _ = consumer.pause(&a);
        }
        Ok(Membership {
            consumer,
            group: group.to_string(),
        })
    }

    /// Commit positions as this member.
    pub fn commit(&self, positions: &[Position]) -> Result<()> {
        let tpl = to_list(positions)?;
        self.consumer.commit(&tpl, CommitMode::Sync).map_err(|e| {
            anyhow::anyhow!(
                "committing offsets for group `{}`: {}",
                self.group,
                describe(&e)
            )
        })
    }
}

impl Drop for Membership {
    fn drop(&mut self) {
        self.consumer.unsubscribe();
        close(&self.consumer);
    }
}

/// What a [`consume`] run did.
#[derive(Debug, Default)]
pub struct Consumed {
    /// Records handled (and committed).
    pub handled: u64,
    /// Where the handler failed: partition, offset, why. The consumer stopped there and kept
    /// going on its other partitions.
    pub failed: Vec<(i32, i64, String)>,
}

/// The session of a [`consume`] member on the embedded broker (librdkafka's mock). After a
/// member leaves, the mock holds a classic group's next join for the last joiner's
/// `session.timeout.ms` less 1 s, and drops a member that waits there longer than its own
/// session: so a short session spares the next member that wait only when no member with a
/// longer one came before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Session {
    /// 1.5 s: the group's first member, or one that follows only short ones.
    Short,
    /// 6 s, the least real brokers accept (`group.min.session.timeout.ms`), as `groups skip`'s
    /// member uses: for a member that may follow one.
    Usual,
}

impl Session {
    fn timeout(self) -> &'static str {
        match self {
            Session::Short => "1500",
            Session::Usual => "6000",
        }
    }

    fn heartbeat(self) -> &'static str {
        match self {
            Session::Short => "500",
            Session::Usual => "1000",
        }
    }
}

/// A consumer as services run them, for the demo: a member of `group` subscribed to `topic`
/// from its committed offsets (the earliest without), handling each record and committing past
/// it. A partition whose record the handler fails on stops there (the service retries it
/// forever, or crash-loops on it); the others go on to their end. Then it leaves the group.
pub fn consume(
    s: &Settings,
    group: &str,
    topic: &str,
    session: Session,
    mut handle: impl FnMut(&crate::record::RecordView<'_>) -> Result<(), String>,
) -> Result<Consumed> {
    use rdkafka::message::Message;
    let consumer: BaseConsumer<Ctx> = client_config_with(
        s,
        &[
            ("group.id", group),
            ("client.id", group),
            ("enable.auto.commit", "false"),
            ("auto.offset.reset", "earliest"),
            ("enable.partition.eof", "true"),
            ("fetch.wait.max.ms", "50"),
            ("session.timeout.ms", session.timeout()),
            ("heartbeat.interval.ms", session.heartbeat()),
        ],
    )
    .create_with_context(Ctx { verbose: s.verbose })
    .map_err(|e| usage(format!("invalid consumer configuration: {e}")))?;
    consumer
        .subscribe(&[topic])
        .with_context(|| format!("subscribing to `{topic}` in group `{group}`"))?;
    let mut out = Consumed::default();
    // Partitions at their end (or stopped by a failure).
    let mut done: std::collections::BTreeSet<i32> = Default::default();
    let wait = s.timeout.max(Duration::from_secs(30));
    let mut last_progress = Instant::now();
    loop {
        let assigned: Vec<i32> = consumer
            .assignment()
            .map(|a| a.elements().iter().map(|e| e.partition()).collect())
            .unwrap_or_default();
        if !assigned.is_empty() && assigned.iter().all(|p| done.contains(p)) {
            break;
        }
        if last_progress.elapsed() > wait {
            return Err(cluster(format!(
                "consuming `{topic}` in group `{group}`: nothing happened for {}s",
                wait.as_secs()
            )));
        }
        match consumer.poll(Duration::from_millis(100)) {
            None => {}
            Some(Err(KafkaError::PartitionEOF(p))) => {
                done.insert(p);
                last_progress = Instant::now();
            }
            Some(Err(e)) => {
                return Err(anyhow::anyhow!(
                    "consuming `{topic}` in group `{group}`: {}",
                    describe(&e)
                ))
            }
            Some(Ok(m)) => {
                last_progress = Instant::now();
                let p = m.partition();
                if out.failed.iter().any(|(q, _, _)| *q == p) {
                    continue;
                }
                done.remove(&p);
                let (timestamp, timestamp_type) = super::reader::timestamp_of(&m);
                let headers = super::reader::headers_of(&m, Vec::new());
                let view = crate::record::RecordView {
                    topic,
                    partition: p,
                    offset: m.offset(),
                    timestamp,
                    timestamp_type,
                    key: m.key(),
                    headers: &headers,
                    value: m.payload(),
                };
                match handle(&view) {
                    Ok(()) => {
                        out.handled += 1;
                        let tpl =
                            to_list(&[(topic.to_string(), p, m.offset() + 1, String::new())])?;
                        consumer.commit(&tpl, CommitMode::Sync).map_err(|e| {
                            anyhow::anyhow!("committing in group `{group}`: {}", describe(&e))
                        })?;
                    }
                    Err(why) => {
                        out.failed.push((p, m.offset(), why));
                        done.insert(p);
                        let mut tpl = TopicPartitionList::new();
                        tpl.add_partition(topic, p);
                        let _ = consumer.pause(&tpl);
                    }
                }
            }
        }
    }
    consumer.unsubscribe();
    close(&consumer);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_consumer_assignment() {
        let mut b = vec![0, 1]; // version 1
        b.extend(2i32.to_be_bytes());
        for (t, ps) in [("orders", &[2i32, 0][..]), ("a", &[5][..])] {
            b.extend((t.len() as i16).to_be_bytes());
            b.extend(t.as_bytes());
            b.extend((ps.len() as i32).to_be_bytes());
            for p in ps {
                b.extend(p.to_be_bytes());
            }
        }
        b.extend((-1i32).to_be_bytes()); // null user data
        assert_eq!(
            decode_assignment(&b),
            Some(vec![("a".into(), vec![5]), ("orders".into(), vec![0, 2])])
        );
        assert_eq!(decode_assignment(&[]), Some(vec![]));
        assert_eq!(decode_assignment(&[0, 1, 0, 0, 0, 1, 0]), None);
    }
}
