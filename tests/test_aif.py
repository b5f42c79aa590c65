"""AIF JSON: lossless both ways, lenient with messy real data, AIFdb conventions out."""

import copy
import json
import warnings

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapWarning, FormatError, MapBuilder
from argmap.io import aif, detect_format
from argmap.io.aif import bookkeeping, writer
from argmap.strategies import argument_maps


def node(node_id, node_type, text, **fields):
    return {"nodeID": node_id, "text": text, "type": node_type, **fields}


def edge(edge_id, src, dst):
    return {"edgeID": edge_id, "fromID": src, "toID": dst, "formEdgeID": None}


# A small AIFdb-style document with every layer: claims, an inference with a named
# scheme, a conflict, an undercut, a rephrase, a preference, and the dialogue (L, TA,
# YA nodes, locutions with a repeat, participants).
DIALOGUE = {
    "nodes": [
        node("1", "I", "We should build the lane", timestamp="2024-01-02 10:00:00"),
        node("2", "I", "Cyclists get hurt on Elm Street", timestamp="2024-01-02 10:00:01"),
        node("3", "I", "Shops lose parking"),
        node("4", "I", "Elm Street is dangerous"),
        node("5", "I", "The figures are old"),
        node("6", "RA", "Argument From Consequences", scheme="Argument From Consequences"),
        node("7", "CA", "Default Conflict", scheme="Default Conflict", schemeID="71"),
        node("8", "CA", "CA"),
        node("9", "MA", "Default Rephrase", scheme="Default Rephrase", schemeID="144"),
        node("10", "PA", "Default Preference"),
        node("11", "L", "Ann : we should build it"),
        node("12", "YA", "Asserting", scheme="Asserting", schemeID="74"),
        node("13", "L", "Bob : but parking"),
        node("14", "TA", "Default Transition", scheme="Default Transition", schemeID="82"),
        node("15", "YA", "Arguing", scheme="Arguing", schemeID="80"),
    ],
    "edges": [
        edge("e1", "2", "6"),
        edge("e2", "6", "1"),
        edge("e3", "3", "7"),
        edge("e4", "7", "1"),
        edge("e5", "5", "8"),
        edge("e6", "8", "6"),
        edge("e7", "4", "9"),
        edge("e8", "9", "2"),
        edge("e9", "1", "10"),
        edge("e10", "10", "3"),
        edge("e11", "11", "12"),
        edge("e12", "12", "1"),
        edge("e13", "11", "14"),
        edge("e14", "14", "13"),
        edge("e15", "14", "15"),
        edge("e16", "15", "6"),
    ],
    "locutions": [
        {"nodeID": "11", "personID": "1", "timestamp": "2024-01-02 10:00:00", "source": None},
        {"nodeID": "13", "personID": "2", "timestamp": "2024-01-02 10:00:05", "source": None},
        {"nodeID": "13", "personID": "2", "timestamp": "2024-01-02 10:00:05", "source": None},
    ],
    "participants": [{"participantID": "1", "firstname": "Ann"}],
}


def loads_quietly(data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArgmapWarning)
        return aif.loads(json.dumps(data))


# -- reading -----------------------------------------------------------------------------


def test_i_nodes_become_claims_with_their_node_ids():
    """Each I-node is a claim whose id is its node id and whose text is its text."""
    m = aif.loads(json.dumps(DIALOGUE))
    assert [(c.id, c.text) for c in m.claims] == [
        ("1", "We should build the lane"),
        ("2", "Cyclists get hurt on Elm Street"),
        ("3", "Shops lose parking"),
        ("4", "Elm Street is dangerous"),
        ("5", "The figures are old"),
    ]


def test_ra_becomes_support_with_its_scheme():
    """An RA node is a support from the I-nodes into it to the one it points at."""
    support = aif.loads(json.dumps(DIALOGUE)).relation("6")
    assert isinstance(support, argmap.Support)
    assert (support.premises, support.target) == (("2",), "1")
    assert support.scheme == "Argument From Consequences"


def test_ca_becomes_rebuttal_and_default_scheme_reads_as_none():
    """A CA node is a rebuttal; "Default Conflict" is no particular scheme."""
    rebuttal = aif.loads(json.dumps(DIALOGUE)).relation("7")
    assert isinstance(rebuttal, argmap.Rebuttal)
    assert (rebuttal.premises, rebuttal.target, rebuttal.scheme) == (("3",), "1", "")


def test_ca_pointing_at_a_scheme_node_is_an_undercut():
    """A CA whose conclusion is an RA undercuts that relation."""
    m = aif.loads(json.dumps(DIALOGUE))
    assert m.attack_type("8") is argmap.AttackType.UNDERCUT
    assert m.relation("8").target == "6"


