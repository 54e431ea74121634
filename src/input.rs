//! Input lines (stdin or a file) read on a thread of their own, so a command waiting for input
//! still sees Ctrl-C at once: a read blocked on a terminal or a quiet pipe cannot be interrupted,
//! but a wait on a channel can.
//!
//! Chunks hold whole lines and are sent as soon as a read returns, so lines typed one at a time
//! arrive one at a time, and bulk input arrives in large chunks (one channel hop per read).

use anyhow::Result;
use std::io::{self, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::time::Duration;

/// Bytes asked of each read.
const READ: usize = 256 * 1024;

/// The longest input line accepted by default: 16 MiB, sixteen times what a Kafka broker
/// accepts in one record by default (`message.max.bytes`, about 1 MB), so an envelope of the
/// largest record a broker is commonly configured for (base64 and headers included) fits.
pub const DEFAULT_MAX_LINE: usize = 16 << 20;

static MAX_LINE: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(DEFAULT_MAX_LINE);

/// Set the longest line input readers accept (`--max-line-bytes`).
pub fn set_max_line(n: usize) {
    MAX_LINE.store(n.max(1), Ordering::Relaxed);
}

pub fn max_line() -> usize {
    MAX_LINE.load(Ordering::Relaxed)
}

/// The error a reader thread sends for a line over the limit (the line is skipped).
#[derive(Debug)]
struct LineTooLong;
impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "a line longer than {} bytes (--max-line-bytes)",
            max_line()
        )
    }
}
impl std::error::Error for LineTooLong {}
/// How often a wait for input checks for Ctrl-C and serves the caller's other work.
const TICK: Duration = Duration::from_millis(50);

/// What the next wait for input brought.
pub enum Next<C = Vec<u8>> {
    /// Whole lines, each ending in `\n` except perhaps the input's last.
    Chunk(C),
    /// The input ended.
    End,
    /// Ctrl-C: stop reading (lines read but not yet handed out are dropped).
    Cancelled,
    /// The next line was longer than `--max-line-bytes`: it was skipped, whole lines follow.
    TooLong,
}

/// Buffers a consumer is done with, handed back for the reader thread to fill again: a stream of
/// large reads then reuses a few buffers instead of allocating one per read on one thread and
/// freeing it on another (which the allocator returns to the system only after a delay, so the
/// peak memory grows with the read rate).
#[derive(Clone, Default)]
pub struct Spare(std::sync::Arc<std::sync::Mutex<Vec<Vec<u8>>>>);

impl Spare {
    /// Keep `buf` for a later read (a few at most, none much larger than a read).
    pub fn put(&self, mut buf: Vec<u8>) {
        if buf.capacity() > 2 * READ {
            return;
        }
        let mut spare = self.0.lock().expect("spare buffers");
        if spare.len() < 4 {
            buf.clear();
            spare.push(buf);
        }
    }

    fn take(&self) -> Vec<u8> {
        self.0
            .lock()
            .expect("spare buffers")
            .pop()
            .unwrap_or_default()
    }
}

/// Chunks of lines from a reader thread.
pub struct Chunks {
    rx: Receiver<io::Result<Vec<u8>>>,
}

impl Chunks {
    /// Read `r` on a new thread. The thread ends at the input's end, at a read error, or when
    /// the `Chunks` is dropped and its next chunk is ready; one blocked in a read when the
    /// command ends is left behind (the process is exiting).
    pub fn spawn(r: Box<dyn Read + Send>) -> Chunks {
        Chunks::spawn_reusing(r, Spare::default())
    }

