"""arggraph XML (the microtext corpus): fixtures, a writer for property tests, safety."""

import warnings
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapWarning, FormatError, Rebuttal, Support
from argmap.io import arggraph
from argmap.strategies import argument_maps

DATA = Path(__file__).parent / "data" / "arggraph"


def test_undercut_with_an_added_premise():
    """'und' attacks an edge, and 'add' makes the undercut's premises linked."""
    m = argmap.load(DATA / "undercut.xml")
    assert m.id == "fixture_undercut"
    assert m.title == "school uniforms"
    assert m.theses == ("a1",)
    c1, c2, c4 = m.relations
    assert (type(c1), c1.premises, c1.target) == (Rebuttal, ("a2",), "a1")
    assert (type(c2), c2.premises, c2.target) == (Rebuttal, ("a3", "a4"), "c1")
    assert m.is_undercut(c2)
    assert (type(c4), c4.premises, c4.target) == (Support, ("a5",), "a1")
    assert m.claim("a2").tags == ("opponent",)
    assert m.claim("a1").tags == ("proponent",)
    assert m.meta["arggraph"]["stance"] == "con"


def test_joints_and_support_by_example():
    """A joint joins two EDUs into one claim; 'exa' is a support with scheme 'example'."""
    m = argmap.load(DATA / "joint-example.xml")
    assert m.claim("a1").text == "Night trains should come back because they replace short flights."
    assert m.claim("a1").meta["arggraph"]["edus"] == ("e1", "e2")
    exa = m.relation("c6")
    assert isinstance(exa, Support)
    assert exa.scheme == "example"
    assert m.meta["arggraph"]["unused_edus"] == {"e5": "This sentence is no argument."}
    assert m.description.startswith("Night trains should come back because")


def test_the_corpus_layout_is_detected_by_content(tmp_path):
    """A .xml file, or any file holding <arggraph, reads as arggraph."""
    path = tmp_path / "micro.txt"
    path.write_text((DATA / "undercut.xml").read_text(encoding="utf-8"), encoding="utf-8")
    assert argmap.load(path).id == "fixture_undercut"


def _write(m):
    """A map as arggraph: an EDU and ADU per claim, an edge per relation, 'add' for the rest."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f"<arggraph id={quoteattr(m.id)}>"]
    ids = {c.id: f"a{i}" for i, c in enumerate(m.claims, 1)}
    edges = {r.id: f"c{i}" for i, r in enumerate(m.relations, 1)}
    for i, c in enumerate(m.claims, 1):
        out.append(f'<edu id="e{i}">{escape(c.text)}</edu>')
    out.extend(f'<adu id="{ids[c.id]}" type="pro"/>' for c in m.claims)
    out.extend(
        f'<edge id="s{i}" src="e{i}" trg="a{i}" type="seg"/>' for i in range(1, len(m.claims) + 1)
    )
    n = 0
    for r in m.relations:
        if isinstance(r, Support):
            kind, target = "sup", ids[r.target]
        elif r.target in edges:
            kind, target = "und", edges[r.target]
        else:
            kind, target = "reb", ids[r.target]
        out.append(
            f'<edge id="{edges[r.id]}" src="{ids[r.premises[0]]}" trg="{target}" type="{kind}"/>'
        )
        for p in r.premises[1:]:
            n += 1
            out.append(f'<edge id="x{n}" src="{ids[p]}" trg="{edges[r.id]}" type="add"/>')
    out.append("</arggraph>")
    return "\n".join(out), ids, edges


_XML_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn")),
    min_size=1,
    max_size=30,
).filter(str.strip)


@given(argument_maps(max_claims=10, text=_XML_TEXT))
def test_written_maps_read_back_with_the_same_structure(m):
    """Any map written as arggraph reads back with the same claims and relations."""
    text, ids, edges = _write(m)
    back = arggraph.loads(text)
    assert [c.text for c in back.claims] == [" ".join(c.text.split()) for c in m.claims]
    rename = {**ids, **edges}
    assert [(r.kind, r.premises, r.target) for r in back.relations] == [
        (r.kind, tuple(rename[p] for p in r.premises), rename[r.target]) for r in m.relations
    ]
    assert argmap.validate(back) == () or all(not p.is_error for p in argmap.validate(back))


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("<arggraph id='x'><edu id='e1'>a</edu>", "line 1, column 38: not well-formed"),
        ("<graph/>", "line 1: the root element is <graph>"),
        ("", "not well-formed"),
        ("<arggraph>\n<adu type='pro'/></arggraph>", "line 2: <adu> has no id"),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE a [\n<!ENTITY x "xx">\n]>\n<arggraph>&x;</arggraph>',
            "declares an entity",
        ),
        (
            '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<arggraph>&x;</arggraph>',
            "declares an entity",
        ),
        ("<arggraph>&undefined;</arggraph>", "undefined entity"),
    ],
)
def test_malformed_or_unsafe_xml_is_one_line_naming_the_place(text, where):
    """Malformed XML and entity declarations are refused in one line that says where."""
    with pytest.raises(FormatError) as caught:
        arggraph.loads(text)
    assert where in str(caught.value)
    assert len(str(caught.value).splitlines()) == 1


def test_a_billion_laughs_is_refused_at_once():
    """Nested entity declarations are refused before any expansion."""
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    text = f'<!DOCTYPE a [<!ENTITY l0 "lol">{lol}]><arggraph>&l9;</arggraph>'
    with pytest.raises(FormatError, match="declares an entity"):
        arggraph.loads(text)


def test_messy_edges_are_warned_about_once_per_kind():
    """Edges to unknown nodes, unknown types and supports of edges are left out with warnings."""
    text = """<arggraph id="m">
      <edu id="e1">A</edu><edu id="e2">B</edu>
      <adu id="a1" type="pro"/><adu id="a2" type="opp"/>
      <edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>
      <edge id="c1" src="a2" trg="a1" type="reb"/>
      <edge id="c2" src="a2" trg="a9" type="sup"/>
      <edge id="c3" src="a2" trg="c1" type="sup"/>
      <edge id="c4" src="a2" trg="a1" type="weird"/>
    </arggraph>"""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = arggraph.loads(text)
    messages = [str(w.message) for w in caught if issubclass(w.category, ArgmapWarning)]
    assert len(messages) == 3
    assert [r.id for r in m.relations] == ["c1"]
