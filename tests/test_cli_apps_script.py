"""`confdata apps-script`: the Apps Script file and its manifest fragment on standard output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from confdata import cli
from confdata.apps_script import apps_script_manifest, apps_script_source

from .payloads import addon_payload
from .test_cli import run

SOLUTION = [
    "--solution-id",
    "acme",
    "--name",
    "Acme Meeting",
    "--logo-url",
    "https://acme.example/logo.png",
    "--backend-url",
    "https://backend.example/conference",
]


def test_it_prints_the_shipped_file() -> None:
    """The console script prints confdata.gs exactly, and exits 0."""
    result = run("apps-script")
    assert result.returncode == 0
    assert result.stdout == apps_script_source()
    assert result.stderr == ""


def test_manifest_prints_the_fragment_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    """--manifest prints what apps_script_manifest() returns for the options."""
    assert cli.main(["apps-script", "--manifest", *SOLUTION, "--function", "createAcme"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == apps_script_manifest(
        solution_id="acme",
        name="Acme Meeting",
        logo_url="https://acme.example/logo.png",
        backend_url="https://backend.example/conference",
        on_create_function="createAcme",
    )


def test_the_printed_manifest_checks_the_solution_id_of_answers(tmp_path: Path) -> None:
    """`validate --manifest` reads the printed fragment: an answer of its solution passes, one
    naming another solution fails with solution-id-unknown."""
    manifest = tmp_path / "appsscript.json"
    manifest.write_text(run("apps-script", "--manifest", *SOLUTION).stdout, encoding="utf-8")
    for solution_id, status in (("acme", 0), ("acme-video", 1)):
        answer = tmp_path / f"{solution_id}.json"
        answer.write_text(
            json.dumps({**addon_payload(), "conferenceSolutionId": solution_id}), encoding="utf-8"
        )
        result = run("validate", "--form", "addon", "--manifest", str(manifest), str(answer))
        assert result.returncode == status, result.stdout
        assert ("solution-id-unknown" in result.stdout) == bool(status)


def test_manifest_without_the_solution_options_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--manifest names the options it still needs."""
    assert cli.main(["apps-script", "--manifest", "--solution-id", "acme"]) == 2
    assert capsys.readouterr().err == (
        "confdata: --manifest needs --name, --logo-url, --backend-url\n"
    )


def test_solution_options_without_manifest_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """The solution options mean nothing without --manifest: a usage error, not ignored."""
    assert cli.main(["apps-script", "--name", "Acme", "--function", "f"]) == 2
    assert capsys.readouterr().err == "confdata: --name, --function: only with --manifest\n"


def test_unusable_options_exit_2_naming_each(capsys: pytest.CaptureFixture[str]) -> None:
    """Each unusable option is one line naming the option, the rule and the value."""
    options = [*SOLUTION[:-1], "http://backend.example/c", "--function", "on-create"]
    assert cli.main(["apps-script", "--manifest", *options]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "confdata: --backend-url must be an https URL with a host and a path "
        "(https://backend.example/ rather than https://backend.example), without user info, "
        "query or fragment (got 'http://backend.example/c')",
        "confdata: --function must be a JavaScript function name (got 'on-create')",
    ]
