#!/usr/bin/env bash
# make install: puts a stepdoc binary, its man page and its shell completions under a prefix.
#   Scripts/install.sh install BINARY ROOT MANUAL_TOOL    (ROOT is $(DESTDIR)$(PREFIX))
#   Scripts/install.sh uninstall ROOT
# The man page and the completions are made by the installed binary itself (ArgumentParser's
# --experimental-dump-help through its generate-manual tool, and --generate-completion-script), so they
# describe exactly the commands and options it has.
set -euo pipefail

# What an install writes, relative to ROOT; uninstall removes exactly these.
files=(
  bin/stepdoc
  share/man/man1/stepdoc.1
  share/bash-completion/completions/stepdoc
  share/zsh/site-functions/_stepdoc
  share/fish/vendor_completions.d/stepdoc.fish
)

die() { echo "install: $*" >&2; exit 2; }

case "${1:-}" in
install)
  [ $# -eq 4 ] || die "usage: $0 install BINARY ROOT MANUAL_TOOL"
  binary=$2 root=$3 manual=$4
  [ -x "$binary" ] || die "$binary: no stepdoc binary (run make release, or pass BINARY=path)"
  [ -x "$manual" ] || die "$manual: no generate-manual tool"
  staging=$(mktemp -d)
  trap 'rm -rf "$staging"' EXIT
  # Everything is made first, so a failure installs nothing.
  mkdir -p "$staging/bin" "$staging/man"
  cp "$binary" "$staging/bin/stepdoc"
  "$staging/bin/stepdoc" --version >/dev/null || die "$binary does not run"
  # The date of the last commit, so the page is the same for the same source.
  date=$(git -C "$(dirname "$0")/.." log -1 --format=%cs 2>/dev/null || date +%F)
  "$manual" "$staging/bin/stepdoc" --date "$date" --section 1 -o "$staging/man" >/dev/null
  [ -s "$staging/man/stepdoc.1" ] || die "generate-manual wrote no stepdoc.1"
  for shell in bash zsh fish; do
    "$staging/bin/stepdoc" --generate-completion-script "$shell" >"$staging/completion.$shell"
  done
  install -d "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
    "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
  install -m 0755 "$staging/bin/stepdoc" "$root/bin/stepdoc"
  install -m 0644 "$staging/man/stepdoc.1" "$root/share/man/man1/stepdoc.1"
  install -m 0644 "$staging/completion.bash" "$root/share/bash-completion/completions/stepdoc"
  install -m 0644 "$staging/completion.zsh" "$root/share/zsh/site-functions/_stepdoc"
  install -m 0644 "$staging/completion.fish" "$root/share/fish/vendor_completions.d/stepdoc.fish"
  for file in "${files[@]}"; do echo "installed $root/$file"; done
  ;;
uninstall)
  [ $# -eq 2 ] || die "usage: $0 uninstall ROOT"
  root=$2
  for file in "${files[@]}"; do
    if [ -e "$root/$file" ] || [ -L "$root/$file" ]; then
      rm -f "$root/$file"
      echo "removed $root/$file"
    fi
  done
  ;;
*)
  die "usage: $0 install BINARY ROOT MANUAL_TOOL | uninstall ROOT"
  ;;
esac
