#!/usr/bin/env python3
"""Render generated CommonMark files with cmark-gfm and check the structure came out as written.

Usage: check-markdown.py [--cmark PATH] FILE.md...   (exit 0: clean, 1: problems, 2: usage)

For each file: cmark-gfm must exit 0, and the HTML must hold one <h2> per "## Step" line, one <pre>
per fenced block, one <blockquote> with <strong>Note:</strong> per note, and one <a href> per
link. When the file sits in the corpus's markdown/ tree and its reST twin exists
(markdown/files/step-0001.md -> files/step-0001.rst), the counts must also match the twin's:
steps, code blocks, notes and links (external links plus :manual: and :issue: roles).
"""

import os
import re
import subprocess
import sys


def count(pattern, text):
    return len(re.findall(pattern, text, re.M))


def rst_twin(path):
    parts = os.path.abspath(path).split(os.sep)
    if "markdown" not in parts:
        return None
    index = len(parts) - 1 - parts[::-1].index("markdown")
    twin = os.sep.join(parts[:index] + parts[index + 1:])
    twin = twin[: -len(".md")] + ".rst"
    return twin if os.path.exists(twin) else None


def check(path, cmark):
    problems = []
    with open(path, encoding="utf-8") as source:
        markdown = source.read()
    result = subprocess.run(
        [cmark, "--extension", "table", "--extension", "strikethrough", "--extension", "autolink", path],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        return [f"cmark-gfm exited {result.returncode}: {result.stderr.strip()}"]
    html = result.stdout

    steps = count(r"^## Step \d+: ", markdown)
    fences = count(r"^```", markdown) // 2
    notes = count(r"^> \*\*Note:\*\*(?: |$)", markdown)
    links = count(r"\]\(https://", markdown)
    expected = {
        "steps (<h2>)": (steps, count(r"<h2>Step \d+: ", html)),
        "code blocks (<pre>)": (fences, count(r"<pre", html)),
        "notes (<blockquote>)": (notes, count(r"<blockquote>\n<p><strong>Note:</strong>\s", html)),
        "links (<a href>)": (links, count(r'<a href="https://', html)),
        "headings of any level": (steps, count(r"<h\d", html)),
    }
    twin = rst_twin(path)
    if twin:
        with open(twin, encoding="utf-8") as source:
            rst = source.read()
        expected["steps vs reST"] = (steps, count(r"^\.\. only:: not\(html or dirhtml or singlehtml\)$", rst))
        expected["code blocks vs reST"] = (fences, count(r"^   \.\. code-block:: ", rst) // 2)
        expected["notes vs reST"] = (notes, count(r"^   \.\. note::$", rst) // 2)
        expected["links vs reST"] = (links, (count(r">`_", rst) + count(r":(manual|issue):`", rst)) // 2)
    for what, (wanted, got) in expected.items():
        if wanted != got:
            problems.append(f"{what}: expected {wanted}, got {got}")
    return problems


def main(argv):
    cmark = "cmark-gfm"
    files = argv[1:]
    if len(files) >= 2 and files[0] == "--cmark":
        cmark, files = files[1], files[2:]
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    failed = 0
    for path in files:
        problems = check(path, cmark)
        for problem in problems:
            print(f"{path}: {problem}")
        failed += bool(problems)
    print(f"{len(files)} files checked, {failed} with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
