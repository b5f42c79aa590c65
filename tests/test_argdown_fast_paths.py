"""Argdown's fast paths: lexer, parser and YAML give exactly what the slow ones gave.

The lexer tries each kind of token only at a character it can start with, jumps over
text in one step, and counts lines as it goes; the parser reads its token list directly.
The references (``tests/argdown_reference_lexer.py`` and ``..._parser.py``) are the
modules as they were before: on any text, hostile and random included, the tokens
(kind, image, line, column, detail), the tree and every error (message, line, column)
must be the same. The YAML reader takes JSON of the plain form argmap writes with
``json.loads``; on any text it must give what its flow reader gives.
"""

from __future__ import annotations

import gc
import json
import warnings
from pathlib import Path

import argdown_reference_lexer as reference_lexer
import argdown_reference_parser as reference_parser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap._frozen import MAX_META_DEPTH
from argmap.errors import FormatError
from argmap.io import argdown
from argmap.io.argdown import lexer, yaml
from argmap.io.argdown.parser import parse_tree
from argmap.strategies import HOSTILE_TEXTS, argument_maps, ids, metadata, texts

SAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "argdown-samples"

# Pieces of Argdown's syntax, and characters near them, to build texts from.
_PIECES = (
    [
        "[a]", "[a]:", "[b c]: ", "<A>", "<A>:", "@[a]", "@<A>", "[l](u)", "#t", "#(t u)",
        "\n", "\n\n", "\r\n", "\r", "\u2028", " ", "  ", "\t", "'", "  + ", "  - ", "+> ",
        "-> ", "_> ", "<_ ", "_ ", "  >< ", "(1) ", "(2)", "1. ", "* ", "# ", "## ",
        "--", "----", "-- r1, r2 --", "===\ntitle: x\n===\n", "{a: 1}", "{}", "} x", "{",
        "}", "**", "__", "*", "_", "\\", "\\[", ".", ":", ".x.", ":x:", ",", ";", "(", ")",
        "<!--", "-->", "/*", "*/", "//", "/", "<", ">", "@", "#", "-", "=", "0", "9",
        "text ", "é", "\u00a0", "\ufeff", "'+ ", "' - ", "'(1) ", "'1. ", "'* ", "'--",
        "'_ ", "\t><", "0.", "12. x", "+", ">",
    ]
)  # fmt: skip
_BITS = st.sampled_from(_PIECES)
_SYNTAX = st.lists(_BITS | st.text(max_size=4), max_size=40).map("".join)
_ANY = _SYNTAX | st.text(max_size=120) | st.sampled_from(HOSTILE_TEXTS)


def _tokens(module: object, text: str) -> object:
    """The tokens as tuples, or the error as its message, line and column."""
    try:
        found = module.tokenize(text)  # type: ignore[attr-defined]
    except FormatError as exc:
        return ("error", str(exc), exc.line, exc.column)
    return [(t.kind, t.image, t.line, t.column, t.detail) for t in found]


def _tree(parse: object, text: str) -> object:
    try:
        return parse(text)  # type: ignore[operator]
    except FormatError as exc:
        return ("error", str(exc), exc.line, exc.column)


def _same(text: str) -> None:
    assert _tokens(lexer, text) == _tokens(reference_lexer, text)
    # Where the text ends (the end-of-input token's line and column, which errors name).
    ends = [len(text)] if len(text) < 2 else [len(text), len(text) // 2]
    fast, slow = lexer.Lexer(text), reference_lexer.Lexer(text)
    assert [fast.where(i) for i in ends] == [slow.where(i) for i in ends]
    assert _tree(parse_tree, text) == _tree(reference_parser.parse_tree, text)


@settings(max_examples=300)
@given(_ANY)
def test_tokens_and_tree_as_the_reference_gives_them(text):
    _same(text)


@given(_SYNTAX, _SYNTAX)
def test_after_any_start_of_a_line(head, tail):
    """The same after each kind of line start (state the dispatch depends on)."""
    for join in ("\n", "\n\n", "\n  ", "\n----\n", "\n(1) ", "[a]: x\n", "* "):
        _same(head + join + tail)


# What a piece may come after and before: each kind of line start (the lexer's state), mid-line.
_BEFORE = ["", "[a]: x\n", "[a]: x\n\n", "(1) [a]\n", "(1) [a]\n----\n", "[a]\n  + [b]\n", "x "]
_AFTER = ["", " [b]: y", "+ [c]\n  - <D>", "x** y**\n"]


def test_each_piece_after_each_line_start():
    """Every piece at the start of a line in each state, and mid-line, before a few tails."""
    for before in _BEFORE:
        for piece in _PIECES:
            for after in _AFTER:
                _same(before + piece + after)


@given(argument_maps(max_claims=6, ids=ids(), meta=metadata(), labels=texts()))
def test_what_argmap_writes(m):
    _same(argdown.dumps(m))


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="Argdown's samples are not beside the project")
def test_argdowns_own_samples():
    files = sorted(SAMPLES.glob("*.argdown"))
    assert files
    for path in files:
        _same(path.read_text(encoding="utf-8"))


