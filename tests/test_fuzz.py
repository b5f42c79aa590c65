"""Fuzzing the JSON reader, file input, the builder, the views and the command line.

Every input is read, built, drawn or run, or refused with an ArgmapError whose message is
one line (an InvalidMapError: a head line and one line per problem); the command line exits
0, 1 or 2 and never prints a traceback. Under the default "ci" profile the slow targets
run fewer examples; ``HYPOTHESIS_PROFILE=fuzz`` runs 10,000 of each (see bench/fuzz.py).
"""

import contextlib
import io
import json
import math
import os
import re
import sys
import tempfile
import warnings
from pathlib import Path

import jsonschema
import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

import argmap
from argmap import (
    ArgmapError,
    ArgmapWarning,
    ArgumentMap,
    DuplicateIdError,
    FormatError,
    InvalidMapError,
    MapBuilder,
    ParameterError,
    Quote,
    UnknownIdError,
    Verdict,
    cli,
    registry,
)
from argmap.io import detect_format
from argmap.io import json as native
from argmap.render import dot, terminal
from argmap.strategies import HOSTILE_IDS, HOSTILE_TEXTS, argument_maps, hostile_maps


def at_most(n):
    """Settings that run at most ``n`` examples under "ci", and the profile's count otherwise."""
    if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci":
        return settings(max_examples=min(n, settings().max_examples))
    return settings()


def weighted(*choices):
    """One of the strategies, each drawn as often as its weight: ``weighted((3, a), (1, b))``."""
    # (st.one_of would draw each distinct strategy equally often, whatever the repeats.)
    pool = [strategy for weight, strategy in choices for _ in range(weight)]
    return st.sampled_from(pool).flatmap(lambda strategy: strategy)


# -- what every refusal must look like -------------------------------------------------------


def one_line(text):
    """True for text that is one non-empty line, whatever counts as a line break."""
    return bool(text.strip()) and len(text.splitlines()) == 1


def assert_clean_error(exc):
    """``exc`` is an ArgmapError whose message is one line (InvalidMapError: one per problem)."""
    assert isinstance(exc, ArgmapError), f"{type(exc).__name__} escaped: {exc!r}"
    message = str(exc)
    if isinstance(exc, InvalidMapError):
        assert exc.problems, "an InvalidMapError names its problems"
        head, *rest = message.split("\n")
        assert one_line(head)
        assert head.endswith(":")
        assert all(one_line(str(p)) for p in exc.problems), exc.problems
        assert all(line.startswith("  ") and one_line(line) for line in rest), message
    else:
        assert one_line(message), f"{type(exc).__name__} message is not one line: {message!r}"
    if isinstance(exc, FormatError):
        assert exc.messages
        assert all(one_line(m) for m in exc.messages), exc.messages


