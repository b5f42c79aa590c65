"""The drawing's layout rules: it fits a screen's width, folds big maps, shows each box's side."""

import math
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given

from argmap import ArgumentMap, Claim, Rebuttal, RelationKind, Support, registry
from argmap.render import dot, svg
from argmap.render.dot import _draw, _fold, _style
from argmap.render.dot import _labels as labels
from argmap.strategies import argument_maps

NS = "{http://www.w3.org/2000/svg}"
#: The widest a default drawing may be: 1,900 px at 100% zoom.
MAX_WIDTH_PT = 1425


def size(svg_text: str) -> tuple[float, float]:
    width, height = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg_text).groups()
    return float(width), float(height)


def scale(svg_text: str) -> float:
    """The scale the drawing is shown at, from its viewBox (1 when nothing shrinks it)."""
    root = ET.fromstring(svg_text)  # noqa: S314 - our own output
    view = [float(x) for x in root.get("viewBox").split()]
    return size(svg_text)[0] / view[2]


def drawn(source: str) -> set[str]:
    return set(re.findall(r'id="claim-([^"]+)"', source))


# -- fits the width ----------------------------------------------------------------------


def test_every_builtin_map_fits_the_width(builtin_map):
    """At default settings every built-in map is at most 1,425 pt wide, its text at least 10 pt."""
    out = svg.to_svg(builtin_map, engine="wasm")
    width, _ = size(out)
    assert width <= MAX_WIDTH_PT, f"{builtin_map.id} is {width:.0f} pt wide"
    sizes = [float(x) for x in re.findall(r'font-size="([\d.]+)"', out)]
    assert min(sizes) * scale(out) >= 10


#: A window's height at 100% zoom, in points (1,400 px).
FIRST_SCREEN_PT = 1050


def box_top(svg_text: str, claim_id: str) -> float:
    """How far below the drawing's top edge the box of ``claim_id`` starts, in points."""
    root = ET.fromstring(svg_text)  # noqa: S314 - our own output
    graph = next(g for g in root.iter(f"{NS}g") if g.get("id") == "graph0")
    dy = float(re.search(r"translate\([\d.]+ ([\d.]+)\)", graph.get("transform")).group(1))
    box = next(g for g in root.iter(f"{NS}g") if g.get("id") == f"claim-{claim_id}")
    shape = next(box.iter(f"{NS}path"), None)
    if shape is None:
        shape = next(box.iter(f"{NS}polygon"))
    ys = [float(y) for y in re.findall(r"[\d.]+,(-?[\d.]+)", shape.get("d") or shape.get("points"))]
    return dy + min(ys)


