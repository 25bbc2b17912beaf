#!/usr/bin/env bash
# Action step 4: installs stepdoc into STEPDOC_HOME (`make install`: the static release binary, man page,
# completions) unless the cache restored one that runs, and puts its bin/ on PATH for the next steps.
set -euo pipefail
action=${STEPDOC_ACTION_PATH:?STEPDOC_ACTION_PATH is not set}
home=${STEPDOC_HOME:?STEPDOC_HOME is not set}
if [ -x "$home/bin/stepdoc" ] && version=$("$home/bin/stepdoc" --version 2>/dev/null); then
  echo "using the cached stepdoc $version ($home/bin/stepdoc)"
else
  echo "building stepdoc (make install PREFIX=$home)"
  make -C "$action" install PREFIX="$home"
  version=$("$home/bin/stepdoc" --version)
fi
echo "$home/bin" >>"${GITHUB_PATH:-/dev/null}"
echo "version=$version" >>"${GITHUB_OUTPUT:-/dev/stdout}"
