"""Argdown: Argdown's own reading, the map it gives, clear errors, and round trips."""

import warnings

import attrs
import pytest
from hypothesis import given

import argmap
from argmap import ArgmapWarning, FormatError, MapBuilder
from argmap.io import argdown
from argmap.io.argdown import flatten
from argmap.io.argdown.yaml import NOT_READ, YamlError, front_matter_blocks, load_block, load_flow
from argmap.strategies import argument_maps

# A document with most of Argdown's syntax. The counts and relations asserted below are
# what `argdown json` (@argdown/cli 1.7.5) exports for it.
LUNCH = """\
===
title: Where to eat
author: The team
===

# Lunch {isGroup: true}

[Out]: We should eat out today. #decision
  + <Sunny>: The weather is fine.
  - [Deadline]: The release is due at two.
    <- [Late]: The release will slip anyway. // says Ann
  >< [In]: We should eat in today.

/* The voucher argument, reconstructed. */
<Cheap>: Eating out is cheap today.

(1) [Voucher]: We have a voucher.
(2) [Valid]: It is valid today.
----
(3) [Out]

## Objections

<Cheap>
  _ [Expired]: The voucher may have expired.
  - [Greasy]: Cheap food is greasy.

[Deadline]
  +> <Cheap>
"""


def loads_quietly(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArgmapWarning)
        return argdown.loads(text)


def normalised(m):
    """The map as Argdown can carry it (whitespace in texts flattened)."""
    return attrs.evolve(
        m,
        claims=[attrs.evolve(c, text=flatten(c.text)) for c in m.claims],
        relations=[
            attrs.evolve(r, label=flatten(r.label), scheme=flatten(r.scheme)) for r in m.relations
        ],
    )


# -- Argdown's own view ---------------------------------------------------------------------


def test_parse_counts_what_argdown_counts():
    """Statements, arguments, relations and sections agree with `argdown json`."""
    doc = argdown.parse(LUNCH)
    assert [s.title for s in doc.statements] == [
        "Out",
        "Deadline",
        "Late",
        "In",
        "Voucher",
        "Valid",
        "Expired",
        "Greasy",
    ]
    assert [a.title for a in doc.arguments] == ["Sunny", "Cheap"]
    assert len(doc.sections) == 1


def test_parse_relations_as_argdown_normalises_them():
    """Relations match `argdown json`, including undercuts aimed at the inference."""
    doc = argdown.parse(LUNCH)
    assert [(r.kind, r.source, r.target, r.target_type) for r in doc.relations] == [
        ("support", "Sunny", "Out", "statement"),
        ("attack", "Late", "Deadline", "statement"),
        ("attack", "Deadline", "Out", "statement"),
        ("contradictory", "Out", "In", "statement"),
        ("undercut", "Expired", "Cheap", "inference"),
        ("attack", "Greasy", "Cheap", "argument"),
        ("support", "Deadline", "Cheap", "argument"),
    ]


def test_parse_keeps_texts_tags_data_and_sections():
    """A statement has its last defined text, its tags, and the headings it is under."""
    doc = argdown.parse(LUNCH)
    out = doc.statements[0]
    assert (out.text, out.tags, out.section, out.members) == (
        "We should eat out today. #decision",
        ("decision",),
        ("Lunch",),
        2,
    )
    assert doc.statements[-1].section == ("Lunch", "Objections")
    assert doc.arguments[1].pcs == ("Voucher", "Valid", "Out")
    assert doc.front_matter is not None
    assert "author: The team" in doc.front_matter


def test_relation_from_a_reconstructed_argument_comes_from_its_conclusion():
    """Argdown moves a relation off an argument with premises onto its conclusion."""
    doc = argdown.parse("<A>\n  +> [T]\n\n<A>\n\n(1) P\n----\n(2) [C]\n")
    assert [(r.kind, r.source, r.target) for r in doc.relations] == [("support", "C", "T")]


def test_repeated_relations_count_once():
    """The same relation written twice is one relation, as in Argdown."""
    doc = argdown.parse("[A]\n  + [B]\n\n[B]\n  +> [A]\n")
    assert len(doc.relations) == 1


