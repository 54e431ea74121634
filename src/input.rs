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
/// How often a wait for input checks for Ctrl-C and serves the caller's other work.
const TICK: Duration = Duration::from_millis(50);

/// What the next wait for input brought.
pub enum Next {
    /// Whole lines, each ending in `\n` except perhaps the input's last.
    Chunk(Vec<u8>),
    /// The input ended.
    End,
    /// Ctrl-C: stop reading (lines read but not yet handed out are dropped).
    Cancelled,
}

/// Chunks of lines from a reader thread.
pub struct Chunks {
    rx: Receiver<io::Result<Vec<u8>>>,
}

impl Chunks {
    /// Read `r` on a new thread. The thread ends at the input's end, at a read error, or when
    /// the `Chunks` is dropped and its next chunk is ready; one blocked in a read when the
    /// command ends is left behind (the process is exiting).
    pub fn spawn(mut r: Box<dyn Read + Send>) -> Chunks {
        // A few chunks ahead at most: memory stays bounded whatever the input's size.
        let (tx, rx) = sync_channel(4);
        std::thread::spawn(move || {
            let mut buf: Vec<u8> = Vec::new();
            loop {
                let len = buf.len();
                buf.resize(len + READ, 0);
                match r.read(&mut buf[len..]) {
                    Ok(0) => {
                        buf.truncate(len);
                        if !buf.is_empty() {
                            let _ = tx.send(Ok(buf));
                        }
                        return;
                    }
                    Ok(n) => {
                        buf.truncate(len + n);
                        // Hand out the whole lines; keep a partial last line for the next read.
                        if let Some(i) = buf[len..].iter().rposition(|&b| b == b'\n') {
                            let rest = buf.split_off(len + i + 1);
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
    pub fn next(&self, cancel: &AtomicBool, mut idle: impl FnMut() -> Result<()>) -> Result<Next> {
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Ok(Next::Cancelled);
            }
            match self.rx.recv_timeout(TICK) {
                Ok(Ok(chunk)) => return Ok(Next::Chunk(chunk)),
                Ok(Err(e)) => return Err(e.into()),
                Err(RecvTimeoutError::Timeout) => idle()?,
                Err(RecvTimeoutError::Disconnected) => return Ok(Next::End),
            }
        }
    }
}

/// The lines of a chunk, without their `\n`.
pub fn lines(chunk: &[u8]) -> impl Iterator<Item = &[u8]> {
    let body = chunk.strip_suffix(b"\n").unwrap_or(chunk);
    body.split(|&b| b == b'\n')
        .take(if chunk.is_empty() { 0 } else { usize::MAX })
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
    fn lines_split_whole_and_keep_a_last_partial_line() {
        assert_eq!(all(b""), Vec::<Vec<u8>>::new());
        assert_eq!(all(b"a\n\nb\n"), vec![b"a".to_vec(), vec![], b"b".to_vec()]);
        assert_eq!(all(b"a\nb"), vec![b"a".to_vec(), b"b".to_vec()]);
        assert_eq!(all(b"\n"), vec![Vec::<u8>::new()]);
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
