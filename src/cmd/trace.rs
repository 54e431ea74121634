//! `evtctl trace VALUE`: every record that belongs to an entity or a trace, over many topics,
//! merged into one timeline ordered by record time.
//!
//! Guarantees: joins no consumer group and commits nothing (partitions are assigned, as
//! `expect` reads them); every partition is read from `--from` (default: 2 hours ago) to the
//! end offsets captured at start (or `--until`), and the summary names those ranges and whether
//! each was read in full, so "not found" means "not in these ranges". Memory is bounded: only
//! matches are kept (at most `--max-matches`, the earliest by time; the others are counted),
//! each quoted in part, and at most `MAX_IDS` ids are followed. With `--hops N`, the ids found
//! in the configured fields of the matches are searched for in further passes over the same
//! ranges (a record appears once, with the first hop that found it).

use crate::cli::{TraceArgs, TraceFormat};
use crate::config::Settings;
use crate::dlq::origin::{self, Convention, CustomConvention};
use crate::error::{usage, Interrupted, ProblemsFound};
use crate::kafka::admin::Admin;
use crate::kafka::reader::{self, Event, Flow, Range, ReadEnd, Reader};
use crate::output::escape::mermaid;
use crate::output::sanitize::escape_line;
use crate::output::{cap, Printer, Styles};
use crate::pattern::TopicSelector;
use crate::position::{check_range, now_ms, parse_start, parse_stop, Start, StartSpec, Stop};
use crate::record::{format_millis, RecordView};
use anyhow::Result;
use memchr::memmem::Finder;
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

/// Where reading starts without `--from`: recent enough to be quick on a busy cluster, long
/// enough for an incident that is still being looked at.
pub const DEFAULT_FROM: &str = "2h";
/// Ids followed at most (VALUE and the ids the hops find).
pub const MAX_IDS: usize = 1000;
/// Characters quoted from a key, an event type or an error message.
const QUOTE: usize = 200;
/// Above this many ids of one hop, values are parsed without looking for the ids' text first.
const PREFILTER_IDS: usize = 16;

/// A `trace` run, validated (no I/O).
#[derive(Debug)]
pub struct Plan {
    pub value: String,
    pub selector: TopicSelector,
    /// No `--topics`: every topic not starting with `__`.
    pub all_topics: bool,
    pub start: StartSpec,
    pub stop: Stop,
    /// JSON pointers into the value.
    pub fields: Vec<String>,
    /// VALUE as a W3C trace id (lower case), when it is one.
    pub trace_id: Option<String>,
    pub hops: u32,
    pub all_partitions: bool,
    pub max_matches: usize,
    pub format: Option<TraceFormat>,
}

impl Plan {
    /// `configured`: the registry's `[trace] fields`, used when no `--field` is given.
    pub fn from_args(a: &TraceArgs, configured: &[String]) -> Result<Plan> {
        Plan::build(a, configured, now_ms())
    }

    fn build(a: &TraceArgs, configured: &[String], now: i64) -> Result<Plan> {
        if a.value.is_empty() {
            return Err(usage("VALUE cannot be empty"));
        }
        let mut topics: Vec<String> = Vec::new();
        for t in &a.topics {
            if t.starts_with("re:") {
                topics.push(t.clone());
            } else {
                topics.extend(
                    t.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string),
                );
            }
        }
        let all_topics = topics.is_empty();
        if all_topics {
            // A pattern selects `__` topics only when it starts with `__`.
            topics.push("re:.*".to_string());
        }
        let selector = TopicSelector::parse(&topics, None)?;
        let start = parse_start(a.from.as_deref().unwrap_or(DEFAULT_FROM), now)?;
        let stop = match &a.until {
            Some(u) => parse_stop(u, now)?,
            None => Stop::End,
        };
        check_range(&start, Some(stop))?;
        let mut fields: Vec<String> = Vec::new();
        let (given, whence) = match a.fields.is_empty() {
            true => (configured, "registry.toml: [trace] fields:"),
            false => (&a.fields[..], "--field"),
        };
        for f in given {
            if !f.starts_with('/') {
                return Err(usage(format!(
                    "{whence} `{}`: a JSON pointer starts with `/`, e.g. /data/orderId",
                    escape_line(f)
                )));
            }
            if !fields.contains(f) {
                fields.push(f.clone());
            }
        }
        if a.hops > 0 && fields.is_empty() {
            return Err(usage(
                "--hops follows the ids found in the --field paths of the matches: give at least \
                 one --field (or [trace] fields in registry.toml)",
            ));
        }
        if a.max_matches == 0 {
            return Err(usage("--max-matches must be at least 1"));
        }
        Ok(Plan {
            trace_id: trace_id(&a.value),
            value: a.value.clone(),
            selector,
            all_topics,
            start,
            stop,
            fields,
            hops: a.hops,
            all_partitions: a.all_partitions,
            max_matches: a.max_matches,
            format: a.format,
        })
    }

    /// Only the key can match: its partition is the only one to read.
    pub fn key_partition_only(&self) -> bool {
        !self.all_partitions
            && self.fields.is_empty()
            && self.trace_id.is_none()
            && self.start.partitions.is_empty()
    }
}

/// Kafka's murmur2 (`org.apache.kafka.common.utils.Utils.murmur2`): how the Java client's
/// default partitioner, librdkafka's `murmur2_random` and `evtctl publish` hash a key.
pub fn murmur2(data: &[u8]) -> u32 {
    const M: u32 = 0x5bd1_e995;
    let mut h: u32 = 0x9747_b28c ^ (data.len() as u32);
    let chunks = data.chunks_exact(4);
    let tail = chunks.remainder();
    for c in chunks {
        let mut k = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        k = k.wrapping_mul(M);
        k ^= k >> 24;
        k = k.wrapping_mul(M);
        h = h.wrapping_mul(M) ^ k;
    }
    if tail.len() == 3 {
        h ^= u32::from(tail[2]) << 16;
    }
    if tail.len() >= 2 {
        h ^= u32::from(tail[1]) << 8;
    }
    if !tail.is_empty() {
        h ^= u32::from(tail[0]);
        h = h.wrapping_mul(M);
    }
    h ^= h >> 13;
    h = h.wrapping_mul(M);
    h ^ (h >> 15)
}

/// The partition of `partitions` the Java client's default partitioner gives a non-null key.
pub fn key_partition(key: &[u8], partitions: usize) -> i32 {
    ((murmur2(key) & 0x7fff_ffff) % partitions.max(1) as u32) as i32
}

