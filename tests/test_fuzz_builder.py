"""Fuzzing the builder.

MapBuilder calls with any arguments build a sound map or raise a one-line
ParameterError (or another ArgmapError), and a refused call changes nothing.

One of the five fuzz targets (tests/test_fuzz_*.py); what a refusal must look like, and
how many examples each run draws, is in fuzzing.py.
"""

import math

import pytest
from fuzzing import SCALARS, assert_sound, at_most, attempt, one_line, outcome, weighted
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import (
    ArgumentMap,
    DuplicateIdError,
    InvalidMapError,
    MapBuilder,
    ParameterError,
    Quote,
    Verdict,
)
from argmap.render import terminal
from argmap.strategies import HOSTILE_IDS, HOSTILE_TEXTS


class Bad:
    """A value of the wrong type or an unusable value; the call must raise ParameterError."""

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return f"Bad({self.value!r})"


class Ref:
    """Resolved at run time: a ClaimRef (``b.ref(id)``)."""

    def __init__(self, id_):
        self.id = id_

    def __repr__(self):
        return f"Ref({self.id!r})"


class Rel:
    """Resolved at run time: the RelationRef of an earlier relation (or its id)."""

    def __init__(self, k):
        self.k = k

    def __repr__(self):
        return f"Rel({self.k})"


class Linked:
    """Resolved at run time: ``b.linked(*ids)``."""

    def __init__(self, ids):
        self.ids = ids

    def __repr__(self):
        return f"Linked({self.ids!r})"


_POOL_IDS = ["t", "a", "b", "c", "r1", "s1"]
_GOOD_ID = weighted(
    (8, st.sampled_from(_POOL_IDS)),
    (1, st.sampled_from(HOSTILE_IDS)),
    (1, st.sampled_from(["", "a b", "t\x00"])),
)
_GOOD_TEXT = weighted(
    (6, st.sampled_from(["A claim.", "Another reason.", "x"])),
    (1, st.sampled_from(["", " ", *HOSTILE_TEXTS[:10]])),
    (1, st.text(st.characters(exclude_categories=["Cs"]), max_size=12)),
)
_WRONG_NOT_NONE = st.one_of(
    st.integers(-3, 3),
    st.floats(allow_nan=True),
    st.binary(max_size=3),
    st.lists(st.sampled_from(_POOL_IDS), max_size=2),
    st.dictionaries(st.sampled_from(_POOL_IDS), st.integers(), max_size=2),
    st.booleans(),
    st.builds(object),
    st.sampled_from(["\ud800", "ok\udfff", "\udc00\ud800"]),
)
_BAD = (st.none() | _WRONG_NOT_NONE).map(Bad)
_BAD_NOT_NONE = _WRONG_NOT_NONE.map(Bad)
# Where a list of strings is right (tags, premises, quote passages), these are wrong.
_BAD_LIST = st.sampled_from(
    [None, 3, 1.5, True, b"ab", {"a": "b"}, object(), [1], [None], ["ok", b"x"], ["\ud800"]]
).map(Bad)


def _text(good=_GOOD_TEXT):
    """A good value five times in six, a Bad one otherwise."""
    return weighted((5, good), (1, _BAD))


def _optional(good):
    return weighted((2, st.none()), (4, good), (1, _BAD_NOT_NONE))


