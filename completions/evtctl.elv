
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
            cand topics 'List, describe and create topics'
            cand validate 'Validate events from topics, JSON Lines files or stdin against the schema registry'
            cand schema 'Inspect and check the local schema registry'
            cand compat 'Check schema compatibility between versions: a CI gate against breaking changes'
            cand dlq 'Dead-letter queues: see what is there and why, keep a copy, move records back'
            cand replay 'Copy a range of records (from a topic or an exported file) into a topic'
            cand config 'Show the effective configuration (secrets redacted)'
            cand dev 'Local development helpers: an embedded Kafka-protocol broker'
            cand demo 'A guided tour on an embedded broker: publish, tail, validate and compat, showing each command'
            cand completions 'Print a shell completion script'
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
            cand --rate 'Send at most this many records per second'
            cand --compression 'Compression codec'
            cand --type 'Wrap each payload as `data` in an event of this type, with a generated id, time, version and a traceparent header'
            cand --source 'The `source` of events made with --type'
            cand --event-version 'The `version` of events made with --type [default: the latest registered version of the type''s subject, else 1]'
            cand --trace 'W3C traceparent to continue (the record gets a child span) [env: TRACEPARENT]'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --no-validate 'Publish events even when they fail their schema in the registry'
            cand --fail-fast 'Stop at the first line that cannot be parsed or delivered'
            cand --envelope-topic 'Use each envelope''s `topic` field when present (with --format envelope)'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'evtctl;tail'= {
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
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --validate 'Check each record against the schema registry and mark the invalid ones'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
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
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List topics with partitions, replication and watermarks (the default)'
            cand describe 'Show one topic partition by partition'
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
            cand describe 'Show one topic partition by partition'
            cand create 'Create a topic'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;topics;help;list'= {
        }
        &'evtctl;topics;help;describe'= {
        }
        &'evtctl;topics;help;create'= {
        }
        &'evtctl;topics;help;help'= {
        }
        &'evtctl;validate'= {
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
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'evtctl;dlq;redrive'= {
            cand --to 'Send every record here instead of the topic its headers name'
            cand -g 'Consumer group holding the position [default: evtctl-redrive.<TOPIC>[.<selection>]]'
            cand --group 'Consumer group holding the position [default: evtctl-redrive.<TOPIC>[.<selection>]]'
            cand --filter 'Only records for which this jq expression (over the envelope) is truthy'
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
            cand --dry-run 'Print the plan (counts per destination, records with no origin) and move nothing'
            cand -y 'Act without asking (required when stdin is not a terminal)'
            cand --yes 'Act without asking (required when stdin is not a terminal)'
            cand --keep-timestamp 'Keep each record''s original timestamp (default: the time of the redrive)'
            cand --validate 'Check each record against the registry first; invalid ones are skipped and reported'
            cand --skip-unroutable 'Pass over records that name no origin (default: stop at the first, when there is no --to)'
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
        &'evtctl;replay'= {
            cand --from-topic 'Read records from this topic (with --from/--until)'
            cand --from-file 'Read records from this file in the record format (`-` is stdin)'
            cand --to 'Destination topic'
            cand --from 'Where to start, as in tail (with --from-topic) [default: beginning]'
            cand --until 'Where to stop, as in tail (with --from-topic) [default: end]'
            cand -p 'Only these partitions of --from-topic'
            cand --partition 'Only these partitions of --from-topic'
            cand --filter 'Only records for which this jq expression (over the envelope) is truthy'
            cand --rate 'At most this many records per second, e.g. 200 or 200/s'
            cand --checkpoint-group 'Commit progress in this group and resume from it (with --from-topic)'
            cand -b 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand --brokers 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]'
            cand -X 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL'
            cand --profile 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)'
            cand -o 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --output 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]'
            cand --color 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)'
            cand --registry 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]'
            cand --timeout 'How long to wait for the cluster before giving up (e.g. 10s, 1m)'
            cand --dry-run 'Count what would be copied, copy nothing'
            cand --keep-timestamp 'Keep each record''s original timestamp'
            cand --provenance 'Add a header evtctl-replay-origin naming each record''s source (topic/partition/offset)'
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
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
            cand -q 'Print only data and errors, no summaries or progress'
            cand --quiet 'Print only data and errors, no summaries or progress'
            cand -v 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand --verbose 'More diagnostics on stderr; -vv adds librdkafka''s debug log'
            cand -h 'Print help'
            cand --help 'Print help'
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
            cand topics 'List, describe and create topics'
            cand validate 'Validate events from topics, JSON Lines files or stdin against the schema registry'
            cand schema 'Inspect and check the local schema registry'
            cand compat 'Check schema compatibility between versions: a CI gate against breaking changes'
            cand dlq 'Dead-letter queues: see what is there and why, keep a copy, move records back'
            cand replay 'Copy a range of records (from a topic or an exported file) into a topic'
            cand config 'Show the effective configuration (secrets redacted)'
            cand dev 'Local development helpers: an embedded Kafka-protocol broker'
            cand demo 'A guided tour on an embedded broker: publish, tail, validate and compat, showing each command'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'evtctl;help;publish'= {
        }
        &'evtctl;help;tail'= {
        }
        &'evtctl;help;topics'= {
            cand list 'List topics with partitions, replication and watermarks (the default)'
            cand describe 'Show one topic partition by partition'
            cand create 'Create a topic'
        }
        &'evtctl;help;topics;list'= {
        }
        &'evtctl;help;topics;describe'= {
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
        &'evtctl;help;replay'= {
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
        &'evtctl;help;help'= {
        }
    ]
    $completions[$command]
}
