//! Command-line surface: global options and the command enum. Doc comments are the help.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0    success
  1    the command ran and found problems
  2    usage, configuration or input error (bad flag, unparseable line, unknown topic)
  3    cluster unreachable, authentication failure or timeout
  4    partial failure: some records were not delivered
  130  interrupted (Ctrl-C)";

/// Operate Kafka-based event systems: publish, tail, replay, validate, triage dead letters.
#[derive(Parser, Debug)]
#[command(name = "evtctl", version, after_help = EXIT_CODES_HELP, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug, Clone)]
pub struct GlobalArgs {
    /// Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]
    #[arg(short, long, global = true, env = "EVTCTL_BROKERS", hide_env = true)]
    pub brokers: Option<String>,

    /// librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL
    #[arg(short = 'X', value_name = "KEY=VALUE", global = true)]
    pub properties: Vec<String>,

    /// Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)
    #[arg(long, global = true, env = "EVTCTL_PROFILE", hide_env = true)]
    pub profile: Option<String>,

    /// Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a
    /// terminal, json otherwise]
    #[arg(short, long, global = true, value_enum)]
    pub output: Option<OutputFormat>,

    /// When to use colour (NO_COLOR and TERM=dumb are honoured under auto)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print only data and errors, no summaries or progress
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// More diagnostics on stderr; -vv adds librdkafka's debug log
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// How long to wait for the cluster before giving up (e.g. 10s, 1m)
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration, default_value = "10s")]
    pub timeout: std::time::Duration,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Pretty,
    Json,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    humantime::parse_duration(s)
        .map_err(|e| format!("`{s}` is not a duration like 500ms, 10s, 2m: {e}"))
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Publish events: one from the command line, or JSON Lines from a file or stdin
    Publish(PublishArgs),
    /// Read records from topics, from a point in time or offset, following or up to an end
    Tail(TailArgs),
    /// List, describe and create topics
    Topics(TopicsArgs),
    /// Show the effective configuration (secrets redacted)
    Config(ConfigArgs),
    /// Local development helpers: an embedded Kafka-protocol broker
    Dev(DevArgs),
    /// A guided tour on an embedded broker: publish, tail and list, with the equivalent commands
    Demo(DemoArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Each line is a JSON payload, sent byte for byte (the line must be valid JSON)
    Json,
    /// Each line is a record envelope (what `tail --output json` prints)
    Envelope,
    /// Each line is sent as is, as UTF-8 text
    Text,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Snappy,
    Lz4,
    Zstd,
}

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  evtctl publish orders '{\"id\":\"o-1\",\"total\":12.5}' -k o-1
  evtctl publish orders --file events.jsonl --key-field /orderId
  evtctl tail src --until end -o json | evtctl publish dst --format envelope
  evtctl publish orders --type OrderPlaced '{\"orderId\":\"o-1\"}'")]
pub struct PublishArgs {
    /// Destination topic (an envelope's own `topic` is ignored unless --envelope-topic)
    pub topic: String,

    /// A single event to publish; without it, lines are read from --file or stdin
    #[arg(value_name = "EVENT")]
    pub event: Option<String>,

    /// Read JSON Lines from this file instead of stdin
    #[arg(short, long, value_name = "PATH", conflicts_with = "event")]
    pub file: Option<PathBuf>,

    /// How to read each line
    #[arg(long, value_enum, default_value_t = InputFormat::Json)]
    pub format: InputFormat,

    /// Record key for every record
    #[arg(short, long, conflicts_with = "key_field")]
    pub key: Option<String>,

    /// Take the key from this JSON pointer into the payload, e.g. /orderId
    #[arg(long, value_name = "POINTER")]
    pub key_field: Option<String>,

    /// Header added to every record (repeatable); NAME alone adds a null value
    #[arg(short = 'H', long = "header", value_name = "NAME=VALUE")]
    pub headers: Vec<String>,

    /// Partition for every record (default: by key, Java-client compatible)
    #[arg(short, long)]
    pub partition: Option<i32>,

    /// Send at most this many records per second
    #[arg(long, value_name = "N")]
    pub rate: Option<f64>,

    /// Compression codec
    #[arg(long, value_enum, default_value_t = Compression::None)]
    pub compression: Compression,

    /// Wrap each payload in a CloudEvents envelope of this type (adds id, time, traceparent)
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,

    /// CloudEvents `source` attribute used with --type
    #[arg(long, default_value = "evtctl", requires = "event_type")]
    pub source: String,

