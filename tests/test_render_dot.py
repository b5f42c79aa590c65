"""DOT drawings: conventions, determinism, selection, overlay and quoting."""

import re
import subprocess
import sys
import warnings

import graphviz
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Claim, Quote, Rebuttal, Source, Support, UnknownIdError, registry
from argmap.evaluate import Evaluation, Label
from argmap.render import dot
from argmap.render.dot import _digraph
from argmap.render.dot import _labels as labels
from argmap.strategies import HOSTILE_TEXTS, argument_maps, hostile_map, ids, texts


def example() -> ArgumentMap:
    return registry.get("example")


def statement(source: str, name: str) -> str:
    """The line that declares node ``name`` (quoted as DOT quotes it)."""
    quoted = graphviz.quoting.quote(name)
    lines = [line for line in source.splitlines() if line.strip().startswith(f"{quoted} [")]
    assert len(lines) == 1, f"{name!r} is declared {len(lines)} times"
    return lines[0]


# -- goldens and determinism -------------------------------------------------------------


@pytest.mark.parametrize("map_id", registry.names())
def test_golden_dot(map_id, golden):
    """Each built-in map's DOT matches tests/golden/dot/<map-id>.dot."""
    golden(f"dot/{map_id}.dot", dot.dumps(registry.get(map_id)))


@given(argument_maps())
def test_dot_is_deterministic(m):
    """The same map, even rebuilt from JSON, gives the same DOT bytes."""
    copy = argmap.loads(argmap.dumps(m))
    assert dot.dumps(copy) == dot.dumps(m)


def test_dot_does_not_depend_on_hash_seed():
    """Two processes with different hash seeds write the same DOT."""
    code = "from argmap import registry; from argmap.render.dot import dumps; "
    code += "print(dumps(registry.get('example')), end='')"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2")
    }
    assert outputs == {dot.dumps(example())}


@given(argument_maps())
def test_every_claim_and_relation_is_drawn(m):
    """Every claim is a box and every relation a junction, each declared exactly once."""
    source = dot.dumps(m)
    for c in m.claims:
        assert f'id="claim-{labels.node_name(c.id)}"' in statement(source, labels.node_name(c.id))
    for r in m.relations:
        assert f'id="relation-{labels.node_name(r.id)}"' in statement(
            source, labels.node_name(r.id)
        )


@given(argument_maps())
def test_every_relation_runs_from_its_premises_to_its_target(m):
    """Each premise has a line into its relation's junction, which points at the target."""
    source = dot.dumps(m, legend=False)
    q = graphviz.quoting.quote
    for r in m.relations:
        junction = q(labels.node_name(r.id))
        for p in r.premises:
            line = f"\t{q(labels.node_name(p))} -> {junction}"
            attrs = r"( \[(constraint=false|weight=\d+)\])?"
            assert re.search(rf"{re.escape(line)}{attrs}$", source, re.MULTILINE), line
        assert f"\t{junction} -> {q(labels.node_name(r.target))} [" in source


# -- conventions -------------------------------------------------------------------------


def test_theses_are_on_the_left_and_arrows_point_left():
    """rankdir=RL puts premises right of what they bear on; the theses share the first column."""
    source = dot.dumps(example())
    assert "rankdir=RL" in source
    top = source.split("rank=max", 1)[1].split("}", 1)[0]
    assert '"bike-lane"' in top


def test_linked_premises_meet_at_one_junction():
    """Both premises of the linked safety argument run into the same junction."""
    source = dot.dumps(example())
    assert 'crashes -> "crashes--supports--bike-lane"' in source
    assert '"lanes-cut-injuries" -> "crashes--supports--bike-lane"' in source
    assert source.count('"crashes--supports--bike-lane" -> "bike-lane"') == 1
    # The relation's own label names it on both premises' badges, not on an edge.
    for premise in ("crashes", '"lanes-cut-injuries"'):
        assert 'label="+ reason: safety\\l' in statement(source, premise.strip('"'))


def test_undercut_ends_on_the_junction_it_attacks():
    """The undercut's arrow ends on the attacked relation's junction, not on a claim."""
    source = dot.dumps(example())
    undercut = "mill-road-different--undercuts--crashes--supports--bike-lane"
    assert f'"{undercut}" -> "crashes--supports--bike-lane" [arrowhead=tee minlen=0]' in source


