//! Output: stdout carries data, stderr diagnostics. Colour, terminal-safe escaping, and the
//! quiet handling of a closed pipe live here.

pub mod pretty;
pub mod sanitize;
pub mod sarif;

use crate::cli::{ColorChoice, OutputFormat};
use anstyle::{AnsiColor, Style};
use std::io::{self, IsTerminal, Write};

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
    out: io::BufWriter<io::Stdout>,
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
            out: io::BufWriter::with_capacity(256 * 1024, io::stdout()),
            stderr_tty,
        }
    }

    pub fn is_json(&self) -> bool {
        self.format == OutputFormat::Json
    }

    /// Whether a progress bar may be drawn (stderr is a terminal, output is for people).
    pub fn progress_allowed(&self) -> bool {
        self.stderr_tty && !self.quiet && !self.is_json()
    }

    /// Write raw bytes to stdout (buffered).
    pub fn write(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.out.write_all(bytes).map_err(map_io)
    }

    /// Write a line of text to stdout.
    pub fn line(&mut self, s: &str) -> anyhow::Result<()> {
        self.out.write_all(s.as_bytes()).map_err(map_io)?;
        self.out.write_all(b"\n").map_err(map_io)
    }

    /// Write one JSON value as a line.
    pub fn json<T: serde::Serialize>(&mut self, v: &T) -> anyhow::Result<()> {
        serde_json::to_writer(&mut self.out, v).map_err(|e| match e.io_error_kind() {
            Some(io::ErrorKind::BrokenPipe) => BrokenPipe.into(),
            _ => anyhow::Error::new(e),
        })?;
        self.out.write_all(b"\n").map_err(map_io)
    }

    pub fn flush(&mut self) -> anyhow::Result<()> {
        self.out.flush().map_err(map_io)
    }

    /// A diagnostic line on stderr, unless --quiet.
    pub fn info(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", msg.as_ref());
        }
    }

    /// A diagnostic shown only with -v.
    pub fn debug(&self, msg: impl AsRef<str>) {
        if self.verbose > 0 {
            let d = self.err_styles.dim;
            eprintln!("{d}{}{d:#}", msg.as_ref());
        }
    }

    /// A warning on stderr, always shown.
    pub fn warn(&self, msg: impl AsRef<str>) {
        let b = self.err_styles.bad;
        eprintln!("{b}evtctl: warning:{b:#} {}", msg.as_ref());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_choice() {
        assert!(colour_enabled(ColorChoice::Always, false));
        assert!(!colour_enabled(ColorChoice::Never, true));
        assert!(!colour_enabled(ColorChoice::Auto, false));
    }
}
