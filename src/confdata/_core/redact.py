"""Reprs of records that hold raw JSON (write arguments, synced events), secrets masked.

The JSON is shown as a Python repr would show it, with three differences: the values of the
secret members (``pin``, ``accessCode``, ``meetingCode``, ``passcode``, ``password``) are
masked, every string has its URI secrets masked (SPEC §4.1), and the rendering is bounded
(depth, items, string length) and runs no code of the objects it shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from types import MappingProxyType

from .spec import SECRETS
from .text import describe_type, mask, mask_uri_secrets, show

__all__ = ["SECRET_MEMBERS", "render"]

SECRET_MEMBERS = frozenset(spec.json for spec in SECRETS)
"""Member names whose values are secrets in both JSON forms."""

_MAX_DEPTH = 12
_MAX_ITEMS = 50
_MAX_CHARS = 200


def _string(value: str) -> str:
    text = mask_uri_secrets(str.__str__(value))
    if len(text) > _MAX_CHARS:
        return f"{text[:_MAX_CHARS]!r}… ({len(text):,} characters)"
    return repr(text)


def _member(key: object, item: object, depth: int) -> str:
    if isinstance(key, str):
        name = str.__str__(key)
        if name in SECRET_MEMBERS:
            masked = mask(item)
            return f"{name!r}: {masked if masked.startswith('<') else f'<{masked}>'}"
        return f"{name!r}: {render(item, depth + 1)}"
    return f"{show(key)}: {render(item, depth + 1)}"


def _shown(items: Iterable[str], count: int, what: str) -> str:
    shown = list(items)
    if count > len(shown):
        shown.append(f"…{count - len(shown):,} more {what}")
    return ", ".join(shown)


def render(value: object, depth: int = 0) -> str:
    """``value`` (JSON made of dicts, lists, strings, numbers) shown with its secrets masked;
    anything else is described by its type."""
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        digits = show(value)  # the digits, or "an integer of 5,001 digits"
        return f"<{digits}>" if digits.startswith("an ") else digits
    if isinstance(value, float):
        return float.__repr__(value)
    if isinstance(value, dict) or type(value) is MappingProxyType:
        # dict.items reads a dict subclass's own storage; a MappingProxyType is confdata's
        # own read-only view of one of its dicts.
        pairs = dict.items(value) if isinstance(value, dict) else value.items()
        count = len(pairs)
        if count and depth >= _MAX_DEPTH:
            return "{…}"
        members = (_member(k, v, depth) for k, v in islice(pairs, _MAX_ITEMS))
        return "{" + _shown(members, count, "members") + "}"
    if isinstance(value, (list, tuple)):
        is_list = isinstance(value, list)
        count = list.__len__(value) if is_list else tuple.__len__(value)  # type: ignore[arg-type]
        iterator = list.__iter__(value) if is_list else tuple.__iter__(value)  # type: ignore[arg-type]
        opening, closing = ("[", "]") if is_list else ("(", ",)" if count == 1 else ")")
        if count and depth >= _MAX_DEPTH:
            return f"{opening}…{closing}"
        items = (render(item, depth + 1) for item in islice(iterator, _MAX_ITEMS))
        return opening + _shown(items, count, "items") + closing
    return f"<{describe_type(value)}>"
