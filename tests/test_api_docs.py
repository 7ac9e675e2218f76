"""The API page's signatures show no private sentinel (attrs' NOTHING): docs/conf.py's checks."""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import confdata
import confdata.lifecycle
import confdata.providers

CONF = Path(__file__).parent.parent / "docs" / "conf.py"


@pytest.fixture(scope="module")
def conf() -> ModuleType:
    """docs/conf.py, loaded as Sphinx loads it."""
    spec = importlib.util.spec_from_file_location("docs_conf", CONF)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _attrs_classes() -> list[type]:
    found = []
    for module in (confdata, confdata.lifecycle, confdata.providers):
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, type) and attrs.has(value):
                found.append(value)
    return found


def test_no_public_signature_shows_attrs_nothing(conf: ModuleType) -> None:
    """Every public attrs class's signature, as autodoc hands it over, comes out without
    NOTHING; a class with a factory default does hand it over, so the check bites."""

    @attrs.frozen
    class Factory:
        items: tuple[int, ...] = attrs.field(factory=tuple)

    with_factory = str(inspect.signature(Factory))
    assert "NOTHING" in with_factory
    shown, _ = conf._clean_signature(None, "class", "Factory", Factory, None, with_factory, None)
    assert "NOTHING" not in shown
    raw = {cls: str(inspect.signature(cls)) for cls in _attrs_classes()}
    for cls, signature in raw.items():
        shown, _ = conf._clean_signature(None, "class", cls.__name__, cls, None, signature, None)
        assert "NOTHING" not in shown, (cls, shown)


def test_a_sentinel_left_in_the_built_html_is_found(conf: ModuleType) -> None:
    """The after-build check finds NOTHING as a default in a written signature, and not the
    CopyAction.NOTHING member."""
    leaked = (
        '<dt class="sig sig-object py" id="confdata.X"><span class="sig-name">X</span>'
        '(<em class="sig-param"><span class="n">a</span><span class="o">=</span>'
        '<span class="default_value">NOTHING</span></em>)</dt>'
    )
    member = (
        '<dt class="sig sig-object py" id="confdata.lifecycle.CopyAction.NOTHING">'
        '<span class="sig-name">NOTHING</span><span class="w"> </span>'
        '<span class="p">=</span><span class="w"> </span>'
        "<span class=\"pre\">'nothing'</span></dt>"
    )
    assert conf.leaked_sentinels(leaked) == ["X(a=NOTHING)"]
    assert conf.leaked_sentinels(member) == []
