"""Terminal summaries: the trees, the header and footer, the overview, the matrix, the CLI."""

import io
import os
import subprocess
import sys
import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from rich.tree import Tree

import argmap
from argmap import (
    ArgumentMap,
    Claim,
    MapBuilder,
    Quote,
    Rebuttal,
    Support,
    UnknownIdError,
    registry,
)
from argmap.cli import main
from argmap.evaluate import Evaluation, GradualEvaluation, Label
from argmap.merge import mark_added, merge
from argmap.render import terminal
from argmap.render.terminal import agreement_matrix, overview, summary, to_text
from argmap.strategies import argument_maps

# -- helpers -------------------------------------------------------------------------------


def trees(group):
    """The per-thesis trees of a summary."""
    return [r for r in group.renderables if isinstance(r, Tree)]


def plain(node):
    label = node.label
    return label.plain if isinstance(label, Text) else str(label)


def paths(tree):
    """Every root-to-leaf path of a tree, as lists of label texts (without recursion)."""
    out = []
    stack = [(tree, [plain(tree)])]
    while stack:
        node, path = stack.pop()
        if not node.children:
            out.append(path)
        stack.extend((child, [*path, plain(child)]) for child in node.children)
    return out


def is_reference(label):
    return "↻" in label or "(see above: " in label or "(see below: " in label


def chain(n, *, kind=Support):
    """A thesis with a chain of ``n`` reasons below it, each supporting the one above."""
    claims = [Claim(f"c{i}", f"Claim {i}.") for i in range(n + 1)]
    relations = [kind(f"r{i}", [f"c{i + 1}"], f"c{i}") for i in range(n)]
    return ArgumentMap("chain", "Chain", theses=["c0"], claims=claims, relations=relations)


def tokens(m):
    """The map with each claim's text replaced by a token naming it, ``⟨id⟩``."""
    claims = [attrs.evolve(c, text=f"⟨{c.id}⟩") for c in m.claims]
    return attrs.evolve(m, claims=claims)


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def example():
    return registry.get("example")


def two_articles(*, merged=True):
    """Two small article maps of one question, merged (unless ``merged=False``).

    One claim both argue against the thesis, one that alpha argues for it and beta against
    it, and one point each of their own.
    """
    maps = []
    for name, verdict, words in (("alpha", "for", "Beijing objects"), ("beta", "mixed", "no")):
        b = MapBuilder(name, f"The {name} article")
        b.source(name, f"The {name} article", outlet=f"{name.title()} Times", date="2024")
        t = b.thesis("t", "The pact should form.", verdict=verdict)
        b.claim("china-opposes", "China opposes the pact.", quote=words).rebuts(t)
        b.claim(f"{name}-own", f"A point only {name} makes.", quote=f"{name} says").supports(t)
        trade = b.claim("trade", "The members trade with China.", quote=f"{name} on trade")
        (trade.supports if name == "alpha" else trade.rebuts)(t)
        maps.append(b.build())
    return merge(maps, id="both", title="Both articles") if merged else maps


def matrix_row(out, text):
    """The marks on the first line of the matrix row that starts with ``text``."""
    line = next(line for line in out.splitlines() if line.startswith(text))
    return line.split()[-2:]


# -- goldens -------------------------------------------------------------------------------


def test_golden_summary(builtin_map, golden):
    """Each built-in map's summary at 80 columns, without colour, stays as it is."""
    golden(f"text/{builtin_map.id}.txt", to_text(summary(builtin_map), width=80))


def test_golden_matrix(golden):
    """The agreement matrix of a merged map, at 80 columns, stays as it is."""
    golden("text/matrix-two-articles.txt", to_text(agreement_matrix(two_articles()), width=80))


# -- the trees -----------------------------------------------------------------------------


def test_rich_markup_in_a_claim_prints_literally():
    """Markup in claim text ([bold], [link=...]) is shown as typed, not interpreted."""
    m = MapBuilder("m", "M")
    t = m.thesis("t", "[bold]Bold?[/bold] and [link=https://evil.example]a link[/link]")
    m.claim("a", "[red]not red[/red] :smile:").supports(t)
    out = to_text(summary(m.build()), width=100)
    assert "[bold]Bold?[/bold] and [link=https://evil.example]a link[/link]" in out
    assert "[red]not red[/red] :smile:" in out


