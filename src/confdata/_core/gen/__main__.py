"""Print the generated source, for a maintainer to read.

``python -m confdata._core.gen --show calendar`` prints the Calendar form's pass; the other
names are ``addon``, ``calendar-read``, ``addon-read`` (the lenient readers), ``emit-calendar``,
``emit-addon``, the value classes (``EntryPoint``, ``ConferenceData`` ...) and ``builder``.
``--guards-off`` prints a pass with every guard off, every rule called.
"""

from __future__ import annotations

import argparse
import sys

from ..spec import ADDON, CALENDAR, FORMS, MODEL_CONFERENCE
from . import emit, passes, steps

__all__ = ["main", "source"]


def source(name: str, *, guards: bool = True) -> str:
    """The generated source called ``name`` (see the module's docstring)."""
    from .. import builders, values

    if name in FORMS:
        return passes.generate(FORMS[name], "check", guards=guards)[1]
    if name.endswith("-read") and name[: -len("-read")] in FORMS:
        form = FORMS[name[: -len("-read")]]
        return passes.generate(form, "read", makers=values._MAKERS, guards=guards)[1]
    if name in ("emit-calendar", "emit-addon"):
        return emit.generate(CALENDAR if name == "emit-calendar" else ADDON)[1]
    if name == "builder":
        return steps.generate(
            builders.ConferenceDataBuilder,
            MODEL_CONFERENCE,
            {
                "entry_points": values.EntryPoint,
                "parameters": values.ConferenceParameter,
                "error": values.ConferenceError,
                "conference_solution": values.ConferenceSolution,
                "create_request": values.CreateRequest,
            },
        )[1]
    for cls in values.VALUE_CLASSES:
        if cls.__name__ == name:
            return (
                values.generated(cls, guards=guards).source
                if not guards
                else values.GENERATED[name].source
            )
    raise KeyError(name)


NAMES = (
    "calendar",
    "addon",
    "calendar-read",
    "addon-read",
    "emit-calendar",
    "emit-addon",
    "builder",
    "EntryPoint",
    "ConferenceParameter",
    "ConferenceError",
    "ConferenceSolution",
    "CreateRequest",
    "ConferenceData",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m confdata._core.gen",
        description="Print the code confdata generates from its shapes.",
    )
    parser.add_argument("--show", choices=NAMES, required=True, help="what to print")
    parser.add_argument(
        "--guards-off", action="store_true", help="every guard off: every rule is called"
    )
    arguments = parser.parse_args(argv)
    sys.stdout.write(source(arguments.show, guards=not arguments.guards_off))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
