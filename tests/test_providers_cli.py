"""confdata convert: a recorded provider response to conference data JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from confdata._cli.main import main
from confdata.providers import ProviderOptions, from_teams, from_zoom

from .provider_fixtures import DIRECTORY, load

ZOOM = str(DIRECTORY / "zoom_full.json")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["convert", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_zoom_to_the_calendar_form(capsys: pytest.CaptureFixture[str]) -> None:
    """The default form is Calendar's: what from_zoom(...).to_calendar_json() gives, less the
    phones Calendar would not show (Zoom's response has no page listing them); exit 0."""
    status, out, _ = _run(capsys, "--from", "zoom", ZOOM)
    expected = from_zoom(load("zoom_full")).to_calendar_json()
    phones = [ep for ep in expected["entryPoints"] if ep["entryPointType"] == "phone"]
    expected["entryPoints"] = [ep for ep in expected["entryPoints"] if ep not in phones[2:]]
    assert status == 0
    assert json.loads(out) == expected


def test_teams_to_the_addon_form_with_options(capsys: pytest.CaptureFixture[str]) -> None:
    """--form addon, --solution-id, --region and --dial-codes reach the converter."""
    path = str(DIRECTORY / "teams_full.json")
    args = ["--from", "teams", "--form", "addon", "--solution-id", "acme", "--region", "se"]
    status, out, _ = _run(capsys, *args, "--dial-codes", "none", path)
    options = ProviderOptions(solution_id="acme", regions=("SE",), dial_codes="none")
    assert status == 0
    assert json.loads(out) == from_teams(load("teams_full"), options).to_addon_json()


def test_more_uri_option(capsys: pytest.CaptureFixture[str]) -> None:
    """--more-uri gives Zoom a more link, so two phones are kept."""
    status, out, _ = _run(capsys, "--from", "zoom", "--more-uri", "https://zoom.us/zc", ZOOM)
    kinds = [ep["entryPointType"] for ep in json.loads(out)["entryPoints"]]
    assert (status, kinds) == (0, ["video", "phone", "phone", "more"])


def test_bad_response_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A response with no join URL: exit 2, nothing on stdout, one line naming rule and path."""
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps({"id": 1, "password": "x", "settings": 5}), encoding="utf-8")
    status, out, err = _run(capsys, "--from", "zoom", str(path))
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(f"confdata: convert: {path}: error provider-required at /join_url")
    assert err.endswith("(and 1 more problem)\n")


@pytest.mark.parametrize("content", [b"{", b"\xff\xfe", b""])
def test_unreadable_json_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes
) -> None:
    """Not JSON, not UTF-8, or empty: exit 2 and one line."""
    path = tmp_path / "meeting.json"
    path.write_bytes(content)
    status, out, err = _run(capsys, "--from", "webex", str(path))
    assert (status, out, err.count("\n")) == (2, "", 1)
    assert err.startswith(f"confdata: convert: {path}")


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file that is not there: exit 2 with the system's reason."""
    status, _, err = _run(capsys, "--from", "zoom", str(tmp_path / "nope.json"))
    assert (status, err) == (
        2,
        f"confdata: convert: {tmp_path / 'nope.json'}: No such file or directory\n",
    )


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown provider is a usage error; a region that is no region code is refused by
    ProviderOptions (the core's rule), exit 2 with one line naming it."""
    with pytest.raises(SystemExit) as caught:
        main(["convert", "--from", "skype", ZOOM])
    assert caught.value.code == 2
    capsys.readouterr()
    assert main(["convert", "--from", "zoom", "--region", "SWE", ZOOM]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "'SWE'" in err


def _python(code: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], input=stdin, capture_output=True, text=True, check=False
    )


def test_stdin_is_read_with_a_dash() -> None:
    """'-' reads the response from standard input."""
    result = _python(
        "import sys; from confdata.cli import main;"
        "sys.exit(main(['convert', '--from', 'webex', '-']))",
        stdin=json.dumps(load("webex_no_telephony")),
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["conferenceId"] == "d7ffe95c37464c37beeca786fdfe7c6f"


def test_the_parser_does_not_load_the_converters() -> None:
    """Building the parser (confdata --help) registers convert without importing converters."""
    result = _python(
        "import sys; from confdata._cli.main import build_parser;"
        "help = build_parser().format_help(); assert 'convert' in help;"
        "assert not [m for m in sys.modules if m.startswith('confdata.providers._')"
        " and m != 'confdata.providers._cli'], sorted(sys.modules)"
    )
    assert result.returncode == 0, result.stderr


def test_output_holds_no_runner_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A value holding "##[" (the GitHub runner's older command prefix, found anywhere in a
    line) is written with its "[" escaped in the JSON: the same string, no command."""
    meeting = load("zoom_full")
    meeting["join_url"] = "https://example.zoom.us/j/1?x=##[error]forged"
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps(meeting), encoding="utf-8")
    status, out, _ = _run(capsys, "--from", "zoom", str(path))
    assert status == 0
    assert "##[" not in out
    assert json.loads(out)["entryPoints"][0]["uri"] == meeting["join_url"]


# --- The default output passes `confdata validate --strict` (issue 26, item 5) ------------

_RESPONSES = [("zoom", name) for name in ("zoom_full", "zoom_40_numbers", "zoom_no_dial_in")] + [
    ("teams", "teams_full"),
    ("teams", "teams_event_online_meeting"),
    ("webex", "webex_full"),
]


@pytest.mark.parametrize("form", ["calendar", "addon"])
@pytest.mark.parametrize(("provider", "name"), _RESPONSES, ids=[n for _, n in _RESPONSES])
def test_default_output_passes_validate_strict(
    provider: str, name: str, form: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Convert's default output, checked by confdata validate --strict, has no problem at
    all: the phones Calendar would not show are left out when no page lists them."""
    args = ["--from", provider, "--form", form, "--solution-id", "acme"]
    status, out, _ = _run(capsys, *args, str(DIRECTORY / f"{name}.json"))
    assert status == 0
    converted = tmp_path / "converted.json"
    converted.write_text(out, encoding="utf-8")
    assert main(["validate", "--strict", "--form", form, str(converted)]) == 0
    assert capsys.readouterr().out == "checked 1 file(s): 0 error(s), 0 warning(s)\n"


def _phones(out: str) -> list[str]:
    return [ep["uri"] for ep in json.loads(out)["entryPoints"] if ep["entryPointType"] == "phone"]


def test_the_phones_left_out_are_said_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """Zoom gives six numbers and no page listing them: the output keeps the two the
    converter puts first, and one line on stderr names the four left out (the number only,
    not the dial sequence) and the options that keep them."""
    status, out, err = _run(capsys, "--from", "zoom", "--dial-codes", "all", ZOOM)
    converted = from_zoom(load("zoom_full"), ProviderOptions(dial_codes="all"))
    every = [ep.uri for ep in converted.entry_points if ep.type == "phone"]
    assert status == 0
    assert _phones(out) == every[:2]
    numbers = ", ".join(uri.removeprefix("tel:").split(",")[0] for uri in every[2:])
    assert err == (
        f"confdata: convert: {ZOOM}: left out 4 phone numbers Calendar would not show "
        f"({numbers}); --more-uri URL keeps them behind a page that lists them, "
        "--max-phones all keeps every number\n"
    )
    assert "374313" not in err  # the phone passcode in the left-out dial sequences


def test_a_more_page_keeps_the_rest_without_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    """With --more-uri the page lists every number: two phones, the more entry point, and
    nothing on stderr."""
    status, out, err = _run(capsys, "--from", "zoom", "--more-uri", "https://zoom.us/zc", ZOOM)
    assert (status, err, len(_phones(out))) == (0, "", 2)


@pytest.mark.parametrize(("option", "kept"), [("all", 6), ("3", 3), ("0", 0)])
def test_max_phones_chooses_how_many_are_kept(
    capsys: pytest.CaptureFixture[str], option: str, kept: int
) -> None:
    """--max-phones all keeps every number (stderr then says, one line each, which ones
    Calendar will not show: what validate --strict would fail on); a number keeps that many."""
    status, out, err = _run(capsys, "--from", "zoom", "--max-phones", option, ZOOM)
    assert (status, len(_phones(out))) == (0, kept)
    warned = [line for line in err.splitlines() if "warning phone-not-shown" in line]
    assert len(warned) == max(kept - 2, 0)


def test_what_stderr_says_is_escaped(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A file name with a line break and a workflow command is escaped in the note about
    left-out phones, as in every other line."""
    path = tmp_path / "m\n::error file=x::forged.json"
    path.write_text(json.dumps(load("zoom_full")), encoding="utf-8")
    status, _, err = _run(capsys, "--from", "zoom", str(path))
    assert status == 0
    assert err.count("\n") == 1
    assert "m\\n::error file=x::forged.json: left out 4 phone numbers" in err


def test_a_number_without_country_is_warned_and_default_region_fixes_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A Webex number without +country and without a country: the output would fail
    --strict (phone-no-country), so stderr says so; --default-region gives it a region."""
    path = str(DIRECTORY / "webex_phone_password_only.json")
    status, _, err = _run(capsys, "--from", "webex", path)
    assert status == 0
    assert "warning phone-no-country at /entryPoints/1/uri" in err
    status, out, err = _run(capsys, "--from", "webex", "--default-region", "US", path)
    assert (status, err) == (0, "")
    assert [ep.get("regionCode") for ep in json.loads(out)["entryPoints"]][1] == "US"
