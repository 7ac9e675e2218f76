"""The ``confdata`` command: validate files in CI, print the JSON Schema, rules and examples."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from . import __version__
from ._documents import check_document
from ._jsontext import JSONTextError, Positions, parse_json_text
from ._problems import Problem, Severity, ValidationError
from ._text import describe_type
from .catalog import RULES, rules_markdown
from .fixtures import FIXTURES
from .manifest import Manifest

__all__ = ["main"]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
MAX_BYTES = 20 * 1024 * 1024
PROGRESS_AFTER = 2.0

VALIDATE_EXAMPLES = """\
examples:
  confdata validate fixtures/                   every *.json below fixtures/, recursively
  confdata validate --form addon response.json  an onCreateFunction response
  curl -s "$API/events" | confdata validate -   an events list from standard input
  confdata validate --format github --strict fixtures/
exit status: 0 valid, 1 problems found (warnings too with --strict), 2 usage or input errors
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own exit status for usage errors is 2
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = _Parser(
        prog="confdata",
        description="Check Google Calendar third-party conference data.",
        epilog="Run 'confdata COMMAND --help' for a command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"confdata {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    validate = commands.add_parser(
        "validate",
        help="check JSON files of conference data",
        description="Check conference data in JSON files: a conferenceData object (either "
        "form), an Event resource, an events list response, or an array of them.",
        epilog=VALIDATE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file, a directory (searched for *.json), or - for stdin",
    )
    validate.add_argument(
        "--form",
        choices=("calendar", "addon", "auto"),
        default="auto",
        help="the form to check (default: guess per object)",
    )
    validate.add_argument("--strict", action="store_true", help="warnings fail too")
    validate.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="output format (default: text)",
    )
    validate.add_argument(
        "--manifest",
        metavar="FILE",
        help="appsscript.json or deployment JSON: check conferenceSolutionId",
    )
    validate.add_argument(
        "--max-bytes",
        type=int,
        default=MAX_BYTES,
        metavar="N",
        help=f"skip files larger than this (default: {MAX_BYTES})",
    )

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema (draft 2020-12) of a form",
        description="Print a JSON Schema expressing as many rules as JSON Schema can.",
        epilog="example:\n  confdata schema --form calendar > conference.schema.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    schema.add_argument("--form", choices=("calendar", "addon"), default="calendar")

    rules = commands.add_parser(
        "rules",
        help="print the rule catalog",
        description="Print every rule: code, severity, summary and Google source.",
        epilog="examples:\n  confdata rules\n  confdata rules --format markdown",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    example = commands.add_parser(
        "example",
        help="print a valid example payload",
        description="Print a valid payload to start a fixture from.",
        epilog="examples:\n  confdata example --kind full\n"
        "  confdata example --kind authentication-error --form addon",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    example.add_argument("--kind", choices=tuple(FIXTURES), default="full")
    example.add_argument("--form", choices=("calendar", "addon"), default="calendar")

    # confdata.providers owns `convert`; its module imports the converters only when it runs.
    from .providers import _cli as providers_cli

    providers_cli.add_parser(commands)
    return parser


def _iter_paths(paths: Sequence[str], errors: list[tuple[str, str]]) -> Iterator[str]:
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        found = False

        def failed(error: OSError, top: str = path) -> None:
            errors.append((error.filename or top, error.strerror or str(error)))

        for directory, subdirs, files in os.walk(path, onerror=failed):
            subdirs.sort()
            for name in sorted(files):
                if name.endswith(".json"):
                    found = True
                    yield os.path.join(directory, name)
        if not found:
            errors.append((path, "no *.json file found in this directory"))


def _read(path: str, max_bytes: int) -> str:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        with open(path, "rb") as file:
            data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise JSONTextError(f"larger than {max_bytes} bytes (see --max-bytes); not checked")
    if not data.strip():
        raise JSONTextError("empty file: no JSON value")
    if b"\x00" in data:
        raise JSONTextError("binary file (it contains NUL bytes), not JSON text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JSONTextError(
            f"not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from None


class _Report:
    """Collects results and prints them in the chosen format, streaming where it can."""

    def __init__(self, fmt: str, strict: bool, out: TextIO) -> None:
        self.fmt, self.strict, self.out = fmt, strict, out
        self.files = self.errors = self.warnings = self.input_errors = 0
        self.json_files: list[dict[str, Any]] = []

    def input_error(self, path: str, message: str, line: int = 0, column: int = 0) -> None:
        self.input_errors += 1
        name = "<stdin>" if path == "-" else path
        if self.fmt == "json":
            self.json_files.append(
                {
                    "path": name,
                    "error": message,
                    "line": line or None,
                    "column": column or None,
                    "problems": [],
                }
            )
        elif self.fmt == "github":
            where = f"file={_escape_property(name)}" + (
                f",line={line},col={column}" if line else ""
            )
            self.out.write(f"::error {where},title=confdata::{_escape(message)}\n")
        else:
            where = f"{name}:{line}:{column}" if line else name
            self.out.write(f"{where}: input-error {message}\n")

    def problems(self, path: str, problems: list[Problem], text: str) -> None:
        self.files += 1
        name = "<stdin>" if path == "-" else path
        positions = Positions(text) if problems else None
        rows = []
        for problem in problems:
            if problem.severity is Severity.ERROR:
                self.errors += 1
            else:
                self.warnings += 1
            assert positions is not None
            line, column = positions.locate(problem.path)
            rows.append((problem, line, column))
        if self.fmt == "json":
            self.json_files.append(
                {
                    "path": name,
                    "error": None,
                    "problems": [
                        {
                            "code": p.code,
                            "severity": p.severity.value,
                            "path": p.path,
                            "message": p.message,
                            "line": line,
                            "column": column,
                        }
                        for p, line, column in rows
                    ],
                }
            )
            return
        for problem, line, column in rows:
            severity = problem.severity.value
            if self.fmt == "github":
                message = _escape(f"{problem.path or '/'} {problem.message}")
                self.out.write(
                    f"::{severity} file={_escape_property(name)},line={line},col={column},"
                    f"title=confdata {problem.code}::{message}\n"
                )
            else:
                self.out.write(
                    f"{name}:{line}:{column}: {severity} {problem.code} "
                    f"{problem.path or '/'}: {problem.message}\n"
                )

    def failed(self) -> bool:
        return self.errors > 0 or (self.strict and self.warnings > 0)

    def finish(self) -> int:
        status = EXIT_USAGE if self.input_errors else EXIT_PROBLEMS if self.failed() else EXIT_OK
        summary = {
            "files": self.files,
            "errors": self.errors,
            "warnings": self.warnings,
            "input_errors": self.input_errors,
            "exit_status": status,
        }
        if self.fmt == "json":
            json.dump({"files": self.json_files, "summary": summary}, self.out, indent=2)
            self.out.write("\n")
        elif self.fmt == "text":
            unreadable = f", {self.input_errors} unreadable" if self.input_errors else ""
            self.out.write(
                f"checked {self.files} file(s): {self.errors} error(s), "
                f"{self.warnings} warning(s){unreadable}\n"
            )
        return status


def _escape(message: str) -> str:
    """GitHub Actions workflow-command escaping of a message."""
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """GitHub Actions workflow-command escaping of a property value (file names)."""
    return _escape(value).replace(":", "%3A").replace(",", "%2C")


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    solution_ids = None
    if args.manifest is not None:
        try:
            solution_ids = Manifest.load(args.manifest).solution_ids
        except ValidationError as error:
            sys.stderr.write(f"confdata: manifest {args.manifest}: {error}\n")
            return EXIT_USAGE
    report = _Report(args.format, args.strict, out)
    walk_errors: list[tuple[str, str]] = []
    show_progress = args.format != "json" and sys.stderr.isatty()
    started = time.monotonic()
    for count, path in enumerate(_iter_paths(args.paths, walk_errors), 1):
        if show_progress and count % 100 == 0 and time.monotonic() - started > PROGRESS_AFTER:
            sys.stderr.write(f"\rconfdata: {count} files checked…")
            sys.stderr.flush()
        try:
            text = _read(path, args.max_bytes)
            value, problems = parse_json_text(text)
        except JSONTextError as error:
            report.input_error(path, str(error), error.line, error.column)
            continue
        except OSError as error:
            report.input_error(path, error.strerror or str(error))
            continue
        found_problems, found = check_document(value, args.form, solution_ids)
        problems.extend(found_problems)
        if not found:
            report.input_error(path, "no conference data found in this JSON document")
            continue
        report.problems(path, problems, text)
    if show_progress and time.monotonic() - started > PROGRESS_AFTER:
        sys.stderr.write("\r\033[K")
    for path, message in walk_errors:
        report.input_error(path, message)
    return report.finish()


def _rules(fmt: str, out: TextIO) -> int:
    if fmt == "markdown":
        out.write(rules_markdown())
    elif fmt == "json":
        json.dump(
            [
                {
                    "code": r.code,
                    "severity": r.severity.value,
                    "summary": r.summary,
                    "source": r.source,
                }
                for r in RULES.values()
            ],
            out,
            indent=2,
        )
        out.write("\n")
    else:
        width = max(len(code) for code in RULES)
        for rule in RULES.values():
            source = f"  [{rule.source}]" if rule.source else ""
            out.write(f"{rule.code:<{width}}  {rule.severity.value:<7}  {rule.summary}{source}\n")
    return EXIT_OK


def _example(kind: str, form: str, out: TextIO) -> int:
    data = FIXTURES[kind]()
    payload: Any = data.to_addon_json() if form == "addon" else data.to_calendar_json()
    if form == "addon" and data.create_request is not None:
        sys.stderr.write(f"confdata: the {kind!r} example exists only in the calendar form\n")
        return EXIT_USAGE
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    given: object = argv  # typed loosely: callers may pass anything
    if given is not None:
        if isinstance(given, (str, bytes)) or not isinstance(given, Sequence):
            parser.error(f"argv must be a list of strings (got {describe_type(given)})")
        for index, arg in enumerate(given):
            if not isinstance(arg, str):
                parser.error(
                    f"argv must be a list of strings (got {describe_type(arg)} at {index})"
                )
    args = parser.parse_args(argv)
    out = sys.stdout
    for stream in (sys.stdout, sys.stderr):
        # File names that are not valid UTF-8 must not stop the report.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        if args.command == "validate":
            return _validate(args, out)
        if args.command == "rules":
            return _rules(args.format, out)
        if args.command == "example":
            return _example(args.kind, args.form, out)
        if args.command == "convert":  # confdata.providers
            from .providers import _cli as providers_cli

            return providers_cli.run(args, out)
        from .schema import json_schema

        json.dump(json_schema(args.form), out, indent=2)
        out.write("\n")
        return EXIT_OK
    except BrokenPipeError:  # e.g. `confdata rules | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
