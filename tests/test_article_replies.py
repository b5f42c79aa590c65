"""Replies in the article maps answer what they answer, and hedges stay hedges (issue 17).

Each test pins one reading of an article that a review found wired wrongly: the author's
reply to an objection is an attack on that objection (or on the inference it attacks), not
a separate reason for the thesis, and a hedge qualifies a claim instead of objecting to it.
"""

import pytest

from argmap import registry
from arguments._common import DESIRABLE, LIKELY


def _relation(m, premises, target):
    """The one relation from exactly ``premises`` to ``target``."""
    found = [r for r in m.relations if set(r.premises) == set(premises) and r.target == target]
    assert len(found) == 1, (premises, target)
    return found[0]


def _attackers(m, target):
    """The premise sets of every rebuttal or undercut aimed at ``target``."""
    return {
        frozenset(r.premises) for r in m.relations if r.kind == "rebuttal" and r.target == target
    }


@pytest.fixture(scope="module")
def dream():
    return registry.get("remain-a-dream")


@pytest.fixture(scope="module")
def stair():
    return registry.get("stair-blueprint")


def test_dream_answers_both_arguments_of_the_supporters(dream):
    """The author's "However, ... split alliances" answers both of the supporters' arguments."""
    strongest = _relation(dream, ["deters-china", "china-threat-growing"], DESIRABLE)
    mandate = _relation(dream, ["only-mandate-deters"], DESIRABLE)
    for argument in (strongest, mandate):
        assert frozenset({"splits-alliances"}) in _attackers(dream, argument.id), argument.id
    # The answer grants that a strong alliance deters; it attacks no claim of the supporters.
    assert not {r.target for r in dream.relations_from("splits-alliances")} & {
        "deters-china",
        "only-mandate-deters",
    }


def test_dream_answers_too_weak_against_its_recommendation(dream):
    """The supporters' "too weak" is answered by "balance deterrence with de-escalation"."""
    objection = _relation(dream, ["flexible-commitments-too-weak"], "smaller-partnerships-better")
    assert objection.kind == "rebuttal"
    assert frozenset({"balance-deterrence-deescalation"}) in _attackers(dream, objection.id)


def test_dream_keeps_the_authors_could_apart_from_the_supporters_would(dream):
    """The author's hedged "If successful, ... could" is kept apart from the supporters' claim."""
    own = dream.claim("could-stabilise-if-successful")
    reported = dream.claim("deters-china")
    assert own.qualifier
    assert all("If successful" not in q.text for q in reported.quotes)
    assert all("Those who support" not in q.text for q in own.quotes)


def test_stair_answers_chinas_objection(stair):
    """The security-dilemma passage undercuts China's objection; it is no separate support."""
    objection = _relation(stair, ["china-opposes"], DESIRABLE)
    reply = frozenset({"security-dilemma-risk", "transparency-defuses-dilemma"})
    assert reply in _attackers(stair, objection.id)
    assert not any(
        r.kind == "support" and r.target == DESIRABLE and set(r.premises) & reply
        for r in stair.relations
    )


def test_stair_public_sentiment_weakens_the_inference(stair):
    """Public opinion ("the tide is turning") grants the hurdles and undercuts their weight."""
    hurdle = _relation(stair, ["domestic-hurdles"], "obstacles-daunting")
    assert frozenset({"public-sentiment-shifting"}) in _attackers(stair, hurdle.id)
    assert frozenset({"public-sentiment-shifting"}) not in _attackers(stair, "domestic-hurdles")


def test_stair_unpredictable_is_a_qualifier_not_an_objection(stair):
    """The essay's "still unpredictable" qualifies the claim it opens and attacks nothing."""
    hedged = [c for c in stair.claims if any("unpredictable" in q.text for q in c.quotes)]
    assert hedged
    for claim in hedged:
        assert "unpredictable" in claim.qualifier, claim.id
        assert all(r.kind == "support" for r in stair.relations_from(claim.id)), claim.id
    assert all(
        not any("unpredictable" in q.text for p in r.premises for q in stair.claim(p).quotes)
        for r in stair.relations_into(LIKELY)
        if r.kind == "rebuttal"
    )
