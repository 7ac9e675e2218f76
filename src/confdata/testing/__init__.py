"""Tools for users' test suites: fixtures, an assertion, Hypothesis strategies, a fake Calendar.

The fixtures and :func:`assert_valid_conference_data` need nothing more than confdata. The
strategies need Hypothesis (confdata's ``testing`` extra); with it installed,
``st.from_type(ConferenceData)`` and ``st.from_type(EntryPoint)`` work too.
:class:`FakeGoogleIdentity`, which signs identity tokens for tests of a backend, needs
google-auth and cryptography (``pip install confdata[server] cryptography``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ..fixtures import (
    authentication_error,
    full_conference,
    meet_response,
    pending_create_request,
    phone_only,
    temporary_error,
    video_only,
)
from ._assertions import assert_valid_conference_data

if TYPE_CHECKING:
    from ._fake.calendar import FakeCalendar
    from ._fake.http import FakeCall
    from ._identity import FakeGoogleIdentity
    from ._invalid import InvalidExample, invalid_addon_json, invalid_calendar_json
    from ._strategies import (
        addon_json,
        calendar_json,
        conference_data,
        conference_errors,
        entry_points,
        limited_text,
    )

# Names loaded when first asked for, and their modules: the strategies need Hypothesis, the
# fake Google identity google-auth and cryptography, and the fake Calendar is not needed by
# most tests.
_LAZY = {
    "FakeCalendar": "_fake.calendar",
    "FakeCall": "_fake.http",
    "FakeGoogleIdentity": "_identity",
    "InvalidExample": "_invalid",
    "invalid_addon_json": "_invalid",
    "invalid_calendar_json": "_invalid",
    "addon_json": "_strategies",
    "calendar_json": "_strategies",
    "conference_data": "_strategies",
    "conference_errors": "_strategies",
    "entry_points": "_strategies",
    "limited_text": "_strategies",
}


# What a lazily loaded name may miss, and how to install it.
_EXTRAS = {
    "hypothesis": "Hypothesis: install confdata's testing extra (confdata[testing])",
    "google": "google-auth and cryptography: install confdata's server extra "
    "(confdata[server]) and cryptography",
    "cryptography": "google-auth and cryptography: install confdata's server extra "
    "(confdata[server]) and cryptography",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'confdata.testing' has no attribute {name!r}")
    try:
        loaded = importlib.import_module(f".{module}", __name__)
    except ModuleNotFoundError as error:
        missing = (error.name or "").partition(".")[0]
        extra = _EXTRAS.get(missing)
        if extra is None:
            raise
        raise ModuleNotFoundError(
            f"confdata.testing.{name} needs {extra}", name=error.name
        ) from error
    return getattr(loaded, name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "FakeCalendar",
    "FakeCall",
    "FakeGoogleIdentity",
    "InvalidExample",
    "addon_json",
    "assert_valid_conference_data",
    "authentication_error",
    "calendar_json",
    "conference_data",
    "conference_errors",
    "entry_points",
    "full_conference",
    "invalid_addon_json",
    "invalid_calendar_json",
    "limited_text",
    "meet_response",
    "pending_create_request",
    "phone_only",
    "temporary_error",
    "video_only",
]