    /// W3C traceparent to continue (the record gets a child span) [env: TRACEPARENT]
    #[arg(long, env = "TRACEPARENT", hide_env = true, value_name = "TRACEPARENT")]
    pub trace: Option<String>,

    /// Stop at the first line that cannot be parsed or delivered
    #[arg(long)]
    pub fail_fast: bool,

    /// Use each envelope's `topic` field when present (with --format envelope)
    #[arg(long)]
    pub envelope_topic: bool,
}

#[derive(Args, Debug)]
#[command(after_help = "Positions (--from):
  beginning | end        the start or the current end of each partition
  42                     that offset in every partition
  -10                    the last 10 records of each partition
  2026-11-22T08:00:00Z   the first record at or after that time
  15m, 2h, 3d            that long ago
  0=100,1=beginning      per partition (others start at the default)

Stops (--until):
  end                    the end offsets captured when the command starts
  <time> | <duration>    records before that time
  42                     before offset 42 in each partition (exclusive)

Examples:
  evtctl tail orders
  evtctl tail orders --from -5 --until end
  evtctl tail orders --from 1h --filter '.value.total > 100'
  evtctl tail orders --from beginning --until end -o json > orders.jsonl")]
pub struct TailArgs {
    /// Topics to read
    #[arg(required = true)]
    pub topics: Vec<String>,

    /// Where to start (see below) [default: end when following, beginning with --until]
    #[arg(long, value_name = "POSITION", allow_hyphen_values = true)]
    pub from: Option<String>,

    /// Where to stop (see below); without it, follow new records until Ctrl-C
    #[arg(long, value_name = "STOP")]
    pub until: Option<String>,

    /// Stop after this many records in total
    #[arg(short = 'n', long)]
    pub count: Option<u64>,

    /// Only these partitions (repeatable or comma-separated)
    #[arg(short, long, value_delimiter = ',')]
    pub partition: Vec<i32>,

    /// Keep records for which this jq expression (over the envelope) is truthy
    #[arg(long, value_name = "JQ")]
    pub filter: Option<String>,

    /// Keep records whose key is exactly this
    #[arg(short, long)]
    pub key: Option<String>,

    /// Join this consumer group and commit what was printed (default: no group, no commits)
    #[arg(short, long)]
    pub group: Option<String>,
}

#[derive(Args, Debug)]
pub struct TopicsArgs {
    #[command(subcommand)]
    pub command: Option<TopicsCommand>,
}

#[derive(Subcommand, Debug)]
pub enum TopicsCommand {
    /// List topics with partitions, replication and watermarks (the default)
    List {
        /// Include internal topics (names starting with `__`)
        #[arg(long)]
        all: bool,
    },
    /// Show one topic partition by partition
    Describe { topic: String },
    /// Create a topic
    Create {
        topic: String,
        /// Number of partitions
        #[arg(long, default_value_t = 1)]
        partitions: i32,
        /// Replication factor [default: the broker's default]
        #[arg(long)]
        replication: Option<i32>,
        /// Topic configuration (repeatable), e.g. --config retention.ms=86400000
        #[arg(long = "config", value_name = "KEY=VALUE")]
        configs: Vec<String>,
        /// Succeed if the topic already exists
        #[arg(long)]
        if_not_exists: bool,
    },
}

#[derive(Args, Debug)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Print the effective settings and where each came from, secrets redacted
    Show,
}

#[derive(Args, Debug)]
pub struct DevArgs {
    #[command(subcommand)]
    pub command: DevCommand,
}

#[derive(Subcommand, Debug)]
pub enum DevCommand {
    /// Run an embedded Kafka-protocol broker (librdkafka's mock cluster) until Ctrl-C
    Broker(BrokerArgs),
}

#[derive(Args, Debug)]
pub struct BrokerArgs {
    /// Port to listen on and advertise (0 picks a free one)
    #[arg(long, default_value_t = 9092)]
    pub port: u16,
    /// Create a topic at start (repeatable), e.g. --topic orders:6
    #[arg(long = "topic", value_name = "NAME[:PARTITIONS]")]
    pub topics: Vec<String>,
    /// Exit when standard input closes (for test harnesses and supervisors)
    #[arg(long, hide = true)]
    pub exit_on_stdin_eof: bool,
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    /// Number of sample order events to publish
    #[arg(long, default_value_t = 6)]
    pub events: usize,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to generate for
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn relative_from_is_accepted() {
        let cli =
            Cli::try_parse_from(["evtctl", "tail", "t", "--from", "-5", "--until", "end"]).unwrap();
        let Command::Tail(t) = cli.command else {
            panic!()
        };
        assert_eq!(t.from.as_deref(), Some("-5"));
    }
}
