"""Outside ``_core.spec`` and the TypedDicts, the JSON member names of the two conference forms
are not spelt: every other module builds the names and paths it needs from the spec, so a
member renamed or added in the spec is renamed or added everywhere."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import confdata
from confdata._core import spec

SOURCE = Path(confdata.__file__).parent

NOT_SCANNED = {
    "_core/spec.py": "the shapes: where the names are spelt",
    "_core/calendar_form.py": "the Calendar form's TypedDicts",
    "_core/addon_form.py": "the add-on form's TypedDicts",
}

# The member names checked: every name of both conference forms of 7 characters or more.
# The shorter ones (type, key, name, uri, pin, label, note, notes, value, error, status) are
# also an Event's members, rule codes, argument names and value fields, which a scan of
# literals cannot tell apart.
CHECKED = frozenset(
    member.json
    for shape in (spec.CALENDAR_CONFERENCE, spec.ADDON_CONFERENCE)
    for _, member in spec.walk(shape)
    if len(member.json) >= 7
)

# Where a checked name is another form's, module by module. Every entry must still be needed
# (see test_the_allow_list_is_no_larger_than_needed).
OTHER_FORMS: dict[str, frozenset[str]] = {
    # Another form's own member: the manifest's addOns.calendar.conferenceSolution[].
    "manifest.py": frozenset({"conferenceSolution"}),
    "apps_script.py": frozenset({"conferenceSolution"}),
    # Another form's own member: the discovery document's (and its methods') parameters.
    "testing/_fake/http.py": frozenset({"parameters"}),
    # Another form's names: the query parameters that carry a secret inside a URI.
    "_core/text.py": frozenset({"passcode", "password"}),
}

# Where a checked name is a Python name that equals a member's JSON name: a value's field
# (the key of a table by field, a keyword argument) or an argument named in a message. A scan
# of literals cannot tell these from JSON names; each is listed, and each entry must still be
# needed (see test_the_allow_list_is_no_larger_than_needed).
PYTHON_NAMES: dict[str, frozenset[str]] = {
    "_core/builders.py": frozenset({"parameters", "signature", "passcode", "password"}),
    "_core/gen/__main__.py": frozenset({"parameters"}),
    "_core/gen/values.py": frozenset({"features", "parameters"}),
    "_core/values.py": frozenset({"features", "parameters"}),
    "_join/values.py": frozenset({"features"}),
    # The providers' own JSON and the values' keyword arguments built from it.
    "providers/_build.py": frozenset({"passcode", "password"}),
    "providers/_teams.py": frozenset({"passcode", "conferenceId"}),
    "providers/_webex.py": frozenset({"password", "accessCode"}),
    "providers/_zoom.py": frozenset({"passcode", "password"}),
}
ALLOWED = {
    module: OTHER_FORMS.get(module, frozenset()) | PYTHON_NAMES.get(module, frozenset())
    for module in {*OTHER_FORMS, *PYTHON_NAMES}
}


def spelt(source: str | ast.Module) -> dict[str, set[int]]:
    """The checked names ``source`` spells in a string literal, with their lines: a literal
    that is the name, or a JSON Pointer or dotted path without spaces that has it as one of
    its steps. The arguments of ``json_path`` are a value's field names, not JSON names."""
    tree = ast.parse(source) if isinstance(source, str) else source
    fields = {
        id(argument)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) == "json_path"
        for argument in node.args[1:]
    }
    found: dict[str, set[int]] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and type(node.value) is str):
            continue
        if id(node) in fields or re.search(r"\s", node.value):
            continue
        for name in {node.value, *re.split(r"[/.]", node.value)} & CHECKED:
            found.setdefault(name, set()).add(node.lineno)
    return found


@functools.cache
def _trees() -> dict[str, ast.Module]:
    """Every module under ``src/confdata``, parsed, by its path there."""
    return {
        path.relative_to(SOURCE).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(SOURCE.rglob("*.py"))
    }


@functools.cache
def _scanned() -> dict[str, dict[str, set[int]]]:
    """What each scanned module spells, by its path under ``src/confdata``."""
    return {name: spelt(tree) for name, tree in _trees().items() if name not in NOT_SCANNED}


def test_the_checked_names_are_the_forms_distinctive_ones() -> None:
    """The scan looks for the names that matter: among them every member the issue names."""
    assert {
        "conferenceId",
        "entryPoints",
        "createRequest",
        "conferenceSolution",
        "conferenceSolutionId",
        "conferenceSolutionKey",
        "entryPointType",
        "entryPointFeatures",
        "regionCode",
        "statusCode",
        "requestId",
        "addOnParameters",
        "authenticationUrl",
        "iconUri",
    } <= CHECKED
    assert not {"type", "key", "name", "uri", "status", "error"} & CHECKED


def test_the_scan_finds_names_and_paths_not_field_names() -> None:
    """A literal that is a name, or a pointer or dotted path through one, counts; a message
    with spaces, a value's field name given to ``json_path``, and other words do not."""
    source = (
        'a = {"entryPoints": [], "video": 1}\n'
        'b = f"{where}/createRequest/status/statusCode"\n'
        'c = "conferenceSolution.key.type"\n'
        'd = spec.json_path(spec.ADDON_CONFERENCE, "parameters")\n'
        'e = "ask again with a new requestId"\n'
        'f = "conferenceIdentity"\n'
    )
    assert spelt(source) == {
        "entryPoints": {1},
        "createRequest": {2},
        "statusCode": {2},
        "conferenceSolution": {3},
    }


def test_no_module_spells_a_member_name_of_the_forms() -> None:
    """Outside the spec and the TypedDicts, no module spells a checked member name of the
    conference forms in a string literal, but for the allow-list's."""
    spelt_here = {}
    for module, found in _scanned().items():
        allowed = ALLOWED.get(module, frozenset())
        extra = {name: sorted(lines) for name, lines in found.items() if name not in allowed}
        if extra:
            spelt_here[module] = extra
    assert spelt_here == {}


def test_the_allow_list_is_no_larger_than_needed() -> None:
    """Every name allowed, as another form's or as a Python name, is still spelt where it is
    allowed."""
    scanned = _scanned()
    stale = {
        module: sorted(names - set(scanned.get(module, {})))
        for module, names in ALLOWED.items()
        if names - set(scanned.get(module, {}))
    }
    assert stale == {}


def test_the_deprecated_solution_types_are_spelt_once() -> None:
    """The deprecated solution types are the enum's members (spec.DEPRECATED_SPELLINGS is
    derived from them): no module keeps a table of their spellings of its own."""
    spelling = {
        module
        for module, tree in _trees().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in spec.DEPRECATED_SPELLINGS
    }
    assert spelling == {"_core/enums.py"}