def test_control_characters_are_escaped():
    """An escape sequence or a bidi override in a claim is shown escaped, never sent raw."""
    m = MapBuilder("m", "M")
    t = m.thesis("t", "Thesis.")
    m.claim("a", "red \x1b[31mtext\u202e and\tbell\x07").supports(t)
    out = to_text(summary(m.build()), width=100)
    assert "red \\x1b[31mtext\\u202e and bell\\x07" in out
    assert not any(unicodedata.category(ch) == "Cc" for ch in out.replace("\n", ""))


def test_case_for_and_case_against():
    """Supports of the thesis go under "Case for", rebuttals under "Case against"."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "Thesis.")
    b.claim("pro", "A reason.").supports(t)
    b.claim("con", "An objection.").rebuts(t)
    (tree,) = trees(summary(b.build()))
    cases = {plain(c).split(":")[0]: [plain(x) for x in c.children] for c in tree.children}
    assert cases == {"Case for": ["✚ A reason."], "Case against": ["✖ An objection."]}


def test_counter_arguments_sit_under_what_they_answer(example):
    """A rebuttal of an objection is a child of that objection, marked ✖."""
    (tree,) = trees(summary(example))
    against = tree.children[1]
    parking = next(c for c in against.children if "parking" in plain(c))
    assert [plain(c) for c in parking.children] == [
        "✖ Most Elm Street shoppers arrive on foot or by bike, not by car."
    ]


def test_linked_premises_are_grouped(example):
    """Premises that work only jointly sit together under one "jointly" line."""
    (tree,) = trees(summary(example))
    group = tree.children[0].children[0]
    assert plain(group) == "✚ jointly (safety):"
    assert [plain(c)[:20] for c in group.children][:2] == [
        "Elm Street had more ",
        "Protected lanes cut ",
    ]


def test_undercut_sits_under_the_inference_it_attacks(example):
    """An undercut of the linked support is shown in its group, marked ⊘."""
    (tree,) = trees(summary(example))
    group = tree.children[0].children[0]
    assert plain(group.children[-1]).startswith("⊘ Mill Road carries far fewer lorries")


def test_undercut_of_a_single_premise_sits_under_that_premise():
    """An undercut of a one-premise support is a child of the premise, marked ⊘."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "Thesis.")
    reason = b.claim("a", "A reason.").supports(t)
    b.claim("u", "It does not follow.").undercuts(reason)
    (tree,) = trees(summary(b.build()))
    reason = tree.children[0].children[0]
    assert [plain(c) for c in reason.children] == ["⊘ It does not follow."]


def test_implicit_premises_are_marked(example):
    """An implicit premise says so in words, not only in style."""
    out = to_text(summary(example), width=100)
    assert "✚ (implicit) The council should act to prevent avoidable injuries" in out


def test_mutual_rebuttals_do_not_loop():
    """Two claims that rebut each other show the repeat as "↻ ... (see above: id)" and stop."""
    m = ArgumentMap(
        "m",
        "M",
        theses=["t"],
        claims=[Claim("t", "T."), Claim("a", "A."), Claim("b", "B.")],
        relations=[Rebuttal("r1", "a", "t"), Rebuttal("r2", "b", "a"), Rebuttal("r3", "a", "b")],
    )
    (tree,) = trees(summary(m))
    assert paths(tree)[0][-3:] == ["✖ A.", "✖ B.", "✖ ↻ A. (see above: a)"]


def test_a_shared_claim_is_expanded_once():
    """A claim used by two reasons has its own reasons shown once, and a pointer elsewhere."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "Thesis.")
    shared = b.claim("shared", "Shared.")
    b.claim("why", "Why shared holds.").supports(shared)
    x = b.claim("x", "X.")
    x.supports(t)
    shared.supports(x)
    y = b.claim("y", "Y.")
    y.rebuts(t)
    shared.rebuts(y)
    out = to_text(summary(b.build()), width=80)
    assert out.count("Why shared holds.") == 1
    assert "✖ Shared. (see above: shared)" in out


def test_a_later_mention_can_point_below():
    """When the shallowest mention comes later in reading order, the pointer says "below"."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "Thesis.")
    shared = b.claim("shared", "Shared.")
    b.claim("why", "Why shared holds.").supports(shared)
    x = b.claim("x", "X.")
    x.supports(t)
    shared.supports(x)
    shared.rebuts(t)
    out = to_text(summary(b.build()), width=80)
    assert "✚ Shared. (see below: shared)" in out
    assert out.index("(see below: shared)") < out.index("Why shared holds.")


