"""Check every internal link and #anchor of the built documentation, offline.

Usage: ``python tools/check_links.py docs/_build/html``. Every ``href`` and ``src`` in every
page that stays on the site (a relative link, or one to the published site under
:data:`confdata.catalog.DOCS_URL`) must name a file that was built and, with a ``#fragment``,
an ``id`` on that page. So must every rule's :attr:`confdata.Rule.url`. Links to other sites
are not followed: the check needs no network. Exits 1 and lists what is broken.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from confdata._core.catalog import DOCS_URL, RULES

_LINK_ATTRIBUTES = frozenset({"href", "src"})


class _Page(HTMLParser):
    """The ids a page defines and the links it makes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in _LINK_ATTRIBUTES:
                self.links.append(value)


def _internal(link: str) -> str | None:
    """The link relative to the site when it stays on the site, else None."""
    if link.startswith(DOCS_URL):
        return "/" + link[len(DOCS_URL) :]
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None  # another site, or mailto:, data:, javascript:
    return link


def _resolve(root: Path, page: Path, link: str) -> tuple[Path, str]:
    """The file a site link names (index.html for a folder) and its fragment."""
    path, _, fragment = link.partition("#")
    path = unquote(path.partition("?")[0])
    if not path:
        target = page
    elif path.startswith("/"):
        target = root / path.lstrip("/")
    else:
        target = page.parent / path
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target.resolve(), unquote(fragment)


def broken_links(root: Path) -> Iterator[str]:
    """Yield one line for each internal link or anchor of the site at root that goes nowhere."""
    root = root.resolve()
    pages: dict[Path, _Page] = {}
    for file in sorted(root.rglob("*.html")):
        parser = _Page()
        parser.feed(file.read_text(encoding="utf-8"))
        pages[file.resolve()] = parser
    if not pages:
        yield f"{root}: no HTML pages (build the docs first)"
        return
    # Each rule's URL (shown by the CLI and on every problem) must land on its own anchor.
    rules_page = root / "rules.html"
    wanted = [(rules_page, rule.url) for rule in RULES.values()]
    wanted += [(file, link) for file, page in pages.items() for link in page.links]
    for file, link in wanted:
        site_link = _internal(link)
        if site_link is None:
            continue
        target, fragment = _resolve(root, file, site_link)
        where = file.relative_to(root)
        if not target.is_relative_to(root):
            yield f"{where}: {link} -> leaves the site"
        elif not target.exists():
            yield f"{where}: {link} -> no such file"
        elif fragment and target.suffix == ".html" and fragment not in pages[target].ids:
            yield f"{where}: {link} -> {target.relative_to(root)} has no anchor #{fragment}"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tools/check_links.py BUILT_HTML_DIR", file=sys.stderr)
        return 2
    root = Path(argv[0])
    problems = sorted(set(broken_links(root)))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} broken internal link(s) or anchor(s)", file=sys.stderr)
        return 1
    print(f"internal links and anchors of {root}: all found")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
