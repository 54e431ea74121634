//! Soundness of the compatibility verdicts, checked with data: for every case in
//! `tests/compat_cases`, generate instances the writer schema accepts (the old schema for
//! BACKWARD, the new one for FORWARD, both for FULL) and validate them against the reader with
//! the `jsonschema` crate. A case the engine judges compatible for which such an instance fails
//! is a failure.
//!
//! The generator is our own, small and deterministic (seeded per case): it knows the keywords
//! the cases use, proposes candidates (including values and property names taken from *both*
//! schemas, so "the old open model may already carry `b` with another type" is found), and
//! keeps only candidates the writer's validator accepts. Cases for which no accepted instance
//! turns up, or whose schemas the validator cannot compile, are skipped and counted, never
//! passed silently.

use evtctl::registry::compat::{self, Mode, Policy};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const CASE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/compat_cases");

/// Accepted writer instances wanted per direction of a case.
const INSTANCES: usize = 200;
/// Candidates tried per direction before giving up on reaching [`INSTANCES`].
const ATTEMPTS: usize = 3_000;

/// Rules under which evtctl reports "compatible" although some data breaks, on purpose
/// (Confluent semantics, reported as warnings): a failing instance is excused, and counted,
/// only in a case where one of them was reported.
const UNSOUND_BY_DESIGN: &[&str] = &[
    // Validators do not apply defaults: old data without the property fails.
    "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED",
    "REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL",
];

// ----- a small deterministic random source -----

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> Option<&'a T> {
        if xs.is_empty() {
            None
        } else {
            Some(&xs[self.below(xs.len())])
        }
    }
}

fn seed_of(name: &str) -> u64 {
    // FNV-1a: stable across runs and platforms.
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

// ----- the generator -----

struct Gen<'a> {
    rng: Rng,
    /// Remote documents of the case, by the ref string before `#`.
    refs: &'a Value,
    /// Property names seen anywhere in both schemas.
    names: Vec<String>,
    /// Strings and numbers seen anywhere in both schemas (enum values, bounds, defaults…).
    strings: Vec<String>,
    numbers: Vec<f64>,
}

const MAX_DEPTH: usize = 10;

