"""argmap.diff: matching, what it reports, the edit script, the inverse, the evaluation delta."""

from __future__ import annotations

import json
import math
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import (
    ArgumentMap,
    Claim,
    InvalidMapError,
    Label,
    MapBuilder,
    ParameterError,
    Quote,
    Rebuttal,
    Source,
    Support,
    diff,
)
from argmap.diff import (
    RENAME_THRESHOLD,
    Changes,
    ThesisChanges,
    delta,
    similarity,
    word_diff,
)
from argmap.diff.words import lcs_length, words
from argmap.strategies import (
    EDITS,
    argument_maps,
    edit_map,
    edited_maps,
    ids,
    metadata,
    rename_ids,
    texts,
)

# -- small maps ------------------------------------------------------------------------------


def lunch() -> ArgumentMap:
    """A thesis with a reason, an objection and an answer to the objection."""
    b = MapBuilder("lunch", "Should we eat out?")
    b.source("chat", "Team chat, Tuesday")
    out = b.thesis("eat-out", "We should eat out today.", verdict="for")
    b.claim("sunny", "The weather is fine and warm today.", quote="lovely out there").supports(out)
    deadline = b.claim("deadline", "The release is due at two this afternoon.")
    deadline.rebuts(out)
    b.claim("moved", "The release moved to Friday.").rebuts(deadline)
    return b.build()


def claim(m: ArgumentMap, cid: str) -> Claim:
    return m.claim(cid)


def replace_claim(m: ArgumentMap, old: str, new: Claim) -> ArgumentMap:
    return attrs.evolve(m, claims=[new if c.id == old else c for c in m.claims])


def rename_claim(m: ArgumentMap, old: str, new: str) -> ArgumentMap:
    return rename_ids(m, lambda x: new if x == old else x)


# -- the properties --------------------------------------------------------------------------

MAPS = argument_maps()
#: The README's "a millionth": written out, so that a change of the constant shows here.
DOCUMENTED_TOLERANCE = 1e-6
ODD_MAPS = argument_maps(ids=ids(), meta=metadata(), labels=texts())


@given(st.one_of(MAPS, ODD_MAPS))
def test_a_map_against_itself_is_the_same(m):
    """diff(m, m) reports nothing: no change, no rename, no order, no evaluation change."""
    d = diff(m, m)
    assert d.same
    assert d.claims == d.relations == d.sources == Changes()
    assert d.theses == ThesisChanges()
    assert d.fields == ()
    assert d.evaluation == ()
    assert d.reordered == ()


@given(edited_maps(max_edits=8))
def test_applying_the_diff_gives_the_later_map(pair):
    """diff(a, b).apply(a) == b, whatever the edits."""
    a, b = pair
    assert diff(a, b).apply(a) == b


@given(MAPS, MAPS)
def test_applying_the_diff_of_unrelated_maps(a, b):
    """The edit script holds between two maps drawn independently, too."""
    assert diff(a, b, semantics=None).apply(a) == b


@given(st.one_of(edited_maps(max_edits=8), st.tuples(ODD_MAPS, ODD_MAPS)))
def test_the_reverse_diff_is_the_inverse(pair):
    """diff(b, a) == diff(a, b).inverse(), and it turns b back into a."""
    a, b = pair
    d = diff(a, b)
    assert diff(b, a) == d.inverse()
    assert d.inverse().apply(b) == a
    assert d.inverse().inverse() == d


@given(st.one_of(MAPS, ODD_MAPS))
def test_renaming_every_id_is_all_renames(m):
    """Every claim, relation and source renamed, nothing else, and no evaluation change."""
    renamed = rename_ids(m)
    d = diff(m, renamed)
    for part, items in ((d.claims, m.claims), (d.relations, m.relations), (d.sources, m.sources)):
        assert [(r.before, r.after) for r in part.renamed] == [
            (x.id, f"renamed-{x.id}") for x in items
        ]
        assert part.added == part.removed == part.changed == ()
        assert part.order is None
    assert [f.name for f in d.fields] == ["id"]
    assert d.theses.added == d.theses.removed == d.theses.verdicts == ()
    assert d.theses.lists is None
    assert d.evaluation == ()
    assert d.apply(m) == renamed


