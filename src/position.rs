//! The position grammar shared by tail, validate and replay: where to start, where to stop.
//! Pure parsing; resolving against the cluster happens in `kafka::reader`.

use crate::error::usage;
use crate::record::parse_rfc3339_millis;
use anyhow::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Beginning,
    End,
    /// An absolute offset.
    Offset(i64),
    /// The last N records of each partition.
    Last(i64),
    /// The first record at or after this time (Unix ms).
    Time(i64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The end offsets captured when the command starts.
    End,
    /// Before this offset (exclusive).
    Offset(i64),
    /// Before this time (Unix ms).
    Time(i64),
}

/// A default start and per-partition overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartSpec {
    pub default: Option<Start>,
    pub partitions: Vec<(i32, Start)>,
}

impl StartSpec {
    pub fn for_partition(&self, p: i32) -> Option<Start> {
        self.partitions
            .iter()
            .find(|(q, _)| *q == p)
            .map(|(_, s)| *s)
            .or(self.default)
    }
}

/// kcat's `s@MS` (start) and `e@MS` (end): a time in Unix milliseconds. `Some(Err)` for the
/// other side's prefix or a bad number.
fn kcat_time(s: &str, own: &str, flag: &str) -> Option<Result<i64>> {
    let (prefix, ms) = s.split_at_checked(2)?;
    if !matches!(prefix, "s@" | "e@") {
        return None;
    }
    if prefix != own {
        let other = if own == "s@" { "--until" } else { "--from" };
        return Some(Err(usage(format!(
            "{flag} `{s}`: {prefix} is kcat's {} time: give it to {other}, or write {own}{ms} here",
            if prefix == "s@" { "start" } else { "end" }
        ))));
    }
    Some(ms.parse::<i64>().ok().filter(|t| *t >= 0).ok_or_else(|| {
        usage(format!(
            "{flag} `{s}`: expected {own} and a time in Unix milliseconds, e.g. {own}1796403866600"
        ))
    }))
}

/// `2026-11-22`: that day's midnight, UTC.
fn date_alone(s: &str) -> Option<Result<i64>> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    Some(
        time::Date::parse(s, &fmt)
            .map(|d| (d.midnight().assume_utc().unix_timestamp_nanos() / 1_000_000) as i64)
            .map_err(|e| usage(format!("`{s}` is not a date like 2026-11-22: {e}"))),
    )
}

fn time_or_ago(s: &str, now_ms: i64) -> Option<Result<i64>> {
    if let Some(t) = date_alone(s) {
        return Some(t);
    }
    if s.contains('T') && s.contains('-') {
        return Some(parse_rfc3339_millis(s));
    }
    if s.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(
            humantime::parse_duration(s)
                .map_err(|e| usage(format!("`{s}` is not a duration like 15m, 2h, 3d: {e}")))
                .and_then(|d| {
                    // Far enough back to wrap, or to reach before 1970, is a mistake: say so
                    // rather than silently matching nothing.
                    i64::try_from(d.as_millis())
                        .ok()
                        .and_then(|ago| now_ms.checked_sub(ago))
                        .filter(|t| *t >= 0)
                        .ok_or_else(|| usage(format!("`{s}` ago is before 1970")))
                }),
        );
    }
    None
}

fn parse_one_start(s: &str, now_ms: i64) -> Result<Start> {
    let s = s.trim();
    Ok(match s {
        "beginning" | "earliest" | "oldest" => Start::Beginning,
        "end" | "latest" | "newest" => Start::End,
        "now" => Start::Time(now_ms),
        _ => {
            if let Some(n) = s.strip_prefix('-').and_then(|n| n.parse::<i64>().ok()) {
                Start::Last(n)
            } else if let Ok(n) = s.parse::<i64>() {
                Start::Offset(n)
            } else if let Some(t) = kcat_time(s, "s@", "--from") {
                Start::Time(t?)
            } else if let Some(t) = time_or_ago(s, now_ms) {
                Start::Time(t?)
            } else {
                return Err(usage(format!(
                    "--from `{s}`: expected beginning, end, an offset, -N, an RFC 3339 time, a date, s@MS (Unix milliseconds) or a duration like 15m"
                )));
            }
        }
    })
}