impl Gen<'_> {
    fn new<'a>(refs: &'a Value, schemas: &[&Value], seed: u64) -> Gen<'a> {
        let mut names = BTreeSet::new();
        let mut strings = BTreeSet::new();
        let mut numbers = Vec::new();
        for s in schemas {
            harvest(s, &mut names, &mut strings, &mut numbers, 0);
        }
        harvest(refs, &mut names, &mut strings, &mut numbers, 0);
        for s in ["", "a", "abc", "b", "x", "2024-01-31", "A1", "{}", "1"] {
            strings.insert(s.to_string());
        }
        for n in [0.0, 1.0, -1.0, 2.0, 0.5, 3.0, 10.0, 100.0, -7.0, 1.5] {
            numbers.push(n);
        }
        Gen {
            rng: Rng(seed),
            refs,
            names: names.into_iter().collect(),
            strings: strings.into_iter().collect(),
            numbers,
        }
    }

    /// Follow `$ref`s (local pointers and the case's remote documents).
    fn deref(&self, mut s: Value, mut doc: Value) -> (Value, Value) {
        for _ in 0..16 {
            let Some(r) = s.get("$ref").and_then(Value::as_str).map(str::to_string) else {
                break;
            };
            let (d, frag) = r.split_once('#').unwrap_or((&r, ""));
            if !d.is_empty() {
                match self.refs.get(d) {
                    Some(x) => doc = x.clone(),
                    None => return (Value::Bool(true), doc),
                }
            }
            s = doc.pointer(frag).cloned().unwrap_or(Value::Bool(true));
        }
        (s, doc)
    }

    fn any(&mut self, depth: usize) -> Value {
        match self.rng.below(if depth > 3 { 5 } else { 7 }) {
            0 => Value::Null,
            1 => Value::Bool(self.rng.chance(50)),
            2 => json!(self.rng.below(21) as i64 - 10),
            3 => num(*self.rng.pick(&self.numbers).unwrap_or(&0.5)),
            4 => Value::String(self.rng.pick(&self.strings).cloned().unwrap_or_default()),
            5 => Value::Array(
                (0..self.rng.below(3))
                    .map(|_| self.any(depth + 1))
                    .collect(),
            ),
            _ => {
                let mut m = Map::new();
                for _ in 0..self.rng.below(3) {
                    let k = self.name();
                    let v = self.any(depth + 1);
                    m.insert(k, v);
                }
                Value::Object(m)
            }
        }
    }

    fn name(&mut self) -> String {
        if self.rng.chance(80) {
            if let Some(n) = self.rng.pick(&self.names) {
                return n.clone();
            }
        }
        format!("x{}", self.rng.below(5))
    }

    fn gen(&mut self, s: &Value, doc: &Value, depth: usize) -> Value {
        if depth > MAX_DEPTH {
            return self.any(depth);
        }
        let (s, doc) = self.deref(s.clone(), doc.clone());
        let Value::Object(o) = s else {
            return self.any(depth);
        };
        let mut o = o.clone();
        // allOf: merge the branches into one set of keywords.
        if let Some(Value::Array(bs)) = o.remove("allOf") {
            for b in bs {
                let (b, _) = self.deref(b, doc.clone());
                if let Value::Object(b) = b {
                    merge(&mut o, &b, false);
                }
            }
        }
        // anyOf/oneOf: one branch, merged over the base.
        for kw in ["anyOf", "oneOf"] {
            if let Some(Value::Array(bs)) = o.remove(kw) {
                if let Some(b) = self.rng.pick(&bs).cloned() {
                    let (b, _) = self.deref(b, doc.clone());
                    if let Value::Object(b) = b {
                        merge(&mut o, &b, true);
                    }
                }
            }
        }
        if o.contains_key("if") {
            let branch = if self.rng.chance(50) { "then" } else { "else" };
            if let Some(Value::Object(b)) = o.get(branch).cloned() {
                merge(&mut o, &b, true);
            }
        }
        if let Some(c) = o.get("const") {
            if self.rng.chance(90) {
                return c.clone();
            }
        }
        if let Some(Value::Array(e)) = o.get("enum") {
            if !e.is_empty() && self.rng.chance(90) {
                return e[self.rng.below(e.len())].clone();
            }
        }
        let t = self.pick_type(&o);
        match t.as_str() {
            "null" => Value::Null,
            "boolean" => Value::Bool(self.rng.chance(50)),
            "integer" => self.number(&o, true),
            "number" => self.number(&o, false),
            "string" => self.string(&o),
            "array" => self.array(&o, &doc, depth),
            "object" => self.object(&o, &doc, depth),
            _ => self.any(depth),
        }
    }

    fn pick_type(&mut self, o: &Map<String, Value>) -> String {
        let listed: Vec<String> = match o.get("type") {
            Some(Value::String(t)) => vec![t.clone()],
            Some(Value::Array(ts)) => ts
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            _ => Vec::new(),
        };
        if let Some(t) = self.rng.pick(&listed) {
            return t.clone();
        }
        let has = |ks: &[&str]| ks.iter().any(|k| o.contains_key(*k));
        let mut guesses = Vec::new();
        if has(&[
            "properties",
            "required",
            "additionalProperties",
            "patternProperties",
            "minProperties",
            "maxProperties",
            "dependencies",
            "propertyNames",
        ]) {
            guesses.push("object");
        }
        if has(&["items", "prefixItems", "minItems", "maxItems", "contains"]) {
            guesses.push("array");
        }
        if has(&["minLength", "maxLength", "pattern", "format"]) {
            guesses.push("string");
        }
        if has(&[
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ]) {
            guesses.push("number");
        }
        if guesses.is_empty() || self.rng.chance(15) {
            let all = [
                "null", "boolean", "integer", "number", "string", "array", "object",
            ];
            return all[self.rng.below(all.len())].to_string();
        }
        guesses[self.rng.below(guesses.len())].to_string()
    }

    fn number(&mut self, o: &Map<String, Value>, integer: bool) -> Value {
        let f = |k: &str| o.get(k).and_then(Value::as_f64);
        let lo = f("minimum")
            .or(f("exclusiveMinimum"))
            .unwrap_or(-100.0)
            .max(-1e9);
        let hi = f("maximum")
            .or(f("exclusiveMaximum"))
            .unwrap_or(100.0)
            .min(1e9)
            .max(lo);
        let mut x = match self.rng.below(4) {
            0 => *self.rng.pick(&self.numbers).unwrap_or(&0.0),
            1 => lo,
            2 => hi,
            _ => lo + (hi - lo) * (self.rng.below(1001) as f64 / 1000.0),
        };
        if self.rng.chance(30) {
            x += [-1.0, 1.0, 0.5, -0.5][self.rng.below(4)];
        }
        if let Some(m) = f("multipleOf").filter(|m| *m > 0.0) {
            x = (x / m).round() * m;
            // Keep the decimal spelling short (0.3, not 0.30000000000000004).
            x = format!("{x:.10}").parse().unwrap_or(x);
        }
        if integer || self.rng.chance(50) {
            x = x.round();
        }
        num(x)
    }

    fn string(&mut self, o: &Map<String, Value>) -> Value {
        let format = o.get("format").and_then(Value::as_str);
        if let Some(f) = format.filter(|_| self.rng.chance(80)) {
            let v = match f {
                "date-time" => "2024-05-01T12:30:00Z",
                "date" => "2024-05-01",
                "time" => "12:30:00Z",
                "uuid" => "3f2c8a4e-1b7d-4c9a-9e2f-0a1b2c3d4e5f",
                "email" => "ops@example.com",
                "uri" => "https://example.com/a",
                "ipv4" => "192.0.2.1",
                "hostname" => "example.com",
                _ => "x",
            };
            return Value::String(v.to_string());
        }
        if let Some(p) = o.get("pattern").and_then(Value::as_str) {
            if self.rng.chance(70) {
                if let Some(s) = from_pattern(p, &mut self.rng) {
                    return Value::String(s);
                }
            }
        }
        let min = o.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
        let max = o
            .get("maxLength")
            .and_then(Value::as_u64)
            .map(|m| m as usize);
        let mut s = if self.rng.chance(60) {
            self.rng.pick(&self.strings).cloned().unwrap_or_default()
        } else {
            let n = min + self.rng.below(6);
            (0..n)
                .map(|i| (b'a' + (i % 26) as u8) as char)
                .collect::<String>()
        };
        if s.chars().count() < min && self.rng.chance(80) {
            s.extend(std::iter::repeat_n('z', min - s.chars().count()));
        }
        if let Some(max) = max.filter(|_| self.rng.chance(80)) {
            s = s.chars().take(max).collect();
        }
        Value::String(s)
    }

    fn array(&mut self, o: &Map<String, Value>, doc: &Value, depth: usize) -> Value {
        let (tuple, rest) = match (o.get("prefixItems"), o.get("items")) {
            (Some(Value::Array(t)), r) => (t.clone(), r.or(o.get("unevaluatedItems")).cloned()),
            (_, Some(Value::Array(t))) => (
                t.clone(),
                o.get("additionalItems")
                    .or(o.get("unevaluatedItems"))
                    .cloned(),
            ),
            (_, r) => (Vec::new(), r.or(o.get("unevaluatedItems")).cloned()),
        };
        let min = o.get("minItems").and_then(Value::as_u64).unwrap_or(0) as usize;
        let max = o
            .get("maxItems")
            .and_then(Value::as_u64)
            .map_or(tuple.len() + 3, |m| m as usize)
            .min(8);
        let n = min.min(8) + self.rng.below(max.saturating_sub(min) + 1);
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let v = match tuple.get(i) {
                Some(s) => self.gen(s, doc, depth + 1),
                None => match &rest {
                    Some(r) if !matches!(r, Value::Bool(_)) => self.gen(r, doc, depth + 1),
                    _ => self.any(depth + 1),
                },
            };
            out.push(v);
        }
        if let Some(c) = o.get("contains").filter(|_| self.rng.chance(70)) {
            let v = self.gen(c, doc, depth + 1);
            if out.len() > tuple.len() || out.is_empty() {
                out.push(v);
            } else if let Some(last) = out.last_mut() {
                *last = v;
            }
        }
        Value::Array(out)
    }

    fn object(&mut self, o: &Map<String, Value>, doc: &Value, depth: usize) -> Value {
        let props = o
            .get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let required: Vec<String> = o
            .get("required")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let mut m = Map::new();
        for (k, s) in &props {
            if required.contains(k) || self.rng.chance(60) {
                let v = self.gen(s, doc, depth + 1);
                m.insert(k.clone(), v);
            }
        }
        let extra_schema = o
            .get("additionalProperties")
            .or(o.get("unevaluatedProperties"))
            .cloned();
        for k in &required {
            if !m.contains_key(k) {
                let v = match &extra_schema {
                    Some(s @ Value::Object(_)) => self.gen(s, doc, depth + 1),
                    _ => self.any(depth + 1),
                };
                m.insert(k.clone(), v);
            }
        }
        if let Some(Value::Object(pp)) = o.get("patternProperties") {
            for (pat, s) in pp.clone() {
                if self.rng.chance(50) {
                    if let Some(k) = from_pattern(&pat, &mut self.rng) {
                        let v = self.gen(&s, doc, depth + 1);
                        m.entry(k).or_insert(v);
                    }
                }
            }
        }
        let min = o.get("minProperties").and_then(Value::as_u64).unwrap_or(0) as usize;
        let extras = self.rng.below(3);
        let mut tries = 0;
        while (m.len() < min || tries < extras) && tries < 10 {
            tries += 1;
            let k = self.name();
            if m.contains_key(&k) {
                continue;
            }
            let v = match (props.get(&k), &extra_schema) {
                (Some(s), _) => self.gen(s, doc, depth + 1),
                (None, Some(s @ Value::Object(_))) if self.rng.chance(70) => {
                    self.gen(s, doc, depth + 1)
                }
                _ => self.any(depth + 1),
            };
            m.insert(k, v);
        }
        Value::Object(m)
    }
}

