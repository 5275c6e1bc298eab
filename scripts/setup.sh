#!/usr/bin/env bash
# Install what Faultlines needs and is missing; fast when nothing is.
# Used by `make run` and `make test`. Debian 12 / Ubuntu 22.04+ with Rust and Node.
set -euo pipefail
cd "$(dirname "$0")/.."

need_test=${1:-}
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# System packages: build deps for Tauri (WebKitGTK), and for tests Xvfb,
# WebKitWebDriver, Debian's Chromium and D-Bus (the single-instance tests run
# their own session bus with dbus-daemon and read it with dbus-send; the import
# test drives the GTK file chooser with xdotool), and ffmpeg, through which
# the exports write WebM and MP4 where a system has it (the tests check both).
pkgs=(build-essential pkg-config libwebkit2gtk-4.1-dev libgl1-mesa-dri fonts-dejavu-core)
if [ "$need_test" = "test" ]; then
  pkgs+=(xvfb xauth webkit2gtk-driver chromium x11-utils dbus xdotool ffmpeg)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages (the lock file is committed; reinstall only when it changed).
if [ ! -f ui/node_modules/.faultlines-stamp ] || [ ui/package-lock.json -nt ui/node_modules/.faultlines-stamp ]; then
  say "installing npm packages"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  touch ui/node_modules/.faultlines-stamp
fi

# tauri-driver, for the desktop WebDriver tests.
if [ "$need_test" = "test" ] && ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  say "installing tauri-driver"
  cargo install tauri-driver --locked --quiet
fi
