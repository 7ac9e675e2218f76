"""Coverage-guided fuzzing (atheris) of the raw-JSON validators and readers.

Each input is decoded as JSON when it can be (mutations of the seed payloads then reach deep
into the rules), otherwise structured values are drawn from the raw bytes. Anything but a
list of problems from the validators, or a value / ValidationError from the readers, is a
crash. Run by ``make fuzz``; ``python fuzz/fuzz_validate.py -max_total_time=60``.
"""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Any

import atheris

with atheris.instrument_imports():
    import confdata
    from confdata import ConferenceData, ValidationError


def _value(provider: atheris.FuzzedDataProvider, depth: int = 0) -> Any:
    kind = provider.ConsumeIntInRange(0, 7 if depth < 6 else 4)
    if kind == 0:
        return None
    if kind == 1:
        return provider.ConsumeBool()
    if kind == 2:
        return provider.ConsumeInt(4)
    if kind == 3:
        return provider.ConsumeRegularFloat()
    if kind == 4:
        return provider.ConsumeUnicodeNoSurrogates(40)
    if kind == 5:
        return [_value(provider, depth + 1) for _ in range(provider.ConsumeIntInRange(0, 4))]
    keys = [
        "conferenceId",
        "entryPoints",
        "entryPointType",
        "type",
        "uri",
        "pin",
        "regionCode",
        "entryPointFeatures",
        "features",
        "parameters",
        "addOnParameters",
        "error",
        "authenticationUrl",
        "note",
        "notes",
        "conferenceSolution",
        "key",
        "createRequest",
        "status",
        "statusCode",
        "conferenceSolutionId",
        "label",
        "value",
    ]
    return {
        provider.PickValueInList(keys)
        if provider.ConsumeBool()
        else provider.ConsumeUnicodeNoSurrogates(8): _value(provider, depth + 1)
        for _ in range(provider.ConsumeIntInRange(0, 5))
    }


def test_one_input(data: bytes) -> None:
    try:
        value: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        value = _value(atheris.FuzzedDataProvider(data))
    for validate, is_valid in (
        (confdata.validate_calendar_json, confdata.is_valid_calendar_json),
        (confdata.validate_addon_json, confdata.is_valid_addon_json),
    ):
        problems = validate(value)
        if not isinstance(problems, list):
            raise AssertionError("a validator returned something else than a list")
        for problem in problems:
            str(problem)
        # One engine: the yes-or-no answer is the list's.
        if is_valid(value) != (not any(p.is_error for p in problems)):
            raise AssertionError("is_valid_* and validate_* disagree")
    for read, write, validate in (
        (
            ConferenceData.from_calendar_json,
            ConferenceData.to_calendar_json,
            confdata.validate_calendar_json,
        ),
        (
            ConferenceData.from_addon_json,
            ConferenceData.to_addon_json,
            confdata.validate_addon_json,
        ),
    ):
        for lenient in (False, True):
            try:
                result = read(value, lenient=lenient)
            except ValidationError:
                continue
            if not lenient:
                # What a strict read accepts is written back valid, and reads back equal.
                written = write(result)
                if any(p.is_error for p in validate(written)) or read(written) != result:
                    raise AssertionError("a strict read did not round-trip")
            for emit in (result.to_calendar_json, result.to_addon_json):
                # A value read leniently may hold values the other form cannot spell.
                with contextlib.suppress(ValidationError):
                    emit()


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
