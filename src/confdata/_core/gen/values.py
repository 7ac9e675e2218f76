"""The values' generated methods, from the shapes of :mod:`confdata._core.spec`.

For each value class and its shape (:data:`confdata._core.spec.VALUES`), :func:`install`
writes and compiles:

- ``check(fields…, kept)``: every rule about the value's fields and what a lenient read kept
  with it, through the rule functions behind their guards (paths as the Calendar form spells
  them); a clean value costs no sink, no path and no message;
- ``__init__``: what attrs would write, plus the conversions (a ``str`` subclass to ``str``, a
  spelling to its enum member, an iterable to a tuple), the check, and the decision to raise:
  on an error unless ``lenient``, and always for what no field can hold (a value of another
  type, a spelling no member has, a part without a member it cannot be without);
- ``make(fields…, kept, …)``: a value of fields a pass has checked, with no problem (the
  readers make values with it as they read), and ``make_lenient`` alike;
- ``remake(fields…, kept, lenient, …)``: a value of converted fields, its problems checked
  (for a read that found problems).

The generated code sets each slot once, when the value is made, as attrs' own generated
``__init__`` does; nothing changes a value after that.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from .. import foreign
from ..kept import Kept
from ..problems import Problems, Severity, ValidationError
from ..sink import Sink, pointer
from ..spec import Choice, Many, Nested, Shape, Text
from . import guards as _guards
from .passes import CALLS, RULES, set_arguments, set_call
from .source import Source

__all__ = ["CLEAN", "DEFAULT", "Generated", "install", "kept_problems", "member_of", "spelling"]

CLEAN = Problems()
"""What a clean value holds in ``problems``: one empty tuple, shared as tuples may be."""


class _Default:
    """The default of a field computed when the value is made (``request_id``, ...)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<computed>"


DEFAULT: Any = _Default()

# The fields every value has besides those of its shape.
SPECIAL = ("lenient", "kept", "problems", "source_form", "read_problems")


@attrs.frozen
class Generated:
    """What :func:`install` made for one value class."""

    check: Callable[..., Problems]
    make: Callable[..., Any]
    make_lenient: Callable[..., Any]
    remake: Callable[..., Any]
    fields: tuple[str, ...]
    """The fields the makers take first, in order (then ``kept`` and the rest)."""
    source: str


def spelling(kept: Kept, path: tuple[str, ...]) -> tuple[str, ...]:
    """The spellings a lenient read kept for the member at ``path`` (the wrappers' names,
    then the member's) below a value's object; empty when none."""
    *wrappers, name = path
    here: Kept | None = kept
    for wrapper in wrappers:
        if here is None:
            return ()
        here = here.inner_of(wrapper)
    return () if here is None else here.spelling(name)


def kept_problems(
    sink: Sink | None,
    kept: Kept,
    shapes: Mapping[str, Shape],
    missing: tuple[str, ...] = (),
    written: frozenset[tuple[str, ...]] = frozenset(),
) -> Sink | None:
    """The rules about what a lenient read kept with a value, as they are about the JSON it
    writes back: ``unknown-field`` for each unknown member (named as the form it was read
    from names its object), ``null-member`` for each ``null`` kept and still written back:
    not for a member whose field is set now (``written``: the paths of those), nor for one
    the value's rule found ``missing`` (that one is ``required``)."""
    stack: list[tuple[Kept, Shape | None, tuple[str, ...]]] = [(kept, shapes.get(kept.form), ())]
    while stack:
        here, shape, path = stack.pop()
        if here.unknown:
            sink = Sink() if sink is None else sink
            known = shape.names if shape is not None else frozenset()
            what = shape.name if shape is not None else "object"
            for name, _ in here.unknown:
                RULES["unknown_member"](sink, name, known, what, ("", *path))
        for name, raw in here.empty:
            if raw is None and (path or name not in missing) and (*path, name) not in written:
                sink = Sink() if sink is None else sink
                member = shape.by_json.get(name) if shape is not None else None
                what = member.name if member is not None else name
                RULES["null_member"](sink, what, ("", *path), name)
        for name, inner in reversed(here.inner):
            member = shape.by_json.get(name) if shape is not None else None
            inner_shape = member.shape if isinstance(member, Nested) else None
            stack.append((inner, inner_shape, (*path, name)))
    return sink


