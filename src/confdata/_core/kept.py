"""What a lenient read keeps of one JSON object, travelling with the value read from it.

As protocol buffers keep unknown fields per message, every value read leniently keeps, in
its own :class:`Kept`, what of *its* JSON object no field holds: unknown members, the
spellings of enum values it does not know (the field holds ``UNKNOWN``, or None), members
that were ``null`` or an empty array or object, and the same for the wrapper objects that
have no value of their own (``conferenceSolution.key``, ``createRequest.status``,
``parameters.addOnParameters``). An entry point's unknown members are that entry point's;
the conference's are the conference's. Nothing is kept by a JSON Pointer from the root, so
a value changed with :func:`attrs.evolve` keeps what is still its own and its emitters
merge it in one linear pass.

Kept JSON is frozen (:func:`freeze`): arrays become tuples and objects :class:`JsonObject`,
so a value with kept data stays immutable and hashable; :func:`thaw` gives plain JSON back.
A part shared inside the input stays shared; only a real cycle is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from .foreign import NotJSON, plain_json

__all__ = ["EMPTY_OBJECT", "JsonObject", "Kept", "freeze", "thaw"]


@attrs.frozen
class JsonObject:
    """A frozen JSON object: its members in order."""

    members: tuple[tuple[str, Any], ...]

    def __repr__(self) -> str:
        # Names only: a kept member may hold a secret.
        return f"JsonObject({[name for name, _ in self.members]!r})"


EMPTY_OBJECT = JsonObject(())


def freeze(value: object, path: str = "") -> Any:
    """``value`` (any foreign JSON) as frozen JSON; raises
    :class:`~confdata._core.foreign.NotJSON` where it is not JSON."""
    plain = plain_json(value, path)
    memo: dict[int, Any] = {}
    # Post-order without recursion: a container is frozen once all it holds is.
    stack: list[tuple[Any, bool]] = [(plain, False)]
    while stack:
        node, ready = stack.pop()
        if type(node) is dict:
            if id(node) in memo:
                continue
            if ready:
                memo[id(node)] = JsonObject(tuple((k, _done(memo, v)) for k, v in node.items()))
            else:
                stack.append((node, True))
                stack.extend((v, False) for v in node.values() if type(v) in (dict, list))
        elif type(node) is list:
            if id(node) in memo:
                continue
            if ready:
                memo[id(node)] = tuple(_done(memo, v) for v in node)
            else:
                stack.append((node, True))
                stack.extend((v, False) for v in node if type(v) in (dict, list))
    return _done(memo, plain)


def _done(memo: Mapping[int, Any], value: Any) -> Any:
    return memo[id(value)] if type(value) in (dict, list) else value


def thaw(value: Any) -> Any:
    """Frozen JSON as plain ``dict``/``list`` JSON, a fresh copy (shared parts stay shared)."""
    if type(value) is not JsonObject and type(value) is not tuple:
        return value
    memo: dict[int, Any] = {}
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        node, ready = stack.pop()
        if id(node) in memo:
            continue
        children = node.members if type(node) is JsonObject else enumerate(node)
        if ready:
            if type(node) is JsonObject:
                memo[id(node)] = {k: _thawed(memo, v) for k, v in node.members}
            else:
                memo[id(node)] = [_thawed(memo, v) for v in node]
        else:
            stack.append((node, True))
            stack.extend(
                (v, False) for _, v in children if type(v) is JsonObject or type(v) is tuple
            )
    return memo[id(value)]


def _thawed(memo: Mapping[int, Any], value: Any) -> Any:
    return memo[id(value)] if type(value) is JsonObject or type(value) is tuple else value


@attrs.frozen(kw_only=True)
class Kept:
    """What a lenient read of one object in ``form`` kept that no field holds.

    Emitting the value in ``form`` writes it back: ``unknown`` members as they were;
    ``spellings`` for the fields that hold an unknown value (``UNKNOWN``, or None for an
    enum without that member), one per such value in order; ``empty`` members (``null``,
    ``[]``, ``{}``) where the field writes nothing; and ``inner`` into the wrapper object of
    that name. Emitting another form leaves unknown members out and raises for an unknown
    value, which that form cannot spell.
    """

    form: str
    unknown: tuple[tuple[str, Any], ...] = ()
    spellings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    empty: tuple[tuple[str, Any], ...] = ()
    inner: tuple[tuple[str, Kept], ...] = ()

    def __repr__(self) -> str:
        # Member names only: kept values may hold secrets.
        parts = [f"form={self.form!r}"]
        for label, pairs in (
            ("unknown", self.unknown),
            ("spellings", self.spellings),
            ("empty", self.empty),
            ("inner", self.inner),
        ):
            if pairs:
                parts.append(f"{label}={[name for name, _ in pairs]!r}")
        return f"Kept({', '.join(parts)})"

    def spelling(self, name: str) -> tuple[str, ...]:
        """The spellings kept for member ``name`` (empty when none)."""
        for member, spelt in self.spellings:
            if member == name:
                return spelt
        return ()

    def inner_of(self, name: str) -> Kept | None:
        """What was kept of the wrapper object ``name``."""
        for member, kept in self.inner:
            if member == name:
                return kept
        return None

    def unknown_members(self) -> dict[str, Any]:
        """The unknown members as plain JSON (a fresh copy)."""
        return {name: thaw(value) for name, value in self.unknown}


def kept_or_none(
    form: str,
    unknown: list[tuple[str, Any]] | None,
    spellings: list[tuple[str, tuple[str, ...]]] | None,
    empty: list[tuple[str, Any]] | None,
    inner: list[tuple[str, Kept]] | None,
) -> Kept | None:
    """The :class:`Kept` of what a read collected, or None when it kept nothing."""
    if not (unknown or spellings or empty or inner):
        return None
    return Kept(
        form=form,
        unknown=tuple(unknown or ()),
        spellings=tuple(spellings or ()),
        empty=tuple(empty or ()),
        inner=tuple(inner or ()),
    )


__all__ += ["NotJSON", "kept_or_none"]
