//! `evtctl dlq drain`: export a DLQ to a file, durably, then commit.
//!
//! Order of operations, per batch: append envelope lines, flush, fsync, and only then commit the
//! positions in the group. A rerun starts after both the group's position and the last record
//! the file already holds for each partition, so a crash between the fsync and the commit does
//! not export a record twice, and a crash before the fsync does not skip one.
//!
//! Each commit carries the file's identity as it was committed: its length and a CRC-32 of
//! those bytes (a running checksum, kept as lines are written). A rerun checks the committed
//! part of the file against it, so lines cut or edited anywhere in it are seen, not only a
//! shorter file.

use crate::cli::DlqDrainArgs;
use crate::config::Settings;
use crate::error::{usage, Interrupted};
use crate::kafka::admin::Admin;
use crate::kafka::reader::{self, Committer, Event, Flow, ReadEnd, Reader};
use crate::output::sanitize::escape_line;
use crate::output::Printer;
use crate::position::{Start, StartSpec, Stop};
use anyhow::{Context, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

/// The longest line a file drain wrote can hold: a record of 64 MiB (far above what brokers
/// accept by default), base64-encoded, with room for its headers.
const MAX_LINE: u64 = 96 << 20;

/// Records between syncs, at most (a sync also happens whenever the topic goes quiet).
const SYNC_EVERY: u64 = 50_000;

#[derive(serde::Deserialize)]
struct Position {
    topic: Option<String>,
    partition: Option<i32>,
    offset: Option<i64>,
}

/// What a file already holds of a topic.
#[derive(Debug, Default)]
pub struct Held {
    /// Per partition, one past the last offset the file holds.
    pub next: BTreeMap<i32, i64>,
    /// The file's length up to its last whole line (a torn last line left out).
    pub len: u64,
    /// A file that does not exist is a new one (moved away on purpose), not a damaged one.
    pub exists: bool,
    /// Its last line was torn: the line number of that line; `len` ends before it. The file is
    /// not cut here (see [`cut_torn`]): a file drain then refuses keeps every byte.
    pub torn: bool,
    pub torn_line: u64,
    /// The running checksum of the whole (good) file, to go on with as lines are appended.
    pub crc: crc32fast::Hasher,
    /// The checksum of the file's first N bytes, for each N asked for that ends a line.
    pub crc_at: BTreeMap<u64, u32>,
}

/// `path` opened to read, or None when it does not exist; a device or a pipe (/dev/zero, a
/// FIFO) is no export file, and reading it could not end.
fn open_regular(path: &Path) -> Result<Option<File>> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(usage(format!("{}: {e}", path.display()))),
    };
    let meta = file
        .metadata()
        .with_context(|| format!("reading {}", path.display()))?;
    if !meta.is_file() {
        return Err(usage(format!(
            "{}: not a regular file (drain appends to a file it can read back)",
            path.display()
        )));
    }
    Ok(Some(file))
}

