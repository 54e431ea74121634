//! The reading side of `publish`, on a thread of its own: the input's lines become batches
//! ready to send — numbered, checked (UTF-8, JSON, the registry's schema), made into records
//! where a line is not sent as it is, and given their topic. The producing thread only sends.
//!
//! Batches go to the producing thread over a bounded channel (a few reads ahead at most, so
//! memory stays flat whatever the input's size) and come back emptied, their buffers reused:
//! the read buffer by the input's reader, the list of items by the next batch.

use super::{refuse_value, topic_routed, Plan};
use crate::cli::InputFormat;
use crate::input::{self, Chunks, Next, Spare};
use crate::kafka::admin::Admin;
use crate::record::Record;
use crate::registry::Registry;
use anyhow::Result;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, sync_channel, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::Duration;

/// The lines of one read, ready to send, in input order.
#[derive(Default)]
pub(super) struct Batch {
    /// The bytes read: `Item::Line` values are ranges of it.
    pub chunk: Vec<u8>,
    pub items: Vec<Item>,
    /// Bytes of input these lines took (for the progress bar).
    pub read: u64,
    /// When they were read (ms since the epoch): the CreateTime of records sent one by one.
    pub read_at: i64,
}

/// One input line, as the producing thread needs it.
pub(super) enum Item {
    /// A line sent as it is (`Plan::passthrough`): `chunk[start..end]`, checked.
    Line { line: u64, start: usize, end: usize },
    /// A record made from the line, and the topic it goes to.
    Record {
        line: u64,
        rec: Box<Record>,
        topic: Arc<str>,
    },
    /// A line that may not be sent, and why.
    Rejected { line: u64, why: String },
}

/// A topic records go to, and its partition count.
pub(super) type Dest = (Arc<str>, i32);

/// The topics records go to, each asked of the cluster once: an unknown topic is refused here,
/// before the producer's first use of it could make the broker create it.
pub(super) struct Dests {
    pub home: Dest,
    /// Only with --envelope-topic, where records name their own topics.
    pub admin: Option<Admin>,
    pub known: HashMap<String, Result<Dest, String>>,
}

impl Dests {
    fn get(&mut self, topic: Option<&str>) -> Result<Dest, String> {
        let topic = match topic {
            Some(t) if t != &*self.home.0 => t,
            _ => return Ok(self.home.clone()),
        };
        if let Some(known) = self.known.get(topic) {
            return known.clone();
        }
        let found = match &self.admin {
            Some(admin) => admin
                .partitions(topic)
                .map(|ps| (Arc::from(topic), ps.len() as i32))
                .map_err(|e| format!("{e:#}")),
            None => Err(format!("topic `{topic}` is not the one being published to")),
        };
        self.known.insert(topic.to_string(), found.clone());
        found
    }
}

/// What turns lines into items: the plan, the registry, the destinations, and the count of
/// lines so far (a line's number is its place in the input, blank lines included).
pub(super) struct Lines<'a> {
    plan: &'a Plan,
    registry: Option<&'a Registry>,
    dests: Dests,
    /// One event given on the command line: a blank one is an error, not skipped.
    single: bool,
    /// Lines sent as they are: checked here, and sent from the read buffer.
    passthrough: bool,
    /// Whether the registry gives the topic a schema of its own (see `topic_routed`).
    topic_routed: bool,
    line: u64,
}

impl<'a> Lines<'a> {
    pub fn new(plan: &'a Plan, registry: Option<&'a Registry>, dests: Dests, single: bool) -> Self {
        Lines {
            plan,
            registry,
            dests,
            single,
            passthrough: plan.passthrough(),
            topic_routed: registry.is_some_and(|r| topic_routed(r, &plan.topic)),
            line: 0,
        }
    }

    /// Fill `batch` with the lines of `chunk` (whole lines, as `Chunks` reads them).
    pub fn fill(&mut self, batch: &mut Batch, chunk: Vec<u8>) {
        batch.chunk = chunk;
        batch.items.clear();
        batch.read = 0;
        batch.read_at = crate::position::now_ms();
        let Batch {
            chunk, items, read, ..
        } = batch;
        let base = chunk.as_ptr() as usize;
        for raw in input::lines(chunk) {
            self.line += 1;
            *read += raw.len() as u64 + 1;
            let line = clean(raw, self.line == 1);
            if is_blank(line) && !self.single {
                continue;
            }
            let start = line.as_ptr() as usize - base;
            items.push(self.item(line, start));
        }
    }

