"""What-if questions, saturation, the named marks, and the laws of the gradual semantics.

docs/evaluation.md states what an assumption and a base score mean in each semantics, when
an aggregate counts as saturated, and the laws tested here: monotonicity (a stronger
reason never weakens its target, a stronger objection never strengthens it), balance (a
claim whose two sides weigh the same keeps its base score) and directionality (a new
reason or objection changes nothing it cannot reach).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from argmap import (
    ArgumentMap,
    Claim,
    Label,
    ParameterError,
    Rebuttal,
    Support,
    UnknownIdError,
    evaluate,
)
from argmap._quadratic import impact
from argmap.strategies import argument_maps, cyclic_map

GRADUAL = ("quadratic", "dfquad")
IN, OUT = Label.IN, Label.OUT
PROBE = "zz-probe"


def make(claims, relations, scores=None):
    """A map from claim ids and (kind, id, premises, target) tuples."""
    scores = scores or {}
    return ArgumentMap(
        "m",
        "M",
        theses=[claims[0]],
        claims=[Claim(c, f"Claim {c}.", base_score=scores.get(c)) for c in claims],
        relations=[
            (Support if kind == "support" else Rebuttal)(rid, tuple(premises), target)
            for kind, rid, premises, target in relations
        ],
    )


def fan(n_for, n_against):
    """Thesis 't' with ``n_for`` supporting and ``n_against`` rebutting unanswered claims."""
    pros = [f"p{i}" for i in range(n_for)]
    cons = [f"c{i}" for i in range(n_against)]
    return make(
        ["t", *pros, *cons],
        [("support", f"{p}-t", [p], "t") for p in pros]
        + [("rebuttal", f"{c}-t", [c], "t") for c in cons],
    )


def with_probe(m: ArgumentMap, target: str, kind: str, extra: int = 0) -> ArgumentMap:
    """``m`` with a new claim PROBE, with no inputs, supporting or rebutting ``target``.

    ``extra`` more new claims of base score 1 support ``target`` too (so that its
    aggregates reach beyond what a random map gives).
    """
    cls = Support if kind == "support" else Rebuttal
    more = [f"{PROBE}-{i}" for i in range(extra)]
    return ArgumentMap(
        m.id,
        m.title,
        theses=m.theses,
        claims=(
            *m.claims,
            Claim(PROBE, "A probe."),
            *(Claim(x, "More.", base_score=1.0) for x in more),
        ),
        relations=(
            *m.relations,
            cls(f"{PROBE}--{kind}", (PROBE,), target),
            *(Support(f"{x}--support", (x,), target) for x in more),
        ),
    )


def downstream(m: ArgumentMap, start: str) -> set[str]:
    """The claims and relations ``start`` can reach: premise -> relation -> target."""
    cites: dict[str, list[str]] = {}
    for r in m.relations:
        for p in r.premises:
            cites.setdefault(p, []).append(r.id)
    target = {r.id: r.target for r in m.relations}
    seen, todo = {start}, [start]
    while todo:
        x = todo.pop()
        for y in [*cites.get(x, ()), *([target[x]] if x in target else [])]:
            if y not in seen:
                seen.add(y)
                todo.append(y)
    return seen


# -- saturation --------------------------------------------------------------------------------


def test_dfquad_saturates_at_ten_even_reasons():
    """1 - 0.5^10 = 0.99902 is within 1e-3 of 1; 1 - 0.5^9 = 0.998 is not."""
    assert evaluate(fan(10, 0), "dfquad").saturated == {"t": ("support",)}
    assert dict(evaluate(fan(9, 0), "dfquad").saturated) == {}
    assert evaluate(fan(0, 10), "dfquad").saturated == {"t": ("attack",)}


def test_dfquad_saturated_on_both_sides_keeps_the_base_score():
    """Ten reasons against ten objections: both aggregates near 1, the strength stays 0.5."""
    e = evaluate(fan(10, 10), "dfquad")
    assert e.saturated == {"t": ("support", "attack")}
    assert e.strengths["t"] == 0.5


def test_quadratic_saturates_only_at_an_energy_of_about_32():
    """h(e) >= 0.999 needs e >= sqrt(999) = 31.607.

    32 reasons of 0.98781 (31.61) saturate it, 32 of 0.98750 (31.60) do not, nor do the
    ten reasons of 0.5 that saturate DF-QuAD.
    """

    def scored(m, score):
        return {c.id: score for c in m.claims if c.id != "t"}

    m = fan(32, 0)
    assert evaluate(m, "quadratic", base_scores=scored(m, 31.61 / 32)).saturated == {
        "t": ("support",)
    }
    assert dict(evaluate(m, "quadratic", base_scores=scored(m, 31.60 / 32)).saturated) == {}
    assert dict(evaluate(fan(10, 0), "quadratic").saturated) == {}
    assert evaluate(fan(0, 64), "quadratic").saturated == {"t": ("attack",)}
    # Where DF-QuAD has saturated both ways, the energy nets out and nothing saturates.
    assert dict(evaluate(fan(64, 64), "quadratic").saturated) == {}


def test_saturation_is_in_the_json_and_in_one_report_line(capsys, tmp_path):
    """--json carries it per semantics; the report says so once under the thesis."""
    from argmap import dump
    from argmap.cli import main

    path = tmp_path / "fan.json"
    dump(fan(10, 10), path)
    assert main(["evaluate", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["gradual"]["dfquad"]["saturated"] == {"t": ["support", "attack"]}
    assert data["gradual"]["quadratic"]["saturated"] == {}
    assert data["saturated"] == {}  # the headline's (the quadratic energy model)
    assert main(["evaluate", str(path), "--width", "200"]) == 0
    lines = [x for x in capsys.readouterr().out.splitlines() if "saturated" in x]
    assert lines == [
        (
            "  saturated (DF-QuAD): its support and attack aggregates are both within 0.001 "
            "of 1, so its strength stays near its base score however the two sides compare"
        )
    ]


def test_an_assumed_claim_is_never_saturated():
    """An assumption cuts the claim off from its inputs: nothing of theirs saturates it."""
    e = evaluate(fan(10, 0), "dfquad", assume={"t": "in"})
    assert dict(e.saturated) == {}


# -- the named marks ---------------------------------------------------------------------------


def test_marks_name_the_semantics_of_every_result():
    """A label and a strength are two marks, each with its semantics' name."""
    e = evaluate(fan(0, 1))
    assert [str(x) for x in e.marks("t")] == ["grounded out", "QE 0.40"]
    assert [str(x) for x in e.marks("t", every=True, digits=3)] == [
        "grounded out",
        "QE 0.400",
        "DF-QuAD 0.250",
    ]
    assert [str(x) for x in e.marks("c0-t")] == ["grounded in", "QE 0.50"]
    assert e.marks("nothing") == ()


