"""The documentation cannot drift from the code, and its links and anchors hold."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from confdata._core.catalog import RULES, SOURCES, rules_markdown

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
RULES_PAGE = (DOCS / "rules.md").read_text(encoding="utf-8")
TESTING_PAGE = (DOCS / "testing.md").read_text(encoding="utf-8")
# A source key as rules name them: S1, S1-entrypoint, S16 ...
SOURCE_KEY = re.compile(r"(?<![\w-])S\d+(?:-[a-z]+)?(?![\w-])")


def _run_tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run tools/<name>.py as `make` would."""
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / f"{name}.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_rule_catalog_page_is_generated_from_the_code() -> None:
    """docs/rules.md holds exactly the table rules_markdown(myst=True) renders."""
    table = RULES_PAGE.split("<!-- rules:start -->\n", 1)[1].split("<!-- rules:end -->", 1)[0]
    assert table == rules_markdown(myst=True), "run: python tools/update_rules_doc.py"


def test_rule_catalog_page_is_up_to_date_with_the_sources_too() -> None:
    """The docs tool finds nothing to rewrite: the table and the list of sources are current."""
    done = _run_tool("update_rules_doc", "--check")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("code", sorted(RULES))
def test_each_rule_has_one_anchor_on_the_catalog_page(code: str) -> None:
    """`rules.html#<code>` lands on the rule: one MyST target per code, as Rule.url says."""
    assert RULES_PAGE.count(f"{{#{code}}}") == 1
    assert RULES[code].url.endswith(f"rules.html#{code}")


def test_plain_markdown_links_each_code_to_its_published_entry() -> None:
    """Outside the docs (`confdata rules --format markdown`), a code links to Rule.url."""
    table = rules_markdown()
    assert "{#" not in table
    for rule in RULES.values():
        assert f"[`{rule.code}`]({rule.url})" in table


@pytest.mark.parametrize("myst", [False, True])
def test_every_source_a_rule_names_is_a_link(myst: bool) -> None:
    """Each source key of a rule is linked to its page; RFCs link to the RFC Editor."""
    table = rules_markdown(myst=myst)
    for rule in RULES.values():
        for key in SOURCE_KEY.findall(rule.source):
            assert f"[{key}]({SOURCES[key]})" in table
    assert "[RFC 8259](https://www.rfc-editor.org/rfc/rfc8259)" in table


def test_every_source_key_a_rule_names_is_known() -> None:
    """A rule never names a source key that SOURCES lacks (it would stay plain text)."""
    unknown = {
        (rule.code, key)
        for rule in RULES.values()
        for key in SOURCE_KEY.findall(rule.source)
        if key not in SOURCES
    }
    assert unknown == set()


def _site(root: Path, pages: dict[str, str], at: str = ".") -> Path:
    """A built site made of the given pages, plus a rules page (in folder `at`) with every
    rule's anchor."""
    anchors = "".join(f'<span id="{code}"></span>' for code in RULES)
    for name, body in {f"{at}/rules.html": anchors, **pages}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return root


def test_link_check_passes_a_site_whose_links_all_land(tmp_path: Path) -> None:
    """Relative links, anchors, folders, other sites and published-site links that land pass."""
    site = _site(
        tmp_path,
        {
            "index.html": (
                '<a href="#top" id="top">top</a><a href="guide/">guide</a>'
                '<a href="rules.html#uri-scheme">rule</a><a href="#">furo</a>'
                '<a href="https://example.com/missing.html#nowhere">elsewhere</a>'
                '<a href="mailto:someone@example.com">mail</a>'
                '<img src="_static/logo.png">'
            ),
            "guide/index.html": '<a href="../index.html#top">up</a>',
            "_static/logo.png": "",
            "api.html": '<a href="https://confdata.readthedocs.io/en/latest/rules.html#type">t</a>',
        },
    )
    done = _run_tool("check_links", str(site))
    assert done.returncode == 0, done.stderr
    assert "all found" in done.stdout


def test_link_check_reports_every_missing_page_and_anchor(tmp_path: Path) -> None:
    """A missing file or anchor, a published-site link to nothing and a way out all fail."""
    (tmp_path / "outside.html").write_text("<html></html>", encoding="utf-8")
    site = _site(
        tmp_path,
        {
            "site/index.html": (
                '<a href="gone.html">gone</a><a href="rules.html#no-such-rule">r</a>'
                '<a href="../outside.html">out</a>'
            ),
            "site/api.html": '<a href="https://confdata.readthedocs.io/en/latest/old.html">o</a>',
        },
        at="site",
    )
    done = _run_tool("check_links", str(site / "site"))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "api.html: https://confdata.readthedocs.io/en/latest/old.html -> no such file",
        "index.html: ../outside.html -> leaves the site",
        "index.html: gone.html -> no such file",
        "index.html: rules.html#no-such-rule -> rules.html has no anchor #no-such-rule",
        "4 broken internal link(s) or anchor(s)",
    ]


def test_link_check_requires_every_rule_url_to_land(tmp_path: Path) -> None:
    """A rules page without a rule's anchor fails, even when no page links to it."""
    (tmp_path / "rules.html").write_text('<span id="type"></span>', encoding="utf-8")
    done = _run_tool("check_links", str(tmp_path))
    assert done.returncode == 1
    assert f"rules.html: {RULES['uri-scheme'].url} -> rules.html has no anchor #uri-scheme" in (
        done.stderr
    )


@pytest.mark.parametrize(("name", "examples"), [("default", 100), ("ci", 200), ("dev", 10)])
def test_the_testing_page_states_each_hypothesis_profile(name: str, examples: int) -> None:
    """docs/testing.md lists the profiles tests/conftest.py registers, with their counts."""
    assert settings.get_profile(name).max_examples == examples
    assert f"| `{name}` | {examples} |" in TESTING_PAGE
    profile = settings.get_profile(name)
    assert (profile.database is None) is (name == "ci")
    assert profile.derandomize is (name == "ci")
    assert profile.deadline is None