def filled_values(members: tuple[tuple[str, object], ...]) -> list[str]:
    """The fields an error result ignores that hold data (not None, not empty)."""
    return [name for name, value in members if value is not None and value != ()]


def member_of(value: object, cls: type[Any], table: Mapping[str, Any]) -> Any:
    """The member of ``cls`` that ``value`` is or spells, or None."""
    if issubclass(type(value), cls):
        return value
    text = foreign.exact_str(value)
    return None if text is None else table.get(text)


def _local(attr: str) -> str:
    return f"v_{attr}"


def expected(cls: type[Any]) -> str:
    """How a message names a value of ``cls`` it expected: ``an EntryPoint value``."""
    article = "an" if cls.__name__[:1] in "AEIOU" else "a"
    return f"{article} {cls.__name__} value"


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text)


class _Writer:
    """Writes the methods of one value class."""

    def __init__(
        self,
        cls: type[Any],
        shape: Shape,
        env: Mapping[str, Any],
        guards: bool,
    ) -> None:
        self.cls = cls
        self.parts_of: Mapping[str, type[Any]] = env.get("PARTS", {})
        self.shape = shape
        self.guards = guards
        self.src = Source(f"{cls.__name__}" + ("" if guards else " (guards off)"))
        names = {field.name for field in attrs.fields(cls)}
        self.fields = [f for f in attrs.fields(cls) if f.name not in SPECIAL]
        self.extra = [name for name in ("source_form", "read_problems") if name in names]
        self.src.env.update(RULES)
        self.src.env.update(_guards.ENV)
        self.src.env.update(
            CLS=cls,
            AT=("",),
            Sink=Sink,
            Problems=Problems,
            CLEAN=CLEAN,
            DEFAULT=DEFAULT,
            ERROR=Severity.ERROR,
            ValidationError=ValidationError,
            Kept=Kept,
            exact_str=foreign.exact_str,
            pointer=pointer,
            member_of=member_of,
            spelling=spelling,
            kept_problems=kept_problems,
            filled_values=filled_values,
            NEW=object.__new__,
            TYPE=type,
        )
        self.src.env.update(env)
        for field in attrs.fields(cls):
            self.src.env[f"SET_{field.name}"] = cls.__dict__[field.name].__set__

    # --- the check ------------------------------------------------------------------------

    def report(self, call: str, guard: str | None) -> None:
        """``call`` on a sink made when first needed; skipped when ``guard`` holds."""
        if guard is not None and self.guards:
            with self.src.block(f"if not {guard}:"):
                self.report(call, None)
            return
        self.src.line("sink = Sink() if sink is None else sink")
        self.src.line(call)

    def check(self) -> None:
        params = ", ".join(_local(f.name) for f in self.fields)
        with self.src.block(f"def check({params}, kept):"):
            self.src.line('"""Every problem of the value these fields make."""')
            self.src.line("sink = None")
            found = _Found()
            self.members(self.shape, (), found)
            self.src.line("missing = ()")
            self.object_rule(found)
            with self.src.block("if kept is not None:"):
                written = ", ".join(
                    f"({path!r}, {_local(attr)})" for path, attr in _written(self.shape)
                )
                self.src.line(
                    f"written = frozenset(path for path, value in ({written},) "
                    f"if value is not None and value != ())"
                )
                self.src.line("sink = kept_problems(sink, kept, KEPT_SHAPES, missing, written)")
            self.src.line("return CLEAN if sink is None else (Problems(sink.finish()) or CLEAN)")

    def members(self, shape: Shape, wrappers: tuple[str, ...], found: _Found) -> None:
        at = "AT" if not wrappers else self.src.const(("", *wrappers), f"at_{'_'.join(wrappers)}")
        for member in shape.members:
            path = (*wrappers, member.json)
            if isinstance(member, Nested) and member.shape.value is None:
                self.members(member.shape, path, found)
                continue
            local = _local(member.attr or "")
            value = f"r_{_safe('_'.join(path))}"
            found.values[".".join(path)] = value
            found.present[member.json] = f"{local} is not None"
            if isinstance(member, Text):
                self.text(member, local, value, at)
            elif isinstance(member, Choice):
                self.choice(member, local, value, at, path)
            elif isinstance(member, Many) and isinstance(member.item, Choice):
                self.choices(member, member.item, local, value, at, path)
            elif isinstance(member, Many):
                assert isinstance(member.item, Shape)
                found.counts[member.json] = f"len({local})"
                self.parts(member, member.item, local, value)
            elif isinstance(member, Nested):
                self.part(member, local, value, found)

    def text(self, member: Text, local: str, value: str, at: str) -> None:
        src = self.src
        spec = src.const(member, f"text_{self.shape.name}_{member.json}")
        src.line(f"{value} = {local} if type({local}) is str else None")
        with src.block(f"if {local} is None:"):
            if member.required == "always":
                self.report(f"required(sink, {member.json!r}, {at}, {member.json!r})", None)
        with src.block("else:"):
            self.report(
                f"text(sink, {local}, {spec}, {at}, {member.json!r})",
                _guards.text_guard(member).render(value=local),
            )

    def choice(
        self, member: Choice, local: str, value: str, at: str, path: tuple[str, ...]
    ) -> None:
        src = self.src
        name = member.json
        table = src.const(member.table, f"table_{member.name}")
        valid = src.const(frozenset(member.table.values()), f"valid_{member.name}")
        kept_path = src.const(path, f"path_{'_'.join(path)}")
        report = f"enum_value(sink, spelt or {local}, {table}, {member.name!r}, {at}, {name!r})"
        src.line(f"{value} = None")
        src.line(f"spelt = spelling(kept, {kept_path}) if kept is not None else ()")
        src.line("spelt = spelt[0] if spelt else None")
        with src.block(f"if {local} is None:"):
            if member.required == "always":
                self.report(f"required(sink, {name!r}, {at}, {name!r})", None)
            with src.block("if spelt is not None:"):  # an unknown value held as None
                self.report(report, None)
        # A member stands for itself, unless it is the one held for a kept spelling.
        held = "False"
        if member.unknown is not None:
            held = f"spelt is not None and {local} is {src.const(member.unknown, 'unknown')}"
        enum = src.const(_enum_class(member), f"enum_{member.attr}")
        with src.block(f"elif type({local}) is {enum} and {local} in {valid} and not ({held}):"):
            src.line(f"{value} = {local}")
            if member.also == "solution_type":
                self.report(
                    f"solution_type(sink, {value}, {at}, {name!r})",
                    _guards.render("solution_type", kind=value),
                )
        with src.block("else:"):
            self.report(report, None)

    def choices(
        self,
        member: Many,
        choice: Choice,
        local: str,
        value: str,
        at: str,
        path: tuple[str, ...],
    ) -> None:
        src = self.src
        table = src.const(choice.table, f"table_{choice.name}")
        valid = src.const(frozenset(choice.table.values()), f"valid_{choice.name}")
        kept_path = src.const(path, f"path_{'_'.join(path)}")
        unknown = src.const(choice.unknown, "unknown_feature")
        items_at = src.const(("", *path), f"at_{'_'.join(path)}")
        src.line(f"{value} = None")
        with src.block(f"if type({local}) is not tuple:"):
            self.report(
                f'wrong_type(sink, {local}, "an array", {member.json!r}, {at}, {member.json!r})',
                None,
            )
        with src.block(f"elif {local}:"):
            src.line(f"{value} = []")
            src.line(f"spelt = iter(spelling(kept, {kept_path}) if kept is not None else ())")
            enum = src.const(_enum_class(choice), f"enum_{choice.attr}")
            with src.block(f"for index, item in enumerate({local}):"):
                with src.block(f"if type(item) is {enum} and item in {valid}:"):
                    src.line(f"{value}.append(item)")
                with src.block("else:"):
                    src.line(f"shown = next(spelt, item) if item is {unknown} else item")
                    self.report(
                        f"enum_value(sink, shown, {table}, {choice.name!r}, {items_at}, index)",
                        None,
                    )
                    src.line(f"{value}.append(None)")

    def parts(self, member: Many, item: Shape, local: str, value: str) -> None:
        src = self.src
        collect = item.by_json[member.collect or ""]
        attr = collect.attr
        cls = src.const(self.parts_of[member.attr], f"class_{member.attr}")
        what = expected(self.parts_of[member.attr])
        src.line(f"{value} = []")
        with src.block(f"if type({local}) is not tuple:"):
            self.report(
                f"wrong_type(sink, {local}, {'a sequence of ' + what + 's'!r}, "
                f"{member.attr!r}, AT, {member.json!r})",
                None,
            )
            src.line(f"{local} = ()")
        with src.block(f"for index, part in enumerate({local}):"):
            with src.block(f"if not issubclass(type(part), {cls}):"):
                self.report(
                    f"wrong_type(sink, part, {what!r}, {item.name!r}, AT, {member.json!r}, index)",
                    None,
                )
                src.line(f"{value}.append(None)")
                src.line("continue")
            with src.block("if part.problems:"):
                self.report(
                    f"sink.extend(part.problems, pointer('', {member.json!r}, index))", None
                )
            if isinstance(collect, Choice):
                valid = src.const(frozenset(collect.table.values()), f"valid_{collect.name}")
                src.line(f"{value}.append(part.{attr} if part.{attr} in {valid} else None)")
            else:
                src.line(f"{value}.append(part.{attr})")
        if member.rule is not None:
            self.report(
                set_call(member, value, "AT"),
                _guards.render(member.rule, **set_arguments(member.rule, value)),
            )

    def part(self, member: Nested, local: str, value: str, found: _Found) -> None:
        src = self.src
        cls = src.const(self.parts_of[member.attr or ""], f"class_{member.attr}")
        what = expected(self.parts_of[member.attr or ""])
        with src.block(f"if {local} is not None and not issubclass(type({local}), {cls}):"):
            self.report(
                f"wrong_type(sink, {local}, {what!r}, {member.attr!r}, AT, {member.json!r})", None
            )
            src.line(f"{local} = None")
        with src.block(f"if {local} is not None and {local}.problems:"):
            self.report(f"sink.extend({local}.problems, {pointer('', member.json)!r})", None)
        for path, choice in _choices(member.shape):
            valid = src.const(frozenset(choice.table.values()), f"valid_{choice.name}")
            found.values[".".join((member.json, *path))] = (
                f"({local}.{choice.attr} if {local} is not None "
                f"and {local}.{choice.attr} in {valid} else None)"
            )

    def object_rule(self, found: _Found) -> None:
        shape = self.shape
        if shape.rule is None:
            return
        args: dict[str, str] = {"at": "AT", "form": "FORM"}
        for name, token in shape.args:
            if token == "~":
                pairs = ", ".join(
                    f"({json!r}, {_local(shape.by_json[json].attr or '')})"
                    for json in shape.ignored_by_error
                )
                self.src.line(f"ignored = filled_values(({pairs},))")
                args[name] = "ignored"
            elif token.startswith("?"):
                args[name] = f"({found.present[token[1:]]})"
            elif token.startswith("#"):
                args[name] = found.counts[token[1:]]
            else:
                args[name] = found.values[token]
        call = CALLS[shape.rule].format(**args)
        if shape.rule == "model_result":  # it says which members it found missing
            call = f"missing = {call}"
        self.report(call, _guards.render(shape.rule, **args))

    # --- making values ----------------------------------------------------------------------

    def convert(self, field: attrs.Attribute[Any], part: bool) -> None:
        """The conversion of ``field``'s argument; what cannot be converted is left for the
        check to report, and makes the value unholdable."""
        src = self.src
        name = field.alias
        member = _member_of_attr(self.shape, field.name)
        if isinstance(member, Text):
            test = f"TYPE({name}) is not str and {name} is not None"
            if field.default is DEFAULT:
                test += f" and {name} is not DEFAULT"
            with src.block(f"if {test}:"):
                src.line(f"converted = exact_str({name})")
                with src.block("if converted is None:"):
                    src.line("unholdable = True")
                with src.block("else:"):
                    src.line(f"{name} = converted")
            if member.required == "always" and part:
                with src.block(f"if {name} is None:"):
                    src.line("unholdable = True")
        elif isinstance(member, Choice):
            enum = src.const(_enum_class(member), f"enum_{member.attr}")
            table = src.const(member.table, f"table_{member.name}")
            with src.block(f"if TYPE({name}) is not {enum}:"):
                with src.block(f"if {name} is None:"):
                    if member.required == "always" and part:
                        src.line("unholdable = True")
                with src.block("else:"):
                    src.line(f"converted = member_of({name}, {enum}, {table})")
                    with src.block("if converted is None:"):
                        src.line("unholdable = True")
                    with src.block("else:"):
                        src.line(f"{name} = converted")
        else:
            converter = CONVERTERS[field.name]
            src.line(f"{name}, bad = {converter}({name})")
            src.line("unholdable = unholdable or bad")

    def init(self, defaults: Mapping[str, str], part: bool) -> None:
        src = self.src
        params = []
        for field in attrs.fields(self.cls):
            if not field.init:
                continue
            if field.name in defaults:
                params.append(f"{field.alias}=DEFAULT")
            elif field.default is attrs.NOTHING:
                params.append(field.alias)
            elif field.default is None or field.default is False or field.default == ():
                params.append(f"{field.alias}={field.default!r}")
            else:
                params.append(f"{field.alias}={src.const(field.default, f'default_{field.name}')}")
        with src.block(f"def __init__(self, *, {', '.join(params)}):"):
            src.line("unholdable = False")
            for field in self.fields:
                self.convert(field, part)
            for field in self.fields:
                if field.name in defaults:
                    with src.block(f"if {field.alias} is DEFAULT:"):
                        src.line(f"{field.alias} = {defaults[field.name]}")
            for name in ("lenient", "kept", *self.extra):
                src.line(f"{name}, bad = {CONVERTERS[name]}({name})")
                src.line("unholdable = unholdable or bad")
            args = ", ".join(field.alias for field in self.fields)
            src.line(f"problems = check({args}, kept)")
            with src.block(
                "if problems and (unholdable or not lenient and any("
                "problem.severity is ERROR for problem in problems)):"
            ):
                src.line("raise ValidationError(problems)")
            for field in attrs.fields(self.cls):
                value = field.alias if field.init else field.name
                src.line(f"SET_{field.name}(self, {value})")

    def makers(self) -> None:
        src = self.src
        params = ", ".join(_local(f.name) for f in self.fields)
        extra = "".join(
            f", {name}=None" if name == "source_form" else f", {name}=()" for name in self.extra
        )
        for name, lenient in (("make", "False"), ("make_lenient", "True")):
            with src.block(f"def {name}({params}, kept{extra}):"):
                src.line("self = NEW(CLS)")
                self.sets(lenient, "CLEAN")
                src.line("return self")
        with src.block(f"def remake({params}, kept, lenient{extra}):"):
            src.line("self = NEW(CLS)")
            src.line(f"problems = check({params}, kept)")
            self.sets("lenient", "problems")
            src.line("return self")

    def sets(self, lenient: str, problems: str) -> None:
        for field in self.fields:
            self.src.line(f"SET_{field.name}(self, {_local(field.name)})")
        self.src.line(f"SET_lenient(self, {lenient})")
        self.src.line("SET_kept(self, kept)")
        self.src.line(f"SET_problems(self, {problems})")
        for name in self.extra:
            self.src.line(f"SET_{name}(self, {name})")


