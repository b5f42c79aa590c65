"""Safe views: text that cannot act on a terminal, and the other items of issue 13, part C.

Bounded explanations, a module cache that cannot be fooled, inert SVG, one error type for
wrong arguments, and evaluations that pickle.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import os
import re
import textwrap
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Claim, MapBuilder, Rebuttal
from argmap.cli import main
from argmap.cli.listing import _row as listing_row
from argmap.render import terminal
from argmap.render.engines import cache
from argmap.render.engines import wasm as engine
from argmap.render.terminal import report as describe
from argmap.strategies import (
    HOSTILE_IDS,
    HOSTILE_TEXTS,
    argument_maps,
    hostile_map,
    hostile_maps,
    ladder_map,
    texts,
)
from argmap.text import clean, safe_json

# -- 1. text from a map never acts on the terminal ----------------------------------------

_KEEP = frozenset("\u00ad\u200c\u200d")


def unsafe(text: str) -> list[str]:
    """The characters of printed output that could act on a terminal.

    C0 and C1 controls (ESC, BEL, backspace, CSI...), DEL, line and paragraph separators,
    surrogates, and invisible format characters such as the bidirectional overrides and
    isolates (U+202A-U+202E, U+2066-U+2069); only the line feed that ends a line, the soft
    hyphen, the zero-width joiners and emoji tag characters may appear.
    """
    found = []
    for ch in text:
        if ch == "\n":
            continue
        category = unicodedata.category(ch)
        if category in {"Cc", "Cs", "Zl", "Zp"} or (
            category == "Cf" and ch not in _KEEP and not 0xE0020 <= ord(ch) <= 0xE007F
        ):
            found.append(ch)
    return found


def assert_safe(text: str) -> None:
    """No character that acts on a terminal, and no line break but the line feed."""
    assert unsafe(text) == [], text[:200]
    assert len(text.splitlines()) == text.count("\n") + (not text.endswith("\n") and text != "")


#: Map ids an attacker would pick: fake "ok" lines, cursor moves, overrides.
HOSTILE_MAP_IDS = (
    "m\nother: ok (1 claims, 0 relations)",
    "\x1b[2K\rexample: ok",
    "m\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
    "\u202eko\u202c",
    "\u2066m\u2069",
    "m\x9b2J",
    "m\x08\x08ok",
    "m\x85n\u2028o\u2029p",
    "m\x07",
    "",
)

_MAP_IDS = st.sampled_from(HOSTILE_MAP_IDS) | texts(max_size=12)

#: Claim and relation ids are valid with invisible format characters in them.
_IDS = st.lists(
    st.sampled_from(
        (*HOSTILE_IDS, "\u202eevil", "a\u2066b\u2069", "z\u200fy", "\u061cq", "w\ufeffv")
    ),
    min_size=5,
    max_size=5,
    unique=True,
)
_TEXTS = st.sampled_from(HOSTILE_TEXTS) | texts(max_size=80)


@st.composite
def hostile_valid_maps(draw: st.DrawFn) -> ArgumentMap:
    """Valid maps with hostile texts, and ids that hold bidirectional controls too."""
    return hostile_map(draw(_TEXTS), draw(_IDS))


def run(*args: object) -> tuple[int, str, str]:
    """Run the command line, capturing what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def map_file(m: ArgumentMap):
    """``m`` written to a JSON file in a fresh temporary folder."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "m.json"
        argmap.dump(m, path)
        yield path


@settings(max_examples=30)
@given(hostile_maps(), _MAP_IDS)
def test_check_shows_any_map_id_on_its_own_lines(m, map_id):
    """check prints one line per problem plus its verdict, each led by the escaped id."""
    m = attrs.evolve(m, id=map_id)
    with map_file(m) as path:
        code, out, err = run("check", path)
    assert_safe(out + err)
    problems = argmap.validate(m)
    lines = out.splitlines()
    assert len(lines) == len(problems) + 1
    assert all(line.startswith(clean(map_id) + ": ") for line in lines)
    verdict = "1 error" if problems else "ok"
    assert (code, lines[-1].startswith(f"{clean(map_id)}: {verdict} (")) == (len(problems), True)


def test_a_map_id_cannot_fake_an_ok_line():
    """An id holding a line break and an "ok" verdict shows escaped, on the error line."""
    m = hostile_map("Plain.", ("t", "a", "b", "c", "d"))
    m = attrs.evolve(m, id="x: ok (5 claims, 3 relations)\nreal")
    with map_file(m) as path:
        code, out, _ = run("check", path)
    assert code == 1
    shown = "x: ok (5 claims, 3 relations) real"
    problem = (
        "error: map id 'x: ok (5 claims, 3 relations)\\nreal' is empty or holds spaces or "
        "control characters; use a slug such as 'bike-lanes'"
    )
    assert out.splitlines() == [f"{shown}: {problem}", f"{shown}: 1 error (5 claims, 3 relations)"]


def _thesis_block(m: ArgumentMap, width: int) -> list[str]:
    """The lines the report's layout gives the thesis's text: wrapped, indented by two."""
    return textwrap.wrap(
        clean(m.claim(m.theses[0]).text),
        width,
        initial_indent="  ",
        subsequent_indent="  ",
        break_long_words=True,  # a word longer than a line is broken, never let run
        break_on_hyphens=False,
    )


@settings(max_examples=30)
@given(hostile_valid_maps(), st.integers(40, 120))
def test_evaluate_report_prints_text_as_text(m, width):
    """evaluate's report holds no control, and each text takes the lines its layout says."""
    with map_file(m) as path:
        code, out, err = run("evaluate", path, "--width", width)
    assert code == 0
    assert_safe(out + err)
    lines = out.splitlines()
    head = lines.index(next(line for line in lines if line.startswith("thesis ")))
    assert lines[head].startswith(f"thesis {m.theses[0]!r}:")
    at = head + 1
    while lines[at].startswith("    "):  # the heading's own wrapped lines
        at += 1
    block = _thesis_block(m, width)
    assert lines[at : at + len(block)] == block


