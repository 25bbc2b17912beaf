# stepdoc — see README.md. `make run` and `make test` work on a fresh Debian machine with Swift.
SWIFT   ?= swift
STEPDOC := .build/debug/stepdoc

.PHONY: run test deps build output check roles format lint clean

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

## Regenerate the MongoDB role table from ../shared/roles/mongodb-roles.tsv.
roles:
	python3 Scripts/generate-role-table.py

format:
	$(SWIFT) format --in-place --recursive --configuration .swift-format Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive --configuration .swift-format Sources Tests Package.swift

clean:
	rm -rf .build
