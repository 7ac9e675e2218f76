"""Immutable builders: every step returns a new builder, ``build()`` returns a frozen value
(implemented in :mod:`confdata._core.builders`)."""

from __future__ import annotations

from ._core.builders import (
    ConferenceDataBuilder,
    ConferenceErrorBuilder,
    ConferenceParameterBuilder,
    ConferenceSolutionBuilder,
    CreateRequestBuilder,
    EntryPointBuilder,
)

__all__ = [
    "ConferenceDataBuilder",
    "ConferenceErrorBuilder",
    "ConferenceParameterBuilder",
    "ConferenceSolutionBuilder",
    "CreateRequestBuilder",
    "EntryPointBuilder",
]
