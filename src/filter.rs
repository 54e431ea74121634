//! jq in evtctl: `--filter` (keep a record when the expression yields a truthy value) and
//! `--transform` (rewrite a record), both run by jaq (a maintained jq implementation).
//!
//! Expressions come from users but run over untrusted data, and jq can recurse or loop without
//! end. Every evaluation goes through one guarded evaluator, [`jq::Program::run`] (the only
//! code that runs jaq: clippy.toml forbids `jaq_core::Filter::run` elsewhere), which a watchdog
//! ([`watch`]) follows from another thread: an evaluation that runs too long on one record,
//! takes too much memory (deep recursion does, on evtctl's large stack, long before the stack
//! ends), or is still running when Ctrl-C/SIGTERM arrives ends the process with a one-line error
//! instead of a crash or a deaf terminal.

use crate::error::usage;
use crate::output::sanitize::escape_line;
use anyhow::Result;
use jaq_json::Val;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long one evaluation (one record) may take.
pub const TIME_BUDGET: Duration = Duration::from_secs(10);

/// What one evaluation may add to the process's resident memory, at most.
const MEMORY_BUDGET: u64 = 1 << 30;

/// How long an evaluation may go on once Ctrl-C/SIGTERM has arrived: one that ends sooner lets
/// the command stop the usual way (settle, commit, summary); one that does not is ended.
const CANCEL_GRACE: Duration = Duration::from_millis(250);

/// At most this much of an expression is quoted in a message.
const QUOTED: usize = 200;

/// The evaluation running now: its number (0 when none runs) and when it started (milliseconds
/// since [`epoch`]), what runs (`--filter `…``) and on which record.
static RUNNING: AtomicU64 = AtomicU64::new(0);
static STARTED: AtomicU64 = AtomicU64::new(0);
static EVALUATIONS: AtomicU64 = AtomicU64::new(0);
static AT_PARTITION: AtomicI64 = AtomicI64::new(-1);
static AT_OFFSET: AtomicI64 = AtomicI64::new(-1);
static AT_TOPIC: Mutex<String> = Mutex::new(String::new());
static LABEL: Mutex<Option<Arc<str>>> = Mutex::new(None);

fn epoch() -> Instant {
    static E: OnceLock<Instant> = OnceLock::new();
    *E.get_or_init(Instant::now)
}

/// The guarded evaluator: nothing else in evtctl runs jq.
mod jq {
    use super::*;
    use jaq_core::load::{Arena, File, Loader};
    use jaq_core::{Compiler, Ctx, Native, RcIter};

    /// A compiled expression, runnable only under the watchdog.
    pub struct Program {
        filter: jaq_core::Filter<Native<Val>>,
        /// `--filter `…``, for messages (escaped, and cut when long).
        label: Arc<str>,
    }

    impl Program {
        /// Compile `code` given as `flag` (`--filter`, `--transform`). A bad expression is a
        /// usage error naming the flag.
        pub fn compile(flag: &str, code: &str) -> Result<Program> {
            let label: Arc<str> = format!("{flag} `{}`", quote(code)).into();
            let loader = Loader::new(jaq_std::defs().chain(jaq_json::defs()));
            let arena = Arena::default();
            let modules = loader
                .load(&arena, File { code, path: () })
                .map_err(|errs| {
                    usage(format!("{label}: cannot parse ({})", describe_load(&errs)))
                })?;
            let filter = Compiler::default()
                .with_funs(jaq_std::funs().chain(jaq_json::funs()))
                .compile(modules)
                .map_err(|errs| {
                    let names: Vec<String> = errs
                        .iter()
                        .flat_map(|(_, es)| {
                            es.iter()
                                .map(|(name, _)| format!("unknown `{}`", escape_line(name)))
                        })
                        .collect();
                    usage(format!("{label}: {}", names.join(", ")))
                })?;
            Ok(Program { filter, label })
        }

        pub fn label(&self) -> &str {
            &self.label
        }

