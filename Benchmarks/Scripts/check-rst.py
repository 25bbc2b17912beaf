#!/usr/bin/env python3
"""Parse generated giza step files with docutils and fail on any warning or error.

Usage: check-rst.py FILE...   (exit 0: clean, 1: problems found, 2: usage)

docutils knows neither Sphinx's directives nor MongoDB's roles, so this registers:
- `only` (Sphinx): parses its content with section titles allowed, each block with its own title
  styles, as Sphinx's Only directive does;
- `code-block` (Sphinx) with giza's options (`:copyable:` …): a literal block;
- MongoDB's roles (every role in ../shared/roles/mongodb-roles.tsv when that file is there, plus the
  ones the generator uses) as generic literal roles.
Messages of level INFO (e.g. the same link name with the same URL in both branches) are not problems.
"""

import io
import os
import re
import sys

import docutils.core
import docutils.utils
from docutils import nodes
from docutils.parsers.rst import Directive, directives, roles

USED_ROLES = [
    "manual", "authrole", "binary", "dbcommand", "method", "setting", "program", "guilabel", "issue",
    "atlas", "option", "query", "parameter", "kbd", "file", "doc", "ref", "term",
]


class Only(Directive):
    has_content = True
    required_arguments = 1
    final_argument_whitespace = True

    def run(self):
        node = nodes.container(classes=["only"])
        node["expr"] = self.arguments[0]
        memo = self.state.memo
        saved = memo.title_styles, memo.section_level
        memo.title_styles, memo.section_level = [], 0
        try:
            self.state.nested_parse(self.content, self.content_offset, node, match_titles=True)
        finally:
            memo.title_styles, memo.section_level = saved
        return [node]


class CodeBlock(Directive):
    has_content = True
    optional_arguments = 1
    option_spec = {
        "copyable": directives.unchanged,
        "linenos": directives.flag,
        "emphasize-lines": directives.unchanged,
        "caption": directives.unchanged,
        "dedent": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self):
        if not self.content:
            raise self.error("code-block without content")
        text = "\n".join(self.content)
        return [nodes.literal_block(text, text, language=(self.arguments or [""])[0])]


def register():
    directives.register_directive("only", Only)
    directives.register_directive("code-block", CodeBlock)
    names = set(USED_ROLES)
    tsv = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "roles",
                       "mongodb-roles.tsv")
    if os.path.exists(tsv):
        with open(tsv, encoding="utf-8") as rows:
            next(rows, None)
            names.update(line.split("\t", 1)[0] for line in rows if line.strip())
    for name in sorted(names):
        roles.register_generic_role(name, nodes.literal)


def check(path):
    """Returns docutils' report for `path` at level WARNING and above ("" when clean).

    Goes through the reporter's stream, so messages from transforms (unknown targets, duplicate
    names) count too, not just the ones left in the tree."""
    with open(path, encoding="utf-8") as source:
        text = source.read()
    stream = io.StringIO()
    settings = {
        "report_level": docutils.utils.Reporter.WARNING_LEVEL,
        "halt_level": docutils.utils.Reporter.SEVERE_LEVEL + 1,
        "warning_stream": stream,
        "file_insertion_enabled": False,
    }
    docutils.core.publish_doctree(text, source_path=path, settings_overrides=settings)
    return stream.getvalue()


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    register()
    problems = 0
    for path in argv[1:]:
        report = check(path)
        if report:
            problems += len(re.findall(r"^\S.*:\d*: \((WARNING|ERROR|SEVERE)/\d\)", report, re.M)) or 1
            sys.stdout.write(report)
    print(f"{len(argv) - 1} files checked, {problems} warnings or errors")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