_RAN = (
    "grounded labels, quadratic-energy (QE) strengths (converged) and DF-QuAD strengths (converged)"
)


@settings(max_examples=30)
@given(hostile_maps(), _MAP_IDS)
def test_report_of_any_map_id_and_title_is_safe(m, map_id):
    """The report's header shows a hostile id and title escaped, on one line."""
    m = attrs.evolve(m, id=map_id, title=map_id + "\x1b[8m")
    out = describe(m, argmap.evaluate(m), 100)
    assert_safe(out)
    lines = out.splitlines()
    header = lines[: lines.index(_RAN)]
    assert " ".join(header).split() == clean(f"{map_id}: {map_id}\x1b[8m").split()


def test_a_no_break_space_of_the_map_prints_as_itself():
    """A no-break space in a claim's text prints as itself (the report's own print as spaces)."""
    b = MapBuilder("m", "M")
    b.thesis("t", "10\xa0km of lanes")
    with map_file(b.build()) as path:
        _, out, _ = run("evaluate", path)
    assert "  10\xa0km of lanes" in out.splitlines()
    assert all("\xa0" not in line for line in out.splitlines() if line.startswith("thesis"))


def test_a_thesis_text_cannot_overprint_its_result():
    """A claim text that returns the cursor and prints "IN" shows escaped, after "OUT"."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "\r\x1b[1Athesis 't': IN\x1b[K")
    b.claim("no", "An objection nothing answers.").rebuts(t)
    with map_file(b.build()) as path:
        _, out, _ = run("evaluate", path)
    assert "\x1b" not in out
    assert "\r" not in out
    lines = out.splitlines()
    assert [line for line in lines if line.startswith("thesis")] == [
        "thesis 't': grounded: OUT · QE: 0.400 · DF-QuAD: 0.250"
    ]
    assert "   \\x1b[1Athesis 't': IN\\x1b[K" in lines


@settings(max_examples=20)
@given(hostile_valid_maps())
def test_evaluate_json_is_safe_and_exact(m):
    """evaluate --json escapes what would act on a terminal, and reads back the same data."""
    with map_file(m) as path:
        code, out, _ = run("evaluate", path, "--json")
    assert code == 0
    assert_safe(out)
    assert json.loads(out) == {"map": m.id, **argmap.evaluate(m).to_json()}


@settings(max_examples=25)
@given(_TEXTS, _IDS)
def test_show_lays_out_a_text_as_its_escaped_form(text, ids):
    """show prints no control, and a hostile text takes exactly the room of its escapes."""
    with map_file(hostile_map(text, ids)) as path:
        code, out, err = run("show", path, "--width", 100, "--quotes")
    assert code == 0
    assert_safe(out + err)
    with map_file(hostile_map(clean(text), ids)) as path:
        _, expected, _ = run("show", path, "--width", 100, "--quotes")
    assert out == expected


@settings(max_examples=20)
@given(st.lists(st.tuples(hostile_maps(), _MAP_IDS), min_size=1, max_size=3))
def test_list_shows_one_line_per_map(monkeypatch_maps):
    """list prints a header, a row per map, its title and a line per thesis under it."""
    maps = [attrs.evolve(m, id=i, title=i + m.title[:40]) for m, i in monkeypatch_maps]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("argmap.cli.listing.rows", lambda: ([listing_row(m) for m in maps], True))
        code, out, err = run("list")
        _, as_json, _ = run("list", "--json")
    assert code == 0
    assert_safe(out + err + as_json)
    lines = out.splitlines()
    # a row: the id in its column, then four counts; the title and theses wrap under it
    width = max(len(clean(m.id)) for m in maps)
    rows = [
        line
        for line in lines[1:]
        if re.search(r"( +\d+){4}$", line)
        and any(line.startswith(f"{clean(m.id):<{width}}  ") for m in maps)
    ]
    assert len(rows) == len(maps)
    theses = [line for line in lines if line.startswith("  thesis ")]
    assert len(theses) == sum(len(m.theses) for m in maps)
    for line, m in zip(rows, maps, strict=True):
        assert line.startswith(clean(m.id))
    assert [(r["id"], r["title"]) for r in json.loads(as_json)] == [(m.id, m.title) for m in maps]


@given(st.text(max_size=30))
def test_safe_json_reads_back_the_same_text(text):
    """Escaping unsafe characters in JSON keeps it valid and the same data."""
    out = safe_json({"k" + text: [text]})
    assert_safe(out)
    assert json.loads(out) == {"k" + text: [text]}


_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and the infinities too, written as json.dumps writes them
    | st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cf", "Zl", "Zp", "Co", "Cn")))
)
_JSON_KEYS = st.text(max_size=5) | st.integers() | st.booleans() | st.none() | st.floats()


@settings(max_examples=300)
@given(
    st.recursive(
        _SCALARS,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.tuples(inner, inner)
            | st.dictionaries(_JSON_KEYS, inner, max_size=4)
        ),
        max_leaves=20,
    ),
    st.sampled_from([0, 1, 2, 4]),
)
def test_safe_json_is_json_dumps_where_nothing_is_unsafe(value, indent):
    """safe_json's indented writer gives json.dumps's text, character for character."""
    expected = json.dumps(value, indent=indent, ensure_ascii=False)
    if not expected.replace("\n", "").isprintable():
        return  # safe_json escapes what json.dumps leaves (the test above)
    assert safe_json(value, indent=indent) == expected


@given(st.text(max_size=30))
def test_clean_is_one_safe_line(text):
    """clean leaves no unsafe character and no line break, and changes nothing safe twice."""
    once = clean(text)
    assert unsafe(once) == []
    assert "\n" not in once
    assert clean(once) == once


def test_terminal_view_uses_the_shared_rule():
    """The terminal views' cleaning is the shared one, not a copy of it."""
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(terminal.__path__):
        module = importlib.import_module(f"{terminal.__name__}.{info.name}")
        assert getattr(module, "clean", clean) is clean, info.name


