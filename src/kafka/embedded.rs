//! The embedded broker: librdkafka's mock cluster, a real Kafka-protocol broker in-process.
//!
//! The mock binds a random loopback port and cannot be told otherwise, so we listen on the
//! chosen port ourselves, forward each connection to the mock, and make the mock advertise our
//! port in its metadata: every client, in this process or another, then talks through it
//! (see `mock_proxy`, which also gives the mock the CreateTopics it lacks).

use super::mock_proxy::{spawn_acceptor, CreateFn};
use anyhow::{anyhow, Context, Result};
use rdkafka::config::ClientConfig;
use rdkafka::producer::{BaseProducer, Producer};
use std::ffi::CString;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;

pub struct EmbeddedBroker {
    holder: Arc<BaseProducer>,
    /// The address clients should use, e.g. `127.0.0.1:9092`.
    pub bootstrap: String,
}

impl EmbeddedBroker {
    /// Start a one-broker mock cluster reachable at 127.0.0.1:`port` (0 picks a free port).
    pub fn start(port: u16) -> Result<EmbeddedBroker> {
        let holder: BaseProducer = ClientConfig::new()
            .set("test.mock.num.brokers", "1")
            .set("client.id", "evtctl-embedded-broker")
            .set("log_level", "0")
            .create()
            .context("starting librdkafka's mock cluster")?;
        let internal = holder
            .client()
            .mock_cluster()
            .ok_or_else(|| anyhow!("librdkafka did not create a mock cluster"))?
            .bootstrap_servers();
        let target: SocketAddr = internal
            .split(',')
            .next()
            .and_then(|a| a.parse().ok())
            .ok_or_else(|| anyhow!("unexpected mock cluster address `{internal}`"))?;

        let holder = Arc::new(holder);
        let h = holder.clone();
        let create: Arc<CreateFn> =
            Arc::new(move |name: &str, partitions: i32| create_on(&h, name, partitions));
        let listener = TcpListener::bind(("127.0.0.1", port)).with_context(|| {
            format!(
                "cannot listen on 127.0.0.1:{port} (is another broker running there? try --port)"
            )
        })?;
        let port = listener.local_addr()?.port();
        // `localhost` may resolve to ::1 first; serve it too where the system allows.
        if let Ok(v6) = TcpListener::bind(("::1", port)) {
            spawn_acceptor(v6, target, create.clone());
        }
        spawn_acceptor(listener, target, create);
        advertise(&holder, 1, "127.0.0.1", port)?;
        Ok(EmbeddedBroker {
            holder,
            bootstrap: format!("127.0.0.1:{port}"),
        })
    }

    /// Create a topic with `partitions` partitions.
    pub fn create_topic(&self, name: &str, partitions: i32) -> Result<()> {
        match create_on(&self.holder, name, partitions) {
            0 => Ok(()),
            36 => Err(anyhow!("topic `{name}` already exists")),
            code => Err(anyhow!(
                "creating topic `{name}` on the embedded broker failed (Kafka error {code})"
            )),
        }
    }
}

/// Create a topic through the mock's API; returns a Kafka error code (0 = created).
fn create_on(holder: &BaseProducer, name: &str, partitions: i32) -> i16 {
    let Some(mock) = holder.client().mock_cluster() else {
        return -1;
    };
    match mock.create_topic(name, partitions, 1) {
        Ok(()) => 0,
        Err(e) => e.rdkafka_error_code().map_or(-1, |c| c as i16),
    }
}

/// Make broker `id` advertise `host:port` in metadata responses, and start groups at once.
#[allow(unsafe_code)]
fn advertise(holder: &BaseProducer, id: i32, host: &str, port: u16) -> Result<()> {
    let host = CString::new(host)?;
    let rk = holder.client().native_ptr();
    // SAFETY: `rk` is a live client owned by `holder`; the mock cluster it returns lives as long
    // as that client. The function copies `host` before returning and takes the cluster lock.
    unsafe {
        let mcluster = rdkafka_sys::rd_kafka_handle_mock_cluster(rk);
        if mcluster.is_null() {
            return Err(anyhow!("librdkafka did not create a mock cluster"));
        }
        rdkafka_sys::rd_kafka_mock_broker_set_host_port(mcluster, id, host.as_ptr(), port as i32);
        // A development broker need not wait 3 s for more members before a group's first
        // assignment (Kafka's group.initial.rebalance.delay.ms; the mock's default is 3 s).
        rdkafka_sys::rd_kafka_mock_group_initial_rebalance_delay_ms(mcluster, 0);
    }
    Ok(())
}

impl Drop for EmbeddedBroker {
    fn drop(&mut self) {
        let _ = self.holder.flush(std::time::Duration::from_millis(100));
    }
}