def test_kinds_differ_without_colour():
    """Supports, rebuttals and undercuts differ in line style, arrowhead and mark."""
    source = dot.dumps(example(), legend=False)
    groups = re.findall(
        r'node \[color="(#\w+)" fontcolor="#\w+" label="(.)"\]\n\t+edge \[.*?style=(\w+)\]', source
    )
    assert set(groups) == {
        ("#009E73", "+", "solid"),
        ("#D55E00", "\u2212", "dashed"),
        ("#CC79A7", "\u2212", "dotted"),
    }
    assert "arrowhead=normal" in source
    assert "arrowhead=tee" in source


def test_implicit_premise_is_dashed():
    """An implicit premise's box has a dashed border."""
    line = statement(dot.dumps(example()), "councils-prevent-harm")
    assert 'style="rounded,filled,dashed"' in line


def test_thesis_is_emphasised():
    """The thesis has a thick border, bold text and a fill."""
    line = statement(dot.dumps(example()), "bike-lane")
    assert "penwidth=2.5" in line
    assert 'fontname="Helvetica-Bold"' in line
    assert "fillcolor=" in line


def test_tooltip_holds_text_quotes_and_source():
    """A claim's tooltip gives its full text, its quote and the source it comes from."""
    line = statement(dot.dumps(example()), "crashes")
    tooltip = line.split('tooltip="', 1)[1]
    assert tooltip.startswith("Elm Street had more cyclist injuries last year")
    assert "\u201cElm Street recorded 14 cyclist injuries last year" in tooltip
    assert "Minutes of the transport committee" in tooltip


def test_legend_is_optional():
    """legend=False leaves the legend cluster out."""
    assert "cluster_legend" in dot.dumps(example())
    assert "cluster_legend" not in dot.dumps(example(), legend=False)


def linked_map(url: str) -> ArgumentMap:
    return ArgumentMap(
        "m",
        "M",
        sources=[Source("s", "S", url=url)],
        theses=["t"],
        claims=[Claim("t", "T."), Claim("a", "A.", quotes=[Quote("s", "a")])],
        relations=[Support("r", ["a"], "t")],
    )


@pytest.mark.parametrize(
    "url", ["https://example.org/a?b=1&c=2", "http://example.org/", "HTTPS://EXAMPLE.ORG/"]
)
def test_http_sources_are_linked(url):
    """A claim quoting a source with an http(s) URL links to it."""
    line = statement(dot.dumps(linked_map(url)), "a")
    assert "URL=" in line
    assert "target=_blank" in line


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:msgbox",
        'https://example.org/"onmouseover="alert(1)',
        "https://example.org/<script>",
        "https://example.org/\\N",
        "//example.org/no-scheme",
        "https:///no-host",
        " https://example.org/leading-space",
    ],
)
def test_other_links_are_dropped(url):
    """A source URL that is not a plain http(s) URL gives no link."""
    assert "URL=" not in statement(dot.dumps(linked_map(url)), "a")


# -- focus and depth ---------------------------------------------------------------------


def drawn_claims(source: str) -> set[str]:
    return set(re.findall(r'id="claim-([^"]+)"', source))


def test_focus_draws_a_neighbourhood():
    """--focus draws the claim, its relations' other claims, and marks what is left out."""
    source = dot.dumps(example(), focus="parking-loss", depth=1)
    assert drawn_claims(source) == {"parking-loss", "bike-lane", "customers-walk"}
    assert '"bike-lane below" [label="⋯ 3 more, 6 claims\\l--focus bike-lane\\l"' in source
    assert "peripheries=2" in statement(source, "parking-loss")
    assert "around 'parking-loss', 1 step" in source


def test_focus_keeps_linked_premises_together():
    """Drawing a linked relation draws all its premises."""
    source = dot.dumps(example(), focus="crashes", depth=1)
    assert {"crashes", "lanes-cut-injuries", "bike-lane"} <= drawn_claims(source)


