#!/usr/bin/env python3
"""docutils' rst2html on a giza step file, with Sphinx's `only` and `code-block` and MongoDB's roles
registered (from check-rst.py), for the peer benchmark. Usage: docutils-html.py INPUT OUTPUT"""

import importlib.util
import os
import sys

import docutils.core

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("check_rst", os.path.join(here, "check-rst.py"))
check_rst = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_rst)
check_rst.register()
with open(sys.argv[1], encoding="utf-8") as source:
    html = docutils.core.publish_string(
        source.read(), writer_name="html5", settings_overrides={"report_level": 5, "halt_level": 5})
with open(sys.argv[2], "wb") as output:
    output.write(html)
