
use builtin;
use str;

set edit:completion:arg-completer[evtctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'evtctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'evtctl'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand publish 'Publish events: one from the command line, or JSON Lines from a file or stdin'
            cand tail 'Read records from topics, from a point in time or offset, following or up to an end'
            cand topics 'List, describe, create, delete, grow and configure topics'
            cand validate 'Validate events from topics, JSON Lines files or stdin against the schema registry'
            cand schema 'Inspect and check the local schema registry'
            cand compat 'Check schema compatibility between versions: a CI gate against breaking changes'
            cand dlq 'Dead-letter queues: see what is there and why, keep a copy, move records back'
            cand count 'Count records per partition and in total, between two positions'
            cand expect 'Assert that matching records appear (or do not) on live topics within a time window, around a trigger command: a CI check'
            cand trace 'Follow an id or a trace across topics: every record whose key, id field or trace header carries it, merged into one timeline (with dead-letter origins)'
            cand cluster 'Cluster id, controller and brokers (id, address, rack); with -v each broker''s API versions. The first thing to run against a new profile'
            cand replay 'Copy a range of records (from a topic or an exported file) into a topic'
            cand groups 'Consumer groups: lag and time lag per partition, stuck partitions, and the safe way past a poison record'
            cand config 'Show the effective configuration (secrets redacted)'
            cand dev 'Local development helpers: an embedded Kafka-protocol broker'
            cand demo 'A guided tour on an embedded broker: publish, tail, validate and compat, showing each command'
            cand completions 'Print a shell completion script'
            cand complete-names 'Topic or group names, one a line, for the completion scripts: at most 2 s, nothing printed on any failure'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;publish'= {
            cand -f 'Read JSON Lines from this file instead of stdin'
            cand --file 'Read JSON Lines from this file instead of stdin'
            cand --format 'How to read each line'
            cand -k 'Record key for every record'
            cand --key 'Record key for every record'
            cand --key-field 'Take the key from this JSON pointer into the payload, e.g. /orderId'
            cand -H 'Header added to every record (repeatable); NAME alone adds a null value'
            cand --header 'Header added to every record (repeatable); NAME alone adds a null value'
            cand -p 'Partition for every record (default: by key, Java-client compatible)'
            cand --partition 'Partition for every record (default: by key, Java-client compatible)'
            cand --rate 'Send at most this many records per second, e.g. 200 or 200/s'
            cand --compression 'Compression codec'
            cand --type 'Wrap each payload as `data` in a CloudEvents 1.0 event of this type, with a generated id, time, version, dataschema (when the registry routes the type) and a traceparent header'
            cand --ce-mode 'How events made with --type travel: structured (the event JSON as the value) or binary (the payload as the value, the attributes as ce_* headers)'
            cand --source 'The `source` of events made with --type'
            cand --event-version 'The `version` of events made with --type [default: the latest registered version of the type''s subject, else 1]'
            cand --value-schema 'Encode each JSON event with this registry subject (Avro, Protobuf or JSON Schema), as SUBJECT[@VERSION], framed with the version''s schema id (default: the topic''s route or `<topic>-value` subject when it is Avro or Protobuf)'
            cand --key-schema 'Encode keys with this registry subject (default: a `<topic>-key` Avro/Protobuf subject)'
            cand --trace 'W3C traceparent to continue (the record gets a child span) [env: TRACEPARENT]'
            cand --key-type 'How to encode the key given with -k, --key-field or --key-delimiter (int32/int64 are big-endian, as Java''s serializers write them)'
            cand --key-delimiter 'With --format text: the text before the first DELIM on a line is the key, the rest the value (kcat''s -K); a line without DELIM has no key'
            cand --partitions 'Partitions of a topic made by --create'
            cand --value-type 'How to encode each value given as text (the line or EVENT): int32/int64 big-endian as Java''s serializers write them, hex, base64; json checks that it is JSON'
            cand --missing-key 'With --key-field: what a line without the field (or with null there) gets'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --no-validate 'Publish events even when they fail their schema in the registry'
            cand --no-framing 'Write encoded payloads without Confluent''s schema id (for unframed topics)'
            cand --id-header 'Put the schema id in a `__value_schema_id` / `__key_schema_id` header (the GUID form) instead of in front of the payload'
            cand --fail-fast 'Stop at the first line that cannot be parsed or delivered'
            cand --envelope-topic 'Use each envelope''s `topic` field when present (with --format envelope)'
            cand --create 'Create the topic first when it does not exist (default: a missing topic is an error)'
            cand -Z 'Send an empty value as null, a tombstone (kcat''s -Z): `publish T -k K -Z ''''`, or a text line `K:` with --key-delimiter :'
            cand --null-empty 'Send an empty value as null, a tombstone (kcat''s -Z): `publish T -k K -Z ''''`, or a text line `K:` with --key-delimiter :'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'evtctl;tail'= {
            cand --topics-regex 'Also read every topic whose whole name matches this regular expression (when following, topics created later too)'
            cand --from 'Where to start (see below) [default: end when following, beginning with --until]'
            cand --until 'Where to stop (see below); without it, follow new records until Ctrl-C'
            cand -n 'Stop after this many records in total'
            cand --count 'Stop after this many records in total'
            cand -p 'Only these partitions (repeatable or comma-separated)'
            cand --partition 'Only these partitions (repeatable or comma-separated)'
            cand --filter 'Keep records for which this jq expression (over the envelope) is truthy'
            cand -k 'Keep records whose key is exactly this'
            cand --key 'Keep records whose key is exactly this'
            cand -g 'Join this consumer group and commit what was printed (default: no group, no commits)'
            cand --group 'Join this consumer group and commit what was printed (default: no group, no commits)'
            cand --format 'Print each record with this kcat-style format instead of pretty/JSON, e.g. ''%k\t%s\n'' (tokens below)'
            cand --key-type 'How to decode keys (and encode --key): shown decoded, in the envelope with `key_encoding` naming the type'
            cand --value-type 'How to decode values'
            cand --value-schema 'Decode values with this registry subject (Avro, Protobuf or JSON Schema), as SUBJECT[@VERSION]; framed payloads are read by their schema id (default: the topic''s route, a `<topic>-value` subject, or the id in each record)'
            cand --key-schema 'Decode keys with this registry subject (default: a `<topic>-key` subject, or the id in each key)'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --validate 'Check each record against the schema registry and mark the invalid ones'
            cand --no-decode 'Show payloads as bytes: no decoding with the registry''s Avro, Protobuf or framed schemas'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'evtctl;topics'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List topics with partitions, replication and watermarks (the default)'
            cand describe 'Show one topic partition by partition, and its configuration (values set on the topic; every value with --all-configs)'
            cand delete 'Delete topics and every record in them (asks on a terminal; --yes otherwise)'
            cand alter 'Add partitions to a topic (Kafka cannot remove partitions)'
            cand config 'Set or unset configuration values of a topic'
            cand create 'Create a topic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;topics;list'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --all 'Include internal topics (names starting with `__`)'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;topics;describe'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --all-configs 'Show every configuration value, defaults included'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;topics;delete'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --if-exists 'Succeed when a topic does not exist'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;topics;alter'= {
            cand --partitions 'The new total number of partitions'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;topics;config'= {
            cand --set 'Set a value (repeatable)'
            cand --unset 'Return a value to its default (repeatable)'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;topics;create'= {
            cand --partitions 'Number of partitions'
            cand --replication 'Replication factor [default: the broker''s default]'
            cand --config 'Topic configuration (repeatable), e.g. --config retention.ms=86400000'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --if-not-exists 'Succeed if the topic already exists'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;topics;help'= {
            cand list 'List topics with partitions, replication and watermarks (the default)'
            cand describe 'Show one topic partition by partition, and its configuration (values set on the topic; every value with --all-configs)'
            cand delete 'Delete topics and every record in them (asks on a terminal; --yes otherwise)'
            cand alter 'Add partitions to a topic (Kafka cannot remove partitions)'
            cand config 'Set or unset configuration values of a topic'
            cand create 'Create a topic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;topics;help;list'= {
        }
        &'evtctl;topics;help;describe'= {
        }
        &'evtctl;topics;help;delete'= {
        }
        &'evtctl;topics;help;alter'= {
        }
        &'evtctl;topics;help;config'= {
        }
        &'evtctl;topics;help;create'= {
        }
        &'evtctl;topics;help;help'= {
        }
        &'evtctl;validate'= {
            cand --topics-regex 'Also read every topic whose whole name matches this regular expression'
            cand -f 'JSON Lines file to read (repeatable; `-` is stdin; the default without topics)'
            cand --file 'JSON Lines file to read (repeatable; `-` is stdin; the default without topics)'
            cand --input 'What each line of a file is'
            cand --from 'Where to start reading topics (as in tail) [default: beginning]'
            cand --until 'Where to stop reading topics (as in tail) [default: end]'
            cand -p 'Only these partitions'
            cand --partition 'Only these partitions'
            cand --subject 'Validate every event against this schema instead of looking it up'
            cand --max-invalid 'Stop after this many failing events'
            cand --format 'Report for CI instead of pretty/JSON output'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --allow-unknown 'Events with no schema are counted, not failures'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'evtctl;schema'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List subjects with their versions, compatibility mode and routes'
            cand show 'Print one schema (the latest version unless @VERSION)'
            cand check 'Check the registry: versions without gaps, schemas compile, refs resolve, examples'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;schema;list'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;schema;show'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;schema;check'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;schema;help'= {
            cand list 'List subjects with their versions, compatibility mode and routes'
            cand show 'Print one schema (the latest version unless @VERSION)'
            cand check 'Check the registry: versions without gaps, schemas compile, refs resolve, examples'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;schema;help;list'= {
        }
        &'evtctl;schema;help;show'= {
        }
        &'evtctl;schema;help;check'= {
        }
        &'evtctl;schema;help;help'= {
        }
        &'evtctl;compat'= {
            cand --against 'Compare the registry with the one at this git revision: edited or deleted published versions are errors, new versions are checked against the history'
            cand --old 'The earlier schema file (with --new: two files, no registry)'
            cand --new 'The later schema file'
            cand --ref-root 'With --old/--new: the directory `$ref`s may reach [default: each file''s own directory]'
            cand --mode 'Override the compatibility mode (NONE, BACKWARD, FORWARD, FULL, *_TRANSITIVE)'
            cand --policy 'Override the policy (strict, lenient)'
            cand --fail-on 'Which severities fail the check (registry.toml sets a severity per rule)'
            cand --format 'Report for CI instead of pretty/JSON output'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --strict-unknown 'Treat changes to keywords that cannot be verified as breaking'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'evtctl;dlq'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
            cand stats 'What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives'
            cand drain 'Export dead-lettered records to a file, then commit: a rerun continues where the last stopped'
            cand redrive 'Move dead-lettered records back to their original topic (or --to), safely'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;dlq;stats'= {
            cand --topics-regex 'Also read every topic whose whole name matches this regular expression, e.g. ''.*-dlt'''
            cand --from 'Where to start (as in tail) [default: beginning]'
            cand --until 'Where to stop (as in tail) [default: end]'
            cand --samples 'Sample records shown per error group'
            cand --fail-above 'Exit 1 when more than N records are found (for alerting and CI)'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;dlq;drain'= {
            cand --to 'File to append the records to'
            cand -g 'Consumer group holding the drained position [default: evtctl-drain.<TOPIC>]'
            cand --group 'Consumer group holding the drained position [default: evtctl-drain.<TOPIC>]'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;dlq;redrive'= {
            cand --to 'Send every record here instead of the topic its headers name'
            cand -g 'Consumer group holding the position and ledger [default: evtctl-redrive.<TOPIC>]'
            cand --group 'Consumer group holding the position and ledger [default: evtctl-redrive.<TOPIC>]'
            cand --filter 'Only records for which this jq expression (over the envelope) is truthy'
            cand --transform 'Rewrite each record on the way back: a jq expression over the envelope that yields the record to send (key, value and headers may change; topic, partition and offset may not)'
            cand --error-class 'Only records whose error class is this (full name, or the part after the last `.`)'
            cand --origin-topic 'Only records that came from this topic'
            cand --limit 'Move at most N records, then stop (a canary)'
            cand --rate 'At most this many records per second, e.g. 200 or 200/s'
            cand --max-redrives 'Records already redriven N times or more go to --park-to instead'
            cand --park-to 'Parking topic for records over --max-redrives'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --dry-run 'Print the plan (counts per destination, already moved, left by earlier runs, unroutable) and move nothing'
            cand -y 'Act without asking (required when stdin is not a terminal)'
            cand --yes 'Act without asking (required when stdin is not a terminal)'
            cand --keep-timestamp 'Keep each record''s original timestamp (default: the time of the redrive)'
            cand --validate 'Check each record against the registry first; invalid ones are skipped and reported'
            cand --skip-unroutable 'Leave records with no origin or no destination topic in the DLQ and go on (default: stop at the first)'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;dlq;help'= {
            cand stats 'What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives'
            cand drain 'Export dead-lettered records to a file, then commit: a rerun continues where the last stopped'
            cand redrive 'Move dead-lettered records back to their original topic (or --to), safely'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;dlq;help;stats'= {
        }
        &'evtctl;dlq;help;drain'= {
        }
        &'evtctl;dlq;help;redrive'= {
        }
        &'evtctl;dlq;help;help'= {
        }
        &'evtctl;count'= {
            cand --from 'Where to start (as in tail) [default: beginning]'
            cand --until 'Where to stop (as in tail) [default: end]'
            cand -p 'Only these partitions'
            cand --partition 'Only these partitions'
            cand --filter 'Count only records for which this jq expression (over the envelope) is truthy (reads the range)'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;expect'= {
            cand --match 'jq expression over the record envelope (as `tail --filter` sees it) that a record must satisfy [default: any record]'
            cand -n 'At least this many matching records [default: 1]'
            cand --count 'At least this many matching records [default: 1]'
            cand --within 'How long to wait, counted from the end of the trigger command (with --spec: the default of each expectation)'
            cand --from 'Look back: read from this position instead of the end offsets captured before CMD'
            cand --spec 'Several expectations from a TOML file (see below) instead of TOPIC and its options'
            cand --format 'Write the report as JUnit XML or Markdown instead of pretty/JSON'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --validate 'Matching records must be valid against their schema in the registry'
            cand --none 'No matching record may appear within the window (e.g. nothing in the DLQ)'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'evtctl;trace'= {
            cand --topics 'Topics to search, comma-separated (repeatable); `re:REGEX` selects every topic whose whole name matches [default: every topic not starting with `__`]'
            cand --from 'Where to start (as in tail) [default: 2h]'
            cand --until 'Where to stop (as in tail) [default: end, the end offsets captured at start]'
            cand --field 'A JSON pointer into the value that holds an id, e.g. /data/orderId (repeatable) [default: `[trace] fields` in registry.toml]'
            cand --hops 'Follow the ids found in the --field paths of the matches, up to N hops'
            cand --max-matches 'Keep at most N matches (the earliest by time); the others are counted'
            cand --format 'Write the timeline as a Mermaid sequence diagram instead of pretty/JSON'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --all-partitions 'Read every partition even when only the key can match (by default only the key''s partition is read, placed as the Java client''s default partitioner places it)'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'evtctl;cluster'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;replay'= {
            cand --from-topic 'Read records from this topic (with --from/--until)'
            cand --from-file 'Read records from this file in the record format (`-` is stdin)'
            cand --to 'Destination topic'
            cand --from 'Where to start, as in tail (with --from-topic) [default: beginning]'
            cand --until 'Where to stop, as in tail (with --from-topic) [default: end]'
            cand -p 'Only these partitions of --from-topic'
            cand --partition 'Only these partitions of --from-topic'
            cand --filter 'Only records for which this jq expression (over the envelope) is truthy'
            cand --transform 'Rewrite each record on the way: a jq expression over the envelope that yields the record to send (key, value and headers may change; topic, partition and offset may not)'
            cand --rate 'At most this many records per second, e.g. 200 or 200/s'
            cand --checkpoint-group 'Commit progress in this group and resume from it (with --from-topic)'
            cand --ce-mode 'Convert each CloudEvent to this mode on the way (the data bytes untouched); records that are not CloudEvents are copied as they are'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --dry-run 'Count what would be copied (with --transform: show a few records before and after), copy nothing'
            cand --keep-timestamp 'Keep each record''s original timestamp'
            cand --provenance 'Add a header evtctl-replay-origin naming each record''s source (topic/partition/offset)'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'evtctl;groups'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List consumer groups: state, protocol, members, topics, total lag (the default)'
            cand describe 'One group per topic and partition: committed offset, end, lag, time lag, owning member'
            cand skip 'Take the records at a group''s position out of the way, into a quarantine topic, without losing them'
            cand reset 'Move a group''s committed offsets: prints the plan, acts with --execute'
            cand delete 'Delete a group and its committed offsets (as kafka-consumer-groups --delete)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;groups;list'= {
            cand --fail-above-lag 'Exit 1 when a group''s total lag is above N records'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;groups;describe'= {
            cand -t 'Only these topics'
            cand --topic 'Only these topics'
            cand --watch 'Refresh every INTERVAL until Ctrl-C, marking STUCK partitions [default interval: 5s]'
            cand --samples 'With --watch: stop after this many samples'
            cand --fail-above-lag 'Exit 1 when the group''s total lag is above N records'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;groups;skip'= {
            cand --topic 'The topic it is stuck on'
            cand -p 'The partition it is stuck on'
            cand --partition 'The partition it is stuck on'
            cand --count 'How many records to take, from the group''s committed offset on'
            cand --to 'Quarantine topic the records are copied to (must exist)'
            cand --reason 'Why: recorded in each copy''s evtctl-dlq-reason header'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --dry-run 'Show the records that would be taken, change nothing'
            cand -y 'Act without asking (required when stdin is not a terminal)'
            cand --yes 'Act without asking (required when stdin is not a terminal)'
            cand --consumers-stopped 'The group''s consumers are stopped: where the broker cannot tell (it lists no members and refuses commits from outside a group that ever had one, like the embedded broker), commit as the group''s only member. Ignored where the broker can tell'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;groups;reset'= {
            cand --topic 'Topic to reset, all its partitions or only some: orders, orders:0,3 (repeatable)'
            cand --to 'New position: earliest, latest, OFFSET, TIME or DURATION (see below)'
            cand --shift-by 'Move each committed offset by N records (negative: back, to read them again)'
            cand --from-file 'Restore the offsets saved by `groups describe GROUP -o json`'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --execute 'Commit the new offsets (without it, only the plan is printed)'
            cand --consumers-stopped 'The group''s consumers are stopped: where the broker cannot tell (it lists no members and refuses commits from outside a group that ever had one, like the embedded broker), commit as the group''s only member. Ignored where the broker can tell'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;groups;delete'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;groups;help'= {
            cand list 'List consumer groups: state, protocol, members, topics, total lag (the default)'
            cand describe 'One group per topic and partition: committed offset, end, lag, time lag, owning member'
            cand skip 'Take the records at a group''s position out of the way, into a quarantine topic, without losing them'
            cand reset 'Move a group''s committed offsets: prints the plan, acts with --execute'
            cand delete 'Delete a group and its committed offsets (as kafka-consumer-groups --delete)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;groups;help;list'= {
        }
        &'evtctl;groups;help;describe'= {
        }
        &'evtctl;groups;help;skip'= {
        }
        &'evtctl;groups;help;reset'= {
        }
        &'evtctl;groups;help;delete'= {
        }
        &'evtctl;groups;help;help'= {
        }
        &'evtctl;config'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Print the effective settings and where each came from, secrets redacted'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;config;show'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;config;help'= {
            cand show 'Print the effective settings and where each came from, secrets redacted'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;config;help;show'= {
        }
        &'evtctl;config;help;help'= {
        }
        &'evtctl;dev'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
            cand broker 'Run an embedded Kafka-protocol broker (librdkafka''s mock cluster) until Ctrl-C'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;dev;broker'= {
            cand --port 'Port to listen on and advertise (0 picks a free one)'
            cand --topic 'Create a topic at start (repeatable), e.g. --topic orders:6'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand --exit-on-stdin-eof 'Exit when standard input closes (for test harnesses and supervisors)'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;dev;help'= {
            cand broker 'Run an embedded Kafka-protocol broker (librdkafka''s mock cluster) until Ctrl-C'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;dev;help;broker'= {
        }
        &'evtctl;dev;help;help'= {
        }
        &'evtctl;demo'= {
            cand --events 'Number of sample order events to publish'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'evtctl;completions'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;complete-names'= {
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --max-line-bytes 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;help'= {
            cand publish 'Publish events: one from the command line, or JSON Lines from a file or stdin'
            cand tail 'Read records from topics, from a point in time or offset, following or up to an end'
            cand topics 'List, describe, create, delete, grow and configure topics'
            cand validate 'Validate events from topics, JSON Lines files or stdin against the schema registry'
            cand schema 'Inspect and check the local schema registry'
            cand compat 'Check schema compatibility between versions: a CI gate against breaking changes'
            cand dlq 'Dead-letter queues: see what is there and why, keep a copy, move records back'
            cand count 'Count records per partition and in total, between two positions'
            cand expect 'Assert that matching records appear (or do not) on live topics within a time window, around a trigger command: a CI check'
            cand trace 'Follow an id or a trace across topics: every record whose key, id field or trace header carries it, merged into one timeline (with dead-letter origins)'
            cand cluster 'Cluster id, controller and brokers (id, address, rack); with -v each broker''s API versions. The first thing to run against a new profile'
            cand replay 'Copy a range of records (from a topic or an exported file) into a topic'
            cand groups 'Consumer groups: lag and time lag per partition, stuck partitions, and the safe way past a poison record'
            cand config 'Show the effective configuration (secrets redacted)'
            cand dev 'Local development helpers: an embedded Kafka-protocol broker'
            cand demo 'A guided tour on an embedded broker: publish, tail, validate and compat, showing each command'
            cand completions 'Print a shell completion script'
            cand complete-names 'Topic or group names, one a line, for the completion scripts: at most 2 s, nothing printed on any failure'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;help;publish'= {
        }
        &'evtctl;help;tail'= {
        }
        &'evtctl;help;topics'= {
            cand list 'List topics with partitions, replication and watermarks (the default)'
            cand describe 'Show one topic partition by partition, and its configuration (values set on the topic; every value with --all-configs)'
            cand delete 'Delete topics and every record in them (asks on a terminal; --yes otherwise)'
            cand alter 'Add partitions to a topic (Kafka cannot remove partitions)'
            cand config 'Set or unset configuration values of a topic'
            cand create 'Create a topic'
        }
        &'evtctl;help;topics;list'= {
        }
        &'evtctl;help;topics;describe'= {
        }
        &'evtctl;help;topics;delete'= {
        }
        &'evtctl;help;topics;alter'= {
        }
        &'evtctl;help;topics;config'= {
        }
        &'evtctl;help;topics;create'= {
        }
        &'evtctl;help;validate'= {
        }
        &'evtctl;help;schema'= {
            cand list 'List subjects with their versions, compatibility mode and routes'
            cand show 'Print one schema (the latest version unless @VERSION)'
            cand check 'Check the registry: versions without gaps, schemas compile, refs resolve, examples'
        }
        &'evtctl;help;schema;list'= {
        }
        &'evtctl;help;schema;show'= {
        }
        &'evtctl;help;schema;check'= {
        }
        &'evtctl;help;compat'= {
        }
        &'evtctl;help;dlq'= {
            cand stats 'What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives'
            cand drain 'Export dead-lettered records to a file, then commit: a rerun continues where the last stopped'
            cand redrive 'Move dead-lettered records back to their original topic (or --to), safely'
        }
        &'evtctl;help;dlq;stats'= {
        }
        &'evtctl;help;dlq;drain'= {
        }
        &'evtctl;help;dlq;redrive'= {
        }
        &'evtctl;help;count'= {
        }
        &'evtctl;help;expect'= {
        }
        &'evtctl;help;trace'= {
        }
        &'evtctl;help;cluster'= {
        }
        &'evtctl;help;replay'= {
        }
        &'evtctl;help;groups'= {
            cand list 'List consumer groups: state, protocol, members, topics, total lag (the default)'
            cand describe 'One group per topic and partition: committed offset, end, lag, time lag, owning member'
            cand skip 'Take the records at a group''s position out of the way, into a quarantine topic, without losing them'
            cand reset 'Move a group''s committed offsets: prints the plan, acts with --execute'
            cand delete 'Delete a group and its committed offsets (as kafka-consumer-groups --delete)'
        }
        &'evtctl;help;groups;list'= {
        }
        &'evtctl;help;groups;describe'= {
        }
        &'evtctl;help;groups;skip'= {
        }
        &'evtctl;help;groups;reset'= {
        }
        &'evtctl;help;groups;delete'= {
        }
        &'evtctl;help;config'= {
            cand show 'Print the effective settings and where each came from, secrets redacted'
        }
        &'evtctl;help;config;show'= {
        }
        &'evtctl;help;dev'= {
            cand broker 'Run an embedded Kafka-protocol broker (librdkafka''s mock cluster) until Ctrl-C'
        }
        &'evtctl;help;dev;broker'= {
        }
        &'evtctl;help;demo'= {
        }
        &'evtctl;help;completions'= {
        }
        &'evtctl;help;complete-names'= {
        }
        &'evtctl;help;help'= {
        }
    ]
    $completions[$command]
}
