"""The rules of the catalog, one function per rule (or per rules that one check decides):
here the generic rules of a member (``type``, ``empty``, ``max-length``, ``enum``,
``required``, ``unknown-field``); the entry point rules are in :mod:`confdata._entry_point_rules`
and those about a conference as a whole in :mod:`confdata._conference_rules`.

Each rule takes values already read (from JSON or from a value's fields), reports into a
:class:`~confdata._sink.Sink`, and names where it is by ``at``: the JSON Pointer of the parent
followed by the raw tokens below it, joined into a path only when a problem is reported. So
valid data costs no path, no message and no :class:`~confdata.Problem`. Limits, spellings and
member sets come from :mod:`confdata._spec`; codes, severities and sources from the catalog.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Mapping
from typing import TypeVar

from ..foreign import exact_str
from ..sink import Sink, pointer
from ..spec import Text
from ..text import describe_type, mask, show, show_uri, utf16_len

__all__ = ["Where", "exact_str", "key_token"]

Where = tuple[str, *tuple[str | int, ...]]
"""A location: a JSON Pointer, then the member names and indexes below it."""

_Member = TypeVar("_Member", bound=enum.Enum)


def key_token(key: object) -> str:
    """The path token of a member name: itself, or a marked description of a name that is
    not a string (JSON has none, so no real member is spelt like it)."""
    return key if type(key) is str else f"<not a string: {show(key)}>"


def text(sink: Sink, value: object, spec: Text, at: Where, name: str | int) -> str | None:
    """Rules ``type``, ``empty`` and ``max-length`` for a string member (SPEC §3).

    Returns the value as an exact ``str``, or None when it is not a string; the rules that
    look further work on what this returns.
    """
    string = value if type(value) is str else exact_str(value)
    if string is None:
        if sink.take("type"):
            got = describe_type(value) if spec.secret else show(value)  # a secret stays unseen
            sink.put("type", pointer(*at, name), f"{spec.name} must be a string (got {got})")
        return None
    limit = spec.limit
    if not string:
        if spec.nonempty and sink.take("empty"):
            sink.put("empty", pointer(*at, name), f"{spec.name} must not be empty")
    elif (
        limit is not None
        # Google counts UTF-16 code units: never fewer than characters, the same for ASCII.
        and (len(string) > limit or (not string.isascii() and utf16_len(string) > limit))
        and sink.take("max-length")
    ):
        shown = mask(string) if spec.secret else show_uri(string) if spec.uri else show(string)
        sink.put(
            "max-length",
            pointer(*at, name),
            f"{spec.name} must be at most {spec.limit} characters "
            f"(got {utf16_len(string)}: {shown})",
        )
    return string


def enum_value(
    sink: Sink, value: object, table: Mapping[str, _Member], what: str, at: Where, name: str | int
) -> _Member | None:
    """Rules ``type`` and ``enum``: the member ``value`` spells in ``table``, or None."""
    string = exact_str(value)
    if string is None:
        if sink.take("type"):
            sink.put(
                "type", pointer(*at, name), f"{what} must be a string (got {describe_type(value)})"
            )
        return None
    member = table.get(string)
    if member is None and sink.take("enum"):
        allowed = ", ".join(repr(spelling) for spelling in table)
        sink.put(
            "enum", pointer(*at, name), f"{what} must be one of {allowed} (got {show(string)})"
        )
    return member


def wrong_type(
    sink: Sink, value: object, expected: str, what: str, at: Where, *names: str | int
) -> None:
    """Rule ``type`` for a member that must be an object or an array."""
    if sink.take("type"):
        sink.put(
            "type", pointer(*at, *names), f"{what} must be {expected} (got {describe_type(value)})"
        )


def required(sink: Sink, what: str, at: Where, *names: str, why: str = "") -> None:
    """Rule ``required``: a member that must be there is missing (or null)."""
    if sink.take("required"):
        sink.put("required", pointer(*at, *names), f"{what} is required{why}")


def null_member(sink: Sink, what: str, at: Where, *names: str | int) -> None:
    """Rule ``null-member``: an optional member is ``null``, which Google's JSON mapping reads
    as unset [S17]; confdata reads it as absent and says to leave it out."""
    if sink.take("null-member"):
        sink.put(
            "null-member",
            pointer(*at, *names),
            f"{what} is null, which is read as unset: leave the member out",
        )


def unknown_member(
    sink: Sink, key: object, known: Collection[str], what: str, at: Where, *, hint: str = ""
) -> None:
    """Rule ``unknown-field`` (``type`` for a member name that is not a string)."""
    if type(key) is not str and not issubclass(type(key), str):
        if sink.take("type"):
            sink.put(
                "type",
                pointer(*at, key_token(key)),
                f"{what} has a member name that is not a string (got {show(key)})",
            )
    elif sink.take("unknown-field"):
        sink.put(
            "unknown-field",
            pointer(*at, exact_str(key) or ""),
            f"{what} has no member {show(key)}"
            + (f"; known members: {', '.join(sorted(known))}" if known else "")
            + hint,
        )
