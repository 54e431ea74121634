
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'evtctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'evtctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'evtctl' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Publish events: one from the command line, or JSON Lines from a file or stdin')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Read records from topics, from a point in time or offset, following or up to an end')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'List, describe, create, delete, grow and configure topics')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Validate events from topics, JSON Lines files or stdin against the schema registry')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Inspect and check the local schema registry')
            [CompletionResult]::new('compat', 'compat', [CompletionResultType]::ParameterValue, 'Check schema compatibility between versions: a CI gate against breaking changes')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'Dead-letter queues: see what is there and why, keep a copy, move records back')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Count records per partition and in total, between two positions')
            [CompletionResult]::new('expect', 'expect', [CompletionResultType]::ParameterValue, 'Assert that matching records appear (or do not) on live topics within a time window, around a trigger command: a CI check')
            [CompletionResult]::new('trace', 'trace', [CompletionResultType]::ParameterValue, 'Follow an id or a trace across topics: every record whose key, id field or trace header carries it, merged into one timeline (with dead-letter origins)')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Cluster id, controller and brokers (id, address, rack); with -v each broker''s API versions. The first thing to run against a new profile')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Copy a range of records (from a topic or an exported file) into a topic')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'Consumer groups: lag and time lag per partition, stuck partitions, and the safe way past a poison record')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective configuration (secrets redacted)')
            [CompletionResult]::new('dev', 'dev', [CompletionResultType]::ParameterValue, 'Local development helpers: an embedded Kafka-protocol broker')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A guided tour on an embedded broker: publish, tail, validate and compat, showing each command')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('complete-names', 'complete-names', [CompletionResultType]::ParameterValue, 'Topic or group names, one a line, for the completion scripts: at most 2 s, nothing printed on any failure')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;publish' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read JSON Lines from this file instead of stdin')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read JSON Lines from this file instead of stdin')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to read each line')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Record key for every record')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Record key for every record')
            [CompletionResult]::new('--key-field', '--key-field', [CompletionResultType]::ParameterName, 'Take the key from this JSON pointer into the payload, e.g. /orderId')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Header added to every record (repeatable); NAME alone adds a null value')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Header added to every record (repeatable); NAME alone adds a null value')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Partition for every record (default: by key, Java-client compatible)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Partition for every record (default: by key, Java-client compatible)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Send at most this many records per second, e.g. 200 or 200/s')
            [CompletionResult]::new('--compression', '--compression', [CompletionResultType]::ParameterName, 'Compression codec')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Wrap each payload as `data` in a CloudEvents 1.0 event of this type, with a generated id, time, version, dataschema (when the registry routes the type) and a traceparent header')
            [CompletionResult]::new('--ce-mode', '--ce-mode', [CompletionResultType]::ParameterName, 'How events made with --type travel: structured (the event JSON as the value) or binary (the payload as the value, the attributes as ce_* headers)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'The `source` of events made with --type')
            [CompletionResult]::new('--event-version', '--event-version', [CompletionResultType]::ParameterName, 'The `version` of events made with --type [default: the latest registered version of the type''s subject, else 1]')
            [CompletionResult]::new('--value-schema', '--value-schema', [CompletionResultType]::ParameterName, 'Encode each JSON event with this registry subject (Avro, Protobuf or JSON Schema), as SUBJECT[@VERSION], framed with the version''s schema id (default: the topic''s route or `<topic>-value` subject when it is Avro or Protobuf)')
            [CompletionResult]::new('--key-schema', '--key-schema', [CompletionResultType]::ParameterName, 'Encode keys with this registry subject (default: a `<topic>-key` Avro/Protobuf subject)')
            [CompletionResult]::new('--trace', '--trace', [CompletionResultType]::ParameterName, 'W3C traceparent to continue (the record gets a child span) [env: TRACEPARENT]')
            [CompletionResult]::new('--key-type', '--key-type', [CompletionResultType]::ParameterName, 'How to encode the key given with -k, --key-field or --key-delimiter (int32/int64 are big-endian, as Java''s serializers write them)')
            [CompletionResult]::new('--key-delimiter', '--key-delimiter', [CompletionResultType]::ParameterName, 'With --format text: the text before the first DELIM on a line is the key, the rest the value (kcat''s -K); a line without DELIM has no key')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Partitions of a topic made by --create')
            [CompletionResult]::new('--value-type', '--value-type', [CompletionResultType]::ParameterName, 'How to encode each value given as text (the line or EVENT): int32/int64 big-endian as Java''s serializers write them, hex, base64; json checks that it is JSON')
            [CompletionResult]::new('--missing-key', '--missing-key', [CompletionResultType]::ParameterName, 'With --key-field: what a line without the field (or with null there) gets')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--no-validate', '--no-validate', [CompletionResultType]::ParameterName, 'Publish events even when they fail their schema in the registry')
            [CompletionResult]::new('--no-framing', '--no-framing', [CompletionResultType]::ParameterName, 'Write encoded payloads without Confluent''s schema id (for unframed topics)')
            [CompletionResult]::new('--id-header', '--id-header', [CompletionResultType]::ParameterName, 'Put the schema id in a `__value_schema_id` / `__key_schema_id` header (the GUID form) instead of in front of the payload')
            [CompletionResult]::new('--fail-fast', '--fail-fast', [CompletionResultType]::ParameterName, 'Stop at the first line that cannot be parsed or delivered')
            [CompletionResult]::new('--envelope-topic', '--envelope-topic', [CompletionResultType]::ParameterName, 'Use each envelope''s `topic` field when present (with --format envelope)')
            [CompletionResult]::new('--create', '--create', [CompletionResultType]::ParameterName, 'Create the topic first when it does not exist (default: a missing topic is an error)')
            [CompletionResult]::new('-Z', '-Z ', [CompletionResultType]::ParameterName, 'Send an empty value as null, a tombstone (kcat''s -Z): `publish T -k K -Z ''''`, or a text line `K:` with --key-delimiter :')
            [CompletionResult]::new('--null-empty', '--null-empty', [CompletionResultType]::ParameterName, 'Send an empty value as null, a tombstone (kcat''s -Z): `publish T -k K -Z ''''`, or a text line `K:` with --key-delimiter :')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'evtctl;tail' {
            [CompletionResult]::new('--topics-regex', '--topics-regex', [CompletionResultType]::ParameterName, 'Also read every topic whose whole name matches this regular expression (when following, topics created later too)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start (see below) [default: end when following, beginning with --until]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Where to stop (see below); without it, follow new records until Ctrl-C')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Stop after this many records in total')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after this many records in total')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only these partitions (repeatable or comma-separated)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only these partitions (repeatable or comma-separated)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Keep records for which this jq expression (over the envelope) is truthy')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Keep records whose key is exactly this')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Keep records whose key is exactly this')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Join this consumer group and commit what was printed (default: no group, no commits)')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Join this consumer group and commit what was printed (default: no group, no commits)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Print each record with this kcat-style format instead of pretty/JSON, e.g. ''%k\t%s\n'' (tokens below)')
            [CompletionResult]::new('--key-type', '--key-type', [CompletionResultType]::ParameterName, 'How to decode keys (and encode --key): shown decoded, in the envelope with `key_encoding` naming the type')
            [CompletionResult]::new('--value-type', '--value-type', [CompletionResultType]::ParameterName, 'How to decode values')
            [CompletionResult]::new('--value-schema', '--value-schema', [CompletionResultType]::ParameterName, 'Decode values with this registry subject (Avro, Protobuf or JSON Schema), as SUBJECT[@VERSION]; framed payloads are read by their schema id (default: the topic''s route, a `<topic>-value` subject, or the id in each record)')
            [CompletionResult]::new('--key-schema', '--key-schema', [CompletionResultType]::ParameterName, 'Decode keys with this registry subject (default: a `<topic>-key` subject, or the id in each key)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--validate', '--validate', [CompletionResultType]::ParameterName, 'Check each record against the schema registry and mark the invalid ones')
            [CompletionResult]::new('--no-decode', '--no-decode', [CompletionResultType]::ParameterName, 'Show payloads as bytes: no decoding with the registry''s Avro, Protobuf or framed schemas')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'evtctl;topics' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics with partitions, replication and watermarks (the default)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show one topic partition by partition, and its configuration (values set on the topic; every value with --all-configs)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete topics and every record in them (asks on a terminal; --yes otherwise)')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Add partitions to a topic (Kafka cannot remove partitions)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Set or unset configuration values of a topic')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;topics;list' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include internal topics (names starting with `__`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;topics;describe' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--all-configs', '--all-configs', [CompletionResultType]::ParameterName, 'Show every configuration value, defaults included')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;topics;delete' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--if-exists', '--if-exists', [CompletionResultType]::ParameterName, 'Succeed when a topic does not exist')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;topics;alter' {
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'The new total number of partitions')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;topics;config' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set a value (repeatable)')
            [CompletionResult]::new('--unset', '--unset', [CompletionResultType]::ParameterName, 'Return a value to its default (repeatable)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;topics;create' {
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Number of partitions')
            [CompletionResult]::new('--replication', '--replication', [CompletionResultType]::ParameterName, 'Replication factor [default: the broker''s default]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Topic configuration (repeatable), e.g. --config retention.ms=86400000')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed if the topic already exists')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;topics;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics with partitions, replication and watermarks (the default)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show one topic partition by partition, and its configuration (values set on the topic; every value with --all-configs)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete topics and every record in them (asks on a terminal; --yes otherwise)')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Add partitions to a topic (Kafka cannot remove partitions)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Set or unset configuration values of a topic')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;topics;help;list' {
            break
        }
        'evtctl;topics;help;describe' {
            break
        }
        'evtctl;topics;help;delete' {
            break
        }
        'evtctl;topics;help;alter' {
            break
        }
        'evtctl;topics;help;config' {
            break
        }
        'evtctl;topics;help;create' {
            break
        }
        'evtctl;topics;help;help' {
            break
        }
        'evtctl;validate' {
            [CompletionResult]::new('--topics-regex', '--topics-regex', [CompletionResultType]::ParameterName, 'Also read every topic whose whole name matches this regular expression')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'JSON Lines file to read (repeatable; `-` is stdin; the default without topics)')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'JSON Lines file to read (repeatable; `-` is stdin; the default without topics)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'What each line of a file is')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start reading topics (as in tail) [default: beginning]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Where to stop reading topics (as in tail) [default: end]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only these partitions')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only these partitions')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Validate every event against this schema instead of looking it up')
            [CompletionResult]::new('--max-invalid', '--max-invalid', [CompletionResultType]::ParameterName, 'Stop after this many failing events')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report for CI instead of pretty/JSON output')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--allow-unknown', '--allow-unknown', [CompletionResultType]::ParameterName, 'Events with no schema are counted, not failures')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'evtctl;schema' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subjects with their versions, compatibility mode and routes')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one schema (the latest version unless @VERSION)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the registry: versions without gaps, schemas compile, refs resolve, examples')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;schema;list' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;schema;show' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;schema;check' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;schema;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subjects with their versions, compatibility mode and routes')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one schema (the latest version unless @VERSION)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the registry: versions without gaps, schemas compile, refs resolve, examples')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;schema;help;list' {
            break
        }
        'evtctl;schema;help;show' {
            break
        }
        'evtctl;schema;help;check' {
            break
        }
        'evtctl;schema;help;help' {
            break
        }
        'evtctl;compat' {
            [CompletionResult]::new('--against', '--against', [CompletionResultType]::ParameterName, 'Compare the registry with the one at this git revision: edited or deleted published versions are errors, new versions are checked against the history')
            [CompletionResult]::new('--old', '--old', [CompletionResultType]::ParameterName, 'The earlier schema file (with --new: two files, no registry)')
            [CompletionResult]::new('--new', '--new', [CompletionResultType]::ParameterName, 'The later schema file')
            [CompletionResult]::new('--ref-root', '--ref-root', [CompletionResultType]::ParameterName, 'With --old/--new: the directory `$ref`s may reach [default: each file''s own directory]')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Override the compatibility mode (NONE, BACKWARD, FORWARD, FULL, *_TRANSITIVE)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Override the policy (strict, lenient)')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Which severities fail the check (registry.toml sets a severity per rule)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Report for CI instead of pretty/JSON output')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--strict-unknown', '--strict-unknown', [CompletionResultType]::ParameterName, 'Treat changes to keywords that cannot be verified as breaking')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'evtctl;dlq' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Export dead-lettered records to a file, then commit: a rerun continues where the last stopped')
            [CompletionResult]::new('redrive', 'redrive', [CompletionResultType]::ParameterValue, 'Move dead-lettered records back to their original topic (or --to), safely')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;dlq;stats' {
            [CompletionResult]::new('--topics-regex', '--topics-regex', [CompletionResultType]::ParameterName, 'Also read every topic whose whole name matches this regular expression, e.g. ''.*-dlt''')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start (as in tail) [default: beginning]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Where to stop (as in tail) [default: end]')
            [CompletionResult]::new('--samples', '--samples', [CompletionResultType]::ParameterName, 'Sample records shown per error group')
            [CompletionResult]::new('--fail-above', '--fail-above', [CompletionResultType]::ParameterName, 'Exit 1 when more than N records are found (for alerting and CI)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;dlq;drain' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'File to append the records to')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Consumer group holding the drained position [default: evtctl-drain.<TOPIC>]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Consumer group holding the drained position [default: evtctl-drain.<TOPIC>]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;dlq;redrive' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Send every record here instead of the topic its headers name')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Consumer group holding the position and ledger [default: evtctl-redrive.<TOPIC>]')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Consumer group holding the position and ledger [default: evtctl-redrive.<TOPIC>]')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only records for which this jq expression (over the envelope) is truthy')
            [CompletionResult]::new('--transform', '--transform', [CompletionResultType]::ParameterName, 'Rewrite each record on the way back: a jq expression over the envelope that yields the record to send (key, value and headers may change; topic, partition and offset may not)')
            [CompletionResult]::new('--error-class', '--error-class', [CompletionResultType]::ParameterName, 'Only records whose error class is this (full name, or the part after the last `.`)')
            [CompletionResult]::new('--origin-topic', '--origin-topic', [CompletionResultType]::ParameterName, 'Only records that came from this topic')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Move at most N records, then stop (a canary)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most this many records per second, e.g. 200 or 200/s')
            [CompletionResult]::new('--max-redrives', '--max-redrives', [CompletionResultType]::ParameterName, 'Records already redriven N times or more go to --park-to instead')
            [CompletionResult]::new('--park-to', '--park-to', [CompletionResultType]::ParameterName, 'Parking topic for records over --max-redrives')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan (counts per destination, already moved, left by earlier runs, unroutable) and move nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Act without asking (required when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Act without asking (required when stdin is not a terminal)')
            [CompletionResult]::new('--keep-timestamp', '--keep-timestamp', [CompletionResultType]::ParameterName, 'Keep each record''s original timestamp (default: the time of the redrive)')
            [CompletionResult]::new('--validate', '--validate', [CompletionResultType]::ParameterName, 'Check each record against the registry first; invalid ones are skipped and reported')
            [CompletionResult]::new('--skip-unroutable', '--skip-unroutable', [CompletionResultType]::ParameterName, 'Leave records with no origin or no destination topic in the DLQ and go on (default: stop at the first)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;dlq;help' {
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Export dead-lettered records to a file, then commit: a rerun continues where the last stopped')
            [CompletionResult]::new('redrive', 'redrive', [CompletionResultType]::ParameterValue, 'Move dead-lettered records back to their original topic (or --to), safely')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;dlq;help;stats' {
            break
        }
        'evtctl;dlq;help;drain' {
            break
        }
        'evtctl;dlq;help;redrive' {
            break
        }
        'evtctl;dlq;help;help' {
            break
        }
        'evtctl;count' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start (as in tail) [default: beginning]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Where to stop (as in tail) [default: end]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only these partitions')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only these partitions')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Count only records for which this jq expression (over the envelope) is truthy (reads the range)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;expect' {
            [CompletionResult]::new('--match', '--match', [CompletionResultType]::ParameterName, 'jq expression over the record envelope (as `tail --filter` sees it) that a record must satisfy [default: any record]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'At least this many matching records [default: 1]')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'At least this many matching records [default: 1]')
            [CompletionResult]::new('--within', '--within', [CompletionResultType]::ParameterName, 'How long to wait, counted from the end of the trigger command (with --spec: the default of each expectation)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Look back: read from this position instead of the end offsets captured before CMD')
            [CompletionResult]::new('--spec', '--spec', [CompletionResultType]::ParameterName, 'Several expectations from a TOML file (see below) instead of TOPIC and its options')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Write the report as JUnit XML or Markdown instead of pretty/JSON')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--validate', '--validate', [CompletionResultType]::ParameterName, 'Matching records must be valid against their schema in the registry')
            [CompletionResult]::new('--none', '--none', [CompletionResultType]::ParameterName, 'No matching record may appear within the window (e.g. nothing in the DLQ)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'evtctl;trace' {
            [CompletionResult]::new('--topics', '--topics', [CompletionResultType]::ParameterName, 'Topics to search, comma-separated (repeatable); `re:REGEX` selects every topic whose whole name matches [default: every topic not starting with `__`]')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start (as in tail) [default: 2h]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Where to stop (as in tail) [default: end, the end offsets captured at start]')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A JSON pointer into the value that holds an id, e.g. /data/orderId (repeatable) [default: `[trace] fields` in registry.toml]')
            [CompletionResult]::new('--hops', '--hops', [CompletionResultType]::ParameterName, 'Follow the ids found in the --field paths of the matches, up to N hops')
            [CompletionResult]::new('--max-matches', '--max-matches', [CompletionResultType]::ParameterName, 'Keep at most N matches (the earliest by time); the others are counted')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Write the timeline as a Mermaid sequence diagram instead of pretty/JSON')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--all-partitions', '--all-partitions', [CompletionResultType]::ParameterName, 'Read every partition even when only the key can match (by default only the key''s partition is read, placed as the Java client''s default partitioner places it)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'evtctl;cluster' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;replay' {
            [CompletionResult]::new('--from-topic', '--from-topic', [CompletionResultType]::ParameterName, 'Read records from this topic (with --from/--until)')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Read records from this file in the record format (`-` is stdin)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Destination topic')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Where to start, as in tail (with --from-topic) [default: beginning]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Where to stop, as in tail (with --from-topic) [default: end]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Only these partitions of --from-topic')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Only these partitions of --from-topic')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'Only records for which this jq expression (over the envelope) is truthy')
            [CompletionResult]::new('--transform', '--transform', [CompletionResultType]::ParameterName, 'Rewrite each record on the way: a jq expression over the envelope that yields the record to send (key, value and headers may change; topic, partition and offset may not)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most this many records per second, e.g. 200 or 200/s')
            [CompletionResult]::new('--checkpoint-group', '--checkpoint-group', [CompletionResultType]::ParameterName, 'Commit progress in this group and resume from it (with --from-topic)')
            [CompletionResult]::new('--ce-mode', '--ce-mode', [CompletionResultType]::ParameterName, 'Convert each CloudEvent to this mode on the way (the data bytes untouched); records that are not CloudEvents are copied as they are')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Count what would be copied (with --transform: show a few records before and after), copy nothing')
            [CompletionResult]::new('--keep-timestamp', '--keep-timestamp', [CompletionResultType]::ParameterName, 'Keep each record''s original timestamp')
            [CompletionResult]::new('--provenance', '--provenance', [CompletionResultType]::ParameterName, 'Add a header evtctl-replay-origin naming each record''s source (topic/partition/offset)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'evtctl;groups' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List consumer groups: state, protocol, members, topics, total lag (the default)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'One group per topic and partition: committed offset, end, lag, time lag, owning member')
            [CompletionResult]::new('skip', 'skip', [CompletionResultType]::ParameterValue, 'Take the records at a group''s position out of the way, into a quarantine topic, without losing them')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets: prints the plan, acts with --execute')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group and its committed offsets (as kafka-consumer-groups --delete)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;groups;list' {
            [CompletionResult]::new('--fail-above-lag', '--fail-above-lag', [CompletionResultType]::ParameterName, 'Exit 1 when a group''s total lag is above N records')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;groups;describe' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only these topics')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Only these topics')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Refresh every INTERVAL until Ctrl-C, marking STUCK partitions [default interval: 5s]')
            [CompletionResult]::new('--samples', '--samples', [CompletionResultType]::ParameterName, 'With --watch: stop after this many samples')
            [CompletionResult]::new('--fail-above-lag', '--fail-above-lag', [CompletionResultType]::ParameterName, 'Exit 1 when the group''s total lag is above N records')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;groups;skip' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'The topic it is stuck on')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The partition it is stuck on')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'The partition it is stuck on')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'How many records to take, from the group''s committed offset on')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Quarantine topic the records are copied to (must exist)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why: recorded in each copy''s evtctl-dlq-reason header')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the records that would be taken, change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Act without asking (required when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Act without asking (required when stdin is not a terminal)')
            [CompletionResult]::new('--consumers-stopped', '--consumers-stopped', [CompletionResultType]::ParameterName, 'The group''s consumers are stopped: where the broker cannot tell (it lists no members and refuses commits from outside a group that ever had one, like the embedded broker), commit as the group''s only member. Ignored where the broker can tell')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;groups;reset' {
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic to reset, all its partitions or only some: orders, orders:0,3 (repeatable)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'New position: earliest, latest, OFFSET, TIME or DURATION (see below)')
            [CompletionResult]::new('--shift-by', '--shift-by', [CompletionResultType]::ParameterName, 'Move each committed offset by N records (negative: back, to read them again)')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Restore the offsets saved by `groups describe GROUP -o json`')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Commit the new offsets (without it, only the plan is printed)')
            [CompletionResult]::new('--consumers-stopped', '--consumers-stopped', [CompletionResultType]::ParameterName, 'The group''s consumers are stopped: where the broker cannot tell (it lists no members and refuses commits from outside a group that ever had one, like the embedded broker), commit as the group''s only member. Ignored where the broker can tell')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;groups;delete' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;groups;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List consumer groups: state, protocol, members, topics, total lag (the default)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'One group per topic and partition: committed offset, end, lag, time lag, owning member')
            [CompletionResult]::new('skip', 'skip', [CompletionResultType]::ParameterValue, 'Take the records at a group''s position out of the way, into a quarantine topic, without losing them')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets: prints the plan, acts with --execute')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group and its committed offsets (as kafka-consumer-groups --delete)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;groups;help;list' {
            break
        }
        'evtctl;groups;help;describe' {
            break
        }
        'evtctl;groups;help;skip' {
            break
        }
        'evtctl;groups;help;reset' {
            break
        }
        'evtctl;groups;help;delete' {
            break
        }
        'evtctl;groups;help;help' {
            break
        }
        'evtctl;config' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective settings and where each came from, secrets redacted')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;config;show' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective settings and where each came from, secrets redacted')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;config;help;show' {
            break
        }
        'evtctl;config;help;help' {
            break
        }
        'evtctl;dev' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('broker', 'broker', [CompletionResultType]::ParameterValue, 'Run an embedded Kafka-protocol broker (librdkafka''s mock cluster) until Ctrl-C')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;dev;broker' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on and advertise (0 picks a free one)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Create a topic at start (repeatable), e.g. --topic orders:6')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('--exit-on-stdin-eof', '--exit-on-stdin-eof', [CompletionResultType]::ParameterName, 'Exit when standard input closes (for test harnesses and supervisors)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;dev;help' {
            [CompletionResult]::new('broker', 'broker', [CompletionResultType]::ParameterValue, 'Run an embedded Kafka-protocol broker (librdkafka''s mock cluster) until Ctrl-C')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;dev;help;broker' {
            break
        }
        'evtctl;dev;help;help' {
            break
        }
        'evtctl;demo' {
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'Number of sample order events to publish')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'evtctl;completions' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;complete-names' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('--brokers', '--brokers', [CompletionResultType]::ParameterName, 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the cluster before giving up (e.g. 10s, 1m)')
            [CompletionResult]::new('--max-line-bytes', '--max-line-bytes', [CompletionResultType]::ParameterName, 'Longest input line accepted (publish, validate, replay files), in bytes; a longer one is rejected with its line number')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors, no summaries or progress')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More diagnostics on stderr; -vv adds librdkafka''s debug log')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'evtctl;help' {
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Publish events: one from the command line, or JSON Lines from a file or stdin')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Read records from topics, from a point in time or offset, following or up to an end')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'List, describe, create, delete, grow and configure topics')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Validate events from topics, JSON Lines files or stdin against the schema registry')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Inspect and check the local schema registry')
            [CompletionResult]::new('compat', 'compat', [CompletionResultType]::ParameterValue, 'Check schema compatibility between versions: a CI gate against breaking changes')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'Dead-letter queues: see what is there and why, keep a copy, move records back')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'Count records per partition and in total, between two positions')
            [CompletionResult]::new('expect', 'expect', [CompletionResultType]::ParameterValue, 'Assert that matching records appear (or do not) on live topics within a time window, around a trigger command: a CI check')
            [CompletionResult]::new('trace', 'trace', [CompletionResultType]::ParameterValue, 'Follow an id or a trace across topics: every record whose key, id field or trace header carries it, merged into one timeline (with dead-letter origins)')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Cluster id, controller and brokers (id, address, rack); with -v each broker''s API versions. The first thing to run against a new profile')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Copy a range of records (from a topic or an exported file) into a topic')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'Consumer groups: lag and time lag per partition, stuck partitions, and the safe way past a poison record')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective configuration (secrets redacted)')
            [CompletionResult]::new('dev', 'dev', [CompletionResultType]::ParameterValue, 'Local development helpers: an embedded Kafka-protocol broker')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A guided tour on an embedded broker: publish, tail, validate and compat, showing each command')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('complete-names', 'complete-names', [CompletionResultType]::ParameterValue, 'Topic or group names, one a line, for the completion scripts: at most 2 s, nothing printed on any failure')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'evtctl;help;publish' {
            break
        }
        'evtctl;help;tail' {
            break
        }
        'evtctl;help;topics' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics with partitions, replication and watermarks (the default)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show one topic partition by partition, and its configuration (values set on the topic; every value with --all-configs)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete topics and every record in them (asks on a terminal; --yes otherwise)')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Add partitions to a topic (Kafka cannot remove partitions)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Set or unset configuration values of a topic')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            break
        }
        'evtctl;help;topics;list' {
            break
        }
        'evtctl;help;topics;describe' {
            break
        }
        'evtctl;help;topics;delete' {
            break
        }
        'evtctl;help;topics;alter' {
            break
        }
        'evtctl;help;topics;config' {
            break
        }
        'evtctl;help;topics;create' {
            break
        }
        'evtctl;help;validate' {
            break
        }
        'evtctl;help;schema' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subjects with their versions, compatibility mode and routes')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one schema (the latest version unless @VERSION)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the registry: versions without gaps, schemas compile, refs resolve, examples')
            break
        }
        'evtctl;help;schema;list' {
            break
        }
        'evtctl;help;schema;show' {
            break
        }
        'evtctl;help;schema;check' {
            break
        }
        'evtctl;help;compat' {
            break
        }
        'evtctl;help;dlq' {
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives')
            [CompletionResult]::new('drain', 'drain', [CompletionResultType]::ParameterValue, 'Export dead-lettered records to a file, then commit: a rerun continues where the last stopped')
            [CompletionResult]::new('redrive', 'redrive', [CompletionResultType]::ParameterValue, 'Move dead-lettered records back to their original topic (or --to), safely')
            break
        }
        'evtctl;help;dlq;stats' {
            break
        }
        'evtctl;help;dlq;drain' {
            break
        }
        'evtctl;help;dlq;redrive' {
            break
        }
        'evtctl;help;count' {
            break
        }
        'evtctl;help;expect' {
            break
        }
        'evtctl;help;trace' {
            break
        }
        'evtctl;help;cluster' {
            break
        }
        'evtctl;help;replay' {
            break
        }
        'evtctl;help;groups' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List consumer groups: state, protocol, members, topics, total lag (the default)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'One group per topic and partition: committed offset, end, lag, time lag, owning member')
            [CompletionResult]::new('skip', 'skip', [CompletionResultType]::ParameterValue, 'Take the records at a group''s position out of the way, into a quarantine topic, without losing them')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Move a group''s committed offsets: prints the plan, acts with --execute')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group and its committed offsets (as kafka-consumer-groups --delete)')
            break
        }
        'evtctl;help;groups;list' {
            break
        }
        'evtctl;help;groups;describe' {
            break
        }
        'evtctl;help;groups;skip' {
            break
        }
        'evtctl;help;groups;reset' {
            break
        }
        'evtctl;help;groups;delete' {
            break
        }
        'evtctl;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective settings and where each came from, secrets redacted')
            break
        }
        'evtctl;help;config;show' {
            break
        }
        'evtctl;help;dev' {
            [CompletionResult]::new('broker', 'broker', [CompletionResultType]::ParameterValue, 'Run an embedded Kafka-protocol broker (librdkafka''s mock cluster) until Ctrl-C')
            break
        }
        'evtctl;help;dev;broker' {
            break
        }
        'evtctl;help;demo' {
            break
        }
        'evtctl;help;completions' {
            break
        }
        'evtctl;help;complete-names' {
            break
        }
        'evtctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
