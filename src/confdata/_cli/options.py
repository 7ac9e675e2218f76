"""Options more than one command takes (loaded with the parser: argparse only)."""

from __future__ import annotations

import argparse

__all__ = ["MAX_BYTES", "positive_bytes"]

MAX_BYTES = 20 * 1024 * 1024
"""The default of ``--max-bytes``: no input larger than this is read."""


def positive_bytes(text: str) -> int:
    """An argument that must be a positive whole number (argparse names the option)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a positive number of bytes (got {text!r})")
    return value
