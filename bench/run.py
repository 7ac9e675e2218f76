"""confdata's benchmark suite: the same payloads for every contender, one table of ratios.

``make bench`` runs it. Prints the median time per call of each contender, its ratio to
confdata on the same task (measured in this same run), peak memory, import time and the
command line on 10,000 files, then writes ``docs/performance-results.md`` and the bar chart
``docs/_static/performance.png``. Numbers are never asserted: they are measured and shown.
"""

from __future__ import annotations

import json
import math
import os
import platform
import re
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
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import jsonschema_rs
import msgspec
from gcsa.conference import ConferenceSolution as GConferenceSolution
from gcsa.conference import EntryPoint as GEntryPoint
from gcsa.serializers.conference_serializer import ConferenceSolutionSerializer

from confdata import (
    ConferenceData,
    ConferenceDataBuilder,
    EntryPoint,
    EntryPointFeature,
    validate_addon_json,
    validate_calendar_json,
)
from confdata.fixtures import full_conference
from confdata.schema import json_schema

sys.path.insert(0, str(Path(__file__).parent))
from peers import (
    MConferenceData,
    MEntryPoint,
    MKey,
    MSolution,
    PConferenceData,
    PEntryPoint,
    PKey,
    PParameters,
    PSolution,
    pydantic_dump,
)

ROOT = Path(__file__).parent.parent
NOTES = full_conference().notes or ""  # the same text for every contender

TYPICAL: dict[str, Any] = dict(full_conference().to_calendar_json())
TYPICAL_ADDON: dict[str, Any] = dict(full_conference().to_addon_json())
MAXIMAL: dict[str, Any] = {
    "conferenceId": "max",
    "conferenceSolution": {"key": {"type": "addOn"}},
    "entryPoints": [{"entryPointType": "video", "uri": "https://acme.example/j/1"}]
    + [
        {
            "entryPointType": "phone",
            "uri": f"tel:+1202555{i:04d}",
            "regionCode": "US",
            "entryPointFeatures": ["toll"],
        }
        for i in range(299)
    ],
    "parameters": {"addOnParameters": {"parameters": {f"k{i}": f"v{i}" for i in range(300)}}},
}
ERROR_RESULT: dict[str, Any] = {
    "createRequest": {
        "conferenceSolutionKey": {"type": "addOn"},
        "status": {"statusCode": "failure"},
    }
}


def confdata_build() -> object:
    # The fixture builds the typical conference from scratch with the builders.
    return full_conference().to_calendar_json()


def confdata_values() -> object:
    # The same conference from the value constructors (each checks itself), no builder steps;
    # the parameters as a dict of key to value, the shortest way to give them.
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


def pydantic_build() -> object:
    return pydantic_dump(
        PConferenceData(
            conferenceId="123-456-789",
            conferenceSolution=PSolution(key=PKey(type="addOn")),
            entryPoints=[
                PEntryPoint(
                    entryPointType="video",
                    uri="https://acme.example/j/123456789",
                    label="acme.example/j/123456789",
                    passcode="abc123",
                ),
                PEntryPoint(
                    entryPointType="phone",
                    uri="tel:+12025550123,,123456789#",
                    label="+1 202-555-0123",
                    pin="4321",
                    regionCode="US",
                    entryPointFeatures=["toll"],
                ),
                PEntryPoint(
                    entryPointType="phone",
                    uri="tel:+18005550199,,123456789#",
                    pin="4321",
                    regionCode="US",
                    entryPointFeatures=["toll_free"],
                ),
                PEntryPoint(
                    entryPointType="sip", uri="sip:123456789@sip.acme.example", accessCode="9"
                ),
                PEntryPoint(entryPointType="more", uri="https://acme.example/dial-in/123456789"),
            ],
            notes=NOTES,
            parameters=PParameters.model_validate(
                {
                    "addOnParameters": {
                        "parameters": {
                            "meetingId": "123456789",
                            "hostKey": "h-42",
                            "region": "us-east",
                        }
                    }
                }
            ),
        )
    )


