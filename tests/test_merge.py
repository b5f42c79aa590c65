"""merge(): shared points once, nothing lost, the first map's wording first, provenance."""

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from argmap import ArgmapError, Claim, MapBuilder, Rebuttal, Support, validate
from argmap.merge import mark_added, merge, provenance, reroute, source_maps
from argmap.strategies import argument_maps


def ids(m):
    return {c.id for c in m.claims} | {r.id for r in m.relations}


def bare(items):
    """The items without their metadata (where merge records provenance)."""
    return [attrs.evolve(x, meta={}) for x in items]


@given(argument_maps())
def test_merging_one_map_keeps_it(m):
    """A map merged on its own keeps its claims, relations, theses and sources."""
    merged = merge([m], id=m.id, title=m.title, description=m.description)
    assert bare(merged.claims) == bare(m.claims)
    assert bare(merged.relations) == bare(m.relations)
    assert merged.theses == m.theses
    assert merged.sources == m.sources
    assert dict(merged.verdicts) == dict(m.verdicts)


@given(argument_maps())
def test_merging_is_idempotent(m):
    """Merging a map with itself gives the map merged alone."""
    once = merge([m], id="x", title="X")
    twice = merge([m, m], id="x", title="X")
    assert twice.relations == once.relations
    assert twice.claims == once.claims
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


# -- provenance ----------------------------------------------------------------------------


@st.composite
def map_and_part(draw):
    """A map ``a`` and a map ``b`` with all of a's claims and some of its relations."""
    a = attrs.evolve(draw(argument_maps()), id="a")
    kept: set[str] = set()
    for r in a.relations:
        if (r.target not in a.relations_by_id or r.target in kept) and draw(st.booleans()):
            kept.add(r.id)
    b = attrs.evolve(a, id="b", relations=[r for r in a.relations if r.id in kept])
    return a, b, kept


@given(map_and_part())
def test_every_relation_names_the_maps_it_came_from(case):
    """A relation's provenance is every map that has it: folded relations get the union."""
    a, b, kept = case
    merged = merge([a, b], id="m", title="M")
    assert {r.id for r in merged.relations} == {r.id for r in a.relations}
    for r in merged.relations:
        assert provenance(merged, r.id) == (("a", "b") if r.id in kept else ("a",))
    for c in merged.claims:
        assert provenance(merged, c.id) == ("a", "b")


def test_provenance_of_an_unknown_id_is_an_error():
    """provenance() names the id it cannot find."""
    m = merge([article("a", "x")], id="m", title="M")
    with pytest.raises(ArgmapError, match="'nope'"):
        provenance(m, "nope")


def test_source_maps_reads_which_map_each_source_came_from():
    """The merged map records each map's sources; source_maps() reads it per source."""
    m = merge([article("a", "x"), article("b", "y")], id="m", title="M")
    assert source_maps(m) == {"a": ("a",), "b": ("b",)}


def test_mark_added_marks_only_what_has_no_provenance():
    """What a synthesis adds after merging gets the merged map's id; the rest is kept."""
    b = MapBuilder.from_map(merge([article("a", "x"), article("b", "y")], id="m", title="M"))
    b.implicit("gap", "A gap.").supports("china-opposes")
    m = mark_added(b.build())
    assert provenance(m, "gap") == ("m",)
    assert provenance(m, "gap--supports--china-opposes") == ("m",)
    assert provenance(m, "china-opposes") == ("a", "b")
    assert provenance(m, "china-opposes--rebuts--t") == ("a", "b")


# -- renames: the same id, different points ---------------------------------------------------


def two_taiwans():
    first = MapBuilder("a", "A")
    first.source("a", "A")
    t = first.thesis("t", "T.")
    first.claim("taiwan", "Taiwan drives the pact.", quote="drives").supports(t)
    second = MapBuilder("b", "B")
    second.source("b", "B")
    t = second.thesis("t", "T.")
    taiwan = second.claim("taiwan", "Taiwan complicates the pact.", quote="complicates")
    taiwan.rebuts(t)
    second.claim("history", "History shows it.", quote="history").supports(taiwan)
    return first.build(), second.build()


def test_renames_keep_claims_of_the_same_id_apart():
    """A rename applies in its own map only: two points that share an id stay two claims."""
    a, b = two_taiwans()
    m = merge([a, b], id="m", title="M", renames={"b": {"taiwan": "taiwan-complicates"}})
    assert m.claim("taiwan").text == "Taiwan drives the pact."
    assert m.sources_of("taiwan") == ("a",)
    assert m.claim("taiwan-complicates").text == "Taiwan complicates the pact."
    assert provenance(m, "taiwan-complicates") == ("b",)
    assert validate(m) == ()


def test_renamed_relations_take_the_id_of_their_new_shape():
    """A relation whose default id names a renamed claim is renamed with it."""
    a, b = two_taiwans()
    m = merge([a, b], id="m", title="M", renames={"b": {"taiwan": "taiwan-complicates"}})
    assert {r.id for r in m.relations} == {
        "taiwan--supports--t",
        "taiwan-complicates--rebuts--t",
        "history--supports--taiwan-complicates",
    }


