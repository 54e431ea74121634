#!/usr/bin/env bash
# Avro and Protobuf rows of the benchmark (issue 18): decoding, encoding and validating framed
# records with the example registry (./schemas), against kcat and confluent-kafka's Python serdes.
#
#   bench/formats.sh            the issue's sizes (tail 250k, publish 300k, validate 1M)
#   (bench/run.sh calls it and adds its rows to its table; BENCH_FORMATS=0 skips it there)
#
# Rows (tools alternate A B A B ..., BENCH_REPEAT runs each, medians compared; ratio = peer time /
# evtctl time, above 1 means evtctl is faster; peak RSS is /usr/bin/time's %M):
#   tail -o json, Avro       evtctl tail shipments --until end -o json (each record decoded with
#                            order-shipped and re-encoded to decide the lossless envelope) vs
#                            kcat -C -e -J of the same records (raw bytes)
#   tail -o json, Protobuf   the same with stock-reserved (topic stock)
#   publish, Avro            evtctl publish shipments (JSON Lines encoded to framed Avro) vs
#                            bench/py-avro.py produce (confluent-kafka Producer + AvroSerializer,
#                            the same schema under the same id, idempotent like evtctl) and vs
#                            kcat -P of the very bytes evtctl wrote (read back from its topic and
#                            joined with a 9-byte delimiter that no payload contains: checked)
#   validate, Avro           evtctl validate shipments vs bench/py-avro.py consume
#                            (confluent-kafka Consumer + AvroDeserializer, every record decoded)
# Events come from bench/gen-formats.py (order-shipped v2 and stock-reserved v1, varied values),
# published by evtctl itself; every run's count is checked (records held, lines read, the
# envelope's avro/protobuf encodings, validate's summary, the Python counts). Python baselines
# read BENCH_PY_FRACTION (default 1) of the validate records and are scaled (said in the row).
#
# Sizes: BENCH_FMT_TAIL_COUNT (250000), BENCH_FMT_PUBLISH_COUNT (300000), BENCH_FMT_VALIDATE_COUNT
# (1000000); 0 skips a row. BENCH_REPEAT (3), BENCH_PORT (19196), EVTCTL as in run.sh.
# BENCH_ROWS=FILE: append the rows to FILE (run.sh's format) instead of printing a table.
# Needs kcat, jq, python3 with confluent-kafka and fastavro (pip install confluent-kafka fastavro),
# /usr/bin/time. The embedded broker keeps ~5 MB per partition: topics get enough partitions.
set -euo pipefail
cd "$(dirname "$0")/.."
tail_n=${BENCH_FMT_TAIL_COUNT:-250000}
pub_n=${BENCH_FMT_PUBLISH_COUNT:-300000}
val_n=${BENCH_FMT_VALIDATE_COUNT:-1000000}
py_frac=${BENCH_PY_FRACTION:-1}
repeat=${BENCH_REPEAT:-3}
port=${BENCH_PORT:-19196}
out=bench/out
mkdir -p "$out"
die() { echo "formats.sh: $*" >&2; exit 1; }
for t in kcat python3 jq; do command -v $t >/dev/null || die "$t is required"; done
[ -x /usr/bin/time ] || die "/usr/bin/time is required (apt-get install time)"
python3 -c 'import confluent_kafka, fastavro' 2>/dev/null ||
  die "python3 needs confluent-kafka and fastavro (pip install confluent-kafka fastavro)"
evtctl=${EVTCTL:-${CARGO_TARGET_DIR:-target}/release/evtctl}
[ -x "$evtctl" ] || die "$evtctl not found: run cargo build --release first (or set EVTCTL)"
evtctl=$(cd "$(dirname "$evtctl")" && pwd)/$(basename "$evtctl")
[ -d schemas ] || die "run from a checkout: ./schemas (the example registry) is missing"

