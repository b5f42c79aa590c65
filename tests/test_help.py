"""Help and usage errors, byte for byte: the top-level help's fast path prints argparse's text.

The golden files in tests/golden/help/ were written by the command before the fast path
existed; every verb's help and every usage error must stay as they are.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.cli import main, toplevel
from argmap.cli import parser as parser_module
from argmap.cli.parser import build_parser

SCRIPT = Path(sys.executable).with_name("argmap")

#: The goldens are argparse's layout on Python 3.11 (later versions lay help out a little
#: differently: the verbs' column, ``-o, --output FILE``).
as_written = pytest.mark.skipif(
    sys.version_info[:2] != (3, 11), reason="the golden help is Python 3.11's argparse's"
)
#: Whether this Python's argparse is one the top level's layout is checked against.
LAID_OUT_HERE = toplevel._VERBS_INDENTED is not None
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


@as_written
@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("verb", [None, *VERBS])
def test_help_is_as_it_was(capsys, monkeypatch, golden, verb, columns):
    """``argmap [VERB] --help`` prints what it printed before, at 80 and 120 columns."""
    monkeypatch.setenv("COLUMNS", str(columns))
    args = [verb, "--help"] if verb else ["--help"]
    code, out, err = _run_main(capsys, args)
    assert (code, err) == (0, "")
    golden(f"help/{verb or 'argmap'}-{columns}.txt", out)


@as_written
@pytest.mark.parametrize("columns", [20, 40, 41, 45, 46, 60])
def test_top_level_help_at_narrow_widths(capsys, monkeypatch, golden, columns):
    """The top-level help, where argparse wraps its usage line and narrows the help column."""
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = _run_main(capsys, ["-h"])
    assert code == 0
    golden(f"help/argmap-{columns}.txt", out)


@as_written
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


@as_written
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


# -- the top level's help without argparse ---------------------------------------------------


def _argparse_help(monkeypatch: pytest.MonkeyPatch, columns: int) -> str:
    monkeypatch.setenv("COLUMNS", str(columns))
    return build_parser().format_help()


def test_the_fast_help_is_argparses_at_every_width(monkeypatch):
    """help_text gives argparse's text at every width from 41 columns on; below, None or it.

    Past the longest line nothing wraps, so the widest widths tried stand for all wider. On
    a Python whose argparse it is not checked against, it is always None.
    """
    laid_out = []
    for columns in [*range(1, 301), 1000, 10_000]:
        text = toplevel.help_text(columns)
        if text is not None:
            assert text == _argparse_help(monkeypatch, columns), columns
            laid_out.append(columns)
    assert laid_out == ([*range(41, 301), 1000, 10_000] if LAID_OUT_HERE else [])


#: Other top levels the layout must follow argparse on: a long verb (the help column moves
#: left, then the names stand on lines of their own), long words, hyphens, odd spacing.
OTHER_VERBS = [
    [("a-rather-long-verb-name", "a summary that wraps once the terminal is narrow enough")],
    [("twelve-chars", "x"), ("sixteen-chars-ok", "y y")],
    [("url", "see https://example.org/a-very-long-address-that-will-not-fit-anywhere-at-all")],
    [("odd", "text  with\tspacing\nand well-hyphenated-words, self-evidently e-mail-like")],
]


@pytest.mark.parametrize("verbs", OTHER_VERBS)
def test_the_fast_help_follows_argparse_for_other_verbs(monkeypatch, verbs):
    """With other verbs and summaries, help_text still gives argparse's text at each width."""
    monkeypatch.setattr(toplevel, "VERBS", (*toplevel.VERBS, *verbs))
    monkeypatch.setattr(parser_module, "_SUMMARIES", dict(toplevel.VERBS))
    for name, _ in verbs:
        add = lambda sub, name=name: parser_module._verb(sub, name, "  argmap x\n")  # noqa: E731
        monkeypatch.setitem(parser_module._VERB_PARSERS, name, add)
    laid_out = 0
    widths = [*range(30, 101), 130, 160, 1000]  # every layout change is under 100 columns
    for columns in widths:
        text = toplevel.help_text(columns)
        if text is not None:
            assert text == _argparse_help(monkeypatch, columns), columns
            laid_out += 1
    assert laid_out == (len(widths) - 11 if LAID_OUT_HERE else 0)  # all from 41 columns


