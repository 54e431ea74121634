# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_evtctl_global_optspecs
    string join \n b/brokers= X= profile= o/output= color= q/quiet v/verbose registry= timeout= h/help V/version
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
complete -c evtctl -n "__fish_evtctl_needs_command" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_needs_command" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_needs_command" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_needs_command" -s V -l version -d 'Print version'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "publish" -d 'Publish events: one from the command line, or JSON Lines from a file or stdin'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "tail" -d 'Read records from topics, from a point in time or offset, following or up to an end'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "topics" -d 'List, describe and create topics'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "validate" -d 'Validate events from topics, JSON Lines files or stdin against the schema registry'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "schema" -d 'Inspect and check the local schema registry'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "compat" -d 'Check schema compatibility between versions: a CI gate against breaking changes'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "dlq" -d 'Dead-letter queues: see what is there and why, keep a copy, move records back'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "replay" -d 'Copy a range of records (from a topic or an exported file) into a topic'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "config" -d 'Show the effective configuration (secrets redacted)'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "dev" -d 'Local development helpers: an embedded Kafka-protocol broker'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "demo" -d 'A guided tour on an embedded broker: publish, tail, validate and compat, showing each command'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c evtctl -n "__fish_evtctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s f -l file -d 'Read JSON Lines from this file instead of stdin' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l format -d 'How to read each line' -r -f -a "json\t'Each line is a JSON payload, sent byte for byte (the line must be valid JSON)'
envelope\t'Each line is a record envelope (what `tail --output json` prints)'
text\t'Each line is sent as is, as UTF-8 text'"
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s k -l key -d 'Record key for every record' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l key-field -d 'Take the key from this JSON pointer into the payload, e.g. /orderId' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s H -l header -d 'Header added to every record (repeatable); NAME alone adds a null value' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s p -l partition -d 'Partition for every record (default: by key, Java-client compatible)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l rate -d 'Send at most this many records per second' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l compression -d 'Compression codec' -r -f -a "none\t''
gzip\t''
snappy\t''
lz4\t''
zstd\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l type -d 'Wrap each payload as `data` in an event of this type, with a generated id, time, version and a traceparent header' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l source -d 'The `source` of events made with --type' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l event-version -d 'The `version` of events made with --type [default: the latest registered version of the type\'s subject, else 1]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l trace -d 'W3C traceparent to continue (the record gets a child span) [env: TRACEPARENT]' -r
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
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l no-validate -d 'Publish events even when they fail their schema in the registry'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l fail-fast -d 'Stop at the first line that cannot be parsed or delivered'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -l envelope-topic -d 'Use each envelope\'s `topic` field when present (with --format envelope)'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand publish" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l from -d 'Where to start (see below) [default: end when following, beginning with --until]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l until -d 'Where to stop (see below); without it, follow new records until Ctrl-C' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s n -l count -d 'Stop after this many records in total' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s p -l partition -d 'Only these partitions (repeatable or comma-separated)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l filter -d 'Keep records for which this jq expression (over the envelope) is truthy' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s k -l key -d 'Keep records whose key is exactly this' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s g -l group -d 'Join this consumer group and commit what was printed (default: no group, no commits)' -r
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
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -l validate -d 'Check each record against the schema registry and mark the invalid ones'
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand tail" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -s b -l brokers -d 'Bootstrap brokers, comma-separated [env: EVTCTL_BROKERS] [default: localhost:9092]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -s X -d 'librdkafka property, passed through as is (repeatable), e.g. -X security.protocol=SSL' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -l profile -d 'Profile from the config file (~/.config/evtctl/config.toml, or EVTCTL_CONFIG)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -s o -l output -d 'Output format: pretty for people, json (JSON Lines) for programs [default: pretty on a terminal, json otherwise]' -r -f -a "pretty\t''
json\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -l color -d 'When to use colour (NO_COLOR and TERM=dumb are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -l registry -d 'Schema registry directory [env: EVTCTL_REGISTRY] [default: ./schemas]' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -l timeout -d 'How long to wait for the cluster before giving up (e.g. 10s, 1m)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -f -a "list" -d 'List topics with partitions, replication and watermarks (the default)'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -f -a "describe" -d 'Show one topic partition by partition'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -f -a "create" -d 'Create a topic'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and not __fish_seen_subcommand_from list describe create help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
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
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help'
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
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -l if-not-exists -d 'Succeed if the topic already exists'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "list" -d 'List topics with partitions, replication and watermarks (the default)'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show one topic partition by partition'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a topic'
complete -c evtctl -n "__fish_evtctl_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -s f -l file -d 'JSON Lines file to read (repeatable; `-` is stdin; the default without topics)' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l input -d 'What each line of a file is' -r -f -a "json\t'Each line is an event'
envelope\t'Each line is a record envelope; its value is the event (topic and headers help lookup)'"
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l from -d 'Where to start reading topics (as in tail) [default: beginning]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand validate" -l until -d 'Where to stop reading topics (as in tail) [default: end]' -r
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
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l mode -d 'Override the compatibility mode (NONE, BACKWARD, FORWARD, FULL, *_TRANSITIVE)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand compat" -l policy -d 'Override the policy (strict, lenient)' -r
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
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -f -a "stats" -d 'What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -f -a "drain" -d 'Export dead-lettered records to a file, then commit: a rerun continues where the last stopped'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -f -a "redrive" -d 'Move dead-lettered records back to their original topic (or --to), safely'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and not __fish_seen_subcommand_from stats drain redrive help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l from -d 'Where to start (as in tail) [default: beginning]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from stats" -l until -d 'Where to stop (as in tail) [default: end]' -r
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
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from drain" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l to -d 'Send every record here instead of the topic its headers name' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s g -l group -d 'Consumer group holding the position [default: evtctl-redrive.<TOPIC>[.<selection>]]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l filter -d 'Only records for which this jq expression (over the envelope) is truthy' -r
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
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l dry-run -d 'Print the plan (counts per destination, records with no origin) and move nothing'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s y -l yes -d 'Act without asking (required when stdin is not a terminal)'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l keep-timestamp -d 'Keep each record\'s original timestamp (default: the time of the redrive)'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l validate -d 'Check each record against the registry first; invalid ones are skipped and reported'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l skip-unroutable -d 'Pass over records that name no origin (default: stop at the first, when there is no --to)'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "stats" -d 'What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "drain" -d 'Export dead-lettered records to a file, then commit: a rerun continues where the last stopped'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "redrive" -d 'Move dead-lettered records back to their original topic (or --to), safely'
complete -c evtctl -n "__fish_evtctl_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l from-topic -d 'Read records from this topic (with --from/--until)' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l from-file -d 'Read records from this file in the record format (`-` is stdin)' -r -F
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l to -d 'Destination topic' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l from -d 'Where to start, as in tail (with --from-topic) [default: beginning]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l until -d 'Where to stop, as in tail (with --from-topic) [default: end]' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -s p -l partition -d 'Only these partitions of --from-topic' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l filter -d 'Only records for which this jq expression (over the envelope) is truthy' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l rate -d 'At most this many records per second, e.g. 200 or 200/s' -r
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l checkpoint-group -d 'Commit progress in this group and resume from it (with --from-topic)' -r
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
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l dry-run -d 'Count what would be copied, copy nothing'
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l keep-timestamp -d 'Keep each record\'s original timestamp'
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -l provenance -d 'Add a header evtctl-replay-origin naming each record\'s source (topic/partition/offset)'
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand replay" -s h -l help -d 'Print help'
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
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand demo" -s h -l help -d 'Print help'
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
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -s q -l quiet -d 'Print only data and errors, no summaries or progress'
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -s v -l verbose -d 'More diagnostics on stderr; -vv adds librdkafka\'s debug log'
complete -c evtctl -n "__fish_evtctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "publish" -d 'Publish events: one from the command line, or JSON Lines from a file or stdin'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "tail" -d 'Read records from topics, from a point in time or offset, following or up to an end'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "topics" -d 'List, describe and create topics'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "validate" -d 'Validate events from topics, JSON Lines files or stdin against the schema registry'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "schema" -d 'Inspect and check the local schema registry'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "compat" -d 'Check schema compatibility between versions: a CI gate against breaking changes'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "dlq" -d 'Dead-letter queues: see what is there and why, keep a copy, move records back'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "replay" -d 'Copy a range of records (from a topic or an exported file) into a topic'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "config" -d 'Show the effective configuration (secrets redacted)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "dev" -d 'Local development helpers: an embedded Kafka-protocol broker'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "demo" -d 'A guided tour on an embedded broker: publish, tail, validate and compat, showing each command'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and not __fish_seen_subcommand_from publish tail topics validate schema compat dlq replay config dev demo completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "list" -d 'List topics with partitions, replication and watermarks (the default)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "describe" -d 'Show one topic partition by partition'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "create" -d 'Create a topic'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "list" -d 'List subjects with their versions, compatibility mode and routes'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "show" -d 'Print one schema (the latest version unless @VERSION)'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from schema" -f -a "check" -d 'Check the registry: versions without gaps, schemas compile, refs resolve, examples'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "stats" -d 'What is in dead-letter topics: totals, origins, errors, conventions, ages, redrives'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "drain" -d 'Export dead-lettered records to a file, then commit: a rerun continues where the last stopped'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "redrive" -d 'Move dead-lettered records back to their original topic (or --to), safely'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the effective settings and where each came from, secrets redacted'
complete -c evtctl -n "__fish_evtctl_using_subcommand help; and __fish_seen_subcommand_from dev" -f -a "broker" -d 'Run an embedded Kafka-protocol broker (librdkafka\'s mock cluster) until Ctrl-C'
