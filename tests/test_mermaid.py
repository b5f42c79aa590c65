"""Mermaid: a flowchart with theses on top, kinds told apart without colour, text escaped."""

import re

import attrs
import pytest
from hypothesis import given

import argmap
from argmap import MapBuilder
from argmap.io import mermaid
from argmap.strategies import argument_maps, hostile_maps, ids, texts

# A node line: name, then a quoted label with no raw quote, '#', '<', '>', '&' or backtick
# (only entity codes and the <br/> argmap puts in).
_LABEL = r'"(?:[^"#<>&`\n]|#\w+;|<br/>)*"'
_NODE = re.compile(r"    [cr]\d+(\[" + _LABEL + r'\]|\(\(" "\)\))(:::\w+)?')
_EDGE = re.compile(r"    [cr]\d+ (---|-->|--x|-\.-x)(\|" + _LABEL + r"\|)? [cr]\d+")
_OTHER = re.compile(r"    (%%.*|classDef \w+ [\w:-]+(?: [\w:-]+)*)")


def _bike():
    return argmap.registry.get("example")


def test_golden(golden):
    """The example map's flowchart stays as reviewed."""
    golden("example.mmd", mermaid.dumps(_bike()))


def test_a_qualifier_follows_the_claim_text():
    """The source's hedge is shown with the claim it qualifies, escaped like the text."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "It is forming.")
    b.claim("a", "Talks began.", qualifier='while still "informal"').supports(t)
    out = mermaid.dumps(b.build(), width=0)
    assert '["Talks began. (hedged: while still #quot;informal#quot;)"]' in out
    assert '["It is forming."]' in out


def test_flowchart_reads_bottom_to_top():
    """Theses end up on top: the chart is `flowchart BT`, arrows point at what they bear on."""
    lines = mermaid.dumps(_bike()).splitlines()
    assert lines[1] == "flowchart BT"
    assert '    c5 -->|"pro"| c1' in lines


def test_kinds_differ_without_colour():
    """Supports, rebuttals and undercuts have their own arrow and word."""
    text = mermaid.dumps(_bike())
    assert '-->|"pro' in text
    assert '--x|"con"|' in text
    assert '-.-x|"undercut"|' in text


def test_linked_premises_meet_in_a_junction():
    """Linked premises join a small circle, which carries the relation's arrow and label."""
    text = mermaid.dumps(_bike())
    assert '    r1((" ")):::junction' in text
    assert '    c2 --- r1\n    c3 --- r1\n    r1 -->|"pro: safety"| c1' in text
    assert '    c4 -.-x|"undercut"| r1' in text


def test_theses_and_implicit_claims_are_marked():
    """Theses have a thick border, implicit premises a dashed one."""
    text = mermaid.dumps(_bike())
    assert ":::thesis" in text.split("\n")[3]
    assert "    c5[" in text
    assert '"]:::implicit' in text


def test_every_claim_id_is_named_in_a_comment():
    """Each claim's node follows a %% comment with its id, for finding it again."""
    text = mermaid.dumps(_bike())
    for claim in _bike().claims:
        assert f"    %% {claim.id}\n" in text


def test_hostile_text_is_escaped():
    """Quotes, #, angle brackets, backticks, line breaks and control characters are escaped."""
    b = MapBuilder("m", 'A "title"\nwith a line break')
    b.thesis("t", 'He said "end"; <script>alert(1)</script> #1 & `code`\n%% not a comment\x07')
    text = mermaid.dumps(b.build(), width=0)
    assert text.splitlines()[0] == "%% A \"title\" with a line break (argmap map 'm')"
    assert text.splitlines()[3] == (
        '    c1["He said #quot;end#quot;; #lt;script#gt;alert(1)#lt;/script#gt; #35;1 '
        '#amp; #96;code#96; #37;#37; not a comment#7;"]:::thesis'
    )


def test_long_text_wraps():
    """Texts longer than the width wrap at spaces into several label lines."""
    b = MapBuilder("m", "M")
    b.thesis("t", "word " * 30)
    assert mermaid.dumps(b.build(), width=20).count("<br/>") >= 6


@given(argument_maps())
def test_every_line_is_well_formed(m):
    """Each line is a node, an edge, a comment or a class: nothing unescaped slips in."""
    lines = mermaid.dumps(m).splitlines()
    assert lines[1] == "flowchart BT"
    for line in lines[2:]:
        assert _NODE.fullmatch(line) or _EDGE.fullmatch(line) or _OTHER.fullmatch(line), line


@given(argument_maps())
def test_every_claim_and_relation_is_drawn(m):
    """One node per claim, and one arrow into each relation's target."""
    text = mermaid.dumps(m)
    assert text.count("    %% ") == len(m.claims) + sum(
        r.linked or r.id in {x.target for x in m.relations} for r in m.relations
    )
    arrows = len(re.findall(r" (-->|--x|-\.-x)\|", text))
    assert arrows == len(m.relations)


def test_relation_with_a_missing_target_is_a_comment():
    """A broken map still gives a chart: the relation that points nowhere is a comment."""
    m = _bike()
    m = attrs.evolve(m, relations=[*m.relations, argmap.Support("x", ["cost"], "ghost")])
    assert "    %% x: its target 'ghost' is not in the map" in mermaid.dumps(m)


