"""The emitters of both JSON forms, generated from the shapes of :mod:`confdata._core.spec`.

:func:`generate` writes, for a form, one function per value class that writes the value as
its object in that form: each member from the field that holds it, in the shape's order, the
wrappers (``conferenceSolution.key``, ``parameters.addOnParameters``) around the fields they
hold, the parts through their own emitters. What a lenient read kept with a value is merged
into its object in the same pass (:func:`merge`), so emission is linear however much was
kept. A value that holds an unknown value no spelling of the form can write (``UNKNOWN``
without a kept spelling, or one kept from the other form) raises :class:`Unspellable`, which
the root emitter turns into one :class:`~confdata.ValidationError` naming every such value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..kept import Kept, thaw
from ..sink import pointer
from ..spec import Choice, Form, Many, Nested, Pairs, Shape, Text
from .source import Source

__all__ = ["Unspellable", "generate", "merge"]


class Unspellable(Exception):
    """A value holds an unknown value the form being written cannot spell: ``tokens`` are
    its path below the object whose emitter raised, ``form`` the form it was read from."""

    def __init__(self, tokens: tuple[str | int, ...], form: str | None) -> None:
        super().__init__(tokens)
        self.tokens = tokens
        self.form = form

    def below(self, *tokens: str | int) -> Unspellable:
        """The same, seen from the object ``tokens`` above."""
        return Unspellable((*tokens, *self.tokens), self.form)

    def message(self, form: str) -> str:
        if self.form is None:
            return (
                f"an unknown value (UNKNOWN, which stands for a spelling a lenient read kept) "
                f"has no spelling in the {form} form"
            )
        return (
            f"a value read leniently from the {self.form} form has no spelling in the {form} form"
        )


def spelled(kept: Kept | None, path: tuple[str, ...], form: str) -> tuple[str, ...]:
    """The spellings kept for the member at ``path`` when ``kept`` was read from ``form``;
    raises :class:`Unspellable` when there are none to write."""
    if kept is None or kept.form != form:
        raise Unspellable(path, None if kept is None else kept.form)
    *wrappers, name = path
    here: Kept | None = kept
    for wrapper in wrappers:
        here = here.inner_of(wrapper) if here is not None else None
    spelt = here.spelling(name) if here is not None else ()
    if not spelt:
        raise Unspellable(path, None)
    return spelt


def spelled_or(kept: Kept | None, path: tuple[str, ...], form: str, fallback: str | None) -> str:
    """The spelling kept for the member at ``path`` when ``kept`` was read from ``form``, else
    ``fallback`` (the form's spelling of a member that stands for unknown values, such as the
    add-on form's ``UNKNOWN`` error type); raises :class:`Unspellable` when neither exists."""
    if kept is not None and kept.form == form:
        *wrappers, name = path
        here: Kept | None = kept
        for wrapper in wrappers:
            here = here.inner_of(wrapper) if here is not None else None
        spelt = here.spelling(name) if here is not None else ()
        if spelt:
            return spelt[0]
    if fallback is None:
        raise Unspellable(path, None if kept is None or kept.form == form else kept.form)
    return fallback


def _has_spellings(kept: Kept) -> bool:
    return bool(kept.spellings) or any(_has_spellings(inner) for _, inner in kept.inner)


def merge(
    out: dict[str, Any],
    kept: Kept,
    shape: Shape,
    form: str,
    dropped: tuple[str, ...] = (),
) -> None:
    """Write into ``out`` (the object of ``shape`` just written from a value's fields) what a
    lenient read kept with the value: spellings where the field wrote nothing, empty members
    where the field wrote nothing, the wrappers' kept data into the wrappers, then the unknown
    members. In another form, unknown members are left out, and an unknown value raises
    :class:`Unspellable`. Members in ``dropped`` (an error result's data) are left out."""
    if kept.form != form:
        if _has_spellings(kept):
            raise Unspellable((), kept.form)
        return
    for name, spelt in kept.spellings:
        member = shape.by_json.get(name)
        if (
            name not in out
            and name not in dropped
            and isinstance(member, Choice)
            and member.unknown is None
        ):
            out[name] = spelt[0]
    for name, raw in kept.empty:
        if name not in out and name not in dropped:
            out[name] = thaw(raw)
    for name, inner in kept.inner:
        member = shape.by_json.get(name)
        if name in dropped or not isinstance(member, Nested):
            continue
        sub = out.get(name)
        fresh = type(sub) is not dict
        target: dict[str, Any] = {} if fresh else sub  # type: ignore[assignment]
        merge(target, inner, member.shape, form)
        if target or not fresh:
            out[name] = target
    for name, raw in kept.unknown:
        out[name] = thaw(raw)


class _Writer:
    def __init__(
        self, form: Form, shapes: Mapping[str, Shape], classes: Mapping[str, type]
    ) -> None:
        self.form = form
        self.shapes = shapes
        self.src = Source(f"{form.name} emit")
        self.src.env.update(
            Unspellable=Unspellable,
            spelled=spelled,
            spelled_or=spelled_or,
            merge=merge,
            FORM_NAME=form.name,
            pointer=pointer,
        )
        self.classes = classes

    def function(self, value: str, shape: Shape) -> None:
        src = self.src
        with src.block(f"def emit_{value}(x):"):
            src.line(f'"""A {value} as its object in the {self.form.name} form."""')
            src.line("out = {}")
            error_result = bool(shape.ignored_by_error) and "error" in shape.by_json
            if error_result:
                src.line("failed = x.error is not None")
            self.members(shape, "out", (), error_result)
            shape_const = src.const(shape, f"shape_{value}")
            with src.block("if x.kept is not None:"):
                if error_result:
                    dropped = src.const(shape.ignored_by_error, "ignored_by_error")
                    src.line(
                        f"merge(out, x.kept, {shape_const}, FORM_NAME, {dropped} if failed else ())"
                    )
                else:
                    src.line(f"merge(out, x.kept, {shape_const}, FORM_NAME)")
            src.line("return out")

    def members(self, shape: Shape, out: str, path: tuple[str, ...], error_result: bool) -> None:
        src = self.src
        for member in shape.members:
            name = member.json
            guard = error_result and name in shape.ignored_by_error
            if guard:
                with src.block("if not failed:"):
                    self.member(member, out, path)
            else:
                self.member(member, out, path)

    def member(self, member: Any, out: str, path: tuple[str, ...]) -> None:
        src = self.src
        name = member.json
        here = (*path, name)
        if isinstance(member, Text):
            src.line(f"v = x.{member.attr}")
            with src.block("if v is not None:"):
                src.line(f"{out}[{name!r}] = v")
        elif isinstance(member, Choice):
            spell = src.const(member.spell, f"spell_{member.name}")
            src.line(f"v = x.{member.attr}")
            with src.block("if v is not None:"):
                src.line(f"s = {spell}.get(v)")
                test = "s is None"
                if member.unknown is not None:
                    unknown = src.const(member.unknown, f"unknown_{member.attr}")
                    test = f"s is None or v is {unknown} and x.kept is not None"
                with src.block(f"if {test}:"):
                    src.line(f"s = spelled_or(x.kept, {here!r}, FORM_NAME, s)")
                src.line(f"{out}[{name!r}] = s")
        elif isinstance(member, Many) and isinstance(member.item, Choice):
            spell = src.const(member.item.spell, f"spell_{member.item.name}")
            src.line(f"v = x.{member.attr}")
            with src.block("if v:"):
                src.line("written = []")
                src.line("kept_spellings = None")
                with src.block("for item in v:"):
                    src.line(f"s = {spell}.get(item)")
                    with src.block("if s is None:"):
                        with src.block("if kept_spellings is None:"):
                            src.line(f"kept_spellings = iter(spelled(x.kept, {here!r}, FORM_NAME))")
                        src.line("s = next(kept_spellings, None)")
                        with src.block("if s is None:"):
                            src.line(f"raise Unspellable({here!r}, None)")
                    src.line("written.append(s)")
                src.line(f"{out}[{name!r}] = written")
        elif isinstance(member, Many):
            item = member.item
            assert isinstance(item, Shape)
            assert item.value is not None
            emit = f"emit_{item.value}"
            src.line(f"v = x.{member.attr}")
            with src.block("if v:"):
                src.line("written = []")
                with src.block("for index, item in enumerate(v):"):
                    with src.block("try:"):
                        src.line(f"written.append({emit}(item))")
                    with src.block("except Unspellable as unspellable:"):
                        src.line(f"raise unspellable.below({name!r}, index) from None")
                src.line(f"{out}[{name!r}] = written")
        elif isinstance(member, Pairs):
            src.line(f"v = x.{member.attr}")
            with src.block("if v:"):
                src.line(f"{out}[{name!r}] = {{p.key: p.value for p in v}}")
        elif isinstance(member, Nested) and member.shape.value is None:
            sub = src.fresh(f"wrapper_{name}")
            src.line(f"{sub} = {{}}")
            self.members(member.shape, sub, here, False)
            with src.block(f"if {sub}:"):
                src.line(f"{out}[{name!r}] = {sub}")
        elif isinstance(member, Nested):
            value = member.shape.value
            src.line(f"v = x.{member.attr}")
            with src.block("if v is not None:"):
                with src.block("try:"):
                    src.line(f"{out}[{name!r}] = emit_{value}(v)")
                with src.block("except Unspellable as unspellable:"):
                    src.line(f"raise unspellable.below({name!r}) from None")
        else:
            raise AssertionError(member)


def generate(form: Form) -> tuple[dict[str, Callable[..., dict[str, Any]]], str]:
    """The emitters of ``form`` by value class name, and their source."""
    shapes: dict[str, Shape] = {}
    stack = [form.conference]
    while stack:
        shape = stack.pop()
        if shape.value is not None and shape.value not in shapes:
            shapes[shape.value] = shape
        for member in shape.members:
            if isinstance(member, Nested):
                stack.append(member.shape)
            elif isinstance(member, Many) and isinstance(member.item, Shape):
                stack.append(member.item)
    writer = _Writer(form, shapes, {})
    for value, shape in shapes.items():
        writer.function(value, shape)
    namespace = writer.src.compile()
    return {value: namespace[f"emit_{value}"] for value in shapes}, writer.src.text
