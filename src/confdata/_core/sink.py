"""Where rules report: a bounded list of problems, with paths and messages made on demand.

Every public entry point that reports collects into a :class:`Sink`, so every report is bounded
the same way (SPEC §4.1): at most :data:`MAX_PER_CODE` problems of one code are listed, then one
more problem of that code counts the rest. A rule asks :meth:`Sink.take` before it builds a path
or a message, so past the cap a problem costs one count and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable

from .catalog import RULES
from .problems import Problem, Severity, ValidationError
from .text import escape_token

__all__ = ["MAX_PER_CODE", "Sink", "StopAtFirst", "pointer", "single"]

MAX_PER_CODE = 100
"""At most this many problems of one code are listed; one more counts the rest."""

_SEVERITY = {code: rule.severity for code, rule in RULES.items()}


class StopAtFirst(Exception):
    """Raised by a :class:`Sink` made with ``stop=True`` at the first problem that fails."""


def pointer(parent: str, *tokens: str | int) -> str:
    """The JSON Pointer ``parent`` (already a pointer) extended by member names and indexes."""
    path = parent
    for token in tokens:
        path += f"/{escape_token(token)}" if type(token) is str else f"/{token}"
    return path


class Sink:
    """A bounded problem list.

    ``stop`` makes :meth:`take` raise :class:`StopAtFirst` at the first error (with
    ``strict``, at the first problem), for checks that only need a yes or no.
    """

    __slots__ = ("_counts", "_omitted", "_problems", "_stop", "_strict")

    def __init__(self, *, stop: bool = False, strict: bool = False) -> None:
        self._problems: list[Problem] = []
        self._counts: dict[str, int] = {}
        self._omitted: dict[str, Problem] = {}
        self._stop = stop
        self._strict = strict

    def take(self, code: str) -> bool:
        """Count one problem of ``code``; True when the caller is to build it and :meth:`put`
        it (it is listed, or it is the first left out, whose path the summary shows)."""
        if self._stop and (self._strict or _SEVERITY[code] is Severity.ERROR):
            raise StopAtFirst
        count = self._counts.get(code, 0) + 1
        self._counts[code] = count
        return count <= MAX_PER_CODE + 1

    def put(self, code: str, path: str, message: str) -> None:
        """Record the problem :meth:`take` asked for."""
        problem = Problem(code=code, severity=_SEVERITY[code], path=path, message=message)
        if self._counts[code] <= MAX_PER_CODE:
            self._problems.append(problem)
        else:
            self._omitted.setdefault(code, problem)

    def report(self, code: str, path: str, message: str) -> None:
        """:meth:`take` and :meth:`put` at once, for a path and message already made."""
        if self.take(code):
            self.put(code, path, message)

    def extend(self, problems: Iterable[Problem], prefix: str = "") -> None:
        """Report problems found elsewhere, their paths below ``prefix``."""
        for problem in problems:
            if self.take(problem.code):
                self.put(problem.code, prefix + problem.path, problem.message)

    def has_errors(self) -> bool:
        """True once an error has been reported."""
        return any(_SEVERITY[code] is Severity.ERROR for code in self._counts)

    def finish(self) -> list[Problem]:
        """The problems in the order found, then one summary for each code that had too many."""
        if not self._omitted:
            return list(self._problems)
        out = list(self._problems)
        for code, first in self._omitted.items():
            more = self._counts[code] - MAX_PER_CODE
            out.append(
                Problem(
                    code=code,
                    severity=first.severity,
                    path=first.path,
                    message=f"…and {more:,} more {code} problem{'s' if more != 1 else ''} like "
                    f"those above (only the first {MAX_PER_CODE} of each code are listed; "
                    f"this path is the first left out)",
                )
            )
        return out

    def raise_errors(self, *, strict: bool = False) -> None:
        """Raise :class:`ValidationError` with every problem if any fails (warnings with
        ``strict``)."""
        if self._counts and (strict or self.has_errors()):
            raise ValidationError(self.finish())


def single(code: str, path: str, message: str) -> ValidationError:
    """The :class:`ValidationError` of one problem, for an argument of the wrong kind."""
    return ValidationError(
        [Problem(code=code, severity=_SEVERITY[code], path=path, message=message)]
    )
