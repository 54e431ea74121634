//! Metadata, watermarks, offsets for times, and topic creation.

use super::{client_config, client_config_with, describe, Ctx};
use crate::config::Settings;
use crate::error::{cluster, usage};
use anyhow::{Context, Result};
use rdkafka::admin::{
    AdminClient, AdminOptions, AlterConfig, ConfigSource, NewPartitions, NewTopic,
    ResourceSpecifier, TopicReplication,
};
use rdkafka::client::{Client, ClientContext};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::metadata::Metadata;
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use std::cell::Cell;
use std::time::{Duration, Instant};

/// One partition as the cluster describes it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PartitionInfo {
    pub partition: i32,
    pub leader: i32,
    pub replicas: Vec<i32>,
    pub isr: Vec<i32>,
    pub low: i64,
    pub high: i64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct TopicInfo {
    pub topic: String,
    pub partitions: Vec<PartitionInfo>,
}

impl TopicInfo {
    pub fn replication(&self) -> usize {
        self.partitions
            .iter()
            .map(|p| p.replicas.len())
            .max()
            .unwrap_or(0)
    }
    pub fn messages(&self) -> i64 {
        self.partitions.iter().map(|p| p.high - p.low).sum()
    }
}

/// One configuration entry of a topic.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ConfigItem {
    pub name: String,
    /// None when the broker withholds it (sensitive) or has none.
    pub value: Option<String>,
    /// Where the value comes from, as the broker says (DynamicTopic, StaticBroker, Default, …).
    pub source: String,
    /// Set on this topic (what AlterConfigs replaces).
    pub dynamic: bool,
    pub is_default: bool,
    pub read_only: bool,
    pub sensitive: bool,
}

fn unsupported_code(code: RDKafkaErrorCode) -> bool {
    matches!(
        code,
        RDKafkaErrorCode::UnsupportedFeature | RDKafkaErrorCode::UnsupportedVersion
    )
}

/// A metadata/offsets client. Joins no group, commits nothing.
pub struct Admin {
    pub(super) consumer: BaseConsumer<Ctx>,
    settings: Settings,
    pub(super) timeout: Duration,
}

pub(super) fn map_err(e: KafkaError, what: &str, s: &Settings, started: Instant) -> anyhow::Error {
    match e.rdkafka_error_code() {
        Some(code) if super::is_cluster(code) => super::cluster_error(what, &e, s, started),
        _ => anyhow::anyhow!("{what}: {}", describe(&e)),
    }
}

/// Metadata within `--timeout` from any client, asked for in slices so librdkafka's log and
/// error events (served only by polling: `serve`, which serves what is queued) reach the
/// context meanwhile: `-v`/`-vv` show the connection as it happens, and a failure names
/// librdkafka's cause (TLS, SASL, name resolution, a refused connection).
///
/// Before the cluster first answered this process, every broker being down for `CONNECT_GRACE`
/// ends the wait at once: a refused port or a failed handshake is reported in about a second,
/// not after `--timeout` (the grace lets librdkafka try every address a name resolves to).
pub(super) fn metadata_via<C: ClientContext>(
    client: &Client<C>,
    only: Option<&str>,
    settings: &Settings,
    serve: impl Fn(),
) -> Result<Metadata> {
    let started = Instant::now();
    let deadline = started + settings.timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let slice = if super::answered() {
            Duration::from_millis(500)
        } else {
            Duration::from_millis(100)
        };
        let res = client.fetch_metadata(only, left.min(slice));
        // Serving only matters when the events are shown (-v) or when the step fails.
        if res.is_err() || settings.verbose > 0 {
            serve();
        }
        match res {
            Ok(md) => {
                super::note_answered();
                return Ok(md);
            }
            Err(e)
                if !super::answered()
                    && started.elapsed() >= CONNECT_GRACE
                    && super::all_down_since(started) =>
            {
                let cause = super::cause_since(started).unwrap_or_else(|| describe(&e));
                return Err(cluster(format!(
                    "fetching metadata: cannot connect to {}: {cause}",
                    settings.brokers
                )));
            }
            Err(e)
                if Instant::now() < deadline
                    && e.rdkafka_error_code().is_some_and(super::is_transient) => {}
            Err(e) => return Err(map_err(e, "fetching metadata", settings, started)),
        }
    }
}

