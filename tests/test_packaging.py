"""What a user gets from the package: its metadata, its version, its PyPI page, its hook."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.version import Version

import confdata

ROOT = Path(__file__).parent.parent
PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT: dict[str, Any] = PYPROJECT["project"]
HOOKS: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
)
CI_PAGE = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
PLACEHOLDER_REV = "<commit-sha>"


def _pre_commit_section() -> str:
    """The pre-commit section of docs/ci.md."""
    return CI_PAGE.split("## pre-commit\n", 1)[1].split("\n## ", 1)[0]


def _yaml_snippets() -> list[dict[str, Any]]:
    """Every YAML block of the pre-commit section, parsed."""
    blocks = re.findall(r"```yaml\n(.*?)```", _pre_commit_section(), re.DOTALL)
    return [yaml.safe_load(block) for block in blocks]


def _git(*args: str) -> str | None:
    """What git prints, or None outside a Git checkout."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return None
    done = subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
    )
    return done.stdout


def test_project_urls_point_at_the_docs_changelog_source_and_issues() -> None:
    """PyPI's sidebar links to the published docs, the changelog, the source and the issues."""
    assert PROJECT["urls"] == {
        "Documentation": "https://confdata.readthedocs.io/en/latest/",
        "Changelog": "https://github.com/confdata/confdata/blob/main/CHANGELOG.md",
        "Source": "https://github.com/confdata/confdata",
        "Issues": "https://github.com/confdata/confdata/issues",
    }


def test_the_docs_url_is_the_one_rule_urls_use() -> None:
    """Rule.url and the Documentation link name the same site."""
    assert confdata.RULES["uri-scheme"].url.startswith(PROJECT["urls"]["Documentation"])


def test_classifiers_name_the_pytest_and_hypothesis_plugins() -> None:
    """confdata ships a pytest plugin and a Hypothesis entry point, and says so."""
    assert {"Framework :: Pytest", "Framework :: Hypothesis"} <= set(PROJECT["classifiers"])
    assert "confdata" in PROJECT["entry-points"]["pytest11"]
    assert PROJECT["entry-points"]["hypothesis"]


def test_the_version_comes_from_git_as_the_installed_metadata_does() -> None:
    """__version__ is a PEP 440 version made by the same scheme as the installed metadata's.

    (They may differ in the dev number: `make package` rewrites the file for a later commit.)
    """
    assert PYPROJECT["tool"]["hatch"]["version"]["source"] == "vcs"
    assert "version" in PROJECT["dynamic"]
    assert Version(confdata.__version__).base_version == Version(version("confdata")).base_version


def test_the_version_file_is_generated_and_not_tracked() -> None:
    """src/confdata/_version.py is written by the build and ignored by Git."""
    generated = "src/confdata/_version.py"
    assert PYPROJECT["tool"]["hatch"]["build"]["hooks"]["vcs"]["version-file"] == generated
    tracked = _git("ls-files", generated)
    if tracked is None:
        pytest.skip("not a Git checkout")
    assert tracked == ""
    assert _git("check-ignore", generated) == generated + "\n"


def test_importing_confdata_does_not_import_importlib_metadata() -> None:
    """The version is a plain string from the generated file: `import confdata` stays cheap."""
    code = "import sys, confdata; confdata.__version__; print('importlib.metadata' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_pypi_description_has_only_absolute_links() -> None:
    """The README as PyPI shows it links to the published docs, never to a relative path."""
    done = subprocess.run(
        [sys.executable, "-m", "hatch_fancy_pypi_readme", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    description = done.stdout
    assert "confdata.ValidationError" in description  # the whole README, not a fragment
    targets = re.findall(r"\]\(([^)\s]+)\)", description)
    assert targets
    assert [target for target in targets if not target.startswith("https://")] == []


def test_every_readme_link_to_the_docs_names_a_page_that_exists() -> None:
    """Each docs/*.md the README links to is a page of the site (so its PyPI link works)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pages = re.findall(r"\]\(docs/([^)#]*)", readme)
    assert pages
    for page in pages:
        assert (ROOT / "docs" / (page or "index.md")).is_file(), page


def test_the_hook_checks_json_conference_fixtures_with_the_cli() -> None:
    """One hook, `confdata validate`, on JSON files, with a default files pattern."""
    [hook] = HOOKS
    assert hook["id"] == "confdata"
    assert hook["entry"] == "confdata validate"
    assert hook["entry"].split()[0] in PROJECT["scripts"]
    assert hook["language"] == "python"
    assert hook["types"] == ["json"]
    assert hook["files"] == r"(^|/)conference/|\.conference\.json$"


@pytest.mark.parametrize(
    ("path", "checked"),
    [
        ("tests/fixtures/conference/meet.json", True),
        ("conference/video.json", True),
        ("tests/zoom.conference.json", True),
        ("zoom.conference.json", True),
        ("package.json", False),
        ("tests/fixtures/package.json", False),
        ("tests/fixtures/conferences.json", False),
        ("myconference/meet.json", False),
        ("tests/conference.json.bak", False),
    ],
)
def test_the_default_files_pattern_matches_only_conference_fixtures(
    path: str, checked: bool
) -> None:
    """The default pattern picks *.conference.json and files below a conference/ folder."""
    [hook] = HOOKS
    assert bool(re.search(hook["files"], path)) is checked  # pre-commit uses re.search


def test_the_docs_state_the_hooks_default_files_pattern_and_entry() -> None:
    """docs/ci.md quotes the hook file's pattern and command as they are."""
    [hook] = HOOKS
    section = _pre_commit_section()
    assert f"`{hook['files']}`" in section
    assert f"`{hook['entry']}`" in section


def test_the_docs_snippets_use_the_hook_of_this_repository() -> None:
    """Every pre-commit snippet names this repository and the hook's id."""
    snippets = _yaml_snippets()
    assert len(snippets) >= 2  # the plain one and the one that sets files:
    for snippet in snippets:
        [repo] = snippet["repos"]
        assert repo["repo"] == PROJECT["urls"]["Source"]
        assert [hook["id"] for hook in repo["hooks"]] == [HOOKS[0]["id"]]
    widened = [hook for s in snippets for hook in s["repos"][0]["hooks"] if "files" in hook]
    assert widened
    for hook in widened:
        re.compile(hook["files"])


def test_the_docs_pin_a_rev_that_exists_or_say_how_to_get_one() -> None:
    """`rev:` is a full commit SHA, a tag of this repository, or the placeholder the docs explain.

    (The docs once pinned `v0.1.0`, a tag that never existed.)
    """
    tags = _git("tag", "--list")
    for snippet in _yaml_snippets():
        rev = snippet["repos"][0]["rev"]
        if rev == PLACEHOLDER_REV:
            assert f"pre-commit autoupdate --freeze --repo {PROJECT['urls']['Source']}" in (
                _pre_commit_section()
            )
        elif not re.fullmatch(r"[0-9a-f]{40}", rev):
            if tags is None:
                pytest.skip("not a Git checkout")
            assert rev in tags.split(), f"rev {rev!r} is neither a SHA nor a tag"
