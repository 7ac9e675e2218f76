"""The error responses of the fake Calendar, in the shape Google's Calendar API uses.

Google's page "Handle API errors" (developers.google.com/workspace/calendar/api/guides/errors)
documents the body: ``{"error": {"errors": [{"domain", "reason", "message", "locationType",
"location"}], "code", "message"}}``. Each constructor below is one documented error, with
Google's own message where the page or users' reports show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "ApiError",
    "bad_request",
    "condition_not_met",
    "deleted",
    "duplicate",
    "full_sync_required",
    "invalid_conference_data",
    "invalid_conference_type",
    "not_found",
    "not_implemented",
    "not_modified",
]

# Where a message comes from the fake itself rather than from Google.
FAKE_DOMAIN = "confdata.testing.FakeCalendar"


class ApiError(Exception):
    """An HTTP error answer: its status and its JSON body (None for a body-less 304)."""

    def __init__(
        self,
        status: int,
        message: str,
        errors: Sequence[dict[str, str]] = (),
        *,
        empty: bool = False,
    ) -> None:
        super().__init__(f"{status} {message}")
        self.status = status
        self.body: dict[str, Any] | None = (
            None
            if empty
            else {"error": {"errors": list(errors), "code": status, "message": message}}
        )


def _error(
    reason: str,
    message: str,
    *,
    domain: str = "global",
    location: str | None = None,
    location_type: str | None = None,
) -> dict[str, str]:
    item = {"domain": domain, "reason": reason, "message": message}
    if location_type is not None:
        item["locationType"] = location_type
    if location is not None:
        item["location"] = location
    return item


def bad_request(message: str, *, reason: str = "invalid", location: str | None = None) -> ApiError:
    """400: a missing or invalid value (the page's first error, ``timeRangeEmpty`` and kin)."""
    kind = None if location is None else "parameter"
    return ApiError(400, message, [_error(reason, message, location=location, location_type=kind)])


def invalid_conference_data(details: Sequence[str]) -> ApiError:
    """400 "Invalid conference data.": what users report for conference data Calendar refuses
    (openclaw/gogcli#590); ``details`` say why, as the fake's own errors."""
    message = "Invalid conference data."
    errors = [_error("invalid", message)]
    errors.extend(_error("invalid", detail, domain=FAKE_DOMAIN) for detail in details)
    return ApiError(400, message, errors)


def invalid_conference_type(detail: str) -> ApiError:
    """400 "Invalid conference type value.": a create request for a solution type the calendar
    does not allow (googleapis/google-api-nodejs-client#2387, google-api-dotnet-client#2760)."""
    message = "Invalid conference type value."
    return ApiError(
        400, message, [_error("invalid", message), _error("invalid", detail, domain=FAKE_DOMAIN)]
    )


def not_found() -> ApiError:
    """404: the calendar or the event does not exist."""
    return ApiError(404, "Not Found", [_error("notFound", "Not Found")])


def duplicate() -> ApiError:
    """409: an event with the ID given to insert exists already."""
    message = "The requested identifier already exists."
    return ApiError(409, message, [_error("duplicate", message)])


def full_sync_required() -> ApiError:
    """410: the sync token is no longer valid; the client must sync again without one."""
    message = "Sync token is no longer valid, a full sync is required."
    return ApiError(
        410,
        message,
        [
            _error(
                "fullSyncRequired",
                message,
                domain="calendar",
                location="syncToken",
                location_type="parameter",
            )
        ],
    )


def deleted() -> ApiError:
    """410: deleting an event that is deleted already."""
    message = "Resource has been deleted"
    return ApiError(410, message, [_error("deleted", message)])


def condition_not_met() -> ApiError:
    """412: the ``If-Match`` etag is not the event's current one (conditional modification,
    developers.google.com/workspace/calendar/api/guides/version-resources)."""
    message = "Precondition Failed"
    return ApiError(
        412,
        message,
        [_error("conditionNotMet", message, location="If-Match", location_type="header")],
    )


def not_modified() -> ApiError:
    """304: ``If-None-Match`` names the current etag (conditional retrieval); no body."""
    return ApiError(304, "Not Modified", empty=True)


def not_implemented(what: str) -> ApiError:
    """501: a method or parameter the fake does not implement (never a silent wrong answer)."""
    message = f"FakeCalendar does not implement {what}"
    return ApiError(501, message, [_error("notImplemented", message, domain=FAKE_DOMAIN)])