        /// Run over `input` (a record envelope), handing the outputs to `take`. The outputs are
        /// computed as `take` asks for them, so the watchdog follows the whole of `take`: what
        /// it does with them (serialising a huge or deep value) is bounded too.
        pub fn run<R>(
            &self,
            input: Val,
            take: impl FnOnce(&mut dyn Iterator<Item = jaq_core::ValR<Val>>) -> R,
        ) -> R {
            let _running = Running::start(&self.label, &input);
            let inputs = RcIter::new(core::iter::empty());
            #[allow(clippy::disallowed_methods)] // this is the guarded evaluator
            let mut out = self.filter.run((Ctx::new([], &inputs), input));
            take(&mut out)
        }
    }
}

/// `code` cut to [`QUOTED`] characters and escaped, for a message.
fn quote(code: &str) -> String {
    match code.char_indices().nth(QUOTED) {
        Some((cut, _)) => format!("{}…", escape_line(&code[..cut])),
        None => escape_line(code).into_owned(),
    }
}

/// Marks an evaluation as running for the watchdog while it lives.
struct Running;

impl Running {
    fn start(label: &Arc<str>, envelope: &Val) -> Running {
        if let Ok(mut l) = LABEL.lock() {
            if !l.as_ref().is_some_and(|l| Arc::ptr_eq(l, label)) {
                *l = Some(label.clone());
            }
        }
        // Where the record is, when the envelope says (one from a file may not).
        let (mut topic, mut p, mut o) = (None, -1, -1);
        if let Val::Obj(fields) = envelope {
            for (k, v) in fields.iter() {
                match (k.as_str(), v) {
                    ("topic", Val::Str(t)) => topic = Some(t),
                    ("partition", Val::Int(n)) => p = *n as i64,
                    ("offset", Val::Int(n)) => o = *n as i64,
                    _ => {}
                }
            }
        }
        AT_PARTITION.store(p, Ordering::Relaxed);
        AT_OFFSET.store(if topic.is_some() { o } else { -1 }, Ordering::Relaxed);
        if let Some(t) = topic {
            let mut at = AT_TOPIC.lock().unwrap_or_else(|e| e.into_inner());
            if *at != **t {
                t.as_str().clone_into(&mut at);
            }
        }
        STARTED.store(epoch().elapsed().as_millis() as u64, Ordering::Relaxed);
        let n = EVALUATIONS.fetch_add(1, Ordering::Relaxed) + 1;
        RUNNING.store(n, Ordering::Release);
        Running
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.store(0, Ordering::Release);
    }
}

/// Resident memory of this process, from /proc (Linux); None elsewhere.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// What the watchdog knows of the running evaluation.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    /// How long it has run.
    ran: Duration,
    /// How much resident memory grew since it started.
    grown: u64,
    /// How long it has run since Ctrl-C/SIGTERM arrived, if one did.
    since_cancel: Option<Duration>,
}

/// Why the watchdog must end the process now, if it must: (exit code, message). `what` is the
/// expression's label and `at` the record (` on topic/0@7`, or empty).
fn verdict(seen: Seen, memory_budget: u64, what: &str, at: &str) -> Option<(i32, String)> {
    if seen.since_cancel.is_some_and(|d| d >= CANCEL_GRACE) {
        return Some((
            crate::error::Exit::Interrupted.code(),
            format!("evtctl: interrupted while {what} was running{at}"),
        ));
    }
    if seen.ran > TIME_BUDGET {
        return Some((
            crate::error::Exit::Usage.code(),
            format!(
                "evtctl: error: {what} ran for more than {}s{at} (a runaway expression?); nothing after the last commit is lost",
                TIME_BUDGET.as_secs()
            ),
        ));
    }
    if seen.grown > memory_budget {
        return Some((
            crate::error::Exit::Usage.code(),
            format!(
                "evtctl: error: {what} took more than {} MiB{at} (recursion too deep, or a runaway expression?); nothing after the last commit is lost",
                memory_budget >> 20
            ),
        ));
    }
    None
}

/// The running expression's label and record, for a message.
fn running_what() -> (String, String) {
    let what = LABEL
        .lock()
        .ok()
        .and_then(|l| l.as_deref().map(str::to_string))
        .unwrap_or_else(|| "a jq expression".into());
    let topic = AT_TOPIC.lock().map(|s| s.clone()).unwrap_or_default();
    let (p, o) = (
        AT_PARTITION.load(Ordering::Relaxed),
        AT_OFFSET.load(Ordering::Relaxed),
    );
    let at = if o >= 0 {
        format!(" on {}/{p}@{o}", escape_line(&topic))
    } else {
        String::new()
    };
    (what, at)
}

