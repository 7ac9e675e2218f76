"""Manifest.load: a bounded read of a regular file (issue 20)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from confdata import Manifest, ValidationError

from .blocking import no_blocking  # noqa: F401 - a fixture
from .payloads import manifest_payload


def _manifest(tmp_path: Path) -> Path:
    path = tmp_path / "appsscript.json"
    path.write_text(json.dumps(manifest_payload()), encoding="utf-8")
    return path


def test_load_refuses_a_file_over_max_bytes(tmp_path: Path) -> None:
    """A manifest larger than max_bytes is a ValidationError naming the file and the limit,
    raised before it is read."""
    path = _manifest(tmp_path)
    size = path.stat().st_size
    assert Manifest.load(path, max_bytes=size).solution_ids
    with pytest.raises(ValidationError) as raised:
        Manifest.load(path, max_bytes=size - 1)
    (problem,) = raised.value.problems
    assert problem.message == f"manifest {str(path)!r}: larger than {size - 1} bytes; not read"


def test_load_has_a_one_mebibyte_default(tmp_path: Path) -> None:
    """Without max_bytes, a manifest of more than 1 MiB is refused (manifests are a few KB)."""
    from confdata.manifest import MAX_MANIFEST_BYTES

    assert MAX_MANIFEST_BYTES == 1 << 20
    payload = manifest_payload()
    payload["padding"] = "x" * MAX_MANIFEST_BYTES
    path = tmp_path / "big.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(ValidationError, match="larger than 1048576 bytes"):
        Manifest.load(path)


@pytest.mark.usefixtures("no_blocking")
@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_load_reads_regular_files_only(tmp_path: Path, kind: str) -> None:
    """A FIFO, a device or a folder is refused as such, without being opened for reading
    (a FIFO would block, /dev/zero would fill memory)."""
    if kind == "fifo":
        path = tmp_path / "pipe.json"
        os.mkfifo(path)
        expected = "a FIFO"
    elif kind == "device":
        path, expected = Path("/dev/zero"), "a character device"
    else:
        path, expected = tmp_path, "a directory"
    with pytest.raises(ValidationError, match=f"not a regular file \\({expected}\\)"):
        Manifest.load(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"addOns": ', "is not valid JSON"),
        (b'{"addOns": "\xff"}', "is not UTF-8"),
        (b"[" * 100_000, "is not valid JSON"),
    ],
    ids=["truncated", "not-utf8", "deep"],
)
def test_load_reports_unreadable_json(tmp_path: Path, content: bytes, message: str) -> None:
    """Invalid JSON, bytes that are not UTF-8 and nesting too deep are ValidationErrors."""
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=message):
        Manifest.load(path)


@pytest.mark.parametrize(
    "max_bytes",
    [0, -1, 1.5, "100", True, -(10**5000)],
    ids=["0", "-1", "float", "str", "bool", "huge"],
)
def test_load_rejects_a_wrong_max_bytes(tmp_path: Path, max_bytes: Any) -> None:
    """max_bytes must be a positive int; anything else is a ValidationError naming it, and
    a huge int is described, not printed."""
    with pytest.raises(ValidationError, match="max_bytes must be a positive int") as raised:
        Manifest.load(_manifest(tmp_path), max_bytes=max_bytes)
    assert len(str(raised.value)) < 200


def test_load_takes_a_huge_limit(tmp_path: Path) -> None:
    """A limit far above any file costs nothing: the file is read at its own size."""
    assert Manifest.load(_manifest(tmp_path), max_bytes=10**5000).solution_ids


def test_load_names_a_path_that_cannot_be_opened(tmp_path: Path) -> None:
    """A missing file and a path with a NUL byte are ValidationErrors naming the path."""
    with pytest.raises(ValidationError, match="could not be read: No such file"):
        Manifest.load(tmp_path / "missing.json")
    with pytest.raises(ValidationError, match="could not be read: embedded null byte"):
        Manifest.load("bad\0name.json")
