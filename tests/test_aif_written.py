"""AIF that argmap wrote, read straight (argmap.io.aif.written) or by the general reader.

The straight path must build the very map the general reader builds (which writes the
map back to decide whether to drop its bookkeeping), on what argmap writes and on
documents one edit away from it, where it must either decline or agree.
"""

from __future__ import annotations

import copy
import json

import attrs
import pytest
from fuzzing import read_outcome
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap._frozen import MAX_META_DEPTH, FrozenMap, freeze
from argmap.io import aif
from argmap.io._shared import slug
from argmap.io.aif import bookkeeping, reader, written
from argmap.strategies import argument_maps, hostile_maps, metadata

MAPS = st.one_of(
    argument_maps(meta=metadata(), labels=st.sampled_from(["", "Expert Opinion", "RA", "x"])),
    hostile_maps(),
)


def _unquoted(m: argmap.ArgumentMap) -> argmap.ArgumentMap:
    """The map without quotes."""
    return attrs.evolve(m, claims=[attrs.evolve(c, quotes=()) for c in m.claims])


def _general(text: str, monkeypatch: pytest.MonkeyPatch) -> argmap.ArgumentMap:
    with monkeypatch.context() as patch:
        patch.setattr(reader, "read_written", lambda *_: None)
        return aif.loads(text)


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])
@given(MAPS, st.booleans())
def test_what_argmap_writes_is_read_straight_into_the_general_readers_map(m, numeric):
    data = aif.to_dict(m, numeric_ids=numeric)
    extra = data.get(aif.EXTRA_KEY)
    fast = written.read_written(copy.deepcopy(data), extra) if extra else None
    with pytest.MonkeyPatch.context() as patch:
        slow = _general(json.dumps(data), patch)
    if fast is None:
        # Declined only where the general reader keeps its bookkeeping, ids are no slugs,
        # or the writer had to number a quote's node (``~2``).
        assert (
            not extra
            or "aif" in slow.meta
            or any(slug(c.id) != c.id for c in m.claims)
            or any("~" in n["nodeID"] for n in data["nodes"] if n["type"] in {"L", "YA"})
        )
    else:
        assert fast == slow == m
        assert "aif" not in fast.meta
        assert aif.to_dict(fast, numeric_ids=numeric) == data


@pytest.mark.parametrize("quoted", [True, False])
def test_a_written_map_takes_the_straight_path(quoted, monkeypatch):
    m = argmap.registry.get("example")
    m = m if quoted else _unquoted(m)
    assert any(c.quotes for c in m.claims) is quoted
    text = aif.dumps(m)
    calls = []
    real = written.read_written

    def spy(data, extra):
        calls.append(result := real(data, extra))
        return result

    monkeypatch.setattr(reader, "read_written", spy)
    assert aif.loads(text) == m
    assert calls
    assert calls[0] == m


# -- documents one edit away from what argmap writes ------------------------------------

_VALUES = st.sampled_from(
    [
        None,
        "",
        0,
        1,
        1.0,
        True,
        False,
        "I",
        "RA",
        "CA",
        "L",
        "e1",
        "e2",
        "72",
        "71",
        "Default Inference",
        "Default Conflict",
        "aif",
        "AIF document",
        [],
        {},
        ["x"],
        {"aif": 1},
        2**70 + 1,
        "a b",
    ]
)
_KEYS = st.sampled_from(
    [
        "nodeID",
        "text",
        "type",
        "scheme",
        "schemeID",
        "edgeID",
        "fromID",
        "toID",
        "formEdgeID",
        "implicit",
        "tags",
        "note",
        "baseScore",
        "meta",
        "label",
        "id",
        "ids",
        "numericIds",
        "locutions",
        "AIF",
        "x",
    ]
)


