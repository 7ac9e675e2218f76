"""The ``confdata`` command: validate files in CI, print the JSON Schema, rules and examples.

Only ``argparse`` and this module load before the arguments are parsed; each command imports
what it needs when it runs, so ``confdata --help`` starts about as fast as Python does.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from .._version import __version__
from .exits import EXIT_OK, EXIT_USAGE
from .options import MAX_BYTES, positive_bytes

__all__ = ["main"]

FORMS = ("calendar", "addon")

VALIDATE_EXAMPLES = """\
examples:
  confdata validate fixtures/                   every *.json below fixtures/, recursively
  confdata validate --form addon response.json  an onCreateFunction response
  curl -s "$API/events" | confdata validate -   an events list from standard input
  confdata validate --format github --strict fixtures/
exit status: 0 valid, 1 problems found (warnings too with --strict), 2 usage or input errors
"""


class _Formatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Examples kept as written, and every option's default shown after its help (an option
    without a default, None, says in its help what leaving it out does)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default is None:
            return action.help
        return super()._get_help_string(action)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own exit status for usage errors
        from .output import safe_line

        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, safe_line(f"{self.prog}: error: {message}"))


def _command(commands: Any, name: str, **kwargs: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = commands.add_parser(
        name, formatter_class=_Formatter, **kwargs
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    from ..fixtures import FIXTURES

    parser = _Parser(
        prog="confdata",
        description="Check Google Calendar third-party conference data.",
        epilog="Run 'confdata COMMAND --help' for a command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"confdata {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    validate = _command(
        commands,
        "validate",
        help="check JSON files of conference data",
        description="Check conference data in JSON files: a conferenceData object (either "
        "form), an Event resource, an events list response, or an array of them.",
        epilog=VALIDATE_EXAMPLES,
    )
    validate.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a file, a directory (searched for *.json), or - for stdin",
    )
    validate.add_argument(
        "--form",
        choices=(*FORMS, "auto"),
        default="auto",
        help="the form to check; auto guesses it per object",
    )
    validate.add_argument("--strict", action="store_true", help="warnings fail too")
    validate.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="output format: compiler-style lines, one JSON report, or GitHub annotations",
    )
    validate.add_argument(
        "--manifest",
        metavar="FILE",
        help="appsscript.json or deployment JSON: check conferenceSolutionId against its "
        "solutions (default: none, not checked)",
    )
    validate.add_argument(
        "--max-bytes",
        type=positive_bytes,
        default=MAX_BYTES,
        metavar="N",
        help="skip every file larger than this many bytes, the manifest included",
    )

    schema = _command(
        commands,
        "schema",
        help="print the JSON Schema (draft 2020-12) of a form",
        description="Print a JSON Schema expressing as many rules as JSON Schema can.",
        epilog="example:\n  confdata schema --form calendar > conference.schema.json",
    )
    schema.add_argument(
        "--form", choices=FORMS, default="calendar", help="the form the schema describes"
    )

    rules = _command(
        commands,
        "rules",
        help="print the rule catalog, or one rule",
        description="Print every rule (or the one named): code, severity, summary, Google "
        "source and the URL of its documentation.",
        epilog="examples:\n  confdata rules\n  confdata rules uri-scheme\n"
        "  confdata rules --format markdown",
    )
    rules.add_argument(
        "code",
        nargs="?",
        metavar="CODE",
        help="a rule's code, such as uri-scheme, to print that rule and its URL (default: none, "
        "every rule)",
    )
    rules.add_argument(
        "--format",
        choices=("text", "json", "markdown"),
        default="text",
        help="output format",
    )

    example = _command(
        commands,
        "example",
        help="print a valid example payload",
        description="Print a valid payload to start a fixture from.",
        epilog="examples:\n  confdata example --kind full\n"
        "  confdata example --kind authentication-error --form addon",
    )
    example.add_argument(
        "--kind", choices=tuple(FIXTURES), default="full", help="which conference to print"
    )
    example.add_argument(
        "--form", choices=FORMS, default="calendar", help="the form to print it in"
    )

    # confdata.providers owns `convert`; its module imports the converters only when it runs.
    from ..providers import _cli as providers_cli

    providers_cli.add_parser(commands)
    from . import apps_script

    apps_script.add_parser(commands, _Formatter)
    return parser


def _rules(code: str | None, fmt: str, out: TextIO) -> int:
    from .._core.catalog import RULES, Rule, rules_markdown
    from .output import safe_line

    selected: list[Rule] = list(RULES.values())
    if code is not None:
        rule = RULES.get(code)
        if rule is None:
            import difflib

            close = difflib.get_close_matches(code, RULES, n=1)
            hint = f"; did you mean {close[0]}?" if close else ""
            sys.stderr.write(safe_line(f"confdata: no rule has the code {code!r}{hint}"))
            return EXIT_USAGE
        selected = [rule]
    if fmt == "markdown":
        table = rules_markdown()
        if code is not None:  # the header rows and this rule's row
            lines = table.splitlines()
            row = f"| [`{code}`]("  # the code links to its Rule.url
            table = "\n".join([*lines[:2], *(line for line in lines if line.startswith(row))])
            table += "\n"
        out.write(table)
    elif fmt == "json":
        import json

        records = [
            {
                "code": r.code,
                "severity": r.severity.value,
                "summary": r.summary,
                "source": r.source,
                "url": r.url,
            }
            for r in selected
        ]
        json.dump(records[0] if code is not None else records, out, indent=2)
        out.write("\n")
    else:
        width = max(len(r.code) for r in selected)
        for rule in selected:
            source = f"  [{rule.source}]" if rule.source else ""
            out.write(f"{rule.code:<{width}}  {rule.severity.value:<7}  {rule.summary}{source}\n")
            if code is not None:
                out.write(f"{rule.url}\n")
    return EXIT_OK


def _example(kind: str, form: str, out: TextIO) -> int:
    import json

    from ..fixtures import FIXTURES

    data = FIXTURES[kind]()
    if form == "addon" and data.create_request is not None:
        sys.stderr.write(f"confdata: the {kind!r} example exists only in the calendar form\n")
        return EXIT_USAGE
    payload: Any = data.to_addon_json() if form == "addon" else data.to_calendar_json()
    json.dump(payload, out, indent=2, ensure_ascii=False)
    out.write("\n")
    return EXIT_OK


def _schema(form: str, out: TextIO) -> int:
    import json

    from .._core.schema import json_schema

    json.dump(json_schema(form), out, indent=2)  # type: ignore[arg-type]
    out.write("\n")
    return EXIT_OK


def _check_argv(parser: argparse.ArgumentParser, given: object) -> None:
    if isinstance(given, (str, bytes)) or not isinstance(given, Sequence):
        from .._core.text import describe_type

        parser.error(f"argv must be a list of strings (got {describe_type(given)})")
    for index, arg in enumerate(given):
        if not isinstance(arg, str):
            from .._core.text import describe_type

            parser.error(f"argv must be a list of strings (got {describe_type(arg)} at {index})")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    if argv is not None:  # typed loosely at run time: callers may pass anything
        _check_argv(parser, argv)
    args = parser.parse_args(argv)
    out = sys.stdout
    for stream in (sys.stdout, sys.stderr):
        # File names that are not valid UTF-8 must not stop the report.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    try:
        if args.command == "validate":
            from .validate import validate

            return validate(args, out)
        if args.command == "rules":
            return _rules(args.code, args.format, out)
        if args.command == "example":
            return _example(args.kind, args.form, out)
        if args.command == "apps-script":
            from . import apps_script

            return apps_script.run(args, out)
        if args.command == "convert":  # confdata.providers
            from ..providers import _cli as providers_cli

            return providers_cli.run(args, out)
        return _schema(args.form, out)
    except BrokenPipeError:  # e.g. `confdata rules | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