def test_strict_mode_reads_statement_relations_as_entailment_and_contrariety():
    """With `model: mode: strict`, statement-to-statement relations are entails/contrary."""
    text = "===\nmodel:\n    mode: strict\n===\n\n[A]\n  + [B]\n  - [C]\n"
    kinds = [r.kind for r in argdown.parse(text).relations]
    assert kinds == ["entails", "contrary"]


def test_undercut_below_a_statement_aims_at_the_last_inference():
    """Argdown's quirk: `_` below a statement, after a reconstruction, hits that inference."""
    text = "<A>\n\n(1) P\n----\n(2) C\n\n[X]\n  _ [U]\n"
    (relation,) = argdown.parse(text).relations
    assert (relation.target, relation.target_type) == ("A", "inference")


def test_comments_are_ignored():
    """Line, block and HTML comments are not part of any text."""
    doc = argdown.parse("[A]: one // a\n/* b */ two <!-- c -->\n")
    assert doc.statements[0].text == "one two "


def test_escapes_are_read_as_the_characters():
    """A backslash makes the next character plain text."""
    doc = argdown.parse("[A]: \\[not a title\\] \\#nor a tag\n")
    assert doc.statements[0].text == "[not a title] #nor a tag"


def test_unreadable_metadata_warns_and_is_kept_as_text():
    """Metadata that is not YAML argmap reads is kept raw, with a warning."""
    with pytest.warns(ArgmapWarning, match="not YAML argmap can read"):
        doc = argdown.parse("[A]: x {a: [1, 2}\n")
    assert doc.statements[0].data == {"yaml": "{a: [1, 2}"}


# -- the map --------------------------------------------------------------------------------


def test_statements_become_claims_with_their_titles_as_ids():
    """Each statement class is a claim; spaces in titles become hyphens."""
    m = argdown.loads("[Our claim]: It holds.\n  + [A reason]: Because.\n")
    assert [(c.id, c.text) for c in m.claims] == [
        ("Our-claim", "It holds."),
        ("A-reason", "Because."),
    ]
    assert m.claim("Our-claim").meta["argdown"]["title"] == "Our claim"


def test_argument_without_premises_becomes_a_claim():
    """An argument with no premise-conclusion structure is a claim: its gist."""
    m = loads_quietly(LUNCH)
    sunny = m.claim("Sunny")
    assert (sunny.text, sunny.meta["argdown"]["argument"]) == ("The weather is fine.", True)


def test_reconstruction_becomes_a_linked_support():
    """A premise-conclusion structure supports its conclusion with its premises linked."""
    support = loads_quietly(LUNCH).relation("Cheap")
    assert isinstance(support, argmap.Support)
    assert (support.premises, support.target) == (("Voucher", "Valid"), "Out")
    assert support.label == "Eating out is cheap today."


def test_each_inference_step_is_a_support():
    """Intermediate conclusions chain: each step uses the last conclusion and new premises."""
    text = "<A>\n\n(1) P\n(2) Q\n----\n(3) [C]\n(4) R\n-- Modus ponens --\n(5) [D]\n"
    m = argdown.loads(text)
    assert [(r.id, r.premises, r.target, r.scheme) for r in m.relations] == [
        ("A--step-1", ("Untitled-1", "Untitled-2"), "C", ""),
        ("A", ("C", "Untitled-3"), "D", "Modus ponens"),
    ]


def test_relations_become_supports_and_rebuttals():
    """Support and attack become supports and rebuttals with readable ids."""
    m = loads_quietly(LUNCH)
    assert isinstance(m.relation("Sunny--supports--Out"), argmap.Support)
    assert m.relation("Late--rebuts--Deadline").premises == ("Late",)


def test_contradiction_becomes_two_rebuttals():
    """`><` says neither can be true with the other: a rebuttal each way."""
    m = loads_quietly(LUNCH)
    assert m.relation("Out--contradicts--In").target == "In"
    assert m.relation("In--contradicts--Out").target == "Out"


def test_undercut_of_a_reconstruction_undercuts_its_support():
    """An undercut of an argument with premises attacks the support it stands for."""
    m = loads_quietly(LUNCH)
    assert m.attack_type("Expired--undercuts--Cheap") is argmap.AttackType.UNDERCUT