def test_several_premises_into_one_ra_are_linked():
    """Every I-node pointing at the same RA is one linked premise set."""
    data = {
        "nodes": [node(x, "I", x.upper()) for x in "abc"] + [node("s", "RA", "RA")],
        "edges": [edge("1", "a", "s"), edge("2", "b", "s"), edge("3", "s", "c")],
    }
    assert aif.loads(json.dumps(data)).relation("s").premises == ("a", "b")


def test_theses_are_the_claims_no_relation_uses_as_premise():
    """AIF names no theses; the claims that are premises of nothing stand in."""
    assert aif.loads(json.dumps(DIALOGUE)).theses == ("1", "4")


def test_map_read_from_aif_is_valid():
    """The dialogue document gives a map that validates (the rephrase leaves 4 an orphan)."""
    problems = argmap.validate(aif.loads(json.dumps(DIALOGUE)))
    assert not any(p.is_error for p in problems)


def test_layer_keeps_rephrase_preference_and_dialogue_typed():
    """MA, PA, L, TA and YA nodes, locutions and participants are kept, by type."""
    lay = aif.layer(aif.loads(json.dumps(DIALOGUE)))
    assert [n.id for n in lay.of_type("MA")] == ["9"]
    assert lay.of_type("MA")[0].fields["scheme"] == "Default Rephrase"
    assert [n.id for n in lay.of_type("PA")] == ["10"]
    assert [n.type for n in lay.nodes] == ["MA", "PA", "L", "YA", "L", "TA", "YA"]
    assert len(lay.locutions) == 3
    assert lay.participants[0]["firstname"] == "Ann"


def test_layer_says_what_a_rephrase_joins():
    """A kept node's edges say which claims it joins (claim ids by node id)."""
    lay = aif.layer(aif.loads(json.dumps(DIALOGUE)))
    assert lay.incoming("9") == ("4",)
    assert lay.outgoing("9") == ("2",)
    assert lay.claims["4"] == "4"
    assert lay.relations["6"] == "6"


def test_layer_of_a_map_not_from_aif_is_empty():
    """A map argmap built itself has no AIF layer."""
    assert aif.layer(argmap.registry.get("example")) == aif.Layer()


def test_integer_ids_and_strings_that_collide_get_distinct_claim_ids():
    """Node ids 5 and "5" are different nodes; the second claim becomes "5-2"."""
    data = {"nodes": [node(5, "I", "int"), node("5", "I", "str")], "edges": []}
    m = aif.loads(json.dumps(data))
    assert [c.id for c in m.claims] == ["5", "5-2"]


def test_node_ids_with_spaces_become_slugs():
    """A node id with spaces becomes a claim id with hyphens."""
    data = {"nodes": [node("node one", "I", "A")], "edges": []}
    assert aif.loads(json.dumps(data)).claims[0].id == "node-one"


def test_ova_wrapper_is_read():
    """OVA's {"AIF": {...}} wrapper is read like a bare AIF document."""
    wrapped = {"AIF": copy.deepcopy(DIALOGUE), "OVA": {"nodes": []}, "text": "x"}
    assert len(loads_quietly(wrapped).claims) == 5


# -- messy data: warnings, never a crash, and still exact ------------------------------------

MESSY = {
    "i-to-i": (
        {"nodes": [node(1, "I", "A"), node(2, "I", "B")], "edges": [edge(1, 1, 2)]},
        "joins two I-nodes",
    ),
    "self-loop": (
        {"nodes": [node(1, "I", "A")], "edges": [edge(1, 1, 1)]},
        "leads from a node to itself",
    ),
    "dangling": (
        {"nodes": [node(1, "I", "A")], "edges": [edge(1, 1, 99)]},
        "names a node the document does not have",
    ),
    "no-conclusion": (
        {"nodes": [node(1, "I", "A"), node(2, "RA", "RA")], "edges": [edge(1, 1, 2)]},
        "no conclusion argmap can use",
    ),
    "no-premise": (
        {"nodes": [node(1, "I", "A"), node(2, "RA", "RA")], "edges": [edge(1, 2, 1)]},
        "no I-node premise",
    ),
    "many-conclusions": (
        {
            "nodes": [node(1, "I", "A"), node(2, "I", "B"), node(3, "I", "C"), node(4, "RA", "RA")],
            "edges": [edge(1, 1, 4), edge(2, 4, 2), edge(3, 4, 3)],
        },
        "more than one conclusion",
    ),
    "repeated-premise": (
        {
            "nodes": [node(1, "I", "A"), node(2, "I", "B"), node(3, "RA", "RA")],
            "edges": [edge(1, 1, 3), edge(2, 1, 3), edge(3, 3, 2)],
        },
        "repeats a premise",
    ),
    "self-premise": (
        {
            "nodes": [node(1, "I", "A"), node(2, "I", "B"), node(3, "RA", "RA")],
            "edges": [edge(1, 1, 3), edge(2, 2, 3), edge(3, 3, 2)],
        },
        "conclusion among its premises",
    ),
    "duplicate-node": (
        {"nodes": [node(1, "I", "A"), node(1, "I", "A again")], "edges": []},
        "appears twice",
    ),
    "unknown-type": (
        {"nodes": [node(1, "I", "A"), node(2, "XX", "?")], "edges": []},
        "type argmap does not know",
    ),
    "undercut-of-dropped-scheme": (
        {
            "nodes": [
                node(1, "I", "A"),
                node(2, "I", "B"),
                node(3, "RA", "RA"),
                node(4, "CA", "CA"),
            ],
            "edges": [edge(1, 1, 3), edge(2, 2, 4), edge(3, 4, 3)],
        },
        "2 scheme nodes have no conclusion argmap can use",
    ),
}