rows=()
add() { rows+=("$1"); }
median() { sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN{r=n/s; if (r>=1e6) printf "%.2fM/s", r/1e6; else printf "%.0fk/s", r/1e3}'; }
mb() { awk -v k="$1" 'BEGIN{printf "%.0f", k/1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
verdict() {
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
held() { "$evtctl" -q topics describe "$1" -o json | jq '[.partitions[] | .high - .low] | add'; }
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" >"$out/$name.out" 2>"$out/$name.err" ||
    { tail -5 "$out/$name.err" >&2; die "$name failed"; }
  cat "$out/$name.time" >>"$out/$name.runs"
}
med_s() { cut -d' ' -f1 "$out/$1.runs" | median; }
med_m() { cut -d' ' -f2 "$out/$1.runs" | median; }
events() { # events KIND N -> file of N generated events
  local f="$out/fmt-$1-$2.jsonl"
  [ -s "$f" ] || { python3 bench/gen-formats.py "$1" "$2" >"$f.tmp" && mv "$f.tmp" "$f"; }
  echo "$f"
}
parts_for() { local p=$(( ($1 + 14999) / 15000 )); echo $(( p < 16 ? 16 : p )); }
# fill TOPIC KIND N: a fresh broker with TOPIC holding N events encoded by evtctl publish
fill() {
  local topic=$1 ev; ev=$(events "$2" "$3")
  start_broker
  create "$topic" "$(parts_for "$3")"
  "$evtctl" publish "$topic" --file "$ev" -q -o pretty >/dev/null
  local got; got=$(held "$topic")
  [ "$got" -eq "$3" ] || die "$topic holds $got of the $3 records published (broker retention?)"
}

# ---------------------------------------------------------------- tail -o json, decoded
tail_row() { # tail_row LABEL TOPIC KIND ENCODING
  local label=$1 topic=$2 kind=$3 enc=$4 n=$tail_n
  fill "$topic" "$kind" "$n"
  rm -f "$out/ftail-evtctl-$kind.runs" "$out/ftail-kcat-$kind.runs"
  for i in $(seq "$repeat"); do
    timed "ftail-evtctl-$kind" "$evtctl" tail "$topic" --from beginning --until end -o json -q
    got=$(wc -l <"$out/ftail-evtctl-$kind.out"); [ "$got" -eq "$n" ] || die "tail $topic: evtctl read $got of $n"
    if [ "$i" = 1 ]; then # every record decoded and embedded as JSON (exact)
      got=$(grep -c "\"value_encoding\":\"$enc\"" "$out/ftail-evtctl-$kind.out" || true)
      [ "$got" -eq "$n" ] || die "tail $topic: $got of $n records shown decoded ($enc)"
    fi
    timed "ftail-kcat-$kind" kcat -C -b "$EVTCTL_BROKERS" -t "$topic" -o beginning -e -J -q
    got=$(wc -l <"$out/ftail-kcat-$kind.out"); [ "$got" -eq "$n" ] || die "tail $topic: kcat read $got of $n"
  done
  rm -f "$out/ftail-evtctl-$kind.out" "$out/ftail-kcat-$kind.out"
  local es ks em km r
  es=$(med_s "ftail-evtctl-$kind") ks=$(med_s "ftail-kcat-$kind")
  em=$(mb "$(med_m "ftail-evtctl-$kind")") km=$(mb "$(med_m "ftail-kcat-$kind")")
  r=$(ratio "$ks" "$es")
  add "$label|$n|$(rate "$n" "$es")|kcat -C -e -J (raw)|$(rate "$n" "$ks")|$r|$em|$km|≥1.5×, ≤64 MB|$(verdict "$r" 1.5 "$em" 64)"
  stop_broker
}
if [ "$tail_n" -gt 0 ]; then
  tail_row "tail -o json, Avro decoded, $(parts_for "$tail_n") partitions" shipments shipped avro
  tail_row "tail -o json, Protobuf decoded, $(parts_for "$tail_n") partitions" stock stock protobuf
fi

# ---------------------------------------------------------------- publish, encoded to Avro
# DELIM joins the pre-encoded payloads for kcat -P -D (checked absent from every payload).
delim='\x1e~EVT~\x1f\x1e'
if [ "$pub_n" -gt 0 ]; then
  n=$pub_n ev=$(events shipped "$n") p=$(parts_for "$n")
  # The bytes evtctl writes, for kcat -P: one untimed publish, read back with the delimiter.
  fill shipments shipped "$n"
  kcat -C -b "$EVTCTL_BROKERS" -t shipments -o beginning -e -q -f "%s$delim" >"$out/fmt-encoded-$n.bin"
  python3 - "$out/fmt-encoded-$n.bin" "$n" <<'PY' || die "the delimiter occurs inside a payload"
import sys
d = b"\x1e~EVT~\x1f\x1e"
parts = open(sys.argv[1], "rb").read().split(d)
assert parts[-1] == b"" and len(parts) - 1 == int(sys.argv[2]), (len(parts) - 1)
assert all(p[:1] == b"\0" and len(p) > 5 for p in parts[:-1])
PY
  rm -f "$out"/fpub-*.runs
  for i in $(seq "$repeat"); do
    start_broker # fresh per run: the broker keeps every record in memory
    create shipments "$p"; create "py-$i" "$p"; create "kc-$i" "$p"
    timed fpub-evtctl "$evtctl" publish shipments --file "$ev" -q -o pretty
    timed fpub-python python3 bench/py-avro.py produce "$ev" "py-$i"
    [ "$(cat "$out/fpub-python.out")" -eq "$n" ] || die "publish: Python says $(cat "$out/fpub-python.out")"
    timed fpub-kcat kcat -P -b "$EVTCTL_BROKERS" -t "kc-$i" -D "$delim" -l "$out/fmt-encoded-$n.bin"
    for t in shipments "py-$i" "kc-$i"; do
      got=$(held "$t"); [ "$got" -eq "$n" ] || die "publish run $i: $t holds $got records, expected $n"
    done
    if [ "$i" = 1 ]; then # the three wrote the same payloads
      for t in shipments "py-$i" "kc-$i"; do
        kcat -C -b "$EVTCTL_BROKERS" -t "$t" -o beginning -e -q -f "%s$delim" |
          python3 -c 'import sys,hashlib; d=sys.stdin.buffer.read().split(b"\x1e~EVT~\x1f\x1e")[:-1]; d.sort(); print(hashlib.md5(b"|".join(d)).hexdigest())'
      done | sort -u | wc -l | grep -qx 1 || die "publish: evtctl, Python and kcat wrote different payloads"
    fi
  done
  stop_broker
  es=$(med_s fpub-evtctl) em=$(mb "$(med_m fpub-evtctl)")
  for peer in python kcat; do
    ps=$(med_s "fpub-$peer") pm=$(mb "$(med_m "fpub-$peer")") r=$(ratio "$(med_s "fpub-$peer")" "$es")
    if [ $peer = python ]; then
      add "publish, encoded to Avro|$n|$(rate "$n" "$es")|confluent-kafka AvroSerializer (Python)|$(rate "$n" "$ps")|$r|$em|$pm|≥10×|$(verdict "$r" 10 0 0)"
    else
      add "publish, encoded to Avro|$n|$(rate "$n" "$es")|kcat -P of the encoded bytes|$(rate "$n" "$ps")|$r|$em|$pm|≥0.8×|$(verdict "$r" 0.8 0 0)"
    fi
  done
fi

# ---------------------------------------------------------------- validate framed Avro
if [ "$val_n" -gt 0 ]; then
  n=$val_n pn=$((val_n / py_frac))
  fill shipments shipped "$n"
  rm -f "$out"/fval-*.runs
  for i in $(seq "$repeat"); do
    timed fval-evtctl "$evtctl" validate shipments -o json
    got=$(jq -s 'map(select(.type == "summary"))[0] | .valid' "$out/fval-evtctl.out")
    [ "$got" = "$n" ] || die "validate: evtctl's summary says $got valid, expected $n ($(tail -1 "$out/fval-evtctl.out"))"
    timed fval-python python3 bench/py-avro.py consume shipments "$pn"
    [ "$(cat "$out/fval-python.out")" -eq "$pn" ] || die "validate: Python read $(cat "$out/fval-python.out") of $pn"
  done
  stop_broker
  es=$(med_s fval-evtctl) em=$(mb "$(med_m fval-evtctl)")
  ps=$(awk -v s="$(med_s fval-python)" -v f="$py_frac" 'BEGIN{print s*f}') pm=$(mb "$(med_m fval-python)")
  r=$(ratio "$ps" "$es")
  scaled=$([ "$py_frac" = 1 ] || echo ", on 1/$py_frac, scaled")
  add "validate, framed Avro|$n|$(rate "$n" "$es")|confluent-kafka AvroDeserializer (Python$scaled)|$(rate "$n" "$ps")|$r|$em|$pm|≥10×|$(verdict "$r" 10 0 0)"
fi

if [ -n "${BENCH_ROWS:-}" ]; then
  printf '%s\n' "${rows[@]}" >>"$BENCH_ROWS"
else
  echo "machine: $(nproc) cores, $(uname -sr); median of $repeat runs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '| path | size | evtctl | peer | peer rate | ratio | RSS evtctl / peer (MB) | target | verdict |\n|---|---|---|---|---|---|---|---|---|\n'
  for row in "${rows[@]}"; do
    IFS='|' read -r path size e peer p r em pm target v <<<"$row"
    printf '| %s | %s | %s | %s | %s | %s | %s / %s | %s | %s |\n' "$path" "$size" "$e" "$peer" "$p" "$r" "$em" "$pm" "$target" "$v"
  done
fi
