"""Kialo import: both layouts, links, footnoted sources, messy text; a writer for properties."""

import warnings
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapWarning, FormatError, Rebuttal, Support
from argmap.io import kialo
from argmap.strategies import argument_maps

DATA = Path(__file__).parent / "data" / "kialo"


def _quiet(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArgmapWarning)
        return kialo.loads(text)


def test_current_layout_with_a_question_and_two_theses():
    """A Question root with two Thesis children: two theses, the question as description."""
    with pytest.warns(ArgmapWarning, match="other Kialo discussions"):
        m = argmap.load(DATA / "current-question.txt")
    assert m.title == "Should towns ban cars from their centres?"
    assert m.theses == ("1.1", "1.2")
    assert m.meta["kialo"]["question"] == m.description == m.title
    assert "1" not in m.claims_by_id


def test_paragraph_breaks_and_no_break_spaces():
    """An indent-only line inside a claim is a paragraph break; no-break spaces stay."""
    m = _quiet((DATA / "current-question.txt").read_text(encoding="utf-8"))
    assert m.claim("1.1.1").text == (
        "Car-free centres have cleaner air.[1]\n\n"
        "Cities that closed streets measured less nitrogen dioxide within a year."
    )
    assert "Most\u00a0shoppers" in m.claim("1.2.1").text


def test_links_use_a_claim_again_with_their_own_marker():
    """'-> See 1.2.1.' under a Con is a rebuttal from 1.2.1, though 1.2.1 is itself a Pro."""
    m = _quiet((DATA / "current-question.txt").read_text(encoding="utf-8"))
    link = m.relation("1.1.2.1-con")
    assert (type(link), link.premises, link.target) == (Rebuttal, ("1.2.1",), "1.1.2")
    assert isinstance(m.relation("1.2.1-pro"), Support)
    assert m.relation("1.2.2-con").premises == ("1.1.1",)
    assert "1.1.2.1" not in m.claims_by_id


def test_cross_discussion_links_are_kept_as_data():
    """'-> See discussion #N' is no claim: it is kept in meta with its stance and parent."""
    m = _quiet((DATA / "current-question.txt").read_text(encoding="utf-8"))
    (link,) = m.meta["kialo"]["discussion_links"]
    assert dict(link) == {
        "path": "1.1.3",
        "stance": "pro",
        "discussion": 4567,
        "text": "Should parking be free?",
        "parent": "1.1",
    }
    assert "1.1.3" not in m.claims_by_id


def test_footnotes_become_sources_with_excerpts_as_quotes():
    """[1] cites the first Sources entry: a source with its text and URL, its excerpt a quote."""
    m = _quiet((DATA / "current-question.txt").read_text(encoding="utf-8"))
    s1 = m.source("source-1")
    assert s1.title == "Air quality report 2021, https://example.org/air"
    assert s1.url == "https://example.org/air"
    (quote,) = m.claim("1.1.1").quotes
    assert (quote.source, quote.text) == (
        "source-1",
        '"Nitrogen dioxide fell by a third on closed streets."',
    )
    assert m.claim("1.1.2").meta["kialo"]["sources"] == ("source-2",)
    assert not m.claim("1.1.2").quotes
    assert not any("Air quality" in c.text for c in m.claims)


def test_old_layout_with_markdown_links_and_escapes():
    """The older layout: flat lines, continuations, Markdown links as sources, escapes."""
    m = argmap.load(DATA / "old-layout.txt", "kialo")
    assert m.title == "Should the library open on Sundays?"
    assert m.theses == ("1",)
    assert m.claim("1.1").text.endswith("as a recent survey found.")
    assert m.source("link-1").url == "https://example.org/survey"
    assert m.claim("1.1").meta["kialo"]["sources"] == ("link-1",)
    assert m.claim("1.1.1").text == (
        "The survey asked only people who already use the library [see the method section].\n"
        "It did not ask anyone else."
    )
    link = m.relation("1.2.1-pro")
    assert (type(link), link.premises, link.target) == (Support, ("1.1.1",), "1.2")
    assert m.meta["kialo"]["layout"] == "old"


def test_detected_from_content(tmp_path):
    """A .txt file that starts with a Kialo header reads as Kialo, BOM and CRLF included."""
    path = tmp_path / "debate.txt"
    path.write_bytes(b"\xef\xbb\xbfDiscussion Title: T\r\n\r\n1. A thesis.\r\n1.1. Con: No.")
    m = argmap.load(path)
    assert m.theses == ("1",)
    assert m.claim("1.1").text == "No."


@pytest.mark.parametrize(
    "text",
    [
        "Discussion Name: \n  Title\n\nThesis line\n1. Thesis:\n    T.\n1.1. Pro:\n    P.",
        "Discussion Title: Title\n\n\u200b1. T.\n1.1.\u00a0Pro:\u00a0P.\n",
        "Discussion Title: Title\r\n\r\n1. T.\r\n1.1. pro: P.\r\n",
        "1. Thesis: T.\n1.1. Pro:\n\tP.",
    ],
)
def test_variants_of_the_layout_read_the_same(text):
    """Title on the next line, zero-width and no-break spaces, CRLF, lower case, no header."""
    m = _quiet(text)
    assert [c.text for c in m.claims] == ["T.", "P."]
    assert [(r.kind, r.premises, r.target) for r in m.relations] == [("support", ("1.1",), "1")]