fn num(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

/// Keywords of `b` added to `o`: `properties` and `required` are united; other keywords
/// already in `o` are kept unless `branch_wins`.
fn merge(o: &mut Map<String, Value>, b: &Map<String, Value>, branch_wins: bool) {
    for (k, v) in b {
        match (k.as_str(), o.get_mut(k), v) {
            ("properties", Some(Value::Object(have)), Value::Object(add)) => {
                for (n, s) in add {
                    have.entry(n.clone()).or_insert_with(|| s.clone());
                }
            }
            ("required", Some(Value::Array(have)), Value::Array(add)) => {
                for n in add {
                    if !have.contains(n) {
                        have.push(n.clone());
                    }
                }
            }
            (_, Some(slot), _) if branch_wins => *slot = v.clone(),
            (_, Some(_), _) => {}
            (_, None, _) => {
                o.insert(k.clone(), v.clone());
            }
        }
    }
}

/// Property names, strings and numbers found anywhere in a schema.
fn harvest(
    v: &Value,
    names: &mut BTreeSet<String>,
    strings: &mut BTreeSet<String>,
    numbers: &mut Vec<f64>,
    depth: usize,
) {
    if depth > 40 {
        return;
    }
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                if k == "properties" || k == "dependencies" || k == "dependentRequired" {
                    if let Some(p) = x.as_object() {
                        names.extend(p.keys().cloned());
                    }
                }
                if k == "required" {
                    if let Some(a) = x.as_array() {
                        names.extend(a.iter().filter_map(Value::as_str).map(str::to_string));
                    }
                }
                harvest(x, names, strings, numbers, depth + 1);
            }
        }
        Value::Array(a) => a
            .iter()
            .for_each(|x| harvest(x, names, strings, numbers, depth + 1)),
        Value::String(s) if s.len() < 40 => {
            strings.insert(s.clone());
        }
        Value::Number(n) => {
            if let Some(f) = n.as_f64() {
                numbers.extend([f, f + 1.0, f - 1.0, f + 0.5]);
            }
        }
        _ => {}
    }
}

