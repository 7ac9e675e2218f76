"""confdata.apps_script: the shipped Apps Script file and its manifest fragment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from confdata import ValidationError
from confdata.apps_script import OAUTH_SCOPES, apps_script_manifest, apps_script_source
from confdata.manifest import Manifest, validate_manifest_json

SOURCE = Path(__file__).parent.parent / "src" / "confdata" / "_addon" / "confdata.gs"
ARGUMENTS: dict[str, Any] = {
    "solution_id": "acme-video",
    "name": "Acme Video",
    "logo_url": "https://acme.example/logo.png",
    "backend_url": "https://backend.example/conference",
}


def test_the_source_is_the_shipped_file() -> None:
    """apps_script_source() is confdata.gs as the package ships it."""
    assert apps_script_source() == SOURCE.read_text(encoding="utf-8")
    assert "function buildConferenceData(markup)" in apps_script_source()
    assert "function requestConferenceData(url, request)" in apps_script_source()


def test_the_manifest_declares_the_solution_the_allowlist_and_the_scopes() -> None:
    """One conference solution, the backend as the fetch allowlist, V8 and the scopes."""
    assert apps_script_manifest(**ARGUMENTS) == {
        "runtimeVersion": "V8",
        "oauthScopes": [
            "https://www.googleapis.com/auth/calendar.addons.execute",
            "https://www.googleapis.com/auth/script.external_request",
            "openid",
        ],
        "urlFetchWhitelist": ["https://backend.example/conference"],
        "addOns": {
            "calendar": {
                "conferenceSolution": [
                    {
                        "id": "acme-video",
                        "name": "Acme Video",
                        "logoUrl": "https://acme.example/logo.png",
                        "onCreateFunction": "onCreateAcmeVideo",
                    }
                ]
            }
        },
    }
    assert tuple(apps_script_manifest(**ARGUMENTS)["oauthScopes"]) == OAUTH_SCOPES


def test_the_manifest_is_one_confdata_reads_without_a_problem() -> None:
    """confdata's own manifest reader (what `validate --manifest` uses) accepts it."""
    manifest = apps_script_manifest(**ARGUMENTS)
    assert validate_manifest_json(manifest) == []
    [solution] = Manifest.from_json(manifest).solutions
    assert (solution.id, solution.on_create_function) == ("acme-video", "onCreateAcmeVideo")


@pytest.mark.parametrize(
    ("solution_id", "function"),
    [
        ("acme", "onCreateAcme"),
        ("acme_video.hd", "onCreateAcmeVideoHd"),
        ("3d-room", "onCreate3dRoom"),
        ("ünïcode", "onCreateNCode"),
        ("---", "onCreate"),
    ],
)
def test_the_function_name_defaults_to_on_create_and_the_ids_words(
    solution_id: str, function: str
) -> None:
    """Without on_create_function: onCreate and the ID's ASCII words, capitalised."""
    manifest = apps_script_manifest(**{**ARGUMENTS, "solution_id": solution_id})
    assert manifest["addOns"]["calendar"]["conferenceSolution"][0]["onCreateFunction"] == function


def test_a_given_function_name_is_used() -> None:
    """on_create_function names the function Calendar calls."""
    manifest = apps_script_manifest(**ARGUMENTS, on_create_function="createAcme_v2")
    assert manifest["addOns"]["calendar"]["conferenceSolution"][0]["onCreateFunction"] == (
        "createAcme_v2"
    )


@pytest.mark.parametrize(
    ("changes", "messages"),
    [
        (
            {"solution_id": "", "name": None},
            [
                "solution_id must be a non-empty string (got '')",
                "name must be a non-empty string (got null)",
            ],
        ),
        (
            {"solution_id": "x" * 513},
            ["solution_id must be at most 512 characters, as conferenceSolutionId is"],
        ),
        ({"logo_url": "ftp://acme.example/logo.png"}, ["logo_url must be an http or https URL"]),
        ({"logo_url": "https:///logo.png"}, ["logo_url must be an http or https URL"]),
        (
            {"logo_url": 10**5000},
            ["logo_url must be a non-empty string (got an integer of 5,001 digits"],
        ),
        ({"backend_url": "http://backend.example/c"}, ["backend_url must be an https URL"]),
        ({"backend_url": "HTTPS://backend.example/c"}, ["backend_url must be an https URL"]),
        ({"backend_url": "https://backend.example"}, ["with a host and a path"]),
        ({"backend_url": "https://backend.example/c?key=1"}, ["without user info, query"]),
        ({"backend_url": "https://backend.example/c#x"}, ["without user info, query"]),
        ({"backend_url": "https://[::1/c"}, ["backend_url must be an https URL"]),
        ({"backend_url": "https://backend.example/a b"}, ["backend_url must be an https URL"]),
        ({"on_create_function": "on-create"}, ["must be a JavaScript function name"]),
        ({"on_create_function": ""}, ["on_create_function must be a non-empty string"]),
        (
            {"on_create_function": "requestConferenceData"},
            ["on_create_function must not be requestConferenceData, which confdata.gs defines"],
        ),
    ],
)
def test_unusable_arguments_are_one_validation_error(
    changes: dict[str, Any], messages: list[str]
) -> None:
    """Every unusable argument is a problem of one ValidationError naming it."""
    with pytest.raises(ValidationError) as raised:
        apps_script_manifest(**{**ARGUMENTS, **changes})
    problems = raised.value.problems
    assert len(problems) == len(messages)
    for problem, message in zip(problems, messages, strict=True):
        assert message in problem.message
        assert problem.path == "/" + problem.message.split(" ", 1)[0]


def test_a_password_in_the_backend_url_is_not_shown() -> None:
    """The message about a URL with user info masks its password."""
    with pytest.raises(ValidationError) as raised:
        apps_script_manifest(**{**ARGUMENTS, "backend_url": "https://me:hunter2@b.example/c"})
    assert "hunter2" not in str(raised.value)