    /// `spawn`, filling the buffers given back through `spare` where there are any.
    pub fn spawn_reusing(mut r: Box<dyn Read + Send>, spare: Spare) -> Chunks {
        // A few chunks ahead at most: memory stays bounded whatever the input's size.
        let (tx, rx) = sync_channel(4);
        let limit = max_line();
        std::thread::spawn(move || {
            let mut buf: Vec<u8> = Vec::new();
            // Inside a line over the limit: its bytes are dropped up to its end.
            let mut skipping = false;
            loop {
                if !skipping && buf.len() > limit {
                    // A partial line over the limit: report it, then drop it to its end.
                    if tx.send(Err(io::Error::other(LineTooLong))).is_err() {
                        return;
                    }
                    buf.clear();
                    skipping = true;
                }
                let len = buf.len();
                // A reused buffer is read into as far as it goes, so that it is not grown (and
                // its successors with it) for the few bytes of a partial line carried over.
                let room = match buf.capacity() - len {
                    room if room >= READ / 2 => room,
                    _ => READ,
                };
                buf.resize(len + room, 0);
                match r.read(&mut buf[len..]) {
                    Ok(0) => {
                        buf.truncate(len);
                        if buf.len() > limit && !skipping {
                            let _ = tx.send(Err(io::Error::other(LineTooLong)));
                        } else if !buf.is_empty() && !skipping {
                            let _ = tx.send(Ok(buf));
                        }
                        return;
                    }
                    Ok(n) => {
                        buf.truncate(len + n);
                        if skipping {
                            match buf.iter().position(|&b| b == b'\n') {
                                Some(i) => {
                                    buf.drain(..=i);
                                    skipping = false;
                                }
                                None => {
                                    buf.clear();
                                    continue;
                                }
                            }
                            if buf.is_empty() {
                                continue;
                            }
                        }
                        let len = len.min(buf.len());
                        // Hand out the whole lines; keep a partial last line for the next read.
                        if let Some(i) = buf[len..].iter().rposition(|&b| b == b'\n') {
                            let mut rest = spare.take();
                            rest.extend_from_slice(&buf[len + i + 1..]);
                            buf.truncate(len + i + 1);
                            if tx.send(Ok(buf)).is_err() {
                                return;
                            }
                            buf = rest;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => buf.truncate(len),
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                }
            }
        });
        Chunks { rx }
    }

    /// Input that is already in memory (an event given on the command line).
    pub fn ready(bytes: Vec<u8>) -> Chunks {
        let (tx, rx) = sync_channel(1);
        tx.send(Ok(bytes)).expect("the receiver is here");
        Chunks { rx }
    }

    /// Wait for the next chunk. While waiting, check `cancel` and call `idle` every 50 ms (to
    /// serve delivery reports, flush output, …).
    pub fn next(&self, cancel: &AtomicBool, idle: impl FnMut() -> Result<()>) -> Result<Next> {
        wait(&self.rx, cancel, idle)
    }

    /// The same chunks, each with `look(chunk, first)` taken on a thread of `scope`, up to two
    /// chunks ahead of the caller (`first`: nothing came before this chunk). Work on a line
    /// that does not depend on the lines before it moves off the caller's thread this way.
    /// The thread ends with the input, or within 50 ms of the `Looked` being dropped.
    pub fn ahead<'scope, 'env, T, F>(
        self,
        scope: &'scope std::thread::Scope<'scope, 'env>,
        stop: &'env AtomicBool,
        mut look: F,
    ) -> Looked<'env, T>
    where
        T: Send + 'scope,
        F: FnMut(&[u8], bool) -> T + Send + 'scope,
    {
        let (tx, rx) = sync_channel(2);
        scope.spawn(move || {
            let mut first = true;
            while !stop.load(Ordering::Relaxed) {
                let item = match self.rx.recv_timeout(TICK) {
                    Ok(Ok(chunk)) => {
                        let seen = look(&chunk, first);
                        Ok((chunk, seen))
                    }
                    // A line too long or a read error: passed on as it is.
                    Ok(Err(e)) => Err(e),
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => return,
                };
                first = false;
                if tx.send(item).is_err() {
                    return;
                }
            }
        });
        Looked { rx, stop }
    }
}

/// Chunks and what `Chunks::ahead`'s look saw in each.
pub struct Looked<'a, T> {
    rx: Receiver<io::Result<(Vec<u8>, T)>>,
    stop: &'a AtomicBool,
}

impl<T> Looked<'_, T> {
    /// As `Chunks::next`, each chunk with its look.
    pub fn next(
        &self,
        cancel: &AtomicBool,
        idle: impl FnMut() -> Result<()>,
    ) -> Result<Next<(Vec<u8>, T)>> {
        wait(&self.rx, cancel, idle)
    }
}

