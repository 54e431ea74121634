//! The writer: an idempotent producer with many records in flight and a receipt per record.

use super::{client_config_with, describe, Ctx};
use crate::config::Settings;
use crate::error::usage;
use crate::record::Header;
use anyhow::Result;
use rdkafka::client::ClientContext;
use rdkafka::config::RDKafkaLogLevel;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header as KHeader, Message, OwnedHeaders};
use rdkafka::producer::{BaseProducer, BaseRecord, DeliveryResult, Producer, ProducerContext};
use rdkafka_sys as rdsys;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What became of one record: its caller-chosen id and where it landed, or why not.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    pub id: u64,
    pub result: Result<Landed, String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Landed {
    pub partition: i32,
    pub offset: i64,
}

struct WriterCtx {
    base: Ctx,
    done: Mutex<Vec<Delivery>>,
    /// Why the records still in flight were given up on (see `Writer::check_lost`): the
    /// reason their purge reports carry instead of librdkafka's "Purged in queue".
    lost: Mutex<Option<String>>,
}

impl ClientContext for WriterCtx {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, msg: &str) {
        self.base.log(level, fac, msg)
    }
    fn error(&self, error: KafkaError, reason: &str) {
        self.base.error(error, reason)
    }
}

impl ProducerContext for WriterCtx {
    type DeliveryOpaque = usize;

    fn delivery(&self, result: &DeliveryResult<'_>, id: usize) {
        let result = match result {
            Ok(m) => Ok(Landed {
                partition: m.partition(),
                offset: m.offset(),
            }),
            Err((e, _)) => {
                let purged = matches!(
                    e.rdkafka_error_code(),
                    Some(RDKafkaErrorCode::PurgeQueue | RDKafkaErrorCode::PurgeInflight)
                );
                match self.lost.lock().expect("lost lock").as_ref() {
                    Some(why) if purged => Err(why.clone()),
                    _ => Err(describe(e)),
                }
            }
        };
        self.done.lock().expect("delivery lock").push(Delivery {
            id: id as u64,
            result,
        });
    }
}

/// One record to send. Borrowed, so callers need not copy payloads.
pub struct Outgoing<'a> {
    pub topic: &'a str,
    pub partition: Option<i32>,
    pub key: Option<&'a [u8]>,
    pub value: Option<&'a [u8]>,
    pub headers: OutHeaders<'a>,
    pub timestamp: Option<i64>,
}

/// The headers of a record to send: owned, or borrowed as read from Kafka (name, value or None
/// for a null header), so a copy needs no copy of its headers before librdkafka's own.
#[derive(Clone, Copy)]
pub enum OutHeaders<'a> {
    Owned(&'a [Header]),
    Borrowed(&'a [(&'a str, Option<&'a [u8]>)]),
}

impl<'a> OutHeaders<'a> {
    fn len(&self) -> usize {
        match self {
            OutHeaders::Owned(hs) => hs.len(),
            OutHeaders::Borrowed(hs) => hs.len(),
        }
    }

    /// These headers as borrowed pairs, and one more after them.
    pub fn and<'b>(self, name: &'b str, value: &'b [u8]) -> Vec<(&'b str, Option<&'b [u8]>)>
    where
        'a: 'b,
    {
        let mut out = Vec::with_capacity(self.len() + 1);
        match self {
            OutHeaders::Owned(hs) => {
                out.extend(hs.iter().map(|h| (h.name.as_str(), h.value.as_deref())))
            }
            OutHeaders::Borrowed(hs) => out.extend_from_slice(hs),
        }
        out.push((name, Some(value)));
        out
    }

    /// librdkafka's copy of them (None when there are none).
    fn to_kafka(self) -> Option<OwnedHeaders> {
        if self.len() == 0 {
            return None;
        }
        let out = OwnedHeaders::new_with_capacity(self.len());
        Some(match self {
            OutHeaders::Owned(hs) => hs.iter().fold(out, |out, h| {
                out.insert(KHeader {
                    key: &h.name,
                    value: h.value.as_deref(),
                })
            }),
            OutHeaders::Borrowed(hs) => hs
                .iter()
                .fold(out, |out, &(key, value)| out.insert(KHeader { key, value })),
        })
    }
}

/// A topic handle for `Writer::send_batch`, valid while its writer lives.
pub struct Topic<'w> {
    ptr: std::ptr::NonNull<rdsys::rd_kafka_topic_t>,
    _writer: std::marker::PhantomData<&'w Writer>,
}

