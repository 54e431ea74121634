#!/usr/bin/env bash
# Validation benchmark: `evtctl validate` vs ajv (Node) vs Python jsonschema, same events, same schemas.
#
#   bench/validate.sh [N]            N events (default 1000000)
#   BENCH_REPEAT=R (default 3)       each measurement is the fastest of R runs (the tools take turns)
#   PY_FRACTION=F  (default 10)      Python jsonschema is slow: it validates only the first N/F
#                                    events; its time is scaled ×F for the ratio (said in the output)
#   EVTCTL_SKIP=1                    skip `cargo build` and the evtctl row (baselines only)
#   EVTCTL=path                      measure this evtctl binary (no `cargo build`)
#
# Generates N order-domain events once (bench/gen-events.py, seeded, ~2% invalid) into bench/out/,
# then times each validator with /usr/bin/time (elapsed s, peak RSS) against schemas/ and prints
# events/s, peak RSS and the evtctl/tool throughput ratio (>1 means evtctl is faster). All tools
# must report the same invalid count (Python: compared with ajv on the same subset), else it fails.
# Installs its baselines into bench/out/ (git-ignored): npm ajv + ajv-formats, pip jsonschema.
# Needs: node >= 18 + npm, python3 >= 3.8 + pip, /usr/bin/time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
repeat=${BENCH_REPEAT:-3}
py_fraction=${PY_FRACTION:-10}
skip_evtctl=${EVTCTL_SKIP:-0}
out=bench/out
mkdir -p "$out"
die() { echo "validate.sh: $*" >&2; exit 1; }

