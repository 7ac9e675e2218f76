"""pydantic support: conference data as a pydantic type, read and written by confdata's engine.

:class:`~confdata.ConferenceData`'s pydantic hooks ask this module. pydantic (and so FastAPI)
then reads a value from JSON with ``from_calendar_json`` (``from_addon_json`` under
:class:`AddonForm`), puts every problem into one ``pydantic.ValidationError`` (each error's
``type`` is the problem's code, its ``loc`` the tokens of its JSON Pointer), writes the value as
its JSON, and shows confdata's JSON Schema. pydantic is imported only inside these functions:
confdata never needs it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from . import spec as _spec
from .foreign import array, exact_str, is_int, is_number, member
from .problems import Problem, ValidationError
from .schema import json_schema
from .spec import FormName
from .text import mask, mask_uri_secrets

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic_core import CoreSchema
    from pydantic_core import ValidationError as PydanticValidationError

__all__ = [
    "AddonForm",
    "CalendarForm",
    "conference_json_schema",
    "conference_schema",
    "inline_refs",
    "pydantic_error",
    "value_schema",
]

_T = TypeVar("_T")

# The name each form's schema has among pydantic's definitions (an OpenAPI document's
# components/schemas): Calendar's ``ConferenceData`` and the add-on's ``ConferenceDataMarkup``.
_DEFINITION: dict[FormName, str] = {
    "calendar": "ConferenceData",
    "addon": "ConferenceDataMarkup",
}
_SECRET_MEMBERS = frozenset(text.json for text in _spec.SECRETS)
_DEFS = "#/$defs/"


def _tokens(path: str) -> list[str]:
    """The reference tokens of a JSON Pointer (RFC 6901), unescaped."""
    return [t.replace("~1", "/").replace("~0", "~") for t in path.split("/")[1:]]


def _located(value: object, path: str) -> tuple[tuple[str | int, ...], object]:
    """pydantic's ``loc`` of ``path`` in ``value`` (array indexes as ints) and what is there
    (None where the path leads past what ``value`` holds)."""
    loc: list[str | int] = []
    node: object = value
    for token in _tokens(path):
        items = array(node)
        if items is not None and token.isascii() and token.isdigit():
            index = int(token)
            loc.append(index)
            node = items[index] if index < len(items) else None
        else:
            loc.append(token)
            node = member(node, token)
    return tuple(loc), node


def _shown_input(node: object, last: str | int | None) -> object:
    """What an error shows as its ``input``: a JSON scalar (a secret masked, a string's URI
    secrets masked, as messages show them); None for objects and arrays, which may hold
    secrets."""
    text = exact_str(node)
    if text is not None:
        return mask(text) if last in _SECRET_MEMBERS else mask_uri_secrets(text)
    if node is None or node is True or node is False:
        return node
    if is_int(node):
        return int.__int__(node)
    if is_number(node):
        return float.__float__(node)
    return None


def pydantic_error(error: ValidationError, value: object, title: str) -> PydanticValidationError:
    """``error`` as one ``pydantic.ValidationError``: an entry per problem that failed the
    read (its warnings stay on the value a successful read makes)."""
    from pydantic_core import InitErrorDetails, PydanticCustomError
    from pydantic_core import ValidationError as PydanticValidationError

    def detail(problem: Problem) -> InitErrorDetails:
        loc, node = _located(value, problem.path)
        context = {
            "code": problem.code,
            "pointer": problem.path,
            # Last: pydantic fills the template key by key, so text the message quotes
            # ("{code}") is never taken for a key.
            "message": problem.message,
        }
        return InitErrorDetails(
            type=PydanticCustomError(problem.code, "{message}", context),
            loc=loc,
            input=_shown_input(node, loc[-1] if loc else None),
        )

    failed = error.errors or error.problems
    return PydanticValidationError.from_exception_data(title, [detail(p) for p in failed])


def value_schema(
    cls: type[_T],
    *,
    read: Callable[[object], _T],
    write: Callable[[_T], object],
    ref: str,
    title: str,
) -> CoreSchema:
    """A pydantic core schema for a confdata value: an instance passes as it is, anything
    else is read with ``read`` (its :class:`ValidationError` becomes pydantic's); the value is
    written (in Python and JSON mode alike) with ``write``."""
    from pydantic_core import core_schema

    def validate(value: object) -> _T:
        if issubclass(type(value), cls):
            made: _T = value  # type: ignore[assignment]
            return made
        try:
            return read(value)
        except ValidationError as error:
            raise pydantic_error(error, value, title) from None

    return core_schema.no_info_plain_validator_function(
        validate,
        ref=ref,
        serialization=core_schema.plain_serializer_function_ser_schema(write),
    )


def conference_schema(cls: type[_T], form: FormName) -> CoreSchema:
    """The core schema of ``cls`` (:class:`~confdata.ConferenceData`) read and written in
    ``form``."""
    name = _DEFINITION[form]
    read: Callable[[object], _T] = getattr(cls, f"from_{form}_json")
    write: Callable[[_T], object] = getattr(cls, f"to_{form}_json")
    # pydantic names the definition after the dotted name before the colon.
    return value_schema(cls, read=read, write=write, ref=f"confdata.{name}:{form}", title=name)


def inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every ``#/$defs/...`` reference replaced by a copy of its part, and
    no ``$schema`` or ``$defs``: a schema that stays true wherever it is embedded (pydantic
    keeps definitions of its own, which the parts of confdata's schema are not among)."""
    parts: dict[str, Any] = schema.get("$defs", {})

    def inlined(node: object, active: tuple[str, ...]) -> Any:
        if type(node) is list:
            return [inlined(item, active) for item in node]
        if type(node) is not dict:
            return node
        ref = node.get("$ref")
        if type(ref) is str and ref.startswith(_DEFS):
            name = ref.removeprefix(_DEFS)
            if name in active:
                raise ValueError(f"the part {name!r} refers to itself: it cannot be inlined")
            part = inlined(parts[name], (*active, name))
            others = {k: inlined(v, active) for k, v in node.items() if k != "$ref"}
            return {"allOf": [part], **others} if others else part
        return {key: inlined(value, active) for key, value in node.items()}

    body = {k: v for k, v in schema.items() if k not in ("$schema", "$defs")}
    out: dict[str, Any] = inlined(body, ())
    return out


def conference_json_schema(form: FormName) -> dict[str, Any]:
    """confdata's JSON Schema of ``form`` as pydantic embeds it (see :func:`inline_refs`)."""
    return inline_refs(json_schema(form))


class _Form:
    """A marker of the JSON form pydantic reads and writes a ``ConferenceData`` in."""

    __slots__ = ()
    form: ClassVar[FormName]

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        if not (type(source) is type and hasattr(source, f"from_{cls.form}_json")):
            raise TypeError(
                f"{cls.__name__} marks a ConferenceData: Annotated[ConferenceData, "
                f"{cls.__name__}] (got {source!r})"
            )
        return conference_schema(source, cls.form)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        return conference_json_schema(cls.form)


class CalendarForm(_Form):
    """``Annotated[ConferenceData, CalendarForm]``: the Calendar API form, as a bare
    ``ConferenceData`` has it already."""

    __slots__ = ()
    form = "calendar"


class AddonForm(_Form):
    """``Annotated[ConferenceData, AddonForm]``: read and written in the add-on form
    (``ConferenceDataMarkup``), the one an ``onCreateFunction`` answers with."""

    __slots__ = ()
    form = "addon"