@pytest.mark.parametrize(
    ("renames", "aliases", "words"),
    [
        ({"c": {"taiwan": "x"}}, {}, "map 'c'"),
        ({"b": {"nope": "x"}}, {}, "claim 'nope'"),
        ({}, {"nope": "taiwan"}, "claim 'nope'"),
    ],
)
def test_renames_and_aliases_of_what_is_not_there_are_errors(renames, aliases, words):
    """A rename or alias that names no map or claim is a typo, and merge() says so."""
    a, b = two_taiwans()
    with pytest.raises(ArgmapError, match=words):
        merge([a, b], id="m", title="M", renames=renames, aliases=aliases)


# -- hedges: one source's hedge is not another's ----------------------------------------------


def hedged(name, qualifier, base_score=None):
    b = MapBuilder(name, name)
    b.source(name, name)
    t = b.thesis("t", "T.")
    b.claim(
        "deters", "It deters.", quote=name, qualifier=qualifier, base_score=base_score
    ).supports(t)
    return b.build()


def test_differing_hedges_are_named_per_map():
    """Where maps hedge a claim differently, the merged qualifier names each map's hedge."""
    m = merge([hedged("a", "could"), hedged("b", "")], id="m", title="M")
    claim = m.claim("deters")
    assert claim.qualifier == "a: could · b: unhedged"
    assert claim.meta["qualifiers"] == {"a": "could", "b": ""}


def test_a_hedge_all_maps_share_is_kept():
    """A qualifier every map gives stays the merged claim's, with no per-map record."""
    m = merge([hedged("a", "could"), hedged("b", "could")], id="m", title="M")
    assert m.claim("deters").qualifier == "could"
    assert "qualifiers" not in m.claim("deters").meta


def test_differing_base_scores_give_none():
    """No map's stated confidence speaks for another's: differing base scores give none."""
    m = merge([hedged("a", "", 0.7), hedged("b", "")], id="m", title="M")
    assert m.claim("deters").base_score is None
    assert m.claim("deters").meta["base_scores"] == {"a": 0.7}
    same = merge([hedged("a", "", 0.7), hedged("b", "", 0.7)], id="m", title="M")
    assert same.claim("deters").base_score == 0.7


# -- reroute: a relation through an intermediate claim -----------------------------------------


@st.composite
def maps_to_reroute(draw):
    """A merged map, a relation aimed at a claim, and a new hub bearing on that claim."""
    m = draw(argument_maps())
    aimed = [r for r in m.relations if r.target in m.claims_by_id]
    assume(aimed)
    r = draw(st.sampled_from(aimed))
    m = merge([attrs.evolve(m, id="a")], id="syn", title="S")
    hub = Claim("hub-x", "The hub.", implicit=True)
    kind = draw(st.sampled_from([Support, Rebuttal]))
    m = m.with_claim(hub).with_relation(kind("hub-x--link", ["hub-x"], r.target))
    return mark_added(m), r.id


@given(maps_to_reroute())
def test_reroute_keeps_every_claims_side(case):
    """Through the hub, every claim keeps its side of every thesis, and the map stays sound."""
    m, rid = case
    after = reroute(m, rid, "hub-x")
    assert validate(after) == ()
    for t in m.theses:
        before = dict(m.polarity(t))
        now = dict(after.polarity(t))
        assert {c: p for c, p in now.items() if c in before} == before


@given(maps_to_reroute())
def test_reroute_carries_provenance_to_the_hub(case):
    """The rerouted relation keeps its maps and says where it pointed; the hub's link gains them."""
    m, rid = case
    target = m.relation(rid).target
    after = reroute(m, rid, "hub-x")
    moved = next(r for r in after.relations if r.target == "hub-x")
    assert provenance(after, moved.id) == ("a",)
    assert moved.meta["rerouted"] == {"a": target}
    assert provenance(after, "hub-x--link") == ("syn", "a")


def test_reroute_folds_into_a_relation_of_the_same_shape_and_undercuts_follow():
    """A rerouted relation that repeats one the hub has is absorbed, undercuts and all."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "T.")
    hub = b.claim("hub", "Hub.")
    hub.supports(t)
    p = b.claim("p", "P.")
    p.supports(hub)
    direct = p.supports(t)
    b.claim("u", "U.").undercuts(direct)
    m = reroute(b.build(), "p--supports--t", "hub")
    assert [r.id for r in m.relations] == [
        "hub--supports--t",
        "p--supports--hub",
        "u--undercuts--p--supports--hub",
    ]
    assert m.relation("u--undercuts--p--supports--hub").target == "p--supports--hub"


def test_reroute_flips_a_rebuttal_into_a_support_of_a_con_hub():
    """An objection routed through a claim that rebuts the target supports that claim."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "T.")
    b.claim("hub", "Hub.").rebuts(t)
    b.claim("p", "P.").rebuts(t)
    m = reroute(b.build(), "p--rebuts--t", "hub")
    assert m.relation("p--supports--hub").kind == "support"


def test_reroute_needs_the_hub_to_bear_on_the_target():
    """A hub with no relation of its own to the target is refused with a message."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "T.")
    b.claim("hub", "Hub.")
    b.claim("p", "P.").supports(t)
    with pytest.raises(ArgmapError, match="'hub' has no relation of its own to 't'"):
        reroute(b.build(), "p--supports--t", "hub")
