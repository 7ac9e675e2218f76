"""Rewrite the generated parts of docs/rules.md: the rule table and the list of sources.

``python tools/update_rules_doc.py`` writes the page; with ``--check`` it only says whether
the page is up to date (exit 1 if not), as the test suite asks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from confdata._core.catalog import SOURCES, rules_markdown

PAGE = Path(__file__).parent.parent / "docs" / "rules.md"


def sources_markdown() -> str:
    """Every source key of the catalog with its page as a link."""
    return "".join(f"- **{key}**: <{url}>\n" for key, url in SOURCES.items())


def _replace(text: str, name: str, content: str) -> str:
    """Text with the part between the ``<!-- name:start -->`` and ``:end`` lines replaced."""
    start, end = f"<!-- {name}:start -->\n", f"<!-- {name}:end -->"
    if start not in text or end not in text:
        raise SystemExit(f"{PAGE}: the markers {start.strip()} and {end} are missing")
    head, rest = text.split(start, 1)
    tail = rest.split(end, 1)[1]
    return head + start + content + end + tail


def render(text: str) -> str:
    """The page with its generated parts made from the catalog."""
    text = _replace(text, "rules", rules_markdown(myst=True))
    return _replace(text, "sources", sources_markdown())


def main(argv: list[str]) -> int:
    text = PAGE.read_text(encoding="utf-8")
    page = render(text)
    if argv == ["--check"]:
        if page != text:
            print(f"{PAGE} is out of date: run python tools/update_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    if argv:
        print("usage: python tools/update_rules_doc.py [--check]", file=sys.stderr)
        return 2
    PAGE.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
