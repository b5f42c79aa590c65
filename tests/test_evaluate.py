"""Evaluation: grounded labels, DF-QuAD strengths, reasons, cruxes and influence.

The property tests compare the fast solvers with small, obviously correct ones written
here: Dung's grounded extension by iterating the characteristic function from the empty
set, the structured rules by Kleene iteration from all-undecided, DF-QuAD by iterating its
equations, and cruxes by re-evaluating the whole map once per claim.
"""

import math
import random

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import argmap
from argmap import (
    ArgumentMap,
    Claim,
    EvaluationError,
    InvalidMapError,
    Label,
    ParameterError,
    Rebuttal,
    Support,
    evaluate,
)
from argmap.strategies import argument_maps, cyclic_map

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


# -- building maps ---------------------------------------------------------------------------


def make(claims, relations, theses=None, scores=None):
    """A map from claim ids and (kind, id, premises, target) tuples, without validation."""
    scores = scores or {}
    return ArgumentMap(
        "m",
        "M",
        theses=theses or [claims[0]],
        claims=[Claim(c, f"Claim {c}.", base_score=scores.get(c)) for c in claims],
        relations=[
            (Support if kind == "support" else Rebuttal)(rid, premises, target)
            for kind, rid, premises, target in relations
        ],
    )


def attack_map(n, edges):
    """Claims 'a0'..; each edge (x, y) a single-premise rebuttal of 'a{y}' by 'a{x}'."""
    return make(
        [f"a{i}" for i in range(n)],
        [("rebuttal", f"r{x}-{y}", [f"a{x}"], f"a{y}") for x, y in sorted(set(edges))],
    )


@st.composite
def attack_graphs(draw):
    """A directed graph on up to 8 nodes, self-attacks and cycles included."""
    n = draw(st.integers(1, 8))
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=16))
    return n, edges


@st.composite
def structured_maps(draw, *, cyclic=True):
    """Maps with supports, rebuttals, undercuts and linked premises.

    With ``cyclic``, cycles of any kind (attack, support, undercut) occur; without,
    premises come after the claims they target.
    """
    n = draw(st.integers(1, 7))
    claims = [f"c{i}" for i in range(n)]
    relations = []
    for k in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["support", "rebuttal", "undercut"]))
        if kind == "undercut" and not relations:
            kind = "rebuttal"
        if kind == "undercut":
            target = draw(st.sampled_from([r[1] for r in relations]))
            low = min(int(p[1:]) for p in next(r for r in relations if r[1] == target)[2])
        else:
            low = draw(st.integers(0, n - 1))
            target = f"c{low}"
        pool = claims if cyclic else claims[low + 1 :]
        if not pool:
            continue
        premises = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
        relations.append(("rebuttal" if kind == "undercut" else kind, f"r{k}", premises, target))
    scores = {c: draw(st.none() | st.floats(0, 1)) for c in claims}
    return make(claims, relations, scores=scores)


# -- independent reference implementations ------------------------------------------------------


def dung_grounded(n, edges):
    """Dung's grounded extension: iterate F(S) = {a : S attacks every attacker of a} from {}."""
    attackers = {a: {x for x, y in edges if y == a} for a in range(n)}
    extension = set()
    while True:
        attacked = {y for x, y in edges if x in extension}
        following = {a for a in range(n) if attackers[a] <= attacked}
        if following == extension:
            return extension
        extension = following


def rule(m, labels, node):
    """The grounded rule for one node, written from the definition."""
    if node in m.relations_by_id:
        r = m.relation(node)
        premises = [labels[p] for p in r.premises]
        undercuts = [labels[u.id] for u in m.undercuts(r.id)]
        if OUT in premises or IN in undercuts:
            return OUT
        if all(x == IN for x in premises) and all(x == OUT for x in undercuts):
            return IN
        return UNDEC
    supports = [labels[r.id] for r in m.pros(node)]
    rebuttals = [labels[r.id] for r in m.cons(node)]
    if IN in rebuttals or (supports and all(x == OUT for x in supports)):
        return OUT
    if all(x == OUT for x in rebuttals) and (not supports or IN in supports):
        return IN
    return UNDEC


def kleene_labels(m):
    """The least fixpoint of the rules: apply them to every node at once from all-UNDEC."""
    nodes = [c.id for c in m.claims] + [r.id for r in m.relations]
    labels = dict.fromkeys(nodes, UNDEC)
    while True:
        following = {x: rule(m, labels, x) for x in nodes}
        if following == labels:
            return labels
        labels = following