def _places(value: object, out: list[tuple[object, object]]) -> list[tuple[object, object]]:
    """Every (container, key or index) in a JSON document, the document's own entries too."""
    if isinstance(value, dict):
        for k, v in value.items():
            out.append((value, k))
            _places(v, out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.append((value, i))
            _places(v, out)
    return out


def _ids(data: object) -> list[object]:
    return [p[0][p[1]] for p in _places(data, []) if p[1] in {"nodeID", "fromID", "toID"}]


@st.composite
def edited_documents(draw: st.DrawFn) -> dict[str, object]:
    """What argmap writes for a map, with one edit somewhere in it."""
    m = draw(MAPS)
    m = _unquoted(m) if draw(st.booleans()) else m
    data = aif.to_dict(m, numeric_ids=draw(st.booleans()))
    places = _places(data, [])
    container, key = draw(st.sampled_from(places))
    op = draw(st.sampled_from(["replace", "id", "delete", "insert", "swap", "copy"]))
    if op == "replace":
        container[key] = draw(_VALUES)  # type: ignore[index]
    elif op == "id":
        container[key] = draw(st.sampled_from(_ids(data) or ["x"]))  # type: ignore[index]
    elif op == "delete":
        del container[key]  # type: ignore[attr-defined]
    elif op == "insert" and isinstance(container, dict):
        container[draw(_KEYS)] = draw(_VALUES)
    elif op in {"insert", "copy"} and isinstance(container, list):
        container.insert(draw(st.integers(0, len(container))), copy.deepcopy(container[key]))
    elif op == "swap" and isinstance(container, list) and len(container) > 1:
        other = draw(st.integers(0, len(container) - 1))
        container[key], container[other] = container[other], container[key]
    elif isinstance(container, dict):
        container[f"{key}-copy"] = copy.deepcopy(container[key])
    return data


def _same_outcome(text: str, slow: tuple[object, list[str]]) -> None:
    """The fast read of ``text`` has the general reader's outcome, frozen and hashable."""
    fast = read_outcome(lambda: aif.loads(text))
    assert fast == slow
    if isinstance(fast[0], argmap.ArgumentMap):
        assert aif.to_dict(fast[0]) == aif.to_dict(slow[0])
        assert all(_frozen_through(x.meta) for x in (fast[0], *fast[0].claims, *fast[0].relations))
        hash(fast[0])


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(edited_documents())
def test_an_edited_document_reads_as_the_general_reader_reads_it(data):
    text = json.dumps(data)
    with pytest.MonkeyPatch.context() as patch:
        slow = read_outcome(lambda: _general(text, patch))
    _same_outcome(text, slow)


# -- near misses: one detail away from what argmap writes ------------------------------


def _small() -> argmap.ArgumentMap:
    claims = [
        argmap.Claim("t", "The thesis.", base_score=0.5),
        argmap.Claim("a", "A reason.", tags=["x"], meta={"k": 1}),
        argmap.Claim("b", "Another.", note="a note"),
        argmap.Claim("c", "An objection.", quotes=[argmap.Quote("s", "Quoted.")]),
        argmap.Claim(
            "d", "An undercutter.", quotes=[argmap.Quote("s", "One."), argmap.Quote("s", "Two.")]
        ),
        argmap.Claim("e", "A claim with nothing more."),
    ]
    relations = [
        argmap.Support("s1", ["a", "b"], "t", scheme="Expert Opinion"),
        argmap.Rebuttal("r1", ["c"], "t", label="x", meta={"k": 2}),
        argmap.Rebuttal("u1", ["d"], "s1"),
    ]
    return argmap.ArgumentMap(
        "small",
        "Small",
        theses=["t"],
        claims=claims,
        relations=relations,
        sources=[argmap.Source("s", "A source")],
    )


def _node(data, node_id):
    return next(n for n in data["nodes"] if n["nodeID"] == node_id)


def _nested(depth):
    value: object = 1
    for _ in range(depth):
        value = [value]
    return value


def _edge(data, source, target):
    return next(e for e in data["edges"] if (e["fromID"], e["toID"]) == (source, target))


def _rename(data, old, new):
    for item in (*data["nodes"], *data["edges"]):
        for key in ("nodeID", "fromID", "toID"):
            if item.get(key) == old:
                item[key] = new


NEAR_MISSES = {
    "score beyond a float's precision": lambda d: d["argmapExtra"]["claims"]["t"].update(
        baseScore=2**70 + 1
    ),
    "score as an integer": lambda d: d["argmapExtra"]["claims"]["t"].update(baseScore=1),
    "claim meta with an aif key": lambda d: d["argmapExtra"]["claims"]["a"].update(meta={"aif": 1}),
    "relation meta with an aif key": lambda d: d["argmapExtra"]["relations"]["r1"].update(
        meta={"aif": 1, "k": 2}
    ),
    "empty extra entry": lambda d: d["argmapExtra"]["claims"].update(c={}),
    "a node that is a number": lambda d: d["nodes"].__setitem__(0, 5),
    "a node that is an array": lambda d: d["nodes"].__setitem__(-1, []),
    "target among the premises": lambda d: _edge(d, "s1", "t").update(toID="a"),
    "one more edge, as the writer numbers them": lambda d: d["edges"].append(
        {"edgeID": f"e{len(d['edges']) + 1}", "fromID": "a", "toID": "c", "formEdgeID": None}
    ),
    "an id that is no slug": lambda d: _rename(d, "c", "c c"),
    "default scheme node with one more field": lambda d: _node(d, "u1").update(timestamp="x"),
    "named scheme with the default's id": lambda d: _node(d, "s1").update(schemeID="72"),
    "default scheme name on the other kind": lambda d: _node(d, "r1").update(
        text="Default Inference", scheme="Default Inference", schemeID="72"
    ),
    "ids in the extra": lambda d: d["argmapExtra"].update(ids={"t": "t"}),
    "support of a relation": lambda d: _edge(d, "s1", "t").update(toID="r1"),
    "a quote from a source the extra does not list": lambda d: d["locutions"][0].update(
        source="s2"
    ),
    "a locution with a speaker": lambda d: d["locutions"][1].update(personID="7"),
    "a quote's node numbered": lambda d: _rename(d, "d--quote-2", "d--quote-2~2"),
    "a quote's YA node with another scheme id": lambda d: _node(d, "c--quote-1--asserting").update(
        schemeID="75"
    ),
    "a quote's node before its claim's": lambda d: d["nodes"].insert(0, d["nodes"].pop(4)),
    "a quote's edges in the other order": lambda d: d["edges"].insert(0, d["edges"].pop(1)),
    "a claim named like a quote's node": lambda d: _rename(d, "e", "c--quote-1"),
    "a quote with no locution": lambda d: d["locutions"].pop(),
    "claim meta nested too deeply": lambda d: d["argmapExtra"]["claims"]["a"].update(
        meta={"k": _nested(MAX_META_DEPTH + 5)}
    ),
    # The general reader meets the score first: the straight path must leave it the error.
    "deep meta, then an overflowing score": lambda d: d["argmapExtra"]["claims"].update(
        a={"meta": {"k": _nested(MAX_META_DEPTH + 5)}, "baseScore": 10**400}
    ),
    "edges numbered from 0": lambda d: [e.update(edgeID=f"e{i}") for i, e in enumerate(d["edges"])],
    "a form edge": lambda d: d["edges"][0].update(formEdgeID="e9"),
    "a locution": lambda d: d["locutions"].append({"nodeID": "t"}),
    "theses the reader derives": lambda d: d["argmapExtra"].update(theses=["t", "c", "d"]),
}


@pytest.mark.parametrize("edit", sorted(NEAR_MISSES))
def test_a_near_miss_reads_as_the_general_reader_reads_it(edit, monkeypatch):
    data = aif.to_dict(_small())
    assert written.read_written(copy.deepcopy(data), data["argmapExtra"]) == _small()
    NEAR_MISSES[edit](data)
    text = json.dumps(data)
    slow = read_outcome(lambda: _general(text, monkeypatch))
    _same_outcome(text, slow)


# -- argmapExtra's entries for claims and relations --------------------------------------

_ENTRY_KEYS = st.sampled_from(
    ["implicit", "tags", "note", "qualifier", "baseScore", "meta", "label", "aif", "x"]
)
_ENTRY_VALUES = st.one_of(
    _VALUES,
    st.integers(-(2**70), 2**70) | st.just(10**400),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=3),
    st.lists(st.text(max_size=2) | st.integers(0, 2) | st.none(), max_size=3),
    st.dictionaries(st.sampled_from(["aif", "k", ""]), _VALUES | st.lists(_VALUES), max_size=2),
    st.just({"k": _nested(MAX_META_DEPTH + 2)}),
)