/// A string matching a simple regex (anchors, literals, `.`, classes, `\d`/`\w`, quantifiers
/// `? * + {n} {n,m}`). `None` for anything else.
fn from_pattern(p: &str, rng: &mut Rng) -> Option<String> {
    let chars: Vec<char> = p.chars().collect();
    let mut i = 0;
    let mut out = String::new();
    if chars.first() == Some(&'^') {
        i = 1;
    } else if rng.chance(50) {
        out.push('q'); // unanchored: anything may come first
    }
    while i < chars.len() {
        let (choices, next): (Vec<char>, usize) = match chars[i] {
            '$' if i + 1 == chars.len() => break,
            '.' => (vec!['a', 'Z', '5'], i + 1),
            '\\' => {
                let c = *chars.get(i + 1)?;
                let set = match c {
                    'd' => ('0'..='9').collect(),
                    'w' => vec!['a', 'B', '7', '_'],
                    's' => vec![' '],
                    c if !c.is_alphanumeric() => vec![c],
                    _ => return None,
                };
                (set, i + 2)
            }
            '[' => {
                let end = i + chars[i..].iter().position(|c| *c == ']')?;
                let body = &chars[i + 1..end];
                if body.first() == Some(&'^') {
                    return None;
                }
                let mut set = Vec::new();
                let mut j = 0;
                while j < body.len() {
                    if j + 2 < body.len() && body[j + 1] == '-' {
                        set.extend(body[j]..=body[j + 2]);
                        j += 3;
                    } else {
                        set.push(body[j]);
                        j += 1;
                    }
                }
                (set, end + 1)
            }
            '(' | ')' | '|' | '*' | '+' | '?' | '{' | '}' => return None,
            c => (vec![c], i + 1),
        };
        if choices.is_empty() {
            return None;
        }
        let (lo, hi, after) = match chars.get(next) {
            Some('?') => (0, 1, next + 1),
            Some('*') => (0, 3, next + 1),
            Some('+') => (1, 4, next + 1),
            Some('{') => {
                let end = next + chars[next..].iter().position(|c| *c == '}')?;
                let body: String = chars[next + 1..end].iter().collect();
                let (a, b) = match body.split_once(',') {
                    Some((a, b)) => (
                        a.parse().ok()?,
                        b.parse().unwrap_or(a.parse::<usize>().ok()? + 3),
                    ),
                    None => (body.parse().ok()?, body.parse().ok()?),
                };
                (a, b, end + 1)
            }
            _ => (1, 1, next),
        };
        let n = lo + rng.below(hi - lo + 1);
        for _ in 0..n.min(32) {
            out.push(choices[rng.below(choices.len())]);
        }
        i = after;
    }
    Some(out)
}