def encode_af(m):
    """A Dung framework whose grounded extension holds exactly the IN claims and relations.

    'not:p' holds when premise p is out; 'unsupported:c' holds when every support of c is
    out; a relation is attacked by each 'not:' of its premises and by its undercuts, a
    claim by its rebuttals and (when supported) by 'unsupported:'.
    """
    nodes = [c.id for c in m.claims] + [r.id for r in m.relations]
    edges = set()
    for r in m.relations:
        for p in r.premises:
            nodes.append(f"not:{p}")
            edges |= {(p, f"not:{p}"), (f"not:{p}", r.id)}
        if isinstance(r, Support):
            nodes.append(f"unsupported:{r.target}")
            edges |= {(r.id, f"unsupported:{r.target}"), (f"unsupported:{r.target}", r.target)}
        else:
            edges.add((r.id, r.target))
    nodes = list(dict.fromkeys(nodes))
    number = {x: i for i, x in enumerate(nodes)}
    return nodes, [(number[x], number[y]) for x, y in edges]


def reference_strengths(m, rounds=200):
    """DF-QuAD by iterating its equations on claims and relations together.

    On acyclic maps the result is exact once every path has been walked.
    """
    value = {c.id: 0.5 if c.base_score is None else c.base_score for c in m.claims}
    base = dict(value)
    value.update({r.id: 0.0 for r in m.relations})
    for _ in range(rounds):
        following = {}
        for r in m.relations:
            s = math.prod(value[p] for p in r.premises)
            following[r.id] = s * math.prod(1 - value[u.id] for u in m.undercuts(r.id))
        for c in m.claims:
            v_s = 1 - math.prod(1 - value[r.id] for r in m.pros(c.id))
            v_a = 1 - math.prod(1 - value[r.id] for r in m.cons(c.id))
            b = base[c.id]
            following[c.id] = b + (1 - b) * (v_s - v_a) if v_s > v_a else b - b * (v_a - v_s)
        if following == value:
            break
        value = following
    return value


def reject(m, claim):
    """The map with one more, unanswered, rebuttal of ``claim``."""
    objector = Claim("objector--x", "An unanswered objection.")
    return attrs.evolve(
        m,
        claims=(*m.claims, objector),
        relations=(*m.relations, Rebuttal("objection--x", ["objector--x"], claim)),
    )


# -- grounded: laws ----------------------------------------------------------------------------


@given(attack_graphs())
def test_grounded_is_dungs_grounded_extension(graph):
    """On single-premise rebuttals only, IN is exactly Dung's grounded extension."""
    n, edges = graph
    e = evaluate(attack_map(n, edges), "grounded")
    assert {i for i in range(n) if e.labels[f"a{i}"] == IN} == dung_grounded(n, edges)


@given(attack_graphs())
def test_grounded_out_is_what_the_extension_attacks(graph):
    """A claim is OUT exactly when a member of the grounded extension attacks it."""
    n, edges = graph
    e = evaluate(attack_map(n, edges), "grounded")
    extension = dung_grounded(n, edges)
    attacked = {y for x, y in edges if x in extension}
    assert {i for i in range(n) if e.labels[f"a{i}"] == OUT} == attacked


@given(structured_maps())
def test_grounded_is_the_least_fixpoint_of_the_rules(m):
    """Labels and relation labels equal Kleene iteration of the rules from all-UNDEC."""
    e = evaluate(m, "grounded")
    expected = kleene_labels(m)
    assert {**e.labels, **e.relation_labels} == expected


@given(argument_maps())
def test_grounded_is_the_least_fixpoint_on_generated_maps(m):
    """The same, on the library's own valid (acyclic) maps."""
    e = evaluate(m, "grounded")
    assert {**e.labels, **e.relation_labels} == kleene_labels(m)


@given(structured_maps())
def test_grounded_matches_dung_on_the_af_encoding(m):
    """IN claims and relations are the grounded extension of the AF encoding of the map."""
    nodes, edges = encode_af(m)
    extension = {nodes[i] for i in dung_grounded(len(nodes), edges)}
    e = evaluate(m, "grounded")
    labelled = {**e.labels, **e.relation_labels}
    assert {x for x, v in labelled.items() if v == IN} == extension & set(labelled)


@given(structured_maps(), st.randoms(use_true_random=False))
def test_grounded_ignores_the_order_of_the_map(m, rng):
    """Shuffling claims and relations gives the same labels (the fixpoint is unique)."""
    claims, relations = list(m.claims), list(m.relations)
    rng.shuffle(claims)
    rng.shuffle(relations)
    shuffled = attrs.evolve(m, claims=claims, relations=relations)
    a, b = evaluate(m, "grounded"), evaluate(shuffled, "grounded")
    assert dict(a.labels) == dict(b.labels)
    assert dict(a.relation_labels) == dict(b.relation_labels)


