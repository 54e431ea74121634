//! Output: stdout carries data, stderr diagnostics. Colour, terminal-safe escaping, and what
//! happens when stdout cannot be written live here.
//!
//! Every write error is seen: stdout is written through a duplicate of fd 1, not through std's
//! `Stdout`, which treats a closed fd 1 (EBADF) as success. Commands that read (`tail`,
//! `validate`, …) fail on any write error except a reader that went away (`| head`), which ends
//! them quietly; commands that write to Kafka (see [`Printer::receipts_only`]) go on without
//! their receipts instead.

pub mod escape;
pub mod format;
pub mod pretty;
pub mod progress;
pub mod sanitize;
pub mod sarif;
pub mod table;

use crate::cli::{ColorChoice, OutputFormat};
use anstyle::{AnsiColor, Style};
use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::os::fd::AsFd;

/// The reader of our stdout went away (e.g. `| head`): a quiet success.
#[derive(Debug)]
pub struct BrokenPipe;
impl std::fmt::Display for BrokenPipe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("broken pipe")
    }
}
impl std::error::Error for BrokenPipe {}

fn map_io(e: io::Error) -> anyhow::Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        BrokenPipe.into()
    } else {
        anyhow::Error::new(e).context("writing to stdout")
    }
}

fn closed_stdout() -> anyhow::Error {
    crate::error::usage(
        "stdout is closed, so nothing can be written (to discard the output, use `>/dev/null`)",
    )
}

/// Where stdout's bytes go.
enum Out {
    Open(io::BufWriter<File>),
    /// fd 1 was closed when evtctl started.
    Closed,
    /// A write failed while only receipts were being written: the rest are dropped.
    Lost,
}

static STDOUT_CLOSED_AT_START: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Record that fd 1 was closed when the process started. Only the binary can know: it asks
/// before the Rust runtime reopens a closed fd 1 as /dev/null (see `src/main.rs`). Where it
/// cannot ask (not Linux), a closed stdout is that /dev/null and output is discarded.
pub fn note_stdout_closed_at_start(closed: bool) {
    STDOUT_CLOSED_AT_START.store(closed, std::sync::atomic::Ordering::Relaxed);
}

/// stdout as a `File` of its own (a duplicate of fd 1), or `Closed`. Whatever fd 1 is now
/// (/dev/null opened any way included) is written to; only a descriptor that was closed when
/// evtctl started is `Closed`, as seen before the runtime reopened it: no guess from its flags.
fn open_stdout() -> Out {
    if STDOUT_CLOSED_AT_START.load(std::sync::atomic::Ordering::Relaxed) {
        return Out::Closed;
    }
    match io::stdout().as_fd().try_clone_to_owned() {
        Ok(fd) => Out::Open(io::BufWriter::with_capacity(256 * 1024, File::from(fd))),
        Err(_) => Out::Closed,
    }
}

/// The longest text a report quotes from its input (an example's value in a validation
/// message, an entry of registry.toml), in characters.
pub const QUOTE_MAX: usize = 1000;

/// `text` as a report may quote it: whole up to `max` characters; longer, its first `max`
/// characters, an ellipsis and the total length (`… (20000000 chars)`).
pub fn cap(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(text),
        Some((cut, _)) => {
            let total = text.chars().count();
            std::borrow::Cow::Owned(format!("{}… ({total} chars)", &text[..cut]))
        }
    }
}

/// Styles used in pretty output; all plain when colour is off.
#[derive(Debug, Clone, Copy, Default)]
pub struct Styles {
    pub dim: Style,
    pub key: Style,
    pub header: Style,
    pub good: Style,
    pub bad: Style,
    pub bold: Style,
}

impl Styles {
    fn coloured() -> Self {
        Styles {
            dim: Style::new().dimmed(),
            key: AnsiColor::Cyan.on_default(),
            header: AnsiColor::Magenta.on_default(),
            good: AnsiColor::Green.on_default(),
            bad: AnsiColor::Red.on_default().bold(),
            bold: Style::new().bold(),
        }
    }
}

/// Everything a command writes goes through here.
pub struct Printer {
    pub format: OutputFormat,
    pub styles: Styles,
    pub err_styles: Styles,
    pub quiet: bool,
    pub verbose: u8,
    out: Out,
    /// A failed stdout ends only the receipts, not the command (see `receipts_only`).
    receipts_only: bool,
    scratch: Vec<u8>,
    stdout_tty: bool,
    stderr_tty: bool,
}

