"""Request bodies read against the discovery document's schemas, through the trust boundary.

A body member the schema declares must have the JSON type the schema gives it (a string, an
int32 integer, a boolean, an object, an array); one that does not answers 400. Members the
schema does not declare are dropped, and ``null`` is kept (a patch's way of removing a
member). ``conferenceData`` is kept as plain JSON: the fake checks it with confdata's own rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..._core.foreign import array, exact_str, is_int, is_object, items, member, members
from ..._core.sink import single
from ..._core.text import describe_type
from .errors import bad_request

__all__ = ["MAX_DEPTH", "Schemas", "depth"]

MAX_DEPTH = 100
"""The deepest nesting of a request body the fake reads (Google's JSON parsers stop too)."""

INT32 = (-(2**31), 2**31 - 1)
REQUIRED = ("Event", "Events", "Channel")
"""The schemas the fake reads bodies and checks field selections with."""
_OPAQUE = frozenset({"conferenceData"})


def depth(value: object) -> int:
    """How deeply ``value`` nests (a scalar is 0), counted without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        pairs = items(current)
        children = [child for _, child in pairs] if pairs is not None else array(current)
        if children:
            stack.extend((child, level + 1) for child in children)
    return deepest


def _where(path: tuple[str | int, ...]) -> str:
    out = ""
    for token in path:
        out += f"[{token}]" if type(token) is int else f".{token}" if out else str(token)
    return out


class Schemas:
    """The schemas of a discovery document, by name."""

    def __init__(self, discovery: Mapping[str, Any]) -> None:
        self.schemas = members(member(discovery, "schemas")) or {}
        missing = [name for name in REQUIRED if members(self.schemas.get(name)) is None]
        if missing:
            raise single(
                "type",
                "/discovery",
                "discovery must be the Calendar API v3 discovery document: it has no "
                f"{', '.join(missing)} schema",
            )

    def resolve(self, node: object) -> dict[str, object]:
        """A schema node with its ``$ref`` followed (an unknown ref reads as "any")."""
        seen = 0
        while seen < 32:
            ref = exact_str(member(node, "$ref"))
            if ref is None:
                return members(node) or {}
            node, seen = self.schemas.get(ref), seen + 1
        return {}  # pragma: no cover - a reference cycle in the document

    def read(self, name: str, value: object) -> dict[str, Any]:
        """A request body of the schema ``name``: a JSON object with the declared members."""
        out = self._read({"$ref": name}, value, ())
        if not is_object(out):
            raise bad_request(
                "Invalid value for the request body.",
                reason="parseError",
                detail=f"the body must be a JSON object, not {describe_type(value)}",
            )
        return out

    def _read(self, node: object, value: object, path: tuple[str | int, ...]) -> Any:
        if value is None:
            return None
        schema = self.resolve(node)
        kind = exact_str(schema.get("type"))
        if kind == "object" or "properties" in schema or "additionalProperties" in schema:
            return self._object(schema, value, path)
        if kind == "array":
            listed = array(value)
            if listed is None:
                raise self._wrong(path, "an array", value)
            return [
                self._read(schema.get("items"), item, (*path, i)) for i, item in enumerate(listed)
            ]
        if kind == "string":
            text = exact_str(value)
            if text is None and is_int(value) and schema.get("format") in ("int64", "uint64"):
                text = str(int.__int__(value))  # proto JSON takes int64 as a number too
            if text is None:
                raise self._wrong(path, "a string", value)
            return text
        if kind == "integer":
            if not is_int(value):
                raise self._wrong(path, "an integer", value)
            number = int.__int__(value)
            if schema.get("format") == "int32" and not INT32[0] <= number <= INT32[1]:
                raise self._wrong(path, "a 32-bit integer", value)
            return number
        if kind == "boolean":
            if value is not True and value is not False:
                raise self._wrong(path, "true or false", value)
            return value
        return value  # "any": any JSON (its depth is bounded by MAX_DEPTH)

    def _object(
        self, schema: dict[str, object], value: object, path: tuple[str | int, ...]
    ) -> dict[str, Any]:
        given = members(value)
        if given is None:
            raise self._wrong(path, "an object", value)
        properties = members(schema.get("properties")) or {}
        extra = schema.get("additionalProperties")
        out: dict[str, Any] = {}
        for key, item in given.items():
            if not path and key in _OPAQUE:
                out[key] = item
            elif key in properties:
                out[key] = self._read(properties[key], item, (*path, key))
            elif extra is not None:
                out[key] = self._read(extra, item, (*path, key))
            # Members the schema does not declare are dropped.
        return out

    @staticmethod
    def _wrong(path: tuple[str | int, ...], kind: str, value: object) -> Exception:
        where = _where(path) or "the request body"
        return bad_request(
            f"Invalid value for {where}.",
            detail=f"{where} must be {kind}, not {describe_type(value)}",
        )
