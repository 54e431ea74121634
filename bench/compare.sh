#!/usr/bin/env bash
# Side-by-side benchmark: evtctl vs kcat on one embedded broker, in one run.
#
#   bench/compare.sh [COUNT ...]        default: 100000 1000000 2000000
#   BENCH_REPEAT=N (default 3): each measurement is the fastest of N runs
#
# For each COUNT it generates COUNT small JSON events, then measures
#   publish: evtctl publish --file   vs  kcat -P -l
#   tail:    evtctl tail --from beginning --until end -o json  vs  kcat -C -e -J
# and prints throughput, the evtctl/kcat ratio (>1 means evtctl is faster) and peak RSS
# (from /usr/bin/time), so memory can be compared across counts (flat = streaming).
# evtctl publishes with --no-validate here (kcat validates nothing).
# evtctl* is evtctl with -X enable.idempotence=false, the producer mode kcat uses by default;
# kcat* is kcat with -X enable.idempotence=true, the mode evtctl uses by default.
# Needs: kcat, /usr/bin/time (Debian packages kcat, time). Results go to bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(100000 1000000 2000000)
partitions=64   # the embedded broker keeps ~100k records / 5 MB per partition
port=${BENCH_PORT:-19192}
out=bench/out
mkdir -p "$out"

command -v kcat >/dev/null || { echo "kcat is required (apt-get install kcat)"; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is required (apt-get install time)"; exit 2; }
cargo build --release --quiet
evtctl=target/release/evtctl

repeat=${BENCH_REPEAT:-3}
measure() { # measure NAME OUTFILE CMD... -> "seconds max_rss_kb", the fastest of $repeat runs
  local name=$1 outfile=$2; shift 2
  local best="" i
  for i in $(seq "$repeat"); do
    /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" >"$outfile" 2>"$out/$name.err" || {
      echo "$name failed:" >&2; tail -5 "$out/$name.err" >&2; exit 1; }
    if [ -z "$best" ] || awk -v a="$(cut -d' ' -f1 "$out/$name.time")" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then
      best=$(cat "$out/$name.time")
    fi
  done
  echo "$best"
}

printf '%-8s %-7s %9s %12s %10s %9s\n' count step tool records/s peak_RSS_MB ratio
for n in "${counts[@]}"; do
  events="$out/events-$n.jsonl"
  [ -f "$events" ] || python3 - "$n" >"$events" <<'PY'
import sys, random
random.seed(7)
n = int(sys.argv[1])
w = sys.stdout.write
for i in range(n):
    w('{"id":"e-%07d","type":"OrderPlaced","orderId":"o-%d","amount":%d.%02d,"currency":"EUR"}\n'
      % (i, random.randrange(100000), random.randrange(1000), random.randrange(100)))
PY
  "$evtctl" dev broker --port "$port" --topic "ev-$n:$partitions" --topic "kc-$n:$partitions" -q \
    >"$out/broker.out" 2>&1 &
  broker=$!
  trap 'kill $broker 2>/dev/null || true' EXIT
  export EVTCTL_BROKERS="127.0.0.1:$port"
  until "$evtctl" --timeout 1s -q topics >/dev/null 2>&1; do
    kill -0 "$broker" 2>/dev/null || { echo "the broker did not start:" >&2; cat "$out/broker.out" >&2; exit 1; }
    sleep 0.2
  done
  kill -0 "$broker" 2>/dev/null || { echo "port $port is taken by another process" >&2; exit 1; }

  read -r ev_s ev_m < <(measure "publish-evtctl-$n" /dev/null "$evtctl" publish "ev-$n" --file "$events" -q -o pretty --no-validate)
  read -r kc_s kc_m < <(measure "publish-kcat-$n" /dev/null kcat -P -b "$EVTCTL_BROKERS" -t "kc-$n" -l "$events")
  # kcat's producer is not idempotent; this row compares like with like.
  read -r en_s en_m < <(measure "publish-evtctl-noidem-$n" /dev/null "$evtctl" publish "kc-$n" --file "$events" -q -o pretty --no-validate -X enable.idempotence=false)
  printf '%-8s %-7s %9s %12.0f %10.1f %9s\n' "$n" publish "evtctl*" "$(awk -v n="$n" -v s="$en_s" 'BEGIN{print n/s}')" "$(awk -v m="$en_m" 'BEGIN{print m/1024}')" "$(awk -v a="$kc_s" -v b="$en_s" 'BEGIN{printf "%.2f", a/b}')"
  # And kcat with the guarantees evtctl gives by default (idempotent, acks=all).
  read -r ki_s ki_m < <(measure "publish-kcat-idem-$n" /dev/null kcat -P -b "$EVTCTL_BROKERS" -t "kc-$n" -l "$events" -X enable.idempotence=true)
  printf '%-8s %-7s %9s %12.0f %10.1f %9s\n' "$n" publish "kcat*" "$(awk -v n="$n" -v s="$ki_s" 'BEGIN{print n/s}')" "$(awk -v m="$ki_m" 'BEGIN{print m/1024}')" "evtctl/kcat*=$(awk -v a="$ki_s" -v b="$ev_s" 'BEGIN{printf "%.2f", a/b}')"
  for tool in evtctl kcat; do
    s=$([ $tool = evtctl ] && echo "$ev_s" || echo "$kc_s"); m=$([ $tool = evtctl ] && echo "$ev_m" || echo "$kc_m")
    ratio=$([ $tool = evtctl ] && awk -v a="$kc_s" -v b="$ev_s" 'BEGIN{printf "%.2f", a/b}' || echo "")
    printf '%-8s %-7s %9s %12.0f %10.1f %9s\n' "$n" publish "$tool" "$(awk -v n="$n" -v s="$s" 'BEGIN{print n/s}')" "$(awk -v m="$m" 'BEGIN{print m/1024}')" "$ratio"
  done

  read -r et_s et_m < <(measure "tail-evtctl-$n" "$out/tail-evtctl-$n.jsonl" "$evtctl" tail "ev-$n" --from beginning --until end -o json -q)
  read -r kt_s kt_m < <(measure "tail-kcat-$n" "$out/tail-kcat-$n.jsonl" kcat -C -b "$EVTCTL_BROKERS" -t "ev-$n" -o beginning -e -J -q)
  got_e=$(wc -l <"$out/tail-evtctl-$n.jsonl"); got_k=$(wc -l <"$out/tail-kcat-$n.jsonl")
  # Both must read the same records (the embedded broker may already have dropped the oldest).
  [ "$got_e" -eq "$got_k" ] && [ "$got_e" -ge $((n * 9 / 10)) ] || {
    echo "read $got_e (evtctl) / $got_k (kcat) of $n records" >&2; exit 1; }
  # Tail rows count what was read: every publish run above added its records to the topic.
  for tool in evtctl kcat; do
    s=$([ $tool = evtctl ] && echo "$et_s" || echo "$kt_s"); m=$([ $tool = evtctl ] && echo "$et_m" || echo "$kt_m")
    ratio=$([ $tool = evtctl ] && awk -v a="$kt_s" -v b="$et_s" 'BEGIN{printf "%.2f", a/b}' || echo "")
    printf '%-8s %-7s %9s %12.0f %10.1f %9s\n' "$got_e" tail "$tool" "$(awk -v n="$got_e" -v s="$s" 'BEGIN{print n/s}')" "$(awk -v m="$m" 'BEGIN{print m/1024}')" "$ratio"
  done
  rm -f "$out/tail-evtctl-$n.jsonl" "$out/tail-kcat-$n.jsonl"
  kill "$broker"; wait "$broker" 2>/dev/null || true
  trap - EXIT
done
