"""The pytest plugin of ``make mutation`` (tools/mutation.py loads it with ``-p``).

It registers the Hypothesis profile the mutant runs use, and writes what the runner reads: in
the map run, how long each test and each test module's collection took and which tests
failed; in a mutant's run, the test that failed first. It imports nothing of confdata, so a
mutant's confdata is imported only by the tests.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import settings

# The dev profile of tests/conftest.py (10 examples, no deadline) with a fixed seed, so a
# mutant is killed or not the same way on every run, and no example database, so no run
# depends on an earlier one. tests/conftest.py loads it when HYPOTHESIS_PROFILE says so.
settings.register_profile(
    "mutation", max_examples=10, deadline=None, derandomize=True, database=None
)

_MAP = "CONFDATA_MUTATION_MAP"  # a folder: the map run writes its timings there
_FAILURE = "CONFDATA_MUTATION_FAILURE"  # a file: a mutant's run names its first failure
_SELECTION = "CONFDATA_MUTATION_SELECTION"  # a file: the tests a mutant's run runs, in order
_KNOWN = "CONFDATA_MUTATION_KNOWN"  # a file: every test of the map

_tests: dict[str, float] = {}
_failed: set[str] = set()
_modules: dict[str, float] = {}
_started: dict[str, float] = {}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep the selected tests, in the order given (a whole document for a file name).

    A mutated table may change the parameters of a test (its IDs are made from the table):
    a test the map does not know is run when its function is selected.
    """
    selection = os.environ.get(_SELECTION)
    if not selection:
        return
    chosen: list[str] = json.loads(Path(selection).read_text(encoding="utf-8"))
    known = set(json.loads(Path(os.environ[_KNOWN]).read_text(encoding="utf-8")))
    rank: dict[str, int] = {}
    for position, nodeid in enumerate(chosen):
        rank.setdefault(nodeid, position)
        rank.setdefault(nodeid.partition("[")[0], position)
    kept: list[tuple[int, int, pytest.Item]] = []
    dropped: list[pytest.Item] = []
    for position, item in enumerate(items):
        nodeid = item.nodeid
        found = rank.get(nodeid) if nodeid in known else rank.get(nodeid.partition("[")[0])
        if found is None:
            found = rank.get(nodeid.partition("::")[0])  # a document, whole
        if found is None:
            dropped.append(item)
        else:
            kept.append((found, position, item))
    kept.sort(key=lambda entry: entry[:2])
    items[:] = [item for _, _, item in kept]
    if dropped:
        config.hook.pytest_deselected(items=dropped)


def pytest_collectstart(collector: pytest.Collector) -> None:
    if isinstance(collector, pytest.Module):
        _started[collector.nodeid] = time.perf_counter()


def pytest_collectreport(report: pytest.CollectReport) -> None:
    """Time each module's collection (its imports); a collection error (a mutant that breaks
    an import) is the failure."""
    if report.nodeid in _started:
        _modules[report.nodeid] = time.perf_counter() - _started.pop(report.nodeid)
    if report.failed:
        _note_failure(f"collecting {report.nodeid or 'the session'}")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Add up each test's setup, call and teardown; note the first failure."""
    _tests[report.nodeid] = _tests.get(report.nodeid, 0.0) + report.duration
    if report.failed:
        _failed.add(report.nodeid)
        _note_failure(report.nodeid)


def _note_failure(what: str) -> None:
    path = os.environ.get(_FAILURE)
    if path and not Path(path).exists():
        Path(path).write_text(what, encoding="utf-8")


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In the map run, write the timings this process saw: xdist's controller gets every
    test's report, each worker times its own collection."""
    folder = os.environ.get(_MAP)
    if not folder:
        return
    worker = getattr(session.config, "workerinput", {}).get("workerid")
    if worker is None:
        tests = {t: {"seconds": s, "failed": t in _failed} for t, s in _tests.items()}
        Path(folder, "tests.json").write_text(json.dumps(tests), encoding="utf-8")
    Path(folder, f"modules-{worker or 'main'}.json").write_text(
        json.dumps(_modules), encoding="utf-8"
    )