def test_depth_limits_the_levels_shown():
    """With depth=2, a chain of five reasons shows two and counts the three hidden."""
    out = to_text(summary(chain(5), depth=2), width=80)
    assert "Claim 2." in out
    assert "Claim 3." not in out
    assert "… 3 more levels" in out


def test_depth_zero_shows_only_the_cases():
    """With depth=0, only the thesis and the headings of its cases are shown."""
    out = to_text(summary(chain(2), depth=0), width=80)
    assert "Case for: 1 reason" in out
    assert "Claim 1." not in out
    assert "… 2 more levels" in out


def test_negative_depth_is_refused():
    """A negative depth is a ValueError that says what is allowed."""
    with pytest.raises(ValueError, match="depth must be 0 or more"):
        summary(chain(1), depth=-1)


@pytest.mark.parametrize("n", [5_000, pytest.param(100_000, marks=pytest.mark.slow)])
def test_a_very_deep_chain_needs_no_recursion(n):
    """A chain deeper than the recursion limit is summarised (to the default depth)."""
    out = to_text(summary(chain(n)), width=80)
    assert f"… {n - terminal.DEFAULT_DEPTH} more levels" in out


def test_narrow_width_hides_levels_and_says_so():
    """Levels that would leave no room for text are cut with a note, never overflowing."""
    out = to_text(summary(chain(12), depth=12), width=40)
    assert "… more below (too narrow" in out
    assert max(cell_len(line) for line in out.splitlines()) <= 40


def test_quotes_show_under_their_claims(example):
    """With quotes=True, each quote follows its claim, with the source's id."""
    out = to_text(summary(example, quotes=True), width=120)
    assert "“Mill Road carries a fraction of Elm Street's lorry traffic” — council-minutes" in out


def test_quotes_are_left_out_by_default(example):
    """Without quotes=True, no quote is shown."""
    out = to_text(summary(example), width=120)
    assert "Mill Road carries a fraction" not in out


def test_thesis_selects_one_tree():
    """thesis= shows only that thesis's tree, numbered among the map's theses."""
    b = MapBuilder("m", "M")
    b.claim("a", "A.").supports(b.thesis("t1", "One."))
    b.claim("b", "B.").supports(b.thesis("t2", "Two."))  # thesis() returns the claim
    (tree,) = trees(summary(b.build(), thesis="t2"))
    assert plain(tree).startswith("Thesis 2 of 2: Two.")


def test_any_claim_can_be_the_root():
    """thesis= may name a claim that is no thesis: its own case for and against."""
    (tree,) = trees(summary(chain(3), thesis="c1"))
    assert plain(tree).startswith("Claim: Claim 1.")
    assert plain(tree.children[0].children[0]) == "✚ Claim 2."


def test_unknown_thesis_is_an_unknown_id_error(example):
    """An unknown thesis id raises UnknownIdError naming it and the map's theses."""
    with pytest.raises(UnknownIdError, match=r"has no claim 'nope' \(its theses: 'bike-lane'\)"):
        summary(example, thesis="nope")


# -- header and footer ---------------------------------------------------------------------


def test_header_has_the_citation_and_verdict():
    """The header names title, author, outlet, date, url and the source's verdict."""
    b = MapBuilder("m", "A title")
    b.source("s", "The work", author="A. Writer", outlet="The Paper", date="2024-05-01",
             url="https://example.org/work")  # fmt: skip
    b.claim("a", "A.", quote="a").supports(b.thesis("t", "T.", verdict="against"))
    out = to_text(summary(b.build()), width=120)
    assert "A title" in out
    assert "s: A. Writer, “The work”, The Paper, 2024-05-01 https://example.org/work" in out
    assert "t: against" in out


def test_header_of_a_merged_map_has_each_articles_verdict():
    """A merged map's header gives every article's own verdict beside the common one."""
    out = to_text(summary(two_articles()), width=120)
    assert "t: mixed (alpha: for, beta: mixed)" in out


def test_footer_counts(example):
    """The footer counts claims, relations by kind, linked groups, implicit claims, depth."""
    out = to_text(summary(example), width=200)
    assert (
        "In all: 9 claims · 2 supports · 4 rebuttals · 1 undercut · 1 linked group · "
        "1 implicit premise · 2 levels deep"
    ) in out


