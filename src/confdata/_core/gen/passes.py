"""The one pass per JSON form, generated from the shapes of :mod:`confdata._core.spec`.

:func:`generate` writes, for a form, one function that reads every member of a conference
once and reports through the rules, with the nested objects (solution, request, each entry
point and parameter, the error) inlined, as a hand-written pass would be. In ``read`` mode the
same function also builds the values as it checks, and a lenient read keeps, with each object,
what of it no field holds (:mod:`confdata._core.kept`); in ``check`` mode it only reports.

The generated code decides nothing: every problem, path and message comes from a rule
function, and the code may skip calling a rule only behind that rule's guard
(:mod:`confdata._core.gen.guards`). ``guards=False`` makes the same pass with every guard
false, so every rule is called: the reference the tests compare the guarded pass with.

The pass runs no code of the value it reads: objects are read with ``dict.items``, arrays as
``list``/``tuple`` (subclasses through the base type), names and strings compared as exact
``str`` (see :mod:`confdata._core.foreign`). An exception raised in here is confdata's own bug.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Literal

import attrs

from .. import foreign
from ..kept import EMPTY_OBJECT, freeze, kept_or_none
from ..rules import conference as conference_rules
from ..rules import entry_points as entry_point_rules
from ..rules import members as member_rules
from ..sink import pointer
from ..spec import Choice, Form, Many, Member, Nested, Pairs, Shape, Text
from . import guards as _guards
from .source import Source

__all__ = ["CALLS", "Maker", "Mode", "generate"]

Mode = Literal["check", "read"]
Maker = tuple[Callable[..., Any], Callable[..., Any], tuple[str, ...]]
"""A value's trusted makers, strict and lenient, and the fields they take, in order (then
``kept``)."""

# How a pass calls each rule about several members: the rule's own signature over the pass's
# expressions ({at}: the object's location; {form}: the form; the other names are the shape's
# ``args``).
CALLS: Mapping[str, str] = {
    "entry_point": (
        "entry_point(sink, {form}, {at}, {kind}, {uri_value}, {label}, {region_code}, "
        "{found_features})"
    ),
    "error": "error(sink, {kind}, {url}, {has_url}, {at})",
    "calendar_result": (
        "calendar_result(sink, {at}, has_solution={has_solution}, has_request={has_request}, "
        "entry_points={entry_points}, solution_kind={solution_kind}, "
        "has_conference_id={has_conference_id})"
    ),
    "addon_result": (
        "addon_result(sink, {at}, has_error={has_error}, ignored={ignored}, "
        "has_conference_id={has_conference_id}, entry_points={entry_points}, "
        "has_solution_id={has_solution_id})"
    ),
    # The rules about an array's items together: {items} what the rule collects of each.
    "entry_point_set": "entry_point_set(sink, {items}, {form}, {at})",
    "parameter_set": "parameter_set(sink, {items}, {at}, {name})",
    "model_result": (
        "model_result(sink, {at}, has_error={has_error}, has_request={has_request}, "
        "has_solution={has_solution}, solution_kind={solution_kind}, "
        "has_conference_id={has_conference_id}, entry_points={entry_points}, "
        "ignored={ignored})"
    ),
}

RULES: Mapping[str, Callable[..., Any]] = {
    "text": member_rules.text,
    "enum_value": member_rules.enum_value,
    "wrong_type": member_rules.wrong_type,
    "required": member_rules.required,
    "null_member": member_rules.null_member,
    "unknown_member": member_rules.unknown_member,
    "entry_point": entry_point_rules.entry_point,
    "entry_point_set": conference_rules.entry_point_set,
    "parameter_set": conference_rules.parameter_set,
    "error": conference_rules.error,
    "solution_type": conference_rules.solution_type,
    "solution_id_known": conference_rules.solution_id_known,
    "calendar_result": conference_rules.calendar_result,
    "addon_result": conference_rules.addon_result,
    "model_result": conference_rules.model_result,
    "conference_unknown": conference_rules.conference_unknown,
}
"""The rule functions generated code calls, by the name it calls them."""


@attrs.define
class _Object:
    """What the pass has read of one object: its shape, the code of its location (a
    ``Where`` tuple), and the locals holding what it read."""

    shape: Shape
    at: str
    values: dict[str, str] = attrs.Factory(dict)  # member -> its value as the rules see it
    fields: dict[str, str] = attrs.Factory(dict)  # value attr -> the field's value
    present: dict[str, str] = attrs.Factory(dict)  # member -> present and not null
    seen: dict[str, str] = attrs.Factory(dict)  # required member -> there at all
    count: dict[str, str] = attrs.Factory(dict)  # array member -> its length
    raw: dict[str, str] = attrs.Factory(dict)  # member -> the raw value read
    nested: dict[str, _Object] = attrs.Factory(dict)  # object member -> what it read
    kept: str | None = None  # the lists of what a lenient read keeps
    key: str = "key"  # the local of the member name being read


def _local(name: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in name)


def _child(at: str, *tokens: str) -> str:
    """The code of the location ``tokens`` below ``at`` (both the code of a tuple)."""
    inner = at[1:-1].rstrip(",").strip()
    return f"({inner}, {', '.join(tokens)})"


def set_arguments(rule: str, items: str) -> dict[str, str]:
    """The guard arguments of an array's rule: its one parameter names what it collects."""
    (parameter,) = _guards.GUARDS[rule].params if rule in _guards.GUARDS else ("items",)
    return {parameter: items}


