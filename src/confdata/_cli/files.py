"""Reading input files: regular files only, never more than a limit, never blocking.

A FIFO, socket or device could block the reader forever or have side effects when opened, so
a file is looked at with ``stat`` first (for an entry found in a folder, the type the folder
listing already gave) and is opened only if it is a regular file. It is opened with
``O_NONBLOCK`` and checked again with ``fstat``, so a file swapped for a FIFO in between cannot
block the open or the read either. The size is known before reading: a buffer is never larger
than the file (or, for a stream, than one chunk).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence

__all__ = ["CHUNK", "InputFault", "iter_inputs", "read_bounded", "read_regular_file"]

CHUNK = 1 << 16
"""Bytes asked for at a time from a stream, whose size is not known in advance."""

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class InputFault(Exception):
    """A file that is not read (not a regular file, or too large): the reason, in one line."""


def _not_regular(mode: int) -> str:
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return f"not a regular file ({kind}); not read"


def read_bounded(read: Callable[[int], bytes], max_bytes: int, expected: int) -> bytes:
    """At most ``max_bytes + 1`` bytes from ``read`` (so that more than ``max_bytes`` shows):
    ``expected + 1`` bytes asked for first (the size the caller knows), then chunks."""
    parts: list[bytes] = []
    total = 0
    ask = min(expected, max_bytes) + 1
    while total <= max_bytes:
        chunk = read(min(ask, max_bytes + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        ask = CHUNK
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _too_large(max_bytes: int, hint: str) -> InputFault:
    return InputFault(f"larger than {max_bytes} bytes{hint}; not read")


def read_regular_file(
    path: str | os.PathLike[str], max_bytes: int, *, checked: bool = False, hint: str = ""
) -> bytes:
    """The contents of the regular file at ``path``, at most ``max_bytes`` of them.

    Raises :class:`InputFault` for anything but a regular file and for a file larger than
    ``max_bytes`` (``hint`` is added to that message), and ``OSError`` when the file cannot be
    opened or read. ``checked`` says the caller already knows it is a regular file (a folder
    listing said so), which saves one ``stat``.
    """
    if not checked:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            raise InputFault(_not_regular(status.st_mode))
        if status.st_size > max_bytes:
            raise _too_large(max_bytes, hint)
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise InputFault(_not_regular(status.st_mode))
        if status.st_size > max_bytes:
            raise _too_large(max_bytes, hint)
        data = read_bounded(lambda size: os.read(descriptor, size), max_bytes, status.st_size)
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:  # it grew while being read
        raise _too_large(max_bytes, hint)
    return data


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


Input = tuple[str, "str | None"]
"""A path, and why it is not read: None for a regular file (already checked to be one, so
:func:`read_regular_file` may be called with ``checked=True``) or for ``-``."""


def _walk(top: str) -> Iterator[Input]:
    """Every ``*.json`` below ``top``: a folder's files in name order, then its folders."""
    found = False
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            yield (error.filename or folder, _reason(error))
            continue
        below: list[str] = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.is_symlink():  # as os.walk: linked folders are not followed
                    below.append(entry.path)
                continue
            if not entry.name.endswith(".json"):
                continue
            found = True
            try:
                regular = entry.is_file()
            except OSError:
                regular = False
            if regular:
                yield (entry.path, None)
                continue
            try:  # a dangling link, a link loop, or a FIFO, socket or device
                mode = os.stat(entry.path).st_mode
            except OSError as error:
                yield (entry.path, _reason(error))
            else:
                yield (entry.path, _not_regular(mode))
        folders.extend(reversed(below))
    if not found:
        yield (top, "no *.json file found in this directory")


def iter_inputs(paths: Sequence[str]) -> Iterator[Input]:
    """The files that ``paths`` name: files as given, ``-`` for standard input, folders
    searched for ``*.json``; anything else comes with the reason it is not read."""
    for path in paths:
        if path == "-":
            yield (path, None)
            continue
        try:
            mode = os.stat(path).st_mode
        except OSError as error:
            yield (path, _reason(error))
            continue
        except ValueError as error:  # a NUL in a name given to main() by a program
            yield (path, str(error))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        elif stat.S_ISREG(mode):
            yield (path, None)
        else:
            yield (path, _not_regular(mode))
