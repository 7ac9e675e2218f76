"""The add-on response form: ``apps.extensions.markup.ConferenceDataMarkup`` [S16].

The JSON of the Apps Script object model and the only form that carries a
:class:`~confdata.ConferenceError`. Spellings: ``type`` and ``features`` with upper-case values,
``note``, ``parameters`` as a list of ``{key, value}``, ``error``, ``conferenceSolutionId``.
"""

from __future__ import annotations

from functools import partial
from typing import Any, NotRequired

from typing_extensions import TypedDict

from . import spec as _spec
from .enums import ConferenceErrorType
from .reading import Reader, check_read, put_back, spell_entry_point
from .rules.members import exact_str
from .spec import ADDON
from .walk.addon import walk_addon
from .walk.shared import as_array, as_object

__all__ = [
    "AddonConferenceData",
    "AddonEntryPoint",
    "AddonError",
    "AddonParameter",
]


class AddonEntryPoint(TypedDict):
    """``EntryPointMarkup``: ``type`` is ``VIDEO``, ``PHONE``, ``SIP`` or ``MORE``."""

    type: str
    uri: str
    label: NotRequired[str]
    meetingCode: NotRequired[str]
    accessCode: NotRequired[str]
    passcode: NotRequired[str]
    password: NotRequired[str]
    pin: NotRequired[str]
    regionCode: NotRequired[str]
    features: NotRequired[list[str]]


class AddonParameter(TypedDict):
    """``Parameter``: one key/value pair."""

    key: str
    value: str


class AddonError(TypedDict):
    """``ConferenceDataMarkup.Error``."""

    type: str
    authenticationUrl: NotRequired[str]


class AddonConferenceData(TypedDict):
    """``ConferenceDataMarkup``: what an add-on's ``onCreateFunction`` returns."""

    conferenceId: NotRequired[str]
    conferenceSolutionId: NotRequired[str]
    entryPoints: NotRequired[list[AddonEntryPoint]]
    parameters: NotRequired[list[AddonParameter]]
    error: NotRequired[AddonError]
    note: NotRequired[str]


# What an error result drops (SPEC §5: the data beside an error is ignored).
_ERROR_IGNORES = frozenset({"conferenceId", "entryPoints", "parameters", "note"})


def emit(data: Any) -> AddonConferenceData:
    """``data`` (a :class:`~confdata.ConferenceData`) in the add-on form; an error result
    carries only its error (and the solution id that names the solution)."""
    out: dict[str, Any] = {}
    error = data.error
    if error is None and data.conference_id is not None:
        out["conferenceId"] = data.conference_id
    if data.conference_solution_id is not None:
        out["conferenceSolutionId"] = data.conference_solution_id
    if error is not None:
        written: dict[str, Any] = {"type": error.type.value}
        if error.authentication_url is not None:
            written["authenticationUrl"] = error.authentication_url
        out["error"] = written
    else:
        if data.entry_points:
            out["entryPoints"] = [spell_entry_point(ep, ADDON) for ep in data.entry_points]
        if data.parameters:
            out["parameters"] = [{"key": p.key, "value": p.value} for p in data.parameters]
        if data.notes is not None:
            out["note"] = data.notes
    put_back(out, data, ADDON, _ERROR_IGNORES if error is not None else frozenset())
    return out  # type: ignore[return-value]  # built member by member as the TypedDict says


def read(
    obj: object, *, lenient: bool, solution_ids: frozenset[str] | None = None
) -> dict[str, Any]:
    """The keyword arguments of the :class:`~confdata.ConferenceData` that ``obj`` holds
    (see :meth:`~confdata.ConferenceData.from_addon_json`)."""
    problems = check_read(partial(_walk, solution_ids=solution_ids), obj, lenient=lenient)
    reader = Reader(ADDON)
    fields: dict[str, Any] = {"read_problems": tuple(problems)}
    for raw_key, value in as_object(obj) or ():
        key = exact_str(raw_key)
        if key == "conferenceId":
            fields["conference_id"] = exact_str(value)
        elif key == "conferenceSolutionId":
            fields["conference_solution_id"] = exact_str(value)
        elif key == "entryPoints":
            fields["entry_points"] = reader.entry_points(value)
        elif key == "parameters":
            fields["parameters"] = _parameters(reader, value)
        elif key == "error":
            fields["error"] = _error(reader, value)
        elif key == "note":
            fields["notes"] = exact_str(value)
        elif key is not None:
            reader.keep(value, key)
    fields["preserved"] = reader.finish()
    return fields


def _walk(sink: Any, obj: object, *, solution_ids: frozenset[str] | None) -> None:
    walk_addon(sink, obj, "", solution_ids)


def _parameters(reader: Reader, value: object) -> list[tuple[str, str]]:
    items = as_array(value) or ()
    if not items:
        reader.keep(value, "parameters")
    pairs = []
    for index, item in enumerate(items):
        members = {exact_str(k): v for k, v in as_object(item) or ()}
        reader.keep_unknown(members.items(), _spec.PARAMETER_MEMBERS, "parameters", index)
        pairs.append((exact_str(members["key"]) or "", exact_str(members["value"]) or ""))
    return pairs


def _error(reader: Reader, value: object) -> dict[str, Any]:
    members = {exact_str(k): v for k, v in as_object(value) or ()}
    reader.keep_unknown(members.items(), _spec.ERROR_MEMBERS, "error")
    kind = _spec.ERROR_TYPES.get(exact_str(members["type"]) or "")
    if kind is None:  # held as UNKNOWN; the spelling read is kept and written back
        reader.keep(members["type"], "error", "type")
        kind = ConferenceErrorType.UNKNOWN
    return {"type": kind, "authentication_url": exact_str(members.get("authenticationUrl"))}