@given(edited_maps(max_edits=8))
def test_the_evaluation_delta_is_every_claim_that_moved(pair):
    """The delta lists exactly the matched claims whose label or strength moved, each once."""
    a, b = pair
    d = diff(a, b)
    ea, eb = argmap.evaluate(a), argmap.evaluate(b)
    renames = {r.before: r.after for r in d.claims.renamed}
    removed = {p.id for p in d.claims.removed}
    expected = set()
    for c in a.claims:
        if c.id in removed:
            continue
        later = renames.get(c.id, c.id)
        if ea.labels[c.id] != eb.labels[later]:
            expected.add((later, "grounded", ea.labels[c.id], eb.labels[later]))
        before, after = ea.gradual["dfquad"].strengths, eb.gradual["dfquad"].strengths
        if abs(before[c.id] - after[later]) > DOCUMENTED_TOLERANCE:
            expected.add((later, "dfquad", before[c.id], after[later]))
    found = [(c.after_id, c.semantics, c.before, c.after) for c in d.evaluation]
    assert sorted(found, key=str) == sorted(expected, key=str)
    amounts = [c.amount for c in d.evaluation]
    assert amounts == sorted(amounts, reverse=True)


@given(edited_maps(max_edits=8))
def test_the_delta_is_the_one_a_whole_evaluation_gives(pair):
    """One evaluation per semantics shown gives the delta "all" (QE included) gave.

    The labels, strengths, causes and reasons (the grounded reasons on DF-QuAD changes
    too when both run) are the same as with each map evaluated once under the semantics
    asked for, as the delta did before it left the quadratic energy model out. (For
    "grounded" or "dfquad" alone the two ways are one and the same call: only "all" can
    differ.)
    """
    a, b = pair
    semantics = "all"

    def whole(m, runs):
        e = argmap.evaluate(m, semantics, max_explain_steps=0)  # "all": QE too
        return dict.fromkeys(runs, e)

    with mock.patch.object(delta, "_evaluations", whole):
        expected = diff(a, b, semantics=semantics)
    assert diff(a, b, semantics=semantics) == expected


@pytest.mark.parametrize("semantics", ["grounded", "dfquad", "all"])
def test_the_delta_runs_only_the_semantics_it_shows(semantics):
    """A diff never solves the quadratic energy model: nothing it reports comes from it."""
    a = lunch()
    b = replace_claim(a, "sunny", attrs.evolve(claim(a, "sunny"), base_score=0.9))
    asked = []

    def spy(m, chosen, **kwargs):
        asked.append(chosen)
        return argmap.evaluate(m, chosen, **kwargs)

    with mock.patch.object(delta, "evaluate", spy):
        diff(a, b, semantics=semantics)
    shown = {"grounded", "dfquad"} if semantics == "all" else {semantics}
    assert sorted(asked) == sorted([*shown, *shown])  # once per map


@given(edited_maps(max_edits=8))
def test_every_evaluation_change_has_a_cause_the_diff_lists(pair):
    """Each change names at least one edit, and each edit it names is one the diff reports."""
    a, b = pair
    d = diff(a, b)
    edits = {("relation", "added", p.id) for p in d.relations.added} | {
        ("relation", "removed", p.id) for p in d.relations.removed
    }
    edits |= {("relation", "changed", e.after) for e in d.relations.changed}
    edits |= {("claim", "changed", e.after) for e in d.claims.changed if e.field("base_score")}
    for change in d.evaluation:
        assert change.causes, change
        for cause in change.causes:
            assert (cause.element, cause.what, cause.id) in edits
            if cause.element == "claim":
                assert change.semantics == "dfquad"  # a base score moves strengths only
        assert [c.distance for c in change.causes] == sorted(c.distance for c in change.causes)


@given(edited_maps(max_edits=8))
def test_the_json_is_json(pair):
    """to_json() gives plain JSON values that read back equal."""
    a, b = pair
    data = diff(a, b).to_json()
    assert json.loads(json.dumps(data)) == data