# -- the YAML reader's plain-JSON path ----------------------------------------------------

_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**17), 10**17)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6)
    | st.sampled_from(["#", "a: b", "\\", "\u2028", '"', "{", ""]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=12,
)


def _flow_reader(text: str, depth: int = 0) -> object:
    """What the YAML flow reader alone gives (or its error)."""
    reader = yaml._Flow(text)
    reader.depth = depth
    try:
        value = reader.value(inside=False)
        reader.skip()
        if reader.pos != len(text):
            raise reader.fail("unexpected text after the value")
    except yaml.YamlError as exc:
        return ("error", str(exc))
    return value


def _load_flow(text: str, depth: int = 0) -> object:
    try:
        return yaml.load_flow(text, depth)
    except yaml.YamlError as exc:
        return ("error", str(exc))


@given(
    _JSON_VALUES,
    st.booleans(),
    st.sampled_from([None, 0, 2]),
    st.sampled_from([0, 1, yaml.MAX_DEPTH - 2, yaml.MAX_DEPTH - 1, yaml.MAX_DEPTH]),
)
def test_plain_json_reads_as_the_flow_reader_reads_it(value, ascii_only, indent, depth):
    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    assert repr(_load_flow(text, depth)) == repr(_flow_reader(text, depth))


@given(
    _SYNTAX
    | st.text(max_size=30)
    | st.sampled_from(['{"a": "\\ud800"}', '"\\/"', '"\\x41"', "[1, 2,]", '{"a": 1e400}'])
)
def test_any_flow_text_reads_as_the_flow_reader_reads_it(text):
    assert repr(_load_flow(text)) == repr(_flow_reader(text))


def test_plain_json_is_taken_and_the_rest_left_to_the_flow_reader():
    assert yaml._plain_json('{"argmap": {"baseScore": 0.5, "tags": ["a", "b"]}}', 0) == {
        "argmap": {"baseScore": 0.5, "tags": ["a", "b"]}
    }
    for text in [
        '{"a": "\\n"}',
        "{a: 1}",
        "0123",
        "1e5",
        '{"a": NaN}',
        "[" * (yaml.MAX_DEPTH + 1) + "]" * (yaml.MAX_DEPTH + 1),
    ]:
        assert yaml._plain_json(text, 0) is yaml._NOT_PLAIN


def test_reading_leaves_no_cycles_for_the_collector():
    """Reading breaks the model's cycles, so a large document is freed without a collection."""
    text = (
        "[a]: A.\n  + [b]: B.\n  - <C>: C.\n\n<D>\n\n(1) [a]\n(2) [b]\n----\n(3) [e]\n  -> [f]\n"
        "  _ [g]\n\n<E>: e.\n  - <D>\n"
    )
    argdown.loads(text)  # (imports and first-use caches, before counting)
    gc.collect()
    gc.disable()
    try:
        argdown.loads(text)
        assert gc.collect() == 0
    finally:
        gc.enable()


@pytest.mark.parametrize(
    ("own", "levels", "kept"),
    [
        (False, MAX_META_DEPTH - 2, True),  # kept at level 3: 98 more levels fit
        (False, MAX_META_DEPTH - 1, False),
        (True, MAX_META_DEPTH, True),  # argmap's own meta becomes the claim's: 100 fit
        (True, MAX_META_DEPTH + 1, False),
    ],
)
def test_metadata_just_within_and_just_past_the_depth_limit(own, levels, kept):
    data = '{"a": ' * levels + "1" + "}" * levels
    if own:
        data = '{"argmap": {"meta": ' + data + "}}"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = argdown.loads(f"[a]: A. {data}")
    assert bool(caught) is not kept
    assert ("yaml" in m.claims[0].meta.get("argdown", {}).get("data", {})) is not kept
