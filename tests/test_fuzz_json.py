"""Fuzzing the native JSON reader.

Any text, any JSON value and any document shaped like argmap's JSON is read into a sound
map or refused with one-line ArgmapError, as the published schema says.

One of the five fuzz targets (tests/test_fuzz_*.py); what a refusal must look like, and
how many examples each run draws, is in fuzzing.py.
"""

import json
import math
import warnings

import jsonschema
import pytest
from fuzzing import SCALARS, assert_sound, at_most, attempt, outcome, weighted
from hypothesis import example, given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapWarning, FormatError, InvalidMapError, ParameterError, Verdict, registry
from argmap.io import json as native
from argmap.strategies import HOSTILE_IDS, argument_maps, hostile_maps

_NATIVE_KEYS = sorted(
    {
        "argmap",
        "id",
        "title",
        "description",
        "sources",
        "theses",
        "claims",
        "relations",
        "verdicts",
        "meta",
        "text",
        "implicit",
        "tags",
        "quotes",
        "note",
        "base_score",
        "kind",
        "premises",
        "target",
        "label",
        "scheme",
        "source",
        "author",
        "outlet",
        "date",
        "url",
        "nodes",
        "support",
        "rebuttal",
    }
)
_JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(_NATIVE_KEYS) | st.text(max_size=6), inner, max_size=5)
    ),
    max_leaves=16,
)


def _mostly(good):
    """``good`` seven times in eight, any JSON value otherwise."""
    return weighted((7, good), (1, _JSON))


_IDS = weighted(
    (6, st.sampled_from(["t", "a", "b", "r", "s"])),
    (1, st.sampled_from(["", "a b", "x\n", "t\x00"])),
    (1, _JSON),
)
_STR = _mostly(st.text(max_size=8))
_CLAIM = st.fixed_dictionaries(
    {"id": _IDS, "text": _STR},
    optional={
        "implicit": _mostly(st.booleans()),
        "tags": _mostly(st.lists(st.text(max_size=4), max_size=2)),
        "quotes": _mostly(
            st.lists(_mostly(st.fixed_dictionaries({"source": _IDS, "text": _STR})), max_size=2)
        ),
        "note": _STR,
        "base_score": _mostly(st.none() | st.floats(-1, 2) | st.integers(-1, 2)),
        "meta": _mostly(st.dictionaries(st.text(max_size=4), _JSON, max_size=3)),
    },
)
_RELATION = st.fixed_dictionaries(
    {
        "id": _IDS,
        "kind": _mostly(st.sampled_from(["support", "rebuttal", "support", "rebuttal", "x"])),
        "premises": _mostly(st.lists(_IDS, max_size=3)),
        "target": _IDS,
    },
    optional={"label": _STR, "scheme": _STR, "meta": _JSON},
)
_DOCUMENT = st.fixed_dictionaries(
    {
        "argmap": weighted((8, st.just(1)), (1, st.sampled_from([0, 2, "1", True, 1.0, None]))),
        "id": _mostly(st.just("m")),
        "title": _mostly(st.just("M")),
    },
    optional={
        "description": _STR,
        "sources": _mostly(
            st.lists(
                _mostly(
                    st.fixed_dictionaries(
                        {"id": _IDS, "title": _STR}, optional={"url": _STR, "author": _STR}
                    )
                ),
                max_size=2,
            )
        ),
        "theses": _mostly(st.lists(_IDS, max_size=2)),
        "claims": _mostly(st.lists(_mostly(_CLAIM), max_size=4)),
        "relations": _mostly(st.lists(_mostly(_RELATION), max_size=4)),
        "verdicts": _mostly(
            st.dictionaries(
                st.sampled_from(["t", "a", "x"]),
                _mostly(st.sampled_from([v.value for v in Verdict])),
                max_size=2,
            )
        ),
        "meta": _JSON,
        "nodes": _JSON,
    },
)

_SCHEMA = jsonschema.Draft202012Validator(native.schema())
# Schema rules argmap checks with the whole map (argmap.validate), not while reading.
_MAP_RULES = frozenset({"minItems", "minimum", "maximum"})


def _nonfinite(data):
    """True if ``data`` holds NaN or an infinity (which JSON text cannot)."""
    if isinstance(data, float):
        return not math.isfinite(data)
    if isinstance(data, list):
        return any(_nonfinite(v) for v in data)
    if isinstance(data, dict):
        return any(_nonfinite(v) for v in data.values())
    return False


def _json_text(data):
    """JSON text for ``data``, with NaN and Infinity as Python writes them (not JSON)."""
    return json.dumps(data, ensure_ascii=False)