def test_focus_depth_zero_is_the_claim_alone():
    """depth=0 draws only the focus, with marks for everything around it."""
    source = dot.dumps(example(), focus="cost", depth=0, legend=False)
    assert drawn_claims(source) == {"cost"}
    assert '"cost below"' in source
    assert '"cost above"' in source


def test_focus_reaches_further_with_depth():
    """A larger depth draws more of the map, and at the map's depth all of it."""
    sizes = [len(drawn_claims(dot.dumps(example(), focus="grant", depth=d))) for d in range(5)]
    assert sizes == sorted(sizes)
    assert sizes[-1] == len(example().claims)


def test_focus_on_unknown_claim_is_an_error():
    """Focusing on an id the map lacks raises UnknownIdError naming it."""
    with pytest.raises(UnknownIdError, match="'nope'"):
        dot.to_dot(example(), focus="nope")


def test_negative_depth_is_an_error():
    """A negative depth raises ValueError."""
    with pytest.raises(ValueError, match="depth must be 0 or more"):
        dot.to_dot(example(), depth=-1)


def test_depth_alone_draws_the_top_levels():
    """depth without focus draws the claims that many levels below the theses."""
    source = dot.dumps(example(), depth=1)
    assert drawn_claims(source) == {
        "bike-lane",
        "crashes",
        "lanes-cut-injuries",
        "councils-prevent-harm",
        "parking-loss",
        "cost",
    }
    assert '"parking-loss below"' in source


@given(argument_maps(), st.integers(0, 3), st.data())
def test_focus_draws_only_whole_relations(m, depth, data):
    """In any neighbourhood, each drawn relation has all its premises and its target."""
    focus = data.draw(st.sampled_from([c.id for c in m.claims]))
    source = dot.dumps(m, focus=focus, depth=depth)
    claims = drawn_claims(source)
    relations = set(re.findall(r'id="relation-([^"]+)"', source))
    assert labels.node_name(focus) in claims
    for rid in relations:
        r = m.relation(rid)
        assert {labels.node_name(p) for p in r.premises} <= claims
        assert labels.node_name(r.target) in claims | relations


# -- evaluation overlay ------------------------------------------------------------------


def test_overlay_shows_labels_strengths_and_effect():
    """An evaluation marks claims accepted/rejected, shows strengths, fades dead relations."""
    evaluation = Evaluation(
        "all",
        labels={"bike-lane": Label.IN, "parking-loss": Label.OUT, "cost": Label.UNDEC},
        strengths={"bike-lane": 0.73},
        effective={"parking-loss--rebuts--bike-lane": False},
    )
    source = dot.dumps(example(), evaluation=evaluation)
    thesis = statement(source, "bike-lane")
    assert "✔ accepted" in thesis
    assert "███████░░░ 0.73" in thesis
    assert "✘ rejected" in statement(source, "parking-loss")
    assert "? undecided" in statement(source, "cost")
    assert 'color="#D55E0066"' in statement(source, "parking-loss--rebuts--bike-lane")
    assert "faded: takes no effect" in source


def test_overlay_skips_strengths_that_are_not_numbers():
    """A NaN or infinite strength draws no bar (and does not fail)."""
    evaluation = Evaluation("dfquad", strengths={"cost": float("nan"), "grant": float("inf")})
    source = dot.dumps(example(), evaluation=evaluation)
    assert "█" not in statement(source, "cost")
    assert "█" not in statement(source, "grant")


def test_no_overlay_without_evaluation():
    """Without an evaluation no claim carries a verdict."""
    source = dot.dumps(example())
    assert "accepted" not in source
    assert "█" not in source


# -- text and quoting --------------------------------------------------------------------


def test_wrap_keeps_words_whole():
    """Wrapping breaks between words and keeps lines within the width."""
    lines = dot.wrap("one two three four five six seven eight nine ten", 12)
    assert lines == ["one two", "three four", "five six", "seven eight", "nine ten"]


