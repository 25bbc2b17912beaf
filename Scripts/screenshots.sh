#!/usr/bin/env bash
# Screenshots of the shipped procedure as readers see it (light, dark, phone) in output/screenshots/,
# taken with Debian's headless chromium when it is installed (`make test-browser` installs it).
set -euo pipefail
page="output/html/atlas-live-migration-prerequisites.html"
browser=/usr/bin/chromium
if [ ! -x "$browser" ]; then
  echo "screenshots not refreshed: chromium is not installed (make test-browser installs it)" >&2
  exit 0
fi
mkdir -p output/screenshots
url="file://$(pwd)/$page"
shoot() { # NAME WIDTH HEIGHT [FLAGS…]
  local name=$1 width=$2 height=$3
  shift 3
  profile=$(mktemp -d)
  timeout 120 "$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$profile" --window-size="$width,$height" --screenshot="output/screenshots/$name.png" \
    "$@" "$url" >/dev/null 2>&1 || echo "screenshot $name failed" >&2
  rm -rf "$profile"
}
shoot light 1280 2600
shoot dark 1280 2600 --force-dark-mode
shoot phone 390 4200
echo "screenshots in output/screenshots/"