/// `s` as a W3C trace id: 32 hex digits, not all zero (lower case).
pub fn trace_id(s: &str) -> Option<String> {
    let ok =
        s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit()) && s.bytes().any(|b| b != b'0');
    ok.then(|| s.to_ascii_lowercase())
}

/// The trace id a `traceparent` value carries (`VERSION-TRACEID-PARENTID-FLAGS`; a later
/// version may append fields after another dash).
fn carried_trace_id(v: &[u8]) -> Option<&[u8]> {
    let ok = v.len() >= 55 && v[2] == b'-' && v[35] == b'-' && v[52] == b'-';
    ok.then(|| &v[3..35])
}

/// An id as a JSON value holds it: a string, or a number's text.
fn id_text(v: &Value) -> Option<Cow<'_, str>> {
    match v {
        Value::String(s) => Some(Cow::Borrowed(s)),
        Value::Number(n) => Some(Cow::Owned(n.to_string())),
        _ => None,
    }
}

/// What one pass looks for: every id known so far (with the hop that found it); a record is
/// this pass's when the lowest hop among the ways it matches is this pass's hop.
struct Pass<'a> {
    hop: u32,
    ids: &'a HashMap<String, u32>,
    /// The ids of this hop, for a quick look at a value before parsing it.
    finders: Option<Vec<Finder<'a>>>,
    fields: &'a [String],
    trace: Option<&'a str>,
}

/// How a record matched.
struct Hit {
    hop: u32,
    /// "key", a field's pointer, "traceparent" or "ce_traceparent".
    ways: Vec<String>,
    /// The id that matched (the first way's).
    id: String,
}

impl Hit {
    fn note(hit: &mut Option<Hit>, hop: u32, way: &str, id: &str) {
        match hit {
            Some(h) if h.hop < hop => {}
            Some(h) if h.hop == hop => {
                if !h.ways.iter().any(|w| w == way) {
                    h.ways.push(way.to_string());
                }
            }
            _ => {
                *hit = Some(Hit {
                    hop,
                    ways: vec![way.to_string()],
                    id: id.to_string(),
                })
            }
        }
    }
}

impl<'a> Pass<'a> {
    fn new(
        hop: u32,
        ids: &'a HashMap<String, u32>,
        fields: &'a [String],
        trace: Option<&'a str>,
    ) -> Pass<'a> {
        // This hop's ids, and the trace id (a hop-0 match found again must be known as one).
        let mine: Vec<&'a str> = ids
            .iter()
            .filter(|(_, &h)| h == hop)
            .map(|(id, _)| id.as_str())
            .chain(trace)
            .collect();
        let finders = (mine.len() <= PREFILTER_IDS)
            .then(|| mine.iter().map(|id| Finder::new(id.as_bytes())).collect());
        Pass {
            hop,
            ids,
            finders,
            fields,
            trace,
        }
    }

    /// Could a field of this value hold one of this hop's ids, or its `traceparent` the trace
    /// id? (A JSON string may escape any character, so a value with a backslash is always
    /// parsed.)
    fn worth_parsing(&self, v: &[u8]) -> bool {
        match &self.finders {
            None => true,
            Some(fs) => {
                memchr::memchr(b'\\', v).is_some() || fs.iter().any(|f| f.find(v).is_some())
            }
        }
    }

    /// This pass's hit, and the value parsed as JSON when it was.
    fn check(&self, r: &RecordView<'_>) -> (Option<Hit>, Option<Value>) {
        let mut hit = None;
        if let Some(k) = r.key.and_then(|k| std::str::from_utf8(k).ok()) {
            if let Some(&h) = self.ids.get(k) {
                Hit::note(&mut hit, h, "key", k);
            }
        }
        if let Some(t) = self.trace {
            for (name, v) in r.headers {
                if matches!(*name, "traceparent" | "ce_traceparent")
                    && v.and_then(carried_trace_id)
                        .is_some_and(|id| id.eq_ignore_ascii_case(t.as_bytes()))
                {
                    Hit::note(&mut hit, 0, name, t);
                }
            }
        }
        let mut json = None;
        if !self.fields.is_empty() || self.trace.is_some() {
            if let Some(v) = r.value.filter(|v| self.worth_parsing(v)) {
                json = serde_json::from_slice::<Value>(v).ok();
            }
        }
        if let Some(j) = &json {
            for f in self.fields {
                if let Some(text) = j.pointer(f).and_then(id_text) {
                    if let Some(&h) = self.ids.get(text.as_ref()) {
                        Hit::note(&mut hit, h, f, &text);
                    }
                }
            }
            // A structured-mode CloudEvent carries the distributed-tracing extension as an
            // attribute of the event.
            if let Some(t) = self.trace {
                let carried = j.get("traceparent").and_then(Value::as_str);
                if carried
                    .and_then(|v| carried_trace_id(v.as_bytes()))
                    .is_some_and(|id| id.eq_ignore_ascii_case(t.as_bytes()))
                {
                    Hit::note(&mut hit, 0, "/traceparent", t);
                }
            }
        }
        (hit.filter(|h| h.hop == self.hop), json)
    }
}

/// Where a dead-lettered record came from and why it failed.
#[derive(Debug, Clone, Serialize)]
pub struct DlqOrigin {
    pub convention: String,
    pub topic: Option<String>,
    pub partition: Option<i32>,
    pub offset: Option<i64>,
    pub error_class: Option<String>,
    pub error_message: Option<String>,
    /// evtctl's own header: this record was redriven (copied back) from a dead-letter queue.
    pub redriven: bool,
}

/// A matching record, as the timeline shows it (quoted in part: bounded whatever its size).
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub time: Option<String>,
    pub timestamp: Option<i64>,
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    /// The value's `type` field, or the CloudEvents `ce_type` header.
    pub event_type: Option<String>,
    /// The CloudEvents `source` (the `ce_source` header or the value's `source` field).
    pub source: Option<String>,
    /// The CloudEvents `id` (the `ce_id` header or the value's `id` field).
    pub event_id: Option<String>,
    pub key: Option<String>,
    /// How it matched: "key", a field's JSON pointer, "traceparent" or "ce_traceparent".
    pub matched: Vec<String>,
    /// The id it matched (VALUE, or one a hop found).
    pub id: String,
    /// 0: VALUE itself; N: an id found N hops away.
    pub hop: u32,
    pub dlq: Option<DlqOrigin>,
}

