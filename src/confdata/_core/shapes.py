"""How the shapes of :mod:`confdata._core.spec` are described: the kinds of member (a string
with its limits, an enum, an object of a shape, an array, a map of strings), the shape of an
object, and how to walk them.

The vocabulary only; the shapes of the two forms and the values are in the spec.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from typing import Literal, TypeAlias

import attrs

__all__ = [
    "Choice",
    "Many",
    "Member",
    "Nested",
    "Pairs",
    "Required",
    "Shape",
    "Text",
    "json_path",
    "walk",
]

Required = Literal["never", "always", "result"]
"""``always``: a member its object cannot be without (``required`` when missing or null);
``result``: the form's result rule decides (an ID and entry points unless an error);
``never``: optional (``null`` reads as absent, with the ``null-member`` warning)."""


# --- members --------------------------------------------------------------------------------


@attrs.frozen
class Text:
    """A string member: its JSON name, the value's attribute, and its limits.

    ``limit`` counts UTF-16 code units (None: no documented limit); ``nonempty`` means an
    empty string is the ``empty`` rule; ``secret`` values are masked in every message.
    """

    json: str
    attr: str
    limit: int | None = None
    nonempty: bool = False
    secret: bool = False
    uri: bool = False
    """A URI: shown in messages with the secrets it carries masked (SPEC §4.1)."""
    name: str = attrs.field(default=attrs.Factory(lambda self: self.json, takes_self=True))
    """How messages name the member (its JSON name unless given)."""
    required: Required = "never"
    also: str | None = None
    """A rule that looks further at the string once it is one (by name in the rules)."""


@attrs.frozen(kw_only=True)
class Choice:
    """An enum member: a string, one of ``table``'s spellings."""

    json: str
    attr: str
    table: Mapping[str, enum.Enum]
    """The member each spelling stands for: what data may hold."""
    name: str
    required: Required = "never"
    unknown: enum.Enum | None = None
    """The member a lenient read holds for a spelling it does not know (None: it holds None);
    the spelling itself is kept with the object."""
    spell: Mapping[enum.Enum, str] = attrs.field(init=False)
    """How the form spells each member it can write (``UNKNOWN`` where the form has it)."""
    also: str | None = None
    """A rule that looks further at the member read (by name in the rules)."""

    @spell.default
    def _spell(self) -> Mapping[enum.Enum, str]:
        return {member: spelling for spelling, member in self.table.items()}


@attrs.frozen(kw_only=True)
class Nested:
    """An object member of a named shape. Its value is the shape's value held in ``attr``;
    a shape without a value of its own (a wrapper such as ``conferenceSolution.key``) puts
    its members into the enclosing value's fields."""

    json: str
    shape: Shape
    attr: str | None = None
    name: str
    required: Required = "never"


@attrs.frozen(kw_only=True)
class Many:
    """An array member: of objects of a shape, or of enum strings (``item`` a
    :class:`Choice` whose ``json`` names the items in messages)."""

    json: str
    item: Shape | Choice
    attr: str
    name: str
    required: Required = "never"
    limit: int | None = None
    """``max-items`` past this many items (the set rule reports it)."""
    rule: str | None = None
    """The rule about the items together (by name in the rules)."""
    collect: str | None = None
    """The member of each item the set rule looks at (its read value, None when unread)."""


@attrs.frozen(kw_only=True)
class Pairs:
    """A map member (an object of string keys to string values) read into values of the
    shape ``item`` (key and value)."""

    json: str
    key: Text
    value: Text
    item: Shape
    attr: str
    name: str
    required: Required = "never"
    limit: int | None = None


Member: TypeAlias = "Text | Choice | Nested | Many | Pairs"


@attrs.frozen(kw_only=True)
class Shape:
    """An object of a JSON form: its members in the order the form writes them.

    ``name`` is how messages name the object; ``value`` names the value class it is read
    into (None for a wrapper whose members belong to the enclosing value). ``rule`` names
    the rule about its members together, called with ``args``: keyword argument name, then
    a token, one of ``member`` (the member's value as read: the string, the enum member,
    the array of what the set rule collects), ``?member`` (is it present), ``#member`` (how
    many items; None when not an array), ``a.b.c`` (a nested member's value), ``~`` (the
    members an error result ignores that are present with data).
    """

    name: str
    members: tuple[Member, ...]
    value: str | None = None
    rule: str | None = None
    args: tuple[tuple[str, str], ...] = ()
    root: bool = False
    """The conference object of a form (unknown members get the hints of SPEC §4.1)."""
    ignored_by_error: tuple[str, ...] = ()
    """Members an error result ignores (``error-with-data``, and the emitters drop them)."""
    by_json: Mapping[str, Member] = attrs.field(init=False, eq=False, repr=False)

    @by_json.default
    def _by_json(self) -> Mapping[str, Member]:
        return {member.json: member for member in self.members}

    @property
    def names(self) -> frozenset[str]:
        """Every member name of this object."""
        return frozenset(self.by_json)


def walk(shape: Shape, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Member]]:
    """Every member below ``shape`` with its path of JSON names (arrays' items included
    under the array's name), depth first in order."""
    for member in shape.members:
        here = (*path, member.json)
        yield here, member
        if isinstance(member, Nested):
            yield from walk(member.shape, here)
        elif isinstance(member, Many):
            if isinstance(member.item, Shape):
                yield from walk(member.item, here)
        elif isinstance(member, Pairs):
            yield from walk(member.item, here)


def json_path(shape: Shape, *attrs_: str) -> tuple[str, ...]:
    """The JSON path of the member a value holds in ``attrs_`` (a value's field, then a field
    of the value it holds...), through any wrapper objects: ``json_path(CALENDAR_CONFERENCE,
    "conference_solution", "key_type")`` is ``("conferenceSolution", "key", "type")``."""

    def find(here: Shape, attr: str) -> tuple[tuple[str, ...], Member] | None:
        for member in here.members:
            if isinstance(member, Nested) and member.shape.value is None:
                inner = find(member.shape, attr)
                if inner is not None:
                    return (member.json, *inner[0]), inner[1]
            elif getattr(member, "attr", None) == attr:
                return (member.json,), member
        return None

    path: tuple[str, ...] = ()
    here = shape
    for attr in attrs_:
        found = find(here, attr)
        if found is None:
            raise KeyError(f"{here.name} has no member for {attr!r}")
        tokens, member = found
        path += tokens
        if isinstance(member, Nested):
            here = member.shape
        elif isinstance(member, Many) and isinstance(member.item, Shape):
            here = member.item
    return path
