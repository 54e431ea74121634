//! `--filter`: jq expressions over the record envelope, run by jaq (a maintained jq
//! implementation). A record is kept when the expression yields a value other than false/null.

//!
//! Filters come from users but run over untrusted data, and jq can recurse or loop without end.
//! Evaluation runs under a watchdog (see [`watch`]): a filter that runs too long on one record,
//! takes too much memory (deep recursion does, on evtctl's large stack, long before the stack
//! ends), or is running when Ctrl-C/SIGTERM arrives ends the process with a one-line error
//! instead of a crash or a deaf terminal.

use crate::error::usage;
use crate::output::sanitize::escape_line;
use anyhow::Result;
use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Native, RcIter};
use jaq_json::Val;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How long one evaluation (one record) may take.
pub const TIME_BUDGET: Duration = Duration::from_secs(10);

/// What one evaluation may add to the process's resident memory, at most.
const MEMORY_BUDGET: u64 = 1 << 30;

/// Milliseconds since [`epoch`] when the running evaluation started, plus one; 0 when none runs.
static RUNNING_SINCE: AtomicU64 = AtomicU64::new(0);
static AT_PARTITION: AtomicI64 = AtomicI64::new(-1);
static AT_OFFSET: AtomicI64 = AtomicI64::new(-1);
static AT_TOPIC: Mutex<String> = Mutex::new(String::new());
static SOURCE: Mutex<String> = Mutex::new(String::new());

fn epoch() -> Instant {
    static E: OnceLock<Instant> = OnceLock::new();
    *E.get_or_init(Instant::now)
}

/// Marks an evaluation as running for the watchdog while it lives.
struct Running;

impl Running {
    fn start(envelope: &serde_json::Value) -> Running {
        if let Some(t) = envelope.get("topic").and_then(|t| t.as_str()) {
            let mut at = AT_TOPIC.lock().unwrap_or_else(|e| e.into_inner());
            if *at != t {
                t.clone_into(&mut at);
            }
        }
        let num = |k: &str| envelope.get(k).and_then(|v| v.as_i64()).unwrap_or(-1);
        AT_PARTITION.store(num("partition"), Ordering::Relaxed);
        AT_OFFSET.store(num("offset"), Ordering::Relaxed);
        let now = epoch().elapsed().as_millis() as u64 + 1;
        RUNNING_SINCE.store(now, Ordering::Release);
        Running
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING_SINCE.store(0, Ordering::Release);
    }
}

/// Resident memory of this process, from /proc (Linux); None elsewhere.
fn resident_bytes() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

/// Why the watchdog must end the process now, if it must: (exit code, message).
fn verdict(
    since: u64,
    now_ms: u64,
    grown: u64,
    memory_budget: u64,
    cancelled: bool,
) -> Option<(i32, String)> {
    if since == 0 {
        return None;
    }
    let code = SOURCE.lock().map(|s| s.clone()).unwrap_or_default();
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
    let filter = format!("--filter `{}`", escape_line(&code));
    if cancelled {
        return Some((
            crate::error::Exit::Interrupted.code(),
            format!("evtctl: interrupted while {filter} was running{at}"),
        ));
    }
    let ran = Duration::from_millis(now_ms.saturating_sub(since - 1));
    if ran > TIME_BUDGET {
        return Some((
            crate::error::Exit::Usage.code(),
            format!(
                "evtctl: error: {filter} ran for more than {}s{at} (a runaway expression?); nothing after the last commit is lost",
                TIME_BUDGET.as_secs()
            ),
        ));
    }
    if grown > memory_budget {
        return Some((
            crate::error::Exit::Usage.code(),
            format!(
                "evtctl: error: {filter} took more than {} MiB{at} (recursion too deep, or a runaway expression?); nothing after the last commit is lost",
                memory_budget >> 20
            ),
        ));
    }
    None
}

