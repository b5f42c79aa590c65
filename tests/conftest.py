"""Shared test set-up: Hypothesis profiles and the built-in maps."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from argmap import ArgumentMap, registry

# "ci" is the default: enough examples to catch regressions in a few minutes.
# "thorough" is for a deliberate hunt: HYPOTHESIS_PROFILE=thorough pytest.
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(params=registry.names())
def builtin_map(request: pytest.FixtureRequest) -> ArgumentMap:
    """Each built-in map in turn."""
    return registry.get(request.param)