def msgspec_build() -> object:
    from peers import MAddOnParameters, MParameters

    return msgspec.to_builtins(
        MConferenceData(
            conferenceId="123-456-789",
            conferenceSolution=MSolution(key=MKey(type="addOn")),
            entryPoints=[
                MEntryPoint(
                    entryPointType="video",
                    uri="https://acme.example/j/123456789",
                    label="acme.example/j/123456789",
                    passcode="abc123",
                ),
                MEntryPoint(
                    entryPointType="phone",
                    uri="tel:+12025550123,,123456789#",
                    label="+1 202-555-0123",
                    pin="4321",
                    regionCode="US",
                    entryPointFeatures=["toll"],
                ),
                MEntryPoint(
                    entryPointType="phone",
                    uri="tel:+18005550199,,123456789#",
                    pin="4321",
                    regionCode="US",
                    entryPointFeatures=["toll_free"],
                ),
                MEntryPoint(
                    entryPointType="sip", uri="sip:123456789@sip.acme.example", accessCode="9"
                ),
                MEntryPoint(entryPointType="more", uri="https://acme.example/dial-in/123456789"),
            ],
            notes=NOTES,
            parameters=MParameters(
                addOnParameters=MAddOnParameters(
                    parameters={"meetingId": "123456789", "hostKey": "h-42", "region": "us-east"}
                )
            ),
        )
    )


def gcsa_build() -> object:
    solution = GConferenceSolution(
        entry_points=[
            GEntryPoint(
                "video",
                uri="https://acme.example/j/123456789",
                label="acme.example/j/123456789",
                passcode="abc123",
            ),
            GEntryPoint(
                "phone", uri="tel:+12025550123,,123456789#", label="+1 202-555-0123", pin="4321"
            ),
            GEntryPoint("phone", uri="tel:+18005550199,,123456789#", pin="4321"),
            GEntryPoint("sip", uri="sip:123456789@sip.acme.example", access_code="9"),
            GEntryPoint("more", uri="https://acme.example/dial-in/123456789"),
        ],
        solution_type="addOn",
        conference_id="123-456-789",
        notes=NOTES,
    )
    return ConferenceSolutionSerializer.to_json(solution)


# gcsa cannot express parameters, region codes, entry point features or a solution ID, so
# its contender above builds less than the typical conference. The same work for all: the
# conference gcsa builds, as exactly the JSON its serializer gives (main() checks).


def confdata_values_gcsa_members() -> object:
    return ConferenceData(
        conference_id="123-456-789",
        entry_points=[
            EntryPoint.video(
                "https://acme.example/j/123456789",
                passcode="abc123",
                label="acme.example/j/123456789",
            ),
            EntryPoint.phone("tel:+12025550123,,123456789#", pin="4321", label="+1 202-555-0123"),
            EntryPoint.phone("tel:+18005550199,,123456789#", pin="4321"),
            EntryPoint.sip("sip:123456789@sip.acme.example", access_code="9"),
            EntryPoint.more("https://acme.example/dial-in/123456789"),
        ],
        notes=NOTES,
    ).to_calendar_json()


def confdata_build_gcsa_members() -> object:
    return (
        ConferenceDataBuilder()
        .conference_id("123-456-789")
        .entry_point(
            EntryPoint.video(
                "https://acme.example/j/123456789",
                passcode="abc123",
                label="acme.example/j/123456789",
            )
        )
        .entry_point(
            EntryPoint.phone("tel:+12025550123,,123456789#", pin="4321", label="+1 202-555-0123")
        )
        .entry_point(EntryPoint.phone("tel:+18005550199,,123456789#", pin="4321"))
        .entry_point(EntryPoint.sip("sip:123456789@sip.acme.example", access_code="9"))
        .entry_point(EntryPoint.more("https://acme.example/dial-in/123456789"))
        .notes(NOTES)
        .build()
        .to_calendar_json()
    )


