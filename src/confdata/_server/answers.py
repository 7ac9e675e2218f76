"""The answer to an onCreate call: the conference the provider made, or the error that says why
not, in a form the shipped Apps Script turns into Calendar's ``ConferenceData``.

The provider's outcome maps to the add-on's error types as Google describes them
(https://developers.google.com/apps-script/reference/conference-data/conference-error-type):

=====================================  ===========================================
the provider's outcome                  the answer
=====================================  ===========================================
2xx                                     the conference ``convert`` makes of the body
no grant (the user never signed in)     ``AUTHENTICATION`` with the consent URL
401 (the grant was refused)             ``AUTHENTICATION`` with the consent URL
403 (forbidden)                         ``PERMISSION_DENIED``
408, 429 or 5xx (try again later)       ``TEMPORARY``
any other 4xx                           ``PERMANENT``
1xx, 3xx                                ``UNKNOWN``
2xx whose body is no conference         ``UNKNOWN`` (the problems are logged)
=====================================  ===========================================
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import attrs

from .._core.arguments import Arguments
from .._core.problems import ValidationError
from ..builders import ConferenceDataBuilder
from ..model import ConferenceData, ConferenceErrorType
from .request import OnCreateRequest

__all__ = ["error_answer", "error_for_status", "no_grant_answer", "provider_answer"]

log = logging.getLogger("confdata.server")

# 408 Request Timeout and 429 Too Many Requests invite a retry (RFC 9110 §15.5.9, RFC 6585 §4).
_TRY_AGAIN = frozenset({408, 429})


def error_for_status(status: int) -> ConferenceErrorType | None:
    """The add-on error type for the provider's HTTP ``status``, None for a success (2xx);
    the table is in :mod:`confdata.server`'s documentation. Raises
    :class:`~confdata.ValidationError` for a status outside 100-599."""
    check = Arguments()
    code = check.count("status", status, low=100, high=599)
    check.done()
    if 200 <= code < 300:
        return None
    if code == 401:
        return ConferenceErrorType.AUTHENTICATION
    if code == 403:
        return ConferenceErrorType.PERMISSION_DENIED
    if code in _TRY_AGAIN or code >= 500:
        return ConferenceErrorType.TEMPORARY
    if code >= 400:
        return ConferenceErrorType.PERMANENT
    return ConferenceErrorType.UNKNOWN


def error_answer(
    request: OnCreateRequest, error_type: ConferenceErrorType, *, consent_url: str | None = None
) -> ConferenceData:
    """An error result for the request's solution; ``consent_url`` is where the user grants
    the provider access, needed (and used) only for ``AUTHENTICATION``."""
    builder = ConferenceDataBuilder().conference_solution_id(request.solution_id)
    if error_type is ConferenceErrorType.AUTHENTICATION:
        return builder.error(error_type, consent_url).build()
    return builder.error(error_type).build()


def no_grant_answer(request: OnCreateRequest, *, consent_url: str) -> ConferenceData:
    """The answer for a user who has not granted the provider access: ``AUTHENTICATION`` with
    the page where they do, which Calendar opens for them."""
    return error_answer(request, ConferenceErrorType.AUTHENTICATION, consent_url=consent_url)


def provider_answer(
    request: OnCreateRequest,
    *,
    status: int,
    body: object,
    convert: Callable[[Any], ConferenceData],
    consent_url: str,
) -> ConferenceData:
    """The answer for what the provider said when asked to create the conference: for a 2xx
    status, ``convert(body)`` (such as :func:`confdata.providers.from_zoom`), its solution ID
    the request's unless it has one; otherwise the error :func:`error_for_status` names.

    A 2xx body ``convert`` rejects with :class:`~confdata.ValidationError` is an ``UNKNOWN``
    error for the user and its problems are logged (``confdata.server``, secrets masked).
    """
    error_type = error_for_status(status)
    if error_type is not None:
        return error_answer(request, error_type, consent_url=consent_url)
    try:
        data = convert(body)
    except ValidationError as error:
        log.error("the provider's answer is no conference:\n%s", error)
        return error_answer(request, ConferenceErrorType.UNKNOWN)
    if not issubclass(type(data), ConferenceData):
        raise TypeError(f"convert must return a ConferenceData (got {type(data).__name__})")
    if data.conference_solution_id is None:
        return attrs.evolve(data, conference_solution_id=request.solution_id)
    return data
