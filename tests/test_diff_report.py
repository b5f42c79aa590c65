"""argmap diff: the report, its JSON, the command, and golden examples on the built-in maps."""

from __future__ import annotations

import json
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

import argmap
from argmap import ArgumentMap, Claim, ParameterError, Rebuttal, Support, diff
from argmap.cli import main
from argmap.render.terminal import diff_report, make_console, to_text
from argmap.strategies import HOSTILE_TEXTS, argument_maps, edited_maps, rename_ids
from argmap.text import is_unsafe, safe_json


def edited_copy(m: ArgumentMap) -> ArgumentMap:
    """``m`` with one claim reworded, one objection added and one support retargeted.

    The claim reworded is the first that is no thesis ("arguably" goes before its middle
    word); the objection rebuts the first thesis; the support retargeted is the last one,
    aimed at the first claim that is neither its target nor one of its premises.
    """
    thesis = m.theses[0]
    first = next(c for c in m.claims if c.id not in m.theses)
    words = first.text.split()
    words.insert(len(words) // 2, "arguably")
    reworded = attrs.evolve(first, text=" ".join(words))
    support = [r for r in m.relations if isinstance(r, Support)][-1]
    target = next(c.id for c in m.claims if c.id != support.target and c.id not in support.premises)
    retargeted = attrs.evolve(support, target=target)
    objection = Claim("objection", "The evidence cited is out of date.")
    return attrs.evolve(
        m,
        claims=[reworded if c.id == first.id else c for c in m.claims] + [objection],
        relations=[retargeted if r.id == support.id else r for r in m.relations]
        + [Rebuttal(f"objection--rebuts--{thesis}", ["objection"], thesis)],
    )


def test_golden_report(builtin_map, golden):
    """Each built-in map against its edited copy, as the report prints at 80 columns."""
    d = diff(builtin_map, edited_copy(builtin_map))
    golden(f"diff/{builtin_map.id}.txt", to_text(diff_report(d), width=80))


def test_golden_json(builtin_map, golden_json):
    """The same diffs as argmap diff --json prints them."""
    d = diff(builtin_map, edited_copy(builtin_map))
    golden_json(f"diff/{builtin_map.id}.json", safe_json(d.to_json()) + "\n")


def test_the_edited_copy_shows_the_three_edits():
    """The example's golden diff reports the three edits, and the thesis flips."""
    m = argmap.registry.get("example")
    d = diff(m, edited_copy(m))
    assert [(e.after, e.names) for e in d.claims.changed] == [("crashes", ("text",))]
    assert [p.id for p in d.claims.added] == ["objection"]
    assert [(e.after, e.names) for e in d.relations.changed] == [
        ("grant--rebuts--cost", ("target",))
    ] or [e.names for e in d.relations.changed] == [("target",)]
    assert [p.id for p in d.relations.added] == ["objection--rebuts--bike-lane"]
    text = to_text(diff_report(d), width=80)
    assert "{+arguably+}" in text
    flat = " ".join(text.split())
    assert "IN → OUT because support 'councils-prevent-harm--supports--bike-lane' " in flat
    assert "retargeted; rebuttal 'objection--rebuts--bike-lane' added" in flat


# -- the report ------------------------------------------------------------------------------


@given(edited_maps(argument_maps(text=st.sampled_from(HOSTILE_TEXTS)), max_edits=8))
def test_the_report_is_safe_and_fits(pair):
    """Hostile texts print as text, and no line is wider than asked or ends in a space.

    Width is in terminal cells: a combining accent takes none.
    """
    a, b = pair
    out = to_text(diff_report(diff(a, b)), width=60)
    lines = out.splitlines()
    assert not any(is_unsafe(ch) for ch in out if ch != "\n")
    assert all(line == line.rstrip() for line in lines)
    long_words = {w for w in re.split(r"\s+", out) if len(w) > 50}
    assert all(cell_len(line) <= 60 or any(w in line for w in long_words) for line in lines)


def test_markup_in_a_claim_prints_as_itself():
    """Rich markup in a text is data."""
    m = argmap.registry.get("example")
    first = m.claims[1]
    b = attrs.evolve(
        m, claims=[attrs.evolve(c, text="[bold]loud[/bold]") if c is first else c for c in m.claims]
    )
    assert "[bold]loud[/bold]" in to_text(diff_report(diff(m, b)), width=80)


def test_the_same_argument_says_so():
    """Two equal maps: one line saying they are the same argument."""
    m = argmap.registry.get("example")
    assert to_text(diff_report(diff(m, m)), width=80) == (
        "example: the same argument\n\nEvaluation (grounded labels and DF-QuAD strengths)\n"
        "  = no claim evaluates differently\n"
    )


def test_diff_report_takes_a_diff():
    """Anything else is a ParameterError."""
    with pytest.raises(ParameterError, match=r"argmap\.diff"):
        diff_report("not a diff")


# -- the command -----------------------------------------------------------------------------


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path):
    m = argmap.registry.get("example")
    before, after, same = (tmp_path / f"{n}.argmap.json" for n in ("before", "after", "same"))
    argmap.dump(m, before)
    argmap.dump(edited_copy(m), after)
    argmap.dump(m, same)
    return before, after, same


def test_exit_status_is_diffs(capsys, files):
    """0 when the maps are the same argument, 1 when they differ."""
    before, after, same = files
    assert run(capsys, "diff", before, same)[0] == 0
    code, out, err = run(capsys, "diff", before, after)
    assert code == 1
    assert err == ""
    assert out == to_text(diff_report(diff(argmap.load(before), argmap.load(after))), width=80)


