//! A `pattern` keyword for the yes/no check only (`is_valid`), matched with a fully compiled DFA
//! instead of the `regex` crate's meta engine, whose per-call set-up dominates on short strings
//! such as RFC 3339 times and money amounts.
//!
//! It answers exactly as jsonschema's own `pattern` with `PatternOptions::regex()`: the same
//! ECMA-262 translation and the same regular expression, run by another engine of the same crate
//! family (same syntax, same semantics). Patterns jsonschema does not send to the regex engine
//! (literals, prefixes, simple sequences, counted classes) are delegated to jsonschema itself.
//! Errors are never reported from here: an event this says is invalid is checked again by the
//! ordinary validator, whose errors are the ones shown.

use jsonschema::json::{Json, Node};
use jsonschema::paths::Location;
use jsonschema::{Keyword, ValidationError};
use regex_automata::dfa::{dense, Automaton};
use regex_automata::util::{primitives::StateID, start, syntax};
use regex_automata::{nfa::thompson, Anchored};
use serde_json::{Map, Value};

/// Larger DFAs are not worth it: the pattern keeps the `regex` crate's engine.
const DFA_SIZE_LIMIT: usize = 1 << 20;

/// What all DFAs of a process may take together, a failed attempt counted at its limit:
/// schemas are untrusted, and a pattern whose DFA explodes costs time up to the limit. Past
/// it, patterns are matched by the `regex` crate alone (as jsonschema itself does), so a
/// hostile schema costs at most this much more than it would without DFAs.
const DFA_BUDGET: usize = 8 << 20;

static DFA_SPENT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Each regular expression's compiled form, shared by every occurrence of the pattern and by
/// both quick validators (`Value` and tape); None where the `regex` crate refuses it.
type Shared = Option<std::sync::Arc<Regex>>;
static COMPILED: std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<String, Shared>>> =
    std::sync::OnceLock::new();

enum Matcher<F: Json> {
    /// The regex-engine path, compiled once per expression.
    Regex(std::sync::Arc<Regex>),
    /// Anything jsonschema decides without the regex engine: its own validator for `{pattern}`.
    Delegate(jsonschema::Validator<F>),
}

/// A DFA with the `regex` crate for what it gives up on, or the `regex` crate alone.
struct Regex {
    dfa: Option<Dfa>,
    regex: regex::Regex,
}

thread_local! {
    /// Set when the `regex` crate panicked in a match (jsonschema catches that and reports the
    /// match as unfinished, which this keyword cannot mirror): the quick answer is then void.
    static GAVE_UP: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a quick check on this thread gave up since the last call (and clear it): its answer
/// must then be asked of the ordinary validator.
pub fn gave_up() -> bool {
    GAVE_UP.with(|g| g.replace(false))
}

/// `regex.is_match(text)`, as jsonschema calls it (a panic is caught).
fn regex_is_match(regex: &regex::Regex, text: &str) -> bool {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| regex.is_match(text))).unwrap_or_else(
        |_| {
            GAVE_UP.with(|g| g.set(true));
            false
        },
    )
}

struct Dfa {
    dfa: dense::DFA<Vec<u32>>,
    /// Where every search starts: at the start of the text, unanchored, as `is_match` does.
    start: StateID,
}

struct FastPattern<F: Json>(Matcher<F>);

impl<F: Json> FastPattern<F> {
    fn matches(&self, instance: F::Node<'_>) -> bool {
        match &self.0 {
            Matcher::Delegate(v) => v.is_valid(instance),
            Matcher::Regex(r) => match instance.as_string() {
                Some(s) => r
                    .dfa
                    .as_ref()
                    .and_then(|d| search(&d.dfa, d.start, s.as_bytes()))
                    .unwrap_or_else(|| regex_is_match(&r.regex, &s)),
                None => true,
            },
        }
    }
}

