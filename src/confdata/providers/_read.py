"""Reading a provider's response: any Python value in, members of the documented JSON types out.

Each reader takes the response's member, checks its JSON type, and reports a wrong one at its
JSON Pointer into the *provider's* JSON. ``null`` counts as absent (Graph writes
``"passcode": null``), and so does an empty optional string (Zoom's ``"password": ""``).
Objects, arrays and strings are read through :mod:`confdata._core.foreign`, the one trust
boundary: a ``dict`` (or a subclass, read as a dict) is an object, no other mapping is, and
none of the response's own code runs.
"""

from __future__ import annotations

from typing import NoReturn

from .._core.foreign import is_int, is_str
from .._core.foreign import members as foreign_members
from .._core.sink import Sink, pointer
from .._core.text import describe_type, show

__all__ = ["Members", "array", "fail", "identifier", "members", "text"]

Members = dict[str, object]

# Zoom meeting IDs are int64 (Zoom Meetings API, "Get a meeting": id); anything past this is
# not an ID, and turning a huge integer into text could itself fail.
_MAX_ID = 10**20


def members(
    value: object, path: str, sink: Sink, what: str, *, null: bool = True
) -> Members | None:
    """The members of a JSON object, or None: reported unless ``value`` is None and
    ``null`` allows that (an optional member)."""
    if value is None:
        if not null:
            sink.report("provider-type", path, f"{what} must be an object (got null)")
        return None
    found = foreign_members(value)
    if found is None:
        sink.report("provider-type", path, f"{what} must be an object (got {describe_type(value)})")
    return found


def text(
    obj: Members,
    key: str,
    path: str,
    sink: Sink,
    *,
    required: bool = False,
    secret: bool = False,
) -> str | None:
    """A string member; None when absent, null or (optional) empty."""
    value = obj.get(key)
    where = pointer(path, key)
    if value is None:
        if required:
            sink.report("provider-required", where, f"{key} is required (missing or null)")
        return None
    if not is_str(value):
        shown = describe_type(value) if secret else show(value)
        sink.report("provider-type", where, f"{key} must be a string (got {shown})")
        return None
    result = str.__str__(value)  # a str subclass becomes a plain str
    if not result.strip():
        if required:
            sink.report("provider-empty", where, f"{key} must not be empty")
        return None
    return result


def identifier(obj: Members, key: str, path: str, sink: Sink, *, required: bool) -> str | None:
    """An ID the provider documents as an integer or a string (Zoom's int64 meeting ID)."""
    value = obj.get(key)
    if is_int(value):
        number = int.__int__(value)
        if 0 <= number < _MAX_ID:
            return str(number)
        sink.report(
            "provider-value", pointer(path, key), f"{key} is not a meeting ID (got {show(value)})"
        )
        return None
    if type(value) is bool:
        sink.report("provider-type", pointer(path, key), f"{key} must be a string or an integer")
        return None
    return text(obj, key, path, sink, required=required)


def array(obj: Members, key: str, path: str, sink: Sink) -> list[object]:
    """An array member's items; ``[]`` when absent or null."""
    value = obj.get(key)
    if value is None:
        return []
    if type(value) is list or type(value) is tuple:
        return list(value)
    sink.report(
        "provider-type", pointer(path, key), f"{key} must be an array (got {describe_type(value)})"
    )
    return []


def fail(sink: Sink) -> NoReturn:
    """Raise the errors reported so far (a converter calls it only after one was)."""
    sink.raise_errors()
    raise AssertionError("unreachable: no error was reported")  # pragma: no cover
