//! Command-line surface: global options and the command enum. Doc comments are the help.

use crate::codec::Codec;
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

/// Operate Kafka-based event systems: publish, tail, validate, gate schema changes, triage dead letters, free stuck consumers.
#[derive(Parser, Debug)]
#[command(name = "evtctl", version, after_help = EXIT_CODES_HELP, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes (where they apply: `lib::command` hides them from the help of
/// commands where they do nothing), shown after the command's own.
#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Global options")]
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

    /// Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]
    #[arg(long, global = true, value_name = "DIR")]
    pub registry: Option<PathBuf>,

    /// How long to wait for the cluster before giving up (e.g. 10s, 1m)
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_timeout, default_value = "10s")]
    pub timeout: std::time::Duration,
    /// Longest input line accepted (publish, validate, replay files), in bytes; a longer one
    /// is rejected with its line number
    #[arg(long, global = true, value_name = "BYTES", default_value_t = crate::input::DEFAULT_MAX_LINE)]
    pub max_line_bytes: usize,
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

/// A free-form value with suggestions for shell completion (positions, modes): any text is
/// accepted here and parsed by the command; the suggestions only stop shells offering files.
#[derive(Clone)]
pub struct Suggest(pub &'static [&'static str]);

impl clap::builder::TypedValueParser for Suggest {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.0.iter().map(|v| clap::builder::PossibleValue::new(*v)),
        ))
    }
}

pub const FROM_VALUES: Suggest = Suggest(&["beginning", "end", "now", "-10", "15m", "1h", "1d"]);
pub const UNTIL_VALUES: Suggest = Suggest(&["end", "now", "15m", "1h", "1d"]);
pub const MODE_VALUES: Suggest = Suggest(&[
    "NONE",
    "BACKWARD",
    "BACKWARD_TRANSITIVE",
    "FORWARD",
    "FORWARD_TRANSITIVE",
    "FULL",
    "FULL_TRANSITIVE",
]);
pub const POLICY_VALUES: Suggest = Suggest(&["strict", "lenient"]);

/// A consumer group id: not empty, no control characters (librdkafka would otherwise answer
/// with a configuration error naming `group.id`).
pub fn group_name(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        return Err("a consumer group name cannot be empty".into());
    }
    if s.chars().any(char::is_control) {
        return Err("a consumer group name cannot contain control characters".into());
    }
    Ok(s.to_string())
}

/// `--timeout`: a duration, more than zero (zero would make every request time out at once and
/// be reported as an unreachable cluster).
pub fn parse_timeout(s: &str) -> Result<std::time::Duration, String> {
    let d = parse_duration(s)?;
    if d.is_zero() {
        return Err(format!(
            "`{s}`: the timeout must be more than zero, e.g. 10s"
        ));
    }
    if d > std::time::Duration::from_secs(365 * 86_400) {
        return Err(format!("`{s}`: a timeout of more than a year is not one"));
    }
    Ok(d)
}

