"""The fork server of ``make mutation``: pytest runs for mutants without paying for start-up.

tools/mutation.py starts one per worker, with ``PYTHONPATH`` naming the worker's copy of
``src/``. It imports pytest, Hypothesis and the heavy libraries the tests use, but nothing of
confdata (``HYPOTHESIS_NO_PLUGINS`` keeps Hypothesis from importing confdata's strategies
hook). For each request, one JSON line ``{"args": [...], "env": {...}, "log": path}`` on
stdin, it forks:
the child, in a process group of its own, runs the Hypothesis plugins and pytest, so it
imports confdata (and the mutant) afresh; the server answers ``{"pid": ...}`` at once and
``{"code": ...}`` (pytest's exit code) when the child ends.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import sys
import traceback

# Libraries the tests import that are safe to load before a fork (no threads, no engine):
# loading them once here is most of what a mutant's run would spend starting.
PRELOAD = (
    "attrs",
    "typing_extensions",
    "jsonschema",
    "yaml",
    "dateutil.rrule",
    "icalendar",
    "googleapiclient.discovery",
    "googleapiclient.http",
    "pydantic",
    "sybil",
)


def main() -> None:
    import pytest

    # Hypothesis' pytest plugin, loaded now as pytest would load it before the first test:
    # what the children run later (confdata's hook) is then after its start, as usual.
    importlib.import_module("_hypothesis_pytestplugin")
    from hypothesis import entry_points

    for name in PRELOAD:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    assert not any(name.split(".")[0] == "confdata" for name in sys.modules), "confdata loaded"
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the child: one pytest run, then out without cleaning up the parent's
            os.setsid()
            # pytest's output goes to the log the request names (the last run's only).
            log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            os.dup2(log, 1)
            os.dup2(log, 2)
            del os.environ["HYPOTHESIS_NO_PLUGINS"]
            os.environ.update(request["env"])
            code = 3
            try:
                entry_points.run()  # what importing Hypothesis runs (confdata's hook)
                code = int(pytest.main(request["args"]))
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        print(json.dumps({"pid": pid}), flush=True)
        _, status = os.waitpid(pid, 0)
        print(json.dumps({"code": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    main()
