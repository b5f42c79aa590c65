"""The synthesis map `asian-nato`: folded points, cross-article disagreements, verdicts."""

from collections import Counter

import pytest

from argmap import registry
from argmap.merge import provenance
from arguments._common import ARTICLES, DESIRABLE, LIKELY
from arguments.asian_nato import ALIASES


@pytest.fixture(scope="module")
def synthesis():
    return registry.get("asian-nato")


@pytest.fixture(scope="module")
def article_relation_ids():
    return {r.id for name in ARTICLES for r in registry.get(name).relations}


def test_aliases_fold_points_of_different_articles(synthesis):
    """Each alias is gone as a claim, and the claim it folds into comes from two articles."""
    for alias, target in ALIASES.items():
        assert alias not in synthesis.claims_by_id
        assert len(provenance(synthesis, target)) >= 2, target


def test_added_relations_cross_articles(synthesis, article_relation_ids):
    """Every relation the synthesis adds is labelled and brings in an article the target lacks."""
    added = [r for r in synthesis.relations if r.id.split("@")[0] not in article_relation_ids]
    assert added
    for r in added:
        assert r.label, r.id
        target = r.target
        while target in synthesis.relations_by_id:  # an undercut: the attacked inference
            target = synthesis.relation(target).premises[0]
        premise_maps = {m for p in r.premises for m in provenance(synthesis, p)}
        assert premise_maps - set(provenance(synthesis, target)), r.id


def test_no_argument_twice(synthesis):
    """No two relations share kind, premises (in any order) and target."""
    shapes = Counter((r.kind, frozenset(r.premises), r.target) for r in synthesis.relations)
    assert max(shapes.values()) == 1


def test_verdicts_of_articles_and_synthesis(synthesis):
    """Each article's verdict is kept, and the synthesis gives its own on both theses."""
    for thesis in (DESIRABLE, LIKELY):
        assert set(synthesis.meta["verdicts"][thesis]) == set(ARTICLES)
        assert synthesis.verdicts[thesis].value == "mixed"
