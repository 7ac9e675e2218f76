"""The one reader of every command's input: a JSON document from a file or standard input.

Every command that reads input (``validate``, its ``--manifest``, ``convert``) reads it here,
so each meets the same faults the same way: only regular files are opened and nothing blocks
(:mod:`.files`), no read is larger than ``--max-bytes``, the bytes must be UTF-8 JSON text,
and parsing never recurses out of the stack (:mod:`.jsontext`). Every fault is one
:class:`InputError`, which a command prints as one escaped line naming the input
(:func:`fault_line`), with exit status 2.
"""

from __future__ import annotations

import sys
from typing import Any

import attrs

from .._core.sink import Sink
from .files import CHUNK, InputFault, read_bounded, read_regular_file
from .jsontext import JSONTextError, parse_json_text
from .output import safe_line, shown_name

__all__ = ["STDIN", "InputError", "fault_line", "read_json"]

STDIN = "-"
"""The path that names standard input."""

_TOO_LARGE_HINT = " (see --max-bytes)"


@attrs.frozen
class InputError(Exception):
    """An input that could not be read as a JSON document: why, in one line (``line`` and
    ``column``, 1-based, where the text is not JSON; else 0)."""

    message: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return self.message


def _read_stdin(max_bytes: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputFault("standard input is not open for reading bytes")
    data = read_bounded(getattr(stream, "read1", stream.read), max_bytes, CHUNK)
    if len(data) > max_bytes:
        raise InputFault(f"larger than {max_bytes} bytes{_TOO_LARGE_HINT}; not read")
    return data


def _text(data: bytes) -> str:
    if not data or data.isspace():
        raise JSONTextError("empty file: no JSON value")
    if b"\x00" in data:
        raise JSONTextError("binary file (it contains NUL bytes), not JSON text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JSONTextError(
            f"not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start}"
        ) from None


def read_json(
    path: str, max_bytes: int, *, checked: bool = False, duplicates: Sink | None = None
) -> tuple[str, Any]:
    """The text of ``path`` (``-``: standard input) and its JSON value.

    ``checked`` says a folder listing already found ``path`` to be a regular file. With
    ``duplicates``, each member name repeated in one object is reported there as
    ``duplicate-key``. Raises :class:`InputError` for every fault.
    """
    try:
        if path == STDIN:
            data = _read_stdin(max_bytes)
        else:
            data = read_regular_file(path, max_bytes, checked=checked, hint=_TOO_LARGE_HINT)
        text = _text(data)
        return text, parse_json_text(text, duplicates)
    except JSONTextError as error:
        raise InputError(error.message, error.line, error.column) from None
    except InputFault as error:
        raise InputError(str(error)) from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    except ValueError as error:  # a NUL in a path given to main() by a program
        raise InputError(str(error)) from None


def fault_line(command: str, path: str, error: InputError) -> str:
    """The one line (escaped, with its newline) a command writes for an input it could not
    read: ``confdata: COMMAND: NAME[:LINE:COLUMN]: WHY``."""
    where = f"{shown_name(path)}:{error.line}:{error.column}" if error.line else shown_name(path)
    return safe_line(f"confdata: {command}: {where}: {error.message}")
