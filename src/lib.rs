//! evtctl: a command-line toolkit for operating Kafka-based event systems.
//!
//! `main` calls [`run`], which parses arguments, builds settings, dispatches to a command in
//! [`cmd`], and maps the outcome to an exit code (see [`error::Exit`]).

pub mod cli;
pub mod cmd;
pub mod config;
pub mod dlq;
pub mod error;
pub mod filter;
pub mod kafka;
pub mod output;
pub mod position;
pub mod record;
pub mod registry;
pub mod transfer;

use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};
use cli::{Cli, Command, ConfigCommand, DevCommand, OutputFormat, TopicsCommand};
use config::{Settings, Source};
use error::Exit;
use output::{BrokenPipe, Printer};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

static CANCEL: AtomicBool = AtomicBool::new(false);
static INTERRUPTS: AtomicUsize = AtomicUsize::new(0);

/// How many times Ctrl-C (or SIGTERM) has arrived.
pub fn interrupts() -> usize {
    INTERRUPTS.load(Ordering::SeqCst)
}

fn install_signal_handler() {
    // First signal: stop reading, finish what is in flight, print the summary. Third: give up.
    let _ = ctrlc::set_handler(|| {
        let n = INTERRUPTS.fetch_add(1, Ordering::SeqCst) + 1;
        CANCEL.store(true, Ordering::SeqCst);
        if n >= 3 {
            eprintln!("evtctl: interrupted again, exiting without waiting");
            std::process::exit(Exit::Interrupted.code());
        }
    });
}

/// Parse the command line, run the command, and return the process exit code.
pub fn run() -> i32 {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let brokers_source = match matches.value_source("brokers") {
        Some(ValueSource::EnvVariable) => Some(Source::Env),
        Some(_) => Some(Source::Flag),
        None => None,
    };
    install_signal_handler();
    let g = &cli.global;
    // The demo is a tour for people: pretty unless asked otherwise.
    let format = match (&cli.command, g.output) {
        (Command::Demo(_), None) => Some(OutputFormat::Pretty),
        (_, f) => f,
    };
    let mut printer = Printer::new(format, g.color, g.quiet, g.verbose);
    match dispatch(&cli, brokers_source, &mut printer) {
        Ok(()) => Exit::Ok.code(),
        Err(e) => report(&e, &printer),
    }
}

fn dispatch(
    cli: &Cli,
    brokers_source: Option<Source>,
    printer: &mut Printer,
) -> anyhow::Result<()> {
    let settings = || Settings::resolve(&cli.global, brokers_source);
    match &cli.command {
        Command::Publish(a) => {
            let settings = settings()?;
            let mut plan = cmd::publish::Plan::from_args(a)?;
            let registry = open_registry_if_present(&settings)?;
            plan.resolve_event_version(registry.as_ref());
            let registry = registry.filter(|_| plan.validate);
            let input = match (&a.event, &a.file) {
                (Some(e), _) => cmd::publish::Input::One(e.clone()),
                (None, Some(f)) if f.as_os_str() != "-" => cmd::publish::Input::File(f.clone()),
                _ => cmd::publish::Input::Stdin,
            };
            cmd::publish::run(&plan, input, &settings, registry.as_ref(), printer, &CANCEL)
        }
        Command::Tail(a) => {
            let settings = settings()?;
            let plan = cmd::tail::Plan::from_args(a)?;
            let registry = if a.validate {
                Some(registry::Registry::open(&settings.registry_dir())?)
            } else {
                None
            };
            cmd::tail::run(&plan, &settings, registry.as_ref(), printer, &CANCEL)
        }
        Command::Topics(t) => {
            let list = TopicsCommand::List { all: false };
            cmd::topics::run(t.command.as_ref().unwrap_or(&list), &settings()?, printer)
        }
        Command::Validate(a) => {
            let settings = settings()?;
            let registry = registry::Registry::open(&settings.registry_dir())?;
            cmd::validate::run(a, &settings, &registry, printer, &CANCEL)
        }
        Command::Schema(s) => {
            let registry = registry::Registry::open(&settings()?.registry_dir())?;
            cmd::schema::run(&s.command, &registry, printer, &CANCEL)
        }
        Command::Compat(a) => cmd::compat::run(a, &settings()?, printer, &CANCEL),
        Command::Dlq(d) => match &d.command {
            cli::DlqCommand::Stats(a) => cmd::dlq::stats(a, &settings()?, printer, &CANCEL),
            cli::DlqCommand::Drain(a) => cmd::drain::run(a, &settings()?, printer, &CANCEL),
            cli::DlqCommand::Redrive(a) => cmd::redrive::run(a, &settings()?, printer, &CANCEL),
        },
        Command::Replay(a) => cmd::replay::run(a, &settings()?, printer, &CANCEL),
        Command::Config(c) => match c.command {
            ConfigCommand::Show => cmd::config::show(&settings()?, printer),
        },
        Command::Dev(d) => match &d.command {
            DevCommand::Broker(b) => cmd::dev::broker(b, printer, &CANCEL),
        },
        Command::Demo(d) => cmd::demo::run(d, &cli.global, printer, &CANCEL),
        Command::Completions(c) => {
            printer.write(&cmd::completions::generate(c.shell))?;
            printer.flush()
        }
    }
}

/// The registry, when its directory exists (publish validates only what a registry knows).
pub(crate) fn open_registry_if_present(
    settings: &Settings,
) -> anyhow::Result<Option<registry::Registry>> {
    let dir = settings.registry_dir();
    if settings.registry.is_none() && !dir.is_dir() {
        return Ok(None);
    }
    registry::Registry::open(&dir).map(Some)
}

/// Print the error (one line, with its causes) and a hint; return the exit code.
fn report(e: &anyhow::Error, printer: &Printer) -> i32 {
    if e.chain().any(|c| c.is::<BrokenPipe>()) {
        return Exit::Ok.code();
    }
    let code = error::exit_for(e);
    if code != Exit::Interrupted {
        let s = printer.err_styles.bad;
        eprintln!("{s}evtctl: error:{s:#} {e:#}");
        if let Some(h) = error::hint_for(e) {
            eprintln!("hint: {h}");
        }
    }
    code.code()
}