[[ $n =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$n'"
[[ $py_fraction =~ ^[1-9][0-9]*$ ]] || die "PY_FRACTION must be a positive integer"
[ -x /usr/bin/time ] || die "/usr/bin/time is required (apt-get install time)"
command -v node >/dev/null && command -v npm >/dev/null || die "node and npm are required"
command -v python3 >/dev/null || die "python3 is required"

evtctl=${EVTCTL:-target/release/evtctl}
if [ "$skip_evtctl" != 1 ] && [ -z "${EVTCTL:-}" ]; then
  cargo build --release --quiet
  [ -x target/release/evtctl ] || die "target/release/evtctl was not built"
fi

# Baseline dependencies, installed once into bench/out/.
if [ ! -f "$out/node/node_modules/ajv/package.json" ] || [ ! -f "$out/node/node_modules/ajv-formats/package.json" ]; then
  echo "installing ajv, ajv-formats into $out/node ..." >&2
  npm install --prefix "$out/node" --no-audit --no-fund --silent ajv ajv-formats >&2
fi
if [ ! -f "$out/py/jsonschema/__init__.py" ] || [ ! -f "$out/py/referencing/__init__.py" ]; then
  echo "installing jsonschema into $out/py ..." >&2
  PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check --target "$out/py" jsonschema >&2
fi
export PYTHONPATH="$PWD/$out/py${PYTHONPATH:+:$PYTHONPATH}"

# Events: generated once per N (regenerated when the generator changes).
events="$out/validate-events-$n.jsonl"
if [ ! -s "$events" ] || [ bench/gen-events.py -nt "$events" ]; then
  echo "generating $n events into $events ..." >&2
  python3 bench/gen-events.py "$n" >"$events.tmp" && mv "$events.tmp" "$events"
fi
py_n=$(( n / py_fraction )); [ "$py_n" -ge 1 ] || py_n=1
py_events="$out/validate-events-$n-first$py_n.jsonl"
if [ "$py_n" -eq "$n" ]; then py_events=$events
elif [ ! -s "$py_events" ] || [ "$events" -nt "$py_events" ]; then
  head -n "$py_n" "$events" >"$py_events"
fi

# measure NAME CMD... -> one run; keeps "seconds max_rss_kb" of the fastest run so far in
# $out/NAME.best; stdout of the last run is kept in $out/NAME.out. A run counts only if its last
# stdout line is the summary. The tools take turns (evtctl, ajv, Python, evtctl, ...), so a change
# in the machine's load during the script falls on all of them alike.
measure() {
  local name=$1; shift
  local rc=0 best=""
  [ -s "$out/$name.best" ] && best=$(cat "$out/$name.best")
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" >"$out/$name.out" 2>"$out/$name.err" || rc=$?
  # evtctl may exit non-zero because invalid events were found; what matters is the summary.
  if ! tail -n 1 "$out/$name.out" | grep -q '"checked"'; then
    echo "$name failed (exit $rc), no summary line; stderr:" >&2; tail -n 5 "$out/$name.err" >&2; exit 1
  fi
  if [ -z "$best" ] || awk -v a="$(tail -n 1 "$out/$name.time" | cut -d' ' -f1)" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then
    tail -n 1 "$out/$name.time" >"$out/$name.best"
  fi
}
# field NAME KEY -> number from the summary (last stdout line) of the last run of NAME
field() {
  tail -n 1 "$out/$1.out" | python3 -c 'import json,sys; print(int(json.loads(sys.stdin.read())[sys.argv[1]]))' "$2" ||
    die "$1: cannot read \"$2\" from its summary line: $(tail -n 1 "$out/$1.out")"
}
expect_checked() { # NAME COUNT
  local got; got=$(field "$1" checked)
  [ "$got" -eq "$2" ] || die "$1 checked $got events, expected $2"
}

echo "validate: $n events ($(du -h "$events" | cut -f1)), best of $repeat run(s) each, taking turns" >&2
declare -A secs rss inval
rm -f "$out"/validate-{evtctl,ajv,python}.best
for _ in $(seq "$repeat"); do
  [ "$skip_evtctl" = 1 ] || measure validate-evtctl "$evtctl" validate --registry schemas --file "$events" -o json -q
  measure validate-ajv node bench/ajv-validate.mjs "$events"
  measure validate-python python3 bench/py-validate.py "$py_events"
done
if [ "$skip_evtctl" != 1 ]; then
  read -r secs[evtctl] rss[evtctl] <"$out/validate-evtctl.best"
  expect_checked validate-evtctl "$n"; inval[evtctl]=$(field validate-evtctl invalid)
fi
read -r secs[ajv] rss[ajv] <"$out/validate-ajv.best"
expect_checked validate-ajv "$n"; inval[ajv]=$(field validate-ajv invalid)
read -r secs[python] rss[python] <"$out/validate-python.best"
expect_checked validate-python "$py_n"; inval[python]=$(field validate-python invalid)

# Agreement on the invalid count. Python ran on a subset: compare it with ajv on that subset.
if [ "$skip_evtctl" != 1 ] && [ "${inval[evtctl]}" -ne "${inval[ajv]}" ]; then
  die "DISAGREEMENT: evtctl found ${inval[evtctl]} invalid events, ajv ${inval[ajv]} (of $n; see $out/validate-*.out)"
fi
ajv_sub=${inval[ajv]}
if [ "$py_n" -ne "$n" ]; then
  node bench/ajv-validate.mjs "$py_events" >"$out/validate-ajv-subset.out" || die "ajv failed on $py_events"
  ajv_sub=$(field validate-ajv-subset invalid)
fi
[ "${inval[python]}" -eq "$ajv_sub" ] ||
  die "DISAGREEMENT: python jsonschema found ${inval[python]} invalid events in the first $py_n, ajv $ajv_sub"

# Table. Python's events/s comes from its subset run; its ratio uses that time scaled to N events.
py_scaled=$(awk -v s="${secs[python]}" -v a="$n" -v b="$py_n" 'BEGIN{printf "%.3f", s*a/b}')
printf '%-8s %9s %12s %12s %12s %8s  %s\n' tool events invalid events/s peak_RSS_MB evtctl/x note
row() { # TOOL EVENTS SECONDS_FOR_EVENTS SECONDS_SCALED_TO_N NOTE
  local tool=$1 count=$2 s=$3 s_n=$4 note=$5 ratio="-"
  if [ "$skip_evtctl" != 1 ]; then ratio=$(awk -v a="$s_n" -v b="${secs[evtctl]}" 'BEGIN{printf "%.2f", (b>0 ? a/b : 0)}'); fi
  printf '%-8s %9d %12d %12.0f %12.1f %8s  %s\n' "$tool" "$count" "${inval[$tool]}" \
    "$(awk -v n="$count" -v s="$s" 'BEGIN{print (s>0 ? n/s : 0)}')" \
    "$(awk -v m="${rss[$tool]}" 'BEGIN{print m/1024}')" "$ratio" "$note"
}
[ "$skip_evtctl" = 1 ] || row evtctl "$n" "${secs[evtctl]}" "${secs[evtctl]}" "${secs[evtctl]}s"
row ajv "$n" "${secs[ajv]}" "${secs[ajv]}" "${secs[ajv]}s, ajv $(node -p 'require("./bench/out/node/node_modules/ajv/package.json").version') draft-07, allErrors:false"
pynote="${secs[python]}s for the first $py_n events"
[ "$py_n" -eq "$n" ] || pynote="$pynote (1/$py_fraction of N); ratio uses ×$py_fraction = ${py_scaled}s"
row python "$py_n" "${secs[python]}" "$py_scaled" "$pynote, jsonschema $(python3 -c 'import importlib.metadata as m; print(m.version("jsonschema"))') Draft7Validator"
if [ "$skip_evtctl" = 1 ]; then echo "(evtctl skipped: EVTCTL_SKIP=1)"; fi
echo "all tools agree on the invalid count"
