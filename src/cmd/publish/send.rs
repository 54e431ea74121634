//! The producing side of `publish`: batches from the reading thread are sent in input order
//! and their deliveries settled; `Tally` keeps the run's account and prints it.
//!
//! Lines sent as they are, and records without headers or a time of their own, go to
//! librdkafka a batch at a time (`Writer::send_batch`); the others one by one, in their place.
//! Without receipts to print per record, librdkafka reports failed deliveries only, and what
//! was delivered is counted.

use super::prepare::{Batch, Batches, Item};
use super::{human_bytes, KeySource, Plan};
use crate::error::{Interrupted, PartialFailure, UsageError};
use crate::kafka::writer::{Delivery, OutHeaders, Outgoing, Plain, Topic, Writer};
use crate::output::Printer;
use crate::transfer::Pace;
use anyhow::Result;
use indicatif::ProgressBar;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Rejected lines and failed records reported one by one on stderr; the rest are counted (and
/// all listed with `-o json`).
const SHOWN: u64 = 5;

/// What a run did.
#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub topic: String,
    pub records: u64,
    pub bytes: u64,
    pub failed: u64,
    pub rejected: u64,
    pub seconds: f64,
    pub records_per_second: f64,
}

#[derive(serde::Serialize)]
struct Receipt<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    line: u64,
    topic: &'a str,
    partition: i32,
    offset: i64,
}

#[derive(serde::Serialize)]
struct Failure<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    line: u64,
    error: &'a str,
}

/// The run's account: records sent, delivered, failed and rejected, each reported as it
/// settles (receipts, failures with their line), and the summary at the end.
pub(super) struct Tally<'a> {
    plan: &'a Plan,
    printer: &'a mut Printer,
    label: String,
    summary: Summary,
    deliveries: Vec<Delivery>,
    /// A receipt line per record without `-o json` (one event, or `-v`).
    verbose_receipts: bool,
    /// With --envelope-topic: where each record in flight went, by line.
    topic_of: HashMap<u64, Arc<str>>,
    receipts: Receipts,
}

/// The receipts of records to the topic published to, `-o json`: the line serde writes for a
/// `Receipt`, its fixed parts rendered once (one per record, the bulk of such a run's output).
struct Receipts {
    /// `,"topic":"<topic>","partition":`
    middle: Vec<u8>,
    line: Vec<u8>,
}

