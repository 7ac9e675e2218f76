"""The engine's one pass over the add-on form (``ConferenceDataMarkup``) [S16].

Reads each member once and runs no code of the value it reads (see :mod:`confdata._walk`).
"""

from __future__ import annotations

from .. import spec as _spec
from ..rules import conference as whole
from ..rules import members as rules
from ..rules.members import Where, exact_str, text
from ..sink import Sink
from ..spec import ADDON
from .shared import as_array, as_object, named, object_members, report_unknown, walk_entry_points

__all__ = ["walk_addon"]


def walk_addon(
    sink: Sink, obj: object, root: str = "", solution_ids: frozenset[str] | None = None
) -> None:
    """Check an add-on form (``ConferenceDataMarkup``) value whose JSON Pointer is ``root``.

    With ``solution_ids`` (a manifest's), a ``conferenceSolutionId`` not among them is an
    error.
    """
    at: Where = (root,)
    members = as_object(obj)
    if members is None:
        rules.wrong_type(sink, obj, "an object", "conference data", at)
        return
    has_id = has_solution_id = has_error = False
    count: int | None = 0
    data: list[str] = []  # members an error result ignores, when not empty
    unknown: list[tuple[object, object]] = []
    for raw_key, value in members:
        key = raw_key if type(raw_key) is str else exact_str(raw_key)
        if key == "conferenceId":
            has_id = True
            text(sink, value, _spec.CONFERENCE_ID, at, key)
        elif key == "entryPoints":
            count = walk_entry_points(sink, value, ADDON, at)
        elif key == "conferenceSolutionId":
            has_solution_id = True
            solution_id = text(sink, value, _spec.SOLUTION_ID, at, key)
            if solution_id is not None and solution_ids is not None:
                whole.solution_id_known(sink, solution_id, solution_ids, at)
        elif key == "parameters":
            _addon_parameters(sink, value, at)
        elif key == "error":
            has_error = True
            _addon_error(sink, value, at)
        elif key == "note":
            text(sink, value, ADDON.notes, at, key)
        else:
            unknown.append((raw_key, value))
            continue
        if key != "error" and key != "conferenceSolutionId" and _filled(value):
            data.append(key)
    if unknown and report_unknown(sink, unknown, ADDON, "conference data", at):
        return
    if has_error:
        whole.error_with_data(sink, data, at)
        return
    whole.success_result(sink, at, has_conference_id=has_id, entry_points=count)
    if not has_solution_id:
        whole.solution_id_missing(sink, at)


def _filled(value: object) -> bool:
    """Not null and not an empty array: data an error result would ignore."""
    array = as_array(value)
    return value is not None and (array is None or len(array) > 0)


def _addon_parameters(sink: Sink, value: object, at: Where) -> None:
    array = as_array(value)
    if array is None:
        rules.wrong_type(sink, value, "an array", "parameters", at, "parameters")
        return
    here = (*at, "parameters")
    keys: list[str | None] = []
    for index, item in enumerate(array):
        members = object_members(sink, item, "parameter", here, index)
        key = None
        has_key = has_value = False
        where = (*here, index)
        for name, raw, member in named(members):
            if name == "key":
                has_key = True
                key = text(sink, member, _spec.PARAMETER_KEY, where, name)
            elif name == "value":
                has_value = True
                text(sink, member, _spec.PARAMETER_VALUE, where, name)
            else:
                rules.unknown_member(sink, raw, _spec.PARAMETER_MEMBERS, "parameter", where)
        if members is not None:
            if not has_key:
                rules.required(sink, "key", where, "key")
            if not has_value:
                rules.required(sink, "value", where, "value")
        keys.append(key)
    whole.parameter_set(sink, keys, at, "parameters")


def _addon_error(sink: Sink, value: object, at: Where) -> None:
    members = object_members(sink, value, "error", at, "error")
    if members is None:
        return
    here = (*at, "error")
    kind = url = None
    has_type = has_url = False
    for key, raw, item in named(members):
        if key == "type":
            has_type = True
            kind = rules.enum_value(sink, item, _spec.ERROR_TYPES, "error type", here, key)
        elif key == "authenticationUrl":
            has_url = True
            url = text(sink, item, ADDON.auth_url, here, key)
        else:
            rules.unknown_member(sink, raw, _spec.ERROR_MEMBERS, "error", here)
    if not has_type:
        rules.required(sink, "type", here, "type")
    whole.error(sink, kind, url, has_url, here)
