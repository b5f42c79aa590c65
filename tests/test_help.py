"""Help and usage errors, byte for byte: the top-level help's fast path prints argparse's text.

The golden files in tests/golden/help/ were written by the command before the fast path
existed; every verb's help and every usage error must stay as they are.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.cli.parser import build_parser

SCRIPT = Path(sys.executable).with_name("argmap")
VERBS = ["list", "check", "export", "show", "find", "render", "evaluate", "diff", "completion"]

#: Command lines that are usage errors (status 2), each with a name for its golden file.
USAGE_ERRORS = {
    "no-verb": [],
    "misspelt-verb": ["shw", "example"],
    "unknown-option": ["--nope"],
    "verb-unknown-option": ["export", "example", "--nope"],
    "bad-depth": ["show", "example", "--depth", "-1"],
    "bad-choice": ["evaluate", "example", "--semantics", "dfqad"],
    "missing-map": ["find"],
    "help-and-more": ["--help", "list"],
}


def _run_main(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("verb", [None, *VERBS])
def test_help_is_as_it_was(capsys, monkeypatch, golden, verb, columns):
    """``argmap [VERB] --help`` prints what it printed before, at 80 and 120 columns."""
    monkeypatch.setenv("COLUMNS", str(columns))
    args = [verb, "--help"] if verb else ["--help"]
    code, out, err = _run_main(capsys, args)
    assert (code, err) == (0, "")
    golden(f"help/{verb or 'argmap'}-{columns}.txt", out)


@pytest.mark.parametrize("columns", [20, 40, 41, 45, 46, 60])
def test_top_level_help_at_narrow_widths(capsys, monkeypatch, golden, columns):
    """The top-level help, where argparse wraps its usage line and narrows the help column."""
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = _run_main(capsys, ["-h"])
    assert code == 0
    golden(f"help/argmap-{columns}.txt", out)


@pytest.mark.parametrize("name", USAGE_ERRORS)
def test_usage_errors_are_as_they_were(capsys, monkeypatch, golden, name):
    """Each usage error prints the usage and one error line, as before, with status 2."""
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = _run_main(capsys, USAGE_ERRORS[name])
    assert code == (0 if name == "help-and-more" else 2)
    golden(f"help/error-{name}.txt", f"status {code}\n--- stdout\n{out}--- stderr\n{err}")


def test_the_verbs_are_the_parsers():
    """VERBS above lists every verb the parser has, in its order (the goldens cover each)."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "verb")
    assert list(sub.choices) == VERBS


needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason="no installed argmap script")


@needs_script
@pytest.mark.parametrize("args", [["--help"], ["-h"], ["list", "--help"]])
def test_the_command_prints_the_same_help(args):
    """The installed command (which imports lazily and takes the fast path) prints the same."""
    env = {**os.environ, "COLUMNS": "80"}
    result = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, check=False, env=env, timeout=60
    )
    name = "argmap" if args[0].startswith("-") else args[0]
    expected = (Path(__file__).parent / "golden" / "help" / f"{name}-80.txt").read_text("utf-8")
    assert (result.returncode, result.stdout, result.stderr) == (0, expected, "")
