#!/usr/bin/env bash
# Opening a large story: N generated events (default 1,000,000) written as
# GeoJSON and converted to Arrow, then each form opened by `faultlines info`
# (load, check, index) RUNS times (default 5), in turn, so the machine's
# noise falls on all alike; prints the median and spread of the wall time
# and the median peak memory of each, and the ratio of the GeoJSON opening
# to the Arrow one. With a second binary (an older build), its opening of
# the GeoJSON form is timed in the same rounds.
#
#   benches/open/bench.sh [N] [RUNS] [BINARY] [OLD_BINARY]
#
# BINARY defaults to target/release/faultlines (`cargo build --release
# --bin faultlines`). Results and the machine: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
runs=${2:-5}
bin=${3:-${CARGO_TARGET_DIR:-target}/release/faultlines}
old=${4:-}
work=${TMPDIR:-/tmp}/faultlines-open-bench
mkdir -p "$work"
if [ ! -s "$work/geojson-$n/story/events.geojson" ]; then
  rm -rf "$work/geojson-$n" "$work/arrow-$n"
  "$bin" generate --events "$n" --seed 7 --out "$work/geojson-$n" > /dev/null
fi
[ -s "$work/arrow-$n/story/events.arrow" ] ||
  "$bin" --data "$work/geojson-$n" convert --to arrow --out "$work/arrow-$n" > /dev/null

# One timed run of "$@", appended to file $1 as "seconds peak_kib".
timed() {
  local out=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || {
    cat "$work/stderr" >&2
    exit 1
  }
  cat "$work/time" >> "$out"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
spread() { sort -n | awk 'NR==1 {lo=$1} {hi=$1} END {printf "%.2f–%.2f", lo, hi}'; }

: > "$work/geojson"; : > "$work/arrow"; : > "$work/old"
for _ in $(seq "$runs"); do
  [ -z "$old" ] || timed "$work/old" "$old" --data "$work/geojson-$n" info
  timed "$work/geojson" "$bin" --data "$work/geojson-$n" info
  timed "$work/arrow" "$bin" --data "$work/arrow-$n" info
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "events: $n (events.geojson $(du -m "$work/geojson-$n/story/events.geojson" | cut -f1) MB, events.arrow $(du -m "$work/arrow-$n/story/events.arrow" | cut -f1) MB), runs: $runs"
report() {
  local s k
  s=$(cut -d' ' -f1 "$work/$1" | median); k=$(cut -d' ' -f2 "$work/$1" | median)
  printf '%-28s median %6.2f s (%s), peak %5d MiB\n' "$2" "$s" "$(cut -d' ' -f1 "$work/$1" | spread)" $((${k%.*} / 1024))
}
[ -z "$old" ] || report old "older build, GeoJSON:"
report geojson "GeoJSON:"
report arrow "Arrow:"
g=$(cut -d' ' -f1 "$work/geojson" | median); a=$(cut -d' ' -f1 "$work/arrow" | median)
awk -v g="$g" -v a="$a" 'BEGIN { printf "GeoJSON / Arrow: %.1f×\n", g / a }'
if [ -n "$old" ]; then
  o=$(cut -d' ' -f1 "$work/old" | median)
  awk -v o="$o" -v a="$a" 'BEGIN { printf "older build on GeoJSON / Arrow: %.1f×\n", o / a }'
fi