@pytest.mark.parametrize("map_id", ["", "a b", "a\nb", "a\x1b[2Jb", "a\x85b", "a\u2028b"])
def test_a_bad_map_id_is_a_problem_and_the_builder_refuses_it(map_id):
    """A map id that is empty or holds spaces, controls or line breaks is a bad-id error."""
    b = MapBuilder(map_id, "M")
    b.thesis("t", "T.")
    with pytest.raises(argmap.InvalidMapError, match="map id"):
        b.build()
    m = ArgumentMap(map_id, "M", theses=["t"], claims=[Claim("t", "T.")])
    assert [(p.code, p.subject) for p in argmap.validate(m)] == [("bad-id", map_id)]


# -- 2. explanations take linear time on ladders, and bounded time always ------------------


def naive_cruxes(m: ArgumentMap, thesis: str) -> dict[str, argmap.Label]:
    """Cruxes by definition: re-evaluate the map once per claim, with it rejected."""
    before = argmap.evaluate(m, "grounded", explain=False).labels[thesis]
    found = {}
    for c in m.claims:
        if c.id == thesis:
            continue
        objection = Rebuttal("objection--x", ["objector--x"], c.id)
        rejected = attrs.evolve(
            m,
            claims=(*m.claims, Claim("objector--x", "An unanswered objection.")),
            relations=(*m.relations, objection),
        )
        after = argmap.evaluate(rejected, "grounded", explain=False).labels[thesis]
        if after != before:
            found[c.id] = after
    return found


@st.composite
def ladders(draw: st.DrawFn) -> ArgumentMap:
    """Ladders of a drawn width, some rungs attacked, so changes spread level-wide or not."""
    m = ladder_map(draw(st.integers(2, 7)), width=draw(st.integers(1, 4)), theses=2)
    claims = [c.id for c in m.claims if not c.id.startswith("t")]
    attacked = draw(st.lists(st.sampled_from(claims), max_size=3, unique=True))
    extra = [Claim(f"x{i}", "An objection.") for i in range(len(attacked))]
    attacks = [Rebuttal(f"r{i}", [f"x{i}"], c) for i, c in enumerate(attacked)]
    answered = draw(st.lists(st.sampled_from([f"x{i}" for i in range(len(attacked))] or ["-"])))
    answers = [Rebuttal(f"a-{x}", [claims[-1]], x) for x in dict.fromkeys(answered) if x != "-"]
    return attrs.evolve(m, claims=(*m.claims, *extra), relations=(*m.relations, *attacks, *answers))


@settings(max_examples=60)
@given(ladders())
def test_cruxes_on_ladders_are_the_claims_whose_rejection_flips_the_thesis(m):
    """On ladders, where a change spreads over a whole level, cruxes still match the definition."""
    e = argmap.evaluate(m, "grounded")
    for t in m.theses:
        assert dict(e.crux_outcomes[t]) == naive_cruxes(m, t)


@pytest.mark.parametrize("width", [2, 5, 16])
def test_explaining_a_ladder_takes_linear_steps(width):
    """Cruxes and influence of five theses of a ladder fit in 20 steps per element of the map.

    Without a memo of the frontier a change reaches, each claim's rejection climbs the
    whole ladder again: quadratic in its height (600 to 4,000 steps per element here).
    """
    m = ladder_map(100, width=width, theses=5)
    size = len(m.claims) + len(m.relations) + sum(len(r.premises) for r in m.relations)
    e = argmap.evaluate(m, max_explain_steps=20 * size)
    assert e.cut_short == {}
    assert all(len(e.cruxes[t]) == 100 * width for t in m.theses)
    assert all(len(e.influence[t]) == 100 * width for t in m.theses)


@pytest.mark.parametrize("per_element", [0, 3, 4, 6, 8, 10, 12, 20])
def test_explanations_past_the_step_limit_are_cut_short_and_named(per_element):
    """Theses are explained in order until the steps run out; those cut short are named.

    Every thesis explained is explained in full (the same as without a limit), the rest
    get no cruxes or no influence, and :attr:`cut_short` says which part each one misses.
    """
    m = ladder_map(30, width=3, theses=4)
    size = len(m.claims) + len(m.relations) + sum(len(r.premises) for r in m.relations)
    full = argmap.evaluate(m)
    e = argmap.evaluate(m, max_explain_steps=per_element * size)
    assert e.labels == full.labels
    assert e.strengths == full.strengths
    for t in m.theses:
        missing = e.cut_short.get(t, ())
        assert (t in e.cruxes, t in e.influence) == (
            "cruxes" not in missing,
            "influence" not in missing,
        )
        if t in e.cruxes:
            assert (e.cruxes[t], e.crux_outcomes[t]) == (full.cruxes[t], full.crux_outcomes[t])
        if t in e.influence:
            assert e.influence[t] == full.influence[t]
    cut = list(e.cut_short)
    assert cut == list(m.theses[len(m.theses) - len(cut) :])  # the last ones, in order
    assert all(e.cut_short[t] == ("cruxes", "influence") for t in cut[1:])
    assert e.to_json()["cut_short"] == {t: list(v) for t, v in e.cut_short.items()}
    assert bool(e.cut_short_note) == bool(cut)
    assert (per_element == 20) == (not cut)


