"""Writing is strict (SPEC §5), and a new event gets a new conference (the reuse warning)."""

from __future__ import annotations

import pytest

from confdata import (
    ConferenceData,
    Severity,
    ValidationError,
    fixtures,
    insert_arguments,
    patch_arguments,
)

from .payloads import calendar_payload


def _read_with_unknowns() -> ConferenceData:
    payload = calendar_payload()
    payload["entryPoints"][0]["futureMember"] = "x"
    payload["entryPoints"][1]["entryPointFeatures"] = ["toll", "premium"]
    return ConferenceData.from_calendar_json(payload, lenient=True)


def test_unknown_members_and_values_stop_a_write_unless_asked() -> None:
    """A value that carries what a lenient read kept (an unknown member, an unknown feature)
    is refused by the write helpers, naming each; validate=False writes it back as read."""
    data = _read_with_unknowns()
    with pytest.raises(ValidationError) as error:
        patch_arguments(data, calendar_id="primary", event_id="e1")
    assert {(p.code, p.path) for p in error.value.problems} == {
        ("unknown-field", "/entryPoints/0/futureMember"),
        ("enum", "/entryPoints/1/entryPointFeatures/1"),
    }
    written = patch_arguments(data, calendar_id="primary", event_id="e1", validate=False)
    body = written.arguments["body"]["conferenceData"]
    assert body["entryPoints"][1]["entryPointFeatures"] == ["toll", "premium"]
    assert body == data.to_calendar_json()


def test_a_value_read_then_emptied_of_unknowns_writes() -> None:
    """What refuses the write is what is kept, not that the value was once read (the write
    of addOn data is only warned about)."""
    data = ConferenceData.from_calendar_json(calendar_payload())
    write = patch_arguments(data, calendar_id="primary", event_id="e1")
    assert [p.code for p in write.problems] == ["add-on-data-write"]


def test_inserting_conference_data_read_from_another_event_warns() -> None:
    """Google warns that reusing conference data across events can cause access issues: an
    insert of data read from Calendar says so (conference-reused); built data does not."""
    read = fixtures.meet_response()
    warned = insert_arguments(read, calendar_id="primary", event={"summary": "copy"})
    assert [p.code for p in warned.problems] == ["conference-reused"]
    built = fixtures.full_conference()
    codes = [p.code for p in insert_arguments(built, calendar_id="primary", event={}).problems]
    assert codes == ["add-on-data-write"]
    meet = fixtures.pending_create_request()  # a create request asks for a new conference
    assert [p.code for p in insert_arguments(meet, calendar_id="primary", event={}).problems] == [
        "status-read-only"
    ]


# A value with errors is refused, and no write drops data silently (issue 29).

DUPLICATED = {
    "conferenceId": "acme-1",
    "conferenceSolutionId": "acme-video",
    "entryPoints": [{"type": "VIDEO", "uri": "https://acme.example/j/acme-1"}],
    "parameters": [{"key": "k", "value": "first"}, {"key": "k", "value": "second"}],
}


def test_a_value_holding_an_error_is_refused() -> None:
    """A lenient add-on read with two parameters of one key holds duplicate-parameter-key
    (an error): the write helpers refuse it, naming the later parameter, instead of writing
    the Calendar form's map, which would keep 'second' and drop 'first'."""
    data = ConferenceData.from_addon_json(DUPLICATED, lenient=True)
    assert [p.code for p in data.problems if p.severity is Severity.ERROR] == [
        "duplicate-parameter-key"
    ]
    with pytest.raises(ValidationError) as patched:
        patch_arguments(data, calendar_id="primary", event_id="e1")
    with pytest.raises(ValidationError) as inserted:
        insert_arguments(data, calendar_id="primary", event={"summary": "x"})
    for raised in (patched, inserted):
        assert [(p.code, p.path) for p in raised.value.problems] == [
            ("duplicate-parameter-key", "/parameters/1")
        ]


def test_validate_false_never_drops_data_silently() -> None:
    """validate=False writes a value as it holds it, but what the Calendar form cannot hold
    whole (two parameters with one key) is refused even then; other rule-breaking values are
    written as held."""
    data = ConferenceData.from_addon_json(DUPLICATED, lenient=True)
    with pytest.raises(ValidationError) as raised:
        patch_arguments(data, calendar_id="primary", event_id="e1", validate=False)
    assert [p.code for p in raised.value.problems] == ["duplicate-parameter-key"]
    long_key = ConferenceData.from_addon_json(
        {**DUPLICATED, "parameters": [{"key": "k" * 60, "value": "v"}]}, lenient=True
    )
    assert [p.code for p in long_key.problems if p.severity is Severity.ERROR] == ["max-length"]
    write = patch_arguments(long_key, calendar_id="primary", event_id="e1", validate=False)
    written = write.arguments["body"]["conferenceData"]["parameters"]["addOnParameters"]
    assert written["parameters"] == {"k" * 60: "v"}
