"""Run every Python code block of README.md and docs/ as a test (Sybil).

The blocks of one page share a namespace and run in order: a later block uses what an earlier
one defined, so a page must run whole in one pytest-xdist worker. ``addopts`` says
``--dist loadfile``, which sends each file (a page, or a test module) to one worker.
(``--dist loadgroup`` with ``xdist_group`` marks would spread the other tests more finely, but
pytest-xdist 3.8 groups nothing on pytest 9.2: pytest-dev/pytest-xdist#1386.) It also says
``--max-worker-restart 0``: pytest-xdist 3.8's loadfile hangs for ever once it replaces a
crashed worker (pytest-dev/pytest-xdist#784, #1378), so a crash fails the run instead.
tests/test_doc_workers.py runs a page on two workers, and a crash, to hold both.
"""

from __future__ import annotations

import pytest
from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser

pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser()],
    patterns=["README.md", "docs/*.md"],
).pytest()


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """Accept pytest-xdist's options in ``addopts`` when it is disabled (``-p no:xdist``)."""
    # pytest-xdist registers as "xdist" from its entry point, as "xdist.plugin" with -p.
    registered = pluginmanager.has_plugin("xdist") or pluginmanager.has_plugin("xdist.plugin")
    if not registered:
        unused = "pytest-xdist's option; unused without it"
        parser.addoption("--dist", default="no", help=unused)
        parser.addoption("--max-worker-restart", default=None, help=unused)