impl Drop for Topic<'_> {
    #[allow(unsafe_code)]
    fn drop(&mut self) {
        // SAFETY: the handle came from rd_kafka_topic_new and is released once, here.
        unsafe { rdsys::rd_kafka_topic_destroy(self.ptr.as_ptr()) }
    }
}

/// Records for `Writer::send_batch`: no headers and no timestamp of their own (librdkafka
/// stamps them when they are queued), borrowed for 'a. Emptied by each send, its allocation
/// kept (`reuse` lends it to records borrowed from elsewhere).
#[derive(Default)]
pub struct Plain<'a> {
    msgs: Vec<rdsys::rd_kafka_message_t>,
    _data: std::marker::PhantomData<&'a [u8]>,
}

impl<'a> Plain<'a> {
    /// Add a record: to `partition`, or where the partitioner puts its key; `id` comes back in
    /// its delivery report.
    pub fn push(
        &mut self,
        key: Option<&'a [u8]>,
        value: Option<&'a [u8]>,
        partition: Option<i32>,
        id: u64,
    ) {
        let (payload, len) = value.map_or((std::ptr::null_mut(), 0), |v| {
            (v.as_ptr() as *mut std::ffi::c_void, v.len())
        });
        let (key, key_len) = key.map_or((std::ptr::null_mut(), 0), |k| {
            (k.as_ptr() as *mut std::ffi::c_void, k.len())
        });
        self.msgs.push(rdsys::rd_kafka_message_t {
            err: rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR,
            rkt: std::ptr::null_mut(),
            partition: partition.unwrap_or(RD_KAFKA_PARTITION_UA),
            payload,
            len,
            key,
            key_len,
            offset: 0,
            // The delivery opaque `send` gives librdkafka too (rdkafka's `usize` opaque).
            _private: id as usize as *mut std::ffi::c_void,
        });
    }

    pub fn len(&self) -> usize {
        self.msgs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.msgs.is_empty()
    }

    /// Drop the records not sent, keep the allocation for records borrowed for 'b.
    pub fn reuse<'b>(mut self) -> Plain<'b> {
        self.msgs.clear();
        Plain {
            msgs: self.msgs,
            _data: std::marker::PhantomData,
        }
    }
}

/// librdkafka's "let the partitioner choose".
const RD_KAFKA_PARTITION_UA: i32 = -1;

#[derive(Debug, Clone, Default)]
pub struct WriterOptions {
    /// librdkafka `compression.codec`.
    pub compression: Option<&'static str>,
    /// Give up on a record not acknowledged within this time (librdkafka's default: 5 minutes).
    pub delivery_timeout: Option<Duration>,
    /// Records queued in librdkafka at most (default 200,000: fastest for bulk publishing;
    /// each queued record costs a few hundred bytes besides its payload).
    pub max_queued: Option<u32>,
    /// librdkafka `linger.ms` (default 5 ms: batches fill under a stream). Zero for a short
    /// input, whose last batch would otherwise wait it out.
    pub linger: Option<Duration>,
    /// Give up on every record in flight once no delivery report came for this long and the
    /// cluster does not answer a metadata request either (copies: two `--timeout`s, so a lost
    /// cluster ends a copy then, not after the longer `delivery_timeout`).
    pub lost_after: Option<Duration>,
    /// Report failed deliveries only (librdkafka's `delivery.report.only.error`): for callers
    /// that count what was delivered instead of printing a receipt per record. What is in
    /// flight is then what librdkafka still holds (`in_flight`), so a run still ends only once
    /// every record is delivered or has failed, and every failure still names its record.
    pub failures_only: bool,
}

/// The writer's view of a cluster that may have gone away (see `Writer::check_lost`).
struct Silence {
    /// The last delivery report, or the first send after none were in flight.
    last_report: Instant,
    last_probe: Option<Instant>,
}

