"""The error responses of the fake Calendar, in the shape Google's Calendar API uses.

Google's page "Handle API errors" (developers.google.com/workspace/calendar/api/guides/errors)
documents the body: ``{"error": {"errors": [{"domain", "reason", "message", "locationType",
"location"}], "code", "message"}}``. Each constructor below is one error, with Google's own
reason and message where its pages or users' reports show them; the fake's own details (which
member, why) come as further ``errors`` items of the domain ``FAKE_DOMAIN``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "FAKE_DOMAIN",
    "ApiError",
    "bad_request",
    "condition_not_met",
    "deleted",
    "duplicate",
    "full_sync_required",
    "invalid_conference_data",
    "invalid_conference_type",
    "invalid_field_selection",
    "invalid_json",
    "not_found",
    "not_implemented",
    "not_modified",
    "required",
    "time_range_empty",
]

FAKE_DOMAIN = "confdata.testing.FakeCalendar"
"""The domain of an ``errors`` item whose message is the fake's own, not Google's."""


class ApiError(Exception):
    """An HTTP error answer: its status and its JSON body (None for a body-less 304)."""

    def __init__(
        self,
        status: int,
        message: str,
        errors: Sequence[dict[str, str]] = (),
        *,
        empty: bool = False,
        rpc_status: str | None = None,
    ) -> None:
        super().__init__(f"{status} {message}")
        self.status = status
        self.body: dict[str, Any] | None = None
        if not empty:
            error: dict[str, Any] = {"errors": list(errors), "code": status, "message": message}
            if rpc_status is not None:
                error["status"] = rpc_status
            self.body = {"error": error}


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


def _detailed(reason: str, message: str, detail: str | None) -> list[dict[str, str]]:
    errors = [_error(reason, message)]
    if detail is not None:
        errors.append(_error(reason, detail, domain=FAKE_DOMAIN))
    return errors


def bad_request(
    message: str,
    *,
    reason: str = "invalid",
    location: str | None = None,
    detail: str | None = None,
) -> ApiError:
    """400: an invalid value ("Bad Request", the errors page's first kind); ``location`` names
    the query parameter at fault, ``detail`` says why in the fake's words."""
    if location is not None:
        item = _error(reason, message, location=location, location_type="parameter")
        errors = [item, *_detailed(reason, message, detail)[1:]]
        return ApiError(400, message, errors)
    return ApiError(400, message, _detailed(reason, message, detail))


def required(message: str, *, detail: str | None = None) -> ApiError:
    """400 ``required``: a member the request needs is missing, as in Google's "Missing time
    zone definition for start time." (googleapis/google-api-dotnet-client#1093)."""
    return ApiError(400, message, _detailed("required", message, detail))


def time_range_empty() -> ApiError:
    """400 ``timeRangeEmpty``, exactly as the errors page shows it; Calendar answers an insert
    whose end is before its start with the same body (kewisch/gdata-provider#12)."""
    message = "The specified time range is empty."
    item = _error(
        "timeRangeEmpty",
        message,
        domain="calendar",
        location="timeMax",
        location_type="parameter",
    )
    return ApiError(400, message, [item])


def invalid_json(detail: str) -> ApiError:
    """400 "Invalid JSON payload received.": a body that is not JSON (``NaN``, ``Infinity`` or
    bad syntax), as Google's front end answers (googlecodelabs/feedback#299,
    google-wallet/rest-samples#22)."""
    message = "Invalid JSON payload received. Unexpected token."
    return ApiError(
        400,
        message,
        _detailed("parseError", message, detail),
        rpc_status="INVALID_ARGUMENT",
    )


def invalid_field_selection(selection: str) -> ApiError:
    """400 for a ``fields`` parameter that has an error: "Invalid field selection a/b" (the
    performance guide, "Handling partial responses")."""
    message = f"Invalid field selection {selection}"
    item = _error("invalidParameter", message, location="fields", location_type="parameter")
    return ApiError(400, message, [item])


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
    return ApiError(
        400,
        "Invalid conference type value.",
        _detailed("invalid", "Invalid conference type value.", detail),
    )


def not_found() -> ApiError:
    """404: the calendar, the event or the channel does not exist."""
    return ApiError(404, "Not Found", [_error("notFound", "Not Found")])


def duplicate() -> ApiError:
    """409: an event with the ID given to insert exists already."""
    message = "The requested identifier already exists."
    return ApiError(409, message, [_error("duplicate", message)])


def full_sync_required() -> ApiError:
    """410: the sync token is no longer valid; the client must sync again without one."""
    message = "Sync token is no longer valid, a full sync is required."
    item = _error(
        "fullSyncRequired",
        message,
        domain="calendar",
        location="syncToken",
        location_type="parameter",
    )
    return ApiError(410, message, [item])


def deleted() -> ApiError:
    """410: deleting an event that is deleted already."""
    message = "Resource has been deleted"
    return ApiError(410, message, [_error("deleted", message)])


def condition_not_met() -> ApiError:
    """412: the ``If-Match`` etag is not the event's current one (conditional modification,
    developers.google.com/workspace/calendar/api/guides/version-resources)."""
    message = "Precondition Failed"
    item = _error("conditionNotMet", message, location="If-Match", location_type="header")
    return ApiError(412, message, [item])


def not_modified() -> ApiError:
    """304: ``If-None-Match`` names the current etag (conditional retrieval); no body."""
    return ApiError(304, "Not Modified", empty=True)


def not_implemented(what: str) -> ApiError:
    """501: a method or parameter the fake does not implement (never a silent wrong answer)."""
    message = f"FakeCalendar does not implement {what}"
    return ApiError(501, message, [_error("notImplemented", message, domain=FAKE_DOMAIN)])