/// What a file already holds of `topic`, and the checksums of its first N bytes for each N in
/// `check_at` (the lengths earlier commits recorded). A torn last line (a write cut short
/// before it was synced, or damage from outside) is left out, and left in the file until
/// [`cut_torn`]. Reads the whole file once.
pub fn held(path: &Path, topic: &str, check_at: &BTreeSet<u64>) -> Result<Held> {
    let mut held = Held::default();
    let Some(file) = open_regular(path)? else {
        return Ok(held);
    };
    let mut rd = BufReader::with_capacity(256 * 1024, file);
    let mut line = Vec::new();
    let mut good_end = 0u64;
    let mut line_no = 0u64;
    loop {
        line.clear();
        let n = (&mut rd)
            .take(MAX_LINE + 1)
            .read_until(b'\n', &mut line)
            .with_context(|| format!("reading {}", path.display()))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        if n as u64 > MAX_LINE {
            return Err(usage(format!(
                "{}:{line_no}: a line longer than {} MiB; drain appends only to files it wrote",
                path.display(),
                MAX_LINE >> 20
            )));
        }
        if line.last() != Some(&b'\n') {
            held.torn = true;
            held.torn_line = line_no;
            break;
        }
        good_end += n as u64;
        held.crc.update(&line);
        if check_at.contains(&good_end) {
            held.crc_at.insert(good_end, held.crc.clone().finalize());
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let pos: Position = serde_json::from_slice(&line).map_err(|e| {
            usage(format!(
                "{}:{line_no}: not a record envelope ({e}); drain appends only to files it wrote",
                path.display()
            ))
        })?;
        if let (Some(t), Some(p), Some(o)) = (pos.topic, pos.partition, pos.offset) {
            if t == topic {
                let next = held.next.entry(p).or_insert(0);
                *next = (*next).max(o + 1);
            }
        }
    }
    held.len = good_end;
    held.exists = true;
    Ok(held)
}

/// Cut off the torn last line [`held`] found, once drain has accepted the file (never before
/// a check that may refuse it: a file to restore keeps every byte).
pub fn cut_torn(path: &Path, held: &Held) -> Result<()> {
    if !held.torn {
        return Ok(());
    }
    let f = OpenOptions::new()
        .write(true)
        .open(path)
        .with_context(|| format!("opening {}", path.display()))?;
    f.set_len(held.len)
        .with_context(|| format!("truncating {}", path.display()))?;
    f.sync_all()?;
    crate::ewriteln!(
        "evtctl: {}:{}: removed an incomplete last line (a write cut short, or damage)",
        escape_line(&path.display().to_string()),
        held.torn_line
    );
    Ok(())
}

/// The metadata committed beside each position: the file's length once synced, the CRC-32 of
/// those bytes, and which file (a hash of its path), so a rerun can tell that the file lost or
/// changed lines it had committed.
fn file_stamp(path: &Path, len: u64, crc: u32) -> String {
    format!("evtctl-drain2:{len}:{crc:08x}:{:08x}", path_hash(path))
}

/// What a commit says of the file it was made for: its length then, and (from evtctl-drain2
/// on) the checksum of those bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Stamp {
    len: u64,
    crc: Option<u32>,
}

