"""confdata's benchmarks: the targets of issue 27, measured in one run, printed as one table.

``make bench`` runs it (``--quick``: shorter loops, fewer rounds and files). Every task times
its contenders in interleaved rounds: a round runs each contender once, in an order that
turns each round, with a loop sized to take about 0.3 s, so that whatever else the machine
does during the run falls on all of them alike. A ratio is the median over the rounds of
the ratio measured within each round (not a ratio of medians). Before any timing, the run
checks that the contenders do the same work: the floor reports exactly confdata's codes and
paths on every payload it is timed on, each invalid payload breaks what its name says, the
peers accept what confdata accepts and the build contenders write the same JSON; it stops
if one does not. Then it prints the table and writes ``docs/performance-results.md`` and
``docs/_static/performance.png``. Nothing here is asserted about time: it is measured.
"""

from __future__ import annotations

import copy
import gc
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import timeit
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import jsonschema_rs
import msgspec
import pydantic

import confdata
from confdata import (
    ConferenceData,
    EntryPoint,
    EntryPointFeature,
    validate_addon_json,
    validate_calendar_json,
)
from confdata._core.schema import json_schema
from confdata.fixtures import FIXTURES, full_conference

sys.path.insert(0, str(Path(__file__).parent))
from floor import floor_calendar_problems
from peers import (
    MConferenceData,
    PAddOnParameters,
    PConferenceData,
    PKey,
    PMore,
    PParameters,
    PPhone,
    PSip,
    PSolution,
    PVideo,
    accepts,
    pydantic_dump,
)

ROOT = Path(__file__).parent.parent
BIN = Path(sys.executable).parent

# --- the payloads ----------------------------------------------------------------------------

TYPICAL: dict[str, Any] = dict(full_conference().to_calendar_json())
TYPICAL_ADDON: dict[str, Any] = dict(full_conference().to_addon_json())
NOTES = TYPICAL["notes"]


