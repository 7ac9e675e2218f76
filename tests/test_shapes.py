"""The shapes are data: the TypedDicts agree with them, the tables are expressions over them,
and the generated code can be read (printed, and in tracebacks)."""

from __future__ import annotations

import subprocess
import sys
import traceback
import typing
from typing import Any

import pytest
import typing_extensions

from confdata import addon_form, calendar_form
from confdata._core import spec
from confdata._core.gen import passes
from confdata._core.sink import Sink

# Each TypedDict and the shape it spells.
AGREEMENT: list[tuple[Any, spec.Shape]] = [
    (calendar_form.CalendarConferenceData, spec.CALENDAR_CONFERENCE),
    (calendar_form.CalendarConferenceSolution, spec.CALENDAR_SOLUTION),
    (calendar_form.CalendarCreateRequest, spec.CALENDAR_REQUEST),
    (calendar_form.CalendarEntryPoint, spec.CALENDAR_ENTRY_POINT),
    (calendar_form.CalendarParameters, spec.CALENDAR_PARAMETERS),
    (addon_form.AddonConferenceData, spec.ADDON_CONFERENCE),
    (addon_form.AddonEntryPoint, spec.ADDON_ENTRY_POINT),
    (addon_form.AddonParameter, spec.PARAMETER),
    (addon_form.AddonError, spec.ADDON_ERROR),
]


def _nested(typed: Any, shape: spec.Shape) -> list[tuple[Any, spec.Shape]]:
    """The TypedDicts of ``typed``'s object members and the shapes they spell."""
    hints = typing.get_type_hints(typed)
    out = []
    for member in shape.members:
        if isinstance(member, spec.Nested):
            out.append((hints[member.json], member.shape))
    return out


def _all_pairs() -> list[tuple[Any, spec.Shape]]:
    pairs = list(AGREEMENT)
    for typed, shape in AGREEMENT:
        pairs += _nested(typed, shape)
    return pairs


@pytest.mark.parametrize(
    ("typed", "shape"), _all_pairs(), ids=lambda v: getattr(v, "name", getattr(v, "__name__", ""))
)
def test_each_typeddict_spells_its_shape(typed: Any, shape: spec.Shape) -> None:
    """The TypedDict has exactly the shape's members, the ones its object cannot be without
    are required, and arrays, maps and objects are typed as such."""
    hints = typing.get_type_hints(typed)
    assert set(hints) == shape.names
    always = {m.json for m in shape.members if m.required == "always"}
    assert always <= typed.__required_keys__
    # A wrapper's one member is written whenever the wrapper is: required there too.
    extra = typed.__required_keys__ - always
    assert not extra or (len(shape.members) == 1 and shape.value is None)
    for member in shape.members:
        hint = hints[member.json]
        origin = typing.get_origin(hint)
        if isinstance(member, spec.Many):
            assert origin is list, member.json
        elif isinstance(member, spec.Pairs):
            assert origin is dict, member.json
        elif isinstance(member, spec.Nested):
            assert typing_extensions.is_typeddict(hint), member.json
        else:
            assert hint is str, member.json


def test_form_detection_reads_the_shapes() -> None:
    """What only one form has is what the command line's form detection looks for."""
    from confdata._cli.documents import guess_form

    for name in ("calendar", "addon"):
        for member in spec.ONLY_IN[name]:
            assert guess_form({member: "x"}) == name
    assert guess_form({"parameters": []}) == "addon"
    assert guess_form({"entryPoints": [{"type": "VIDEO"}]}) == "addon"
    assert guess_form({"entryPoints": [{"entryPointType": "video"}]}) == "calendar"


def test_the_generated_source_can_be_printed() -> None:
    """python -m confdata._core.gen --show prints the code a form's pass runs."""
    shown = subprocess.run(
        [sys.executable, "-m", "confdata._core.gen", "--show", "calendar"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert shown.startswith("def run(sink, obj, root, solution_ids):")
    assert "entry_point_set(sink" in shown
    assert shown == passes.generate(spec.CALENDAR, "check")[1]


def test_a_traceback_shows_the_generated_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tracebacks through generated code name its file and show its lines."""

    def broken(*arguments: object) -> None:
        raise RuntimeError("a bug in a rule")

    run, _ = passes.generate(spec.CALENDAR, "check", guards=False)
    monkeypatch.setitem(run.__globals__, "wrong_type", broken)
    with pytest.raises(RuntimeError) as caught:
        run(Sink(), 5, "", None)
    frames = traceback.extract_tb(caught.value.__traceback__)
    generated = [f for f in frames if f.filename.startswith("<confdata generated:")]
    assert generated
    assert generated[-1].line is not None
    assert "wrong_type(sink, obj" in generated[-1].line
