"""The add-on response form, ``ConferenceDataMarkup``: its JSON shape as TypedDicts
(implemented in :mod:`confdata._core.addon_form`)."""

from __future__ import annotations

from ._core.addon_form import (
    AddonConferenceData,
    AddonEntryPoint,
    AddonError,
    AddonParameter,
)

__all__ = [
    "AddonConferenceData",
    "AddonEntryPoint",
    "AddonError",
    "AddonParameter",
]