# -- words -----------------------------------------------------------------------------------


def naive_lcs(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            longest = max(table[i][j + 1], table[i + 1][j])
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else longest
    return table[-1][-1]


WORD_LISTS = st.lists(st.sampled_from("abcde"), max_size=12)


@given(WORD_LISTS, WORD_LISTS)
def test_the_bit_parallel_lcs_is_the_textbook_one(a, b):
    """lcs_length agrees with the dynamic programme written out."""
    assert lcs_length(a, b) == naive_lcs(a, b)


@given(texts(), texts())
def test_similarity_is_symmetric_and_bounded(a, b):
    """similarity(a, b) == similarity(b, a), in [0, 1], and 1 for a text and itself."""
    s = similarity(a, b)
    assert s == similarity(b, a)
    assert 0.0 <= s <= 1.0
    assert similarity(a, a) == 1.0


@given(texts(), texts())
def test_the_word_diff_reads_back_both_texts(a, b):
    """The kept and removed runs give the first text's words; kept and added the second's."""
    ops = word_diff(a, b)
    assert " ".join(t for op, t in ops if op in "=-").split() == a.split()
    assert " ".join(t for op, t in ops if op in "=+").split() == b.split()


def test_similarity_ignores_case_and_punctuation():
    """Words are compared case-folded, without punctuation."""
    assert similarity("Tea, calms you!", "tea calms YOU") == 1.0
    assert words("It's 2 o'clock.") == ("it", "s", "2", "o", "clock")


# -- matching --------------------------------------------------------------------------------


def test_a_renamed_claim_with_the_same_text_is_renamed():
    """A claim whose id changed and whose text did not is renamed, with its relations."""
    a = lunch()
    b = rename_ids(a, lambda x: x.replace("deadline", "release-due"))  # as the builder names
    d = diff(a, b)
    assert [(r.before, r.after, r.rule) for r in d.claims.renamed] == [
        ("deadline", "release-due", "same text")
    ]
    assert d.claims.added == d.claims.removed == d.claims.changed == ()
    assert d.relations.added == d.relations.removed == ()
    assert {(r.before, r.after) for r in d.relations.renamed} == {
        ("deadline--rebuts--eat-out", "release-due--rebuts--eat-out"),
        ("moved--rebuts--deadline", "moved--rebuts--release-due"),
    }


def reworded_and_renamed(words_kept: int) -> tuple[ArgumentMap, ArgumentMap, float]:
    """lunch() with 'deadline' renamed and its ten words reworded but for ``words_kept``."""
    a = lunch()
    old = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    a = replace_claim(a, "deadline", attrs.evolve(claim(a, "deadline"), text=" ".join(old)))
    new = old[:words_kept] + [f"other{i}" for i in range(10 - words_kept)]
    b = replace_claim(a, "deadline", attrs.evolve(claim(a, "deadline"), text=" ".join(new)))
    return a, rename_claim(b, "deadline", "due"), 2 * words_kept / 20


def test_the_rename_threshold_is_inclusive():
    """Similarity 0.6 (six of ten words kept) is a rename; 0.5 is a removal and an addition."""
    a, b, score = reworded_and_renamed(6)
    assert score == RENAME_THRESHOLD
    d = diff(a, b)
    assert [(r.before, r.after, r.rule, r.score) for r in d.claims.renamed] == [
        ("deadline", "due", "similar text", 0.6)
    ]
    assert d.claims.changed[0].names == ("text",)
    a, b, score = reworded_and_renamed(5)
    d = diff(a, b)
    assert d.claims.renamed == ()
    assert [p.id for p in d.claims.removed] == ["deadline"]
    assert [p.id for p in d.claims.added] == ["due"]


def test_the_threshold_can_be_set():
    """diff(..., threshold=0.5) takes five of ten words as a rename."""
    a, b, _ = reworded_and_renamed(5)
    assert [r.after for r in diff(a, b, threshold=0.5).claims.renamed] == ["due"]


def test_a_claim_renamed_and_rewritten_is_found_by_its_quotes():
    """A new id and new words, but the same quotes: one claim renamed."""
    a = lunch()
    new = attrs.evolve(claim(a, "sunny"), text="Nobody will need a coat.")
    b = rename_claim(replace_claim(a, "sunny", new), "sunny", "warm")
    d = diff(a, b)
    assert [(r.before, r.after, r.rule) for r in d.claims.renamed] == [
        ("sunny", "warm", "same quotes")
    ]


@pytest.mark.parametrize(("new_sunny", "new_moved"), [("s2", "m2"), ("aa", "zz")])
def test_ties_go_to_the_nearest_position(new_sunny, new_moved):
    """Two claims with one text, both renamed: each matches the one at its own position.

    ("aa", "zz") are names an order by ids alone would pair crosswise.
    """
    a = lunch()
    for cid in ("sunny", "moved"):
        a = replace_claim(a, cid, attrs.evolve(claim(a, cid), text="Same words.", quotes=()))
    b = rename_claim(rename_claim(a, "sunny", new_sunny), "moved", new_moved)
    assert {(r.before, r.after) for r in diff(a, b).claims.renamed} == {
        ("sunny", new_sunny),
        ("moved", new_moved),
    }


def test_undercuts_renamed_and_reordered_pair_by_what_they_undercut():
    """Two undercuts with one premise, every relation renamed, the two swapped in order.

    Only their targets tell them apart, and those are relations matched in the same pass:
    position alone would pair them crosswise.
    """
    a = lunch()
    kept = {r.id for r in a.relations} | {"u1", "u2"}
    a = attrs.evolve(
        a,
        claims=[*a.claims, Claim("forecast", "Rain is forecast from noon.")],
        relations=[
            *a.relations,
            Rebuttal("u1", ["forecast"], "sunny--supports--eat-out"),
            Rebuttal("u2", ["forecast"], "moved--rebuts--deadline"),
        ],
    )
    b = rename_ids(a, lambda x: f"r-{x}" if x in kept else x)
    b = attrs.evolve(b, relations=[*b.relations[:-2], b.relations[-1], b.relations[-2]])
    d = diff(a, b)
    assert {(r.before, r.after) for r in d.relations.renamed} == {(x, f"r-{x}") for x in kept}
    assert d.relations.changed == ()
    assert d.apply(a) == b


def test_a_relation_renamed_and_retargeted_matches_on_its_premises():
    """A relation with a new id and a new target, but the same kind and premises."""
    a = lunch()
    old = a.relation("sunny--supports--eat-out")
    new = Support("sunny-helps-moved", ["sunny"], "moved")
    b = attrs.evolve(a, relations=[new if r.id == old.id else r for r in a.relations])
    d = diff(a, b)
    assert [(r.before, r.after, r.rule) for r in d.relations.renamed] == [
        (old.id, new.id, "same premises")
    ]
    (edit,) = d.relations.changed
    assert [(f.name, f.before, f.after) for f in edit.fields] == [("target", "eat-out", "moved")]


def test_kind_and_premises_changes():
    """A support turned rebuttal, and a relation given a second premise, keep their ids."""
    a = lunch()
    flipped = Rebuttal("sunny--supports--eat-out", ["sunny"], "eat-out")
    linked = Rebuttal("moved--rebuts--deadline", ["moved", "sunny"], "deadline")
    b = attrs.evolve(
        a,
        relations=[{flipped.id: flipped, linked.id: linked}.get(r.id, r) for r in a.relations],
    )
    d = diff(a, b)
    changes = {
        e.after: [(f.name, f.before, f.after) for f in e.fields] for e in d.relations.changed
    }
    assert changes == {
        flipped.id: [("kind", "support", "rebuttal")],
        linked.id: [("premises", ("moved",), ("moved", "sunny"))],
    }


def test_every_claim_field_is_reported():
    """Text, implicit, tags, quotes, note, qualifier, base score and meta, in that order."""
    a = lunch()
    c = claim(a, "deadline")
    new = attrs.evolve(
        c,
        text="The release is due at three this afternoon.",
        implicit=True,
        tags=("work",),
        quotes=(Quote("chat", "due at 3"),),
        note="checked",
        qualifier="probably",
        base_score=0.8,
        meta={"k": 1},
    )
    d = diff(a, replace_claim(a, "deadline", new))
    (edit,) = d.claims.changed
    assert edit.names == (
        "text",
        "implicit",
        "tags",
        "quotes",
        "note",
        "qualifier",
        "base_score",
        "meta",
    )


def test_theses_and_verdicts():
    """A thesis added, another's verdict changed."""
    a = lunch()
    b = a.with_thesis("deadline", "against").with_thesis("eat-out", "mixed")
    t = diff(a, b).theses
    assert t.added == ("deadline",)
    assert t.removed == ()
    assert {(v.id, v.before, v.after) for v in t.verdicts} == {
        ("deadline", None, "against"),
        ("eat-out", "for", "mixed"),
    }


def test_sources_renamed_and_changed():
    """A source renamed (same title) and given a date: its quotes follow it."""
    a = lunch()
    b = rename_ids(a, lambda x: "team-chat" if x == "chat" else x)
    b = attrs.evolve(b, sources=[attrs.evolve(b.sources[0], date="2026-01-06")])
    d = diff(a, b)
    assert [(r.before, r.after, r.rule) for r in d.sources.renamed] == [
        ("chat", "team-chat", "same title")
    ]
    assert [[f.name for f in e.fields] for e in d.sources.changed] == [["date"]]
    assert d.claims.changed == ()  # the quotes moved with the source


def test_order_alone_is_the_same_argument():
    """Claims in another order: the same argument, the order noted, and apply restores it."""
    a = lunch()
    b = attrs.evolve(a, claims=list(reversed(a.claims)))
    d = diff(a, b)
    assert d.same
    assert d.reordered == ("claims",)
    assert d.apply(a) == b


# -- the evaluation delta --------------------------------------------------------------------


def test_an_objection_added_flips_the_thesis_and_says_why():
    """The rebuttal added is the cause, and the reasons before and after are given."""
    a = lunch()
    objection = Claim("rain", "Rain is forecast for noon.")
    b = attrs.evolve(
        a,
        claims=[*a.claims, objection],
        relations=[*a.relations, Rebuttal("rain--rebuts--eat-out", ["rain"], "eat-out")],
    )
    d = diff(a, b)
    first = d.evaluation[0]
    assert (first.after_id, first.semantics, first.before, first.after) == (
        "eat-out",
        "grounded",
        Label.IN,
        Label.OUT,
    )
    assert first.because == ("rebuttal 'rain--rebuts--eat-out' added",)
    assert first.causes[0].distance == 1
    assert first.why_after == "rebuttal 'rain--rebuts--eat-out' holds against it"
    assert first.why_before == argmap.evaluate(a).reasons["eat-out"]
    assert d.evaluation[1].semantics == "dfquad"
    assert d.evaluation[1].after < d.evaluation[1].before


def test_a_cause_far_away_is_named_with_its_distance():
    """A rebuttal of 'moved' reaches the thesis through 'deadline'.

    The distance is 1 to 'moved', and the thesis moves only because its objection stands
    again.
    """
    a = lunch()
    b = attrs.evolve(
        a,
        claims=[*a.claims, Claim("no", "It did not move.")],
        relations=[*a.relations, Rebuttal("no--rebuts--moved", ["no"], "moved")],
    )
    d = diff(a, b)
    grounded = {c.after_id: c for c in d.evaluation if c.semantics == "grounded"}
    assert set(grounded) == {"moved", "deadline", "eat-out"}
    assert [c.distance for c in grounded["moved"].causes] == [1]
    assert [c.distance for c in grounded["deadline"].causes] == [2]
    assert [c.distance for c in grounded["eat-out"].causes] == [3]


def test_a_base_score_moves_strengths_only():
    """A changed base score is a cause of DF-QuAD changes, at distance 0 from its claim."""
    a = lunch()
    b = replace_claim(a, "sunny", attrs.evolve(claim(a, "sunny"), base_score=0.9))
    d = diff(a, b, semantics="dfquad")
    assert {c.semantics for c in d.evaluation} == {"dfquad"}
    sunny = next(c for c in d.evaluation if c.after_id == "sunny")
    assert sunny.because == ("claim 'sunny' base score changed",)
    assert sunny.causes[0].distance == 0
    assert diff(a, b, semantics="grounded").evaluation == ()


def test_semantics_none_leaves_the_evaluation_out():
    """With semantics=None nothing is evaluated: even maps evaluate refuses can be compared."""
    a = lunch()
    broken = attrs.evolve(a, relations=[*a.relations, Support("bad", ["nobody"], "eat-out")])
    with pytest.raises(InvalidMapError):
        diff(a, broken)
    d = diff(a, broken, semantics=None)
    assert d.semantics is None
    assert [p.id for p in d.relations.added] == ["bad"]


# -- what it refuses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"semantics": "best"}, "semantics must be one of"),
        ({"threshold": 0}, "threshold must be a number above 0"),
        ({"threshold": 1.5}, "threshold must be a number above 0"),
        ({"threshold": True}, "threshold must be a number above 0"),
    ],
)
def test_bad_options_are_parameter_errors(kwargs, message):
    """A wrong semantics or threshold is a ParameterError saying what to pass."""
    with pytest.raises(ParameterError, match=message):
        diff(lunch(), lunch(), **kwargs)


