"""Small JSON helpers: copying without recursion, and JSON Pointers (RFC 6901)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._text import escape_token

__all__ = ["copy_json", "pointer", "set_pointer", "unescape_token"]


def copy_json(value: Any) -> Any:
    """A deep copy of JSON-like data (dicts and lists), iterative so any depth is fine."""
    if not isinstance(value, (dict, list)):
        return value
    memo: dict[int, Any] = {}
    root: Any = {} if isinstance(value, dict) else [None] * len(value)
    memo[id(value)] = root
    stack: list[tuple[Any, Any]] = [(value, root)]
    while stack:
        source, target = stack.pop()
        items = dict.items(source) if isinstance(source, dict) else enumerate(source)
        for key, item in items:
            if isinstance(item, (dict, list)):
                copied = memo.get(id(item))
                if copied is None:
                    copied = {} if isinstance(item, dict) else [None] * len(item)
                    memo[id(item)] = copied
                    stack.append((item, copied))
                target[key] = copied
            else:
                target[key] = item
    return root


def pointer(*tokens: str | int) -> str:
    """The JSON Pointer of a sequence of member names and array indexes."""
    return "".join(f"/{escape_token(t) if isinstance(t, str) else t}" for t in tokens)


def unescape_token(token: str) -> str:
    """Undo :func:`escape_token` for one reference token."""
    return token.replace("~1", "/").replace("~0", "~") if "~" in token else token


def set_pointer(document: dict[str, Any], path: str, value: Any) -> None:
    """Set ``value`` at ``path`` inside ``document``, creating missing objects on the way."""
    tokens = [unescape_token(t) for t in path.split("/")[1:]]
    target: Any = document
    for token in tokens[:-1]:
        target = target[int(token)] if isinstance(target, list) else target.setdefault(token, {})
    target[tokens[-1]] = copy_json(value)


def insert_preserved(document: dict[str, Any], preserved: Mapping[str, Any]) -> None:
    """Put members kept verbatim by a lenient read back into an emitted document."""
    for path, value in preserved.items():
        set_pointer(document, path, value)
