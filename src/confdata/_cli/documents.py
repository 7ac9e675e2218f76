"""Finding the conference data inside a JSON document, and checking it in the right form.

A document may be one conferenceData object (either form), an Event resource with
``conferenceData`` inside, an events list response (``items[]``), or an array of any of these.
Paths of problems are JSON Pointers from the document's root.
"""

from __future__ import annotations

from typing import Any, Literal

from .._core import spec
from .._core.checks import check_addon, check_calendar
from .._core.foreign import array, members
from .._core.rules.conference import is_event
from .._core.sink import Sink

__all__ = ["Form", "check_document", "guess_form"]

Form = Literal["calendar", "addon", "auto"]

_ENTRY_POINTS = spec.CALENDAR.entry_points_member


def _has_any(obj: object, names: frozenset[str]) -> bool:
    found = members(obj)
    return found is not None and not names.isdisjoint(found)


def guess_form(obj: dict[Any, Any]) -> Literal["calendar", "addon"]:
    """The form a conference object is most likely written in: by the members only one form
    has, then by the members that are an array in one form only, then by its entry points'
    members (the shapes of :mod:`confdata._core.spec` say which)."""
    names: tuple[Literal["calendar", "addon"], ...] = ("addon", "calendar")
    found = members(obj) or {}
    for name in names:
        if not spec.ONLY_IN[name].isdisjoint(found):
            return name
    for name in names:
        if any(array(found.get(member)) is not None for member in spec.ARRAY_ONLY_IN[name]):
            return name
    for entry_point in array(found.get(_ENTRY_POINTS)) or ():
        for name in names:
            if _has_any(entry_point, spec.ENTRY_POINT_ONLY_IN[name]):
                return name
    return "calendar"


_CONFERENCE = spec.EVENT_CONFERENCE


def _is_events_list(obj: dict[Any, Any]) -> bool:
    return isinstance(obj.get(spec.ITEMS), list) and (
        obj.get(spec.KIND) == spec.EVENTS_KIND
        or (_CONFERENCE not in obj and _ENTRY_POINTS not in obj)
    )


def check_document(
    sink: Sink, value: object, form: Form, solution_ids: frozenset[str] | None = None
) -> int:
    """Report every problem of every conference in ``value`` into ``sink`` (the caller's, so
    that the bound of 100 problems of one code applies once per document, SPEC §4.1);
    returns how many conferences were found."""
    found = 0
    # (value, path, may it be a container of conferences?)
    stack: list[tuple[object, str, bool]] = [(value, "", True)]
    while stack:
        node, path, container = stack.pop()
        if container and isinstance(node, list) and path == "":
            # An array of conferences (or events); one without any object holds none.
            if any(isinstance(item, dict) for item in node):
                stack.extend((item, f"/{i}", True) for i, item in reversed(list(enumerate(node))))
            continue
        if container and isinstance(node, dict):
            if _is_events_list(node):
                items = node[spec.ITEMS]
                stack.extend(
                    (event, f"{path}/{spec.ITEMS}/{i}", False)
                    for i, event in reversed(list(enumerate(items)))
                    if isinstance(event, dict) and _CONFERENCE in event
                )
                continue
            if is_event(node):
                if _CONFERENCE in node:
                    stack.append((node, path, False))
                continue
        if isinstance(node, dict) and _CONFERENCE in node and not container:
            node, path = node[_CONFERENCE], f"{path}/{_CONFERENCE}"
        found += 1
        chosen = form
        if chosen == "auto":
            chosen = guess_form(node) if isinstance(node, dict) else "calendar"
        if chosen == "addon":
            check_addon(sink, node, path, solution_ids)
        else:
            check_calendar(sink, node, path)
    return found
