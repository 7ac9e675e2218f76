"""Reading Event JSON and the caller's mappings without trusting them (the edges' one tool).

Everything here asks :mod:`confdata._core.foreign`: a JSON object is a ``dict`` (a subclass is
read through ``dict.items``), a string is read as its exact ``str`` data, and no value's own
code runs. The one addition is the read-only view this package hands out itself
(``types.MappingProxyType``, as :attr:`ConferenceWait.event` and :attr:`SyncState.known` are),
which is copied once so that it can be passed back in.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from .._core.foreign import exact_str, is_object, members, plain_json
from .._core.foreign import member as _member

__all__ = [
    "member",
    "object_members",
    "plain_object",
    "text",
    "text_member",
    "unwrap_view",
]


def unwrap_view(value: object) -> object:
    """A read-only view's own mapping as a plain dict (its failure makes it no object)."""
    if type(value) is MappingProxyType:
        try:
            return dict(value)
        except Exception:  # the view's mapping may be anything: unreadable is no object
            return None
    return value


def object_members(value: object) -> dict[str, object] | None:
    """A JSON object's members with exact ``str`` names, or None when ``value`` is no object
    (a ``dict``, or a read-only view of one)."""
    return members(unwrap_view(value))


def plain_object(value: object, path: str = "") -> dict[str, Any] | None:
    """The one plain copy of a JSON object (see ``foreign.plain_json``), or None when
    ``value`` is no object. Raises ``NotJSON`` where something inside is not JSON."""
    value = unwrap_view(value)
    if not is_object(value):
        return None
    copied: dict[str, Any] = plain_json(value, path)
    return copied


def member(value: object, *names: str) -> object:
    """``value[n1][n2]…`` through JSON objects, or None where a level is missing or is not an
    object; names compared as exact strings."""
    return _member(unwrap_view(value), *names)


def text(value: object) -> str | None:
    """``value`` as an exact ``str``, or None when it is no string."""
    return exact_str(value)


def text_member(value: object, *names: str) -> str | None:
    """The string at ``value[n1][n2]…``, or None (missing, or not a string)."""
    return exact_str(member(value, *names))
