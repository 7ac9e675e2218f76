"""ConferenceData as a pydantic type: read, reported, written and described by confdata."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from typing import Annotated, Any

import jsonschema
import pydantic
import pytest
from hypothesis import given, settings

from confdata import (
    AddonConferenceData,
    CalendarConferenceData,
    ConferenceData,
    EntryPoint,
    ValidationError,
)
from confdata.pydantic import AddonForm, CalendarForm
from confdata.schema import json_schema
from confdata.testing import conference_data

from . import test_addon_form, test_validation
from .payloads import Payload, addon_payload, calendar_payload

CALENDAR = pydantic.TypeAdapter(ConferenceData)
ADDON = pydantic.TypeAdapter(Annotated[ConferenceData, AddonForm])
Cases = list[tuple[str, Callable[[Payload], None], list[tuple[str, str]]]]


class Booking(pydantic.BaseModel):
    """A user's model holding conference data in both forms."""

    title: str
    conference: ConferenceData
    markup: Annotated[ConferenceData, AddonForm] | None = None


def _pointer_tokens(path: str) -> list[str]:
    return [t.replace("~1", "/").replace("~0", "~") for t in path.split("/")[1:]]


def test_importing_confdata_never_imports_pydantic() -> None:
    """confdata, its values, its schema, its server tools and confdata.pydantic itself load
    without pydantic; only a pydantic call asks for it."""
    code = (
        "import sys\n"
        "import confdata, confdata.pydantic, confdata.server, confdata.schema\n"
        "data = confdata.ConferenceData.from_calendar_json({'conferenceId': 'x',"
        " 'conferenceSolution': {'key': {'type': 'addOn'}},"
        " 'entryPoints': [{'entryPointType': 'video', 'uri': 'https://a.example/x'}]})\n"
        "data.to_addon_json()\n"
        "confdata.server.OnCreateRequest.from_json("
        "{'solutionId': 's', 'calendarId': 'c', 'eventId': 'e'})\n"
        "print(sorted(m for m in sys.modules if m.partition('.')[0].startswith('pydantic')))\n"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "[]"


def test_the_adapter_reads_and_writes_calendar_json() -> None:
    """validate_python and validate_json read the Calendar form as from_calendar_json does;
    dump_python and dump_json write to_calendar_json()."""
    payload = calendar_payload()
    expected = ConferenceData.from_calendar_json(payload)
    assert CALENDAR.validate_python(payload) == expected
    assert CALENDAR.validate_json(json.dumps(payload)) == expected
    assert CALENDAR.dump_python(expected) == expected.to_calendar_json()
    assert json.loads(CALENDAR.dump_json(expected)) == expected.to_calendar_json()


def test_a_value_passes_as_it_is() -> None:
    """A ConferenceData given in Python is taken as it is, not read again."""
    data = ConferenceData(entry_points=[EntryPoint.video("https://a.example/1")], conference_id="1")
    assert CALENDAR.validate_python(data) is data
    assert ADDON.validate_python(data) is data


def test_the_addon_form_marker_reads_and_writes_the_addon_form() -> None:
    """Annotated[ConferenceData, AddonForm] reads from_addon_json and writes to_addon_json."""
    payload = addon_payload()
    expected = ConferenceData.from_addon_json(payload)
    assert ADDON.validate_json(json.dumps(payload)) == expected
    assert ADDON.dump_python(expected) == expected.to_addon_json()
    with pytest.raises(pydantic.ValidationError):
        ADDON.validate_python(calendar_payload())  # Calendar JSON is no add-on form


def test_the_calendar_form_marker_is_the_default() -> None:
    """Annotated[ConferenceData, CalendarForm] behaves as a bare ConferenceData."""
    adapter = pydantic.TypeAdapter(Annotated[ConferenceData, CalendarForm])
    payload = calendar_payload()
    assert adapter.validate_python(payload) == CALENDAR.validate_python(payload)
    assert adapter.json_schema() == CALENDAR.json_schema()


@settings(max_examples=30, deadline=None)
@given(conference_data(errors=True))
def test_every_valid_value_survives_both_forms(data: ConferenceData) -> None:
    """Whatever the valid strategy makes, dumped and read back by pydantic, is the same value."""
    assert CALENDAR.validate_json(CALENDAR.dump_json(data)) == ConferenceData.from_calendar_json(
        data.to_calendar_json()
    )
    assert ADDON.validate_json(ADDON.dump_json(data)) == ConferenceData.from_addon_json(
        data.to_addon_json()
    )


def _check_errors(
    adapter: pydantic.TypeAdapter[Any], read: Callable[[object], object], payload: Payload
) -> None:
    """pydantic reports exactly the errors confdata's read raises: code as type, pointer in
    ctx and as loc (array indexes as ints)."""
    try:
        expected = read(payload)
    except ValidationError as raised:
        failed = raised.errors
    else:
        assert adapter.validate_python(payload) == expected
        return
    with pytest.raises(pydantic.ValidationError) as caught:
        adapter.validate_python(payload)
    errors = caught.value.errors()
    assert [(e["type"], e["ctx"]["pointer"]) for e in errors] == [(p.code, p.path) for p in failed]
    for error, problem in zip(errors, failed, strict=True):
        assert [str(token) for token in error["loc"]] == _pointer_tokens(problem.path)
        assert error["msg"] == problem.message
        assert error["ctx"]["code"] == problem.code


@pytest.mark.parametrize("mutate", [pytest.param(c[1], id=c[0]) for c in test_validation.CASES])
def test_each_calendar_rule_becomes_pydantic_errors(mutate: Callable[[Payload], None]) -> None:
    """Every rule's Calendar example gives one pydantic.ValidationError with every problem
    the strict read finds."""
    payload = calendar_payload()
    mutate(payload)
    _check_errors(CALENDAR, ConferenceData.from_calendar_json, payload)


@pytest.mark.parametrize("mutate", [pytest.param(c[1], id=c[0]) for c in test_addon_form.CASES])
def test_each_addon_rule_becomes_pydantic_errors(mutate: Callable[[Payload], None]) -> None:
    """Every rule's add-on example, read through the AddonForm marker, likewise."""
    payload = addon_payload()
    mutate(payload)
    _check_errors(ADDON, ConferenceData.from_addon_json, payload)


def test_array_indexes_are_ints_and_member_names_strings() -> None:
    """loc follows pydantic's convention: an index into an array is an int, a member name a
    string even when it is made of digits."""
    payload = calendar_payload()
    payload["entryPoints"][1]["uri"] = "https://not-a-phone.example"
    payload["parameters"]["addOnParameters"]["parameters"] = {"0": 1}
    with pytest.raises(pydantic.ValidationError) as caught:
        CALENDAR.validate_python(payload)
    locs = [e["loc"] for e in caught.value.errors()]
    assert ("entryPoints", 1, "uri") in locs
    assert ("parameters", "addOnParameters", "parameters", "0") in locs


def test_a_model_gathers_its_own_and_confdatas_errors_in_one_exception() -> None:
    """In a BaseModel, the model's own errors and confdata's (below the field's name) come in
    one pydantic.ValidationError."""
    calendar = calendar_payload()
    del calendar["conferenceId"]
    markup = addon_payload()
    markup["entryPoints"][0]["type"] = "video"
    with pytest.raises(pydantic.ValidationError) as caught:
        Booking.model_validate({"title": 3, "conference": calendar, "markup": markup})
    assert [(e["type"], e["loc"]) for e in caught.value.errors()] == [
        ("string_type", ("title",)),
        ("required", ("conference", "conferenceId")),
        ("enum", ("markup", "entryPoints", 0, "type")),
    ]


def test_a_model_dumps_each_field_in_its_form() -> None:
    """model_dump writes the Calendar form and the add-on form where each is asked for."""
    data = ConferenceData.from_calendar_json(calendar_payload())
    booking = Booking(title="Review", conference=data, markup=data)
    dumped = json.loads(booking.model_dump_json())
    assert dumped == {
        "title": "Review",
        "conference": data.to_calendar_json(),
        "markup": data.to_addon_json(),
    }
    again = Booking.model_validate_json(booking.model_dump_json())
    assert again.conference == data
    # The add-on form has no room for the Calendar-side solution's name and icon.
    assert again.markup == ConferenceData.from_addon_json(data.to_addon_json())


def test_secrets_stay_masked_in_pydantic_errors() -> None:
    """A pin too long, or a URI carrying a password, is never shown: not in the message, the
    input or the rendered exception."""
    payload = calendar_payload()
    pin = "9" * 200
    payload["entryPoints"][1]["pin"] = pin
    payload["entryPoints"][0]["uri"] = "ftp://user:hunter2@acme.example/j/1?pwd=s3cret"
    with pytest.raises(pydantic.ValidationError) as caught:
        CALENDAR.validate_python(payload)
    shown = str(caught.value) + json.dumps(caught.value.errors(), default=str)
    for secret in (pin, "hunter2", "s3cret"):
        assert secret not in shown
    inputs = {e["loc"][-1]: e["input"] for e in caught.value.errors()}
    assert inputs["pin"] == "<masked, 200 characters>"
    assert "<masked>" in inputs["uri"]


def test_objects_are_not_echoed_as_input() -> None:
    """An error about an object or array carries no input (it may hold secrets)."""
    with pytest.raises(pydantic.ValidationError) as caught:
        CALENDAR.validate_python([{"pin": "1234"}])
    (error,) = caught.value.errors()
    assert (error["type"], error["loc"], error["input"]) == ("type", (), None)


def _verdicts(schema: dict[str, Any], payloads: list[Payload]) -> list[bool]:
    validator = jsonschema.Draft202012Validator(schema)
    return [validator.is_valid(p) for p in payloads]


@pytest.mark.parametrize(
    ("adapter", "form", "make", "cases"),
    [
        (CALENDAR, "calendar", calendar_payload, test_validation.CASES),
        (ADDON, "addon", addon_payload, test_addon_form.CASES),
    ],
    ids=["calendar", "addon"],
)
def test_the_json_schema_is_confdatas(
    adapter: pydantic.TypeAdapter[Any], form: str, make: Callable[[], Payload], cases: Cases
) -> None:
    """The adapter shows confdata's schema of its form, its parts inlined (no $ref left to
    break where pydantic embeds it): it judges every rule's example as json_schema does."""
    shown = adapter.json_schema()
    assert "$ref" not in json.dumps(shown)
    payloads = [make()]
    for _, mutate, _ in cases:
        payload = make()
        mutate(payload)
        payloads.append(payload)
    standalone = json_schema(form)  # type: ignore[arg-type]
    assert _verdicts(shown, payloads) == _verdicts(standalone, payloads)
    assert shown["title"] == standalone["title"]


def test_a_model_names_the_calendar_schema_conference_data() -> None:
    """In a model's JSON Schema the Calendar form is the definition ConferenceData."""
    schema = Booking.model_json_schema()
    assert schema["properties"]["conference"] == {"$ref": "#/$defs/ConferenceData"}
    assert schema["$defs"]["ConferenceData"] == CALENDAR.json_schema()


def test_the_typed_dicts_are_pydantic_types_on_this_python() -> None:
    """CalendarConferenceData and AddonConferenceData (typing_extensions TypedDicts) work as
    pydantic types: the shape is checked, not confdata's rules."""
    calendar = pydantic.TypeAdapter(CalendarConferenceData)
    assert calendar.validate_python(calendar_payload()) == calendar_payload()
    addon = pydantic.TypeAdapter(AddonConferenceData)
    with pytest.raises(pydantic.ValidationError):
        addon.validate_python({"entryPoints": [{"type": "VIDEO"}]})  # no uri


def test_the_marker_refuses_another_type() -> None:
    """AddonForm on anything but a ConferenceData is a programming error, said at once."""
    with pytest.raises(TypeError, match="AddonForm marks a ConferenceData"):
        pydantic.TypeAdapter(Annotated[int, AddonForm])
