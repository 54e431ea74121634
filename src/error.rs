//! Failure kinds and the exit codes they map to.
//!
//! Code everywhere returns `anyhow::Error`; the few kinds that decide the exit code are
//! marker types found by downcasting the error chain (as xh does).

use std::fmt;

/// The documented exit codes. Keep in sync with the README and `--help`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything worked.
    Ok = 0,
    /// The command ran and found problems (e.g. invalid events).
    Problems = 1,
    /// Usage, configuration or input error (bad flag, unparseable line, unknown topic).
    Usage = 2,
    /// Cluster unreachable, authentication failure or timeout.
    Cluster = 3,
    /// Partial failure: some records were not delivered.
    Partial = 4,
    /// Interrupted by Ctrl-C / SIGTERM.
    Interrupted = 130,
}

impl Exit {
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// An error in what the user gave us: flags, config, input data.
#[derive(Debug)]
pub struct UsageError(pub String);

/// The cluster could not be reached or refused us.
#[derive(Debug)]
pub struct ClusterError(pub String);

/// Some records could not be delivered; the message says how many.
#[derive(Debug)]
pub struct PartialFailure(pub String);

/// The broker cannot answer what was asked (an API it does not implement): exit 3, without the
/// "is the broker reachable?" hint.
#[derive(Debug)]
pub struct BrokerCannot(pub String);

/// The run found problems it was asked to look for.
#[derive(Debug)]
pub struct ProblemsFound(pub String);

macro_rules! marker {
    ($($t:ident),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl std::error::Error for $t {}
    )*};
}
marker!(
    UsageError,
    ClusterError,
    PartialFailure,
    ProblemsFound,
    BrokerCannot
);

/// The run was interrupted; the summary has already been printed.
#[derive(Debug)]
pub struct Interrupted;

impl fmt::Display for Interrupted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("interrupted")
    }
}
impl std::error::Error for Interrupted {}

/// Shorthand constructors, used as `return Err(usage(format!(..)))`.
pub fn usage(msg: impl Into<String>) -> anyhow::Error {
    UsageError(msg.into()).into()
}

pub fn cluster(msg: impl Into<String>) -> anyhow::Error {
    ClusterError(msg.into()).into()
}

/// Pick the exit code for an error by looking for a marker anywhere in its chain.
pub fn exit_for(err: &anyhow::Error) -> Exit {
    for cause in err.chain() {
        if cause.is::<Interrupted>() {
            return Exit::Interrupted;
        }
        if cause.is::<ClusterError>() || cause.is::<BrokerCannot>() {
            return Exit::Cluster;
        }
        if cause.is::<PartialFailure>() {
            return Exit::Partial;
        }
        if cause.is::<ProblemsFound>() {
            return Exit::Problems;
        }
        if cause.is::<UsageError>()
            || cause.is::<clap::Error>()
            || cause.is::<crate::kafka::admin::MissingTopic>()
        {
            return Exit::Usage;
        }
    }
    Exit::Usage
}

/// A hint line for errors where we know a likely fix.
pub fn hint_for(err: &anyhow::Error) -> Option<&'static str> {
    if err.chain().any(|c| c.is::<crate::filter::FilterFailed>()) {
        return Some(crate::filter::FILTER_HINT);
    }
    if exit_for(err) != Exit::Cluster || err.chain().any(|c| c.is::<BrokerCannot>()) {
        return None;
    }
    // The message carries librdkafka's cause when it gave one: point at the matching settings.
    let msg = format!("{err:#}");
    Some(if msg.contains("SSL") {
        "the TLS handshake failed: check security.protocol and the ssl.* settings (-X or the profile); does that port speak TLS?"
    } else if msg.contains("SASL") || msg.contains("uthentication") {
        "authentication failed: check security.protocol, sasl.mechanism, sasl.username and sasl.password (-X or the profile)"
    } else if msg.contains("resolve") {
        "the broker's host name does not resolve: check --brokers / EVTCTL_BROKERS"
    } else {
        "is the broker reachable? check --brokers / EVTCTL_BROKERS, or start one with `evtctl dev broker`"
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn markers_survive_context() {
        let e = Err::<(), _>(cluster("down"))
            .context("fetching metadata")
            .unwrap_err();
        assert_eq!(exit_for(&e), Exit::Cluster);
        let e = anyhow::Error::new(PartialFailure("2 failed".into())).context("publish");
        assert_eq!(exit_for(&e), Exit::Partial);
        assert_eq!(exit_for(&anyhow::anyhow!("plain")), Exit::Usage);
        assert_eq!(exit_for(&Interrupted.into()), Exit::Interrupted);
    }

    #[test]
    fn hints_follow_librdkafkas_cause() {
        let hint = |m: &str| hint_for(&cluster(m)).unwrap();
        assert!(hint("x: SSL handshake failed").contains("ssl.*"));
        assert!(hint("x: SASL authentication error").contains("sasl.mechanism"));
        assert!(hint("x: Failed to resolve 'h:9092'").contains("host name"));
        assert!(hint("x: Connection refused").contains("reachable"));
        assert_eq!(hint_for(&usage("bad flag")), None);
    }
}