@given(structured_maps())
def test_grounded_is_conflict_free(m):
    """No effective rebuttal or undercut targets something IN."""
    e = evaluate(m, "grounded")
    labelled = {**e.labels, **e.relation_labels}
    for r in m.relations:
        if isinstance(r, Rebuttal) and e.effective[r.id]:
            assert labelled[r.target] != IN, r.id


@given(structured_maps())
def test_every_label_obeys_its_rule(m):
    """Applying the rules once to the result changes nothing (it is a fixpoint)."""
    e = evaluate(m, "grounded")
    labels = {**e.labels, **e.relation_labels}
    assert all(rule(m, labels, x) == v for x, v in labels.items())


@given(structured_maps())
def test_effective_means_in(m):
    """A relation is effective exactly when its label is IN."""
    e = evaluate(m, "grounded")
    assert all(e.effective[r] == (v == IN) for r, v in e.relation_labels.items())


# -- grounded: examples ------------------------------------------------------------------------


def test_reinstatement_chain():
    """a is attacked by b, which c attacks: c IN, b OUT, a IN again."""
    m = make(["a", "b", "c"], [("rebuttal", "ba", "b", "a"), ("rebuttal", "cb", "c", "b")])
    e = evaluate(m, "grounded")
    assert (e.labels["a"], e.labels["b"], e.labels["c"]) == (IN, OUT, IN)


def test_even_cycle_is_undecided():
    """Two claims that rebut each other are both UNDEC."""
    m = make(["a", "b"], [("rebuttal", "ab", "a", "b"), ("rebuttal", "ba", "b", "a")])
    assert set(evaluate(m, "grounded").labels.values()) == {UNDEC}


def test_odd_cycle_is_undecided():
    """Three claims in a circle of rebuttals are all UNDEC."""
    m = make(
        ["a", "b", "c"],
        [("rebuttal", "ab", "a", "b"), ("rebuttal", "bc", "b", "c"), ("rebuttal", "ca", "c", "a")],
    )
    assert set(evaluate(m, "grounded").labels.values()) == {UNDEC}


def test_an_outside_attack_breaks_a_cycle():
    """An unattacked claim that rebuts one member of an even cycle decides the cycle."""
    m = make(
        ["a", "b", "x"],
        [("rebuttal", "ab", "a", "b"), ("rebuttal", "ba", "b", "a"), ("rebuttal", "xa", "x", "a")],
    )
    e = evaluate(m, "grounded")
    assert (e.labels["a"], e.labels["b"]) == (OUT, IN)


def test_linked_premise_going_out_sinks_the_support():
    """When one of two linked premises is OUT, the support fails and so does its target."""
    m = make(
        ["t", "a", "b", "c"],
        [("support", "s", ["a", "b"], "t"), ("rebuttal", "cb", "c", "b")],
    )
    e = evaluate(m, "grounded")
    assert (e.labels["b"], e.effective["s"], e.labels["t"]) == (OUT, False, OUT)
    assert e.reasons["s"] == "premise 'b' is out"
    assert e.reasons["t"] == "its only support, 's', fails"


def test_undercut_disables_the_relation_not_the_claims():
    """An effective undercut makes the support OUT while its premise stays IN."""
    m = make(["t", "a", "u"], [("support", "s", "a", "t"), ("rebuttal", "us", "u", "s")])
    e = evaluate(m, "grounded")
    assert (e.labels["a"], e.relation_labels["s"], e.labels["t"]) == (IN, OUT, OUT)
    assert e.reasons["s"] == "undercut 'us' holds against it"


def test_a_supported_claim_needs_one_support():
    """One holding support is enough, even when another fails."""
    m = make(
        ["t", "a", "b", "x"],
        [("support", "sa", "a", "t"), ("support", "sb", "b", "t"), ("rebuttal", "xb", "x", "b")],
    )
    e = evaluate(m, "grounded")
    assert e.labels["t"] == IN
    assert e.reasons["t"] == "support 'sa' holds and nothing attacks it"


def test_an_unsupported_claim_is_a_basic_premise():
    """A claim nothing supports or attacks is IN, and says why."""
    e = evaluate(make(["a"], []), "grounded")
    assert e.labels["a"] == IN
    assert (
        e.reasons["a"] == "accepted as a basic premise (nothing supports it) and nothing attacks it"
    )


