"""The generated check of each JSON form: what the validators, the command line and the
strict writers run (:mod:`confdata._core.gen.passes`, made once when this module loads)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .gen.passes import generate
from .sink import Sink
from .spec import ADDON, CALENDAR

__all__ = ["check_addon", "check_calendar"]

_CALENDAR: Callable[..., Any] = generate(CALENDAR, "check")[0]
_ADDON: Callable[..., Any] = generate(ADDON, "check")[0]


def check_calendar(sink: Sink, obj: object, root: str = "") -> None:
    """Report every problem of a Calendar ``conferenceData`` value whose JSON Pointer is
    ``root``."""
    _CALENDAR(sink, obj, root, None)


def check_addon(
    sink: Sink, obj: object, root: str = "", solution_ids: frozenset[str] | None = None
) -> None:
    """Report every problem of an add-on form value whose JSON Pointer is ``root``; with
    ``solution_ids`` (a manifest's), a ``conferenceSolutionId`` not among them is an error."""
    _ADDON(sink, obj, root, solution_ids)
