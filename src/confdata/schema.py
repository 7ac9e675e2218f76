"""JSON Schema (draft 2020-12) of both forms, expressing as many rules as JSON Schema can.

What it cannot express is listed in :data:`NOT_EXPRESSED`; use the validator for those.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal

from ._checks import (
    LIMIT_AUTH_URL_ADDON,
    LIMIT_CONFERENCE_ID,
    LIMIT_LABEL,
    LIMIT_NOTES,
    LIMIT_PARAMETER_KEY,
    LIMIT_PARAMETER_VALUE,
    LIMIT_SECRET,
    LIMIT_SOLUTION_ID,
    LIMIT_URI,
    MAX_ITEMS,
    FormNames,
)
from ._enums import EntryPointFeature, EntryPointType
from ._forms import ADDON, CALENDAR, ERROR_TYPES, REQUEST_STATUSES, SOLUTION_TYPES, require_form

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
_HTTP = "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\s]+"
_URI_PATTERNS = {
    EntryPointType.VIDEO: _HTTP,
    EntryPointType.MORE: _HTTP,
    EntryPointType.PHONE: "^[Tt][Ee][Ll]:.",
    EntryPointType.SIP: "^[Ss][Ii][Pp][Ss]?:.",
}


def _string(max_length: int | None = None, *, min_length: int = 0) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if min_length:
        schema["minLength"] = min_length
    if max_length is not None:
        schema["maxLength"] = max_length
    return schema


def _is_type(names: FormNames, kind: EntryPointType) -> dict[str, Any]:
    return {
        "properties": {names.entry_point_type: {"const": names.type_names[kind]}},
        "required": [names.entry_point_type],
    }


def _entry_point(names: FormNames) -> dict[str, Any]:
    feature_names = [names.feature_names[f] for f in EntryPointFeature]
    toll, toll_free = (names.feature_names[f] for f in EntryPointFeature)
    properties: dict[str, Any] = {
        names.entry_point_type: {"enum": [names.type_names[t] for t in EntryPointType]},
        "uri": {**_string(LIMIT_URI, min_length=1), "pattern": _NO_CONTROL},
        "label": _string(LIMIT_LABEL),
        **{
            name: _string(LIMIT_SECRET)
            for name in ("pin", "accessCode", "meetingCode", "passcode", "password")
        },
        "regionCode": {"type": "string", "pattern": "^[A-Z]{2}$"},
        names.features: {
            "type": "array",
            "items": {"enum": feature_names},
            "not": {"allOf": [{"contains": {"const": toll}}, {"contains": {"const": toll_free}}]},
        },
    }
    rules: list[dict[str, Any]] = [
        {"if": _is_type(names, kind), "then": {"properties": {"uri": {"pattern": pattern}}}}
        for kind, pattern in _URI_PATTERNS.items()
    ]
    rules.append(
        {
            "if": {
                "properties": {
                    names.entry_point_type: {
                        "not": {"const": names.type_names[EntryPointType.PHONE]}
                    }
                },
                "required": [names.entry_point_type],
            },
            "then": {"properties": {"regionCode": False, names.features: {"maxItems": 0}}},
        }
    )
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [names.entry_point_type, "uri"],
        "properties": properties,
        "allOf": rules,
    }


def _entry_points(names: FormNames) -> dict[str, Any]:
    once = [
        {"not": {"contains": _is_type(names, kind), "minContains": 2}}
        for kind in (EntryPointType.VIDEO, EntryPointType.SIP, EntryPointType.MORE)
    ]
    not_only_more = {
        "if": {"minItems": 1},
        "then": {"contains": {"not": _is_type(names, EntryPointType.MORE)}},
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
    solution_types = list(SOLUTION_TYPES)
    return {
        "title": "Calendar API v3 Event.conferenceData, as checked by confdata",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "conferenceId": _string(LIMIT_CONFERENCE_ID, min_length=1),
            "conferenceSolution": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "key": _key(solution_types),
                    "name": _string(),
                    "iconUri": _string(),
                },
            },
            "createRequest": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "requestId": _string(min_length=1),
                    "conferenceSolutionKey": _key(solution_types),
                    "status": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {"statusCode": {"enum": list(REQUEST_STATUSES)}},
                    },
                },
            },
            "entryPoints": {"$ref": "#/$defs/entryPoints"},
            "notes": _string(LIMIT_NOTES),
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
                                "propertyNames": {"minLength": 1, "maxLength": LIMIT_PARAMETER_KEY},
                                "additionalProperties": _string(LIMIT_PARAMETER_VALUE),
                            }
                        },
                    }
                },
            },
            "signature": _string(),
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
                        "key": {"properties": {"type": {"const": "addOn"}}, "required": ["type"]}
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
            "conferenceId": _string(LIMIT_CONFERENCE_ID, min_length=1),
            "conferenceSolutionId": _string(LIMIT_SOLUTION_ID, min_length=1),
            "entryPoints": {"$ref": "#/$defs/entryPoints"},
            "parameters": {
                "type": "array",
                "maxItems": MAX_ITEMS,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["key", "value"],
                    "properties": {
                        "key": _string(LIMIT_PARAMETER_KEY, min_length=1),
                        "value": _string(LIMIT_PARAMETER_VALUE),
                    },
                },
            },
            "error": {
                "type": "object",
                "additionalProperties": False,
                "required": ["type"],
                "properties": {
                    "type": {"enum": list(ERROR_TYPES)},
                    "authenticationUrl": {
                        **_string(LIMIT_AUTH_URL_ADDON),
                        "allOf": [{"pattern": _HTTP}, {"pattern": _NO_CONTROL}],
                    },
                },
                "if": {"properties": {"type": {"const": "AUTHENTICATION"}}, "required": ["type"]},
                "then": {"required": ["authenticationUrl"]},
            },
            "note": _string(LIMIT_NOTES),
        },
        "if": {"required": ["error"]},
        "else": {
            "required": ["conferenceId", "entryPoints"],
            "properties": {"entryPoints": {"minItems": 1}},
        },
        "$defs": {"entryPoint": _entry_point(ADDON), "entryPoints": _entry_points(ADDON)},
    }


def json_schema(form: Literal["calendar", "addon"] = "calendar") -> dict[str, Any]:
    """A fresh JSON Schema (draft 2020-12) of the ``calendar`` or ``addon`` form."""
    require_form(form)
    body = _calendar() if form == "calendar" else _addon()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **body}
