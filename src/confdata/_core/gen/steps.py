"""The builders' steps, generated from the shapes of :mod:`confdata._core.spec`.

A builder step checks only the argument it is given (a string member's ``type``, ``empty``
and ``max-length`` rules behind their guard; that a part is a value of its class) and makes a
new builder that shares every other field with the old one, so building a conference of
``n`` entry points makes ``n`` checks, not ``n²``. The rules about the whole conference run
once, in ``build()``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..foreign import exact_str
from ..sink import Sink
from ..spec import Many, Nested, Shape, Text
from . import guards as _guards
from .passes import RULES
from .source import Source
from .values import expected

__all__ = ["generate"]


def generate(
    builder: type[Any], shape: Shape, parts: Mapping[str, type[Any]]
) -> tuple[dict[str, Callable[..., Any]], str]:
    """For each field of ``builder`` (named ``_`` + the value's field), a step function:
    ``set_<field>(builder, value)``, and for array fields ``add_<field>(builder, item)``
    and ``extend_<field>(builder, items)`` (``items`` a tuple). ``parts``: the value class
    of each part field. Returns the functions by name, and their source."""
    src = Source(f"{builder.__name__} steps")
    src.env.update(RULES)
    src.env.update(_guards.ENV)
    src.env.update(CLS=builder, NEW=object.__new__, Sink=Sink, exact_str=exact_str, AT=("",))
    fields = [field.name for field in attrs.fields(builder)]
    for name in fields:
        src.env[f"SET_{name}"] = builder.__dict__[name].__set__

    def copy(changed: str, value: str) -> None:
        src.line("new = NEW(type(old))")
        for name in fields:
            src.line(f"SET_{name}(new, {value if name == changed else f'old.{name}'})")
        src.line("return new")

    for member in shape.members:
        attr = getattr(member, "attr", None)
        field = f"_{attr}"
        if field not in fields:
            continue
        if isinstance(member, Text):
            spec = src.const(member, f"text_{member.json}")
            guard = _guards.text_guard(member).render(value="value")
            with src.block(f"def check_{attr}(value):"):
                with src.block(f"if value is not None and not {guard}:"):
                    src.line("sink = Sink()")
                    src.line(f"text(sink, value, {spec}, AT, {member.json!r})")
                    src.line("sink.raise_errors()")
                    src.line("value = exact_str(value)")
                src.line("return value")
            with src.block(f"def set_{attr}(old, value):"):
                src.line(f"value = check_{attr}(value)")
                copy(field, "value")
        elif isinstance(member, Many):
            cls = src.const(parts[attr or ""], f"class_{attr}")
            what = expected(parts[attr or ""])
            with src.block(f"def check_{attr}(items, start):"):
                with src.block(
                    f"if all(type(item) is {cls} or issubclass(type(item), {cls}) "
                    f"for item in items):"
                ):
                    src.line("return")
                src.line("sink = Sink()")
                with (
                    src.block("for index, item in enumerate(items):"),
                    src.block(f"if not issubclass(type(item), {cls}):"),
                ):
                    src.line(
                        f"wrong_type(sink, item, {what!r}, {member.name!r}, AT, "
                        f"{member.json!r}, start + index)"
                    )
                src.line("sink.raise_errors()")
            with src.block(f"def add_{attr}(old, item):"):
                src.line(f"check_{attr}((item,), len(old.{field}))")
                copy(field, f"(*old.{field}, item)")
            with src.block(f"def extend_{attr}(old, items):"):
                src.line(f"check_{attr}(items, len(old.{field}))")
                copy(field, f"old.{field} + items")
            with src.block(f"def set_{attr}(old, items):"):
                src.line(f"check_{attr}(items, 0)")
                copy(field, "items")
        elif isinstance(member, Nested) and attr is not None:
            cls = src.const(parts[attr], f"class_{attr}")
            what = expected(parts[attr])
            with src.block(f"def check_{attr}(value):"):
                with src.block(f"if value is not None and not issubclass(type(value), {cls}):"):
                    src.line("sink = Sink()")
                    src.line(
                        f"wrong_type(sink, value, {what!r}, {member.name!r}, AT, {member.json!r})"
                    )
                    src.line("sink.raise_errors()")
                src.line("return value")
            with src.block(f"def set_{attr}(old, value):"):
                src.line(f"check_{attr}(value)")
                copy(field, "value")
    namespace = src.compile()
    steps = {
        name: function
        for name, function in namespace.items()
        if name.startswith(("set_", "add_", "extend_", "check_")) and callable(function)
    }
    return steps, src.text