def set_call(member: Many, items: str, at: str) -> str:
    """The call of ``member``'s rule about its items together (``items``: what it collected
    of each; ``at``: the location of the object that holds the array)."""
    assert member.rule is not None
    return CALLS[member.rule].format(items=items, form="FORM", at=at, name=repr(member.json))


def filled(members: list[tuple[str, object]]) -> list[str]:
    """The members an error result would ignore that carry data: present, not null, and not
    an empty array (the ``~`` argument of a result rule)."""
    out = []
    for name, value in members:
        if value is None:
            continue
        listed = foreign.array(value)
        if listed is None or len(listed) > 0:
            out.append(name)
    return out


class _Pass:
    def __init__(
        self,
        form: Form,
        mode: Mode,
        guards: bool,
        makers: Mapping[str, Maker],
    ) -> None:
        self.form = form
        self.read = mode == "read"
        self.guards = guards
        self.makers = makers
        title = f"{form.name} {mode}"
        if not guards:
            title += " (guards off)"
        self.src = Source(title)
        env = self.src.env
        env.update(RULES)
        env.update(_guards.ENV)
        env.update(
            FORM=form,
            exact_str=foreign.exact_str,
            array=foreign.array,
            dict_items=dict.items,
            freeze=freeze,
            kept_or_none=kept_or_none,
            NotJSON=foreign.NotJSON,
            EMPTY_OBJECT=EMPTY_OBJECT,
            filled=filled,
            pointer=pointer,
        )
        for name, (strict, lenient, _) in makers.items():
            env[f"MAKE_{name}"] = strict
            env[f"MAKE_LENIENT_{name}"] = lenient

    # --- helpers ----------------------------------------------------------------------------

    def guard(self, rule: str, **names: str) -> str | None:
        return _guards.render(rule, **names) if self.guards else None

    def text_guard(self, spec: Text, value: str) -> str | None:
        return _guards.text_guard(spec).render(value=value) if self.guards else None

    def call(self, call: str, guard: str | None) -> None:
        """``call``, skipped when ``guard`` holds."""
        if guard is None:
            self.src.line(call)
        else:
            with self.src.block(f"if not {guard}:"):
                self.src.line(call)

    @contextmanager
    def as_object(self, value: str, what: str, at: str, names: str) -> Iterator[str]:
        """Read ``value`` as a JSON object: yields the local of its pairs, inside the branch
        where it is one (the ``type`` problem is reported otherwise)."""
        members = self.src.fresh("members")
        self.src.line(
            f"{members} = dict_items({value}) if type({value}) is dict "
            f"or issubclass(type({value}), dict) else None"
        )
        with self.src.block(f"if {members} is None:"):
            self.src.line(f'wrong_type(sink, {value}, "an object", {what!r}, {at}{names})')
        with self.src.block("else:"):
            yield members

    def keep(self, obj: _Object, slot: int, entry: str, raw: str | None = None) -> None:
        """Add ``entry`` to what a lenient read keeps of ``obj`` (slot 0 unknown members,
        1 spellings, 2 empty members, 3 wrappers' kept data); ``{}`` in ``entry`` is the
        frozen ``raw``."""
        assert obj.kept is not None
        kept = obj.kept
        with self.src.block("if lenient:"):
            with self.src.block(f"if {kept}[{slot}] is None:"):
                self.src.line(f"{kept}[{slot}] = []")
            if raw is None:
                self.src.line(f"{kept}[{slot}].append({entry})")
                return
            frozen = self.src.fresh("frozen")
            with self.src.block("try:"):
                self.src.line(f"{frozen} = freeze({raw}, pointer(*{obj.at}, {obj.key}))")
            with self.src.block("except NotJSON as not_json:"):
                self.src.line(
                    'sink.report("type", not_json.path, '
                    'f"a member kept from the input holds {not_json.message}")'
                )
            with self.src.block("else:"):
                self.src.line(f"{kept}[{slot}].append({entry.format(frozen)})")

    # --- objects ----------------------------------------------------------------------------

    def declare(self, shape: Shape, at: str, prefix: str) -> _Object:
        """The locals of an object about to be read, set to what an absent member means;
        the objects nested in it (not in its arrays) are declared with it, so what they
        hold is defined whether they are there or not."""
        obj = _Object(shape=shape, at=at, key=f"key_{prefix}")
        line = self.src.line
        for member in shape.members:
            local = f"{prefix}{_local(member.json)}"
            obj.values[member.json] = local
            obj.present[member.json] = f"p_{local}"
            line(f"{local} = None")
            line(f"p_{local} = False")
            if member.required == "always":
                obj.seen[member.json] = f"s_{local}"
                line(f"s_{local} = False")
            if member.json in shape.ignored_by_error:
                obj.raw[member.json] = "ignorable"
            if isinstance(member, Many):
                obj.count[member.json] = f"n_{local}"
                line(f"n_{local} = 0")
            if isinstance(member, Text):
                obj.fields[member.attr] = local
            elif isinstance(member, Choice):
                obj.fields[member.attr] = f"f_{local}"
                if self.read:
                    line(f"f_{local} = None")
            elif isinstance(member, Many | Pairs):
                obj.fields[member.attr] = f"f_{local}"
                if self.read:
                    line(f"f_{local} = ()")
            elif isinstance(member, Nested):
                inner = self.declare(member.shape, _child(at, repr(member.json)), f"{local}__")
                obj.nested[member.json] = inner
                for name, value in inner.values.items():
                    obj.values[f"{member.json}.{name}"] = value
                if member.shape.value is None:
                    obj.fields.update(inner.fields)  # a wrapper fills the enclosing value
                else:
                    obj.fields[member.attr or ""] = f"f_{local}"
                    if self.read:
                        line(f"f_{local} = None")
        if self.read:  # what a lenient read keeps of this object, if the read is lenient
            obj.kept = f"k_{prefix}"
            line(f"{obj.kept} = [None, None, None, None] if lenient else None")
        return obj

    def read_object(self, obj: _Object, value: str, parent: str, tokens: str) -> None:
        """Code that reads ``value`` into the declared ``obj`` (``parent`` and ``tokens``: the
        code of where its ``type`` problem is reported)."""
        shape = obj.shape
        key = obj.key
        if shape.root:
            self.src.line("unknown = []")
            self.src.line("nulls = []")
            if shape.ignored_by_error:
                self.src.line("ignorable = []")
        with self.as_object(value, shape.name, parent, tokens) as pairs:
            item = self.src.fresh("item")
            with self.src.block(f"for raw_{key}, {item} in {pairs}:"):
                self.src.line(
                    f"{key} = raw_{key} if type(raw_{key}) is str else exact_str(raw_{key})"
                )
                for index, member in enumerate(shape.members):
                    head = "if" if index == 0 else "elif"
                    with self.src.block(f"{head} {key} == {member.json!r}:"):
                        self.member(member, item, obj)
                with self.src.block("else:"):
                    self.unknown(obj, item)
            self.epilogue(obj)

    def unknown(self, obj: _Object, item: str) -> None:
        shape, key = obj.shape, obj.key
        if shape.root:
            self.src.line(f"unknown.append((raw_{key}, {item}))")
            return
        known = self.src.const(shape.names, f"members_{shape.name}")
        self.src.line(f"unknown_member(sink, raw_{key}, {known}, {shape.name!r}, {obj.at})")
        if obj.kept is not None:
            with self.src.block(f"if {key} is not None:"):
                self.keep(obj, 0, f"({key}, {{}})", item)

    # --- members ----------------------------------------------------------------------------

    def member(self, member: Member, item: str, obj: _Object) -> None:
        line = self.src.line
        if member.json in obj.raw:
            line(f"ignorable.append(({member.json!r}, {item}))")
        if member.json in obj.seen:
            line(f"{obj.seen[member.json]} = True")
        line(f"{obj.present[member.json]} = True")
        if isinstance(member, Text):
            self.text(member, item, obj)
        elif isinstance(member, Choice):
            self.choice(member, item, obj)
        elif isinstance(member, Nested):
            with self.src.block(f"if {item} is None:"):
                self.null(member, obj)
            with self.src.block("else:"):
                self.nested(member, item, obj)
        elif isinstance(member, Many):
            self.many(member, item, obj)
        else:
            self.pairs(member, item, obj)

    def null(self, member: Member, obj: _Object) -> None:
        """``null`` for ``member`` (SPEC §4.1): absent; ``required`` for a member its object
        cannot be without, else the ``null-member`` warning (for a member the result rule
        may require, once that rule has spoken)."""
        self.src.line(f"{obj.present[member.json]} = False")
        name = member.json
        if member.required == "always":
            self.src.line(f'required(sink, {name!r}, {obj.at}, {name!r}, why=" (got null)")')
            return
        if member.required == "result":
            self.src.line(f"nulls.append({name!r})")
        else:
            self.src.line(f"null_member(sink, {member.name!r}, {obj.at}, {name!r})")
        if obj.kept is not None:
            self.keep(obj, 2, f"({name!r}, None)")

    def text(self, member: Text, item: str, obj: _Object) -> None:
        local = obj.values[member.json]
        spec = self.src.const(member, f"text_{obj.shape.name}_{member.json}")
        guard = self.text_guard(member, item)
        head = "if"
        if guard is not None:
            with self.src.block(f"if {guard}:"):
                self.src.line(f"{local} = {item}")
            head = "elif"
        with self.src.block(f"{head} {item} is None:"):
            self.null(member, obj)
        with self.src.block("else:"):
            self.src.line(f"{local} = text(sink, {item}, {spec}, {obj.at}, {member.json!r})")
        if member.also == "solution_id":
            with self.src.block(f"if {local} is not None and solution_ids is not None:"):
                self.call(
                    f"solution_id_known(sink, {local}, solution_ids, {obj.at})",
                    self.guard("solution_id", value=local, known="solution_ids"),
                )

    def choice(self, member: Choice, item: str, obj: _Object) -> None:
        local, field = obj.values[member.json], obj.fields[member.attr]
        table = self.src.const(member.table, f"table_{member.name}")
        if self.guards:
            self.src.line(f"{local} = {table}.get({item}) if type({item}) is str else None")
        with self.src.block(f"if {local} is None:"):
            with self.src.block(f"if {item} is None:"):
                self.null(member, obj)
            with self.src.block("else:"):
                self.src.line(
                    f"{local} = enum_value(sink, {item}, {table}, {member.name!r}, {obj.at}, "
                    f"{member.json!r})"
                )
                if obj.kept is not None:
                    self.keep_spelling(member, item, obj)
        if self.read:
            self.src.line(f"{field} = {local} if {local} is not None else {field}")
        if member.also == "solution_type":
            with self.src.block(f"if {local} is not None:"):
                self.call(
                    f"solution_type(sink, {local}, {obj.at}, {member.json!r})",
                    self.guard("solution_type", kind=local),
                )

    def keep_spelling(self, member: Choice, item: str, obj: _Object) -> None:
        """A lenient read keeps the spelling of an enum value it does not know; the field
        holds the enum's ``UNKNOWN`` member, or None for an enum without one."""
        local, field = obj.values[member.json], obj.fields[member.attr]
        spelt = self.src.fresh("spelt")
        with self.src.block(f"if lenient and {local} is None:"):
            self.src.line(f"{spelt} = exact_str({item})")
            with self.src.block(f"if {spelt} is not None:"):
                self.keep(obj, 1, f"({member.json!r}, ({spelt},))")
                if member.unknown is not None:
                    unknown = self.src.const(member.unknown, f"unknown_{member.attr}")
                    self.src.line(f"{field} = {unknown}")

    def nested(self, member: Nested, item: str, obj: _Object) -> None:
        inner = obj.nested[member.json]
        self.read_object(inner, item, obj.at, f", {member.json!r}")
        if member.shape.value is None:
            if inner.kept is not None:
                self.keep_wrapper(member, obj, inner)
        elif self.read:
            self.src.line(f"{obj.fields[member.attr or '']} = {self.make(inner)}")

    def keep_wrapper(self, member: Nested, obj: _Object, inner: _Object) -> None:
        """What a lenient read kept of a wrapper goes into the enclosing object's under the
        wrapper's name; a wrapper that held nothing a field keeps is written back as ``{}``."""
        assert inner.kept is not None
        made = self.src.fresh("wrapper")
        with self.src.block("if lenient:"):
            self.src.line(f"{made} = kept_or_none(FORM.name, *{inner.kept})")
            with self.src.block(f"if {made} is not None:"):
                self.keep(obj, 3, f"({member.json!r}, {made})")
            nothing = " and ".join(f"{inner.fields[attr]} in (None, ())" for attr in inner.fields)
            with self.src.block(f"elif {nothing or 'True'}:"):
                self.keep(obj, 2, f"({member.json!r}, EMPTY_OBJECT)")

    def many(self, member: Many, item: str, obj: _Object) -> None:
        items, count = self.src.fresh("array"), obj.count[member.json]
        self.src.line(f"{items} = {item} if type({item}) is list else array({item})")
        with self.src.block(f"if {items} is None:"):
            with self.src.block(f"if {item} is None:"):
                self.null(member, obj)
            with self.src.block("else:"):
                self.src.line(
                    f'wrong_type(sink, {item}, "an array", {member.name!r}, {obj.at}, '
                    f"{member.json!r})"
                )
                self.src.line(f"{count} = None")
        with self.src.block("else:"):
            self.src.line(f"{count} = len({items})")
            if isinstance(member.item, Choice):
                self.choices(member, member.item, items, obj)
            else:
                self.objects(member, member.item, items, obj)
            if obj.kept is not None:
                with self.src.block(f"if not {count}:"):
                    self.keep(obj, 2, f"({member.json!r}, ())")

    def choices(self, member: Many, choice: Choice, items: str, obj: _Object) -> None:
        local, field = obj.values[member.json], obj.fields[member.attr]
        table = self.src.const(choice.table, f"table_{choice.name}")
        index, item, found = (self.src.fresh(n) for n in ("index", "item", "found"))
        spellings = self.src.fresh("spellings")
        at = _child(obj.at, repr(member.json))
        line = self.src.line
        line(f"{local} = []")
        if self.read:
            line(f"{spellings} = None  # a lenient read's (index, spelling) of unknown items")
        with self.src.block(f"for {index}, {item} in enumerate({items}):"):
            line(f"{found} = {table}.get({item}) if type({item}) is str else None")
            if not self.guards:
                line(f"{found} = None")
            with self.src.block(f"if {found} is None:"):
                line(f"{found} = enum_value(sink, {item}, {table}, {choice.name!r}, {at}, {index})")
                if self.read:
                    with self.src.block(f"if lenient and {found} is None:"):
                        line(f"spelt = exact_str({item})")
                        with self.src.block("if spelt is not None:"):
                            line(f"{spellings} = [] if {spellings} is None else {spellings}")
                            line(f"{spellings}.append(({index}, spelt))")
            line(f"{local}.append({found})")
        if not self.read:
            return
        line(f"{field} = tuple({local})")
        with self.src.block(f"if {spellings}:"):
            unknown = self.src.const(choice.unknown, f"unknown_{choice.attr}")
            line(f"positions = {{position for position, _ in {spellings}}}")
            line(
                f"{field} = tuple({unknown} if position in positions else found "
                f"for position, found in enumerate({local}))"
            )
            self.keep(obj, 1, f"({member.json!r}, tuple(s for _, s in {spellings}))")

    def objects(self, member: Many, shape: Shape, items: str, obj: _Object) -> None:
        index, item = self.src.fresh("index"), self.src.fresh("item")
        collected, field = obj.values[member.json], obj.fields[member.attr]
        made = self.src.fresh("made")
        self.src.line(f"{collected} = []")
        if self.read:
            self.src.line(f"{made} = []")
        at = _child(obj.at, repr(member.json), index)
        with self.src.block(f"for {index}, {item} in enumerate({items}):"):
            inner = self.declare(shape, at, f"{_local(member.json)}_")
            self.read_object(inner, item, obj.at, f", {member.json!r}, {index}")
            assert member.collect is not None
            self.src.line(f"{collected}.append({inner.values[member.collect]})")
            if self.read:
                # An item that is not an object makes no value (its type problem is the
                # read's end); the others are made as they are read.
                self.src.line(f"{made}.append({self.make(inner)})")
        if self.read:
            self.src.line(f"{field} = tuple({made})")
        if member.rule is not None:
            self.call(
                set_call(member, collected, obj.at),
                self.guard(member.rule, **set_arguments(member.rule, collected)),
            )

    def pairs(self, member: Pairs, item: str, obj: _Object) -> None:
        line = self.src.line
        pairs, count, made = (self.src.fresh(n) for n in ("pairs", "count", "made"))
        at = _child(obj.at, repr(member.json))
        key_spec = self.src.const(member.key, "text_parameter_key")
        value_spec = self.src.const(member.value, "text_parameter_value")
        line(f"{count} = 0")
        line(
            f"{pairs} = dict_items({item}) if type({item}) is dict "
            f"or issubclass(type({item}), dict) else None"
        )
        with self.src.block(f"if {pairs} is None:"):
            with self.src.block(f"if {item} is None:"):
                self.null(member, obj)
            with self.src.block("else:"):
                line(
                    f'wrong_type(sink, {item}, "an object", {member.name!r}, {obj.at}, '
                    f"{member.json!r})"
                )
        with self.src.block("else:"):
            if self.read:
                line(f"{made} = []")
            with self.src.block(f"for raw_name, pair_value in {pairs}:"):
                line(f"{count} += 1")
                line("name = raw_name if type(raw_name) is str else exact_str(raw_name)")
                with self.src.block("if name is None:"):
                    line(f"unknown_member(sink, raw_name, (), {member.name!r}, {at})")
                    line("continue")
                self.call(
                    f"text(sink, name, {key_spec}, {at}, name)",
                    self.text_guard(member.key, "name"),
                )
                guard = self.text_guard(member.value, "pair_value")
                head = "if"
                if guard is not None:
                    with self.src.block(f"if {guard}:"):
                        line("text_value = pair_value")
                    head = "elif"
                with self.src.block(f"{head} pair_value is None:"):
                    line("text_value = None")
                    line(f'required(sink, {member.value.name!r}, {at}, name, why=" (got null)")')
                with self.src.block("else:"):
                    line(f"text_value = text(sink, pair_value, {value_spec}, {at}, name)")
                if self.read:
                    value_class = member.item.value
                    assert value_class is not None
                    line(f"{made}.append(make_{value_class}(name, text_value, None))")
            if self.read:
                line(f"{obj.fields[member.attr]} = tuple({made})")
            with self.src.block(f"if {count} > {member.limit}:"):
                line(f"parameter_set(sink, [None] * {count}, {at}, indexed=False)")
            if obj.kept is not None:
                with self.src.block(f"if not {count}:"):
                    self.keep(obj, 2, f"({member.json!r}, EMPTY_OBJECT)")

    # --- the rules about an object as a whole ---------------------------------------------

    def epilogue(self, obj: _Object) -> None:
        shape = obj.shape
        for member in shape.members:
            if member.required == "always":
                name = member.json
                with self.src.block(f"if not {obj.seen[name]}:"):
                    self.src.line(f"required(sink, {name!r}, {obj.at}, {name!r})")
        if shape.root:
            self.result(obj)
        elif shape.rule is not None:
            args = self.args(obj)
            self.call(CALLS[shape.rule].format(**args), self.guard(shape.rule, **args))

    def args(self, obj: _Object) -> dict[str, str]:
        """The pass's expressions for the arguments of ``obj``'s rule."""
        out: dict[str, str] = {"at": obj.at, "form": "FORM"}
        for name, token in obj.shape.args:
            if token == "~":
                out[name] = "ignored"
            elif token.startswith("?"):
                out[name] = obj.present[token[1:]]
            elif token.startswith("#"):
                out[name] = obj.count[token[1:]]
            else:
                out[name] = obj.values[token]
        return out

    def result(self, obj: _Object) -> None:
        """The conference's unknown members, then the form's result rule, then the warnings
        for null members the result rule did not require."""
        shape = obj.shape
        end = "return None" if self.read else "return"
        with self.src.block("if unknown:"):
            with self.src.block(
                f"if conference_unknown(sink, unknown, FORM, {shape.name!r}, {obj.at}):"
            ):
                self.src.line(end)
            if obj.kept is not None:
                key = obj.key
                with self.src.block(f"for raw_{key}, item in unknown if lenient else ():"):
                    self.src.line(f"{key} = exact_str(raw_{key})")
                    with self.src.block(f"if {key} is not None:"):
                        self.keep(obj, 0, f"({key}, {{}})", "item")
        if shape.ignored_by_error:
            self.src.line(f"ignored = filled(ignorable) if {obj.present['error']} else ()")
        assert shape.rule is not None
        args = self.args(obj)
        call = CALLS[shape.rule].format(**args)
        guard = self.guard(shape.rule, **args)
        self.src.line(
            f"missing = {call}" if guard is None else f"missing = () if {guard} else {call}"
        )
        with self.src.block("for null in nulls:"), self.src.block("if null not in missing:"):
            self.src.line(f"null_member(sink, null, {obj.at}, null)")

    # --- values (read mode) -----------------------------------------------------------------

    def make(self, obj: _Object) -> str:
        """The expression that makes the value ``obj`` was read into (trusted: the pass has
        checked it; its problems are made afterwards if the read found any)."""
        value = obj.shape.value
        assert value is not None
        *_, order = self.makers[value]
        fields = ", ".join(obj.fields.get(attr, "None") for attr in order)
        return f"make_{value}({fields}, {self.kept(obj)})"

    def kept(self, obj: _Object) -> str:
        """The expression of what a lenient read kept of ``obj`` (None for a strict read)."""
        if obj.kept is None:
            return "None"
        return f"(kept_or_none(FORM.name, *{obj.kept}) if lenient else None)"

    # --- the function -----------------------------------------------------------------------

    def function(self) -> None:
        parameters = "sink, obj, root, solution_ids" + (", lenient" if self.read else "")
        with self.src.block(f"def run({parameters}):"):
            self.src.line(f'"""The generated {self.src.title} pass (confdata._core.gen)."""')
            for name in self.makers:  # a lenient read makes lenient values
                self.src.line(f"make_{name} = MAKE_LENIENT_{name} if lenient else MAKE_{name}")
            obj = self.declare(self.form.conference, "(root,)", "c_")
            self.read_object(obj, "obj", "(root,)", "")
            if self.read:
                fields = ", ".join(f"{attr}={local}" for attr, local in obj.fields.items())
                self.src.line(f"return dict({fields}, kept={self.kept(obj)})")
            self.src.line("return None")


def generate(
    form: Form,
    mode: Mode = "check",
    *,
    guards: bool = True,
    makers: Mapping[str, Maker] | None = None,
) -> tuple[Callable[..., Any], str]:
    """The pass over ``form`` and its source.

    ``check``: ``run(sink, obj, root, solution_ids)`` reports every problem of ``obj`` (the
    JSON Pointer ``root`` is its location) into ``sink``. ``read``: ``run(sink, obj, root,
    solution_ids, lenient)`` does the same and returns the conference's fields (its parts made
    with ``makers``) with what a ``lenient`` read kept, or None when ``obj`` is not a
    conference at all.
    """
    gen = _Pass(form, mode, guards, makers or {})
    gen.function()
    return gen.src.compile()["run"], gen.src.text