/// Parse `--from`: `POS` or `P=POS,P=POS` (mixed: a bare POS is the default for the rest).
pub fn parse_start(s: &str, now_ms: i64) -> Result<StartSpec> {
    parse_start_inner(s, now_ms).map_err(|e| {
        let msg = e.to_string();
        if msg.starts_with("--from") {
            e
        } else {
            usage(format!("--from `{s}`: {msg}"))
        }
    })
}

fn parse_start_inner(s: &str, now_ms: i64) -> Result<StartSpec> {
    let mut spec = StartSpec {
        default: None,
        partitions: Vec::new(),
    };
    for item in s.split(',') {
        match item.split_once('=') {
            Some((p, pos)) => {
                let p: i32 = p.trim().parse().map_err(|_| {
                    usage(format!("--from `{item}`: `{p}` is not a partition number"))
                })?;
                spec.partitions.push((p, parse_one_start(pos, now_ms)?));
            }
            None => spec.default = Some(parse_one_start(item, now_ms)?),
        }
    }
    Ok(spec)
}

/// Parse `--until`.
pub fn parse_stop(s: &str, now_ms: i64) -> Result<Stop> {
    parse_stop_inner(s, now_ms).map_err(|e| {
        let msg = e.to_string();
        if msg.starts_with("--until") {
            e
        } else {
            usage(format!("--until `{s}`: {msg}"))
        }
    })
}

fn parse_stop_inner(s: &str, now_ms: i64) -> Result<Stop> {
    let s = s.trim();
    Ok(match s {
        "end" => Stop::End,
        "now" => Stop::Time(now_ms),
        _ => {
            if let Ok(n) = s.parse::<i64>() {
                if n < 0 {
                    return Err(usage(format!(
                        "--until `{s}`: an offset cannot be negative"
                    )));
                }
                Stop::Offset(n)
            } else if let Some(t) = kcat_time(s, "e@", "--until") {
                Stop::Time(t?)
            } else if let Some(t) = time_or_ago(s, now_ms) {
                Stop::Time(t?)
            } else {
                return Err(usage(format!(
                    "--until `{s}`: expected end, an offset, an RFC 3339 time, a date, e@MS (Unix milliseconds) or a duration like 15m"
                )));
            }
        }
    })
}

/// Refuse a range that cannot hold a record: a stop at or before the start, when both are
/// times or both are offsets (`--from 1d --until 2d` is reversed: 2d ago is earlier).
pub fn check_range(start: &StartSpec, stop: Option<Stop>) -> Result<()> {
    let Some(stop) = stop else { return Ok(()) };
    let starts = start
        .default
        .iter()
        .map(|s| (None, *s))
        .chain(start.partitions.iter().map(|(p, s)| (Some(*p), *s)));
    for (p, s) in starts {
        let at = p.map_or(String::new(), |p| format!(" (partition {p})"));
        match (s, stop) {
            (Start::Time(a), Stop::Time(b)) if a >= b => {
                return Err(usage(format!(
                    "--from{at} is {} and --until is {}: the range is empty (--until must be later)",
                    crate::record::format_millis(a),
                    crate::record::format_millis(b)
                )))
            }
            (Start::Offset(a), Stop::Offset(b)) if a >= b => {
                return Err(usage(format!(
                    "--from{at} is offset {a} and --until offset {b}: the range is empty (--until is exclusive and must be larger)"
                )))
            }
            _ => {}
        }
    }
    Ok(())
}

