"""Each rule is stated once, and the fast solvers agree with that statement.

argmap._grounded.decide is the grounded rule, argmap._dfquad.claim_strength DF-QuAD's
combination and argmap._quadratic.claim_strength and relation_strength the quadratic
energy model's; the solvers apply them in flat loops. These tests compare the loops with
plain, slow evaluations of the one statement, on random maps with cycles of every kind,
and argmap._graph.strongly_connected (the one SCC) with plain reachability.
"""

from __future__ import annotations

import math
from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, Rebuttal, Support, _dfquad, _quadratic
from argmap._dfquad import claim_strength
from argmap._gradual import aggregate, strengths
from argmap._graph import SUPPORT, Graph, strongly_connected
from argmap._grounded import IN, OUT, UNDEC, decide, label
from argmap.strategies import argument_maps, cyclic_map


@st.composite
def tangled_maps(draw: st.DrawFn) -> ArgumentMap:
    """Maps whose relations join any claims, in circles of support or attack.

    Linked premises, undercuts of undercuts and relations that undercut each other occur.
    """
    n = draw(st.integers(1, 7))
    claims = [
        Claim(f"c{i}", "A claim.", base_score=draw(st.none() | st.floats(0, 1))) for i in range(n)
    ]
    relations: list[Support | Rebuttal] = []
    for j in range(draw(st.integers(0, 12))):
        premises = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=3, unique=True))
        ids = tuple(f"c{p}" for p in premises)
        if relations and draw(st.integers(0, 3)) == 0:  # an undercut of an earlier relation
            target = relations[draw(st.integers(0, len(relations) - 1))].id
            relations.append(Rebuttal(f"r{j}", ids, target))
            continue
        target = f"c{draw(st.integers(0, n - 1))}"
        cls = draw(st.sampled_from([Support, Rebuttal]))
        relations.append(cls(f"r{j}", ids, target))
    if relations and draw(st.booleans()):  # two relations undercutting each other
        a = len(relations)
        relations += [
            Rebuttal(f"r{a}", ("c0",), f"r{a + 1}"),
            Rebuttal(f"r{a + 1}", ("c0",), f"r{a}"),
        ]
    return ArgumentMap("tangled", "Tangled", theses=["c0"], claims=claims, relations=relations)


@st.composite
def plain_maps(draw: st.DrawFn, *, attacks_only: bool = False) -> ArgumentMap:
    """Maps whose every relation is plain (one premise, no undercut), cycles included.

    With ``attacks_only`` every relation is a rebuttal of a claim (a Dung framework). The
    grounded solver has a worklist for each of these shapes (argmap._grounded).
    """
    n = draw(st.integers(1, 9))
    claims = [Claim(f"c{i}", "A claim.") for i in range(n)]
    kinds = [Rebuttal] if attacks_only else [Support, Rebuttal]
    relations = [
        draw(st.sampled_from(kinds))(f"r{j}", f"c{p}", f"c{t}")
        for j, (p, t) in enumerate(
            draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=16))
        )
    ]
    return ArgumentMap("plain", "Plain", theses=["c0"], claims=claims, relations=relations)


@st.composite
def general_maps(draw: st.DrawFn) -> ArgumentMap:
    """A plain map with one relation that is not plain: the general worklist's shapes.

    One relation more, with two premises or undercutting another, makes the solver take
    its general loop for the same webs of supports and rebuttals the plain loops solve.
    """
    m = draw(plain_maps().filter(lambda m: m.relations))
    n, relations = len(m.claims), m.relations
    premises = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=2, unique=True))
    ids = tuple(f"c{p}" for p in premises)
    if len(ids) == 1:  # an undercut
        target = relations[draw(st.integers(0, len(relations) - 1))].id
        return m.with_relation(Rebuttal("u", ids, target))
    kind = draw(st.sampled_from([Support, Rebuttal]))
    return m.with_relation(kind("linked", ids, f"c{draw(st.integers(0, n - 1))}"))


any_maps = argument_maps() | tangled_maps() | plain_maps() | plain_maps(attacks_only=True)


def _counts(g: Graph, lab: bytearray, node: int) -> list[int]:
    """[pos IN, pos OUT, neg IN, neg OUT, pos total, neg total] of a node's inputs."""
    c = g.claims
    counts = [0] * 6
    for y in g.inputs(node):
        negative = g.kind[y - c] != SUPPORT if node < c else y >= c
        counts[4 + negative] += 1
        if lab[y] != UNDEC:
            counts[2 * negative + (lab[y] == OUT)] += 1
    return counts