/// Watch jq evaluations until `done` is set: called on a thread of its own while the command
/// runs on another. `stack` is the size of the command thread's stack: deep recursion is caught
/// by the memory it takes before it can reach the end of that stack.
pub fn watch(done: &AtomicBool, cancel: &AtomicBool, stack: u64) {
    let memory_budget = MEMORY_BUDGET.min(stack / 2);
    // (evaluation, resident memory when first seen, when Ctrl-C was first seen during it)
    let mut current: Option<(u64, u64, Option<Instant>)> = None;
    while !done.load(Ordering::Acquire) {
        // Woken early when the command ends (see `crate::main`).
        std::thread::park_timeout(Duration::from_millis(5));
        let n = RUNNING.load(Ordering::Acquire);
        if n == 0 {
            current = None;
            continue;
        }
        let since = STARTED.load(Ordering::Relaxed);
        let rss = resident_bytes().unwrap_or(0);
        let (_, base, cancelled_at) = match &mut current {
            Some(c) if c.0 == n => c,
            c => c.insert((n, rss, None)),
        };
        if cancel.load(Ordering::Relaxed) && cancelled_at.is_none() {
            *cancelled_at = Some(Instant::now());
        }
        let seen = Seen {
            ran: Duration::from_millis(
                (epoch().elapsed().as_millis() as u64).saturating_sub(since),
            ),
            grown: rss.saturating_sub(*base),
            since_cancel: cancelled_at.map(|t| t.elapsed()),
        };
        let (what, at) = running_what();
        if let Some((code, msg)) = verdict(seen, memory_budget, &what, &at) {
            // Still the same evaluation: end the process (it cannot be interrupted otherwise).
            if RUNNING.load(Ordering::Acquire) == n {
                crate::ewriteln!("{msg}");
                std::process::exit(code);
            }
        }
    }
}

/// `--filter`: keeps a record when the expression yields a value other than false/null.
pub struct Filter {
    program: jq::Program,
}

impl std::fmt::Debug for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Filter({})", self.program.label())
    }
}

impl Filter {
    pub fn compile(code: &str) -> Result<Filter> {
        Filter::compile_as("--filter", code)
    }

    /// As [`Filter::compile`], for an expression given as `flag` (named in its errors).
    pub fn compile_as(flag: &str, code: &str) -> Result<Filter> {
        Ok(Filter {
            program: jq::Program::compile(flag, code)?,
        })
    }

    /// Run over one envelope; true when some output is truthy. An error's text (which may
    /// quote the data) is escaped.
    pub fn matches(&self, envelope: serde_json::Value) -> Result<bool> {
        self.program.run(Val::from(envelope), |out| {
            for v in out {
                match v {
                    Ok(v) => {
                        if jaq_core::ValT::as_bool(&v) {
                            return Ok(true);
                        }
                    }
                    Err(e) => return Err(FilterFailed(escape_line(&e.to_string()).into()).into()),
                }
            }
            Ok(false)
        })
    }
}

/// jq's error for one record under `--filter` (the caller adds where); it carries a hint, since
/// the usual cause is a record of another shape than the expression expects.
#[derive(Debug)]
pub struct FilterFailed(pub String);

impl std::fmt::Display for FilterFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FilterFailed {}

/// The hint printed under a [`FilterFailed`] error.
pub const FILTER_HINT: &str = "a record of another shape (a binary or text value, another event \
    type) fails the expression: add `?` where a path may not apply (`.value.total? > 500`), or \
    test first (`(.value | type) == \"object\" and .value.total > 500`)";

/// `--transform`: a jq expression over the record envelope that yields the record to send.
/// Key, value and headers may change; topic, partition and offset may not (they say where the
/// record came from). It must yield exactly one object.
///
/// What the transform leaves equal keeps its bytes: the envelope is given to jq with its keys in
/// order and its numbers as written, and the result is written back over the original text,
/// which is kept for every part that compares equal (see [`splice`]).
pub struct Transform {
    program: jq::Program,
    /// Avro, Protobuf and framed values are given decoded and encoded again with the same
    /// schema (see [`Transform::decoding`]).
    registry: Option<std::sync::Arc<crate::registry::Registry>>,
}