/// How long every broker must have been down, before the cluster first answered, to report the
/// connection as failed without waiting out `--timeout`.
const CONNECT_GRACE: Duration = Duration::from_secs(1);

/// Serve what is queued for a consumer (log and error events reach its context) for 10 ms: a
/// poll returns after each error event, so one poll would serve one.
pub(super) fn serve_queued<C: rdkafka::consumer::ConsumerContext>(consumer: &BaseConsumer<C>) {
    let until = Instant::now() + Duration::from_millis(10);
    while Instant::now() < until {
        let _ = consumer.poll(Duration::from_millis(1));
    }
}

/// The topics of a metadata response, sorted, each with its partitions (and their watermarks,
/// from `watermarks`). An unknown topic asked for by name is a usage error that names it.
pub(super) fn topic_infos(
    md: &Metadata,
    only: Option<&str>,
    mut watermarks: impl FnMut(&str, i32) -> Result<(i64, i64)>,
) -> Result<Vec<TopicInfo>> {
    let mut out = Vec::new();
    for t in md.topics() {
        if let Some(err) = t.error() {
            let code: RDKafkaErrorCode = err.into();
            if code == RDKafkaErrorCode::UnknownTopicOrPartition
                || code == RDKafkaErrorCode::UnknownTopic
            {
                return Err(missing_topic(t.name()));
            }
            return Err(anyhow::anyhow!("topic `{}`: {code}", t.name()));
        }
        let mut parts = Vec::new();
        for p in t.partitions() {
            let (low, high) = watermarks(t.name(), p.id())?;
            parts.push(PartitionInfo {
                partition: p.id(),
                leader: p.leader(),
                replicas: p.replicas().to_vec(),
                isr: p.isr().to_vec(),
                low,
                high,
            });
        }
        parts.sort_by_key(|p| p.partition);
        out.push(TopicInfo {
            topic: t.name().to_string(),
            partitions: parts,
        });
    }
    out.sort_by(|a, b| a.topic.cmp(&b.topic));
    if let Some(name) = only {
        if out.first().is_none_or(|t| t.partitions.is_empty()) {
            return Err(missing_topic(name));
        }
    }
    Ok(out)
}

/// Partition ids of `topic` in a metadata response asked for it, sorted. An unknown topic is a
/// usage error that names it.
pub(super) fn partition_ids(md: &Metadata, topic: &str) -> Result<Vec<i32>> {
    let info = topic_infos(md, Some(topic), |_, _| Ok((-1, -1)))?;
    Ok(info[0].partitions.iter().map(|p| p.partition).collect())
}

fn missing_topic(name: &str) -> anyhow::Error {
    MissingTopic(name.to_string()).into()
}

/// A topic that does not exist (exit 2): the message says how to create it; a command that can
/// create it itself (`publish --create`) says so instead (see [`MissingTopic::name`]).
#[derive(Debug)]
pub struct MissingTopic(pub String);

impl MissingTopic {
    /// The topic's name.
    pub fn name(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for MissingTopic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "topic `{0}` does not exist (create it with `evtctl topics create {0}`)",
            self.0
        )
    }
}

impl std::error::Error for MissingTopic {}

