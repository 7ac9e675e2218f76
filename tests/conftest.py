"""Shared test configuration: the Hypothesis profiles, chosen with ``HYPOTHESIS_PROFILE``.

``default`` for a local run, ``ci`` in CI (.ci/run sets it), ``dev`` for a quick run while
editing. docs/testing.md describes them.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=100, deadline=None)
# CI runs on a fresh checkout: twice the examples, and no example database (there is nothing
# to replay, and nothing is written into the checkout); a failure prints the blob to replay it.
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
    print_blob=True,
)
settings.register_profile("dev", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

pytest_plugins = ["pytester"]