/// Whether the DFA matches anywhere in `text` (stopping at the first match, or where no match
/// can follow); None where it gave up (a quit byte), for the `regex` crate to answer.
#[inline]
fn search(dfa: &dense::DFA<Vec<u32>>, start: StateID, text: &[u8]) -> Option<bool> {
    let mut sid = start;
    for &b in text {
        sid = dfa.next_state(sid, b);
        if dfa.is_special_state(sid) {
            if dfa.is_match_state(sid) {
                return Some(true);
            }
            if dfa.is_dead_state(sid) {
                return Some(false);
            }
            if dfa.is_quit_state(sid) {
                return None;
            }
        }
    }
    Some(dfa.is_match_state(dfa.next_eoi_state(sid)))
}

impl<'i, F: Json> Keyword<'i, F> for FastPattern<F> {
    fn validate(&self, instance: F::Node<'i>) -> Result<(), ValidationError<'i>> {
        if self.matches(instance) {
            Ok(())
        } else {
            Err(ValidationError::custom("does not match the pattern"))
        }
    }

    fn is_valid(&self, instance: F::Node<'i>) -> bool {
        self.matches(instance)
    }
}

/// `translated` compiled, from the process-wide table (see [`COMPILED`]).
fn compiled(translated: &str) -> Shared {
    let table = COMPILED.get_or_init(Default::default);
    if let Some(c) = table.lock().ok()?.get(translated) {
        return c.clone();
    }
    let c = regex::Regex::new(translated).ok().map(|regex| {
        std::sync::Arc::new(Regex {
            dfa: build_dfa(translated),
            regex,
        })
    });
    table.lock().ok()?.insert(translated.to_string(), c.clone());
    c
}

/// The DFA for `translated`, as the `regex` crate reads it (`RegexBuilder` defaults), while
/// the process's DFA budget lasts (see [`DFA_BUDGET`]).
fn build_dfa(translated: &str) -> Option<Dfa> {
    use std::sync::atomic::Ordering::Relaxed;
    DFA_SPENT
        .fetch_update(Relaxed, Relaxed, |spent| {
            (spent + DFA_SIZE_LIMIT <= DFA_BUDGET).then_some(spent + DFA_SIZE_LIMIT)
        })
        .ok()?;
    let dfa = dense::Builder::new()
        .syntax(syntax::Config::new())
        .thompson(thompson::Config::new())
        .configure(
            dense::Config::new()
                .dfa_size_limit(Some(DFA_SIZE_LIMIT))
                .determinize_size_limit(Some(DFA_SIZE_LIMIT))
                .accelerate(false),
        )
        .build(translated)
        .ok()?;
    // A DFA that was built is charged what it takes, not the limit.
    DFA_SPENT.fetch_sub(DFA_SIZE_LIMIT.saturating_sub(dfa.memory_usage()), Relaxed);
    let start = dfa
        .start_state(&start::Config::new().anchored(Anchored::No))
        .ok()?;
    Some(Dfa { dfa, start })
}

/// What jsonschema compiles with the regex engine for `pattern`, or None when it decides the
/// pattern another way (mirrors `jsonschema::keywords::pattern::compile`).
fn regex_form(pattern: &str) -> Option<String> {
    if jsonschema_regex::analyze_pattern(pattern).is_some() {
        return None;
    }
    let translated = jsonschema_regex::to_rust_regex(pattern).ok()?;
    if jsonschema_regex::Sequence::compile(&translated).is_some() {
        return None;
    }
    match jsonschema_regex::search_form(pattern, &translated) {
        Some(jsonschema_regex::Search::RepeatedClass(_)) => None,
        Some(jsonschema_regex::Search::Collapsed(collapsed)) => Some(collapsed),
        None => Some(translated.into_owned()),
    }
}

type Compiled<'a, F> = Result<Box<dyn for<'i> Keyword<'i, F>>, ValidationError<'a>>;

/// The factory for `with_keyword("pattern", …)`.
pub fn factory<F: Json>(
    draft: jsonschema::Draft,
) -> impl for<'a> Fn(&'a Map<String, Value>, &'a Value, Location) -> Compiled<'a, F>
       + Send
       + Sync
       + 'static {
    move |_parent, value, _path| {
        let regex = value
            .as_str()
            .and_then(regex_form)
            .and_then(|t| compiled(&t));
        let matcher = match regex {
            Some(regex) => Matcher::Regex(regex),
            None => Matcher::Delegate(
                jsonschema::options_for::<F>()
                    .with_draft(draft)
                    .with_pattern_options(jsonschema::PatternOptions::regex())
                    .build(&serde_json::json!({ "pattern": value }))
                    .map_err(|_| ValidationError::custom("pattern does not compile"))?,
            ),
        };
        Ok(Box::new(FastPattern(matcher)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_regex_engine() {
        let time = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]{1,9})?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$";
        let money = r"^(0|[1-9][0-9]{0,12})\.[0-9]{2}$";
        for pattern in [
            time,
            money,
            "^ord_[0-9A-Za-z]{10,32}$",
            "x-",
            "é+",
            r"\bword\b",
            "a|b",
        ] {
            let fast = jsonschema::options()
                .with_pattern_options(jsonschema::PatternOptions::regex())
                .with_keyword("pattern", factory(jsonschema::Draft::Draft7))
                .build(&serde_json::json!({ "pattern": pattern }))
                .unwrap();
            let slow = jsonschema::options()
                .with_pattern_options(jsonschema::PatternOptions::regex())
                .build(&serde_json::json!({ "pattern": pattern }))
                .unwrap();
            for text in [
                "2024-01-01T00:00:00Z",
                "2024-01-01T00:00:60.123456789+23:59",
                "2024-01-01T00:00:00Z\n",
                "١٢٣٤-01-01T00:00:00Z",
                "0.00",
                "00.00",
                "1234567890123.45",
                "ord_ABCDEFGHIJ",
                "x-a",
                "éé",
                "a word here",
                "aword",
                "ab",
                "",
            ] {
                let v = serde_json::json!(text);
                assert_eq!(
                    fast.is_valid(&v),
                    slow.is_valid(&v),
                    "{pattern} on {text:?}"
                );
            }
            assert!(fast.is_valid(&serde_json::json!(12)));
        }
        assert!(regex_form(time).is_some() && regex_form(money).is_some());
        assert_eq!(regex_form("^x-"), None);
    }

    /// Untrusted schemas: patterns whose DFAs explode are built at most until the process's
    /// budget is spent, every occurrence of one expression shares one compiled form, and past
    /// the budget the answers stay those of the regex engine.
    #[test]
    fn exploding_patterns_stay_within_the_budget_and_answer_the_same() {
        let pattern = |i: usize| format!("(?:[0-9a-zA-Z]*a[0-9a-zA-Z]{{12}}|x{i}y)");
        let props: Map<String, Value> = (0..40)
            .map(|i| {
                (
                    format!("p{i}"),
                    serde_json::json!({"pattern": pattern(i % 20)}),
                )
            })
            .collect();
        let schema = serde_json::json!({"properties": props});
        let fast = jsonschema::options()
            .with_pattern_options(jsonschema::PatternOptions::regex())
            .with_keyword("pattern", factory(jsonschema::Draft::Draft7))
            .build(&schema)
            .unwrap();
        let slow = jsonschema::options()
            .with_pattern_options(jsonschema::PatternOptions::regex())
            .build(&schema)
            .unwrap();
        use std::sync::atomic::Ordering::Relaxed;
        assert!(DFA_SPENT.load(Relaxed) <= DFA_BUDGET);
        let table = COMPILED.get().unwrap().lock().unwrap();
        for i in 0..20 {
            let t = regex_form(&pattern(i)).unwrap();
            assert!(table.get(&t).is_some_and(Option::is_some), "{t}");
        }
        drop(table);
        for text in [
            "a123456789012",
            "a12345678901",
            "x3y",
            "zzzz",
            "aaaaaaaaaaaaaaa",
        ] {
            for i in 0..40 {
                let event = serde_json::json!({ format!("p{i}"): text });
                assert_eq!(fast.is_valid(&event), slow.is_valid(&event), "p{i} {text}");
            }
        }
    }
}
