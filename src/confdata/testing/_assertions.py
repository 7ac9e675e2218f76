"""``assert_valid_conference_data``: a test assertion whose failure lists every problem."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from .._core.problems import Problem
from .._core.rules.members import exact_str
from .._core.sink import single
from .._core.spec import FORMS
from .._core.text import show
from .._core.values import ConferenceData
from ..validation import validate_addon_json, validate_calendar_json

if TYPE_CHECKING:
    from ..manifest import Manifest

__all__ = ["assert_valid_conference_data"]


def assert_valid_conference_data(
    payload: object,
    form: Literal["calendar", "addon"] = "calendar",
    *,
    strict: bool = False,
    manifest: Manifest | None = None,
) -> None:
    """Fail the test (``AssertionError``) listing every problem of ``payload`` in ``form``.

    ``payload`` is JSON of that form, or a :class:`ConferenceData` (checked as emitted in it).
    With ``strict=True`` warnings fail too.
    """
    __tracebackhide__ = True  # pytest shows the caller's line, not this one
    if exact_str(form) not in FORMS:
        raise single("enum", "", f"form must be 'calendar' or 'addon' (got {show(form)})")
    if isinstance(payload, ConferenceData):
        payload = payload.to_calendar_json() if form == "calendar" else payload.to_addon_json()
    if form == "calendar":
        problems = validate_calendar_json(payload)
    else:
        problems = validate_addon_json(payload, manifest=manifest)
    failing = [p for p in problems if strict or p.is_error]
    if failing:
        raise AssertionError(_render(failing, form))


_ALIGNED = 40
"""Paths up to this long are padded to the longest of them; a longer one is not padded to."""
_PATH_CHARS = 200
"""A longer path is shortened in the middle (its length said), so the message stays about
as long as the problems' messages, however long a member name in the input is."""


def _shown_path(where: str) -> str:
    if len(where) <= _PATH_CHARS:
        return where
    head, tail = where[: _PATH_CHARS // 2], where[-_PATH_CHARS // 4 :]
    return f"{head}…{tail} ({len(where):,} characters)"


def _render(problems: list[Problem], form: str) -> str:
    lines = [
        f"conference data is not valid in the {form} form "
        f"({len(problems)} problem{'s' if len(problems) != 1 else ''}):"
    ]
    paths = [_shown_path(p.where) for p in problems]
    # Padding every line to the longest path once made a 200,000-character member name
    # and 300 other problems a 40-million-character message.
    width = max((len(path) for path in paths if len(path) <= _ALIGNED), default=0)
    for problem, path in zip(problems, paths, strict=True):
        lines.append(
            f"  {path:<{width}}  {problem.severity.value:<7} {problem.code}: {problem.message}"
        )
    return "\n".join(lines)
