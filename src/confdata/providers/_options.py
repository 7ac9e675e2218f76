"""The choices a converter leaves to its caller, with documented defaults."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal, cast, get_args

import attrs

from .. import (
    ConferenceDataBuilder,
    ConferenceSolutionBuilder,
    EntryPoint,
    EntryPointType,
    Problem,
    ValidationError,
)
from .._core.arguments import Arguments
from .._core.foreign import array, exact_str, is_int, is_str
from .._core.rules.entry_points import region as region_rules
from .._core.sink import Sink
from .._core.spec import CALENDAR, MAX_ITEMS
from .._core.text import describe_type, mask_uri_secrets, show, show_uri

__all__ = ["DEFAULT_OPTIONS", "DialCodes", "ProviderOptions", "checked", "region_problems"]

DialCodes = Literal["none", "meeting-id", "all"]
"""What goes after the number in a phone entry point's ``tel:`` URI.

``"none"``: the number only. ``"meeting-id"``: the number, then the meeting ID or access code
and ``#`` (``tel:+14155550100,,123456789%23``), so that tapping the number joins. ``"all"``:
also the phone passcode, where the provider documents a sequence for it. The codes are always
in the entry point's own fields (``meetingCode``, ``accessCode``, ``passcode`` …) too.
"""


def region_problems(code: str) -> list[Problem]:
    """What Calendar's region rules (``region-code``, ``region-code-unassigned``) find in
    ``code``: the one place the converters ask whether a text is a region code."""
    sink = Sink()
    region_rules(sink, code, EntryPointType.PHONE, CALENDAR, ("",))
    return sink.finish()


# Converters: they make a str subclass a str, an int subclass an int and a list a tuple, and
# leave anything else as it is for __attrs_post_init__ to report (they never raise, and run
# none of the value's code). Their annotations are what the signature shows.
def _text(value: Any) -> Any:
    text = exact_str(value)
    return value if text is None else text


def _optional_text(value: str | None) -> str | None:
    return _text(value)  # type: ignore[no-any-return]


def _dial_codes(value: DialCodes) -> DialCodes:
    return _text(value)  # type: ignore[no-any-return]


def _texts(value: Sequence[str]) -> tuple[str, ...]:
    found = None if is_str(value) else array(value)
    return value if found is None else tuple(_text(item) for item in found)  # type: ignore[return-value]


def _count(value: int | None) -> int | None:
    return int.__int__(value) if is_int(value) else value


def _ask(check: Arguments, name: str, make: Callable[[], object]) -> None:
    """Report each error Calendar's rules find in what ``make`` builds, under ``name``."""
    try:
        make()
    except ValidationError as error:
        for problem in error.problems:
            check.fail(name, f"{name}: {problem.message} (Calendar rule {problem.code})")


def _region(check: Arguments, name: str, code: object, shown: str) -> None:
    """A region code: a string the region rules find nothing wrong with, not even an
    unassigned code (a typo such as 'UK' for 'GB' would otherwise match no number)."""
    text = exact_str(code)
    if text is None:
        check.fail(name, f"{shown} must be a region code such as 'SE' (got {show(code)})")
        return
    for problem in region_problems(text):
        check.fail(name, f"{shown}: {problem.message} (Calendar rule {problem.code})")


def _uri_repr(uri: str | None) -> str:
    """A URI in the repr, its secrets masked (SPEC §4.1)."""
    return "None" if uri is None else repr(mask_uri_secrets(uri))