_META_WRITTEN = st.dictionaries(st.sampled_from(["k", "", "x"]), _VALUES, min_size=1)
#: The fields the writer writes in a claim's or a relation's entry, and values it writes.
_WRITTEN = {
    "claims": {
        "implicit": st.just(value=True),
        "tags": st.lists(st.text(max_size=3), min_size=1, max_size=2),
        "note": st.text(min_size=1, max_size=3),
        "qualifier": st.text(min_size=1, max_size=3),
        "baseScore": st.floats(0, 1),
        "meta": _META_WRITTEN,
    },
    "relations": {"label": st.text(min_size=1, max_size=3), "meta": _META_WRITTEN},
}


@st.composite
def extra_entry_edits(draw: st.DrawFn) -> dict[str, object]:
    """What argmap writes for a map, its claims' or relations' entries in argmapExtra edited.

    Each edit sets a field of an entry as the writer writes it, or to any JSON value
    (numbers beyond a float and metadata nested too deeply included), removes one, gives
    an entry to an id with none or to no id at all, or makes an entry or the whole
    section something else.
    """
    m = draw(MAPS)
    data = aif.to_dict(m, numeric_ids=draw(st.booleans()))
    extra = data.setdefault(aif.EXTRA_KEY, {"version": 1})
    for _ in range(draw(st.integers(1, 3))):
        section = draw(st.sampled_from(["claims", "relations"]))
        named = [c.id for c in m.claims] if section == "claims" else [r.id for r in m.relations]
        entries = extra.setdefault(section, {})
        if type(entries) is not dict:
            continue
        key = draw(st.sampled_from([*named, *entries, "nobody"]))
        op = draw(
            st.sampled_from(["written", "written", "set", "set", "remove", "entry", "section"])
        )
        if op == "written":  # a field as the writer writes it
            field, value = draw(st.sampled_from(sorted(_WRITTEN[section].items())))
            entry = entries.setdefault(key, {})
            if type(entry) is dict:
                entry[field] = draw(value)
        elif op == "set":
            entry = entries.setdefault(key, {})
            if type(entry) is dict:
                entry[draw(_ENTRY_KEYS)] = draw(_ENTRY_VALUES)
        elif op == "remove" and type(entries.get(key)) is dict and entries[key]:
            del entries[key][draw(st.sampled_from(sorted(entries[key])))]
        elif op == "entry":
            entries[key] = draw(_ENTRY_VALUES)
        elif op == "section":
            extra[section] = draw(_ENTRY_VALUES)
    return data


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(extra_entry_edits())
def test_extra_entries_are_taken_exactly_when_the_general_reader_drops_its_bookkeeping(data):
    """The straight path takes a document exactly when it is what the writer writes.

    That is, when the general reader, reading the same document, finds that writing the
    map back gives the document and so drops its bookkeeping (without a warning); it
    then builds the very map the general reader builds, and otherwise declines.
    """
    text = json.dumps(data)
    with pytest.MonkeyPatch.context() as patch:
        slow = read_outcome(lambda: _general(text, patch))
    extra = data[aif.EXTRA_KEY]
    fast = written.read_written(copy.deepcopy(data), copy.deepcopy(extra))
    kept = not isinstance(slow[0], argmap.ArgumentMap) or "aif" in slow[0].meta or slow[1]
    if kept:
        assert fast is None
    else:
        assert fast == slow[0]
    _same_outcome(text, slow)