fn path_hash(path: &Path) -> u32 {
    let p = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    // FNV-1a: stable across versions and platforms.
    let mut h: u32 = 0x811c_9dc5;
    for b in p.as_os_str().as_encoded_bytes() {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// What `FILE` was when a position was committed, if that commit was made for this file.
fn stamped(metadata: &str, path: &Path) -> Option<Stamp> {
    let (len, crc, hash) = if let Some(rest) = metadata.strip_prefix("evtctl-drain2:") {
        let mut parts = rest.splitn(3, ':');
        let (len, crc, hash) = (parts.next()?, parts.next()?, parts.next()?);
        (len, Some(u32::from_str_radix(crc, 16).ok()?), hash)
    } else {
        // Written by evtctl before the checksum: the length alone.
        let (len, hash) = metadata.strip_prefix("evtctl-drain1:")?.split_once(':')?;
        (len, None, hash)
    };
    (u32::from_str_radix(hash, 16).ok()? == path_hash(path)).then_some(())?;
    Some(Stamp {
        len: len.parse().ok()?,
        crc,
    })
}

/// The lengths whose checksums a rerun must compare (see [`held`]).
fn stamped_lengths(
    path: &Path,
    committed: &BTreeMap<(String, i32), (i64, String)>,
) -> BTreeSet<u64> {
    committed
        .values()
        .filter_map(|(_, meta)| stamped(meta, path))
        .filter(|s| s.crc.is_some())
        .map(|s| s.len)
        .collect()
}

/// The committed part of the file changed: lines were cut from inside it or edited. Which
/// records went missing cannot be told, so drain reads nothing and commits nothing.
fn changed(path: &Path, t: &str, p: i32, o: i64, len: u64, how: &str) -> anyhow::Error {
    usage(format!(
        "{} changed since the group committed {}/{p} at offset {o} ({how} of the {len} bytes it \
         had then): lines were removed or edited, so evtctl cannot tell which records the file \
         lost: restore the file, or move it away to drain into a new file from the group's \
         position",
        escape_line(&path.display().to_string()),
        escape_line(t)
    ))
}

/// Where to start each partition: after both the group's position and what the file holds —
/// unless the file is shorter than when a partition was committed (lines it had were lost):
/// then the file is the source of truth, and that partition is read again from what it holds.
/// A file whose committed bytes no longer match their checksum (lines cut from inside it,
/// lines edited) is an error, and so is a shorter file that still holds the last committed
/// record of every partition (the lost lines were not at its end).
fn starts(
    path: &Path,
    topic: &str,
    held: &Held,
    committed: &BTreeMap<(String, i32), (i64, String)>,
) -> Result<BTreeMap<(String, i32), i64>> {
    let mut starts = BTreeMap::new();
    let mut shorter = None;
    let mut tail_lost = false;
    for ((t, p), (o, meta)) in committed {
        let file_next = held.next.get(p).copied();
        let stamp = stamped(meta, path).filter(|_| held.exists);
        if let Some(Stamp {
            len,
            crc: Some(crc),
        }) = stamp
        {
            if held.len >= len && held.crc_at.get(&len) != Some(&crc) {
                let how = if held.crc_at.contains_key(&len) {
                    "the checksum no longer matches"
                } else {
                    "a line no longer ends where the committed part ended"
                };
                return Err(changed(path, t, *p, *o, len, how));
            }
        }
        // Lines were lost after the commit when the file is shorter than it was then; where the
        // broker kept no length (some drop commit metadata), a torn last line is the evidence.
        let lost = held.exists
            && match stamp {
                Some(was) => held.len < was.len,
                None => held.torn && meta.is_empty(),
            };
        if lost && stamp.is_some() {
            shorter.get_or_insert((t.clone(), *p, *o, stamp.map_or(0, |s| s.len)));
            tail_lost |= file_next.is_none_or(|f| f < *o);
        }
        let start = match (lost, file_next) {
            (false, f) => f.map_or(*o, |f| f.max(*o)),
            (true, Some(f)) => {
                if f < *o {
                    crate::ewriteln!(
                        "evtctl: {} is shorter than when {t}/{p} was committed at offset {o}: reading {t}/{p} again from offset {f}, after the last record the file holds",
                        path.display()
                    );
                }
                f
            }
            (true, None) if held.torn && meta.is_empty() => *o,
            (true, None) => {
                return Err(usage(format!(
                    "{} lost the lines it held of {t}/{p} (it is shorter than when the group committed offset {o}), \
                     so evtctl cannot tell where to read that partition again from: restore the file, or drain to a new file \
                     with a new --group",
                    path.display()
                )))
            }
        };
        starts.insert((t.clone(), *p), start);
    }
    // A file cut at its end lost the last record of the partition written last; one that kept
    // every partition's last committed record lost lines from inside.
    if let (Some((t, p, o, len)), false) = (shorter, tail_lost) {
        return Err(changed(
            path,
            &t,
            p,
            o,
            len,
            "shorter, yet it still ends with every partition's last committed record",
        ));
    }
    for (&p, &f) in &held.next {
        starts.entry((topic.to_string(), p)).or_insert(f);
    }
    Ok(starts)
}

#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    pub kind: &'static str,
    pub topic: String,
    pub file: String,
    pub group: String,
    pub records: u64,
    pub bytes: u64,
    /// Every record up to the end captured at start was drained.
    pub complete: bool,
    pub seconds: f64,
}

struct Sink {
    out: BufWriter<File>,
    /// One past the last offset written, per partition.
    next: BTreeMap<i32, i64>,
    unsynced: u64,
    /// The file's length and checksum with every line written so far.
    len: u64,
    crc: crc32fast::Hasher,
}

impl Sink {
    fn write_line(&mut self, line: &[u8]) -> std::io::Result<()> {
        self.out.write_all(line)?;
        self.len += line.len() as u64;
        self.crc.update(line);
        Ok(())
    }

    /// Make what was written durable, then commit it with the file's length and checksum.
    fn sync_and_commit(&mut self, topic: &str, file: &Path, committer: &Committer) -> Result<()> {
        if self.unsynced == 0 {
            return Ok(());
        }
        self.out
            .flush()
            .with_context(|| format!("writing {}", file.display()))?;
        self.out
            .get_ref()
            .sync_data()
            .with_context(|| format!("syncing {}", file.display()))?;
        self.unsynced = 0;
        let len = self
            .out
            .get_ref()
            .metadata()
            .with_context(|| format!("reading the length of {}", file.display()))?
            .len();
        // Someone else wrote to the file meanwhile: the checksum would not describe it.
        if len != self.len {
            return Err(usage(format!(
                "{} is {len} bytes, not the {} drain wrote: another process writes to it; nothing more is committed",
                file.display(),
                self.len
            )));
        }
        let positions: Vec<(String, i32, i64)> = self
            .next
            .iter()
            .map(|(&p, &o)| (topic.to_string(), p, o))
            .collect();
        committer.commit_with_metadata(
            &positions,
            &file_stamp(file, len, self.crc.clone().finalize()),
        )
    }
}

pub fn run(
    a: &DlqDrainArgs,
    settings: &Settings,
    printer: &mut Printer,
    cancel: &AtomicBool,
) -> Result<()> {
    let group = a
        .group
        .clone()
        .unwrap_or_else(|| format!("evtctl-drain.{}", a.topic));
    // A file that is no regular file is refused before any connection.
    open_regular(&a.to)?;
    let admin = Admin::connect(settings)?;
    let partitions = admin.partitions(&a.topic)?;
    let committed =
        reader::committed_with_metadata(settings, &group, &[(a.topic.clone(), partitions)])?;
    let held = held(&a.to, &a.topic, &stamped_lengths(&a.to, &committed))?;
    let starts = starts(&a.to, &a.topic, &held, &committed)?;
    cut_torn(&a.to, &held)?;
    let (ranges, _) = reader::resolve(
        &admin,
        std::slice::from_ref(&a.topic),
        &[],
        &StartSpec::default(),
        Start::Beginning,
        Some(Stop::End),
        Some(&starts),
    )?;
    drop(admin);
    let committer = Committer::new(settings, &group)?;
    let file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(&a.to)
        .map_err(|e| usage(format!("{}: {e}", a.to.display())))?;
    let mut sink = Sink {
        out: BufWriter::with_capacity(256 * 1024, file),
        next: BTreeMap::new(),
        unsynced: 0,
        len: held.len,
        crc: held.crc.clone(),
    };
    let total = reader::span(&ranges);
    let bar = crate::output::progress::bar(total, printer);
    let mut summary = Summary {
        kind: "drained",
        topic: a.topic.clone(),
        file: a.to.display().to_string(),
        group: group.clone(),
        ..Summary::default()
    };
    let started = Instant::now();
    let mut last_sync = Instant::now();
    let mut line = Vec::with_capacity(4096);
    let mut rd = Reader::open(settings, &ranges, None, None)?;
    let end = rd.run(cancel, |ev| {
        match ev {
            Event::Record(r) => {
                line.clear();
                r.write_json_line(&mut line);
                sink.write_line(&line)
                    .with_context(|| format!("writing {}", a.to.display()))?;
                sink.next.insert(r.partition, r.offset + 1);
                sink.unsynced += 1;
                summary.records += 1;
                summary.bytes += line.len() as u64;
                if let Some(b) = &bar {
                    b.inc(1);
                }
                if sink.unsynced >= SYNC_EVERY {
                    sink.sync_and_commit(&a.topic, &a.to, &committer)?;
                    last_sync = Instant::now();
                }
            }
            Event::Idle => {
                if last_sync.elapsed() >= Duration::from_millis(500) {
                    sink.sync_and_commit(&a.topic, &a.to, &committer)?;
                    last_sync = Instant::now();
                }
            }
        }
        Ok(Flow::Continue)
    });
    // Interrupted, failed or not, what was written is made durable and committed (if the
    // cluster is away the commit fails, and a rerun skips what FILE holds).
    let synced = sink.sync_and_commit(&a.topic, &a.to, &committer);
    // A failed read or commit still gets the summary of what was drained, then its error.
    let (end, failure) = match (end, synced) {
        (Ok(end), Ok(())) => (end, None),
        (Err(e), _) | (Ok(_), Err(e)) => (ReadEnd::Stopped, Some(e)),
    };
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    summary.complete = end == ReadEnd::Reached;
    summary.seconds = (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0;
    if printer.is_json() {
        printer.json(&summary)?;
    } else {
        printer.line(&format!(
            "drained {} record(s) ({}) from `{}` to {} in {:.2}s; group `{}` committed after fsync{}",
            summary.records,
            crate::cmd::publish::human_bytes(summary.bytes),
            summary.topic,
            summary.file,
            summary.seconds,
            summary.group,
            if summary.complete { "" } else { " (stopped early)" }
        ))?;
    }
    printer.flush()?;
    if end == ReadEnd::Cancelled {
        return Err(Interrupted.into());
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A commit made by an evtctl before the checksum: the length alone.
    fn stamp1(path: &Path, len: u64) -> String {
        format!("evtctl-drain1:{len}:{:08x}", path_hash(path))
    }

    #[test]
    fn held_reads_positions_and_cuts_a_torn_line() {
        let dir = std::env::temp_dir().join(format!("evtctl-drain-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("d.jsonl");
        std::fs::write(
            &f,
            concat!(
                r#"{"topic":"dlq","partition":0,"offset":4,"value":1}"#,
                "\n",
                r#"{"topic":"dlq","partition":1,"offset":9,"value":1}"#,
                "\n",
                r#"{"topic":"other","partition":0,"offset":99,"value":1}"#,
                "\n",
                r#"{"topic":"dlq","partition":0,"offset":5,"val"#
            ),
        )
        .unwrap();
        let whole = std::fs::read(&f).unwrap();
        let h = held(&f, "dlq", &BTreeSet::new()).unwrap();
        assert_eq!(h.next, BTreeMap::from([(0, 5), (1, 10)]));
        assert!(h.torn);
        assert_eq!(h.torn_line, 4);
        // Reading cuts nothing: a file drain goes on to refuse keeps every byte.
        assert_eq!(std::fs::read(&f).unwrap(), whole);
        cut_torn(&f, &h).unwrap();
        assert_eq!(h.len, std::fs::metadata(&f).unwrap().len());
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(text.ends_with("\"value\":1}\n"), "torn line cut: {text:?}");
        std::fs::write(&f, "not json\n").unwrap();
        let e = held(&f, "dlq", &BTreeSet::new()).unwrap_err().to_string();
        assert!(e.contains("d.jsonl:1:"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_shorter_than_at_its_commit_is_the_source_of_truth() {
        let f = std::env::temp_dir().join(format!("evtctl-drain-st-{}", std::process::id()));
        std::fs::write(&f, "").unwrap();
        let key = |p| ("dlq".to_string(), p);
        let held = Held {
            next: BTreeMap::from([(0, 5)]),
            len: 100,
            exists: true,
            torn: false,
            ..Held::default()
        };
        // Committed when the file was 100 bytes: nothing lost, continue after both.
        let c = BTreeMap::from([(key(0), (5, stamp1(&f, 100)))]);
        assert_eq!(starts(&f, "dlq", &held, &c).unwrap()[&key(0)], 5);
        // Committed at 7 when the file was 300 bytes: lines were lost; read again from 5.
        let c = BTreeMap::from([(key(0), (7, stamp1(&f, 300)))]);
        assert_eq!(starts(&f, "dlq", &held, &c).unwrap()[&key(0)], 5);
        // A commit made for another file (or by an older evtctl) says nothing about this one.
        let c = BTreeMap::from([(key(0), (7, stamp1(Path::new("/elsewhere"), 300)))]);
        assert_eq!(starts(&f, "dlq", &held, &c).unwrap()[&key(0)], 7);
        // A partition whose lines were all lost: no way to tell where to start, a clear error.
        let c = BTreeMap::from([(key(1), (7, stamp1(&f, 300)))]);
        let e = starts(&f, "dlq", &held, &c).unwrap_err().to_string();
        assert!(e.contains("dlq/1") && e.contains("cannot tell"), "{e}");
        // A broker that keeps no metadata: a torn last line is evidence enough.
        let torn = Held {
            torn: true,
            ..Held {
                next: BTreeMap::from([(0, 5)]),
                len: 100,
                exists: true,
                torn: false,
                ..Held::default()
            }
        };
        let c = BTreeMap::from([(key(0), (7, String::new()))]);
        assert_eq!(starts(&f, "dlq", &torn, &c).unwrap()[&key(0)], 5);
        assert_eq!(
            starts(&f, "dlq", &held, &c).unwrap()[&key(0)],
            7,
            "no evidence"
        );
        let c = BTreeMap::from([(key(1), (7, stamp1(&f, 300)))]);
        // A file moved away is a new file: continue from the group's position.
        let gone = Held::default();
        assert_eq!(starts(&f, "dlq", &gone, &c).unwrap()[&key(1)], 7);
        std::fs::remove_file(&f).unwrap();
    }

    /// 300 envelope lines, alternating partitions 0 and 1 (offsets 0..150 each).
    fn three_hundred_lines() -> Vec<String> {
        (0..300)
            .map(|i| {
                format!(
                    "{{\"topic\":\"dlq\",\"partition\":{},\"offset\":{},\"value\":{{\"n\":{i}}}}}\n",
                    i % 2,
                    i / 2
                )
            })
            .collect()
    }

    /// Where a rerun starts (or why it refuses) after the file, committed as `lines`, became
    /// `now`.
    fn rerun(lines: &[String], now: &[String]) -> Result<BTreeMap<(String, i32), i64>> {
        let f = std::env::temp_dir().join(format!(
            "evtctl-drain-crc-{}-{}",
            std::process::id(),
            now.len() * 7 + now.iter().map(String::len).sum::<usize>()
        ));
        let committed_text = lines.concat();
        let stamp = file_stamp(
            &f,
            committed_text.len() as u64,
            crc32fast::hash(committed_text.as_bytes()),
        );
        let committed = BTreeMap::from([
            (("dlq".to_string(), 0), (150, stamp.clone())),
            (("dlq".to_string(), 1), (150, stamp)),
        ]);
        std::fs::write(&f, now.concat()).unwrap();
        let h = held(&f, "dlq", &stamped_lengths(&f, &committed)).unwrap();
        let r = starts(&f, "dlq", &h, &committed);
        std::fs::remove_file(&f).unwrap();
        r
    }

    #[test]
    fn the_committed_part_of_the_file_is_checked_not_only_its_length() {
        let lines = three_hundred_lines();
        let key = |p| ("dlq".to_string(), p);
        // Intact: continue after what was committed.
        assert_eq!(rerun(&lines, &lines).unwrap()[&key(0)], 150);
        // Appended to after the commit (a crash before the commit): continue after the file.
        let mut more = lines.clone();
        more.push("{\"topic\":\"dlq\",\"partition\":0,\"offset\":150,\"value\":1}\n".into());
        assert_eq!(rerun(&lines, &more).unwrap()[&key(0)], 151);
        // Ten lines cut from the middle (290 of 300 left): refused, not "nothing to do".
        let cut: Vec<String> = [&lines[..100], &lines[110..]].concat();
        let e = rerun(&lines, &cut).unwrap_err().to_string();
        assert!(
            e.contains("changed since") && e.contains("cannot tell"),
            "{e}"
        );
        // The same, with new lines appended so the file is longer than at the commit.
        let longer: Vec<String> = [&cut[..], &lines[..20]].concat();
        assert!(rerun(&lines, &longer).is_err());
        // A line edited by hand, same length.
        let mut edited = lines.clone();
        edited[5] = edited[5].replace("\"n\":5}", "\"n\":7}");
        assert_eq!(edited[5].len(), lines[5].len());
        let e = rerun(&lines, &edited).unwrap_err().to_string();
        assert!(e.contains("checksum"), "{e}");
        // Cut at its end (a restore from an older copy, a truncation): read again from what
        // the file holds, as before.
        let tail = &lines[..280];
        let s = rerun(&lines, tail).unwrap();
        assert_eq!((s[&key(0)], s[&key(1)]), (140, 140));
    }
}