/// Parse `--rate`: records per second, as `500` or `500/s`.
pub fn parse_rate(s: &str) -> Result<f64, String> {
    let n = s.strip_suffix("/s").unwrap_or(s);
    match n.trim().parse::<f64>() {
        Ok(r) if r > 0.0 && r.is_finite() => Ok(r),
        _ => Err(format!(
            "`{s}` is not a rate: give records per second, e.g. 500 or 500/s"
        )),
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Publish events: one from the command line, or JSON Lines from a file or stdin
    Publish(PublishArgs),
    /// Read records from topics, from a point in time or offset, following or up to an end
    Tail(TailArgs),
    /// List, describe, create, delete, grow and configure topics
    Topics(TopicsArgs),
    /// Validate events from topics, JSON Lines files or stdin against the schema registry
    Validate(ValidateArgs),
    /// Inspect and check the local schema registry
    Schema(SchemaArgs),
    /// Check schema compatibility between versions: a CI gate against breaking changes
    Compat(CompatArgs),
    /// Dead-letter queues: see what is there and why, keep a copy, move records back
    Dlq(DlqArgs),
    /// Count records per partition and in total, between two positions
    Count(CountArgs),
    /// Assert that matching records appear (or do not) on live topics within a time window,
    /// around a trigger command: a CI check
    Expect(ExpectArgs),
    /// Follow an id or a trace across topics: every record whose key, id field or trace header
    /// carries it, merged into one timeline (with dead-letter origins)
    Trace(TraceArgs),
    /// Cluster id, controller and brokers (id, address, rack); with -v each broker's API
    /// versions. The first thing to run against a new profile
    Cluster,
    /// Copy a range of records (from a topic or an exported file) into a topic
    Replay(ReplayArgs),
    /// Consumer groups: lag and time lag per partition, stuck partitions, and the safe way past a poison record
    Groups(GroupsArgs),
    /// Show the effective configuration (secrets redacted)
    Config(ConfigArgs),
    /// Local development helpers: an embedded Kafka-protocol broker
    Dev(DevArgs),
    /// A guided tour on an embedded broker: publish, tail, validate and compat, showing each command
    #[command(long_about = DEMO_HELP)]
    Demo(DemoArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Topic or group names, one a line, for the completion scripts: at most 2 s, nothing
    /// printed on any failure
    #[command(hide = true)]
    CompleteNames(CompleteNamesArgs),
}

#[derive(Args, Debug)]
pub struct CompleteNamesArgs {
    /// What to list
    #[arg(value_enum)]
    pub kind: NameKind,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Topics,
    Groups,
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

/// How a CloudEvent travels in a record (the Kafka protocol binding).
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CeMode {
    /// The value is the JSON event with `data` inside; `content-type:
    /// application/cloudevents+json`
    Structured,
    /// The value is the data as it is; the attributes are `ce_*` headers
    Binary,
}

impl CeMode {
    pub fn mode(self) -> crate::cloudevents::Mode {
        match self {
            CeMode::Structured => crate::cloudevents::Mode::Structured,
            CeMode::Binary => crate::cloudevents::Mode::Binary,
        }
    }
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
  evtctl publish orders --type OrderPlaced --file orders.jsonl --key-field /orderId
  printf 'o-1:hello\\n' | evtctl publish notes --format text --key-delimiter :
  evtctl publish counters 7 --key 42 --key-type int64 --create --partitions 3")]
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

    /// Send at most this many records per second, e.g. 200 or 200/s
    #[arg(long, value_name = "N/s", value_parser = parse_rate)]
    pub rate: Option<f64>,

    /// Compression codec
    #[arg(long, value_enum, default_value_t = Compression::None)]
    pub compression: Compression,

    /// Wrap each payload as `data` in a CloudEvents 1.0 event of this type, with a generated
    /// id, time, version, dataschema (when the registry routes the type) and a traceparent header
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,

    /// How events made with --type travel: structured (the event JSON as the value) or binary
    /// (the payload as the value, the attributes as ce_* headers)
    #[arg(long, value_enum, value_name = "MODE", default_value_t = CeMode::Structured, requires = "event_type")]
    pub ce_mode: CeMode,

    /// The `source` of events made with --type
    #[arg(long, default_value = "evtctl", requires = "event_type")]
    pub source: String,

    /// The `version` of events made with --type [default: the latest registered version of the
    /// type's subject, else 1]
    #[arg(long, value_name = "N", requires = "event_type")]
    pub event_version: Option<u32>,

    /// Publish events even when they fail their schema in the registry
    #[arg(long)]
    pub no_validate: bool,

    /// Encode each JSON event with this registry subject (Avro, Protobuf or JSON Schema), as
    /// SUBJECT[@VERSION], framed with the version's schema id (default: the topic's route or
    /// `<topic>-value` subject when it is Avro or Protobuf)
    #[arg(long, value_name = "SUBJECT[@V]")]
    pub value_schema: Option<String>,

    /// Encode keys with this registry subject (default: a `<topic>-key` Avro/Protobuf subject)
    #[arg(long, value_name = "SUBJECT[@V]")]
    pub key_schema: Option<String>,

    /// Write encoded payloads without Confluent's schema id (for unframed topics)
    #[arg(long, conflicts_with = "id_header")]
    pub no_framing: bool,

    /// Put the schema id in a `__value_schema_id` / `__key_schema_id` header (the GUID form)
    /// instead of in front of the payload
    #[arg(long)]
    pub id_header: bool,

    /// W3C traceparent to continue (the record gets a child span) [env: TRACEPARENT]
    #[arg(long, env = "TRACEPARENT", hide_env = true, value_name = "TRACEPARENT")]
    pub trace: Option<String>,

    /// Stop at the first line that cannot be parsed or delivered
    #[arg(long)]
    pub fail_fast: bool,

    /// Use each envelope's `topic` field when present (with --format envelope)
    #[arg(long)]
    pub envelope_topic: bool,

    /// How to encode the key given with -k, --key-field or --key-delimiter (int32/int64 are
    /// big-endian, as Java's serializers write them)
    #[arg(long, value_enum, value_name = "TYPE", default_value_t = Codec::String)]
    pub key_type: Codec,

    /// With --format text: the text before the first DELIM on a line is the key, the rest the
    /// value (kcat's -K); a line without DELIM has no key
    #[arg(long, value_name = "DELIM", conflicts_with_all = ["key", "key_field"])]
    pub key_delimiter: Option<String>,

    /// Create the topic first when it does not exist (default: a missing topic is an error)
    #[arg(long)]
    pub create: bool,

    /// Partitions of a topic made by --create
    #[arg(long, value_name = "N", requires = "create", default_value_t = 1)]
    pub partitions: i32,

    // Values and keys as kcat users give them (issue 21): typed values, tombstones, lines
    // without the key field.
    /// How to encode each value given as text (the line or EVENT): int32/int64 big-endian as
    /// Java's serializers write them, hex, base64; json checks that it is JSON
    #[arg(long, value_enum, value_name = "TYPE", default_value_t = Codec::String)]
    pub value_type: Codec,

    /// Send an empty value as null, a tombstone (kcat's -Z): `publish T -k K -Z ''`, or a text
    /// line `K:` with --key-delimiter :
    #[arg(short = 'Z', long)]
    pub null_empty: bool,

    /// With --key-field: what a line without the field (or with null there) gets
    #[arg(long, value_enum, value_name = "WHAT", default_value_t = MissingKey::Reject)]
    pub missing_key: MissingKey,
}

/// `publish --missing-key`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingKey {
    /// Send the record with a null key
    Null,
    /// Reject the line (reported with its number, as an unparseable one)
    Reject,
}

#[derive(Args, Debug)]
#[command(after_help = "Positions (--from):
  beginning | end        the start or the current end of each partition
  42                     that offset in every partition
  -10                    the last 10 records of each partition
  2026-11-22T08:00:00Z   the first record at or after that time
  2026-11-22             that day's midnight, UTC
  s@1796403866600        that time in Unix milliseconds (kcat's s@)
  15m, 2h, 3d            that long ago
  0=100,1=beginning      per partition (others start at the default)
  group:GROUP            where that group's committed offsets are: what its consumers read
                         next (the group is not joined; partitions without a committed offset
                         start at the default)

Format (--format), as kcat's -f:
  %t topic   %p partition   %o offset   %T timestamp (ms, -1 if none)   %{time} RFC 3339
  %k key     %s value       %K / %S key / value length (-1 if null)     %% a percent sign
  %h headers as name=value,name=value   %{header:NAME} the last header called NAME
  \\n \\t \\r \\0 \\\\ escapes. Bytes are written as they are, escaped on a terminal.

Stops (--until):
  end                    the end offsets captured when the command starts
  <time> | <duration>    records before that time (a date, e@MS in Unix milliseconds, …)
  42                     before offset 42 in each partition (exclusive)

Examples:
  evtctl tail orders
  evtctl tail orders --from -5 --until end
  evtctl tail orders --from 1h --filter '.value.total > 100'
  evtctl tail orders --from group:billing -n 1          # the record billing is stuck on
  evtctl tail orders --from beginning --until end -o json > orders.jsonl
  evtctl tail orders --from beginning --until end --format '%k\\t%s\\n'
  evtctl tail counters --key-type int64 --value-type int64 --format '%k=%s\\n'")]
pub struct TailArgs {
    /// Topics to read; `re:REGEX` selects every topic whose whole name matches
    #[arg(required_unless_present = "topics_regex")]
    pub topics: Vec<String>,

    /// Also read every topic whose whole name matches this regular expression (when following,
    /// topics created later too)
    #[arg(long, value_name = "REGEX")]
    pub topics_regex: Option<String>,

    /// Where to start (see below) [default: end when following, beginning with --until]
    #[arg(long, value_name = "POSITION", allow_hyphen_values = true, value_parser = FROM_VALUES, hide_possible_values = true)]
    pub from: Option<String>,

    /// Where to stop (see below); without it, follow new records until Ctrl-C
    #[arg(long, value_name = "STOP", value_parser = UNTIL_VALUES, hide_possible_values = true)]
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
    #[arg(short, long, value_parser = group_name)]
    pub group: Option<String>,

    /// Check each record against the schema registry and mark the invalid ones
    #[arg(long)]
    pub validate: bool,

    /// Print each record with this kcat-style format instead of pretty/JSON, e.g. '%k\t%s\n'
    /// (tokens below)
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<String>,

    /// How to decode keys (and encode --key): shown decoded, in the envelope with
    /// `key_encoding` naming the type
    #[arg(long, value_enum, value_name = "TYPE", default_value_t = Codec::String)]
    pub key_type: Codec,

    /// How to decode values
    #[arg(long, value_enum, value_name = "TYPE", default_value_t = Codec::String)]
    pub value_type: Codec,

    /// Decode values with this registry subject (Avro, Protobuf or JSON Schema), as
    /// SUBJECT[@VERSION]; framed payloads are read by their schema id (default: the topic's
    /// route, a `<topic>-value` subject, or the id in each record)
    #[arg(long, value_name = "SUBJECT[@V]")]
    pub value_schema: Option<String>,

    /// Decode keys with this registry subject (default: a `<topic>-key` subject, or the id in
    /// each key)
    #[arg(long, value_name = "SUBJECT[@V]")]
    pub key_schema: Option<String>,

    /// Show payloads as bytes: no decoding with the registry's Avro, Protobuf or framed schemas
    #[arg(long, conflicts_with_all = ["value_schema", "key_schema"])]
    pub no_decode: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpectFormat {
    /// JUnit XML, for CI test reports: one testcase per expectation (and one for the trigger)
    Junit,
    /// A pull-request comment or job summary: a verdict line, a table, the failures' records
    Markdown,
}

#[derive(Args, Debug)]
#[command(
    after_help = "The end offsets of every partition are captured before CMD starts, so records CMD
causes are seen however fast they land. CMD's output goes to stderr; the window (--within)
starts when CMD ends. An expectation is met by at least --count matching records (reading stops
as soon as it is); with --none, by no matching record in the whole window (a match fails at
once); with --validate, a matching record that is not valid against its schema (or has none)
fails at once. A trigger that exits non-zero fails the run (exit 1), after the expectations
have been checked all the same.

--spec FILE.toml holds several expectations sharing one trigger:
  within = \"10s\"                       # default for each [[expect]]
  [[expect]]
  name = \"order paid\"                  # optional
  topic = \"orders\"
  match = '.value.type == \"OrderPaid\"'
  count = 1                            # also: within, none, validate, from
  [[expect]]
  topic = \"orders-dlq\"
  none = true
An entry with `then = true` starts once the one before it is met: on the same topic from
where that one stopped reading, on another topic with the records written at or after the
time of the record that met it; its window starts then.

Exit codes: 0 every expectation met, 1 not met (timeout, too few, forbidden or invalid record,
failing trigger), 2 usage or spec error (or CMD cannot be started), 3 cluster unreachable,
130 interrupted.

Examples:
  evtctl expect orders --match '.value.type == \"OrderPaid\"' --within 10s -- ./call-service.sh
  evtctl expect orders-dlq --none --within 5s -- ./call-service.sh
  evtctl expect --spec checkout.toml --format junit -- ./call-service.sh > expect.xml"
)]
pub struct ExpectArgs {
    /// Topic to watch; `re:REGEX` watches every topic whose whole name matches
    #[arg(required_unless_present = "spec")]
    pub topic: Option<String>,

    /// jq expression over the record envelope (as `tail --filter` sees it) that a record must
    /// satisfy [default: any record]
    #[arg(long = "match", value_name = "JQ")]
    pub matcher: Option<String>,

    /// At least this many matching records [default: 1]
    #[arg(short = 'n', long, value_name = "N")]
    pub count: Option<u64>,

    /// How long to wait, counted from the end of the trigger command (with --spec: the default
    /// of each expectation)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, default_value = "10s")]
    pub within: std::time::Duration,

    /// Matching records must be valid against their schema in the registry
    #[arg(long)]
    pub validate: bool,

    /// No matching record may appear within the window (e.g. nothing in the DLQ)
    #[arg(long, conflicts_with_all = ["count", "validate"])]
    pub none: bool,

    /// Look back: read from this position instead of the end offsets captured before CMD
    #[arg(long, value_name = "POSITION", allow_hyphen_values = true, value_parser = FROM_VALUES, hide_possible_values = true)]
    pub from: Option<String>,

    /// Several expectations from a TOML file (see below) instead of TOPIC and its options
    #[arg(long, value_name = "FILE", conflicts_with_all = ["topic", "matcher", "count", "none", "validate", "from"])]
    pub spec: Option<PathBuf>,

    /// Write the report as JUnit XML or Markdown instead of pretty/JSON
    #[arg(long, value_enum)]
    pub format: Option<ExpectFormat>,

    /// The trigger: a command run once the end offsets are captured, e.g. -- ./call-service.sh
    #[arg(last = true, value_name = "CMD")]
    pub command: Vec<String>,
}

#[derive(Args, Debug)]
#[command(
    after_help = "A record matches when its key equals VALUE, when a --field (a JSON pointer into a JSON
value, e.g. /data/orderId; a number matches its text) equals VALUE, or, when VALUE is a
32-hex-digit trace id, when its `traceparent` or `ce_traceparent` header carries that trace id
(or, in a structured-mode CloudEvent, its `traceparent` attribute).
Every partition of the topics is read from --from (default: 2h, two hours ago) to the end
offsets captured at start (--until), joining no group; the output ends with the offset ranges
scanned per partition and whether each was read in full, so \"not found\" means \"not in these
ranges\". Matches are shown in time order with their event type (the value's `type` or the
`ce_type` header), key, what matched, and for a dead-lettered record its origin and error.

