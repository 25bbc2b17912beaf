# stepdoc — see README.md. `make run` and `make test` work on a fresh Debian machine with Swift.
SWIFT   ?= swift
STEPDOC := .build/debug/stepdoc

.PHONY: templates install uninstall run test mutation pre-commit-venv sphinx-venv test-browser browser-deps screenshots deps build release output check roles format lint clean bench bench-peers bench-corpus fuzz fuzz-build test-asan

## Install what is missing, build, render content/ into output/, and validate it.
run: build
	$(STEPDOC) build
	$(STEPDOC) check
	@Scripts/screenshots.sh

## Screenshots of the shipped procedure (light, dark, phone) in output/screenshots/.
screenshots:
	@Scripts/screenshots.sh

## Build and run every test (Swift Testing). Sphinx goes into .build/sphinx-venv for the comparison
## with its text builder (the test is skipped when pip cannot install it).
SPHINX_VENV := .build/sphinx-venv

## The suites that wait on real time (file watching, the preview's HTTP server and event streams) run
## after the rest: in-process command tests hold the two-thread cooperative pool for seconds at a time,
## and a watcher polled behind them would miss its deadline on a loaded machine.
TIMED_SUITES := FileWatcherTests|ChangeCoalescerTests|PreviewServerTests|PreviewHTTPServerTests|PreviewCommandEndToEndTests|ServerSentEventTests

## generate-manual is built before the tests: the install test runs `make install`, and a `swift build`
## started from inside `swift test` would wait forever for the build folder's lock that `swift test` holds.
test: deps sphinx-venv pre-commit-venv
	$(SWIFT) build --build-tests
	$(SWIFT) build --product generate-manual
	$(SWIFT) test --skip-build --skip '$(TIMED_SUITES)'
	$(SWIFT) test --skip-build --filter '$(TIMED_SUITES)'

## pre-commit itself, for the test that runs the hooks of .pre-commit-hooks.yaml through it (skipped
## when pip cannot install it).
PRE_COMMIT_VENV := .build/pre-commit-venv

pre-commit-venv:
	@[ -x $(PRE_COMMIT_VENV)/bin/pre-commit ] || (python3 -m venv $(PRE_COMMIT_VENV) && $(PRE_COMMIT_VENV)/bin/pip install -q pre-commit) \
		|| echo "pre-commit not installed: the test that runs it is skipped" >&2

sphinx-venv:
	@[ -x $(SPHINX_VENV)/bin/sphinx-build ] || (python3 -m venv $(SPHINX_VENV) && $(SPHINX_VENV)/bin/pip install -q sphinx) \
		|| echo "sphinx not installed: the Sphinx text comparison is skipped" >&2

## The worked example of a team's own checks (Examples/service-rollout): build its runner, export its
## manifest, check its docs clean and a mutated copy (parity.value-mismatch), preflight facts through it.
example-checks: deps
	$(SWIFT) build --product stepdoc
	Scripts/example-checks.sh

## The browser tests (BrowserTests): built pages and the preview in headless Chromium, which is
## installed from Debian's packages when missing.
test-browser: deps browser-deps
	$(SWIFT) build --build-tests
	STEPDOC_BROWSER_TESTS=1 $(SWIFT) test --skip-build --filter BrowserTests

browser-deps:
	@Scripts/install-deps.sh chromium

## The editor tests: Neovim's built-in LSP client (Debian's neovim, installed when missing) drives
## `stepdoc lsp` headless (Tests/Editor/neovim-client-test.lua), and node loads the VS Code extension.
test-editor: deps editor-deps
	$(SWIFT) build --build-tests
	STEPDOC_EDITOR_TESTS=1 $(SWIFT) test --skip-build --filter 'NeovimClientTests|VSCodeExtensionTests'

editor-deps:
	@Scripts/install-deps.sh neovim

deps:
	@Scripts/install-deps.sh

build: deps
	$(SWIFT) build --product stepdoc

## The release binary as it ships: the Swift runtime and Foundation linked in statically, so a start
## maps three system libraries instead of twenty (about 5 ms instead of 12 for `stepdoc --version`).
RELEASE_BUILD := $(SWIFT) build -c release --product stepdoc --static-swift-stdlib --scratch-path .build/static
RELEASE       := .build/static/release/stepdoc

## Build the release binary (RELEASE above).
release: deps
	$(RELEASE_BUILD)
	@echo "stepdoc release binary: $(RELEASE)"

## Install the release binary, its man page (made from the ArgumentParser help by ArgumentParser's
## generate-manual) and bash, zsh and fish completions under PREFIX (DESTDIR for staged installs).
## BINARY=path installs another build instead of the release one (the install test passes the debug one).
PREFIX      ?= /usr/local
DESTDIR     ?=
BINARY      ?= $(RELEASE)
MANUAL_TOOL ?= .build/debug/generate-manual

install: $(MANUAL_TOOL)
	@if [ "$(BINARY)" = "$(RELEASE)" ]; then $(MAKE) release; fi
	@Scripts/install.sh install "$(BINARY)" "$(DESTDIR)$(PREFIX)" "$(MANUAL_TOOL)"

## Remove exactly what `make install` put under PREFIX.
uninstall:
	@Scripts/install.sh uninstall "$(DESTDIR)$(PREFIX)"

$(MANUAL_TOOL):
	$(SWIFT) build --product generate-manual

BENCH_CORPUS := Benchmarks/corpus
BENCH_VENV   := .build/bench-venv

