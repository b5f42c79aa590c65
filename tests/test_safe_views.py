"""Safe views: text that cannot act on a terminal, and the other items of issue 13, part C.

Bounded explanations, a module cache that cannot be fooled, inert SVG, one error type for
wrong arguments, and evaluations that pickle.
"""

from __future__ import annotations

import contextlib
import io
import json
import textwrap
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Claim, MapBuilder
from argmap._report import describe
from argmap._text import clean, safe_json
from argmap.cli import main
from argmap.render import terminal
from argmap.strategies import HOSTILE_IDS, HOSTILE_TEXTS, hostile_map, hostile_maps, texts

# -- 1. text from a map never acts on the terminal ----------------------------------------

_KEEP = frozenset("\u00ad\u200c\u200d")


def unsafe(text: str) -> list[str]:
    """The characters of printed output that could act on a terminal.

    C0 and C1 controls (ESC, BEL, backspace, CSI...), DEL, line and paragraph separators,
    surrogates, and invisible format characters such as the bidirectional overrides and
    isolates (U+202A-U+202E, U+2066-U+2069); only the line feed that ends a line, the soft
    hyphen, the zero-width joiners and emoji tag characters may appear.
    """
    found = []
    for ch in text:
        if ch == "\n":
            continue
        category = unicodedata.category(ch)
        if category in {"Cc", "Cs", "Zl", "Zp"} or (
            category == "Cf" and ch not in _KEEP and not 0xE0020 <= ord(ch) <= 0xE007F
        ):
            found.append(ch)
    return found


def assert_safe(text: str) -> None:
    """No character that acts on a terminal, and no line break but the line feed."""
    assert unsafe(text) == [], text[:200]
    assert len(text.splitlines()) == text.count("\n") + (not text.endswith("\n") and text != "")


#: Map ids an attacker would pick: fake "ok" lines, cursor moves, overrides.
HOSTILE_MAP_IDS = (
    "m\nother: ok (1 claims, 0 relations)",
    "\x1b[2K\rexample: ok",
    "m\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
    "\u202eko\u202c",
    "\u2066m\u2069",
    "m\x9b2J",
    "m\x08\x08ok",
    "m\x85n\u2028o\u2029p",
    "m\x07",
    "",
)

_MAP_IDS = st.sampled_from(HOSTILE_MAP_IDS) | texts(max_size=12)

#: Claim and relation ids are valid with invisible format characters in them.
_IDS = st.lists(
    st.sampled_from(
        (*HOSTILE_IDS, "\u202eevil", "a\u2066b\u2069", "z\u200fy", "\u061cq", "w\ufeffv")
    ),
    min_size=5,
    max_size=5,
    unique=True,
)
_TEXTS = st.sampled_from(HOSTILE_TEXTS) | texts(max_size=80)


@st.composite
def hostile_valid_maps(draw: st.DrawFn) -> ArgumentMap:
    """Valid maps with hostile texts, and ids that hold bidirectional controls too."""
    return hostile_map(draw(_TEXTS), draw(_IDS))


def run(*args: object) -> tuple[int, str, str]:
    """Run the command line, capturing what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def map_file(m: ArgumentMap):
    """``m`` written to a JSON file in a fresh temporary folder."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.json"
        argmap.dump(m, path)
        yield path


@settings(max_examples=30)
@given(hostile_maps(), _MAP_IDS)
def test_check_shows_any_map_id_on_its_own_lines(m, map_id):
    """check prints one line per problem plus its verdict, each led by the escaped id."""
    m = attrs.evolve(m, id=map_id)
    with map_file(m) as path:
        code, out, err = run("check", path)
    assert_safe(out + err)
    problems = argmap.validate(m)
    lines = out.splitlines()
    assert len(lines) == len(problems) + 1
    assert all(line.startswith(clean(map_id) + ": ") for line in lines)
    verdict = "1 error" if problems else "ok"
    assert (code, lines[-1].startswith(f"{clean(map_id)}: {verdict} (")) == (len(problems), True)


def test_a_map_id_cannot_fake_an_ok_line():
    """An id holding a line break and an "ok" verdict shows escaped, on the error line."""
    m = hostile_map("Plain.", ("t", "a", "b", "c", "d"))
    m = attrs.evolve(m, id="x: ok (5 claims, 3 relations)\nreal")
    with map_file(m) as path:
        code, out, _ = run("check", path)
    assert code == 1
    shown = "x: ok (5 claims, 3 relations) real"
    problem = (
        "error: map id 'x: ok (5 claims, 3 relations)\\nreal' is empty or holds spaces or "
        "control characters; use a slug such as 'bike-lanes'"
    )
    assert out.splitlines() == [f"{shown}: {problem}", f"{shown}: 1 error (5 claims, 3 relations)"]


