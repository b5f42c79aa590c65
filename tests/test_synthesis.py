"""The synthesis map `asian-nato`: provenance, split merges, routed cases, disputes, verdicts."""

from collections import Counter

import attrs
import pytest

from argmap import registry
from argmap.merge import provenance
from arguments._common import ARTICLES, DESIRABLE, LIKELY
from arguments.asian_nato import ALIASES, HUBS, MAP_ID, RENAMES

#: The claims two or more articles make, each reviewed against the articles (see the
#: module docstring of arguments/asian_nato.py). A new shared id in an article map must be
#: read before it is merged: a merge must not widen what an article says.
MERGED = {
    DESIRABLE,
    LIKELY,
    "article5-commitment",
    "asian-nato-needs-us",
    "china-opposes",
    "china-threat-growing",
    "deters-china",
    "india-strategic-autonomy",
    "ishiba-proposed",
    "japan-active-leadership",
    "japan-breaks-constitution-limits",
    "japan-constitution-limits",
    "ldp-weakened",
    "north-korea-threat",
    "regional-stability",
    "us-alliances-bilateral",
    "us-attention-divided",
    "us-cementing-united-front",
    "us-wants-asian-nato",
}


@pytest.fixture(scope="module")
def synthesis():
    return registry.get("asian-nato")


@pytest.fixture(scope="module")
def articles():
    return {name: registry.get(name) for name in ARTICLES}


def synthesis_id(article, claim_id):
    """The id an article's claim has in the synthesis."""
    claim_id = RENAMES.get(article, {}).get(claim_id, claim_id)
    return ALIASES.get(claim_id, claim_id)


def added(m, id_):
    return MAP_ID in provenance(m, id_)


def test_every_relation_names_its_articles_or_is_marked_added(synthesis):
    """Each relation records the article maps it came from, or the synthesis itself."""
    for r in synthesis.relations:
        maps = provenance(synthesis, r.id)
        assert maps, r.id
        assert set(maps) <= {*ARTICLES, MAP_ID}, r.id
    assert any(added(synthesis, r.id) for r in synthesis.relations)
    assert any(not added(synthesis, r.id) for r in synthesis.relations)


def test_every_claim_names_its_articles_or_is_marked_added(synthesis):
    """Each claim records the article maps it came from; only the hubs are the synthesis's own."""
    own = {c.id for c in synthesis.claims if provenance(synthesis, c.id) == (MAP_ID,)}
    assert own == {h for h, (_, _, text, _) in HUBS.items() if text is not None}
    for c in synthesis.claims:
        assert set(provenance(synthesis, c.id)) <= {*ARTICLES, MAP_ID}, c.id


def test_each_article_keeps_its_side_of_every_claim(synthesis, articles):
    """Through its own relations in the synthesis, each article argues each claim as it does.

    No relation is lost, and none is given to an article it is not from.
    """
    for name, article in articles.items():
        own = attrs.evolve(
            synthesis,
            relations=[r for r in synthesis.relations if name in provenance(synthesis, r.id)],
        )
        for thesis in article.theses:
            want = {synthesis_id(name, c): p for c, p in article.polarity(thesis).items()}
            got = {
                c: p
                for c, p in own.polarity(thesis).items()
                if c in want or name in provenance(synthesis, c)
            }
            assert got == want, (name, thesis)


def test_merged_claims_are_the_reviewed_ones(synthesis):
    """Exactly the reviewed claims come from two or more articles."""
    shared = {
        c.id for c in synthesis.claims if len(set(provenance(synthesis, c.id)) & set(ARTICLES)) >= 2
    }
    assert shared == MERGED


def test_split_claims_keep_their_own_article(synthesis):
    """A claim renamed apart comes from its article alone and quotes only that article."""
    for article, table in RENAMES.items():
        for new in table.values():
            assert provenance(synthesis, new) == (article,), new
            assert set(synthesis.sources_of(new)) == {article}, new


