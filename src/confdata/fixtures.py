"""Ready-made valid conference data for tests and examples: each call returns a new value.

The builders are imported by each function, not by the module, so that ``confdata example
--help`` can list the fixtures' names without loading them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._core.values import ConferenceData

__all__ = [
    "FIXTURES",
    "authentication_error",
    "full_conference",
    "meet_response",
    "pending_create_request",
    "phone_only",
    "temporary_error",
    "video_only",
]

SOLUTION_ID = "acme-video"


def video_only() -> ConferenceData:
    """The smallest useful conference: one video entry point."""
    from ._core.builders import ConferenceDataBuilder
    from ._core.values import EntryPoint

    return (
        ConferenceDataBuilder()
        .conference_id("vid-123-456")
        .conference_solution_id(SOLUTION_ID)
        .entry_point(
            EntryPoint.video(
                "https://acme.example/j/vid-123-456", label="acme.example/j/vid-123-456"
            )
        )
        .build()
    )


def full_conference() -> ConferenceData:
    """Video, two phones with features and regions, SIP, more, three parameters and notes."""
    from ._core.builders import ConferenceDataBuilder
    from ._core.enums import EntryPointFeature
    from ._core.values import EntryPoint

    return (
        ConferenceDataBuilder()
        .conference_id("123-456-789")
        .conference_solution_id(SOLUTION_ID)
        .entry_point(
            EntryPoint.video(
                "https://acme.example/j/123456789",
                passcode="abc123",
                label="acme.example/j/123456789",
            )
        )
        .entry_point(
            EntryPoint.phone(
                "tel:+12025550123,,123456789#",
                pin="4321",
                region_code="US",
                features=[EntryPointFeature.TOLL],
                label="+1 202-555-0123",
            )
        )
        .entry_point(
            EntryPoint.phone(
                "tel:+18005550199,,123456789#",
                pin="4321",
                region_code="US",
                features=[EntryPointFeature.TOLL_FREE],
            )
        )
        .entry_point(EntryPoint.sip("sip:123456789@sip.acme.example", access_code="9"))
        .entry_point(EntryPoint.more("https://acme.example/dial-in/123456789"))
        .parameter("meetingId", "123456789")
        .parameter("hostKey", "h-42")
        .parameter("region", "us-east")
        .notes(
            'Dial-in numbers for other countries: <a href="https://acme.example/'
            'dial-in/123456789">acme.example</a>'
        )
        .build()
    )


def phone_only() -> ConferenceData:
    """An audio-only conference: one toll phone number."""
    from ._core.builders import ConferenceDataBuilder
    from ._core.enums import EntryPointFeature
    from ._core.values import EntryPoint

    return (
        ConferenceDataBuilder()
        .conference_id("aud-987")
        .conference_solution_id("acme-phone")
        .entry_point(
            EntryPoint.phone(
                "tel:+46850001234", pin="987", region_code="SE", features=[EntryPointFeature.TOLL]
            )
        )
        .build()
    )


def authentication_error() -> ConferenceData:
    """The user must sign in to the provider first (Google's create-conference pattern)."""
    from ._core.builders import ConferenceDataBuilder
    from ._core.enums import ConferenceErrorType

    return (
        ConferenceDataBuilder()
        .conference_solution_id(SOLUTION_ID)
        .error(ConferenceErrorType.AUTHENTICATION, "https://acme.example/oauth/start")
        .build()
    )


def temporary_error() -> ConferenceData:
    """The provider is unavailable for now; Calendar lets the user try again."""
    from ._core.builders import ConferenceDataBuilder
    from ._core.enums import ConferenceErrorType

    return (
        ConferenceDataBuilder()
        .conference_solution_id(SOLUTION_ID)
        .error(ConferenceErrorType.TEMPORARY)
        .build()
    )


def meet_response() -> ConferenceData:
    """What the Calendar API returns for an event with a Google Meet conference."""
    from ._core.spec import CALENDAR_PATHS as at
    from ._core.values import ConferenceData

    return ConferenceData.from_calendar_json(
        _json(
            (
                at.entry_points,
                [
                    _json(
                        (at.entry_point_type, "video"),
                        (at.uri, "https://meet.google.com/abc-defg-hij"),
                        (at.label, "meet.google.com/abc-defg-hij"),
                    ),
                    _json(
                        (at.entry_point_type, "more"),
                        (at.uri, "https://tel.meet/abc-defg-hij?pin=1234567890123"),
                        (at.pin, "1234567890123"),
                    ),
                    _json(
                        (at.entry_point_type, "phone"),
                        (at.uri, "tel:+1-402-555-0176"),
                        (at.label, "+1 402-555-0176"),
                        (at.pin, "123456789"),
                        (at.region_code, "US"),
                    ),
                ],
            ),
            (at.solution_type, "hangoutsMeet"),
            (at.solution_name, "Google Meet"),
            (
                at.solution_icon,
                "https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/"
                "logo_meet_2020q4_color_2x_web_512dp.png",
            ),
            (at.conference_id, "abc-defg-hij"),
            (at.signature, "AGirE/Jmi4pFHkq0kcqgRyOuAR2r"),
        )
    )


def _json(*members: tuple[tuple[str, ...], object]) -> dict[str, Any]:
    """A JSON object with each value at its path (``spec``'s paths), in order; the objects
    on the way are made as needed."""
    out: dict[str, Any] = {}
    for path, value in members:
        here = out
        for name in path[:-1]:
            here = here.setdefault(name, {})
        here[path[-1]] = value
    return out


def pending_create_request() -> ConferenceData:
    """A Meet create request as Calendar reports it while the conference is being made."""
    from ._core.builders import ConferenceDataBuilder, CreateRequestBuilder
    from ._core.enums import RequestStatus, SolutionType
    from ._core.values import CreateRequest

    request = CreateRequestBuilder().solution_type(SolutionType.HANGOUTS_MEET).build()
    pending = CreateRequest(
        request_id=request.request_id,
        solution_type=SolutionType.HANGOUTS_MEET,
        status=RequestStatus.PENDING,
    )
    return ConferenceDataBuilder().create_request(pending).build()


FIXTURES: Mapping[str, Callable[[], ConferenceData]] = MappingProxyType(
    {
        "video": video_only,
        "full": full_conference,
        "phone": phone_only,
        "authentication-error": authentication_error,
        "temporary-error": temporary_error,
        "meet": meet_response,
        "pending": pending_create_request,
    }
)
"""Every fixture by the name ``confdata example --kind`` uses."""