def dict_literal_gcsa_members() -> object:
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
            },
            {"entryPointType": "phone", "uri": "tel:+18005550199,,123456789#", "pin": "4321"},
            {"entryPointType": "sip", "uri": "sip:123456789@sip.acme.example", "accessCode": "9"},
            {"entryPointType": "more", "uri": "https://acme.example/dial-in/123456789"},
        ],
        "notes": NOTES,
    }


SCHEMA = json_schema("calendar")
JSONSCHEMA = jsonschema.Draft202012Validator(SCHEMA)
FASTJSONSCHEMA = fastjsonschema.compile(SCHEMA)
JSONSCHEMA_RS = jsonschema_rs.validator_for(SCHEMA)


def _validators(payload: dict[str, Any]) -> list[tuple[str, Callable[[], object]]]:
    return [
        ("confdata validate_calendar_json", lambda: validate_calendar_json(payload)),
        ("pydantic model_validate", lambda: PConferenceData.model_validate(payload)),
        ("msgspec convert", lambda: msgspec.convert(payload, MConferenceData)),
        ("jsonschema is_valid", lambda: JSONSCHEMA.is_valid(payload)),
        ("fastjsonschema", lambda: FASTJSONSCHEMA(payload)),
        ("jsonschema-rs is_valid", lambda: JSONSCHEMA_RS.is_valid(payload)),
    ]


TASKS: list[tuple[str, list[tuple[str, Callable[[], object]]]]] = [
    (
        "build + emit, typical",
        [
            ("confdata builders + to_calendar_json", confdata_build),
            ("confdata values + to_calendar_json", confdata_values),
            ("dict literal (the floor)", dict_literal),
            ("pydantic models + model_dump", pydantic_build),
            ("msgspec Structs + to_builtins", msgspec_build),
            ("gcsa ConferenceSolution + serializer", gcsa_build),
        ],
    ),
    (
        "build + emit, gcsa's subset",
        [
            ("confdata values + to_calendar_json", confdata_values_gcsa_members),
            ("confdata builders + to_calendar_json", confdata_build_gcsa_members),
            ("dict literal (the floor)", dict_literal_gcsa_members),
            ("gcsa ConferenceSolution + serializer", gcsa_build),
        ],
    ),
    ("validate raw JSON, typical", _validators(TYPICAL)),
    ("validate raw JSON, maximal (300 + 300)", _validators(MAXIMAL)),
    ("validate raw JSON, error result", _validators(ERROR_RESULT)),
    (
        "parse, typical",
        [
            ("confdata from_calendar_json", lambda: ConferenceData.from_calendar_json(TYPICAL)),
            ("pydantic model_validate", lambda: PConferenceData.model_validate(TYPICAL)),
            ("msgspec convert", lambda: msgspec.convert(TYPICAL, MConferenceData)),
        ],
    ),
    (
        "add-on form, typical",
        [
            ("confdata validate_addon_json", lambda: validate_addon_json(TYPICAL_ADDON)),
            ("confdata from_addon_json", lambda: ConferenceData.from_addon_json(TYPICAL_ADDON)),
            ("confdata to_addon_json", full_conference().to_addon_json),
        ],
    ),
]


def interpreter() -> str:
    """The Python that runs the benchmark, and whether it was built optimised (PGO)."""
    configured = sysconfig.get_config_var("CONFIG_ARGS") or ""
    optimised = "--enable-optimizations" in configured
    return (
        f"{platform.python_implementation()} {platform.python_version()} "
        f"({'built with' if optimised else 'built without'} PGO"
        f"{', shared library' if '--enable-shared' in configured else ''})"
    )


