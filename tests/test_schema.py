"""The exported JSON Schema accepts every valid example and rejects what it can express."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from confdata import RULES, ConferenceData, Severity, ValidationError
from confdata._core.schema import NOT_EXPRESSED, json_schema
from confdata.fixtures import FIXTURES
from confdata.testing import conference_data

from . import test_addon_form, test_validation
from .payloads import addon_payload, calendar_payload

CALENDAR = jsonschema.Draft202012Validator(json_schema("calendar"))
ADDON = jsonschema.Draft202012Validator(json_schema("addon"))


def test_schemas_are_valid_draft_2020_12() -> None:
    """Both exported schemas are themselves valid JSON Schema documents."""
    for form in ("calendar", "addon"):
        jsonschema.Draft202012Validator.check_schema(json_schema(form))


def test_example_payloads_are_accepted() -> None:
    """The full example payloads and every fixture pass the schema of their form."""
    CALENDAR.validate(calendar_payload())
    ADDON.validate(addon_payload())
    for make in FIXTURES.values():
        data = make()
        CALENDAR.validate(data.to_calendar_json())
        if data.create_request is None:
            ADDON.validate(data.to_addon_json())


@given(conference_data(errors=True))
def test_generated_data_is_accepted_in_both_forms(data: ConferenceData) -> None:
    """Everything the valid strategy makes passes both schemas."""
    CALENDAR.validate(data.to_calendar_json())
    ADDON.validate(data.to_addon_json())


def _expressible(expected: list[tuple[str, str]]) -> bool:
    codes = {code for code, _ in expected if RULES[code].severity is Severity.ERROR}
    return bool(codes) and not codes & set(NOT_EXPRESSED)


def _cases(
    module_cases: list[tuple[str, Callable[[dict[str, Any]], None], list[tuple[str, str]]]],
) -> list[Any]:
    return [
        pytest.param(mutate, id=name)
        for name, mutate, expected in module_cases
        if _expressible(expected)
    ]


@pytest.mark.parametrize("mutate", _cases(test_validation.CASES))
def test_calendar_schema_rejects_each_expressible_error(
    mutate: Callable[[dict[str, Any]], None],
) -> None:
    """Every calendar example that breaks an expressible error rule fails the schema."""
    payload = calendar_payload()
    mutate(payload)
    assert not CALENDAR.is_valid(payload)


@pytest.mark.parametrize("mutate", _cases(test_addon_form.CASES))
def test_addon_schema_rejects_each_expressible_error(
    mutate: Callable[[dict[str, Any]], None],
) -> None:
    """Every add-on example that breaks an expressible error rule fails the schema."""
    payload = addon_payload()
    mutate(payload)
    assert not ADDON.is_valid(payload)


@pytest.mark.parametrize(
    "mutate",
    [c[1] for c in test_validation.LIMITS_AT_EDGE],
    ids=[c[0] for c in test_validation.LIMITS_AT_EDGE],
)
def test_calendar_schema_accepts_values_at_the_limits(
    mutate: Callable[[dict[str, Any]], None],
) -> None:
    """Values at each limit pass the schema as they pass the validator."""
    payload = calendar_payload()
    mutate(payload)
    CALENDAR.validate(payload)


def test_schema_cannot_express_is_documented() -> None:
    """Every rule the schema leaves out is named on the CI docs page."""
    from pathlib import Path

    page = (Path(__file__).parent.parent / "docs" / "ci.md").read_text(encoding="utf-8")
    for code in NOT_EXPRESSED:
        assert f"`{code}`" in page


OPENAPI_TEMPLATE = "#/components/schemas/{model}"


def _refs(node: object) -> list[str]:
    """Every ``$ref`` value in a JSON document."""
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


def _embedded(form: str) -> jsonschema.Draft202012Validator:
    """The schema embedded as an OpenAPI document holds it: the root and its parts side by
    side under components/schemas, the root reached by a $ref."""
    schema = json_schema(form, ref_template=OPENAPI_TEMPLATE)  # type: ignore[arg-type]
    parts = schema.pop("$defs")
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": "#/components/schemas/Conference",
        "components": {"schemas": {**parts, "Conference": schema}},
    }
    return jsonschema.Draft202012Validator(document)


@pytest.mark.parametrize("form", ["calendar", "addon"])
def test_ref_template_moves_every_reference_and_names_parts_by_form(form: str) -> None:
    """With ref_template every $ref follows the template and names a part in $defs called
    confdata.<form>.<part>; no #/$defs/ reference and no $schema are left."""
    schema = json_schema(form, ref_template=OPENAPI_TEMPLATE)  # type: ignore[arg-type]
    parts = schema["$defs"]
    refs = _refs(schema)
    assert refs
    assert "$schema" not in schema
    assert all(name.startswith(f"confdata.{form}.") for name in parts)
    for ref in refs:
        assert ref.startswith("#/components/schemas/confdata.")
        assert ref.removeprefix("#/components/schemas/") in parts
    standalone = json_schema(form)  # type: ignore[arg-type]
    assert sorted(f"confdata.{form}.{name}" for name in standalone["$defs"]) == sorted(parts)


def test_parts_of_the_two_forms_never_share_a_name() -> None:
    """Both forms embedded in one document keep their parts apart."""
    calendar = json_schema("calendar", ref_template=OPENAPI_TEMPLATE)["$defs"]
    addon = json_schema("addon", ref_template=OPENAPI_TEMPLATE)["$defs"]
    assert not set(calendar) & set(addon)


@pytest.mark.parametrize(
    ("form", "validator", "make", "cases"),
    [
        ("calendar", CALENDAR, calendar_payload, test_validation.CASES),
        ("addon", ADDON, addon_payload, test_addon_form.CASES),
    ],
)
def test_embedded_schema_judges_every_example_as_the_standalone_one(
    form: str,
    validator: jsonschema.Draft202012Validator,
    make: Callable[[], dict[str, Any]],
    cases: list[tuple[str, Callable[[dict[str, Any]], None], list[tuple[str, str]]]],
) -> None:
    """Moved where the template points, the schema accepts and rejects what the standalone
    schema does, for the valid payload and every rule's example."""
    embedded = _embedded(form)
    assert embedded.is_valid(make())
    for _, mutate, _ in cases:
        payload = make()
        mutate(payload)
        assert embedded.is_valid(payload) == validator.is_valid(payload)


@pytest.mark.parametrize("template", ["#/components/schemas/", 7, b"#/{model}"])
def test_a_ref_template_without_model_is_a_validation_error(template: object) -> None:
    """ref_template must be a string with {model} in it; anything else is a type problem."""
    with pytest.raises(ValidationError) as caught:
        json_schema("calendar", ref_template=template)  # type: ignore[arg-type]
    assert [(p.code, p.path) for p in caught.value.problems] == [("type", "/ref_template")]
