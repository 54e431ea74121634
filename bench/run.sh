#!/usr/bin/env bash
# Every comparison of the performance targets (issue 9) in one run, printed as one table.
#
#   bench/run.sh            default sizes: a few minutes on 2 cores
#   bench/run.sh --full     the targets' sizes (publish 300k+1M, tail 1M+3M, replay/redrive
#                           100k+1M, validate 1M): expect 20+ minutes
#
# Sizes (space-separated lists; each overrides the default and --full; set empty to skip):
#   BENCH_PUBLISH_COUNTS   publish from the repository (./schemas present)   default 300000
#   BENCH_TAIL_COUNTS      tail --until end -o json vs kcat -C -e -J          default 250000
#   BENCH_TAIL_PARTITIONS  partition counts for tail                          default "8 64"
#   BENCH_MOVE_COUNTS      dlq redrive and replay vs the kcat pipe            default 100000
#   BENCH_VALIDATE_COUNT   validate vs ajv and Python jsonschema (0: skip)    default 200000
#   BENCH_TRACE_COUNT      trace over 3 topics x 16 partitions (0: skip)     default 300000
#                          (--full: 1000000): trace by a field vs kcat -C -e -J | grep -F,
#                          trace by key (its partition only) vs trace --all-partitions
#   BENCH_FORMATS          Avro/Protobuf rows from bench/formats.sh (0: skip) default 1; their
#                          sizes: BENCH_FMT_TAIL_COUNT 250000, BENCH_FMT_PUBLISH_COUNT 300000,
#                          BENCH_FMT_VALIDATE_COUNT 200000 (--full: 1000000), see formats.sh
#   BENCH_REPEAT           runs per measurement (A B A B ... alternated)      default 3
#   BENCH_PORT             embedded broker port                               default 19194
#   EVTCTL                 the binary to measure (default target/release/evtctl, or
#                          $CARGO_TARGET_DIR/release/evtctl; build it first: cargo build --release)
#
# Publish and tail pairs run evtctl and its peer alternately (A B A B ...) on one embedded broker
# and report the median of each; the replay/redrive and validate rows come from redrive.sh and
# validate.sh, whose tools also take turns and which report the fastest of BENCH_REPEAT runs
# (so a change in the machine's load falls on every tool alike). The ratio is peer time / evtctl
# time (above 1: evtctl is faster).
# Peak RSS is /usr/bin/time's %M (for a pipe, the larger process). Every run's record count is
# checked (receipts, destination topics, lines read); a wrong count stops the script.
#
# Needs: kcat, /usr/bin/time, python3, jq (Debian: kcat time python3 jq). Replay/redrive rows come
# from bench/redrive.sh, Avro and Protobuf rows from bench/formats.sh (needs Python's
# confluent-kafka and fastavro: skipped with a note without them), validation rows from bench/validate.sh, which needs node + npm and pip
# and installs ajv, ajv-formats and jsonschema into bench/out/ (it says so on stderr): without
# node or npm the validation rows are skipped with a note. Nothing else is installed.
# The embedded broker keeps about 5 MB per partition (~35k of these records), so a tail size
# that does not fit its partition count is skipped with a note.
set -euo pipefail
cd "$(dirname "$0")/.."
full=0
for a in "$@"; do
  case $a in
    --full) full=1 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$a' (try --help)" >&2; exit 2 ;;
  esac
done
if [ $full = 1 ]; then
  d_pub="300000 1000000" d_tail="1000000 3000000" d_move="100000 1000000" d_val=1000000 d_trace=1000000
else
  d_pub=300000 d_tail=250000 d_move=100000 d_val=200000 d_trace=300000