def test_the_note_names_what_was_cut_short():
    """The note says which explanations of which theses the step limit cut."""
    e = argmap.evaluate(ladder_map(30, width=3, theses=4), max_explain_steps=0)
    assert e.cut_short_note == (
        "cruxes and influence of 4 theses ('t0', 't1', 't2' and 1 more) cut short at the step "
        "limit (max_explain_steps)"
    )
    one = argmap.evaluate(ladder_map(3), "grounded", max_explain_steps=0)
    assert one.cut_short == {"t0": ("cruxes",)}
    assert (
        one.cut_short_note
        == "cruxes of thesis ('t0') cut short at the step limit (max_explain_steps)"
    )


def test_default_step_limit_grows_with_the_map():
    """By default the limit is a base plus a number of steps per claim, relation and premise."""
    module = importlib.import_module("argmap.evaluate")  # argmap.evaluate is the function

    m = ladder_map(10, width=20, theses=2)  # wider than any frontier memoised: quadratic
    size = len(m.claims) + len(m.relations) + sum(len(r.premises) for r in m.relations)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(module, "EXPLAIN_STEPS_BASE", 0)
        mp.setattr(module, "EXPLAIN_STEPS_PER_ELEMENT", 5)
        small = argmap.evaluate(m)
        mp.setattr(module, "EXPLAIN_STEPS_PER_ELEMENT", 10**6)
        large = argmap.evaluate(m)
    assert small.cut_short == argmap.evaluate(m, max_explain_steps=5 * size).cut_short != {}
    assert large.cut_short == {}


def test_explain_budget_is_the_default_limit_and_checks_its_numbers():
    """explain_budget(m) is what evaluate allows by default; its numbers are counts."""
    m = ladder_map(10, width=20, theses=2)
    size = len(m.claims) + len(m.relations) + sum(len(r.premises) for r in m.relations)
    module = importlib.import_module("argmap.evaluate")  # argmap.evaluate is the function
    budget = module.explain_budget
    expected = module.EXPLAIN_STEPS_BASE + module.EXPLAIN_STEPS_PER_ELEMENT * size
    assert budget(m) == expected
    full = argmap.evaluate(m, max_explain_steps=expected).to_json()
    assert argmap.evaluate(m).to_json() == full
    assert budget(m, base=7, per_element=3) == 7 + 3 * size
    assert budget(m, base=0, per_element=0.5) == size // 2
    for bad in (-1, float("inf"), float("nan"), "3", True):
        with pytest.raises(argmap.ParameterError, match="per_element"):
            budget(m, per_element=bad)
    for bad in (-1, 1.5, "3", True):
        with pytest.raises(argmap.ParameterError, match="base"):
            budget(m, base=bad)


@pytest.mark.parametrize("width", [1, 2])
def test_a_cone_past_the_limit_is_given_up_as_if_found_whole(monkeypatch, width):
    """The cone search stops once it outgrows the steps left.

    The outcome (which theses are cut short, every explanation found) is that of finding
    the whole cone and then paying for it.
    """
    module = importlib.import_module("argmap.explain.cone")
    search = module.cone

    def whole_then_pay(g, thesis, structure, budget=None):
        k = search(g, thesis, structure, None)
        if budget is not None:
            budget.spend(len(k.depth))
        return k

    ladder = ladder_map(4, width=width, theses=2)
    m = ArgumentMap(  # a last thesis whose cone is smaller than the ladder's
        ladder.id,
        ladder.title,
        theses=[*ladder.theses, "small"],
        claims=[*ladder.claims, Claim("small", "A small thesis."), Claim("why", "Its reason.")],
        relations=[*ladder.relations, argmap.Support("s-small", ("why",), "small")],
    )
    size = len(m.claims) + len(m.relations) + sum(len(r.premises) for r in m.relations)
    limits = range(25 * size)  # every limit up to explaining all: each threshold is met
    # to_json finds the explanations now (they are found when first read).
    early = [argmap.evaluate(m, max_explain_steps=n).to_json() for n in limits]
    monkeypatch.setattr(module, "cone", whole_then_pay)
    whole = [argmap.evaluate(m, max_explain_steps=n).to_json() for n in limits]
    assert early == whole
    assert len({str(e["cut_short"]) for e in early}) > 5  # the limits cut in many ways


def test_the_graphs_components_are_found_only_for_a_cone_within_the_limit(monkeypatch):
    """A corpus whose every thesis is cut short pays no whole-graph pass for explanations."""
    module = importlib.import_module("argmap.explain.cone")
    made = []

    class Counted(module.Structure):
        __slots__ = ()

        def __init__(self, g):
            made.append(g)
            super().__init__(g)

    monkeypatch.setattr(module, "Structure", Counted)
    m = ladder_map(20, width=2, theses=3)
    assert len(argmap.evaluate(m, max_explain_steps=0).cruxes) == 0
    assert made == []
    assert len(argmap.evaluate(m).cruxes) == 3
    assert len(made) == 1