// ----- validation with the jsonschema crate -----

/// Serves the case's remote documents: a ref `x.json` from `file:///reg/subject/v.json`
/// resolves to `file:///reg/subject/x.json`; `../y.json` to `file:///reg/y.json`.
struct CaseRefs(BTreeMap<String, Value>);

const BASE_DIR: &str = "/reg/subject";

fn normalize(rel: &str) -> String {
    let mut parts: Vec<&str> = BASE_DIR.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    format!("/{}", parts.join("/"))
}

impl jsonschema::Retrieve for CaseRefs {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let path = uri.as_str().trim_start_matches("file://");
        self.0
            .get(path)
            .cloned()
            .ok_or_else(|| format!("no document {path}").into())
    }
}

fn validator(schema: &Value, refs: &Value) -> Result<jsonschema::Validator, String> {
    let draft = match schema.get("$schema").and_then(Value::as_str).unwrap_or("") {
        s if s.contains("2020-12") => jsonschema::Draft::Draft202012,
        s if s.contains("2019-09") => jsonschema::Draft::Draft201909,
        s if s.contains("draft-04") => jsonschema::Draft::Draft4,
        s if s.contains("draft-06") => jsonschema::Draft::Draft6,
        // evtctl reads `$schema`-less schemas as draft-07, as Confluent does.
        _ => jsonschema::Draft::Draft7,
    };
    let docs = refs
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (normalize(k), v.clone())).collect())
        .unwrap_or_default();
    jsonschema::options()
        .with_draft(draft)
        .should_validate_formats(true)
        .with_base_uri(format!("file://{BASE_DIR}/v.schema.json"))
        .with_retriever(CaseRefs(docs))
        .build(schema)
        .map_err(|e| e.to_string())
}