    /// A line over --max-line-bytes, skipped by the reader: refused in its place.
    pub fn too_long(&mut self, batch: &mut Batch) {
        self.line += 1;
        batch.items.clear();
        batch.read = 0;
        batch.items.push(Item::Rejected {
            line: self.line,
            why: format!(
                "a line longer than {} bytes (raise --max-line-bytes if it is legitimate)",
                input::max_line()
            ),
        });
    }

    fn item(&mut self, line: &[u8], start: usize) -> Item {
        let (plan, at) = (self.plan, self.line);
        if self.passthrough {
            let why = match self.registry {
                // The lookup reads a JSON line, which checks that it is JSON: it is read once.
                Some(r) => refuse_value(
                    r,
                    &plan.topic,
                    self.topic_routed,
                    line,
                    &plan.headers,
                    plan.format == InputFormat::Json,
                ),
                None => plan.check_line(line).err().map(|e| format!("{e:#}")),
            };
            return match why {
                None => Item::Line {
                    line: at,
                    start,
                    end: start + line.len(),
                },
                Some(why) => Item::Rejected { line: at, why },
            };
        }
        // Encoded events were checked by encoding them.
        let registry = self.registry.filter(|_| plan.schemas.is_none());
        let made = plan
            .record_for_line(line)
            .map_err(|e| format!("{e:#}"))
            .and_then(|rec| {
                let (topic, _) = admit(&rec, &mut self.dests, registry)?;
                Ok(Item::Record {
                    line: at,
                    rec: Box::new(rec),
                    topic,
                })
            });
        made.unwrap_or_else(|why| Item::Rejected { line: at, why })
    }
}

/// Where a record made from a line goes, or why it may not: its topic must exist, its
/// partition too, and an event the registry knows must pass its schema.
fn admit(rec: &Record, dests: &mut Dests, registry: Option<&Registry>) -> Result<Dest, String> {
    let dest = dests.get(rec.topic.as_deref())?;
    let (topic, partitions) = (&*dest.0, dest.1);
    let refused =
        registry.and_then(|r| super::refuse(r, topic, rec.value.as_deref(), &rec.headers));
    if let Some(why) = refused {
        return Err(why);
    }
    if let Some(p) = rec.partition {
        if p < 0 || p >= partitions {
            return Err(format!(
                "partition {p} does not exist in `{topic}` (it has {partitions})"
            ));
        }
    }
    Ok(dest)
}

/// A line as sent: without the `\r` of a CRLF ending, and the input's first line without a
/// UTF-8 byte-order mark (not data).
fn clean(raw: &[u8], first_line: bool) -> &[u8] {
    let line = raw.strip_suffix(b"\r").unwrap_or(raw);
    match first_line {
        true => line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line),
        false => line,
    }
}

/// Blank lines are skipped in a stream (not in a one-event publish, where one is an error).
fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Batches from the reading thread, in input order; each goes back with `give_back` once sent.
/// Dropping it stops the reading thread (within 50 ms if it waits for input).
pub(super) struct Batches<'a> {
    rx: Receiver<Result<Batch>>,
    back: Sender<Batch>,
    stop: &'a AtomicBool,
}

/// Batches ready ahead of the producing thread: a few reads at most.
const AHEAD: usize = 2;

/// How often a wait for a batch checks for Ctrl-C and serves the producer.
const TICK: Duration = Duration::from_millis(50);

/// Start the reading thread: `chunks` become batches by `lines`, read buffers go back to the
/// input's reader through `spare`.
pub(super) fn spawn<'scope, 'env>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    chunks: Chunks,
    spare: Spare,
    mut lines: Lines<'env>,
    stop: &'env AtomicBool,
) -> Batches<'env> {
    let (tx, rx) = sync_channel(AHEAD);
    let (back, returned) = channel::<Batch>();
    scope.spawn(move || loop {
        let next = chunks.next(stop, || Ok(()));
        let mut batch = returned.try_recv().unwrap_or_default();
        spare.put(std::mem::take(&mut batch.chunk));
        let ready = match next {
            Ok(Next::Chunk(chunk)) => {
                lines.fill(&mut batch, chunk);
                Ok(batch)
            }
            Ok(Next::TooLong) => {
                lines.too_long(&mut batch);
                Ok(batch)
            }
            Ok(Next::End | Next::Cancelled) => return,
            Err(e) => Err(e),
        };
        let failed = ready.is_err();
        if tx.send(ready).is_err() || failed {
            return;
        }
    });
    Batches { rx, back, stop }
}