impl<T> Drop for Looked<'_, T> {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn wait<T>(
    rx: &Receiver<io::Result<T>>,
    cancel: &AtomicBool,
    mut idle: impl FnMut() -> Result<()>,
) -> Result<Next<T>> {
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Ok(Next::Cancelled);
        }
        match rx.recv_timeout(TICK) {
            Ok(Ok(chunk)) => return Ok(Next::Chunk(chunk)),
            Ok(Err(e)) if e.get_ref().is_some_and(|i| i.is::<LineTooLong>()) => {
                return Ok(Next::TooLong)
            }
            Ok(Err(e)) => return Err(e.into()),
            Err(RecvTimeoutError::Timeout) => idle()?,
            Err(RecvTimeoutError::Disconnected) => return Ok(Next::End),
        }
    }
}

/// A reader over another read on a thread of its own, for code that wants `Read`/`BufRead`: a
/// read waiting for input returns at Ctrl-C as if the input had ended (check `cancel` to tell
/// the two apart).
pub struct Cancellable<'a> {
    chunks: Chunks,
    cancel: &'a AtomicBool,
    chunk: Vec<u8>,
    at: usize,
}

impl<'a> Cancellable<'a> {
    pub fn new(r: Box<dyn Read + Send>, cancel: &'a AtomicBool) -> Self {
        Cancellable {
            chunks: Chunks::spawn(r),
            cancel,
            chunk: Vec::new(),
            at: 0,
        }
    }
}