# -- the bookkeeping's freezing -------------------------------------------------------

_PLAIN = (
    st.none()
    | st.booleans()
    | st.integers(-(2**64), 2**64)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
_FLAT = st.dictionaries(st.text(max_size=3), _PLAIN, max_size=4)
_JSON = st.recursive(
    _PLAIN | _FLAT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=20,
)


@given(st.lists(_FLAT | _JSON, max_size=5), st.integers(1, 4))
def test_bookkeeping_freezes_as_the_general_freeze_does(value, depth):
    """Lists of flat objects take a shortcut; the result and the depth limit are freeze's.

    Starting ``depth`` levels from the limit, ``frozen`` nests as deep as ``freeze`` with
    a limit of ``depth``.
    """
    value = json.loads(json.dumps(value))  # fresh parsed JSON, as the reader has it
    try:
        expected = freeze(value, max_depth=depth)
    except argmap.ParameterError:
        with pytest.raises(bookkeeping.TooDeep):
            bookkeeping.frozen(value, MAX_META_DEPTH - depth + 1)
    else:
        made = bookkeeping.frozen(value, MAX_META_DEPTH - depth + 1)
        assert made == expected
        assert _frozen_through(made)
        assert bookkeeping.frozen(value) == expected


def _frozen_through(value: object) -> bool:
    """No dict or list anywhere (``FrozenMap == dict`` holds, so equality cannot tell)."""
    if isinstance(value, dict | list):
        return False
    if isinstance(value, FrozenMap):
        return all(map(_frozen_through, value.values()))
    if isinstance(value, tuple):
        return all(map(_frozen_through, value))
    return True


def _number(data, argmap_id):
    return next(k for k, v in data["argmapExtra"]["ids"].items() if v == argmap_id)


NUMERIC_NEAR_MISSES = {
    "an edge naming a claim by its argmap id": lambda d: next(
        e for e in d["edges"] if e["fromID"] == _number(d, "a")
    ).update(fromID="a"),
    "an id map with one more entry": lambda d: d["argmapExtra"]["ids"].update({"99": "zz"}),
    "an id map naming a number for itself": lambda d: d["argmapExtra"]["ids"].update(
        {_number(d, "t"): _number(d, "t")}
    ),
    "numeric ids said false": lambda d: d["argmapExtra"].update(numericIds=False),
    "a node numbered out of turn": lambda d: _rename(d, _number(d, "b"), "99"),
    "edges named as with argmap ids": lambda d: [
        e.update(edgeID=f"e{i}") for i, e in enumerate(d["edges"], start=1)
    ],
    "a quote's locution naming its node as with argmap ids": lambda d: d["locutions"][0].update(
        nodeID="c--quote-1"
    ),
}


@pytest.mark.parametrize("edit", sorted(NUMERIC_NEAR_MISSES))
def test_a_numeric_near_miss_reads_as_the_general_reader_reads_it(edit, monkeypatch):
    data = aif.to_dict(_small(), numeric_ids=True)
    assert written.read_written(copy.deepcopy(data), data["argmapExtra"]) == _small()
    NUMERIC_NEAR_MISSES[edit](data)
    text = json.dumps(data)
    slow = read_outcome(lambda: _general(text, monkeypatch))
    fast = read_outcome(lambda: aif.loads(text))
    assert fast == slow
    if isinstance(fast[0], argmap.ArgumentMap):
        assert aif.to_dict(fast[0], numeric_ids=True) == aif.to_dict(slow[0], numeric_ids=True)