def test_marks_of_one_semantics_are_that_semantics_alone():
    """With grounded alone there is no number; with DF-QuAD alone no label."""
    assert [str(x) for x in evaluate(fan(0, 1), "grounded").marks("t", every=True)] == [
        "grounded out"
    ]
    only = evaluate(fan(0, 1), "dfquad").marks("t", every=True)
    assert [(x.semantics, x.name, x.value) for x in only] == [("dfquad", "DF-QuAD", "0.25")]


# -- what if -----------------------------------------------------------------------------------


def test_assuming_an_objection_out_reinstates_the_thesis():
    """Rejecting the one unanswered objection: the thesis is IN and stronger."""
    m = fan(1, 1)
    before, after = evaluate(m), evaluate(m, assume={"c0": "out"})
    assert (before.labels["t"], after.labels["t"]) == (OUT, IN)
    assert after.labels["c0"] == OUT
    for name in GRADUAL:
        assert after.gradual[name].strengths["c0"] == 0.0
        assert after.gradual[name].strengths["t"] > before.gradual[name].strengths["t"]
    assert dict(after.assumed) == {"c0": OUT}


def test_an_assumed_claim_ignores_what_is_aimed_at_it():
    """Assumed IN, a claim with an unanswered objection is IN, strength 1.

    The objection itself keeps its own result.
    """
    m = fan(0, 1)
    e = evaluate(m, assume={"t": "in"})
    assert e.labels["t"] == IN
    assert e.strengths["t"] == 1.0
    assert e.gradual["dfquad"].strengths["t"] == 1.0
    assert e.relation_labels["c0-t"] == IN


def test_a_base_score_changes_the_strengths_not_the_labels():
    """A base score is a gradual matter: grounded labels ignore it."""
    m = fan(1, 0)
    e = evaluate(m, base_scores={"p0": 0.9})
    assert dict(e.labels) == dict(evaluate(m).labels)
    assert e.gradual["dfquad"].strengths["t"] == pytest.approx(0.5 + 0.5 * 0.9)
    assert e.strengths["t"] == pytest.approx(0.5 + 0.5 * impact(0.9))
    assert dict(e.base_scores) == {"p0": 0.9}


