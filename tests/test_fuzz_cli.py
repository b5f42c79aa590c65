"""Fuzzing the command line.

The command line exits 0, 1 or 2 on any arguments, files and standard input, and never
prints a traceback: every error is one line starting "argmap: ".

One of the five fuzz targets (tests/test_fuzz_*.py); what a refusal must look like, and
how many examples each run draws, is in fuzzing.py.
"""

import contextlib
import io
import json
import os
import re
import sys
import tempfile
import warnings
from pathlib import Path

import pytest
from fuzzing import at_most, attempt, weighted
from hypothesis import event, example, given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapWarning, InvalidMapError, cli
from argmap.strategies import argument_maps, hostile_maps

# Garbage on the command line, line breaks included (a MAP name is quoted in messages).
_GARBAGE = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="/\\\x00"),
    max_size=8,
)
_FILES = {
    "map.json": "json",
    "map.aif.json": "aif",
    "map.argdown": "argdown",
    "map.txt": None,
}


@st.composite
def map_files(draw):
    """The bytes of a map file: a document argmap wrote, damaged or not, or anything at all."""
    name = draw(st.sampled_from(sorted(_FILES)))
    fmt = _FILES[name] or draw(st.sampled_from(["json", "aif", "argdown"]))
    how = draw(st.sampled_from(["good", "good", "cut", "insert", "text", "bytes"]))
    if how in {"good", "cut", "insert"}:
        m = draw(argument_maps(max_claims=5) | hostile_maps())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ArgmapWarning)
            data = argmap.dumps(m, fmt).encode()
        at = draw(st.integers(0, len(data)))
        if how == "cut":
            data = data[:at]
        elif how == "insert":
            data = data[:at] + draw(st.binary(max_size=4) | _GARBAGE.map(str.encode)) + data[at:]
    elif how == "text":
        data = draw(st.text(max_size=100)).encode("utf-8", "surrogatepass")
    else:
        data = draw(st.binary(max_size=100))
    return name, data


_MAP = weighted(
    (6, st.just("FILE")),
    (1, st.sampled_from(["-", "example"])),
    (1, st.sampled_from(["nope", "nope.json", "."]) | _GARBAGE),
)
_FORMAT = weighted(
    (6, st.sampled_from(["json", "aif", "argdown", "mermaid", "dot", "svg", "png"])),
    (1, _GARBAGE),
)
_DEPTHS = weighted(
    (5, st.sampled_from(["0", "1", "2", "5"])),
    (1, st.sampled_from(["-1", "99999999999999999999", "x", ""])),
)
_WIDTHS = weighted(
    (5, st.sampled_from(["40", "80", "120"])),
    (1, st.sampled_from(["-1", "0", "19", "20", "99999", "x", ""])),
)
_OUTPUT = weighted(
    (5, st.sampled_from(["out.json", "out.argdown", "out.aif.json", "out.dot", "out.svg", "-"])),
    (1, st.sampled_from([".", "FILE", "no/x.json", "out"]) | _GARBAGE),
)


def _options(pairs):
    """Each option with its value, in a drawn order, each present or not."""
    return st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)).map(
        lambda chosen: [token for pair in chosen for token in pair]
    )


@st.composite
def command_lines(draw):
    """argv for argmap: a real verb with real options and drawn values, plus some garbage."""
    verb = draw(st.sampled_from(_VERBS))
    argv = [verb]
    if verb == "list":
        argv += draw(_options([("--json",)]))
    elif verb == "check":
        argv += draw(st.lists(_MAP, max_size=2))
        argv += draw(
            _options(
                [
                    ("--all",),
                    ("--strict",),
                    (
                        "--source",
                        draw(st.sampled_from(["s=FILE", "x=FILE", "=", "s=nope"]) | _GARBAGE),
                    ),
                    ("--from", draw(_FORMAT)),
                ]
            )
        )
    elif verb == "export":
        argv += [draw(_MAP)]
        argv += draw(
            _options([("--to", draw(_FORMAT)), ("-o", draw(_OUTPUT)), ("--from", draw(_FORMAT))])
        )
    elif verb == "show":
        argv += draw(weighted((4, st.tuples(_MAP)), (1, st.just(()))))
        argv += draw(
            _options(
                [
                    ("--thesis", draw(st.sampled_from(["t", "bike-lane", "nope"]) | _GARBAGE)),
                    ("--depth", draw(_DEPTHS)),
                    ("--quotes",),
                    ("--width", draw(_WIDTHS)),
                    ("--matrix",),
                    ("--from", draw(_FORMAT)),
                ]
            )
        )
    elif verb == "render":
        argv += draw(weighted((4, st.tuples(_MAP)), (1, st.just(()))))
        formats = weighted((4, st.just("dot")), (1, st.sampled_from(["svg", "png"])), (1, _GARBAGE))
        argv += ["--format", draw(formats)]
        argv += draw(
            _options(
                [
                    ("-o", draw(_OUTPUT)),
                    ("--engine", draw(st.sampled_from(["auto", "wasm", "system", "x"]))),
                    ("--evaluate", draw(st.sampled_from(["grounded", "dfquad"] * 4 + ["x"]))),
                    ("--focus", draw(st.sampled_from(["t", "bike-lane", "nope"]) | _GARBAGE)),
                    ("--depth", draw(_DEPTHS)),
                    ("--no-legend",),
                    *draw(st.sampled_from([[]] * 4 + [[("--all", "all")], [("--all", ".")]])),
                    ("--from", draw(_FORMAT)),
                ]
            )
        )
    else:
        argv += [draw(_MAP)]
        argv += draw(
            _options(
                [
                    (
                        "--semantics",
                        draw(st.sampled_from(["grounded", "dfquad", "all"] * 3 + ["x"])),
                    ),
                    ("--json",),
                    ("--width", draw(_WIDTHS)),
                    ("--from", draw(_FORMAT)),
                ]
            )
        )
    for _ in range(draw(weighted((6, st.just(0)), (2, st.just(1)), (1, st.just(2))))):
        token = draw(_GARBAGE | st.sampled_from(["--", "-", "-o", "--help", "--version", "--all"]))
        argv.insert(draw(st.integers(0, len(argv))), token)
    return argv


