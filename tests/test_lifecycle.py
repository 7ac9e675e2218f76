"""The lifecycle helpers on plain dicts: waiting, checking writes, copying, pre-flight."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from confdata import (
    ConferenceDataBuilder,
    EntryPoint,
    SolutionType,
    ValidationError,
    insert_arguments,
    patch_arguments,
)
from confdata.lifecycle import (
    CopyAction,
    WaitOutcome,
    can_create,
    check_write,
    plan_copy,
    wait_for_conference,
)

from .calendars import acme, meet_request
from .hostile_values import EqRaises


class FakeTime:
    """A clock and a sleep that move it on, recording each sleep."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def _status(code: str) -> dict[str, Any]:
    data = meet_request()
    data["createRequest"]["status"] = {"statusCode": code}
    return {"id": "e1", "conferenceData": data}


def _meet_success() -> dict[str, Any]:
    event = _status("success")
    event["conferenceData"].update(
        conferenceId="abc-defg-hij",
        conferenceSolution={"key": {"type": "hangoutsMeet"}},
        entryPoints=[{"entryPointType": "video", "uri": "https://meet.google.com/abc-defg-hij"}],
    )
    return event


def _polls(*events: dict[str, Any]) -> Callable[[], dict[str, Any]]:
    """get_event answering the events in turn, then the last one forever."""
    answers = list(events)

    def get_event() -> dict[str, Any]:
        return answers.pop(0) if len(answers) > 1 else answers[0]

    return get_event


def test_waiting_ends_at_success_with_the_final_conference() -> None:
    """Pending, pending, success: three polls, backoff between them, the conference read."""
    time = FakeTime()
    result = wait_for_conference(
        _polls(_status("pending"), _status("pending"), _meet_success()),
        timeout=60,
        sleep=time.sleep,
        clock=time.clock,
    )
    assert result.outcome is WaitOutcome.SUCCESS
    assert result.succeeded
    assert result.polls == 3
    assert time.sleeps == [0.5, 1.0]
    assert result.conference is not None
    assert result.conference.conference_id == "abc-defg-hij"
    assert result.event["id"] == "e1"
    assert result.waited == 1.5


def test_waiting_ends_at_failure() -> None:
    """A failed create request ends the wait with outcome FAILURE."""
    time = FakeTime()
    result = wait_for_conference(
        _polls(_status("pending"), _status("failure")),
        timeout=60,
        sleep=time.sleep,
        clock=time.clock,
    )
    assert result.outcome is WaitOutcome.FAILURE
    assert not result.succeeded


def test_a_timeout_says_still_pending_and_raises_nothing() -> None:
    """The backoff doubles up to max_delay, never sleeps past the deadline, and ends PENDING."""
    time = FakeTime()
    result = wait_for_conference(
        _polls(_status("pending")), timeout=20, sleep=time.sleep, clock=time.clock
    )
    assert result.outcome is WaitOutcome.PENDING
    assert time.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 4.5]
    assert result.waited == 20
    assert result.polls == 7


def test_a_zero_timeout_polls_once() -> None:
    """timeout=0 reads the event once and answers what it saw."""
    time = FakeTime()
    result = wait_for_conference(
        _polls(_status("pending")), timeout=0, sleep=time.sleep, clock=time.clock
    )
    assert (result.outcome, result.polls, time.sleeps) == (WaitOutcome.PENDING, 1, [])


@pytest.mark.parametrize(
    ("event", "outcome"),
    [
        ({"id": "e1"}, WaitOutcome.NO_CONFERENCE),
        ({"id": "e1", "conferenceData": acme()}, WaitOutcome.SUCCESS),
        ({"id": "e1", "conferenceData": {"notes": "x"}}, WaitOutcome.NO_CONFERENCE),
        (_status("unheard-of"), WaitOutcome.PENDING),
    ],
)
def test_events_without_a_create_request_end_the_wait_at_once(
    event: dict[str, Any], outcome: WaitOutcome
) -> None:
    """No conference data: nothing to wait for; a conference without a request is ready; an
    unknown status is waited on like pending."""
    time = FakeTime()
    result = wait_for_conference(_polls(event), timeout=1, sleep=time.sleep, clock=time.clock)
    assert result.outcome is outcome