def test_an_assumption_beats_a_base_score():
    """A claim both assumed and given a base score has the assumed strength."""
    e = evaluate(fan(1, 0), assume={"p0": "out"}, base_scores={"p0": 0.9})
    assert e.strengths["p0"] == 0.0


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"assume": {"nope": "in"}}, UnknownIdError, "assume names 'nope'"),
        ({"base_scores": {"nope": 0.2}}, UnknownIdError, "base_scores names 'nope'"),
        ({"assume": {"t": "maybe"}}, ParameterError, r"assume\['t'\] must be 'in' or 'out'"),
        ({"assume": ["t"]}, ParameterError, "assume must be a mapping"),
        ({"base_scores": {"t": 1.5}}, ParameterError, "from 0 to 1"),
        ({"base_scores": {"t": True}}, ParameterError, "from 0 to 1"),
        ({"base_scores": {1: 0.5}}, ParameterError, "is no id"),
    ],
)
def test_bad_what_if_questions_are_refused(kwargs, error, match):
    """One line naming what is wrong and what to do."""
    with pytest.raises(error, match=match):
        evaluate(fan(1, 1), **kwargs)


def test_cli_what_if(capsys, tmp_path):
    """--assume and --base ask the question; the report states it; the JSON records it."""
    from argmap import dump
    from argmap.cli import main

    path = tmp_path / "fan.json"
    dump(fan(1, 1), path)
    assert main(["evaluate", str(path), "--assume", "c0=out", "--base", "p0=0.2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["assumed"], data["base_scores"], data["labels"]["t"]) == (
        {"c0": "out"},
        {"p0": 0.2},
        "in",
    )
    assert main(["evaluate", str(path), "--assume", "c0=out", "--width", "200"]) == 0
    out = capsys.readouterr().out
    assert "what if: 'c0' assumed out" in out
    assert "thesis 't': grounded: IN" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--assume", "c0=maybe"], "--assume takes ID=in or ID=out, not 'c0=maybe'"),
        (["--assume", "c0"], "--assume takes ID=in or ID=out, not 'c0'"),
        (["--base", "p0=2"], "--base takes ID=SCORE"),
        (["--base", "p0=0.1", "--base", "p0=0.2"], "--base names 'p0' twice"),
    ],
)
def test_cli_bad_what_if_is_a_usage_error(capsys, tmp_path, args, message):
    """A malformed question exits 2 with one line; an unknown id exits 1."""
    from argmap import dump
    from argmap.cli import main

    path = tmp_path / "fan.json"
    dump(fan(1, 1), path)
    assert main(["evaluate", str(path), *args]) == 2
    assert message in capsys.readouterr().err
    assert main(["evaluate", str(path), "--assume", "ghost=in"]) == 1
    assert "'ghost'" in capsys.readouterr().err


#: Each option of the command line that names an id (ID=VALUE), by verb: the what-if
#: options, and check's --source. With a value each accepts and what the id must name.
ID_OPTIONS = {
    ("evaluate", "--assume"): ("in", "claim"),
    ("evaluate", "--base"): ("0.5", "claim"),
    ("check", "--source"): ("{folder}/source.txt", "source"),
}

#: Unknown claims named on the command line, each with a name for its golden file.
UNKNOWN_CLAIMS = {
    "assume-unknown": ["--assume", "nope=in"],
    "assume-misspelt": ["--assume", "bike-lan=out"],
    "base-unknown": ["--base", "nope=0.5"],
    "base-other-case": ["--base", "Bike-Lane=0.5"],
}


def test_every_option_naming_an_id_is_listed():
    """ID_OPTIONS holds every option of every verb that takes ID=VALUE."""
    from argmap.cli.parser import build_parser

    verbs = next(a for a in build_parser()._actions if a.dest == "verb").choices
    found = {
        (verb, action.option_strings[-1])
        for verb, sub in verbs.items()
        for action in sub._actions
        if str(action.metavar or "").startswith("ID=")
    }
    assert found == set(ID_OPTIONS)


@pytest.mark.parametrize("name", UNKNOWN_CLAIMS)
def test_cli_unknown_claim_is_named_as_typed(capsys, golden, name):
    """An unknown id exits 1 with one line naming the option as typed and the closest ids."""
    from argmap.cli import main

    code = main(["evaluate", "example", *UNKNOWN_CLAIMS[name]])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(err.splitlines()) == 1
    golden(f"evaluate/error-{name}.txt", f"status {code}\n--- stdout\n{out}--- stderr\n{err}")


