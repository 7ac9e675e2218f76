"""The one trust boundary: every value that comes from outside is read here.

JSON handed to a validator, a provider's response, an event from the Calendar API, a fixture:
any of them may hold subclasses of ``dict``, ``list`` or ``str`` whose methods raise, keys whose
``__eq__`` or ``__hash__`` does, or objects that are not JSON at all. The readers here decide
a value's JSON kind by ``type()`` alone and read it through the C-level methods of the base
type (``dict.items``, ``list.copy``, ``str.__str__``), so no code of the value ever runs:

- a string is a ``str`` (a subclass is read as its ``str`` data);
- an object is a ``dict`` (a subclass is read through ``dict.items``); no other mapping is an
  object, since reading it would run its code;
- an array is a ``list`` or ``tuple`` (subclasses read through the base type);
- an integer is an ``int`` that is not a ``bool``; a number is such an int or a ``float``.

Anything raised in here is confdata's own bug. The rest of confdata asks these functions and
never calls ``isinstance`` on a foreign value (``isinstance`` falls back to a value's
``__class__``, which a hostile object can make raise).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeGuard

from .text import describe_type, escape_token, show

__all__ = [
    "NotJSON",
    "array",
    "exact_str",
    "is_int",
    "is_number",
    "is_object",
    "is_str",
    "items",
    "member",
    "members",
    "plain_json",
]


def is_str(value: object) -> TypeGuard[str]:
    """A string (a subclass too: read it with :func:`exact_str`)."""
    return type(value) is str or issubclass(type(value), str)


def exact_str(value: object) -> str | None:
    """``value`` as an exact ``str`` (a subclass's data, none of its methods), or None."""
    if type(value) is str:
        return value
    return str.__str__(value) if issubclass(type(value), str) else None


def is_int(value: object) -> TypeGuard[int]:
    """An integer that is not a boolean (read it with ``int.__int__``)."""
    kind = type(value)
    return kind is int or (issubclass(kind, int) and not issubclass(kind, bool))


def is_number(value: object) -> TypeGuard[int | float]:
    """An integer that is not a boolean, or a float (JSON's numbers)."""
    return is_int(value) or issubclass(type(value), float)


def is_object(value: object) -> TypeGuard[dict[Any, Any]]:
    """A JSON object: a ``dict`` (read a subclass with :func:`items` or :func:`members`)."""
    return type(value) is dict or issubclass(type(value), dict)


def items(value: object) -> Iterable[tuple[object, object]] | None:
    """The members of a JSON object as (key, value) pairs read with ``dict.items``, or None
    when ``value`` is no object. Keys are as given: compare them through :func:`exact_str`."""
    if type(value) is dict or issubclass(type(value), dict):
        return dict.items(value)  # type: ignore[arg-type]
    return None


def array(value: object) -> list[object] | tuple[object, ...] | None:
    """The items of a JSON array (a list or tuple; a subclass read as its base), or None."""
    cls = type(value)
    if cls is list or cls is tuple:
        return value  # type: ignore[return-value]
    if issubclass(cls, list):
        return list.copy(value)  # type: ignore[arg-type]
    if issubclass(cls, tuple):
        copied: tuple[object, ...] = tuple.__getitem__(value, slice(None))  # type: ignore[call-overload]
        return copied
    return None


def members(value: object) -> dict[str, object] | None:
    """A JSON object's members in a plain dict with exact ``str`` keys (members whose name
    is not a string are left out), or None when ``value`` is no object."""
    pairs = items(value)
    if pairs is None:
        return None
    out: dict[str, object] = {}
    for key, item in pairs:
        name = exact_str(key)
        if name is not None:
            out[name] = item
    return out


def member(value: object, *names: str) -> object:
    """``value[n1][n2]…`` through JSON objects, or None where a level is missing or is not an
    object. Member names are compared as exact strings; no key's ``__eq__`` runs."""
    for name in names:
        pairs = items(value)
        if pairs is None:
            return None
        found: object = None
        for key, item in pairs:
            if exact_str(key) == name:
                found = item  # the last one, as a JSON parser keeps a repeated key
        value = found
    return value


class NotJSON(Exception):
    """Where a value stops being JSON, and how (``path`` is a JSON Pointer)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


class _Trail:
    """Where the copy is: a link to the parent's trail and this step's token. The JSON
    Pointer is made from it only when the copy fails, so deep values cost linear time and
    memory."""

    __slots__ = ("parent", "token")

    def __init__(self, parent: _Trail | None, token: str | int) -> None:
        self.parent = parent
        self.token = token

    def pointer(self, root: str) -> str:
        tokens: list[str] = []
        here: _Trail | None = self
        while here is not None:
            token = here.token
            tokens.append(escape_token(token) if type(token) is str else str(token))
            here = here.parent
        return root + "".join(f"/{token}" for token in reversed(tokens))


def _where(trail: _Trail | None, root: str) -> str:
    return root if trail is None else trail.pointer(root)


def _scalar(value: object) -> tuple[bool, object]:
    """(True, the plain value) for a JSON scalar, else (False, None)."""
    cls = type(value)
    if value is None or value is True or value is False:
        return True, value
    if cls is str or cls is int or cls is float:
        return True, value
    if issubclass(cls, str):
        return True, str.__str__(value)
    if issubclass(cls, int):
        return True, int.__int__(value)  # type: ignore[arg-type]
    if issubclass(cls, float):
        return True, float.__float__(value)  # type: ignore[arg-type]
    return False, None


_EXIT = object()


def plain_json(value: object, path: str = "") -> Any:
    """A copy of ``value`` made only of ``dict`` (with ``str`` keys), ``list``, ``str``,
    ``int``, ``float``, ``bool`` and ``None``: the one copy every reader of foreign JSON makes.

    Iterative, so any depth is fine, and linear in the input: a container met twice (shared,
    as JSON parsed by Python never is but Python data may be) is copied once and stays
    shared. Raises :class:`NotJSON` at the first member that is not JSON: a key that is not a
    string, a set, bytes or any other object, or a container inside itself (a real cycle).
    """
    holder: list[Any] = [None]
    copies: dict[int, Any] = {}  # containers already copied: shared ones stay shared
    active: set[int] = set()  # the containers on the path to the one being copied
    stack: list[tuple[object, Any, Any, _Trail | None]] = [(value, holder, 0, None)]
    while stack:
        source, target, key, trail = stack.pop()
        if source is _EXIT:
            active.discard(key)
            continue
        done, plain = _scalar(source)
        if done:
            target[key] = plain
            continue
        identity = id(source)
        if identity in active:
            raise NotJSON(_where(trail, path), "a JSON value cannot contain itself (this one does)")
        if identity in copies:
            target[key] = copies[identity]
            continue
        pairs = items(source)
        children: list[tuple[object, Any, Any, _Trail | None]]
        if pairs is not None:
            copy: Any = {}
            children = []
            for name, child in pairs:
                text = exact_str(name)
                if text is None:
                    raise NotJSON(
                        _where(trail, path), f"member names must be strings (got {show(name)})"
                    )
                copy[text] = None  # keeps the order of the members
                children.append((child, copy, text, _Trail(trail, text)))
        else:
            listed = array(source)
            if listed is None:
                raise NotJSON(
                    _where(trail, path), f"not a JSON value (got {describe_type(source)})"
                )
            copy = [None] * len(listed)
            children = [(child, copy, i, _Trail(trail, i)) for i, child in enumerate(listed)]
        copies[identity] = copy
        target[key] = copy
        active.add(identity)
        stack.append((_EXIT, None, identity, trail))
        stack.extend(reversed(children))
    return holder[0]
