"""JSON helpers: copies made without recursion or foreign code, JSON Pointers, and the
immutable mapping of members a read kept verbatim."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .text import describe_type

__all__ = [
    "Preserved",
    "copy_json",
    "insert_preserved",
    "not_json",
    "pointer_tokens",
    "unescape_token",
]

_SCALARS = (str, int, float, bool, type(None))


def _children(value: Any) -> Iterable[tuple[Any, Any]] | None:
    """The members or items of a JSON container, read through the class's own methods."""
    cls = type(value)
    if cls is dict or issubclass(cls, dict):
        return dict.items(value)
    if cls is list or issubclass(cls, list):
        return enumerate(list.copy(value))
    if cls is tuple or issubclass(cls, tuple):
        return enumerate(tuple.__getitem__(value, slice(None)))
    return None


def _leaf(value: Any) -> Any:
    """A scalar as an exact type (a ``str`` subclass's data, not the subclass)."""
    cls = type(value)
    if cls is str or cls is int or cls is float or cls is bool or value is None:
        return value
    if issubclass(cls, str):
        return str.__str__(value)
    if issubclass(cls, int):
        return int.__int__(value)
    if issubclass(cls, float):
        return float.__float__(value)
    return value  # not JSON: see not_json()


def copy_json(value: Any) -> Any:
    """A deep copy of JSON-like data as exact dicts, lists and scalars; iterative, so any
    depth is fine, and shared or cyclic parts stay shared."""
    if _children(value) is None:
        return _leaf(value)
    memo: dict[int, Any] = {}

    def container(source: Any) -> Any:
        return {} if issubclass(type(source), dict) else []

    root = container(value)
    memo[id(value)] = root
    stack: list[tuple[Any, Any]] = [(value, root)]
    while stack:
        source, target = stack.pop()
        for key, item in _children(source) or ():
            copied: Any
            if _children(item) is None:
                copied = _leaf(item)
            else:
                copied = memo.get(id(item))
                if copied is None:
                    copied = memo[id(item)] = container(item)
                    stack.append((item, copied))
            if type(target) is dict:
                target[_leaf(key)] = copied
            else:
                target.append(copied)
    return root


def not_json(value: Any) -> str | None:
    """What makes ``value`` not JSON (a non-JSON value, a member name that is not a string,
    a cycle), or None. Iterative."""
    seen: set[int] = set()
    stack = [value]
    while stack:
        node = stack.pop()
        children = _children(node)
        if children is None:
            if not issubclass(type(node), _SCALARS):
                return f"{describe_type(node)}, which is not JSON"
            continue
        if id(node) in seen:
            return "a container that holds itself, which JSON cannot"
        seen.add(id(node))
        for key, item in children:
            if issubclass(type(node), dict) and not issubclass(type(key), str):
                return f"a member name that is {describe_type(key)}, not a string"
            stack.append(item)
    return None


def unescape_token(token: str) -> str:
    """Undo the JSON Pointer escaping of one reference token."""
    return token.replace("~1", "/").replace("~0", "~") if "~" in token else token


def pointer_tokens(path: str) -> list[str]:
    """The unescaped reference tokens of a JSON Pointer."""
    return [unescape_token(t) for t in path.split("/")[1:]]


def _order(path: str) -> tuple[int, list[tuple[int, str]]]:
    # Shallow before deep, and array positions in ascending order: inserting each at its
    # index then puts every item back where it was read.
    tokens = pointer_tokens(path)
    return len(tokens), [(int(t), "") if t.isdigit() else (-1, t) for t in tokens]


def insert_preserved(document: dict[str, Any], preserved: Mapping[str, Any]) -> None:
    """Put the members a read kept back into an emitted document: into objects by name, into
    arrays at their index (shifting what follows), creating missing containers. A member
    whose place no longer exists (the value was changed since it was read, say its entry
    points) is left out."""
    for path in sorted(preserved, key=_order):
        tokens = pointer_tokens(path)
        target = _container(document, tokens)
        if target is None:
            continue
        last = tokens[-1]
        if type(target) is list:
            if not last.isdigit() or int(last) > len(target):
                continue
            target.insert(int(last), preserved[path])
        else:
            target[last] = preserved[path]


def _container(document: dict[str, Any], tokens: list[str]) -> Any:
    """The object or array that holds the last token's place, made where missing, or None."""
    target: Any = document
    for depth, token in enumerate(tokens[:-1]):
        if type(target) is list:
            if not token.isdigit() or int(token) >= len(target):
                return None
            target = target[int(token)]
        elif type(target) is dict:
            if token not in target:
                target[token] = [] if tokens[depth + 1].isdigit() else {}
            target = target[token]
        else:
            return None
    return target if type(target) in (dict, list) else None


class Preserved(Mapping[str, Any]):
    """Members a read kept verbatim, by JSON Pointer into the form read: what the values
    have no field for, so that emitting that form again loses nothing.

    Immutable: it holds its own copy, and reading a member gives a fresh copy of it.
    """

    __slots__ = ("_members",)

    def __init__(self, members: Mapping[str, Any] | None = None) -> None:
        self._members: dict[str, Any] = (
            {}
            if members is None
            else {str.__str__(path): copy_json(value) for path, value in members.items()}
        )

    def __getitem__(self, path: str) -> Any:
        return copy_json(self._members[path])

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._members))

    def __len__(self) -> int:
        return len(self._members)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Preserved):
            return self._members == other._members
        if isinstance(other, Mapping):
            return self._members == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # its members are mutable JSON

    def __repr__(self) -> str:
        # The pointers only: a kept member may hold anything, a secret included.
        return f"Preserved({sorted(self._members)!r})"

    def __reduce__(self) -> tuple[type[Preserved], tuple[dict[str, Any]]]:
        return (type(self), (self._members,))