def test_oddities_are_warnings_not_crashes():
    """A missing parent, a dangling link, a self-link, an empty claim: warnings, one each."""
    text = (
        "Discussion Title: T\n1. Thesis.\n1.1. Pro: A.\n1.1.1.1. Con: Deep.\n"
        "1.2. Con: -> See 9.9.\n1.1.2. Pro: -> See 1.1.\n1.3. Pro:\n"
        "1.4. Con: -> See 1.1.\n1.1.3. Pro: -> See 1.\n"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = kialo.loads(text)
    messages = " | ".join(str(w.message) for w in caught)
    assert "nearest claim above ('1.1.1.1')" in messages
    assert "links to claims the export does not have" in messages
    assert "own parent" in messages
    assert "no text" in messages
    assert "circle" in messages
    assert m.relation("1.1.1.1-con").target == "1.1"
    assert m.relation("1.4-con").premises == ("1.1",)
    assert m.meta["kialo"]["links_left_out"] == ({"path": "1.1.3", "to": "1", "from": "1.1"},)
    assert not any(p.is_error for p in argmap.validate(m))


@pytest.mark.parametrize(
    "text", ["", "\n\n", "Discussion Title: x\n\nno claims here\n", "Sources:\n1. a"]
)
def test_text_without_claims_is_refused_in_one_line(text):
    """A text with no numbered claim is refused with one line that says what was expected."""
    with pytest.raises(FormatError) as caught:
        kialo.loads(text)
    assert "no Kialo claims" in str(caught.value)
    assert len(str(caught.value).splitlines()) == 1


# -- a writer, for property tests ------------------------------------------------------------

_WORDS = st.sampled_from(
    ["the", "town", "lane", "cost", "Café", "naïve", "1.5", "x:", "pro", "über", "—"]
)
_TEXT = st.lists(_WORDS, min_size=1, max_size=8).map(" ".join)


def _paths(m):
    """Kialo paths: each claim hangs below the target of the first relation citing it."""
    placing = {}
    for r in m.relations:
        placing.setdefault(r.premises[0], r)
    children = {}
    for c, r in placing.items():
        children.setdefault(r.target, []).append(c)
    paths, order = {}, []
    stack = [
        (t, f"1.{i}" if len(m.theses) > 1 else "1")
        for i, t in reversed(list(enumerate(m.theses, 1)))
    ]
    while stack:
        cid, path = stack.pop()
        paths[cid] = path
        order.append(cid)
        kids = children.get(cid, [])
        stack.extend((k, f"{path}.{j}") for j, k in reversed(list(enumerate(kids, 1))))
    return placing, paths, order


def _write(m, *, layout, newline="\n", final=True, zero_width=False):
    """The map as a Kialo export in either layout (single-premise relations of claims only)."""
    placing, paths, order = _paths(m)
    z = "\u200b" if zero_width else ""
    lines = [
        f"Discussion Name:{newline}{m.title}"
        if layout == "current"
        else f"Discussion Title: {m.title}",
        "",
    ]
    sources = []
    written = {}

    def node(path, marker, text):
        if layout == "current":
            lines.append(f"{z}{path}. {marker}:")
            lines.extend(f"    {line}" for line in text.split("\n"))
        else:
            lines.append(f"{z}{path}. {marker + ': ' if marker else ''}{text}")

    if len(m.theses) > 1:
        node("1", "Question", m.title)
    for cid in order:
        c = m.claim(cid)
        text = c.text
        if c.quotes and layout == "current":
            sources.append((m.source(c.quotes[0].source).title, c.quotes[0].text))
            text += f"[{len(sources)}]"
        r = placing.get(cid)
        marker = "Thesis" if r is None else "Pro" if r.kind == "support" else "Con"
        if r is None and layout == "old" and len(m.theses) == 1:
            marker = ""
        node(paths[cid], marker, text)
        written[paths[cid]] = text
        links = [x for x in m.relations if x.target == cid and placing[x.premises[0]] is not x]
        for k, x in enumerate(links, len([q for q, y in placing.items() if y.target == cid]) + 1):
            node(
                f"{paths[cid]}.{k}",
                "Pro" if x.kind == "support" else "Con",
                f"-> See {paths[x.premises[0]]}.",
            )
    if sources:
        lines.extend(["", "Sources:"])
        for n, (title, excerpt) in enumerate(sources, 1):
            lines.extend([f"{n}. {title}", f"    {excerpt}"])
    text = newline.join(lines)
    return (text + newline if final else text), paths, written


_KIALO_MAPS = argument_maps(max_claims=10, text=_TEXT, undercuts=False).filter(
    lambda m: all(not r.linked for r in m.relations)
)


@given(
    _KIALO_MAPS,
    st.sampled_from(["current", "old"]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
    st.booleans(),
)
def test_written_maps_read_back_with_the_same_structure(m, layout, newline, final, zero_width):
    """Any tree-with-links map written as Kialo reads back: same texts, relations, theses."""
    if layout == "old" and len(m.theses) > 1:
        layout = "current"
    text, paths, written = _write(
        m, layout=layout, newline=newline, final=final, zero_width=zero_width
    )
    back = _quiet(text)
    assert back.title == m.title
    assert written == {c.id: c.text for c in back.claims}
    assert all(written[paths[c.id]].startswith(c.text) for c in m.claims)
    assert back.theses == tuple(paths[t] for t in m.theses)
    assert Counter((r.kind, paths[r.premises[0]], paths[r.target]) for r in m.relations) == Counter(
        (r.kind, r.premises[0], r.target) for r in back.relations
    )
    if layout == "current":
        for c in m.claims:
            got = back.claim(paths[c.id]).quotes
            assert [q.text for q in got] == [q.text for q in c.quotes[:1]]


def test_links_that_point_at_each_other_end():
    """Two links that point at each other are left out; reading ends."""
    m = _quiet("1. T.\n1.1. Pro: -> See 1.1.1.\n1.1.1. Con: -> See 1.1.\n1.1.1.1. Pro: X.\n")
    assert [c.id for c in m.claims] == ["1", "1.1.1.1"]
    assert m.relations == ()