def _changed(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    payload = copy.deepcopy(TYPICAL)
    change(payload)
    return payload


def _seven_errors(payload: dict[str, Any]) -> None:
    points = payload["entryPoints"]
    payload["conferenceId"] = ""  # empty
    points[0]["uri"] = "ftp://acme.example/j/123456789"  # uri-scheme
    points[1]["entryPointFeatures"] = ["toll", "toll_free"]  # toll-and-toll-free
    points[2]["regionCode"] = "usa"  # region-code
    points[3]["entryPointFeatures"] = ["toll"]  # feature-not-phone
    points[4]["lable"] = "Dial-in numbers"  # unknown-field
    payload["notes"] = NOTES * 30  # max-length


def _late_error(payload: dict[str, Any]) -> None:
    """The last value checked (the last parameter's) too long."""
    payload["parameters"]["addOnParameters"]["parameters"]["region"] = "us-east " * 200


# Each invalid payload: the codes it must report (errors, then warnings), checked first.
INVALID: dict[str, tuple[dict[str, Any], list[str], list[str]]] = {
    "one error early": (
        _changed(lambda p: p["entryPoints"][0].update(uri="ftp://acme.example/j/123456789")),
        ["uri-scheme"],
        [],
    ),
    "one error late": (_changed(_late_error), ["max-length"], []),
    "a warning only": (
        _changed(lambda p: p["entryPoints"][4].update(label="More ways to join")),
        [],
        ["label-on-more"],
    ),
    "seven errors": (
        _changed(_seven_errors),
        sorted(
            [
                "empty",
                "uri-scheme",
                "toll-and-toll-free",
                "region-code",
                "feature-not-phone",
                "unknown-field",
                "max-length",
            ]
        ),
        [],
    ),
}
MAXIMAL: dict[str, Any] = {
    "conferenceId": "max",
    "conferenceSolution": {"key": {"type": "addOn"}},
    "entryPoints": [{"entryPointType": "video", "uri": "https://acme.example/j/1"}]
    + [
        {
            "entryPointType": "phone",
            "uri": f"tel:+1202555{i:04d}",
            "label": f"+1 202-555-{i:04d}",
            "pin": f"{i:06d}",
            "regionCode": "US",
            "entryPointFeatures": ["toll"],
        }
        for i in range(299)
    ],
    "parameters": {"addOnParameters": {"parameters": {f"k{i}": f"v{i}" for i in range(300)}}},
}
ERROR_RESULT: dict[str, Any] = dict(FIXTURES["temporary-error"]().to_calendar_json())
MANY = 300_000


def many_entry_points(scheme: str) -> dict[str, Any]:
    """300,000 video entry points (more than 300, and all but one a second video: the same
    problems of the set either way), each with a URI of ``scheme``."""
    return {
        "conferenceId": "many",
        "conferenceSolution": {"key": {"type": "addOn"}},
        "entryPoints": [
            {"entryPointType": "video", "uri": f"{scheme}://acme.example/j/{i}"}
            for i in range(MANY)
        ],
    }


# --- the build contenders: the typical conference, the same JSON out -------------------------


def confdata_builders() -> object:
    return full_conference().to_calendar_json()


def confdata_values() -> object:
    return ConferenceData(
        conference_id="123-456-789",
        conference_solution_id="acme-video",
        entry_points=[
            EntryPoint.video(
                "https://acme.example/j/123456789",
                passcode="abc123",
                label="acme.example/j/123456789",
            ),
            EntryPoint.phone(
                "tel:+12025550123,,123456789#",
                pin="4321",
                region_code="US",
                features=[EntryPointFeature.TOLL],
                label="+1 202-555-0123",
            ),
            EntryPoint.phone(
                "tel:+18005550199,,123456789#",
                pin="4321",
                region_code="US",
                features=[EntryPointFeature.TOLL_FREE],
            ),
            EntryPoint.sip("sip:123456789@sip.acme.example", access_code="9"),
            EntryPoint.more("https://acme.example/dial-in/123456789"),
        ],
        parameters={"meetingId": "123456789", "hostKey": "h-42", "region": "us-east"},
        notes=NOTES,
    ).to_calendar_json()


def pydantic_build() -> object:
    return pydantic_dump(
        PConferenceData(
            conferenceId="123-456-789",
            conferenceSolution=PSolution(key=PKey(type="addOn")),
            entryPoints=[
                PVideo(
                    entryPointType="video",
                    uri="https://acme.example/j/123456789",
                    label="acme.example/j/123456789",
                    passcode="abc123",
                ),
                PPhone(
                    entryPointType="phone",
                    uri="tel:+12025550123,,123456789#",
                    label="+1 202-555-0123",
                    pin="4321",
                    regionCode="US",
                    entryPointFeatures=["toll"],
                ),
                PPhone(
                    entryPointType="phone",
                    uri="tel:+18005550199,,123456789#",
                    pin="4321",
                    regionCode="US",
                    entryPointFeatures=["toll_free"],
                ),
                PSip(entryPointType="sip", uri="sip:123456789@sip.acme.example", accessCode="9"),
                PMore(entryPointType="more", uri="https://acme.example/dial-in/123456789"),
            ],
            notes=NOTES,
            parameters=PParameters(
                addOnParameters=PAddOnParameters(
                    parameters={"meetingId": "123456789", "hostKey": "h-42", "region": "us-east"}
                )
            ),
        )
    )


def dict_literal() -> object:
    return {
        "conferenceId": "123-456-789",
        "conferenceSolution": {"key": {"type": "addOn"}},
        "entryPoints": [
            {
                "entryPointType": "video",
                "uri": "https://acme.example/j/123456789",
                "label": "acme.example/j/123456789",
                "passcode": "abc123",
            },
            {
                "entryPointType": "phone",
                "uri": "tel:+12025550123,,123456789#",
                "label": "+1 202-555-0123",
                "pin": "4321",
                "regionCode": "US",
                "entryPointFeatures": ["toll"],
            },
            {
                "entryPointType": "phone",
                "uri": "tel:+18005550199,,123456789#",
                "pin": "4321",
                "regionCode": "US",
                "entryPointFeatures": ["toll_free"],
            },
            {"entryPointType": "sip", "uri": "sip:123456789@sip.acme.example", "accessCode": "9"},
            {"entryPointType": "more", "uri": "https://acme.example/dial-in/123456789"},
        ],
        "notes": NOTES,
        "parameters": {
            "addOnParameters": {
                "parameters": {"meetingId": "123456789", "hostKey": "h-42", "region": "us-east"}
            }
        },
    }


# --- the tasks -------------------------------------------------------------------------------

SCHEMA = json_schema("calendar")
JSONSCHEMA = jsonschema.Draft202012Validator(SCHEMA)
FASTJSONSCHEMA = fastjsonschema.compile(SCHEMA)
JSONSCHEMA_RS = jsonschema_rs.validator_for(SCHEMA)

Contender = tuple[str, Callable[[], object]]


@dataclass(frozen=True)
class Compare:
    """One row of the table: ``subject``'s time over ``other``'s, and its target if any."""

    subject: str
    other: str
    limit: float | None = None  # the ratio must be at most this


@dataclass(frozen=True)
class Task:
    name: str
    contenders: list[Contender]
    rows: list[Compare]


@dataclass(frozen=True)
class Row:
    task: str
    subject: str
    subject_time: float
    other: str
    other_time: float | None  # None: the other contender fails on this payload
    measured: str
    target: str
    met: bool | None  # None: no target, for information
    score: float | None = None  # measured over target: at most 1 is met (the chart)


CONFDATA = "validate_calendar_json"
FLOOR = "the floor (floor.py)"


def _validators(payload: dict[str, Any], schemas: bool = True) -> list[Contender]:
    contenders: list[Contender] = [
        (CONFDATA, lambda: validate_calendar_json(payload)),
        ("msgspec convert", lambda: msgspec.convert(payload, MConferenceData)),
        ("pydantic model_validate", lambda: PConferenceData.model_validate(payload)),
        (FLOOR, lambda: floor_calendar_problems(payload)),
    ]
    if schemas:
        contenders += [
            ("jsonschema-rs is_valid", lambda: JSONSCHEMA_RS.is_valid(payload)),
            ("jsonschema is_valid", lambda: JSONSCHEMA.is_valid(payload)),
            ("fastjsonschema", lambda: FASTJSONSCHEMA(payload)),
        ]
    return contenders


def _info(names: Sequence[str]) -> list[Compare]:
    return [Compare(CONFDATA, name) for name in names]


def tasks(many: tuple[dict[str, Any], dict[str, Any]] | None) -> list[Task]:
    listed = [
        Task(
            "validate, valid typical",
            _validators(TYPICAL),
            [
                Compare(CONFDATA, FLOOR, 1.3),
                Compare(CONFDATA, "msgspec convert", 1.5),
                Compare(CONFDATA, "pydantic model_validate", 0.45),
                *_info(["jsonschema-rs is_valid", "jsonschema is_valid", "fastjsonschema"]),
                # What the peers' targets ask of pure Python: the floor against them.
                Compare(FLOOR, "msgspec convert"),
                Compare(FLOOR, "pydantic model_validate"),
            ],
        ),
        *(
            Task(
                f"validate, invalid: {name}",
                [
                    (CONFDATA, lambda p=payload: validate_calendar_json(p)),  # type: ignore[misc]
                    (FLOOR, lambda p=payload: floor_calendar_problems(p)),  # type: ignore[misc]
                ],
                [Compare(CONFDATA, FLOOR, 1.5)],
            )
            for name, (payload, _, _) in INVALID.items()
        ),
        Task(
            "validate, maximal (300 + 300), 101 warnings",
            _validators(MAXIMAL),
            [
                Compare(CONFDATA, FLOOR, 1.1),
                *_info(
                    [
                        "msgspec convert",
                        "pydantic model_validate",
                        "jsonschema-rs is_valid",
                        "jsonschema is_valid",
                        "fastjsonschema",
                    ]
                ),
            ],
        ),
        Task(
            "validate, an error result",
            _validators(ERROR_RESULT, schemas=False),
            _info(["msgspec convert", "pydantic model_validate", FLOOR]),
        ),
    ]
    if many is not None:
        invalid, valid = many
        listed.append(
            Task(
                f"validate, {MANY:,} entry points",
                [
                    ("ftp: URIs (invalid)", lambda: validate_calendar_json(invalid)),
                    ("https: URIs (valid)", lambda: validate_calendar_json(valid)),
                ],
                [Compare("ftp: URIs (invalid)", "https: URIs (valid)", 2.0)],
            )
        )
    listed += [
        Task(
            "build + emit, typical",
            [
                ("builders + to_calendar_json", confdata_builders),
                ("values + to_calendar_json", confdata_values),
                ("pydantic models + model_dump", pydantic_build),
                ("a dict literal", dict_literal),
            ],
            [
                Compare("builders + to_calendar_json", "pydantic models + model_dump", 1.1),
                Compare("values + to_calendar_json", "pydantic models + model_dump"),
                Compare("builders + to_calendar_json", "a dict literal"),
            ],
        ),
        Task(
            "from_calendar_json, typical",
            [
                ("from_calendar_json", lambda: ConferenceData.from_calendar_json(TYPICAL)),
                ("pydantic model_validate", lambda: PConferenceData.model_validate(TYPICAL)),
                ("msgspec convert", lambda: msgspec.convert(TYPICAL, MConferenceData)),
            ],
            [
                Compare("from_calendar_json", "pydantic model_validate", 1.3),
                Compare("from_calendar_json", "msgspec convert"),
            ],
        ),
        Task(
            "add-on form, typical",
            [
                ("validate_addon_json", lambda: validate_addon_json(TYPICAL_ADDON)),
                (CONFDATA, lambda: validate_calendar_json(TYPICAL)),
                (
                    "from_addon_json",
                    lambda: ConferenceData.from_addon_json(TYPICAL_ADDON),
                ),
                ("from_calendar_json", lambda: ConferenceData.from_calendar_json(TYPICAL)),
                ("to_addon_json", full_conference().to_addon_json),
                ("to_calendar_json", full_conference().to_calendar_json),
            ],
            [
                Compare("validate_addon_json", CONFDATA),
                Compare("from_addon_json", "from_calendar_json"),
                Compare("to_addon_json", "to_calendar_json"),
            ],
        ),
    ]
    return listed


# --- the checks that the contenders do the same work -----------------------------------------


def _same_problems(payload: object) -> str | None:
    def key(problems: Sequence[confdata.Problem]) -> list[tuple[str, str, str]]:
        return sorted((p.code, p.severity.value, p.path) for p in problems)

    ours, floor = key(validate_calendar_json(payload)), key(floor_calendar_problems(payload))
    return None if ours == floor else f"confdata {ours}\nthe floor {floor}"


def check_contenders(many: tuple[dict[str, Any], dict[str, Any]] | None) -> None:
    """Stop the run unless the contenders of each task do the same work."""
    failures = []
    for name, payload in [
        ("valid typical", TYPICAL),
        ("maximal", MAXIMAL),
        ("error result", ERROR_RESULT),
        *((name, payload) for name, (payload, _, _) in INVALID.items()),
    ]:
        differ = _same_problems(payload)
        if differ is not None:
            failures.append(f"the floor and confdata disagree on {name}:\n{differ}")
    for name, payload in [
        ("valid typical", TYPICAL),
        ("maximal", MAXIMAL),
        ("error", ERROR_RESULT),
    ]:
        problems = validate_calendar_json(payload)
        if any(p.is_error for p in problems) or (payload is not MAXIMAL and problems):
            # the maximal payload has 297 phone-not-shown warnings, as any of 300 must
            failures.append(f"confdata reports problems on the {name} payload")
        for peer, model in (("msgspec", MConferenceData), ("pydantic", PConferenceData)):
            if not accepts(model, payload):
                failures.append(f"{peer} rejects the {name} payload")
    for name, (payload, errors, warnings) in INVALID.items():
        problems = validate_calendar_json(payload)
        found = (
            sorted(p.code for p in problems if p.is_error),
            sorted(p.code for p in problems if not p.is_error),
        )
        if found != (errors, warnings):
            failures.append(f"{name}: confdata reports {found}, not {(errors, warnings)}")
        for peer, model in (("msgspec", MConferenceData), ("pydantic", PConferenceData)):
            accepted = accepts(model, payload)
            if accepted != (not errors):
                failures.append(f"{peer} {'accepts' if accepted else 'rejects'} '{name}'")
    built = [confdata_builders(), confdata_values(), pydantic_build(), dict_literal(), TYPICAL]
    if any(json != built[0] for json in built):
        failures.append("the build contenders write different JSON")
    if many is not None:
        invalid, valid = ({p.code for p in validate_calendar_json(payload)} for payload in many)
        if invalid - valid != {"uri-scheme"}:
            failures.append(f"{MANY:,} entry points: invalid {invalid}, valid {valid}")
    if failures:
        raise SystemExit("the contenders do not do the same work:\n" + "\n".join(failures))


# --- timing ----------------------------------------------------------------------------------


def _loop(function: Callable[[], object], budget: float) -> tuple[timeit.Timer, int]:
    """A timer of ``function`` (the garbage collector on, as in use) and the number of calls
    that take about ``budget`` seconds."""
    timer = timeit.Timer(function, setup=gc.enable)
    number = 1
    while True:
        took = timer.timeit(number)
        if took >= budget / 4:
            return timer, max(1, round(number * budget / took))
        number *= 4 if took < budget / 40 else 2


def interleaved(
    functions: Sequence[Callable[[], object]], budget: float, rounds: int
) -> list[list[float]]:
    """The time of one call of each function, in each of ``rounds`` rounds; each round times
    every function once, starting one further along each time."""
    loops = [_loop(function, budget) for function in functions]
    times: list[list[float]] = [[] for _ in functions]
    for round_ in range(rounds):
        for offset in range(len(loops)):
            index = (round_ + offset) % len(loops)
            timer, number = loops[index]
            times[index].append(timer.timeit(number) / number)
    return times


def run_task(task: Task, budget: float, rounds: int) -> list[Row]:
    failing: dict[str, str] = {}
    for name, function in task.contenders:
        try:
            function()
        except Exception as error:  # a peer that cannot run this payload: shown as failing
            failing[name] = f"fails: {type(error).__name__}"
    working = [(n, f) for n, f in task.contenders if n not in failing]
    times = dict(
        zip(
            [name for name, _ in working],
            interleaved([f for _, f in working], budget, rounds),
            strict=True,
        )
    )
    rows = []
    for compare in task.rows:
        subject = times[compare.subject]
        target = f"≤ {compare.limit:g}×" if compare.limit is not None else "—"
        if compare.other in failing:
            rows.append(
                Row(
                    task.name,
                    compare.subject,
                    statistics.median(subject),
                    compare.other,
                    None,
                    failing[compare.other],
                    target,
                    None,
                )
            )
            continue
        other = times[compare.other]
        ratio = statistics.median(s / o for s, o in zip(subject, other, strict=True))
        met = None if compare.limit is None else ratio <= compare.limit
        rows.append(
            Row(
                task.name,
                compare.subject,
                statistics.median(subject),
                compare.other,
                statistics.median(other),
                f"{ratio:.2f}×",
                target,
                met,
                None if compare.limit is None else ratio / compare.limit,
            )
        )
    return rows


def _wall(command: Sequence[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def start_up(runs: int) -> list[Row]:
    """``import confdata`` against ``import attrs`` and ``confdata --help`` against a bare
    interpreter: fresh interpreters in interleaved rounds, each minus an empty one's start."""
    python = sys.executable
    commands = {
        "pass": [python, "-c", "pass"],
        "import attrs": [python, "-c", "import attrs"],
        "import confdata": [python, "-c", "import confdata"],
        "import confdata, every module": [
            python,
            "-c",
            "import confdata, confdata.builders, confdata.validation, confdata.manifest, "
            "confdata.writes, confdata.cli",
        ],
        "confdata --help": [str(BIN / "confdata"), "--help"],
    }
    for command in commands.values():
        _wall(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs):
        names = list(commands)
        names = names[round_ % len(names) :] + names[: round_ % len(names)]
        for name in names:
            times[name].append(_wall(commands[name]))
    bare = statistics.median(times["pass"])
    above = {name: statistics.median(t) - bare for name, t in times.items()}
    ratio = above["import confdata"] / above["import attrs"]
    every = above["import confdata, every module"] / above["import attrs"]
    help_ms = above["confdata --help"] * 1e3
    return [
        Row("import (fresh interpreters)", "import confdata", above["import confdata"],
            "import attrs", above["import attrs"], f"{ratio:.2f}×", "≤ 1.3×", ratio <= 1.3,
            ratio / 1.3),
        Row("import (fresh interpreters)", "import confdata, every module",
            above["import confdata, every module"], "import attrs", above["import attrs"],
            f"{every:.2f}×", "—", None),
        Row("--help (fresh interpreters)", "confdata --help", above["confdata --help"],
            "python -c pass", bare, f"+{help_ms:.0f} ms", "≤ +80 ms", help_ms <= 80,
            help_ms / 80),
    ]  # fmt: skip


def _break(payload: dict[str, Any], index: int) -> dict[str, Any]:
    """``payload`` with one error the exported schema also finds, of three kinds in turn."""
    broken = copy.deepcopy(payload)
    if index % 3 == 0:
        broken["notes"] = 3  # type
    elif index % 3 == 1:
        broken["lable"] = "Join"  # unknown-field
    else:
        broken["conferenceId"] = "x" * 600  # max-length
    return broken


def command_line(count: int, runs: int) -> Row:
    """``confdata validate DIR`` and ``check-jsonschema --schemafile`` (with the schema
    ``confdata schema`` prints) on the same ``count`` small files: the fixtures' Calendar
    JSON, indented, every third one with an error. Both must exit 1 and name exactly the
    broken files; ``runs`` interleaved rounds, the median of the per-round ratios."""
    payloads = [f().to_calendar_json() for f in FIXTURES.values()]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "conferences"
        base.mkdir()
        files, broken = [], set()
        for index in range(count):
            path = base / f"conference-{index:05d}.json"
            payload: Any = payloads[index % len(payloads)]
            if index % 3 == 2:
                payload = _break(payload, index // 3)
                broken.add(str(path))
            path.write_text(json.dumps(payload, indent=2), encoding="utf-8")
            files.append(str(path))
        schema = Path(folder) / "schema.json"
        schema.write_text(json.dumps(SCHEMA), encoding="utf-8")
        output = Path(folder) / "output.txt"
        commands = {
            "confdata": [str(BIN / "confdata"), "validate", str(base)],
            "check-jsonschema": [
                str(BIN / "check-jsonschema"),
                "--schemafile",
                str(schema),
                *files,
            ],
        }
        # Which files each names: confdata's lines start with the file, check-jsonschema's
        # are indented and end the file's name with "::".
        named = {
            "confdata": lambda line: line.split(":", 1)[0] if ": error " in line else None,
            "check-jsonschema": lambda line: (
                line[2:].split("::", 1)[0] if line.startswith("  /") and "::" in line else None
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for round_ in range(runs):
            for name in sorted(commands, reverse=round_ % 2 == 1):
                with output.open("w", encoding="utf-8") as out:
                    start = time.perf_counter()
                    status = subprocess.run(commands[name], stdout=out, check=False).returncode
                    times[name].append(time.perf_counter() - start)
                lines = output.read_text(encoding="utf-8").splitlines()
                found = {n for n in map(named[name], lines) if n is not None}
                if status != 1 or found != broken:
                    raise SystemExit(
                        f"{name} on {count:,} files: exit {status}, {len(found):,} files named "
                        f"({len(found & broken):,} of the {len(broken):,} broken ones)"
                    )
    ours, theirs = times["confdata"], times["check-jsonschema"]
    faster = statistics.median(t / o for o, t in zip(ours, theirs, strict=True))
    return Row(
        f"command line, {count:,} files, a third invalid",
        "confdata validate DIR",
        statistics.median(ours),
        "check-jsonschema --schemafile",
        statistics.median(theirs),
        f"{faster:.1f}× faster",
        "≥ 10× faster",
        faster >= 10,
        10 / faster,
    )


def peak_memory() -> dict[str, int]:
    """Peak memory (tracemalloc) of validating the maximal payload once."""
    found = {}
    for name, function in _validators(MAXIMAL, schemas=False):
        tracemalloc.start()
        function()
        found[name] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return found


# --- reporting -------------------------------------------------------------------------------


def interpreter() -> str:
    """The Python that runs the benchmark, how it was built, and the peers' versions."""
    configured = sysconfig.get_config_var("CONFIG_ARGS") or ""
    built = "built with" if "--enable-optimizations" in configured else "built without"
    shared = ", shared library" if "--enable-shared" in configured else ""
    versions = ", ".join(
        f"{name} {version}"
        for name, version in [
            ("pydantic", pydantic.VERSION),
            ("msgspec", msgspec.__version__),
            ("jsonschema-rs", _version("jsonschema-rs")),
        ]
    )
    return (
        f"{platform.python_implementation()} {platform.python_version()} ({built} PGO{shared}) "
        f"on {os.cpu_count()} cores; {versions}"
    )


def _version(distribution: str) -> str:
    from importlib.metadata import version

    return version(distribution)


def _time(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.1f} µs"


def _met(met: bool | None) -> str:
    return "" if met is None else ("met" if met else "**not met**")


def print_table(rows: list[Row]) -> None:
    widths = (44, 29, 9, 29, 9, 12, 13)
    header = ("task", "confdata", "time", "against", "time", "ratio", "target")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + "  met")
    for row in rows:
        cells = (
            row.task,
            row.subject,
            _time(row.subject_time),
            row.other,
            _time(row.other_time),
            row.measured,
            row.target,
        )
        line = "  ".join(
            (c if i == len(cells) - 2 else c[:w]).ljust(w)  # the ratio is never cut
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )
        print(f"{line}  {_met(row.met).strip('*')}", flush=True)


def write_results(rows: list[Row], memory: dict[str, int], line: str, quick: bool) -> None:
    """The Markdown table and the chart that docs/performance.md shows."""
    lines = [
        f"Measured by `make bench`{' --quick' if quick else ''} on {time.strftime('%Y-%m-%d')}: "
        f"{line}. A ratio is confdata's time over the other contender's (below 1: confdata "
        "is faster), the median of the ratios measured in each interleaved round.",
        "",
        "| task | confdata | time | against | time | ratio | target | |",
        "|---|---|---:|---|---:|---:|---|---|",
        *(
            f"| {r.task} | {r.subject} | {_time(r.subject_time)} | {r.other} | "
            f"{_time(r.other_time)} | {r.measured} | {r.target} | {_met(r.met)} |"
            for r in rows
        ),
        "",
        "Peak memory validating the maximal payload once (tracemalloc): "
        + ", ".join(f"{name} {size / 1024:.0f} KiB" for name, size in memory.items())
        + ".",
        "",
    ]
    (ROOT / "docs" / "performance-results.md").write_text("\n".join(lines), encoding="utf-8")
    chart([r for r in rows if r.score is not None])


def chart(rows: list[Row]) -> None:
    """One bar per target: the measured value over the target, so that at most 1 is met."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [f"{r.task}\nvs {r.other}" for r in rows]
    scores = [r.score or math.nan for r in rows]
    figure, axes = plt.subplots(figsize=(10, 0.5 * len(rows) + 1.2))
    axes.barh(labels, scores, color=["#2a9d8f" if r.met else "#e76f51" for r in rows])
    for y, row in enumerate(rows):
        axes.annotate(
            f" {row.measured} (target {row.target})",
            (row.score or 0, y),
            va="center",
            fontsize=7,
        )
    axes.axvline(1, color="black", linewidth=1)
    axes.set_xscale("log")
    axes.set_xlim(right=max(s for s in scores if not math.isnan(s)) * 4)
    axes.set_xlabel("measured ÷ target (log scale): at most 1 is met")
    axes.invert_yaxis()
    axes.tick_params(axis="y", labelsize=7)
    figure.tight_layout()
    figure.savefig(ROOT / "docs" / "_static" / "performance.png", dpi=110)


def main() -> None:
    quick = "--quick" in sys.argv
    budget, rounds = (0.05, 3) if quick else (0.3, 7)
    line = interpreter()
    print(line, flush=True)
    many = (many_entry_points("ftp"), many_entry_points("https"))
    check_contenders(many)
    gc.collect()
    gc.freeze()  # the payloads stay out of the collections the contenders cause
    print(
        f"each ratio: the median over {rounds} interleaved rounds of confdata's time over the "
        f"other's in that round (about {budget:g} s a contender a round)\n",
        flush=True,
    )
    rows: list[Row] = []
    for task in tasks(many):
        found = run_task(task, budget, rounds)
        rows += found
        print_table(found)
    del many
    gc.unfreeze()
    gc.collect()
    found = start_up(10 if quick else 40)
    print_table(found)
    rows += found
    if shutil.which("check-jsonschema", path=str(BIN)):
        found = [command_line(1000 if quick else 10_000, 1 if quick else 3)]
        print_table(found)
        rows += found
    memory = peak_memory()
    print("\n" + line)
    print_table(rows)
    print(
        "peak memory validating the maximal payload: "
        + ", ".join(f"{name} {size / 1024:.0f} KiB" for name, size in memory.items())
    )
    write_results(rows, memory, line, quick)


if __name__ == "__main__":
    main()
