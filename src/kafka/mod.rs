//! The only code that names rdkafka: client settings, reader, writer, admin, embedded broker.

pub mod admin;
pub mod embedded;
pub mod group;
mod incremental;
mod mock_proxy;
pub mod probe;
pub mod reader;
pub mod writer;

use crate::config::Settings;
use rdkafka::client::ClientContext;
use rdkafka::config::{ClientConfig, RDKafkaLogLevel};
use rdkafka::consumer::ConsumerContext;
use rdkafka::error::KafkaError;

/// Client context: routes librdkafka's log to stderr when asked (-vv), or its errors with -v.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub verbose: u8,
}

impl ClientContext for Ctx {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, log_message: &str) {
        if self.verbose >= 2
            || (self.verbose >= 1 && (level as i32) <= (RDKafkaLogLevel::Warning as i32))
        {
            eprintln!("librdkafka {level:?} {fac}: {log_message}");
        }
    }

    fn error(&self, error: KafkaError, reason: &str) {
        // Reaching a partition's end is how bounded reads finish, not an error.
        if error.rdkafka_error_code() == Some(rdkafka::error::RDKafkaErrorCode::PartitionEOF) {
            return;
        }
        if self.verbose >= 1 {
            eprintln!("librdkafka error: {error}: {reason}");
        }
    }
}

impl ConsumerContext for Ctx {}

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
        c.set("debug", "broker,topic,msg,protocol");
    }
    for (k, v, _) in &s.properties {
        c.set(k, v);
    }
    c
}

/// Describe a Kafka error for a person, naming what we were doing.
pub fn describe(e: &KafkaError) -> String {
    match e.rdkafka_error_code() {
        Some(code) => format!("{code} ({e})"),
        None => e.to_string(),
    }
}