def interleaved_medians(
    functions: Sequence[Callable[[], object]], budget: float = 0.4, rounds: int = 7
) -> list[float]:
    """The median time of one call of each function, over ``rounds`` rounds that each time
    every function once, in turn: whatever drifts during a run (other work on the machine,
    the clock) then falls on all contenders of a task alike, and their ratios hold still.
    Each loop is sized to take about ``budget`` seconds."""
    timers = []
    for function in functions:
        function()
        timer = timeit.Timer(function)
        number, _ = timer.autorange()  # at least 0.2 s
        timers.append((timer, max(1, int(number * budget / 0.2))))
    samples: list[list[float]] = [[] for _ in functions]
    for _ in range(rounds):
        for (timer, number), sample in zip(timers, samples, strict=True):
            sample.append(timer.timeit(number) / number)
    return [statistics.median(sample) for sample in samples]


def peak_memory(function: Callable[[], object]) -> int:
    tracemalloc.start()
    function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def import_time(statement: str, runs: int = 15) -> float:
    """Median wall time of ``python -c statement`` minus that of ``python -c pass``."""

    def wall(code: str) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    return wall(statement) - wall("pass")


IMPORTS = {
    "import attrs": "import attrs",
    "import confdata": "import confdata",
    "import confdata, then load everything": (
        "import confdata; confdata.ConferenceDataBuilder; confdata.validate_calendar_json; "
        "confdata.Manifest; confdata.patch_arguments"
    ),
}


