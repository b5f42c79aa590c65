"""Fuzzing the new readers: Kialo, arggraph and ICCMA raise nothing but one-line ArgmapErrors."""

import contextlib
import warnings

import pytest
from fuzzing import at_most
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError, ArgmapWarning
from argmap.io import apx, arggraph, graphml, iccma23, kialo, tgf
from argmap.strategies import argument_maps

_AT_MOST_50 = at_most(50)
READERS = {"kialo": kialo, "arggraph": arggraph, "apx": apx, "tgf": tgf, "iccma23": iccma23}


def _read(module, text):
    """Read text; return the map, or None if it was refused with a one-line ArgmapError."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArgmapWarning)
        try:
            return module.loads(text)
        except ArgmapError as exc:
            refused = exc
    assert len(str(refused).splitlines()) == 1, f"not one line: {refused}"
    assert all(len(m.splitlines()) == 1 for m in getattr(refused, "messages", ()))
    return None


def _check_map(m):
    """A map that was read can be validated, evaluated when valid, and written."""
    problems = argmap.validate(m)
    if not any(p.is_error for p in problems):
        argmap.evaluate(m, "grounded")
    for fmt in ("json", "iccma23", "graphml"):
        with contextlib.suppress(ArgmapError):
            argmap.dumps(m, fmt)


_BITS = {
    "kialo": [
        "Discussion Title: ",
        "Discussion Name:",
        "\n",
        "\r\n",
        "1. ",
        "1.1. ",
        "1.1.1. ",
        "2.1. ",
        "Pro: ",
        "Con: ",
        "Thesis:",
        "Question:",
        "    ",
        "\t",
        "-> See 1.1.",
        "-> See 1.",
        "-> See discussion #12: x",
        "[1]",
        "[a](http://x)",
        "\\[",
        "Sources:\n",
        "\u200b",
        "\u00a0",
        "text ",
    ],
    "arggraph": [
        "<arggraph id='g'>",
        "</arggraph>",
        "<edu id='e1'>",
        "</edu>",
        "<adu id='a1' type='pro'/>",
        "<adu id='a2' type='opp'/>",
        "<joint id='j1'/>",
        "<edge id='c1' src='e1' trg='a1' type='seg'/>",
        "<edge id='c2' src='a2' trg='a1' type='reb'/>",
        "<edge id='c3' src='a1' trg='c2' type='und'/>",
        "<edge id='c4' src='a2' trg='c3' type='add'/>",
        "<edge id='c5' src='a2' trg='a1' type='sup'/>",
        "<edge id='c2' src='j1' trg='a2' type='seg'/>",
        "<![CDATA[x]]>",
        "&amp;",
        "<!DOCTYPE a>",
        "text",
    ],
    "apx": [
        "arg(a).",
        "arg(b).",
        "att(a,b).",
        "att(b,a).",
        "att(a,a).",
        '% argmap a thesis "x"\n',
        "\n",
        " ",
        "(",
        ")",
        ",",
        ".",
    ],
    "tgf": ["1", "2", " x", "#", "\n", "1 2", "2 1", "1 1", ' thesis "a"', " "],
    "iccma23": [
        "p af 3",
        "p af 0",
        "\n",
        "1 2",
        "2 3",
        "3 3",
        "4 1",
        '# argmap 1 thesis "t"',
        "#",
        " ",
    ],
}


@pytest.mark.parametrize("fmt", sorted(READERS))
@given(text=st.text(max_size=200))
def test_random_text(fmt, text):
    """Any text given to a new reader is read or refused with a one-line ArgmapError."""
    m = _read(READERS[fmt], text)
    if m is not None:
        _check_map(m)


@pytest.mark.parametrize("fmt", sorted(READERS))
@given(data=st.data())
def test_text_made_of_the_formats_own_pieces(fmt, data):
    """Text made of a format's own syntax, in any order, is read or refused cleanly."""
    pieces = st.sampled_from(_BITS[fmt]) | st.text(max_size=4)
    text = "".join(data.draw(st.lists(pieces, max_size=30)))
    m = _read(READERS[fmt], text)
    if m is not None:
        _check_map(m)


@_AT_MOST_50
@pytest.mark.parametrize("fmt", ["apx", "tgf", "iccma23", "graphml"])
@given(m=argument_maps(max_claims=6), data=st.data())
def test_mutated_output(fmt, m, data):
    """What argmap wrote, damaged at random, is read (as ICCMA or arggraph) or refused cleanly."""
    lines = argmap.dumps(m, fmt).split("\n")
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "repeat", "cut", "insert"]))
        if action == "drop" and len(lines) > 1:
            del lines[i]
        elif action == "repeat":
            lines.insert(i, lines[i])
        elif action == "insert":
            lines.insert(i, data.draw(st.text(max_size=10)))
        else:
            lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))]
    reader = arggraph if fmt == "graphml" else READERS[fmt]
    read = _read(reader, "\n".join(lines))
    if read is not None:
        _check_map(read)


def test_graphml_module_is_writable_only():
    """GraphML is written, never read (so the mutated GraphML goes to the XML reader)."""
    assert not hasattr(graphml, "loads")