@attrs.frozen(kw_only=True)
class ProviderOptions:
    """How :func:`from_zoom`, :func:`from_teams` and :func:`from_webex` build the conference.

    Calendar shows the first two phone entry points only [S5], so the dial-in numbers are
    ordered to make those two the ones the caller wants:

    1. numbers of a region in ``regions``, in the order given;
    2. numbers of the meeting's own country: ``default_region``, else the country of the
       provider's first number (a number the provider gives no country for counts as the
       meeting's own);
    3. every other number, in the provider's order.

    Within each region of 1 and 2, ``toll_free_first`` puts toll-free numbers before toll
    ones; a toll-free number of another country is not moved up (it is rarely reachable from
    abroad). Otherwise the provider's order is kept.

    Every argument is checked: a value it cannot use raises :class:`~confdata.ValidationError`
    whose problems name the argument (code ``type``, path ``/name``), all of them at once.
    """

    regions: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    """Preferred region codes (ISO 3166-1 alpha-2, ``("SE", "NO")``), most preferred first.
    Only numbers the provider gives a country for have a region (Zoom's ``country``)."""
    toll_free_first: bool = True
    """Within a preferred region and the meeting's own country, toll-free numbers first
    (``False``: toll numbers first)."""
    max_phones: int | None = attrs.field(default=2, converter=_count)
    """How many phone entry points to keep (at most 300) when a ``more`` link lists every
    number (the provider's dial-in page, or ``more_uri``); ``None`` keeps all. Without such a
    link every number is kept, so that none is lost (Calendar still shows the first two)."""
    dial_codes: DialCodes = attrs.field(default="meeting-id", converter=_dial_codes)
    """What follows the number in each ``tel:`` URI (see :data:`DialCodes`)."""
    default_region: str | None = attrs.field(default=None, converter=_optional_text)
    """The meeting's own country, whose numbers come first (by default the country of the
    provider's first number), and the region of numbers written without ``+country`` and
    given no region by the provider (Calendar needs one of the two to dial them [S5])."""
    more_uri: str | None = attrs.field(default=None, converter=_optional_text, repr=_uri_repr)
    """An ``http(s)`` page listing the dial-in numbers, used as the ``more`` entry point when
    the provider gives none (Zoom and Webex responses carry no such page)."""
    sip_template: str | None = attrs.field(default=None, converter=_optional_text, repr=_uri_repr)
    """The SIP address, ``{id}`` standing for the provider's ID for SIP dialing, where the
    response has no SIP address: Zoom's meeting ID (``"{id}@zoomcrc.com"`` with a Cloud Room
    Connector), Teams' ``videoTeleconferenceId`` (your Cloud Video Interop partner's
    format), Webex's ``meetingNumber``. ``sip:`` is added unless the template has a scheme."""
    solution_id: str | None = attrs.field(default=None, converter=_optional_text)
    """The add-on form's ``conferenceSolutionId``: the ``id`` of the conference solution in
    your add-on manifest (needed for Workspace add-ons [S1-builder])."""
    solution_name: str | None = attrs.field(default=None, converter=_optional_text)
    """The Calendar form's ``conferenceSolution.name`` (Calendar itself shows the name from
    the manifest)."""

    def __attrs_post_init__(self) -> None:
        check = Arguments()
        regions: object = self.regions
        found = None if is_str(regions) else array(regions)
        if found is None:
            check.fail(
                "regions",
                f"regions must be a list or tuple of region codes such as ('SE', 'NO') "
                f"(got {show_uri(regions)})",
            )
        else:
            for index, code in enumerate(found):
                _region(check, f"regions/{index}", code, f"regions[{index}]")
        check.flag("toll_free_first", self.toll_free_first)
        if self.max_phones is not None:
            # A conference holds at most MAX_ITEMS entry points: more phones never fit.
            check.count("max_phones", self.max_phones, high=MAX_ITEMS)
        check.choice("dial_codes", self.dial_codes, get_args(DialCodes))
        if self.default_region is not None:
            _region(check, "default_region", self.default_region, "default_region")
        more_uri = check.optional_text("more_uri", self.more_uri)
        if more_uri:
            _ask(check, "more_uri", lambda: EntryPoint.more(more_uri))
        template = check.optional_text("sip_template", self.sip_template)
        if template and "{id}" not in template:
            check.fail(
                "sip_template",
                f"sip_template must contain {{id}}, such as '{{id}}@zoomcrc.com' "
                f"(got {show_uri(template)})",
            )
        solution_id = check.optional_text("solution_id", self.solution_id)
        if solution_id:
            _ask(
                check,
                "solution_id",
                lambda: ConferenceDataBuilder().conference_solution_id(solution_id),
            )
        name = check.optional_text("solution_name", self.solution_name, empty=True)
        if name is not None:
            _ask(check, "solution_name", lambda: ConferenceSolutionBuilder().name(name).build())
        check.done()


DEFAULT_OPTIONS = ProviderOptions()


def checked(options: object) -> ProviderOptions:
    """``options`` when it is a :class:`ProviderOptions`; else :class:`ValidationError`
    (``type`` at ``/options``), as for any argument."""
    if not issubclass(type(options), ProviderOptions):
        check = Arguments()
        check.fail("options", f"options must be a ProviderOptions (got {describe_type(options)})")
        check.done()
    return cast(ProviderOptions, options)
