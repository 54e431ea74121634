//! evtctl: a command-line toolkit for operating Kafka-based event systems.
//!
//! `main` calls [`run`], which parses arguments, builds settings, dispatches to a command in
//! [`cmd`], and maps the outcome to an exit code (see [`error::Exit`]).

/// `eprintln!` that never panics. stderr is for people and may be gone (`2>&1 | head -1` that
/// has ended, a closed terminal): a diagnostic that cannot be written is dropped, and the work
/// (records being published or copied) goes on. `eprintln!` panics there instead, so clippy
/// refuses it in this crate (`clippy.toml`).
#[macro_export]
macro_rules! ewriteln {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::writeln!(::std::io::stderr().lock(), $($arg)*);
    }};
}

/// `eprint!` that never panics (see [`ewriteln!`]).
#[macro_export]
macro_rules! ewrite {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::write!(::std::io::stderr().lock(), $($arg)*);
    }};
}

pub mod cli;
pub mod cloudevents;
pub mod cmd;
pub mod codec;
pub mod config;
pub mod conventions;
pub mod dlq;
pub mod error;
pub mod filter;
pub mod input;
pub mod kafka;
pub mod ledger;
pub mod output;
pub mod pattern;
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

/// Set by the first Ctrl-C (or SIGTERM).
pub fn cancel_flag() -> &'static AtomicBool {
    &CANCEL
}

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
            crate::ewriteln!("evtctl: interrupted again, exiting without waiting");
            std::process::exit(Exit::Interrupted.code());
        }
    });
}

/// Run the command on a thread with a large stack while this one watches `--filter`
/// evaluations (see [`filter::watch`]); return the process exit code.
pub fn main() -> i32 {
    let done = std::sync::Arc::new(AtomicBool::new(false));
    // Stack is reserved, not committed: only what deep recursion touches is used. Smaller
    // sizes are tried where the system refuses a large reservation.
    for stack in [2u64 << 30, 512 << 20, 64 << 20] {
        let d = done.clone();
        let watcher = std::thread::current();
        let spawned = std::thread::Builder::new()
            .name("evtctl".into())
            .stack_size(stack as usize)
            .spawn(move || {
                // Set on every way out, a panic included: the watcher below waits for it, and
                // a panic must end the process (exit 101), not leave it hanging.
                // The watcher is woken at once, so the process ends when the command does.
                struct Done(std::sync::Arc<AtomicBool>, std::thread::Thread);
                impl Drop for Done {
                    fn drop(&mut self) {
                        self.0.store(true, Ordering::Release);
                        self.1.unpark();
                    }
                }
                let _done = Done(d, watcher);
                run()
            });
        if let Ok(worker) = spawned {
            filter::watch(&done, &CANCEL, stack);
            return worker.join().unwrap_or(101);
        }
    }
    run()
}

