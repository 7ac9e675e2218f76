"""Reading JSON text for the command line: duplicate keys, and line/column of members.

The standard library parses (fast, in C), with decoders made once. Duplicate keys are caught
by an ``object_pairs_hook`` that returns a plain ``dict`` for every object (so the checks'
fast paths for plain values apply) and stops at the first repeated member name; only such a
text is read a second time, with the objects that repeat a name marked. Positions are found
only for the problems a file has, along their paths only: the containers on the way are read
once each, their values read past by the standard library's decoder. A JSON source-map
library was weighed and not taken: the ones on PyPI are single-maintainer projects that
parse the whole text in Python for every file, while confdata needs positions only on
failure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from json.scanner import make_scanner
from typing import Any

import attrs

from .._core.sink import Sink, pointer
from .._core.text import show

__all__ = ["JSONTextError", "Positions", "parse_json_text"]


@attrs.frozen
class JSONTextError(Exception):
    """The text is not JSON; ``line`` and ``column`` are 1-based."""

    message: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return self.message


class _Object(dict[str, Any]):
    """A parsed object that had member names more than once (the last occurrence is kept)."""

    __slots__ = ("duplicates",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.duplicates: list[str] = []
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                self.duplicates.append(key)
            seen.add(key)


class _Repeated(Exception):
    """An object of the text repeats a member name: it is read again, marking them."""


def _plain_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _Repeated
    return obj


def _marked_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    return obj if len(obj) == len(pairs) else _Object(pairs)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


# Made once: json.loads with any option builds a new decoder for every text. The first reads
# plain dicts; the second stops at the first repeated member name (rare), and the third then
# reads that text again with each object that repeats one marked.
_PLAIN = json.JSONDecoder(parse_constant=_reject_constant)
_CHECKED = json.JSONDecoder(object_pairs_hook=_plain_object, parse_constant=_reject_constant)
_MARKED = json.JSONDecoder(object_pairs_hook=_marked_object, parse_constant=_reject_constant)


def parse_json_text(text: str, duplicates: Sink | None = None) -> Any:
    """Parse ``text``; with ``duplicates``, report there one ``duplicate-key`` problem per
    repeated member name (into the caller's sink, so the count of one code is bounded once
    for everything the caller reports)."""
    if text.startswith("\ufeff"):
        raise JSONTextError(
            "the text starts with a byte order mark, which JSON must not (RFC 8259, section 8.1)",
            1,
            1,
        )
    try:
        if duplicates is None:
            return _PLAIN.decode(text)
        try:
            return _CHECKED.decode(text)
        except _Repeated:
            value = _MARKED.decode(text)
    except json.JSONDecodeError as error:
        raise JSONTextError(f"invalid JSON: {error.msg}", error.lineno, error.colno) from None
    except ValueError as error:  # NaN / Infinity, an integer of more than 4300 digits
        raise JSONTextError(f"invalid JSON: {error}") from None
    except RecursionError:
        raise JSONTextError("invalid JSON: nested too deeply to read") from None
    _report_duplicates(value, duplicates)
    return value


def _report_duplicates(value: Any, sink: Sink) -> None:
    """One ``duplicate-key`` problem per repeated member name, at the document's position."""
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, dict):
            if type(node) is _Object:
                for key in node.duplicates:
                    if sink.take("duplicate-key"):
                        sink.put(
                            "duplicate-key",
                            pointer(path, key),
                            f"member {show(key)} appears more than once in this object; "
                            f"readers keep only one of them",
                        )
            stack.extend((child, pointer(path, key)) for key, child in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((child, pointer(path, i)) for i, child in reversed(list(enumerate(node))))


# An object's members: name -> (offset of the name, offset of the value), the last
# occurrence of a repeated name winning, as it does when the text is parsed. An array's
# items: the offset of each. None: not a container (or nested too deeply to read again).
_Index = dict[str, tuple[int, int]] | list[int] | None

_SPACE = re.compile(r"[ \t\n\r]*+")  # JSON's whitespace (RFC 8259, section 2)
# One value read from an offset, in C: (the value, the offset after it); a member name is a
# string value. The decoder's own raw_decode adds a Python call to each.
_READ: Callable[[str, int], tuple[Any, int]] = make_scanner(_PLAIN)  # type: ignore[arg-type]


def _after_space(text: str, at: int) -> int:
    found = _SPACE.match(text, at)
    return at if found is None else found.end()


def _array_index(token: str) -> int | None:
    """The index a JSON Pointer token names (RFC 6901: digits, no leading zero), or None."""
    if token.isascii() and token.isdigit() and (token == "0" or token[0] != "0"):
        return int(token)
    return None


class Positions:
    """Line and column of the members of a JSON text that parsed, by JSON Pointer.

    Nothing is read until a path is asked for. Then only the objects and arrays on the way
    to it are read, each once: member names and every other value are read past by the
    standard library's decoder (in C), so Python steps only through those containers.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._indexes: dict[int, _Index] = {}

    def locate(self, path: str) -> tuple[int, int]:
        """The 1-based line and column of ``path``, or of its nearest existing ancestor."""
        return self.locate_all([path])[0]

    def locate_all(self, paths: Sequence[str]) -> list[tuple[int, int]]:
        """:meth:`locate` of each path; the lines are counted once for all of them, from
        one position to the next."""
        offsets = [self._offset(path) for path in paths]
        text = self._text
        found: dict[int, tuple[int, int]] = {}
        line, last, line_start = 1, 0, 0
        for offset in sorted(set(offsets)):
            breaks = text.count("\n", last, offset)
            if breaks:
                line += breaks
                line_start = text.rfind("\n", last, offset) + 1
            found[offset] = (line, offset - line_start + 1)
            last = offset
        return [found[offset] for offset in offsets]

    def _offset(self, path: str) -> int:
        """Where ``path`` is written (a member's name, an item's or the root's value), else
        where its nearest existing ancestor is."""
        at = value = _after_space(self._text, 0)
        if not path:
            return at
        for token in path[1:].split("/"):
            if value in self._indexes:
                index = self._indexes[value]
            else:
                index = self._indexes[value] = self._index(value)
            if type(index) is dict:
                name = token.replace("~1", "/").replace("~0", "~") if "~" in token else token
                member = index.get(name)
                if member is None:
                    break
                at, value = member
            elif type(index) is list:
                position = _array_index(token)
                if position is None or position >= len(index):
                    break
                at = value = index[position]
            else:
                break
        return at

    def _index(self, start: int) -> _Index:
        """The members or items of the object or array written at ``start``."""
        text = self._text
        opening = text[start]
        if opening not in "{[":
            return None
        read = _READ
        try:
            at = _after_space(text, start + 1)
            if opening == "[":
                items: list[int] = []
                while text[at] != "]":
                    items.append(at)
                    at = _after_space(text, read(text, at)[1])
                    if text[at] == ",":
                        at = _after_space(text, at + 1)
                return items
            members: dict[str, tuple[int, int]] = {}
            while text[at] != "}":
                name, end = read(text, at)
                value = _after_space(text, _after_space(text, end) + 1)  # past the colon
                members[name] = (at, value)
                at = _after_space(text, read(text, value)[1])
                if text[at] == ",":
                    at = _after_space(text, at + 1)
            return members
        except RecursionError:  # nested deeper than a second reading can go: not indexed
            return None