def test_circular_support_is_undecided():
    """Claims that only support each other establish nothing: both UNDEC."""
    m = make(["a", "b"], [("support", "ab", "a", "b"), ("support", "ba", "b", "a")])
    assert set(evaluate(m, "grounded").labels.values()) == {UNDEC}


# 5,001 levels are five times the default recursion limit: enough to show any recursion.
@pytest.mark.parametrize("n", [5_001, pytest.param(100_000, marks=pytest.mark.slow)])
def test_a_deep_rebuttal_chain_labels_alternately(n):
    """A chain of thousands of rebuttals labels alternately, with no recursion limit hit."""
    m = make(
        [f"c{i}" for i in range(n)],
        [("rebuttal", f"r{i}", f"c{i + 1}", f"c{i}") for i in range(n - 1)],
    )
    e = evaluate(m)
    assert e.labels["c0"] == (IN if n % 2 else OUT)
    assert e.labels[f"c{n - 1}"] == IN
    assert e.labels[f"c{n - 2}"] == OUT
    assert len(e.cruxes["c0"]) == n // 2
    # Attacked by an unattacked claim of strength 0.5: DF-QuAD 0.5 - 0.5 * 0.5 and the
    # quadratic energy model 0.5 - 0.5 * h(0.5), with h(0.5) = 0.25 / 1.25 = 0.2.
    assert math.isclose(e.gradual["dfquad"].strengths[f"c{n - 2}"], 0.25)
    assert math.isclose(e.strengths[f"c{n - 2}"], 0.4)


# -- DF-QuAD ---------------------------------------------------------------------------------------


@given(structured_maps())
def test_strengths_lie_in_the_unit_interval(m):
    """Every claim and relation strength is in [0, 1], cycles included."""
    e = evaluate(m, "dfquad", max_iterations=50)
    values = [*e.strengths.values(), *e.relation_strengths.values()]
    assert all(0.0 <= v <= 1.0 for v in values)


@given(structured_maps())
def test_untouched_claims_keep_their_base_score(m):
    """A claim no relation targets has its base score (0.5 when none is set)."""
    e = evaluate(m, "dfquad", max_iterations=50)
    for c in m.claims:
        if not m.relations_into(c.id):
            assert e.strengths[c.id] == (0.5 if c.base_score is None else c.base_score)


@given(structured_maps(cyclic=False))
def test_strengths_follow_the_equations(m):
    """On acyclic maps the one-pass strengths equal the iterated equations."""
    e = evaluate(m, "dfquad")
    expected = reference_strengths(m)
    assert e.converged
    assert e.iterations == 0
    for x, v in {**e.strengths, **e.relation_strengths}.items():
        assert math.isclose(v, expected[x], abs_tol=1e-12), x


@given(argument_maps(), st.data())
def test_a_new_support_never_lowers_its_target(m, data):
    """Adding a supporter to a claim of an acyclic map never lowers that claim's strength."""
    target = data.draw(st.sampled_from([c.id for c in m.claims]))
    score = data.draw(st.none() | st.floats(0, 1))
    grown = m.with_claim(Claim("new--claim", "New.", base_score=score)).with_relation(
        Support("new--support", ["new--claim"], target)
    )
    before = evaluate(m, "dfquad").strengths[target]
    assert evaluate(grown, "dfquad").strengths[target] >= before - 1e-12


@given(argument_maps(), st.data())
def test_a_new_rebuttal_never_raises_its_target(m, data):
    """Adding an attacker to a claim of an acyclic map never raises that claim's strength."""
    target = data.draw(st.sampled_from([c.id for c in m.claims]))
    score = data.draw(st.none() | st.floats(0, 1))
    grown = m.with_claim(Claim("new--claim", "New.", base_score=score)).with_relation(
        Rebuttal("new--rebuttal", ["new--claim"], target)
    )
    before = evaluate(m, "dfquad").strengths[target]
    assert evaluate(grown, "dfquad").strengths[target] <= before + 1e-12


def test_dfquad_hand_computed_support_and_attack():
    """Base 0.5, a supporter of base 0.8, an attacker of base 0.4: 0.5 + 0.5 * 0.4 = 0.7."""
    m = make(
        ["t", "s", "a"],
        [("support", "st", "s", "t"), ("rebuttal", "at", "a", "t")],
        scores={"s": 0.8, "a": 0.4},
    )
    assert math.isclose(evaluate(m, "dfquad").strengths["t"], 0.7)