def attempt(fn, *args, **kwargs):
    """Call ``fn``; return ``(result, None)`` or ``(None, exc)`` for an exception it raised.

    Only an ArgmapError with a one-line message may come out; anything else fails the test.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArgmapWarning)
        try:
            return fn(*args, **kwargs), None
        except Exception as exc:  # noqa: BLE001 - judged by assert_clean_error
            assert_clean_error(exc)
            return None, exc


def outcome(label, exc):
    """Count what became of an input (shown by --hypothesis-show-statistics)."""
    event(f"{label}: {'ok' if exc is None else type(exc).__name__}")


def assert_sound(m):
    """A map that was read or built has no errors and survives native JSON unchanged."""
    assert isinstance(m, ArgumentMap)
    assert not [p for p in argmap.validate(m) if p.is_error]
    assert argmap.loads(argmap.dumps(m)) == m


# -- (a) the JSON reader ---------------------------------------------------------------------

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
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-(10**400), 10**400)
    | st.floats()
    | st.sampled_from(["", "a", "t", "support", "rebuttal", "for", "mixed", "1"])
    | st.text(max_size=12)
)
_JSON = st.recursive(
    _SCALARS,
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


# -- (b) bytes in files ------------------------------------------------------------------------

_EXTENSIONS = {"json": ".json", "aif": ".aif.json", "argdown": ".argdown"}
_BAD_BYTES = st.sampled_from(
    [b"\x80", b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xfe"]
)


@st.composite
def damaged_bytes(draw):
    """A document argmap wrote in some format, as bytes damaged in one way."""
    fmt = draw(st.sampled_from(sorted(_EXTENSIONS)))
    m = draw(argument_maps(max_claims=4))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArgmapWarning)
        text = argmap.dumps(m, fmt)
    data = text.encode("utf-8")
    how = draw(
        st.sampled_from(
            ["bom", "bom2", "nul", "bad", "cut", "utf-16", "utf-16-le", "utf-32", "latin-1", "raw"]
        )
    )
    at = draw(st.integers(0, len(data)))
    if how == "bom":
        data = b"\xef\xbb\xbf" + data
    elif how == "bom2":
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + data
    elif how == "nul":
        data = data[:at] + b"\x00" * draw(st.integers(1, 3)) + data[at:]
    elif how == "bad":
        data = data[:at] + draw(_BAD_BYTES) + data[at:]
    elif how == "cut":
        data = data[:at]
    elif how in {"utf-16", "utf-16-le", "utf-32"}:
        data = text.encode(how)
    elif how == "latin-1":
        data = text.encode("latin-1", errors="replace") + "é".encode("latin-1")
    else:
        data = draw(st.binary(max_size=200))
    return fmt, data


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-files")


def _same_outcome(a, b):
    """Both calls gave equal maps, or both raised errors of one type."""
    (ma, ea), (mb, eb) = a, b
    if ea is None or eb is None:
        return ea is None and eb is None and ma == mb
    return type(ea) is type(eb)


@given(damaged_bytes(), st.booleans())
def test_damaged_bytes_in_a_file(workdir, case, say_format):
    """A file of damaged bytes reads as its UTF-8 text would, or is refused as not UTF-8."""
    fmt, data = case
    path = workdir / f"map{_EXTENSIONS[fmt]}"
    path.write_bytes(data)
    from_file = attempt(argmap.load, path, fmt if say_format else None)
    outcome(fmt, from_file[1])
    from_bytes = attempt(argmap.loads, data, fmt)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        exc = from_file[1]
        assert isinstance(exc, FormatError)
        assert str(exc).startswith(f"{path}: not UTF-8 text (")
        assert isinstance(from_bytes[1], FormatError)
        return
    if not say_format:
        fmt = detect_format(path, text)
    from_text = attempt(argmap.loads, text, fmt)
    assert _same_outcome(from_file, from_text)
    assert _same_outcome(from_bytes, from_text)
    m, exc = from_file
    if m is not None:
        assert_sound(m)
    elif isinstance(exc, FormatError):
        assert str(exc) == f"{path}: {from_text[1]}"


def test_a_bom_is_skipped_in_every_format(workdir):
    """A UTF-8 byte order mark in front of a document changes nothing."""
    m = registry.get("example")
    for fmt, ext in _EXTENSIONS.items():
        path = workdir / f"bom{ext}"
        path.write_bytes(b"\xef\xbb\xbf" + argmap.dumps(m, fmt).encode())
        assert argmap.load(path) == argmap.loads(argmap.dumps(m, fmt), fmt)


# -- (c) the builder ---------------------------------------------------------------------------


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
            _SCALARS.filter(lambda v: v is None or isinstance(v, str | bool | int)),
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


# -- (d) the views -----------------------------------------------------------------------------

_DEPTH = weighted(
    (3, st.none()),
    (6, st.integers(0, 12)),
    (1, st.integers(-3, -1) | st.sampled_from([10**30, -(10**30), 1.5, "2", True, [1]])),
)
_WIDTH = weighted(
    (6, st.integers(20, 200)),
    (1, st.integers(-3, 19) | st.sampled_from([1000, 20, 2.0, "80", None, False])),
)
_OTHER = registry.get("example")


def _depth_error(depth):
    if depth is None:
        return None
    if isinstance(depth, bool) or not isinstance(depth, int) or depth < 0:
        return ParameterError
    return None


def _id_error(m, value):
    if value is None:
        return None
    if not isinstance(value, str):
        return ParameterError
    return None if value in m.claims_by_id else UnknownIdError


@st.composite
def view_options(draw, m):
    ids = [c.id for c in m.claims]
    focus = draw(
        weighted(
            (3, st.none()),
            (4, st.sampled_from(ids)),
            (1, st.sampled_from(["nope", "", *HOSTILE_IDS[:3]])),
            (1, st.sampled_from([3, ["a"], b"a"])),
        )
    )
    evaluation = draw(st.sampled_from(["own", "own", "other", None, None, None, "bad", 3]))
    return {"focus": focus, "depth": draw(_DEPTH), "evaluation": evaluation}


def _evaluation(m, which):
    if which == "own":
        return argmap.evaluate(m)
    if which == "other":
        return argmap.evaluate(_OTHER)
    return which


@at_most(100)
@given(argument_maps(max_claims=6) | hostile_maps(), st.data())
def test_views_with_any_options(m, data):
    """to_dot, summary and to_text take odd options, or refuse them with a ParameterError."""
    options = data.draw(view_options(m))
    evaluation = _evaluation(m, options["evaluation"])
    bad_evaluation = evaluation is not None and not isinstance(evaluation, argmap.Evaluation)
    errors = {
        _depth_error(options["depth"]),
        _id_error(m, options["focus"]),
        ParameterError if bad_evaluation else None,
    } - {None}
    legend = data.draw(st.booleans())
    graph, exc = attempt(
        dot.to_dot,
        m,
        evaluation=evaluation,
        focus=options["focus"],
        depth=options["depth"],
        legend=legend,
    )
    outcome("to_dot", exc)
    if errors:
        assert isinstance(exc, tuple(errors)), (options, exc)
    else:
        assert exc is None, exc
        source = graph.source
        assert source.startswith(("digraph", "strict digraph"))
        assert source.rstrip().endswith("}")
        again = dot.to_dot(
            m, evaluation=evaluation, focus=options["focus"], depth=options["depth"], legend=legend
        )
        assert again.source == source
        if options["focus"] is None and options["depth"] is None:
            assert all(f"claim-{dot._labels.node_name(c.id)}" in source for c in m.claims)

    thesis = data.draw(
        weighted(
            (3, st.none()),
            (3, st.sampled_from([c.id for c in m.claims])),
            (1, st.sampled_from(["nope", 7])),
        )
    )
    errors = {
        _depth_error(options["depth"]),
        _id_error(m, thesis),
        ParameterError if bad_evaluation else None,
    } - {None}
    quotes = data.draw(st.booleans())
    group, exc = attempt(
        terminal.summary,
        m,
        thesis=thesis,
        depth=options["depth"],
        quotes=quotes,
        evaluation=evaluation,
    )
    outcome("summary", exc)
    if errors:
        assert isinstance(exc, tuple(errors)), (thesis, options, exc)
        return
    assert exc is None, exc
    width = data.draw(_WIDTH)
    text, exc = attempt(terminal.to_text, group, width=width)
    bad_width = isinstance(width, bool) or not isinstance(width, int) or width < terminal.MIN_WIDTH
    if bad_width:
        assert isinstance(exc, ParameterError), (width, exc)
        return
    assert exc is None, exc
    assert text.strip()
    assert "\x1b" not in text
    assert all(cell_len(line) <= width for line in text.splitlines())


@pytest.mark.parametrize(
    "call",
    [
        lambda m: dot.to_dot(m, depth=-1),
        lambda m: dot.to_dot(m, depth="2"),
        lambda m: dot.to_dot(m, focus=["a"]),
        lambda m: dot.to_dot(m, evaluation="x"),
        lambda m: terminal.summary(m, depth=-1),
        lambda m: terminal.summary(m, depth=1.5),
        lambda m: terminal.summary(m, thesis=3),
        lambda m: terminal.to_text(terminal.summary(m), width=0),
        lambda m: terminal.to_text(terminal.summary(m), width=-5),
        lambda _: terminal.make_console(width=-5),
    ],
)
def test_views_refuse_odd_options_in_one_line(call):
    """Regression: these raised ValueError, TypeError or AttributeError, or drew nothing."""
    with pytest.raises(ParameterError) as info:
        call(_OTHER)
    assert one_line(str(info.value))


# -- (e) the command line ----------------------------------------------------------------------

# Garbage on the command line, line breaks included (a MAP name is quoted in messages).
_GARBAGE = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="/\\\x00"),
    max_size=8,
)
_FILES = {
    "map.json": "json",
    "map.aif.json": "aif",
    "map.argdown": "argdown",
    "map.txt": None,
}


@st.composite
def map_files(draw):
    """The bytes of a map file: a document argmap wrote, damaged or not, or anything at all."""
    name = draw(st.sampled_from(sorted(_FILES)))
    fmt = _FILES[name] or draw(st.sampled_from(["json", "aif", "argdown"]))
    how = draw(st.sampled_from(["good", "good", "cut", "insert", "text", "bytes"]))
    if how in {"good", "cut", "insert"}:
        m = draw(argument_maps(max_claims=5) | hostile_maps())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ArgmapWarning)
            data = argmap.dumps(m, fmt).encode()
        at = draw(st.integers(0, len(data)))
        if how == "cut":
            data = data[:at]
        elif how == "insert":
            data = data[:at] + draw(st.binary(max_size=4) | _GARBAGE.map(str.encode)) + data[at:]
    elif how == "text":
        data = draw(st.text(max_size=100)).encode("utf-8", "surrogatepass")
    else:
        data = draw(st.binary(max_size=100))
    return name, data


_MAP = weighted(
    (6, st.just("FILE")),
    (1, st.sampled_from(["-", "example"])),
    (1, st.sampled_from(["nope", "nope.json", "."]) | _GARBAGE),
)
_FORMAT = weighted(
    (6, st.sampled_from(["json", "aif", "argdown", "mermaid", "dot", "svg", "png"])),
    (1, _GARBAGE),
)
_DEPTHS = weighted(
    (5, st.sampled_from(["0", "1", "2", "5"])),
    (1, st.sampled_from(["-1", "99999999999999999999", "x", ""])),
)
_WIDTHS = weighted(
    (5, st.sampled_from(["40", "80", "120"])),
    (1, st.sampled_from(["-1", "0", "19", "20", "99999", "x", ""])),
)
_OUTPUT = weighted(
    (5, st.sampled_from(["out.json", "out.argdown", "out.aif.json", "out.dot", "out.svg", "-"])),
    (1, st.sampled_from([".", "FILE", "no/x.json", "out"]) | _GARBAGE),
)


def _options(pairs):
    """Each option with its value, in a drawn order, each present or not."""
    return st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)).map(
        lambda chosen: [token for pair in chosen for token in pair]
    )


@st.composite
def command_lines(draw):
    """argv for argmap: a real verb with real options and drawn values, plus some garbage."""
    verb = draw(st.sampled_from(_VERBS))
    argv = [verb]
    if verb == "list":
        argv += draw(_options([("--json",)]))
    elif verb == "check":
        argv += draw(st.lists(_MAP, max_size=2))
        argv += draw(
            _options(
                [
                    ("--all",),
                    ("--strict",),
                    (
                        "--source",
                        draw(st.sampled_from(["s=FILE", "x=FILE", "=", "s=nope"]) | _GARBAGE),
                    ),
                    ("--from", draw(_FORMAT)),
                ]
            )
        )
    elif verb == "export":
        argv += [draw(_MAP)]
        argv += draw(
            _options([("--to", draw(_FORMAT)), ("-o", draw(_OUTPUT)), ("--from", draw(_FORMAT))])
        )
    elif verb == "show":
        argv += draw(weighted((4, st.tuples(_MAP)), (1, st.just(()))))
        argv += draw(
            _options(
                [
                    ("--thesis", draw(st.sampled_from(["t", "bike-lane", "nope"]) | _GARBAGE)),
                    ("--depth", draw(_DEPTHS)),
                    ("--quotes",),
                    ("--width", draw(_WIDTHS)),
                    ("--matrix",),
                    ("--from", draw(_FORMAT)),
                ]
            )
        )
    elif verb == "render":
        argv += draw(weighted((4, st.tuples(_MAP)), (1, st.just(()))))
        formats = weighted((4, st.just("dot")), (1, st.sampled_from(["svg", "png"])), (1, _GARBAGE))
        argv += ["--format", draw(formats)]
        argv += draw(
            _options(
                [
                    ("-o", draw(_OUTPUT)),
                    ("--engine", draw(st.sampled_from(["auto", "wasm", "system", "x"]))),
                    ("--evaluate", draw(st.sampled_from(["grounded", "dfquad"] * 4 + ["x"]))),
                    ("--focus", draw(st.sampled_from(["t", "bike-lane", "nope"]) | _GARBAGE)),
                    ("--depth", draw(_DEPTHS)),
                    ("--no-legend",),
                    *draw(st.sampled_from([[]] * 4 + [[("--all", "all")], [("--all", ".")]])),
                    ("--from", draw(_FORMAT)),
                ]
            )
        )
    else:
        argv += [draw(_MAP)]
        argv += draw(
            _options(
                [
                    (
                        "--semantics",
                        draw(st.sampled_from(["grounded", "dfquad", "all"] * 3 + ["x"])),
                    ),
                    ("--json",),
                    ("--width", draw(_WIDTHS)),
                    ("--from", draw(_FORMAT)),
                ]
            )
        )
    for _ in range(draw(weighted((6, st.just(0)), (2, st.just(1)), (1, st.just(2))))):
        token = draw(_GARBAGE | st.sampled_from(["--", "-", "-o", "--help", "--version", "--all"]))
        argv.insert(draw(st.integers(0, len(argv))), token)
    return argv


_VERBS = ("list", "check", "export", "show", "render", "evaluate")
_ERROR_LINE = re.compile(r"argmap: (error|warning): \S.*\S")
_USAGE_ERROR_LINE = re.compile(r"argmap: error: \S")
_RENDERED = re.compile(r"rendered \d+ of \d+ maps into ")


def run_cli(argv, stdin=b""):
    """Run ``argmap argv`` in this process; return (status, stdout bytes, stderr text)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    inp = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = inp, out, err
    try:
        try:
            status = cli.main(argv)
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        out.flush()
        err.flush()
    return status, out.buffer.getvalue(), err.buffer.getvalue().decode("utf-8")


