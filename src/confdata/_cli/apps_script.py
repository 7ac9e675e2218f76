"""``confdata apps-script``: print confdata.gs, or with ``--manifest`` its appsscript.json part.

Only :func:`add_parser` runs when the command line starts; :func:`run` imports
:mod:`confdata.apps_script`, so ``confdata --help`` does not load it. The command reads no input.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

__all__ = ["add_parser", "run"]

EXAMPLES = """\
examples:
  confdata apps-script > confdata.gs        the Apps Script file, to add to the project
  confdata apps-script --manifest --solution-id acme --name "Acme Meeting" \\
      --logo-url https://acme.example/logo.png \\
      --backend-url https://backend.example/conference
then, per solution, one line in the project:
  function onCreateAcme(arg) {
    return requestConferenceData("https://backend.example/conference", {solutionId: "acme",
        calendarId: arg.eventData.calendarId, eventId: arg.eventData.eventId});
  }
exit status: 0 printed, 2 usage error (an option missing or unusable)
"""

# The options that describe the solution, each as (flag, the argument's name, help).
_SOLUTION_OPTIONS = (
    ("--solution-id", "solution_id", "the solution's id, what conferenceSolutionId names"),
    ("--name", "name", "the solution's name users see in Calendar"),
    ("--logo-url", "logo_url", "the solution's logo, an http or https URL"),
    ("--backend-url", "backend_url", "the https URL requestConferenceData posts to"),
)


def add_parser(commands: Any, formatter: type[argparse.HelpFormatter]) -> None:
    """Register ``apps-script`` with the command line's subparsers."""
    parser = commands.add_parser(
        "apps-script",
        help="print the Apps Script file that builds conference data, or its manifest",
        description="Print confdata.gs, the Apps Script file that defines buildConferenceData()\n"
        "and requestConferenceData() for an add-on's onCreateFunction, or the appsscript.json\n"
        "fragment it needs: the solution, the fetch allowlist, the scopes.",
        epilog=EXAMPLES,
        formatter_class=formatter,
    )
    parser.add_argument(
        "--manifest",
        action="store_true",
        help="print the appsscript.json fragment instead (needs the four options below)",
    )
    for flag, dest, text in _SOLUTION_OPTIONS:
        parser.add_argument(
            flag,
            dest=dest,
            metavar=flag.split("-")[-1].upper(),
            help=f"{text} (required with --manifest)",
        )
    parser.add_argument(
        "--function",
        dest="on_create_function",
        metavar="NAME",
        help="the onCreateFunction's name (default: onCreate and the solution id's words, "
        "capitalised: onCreateAcme)",
    )


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the file or the manifest fragment; 2 with one line per unusable option."""
    import json

    from ..apps_script import apps_script_manifest, apps_script_source
    from .exits import EXIT_OK, EXIT_USAGE
    from .output import safe_line

    given = [flag for flag, dest, _ in _SOLUTION_OPTIONS if getattr(args, dest) is not None]
    if args.on_create_function is not None:
        given.append("--function")
    if not args.manifest:
        if given:
            sys.stderr.write(safe_line(f"confdata: {', '.join(given)}: only with --manifest"))
            return EXIT_USAGE
        out.write(apps_script_source())
        return EXIT_OK
    missing = [flag for flag, dest, _ in _SOLUTION_OPTIONS if getattr(args, dest) is None]
    if missing:
        sys.stderr.write(safe_line(f"confdata: --manifest needs {', '.join(missing)}"))
        return EXIT_USAGE
    from .._core.problems import ValidationError

    try:
        manifest = apps_script_manifest(
            solution_id=args.solution_id,
            name=args.name,
            logo_url=args.logo_url,
            backend_url=args.backend_url,
            on_create_function=args.on_create_function,
        )
    except ValidationError as error:
        options = {dest: flag for flag, dest, _ in _SOLUTION_OPTIONS}
        options["on_create_function"] = "--function"
        for problem in error.problems:  # "logo_url must be ..." -> "--logo-url must be ..."
            name = problem.path.removeprefix("/")
            message = problem.message.removeprefix(name)
            sys.stderr.write(safe_line(f"confdata: {options.get(name, name)}{message}"))
        return EXIT_USAGE
    json.dump(manifest, out, indent=2, ensure_ascii=False)
    out.write("\n")
    return EXIT_OK