def test_each_thesis_opens_its_case(builtin_map):
    """A thesis stands at the top of its case, as in an outline: the first on the first screen.

    Drawn centred on its reasons, the synthesis's first thesis stood 1,600 pt down a column
    of reasons; a reader met a wall of reasons before the claim they bear on. Now each
    thesis stands above at least half its direct reasons and objections.
    """
    out = svg.to_svg(builtin_map, engine="wasm")
    boxes = set(box_sides(out))
    tops = {}
    for t in builtin_map.theses:
        tops[t] = box_top(out, labels.node_name(t))
        case = sorted(
            box_top(out, labels.node_name(p))
            for r in builtin_map.relations_into(t)
            for p in r.premises
            if labels.node_name(p) in boxes
        )
        assert not case or tops[t] <= case[len(case) // 2], (builtin_map.id, t)
    assert min(tops.values()) <= FIRST_SCREEN_PT, builtin_map.id


#: What a 1,920 x 1,080 px window shows at 100% zoom, in points (1,080 px high).
FIRST_VIEW_PT = 810


def first_view_texts(svg_text: str) -> list[str]:
    """The lines of text whose baseline lies within the first window's height."""
    root = ET.fromstring(svg_text)  # noqa: S314 - our own output
    graph = next(g for g in root.iter(f"{NS}g") if g.get("id") == "graph0")
    dy = float(re.search(r"translate\([\d.]+ ([\d.]+)\)", graph.get("transform")).group(1))
    return [
        t.text or "" for t in graph.iter(f"{NS}text") if dy + float(t.get("y")) <= FIRST_VIEW_PT
    ]


def test_the_first_screen_points_to_every_thesis(builtin_map):
    """Every thesis drawn stands on the first screen, or a line there names it and its number.

    The theses stand one below the other, each above its case, so a second thesis stood
    1,600-2,200 pt down (joongang-squad, political-rhetoric, remain-a-dream) with nothing
    on the first screen saying it was there.
    """
    out = svg.to_svg(builtin_map, engine="wasm")
    boxes = box_sides(out)
    texts = first_view_texts(out)
    theses = [t for t in builtin_map.theses if labels.node_name(t) in boxes]
    for t in theses:
        if box_top(out, labels.node_name(t)) <= FIRST_VIEW_PT:
            continue
        named = [line for line in texts if line.endswith(f"--thesis {t})")]
        assert named, f"{builtin_map.id}: nothing on the first screen points to thesis {t!r}"
        number = named[0].split(".")[0]
        assert boxes[labels.node_name(t)][2] == f"THESIS {number} of {len(theses)}", t


def arrowheads(svg_text: str) -> dict[str, dict[str, list[tuple[float, float]]]]:
    """Where each arrowhead into each node points (its tip), by the arrowhead's colour."""
    root = ET.fromstring(svg_text)  # noqa: S314 - our own output
    heads: dict[str, dict[str, list[tuple[float, float]]]] = {}
    for g in root.iter(f"{NS}g"):
        if g.get("class") != "edge":
            continue
        # The title is "tail->head", a port after a colon (no node name holds one).
        head = g.find(f"{NS}title").text.rsplit("->", 1)[1].split(":")[0]
        path = [float(v) for v in re.findall(r"-?[\d.]+", g.find(f"{NS}path").get("d"))]
        end = (path[-2], path[-1])  # where the line stops and the arrowhead starts
        for shape in g.iter(f"{NS}polygon"):
            xy = [float(v) for v in re.findall(r"-?[\d.]+", shape.get("points"))]
            corners = list(zip(xy[0::2], xy[1::2], strict=True))
            far = max(math.dist(end, c) for c in corners)
            tip = [c for c in corners if math.dist(end, c) >= far - 1]
            point = (sum(x for x, _ in tip) / len(tip), sum(y for _, y in tip) / len(tip))
            heads.setdefault(head, {}).setdefault(shape.get("stroke"), []).append(point)
    return heads


def spots(points: list[tuple[float, float]], near: float = 8) -> int:
    """How many spots the points make, counting points within ``near`` pt as one spot."""
    groups: list[list[tuple[float, float]]] = []
    for p in points:
        joined = [g for g in groups if any(math.dist(p, q) <= near for q in g)]
        merged = [p] + [q for g in joined for q in g]
        groups = [g for g in groups if g not in joined] + [merged]
    return len(groups)


def test_a_crowded_claim_takes_reasons_and_objections_at_two_spots(builtin_map):
    """Into a crowded claim (six arrows or more), reasons meet at one spot, objections at another.

    (Its first reason's arrow, level with it, keeps a spot of its own.) All ending at one
    point beside the claim, the dozen arrows into remain-a-dream's "desirable" thesis,
    reasons and objections alike, piled into one blot at the end of a dense spine.
    """
    out = svg.to_svg(builtin_map, engine="wasm")
    support = _style.COLOURS[RelationKind.SUPPORT].lower()
    rebuttal = _style.COLOURS[RelationKind.REBUTTAL].lower()
    crowded = 0
    for head, coloured in arrowheads(out).items():
        by_colour = {c.lower(): v for c, v in coloured.items()}
        reasons, objections = by_colour.get(support, []), by_colour.get(rebuttal, [])
        if len(reasons) + len(objections) < _draw._CROWDED:
            continue
        crowded += 1
        assert spots(reasons) <= 2, f"{builtin_map.id}: reasons into {head!r}"
        assert spots(objections) <= 1, f"{builtin_map.id}: objections into {head!r}"
        apart = min((math.dist(p, q) for p in reasons for q in objections), default=math.inf)
        assert apart > 8, f"{builtin_map.id}: reasons and objections meet {head!r} at one spot"
    # The maps whose theses drew a dense spine must be checked, not skipped.
    assert crowded or builtin_map.id not in {"remain-a-dream", "asian-nato"}, builtin_map.id


def theses_map(n: int) -> ArgumentMap:
    """``n`` theses that open alike, each with one reason."""
    claims = [Claim(f"t{i}", f"The same long opening words then thesis {i}.") for i in range(n)]
    claims += [Claim(f"r{i}", f"Reason {i}.") for i in range(n)]
    supports = [Support(f"s{i}", [f"r{i}"], f"t{i}") for i in range(n)]
    return ArgumentMap(
        "m", "M", theses=[f"t{i}" for i in range(n)], claims=claims, relations=supports
    )


def test_the_title_lists_a_few_theses_and_counts_many():
    """Two to six theses are listed by number, their shared opening elided; more are counted."""
    source = dot.dumps(theses_map(3))
    assert "3 theses, one below the other, each above its case:\\l" in source
    for i in range(3):
        assert f"{i + 1}. The same long \u2026 {i}. (1 claim; --thesis t{i})" in source
        assert f'label="THESIS {i + 1} of 3\\l' in source
    source = dot.dumps(theses_map(7))
    assert "7 theses, one below the other, each above its case\\l" in source
    assert "--thesis" not in source
    assert 'label="THESIS\\l' in source
    assert "THESIS 1" not in dot.dumps(theses_map(1))


def test_a_generated_300_claim_map_fits_the_width():
    """A map deeper and broader than any article map still fits: it folds."""
    out = svg.to_svg(generated_map(300), engine="wasm", legend=False)
    assert size(out)[0] <= MAX_WIDTH_PT


# -- folding -----------------------------------------------------------------------------


def generated_map(n: int) -> ArgumentMap:
    """n claims: each supports or rebuts one of the earlier ones, two thirds at random."""
    import random

    rng = random.Random(n)  # noqa: S311 - test data
    claims = [Claim("c0", "The thesis.")]
    relations = []
    for i in range(1, n):
        claims.append(Claim(f"c{i}", f"Claim {i} says something."))
        kind = Support if rng.random() < 0.6 else Rebuttal
        target = rng.randrange(i) if rng.random() < 0.7 else i - 1  # some long chains
        relations.append(kind(f"r{i}", [f"c{i}"], f"c{target}"))
    return ArgumentMap("big", "Big", theses=["c0"], claims=claims, relations=relations)


def check_folding(m: ArgumentMap) -> None:
    """The folding rule, on the default drawing of ``m``.

    At most BUDGET claims and LEVELS levels; every drawn claim hangs from a drawn claim
    (or is a thesis); a level is drawn before the next as far as the budget goes; and
    every claim left out is counted in exactly one stub that gives the command to see it.
    """
    source = dot.dumps(m)
    kept = {labels.node_name(c.id) for c in m.claims} & drawn(source)
    depth = m.depths()
    names = {labels.node_name(c.id): c.id for c in m.claims}
    assert len(kept) <= _fold.BUDGET
    assert max(depth[names[k]] for k in kept) <= _fold.LEVELS
    for k in kept:
        claim = names[k]
        if claim not in m.theses:
            assert any(
                r.target in {names[x] for x in kept} or r.target in m.relations_by_id
                for r in m.relations_from(claim)
            ), claim
    # Nearest the top first: no claim is left out for a deeper one while it would fit.
    shallowest_left_out = min(depth[c.id] for c in m.claims if labels.node_name(c.id) not in kept)
    assert all(depth[names[k]] <= shallowest_left_out + _fold.LEVELS for k in kept)
    stub = r'label="⋯ ([\d,]+) more(?:, ([\d,]+) claims?)?\\l--focus ([^\\]+)\\l"'
    stubs = re.findall(stub, source)
    more = re.findall(r'label="⋯ ([\d,]+) more theses?, ([\d,]+) claims?\\l', source)
    counted = sum(int(n.replace(",", "")) for _, n, _ in stubs if n)
    counted += sum(int(n.replace(",", "")) for _, n in more)
    assert counted == len(m.claims) - len(kept)
    for _, _, focus in stubs:
        assert focus in names.values() or focus.strip("'") in names.values()
        assert f"argmap render {m.id} --focus {focus}" in source
    assert f"{len(kept):,} of {len(m.claims):,} claims" in source


def test_the_synthesis_folds():
    """asian-nato (233 claims) draws at most 80, and its stubs account for the rest."""
    m = registry.get("asian-nato")
    assert len(m.claims) > _fold.BUDGET
    check_folding(m)


def test_the_overview_marks_only_what_lies_beneath():
    """A folded overview has no "more uses" stubs; a focus keeps them.

    In an overview every use of a drawn claim leads back toward the top, which is drawn,
    so a stub for it would only add clutter; around a focus the uses are what is missing.
    """
    m = registry.get("asian-nato")
    assert not re.search(r"id=\"stub-[^\"]*-above\"", dot.dumps(m))
    assert '"china-threat-growing above"' in dot.dumps(m, focus="china-threat-growing", depth=0)


def test_a_generated_300_claim_map_folds():
    """A generated 300-claim map folds by the same rule."""
    check_folding(generated_map(300))


def test_the_direct_case_of_each_thesis_is_kept():
    """Folding keeps every direct reason and objection of each thesis of the synthesis."""
    m = registry.get("asian-nato")
    source = dot.dumps(m)
    for t in m.theses:
        for r in m.relations_into(t):
            assert {labels.node_name(p) for p in r.premises} <= drawn(source)


def test_article_maps_draw_whole():
    """The article maps (up to 66 claims, six levels) fold nothing."""
    for name in registry.names():
        m = registry.get(name)
        if len(m.claims) <= _fold.BUDGET:
            source = dot.dumps(m)
            assert drawn(source) == {labels.node_name(c.id) for c in m.claims}, name
            assert "⋯" not in source


def test_full_draws_everything():
    """full=True draws every claim and leaves no stub."""
    m = generated_map(300)
    source = dot.dumps(m, full=True)
    assert len(drawn(source)) == 300
    assert "⋯" not in source


def test_unconnected_claims_wrap_into_rows():
    """Claims nothing touches are laid in rows of seven in their own cluster."""
    m = ArgumentMap("talk", "Talk", claims=[Claim(f"s{i}", f"Statement {i}.") for i in range(20)])
    source = dot.dumps(m, legend=False)
    assert "subgraph cluster_unconnected" in source
    rows = re.findall(r"\ts(\d+) -> s(\d+) \[minlen=2 style=invis\]", source)
    assert len(rows) == 20 - 3  # three rows: 7 + 7 + 6 claims, chained within each row
    first_column = source.split("rank=max", 1)[1].split("}", 1)[0]
    assert [f"\t\ts{i}\n" in first_column for i in (0, 7, 14)] == [True] * 3


# -- sides at a glance -------------------------------------------------------------------


def box_sides(svg_text: str) -> dict[str, tuple[str, str, str]]:
    """Each claim box's side (from its class), border colour and first line."""
    root = ET.fromstring(svg_text)  # noqa: S314 - our own output
    out = {}
    for g in root.iter(f"{NS}g"):
        if g.get("id", "").startswith("claim-"):
            side = next(c for c in g.get("class").split() if c.startswith("side-"))
            shape = next(g.iter(f"{NS}path"), None)
            if shape is None:  # an Element without children is false: test for None
                shape = next(g.iter(f"{NS}polygon"))
            first = next(t.text for t in g.iter(f"{NS}text"))
            out[g.get("id")[len("claim-") :]] = (side[5:], shape.get("stroke"), first)
    return out


def expected_side(m: ArgumentMap, claim_id: str) -> _style.Side:
    kinds = {m.kind(r) for r in m.relations_from(claim_id)}
    if claim_id in m.theses:
        return _style.Side.THESIS
    if not kinds:
        return _style.Side.UNUSED
    pro = "support" in kinds
    con = bool(kinds - {"support"})
    if pro and con:
        return _style.Side.BOTH
    if pro:
        return _style.Side.REASON
    return _style.Side.UNDERCUT if kinds == {"undercut"} else _style.Side.OBJECTION


def check_sides(m: ArgumentMap, svg_text: str) -> None:
    sides = box_sides(svg_text)
    assert sides
    for name, (side, stroke, first) in sides.items():
        claim = next(c for c in m.claims if labels.node_name(c.id) == name)
        want = expected_side(m, claim.id)
        assert side == want, claim.id
        assert stroke == _style.box_colours(want)[1].lower(), claim.id
        # The non-colour cue: the first line says the side in words, with its mark.
        assert first.startswith(_style.badge(want).split(":")[0][:16]), (claim.id, first)


def test_every_claim_box_of_every_builtin_map_shows_its_side(builtin_map):
    """Each claim box of each built-in map says (colour, border, first line) its side."""
    check_sides(builtin_map, svg.to_svg(builtin_map, engine="wasm", full=True))


@given(argument_maps(max_claims=8))
def test_every_claim_box_shows_its_side(m):
    """In any map, every box's class, border and badge agree with where the claim is used."""
    source = dot.dumps(m)
    for c in m.claims:
        line = next(x for x in source.splitlines() if f'id="claim-{labels.node_name(c.id)}"' in x)
        want = expected_side(m, c.id)
        assert f'class="claim side-{want}"' in line
        assert f'color="{_style.box_colours(want)[1]}"' in line
        assert f'label="{_style.badge(want)[:8]}' in line


def test_a_claim_used_on_both_sides_says_so():
    """A claim that supports one claim and rebuts another is badged ± on both."""
    m = ArgumentMap(
        "m",
        "M",
        theses=["t", "u"],
        claims=[Claim("t", "T."), Claim("u", "U."), Claim("a", "A.")],
        relations=[Support("s", ["a"], "t"), Rebuttal("r", ["a"], "u")],
    )
    line = next(x for x in dot.dumps(m).splitlines() if 'id="claim-a"' in x)
    assert 'label="± reason and objection\\l' in line
    assert 'class="claim side-both"' in line


def test_qualifier_shows_in_the_box_and_the_tooltip():
    """A claim's qualifier (the source's hedge) is a line of its box and of its tooltip."""
    m = registry.get("political-rhetoric")
    claim = next(c for c in m.claims if c.qualifier)
    line = next(x for x in dot.dumps(m).splitlines() if f'id="claim-{claim.id}"' in x)
    box, tip = line.split(" tooltip=", 1)
    assert f"(hedged: {claim.qualifier})" in box.replace("\\l", " ")
    assert f"hedged: {claim.qualifier}" in tip


@pytest.mark.parametrize("kind", ["support", "rebuttal", "undercut"])
def test_the_legend_draws_the_arrowhead_after_the_junction(kind):
    """The legend's samples end in the arrowhead on the line out of the junction, as the map."""
    source = dot.dumps(registry.get("example"))
    head = _style.HEAD[kind]
    assert f'"legend {kind} from" -> "legend {kind} mark" [arrowhead=none' in source
    assert f'"legend {kind} mark" -> "legend {kind} to" [arrowhead={head}' in source
