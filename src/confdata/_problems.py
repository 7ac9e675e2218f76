"""Problems, their severities, and the exception that carries them."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

__all__ = ["Problem", "Severity", "ValidationError"]


class Severity(enum.StrEnum):
    """How serious a problem is: errors fail validation, warnings only in strict mode."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Severity.{self.name}"

    __hash__ = str.__hash__  # as fast as the str equality it agrees with


_ERROR = Severity.ERROR  # bound once: an enum member through its class is a lookup


@attrs.frozen(slots=False, init=False)
class Problem:
    """One broken rule: its stable code, severity, JSON Pointer path and a readable message."""

    code: str
    severity: Severity
    path: str
    message: str

    def __init__(self, code: str, severity: Severity, path: str, message: str) -> None:
        # Written out, storing into the instance dict past the frozen __setattr__: validators
        # report by the hundred, and attrs' init for frozen classes fetches a setter first.
        values = self.__dict__
        values["code"] = code
        values["severity"] = severity
        values["path"] = path
        values["message"] = message

    def __str__(self) -> str:
        return f"{self.severity.value} {self.code} at {self.path or '<root>'}: {self.message}"

    @property
    def is_error(self) -> bool:
        """True when the problem fails validation outside strict mode."""
        return self.severity is _ERROR


class ValidationError(ValueError):
    """Conference data broke one or more rules; ``problems`` holds every one of them."""

    problems: tuple[Problem, ...]

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

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of severity error."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems of severity warning."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def codes(self) -> frozenset[str]:
        """The distinct rule codes among the problems."""
        return frozenset(p.code for p in self.problems)
