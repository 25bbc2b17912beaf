# stepdoc — see README.md. `make run` and `make test` work on a fresh Debian machine with Swift.
SWIFT   ?= swift
STEPDOC := .build/debug/stepdoc

.PHONY: run test deps build output check roles format lint clean bench bench-peers bench-corpus

## Install what is missing, build, render content/ into output/, and validate it.
run: build
	$(STEPDOC) build
	$(STEPDOC) check

## Build and run every test (Swift Testing).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

deps:
	@Scripts/install-deps.sh

build: deps
	$(SWIFT) build --product stepdoc

BENCH_CORPUS := Benchmarks/corpus
BENCH_VENV   := .build/bench-venv

## Speed and memory on the generated corpus, against the targets (release build).
bench: deps
	$(SWIFT) build -c release --product stepdoc
	$(MAKE) bench-corpus
	python3 Benchmarks/Scripts/bench.py --stepdoc .build/release/stepdoc --corpus $(BENCH_CORPUS)

## The same, with docutils, pandoc, sphinx-build and cmark-gfm on the same inputs (installs them).
bench-peers: deps
	@Scripts/install-deps.sh pandoc cmark-gfm
	@[ -x $(BENCH_VENV)/bin/sphinx-build ] || (python3 -m venv $(BENCH_VENV) && $(BENCH_VENV)/bin/pip install -q docutils sphinx)
	$(SWIFT) build -c release --product stepdoc
	$(MAKE) bench-corpus
	python3 Benchmarks/Scripts/bench.py --stepdoc .build/release/stepdoc --corpus $(BENCH_CORPUS) --peers --venv $(BENCH_VENV)

bench-corpus:
	cd Benchmarks && $(SWIFT) build -c release --product corpus-gen
	@grep -qs "markdown=yes" $(BENCH_CORPUS)/MANIFEST.tsv || Benchmarks/.build/release/corpus-gen --seed 1 --out $(BENCH_CORPUS) --markdown

## Regenerate the MongoDB role table from ../shared/roles/mongodb-roles.tsv.
roles:
	python3 Scripts/generate-role-table.py

format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Sources Tests Package.swift

clean:
	rm -rf .build
