"""The README's quick start is what CI runs, and its snippets run as written."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_two_commands_and_says_how_to_make_a_venv():
    """Exactly two commands (the main job, the tests); the text says how to make a venv."""
    commands = quick_start_commands()
    assert len(commands) == 2
    assert "argmap check --all" in commands[0]
    assert "pytest" in commands[1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "`python3 -m venv .venv && . .venv/bin/activate`" in " ".join(section.split())


def test_ci_runs_the_quick_start_verbatim():
    """.ci/run runs both quick-start commands exactly as the README writes them, in a venv."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert any(line.startswith("python3 -m venv ") for line in ci)
    for command in quick_start_commands():
        assert command in ci


def python_snippets() -> list[tuple[str, str]]:
    """Each Python block of the README with the mark before it ("runnable" or "not run")."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"(?:<!-- ([^>]*?) -->\n)?```python\n(.*?)```", readme, flags=re.DOTALL)


def test_every_python_snippet_is_marked():
    """Each Python block says whether it runs as written; most do."""
    marks = [mark for mark, _ in python_snippets()]
    assert all(mark == "runnable" or mark.startswith("not run: ") for mark in marks), marks
    assert marks.count("runnable") >= 6


def test_the_runnable_snippets_run_as_written(tmp_path):
    """Every block marked runnable runs, in README order in one folder, without a warning."""
    for n, (mark, code) in enumerate(python_snippets()):
        if mark != "runnable":
            continue
        done = subprocess.run(
            [sys.executable, "-W", "error::Warning", "-c", code],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
        )
        assert done.returncode == 0, f"snippet {n}:\n{code}\n{done.stderr}"


def test_the_terminal_sample_is_what_show_prints(capsys):
    """The README's sample of argmap show is the command's output, as the README names it."""
    from argmap.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Terminal summaries", 1)[1]
    command, sample = re.findall(
        r"`(argmap show [^`]+)`:\n\n```text\n(.*?)```", section, re.DOTALL
    )[0]
    assert main([*command.split()[1:], "--width", "80", "--no-pager"]) == 0
    printed = capsys.readouterr().out
    assert [line.rstrip() for line in sample.splitlines()] == [
        line.rstrip() for line in printed.splitlines()
    ]


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