#[derive(Default)]
struct Tally {
    cases: usize,
    compatible_checked: usize,
    directions: usize,
    instances: usize,
    min_instances: Option<usize>,
    breaking_witnessed: usize,
    breaking_total: usize,
    excused: Vec<String>,
    lenient_only: Vec<String>,
    skipped: Vec<String>,
    failures: Vec<String>,
}

/// Generate accepted writer instances; returns (instances, the first one the reader rejects).
fn probe(
    name: &str,
    writer: &Value,
    reader: &Value,
    refs: &Value,
) -> Result<(usize, Option<Value>), String> {
    let wv = validator(writer, refs).map_err(|e| format!("writer does not compile: {e}"))?;
    let rv = validator(reader, refs).map_err(|e| format!("reader does not compile: {e}"))?;
    let mut g = Gen::new(refs, &[writer, reader], seed_of(name));
    let mut accepted = 0;
    let mut counterexample = None;
    for _ in 0..ATTEMPTS {
        let v = g.gen(writer, writer, 0);
        if !wv.is_valid(&v) {
            continue;
        }
        accepted += 1;
        if counterexample.is_none() && !rv.is_valid(&v) {
            counterexample = Some(v);
        }
        if accepted >= INSTANCES {
            break;
        }
    }
    Ok((accepted, counterexample))
}

fn run_case(path: &Path, t: &mut Tally) {
    let name = path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let case: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("readable case"))
        .expect("case is JSON");
    let mode: Mode = case["mode"].as_str().unwrap_or("").parse().expect("mode");
    let policy: Policy = case
        .get("policy")
        .and_then(Value::as_str)
        .unwrap_or("strict")
        .parse()
        .expect("policy");
    let (old, new) = (&case["old"], &case["new"]);
    let refs = case.get("refs").cloned().unwrap_or(Value::Null);
    let resolve = |n: &str| refs.get(n).cloned();
    t.cases += 1;
    let changes = compat::compare(old, new, mode, policy, &resolve);
    // LENIENT deliberately accepts changes that break data carrying properties the writer
    // did not require (its premise is that producers never send them), so what data can
    // refute is the STRICT verdict; cases compatible only under LENIENT are counted apart.
    let strict_changes = compat::compare(old, new, mode, Policy::Strict, &resolve);
    let lenient_only = compat::is_compatible(&changes) && !compat::is_compatible(&strict_changes);
    let changes = strict_changes;
    // A `oneOf` that gained a branch is compatible by Confluent's rule, with a warning that
    // an overlapping branch breaks exclusivity: by design too, when the warning was given.
    let excusable = changes.iter().any(|c| {
        UNSOUND_BY_DESIGN.contains(&c.rule.as_str())
            || (c.rule == "SUM_TYPE_EXTENDED" && c.message.contains("overlap"))
    });
    let compatible = compat::is_compatible(&changes);
    if lenient_only {
        t.lenient_only.push(name.clone());
    }

    let directions: Vec<(&Value, &Value, &str)> = match mode {
        Mode::None => {
            t.skipped.push(format!("{name}: mode NONE checks nothing"));
            return;
        }
        Mode::Backward | Mode::BackwardTransitive => vec![(old, new, "old→new")],
        Mode::Forward | Mode::ForwardTransitive => vec![(new, old, "new→old")],
        Mode::Full | Mode::FullTransitive => vec![(old, new, "old→new"), (new, old, "new→old")],
    };
    if compatible {
        t.compatible_checked += 1;
    } else {
        t.breaking_total += 1;
    }
    let mut witnessed = false;
    for (w, r, dir) in directions {
        match probe(&name, w, r, &refs) {
            Err(e) => {
                t.skipped.push(format!("{name} ({dir}): {e}"));
                if compatible {
                    t.compatible_checked -= 1;
                }
                return;
            }
            Ok((0, _)) => {
                t.skipped.push(format!(
                    "{name} ({dir}): no instance of the writer found in {ATTEMPTS} attempts"
                ));
                if compatible {
                    t.compatible_checked -= 1;
                }
                return;
            }
            Ok((n, bad)) => {
                t.directions += 1;
                t.instances += n;
                t.min_instances = Some(t.min_instances.map_or(n, |m| m.min(n)));
                match bad {
                    Some(v) if compatible && excusable => {
                        t.excused.push(format!("{name} ({dir}): {v}"))
                    }
                    Some(v) if compatible => t.failures.push(format!(
                        "{name} ({dir}): judged compatible, but {v} is valid under the writer and invalid under the reader"
                    )),
                    Some(_) => witnessed = true,
                    None => {}
                }
            }
        }
    }
    if witnessed {
        t.breaking_witnessed += 1;
    }
}