def test_dfquad_hand_computed_two_attackers():
    """Attackers of 0.6 and 0.5 aggregate to 1 - 0.4 * 0.5 = 0.8; 0.5 - 0.5 * 0.8 = 0.1."""
    m = make(
        ["t", "a", "b"],
        [("rebuttal", "at", "a", "t"), ("rebuttal", "bt", "b", "t")],
        scores={"a": 0.6, "b": 0.5},
    )
    assert math.isclose(evaluate(m, "dfquad").strengths["t"], 0.1)


def test_dfquad_linked_premises_multiply():
    """A linked support of premises 0.8 and 0.5 has strength 0.4 and lifts 0.5 to 0.7."""
    m = make(["t", "a", "b"], [("support", "s", ["a", "b"], "t")], scores={"a": 0.8, "b": 0.5})
    e = evaluate(m, "dfquad")
    assert math.isclose(e.relation_strengths["s"], 0.4)
    assert math.isclose(e.strengths["t"], 0.7)


def test_dfquad_undercut_scales_the_relation():
    """An undercut of strength 0.5 halves a support of strength 0.8."""
    m = make(
        ["t", "a", "u"],
        [("support", "s", "a", "t"), ("rebuttal", "us", "u", "s")],
        scores={"a": 0.8},
    )
    e = evaluate(m, "dfquad")
    assert math.isclose(e.relation_strengths["s"], 0.4)
    assert math.isclose(e.strengths["t"], 0.7)


def test_dfquad_balanced_claim_keeps_its_base_score():
    """Equal support and attack leave the base score (DF-QuAD has no discontinuity)."""
    m = make(
        ["t", "s", "a"],
        [("support", "st", "s", "t"), ("rebuttal", "at", "a", "t")],
        scores={"t": 0.3},
    )
    assert math.isclose(evaluate(m, "dfquad").strengths["t"], 0.3)


def test_dfquad_converges_on_an_even_cycle():
    """Two claims of base 0.5 attacking each other settle at 1/3 each."""
    m = make(["a", "b"], [("rebuttal", "ab", "a", "b"), ("rebuttal", "ba", "b", "a")])
    e = evaluate(m, "dfquad")
    assert e.converged
    assert e.iterations > 0
    assert math.isclose(e.strengths["a"], 1 / 3, abs_tol=1e-8)


def test_dfquad_reports_non_convergence():
    """Base scores of 1 on a cycle make the iteration swing between 0 and 1 forever."""
    m = make(
        ["a", "b"],
        [("rebuttal", "ab", "a", "b"), ("rebuttal", "ba", "b", "a")],
        scores={"a": 1.0, "b": 1.0},
    )
    e = evaluate(m, "dfquad", max_iterations=25)
    assert not e.converged
    assert e.iterations == 25


def test_dfquad_deep_chain_strengths():
    """Down a chain of rebuttals of base 0.5 the strengths alternate towards 1/3."""
    n = 60
    m = make(
        [f"c{i}" for i in range(n)],
        [("rebuttal", f"r{i}", f"c{i + 1}", f"c{i}") for i in range(n - 1)],
    )
    assert math.isclose(evaluate(m, "dfquad").strengths["c0"], 1 / 3, abs_tol=1e-9)


# -- cruxes and influence --------------------------------------------------------------------------


def naive_cruxes(m, thesis):
    before = evaluate(m, "grounded", explain=False).labels[thesis]
    found = {}
    for c in m.claims:
        if c.id == thesis:
            continue
        after = evaluate(reject(m, c.id), "grounded", explain=False).labels[thesis]
        if after != before:
            found[c.id] = after
    return found


@given(structured_maps())
def test_cruxes_are_the_claims_whose_rejection_flips_the_thesis(m):
    """Cruxes equal re-evaluating the map once per claim with an unanswered rebuttal."""
    e = evaluate(m, "grounded")
    for t in m.theses:
        assert dict(e.crux_outcomes[t]) == naive_cruxes(m, t)
        assert set(e.cruxes[t]) == set(e.crux_outcomes[t])


@settings(max_examples=15, deadline=None)
@given(st.integers(8, 40), st.integers(1, 4), st.integers(0, 10_000))
def test_cruxes_in_webs_of_attacks(n, degree, seed):
    """In webs of attacks, cruxes still equal re-evaluating the map once per claim.

    There the cruxes spread each change from the claim it starts at.
    """
    m = cyclic_map(n, degree=degree, seed=seed)
    assert dict(evaluate(m, "grounded").crux_outcomes["c0"]) == naive_cruxes(m, "c0")


