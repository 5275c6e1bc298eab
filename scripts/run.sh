#!/usr/bin/env bash
# Launch the desktop app; without a display, serve the same UI over HTTP.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$target/debug/faultlines-app"
fi
port=${PORT:-8787}
echo "No display found: serving the Faultlines UI on http://127.0.0.1:$port/ instead (Ctrl-C to stop)."
exec "$target/debug/faultlines" serve --port "$port" --ui ui/dist
