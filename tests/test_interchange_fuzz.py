"""Fuzzing the readers: random and mutated AIF and Argdown raise nothing but ArgmapError."""

import contextlib
import json
import warnings

from fuzzing import at_most
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError, ArgmapWarning
from argmap.io import aif, argdown
from argmap.strategies import argument_maps

# The slow targets run at most 50 examples under the default "ci" profile, and the
# profile's own count under any other (10,000 under "fuzz", see bench/fuzz.py).
_AT_MOST_50 = at_most(50)

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_IDS = st.one_of(st.integers(-3, 30), st.sampled_from(["1", "2", "a", "a b", "", "argmap"]), _JSON)
_TYPES = st.sampled_from(["I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "", "X"]) | _JSON
_NODES = st.fixed_dictionaries(
    {"nodeID": _IDS, "type": _TYPES, "text": st.text(max_size=10) | _JSON},
    optional={"scheme": st.text(max_size=10), "timestamp": _JSON},
)
_EDGES = st.fixed_dictionaries(
    {"fromID": _IDS, "toID": _IDS}, optional={"edgeID": _IDS, "formEdgeID": _JSON}
)
_AIF = st.fixed_dictionaries(
    {"nodes": st.lists(_NODES | _JSON, max_size=8), "edges": st.lists(_EDGES | _JSON, max_size=10)},
    optional={
        "locutions": st.lists(_JSON, max_size=3) | _JSON,
        "participants": _JSON,
        aif.EXTRA_KEY: st.dictionaries(st.sampled_from(["sources", "claims", "theses"]), _JSON),
    },
)


def _read(read, text):
    """Read text; return the map, or None if it was refused with a one-line ArgmapError."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArgmapWarning)
        try:
            return read(text)
        except ArgmapError as exc:
            refused = exc
    assert len(str(refused).splitlines()) == 1, f"not one line: {refused}"
    assert all(len(m.splitlines()) == 1 for m in getattr(refused, "messages", ()))
    return None


def _check_map(m, write):
    """A map that was read can be validated, and written (or refused with ArgmapError)."""
    argmap.validate(m)
    with contextlib.suppress(ArgmapError):
        write(m)


@given(st.text(max_size=200))
def test_random_text_as_aif(text):
    """Any text given as AIF is read or refused with an ArgmapError."""
    m = _read(aif.loads, text)
    if m is not None:
        _check_map(m, aif.dumps)


@given(_AIF)
def test_random_aif_shapes(data):
    """Documents shaped like AIF but full of wrong types are read or refused cleanly."""
    m = _read(aif.loads, json.dumps(data))
    if m is not None:
        _check_map(m, aif.dumps)


@given(_AIF.filter(lambda d: aif.EXTRA_KEY not in d))
def test_whatever_aif_reads_it_writes_back_exactly(data):
    """Any AIF document argmap reads, it writes back the same (extra-free documents)."""
    m = _read(aif.loads, json.dumps(data))
    if m is not None:
        assert aif.to_dict(m) == data


@_AT_MOST_50
@given(argument_maps(max_claims=6), st.data())
def test_mutated_aif(m, data):
    """AIF that argmap wrote, then damaged at random, is read or refused cleanly."""
    doc = json.loads(aif.dumps(m))
    for _ in range(data.draw(st.integers(1, 4))):
        key = data.draw(st.sampled_from(["nodes", "edges"]))
        items = doc[key]
        if not items:
            continue
        i = data.draw(st.integers(0, len(items) - 1))
        action = data.draw(st.sampled_from(["drop", "repeat", "field", "replace"]))
        if action == "drop":
            del items[i]
        elif action == "repeat":
            items.append(items[i])
        elif action == "replace":
            items[i] = data.draw(_JSON)
        elif isinstance(items[i], dict) and items[i]:
            field = data.draw(st.sampled_from(sorted(items[i])))
            items[i] = {**items[i], field: data.draw(_IDS)}
    read = _read(aif.loads, json.dumps(doc))
    if read is not None:
        _check_map(read, aif.dumps)
        again = _read(aif.loads, aif.dumps(read))
        assert again is not None
        assert aif.dumps(again) == aif.dumps(read)


_ARGDOWN_BITS = st.sampled_from(
    [
        "[A]: ",
        "[B]",
        "<C>: ",
        "<D>",
        "\n",
        "\n\n",
        "  + ",
        "  - ",
        "  _ ",
        "  +> ",
        "  -> ",
        "  _> ",
        "  >< ",
        "    ",
        "(1) ",
        "(2) ",
        "----\n",
        "-- rule --\n",
        "# ",
        "## ",
        "#tag ",
        "{a: 1}",
        "{",
        "}",
        "===\ntitle: x\n===\n\n",
        "// c\n",
        "/* c */",
        "<!-- c -->",
        "**",
        "_",
        "*",
        "\\",
        "@[A]",
        "[l](u)",
        "  * ",
        "1. ",
        "text ",
        ":heart:",
        ".",
        ",",
    ]
)
_ARGDOWN = st.lists(_ARGDOWN_BITS | st.text(max_size=5), max_size=30).map("".join)


@given(st.text(max_size=200))
def test_random_text_as_argdown(text):
    """Any text given as Argdown is read or refused with an ArgmapError."""
    m = _read(argdown.loads, text)
    if m is not None:
        _check_map(m, argdown.dumps)


@given(_ARGDOWN)
def test_argdown_made_of_syntax(text):
    """Text made of Argdown's own pieces, in any order, is read or refused cleanly."""
    m = _read(argdown.loads, text)
    if m is not None:
        _check_map(m, argdown.dumps)


@_AT_MOST_50
@given(argument_maps(max_claims=6), st.data())
def test_mutated_argdown(m, data):
    """Argdown that argmap wrote, then damaged at random, is read or refused cleanly."""
    lines = argdown.dumps(m).split("\n")
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "repeat", "insert", "cut"]))
        if action == "drop" and len(lines) > 1:
            del lines[i]
        elif action == "repeat":
            lines.insert(i, lines[i])
        elif action == "insert":
            lines.insert(i, data.draw(_ARGDOWN))
        else:
            lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))]
    read = _read(argdown.loads, "\n".join(lines))
    if read is not None:
        _check_map(read, argdown.dumps)
