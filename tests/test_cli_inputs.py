"""Every command that reads input meets every input fault the same way (issue 29).

The commands and options that take a file are found in the parser itself (a ``PATH`` or
``FILE`` argument), so a command added later is run against the fault set too. Each fault
is exit status 2 with one escaped line naming the input, after a bounded read, and no
exception escapes. The commands run in-process, under an alarm that turns a blocking read
into a failure instead of a hang.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from confdata._cli import main as cli
from confdata._cli.main import build_parser
from confdata._cli.output import shown_name

from .payloads import addon_payload

# How each argument that names an input is given, its input written as PATH.
INVOCATIONS: dict[tuple[str, str], list[str]] = {
    ("validate", "paths"): ["validate", "PATH"],
    ("validate", "manifest"): ["validate", "--manifest", "PATH", "GOOD"],
    ("convert", "path"): ["convert", "--from", "zoom", "PATH"],
}
_INPUT_METAVARS = ("PATH", "FILE")
_DEADLINE = 20  # seconds; a blocking open or read fails the test instead of hanging it


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(
        a
        for a in build_parser()._actions  # argparse keeps its subcommands only here
        if isinstance(a, argparse._SubParsersAction)
    )
    return dict(action.choices)


def _input_arguments() -> set[tuple[str, str]]:
    return {
        (name, action.dest)
        for name, parser in _subcommands().items()
        for action in parser._actions
        if action.metavar in _INPUT_METAVARS
    }


def test_every_argument_that_names_an_input_is_in_the_fault_set() -> None:
    """Each command's file argument (PATH or FILE) is run against the fault set below; the
    commands without one (schema, example, rules) read no input."""
    assert _input_arguments() == set(INVOCATIONS)
    readers = {command for command, _ in INVOCATIONS}
    assert {"schema", "example", "rules"}.isdisjoint(readers)
    assert {"schema", "example", "rules"} <= set(_subcommands())


@contextmanager
def _deadline() -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError("the command blocked on its input")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(_DEADLINE)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Exit status, and every line written (both streams), less validate's summary."""
    with _deadline():
        status = cli.main(argv)
    out, err = capsys.readouterr()
    lines = (out + err).splitlines()
    return status, [line for line in lines if not line.startswith("checked ")]


def _argv(invocation: tuple[str, str], path: str, good: Path, *options: str) -> list[str]:
    words = INVOCATIONS[invocation]
    argv = [words[0], *options, *words[1:]]
    return [path if w == "PATH" else str(good) if w == "GOOD" else w for w in argv]


def _assert_one_escaped_line(lines: list[str], name: str) -> None:
    assert len(lines) == 1, lines
    (line,) = lines
    assert line.isprintable(), line
    assert not line.startswith("::")
    assert "##[" not in line
    assert shown_name(name) in line, line


def _fifo(folder: Path, _: pytest.MonkeyPatch) -> str:
    os.mkfifo(folder / "in.json")
    return str(folder / "in.json")


def _device(folder: Path, _: pytest.MonkeyPatch) -> str:
    return "/dev/zero"


def _folder(folder: Path, _: pytest.MonkeyPatch) -> str:
    (folder / "in").mkdir()
    return str(folder / "in")


def _unreadable(folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A file whose open fails as it does for a user without read permission (in-process,
    so that it fails for root too)."""
    path = folder / "in.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0)
    real_open = os.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    return str(path)


def _file(name: str, content: bytes) -> Callable[[Path, pytest.MonkeyPatch], str]:
    def make(folder: Path, _: pytest.MonkeyPatch) -> str:
        (folder / name).write_bytes(content)
        return str(folder / name)

    return make


# Each fault: how its input is made, the options it needs, and what the line says.
FAULTS: dict[str, tuple[Callable[[Path, pytest.MonkeyPatch], str], list[str], str]] = {
    "fifo": (_fifo, [], "a FIFO"),
    "device": (_device, [], "a character device"),
    "folder": (_folder, [], "director"),  # a directory; validate: no *.json in this directory
    "unreadable": (_unreadable, [], "Permission denied"),
    "too-large": (
        _file("in.json", b" " * 200 + b"{}"),
        ["--max-bytes", "100"],
        "larger than 100 bytes",
    ),
    "nested-too-deep": (_file("in.json", b"[" * 100_000), [], "nested too deeply"),
    "bad-utf-8": (_file("in.json", b'{"a": "\xff"}'), [], "not UTF-8"),
    "nul-in-name": (lambda folder, _: str(folder / "a\x00b.json"), [], "embedded null byte"),
    "control-characters": (
        _file("a\n::error file=x::forged\u202e\x1b[2J.json", b"{"),
        [],
        "invalid JSON",
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("invocation", list(INVOCATIONS), ids="-".join)
def test_every_input_fault_is_one_escaped_line_and_exit_2(
    invocation: tuple[str, str],
    fault: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A FIFO, a device, a folder, an unreadable file, a file too large, one nested too
    deep, bad UTF-8, a name with a NUL (from a program calling main()) and a name with
    control characters: for every command that reads input, exit status 2 and one printable
    line naming the input and the fault."""
    good = tmp_path / "good.json"
    good.write_text(json.dumps(addon_payload()), encoding="utf-8")
    make, options, reason = FAULTS[fault]
    path = make(tmp_path, monkeypatch)
    status, lines = _run(_argv(invocation, path, good, *options), capsys)
    assert status == 2
    _assert_one_escaped_line(lines, path)
    assert reason in lines[0]


STDIN_FAULTS: dict[str, tuple[bytes | None, str]] = {
    "device": (None, "larger than 20971520 bytes"),  # /dev/zero: read up to the bound
    "nested-too-deep": (b"[" * 100_000, "nested too deeply"),
    "bad-utf-8": (b'{"a": "\xff"}', "not UTF-8"),
    "empty": (b"", "empty"),
}


@pytest.mark.parametrize("fault", list(STDIN_FAULTS))
@pytest.mark.parametrize("invocation", list(INVOCATIONS), ids="-".join)
def test_standard_input_meets_the_same_faults(
    invocation: tuple[str, str],
    fault: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``-`` reads standard input through the same reader: /dev/zero stops at --max-bytes,
    deep nesting and bad UTF-8 are one line naming <stdin>, exit 2."""
    good = tmp_path / "good.json"
    good.write_text(json.dumps(addon_payload()), encoding="utf-8")
    content, reason = STDIN_FAULTS[fault]
    source = tmp_path / "stdin"
    if content is not None:
        source.write_bytes(content)
    with open("/dev/zero" if content is None else source, "rb") as stream:
        monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": stream})())
        status, lines = _run(_argv(invocation, "-", good), capsys)
    assert status == 2
    _assert_one_escaped_line(lines, "-")
    assert reason in lines[0]


def test_a_rule_code_with_control_characters_is_one_escaped_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The commands without input escape what they echo of their arguments: an unknown
    rule code holding a line break and a workflow command is one line, exit 2."""
    status, lines = _run(["rules", "x\n::error file=a::forged"], capsys)
    assert status == 2
    assert lines == ["confdata: no rule has the code 'x\\n::error file=a::forged'"]