def least_fixpoint(g: Graph) -> bytearray:
    """The grounded labelling by the book: apply decide to every node until nothing moves."""
    lab = bytearray(g.size)
    while True:
        new = bytearray(decide(x < g.claims, _counts(g, lab, x)) for x in range(g.size))
        if new == lab:
            return lab
        lab = new


@given(any_maps)
def test_label_is_the_least_fixpoint_of_the_rule(m):
    """The worklist's labels are exactly those that repeated application of decide gives."""
    g = Graph(m)
    assert label(g) == least_fixpoint(g)


@settings(max_examples=300)
@given(plain_maps())
def test_label_is_the_least_fixpoint_on_plain_maps(m):
    """The same for the worklist of plain relations (supports and rebuttals).

    The general loop, made to run on the same maps (``shaped=False``), agrees.
    """
    g = Graph(m)
    expected = least_fixpoint(g)
    assert label(g) == expected
    assert label(g, shaped=False) == expected


@settings(max_examples=150)
@given(plain_maps(attacks_only=True))
def test_label_is_the_least_fixpoint_on_attack_graphs(m):
    """The same for the worklist of plain rebuttals of claims (a Dung framework)."""
    g = Graph(m)
    expected = least_fixpoint(g)
    assert label(g) == expected
    assert label(g, shaped=False) == expected


@settings(max_examples=150)
@given(general_maps())
def test_label_is_the_least_fixpoint_on_maps_that_are_not_plain(m):
    """The same for the general worklist, on the webs the plain worklists solve."""
    g = Graph(m)
    assert g.more or g.undercut_by  # not plain: the general loop runs
    assert label(g) == least_fixpoint(g)


def test_labels_down_chains_and_against_undecided_rebuttals():
    """Each link of a chain of rebuttals flips the label; a support chain carries it."""
    claims = [Claim(f"c{i}", "A claim.") for i in range(6)]
    attacks = [Rebuttal(f"r{i}", f"c{i + 1}", f"c{i}") for i in range(5)]
    m = ArgumentMap("chain", "Chain", theses=["c0"], claims=claims, relations=attacks)
    assert list(label(Graph(m)))[:6] == [OUT, IN, OUT, IN, OUT, IN]
    mixed = [*attacks[:2], Support("s2", "c3", "c2"), *attacks[3:]]
    m = ArgumentMap("chain", "Chain", theses=["c0"], claims=claims, relations=mixed)
    # c5 IN rebuts c4 (OUT); c3 stands, supports c2 (IN), which rebuts c1 (OUT): c0 IN.
    assert list(label(Graph(m)))[:6] == [IN, OUT, IN, IN, OUT, IN]
    # Two supports that hold do not outweigh a rebuttal that is undecided (a self-attack),
    # nor does a failing third support undo them.
    relations = [
        Support("s1", "c1", "c0"),
        Support("s2", "c2", "c0"),
        Support("s3", "c4", "c0"),
        Rebuttal("r3", "c3", "c0"),
        Rebuttal("r33", "c3", "c3"),
        Rebuttal("r54", "c5", "c4"),
    ]
    m = ArgumentMap("undecided", "Undecided", theses=["c0"], claims=claims, relations=relations)
    assert list(label(Graph(m)))[:6] == [UNDEC, IN, IN, UNDEC, OUT, IN]
    # The same through the general worklist (an undercut makes a relation not plain).
    m = m.with_relation(Rebuttal("u", "c3", "r54"))
    assert list(label(Graph(m)))[:6] == [UNDEC, IN, IN, UNDEC, UNDEC, IN]


@given(any_maps)
def test_the_index_lists_what_cites_and_what_is_aimed_at_each_node(m):
    """The index's rows and counts say what cites each claim and what each relation aims at.

    A claim's row lists the relations citing it in the order the solvers fold them in:
    those whose first premise it is, in map order, then those it is a further premise of.
    """
    g = Graph(m)
    index = {c.id: x for x, c in enumerate(m.claims)}
    for x in range(g.claims):
        firsts = [j for j, r in enumerate(m.relations) if index[r.premises[0]] == x]
        others = [j for j, r in enumerate(m.relations) if x in {index[p] for p in r.premises[1:]}]
        assert list(g.uses(x)) == firsts + others
    supports, rebuttals = g.in_counts()
    for x, claim in enumerate(m.claims):
        assert supports[x] == len(m.pros(claim.id))
        assert rebuttals[x] == len(m.cons(claim.id))
    relation_index = {r.id: j for j, r in enumerate(m.relations)}
    for j, r in enumerate(m.relations):
        aimed = index.get(r.target, g.claims + relation_index.get(r.target, -1))
        assert g.target[j] == aimed


