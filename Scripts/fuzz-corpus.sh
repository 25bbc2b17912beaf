#!/bin/sh
# Builds the seed corpora for `make fuzz` in OUT (default .build-fuzz/corpus), which git ignores:
#   OUT/content  step sources: content/, the test fixtures, ../shared/corpus/real when present, the
#                committed seeds of Fuzz/seeds/content, the fuzz regressions, and a few generated here
#   OUT/facts    facts documents and `only` expressions: the MigrationChecks fixtures, Fuzz/seeds/facts,
#                the fuzz regressions
# Plain POSIX sh, so `make fuzz` needs nothing beyond the Swift toolchain.
set -eu
out=${1:-.build-fuzz/corpus}
regressions=Tests/StepDocCLITests/Fixtures/fuzz-regressions
mkdir -p "$out/content" "$out/facts"

copy() { # copy FOLDER FILES…: each under a name made from its path, so names never collide
    folder=$1
    shift
    for file in "$@"; do
        [ -f "$file" ] || continue
        cp "$file" "$folder/$(printf '%s' "$file" | sed 's#^\(\.\./\)*##' | tr '/' '_')"
    done
}

copy "$out/content" content/*.rst Fuzz/seeds/content/* "$regressions"/content/*
for fixture in $(find Tests -path '*/Fixtures/*' -name '*.rst' | sort); do copy "$out/content" "$fixture"; done
if [ -d ../shared/corpus/real ]; then copy "$out/content" ../shared/corpus/real/*.rst; fi
copy "$out/facts" Tests/MigrationChecksTests/Fixtures/*/facts.json Fuzz/seeds/facts/* "$regressions"/facts/*

# Generated: a long procedure, deep but allowed nesting, and the seed with other line ends and a BOM.
steps="$out/content/generated-40-steps.rst"
: > "$steps"
n=1
while [ $n -le 40 ]; do
    printf '.. only:: html or dirhtml or singlehtml\n\n   .. raw:: html\n\n      <div class="sequence-block"><div class="bullet-block"><div class="sequence-step">%d</div></div>\n\n   Do thing %d\n   ~~~~~~~~~~~\n\n   Text :manual:`ref </r>` ``code``.\n\n   .. raw:: html\n\n      </div>\n\n.. only:: not(html or dirhtml or singlehtml)\n\n   Step %d: Do thing %d\n   ~~~~~~~~~~~~~~~~~~~~\n\n   Text :manual:`ref </r>` ``code``.\n\n' $n $n $n $n >> "$steps"
    n=$((n + 1))
done
lists="$out/content/generated-nested-lists.rst"
notes="$out/content/generated-nested-notes.rst"
: > "$lists"
: > "$notes"
indent=""
n=0
while [ $n -lt 30 ]; do
    printf '%s- item %d\n\n' "$indent" $n >> "$lists"
    printf '%s.. note::\n\n' "$indent" >> "$notes"
    indent="$indent   "
    n=$((n + 1))
done
printf '%sdeep\n' "$indent" >> "$notes"
seed=content/atlas-live-migration-prerequisites.rst
if [ -f "$seed" ]; then
    sed 's/$/\r/' "$seed" > "$out/content/generated-crlf.rst"
    tr '\n' '\r' < "$seed" > "$out/content/generated-cr.rst"
    { printf '\357\273\277'; cat "$seed"; } > "$out/content/generated-bom.rst"
fi
echo "fuzz corpus: $(ls "$out/content" | wc -l) content and $(ls "$out/facts" | wc -l) facts inputs in $out"
