"""What type checkers see: enum fields are the enums, the JSON shapes are the TypedDicts.

The assertions run (``assert_type`` returns its argument) and, what matters, ``mypy --strict``
checks them as part of the gate.
"""

from __future__ import annotations

import typing
from typing import assert_type

from confdata import (
    AddonConferenceData,
    CalendarConferenceData,
    ConferenceData,
    ConferenceError,
    ConferenceErrorType,
    EntryPoint,
    EntryPointFeature,
    EntryPointType,
    Problem,
    RequestStatus,
    SolutionType,
    fixtures,
)


def test_enum_fields_are_the_enums_to_a_type_checker() -> None:
    """EntryPoint.type narrows and matches exhaustively: it is an EntryPointType, not str."""
    data = fixtures.full_conference()
    ep = data.entry_points[0]
    assert_type(ep.type, EntryPointType)
    assert_type(ep.features, tuple[EntryPointFeature, ...])
    assert_type(data.problems, tuple[Problem, ...])
    solution = data.conference_solution
    assert solution is not None
    assert_type(solution.key_type, SolutionType | None)
    request = fixtures.pending_create_request().create_request
    assert request is not None
    assert_type(request.status, RequestStatus | None)
    error = ConferenceError(type=ConferenceErrorType.TEMPORARY)
    assert_type(error.type, ConferenceErrorType)
    match ep.type:
        case EntryPointType.VIDEO | EntryPointType.MORE:
            scheme = "https"
        case EntryPointType.PHONE:
            scheme = "tel"
        case EntryPointType.SIP:
            scheme = "sip"
        case EntryPointType.UNKNOWN:  # only in a value read leniently
            scheme = "?"
        case _:
            typing.assert_never(ep.type)
    assert ep.uri.startswith(scheme)


def test_emitted_json_is_typed_and_its_hints_resolve_at_run_time() -> None:
    """to_calendar_json() and to_addon_json() return the named, importable TypedDicts, and
    typing.get_type_hints resolves them (nothing is imported for type checkers only)."""
    data = fixtures.full_conference()
    assert_type(data.to_calendar_json(), CalendarConferenceData)
    assert_type(data.to_addon_json(), AddonConferenceData)
    hints = typing.get_type_hints(ConferenceData.to_addon_json)
    assert hints["return"] is AddonConferenceData
    assert typing.get_type_hints(ConferenceData.to_calendar_json)["return"] is (
        CalendarConferenceData
    )
    assert typing.get_type_hints(EntryPoint)["type"] is EntryPointType