def test_the_top_level_is_the_parsers():
    """The parser's verbs and their summaries are the top level's, in its order."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "verb")
    assert [(a.dest, a.help) for a in sub._choices_actions] == list(toplevel.VERBS)
    assert set(parser_module._VERB_PARSERS) == {name for name, _ in toplevel.VERBS}
    assert (parser.description, parser.epilog) == (toplevel.DESCRIPTION, toplevel.EPILOG)


_WORDS = st.lists(st.text(st.sampled_from("aaaabé-—.,"), min_size=1, max_size=35), max_size=12)
_SPACES = st.lists(st.sampled_from([" ", " ", " ", "  ", "\t", "\n", "\u00a0", " \n "]))


@given(_WORDS, st.integers(11, 40))
@settings(max_examples=200)
def test_help_lines_are_textwraps(words, width):
    """A help splits into the lines textwrap gives: long words, hyphens and dashes too."""
    text = " ".join(words)
    assert toplevel._wrap(text, width) == textwrap.wrap(text.strip(), width)


@given(_WORDS.filter(bool), _SPACES, st.integers(11, 40))
@settings(max_examples=200)
def test_help_with_any_spacing_wraps_as_argparse(words, spaces, width):
    """Runs of white space of every kind (even ones textwrap keeps) split as argparse's."""
    seps = [*spaces, *[" "] * len(words)]
    text = words[0] + "".join(sep + w for sep, w in zip(seps, words[1:], strict=False))
    expected = textwrap.wrap(re.sub(r"\s+", " ", text, flags=re.ASCII).strip(), width)
    assert toplevel._wrap(text, width) == expected


@given(st.lists(st.from_regex(r"[a-z]{1,6}(-[a-z]{1,6})?", fullmatch=True), min_size=1))
def test_words_and_hyphens_wrap_as_textwrap_wraps(words):
    """Words with and without hyphens, at every width a help can have, wrap as textwrap's."""
    text = " ".join(words)
    for width in range(11, 40):
        assert toplevel._wrap(text, width) == textwrap.wrap(text, width), width


@pytest.mark.parametrize("value", [None, "", "0", "-3", "abc", "120", " 90 ", "1_0", "41"])
def test_terminal_columns_are_shutils(monkeypatch, value):
    """The width help is laid out for is the one argparse would ask shutil for."""
    if value is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", value)
    assert toplevel.terminal_columns() == shutil.get_terminal_size().columns


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals")
@pytest.mark.parametrize("size", [(24, 57), (24, 132), (0, 0)])
def test_terminal_columns_of_a_terminal_are_shutils(size):
    """On a terminal (even one that says it has no columns), the same width as shutil's."""
    import fcntl
    import struct
    import termios

    leader, follower = os.openpty()
    try:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", *size, 0, 0))
        code = (
            "import shutil, sys\nfrom argmap.cli.toplevel import terminal_columns\n"
            "print(terminal_columns(), shutil.get_terminal_size().columns, file=sys.stderr)"
        )
        env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
        result = subprocess.run(
            [sys.executable, "-c", code],
            stdout=follower,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=True,
            timeout=60,
        )
    finally:
        os.close(follower)
        os.close(leader)
    ours, shutils = result.stderr.split()
    assert ours == shutils == str(size[1] or 80)


#: How each failure ends (status, output, error), so that the test shows it is met at all.
_EXPECTED = {
    "closed": (1, b"", b"argmap: error: cannot write to standard output: it is closed\n"),
    "broken pipe": (0, b"", b""),  # argparse's help ignores an OSError, as it always has
    "full": (1, b"", b"argmap: error: cannot write to standard output: No space left on device\n"),
}


def _run_script(args: list[str], stdout: int | None, columns: str) -> tuple[int, bytes, bytes]:
    env = {**os.environ, "COLUMNS": columns}
    result = subprocess.run(
        [str(SCRIPT), *args],
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
        timeout=60,
    )
    return result.returncode, result.stdout or b"", result.stderr


@needs_script
@pytest.mark.parametrize("columns", ["80", "30"])
@pytest.mark.parametrize("where", ["pipe", "closed", "broken pipe", "full"])
def test_the_fast_help_fails_as_argparses(where, columns):
    """``argmap --help`` ends as argparse's help does, wherever its output goes.

    ``--hel`` is argparse's (it takes it for ``--help``): both go to a pipe, a closed
    standard output, a pipe without a reader and a full device.
    """
    if where == "full" and not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    results = []
    for flag in ("--help", "--hel"):
        if where == "pipe":
            results.append(_run_script([flag], None, columns))
            continue
        if where == "full":
            with open("/dev/full", "wb") as full:  # noqa: PTH123 - written to, never replaced
                results.append(_run_script([flag], full.fileno(), columns))
            continue
        if where == "closed":
            result = subprocess.run(
                [str(SCRIPT), flag],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env={**os.environ, "COLUMNS": columns},
                check=False,
                timeout=60,
                preexec_fn=lambda: os.close(1),  # in the child alone
            )
            results.append((result.returncode, b"", result.stderr))
            continue
        read, write = os.pipe()
        os.close(read)  # no reader: a broken pipe
        try:
            results.append(_run_script([flag], write, columns))
        finally:
            os.close(write)
    assert results[0] == results[1]
    if where == "pipe":
        assert results[0][0] == 0
        assert results[0][1].startswith(b"usage: argmap [-h]")
    else:
        assert results[0] == _EXPECTED[where]