pub fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    const NOW: i64 = 1_800_000_000_000;

    #[test]
    fn starts() {
        let one = |s| parse_start(s, NOW).unwrap().default.unwrap();
        assert_eq!(one("beginning"), Start::Beginning);
        assert_eq!(one("end"), Start::End);
        assert_eq!(one("42"), Start::Offset(42));
        assert_eq!(one("-10"), Start::Last(10));
        assert_eq!(one("15m"), Start::Time(NOW - 15 * 60_000));
        assert_eq!(one("3d"), Start::Time(NOW - 3 * 86_400_000));
        assert_eq!(one("2026-01-01T00:00:00Z"), Start::Time(1_767_225_600_000));
        assert!(parse_start("yesterday-ish", NOW).is_err());
    }

    #[test]
    fn kcats_time_forms_and_a_date_alone() {
        let one = |s| parse_start(s, NOW).unwrap().default.unwrap();
        assert_eq!(one("s@1796403866600"), Start::Time(1_796_403_866_600));
        assert_eq!(
            parse_stop("e@1796403866600", NOW).unwrap(),
            Stop::Time(1_796_403_866_600)
        );
        assert_eq!(one("2026-11-22"), Start::Time(1_795_305_600_000));
        assert_eq!(
            parse_stop("2026-11-22", NOW).unwrap(),
            Stop::Time(1_795_305_600_000)
        );
        assert_eq!(
            parse_start("0=s@5,1=2026-01-01", NOW).unwrap().partitions,
            [(0, Start::Time(5)), (1, Start::Time(1_767_225_600_000))]
        );
        // The other side's prefix, a bad number, a date that is not one: each said.
        let e = parse_start("e@1796403866600", NOW).unwrap_err().to_string();
        assert!(e.contains("--until"), "{e}");
        let e = parse_stop("s@1796403866600", NOW).unwrap_err().to_string();
        assert!(e.contains("--from"), "{e}");
        assert!(parse_start("s@soon", NOW).is_err());
        assert!(parse_start("s@-5", NOW).is_err());
        let e = parse_start("2026-02-30", NOW).unwrap_err().to_string();
        assert!(e.contains("not a date"), "{e}");
    }

    #[test]
    fn per_partition_starts() {
        let s = parse_start("0=100,2=beginning,end", NOW).unwrap();
        assert_eq!(s.for_partition(0), Some(Start::Offset(100)));
        assert_eq!(s.for_partition(2), Some(Start::Beginning));
        assert_eq!(s.for_partition(1), Some(Start::End));
        let err = parse_start("x=1", NOW).unwrap_err().to_string();
        assert!(err.contains("not a partition number"), "{err}");
    }

    #[test]
    fn empty_reversed_and_overflowing_ranges_are_refused() {
        let r = |f: &str, u: &str| {
            check_range(
                &parse_start(f, NOW).unwrap(),
                Some(parse_stop(u, NOW).unwrap()),
            )
        };
        let e = r("1d", "2d").unwrap_err().to_string();
        assert!(e.contains("the range is empty"), "{e}");
        assert!(r("2d", "1d").is_ok());
        assert!(r("5", "5").is_err());
        assert!(r("0=9,1", "5")
            .unwrap_err()
            .to_string()
            .contains("partition 0"));
        assert!(r("5", "1h").is_ok(), "offset and time: not comparable here");
        let e = parse_start("600000000000d", NOW).unwrap_err().to_string();
        assert!(e.contains("before 1970"), "{e}");
        assert!(parse_stop("600000000000d", NOW).is_err());
        assert!(parse_start("10000d", NOW).is_ok());
    }

    #[test]
    fn stops() {
        assert_eq!(parse_stop("end", NOW).unwrap(), Stop::End);
        assert_eq!(parse_stop("500", NOW).unwrap(), Stop::Offset(500));
        assert_eq!(parse_stop("1h", NOW).unwrap(), Stop::Time(NOW - 3_600_000));
        assert!(parse_stop("-5", NOW).is_err());
        assert!(parse_stop("soon", NOW).is_err());
    }
}