def test_not_a_map_is_a_parameter_error():
    """diff takes two maps."""
    with pytest.raises(ParameterError, match="after must be"):
        diff(lunch(), "lunch")


def test_two_things_with_one_id_are_refused():
    """A map that gives two claims one id cannot be diffed: which would be which?"""
    a = lunch()
    twice = attrs.evolve(a, claims=[*a.claims, Claim("sunny", "Again.")])
    with pytest.raises(InvalidMapError, match=r"duplicate|'sunny'"):
        diff(a, twice, semantics=None)
    two_sources = attrs.evolve(a, sources=[*a.sources, Source("chat", "Again")])
    with pytest.raises(InvalidMapError):
        diff(two_sources, a, semantics=None)


def test_a_diff_applies_only_to_its_own_map():
    """Applying a diff to another map is a one-line ParameterError naming what does not fit."""
    a = lunch()
    b = replace_claim(a, "sunny", attrs.evolve(claim(a, "sunny"), text="Sun."))
    d = diff(a, b)
    with pytest.raises(ParameterError, match=r"made from map 'lunch'"):
        d.apply(attrs.evolve(a, id="other"))
    other = replace_claim(a, "sunny", attrs.evolve(claim(a, "sunny"), text="Cloudy."))
    with pytest.raises(ParameterError, match="claim 'sunny' has another text"):
        d.apply(other)
    removing = diff(b, b.without_claim("moved"))
    with pytest.raises(ParameterError, match="removes claim 'moved'"):
        removing.apply(a.without_claim("moved"))


def test_nan_scores_are_the_same_as_themselves():
    """A map holding a NaN base score (invalid, but loadable) diffs as the same as itself."""
    a = lunch()
    a = replace_claim(a, "sunny", attrs.evolve(claim(a, "sunny"), base_score=math.nan))
    assert diff(a, a, semantics=None).same


def test_the_edits_cover_every_kind():
    """edit_map can make every kind of edit it names, on the built-in maps."""
    import random

    maps = [argmap.registry.get("example"), argmap.registry.get("asian-nato")]
    for name, edit in EDITS.items():
        edited = [
            (m, e)
            for m in maps
            for seed in range(20)
            if (e := edit(m, random.Random(seed)))  # noqa: S311 - seeded test data is not None
        ]
        assert edited, name
        for m, e in edited[:3]:
            assert e != m, name
            argmap.evaluate(e)
    assert edit_map(maps[0], 0, random.Random(1)) == maps[0]  # noqa: S311 - seeded test data
