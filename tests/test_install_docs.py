"""The install instructions work before confdata has a release on PyPI."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# `pip install confdata`, `pip install confdata[ical]`, quoted or not: a name PyPI would look
# up. `pip install "confdata @ git+…"` and `pip install ./confdata` are fine.
_NAME = r"confdata(?:\[[\w,]*\])?"
FROM_PYPI = re.compile(rf"""pip install (?:-\S+ )*(?:"{_NAME}"|'{_NAME}'|{_NAME}(?=[\s`]|$))""")


def test_no_page_installs_confdata_from_pypi() -> None:
    """README.md and every docs page install confdata from its repository or a checkout."""
    found = [
        f"{page.name}:{number}: {line.strip()}"
        for page in PAGES
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        if FROM_PYPI.search(line)
    ]
    assert found == []


def test_the_pattern_finds_a_pypi_install() -> None:
    """The check above can fail: it finds the forms a PyPI install takes."""
    for line in (
        "pip install confdata",
        "`pip install confdata[ical]`",
        "pip install -U 'confdata'",
    ):
        assert FROM_PYPI.search(line), line
    for line in (
        'pip install "confdata @ git+https://github.com/confdata/confdata"',
        'pip install "./confdata[testing]"',
        "pip install confdata-extras",
    ):
        assert not FROM_PYPI.search(line), line