fi
read -r -a pub_counts <<<"${BENCH_PUBLISH_COUNTS-$d_pub}"
read -r -a tail_counts <<<"${BENCH_TAIL_COUNTS-$d_tail}"
read -r -a tail_parts <<<"${BENCH_TAIL_PARTITIONS:-8 64}"
read -r -a move_counts <<<"${BENCH_MOVE_COUNTS-$d_move}"
val_count=${BENCH_VALIDATE_COUNT:-$d_val}
trace_count=${BENCH_TRACE_COUNT:-$d_trace}
repeat=${BENCH_REPEAT:-3}
port=${BENCH_PORT:-19194}
out=bench/out
mkdir -p "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
die() { echo "run.sh: $*" >&2; exit 1; }

for t in kcat python3 jq; do command -v $t >/dev/null || die "$t is required (apt-get install $t)"; done
[ -x /usr/bin/time ] || die "/usr/bin/time is required (apt-get install time)"
evtctl=${EVTCTL:-}
if [ -z "$evtctl" ]; then
  evtctl=${CARGO_TARGET_DIR:-target}/release/evtctl
fi
[ -x "$evtctl" ] || die "$evtctl not found: run cargo build --release first (or set EVTCTL)"
evtctl=$(cd "$(dirname "$evtctl")" && pwd)/$(basename "$evtctl")
[ -d schemas ] || die "run from a checkout: ./schemas (the example registry) is missing"

rows=()   # path|size|evtctl rate|peer|peer rate|ratio|RSS evtctl|RSS peer|target|verdict
notes=()
add() { rows+=("$1"); }
note() { notes+=("$1"); echo "note: $1" >&2; }
median() { sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN{r=n/s; if (r>=1e6) printf "%.2fM/s", r/1e6; else printf "%.0fk/s", r/1e3}'; }
mb() { awk -v k="$1" 'BEGIN{printf "%.0f", k/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
verdict() { # verdict RATIO MIN RSS_MB MAX_MB -> met / NOT met (why)
  awk -v r="$1" -v min="$2" -v m="$3" -v max="$4" 'BEGIN{
    why=""; if (r < min) why="ratio < " min; if (max > 0 && m > max) why=why (why?", ":"") "RSS > " max " MB";
    print (why ? "NOT met (" why ")" : "met") }'
}

broker=""
stop_broker() { [ -z "$broker" ] || { kill "$broker" 2>/dev/null || true; wait "$broker" 2>/dev/null || true; broker=""; }; }
trap stop_broker EXIT
start_broker() {
  stop_broker
  "$evtctl" dev broker --port "$port" -q >"$out/broker.out" 2>&1 &
  broker=$!
  export EVTCTL_BROKERS="127.0.0.1:$port"
  until "$evtctl" --timeout 1s -q topics >/dev/null 2>&1; do
    kill -0 "$broker" 2>/dev/null || die "the broker did not start: $(cat "$out/broker.out")"
    sleep 0.2
  done
}
create() { "$evtctl" -q topics create "$1" --partitions "$2" >/dev/null; }
# written TOPIC -> records written to a fresh topic (its high watermarks: with kcat's sticky
# partitioner some partitions pass the embedded broker's retention, which drops their oldest)
written() { "$evtctl" -q topics describe "$1" -o json | jq '[.partitions[] | .high] | add'; }
# held TOPIC -> records it holds now
held() { "$evtctl" -q topics describe "$1" -o json | jq '[.partitions[] | .high - .low] | add'; }

# timed NAME CMD... : one run, appends "seconds rss_kb" to $out/NAME.runs; stdout to $out/NAME.out
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" >"$out/$name.out" 2>"$out/$name.err" ||
    { tail -5 "$out/$name.err" >&2; die "$name failed"; }
  cat "$out/$name.time" >>"$out/$name.runs"
}
med_s() { cut -d' ' -f1 "$out/$1.runs" | median; }
med_m() { cut -d' ' -f2 "$out/$1.runs" | median; }

