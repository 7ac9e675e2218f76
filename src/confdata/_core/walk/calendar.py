"""The engine's one pass over the Calendar form (``Event.conferenceData``) [S3].

Reads each member once and runs no code of the value it reads (see :mod:`confdata._walk`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import spec as _spec
from ..enums import SolutionType
from ..rules import conference as whole
from ..rules import members as rules
from ..rules.members import Where, exact_str, text
from ..sink import Sink
from ..spec import CALENDAR
from .shared import as_object, named, object_members, report_unknown, walk_entry_points

__all__ = ["walk_calendar"]


def _solution_key(sink: Sink, value: object, what: str, at: Where, name: str) -> Any:
    members = object_members(sink, value, what, at, name)
    kind = None
    if members is not None:
        here = (*at, name)
        for key, raw, item in named(members):
            if key == "type":
                kind = rules.enum_value(sink, item, _spec.SOLUTION_TYPES, f"{what}.type", here, key)
                whole.solution_type(sink, kind, here, "type")
            else:
                rules.unknown_member(sink, raw, _spec.KEY_MEMBERS, what, here)
    return kind


def _calendar_solution(sink: Sink, value: object, at: Where) -> SolutionType | None:
    members = object_members(sink, value, "conferenceSolution", at, "conferenceSolution")
    kind = None
    if members is not None:
        here = (*at, "conferenceSolution")
        for key, raw, item in named(members):
            if key == "key":
                kind = _solution_key(sink, item, "conferenceSolution.key", here, key)
            elif key == "name":
                text(sink, item, _spec.SOLUTION_NAME, here, key)
            elif key == "iconUri":
                text(sink, item, _spec.ICON_URI, here, key)
            else:
                rules.unknown_member(sink, raw, _spec.SOLUTION_MEMBERS, "conferenceSolution", here)
    return kind


def _create_request(sink: Sink, value: object, at: Where) -> None:
    members = object_members(sink, value, "createRequest", at, "createRequest")
    if members is None:
        return
    here = (*at, "createRequest")
    for key, raw, item in named(members):
        if key == "requestId":
            text(sink, item, _spec.REQUEST_ID, here, key)
        elif key == "conferenceSolutionKey":
            _solution_key(sink, item, "createRequest.conferenceSolutionKey", here, key)
        elif key == "status":
            status = object_members(sink, item, "createRequest.status", here, key)
            for inner, raw_inner, code in named(status):
                if inner == "statusCode":
                    where = (*here, "status")
                    rules.enum_value(sink, code, _spec.STATUSES, "statusCode", where, inner)
                else:
                    rules.unknown_member(
                        sink, raw_inner, _spec.STATUS_MEMBERS, "createRequest.status", (*here, key)
                    )
        else:
            rules.unknown_member(sink, raw, _spec.REQUEST_MEMBERS, "createRequest", here)


def _calendar_parameters(sink: Sink, value: object, at: Where) -> None:
    """``parameters.addOnParameters.parameters``: a map of string keys to string values."""
    members = object_members(sink, value, "parameters", at, "parameters")
    here: Where = (*at, "parameters")
    for key, raw, item in named(members):
        if key != "addOnParameters":
            rules.unknown_member(sink, raw, _spec.PARAMETERS_MEMBERS, "parameters", here)
            continue
        inner = object_members(sink, item, "addOnParameters", here, key)
        for name, raw_name, mapping in named(inner):
            where = (*here, "addOnParameters")
            if name != "parameters":
                rules.unknown_member(
                    sink, raw_name, _spec.ADDON_PARAMETERS_MEMBERS, "addOnParameters", where
                )
                continue
            pairs = object_members(sink, mapping, "addOnParameters.parameters", where, name)
            if pairs is not None:
                _parameter_map(sink, pairs, (*where, "parameters"))


def _parameter_map(sink: Sink, pairs: Iterable[tuple[object, object]], at: Where) -> None:
    count = 0
    for raw_key, item in pairs:
        count += 1
        key = exact_str(raw_key)
        if key is None:
            rules.unknown_member(sink, raw_key, (), "addOnParameters.parameters", at)
            continue
        text(sink, key, _spec.PARAMETER_KEY, at, key)
        text(sink, item, _spec.PARAMETER_VALUE, at, key)
    if count > _spec.MAX_ITEMS:
        whole.parameter_set(sink, [None] * count, at, indexed=False)


def walk_calendar(sink: Sink, obj: object, root: str = "") -> None:
    """Check a Calendar ``conferenceData`` value whose JSON Pointer is ``root``."""
    at: Where = (root,)
    members = as_object(obj)
    if members is None:
        rules.wrong_type(sink, obj, "an object", "conferenceData", at)
        return
    has_id = has_solution = has_request = False
    count: int | None = 0
    solution_kind = None
    unknown: list[tuple[object, object]] = []
    for raw_key, value in members:
        key = raw_key if type(raw_key) is str else exact_str(raw_key)
        if key == "conferenceId":
            has_id = True
            text(sink, value, _spec.CONFERENCE_ID, at, key)
        elif key == "entryPoints":
            count = walk_entry_points(sink, value, CALENDAR, at)
        elif key == "conferenceSolution":
            has_solution = True
            solution_kind = _calendar_solution(sink, value, at)
        elif key == "createRequest":
            has_request = True
            _create_request(sink, value, at)
        elif key == "notes":
            text(sink, value, CALENDAR.notes, at, key)
        elif key == "parameters":
            _calendar_parameters(sink, value, at)
        elif key == "signature":
            text(sink, value, _spec.SIGNATURE, at, key)
        else:
            unknown.append((raw_key, value))
    if unknown and report_unknown(sink, unknown, CALENDAR, "conferenceData", at):
        return
    whole.calendar_result(
        sink,
        at,
        has_solution=has_solution,
        has_request=has_request,
        entry_points=count,
        solution_kind=solution_kind,
        has_conference_id=has_id,
    )
