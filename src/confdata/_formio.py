"""What emitting and reading the two JSON forms share: spelling enum values, entry points,
and keeping members the model has no field for."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from typing import Any

from . import model
from ._checks import FormNames, report
from ._json import copy_json, insert_preserved, pointer
from ._problems import Problem, ValidationError
from ._text import show

__all__ = ["Emitter", "Reader", "put_back_preserved", "raise_if_unreadable"]


class Emitter:
    """Writes values in one form; unknown enum values read from the other form cannot be."""

    def __init__(self, data: model.ConferenceData, names: FormNames) -> None:
        self.data = data
        self.names = names
        self.problems: list[Problem] = []

    def spell(self, value: object, spellings: Mapping[Any, str], path: str) -> Any:
        """The form's spelling of an enum member, or a value kept verbatim from this form."""
        if isinstance(value, enum.Enum):
            return spellings[value]
        if self.data.source_form != self.names.form:
            report(
                self.problems,
                "enum",
                path,
                f"{show(value)} was read leniently from the {self.data.source_form} form and "
                f"has no spelling in the {self.names.form} form",
            )
        return value

    def entry_point(self, ep: model.EntryPoint, index: int) -> dict[str, Any]:
        """One entry point in this form."""
        names = self.names
        kind = ep.type
        # Enum members hash and compare as their value; a value read leniently is not found.
        spelled = names.type_names.get(kind)  # type: ignore[call-overload]
        if spelled is None:
            spelled = self.spell(
                kind, names.type_names, f"/entryPoints/{index}/{names.entry_point_type}"
            )
        # Unrolled, and read from the instance dict (a subscript is cheaper than an attribute
        # here): this runs for every entry point emitted.
        values = ep.__dict__
        if "uri" not in values:  # one that holds its JSON: its fields are filled in first
            model.unfold(ep)
        out: dict[str, Any] = {names.entry_point_type: spelled, "uri": values["uri"]}
        if (label := values["label"]) is not None:
            out["label"] = label
        if (pin := values["pin"]) is not None:
            out["pin"] = pin
        if (access_code := values["access_code"]) is not None:
            out["accessCode"] = access_code
        if (meeting_code := values["meeting_code"]) is not None:
            out["meetingCode"] = meeting_code
        if (passcode := values["passcode"]) is not None:
            out["passcode"] = passcode
        if (password := values["password"]) is not None:
            out["password"] = password
        if (region_code := values["region_code"]) is not None:
            out["regionCode"] = region_code
        features = ep.features
        if features:
            key = names.features
            spellings = names.feature_names
            try:
                if len(features) == 1:  # the common case, without a comprehension's frame
                    out[key] = [spellings[features[0]]]  # type: ignore[index]
                else:
                    out[key] = [spellings[f] for f in features]  # type: ignore[index]
            except KeyError:  # a value read leniently: kept if it was read from this form
                out[key] = [
                    self.spell(f, spellings, f"/entryPoints/{index}/{key}/{i}")
                    for i, f in enumerate(features)
                ]
        return out

    def entry_points(self, entry_points: Sequence[model.EntryPoint]) -> list[dict[str, Any]]:
        """Every entry point in this form, member by member."""
        entry_point = self.entry_point
        return [entry_point(ep, index) for index, ep in enumerate(entry_points)]

    def finish(self, out: dict[str, Any]) -> None:
        """Raise for values this form cannot spell; put back members kept from this form."""
        if self.problems:
            raise ValidationError(self.problems)
        put_back_preserved(self.data, self.names, out)


def put_back_preserved(data: model.ConferenceData, names: FormNames, out: dict[str, Any]) -> None:
    """Put back into ``out`` the members ``data`` kept when it was read from this form."""
    if data.preserved and data.source_form == names.form:
        insert_preserved(out, data.preserved)


def _unrepresentable(problem: Problem) -> bool:
    # Wrong JSON types cannot be held by typed fields, nor can an entry point, parameter or
    # error without its required members; a missing top-level member is simply None.
    if problem.code == "type":
        return True
    return problem.code == "required" and problem.path.count("/") > 1


def raise_if_unreadable(problems: list[Problem], *, lenient: bool) -> None:
    """Raise :class:`ValidationError` unless a (strict or lenient) read may go on."""
    if lenient:
        if any(_unrepresentable(p) for p in problems):
            raise ValidationError(problems)
    elif any(p.is_error for p in problems):
        raise ValidationError(problems)


class Reader:
    """Turns checked JSON of one form into values, keeping what the model has no field for."""

    def __init__(self, names: FormNames) -> None:
        self.names = names
        self.preserved: dict[str, Any] = {}

    def keep_unknown(self, obj: dict[str, Any], known: frozenset[str], *path: str | int) -> None:
        """Keep every member of ``obj`` that is not in ``known``."""
        if not known.issuperset(obj):
            for key, value in obj.items():
                if key not in known:
                    self.preserved[pointer(*path, key)] = copy_json(value)

    def keep(self, value: Any, *path: str | int) -> None:
        """Keep ``value`` verbatim at ``path``."""
        self.preserved[pointer(*path)] = copy_json(value)

    def entry_points(self, raw: list[Any] | None) -> tuple[model.EntryPoint, ...]:
        """The entry points of a checked array (an empty one is kept verbatim)."""
        if raw is None:
            return ()
        if not raw:
            self.keep(raw, "entryPoints")
        return tuple(self.entry_point(ep, i) for i, ep in enumerate(raw))

    def entry_point(self, ep: dict[str, Any], index: int) -> model.EntryPoint:
        """One checked entry point."""
        names = self.names
        self.keep_unknown(ep, names.entry_point_members, "entryPoints", index)
        raw_type = ep[names.entry_point_type]
        features = ep.get(names.features)
        if features is not None and not features:
            self.keep(features, "entryPoints", index, names.features)
        table = names.features_by_spelling
        get = ep.get
        return model.make_entry_point(
            names.types.get(raw_type, raw_type),
            ep["uri"],
            get("label"),
            get("pin"),
            get("accessCode"),
            get("meetingCode"),
            get("passcode"),
            get("password"),
            get("regionCode"),
            tuple(table.get(f, f) for f in features) if features else (),
            None,  # read leniently, so checked again wherever it is used
        )

    def conference(self, problems: list[Problem], **fields: Any) -> model.ConferenceData:
        """The value, with everything kept and the problems found while reading."""
        defaults: dict[str, Any] = {
            "conference_id": None,
            "entry_points": (),
            "parameters": (),
            "notes": None,
            "error": None,
            "conference_solution_id": None,
            "create_request": None,
            "signature": None,
            "conference_solution": None,
        }
        defaults.update(fields)
        return model._unchecked(
            model.ConferenceData,
            **defaults,
            preserved=model._freeze_preserved(self.preserved),
            source_form=self.names.form,
            read_problems=tuple(problems),
        )