## Speed and memory on the generated corpus, against the targets (release build).
bench: release
	@Scripts/install-deps.sh cmark-gfm
	$(MAKE) bench-corpus
	python3 Benchmarks/Scripts/bench.py --stepdoc $(RELEASE) --corpus $(BENCH_CORPUS)
	cd Benchmarks && $(SWIFT) build -c release --product manifest-load && .build/release/manifest-load

## The editor server's figures alone: diagnostics latency on a 50 KB file, memory over 10,000 edits.
bench-lsp: release
	python3 Benchmarks/Scripts/lsp-latency.py --stepdoc $(RELEASE)

## The same, with docutils, pandoc, sphinx-build and cmark-gfm on the same inputs (installs them).
bench-peers: deps
	@Scripts/install-deps.sh pandoc cmark-gfm
	@[ -x $(BENCH_VENV)/bin/sphinx-build ] || (python3 -m venv $(BENCH_VENV) && $(BENCH_VENV)/bin/pip install -q docutils sphinx)
	$(RELEASE_BUILD)
	$(MAKE) bench-corpus
	python3 Benchmarks/Scripts/bench.py --stepdoc $(RELEASE) --corpus $(BENCH_CORPUS) --peers --venv $(BENCH_VENV)

bench-corpus:
	cd Benchmarks && $(SWIFT) build -c release --product corpus-gen
	@grep -qs "markdown=yes" $(BENCH_CORPUS)/MANIFEST.tsv || Benchmarks/.build/release/corpus-gen --seed 1 --out $(BENCH_CORPUS) --markdown

## Regenerate the built-in template sets (Sources/StepRender/Templates/BuiltinTemplates+Files.swift) from
## templates/, which the binary embeds; BuiltinTemplatesDriftTests fails until this has run.
templates:
	$(SWIFT) run generate-templates

## Regenerate the MongoDB role table from ../shared/roles/mongodb-roles.tsv.
roles:
	python3 Scripts/generate-role-table.py

format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Sources Tests Package.swift

clean:
	rm -rf .build

## Fuzz each libFuzzer target for FUZZ_SECONDS (default 300), one after the other, from a seed corpus
## (Scripts/fuzz-corpus.sh). A crash stops the run; its input is in .build-fuzz/findings/: fix it and keep
## it under Tests/StepDocCLITests/Fixtures/fuzz-regressions/, which `make test` replays.
FUZZ_SECONDS ?= 300
## Throughput (issue 12): about 170 executions a second per target before, at 65536-byte inputs under
## the address sanitizer; the time went to input size (the pipeline is linear in it, and long inputs
## multiply libFuzzer's features and corpus work), the sanitizer (allocation stacks, quarantine, checks
## on every access of memory-safe Swift) and parsing the templates per input. Now: inputs up to 1 KiB
## (as much coverage in the first minutes as 64 KiB), templates made once, and the fuzzer's coverage
## without ASan by default: Swift traps on bounds, overflow and unwrapping without it. `make fuzz
## FUZZ_SANITIZE=fuzzer,address` adds ASan (for the unsafe-pointer code and C), in .build-fuzz-asan,
## with lean allocation stacks (rerun a finding with ASAN_OPTIONS unset for full ones).
FUZZ_MAX_LEN ?= 1024
FUZZ_SANITIZE ?= fuzzer
FUZZ_SCRATCH := .build-fuzz$(if $(findstring address,$(FUZZ_SANITIZE)),-asan)
FUZZ_BUILD := $(SWIFT) build -c release --scratch-path $(FUZZ_SCRATCH) -Xswiftc -sanitize=$(FUZZ_SANITIZE) -Xswiftc -DSTEPDOC_FUZZ
FUZZ_RUN := SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=malloc_context_size=0:quarantine_size_mb=16
FUZZ_OPTIONS = -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) -timeout=10 -print_final_stats=1 \
	-artifact_prefix=.build-fuzz/findings/

fuzz-build: deps
	$(FUZZ_BUILD) --product StepDocFuzz
	$(FUZZ_BUILD) --product StepDocFuzzFacts

fuzz: fuzz-build
	Scripts/fuzz-corpus.sh .build-fuzz/corpus
	mkdir -p .build-fuzz/findings
	$(FUZZ_RUN) $(FUZZ_SCRATCH)/release/StepDocFuzz $(FUZZ_OPTIONS) -dict=Fuzz/rst.dict .build-fuzz/corpus/content
	$(FUZZ_RUN) $(FUZZ_SCRATCH)/release/StepDocFuzzFacts $(FUZZ_OPTIONS) -dict=Fuzz/facts.dict .build-fuzz/corpus/facts

## The whole test suite under the address sanitizer, in its own scratch folder. LeakSanitizer's
## reports about XCTest's own allocations are suppressed (Scripts/lsan-suppressions.txt); leaks in
## stepdoc's code are still reported. The suites with deadlines (file watchers, the preview server) run
## on their own afterwards, one test at a time: everything is two to three times slower under the
## sanitizer, and beside the rest of the suite they would miss their deadlines for want of a thread,
## not for a bug.
ASAN_TEST := LSAN_OPTIONS=suppressions=$(CURDIR)/Scripts/lsan-suppressions.txt $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --product generate-manual --sanitize=address --scratch-path .build-asan
	$(ASAN_TEST) --skip '$(TIMED_SUITES)'
	$(ASAN_TEST) --no-parallel --filter '$(TIMED_SUITES)'

## Plant each one-line fault of Scripts/mutants.txt, run the suites it names, and report the survivors
## (`N mutants, M survived`); in .build/mutation, so the normal build stays as it is.
mutation: deps
	python3 Scripts/mutation.py
