#!/usr/bin/env bash
# Action step 1: what building stepdoc needs besides a Swift toolchain — Swift's own Debian/Ubuntu
# prerequisites and libcmark-gfm — installed only when missing (so a runner that has them needs no network).
set -euo pipefail
action=${STEPDOC_ACTION_PATH:?STEPDOC_ACTION_PATH is not set}
if ! command -v swift >/dev/null 2>&1; then
  echo "::error title=stepdoc::no Swift toolchain on PATH; add swift-actions/setup-swift (or a Swift container) before this action"
  exit 2
fi
# swift.org's list for Debian and Ubuntu, less the versioned gcc packages every runner has, and libcurl
# (FoundationNetworking, which stepdoc does not link).
"$action/Scripts/install-deps.sh" binutils git libc6-dev libedit2 libpython3-dev libsqlite3-0 libxml2-dev \
  libz3-dev pkg-config tzdata zlib1g-dev
echo "Swift: $(swift --version 2>&1 | head -n 1)"
