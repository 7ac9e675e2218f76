"""Keeping every public entry point total: bounded problem lists, and no foreign exceptions.

Values from outside may be subclasses of dict, list or str whose methods raise, or keys whose
``__hash__`` does. The walkers use plain operations; whatever such an object raises while it
is being read becomes one ``type`` problem instead of escaping from the library.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from typing import TypeVar

from ._problems import Problem, Severity
from ._text import describe_type

__all__ = [
    "MAX_PER_CODE",
    "ProblemSink",
    "collect",
    "count_more",
    "full",
    "guarded",
    "room",
    "unreadable",
]

MAX_PER_CODE = 100
"""At most this many problems of one code are listed; the rest are counted in one more."""

_T = TypeVar("_T")


class ProblemSink(list[Problem]):
    """A problem list that keeps the first :data:`MAX_PER_CODE` problems of each code."""

    def __init__(self) -> None:
        super().__init__()
        self._counts: dict[str, int] = {}
        self._omitted: dict[str, Problem] = {}

    def append(self, problem: Problem) -> None:
        count = self._counts.get(problem.code, 0) + 1
        self._counts[problem.code] = count
        if count <= MAX_PER_CODE:
            super().append(problem)
        elif count == MAX_PER_CODE + 1:
            self._omitted[problem.code] = problem

    def saturated(self, code: str) -> bool:
        """True once ``code`` has its fill; the caller then only counts (see :func:`full`)."""
        return self._counts.get(code, 0) > MAX_PER_CODE

    def count_only(self, code: str) -> None:
        """Count one more problem of a saturated ``code`` without building it."""
        self._counts[code] += 1

    def room(self, code: str) -> int:
        """How many more problems of ``code`` to build: the listed ones, then the first one
        left out (its path is shown in the summary)."""
        return max(0, MAX_PER_CODE + 1 - self._counts.get(code, 0))

    def count_more(self, code: str, count: int) -> None:
        """Count ``count`` more problems of a saturated ``code`` without building them."""
        self._counts[code] += count

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def finish(self) -> list[Problem]:
        """The problems, with one summary problem for each code that had too many."""
        out = list(self)
        for code, first in self._omitted.items():
            more = self._counts[code] - MAX_PER_CODE
            out.append(
                Problem(
                    code=code,
                    severity=first.severity,
                    path=first.path,
                    message=f"…and {more} more {code} problem{'s' if more != 1 else ''} like those "
                    f"above (only the first {MAX_PER_CODE} of each code are listed; this path "
                    f"is the first left out)",
                )
            )
        return out


def room(out: list[Problem], code: str) -> int:
    """How many more problems of ``code`` are worth building for ``out``; the rest need
    only be counted with :func:`count_more` (plain lists take every problem)."""
    return out.room(code) if type(out) is ProblemSink else sys.maxsize


def count_more(out: list[Problem], code: str, count: int) -> None:
    """Count ``count`` problems of ``code`` beyond :func:`room`, without building them."""
    if count and type(out) is ProblemSink:
        out.count_more(code, count)


def full(out: list[Problem], code: str) -> bool:
    """True (and the problem counted) when ``out`` lists no more problems of ``code``.

    Lets hot loops skip formatting messages nobody will read, keeping a million-item input
    cheap; plain lists are never full.
    """
    if type(out) is ProblemSink and out.saturated(code):
        out.count_only(code)
        return True
    return False


def unreadable(value: object, error: Exception) -> Problem:
    """The problem reported when reading ``value`` raised ``error`` from inside the value."""
    return Problem(
        code="type",
        severity=Severity.ERROR,
        path="",
        message=f"the value could not be read: {type(error).__name__} was raised from inside "
        f"{describe_type(value)} (an object that does not behave like JSON)",
    )


def collect(walk: Callable[[ProblemSink], None], value: object) -> list[Problem]:
    """Run ``walk`` into a bounded sink; an exception raised by the value becomes a problem."""
    sink = ProblemSink()
    try:
        walk(sink)
    except MemoryError:
        raise
    except Exception as error:
        return [unreadable(value, error)]
    return sink.finish()


def guarded(read: Callable[[], _T], value: object) -> _T:
    """Run a reader; an exception raised by the value becomes a :class:`ValidationError`."""
    from ._problems import ValidationError

    try:
        return read()
    except (ValidationError, MemoryError):
        raise
    except Exception as error:
        raise ValidationError([unreadable(value, error)]) from error
