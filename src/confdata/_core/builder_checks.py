"""What the builders share: the checks of a step's argument, through the rule engine."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .parts import sequence
from .problems import Problem, ValidationError
from .rules.members import Where, text, wrong_type
from .sink import Sink
from .spec import Text
from .value_checks import member

__all__ = ["finish", "instances", "items", "member_of", "text_field"]

_AT: Where = ("",)


def text_field(spec: Text) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator: the ``type``, ``empty`` and ``max-length`` rules of ``spec``."""

    def check(_: Any, __: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            sink = Sink()
            text(sink, value, spec, _AT, spec.json)
            sink.raise_errors()

    return check


def instances(
    cls: type[Any], what: str, *path: str, each: bool = False
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator: the field is a ``cls`` (``each``: a tuple of them) or None."""

    def check(_: Any, __: attrs.Attribute[Any], value: Any) -> None:
        items = value if each else () if value is None else (value,)
        if all(issubclass(type(item), cls) for item in items):
            return
        sink = Sink()
        for index, item in enumerate(items):
            if not issubclass(type(item), cls):
                where: tuple[str | int, ...] = (*path, index) if each else path
                wrong_type(sink, item, f"a {cls.__name__}", what, _AT, *where)
        sink.raise_errors()

    return check


def items(value: Any, what: str, *path: str) -> tuple[Any, ...]:
    """The items of an iterable argument as a tuple (a string or a non-iterable is a
    ``type`` problem)."""
    found = sequence(value, what)  # an iterable that raises while read is a type problem
    if type(found) is not tuple:
        sink = Sink()
        wrong_type(sink, value, "a sequence", what, _AT, *path)
        sink.raise_errors()
    return found  # type: ignore[no-any-return]


def finish(problems: tuple[Problem, ...], strict: bool) -> None:
    if problems and (strict or any(p.is_error for p in problems)):
        raise ValidationError(problems)


def member_of(value: object, cls: type[Any], table: Mapping[str, Any], what: str) -> Any:
    """The member ``value`` is or spells; raises :class:`ValidationError` for anything else
    (``what`` is the member's name, dots for nesting: ``key.type`` is at ``/key/type``)."""
    sink = Sink()
    *parents, name = what.split(".")
    found = member(sink, value, cls, table, what, ("", *parents), name)
    sink.raise_errors()
    return found