/// Parse the command line, run the command, and return the process exit code.
pub fn run() -> i32 {
    let matches = match command().try_get_matches() {
        Ok(m) => m,
        Err(e) => return arg_error(e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return arg_error(e),
    };
    let source = |id: &str| match matches.value_source(id) {
        Some(ValueSource::EnvVariable) => Some(Source::Env),
        Some(ValueSource::CommandLine) => Some(Source::Flag),
        _ => None,
    };
    let given = config::Given {
        brokers: source("brokers"),
        profile: source("profile"),
        timeout: source("timeout"),
    };
    install_signal_handler();
    input::set_max_line(cli.global.max_line_bytes);
    let g = &cli.global;
    // The demo is a tour for people: pretty unless asked otherwise.
    let format = match (&cli.command, g.output) {
        (Command::Demo(_), None) => Some(OutputFormat::Pretty),
        (_, f) => f,
    };
    let mut printer = Printer::new(format, g.color, g.quiet, g.verbose);
    // Commands that write to Kafka print only receipts of that work: losing stdout must not
    // stop it halfway.
    let writes_to_kafka = match &cli.command {
        Command::Publish(_) | Command::Replay(_) => true,
        Command::Topics(t) => matches!(t.command, Some(TopicsCommand::Create { .. })),
        Command::Dlq(d) => matches!(
            d.command,
            cli::DlqCommand::Drain(_) | cli::DlqCommand::Redrive(_)
        ),
        _ => false,
    };
    if writes_to_kafka {
        printer.receipts_only();
    }
    match dispatch(&cli, given, &mut printer) {
        Ok(()) => Exit::Ok.code(),
        Err(e) => report(&e, &printer),
    }
}

/// Commands that never talk to a cluster: their help leaves out the connection options.
const OFFLINE: &[&str] = &["schema", "compat", "completions"];
const CONNECTION_ARGS: &[&str] = &["brokers", "properties", "profile", "timeout"];
/// Commands that start their own embedded broker: the options that pick a cluster do nothing
/// there (the demo still takes --timeout and --registry).
const OWN_BROKER: &[(&str, &[&str])] = &[
    ("dev", &["brokers", "properties", "profile", "timeout"]),
    ("demo", &["brokers", "properties", "profile"]),
];
/// Global options that do something in a few commands only: hidden from the others' help.
const ONLY_IN: &[(&str, &[&str])] = &[
    (
        "registry",
        &[
            "publish", "tail", "validate", "schema", "compat", "dlq", "config", "demo", "expect",
        ],
    ),
    ("max_line_bytes", &["publish", "validate", "replay"]),
];

/// The command line, with connection options hidden from the help of offline commands
/// (`config` shows the connection settings, so only `--timeout` is hidden there). A global
/// argument a subcommand already has is not propagated to it, so a hidden copy takes its place.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    let conn: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| CONNECTION_ARGS.contains(&a.get_id().as_str()))
        .cloned()
        .collect();
    for name in OFFLINE {
        cmd = cmd.mut_subcommand(*name, |s| {
            conn.iter().fold(s, |s, a| s.arg(a.clone().hide(true)))
        });
    }
    cmd = cmd.mut_subcommand("config", |s| {
        conn.iter()
            .filter(|a| a.get_id() == "timeout")
            .fold(s, |s, a| s.arg(a.clone().hide(true)))
    });
    for (name, ids) in OWN_BROKER {
        let hidden: Vec<clap::Arg> = conn
            .iter()
            .filter(|a| ids.contains(&a.get_id().as_str()))
            .cloned()
            .collect();
        cmd = cmd.mut_subcommand(*name, |s| {
            hidden.iter().fold(s, |s, a| s.arg(a.clone().hide(true)))
        });
    }
    for (id, used_by) in ONLY_IN {
        let Some(arg) = cmd.get_arguments().find(|a| a.get_id() == *id).cloned() else {
            continue;
        };
        let others: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .filter(|n| !used_by.contains(&n.as_str()))
            .collect();
        for name in others {
            cmd = cmd.mut_subcommand(name, |s| s.arg(arg.clone().hide(true)));
        }
    }
    cmd
}

/// A command-line mistake as one line (`evtctl: error: …`), clap's tip folded in; help and
/// version go to stdout as usual.
fn arg_error(e: clap::Error) -> i32 {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.use_stderr() {
            Exit::Usage.code()
        } else {
            Exit::Ok.code()
        };
    }
    crate::ewriteln!("evtctl: error: {}", one_line(&e.render().to_string()));
    Exit::Usage.code()
}

/// clap's rendered error on one line: the message and any tip, without usage and the
/// "For more information" line.
pub fn one_line(rendered: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for para in rendered.split("\n\n") {
        let p = para.trim();
        if p.starts_with("Usage:") || p.starts_with("For more information") || p.is_empty() {
            continue;
        }
        let p = p.strip_prefix("error:").unwrap_or(p).trim();
        let p = p
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        parts.push(match p.strip_prefix("tip:") {
            Some(t) => format!("({})", t.trim()),
            None => p,
        });
    }
    output::sanitize::escape_line(&parts.join(" ")).into_owned()
}

