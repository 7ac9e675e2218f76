"""What ``confdata validate`` prints: text, JSON or GitHub annotations, none of them forgeable.

Every value that comes from the input (file names, member names in paths, values quoted in
messages) is escaped before it is printed, so a hostile file cannot add a line, move the
cursor or issue a CI command:

- text: non-printable characters become backslash escapes (``ls --quoting-style=escape``),
  so each problem is exactly one line; a file name that starts with ``:`` is shown as
  ``./:…`` so that no line starts with ``::`` (a GitHub workflow command);
- every format but ``github``: ``##[``, the GitHub runner's older command prefix, which it
  finds anywhere in a line, is written ``##\\x5b`` (``##\\u005b`` inside JSON strings);
- github: the workflow-command escapes on top of the text escaping.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from .._core.catalog import RULES
from .._core.problems import Problem, Severity
from .._core.text import escape_text
from .exits import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

__all__ = ["Report", "Row", "safe_line", "shown_name"]

STDIN_NAME = "<stdin>"


def shown_name(path: str) -> str:
    """A file name for text output: escaped, and never starting a line with ``:``."""
    if path == "-":
        return STDIN_NAME
    name = escape_text(path)
    return f"./{name}" if name.lstrip(" ").startswith(":") else name


def safe_line(text: str) -> str:
    """One line of text output or of a message on standard error, ending in a newline."""
    return escape_text(text, backslash=False).replace("##[", "##\\x5b") + "\n"


def _escape_data(message: str) -> str:
    """GitHub Actions workflow-command escaping of a message."""
    return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """GitHub Actions workflow-command escaping of a property value (file names)."""
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


Row = tuple[Problem, int, int]


class Report:
    """Collects the results of every file and prints them in the chosen format (text and
    github stream as they go; JSON is one document at the end)."""

    def __init__(self, fmt: str, strict: bool, out: TextIO) -> None:
        self.fmt, self.strict, self.out = fmt, strict, out
        self.files = self.errors = self.warnings = self.input_errors = 0
        self.json_files: list[dict[str, Any]] = []

    def input_error(self, path: str, message: str, line: int = 0, column: int = 0) -> None:
        """A file that could not be checked (exit status 2): one line naming it."""
        self.input_errors += 1
        if self.fmt == "json":
            self.json_files.append(
                {
                    "path": STDIN_NAME if path == "-" else path,
                    "error": message,
                    "line": line or None,
                    "column": column or None,
                    "problems": [],
                }
            )
            return
        name = shown_name(path)
        if self.fmt == "github":
            where = f"file={_escape_property(name)}" + (
                f",line={line},col={column}" if line else ""
            )
            text = _escape_data(escape_text(message, backslash=False))
            self.out.write(f"::error {where},title=confdata input-error::{text}\n")
        else:
            where = f"{name}:{line}:{column}" if line else name
            self.out.write(safe_line(f"{where}: input-error {message}"))

    def problems(self, path: str, rows: Sequence[Row]) -> None:
        """The problems of one file that was read, with their positions, in file order."""
        self.files += 1
        if not rows and self.fmt != "json":  # a valid file prints nothing but in JSON
            return
        rows = sorted(rows, key=lambda row: (row[1], row[2]))
        for problem, _, _ in rows:
            if problem.severity is Severity.ERROR:
                self.errors += 1
            else:
                self.warnings += 1
        if self.fmt == "json":
            self.json_files.append(
                {
                    "path": STDIN_NAME if path == "-" else path,
                    "error": None,
                    "line": None,
                    "column": None,
                    "problems": [
                        {
                            "code": p.code,
                            "severity": p.severity.value,
                            "path": p.path,
                            "message": p.message,
                            "line": line,
                            "column": column,
                            "url": RULES[p.code].url,
                        }
                        for p, line, column in rows
                    ],
                }
            )
            return
        name = shown_name(path)
        for problem, line, column in rows:
            severity = problem.severity.value
            where = escape_text(problem.where)
            message = escape_text(problem.message, backslash=False)
            if self.fmt == "github":
                self.out.write(
                    f"::{severity} file={_escape_property(name)},line={line},col={column},"
                    f"title=confdata {problem.code}::{_escape_data(f'{where} {message}')}\n"
                )
            else:
                self.out.write(
                    safe_line(
                        f"{name}:{line}:{column}: {severity} {problem.code} {where}: {message}"
                    )
                )

    def failed(self) -> bool:
        """True when the problems found fail the run."""
        return self.errors > 0 or (self.strict and self.warnings > 0)

    def finish(self) -> int:
        """Print the summary (the JSON document, in that format); returns the exit status."""
        status = EXIT_USAGE if self.input_errors else EXIT_PROBLEMS if self.failed() else EXIT_OK
        summary = {
            "files": self.files,
            "errors": self.errors,
            "warnings": self.warnings,
            "input_errors": self.input_errors,
            "exit_status": status,
        }
        if self.fmt == "json":
            document = json.dumps({"files": self.json_files, "summary": summary}, indent=2)
            # "#" only ever stands inside a JSON string, where \u005b is the same "[".
            self.out.write(document.replace("##[", "##\\u005b") + "\n")
        elif self.fmt == "text":
            unreadable = f", {self.input_errors} unreadable" if self.input_errors else ""
            self.out.write(
                f"checked {self.files} file(s): {self.errors} error(s), "
                f"{self.warnings} warning(s){unreadable}\n"
            )
        return status