_PREMISE = weighted((3, _GOOD_ID), (1, _GOOD_ID.map(Ref)))
_PREMISES = weighted(
    (4, _PREMISE),
    (3, st.lists(_PREMISE, max_size=3)),
    (2, st.lists(_GOOD_ID, min_size=1, max_size=3).map(Linked)),
    (1, _BAD_LIST),
    (1, st.lists(_PREMISE | _BAD, min_size=1, max_size=3)),
    (1, st.integers(0, 3).map(lambda k: [Bad(Rel(k))])),
)
_TARGET = weighted(
    (4, _GOOD_ID), (2, _GOOD_ID.map(Ref)), (2, st.integers(0, 5).map(Rel)), (1, _BAD)
)
_TAGS = weighted(
    (3, st.just(())), (2, _GOOD_TEXT), (2, st.lists(_GOOD_TEXT, max_size=2)), (1, _BAD_LIST)
)
_SCORE = weighted(
    (4, st.none()),
    (3, st.floats(0, 1)),
    (1, st.floats(allow_nan=True) | st.integers(-2, 2)),
    (1, st.sampled_from([True, "0.5", [0.5]]).map(Bad)),
)
_META = weighted(
    (4, st.none()),
    (
        2,
        st.dictionaries(
            st.text(max_size=3),
            SCALARS.filter(lambda v: v is None or isinstance(v, str | bool | int)),
            max_size=2,
        ),
    ),
    (
        1,
        st.sampled_from(
            [[1], 3, "x", {1: 2}, {"a": math.nan}, {"a": object()}, {"a": "\ud800"}]
        ).map(Bad),
    ),
)
_VERDICT = st.sampled_from([v.value for v in Verdict]) | st.sampled_from(list(Verdict))
_QUOTES = weighted(
    (4, st.just(())),
    (2, st.lists(st.builds(Quote, st.sampled_from(["src", "other"]), _GOOD_TEXT), max_size=2)),
    (1, st.sampled_from([[1], "abc", [Quote(3, "x")], [Quote("src", None)], 5]).map(Bad)),
)
_QUOTE = weighted(
    (2, st.none()),
    (4, _GOOD_TEXT | st.lists(_GOOD_TEXT, max_size=2)),
    (1, _BAD_LIST.filter(lambda bad: bad.value is not None)),
)
_FLAG = weighted((4, st.booleans()), (1, st.sampled_from([None, 0, 1, "yes"]).map(Bad)))

_RELATION_KWARGS = st.fixed_dictionaries(
    {}, optional={"id": _optional(_GOOD_ID), "label": _text(), "scheme": _text()}
)
_CALLS = st.one_of(
    st.tuples(
        st.just("claim"),
        st.tuples(_text(_GOOD_ID), _text()),
        st.fixed_dictionaries(
            {},
            optional={
                "quote": _QUOTE,
                "source": _optional(st.sampled_from(["src", "other", "nope"])),
                "quotes": _QUOTES,
                "implicit": _FLAG,
                "tags": _TAGS,
                "note": _text(),
                "base_score": _SCORE,
                "meta": _META,
            },
        ),
    ),
    st.tuples(
        st.just("implicit"),
        st.tuples(_text(_GOOD_ID), _text()),
        st.fixed_dictionaries({}, optional={"tags": _TAGS, "note": _text(), "base_score": _SCORE}),
    ),
    st.tuples(
        st.just("thesis"),
        st.tuples(_text(_GOOD_ID), _text()),
        st.fixed_dictionaries(
            {},
            optional={
                "verdict": _optional(_VERDICT) | st.just(Bad("bogus")),
                "tags": _TAGS,
                "note": _text(),
            },
        ),
    ),
    st.tuples(
        st.just("source"),
        st.tuples(_text(st.sampled_from(["src", "other", *HOSTILE_IDS[:3]])), _text()),
        st.fixed_dictionaries(
            {}, optional={k: _text() for k in ("author", "outlet", "date", "url")}
        ),
    ),
    st.tuples(
        st.just("verdict"),
        st.tuples(
            _GOOD_ID | _GOOD_ID.map(Ref) | st.sampled_from([None, 3, Rel(0)]).map(Bad),
            _VERDICT | st.sampled_from(["nope", None, 1, ["for"]]).map(Bad),
        ),
        st.just({}),
    ),
    st.tuples(st.just("ref"), st.tuples(_text(_GOOD_ID)), st.just({})),
    st.tuples(st.just("linked"), st.lists(_PREMISE | _BAD, max_size=3).map(tuple), st.just({})),
    st.tuples(
        st.sampled_from(["support", "rebut", "undercut"]),
        st.tuples(_PREMISES, _TARGET),
        _RELATION_KWARGS,
    ),
    st.tuples(
        st.sampled_from(["ref.supports", "ref.rebuts", "ref.undercuts", "linked.supports"]),
        st.tuples(_GOOD_ID, _TARGET),
        _RELATION_KWARGS,
    ),
    st.tuples(
        st.just("rel.undercut_by"), st.tuples(st.integers(0, 5), _PREMISES), _RELATION_KWARGS
    ),
    st.tuples(
        st.just("meta"),
        st.just(()),
        st.dictionaries(
            st.sampled_from(["x", "y"]),
            st.integers() | st.text(max_size=3) | st.sampled_from([math.inf, {1}, b"x"]).map(Bad),
            max_size=2,
        ),
    ),
    st.tuples(st.just("build"), st.just(()), st.fixed_dictionaries({}, optional={"strict": _FLAG})),
)


