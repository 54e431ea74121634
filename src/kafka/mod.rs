//! The only code that names rdkafka: client settings, reader, writer, admin, embedded broker.

pub mod admin;
pub mod embedded;
pub mod group;
pub mod groups;
mod incremental;
mod mock_proxy;
pub mod probe;
pub mod reader;
pub mod writer;

use crate::config::Settings;
use rdkafka::client::ClientContext;
use rdkafka::config::{ClientConfig, RDKafkaLogLevel};
use rdkafka::consumer::ConsumerContext;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Client context: routes librdkafka's log to stderr when asked (-vv), or its errors with -v,
/// and keeps the causes it reports (see `cause_since`).
#[derive(Clone, Copy)]
pub struct Ctx {
    pub verbose: u8,
}

impl ClientContext for Ctx {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, log_message: &str) {
        if self.verbose >= 2
            || (self.verbose >= 1 && (level as i32) <= (RDKafkaLogLevel::Warning as i32))
        {
            crate::ewriteln!("librdkafka {level:?} {fac}: {}", redacted(log_message));
        }
    }

    fn error(&self, error: KafkaError, reason: &str) {
        // Reaching a partition's end is how bounded reads finish, not an error.
        if error.rdkafka_error_code() == Some(RDKafkaErrorCode::PartitionEOF) {
            return;
        }
        note_cause(error.rdkafka_error_code(), reason);
        if self.verbose >= 1 {
            crate::ewriteln!("librdkafka error: {error}: {}", redacted(reason));
        }
    }
}

impl ConsumerContext for Ctx {}

/// What librdkafka last said went wrong, and when: the latest specific cause, and the latest
/// generic one ("1/1 brokers are down"). The reason a step timed out ("SSL handshake failed",
/// "SASL authentication error", "Failed to resolve …") is only ever reported here, never by the
/// call that timed out. Process-wide, so every client (including ones with their own context
/// type that forward to `Ctx`) contributes.
static CAUSES: Mutex<[Option<(Instant, String)>; 2]> = Mutex::new([None, None]);

fn note_cause(code: Option<RDKafkaErrorCode>, reason: &str) {
    // "1/1 brokers are down" says that, not why: a specific cause wins over it.
    let generic = code == Some(RDKafkaErrorCode::AllBrokersDown);
    let mut c = CAUSES.lock().unwrap_or_else(|p| p.into_inner());
    c[usize::from(generic)] = Some((Instant::now(), redacted(reason)));
}

/// Has the cluster answered this process yet? Until it has, every broker being down means the
/// connection itself fails (a refused port, TLS or SASL, a name that does not resolve), and
/// waiting out `--timeout` would only delay saying so. Once it has, the same signal is an
/// outage to wait through (a broker restart).
static ANSWERED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub(crate) fn note_answered() {
    ANSWERED.store(true, std::sync::atomic::Ordering::Relaxed);
}

pub(crate) fn answered() -> bool {
    ANSWERED.load(std::sync::atomic::Ordering::Relaxed)
}

/// How long a bounded read waits for the cluster to come back: two `--timeout`s (a broker
/// restart or a leader moving takes seconds; what comes after, settling copies in flight, may
/// take one more).
pub fn outage_limit(s: &Settings) -> Duration {
    s.timeout * 2
}

/// Does the cluster answer, with `topic` readable? A metadata request bounded by `wait`.
pub(crate) fn answers<C: rdkafka::consumer::ConsumerContext>(
    consumer: &rdkafka::consumer::BaseConsumer<C>,
    topic: &str,
    wait: Duration,
) -> bool {
    use rdkafka::consumer::Consumer as _;
    consumer.fetch_metadata(Some(topic), wait).is_ok_and(|md| {
        md.topics()
            .iter()
            .any(|t| t.error().is_none() && !t.partitions().is_empty())
    })
}

/// Since when a writer has heard nothing from the cluster, once it found it gone (no delivery
/// report for two `--timeout`s and no answer to a metadata request): reads and waits that ask
/// later count their patience from then, not from when they noticed.
static LOST: Mutex<Option<Instant>> = Mutex::new(None);

