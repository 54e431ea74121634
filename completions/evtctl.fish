# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_evtctl_global_optspecs
    string join \n b/brokers= X= profile= o/output= color= q/quiet v/verbose registry= timeout= max-line-bytes= h/help V/version
end

function __fish_evtctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_evtctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_evtctl_using_subcommand
    set -l cmd (__fish_evtctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c evtctl -n "__fish_evtctl_needs_command" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_needs_command" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_needs_command" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_needs_command" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_needs_command" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_needs_command" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_needs_command" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_needs_command" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_needs_command" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_needs_command" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_needs_command" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_needs_command" -s V -l version -d 'Print version'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "publish" -d 'Publish events: one from the command line, or JSON Lines from a file or stdin'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "tail" -d 'Read records from topics, from a point in time or offset, following or up to an end'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "topics" -d 'List, describe, create, delete, grow and configure topics'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "validate" -d 'Validate events from topics, JSON Lines files or stdin against the schema registry'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "schema" -d 'Inspect and check the local schema registry'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "compat" -d 'Check schema compatibility between versions: a CI gate against breaking changes'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "dlq" -d 'Dead-letter queues: see what is there and why, keep a copy, move records back'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "count" -d 'Count records per partition and in total, between two positions'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "expect" -d 'Assert that matching records appear (or do not) on live topics within a time window, around a trigger command: a CI check'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "trace" -d 'Follow an id or a trace across topics: every record whose key, id field or trace header carries it, merged into one timeline (with dead-letter origins)'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "cluster" -d 'Cluster id, controller and brokers (id, address, rack); with -v each broker\'s API versions. The first thing to run against a new profile'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "replay" -d 'Copy a range of records (from a topic or an exported file) into a topic'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "groups" -d 'Consumer groups: lag and time lag per partition, stuck partitions, and the safe way past a poison record'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "config" -d 'Show the effective configuration (secrets redacted)'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "dev" -d 'Local development helpers: an embedded Kafka-protocol broker'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "demo" -d 'A guided tour on an embedded broker: publish, tail, validate and compat, showing each command'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "complete-names" -d 'Topic or group names, one a line, for the completion scripts: at most 2 s, nothing printed on any failure'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s f -l file -d 'Read JSON Lines from this file instead of stdin' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l format -d 'How to read each line' -r -f -a "json\t'Each line is a JSON payload, sent byte for byte (the line must be valid JSON)'
envelope\t'Each line is a record envelope (what `tail --output json` prints)'
text\t'Each line is sent as is, as UTF-8 text'"
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s k -l key -d 'Record key for every record' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l key-field -d 'Take the key from this JSON pointer into the payload, e.g. /orderId' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s H -l header -d 'Header added to every record (repeatable); NAME alone adds a null value' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s p -l partition -d 'Partition for every record (default: by key, Java-client compatible)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l rate -d 'Send at most this many records per second, e.g. 200 or 200/s' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l compression -d 'Compression codec' -r -f -a "none\t''
gzip\t''
snappy\t''
lz4\t''
zstd\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l type -d 'Wrap each payload as `data` in a CloudEvents 1.0 event of this type, with a generated id, time, version, dataschema (when the registry routes the type) and a traceparent header' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l ce-mode -d 'How events made with --type travel: structured (the event JSON as the value) or binary (the payload as the value, the attributes as ce_* headers)' -r -f -a "structured\t'The value is the JSON event with `data` inside; `content-type: application/cloudevents+json`'
binary\t'The value is the data as it is; the attributes are `ce_*` headers'"
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l source -d 'The `source` of events made with --type' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l event-version -d 'The `version` of events made with --type [default: the latest registered version of the type\'s subject, else 1]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l value-schema -d 'Encode each JSON event with this registry subject (Avro, Protobuf or JSON Schema), as SUBJECT[@VERSION], framed with the version\'s schema id (default: the topic\'s route or `<topic>-value` subject when it is Avro or Protobuf)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l key-schema -d 'Encode keys with this registry subject (default: a `<topic>-key` Avro/Protobuf subject)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l trace -d 'W3C traceparent to continue (the record gets a child span) [env: TRACEPARENT]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l key-type -d 'How to encode the key given with -k, --key-field or --key-delimiter (int32/int64 are big-endian, as Java\'s serializers write them)' -r -f -a "string\t'Bytes as they are (UTF-8 text; other bytes base64 in JSON, escaped on a terminal)'
int32\t'4-byte big-endian signed integer (Java\'s IntegerSerializer)'
int64\t'8-byte big-endian signed integer (Java\'s LongSerializer)'
hex\t'Any bytes, shown and given as lowercase hex'
base64\t'Any bytes, shown and given as standard base64'
json\t'A JSON document'"
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l key-delimiter -d 'With --format text: the text before the first DELIM on a line is the key, the rest the value (kcat\'s -K); a line without DELIM has no key' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l partitions -d 'Partitions of a topic made by --create' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l value-type -d 'How to encode each value given as text (the line or EVENT): int32/int64 big-endian as Java\'s serializers write them, hex, base64; json checks that it is JSON' -r -f -a "string\t'Bytes as they are (UTF-8 text; other bytes base64 in JSON, escaped on a terminal)'
int32\t'4-byte big-endian signed integer (Java\'s IntegerSerializer)'
int64\t'8-byte big-endian signed integer (Java\'s LongSerializer)'
hex\t'Any bytes, shown and given as lowercase hex'
base64\t'Any bytes, shown and given as standard base64'
json\t'A JSON document'"
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l missing-key -d 'With --key-field: what a line without the field (or with null there) gets' -r -f -a "null\t'Send the record with a null key'
reject\t'Reject the line (reported with its number, as an unparseable one)'"
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l no-validate -d 'Publish events even when they fail their schema in the registry'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l no-framing -d 'Write encoded payloads without Confluent\'s schema id (for unframed topics)'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l id-header -d 'Put the schema id in a `__value_schema_id` / `__key_schema_id` header (the GUID form) instead of in front of the payload'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l fail-fast -d 'Stop at the first line that cannot be parsed or delivered'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l envelope-topic -d 'Use each envelope\'s `topic` field when present (with --format envelope)'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l create -d 'Create the topic first when it does not exist (default: a missing topic is an error)'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s Z -l null-empty -d 'Send an empty value as null, a tombstone (kcat\'s -Z): `publish T -k K -Z \'\'`, or a text line `K:` with --key-delimiter :'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l topics-regex -d 'Also read every topic whose whole name matches this regular expression (when following, topics created later too)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l from -d 'Where to start (see below) [default: end when following, beginning with --until]' -r -f -a "beginning\t''
end\t''
now\t''
-10\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l until -d 'Where to stop (see below); without it, follow new records until Ctrl-C' -r -f -a "end\t''
now\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s n -l count -d 'Stop after this many records in total' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s p -l partition -d 'Only these partitions (repeatable or comma-separated)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l filter -d 'Keep records for which this jq expression (over the envelope) is truthy' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s k -l key -d 'Keep records whose key is exactly this' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s g -l group -d 'Join this consumer group and commit what was printed (default: no group, no commits)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l format -d 'Print each record with this kcat-style format instead of pretty/JSON, e.g. \'%k\\t%s\\n\' (tokens below)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l key-type -d 'How to decode keys (and encode --key): shown decoded, in the envelope with `key_encoding` naming the type' -r -f -a "string\t'Bytes as they are (UTF-8 text; other bytes base64 in JSON, escaped on a terminal)'
int32\t'4-byte big-endian signed integer (Java\'s IntegerSerializer)'
int64\t'8-byte big-endian signed integer (Java\'s LongSerializer)'
hex\t'Any bytes, shown and given as lowercase hex'
base64\t'Any bytes, shown and given as standard base64'
json\t'A JSON document'"
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l value-type -d 'How to decode values' -r -f -a "string\t'Bytes as they are (UTF-8 text; other bytes base64 in JSON, escaped on a terminal)'
int32\t'4-byte big-endian signed integer (Java\'s IntegerSerializer)'
int64\t'8-byte big-endian signed integer (Java\'s LongSerializer)'
hex\t'Any bytes, shown and given as lowercase hex'
base64\t'Any bytes, shown and given as standard base64'
json\t'A JSON document'"
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l value-schema -d 'Decode values with this registry subject (Avro, Protobuf or JSON Schema), as SUBJECT[@VERSION]; framed payloads are read by their schema id (default: the topic\'s route, a `<topic>-value` subject, or the id in each record)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l key-schema -d 'Decode keys with this registry subject (default: a `<topic>-key` subject, or the id in each key)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l validate -d 'Check each record against the schema registry and mark the invalid ones'
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l no-decode -d 'Show payloads as bytes: no decoding with the registry\'s Avro, Protobuf or framed schemas'
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -f -a "list" -d 'List topics with partitions, replication and watermarks (the default)'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -f -a "describe" -d 'Show one topic partition by partition, and its configuration (values set on the topic; every value with --all-configs)'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -f -a "delete" -d 'Delete topics and every record in them (asks on a terminal; --yes otherwise)'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -f -a "alter" -d 'Add partitions to a topic (Kafka cannot remove partitions)'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -f -a "config" -d 'Set or unset configuration values of a topic'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -f -a "create" -d 'Create a topic'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe delete alter config create help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from list" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from list" -l all -d 'Include internal topics (names starting with `__`)'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -l all-configs -d 'Show every configuration value, defaults included'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -l if-exists -d 'Succeed when a topic does not exist'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from alter" -l partitions -d 'The new total number of partitions' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from alter" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from alter" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from alter" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from alter" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from alter" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from alter" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from alter" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from alter" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from alter" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from alter" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from alter" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -l set -d 'Set a value (repeatable)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -l unset -d 'Return a value to its default (repeatable)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from config" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l partitions -d 'Number of partitions' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l replication -d 'Replication factor [default: the broker\'s default]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l config -d 'Topic configuration (repeatable), e.g. --config retention.ms=86400000' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l if-not-exists -d 'Succeed if the topic already exists'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "list" -d 'List topics with partitions, replication and watermarks (the default)'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show one topic partition by partition, and its configuration (values set on the topic; every value with --all-configs)'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete topics and every record in them (asks on a terminal; --yes otherwise)'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "alter" -d 'Add partitions to a topic (Kafka cannot remove partitions)'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "config" -d 'Set or unset configuration values of a topic'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a topic'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l topics-regex -d 'Also read every topic whose whole name matches this regular expression' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -s f -l file -d 'JSON Lines file to read (repeatable; `-` is stdin; the default without topics)' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l input -d 'What each line of a file is' -r -f -a "json\t'Each line is an event'
envelope\t'Each line is a record envelope; its value is the event (topic and headers help lookup)'"
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l from -d 'Where to start reading topics (as in tail) [default: beginning]' -r -f -a "beginning\t''
end\t''
now\t''
-10\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l until -d 'Where to stop reading topics (as in tail) [default: end]' -r -f -a "end\t''
now\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -s p -l partition -d 'Only these partitions' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l subject -d 'Validate every event against this schema instead of looking it up' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l max-invalid -d 'Stop after this many failing events' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l format -d 'Report for CI instead of pretty/JSON output' -r -f -a "junit\t'JUnit XML, for CI test reports'
github\t'GitHub Actions annotations (::error file=…,line=…::…)'
sarif\t'SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers'"
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l allow-unknown -d 'Events with no schema are counted, not failures'
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -f -a "list" -d 'List subjects with their versions, compatibility mode and routes'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -f -a "show" -d 'Print one schema (the latest version unless @VERSION)'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -f -a "check" -d 'Check the registry: versions without gaps, schemas compile, refs resolve, examples'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and not __fish_seen_subcommand_from list show check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from list" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from list" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from show" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from show" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from show" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from show" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from show" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from show" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from check" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "list" -d 'List subjects with their versions, compatibility mode and routes'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print one schema (the latest version unless @VERSION)'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check the registry: versions without gaps, schemas compile, refs resolve, examples'
complete -c evtctl -n "__fish_evtctl_using_subcommand schema; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l against -d 'Compare the registry with the one at this git revision: edited or deleted published versions are errors, new versions are checked against the history' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l old -d 'The earlier schema file (with --new: two files, no registry)' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l new -d 'The later schema file' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l ref-root -d 'With --old/--new: the directory `$ref`s may reach [default: each file\'s own directory]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l mode -d 'Override the compatibility mode (NONE, BACKWARD, FORWARD, FULL, *_TRANSITIVE)' -r -f -a "NONE\t''
BACKWARD\t''
BACKWARD_TRANSITIVE\t''
FORWARD\t''
FORWARD_TRANSITIVE\t''
FULL\t''
FULL_TRANSITIVE\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l policy -d 'Override the policy (strict, lenient)' -r -f -a "strict\t''
lenient\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l fail-on -d 'Which severities fail the check (registry.toml sets a severity per rule)' -r -f -a "error\t'Findings whose severity is `error` (breaking changes, unless configured otherwise)'
warn\t'Findings whose severity is `error` or `warn`'"
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l format -d 'Report for CI instead of pretty/JSON output' -r -f -a "junit\t'JUnit XML, for CI test reports'
github\t'GitHub Actions annotations (::error file=…,line=…::…)'
sarif\t'SARIF 2.1.0, for GitHub code scanning (upload-sarif) and other viewers'
markdown\t'A pull-request comment: verdict line, a table per subject, breaking changes first'"
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l strict-unknown -d 'Treat changes to keywords that cannot be verified as breaking'
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -f -a "stats" -d 'What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -f -a "drain" -d 'Export dead-lettered records to a file, then commit: a rerun continues where the last stopped'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -f -a "redrive" -d 'Move dead-lettered records back to their original topic (or --to), safely'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l topics-regex -d 'Also read every topic whose whole name matches this regular expression, e.g. \'.*-dlt\'' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l from -d 'Where to start (as in tail) [default: beginning]' -r -f -a "beginning\t''
end\t''
now\t''
-10\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l until -d 'Where to stop (as in tail) [default: end]' -r -f -a "end\t''
now\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l samples -d 'Sample records shown per error group' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l fail-above -d 'Exit 1 when more than N records are found (for alerting and CI)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l to -d 'File to append the records to' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s g -l group -d 'Consumer group holding the drained position [default: evtctl-drain.<TOPIC>]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l to -d 'Send every record here instead of the topic its headers name' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s g -l group -d 'Consumer group holding the position and ledger [default: evtctl-redrive.<TOPIC>]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l filter -d 'Only records for which this jq expression (over the envelope) is truthy' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l transform -d 'Rewrite each record on the way back: a jq expression over the envelope that yields the record to send (key, value and headers may change; topic, partition and offset may not)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l error-class -d 'Only records whose error class is this (full name, or the part after the last `.`)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l origin-topic -d 'Only records that came from this topic' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l limit -d 'Move at most N records, then stop (a canary)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l rate -d 'At most this many records per second, e.g. 200 or 200/s' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l max-redrives -d 'Records already redriven N times or more go to --park-to instead' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l park-to -d 'Parking topic for records over --max-redrives' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l dry-run -d 'Print the plan (counts per destination, already moved, left by earlier runs, unroutable) and move nothing'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s y -l yes -d 'Act without asking (required when stdin is not a terminal)'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l keep-timestamp -d 'Keep each record\'s original timestamp (default: the time of the redrive)'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l validate -d 'Check each record against the registry first; invalid ones are skipped and reported'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l skip-unroutable -d 'Leave records with no origin or no destination topic in the DLQ and go on (default: stop at the first)'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "stats" -d 'What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "drain" -d 'Export dead-lettered records to a file, then commit: a rerun continues where the last stopped'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "redrive" -d 'Move dead-lettered records back to their original topic (or --to), safely'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -l from -d 'Where to start (as in tail) [default: beginning]' -r -f -a "beginning\t''
end\t''
now\t''
-10\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -l until -d 'Where to stop (as in tail) [default: end]' -r -f -a "end\t''
now\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -s p -l partition -d 'Only these partitions' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -l filter -d 'Count only records for which this jq expression (over the envelope) is truthy (reads the range)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand count" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -l match -d 'jq expression over the record envelope (as `tail --filter` sees it) that a record must satisfy [default: any record]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -s n -l count -d 'At least this many matching records [default: 1]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -l within -d 'How long to wait, counted from the end of the trigger command (with --spec: the default of each expectation)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -l from -d 'Look back: read from this position instead of the end offsets captured before CMD' -r -f -a "beginning\t''
end\t''
now\t''
-10\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -l spec -d 'Several expectations from a TOML file (see below) instead of TOPIC and its options' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -l format -d 'Write the report as JUnit XML or Markdown instead of pretty/JSON' -r -f -a "junit\t'JUnit XML, for CI test reports: one testcase per expectation (and one for the trigger)'
markdown\t'A pull-request comment or job summary: a verdict line, a table, the failures\' records'"
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -l validate -d 'Matching records must be valid against their schema in the registry'
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -l none -d 'No matching record may appear within the window (e.g. nothing in the DLQ)'
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand expect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l topics -d 'Topics to search, comma-separated (repeatable); `re:REGEX` selects every topic whose whole name matches [default: every topic not starting with `__`]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l from -d 'Where to start (as in tail) [default: 2h]' -r -f -a "beginning\t''
end\t''
now\t''
-10\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l until -d 'Where to stop (as in tail) [default: end, the end offsets captured at start]' -r -f -a "end\t''
now\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l field -d 'A JSON pointer into the value that holds an id, e.g. /data/orderId (repeatable) [default: `[trace] fields` in registry.toml]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l hops -d 'Follow the ids found in the --field paths of the matches, up to N hops' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l max-matches -d 'Keep at most N matches (the earliest by time); the others are counted' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l format -d 'Write the timeline as a Mermaid sequence diagram instead of pretty/JSON' -r -f -a "mermaid\t'A Mermaid sequence diagram (participants: each record\'s CloudEvents source, else its topic), with the ranges scanned as comments: paste it into an incident document'"
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -l all-partitions -d 'Read every partition even when only the key can match (by default only the key\'s partition is read, placed as the Java client\'s default partitioner places it)'
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand trace" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evtctl -n "__fish_evtctl_using_subcommand cluster" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand cluster" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand cluster" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand cluster" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand cluster" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand cluster" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand cluster" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand cluster" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand cluster" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand cluster" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand cluster" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l from-topic -d 'Read records from this topic (with --from/--until)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l from-file -d 'Read records from this file in the record format (`-` is stdin)' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l to -d 'Destination topic' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l from -d 'Where to start, as in tail (with --from-topic) [default: beginning]' -r -f -a "beginning\t''
end\t''
now\t''
-10\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l until -d 'Where to stop, as in tail (with --from-topic) [default: end]' -r -f -a "end\t''
now\t''
15m\t''
1h\t''
1d\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -s p -l partition -d 'Only these partitions of --from-topic' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l filter -d 'Only records for which this jq expression (over the envelope) is truthy' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l transform -d 'Rewrite each record on the way: a jq expression over the envelope that yields the record to send (key, value and headers may change; topic, partition and offset may not)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l rate -d 'At most this many records per second, e.g. 200 or 200/s' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l checkpoint-group -d 'Commit progress in this group and resume from it (with --from-topic)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l ce-mode -d 'Convert each CloudEvent to this mode on the way (the data bytes untouched); records that are not CloudEvents are copied as they are' -r -f -a "structured\t'The value is the JSON event with `data` inside; `content-type: application/cloudevents+json`'
binary\t'The value is the data as it is; the attributes are `ce_*` headers'"
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l dry-run -d 'Count what would be copied (with --transform: show a few records before and after), copy nothing'
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l keep-timestamp -d 'Keep each record\'s original timestamp'
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l provenance -d 'Add a header evtctl-replay-origin naming each record\'s source (topic/partition/offset)'
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -f -a "list" -d 'List consumer groups: state, protocol, members, topics, total lag (the default)'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -f -a "describe" -d 'One group per topic and partition: committed offset, end, lag, time lag, owning member'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -f -a "skip" -d 'Take the records at a group\'s position out of the way, into a quarantine topic, without losing them'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -f -a "reset" -d 'Move a group\'s committed offsets: prints the plan, acts with --execute'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -f -a "delete" -d 'Delete a group and its committed offsets (as kafka-consumer-groups --delete)'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and not __fish_seen_subcommand_from list describe skip reset delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l fail-above-lag -d 'Exit 1 when a group\'s total lag is above N records' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s t -l topic -d 'Only these topics' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l watch -d 'Refresh every INTERVAL until Ctrl-C, marking STUCK partitions [default interval: 5s]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l samples -d 'With --watch: stop after this many samples' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l fail-above-lag -d 'Exit 1 when the group\'s total lag is above N records' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -l topic -d 'The topic it is stuck on' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -s p -l partition -d 'The partition it is stuck on' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -l count -d 'How many records to take, from the group\'s committed offset on' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -l to -d 'Quarantine topic the records are copied to (must exist)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -l reason -d 'Why: recorded in each copy\'s evtctl-dlq-reason header' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -l dry-run -d 'Show the records that would be taken, change nothing'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -s y -l yes -d 'Act without asking (required when stdin is not a terminal)'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -l consumers-stopped -d 'The group\'s consumers are stopped: where the broker cannot tell (it lists no members and refuses commits from outside a group that ever had one, like the embedded broker), commit as the group\'s only member. Ignored where the broker can tell'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from skip" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l topic -d 'Topic to reset, all its partitions or only some: orders, orders:0,3 (repeatable)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to -d 'New position: earliest, latest, OFFSET, TIME or DURATION (see below)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l shift-by -d 'Move each committed offset by N records (negative: back, to read them again)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l from-file -d 'Restore the offsets saved by `groups describe GROUP -o json`' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l execute -d 'Commit the new offsets (without it, only the plan is printed)'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -l consumers-stopped -d 'The group\'s consumers are stopped: where the broker cannot tell (it lists no members and refuses commits from outside a group that ever had one, like the embedded broker), commit as the group\'s only member. Ignored where the broker can tell'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Delete without asking'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "list" -d 'List consumer groups: state, protocol, members, topics, total lag (the default)'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "describe" -d 'One group per topic and partition: committed offset, end, lag, time lag, owning member'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "skip" -d 'Take the records at a group\'s position out of the way, into a quarantine topic, without losing them'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Move a group\'s committed offsets: prints the plan, acts with --execute'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a group and its committed offsets (as kafka-consumer-groups --delete)'
complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Print the effective settings and where each came from, secrets redacted'
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from show" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from show" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from show" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the effective settings and where each came from, secrets redacted'
complete -c evtctl -n "__fish_evtctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -f -a "broker" -d 'Run an embedded Kafka-protocol broker (librdkafka\'s mock cluster) until Ctrl-C'
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and not __fish_seen_subcommand_from broker help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -l port -d 'Port to listen on and advertise (0 picks a free one)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -l topic -d 'Create a topic at start (repeatable), e.g. --topic orders:6' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -l exit-on-stdin-eof -d 'Exit when standard input closes (for test harnesses and supervisors)'
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from broker" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from help" -f -a "broker" -d 'Run an embedded Kafka-protocol broker (librdkafka\'s mock cluster) until Ctrl-C'
complete -c evtctl -n "__fish_evtctl_using_subcommand dev; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -l events -d 'Number of sample order events to publish' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand complete-names" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand complete-names" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand complete-names" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand complete-names" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand complete-names" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand complete-names" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand complete-names" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand complete-names" -l max-line-bytes -d 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand complete-names" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand complete-names" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand complete-names" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "publish" -d 'Publish events: one from the command line, or JSON Lines from a file or stdin'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "tail" -d 'Read records from topics, from a point in time or offset, following or up to an end'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "topics" -d 'List, describe, create, delete, grow and configure topics'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "validate" -d 'Validate events from topics, JSON Lines files or stdin against the schema registry'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "schema" -d 'Inspect and check the local schema registry'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "compat" -d 'Check schema compatibility between versions: a CI gate against breaking changes'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "dlq" -d 'Dead-letter queues: see what is there and why, keep a copy, move records back'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "count" -d 'Count records per partition and in total, between two positions'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "expect" -d 'Assert that matching records appear (or do not) on live topics within a time window, around a trigger command: a CI check'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "trace" -d 'Follow an id or a trace across topics: every record whose key, id field or trace header carries it, merged into one timeline (with dead-letter origins)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "cluster" -d 'Cluster id, controller and brokers (id, address, rack); with -v each broker\'s API versions. The first thing to run against a new profile'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "replay" -d 'Copy a range of records (from a topic or an exported file) into a topic'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "groups" -d 'Consumer groups: lag and time lag per partition, stuck partitions, and the safe way past a poison record'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "config" -d 'Show the effective configuration (secrets redacted)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "dev" -d 'Local development helpers: an embedded Kafka-protocol broker'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "demo" -d 'A guided tour on an embedded broker: publish, tail, validate and compat, showing each command'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "completions" -d 'Print a shell completion script'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "complete-names" -d 'Topic or group names, one a line, for the completion scripts: at most 2 s, nothing printed on any failure'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq count expect trace cluster replay groups config dev demo completions complete-names help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "list" -d 'List topics with partitions, replication and watermarks (the default)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "describe" -d 'Show one topic partition by partition, and its configuration (values set on the topic; every value with --all-configs)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "delete" -d 'Delete topics and every record in them (asks on a terminal; --yes otherwise)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "alter" -d 'Add partitions to a topic (Kafka cannot remove partitions)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "config" -d 'Set or unset configuration values of a topic'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "create" -d 'Create a topic'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "list" -d 'List subjects with their versions, compatibility mode and routes'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "show" -d 'Print one schema (the latest version unless @VERSION)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "check" -d 'Check the registry: versions without gaps, schemas compile, refs resolve, examples'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "stats" -d 'What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "drain" -d 'Export dead-lettered records to a file, then commit: a rerun continues where the last stopped'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "redrive" -d 'Move dead-lettered records back to their original topic (or --to), safely'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "list" -d 'List consumer groups: state, protocol, members, topics, total lag (the default)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "describe" -d 'One group per topic and partition: committed offset, end, lag, time lag, owning member'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "skip" -d 'Take the records at a group\'s position out of the way, into a quarantine topic, without losing them'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "reset" -d 'Move a group\'s committed offsets: prints the plan, acts with --execute'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "delete" -d 'Delete a group and its committed offsets (as kafka-consumer-groups --delete)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the effective settings and where each came from, secrets redacted'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from dev" -f -a "broker" -d 'Run an embedded Kafka-protocol broker (librdkafka\'s mock cluster) until Ctrl-C'

function __evtctl_names
    evtctl complete-names $argv[1] 2>/dev/null
end
for c in publish tail count validate
    complete -c evtctl -n "__fish_evtctl_using_subcommand $c" -f -a "(__evtctl_names topics)"
end
for c in describe delete alter config
    complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from $c" -f -a "(__evtctl_names topics)"
end
for c in stats drain redrive
    complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from $c" -f -a "(__evtctl_names topics)"
end
for c in describe reset skip delete
    complete -c evtctl -n "__fish_evtctl_using_subcommand groups; and __fish_seen_subcommand_from $c" -f -a "(__evtctl_names groups)"
end
complete -c evtctl -l topic -l from-topic -x -a "(__evtctl_names topics)"
complete -c evtctl -s g -l group -x -a "(__evtctl_names groups)"