def test_conference_data_of_the_wrong_types_is_reported_not_raised() -> None:
    """A final conference that cannot be read leaves conference None and says why."""
    event = _status("success")
    event["conferenceData"]["entryPoints"] = "video"
    result = wait_for_conference(_polls(event), timeout=1, sleep=FakeTime().sleep)
    assert result.conference is None
    assert [(p.code, p.path) for p in result.problems] == [("type", "/conferenceData/entryPoints")]


def test_wrong_arguments_are_one_validation_error_before_any_poll() -> None:
    """Every wrong argument is named, and get_event is not called."""
    calls: list[int] = []
    with pytest.raises(ValidationError) as raised:
        wait_for_conference(
            lambda: calls.append(1),  # type: ignore[arg-type, return-value]
            timeout=-1,
            sleep="soon",  # type: ignore[arg-type]
            initial_delay=0,
            max_delay=float("nan"),
        )
    assert [p.path for p in raised.value.problems] == [
        "/sleep",
        "/timeout",
        "/initial_delay",
        "/max_delay",
    ]
    assert calls == []


@pytest.mark.parametrize("answer", ["an event", {"conferenceData": "meet"}])
def test_a_get_event_answer_that_is_not_an_event_is_a_validation_error(answer: Any) -> None:
    """get_event must return an Event object with object conference data."""
    with pytest.raises(ValidationError):
        wait_for_conference(lambda: answer, timeout=1, sleep=FakeTime().sleep)


def test_the_wait_result_repr_shows_no_entry_point() -> None:
    """A ConferenceWait's repr names the outcome and the conference ID, not its secrets."""
    event = _meet_success()
    event["conferenceData"]["entryPoints"][0]["passcode"] = "hidden-9"
    text = repr(wait_for_conference(_polls(event), timeout=1))
    assert "hidden-9" not in text
    assert "WaitOutcome.SUCCESS" in text
    assert "abc-defg-hij" in text


def _conference() -> Any:
    return (
        ConferenceDataBuilder()
        .conference_id("acme-1")
        .entry_point(EntryPoint.video("https://acme.example/j/acme-1?pwd=sesame"))
        .entry_point(EntryPoint.phone("tel:+12025550123", pin="1234", region_code="US"))
        .parameter("meetingKey", "k-1")
        .notes("Dial in with the PIN")
        .build()
    )


def test_a_write_whose_conference_came_back_missing_is_dropped() -> None:
    """conference-data-dropped, with a hint that depends on what is known of the request."""
    write = patch_arguments(_conference(), calendar_id="primary", event_id="e1")
    returned = {"id": "e1", "summary": "x"}
    (problem,) = check_write(write, returned)
    assert (problem.code, problem.path) == ("conference-data-dropped", "/conferenceData")
    assert "stripped" in problem.message
    (plain,) = check_write(write.arguments["body"], returned)
    assert "conferenceDataVersion=1" in plain.message
    without = {**write.arguments, "conferenceDataVersion": 0}
    (zero,) = check_write(without, returned)
    assert "conferenceDataVersion=0" in zero.message


def test_lost_entry_points_parameters_and_notes_are_each_reported() -> None:
    """Each entry point, parameter and the notes missing or changed in what came back."""
    write = insert_arguments(_conference(), calendar_id="primary", event={"summary": "x"})
    sent = write.arguments["body"]["conferenceData"]
    back = {
        **sent,
        "entryPoints": sent["entryPoints"][1:],
        "parameters": {"addOnParameters": {"parameters": {"meetingKey": "k-2"}}},
    }
    del back["notes"]
    problems = check_write(write, {"conferenceData": back})
    assert [(p.code, p.path) for p in problems] == [
        ("entry-point-lost", "/conferenceData/entryPoints/0"),
        ("parameter-lost", "/conferenceData/parameters/addOnParameters/parameters/meetingKey"),
        ("notes-lost", "/conferenceData/notes"),
    ]
    assert "sesame" not in problems[0].message
    assert "'k-1'" in problems[1].message


def test_a_write_that_came_back_intact_has_no_problems() -> None:
    """The same conference back (whatever the server adds) is clean."""
    write = insert_arguments(_conference(), calendar_id="primary", event={"summary": "x"})
    back = {**write.arguments["body"]["conferenceData"], "signature": "server-made"}
    assert check_write(write, {"conferenceData": back}) == []
    assert check_write({"summary": "no conference sent"}, {}) == []


