"""``confdata convert``: a provider's recorded API response to conference data JSON.

Only :func:`add_parser` runs when the command line starts; the converters are imported by
:func:`run`, so ``confdata --help`` does not load them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from typing import Any, TextIO, cast

__all__ = ["add_parser", "run"]

EXIT_OK, EXIT_BAD_INPUT = 0, 2

EXAMPLES = """\
examples:
  confdata convert --from zoom meeting.json                 the Calendar form
  confdata convert --from teams --form addon meeting.json   an onCreateFunction's answer
  curl -s "$ZOOM/meetings/$ID" | confdata convert --from zoom --region SE -
exit status: 0 converted, 2 unreadable file or a response that is no conference
"""


def _region(value: str) -> str:
    if len(value) != 2 or not value.isascii() or not value.isalpha():
        raise argparse.ArgumentTypeError(f"not a two-letter region code: {value!r}")
    return value.upper()


def add_parser(commands: Any) -> None:
    """Register ``convert`` with the command line's subparsers."""
    from .._cli.main import MAX_BYTES, positive_bytes

    convert = commands.add_parser(
        "convert",
        help="convert a Zoom, Teams or Webex API response into conference data",
        description="Convert a provider's meeting (Zoom 'Get a meeting', Microsoft Graph "
        "onlineMeeting, Webex meeting) into conference data JSON.",
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
        "--dial-codes",
        choices=("none", "meeting-id", "all"),
        default="meeting-id",
        help="what follows the number in tel: URIs (default: meeting-id)",
    )
    convert.add_argument("--solution-id", metavar="ID", help="the add-on's conferenceSolutionId")
    convert.add_argument("--more-uri", metavar="URL", help="a page listing the dial-in numbers")
    convert.add_argument(
        "--max-bytes",
        type=positive_bytes,
        default=MAX_BYTES,
        metavar="N",
        help=f"refuse a response larger than this many bytes (default: {MAX_BYTES})",
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Convert, print the JSON, and return the exit status (2, with one line, on failure)."""
    from .. import ValidationError
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
            dial_codes=args.dial_codes,
            solution_id=args.solution_id,
            more_uri=args.more_uri,
        )
        data = convert(cast("Mapping[str, Any]", response), options)  # any JSON: it checks
        payload: Any = data.to_addon_json() if args.form == "addon" else data.to_calendar_json()
    except ValidationError as error:
        first = error.problems[0]
        more = len(error.problems) - 1
        rest = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        sys.stderr.write(safe_line(f"confdata: convert: {name}: {first}{rest}"))
        return EXIT_BAD_INPUT
    text = json.dumps(payload, indent=2, ensure_ascii=False)
    # "##[" is the GitHub runner's older command prefix, found anywhere in a line; inside a
    # JSON string "\u005b" is the same "[".
    out.write(text.replace("##[", "##\\u005b") + "\n")
    return EXIT_OK
