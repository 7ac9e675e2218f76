"""The Calendar form's error rules written for the peers: pydantic v2 models and msgspec Structs.

Both check what confdata's errors check on the Calendar form (README.md lists each rule and
what neither can say): unknown members, JSON types, lengths, empty strings, enums, the URI
of each entry point type (its scheme and the shape ``uri-malformed`` asks for, as one regular
expression per type), counts, one video/SIP/more, not only more, features and region codes
on phone entry points only, the region code's shape, toll xor toll-free, solution-or-request
and an ``addOn`` conference's ID. Warnings are left out: neither library has the notion, so
what confdata only warns about passes (``null`` for an optional member among it).

Each is written the way its own documentation recommends, as tight as it allows: a tagged
union of one class per entry point type (so a feature or region code on a non-phone entry
point is an unknown member, and each type's URI pattern is its own field's constraint),
constraints declared on the types (``msgspec.Meta``, pydantic's ``Field``), and Python only
for the rules that span members (one ``__post_init__`` / validator per conference, and one
for a phone's features).
"""

from __future__ import annotations

import sys
import unicodedata
from typing import Annotated, Literal

import msgspec
import pydantic
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "MConferenceData",
    "PAddOnParameters",
    "PConferenceData",
    "PKey",
    "PMore",
    "PParameters",
    "PPhone",
    "PSip",
    "PSolution",
    "PVideo",
    "accepts",
    "pydantic_dump",
]


