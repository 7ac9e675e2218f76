"""The exported JSON Schema accepts every valid example and rejects what it can express."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from confdata import RULES, ConferenceData, Severity
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