impl Receipts {
    fn new(topic: &str) -> Self {
        let mut middle = br#","topic":"#.to_vec();
        serde_json::to_writer(&mut middle, topic).expect("a string serialises");
        middle.extend_from_slice(br#","partition":"#);
        Receipts {
            middle,
            line: Vec::new(),
        }
    }

    fn render(&mut self, line: u64, partition: i32, offset: i64) -> &[u8] {
        // Numbers as serde_json writes them (itoa), not through `fmt` (5% of such a run).
        fn number(b: &mut Vec<u8>, n: impl serde::Serialize) {
            serde_json::to_writer(b, &n).expect("a number serialises");
        }
        let b = &mut self.line;
        b.clear();
        b.extend_from_slice(br#"{"type":"receipt","line":"#);
        number(b, line);
        b.extend_from_slice(&self.middle);
        number(b, partition);
        b.extend_from_slice(br#","offset":"#);
        number(b, offset);
        b.extend_from_slice(b"}\n");
        b
    }
}

impl<'a> Tally<'a> {
    pub fn new(plan: &'a Plan, printer: &'a mut Printer, label: String, verbose: bool) -> Self {
        Tally {
            plan,
            printer,
            label,
            summary: Summary {
                kind: "summary",
                topic: plan.topic.clone(),
                ..Summary::default()
            },
            deliveries: Vec::new(),
            verbose_receipts: verbose,
            topic_of: HashMap::new(),
            receipts: Receipts::new(&plan.topic),
        }
    }

    /// Whether each delivered record must be reported (a receipt printed, or its topic
    /// forgotten): otherwise librdkafka reports failures only.
    pub fn per_record(&self) -> bool {
        self.printer.is_json() || self.verbose_receipts || self.plan.envelope_topic
    }

    fn reject(&mut self, line: u64, cause: &str) -> Result<()> {
        self.summary.rejected += 1;
        if self.summary.rejected <= SHOWN {
            crate::ewriteln!("evtctl: error: {}:{line}: {cause}", self.label);
        }
        if self.printer.is_json() {
            self.printer.json(&Failure {
                kind: "rejected",
                line,
                error: cause,
            })?;
        }
        Ok(())
    }

    fn settle(&mut self) -> Result<()> {
        // Drained in place: the vector keeps its capacity for the next reports.
        let mut deliveries = std::mem::take(&mut self.deliveries);
        for d in deliveries.drain(..) {
            let went = match self.plan.envelope_topic {
                true => self.topic_of.remove(&d.id),
                false => None,
            };
            let topic = went.as_deref().unwrap_or(&self.plan.topic);
            match d.result {
                Ok(l) if self.printer.is_json() && went.is_none() => {
                    let line = self.receipts.render(d.id, l.partition, l.offset);
                    self.printer.write(line)?;
                }
                Ok(l) => {
                    if self.printer.is_json() {
                        self.printer.json(&Receipt {
                            kind: "receipt",
                            line: d.id,
                            topic,
                            partition: l.partition,
                            offset: l.offset,
                        })?;
                    } else if self.verbose_receipts {
                        self.printer.line(&format!(
                            "{}:{} → {topic}/{}@{}",
                            self.label, d.id, l.partition, l.offset
                        ))?;
                    }
                }
                Err(e) => {
                    self.summary.failed += 1;
                    self.summary.records -= 1;
                    if self.summary.failed <= SHOWN {
                        crate::ewriteln!(
                            "evtctl: error: {}:{}: not delivered to `{topic}`: {e}",
                            self.label,
                            d.id
                        );
                    }
                    if self.printer.is_json() {
                        self.printer.json(&Failure {
                            kind: "failed",
                            line: d.id,
                            error: &e,
                        })?;
                    }
                }
            }
        }
        self.deliveries = deliveries;
        Ok(())
    }

    /// While waiting for input: report the deliveries that arrived and show their receipts.
    fn serve(&mut self, writer: &Writer) -> Result<()> {
        writer.poll(Duration::ZERO, &mut self.deliveries);
        if !self.deliveries.is_empty() {
            self.settle()?;
        }
        self.printer.flush()
    }

    /// Deliver what is in flight, even after Ctrl-C: those records are already on their way.
    /// librdkafka gives up on a record after --timeout, so this ends (a second Ctrl-C ends it
    /// sooner: what is still in flight then counts as not delivered).
    pub fn deliver_in_flight(&mut self, writer: &Writer) -> Result<()> {
        let interrupts = crate::interrupts;
        let before = interrupts();
        writer.drain(&mut self.deliveries, || interrupts() > before);
        self.settle()?;
        let lost = writer.in_flight();
        self.summary.failed += lost;
        self.summary.records -= lost.min(self.summary.records);
        Ok(())
    }

    /// Print the summary; the verdict is the exit code: interrupted (130), records not
    /// delivered (4), lines rejected (2).
    pub fn finish(self, started: Instant, stopped_early: bool, cancel: &AtomicBool) -> Result<()> {
        let Tally {
            printer,
            mut summary,
            ..
        } = self;
        let secs = started.elapsed().as_secs_f64();
        summary.seconds = (secs * 1000.0).round() / 1000.0;
        summary.records_per_second = if secs > 0.0 {
            (summary.records as f64 / secs).round()
        } else {
            0.0
        };
        let s = &summary;
        if s.failed > SHOWN || s.rejected > SHOWN {
            crate::ewriteln!(
                "evtctl: only the first {SHOWN} {} shown above; `-o json` lists each",
                match (s.failed > SHOWN, s.rejected > SHOWN) {
                    (true, true) => "rejected lines and undelivered records are",
                    (true, false) => "undelivered records are",
                    _ => "rejected lines are",
                }
            );
        }
        if printer.is_json() {
            printer.json(s)?;
        }
        // Without stdout (closed, or gone mid-run), the summary goes to stderr.
        if !printer.is_json() || printer.stdout_lost() {
            let mut msg = format!(
                "published {} record{} ({}) to {} in {:.2}s, {} records/s",
                s.records,
                if s.records == 1 { "" } else { "s" },
                human_bytes(s.bytes),
                s.topic,
                s.seconds,
                s.records_per_second
            );
            if s.failed > 0 || s.rejected > 0 {
                msg.push_str(&format!(
                    "; {} not delivered, {} rejected",
                    s.failed, s.rejected
                ));
            }
            printer.info(msg);
        }
        printer.flush()?;
        if cancel.load(Ordering::Relaxed) {
            return Err(Interrupted.into());
        }
        if s.failed > 0 {
            return Err(PartialFailure(format!("{} record(s) not delivered", s.failed)).into());
        }
        if s.rejected > 0 {
            let why = if stopped_early {
                " (stopped at the first, --fail-fast)"
            } else {
                ""
            };
            return Err(UsageError(format!("{} input line(s) rejected{why}", s.rejected)).into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendered_receipt_is_the_line_serde_writes() {
        let topic = "odd \"topic\"\\\u{1}é";
        let mut r = Receipts::new(topic);
        for (line, partition, offset) in [(1, 0, 0), (u64::MAX, i32::MAX, i64::MAX), (7, 3, -1)] {
            let mut want = serde_json::to_vec(&Receipt {
                kind: "receipt",
                line,
                topic,
                partition,
                offset,
            })
            .unwrap();
            want.push(b'\n');
            assert_eq!(r.render(line, partition, offset), &want[..]);
        }
    }
}

/// Whether sending goes on after a batch or a record.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Flow {
    Go,
    /// Ctrl-C: nothing more is sent.
    Stop,
    /// --fail-fast, at a rejected line or a failed delivery.
    StopEarly,
}

/// Keyless records without a partition, in runs of one partition each (as librdkafka's sticky
/// partitioner does), so that a batch goes to librdkafka with the partition already chosen:
/// one run per batch read, the partitions in turn from a random one.
pub(super) struct Sticky {
    next: u32,
    partitions: u32,
}

impl Sticky {
    pub fn new(partitions: i32) -> Self {
        let mut start = [0u8; 4];
        getrandom::fill(&mut start).expect("the OS random source works");
        Sticky {
            next: u32::from_ne_bytes(start),
            partitions: partitions.max(1) as u32,
        }
    }

    fn take(&mut self) -> i32 {
        let p = self.next % self.partitions;
        self.next = self.next.wrapping_add(1);
        p as i32
    }
}

/// The producing thread's loop: sends each batch's records in order, a batch at a time where
/// it can, settles deliveries after each batch.
pub(super) struct Sender<'a> {
    plan: &'a Plan,
    writer: &'a Writer,
    /// The topic published to, for batches.
    home: Topic<'a>,
    home_name: Arc<str>,
    /// The batch for librdkafka, its allocation kept from one read to the next.
    plain: Plain<'static>,
    /// Bytes of the records in `plain`.
    plain_bytes: u64,
    pace: Option<Pace>,
    sticky: Option<Sticky>,
    bar: Option<ProgressBar>,
    read: u64,
}

impl<'a> Sender<'a> {
    pub fn new(
        plan: &'a Plan,
        writer: &'a Writer,
        home: Arc<str>,
        sticky: Option<Sticky>,
        bar: Option<ProgressBar>,
    ) -> Result<Self> {
        Ok(Sender {
            plan,
            writer,
            home: writer.topic(&home)?,
            home_name: home,
            plain: Plain::default(),
            plain_bytes: 0,
            pace: plan.rate.map(Pace::new),
            sticky,
            bar,
            read: 0,
        })
    }

    /// Send every batch until the input ends, Ctrl-C, or --fail-fast stops it (true).
    pub fn send_all(
        &mut self,
        batches: Batches<'_>,
        tally: &mut Tally<'_>,
        cancel: &AtomicBool,
    ) -> Result<bool> {
        let writer = self.writer;
        while let Some(batch) = batches.next(cancel, || tally.serve(writer))? {
            let flow = self.send(&batch, tally, cancel)?;
            batches.give_back(batch);
            match flow {
                Flow::Go => {}
                Flow::Stop => break,
                Flow::StopEarly => return Ok(true),
            }
        }
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
        Ok(false)
    }

    fn send(&mut self, batch: &Batch, tally: &mut Tally<'_>, cancel: &AtomicBool) -> Result<Flow> {
        let mut plain = std::mem::take(&mut self.plain).reuse();
        let flow = self.items(batch, &mut plain, tally, cancel);
        self.plain = plain.reuse();
        self.plain_bytes = 0;
        if flow.as_ref().is_ok_and(|f| *f != Flow::Go) {
            return flow;
        }
        flow?;
        self.read += batch.read;
        if let Some(b) = &self.bar {
            b.set_position(self.read);
        }
        self.writer.poll(Duration::ZERO, &mut tally.deliveries);
        self.settle(tally)
    }

    fn items<'b>(
        &mut self,
        batch: &'b Batch,
        plain: &mut Plain<'b>,
        tally: &mut Tally<'_>,
        cancel: &AtomicBool,
    ) -> Result<Flow>
    where
        'a: 'b,
    {
        let plan = self.plan;
        // The partition of this batch's keyless records.
        let sticky = self.sticky.as_mut().map(Sticky::take);
        let fixed_key = match &plan.key {
            KeySource::Fixed(k) => Some(&k[..]),
            _ => None,
        };
        let batched = self.pace.is_none();
        for item in &batch.items {
            // Ctrl-C stops the input at once: lines read but not yet sent stay unsent.
            if cancel.load(Ordering::Relaxed) {
                return Ok(Flow::Stop);
            }
            let flow = match item {
                Item::Rejected { line, why } => {
                    self.flush(plain, tally);
                    tally.reject(*line, why)?;
                    match plan.fail_fast {
                        true => Flow::StopEarly,
                        false => Flow::Go,
                    }
                }
                Item::Line { line, start, end } => {
                    let value = &batch.chunk[*start..*end];
                    let partition = plan.partition.or(sticky.filter(|_| fixed_key.is_none()));
                    if batched && plan.headers.is_empty() {
                        plain.push(fixed_key, Some(value), partition, *line);
                        self.plain_bytes += value.len() as u64;
                        continue;
                    }
                    let rec = Outgoing {
                        topic: &plan.topic,
                        partition,
                        key: fixed_key,
                        value: Some(value),
                        headers: OutHeaders::Owned(&plan.headers),
                        timestamp: None,
                    };
                    self.flush(plain, tally);
                    self.one(rec, *line, batch.read_at, tally, cancel)?
                }
                Item::Record { line, rec, topic } => {
                    let home = **topic == *self.home_name;
                    let partition = match home {
                        true => rec.partition.or(sticky.filter(|_| rec.key.is_none())),
                        false => rec.partition,
                    };
                    if plan.envelope_topic {
                        tally.topic_of.insert(*line, topic.clone());
                    }
                    if batched && home && rec.headers.is_empty() && rec.timestamp.is_none() {
                        plain.push(rec.key.as_deref(), rec.value.as_deref(), partition, *line);
                        self.plain_bytes += rec.value.as_ref().map_or(0, |v| v.len() as u64);
                        continue;
                    }
                    let out = Outgoing {
                        topic,
                        partition,
                        key: rec.key.as_deref(),
                        value: rec.value.as_deref(),
                        headers: OutHeaders::Owned(&rec.headers),
                        timestamp: rec.timestamp,
                    };
                    self.flush(plain, tally);
                    self.one(out, *line, batch.read_at, tally, cancel)?
                }
            };
            if flow != Flow::Go {
                return Ok(flow);
            }
        }
        self.flush(plain, tally);
        Ok(Flow::Go)
    }

    /// Hand the batch gathered so far to librdkafka.
    fn flush(&mut self, plain: &mut Plain<'_>, tally: &mut Tally<'_>) {
        if plain.is_empty() {
            return;
        }
        tally.summary.records += plain.len() as u64;
        tally.summary.bytes += std::mem::take(&mut self.plain_bytes);
        self.writer
            .send_batch(&self.home, plain, &mut tally.deliveries);
    }

    /// One record sent on its own: it has headers, its own time or topic, or waits its turn
    /// (--rate). Its time: its own, else when it was read, or when its turn came.
    fn one(
        &mut self,
        rec: Outgoing<'_>,
        line: u64,
        read_at: i64,
        tally: &mut Tally<'_>,
        cancel: &AtomicBool,
    ) -> Result<Flow> {
        let mut timestamp = rec.timestamp.or(Some(read_at));
        if let Some(p) = &mut self.pace {
            let writer = self.writer;
            if !p.admit(cancel, |wait| writer.poll(wait, &mut tally.deliveries)) {
                return Ok(Flow::Stop);
            }
            timestamp = rec.timestamp.or(Some(crate::position::now_ms()));
        }
        tally.summary.records += 1;
        tally.summary.bytes += rec.value.map_or(0, |v| v.len() as u64);
        self.writer
            .send(&Outgoing { timestamp, ..rec }, line, &mut tally.deliveries);
        if tally.deliveries.is_empty() {
            return Ok(Flow::Go);
        }
        self.settle(tally)
    }

    /// Report what was delivered; --fail-fast stops at a failure.
    fn settle(&self, tally: &mut Tally<'_>) -> Result<Flow> {
        let failed_before = tally.summary.failed;
        tally.settle()?;
        Ok(
            match self.plan.fail_fast && tally.summary.failed > failed_before {
                true => Flow::StopEarly,
                false => Flow::Go,
            },
        )
    }
}
