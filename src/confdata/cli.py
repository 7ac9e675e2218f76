"""The ``confdata`` command (implemented in :mod:`confdata._cli`)."""

from __future__ import annotations

from ._cli.main import (
    main,
)

__all__ = [
    "main",
]
