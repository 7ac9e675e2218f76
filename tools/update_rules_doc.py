"""Rewrite the generated rule table in docs/rules.md from confdata.RULES."""

from __future__ import annotations

from pathlib import Path

from confdata.catalog import rules_markdown

START, END = "<!-- rules:start -->\n", "<!-- rules:end -->"


def main() -> None:
    page = Path(__file__).parent.parent / "docs" / "rules.md"
    text = page.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    page.write_text(head + START + rules_markdown() + END + tail, encoding="utf-8")


if __name__ == "__main__":
    main()
