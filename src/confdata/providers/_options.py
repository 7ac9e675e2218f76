"""The choices a converter leaves to its caller, with documented defaults."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, get_args

import attrs

from .. import ConferenceSolutionBuilder, EntryPoint
from .._core.text import mask_uri_secrets

__all__ = ["DialCodes", "ProviderOptions"]

DialCodes = Literal["none", "meeting-id", "all"]
"""What goes after the number in a phone entry point's ``tel:`` URI.

``"none"``: the number only. ``"meeting-id"``: the number, then the meeting ID or access code
and ``#`` (``tel:+14155550100,,123456789%23``), so that tapping the number joins. ``"all"``:
also the phone passcode, where the provider documents a sequence for it. The codes are always
in the entry point's own fields (``meetingCode``, ``accessCode``, ``passcode`` …) too.
"""


def _regions(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):  # ("SE") instead of ("SE",)
        raise TypeError(f"regions must be an iterable of region codes, not a string: {value!r}")
    return tuple(value)


def _check_region(code: object, name: str) -> None:
    if not (isinstance(code, str) and len(code) == 2 and code.isascii() and code.isupper()):
        raise ValueError(f"{name} must be two ASCII capital letters such as 'SE' (got {code!r})")


def _check_regions(_: object, __: attrs.Attribute[Any], value: Any) -> None:
    for code in value:
        _check_region(code, "each of regions")


def _check_default_region(_: object, __: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _check_region(value, "default_region")


def _check_max_phones(_: object, __: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (type(value) is not int or value < 0):
        raise ValueError(f"max_phones must be None or an integer >= 0 (got {value!r})")


def _check_dial_codes(_: object, __: attrs.Attribute[Any], value: Any) -> None:
    if value not in get_args(DialCodes):
        raise ValueError(f"dial_codes must be one of {get_args(DialCodes)} (got {value!r})")


def _check_template(_: object, __: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, str) or "{id}" not in value):
        raise ValueError(
            f"sip_template must be a string containing {{id}}, such as '{{id}}@zoomcrc.com' "
            f"(got {value!r})"
        )


def _check_more_uri(_: object, __: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        EntryPoint.more(value)  # raises ValidationError with the rule the URI breaks


def _check_solution_name(_: object, __: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        ConferenceSolutionBuilder().name(value).build()  # raises ValidationError


def _uri_repr(uri: str | None) -> str:
    """A URI in the repr, its secrets masked (SPEC §4.1)."""
    return "None" if uri is None else repr(mask_uri_secrets(uri))


@attrs.frozen(kw_only=True)
class ProviderOptions:
    """How :func:`from_zoom`, :func:`from_teams` and :func:`from_webex` build the conference.

    Calendar shows the first two phone entry points only [S5]: the dial-in numbers are
    ordered so that those two are the ones the caller wants. Numbers in a region of
    ``regions`` come first, in the order given; then, with ``toll_free_first``, toll-free
    numbers before toll numbers; otherwise the provider's order is kept.
    """

    regions: tuple[str, ...] = attrs.field(default=(), converter=_regions, validator=_check_regions)
    """Preferred region codes (ISO 3166-1 alpha-2, ``("SE", "NO")``), most preferred first.
    Only numbers the provider gives a country for have a region (Zoom's ``country``)."""
    toll_free_first: bool = True
    """Among numbers of equal region preference, toll-free ones first."""
    max_phones: int | None = attrs.field(default=2, validator=_check_max_phones)
    """How many phone entry points to keep when a ``more`` link lists every number (the
    provider's dial-in page, or ``more_uri``); ``None`` keeps all. Without such a link every
    number is kept, so that none is lost (Calendar still shows the first two)."""
    dial_codes: DialCodes = attrs.field(default="meeting-id", validator=_check_dial_codes)
    """What follows the number in each ``tel:`` URI (see :data:`DialCodes`)."""
    default_region: str | None = attrs.field(default=None, validator=_check_default_region)
    """The region of numbers written without ``+country`` and given no region by the
    provider (Calendar needs one of the two to dial them [S5])."""
    more_uri: str | None = attrs.field(default=None, validator=_check_more_uri, repr=_uri_repr)
    """An ``http(s)`` page listing the dial-in numbers, used as the ``more`` entry point when
    the provider gives none (Zoom and Webex responses carry no such page)."""
    sip_template: str | None = attrs.field(default=None, validator=_check_template, repr=_uri_repr)
    """The SIP address, ``{id}`` standing for the provider's ID for SIP dialing, where the
    response has no SIP address: Zoom's meeting ID (``"{id}@zoomcrc.com"`` with a Cloud Room
    Connector), Teams' ``videoTeleconferenceId`` (your Cloud Video Interop partner's
    format), Webex's ``meetingNumber``. ``sip:`` is added unless the template has a scheme."""
    solution_id: str | None = None
    """The add-on form's ``conferenceSolutionId``: the ``id`` of the conference solution in
    your add-on manifest (needed for Workspace add-ons [S1-builder])."""
    solution_name: str | None = attrs.field(default=None, validator=_check_solution_name)
    """The Calendar form's ``conferenceSolution.name`` (Calendar itself shows the name from
    the manifest)."""


DEFAULT_OPTIONS = ProviderOptions()