/// Watch filter evaluations until `done` is set: called on a thread of its own while the
/// command runs on another. `stack` is the size of the command thread's stack: deep recursion
/// is caught by the memory it takes before it can reach the end of that stack.
pub fn watch(done: &AtomicBool, cancel: &AtomicBool, stack: u64) {
    let memory_budget = MEMORY_BUDGET.min(stack / 2);
    let mut baseline: Option<(u64, u64)> = None;
    while !done.load(Ordering::Acquire) {
        // Woken early when the command ends (see `crate::main`).
        std::thread::park_timeout(Duration::from_millis(5));
        let since = RUNNING_SINCE.load(Ordering::Acquire);
        if since == 0 {
            baseline = None;
            continue;
        }
        let now = epoch().elapsed().as_millis() as u64;
        let rss = resident_bytes().unwrap_or(0);
        let grown = match baseline {
            Some((s, base)) if s == since => rss.saturating_sub(base),
            _ => {
                baseline = Some((since, rss));
                0
            }
        };
        if let Some((code, msg)) = verdict(
            since,
            now,
            grown,
            memory_budget,
            cancel.load(Ordering::Relaxed),
        ) {
            // Still the same evaluation: end the process (it cannot be interrupted otherwise).
            if RUNNING_SINCE.load(Ordering::Acquire) == since {
                eprintln!("{msg}");
                std::process::exit(code);
            }
        }
    }
}

pub struct Filter {
    filter: jaq_core::Filter<Native<Val>>,
    source: String,
}

impl std::fmt::Debug for Filter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Filter({:?})", self.source)
    }
}

impl Filter {
    pub fn compile(code: &str) -> Result<Filter> {
        let loader = Loader::new(jaq_std::defs().chain(jaq_json::defs()));
        let arena = Arena::default();
        let modules = loader
            .load(&arena, File { code, path: () })
            .map_err(|errs| {
                usage(format!(
                    "--filter `{code}`: cannot parse ({})",
                    describe_load(&errs)
                ))
            })?;
        let filter = Compiler::default()
            .with_funs(jaq_std::funs().chain(jaq_json::funs()))
            .compile(modules)
            .map_err(|errs| {
                let names: Vec<String> = errs
                    .iter()
                    .flat_map(|(_, es)| es.iter().map(|(name, _)| format!("unknown `{name}`")))
                    .collect();
                usage(format!("--filter `{code}`: {}", names.join(", ")))
            })?;
        if let Ok(mut s) = SOURCE.lock() {
            code.clone_into(&mut s);
        }
        Ok(Filter {
            filter,
            source: code.to_string(),
        })
    }

    /// Run over one envelope; true when some output is truthy. An error's text (which may
    /// quote the data) is escaped.
    pub fn matches(&self, envelope: serde_json::Value) -> Result<bool> {
        let _running = Running::start(&envelope);
        let inputs = RcIter::new(core::iter::empty());
        let out = self
            .filter
            .run((Ctx::new([], &inputs), Val::from(envelope)));
        for v in out {
            match v {
                Ok(v) => {
                    if jaq_core::ValT::as_bool(&v) {
                        return Ok(true);
                    }
                }
                Err(e) => return Err(anyhow::anyhow!("{}", escape_line(&e.to_string()))),
            }
        }
        Ok(false)
    }
}

/// `--transform`: a jq expression over the record envelope that yields the record to send.
/// Key, value and headers may change; topic, partition and offset may not (they say where the
/// record came from). It must yield exactly one object.
pub struct Transform {
    filter: Filter,
}

impl std::fmt::Debug for Transform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Transform({:?})", self.filter.source)
    }
}

impl Transform {
    pub fn compile(code: &str) -> Result<Transform> {
        let filter = Filter::compile(code).map_err(|e| {
            usage(
                e.to_string()
                    .replacen("--filter", "--transform", 1)
                    .to_string(),
            )
        })?;
        Ok(Transform { filter })
    }