@given(argument_maps(max_claims=10))
def test_cruxes_on_generated_maps(m):
    """The same, on the library's own valid maps, thesis by thesis."""
    e = evaluate(m, "grounded")
    for t in m.theses:
        assert dict(e.crux_outcomes[t]) == naive_cruxes(m, t)


def test_cruxes_come_most_decisive_first():
    """A flip between IN and OUT ranks before a move to UNDEC, then nearer before farther."""
    m = make(
        ["t", "near", "far", "loop"],
        [
            ("support", "n", "near", "t"),
            ("rebuttal", "f", "far", "near"),
            ("rebuttal", "ff", "loop", "far"),
            ("rebuttal", "fl", "far", "loop"),
            ("rebuttal", "lt", "loop", "t"),
        ],
        theses=["t"],
    )
    e = evaluate(m, "grounded")
    outcome = dict(e.crux_outcomes["t"])
    assert list(e.cruxes["t"]) == sorted(
        outcome, key=lambda c: ({e.labels["t"], outcome[c]} != {IN, OUT}, c != "near")
    )


def test_a_thesis_with_two_independent_supports_has_no_crux():
    """Rejecting either of two holding supports leaves the thesis IN."""
    m = make(["t", "a", "b"], [("support", "sa", "a", "t"), ("support", "sb", "b", "t")])
    assert evaluate(m).cruxes["t"] == ()


@st.composite
def smooth_maps(draw):
    """Generated maps with base scores away from 0 and 1 (so derivatives are smooth)."""
    m = draw(argument_maps(max_claims=8))
    scores = draw(st.lists(st.floats(0.05, 0.95), min_size=len(m.claims), max_size=len(m.claims)))
    claims = [attrs.evolve(c, base_score=s) for c, s in zip(m.claims, scores, strict=True)]
    return attrs.evolve(m, claims=claims)


@given(smooth_maps())
def test_influence_is_the_derivative_of_the_thesis_strength(m):
    """Each influence matches a central finite difference, wherever the slope is smooth."""
    e = evaluate(m, "dfquad")
    h = 1e-6
    for t in m.theses:
        for claim, slope in e.influence[t]:
            c = m.claim(claim)
            up = m.with_claim(attrs.evolve(c, base_score=c.base_score + h))
            down = m.with_claim(attrs.evolve(c, base_score=c.base_score - h))
            here = e.strengths[t]
            right = (evaluate(up, "dfquad", explain=False).strengths[t] - here) / h
            left = (here - evaluate(down, "dfquad", explain=False).strengths[t]) / h
            assume(abs(right - left) < 1e-4)  # a kink: the slope is not defined there
            assert math.isclose(slope, (right + left) / 2, abs_tol=1e-4), claim


def test_influence_names_every_claim_the_thesis_depends_on():
    """Every claim below the thesis gets an entry, largest first, with the right sign."""
    m = argmap.registry.get("example")
    e = evaluate(m)
    ranking = dict(e.influence["bike-lane"])
    assert set(ranking) == {c.id for c in m.claims} - {"bike-lane"}
    sizes = [abs(d) for d in ranking.values()]
    assert sizes == sorted(sizes, reverse=True)
    assert ranking["councils-prevent-harm"] > 0
    assert ranking["cost"] < 0


def test_influence_on_a_cycle_settles():
    """Influence on a cyclic map is found by iteration and agrees with a finite difference."""
    m = make(
        ["t", "a", "b"],
        [("rebuttal", "ab", "a", "b"), ("rebuttal", "ba", "b", "a"), ("support", "at", "a", "t")],
    )
    e = evaluate(m, "dfquad", tolerance=1e-14)
    h = 1e-5
    up = m.with_claim(Claim("a", "Claim a.", base_score=0.5 + h))
    slope = (evaluate(up, "dfquad", tolerance=1e-14).strengths["t"] - e.strengths["t"]) / h
    assert e.converged
    assert math.isclose(dict(e.influence["t"])["a"], slope, abs_tol=1e-4)


# -- the API -------------------------------------------------------------------------------------


def test_semantics_grounded_leaves_strengths_empty():
    """Only what ran is filled in."""
    e = evaluate(make(["a"], []), "grounded")
    assert (dict(e.strengths), dict(e.influence), e.semantics) == ({}, {}, "grounded")
    assert e.labels["a"] == IN


def test_semantics_dfquad_leaves_labels_empty():
    """DF-QuAD alone gives strengths and influence, no labels or cruxes."""
    e = evaluate(make(["a"], []), "dfquad")
    assert (dict(e.labels), dict(e.cruxes), dict(e.reasons)) == ({}, {}, {})
    assert e.strengths["a"] == 0.5


