"""Fuzzing the views.

The views (DOT, terminal summary, overview, matrix) draw any map with any options, or
refuse odd options in one line.

One of the five fuzz targets (tests/test_fuzz_*.py); what a refusal must look like, and
how many examples each run draws, is in fuzzing.py.
"""

import pytest
from fuzzing import at_most, attempt, one_line, outcome, weighted
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

import argmap
from argmap import ParameterError, UnknownIdError, registry
from argmap.render import dot, terminal
from argmap.strategies import HOSTILE_IDS, argument_maps, hostile_maps

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
