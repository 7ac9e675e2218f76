"""The closed sets of the domain. Values are the Calendar form's spellings; each form's own
spellings are in :mod:`confdata._spec`."""

from __future__ import annotations

import enum

__all__ = [
    "ConferenceErrorType",
    "EntryPointFeature",
    "EntryPointType",
    "RequestStatus",
    "SolutionType",
]


class _Member(enum.StrEnum):
    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"


class EntryPointType(_Member):
    """How attendees join: values are the Calendar form's spellings (``VIDEO`` is ``"video"``).

    ``UNKNOWN`` is what a lenient read holds for a type it does not know (the add-on enum's
    ``UNKNOWN``, "do not use"); the spelling read is kept with the entry point. Data built
    with it has the ``enum`` error, and the Calendar form has no spelling for it.
    """

    VIDEO = "video"
    PHONE = "phone"
    SIP = "sip"
    MORE = "more"
    UNKNOWN = "unknown"


class EntryPointFeature(_Member):
    """Features of a phone entry point (Calendar spellings ``toll`` / ``toll_free``)."""

    TOLL = "toll"
    TOLL_FREE = "toll_free"
    UNKNOWN_FEATURE = "unknown_feature"
    """What a lenient read holds for a feature it does not know (see ``EntryPointType``)."""


class ConferenceErrorType(_Member):
    """Why a conference could not be created (the add-on form's spellings)."""

    UNKNOWN = "UNKNOWN"
    AUTHENTICATION = "AUTHENTICATION"
    TEMPORARY = "TEMPORARY"
    PERMANENT = "PERMANENT"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    CONFERENCE_SOLUTION_FORBIDDEN = "CONFERENCE_SOLUTION_FORBIDDEN"


class SolutionType(_Member):
    """Calendar ``conferenceSolutionKey.type``; third-party conferences are ``ADD_ON``."""

    EVENT_HANGOUT = "eventHangout"
    EVENT_NAMED_HANGOUT = "eventNamedHangout"
    HANGOUTS_MEET = "hangoutsMeet"
    ADD_ON = "addOn"


class RequestStatus(_Member):
    """Calendar ``createRequest.status.statusCode`` (read-only, set by the server)."""

    PENDING = "pending"
    SUCCESS = "success"
    FAILURE = "failure"