    /// The record to send in place of `before` (an envelope as `RecordView::to_json_value`
    /// makes it). The error says what went wrong, not where: the caller knows the position.
    pub fn apply(&self, before: &serde_json::Value) -> Result<crate::record::Record> {
        let inputs = RcIter::new(core::iter::empty());
        let mut out = self
            .filter
            .filter
            .run((Ctx::new([], &inputs), Val::from(before.clone())));
        let first = match out.next() {
            None => anyhow::bail!("the transform yielded nothing"),
            Some(Err(e)) => anyhow::bail!("the transform failed: {e}"),
            Some(Ok(v)) => v,
        };
        if out.next().is_some() {
            anyhow::bail!("the transform yielded more than one value");
        }
        let after: serde_json::Value = serde_json::Value::from(first);
        let serde_json::Value::Object(obj) = &after else {
            anyhow::bail!("the transform yielded {after}, not a record envelope (an object)");
        };
        for field in ["topic", "partition", "offset"] {
            if let Some(v) = obj.get(field) {
                if Some(v) != before.get(field) {
                    anyhow::bail!("the transform changed `{field}` (to {v}), which it may not");
                }
            }
        }
        crate::record::Record::from_envelope(&after.to_string())
            .map_err(|e| anyhow::anyhow!("the transform yielded an invalid envelope: {e:#}"))
    }
}

fn describe_load<P>(errs: &[(File<&str, P>, jaq_core::load::Error<&str>)]) -> String {
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
        let ms = |d: Duration| d.as_millis() as u64;
        assert_eq!(verdict(0, 99_999, u64::MAX, 1, true), None, "none running");
        let (code, msg) = verdict(1, ms(TIME_BUDGET) + 10, 0, 1 << 30, false).unwrap();
        assert_eq!(code, 2);
        assert!(msg.contains("ran for more than 10s"), "{msg}");
        assert_eq!(verdict(1, 5, 0, 1 << 30, false), None, "in budget");
        let (code, msg) = verdict(1, 5, 2 << 30, 1 << 30, false).unwrap();
        assert_eq!(code, 2);
        assert!(msg.contains("took more than 1024 MiB"), "{msg}");
        assert_eq!(verdict(1, 5, 0, 1 << 30, true).unwrap().0, 130);
    }

    #[test]
    fn transforms_change_payloads_not_positions() {
        let before = json!({"topic": "t", "partition": 1, "offset": 7, "key": "k",
            "headers": [{"name": "h", "value": "v"}], "value": {"total": "12.5"}});
        let t = Transform::compile(".value.total |= tonumber").unwrap();
        let r = t.apply(&before).unwrap();
        assert_eq!(r.value.as_deref(), Some(&br#"{"total":12.5}"#[..]));
        assert_eq!(r.key.as_deref(), Some(&b"k"[..]));
        assert_eq!(r.headers.len(), 1);
        let t = Transform::compile(".headers += [{name: \"fixed\", value: \"yes\"}] | .key = null")
            .unwrap();
        let r = t.apply(&before).unwrap();
        assert_eq!(r.headers.len(), 2);
        assert_eq!(r.key, None);
        for (code, why) in [
            (".partition = 2", "changed `partition`"),
            ("empty", "yielded nothing"),
            (".value, .value", "more than one"),
            (".value.total", "not a record envelope"),
            (".value.total | tonumber | error", "failed"),
        ] {
            let e = Transform::compile(code)
                .unwrap()
                .apply(&before)
                .unwrap_err()
                .to_string();
            assert!(e.contains(why), "{code}: {e}");
        }
        let e = Transform::compile(".value |||").unwrap_err().to_string();
        assert!(e.starts_with("--transform"), "{e}");
    }

    #[test]
    fn bad_expressions_are_usage_errors() {
        let e = Filter::compile(".value |||").unwrap_err();
        assert_eq!(crate::error::exit_for(&e), crate::error::Exit::Usage);
        let e = Filter::compile("nosuchfn(1)").unwrap_err().to_string();
        assert!(e.contains("nosuchfn"), "{e}");
    }
}
