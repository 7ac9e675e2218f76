"""JSON Schema (draft 2020-12) of both forms, expressing as many rules as JSON Schema can.

What it cannot express is listed in :data:`NOT_EXPRESSED`; use the validator for those.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

from . import spec as _spec
from .enums import ConferenceErrorType, EntryPointFeature, EntryPointType, SolutionType
from .rules.members import exact_str
from .sink import single
from .spec import ADDON, CALENDAR, MAX_ITEMS, Form, Text
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

_NO_CONTROL = "^[^\\s\\u0000-\\u001f\\u007f-\\u009f]*$"


def _scheme_pattern(schemes: tuple[str, ...]) -> str:
    """A pattern for URIs of these schemes (case-insensitive, as RFC 3986 compares them)."""
    spelled = "|".join("".join(f"[{c.upper()}{c}]" for c in s) for s in schemes)
    authority = "//[^/?#\\s]+" if set(schemes) <= set(_spec.HTTP_SCHEMES) else "."
    return f"^(?:{spelled}):{authority}"


def _uri_pattern(kind: EntryPointType) -> str:
    schemes = _spec.SCHEMES[kind]
    # A warning is no rejection: sips: on a SIP entry point is only warned about.
    return _scheme_pattern((*schemes, _spec.SIPS) if kind is EntryPointType.SIP else schemes)


def _string(spec: Text | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if spec is not None and spec.nonempty:
        schema["minLength"] = 1
    if spec is not None and spec.limit is not None:
        schema["maxLength"] = spec.limit
    return schema


def _is_type(form: Form, kind: EntryPointType) -> dict[str, Any]:
    return {
        "properties": {form.type_member: {"const": form.type_spellings[kind]}},
        "required": [form.type_member],
    }


def _entry_point(form: Form) -> dict[str, Any]:
    feature_names = [form.feature_spellings[f] for f in EntryPointFeature]
    toll, toll_free = (
        form.feature_spellings[f] for f in (EntryPointFeature.TOLL, EntryPointFeature.TOLL_FREE)
    )
    properties: dict[str, Any] = {
        form.type_member: {"enum": [form.type_spellings[t] for t in EntryPointType]},
        **{spec.json: _string(spec) for spec in _spec.ENTRY_POINT_TEXTS},
        form.features_member: {
            "type": "array",
            "items": {"enum": feature_names},
            "not": {"allOf": [{"contains": {"const": toll}}, {"contains": {"const": toll_free}}]},
        },
    }
    properties["uri"]["pattern"] = _NO_CONTROL
    properties["regionCode"]["pattern"] = "^[A-Z]{2}$"
    rules: list[dict[str, Any]] = [
        {
            "if": _is_type(form, kind),
            "then": {"properties": {"uri": {"pattern": _uri_pattern(kind)}}},
        }
        for kind in EntryPointType
    ]
    rules.append(
        {
            "if": {
                "properties": {
                    form.type_member: {"not": {"const": form.type_spellings[EntryPointType.PHONE]}}
                },
                "required": [form.type_member],
            },
            "then": {"properties": {"regionCode": False, form.features_member: {"maxItems": 0}}},
        }
    )
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [form.type_member, "uri"],
        "properties": properties,
        "allOf": rules,
    }


def _entry_points(form: Form) -> dict[str, Any]:
    once = [
        {"not": {"contains": _is_type(form, kind), "minContains": 2}}
        for kind in EntryPointType
        if kind in _spec.UNIQUE_TYPES
    ]
    not_only_more = {
        "if": {"minItems": 1},
        "then": {"contains": {"not": _is_type(form, EntryPointType.MORE)}},
    }
    return {
        "type": "array",
        "maxItems": MAX_ITEMS,
        "items": {"$ref": "#/$defs/entryPoint"},
        "allOf": [*once, not_only_more],
    }


def _key(enum_values: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {"type": {"enum": enum_values}},
    }


def _calendar() -> dict[str, Any]:
    solution_types = list(_spec.SOLUTION_TYPES)
    return {
        "title": "Calendar API v3 Event.conferenceData, as checked by confdata",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "conferenceId": _string(_spec.CONFERENCE_ID),
            "conferenceSolution": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "key": _key(solution_types),
                    "name": _string(_spec.SOLUTION_NAME),
                    "iconUri": _string(_spec.ICON_URI),
                },
            },
            "createRequest": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "requestId": _string(_spec.REQUEST_ID),
                    "conferenceSolutionKey": _key(solution_types),
                    "status": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {"statusCode": {"enum": list(_spec.STATUSES)}},
                    },
                },
            },
            "entryPoints": {"$ref": "#/$defs/entryPoints"},
            "notes": _string(CALENDAR.notes),
            "parameters": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "addOnParameters": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "parameters": {
                                "type": "object",
                                "maxProperties": MAX_ITEMS,
                                "propertyNames": _string(_spec.PARAMETER_KEY),
                                "additionalProperties": _string(_spec.PARAMETER_VALUE),
                            }
                        },
                    }
                },
            },
            "signature": _string(_spec.SIGNATURE),
        },
        "anyOf": [
            {"required": ["createRequest"]},
            {
                "required": ["conferenceSolution", "entryPoints"],
                "properties": {"entryPoints": {"minItems": 1}},
            },
        ],
        "if": {
            "properties": {
                "conferenceSolution": {
                    "properties": {
                        "key": {
                            "properties": {"type": {"const": SolutionType.ADD_ON.value}},
                            "required": ["type"],
                        }
                    },
                    "required": ["key"],
                }
            },
            "required": ["conferenceSolution"],
        },
        "then": {"required": ["conferenceId"]},
        "$defs": {"entryPoint": _entry_point(CALENDAR), "entryPoints": _entry_points(CALENDAR)},
    }


def _addon() -> dict[str, Any]:
    return {
        "title": "Add-on ConferenceDataMarkup, as checked by confdata",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "conferenceId": _string(_spec.CONFERENCE_ID),
            "conferenceSolutionId": _string(_spec.SOLUTION_ID),
            "entryPoints": {"$ref": "#/$defs/entryPoints"},
            "parameters": {
                "type": "array",
                "maxItems": MAX_ITEMS,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["key", "value"],
                    "properties": {
                        "key": _string(_spec.PARAMETER_KEY),
                        "value": _string(_spec.PARAMETER_VALUE),
                    },
                },
            },
            "error": {
                "type": "object",
                "additionalProperties": False,
                "required": ["type"],
                "properties": {
                    "type": {"enum": list(_spec.ERROR_TYPES)},
                    "authenticationUrl": {
                        **_string(ADDON.auth_url),
                        "allOf": [
                            {"pattern": _scheme_pattern(_spec.HTTP_SCHEMES)},
                            {"pattern": _NO_CONTROL},
                        ],
                    },
                },
                "if": {
                    "properties": {"type": {"const": ConferenceErrorType.AUTHENTICATION.value}},
                    "required": ["type"],
                },
                "then": {"required": ["authenticationUrl"]},
            },
            "note": _string(ADDON.notes),
        },
        "if": {"required": ["error"]},
        "else": {
            "required": ["conferenceId", "entryPoints"],
            "properties": {"entryPoints": {"minItems": 1}},
        },
        "$defs": {"entryPoint": _entry_point(ADDON), "entryPoints": _entry_points(ADDON)},
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
    if name is None or name not in _spec.FORMS:
        raise single("enum", "", f"form must be 'calendar' or 'addon' (got {show(form)})")
    template = None if ref_template is None else exact_str(ref_template)
    if ref_template is not None and (template is None or _MODEL not in template):
        raise single(
            "type",
            "/ref_template",
            f"ref_template must be a string containing {_MODEL}, such as "
            f"'#/components/schemas/{_MODEL}' (got {show(ref_template)})",
        )
    body = _calendar() if name == "calendar" else _addon()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **body}
    return schema if template is None else _relocated(schema, name, template)
