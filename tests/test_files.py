"""Reading input files: regular files only, bounded, never blocking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from confdata._cli.files import CHUNK, InputFault, iter_inputs, read_bounded, read_regular_file

from .blocking import no_blocking  # noqa: F401 - a fixture


def test_a_buffer_is_the_size_expected_then_chunks() -> None:
    """read_bounded asks for the expected size plus one first, then chunks, and never for
    more than the limit plus one in all."""
    asked: list[int] = []
    data = b"x" * 300_000

    def read(size: int) -> bytes:
        asked.append(size)
        start = sum(asked[:-1])
        return data[start : start + size]

    assert read_bounded(read, 10**12, 100) == data
    assert asked[0] == 101
    assert set(asked[1:]) == {CHUNK}
    asked.clear()
    assert len(read_bounded(read, 1000, 10)) == 1001
    assert sum(asked) == 1001


def test_a_file_is_read_in_one_buffer_of_its_size(tmp_path: Path) -> None:
    """A regular file comes back whole; the limit only refuses larger files."""
    path = tmp_path / "a.json"
    path.write_bytes(b"{}" * 1000)
    assert read_regular_file(path, 2000) == b"{}" * 1000
    with pytest.raises(InputFault, match="larger than 1999 bytes; not read"):
        read_regular_file(path, 1999)


@pytest.mark.usefixtures("no_blocking")
def test_a_fifo_swapped_in_after_the_listing_is_refused_without_blocking(tmp_path: Path) -> None:
    """Even when the caller believes it is a regular file (a listing said so), a FIFO is
    opened without blocking and refused."""
    fifo = tmp_path / "late.json"
    os.mkfifo(fifo)
    with pytest.raises(InputFault, match=r"not a regular file \(a FIFO\)"):
        read_regular_file(fifo, 100, checked=True)
    with pytest.raises(InputFault, match=r"not a regular file \(a FIFO\)"):
        read_regular_file(fifo, 100)


def test_devices_and_folders_are_not_read(tmp_path: Path) -> None:
    """A character device and a folder are named, not read."""
    with pytest.raises(InputFault, match=r"\(a character device\)"):
        read_regular_file("/dev/zero", 100)
    with pytest.raises(InputFault, match=r"\(a directory\)"):
        read_regular_file(tmp_path, 100)


def test_folders_list_files_by_name_then_subfolders(tmp_path: Path) -> None:
    """A folder's *.json files come in name order before its subfolders'; other files are
    left out, linked folders are not followed, and a folder without JSON says so."""
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    for name in ("z.json", "b/y.json", "a/x.json", "m.json", "notes.txt"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a")
    (tmp_path / "empty").mkdir()
    found = list(iter_inputs([str(tmp_path)]))
    assert found == [
        (f"{tmp_path}/m.json", None),
        (f"{tmp_path}/z.json", None),
        (f"{tmp_path}/a/x.json", None),
        (f"{tmp_path}/b/y.json", None),
    ]
    assert list(iter_inputs([str(tmp_path / "empty"), "-"])) == [
        (f"{tmp_path}/empty", "no *.json file found in this directory"),
        ("-", None),
    ]


def test_unreadable_entries_come_with_their_reason(tmp_path: Path) -> None:
    """A missing path, a dangling link and a FIFO in a folder each say why they are not read."""
    (tmp_path / "dangling.json").symlink_to(tmp_path / "nowhere")
    os.mkfifo(tmp_path / "pipe.json")
    assert list(iter_inputs([str(tmp_path / "missing.json"), str(tmp_path)])) == [
        (f"{tmp_path}/missing.json", "No such file or directory"),
        (f"{tmp_path}/dangling.json", "No such file or directory"),
        (f"{tmp_path}/pipe.json", "not a regular file (a FIFO); not read"),
    ]
