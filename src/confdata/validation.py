"""Validation of raw JSON: the rule engine's public face.

``validate_calendar_json`` and ``validate_addon_json`` take any Python value, never raise
for it, and return every problem: the one generated pass of each form
(:mod:`confdata._core.checks`) reporting into a bounded list (at most 100 problems of one
code, then one that counts the rest).
``is_valid_*`` run the same pass and stop at the first problem that fails. The command line,
the readers and ``build()`` report through the same rules, so they cannot disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._core.checks import check_addon, check_calendar
from ._core.manifests import solution_ids_of
from ._core.problems import Problem
from ._core.sink import Sink, StopAtFirst

if TYPE_CHECKING:
    from .manifest import Manifest

__all__ = [
    "is_valid_addon_json",
    "is_valid_calendar_json",
    "validate_addon_json",
    "validate_calendar_json",
]


def validate_calendar_json(obj: object) -> list[Problem]:
    """Every problem of a Calendar API v3 ``conferenceData`` value; never raises.

    Accepts any Python value. At most 100 problems of one code are listed, then one more that
    counts the rest.
    """
    sink = Sink()
    check_calendar(sink, obj)
    return sink.finish()


def is_valid_calendar_json(obj: object, *, strict: bool = False) -> bool:
    """True when ``obj`` has no error (and, with ``strict``, no warning either)."""
    sink = Sink(stop=True, strict=strict)
    try:
        check_calendar(sink, obj)
    except StopAtFirst:
        return False
    return True


def validate_addon_json(obj: object, *, manifest: Manifest | None = None) -> list[Problem]:
    """Every problem of an add-on form (``ConferenceDataMarkup``) value; never raises for it.

    With a ``manifest``, a ``conferenceSolutionId`` it does not declare is an error (anything
    but a :class:`~confdata.Manifest` there raises :class:`~confdata.ValidationError`).
    """
    solution_ids = solution_ids_of(manifest)
    sink = Sink()
    check_addon(sink, obj, "", solution_ids)
    return sink.finish()


def is_valid_addon_json(
    obj: object, *, strict: bool = False, manifest: Manifest | None = None
) -> bool:
    """True when ``obj`` has no error (and, with ``strict``, no warning either)."""
    solution_ids = solution_ids_of(manifest)
    sink = Sink(stop=True, strict=strict)
    try:
        check_addon(sink, obj, "", solution_ids)
    except StopAtFirst:
        return False
    return True
