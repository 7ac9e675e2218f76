"""The request the shipped Apps Script sends to a backend when Calendar calls onCreateFunction.

``requestConferenceData(url, request)`` (``confdata apps-script``) POSTs the object the add-on's
one line per solution builds from the onCreate argument [S10]::

    {"solutionId": "acme", "calendarId": arg.eventData.calendarId,
     "eventId": arg.eventData.eventId}

:class:`OnCreateRequest` is that object, read strictly: anything else is a
:class:`~confdata.ValidationError` whose problems point into the request.
"""

from __future__ import annotations

from typing import Any, Final, Self

import attrs
from typing_extensions import TypedDict

from .._core import spec as _spec
from .._core.foreign import exact_str, items
from .._core.problems import ValidationError
from .._core.sink import Sink, pointer
from .._core.text import describe_type, show
from ..builders import ConferenceDataBuilder

__all__ = ["OnCreateRequest", "OnCreateRequestJSON"]

SOLUTION_ID: Final = "solutionId"
CALENDAR_ID: Final = "calendarId"
EVENT_ID: Final = "eventId"
# Each member of the request and the field that holds it, in the order the shim writes them.
_MEMBERS = {SOLUTION_ID: "solution_id", CALENDAR_ID: "calendar_id", EVENT_ID: "event_id"}
_WHAT = "the onCreate request"


class OnCreateRequestJSON(TypedDict):
    """The JSON of an :class:`OnCreateRequest`."""

    solutionId: str
    calendarId: str
    eventId: str


def _member(sink: Sink, name: str, value: object) -> str:
    """One member of the request: a non-empty string (``solutionId`` also within the limits
    of ``conferenceSolutionId``, which it becomes)."""
    text = exact_str(value)
    where = pointer("", name)
    if text is None:
        sink.report("type", where, f"{name} must be a string (got {show(value)})")
        return ""
    if name == SOLUTION_ID:
        try:  # the rules of conferenceSolutionId, decided where they live
            ConferenceDataBuilder(conference_solution_id=text)
        except ValidationError as error:
            for problem in error.problems:
                message = f"{problem.message} ({name} becomes the conferenceSolutionId)"
                sink.report(problem.code, where, message)
    elif not text:
        sink.report("empty", where, f"{name} must not be empty")
    return text


def _check(request: OnCreateRequest) -> None:
    sink = Sink()
    for name, field in _MEMBERS.items():
        _member(sink, name, getattr(request, field))
    sink.raise_errors()


@attrs.frozen(kw_only=True)
class OnCreateRequest:
    """Which conference to create: the solution the user picked, and the event's calendar and
    ID (the onCreate argument's ``eventData.calendarId`` and ``eventData.eventId``).

    Made with :meth:`from_json` from the body the Apps Script sends, or directly; either way
    every member is checked and :class:`~confdata.ValidationError` lists what is wrong.
    """

    solution_id: str
    """The add-on manifest's ``conferenceSolution[].id`` the user picked."""
    calendar_id: str
    """The calendar the event is on."""
    event_id: str
    """The event the conference is for."""

    __attrs_post_init__ = _check

    @classmethod
    def from_json(cls, obj: object) -> Self:
        """Read the request's JSON (parsed): an object with exactly ``solutionId``,
        ``calendarId`` and ``eventId``, each a non-empty string. Raises
        :class:`~confdata.ValidationError` with every problem (codes ``type``, ``required``,
        ``empty``, ``unknown-field``, and those of ``conferenceSolutionId`` for
        ``solutionId``), paths pointing into ``obj``."""
        sink = Sink()
        pairs = items(obj)
        if pairs is None:
            sink.report("type", "", f"{_WHAT} must be a JSON object (got {describe_type(obj)})")
            sink.raise_errors()
        found: dict[str, str] = {}
        for key, value in pairs or ():
            name = exact_str(key)
            if name is None:
                sink.report("type", "", f"{_WHAT} has a member name that is not a string")
            elif name not in _MEMBERS:
                known = ", ".join(_MEMBERS)
                sink.report(
                    "unknown-field",
                    pointer("", name),
                    f"{_WHAT} has no member {show(name)}; its members are {known}",
                )
            else:
                found[_MEMBERS[name]] = _member(sink, name, value)
        for name, field in _MEMBERS.items():
            if field not in found:
                sink.report("required", pointer("", name), f"{name} is required")
        sink.raise_errors()
        made: Self = cls(**found)
        return made

    def to_json(self) -> OnCreateRequestJSON:
        """The JSON the Apps Script sends for this request."""
        return {
            SOLUTION_ID: self.solution_id,
            CALENDAR_ID: self.calendar_id,
            EVENT_ID: self.event_id,
        }

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """pydantic (and FastAPI) read the request with :meth:`from_json`."""
        from .._core.pydantic import value_schema

        return value_schema(
            cls, read=cls.from_json, write=cls.to_json, ref="confdata.OnCreateRequest:json",
            title="OnCreateRequest",
        )  # fmt: skip

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> Any:
        """The request's JSON Schema."""
        text: dict[str, Any] = {"type": "string", "minLength": 1}
        properties = {name: dict(text) for name in _MEMBERS}
        properties[SOLUTION_ID]["maxLength"] = _spec.SOLUTION_ID.limit
        return {
            "title": "OnCreateRequest",
            "description": "What the shipped Apps Script sends when Calendar calls an "
            "onCreateFunction.",
            "type": "object",
            "additionalProperties": False,
            "required": list(_MEMBERS),
            "properties": properties,
        }