#[test]
fn compat_verdicts_are_sound_on_generated_data() {
    let mut files: Vec<_> = std::fs::read_dir(CASE_DIR)
        .expect("case directory exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut t = Tally::default();
    for f in &files {
        run_case(f, &mut t);
    }
    eprintln!(
        "soundness: {} cases; {} judged compatible and checked over {} direction(s) with {} accepted instances \
         (target {INSTANCES} per direction, at least {} in every direction, at most {ATTEMPTS} attempts); \
         {} of {} breaking verdicts witnessed by a failing instance; {} excused by design; \
         {} compatible only under LENIENT (checked as breaking); {} skipped",
        t.cases,
        t.compatible_checked,
        t.directions,
        t.instances,
        t.min_instances.unwrap_or(0),
        t.breaking_witnessed,
        t.breaking_total,
        t.excused.len(),
        t.lenient_only.len(),
        t.skipped.len()
    );
    for s in &t.skipped {
        eprintln!("  skipped {s}");
    }
    for s in &t.excused {
        eprintln!("  excused (unsound by design) {s}");
    }
    assert!(
        t.compatible_checked > 50,
        "too few compatible cases were checked"
    );
    assert!(
        t.failures.is_empty(),
        "{} unsound verdict(s):\n{}",
        t.failures.len(),
        t.failures.join("\n")
    );
}

#[test]
fn generator_finds_the_open_content_model_trap() {
    // Old open model; new adds `b: integer`. Old data may carry `b` with any value.
    let old = json!({"type": "object", "properties": {"a": {"type": "string"}}});
    let new = json!({"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}});
    let (n, bad) = probe("trap", &old, &new, &Value::Null).unwrap();
    assert!(n >= INSTANCES / 2, "only {n} instances");
    assert!(bad.is_some(), "no counterexample found");
    // Closed, the same change is safe: no counterexample.
    let closed = |mut v: Value| {
        v["additionalProperties"] = json!(false);
        v
    };
    let (n, bad) = probe("trap", &closed(old), &closed(new), &Value::Null).unwrap();
    assert!(n >= INSTANCES / 2, "only {n} instances");
    assert!(bad.is_none(), "{bad:?}");
}

#[test]
fn pattern_generator_matches_simple_patterns() {
    let mut rng = Rng(7);
    for p in ["^[0-9]+$", "^a", "^ORD-\\d{4}$", "^[A-Z]{3}$", "x?y*z"] {
        let re = json!({"type": "string", "pattern": p});
        let v = validator(&re, &Value::Null).unwrap();
        for _ in 0..20 {
            let s = from_pattern(p, &mut rng).unwrap();
            assert!(v.is_valid(&json!(s)), "{p}: {s}");
        }
    }
    assert!(from_pattern("^(a|b)$", &mut rng).is_none());
}