@pytest.mark.parametrize("case", sorted(MESSY))
def test_messy_input_warns(case):
    """Each kind of oddity in real AIF gives an ArgmapWarning that says what it is."""
    data, words = MESSY[case]
    with pytest.warns(ArgmapWarning, match=words):
        aif.loads(json.dumps(data))


@pytest.mark.parametrize("case", sorted(MESSY))
def test_messy_input_round_trips_exactly(case):
    """What argmap cannot place is kept, so writing gives back the same document."""
    data, _ = MESSY[case]
    assert aif.to_dict(loads_quietly(data)) == data


def test_messy_input_gives_a_valid_map():
    """Oddities stay out of the map: it validates without errors."""
    for data, _ in MESSY.values():
        m = loads_quietly(data)
        assert not any(p.is_error for p in argmap.validate(m))


def test_many_oddities_of_one_kind_give_one_warning():
    """Fifty self-loops make one warning with a count, not fifty."""
    data = {"nodes": [node(1, "I", "A")], "edges": [edge(i, 1, 1) for i in range(50)]}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        aif.loads(json.dumps(data))
    assert len(caught) == 1
    assert "50 edges" in str(caught[0].message)


def test_dialogue_document_round_trips_exactly():
    """AIF → argmap → AIF gives every node, edge and locution back, ids and order included."""
    assert aif.to_dict(aif.loads(json.dumps(DIALOGUE))) == DIALOGUE


def test_ova_wrapper_round_trips_exactly():
    """The OVA wrapper and its other fields are written back around the AIF."""
    wrapped = {"AIF": copy.deepcopy(DIALOGUE), "OVA": {"nodes": []}, "text": "x"}
    assert aif.to_dict(loads_quietly(wrapped)) == wrapped


def test_edited_claim_text_is_written_into_its_node():
    """Changing a claim changes its I-node and nothing else."""
    m = aif.loads(json.dumps(DIALOGUE))
    m = m.with_claim(attrs.evolve(m.claim("3"), text="Shops lose all parking"))
    out = aif.to_dict(m)
    expected = copy.deepcopy(DIALOGUE)
    expected["nodes"][2]["text"] = "Shops lose all parking"
    assert out == expected


def test_renamed_claim_keeps_its_kept_edges():
    """A claim renamed after reading takes its new id as node id, and kept edges follow."""
    m = aif.loads(json.dumps(DIALOGUE))
    renamed = attrs.evolve(m.claim("1"), id="lane")
    m = attrs.evolve(
        m,
        claims=[renamed if c.id == "1" else c for c in m.claims],
        relations=[attrs.evolve(r, target="lane") if r.target == "1" else r for r in m.relations],
        theses=["lane", "4"],
    )
    out = aif.to_dict(m)
    assert {"nodeID": "lane", "text": "We should build the lane", "type": "I"}.items() <= (
        out["nodes"][0].items()
    )
    assert edge("e12", "12", "lane") in out["edges"]
    assert aif.loads(json.dumps(out)).claim("lane").text == "We should build the lane"


