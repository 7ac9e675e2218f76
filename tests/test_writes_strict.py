"""Writing is strict (SPEC §5), and a new event gets a new conference (the reuse warning)."""

from __future__ import annotations

import pytest

from confdata import ConferenceData, ValidationError, fixtures, insert_arguments, patch_arguments

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
    """What refuses the write is what is kept, not that the value was once read."""
    data = ConferenceData.from_calendar_json(calendar_payload())
    assert patch_arguments(data, calendar_id="primary", event_id="e1").problems == ()


def test_inserting_conference_data_read_from_another_event_warns() -> None:
    """Google warns that reusing conference data across events can cause access issues: an
    insert of data read from Calendar says so (conference-reused); built data does not."""
    read = fixtures.meet_response()
    warned = insert_arguments(read, calendar_id="primary", event={"summary": "copy"})
    assert [p.code for p in warned.problems] == ["conference-reused"]
    built = fixtures.full_conference()
    assert insert_arguments(built, calendar_id="primary", event={}).problems == ()
    meet = fixtures.pending_create_request()  # a create request asks for a new conference
    assert [p.code for p in insert_arguments(meet, calendar_id="primary", event={}).problems] == [
        "status-read-only"
    ]
