#!/usr/bin/env bash
# Every test layer, in order, with a pass/fail summary at the end.
# Quality gates (fmt, clippy, tsc, eslint), then: 1 cargo tests, 2 Vitest,
# 3 browser end-to-end (Chromium), 4 desktop end-to-end (WebDriver, Xvfb).
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
target=${CARGO_TARGET_DIR:-$PWD/target}
export FAULTLINES_BIN="$target/debug/faultlines" FAULTLINES_APP="$target/debug/faultlines-app"
export PATH="$HOME/.cargo/bin:$PATH"
passed=0; failed=0; failures=()
step() {
  local name=$1; shift
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); printf '\033[32m--> %s: ok (%ss)\033[0m\n' "$name" $((SECONDS - t0))
  else
    failed=$((failed + 1)); failures+=("$name"); printf '\033[31m--> %s: FAILED (%ss)\033[0m\n' "$name" $((SECONDS - t0))
  fi
}
step "rustfmt" cargo fmt --all -- --check
step "clippy" cargo clippy --quiet --workspace --all-targets -- -D warnings
step "tsc" bash -c "cd ui && npx tsc --noEmit"
step "eslint" bash -c "cd ui && npx eslint ."
step "layer 1: cargo test" cargo test --workspace
step "layer 2: vitest" bash -c "cd ui && npx vitest run"
step "layer 3: browser end-to-end" bash -c "cd ui && node --test --test-concurrency=1 e2e/browser/"
step "layer 4: desktop end-to-end" bash -c "cd ui && xvfb-run -a -s '-screen 0 1280x800x24' node --test --test-concurrency=1 e2e/desktop/"
step "layer 4b: installed .deb end-to-end" scripts/package-test.sh
echo
if [ "$failed" -eq 0 ]; then
  echo "All test layers passed."
else
  echo "Failed: ${failures[*]}"
fi
echo "test steps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
