"""Plain copies of JSON that arrives from outside, made without running any of its code.

A value handed to confdata may hold subclasses of ``dict``, ``list`` or ``str`` whose methods
raise, keys whose ``__hash__`` or ``__eq__`` does, or objects that are not JSON at all. The copy
reads containers through the C-level methods of their base types, turns subclasses into the
base types and checks every key is a string, so what the caller gets is plain JSON on which no
foreign code can run; whatever is not JSON is named, with its path, instead of copied.
"""

from __future__ import annotations

from typing import Any

from .sink import pointer
from .text import describe_type, show

__all__ = ["NotJSON", "plain_json"]


class NotJSON(Exception):
    """Where a value stops being JSON, and how (``path`` is a JSON Pointer)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


_EXIT = object()


def _scalar(value: object) -> tuple[bool, object]:
    """(True, the plain value) for a JSON scalar, else (False, None)."""
    if value is None or value is True or value is False:
        return True, value
    if isinstance(value, str):
        return True, str.__str__(value)  # an exact str, whatever the subclass does
    if isinstance(value, int):
        return True, int.__int__(value)
    if isinstance(value, float):
        return True, float.__float__(value)
    return False, None


def plain_json(value: object, path: str = "") -> Any:
    """A copy of ``value`` made only of ``dict`` (with ``str`` keys), ``list``, ``str``,
    ``int``, ``float``, ``bool`` and ``None``; iterative, so any depth is fine, and a value
    met twice is copied once. Raises :class:`NotJSON` at the first member that is not JSON:
    a key that is not a string, a set, bytes or any other object, or a container inside itself.
    """
    holder: list[Any] = [None]
    copies: dict[int, Any] = {}  # containers already copied: shared ones stay shared
    active: set[int] = set()  # the containers on the path to the one being copied
    stack: list[tuple[object, Any, Any, str]] = [(value, holder, 0, path)]
    while stack:
        source, target, key, where = stack.pop()
        if source is _EXIT:
            active.discard(key)
            continue
        done, plain = _scalar(source)
        if done:
            target[key] = plain
            continue
        identity = id(source)
        if identity in active:
            raise NotJSON(where, "a JSON value cannot contain itself (this one does)")
        if identity in copies:
            target[key] = copies[identity]
            continue
        if isinstance(source, dict):
            copy: Any = {}
            children: list[tuple[object, Any, Any, str]] = []
            for name, child in dict.items(source):
                if not isinstance(name, str):
                    raise NotJSON(where, f"member names must be strings (got {show(name)})")
                name = str.__str__(name)
                copy[name] = None  # keeps the order of the members
                children.append((child, copy, name, pointer(where, name)))
        elif isinstance(source, (list, tuple)):
            items = list(
                list.__iter__(source) if isinstance(source, list) else tuple.__iter__(source)
            )
            copy = [None] * len(items)
            children = [(child, copy, i, pointer(where, i)) for i, child in enumerate(items)]
        else:
            raise NotJSON(where, f"not a JSON value (got {describe_type(source)})")
        copies[identity] = copy
        target[key] = copy
        active.add(identity)
        stack.append((_EXIT, None, identity, where))
        stack.extend(reversed(children))
    return holder[0]
