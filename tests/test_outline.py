"""The outline planner: which lines a thesis's tree has, before any styling."""

from collections import Counter, deque

from hypothesis import given

from argmap import ArgumentMap, MapBuilder, RelationKind, registry
from argmap.render.terminal.outline import Line, plan
from argmap.strategies import argument_maps


def lines(root: Line) -> list[Line]:
    """Every line under ``root``, in reading order."""
    out, stack = [], list(reversed(root.children))
    while stack:
        line = stack.pop()
        out.append(line)
        stack.extend(reversed(line.children))
    return out


def bearing_on(m: ArgumentMap, thesis: str) -> set[str]:
    """The relations whose effect reaches ``thesis``."""
    found: set[str] = set()
    queue = deque([thesis])
    while queue:
        node = queue.popleft()
        for r in m.relations_into(node):
            if r.id not in found:
                found.add(r.id)
                queue.extend([r.id, *r.premises])
    return found


@given(argument_maps())
def test_every_relation_bearing_on_a_thesis_is_placed_once(m):
    """A relation is a marked claim line or a "jointly" group, exactly once per thesis."""
    for thesis in m.theses:
        outline = lines(plan(m, thesis, depth=m.depth + 1, quotes=False, evaluation=None))
        groups = [line.relation.id for line in outline if line.kind == "jointly" and line.relation]
        marked = [line for line in outline if line.kind == "claim" and line.mark is not None]
        assert len(set(groups)) == len(groups)
        assert len(groups) + len(marked) == len(bearing_on(m, thesis))


@given(argument_maps())
def test_each_claim_is_expanded_once_and_repeats_point_there(m):
    """Quotes show at a claim's first mention only; a later mention with reasons says where."""
    for thesis in m.theses:
        outline = plan(m, thesis, depth=m.depth + 1, quotes=True, evaluation=None)
        shown = [line for line in lines(outline) if line.kind == "claim"]
        first = Counter(line.claim for line in shown if line.quotes)
        assert set(first.values()) <= {1}
        assert set(first) == {line.claim for line in shown} - {thesis}
        for line in shown:
            if not line.quotes and m.relations_into(line.claim):
                assert line.see in {"above", "below"} or line.cycle


def test_depth_hides_levels_and_counts_them():
    """Below ``depth``, lines give way to one "… N more levels" line that counts them."""
    m = registry.get("example")
    thesis = m.theses[0]
    full = plan(m, thesis, depth=m.depth, quotes=False, evaluation=None)
    assert not [line for line in lines(full) if line.kind == "more"]
    cut = plan(m, thesis, depth=1, quotes=False, evaluation=None)
    more = [line for line in lines(cut) if line.kind == "more"]
    assert more
    assert max(line.count for line in more) == m.depth - 1
    assert [c.mark for c in cut.children] == [RelationKind.SUPPORT, RelationKind.REBUTTAL]


def test_a_shared_premise_is_expanded_at_its_first_mention_only():
    """A claim that two reasons rest on shows its own reasons once; the other mention points."""
    b = MapBuilder("shared", "Shared")
    b.source("s", "A source")
    t = b.thesis("t", "The thesis.")
    for name in ("a", "b"):
        b.claim(name, f"Reason {name}.").supports(t)
    shared = b.claim("shared", "A premise both reasons rest on.", quote="q")
    shared.supports("a")
    shared.supports("b")
    b.claim("deep", "Why the shared premise holds.").supports(shared)
    m = b.build()
    outline = lines(plan(m, "t", depth=10, quotes=True, evaluation=None))
    mentions = [line for line in outline if line.claim == "shared"]
    assert len(mentions) == 2
    assert [line.quotes for line in mentions] == [True, False]
    assert mentions[1].see == "above"
    assert [line.claim for line in outline].count("deep") == 1
