"""``confdata validate``: read every file named, check its conference data, report."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from .._core.sink import Sink
from .documents import check_document
from .exits import EXIT_USAGE
from .files import iter_inputs
from .jsontext import Positions
from .output import Report, Row, safe_line, shown_name
from .reader import InputError, fault_line, read_json

__all__ = ["PROGRESS_AFTER", "validate"]

PROGRESS_AFTER = 2.0
"""Seconds after which a run on a terminal shows how many files it has checked."""


def _check(
    path: str, args: argparse.Namespace, solution_ids: frozenset[str] | None, report: Report
) -> None:
    # One sink for the document: duplicate keys and the conferences' problems are bounded
    # together, once (a second sink would count the first one's summary as a problem).
    sink = Sink()
    try:
        text, value = read_json(path, args.max_bytes, checked=True, duplicates=sink)
    except InputError as error:
        report.input_error(path, error.message, error.line, error.column)
        return
    if not check_document(sink, value, args.form, solution_ids):
        report.input_error(path, "no conference data found in this JSON document")
        return
    rows: list[Row] = []
    problems = sink.finish()
    if problems:  # positions are looked up only for a file that has problems
        places = Positions(text).locate_all([p.path for p in problems])
        rows = [(p, line, column) for p, (line, column) in zip(problems, places, strict=True)]
    report.problems(path, rows)


def _solution_ids(path: str, max_bytes: int) -> frozenset[str] | None:
    """The solution IDs of the ``--manifest`` file, or None (its faults and problems
    written on standard error, one line each)."""
    # Only a run with --manifest loads the manifest's values (and their generated code).
    from .._core.problems import ValidationError
    from ..manifest import Manifest

    try:
        _, value = read_json(path, max_bytes)
    except InputError as error:
        sys.stderr.write(fault_line("--manifest", path, error))
        return None
    try:
        return Manifest.from_json(value).solution_ids
    except ValidationError as error:
        for problem in error.problems:
            sys.stderr.write(safe_line(f"confdata: --manifest: {shown_name(path)}: {problem}"))
        return None


def validate(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``confdata validate``; returns the exit status."""
    solution_ids = None
    if args.manifest is not None:
        solution_ids = _solution_ids(args.manifest, args.max_bytes)
        if solution_ids is None:
            return EXIT_USAGE
    report = Report(args.format, args.strict, out)
    show_progress = args.format != "json" and sys.stderr.isatty()
    started = time.monotonic()
    for count, (path, fault) in enumerate(iter_inputs(args.paths), 1):
        if show_progress and count % 100 == 0 and time.monotonic() - started > PROGRESS_AFTER:
            sys.stderr.write(f"\rconfdata: {count} files checked…")
            sys.stderr.flush()
        if fault is not None:
            report.input_error(path, fault)
        else:
            _check(path, args, solution_ids, report)
    if show_progress and time.monotonic() - started > PROGRESS_AFTER:
        sys.stderr.write("\r\033[K")
    return report.finish()
