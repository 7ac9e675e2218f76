"""What confdata validate prints cannot be forged by the files it reads (issue 20)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confdata import cli

from .payloads import calendar_payload

FORGED = "\n::error file=evil.json,line=1::forged"
ANNOTATION = r"(error|warning) file=[^:,]*(,line=\d+,col=\d+)?,title=confdata [a-z-]+"
FORMATS = ("text", "json", "github")


def _validate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = cli.main(["validate", *args])
    return status, capsys.readouterr().out


def _problem_count(capsys: pytest.CaptureFixture[str], path: Path) -> int:
    _, out = _validate(capsys, "--format", "json", str(path))
    return sum(len(record["problems"]) for record in json.loads(out)["files"])


def _assert_unforged(out: str, fmt: str, lines: int | None = None) -> None:
    """One line per record, no other line break anywhere, no line a workflow command
    (except the annotations of --format github), no legacy ##[ command."""
    assert out.splitlines() == out.split("\n")[:-1]
    if lines is not None:
        assert len(out.splitlines()) == lines
    for line in out.splitlines():
        assert line.isprintable()
        if fmt == "github":
            # The runner reads the properties up to the first "::" after the start: they
            # must be exactly the ones written, whatever the message holds after them.
            properties = line[2 : line.index("::", 2)]
            assert re.fullmatch(ANNOTATION, properties), properties
        else:
            assert not line.lstrip().startswith("::")
            assert "##[" not in line


def _hostile(tmp_path: Path, name: str = "hostile.json", member: str = FORGED) -> Path:
    payload = calendar_payload()
    payload["entryPoints"][0][member] = "x"
    payload[member] = {member: 1}
    path = tmp_path / name
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def test_a_member_name_cannot_add_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A member name holding a line break and a workflow command gives exactly one text
    line per problem (plus the summary), and no line starts with '::'."""
    path = _hostile(tmp_path)
    count = _problem_count(capsys, path)
    assert count == 2  # two unknown members
    status, out = _validate(capsys, str(path))
    assert status == 1
    _assert_unforged(out, "text", lines=count + 1)
    assert "/entryPoints/0/\\n::error file=evil.json,line=1::forged: " in out


def test_a_file_name_cannot_add_a_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file name holding a line break is shown escaped on one line, in every format."""
    path = _hostile(tmp_path, name=f"evil{FORGED}.json")
    for fmt in FORMATS:
        _, out = _validate(capsys, "--format", fmt, str(path))
        if fmt == "json":
            (record,) = json.loads(out)["files"]
            assert record["path"] == str(path)  # data keeps the name as it is
        else:
            _assert_unforged(out, fmt, lines=3 if fmt == "text" else 2)
            assert ("evil\\n::error" if fmt == "text" else "evil\\n%3A%3Aerror") in out


def test_terminal_controls_and_bidi_overrides_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Escape sequences, bidi overrides, Unicode line separators and carriage returns in
    names and members reach the terminal as backslash escapes."""
    member = "\x1b[2J\u202egnp.exe\u2028\r"
    path = _hostile(tmp_path, name="\x1b]0;title\x07.json", member=member)
    _, out = _validate(capsys, str(path))
    _assert_unforged(out, "text", lines=3)
    assert out.startswith(f"{tmp_path}/\\x1b]0;title\\a.json:")
    assert "\\x1b[2J\\u202egnp.exe\\u2028\\r" in out


def test_the_older_runner_command_prefix_is_written_harmlessly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'##[', which the GitHub runner takes as a command anywhere in a line, never appears
    in text or JSON output, and JSON still reads back the same names."""
    path = _hostile(tmp_path, name="##[error]x.json", member="##[error]forged")
    _, text = _validate(capsys, str(path))
    assert "##[" not in text
    assert "##\\x5berror]x.json" in text
    _, document = _validate(capsys, "--format", "json", str(path))
    assert "##[" not in document
    (record,) = json.loads(document)["files"]
    assert record["path"] == str(path)
    assert "/##[error]forged" in {p["path"] for p in record["problems"]}


def test_a_name_starting_with_colons_is_shown_from_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A relative file name starting with '::' is shown as ./::…, so that no line starts
    with '::' (a GitHub workflow command)."""
    monkeypatch.chdir(tmp_path)
    _hostile(tmp_path, name="::error title=x::forged.json")
    _, out = _validate(capsys, "::error title=x::forged.json")
    _assert_unforged(out, "text", lines=3)
    assert out.startswith("./::error title=x::forged.json:")
    _, missing = _validate(capsys, " ::gone.json")
    assert missing.startswith("./ ::gone.json: input-error")


def test_file_names_are_escaped_as_ls_escape_shows_them() -> None:
    """Tabs, backslashes, controls, format characters and undecodable bytes become
    backslash escapes; spaces and printable non-ASCII letters stay."""
    from confdata._cli.output import shown_name

    assert shown_name("a b\tc\\d") == "a b\\tc\\\\d"
    assert shown_name("caf\u00e9 \u65e5\u672c.json") == "caf\u00e9 \u65e5\u672c.json"
    assert shown_name(os.fsdecode(b"bad-\xff.json")) == "bad-\\xff.json"
    assert shown_name("\u200bzero-width\U000e0001") == "\\u200bzero-width\\U000e0001"
    assert shown_name("-") == "<stdin>"
    assert shown_name(":x") == "./:x"


def test_messages_keep_their_backslashes_and_lose_their_controls() -> None:
    """A message line escapes controls but leaves the backslashes of quoted values alone."""
    from confdata._cli.output import safe_line
    from confdata._core.text import escape_text

    assert safe_line("got 'a\\nb'") == "got 'a\\nb'\n"
    assert safe_line("bad\nline ##[x]") == "bad\\nline ##\\x5bx]\n"
    assert escape_text("\\", backslash=False) == "\\"


names = st.text(
    st.characters(exclude_characters="/\x00", exclude_categories=["Cs"]),
    min_size=1,
    max_size=30,
).filter(lambda name: name not in (".", "..") and len(os.fsencode(name)) < 200)


@settings(max_examples=40, deadline=None)
@given(name=names, member=st.text(max_size=30), fmt=st.sampled_from(FORMATS))
def test_no_file_or_member_name_forges_output(name: str, member: str, fmt: str) -> None:
    """For any file name and member name, each format prints one record per line (text: one
    per problem and the summary) and nothing a CI runner would take as a command."""
    import io
    import tempfile
    from contextlib import redirect_stdout

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.json"
        payload: dict[str, Any] = calendar_payload()
        payload[member or "x"] = 1
        path.write_text(json.dumps(payload), encoding="utf-8")
        out = io.StringIO()
        with redirect_stdout(out):
            status = cli.main(["validate", "--format", fmt, str(path)])
        assert status == 1
        text = out.getvalue()
        if fmt == "json":
            (record,) = json.loads(text)["files"]
            assert record["path"] == str(path)
            assert "##[" not in text
        else:
            _assert_unforged(text, fmt, lines=2 if fmt == "text" else 1)


def test_usage_errors_cannot_forge_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown option holding a line break and a workflow command is reported on one
    escaped line of standard error."""
    with pytest.raises(SystemExit) as raised:
        cli.main(["validate", "--bogus\n::error::forged", "x.json"])
    assert raised.value.code == 2
    err = capsys.readouterr().err
    _assert_unforged(err, "text")
    assert (
        err.splitlines()[-1] == "confdata: error: unrecognized arguments: --bogus\\n::error::forged"
    )