def test_attack_on_a_reconstruction_undercuts_it_and_says_so():
    """Argdown does not say which premise an attack on an argument hits: it undercuts."""
    rebuttal = loads_quietly(LUNCH).relation("Greasy--undercuts--Cheap")
    assert rebuttal.target == "Cheap"
    assert rebuttal.meta["argdown"] == {"relation": "attack", "to": "Cheap"}


def test_support_of_a_reconstruction_supports_its_conclusion():
    """A support of an argument with premises supports its conclusion, and says so."""
    support = loads_quietly(LUNCH).relation("Deadline--supports--Out")
    assert support.meta["argdown"] == {"relation": "support", "to": "Cheap"}


def test_undercut_of_a_gist_is_read_as_a_rebuttal_with_a_warning():
    """An undercut of an argument without premises has no inference: a rebuttal, warned."""
    with pytest.warns(ArgmapWarning, match="no inference to attack"):
        m = argdown.loads("<A>: gist\n  _ [U]: no\n")
    assert m.relation("U--undercuts--A").target == "A"


def test_tags_sections_and_data_are_kept():
    """Tags are the claim's tags; headings and metadata go into meta["argdown"]."""
    m = loads_quietly(LUNCH)
    assert m.claim("Out").tags == ("decision",)
    assert m.claim("Greasy").meta["argdown"]["section"] == ("Lunch", "Objections")
    assert m.meta["argdown"]["sections"][0]["data"] == {"isGroup": True}
    assert "author: The team" in m.meta["argdown"]["frontMatter"]


def test_front_matter_title_is_the_map_title():
    """The front matter's title names the map."""
    assert loads_quietly(LUNCH).title == "Where to eat"


def test_map_read_from_argdown_is_valid():
    """The lunch document gives a map with no errors."""
    problems = argmap.validate(loads_quietly(LUNCH))
    assert not any(p.is_error for p in problems)


# -- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        ("[A]: x\n+ [B]: y\n", 2, 1, "found relation '\\+'"),
        ("[A]: x\n\n  + [B]: y\n", 3, 1, "a change of indentation"),
        ("(1) A\n(2) B\n", 3, 1, "inference start"),
        ("(1) A\n----\n", 3, 1, "numbered conclusion"),
        ("[A]: some **bold\n", 2, 1, "'\\*\\*' to close the bold"),
        ("(1) <A>: x\n----\n(2) B\n", 1, 5, "an argument cannot be a premise"),
        ("[A]: x\n  >< <B>\n", 2, 6, "only statements contradict"),
        ("[A]: a backslash at the end \\", 1, 29, "cannot read"),
        ("<A>\n\n(1) P\n----\n(2) C\n\n<A>\n\n(1) Q\n----\n(2) D\n", 9, 1, "already has"),
    ],
)
def test_syntax_errors_name_line_and_column(text, line, column, words):
    """Text that is not Argdown raises FormatError with its line and column."""
    with pytest.raises(FormatError, match=words) as caught:
        argdown.loads(text)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert f"line {line}, column {column}" in str(caught.value)


# -- writing --------------------------------------------------------------------------------


def _bike():
    return argmap.registry.get("example")


def test_export_golden(golden):
    """The example map's Argdown stays as reviewed."""
    golden("example.argdown", argdown.dumps(_bike()))


def test_export_writes_single_premises_as_relation_lines():
    """A support or rebuttal from one premise is one relation line under its target."""
    text = argdown.dumps(_bike())
    assert "[bike-lane]\n  + [councils-prevent-harm]" in text
    assert "[bike-lane]\n  - [cost]" in text


def test_export_writes_linked_premises_as_a_reconstruction():
    """Linked premises become an argument with a premise-conclusion structure."""
    text = argdown.dumps(_bike())
    expected = (
        "<crashes--supports--bike-lane>: safety\n\n"
        "(1) [crashes]\n(2) [lanes-cut-injuries]\n----\n(3) [bike-lane]"
    )
    assert expected in text
    assert "<crashes--supports--bike-lane>\n  _ [mill-road-different]" in text


