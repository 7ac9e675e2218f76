"""The rules about a conference as a whole: its entry points and parameters together, and
what each form requires of a result. Conventions as in :mod:`confdata._rules`."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from .. import spec as _spec
from ..enums import ConferenceErrorType, EntryPointType, SolutionType
from ..sink import Sink, pointer
from ..spec import ADDON, CALENDAR, CALENDAR_PATHS, CONFERENCE_ID, SOLUTION_ID, Form
from ..text import show
from .entry_points import http_url
from .members import Where, exact_str, unknown_member

# The member names the rules name in paths and messages, from the shapes.
_ENTRY_POINTS = CALENDAR.entry_points_member
_ID = CONFERENCE_ID.json
_SOLUTION = CALENDAR_PATHS.solution[0]
_SOLUTION_ID = SOLUTION_ID.json
_AUTH_URL = _spec.AUTH_URL_MODEL.json

__all__ = [
    "addon_result",
    "calendar_result",
    "conference_unknown",
    "entry_point_set",
    "error",
    "error_with_data",
    "is_event",
    "model_result",
    "parameter_set",
    "solution_id_known",
    "solution_type",
    "success_result",
]


def entry_point_set(
    sink: Sink, kinds: Sequence[EntryPointType | None], form: Form, at: Where
) -> None:
    """Rules ``max-items``, ``duplicate-entry-point-type`` (at each later one),
    ``phone-not-shown`` (at each phone past the second) and ``more-only`` [S1-ept, S3, S5].

    ``kinds`` has None for an entry point that is not an object or whose type is missing or
    unknown: it suppresses ``more-only`` (SPEC §4.1).
    """
    if len(kinds) > _spec.MAX_ITEMS and sink.take("max-items"):
        sink.put(
            "max-items",
            pointer(*at, _ENTRY_POINTS),
            f"{_ENTRY_POINTS} must hold at most {_spec.MAX_ITEMS} entry points (got {len(kinds)})",
        )
    seen: set[EntryPointType] = set()
    phones = 0
    for index, kind in enumerate(kinds):
        if kind is EntryPointType.PHONE:
            phones += 1
            if phones > _spec.SHOWN_PHONES and sink.take("phone-not-shown"):
                sink.put(
                    "phone-not-shown",
                    pointer(*at, _ENTRY_POINTS, index),
                    f"Calendar shows only the first {_spec.SHOWN_PHONES} phone entry points; "
                    f"phone entry point {phones} is not shown",
                )
        elif kind in _spec.UNIQUE_TYPES:
            if kind in seen and sink.take("duplicate-entry-point-type"):
                sink.put(
                    "duplicate-entry-point-type",
                    pointer(*at, _ENTRY_POINTS, index),
                    f"at most one {form.type_spellings[kind]} entry point is allowed "
                    f"(this is another one)",
                )
            seen.add(kind)
    if kinds and all(kind is EntryPointType.MORE for kind in kinds) and sink.take("more-only"):
        sink.put(
            "more-only",
            pointer(*at, _ENTRY_POINTS),
            f"{_ENTRY_POINTS} must not hold only more entry points: add a video, phone or sip one",
        )


def parameter_set(
    sink: Sink, keys: Sequence[str | None], at: Where, *names: str, indexed: bool = True
) -> None:
    """Rules ``max-items`` and ``duplicate-parameter-key`` (at the later occurrence) [S3].

    ``keys`` holds None for a parameter whose key could not be read. ``indexed`` parameters
    are an array (the add-on form, the values); otherwise a map, whose keys are unique.
    """
    if len(keys) > _spec.MAX_ITEMS and sink.take("max-items"):
        sink.put(
            "max-items",
            pointer(*at, *names),
            f"parameters must hold at most {_spec.MAX_ITEMS} parameters (got {len(keys)})",
        )
    if not indexed:
        return
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if key is None:
            continue
        if key in seen and sink.take("duplicate-parameter-key"):
            sink.put(
                "duplicate-parameter-key",
                pointer(*at, *names, index),
                f"parameter key {show(key)} appears more than once",
            )
        seen.add(key)


def error_with_data(sink: Sink, present: Collection[str], at: Where) -> None:
    """Rule ``error-with-data`` [S9]: with an error, the other conference data is ignored."""
    if present and sink.take("error-with-data"):
        sink.put(
            "error-with-data",
            pointer(*at),
            f"an error result ignores the other conference data ({', '.join(present)})",
        )


def calendar_result(
    sink: Sink,
    at: Where,
    *,
    has_solution: bool,
    has_request: bool,
    entry_points: int | None,
    solution_kind: SolutionType | None,
    has_conference_id: bool,
) -> tuple[str, ...]:
    """Calendar form: "Either conferenceSolution and at least one entryPoint, or
    createRequest is required" [S3] (``solution-or-request``, ``solution-required``); and an
    ``addOn`` conference needs its conferenceId (``required``, SPEC §4.1).

    ``entry_points`` is None when the member is of the wrong type: present, so neither rule
    is reported on top of its ``type`` problem. Returns the members found missing.
    """
    if not has_request and entry_points is not None:
        if entry_points == 0:
            if sink.take("solution-or-request"):
                sink.put(
                    "solution-or-request",
                    pointer(*at),
                    f"conferenceData needs either {_SOLUTION} with at least one entry "
                    f"point, or {CALENDAR_PATHS.create_request[0]}",
                )
        elif not has_solution and sink.take("solution-required"):
            sink.put(
                "solution-required",
                pointer(*at, _SOLUTION),
                f"{_SOLUTION} is required with entry points unless there is a "
                f"{CALENDAR_PATHS.create_request[0]}",
            )
    if solution_kind is SolutionType.ADD_ON and not has_conference_id:
        if sink.take("required"):
            sink.put(
                "required",
                pointer(*at, _ID),
                f"{_ID} is required for an addOn conference solution",
            )
        return (_ID,)
    return ()


def success_result(
    sink: Sink, at: Where, *, has_conference_id: bool, entry_points: int | None
) -> tuple[str, ...]:
    """Rule ``required`` [S1-builder, S9]: without an error, a conference ID and at least one
    entry point. ``entry_points`` is None when the member is of the wrong type. Returns the
    members found missing."""
    missing: tuple[str, ...] = ()
    if not has_conference_id:
        missing = (_ID,)
        if sink.take("required"):
            sink.put(
                "required",
                pointer(*at, _ID),
                f"{_ID} is required unless there is an error",
            )
    if entry_points == 0:
        missing = (*missing, _ENTRY_POINTS)
        if sink.take("required"):
            sink.put(
                "required",
                pointer(*at, _ENTRY_POINTS),
                f"{_ENTRY_POINTS} is required: at least one entry point unless there is an error",
            )
    return missing


def addon_result(
    sink: Sink,
    at: Where,
    *,
    has_error: bool,
    ignored: Collection[str],
    has_conference_id: bool,
    entry_points: int | None,
    has_solution_id: bool,
) -> tuple[str, ...]:
    """What the add-on form requires of a result: an error result ignores the data beside it
    (``error-with-data``); a success needs its ID and an entry point (``required``) and, for a
    Workspace add-on, the solution's ID (``solution-id-missing``). Returns the members found
    missing."""
    if has_error:
        error_with_data(sink, ignored, at)
        return ()
    missing = success_result(
        sink, at, has_conference_id=has_conference_id, entry_points=entry_points
    )
    if not has_solution_id:
        solution_id_missing(sink, at)
    return missing


def model_result(
    sink: Sink,
    at: Where,
    *,
    has_error: bool,
    has_request: bool,
    has_solution: bool,
    solution_kind: SolutionType | None,
    has_conference_id: bool,
    entry_points: int | None,
    ignored: Collection[str],
) -> tuple[str, ...]:
    """What a value requires (paths in the Calendar form), the rules of both forms together:
    an error result ignores its data (``error-with-data``); a conference that is neither an
    error nor a create request needs its ID and an entry point (``required``) unless its
    solution is one of Google's own (third-party data without a solution is add-on data), and
    entry points need a solution (``solution-required``); a create request with an ``addOn``
    solution needs the ID too. Returns the members found missing."""
    if has_error:
        error_with_data(sink, ignored, at)
        return ()
    kind = solution_kind if has_solution else SolutionType.ADD_ON
    missing: tuple[str, ...] = ()
    if not has_request:
        missing = success_result(
            sink,
            at,
            has_conference_id=has_conference_id or kind is not SolutionType.ADD_ON,
            entry_points=entry_points,
        )
    # The Calendar form's rules, but for what the success rule said already: no entry points
    # (required, not solution-or-request) and, without a request, the ID.
    return missing + calendar_result(
        sink,
        at,
        has_solution=has_solution,
        has_request=has_request,
        entry_points=entry_points or None,
        solution_kind=kind if has_request and has_solution else None,
        has_conference_id=has_conference_id,
    )


def solution_id_missing(sink: Sink, at: Where) -> None:
    """Rule ``solution-id-missing`` [S1-builder]: Workspace add-ons must name the solution."""
    if sink.take("solution-id-missing"):
        sink.put(
            "solution-id-missing",
            pointer(*at, _SOLUTION_ID),
            f"{_SOLUTION_ID} is missing: Workspace add-ons must name the manifest's "
            "conference solution",
        )


def solution_id_known(sink: Sink, solution_id: str, known: frozenset[str], at: Where) -> None:
    """Rule ``solution-id-unknown`` [S16]: the id must be one the manifest declares."""
    if solution_id not in known and sink.take("solution-id-unknown"):
        declared = ", ".join(repr(i) for i in sorted(known)) or "none"
        sink.put(
            "solution-id-unknown",
            pointer(*at, _SOLUTION_ID),
            f"{_SOLUTION_ID} {show(solution_id)} is not declared in the manifest "
            f"(declared: {declared})",
        )


def error(
    sink: Sink,
    kind: ConferenceErrorType | None,
    url: str | None,
    has_url: bool,
    at: Where,
) -> None:
    """Rules ``auth-url-required``, ``auth-url-scheme`` and ``auth-url-ignored`` [S1-error].

    ``url`` is None when ``authenticationUrl`` is absent (``has_url`` False) or not a string.
    """
    if not has_url:
        if kind is ConferenceErrorType.AUTHENTICATION and sink.take("auth-url-required"):
            sink.put(
                "auth-url-required",
                pointer(*at, _AUTH_URL),
                f"an AUTHENTICATION error needs an {_AUTH_URL} for the user to sign in",
            )
        return
    if url is None:
        return  # its type problem says it all
    http_url(sink, url, at, _AUTH_URL)
    if (
        kind is not None
        and kind is not ConferenceErrorType.AUTHENTICATION
        and sink.take("auth-url-ignored")
    ):
        sink.put(
            "auth-url-ignored",
            pointer(*at, _AUTH_URL),
            f"{_AUTH_URL} is used only by AUTHENTICATION errors (this one is {kind.value})",
        )


def solution_type(sink: Sink, kind: SolutionType | None, at: Where, *names: str) -> None:
    """Rule ``deprecated-solution-type`` [S3]."""
    if kind in _spec.DEPRECATED_SOLUTIONS and sink.take("deprecated-solution-type"):
        assert kind is not None
        sink.put(
            "deprecated-solution-type",
            pointer(*at, *names),
            f"solution type {kind.value} is deprecated: new conferences of this type cannot be "
            f"created",
        )


def is_event(names: Mapping[Any, object]) -> bool:
    """Whether the members ``names`` make an Event resource rather than conference data: it
    holds ``conferenceData``, or its ``kind`` says it is an Event [S3: Events]."""
    return _spec.EVENT_CONFERENCE in names or exact_str(names.get(_spec.KIND)) == _spec.EVENT_KIND


def conference_unknown(
    sink: Sink, unknown: list[tuple[object, object]], form: Form, what: str, at: Where
) -> bool:
    """Rule ``unknown-field`` for a conference's unknown members, each with a hint when the
    other form has it; True when the value is an Event resource or an events.list page
    instead, which gets one ``type`` problem saying what to pass (SPEC §4.1: one root cause,
    one problem)."""
    names = {exact_str(key): value for key, value in unknown}
    kind = exact_str(names.get(_spec.KIND))
    page = _spec.ITEMS in names or kind == _spec.EVENTS_KIND
    if page or is_event(names):
        if sink.take("type"):
            shape = "an events.list page" if page else "an Event resource"
            sink.put(
                "type",
                pointer(*at),
                f"{what} expected, got {shape}: pass event[{_spec.EVENT_CONFERENCE!r}] "
                f"(for a page, each item's {_spec.EVENT_CONFERENCE})",
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
        unknown_member(sink, key, form.members, what, at, hint=hint)
    return False