def test_evaluation_overlay(example):
    """With an evaluation, each claim shows each semantics' value, named; the cruxes follow."""
    strengths = {"bike-lane": 0.83, "cost": 0.2}
    evaluation = Evaluation(
        "all",
        labels={"bike-lane": Label.IN, "cost": Label.OUT, "grant": Label.UNDEC},
        strengths=strengths,
        cruxes={"bike-lane": ("grant",)},
        strength_semantics="dfquad",
        gradual={"dfquad": GradualEvaluation("dfquad", strengths=strengths)},
    )
    out = to_text(summary(example, evaluation=evaluation), width=200)
    assert (
        "Thesis 1 of 1: [grounded: in · DF-QuAD: 0.83] Elm Street should get a protected bike "
        "lane." in out
    )
    assert (
        "✖ [grounded: out · DF-QuAD: 0.20] The lane would cost the town 1.2 million euros." in out
    )
    assert "✖ [grounded: undecided] A regional grant would pay most of the cost." in out
    assert "bike-lane: [grounded: in · DF-QuAD: 0.83] · cruxes" in out
    assert "  • [grounded: undecided] A regional grant would pay most of the cost." in out


def test_overlay_of_headline_strengths_without_gradual(example):
    """An evaluation built with the headline's strengths alone still shows them, named."""
    evaluation = Evaluation(
        "dfquad",
        labels={"bike-lane": Label.IN},
        strengths={"bike-lane": 0.83},
        strength_semantics="dfquad",
    )
    out = to_text(summary(example, evaluation=evaluation), width=200)
    assert "Thesis 1 of 1: [grounded: in · DF-QuAD: 0.83] Elm Street" in out
    assert [str(mark) for mark in evaluation.marks("bike-lane")] == ["grounded in", "DF-QuAD 0.83"]


def test_no_overlay_without_evaluation(example):
    """Without an evaluation, no status is shown."""
    out = to_text(summary(example), width=200)
    assert "[in" not in out
    assert "Evaluation" not in out


def test_rich_print_of_a_map_is_its_summary(example):
    """rich's protocol: printing a map prints its summary."""
    console = Console(file=io.StringIO(), width=80, color_system=None, _environ={})
    console.print(example)
    assert console.file.getvalue() == to_text(summary(example), width=80)


# -- overview and matrix -------------------------------------------------------------------


def test_overview_names_every_map_with_its_verdicts():
    """The overview has a row per map with its verdict on each thesis and its counts."""
    out = to_text(overview([registry.get("example"), two_articles()]), width=100)
    assert "example" in out
    assert "bike-lane: for" in out
    assert "both" in out
    assert "2 sources" in out


def test_overview_shortens_shared_thesis_prefixes():
    """Theses that share a prefix are named by what differs (desirable, likely)."""
    b = MapBuilder("m", "M")
    b.claim("a", "A.").supports(b.thesis("asian-nato-desirable", "D.", verdict="for"))
    b.claim("c", "C.").rebuts(b.thesis("asian-nato-likely", "L.", verdict="against"))
    out = to_text(overview([b.build()]), width=100)
    assert "desirable: for" in out
    assert "likely: against" in out


def test_overview_stacks_when_narrow(example):
    """Below the width its columns need, the overview becomes one block per map."""
    wide = to_text(overview([example]), width=100)
    narrow = to_text(overview([example]), width=50)
    assert "claims" in wide.splitlines()[1]
    assert "9 claims · 2 ✚ · 4 ✖ · 1 ⊘ · 1 impl. · depth 2" in narrow


def test_overview_with_evaluations(example):
    """With evaluations, each thesis's status appears under its verdict."""
    evaluation = Evaluation(
        "all",
        labels={"bike-lane": Label.OUT},
        strengths={"bike-lane": 0.4},
        strength_semantics="quadratic",
        gradual={"quadratic": GradualEvaluation("quadratic", strengths={"bike-lane": 0.4})},
    )
    out = to_text(overview([example], evaluations={"example": evaluation}), width=100)
    assert "status: [grounded: out · QE: 0.40]" in out


