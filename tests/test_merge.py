"""merge(): shared points once, nothing lost, the first map's wording first."""

import attrs
from hypothesis import assume, given

from argmap import MapBuilder, validate
from argmap.merge import merge, provenance
from argmap.strategies import argument_maps


def ids(m):
    return {c.id for c in m.claims} | {r.id for r in m.relations}


@given(argument_maps())
def test_merging_one_map_keeps_it(m):
    """A map merged on its own keeps its claims, relations, theses and sources."""
    merged = merge([m], id=m.id, title=m.title, description=m.description)
    assert [attrs.evolve(c, meta={}) for c in merged.claims] == [
        attrs.evolve(c, meta={}) for c in m.claims
    ]
    assert merged.relations == m.relations
    assert merged.theses == m.theses
    assert merged.sources == m.sources
    assert dict(merged.verdicts) == dict(m.verdicts)


@given(argument_maps())
def test_merging_is_idempotent(m):
    """Merging a map with itself gives the map merged alone."""
    once = merge([m], id="x", title="X")
    twice = merge([m, m], id="x", title="X")
    assert twice.relations == once.relations
    assert [c.quotes for c in twice.claims] == [c.quotes for c in once.claims]


@given(argument_maps(), argument_maps())
def test_disjoint_maps_merge_into_a_sound_map(a, b):
    """Two maps with no id and no source in common merge with no problem and no loss."""
    assume(not ids(a) & ids(b))
    assume(not {s.id for s in a.sources} & {s.id for s in b.sources})
    merged = merge([a, b], id="x", title="X")
    assert validate(merged) == ()
    assert len(merged.claims) == len(a.claims) + len(b.claims)
    assert len(merged.relations) == len(a.relations) + len(b.relations)


def article(name, quote, *, extra=False):
    b = MapBuilder(name, name)
    b.source(name, f"The {name} article")
    t = b.thesis("t", "The thesis.", verdict="for" if extra else "against")
    china = b.claim("china-opposes", f"China opposes it ({name}).", quote=quote)
    china.rebuts(t)
    if extra:
        b.claim("beijing-warned", "Beijing warned Tokyo.", quote="warned").supports(china)
    return b.build()


def test_shared_claims_keep_every_quote_and_provenance():
    """A point two maps make is one claim with both quotes and both map ids."""
    m = merge([article("a", "objects"), article("b", "said no", extra=True)], id="m", title="M")
    claim = m.claim("china-opposes")
    assert [q.text for q in claim.quotes] == ["objects", "said no"]
    assert claim.text == "China opposes it (a)."
    assert provenance(m, "china-opposes") == ("a", "b")
    assert len(m.cons("t")) == 1
    assert validate(m) == ()


def test_aliases_and_texts():
    """aliases fold differently named claims together; texts set the merged wording."""
    a = article("a", "objects")
    b = article("b", "said no").without_claim("china-opposes")
    bb = MapBuilder.from_map(b)
    bb.claim("beijing-against", "Beijing is against it.", quote="no").rebuts("t")
    m = merge(
        [a, bb.build()],
        id="m",
        title="M",
        aliases={"beijing-against": "china-opposes"},
        texts={"china-opposes": "China opposes an alliance."},
    )
    assert m.claim("china-opposes").text == "China opposes an alliance."
    assert m.sources_of("china-opposes") == ("a", "b")
    assert "beijing-against" not in m


def test_verdicts_that_differ_become_mixed():
    """The merged verdict is the common one, or mixed; each map's own is in meta."""
    m = merge([article("a", "x"), article("b", "y", extra=True)], id="m", title="M")
    assert m.verdicts["t"] == "mixed"
    assert m.meta["verdicts"]["t"] == {"a": "against", "b": "for"}


def test_linked_premises_in_another_order_are_one_relation():
    """A linked argument with reordered premises folds into one, keeping undercuts of either."""
    first = MapBuilder("a", "A")
    first.source("a", "A")
    t = first.thesis("t", "T.")
    first.linked(first.claim("p", "P.", quote="p"), first.claim("q", "Q.", quote="q")).supports(
        t, id="pq"
    )
    second = MapBuilder("b", "B")
    second.source("b", "B")
    t = second.thesis("t", "T.")
    qp = second.linked(
        second.claim("q", "Q.", quote="q2"), second.claim("p", "P.", quote="p2")
    ).supports(t, id="qp")
    second.claim("u", "U.", quote="u").undercuts(qp, id="u-qp")
    m = merge([first.build(), second.build()], id="m", title="M")
    assert [r.id for r in m.relations] == ["pq", "u-qp"]
    assert m.relation("u-qp").target == "pq"
    assert validate(m) == ()
