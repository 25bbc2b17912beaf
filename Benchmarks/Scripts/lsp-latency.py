#!/usr/bin/env python3
"""stepdoc lsp's speed as an editor sees it: the time from sending a change to a ~50 KB step file to
receiving the diagnostics of that version (median and p90 over N changes), and the server's resident
memory before and after 10,000 more edits.

Usage: lsp-latency.py --stepdoc BIN [--kilobytes 50] [--changes 200] [--edits 10000] [--json]

The step file is the shipped procedure's steps repeated until it reaches the size, renumbered by
`stepdoc fmt`. Each change types a word in the middle of the file or deletes it again (the text keeps its
size); the edits for the memory figure are sent in bursts of 100, each burst waited for.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

MIB = 1024 * 1024


class Server:
    def __init__(self, stepdoc, cwd):
        self.process = subprocess.Popen([stepdoc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, cwd=cwd)
        self.buffer = b""
        self.next_id = 1

    def send(self, message):
        body = json.dumps(message, separators=(",", ":")).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == ident and "method" not in m)

    def read(self):
        while True:
            header_end = self.buffer.find(b"\r\n\r\n")
            if header_end >= 0:
                length = int(re.search(rb"Content-Length: *(\d+)", self.buffer[:header_end]).group(1))
                start = header_end + 4
                if len(self.buffer) >= start + length:
                    message = json.loads(self.buffer[start:start + length])
                    self.buffer = self.buffer[start + length:]
                    return message
            chunk = os.read(self.process.stdout.fileno(), 1 << 20)
            if not chunk:
                raise SystemExit("stepdoc lsp closed its output")
            self.buffer += chunk

    def wait(self, matches):
        while True:
            message = self.read()
            if matches(message):
                return message

    def diagnostics(self, uri, version):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version)

    def resident(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0


def step_file(stepdoc, seed, size, folder):
    """The seed's steps repeated to `size` bytes, renumbered and re-underlined by stepdoc fmt."""
    text = open(seed, encoding="utf-8").read()
    parts = re.split(r"(?=^\.\. only:: html or dirhtml or singlehtml$)", text, flags=re.M)
    steps = [part for part in parts if part.startswith(".. only::")]
    out = []
    total = 0
    index = 0
    while total < size:
        step = steps[index % len(steps)]
        out.append(step)
        total += len(step.encode())
        index += 1
    path = os.path.join(folder, "content", "bench.rst")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("".join(out))
    subprocess.run([stepdoc, "fmt", path], cwd=folder, check=True, stdout=subprocess.DEVNULL)
    return path, index


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stepdoc", required=True)
    parser.add_argument("--seed", default="content/atlas-live-migration-prerequisites.rst")
    parser.add_argument("--kilobytes", type=int, default=50)
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--edits", type=int, default=10000)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    stepdoc = os.path.abspath(options.stepdoc)
    folder = tempfile.mkdtemp(prefix="stepdoc-lsp-latency-")
    try:
        path, steps = step_file(stepdoc, os.path.abspath(options.seed), options.kilobytes * 1024, folder)
        text = open(path, encoding="utf-8").read()
        uri = "file://" + path
        server = Server(stepdoc, folder)
        server.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + folder, "capabilities": {}})
        server.notify("initialized", {})
        server.notify("textDocument/didOpen",
                      {"textDocument": {"uri": uri, "languageId": "rst", "version": 1, "text": text}})
        server.diagnostics(uri, 1)
        lines = text.split("\n")
        line = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].startswith("   ") and len(lines[i]) > 20)
        version = 1

        def change(insert):
            nonlocal version
            version += 1
            end = 3 if insert else 8
            server.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": line, "character": 3},
                                              "end": {"line": line, "character": end}},
                                    "text": "word " if insert else ""}]})

        latencies = []
        for index in range(options.changes):
            started = time.perf_counter()
            change(index % 2 == 0)
            server.diagnostics(uri, version)
            latencies.append((time.perf_counter() - started) * 1000)
        if options.changes % 2:
            change(False)
            server.diagnostics(uri, version)
        latencies.sort()
        median = statistics.median(latencies)
        p90 = latencies[min(len(latencies) - 1, len(latencies) * 9 // 10)]
        before = server.resident()
        for index in range(options.edits):
            change(index % 2 == 0)
            if index % 100 == 99:
                server.diagnostics(uri, version)
        server.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        after = server.resident()
        server.request("shutdown", None)
        server.notify("exit", None)
        status = server.process.wait(timeout=10)
        figures = {"bytes": len(text.encode()), "steps": steps, "changes": options.changes, "median_ms": median,
                   "p90_ms": p90, "edits": options.edits, "rss_before": before, "rss_after": after, "exit": status}
        if options.json:
            print(json.dumps(figures))
        else:
            print(f"stepdoc lsp on a {figures['bytes'] / 1024:.0f} KiB step file ({steps} steps)")
            print(f"  diagnostics after a change: median {median:.1f} ms, p90 {p90:.1f} ms ({options.changes} changes)"
                  f"   target ≤ 20 ms {'✔' if median <= 20 else '✘'}")
            print(f"  resident memory: {before / MIB:.1f} MiB, then {after / MIB:.1f} MiB after {options.edits:,} edits"
                  f"   target flat (≤ +8 MiB) {'✔' if after - before <= 8 * MIB else '✘'}")
            print(f"  exit status after shutdown and exit: {status}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