def test_format_is_registered_for_writing_only():
    """`--to mermaid` works; Mermaid cannot be read back."""
    assert argmap.dumps(_bike(), "mermaid") == mermaid.dumps(_bike())
    assert not argmap.io.FORMATS["mermaid"].readable


# -- directives -----------------------------------------------------------------------------

# (No spaces, so that they are valid ids too; Mermaid needs none.)
_DIRECTIVES = ['%%{init:{"themeCSS":"x{background:url(http://evil.example/)}"}}%%', "%%{wrap}%%"]


def _decoded(label):
    """A label's text: entity codes decoded, line breaks back to spaces."""

    def entity(match):
        named = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}
        return named.get(match[1]) or chr(int(match[1]))

    return re.sub(r"#(\w+);", entity, label.replace("<br/>", " "))


def _comment_text(comment):
    """What a %% comment names, its escapes decoded."""
    return comment.encode("latin-1", "backslashreplace").decode("unicode_escape")


@pytest.mark.parametrize("directive", _DIRECTIVES)
@pytest.mark.parametrize(
    "field", ["map id", "title", "claim id", "text", "qualifier", "label", "relation id"]
)
def test_no_field_can_form_a_directive(field, directive):
    """A directive in any field (ids named in comments too) comes out as text, never as %%{."""
    b = MapBuilder(directive if field == "map id" else "m", directive if field == "title" else "M")
    t = b.thesis(directive if field == "claim id" else "t", directive if field == "text" else "T.")
    if field == "qualifier":
        b.claim("q", "Q.", qualifier=directive).supports(t)
    label = directive if field == "label" else ""
    link = b.linked(b.claim("a", "A."), b.claim("b", "B.")).supports(t, label=label)
    if field == "relation id":
        link = b.linked(b.claim("c", "C."), b.claim("d", "D.")).rebuts(t, id=directive)
    b.claim("u", "U.").undercuts(link)
    out = mermaid.dumps(b.build(), width=0)
    assert "%%{" not in out
    assert "}%%" not in out
    lines = out.splitlines()
    comments = [line.split("%% ", 1)[1] for line in lines if line.lstrip().startswith("%%")]
    code = "\n".join(line for line in lines if not line.lstrip().startswith("%%"))
    labels = [_decoded(x) for x in re.findall(r'"([^"]*)"', code)]
    shown = [_comment_text(c) for c in comments] + labels
    assert any(directive in x for x in shown)


def test_a_missing_premise_or_target_is_named_safely():
    """The comment for a relation that points nowhere names the ids without a directive."""
    m = _bike()
    broken = [
        argmap.Support("%%{wrap}%%", ["cost"], "%%{x}%%"),
        argmap.Rebuttal("y", ["%%{z}"], "cost"),
    ]
    out = mermaid.dumps(attrs.evolve(m, relations=[*m.relations, *broken]))
    assert "%%{" not in out
    assert "    %% \\u0025\\u0025\\u007bwrap\\u007d\\u0025\\u0025: its target" in out


_COMMENT_LINE = re.compile(r"    %% [^%{}\n]*")


@given(argument_maps(ids=ids(), text=texts(), labels=texts(), max_claims=6) | hostile_maps())
def test_map_data_never_forms_a_directive(m):
    """For any ids and texts: no %%{ anywhere, every line well-formed, labels and comments exact.

    Each claim's text (and qualifier) is a label, decoded to the text (whitespace runs as
    one space), and each claim's id is named by a comment, decoded to the id.
    """
    out = mermaid.dumps(m, width=0)
    assert "%%{" not in out
    lines = out.splitlines()
    assert re.fullmatch(r"%% [^%{}\n]* \(argmap map '[^%{}\n]*'\)", lines[0])
    for line in lines[2:]:
        assert (
            _NODE.fullmatch(line)
            or _EDGE.fullmatch(line)
            or _COMMENT_LINE.fullmatch(line)
            or (_OTHER.fullmatch(line) and "%%" not in line)
        ), line
    code = "\n".join(line for line in lines if not line.lstrip().startswith("%%"))
    labels = {_decoded(x) for x in re.findall(r'"([^"]*)"', code)}
    named = {_comment_text(line[7:]) for line in lines if line.startswith("    %% ")}
    for c in m.claims:
        hedge = f" (hedged: {c.qualifier})" if c.qualifier.strip() else ""
        assert " ".join((c.text + hedge).split()) in labels
        assert c.id in named


@pytest.mark.parametrize("fmt", ["aif", "argdown"])
def test_aif_and_argdown_carry_the_qualifier(fmt):
    """Where Mermaid shows the hedge, AIF (argmapExtra) and Argdown (data) keep it."""
    b = MapBuilder("m", "M")
    b.claim("a", "A.", qualifier="while still informal").supports(b.thesis("t", "T."))
    back = argmap.loads(argmap.dumps(b.build(), fmt), fmt)
    assert back.claim("a").qualifier == "while still informal"
