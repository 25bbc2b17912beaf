#!/usr/bin/env bash
# Installs what stepdoc needs from Debian when it is missing: cmark-gfm (library, extensions, headers),
# pkg-config, and highlight.js (libjs-highlight.js), which built pages use to highlight code. Runs apt-get as root (or through sudo), `apt-get update` first, one apt-get at a time.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists libcmark-gfm 2>/dev/null || [ ! -f /usr/include/cmark-gfm.h ]; then
  missing+=(libcmark-gfm-dev)
fi
if [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then
  missing+=(libcmark-gfm-extensions-dev)
fi
[ -f /usr/share/javascript/highlight.js/highlight.min.js ] || missing+=(libjs-highlight.js)
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "stepdoc needs these Debian packages: ${missing[*]}" >&2
  echo "install them as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 2
fi
echo "installing ${missing[*]}" >&2
# Wait for another apt-get (never run two at once).
for _ in $(seq 1 60); do
  fuser /var/lib/dpkg/lock-frontend >/dev/null 2>&1 || break
  sleep 2
done
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
