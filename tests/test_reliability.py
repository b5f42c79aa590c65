"""Reliability: hostile text in every output, safe writes, and extreme shapes.

The SVG side of hostile text (inert output, every character visible) is in
test_render_svg.py; here every format gets the same maps, with hostile ids too.
"""

import contextlib
import inspect
import io
import re
import sys
import time
import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import given, settings

import argmap
from argmap import cli
from argmap.io import argdown, mermaid
from argmap.io.argdown.lexer import tokenize
from argmap.render import dot, terminal
from argmap.strategies import (
    HOSTILE_IDS,
    HOSTILE_TEXTS,
    chain_map,
    cyclic_map,
    fan_in_map,
    hostile_map,
    hostile_maps,
)

SLOW = pytest.mark.slow

IDS = [HOSTILE_IDS[i : i + 5] for i in range(0, len(HOSTILE_IDS) - 4, 3)]
CASES = [
    pytest.param(text, IDS[n % len(IDS)], id=f"text{n}") for n, text in enumerate(HOSTILE_TEXTS)
]


def visible(text: str) -> str:
    """The printable characters of a text, whitespace and controls aside."""
    return "".join(c for c in text if c.isprintable() and not c.isspace())


@pytest.mark.parametrize(("text", "ids"), CASES)
@pytest.mark.parametrize("fmt", ["json", "aif"])
def test_lossless_formats_give_back_the_same_map(fmt, text, ids):
    """JSON and AIF carry hostile text and ids in every field back unchanged."""
    m = hostile_map(text, ids)
    assert argmap.loads(argmap.dumps(m, fmt), fmt) == m


@pytest.mark.parametrize(("text", "ids"), CASES)
def test_argdown_keeps_every_text_as_text(text, ids):
    """Argdown gives back every claim, relation and id, and each text as text.

    Texts come back as written but for line breaks and the controls Argdown cannot hold.
    """
    m = hostile_map(text, ids)
    back = argdown.loads(argdown.dumps(m))
    assert [c.id for c in back.claims] == [c.id for c in m.claims]
    assert {r.id for r in back.relations} == {r.id for r in m.relations}
    assert back.title == m.title
    for before, after in zip(m.claims, back.claims, strict=True):
        assert visible(after.text) == visible(before.text)
        assert [visible(q.text) for q in after.quotes] == [visible(q.text) for q in before.quotes]
        assert after.implicit == before.implicit


def mermaid_labels(out: str) -> list[str]:
    """The quoted labels of a Mermaid flowchart, entities decoded."""
    labels = re.findall(r'"([^"\n]*)"', out)

    named = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}

    def entity(match: re.Match[str]) -> str:
        name = match[1]
        return named[name] if name in named else chr(int(name))

    def decode(s: str) -> str:
        return re.sub(r"#(\w+);", entity, s.replace("<br/>", " "))

    return [decode(label) for label in labels]


@pytest.mark.parametrize(("text", "ids"), CASES)
def test_mermaid_shows_text_only_inside_quoted_labels(text, ids):
    """Mermaid output holds text only inside quoted labels and %% comment lines.

    No raw markup or control character is outside them, and each claim's text is a label
    that decodes to the text (line breaks as spaces).
    """
    m = hostile_map(text, ids)
    out = mermaid.dumps(m)
    code = "\n".join(line for line in out.splitlines() if not line.lstrip().startswith("%%"))
    outside = re.sub(r'"[^"\n]*"', '""', code)
    arrows = re.sub(r"-->|--x|-\.-x", "", outside)
    assert not re.search(r"[<>&`]", arrows)
    assert all(c.isprintable() or c == "\n" for c in out)
    labels = {" ".join(label.split()) for label in mermaid_labels(out)}
    assert " ".join(m.claims[0].text.split()) in labels


@pytest.mark.parametrize(("text", "ids"), CASES)
def test_dot_keeps_every_text_inside_quoted_strings(text, ids):
    """DOT output keeps every text and id inside quoted strings.

    It holds no control character, and outside its quoted strings there is nothing but
    DOT's own words and punctuation.
    """
    m = hostile_map(text, ids)
    out = dot.dumps(m, legend=True, evaluation=argmap.evaluate(m))
    assert all(unicodedata.category(c) != "Cc" for c in out.replace("\n", "").replace("\t", ""))
    outside = re.sub(r'"(?:[^"\\]|\\.)*"', " S ", out)
    assert re.fullmatch(r"(?:[A-Za-z_][A-Za-z_0-9]*|[0-9.]+|[{}\[\];=,]|->|\s)*", outside)
    assert len(re.findall(r"^\t+ S +\[", outside, re.MULTILINE)) >= len(m.claims)