def _thesis_block(m: ArgumentMap, width: int) -> list[str]:
    """The lines the report's layout gives the thesis's text: wrapped, indented by two."""
    return textwrap.wrap(
        clean(m.claim(m.theses[0]).text),
        width,
        initial_indent="  ",
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


@settings(max_examples=30)
@given(hostile_valid_maps(), st.integers(40, 120))
def test_evaluate_report_prints_text_as_text(m, width):
    """evaluate's report holds no control, and each text takes the lines its layout says."""
    with map_file(m) as path:
        code, out, err = run("evaluate", path, "--width", width)
    assert code == 0
    assert_safe(out + err)
    lines = out.splitlines()
    block = _thesis_block(m, width)
    at = lines.index(block[0])
    assert lines[at : at + len(block)] == block
    assert lines[at - 1].startswith(f"thesis {m.theses[0]!r}: ")


@settings(max_examples=30)
@given(hostile_maps(), _MAP_IDS)
def test_report_of_any_map_id_and_title_is_safe(m, map_id):
    """The report's header shows a hostile id and title escaped, on one line."""
    m = attrs.evolve(m, id=map_id, title=map_id + "\x1b[8m")
    out = describe(m, argmap.evaluate(m), 100)
    assert_safe(out)
    lines = out.splitlines()
    header = lines[: lines.index("grounded labels and DF-QuAD strengths (converged)")]
    assert " ".join(header).split() == clean(f"{map_id}: {map_id}\x1b[8m").split()


def test_a_thesis_text_cannot_overprint_its_result():
    """A claim text that returns the cursor and prints "IN" shows escaped, after "OUT"."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "\r\x1b[1Athesis 't': IN\x1b[K")
    b.claim("no", "An objection nothing answers.").rebuts(t)
    with map_file(b.build()) as path:
        _, out, _ = run("evaluate", path)
    assert "\x1b" not in out
    assert "\r" not in out
    lines = out.splitlines()
    assert [line for line in lines if line.startswith("thesis")] == [
        "thesis 't': OUT, strength 0.250"
    ]
    assert "   \\x1b[1Athesis 't': IN\\x1b[K" in lines


@settings(max_examples=20)
@given(hostile_valid_maps())
def test_evaluate_json_is_safe_and_exact(m):
    """evaluate --json escapes what would act on a terminal, and reads back the same data."""
    with map_file(m) as path:
        code, out, _ = run("evaluate", path, "--json")
    assert code == 0
    assert_safe(out)
    assert json.loads(out) == {"map": m.id, **argmap.evaluate(m).to_json()}


@settings(max_examples=25)
@given(_TEXTS, _IDS)
def test_show_lays_out_a_text_as_its_escaped_form(text, ids):
    """show prints no control, and a hostile text takes exactly the room of its escapes."""
    with map_file(hostile_map(text, ids)) as path:
        code, out, err = run("show", path, "--width", 100, "--quotes")
    assert code == 0
    assert_safe(out + err)
    with map_file(hostile_map(clean(text), ids)) as path:
        _, expected, _ = run("show", path, "--width", 100, "--quotes")
    assert out == expected


@settings(max_examples=20)
@given(st.lists(st.tuples(hostile_maps(), _MAP_IDS), min_size=1, max_size=3))
def test_list_shows_one_line_per_map(monkeypatch_maps):
    """list prints a header and one line per map, whatever the ids and titles hold."""
    maps = [attrs.evolve(m, id=i, title=i + m.title[:40]) for m, i in monkeypatch_maps]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("argmap.cli.registry.all_maps", lambda: maps)
        code, out, err = run("list")
        _, as_json, _ = run("list", "--json")
    assert code == 0
    assert_safe(out + err + as_json)
    lines = out.splitlines()
    assert len(lines) == len(maps) + 1
    for line, m in zip(lines[1:], maps, strict=True):
        assert line.startswith(clean(m.id))
    assert [(r["id"], r["title"]) for r in json.loads(as_json)] == [(m.id, m.title) for m in maps]


@given(st.text(max_size=30))
def test_safe_json_reads_back_the_same_text(text):
    """Escaping unsafe characters in JSON keeps it valid and the same data."""
    out = safe_json({"k" + text: [text]})
    assert_safe(out)
    assert json.loads(out) == {"k" + text: [text]}


@given(st.text(max_size=30))
def test_clean_is_one_safe_line(text):
    """clean leaves no unsafe character and no line break, and changes nothing safe twice."""
    once = clean(text)
    assert unsafe(once) == []
    assert "\n" not in once
    assert clean(once) == once


def test_terminal_view_uses_the_shared_rule():
    """The terminal view's cleaning is the shared one, not a copy of it."""
    assert terminal._clean is clean


@pytest.mark.parametrize("map_id", ["", "a b", "a\nb", "a\x1b[2Jb", "a\x85b", "a\u2028b"])
def test_a_bad_map_id_is_a_problem_and_the_builder_refuses_it(map_id):
    """A map id that is empty or holds spaces, controls or line breaks is a bad-id error."""
    b = MapBuilder(map_id, "M")
    b.thesis("t", "T.")
    with pytest.raises(argmap.InvalidMapError, match="map id"):
        b.build()
    m = ArgumentMap(map_id, "M", theses=["t"], claims=[Claim("t", "T.")])
    assert [(p.code, p.subject) for p in argmap.validate(m)] == [("bad-id", map_id)]
