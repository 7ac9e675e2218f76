"""The pytest plugin of ``make mutation`` (tools/mutation.py loads it with ``-p``).

It registers the Hypothesis profile the mutant runs use, and writes what the runner reads: in
the map run, each test's duration and outcome; in a mutant's run, the test that failed first.
It imports nothing of confdata, so a mutant's confdata is imported only by the tests.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# The dev profile of tests/conftest.py (10 examples, no deadline) with a fixed seed, so a
# mutant is killed or not the same way on every run, and no example database, so no run
# depends on an earlier one. tests/conftest.py loads it when HYPOTHESIS_PROFILE says so.
settings.register_profile(
    "mutation", max_examples=10, deadline=None, derandomize=True, database=None
)

_DURATIONS = "CONFDATA_MUTATION_DURATIONS"
_FAILURE = "CONFDATA_MUTATION_FAILURE"

_durations: dict[str, float] = {}
_failed: set[str] = set()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Add up each test's setup, call and teardown; note the first failure."""
    _durations[report.nodeid] = _durations.get(report.nodeid, 0.0) + report.duration
    if report.failed:
        _failed.add(report.nodeid)
        _note_failure(report.nodeid)


def pytest_collectreport(report: pytest.CollectReport) -> None:
    """A collection error (a mutant that breaks an import) is the failure."""
    if report.failed:
        _note_failure(f"collecting {report.nodeid or 'the session'}")


def _note_failure(what: str) -> None:
    path = os.environ.get(_FAILURE)
    if path and not Path(path).exists():
        Path(path).write_text(what, encoding="utf-8")


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In the map run, write every test's duration and whether it failed (the controller
    writes it when xdist runs the tests, as it receives every worker's reports)."""
    path = os.environ.get(_DURATIONS)
    if path and not hasattr(session.config, "workerinput"):
        tests = {
            nodeid: {"seconds": round(seconds, 4), "failed": nodeid in _failed}
            for nodeid, seconds in _durations.items()
        }
        Path(path).write_text(json.dumps(tests, indent=1, sort_keys=True), encoding="utf-8")