@pytest.mark.parametrize(("text", "ids"), CASES)
def test_terminal_prints_text_literally(text, ids):
    """The terminal summary prints rich markup and every visible character as written.

    With quotes and the evaluation shown, it holds no control character, bidirectional
    override or escape sequence (joiners in emoji stay).
    """
    m = hostile_map(text, ids)
    out = terminal.to_text(
        terminal.summary(m, quotes=True, evaluation=argmap.evaluate(m)), width=100
    )
    dangerous = [
        c
        for c in out.replace("\n", "")
        if unicodedata.category(c) in {"Cc", "Zl", "Zp"}
        or "\u202a" <= c <= "\u202e"
        or "\u2066" <= c <= "\u2069"
        or c in "\ufffe\uffff"
    ]
    assert dangerous == [], "a control character got through"
    flat = re.sub(
        r"\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U[0-9a-f]{8}|[│╭╮\u200c\u200d]", "", "".join(out.split())
    )
    assert visible(text)[:300] in flat


@settings(max_examples=40, deadline=None)
@given(hostile_maps())
def test_generated_hostile_maps_survive_every_format(m):
    """Generated hostile maps load back from JSON and AIF, and every other output is made."""
    for fmt in ("json", "aif"):
        assert argmap.loads(argmap.dumps(m, fmt), fmt) == m
    back = argdown.loads(argdown.dumps(m))
    assert [c.id for c in back.claims] == [c.id for c in m.claims]
    assert "\nflowchart BT\n" in mermaid.dumps(m)
    assert dot.dumps(m).startswith("digraph")
    terminal.to_text(terminal.summary(m, quotes=True))


def test_hostile_url_is_never_a_link():
    """A source URL that is not http(s) is text in the tooltip, never an href."""
    m = hostile_map("Plain text.", HOSTILE_IDS[:5])
    out = dot.dumps(m)
    assert "javascript:" not in "".join(re.findall(r'(?:URL|href)="([^"]*)"', out))


# -- writes -----------------------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    """If writing fails half-way the old file is untouched and no temporary file is left."""
    from argmap import files

    target = tmp_path / "map.json"
    target.write_text("old", encoding="utf-8")

    def broken_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", broken_fsync)
    with pytest.raises(argmap.OutputError, match="No space left on device"):
        argmap.dump(argmap.registry.get("example"), target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]


def test_an_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch):
    """A KeyboardInterrupt during the write leaves the old file and no temporary file."""
    from argmap import files

    target = tmp_path / "map.json"
    target.write_text("old", encoding="utf-8")

    def interrupted(_fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        argmap.dump(argmap.registry.get("example"), target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["map.json"]


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "example", "-o", "{missing}/out.json"],
        ["render", "example", "--format", "dot", "-o", "{missing}/out.dot"],
        ["render", "--all", "{file}", "--format", "dot"],
    ],
)
def test_output_into_a_missing_folder_is_one_line(capsys, tmp_path, argv):
    """Writing into a folder that does not exist (or is a file) is a one-line error."""
    from argmap.cli import main

    (tmp_path / "file").write_text("x", encoding="utf-8")
    args = [a.format(missing=tmp_path / "nope", file=tmp_path / "file") for a in argv]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("argmap: error: ")
    assert "Traceback" not in err


@pytest.mark.parametrize("to", ["json", "aif", "argdown"])
def test_export_over_its_input_is_refused_in_every_format(capsys, tmp_path, to):
    """argmap export never writes over its own input, whatever the format."""
    from argmap.cli import main

    path = tmp_path / "m.txt"
    path.write_text(argmap.dumps(argmap.registry.get("example"), to), encoding="utf-8")
    before = path.read_bytes()
    assert main(["export", str(path), "--from", to, "--to", to, "-o", str(path)]) == 1
    assert "refusing to write over the input" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_nothing_writes_without_write_atomic():
    """Every module that writes a file does so through write_atomic (no open(..., 'w'))."""
    import pathlib

    root = pathlib.Path(argmap.__file__).parent
    pattern = re.compile(r"open\([^)]*['\"][wax]b?['\"]|\.write_(text|bytes)\(")
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if p.name != "files.py" and pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


