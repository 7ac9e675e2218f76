"""The same conference rules written for the peers: pydantic v2 models and msgspec Structs.

Each enforces what confdata's errors enforce on the Calendar form, as idiomatically as each
library allows: lengths, enums, URI schemes per type, counts, one video/SIP/more, not only
more, phone-only features and region codes, toll xor toll-free, and the solution-or-request
rule. Warnings are left out (neither library has a notion of them).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Literal

import msgspec
import pydantic
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMES = {
    "video": ("http", "https"),
    "more": ("http", "https"),
    "phone": ("tel",),
    "sip": ("sip", "sips"),
}
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def _check_entry_point(kind: str, uri: str, region: str | None, features: Sequence[str]) -> None:
    match = SCHEME.match(uri)
    if match is None or match.group(1).lower() not in SCHEMES[kind]:
        raise ValueError(f"uri scheme not allowed for {kind}")
    if kind != "phone" and (region is not None or features):
        raise ValueError("regionCode and features are for phone entry points only")
    if "toll" in features and "toll_free" in features:
        raise ValueError("toll and toll_free together")


def _check_entry_points(kinds: list[str]) -> None:
    for unique in ("video", "sip", "more"):
        if kinds.count(unique) > 1:
            raise ValueError(f"more than one {unique} entry point")
    if kinds and all(kind == "more" for kind in kinds):
        raise ValueError("only more entry points")


# --- pydantic v2 -----------------------------------------------------------------------------


class PKey(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["eventHangout", "eventNamedHangout", "hangoutsMeet", "addOn"] | None = None


class PSolution(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: PKey | None = None
    name: str | None = None
    iconUri: str | None = None


class PStatus(BaseModel):
    model_config = ConfigDict(extra="forbid")
    statusCode: Literal["pending", "success", "failure"] | None = None


class PRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    requestId: Annotated[str, Field(min_length=1)] | None = None
    conferenceSolutionKey: PKey | None = None
    status: PStatus | None = None


class PEntryPoint(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entryPointType: Literal["video", "phone", "sip", "more"]
    uri: Annotated[str, Field(min_length=1, max_length=1300)]
    label: Annotated[str, Field(max_length=512)] | None = None
    pin: Annotated[str, Field(max_length=128)] | None = None
    accessCode: Annotated[str, Field(max_length=128)] | None = None
    meetingCode: Annotated[str, Field(max_length=128)] | None = None
    passcode: Annotated[str, Field(max_length=128)] | None = None
    password: Annotated[str, Field(max_length=128)] | None = None
    regionCode: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    entryPointFeatures: list[Literal["toll", "toll_free"]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _rules(self) -> PEntryPoint:
        _check_entry_point(
            self.entryPointType, self.uri, self.regionCode, list(self.entryPointFeatures)
        )
        return self


class PAddOnParameters(BaseModel):
    model_config = ConfigDict(extra="forbid")
    parameters: dict[
        Annotated[str, Field(min_length=1, max_length=50)], Annotated[str, Field(max_length=1024)]
    ] = Field(max_length=300)


class PParameters(BaseModel):
    model_config = ConfigDict(extra="forbid")
    addOnParameters: PAddOnParameters | None = None


class PConferenceData(BaseModel):
    model_config = ConfigDict(extra="forbid")
    conferenceId: Annotated[str, Field(min_length=1, max_length=512)] | None = None
    conferenceSolution: PSolution | None = None
    createRequest: PRequest | None = None
    entryPoints: Annotated[list[PEntryPoint], Field(max_length=300)] | None = None
    notes: Annotated[str, Field(max_length=2048)] | None = None
    parameters: PParameters | None = None
    signature: str | None = None

    @field_validator("entryPoints")
    @classmethod
    def _set(cls, value: list[PEntryPoint] | None) -> list[PEntryPoint] | None:
        if value is not None:
            _check_entry_points([ep.entryPointType for ep in value])
        return value

    @model_validator(mode="after")
    def _result(self) -> PConferenceData:
        if self.createRequest is None and not (self.conferenceSolution and self.entryPoints):
            raise ValueError("conferenceSolution with entry points, or createRequest")
        key = self.conferenceSolution.key if self.conferenceSolution else None
        if key is not None and key.type == "addOn" and self.conferenceId is None:
            raise ValueError("conferenceId is required for addOn")
        return self


def pydantic_dump(model: BaseModel) -> dict[str, object]:
    return model.model_dump(exclude_none=True, exclude_defaults=True)


# --- msgspec ---------------------------------------------------------------------------------

Str128 = Annotated[str, msgspec.Meta(max_length=128)]


class MKey(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    type: Literal["eventHangout", "eventNamedHangout", "hangoutsMeet", "addOn"] | None = None


class MSolution(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    key: MKey | None = None
    name: str | None = None
    iconUri: str | None = None


class MStatus(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    statusCode: Literal["pending", "success", "failure"] | None = None


class MRequest(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    requestId: Annotated[str, msgspec.Meta(min_length=1)] | None = None
    conferenceSolutionKey: MKey | None = None
    status: MStatus | None = None


class MEntryPoint(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    entryPointType: Literal["video", "phone", "sip", "more"]
    uri: Annotated[str, msgspec.Meta(min_length=1, max_length=1300)]
    label: Annotated[str, msgspec.Meta(max_length=512)] | None = None
    pin: Str128 | None = None
    accessCode: Str128 | None = None
    meetingCode: Str128 | None = None
    passcode: Str128 | None = None
    password: Str128 | None = None
    regionCode: Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{2}$")] | None = None
    entryPointFeatures: list[Literal["toll", "toll_free"]] = []

    def __post_init__(self) -> None:
        _check_entry_point(self.entryPointType, self.uri, self.regionCode, self.entryPointFeatures)


class MAddOnParameters(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    parameters: Annotated[
        dict[
            Annotated[str, msgspec.Meta(min_length=1, max_length=50)],
            Annotated[str, msgspec.Meta(max_length=1024)],
        ],
        msgspec.Meta(max_length=300),
    ] = {}


class MParameters(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    addOnParameters: MAddOnParameters | None = None


class MConferenceData(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    conferenceId: Annotated[str, msgspec.Meta(min_length=1, max_length=512)] | None = None
    conferenceSolution: MSolution | None = None
    createRequest: MRequest | None = None
    entryPoints: Annotated[list[MEntryPoint], msgspec.Meta(max_length=300)] | None = None
    notes: Annotated[str, msgspec.Meta(max_length=2048)] | None = None
    parameters: MParameters | None = None
    signature: str | None = None

    def __post_init__(self) -> None:
        if self.entryPoints is not None:
            _check_entry_points([ep.entryPointType for ep in self.entryPoints])
        if self.createRequest is None and not (self.conferenceSolution and self.entryPoints):
            raise ValueError("conferenceSolution with entry points, or createRequest")
        key = self.conferenceSolution.key if self.conferenceSolution else None
        if key is not None and key.type == "addOn" and self.conferenceId is None:
            raise ValueError("conferenceId is required for addOn")


assert pydantic.VERSION.startswith("2")