@pytest.mark.parametrize("general", [False, True])
def test_a_failing_support_decided_first_leaves_the_other_to_decide(general):
    """A claim with two supports waits for both: one failing first does not make it OUT.

    The worklist takes the last claim decided first, so the support from c1 (rebutted by
    c3) fails before the one from c2 holds. With ``general``, an undercut elsewhere sends
    the same web through the general loop rather than the plain one.
    """
    claims = [Claim(f"c{i}", "A claim.") for i in range(6)]
    relations: list[Support | Rebuttal] = [
        Support("s1", "c1", "c0"),
        Support("s2", "c2", "c0"),
        Rebuttal("r31", "c3", "c1"),
    ]
    if general:
        relations += [Rebuttal("r45", "c4", "c5"), Rebuttal("u", "c4", "r45")]
    m = ArgumentMap("two", "Two supports", theses=["c0"], claims=claims, relations=relations)
    g = Graph(m)
    assert bool(g.more or g.undercut_by) == general
    assert list(label(g))[:4] == [IN, OUT, IN, IN]
    assert label(g) == least_fixpoint(g)


def test_label_is_the_least_fixpoint_on_a_web_of_attacks():
    """The same on a dense web of odd and even cycles of attack, with undercuts."""
    g = Graph(cyclic_map(60, degree=3, seed=4))
    found = label(g)
    assert found == least_fixpoint(g)
    assert {IN, OUT, UNDEC} <= set(found)


def test_decide_states_the_rule():
    """decide, case by case: claims need a holding support (if any) and no holding rebuttal."""
    claim, relation = True, False
    assert decide(claim, [0, 0, 0, 0, 0, 0]) == IN  # a basic premise, unattacked
    assert decide(claim, [0, 2, 0, 0, 2, 0]) == OUT  # every support fails
    assert decide(claim, [1, 1, 0, 1, 2, 1]) == IN  # one support holds, the rebuttal fails
    assert decide(claim, [1, 0, 1, 0, 1, 1]) == OUT  # a rebuttal holds
    assert decide(claim, [0, 1, 0, 0, 2, 0]) == UNDEC  # a support undecided, none holds
    assert decide(relation, [2, 0, 0, 1, 2, 1]) == IN  # premises hold, the undercut fails
    assert decide(relation, [1, 1, 0, 0, 2, 0]) == OUT  # a premise fails
    assert decide(relation, [2, 0, 0, 0, 2, 1]) == UNDEC  # the undercut is undecided


def _by_the_book(rule_name: str, base: float, pros: list[float], cons: list[float]) -> float:
    """A claim's strength from its inputs' strengths, written from each semantics' definition."""
    if rule_name == "dfquad":
        v_s = 1 - math.prod(1 - x for x in pros)
        v_a = 1 - math.prod(1 - x for x in cons)
        return claim_strength(base, v_s - v_a)
    return _quadratic.claim_strength(base, sum(pros) - sum(cons))


def _relation_by_the_book(rule_name: str, premises: list[float], undercuts: list[float]) -> float:
    if rule_name == "dfquad":
        return math.prod(premises) * math.prod(1 - u for u in undercuts)
    return _quadratic.relation_strength(math.prod(premises), sum(undercuts))


def _acyclic_strengths(m: ArgumentMap, rule_name: str) -> dict[str, float]:
    """Strengths on an acyclic map by the book: each node once its inputs are known."""
    value: dict[str, float] = {}
    claims, relations = m.claims_by_id, m.relations_by_id

    def known(node: str) -> bool:
        inputs = list(m.relations_into(node))
        if node in relations:
            inputs_ids = [*relations[node].premises, *(r.id for r in inputs)]
        else:
            inputs_ids = [r.id for r in inputs]
        return all(i in value for i in inputs_ids)

    while len(value) < len(claims) + len(relations):
        for node in [*claims, *relations]:
            if node in value or not known(node):
                continue
            into = m.relations_into(node)
            if node in relations:
                value[node] = _relation_by_the_book(
                    rule_name,
                    [value[p] for p in relations[node].premises],
                    [value[u.id] for u in into],
                )
            else:
                score = claims[node].base_score
                base = 0.5 if score is None else score
                pros = [value[r.id] for r in into if isinstance(r, Support)]
                cons = [value[r.id] for r in into if isinstance(r, Rebuttal)]
                value[node] = _by_the_book(rule_name, base, pros, cons)
    return value


