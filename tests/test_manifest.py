"""The add-on manifest: reading conference solutions and checking them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confdata import Manifest, ManifestSolution, ValidationError, validate_manifest_json

from .payloads import manifest_payload


def test_reads_the_conference_solutions() -> None:
    """Every solution of appsscript.json is read with its four members."""
    manifest = Manifest.from_json(manifest_payload())
    assert manifest.solution_ids == {"acme-video", "acme-phone"}
    assert manifest.solution("acme-phone") == ManifestSolution(
        id="acme-phone",
        name="Acme Phone",
        on_create_function="createPhone",
        logo_url="https://acme.example/phone.png",
    )
    assert manifest.solution("nope") is None
    assert manifest.create_settings_url_function == "settingsUrl"


def test_reads_a_deployment_json(tmp_path: Path) -> None:
    """A Workspace add-on deployment (addOns at the root, other members around) reads too."""
    deployment = {
        "oauthScopes": ["https://www.googleapis.com/auth/calendar.addons.execute"],
        "addOns": manifest_payload()["addOns"],
    }
    path = tmp_path / "deployment.json"
    path.write_text(json.dumps(deployment), encoding="utf-8")
    assert len(Manifest.load(path).solutions) == 2


def test_missing_members_are_all_reported() -> None:
    """A solution missing members reports each of them."""
    payload = manifest_payload()
    payload["addOns"]["calendar"]["conferenceSolution"][0] = {"id": "x", "nmae": "typo"}
    codes = [(p.code, p.path) for p in validate_manifest_json(payload)]
    base = "/addOns/calendar/conferenceSolution/0"
    assert codes == [
        ("unknown-field", f"{base}/nmae"),
        ("required", f"{base}/name"),
        ("required", f"{base}/onCreateFunction"),
        ("required", f"{base}/logoUrl"),
    ]


def test_duplicate_ids_are_rejected() -> None:
    """Two solutions with one id is duplicate-solution-id at the later one."""
    payload = manifest_payload()
    solutions = payload["addOns"]["calendar"]["conferenceSolution"]
    solutions[1]["id"] = solutions[0]["id"]
    assert [(p.code, p.path) for p in validate_manifest_json(payload)] == [
        ("duplicate-solution-id", "/addOns/calendar/conferenceSolution/1/id")
    ]
    with pytest.raises(ValidationError):
        Manifest.from_json(payload)


def test_at_least_one_solution_is_needed() -> None:
    """An empty or missing conferenceSolution list is required."""
    payload = manifest_payload()
    payload["addOns"]["calendar"]["conferenceSolution"] = []
    assert [p.code for p in validate_manifest_json(payload)] == ["required"]
    del payload["addOns"]["calendar"]
    assert [(p.code, p.path) for p in validate_manifest_json(payload)] == [
        ("required", "/addOns/calendar")
    ]


def test_wrong_types_and_empty_strings() -> None:
    """Wrong JSON types and empty strings are reported, never raised."""
    payload = manifest_payload()
    payload["addOns"]["calendar"]["conferenceSolution"][0]["logoUrl"] = 3
    payload["addOns"]["calendar"]["conferenceSolution"][1]["name"] = ""
    assert [p.code for p in validate_manifest_json(payload)] == ["type", "empty"]
    assert [p.code for p in validate_manifest_json([])] == ["type"]
    assert [
        p.code
        for p in validate_manifest_json({"addOns": {"calendar": {"conferenceSolution": "x"}}})
    ] == ["type"]


def test_unreadable_manifest_file_is_a_validation_error(tmp_path: Path) -> None:
    """A missing or broken file raises ValidationError naming the file."""
    with pytest.raises(ValidationError, match="could not be read"):
        Manifest.load(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"broken\.json"):
        Manifest.load(broken)


@pytest.mark.parametrize("method", ["owns", "resolve_solution"])
@pytest.mark.parametrize("data", [None, {"conferenceId": "x"}, "acme-video"])
def test_owns_and_resolve_solution_take_only_conference_data(method: str, data: object) -> None:
    """Anything but a ConferenceData is a ValidationError naming the argument, not an
    AttributeError from inside."""
    manifest = Manifest.from_json(manifest_payload())
    with pytest.raises(ValidationError) as raised:
        getattr(manifest, method)(data)
    assert raised.value.problems[0].code == "type"
    assert "data must be a ConferenceData (got " in str(raised.value)


# --- The values check what the validator checks (issue 29) -------------------------------

_SOLUTION = {
    "id": "acme-video",
    "name": "Acme Video",
    "onCreateFunction": "createVideo",
    "logoUrl": "https://acme.example/video.png",
}
_CALENDAR = "/addOns/calendar"


def _json(solutions: list[dict[str, str]]) -> dict[str, object]:
    return {"addOns": {"calendar": {"conferenceSolution": solutions}}}


def _value(solution: dict[str, str]) -> ManifestSolution:
    return ManifestSolution(
        id=solution["id"],
        name=solution["name"],
        on_create_function=solution["onCreateFunction"],
        logo_url=solution["logoUrl"],
    )


def _value_problems(solutions: list[dict[str, str]]) -> list[tuple[str, str]]:
    """The problems of the Manifest value made of ``solutions``, as the validator's paths
    spell them (a value's paths start at addOns.calendar)."""
    try:
        Manifest(solutions=[_value(solution) for solution in solutions])
    except ValidationError as error:
        return [(p.code, _CALENDAR + p.path) for p in error.problems]
    return []


@pytest.mark.parametrize(
    ("solutions", "expected"),
    [
        ([], [("required", f"{_CALENDAR}/conferenceSolution")]),
        (
            [_SOLUTION, _SOLUTION | {"name": "Other"}, _SOLUTION],
            [
                ("duplicate-solution-id", f"{_CALENDAR}/conferenceSolution/1/id"),
                ("duplicate-solution-id", f"{_CALENDAR}/conferenceSolution/2/id"),
            ],
        ),
    ],
    ids=["no-solution", "repeated-id"],
)
def test_a_manifest_value_breaks_the_rules_its_json_breaks(
    solutions: list[dict[str, str]], expected: list[tuple[str, str]]
) -> None:
    """Manifest(solutions=()) and a repeated solution id raise what validate_manifest_json
    reports for the same manifest: required, and duplicate-solution-id at each repeat."""
    found = [(p.code, p.path) for p in validate_manifest_json(_json(solutions))]
    assert found == expected
    assert _value_problems(solutions) == expected


@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "id": st.sampled_from(["a", "b", "c"]),
                "name": st.sampled_from(["Acme", "Other"]),
                "onCreateFunction": st.just("create"),
                "logoUrl": st.just("https://acme.example/logo.png"),
            }
        ),
        max_size=5,
    )
)
@settings(max_examples=50)
def test_values_and_the_validator_agree_on_any_list_of_solutions(
    solutions: list[dict[str, str]],
) -> None:
    """For any list of valid solutions (ids repeated or not, none at all), the Manifest
    value raises exactly the problems validate_manifest_json reports, at the same paths."""
    found = [(p.code, p.path) for p in validate_manifest_json(_json(solutions))]
    assert _value_problems(solutions) == found
