#!/usr/bin/env bash
# Redrive benchmark: evtctl dlq redrive / evtctl replay vs a kcat pipe, on one embedded broker.
#
#   bench/redrive.sh [COUNT ...]        default: 100000 300000
#   BENCH_REPEAT=N (default 3): each measurement is the fastest of N runs (the tools take turns)
#   EVTCTL=path: use this evtctl binary (default: cargo build --release, target/release/evtctl)
#   BENCH_PORT (default 19193): port of the embedded broker
#   BENCH_PARTITIONS: partitions per topic (default max(8, COUNT/5000), see below)
#
# For each COUNT it fills a DLQ topic with COUNT small JSON records written by kcat (not
# evtctl), each with a key and the Kafka Connect DLQ headers (__connect.errors.topic, .partition,
# .exception.class.name, .exception.message; DLQ partition i holds records from origin
# partition i), then measures moving them all into a fresh topic:
#   redrive:    evtctl dlq redrive DLQ --to T --group G --yes   (fresh T and G per run: the
#               group's position would make a rerun move nothing)
#   replay:     evtctl replay --from-topic DLQ --to T
#   kcat-pipe:  kcat -C -e | kcat -P   (values only: loses keys, headers and partitions)
#   kcat-pipeK: kcat -C -K'\t' -e | kcat -P -K'\t'   (keeps keys; loses headers and partitions)
# and prints throughput, peak RSS (from /usr/bin/time; for a pipe, the larger of the two kcat
# processes) and the evtctl/kcat ratio against both pipes (>1 means evtctl is faster), so memory
# can be compared across counts (flat = streaming).
# Every run is checked: the receipt's moved/copied and the destination's record count must be
# COUNT; the first run of each step is also compared record by record with the DLQ (partition,
# key, value; `keeps` column), and every redriven record must carry evtctl-redrive-origin and
# no __connect.errors.* header. Any failed check exits non-zero.
# The embedded broker keeps ~100k records / 5 MB per partition, so topics get
# max(8, COUNT/5000) partitions: kcat's sticky partitioner fills some partitions several times
# the average (with COUNT/12500, a 1M pipe run lost records past the broker's retention).
# Needs: kcat, /usr/bin/time, python3 (Debian packages kcat, time). Results go to bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(100000 300000)
port=${BENCH_PORT:-19193}
out=bench/out
mkdir -p "$out"