impl std::fmt::Debug for Transform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Transform({})", self.program.label())
    }
}

impl Transform {
    pub fn compile(code: &str) -> Result<Transform> {
        Ok(Transform {
            registry: None,
            program: jq::Program::compile("--transform", code)?,
        })
    }

    /// Give the transform keys and values decoded with this registry's Avro, Protobuf and
    /// framed schemas, and encode its result again with the schema that wrote them.
    pub fn decoding(mut self, registry: Option<std::sync::Arc<crate::registry::Registry>>) -> Self {
        // Kept only when it could decode something (Avro/Protobuf subjects, ids): plain
        // registries cost the transform nothing per record.
        self.registry = registry.filter(|r| {
            crate::registry::view::Decoder::new(r, None, None)
                .ok()
                .flatten()
                .is_some()
        });
        self
    }

    /// The record to send in place of `r`. The error says what went wrong, not where: the
    /// caller knows the position.
    pub fn apply(&self, r: &crate::record::RecordView<'_>) -> Result<crate::record::Record> {
        let reg = self.registry.as_deref();
        let fields = reg
            .and_then(|reg| {
                crate::registry::view::Decoder::new(reg, None, None)
                    .ok()
                    .flatten()
            })
            .and_then(|d| d.fields(r));
        // A value embedded as JSON that jq cannot be given as such (see `parse`) is given as
        // text, as `to_json_value` gives it to filters.
        let mut line = Vec::with_capacity(256);
        match &fields {
            Some(f) => f.write_json_line_decoded(r, &mut line),
            None => r.write_json_line(&mut line),
        }
        let before = match parse(&line) {
            Some(v) => v,
            None => {
                line.clear();
                r.write_json_line_text(&mut line);
                parse(&line).ok_or_else(|| anyhow::anyhow!("the record is not valid JSON"))?
            }
        };
        let text = std::str::from_utf8(&line)
            .expect("envelopes are UTF-8")
            .trim_end();
        self.program.run(before.clone(), |out| {
            let first = match out.next() {
                None => anyhow::bail!("the transform yielded nothing"),
                Some(Err(e)) => anyhow::bail!("the transform failed: {e}"),
                Some(Ok(v)) => v,
            };
            if out.next().is_some() {
                anyhow::bail!("the transform yielded more than one value");
            }
            let (Val::Obj(after), Val::Obj(was)) = (&first, &before) else {
                anyhow::bail!(
                    "the transform yielded {}, not a record envelope (an object)",
                    quote(&first.to_string())
                );
            };
            for field in ["topic", "partition", "offset"] {
                let field = field.to_string();
                if let Some(v) = after.get(&field) {
                    if Some(v) != was.get(&field) {
                        anyhow::bail!(
                            "the transform changed `{field}` (to {}), which it may not",
                            quote(&v.to_string())
                        );
                    }
                }
            }
            let mut out = String::with_capacity(text.len());
            splice(text, &before, &first, &mut out);
            let mut rec = crate::record::Record::from_envelope_in(&out, reg)
                .map_err(|e| anyhow::anyhow!("the transform yielded an invalid envelope: {e:#}"))?;
            if let Some(f) = &fields {
                // A decoded field the transform left as it was keeps its bytes.
                for (part, decoded, bytes) in [("key", &f.key, r.key), ("value", &f.value, r.value)]
                {
                    let part = part.to_string();
                    if matches!(decoded, Some(Ok(_))) && after.get(&part) == was.get(&part) {
                        match part.as_str() {
                            "key" => rec.key = bytes.map(<[u8]>::to_vec),
                            _ => rec.value = bytes.map(<[u8]>::to_vec),
                        }
                    }
                }
            }
            Ok(rec)
        })
    }
}

/// How deep JSON may nest to be given to jq as JSON (serde_json's own limit, which filters meet
/// through `RecordView::to_json_value`).
const MAX_DEPTH: usize = 128;

/// Parse an envelope line as jq sees it: keys in their order, numbers that do not fit a machine
/// integer kept as written. None for JSON nested deeper than [`MAX_DEPTH`] (the parser
/// recurses) or that holds no valid string (a lone surrogate escape).
fn parse(line: &[u8]) -> Option<Val> {
    use hifijson::token::Lex;
    if nesting(line) > MAX_DEPTH {
        return None;
    }
    let mut lexer = hifijson::SliceLexer::new(line);
    lexer.exactly_one(Val::parse).ok()
}