impl Read for Cancellable<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at == self.chunk.len() {
            match self.chunks.next(self.cancel, || Ok(())) {
                Ok(Next::Chunk(c)) => (self.chunk, self.at) = (c, 0),
                Ok(Next::End | Next::Cancelled) => return Ok(0),
                Ok(Next::TooLong) => {
                    return Err(io::Error::new(io::ErrorKind::InvalidData, LineTooLong))
                }
                Err(e) => return Err(io::Error::other(format!("{e:#}"))),
            }
        }
        let n = buf.len().min(self.chunk.len() - self.at);
        buf[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Ask `question [y/N]` on stderr and read the answer from stdin; Ctrl-C at the prompt ends
/// the wait at once (an `Interrupted` error, exit 130).
pub fn confirm(question: &str) -> Result<bool> {
    use std::io::{BufRead, Write};
    let cancel = crate::cancel_flag();
    crate::ewrite!("{question} [y/N] ");
    let _ = io::stderr().flush();
    let mut line = String::new();
    let stdin = Cancellable::new(Box::new(io::stdin()), cancel);
    io::BufReader::new(stdin).read_line(&mut line)?;
    if cancel.load(Ordering::Relaxed) {
        crate::ewriteln!();
        return Err(crate::error::Interrupted.into());
    }
    Ok(matches!(line.trim(), "y" | "Y" | "yes" | "YES" | "Yes"))
}

/// The lines of a chunk, without their `\n`.
pub fn lines(chunk: &[u8]) -> impl Iterator<Item = &[u8]> {
    let body = chunk.strip_suffix(b"\n").unwrap_or(chunk);
    // memchr finds each newline many bytes at a time (a byte-by-byte split showed in profiles).
    let mut start = 0;
    memchr::memchr_iter(b'\n', body)
        .chain(std::iter::once(body.len()))
        .take(if chunk.is_empty() { 0 } else { usize::MAX })
        .map(move |end| {
            let line = &body[start..end];
            start = end + 1;
            line
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &'static [u8]) -> Vec<Vec<u8>> {
        let c = Chunks::spawn(Box::new(io::Cursor::new(input)));
        let never = AtomicBool::new(false);
        let mut out = Vec::new();
        while let Next::Chunk(ch) = c.next(&never, || Ok(())).unwrap() {
            out.extend(lines(&ch).map(<[u8]>::to_vec));
        }
        out
    }

    #[test]
    fn chunks_ahead_carry_their_look_in_order() {
        let input: Vec<u8> = (0..20_000)
            .flat_map(|i| format!("{i}\n").into_bytes())
            .collect();
        let never = AtomicBool::new(false);
        let stop = AtomicBool::new(false);
        let (lines_seen, firsts) = std::thread::scope(|s| {
            let c = Chunks::spawn(Box::new(io::Cursor::new(input)));
            let looked = c.ahead(s, &stop, |chunk, first| (lines(chunk).count(), first));
            let (mut seen, mut firsts) = (Vec::new(), Vec::new());
            while let Next::Chunk((chunk, (n, first))) = looked.next(&never, || Ok(())).unwrap() {
                assert_eq!(lines(&chunk).count(), n);
                seen.extend(lines(&chunk).map(<[u8]>::to_vec));
                firsts.push(first);
            }
            (seen, firsts)
        });
        assert_eq!(lines_seen.len(), 20_000);
        assert_eq!(lines_seen[19_999], b"19999");
        assert!(firsts[0] && firsts[1..].iter().all(|f| !f), "{firsts:?}");
    }

    #[test]
    fn a_dropped_look_ahead_stops_its_thread_on_an_open_input() {
        // A pipe nobody writes to: the reader blocks; the look-ahead must still end.
        let (r, _w) = std::io::pipe().unwrap();
        let stop = AtomicBool::new(false);
        std::thread::scope(|s| {
            let looked = Chunks::spawn(Box::new(r)).ahead(s, &stop, |_, _| ());
            drop(looked);
        });
        assert!(stop.load(Ordering::Relaxed));
    }

    #[test]
    fn lines_are_a_split_on_newlines_without_the_last_one() {
        let inputs: [&[u8]; 9] = [
            b"",
            b"\n",
            b"\n\n",
            b"a",
            b"a\n",
            b"a\nb",
            b"a\n\nb\n",
            b"\na\r\n",
            b"ab\ncd\n\n",
        ];
        for input in inputs {
            let body = input.strip_suffix(b"\n").unwrap_or(input);
            let expected: Vec<&[u8]> = if input.is_empty() {
                Vec::new()
            } else {
                body.split(|&b| b == b'\n').collect()
            };
            assert_eq!(lines(input).collect::<Vec<_>>(), expected, "{input:?}");
        }
    }

    #[test]
    fn lines_split_whole_and_keep_a_last_partial_line() {
        assert_eq!(all(b""), Vec::<Vec<u8>>::new());
        assert_eq!(all(b"a\n\nb\n"), vec![b"a".to_vec(), vec![], b"b".to_vec()]);
        assert_eq!(all(b"a\nb"), vec![b"a".to_vec(), b"b".to_vec()]);
        assert_eq!(all(b"\n"), vec![Vec::<u8>::new()]);
    }

    #[test]
    fn a_line_over_the_limit_is_reported_and_skipped_in_bounded_memory() {
        set_max_line(1000);
        let mut input = b"short\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', 3 * READ));
        input.extend(b"\nafter\n");
        input.extend(std::iter::repeat_n(b'y', 2 * READ)); // and one at the very end
        let c = Chunks::spawn(Box::new(io::Cursor::new(input)));
        let never = AtomicBool::new(false);
        let mut seen = Vec::new();
        loop {
            match c.next(&never, || Ok(())).unwrap() {
                Next::Chunk(ch) => {
                    seen.extend(lines(&ch).map(|l| String::from_utf8_lossy(l).into_owned()))
                }
                Next::TooLong => seen.push("<too long>".into()),
                Next::End => break,
                Next::Cancelled => unreachable!(),
            }
        }
        set_max_line(DEFAULT_MAX_LINE);
        assert_eq!(seen, ["short", "<too long>", "after", "<too long>"]);
    }

    #[test]
    fn cancellable_reads_everything_then_ends() {
        let never = AtomicBool::new(false);
        let mut r = Cancellable::new(Box::new(io::Cursor::new(&b"a\nbc\nd"[..])), &never);
        let mut all = String::new();
        r.read_to_string(&mut all).unwrap();
        assert_eq!(all, "a\nbc\nd");
    }

    #[test]
    fn cancel_ends_a_wait_for_input_that_never_comes() {
        let (_keep, rx) = std::sync::mpsc::sync_channel::<io::Result<Vec<u8>>>(1);
        let c = Chunks { rx };
        let cancel = AtomicBool::new(false);
        let mut ticks = 0;
        let next = c
            .next(&cancel, || {
                ticks += 1;
                if ticks == 3 {
                    cancel.store(true, Ordering::Relaxed);
                }
                Ok(())
            })
            .unwrap();
        assert!(matches!(next, Next::Cancelled));
    }
}
