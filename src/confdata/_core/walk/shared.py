"""The engine's one pass per JSON form (:mod:`confdata._walk_calendar`,
:mod:`confdata._walk_addon`), and what both share: reading objects and arrays, entry points.

A walker runs no code of the value it reads: objects are read with ``dict.items`` and arrays
with ``list``/``tuple`` methods called on the class (so a subclass's overrides never run),
member names and strings are compared as exact ``str``, and nothing is looked up in the
value. So any exception raised in here is confdata's own bug. Walkers look only at the
members each form defines: their cost is linear in the input however an unknown member nests.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..enums import EntryPointFeature, EntryPointType
from ..foreign import array, items
from ..rules import conference as whole
from ..rules import entry_points as entry_point_rules
from ..rules import members as rules
from ..rules.members import Where, enum_value, exact_str, text
from ..sink import Sink, pointer
from ..spec import ADDON, CALENDAR, LABEL, REGION_CODE, URI, Form

__all__ = [
    "as_array",
    "as_object",
    "named",
    "object_members",
    "report_unknown",
    "walk_entry_points",
]

_NO_ITEMS: tuple[Any, ...] = ()


as_object = items
as_array = array

_EVENT_KINDS = frozenset({"calendar#event", "calendar#events"})


def report_unknown(
    sink: Sink, unknown: list[tuple[object, object]], form: Form, what: str, at: Where
) -> bool:
    """Report a conference's unknown members; True when the value is an Event resource or an
    events.list page instead, which gets one problem saying what to pass (SPEC §4.1: one root
    cause, one problem)."""
    names = {exact_str(key): value for key, value in unknown}
    kind = exact_str(names.get("kind"))
    if "conferenceData" in names or "items" in names or kind in _EVENT_KINDS:
        if sink.take("type"):
            shape = (
                "an events.list page"
                if "items" in names or kind == "calendar#events"
                else ("an Event resource")
            )
            sink.put(
                "type",
                pointer(*at),
                f"{what} expected, got {shape}: pass event['conferenceData'] "
                f"(for a page, each item's conferenceData)",
            )
        return True
    other = ADDON if form is CALENDAR else CALENDAR
    for key, _ in unknown:
        name = exact_str(key)
        hint = (
            f"; {name!r} is the {other.name} form's member: is this the {other.name} form?"
            if name in other.members
            else ""
        )
        rules.unknown_member(sink, key, form.members, what, at, hint=hint)
    return False


def walk_entry_points(sink: Sink, value: object, form: Form, at: Where) -> int | None:
    """The entry point array of a conference at ``at``: its length, None if not an array."""
    array = as_array(value)
    if array is None:
        rules.wrong_type(sink, value, "an array", "entryPoints", at, "entryPoints")
        return None
    kinds = [_entry_point(sink, item, form, at, index) for index, item in enumerate(array)]
    whole.entry_point_set(sink, kinds, form, at)
    return len(kinds)


def _entry_point(
    sink: Sink, value: object, form: Form, at: Where, index: int
) -> EntryPointType | None:
    members = as_object(value)
    if members is None:
        rules.wrong_type(sink, value, "an object", "entry point", at, "entryPoints", index)
        return None
    here = (*at, "entryPoints", index)
    texts = form.entry_point_texts
    type_member = form.type_member
    kind = uri = label = region = features = None
    has_type = has_uri = False
    for raw_key, item in members:
        key = raw_key if type(raw_key) is str else exact_str(raw_key)
        spec = texts.get(key) if key is not None else None
        if spec is not None:
            string = text(sink, item, spec, here, spec.json)
            if spec is URI:
                uri, has_uri = string, True
            elif spec is LABEL:
                label = string
            elif spec is REGION_CODE:
                region = string
        elif key == type_member:
            has_type = True
            kind = enum_value(sink, item, form.types, key, here, key)
        elif key == form.features_member:
            features = _features(sink, item, form, here)
        else:
            rules.unknown_member(sink, raw_key, form.entry_point_members, "entry point", here)
    if not has_type:
        rules.required(sink, form.type_member, here, form.type_member)
    if not has_uri:
        rules.required(sink, "uri", here, "uri")
    entry_point_rules.entry_point(sink, form, here, kind, uri, label, region, features)
    return kind


def _features(
    sink: Sink, value: object, form: Form, at: Where
) -> list[EntryPointFeature | None] | None:
    array = as_array(value)
    member = form.features_member
    if array is None:
        rules.wrong_type(sink, value, "an array", member, at, member)
        return None
    where = (*at, member)
    return [
        rules.enum_value(sink, item, form.features, f"{member} item", where, index)
        for index, item in enumerate(array)
    ]


def named(
    members: Iterable[tuple[object, object]] | None,
) -> Iterator[tuple[str | None, object, object]]:
    """Each member as (its name as an exact ``str``, or None; the key as given; the value),
    so that a name is compared without running a key's own ``__eq__``."""
    for key, item in members or ():
        yield (key if type(key) is str else exact_str(key)), key, item


def object_members(sink: Sink, value: object, what: str, at: Where, name: str | int) -> Any:
    """The members of a nested object, or None (its ``type`` problem reported)."""
    members = as_object(value)
    if members is None:
        rules.wrong_type(sink, value, "an object", what, at, name)
    return members