# -- size and shape -----------------------------------------------------------------------


@contextlib.contextmanager
def shallow_stack(frames: int = 300) -> Iterator[None]:
    """Allow only ``frames`` more Python frames: any recursion over the map's depth fails."""
    depth = len(inspect.stack(0))
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + frames)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


# The default run has each shape at a size that still overflows the shallow stack if a
# stage recurses over the map (2,000 levels against 300 frames; a 500-claim web's big
# cycle); the slow set has the full sizes, which also show a stage gone quadratic.
SHAPES = [
    pytest.param(lambda: chain_map(2_000), id="2,000-deep support chain"),
    pytest.param(lambda: fan_in_map(2_000), id="2,000-wide fan-in"),
    pytest.param(lambda: cyclic_map(500), id="500-claim web of attacks"),
    pytest.param(lambda: chain_map(100_000), id="100,000-deep support chain", marks=SLOW),
    pytest.param(lambda: fan_in_map(100_000), id="100,000-wide fan-in", marks=SLOW),
    pytest.param(lambda: cyclic_map(2_000), id="2,000-claim web of attacks", marks=SLOW),
]


@pytest.mark.parametrize("shape", SHAPES)
def test_extreme_shapes_go_through_every_stage(shape):
    """Deep, wide and cyclic maps go through every stage on a shallow stack.

    The stages are validate, evaluate, JSON, DOT and the terminal summary; none recurses
    over the map.
    """
    m = shape()
    with shallow_stack():
        assert argmap.validate(m) == ()
        e = argmap.evaluate(m)
        assert argmap.loads(argmap.dumps(m)) == m
        out = dot.dumps(m, legend=False, full=True)
        folded = dot.dumps(m, legend=False)
        text = terminal.to_text(terminal.summary(m), width=100)
    assert len(e.labels) == len(m.claims)
    assert e.converged
    assert len(re.findall(r'id="claim-', out)) == len(m.claims)
    drawn = len(re.findall(r'id="claim-', folded))
    assert 0 < drawn <= dot.BUDGET
    assert f"{drawn:,} of {len(m.claims):,} claims" in folded
    assert f"In all: {len(m.claims)} claims" in " ".join(text.split())


@pytest.mark.parametrize("n", [2_001, pytest.param(100_000, marks=SLOW)])
def test_deep_chain_verdicts(n):
    """On a deep rebuttal chain the labels alternate from the unattacked end."""
    e = argmap.evaluate(chain_map(n, kind="rebuttal"), "grounded", explain=False)
    assert e.labels[f"c{n - 1}"] == argmap.Label.IN
    assert e.labels["c0"] == (argmap.Label.IN if n % 2 else argmap.Label.OUT)


@pytest.mark.parametrize("n", [2_000, pytest.param(100_000, marks=SLOW)])
def test_wide_fan_in_verdict(n):
    """A thesis with thousands of reasons, every tenth an unanswered objection, is OUT."""
    e = argmap.evaluate(fan_in_map(n), explain=False)
    assert e.labels["c0"] == argmap.Label.OUT
    assert 0.0 <= e.strengths["c0"] <= 1.0


# -- resource limits ----------------------------------------------------------------------

LOADABLE = ["json", "aif", "argdown"]


@pytest.mark.parametrize("fmt", LOADABLE)
def test_a_1_gb_file_is_refused_before_it_is_read(tmp_path, fmt):
    """A sparse 1 GiB file: refused from its size, in one line, without reading it."""
    path = tmp_path / f"huge.{fmt}"
    with path.open("wb") as f:
        f.truncate(2**30)
    with pytest.raises(
        argmap.FormatError, match=r"huge\.\w+: 1,024 MiB, over argmap's input limit of 256 MiB$"
    ):
        argmap.load(path, fmt)


def test_the_cli_refuses_a_1_gb_file_in_one_line(tmp_path, capsys):
    path = tmp_path / "huge.json"
    with path.open("wb") as f:
        f.truncate(2**30)
    assert cli.main(["check", str(path)]) == cli.EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert err.startswith("argmap: ")
    assert "over argmap's input limit of 256 MiB" in err
    assert err.count("\n") == 1


def test_an_endless_device_is_read_only_up_to_the_limit(monkeypatch):
    """A device reports size 0; argmap reads one byte past the limit and stops there."""
    monkeypatch.setattr(argmap.io, "MAX_INPUT_BYTES", 2**20)
    with pytest.raises(
        argmap.FormatError, match=r"^/dev/zero: more than argmap's input limit of 1 MiB$"
    ):
        argmap.load("/dev/zero", "json")