When only the key can match (no --field, VALUE not a trace id), only the key's partition is
read: the one murmur2 picks, as the Java client's default partitioner and evtctl publish do
(--all-partitions reads them all, for keys written with another partitioner).

--hops N: the ids found in the --field paths of the matches are searched for too, in another
pass over the same ranges per hop (up to N), each match naming the hop that found it.

Exit codes: 0 found, 1 nothing found, 2 usage error, 3 cluster unreachable, 130 interrupted.

Examples:
  evtctl trace ord-991 --topics orders,payments,re:.*-dlt
  evtctl trace ord-991 --field /data/orderId --field /data/paymentId --hops 1 --from 1d
  evtctl trace 4bf92f3577b34da6a3ce929d0e0e4736 -o json
  evtctl trace ord-991 --field /data/orderId --format mermaid > ord-991.mmd"
)]
pub struct TraceArgs {
    /// The id to follow: a record key, the value of a --field, or a 32-hex-digit trace id
    pub value: String,

    /// Topics to search, comma-separated (repeatable); `re:REGEX` selects every topic whose
    /// whole name matches [default: every topic not starting with `__`]
    #[arg(long, value_name = "LIST")]
    pub topics: Vec<String>,

    /// Where to start (as in tail) [default: 2h]
    #[arg(long, value_name = "POSITION", allow_hyphen_values = true, value_parser = FROM_VALUES, hide_possible_values = true)]
    pub from: Option<String>,

