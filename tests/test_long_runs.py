"""The slow set's long run: every property test again, on ten times the examples."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.mark.slow
def test_every_property_holds_on_ten_times_the_examples():
    """Every Hypothesis test passes on the "long" profile's 300 examples (the default run: 30).

    It is a pytest run of its own, so that the profile holds from the start; its output,
    the falsifying example included, is the failure message. No test to run is a failure.
    """
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "property", "-q"],
        cwd=ROOT,
        env={**os.environ, "HYPOTHESIS_PROFILE": "long"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-20_000:] + result.stderr[-5_000:]
    assert " passed" in result.stdout.splitlines()[-1]
