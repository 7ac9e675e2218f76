"""Checks of the arguments public functions take: every one answers a value it cannot use with
:class:`~confdata.ValidationError` (code ``type``, the path ``/name`` of the argument, a message
naming it, what it must be and what it got), never with another exception.

Collect every argument's problem before raising, as the rules do::

    check = Arguments()
    timeout = check.number("timeout", timeout, low=0)
    delay = check.number("initial_delay", initial_delay, low=0, inclusive=False)
    check.done()

Numbers may be any Python ``int`` or ``float`` (not ``bool``): an integer too large for a float
is compared exactly and refused past ``high``, never converted first, so nothing overflows.
Values are looked at through :mod:`confdata._core.foreign`, running none of their code.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from typing import Any, TypeVar

from .foreign import exact_str, is_int, is_number
from .sink import Sink
from .text import describe_type, show

__all__ = ["MAX_SECONDS", "Arguments"]

MAX_SECONDS = 10**9
"""The longest duration, in seconds, any argument takes (about 31 years): longer ones are no
duration a program waits for, and ``time.sleep`` refuses some of them."""

_T = TypeVar("_T")


def _bounds(low: float | None, high: float | None, inclusive: bool) -> str:
    if low is not None and high is not None:
        return f"{'≥' if inclusive else '>'} {low:g} and ≤ {high:g}"
    if low is not None:
        return f"{'≥' if inclusive else '>'} {low:g}"
    return f"≤ {high:g}" if high is not None else ""


class Arguments:
    """A collector of argument problems; :meth:`done` raises them all at once."""

    __slots__ = ("_sink",)

    def __init__(self) -> None:
        self._sink = Sink()

    def fail(self, name: str, message: str) -> None:
        """Report that argument ``name`` is unusable, for a check of the caller's own."""
        self._sink.report("type", f"/{name}", message)

    def done(self) -> None:
        """Raise :class:`~confdata.ValidationError` with every problem found, if any."""
        self._sink.raise_errors()

    def number(
        self,
        name: str,
        value: object,
        *,
        low: float | None = None,
        high: float | None = MAX_SECONDS,
        inclusive: bool = True,
        default: float = 0.0,
    ) -> float:
        """A finite number within the bounds, as a float (``default`` when it is not)."""
        if is_number(value):
            # Compared before any conversion: an int against a float compares exactly.
            number: Any = int.__int__(value) if is_int(value) else float.__float__(value)
            if (
                (is_int(value) or math.isfinite(number))
                and (low is None or (number >= low if inclusive else number > low))
                and (high is None or number <= high)
            ):
                return float(number)
        bounds = _bounds(low, high, inclusive)
        kind = f"a finite number {bounds}" if bounds else "a finite number"
        self.fail(name, f"{name} must be {kind} (got {show(value)})")
        return default

    def count(self, name: str, value: object, *, low: int = 0, high: int | None = None) -> int:
        """An integer (not a bool) within the bounds (``low`` when it is not)."""
        if is_int(value):
            number = int.__int__(value)
            if number >= low and (high is None or number <= high):
                return number
        self.fail(name, f"{name} must be an integer {_bounds(low, high, True)} (got {show(value)})")
        return low

    def flag(self, name: str, value: object) -> bool:
        """True or False."""
        if value is True or value is False:
            return value
        self.fail(name, f"{name} must be True or False (got {show(value)})")
        return False

    def text(self, name: str, value: object, *, empty: bool = False) -> str:
        """A string (exact ``str`` data), not empty unless ``empty``."""
        string = exact_str(value)
        if string is not None and (empty or string):
            return string
        what = "a string" if empty else "a non-empty string"
        self.fail(name, f"{name} must be {what} (got {show(value)})")
        return ""

    def optional_text(self, name: str, value: object, *, empty: bool = False) -> str | None:
        """None, or what :meth:`text` takes."""
        return None if value is None else self.text(name, value, empty=empty)

    def choice(self, name: str, value: object, choices: Collection[_T]) -> _T | None:
        """One of ``choices`` (strings compared as exact strings), or None when it is not."""
        string = exact_str(value)
        for choice in choices:
            if value is choice or (string is not None and string == choice):
                return choice
        allowed = ", ".join(repr(c) for c in choices)
        self.fail(name, f"{name} must be one of {allowed} (got {show(value)})")
        return None

    def function(self, name: str, value: object) -> Callable[..., Any] | None:
        """Something callable, or None when it is not."""
        if callable(value):
            return value
        self.fail(name, f"{name} must be callable (got {describe_type(value)})")
        return None
