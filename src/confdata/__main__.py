"""``python -m confdata``: the command line."""

from __future__ import annotations

from ._cli.main import main

raise SystemExit(main())