def test_export_writes_a_linked_rebuttal_with_a_stand_in_conclusion():
    """A rebuttal as an argument concludes that its target is not so, and attacks it."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "Tea is best.")
    b.linked(b.implicit("a", "A."), b.implicit("c", "C.")).rebuts(t)
    text = argdown.dumps(b.build())
    assert "(3) [a--rebuts--t--not]: It is not the case that: Tea is best.\n  -> [t]" in text
    assert '{"argmap": {"kind": "rebuttal"}}' in text


def test_export_front_matter_carries_what_argdown_lacks():
    """Title in `title:`; id, sources and verdicts in `argmap:` (JSON, which is YAML)."""
    head = argdown.dumps(_bike()).split("===")[1]
    assert 'title: "Should Elm Street get a protected bike lane?"' in head
    assert '"sources": [{"id": "council-minutes"' in head
    assert '"verdicts": {"bike-lane": "for"}' in head


def test_export_puts_quotes_and_flags_in_statement_data():
    """Quotes, implicit flags and notes travel as {"argmap": ...} after the statement."""
    text = argdown.dumps(_bike())
    assert "[councils-prevent-harm]: The council should act to prevent avoidable" in text
    assert 'streets. {"argmap": {"implicit": true}}' in text


def test_export_escapes_what_argdown_would_read_as_syntax():
    """Brackets, marks, comments, shortcodes and runs of = are escaped with backslashes."""
    b = MapBuilder("m", "M")
    b.thesis("t", "[x] <y> #z *b* _i_ // c /* d === {e} :heart: e.g. \\")
    line = argdown.dumps(b.build()).split("\n\n")[1].rstrip("\n")
    assert line == (
        "[t]: \\[x\\] \\<y> \\#z \\*b\\* \\_i\\_ \\// c \\/\\* d \\=\\=\\= \\{e\\} "
        "\\:heart: e\\.g. \\\\"
    )


def test_export_ids_argdown_cannot_write_as_titles_travel_as_data():
    """An id with ']' or a leading '-' gets a stand-in title and keeps its id in data."""
    b = MapBuilder("m", "M")
    t = b.thesis("odd]id", "T.")
    b.implicit("-dash", "D.").supports(t)
    m = b.build()
    text = argdown.dumps(m)
    assert '[claim]: T. {"argmap": {"id": "odd]id"}}' in text
    assert '[claim-1]: D. {"argmap": {"id": "-dash", "implicit": true}}' in text
    assert argdown.loads(text) == m


def test_export_refuses_a_relation_without_premises():
    """Argdown has no way to write a support with no premise."""
    m = _bike()
    m = attrs.evolve(m, relations=[*m.relations, argmap.Support("empty", [], "bike-lane")])
    with pytest.raises(FormatError, match="no premise"):
        argdown.dumps(m)


def test_export_refuses_nan_scores():
    """YAML as Argdown reads it cannot carry NaN."""
    m = _bike()
    m = m.with_claim(attrs.evolve(m.claim("cost"), base_score=float("inf")))
    with pytest.raises(FormatError, match="NaN or infinity"):
        argdown.dumps(m)


# -- round trips ----------------------------------------------------------------------------

HOSTILE = [
    "[x]: not a title, <y>: not an argument, @[z] and @<w> mentions",
    "+ not a relation - nor this -> or +> or <_ or _> or >< at all",
    "-- not an inference -- {not: data} === no front matter ===",
    "// not a comment /* nor this */ <!-- nor this --> http://example.org/a.b",
    "#not-a-tag **not bold** __nor this__ *not italic* _nor this_ snake_case",
    ":heart: .~. .A.x.E.y: e.g. 10:30:00 (1) 1. * - back\\slash \\",
    "line\nbreaks\r\nand\ttabs   and  spaces ",
]


def _hostile():
    b = MapBuilder("hostile", "=== [T]: <A> {x: 1} #t ===", description="{d} === #e")
    b.source("s", "A source: {with} [brackets]", url="https://example.org/?q=a&b=[c]")
    previous = b.thesis("thesis", HOSTILE[0])
    for i, text in enumerate(HOSTILE[1:], start=1):
        claim = b.claim(f"c{i}", text, quote=text[::-1])
        if i % 2:
            claim.rebuts(previous, label=HOSTILE[i - 1], scheme="-- Modus, Ponens --")
        else:
            claim.supports(previous, scheme=HOSTILE[i])
        previous = claim
    b.linked("c1", "c2").rebuts("c3", label="linked -- rebuttal")
    m = b.build()
    tags = ("(paren)", "a b", "ünïcödé")
    return attrs.evolve(m, claims=[attrs.evolve(c, tags=tags) for c in m.claims])


def test_hostile_texts_round_trip():
    """Texts, labels, schemes, tags and titles full of Argdown syntax come back as they were."""
    m = _hostile()
    assert argdown.loads(argdown.dumps(m)) == normalised(m)


def test_tags_argdown_cannot_write_travel_as_data():
    """Tags with ')' or repeats cannot be #tags; they go into data, in order."""
    m = _bike()
    m = m.with_claim(attrs.evolve(m.claim("cost"), tags=("a)b", "x", "x")))
    assert argdown.loads(argdown.dumps(m)) == m


