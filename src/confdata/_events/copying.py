"""Copying an event and pre-flight checks: :func:`plan_copy`, :func:`can_create` (see
:mod:`confdata.lifecycle`)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .._core.enums import SolutionType
from .._core.foreign import NotJSON, array, exact_str
from .._core.problems import Problem
from .._core.sink import Sink, pointer, single
from .._core.spec import (
    CALENDAR_PATHS,
    DEPRECATED_SPELLINGS,
    EVENT_CONFERENCE,
    SOLUTION_TYPES,
)
from .._core.text import describe_type, show
from .._core.values import ConferenceData, CreateRequest
from .event_json import object_members, plain_object, text_member

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
        EVENT_CONFERENCE,
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


def _solution(conference: Mapping[str, Any]) -> tuple[str | None, str, str | None]:
    """The conference's solution type (None unless a string), where it is, and its name."""
    at = CALENDAR_PATHS.solution_type
    kind = text_member(conference, *at)
    if kind is None:
        at = CALENDAR_PATHS.request_type
        kind = text_member(conference, *at)
    path = pointer("/conferenceData", *at)
    return kind, path, text_member(conference, *CALENDAR_PATHS.solution_name)


def plan_copy(source_event: Mapping[str, Any], *, request_id: str | None = None) -> CopyPlan:
    """What a copy of ``source_event`` (an Event, as the API returns it) needs.

    A Google Meet conference gets a new create request (with ``request_id``, fresh by
    default); an add-on conference needs the add-on to make a new one; no conference, an
    unfamiliar solution type (which clients "should disallow modifications" of [S3]) or a
    deprecated one (new conferences of it "cannot be created") gets nothing. Write the new
    event with ``insert_arguments(plan.conference, calendar_id=..., event=plan.event)``.
    """
    try:
        source = plain_object(source_event)
    except NotJSON as error:
        raise single(
            "type", error.path, f"source_event must be JSON data: {error.message}"
        ) from None
    if source is None:
        got = describe_type(source_event)
        raise single("type", "", f"source_event must be an Event object (got {got})")
    conference = source.get(EVENT_CONFERENCE)
    if conference is not None and object_members(conference) is None:
        got = describe_type(conference)
        raise single("type", "/conferenceData", f"conferenceData must be an object (got {got})")
    event = MappingProxyType({k: v for k, v in source.items() if k not in _NOT_COPIED})
    kind, path, name = _solution(conference) if conference else (None, "", None)
    solution_type = SOLUTION_TYPES.get(kind, kind) if kind is not None else None

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
    if kind == SolutionType.HANGOUTS_MEET.value:
        request = (
            CreateRequest(solution_type=SolutionType.HANGOUTS_MEET)
            if request_id is None
            else CreateRequest(request_id=request_id, solution_type=SolutionType.HANGOUTS_MEET)
        )
        return plan(
            CopyAction.NEW_CREATE_REQUEST,
            "a Google Meet conference: ask Calendar for a new one with a fresh create request",
            conference=ConferenceData(create_request=request),
        )
    if kind == SolutionType.ADD_ON.value:
        return plan(
            CopyAction.CALL_ADD_ON,
            f"an add-on conference ({show(name)}): the add-on must create a new one",
        )
    if kind in DEPRECATED_SPELLINGS:
        message = f"{kind} is deprecated: new conferences of this type cannot be created"
        sink = Sink()
        sink.report("deprecated-solution-type", path, message)
        return plan(CopyAction.NOTHING, message, problems=tuple(sink.finish()))
    what = "no solution type" if kind is None else f"an unfamiliar solution type {show(kind)}"
    return plan(CopyAction.NOTHING, f"{what}: clients should not modify it")


def can_create(calendar_resource: Mapping[str, Any], solution_type: SolutionType | str) -> bool:
    """Whether a create request for ``solution_type`` can succeed on this calendar.

    ``calendar_resource`` is what ``calendars().get(...)`` or ``calendarList().get(...)``
    returns; its ``conferenceProperties.allowedConferenceSolutionTypes`` lists "the types of
    conference solutions that are supported for this calendar" [S3]. Deprecated types are
    never creatable, and a calendar without the list allows nothing.

    ``addOn`` is always False: an add-on conference is made by its add-on when a user picks
    it in Calendar, never by a create request, and Google's list never names it. A backend
    that is not the add-on asks for Google Meet (``meet_request()``) or writes the join
    details as the event's text (``join_text()``).
    """
    found = object_members(calendar_resource)
    if found is None:
        got = describe_type(calendar_resource)
        raise single("type", "", f"calendar_resource must be a Calendar object (got {got})")
    kind = exact_str(solution_type)  # a SolutionType is a str whose data is its value
    if not kind:
        got = show(solution_type)
        raise single("type", "/solution_type", f"solution_type must be a SolutionType (got {got})")
    properties = found.get("conferenceProperties")
    if properties is None:
        return False
    allowed = object_members(properties)
    listed = None if allowed is None else allowed.get("allowedConferenceSolutionTypes")
    items = array(listed)
    if allowed is None or (listed is not None and items is None):
        path = "/conferenceProperties"
        if allowed is not None:
            path += "/allowedConferenceSolutionTypes"
        raise single("type", path, f"{path[1:]} has the wrong JSON type")
    if kind == SolutionType.ADD_ON.value or kind in DEPRECATED_SPELLINGS or items is None:
        return False
    return any(exact_str(item) == kind for item in items)
