"""The exit statuses of the ``confdata`` command."""

from __future__ import annotations

__all__ = ["EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE"]

EXIT_OK = 0
"""Every file valid (or the command printed what it was asked for)."""
EXIT_PROBLEMS = 1
"""A problem failed the run: an error, or a warning with ``--strict``."""
EXIT_USAGE = 2
"""A usage error, or an input that could not be checked."""
