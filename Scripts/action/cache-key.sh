#!/usr/bin/env bash
# Action step 2: the cache key of the stepdoc build — the toolchain, and every file the binary is made
# from. (hashFiles() in a composite action sees only the workspace, not the action's own files.)
set -euo pipefail
action=${STEPDOC_ACTION_PATH:?STEPDOC_ACTION_PATH is not set}
cd "$action"
sources=$(find Sources templates -type f | LC_ALL=C sort)
digest=$( { swift --version 2>&1 | head -n 1; uname -m; sha256sum Package.swift Package.resolved Makefile \
  Scripts/install.sh $sources; } | sha256sum | cut -c1-32)
key="stepdoc-$(uname -s)-$(uname -m)-$digest"
echo "key=$key" >>"${GITHUB_OUTPUT:-/dev/stdout}"