pub(crate) fn note_lost(since: Instant) {
    let mut l = LOST.lock().unwrap_or_else(|p| p.into_inner());
    l.get_or_insert(since);
}

/// The cluster answered again.
pub(crate) fn note_back() {
    *LOST.lock().unwrap_or_else(|p| p.into_inner()) = None;
}

pub(crate) fn lost_since() -> Option<Instant> {
    *LOST.lock().unwrap_or_else(|p| p.into_inner())
}

/// Has librdkafka said every broker is down (ALL_BROKERS_DOWN, from its error callback) since
/// `t`?
pub(crate) fn all_down_since(t: Instant) -> bool {
    let c = CAUSES.lock().unwrap_or_else(|p| p.into_inner());
    c[1].as_ref().is_some_and(|(at, _)| *at >= t)
}

/// The most telling cause librdkafka reported since `t`: the latest specific one, else the
/// latest at all.
pub fn cause_since(t: Instant) -> Option<String> {
    let c = CAUSES.lock().unwrap_or_else(|p| p.into_inner());
    c.iter()
        .flatten()
        .find(|(at, _)| *at >= t)
        .map(|(_, msg)| msg.clone())
}

/// `msg` with secret property values replaced by `***` (see `config::scrub`).
pub fn redacted(msg: &str) -> String {
    crate::config::scrub(msg).into_owned()
}

/// Close a consumer that has a `group.id` (leave the group, serve its last callbacks) in
/// 1 ms slices. rust-rdkafka's drop does the same but polls in 100 ms slices, so every consumer
/// dropped waited up to 100 ms for nothing: three of them were a third of a 100k-record
/// redrive's time. After this, the drop finds the consumer closed and returns at once.
pub(crate) fn close<C: ConsumerContext>(consumer: &rdkafka::consumer::BaseConsumer<C>) {
    if consumer.close_queue().is_ok() {
        while !consumer.closed() {
            consumer.poll(Duration::from_millis(1));
        }
    }
}

/// `close` for a consumer shared with a bounded commit's thread (`commit_within`), only by its
/// last holder. A commit that was given up on still holds the consumer, and librdkafka finishes
/// closing a group only after every commit in flight ended: closing here would make the command
/// wait for the very commit it stopped waiting for (seen: for as long as the broker was gone).
/// The commit's thread drops, and so closes, the consumer when its commit ends.
pub(crate) fn close_shared<C: ConsumerContext>(consumer: &Arc<rdkafka::consumer::BaseConsumer<C>>) {
    if Arc::strong_count(consumer) == 1 {
        close(consumer);
    }
}

/// Connect to each broker as soon as metadata names it, not at its first use: with sparse
/// connections (librdkafka's default) the first request to a broker other than the bootstrap
/// one waits out a ~50 ms suppression (reconnect.backoff.ms / 2). A redrive's set-up met it
/// once per client: the watermarks, the end offsets, the group join.
pub const EAGER_CONNECTIONS: (&str, &str) = ("enable.sparse.connections", "false");

/// Base librdkafka settings: brokers, our defaults for this client, then -X/profile properties
/// (so the user always has the last word), and logging.
pub fn client_config_with(s: &Settings, defaults: &[(&str, &str)]) -> ClientConfig {
    let mut c = client_config(s);
    for (k, v) in defaults {
        if !s.properties.iter().any(|(pk, _, _)| pk == k) {
            c.set(*k, *v);
        }
    }
    c
}

/// Base librdkafka settings: brokers, -X/profile properties, logging.
pub fn client_config(s: &Settings) -> ClientConfig {
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", &s.brokers);
    c.set("client.id", "evtctl");
    c.set(
        "socket.connection.setup.timeout.ms",
        s.timeout.as_millis().max(1000).to_string(),
    );
    c.set_log_level(if s.verbose >= 2 {
        RDKafkaLogLevel::Debug
    } else {
        RDKafkaLogLevel::Warning
    });
    if s.verbose >= 2 {
        // What the first connection does: resolve, connect, TLS and SASL handshakes, requests.
        c.set("debug", "broker,security,protocol,topic,msg");
    }
    // Their values are registered as secrets where they may be (Settings::resolve).
    for (k, v, _) in &s.properties {
        c.set(k, v);
    }
    c
}

