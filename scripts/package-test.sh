#!/usr/bin/env bash
# The installer test: build the .deb and .rpm with the Tauri CLI (release
# profile), check the .deb's size, install it, run the desktop end-to-end
# tests against the installed binary under Xvfb, and remove the package.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
# ui/dist was just built by scripts/build.sh, so skip the CLI's own UI build.
ui/node_modules/.bin/tauri build --bundles deb,rpm --config '{"build":{"beforeBuildCommand":""}}'
deb=$(ls -t "$target"/release/bundle/deb/*.deb | head -n 1)
rpm=$(ls -t "$target"/release/bundle/rpm/*.rpm | head -n 1)
size=$(stat -c %s "$deb")
echo "built $deb ($((size / 1024)) KiB) and $rpm ($(($(stat -c %s "$rpm") / 1024)) KiB)"
if [ "$size" -gt $((8 * 1024 * 1024)) ]; then
  echo "the .deb is larger than 8 MB" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo -n"
pkg=$(dpkg-deb -f "$deb" Package)
$SUDO dpkg -i "$deb" >/dev/null
trap '$SUDO dpkg -r "$pkg" >/dev/null' EXIT
bin=$(dpkg -L "$pkg" | grep '^/usr/bin/' | head -n 1)
echo "installed $pkg: $bin"
cd ui
FAULTLINES_APP="$bin" xvfb-run -a -s '-screen 0 1280x800x24' node --test --test-concurrency=1 e2e/desktop/
