"""The engine's one pass per JSON form: it reads each member once and reports into a sink.

A walker runs no code of the value it reads: objects are read with ``dict.items`` and arrays
with ``list``/``tuple`` methods called on the class (so a subclass's overrides never run),
member names and strings are compared as exact ``str``, and nothing is looked up in the
value. So any exception raised in here is confdata's own bug. Walkers look only at the
members each form defines: their cost is linear in the input however an unknown member nests.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import _conference_rules as whole
from . import _rules as rules
from . import _spec
from ._enums import EntryPointFeature, EntryPointType, SolutionType
from ._rules import Where, enum_value, exact_str, text
from ._sink import Sink, pointer
from ._spec import ADDON, CALENDAR, LABEL, REGION_CODE, URI, Form

__all__ = ["as_array", "as_object", "walk_addon", "walk_calendar"]

_NO_ITEMS: tuple[Any, ...] = ()


def as_object(value: object) -> Iterable[tuple[object, object]] | None:
    """The members of a JSON object (a dict, or a subclass read as a dict), or None."""
    if type(value) is dict or issubclass(type(value), dict):
        return dict.items(value)  # type: ignore[arg-type]
    return None


def as_array(value: object) -> list[object] | tuple[object, ...] | None:
    """The items of a JSON array (a list or tuple, or a subclass read as one), or None."""
    cls = type(value)
    if cls is list or cls is tuple:
        return value  # type: ignore[return-value]
    if issubclass(cls, list):
        return list.copy(value)  # type: ignore[arg-type]
    if issubclass(cls, tuple):
        items: tuple[object, ...] = tuple.__getitem__(value, slice(None))  # type: ignore[call-overload]
        return items
    return None


_EVENT_KINDS = frozenset({"calendar#event", "calendar#events"})


def _report_unknown(
    sink: Sink, unknown: list[tuple[object, object]], form: Form, what: str, at: Where
) -> bool:
    """Report a conference's unknown members; True when the value is an Event resource or an
    events.list page instead, which gets one problem saying what to pass (SPEC §4.1: one root
    cause, one problem)."""
    names = {exact_str(key): value for key, value in unknown}
    kind = exact_str(names.get("kind"))
    if "conferenceData" in names or "items" in names or kind in _EVENT_KINDS:
        if sink.take("type"):
            shape = (
                "an events.list page"
                if "items" in names or kind == "calendar#events"
                else ("an Event resource")
            )
            sink.put(
                "type",
                pointer(*at),
                f"{what} expected, got {shape}: pass event['conferenceData'] "
                f"(for a page, each item's conferenceData)",
            )
        return True
    other = ADDON if form is CALENDAR else CALENDAR
    for key, _ in unknown:
        name = exact_str(key)
        hint = (
            f"; {name!r} is the {other.name} form's member: is this the {other.name} form?"
            if name in other.members
            else ""
        )
        rules.unknown_member(sink, key, form.members, what, at, hint=hint)
    return False


def walk_entry_points(sink: Sink, value: object, form: Form, at: Where) -> int | None:
    """The entry point array of a conference at ``at``: its length, None if not an array."""
    array = as_array(value)
    if array is None:
        rules.wrong_type(sink, value, "an array", "entryPoints", at, "entryPoints")
        return None
    kinds = [_entry_point(sink, item, form, at, index) for index, item in enumerate(array)]
    whole.entry_point_set(sink, kinds, form, at)
    return len(kinds)


def _entry_point(
    sink: Sink, value: object, form: Form, at: Where, index: int
) -> EntryPointType | None:
    members = as_object(value)
    if members is None:
        rules.wrong_type(sink, value, "an object", "entry point", at, "entryPoints", index)
        return None
    here = (*at, "entryPoints", index)
    texts = form.entry_point_texts
    type_member = form.type_member
    kind = uri = label = region = features = None
    has_type = has_uri = False
    for raw_key, item in members:
        key = raw_key if type(raw_key) is str else exact_str(raw_key)
        spec = texts.get(key) if key is not None else None
        if spec is not None:
            string = text(sink, item, spec, here, spec.json)
            if spec is URI:
                uri, has_uri = string, True
            elif spec is LABEL:
                label = string
            elif spec is REGION_CODE:
                region = string
        elif key == type_member:
            has_type = True
            kind = enum_value(sink, item, form.types, key, here, key)
        elif key == form.features_member:
            features = _features(sink, item, form, here)
        else:
            rules.unknown_member(sink, raw_key, form.entry_point_members, "entry point", here)
    if not has_type:
        rules.required(sink, form.type_member, here, form.type_member)
    if not has_uri:
        rules.required(sink, "uri", here, "uri")
    rules.entry_point(sink, form, here, kind, uri, label, region, features)
    return kind


def _features(
    sink: Sink, value: object, form: Form, at: Where
) -> list[EntryPointFeature | None] | None:
    array = as_array(value)
    member = form.features_member
    if array is None:
        rules.wrong_type(sink, value, "an array", member, at, member)
        return None
    where = (*at, member)
    return [
        rules.enum_value(sink, item, form.features, f"{member} item", where, index)
        for index, item in enumerate(array)
    ]


def _object(sink: Sink, value: object, what: str, at: Where, name: str | int) -> Any:
    """The members of a nested object, or None (its ``type`` problem reported)."""
    members = as_object(value)
    if members is None:
        rules.wrong_type(sink, value, "an object", what, at, name)
    return members


def _solution_key(sink: Sink, value: object, what: str, at: Where, name: str) -> Any:
    members = _object(sink, value, what, at, name)
    kind = None
    if members is not None:
        here = (*at, name)
        for key, item in members:
            if key == "type" and type(key) is str:
                kind = rules.enum_value(sink, item, _spec.SOLUTION_TYPES, f"{what}.type", here, key)
                rules.solution_type(sink, kind, here, "type")
            else:
                rules.unknown_member(sink, key, _spec.KEY_MEMBERS, what, here)
    return kind


def _calendar_solution(sink: Sink, value: object, at: Where) -> SolutionType | None:
    members = _object(sink, value, "conferenceSolution", at, "conferenceSolution")
    kind = None
    if members is not None:
        here = (*at, "conferenceSolution")
        for key, item in members:
            if type(key) is not str:
                rules.unknown_member(sink, key, _spec.SOLUTION_MEMBERS, "conferenceSolution", here)
            elif key == "key":
                kind = _solution_key(sink, item, "conferenceSolution.key", here, key)
            elif key == "name":
                rules.text(sink, item, _spec.SOLUTION_NAME, here, key)
            elif key == "iconUri":
                rules.text(sink, item, _spec.ICON_URI, here, key)
            else:
                rules.unknown_member(sink, key, _spec.SOLUTION_MEMBERS, "conferenceSolution", here)
    return kind


def _create_request(sink: Sink, value: object, at: Where) -> None:
    members = _object(sink, value, "createRequest", at, "createRequest")
    if members is None:
        return
    here = (*at, "createRequest")
    for key, item in members:
        if type(key) is not str:
            rules.unknown_member(sink, key, _spec.REQUEST_MEMBERS, "createRequest", here)
        elif key == "requestId":
            rules.text(sink, item, _spec.REQUEST_ID, here, key)
        elif key == "conferenceSolutionKey":
            _solution_key(sink, item, "createRequest.conferenceSolutionKey", here, key)
        elif key == "status":
            status = _object(sink, item, "createRequest.status", here, key)
            for inner, code in status or _NO_ITEMS:
                if inner == "statusCode" and type(inner) is str:
                    where = (*here, "status")
                    rules.enum_value(sink, code, _spec.STATUSES, "statusCode", where, inner)
                else:
                    rules.unknown_member(
                        sink, inner, _spec.STATUS_MEMBERS, "createRequest.status", (*here, key)
                    )
        else:
            rules.unknown_member(sink, key, _spec.REQUEST_MEMBERS, "createRequest", here)


def _calendar_parameters(sink: Sink, value: object, at: Where) -> None:
    """``parameters.addOnParameters.parameters``: a map of string keys to string values."""
    members = _object(sink, value, "parameters", at, "parameters")
    here: Where = (*at, "parameters")
    for key, item in members or _NO_ITEMS:
        if key != "addOnParameters" or type(key) is not str:
            rules.unknown_member(sink, key, _spec.PARAMETERS_MEMBERS, "parameters", here)
            continue
        inner = _object(sink, item, "addOnParameters", here, key)
        for name, mapping in inner or _NO_ITEMS:
            where = (*here, "addOnParameters")
            if name != "parameters" or type(name) is not str:
                rules.unknown_member(
                    sink, name, _spec.ADDON_PARAMETERS_MEMBERS, "addOnParameters", where
                )
                continue
            pairs = _object(sink, mapping, "addOnParameters.parameters", where, name)
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
        rules.text(sink, key, _spec.PARAMETER_KEY, at, key)
        rules.text(sink, item, _spec.PARAMETER_VALUE, at, key)
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
            rules.text(sink, value, _spec.CONFERENCE_ID, at, key)
        elif key == "entryPoints":
            count = walk_entry_points(sink, value, CALENDAR, at)
        elif key == "conferenceSolution":
            has_solution = True
            solution_kind = _calendar_solution(sink, value, at)
        elif key == "createRequest":
            has_request = True
            _create_request(sink, value, at)
        elif key == "notes":
            rules.text(sink, value, CALENDAR.notes, at, key)
        elif key == "parameters":
            _calendar_parameters(sink, value, at)
        elif key == "signature":
            rules.text(sink, value, _spec.SIGNATURE, at, key)
        else:
            unknown.append((raw_key, value))
    if unknown and _report_unknown(sink, unknown, CALENDAR, "conferenceData", at):
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
            rules.text(sink, value, _spec.CONFERENCE_ID, at, key)
        elif key == "entryPoints":
            count = walk_entry_points(sink, value, ADDON, at)
        elif key == "conferenceSolutionId":
            has_solution_id = True
            solution_id = rules.text(sink, value, _spec.SOLUTION_ID, at, key)
            if solution_id is not None and solution_ids is not None:
                whole.solution_id_known(sink, solution_id, solution_ids, at)
        elif key == "parameters":
            _addon_parameters(sink, value, at)
        elif key == "error":
            has_error = True
            _addon_error(sink, value, at)
        elif key == "note":
            rules.text(sink, value, ADDON.notes, at, key)
        else:
            unknown.append((raw_key, value))
            continue
        if key != "error" and key != "conferenceSolutionId" and _filled(value):
            data.append(key)
    if unknown and _report_unknown(sink, unknown, ADDON, "conference data", at):
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
        members = _object(sink, item, "parameter", here, index)
        key = None
        has_key = has_value = False
        where = (*here, index)
        for name, member in members or _NO_ITEMS:
            if name == "key" and type(name) is str:
                has_key = True
                key = rules.text(sink, member, _spec.PARAMETER_KEY, where, name)
            elif name == "value" and type(name) is str:
                has_value = True
                rules.text(sink, member, _spec.PARAMETER_VALUE, where, name)
            else:
                rules.unknown_member(sink, name, _spec.PARAMETER_MEMBERS, "parameter", where)
        if members is not None:
            if not has_key:
                rules.required(sink, "key", where, "key")
            if not has_value:
                rules.required(sink, "value", where, "value")
        keys.append(key)
    whole.parameter_set(sink, keys, at, "parameters")


def _addon_error(sink: Sink, value: object, at: Where) -> None:
    members = _object(sink, value, "error", at, "error")
    if members is None:
        return
    here = (*at, "error")
    kind = url = None
    has_type = has_url = False
    for key, item in members:
        if key == "type" and type(key) is str:
            has_type = True
            kind = rules.enum_value(sink, item, _spec.ERROR_TYPES, "error type", here, key)
        elif key == "authenticationUrl" and type(key) is str:
            has_url = True
            url = rules.text(sink, item, ADDON.auth_url, here, key)
        else:
            rules.unknown_member(sink, key, _spec.ERROR_MEMBERS, "error", here)
    if not has_type:
        rules.required(sink, "type", here, "type")
    rules.error(sink, kind, url, has_url, here)