/// Shareable: every method takes `&self`, so a consumer's rebalance callback can wait for the
/// records in flight while the main loop owns the reading.
pub struct Writer {
    producer: BaseProducer<WriterCtx>,
    in_flight: AtomicU64,
    failures_only: bool,
    lost_after: Option<Duration>,
    brokers: String,
    silence: Mutex<Silence>,
}

impl Writer {
    pub fn new(s: &Settings, opts: &WriterOptions) -> Result<Writer> {
        let compression = opts.compression.unwrap_or("none");
        // At least 1 ms: librdkafka reads 0 as "wait forever".
        let delivery_timeout = opts
            .delivery_timeout
            .map_or("300000".to_string(), |d| d.as_millis().max(1).to_string());
        let max_queued = opts.max_queued.unwrap_or(200_000).to_string();
        let linger = opts
            .linger
            .map_or("5".to_string(), |d| d.as_millis().to_string());
        let mut cfg = client_config_with(
            s,
            &[
                ("message.timeout.ms", &delivery_timeout),
                ("enable.idempotence", "true"),
                // A producer's metadata request may create an unknown topic on a broker that
                // allows it (librdkafka's producer default is true): a typo must be an error.
                ("allow.auto.create.topics", "false"),
                ("acks", "all"),
                // The Java client's partitioner, so a key lands where the services put it.
                ("partitioner", "murmur2_random"),
                ("compression.codec", compression),
                ("linger.ms", &linger),
                // The ~50 ms wait it avoids was most of a one-event publish.
                super::EAGER_CONNECTIONS,
                ("queue.buffering.max.messages", &max_queued),
                // And at most 16 MB of them: memory stays bounded whatever the input's size.
                ("queue.buffering.max.kbytes", "16384"),
            ],
        );
        // Not a default -X may change: the writer counts on a report for every record it
        // awaits one for (a run would otherwise wait for them forever).
        cfg.set(
            "delivery.report.only.error",
            if opts.failures_only { "true" } else { "false" },
        );
        let producer: BaseProducer<WriterCtx> = cfg
            .create_with_context(WriterCtx {
                base: Ctx { verbose: s.verbose },
                done: Mutex::new(Vec::new()),
                lost: Mutex::new(None),
            })
            .map_err(|e| usage(format!("invalid producer configuration: {e}")))?;
        // librdkafka asks for the idempotent producer id after each metadata response, else on a
        // 500 ms timer. The first response comes from the bootstrap connection, before the
        // brokers it names are connected, so that try finds none; the second comes from a named
        // broker, which is then up (connections are not sparse), and the id arrives at once.
        // The first one's failure is the cluster's (named, after --timeout); the second's shows
        // later, in the records' delivery.
        let writer = Writer {
            producer,
            in_flight: AtomicU64::new(0),
            failures_only: opts.failures_only,
            lost_after: opts.lost_after,
            brokers: s.brokers.clone(),
            silence: Mutex::new(Silence {
                last_report: Instant::now(),
                last_probe: None,
            }),
        };
        writer.metadata(s, None)?;
        let _ = writer.producer.client().fetch_metadata(None, s.timeout);
        Ok(writer)
    }

    /// Metadata from this producer's connection (see `admin::metadata_via`).
    fn metadata(&self, s: &Settings, only: Option<&str>) -> Result<rdkafka::metadata::Metadata> {
        super::admin::metadata_via(self.producer.client(), only, s, || {
            self.producer.poll(Duration::from_millis(10));
        })
    }

    /// Partition ids of `topic`, sorted, from this producer's own connection (no second
    /// client: a one-event publish pays for one connection, as kcat does). An unknown topic is
    /// a usage error that names it.
    pub fn partitions(&self, s: &Settings, topic: &str) -> Result<Vec<i32>> {
        super::admin::partition_ids(&self.metadata(s, Some(topic))?, topic)
    }

    /// Records sent and not yet reported on. With `failures_only`, delivered records are not
    /// reported: what librdkafka still holds (queued, in flight, or a failure not yet served)
    /// is what is in flight.
    pub fn in_flight(&self) -> u64 {
        match self.failures_only {
            true => self.producer.in_flight_count().max(0) as u64,
            false => self.in_flight.load(Ordering::Acquire),
        }
    }