RULES = pytest.mark.parametrize("rule", [_dfquad.RULE, _quadratic.RULE], ids=lambda r: r.name)


@RULES
@given(m=argument_maps())
def test_strengths_follow_the_rule_on_acyclic_maps(rule, m):
    """The one-pass solver gives what the rule's statement gives, node by node."""
    g = Graph(m)
    found = strengths(g, rule, max_iterations=100, tolerance=1e-12)
    expected = _acyclic_strengths(m, rule.name)
    assert (found.converged, found.rounds) == (True, 0)
    for node, value in zip([*g.claim_ids, *g.relation_ids], found.values, strict=True):
        assert math.isclose(value, expected[node], abs_tol=1e-12), node


@RULES
@given(m=tangled_maps())
def test_converged_strengths_are_a_fixpoint_of_the_rules(rule, m):
    """On cycles, strengths that settled satisfy every node's rule, the combination included."""
    g = Graph(m)
    found = strengths(g, rule, max_iterations=5000, tolerance=1e-13)
    if not found.converged:
        return
    val, c = found.values, g.claims
    for x in range(g.size):
        inputs = list(g.inputs(x))
        if x < c:
            pros = [val[y] for y in inputs if g.kind[y - c] == SUPPORT]
            cons = [val[y] for y in inputs if g.kind[y - c] != SUPPORT]
            expected = _by_the_book(rule.name, g.base[x], pros, cons)
        else:
            premises = [val[y] for y in inputs if y < c]
            expected = _relation_by_the_book(
                rule.name, premises, [val[y] for y in inputs if y >= c]
            )
        assert math.isclose(val[x], expected, abs_tol=1e-9), g.node_id(x)


@RULES
@given(m=tangled_maps())
def test_the_aggregates_are_those_of_the_final_strengths(rule, m):
    """Each claim's support and attack aggregates are those of its inputs' final strengths."""
    g = Graph(m)
    found = strengths(g, rule, max_iterations=5000, tolerance=1e-13)
    val, c = found.values, g.claims
    for x in range(c):
        inputs = list(g.inputs(x))
        pros = aggregate(rule, [val[y] for y in inputs if g.kind[y - c] == SUPPORT])
        cons = aggregate(rule, [val[y] for y in inputs if g.kind[y - c] != SUPPORT])
        assert math.isclose(found.support[x], pros, abs_tol=1e-9), g.node_id(x)
        assert math.isclose(found.attack[x], cons, abs_tol=1e-9), g.node_id(x)


def test_claim_strength_moves_towards_the_winning_side():
    """DF-QuAD's combination: up by (1 - base) * d when supports win, down by base * d."""
    assert claim_strength(0.5, 0.0) == 0.5
    assert claim_strength(0.4, 0.5) == 0.4 + 0.6 * 0.5
    assert claim_strength(0.4, -0.5) == 0.4 - 0.4 * 0.5


def test_quadratic_claim_strength_moves_by_the_impact_of_the_energy():
    """The quadratic energy model: h(e) = e^2 / (1 + e^2) of the net energy, up or down."""
    assert _quadratic.claim_strength(0.5, 0.0) == 0.5
    assert _quadratic.claim_strength(0.4, 1.0) == 0.4 + 0.6 * 0.5
    assert _quadratic.claim_strength(0.4, -2.0) == 0.4 - 0.4 * 0.8
    assert _quadratic.relation_strength(0.8, 1.0) == 0.4


def _reaches(edges: set[tuple[int, int]], n: int) -> list[set[int]]:
    reach = [{v} for v in range(n)]
    changed = True
    while changed:
        changed = False
        for u, v in edges:
            if not reach[v] <= reach[u]:
                reach[u] |= reach[v]
                changed = True
    return reach


@given(
    st.integers(1, 9).flatmap(
        lambda n: st.tuples(
            st.just(n), st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)))
        )
    )
)
def test_strongly_connected_by_reachability(graph):
    """Components are the sets of mutually reachable nodes, each after those it reaches."""
    n, edges = graph
    ordered = sorted(edges)
    start, targets = [0], []
    for u in range(n):
        targets += [v for a, v in ordered if a == u]
        start.append(len(targets))
    found = strongly_connected(start, targets)
    where = {v: i for i, component in enumerate(found) for v in component}
    assert sorted(where) == list(range(n))
    assert sum(map(len, found)) == n
    reach = _reaches(edges, n)
    for u, v in product(range(n), repeat=2):
        assert (where[u] == where[v]) == (v in reach[u] and u in reach[v])
    for u, v in edges:
        assert where[u] >= where[v]