def test_a_failed_create_request_is_reported_alone() -> None:
    """create-request-failed at the status code, and nothing else about that write."""
    (problem,) = check_write({"conferenceData": meet_request()}, _status("failure"))
    assert (problem.code, problem.path) == (
        "create-request-failed",
        "/conferenceData/createRequest/status/statusCode",
    )
    assert check_write({"conferenceData": meet_request()}, _status("pending")) == []


def test_a_replaced_add_on_solution_is_reported_alone() -> None:
    """An addOn conference that came back as another solution or another add-on."""
    as_meet = _meet_success()
    (problem,) = check_write({"conferenceData": acme()}, as_meet)
    assert (problem.code, problem.path) == (
        "solution-replaced",
        "/conferenceData/conferenceSolution/key/type",
    )
    other = acme()
    other["conferenceSolution"]["name"] = "Other Video"
    (renamed,) = check_write({"conferenceData": acme()}, {"conferenceData": other})
    assert renamed.path == "/conferenceData/conferenceSolution/name"


def test_check_write_reports_wrong_types_and_raises_for_wrong_arguments() -> None:
    """Conference data of the wrong type is a problem; non-events are a ValidationError."""
    (problem,) = check_write({"conferenceData": acme()}, {"conferenceData": "gone"})
    assert (problem.code, problem.path) == ("type", "/conferenceData")
    for sent, returned in (("body", {}), ({}, ["event"])):
        with pytest.raises(ValidationError):
            check_write(sent, returned)  # type: ignore[arg-type]


def test_check_write_is_bounded_per_code() -> None:
    """150 lost entry points list 100 problems and one that counts the rest."""
    sent = {"conferenceData": {**acme(), "entryPoints": []}}
    sent["conferenceData"]["entryPoints"] = [
        {"entryPointType": "more", "uri": f"https://acme.example/{n}"} for n in range(150)
    ]
    problems = check_write(sent, {"conferenceData": acme()})
    assert len(problems) == 101
    assert "50 more" in problems[-1].message


def _event(conference: dict[str, Any] | None) -> dict[str, Any]:
    event: dict[str, Any] = {
        "kind": "calendar#event",
        "id": "src1",
        "etag": '"1"',
        "iCalUID": "src1@google.com",
        "htmlLink": "https://www.google.com/calendar/event?eid=x",
        "summary": "Planning",
        "start": {"dateTime": "2026-11-26T10:00:00Z"},
        "end": {"dateTime": "2026-11-26T11:00:00Z"},
        "attendees": [{"email": "a@example.com"}],
    }
    if conference is not None:
        event["conferenceData"] = conference
        event["hangoutLink"] = "https://meet.google.com/abc-defg-hij"
    return event


def test_a_meet_conference_is_copied_as_a_new_create_request() -> None:
    """plan_copy of a Meet event: a fresh create request, and the event without its data."""
    source = _event(_meet_success()["conferenceData"])
    plan = plan_copy(source, request_id="fresh-1")
    assert plan.action is CopyAction.NEW_CREATE_REQUEST
    assert plan.solution_type is SolutionType.HANGOUTS_MEET
    assert plan.conference is not None
    request = plan.conference.create_request
    assert request is not None
    assert (request.request_id, request.solution_type) == ("fresh-1", SolutionType.HANGOUTS_MEET)
    assert dict(plan.event) == {
        "summary": "Planning",
        "start": {"dateTime": "2026-11-26T10:00:00Z"},
        "end": {"dateTime": "2026-11-26T11:00:00Z"},
        "attendees": [{"email": "a@example.com"}],
    }
    first, second = (plan_copy(source).conference for _ in range(2))
    assert first is not None
    assert second is not None
    assert first.create_request != second.create_request


@pytest.mark.parametrize(
    ("conference", "action", "codes"),
    [
        (acme(), CopyAction.CALL_ADD_ON, []),
        (meet_request(), CopyAction.NEW_CREATE_REQUEST, []),
        (None, CopyAction.NOTHING, []),
        (
            {
                **_meet_success()["conferenceData"],
                "conferenceSolution": {"key": {"type": "eventHangout"}},
            },
            CopyAction.NOTHING,
            ["deprecated-solution-type"],
        ),
        ({"conferenceSolution": {"key": {"type": "holoCall"}}}, CopyAction.NOTHING, []),
    ],
)
def test_plan_copy_chooses_by_solution_type(
    conference: dict[str, Any] | None, action: CopyAction, codes: list[str]
) -> None:
    """Add-ons are called, Meet requests renewed, deprecated and unknown types left alone."""
    plan = plan_copy(_event(conference))
    assert plan.action is action
    assert [p.code for p in plan.problems] == codes
    if action is CopyAction.CALL_ADD_ON:
        assert plan.solution_name == "Acme Video"


