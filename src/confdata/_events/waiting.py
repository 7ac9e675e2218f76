"""Waiting for a create request: :func:`wait_for_conference` (see :mod:`confdata.lifecycle`)."""

from __future__ import annotations

import enum
import time
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .._core.arguments import MAX_SECONDS, Arguments
from .._core.foreign import NotJSON, array
from .._core.problems import Problem, ValidationError
from .._core.sink import single
from .._core.spec import CALENDAR_PATHS, EVENT_CONFERENCE
from .._core.text import describe_type
from .._core.values import ConferenceData
from .event_json import member, object_members, plain_object, text_member

__all__ = ["ConferenceWait", "WaitOutcome", "wait_for_conference"]

# What clock() may return, in seconds either side of zero: time.monotonic() and time.time()
# (about 1.8e9 now) fit with room for millennia; past it a float loses the sub-second steps.
_CLOCK_LIMIT = 10**15

(_REQUEST,) = CALENDAR_PATHS.create_request


class WaitOutcome(enum.StrEnum):
    """How :func:`wait_for_conference` ended."""

    SUCCESS = "success"
    """The create request succeeded (or the event carries a conference without one)."""
    FAILURE = "failure"
    """The create request failed: "there are no entry points" [S3]."""
    PENDING = "pending"
    """The timeout passed while the request was still pending."""
    NO_CONFERENCE = "no-conference"
    """The event has no conference data at all: nothing to wait for (the write was dropped)."""

    def __repr__(self) -> str:
        return f"WaitOutcome.{self.name}"


@attrs.frozen(kw_only=True, repr=False)
class ConferenceWait:
    """The result of :func:`wait_for_conference`: the outcome and the final conference data."""

    outcome: WaitOutcome
    conference: ConferenceData | None
    """The event's conference data at the last poll, read leniently (None without any)."""
    event: Mapping[str, Any] = attrs.field(eq=False)
    """The event as the last poll returned it (a read-only view)."""
    polls: int
    """How many times ``get_event`` was called."""
    waited: float
    """Seconds from the first poll to the end, as ``clock`` measured them."""
    problems: tuple[Problem, ...] = ()
    """Why ``conference`` is None although the event has conference data (wrong JSON types)."""

    @property
    def succeeded(self) -> bool:
        """True when the conference exists."""
        return self.outcome is WaitOutcome.SUCCESS

    def __repr__(self) -> str:
        conference_id = None if self.conference is None else self.conference.conference_id
        return (
            f"ConferenceWait(outcome={self.outcome!r}, conference_id={conference_id!r}, "
            f"polls={self.polls}, waited={self.waited!r})"
        )


def _outcome(conference: object) -> WaitOutcome:
    if conference is None:
        return WaitOutcome.NO_CONFERENCE
    found = object_members(conference)
    if found is None:
        raise single(
            "type",
            "/conferenceData",
            f"conferenceData must be an object (got {describe_type(conference)})",
        )
    if _REQUEST not in found:
        entry_points = array(member(found, *CALENDAR_PATHS.entry_points))
        return WaitOutcome.SUCCESS if entry_points else WaitOutcome.NO_CONFERENCE
    status = text_member(found, *CALENDAR_PATHS.request_status)
    if status == "success":
        return WaitOutcome.SUCCESS
    if status == "failure":
        return WaitOutcome.FAILURE
    return WaitOutcome.PENDING  # pending, or a status not set or not known yet


def _read(conference: object) -> tuple[ConferenceData | None, tuple[Problem, ...]]:
    if object_members(conference) is None:
        return None, ()
    try:
        return ConferenceData.from_calendar_json(conference, lenient=True), ()
    except ValidationError as error:
        return None, tuple(
            attrs.evolve(problem, path=f"/conferenceData{problem.path}")
            for problem in error.problems
        )


def _event(value: object) -> dict[str, Any]:
    """The event ``get_event()`` returned, as its one plain copy."""
    try:
        event = plain_object(value)
    except NotJSON as error:
        raise single("type", error.path, f"get_event() must return JSON: {error.message}") from None
    if event is None:
        got = describe_type(value)
        raise single("type", "", f"get_event() must return an Event object (got {got})")
    return event


def wait_for_conference(
    get_event: Callable[[], Mapping[str, Any]],
    *,
    timeout: float,
    sleep: Callable[[float], object] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    initial_delay: float = 0.5,
    max_delay: float = 8.0,
) -> ConferenceWait:
    """Poll ``get_event()`` until the event's create request is ``success`` or ``failure``.

    ``get_event`` returns the event, for instance
    ``lambda: service.events().get(calendarId="primary", eventId=event_id).execute()``. Polls
    are spaced ``initial_delay`` seconds apart at first, twice as far each time up to
    ``max_delay`` (exponential backoff, as Google's error guide recommends). When ``timeout``
    seconds (by ``clock``) pass first, the result says :attr:`WaitOutcome.PENDING`; nothing is
    raised. Errors ``get_event`` raises (HTTP errors) are not caught. Tests pass ``sleep`` and
    ``clock`` that move a fake time on.

    The durations take any Python number: ``timeout`` ≥ 0, the delays > 0, each at most
    1e9 seconds; ``clock()`` returns a number within ±1e15. Anything else raises
    :class:`~confdata.ValidationError` (never ``OverflowError``).
    """
    check = Arguments()
    check.function("get_event", get_event)
    check.function("sleep", sleep)
    check.function("clock", clock)
    limit = check.number("timeout", timeout, low=0)
    first = check.number("initial_delay", initial_delay, low=0, inclusive=False)
    longest = check.number("max_delay", max_delay, low=0, inclusive=False)
    check.done()

    def now() -> float:
        reading = Arguments()
        value = reading.number("clock()", clock(), low=-_CLOCK_LIMIT, high=_CLOCK_LIMIT)
        reading.done()
        return value

    start = now()
    delay = first
    polls = 0
    while True:
        event = _event(get_event())
        polls += 1
        outcome = _outcome(event.get(EVENT_CONFERENCE))
        # What is left of the timeout, from the time passed: ``start + limit - now()`` rounds
        # (100.0 + 1.9 - 100.0 is 1.9000000000000057) and slept past the timeout.
        remaining = limit - (now() - start)
        if outcome is WaitOutcome.PENDING and remaining > 0:
            sleep(min(delay, remaining, MAX_SECONDS))
            delay = max(min(delay * 2, longest), first)
            continue
        conference, problems = _read(event.get(EVENT_CONFERENCE))
        return ConferenceWait(
            outcome=outcome,
            conference=conference,
            event=MappingProxyType(event),
            polls=polls,
            waited=now() - start,
            problems=problems,
        )
