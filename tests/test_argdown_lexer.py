"""Argdown's fast lexer and parser give exactly what the reference ones gave.

The lexer tries each kind of token only at a character it can start with, jumps over
text in one step, and counts lines as it goes; the parser reads its token list directly.
The references (``tests/argdown_reference_lexer.py`` and ``..._parser.py``) are the
modules as they were before: on any text, hostile and random included, the tokens
(kind, image, line, column, detail), the tree and every error (message, line, column)
must be the same.
"""

from __future__ import annotations

from pathlib import Path

import argdown_reference_lexer as reference_lexer
import argdown_reference_parser as reference_parser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import FormatError
from argmap.io import argdown
from argmap.io.argdown import lexer
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
