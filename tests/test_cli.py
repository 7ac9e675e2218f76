"""The confdata command, run as a real console script in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from confdata import RULES

from .payloads import addon_payload, calendar_payload, manifest_payload

CONFDATA = shutil.which("confdata", path=os.path.dirname(sys.executable)) or "confdata"


def run(*args: str, stdin: bytes = b"", timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run the console script; never a traceback on stderr."""
    result = subprocess.run(
        [CONFDATA, *args],
        input=stdin.decode("utf-8", "surrogateescape"),
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    assert "Traceback" not in result.stderr
    return result


def _write(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value, indent=2), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    """The 1-based number of the first line of ``path`` containing ``needle``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_valid_file_exits_0(tmp_path: Path) -> None:
    """A valid file: exit 0 and a summary line."""
    result = run("validate", str(_write(tmp_path / "ok.json", calendar_payload())))
    assert result.returncode == 0
    assert result.stdout == "checked 1 file(s): 0 error(s), 0 warning(s)\n"


def test_problems_read_like_a_compiler(tmp_path: Path) -> None:
    """Each problem is file:line:col: severity code path: message; exit 1."""
    payload = calendar_payload()
    payload["entryPoints"][0]["uri"] = "tel:+1"
    path = _write(tmp_path / "bad.json", payload)
    result = run("validate", str(path))
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    line = _line_of(path, '"uri": "tel:+1"')
    assert first.startswith(f"{path}:{line}:7: error uri-scheme /entryPoints/0/uri: ")
    assert result.stdout.splitlines()[-1] == "checked 1 file(s): 1 error(s), 0 warning(s)"


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    """A warning exits 0, or 1 under --strict."""
    payload = calendar_payload()
    payload["entryPoints"][2]["uri"] = "sips:1@acme.example"
    path = str(_write(tmp_path / "warn.json", payload))
    assert run("validate", path).returncode == 0
    assert run("validate", "--strict", path).returncode == 1


def test_directories_are_searched_recursively(tmp_path: Path) -> None:
    """Every *.json below a directory is checked; other files are ignored."""
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "a.json", calendar_payload())
    _write(tmp_path / "sub" / "b.json", addon_payload())
    (tmp_path / "notes.txt").write_text("not json", encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.returncode == 0
    assert "checked 2 file(s)" in result.stdout


def test_empty_directory_is_an_input_error(tmp_path: Path) -> None:
    """A directory without JSON files exits 2."""
    result = run("validate", str(tmp_path))
    assert result.returncode == 2
    assert "no *.json file found" in result.stdout


def test_standard_input(tmp_path: Path) -> None:
    """- reads standard input."""
    result = run("validate", "-", stdin=json.dumps(addon_payload()).encode())
    assert result.returncode == 0
    bad = run("validate", "--form", "addon", "-", stdin=b'{"error": {"type": "AUTHENTICATION"}}')
    assert bad.returncode == 1
    assert bad.stdout.startswith("<stdin>:1:2: error auth-url-required /error/authenticationUrl")


def test_events_list_paths_start_at_the_file_root(tmp_path: Path) -> None:
    """In an events list, paths run through /items/N/conferenceData."""
    broken = calendar_payload()
    broken["entryPoints"][0]["uri"] = "ftp://x"
    events = {
        "kind": "calendar#events",
        "items": [
            {"id": "1", "summary": "no conference"},
            {"id": "2", "conferenceData": calendar_payload()},
            {"id": "3", "conferenceData": broken},
        ],
    }
    result = run("validate", "--format", "json", str(_write(tmp_path / "events.json", events)))
    report = json.loads(result.stdout)
    problems = report["files"][0]["problems"]
    assert [p["path"] for p in problems] == ["/items/2/conferenceData/entryPoints/0/uri"]
    assert result.returncode == 1


def test_event_resource(tmp_path: Path) -> None:
    """An Event resource is checked through its conferenceData member."""
    event = {"kind": "calendar#event", "id": "e", "conferenceData": {"entryPoints": []}}
    result = run("validate", "--format", "json", str(_write(tmp_path / "event.json", event)))
    problems = json.loads(result.stdout)["files"][0]["problems"]
    assert [(p["code"], p["path"]) for p in problems] == [
        ("solution-or-request", "/conferenceData")
    ]


def test_json_format_is_machine_readable(tmp_path: Path) -> None:
    """--format json emits one report with files, problems and positions, and a summary."""
    payload = addon_payload()
    payload["note"] = "n" * 3000
    path = _write(tmp_path / "r.json", payload)
    result = run("validate", "--format", "json", str(path))
    report = json.loads(result.stdout)
    (problem,) = report["files"][0]["problems"]
    assert problem["code"] == "max-length"
    assert problem["severity"] == "error"
    assert (problem["line"], problem["column"]) == (_line_of(path, '"note"'), 3)
    assert report["summary"] == {
        "files": 1,
        "errors": 1,
        "warnings": 0,
        "input_errors": 0,
        "exit_status": 1,
    }


def test_github_format_prints_annotations(tmp_path: Path) -> None:
    """--format github prints workflow-command annotations."""
    payload = calendar_payload()
    payload["entryPoints"][1]["regionCode"] = "ZZ"
    path = _write(tmp_path / "g,h.json", payload)
    result = run("validate", "--format", "github", str(path))
    assert result.stdout.startswith("::warning file=")
    line = _line_of(path, '"regionCode": "ZZ"')
    assert f"g%2Ch.json,line={line},col=7,title=confdata region-code-unassigned::" in result.stdout


def test_duplicate_keys_are_reported(tmp_path: Path) -> None:
    """A member repeated in one object is duplicate-key, at the later occurrence."""
    path = tmp_path / "dup.json"
    path.write_text(
        '{"conferenceId": "a",\n "conferenceId": "b", "createRequest": {}}', encoding="utf-8"
    )
    result = run("validate", str(path))
    assert result.returncode == 1
    assert f"{path}:2:2: error duplicate-key /conferenceId" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"conferenceId": ', "invalid JSON"),
        (b"", "empty file"),
        (b"\x00\x01\x02binary", "binary file"),
        (b'{"notes": "\xff"}', "not UTF-8"),
        (b'\xef\xbb\xbf{"createRequest": {}}', "byte order mark"),
        (b"[1, 2]", "no conference data"),
        (b"NaN", "invalid JSON"),
    ],
    ids=["truncated", "empty", "binary", "non-utf8", "bom", "no-conference", "nan"],
)
def test_bad_files_are_input_errors(tmp_path: Path, content: bytes, message: str) -> None:
    """Each kind of unreadable file is one line naming the file, exit 2; others still run."""
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    good = _write(tmp_path / "good.json", calendar_payload())
    result = run("validate", str(bad), str(good))
    assert result.returncode == 2
    lines = result.stdout.splitlines()
    assert lines[0].startswith(str(bad))
    assert message in lines[0]
    assert lines[-1] == "checked 1 file(s): 0 error(s), 0 warning(s), 1 unreadable"


def test_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file the process may not read is an input error naming it (run in-process, since
    root may read anything)."""
    from confdata._cli import main as cli

    path = _write(tmp_path / "secret.json", calendar_payload())
    good = _write(tmp_path / "good.json", calendar_payload())
    real_open = os.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    assert cli.main(["validate", str(path), str(good)]) == 2
    out = capsys.readouterr().out
    assert f"{path}: input-error Permission denied" in out
    assert "checked 1 file(s)" in out


@pytest.mark.parametrize("argv", [0, "validate", [1], ["rules", b"--format"]])
def test_main_with_argv_that_is_not_a_list_of_strings(
    argv: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """cli.main() called with something other than strings is a usage error (exit status
    2, naming argv), not a TypeError from argparse."""
    from confdata._cli import main as cli

    with pytest.raises(SystemExit) as raised:
        cli.main(argv)
    assert raised.value.code == 2
    assert "argv must be a list of strings" in capsys.readouterr().err


def test_dangling_symlink(tmp_path: Path) -> None:
    """A path that cannot be opened (a dangling symlink) is an input error naming it."""
    link = tmp_path / "gone.json"
    link.symlink_to(tmp_path / "missing-target.json")
    result = run("validate", str(link))
    assert result.returncode == 2
    assert result.stdout.startswith(f"{link}: input-error")


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    """A file larger than --max-bytes is skipped with a message."""
    path = _write(tmp_path / "big.json", calendar_payload())
    result = run("validate", "--max-bytes", "100", str(path))
    assert result.returncode == 2
    assert "larger than 100 bytes" in result.stdout


def test_manifest_option(tmp_path: Path) -> None:
    """--manifest checks conferenceSolutionId against the manifest."""
    manifest = _write(tmp_path / "appsscript.json", manifest_payload())
    payload = addon_payload()
    payload["conferenceSolutionId"] = "unknown"
    path = _write(tmp_path / "r.json", payload)
    result = run("validate", "--manifest", str(manifest), str(path))
    assert result.returncode == 1
    assert "solution-id-unknown" in result.stdout
    assert run("validate", "--manifest", str(tmp_path / "nope.json"), str(path)).returncode == 2


def test_usage_errors_exit_2() -> None:
    """Unknown commands and options exit 2 with usage."""
    assert run("frobnicate").returncode == 2
    assert run("validate").returncode == 2
    assert run("validate", "--form", "xml", "x.json").returncode == 2
    zero = run("validate", "--max-bytes", "0", "x.json")
    assert zero.returncode == 2
    assert "argument --max-bytes: must be a positive number of bytes (got '0')" in zero.stderr


def test_help_for_every_command() -> None:
    """Every command has --help with examples."""
    for command in ("validate", "schema", "rules", "example", "apps-script"):
        result = run(command, "--help")
        assert result.returncode == 0
        assert "example" in result.stdout


def test_rules_command() -> None:
    """confdata rules lists every code; --format json is machine-readable."""
    text = run("rules").stdout
    assert "uri-scheme" in text
    rules = json.loads(run("rules", "--format", "json").stdout)
    assert {
        "code": "more-only",
        "severity": "error",
        "summary": "the only entry points are of type more",
        "source": "S1-ept, S3",
        "url": RULES["more-only"].url,
    } in rules


def test_examples_are_valid_in_both_forms(tmp_path: Path) -> None:
    """Every example kind prints a payload that validates in its form."""
    for kind in ("video", "full", "phone", "authentication-error", "temporary-error", "meet"):
        for form in ("calendar", "addon"):
            printed = run("example", "--kind", kind, "--form", form)
            assert printed.returncode == 0
            path = tmp_path / f"{kind}-{form}.json"
            path.write_text(printed.stdout, encoding="utf-8")
            result = run("validate", "--form", form, str(path))
            assert result.returncode == 0, result.stdout
    assert run("example", "--kind", "pending", "--form", "addon").returncode == 2


def test_schema_command_prints_draft_2020_12() -> None:
    """confdata schema prints a JSON Schema document."""
    schema = json.loads(run("schema", "--form", "addon").stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_python_dash_m() -> None:
    """python -m confdata works like the console script."""
    result = subprocess.run(
        [sys.executable, "-m", "confdata", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("confdata ")


def test_progress_line_only_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Long runs show a progress line on a terminal's stderr; never in JSON or off a TTY."""
    from confdata._cli import main as cli
    from confdata._cli import validate as _cli_validate

    for index in range(200):
        _write(tmp_path / f"c{index:03d}.json", calendar_payload())
    monkeypatch.setattr(_cli_validate, "PROGRESS_AFTER", 0.0)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert cli.main(["validate", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "\rconfdata: 100 files checked…" in err
    assert "\rconfdata: 200 files checked…" in err
    assert cli.main(["validate", "--format", "json", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert cli.main(["validate", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""


# Only regular files are read (issue 20).


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def test_fifo_named_on_the_command_line_is_an_input_error(tmp_path: Path) -> None:
    """A FIFO given as a path is one input-error line naming it (exit 2), read by nobody and
    never waited on; the other files are still checked and the summary prints."""
    fifo = _fifo(tmp_path / "pipe.json")
    good = _write(tmp_path / "good.json", calendar_payload())
    result = run("validate", str(fifo), str(good), timeout=20)
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        f"{fifo}: input-error not a regular file (a FIFO); not read",
        "checked 1 file(s): 0 error(s), 0 warning(s), 1 unreadable",
    ]


def test_fifo_socket_and_device_found_in_a_folder_are_input_errors(tmp_path: Path) -> None:
    """In a folder, a FIFO, a socket or a link to a device named *.json is an input error
    each; the regular files beside them are checked."""
    import socket

    _fifo(tmp_path / "a-pipe.json")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(tmp_path / "b-socket.json"))
    (tmp_path / "c-device.json").symlink_to("/dev/zero")
    _write(tmp_path / "d-good.json", calendar_payload())
    try:
        result = run("validate", str(tmp_path), timeout=20)
    finally:
        listener.close()
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        f"{tmp_path}/a-pipe.json: input-error not a regular file (a FIFO); not read",
        f"{tmp_path}/b-socket.json: input-error not a regular file (a socket); not read",
        f"{tmp_path}/c-device.json: input-error not a regular file (a character device); not read",
        "checked 1 file(s): 0 error(s), 0 warning(s), 3 unreadable",
    ]


def test_a_fifo_as_manifest_is_refused_without_blocking(tmp_path: Path) -> None:
    """--manifest naming a FIFO is one line on stderr naming it, exit 2, and no wait."""
    fifo = _fifo(tmp_path / "appsscript.json")
    good = _write(tmp_path / "good.json", addon_payload())
    result = run("validate", "--manifest", str(fifo), str(good), timeout=20)
    assert result.returncode == 2
    assert result.stderr == (
        f"confdata: --manifest: {fifo}: not a regular file (a FIFO); not read\n"
    )


def test_max_bytes_applies_to_the_manifest(tmp_path: Path) -> None:
    """A manifest larger than --max-bytes is refused (exit 2, one line), as any other file."""
    manifest = _write(tmp_path / "appsscript.json", manifest_payload())
    good = _write(tmp_path / "good.json", addon_payload())
    assert run("validate", "--manifest", str(manifest), str(good)).returncode == 0
    result = run("validate", "--max-bytes", "100", "--manifest", str(manifest), str(good))
    assert result.returncode == 2
    assert result.stderr == (
        f"confdata: --manifest: {manifest}: larger than 100 bytes (see --max-bytes); not read\n"
    )


def test_a_device_as_manifest_is_refused_before_reading(tmp_path: Path) -> None:
    """--manifest /dev/zero is refused as a device (it once read 3.7 GB and crashed)."""
    good = _write(tmp_path / "good.json", addon_payload())
    result = run("validate", "--manifest", "/dev/zero", str(good), timeout=20)
    assert result.returncode == 2
    assert "not a regular file (a character device)" in result.stderr


def test_max_bytes_does_not_size_the_read_buffer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A huge --max-bytes costs nothing: the buffer is the file's size, not the limit (a
    buffer of max_bytes + 1 bytes per file once raised MemoryError)."""
    from confdata._cli import main as cli

    path = _write(tmp_path / "ok.json", calendar_payload())
    assert cli.main(["validate", "--max-bytes", str(10**12), str(path)]) == 0
    assert capsys.readouterr().out == "checked 1 file(s): 0 error(s), 0 warning(s)\n"


# Output a program can rely on (issue 21).


def test_problems_are_sorted_by_line_and_column(tmp_path: Path) -> None:
    """Problems of a file come in the order of their position in it, whichever rule found
    them first."""
    path = tmp_path / "order.json"
    path.write_text(
        '{"conferenceId": "c",\n'
        ' "conferenceSolution": {"key": {"type": "addOn"}},\n'
        ' "entryPoints": [{"entryPointType": "video", "uri": "ftp://x"}],\n'
        ' "notes": "a", "notes": "b"}\n',
        encoding="utf-8",
    )
    result = run("validate", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(" ")[2] for line in lines[:-1]] == ["uri-scheme", "duplicate-key"]
    assert lines[0].startswith(f"{path}:3:")
    assert lines[1].startswith(f"{path}:4:")


def test_the_root_is_spelled_the_same_everywhere(tmp_path: Path) -> None:
    """The root of a document is "" in JSON output and <root> in text and GitHub output."""
    path = _write(tmp_path / "empty.json", {"conferenceId": "c"})
    text = run("validate", str(path)).stdout
    assert text.startswith(f"{path}:1:1: error solution-or-request <root>: ")
    github = run("validate", "--format", "github", str(path)).stdout
    assert "title=confdata solution-or-request::<root> " in github
    (problem,) = json.loads(run("validate", "--format", "json", str(path)).stdout)["files"][0][
        "problems"
    ]
    assert problem["path"] == ""


FILE_KEYS = {"path", "error", "line", "column", "problems"}
PROBLEM_KEYS = {"code", "severity", "path", "message", "line", "column", "url"}


def test_json_records_have_a_fixed_key_set(tmp_path: Path) -> None:
    """Every file record has the same keys, line and column null when unknown; every problem
    record has the same keys, including the rule's documentation URL."""
    bad = calendar_payload()
    bad["entryPoints"][0]["uri"] = "ftp://x"
    paths = [
        _write(tmp_path / "a-good.json", calendar_payload()),
        _write(tmp_path / "b-bad.json", bad),
        tmp_path / "c-broken.json",
        tmp_path / "d-missing.json",
    ]
    paths[2].write_text('{"conferenceId": ', encoding="utf-8")
    report = json.loads(run("validate", "--format", "json", *map(str, paths)).stdout)
    files = report["files"]
    assert [set(record) for record in files] == [FILE_KEYS] * 4
    good, problems, broken, missing = files
    assert (good["line"], good["column"], good["problems"]) == (None, None, [])
    assert broken["line"] == 1
    assert broken["column"] is not None
    assert (missing["line"], missing["column"]) == (None, None)
    (problem,) = problems["problems"]
    assert set(problem) == PROBLEM_KEYS
    assert problem["url"] == RULES["uri-scheme"].url
    assert problem["url"].endswith("rules.html#uri-scheme")


def test_rules_command_prints_one_rule_with_its_url() -> None:
    """confdata rules CODE prints that rule and its URL; an unknown code exits 2 with a
    suggestion."""
    rule = RULES["uri-scheme"]
    text = run("rules", "uri-scheme")
    assert text.returncode == 0
    assert text.stdout.splitlines() == [
        f"uri-scheme  error    {rule.summary}  [{rule.source}]",
        rule.url,
    ]
    record = json.loads(run("rules", "uri-scheme", "--format", "json").stdout)
    assert record["url"] == rule.url
    markdown = run("rules", "uri-scheme", "--format", "markdown").stdout.splitlines()
    assert len(markdown) == 3
    assert markdown[2].startswith(f"| [`uri-scheme`]({rule.url}) |")
    unknown = run("rules", "uri-schema")
    assert unknown.returncode == 2
    assert (
        unknown.stderr == "confdata: no rule has the code 'uri-schema'; did you mean uri-scheme?\n"
    )


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("validate", ["--form", "--strict", "--format", "--manifest", "--max-bytes"]),
        ("schema", ["--form"]),
        ("rules", ["--format"]),
        ("example", ["--kind", "--form"]),
        ("apps-script", ["--manifest", "--function"]),
    ],
)
def test_every_option_has_help_and_shows_its_default(command: str, options: list[str]) -> None:
    """Each option of each command has help text, and says its default."""
    import re

    from confdata._cli.main import build_parser

    parser = build_parser()
    subparsers = next(
        action
        for action in parser._actions  # argparse keeps its subcommands only here
        if isinstance(action, __import__("argparse")._SubParsersAction)
    )
    sub = subparsers.choices[command]
    for action in sub._actions:
        if action.option_strings and action.option_strings[0] in options:
            assert action.help, action.option_strings
    help_text = re.sub(r"\s+", " ", run(command, "--help").stdout)
    for option in options:
        entry = help_text.split(f" {option}", 1)[1].split(" --", 1)[0]
        assert "(default: " in entry, (command, option, entry)


def test_help_imports_only_the_command_line_module() -> None:
    """confdata --help loads argparse and the cli module (and the parsers of `convert`, which
    confdata.providers owns, and of `apps-script`), none of the checking code: the subcommands
    import what they need when they run."""
    code = (
        "import sys\n"
        "from confdata import cli\n"
        "try:\n"
        "    cli.main(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('confdata')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = result.stdout.splitlines()[-1]
    assert loaded == (
        "['confdata', 'confdata._cli', 'confdata._cli.apps_script', 'confdata._cli.exits', "
        "'confdata._cli.main', 'confdata._cli.options', 'confdata._version', 'confdata.cli', "
        "'confdata.fixtures', "
        "'confdata.providers', 'confdata.providers._cli']"
    )
