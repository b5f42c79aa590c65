"""The five article maps and the synthesis: structure a reader can trust.

(That every quote occurs verbatim in its article is checked by `argmap check --source`
in .ci/run, where the articles are at hand; these tests do not read them.)
"""

import pytest

from argmap import Polarity, Verdict, registry, validate
from arguments._common import ARTICLES, DESIRABLE, LIKELY

SYNTHESIS = "asian-nato"
ALL_MAPS = [*ARTICLES, SYNTHESIS]


@pytest.fixture(params=ALL_MAPS)
def article_map(request):
    return registry.get(request.param)


def test_every_article_map_is_registered():
    """The five articles and the synthesis are built-in maps."""
    assert set(ALL_MAPS) <= set(registry.names())


def test_both_theses_with_verdicts(article_map):
    """Each map has the two shared theses, as claims, with a verdict on each."""
    assert article_map.theses == (DESIRABLE, LIKELY)
    for thesis in (DESIRABLE, LIKELY):
        assert article_map.claim(thesis).quotes == ()
        assert thesis in article_map.verdicts


def test_argued_theses_have_pro_and_con(article_map):
    """Every thesis a map argues has claims on its side and claims against it."""
    for thesis in article_map.theses:
        if article_map.verdicts[thesis] is Verdict.NOT_ARGUED:
            continue
        sides = set(article_map.polarity(thesis).values())
        assert {Polarity.PRO, Polarity.CON} <= sides | {Polarity.BOTH}, thesis
        assert article_map.pros(thesis) or article_map.cons(thesis)


def test_no_problem_at_all(article_map):
    """No errors, no warnings: in particular no claim bears on no thesis."""
    assert validate(article_map) == ()


def test_maps_are_substantial(article_map):
    """A map of ten claims has missed most of its article."""
    assert len(article_map.claims) >= 25


def test_structure_is_used(article_map):
    """Rebuttals, and chains of reasons deeper than one level, are there."""
    assert any(r.kind == "rebuttal" for r in article_map.relations)
    assert article_map.depth >= 2


def test_quotes_come_from_the_article(article_map):
    """An article map quotes only its own article, which is its one source."""
    if article_map.id == SYNTHESIS:
        return
    assert [s.id for s in article_map.sources] == [article_map.id]
    for claim in article_map.claims:
        assert {q.source for q in claim.quotes} <= {article_map.id}


def test_implicit_and_explicit_claims(article_map):
    """Implicit claims quote nothing; every other claim but the theses quotes its source."""
    for claim in article_map.claims:
        if claim.implicit:
            assert claim.quotes == (), claim.id
        elif claim.id not in article_map.theses:
            assert claim.quotes, claim.id


def test_synthesis_cites_all_five():
    """The synthesis lists the five articles and quotes each of them."""
    m = registry.get(SYNTHESIS)
    assert {s.id for s in m.sources} == set(ARTICLES)
    quoted = {q.source for c in m.claims for q in c.quotes}
    assert quoted == set(ARTICLES)


def test_synthesis_merges_shared_points():
    """Points several articles make are one claim with several sources."""
    m = registry.get(SYNTHESIS)
    shared = [c for c in m.claims if len(m.sources_of(c.id)) >= 2]
    assert len(shared) >= 5
