#!/usr/bin/env bash
# The import benchmark: N ACLED-shaped rows (default 1,000,000) imported by
# the release CLI, RUNS times (default 5), then the story it wrote opened
# by `faultlines info`; prints the median wall time and peak memory of each,
# and the ratio of the import's memory to the opened story's.
#
#   benches/import/bench.sh [N] [RUNS] [BINARY]
#
# BINARY defaults to target/release/faultlines (`cargo build --release
# --bin faultlines`). Give another binary to compare two builds in turn.
# Results and the machine they were measured on: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
runs=${2:-5}
bin=${3:-${CARGO_TARGET_DIR:-target}/release/faultlines}
work=${TMPDIR:-/tmp}/faultlines-import-bench
mkdir -p "$work"
rows="$work/acled-$n.csv"
[ -s "$rows" ] || python3 benches/import/acled_rows.py "$n" > "$rows"

# One timed run of "$@": prints "seconds peak_kib".
timed() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > /dev/null 2> "$work/stderr" || {
    cat "$work/stderr" >&2
    exit 1
  }
  cat "$work/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

: > "$work/import"; : > "$work/open"
for _ in $(seq "$runs"); do
  rm -rf "$work/story"
  timed "$bin" import "$rows" --out "$work/story" >> "$work/import"
  timed "$bin" info --data "$work/story" >> "$work/open"
done
imp_s=$(cut -d' ' -f1 "$work/import" | median); imp_k=$(cut -d' ' -f2 "$work/import" | median)
open_s=$(cut -d' ' -f1 "$work/open" | median); open_k=$(cut -d' ' -f2 "$work/open" | median)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "rows: $n ($(du -m "$rows" | cut -f1) MB of CSV), runs: $runs, binary: $bin"
printf 'import:           median %6.2f s, peak %5d MiB\n' "$imp_s" $((${imp_k%.*} / 1024))
printf 'open the story:   median %6.2f s, peak %5d MiB\n' "$open_s" $((${open_k%.*} / 1024))
awk -v a="$imp_k" -v b="$open_k" 'BEGIN { printf "import memory / opened story memory: %.2f\n", a / b }'
