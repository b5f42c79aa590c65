"""Shared test set-up: Hypothesis profiles and the built-in maps."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, is_hypothesis_test, settings

from argmap import ArgumentMap, registry

# "ci", the default run, checks every property on a few dozen examples: enough to catch a
# regression in a minute (and Hypothesis's database in .hypothesis/ first replays any
# failure it has seen). "long" is the slow set's run of every property on ten times as many
# (tests/test_long_runs.py; or HYPOTHESIS_PROFILE=long pytest -m property).
# "thorough" is for a deliberate hunt: HYPOTHESIS_PROFILE=thorough pytest.
# "fuzz" is the Reliability issue's 10,000 inputs per target; bench/fuzz.py runs it, and
# ARGMAP_FUZZ_EXAMPLES=N makes a shorter (or longer) run.
settings.register_profile(
    "ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
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


@pytest.hookimpl(tryfirst=True)  # before -m picks the tests to run
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every Hypothesis test "property", so that the slow set can run them all again."""
    for item in items:
        if is_hypothesis_test(getattr(item, "obj", None)):
            item.add_marker(pytest.mark.property)


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
        expected = _golden_text(name, actual, update)
        if expected is not None:
            assert actual == expected, f"{name} changed; if intended, run pytest --update-goldens"

    return check


def _golden_text(name: str, actual: str, update: bool) -> str | None:
    """The golden file's text; under --update-goldens, None after writing ``actual`` there."""
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return None
    assert path.exists(), f"no golden file {name}; run pytest --update-goldens"
    return path.read_text(encoding="utf-8")


def _same_json(expected: object, actual: object) -> bool:
    """JSON values equal in type, order and value, floats to within 1e-12."""
    if type(expected) is not type(actual):
        return False
    if isinstance(expected, float) and isinstance(actual, float):
        return math.isclose(expected, actual, rel_tol=0, abs_tol=1e-12)
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(
            _same_json(e, a) for e, a in zip(expected, actual, strict=True)
        )
    return expected == actual


@pytest.fixture
def golden_json(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare JSON text with tests/golden/NAME, or rewrite it under --update-goldens.

    The file holds the text exactly as written. Its values must come back the same, in the
    same order; floats may differ by 1e-12, as the last bit of a computed float can between
    platforms' maths libraries.
    """
    update = request.config.getoption("--update-goldens")

    def check(name: str, actual: str) -> None:
        expected = _golden_text(name, actual, update)
        if expected is None or actual == expected:
            return

        def read(text: str) -> object:  # objects as lists of pairs: their order counts too
            return json.loads(text, object_pairs_hook=lambda pairs: [list(p) for p in pairs])

        if not _same_json(read(expected), read(actual)):
            assert actual == expected, f"{name} changed; if intended, run pytest --update-goldens"

    return check