conferences = st.one_of(
    st.none(),
    st.builds(acme, st.sampled_from(["a-1", "b-2"])),
    st.builds(meet_request, st.text(min_size=1, max_size=8)),
    st.just(_meet_success()["conferenceData"]),
    st.fixed_dictionaries(
        {
            "conferenceSolution": st.fixed_dictionaries(
                {"key": st.fixed_dictionaries({"type": st.text(max_size=12)})}
            )
        }
    ),
)


@given(conferences)
@example(_meet_success()["conferenceData"])
@example({"conferenceSolution": {"key": {"type": {"not": "hashable"}}}})
@example({"createRequest": {"requestId": "r", "conferenceSolutionKey": {"type": "hangoutsMeet"}}})
def test_plan_copy_never_reuses_the_source_conference(conference: dict[str, Any] | None) -> None:
    """Whatever the source, the plan's event has no conference data and the plan's conference
    (if any) is a bare create request with a new request ID."""
    plan = plan_copy(_event(conference))
    assert "conferenceData" not in plan.event
    assert "hangoutLink" not in plan.event
    if plan.conference is not None:
        body = plan.conference.to_calendar_json()
        assert "entryPoints" not in body
        assert "conferenceId" not in body
        sent_id = (conference or {}).get("createRequest", {}).get("requestId")
        assert body["createRequest"]["requestId"] != sent_id


def test_plan_copy_rejects_what_is_not_an_event() -> None:
    """A non-object event or conference data is a ValidationError."""
    for source in ("event", {"conferenceData": ["x"]}, {"summary": object()}):
        with pytest.raises(ValidationError):
            plan_copy(source)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("allowed", "kind", "expected"),
    [
        (["hangoutsMeet"], SolutionType.HANGOUTS_MEET, True),
        (["hangoutsMeet"], "hangoutsMeet", True),
        ([], SolutionType.HANGOUTS_MEET, False),
        (["eventHangout"], SolutionType.EVENT_HANGOUT, False),
        (["hangoutsMeet"], SolutionType.ADD_ON, False),
        (None, SolutionType.HANGOUTS_MEET, False),
    ],
)
def test_can_create_reads_the_allowed_solution_types(
    allowed: list[str] | None, kind: SolutionType | str, expected: bool
) -> None:
    """Allowed and not deprecated: True; anything else: False."""
    calendar: dict[str, Any] = {"id": "primary"}
    if allowed is not None:
        calendar["conferenceProperties"] = {"allowedConferenceSolutionTypes": allowed}
    assert can_create(calendar, kind) is expected


@pytest.mark.parametrize(
    ("calendar", "kind"),
    [
        ("primary", "hangoutsMeet"),
        ({"conferenceProperties": ["hangoutsMeet"]}, "hangoutsMeet"),
        (
            {"conferenceProperties": {"allowedConferenceSolutionTypes": "hangoutsMeet"}},
            "hangoutsMeet",
        ),
        ({}, 3),
        ({}, ""),
    ],
)
def test_can_create_rejects_malformed_arguments(calendar: Any, kind: Any) -> None:
    """A calendar or solution type of the wrong kind is a ValidationError."""
    with pytest.raises(ValidationError):
        can_create(calendar, kind)


# Numbers that cannot overflow, and foreign values read as data (issues 28 and 29).


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"timeout": 10**400}, "/timeout"),
        ({"timeout": 10**5000}, "/timeout"),
        ({"timeout": float("inf")}, "/timeout"),
        ({"initial_delay": 10**400}, "/initial_delay"),
        ({"max_delay": 1e308 * 10}, "/max_delay"),
        ({"max_delay": True}, "/max_delay"),
        ({"timeout": "10"}, "/timeout"),
    ],
)
def test_durations_that_cannot_be_used_are_validation_errors(
    arguments: dict[str, Any], path: str
) -> None:
    """A duration too large for a wait (10**400 included), infinite, a bool or a string is a
    ValidationError naming it, raised before any poll, never an OverflowError."""
    calls: list[int] = []

    def get_event() -> dict[str, Any]:
        calls.append(1)
        return _meet_success()

    given: dict[str, Any] = {"timeout": 1, **arguments}
    with pytest.raises(ValidationError) as raised:
        wait_for_conference(get_event, sleep=FakeTime().sleep, **given)
    assert [p.path for p in raised.value.problems] == [path]
    assert calls == []