    /// Where to stop (as in tail) [default: end, the end offsets captured at start]
    #[arg(long, value_name = "STOP", value_parser = UNTIL_VALUES, hide_possible_values = true)]
    pub until: Option<String>,

    /// A JSON pointer into the value that holds an id, e.g. /data/orderId (repeatable)
    /// [default: `[trace] fields` in registry.toml]
    #[arg(long = "field", value_name = "POINTER")]
    pub fields: Vec<String>,

    /// Follow the ids found in the --field paths of the matches, up to N hops
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub hops: u32,

    /// Read every partition even when only the key can match (by default only the key's
    /// partition is read, placed as the Java client's default partitioner places it)
    #[arg(long)]
    pub all_partitions: bool,

    /// Keep at most N matches (the earliest by time); the others are counted
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub max_matches: usize,

    /// Write the timeline as a Mermaid sequence diagram instead of pretty/JSON
    #[arg(long, value_enum)]
    pub format: Option<TraceFormat>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraceFormat {
    /// A Mermaid sequence diagram (participants: each record's CloudEvents source, else its
    /// topic), with the ranges scanned as comments: paste it into an incident document
    Mermaid,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValidateInput {
    /// Each line is an event
    Json,
    /// Each line is a record envelope; its value is the event (topic and headers help lookup)
    Envelope,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// JUnit XML, for CI test reports
    Junit,
    /// GitHub Actions annotations (::error file=…,line=…::…)
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers
    Sarif,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompatFormat {
    /// JUnit XML, for CI test reports
    Junit,
    /// GitHub Actions annotations (::error file=…,line=…::…)
    Github,
    /// SARIF 2.1.0, for GitHub code scanning (upload-sarif) and other viewers
    Sarif,
    /// A pull-request comment: verdict line, a table per subject, breaking changes first
    Markdown,
}

/// Which findings fail `compat` (exit 1).
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailOn {
    /// Findings whose severity is `error` (breaking changes, unless configured otherwise)
    #[default]
    Error,
    /// Findings whose severity is `error` or `warn`
    Warn,
}

#[derive(Args, Debug)]
#[command(
    after_help = "Each event's schema is found by: --subject; the CloudEvents `dataschema` attribute or a
ce_dataschema header; the event type (`type`, `eventType`, ce_type header) through
[routes.types], with `version`/`eventVersion`; the topic through [routes.topics] or
`<topic>-value`. An event with no schema is a problem unless --allow-unknown.

Exit codes: 0 all valid, 1 invalid or unknown events found, 2 usage or registry error.

Examples:
  evtctl validate --file events.jsonl
  evtctl validate orders --from 1h
  evtctl tail orders --until end -o json | evtctl validate --input envelope
  evtctl validate --file events.jsonl --format github"
)]
pub struct ValidateArgs {
    /// Topics to read (up to the end offsets captured at start); `re:REGEX` selects every
    /// topic whose whole name matches
    pub topics: Vec<String>,
    /// Also read every topic whose whole name matches this regular expression
    #[arg(long, value_name = "REGEX")]
    pub topics_regex: Option<String>,
    /// JSON Lines file to read (repeatable; `-` is stdin; the default without topics)
    #[arg(short, long = "file", value_name = "PATH")]
    pub files: Vec<PathBuf>,
    /// What each line of a file is
    #[arg(long, value_enum, default_value_t = ValidateInput::Json)]
    pub input: ValidateInput,
    /// Where to start reading topics (as in tail) [default: beginning]
    #[arg(long, value_name = "POSITION", allow_hyphen_values = true, value_parser = FROM_VALUES, hide_possible_values = true)]
    pub from: Option<String>,
    /// Where to stop reading topics (as in tail) [default: end]
    #[arg(long, value_name = "STOP", value_parser = UNTIL_VALUES, hide_possible_values = true)]
    pub until: Option<String>,
    /// Only these partitions
    #[arg(short, long, value_delimiter = ',')]
    pub partition: Vec<i32>,
    /// Validate every event against this schema instead of looking it up
    #[arg(long, value_name = "SUBJECT[@VERSION]")]
    pub subject: Option<String>,
    /// Events with no schema are counted, not failures
    #[arg(long)]
    pub allow_unknown: bool,
    /// Stop after this many failing events
    #[arg(long, value_name = "N")]
    pub max_invalid: Option<u64>,
    /// Report for CI instead of pretty/JSON output
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
}

#[derive(Args, Debug)]
#[command(
    after_help = "Each subject's versions are checked under its mode and policy from registry.toml
(default BACKWARD, strict). Breaks are reported as FILE:LINE:COL: RULE_ID: message, with
Confluent's rule ids.

Rule configuration in registry.toml (waived changes are still reported, marked waived, with the
line that waived them):
  [compat]
  ignore = [\"FORMAT_ADDED\"]                 # rule ids
  severity = { PATTERN_CHANGED = \"warn\" }   # error, warn or off
  [subjects.order-placed.compat]
  ignore_paths = [\"#/properties/legacy\"]    # JSON pointers, prefix match

Exit codes: 0 compatible, 1 breaking changes found (severity error, or warn with --fail-on
warn), 2 could not check (a schema that does not parse, a $ref that does not resolve, a git
error, an unknown rule id in registry.toml).

Examples:
  evtctl compat                                   # every subject in ./schemas
  evtctl compat order-placed --mode FULL_TRANSITIVE
  evtctl compat --against origin/main --format github
  evtctl compat --against origin/main --format sarif > compat.sarif
  evtctl compat --against origin/main --format markdown > comment.md
  evtctl compat --old v1.schema.json --new v2.schema.json --mode BACKWARD --policy lenient"
)]
pub struct CompatArgs {
    /// Subjects to check [default: all]
    pub subjects: Vec<String>,
    /// Compare the registry with the one at this git revision: edited or deleted published
    /// versions are errors, new versions are checked against the history
    #[arg(long, value_name = "GIT_REF", conflicts_with_all = ["old", "new"])]
    pub against: Option<String>,
    /// The earlier schema file (with --new: two files, no registry)
    #[arg(long, value_name = "FILE", requires = "new")]
    pub old: Option<PathBuf>,
    /// The later schema file
    #[arg(long, value_name = "FILE", requires = "old")]
    pub new: Option<PathBuf>,
    /// With --old/--new: the directory `$ref`s may reach [default: each file's own directory]
    #[arg(long, value_name = "DIR", requires = "old")]
    pub ref_root: Option<PathBuf>,
    /// Override the compatibility mode (NONE, BACKWARD, FORWARD, FULL, *_TRANSITIVE)
    #[arg(long, value_name = "MODE", value_parser = MODE_VALUES, hide_possible_values = true)]
    pub mode: Option<String>,
    /// Override the policy (strict, lenient)
    #[arg(long, value_name = "POLICY", value_parser = POLICY_VALUES, hide_possible_values = true)]
    pub policy: Option<String>,
    /// Treat changes to keywords that cannot be verified as breaking
    #[arg(long)]
    pub strict_unknown: bool,
    /// Which severities fail the check (registry.toml sets a severity per rule)
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Report for CI instead of pretty/JSON output
    #[arg(long, value_enum)]
    pub format: Option<CompatFormat>,
}

#[derive(Args, Debug)]
pub struct DlqArgs {
    #[command(subcommand)]
    pub command: DlqCommand,
}

#[derive(Subcommand, Debug)]
pub enum DlqCommand {
    /// What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives
    #[command(
        after_help = "Reads everything up to the end offsets captured at start (or --from/--until), joins no
group and commits nothing. Origins are decoded from the headers of Kafka Connect, Kafka
Streams, share groups, Spring (DLT, retry topics, Cloud Stream), SmallRye and Karafka.

Examples:
  evtctl dlq stats orders-dlt
  evtctl dlq stats orders-dlt payments-dlt --from 24h -o json
  evtctl dlq stats orders-dlt --fail-above 0      # CI/alerting: exit 1 when not empty"
    )]
    Stats(DlqStatsArgs),
    /// Export dead-lettered records to a file, then commit: a rerun continues where the last stopped
    #[command(
        after_help = "Records are appended to FILE in the record format (what `tail -o json` prints; `replay
--from-file` and `publish --format envelope` read it back). The file is flushed and fsynced
before the drained positions are committed in the group, so a crash never skips a record. A
rerun with the same FILE first reads it and skips what it already holds, so nothing is
exported twice either. Nothing is deleted from the topic.

Examples:
  evtctl dlq drain orders-dlt --to orders-dlt.jsonl
  evtctl dlq drain orders-dlt --to copy.jsonl --group incident-4711"
    )]
    Drain(DlqDrainArgs),
    /// Move dead-lettered records back to their original topic (or --to), safely
    #[command(after_help = REDRIVE_HELP)]
    Redrive(DlqRedriveArgs),
}

const REDRIVE_HELP: &str = "Each record goes back to the topic its DLQ headers name (Kafka Connect, Kafka Streams,
Spring, SmallRye, Karafka, … or a convention declared in registry.toml) or to --to, into its
original partition when the destination has it, otherwise by key. The DLQ error headers are
stripped; key, value and other headers are kept, and evtctl-redrive-count,
evtctl-redrive-origin (DLQ topic/partition/offset: a dedup key) and evtctl-redrive-at added.

Guarantees: a run covers the records up to the end offsets captured at start (records that fail
again and return are left for the next run); the group's position is committed only past
records whose copy was acknowledged, so after Ctrl-C, a crash or a broker failure a rerun
continues without losing one (a record may be copied twice only if the process dies between
the acknowledgement and the commit). Records a run leaves in the DLQ (filtered out, invalid,
unroutable) stay reachable: the position never passes them. One group per DLQ
(evtctl-redrive.<DLQ> by default, whatever the selection) keeps, beside its position, a ledger
of the records after it that were already moved, so no selection moves a record another one
moved. Instances given the same --group share the partitions.

--transform rewrites each record on the way back (a jq expression over the envelope that yields
the record to send: key, value and headers may change, topic, partition and offset may not);
--validate checks the rewritten record, --dry-run shows a few before and after. A record the
transform fails on is reported with its position and stays in the DLQ.

Exit codes: 0 done, 1 records skipped as invalid or failed by --transform, or a record with no origin or no destination
topic stopped the run, 2 usage, 3 cluster, 4 copies not acknowledged (the position stays before them), 130
interrupted.

Examples:
  evtctl dlq redrive orders-dlt --dry-run
  evtctl dlq redrive orders-dlt --limit 10 --yes          # canary
  evtctl dlq redrive orders-dlt --rate 200/s --yes
  evtctl dlq redrive orders-dlt --error-class TimeoutException --max-redrives 3 --park-to orders-parked
  evtctl dlq redrive orders-dlt --transform '.value.total |= tonumber' --validate --dry-run";

#[derive(Args, Debug)]
pub struct DlqDrainArgs {
    /// Dead-letter topic to drain
    pub topic: String,
    /// File to append the records to
    #[arg(long, value_name = "FILE")]
    pub to: PathBuf,
    /// Consumer group holding the drained position [default: evtctl-drain.<TOPIC>]
    #[arg(short, long, value_parser = group_name)]
    pub group: Option<String>,
}

#[derive(Args, Debug)]
pub struct DlqRedriveArgs {
    /// Dead-letter topic to move records out of
    pub topic: String,
    /// Send every record here instead of the topic its headers name
    #[arg(long, value_name = "TOPIC")]
    pub to: Option<String>,
    /// Print the plan (counts per destination, already moved, left by earlier runs, unroutable) and move nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Act without asking (required when stdin is not a terminal)
    #[arg(short, long)]
    pub yes: bool,
    /// Consumer group holding the position and ledger [default: evtctl-redrive.<TOPIC>]
    #[arg(short, long, value_parser = group_name)]
    pub group: Option<String>,
    /// Only records for which this jq expression (over the envelope) is truthy
    #[arg(long, value_name = "JQ")]
    pub filter: Option<String>,
    /// Rewrite each record on the way back: a jq expression over the envelope that yields the
    /// record to send (key, value and headers may change; topic, partition and offset may not)
    #[arg(long, value_name = "JQ")]
    pub transform: Option<String>,
    /// Only records whose error class is this (full name, or the part after the last `.`)
    #[arg(long, value_name = "CLASS")]
    pub error_class: Option<String>,
    /// Only records that came from this topic
    #[arg(long, value_name = "TOPIC")]
    pub origin_topic: Option<String>,
    /// Move at most N records, then stop (a canary)
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
    /// At most this many records per second, e.g. 200 or 200/s
    #[arg(long, value_name = "N/s", value_parser = parse_rate)]
    pub rate: Option<f64>,
    /// Keep each record's original timestamp (default: the time of the redrive)
    #[arg(long)]
    pub keep_timestamp: bool,
    /// Records already redriven N times or more go to --park-to instead
    #[arg(long, value_name = "N", requires = "park_to")]
    pub max_redrives: Option<u32>,
    /// Parking topic for records over --max-redrives
    #[arg(long, value_name = "TOPIC", requires = "max_redrives")]
    pub park_to: Option<String>,
    /// Check each record against the registry first; invalid ones are skipped and reported
    #[arg(long)]
    pub validate: bool,
    /// Leave records with no origin or no destination topic in the DLQ and go on (default: stop at the first)
    #[arg(long)]
    pub skip_unroutable: bool,
}

#[derive(Args, Debug)]
#[command(
    after_help = "Records keep key, value and headers, and go to the partition they came from when the
destination has it (otherwise by key), so per-key order holds. Timestamps are new unless
--keep-timestamp. Ranges are bounded by the end offsets captured at start.

With --checkpoint-group, a rerun continues after the last record whose copy was
acknowledged (positions are committed only after acknowledgement).

Examples:
  evtctl replay --from-topic orders --from 2026-11-20T10:00:00Z --until 2026-11-20T11:00:00Z --to orders-replay
  evtctl replay --from-file orders-dlt.jsonl --to orders --rate 100/s
  evtctl replay --from-topic orders --from beginning --to orders-copy --checkpoint-group copy-1"
)]
pub struct ReplayArgs {
    /// Read records from this topic (with --from/--until)
    #[arg(
        long,
        value_name = "TOPIC",
        conflicts_with = "from_file",
        required_unless_present = "from_file"
    )]
    pub from_topic: Option<String>,
    /// Read records from this file in the record format (`-` is stdin)
    #[arg(long, value_name = "FILE")]
    pub from_file: Option<PathBuf>,
    /// Destination topic
    #[arg(long, value_name = "TOPIC")]
    pub to: String,
    /// Where to start, as in tail (with --from-topic) [default: beginning]
    #[arg(
        long,
        value_name = "POSITION",
        allow_hyphen_values = true,
        requires = "from_topic",
        value_parser = FROM_VALUES,
        hide_possible_values = true
    )]
    pub from: Option<String>,
    /// Where to stop, as in tail (with --from-topic) [default: end]
    #[arg(long, value_name = "STOP", requires = "from_topic", value_parser = UNTIL_VALUES, hide_possible_values = true)]
    pub until: Option<String>,
    /// Only these partitions of --from-topic
    #[arg(short, long, value_delimiter = ',', requires = "from_topic")]
    pub partition: Vec<i32>,
    /// Only records for which this jq expression (over the envelope) is truthy
    #[arg(long, value_name = "JQ")]
    pub filter: Option<String>,
    /// Rewrite each record on the way: a jq expression over the envelope that yields the
    /// record to send (key, value and headers may change; topic, partition and offset may not)
    #[arg(long, value_name = "JQ")]
    pub transform: Option<String>,
    /// At most this many records per second, e.g. 200 or 200/s
    #[arg(long, value_name = "N/s", value_parser = parse_rate)]
    pub rate: Option<f64>,
    /// Count what would be copied (with --transform: show a few records before and after), copy nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Keep each record's original timestamp
    #[arg(long)]
    pub keep_timestamp: bool,
    /// Add a header evtctl-replay-origin naming each record's source (topic/partition/offset)
    #[arg(long)]
    pub provenance: bool,
    /// Commit progress in this group and resume from it (with --from-topic)
    #[arg(long, value_name = "GROUP", requires = "from_topic", value_parser = group_name)]
    pub checkpoint_group: Option<String>,
    /// Convert each CloudEvent to this mode on the way (the data bytes untouched); records that
    /// are not CloudEvents are copied as they are
    #[arg(long, value_enum, value_name = "MODE")]
    pub ce_mode: Option<CeMode>,
}

#[derive(Args, Debug)]
#[command(
    after_help = "Without --filter nothing is read: counts are offset spans (exact for offset bounds; time
bounds are looked up with the broker's ListOffsets by time and checked against the records' own
times; where the broker cannot answer by time that is said and the range is read). On compacted or transactional topics an offset span
can exceed the number of records: --filter true reads and counts exactly.

Examples:
  evtctl count orders
  evtctl count orders payments --from 1h
  evtctl count orders --filter '.value.total > 100' -o json"
)]
pub struct CountArgs {
    /// Topics to count
    #[arg(required = true)]
    pub topics: Vec<String>,
    /// Where to start (as in tail) [default: beginning]
    #[arg(long, value_name = "POSITION", allow_hyphen_values = true, value_parser = FROM_VALUES, hide_possible_values = true)]
    pub from: Option<String>,
    /// Where to stop (as in tail) [default: end]
    #[arg(long, value_name = "STOP", value_parser = UNTIL_VALUES, hide_possible_values = true)]
    pub until: Option<String>,
    /// Only these partitions
    #[arg(short, long, value_delimiter = ',')]
    pub partition: Vec<i32>,
    /// Count only records for which this jq expression (over the envelope) is truthy (reads
    /// the range)
    #[arg(long, value_name = "JQ")]
    pub filter: Option<String>,
}

#[derive(Args, Debug)]
pub struct DlqStatsArgs {
    /// Dead-letter topics to read; `re:REGEX` selects every topic whose whole name matches
    #[arg(required_unless_present = "topics_regex")]
    pub topics: Vec<String>,
    /// Also read every topic whose whole name matches this regular expression, e.g. '.*-dlt'
    #[arg(long, value_name = "REGEX")]
    pub topics_regex: Option<String>,
    /// Where to start (as in tail) [default: beginning]
    #[arg(long, value_name = "POSITION", allow_hyphen_values = true, value_parser = FROM_VALUES, hide_possible_values = true)]
    pub from: Option<String>,
    /// Where to stop (as in tail) [default: end]
    #[arg(long, value_name = "STOP", value_parser = UNTIL_VALUES, hide_possible_values = true)]
    pub until: Option<String>,
    /// Sample records shown per error group
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub samples: usize,
    /// Exit 1 when more than N records are found (for alerting and CI)
    #[arg(long, value_name = "N")]
    pub fail_above: Option<u64>,
}

#[derive(Args, Debug)]
pub struct GroupsArgs {
    #[command(subcommand)]
    pub command: Option<GroupsCommand>,
}

#[derive(Subcommand, Debug)]
pub enum GroupsCommand {
    /// List consumer groups: state, protocol, members, topics, total lag (the default)
    #[command(
        after_help = "Lag counts records between each partition's committed offset and its end; partitions
without a committed offset are not counted. Brokers that cannot list groups (the embedded
broker of `evtctl dev broker`) are reported as such (exit 3): name a group with
`evtctl groups describe GROUP`.

Exit codes: 0 ok, 1 a group's lag is above --fail-above-lag, 2 usage, 3 cluster."
    )]
    List(GroupsListArgs),
    /// One group per topic and partition: committed offset, end, lag, time lag, owning member
    #[command(after_help = GROUPS_DESCRIBE_HELP)]
    Describe(GroupsDescribeArgs),
    /// Take the records at a group's position out of the way, into a quarantine topic, without losing them
    #[command(after_help = GROUPS_SKIP_HELP)]
    Skip(GroupsSkipArgs),
    /// Move a group's committed offsets: prints the plan, acts with --execute
    #[command(after_help = GROUPS_RESET_HELP)]
    Reset(GroupsResetArgs),
    /// Delete a group and its committed offsets (as kafka-consumer-groups --delete)
    #[command(after_help = GROUPS_DELETE_HELP)]
    Delete(GroupsDeleteArgs),
}

const GROUPS_DELETE_HELP: &str = "Refused while the group has active members, naming them (the \
broker refuses it too); its committed offsets are lost, so `groups describe GROUP -o json` first
keeps a backup that `groups reset --from-file` restores. Asks for confirmation on a terminal;
otherwise it needs --yes.

Exit codes: 0 deleted, 1 the group has active members, 2 usage (not found, not confirmed),
3 cluster (or a broker without DeleteGroups).";

#[derive(Args, Debug)]
pub struct GroupsDeleteArgs {
    /// The consumer group
    pub group: String,
    /// Delete without asking
    #[arg(long, short = 'y')]
    pub yes: bool,
}

const GROUPS_RESET_HELP: &str =
    "Positions (--to): earliest | latest | an offset | an RFC 3339 time, a date or s@MS | a duration like 2h (the
first record at or after that time; the end where there is none). Offsets are kept within each
partition's log start and end. --shift-by N moves each committed offset by N (negative: back).
--from-file restores what `groups describe GROUP -o json` saved (its last document).

Without --execute only the plan is printed: per partition the current and new offset and how
many records that skips or reads again. With --execute the offsets are committed from outside
the group; it refuses while the group has members (stop its consumers first), and never joins
the group to find out (see `groups skip --help` and --consumers-stopped).

Exit codes: 0 ok (plan printed or executed), 1 the group has (or may have) active members,
2 usage, 3 cluster.

Examples:
  evtctl groups describe billing -o json > billing-offsets.json     # a backup first
  evtctl groups reset billing --topic orders --to 2026-11-29T08:00:00Z
  evtctl groups reset billing --topic orders:0,3 --shift-by -10 --execute
  evtctl groups reset billing --from-file billing-offsets.json --execute";

#[derive(Args, Debug)]
pub struct GroupsResetArgs {
    /// The consumer group
    pub group: String,
    /// Topic to reset, all its partitions or only some: orders, orders:0,3 (repeatable)
    #[arg(
        long = "topic",
        value_name = "TOPIC[:P,...]",
        required_unless_present = "from_file"
    )]
    pub topics: Vec<String>,
    /// New position: earliest, latest, OFFSET, TIME or DURATION (see below)
    #[arg(long, value_name = "POSITION", required_unless_present_any = ["shift_by", "from_file"], conflicts_with_all = ["shift_by", "from_file"])]
    pub to: Option<String>,
    /// Move each committed offset by N records (negative: back, to read them again)
    #[arg(
        long,
        value_name = "N",
        allow_hyphen_values = true,
        conflicts_with = "from_file"
    )]
    pub shift_by: Option<i64>,
    /// Restore the offsets saved by `groups describe GROUP -o json`
    #[arg(long, value_name = "FILE")]
    pub from_file: Option<PathBuf>,
    /// Commit the new offsets (without it, only the plan is printed)
    #[arg(long)]
    pub execute: bool,
    /// The group's consumers are stopped: where the broker cannot tell (it lists no members
    /// and refuses commits from outside a group that ever had one, like the embedded broker),
    /// commit as the group's only member. Ignored where the broker can tell
    #[arg(long, requires = "execute")]
    pub consumers_stopped: bool,
}

const GROUPS_DESCRIBE_HELP: &str =
    "Time lag is the age of the next record the group will read: the timestamp of the record at
its committed offset, read without joining the group (empty when the group is caught up).
Partitions are those the group's members are assigned and those it has committed offsets for
(or only --topic). With --watch, a partition whose committed offset did not move between two
samples while its lag is above zero is marked STUCK. Where the broker cannot describe groups
(the embedded broker), state and members are shown as unknown, never guessed.

JSON (-o json): one document per sample: {group, state, protocol_type, protocol, members
[{member_id, client_id, host, assignment[{topic, partitions}]}] or null, members_note,
partitions [{topic, partition, committed, log_start, log_end, lag, timestamp, time_lag_ms,
member {member_id, client_id, host} or null, stuck}], lag, sampled_at}.

Exit codes: 0 ok, 1 lag above --fail-above-lag, 2 usage, 3 cluster, 130 interrupted (--watch).

Examples:
  evtctl groups describe billing
  evtctl groups describe billing --watch 5s
  evtctl groups describe billing --fail-above-lag 1000      # alerting, CI
  evtctl groups describe billing -o json > billing-offsets.json";

const GROUPS_SKIP_HELP: &str =
    "Reads the N records at the group's committed offset of one partition, copies each byte for
byte (key, value, headers, timestamp) to the quarantine topic with evtctl's dead-letter headers
(evtctl-dlq-topic, -partition, -offset, -group, -reason, -at), waits for the broker's
acknowledgement, and only then commits offset + N for the group. Nothing is lost: after the
fix, `evtctl dlq redrive QUARANTINE` puts each record back into its topic and partition.

Refuses while the group has members (stop its consumers first), and never joins the group to
find out: where the broker cannot list them it commits the group's own position again from
outside the group, which brokers refuse while it has members. Where that cannot tell (the
embedded broker refuses it for every group that ever had a member) it says so and acts only
with --consumers-stopped. A rerun after a crash between the copy and the commit copies nothing
twice: it first reads the quarantine topic and skips records already there for the same group,
topic, partition and offset. Ctrl-C before the first copy is sent changes nothing; after it,
the copies in flight are settled and the group moves past those acknowledged (exit 130).

Exit codes: 0 done, 1 the group has (or may have) active members, 2 usage, 3 cluster, 4 a copy
was not acknowledged (nothing committed), 130 interrupted.

Examples:
  evtctl groups skip billing --topic orders --partition 3 --to orders-quarantine --dry-run
  evtctl groups skip billing --topic orders --partition 3 --to orders-quarantine \\
      --reason 'NPE in OrderMapper, JIRA-123' --yes";

#[derive(Args, Debug)]
pub struct GroupsListArgs {
    /// Exit 1 when a group's total lag is above N records
    #[arg(long, value_name = "N")]
    pub fail_above_lag: Option<u64>,
}

#[derive(Args, Debug)]
pub struct GroupsDescribeArgs {
    /// The consumer group
    pub group: String,
    /// Only these topics
    #[arg(short, long, value_delimiter = ',')]
    pub topic: Vec<String>,
    /// Refresh every INTERVAL until Ctrl-C, marking STUCK partitions [default interval: 5s]
    #[arg(long, value_name = "INTERVAL", num_args = 0..=1, default_missing_value = "5s", value_parser = parse_duration)]
    pub watch: Option<std::time::Duration>,
    /// With --watch: stop after this many samples
    #[arg(long, value_name = "N", requires = "watch")]
    pub samples: Option<u64>,
    /// Exit 1 when the group's total lag is above N records
    #[arg(long, value_name = "N")]
    pub fail_above_lag: Option<u64>,
}

#[derive(Args, Debug)]
pub struct GroupsSkipArgs {
    /// The consumer group that is stuck
    pub group: String,
    /// The topic it is stuck on
    #[arg(long, value_name = "TOPIC")]
    pub topic: String,
    /// The partition it is stuck on
    #[arg(short, long)]
    pub partition: i32,
    /// How many records to take, from the group's committed offset on
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=10000))]
    pub count: u64,
    /// Quarantine topic the records are copied to (must exist)
    #[arg(long, value_name = "TOPIC")]
    pub to: String,
    /// Why: recorded in each copy's evtctl-dlq-reason header
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Show the records that would be taken, change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Act without asking (required when stdin is not a terminal)
    #[arg(short, long)]
    pub yes: bool,
    /// The group's consumers are stopped: where the broker cannot tell (it lists no members
    /// and refuses commits from outside a group that ever had one, like the embedded broker),
    /// commit as the group's only member. Ignored where the broker can tell
    #[arg(long)]
    pub consumers_stopped: bool,
}

#[derive(Args, Debug)]
pub struct SchemaArgs {
    #[command(subcommand)]
    pub command: SchemaCommand,
}

#[derive(Subcommand, Debug)]
pub enum SchemaCommand {
    /// List subjects with their versions, compatibility mode and routes
    List,
    /// Print one schema (the latest version unless @VERSION)
    Show {
        #[arg(value_name = "SUBJECT[@VERSION]")]
        subject: String,
    },
    /// Check the registry: versions without gaps, schemas compile, refs resolve, examples
    Check,
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
    /// Show one topic partition by partition, and its configuration (values set on the topic;
    /// every value with --all-configs)
    Describe {
        topic: String,
        /// Show every configuration value, defaults included
        #[arg(long)]
        all_configs: bool,
    },
    /// Delete topics and every record in them (asks on a terminal; --yes otherwise)
    Delete {
        #[arg(required = true)]
        topics: Vec<String>,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
        /// Succeed when a topic does not exist
        #[arg(long)]
        if_exists: bool,
    },
    /// Add partitions to a topic (Kafka cannot remove partitions)
    Alter {
        topic: String,
        /// The new total number of partitions
        #[arg(long, value_name = "N", required = true)]
        partitions: i32,
    },
    /// Set or unset configuration values of a topic
    #[command(after_help = "Examples:
  evtctl topics config orders --set retention.ms=86400000 --set cleanup.policy=compact
  evtctl topics config orders --unset retention.ms")]
    #[command(group(clap::ArgGroup::new("change").args(["set", "unset"]).required(true).multiple(true)))]
    Config {
        topic: String,
        /// Set a value (repeatable)
        #[arg(long = "set", value_name = "KEY=VALUE")]
        set: Vec<String>,
        /// Return a value to its default (repeatable)
        #[arg(long = "unset", value_name = "KEY")]
        unset: Vec<String>,
    },
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

const DEMO_HELP: &str = "A guided tour on an embedded broker it starts and stops itself (nothing \
to install, no cluster touched), printing before each step the evtctl command that does the same.

It shows: creating a topic and publishing order events (keyed, wrapped as OrderPlaced events with
a traceparent, validated); reading them back up to the end offsets captured at start; an
incident in which a consumer dead-letters large orders, triaged with `dlq stats` and returned
with a previewed, rate-limited `dlq redrive`; a consumer stuck on a poison record (`groups
describe` marks it STUCK), the record quarantined with `groups skip` and repaired on its way
back; and, with the example registry in ./schemas, an invalid event refused at publish, caught
by `validate`, and a schema change `compat` rejects.";

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
    fn rates() {
        assert_eq!(parse_rate("500/s"), Ok(500.0));
        assert_eq!(parse_rate("2.5"), Ok(2.5));
        assert!(parse_rate("0").is_err());
        assert!(parse_rate("fast").is_err());
    }

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