def _has_bad(value):
    if isinstance(value, Bad):
        return True
    if isinstance(value, list | tuple):
        return any(_has_bad(v) for v in value)
    if isinstance(value, dict):
        return any(_has_bad(v) for v in value.values())
    return False


_STRAY = argmap.RelationRef("r1", MapBuilder("other", "Another builder"))


def _resolve(b, relations, value):  # noqa: PLR0911 - one return per marker
    """Turn markers into the builder's handles and unwrap Bad values."""
    if isinstance(value, Bad):
        return _resolve(b, relations, value.value)
    if isinstance(value, Ref):
        return b.ref(value.id)
    if isinstance(value, Rel):
        return relations[value.k % len(relations)] if relations else _STRAY
    if isinstance(value, Linked):
        return b.linked(*value.ids)
    if isinstance(value, list):
        return [_resolve(b, relations, v) for v in value]
    if isinstance(value, tuple):
        return tuple(_resolve(b, relations, v) for v in value)
    if isinstance(value, dict):
        return {k: _resolve(b, relations, v) for k, v in value.items()}
    return value


def _state(b):
    """A copy of everything a builder holds, to show that a refused call changed nothing."""
    return (
        dict(b._claims),
        dict(b._relations),
        dict(b._sources),
        list(b._theses),
        dict(b._verdicts),
        dict(b._meta),
        set(b._undercuts),
        b._default_source,
    )


def _expected(b, name, args, kwargs):
    """The error a call with only good values must raise (DuplicateIdError...), or None."""
    taken = set(b._claims) | set(b._relations)
    if name in {"claim", "implicit", "thesis"}:
        if args[0] in taken:
            return DuplicateIdError
        no_source = kwargs.get("source") is None and b._default_source is None
        if kwargs.get("quote") is not None and no_source:
            return InvalidMapError
    if name == "source" and args[0] in b._sources:
        return DuplicateIdError
    if kwargs.get("id") is not None and name not in {"claim", "implicit", "thesis", "source"}:
        return DuplicateIdError if kwargs["id"] in taken else None
    return None


def _call(b, relations, name, args, kwargs):
    if name.startswith("ref."):
        return getattr(b.ref(args[0]), name[4:])(*args[1:], **kwargs)
    if name == "linked.supports":
        return b.linked(args[0], "c").supports(*args[1:], **kwargs)
    if name == "rel.undercut_by":
        k, premises = args
        return relations[k % len(relations)].undercut_by(premises, **kwargs)
    return getattr(b, name)(*args, **kwargs)