/// How deep arrays and objects nest in JSON text.
fn nesting(json: &[u8]) -> usize {
    let (mut depth, mut max, mut in_str, mut escaped) = (0usize, 0, false, false);
    for &b in json {
        if in_str {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Equal as far as the text goes: as jq compares, except that two numbers kept as written must
/// be written the same (jq compares them as floats, and big integers that differ compare equal).
fn same(a: &Val, b: &Val) -> bool {
    match (a, b) {
        (Val::Num(x), Val::Num(y)) => x == y,
        (Val::Arr(x), Val::Arr(y)) => {
            Rc::ptr_eq(x, y)
                || (x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same(a, b)))
        }
        (Val::Obj(x), Val::Obj(y)) => {
            Rc::ptr_eq(x, y)
                || (x.len() == y.len()
                    && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w))))
        }
        _ => a == b,
    }
}

/// The members of one JSON object or array, each as its original text.
enum Members<'a> {
    Object(Vec<(String, &'a serde_json::value::RawValue)>),
    Array(Vec<&'a serde_json::value::RawValue>),
    Scalar,
}

impl<'de> serde::Deserialize<'de> for Members<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> Result<Self::Value, A::Error> {
                let mut v = Vec::new();
                while let Some(e) = m.next_entry()? {
                    v.push(e);
                }
                Ok(Members::Object(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut s: A,
            ) -> Result<Self::Value, A::Error> {
                let mut v = Vec::new();
                while let Some(e) = s.next_element()? {
                    v.push(e);
                }
                Ok(Members::Array(v))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Members::Scalar)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Members::Scalar)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Members::Scalar)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Members::Scalar)
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Members::Scalar)
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Members::Scalar)
            }
        }
        d.deserialize_any(V)
    }
}

/// Write `after` as JSON to `out`, keeping the original text (`text`, which parses to
/// `before`) of every part that compares equal: an untouched value keeps its bytes, and a
/// changed one keeps its key order and the text of its untouched members (numbers as written,
/// string escapes, spacing inside them). What did change is written compactly.
fn splice(text: &str, before: &Val, after: &Val, out: &mut String) {
    use std::fmt::Write;
    if same(before, after) {
        out.push_str(text);
        return;
    }
    let members = match (before, after) {
        (Val::Obj(_), Val::Obj(_)) | (Val::Arr(_), Val::Arr(_)) => {
            serde_json::from_str::<Members>(text).ok()
        }
        _ => None,
    };
    match (before, after, members) {
        (Val::Obj(b), Val::Obj(a), Some(Members::Object(m))) => {
            // A repeated key: the last one is the one jq saw.
            let raw: std::collections::HashMap<&str, &serde_json::value::RawValue> =
                m.iter().map(|(k, v)| (k.as_str(), *v)).collect();
            out.push('{');
            for (i, (k, v)) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let _ = write!(out, "{}:", Val::Str(k.clone()));
                match (b.get(k), raw.get(k.as_str())) {
                    (Some(was), Some(t)) => splice(t.get(), was, v, out),
                    _ => {
                        let _ = write!(out, "{v}");
                    }
                }
            }
            out.push('}');
        }
        (Val::Arr(b), Val::Arr(a), Some(Members::Array(m))) if m.len() == b.len() => {
            out.push('[');
            for (i, v) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                match (b.get(i), m.get(i)) {
                    (Some(was), Some(t)) => splice(t.get(), was, v, out),
                    _ => {
                        let _ = write!(out, "{v}");
                    }
                }
            }
            out.push(']');
        }
        _ => {
            let _ = write!(out, "{after}");
        }
    }
}

