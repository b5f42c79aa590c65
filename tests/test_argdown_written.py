"""Argdown that argmap wrote, read straight (argmap.io.argdown.written).

The straight reader must give exactly what the general reader gives (map, warnings,
errors) wherever it does not decline, and must not decline on what the writer writes for
the maps it covers.
"""

from __future__ import annotations

import time
from pathlib import Path

import attrs
import pytest
from fuzzing import read_outcome
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.io import argdown
from argmap.io.argdown import reader, written
from argmap.io.argdown.escape import (
    argument_title_ok,
    data_text,
    escape,
    flatten,
    statement_title_ok,
)
from argmap.strategies import (
    HOSTILE_TEXTS,
    argument_maps,
    hostile_maps,
    ids,
    metadata,
    texts,
)

MAPS = st.one_of(
    argument_maps(),
    argument_maps(ids=ids(), meta=metadata(), labels=texts()),
    argument_maps(ids=st.from_regex(r"-?[0-9]{1,3}(\.[0-9])?(e[0-9])?", fullmatch=True)),
    argument_maps(text=st.sampled_from(HOSTILE_TEXTS) | texts(), labels=texts(max_size=8)),
    hostile_maps(),
)


def _general(text: str) -> argmap.ArgumentMap:
    """What the general reader reads (the straight reader switched off)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reader, "read_written", lambda _: None)
        return argdown.loads(text)


def _covered(m: argmap.ArgumentMap) -> bool:
    """Whether the map is one ``written`` must cover (a sufficient condition).

    (A text with line breaks or spaces at its ends is flattened by the writer: the maps
    read from Argdown have none.)
    """
    return (
        all(flatten(c.text) == c.text for c in m.claims)
        and "argdown" not in m.meta
        and all("argdown" not in x.meta for x in (*m.claims, *m.relations))
        and all(statement_title_ok(c.id) for c in m.claims)
        and all(argument_title_ok(r.id) for r in m.relations)
    )


def _dumped(m: argmap.ArgumentMap) -> str | None:
    try:
        return argdown.dumps(m)
    except argmap.FormatError:
        return None


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS)
def test_written_is_the_writers_text(m):
    """``written(m)`` is ``dumps(m)``, character for character, or None.

    (And not None for the maps it covers.)
    """
    text = _dumped(m)
    got = written.written(m)
    if text is None:
        assert got is None
        return
    assert got in (None, text)
    if _covered(m):
        assert got == text


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS)
def test_what_argmap_writes_is_read_straight_into_the_general_readers_map(m):
    text = _dumped(m)
    if text is None:
        return
    slow = read_outcome(lambda: _general(text))
    fast = read_outcome(lambda: argdown.loads(text))
    assert fast == slow
    straight = written.read_written(text)
    if _covered(m):
        assert straight is not None
    if straight is not None:
        assert straight == slow[0]
        assert slow[1] == []  # (the straight reader gives no warnings: nor may the general)
        hash(straight)


_ALPHABET = "[]<>(){}#\\:-+_=.,/*\"' \t\n\r0123456789acn"


@st.composite
def edited_documents(draw: st.DrawFn) -> str:
    """What argmap writes for a map, one random edit away.

    A character or a line inserted, deleted or replaced, or a line dropped or repeated.
    """
    m = draw(MAPS)
    text = _dumped(m)
    if text is None:
        return '===\ntitle: "x"\n===\n\n[a]: b\n'
    lines = text.split("\n")
    kind = draw(st.sampled_from(["insert", "delete", "replace", "line", "drop", "copy"]))
    if kind in {"line", "drop", "copy"}:
        at = draw(st.integers(0, len(lines) - 1))
        if kind == "drop":
            del lines[at]
        elif kind == "copy":
            lines.insert(draw(st.integers(0, len(lines))), lines[at])
        else:
            lines.insert(at, draw(st.text(_ALPHABET, max_size=12) | st.sampled_from(lines)))
        return "\n".join(lines)
    at = draw(st.integers(0, len(text) - (kind != "insert")))
    char = draw(st.sampled_from(_ALPHABET) | st.characters(exclude_categories=["Cs"]))
    if kind == "insert":
        return text[:at] + char + text[at:]
    if kind == "delete":
        return text[:at] + text[at + 1 :]
    return text[:at] + char + text[at + 1 :]


def _same_outcome(text: str) -> None:
    slow = read_outcome(lambda: _general(text))
    fast = read_outcome(lambda: argdown.loads(text))
    assert fast == slow
    if isinstance(fast[0], argmap.ArgumentMap):
        hash(fast[0])


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(edited_documents())
def test_an_edited_document_reads_as_the_general_reader_reads_it(text):
    _same_outcome(text)


# -- the bulk steps, against the writer's own ------------------------------------------------

_TEXTS = st.sampled_from(HOSTILE_TEXTS) | texts() | st.text("ab .:=/*- \t\\[]#,", max_size=12)


@given(st.lists(_TEXTS, max_size=6))
def test_escaping_all_at_once_is_escaping_each(values):
    flat = [flatten(t) for t in values]
    flat = [t for t in flat if t]
    assert written._escape_all(flat) == [escape(t) for t in flat]
    assert written._unescape_all(written._escape_all(flat)) == flat


@given(st.lists(metadata() | st.fixed_dictionaries({"t": _TEXTS}), max_size=5))
def test_data_all_at_once_is_data_each(values):
    assert written._data_texts(values) == [data_text(v) for v in values]


# -- named near misses -------------------------------------------------------------------------


def _small() -> argmap.ArgumentMap:
    b = argmap.MapBuilder("small", "A small map", description="Said once.")
    b.source("s", "A source", author="An author")
    b.thesis("t", "The thesis, e.g. this.")
    a = b.claim("a", "A says #so [really].", quote="verbatim", tags=["x", "two words"])
    c = b.claim("c", "C, with a score.", base_score=0.25, note="a note")
    b.claim("d", "D is implicit.", implicit=True)
    e = b.claim("e", "E = E.")
    s1 = a.supports("t")
    c.rebuts("t")
    linked = b.linked("c", "d").supports("a", label="Linked", scheme="Modus, ponens")
    b.linked("d", "e").rebuts("c")
    e.undercuts(s1)
    b.claim("f", "F.").supports("c")
    b.claim("g", "G.").undercuts(linked)
    m = b.build()
    undercut = m.relation("e--undercuts--a--supports--t")
    return m.with_relation(attrs.evolve(undercut, meta={"k": [1, "v"]}))


def _swap_claims(text: str) -> str:
    lines = text.split("\n\n")
    lines[2], lines[3] = lines[3], lines[2]
    return "\n\n".join(lines)


def _first(old: str, new: str):
    return lambda text: text.replace(old, new, 1)


# Each near miss: the edit, and whether the straight reader may still read it (the text
# is then what argmap writes for another map).
NEAR_MISSES = {
    "a comment": (lambda t: t.replace("\n\n[a]:", "\n\n// a comment\n\n[a]:", 1), False),
    "a block comment": (_first("[c]:", "/* x */ [c]:"), False),
    "an extra blank line": (_first("\n\n[c]:", "\n\n\n[c]:"), False),
    "no final line break": (lambda t: t[:-1], False),
    "a final blank line": (lambda t: t + "\n", False),
    "CRLF line ends": (lambda t: t.replace("\n", "\r\n"), False),
    "a trailing space": (_first("[c]:", "[c]: "), False),
    "a tab for indentation": (_first("  + [", "\t+ ["), False),
    "a reordered claim": (_swap_claims, True),
    "a hand-edited claim text": (_first("D is implicit.", "D is not."), True),
    "a text left unescaped": (_first("\\#so", "#so"), False),
    "an escape too many": (_first("C, with", "C\\, with"), False),
    "a duplicate claim": (lambda t: t.replace("\n\n[c]:", "\n\n[e]: E.\n\n[c]:", 1), False),
    "a duplicate relation": (lambda t: t + "\n[t]\n  + [a]\n", False),
    "a missing definition": (_first("[e]: E = E.\n\n", ""), False),
    "a heading": (_first("\n\n[t]:", "\n\n# Heading\n\n[t]:"), False),
    "an other front matter entry": (_first("===\n\n", "model: x\n===\n\n"), False),
    "the front matter's keys swapped": (
        _first(
            '{"id": "small", "description": "Said once."',
            '{"description": "Said once.", "id": "small"',
        ),
        False,
    ),
    "a score written as an integer": (_first('"baseScore": 0.25', '"baseScore": 1'), False),
    "data with other spacing": (_first('{"argmap": {"note"', '{"argmap":{"note"'), False),
    "data keys reordered": (
        _first('"note": "a note", "baseScore": 0.25', '"baseScore": 0.25, "note": "a note"'),
        False,
    ),
    "implicit false": (_first('"implicit": true', '"implicit": false'), False),
    "a premise renumbered": (_first("(2) [d]", "(3) [d]"), False),
    "a stand-in renamed": (_first("--not]", "--no]"), False),
    "a stand-in's text edited": (_first("It is not the case that: C", "It is not so: C"), False),
    "a support written as a rebuttal": (_first("  + [f]", "  - [f]"), True),
    "a relation line reversed": (_first("[c]\n  + [f]", "[f]\n  +> [c]"), False),
    "an undercut aimed at a claim": (_first("  _ [g]", "  - [g]"), False),
    "a kind dropped": (_first(' {"argmap": {"kind": "rebuttal"}}', ""), False),
    "a BOM": (lambda t: "\ufeff" + t, False),
    "a tag as text": (_first(" #x", " \\#x"), True),
    "a scheme's comma unescaped": (_first("Modus\\, ponens", "Modus, ponens"), False),
}


@pytest.mark.parametrize("name", sorted(NEAR_MISSES))
def test_a_near_miss_reads_as_the_general_reader_reads_it(name):
    text = argdown.dumps(_small())
    assert written.read_written(text) == _general(text)  # (the original is read straight)
    edit, may_read = NEAR_MISSES[name]
    edited = edit(text)
    assert edited != text
    _same_outcome(edited)
    if not may_read:
        assert written.read_written(edited) is None
    else:
        assert written.read_written(edited) is not None


def test_a_written_map_takes_the_straight_path(monkeypatch):
    text = argdown.dumps(_small())
    monkeypatch.setattr(reader, "read", lambda _: pytest.fail("the general reader ran"))
    assert argdown.loads(text) == _small()


def test_builtin_maps_are_read_straight_and_write_back_byte_identical(builtin_map):
    text = argdown.dumps(builtin_map)
    m = argdown.loads(text)
    assert argdown.dumps(m) == text
    assert m == _general(text)
    if _covered(builtin_map):
        assert written.read_written(text) is not None


def test_numeric_looking_ids_and_unicode_are_read_straight():
    m = argmap.ArgumentMap(
        "m",
        "Zahlen – ünïcödé",
        claims=[
            argmap.Claim("1", "Eins."),
            argmap.Claim("2.0", "Zwei: ‘zwei’."),
            argmap.Claim("-3", "Drei."),
            argmap.Claim("1e5", "Ünïcödé 😀 \\ [x] {y}."),
        ],
        relations=[
            argmap.Support("2.0--supports--1", ["2.0"], "1"),
            argmap.Rebuttal("7", ["1e5", "2.0"], "1"),
            argmap.Rebuttal("-3--rebuts--1", ["-3"], "1"),
        ],
    )
    text = argdown.dumps(m)
    # "-3" cannot be a statement title: the writer gives it a stand-in, left to the
    # general reader; without it, the rest is read straight.
    assert written.read_written(text) is None
    assert argdown.loads(text) == m
    rest = attrs.evolve(m, claims=m.claims[:2] + m.claims[3:], relations=m.relations[:2])
    text = argdown.dumps(rest)
    assert written.read_written(text) == rest == _general(text)


SAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "argdown-samples"
LOOSE = """
[In]: In.
  >< [Out]
