"""Reading JSON text for the command line: duplicate keys, and line/column of members.

The standard library parses (fast, in C); duplicate keys are caught with an
``object_pairs_hook`` that returns a plain ``dict`` for every object without them, so the
checks' fast paths for plain values apply. Positions are found only for files that have
problems, by a small regular-expression tokenizer that maps JSON Pointers to offsets. A JSON
source-map library was weighed and not taken: the ones on PyPI are single-maintainer projects
that parse the whole text in Python for every file, while confdata needs positions only on
failure.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

import attrs

from .._core.sink import Sink, pointer
from .._core.text import escape_token, show

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


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    return obj if len(obj) == len(pairs) else _Object(pairs)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


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
    seen: list[bool] = []

    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = _object(pairs)
        if type(obj) is _Object:
            seen.append(True)
        return obj

    try:
        value = json.loads(
            text,
            object_pairs_hook=None if duplicates is None else hook,
            parse_constant=_reject_constant,
        )
    except json.JSONDecodeError as error:
        raise JSONTextError(f"invalid JSON: {error.msg}", error.lineno, error.colno) from None
    except ValueError as error:  # NaN / Infinity, an integer of more than 4300 digits
        raise JSONTextError(f"invalid JSON: {error}") from None
    except RecursionError:
        raise JSONTextError("invalid JSON: nested too deeply to read") from None
    if seen and duplicates is not None:
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


# A string runs to its closing quote or, unterminated, to the end of the text: possessive, so
# no quote is ever scanned twice (linear even on adversarial text).
_TOKEN = re.compile(r'"(?:[^"\\]|\\(?s:.))*+(?:"|\Z)|[{}\[\],:]|[^\s{}\[\],:"]+')


class Positions:
    """Line and column of every member of a JSON text, by JSON Pointer (built on demand)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._offsets: dict[str, int] | None = None
        self._lines = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def _index(self) -> dict[str, int]:
        offsets: dict[str, int] = {}
        # Each open container: [path, is_object, next array index, pending member name].
        stack: list[list[Any]] = []
        expect_key = False
        for match in _TOKEN.finditer(self._text):
            token = match.group()
            start = match.start()
            if token in ",:":
                if token == "," and stack and stack[-1][1]:
                    expect_key = True
                continue
            if token in "}]":
                if stack:
                    stack.pop()
                expect_key = False
                continue
            if expect_key and token.startswith('"'):
                try:
                    name = json.loads(token)
                except ValueError:
                    name = token[1:-1]
                stack[-1][3] = name
                # The last occurrence wins, as it does when the text is parsed.
                offsets[f"{stack[-1][0]}/{escape_token(name)}"] = start
                expect_key = False
                continue
            # A value: find its path.
            if not stack:
                path = ""
                offsets.setdefault(path, start)
            elif stack[-1][1]:
                path = f"{stack[-1][0]}/{escape_token(stack[-1][3])}"
            else:
                path = f"{stack[-1][0]}/{stack[-1][2]}"
                stack[-1][2] += 1
                offsets.setdefault(path, start)
            if token in "{[":
                stack.append([path, token == "{", 0, ""])
                expect_key = token == "{"
        return offsets

    def locate(self, path: str) -> tuple[int, int]:
        """The 1-based line and column of ``path``, or of its nearest existing ancestor."""
        if self._offsets is None:
            self._offsets = self._index()
        while True:
            offset = self._offsets.get(path)
            if offset is not None:
                line = bisect.bisect_right(self._lines, offset)
                return line, offset - self._lines[line - 1] + 1
            if not path:
                return 1, 1
            path = path.rsplit("/", 1)[0]