def test_the_command_explains_within_its_own_smaller_limit(monkeypatch):
    """argmap evaluate explains within its own limit, smaller than the library's.

    COMMAND_STEPS_BASE plus COMMAND_STEPS_PER_ELEMENT per element; it says on standard
    error how to allow more, and --explain-steps sets the limit.
    """
    from argmap.cli import verbs
    from argmap.evaluate import explain_budget

    m = ladder_map(30, width=3, theses=4)
    monkeypatch.setattr(verbs, "COMMAND_STEPS_BASE", 0)
    monkeypatch.setattr(verbs, "COMMAND_STEPS_PER_ELEMENT", 5)
    expected = argmap.evaluate(m, max_explain_steps=explain_budget(m, base=0, per_element=5))
    assert expected.cut_short != {}
    assert argmap.evaluate(m).cut_short == {}  # the library's own limit explains them all
    hint = "--explain-steps N allows more"
    with map_file(m) as path:
        code, out, err = run("evaluate", path, "--json")
        assert code == 0
        assert json.loads(out)["cut_short"] == expected.to_json()["cut_short"]
        assert json.loads(out)["cruxes"] == expected.to_json()["cruxes"]
        assert hint in err
        _, report, err = run("evaluate", path, "--width", 100)
        assert report.count("cut short (see the note above)") == len(expected.cut_short)
        assert hint in err
        code, out, err = run("evaluate", path, "--json", "--explain-steps", 10**9)
        assert json.loads(out)["cut_short"] == {}
        assert json.loads(out)["cruxes"] == argmap.evaluate(m).to_json()["cruxes"]
        assert hint not in err
        with pytest.raises(SystemExit) as refused, contextlib.redirect_stderr(io.StringIO()):
            run("evaluate", path, "--explain-steps", -1)
        assert refused.value.code == 2


def test_the_cli_says_in_one_line_when_explanations_were_cut_short(monkeypatch):
    """evaluate and show each print one note naming the theses left unexplained."""
    module = importlib.import_module("argmap.evaluate")  # argmap.evaluate is the function

    monkeypatch.setattr(module, "EXPLAIN_STEPS_BASE", 0)
    monkeypatch.setattr(module, "EXPLAIN_STEPS_PER_ELEMENT", 1)
    note = "cut short at the step limit"
    with map_file(ladder_map(30, width=3, theses=4)) as path:
        _, report, _ = run("evaluate", path, "--width", 200, "--explain-steps", 0)
        _, shown, _ = run("show", path, "--width", 200)
    expected = (
        "note: cruxes and influence of 4 theses ('t0', 't1', 't2' and 1 more) cut short at "
        "the step limit (max_explain_steps)"
    )
    assert [line for line in report.splitlines() if note in line] == [expected]
    assert report.count("cruxes and influence: cut short (see the note above)") == 4
    assert len([line for line in shown.splitlines() if note in line]) == 1


def test_max_explain_steps_must_be_a_count():
    """max_explain_steps takes a whole number of 0 or more (or None)."""
    m = ladder_map(3)
    for bad in (-1, 1.5, "10", True):
        with pytest.raises(argmap.ParameterError, match="max_explain_steps"):
            argmap.evaluate(m, max_explain_steps=bad)
    assert argmap.evaluate(m, max_explain_steps=0).cut_short == {"t0": ("cruxes", "influence")}


def test_show_lists_ten_cruxes_per_thesis_and_counts_the_rest():
    """On a ladder every claim is a crux of every thesis: show lists ten, and counts the rest."""
    m = ladder_map(40, theses=3)
    e = argmap.evaluate(m)
    text = terminal.to_text(terminal.summary(m, evaluation=e), width=100)
    footer = text[text.index("Evaluation:") :]
    assert footer.count("•") == 30
    assert footer.count("… and 70 more (argmap evaluate lists them all)") == 3


# -- 6. evaluations pickle and deep-copy ------------------------------------------------------


@settings(max_examples=40)
@given(argument_maps(), st.sampled_from(["all", "grounded", "dfquad"]), st.booleans())
def test_an_evaluation_pickles_and_deep_copies_to_an_equal_one(m, semantics, explain):
    """pickle and copy.deepcopy give back an equal evaluation, whose look-ups work."""
    import copy
    import pickle

    e = argmap.evaluate(m, semantics, explain=explain)
    for again in (pickle.loads(pickle.dumps(e)), copy.deepcopy(e)):  # noqa: S301 - our own
        assert again == e
        assert again.to_json() == e.to_json()
        assert all(again.labels[c] == e.labels[c] for c in e.labels)
        assert all(again.strengths[c] == e.strengths[c] for c in e.strengths)


# -- 3. the compiled-module cache: one compilation at a time, and only of this module ------


@pytest.fixture
def cold_cache(monkeypatch, tmp_path):
    """An empty cache folder, and a runtime that must be loaded again."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(folder))
    engine.runtime.cache_clear()
    yield folder
    engine.runtime.cache_clear()


@pytest.fixture
def compilations(monkeypatch):
    """Counts the WebAssembly modules compiled from source (loading from cache is free)."""
    import wasmtime

    count = [0]
    compile_module = wasmtime.Module.__init__

    def counting(self, *args, **kwargs):
        count[0] += 1
        return compile_module(self, *args, **kwargs)

    monkeypatch.setattr(wasmtime.Module, "__init__", counting)
    return count


@pytest.mark.parametrize("caching", [True, False])
def test_seven_threads_on_a_cold_cache_compile_once(cold_cache, compilations, caching, monkeypatch):
    """Threads that all ask for the engine at once share one compilation (cache or not)."""
    import threading

    from argmap.render import svg

    if not caching:
        monkeypatch.setenv("ARGMAP_CACHE_DIR", "")
    assert (svg.cache_dir() == cold_cache) == caching

    start = threading.Barrier(7)
    drawings: list[str] = []

    def draw() -> None:
        start.wait()
        drawings.append(svg.to_svg(argmap.registry.get("example"), engine="wasm"))

    threads = [threading.Thread(target=draw) for _ in range(7)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert compilations[0] == 1
    assert len(drawings) == 7
    assert len(set(drawings)) == 1


def test_processes_on_a_cold_cache_compile_once(tmp_path):
    """Processes that start together wait for the first one's compilation, then load it."""
    import subprocess
    import sys

    code = textwrap.dedent(
        """
        import sys, wasmtime
        from argmap import registry
        from argmap.render import svg
        compile_module = wasmtime.Module.__init__
        def noisy(self, *args, **kwargs):
            print("compiled", file=sys.stderr, flush=True)
            compile_module(self, *args, **kwargs)
        wasmtime.Module.__init__ = noisy
        print(svg.to_svg(registry.get("example"), engine="wasm").count("<svg"))
        """
    )
    env = {**os.environ, "ARGMAP_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(3)
    ]
    results = [r.communicate(timeout=300) for r in runs]
    assert [out.strip() for out, _ in results] == [b"1"] * 3
    assert sum(err.count(b"compiled") for _, err in results) == 1