/// The start of a key or header value as text: only its first bytes are decoded, so a 10 MB
/// key costs what a short one does.
fn quote(b: &[u8]) -> String {
    const HEAD: usize = QUOTE * 4;
    if b.len() <= HEAD {
        return cap(&String::from_utf8_lossy(b), QUOTE).into_owned();
    }
    let head: String = String::from_utf8_lossy(&b[..HEAD])
        .chars()
        .take(QUOTE)
        .collect();
    format!("{head}… ({} bytes)", b.len())
}

impl Found {
    fn of(
        r: &RecordView<'_>,
        hit: Hit,
        json: Option<&Value>,
        custom: &[CustomConvention],
    ) -> Found {
        // Either CloudEvents mode (a binary event's data is not asked for its `type`).
        let attr = |name: &str| {
            crate::cloudevents::attribute(r.headers, json, name).map(|found| match found {
                crate::cloudevents::Found::Header(b) => quote(b),
                crate::cloudevents::Found::Field(s) => cap(s, QUOTE).into_owned(),
            })
        };
        let (event_type, source, event_id) = (attr("type"), attr("source"), attr("id"));
        let o = origin::decode(r.headers, custom);
        let dlq = o.convention.as_ref().map(|c| DlqOrigin {
            convention: c.name().to_string(),
            topic: o.topic.as_deref().map(|t| cap(t, QUOTE).into_owned()),
            partition: o.partition,
            offset: o.offset,
            error_class: o.error_class.as_deref().map(|t| cap(t, QUOTE).into_owned()),
            error_message: o
                .error_message
                .as_deref()
                .map(|t| cap(t, QUOTE).into_owned()),
            redriven: *c == Convention::Evtctl,
        });
        Found {
            kind: "match",
            time: r.timestamp.map(format_millis),
            timestamp: r.timestamp,
            topic: r.topic.to_string(),
            partition: r.partition,
            offset: r.offset,
            event_type,
            source,
            event_id,
            key: r.key.map(quote),
            matched: hit.ways,
            id: hit.id,
            hop: hit.hop,
            dlq,
        }
    }
}

/// The matches kept: the earliest `max` by time; the rest only counted.
struct Kept {
    max: usize,
    total: u64,
    by_time: BTreeMap<(i64, String, i32, i64), Found>,
}

impl Kept {
    fn new(max: usize) -> Kept {
        Kept {
            max,
            total: 0,
            by_time: BTreeMap::new(),
        }
    }

    fn add(&mut self, f: Found) {
        self.total += 1;
        let k = (
            f.timestamp.unwrap_or(i64::MAX),
            f.topic.clone(),
            f.partition,
            f.offset,
        );
        self.by_time.insert(k, f);
        if self.by_time.len() > self.max {
            self.by_time.pop_last();
        }
    }
}

/// One partition's range in the summary.
#[derive(Debug, Clone, Serialize)]
pub struct Scanned {
    pub topic: String,
    pub partition: i32,
    /// First offset read.
    pub start: i64,
    /// End offset (exclusive) captured at start; null when following up to a future --until.
    pub end: Option<i64>,
    /// Records before this time were skipped (where the broker cannot look offsets up by time).
    pub from_time: Option<String>,
    /// Reading stopped at the first record at or after this time.
    pub until_time: Option<String>,
    /// Every pass read the whole range.
    pub complete: bool,
    /// Where reading had got to (the next offset), when it did not complete.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_to: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IdOut {
    pub id: String,
    pub hop: u32,
}

#[derive(Debug, Serialize)]
pub struct Summary {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub value: String,
    /// VALUE was searched as a trace id too (in `traceparent` / `ce_traceparent`).
    pub trace_id: bool,
    /// Matching records found (all of them, shown or not).
    pub matches: u64,
    /// Matching records shown (the earliest, at most --max-matches).
    pub shown: usize,
    pub capped: bool,
    pub ids: Vec<IdOut>,
    /// More ids were found than are followed (MAX_IDS).
    pub ids_capped: bool,
    /// Only the key's partition of each topic was read (murmur2, as the Java client).
    pub key_partition_only: bool,
    /// Passes over the ranges (1 + hops that found new ids).
    pub passes: u32,
    pub scanned: Vec<Scanned>,
    /// Every range was read in full by every pass.
    pub complete: bool,
    pub interrupted: bool,
    pub seconds: f64,
}

/// The ranges to read: every partition of the selected topics, from --from to --until.
fn ranges(plan: &Plan, admin: &Admin) -> Result<(Vec<Range>, Option<i64>)> {
    let topics = plan.selector.resolve(admin, false)?;
    if topics.is_empty() {
        return Err(usage("no topic to search"));
    }
    if plan.key_partition_only() {
        let key_parts: Vec<[i32; 1]> = topics
            .iter()
            .map(|t| {
                let n = admin.partitions(t)?.len();
                Ok([key_partition(plan.value.as_bytes(), n)])
            })
            .collect::<Result<_>>()?;
        let each: Vec<(&String, &[i32])> = topics
            .iter()
            .zip(&key_parts)
            .map(|(t, p)| (t, &p[..]))
            .collect();
        return reader::resolve_each(
            admin,
            &each,
            &plan.start,
            Start::Beginning,
            Some(plan.stop),
            None,
        );
    }
    reader::resolve(
        admin,
        &topics,
        &[],
        &plan.start,
        Start::Beginning,
        Some(plan.stop),
        None,
    )
}

/// The cores a scan counts on (at least two: one reader waits for the broker while another
/// checks records). A scan cuts its work into at least this many units and runs up to twice as
/// many readers.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

/// Readers a scan runs at most, each a thread with one consumer at a time.
const MAX_READERS: usize = 8;

/// What the readers read, one after another, as indices into `ranges`: each topic's ranges,
/// and with fewer topics than `want` readers, the topics with the most partitions split in
/// halves until there are `want` (a reader then reads one consumer's worth: a consumer per unit
/// keeps one topic whose records are late from holding up another, and memory to that of
/// `MAX_READERS` consumers, however many topics there are). Largest first.
fn split(ranges: &[Range], want: usize) -> Vec<Vec<usize>> {
    let mut by_topic: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in ranges.iter().enumerate() {
        by_topic.entry(r.topic.as_str()).or_default().push(i);
    }
    let mut units: Vec<Vec<usize>> = by_topic.into_values().collect();
    while units.len() < want.min(MAX_READERS) {
        let (i, largest) = units
            .iter()
            .enumerate()
            .max_by_key(|(_, u)| u.len())
            .expect("a scan has ranges");
        if largest.len() < 2 {
            break;
        }
        let mut half = units.swap_remove(i);
        let other = half.split_off(half.len() / 2);
        units.push(half);
        units.push(other);
    }
    units.sort_by_key(|u| std::cmp::Reverse(u.len()));
    units
}

