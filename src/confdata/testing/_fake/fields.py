"""Partial responses: the ``fields`` parameter, as the Calendar API's performance guide
(developers.google.com/workspace/calendar/api/guides/performance, "Partial response")
documents its syntax:

- a comma-separated list of fields, each relative to the root of the response;
- ``a/b`` selects ``b`` inside ``a`` (the answer keeps the enclosing ``a``, with only ``b``);
- ``a(b,c)`` selects only ``b`` and ``c`` of ``a``; ``items(id)`` is ``items/id``;
- ``*`` is every member at its level;
- a field inside an array applies to every element;
- a selection with an error answers 400 "Invalid field selection …".

Field names are checked against the response's schema in the discovery document.
"""

from __future__ import annotations

import re
from typing import Any

from ..._core.foreign import exact_str, items
from .errors import invalid_field_selection
from .schema import Schemas

__all__ = ["Selection", "apply", "check", "parse"]

Selection = dict[str, "Selection | None"]
"""A tree of selected names: a name maps to None (all of it) or to a narrower tree."""

MAX_LEVELS = 32
"""The deepest selection the fake reads (no response nests deeper)."""

_TOKEN = re.compile(r"\s*([A-Za-z0-9_$@.-]+|\*|[/(),])\s*")


def _tokens(text: str) -> list[str]:
    out, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise invalid_field_selection(text)
        out.append(match[1])
        position = match.end()
    return out


def _merge(into: Selection, tree: Selection) -> None:
    """Add ``tree`` to ``into``; a member selected whole stays whole."""
    stack = [(into, tree)]
    while stack:
        target, source = stack.pop()
        for name, below in source.items():
            if name in target and target[name] is None:
                continue
            if below is None or name not in target:
                target[name] = None if below is None else dict(below)
                continue
            current = target[name]
            assert current is not None
            stack.append((current, below))


def _put(tree: Selection, path: list[str], below: Selection | None) -> None:
    """Add the item ``path`` (with the sub-selection ``below``, None for all) to ``tree``."""
    item: Selection | None = below
    for name in reversed(path):
        item = {name: item}
    assert item is not None
    _merge(tree, item)


def parse(text: str) -> Selection:
    """The selection a ``fields`` value makes; 400 for one with an error."""
    invalid = invalid_field_selection(text)
    # One frame per open parenthesis: the tree it fills and the path of its current item.
    frames: list[tuple[Selection, list[str]]] = [({}, [])]
    state = "name"  # what comes next: "name", "after-name" or "after-close"
    for token in _tokens(text):
        tree, path = frames[-1]
        if state == "name":
            if token in ("/", ",", "(", ")"):
                raise invalid
            path.append(token)
            if len(path) + len(frames) > MAX_LEVELS:
                raise invalid
            state = "after-name"
        elif token == "/" and state == "after-name":
            state = "name"
        elif token == "(" and state == "after-name":
            frames.append(({}, []))
            state = "name"
        elif token == ",":
            if state == "after-name":
                _put(tree, path, None)
            path.clear()
            state = "name"
        elif token == ")" and len(frames) > 1:
            if state == "after-name":
                _put(tree, path, None)
            frames.pop()
            outer, outer_path = frames[-1]
            _put(outer, outer_path, tree)
            state = "after-close"
        else:
            raise invalid
    tree, path = frames[-1]
    if len(frames) != 1 or state == "name":
        raise invalid
    if state == "after-name":
        _put(tree, path, None)
    return tree


def check(schemas: Schemas, root: str, selection: Selection, text: str) -> None:
    """400 unless every selected name exists in the schema ``root`` (an array's names are its
    elements'; ``*`` and the names of a map are any)."""
    stack: list[tuple[object, Selection | None]] = [({"$ref": root}, selection)]
    while stack:
        node, tree = stack.pop()
        if tree is None:
            continue
        schema = schemas.resolve(node)
        while exact_str(schema.get("type")) == "array":
            schema = schemas.resolve(schema.get("items"))
        properties = schema.get("properties")
        extra = schema.get("additionalProperties")
        for name, below in tree.items():
            if name == "*":
                children = [child for _, child in items(properties) or ()]
                if extra is not None:
                    children.append(extra)
                stack.extend((child, below) for child in children)
                continue
            found = dict(items(properties) or ()).get(name, extra)
            if found is None and exact_str(schema.get("type")) != "any":
                raise invalid_field_selection(name)
            if found is not None:
                stack.append((found, below))


def apply(value: Any, selection: Selection | None) -> Any:
    """``value`` narrowed to ``selection`` (plain JSON in, plain JSON out)."""
    if selection is None:
        return value
    if type(value) is list:
        return [apply(item, selection) for item in value]
    if type(value) is not dict:
        return value
    out: dict[str, Any] = {}
    for name, below in selection.items():
        if name == "*":
            for key, item in value.items():
                out[key] = apply(item, below)
        elif name in value:
            out[name] = apply(value[name], below)
    return out