@attrs.define
class _Found:
    """The check's expressions for what a rule about the whole value takes."""

    values: dict[str, str] = attrs.Factory(dict)
    present: dict[str, str] = attrs.Factory(dict)
    counts: dict[str, str] = attrs.Factory(dict)


def _choices(shape: Shape, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Choice]]:
    """The enum members of ``shape`` and of its wrappers, with their paths of names."""
    out: list[tuple[tuple[str, ...], Choice]] = []
    for member in shape.members:
        if isinstance(member, Choice):
            out.append(((*path, member.json), member))
        elif isinstance(member, Nested) and member.shape.value is None:
            out.extend(_choices(member.shape, (*path, member.json)))
    return out


def _written(shape: Shape, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    """Each member's path (below the value's object) with the field that writes it; a
    wrapper's path with each field inside it."""
    out: list[tuple[tuple[str, ...], str]] = []
    for member in shape.members:
        here = (*path, member.json)
        if isinstance(member, Nested) and member.shape.value is None:
            inner = _written(member.shape, here)
            out.extend(inner)
            out.extend((here, attr) for _, attr in inner)
        elif member.attr is not None:
            out.append((here, member.attr))
    return out


def _member_of_attr(shape: Shape, attr: str) -> object:
    """The member of ``shape`` (or of its wrappers) that fills the value's field ``attr``."""
    for member in shape.members:
        if isinstance(member, Nested) and member.shape.value is None:
            found = _member_of_attr(member.shape, attr)
            if found is not None:
                return found
        elif getattr(member, "attr", None) == attr:
            return member
    return None


def _enum_class(member: Choice) -> type[Any]:
    return type(next(iter(member.table.values())))


# The converters of the fields that are not a string or an enum, by field name: each takes
# the argument and returns (the converted value, whether no field can hold it). They live in
# confdata._core.values and reach the generated code through ``env``.
CONVERTERS: Mapping[str, str] = {
    "features": "convert_features",
    "entry_points": "convert_entry_points",
    "parameters": "convert_parameters",
    "error": "convert_error",
    "conference_solution": "convert_solution",
    "create_request": "convert_request",
    "lenient": "convert_lenient",
    "kept": "convert_kept",
    "source_form": "convert_source_form",
    "read_problems": "convert_read_problems",
}


def install(
    cls: type[Any],
    *,
    shape: Shape,
    env: Mapping[str, Any],
    defaults: Mapping[str, str] = {},
    part: bool = True,
    guards: bool = True,
) -> Generated:
    """Write and compile the methods of ``cls`` from ``shape``, and set its ``__init__``.

    ``env`` gives the generated code what it calls besides the rules (the converters, the
    form the check names spellings in, the shapes of kept data); ``defaults`` the code of
    each computed default; ``part``: a value that cannot be without its required members.
    With ``guards=False`` the methods are made but not set (the reference of the tests).
    """
    writer = _Writer(cls, shape, env, guards)
    writer.check()
    writer.init(defaults, part)
    writer.makers()
    namespace = writer.src.compile()
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = f"A checked :class:`{cls.__name__}`; see the class."
    init.__annotations__ = {
        field.alias: field.type for field in attrs.fields(cls) if field.init
    } | {"return": "None"}
    if guards:
        cls.__init__ = init
    return Generated(
        check=namespace["check"],
        make=namespace["make"],
        make_lenient=namespace["make_lenient"],
        remake=namespace["remake"],
        fields=tuple(field.name for field in writer.fields),
        source=writer.src.text,
    )
