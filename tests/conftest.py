"""Shared test configuration: the Hypothesis profiles, chosen with ``HYPOTHESIS_PROFILE``.

``default`` for a local run, ``ci`` in CI (.ci/run sets it), ``dev`` for a quick run while
editing. docs/testing.md describes them.
"""

from __future__ import annotations

import os

from hypothesis import settings

# Each profile names its parent: Hypothesis loads its own "ci" profile by itself when the CI
# variable is set, and a profile without a parent would inherit from whichever was loaded.
settings.register_profile(
    "default", parent=settings.get_profile("default"), max_examples=100, deadline=None
)
# Hypothesis' own ci profile (derandomized, so CI never fails by chance; no example database,
# as a fresh checkout has nothing to replay; the blob of a failure printed; no too_slow) with
# twice the examples.
settings.register_profile("ci", parent=settings.get_profile("ci"), max_examples=200)
settings.register_profile("dev", parent=settings.get_profile("default"), max_examples=10)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "default")

pytest_plugins = ["pytester"]
