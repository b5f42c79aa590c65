"""Shared test set-up: Hypothesis profiles and the built-in maps."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from argmap import ArgumentMap, registry

# "ci" is the default: enough examples to catch regressions in a few minutes.
# "thorough" is for a deliberate hunt: HYPOTHESIS_PROFILE=thorough pytest.
# "fuzz" is the Reliability issue's 10,000 inputs per target; bench/fuzz.py runs it, and
# ARGMAP_FUZZ_EXAMPLES=N makes a shorter (or longer) run.
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "10000")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(params=registry.names())
def builtin_map(request: pytest.FixtureRequest) -> ArgumentMap:
    """Each built-in map in turn."""
    return registry.get(request.param)


GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the golden files in tests/golden/ from the current output",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/NAME, or rewrite it under --update-goldens."""
    update = request.config.getoption("--update-goldens")

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {name}; run pytest --update-goldens"
        expected = path.read_text(encoding="utf-8")
        assert actual == expected, f"{name} changed; if intended, run pytest --update-goldens"

    return check
