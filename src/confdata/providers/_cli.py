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


def _load(path: str) -> object:
    if path == "-":
        return json.load(sys.stdin)
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Convert, print the JSON, and return the exit status (2, with one line, on failure)."""
    from .. import ValidationError
    from . import ProviderOptions, from_teams, from_webex, from_zoom

    name = "<stdin>" if args.path == "-" else args.path
    try:
        response = _load(args.path)
    except (OSError, ValueError) as error:  # ValueError: not JSON, or not UTF-8
        detail = error.strerror if isinstance(error, OSError) and error.strerror else error
        sys.stderr.write(f"confdata: convert: {name}: {detail}\n")
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
        sys.stderr.write(f"confdata: convert: {name}: {first}{rest}\n")
        return EXIT_BAD_INPUT
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")
    return EXIT_OK
