"""JSON Schema (draft 2020-12) of both forms, expressing as many rules as JSON Schema can.

The schema is written from the shapes of :mod:`confdata._core.spec`: every object's members,
their JSON types, limits and enums, what is required, and ``null`` where the form reads it as
absent (an optional member, SPEC §4.1). The rules about members together that a schema can
say (a URI's scheme by entry point type, features and region codes on phones only, one video,
SIP and more entry point, not only more, what a result requires) are added as conditions.
:data:`NOT_EXPRESSED` lists what stays with ``validate_*_json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

from . import spec
from .enums import ConferenceErrorType, EntryPointType, SolutionType
from .foreign import exact_str
from .sink import single
from .spec import Choice, Form, Many, Member, Nested, Pairs, Shape, Text
from .text import show

__all__ = ["NOT_EXPRESSED", "json_schema"]

NOT_EXPRESSED: Mapping[str, str] = MappingProxyType(
    {
        "duplicate-key": "a parsed JSON value has no duplicate keys left to see",
        "duplicate-parameter-key": "uniqueness of one member across array items (add-on form)",
        "solution-id-unknown": "needs the add-on manifest",
        "max-length": "partly: JSON Schema counts code points, Google counts UTF-16 code units",
        "uri-malformed": "partly: hosts are checked by shape only",
        "auth-url-scheme": "partly: hosts are checked by shape only",
        "error-not-writable": "a rule of the write helper, not of the data",
        "warnings": "no warning is expressed: a schema can only accept or reject",
    }
)
"""Rules the exported schema leaves to ``validate_*_json``, with the reason."""

# The entry point array's name, the same in both forms: also its part's name in ``$defs``.
_ENTRY_POINTS = spec.CALENDAR.entry_points_member

_NO_CONTROL = "^[^\\s\\u0000-\\u001f\\u007f-\\u009f]*$"


def _scheme_pattern(schemes: tuple[str, ...]) -> str:
    """A pattern for URIs of these schemes (case-insensitive, as RFC 3986 compares them)."""
    spelled = "|".join("".join(f"[{c.upper()}{c}]" for c in s) for s in schemes)
    authority = "//[^/?#\\s]+" if set(schemes) <= set(spec.HTTP_SCHEMES) else "."
    return f"^(?:{spelled}):{authority}"


def _uri_pattern(kind: EntryPointType) -> str:
    schemes = spec.SCHEMES[kind]
    # A warning is no rejection: sips: on a SIP entry point is only warned about.
    return _scheme_pattern((*schemes, spec.SIPS) if kind is EntryPointType.SIP else schemes)


def _nullable(schema: dict[str, Any], member: Member) -> dict[str, Any]:
    """``null`` is read as absent for a member its object can be without (SPEC §4.1)."""
    if member.required == "always":
        return schema
    return {"anyOf": [{"type": "null"}, schema]}


def _string(text: Text) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if text.nonempty:
        schema["minLength"] = 1
    if text.limit is not None:
        schema["maxLength"] = text.limit
    if text is spec.URI:
        schema["pattern"] = _NO_CONTROL
    elif text is spec.REGION_CODE:
        schema["pattern"] = "^[A-Z]{2}$"
    return schema


def _member(member: Member, form: Form) -> dict[str, Any]:
    if isinstance(member, Text):
        return _nullable(_string(member), member)
    if isinstance(member, Choice):
        return _nullable({"enum": list(member.table)}, member)
    if isinstance(member, Nested):
        return _nullable(_object(member.shape, form), member)
    if isinstance(member, Pairs):
        return _nullable(
            {
                "type": "object",
                "maxProperties": member.limit,
                "propertyNames": _string(member.key),
                "additionalProperties": _string(member.value),
            },
            member,
        )
    assert isinstance(member, Many)
    if isinstance(member.item, Choice):
        items: dict[str, Any] = {"enum": list(member.item.table)}
    elif member.item is form.entry_point:
        return _nullable({"$ref": f"#/$defs/{_ENTRY_POINTS}"}, member)
    else:
        items = _object(member.item, form)
    schema: dict[str, Any] = {"type": "array", "items": items}
    if member.limit is not None:
        schema["maxItems"] = member.limit
    return _nullable(schema, member)


def _object(shape: Shape, form: Form) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {member.json: _member(member, form) for member in shape.members},
    }
    required = [member.json for member in shape.members if member.required == "always"]
    if required:
        schema["required"] = required
    if shape is form.entry_point:
        schema["allOf"] = _entry_point_rules(form)
    elif shape.name == "error":
        schema.update(_error_rules(shape))
    return schema


def _is_type(form: Form, kind: EntryPointType) -> dict[str, Any]:
    return {
        "properties": {form.type_member: {"const": form.type_spellings[kind]}},
        "required": [form.type_member],
    }


def _entry_point_rules(form: Form) -> list[dict[str, Any]]:
    """``uri-scheme`` by type, ``toll-and-toll-free``, and features and region codes on phones
    only (``feature-not-phone``, ``region-not-phone``)."""
    toll, toll_free = (form.feature_spellings[f] for f in spec.FEATURES)
    rules: list[dict[str, Any]] = [
        {
            "if": _is_type(form, kind),
            "then": {"properties": {"uri": {"pattern": _uri_pattern(kind)}}},
        }
        for kind in spec.ENTRY_POINT_TYPES
    ]
    rules.append(
        {
            "not": {
                "properties": {
                    form.features_member: {
                        "allOf": [{"contains": {"const": toll}}, {"contains": {"const": toll_free}}]
                    }
                },
                "required": [form.features_member],
            }
        }
    )
    rules.append(
        {
            "if": {
                "properties": {
                    form.type_member: {"not": {"const": form.type_spellings[EntryPointType.PHONE]}}
                },
                "required": [form.type_member],
            },
            "then": {
                "properties": {
                    spec.REGION_CODE.json: {"type": "null"},
                    form.features_member: {"anyOf": [{"type": "null"}, {"maxItems": 0}]},
                }
            },
        }
    )
    return rules


def _entry_points(form: Form) -> dict[str, Any]:
    """The entry point array: ``max-items``, ``duplicate-entry-point-type``, ``more-only``."""
    once = [
        {"not": {"contains": _is_type(form, kind), "minContains": 2}}
        for kind in spec.ENTRY_POINT_TYPES
        if kind in spec.UNIQUE_TYPES
    ]
    not_only_more = {
        "if": {"minItems": 1},
        "then": {"contains": {"not": _is_type(form, EntryPointType.MORE)}},
    }
    return {
        "type": "array",
        "maxItems": spec.MAX_ITEMS,
        "items": {"$ref": "#/$defs/entryPoint"},
        "allOf": [*once, not_only_more],
    }


def _error_rules(shape: Shape) -> dict[str, Any]:
    """``auth-url-required`` and ``auth-url-scheme`` (the error's own members)."""
    url = shape.by_json[spec.AUTH_URL_ADDON.json]
    assert isinstance(url, Text)
    type_member = shape.members[0].json
    return {
        "properties": {
            **{m.json: _member(m, spec.ADDON) for m in shape.members},
            url.json: _nullable(
                {
                    **_string(url),
                    "allOf": [
                        {"pattern": _scheme_pattern(spec.HTTP_SCHEMES)},
                        {"pattern": _NO_CONTROL},
                    ],
                },
                url,
            ),
        },
        "if": {
            "properties": {type_member: {"const": ConferenceErrorType.AUTHENTICATION.value}},
            "required": [type_member],
        },
        "then": {"required": [url.json], "properties": {url.json: {"type": "string"}}},
    }


def _present(name: str) -> dict[str, Any]:
    """``name`` is there and not null (a null member reads as absent)."""
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def _at(path: tuple[str, ...], condition: dict[str, Any]) -> dict[str, Any]:
    """``condition`` on the member at ``path``, which must be there (and each object on the
    way)."""
    for name in reversed(path):
        condition = {"properties": {name: condition}, "required": [name]}
    return condition


def _calendar() -> dict[str, Any]:
    form = spec.CALENDAR
    paths = spec.CALENDAR_PATHS
    body = _object(form.conference, form)
    some_entry_points = {
        **_present(_ENTRY_POINTS),
        "properties": {_ENTRY_POINTS: {"minItems": 1}},
    }
    body["anyOf"] = [
        _present(paths.create_request[0]),
        {"allOf": [_present(paths.solution[0]), some_entry_points]},
    ]
    # An addOn conference needs its ID (SPEC §4.1).
    body["if"] = _at(paths.solution_type, {"const": SolutionType.ADD_ON.value})
    body["then"] = _present(spec.CONFERENCE_ID.json)
    return body


def _addon() -> dict[str, Any]:
    form = spec.ADDON
    body = _object(form.conference, form)
    body["if"] = _present(spec.json_path(form.conference, "error")[0])
    body["else"] = {
        "allOf": [_present(spec.CONFERENCE_ID.json), _present(_ENTRY_POINTS)],
        "properties": {_ENTRY_POINTS: {"minItems": 1}},
    }
    return body


_TITLES = {
    "calendar": "Calendar API v3 Event.conferenceData, as checked by confdata",
    "addon": "Add-on ConferenceDataMarkup, as checked by confdata",
}


_DEFS = "#/$defs/"
_MODEL = "{model}"


def _relocated(schema: dict[str, Any], form: str, template: str) -> dict[str, Any]:
    """``schema`` ready to embed: ``$schema`` left to the host document, each part of ``$defs``
    renamed ``confdata.<form>.<part>`` and every ``$ref`` to it made from ``template``."""
    names = {name: f"confdata.{form}.{name}" for name in schema["$defs"]}

    def moved(node: object) -> Any:
        if type(node) is list:
            return [moved(item) for item in node]
        if type(node) is not dict:
            return node
        out = {key: moved(value) for key, value in node.items()}
        ref = out.get("$ref")
        if type(ref) is str and ref.startswith(_DEFS):
            out["$ref"] = template.replace(_MODEL, names[ref.removeprefix(_DEFS)])
        return out

    body = {key: value for key, value in schema.items() if key not in ("$schema", "$defs")}
    relocated: dict[str, Any] = moved(body)
    relocated["$defs"] = {names[name]: moved(part) for name, part in schema["$defs"].items()}
    return relocated


def json_schema(
    form: Literal["calendar", "addon"] = "calendar", *, ref_template: str | None = None
) -> dict[str, Any]:
    """A fresh JSON Schema (draft 2020-12) of the ``calendar`` or ``addon`` form.

    By default the schema stands alone: its parts are in ``$defs``, referred to as
    ``#/$defs/<part>``. To embed it in a larger document, such as an OpenAPI document, give
    ``ref_template`` as pydantic spells it (``"#/components/schemas/{model}"``): each part is
    then named ``confdata.<form>.<part>`` (unique across both forms), every ``$ref`` to it is
    the template with ``{model}`` replaced by that name, and the parts stay in ``$defs`` for
    the caller to move where the template points. ``$schema`` is left out then: the host
    document says which dialect it uses.
    """
    name = exact_str(form)
    if name is None or name not in spec.FORMS:
        raise single("enum", "", f"form must be 'calendar' or 'addon' (got {show(form)})")
    template = None if ref_template is None else exact_str(ref_template)
    if ref_template is not None and (template is None or _MODEL not in template):
        raise single(
            "type",
            "/ref_template",
            f"ref_template must be a string containing {_MODEL}, such as "
            f"'#/components/schemas/{_MODEL}' (got {show(ref_template)})",
        )
    shape = spec.FORMS[name]
    body = _calendar() if name == "calendar" else _addon()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": _TITLES[name],
        **body,
        "$defs": {
            "entryPoint": _object(shape.entry_point, shape),
            _ENTRY_POINTS: _entry_points(shape),
        },
    }
    return schema if template is None else _relocated(schema, name, template)
