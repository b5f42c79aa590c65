"""The authoring API: short to write, strict about ids, always a validated map."""

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from argmap import (
    ArgmapError,
    DuplicateIdError,
    InvalidMapError,
    MapBuilder,
    Rebuttal,
    Support,
    validate,
)


def small() -> MapBuilder:
    b = MapBuilder("m", "A map")
    b.source("src", "A source")
    b.thesis("t", "The thesis.", verdict="for")
    return b


def test_linked_premises_form_one_relation():
    """b.linked(a, b).supports(t) makes one support with two premises."""
    b = small()
    a = b.claim("a", "A.", quote="a")
    c = b.claim("c", "C.", quote="c")
    ref = b.linked(a, c).supports("t")
    m = b.build()
    rel = m.relation(ref.id)
    assert isinstance(rel, Support)
    assert rel.premises == ("a", "c")
    assert rel.linked


def test_convergent_premises_are_separate_relations():
    """Two premises stated separately support independently."""
    b = small()
    b.claim("a", "A.", quote="a").supports("t")
    b.claim("c", "C.", quote="c").supports("t")
    assert [r.premises for r in b.build().pros("t")] == [("a",), ("c",)]


def test_undercut_targets_the_relation():
    """claim.undercuts(relation) makes a rebuttal whose target is the relation."""
    b = small()
    s = b.claim("a", "A.", quote="a").supports("t")
    u = b.claim("u", "U.", quote="u").undercuts(s)
    m = b.build()
    rel = m.relation(u.id)
    assert isinstance(rel, Rebuttal)
    assert rel.target == s.id
    assert m.is_undercut(rel)


def test_undercut_of_a_claim_is_refused():
    """undercut() aimed at a claim is an error at build time, with a hint."""
    b = small()
    b.claim("a", "A.", quote="a").undercuts("t")
    with pytest.raises(InvalidMapError, match="use rebut"):
        b.build()


def test_quotes_default_to_the_first_source():
    """quote= uses the first source unless source= says otherwise."""
    b = small()
    b.source("other", "Another")
    b.claim("a", "A.", quote=["x", "y"]).supports("t")
    b.claim("c", "C.", quote="z", source="other").supports("t")
    m = b.build()
    assert [q.source for q in m.claim("a").quotes] == ["src", "src"]
    assert m.sources_of("c") == ("other",)


def test_quote_without_source_is_an_error():
    """A quote needs a source to come from."""
    b = MapBuilder("m", "M")
    with pytest.raises(ArgmapError, match="no source"):
        b.claim("a", "A.", quote="x")


def test_duplicate_ids_fail_at_once():
    """Reusing a claim or relation id raises where it happens."""
    b = small()
    b.claim("a", "A.", quote="a").supports("t", id="r")
    with pytest.raises(DuplicateIdError, match="'a'"):
        b.claim("a", "again")
    with pytest.raises(DuplicateIdError, match="'r'"):
        b.support("a", "t", id="r")


def test_forward_references_resolve_at_build():
    """A relation may name a claim written later."""
    b = small()
    b.support("later", "t")
    b.claim("later", "Later.", quote="l")
    assert validate(b.build()) == ()


def test_build_lists_every_error():
    """build() raises one error that lists all problems."""
    b = small()
    b.support("ghost", "t")
    b.rebut("t", "phantom")
    with pytest.raises(InvalidMapError) as info:
        b.build()
    codes = {p.code for p in info.value.problems}
    assert codes == {"unknown-premise", "unknown-target"}
    assert "'ghost'" in str(info.value)
    assert "'phantom'" in str(info.value)


def test_strict_refuses_warnings():
    """build(strict=True) refuses a claim that bears on no thesis."""
    b = small()
    b.claim("loose", "Loose.", quote="l")
    assert b.build()  # a warning only
    with pytest.raises(InvalidMapError, match="bears on no thesis"):
        b.build(strict=True)


def test_auto_ids_are_readable_and_unique():
    """Relation ids read premise--verb--target and never collide."""
    b = small()
    a = b.claim("a", "A.", quote="a")
    first = a.supports("t")
    second = a.supports("t")
    assert first.id == "a--supports--t"
    assert second.id == "a--supports--t-2"


def test_from_map_edits_a_copy():
    """MapBuilder.from_map continues a map without touching it."""
    b = small()
    b.claim("a", "A.", quote="a").supports("t")
    m = b.build()
    b2 = MapBuilder.from_map(m)
    b2.claim("c", "C.", quote="c").rebuts("a")
    m2 = b2.build()
    assert len(m2.claims) == len(m.claims) + 1
    assert "c" not in m


class BuilderMachine(RuleBasedStateMachine):
    """Any sequence of builder calls gives a map holding exactly what was added."""

    def __init__(self) -> None:
        super().__init__()
        self.b = small()
        self.claims = ["t"]
        self.relations: list[str] = []

    @rule(data=st.data(), kind=st.sampled_from(["support", "rebut"]))
    def add_claim_and_relation(self, data, kind):
        cid = f"c{len(self.claims)}"
        ref = self.b.claim(cid, f"Claim {cid}.", quote=cid)
        target = data.draw(st.sampled_from(self.claims))
        rel = ref.supports(target) if kind == "support" else ref.rebuts(target)
        self.claims.append(cid)
        self.relations.append(rel.id)

    @precondition(lambda self: self.relations)
    @rule(data=st.data())
    def undercut(self, data):
        cid = f"c{len(self.claims)}"
        target = data.draw(st.sampled_from(self.relations))
        rel = self.b.claim(cid, "An undercutter.", quote=cid).undercuts(target)
        self.claims.append(cid)
        self.relations.append(rel.id)

    @precondition(lambda self: len(self.claims) > 2)
    @rule(data=st.data())
    def linked(self, data):
        premises = data.draw(
            st.lists(st.sampled_from(self.claims[1:]), min_size=2, max_size=3, unique=True)
        )
        # Target an older claim than every premise, so no circle of support forms.
        oldest = min(self.claims.index(p) for p in premises)
        target = self.claims[data.draw(st.integers(0, oldest - 1))]
        rel = self.b.linked(*premises).rebuts(target)
        self.relations.append(rel.id)

    @invariant()
    def builds_what_was_added(self):
        m = self.b.build(strict=True)
        assert [c.id for c in m.claims] == self.claims
        assert [r.id for r in m.relations] == self.relations


TestBuilderMachine = BuilderMachine.TestCase