fn describe_load<P>(
    errs: &[(jaq_core::load::File<&str, P>, jaq_core::load::Error<&str>)],
) -> String {
    use jaq_core::load::Error;
    let near = |at: &str| at.chars().take(16).collect::<String>();
    errs.iter()
        .flat_map(|(_, e)| match e {
            Error::Io(es) => es
                .iter()
                .map(|(path, msg)| format!("cannot load {path}: {msg}"))
                .collect::<Vec<_>>(),
            Error::Lex(es) => es
                .iter()
                .map(|(exp, at)| format!("expected {} near `{}`", exp.as_str(), near(at)))
                .collect(),
            Error::Parse(es) => es
                .iter()
                .map(|(exp, at)| format!("expected {} near `{}`", exp.as_str(), near(at)))
                .collect(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keeps_truthy() {
        let f = Filter::compile(".value.total > 100").unwrap();
        assert!(f.matches(json!({"value": {"total": 150}})).unwrap());
        assert!(!f.matches(json!({"value": {"total": 50}})).unwrap());
        let f = Filter::compile(r#"select(.headers[] | .name == "traceparent")"#).unwrap();
        assert!(f
            .matches(json!({"headers": [{"name": "traceparent", "value": "x"}]}))
            .unwrap());
        assert!(!f.matches(json!({"headers": []})).unwrap());
    }

    #[test]
    fn errors_quoting_data_are_escaped() {
        let f = Filter::compile(".value | error").unwrap();
        let e = f
            .matches(json!({"value": "\u{1b}]52;c;AAAA\u{7}\u{202e}"}))
            .unwrap_err()
            .to_string();
        assert!(!e.contains('\u{1b}') && !e.contains('\u{202e}'), "{e:?}");
        assert!(e.contains("]52;c;AAAA"), "{e:?}");
    }

    #[test]
    fn the_watchdog_ends_runaway_evaluations_with_a_reason() {
        let v = |seen| verdict(seen, 1 << 30, "--transform `f`", " on t/0@7");
        let ran = |ms| Seen {
            ran: Duration::from_millis(ms),
            ..Seen::default()
        };
        let (code, msg) = v(ran(TIME_BUDGET.as_millis() as u64 + 10)).unwrap();
        assert_eq!(code, 2);
        assert_eq!(
            msg,
            "evtctl: error: --transform `f` ran for more than 10s on t/0@7 (a runaway expression?); nothing after the last commit is lost"
        );
        assert_eq!(v(ran(5)), None, "in budget");
        let (code, msg) = v(Seen {
            grown: 2 << 30,
            ..Seen::default()
        })
        .unwrap();
        assert_eq!(code, 2);
        assert!(msg.contains("took more than 1024 MiB on t/0@7"), "{msg}");
        let cancelled = |ms| Seen {
            since_cancel: Some(Duration::from_millis(ms)),
            ..Seen::default()
        };
        assert_eq!(v(cancelled(1)), None, "a moment to end on its own");
        let (code, msg) = v(cancelled(CANCEL_GRACE.as_millis() as u64)).unwrap();
        assert_eq!(code, 130);
        assert!(
            msg.contains("interrupted while --transform `f` was running"),
            "{msg}"
        );
    }

    /// Run `code` over a record with this value (key `k`, one header `h: v`, at t/1@7).
    fn transform(code: &str, value: &[u8]) -> Result<crate::record::Record> {
        let headers = [("h", Some(&b"v"[..]))];
        let r = crate::record::RecordView {
            topic: "t",
            partition: 1,
            offset: 7,
            timestamp: Some(1),
            timestamp_type: None,
            key: Some(b"k"),
            headers: &headers,
            value: Some(value),
        };
        Transform::compile(code).unwrap().apply(&r)
    }

    #[test]
    fn transforms_change_payloads_not_positions() {
        let before = br#"{"total":"12.5"}"#;
        let r = transform(".value.total |= tonumber", before).unwrap();
        assert_eq!(r.value.as_deref(), Some(&br#"{"total":12.5}"#[..]));
        assert_eq!(r.key.as_deref(), Some(&b"k"[..]));
        assert_eq!(r.headers.len(), 1);
        let r = transform(
            ".headers += [{name: \"fixed\", value: \"yes\"}] | .key = null",
            before,
        )
        .unwrap();
        assert_eq!(r.headers.len(), 2);
        assert_eq!(r.key, None);
        assert_eq!(r.value.as_deref(), Some(&before[..]));
        for (code, why) in [
            (".partition = 2", "changed `partition`"),
            ("empty", "yielded nothing"),
            (".value, .value", "more than one"),
            (".value.total", "not a record envelope"),
            (".value.total | tonumber | error", "failed"),
        ] {
            let e = transform(code, before).unwrap_err().to_string();
            assert!(e.contains(why), "{code}: {e}");
        }
        let e = Transform::compile(".value |||").unwrap_err().to_string();
        assert!(e.starts_with("--transform"), "{e}");
    }

    #[test]
    fn what_a_transform_leaves_equal_keeps_its_bytes() {
        // Not compact JSON, key order, number texts, escapes, repeated keys, big numbers.
        let value = r#"{"z": 1.50, "a": [1e3, 2], "s": "caf\u00e9", "d": 1, "d": 2, "big": 123456789012345678901234567890, "n": {"y": 1.0, "x": "\u00e9"}}"#;
        for code in [
            ".",
            ".value |= .",
            ".value.z |= . + 0",
            ".key = \"k\"",
            ".headers |= .",
        ] {
            let r = transform(code, value.as_bytes()).unwrap();
            assert_eq!(r.value.as_deref(), Some(value.as_bytes()), "{code}");
        }
        // A changed value: key order and untouched members as written; what changed compact.
        let r = transform(".value.a[1] = 3 | .value.new = \"é\"", value.as_bytes()).unwrap();
        assert_eq!(
            std::str::from_utf8(r.value.as_deref().unwrap()).unwrap(),
            r#"{"z":1.50,"a":[1e3,3],"s":"caf\u00e9","d":2,"big":123456789012345678901234567890,"n":{"y": 1.0, "x": "\u00e9"},"new":"é"}"#
        );
        let r = transform(".value.n.x = \"e\"", value.as_bytes()).unwrap();
        assert!(
            std::str::from_utf8(r.value.as_deref().unwrap())
                .unwrap()
                .ends_with(r#""n":{"y":1.0,"x":"e"}}"#),
            "{:?}",
            r.value
        );
        // A big integer set to another that is equal as a float is still changed.
        let r = transform(
            ".value.big = 123456789012345678901234567891",
            value.as_bytes(),
        )
        .unwrap();
        let text = String::from_utf8(r.value.unwrap()).unwrap();
        assert!(text.contains("123456789012345678901234567891"), "{text}");
        // Values that are text (not embeddable JSON) and binary ones keep their bytes too.
        for value in [&b"{\"a\": 1,\n \"b\": [1, 2]}"[..], b"\xff\x00", b"plain"] {
            let r = transform(".key = \"other\"", value).unwrap();
            assert_eq!(r.value.as_deref(), Some(value));
            assert_eq!(r.key.as_deref(), Some(&b"other"[..]));
        }
    }

    #[test]
    fn json_jq_cannot_take_as_such_is_given_as_text() {
        // Both embed verbatim in the envelope; jq is given them as strings.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        for value in [r#"["\ud800"]"#, deep.as_str()] {
            let r = transform(".value |= (type | tostring)", value.as_bytes()).unwrap();
            assert_eq!(r.value.as_deref(), Some(&b"string"[..]));
            let r = transform(".key = \"k2\"", value.as_bytes()).unwrap();
            assert_eq!(r.value.as_deref(), Some(value.as_bytes()));
            let f = Filter::compile(".value | type == \"string\"").unwrap();
            let headers = [];
            let view = crate::record::RecordView {
                topic: "t",
                partition: 0,
                offset: 0,
                timestamp: None,
                timestamp_type: None,
                key: None,
                headers: &headers,
                value: Some(value.as_bytes()),
            };
            assert!(f.matches(view.to_json_value()).unwrap());
        }
    }

    #[test]
    fn nesting_skips_strings() {
        assert_eq!(nesting(br#"{"a":[1,{"b":[]}]}"#), 4);
        assert_eq!(nesting(br#"["[[[\"{{", "\\"]"#), 1);
        assert_eq!(nesting(b"1"), 0);
    }

    #[test]
    fn bad_expressions_are_usage_errors() {
        let e = Filter::compile(".value |||").unwrap_err();
        assert_eq!(crate::error::exit_for(&e), crate::error::Exit::Usage);
        let e = Filter::compile("nosuchfn(1)").unwrap_err().to_string();
        assert!(e.contains("nosuchfn"), "{e}");
    }
}