fn dispatch(cli: &Cli, given: config::Given, printer: &mut Printer) -> anyhow::Result<()> {
    let settings = || Settings::resolve(&cli.global, given);
    match &cli.command {
        Command::Publish(a) => {
            let settings = settings()?;
            let mut plan = cmd::publish::Plan::from_args(a)?;
            let registry = registry::Registry::open_if_present(&settings)?.map(std::sync::Arc::new);
            plan.resolve_schemas(a, registry.clone())?;
            plan.envelope_registry = registry.clone();
            let registry = registry.as_deref();
            plan.resolve_event_version(registry);
            if let Some(note) = plan.unvalidated_type(registry, &settings.registry_dir()) {
                printer.info(format!("evtctl: {note}"));
            }
            let registry = registry.filter(|_| plan.validate);
            let input = match (&a.event, &a.file) {
                (Some(e), _) => cmd::publish::Input::One(e.clone()),
                (None, Some(f)) if f.as_os_str() != "-" => cmd::publish::Input::File(f.clone()),
                _ => cmd::publish::Input::Stdin,
            };
            cmd::publish::run(&plan, input, &settings, registry, printer, &CANCEL)
        }
        Command::Tail(a) => {
            let settings = settings()?;
            let plan = cmd::tail::Plan::from_args(a)?;
            // Needed to validate or to decode with a named schema; else used when present (to
            // decode Avro, Protobuf and framed payloads) and never in the way of a plain tail.
            let registry = if a.validate || a.value_schema.is_some() || a.key_schema.is_some() {
                Some(registry::Registry::open(&settings.registry_dir())?)
            } else if a.no_decode {
                None
            } else {
                registry_to_decode(&settings, printer)
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
        Command::Groups(g) => match &g.command {
            None => cmd::groups::list(
                &cli::GroupsListArgs {
                    fail_above_lag: None,
                },
                &settings()?,
                printer,
                &CANCEL,
            ),
            Some(cli::GroupsCommand::List(a)) => {
                cmd::groups::list(a, &settings()?, printer, &CANCEL)
            }
            Some(cli::GroupsCommand::Describe(a)) => {
                cmd::groups::describe(a, &settings()?, printer, &CANCEL)
            }
            Some(cli::GroupsCommand::Reset(a)) => {
                cmd::reset::reset(a, &settings()?, printer, &CANCEL)
            }
            Some(cli::GroupsCommand::Skip(a)) => {
                cmd::groups::skip(a, &settings()?, printer, &CANCEL)
            }
            Some(cli::GroupsCommand::Delete(a)) => cmd::groups::delete(a, &settings()?, printer),
        },
        Command::Cluster => cmd::cluster::run(&settings()?, printer),
        Command::Count(a) => cmd::count::run(a, &settings()?, printer, &CANCEL),
        Command::Trace(a) => {
            let settings = settings()?;
            // The registry, when there is one, adds its DLQ conventions and `[trace] fields`.
            let mut custom = settings.dlq_conventions.clone();
            let mut fields = Vec::new();
            match registry::Registry::open_if_present(&settings) {
                Ok(Some(reg)) => {
                    custom.extend(reg.dlq_conventions.iter().cloned());
                    fields = reg.trace_fields.clone();
                }
                Ok(None) => {}
                Err(e) => printer.warn(format!(
                    "not using the schema registry's [trace] fields and DLQ conventions: {}",
                    crate::config::scrub(&format!("{e:#}"))
                )),
            }
            let plan = cmd::trace::Plan::from_args(a, &fields)?;
            cmd::trace::run(&plan, &settings, &custom, printer, &CANCEL)
        }
        Command::Expect(a) => {
            let settings = settings()?;
            let plan = cmd::expect::Plan::from_args(a)?;
            // Needed to validate; else used when present (to decode Avro, Protobuf and framed
            // payloads for --match), as `tail` does.
            let registry = if plan.validates() {
                Some(registry::Registry::open(&settings.registry_dir())?)
            } else {
                registry_to_decode(&settings, printer)
            };
            cmd::expect::run(&plan, &settings, registry.as_ref(), printer, &CANCEL)
        }
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
        Command::CompleteNames(a) => {
            cmd::completions::names(a.kind, settings().ok(), printer);
            Ok(())
        }
    }
}

/// The registry a reading command decodes with when it is present: one that does not load is
/// a warning there, never in the way of reading.
fn registry_to_decode(settings: &Settings, printer: &Printer) -> Option<registry::Registry> {
    match registry::Registry::open_if_present(settings) {
        Ok(r) => r,
        Err(e) => {
            printer.warn(format!(
                "not decoding with the schema registry: {}",
                crate::config::scrub(&format!("{e:#}"))
            ));
            None
        }
    }
}

/// Print the error (one line, with its causes) and a hint; return the exit code.
fn report(e: &anyhow::Error, printer: &Printer) -> i32 {
    if e.chain().any(|c| c.is::<BrokenPipe>()) {
        return Exit::Ok.code();
    }
    let code = error::exit_for(e);
    if code != Exit::Interrupted {
        let s = printer.err_styles.bad;
        // Errors quote topic names, header values and payload fragments: untrusted text.
        let msg = format!("{e:#}");
        let msg = output::sanitize::escape_line(&config::scrub(&msg)).into_owned();
        crate::ewriteln!("{s}evtctl: error:{s:#} {msg}");
        if let Some(h) = error::hint_for(e) {
            crate::ewriteln!("hint: {h}");
        }
    }
    code.code()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_with_hidden_connection_options_is_well_formed() {
        command().debug_assert();
    }

    #[test]
    fn argument_errors_are_one_line() {
        let rendered = "error: unexpected argument '--fromm' found\n\n  tip: a similar argument exists: '--from'\n\nUsage: evtctl tail --from <POSITION> <TOPICS>...\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(rendered),
            "unexpected argument '--fromm' found (a similar argument exists: '--from')"
        );
        let e = command()
            .try_get_matches_from(["evtctl", "tail"])
            .unwrap_err();
        let line = one_line(&e.render().to_string());
        assert_eq!(
            line,
            "the following required arguments were not provided: <TOPICS>..."
        );
    }

    /// `evtctl ARGS --help` as clap renders it (no colour).
    fn help(args: &[&str]) -> String {
        let mut v = vec!["evtctl"];
        v.extend_from_slice(args);
        v.push("--help");
        // As wide as the help ever gets (max_term_width), whatever terminal runs the tests.
        let e = command()
            .term_width(100)
            .try_get_matches_from(v)
            .unwrap_err();
        e.render().to_string()
    }

    /// A snapshot: a command that starts its own broker shows its own options, then only the
    /// global options that do something there.
    #[test]
    fn dev_broker_help_shows_its_own_options_then_the_global_ones_that_apply() {
        let expected = "\
Run an embedded Kafka-protocol broker (librdkafka's mock cluster) until Ctrl-C

Usage: evtctl dev broker [OPTIONS]

Options:
      --port <PORT>                Port to listen on and advertise (0 picks a free one) [default:
                                   9092]
      --topic <NAME[:PARTITIONS]>  Create a topic at start (repeatable), e.g. --topic orders:6
  -h, --help                       Print help

Global options:
  -o, --output <OUTPUT>  Output format: pretty for people, json (JSON Lines) for programs [default:
                         pretty on a terminal, json otherwise] [possible values: pretty, json]
      --color <COLOR>    When to use colour (NO_COLOR and TERM=dumb are honoured under auto)
                         [default: auto] [possible values: auto, always, never]
  -q, --quiet            Print only data and errors, no summaries or progress
  -v, --verbose...       More diagnostics on stderr; -vv adds librdkafka's debug log
";
        assert_eq!(help(&["dev", "broker"]), expected);
    }

    #[test]
    fn each_help_lists_its_own_options_first_and_only_global_ones_that_apply() {
        let at = |text: &str, what: &str| {
            text.find(what)
                .unwrap_or_else(|| panic!("no {what:?} in\n{text}"))
        };
        let tail = help(&["tail"]);
        let global = at(&tail, "Global options:");
        assert!(at(&tail, "--from <POSITION>") < global, "{tail}");
        assert!(at(&tail, "--brokers") > global, "{tail}");
        assert!(tail.contains("--registry"), "tail --validate uses it");
        assert!(
            !tail.contains("--max-line-bytes"),
            "tail reads no lines: {tail}"
        );
        let publish = help(&["publish"]);
        assert!(publish.contains("--max-line-bytes") && publish.contains("--registry"));
        let topics = help(&["topics", "create"]);
        assert!(!topics.contains("--registry") && !topics.contains("--max-line-bytes"));
        let demo = help(&["demo"]);
        for gone in [
            "--brokers",
            "-X <KEY=VALUE>",
            "--profile",
            "--max-line-bytes",
        ] {
            assert!(!demo.contains(gone), "{gone} in\n{demo}");
        }
        for says in ["dead-letters", "STUCK", "groups skip", "dlq redrive"] {
            assert!(demo.contains(says), "demo --help says {says:?}:\n{demo}");
        }
        // Hidden, not removed: still accepted where scripts pass them.
        assert!(command()
            .try_get_matches_from(["evtctl", "dev", "broker", "-b", "x:1", "--registry", "r"])
            .is_ok());
    }
}
