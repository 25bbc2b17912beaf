#!/usr/bin/env bash
# Action step 5: `stepdoc check` with annotations on standard output (--format github) and a SARIF file
# for code scanning. Its outputs are written before it exits with stepdoc's status, so the upload step
# after it runs on findings too.
set -euo pipefail
stepdoc=${STEPDOC_BINARY:-stepdoc}
sarif=${INPUT_SARIF:-${RUNNER_TEMP:-/tmp}/stepdoc.sarif}
args=(check --format github --report "sarif:$sarif")
case "${INPUT_STRICT:-false}" in
  true) args+=(--strict) ;;
  false | "") ;;
  *) echo "::error title=stepdoc::input strict must be true or false, not '$INPUT_STRICT'"; exit 2 ;;
esac
[ -z "${INPUT_CHANGED_SINCE:-}" ] || args+=(--changed-since "$INPUT_CHANGED_SINCE")
[ -z "${INPUT_SHARD:-}" ] || args+=(--shard "$INPUT_SHARD")
# Paths: one or more per line, split on white space (a path with spaces needs its own stepdoc.yml entry).
read -r -a paths <<<"$(printf '%s' "${INPUT_PATHS:-}" | tr '\n' ' ')" || true
status=0
"$stepdoc" "${args[@]}" -- "${paths[@]}" || status=$?
echo "status=$status" >>"${GITHUB_OUTPUT:-/dev/stdout}"
if [ -f "$sarif" ]; then echo "sarif-file=$sarif" >>"${GITHUB_OUTPUT:-/dev/stdout}"; fi
exit "$status"