# ---------------------------------------------------------------- publish from the repository
# Small JSON events of a type the registry does not route (passed), and every 100th a valid
# OrderPlaced event from gen-events.py (validated against schemas/order-placed): the repository's
# ./schemas is found by evtctl as it runs from the checkout.
gen_publish() { # N -> file
  local n=$1 f="$out/publish-events-$1.jsonl"
  if [ ! -s "$f" ]; then
    python3 bench/gen-events.py $((n / 100 + 1)) --invalid-rate 0 | grep '"type": *"OrderPlaced"' >"$out/valid.tmp" || true
    python3 - "$n" "$out/valid.tmp" >"$f.tmp" <<'PY'
import sys, random
random.seed(7)
n = int(sys.argv[1]); valid = open(sys.argv[2]).read().splitlines()
w = sys.stdout.write
for i in range(n):
    if i % 100 == 99 and valid:
        w(valid[(i // 100) % len(valid)] + "\n")
    else:
        w('{"id":"e-%07d","type":"OrderShipped","orderId":"o-%d","amount":%d.%02d,"currency":"EUR"}\n'
          % (i, random.randrange(100000), random.randrange(1000), random.randrange(100)))
PY
    mv "$f.tmp" "$f"; rm -f "$out/valid.tmp"
  fi
  echo "$f"
}

if [ ${#pub_counts[@]} -gt 0 ]; then
  start_broker
  for n in "${pub_counts[@]}"; do
    ev=$(gen_publish "$n")
    rm -f "$out"/pub-*-"$n".runs
    for i in $(seq "$repeat"); do
      start_broker   # fresh per run: the broker keeps every record in memory
      create "pe-$n-$i" 64; create "pk-$n-$i" 64; create "pj-$n-$i" 64
      # -q -o pretty: no receipt lines (with -o json evtctl prints one per record; kcat prints none)
      timed "pub-evtctl-$n" "$evtctl" publish "pe-$n-$i" --file "$ev" -q -o pretty
      timed "pub-kcat-$n" kcat -P -b "$EVTCTL_BROKERS" -t "pk-$n-$i" -l "$ev"
      # -o json: a receipt per record (partition and offset), written to a file
      timed "pub-json-$n" "$evtctl" publish "pj-$n-$i" --file "$ev" -q -o json
      [ "$(grep -c '"offset"' "$out/pub-json-$n.out")" -eq "$n" ] || die "publish -o json run $i: not one receipt per record"
      for t in "pe-$n-$i" "pk-$n-$i" "pj-$n-$i"; do
        got=$(written "$t"); [ "$got" -eq "$n" ] || die "publish run $i: $got records written to $t, expected $n"
      done
    done
    es=$(med_s "pub-evtctl-$n") ks=$(med_s "pub-kcat-$n") em=$(mb "$(med_m "pub-evtctl-$n")") km=$(mb "$(med_m "pub-kcat-$n")")
    r=$(ratio "$ks" "$es")
    add "publish (registry present)|$n|$(rate "$n" "$es")|kcat -P|$(rate "$n" "$ks")|$r|$em|$km|≥1.2×, ≤64 MB|$(verdict "$r" 1.2 "$em" 64)"
    js=$(med_s "pub-json-$n") jm=$(mb "$(med_m "pub-json-$n")") r=$(ratio "$ks" "$js")
    add "publish -o json (a receipt per record)|$n|$(rate "$n" "$js")|kcat -P|$(rate "$n" "$ks")|$r|$jm|$km|≥1.0×|$(verdict "$r" 1.0 0 0)"
  done
  # One event: wall time of the whole command, evtctl vs kcat (ratio kcat/evtctl, above 1 is better).
  create one-e 1; create one-k 1
  rm -f "$out"/one-*.runs
  echo '{"id":"e-1","type":"OrderShipped","orderId":"o-1","amount":1.5,"currency":"EUR"}' >"$out/one.jsonl"
  for i in $(seq $((repeat + 2))); do
    timed one-evtctl "$evtctl" publish one-e --file "$out/one.jsonl" -q -o pretty
    timed one-kcat kcat -P -b "$EVTCTL_BROKERS" -t one-k -l "$out/one.jsonl"
  done
  [ "$(written one-e)" -eq $((repeat + 2)) ] && [ "$(written one-k)" -eq $((repeat + 2)) ] || die "publish one event: wrong count"
  es=$(med_s one-evtctl) ks=$(med_s one-kcat) r=$(ratio "$ks" "$es")
  add "publish one event (wall)|1|${es}s|kcat -P|${ks}s|$r|$(mb "$(med_m one-evtctl)")|$(mb "$(med_m one-kcat)")|wall ≤ kcat|$(verdict "$r" 1.0 0 0)"
fi

# ---------------------------------------------------------------- tail --until end -o json
if [ ${#tail_counts[@]} -gt 0 ]; then
  for n in "${tail_counts[@]}"; do
    src="$out/tail-events-$n.jsonl"
    [ -s "$src" ] || python3 - "$n" >"$src" <<'PY'
import sys, random
random.seed(7)
w = sys.stdout.write
for i in range(int(sys.argv[1])):
    w('{"id":"e-%07d","type":"OrderPlaced","orderId":"o-%d","amount":%d.%02d,"currency":"EUR"}\n'
      % (i, random.randrange(100000), random.randrange(1000), random.randrange(100)))
PY
    for p in "${tail_parts[@]}"; do
      if [ $((n / p)) -gt 35000 ]; then
        note "tail $n records on $p partitions skipped: the embedded broker keeps ~35k of these records per partition (about 5 MB)"
        continue
      fi
      start_broker   # a fresh broker per topic keeps its memory small
      create "t-$n-$p" "$p"
      # Spread evenly (librdkafka's sticky partitioning would fill some partitions past the
      # broker's retention); both tools must read every record the topic holds.
      kcat -P -b "$EVTCTL_BROKERS" -t "t-$n-$p" -l "$src" -X sticky.partitioning.linger.ms=0
      got=$(held "t-$n-$p")
      [ "$got" -eq "$n" ] || die "tail: the topic holds $got of the $n records written (broker retention?)"
      rm -f "$out"/tail-*-"$n-$p".runs
      for i in $(seq "$repeat"); do
        timed "tail-evtctl-$n-$p" "$evtctl" tail "t-$n-$p" --from beginning --until end -o json -q
        got=$(wc -l <"$out/tail-evtctl-$n-$p.out"); [ "$got" -eq "$n" ] || die "tail: evtctl read $got of $n"
        timed "tail-kcat-$n-$p" kcat -C -b "$EVTCTL_BROKERS" -t "t-$n-$p" -o beginning -e -J -q
        got=$(wc -l <"$out/tail-kcat-$n-$p.out"); [ "$got" -eq "$n" ] || die "tail: kcat read $got of $n"
      done
      rm -f "$out/tail-evtctl-$n-$p.out" "$out/tail-kcat-$n-$p.out"
      es=$(med_s "tail-evtctl-$n-$p") ks=$(med_s "tail-kcat-$n-$p") em=$(mb "$(med_m "tail-evtctl-$n-$p")") km=$(mb "$(med_m "tail-kcat-$n-$p")")
      r=$(ratio "$ks" "$es")
      add "tail -o json, $p partitions|$n|$(rate "$n" "$es")|kcat -C -e -J|$(rate "$n" "$ks")|$r|$em|$km|≥1.5×, ≤64 MB|$(verdict "$r" 1.5 "$em" 64)"
    done
  done
  stop_broker
fi

# ---------------------------------------------------------------- trace
# One order's story over three topics of 16 partitions each (orders, payments, shipments), the
# records keyed by order id with murmur2 (the Java client's partitioner) and the id in
# /data/orderId; the order searched has one record in each topic. evtctl trace against the
# fastest shell answer, the three topics read by kcat side by side into one grep -F; and trace by
# key (only the key's partition of each topic) against the same search over every partition.
if [ "$trace_count" -gt 0 ] 2>/dev/null; then
  n=$trace_count id=ord-991991
  src="$out/trace-events-$n"
  if [ ! -s "$src.shipments" ]; then
    python3 - "$n" "$src" "$id" <<'PY'
import sys, random
random.seed(11)
n, base, wanted = int(sys.argv[1]), sys.argv[2], sys.argv[3]
topics = {"orders": "OrderPlaced", "payments": "PaymentCaptured", "shipments": "OrderShipped"}
fs = {t: open(base + "." + t, "w") for t in topics}
names = list(topics)
for i in range(n):
    t = names[i % 3]
    o = "ord-%06d" % random.randrange(400000)
    if n // 2 <= i < n // 2 + 3:
        o = wanted
    fs[t].write('%s\t{"id":"e-%07d","type":"%s","source":"/%s","time":"2026-12-05T10:00:00Z",'
                '"data":{"orderId":"%s","amount":%d.%02d,"currency":"EUR","customerId":"cus-%d"}}\n'
                % (o, i, topics[t], t, o, random.randrange(1000), random.randrange(100),
                   random.randrange(100000)))
PY
  fi
  start_broker
  for t in orders payments shipments; do
    create "$t" 16
    kcat -P -b "$EVTCTL_BROKERS" -t "$t" -K $'\t' -l "$src.$t" -X partitioner=murmur2_random
  done
  got=$(( $(held orders) + $(held payments) + $(held shipments) ))
  [ "$got" -eq "$n" ] || die "trace: the topics hold $got of the $n records written (broker retention?)"
  rm -f "$out"/trace-*.runs
  kcat_grep="for t in orders payments shipments; do kcat -C -b $EVTCTL_BROKERS -t \$t -o beginning -e -J -q & done; wait"
  matches() { grep -c '"type":"match"' "$out/$1.out" || true; }
  for i in $(seq "$repeat"); do
    timed trace-field "$evtctl" trace "$id" --topics orders,payments,shipments --field /data/orderId --from beginning -o json -q
    [ "$(matches trace-field)" -eq 3 ] || die "trace by field: $(matches trace-field) matches, expected 3"
    timed trace-kcat bash -c "{ $kcat_grep; } | grep -F $id"
    [ "$(wc -l <"$out/trace-kcat.out")" -eq 3 ] || die "kcat | grep: $(wc -l <"$out/trace-kcat.out") lines, expected 3"
    timed trace-key "$evtctl" trace "$id" --topics orders,payments,shipments --from beginning -o json -q
    [ "$(matches trace-key)" -eq 3 ] || die "trace by key: $(matches trace-key) matches, expected 3"
    [ "$(tail -1 "$out/trace-key.out" | jq '.key_partition_only and (.scanned | length) == 3')" = true ] ||
      die "trace by key did not read only the key's partition of each topic"
    timed trace-all "$evtctl" trace "$id" --topics orders,payments,shipments --all-partitions --from beginning -o json -q
    [ "$(matches trace-all)" -eq 3 ] || die "trace --all-partitions: $(matches trace-all) matches, expected 3"
  done
  stop_broker
  fs=$(med_s trace-field) ks=$(med_s trace-kcat) r=$(ratio "$ks" "$fs") fm=$(mb "$(med_m trace-field)")
  add "trace by field, 3 topics × 16 partitions|$n|$(rate "$n" "$fs")|kcat -C -e -J (3 at once) piped to grep -F|$(rate "$n" "$ks")|$r|$fm|$(mb "$(med_m trace-kcat)")|≥3×, ≤64 MB|$(verdict "$r" 3 "$fm" 64)"
  ys=$(med_s trace-key) as=$(med_s trace-all) r=$(ratio "$as" "$ys") ym=$(mb "$(med_m trace-key)")
  add "trace by key (its partition of each topic)|$n|${ys}s|trace --all-partitions|${as}s|$r|$ym|$(mb "$(med_m trace-all)")|≥10×|$(verdict "$r" 10 0 0)"
fi

# ---------------------------------------------------------------- replay and dlq redrive
if [ ${#move_counts[@]} -gt 0 ]; then
  BENCH_REPEAT=$repeat EVTCTL=$evtctl BENCH_PORT=$((port + 1)) bench/redrive.sh "${move_counts[@]}" \
    | tee "$out/redrive.table" >&2
  # rows: count step tool records/s peak_RSS_MB vs_pipe vs_pipeK keeps
  while read -r n step tool rps mem r1 _ keeps; do
    [ "$tool" = evtctl ] || continue
    pipe=$(awk -v n="$n" '$1==n && $2=="kcat-pipe" {print $4" "$5}' "$out/redrive.table")
    add "$step (keeps $keeps)|$n|$(rate "$rps" 1)|kcat -C -e, kcat -P pipe|$(rate "${pipe%% *}" 1)|$r1|$(printf %.0f "$mem")|$(printf %.0f "${pipe##* }")|≥1.0×, ≤64 MB|$(verdict "$r1" 1.0 "$(printf %.0f "$mem")" 64)"
  done < <(grep -E '^[0-9]+ +(redrive|replay) ' "$out/redrive.table")
fi

# ---------------------------------------------------------------- validate
if [ "$val_count" -gt 0 ] 2>/dev/null; then
  if command -v node >/dev/null && command -v npm >/dev/null; then
    BENCH_REPEAT=$repeat EVTCTL=$evtctl bench/validate.sh "$val_count" | tee "$out/validate.table" >&2
    # rows: tool events invalid events/s peak_RSS_MB evtctl/x note
    ev=$(awk '$1=="evtctl"{print $4" "$5}' "$out/validate.table")
    for peer in ajv python; do
      line=$(awk -v t=$peer '$1==t{print $4" "$5" "$6}' "$out/validate.table")
      read -r prps pmem r <<<"$line"
      min=$([ $peer = ajv ] && echo 4 || echo 100)
      em=$(printf %.0f "${ev##* }")
      add "validate|$val_count|$(rate "${ev%% *}" 1)|$([ $peer = ajv ] && echo ajv 8 || echo 'Python jsonschema')|$(rate "$prps" 1)|$r|$em|$(printf %.0f "$pmem")|≥$min×, flat|$(verdict "$r" $min 0 0)"
    done
  else
    note "validate skipped: node and npm are needed for the ajv baseline"
  fi
fi

# ---------------------------------------------------------------- Avro and Protobuf
if [ "${BENCH_FORMATS:-1}" != 0 ]; then
  if python3 -c 'import confluent_kafka, fastavro' 2>/dev/null; then
    : >"$out/formats.rows"
    BENCH_ROWS=$out/formats.rows BENCH_REPEAT=$repeat EVTCTL=$evtctl BENCH_PORT=$((port + 2)) \
      BENCH_FMT_VALIDATE_COUNT=${BENCH_FMT_VALIDATE_COUNT:-$([ $full = 1 ] && echo 1000000 || echo 200000)} \
      bench/formats.sh
    while IFS= read -r row; do add "$row"; done <"$out/formats.rows"
  else
    note "Avro/Protobuf rows skipped: python3 needs confluent-kafka and fastavro (pip install confluent-kafka fastavro)"
  fi
fi

# ---------------------------------------------------------------- the table
echo
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), $(uname -sr); median of $repeat runs, one embedded broker"
# Other work on the machine moves the ratios (evtctl's extra threads lose more to it than a
# one-threaded peer): the load average says how quiet the run was.
echo "load average (1, 5, 15 min): $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' path size evtctl peer "peer rate" "ratio" "RSS evtctl / peer (MB)" target verdict
printf '|---|---|---|---|---|---|---|---|---|\n'
for row in "${rows[@]}"; do
  IFS='|' read -r path size e peer p r em pm target v <<<"$row"
  printf '| %s | %s | %s | %s | %s | %s | %s / %s | %s | %s |\n' "$path" "$size" "$e" "$peer" "$p" "$r" "$em" "$pm" "$target" "$v"
done
for n in "${notes[@]}"; do echo "note: $n"; done