def assert_cli_shape(argv, status, err):
    """Exit 0, 1 or 2; no traceback; every line of stderr an argmap line (usage aside)."""
    assert status in {0, 1, 2}, (argv, status, err)
    assert "Traceback" not in err, err
    lines = err.splitlines()
    if status == 2 and lines:
        usage = [i for i, line in enumerate(lines) if line.startswith("usage: ")]
        assert usage, err
        start = usage[-1]
        block = lines[start + 1 :]
        continued = [line for line in block if line.startswith(" ")]
        rest = block[len(continued) :]
        assert all(not line.startswith(" ") for line in rest), err
        assert len(rest) == 1, err
        assert _USAGE_ERROR_LINE.match(rest[0]), err
        lines = lines[:start]
    for line in lines:
        assert _ERROR_LINE.match(line) or _RENDERED.match(line), (argv, err)


@contextlib.contextmanager
def scratch_folder():
    """Run in a fresh, empty folder (outputs the command line writes land there)."""
    home = Path.cwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        try:
            yield Path(folder)
        finally:
            os.chdir(home)


@at_most(100)
@given(command_lines(), map_files(), st.binary(max_size=60) | map_files().map(lambda f: f[1]))
@example(["check", " "], ("map.json", b""), b"")
@example(["check", "FILE"], ("map.json", b'{"argmap": 1, "id": "m", "title": "\\ud800"}'), b"")
@example(
    ["export", "FILE", "-o", "out.argdown"],
    (
        "map.json",
        (
            b'{"argmap": 1, "id": "m", "title": "M", "theses": ["t"],'
            b' "claims": [{"id": "t", "text": "\\udfff"}]}'
        ),
    ),
    b"",
)
def test_command_lines(argv, file, stdin):
    """Any command line, on any map file, exits 0, 1 or 2 with one-line errors and no traceback."""
    name, data = file
    with scratch_folder() as folder:
        (folder / name).write_bytes(data)
        argv = [name if arg == "FILE" else arg.replace("=FILE", f"={name}") for arg in argv]
        status, out, err = run_cli(argv, stdin)
        event(f"exit {status}")
        verb = next((a for a in argv if a in _VERBS), "no verb")
        event(f"{verb}: exit {status}")
        assert_cli_shape(argv, status, err)
        if status == 0 and argv[0] == "export" and "-o" not in argv and "--help" not in argv:
            to = argv[argv.index("--to") + 1] if "--to" in argv else "json"
            if to in {"json", "aif", "argdown"}:
                _, exc = attempt(argmap.loads, out, to)
                assert exc is None or isinstance(exc, InvalidMapError), exc
        if status == 0 and argv[:1] == ["list"] and "--json" in argv and "--help" not in argv:
            assert isinstance(json.loads(out), list)


def test_the_cli_refuses_a_lone_surrogate_in_one_line(tmp_path, capsys):
    r"""Regression: a \ud800 escape in a JSON file made export -o fail with exit 3."""
    path = tmp_path / "m.json"
    path.write_text(
        '{"argmap": 1, "id": "m", "title": "M", "theses": ["t"],'
        ' "claims": [{"id": "t", "text": "\\ud800"}]}',
        encoding="utf-8",
    )
    assert cli.main(["export", str(path), "-o", str(tmp_path / "out.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"argmap: error: {path}: not valid text: \\ud800 at line 1, column ")
    assert err.count("\n") == 1


def test_a_map_name_with_a_line_break_gives_one_error_line(capsys):
    """A MAP argument holding a line break still gives one error line (cli.py's prefix)."""
    assert cli.main(["check", "a\nb"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1


def test_usage_errors_of_a_verb_start_with_argmap(capsys):
    """A usage error inside a verb's options is an 'argmap: error:' line too."""
    with pytest.raises(SystemExit):
        cli.main(["show", "example", "--depth", "x"])
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith("argmap: error: ")
