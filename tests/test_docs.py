"""The documentation cannot drift from the code."""

from __future__ import annotations

from pathlib import Path

from confdata.catalog import rules_markdown

DOCS = Path(__file__).parent.parent / "docs"


def test_rule_catalog_page_is_generated_from_the_code() -> None:
    """docs/rules.md holds exactly the table rules_markdown() renders."""
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    table = text.split("<!-- rules:start -->\n", 1)[1].split("<!-- rules:end -->", 1)[0]
    assert table == rules_markdown(), "run: python tools/update_rules_doc.py"
