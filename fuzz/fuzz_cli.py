"""Coverage-guided fuzzing (atheris) of ``confdata validate`` and ``confdata convert`` over
generated file trees.

Each input builds a small tree in a scratch folder: files and subfolders with arbitrary
names (undecodable bytes included), holding conference data with arbitrary member names,
arbitrary bytes, FIFOs and links (dangling or not). The command runs over it in-process in
every output format. A crash is an exception, an exit status other than 0, 1 or 2, or output
that could be forged: a line break inside a record, a non-printable character, a text line
starting with '::' or holding '##[', an annotation whose properties are not the ones written,
a text report whose line count is not one per problem and input error plus the summary.
Each file is also converted (``confdata convert``, a provider picked by the input): exit 0 or
2, standard error escaped, and on 0, JSON with no runner command that has no error.
Run by ``make fuzz``; ``python fuzz/fuzz_cli.py -max_total_time=60``.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from typing import Any

import atheris

with atheris.instrument_imports():
    from confdata._cli import files as _files
    from confdata._cli import jsontext as _jsontext
    from confdata._cli import main as cli
    from confdata._cli import output as _cli_output
    from confdata._cli import reader as _reader
    from confdata._cli import validate as _cli_validate
    from confdata._core import text as _text
    from confdata.providers import _cli as _providers_cli

from confdata import validate_calendar_json

MODULES = (_cli_output, _cli_validate, _files, _jsontext, _reader, _text, _providers_cli)
SCRATCH = tempfile.mkdtemp(prefix="confdata-fuzz-cli-")
ANNOTATION = re.compile(r"(error|warning) file=[^:,]*(,line=\d+,col=\d+)?,title=confdata [a-z-]+")
PAYLOAD: dict[str, Any] = {
    "conferenceId": "abc-123",
    "conferenceSolution": {"key": {"type": "addOn"}, "name": "Acme"},
    "entryPoints": [
        {"entryPointType": "video", "uri": "https://acme.example/j/1", "passcode": "abc"},
        {"entryPointType": "phone", "uri": "tel:+12025550123", "pin": "123"},
    ],
    "parameters": {"addOnParameters": {"parameters": {"k": "v"}}},
}
ZOOM: dict[str, Any] = {  # the shape of Zoom's "Get a meeting"
    "id": 85746352814,
    "join_url": "https://example.zoom.us/j/85746352814?pwd=abc",
    "password": "Ab3xYz",
    "settings": {
        "global_dial_in_numbers": [
            {"country": "US", "number": "+1 646 558 8656", "type": "toll"},
            {"country": "SE", "number": "+46 8 5016 3827", "type": "toll"},
            {"country": "GB", "number": "+44 203 481 5237", "type": "toll"},
        ]
    },
}


def _name(provider: atheris.FuzzedDataProvider) -> bytes:
    raw: bytes = provider.ConsumeBytes(provider.ConsumeIntInRange(1, 16))
    name = raw.replace(b"/", b"_").replace(b"\x00", b"_") or b"f"
    if name in (b".", b".."):
        name = b"dot"
    return name + (b".json" if provider.ConsumeProbability() < 0.85 else b".txt")


def _zoom(provider: atheris.FuzzedDataProvider) -> bytes:
    meeting = json.loads(json.dumps(ZOOM))
    for _ in range(provider.ConsumeIntInRange(0, 4)):
        value: Any = provider.ConsumeUnicode(24)
        place = provider.ConsumeIntInRange(0, 3)
        if place == 0:
            meeting["join_url"] = value
        elif place == 1:
            meeting[provider.ConsumeUnicode(8)] = value
        elif place == 2:
            numbers = meeting["settings"]["global_dial_in_numbers"]
            numbers[provider.ConsumeIntInRange(0, 2)]["number"] = value
        else:
            meeting["password"] = value
    return json.dumps(meeting, ensure_ascii=provider.ConsumeBool()).encode("utf-8", "surrogatepass")


def _content(provider: atheris.FuzzedDataProvider) -> bytes:
    kind = provider.ConsumeIntInRange(0, 4)
    if kind == 0:
        raw: bytes = provider.ConsumeBytes(provider.ConsumeIntInRange(0, 200))
        return raw
    if kind == 4:
        return _zoom(provider)
    payload = json.loads(json.dumps(PAYLOAD))
    for _ in range(provider.ConsumeIntInRange(0, 4)):
        member = provider.ConsumeUnicode(12)
        value: Any = provider.ConsumeUnicode(20) if provider.ConsumeBool() else {member: 1}
        place = provider.ConsumeIntInRange(0, 3)
        if place == 0:
            payload[member] = value
        elif place == 1:
            payload["entryPoints"][0][member] = value
        elif place == 2:
            payload["parameters"]["addOnParameters"]["parameters"][member] = value
        else:
            payload["entryPoints"][1]["uri"] = provider.ConsumeUnicode(30)
    text = json.dumps(payload, ensure_ascii=provider.ConsumeBool())
    if kind == 3:  # a repeated member, found only in the text
        text = text.replace('"conferenceId"', '"conferenceId": "x", "conferenceId"', 1)
    return text.encode("utf-8", "surrogatepass")


def _tree(provider: atheris.FuzzedDataProvider, root: bytes) -> list[bytes]:
    """Build the files; returns the paths to name on the command line."""
    folders = [root]
    for _ in range(provider.ConsumeIntInRange(0, 2)):
        folder = os.path.join(provider.PickValueInList(folders), _name(provider)[:-5])
        os.makedirs(folder, exist_ok=True)
        folders.append(folder)
    made: list[bytes] = []
    for _ in range(provider.ConsumeIntInRange(1, 5)):
        path = os.path.join(provider.PickValueInList(folders), _name(provider))
        if os.path.lexists(path):
            continue
        kind = provider.ConsumeIntInRange(0, 9)
        if kind == 0:
            os.mkfifo(path)
        elif kind == 1:
            os.symlink(os.path.join(root, b"nowhere") if made == [] else made[0], path)
        else:
            with open(path, "wb") as file:
                file.write(_content(provider))
        made.append(path)
    return [root] if provider.ConsumeBool() else made


def _check_output(fmt: str, out: str, records: int | None) -> None:
    lines = out.split("\n")
    if lines[-1] != "" or out.splitlines() != lines[:-1]:
        raise AssertionError(f"a record spans lines: {out!r}")
    lines = lines[:-1]
    for line in lines:
        if not line.isprintable():
            raise AssertionError(f"a non-printable character reaches the output: {line!r}")
        if fmt == "github":
            if not ANNOTATION.fullmatch(line[2 : line.index("::", 2)]):
                raise AssertionError(f"forged annotation properties: {line!r}")
        elif line.lstrip().startswith("::") or "##[" in line:
            raise AssertionError(f"a line a CI runner takes as a command: {line!r}")
    if fmt == "text" and records is not None and len(lines) != records + 1:
        raise AssertionError(f"{len(lines)} lines for {records} records: {out!r}")


def _run(fmt: str, paths: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = cli.main(["validate", "--format", fmt, "--max-bytes", "4096", *paths])
    if status not in (0, 1, 2):
        raise AssertionError(f"exit status {status}")
    for line in err.getvalue().splitlines():
        if not line.isprintable() or line.lstrip().startswith("::"):
            raise AssertionError(f"forged standard error: {line!r}")
    return status, out.getvalue()


def _convert(path: str, source: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = cli.main(["convert", "--from", source, "--max-bytes", "4096", path])
    if status not in (0, 2):
        raise AssertionError(f"convert exit status {status}")
    for line in err.getvalue().split("\n")[:-1]:
        if not line.isprintable() or line.lstrip().startswith("::") or "##[" in line:
            raise AssertionError(f"forged standard error: {line!r}")
    if status == 2:
        if out.getvalue():
            raise AssertionError("convert failed but wrote output")
        return
    if "##[" in out.getvalue():
        raise AssertionError("a runner command in convert's output")
    errors = [p for p in validate_calendar_json(json.loads(out.getvalue())) if p.is_error]
    if errors:
        raise AssertionError(f"convert wrote invalid conference data: {errors}")


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    root = os.path.join(os.fsencode(SCRATCH), b"tree")
    shutil.rmtree(root, ignore_errors=True)
    os.mkdir(root)
    paths = [os.fsdecode(path) for path in _tree(provider, root)]
    status, document = _run("json", paths)
    report = json.loads(document)
    records = sum(len(f["problems"]) if f["error"] is None else 1 for f in report["files"])
    if report["summary"]["exit_status"] != status:
        raise AssertionError("the JSON summary disagrees with the exit status")
    for fmt in ("text", "github"):
        again, out = _run(fmt, paths)
        if again != status:
            raise AssertionError(f"--format {fmt} exits {again}, --format json {status}")
        _check_output(fmt, out, records)
    source = provider.PickValueInList(["zoom", "teams", "webex"])
    for path in paths:
        _convert(path, source)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    try:
        atheris.Fuzz()
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