# -- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{not json", "not AIF: not valid JSON"),
        ("[]", "top level is an array"),
        ('{"edges": []}', 'no "nodes" array'),
        ('{"nodes": {}}', 'an object as its "nodes" array'),
        ('{"nodes": [], "edges": 3}', '"edges" is a number'),
        ('{"nodes": [3]}', "node #1 is a number"),
        ('{"nodes": [{"text": "A", "type": "I"}]}', "node #1 \\('A'\\) has no nodeID"),
        ('{"nodes": [{"nodeID": 1.5, "type": "I", "text": "A"}]}', "has nodeID 1.5"),
        ('{"nodes": [{"nodeID": true, "type": "I", "text": "A"}]}', "has nodeID True"),
        ('{"nodes": [{"nodeID": "7", "type": "I", "text": null}]}', "I-node '7' has null"),
        ('{"nodes": [], "edges": ["x"]}', "edge #1 is a string"),
        ('{"nodes": [], "a": 1, "a": 2}', "appears twice"),
    ],
)
def test_unreadable_input_names_what_is_wrong(text, words):
    """Only what cannot be read at all is refused, with a message that names the node."""
    with pytest.raises(FormatError, match=words):
        aif.loads(text)


# -- writing our maps ---------------------------------------------------------------------


def _bike():
    return argmap.registry.get("example")


def test_export_uses_aifdb_node_types_and_default_schemes():
    """Claims are I-nodes; supports RA "Default Inference" (72); rebuttals CA (71)."""
    nodes = {n["nodeID"]: n for n in aif.to_dict(_bike())["nodes"]}
    assert nodes["bike-lane"]["type"] == "I"
    ra = nodes["crashes--supports--bike-lane"]
    assert (ra["type"], ra["text"], ra["scheme"], ra["schemeID"]) == (
        "RA",
        "Default Inference",
        "Default Inference",
        "72",
    )
    ca = nodes["cost--rebuts--bike-lane"]
    assert (ca["type"], ca["scheme"], ca["schemeID"]) == ("CA", "Default Conflict", "71")


def test_export_edges_run_premise_to_scheme_to_conclusion():
    """Each premise points at the scheme node, which points at the conclusion."""
    pairs = {(e["fromID"], e["toID"]) for e in aif.to_dict(_bike())["edges"]}
    rid = "crashes--supports--bike-lane"
    assert {("crashes", rid), ("lanes-cut-injuries", rid), (rid, "bike-lane")} <= pairs


def test_export_undercut_is_a_ca_pointing_at_the_scheme_node():
    """An undercut is a CA whose conclusion edge enters the undercut relation's RA."""
    data = aif.to_dict(_bike())
    uid = "mill-road-different--undercuts--crashes--supports--bike-lane"
    pairs = {(e["fromID"], e["toID"]) for e in data["edges"]}
    assert (uid, "crashes--supports--bike-lane") in pairs
    assert next(n for n in data["nodes"] if n["nodeID"] == uid)["type"] == "CA"


def test_export_names_a_known_scheme():
    """A relation's scheme becomes its node's text and scheme (no AIFdb scheme id)."""
    b = MapBuilder("m", "M")
    b.source("s", "S")
    t = b.thesis("t", "T.")
    b.claim("a", "A.", quote="a").supports(t, scheme="Expert Opinion")
    node_ = aif.to_dict(b.build())["nodes"][-1]
    assert (node_["text"], node_["scheme"], "schemeID" in node_) == (
        "Expert Opinion",
        "Expert Opinion",
        False,
    )


def test_export_quotes_are_locutions_anchored_by_asserting():
    """A quote is an L-node, anchored to its claim by a YA "Asserting", with a locution."""
    data = aif.to_dict(_bike())
    lid = "crashes--quote-1"
    l_node = next(n for n in data["nodes"] if n["nodeID"] == lid)
    assert (l_node["type"], l_node["text"]) == ("L", _bike().claim("crashes").quotes[0].text)
    ya = next(n for n in data["nodes"] if n["nodeID"] == f"{lid}--asserting")
    assert (ya["type"], ya["scheme"], ya["schemeID"]) == ("YA", "Asserting", "74")
    pairs = {(e["fromID"], e["toID"]) for e in data["edges"]}
    assert {(lid, f"{lid}--asserting"), (f"{lid}--asserting", "crashes")} <= pairs
    assert {"nodeID": lid, "source": "council-minutes"}.items() <= data["locutions"][0].items()


def test_export_of_an_aif_map_has_no_extra_field():
    """A map read from AIF writes back no argmapExtra: there is nothing AIF lacks."""
    assert aif.EXTRA_KEY not in aif.to_dict(aif.loads(json.dumps(DIALOGUE)))