def check_native(text, data=None):
    """Read ``text`` as native JSON; if ``data`` (what it holds) is given, judge it by the schema.

    A document that breaks the schema's shape is a FormatError; one that keeps the shape
    but breaks a rule of the whole map is an InvalidMapError; a document that matches the
    schema is never a FormatError.
    """
    m, exc = attempt(argmap.loads, text, "json")
    outcome("read", exc)
    if m is not None:
        assert_sound(m)
    if data is None:
        return m, exc
    errors = list(_SCHEMA.iter_errors(data))
    shape = [e for e in errors if e.validator not in _MAP_RULES]
    rules = [e for e in errors if e.validator in _MAP_RULES]
    if shape or _nonfinite(data):
        assert isinstance(exc, FormatError), (shape[:1], exc)
    elif rules:
        assert isinstance(exc, FormatError | InvalidMapError), (rules[:1], exc)
    else:
        assert not isinstance(exc, FormatError), exc
    return m, exc


@given(st.text(max_size=300))
@example('{"argmap": 1, "id": "m", "title": "\\ud800"}')
@example('{"argmap": 1, "id": "m", "title": "\ud800"}')
def test_random_text_as_json(text):
    """Any text given as native JSON is read into a sound map or refused in one line."""
    check_native(text)


@given(_JSON)
def test_random_json_values(data):
    """Any JSON value is read or refused as the schema says."""
    check_native(_json_text(data), data)


@given(_DOCUMENT)
@example(
    {
        "argmap": 1,
        "id": "m",
        "title": "M",
        "claims": [{"id": "a", "text": "x", "base_score": 10**400}],
    }
)
def test_documents_shaped_like_native_json(data):
    """Documents with argmap's keys and any values are read or refused as the schema says."""
    check_native(_json_text(data), data)


def _objects(node, kind="map", path=()):
    """Every object of a native document: ``(kind, path, object)``; meta's insides are skipped."""
    if not isinstance(node, dict):
        return
    yield kind, path, node
    for key, item_kind in (
        ("sources", "source"),
        ("claims", "claim"),
        ("relations", "relation"),
        ("quotes", "quote"),
    ):
        items = node.get(key)
        if isinstance(items, list):
            for i, item in enumerate(items):
                yield from _objects(item, item_kind, (*path, key, i))


_REQUIRED = {
    "map": {"argmap", "id", "title"},
    "source": {"id", "title"},
    "claim": {"id", "text"},
    "quote": {"source", "text"},
    "relation": {"id", "kind", "premises", "target"},
}
_MUTATIONS = [
    "delete",
    "retype",
    "duplicate-id",
    "dangling",
    "duplicate-key",
    "truncate",
    "surrogate",
    "swap",
]


@at_most(100)
@given(argument_maps(max_claims=6) | hostile_maps(), st.sampled_from(_MUTATIONS), st.data())
def test_mutated_native_documents(m, mutation, data):  # noqa: C901, PLR0912, PLR0915 - one branch per mutation
    """Native JSON that argmap wrote, damaged in one place, is read or refused as it must be."""
    doc = json.loads(argmap.dumps(m))
    objects = list(_objects(doc))
    kind, _, obj = data.draw(st.sampled_from(objects))
    key = data.draw(st.sampled_from(sorted(obj)))
    expect = None
    if mutation == "delete":
        del obj[key]
        if key in _REQUIRED[kind]:
            expect = FormatError
    elif mutation == "retype":
        old = obj[key]
        obj[key] = data.draw(_JSON.filter(lambda v: type(v) is not type(old)))
    elif mutation == "duplicate-id":
        named = [(k, o) for k, _, o in objects if k in {"claim", "relation"}]
        a, b = data.draw(st.lists(st.sampled_from(range(len(named))), min_size=2, max_size=2))
        if a == b:
            kind, copy = named[a][0], dict(named[a][1])
            doc[f"{kind}s"].append(copy)
            named.append((kind, copy))
            b = len(named) - 1
        named[b][1]["id"] = named[a][1]["id"]
        expect = "duplicate-id"
    elif mutation == "dangling":
        choices = ["theses"]
        choices += ["claims"] if any(c.get("quotes") for c in doc["claims"]) else []
        choices += ["relations"] if doc["relations"] else []
        where = data.draw(st.sampled_from(choices))
        missing = "missing--" + data.draw(st.sampled_from(["x", *HOSTILE_IDS]))
        if where == "theses":
            doc["theses"].append(missing)
            expect = "unknown-thesis"
        elif where == "claims":
            claim = data.draw(st.sampled_from([c for c in doc["claims"] if c.get("quotes")]))
            claim["quotes"][0]["source"] = missing
            expect = "unknown-source"
        else:
            relation = data.draw(st.sampled_from(doc["relations"]))
            if data.draw(st.booleans()):
                relation["premises"][0] = missing
                expect = "unknown-premise"
            else:
                relation["target"] = missing
                expect = "unknown-target"
    elif mutation == "duplicate-key":
        obj["\x00dup"] = data.draw(_JSON.filter(lambda v: not _nonfinite(v)))
        text = _json_text(doc).replace('"\\u0000dup"', json.dumps(key), 1)
        _, exc = check_native(text)
        assert isinstance(exc, FormatError)
        assert "appears twice" in str(exc)
        return
    elif mutation == "truncate":
        text = argmap.dumps(m)
        cut = text[: data.draw(st.integers(0, len(text) - 1))]
        _, exc = check_native(cut)
        if cut.strip() != text.strip():
            assert isinstance(exc, FormatError)
        return
    elif mutation == "surrogate":
        strings = [k for k, v in obj.items() if isinstance(v, str)]
        if not strings:
            return
        obj[data.draw(st.sampled_from(strings))] = data.draw(
            st.sampled_from(["\ud800", "a\udfff", "\ud83d", "\ude00x"])
        )
        text = json.dumps(doc)  # ASCII: the lone surrogate is a \u escape
        _, exc = check_native(text)
        assert isinstance(exc, FormatError)
        assert "surrogate" in str(exc)
        return
    else:  # swap: an item of one list put into another
        lists = [k for k in ("sources", "claims", "relations") if doc.get(k)]
        src, dst = data.draw(st.sampled_from(lists)), data.draw(st.sampled_from(lists))
        doc[dst].append(doc[src][0])
    _, exc = check_native(_json_text(doc), doc)
    if expect is FormatError:
        assert isinstance(exc, FormatError)
        assert "required field is missing" in str(exc) or "argmap" in str(exc)
    elif isinstance(expect, str):
        assert isinstance(exc, InvalidMapError), exc
        assert expect in {p.code for p in exc.problems}


