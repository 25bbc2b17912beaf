#!/usr/bin/env bash
# make example-checks: the worked example of a team's own checks (Examples/service-rollout), end to end:
# build its runner, export its manifest, check its docs clean (exit 0) from the manifest and from the
# runner, check a mutated copy (exit 1, parity.value-mismatch), and preflight facts through the runner.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
stepdoc="$root/.build/debug/stepdoc"
example="$root/Examples/service-rollout"
[ -x "$stepdoc" ] || swift build --package-path "$root" --product stepdoc
swift build --package-path "$example" --product rollout-checks
cd "$example"
mkdir -p .build

expect() {  # expect STATUS DESCRIPTION COMMAND…
    local want=$1 what=$2; shift 2
    set +e; "$@" > .build/out.txt 2>&1; local got=$?; set -e
    if [ "$got" != "$want" ]; then
        echo "example-checks: $what: exit $got, expected $want" >&2; cat .build/out.txt >&2; exit 1
    fi
    echo "ok: $what (exit $got)"
}

.build/debug/rollout-checks manifest > .build/checks.json
echo "ok: exported .build/checks.json ($(grep -c '"id"' .build/checks.json) ids)"
expect 0 "check from the exported manifest" \
    "$stepdoc" check --config stepdoc-manifest.yml --check-manifest .build/checks.json
expect 0 "check through the runner" "$stepdoc" check

mutated=$(mktemp -d)
trap 'rm -rf "$mutated"' EXIT
cp -R docs stepdoc-manifest.yml "$mutated/"
sed -i 's/Kubernetes 1\.29+/Kubernetes 1.28+/' "$mutated/docs/service-rollout.rst"
expect 1 "check of a copy documenting 1.28" \
    "$stepdoc" check --config "$mutated/stepdoc-manifest.yml" --check-manifest .build/checks.json "$mutated/docs"
grep -q 'parity.value-mismatch' .build/out.txt || { echo "example-checks: no parity.value-mismatch" >&2; exit 1; }
grep -q 'Sources/RolloutChecks/ServiceRollout.swift:' .build/out.txt \
    || { echo "example-checks: the note does not name the Swift declaration" >&2; cat .build/out.txt >&2; exit 1; }
echo "   $(grep 'parity.value-mismatch' .build/out.txt | head -1)"

expect 0 "preflight of facts/ready.json through the runner" "$stepdoc" preflight --facts facts/ready.json
expect 1 "preflight of facts/not-ready.json through the runner" "$stepdoc" preflight --facts facts/not-ready.json
grep -q 'the cluster runs Kubernetes 1.28.9, older than 1.29' .build/out.txt \
    || { echo "example-checks: preflight did not report the old cluster" >&2; cat .build/out.txt >&2; exit 1; }
echo "example-checks: all passed"