def cli_files(count: int) -> tuple[float, float]:
    """Seconds for the confdata command and check-jsonschema on the same ``count`` files."""
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        payloads = [
            TYPICAL,
            dict(ConferenceData.from_calendar_json(TYPICAL).to_calendar_json()),
            ERROR_RESULT,
        ]
        files = []
        for index in range(count):
            path = base / f"conference-{index:05d}.json"
            path.write_text(json.dumps(payloads[index % len(payloads)]), encoding="utf-8")
            files.append(str(path))
        schema = base / "schema.json"
        schema.write_text(json.dumps(SCHEMA), encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(
            [str(bin_dir / "confdata"), "validate", "--form", "calendar", folder],
            capture_output=True,
            check=False,
        )
        ours = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run(
            [str(bin_dir / "check-jsonschema"), "--schemafile", str(schema), *files],
            capture_output=True,
            check=False,
        )
        theirs = time.perf_counter() - start
    return ours, theirs


def main() -> None:
    quick = "--quick" in sys.argv
    # The contenders must do the same work: confdata's two ways of building give the literal.
    if not confdata_build() == confdata_values() == dict_literal():
        raise SystemExit("the build contenders disagree with the dict literal")
    if not (
        confdata_build_gcsa_members()
        == confdata_values_gcsa_members()
        == dict_literal_gcsa_members()
        == gcsa_build()
    ):
        raise SystemExit("the contenders on what gcsa can express disagree with gcsa")
    rows: list[tuple[str, str, float, float]] = []
    print(f"{interpreter()} on {os.cpu_count()} cores; times are medians of 7 interleaved rounds")
    print(f"{'task':<40} {'contender':<40} {'median':>11} {'vs confdata':>12}")
    for task, contenders in TASKS:
        failures: dict[str, Exception] = {}
        for name, function in contenders:
            try:
                function()
            except Exception as error:  # a peer that cannot handle the valid payload
                failures[name] = error
        working = [(name, f) for name, f in contenders if name not in failures]
        medians = dict(
            zip(
                [name for name, _ in working],
                interleaved_medians([f for _, f in working], 0.1 if quick else 0.4),
                strict=True,
            )
        )
        base = medians[contenders[0][0]]  # confdata's, listed first
        for name, _ in contenders:  # in the order listed
            if name in failures:
                failure = failures[name]
                print(
                    f"{task:<40} {name:<40} fails on this valid payload: "
                    f"{type(failure).__name__}: {str(failure)[:60]}"
                )
                rows.append((task, f"{name} (fails: {type(failure).__name__})", math.nan, math.nan))
                continue
            seconds = medians[name]
            ratio = seconds / base
            rows.append((task, name, seconds, ratio))
            print(f"{task:<40} {name:<40} {seconds * 1e6:9.1f}µs {ratio:11.2f}x")
    memory = {
        "confdata": peak_memory(lambda: validate_calendar_json(MAXIMAL)),
        "pydantic": peak_memory(lambda: PConferenceData.model_validate(MAXIMAL)),
        "msgspec": peak_memory(lambda: msgspec.convert(MAXIMAL, MConferenceData)),
    }
    print(
        "peak memory validating the maximal payload: "
        + ", ".join(f"{k} {v / 1024:.0f} KiB" for k, v in memory.items())
    )
    imports = {name: import_time(code, 5 if quick else 15) for name, code in IMPORTS.items()}
    for name, seconds in imports.items():
        print(
            f"{name}: {seconds * 1e3:.1f} ms ({seconds / imports['import attrs']:.2f}x "
            f"import attrs)"
        )
    count = 1000 if quick else 10_000
    ours, theirs = (
        cli_files(count)
        if shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
        else (float("nan"), float("nan"))
    )
    print(
        f"command line on {count} files: confdata {ours:.2f} s, check-jsonschema {theirs:.2f} s "
        f"({theirs / ours:.1f}x faster)"
    )
    write_results(rows, memory, imports, count, ours, theirs)


def write_results(
    rows: list[tuple[str, str, float, float]],
    memory: dict[str, int],
    imports: dict[str, float],
    count: int,
    ours: float,
    theirs: float,
) -> None:
    """The Markdown table and the bar chart that docs/performance.md shows."""
    lines = [
        f"Measured by `make bench` on {time.strftime('%Y-%m-%d')}, {interpreter()}, "
        f"{os.cpu_count()} cores. Ratio: the contender's median "
        "time over confdata's on the same task, in the same run (below 1 is faster than "
        "confdata).",
        "",
        "| task | contender | median | ratio |",
        "|---|---|---:|---:|",
    ]
    lines += [
        f"| {task} | {name} | {seconds * 1e6:.1f} µs | {ratio:.2f} |"
        if not math.isnan(seconds)
        else f"| {task} | {name} | — | — |"
        for task, name, seconds, ratio in rows
    ]
    lines += [
        "",
        "| measure | confdata | peer |",
        "|---|---:|---:|",
        f"| peak memory, maximal payload | {memory['confdata'] / 1024:.0f} KiB | pydantic "
        f"{memory['pydantic'] / 1024:.0f} KiB, msgspec {memory['msgspec'] / 1024:.0f} KiB |",
        f"| `import confdata` (names load on first use) | "
        f"{imports['import confdata'] * 1e3:.1f} ms | `import attrs` "
        f"{imports['import attrs'] * 1e3:.1f} ms |",
        f"| `import confdata`, then every module loaded | "
        f"{imports['import confdata, then load everything'] * 1e3:.1f} ms | `import attrs` "
        f"{imports['import attrs'] * 1e3:.1f} ms |",
        f"| command line, {count} files | {ours:.2f} s | check-jsonschema {theirs:.2f} s |",
        "",
    ]
    (ROOT / "docs" / "performance-results.md").write_text("\n".join(lines), encoding="utf-8")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    peers = [
        (f"{task}\n{name}", ratio)
        for task, name, _, ratio in rows
        if not name.startswith("confdata") and not math.isnan(ratio)
    ]
    figure, axes = plt.subplots(figsize=(9, 0.38 * len(peers) + 1.2))
    labels = [re.sub(r"\s+", " ", label.replace("\n", " — ")) for label, _ in peers]
    values = [ratio for _, ratio in peers]
    colors = ["#2a9d8f" if v >= 1 else "#e76f51" for v in values]
    axes.barh(labels, values, color=colors)
    axes.axvline(1, color="black", linewidth=1)
    axes.set_xscale("log")
    axes.set_xlabel("time relative to confdata, same task (log scale; above 1: slower)")
    axes.invert_yaxis()
    axes.tick_params(axis="y", labelsize=7)
    figure.tight_layout()
    figure.savefig(ROOT / "docs" / "_static" / "performance.png", dpi=110)


if __name__ == "__main__":
    main()
