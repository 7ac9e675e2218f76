"""Waiting for a create request: :func:`wait_for_conference` (see :mod:`confdata.lifecycle`)."""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from confdata import ConferenceData, Problem, ValidationError

from .._core.sink import Sink, single
from .._core.text import describe_type, show
from .event_json import member as _member

__all__ = ["ConferenceWait", "WaitOutcome", "wait_for_conference"]


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


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
    if not isinstance(conference, Mapping):
        raise single(
            "type",
            "/conferenceData",
            f"conferenceData must be an object (got {describe_type(conference)})",
        )
    if "createRequest" not in conference:
        entry_points = conference.get("entryPoints")
        has_entry_points = isinstance(entry_points, list) and bool(entry_points)
        return WaitOutcome.SUCCESS if has_entry_points else WaitOutcome.NO_CONFERENCE
    status = _member(conference, "createRequest", "status", "statusCode")
    if status == "success":
        return WaitOutcome.SUCCESS
    if status == "failure":
        return WaitOutcome.FAILURE
    return WaitOutcome.PENDING  # pending, or a status not set or not known yet


def _read(conference: object) -> tuple[ConferenceData | None, tuple[Problem, ...]]:
    if not isinstance(conference, Mapping):
        return None, ()
    try:
        return ConferenceData.from_calendar_json(dict(conference), lenient=True), ()
    except ValidationError as error:
        return None, tuple(
            Problem(
                code=p.code,
                severity=p.severity,
                path=f"/conferenceData{p.path}",
                message=p.message,
            )
            for p in error.problems
        )


def _at_least(value: object, *, zero: bool) -> bool:
    if not _number(value):
        return False
    assert isinstance(value, (int, float))
    return value >= 0 if zero else value > 0


def _check_wait_arguments(arguments: Mapping[str, object]) -> None:
    sink = Sink()
    for name in ("get_event", "sleep", "clock"):
        if not callable(arguments[name]):
            got = describe_type(arguments[name])
            sink.report("type", f"/{name}", f"{name} must be callable (got {got})")
    for name in ("timeout", "initial_delay", "max_delay"):
        value = arguments[name]
        if not _at_least(value, zero=name == "timeout"):
            bound = "≥ 0" if name == "timeout" else "> 0"
            sink.report("type", f"/{name}", f"{name} must be a number {bound} (got {show(value)})")
    sink.raise_errors()


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
    """
    _check_wait_arguments(
        {
            "get_event": get_event,
            "sleep": sleep,
            "clock": clock,
            "timeout": timeout,
            "initial_delay": initial_delay,
            "max_delay": max_delay,
        }
    )

    def now() -> float:
        value = clock()
        if not _number(value):
            raise single("type", "/clock", f"clock() must return a number (got {show(value)})")
        return float(value)

    start = now()
    delay = float(initial_delay)
    polls = 0
    while True:
        event = get_event()
        polls += 1
        if not isinstance(event, Mapping):
            got = describe_type(event)
            raise single("type", "", f"get_event() must return an Event object (got {got})")
        outcome = _outcome(event.get("conferenceData"))
        remaining = start + timeout - now()
        if outcome is WaitOutcome.PENDING and remaining > 0:
            sleep(min(delay, remaining))
            delay = max(min(delay * 2, float(max_delay)), float(initial_delay))
            continue
        conference, problems = _read(event.get("conferenceData"))
        return ConferenceWait(
            outcome=outcome,
            conference=conference,
            event=MappingProxyType(dict(event)),
            polls=polls,
            waited=now() - start,
            problems=problems,
        )