def test_standard_input_over_the_limit_is_one_line(monkeypatch, capsys):
    monkeypatch.setattr(argmap.io, "MAX_INPUT_BYTES", 1000)
    document = argmap.dumps(chain_map(100)).encode()
    assert len(document) > 1000
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(document), encoding="utf-8"))
    assert cli.main(["check", "-"]) == cli.EXIT_PROBLEMS
    assert capsys.readouterr().err == (
        "argmap: error: standard input: more than argmap's input limit of 0 MiB\n"
    )


def test_standard_input_in_another_encoding_is_one_line(monkeypatch, capsys):
    document = argmap.dumps(chain_map(3)).encode("utf-16")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(document), encoding="utf-8"))
    assert cli.main(["check", "-"]) == cli.EXIT_PROBLEMS
    assert capsys.readouterr().err == (
        "argmap: error: standard input: not UTF-8 text (invalid start byte at byte 0)\n"
    )


NESTED = {
    "json": ["[" * 200_000, '{"a":' * 200_000],
    "aif": ['{"nodes":' + "[" * 200_000, '{"nodes": [{"text":' * 100_000],
    "argdown": ["[a]\n" + "".join(" " * i + f"+ [b{i}]\n" for i in range(1, 3_000))],
}


@pytest.mark.parametrize(
    ("fmt", "text"), [(fmt, text) for fmt, texts in NESTED.items() for text in texts]
)
def test_deep_nesting_fails_fast_in_one_line(fmt, text):
    """Deeply nested input is a one-line FormatError, on a shallow stack."""
    with shallow_stack(), pytest.raises(argmap.FormatError, match="nested too deeply") as info:
        argmap.loads(text, fmt)
    assert "\n" not in str(info.value)


def test_deeply_nested_argdown_metadata_is_kept_as_text():
    text = "[s]: text {" + "a: {" * 50_000 + "}"
    with (
        shallow_stack(),
        pytest.warns(argmap.ArgmapWarning, match="nested more than 102 levels deep"),
    ):
        m = argmap.loads(text, "argdown")
    assert [c.text for c in m.claims] == ["text"]


@pytest.mark.parametrize(("size", "bound"), [(20_000, 2), pytest.param(60_000, 10, marks=SLOW)])
@pytest.mark.parametrize(
    "unit", ["[", "<", "@[", "@<", "#(", "{", "{},", "<!--", "/*", "//", "[x](", "[a]:"]
)
def test_argdown_reads_a_long_line_of_openings_in_linear_time(unit, size, bound):
    """A line of 20,000 (or 60,000) characters of openings that never close lexes fast.

    Each opening used to search to the line's end before failing, which took quadratic
    time: 15 s for 20,000 ``[``, so about 135 s for 60,000. A linear lexer needs a quarter
    of a second of processor time for 20,000 (where the quadratic one needed 4 to 10 s
    for most of these) and well under a second for 60,000; the bounds of 2 s and 10 s
    leave room for a slow machine. Processor time, not wall time: a busy machine does not
    make it longer.
    """
    text = unit * (size // len(unit))
    start = time.process_time()
    tokens = tokenize(text)
    elapsed = time.process_time() - start
    if unit not in {"<!--", "/*", "//"}:  # comments leave no token
        assert "".join(t.image for t in tokens).replace(" ", "") == text.replace(" ", "")
    assert tokens
    assert elapsed < bound


@pytest.mark.parametrize("verb", ["check", "show", "export", "evaluate"])
def test_errors_name_their_input_once(tmp_path, monkeypatch, capsys, verb):
    """Each input error is one line naming the file (or standard input) exactly once."""
    missing, folder = str(tmp_path / "missing.json"), str(tmp_path)
    for argv, expected in [
        ([verb, missing], f"argmap: error: {missing}: no such file\n"),
        ([verb, folder], f"argmap: error: {folder}: is a folder, not a file\n"),
    ]:
        assert cli.main(argv) == cli.EXIT_PROBLEMS
        assert capsys.readouterr().err == expected
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"argmap":'), "utf-8"))
    assert cli.main([verb, "-"]) == cli.EXIT_PROBLEMS
    err = capsys.readouterr().err
    assert err.startswith("argmap: error: standard input: not valid JSON: ")
    assert err.count("standard input") == 1
    assert err.count("\n") == 1