def _foreign_module() -> bytes:
    """Another WebAssembly module, compiled and serialized by this very wasmtime."""
    import wasmtime

    module = wasmtime.Module(wasmtime.Engine(), '(module (func (export "f")))')
    return bytes(module.serialize())


def _v1_blob(payload: bytes) -> bytes:
    """A cache file as argmap wrote them before: a checksum of the payload, nothing else."""
    import hashlib

    return b"argmap-cwasm-1\n" + hashlib.sha256(payload).digest() + payload


def _blob_for(identity: bytes, payload: bytes) -> bytes:
    import hashlib

    return cache.MAGIC + identity + hashlib.sha256(payload).digest() + payload


@pytest.mark.parametrize("kind", ["old format", "other module named", "other runtime named"])
def test_a_cache_file_of_another_module_is_not_read(tmp_path, kind):
    """A cache file that does not say it holds this module, for this runtime, is not read."""
    wasm = engine.module_bytes()
    tmp_path.chmod(0o700)
    path = tmp_path / cache.key(wasm)
    foreign = _foreign_module()
    identity = cache.identity(wasm)
    blob = {
        "old format": _v1_blob(foreign),
        "other module named": _blob_for(cache.identity(b"another module"), foreign),
        "other runtime named": _blob_for(identity.replace(b"wasmtime=", b"wasmtime=0.0-"), foreign),
    }[kind]
    path.write_bytes(blob)
    path.chmod(0o600)
    assert cache.read(path, wasm) is None
    path.write_bytes(_blob_for(identity, foreign))  # the same payload, rightly labelled
    assert cache.read(path, wasm) == foreign


def test_a_cache_file_of_the_old_format_is_compiled_afresh_and_replaced(cold_cache, compilations):
    """A file argmap wrote before (trusted on its checksum alone) is replaced, not used."""
    from argmap.render import svg

    wasm = engine.module_bytes()
    path = cold_cache / cache.key(wasm)
    cold_cache.mkdir(mode=0o700)
    path.write_bytes(_v1_blob(_foreign_module()))
    path.chmod(0o600)
    compilations[0] = 0  # the foreign module's compilation does not count
    assert "<svg" in svg.to_svg(argmap.registry.get("example"), engine="wasm")
    assert compilations[0] == 1
    assert path.read_bytes().startswith(cache.MAGIC + cache.identity(wasm))


def test_a_cache_file_that_does_not_load_as_graphviz_is_recompiled(cold_cache, compilations):
    """Even a file that names this module is compiled afresh when it loads as another one."""
    from argmap.render import svg

    wasm = engine.module_bytes()
    path = cold_cache / cache.key(wasm)
    cold_cache.mkdir(mode=0o700)
    path.write_bytes(_blob_for(cache.identity(wasm), _foreign_module()))
    path.chmod(0o600)
    compilations[0] = 0  # the foreign module's compilation does not count
    assert cache.read(path, wasm) is not None  # it says the right things...
    assert "<svg" in svg.to_svg(argmap.registry.get("example"), engine="wasm")
    assert compilations[0] == 1  # ... but it is not used
    engine.runtime.cache_clear()
    assert "<svg" in svg.to_svg(argmap.registry.get("example"), engine="wasm")
    assert compilations[0] == 1  # the rewritten cache is


def test_a_cache_that_fails_to_deserialize_is_recompiled(cold_cache, compilations, monkeypatch):
    """When wasmtime refuses to load a cached module, argmap compiles it instead."""
    import wasmtime

    from argmap.render import svg

    wasm = engine.module_bytes()
    path = cold_cache / cache.key(wasm)
    cold_cache.mkdir(mode=0o700)
    path.write_bytes(_blob_for(cache.identity(wasm), b"a payload wasmtime will refuse"))
    path.chmod(0o600)
    refused = []

    def refuse(*_: object) -> None:
        refused.append(True)
        raise wasmtime.WasmtimeError("incompatible")

    monkeypatch.setattr(wasmtime.Module, "deserialize", refuse)
    assert "<svg" in svg.to_svg(argmap.registry.get("example"), engine="wasm")
    assert (refused, compilations[0]) == ([True, True], 1)  # tried before and after the lock


# -- 4. check_svg refuses style sheets and CSS that fetches ---------------------------------

_SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize(
    "doc",
    [
        '<?xml-stylesheet href="https://evil.example/x.css"?>' + _SVG.format(""),
        '<?xml version="1.0"?>\n<?xml-stylesheet type="text/css" href="x.css"?>' + _SVG.format(""),
        _SVG.format('<g><?xml-stylesheet href="x.css"?></g>'),
        _SVG.format('<g style="background:url(https://evil.example/x)"/>'),
        _SVG.format('<path fill="url(https://evil.example/p.svg#g)" d="M0,0"/>'),
        _SVG.format('<path fill="URL( \'//evil.example/p\' )" d="M0,0"/>'),
        _SVG.format('<g filter="url(data:image/svg+xml,x)"/>'),
        _SVG.format('<polygon fill="url(#a) url(https://x/)" points="0,0"/>'),
        _SVG.format("<g style=\"background-image:image-set('https://evil.example/x' 1x)\"/>"),
        _SVG.format('<g style="width:expression(alert(1))"/>'),
        _SVG.format('<g style="background:\\75 rl(https://evil.example/x)"/>'),
        _SVG.format('<a xlink:href="https://example.org/" style="cursor:url(https://x/c),auto"/>'),
        _SVG.format('<linearGradient><stop style="stop-color:red;b:url(//x/y)"/></linearGradient>'),
    ],
)
def test_check_refuses_style_sheets_and_fetching_css(doc):
    """A processing instruction, or CSS that could fetch or run anything, is refused."""
    from argmap.render import svg

    with pytest.raises(argmap.RenderError, match="refusing it"):
        svg.check_svg(doc)