impl Admin {
    pub fn connect(s: &Settings) -> Result<Admin> {
        let mut cfg = client_config_with(s, &[super::EAGER_CONNECTIONS]);
        cfg.set("enable.auto.commit", "false");
        let consumer: BaseConsumer<Ctx> = cfg
            .create_with_context(Ctx { verbose: s.verbose })
            .map_err(|e| usage(format!("invalid client configuration: {e}")))?;
        Ok(Admin {
            consumer,
            settings: s.clone(),
            timeout: s.timeout,
        })
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    fn metadata(&self, only: Option<&str>) -> Result<Metadata> {
        metadata_via(self.consumer.client(), only, &self.settings, || {
            serve_queued(&self.consumer)
        })
    }

    /// Check the cluster answers (a metadata request for brokers and topics): for commands whose
    /// first request would otherwise wait out `--timeout` before saying a connection failed.
    pub fn reach(&self) -> Result<()> {
        self.metadata(None).map(|_| ())
    }

    /// Metadata for one topic, or all. An unknown topic is a usage error that names it.
    pub fn topics(&self, only: Option<&str>, with_watermarks: bool) -> Result<Vec<TopicInfo>> {
        let md = self.metadata(only)?;
        topic_infos(&md, only, |topic, p| {
            if with_watermarks {
                self.watermarks(topic, p)
            } else {
                Ok((-1, -1))
            }
        })
    }

    /// Whether a topic exists (from the full topic list: asking for one name could create it on
    /// brokers that auto-create topics).
    pub fn exists(&self, topic: &str) -> Result<bool> {
        let md = self.metadata(None)?;
        Ok(md
            .topics()
            .iter()
            .any(|t| t.name() == topic && t.error().is_none() && !t.partitions().is_empty()))
    }

    /// Names of the topics the cluster lists without an error, sorted.
    pub fn topic_names(&self) -> Result<Vec<String>> {
        let md = self.metadata(None)?;
        let mut names: Vec<String> = md
            .topics()
            .iter()
            .filter(|t| t.error().is_none() && !t.partitions().is_empty())
            .map(|t| t.name().to_string())
            .collect();
        names.sort();
        Ok(names)
    }

    /// Partition ids of a topic, sorted.
    pub fn partitions(&self, topic: &str) -> Result<Vec<i32>> {
        partition_ids(&self.metadata(Some(topic))?, topic)
    }

    /// Low and high watermark of one partition.
    pub fn watermarks(&self, topic: &str, partition: i32) -> Result<(i64, i64)> {
        let started = Instant::now();
        self.consumer
            .fetch_watermarks(topic, partition, self.timeout)
            .map_err(|e| {
                map_err(
                    e,
                    &format!("watermarks of {topic}/{partition}"),
                    &self.settings,
                    started,
                )
            })
    }

    /// First offset at or after `ms` per partition; None where no such record exists.
    pub fn offsets_for_time(
        &self,
        topic: &str,
        partitions: &[i32],
        ms: i64,
    ) -> Result<Vec<(i32, Option<i64>)>> {
        let mut tpl = TopicPartitionList::new();
        for &p in partitions {
            tpl.add_partition_offset(topic, p, Offset::Offset(ms))
                .context("building offsets request")?;
        }
        let started = Instant::now();
        let res = self
            .consumer
            .offsets_for_times(tpl, self.timeout)
            .map_err(|e| {
                map_err(
                    e,
                    &format!("offsets for time in {topic}"),
                    &self.settings,
                    started,
                )
            })?;
        Ok(res
            .elements()
            .iter()
            .map(|e| {
                (
                    e.partition(),
                    match e.offset() {
                        Offset::Offset(o) if o >= 0 => Some(o),
                        _ => None,
                    },
                )
            })
            .collect())
    }

    /// Delete a consumer group (DeleteGroups). The broker refuses a group with members
    /// (`NonEmptyGroup`): that is a [`crate::error::ProblemsFound`], exit 1.
    pub fn delete_group(&self, group: &str) -> Result<()> {
        // librdkafka aborts the process (an assertion in its queue code) when the broker lacks
        // DeleteGroups, as the embedded one does (the same failure as confluentinc/librdkafka
        // #3663 for OffsetDelete): ask the brokers first where they can be asked (plaintext).
        let info = super::probe::describe(&self.settings, true)?;
        let lists: Vec<_> = info
            .brokers
            .iter()
            .filter_map(|b| b.api_versions.as_ref())
            .collect();
        if !lists.is_empty() && lists.iter().all(|v| !v.iter().any(|a| a.key == 42)) {
            return Err(self.unsupported("DeleteGroups"));
        }
        let admin = self.admin_client()?;
        let res = futures_executor::block_on(admin.delete_groups(&[group], &self.admin_options()))
            .map_err(|e| self.request_err(e, "DeleteGroups", "deleting the group"))?;
        match res.into_iter().next() {
            None | Some(Ok(_)) => Ok(()),
            Some(Err((_, code))) if unsupported_code(code) => Err(self.unsupported("DeleteGroups")),
            Some(Err((name, RDKafkaErrorCode::NonEmptyGroup))) => {
                Err(crate::error::ProblemsFound(format!(
                    "group `{name}` has active members: the broker refused to delete it; stop its \
                     consumers, then run this again"
                ))
                .into())
            }
            Some(Err((name, code))) => Err(usage(format!("cannot delete group `{name}`: {code}"))),
        }
    }

    /// An admin client, once the cluster answers: an admin request waits out its whole
    /// timeout before saying a connection failed.
    fn admin_client(&self) -> Result<AdminClient<Ctx>> {
        if !super::answered() {
            self.reach()?;
        }
        client_config(&self.settings)
            .create_with_context(Ctx {
                verbose: self.settings.verbose,
            })
            .map_err(|e| usage(format!("invalid client configuration: {e}")))
    }

    fn admin_options(&self) -> AdminOptions {
        AdminOptions::new()
            .operation_timeout(Some(self.timeout))
            .request_timeout(Some(self.timeout))
    }

    /// Delete topics; per topic, None when deleted or the broker's reason.
    pub fn delete_topics(&self, topics: &[&str]) -> Result<Vec<(String, Option<String>)>> {
        let admin = self.admin_client()?;
        let res = futures_executor::block_on(admin.delete_topics(topics, &self.admin_options()))
            .map_err(|e| self.request_err(e, "DeleteTopics", "deleting topics"))?;
        let mut out = Vec::new();
        for r in res {
            match r {
                Ok(name) => out.push((name, None)),
                Err((_, code)) if unsupported_code(code) => {
                    return Err(self.unsupported("DeleteTopics"));
                }
                Err((name, code)) => out.push((name, Some(code.to_string()))),
            }
        }
        Ok(out)
    }

    /// Grow a topic to `total` partitions.
    pub fn create_partitions(&self, topic: &str, total: usize) -> Result<()> {
        let admin = self.admin_client()?;
        let np = NewPartitions::new(topic, total);
        let res = futures_executor::block_on(admin.create_partitions([&np], &self.admin_options()))
            .map_err(|e| self.request_err(e, "CreatePartitions", "adding partitions"))?;
        match res.into_iter().next() {
            None | Some(Ok(_)) => Ok(()),
            Some(Err((_, code))) if unsupported_code(code) => {
                Err(self.unsupported("CreatePartitions"))
            }
            Some(Err((name, code))) => {
                Err(usage(format!("cannot add partitions to `{name}`: {code}")))
            }
        }
    }

    /// A topic's configuration as the broker describes it.
    pub fn topic_configs(&self, topic: &str) -> Result<Vec<ConfigItem>> {
        let admin = self.admin_client()?;
        let spec = ResourceSpecifier::Topic(topic);
        let res =
            futures_executor::block_on(admin.describe_configs([&spec], &self.admin_options()))
                .map_err(|e| self.request_err(e, "DescribeConfigs", "describing configuration"))?;
        match res.into_iter().next() {
            None => Ok(Vec::new()),
            Some(Ok(r)) => {
                let mut items: Vec<ConfigItem> = r
                    .entries
                    .into_iter()
                    .map(|e| ConfigItem {
                        source: format!("{:?}", e.source),
                        dynamic: e.source == ConfigSource::DynamicTopic,
                        name: e.name,
                        value: e.value,
                        is_default: e.is_default,
                        read_only: e.is_read_only,
                        sensitive: e.is_sensitive,
                    })
                    .collect();
                items.sort_by(|a, b| a.name.cmp(&b.name));
                Ok(items)
            }
            Some(Err(code)) if unsupported_code(code) => Err(self.unsupported("DescribeConfigs")),
            Some(Err(code)) => Err(usage(format!(
                "cannot describe the configuration of `{topic}`: {code}"
            ))),
        }
    }

    /// Replace a topic's dynamic configuration with `configs` (AlterConfigs: what is not
    /// named returns to its default).
    pub fn set_topic_configs(&self, topic: &str, configs: &[(String, String)]) -> Result<()> {
        let admin = self.admin_client()?;
        let mut ac = AlterConfig::new(ResourceSpecifier::Topic(topic));
        for (k, v) in configs {
            ac = ac.set(k, v);
        }
        let res = futures_executor::block_on(admin.alter_configs([&ac], &self.admin_options()))
            .map_err(|e| self.request_err(e, "AlterConfigs", "altering configuration"))?;
        match res.into_iter().next() {
            None | Some(Ok(_)) => Ok(()),
            Some(Err((_, code))) if unsupported_code(code) => Err(self.unsupported("AlterConfigs")),
            Some(Err((_, code))) => Err(usage(format!(
                "cannot alter the configuration of `{topic}`: {code}"
            ))),
        }
    }

    /// Set and unset single configuration values of a topic (IncrementalAlterConfigs), leaving
    /// the others as they are.
    pub fn alter_topic_configs(
        &self,
        topic: &str,
        set: &[(String, String)],
        unset: &[String],
    ) -> Result<()> {
        use super::incremental::{alter, Op};
        let admin = self.admin_client()?;
        let ops: Vec<Op> = set
            .iter()
            .map(|(k, v)| Op::Set(k.clone(), v.clone()))
            .chain(unset.iter().map(|k| Op::Delete(k.clone())))
            .collect();
        alter(admin.inner().native_ptr(), topic, &ops, self.timeout).map_err(|f| {
            if unsupported_code(f.code) {
                self.unsupported("IncrementalAlterConfigs")
            } else if matches!(
                f.code,
                RDKafkaErrorCode::OperationTimedOut
                    | RDKafkaErrorCode::RequestTimedOut
                    | RDKafkaErrorCode::AllBrokersDown
                    | RDKafkaErrorCode::BrokerTransportFailure
            ) {
                cluster(format!(
                    "altering the configuration of `{topic}`: no answer from {} within {}: {}",
                    self.settings.brokers,
                    humantime::format_duration(self.timeout),
                    f.message
                ))
            } else {
                usage(format!(
                    "cannot alter the configuration of `{topic}`: {} ({})",
                    f.code, f.message
                ))
            }
        })
    }

    /// The broker lacks `request`: exit 3 like every answer about what the cluster cannot do
    /// (`groups` on a broker without ListGroups too), without the "is it reachable?" hint.
    fn unsupported(&self, request: &str) -> anyhow::Error {
        crate::error::BrokerCannot(format!(
            "the broker at {} does not support the {request} request (`evtctl cluster -v` lists the requests it does)",
            self.settings.brokers
        ))
        .into()
    }

    fn request_err(&self, e: KafkaError, request: &str, what: &str) -> anyhow::Error {
        // Admin operations report their error as AdminOp(code), which carries no
        // `rdkafka_error_code`: classify by the code itself.
        let code = match &e {
            KafkaError::AdminOp(c) => Some(*c),
            other => other.rdkafka_error_code(),
        };
        match code {
            Some(c) if unsupported_code(c) => self.unsupported(request),
            Some(
                RDKafkaErrorCode::OperationTimedOut
                | RDKafkaErrorCode::RequestTimedOut
                | RDKafkaErrorCode::AllBrokersDown
                | RDKafkaErrorCode::BrokerTransportFailure,
            ) => cluster(format!(
                "{what}: no answer from {} within {}: {}",
                self.settings.brokers,
                humantime::format_duration(self.settings.timeout),
                describe(&e)
            )),
            _ => map_err(e, what, &self.settings, Instant::now()),
        }
    }

    /// Create a topic. `replication` None asks for the broker's default.
    pub fn create_topic(
        &self,
        topic: &str,
        partitions: i32,
        replication: Option<i32>,
        configs: &[(String, String)],
        if_not_exists: bool,
    ) -> Result<bool> {
        let admin = self.admin_client()?;
        let mut nt = NewTopic::new(
            topic,
            partitions,
            TopicReplication::Fixed(replication.unwrap_or(-1)),
        );
        for (k, v) in configs {
            nt = nt.set(k, v);
        }
        let opts = AdminOptions::new()
            .operation_timeout(Some(self.timeout))
            .request_timeout(Some(self.timeout));
        let res = futures_executor::block_on(admin.create_topics([&nt], &opts))
            .map_err(|e| self.request_err(e, "CreateTopics", "creating topic"))?;
        match res.into_iter().next() {
            None | Some(Ok(_)) => Ok(true),
            Some(Err((_, RDKafkaErrorCode::TopicAlreadyExists))) if if_not_exists => Ok(false),
            Some(Err((_, code))) if unsupported_code(code) => Err(self.unsupported("CreateTopics")),
            Some(Err((name, code))) => Err(usage(format!("cannot create topic `{name}`: {code}"))),
        }
    }
}

/// Whether the cluster still answers, for waits librdkafka would otherwise stretch to a whole
/// delivery timeout (copies in flight to a cluster that went away): asked at most once a
/// second, `gone` once it has not answered for two `--timeout`s.
pub struct Watch {
    settings: Settings,
    /// Connected at the first question (most waits are over before).
    admin: std::cell::OnceCell<Option<Admin>>,
    topic: String,
    limit: Duration,
    away_since: Cell<Option<Instant>>,
    last_probe: Cell<Option<Instant>>,
}

impl Watch {
    /// Watch the cluster through `topic` (one that must be readable for the wait to succeed).
    pub fn new(s: &Settings, topic: &str) -> Watch {
        Watch {
            settings: s.clone(),
            admin: std::cell::OnceCell::new(),
            topic: topic.to_string(),
            limit: super::outage_limit(s),
            away_since: Cell::new(None),
            // The first question a second from now: most waits are over by then.
            last_probe: Cell::new(Some(Instant::now())),
        }
    }

    /// Has the cluster not answered for two `--timeout`s (counted from when a writer last
    /// heard from it, when one found it gone)?
    pub fn gone(&self) -> bool {
        let now = Instant::now();
        if let Some(lost) = super::lost_since() {
            let since = self.away_since.get().map_or(lost, |t| t.min(lost));
            self.away_since.set(Some(since));
        }
        if self
            .last_probe
            .get()
            .is_some_and(|t| now.duration_since(t) < Duration::from_secs(1))
        {
            return self
                .away_since
                .get()
                .is_some_and(|t| t.elapsed() >= self.limit);
        }
        self.last_probe.set(Some(now));
        let admin = self
            .admin
            .get_or_init(|| Admin::connect(&self.settings).ok());
        let answers = admin
            .as_ref()
            .is_some_and(|a| super::answers(&a.consumer, &self.topic, Duration::from_millis(500)));
        if answers {
            super::note_back();
            self.away_since.set(None);
            return false;
        }
        let since = self.away_since.get().unwrap_or(now);
        self.away_since.set(Some(since));
        since.elapsed() >= self.limit
    }
}
