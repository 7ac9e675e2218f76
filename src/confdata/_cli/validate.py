"""``confdata validate``: read every file named, check its conference data, report."""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

from .._core.problems import ValidationError
from .._core.sink import Sink
from ..manifest import Manifest
from .documents import check_document
from .exits import EXIT_USAGE
from .files import CHUNK, InputFault, iter_inputs, read_bounded, read_regular_file
from .jsontext import JSONTextError, Positions, parse_json_text
from .output import Report, Row, safe_line

__all__ = ["PROGRESS_AFTER", "validate"]

PROGRESS_AFTER = 2.0
"""Seconds after which a run on a terminal shows how many files it has checked."""

_TOO_LARGE_HINT = " (see --max-bytes)"


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputFault("standard input is not open for reading bytes")
    data = read_bounded(getattr(stream, "read1", stream.read), max_bytes, CHUNK)
    if len(data) > max_bytes:
        raise InputFault(f"larger than {max_bytes} bytes{_TOO_LARGE_HINT}; not read")
    return data


def _text(data: bytes) -> str:
    if not data or data.isspace():
        raise JSONTextError("empty file: no JSON value")
    if b"\x00" in data:
        raise JSONTextError("binary file (it contains NUL bytes), not JSON text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JSONTextError(
            f"not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from None


def _check(
    path: str, args: argparse.Namespace, solution_ids: frozenset[str] | None, report: Report
) -> None:
    try:
        if path == "-":
            data = _read_stdin(args.max_bytes)
        else:
            data = read_regular_file(path, args.max_bytes, checked=True, hint=_TOO_LARGE_HINT)
        text = _text(data)
        value, duplicates = parse_json_text(text)
    except JSONTextError as error:
        report.input_error(path, str(error), error.line, error.column)
        return
    except InputFault as error:
        report.input_error(path, str(error))
        return
    except OSError as error:
        report.input_error(path, error.strerror or str(error))
        return
    found_problems, found = check_document(value, args.form, solution_ids)
    if not found:
        report.input_error(path, "no conference data found in this JSON document")
        return
    rows: list[Row] = []
    if duplicates or found_problems:
        sink = Sink()  # the same bound as every other report (SPEC §4.1)
        sink.extend(duplicates)
        sink.extend(found_problems)
        positions = Positions(text)
        rows = [(p, *positions.locate(p.path)) for p in sink.finish()]
    report.problems(path, rows)


def validate(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``confdata validate``; returns the exit status."""
    solution_ids = None
    if args.manifest is not None:
        try:
            solution_ids = Manifest.load(args.manifest, max_bytes=args.max_bytes).solution_ids
        except ValidationError as error:
            for problem in error.problems:
                sys.stderr.write(safe_line(f"confdata: --manifest: {problem.message}"))
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