def test_matrix_rows_are_claims_of_two_or_more_sources():
    """The matrix lists the claims two or more sources make, not a claim of one source."""
    out = to_text(agreement_matrix(two_articles()), width=80)
    assert "China opposes the pact." in out
    assert "The members trade with China." in out
    assert "A point only alpha makes." not in out


def test_matrix_is_titled_for_what_it_shows():
    """The title says the table shows the side each source argues."""
    out = to_text(agreement_matrix(two_articles()), width=80)
    assert out.startswith("For or against: how each source argues the 2 claims two or more")


def test_matrix_shows_the_side_each_source_argues():
    """A cell is the claim's side of the thesis in that source: ✚ for alpha, ✖ for beta."""
    out = to_text(agreement_matrix(two_articles()), width=80)
    assert matrix_row(out, "The members trade with China.") == ["✚", "✖"]
    assert matrix_row(out, "China opposes the pact.") == ["✖", "✖"]


def test_matrix_puts_disputed_claims_first():
    """A claim two sources argue on opposite sides comes before the claims they agree on."""
    out = to_text(agreement_matrix(two_articles()), width=80)
    assert out.index("The members trade with China.") < out.index("China opposes the pact.")


def test_matrix_counts_only_each_sources_own_relations():
    """A relation the synthesis adds changes no source's side: each side is the source's own."""
    b = MapBuilder.from_map(two_articles())
    b.ref("china-opposes").supports("alpha-own", label="added")
    m = mark_added(b.build())
    out = to_text(agreement_matrix(m), width=80)
    assert matrix_row(out, "China opposes the pact.") == ["✖", "✖"]


def test_matrix_of_a_map_never_merged_uses_every_relation():
    """In a map that records no provenance, every relation is each of its sources' own."""
    b = MapBuilder("m", "M")
    b.source("alpha", "Alpha")
    b.source("beta", "Beta")
    t = b.thesis("t", "The pact should form.")
    quotes = [Quote("alpha", "Beijing objects"), Quote("beta", "no")]
    b.claim("china-opposes", "China opposes the pact.", quotes=quotes).rebuts(t)
    out = to_text(agreement_matrix(b.build()), width=80)
    assert matrix_row(out, "China opposes the pact.") == ["✖", "✖"]


def test_matrix_has_each_articles_verdict():
    """The matrix's first row gives each article's own verdict (✚ for, ± mixed)."""
    out = to_text(agreement_matrix(two_articles()), width=80)
    assert matrix_row(out, "own verdict") == ["✚", "±"]


def test_matrix_of_a_map_without_shared_claims_says_so(example):
    """A map whose sources share no claim gives an empty matrix that says why."""
    out = to_text(agreement_matrix(example), width=80)
    assert "No claim is made by two or more sources of this map." in out


# -- properties ----------------------------------------------------------------------------


@given(argument_maps())
def test_every_claim_appears_in_the_tree_of_the_thesis_it_reaches(m):
    """Each claim that bears on a thesis is named at least once in that thesis's tree."""
    m = tokens(m)
    for thesis, tree in zip(m.theses, trees(summary(m, depth=len(m.claims))), strict=True):
        labels = " ".join(label for path in paths(tree) for label in path)
        for claim_id in m.polarity(thesis):
            assert f"⟨{claim_id}⟩" in labels


@given(argument_maps())
def test_a_claim_is_expanded_at_most_once_per_path(m):
    """On every branch, each claim appears at most once other than as a pointer back."""
    m = tokens(m)
    for tree in trees(summary(m, depth=len(m.claims))):
        for path in paths(tree):
            named = [
                token for label in path if not is_reference(label) for token in label.split("⟨")[1:]
            ]
            assert len(named) == len(set(named))


@given(argument_maps(), st.integers(40, 120), st.booleans())
def test_no_line_is_wider_than_asked(m, width, quotes):
    """Summary, overview and matrix fit the width, whatever the text, for 40 to 120 columns."""
    for renderable in (summary(m, quotes=quotes), overview([m]), agreement_matrix(m)):
        out = to_text(renderable, width=width)
        assert max(cell_len(line) for line in out.splitlines()) <= width