/// Describe a Kafka error for a person: rdkafka's text, which names the step and the code with
/// librdkafka's words once ("Group list fetch error: OperationTimedOut (Local: Timed out)").
pub fn describe(e: &KafkaError) -> String {
    e.to_string()
}

/// Errors that say the cluster (or the path to it) is away for now: librdkafka reconnects and
/// retries by itself, so a read waits through them.
pub fn is_transient(code: RDKafkaErrorCode) -> bool {
    use RDKafkaErrorCode as C;
    matches!(
        code,
        C::BrokerTransportFailure
            | C::AllBrokersDown
            | C::Resolve
            | C::OperationTimedOut
            | C::RequestTimedOut
            | C::TimedOutQueue
            | C::NetworkException
            | C::LeaderNotAvailable
            | C::NotLeaderForPartition
            | C::ReplicaNotAvailable
            | C::BrokerNotAvailable
            | C::UnknownTopicOrPartition
            | C::UnknownTopic
            | C::UnknownPartition
            | C::UnknownLeaderEpoch
            | C::FencedLeaderEpoch
            | C::OffsetNotAvailable
            | C::KafkaStorageError
            | C::NotEnoughReplicas
            | C::NotEnoughReplicasAfterAppend
            | C::NotCoordinator
            | C::CoordinatorNotAvailable
            | C::CoordinatorLoadInProgress
            | C::WaitingForCoordinator
            | C::SSL
    )
}

/// Errors that mean the cluster cannot be reached or refuses us (exit 3), as opposed to a
/// problem with what we asked.
pub fn is_cluster(code: RDKafkaErrorCode) -> bool {
    use RDKafkaErrorCode as C;
    is_transient(code)
        || matches!(
            code,
            C::Authentication
                | C::SaslAuthenticationFailed
                | C::UnsupportedSASLMechanism
                | C::IllegalSASLState
                | C::TopicAuthorizationFailed
                | C::GroupAuthorizationFailed
                | C::ClusterAuthorizationFailed
                | C::Fatal
        )
}

/// A cluster error (exit 3) for a failed step, with librdkafka's own cause when it gave one
/// since `started` ("SSL handshake failed", "SASL authentication error", "Failed to resolve").
pub fn cluster_error(what: &str, e: &KafkaError, s: &Settings, started: Instant) -> anyhow::Error {
    let cause = cause_since(started).unwrap_or_else(|| describe(e));
    crate::error::cluster(format!(
        "{what}: no answer from {} within {}: {cause}",
        s.brokers,
        humantime::format_duration(s.timeout),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kafka_error_names_its_cause_once() {
        for e in [
            KafkaError::GroupListFetch(RDKafkaErrorCode::OperationTimedOut),
            KafkaError::MetadataFetch(RDKafkaErrorCode::BrokerTransportFailure),
            KafkaError::AdminOp(RDKafkaErrorCode::UnsupportedVersion),
        ] {
            let text = describe(&e);
            let code = format!(
                "{:?}",
                e.rdkafka_error_code()
                    .unwrap_or(RDKafkaErrorCode::UnsupportedVersion)
            );
            assert_eq!(text.matches(&code).count(), 1, "{text}");
        }
    }

    #[test]
    fn specific_causes_win_and_secrets_stay_hidden() {
        let t = Instant::now();
        note_cause(
            Some(RDKafkaErrorCode::SSL),
            "localhost:9092/bootstrap: SSL handshake failed",
        );
        note_cause(
            Some(RDKafkaErrorCode::AllBrokersDown),
            "1/1 brokers are down",
        );
        assert_eq!(
            cause_since(t).as_deref(),
            Some("localhost:9092/bootstrap: SSL handshake failed")
        );
        crate::config::register_secret("hunter2-secret");
        assert_eq!(redacted("pw hunter2-secret!"), "pw ***!");
        assert!(cause_since(Instant::now() + std::time::Duration::from_secs(1)).is_none());
    }
}
