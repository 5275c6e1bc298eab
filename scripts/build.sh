#!/usr/bin/env bash
# Build the web UI and the two binaries (the core CLI/server and the desktop app).
# Incremental: Vite rebuilds only when ui sources changed; cargo as usual.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=ui/dist/.stamp
if [ ! -f "$stamp" ] || [ -n "$(find ui/src ui/index.html ui/public ui/vite.config.ts ui/package-lock.json -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  printf '\033[1m==> building the web UI\033[0m\n'
  (cd ui && npx vite build --logLevel warn)
  touch "$stamp"
fi
printf '\033[1m==> building the core and the desktop app\033[0m\n'
# custom-protocol: the app serves the bundled UI instead of a dev server.
cargo build --quiet --bin faultlines
cargo build --quiet -p faultlines-app --features tauri/custom-protocol
