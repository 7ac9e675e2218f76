"""Problems, their severities, and the exception that carries them."""

from __future__ import annotations

import enum
import warnings
from collections.abc import Iterable

import attrs

__all__ = ["ROOT", "Problem", "Problems", "Severity", "ValidationError"]

ROOT = "<root>"
"""How text output names the root of a document, whose JSON Pointer is ``""``."""


class Severity(enum.StrEnum):
    """How serious a problem is: errors fail validation, warnings only in strict mode."""

    ERROR = "error"
    WARNING = "warning"

    def __repr__(self) -> str:
        return f"Severity.{self.name}"


@attrs.frozen(kw_only=True)
class Problem:
    """One broken rule: its stable code, severity, JSON Pointer path and a readable message.

    ``path`` is ``""`` for the root of the value checked. Messages never show a secret.
    """

    code: str
    """The rule's stable code, such as ``"uri-scheme"`` (see the rule catalog)."""
    severity: Severity
    """:attr:`Severity.ERROR` fails validation; :attr:`Severity.WARNING` only in strict mode."""
    path: str
    """The JSON Pointer (RFC 6901) of the offending member in the form checked."""
    message: str
    """What is wrong, with the limit or expectation and the offending value."""

    def __str__(self) -> str:
        return f"{self.severity.value} {self.code} at {self.where}: {self.message}"

    @property
    def where(self) -> str:
        """The path for text output: the JSON Pointer, or ``<root>`` for the root."""
        return self.path or ROOT

    @property
    def is_error(self) -> bool:
        """True when the problem fails validation outside strict mode."""
        return self.severity is Severity.ERROR


class ValidationError(ValueError):
    """Conference data broke one or more rules; :attr:`problems` holds every one of them."""

    problems: tuple[Problem, ...]
    """Every problem found, errors and warnings, at most 100 of one code (then one that
    counts the rest)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self._render())

    def _render(self) -> str:
        count = len(self.problems)
        if count == 1:
            return str(self.problems[0])
        lines = [f"{count} problems:"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[type[ValidationError], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of severity error."""
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems of severity warning."""
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def codes(self) -> frozenset[str]:
        """The distinct rule codes among the problems."""
        return frozenset(p.code for p in self.problems)


class Problems(tuple[Problem, ...]):
    """The problems a value or builder holds: a tuple, still callable as the method it once
    was (``data.problems()`` warns and returns a list)."""

    __slots__ = ()

    def __call__(self) -> list[Problem]:
        warnings.warn(
            "problems is an attribute now: use data.problems instead of data.problems()",
            DeprecationWarning,
            stacklevel=2,
        )
        return list(self)
