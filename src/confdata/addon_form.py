"""The add-on response form: ``apps.extensions.markup.ConferenceDataMarkup`` [S16].

The JSON of the Apps Script object model and the only form that carries a
:class:`~confdata.ConferenceError`. Spellings: ``type`` and ``features`` with upper-case values,
``note``, ``parameters`` as a list of ``{key, value}``, ``error``, ``conferenceSolutionId``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NotRequired, TypedDict

from . import model
from ._fast import Parts, clean_addon_parts
from ._formio import Emitter, Reader, raise_if_unreadable
from ._forms import ADDON, ADDON_ERROR, ADDON_MEMBERS, ADDON_PARAMETER, ERROR_TYPES
from ._guard import guarded
from ._problems import Problem
from .validation import engine_addon_problems, manifest_ids

if TYPE_CHECKING:
    from .manifest import Manifest

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


_ERROR_SPELLINGS = {member: member.value for member in model.ConferenceErrorType}


def to_addon_json(data: model.ConferenceData) -> AddonConferenceData:
    """Emit ``data`` in the add-on form (an error result carries only the error)."""
    emit = Emitter(data, ADDON)
    out: dict[str, Any] = {}
    if data.error is None and data.conference_id is not None:
        out["conferenceId"] = data.conference_id
    if data.conference_solution_id is not None:
        out["conferenceSolutionId"] = data.conference_solution_id
    if data.error is not None:
        error: dict[str, Any] = {
            "type": emit.spell(data.error.type, _ERROR_SPELLINGS, "/error/type")
        }
        if data.error.authentication_url is not None:
            error["authenticationUrl"] = data.error.authentication_url
        out["error"] = error
        emit.finish(out)
        return out  # type: ignore[return-value]
    if data.entry_points:
        out["entryPoints"] = emit.entry_points(data.entry_points)
    if data.parameters:
        out["parameters"] = [{"key": p.key, "value": p.value} for p in data.parameters]
    if data.notes is not None:
        out["note"] = data.notes
    emit.finish(out)
    return out  # type: ignore[return-value]


class _AddonReader(Reader):
    def parameters(self, raw: list[dict[str, Any]]) -> tuple[model.ConferenceParameter, ...]:
        if not raw:
            self.keep(raw, "parameters")
        for index, item in enumerate(raw):
            self.keep_unknown(item, ADDON_PARAMETER, "parameters", index)
        make = model.make_parameter
        return tuple(make(item["key"], item["value"], False) for item in raw)

    def error(self, raw: dict[str, Any]) -> model.ConferenceError:
        self.keep_unknown(raw, ADDON_ERROR, "error")
        return model._unchecked(
            model.ConferenceError,
            type=ERROR_TYPES.get(raw["type"], raw["type"]),
            authentication_url=raw.get("authenticationUrl"),
        )

    def read(self, obj: dict[str, Any], problems: list[Problem]) -> model.ConferenceData:
        self.keep_unknown(obj, ADDON_MEMBERS)
        error = obj.get("error")
        entry_points = self.entry_points(obj.get("entryPoints"))
        solution = model.default_solution(entry_points, error)
        return self.conference(
            problems,
            conference_id=obj.get("conferenceId"),
            entry_points=entry_points,
            parameters=self.parameters(obj["parameters"]) if "parameters" in obj else (),
            notes=obj.get("note"),
            error=self.error(error) if error is not None else None,
            conference_solution_id=obj.get("conferenceSolutionId"),
            conference_solution=solution,
        )


def _read_clean(obj: dict[str, Any], parts: Parts) -> model.ConferenceData:
    """The value of a payload the acceptor proved clean, with the parts it made."""
    get = obj.get
    error = get("error")
    entry_points = tuple(parts.entry_points)
    return model.make_conference_data(
        get("conferenceId"),
        entry_points,
        tuple(parts.parameters),
        get("note"),
        _AddonReader(ADDON).error(error) if error is not None else None,
        get("conferenceSolutionId"),
        None,
        None,
        model.default_solution(entry_points, error),
        model._EMPTY_MAPPING,
        "addon",
        (),
    )


def from_addon_json(
    obj: object, *, lenient: bool = False, manifest: Manifest | None = None
) -> model.ConferenceData:
    """Read the add-on form (see :meth:`ConferenceData.from_addon_json`)."""
    solution_ids = manifest_ids(manifest)
    parts = clean_addon_parts(obj, solution_ids)
    if parts is not None:
        assert isinstance(obj, dict)
        return _read_clean(obj, parts)
    problems = engine_addon_problems(obj, solution_ids)  # the acceptor has declined it
    raise_if_unreadable(problems, lenient=lenient)
    assert isinstance(obj, dict)
    reader = _AddonReader(ADDON)
    return guarded(lambda: reader.read(obj, problems), obj)