/// What one reader of a pass found.
struct Part {
    next: Vec<String>,
    /// (index into the pass's ranges, next offset read).
    progress: Vec<(usize, i64)>,
    end: ReadEnd,
}

/// One pass over the ranges: the records this hop finds are kept, and (when another hop
/// follows) the new ids in their fields collected. The ranges are read by several readers at
/// once (see `split`), within the process's one prefetch budget (`Reader::open_sharing`).
#[allow(clippy::too_many_arguments)]
fn scan(
    settings: &Settings,
    ranges: &[Range],
    deadline: Option<i64>,
    pass: &Pass<'_>,
    custom: &[CustomConvention],
    kept: &mut Kept,
    next: Option<&mut Vec<String>>,
    progress: &mut [i64],
    cancel: &AtomicBool,
) -> Result<ReadEnd> {
    let units = split(ranges, cores());
    // Two readers a core keep the cores busy while others wait for the broker; more only cost
    // memory (a consumer each).
    let readers = units.len().min(MAX_READERS).min(2 * cores());
    // The next unit a reader takes.
    let taken = std::sync::atomic::AtomicUsize::new(0);
    let want_next = next.is_some();
    // The matches of every reader: one `Kept`, so memory holds `--max-matches` in all.
    let shared = std::sync::Mutex::new(std::mem::replace(kept, Kept::new(kept.max)));
    // Set when a reader fails: the others stop at their next record or idle round.
    let halt = AtomicBool::new(false);
    let results: Vec<Result<Part>> = std::thread::scope(|sc| {
        let handles: Vec<_> = (0..readers)
            .map(|_| {
                let (halt, shared, taken, units) = (&halt, &shared, &taken, &units);
                sc.spawn(move || {
                    let mut all = Part {
                        next: Vec::new(),
                        progress: Vec::new(),
                        end: ReadEnd::Reached,
                    };
                    while all.end == ReadEnd::Reached && !halt.load(Ordering::Relaxed) {
                        let Some(idx) = units.get(taken.fetch_add(1, Ordering::Relaxed)) else {
                            break;
                        };
                        let mine: Vec<Range> = idx.iter().map(|&i| ranges[i].clone()).collect();
                        let read = Reader::open_sharing(settings, &mine, deadline, readers)
                            .and_then(|reader| {
                                let part = (ranges, idx.as_slice());
                                let io = (cancel, halt);
                                scan_part(reader, part, pass, custom, shared, want_next, io)
                            });
                        match read {
                            Ok(part) => {
                                all.progress.extend(part.progress);
                                all.next.extend(part.next);
                                all.end = part.end;
                            }
                            Err(e) => {
                                halt.store(true, Ordering::Relaxed);
                                return Err(e);
                            }
                        }
                    }
                    Ok(all)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("a reader thread failed")))
            })
            .collect()
    });
    *kept = shared.into_inner().unwrap_or_else(|p| p.into_inner());
    let mut end = ReadEnd::Reached;
    let mut next = next;
    let mut failed = None;
    for r in results {
        let part = match r {
            Ok(p) => p,
            Err(e) => {
                failed.get_or_insert(e);
                continue;
            }
        };
        for (i, at) in part.progress {
            progress[i] = progress[i].max(at);
        }
        if let Some(next) = next.as_deref_mut() {
            for id in part.next {
                if !next.contains(&id) {
                    next.push(id);
                }
            }
        }
        end = match (end, part.end) {
            (ReadEnd::Cancelled, _) | (_, ReadEnd::Cancelled) => ReadEnd::Cancelled,
            (ReadEnd::Reached, e) => e,
            (e, _) => e,
        };
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(end),
    }
}

/// One reader's share of a pass.
fn scan_part(
    mut reader: Reader,
    (ranges, idx): (&[Range], &[usize]),
    pass: &Pass<'_>,
    custom: &[CustomConvention],
    kept: &std::sync::Mutex<Kept>,
    want_next: bool,
    (cancel, halt): (&AtomicBool, &AtomicBool),
) -> Result<Part> {
    // (topic, partition) -> this part's slot in `progress`.
    let slots: HashMap<(&str, i32), usize> = idx
        .iter()
        .enumerate()
        .map(|(slot, &i)| ((ranges[i].topic.as_str(), ranges[i].partition), slot))
        .collect();
    let mut part = Part {
        next: Vec::new(),
        progress: idx.iter().map(|&i| (i, ranges[i].start)).collect(),
        end: ReadEnd::Reached,
    };
    part.end = reader.run(cancel, |ev| {
        if halt.load(Ordering::Relaxed) {
            return Ok(Flow::Stop);
        }
        let Event::Record(r) = ev else {
            return Ok(Flow::Continue);
        };
        if let Some(&slot) = slots.get(&(r.topic, r.partition)) {
            let p = &mut part.progress[slot].1;
            *p = (*p).max(r.offset + 1);
        }
        let (hit, mut json) = pass.check(&r);
        let Some(hit) = hit else {
            return Ok(Flow::Continue);
        };
        if json.is_none() {
            json = r.value.and_then(|v| serde_json::from_slice(v).ok());
        }
        if let (true, Some(j)) = (want_next, &json) {
            for f in pass.fields {
                if let Some(id) = j.pointer(f).and_then(id_text) {
                    if !pass.ids.contains_key(id.as_ref()) && !part.next.iter().any(|n| *n == id) {
                        part.next.push(id.into_owned());
                    }
                }
            }
        }
        let found = Found::of(&r, hit, json.as_ref(), custom);
        kept.lock().unwrap_or_else(|p| p.into_inner()).add(found);
        Ok(Flow::Continue)
    })?;
    Ok(part)
}

/// What the passes found, and how far they got.
struct Search {
    kept: Kept,
    /// Every id searched, in the order found.
    ids: Vec<IdOut>,
    ids_capped: bool,
    passes: u32,
    /// How the last pass ended.
    end: ReadEnd,
    /// The next offset of each range in the last pass.
    progress: Vec<i64>,
}