_VERBS = ("list", "check", "export", "show", "render", "evaluate")
_ERROR_LINE = re.compile(r"argmap: (error|warning): \S.*\S")
_USAGE_ERROR_LINE = re.compile(r"argmap: error: \S")
_RENDERED = re.compile(r"rendered \d+ of \d+ maps into ")


def run_cli(argv, stdin=b""):
    """Run ``argmap argv`` in this process; return (status, stdout bytes, stderr text)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    inp = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = inp, out, err
    try:
        try:
            status = cli.main(argv)
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        out.flush()
        err.flush()
    return status, out.buffer.getvalue(), err.buffer.getvalue().decode("utf-8")


def assert_cli_shape(argv, status, err):
    """Exit 0, 1 or 2; no traceback; every line of stderr an argmap line (usage aside)."""
    assert status in {0, 1, 2}, (argv, status, err)
    assert "Traceback" not in err, err
    lines = err.splitlines()
    if status == 2 and lines:
        usage = [i for i, line in enumerate(lines) if line.startswith("usage: ")]
        assert usage, err
        start = usage[-1]
        block = lines[start + 1 :]
        continued = [line for line in block if line.startswith(" ")]
        rest = block[len(continued) :]
        assert all(not line.startswith(" ") for line in rest), err
        assert len(rest) == 1, err
        assert _USAGE_ERROR_LINE.match(rest[0]), err
        lines = lines[:start]
    for line in lines:
        assert _ERROR_LINE.match(line) or _RENDERED.match(line), (argv, err)


@contextlib.contextmanager
def scratch_folder():
    """Run in a fresh, empty folder (outputs the command line writes land there)."""
    home = Path.cwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        try:
            yield Path(folder)
        finally:
            os.chdir(home)


@at_most(100)
@given(command_lines(), map_files(), st.binary(max_size=60) | map_files().map(lambda f: f[1]))
@example(["check", " "], ("map.json", b""), b"")
@example(["check", "FILE"], ("map.json", b'{"argmap": 1, "id": "m", "title": "\\ud800"}'), b"")
@example(
    ["export", "FILE", "-o", "out.argdown"],
    (
        "map.json",
        (
            b'{"argmap": 1, "id": "m", "title": "M", "theses": ["t"],'
            b' "claims": [{"id": "t", "text": "\\udfff"}]}'
        ),
    ),
    b"",
)
def test_command_lines(argv, file, stdin):
    """Any command line, on any map file, exits 0, 1 or 2 with one-line errors and no traceback."""
    name, data = file
    with scratch_folder() as folder:
        (folder / name).write_bytes(data)
        argv = [name if arg == "FILE" else arg.replace("=FILE", f"={name}") for arg in argv]
        status, out, err = run_cli(argv, stdin)
        event(f"exit {status}")
        verb = next((a for a in argv if a in _VERBS), "no verb")
        event(f"{verb}: exit {status}")
        assert_cli_shape(argv, status, err)
        if status == 0 and argv[0] == "export" and "-o" not in argv and "--help" not in argv:
            to = argv[argv.index("--to") + 1] if "--to" in argv else "json"
            if to in {"json", "aif", "argdown"}:
                _, exc = attempt(argmap.loads, out, to)
                assert exc is None or isinstance(exc, InvalidMapError), exc
        if status == 0 and argv[:1] == ["list"] and "--json" in argv and "--help" not in argv:
            assert isinstance(json.loads(out), list)


def test_the_cli_refuses_a_lone_surrogate_in_one_line(tmp_path, capsys):
    r"""Regression: a \ud800 escape in a JSON file made export -o fail with exit 3."""
    path = tmp_path / "m.json"
    path.write_text(
        '{"argmap": 1, "id": "m", "title": "M", "theses": ["t"],'
        ' "claims": [{"id": "t", "text": "\\ud800"}]}',
        encoding="utf-8",
    )
    assert cli.main(["export", str(path), "-o", str(tmp_path / "out.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"argmap: error: {path}: not valid text: \\ud800 at line 1, column ")
    assert err.count("\n") == 1


def test_a_map_name_with_a_line_break_gives_one_error_line(capsys):
    """A MAP argument holding a line break still gives one error line (cli.py's prefix)."""
    assert cli.main(["check", "a\nb"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1


def test_usage_errors_of_a_verb_start_with_argmap(capsys):
    """A usage error inside a verb's options is an 'argmap: error:' line too."""
    with pytest.raises(SystemExit):
        cli.main(["show", "example", "--depth", "x"])
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith("argmap: error: ")