def test_aliases_fold_points_of_different_articles(synthesis):
    """Each alias is gone as a claim, and the claim it folds into comes from two articles."""
    for alias, target in ALIASES.items():
        assert alias not in synthesis.claims_by_id
        assert len(provenance(synthesis, target)) >= 2, target


def test_theses_hang_few_inputs(synthesis):
    """Each article's case reaches the theses through the lines of argument, not one by one."""
    for thesis in synthesis.theses:
        assert len(synthesis.relations_into(thesis)) <= 12, thesis


def test_routed_relations_say_where_they_pointed(synthesis):
    """A relation routed through a line of argument records, per article, its old target."""
    routed = [r for r in synthesis.relations if "rerouted" in r.meta]
    assert routed
    for r in routed:
        assert set(r.meta["rerouted"]) <= set(provenance(synthesis, r.id)), r.id
        assert set(r.meta["rerouted"].values()) <= {DESIRABLE, LIKELY}, r.id


def test_added_attacks_are_mutual_or_say_why(synthesis):
    """A dispute between articles runs both ways, or the one-way answer says why in its note.

    Both ways: mutual rebuttals, or an attack and the other side's answer to it.
    """
    for r in synthesis.relations:
        if r.kind != "rebuttal" or provenance(synthesis, r.id) != (MAP_ID,):
            continue
        mutual = not synthesis.is_undercut(r) and any(
            back.kind == "rebuttal" and back.premises == (r.target,)
            for back in synthesis.relations_into(r.premises[0])
        )
        answered = bool(synthesis.undercuts(r.id))
        answers = r.target in synthesis.relations_by_id and added(synthesis, r.target)
        assert mutual or answered or answers or r.meta.get("note"), r.id


def test_added_relations_cross_articles(synthesis):
    """Each relation the synthesis adds between articles is labelled and crosses articles.

    Its premises bring in an article that its target lacks.
    """
    hubs = set(HUBS)
    for r in synthesis.relations:
        if provenance(synthesis, r.id) != (MAP_ID,) or hubs & {*r.premises, r.target}:
            continue
        assert r.label, r.id
        # For an undercut, the attacked inference: the articles it comes from.
        premise_maps = {m for p in r.premises for m in provenance(synthesis, p)}
        assert premise_maps - set(provenance(synthesis, r.target)), r.id


def test_japan_us_shift_undercuts_an_undercut(synthesis):
    """ANKASAM's bilateral turn undercuts Zaobao's answer to the Trump risk."""
    shift = synthesis.relations_from("japan-us-shift-bilateral")
    (r,) = [r for r in shift if added(synthesis, r.id)]
    answered = synthesis.relation(r.target)
    assert synthesis.is_undercut(answered)
    assert answered.premises == ("front-locked-in-before-election",)


def test_nothing_attacks_a_feasibility_premise_with_a_vision(synthesis):
    """STAIR's 'third option' (what the alliance should be) is not set against its feasibility."""
    assert not [r for r in synthesis.relations_from("third-option") if r.kind == "rebuttal"]


def test_no_argument_twice(synthesis):
    """No two relations share kind, premises (in any order) and target."""
    shapes = Counter((r.kind, frozenset(r.premises), r.target) for r in synthesis.relations)
    assert max(shapes.values()) == 1


def test_verdicts_of_articles_and_synthesis(synthesis):
    """Each article's verdict is kept, and the synthesis gives its own on both theses."""
    for thesis in (DESIRABLE, LIKELY):
        assert set(synthesis.meta["verdicts"][thesis]) == set(ARTICLES)
        assert synthesis.verdicts[thesis].value == "mixed"


def test_provenance_survives_json(synthesis):
    """Written to JSON and read back, every claim and relation names the same maps."""
    from argmap.io import json as argmap_json

    back = argmap_json.loads(argmap_json.dumps(synthesis))
    for item in (*synthesis.claims, *synthesis.relations):
        assert provenance(back, item.id) == provenance(synthesis, item.id), item.id
