"""The code blocks of one docs page run in one pytest-xdist worker, in order, every time."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
BLOCKS = 40
# Each block needs the one before it, as the tutorial's blocks do.
PAGE = "# A chain\n\n" + "\n".join(
    f"```python\nvalue_{i} = {'0' if i == 0 else f'value_{i - 1} + 1'}\n```\n"
    for i in range(BLOCKS)
)


def _run(
    pytester: pytest.Pytester,
    monkeypatch: pytest.MonkeyPatch,
    *args: str,
    pages: tuple[str, ...] = (PAGE,),
) -> str:
    """Run pytest over the page (on two workers unless ``args`` say otherwise), with this
    project's conftest.py and addopts."""
    monkeypatch.delenv("PYTEST_ADDOPTS", raising=False)
    # Only the plugins the page needs (pytest-xdist): a worker starts faster without the rest.
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    addopts = options["tool"]["pytest"]["ini_options"]["addopts"]
    pytester.makepyprojecttoml(f"[tool.pytest.ini_options]\naddopts = {json.dumps(addopts)}\n")
    pytester.makeconftest((ROOT / "conftest.py").read_text(encoding="utf-8"))
    (pytester.path / "docs").mkdir()
    for index, page in enumerate(pages):
        name = "chain.md" if index == 0 else f"chain{index}.md"
        (pytester.path / "docs" / name).write_text(page, encoding="utf-8")
    xdist = [] if "no:xdist" in args else ["-p", "xdist.plugin", "-n", "2"]
    # A hang is a failure (subprocess.TimeoutExpired), however slow the machine: not a timing.
    result = pytester.runpytest_subprocess(*xdist, "-v", "docs", *args, timeout=300)
    return str(result.stdout)


def test_a_page_runs_whole_in_one_worker(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the project's addopts, 40 chained blocks all pass, all on the same worker."""
    out = _run(pytester, monkeypatch)
    workers = re.findall(r"^\[(gw\d)\] .* PASSED docs/chain\.md::", out, re.MULTILINE)
    assert len(workers) == BLOCKS, out
    assert len(set(workers)) == 1, out


def test_without_the_grouping_the_same_page_breaks(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: pytest-xdist's default --dist load splits the page, and a
    block on the second worker misses what the first worker defined."""
    out = _run(pytester, monkeypatch, "--dist", "load")
    assert "NameError: name 'value_" in out, out


def test_the_pages_run_without_xdist_too(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-p no:xdist still runs (addopts' --dist is accepted and unused): all 40 blocks pass."""
    out = _run(pytester, monkeypatch, "-p", "no:xdist")
    assert f"{BLOCKS} passed" in out, out


def test_a_crashed_worker_fails_the_run_instead_of_hanging_it(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A block that kills its worker (as the kernel's OOM killer does), among four pages: the
    run ends, the crash named, where loadfile would wait for ever once it had replaced the
    worker (it does, without --max-worker-restart 0)."""
    crash = PAGE.replace("value_5 = value_4 + 1", "import os\nos._exit(1)")
    out = _run(pytester, monkeypatch, pages=(crash, PAGE, PAGE, PAGE))
    assert "crashed while running 'docs/chain.md::line:" in out, out