def test_explain_false_skips_the_explanations():
    """Without explain there are no reasons, cruxes or influence."""
    e = evaluate(argmap.registry.get("example"), explain=False)
    assert (dict(e.reasons), dict(e.cruxes), dict(e.influence)) == ({}, {}, {})
    assert e.labels["bike-lane"] == IN


def test_unknown_semantics_is_refused():
    """A misspelt semantics names the ones there are."""
    with pytest.raises(EvaluationError, match="'grounded', 'quadratic', 'dfquad', 'all'"):
        evaluate(make(["a"], []), "preferred")  # type: ignore[arg-type]


@pytest.mark.parametrize(("setting", "value"), [("max_iterations", 0), ("tolerance", -1.0)])
def test_bad_iteration_settings_are_refused(setting, value):
    """The iteration bound and the tolerance must be positive."""
    with pytest.raises(EvaluationError, match=setting):
        evaluate(make(["a"], []), **{setting: value})


@pytest.mark.parametrize(
    "settings", [{"semantics": "nope"}, {"max_iterations": 1.5}, {"tolerance": "0.1"}]
)
def test_bad_settings_are_parameter_errors(settings):
    """Like every bad parameter, a bad setting is a ParameterError (EvaluationError is one)."""
    with pytest.raises(ParameterError) as caught:
        evaluate(make(["a"], []), **settings)
    assert isinstance(caught.value, EvaluationError)


def test_unknown_premise_is_refused_with_validate_s_message():
    """A relation citing a missing claim is an InvalidMapError naming it."""
    m = make(["t"], [("support", "s", "ghost", "t")])
    with pytest.raises(InvalidMapError, match="unknown premise 'ghost'"):
        evaluate(m)


def test_bad_base_score_is_refused():
    """A base score outside [0, 1] cannot be evaluated."""
    with pytest.raises(InvalidMapError, match="base score"):
        evaluate(make(["a"], [], scores={"a": 1.5}))


def test_support_of_a_relation_is_refused():
    """Supports target claims; a support aimed at a relation is refused."""
    m = make(["t", "a", "b"], [("support", "s", "a", "t"), ("support", "x", "b", "s")])
    with pytest.raises(InvalidMapError, match="support 'x' targets relation 's'"):
        evaluate(m)


def test_results_are_read_only_mappings():
    """The mappings in an Evaluation cannot be changed."""
    e = evaluate(make(["a"], []))
    with pytest.raises(TypeError):
        e.labels["a"] = OUT  # type: ignore[index]


def test_evaluation_compares_by_value():
    """Two evaluations of the same map are equal."""
    m = argmap.registry.get("example")
    assert evaluate(m) == evaluate(m)


def test_to_json_holds_what_the_issue_asks():
    """labels, strengths and cruxes, as plain JSON values."""
    data = evaluate(argmap.registry.get("example")).to_json()
    assert data["labels"]["bike-lane"] == "in"
    assert 0.0 <= data["strengths"]["bike-lane"] <= 1.0
    assert isinstance(data["cruxes"]["bike-lane"], list)


def test_every_builtin_map_evaluates(builtin_map):
    """Every claim gets a label and a strength, and every thesis its cruxes and influence."""
    e = evaluate(builtin_map)
    assert set(e.labels) == set(e.strengths) == {c.id for c in builtin_map.claims}
    assert set(e.cruxes) == set(e.influence) == set(builtin_map.theses)
    assert e.converged


@pytest.mark.parametrize("name", argmap.registry.names())
def test_builtin_map_evaluation(golden_json, capsys, name):
    """`argmap evaluate MAP --json` of each built-in map stays as it is, in full.

    Every claim's and relation's label, strength and reason, every thesis's cruxes and
    influence, at the precision the JSON output has (tests/golden/evaluate/MAP.json).
    """
    from argmap.cli import main

    assert main(["evaluate", name, "--json"]) == 0
    golden_json(f"evaluate/{name}.json", capsys.readouterr().out)


def test_builtin_map_verdicts(golden, builtin_map):
    """Each built-in map's report stays as it is (the layout; the JSON golden has the values).

    The report shows the theses only, ten rows of cruxes and influence each, strengths to
    three decimals: test_builtin_map_evaluation checks every value at full precision.
    """
    from argmap.render.terminal import report as describe

    text = describe(builtin_map, evaluate(builtin_map))
    golden(f"evaluate/{builtin_map.id}.txt", text)