command -v kcat >/dev/null || { echo "kcat is required (apt-get install kcat)"; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is required (apt-get install time)"; exit 2; }
if [ -z "${EVTCTL:-}" ]; then cargo build --release --quiet; fi
evtctl=${EVTCTL:-target/release/evtctl}

repeat=${BENCH_REPEAT:-3}
# dump TOPIC -> one line per record: partition, key, value (tab-separated), sorted
dump() { kcat -b "$EVTCTL_BROKERS" -C -t "$1" -o beginning -e -q -f '%p\t%k\t%s\n' | LC_ALL=C sort; }
count() { kcat -b "$EVTCTL_BROKERS" -C -t "$1" -o beginning -e -q -f 'x\n' | wc -l; }

measure() { # measure NAME FIELD RUN CMD... -> one run; the fastest so far, "seconds max_rss_kb", in $out/NAME.best
  # The run gets a fresh destination topic NAME-RUN, created first (untimed): @DST@ in CMD's
  # arguments becomes its name and @RUN@ the run number. After the run the destination must
  # hold $n records and, when FIELD is set, the JSON receipt's FIELD must be $n.
  local name=$1 field=$2 i=$3; shift 3
  local best="" a dst got args
  [ -s "$out/$name.best" ] && best=$(cat "$out/$name.best")
  dst="$name-$i"
  "$evtctl" -q topics create "$dst" --partitions "$partitions" >/dev/null
  args=()
  for a in "$@"; do a=${a//@DST@/$dst}; args+=("${a//@RUN@/$i}"); done
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "${args[@]}" >"$out/$name.out" 2>"$out/$name.err" || {
    echo "$name failed:" >&2; tail -5 "$out/$name.err" >&2; exit 1; }
  if [ -n "$field" ]; then
    got=$(jq -r "select(.kind == \"receipt\") | .$field" "$out/$name.out")
    [ "$got" = "$n" ] || { echo "$name run $i: receipt says $field=$got, expected $n" >&2; exit 1; }
  fi
  got=$(count "$dst")
  [ "$got" -eq "$n" ] || { echo "$name run $i: $dst holds $got records, expected $n" >&2; exit 1; }
  if [ -z "$best" ] || awk -v a="$(tail -n 1 "$out/$name.time" | cut -d' ' -f1)" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then
    cat "$out/$name.time" >"$out/$name.best"
  fi
}

keeps() { # keeps TOPIC -> which of partition (p), key (k), value (v) match the DLQ record for record
  local t=$1 k="" ; dump "$t" >"$out/dst.tsv"
  cmp -s <(cut -f3 "$dlq_tsv" | LC_ALL=C sort) <(cut -f3 "$out/dst.tsv" | LC_ALL=C sort) && k+=v
  cmp -s <(cut -f2- "$dlq_tsv" | LC_ALL=C sort) <(cut -f2- "$out/dst.tsv" | LC_ALL=C sort) && k="k$k"
  cmp -s "$dlq_tsv" "$out/dst.tsv" && k="p$k"
  rm -f "$out/dst.tsv"
  echo "${k:--}"
}

printf '%-7s %-10s %6s %11s %11s %9s %10s %5s\n' count step tool records/s peak_RSS_MB "vs pipe" "vs pipeK" keeps
for n in "${counts[@]}"; do
  partitions=${BENCH_PARTITIONS:-$(( n > 100000 ? (n + 4999) / 5000 : 8 ))}
  dlq="dlq-$n" origin="orders-$n"
  # COUNT records, split over $partitions files (file i goes to DLQ partition i), as key:value
  python3 - "$n" "$partitions" "$out/dlq-$n" <<'PY'
import sys, random
random.seed(7)
n, parts, prefix = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
files = [open("%s.p%d" % (prefix, p), "w") for p in range(parts)]
for i in range(n):
    files[i % parts].write(
        'o-%07d:{"id":"e-%07d","type":"OrderPlaced","orderId":"o-%07d","amount":%d.%02d,"currency":"EUR"}\n'
        % (i, i, i, random.randrange(1000), random.randrange(100)))
for f in files:
    f.close()
PY
  "$evtctl" dev broker --port "$port" --topic "$dlq:$partitions" --topic "$origin:$partitions" -q \
    >"$out/broker.out" 2>&1 &
  broker=$!
  trap 'kill $broker 2>/dev/null || true' EXIT
  export EVTCTL_BROKERS="127.0.0.1:$port"
  until "$evtctl" --timeout 1s -q topics >/dev/null 2>&1; do
    kill -0 "$broker" 2>/dev/null || { echo "the broker did not start:" >&2; cat "$out/broker.out" >&2; exit 1; }
    sleep 0.2
  done
  kill -0 "$broker" 2>/dev/null || { echo "port $port is taken by another process" >&2; exit 1; }

  for p in $(seq 0 $((partitions - 1))); do
    kcat -b "$EVTCTL_BROKERS" -P -t "$dlq" -p "$p" -l -K: \
      -H "__connect.errors.topic=$origin" -H "__connect.errors.partition=$p" \
      -H __connect.errors.exception.class.name=org.apache.kafka.connect.errors.DataException \
      -H "__connect.errors.exception.message=Converting byte[] to Kafka Connect data failed" \
      "$out/dlq-$n.p$p"
  done
  rm -f "$out/dlq-$n".p*
  dlq_tsv="$out/dlq-$n.tsv"
  dump "$dlq" >"$dlq_tsv"
  got=$(wc -l <"$dlq_tsv")
  [ "$got" -eq "$n" ] || {
    echo "the DLQ $dlq holds $got records, expected $n (too few partitions for the broker's retention?)" >&2; exit 1; }

  # The four take turns (redrive, replay, pipe, pipe with keys, redrive, ...), so a change in the
  # machine's load during the script falls on all of them alike; each keeps its fastest run.
  rm -f "$out"/{redrive,replay,kcat-pipe,kcat-pipeK}-"$n".best
  for i in $(seq "$repeat"); do
    measure "redrive-$n" moved "$i" "$evtctl" dlq redrive "$dlq" --to @DST@ --group "bench-$n-@RUN@" --yes -o json
    measure "replay-$n" copied "$i" "$evtctl" replay --from-topic "$dlq" --to @DST@ -o json
    measure "kcat-pipe-$n" "" "$i" bash -c "kcat -b $EVTCTL_BROKERS -C -t $dlq -o beginning -e -q | kcat -b $EVTCTL_BROKERS -P -t @DST@"
    measure "kcat-pipeK-$n" "" "$i" bash -c "kcat -b $EVTCTL_BROKERS -C -t $dlq -o beginning -e -q -K'\\t' | kcat -b $EVTCTL_BROKERS -P -t @DST@ -K'\\t'"
  done
  rd=$(cat "$out/redrive-$n.best") rp=$(cat "$out/replay-$n.best")
  kp=$(cat "$out/kcat-pipe-$n.best") kk=$(cat "$out/kcat-pipeK-$n.best")

  # Fidelity (first run of each step); evtctl must keep partition, key and value.
  rd_keeps=$(keeps "redrive-$n-1"); rp_keeps=$(keeps "replay-$n-1")
  kp_keeps=$(keeps "kcat-pipe-$n-1"); kk_keeps=$(keeps "kcat-pipeK-$n-1")
  [ "$rd_keeps" = pkv ] && [ "$rp_keeps" = pkv ] || {
    echo "evtctl changed records: redrive keeps $rd_keeps, replay keeps $rp_keeps (want pkv)" >&2; exit 1; }
  # Headers: every redriven record names its DLQ origin, and no DLQ error header is left;
  # replay copies the DLQ headers as they are.
  kcat -b "$EVTCTL_BROKERS" -C -t "redrive-$n-1" -o beginning -e -q -f '%h\n' >"$out/headers.txt"
  got=$(grep -c "evtctl-redrive-origin=$dlq/" "$out/headers.txt" || true)
  left=$(grep -c "__connect.errors" "$out/headers.txt" || true)
  [ "$got" -eq "$n" ] && [ "$left" -eq 0 ] || {
    echo "redrive headers: $got of $n records carry evtctl-redrive-origin, $left keep __connect.errors.*" >&2; exit 1; }
  got=$(kcat -b "$EVTCTL_BROKERS" -C -t "replay-$n-1" -o beginning -e -q -f '%h\n' | grep -c "__connect.errors.topic=$origin" || true)
  [ "$got" -eq "$n" ] || { echo "replay headers: $got of $n records kept the DLQ headers" >&2; exit 1; }
  for t in kcat-pipe kcat-pipeK; do
    got=$(kcat -b "$EVTCTL_BROKERS" -C -t "$t-$n-1" -o beginning -e -q -f '%h\n' | grep -c . || true)
    [ "$got" -eq 0 ] || { [ $t = kcat-pipe ] && kp_keeps+=h || kk_keeps+=h; }
  done
  rd_keeps+=h; rp_keeps+=h
  rm -f "$out/headers.txt" "$dlq_tsv"

  kp_s=${kp%% *} kk_s=${kk%% *}
  row() { # row STEP TOOL "seconds rss_kb" KEEPS [ratios]
    local s=${3%% *} m=${3##* } r1="" r2=""
    if [ "$2" = evtctl ]; then
      r1=$(awk -v a="$kp_s" -v b="$s" 'BEGIN{printf "%.2f", a/b}')
      r2=$(awk -v a="$kk_s" -v b="$s" 'BEGIN{printf "%.2f", a/b}')
    fi
    printf '%-7s %-10s %6s %11.0f %11.1f %9s %10s %5s\n' "$n" "$1" "$2" \
      "$(awk -v n="$n" -v s="$s" 'BEGIN{print n/s}')" "$(awk -v m="$m" 'BEGIN{print m/1024}')" "$r1" "$r2" "$4"
  }
  row redrive evtctl "$rd" "$rd_keeps"
  row replay evtctl "$rp" "$rp_keeps"
  row kcat-pipe kcat "$kp" "$kp_keeps"
  row kcat-pipeK kcat "$kk" "$kk_keeps"
  kill "$broker"; wait "$broker" 2>/dev/null || true
  trap - EXIT
done
