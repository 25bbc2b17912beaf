#!/usr/bin/env python3
"""make mutation: plants each one-line fault of Scripts/mutants.txt, runs the suites it names, and
checks that a test goes red. Ends with `N mutants, M survived` and the survivors.

A mutant is a block of the catalogue:

    ## a name saying what the fault is
    file: Sources/Module/File.swift
    find: an exact text that occurs once in the file
    replace: what it becomes
    suites: SuiteA|SuiteB        (a `swift test --filter` pattern)

A mutant whose text no longer occurs once, or that does not compile, is a broken catalogue entry, not
a kill: it is listed and the run fails, so the catalogue keeps up with the code. The source file is
restored after each mutant, also when the run is interrupted.
"""
import argparse
import os
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRATCH = os.path.join(ROOT, ".build", "mutation")


def parse(path):
    mutants, current = [], None
    for number, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if line.startswith("## "):
            current = {"name": line[3:].strip(), "line": number}
            mutants.append(current)
        elif current is not None and ": " in line and not line.startswith("#"):
            key, value = line.split(": ", 1)
            if key in ("file", "find", "replace", "suites"):
                current[key] = value.replace("\\n", "\n")
        elif line.strip() and not line.startswith("#"):
            sys.exit(f"{path}:{number}: not a mutant line: {line}")
    for mutant in mutants:
        missing = [k for k in ("file", "find", "replace", "suites") if k not in mutant]
        if missing:
            sys.exit(f"{path}:{mutant['line']}: mutant '{mutant['name']}' lacks {', '.join(missing)}")
    return mutants


def swift(*arguments, log):
    command = ["swift", *arguments, "--scratch-path", SCRATCH]
    with open(log, "w") as out:
        return subprocess.run(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT).returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", default=os.path.join(ROOT, "Scripts", "mutants.txt"))
    parser.add_argument("--only", help="run the mutants whose name contains this text")
    options = parser.parse_args()
    mutants = parse(options.catalogue)
    if options.only:
        mutants = [m for m in mutants if options.only in m["name"]]
    logs = os.path.join(SCRATCH, "logs")
    os.makedirs(logs, exist_ok=True)

    started = time.monotonic()
    print(f"mutation: building the unmutated tests in {os.path.relpath(SCRATCH, ROOT)}", flush=True)
    if swift("build", "--build-tests", log=os.path.join(logs, "baseline-build.log")) != 0:
        sys.exit("mutation: the unmutated code does not build; see .build/mutation/logs/baseline-build.log")

    survivors, broken = [], []
    restore = {}

    def put_back(*_):
        for path, text in restore.items():
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        restore.clear()

    def interrupted(signum, _frame):
        put_back()
        sys.exit(128 + signum)

    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)

    for index, mutant in enumerate(mutants, 1):
        path = os.path.join(ROOT, mutant["file"])
        label = f"[{index}/{len(mutants)}] {mutant['name']}"
        try:
            original = open(path, encoding="utf-8").read()
        except OSError as error:
            broken.append(f"{mutant['name']}: {error}")
            print(f"{label}: BROKEN ({error})", flush=True)
            continue
        occurrences = original.count(mutant["find"])
        if occurrences != 1:
            broken.append(f"{mutant['name']}: the text occurs {occurrences} times in {mutant['file']}")
            print(f"{label}: BROKEN (text occurs {occurrences} times)", flush=True)
            continue
        slug = "".join(c if c.isalnum() else "-" for c in mutant["name"])[:60]
        restore[path] = original
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(original.replace(mutant["find"], mutant["replace"]))
            began = time.monotonic()
            if swift("build", "--build-tests", log=os.path.join(logs, f"{index:02}-{slug}-build.log")) != 0:
                broken.append(f"{mutant['name']}: does not compile (logs/{index:02}-{slug}-build.log)")
                print(f"{label}: BROKEN (does not compile)", flush=True)
                continue
            status = swift(
                "test", "--skip-build", "--filter", mutant["suites"],
                log=os.path.join(logs, f"{index:02}-{slug}-test.log"))
            seconds = time.monotonic() - began
            if status == 0:
                survivors.append(f"{mutant['name']} ({mutant['file']}; suites {mutant['suites']})")
                print(f"{label}: SURVIVED ({seconds:.0f} s)", flush=True)
            else:
                print(f"{label}: killed ({seconds:.0f} s)", flush=True)
        finally:
            put_back()

    # Leave the scratch build matching the unmutated sources.
    swift("build", "--build-tests", log=os.path.join(logs, "restore-build.log"))
    minutes = (time.monotonic() - started) / 60
    print(f"mutation: {minutes:.1f} minutes")
    for entry in broken:
        print(f"broken: {entry}")
    print(f"{len(mutants)} mutants, {len(survivors)} survived")
    for entry in survivors:
        print(f"survived: {entry}")
    return 1 if survivors or broken else 0


if __name__ == "__main__":
    sys.exit(main())
