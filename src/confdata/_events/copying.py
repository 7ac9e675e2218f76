"""Copying an event and pre-flight checks: :func:`plan_copy`, :func:`can_create` (see
:mod:`confdata.lifecycle`)."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from confdata import ConferenceData, ConferenceDataBuilder, CreateRequest, Problem, SolutionType

from .._core.sink import Sink, single
from .._core.text import describe_type, show
from .event_json import DEPRECATED_TYPES
from .event_json import member as _member

__all__ = ["CopyAction", "CopyPlan", "can_create", "plan_copy"]


class CopyAction(enum.StrEnum):
    """What a copy of an event needs, conference-wise (see :func:`plan_copy`)."""

    NEW_CREATE_REQUEST = "new-create-request"
    """Write :attr:`CopyPlan.conference`: a create request with a fresh request ID."""
    CALL_ADD_ON = "call-add-on"
    """Ask the add-on named by :attr:`CopyPlan.solution_name` for a new conference."""
    NOTHING = "nothing"
    """Copy the event without conference data."""

    def __repr__(self) -> str:
        return f"CopyAction.{self.name}"


@attrs.frozen(kw_only=True, repr=False)
class CopyPlan:
    """What to do with the conference when an event is duplicated or moved to another calendar.

    The plan never carries the source's conference data: "Reusing Google Meet conference data
    across different events can cause access issues" [S3].
    """

    action: CopyAction
    conference: ConferenceData | None
    """For :attr:`CopyAction.NEW_CREATE_REQUEST`: the conference data to write (a create
    request of the source's solution type); None otherwise."""
    solution_type: SolutionType | str | None
    """The source conference's solution type (its spelling when confdata does not know it)."""
    solution_name: str | None
    """The source's solution name: which add-on to call for :attr:`CopyAction.CALL_ADD_ON`."""
    event: Mapping[str, Any] = attrs.field(eq=False)
    """The source event without its conference data and without what the server sets (ID,
    etag, iCalUID, links, timestamps, organizer): the body of the copy to insert."""
    reason: str
    """Why this action, in one sentence."""
    problems: tuple[Problem, ...] = ()
    """Warnings about the source (a deprecated solution type)."""

    def __repr__(self) -> str:
        return (
            f"CopyPlan(action={self.action!r}, solution_type={self.solution_type!r}, "
            f"solution_name={self.solution_name!r}, reason={self.reason!r})"
        )


# Members of an Event the server sets or that belong to the source alone.
_NOT_COPIED = frozenset(
    {
        "conferenceData",
        "hangoutLink",
        "id",
        "etag",
        "kind",
        "iCalUID",
        "htmlLink",
        "created",
        "updated",
        "sequence",
        "status",
        "recurringEventId",
        "originalStartTime",
        "creator",
        "organizer",
    }
)


def _solution(conference: Mapping[str, Any]) -> tuple[str | None, str, object]:
    """The conference's solution type (None unless a string), where it is, and its name."""
    path = "/conferenceData/conferenceSolution/key/type"
    kind = _member(conference, "conferenceSolution", "key", "type")
    if kind is None:
        path = "/conferenceData/createRequest/conferenceSolutionKey/type"
        kind = _member(conference, "createRequest", "conferenceSolutionKey", "type")
    text = str.__str__(kind) if isinstance(kind, str) else None
    return text, path, _member(conference, "conferenceSolution", "name")


def plan_copy(source_event: Mapping[str, Any], *, request_id: str | None = None) -> CopyPlan:
    """What a copy of ``source_event`` (an Event, as the API returns it) needs.

    A Google Meet conference gets a new create request (with ``request_id``, fresh by
    default); an add-on conference needs the add-on to make a new one; no conference, an
    unfamiliar solution type (which clients "should disallow modifications" of [S3]) or a
    deprecated one (new conferences of it "cannot be created") gets nothing. Write the new
    event with ``insert_arguments(plan.conference, calendar_id=..., event=plan.event)``.
    """
    if not isinstance(source_event, Mapping):
        got = describe_type(source_event)
        raise single("type", "", f"source_event must be an Event object (got {got})")
    conference = source_event.get("conferenceData")
    if conference is not None and not isinstance(conference, Mapping):
        got = describe_type(conference)
        raise single("type", "/conferenceData", f"conferenceData must be an object (got {got})")
    try:
        copy = json.loads(
            json.dumps({k: v for k, v in source_event.items() if k not in _NOT_COPIED})
        )
    except (TypeError, ValueError, RecursionError):
        raise single("type", "", "source_event must be JSON data") from None
    event = MappingProxyType(copy)
    kind, path, named = _solution(conference) if conference else (None, "", None)
    name = str.__str__(named) if isinstance(named, str) else None
    solution_type = SolutionType(kind) if kind in _SOLUTION_TYPES else kind

    def plan(action: CopyAction, reason: str, **more: Any) -> CopyPlan:
        return CopyPlan(
            action=action,
            conference=more.get("conference"),
            solution_type=solution_type,
            solution_name=name,
            event=event,
            reason=reason,
            problems=more.get("problems", ()),
        )

    if not conference:
        return plan(CopyAction.NOTHING, "the source event has no conference")
    if kind == "hangoutsMeet":
        request = (
            CreateRequest(solution_type=SolutionType.HANGOUTS_MEET)
            if request_id is None
            else CreateRequest(request_id=request_id, solution_type=SolutionType.HANGOUTS_MEET)
        )
        data = ConferenceDataBuilder().create_request(request).build()
        return plan(
            CopyAction.NEW_CREATE_REQUEST,
            "a Google Meet conference: ask Calendar for a new one with a fresh create request",
            conference=data,
        )
    if kind == "addOn":
        return plan(
            CopyAction.CALL_ADD_ON,
            f"an add-on conference ({show(name)}): the add-on must create a new one",
        )
    if kind in DEPRECATED_TYPES:
        message = f"{kind} is deprecated: new conferences of this type cannot be created"
        sink = Sink()
        sink.report("deprecated-solution-type", path, message)
        return plan(CopyAction.NOTHING, message, problems=tuple(sink.finish()))
    what = "no solution type" if kind is None else f"an unfamiliar solution type {show(kind)}"
    return plan(CopyAction.NOTHING, f"{what}: clients should not modify it")


_SOLUTION_TYPES = frozenset(kind.value for kind in SolutionType)


def can_create(calendar_resource: Mapping[str, Any], solution_type: SolutionType | str) -> bool:
    """Whether a create request for ``solution_type`` can succeed on this calendar.

    ``calendar_resource`` is what ``calendars().get(...)`` or ``calendarList().get(...)``
    returns; its ``conferenceProperties.allowedConferenceSolutionTypes`` lists "the types of
    conference solutions that are supported for this calendar" [S3]. Deprecated types are
    never creatable, and a calendar without the list allows nothing. Add-on conferences are
    made by their add-on, not by a create request: Google's list never names ``addOn``.
    """
    if not isinstance(calendar_resource, Mapping):
        got = describe_type(calendar_resource)
        raise single("type", "", f"calendar_resource must be a Calendar object (got {got})")
    kind: object = solution_type
    if isinstance(kind, SolutionType):
        kind = kind.value
    if not isinstance(kind, str) or not kind:
        got = show(solution_type)
        raise single("type", "/solution_type", f"solution_type must be a SolutionType (got {got})")
    properties = calendar_resource.get("conferenceProperties")
    if properties is None:
        return False
    allowed = _member(properties, "allowedConferenceSolutionTypes")
    if not isinstance(properties, Mapping) or not isinstance(allowed, (list, type(None))):
        path = "/conferenceProperties"
        if isinstance(properties, Mapping):
            path += "/allowedConferenceSolutionTypes"
        raise single("type", path, f"{path[1:]} has the wrong JSON type")
    if kind in DEPRECATED_TYPES or allowed is None:
        return False
    return any(type(item) is str and item == kind for item in allowed)