/// One pass over the ranges per hop, each looking for the ids the one before it found, until a
/// pass finds none, the hops are done, or reading stops.
fn search(
    plan: &Plan,
    settings: &Settings,
    (ranges, deadline): (&[Range], Option<i64>),
    custom: &[CustomConvention],
    printer: &Printer,
    cancel: &AtomicBool,
) -> Result<Search> {
    let mut ids: HashMap<String, u32> = HashMap::from([(plan.value.clone(), 0)]);
    let mut out = Search {
        kept: Kept::new(plan.max_matches),
        ids: vec![IdOut {
            id: plan.value.clone(),
            hop: 0,
        }],
        ids_capped: false,
        passes: 0,
        end: ReadEnd::Reached,
        progress: Vec::new(),
    };
    for hop in 0..=plan.hops {
        let mut next = Vec::new();
        let pass = Pass::new(hop, &ids, &plan.fields, plan.trace_id.as_deref());
        out.progress = ranges.iter().map(|r| r.start).collect();
        out.passes += 1;
        out.end = scan(
            settings,
            ranges,
            deadline,
            &pass,
            custom,
            &mut out.kept,
            (hop < plan.hops).then_some(&mut next),
            &mut out.progress,
            cancel,
        )?;
        if out.end != ReadEnd::Reached || next.is_empty() {
            break;
        }
        let room = MAX_IDS.saturating_sub(ids.len());
        out.ids_capped |= next.len() > room;
        for id in next.into_iter().take(room) {
            printer.debug(format!("hop {}: following `{}`", hop + 1, escape_line(&id)));
            ids.insert(id.clone(), hop + 1);
            out.ids.push(IdOut { id, hop: hop + 1 });
        }
        if room == 0 {
            break;
        }
    }
    Ok(out)
}

impl Summary {
    fn of(plan: &Plan, ranges: &[Range], search: &Search, started: Instant) -> Summary {
        let complete = search.end == ReadEnd::Reached;
        let scanned = ranges
            .iter()
            .zip(&search.progress)
            .map(|(r, &read_to)| Scanned {
                topic: r.topic.clone(),
                partition: r.partition,
                start: r.start,
                end: r.stop,
                from_time: r.start_time.map(format_millis),
                until_time: r.stop_time.map(format_millis),
                complete,
                read_to: (!complete).then_some(read_to),
            })
            .collect();
        Summary {
            kind: "summary",
            value: plan.value.clone(),
            trace_id: plan.trace_id.is_some(),
            matches: search.kept.total,
            shown: search.kept.by_time.len(),
            capped: search.kept.total > search.kept.by_time.len() as u64,
            ids: search.ids.clone(),
            ids_capped: search.ids_capped,
            key_partition_only: plan.key_partition_only(),
            passes: search.passes,
            scanned,
            complete,
            interrupted: search.end == ReadEnd::Cancelled,
            seconds: started.elapsed().as_secs_f64(),
        }
    }
}

pub fn run(
    plan: &Plan,
    settings: &Settings,
    custom: &[CustomConvention],
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let started = Instant::now();
    let (ranges, deadline) = ranges(plan, &Admin::connect(settings)?)?;
    say_what(plan, &ranges, printer);
    let search = search(plan, settings, (&ranges, deadline), custom, printer, cancel)?;
    let summary = Summary::of(plan, &ranges, &search, started);
    let found: Vec<&Found> = search.kept.by_time.values().collect();
    report(&found, &summary, plan, printer)?;
    exit(&summary, printer)
}

/// On stderr: what is searched, where.
fn say_what(plan: &Plan, ranges: &[Range], printer: &Printer) {
    let mut topics: Vec<&str> = ranges.iter().map(|r| r.topic.as_str()).collect();
    topics.dedup();
    printer.info(format!(
        "searching {} partition(s) of {} topic(s) for `{}`",
        ranges.len(),
        topics.len(),
        escape_line(&plan.value)
    ));
}

fn report(found: &[&Found], summary: &Summary, plan: &Plan, printer: &mut Printer) -> Result<()> {
    if plan.format == Some(TraceFormat::Mermaid) {
        printer.write(sequence_diagram(found, summary).as_bytes())?;
    } else if printer.is_json() {
        for f in found {
            printer.json(f)?;
        }
        printer.json(summary)?;
    } else {
        let text = pretty(found, summary, plan, &printer.styles);
        printer.write(text.as_bytes())?;
    }
    printer.flush()
}

/// The exit: 0 found, 1 nothing found, 130 interrupted.
fn exit(summary: &Summary, printer: &Printer) -> Result<()> {
    if summary.interrupted {
        printer.info(format!(
            "interrupted: {} record(s) found so far; the ranges were not read in full",
            summary.matches
        ));
        return Err(Interrupted.into());
    }
    let value = escape_line(&summary.value);
    if summary.matches == 0 {
        return Err(ProblemsFound(format!(
            "no record matches `{value}` in the ranges scanned (listed on stdout)"
        ))
        .into());
    }
    let mut msg = format!(
        "{} record(s) found for `{value}` in {:.2}s",
        summary.matches, summary.seconds
    );
    if summary.capped {
        msg.push_str(&format!(
            "; only the earliest {} are shown (--max-matches)",
            summary.shown
        ));
    }
    printer.info(msg);
    if summary.ids_capped {
        printer.warn(format!(
            "more than {MAX_IDS} ids found: the others were not followed"
        ));
    }
    Ok(())
}

/// The origin line of a dead-lettered (or redriven) record.
fn origin_line(d: &DlqOrigin) -> String {
    let place = match (&d.topic, d.partition, d.offset) {
        (Some(t), Some(p), Some(o)) => format!("{}/{p}@{o}", escape_line(t)),
        (Some(t), Some(p), None) => format!("{}/{p}", escape_line(t)),
        (Some(t), None, _) => escape_line(t).into_owned(),
        (None, _, _) => "an unknown origin".to_string(),
    };
    if d.redriven {
        return format!("redriven from {place}");
    }
    let mut s = format!("dead-lettered from {place}");
    let error = match (&d.error_class, &d.error_message) {
        (Some(c), Some(m)) => format!("{c}: {m}"),
        (Some(c), None) => c.clone(),
        (None, Some(m)) => m.clone(),
        (None, None) => String::new(),
    };
    if !error.is_empty() {
        s.push_str(": ");
        s.push_str(&escape_line(&error));
    }
    s.push_str(&format!(" ({})", escape_line(&d.convention)));
    s
}

