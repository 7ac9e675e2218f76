"""The rules applied to the fields of a value, paths spelled as in the Calendar form.

The values (:mod:`confdata.model`) and the builders call these with what they hold; each
returns the problems as a tuple, empty for a clean value. Like the JSON walkers, they read
nothing but the fields given and report through the rule functions.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TypeVar

from . import spec as _spec
from .enums import (
    ConferenceErrorType,
    EntryPointFeature,
    EntryPointType,
    RequestStatus,
    SolutionType,
)
from .rules import conference as whole
from .rules import entry_points as entry_point_rules
from .rules import members as rules
from .rules.members import Where
from .sink import Sink
from .spec import CALENDAR, Text

__all__ = [
    "create_request_problems",
    "entry_point_problems",
    "error_problems",
    "optional_text",
    "parameter_problems",
    "solution_problems",
]

_AT: Where = ("",)
_M = TypeVar("_M", bound=enum.Enum)


def optional_text(sink: Sink, value: object, spec: Text, at: Where = _AT) -> str | None:
    """Rules ``type``, ``empty`` and ``max-length`` for a field that may be None."""
    if value is None:
        return None
    return rules.text(sink, value, spec, at, spec.json)


def member(
    sink: Sink,
    value: object,
    cls: type[_M],
    table: Mapping[str, _M],
    what: str,
    at: Where,
    name: str | int,
) -> _M | None:
    """An enum field: the member itself, or ``value`` reported by the ``enum`` rule."""
    if isinstance(value, cls):
        return value
    return rules.enum_value(sink, value, table, what, at, name)


def entry_point_problems(
    sink: Sink,
    kind: object,
    uri: object,
    label: object,
    secrets: tuple[object, ...],
    region_code: object,
    features: object,
    *,
    complete: bool = True,
) -> None:
    """Every rule about one entry point's fields (``secrets`` in the order of
    :data:`confdata._spec.SECRETS`). An entry point needs its type and URI (``required``);
    ``complete=False`` is for a builder on its way, which may not have them yet."""
    found_kind = None
    if kind is not None:
        found_kind = member(
            sink, kind, EntryPointType, CALENDAR.types, "entryPointType", _AT, "entryPointType"
        )
    elif complete:
        rules.required(sink, "entryPointType", _AT, "entryPointType")
    if uri is None and complete:
        rules.required(sink, "uri", _AT, "uri")
    found_uri = optional_text(sink, uri, _spec.URI)
    found_label = optional_text(sink, label, _spec.LABEL)
    for spec, value in zip(_spec.SECRETS, secrets, strict=True):
        if value is not None:
            rules.text(sink, value, spec, _AT, spec.json)
    region = optional_text(sink, region_code, _spec.REGION_CODE)
    found_features: list[EntryPointFeature | None] | None = None
    if type(features) is not tuple:
        rules.wrong_type(
            sink, features, "an array", "entryPointFeatures", _AT, "entryPointFeatures"
        )
    elif features:
        where = (*_AT, "entryPointFeatures")
        found_features = [
            member(
                sink, f, EntryPointFeature, CALENDAR.features, "entryPointFeatures item", where, i
            )
            for i, f in enumerate(features)
        ]
    entry_point_rules.entry_point(
        sink, CALENDAR, _AT, found_kind, found_uri, found_label, region, found_features
    )


def parameter_problems(sink: Sink, key: object, value: object) -> None:
    """Rules for one parameter: a key (``required``) of at most 50 characters, a value
    (``required``) of at most 1024."""
    for spec, given in ((_spec.PARAMETER_KEY, key), (_spec.PARAMETER_VALUE, value)):
        if given is None:
            rules.required(sink, spec.json, _AT, spec.json)
        else:
            rules.text(sink, given, spec, _AT, spec.json)


def error_problems(sink: Sink, kind: object, authentication_url: object) -> None:
    """A known error type (``required``), and the authentication URL rules (the model's 1800
    limit)."""
    found = None
    if kind is None:
        rules.required(sink, "type", _AT, "type")
    else:
        found = member(
            sink, kind, ConferenceErrorType, _spec.ERROR_TYPES, "error type", _AT, "type"
        )
    url = optional_text(sink, authentication_url, _spec.AUTH_URL_MODEL)
    whole.error(sink, found, url, authentication_url is not None, _AT)


def solution_problems(sink: Sink, key_type: object, name: object, icon_uri: object) -> None:
    """The Calendar-side conference solution: a known key type, and text for the rest."""
    if key_type is not None:
        where = (*_AT, "key")
        kind = member(sink, key_type, SolutionType, _spec.SOLUTION_TYPES, "key.type", where, "type")
        whole.solution_type(sink, kind, where, "type")
    optional_text(sink, name, _spec.SOLUTION_NAME)
    optional_text(sink, icon_uri, _spec.ICON_URI)


def create_request_problems(
    sink: Sink, request_id: object, solution_type: object, status: object
) -> None:
    """A Calendar create request: a non-empty ID, a known solution type and status."""
    optional_text(sink, request_id, _spec.REQUEST_ID)
    if solution_type is not None:
        where = (*_AT, "conferenceSolutionKey")
        kind = member(
            sink,
            solution_type,
            SolutionType,
            _spec.SOLUTION_TYPES,
            "conferenceSolutionKey.type",
            where,
            "type",
        )
        whole.solution_type(sink, kind, where, "type")
    if status is not None:
        member(
            sink,
            status,
            RequestStatus,
            _spec.STATUSES,
            "statusCode",
            (*_AT, "status"),
            "statusCode",
        )
