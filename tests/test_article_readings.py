"""Article maps read as their articles argue (issue 17): conclusions carried, hedges kept as hedges.

Each entry names a passage of an article by a few of its words, so the tests need no copy
of the articles (`argmap check --source` checks that the quotes are verbatim).
"""

import pytest

from argmap import Polarity, registry
from arguments._common import LIKELY

#: The article's own conclusions: (map, thesis, words of the passage, side of the thesis the
#: claim quoting it must be on).
CONCLUSIONS = [
    ("joongang-squad", LIKELY, "is beginning to take shape", Polarity.PRO),
    (
        "zaobao-united-front",
        LIKELY,
        "push for a multilateral security mechanism akin to NATO",
        Polarity.PRO,
    ),
    ("political-rhetoric", LIKELY, "appears to be limited", Polarity.CON),
    ("political-rhetoric", LIKELY, "is considered highly unlikely", Polarity.CON),
    ("political-rhetoric", LIKELY, "likely to remain a political rhetoric", Polarity.CON),
    ("political-rhetoric", LIKELY, "strengthens a multipolar order", Polarity.CON),
]

#: Passages that are nothing but a hedge: (map, words of the hedge). Each is the qualifier
#: of a claim, and no claim that quotes it attacks anything. (A hedged conclusion such as
#: "appears to be limited" may attack: it is checked in CONCLUSIONS.)
HEDGES = [
    ("joongang-squad", "while still informal"),
    ("joongang-squad", "the coming months will reveal"),
    ("joongang-squad", "though still vague"),
    ("zaobao-united-front", "remains to be seen"),
]


def _quoting(m, words):
    return [c for c in m.claims if any(words.lower() in q.text.lower() for q in c.quotes)]


@pytest.mark.parametrize(("map_id", "thesis", "words", "side"), CONCLUSIONS)
def test_article_conclusions_are_carried(map_id, thesis, words, side):
    """A claim quotes the conclusion and is on the side of the thesis the article takes."""
    m = registry.get(map_id)
    polarity = m.polarity(thesis)
    claims = _quoting(m, words)
    assert claims, f"no claim of {map_id!r} quotes {words!r}"
    assert any(polarity.get(c.id) is side for c in claims), [c.id for c in claims]


@pytest.mark.parametrize(("map_id", "words"), HEDGES)
def test_hedges_are_qualifiers_not_objections(map_id, words):
    """The hedge qualifies a claim; no claim quoting it is the premise of an attack."""
    m = registry.get(map_id)
    assert any(words in c.qualifier.lower() for c in m.claims), words
    for c in _quoting(m, words):
        attacks = [r.id for r in m.relations_from(c.id) if r.kind != "support"]
        assert not attacks, (c.id, attacks)


#: Concessions ("although X, ..."; "X but Y"): (map, words of X). The claim quoting X is an
#: objection the author answers, so every attack it makes is itself undercut or rebutted.
CONCESSIONS = [
    ("zaobao-united-front", "although US attention is often distracted"),
    ("zaobao-united-front", "Russia’s threat to the US is also quite significant"),
    ("joongang-squad", "traditionally nonaligned"),
]


@pytest.mark.parametrize(("map_id", "words"), CONCESSIONS)
def test_concessions_are_answered(map_id, words):
    """A conceded objection attacks something, and the author's answer attacks it in turn."""
    m = registry.get(map_id)
    claims = _quoting(m, words)
    attacks = [r for c in claims for r in m.relations_from(c.id) if r.kind != "support"]
    assert attacks, words
    for r in attacks:
        assert m.undercuts(r.id) or any(m.cons(p) for p in r.premises), r.id