impl Batches<'_> {
    /// The next batch; None at the input's end or at Ctrl-C. While waiting, check `cancel` and
    /// call `idle` every 50 ms (to serve delivery reports).
    pub fn next(
        &self,
        cancel: &AtomicBool,
        mut idle: impl FnMut() -> Result<()>,
    ) -> Result<Option<Batch>> {
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Ok(None);
            }
            match self.rx.recv_timeout(TICK) {
                Ok(batch) => return batch.map(Some),
                Err(RecvTimeoutError::Timeout) => idle()?,
                Err(RecvTimeoutError::Disconnected) => return Ok(None),
            }
        }
    }

    /// A batch sent: its buffers are filled again.
    pub fn give_back(&self, batch: Batch) {
        let _ = self.back.send(batch);
    }
}

impl Drop for Batches<'_> {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn plan(args: &[&str]) -> Plan {
        let mut v = vec!["evtctl", "publish", "orders"];
        v.extend_from_slice(args);
        let Command::Publish(a) = Cli::try_parse_from(v).unwrap().command else {
            panic!()
        };
        Plan::from_args(&a).unwrap()
    }

    fn lines(plan: &Plan, single: bool) -> Lines<'_> {
        let dests = Dests {
            home: (Arc::from("orders"), 4),
            admin: None,
            known: HashMap::new(),
        };
        Lines::new(plan, None, dests, single)
    }

    /// (line number, Ok(sent bytes) or Err(why)) of each item.
    fn items(b: &Batch) -> Vec<(u64, Result<Vec<u8>, String>)> {
        b.items
            .iter()
            .map(|i| match i {
                Item::Line { line, start, end } => (*line, Ok(b.chunk[*start..*end].to_vec())),
                Item::Record { line, rec, .. } => (*line, Ok(rec.value.clone().unwrap())),
                Item::Rejected { line, why } => (*line, Err(why.clone())),
            })
            .collect()
    }

    #[test]
    fn lines_are_numbered_across_batches_and_refused_in_their_place() {
        let p = plan(&[]);
        let mut l = lines(&p, false);
        let mut b = Batch::default();
        // A byte-order mark and CRLF are not data; blank lines are skipped, not refused.
        l.fill(
            &mut b,
            b"\xef\xbb\xbf{\"a\":1}\r\n\n{oops\n  \n{\"b\":2}\n[1,\n".to_vec(),
        );
        let got = items(&b);
        let at: Vec<u64> = got.iter().map(|(n, _)| *n).collect();
        assert_eq!(at, vec![1, 3, 5, 6], "{got:?}");
        assert_eq!(got[0].1, Ok(b"{\"a\":1}".to_vec()));
        assert!(got[1]
            .1
            .as_ref()
            .is_err_and(|e| e.starts_with("not valid JSON")));
        assert_eq!(got[2].1, Ok(b"{\"b\":2}".to_vec()));
        assert!(got[3].1.is_err());
        assert_eq!(b.read, 34);
        // The next read: numbers go on; a mark there is data, and not JSON.
        l.fill(&mut b, b"\xef\xbb\xbf{}\n{}\n".to_vec());
        let got = items(&b);
        assert_eq!((got[0].0, got[0].1.is_err()), (7, true), "{got:?}");
        assert_eq!(got[1], (8, Ok(b"{}".to_vec())));
        l.too_long(&mut b);
        assert!(matches!(b.items[..], [Item::Rejected { line: 9, .. }]));
    }

    #[test]
    fn one_blank_event_is_refused_not_skipped() {
        let p = plan(&[]);
        let mut b = Batch::default();
        lines(&p, true).fill(&mut b, b" ".to_vec());
        assert!(matches!(b.items[..], [Item::Rejected { line: 1, .. }]));
    }

    #[test]
    fn records_made_from_lines_carry_their_topic_or_why_not() {
        let p = plan(&["--key-field", "/id"]);
        let mut b = Batch::default();
        lines(&p, false).fill(&mut b, b"{\"id\":\"k\"}\n{\"n\":1}\n".to_vec());
        match &b.items[..] {
            [Item::Record {
                line: 1,
                rec,
                topic,
            }, Item::Rejected { line: 2, why }] => {
                assert_eq!((rec.key.as_deref(), &**topic), (Some(&b"k"[..]), "orders"));
                assert!(why.contains("--key-field"), "{why}");
            }
            _ => panic!("{:?}", items(&b)),
        }
        // A partition the topic does not have is refused with its line.
        let p = plan(&["--format", "envelope"]);
        let mut b = Batch::default();
        lines(&p, false).fill(&mut b, br#"{"partition":9,"value":"x"}"#.to_vec());
        let got = items(&b);
        assert!(
            got[0].1.as_ref().is_err_and(|e| e.contains("partition 9")),
            "{got:?}"
        );
    }
}
