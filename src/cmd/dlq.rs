//! `evtctl dlq stats`: what on-call needs first about dead-letter topics — how many, from
//! where, why, how old, how often already redriven — with a few escaped samples.
//!
//! Guarantees: read-only; reads up to the end offsets captured at start (or --from/--until),
//! joins no group and commits nothing; memory is bounded by the number of distinct groups.

use crate::cli::DlqStatsArgs;
use crate::codec::Payload;
use crate::config::Settings;
use crate::dlq::origin::{decode, fingerprint, Convention, Origin, QUARANTINE_AT};
use crate::error::{Interrupted, ProblemsFound};
use crate::kafka::reader::{self, Event, Flow, ReadEnd};
use crate::output::sanitize::escape_line;
use crate::output::Printer;
use crate::position::now_ms;
use crate::record::{format_millis, parse_rfc3339_millis};
use anyhow::Result;
use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;

#[derive(Debug, Clone, serde::Serialize)]
pub struct Sample {
    pub topic: String,
    pub partition: i32,
    pub offset: i64,
    /// The payload, truncated to 120 characters (binary as base64).
    pub value: String,
}

#[derive(Debug, Default, serde::Serialize)]
pub struct ErrorGroup {
    pub error_class: String,
    pub fingerprint: String,
    pub count: u64,
    pub samples: Vec<Sample>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Count {
    pub key: String,
    pub count: u64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Edge {
    pub timestamp: i64,
    pub time: String,
    pub age_seconds: i64,
}

/// The report, also the JSON document `-o json` prints.
#[derive(Debug, Default, serde::Serialize)]
pub struct Stats {
    pub total: u64,
    /// By the records' own timestamps: on a quarantine topic (`groups skip`) the original
    /// record's time, since the copy keeps it.
    pub oldest: Option<Edge>,
    pub newest: Option<Edge>,
    /// When the first and the last record were quarantined (`evtctl-dlq-at`), where any was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quarantined_first: Option<Edge>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quarantined_last: Option<Edge>,
    pub by_origin_topic: Vec<Count>,
    pub by_convention: Vec<Count>,
    pub by_error: Vec<ErrorGroup>,
    pub redrives: Vec<Count>,
    /// Records read that are not dead letters: they carry only evtctl's redrive headers (a
    /// redrive brought them back to this topic) and no dead-letter convention's. Not in `total`.
    pub redriven_not_dead: u64,
}

/// Accumulates records into a Stats; pure, for tests.
#[derive(Default)]
pub struct Tally {
    total: u64,
    oldest: Option<i64>,
    newest: Option<i64>,
    quarantined: Option<(i64, i64)>,
    origins: BTreeMap<String, u64>,
    conventions: BTreeMap<String, u64>,
    errors: BTreeMap<(String, String), ErrorGroup>,
    redrives: BTreeMap<u32, u64>,
    samples: usize,
    redriven_not_dead: u64,
}

fn truncate(p: &Payload<'_>) -> String {
    let s = match p {
        Payload::Null => "(null)".to_string(),
        Payload::Text(t) => t.to_string(),
        Payload::Json(raw) => raw.get().to_string(),
        Payload::Base64(b) => format!("base64:{b}"),
    };
    let cut: String = s.chars().take(120).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

impl Tally {
    pub fn new(samples: usize) -> Tally {
        Tally {
            samples,
            ..Tally::default()
        }
    }

    /// Whether a record of this origin would be kept as a sample (so decoding it is worth it).
    pub fn wants_sample(&self, origin: &Origin) -> bool {
        let class = origin
            .error_class
            .clone()
            .unwrap_or_else(|| "(unknown)".into());
        let fp = origin
            .error_message
            .as_deref()
            .map(fingerprint)
            .unwrap_or_default();
        self.errors
            .get(&(class, fp))
            .is_none_or(|g| g.samples.len() < self.samples)
    }

    /// One dead letter: its decoded origin, where it is, its timestamp, when it was quarantined
    /// (the `evtctl-dlq-at` header, if any) and its value.
    pub fn add(
        &mut self,
        origin: &Origin,
        at: (&str, i32, i64),
        (timestamp, quarantined_at): (Option<i64>, Option<i64>),
        value: Option<&[u8]>,
    ) {
        self.total += 1;
        if let Some(ts) = timestamp {
            self.oldest = Some(self.oldest.map_or(ts, |o| o.min(ts)));
            self.newest = Some(self.newest.map_or(ts, |n| n.max(ts)));
        }
        if let Some(q) = quarantined_at {
            self.quarantined = Some(
                self.quarantined
                    .map_or((q, q), |(a, b)| (a.min(q), b.max(q))),
            );
        }
        *self
            .origins
            .entry(origin.topic.clone().unwrap_or_else(|| "(unknown)".into()))
            .or_insert(0) += 1;
        let conv = origin
            .convention
            .as_ref()
            .map_or("(none)".to_string(), |c| c.name().to_string());
        *self.conventions.entry(conv).or_insert(0) += 1;
        let class = origin
            .error_class
            .clone()
            .unwrap_or_else(|| "(unknown)".into());
        let fp = origin
            .error_message
            .as_deref()
            .map(fingerprint)
            .unwrap_or_default();
        let g = self
            .errors
            .entry((class.clone(), fp.clone()))
            .or_insert_with(|| ErrorGroup {
                error_class: class,
                fingerprint: fp,
                ..ErrorGroup::default()
            });
        g.count += 1;
        if g.samples.len() < self.samples {
            g.samples.push(Sample {
                topic: at.0.to_string(),
                partition: at.1,
                offset: at.2,
                value: truncate(&Payload::of(value, true)),
            });
        }
        *self.redrives.entry(origin.redrive_count).or_insert(0) += 1;
    }

    /// A record that is not a dead letter (see [`is_redriven_only`]): counted apart.
    pub fn skip_redriven(&mut self) {
        self.redriven_not_dead += 1;
    }

    pub fn finish(self) -> Stats {
        let now = now_ms();
        let edge = |ts: i64| Edge {
            timestamp: ts,
            time: format_millis(ts),
            age_seconds: (now - ts) / 1000,
        };
        let sorted = |m: BTreeMap<String, u64>| {
            let mut v: Vec<Count> = m
                .into_iter()
                .map(|(key, count)| Count { key, count })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
            v
        };
        let mut by_error: Vec<ErrorGroup> = self.errors.into_values().collect();
        by_error.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(a.error_class.cmp(&b.error_class))
        });
        Stats {
            total: self.total,
            oldest: self.oldest.map(edge),
            newest: self.newest.map(edge),
            quarantined_first: self.quarantined.map(|(a, _)| edge(a)),
            quarantined_last: self.quarantined.map(|(_, b)| edge(b)),
            by_origin_topic: sorted(self.origins),
            by_convention: sorted(self.conventions),
            by_error,
            redrives: self
                .redrives
                .into_iter()
                .map(|(k, count)| Count {
                    key: k.to_string(),
                    count,
                })
                .collect(),
            redriven_not_dead: self.redriven_not_dead,
        }
    }
}

/// A record that `dlq redrive` sent back to its topic carries `evtctl-redrive-*` headers; that
/// alone does not make it a dead letter (an ordinary topic that received redriven records is not
/// a DLQ). It is one when a dead-letter convention also marks it (dead-lettered again after the
/// redrive).
pub fn is_redriven_only(origin: &Origin, headers: &[(&str, Option<&[u8]>)]) -> bool {
    matches!(origin.convention, None | Some(Convention::Evtctl))
        && headers
            .iter()
            .any(|(n, _)| n.starts_with("evtctl-redrive-"))
}

fn age(secs: i64) -> String {
    humantime::format_duration(std::time::Duration::from_secs(secs.max(0) as u64)).to_string()
}

fn table(headers: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut t = crate::output::table::new(headers);
    for r in rows {
        t.add_row(r);
    }
    let numbers: Vec<usize> = (0..headers.len())
        .filter(|&i| headers[i] == "RECORDS")
        .collect();
    crate::output::table::right_align(&mut t, &numbers);
    crate::output::table::render(&mut t)
}

pub fn print(stats: &Stats, topics: &[String], printer: &mut Printer) -> Result<()> {
    if printer.is_json() {
        printer.json(stats)?;
        return printer.flush();
    }
    let b = printer.styles.bold;
    printer.line(&format!(
        "{b}{} record(s){b:#} in {}",
        stats.total,
        topics.join(", ")
    ))?;
    if let (Some(o), Some(n)) = (&stats.oldest, &stats.newest) {
        printer.line(&format!(
            "oldest {} ({} ago), newest {} ({} ago){}",
            o.time,
            age(o.age_seconds),
            n.time,
            age(n.age_seconds),
            if stats.quarantined_first.is_some() {
                " by the records' own time"
            } else {
                ""
            }
        ))?;
    }
    if let (Some(f), Some(l)) = (&stats.quarantined_first, &stats.quarantined_last) {
        printer.line(&format!(
            "quarantined first {} ({} ago), last {} ({} ago)",
            f.time,
            age(f.age_seconds),
            l.time,
            age(l.age_seconds)
        ))?;
    }
    if stats.redriven_not_dead > 0 {
        printer.line(&format!(
            "not counted: {} redriven record(s) (only evtctl-redrive-* headers: not dead letters)",
            stats.redriven_not_dead
        ))?;
    }
    if stats.total == 0 {
        return printer.flush();
    }
    let counts = |v: &[Count]| {
        v.iter()
            .map(|c| vec![escape_line(&c.key).into_owned(), c.count.to_string()])
            .collect()
    };
    printer.line(&format!(
        "\n{}",
        table(&["ORIGIN TOPIC", "RECORDS"], counts(&stats.by_origin_topic))
    ))?;
    printer.line(&format!("\n{}", error_table(&stats.by_error, None)))?;
    printer.line(&format!(
        "\n{}",
        table(&["CONVENTION", "RECORDS"], counts(&stats.by_convention))
    ))?;
    printer.line(&format!(
        "\n{}",
        table(&["REDRIVES", "RECORDS"], counts(&stats.redrives))
    ))?;
    printer.flush()
}

/// The errors table: every sample on a line of its own (the rows after a group's first leave
/// the other columns empty), and the class names shortened from the left to fit `width` (the
/// terminal's, when None), so the simple name, the part that matters, stays whole.
fn error_table(groups: &[ErrorGroup], width: Option<u16>) -> String {
    let headers = ["ERROR CLASS", "MESSAGE (FINGERPRINT)", "RECORDS", "SAMPLE"];
    let mut t = crate::output::table::new(&headers);
    if let Some(w) = width {
        t.set_width(w);
    }
    // Room for the class: what its packages' initials need, within two fifths of the width.
    let class_room = t.width().map(|w| {
        let wanted = groups
            .iter()
            .map(|g| short_class(&escape_line(&g.error_class), 0).chars().count())
            .max()
            .unwrap_or(0);
        wanted.clamp(headers[0].len(), (w as usize * 2 / 5).max(headers[0].len()))
    });
    for g in groups {
        let class = escape_line(&g.error_class);
        let class = match class_room {
            Some(room) => short_class(&class, room),
            None => class.into_owned(),
        };
        let mut samples = g
            .samples
            .iter()
            .map(|s| format!("{}/{}@{}: {}", s.topic, s.partition, s.offset, s.value));
        t.add_row(vec![
            class,
            escape_line(&g.fingerprint).into_owned(),
            g.count.to_string(),
            escape_line(&samples.next().unwrap_or_default()).into_owned(),
        ]);
        for s in samples {
            t.add_row(vec![
                String::new(),
                String::new(),
                String::new(),
                escape_line(&s).into_owned(),
            ]);
        }
    }
    if class_room.is_some() {
        if let Some(c) = t.column_mut(0) {
            c.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
    }
    crate::output::table::right_align(&mut t, &[2]);
    crate::output::table::render(&mut t)
}

/// A Java class name in at most `max` characters, shortened from the left: packages to their
/// initials, the first first (`o.s.k.l.ListenerExecutionFailedException`, as logback does), then
/// the front of what is left cut with `…`. `max` 0: every package abbreviated.
fn short_class(name: &str, max: usize) -> String {
    let len = |s: &str| s.chars().count();
    if max > 0 && len(name) <= max {
        return name.to_string();
    }
    let parts: Vec<&str> = name.split('.').collect();
    let mut out = name.to_string();
    for i in 1..parts.len() {
        let initials: Vec<String> = parts[..i]
            .iter()
            .map(|p| p.chars().next().map(String::from).unwrap_or_default())
            .collect();
        out = format!("{}.{}", initials.join("."), parts[i..].join("."));
        if max > 0 && len(&out) <= max {
            return out;
        }
    }
    if max == 0 || len(&out) <= max {
        return out;
    }
    let keep: Vec<char> = out.chars().rev().take(max.saturating_sub(1)).collect();
    std::iter::once('…').chain(keep.into_iter().rev()).collect()
}

pub fn stats(
    a: &DlqStatsArgs,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let selector = crate::pattern::TopicSelector::parse(&a.topics, a.topics_regex.as_deref())?;
    let topics = selector.resolve(&crate::kafka::admin::Admin::connect(settings)?, false)?;
    let mut rd = reader::bounded(
        settings,
        &topics,
        &[],
        a.from.as_deref(),
        a.until.as_deref(),
    )?;
    let custom = crate::dlq::conventions(settings)?;
    let mut tally = Tally::new(a.samples);
    // Samples show Avro, Protobuf and framed values decoded where the registry can.
    let reg = crate::registry::view::display_registry(settings);
    let decoder = reg.as_ref().and_then(|r| {
        crate::registry::view::Decoder::new(r, None, None)
            .ok()
            .flatten()
    });
    let end = rd.run(cancel, |ev| {
        if let Event::Record(r) = ev {
            let origin = decode(r.headers, &custom);
            if is_redriven_only(&origin, r.headers) {
                tally.skip_redriven();
                return Ok(Flow::Continue);
            }
            let quarantined_at = r
                .headers
                .iter()
                .rev()
                .find(|(n, _)| *n == QUARANTINE_AT)
                .and_then(|(_, v)| std::str::from_utf8((*v)?).ok())
                .and_then(|s| parse_rfc3339_millis(s).ok());
            let decoded = tally
                .wants_sample(&origin)
                .then(|| crate::registry::view::value_text(decoder.as_ref(), &r))
                .flatten();
            tally.add(
                &origin,
                (r.topic, r.partition, r.offset),
                (r.timestamp, quarantined_at),
                decoded.as_deref().map(str::as_bytes).or(r.value),
            );
        }
        Ok(Flow::Continue)
    })?;
    let stats = tally.finish();
    print(&stats, &topics, printer)?;
    if end == ReadEnd::Cancelled {
        return Err(Interrupted.into());
    }
    if let Some(n) = a.fail_above {
        if stats.total > n {
            return Err(ProblemsFound(format!(
                "{} dead-lettered record(s), more than {n}",
                stats.total
            ))
            .into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_groups_and_orders() {
        let mut t = Tally::new(1);
        let h1: Vec<(&str, Option<&[u8]>)> = vec![
            ("__connect.errors.topic", Some(b"orders")),
            (
                "__connect.errors.exception.class.name",
                Some(b"org.x.DataException"),
            ),
            (
                "__connect.errors.exception.message",
                Some(b"bad field 42 at offset 7"),
            ),
        ];
        let h2: Vec<(&str, Option<&[u8]>)> = vec![
            ("__connect.errors.topic", Some(b"orders")),
            (
                "__connect.errors.exception.class.name",
                Some(b"org.x.DataException"),
            ),
            (
                "__connect.errors.exception.message",
                Some(b"bad field 43 at offset 9"),
            ),
        ];
        t.add(
            &decode(&h1, &[]),
            ("dlq", 0, 0),
            (Some(1000), None),
            Some(b"{\"a\":1}"),
        );
        t.add(
            &decode(&h2, &[]),
            ("dlq", 0, 1),
            (Some(3000), Some(9000)),
            Some(b"x"),
        );
        t.add(
            &decode(&[], &[]),
            ("dlq", 1, 0),
            (Some(2000), Some(8000)),
            None,
        );
        let s = t.finish();
        assert_eq!(s.total, 3);
        assert_eq!(s.oldest.unwrap().timestamp, 1000);
        assert_eq!(s.newest.unwrap().timestamp, 3000);
        assert_eq!(s.quarantined_first.unwrap().timestamp, 8000);
        assert_eq!(s.quarantined_last.unwrap().timestamp, 9000);
        assert_eq!(s.by_origin_topic[0].key, "orders");
        assert_eq!(s.by_origin_topic[0].count, 2);
        assert_eq!(
            s.by_error[0].count, 2,
            "numbers in messages do not split a group"
        );
        assert_eq!(s.by_error[0].samples.len(), 1);
        assert_eq!(
            s.by_convention
                .iter()
                .find(|c| c.key == "(none)")
                .unwrap()
                .count,
            1
        );
    }

    #[test]
    fn class_names_are_shortened_from_the_left() {
        let spring = "org.springframework.kafka.listener.ListenerExecutionFailedException";
        let npe = "java.lang.NullPointerException";
        assert_eq!(short_class(npe, 40), npe);
        assert_eq!(short_class(npe, 26), "j.l.NullPointerException");
        assert_eq!(short_class(npe, 28), "j.lang.NullPointerException");
        assert_eq!(
            short_class(spring, 0),
            "o.s.k.l.ListenerExecutionFailedException"
        );
        assert_eq!(
            short_class(spring, 50),
            "o.s.k.listener.ListenerExecutionFailedException"
        );
        assert_eq!(short_class(spring, 20), "…tionFailedException");
        assert_eq!(short_class("(unknown)", 4), "…wn)");
    }

    /// A snapshot of the errors table at 80 columns: class names keep their simple name, every
    /// sample is shown.
    #[test]
    fn the_errors_table_at_80_columns() {
        let sample = |offset: i64, value: &str| Sample {
            topic: "orders.DLT".into(),
            partition: 0,
            offset,
            value: value.into(),
        };
        let groups = vec![
            ErrorGroup {
                error_class: "java.lang.NullPointerException".into(),
                fingerprint: "Cannot invoke \"String.length()\" because \"<str>\" is null".into(),
                count: 12,
                samples: vec![
                    sample(4, r#"{"orderId":"o-17"}"#),
                    sample(9, r#"{"orderId":"o-23"}"#),
                ],
            },
            ErrorGroup {
                error_class: "org.springframework.kafka.listener.ListenerExecutionFailedException"
                    .into(),
                fingerprint: "Listener failed".into(),
                count: 3,
                samples: vec![sample(2, "x")],
            },
        ];
        let text = error_table(&groups, Some(80));
        let expected = [
            " ERROR CLASS                       MESSAGE            RECORDS  SAMPLE",
            "                                   (FINGERPRINT)",
            " java.lang.NullPointerException    Cannot invoke…          12  orders.DLT/0@4:…",
            "                                                               orders.DLT/0@9:…",
            " …istenerExecutionFailedException  Listener failed          3  orders.DLT/0@2:…",
        ]
        .join("\n");
        assert_eq!(text, expected, "\n{text}");
        for l in text.lines() {
            assert!(l.chars().count() <= 80, "{l:?}");
        }
    }

    #[test]
    fn a_redriven_record_is_a_dead_letter_only_when_a_convention_marks_it() {
        let redriven: Vec<(&str, Option<&[u8]>)> = vec![
            ("traceparent", Some(b"00-ab-01")),
            ("evtctl-redrive-origin", Some(b"orders-dlt/0/7")),
            ("evtctl-redrive-count", Some(b"1")),
            ("evtctl-redrive-at", Some(b"2026-11-29T10:00:00Z")),
        ];
        assert!(is_redriven_only(&decode(&redriven, &[]), &redriven));
        // Only a count (an older redrive) is still only a redrive.
        let count_only = &redriven[2..3];
        assert!(is_redriven_only(&decode(count_only, &[]), count_only));
        // Dead-lettered again after the redrive: a dead letter.
        let mut again = redriven.clone();
        again.push(("kafka_dlt-original-topic", Some(b"orders")));
        assert!(!is_redriven_only(&decode(&again, &[]), &again));
        // A plain record in a DLQ without any convention's headers is still counted.
        let plain: Vec<(&str, Option<&[u8]>)> = vec![("traceparent", Some(b"00-ab-01"))];
        assert!(!is_redriven_only(&decode(&plain, &[]), &plain));
    }
}