def test_gists_and_metadata_round_trip():
    """A claim read from an argument gist is written as one, with its metadata."""
    m = loads_quietly(LUNCH)
    text = argdown.dumps(m)
    assert "<Sunny>: The weather is fine." in text
    again = argdown.loads(text)
    assert again.claim("Sunny").meta["argdown"]["argument"] is True
    assert (
        again.relation("Greasy--undercuts--Cheap").meta
        == m.relation("Greasy--undercuts--Cheap").meta
    )


def test_headings_are_not_written_back():
    """Sections are read into meta but not written back.

    (Argdown would put every later relation under the last heading.)
    """
    assert "# Lunch" not in argdown.dumps(loads_quietly(LUNCH))


def test_contradiction_is_written_back_once():
    """The two rebuttals of a contradiction are written as one `><` line."""
    text = argdown.dumps(loads_quietly(LUNCH))
    assert "[Out]\n  >< [In]" in text


def test_builtin_map_round_trips(builtin_map):
    """Every built-in map survives Argdown (up to Argdown's whitespace rule)."""
    assert argdown.loads(argdown.dumps(builtin_map)) == normalised(builtin_map)


@given(argument_maps())
def test_round_trip_keeps_the_map(m):
    """argmap → Argdown → argmap keeps claims, relations, quotes and all (texts flattened)."""
    assert argdown.loads(argdown.dumps(m)) == normalised(m)


def test_format_is_registered():
    """argmap.loads/dumps reach Argdown with format="argdown"; .argdown and .ad files too."""
    from argmap.io import detect_format

    assert argmap.loads(argmap.dumps(_bike(), "argdown"), "argdown") == normalised(_bike())
    assert detect_format("x.argdown") == detect_format("x.ad") == "argdown"


# -- the YAML subset ------------------------------------------------------------------------


def test_flow_yaml_reads_json_and_plain_scalars():
    """Flow mappings and sequences, quoted and plain scalars, booleans, null and numbers."""
    value = load_flow("{a: 1, b: [x, \"y\\u0041\"], 'c d': true, e: null, f: 1.5, g: 'it''s'}")
    assert value == {"a": 1, "b": ["x", "yA"], "c d": True, "e": None, "f": 1.5, "g": "it's"}


def test_flow_yaml_rejects_what_it_cannot_read():
    """An unclosed mapping is an error, not a guess."""
    with pytest.raises(YamlError):
        load_flow("{a: 1")


@pytest.mark.parametrize("text", ["{[x]: y}", "[[x]: y]", "[{a: 1}: y]"])
def test_flow_yaml_refuses_a_collection_as_a_key(text):
    """A list or mapping as a key is a YamlError (it was a TypeError inside a sequence).

    atheris found ``[[x]: y]`` in Argdown metadata; the map is then read with the
    metadata kept as text.
    """
    with pytest.raises(YamlError, match="a mapping key is a collection"):
        load_flow(text)


def test_block_yaml_reads_nested_mappings_and_folded_scalars():
    """Indented mappings nest; a scalar may continue on more indented lines."""
    text = ["title: A long\n", "    title\n", "model:\n", "    mode: strict\n"]
    assert load_block(text) == {"title": "A long title", "model": {"mode": "strict"}}


def test_front_matter_keeps_what_it_cannot_read_as_text():
    """A block list is not read; its entry keeps its text for writing back."""
    entries = front_matter_blocks("author:\n    - Ann\n    - Bob\ndate: 2024\n")
    assert entries == [
        ("author", "author:\n    - Ann\n    - Bob\n", NOT_READ),
        ("date", "date: 2024\n", 2024),
    ]