def test_a_built_in_map_against_a_file(capsys, files):
    """A built-in id and a file: anything MAP accepts."""
    _, after, _ = files
    code, out, _ = run(capsys, "diff", "example", after)
    assert code == 1
    assert "example → example" not in out
    assert "{+arguably+}" in out


def test_json_is_the_documented_shape(capsys, files):
    """--json prints to_json(), with every documented key."""
    before, after, _ = files
    code, out, _ = run(capsys, "diff", before, after, "--json")
    data = json.loads(out)
    assert code == 1
    assert data == diff(argmap.load(before), argmap.load(after)).to_json()
    assert list(data) == [
        "same",
        "map",
        "claims",
        "relations",
        "sources",
        "theses",
        "reordered",
        "semantics",
        "evaluation",
    ]
    for part in ("claims", "relations", "sources", "theses"):
        assert list(data[part]) == ["added", "removed", "renamed", "changed"]
    (reworded,) = data["claims"]["changed"]
    assert reworded["fields"][0]["field"] == "text"
    assert ["+", "arguably"] in reworded["fields"][0]["words"]
    first = data["evaluation"][0]
    assert list(first) == ["id", "semantics", "before", "after", "because", "why"]
    assert (first["id"], first["before"], first["after"]) == ("bike-lane", "in", "out")


def test_semantics_option(capsys, files):
    """--semantics grounded gives labels only; none leaves the evaluation out."""
    before, after, _ = files
    _, out, _ = run(capsys, "diff", before, after, "--json", "--semantics", "grounded")
    assert {e["semantics"] for e in json.loads(out)["evaluation"]} == {"grounded"}
    _, out, _ = run(capsys, "diff", before, after, "--json", "--semantics", "none")
    assert json.loads(out)["evaluation"] == []
    assert json.loads(out)["semantics"] is None
    _, out, _ = run(capsys, "diff", before, after, "--semantics", "none")
    assert "Evaluation" not in out


def test_width(capsys, files):
    """--width N wraps the report at N columns."""
    before, after, _ = files
    _, out, _ = run(capsys, "diff", before, after, "--width", "50")
    assert max(len(line) for line in out.splitlines()) <= 50
    assert max(len(line) for line in out.splitlines()) > 40


def test_standard_input(capsys, files, monkeypatch):
    """- reads one of the maps from standard input."""
    import io

    before, after, _ = files
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(after.read_bytes())))
    code, out, _ = run(capsys, "diff", before, "-")
    assert code == 1
    assert "{+arguably+}" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "-", "-"], "only one of A and B can be -"),
        (["diff", "example", "example", "--width", "5"], "--width must be at least"),
        (["diff", "example"], "the following arguments are required: B"),
        (["diff", "example", "example", "--semantics", "best"], "invalid choice: 'best'"),
    ],
)
def test_usage_errors_exit_2(capsys, args, message):
    """Usage errors: status 2, the usage, and one error line saying what is wrong."""
    try:
        code = main(args)
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    (line,) = [x for x in err.splitlines() if x.startswith("argmap: error: ")]
    assert message in line
    assert "Traceback" not in err


def test_unreadable_maps_exit_2_with_one_line(capsys, tmp_path, files):
    """A map that cannot be read is trouble, 2 as diff(1) has it, never 1 ("they differ")."""
    before, _, _ = files
    broken = tmp_path / "broken.argmap.json"
    broken.write_text("{not json", encoding="utf-8")
    for args in ([before, broken], [before, tmp_path / "missing.json"], ["no-such-map", before]):
        code, out, err = run(capsys, "diff", *args)
        assert code == 2, args
        assert out == ""
        assert err.startswith("argmap: error: ")
        assert err.count("\n") == 1, err


def test_an_invalid_map_is_named_once(capsys, tmp_path, files, monkeypatch):
    """A map that reads but is invalid is named once per line, as the other verbs name it."""
    import io

    before, _, _ = files
    data = json.loads(before.read_text(encoding="utf-8"))
    data["relations"] = [r for r in data["relations"] if r["id"] != data["relations"][0]["id"]]
    invalid = tmp_path / "invalid.argmap.json"
    invalid.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "diff", before, invalid)
    assert code == 2
    assert err.startswith("argmap: error: ")
    assert all(line.count("invalid.argmap.json") == 1 for line in err.splitlines()), err
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(data)))
    code, _, err = run(capsys, "diff", "-", before)
    assert code == 2
    assert err.startswith("argmap: error: standard input: "), err


def test_no_color_and_a_pipe_print_no_escape_codes(files, monkeypatch):
    """NO_COLOR (or a pipe) gives plain text; colour shows only on a terminal."""
    import io

    before, after, _ = files
    d = diff(argmap.load(before), argmap.load(after))
    monkeypatch.setenv("FORCE_COLOR", "1")  # a terminal, as rich decides it
    monkeypatch.setenv("NO_COLOR", "1")
    out = io.StringIO()
    make_console(width=80, file=out).print(diff_report(d))
    assert "\x1b" not in out.getvalue()
    monkeypatch.delenv("NO_COLOR")
    out = io.StringIO()
    make_console(width=80, file=out).print(diff_report(d))
    assert "\x1b[" in out.getvalue()


def test_every_id_renamed_reads_as_renames(capsys, tmp_path):
    """The synthesis with every id renamed: renames only, and no claim evaluates differently."""
    m = argmap.registry.get("asian-nato")
    path = tmp_path / "renamed.argmap.json"
    argmap.dump(rename_ids(m), path)
    code, out, _ = run(capsys, "diff", "asian-nato", path, "--json")
    data = json.loads(out)
    assert code == 1
    assert len(data["claims"]["renamed"]) == len(m.claims)
    assert len(data["relations"]["renamed"]) == len(m.relations)
    assert data["claims"]["added"] == data["claims"]["changed"] == []
    assert data["evaluation"] == []