HOSTILE = (
    st.lists(
        st.sampled_from(["[bold]", "[/]", "[link=x]", "[/link]", ":smile:", "\x1b[31m", "\\"])
        | st.text("[]/=:#@ab ", max_size=4),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(str.strip)
)


@given(argument_maps(text=HOSTILE))
def test_hostile_text_prints_literally(m):
    """Claim text made of markup and escapes is printed as written, escapes escaped."""
    out = to_text(summary(m, depth=len(m.claims)), width=1000)
    assert "\x1b" not in out
    for thesis in m.theses:
        for claim_id in m.polarity(thesis):
            assert m.claim(claim_id).text.replace("\x1b", "\\x1b") in out


# -- the README -----------------------------------------------------------------------------


# -- the command line ----------------------------------------------------------------------


def test_show_map(capsys):
    """argmap show MAP prints the summary and exits 0."""
    code, out, _ = run(capsys, "show", "example", "--width", "80")
    assert code == 0
    assert "Case for: 2 reasons" in out


def test_show_without_map_is_the_overview(capsys):
    """argmap show with no MAP gives a row per built-in map."""
    code, out, _ = run(capsys, "show", "--width", "100")
    assert code == 0
    for name in registry.names():
        assert name in out


def test_show_respects_width(capsys):
    """--width 40 gives no line wider than 40 columns."""
    code, out, _ = run(capsys, "show", "zaobao-united-front", "--width", "40", "--quotes")
    assert code == 0
    assert max(cell_len(line) for line in out.splitlines()) <= 40


def test_show_unknown_thesis_is_one_line(capsys):
    """An unknown --thesis is a one-line error with exit status 1."""
    code, out, err = run(capsys, "show", "example", "--thesis", "nope")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "has no claim 'nope'" in err


@pytest.mark.parametrize(
    "args",
    [
        ["show", "example", "--width", "5"],
        ["show", "example", "--depth", "-1"],
        ["show", "--thesis", "x"],
        ["show", "example", "--matrix", "--quotes"],
    ],
)
def test_show_usage_errors(capsys, args):
    """Nonsense option values and combinations exit with status 2, under show's usage."""
    try:
        code, _, err = run(capsys, *args)
    except SystemExit as exc:  # refused while parsing
        code, err = exc.code, capsys.readouterr().err
    assert code == 2
    assert err.startswith("usage: argmap show ")
    assert "argmap: error: show: " in err


def test_show_matrix_of_a_file(capsys, tmp_path):
    """argmap show FILE --matrix prints the agreement matrix of a merged map."""
    path = tmp_path / "both.json"
    argmap.dump(two_articles(), path)
    code, out, _ = run(capsys, "show", path, "--matrix")
    assert code == 0
    assert "China opposes the pact." in out


def test_show_overlays_the_evaluation(capsys):
    """argmap show overlays the map's evaluation without being asked: status and cruxes."""
    code, out, _ = run(capsys, "show", "example", "--width", "100")
    assert code == 0
    assert "[grounded: in · QE: 0.50] Elm Street should get a protected bike lane." in out
    assert "cruxes" in out


def test_show_piped_has_no_escape_codes():
    """Piped output carries no escape codes (and python -m argmap show runs)."""
    env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "NO_COLOR"}}
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "show", "example"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        env=env,
    )
    assert "\x1b" not in result.stdout
    assert "Case against: 2 objections" in result.stdout


def test_no_color_means_no_escape_codes(monkeypatch, example):
    """With NO_COLOR set, even a terminal gets no escape codes at all."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    out = io.StringIO()
    terminal.make_console(file=out, width=80).print(summary(example))
    assert "\x1b" not in out.getvalue()


def test_a_terminal_gets_colour_without_no_color(monkeypatch, example):
    """Without NO_COLOR, a terminal gets styles (so the test above can fail)."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = io.StringIO()
    terminal.make_console(file=out, width=80).print(summary(example))
    assert "\x1b[" in out.getvalue()


def test_undercut_objection_is_marked_without_effect(capsys):
    """A standing but undercut objection says it takes no effect; cruxes hang-indent."""
    code, out, _ = run(
        capsys, "show", "zaobao-united-front", "--thesis", "asian-nato-likely", "--width", "80"
    )
    assert code == 0
    flat = " ".join(out.split())
    assert "collective assurance among the allies. (no effect)" in flat
    assert "(no effect): the claim stands but this reason or objection does not hold" in flat
    crux = out.split("change this):")[1].splitlines()
    assert crux[1].startswith("  • [grounded: in · QE: 0.50] US strategic judgement")
    assert crux[2].startswith("    views China as its biggest competitor")