fn colour_enabled(choice: ColorChoice, tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

impl Printer {
    pub fn new(format: Option<OutputFormat>, color: ColorChoice, quiet: bool, verbose: u8) -> Self {
        let stdout_tty = io::stdout().is_terminal();
        let stderr_tty = io::stderr().is_terminal();
        let format = format.unwrap_or(if stdout_tty {
            OutputFormat::Pretty
        } else {
            OutputFormat::Json
        });
        let styles = if colour_enabled(color, stdout_tty) {
            Styles::coloured()
        } else {
            Styles::default()
        };
        let err_styles = if colour_enabled(color, stderr_tty) {
            Styles::coloured()
        } else {
            Styles::default()
        };
        Printer {
            format,
            styles,
            err_styles,
            quiet,
            verbose,
            out: open_stdout(),
            receipts_only: false,
            scratch: Vec::new(),
            stdout_tty,
            stderr_tty,
        }
    }

    pub fn is_json(&self) -> bool {
        self.format == OutputFormat::Json
    }

    /// Whether stdout is a terminal (untrusted bytes must then be escaped).
    pub fn stdout_is_terminal(&self) -> bool {
        self.stdout_tty
    }

    /// Whether a progress bar may be drawn (stderr is a terminal, output is for people).
    pub fn progress_allowed(&self) -> bool {
        self.stderr_tty && !self.quiet && !self.is_json()
    }

    /// For commands that write to Kafka: stdout carries only receipts of that work, so a closed
    /// or failing stdout ends the receipts (with one note on stderr), never the work. Writes
    /// then succeed without writing; [`Printer::stdout_lost`] tells.
    pub fn receipts_only(&mut self) {
        self.receipts_only = true;
    }

    /// Whether stdout could not take everything written to it (only in `receipts_only` mode;
    /// otherwise the write returned the error).
    pub fn stdout_lost(&self) -> bool {
        matches!(self.out, Out::Lost) || (self.receipts_only && matches!(self.out, Out::Closed))
    }

    fn emit(
        &mut self,
        f: impl FnOnce(&mut io::BufWriter<File>) -> io::Result<()>,
    ) -> anyhow::Result<()> {
        let res = match &mut self.out {
            Out::Open(w) => f(w),
            Out::Lost => return Ok(()),
            Out::Closed if self.receipts_only => {
                self.out = Out::Lost;
                self.info("evtctl: stdout is closed: no receipts; the run goes on");
                return Ok(());
            }
            Out::Closed => return Err(closed_stdout()),
        };
        match res {
            Ok(()) => Ok(()),
            Err(e) if self.receipts_only => {
                self.out = Out::Lost;
                self.info(format!(
                    "evtctl: stdout failed ({}): no more receipts; the run goes on",
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        "closed by its reader".to_string()
                    } else {
                        e.to_string()
                    }
                ));
                Ok(())
            }
            Err(e) => Err(map_io(e)),
        }
    }

    /// Write raw bytes to stdout (buffered).
    pub fn write(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.emit(|w| w.write_all(bytes))
    }

    /// Write a line of text to stdout.
    pub fn line(&mut self, s: &str) -> anyhow::Result<()> {
        self.emit(|w| {
            w.write_all(s.as_bytes())?;
            w.write_all(b"\n")
        })
    }

    /// Write one JSON value as a line.
    pub fn json<T: serde::Serialize>(&mut self, v: &T) -> anyhow::Result<()> {
        let mut buf = std::mem::take(&mut self.scratch);
        buf.clear();
        serde_json::to_writer(&mut buf, v)?;
        buf.push(b'\n');
        let res = self.emit(|w| w.write_all(&buf));
        self.scratch = buf;
        res
    }

    pub fn flush(&mut self) -> anyhow::Result<()> {
        self.emit(|w| w.flush())
    }

    /// A diagnostic line on stderr, unless --quiet.
    pub fn info(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            crate::ewriteln!("{}", for_stderr(msg.as_ref()));
        }
    }

    /// A diagnostic shown only with -v.
    pub fn debug(&self, msg: impl AsRef<str>) {
        if self.verbose > 0 {
            let d = self.err_styles.dim;
            crate::ewriteln!("{d}{}{d:#}", for_stderr(msg.as_ref()));
        }
    }

    /// A warning on stderr, always shown.
    pub fn warn(&self, msg: impl AsRef<str>) {
        let b = self.err_styles.bad;
        crate::ewriteln!("{b}evtctl: warning:{b:#} {}", for_stderr(msg.as_ref()));
    }
}

/// A diagnostic as it may reach a terminal: secrets scrubbed, untrusted text escaped (lines
/// kept).
fn for_stderr(msg: &str) -> String {
    sanitize::escape(&crate::config::scrub(msg)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A printer whose stdout fails every write, as a full disk does.
    #[cfg(target_os = "linux")]
    fn failing(receipts_only: bool) -> Printer {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut p = Printer::new(Some(OutputFormat::Json), ColorChoice::Never, true, 0);
        p.out = Out::Open(io::BufWriter::new(full));
        p.receipts_only = receipts_only;
        p
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_failing_stdout_is_an_error_unless_only_receipts_are_lost() {
        let mut p = failing(false);
        p.line("x").unwrap(); // buffered
        let e = p.flush().unwrap_err();
        assert!(format!("{e:#}").starts_with("writing to stdout"), "{e:#}");
        assert!(!e.chain().any(|c| c.is::<BrokenPipe>()));

        let mut p = failing(true);
        p.line("x").unwrap();
        p.flush().unwrap();
        assert!(p.stdout_lost());
        p.json(&serde_json::json!({"after": true})).unwrap();
    }

    #[test]
    fn a_closed_stdout_is_a_usage_error_for_readers_and_no_receipts_for_writers() {
        let mut p = Printer::new(Some(OutputFormat::Json), ColorChoice::Never, true, 0);
        p.out = Out::Closed;
        let e = p.line("x").unwrap_err();
        assert_eq!(crate::error::exit_for(&e), crate::error::Exit::Usage);
        p.receipts_only();
        assert!(p.stdout_lost());
        p.line("x").unwrap();
    }

    #[test]
    fn cap_keeps_short_text_and_cuts_long_text_with_its_length() {
        assert_eq!(cap("abc", 3), "abc");
        assert_eq!(cap("abcd", 3), "abc… (4 chars)");
        assert_eq!(cap("ééé", 2), "éé… (3 chars)");
    }

    #[test]
    fn colour_choice() {
        assert!(colour_enabled(ColorChoice::Always, false));
        assert!(!colour_enabled(ColorChoice::Never, true));
        assert!(!colour_enabled(ColorChoice::Auto, false));
    }
}