<Gist>: A gist.
  - [In]
<Arg>
(1) [P]: P.
----
(2) [In]
  <- [Q]: Q.
  <+ [R]: R.
[S]: S.
  _ <Gist>
"""


def _foreign() -> list[str]:
    texts_ = [LOOSE]
    if SAMPLES.is_dir():  # pragma: no branch - the samples sit beside the repository
        texts_ += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.argdown"))]
    return texts_


@pytest.mark.parametrize("index", range(len(_foreign())))
def test_maps_read_from_other_argdown_are_written_and_read_back_alike(index):
    """Maps read from others' Argdown: written gives the writer's text or declines.

    They carry meta["argdown"] (contradictions, gists, loose relations, sections); what
    the writer writes for them reads alike both ways. (Most decline, and some samples are
    not readable at all: for those this is a guard that nothing breaks, not a comparison.)
    """
    source = _foreign()[index]
    m, _ = read_outcome(lambda: _general(source))
    if not isinstance(m, argmap.ArgumentMap):
        return
    text = _dumped(m)
    if text is None:
        return
    assert written.written(m) in (None, text)
    _same_outcome(text)


@pytest.mark.parametrize("tag", ["x\u00a0", "\u3000x", "a\u2028", "\u205f"])
def test_a_tag_with_unicode_space_at_an_end_reads_alike_both_ways(tag):
    """Such a tag is written in parentheses, which both readers keep as it is.

    (Written bare, ``#x\u00a0``, the general reader stripped the space and the straight one
    kept it: one file's tags then depended on an unrelated edit elsewhere in it.)
    """
    m = argmap.ArgumentMap(
        "m", "T", theses=["a"], claims=[argmap.Claim("a", "A.", tags=(tag, "plain"))]
    )
    text = argdown.dumps(m)
    assert written.read_written(text) == _general(text) == m
    assert _general(text + "\n// an unrelated comment\n") == m


@pytest.mark.parametrize(("relations", "unit"), [("", "<"), ("[a]\n  + [a]\n\n", "[")])
def test_a_long_line_of_openings_is_declined_in_linear_time(relations, unit):
    """20,000 openings that never close, after argmap's front matter and a claim.

    Tried at every position of the line, the relation pattern read to the line's end each
    time: 2.25 s for 16,000 "<", 13 s for 32,000. Anchored at line starts it takes
    milliseconds; the bound of 1 s of processor time leaves room for a slow machine.
    """
    text = '===\ntitle: "x"\n===\n\n[a]: A.\n\n' + relations + unit * 20_000 + "\n"
    start = time.process_time()
    assert written.read_written(text) is None
    assert time.process_time() - start < 1.0


def test_stand_in_titles_are_numbered_as_the_writer_numbers_them():
    """A rebuttal's stand-in conclusion takes ``<id>--not``, or the next free number."""
    m = argmap.ArgumentMap(
        "m",
        "Stand-ins",
        claims=[argmap.Claim(i, f"Text of {i}.") for i in ("t", "a", "b", "r--not", "not")],
        relations=[
            argmap.Rebuttal("r", ["a", "b"], "t"),
            argmap.Rebuttal("s]", ["a", "b"], "t"),  # ("]": no title; the stand-in is "not")
            argmap.Rebuttal("u]", ["b", "a"], "t"),
        ],
    )
    text = argdown.dumps(m)
    assert "[r--not-1]:" in text
    assert "[not-2]:" in text
    assert "[not-3]:" in text
    assert written.written(m) == text
    assert written.read_written(text) == m == _general(text)