def test_a_random_large_map_matches_the_reference():
    """A 300-claim map with every structure evaluates like the reference implementations."""
    rng = random.Random(7)  # noqa: S311 - seeded test data, not cryptography
    n = 300
    claims = [f"c{i}" for i in range(n)]
    relations = []
    for i in range(1, n):
        for k in range(rng.choice([1, 2, 3])):
            rid = f"r{i}-{k}"
            if relations and rng.random() < 0.1:
                relations.append(("rebuttal", rid, [claims[i]], rng.choice(relations)[1]))
                continue
            premises = [claims[i]] + ([claims[rng.randrange(n)]] if rng.random() < 0.1 else [])
            kind = rng.choice(["support", "rebuttal"])
            relations.append((kind, rid, list(dict.fromkeys(premises)), claims[rng.randrange(n)]))
    m = make(claims, relations)
    e = evaluate(m, max_iterations=300)
    assert {**e.labels, **e.relation_labels} == kleene_labels(m)


# -- the command line ------------------------------------------------------------------------------


def run_cli(capsys, *args):
    from argmap.cli import main

    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_evaluate_prints_each_thesis(capsys):
    """The human output gives the thesis's label, strength, reason and cruxes."""
    code, out, _ = run_cli(capsys, "evaluate", "example")
    assert code == 0
    assert "thesis 'bike-lane': grounded: IN · QE: 0.495 · DF-QuAD: 0.562" in out
    assert "why: support from 'councils-prevent-harm' holds" in out
    assert "'councils-prevent-harm' -> thesis OUT" in out


def test_cli_evaluate_json(capsys):
    """--json gives at least labels, strengths and cruxes, as the issue specifies."""
    import json

    code, out, _ = run_cli(capsys, "evaluate", "example", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["labels"]["cost"] == "out"
    assert data["strength_semantics"] == "quadratic"
    assert data["strengths"]["cost"] == 0.4
    assert data["gradual"]["dfquad"]["strengths"]["cost"] == 0.25
    assert data["cruxes"]["bike-lane"] == ["councils-prevent-harm", "customers-walk", "grant"]


def test_cli_evaluate_one_semantics(capsys):
    """--semantics grounded leaves the strengths out of the JSON."""
    import json

    code, out, _ = run_cli(capsys, "evaluate", "example", "--semantics", "grounded", "--json")
    data = json.loads(out)
    assert (code, data["strengths"], data["semantics"]) == (0, {}, "grounded")


def test_cli_evaluate_warns_when_dfquad_does_not_settle(capsys, tmp_path):
    """A cycle that never settles is reported on stderr; the exit status stays 0."""
    m = make(
        ["a", "b"],
        [("rebuttal", "ab", "a", "b"), ("rebuttal", "ba", "b", "a")],
        scores={"a": 1.0, "b": 1.0},
    )
    path = tmp_path / "cycle.json"
    argmap.dump(m, path)
    code, out, err = run_cli(capsys, "evaluate", path, "--semantics", "dfquad")
    assert code == 0
    assert "NOT converged" in out
    assert err.startswith("argmap: warning: DF-QuAD did not settle")


def test_cli_evaluate_bad_map_is_one_line(capsys, tmp_path):
    """A map that cannot be read is one error line and exit status 1."""
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    code, out, err = run_cli(capsys, "evaluate", path)
    assert (code, out) == (1, "")
    assert err.startswith("argmap: error:")
    assert "Traceback" not in err


@given(argument_maps(), st.integers(min_value=40, max_value=120))
def test_report_lines_fit_the_width(m, width):
    """Every line of the report fits the width, unless it is one id too long to split."""
    from argmap.render.terminal import report as describe

    for line in describe(m, evaluate(m), width).splitlines():
        assert len(line) <= width or " " not in line.strip(), line


def test_report_of_a_hand_built_evaluation():
    """An evaluation built by hand, its influence without a named semantics, reports."""
    from argmap.render.terminal import report as describe

    m = argmap.registry.get("example")
    thesis = m.theses[0]
    e = attrs.evolve(evaluate(m, "grounded"), influence={thesis: (("cost", -0.25),)})
    out = describe(m, e, 80)
    assert "what moves its strength most" in out
    assert "-0.250" in out


def test_cli_report_width(capsys):
    """argmap evaluate --width wraps the report; a width under 40 is a usage error."""
    from argmap.cli import main

    assert main(["evaluate", "stair-blueprint", "--width", "60"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines() if " " in line.strip()) <= 60
    assert main(["evaluate", "example", "--width", "20"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: argmap evaluate ")  # the verb's own usage line
    assert err.endswith("argmap: error: evaluate: --width must be at least 40, not 20\n")