@pytest.mark.parametrize("reading", [10**400, -(10**400), float("nan"), float("inf"), "12", None])
def test_a_clock_reading_that_cannot_be_used_is_a_validation_error(reading: Any) -> None:
    """clock() returning a number too large for a float, NaN, infinity or no number is a
    ValidationError at /clock(), never an OverflowError."""
    with pytest.raises(ValidationError) as raised:
        wait_for_conference(_polls(_status("pending")), timeout=5, clock=lambda: reading)
    assert [p.path for p in raised.value.problems] == ["/clock()"]


@given(
    timeout=st.one_of(st.integers(), st.floats()),
    initial_delay=st.one_of(st.integers(), st.floats()),
    max_delay=st.one_of(st.integers(), st.floats()),
)
# A clock at 100.0 made 100.0 + 1.9 - 100.0 = 1.9000000000000057 seconds left of 1.9.
@example(timeout=1.9, initial_delay=2, max_delay=1)
def test_any_python_number_waits_or_is_refused(
    timeout: float, initial_delay: float, max_delay: float
) -> None:
    """Any int or float for the durations either waits (every sleep a finite, non-negative
    float, none past what is left of the timeout) or is a ValidationError."""
    time = FakeTime()
    try:
        result = wait_for_conference(
            _polls(_status("pending"), _status("pending"), _status("success")),
            timeout=timeout,
            initial_delay=initial_delay,
            max_delay=max_delay,
            sleep=time.sleep,
            clock=time.clock,
        )
    except ValidationError as error:
        codes = {p.code for p in error.problems}
    else:
        codes = set()
        assert result.outcome in (WaitOutcome.SUCCESS, WaitOutcome.PENDING)
        assert all(type(s) is float and 0 <= s <= timeout for s in time.sleeps)
    assert codes <= {"type"}


def _hostile(event: Any) -> Any:
    """``event`` with every string (keys too) an EqRaises."""
    if isinstance(event, dict):
        return {EqRaises(k): _hostile(v) for k, v in event.items()}
    if isinstance(event, list):
        return [_hostile(v) for v in event]
    return EqRaises(event) if isinstance(event, str) else event


def test_foreign_strings_are_read_as_their_data() -> None:
    """Events whose strings' comparisons raise are read as plain strings by every lifecycle
    helper: the wait sees success, the copy plan a Meet conference, can_create the allowed
    type, check_write an intact write."""
    result = wait_for_conference(_polls(_hostile(_meet_success())), timeout=1)
    assert result.outcome is WaitOutcome.SUCCESS
    assert type(result.event["id"]) is str
    plan = plan_copy(_hostile(_meet_success()))
    assert plan.action is CopyAction.NEW_CREATE_REQUEST
    calendar = {"conferenceProperties": {"allowedConferenceSolutionTypes": ["hangoutsMeet"]}}
    assert can_create(_hostile(calendar), EqRaises("hangoutsMeet"))
    write = patch_arguments(_conference(), calendar_id="primary", event_id="e1")
    returned = _hostile({"id": "e1", "conferenceData": _conference().to_calendar_json()})
    assert check_write(write, returned) == []


def test_the_wait_result_s_event_can_be_passed_on() -> None:
    """ConferenceWait.event (a read-only view) is taken by plan_copy as an event."""
    result = wait_for_conference(_polls(_meet_success()), timeout=1)
    assert plan_copy(result.event).action is CopyAction.NEW_CREATE_REQUEST


def test_can_create_never_says_yes_to_add_on() -> None:
    """Even a calendar listing addOn cannot be sent an addOn create request: the add-on makes
    its conferences."""
    calendar = {"conferenceProperties": {"allowedConferenceSolutionTypes": ["addOn"]}}
    assert not can_create(calendar, SolutionType.ADD_ON)
