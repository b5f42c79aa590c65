"""GraphML out: networkx reads it back with every claim, relation and data key."""

import io
import json
import re
import subprocess
import sys

import networkx as nx
import pytest
from hypothesis import given

import argmap
from argmap import registry
from argmap.io import graphml
from argmap.strategies import argument_maps, hostile_map

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _as_written(text):
    """Text as GraphML carries it: characters XML cannot hold become a u-escape."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def _read(text):
    return nx.read_graphml(io.BytesIO(text.encode("utf-8")))


def _by_id(g):
    return {data["argmap_id"]: (node, data) for node, data in g.nodes(data=True)}


@given(argument_maps(max_claims=10))
def test_networkx_reads_every_claim_and_relation(m):
    """Every claim and relation is one node with its id, kind and text; every link an edge."""
    g = _read(graphml.dumps(m))
    nodes = _by_id(g)
    assert set(nodes) == set(m.claims_by_id) | set(m.relations_by_id)
    for c in m.claims:
        data = nodes[c.id][1]
        assert data["kind"] == "claim"
        assert data["text"] == _as_written(c.text)
        assert data["thesis"] is (c.id in m.theses)
        assert data["implicit"] is c.implicit
        assert json.loads(data.get("tags", "[]")) == [_as_written(t) for t in c.tags]
        assert data.get("base_score") == c.base_score
    edges = {
        (g.nodes[a]["argmap_id"], g.nodes[b]["argmap_id"], d["role"])
        for a, b, d in g.edges(data=True)
    }
    expected = set()
    for r in m.relations:
        expected |= {(p, r.id, "premise") for p in r.premises}
        kind = "support" if r.kind == "support" else "undercut" if m.is_undercut(r) else "rebuttal"
        expected.add((r.id, r.target, kind))
        assert nodes[r.id][1]["kind"] == kind
    assert edges == expected


def test_evaluation_is_written_as_typed_keys():
    """With an evaluation, claims and relations carry status and strength."""
    m = registry.get("example")
    e = argmap.evaluate(m, "all")
    nodes = _by_id(_read(graphml.dumps(m, evaluation=e)))
    for c in m.claims:
        assert nodes[c.id][1]["status"] == str(e.labels[c.id])
        assert nodes[c.id][1]["strength"] == e.strengths[c.id]
    for r in m.relations:
        assert nodes[r.id][1]["status"] == str(e.relation_labels[r.id])
    assert "status" not in _by_id(_read(graphml.dumps(m)))["bike-lane"][1]


@pytest.mark.parametrize("semantics", ["grounded", "quadratic", "dfquad", "all"])
def test_the_strength_names_its_semantics(semantics):
    """The graph says which semantics each node's strength is (QE, the headline, for all)."""
    m = registry.get("example")
    e = argmap.evaluate(m, semantics)
    g = _read(graphml.dumps(m, evaluation=e))
    assert g.graph["semantics"] == semantics
    assert g.graph.get("strength_semantics") == (e.strength_semantics or None)
    strength = _by_id(g)["bike-lane"][1].get("strength")
    wanted = {"grounded": None, "dfquad": "dfquad"}.get(semantics, "quadratic")
    expected = e.gradual[wanted].strengths["bike-lane"] if wanted else None
    assert strength == expected


def test_yed_graphics_label_every_claim():
    """Each claim carries a yEd ShapeNode whose label is its (wrapped) text."""
    m = registry.get("example")
    text = graphml.dumps(m)
    assert text.count("<y:ShapeNode>") == len(m.claims) + len(m.relations)
    assert text.count("<y:PolyLineEdge>") == sum(len(r.premises) + 1 for r in m.relations)
    nodes = _by_id(_read(text))
    for c in m.claims:
        assert " ".join(nodes[c.id][1]["label"].split()) == " ".join(c.text.split())
        assert nodes[c.id][1]["shape_type"] == "roundrectangle"


def test_hostile_text_stays_text():
    """Markup, control characters and quotes in texts are escaped, never markup."""
    m = hostile_map('</data><node id="x"/> & \x00\x1b "q" \ud800')
    g = _read(graphml.dumps(m))
    assert g.number_of_nodes() == len(m.claims) + len(m.relations)
    texts = [d["text"] for _, d in g.nodes(data=True) if d["kind"] == "claim"]
    assert any('</data><node id="x"/> & \\u0000\\u001b "q" \\ud800' in t for t in texts)


def test_export_evaluate_on_the_command_line(tmp_path):
    """argmap export --to graphml --evaluate writes the statuses."""
    out = tmp_path / "example.graphml"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "argmap",
            "export",
            "example",
            "-o",
            str(out),
            "--evaluate",
            "grounded",
        ],
        check=True,
    )
    nodes = _by_id(nx.read_graphml(out))
    assert nodes["bike-lane"][1]["status"] == "in"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "argmap",
            "export",
            "example",
            "--to",
            "json",
            "--evaluate",
            "grounded",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "--evaluate works with --to graphml" in done.stderr