def _bad_ranges() -> list[tuple[int, int]]:
    """What ``uri-malformed`` rejects anywhere in a URI: whitespace, Unicode Cc and Cf."""
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isspace() or unicodedata.category(char) in ("Cc", "Cf"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return ranges


_BAD = _bad_ranges()


def _class(rust: bool, without: str = "") -> str:
    """The characters a URI may hold, less those of ``without``, as a class of one engine.

    Rust's regex compiles any class alike, so there it is the negated class. Python's re
    tries a class's ranges in order, so there printable ASCII comes first, as the ranges
    left between the characters rejected.
    """
    if rust:
        bad = [*_BAD, *((ord(c), ord(c)) for c in without)]
        return "[^" + "".join(f"\\x{{{lo:X}}}-\\x{{{hi:X}}}" for lo, hi in bad) + "]"
    cuts = sorted({*(ord(c) for c in without), 0x7F})
    good: list[tuple[int, int]] = []
    low = 0x21
    for cut in cuts:  # printable ASCII, less ``without``
        if low < cut:
            good.append((low, cut - 1))
        low = cut + 1
    low = 0x80
    for bad_low, bad_high in _BAD:  # then every other character that is not rejected
        if bad_high < low:
            continue
        if low < bad_low:
            good.append((low, bad_low - 1))
        low = bad_high + 1
    good.append((low, sys.maxunicode))
    return "[" + "".join(f"\\U{lo:08X}-\\U{hi:08X}" for lo, hi in good) + "]"


def _uri_patterns(rust: bool) -> dict[str, str]:
    """One anchored pattern per entry point type: its schemes and ``uri-malformed``'s shape
    (a host for http(s), a port 0-65535, something after the scheme, a digit in ``tel:``)."""
    good = _class(rust)
    end = "$" if rust else r"\Z"  # Python's $ also matches before a final newline
    port = r"0*(?:[0-9]{0,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])"
    userinfo = _class(rust, "/?#")
    host = _class(rust, "/?#@:[]")
    ipv6 = _class(rust, "/?#@]")
    authority = rf"(?:{userinfo}*@)?(?:{host}+|\[{ipv6}*\])(?::{port})?"
    return {
        "web": rf"^(?i:https?)://{authority}(?:[/?#]{good}*)?{end}",
        "tel": rf"^(?i:tel):{_class(rust, '0123456789')}*[0-9]{good}*{end}",
        "sip": rf"^(?i:sips?):{good}+{end}",
    }


# Python's re (msgspec) and Rust's regex crate (pydantic) spell a code point differently.
_PY = _uri_patterns(rust=False)
_RUST = _uri_patterns(rust=True)
REGION = r"^[A-Z]{2}$"
SOLUTION_TYPE = Literal["eventHangout", "eventNamedHangout", "hangoutsMeet", "addOn"]
FEATURE = Literal["toll", "toll_free"]


def _entry_point_set(kinds: list[type], video: type, sip: type, more: type) -> None:
    """At most one video, SIP and more entry point, and not only more ones."""
    mores = kinds.count(more)
    if kinds.count(video) > 1 or kinds.count(sip) > 1 or mores > 1 or mores == len(kinds):
        raise ValueError("at most one video, sip and more entry point, and not only more")


# --- msgspec ---------------------------------------------------------------------------------

MCode = Annotated[str, msgspec.Meta(max_length=128)]
MLabel = Annotated[str, msgspec.Meta(max_length=512)]


class _MStruct(
    msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True, gc=False
):
    pass


class MKey(_MStruct):
    type: SOLUTION_TYPE | None = None


class MSolution(_MStruct):
    key: MKey | None = None
    name: str | None = None
    iconUri: str | None = None


class MStatus(_MStruct):
    statusCode: Literal["pending", "success", "failure"] | None = None


class MRequest(_MStruct):
    requestId: Annotated[str, msgspec.Meta(min_length=1)] | None = None
    conferenceSolutionKey: MKey | None = None
    status: MStatus | None = None


class _MEntryPoint(_MStruct, tag_field="entryPointType"):
    label: MLabel | None = None
    pin: MCode | None = None
    accessCode: MCode | None = None
    meetingCode: MCode | None = None
    passcode: MCode | None = None
    password: MCode | None = None


class _MNotPhone(_MEntryPoint):
    # A phone's members, null only (read as absent: a null-member warning, not an error).
    regionCode: None = None
    entryPointFeatures: None = None


class MVideo(_MNotPhone, tag="video", kw_only=True):
    uri: Annotated[str, msgspec.Meta(max_length=1300, pattern=_PY["web"])]


class MMore(_MNotPhone, tag="more", kw_only=True):
    uri: Annotated[str, msgspec.Meta(max_length=1300, pattern=_PY["web"])]


class MSip(_MNotPhone, tag="sip", kw_only=True):
    uri: Annotated[str, msgspec.Meta(max_length=1300, pattern=_PY["sip"])]


class MPhone(_MEntryPoint, tag="phone", kw_only=True):
    uri: Annotated[str, msgspec.Meta(max_length=1300, pattern=_PY["tel"])]
    regionCode: Annotated[str, msgspec.Meta(pattern=REGION)] | None = None
    entryPointFeatures: list[FEATURE] | None = None

    def __post_init__(self) -> None:
        features = self.entryPointFeatures
        if features and len(features) > 1 and "toll" in features and "toll_free" in features:
            raise ValueError("toll and toll_free together")


class MAddOnParameters(_MStruct):
    parameters: (
        Annotated[
            dict[
                Annotated[str, msgspec.Meta(min_length=1, max_length=50)],
                Annotated[str, msgspec.Meta(max_length=1024)],
            ],
            msgspec.Meta(max_length=300),
        ]
        | None
    ) = None


class MParameters(_MStruct):
    addOnParameters: MAddOnParameters | None = None


class MConferenceData(_MStruct):
    conferenceId: Annotated[str, msgspec.Meta(min_length=1, max_length=512)] | None = None
    conferenceSolution: MSolution | None = None
    createRequest: MRequest | None = None
    entryPoints: (
        Annotated[list[MVideo | MPhone | MSip | MMore], msgspec.Meta(max_length=300)] | None
    ) = None
    notes: Annotated[str, msgspec.Meta(max_length=2048)] | None = None
    parameters: MParameters | None = None
    signature: str | None = None

    def __post_init__(self) -> None:
        points = self.entryPoints
        if points:
            _entry_point_set(list(map(type, points)), MVideo, MSip, MMore)
        solution = self.conferenceSolution
        if self.createRequest is None and (not points or solution is None):
            raise ValueError("conferenceSolution with entry points, or createRequest")
        if (
            self.conferenceId is None
            and solution is not None
            and solution.key is not None
            and solution.key.type == "addOn"
        ):
            raise ValueError("conferenceId is required for addOn")


# --- pydantic v2 -----------------------------------------------------------------------------

PCode = Annotated[str, Field(max_length=128)]


class _PModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class PKey(_PModel):
    type: SOLUTION_TYPE | None = None


class PSolution(_PModel):
    key: PKey | None = None
    name: str | None = None
    iconUri: str | None = None


class PStatus(_PModel):
    statusCode: Literal["pending", "success", "failure"] | None = None


class PRequest(_PModel):
    requestId: Annotated[str, Field(min_length=1)] | None = None
    conferenceSolutionKey: PKey | None = None
    status: PStatus | None = None


class _PEntryPoint(_PModel):
    label: Annotated[str, Field(max_length=512)] | None = None
    pin: PCode | None = None
    accessCode: PCode | None = None
    meetingCode: PCode | None = None
    passcode: PCode | None = None
    password: PCode | None = None


class _PNotPhone(_PEntryPoint):
    # A phone's members, null only (read as absent: a null-member warning, not an error).
    regionCode: None = None
    entryPointFeatures: None = None


class PVideo(_PNotPhone):
    entryPointType: Literal["video"]
    uri: Annotated[str, Field(max_length=1300, pattern=_RUST["web"])]


class PMore(_PNotPhone):
    entryPointType: Literal["more"]
    uri: Annotated[str, Field(max_length=1300, pattern=_RUST["web"])]


class PSip(_PNotPhone):
    entryPointType: Literal["sip"]
    uri: Annotated[str, Field(max_length=1300, pattern=_RUST["sip"])]


class PPhone(_PEntryPoint):
    entryPointType: Literal["phone"]
    uri: Annotated[str, Field(max_length=1300, pattern=_RUST["tel"])]
    regionCode: Annotated[str, Field(pattern=REGION)] | None = None
    entryPointFeatures: list[FEATURE] | None = None

    @field_validator("entryPointFeatures")
    @classmethod
    def _toll_xor_toll_free(cls, value: list[str] | None) -> list[str] | None:
        if value and "toll" in value and "toll_free" in value:
            raise ValueError("toll and toll_free together")
        return value


PEntryPoint = Annotated[PVideo | PPhone | PSip | PMore, Field(discriminator="entryPointType")]


class PAddOnParameters(_PModel):
    parameters: (
        Annotated[
            dict[
                Annotated[str, Field(min_length=1, max_length=50)],
                Annotated[str, Field(max_length=1024)],
            ],
            Field(max_length=300),
        ]
        | None
    ) = None


class PParameters(_PModel):
    addOnParameters: PAddOnParameters | None = None


class PConferenceData(_PModel):
    conferenceId: Annotated[str, Field(min_length=1, max_length=512)] | None = None
    conferenceSolution: PSolution | None = None
    createRequest: PRequest | None = None
    entryPoints: Annotated[list[PEntryPoint], Field(max_length=300)] | None = None
    notes: Annotated[str, Field(max_length=2048)] | None = None
    parameters: PParameters | None = None
    signature: str | None = None

    @field_validator("entryPoints")
    @classmethod
    def _entry_point_set(
        cls, value: list[PVideo | PPhone | PSip | PMore] | None
    ) -> list[PVideo | PPhone | PSip | PMore] | None:
        if value:
            _entry_point_set(list(map(type, value)), PVideo, PSip, PMore)
        return value

    @model_validator(mode="after")
    def _result(self) -> PConferenceData:
        solution = self.conferenceSolution
        if self.createRequest is None and (not self.entryPoints or solution is None):
            raise ValueError("conferenceSolution with entry points, or createRequest")
        if (
            self.conferenceId is None
            and solution is not None
            and solution.key is not None
            and solution.key.type == "addOn"
        ):
            raise ValueError("conferenceId is required for addOn")
        return self


def pydantic_dump(model: BaseModel) -> dict[str, object]:
    """The model's JSON, without the members left unset."""
    return model.model_dump(exclude_none=True)


assert pydantic.VERSION.startswith("2")


# --- checked against confdata on generated payloads -------------------------------------------


def accepts(model: type[MConferenceData] | type[PConferenceData], payload: object) -> bool:
    """True when the peer takes ``payload`` as valid Calendar conference data."""
    try:
        if model is PConferenceData:
            PConferenceData.model_validate(payload)
        else:
            msgspec.convert(payload, MConferenceData)
    except (msgspec.ValidationError, pydantic.ValidationError):
        return False
    return True


def main() -> None:
    """Each peer accepts a generated payload (members set to null among them) exactly when
    confdata reports no error."""
    from floor import generated_payloads
    from hypothesis import HealthCheck, given, settings

    from confdata import validate_calendar_json

    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    payloads = generated_payloads()

    @settings(
        max_examples=examples,
        suppress_health_check=list(HealthCheck),
        deadline=None,
        database=None,
    )
    @given(payloads)
    def agree(payload: object) -> None:
        errors = sorted({p.code for p in validate_calendar_json(payload) if p.is_error})
        for model in (MConferenceData, PConferenceData):
            assert accepts(model, payload) == (not errors), (model.__name__, errors, payload)

    agree()
    print(f"msgspec and pydantic accept what confdata accepts on {examples} generated payloads")


if __name__ == "__main__":
    main()
