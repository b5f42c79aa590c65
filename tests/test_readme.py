"""The README's quick start is what CI runs."""

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_two_commands():
    """Exactly two commands: the main job and the tests."""
    commands = quick_start_commands()
    assert len(commands) == 2
    assert "pytest" in commands[1]


def test_ci_runs_the_quick_start_verbatim():
    """.ci/run runs both quick-start commands exactly as the README writes them."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in quick_start_commands():
        assert command in ci


def test_no_placeholder_is_left():
    """The README holds no placeholder such as ``SOME_NUMBERS`` outside code."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    prose = re.sub(r"```.*?```|`[^`]*`", "", readme, flags=re.DOTALL)
    assert re.findall(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b", prose) == []


def test_ci_runs_the_slow_set_after_the_quick_start():
    """.ci/run runs the slow set, which the default run leaves out, after the README's tests."""
    import tomllib

    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    tests = quick_start_commands()[1]
    assert "python3 -m pytest -m slow" in ci
    assert ci.index("python3 -m pytest -m slow") > ci.index(tests)
    assert "set -euo pipefail" in ci  # pytest's exit 5 (no test collected) fails CI
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_options = options["tool"]["pytest"]["ini_options"]
    addopts = pytest_options["addopts"]
    assert addopts[addopts.index("-m") + 1] == "not slow and not browser"
    assert any(m.startswith("slow:") for m in pytest_options["markers"])
    # The browser tests, also left out of the default run, run after it, and must not skip.
    assert "ARGMAP_REQUIRE_BROWSER=1 python3 -m pytest -m browser" in ci
    assert ci.index("ARGMAP_REQUIRE_BROWSER=1 python3 -m pytest -m browser") > ci.index(tests)
