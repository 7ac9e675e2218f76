"""What reading and emitting the two forms share: the check that decides whether a read may
go on, keeping what the values have no field for, and entry points in either form."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from . import spec as _spec
from .jsondata import Preserved, insert_preserved, not_json
from .problems import Problem, ValidationError
from .rules.members import exact_str
from .sink import Sink, pointer
from .spec import Form
from .walk.shared import as_array, as_object

__all__ = ["Reader", "check_read", "put_back", "spell_entry_point"]

Walk = Callable[[Sink, object], None]


def _unholdable(problem: Problem) -> bool:
    # A field holds a value of its type, and an entry point, parameter or error cannot be
    # without its required members; a missing member of the conference is simply None.
    if problem.code == "type":
        return True
    return problem.code == "required" and problem.path.count("/") > 1


def check_read(walk: Walk, obj: object, *, lenient: bool) -> list[Problem]:
    """The problems of ``obj``, raising :class:`ValidationError` unless the read may go on:
    a strict read has no error; a lenient one only what values can hold."""
    sink = Sink()
    walk(sink, obj)
    problems = sink.finish()
    if any(_unholdable(p) if lenient else p.is_error for p in problems):
        raise ValidationError(problems)
    return problems


class Reader:
    """Turns a checked value of one form into the values' keyword arguments, keeping what
    they have no field for (unknown members and values, empty containers) by JSON Pointer."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self.preserved: dict[str, Any] = {}
        self._sink = Sink()

    def keep(self, value: object, *tokens: str | int) -> None:
        """Keep ``value`` verbatim at ``tokens`` (it must be JSON)."""
        path = pointer("", *tokens)
        why = not_json(value)
        if why is not None and self._sink.take("type"):
            self._sink.put("type", path, f"a member kept from the input holds {why}")
        self.preserved[path] = value

    def keep_unknown(
        self, members: Iterable[tuple[object, object]], known: frozenset[str], *tokens: str | int
    ) -> None:
        """Keep every member that is not in ``known``."""
        for key, value in members:
            name = exact_str(key)
            if name is not None and name not in known:
                self.keep(value, *tokens, name)

    def finish(self) -> Preserved:
        """What was kept; raises if any of it is not JSON."""
        self._sink.raise_errors()
        return Preserved(self.preserved)

    def entry_points(self, value: object) -> list[dict[str, Any]]:
        """Keyword arguments for each entry point of a known type; the others are kept."""
        items = as_array(value) or ()
        if not items:
            self.keep(value, "entryPoints")
        out = []
        for index, item in enumerate(items):
            fields = self.entry_point(item, index)
            if fields is not None:
                out.append(fields)
        return out

    def entry_point(self, value: object, index: int) -> dict[str, Any] | None:
        """One entry point's keyword arguments, or None when its type is unknown (then the
        whole entry point is kept: there is no value to hold it)."""
        form = self.form
        members = {exact_str(k): v for k, v in as_object(value) or ()}
        kind = form.types.get(exact_str(members.get(form.type_member)) or "")
        if kind is None:
            self.keep(value, "entryPoints", index)
            return None
        fields: dict[str, Any] = {"type": kind}
        for name, raw in members.items():
            spec = form.entry_point_texts.get(name or "")
            if spec is not None:
                fields[spec.attr] = exact_str(raw)
        raw_features = members.get(form.features_member)
        if raw_features is not None:
            items = as_array(raw_features) or ()
            if not items:
                self.keep(raw_features, "entryPoints", index, form.features_member)
            features = []
            for position, item in enumerate(items):
                feature = form.features.get(exact_str(item) or "")
                if feature is None:
                    self.keep(item, "entryPoints", index, form.features_member, position)
                else:
                    features.append(feature)
            fields["features"] = tuple(features)
        self.keep_unknown(members.items(), form.entry_point_members, "entryPoints", index)
        return fields


def spell_entry_point(ep: Any, form: Form) -> dict[str, Any]:
    """One entry point (a :class:`~confdata.EntryPoint`) in ``form``'s spelling."""
    out: dict[str, Any] = {form.type_member: form.type_spellings[ep.type]}
    for spec in _spec.ENTRY_POINT_TEXTS:
        value = getattr(ep, spec.attr)
        if value is not None:
            out[spec.json] = value
    if ep.features:
        out[form.features_member] = [form.feature_spellings[f] for f in ep.features]
    return out


# Where a form keeps values (not members) that only it can spell: an entry point of unknown
# type, and unknown enum values.
_VALUE_POINTERS = {
    "calendar": re.compile(
        r"/entryPoints/\d+(/entryPointFeatures/\d+)?"
        r"|/conferenceSolution/key/type|/createRequest/(conferenceSolutionKey/type|status/statusCode)"
    ),
    "addon": re.compile(r"/entryPoints/\d+(/features/\d+)?|/error/type"),
}


def put_back(
    out: dict[str, Any], data: Any, form: Form, dropped: frozenset[str] = frozenset()
) -> None:
    """Put back into ``out`` what ``data`` kept when it was read from ``form``, but for what
    lies below the members the emitter ``dropped`` (an error result's data); emitting another
    form, an unknown value kept from the first raises (it has no spelling here)."""
    preserved: Mapping[str, Any] = data.preserved
    if not preserved:
        return
    if data.source_form == form.name:
        kept = {
            path: preserved[path]
            for path in preserved
            if not dropped or path.split("/", 2)[1] not in dropped
        }
        insert_preserved(out, kept)
        return
    source = _spec.FORMS.get(data.source_form or "")
    pattern = _VALUE_POINTERS.get(data.source_form or "")
    sink = Sink()
    for path in preserved:
        unknown_value = source is not None and pattern is not None and pattern.fullmatch(path)
        if unknown_value and sink.take("enum"):
            assert source is not None
            sink.put(
                "enum",
                _translated(path, source, form),
                f"a value read leniently from the {source.name} form has no spelling in "
                f"the {form.name} form",
            )
    sink.raise_errors()


def _translated(path: str, source: Form, target: Form) -> str:
    """The pointer ``path`` of ``source`` as ``target`` spells it (an entry point's type and
    features members; a whole entry point is named by its type)."""
    tokens = path.split("/")
    if len(tokens) == 3:  # /entryPoints/N: an entry point of a type only the source knows
        tokens.append(source.type_member)
    names = {source.type_member: target.type_member, source.features_member: target.features_member}
    return "/".join(names.get(token, token) if i == 3 else token for i, token in enumerate(tokens))