@pytest.mark.parametrize(("verb", "option"), sorted(ID_OPTIONS))
@pytest.mark.parametrize("given", ["ghost", "line\nbreak", " p0", "p0\u202e", "-"])
def test_cli_unknown_id_is_one_line_for_any_id(capsys, tmp_path, verb, option, given):
    """Any id, in a file of any name: one line naming the option as typed, exit 1."""
    from argmap import dump
    from argmap.cli import main

    (tmp_path / "source.txt").write_text("a text", encoding="utf-8")
    value, noun = ID_OPTIONS[verb, option]
    item = f"{given}={value.format(folder=tmp_path)}"
    for name in ("fan.json", "odd\nname .json"):
        dump(fan(1, 1), tmp_path / name)
        assert main([verb, str(tmp_path / name), f"{option}={item}"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err
        assert err.startswith(f"argmap: error: {option} names {given!r}, which is no {noun}"), err


# -- laws ----------------------------------------------------------------------------------------


def _results(e):
    return (
        dict(e.labels),
        dict(e.relation_labels),
        {k: dict(v.strengths) for k, v in e.gradual.items()},
        {k: dict(v.relation_strengths) for k, v in e.gradual.items()},
        dict(e.cruxes),
    )


@given(argument_maps() | st.builds(cyclic_map, st.integers(2, 5)))
def test_base_scores_equal_to_the_map_s_change_nothing(m):
    """Asking "what if every claim had its own base score" answers as the map does."""
    scores = {c.id: 0.5 if c.base_score is None else c.base_score for c in m.claims}
    assert _results(evaluate(m, base_scores=scores)) == _results(evaluate(m))


@given(argument_maps(), st.data())
def test_assuming_what_grounded_already_says_changes_no_label(m, data):
    """Assuming a claim IN (OUT) that grounded labels IN (OUT) leaves every label as it was."""
    e = evaluate(m, "grounded", explain=False)
    decided = [c for c, v in e.labels.items() if v in {IN, OUT}]
    assume(decided)
    claim = data.draw(st.sampled_from(decided))
    after = evaluate(m, "grounded", explain=False, assume={claim: str(e.labels[claim])})
    assert dict(after.labels) == dict(e.labels)
    assert dict(after.relation_labels) == dict(e.relation_labels)


@given(argument_maps(), st.data())
def test_assumed_claims_have_the_assumed_results(m, data):
    """Assumed IN: label IN, strength 1 in every gradual semantics; OUT: OUT and 0."""
    claim = data.draw(st.sampled_from([c.id for c in m.claims]))
    said = data.draw(st.sampled_from(["in", "out"]))
    e = evaluate(m, explain=False, assume={claim: said})
    assert e.labels[claim] == Label(said)
    for name in GRADUAL:
        assert e.gradual[name].strengths[claim] == (1.0 if said == "in" else 0.0)


@pytest.mark.parametrize("semantics", GRADUAL)
@given(
    m=argument_maps(),
    data=st.data(),
    kind=st.sampled_from(["support", "rebuttal"]),
    scores=st.tuples(st.floats(0, 1), st.floats(0, 1)).map(sorted),
    extra=st.integers(0, 3),
)
def test_monotonicity(semantics, m, data, kind, scores, extra):  # noqa: PLR0913, PLR0917 - drawn
    """Raising a reason's base score never lowers its target; an objection's never raises it.

    The probe is a new claim whose only use is one support (rebuttal) of the target, so the
    target is all it reaches first (the maps are acyclic).
    """
    target = data.draw(st.sampled_from([c.id for c in m.claims]))
    probed = with_probe(m, target, kind, extra)
    lo, hi = (
        evaluate(probed, semantics, explain=False, base_scores={PROBE: s}).strengths[target]
        for s in scores
    )
    assert (hi >= lo - 1e-12) if kind == "support" else (hi <= lo + 1e-12)


@pytest.mark.parametrize("semantics", GRADUAL)
@given(m=argument_maps(), data=st.data(), kind=st.sampled_from(["support", "rebuttal"]))
def test_directionality(semantics, m, data, kind):
    """A new reason or objection changes no strength of what its target cannot reach."""
    target = data.draw(st.sampled_from([c.id for c in m.claims]))
    before = evaluate(m, semantics, explain=False)
    after = evaluate(with_probe(m, target, kind), semantics, explain=False)
    reached = downstream(m, target)
    for claim, value in before.strengths.items():
        if claim not in reached:
            assert after.strengths[claim] == value, claim
    for relation, value in before.relation_strengths.items():
        if relation not in reached:
            assert after.relation_strengths[relation] == value, relation


@pytest.mark.parametrize("semantics", GRADUAL)
@given(base=st.floats(0, 1), side=st.floats(0, 1), n=st.integers(1, 4))
def test_balance(semantics, base, side, n):
    """n reasons and n objections of equal strength leave the target at its base score."""
    m = fan(n, n)
    scores = {"t": base} | {f"p{i}": side for i in range(n)} | {f"c{i}": side for i in range(n)}
    e = evaluate(m, semantics, explain=False, base_scores=scores)
    assert math.isclose(e.strengths["t"], base, abs_tol=1e-12)


@pytest.mark.parametrize("semantics", GRADUAL)
@given(m=argument_maps())
def test_a_claim_without_inputs_keeps_its_base_score(semantics, m):
    """Nothing aimed at a claim: its strength is its base score (0.5 when unset)."""
    aimed = {r.target for r in m.relations}
    e = evaluate(m, semantics, explain=False)
    for c in m.claims:
        if c.id not in aimed:
            assert e.strengths[c.id] == (0.5 if c.base_score is None else c.base_score)


# -- the README's table -----------------------------------------------------------------------


def test_the_readme_table_of_built_in_maps_is_what_evaluate_gives():
    """Each row: the article's verdict, the grounded label and both strengths (3 decimals)."""
    from argmap import registry

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("**The built-in maps, evaluated.**", 1)[1]
    rows = re.findall(
        r"^\| ([a-z-]+) \| ([a-z-]+) \| ([a-z-]+) \| ([a-z]+) \| ([0-9.]+) \| ([0-9.]+) \|$",
        section.split("\n\n", 2)[1],
        flags=re.MULTILINE,
    )
    expected = []
    for name in registry.names():
        m = registry.get(name)
        e = evaluate(m, explain=False)
        expected.extend(
            (
                name,
                t.removeprefix("asian-nato-"),
                str(m.verdicts.get(t, "-")),
                str(e.labels[t]),
                f"{e.strengths[t]:.3f}",
                f"{e.gradual['dfquad'].strengths[t]:.3f}",
            )
            for t in m.theses
        )
    assert rows == expected


def test_explanations_treat_an_assumed_claim_as_settled():
    """An assumed claim's reason says so, it is no crux, and its base score moves nothing.

    What reached the thesis only through it drops out of the influence.
    """
    m = make(
        ["t", "a", "b", "x"],
        [
            ("support", "a-t", ["a"], "t"),
            ("support", "b-a", ["b"], "a"),
            ("rebuttal", "x-t", ["x"], "t"),
            ("rebuttal", "t-x", ["t"], "x"),
        ],
    )
    e = evaluate(m, assume={"a": "in"})
    assert e.reasons["a"] == "assumed in (what if); its reasons and objections are set aside"
    assert "a" not in e.cruxes["t"]
    for name in GRADUAL:
        moves = dict(e.gradual[name].influence["t"])
        assert moves["a"] == 0.0
        assert "b" not in moves


def test_settled_strengths_are_not_reported_unsettled_when_only_influence_is(capsys, tmp_path):
    """Strengths that settled are not called unsettled because the influence did not.

    On a web of cycles QE's strengths settle in tens of rounds while its influence needs
    thousands of passes: the report and the command say which of the two did not settle.
    """
    from argmap import dump
    from argmap.cli import main
    from argmap.render.terminal import report

    m = cyclic_map(30)
    e = evaluate(m)
    qe = e.gradual["quadratic"]
    assert (qe.converged, qe.influence_converged) == (True, False)
    assert (e.converged, e.influence_converged) == (True, False)
    assert e.to_json()["gradual"]["quadratic"]["influence_converged"] is False
    text = report(m, e, 100)
    assert "QE) strengths (converged)" in text
    assert "note: quadratic-energy (QE)'s influence did not settle" in text
    path = tmp_path / "web.json"
    dump(m, path)
    assert main(["evaluate", str(path), "--explain-steps", "10000000", "--no-pager"]) == 0
    err = capsys.readouterr().err
    assert "QE's strengths settled, but its influence" in err
    assert "did not settle within" not in err
