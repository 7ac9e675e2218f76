"""confdata.testing: strategies, invalid examples, fixtures, the assertion and the plugin."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from confdata import (
    ConferenceData,
    ConferenceError,
    ConferenceErrorType,
    EntryPoint,
    EntryPointType,
    Severity,
    validate_addon_json,
    validate_calendar_json,
)
from confdata._core.schema import json_schema
from confdata.testing import (
    InvalidExample,
    addon_json,
    assert_valid_conference_data,
    calendar_json,
    conference_data,
    conference_errors,
    entry_points,
    full_conference,
    invalid_addon_json,
    invalid_calendar_json,
    limited_text,
    meet_response,
    pending_create_request,
    phone_only,
    temporary_error,
    video_only,
)
from confdata.testing._breakers import ADDON_BREAKERS, CALENDAR_BREAKERS

jsonschema = pytest.importorskip("jsonschema")
CALENDAR_SCHEMA = jsonschema.Draft202012Validator(json_schema("calendar"))
ADDON_SCHEMA = jsonschema.Draft202012Validator(json_schema("addon"))


@given(calendar_json(errors=True))
def test_calendar_json_is_valid_and_fits_the_schema(payload: dict[str, object]) -> None:
    """Every calendar_json() payload passes the validator and the exported schema."""
    assert [p for p in validate_calendar_json(payload) if p.severity is Severity.ERROR] == []
    CALENDAR_SCHEMA.validate(payload)


@given(addon_json(errors=True))
def test_addon_json_is_valid_without_warnings(payload: dict[str, object]) -> None:
    """Every addon_json() payload passes strictly (no warning) and fits the schema."""
    assert validate_addon_json(payload) == []
    ADDON_SCHEMA.validate(payload)


@given(entry_points(kinds=[EntryPointType.PHONE]))
def test_entry_points_respects_kinds(entry_point: EntryPoint) -> None:
    """entry_points(kinds=...) draws only those kinds."""
    assert entry_point.type is EntryPointType.PHONE


@given(conference_data(kinds=[EntryPointType.PHONE], parameters=False, notes=False))
def test_conference_data_options(data: ConferenceData) -> None:
    """kinds, parameters and notes options are honoured."""
    assert {ep.type for ep in data.entry_points} == {EntryPointType.PHONE}
    assert data.parameters == ()
    assert data.notes is None


@given(entry_points(kinds=[EntryPointType.PHONE]), entry_points(kinds=[EntryPointType.VIDEO]))
def test_three_hundred_entry_points_are_valid(phone: EntryPoint, video: EntryPoint) -> None:
    """Generated entry points fill the 300 limit: valid, with phone-not-shown warnings only."""
    data = ConferenceData(conference_id="c", entry_points=(video, *[phone] * 299))
    payload = data.to_calendar_json()
    problems = validate_calendar_json(payload)
    assert {p.code for p in problems} == {"phone-not-shown"}
    assert ConferenceData.from_calendar_json(payload) == data


@given(limited_text(50))
def test_limited_text_counts_utf16(text: str) -> None:
    """limited_text never exceeds the limit in UTF-16 code units."""
    assert len(text.encode("utf-16-le")) // 2 <= 50


def test_limited_text_reaches_the_limit() -> None:
    """Text exactly at the limit is generated."""
    quick = settings(database=None, phases=[Phase.generate, Phase.shrink])
    assert len(find(limited_text(20), lambda s: len(s) == 20, settings=quick)) == 20


def test_from_type_is_registered() -> None:
    """st.from_type works for ConferenceData, EntryPoint and ConferenceError."""

    @given(st.from_type(ConferenceData), st.from_type(EntryPoint), st.from_type(ConferenceError))
    def check(data: ConferenceData, entry_point: EntryPoint, error: ConferenceError) -> None:
        assert [p for p in data.problems if p.is_error] == []
        assert isinstance(entry_point, EntryPoint)
        assert isinstance(error, ConferenceError)

    check()


def _check(example: InvalidExample, problems: list[tuple[str, str]]) -> None:
    assert sorted(problems) == sorted(example.expected)


@pytest.mark.parametrize("code", sorted(CALENDAR_BREAKERS))
def test_invalid_calendar_json_breaks_exactly_the_code(code: str) -> None:
    """invalid_calendar_json(codes=[c]) yields payloads with exactly the declared problems."""

    @given(invalid_calendar_json(codes=[code]))
    def check(example: InvalidExample) -> None:
        assert example.codes == {code}
        _check(example, [(p.code, p.path) for p in validate_calendar_json(example.payload)])

    check()


@pytest.mark.parametrize("code", sorted(ADDON_BREAKERS))
def test_invalid_addon_json_breaks_exactly_the_code(code: str) -> None:
    """invalid_addon_json(codes=[c]) yields payloads with exactly the declared problems."""

    @given(invalid_addon_json(codes=[code]))
    def check(example: InvalidExample) -> None:
        assert example.codes == {code}
        _check(example, [(p.code, p.path) for p in validate_addon_json(example.payload)])

    check()


@given(invalid_calendar_json())
def test_random_combinations_of_calendar_rules(example: InvalidExample) -> None:
    """Without codes, a random compatible set of rules is broken, exactly."""
    _check(example, [(p.code, p.path) for p in validate_calendar_json(example.payload)])


@given(invalid_addon_json())
def test_random_combinations_of_addon_rules(example: InvalidExample) -> None:
    """The same for the add-on form."""
    _check(example, [(p.code, p.path) for p in validate_addon_json(example.payload)])


def test_bad_arguments_raise_invalid_argument_when_first_used() -> None:
    """Strategies check their arguments lazily, as Hypothesis' own do: making one with a bad
    argument raises nothing (a test module still collects); using it raises InvalidArgument."""
    bad: list[Callable[[], SearchStrategy[Any]]] = [
        lambda: conference_data(kinds=[]),
        lambda: conference_data(kinds=[EntryPointType.MORE]),
        lambda: conference_data(kinds=["more"]),
        lambda: conference_data(kinds="video"),
        lambda: conference_data(max_phones=-1),
        lambda: entry_points(kinds=["hologram"]),
        lambda: limited_text(0),
        lambda: invalid_calendar_json(codes=["auth-url-required"]),
        lambda: invalid_calendar_json(codes="type"),
        lambda: invalid_addon_json(codes=["toll-and-toll-free", "duplicate-feature"]),
        lambda: invalid_calendar_json(codes=0),  # type: ignore[arg-type]
        lambda: invalid_calendar_json(codes=[["type"]]),  # type: ignore[list-item]
        lambda: conference_errors(types=None),  # type: ignore[arg-type]
        lambda: conference_errors(types=[]),
    ]
    for make in bad:
        strategy = make()
        with pytest.raises(InvalidArgument):
            strategy.validate()


@given(entry_points(kinds=["video", EntryPointType.SIP]), conference_errors(types=["TEMPORARY"]))
def test_enum_values_are_taken_as_their_strings(ep: EntryPoint, error: ConferenceError) -> None:
    """Strategies take enum members or their string values, as every constructor does."""
    assert ep.type in (EntryPointType.VIDEO, EntryPointType.SIP)
    assert error.type is ConferenceErrorType.TEMPORARY


def test_shrinking_gives_small_examples() -> None:
    """A failing property shrinks to a minimal conference."""
    quick = settings(database=None, phases=[Phase.generate, Phase.shrink])  # no explain phase
    data = find(conference_data(), lambda d: len(d.entry_points) >= 2, settings=quick)
    assert len(data.entry_points) == 2
    assert data.parameters == ()
    assert len(data.conference_id or "") == 1


def test_fixtures_are_fresh_valid_values() -> None:
    """Every fixture returns a new, valid value each call."""
    for make in (
        video_only,
        full_conference,
        phone_only,
        temporary_error,
        meet_response,
        pending_create_request,
    ):
        first, second = make(), make()
        assert [p for p in first.problems if p.is_error] == []
        if make is not pending_create_request:
            assert first == second
    assert len(full_conference().entry_points) == 5
    assert temporary_error().is_error


def test_assertion_passes_valid_data() -> None:
    """assert_valid_conference_data accepts valid JSON and values in both forms."""
    assert_valid_conference_data(full_conference())
    assert_valid_conference_data(full_conference(), form="addon", strict=True)
    assert_valid_conference_data(meet_response().to_calendar_json(), strict=True)


def test_assertion_failure_lists_every_problem() -> None:
    """The failure message has one line per problem with path, severity, code."""
    payload = {"entryPoints": [{"type": "MORE", "uri": "ftp://x"}], "note": 5}
    with pytest.raises(AssertionError) as error:
        assert_valid_conference_data(payload, form="addon", strict=True)
    text = str(error.value)
    assert "(5 problems)" in text
    for code in ("type", "uri-scheme", "more-only", "required", "solution-id-missing"):
        assert code in text
    with pytest.raises(ValueError, match="form must be"):
        assert_valid_conference_data(payload, form="xml")  # type: ignore[arg-type]


def test_assertion_message_grows_with_the_problems_not_with_the_longest_path() -> None:
    """A 200,000-character member name and 300 bad entry points: the message names each
    problem once, the long path shortened with its length said and no line padded to it
    (it once padded every line to the longest path, 40 million characters)."""
    name = "x" * 200_000
    payload = {
        "conferenceId": "c",
        "conferenceSolution": {"key": {"type": "addOn"}, "name": "Acme"},
        "entryPoints": [{"entryPointType": "video", "uri": "ftp://acme.example/"}] * 300,
        name: 1,
    }
    with pytest.raises(AssertionError) as error:
        assert_valid_conference_data(payload)
    text = str(error.value)
    lines = text.splitlines()
    assert len(lines) == 1 + len(validate_calendar_json(payload))
    assert len(text) < 200 * len(lines)
    (long_line,) = [line for line in lines if "unknown-field" in line]
    assert "(200,001 characters)" in long_line
    # The other paths are aligned to the longest of them, /entryPoints/299/uri.
    assert lines[1].startswith("  /entryPoints/0/uri    error   uri-scheme: ")


def test_pytest_plugin_fixture(pytester: pytest.Pytester) -> None:
    """The pytest11 plugin offers the assertion as a fixture, with readable failures."""
    pytester.makepyfile(
        """
        def test_good(assert_valid_conference_data):
            assert_valid_conference_data({"createRequest": {"requestId": "r"}})

        def test_bad(assert_valid_conference_data):
            assert_valid_conference_data({"entryPoints": []})
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*solution-or-request*"])