def test_wrap_splits_overlong_words():
    """A word wider than a line is cut into line-sized pieces."""
    assert dot.wrap("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]


def test_wrap_never_splits_a_combining_mark_from_its_letter():
    """Cutting a long word never separates a letter from its accents."""
    word = "e\u0301" * 30
    for line in dot.wrap(word, 7):
        assert not line.startswith("\u0301")
        assert len(line.replace("\u0301", "")) <= 7


def test_wrap_widens_for_long_text():
    """Long texts get wider lines, up to twice the default."""
    short = dot.wrap("word " * 10)
    long = dot.wrap("word " * 300)
    assert max(map(len, short)) <= dot.WRAP_WIDTH
    assert dot.WRAP_WIDTH < max(map(len, long)) <= 2 * dot.WRAP_WIDTH


@given(texts(max_size=200))
def test_wrap_loses_no_character(text):
    """Wrapping only moves whitespace: the non-blank characters stay, in order."""
    assert "".join("".join(dot.wrap(text)).split()) == "".join(labels.visible(text).split())


@given(
    argument_maps(ids=ids(), labels=texts())
    | st.sampled_from([hostile_map(t) for t in HOSTILE_TEXTS])
)
def test_graphviz_quotes_without_complaint(m):
    """The texts handed to graphviz's quoting never end in a stray backslash it warns about."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", graphviz.exceptions.DotSyntaxWarning)
        dot.dumps(m, evaluation=argmap.evaluate(m))


@given(st.text(min_size=1, max_size=20).filter(lambda s: not s.isspace()))
def test_node_names_are_distinct_and_plain(id_):
    """Names never hold a port colon, quote, backslash or space, and plain ids stay."""
    name = labels.node_name(id_)
    assert not set(name) & set(':"\\ ')
    assert labels.node_name(id_ + "%") != name
    if re.fullmatch(r"[A-Za-z0-9_.\-]+", id_):
        assert name == id_


def test_hostile_ids_stay_separate_nodes():
    """Ids with colons, quotes, backslashes or DOT words each get their own node."""
    ids = ["a:b", 'q"x', "b\\s", "node", "{x}", "c%3Ad", "c:d"]
    m = ArgumentMap(
        "m",
        "M",
        theses=["t"],
        claims=[Claim("t", "T."), *(Claim(i, f"Claim {i}.") for i in ids)],
        relations=[Rebuttal(f"r{n}", [i], "t") for n, i in enumerate(ids)],
    )
    source = dot.dumps(m)
    names = {labels.node_name(i) for i in ids}
    assert len(names) == len(ids)
    for name in names:
        statement(source, name)


@pytest.mark.filterwarnings("ignore::graphviz.exceptions.DotSyntaxWarning")
@given(
    st.lists(
        st.tuples(st.text(max_size=12), st.text(max_size=12), st.booleans()),
        min_size=1,
        max_size=6,
    )
)
def test_the_remembering_digraph_quotes_as_graphviz_does(items):
    """Nodes, edges and attributes come out of ours exactly as out of graphviz.Digraph.

    Strings repeat (the memo's hits), and a ``nohtml`` string follows a plain one of the
    same text, which graphviz quotes differently when it looks like ``<...>``.
    """
    ours, theirs = _digraph.digraph("g x"), graphviz.Digraph(name="g x")
    for g in (ours, theirs):
        for name, value, html in [*items, *items]:
            text = f"<{value}>"
            label = graphviz.nohtml(text) if html else text
            g.node(name or "n", label, tooltip=value, **{"class": value})
            g.edge(name or "n", value or "v", label=graphviz.nohtml(text), color=value)
            with g.subgraph() as sub:
                sub.attr("node", _attributes={"x y": value}, fontname=value)
                sub.node(value or "v", _attributes=[("b", value), ("a", None)])
    assert ours.source == theirs.source


def test_a_wide_fan_in_is_drawn_in_linear_work(monkeypatch):
    """Whether a claim is crowded is counted once per claim, not once per relation into it.

    Counted per relation, a claim with n reasons cost n² look-ups: a 20,000-wide fan-in took
    19 s to draw, and the slow set's 100,000-wide one ran for many minutes.
    """
    from argmap.strategies.shapes import fan_in_map

    m = fan_in_map(300)
    calls: list[str] = []
    original = ArgumentMap.relations_into

    def counting(self: ArgumentMap, target: str) -> object:
        calls.append(target)
        return original(self, target)

    monkeypatch.setattr(ArgumentMap, "relations_into", counting)
    dot.dumps(m, legend=False, full=True)
    assert max(calls.count(t) for t in set(calls)) <= 3