@at_most(100)
@given(
    st.tuples(_text(_GOOD_ID), _text(), st.none() | _text()),
    st.lists(_CALLS, max_size=10),
    st.booleans(),
)
def test_builder_calls_with_any_arguments(head, calls, scaffold):  # noqa: C901, PLR0912 - one branch per outcome
    """Builder calls with wrong types raise ParameterError and change nothing; the rest build."""
    if _has_bad(head):
        _, exc = attempt(MapBuilder, *_resolve(None, [], [v for v in head if v is not None]))
        assert isinstance(exc, ParameterError), exc
        b = MapBuilder("m", "M")
    else:
        extra = () if head[2] is None else (head[2],)
        b = MapBuilder(head[0], head[1], *extra)
    if scaffold:
        b.source("src", "A source")
        t = b.thesis("t", "The thesis.")
        b.claim("a", "A reason.", quote="a passage").supports(t)
    relations = []
    for name, raw_args, raw_kwargs in calls:
        bad = _has_bad(raw_args) or _has_bad(raw_kwargs)
        if name == "rel.undercut_by" and not relations:
            relations.append(b.support("a", "t"))
        args = _resolve(b, relations, raw_args)
        kwargs = _resolve(b, relations, raw_kwargs)
        before = _state(b)
        expected = None if bad else _expected(b, name, args, kwargs)
        result, exc = attempt(_call, b, relations, name, args, kwargs)
        outcome("call", exc)
        if bad:
            assert isinstance(exc, ParameterError), (name, raw_args, raw_kwargs, exc)
            assert _state(b) == before
        elif name == "build":
            if exc is None:
                assert_sound(result)
            else:
                assert isinstance(exc, InvalidMapError), exc
        elif expected is not None:
            assert isinstance(exc, expected), (name, args, kwargs, exc)
            assert _state(b) == before
        else:
            assert exc is None, (name, args, kwargs, exc)
        if isinstance(result, argmap.RelationRef):
            relations.append(result)
    m, exc = attempt(b.build)
    outcome("build", exc)
    if m is not None:
        assert_sound(m)
        assert m.claims == tuple(b._claims.values())
        assert m.relations == tuple(b._relations.values())
        assert MapBuilder.from_map(m).build() == m
    else:
        assert isinstance(exc, InvalidMapError)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda b: b.claim(None, "x"), "a claim id must be a string, not NoneType None"),
        (lambda b: b.claim("a", ["x"]), "claim 'a': text must be a string, not list"),
        (lambda b: b.claim("a", "x\ud800"), "lone surrogate"),
        (lambda b: b.claim("a", "x", tags=3), "tags must be a string or a list of strings"),
        (lambda b: b.claim("a", "x", meta={1: 2}), "metadata keys must be strings"),
        (lambda b: b.claim("a", "x", base_score="high"), "base_score must be a number"),
        (lambda b: b.source(None, "x"), "a source id must be a string"),
        (lambda b: b.thesis("t2", "x", verdict="bogus"), "must be one of 'for'"),
        (lambda b: b.support(None, "t"), "premises must be a ClaimRef"),
        (lambda b: b.support(3, "t"), "premises must be a ClaimRef"),
        (lambda b: b.support("a", None), "a target must be a ClaimRef"),
        (lambda b: b.linked(3, None), "a premise must be a ClaimRef"),
        (lambda b: b.meta(x=math.nan), "no NaN"),
        (lambda b: b.build(strict="yes"), "strict must be True or False"),
        (lambda _: MapBuilder.from_map({}), "from_map() takes an ArgumentMap"),
        (lambda _: MapBuilder(3, "x"), "the map's id must be a string"),
    ],
)
def test_builder_refuses_wrong_types_in_one_line(call, message):
    """Regression: wrong types raised TypeError, ValueError or nothing; now ParameterError."""
    b = MapBuilder("m", "M")
    b.thesis("t", "T.")
    before = _state(b)
    with pytest.raises(ParameterError) as info:
        call(b)
    assert message in str(info.value)
    assert one_line(str(info.value))
    assert _state(b) == before


def test_a_map_holding_a_lone_surrogate_is_not_written(tmp_path):
    """Regression: dump() raised UnicodeEncodeError; it is an OutputError, and no file is left."""
    m = ArgumentMap("m", "x\ud800")
    with pytest.raises(argmap.OutputError, match=r"lone surrogate \('\\ud800'\)"):
        argmap.dump(m, tmp_path / "m.json")
    assert not list(tmp_path.iterdir())


def test_the_terminal_shows_a_lone_surrogate_escaped():
    """Regression: a lone surrogate went to the terminal raw (no UTF-8 terminal can print it)."""
    b = MapBuilder("m", "M")
    b.thesis("t", "T.")
    m = b.build()
    m = m.with_claim(argmap.Claim("t", "half \ud800 of a pair"))
    text = terminal.to_text(terminal.summary(m), width=80)
    assert "half \\ud800 of a pair" in text
    text.encode("utf-8")


def test_a_refused_verdict_adds_no_thesis():
    """Regression: thesis(..., verdict="bogus") added the claim before refusing the verdict."""
    b = MapBuilder("m", "M")
    with pytest.raises(ParameterError):
        b.thesis("t", "T.", verdict="bogus")
    assert not b._claims
    assert not b._theses