    /// Queue one record. Waits (serving deliveries) while librdkafka's queue is full, so memory
    /// stays bounded; a record refused outright comes back as a failed delivery.
    pub fn send(&self, rec: &Outgoing<'_>, id: u64, out: &mut Vec<Delivery>) {
        let mut r: BaseRecord<'_, [u8], [u8], usize> =
            BaseRecord::with_opaque_to(rec.topic, id as usize);
        if let Some(k) = rec.key {
            r = r.key(k);
        }
        if let Some(v) = rec.value {
            r = r.payload(v);
        }
        if let Some(p) = rec.partition {
            r = r.partition(p);
        }
        if let Some(ts) = rec.timestamp {
            r = r.timestamp(ts);
        }
        if let Some(headers) = rec.headers.to_kafka() {
            r = r.headers(headers);
        }
        loop {
            match self.producer.send(r) {
                Ok(()) => {
                    if self.in_flight.fetch_add(1, Ordering::AcqRel) == 0 {
                        // Silence counts from here: nothing was awaited before.
                        self.silence.lock().expect("silence lock").last_report = Instant::now();
                    }
                    return;
                }
                Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), back)) => {
                    r = back;
                    self.poll(Duration::from_millis(50), out);
                }
                Err((e, _)) => {
                    out.push(Delivery {
                        id,
                        result: Err(describe(&e)),
                    });
                    return;
                }
            }
        }
    }

    /// A handle on `topic` for `send_batch`: librdkafka looks a topic up by its name for each
    /// record `send` queues, and once for a handle.
    #[allow(unsafe_code)]
    pub fn topic(&self, topic: &str) -> Result<Topic<'_>> {
        let name = std::ffi::CString::new(topic)
            .map_err(|_| usage(format!("topic `{topic}` contains a NUL byte")))?;
        // SAFETY: the client is alive for the handle's lifetime ('_ borrows the writer); a NULL
        // configuration takes the client's default topic configuration (its partitioner).
        let ptr = unsafe {
            rdsys::rd_kafka_topic_new(
                self.producer.client().native_ptr(),
                name.as_ptr(),
                std::ptr::null_mut(),
            )
        };
        let ptr = std::ptr::NonNull::new(ptr)
            .ok_or_else(|| anyhow::anyhow!("librdkafka refused a handle on topic `{topic}`"))?;
        Ok(Topic {
            ptr,
            _writer: std::marker::PhantomData,
        })
    }

    /// Queue every record of `batch` to `topic` with one call into librdkafka (its batch
    /// produce: one clock read and one topic lookup for all of them, the partition looked up
    /// only when it changes from one record to the next), in their order, and empty it. Like
    /// `send`, waits (serving deliveries) while librdkafka's queue is full; a record refused
    /// outright comes back as a failed delivery.
    #[allow(unsafe_code)]
    pub fn send_batch(&self, topic: &Topic<'_>, batch: &mut Plain<'_>, out: &mut Vec<Delivery>) {
        let msgs = &mut batch.msgs;
        let mut from = 0;
        while from < msgs.len() {
            let rest = &mut msgs[from..];
            let count = rest.len().min(i32::MAX as usize);
            // SAFETY: `topic` is a live handle on this writer's client; each message points into
            // buffers `batch` borrows for 'a (it cannot outlive them), and librdkafka copies them
            // (F_COPY) before this returns. It writes only the `err` field of each message.
            let queued = unsafe {
                rdsys::rd_kafka_produce_batch(
                    topic.ptr.as_ptr(),
                    RD_KAFKA_PARTITION_UA,
                    rdsys::RD_KAFKA_MSG_F_COPY | rdsys::RD_KAFKA_MSG_F_PARTITION,
                    rest.as_mut_ptr(),
                    count as i32,
                )
            };
            if queued > 0 && self.in_flight.fetch_add(queued as u64, Ordering::AcqRel) == 0 {
                self.silence.lock().expect("silence lock").last_report = Instant::now();
            }
            // librdkafka stops at a full queue: that record and all after it are refused with
            // QueueFull. Any other refusal is that record's alone.
            let mut full = None;
            for (i, m) in rest[..count].iter().enumerate() {
                match RDKafkaErrorCode::from(m.err) {
                    RDKafkaErrorCode::NoError => {}
                    RDKafkaErrorCode::QueueFull => {
                        full = Some(i);
                        break;
                    }
                    code => out.push(Delivery {
                        id: m._private as usize as u64,
                        result: Err(describe(&KafkaError::MessageProduction(code))),
                    }),
                }
            }
            match full {
                Some(i) => {
                    from += i;
                    for m in &mut msgs[from..] {
                        m.err = rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR;
                    }
                    self.poll(Duration::from_millis(50), out);
                }
                None => from += count,
            }
        }
        msgs.clear();
    }

    /// Serve delivery reports for up to `timeout`, appending them to `out`.
    /// Returns as soon as some report came (rdkafka's own `poll` serves events for the whole
    /// timeout, so a full queue or the last record would always cost the full wait): it is
    /// called in slices of at most 1 ms.
    /// With `failures_only`, records delivered (fewer in flight) end the wait as a report would.
    pub fn poll(&self, timeout: Duration, out: &mut Vec<Delivery>) {
        let deadline = Instant::now() + timeout;
        let held = self.failures_only.then(|| self.in_flight());
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            self.producer.poll(left.min(Duration::from_millis(1)));
            let mut done = self.producer.context().done.lock().expect("delivery lock");
            let delivered = held.is_some_and(|before| self.in_flight() < before);
            if !done.is_empty() || left.is_zero() || delivered {
                self.in_flight
                    .fetch_sub(done.len() as u64, Ordering::AcqRel);
                let reported = !done.is_empty();
                out.append(&mut done);
                drop(done);
                if reported {
                    self.silence.lock().expect("silence lock").last_report = Instant::now();
                } else {
                    self.check_lost();
                }
                return;
            }
        }
    }

    /// With `lost_after`: records in flight and no delivery report for that long, and the
    /// cluster does not answer a metadata request (asked at most once a second) — it is gone:
    /// give up on every record in flight (their reports say so), so a copy ends within two
    /// `--timeout`s of losing the cluster as documented. A cluster that answers but is slow to
    /// acknowledge is left to librdkafka's delivery timeout.
    fn check_lost(&self) {
        let Some(limit) = self.lost_after else {
            return;
        };
        if self.in_flight() == 0 {
            return;
        }
        if self
            .producer
            .context()
            .lost
            .lock()
            .expect("lost lock")
            .is_some()
        {
            // Gone already: what was sent since fails at once, not after another wait.
            self.purge();
            return;
        }
        let silent_for = {
            let mut s = self.silence.lock().expect("silence lock");
            let now = Instant::now();
            if s.last_report.elapsed() < limit
                || s.last_probe
                    .is_some_and(|t| now.duration_since(t) < Duration::from_secs(1))
            {
                return;
            }
            s.last_probe = Some(now);
            s.last_report.elapsed()
        };
        let started = Instant::now();
        if self
            .producer
            .client()
            .fetch_metadata(None, Duration::from_millis(500))
            .is_ok()
        {
            self.silence.lock().expect("silence lock").last_report = Instant::now();
            return;
        }
        let window = started.checked_sub(silent_for).unwrap_or(started);
        super::note_lost(window);
        let cause = super::cause_since(window).unwrap_or_else(|| "no answer".to_string());
        *self.producer.context().lost.lock().expect("lost lock") = Some(format!(
            "lost the cluster: no answer from {} for {}s ({cause})",
            self.brokers,
            silent_for.as_secs()
        ));
        self.purge();
    }

    fn purge(&self) {
        self.producer
            .purge(rdkafka::producer::PurgeConfig::default().queue().inflight());
    }

    /// Wait until every queued record is delivered or has failed (librdkafka fails records
    /// after `message.timeout.ms`, so this ends), serving reports all along.
    pub fn drain(&self, out: &mut Vec<Delivery>, cancel: impl Fn() -> bool) {
        while self.in_flight() > 0 {
            self.poll(Duration::from_millis(100), out);
            if cancel() {
                // A second interrupt: give librdkafka a last short chance, then stop waiting.
                let _ = self.producer.flush(Duration::from_secs(1));
                self.poll(Duration::ZERO, out);
                return;
            }
        }
    }
}