def test_check_accepts_what_graphviz_writes():
    """Transforms, gradients by #id, and url() or backslashes in text and tooltips pass."""
    from argmap.render import svg

    body = (
        '<g id="a(b)" class="node" transform="scale(1 1) rotate(0) translate(4 112)">'
        '<linearGradient id="l_0"><stop offset="0" style="stop-color:#fff;stop-opacity:1.;"/>'
        '</linearGradient><polygon fill="url(#l_0)" points="0,0 1,1"/>'
        '<a xlink:href="https://example.org/a(b)" xlink:title="url(https://x) \\N" '
        'target="_blank"><text>url(javascript:x) \\75 rl(x)</text></a></g>'
    )
    svg.check_svg(_SVG.format(body))


def test_graphviz_gradients_pass_the_check():
    """The wasm engine's own gradient fills (url(#...)) pass the check."""
    from argmap.render import svg

    source = (
        'digraph { a [style=filled fillcolor="red:blue"]; b [style=radial '
        'fillcolor="white:green"]; a -> b }'
    )
    drawing = svg.layout(source, engine="wasm").decode()
    assert 'fill="url(#' in drawing


@settings(max_examples=10)
@given(hostile_valid_maps())
def test_hostile_maps_still_draw(m):
    """Hostile texts (url(), backslashes, <?xml ... ?>) in tooltips and labels pass the check."""
    from argmap.render import svg

    assert "<svg" in svg.to_svg(m, engine="wasm")


# -- 5. a value of the wrong type is a ParameterError, in every public function ------------

_EXAMPLE = argmap.registry.get("example")
_SOMETHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), min_size=1, max_size=2),
    st.dictionaries(st.integers(), st.integers(), min_size=1, max_size=2),
    st.just(object()),
    st.just(Claim("c", "A claim.")),
)
NOT_TEXT = _SOMETHING | st.binary(max_size=4)  # for ids, formats, titles
NOT_MAP = NOT_TEXT | st.text(max_size=5)  # for a map (a map id is not a map)
NOT_PATH = NOT_TEXT  # a path is a string or an os.PathLike (bytes are no path here)
NOT_SOURCE = _SOMETHING  # for text that may also be bytes (loads, check_svg)
NOT_MAPS = _SOMETHING | st.text(min_size=1, max_size=5) | st.lists(NOT_MAP, min_size=1)