@pytest.mark.parametrize("target", ["null", "3", "1.5", "true", '["a"]', "{}"])
def test_a_target_that_is_no_string_is_refused(target):
    """Regression: a rebuttal's target of any JSON type was read (and [..] crashed validate)."""
    text = (
        '{"argmap": 1, "id": "m", "title": "M", "theses": ["a"], "claims": [{"id": "a", '
        '"text": "A."}], "relations": [{"id": "r", "kind": "rebuttal", "premises": ["a"], '
        f'"target": {target}}}]}}'
    )
    with pytest.raises(FormatError, match=r"relations\[0\]\.target \(relation 'r'\): expected a"):
        argmap.loads(text, check=False)


@pytest.mark.parametrize(
    "title",
    ["\\ud800", "\\udfff", "\\ud83dx", "a\\ud83d\\u0041", "\\\\\\ud800", "\ud800"],
)
def test_a_lone_surrogate_is_refused_where_it_is(title):
    r"""Regression: "\ud800" was read, and writing the map to a file then failed."""
    text = '{"argmap": 1, "id": "m", "title": "%s"}' % title  # noqa: UP031 - JSON braces
    with pytest.raises(FormatError, match=r"surrogate pair, alone") as info:
        argmap.loads(text)
    assert info.value.line == 1
    assert text[info.value.column - 1 :].startswith(("\\ud", "\ud800"))


@pytest.mark.parametrize("title", ["\\ud83d\\ude00", "\\\\ud800", "\U0001f600"])
def test_surrogate_pairs_and_escaped_backslashes_are_read(title):
    r"""A pair of \u escapes is one character; an escaped backslash before u is no escape."""
    text = '{"argmap": 1, "id": "m", "title": "%s", "theses": ["t"], ' % title  # noqa: UP031
    text += '"claims": [{"id": "t", "text": "T."}]}'
    assert argmap.loads(text).title == json.loads(text)["title"]


@pytest.mark.parametrize(
    ("escape", "read"),
    [("\\U00110000", None), ("\\ud800", None), ("\\ud83d\\ude00", "\U0001f600")],
)
def test_argdown_metadata_escapes_beyond_unicode(escape, read):
    r"""Regression: \U00110000 in Argdown metadata raised ValueError out of argmap.loads."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ArgmapWarning)
        m = argmap.loads('[A]: x {a: "%s"}' % escape, "argdown", check=False)  # noqa: UP031
    data = m.claim("A").meta["argdown"]["data"]
    if read is None:
        assert "is no character" in str(caught[0].message)
        assert "yaml" in data
    else:
        assert data["a"] == read


_NOT_TEXT = st.one_of(
    st.none(),
    st.integers(),
    st.floats(),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.binary(max_size=8).map(memoryview),
    st.builds(object),
)


@given(_NOT_TEXT, st.sampled_from(["json", "aif", "argdown"]))
@example(None, "json")
@example(3, "argdown")
def test_loaders_refuse_what_is_not_text(value, fmt):
    """Regression: argmap.loads(None) raised TypeError; anything but text is a ParameterError."""
    _, exc = attempt(argmap.loads, value, fmt)
    assert isinstance(exc, ParameterError), exc
    assert "must be a string" in str(exc)


def test_json_reads_a_bytearray():
    """A bytearray of JSON reads as its bytes would (json.loads takes both)."""
    m = registry.get("example")
    assert native.loads(bytearray(argmap.dumps(m).encode())) == m


def test_a_version_of_true_is_not_version_one():
    """``"argmap": true`` is refused: true is not the number 1."""
    with pytest.raises(FormatError, match="version True"):
        argmap.loads('{"argmap": true, "id": "m", "title": "M"}')