def test_export_keeps_what_aif_lacks_in_argmap_extra():
    """Title, sources, verdicts, implicit flags and labels go into argmapExtra."""
    extra = aif.to_dict(_bike())[aif.EXTRA_KEY]
    assert extra["title"] == _bike().title
    assert [s["id"] for s in extra["sources"]] == ["council-minutes", "shop-letter"]
    assert extra["verdicts"] == {"bike-lane": "for"}
    assert extra["claims"]["councils-prevent-harm"] == {"implicit": True}
    assert extra["relations"]["crashes--supports--bike-lane"] == {"label": "safety"}


def test_dumps_is_json_and_ends_with_a_newline():
    """dumps gives indented JSON text (one line with indent=None)."""
    text = aif.dumps(_bike())
    assert text.endswith("}\n")
    assert json.loads(text) == aif.to_dict(_bike())
    assert "\n" not in aif.dumps(_bike(), indent=None).rstrip("\n")


def test_dumps_refuses_nan_scores():
    """A NaN base score cannot be written as JSON."""
    m = _bike()
    m = m.with_claim(attrs.evolve(m.claim("cost"), base_score=float("nan")))
    with pytest.raises(FormatError, match="NaN"):
        aif.dumps(m)


@given(argument_maps())
def test_round_trip_gives_the_same_map(m):
    """argmap → AIF → argmap gives an equal map (claims, relations, quotes, everything)."""
    assert aif.loads(aif.dumps(m)) == m


@given(argument_maps())
def test_second_export_is_the_same_text(m):
    """Writing what was read gives the same AIF text again."""
    text = aif.dumps(m)
    assert aif.dumps(aif.loads(text)) == text


@given(argument_maps(), st.booleans())
def test_writing_without_bookkeeping_is_writing_the_bare_map(m, numeric):
    """The round-trip check's shortcut writes what the map stripped of meta["aif"] writes."""
    data = aif.to_dict(m, numeric_ids=numeric)
    data["edited"] = True  # no longer what argmap writes: reading keeps the bookkeeping
    read = aif.loads(json.dumps(data))
    read = read.with_claim(argmap.Claim("added-after-reading", "A claim with no AIF node."))
    assert "aif" in read.meta
    assert all("aif" in c.meta for c in read.claims[:-1])
    assert writer.to_dict_without_bookkeeping(read, numeric_ids=numeric) == aif.to_dict(
        bookkeeping.bare(read), numeric_ids=numeric
    )


def test_builtin_map_round_trips(builtin_map):
    """Every built-in map survives AIF unchanged."""
    assert aif.loads(aif.dumps(builtin_map)) == builtin_map


# -- through the registry -------------------------------------------------------------------


def test_format_is_registered_for_reading_and_writing():
    """argmap.loads/dumps reach AIF with format="aif"."""
    m = _bike()
    assert argmap.loads(argmap.dumps(m, "aif"), "aif") == m


def test_json_file_holding_nodes_is_detected_as_aif():
    """A .json file with AIF's "nodes" reads as AIF, even if a node is called "argmap"."""
    text = json.dumps({"nodes": [node("argmap", "I", "A")], "edges": []})
    assert detect_format("corpus.json", text) == "aif"
    assert detect_format("map.json", argmap.dumps(_bike())) == "json"
    assert detect_format("x.aif.json") == "aif"


@given(argument_maps())
def test_numeric_ids_round_trip(m):
    """With numeric_ids, nodes and edges get AIFdb-style numbers and the map still returns."""
    assert aif.loads(aif.dumps(m, numeric_ids=True)) == m


def test_numeric_ids_are_digit_strings():
    """numeric_ids gives every node and edge a string of digits, and records argmap's ids."""
    data = aif.to_dict(_bike(), numeric_ids=True)
    assert all(n["nodeID"].isdigit() for n in data["nodes"])
    assert all(e["edgeID"].isdigit() for e in data["edges"])
    assert data[aif.EXTRA_KEY]["ids"]["1"] == "bike-lane"


def test_new_claim_whose_id_a_kept_node_has_gets_another_node_id():
    """A claim added with the id of a kept node gets a fresh node id, and keeps its own id."""
    m = aif.loads(json.dumps(DIALOGUE))
    m = m.with_claim(argmap.Claim("11", "A new claim"))
    out = aif.to_dict(m)
    assert {"nodeID": "11~2", "text": "A new claim", "type": "I"} in out["nodes"]
    assert aif.loads(json.dumps(out)).claim("11").text == "A new claim"


def test_aif_survives_a_trip_through_argdown():
    """AIF → argmap → Argdown → argmap → AIF gives the same document.

    The AIF layer travels in Argdown's metadata.
    """
    from argmap.io import argdown

    m = aif.loads(json.dumps(DIALOGUE))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArgmapWarning)
        back = argdown.loads(argdown.dumps(m))
    assert aif.to_dict(back) == DIALOGUE