fn pretty(found: &[&Found], summary: &Summary, plan: &Plan, st: &Styles) -> String {
    let (d, k, b) = (st.dim, st.key, st.bad);
    let mut s = String::new();
    for f in found {
        let time = f.time.as_deref().unwrap_or("(no time)");
        let kind = f
            .event_type
            .as_deref()
            .map_or(Cow::Borrowed("-"), escape_line);
        let key = f
            .key
            .as_deref()
            .map_or(Cow::Borrowed("(null)"), escape_line);
        let ways = f
            .matched
            .iter()
            .map(|w| escape_line(w).into_owned())
            .collect::<Vec<_>>()
            .join(", ");
        let via = if f.hop > 0 {
            format!(" {d}(hop {} via {}){d:#}", f.hop, escape_line(&f.id))
        } else {
            String::new()
        };
        s.push_str(&format!(
            "{time}  {}/{}@{}  {kind}  key={k}{key}{k:#}  matched {ways}{via}\n",
            escape_line(&f.topic),
            f.partition,
            f.offset,
        ));
        if let Some(o) = &f.dlq {
            s.push_str(&format!("    {b}↳ {}{b:#}\n", origin_line(o)));
        }
    }
    if !found.is_empty() {
        s.push('\n');
    }
    let mut by_topic: BTreeMap<&str, Vec<&Scanned>> = BTreeMap::new();
    for r in &summary.scanned {
        by_topic.entry(&r.topic).or_default().push(r);
    }
    for (topic, rs) in by_topic {
        let parts = rs
            .iter()
            .map(|r| {
                let end = r.end.map_or("…".to_string(), |e| e.to_string());
                match r.read_to {
                    Some(to) if !r.complete => {
                        format!("{}:[{},{end}) read to {to}", r.partition, r.start)
                    }
                    _ => format!("{}:[{},{end})", r.partition, r.start),
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let mut line = format!("{d}scanned {} partition {parts}", escape_line(topic),);
        if let Some(t) = rs.iter().find_map(|r| r.from_time.as_deref()) {
            line.push_str(&format!(", records from {t}"));
        }
        if let Some(t) = rs.iter().find_map(|r| r.until_time.as_deref()) {
            line.push_str(&format!(", before {t}"));
        }
        line.push_str(if rs.iter().all(|r| r.complete) {
            ": in full"
        } else {
            ": NOT in full"
        });
        s.push_str(&format!("{line}{d:#}\n"));
    }
    if summary.key_partition_only {
        s.push_str(&format!(
            "{d}only the key's partition of each topic was read (murmur2, as the Java client \
             partitions keys); --all-partitions reads them all{d:#}\n"
        ));
    }
    if plan.hops > 0 {
        let ids = summary
            .ids
            .iter()
            .map(|i| format!("{}@hop{}", escape_line(&i.id), i.hop))
            .collect::<Vec<_>>()
            .join(", ");
        s.push_str(&format!("{d}ids followed: {ids}{d:#}\n"));
    }
    s
}

/// The timeline as a Mermaid sequence diagram: each record is an arrow from the participant of
/// the record before it (the first: from its own) to its own participant (its CloudEvents
/// source, else its topic); a dead-lettered record's arrow ends in a cross, with its origin and
/// error in a note. The ranges scanned follow as `%%` comments.
fn sequence_diagram(found: &[&Found], summary: &Summary) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut who = |f: &Found| {
        let name = f.source.clone().unwrap_or_else(|| f.topic.clone());
        match names.iter().position(|n| *n == name) {
            Some(i) => (i, None),
            None => {
                names.push(name.clone());
                (names.len() - 1, Some(name))
            }
        }
    };
    let mut body = String::new();
    let mut heads = String::new();
    let mut prev: Option<usize> = None;
    for f in found {
        let (to, new) = who(f);
        if let Some(name) = new {
            heads.push_str(&format!(
                "    participant p{to} as {}\n",
                mermaid::text(&name)
            ));
        }
        let from = prev.unwrap_or(to);
        let arrow = if f.dlq.as_ref().is_some_and(|d| !d.redriven) {
            "-x"
        } else {
            "->>"
        };
        let mut label = format!(
            "{} {}/{}@{}",
            f.event_type.as_deref().unwrap_or("record"),
            f.topic,
            f.partition,
            f.offset
        );
        if let Some(k) = &f.key {
            label.push_str(&format!(" key {k}"));
        }
        if f.hop > 0 {
            label.push_str(&format!(" (hop {} via {})", f.hop, f.id));
        }
        body.push_str(&format!(
            "    p{from}{arrow}p{to}: {}\n",
            mermaid::text(&label)
        ));
        if let Some(d) = &f.dlq {
            body.push_str(&format!(
                "    Note over p{to}: {}\n",
                mermaid::text(&origin_line(d))
            ));
        }
        prev = Some(to);
    }
    let mut s = String::from("sequenceDiagram\n");
    s.push_str(&heads);
    s.push_str(&body);
    for r in &summary.scanned {
        let end = r.end.map_or("…".to_string(), |e| e.to_string());
        s.push_str(&format!(
            "%% scanned {}/{} [{},{end}){}\n",
            escape_line(&r.topic),
            r.partition,
            r.start,
            if r.complete {
                " in full"
            } else {
                " NOT in full"
            }
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn plan(args: &[&str]) -> Result<Plan> {
        let cli = crate::cli::Cli::try_parse_from(["evtctl", "trace"].iter().chain(args).copied())?;
        match cli.command {
            crate::cli::Command::Trace(a) => Plan::build(&a, &[], 1_000_000_000_000),
            _ => unreachable!(),
        }
    }

    #[test]
    fn plans_topics_fields_and_defaults() {
        let p = plan(&["ord-1"]).unwrap();
        assert!(p.all_topics);
        assert!(p.selector.matches("orders") && !p.selector.matches("__consumer_offsets"));
        assert_eq!(
            p.start.default,
            Some(Start::Time(1_000_000_000_000 - 2 * 3600 * 1000))
        );
        assert_eq!(p.stop, Stop::End);
        assert!(p.trace_id.is_none());
        let p = plan(&[
            "ord-1",
            "--topics",
            "a,b",
            "--topics",
            "re:x{1,2}",
            "--field",
            "/id",
            "--field",
            "/id",
            "--hops",
            "2",
        ])
        .unwrap();
        assert_eq!(p.selector.names, ["a", "b"]);
        assert!(p.selector.matches("xx"));
        assert_eq!(p.fields, ["/id"]);
        assert_eq!(p.hops, 2);
    }

    #[test]
    fn fields_default_to_the_registrys() {
        let cli = crate::cli::Cli::try_parse_from(["evtctl", "trace", "x"]).unwrap();
        let crate::cli::Command::Trace(a) = cli.command else {
            unreachable!()
        };
        let configured = ["/data/orderId".to_string()];
        let p = Plan::build(&a, &configured, 1_000_000_000_000).unwrap();
        assert_eq!(p.fields, configured);
        assert!(!p.key_partition_only());
        let bad = Plan::build(&a, &["orderId".to_string()], 1_000_000_000_000).unwrap_err();
        assert!(
            format!("{bad:#}").contains("registry.toml: [trace] fields: `orderId`"),
            "{bad:#}"
        );
        let cli =
            crate::cli::Cli::try_parse_from(["evtctl", "trace", "x", "--field", "/id"]).unwrap();
        let crate::cli::Command::Trace(a) = cli.command else {
            unreachable!()
        };
        assert_eq!(
            Plan::build(&a, &configured, 1_000_000_000_000)
                .unwrap()
                .fields,
            ["/id"]
        );
    }

    #[test]
    fn refuses_bad_plans() {
        for (args, says) in [
            (&["x", "--field", "data.id"][..], "JSON pointer"),
            (&["x", "--hops", "1"][..], "--field"),
            (&["x", "--max-matches", "0"][..], "at least 1"),
            (&["", "--topics", "t"][..], "empty"),
        ] {
            let e = plan(args).unwrap_err();
            assert!(format!("{e:#}").contains(says), "{args:?}: {e:#}");
            assert_eq!(crate::error::exit_for(&e).code(), 2);
        }
    }

    #[test]
    fn knows_trace_ids() {
        assert_eq!(
            trace_id("4BF92F3577B34DA6A3CE929D0E0E4736").as_deref(),
            Some("4bf92f3577b34da6a3ce929d0e0e4736")
        );
        assert!(trace_id("00000000000000000000000000000000").is_none());
        assert!(trace_id("4bf92f3577b34da6a3ce929d0e0e473").is_none());
        assert!(trace_id("ord-991").is_none());
        let tp = b"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assert_eq!(
            carried_trace_id(tp),
            Some(&b"4bf92f3577b34da6a3ce929d0e0e4736"[..])
        );
        assert!(carried_trace_id(b"garbage").is_none());
        assert!(carried_trace_id(&tp[..54]).is_none());
    }

    fn view<'a>(
        key: Option<&'a [u8]>,
        headers: &'a [(&'a str, Option<&'a [u8]>)],
        value: &'a [u8],
    ) -> RecordView<'a> {
        RecordView {
            topic: "t",
            partition: 0,
            offset: 7,
            timestamp: Some(1),
            timestamp_type: None,
            key,
            headers,
            value: Some(value),
        }
    }

    #[test]
    fn matches_key_fields_and_trace_headers_by_hop() {
        let fields = vec!["/data/orderId".to_string(), "/data/paymentId".to_string()];
        let ids = HashMap::from([("ord-1".to_string(), 0), ("pay-7".to_string(), 1)]);
        let trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        let p0 = Pass::new(0, &ids, &fields, Some(trace));
        let p1 = Pass::new(1, &ids, &fields, Some(trace));
        // By key.
        let r = view(Some(b"ord-1"), &[], b"{}");
        assert_eq!(p0.check(&r).0.unwrap().ways, ["key"]);
        assert!(p1.check(&r).0.is_none(), "found by hop 0 already");
        // By a field, escaped in the JSON text.
        let v = br#"{"data":{"orderId":"ord\u002d1","paymentId":"pay-7"}}"#;
        let r = view(Some(b"other"), &[], v);
        let (hit, json) = p0.check(&r);
        assert_eq!(hit.unwrap().ways, ["/data/orderId"]);
        assert!(json.is_some());
        assert!(p1.check(&r).0.is_none());
        // Only the hop-1 id: hop 1's.
        let r = view(None, &[], br#"{"data":{"paymentId":"pay-7"}}"#);
        assert!(p0.check(&r).0.is_none());
        let hit = p1.check(&r).0.unwrap();
        assert_eq!((hit.hop, hit.id.as_str()), (1, "pay-7"));
        // Numbers match their text.
        let ids = HashMap::from([("991".to_string(), 0)]);
        let p = Pass::new(0, &ids, &fields, None);
        let r = view(None, &[], br#"{"data":{"orderId":991}}"#);
        assert!(p.check(&r).0.is_some());
        // Trace headers, whatever the key.
        let tp: &[u8] = b"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01";
        let hs = [("ce_traceparent", Some(tp))];
        let r = view(Some(b"k"), &hs, b"not json");
        assert_eq!(p0.check(&r).0.unwrap().ways, ["ce_traceparent"]);
        let r = view(Some(b"k"), &[("traceparent", None)], b"not json");
        assert!(p0.check(&r).0.is_none());
        // The traceparent attribute of a structured-mode CloudEvent; hop 0's in every pass.
        let ce = br#"{"specversion":"1.0","type":"C","traceparent":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01","data":{"paymentId":"pay-7"}}"#;
        let r = view(Some(b"k"), &[], ce);
        assert_eq!(p0.check(&r).0.unwrap().ways, ["/traceparent"]);
        assert!(p1.check(&r).0.is_none(), "found by hop 0 already");
    }

    #[test]
    fn murmur2_is_kafkas() {
        // Kafka's UtilsTest.testMurmur2.
        for (data, java) in [
            (&b"21"[..], -973_932_308),
            (b"foobar", -790_332_482),
            (b"a-little-bit-long-string", -985_981_536),
            (b"a-little-bit-longer-string", -1_486_304_829),
            (
                b"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8",
                -58_897_971,
            ),
            (b"abc", 479_470_107),
        ] {
            assert_eq!(
                murmur2(data) as i32,
                java,
                "{}",
                String::from_utf8_lossy(data)
            );
        }
        // toPositive(murmur2) % n, as the Java client's default partitioner.
        assert_eq!(
            key_partition(b"foobar", 16),
            ((-790_332_482i32 & 0x7fff_ffff) % 16)
        );
        assert_eq!(key_partition(b"x", 1), 0);
    }

    #[test]
    fn reads_only_the_key_partition_when_only_the_key_can_match() {
        assert!(plan(&["ord-1"]).unwrap().key_partition_only());
        for args in [
            &["ord-1", "--all-partitions"][..],
            &["ord-1", "--field", "/id"],
            &["4bf92f3577b34da6a3ce929d0e0e4736"],
            &["ord-1", "--from", "0=5"],
        ] {
            assert!(!plan(args).unwrap().key_partition_only(), "{args:?}");
        }
    }

    #[test]
    fn mermaid_labels_cannot_break_out() {
        assert_eq!(mermaid::text("OrderPlaced ord-1"), "OrderPlaced ord-1");
        // Controls and newlines become visible escapes (`\e`, `\n`), whose backslash is
        // entity-coded like every other character that could mean something to Mermaid.
        assert_eq!(
            mermaid::text("a;b\n#c:\x1b[1m\u{202e}\"%%"),
            "a#59;b#92;n#35;c#58;#92;e#91;1m#92;u#123;202e#125;#34;#37;#37;"
        );
    }

    fn found(topic: &str, offset: i64, source: Option<&str>, dlq: bool) -> Found {
        Found {
            kind: "match",
            time: None,
            timestamp: Some(offset),
            topic: topic.into(),
            partition: 0,
            offset,
            event_type: Some(format!("E{offset}")),
            source: source.map(str::to_string),
            event_id: None,
            key: Some("k".into()),
            matched: vec!["key".into()],
            id: "k".into(),
            hop: 0,
            dlq: dlq.then(|| DlqOrigin {
                convention: "spring-dlt".into(),
                topic: Some("payments".into()),
                partition: Some(2),
                offset: Some(118),
                error_class: Some("NPE".into()),
                error_message: None,
                redriven: false,
            }),
        }
    }

    #[test]
    fn draws_a_sequence_diagram() {
        let fs = [
            found("orders", 1, Some("/checkout"), false),
            found("payments", 2, None, false),
            found("payments-dlt", 3, None, true),
            found("orders", 4, Some("/checkout"), false),
        ];
        let refs: Vec<&Found> = fs.iter().collect();
        let summary = Summary {
            kind: "summary",
            value: "k".into(),
            trace_id: false,
            matches: 4,
            shown: 4,
            capped: false,
            ids: vec![],
            ids_capped: false,
            key_partition_only: false,
            passes: 1,
            scanned: vec![Scanned {
                topic: "orders".into(),
                partition: 0,
                start: 0,
                end: Some(5),
                from_time: None,
                until_time: None,
                complete: true,
                read_to: None,
            }],
            complete: true,
            interrupted: false,
            seconds: 0.0,
        };
        assert_eq!(
            sequence_diagram(&refs, &summary),
            "sequenceDiagram
    participant p0 as /checkout
    participant p1 as payments
    participant p2 as payments-dlt
    p0->>p0: E1 orders/0@1 key k
    p0->>p1: E2 payments/0@2 key k
    p1-xp2: E3 payments-dlt/0@3 key k
    Note over p2: dead-lettered from payments/2@118#58; NPE (spring-dlt)
    p2->>p0: E4 orders/0@4 key k
%% scanned orders/0 [0,5) in full
"
        );
    }

    #[test]
    fn quotes_only_the_start_of_a_long_key() {
        assert_eq!(quote(b"ord-1"), "ord-1");
        let long = vec![b'k'; 10_000_000];
        let q = quote(&long);
        assert_eq!(q, format!("{}… (10000000 bytes)", "k".repeat(QUOTE)));
    }

    #[test]
    fn keeps_the_earliest_matches() {
        let mut kept = Kept::new(2);
        for t in [5, 1, 9, 3] {
            let r = view(Some(b"k"), &[], b"{}");
            let r = RecordView {
                timestamp: Some(t),
                offset: t,
                ..r
            };
            let hit = Hit {
                hop: 0,
                ways: vec!["key".into()],
                id: "k".into(),
            };
            kept.add(Found::of(&r, hit, None, &[]));
        }
        assert_eq!(kept.total, 4);
        let offsets: Vec<i64> = kept.by_time.values().map(|f| f.offset).collect();
        assert_eq!(offsets, [1, 3]);
    }

    fn ranges_of(topics: &[(&str, i32)]) -> Vec<Range> {
        topics
            .iter()
            .flat_map(|&(t, n)| {
                (0..n).map(move |p| Range {
                    topic: t.to_string(),
                    partition: p,
                    start: 0,
                    stop: Some(10),
                    start_time: None,
                    stop_time: None,
                })
            })
            .collect()
    }

    /// Every range read by exactly one reader, and no reader reading nothing.
    fn each_once(ranges: &[Range], parts: &[Vec<usize>]) {
        let mut seen: Vec<usize> = parts.iter().flatten().copied().collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..ranges.len()).collect::<Vec<_>>());
        assert!(parts.iter().all(|p| !p.is_empty()));
    }

    #[test]
    fn splits_the_ranges_between_readers() {
        // A unit per topic, even above the core count.
        let r = ranges_of(&[("a", 16), ("b", 16), ("c", 16)]);
        let parts = split(&r, 2);
        each_once(&r, &parts);
        assert_eq!(parts.len(), 3);
        for p in &parts {
            assert!(p.iter().all(|&i| r[i].topic == r[p[0]].topic), "{p:?}");
        }
        // One topic: its partitions split into as many units as cores.
        let r = ranges_of(&[("a", 16)]);
        let parts = split(&r, 4);
        each_once(&r, &parts);
        assert_eq!(parts.iter().map(Vec::len).collect::<Vec<_>>(), [4, 4, 4, 4]);
        // The largest topic is split first; a one-partition topic cannot be.
        let r = ranges_of(&[("a", 1), ("b", 6)]);
        let parts = split(&r, 3);
        each_once(&r, &parts);
        assert_eq!(parts.len(), 3);
        let r = ranges_of(&[("a", 1)]);
        assert_eq!(split(&r, 4), [vec![0]]);
        // Many topics: a unit each, read one after another by at most MAX_READERS readers,
        // the largest first.
        let many: Vec<(String, i32)> = (0..20).map(|i| (format!("t{i:02}"), 1 + i % 3)).collect();
        let many: Vec<(&str, i32)> = many.iter().map(|(t, n)| (t.as_str(), *n)).collect();
        let r = ranges_of(&many);
        let parts = split(&r, 2);
        each_once(&r, &parts);
        assert_eq!(parts.len(), 20);
        assert!(
            parts.windows(2).all(|w| w[0].len() >= w[1].len()),
            "{parts:?}"
        );
    }
}
