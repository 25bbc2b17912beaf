#!/usr/bin/env python3
"""Makes a Sphinx project around a folder of giza step files, for the peer benchmark: a conf.py with
MongoDB's roles registered, and an index whose toctree lists every file.
Usage: sphinx-project.py FILES_FOLDER PROJECT_FOLDER"""

import os
import shutil
import sys

source, project = sys.argv[1], sys.argv[2]
shutil.rmtree(project, ignore_errors=True)
shutil.copytree(source, project)
names = sorted(name[:-4] for name in os.listdir(project) if name.endswith(".rst"))
with open(os.path.join(project, "index.rst"), "w", encoding="utf-8") as index:
    index.write("Steps\n=====\n\n.. toctree::\n\n" + "".join(f"   {name}\n" for name in names))
roles = ["manual", "authrole", "binary", "dbcommand", "method", "setting", "program", "guilabel", "issue",
         "atlas", "option", "query", "parameter", "kbd"]
with open(os.path.join(project, "conf.py"), "w", encoding="utf-8") as conf:
    conf.write(
        "from docutils import nodes\n"
        "from docutils.parsers.rst import roles\n"
        "project = 'bench'\n"
        "exclude_patterns = []\n"
        "suppress_warnings = ['toc', 'ref']\n"
        # No sidebars: the default theme puts the whole toctree (all 2,000 pages) in every page's sidebar,
        # which makes writing the pages quadratic (over an hour here) and measures the theme, not reST.
        "html_sidebars = {'**': []}\n"
        "def setup(app):\n"
        f"    for name in {roles!r}:\n"
        "        if name not in ('guilabel', 'kbd', 'program', 'option'):\n"
        "            roles.register_generic_role(name, nodes.literal)\n"
    )