def _call(name: str):
    from argmap import merge
    from argmap.render import dot, svg

    m = _EXAMPLE
    nowhere = "/nonexistent-argmap-folder/never-written.json"
    return {
        # argmap.__all__'s functions
        "validate": (argmap.validate, NOT_MAP),
        "evaluate": (argmap.evaluate, NOT_MAP),
        "dumps": (argmap.dumps, NOT_MAP),
        "dumps:format": (lambda v: argmap.dumps(m, v), NOT_TEXT),
        "dump": (lambda v: argmap.dump(v, nowhere), NOT_MAP),
        "dump:path": (lambda v: argmap.dump(m, v), NOT_PATH),
        "load": (argmap.load, NOT_PATH),
        "loads": (argmap.loads, NOT_SOURCE),
        "loads:format": (lambda v: argmap.loads("{}", v), NOT_TEXT),
        "check_quotes": (lambda v: argmap.check_quotes(v, {}), NOT_MAP),
        "check_quotes:sources": (
            lambda v: argmap.check_quotes(m, v),
            _SOMETHING.filter(lambda v: v is not None) | st.just({"example": 1}),
        ),
        "diff": (lambda v: argmap.diff(v, m), NOT_MAP),
        "diff:after": (lambda v: argmap.diff(m, v), NOT_MAP),
        "diff:semantics": (
            lambda v: argmap.diff(m, m, semantics=v),
            NOT_TEXT.filter(lambda v: v is not None) | st.just("best"),
        ),
        "diff:threshold": (
            lambda v: argmap.diff(m, m, threshold=v),
            NOT_TEXT.filter(lambda v: not isinstance(v, int | float) or isinstance(v, bool))
            | st.sampled_from([0, -0.5, 1.5, float("nan"), float("inf")]),
        ),
        # merging
        "merge": (lambda v: merge.merge(v, id="m", title="M"), NOT_MAPS),
        "merge:id": (lambda v: merge.merge([m], id=v, title="M"), NOT_TEXT),
        "merge:verdicts": (
            lambda v: merge.merge([m], id="m", title="M", verdicts={"bike-lane": v}),
            NOT_TEXT | st.text(max_size=5).filter(lambda t: t not in {"for", "against"}),
        ),
        "provenance": (lambda v: merge.provenance(v, "bike-lane"), NOT_MAP),
        "provenance:id": (lambda v: merge.provenance(m, v), NOT_TEXT),
        "source_maps": (merge.source_maps, NOT_MAP),
        "mark_added": (merge.mark_added, NOT_MAP),
        "reroute": (lambda v: merge.reroute(v, "x", "y"), NOT_MAP),
        "reroute:via": (lambda v: merge.reroute(m, "x", v), NOT_TEXT),
        # the views
        "summary": (terminal.summary, NOT_MAP),
        "overview": (terminal.overview, NOT_MAPS),
        "overview:evaluations": (
            lambda v: terminal.overview([m], evaluations=v),
            _SOMETHING.filter(lambda v: v is not None),
        ),
        "agreement_matrix": (terminal.agreement_matrix, NOT_MAP),
        "diff_report": (terminal.diff_report, _SOMETHING),
        "report": (lambda v: terminal.report(v, argmap.evaluate(m)), NOT_MAP),
        "report:evaluation": (lambda v: terminal.report(m, v), _SOMETHING),
        "report:width": (  # a narrow width is refused too, never clamped
            lambda v: terminal.report(m, argmap.evaluate(m), v),
            NOT_TEXT.filter(lambda v: isinstance(v, bool) or not isinstance(v, int) or v < 40),
        ),
        "to_dot": (dot.to_dot, NOT_MAP),
        "dot.dumps": (dot.dumps, NOT_MAP),
        "wrap": (dot.wrap, NOT_TEXT),
        "to_svg": (svg.to_svg, NOT_MAP),
        "to_image": (svg.to_image, NOT_MAP),
        "mimebundle": (svg.mimebundle, NOT_MAP),
        "layout": (lambda v: svg.layout(v, engine="wasm"), NOT_TEXT),
        "check_svg": (svg.check_svg, NOT_SOURCE),
        # the map's own look-ups and edits
        "claim": (m.claim, NOT_TEXT),
        "relation": (m.relation, NOT_TEXT),
        "source": (m.source, NOT_TEXT),
        "polarity": (m.polarity, NOT_TEXT),
        "relations_into": (m.relations_into, NOT_TEXT),
        "relations_from": (m.relations_from, NOT_TEXT),
        "pros": (m.pros, NOT_TEXT),
        "cons": (m.cons, NOT_TEXT),
        "undercuts": (m.undercuts, NOT_TEXT),
        "premises_of": (m.premises_of, NOT_TEXT),
        "sources_of": (m.sources_of, NOT_TEXT),
        "attack_type": (m.attack_type, _SOMETHING),
        "kind": (m.kind, _SOMETHING),
        "with_claim": (m.with_claim, _SOMETHING.filter(lambda v: not isinstance(v, Claim))),
        "with_relation": (m.with_relation, _SOMETHING),
        "with_source": (m.with_source, _SOMETHING),
        "with_thesis": (m.with_thesis, NOT_TEXT),
        "with_thesis:verdict": (
            lambda v: m.with_thesis("bike-lane", v),
            NOT_TEXT.filter(lambda v: v is not None) | st.just("maybe"),
        ),
        "without_claim": (m.without_claim, NOT_TEXT),
        "without_relation": (m.without_relation, NOT_TEXT),
    }[name]


WRONG_TYPE_CALLS = [
    "validate", "evaluate", "dumps", "dumps:format", "dump", "dump:path", "load", "loads",
    "loads:format", "check_quotes", "check_quotes:sources", "merge", "merge:id",
    "merge:verdicts", "provenance", "provenance:id", "diff", "diff:after", "diff:semantics",
    "diff:threshold", "diff_report",
    "source_maps", "mark_added", "reroute", "reroute:via", "summary",
    "overview", "overview:evaluations", "agreement_matrix", "report", "report:evaluation",
    "report:width", "to_dot", "dot.dumps", "wrap",
    "to_svg", "to_image", "mimebundle", "layout", "check_svg", "claim", "relation",
    "source", "polarity", "relations_into", "relations_from", "pros", "cons", "undercuts",
    "premises_of", "sources_of", "attack_type", "kind", "with_claim", "with_relation",
    "with_source", "with_thesis", "with_thesis:verdict", "without_claim",
    "without_relation",
]  # fmt: skip


@pytest.mark.parametrize("name", WRONG_TYPE_CALLS)
@settings(max_examples=15)
@given(data=st.data())
def test_a_wrong_type_is_a_parameter_error(name, data):
    """Every public function given a value of the wrong type raises ParameterError."""
    function, wrong = _call(name)
    value = data.draw(wrong, label="value")
    with pytest.raises(argmap.ParameterError) as caught:
        function(value)
    assert "\n" not in str(caught.value)


def test_every_public_function_is_in_the_wrong_type_test():
    """argmap's public functions, the views' and the map's methods all appear above."""
    import inspect

    from argmap import merge
    from argmap.render import dot, svg

    functions = {n for n in argmap.__all__ if inspect.isfunction(getattr(argmap, n))}
    for module in (merge, dot, svg, terminal):
        functions |= {n for n in module.__all__ if inspect.isfunction(getattr(module, n))}
    methods = {
        n
        for n, f in vars(ArgumentMap).items()
        if inspect.isfunction(f) and not n.startswith("_") and n != "depths"
    }
    covered = {n.split(":")[0].removeprefix("dot.") for n in WRONG_TYPE_CALLS}
    # which_engine, cache_dir, make_console, to_text take no map, id or path.
    # counts takes nothing.
    exempt = {"which_engine", "cache_dir", "make_console", "to_text", "connected", "counts"}
    assert (functions | methods) - exempt <= covered | {"dumps", "is_undercut"}


def test_polarity_of_an_unknown_claim_is_an_unknown_id_error():
    """polarity() of an id that names no claim raises, rather than answering {}."""
    m = _EXAMPLE
    with pytest.raises(argmap.UnknownIdError, match="has no claim 'nope'"):
        m.polarity("nope")
    assert m.polarity("customers-walk")  # any claim of the map may be asked about
