"""``confdata convert``: a provider's recorded API response to conference data JSON.

Only :func:`add_parser` runs when the command line starts; the converters are imported by
:func:`run`, so ``confdata --help`` does not load them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TextIO, cast

if TYPE_CHECKING:
    from .. import ConferenceData, EntryPoint

__all__ = ["add_parser", "run"]

EXIT_OK, EXIT_BAD_INPUT = 0, 2

EXAMPLES = """\
examples:
  confdata convert --from zoom meeting.json                 the Calendar form
  confdata convert --from teams --form addon meeting.json   an onCreateFunction's answer
  curl -s "$ZOOM/meetings/$ID" | confdata convert --from zoom --region SE -
  confdata convert --from zoom --more-uri https://zoom.us/zoomconference meeting.json
exit status: 0 converted, 2 unreadable file or a response that is no conference
"""


def _region(value: str) -> str:
    """``--region``: written as given in any case; ``ProviderOptions`` decides whether it is
    a region code (the core's region-code rule)."""
    return value.upper()


def _phones(value: str) -> int | Literal["all"]:
    """``--max-phones``: a whole number, or ``all``."""
    if value == "all":
        return "all"
    if not value.isdecimal() or not value.isascii() or len(value) > 4:
        raise argparse.ArgumentTypeError(f"must be a whole number or 'all' (got {value!r})")
    return int(value)


def add_parser(commands: Any) -> None:
    """Register ``convert`` with the command line's subparsers."""
    from .._cli.options import MAX_BYTES, positive_bytes

    convert = commands.add_parser(
        "convert",
        help="convert a Zoom, Teams or Webex API response into conference data",
        description="Convert a provider's meeting (Zoom 'Get a meeting', Microsoft Graph "
        "onlineMeeting, Webex meeting) into conference data JSON. The output passes "
        "'confdata validate --strict': phones Calendar would not show are left out unless a "
        "more page lists them, and what is left out, or would still be warned about, is said "
        "on standard error.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument(
        "--from", dest="provider", required=True, choices=("zoom", "teams", "webex")
    )
    convert.add_argument("path", metavar="FILE", help="the response JSON, or - for stdin")
    convert.add_argument("--form", choices=("calendar", "addon"), default="calendar")
    convert.add_argument(
        "--region",
        action="append",
        type=_region,
        default=[],
        metavar="CC",
        help="a preferred region for the phones Calendar shows (repeat in order)",
    )
    convert.add_argument(
        "--default-region",
        type=_region,
        metavar="CC",
        help="the region of numbers given without +country code and without a country "
        "(default: none; Calendar needs one of the two to dial them)",
    )
    convert.add_argument(
        "--dial-codes",
        choices=("none", "meeting-id", "all"),
        default="meeting-id",
        help="what follows the number in tel: URIs (default: meeting-id)",
    )
    convert.add_argument("--solution-id", metavar="ID", help="the add-on's conferenceSolutionId")
    convert.add_argument("--more-uri", metavar="URL", help="a page listing the dial-in numbers")
    convert.add_argument(
        "--max-phones",
        type=_phones,
        metavar="N",
        help="how many phone numbers to keep, or 'all' (default: the two Calendar shows; the "
        "rest are listed by the more page, or left out)",
    )
    convert.add_argument(
        "--max-bytes",
        type=positive_bytes,
        default=MAX_BYTES,
        metavar="N",
        help=f"refuse a response larger than this many bytes (default: {MAX_BYTES})",
    )


_SHOWN_NUMBERS = 10
"""How many left-out numbers the note on standard error names."""


def _number(entry_point: EntryPoint) -> str:
    """A phone entry point's number, without the dial sequence that may hold a passcode."""
    uri = entry_point.uri or ""
    return uri.removeprefix("tel:").partition(",")[0].partition(";")[0]


def _max_phones(given: int | Literal["all"] | None) -> int | None:
    """``--max-phones`` as ProviderOptions.max_phones takes it (None: keep all)."""
    from .._core.spec import SHOWN_PHONES

    return SHOWN_PHONES if given is None else None if given == "all" else given


def _shown_phones(data: ConferenceData, keep: int | None) -> tuple[ConferenceData, list[str]]:
    """``data`` with at most ``keep`` phones when no more page lists the rest, and the
    numbers of those left out (the converter put the phones to show first)."""
    import attrs

    from .. import EntryPointType

    if keep is None or any(ep.type is EntryPointType.MORE for ep in data.entry_points):
        return data, []
    kept: list[EntryPoint] = []
    left_out: list[str] = []
    for entry_point in data.entry_points:
        if entry_point.type is EntryPointType.PHONE:
            if keep <= 0:
                left_out.append(_number(entry_point))
                continue
            keep -= 1
        kept.append(entry_point)
    if not left_out:
        return data, []
    return attrs.evolve(data, entry_points=tuple(kept)), left_out


def _left_out_note(numbers: list[str]) -> str:
    count = len(numbers)
    named = ", ".join(numbers[:_SHOWN_NUMBERS])
    if count > _SHOWN_NUMBERS:
        named += f" and {count - _SHOWN_NUMBERS} more"
    return (
        f"left out {count} phone number{'s' if count != 1 else ''} Calendar would not show "
        f"({named}); --more-uri URL keeps them behind a page that lists them, "
        f"--max-phones all keeps every number"
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Convert, print the JSON, and return the exit status (2, with one line, on failure).

    What the output leaves out, and any warning it still has, is written on standard error,
    one escaped line each."""
    from .. import ValidationError, validate_addon_json, validate_calendar_json
    from .._cli.output import safe_line, shown_name
    from .._cli.reader import InputError, fault_line, read_json
    from . import ProviderOptions, from_teams, from_webex, from_zoom

    name = shown_name(args.path)
    try:
        _, response = read_json(args.path, args.max_bytes)
    except InputError as error:
        sys.stderr.write(fault_line("convert", args.path, error))
        return EXIT_BAD_INPUT
    convert = {"zoom": from_zoom, "teams": from_teams, "webex": from_webex}[args.provider]
    try:
        options = ProviderOptions(
            regions=args.region,
            default_region=args.default_region,
            dial_codes=args.dial_codes,
            solution_id=args.solution_id,
            more_uri=args.more_uri,
            max_phones=_max_phones(args.max_phones),
        )
        data = convert(cast("Mapping[str, Any]", response), options)  # any JSON: it checks
        data, left_out = _shown_phones(data, options.max_phones)
        payload: Any = data.to_addon_json() if args.form == "addon" else data.to_calendar_json()
    except ValidationError as error:
        first = error.problems[0]
        more = len(error.problems) - 1
        rest = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        sys.stderr.write(safe_line(f"confdata: convert: {name}: {first}{rest}"))
        return EXIT_BAD_INPUT
    if left_out:
        sys.stderr.write(safe_line(f"confdata: convert: {name}: {_left_out_note(left_out)}"))
    check = validate_addon_json if args.form == "addon" else validate_calendar_json
    for problem in check(payload):  # warnings only: the value was built without errors
        sys.stderr.write(safe_line(f"confdata: convert: {name}: {problem}"))
    text = json.dumps(payload, indent=2, ensure_ascii=False)
    # "##[" is the GitHub runner's older command prefix, found anywhere in a line; inside a
    # JSON string "\u005b" is the same "[".
    out.write(text.replace("##[", "##\\u005b") + "\n")
    return EXIT_OK
