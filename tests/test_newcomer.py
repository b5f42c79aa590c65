"""The command line as a newcomer meets it (issue 20) and the fixes found on real data (19)."""

import json
import os
import re
import shutil
import subprocess
import sys
import warnings

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgmapWarning, MapBuilder, UnknownIdError, registry
from argmap.cli import main
from argmap.cli.parser import build_parser
from argmap.io import FORMATS
from argmap.render.terminal import report, summary, to_text
from argmap.search import search
from argmap.strategies import HOSTILE_IDS, HOSTILE_TEXTS, argument_maps, hostile_map
from argmap.suggest import close_ids, edit_distance

EMPTY_AIF = '{"nodes":[],"edges":[],"locutions":[]}'
# A support circle as authors write it: "+ [T]" under [R] where "+> [T]" was meant.
CIRCLE = (
    "[T]: Cities should ban cars.\n  + [R]: Cars pollute.\n    + [T]\n  - [C]: People need cars.\n"
)


# Valid maps whose texts and ids are hostile (markup, controls, very long ids).
HOSTILE = st.builds(
    hostile_map,
    st.sampled_from(HOSTILE_TEXTS),
    st.lists(st.sampled_from(HOSTILE_IDS), min_size=5, max_size=5, unique=True),
)


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


# -- ids where they are needed -----------------------------------------------------------


def test_show_ids_puts_each_claims_id_before_its_text(capsys):
    """show --ids names every claim of the tree; without it, only the thesis's id shows."""
    _, plain, _ = run(capsys, "show", "example", "--width", "200")
    _, with_ids, _ = run(capsys, "show", "example", "--ids", "--width", "200")
    assert "grant: A regional grant would pay most of the cost." in with_ids
    assert "grant:" not in plain
    m = registry.get("example")
    for c in m.claims:
        if c.id not in m.theses:
            assert f"{c.id}: " in with_ids


def test_quotes_mode_shows_ids_and_qualifiers(capsys):
    """show --quotes shows each claim's id, and a hedge as "(hedged: …)" after the text."""
    _, out, _ = run(capsys, "show", "joongang-squad", "--quotes", "--width", "300")
    assert "usfk-taiwan-risk: " in out
    assert "Taiwan contingency. (hedged: could)" in out


def test_a_qualifier_is_shown_after_its_claim():
    """A claim's qualifier follows it, dim, in the summary (its thesis's heading too)."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "It will rain.")
    b.claim("c", "Clouds gather.", qualifier="while still far off").supports(t)
    m = b.build()
    m = m.with_claim(attrs.evolve(m.claim("t"), qualifier="probably"))
    out = to_text(summary(m), width=100)
    assert "It will rain. (hedged: probably)" in out
    assert "✚ Clouds gather. (hedged: while still far off)" in out
    assert "(hedged: …): the source's own hedge on the claim" in out


def test_find_lists_matches_with_id_and_side(capsys):
    """find names each matching claim with its side of each thesis; other forms of a word match."""
    code, out, _ = run(capsys, "find", "example", "regional", "grant")
    assert code == 0
    assert out.splitlines()[0] == "grant (for bike-lane)"
    code, out, _ = run(capsys, "find", "remain-a-dream", "escalation")
    assert code == 0
    assert "escalates-china-tensions (" in out  # "escalate" in its text


def test_find_json_and_no_match(capsys):
    """find --json is data; a query that matches nothing exits 1 and says so."""
    code, out, _ = run(capsys, "find", "example", "parking", "--json")
    rows = json.loads(out)
    assert code == 0
    assert [r["id"] for r in rows] == ["parking-loss"]
    assert rows[0]["sides"] == {"bike-lane": "con"}
    code, out, err = run(capsys, "find", "example", "zeppelin")
    assert code == 1
    assert out == ""
    assert "no claim of 'example' matches 'zeppelin'" in err


@given(argument_maps())
def test_search_finds_each_claim_by_its_own_text(m):
    """Every claim is found by the words of its own text, with a side for each thesis it reaches."""
    for c in m.claims:
        if not re.search(r"[^\W_]", c.text):
            continue
        found = {f.claim.id: f for f in search(m, c.text)}
        assert c.id in found
        for thesis, side in found[c.id].sides.items():
            assert m.polarity(thesis)[c.id] == side


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (["show", "remain-a-dream", "--thesis", "escalation"], "'escalates-china-tensions'"),
        (["render", "remain-a-dream", "--focus", "deters-chnia"], "'deters-china'"),
        (["show", "exampel"], "did you mean 'example'?"),
        (["evaluate", "remain-dream"], "did you mean 'remain-a-dream'?"),
    ],
)
def test_unknown_ids_suggest_the_closest(capsys, args, wanted):
    """An unknown claim or map id is one error line that suggests the closest ids."""
    code, _, err = run(capsys, *args)
    assert code == 1
    assert err.count("\n") == 1
    assert "did you mean" in err
    assert wanted in err


def test_a_misspelt_format_suggests_the_closest(capsys):
    """--to argdwn: "did you mean 'argdown'?"; a format that only reads says what writes."""
    code, _, err = run(capsys, "export", "example", "--to", "argdwn")
    assert code == 1
    assert "format 'argdwn' cannot be written; did you mean 'argdown'? (formats: " in err
    code, _, err = run(capsys, "export", "example", "--to", "kialo")
    assert "did you mean" not in err
    assert "cannot be written; use one of aif, " in err


@settings(max_examples=30)
@given(st.lists(st.from_regex(r"[a-z]{1,6}(-[a-z]{1,6}){0,2}", fullmatch=True), min_size=1))
def test_an_id_is_its_own_best_suggestion(ids):
    """Typed exactly (in any case), an id comes first among the suggestions."""
    for known in ids:
        assert close_ids(known.upper(), ids)[0].casefold() == known.casefold()


def _naive_distance(a, b):
    """Optimal string alignment distance, the textbook table."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(
                d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])
            )
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


@given(st.text("abc", max_size=7), st.text("abc", max_size=7), st.integers(0, 4))
def test_edit_distance_is_the_textbook_one_capped(a, b, limit):
    """The capped distance is the table's distance, or limit + 1 when that is larger."""
    assert edit_distance(a, b, limit) == min(_naive_distance(a, b), limit + 1)


def test_suggestions_are_found_only_when_the_message_is_read():
    """A failed look-up that is caught costs no search; the message has the suggestions."""
    m = registry.get("example")
    with pytest.raises(UnknownIdError) as info:
        m.claim("grnat")
    assert callable(info.value._suggest)  # not searched yet
    assert str(info.value).endswith("did you mean 'grant'?")
    assert info.value.suggestions == ("grant",)


# -- show: pager, repeats, one thesis, marks -------------------------------------------------


def _in_a_terminal(args, env, rows=24):
    """Run argmap with standard output on a pseudo-terminal; return its exit status."""
    import pty

    leader, follower = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 80, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env={**{k: v for k, v in os.environ.items() if k != "ARGMAP_PAGER"}, **env},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_long_output_on_a_terminal_goes_to_the_pager(tmp_path):
    """show pages on a terminal (PAGER), never with --no-pager, never when short or piped."""
    paged = tmp_path / "paged.txt"
    env = {"PAGER": f"cat > {paged}", "NO_COLOR": "1"}
    code, screen = _in_a_terminal(["show", "asian-nato", "--depth", "2"], env)
    assert code == 0
    assert "Thesis 1 of 2" in paged.read_text(encoding="utf-8")
    assert "Thesis 1 of 2" not in screen
    paged.unlink()
    code, screen = _in_a_terminal(["show", "asian-nato", "--depth", "2", "--no-pager"], env)
    assert code == 0
    assert not paged.exists()
    assert "Thesis 1 of 2" in screen
    code, screen = _in_a_terminal(["show", "example", "--no-evaluate"], env, rows=200)
    assert not paged.exists()  # it fits on the screen
    piped = subprocess.run(
        [sys.executable, "-m", "argmap", "show", "asian-nato"],
        capture_output=True,
        env={**{k: v for k, v in os.environ.items() if k != "ARGMAP_PAGER"}, **env},
        check=True,
    )
    assert not paged.exists()
    assert b"Thesis 1 of 2" in piped.stdout


def test_a_repeated_leaf_is_marked_and_a_repeat_names_its_id():
    """A claim used twice says where else it is, by id: "also" for a leaf, "see" for more."""
    b = MapBuilder("m", "M")
    t = b.thesis("t", "Thesis.")
    x = b.claim("x", "X.")
    x.supports(t)
    y = b.claim("y", "Y.")
    y.rebuts(t)
    leaf = b.claim("leaf", "A leaf both use.")
    leaf.supports(x)
    leaf.rebuts(y)
    out = to_text(summary(b.build()), width=200)
    assert out.count("A leaf both use.") == 2
    assert "A leaf both use. (also above: leaf)" in out
    assert "(also above: id): the same claim, used again" in out


@pytest.mark.parametrize("name", ["remain-a-dream", "stair-blueprint", "joongang-squad"])
def test_the_key_names_each_direction_the_tree_points(name):
    """A "(also below: id)" in the tree has "also below" (or "above/below") in the key."""
    out = to_text(summary(registry.get(name)), width=400)
    key = next(line for line in out.splitlines() if line.startswith("Key: "))
    tree = out.split(key, 1)[1]
    pointed = False
    for word in ("see", "also"):
        ways = [w for w in ("above", "below") if f"({word} {w}: " in tree]
        pointed = pointed or bool(ways)
        if ways:
            assert f"({word} {'/'.join(ways)}: id)" in key
    assert pointed


@pytest.mark.parametrize("args", [["example"], ["asian-nato", "--quotes"], []])
def test_show_ends_no_line_in_spaces(capsys, args):
    """show's text has no trailing spaces (rich pads wrapped lines and cells with them)."""
    code, out, _ = run(capsys, "show", *args, "--width", "80")
    assert code == 0
    assert [line for line in out.splitlines() if line.endswith((" ", "\t"))] == []


def test_thesis_prints_only_that_theses_header(capsys):
    """--thesis shows that thesis's own heading: no map header, sources or footer."""
    _, out, _ = run(capsys, "show", "asian-nato", "--thesis", "asian-nato-likely")
    assert "Sources:" not in out
    assert "In all:" not in out
    assert "Thesis 2 of 2:" in out
    assert "Thesis 1 of 2:" not in out


def test_no_evaluate_leaves_the_marks_out(capsys):
    """--no-evaluate shows no mark, no key to marks and no evaluation lines."""
    _, out, _ = run(capsys, "show", "example", "--no-evaluate")
    assert "grounded" not in out
    assert "DF-QuAD" not in out
    assert "QE" not in out
    assert "Evaluation:" not in out


_MARK = re.compile(r"\[(grounded: (?:in|out|undecided))?(?: · )?((?:QE|DF-QuAD): [01]\.\d\d)?\]")


@settings(max_examples=20)
@given(HOSTILE | argument_maps(), st.sampled_from(["all", "grounded", "quadratic", "dfquad"]))
def test_every_mark_names_its_semantics(m, semantics):
    """No mark is a bare "[out 0.75]": each value in a mark says which semantics gave it."""
    e = argmap.evaluate(m, semantics)
    out = to_text(summary(m, evaluation=e), width=400)
    found = _MARK.findall(out)
    assert found
    assert not re.search(r"\[(in|out|undecided)[ \]]", out.replace("[grounded: ", ""))
    gradual = {"quadratic": "QE", "dfquad": "DF-QuAD", "all": "QE"}.get(semantics)
    for grounded, strength in found:
        assert bool(grounded) == (semantics in {"grounded", "all"})
        assert bool(strength) == (gradual is not None)
        assert strength.startswith(f"{gradual}: ") if gradual else True


# -- evaluate's report ----------------------------------------------------------------------


@settings(max_examples=30)
@given(HOSTILE | argument_maps(), st.integers(40, 200))
def test_the_report_never_exceeds_its_width(m, width):
    """No line of the report is longer than --width, whatever the ids and texts."""
    text = report(m, argmap.evaluate(m), width)
    assert max(len(line) for line in text.splitlines()) <= width


def test_the_report_names_relations_by_their_claims_and_claims_by_their_text(capsys):
    """Relations read "support from 'a'"; influences give a claim's text and id."""
    _, out, _ = run(capsys, "evaluate", "remain-a-dream", "--width", "80")
    assert "--supports--" not in out
    assert "--undercuts--" not in out
    assert "undercut from 'japan-coalition-mixed-on-china'" in out
    assert re.search(r"\n    [+-]\d\.\d{3}  \S.*… \(could-stabilise-if-successful\)\n", out)


# -- help and usage -------------------------------------------------------------------------


def _verbs():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "verb")
    return parser, sub.choices


@pytest.mark.parametrize("name", [*registry.names(), "circle"])
def test_the_report_says_each_relations_kind(name):
    """Each relation the report names by its claims says its kind: "support from 'r'"."""
    circle = CIRCLE.split("  - [C]", maxsplit=1)[0]  # the circle alone: its thesis is undecided
    m = argmap.loads(circle, "argdown", check=False) if name == "circle" else registry.get(name)
    text = " ".join(report(m, argmap.evaluate(m), width=200).split())
    words = re.findall(r"(\w+) \(?from '", text)
    assert words
    # the kind, or a list after a clause that names it: "every rebuttal fails (from 'a' and
    # from 'b')"; a clause that does not ("no support holds and …") is the circle's, below
    kinds = {"support", "supports", "rebuttal", "rebuttals", "undercut", "undercuts"}
    kinds |= {"fails", "and"}
    assert set(words) <= kinds, set(words) - kinds
    if name == "circle":
        assert "no support holds and support from 'R' is undecided" in text


@pytest.mark.parametrize("width", [40, 57, 80, 101])
def test_a_status_is_never_split_across_lines(width):
    """A status ("grounded: IN · DF-QuAD: 0.867") wraps whole, never parted from its value."""
    for name in registry.names():
        m = registry.get(name)
        text = report(m, argmap.evaluate(m), width=width)
        assert "\u00a0" not in text
        assert re.search(r"(grounded:|QE:|DF-QuAD:) *\n", text) is None, name
        assert re.search(r"^ *([0-9.]+$|(IN|OUT|UNDECIDED) ·)", text, re.MULTILINE) is None, name
        if width >= 57:  # then a status fits on a line of its own: it is never cut
            assert re.search(r"· *\n", text) is None, name


def test_every_option_has_a_one_line_help():
    """Each option and argument of each verb says what it does, on one line."""
    parser, verbs = _verbs()
    for p in [parser, *verbs.values()]:
        for action in p._actions:
            assert action.help, (p.prog, action.dest)
            assert "\n" not in action.help
            # the list of format names grows with the formats; the rest must stay short
            said = re.sub(r"\b(?:" + "|".join(FORMATS) + r")\b(?:, )?", "", action.help)
            assert len(said) <= 90, said


def test_each_verbs_help_has_examples(capsys):
    """argmap VERB --help ends with runnable examples of that verb."""
    _, verbs = _verbs()
    for name in verbs:
        with pytest.raises(SystemExit):
            main([name, "--help"])
        out = capsys.readouterr().out
        assert "examples:\n" in out
        examples = out.split("examples:\n")[1]
        assert f"  argmap {name}" in examples


@pytest.mark.parametrize("args", [[], ["list"], ["show"], ["find"], ["evaluate"], ["export"]])
def test_help_fits_80_columns(args):
    """argmap [VERB] --help in an 80-column terminal: no line runs past it."""
    env = {**os.environ, "COLUMNS": "80"}
    out = subprocess.run(
        [sys.executable, "-m", "argmap", *args, "--help"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    assert max(len(line) for line in out.splitlines()) <= 80


def test_help_says_the_output_name_picks_the_format(tmp_path):
    """export --to's default is what -o's name says (x.argdown is Argdown), as the help says."""
    _, verbs = _verbs()
    to = next(a for a in verbs["export"]._actions if a.dest == "to")
    assert "default: from the -o name, else json" in to.help
    target = tmp_path / "x.argdown"
    assert main(["export", "example", "-o", str(target)]) == 0
    assert argmap.load(target).claims == registry.get("example").claims


@pytest.mark.parametrize(
    "args",
    [
        ["show", "example", "--depth", "-1"],
        ["show", "example", "--width", "5"],
        ["evaluate", "example", "--width", "20"],
        ["find", "example"],
        ["export", "example", "--nope"],
    ],
)
def test_a_usage_error_prints_the_verbs_own_usage(capsys, args):
    """The usage line above a usage error is the verb's, not the top-level one."""
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(f"usage: argmap {args[0]} ")
    assert f"argmap: error: {args[0]}: " in err


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (["shw", "example"], "invalid choice: 'shw'; did you mean 'show'? (choose from "),
        (["evaluate", "example", "--semantics", "dfqad"], "did you mean 'dfquad'?"),
        ([], "required: VERB (argmap --help lists them)"),
    ],
)
def test_a_misspelt_verb_or_choice_suggests_the_closest(capsys, args, wanted):
    """argparse's "invalid choice" says which choice was meant; no VERB says where to look."""
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert wanted in err
    assert err.count("argmap: error:") == 1


def test_list_names_its_columns_and_each_theses_sides(capsys):
    """list counts supports, rebuttals and undercuts, and claims for and against each thesis."""
    code, out, _ = run(capsys, "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:5] == ["id", "claims", "supports", "rebuttals", "undercuts"]
    m = registry.get("example")
    sides = m.polarity("bike-lane")
    pro = sum(1 for c, s in sides.items() if s == "pro" and c != "bike-lane")
    con = sum(1 for s in sides.values() if s == "con")
    assert f"  thesis bike-lane: {pro} claims for, {con} against" in lines
    assert "  Should Elm Street get a protected bike lane?" in lines
    joongang = out.split("joongang-squad")[1]
    assert "  thesis asian-nato-desirable: 1 claim for, 3 against" in joongang
    _, as_json, _ = run(capsys, "list", "--json")
    row = next(r for r in json.loads(as_json) if r["id"] == "example")
    assert row["theses"]["bike-lane"] == {"for": pro, "against": con, "both ways": 0}


def test_list_fits_the_terminal(capsys, monkeypatch):
    """No line of list runs past the terminal: long titles wrap under their row."""
    monkeypatch.setenv("COLUMNS", "60")  # the table of counts is 59 wide
    _, out, _ = run(capsys, "list")
    assert max(len(line) for line in out.splitlines()) <= 60
    assert "  Russia and China in the Face of the" in out


def test_help_loads_no_verb_and_no_view():
    """argmap --help imports neither the verbs, rich, the registry nor importlib.metadata."""
    code = (
        "import sys, contextlib, io\n"
        "from argmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: main(['--help'])\n"
        "    except SystemExit: pass\n"
        "bad = [m for m in ('argmap.cli.verbs', 'rich', 'argmap.registry', 'importlib.metadata',"
        " 'shtab') if m in sys.modules]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_bash_completion_completes_verbs_and_maps(tmp_path):
    """argmap completion bash writes a script that completes verbs, options and map ids."""
    script = tmp_path / "argmap.bash"
    script.write_text(
        subprocess.run(
            [sys.executable, "-m", "argmap", "completion", "bash"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout,
        encoding="utf-8",
    )
    probe = (
        f"source {script}\n"
        'fn=$(complete -p argmap | sed -E "s/.*-F ([^ ]+) .*/\\1/")\n'
        'try() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=();\n'
        '  $fn argmap "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"; echo "${COMPREPLY[*]}"; }\n'
        "try argmap sh\ntry argmap show exam\ntry argmap show example --th\n"
    )
    out = subprocess.run(
        [shutil.which("bash") or "/bin/bash", "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert out.stdout.splitlines() == ["show", "example", "--thesis"]


# -- issue 19: fixes found on real data -----------------------------------------------------


@pytest.mark.parametrize(
    "verb",
    [
        ["show"],
        ["export", "--to", "json"],
        ["export", "--to", "argdown"],
        ["export", "--to", "aif"],
        ["evaluate"],
        ["render", "--format", "dot"],
    ],
)
def test_an_empty_aif_document_is_read_and_converted(capsys, tmp_path, verb):
    """An empty AIF document works with every verb but check, with one warning."""
    path = tmp_path / "empty.json"
    path.write_text(EMPTY_AIF, encoding="utf-8")
    code, _, err = run(capsys, verb[0], path, *verb[1:])
    assert code == 0
    assert (
        err
        == "argmap: warning: " + f"{path}: map 'empty' names no thesis; add the claim it is about\n"
    )


@pytest.mark.parametrize(
    "verb", [["show"], ["export", "--to", "aif"], ["evaluate"], ["render", "--format", "dot"]]
)
def test_a_support_circle_is_a_warning_where_the_verb_can_work(capsys, tmp_path, verb):
    """A support circle from Argdown is shown, converted, evaluated and drawn, with a warning."""
    path = tmp_path / "cars.argdown"
    path.write_text(CIRCLE, encoding="utf-8")
    code, out, err = run(capsys, verb[0], path, *verb[1:])
    assert code == 0
    assert out
    assert err.startswith(f"argmap: warning: {path}: claims support each other in a circle")
    assert err.count("\n") == 1


def test_an_invalid_map_names_its_file_on_one_line_per_problem(capsys, tmp_path):
    """A refused map's errors name the file, once each, never "error: error:"."""
    path = tmp_path / "broken.argdown"
    path.write_text(CIRCLE, encoding="utf-8")
    code, out, _ = run(capsys, "check", path)
    assert code == 1
    assert "cars" not in out
    bad = tmp_path / "bad.json"
    data = {
        "argmap": 1,
        "id": "m",
        "title": "M",
        "theses": ["t", "t"],
        "claims": [{"id": "t", "text": "T"}],
    }
    bad.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "show", bad)
    assert code == 1
    assert err == f"argmap: error: {bad}: thesis 't' is listed twice; list it once\n"
    assert "error: error:" not in err


def test_maps_from_aif_and_argdown_are_named_after_their_files(tmp_path):
    """A document that names no map gives its file's name; one that names one keeps it."""
    (tmp_path / "cars.argdown").write_text(CIRCLE, encoding="utf-8")
    (tmp_path / "nodeset42.json").write_text(EMPTY_AIF, encoding="utf-8")
    assert argmap.load(tmp_path / "cars.argdown", check=False).id == "cars"
    assert argmap.load(tmp_path / "nodeset42.json", check=False).id == "nodeset42"
    m = registry.get("example")
    argmap.dump(m, tmp_path / "copy.aif.json")
    assert argmap.load(tmp_path / "copy.aif.json").id == "example"


def test_an_aif_file_writes_back_as_it_was_read(tmp_path):
    """Naming a map after its AIF file leaves the AIF it writes unchanged (round trip exact)."""
    doc = {"nodes": [{"nodeID": "1", "type": "I", "text": "A."}], "edges": [], "locutions": []}
    path = tmp_path / "nodeset7.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    m = argmap.load(path)
    assert m.id == "nodeset7"
    assert json.loads(argmap.dumps(m, "aif")) == doc


def test_warnings_point_at_the_callers_line(tmp_path):
    """A reader's warning is attributed to the line that called argmap, not to argmap."""
    path = tmp_path / "odd.json"
    doc = {
        "nodes": [
            {"nodeID": "1", "type": "I", "text": "A"},
            {"nodeID": "2", "type": "I", "text": "B"},
        ]
    }
    doc["edges"] = [{"edgeID": "9", "fromID": "1", "toID": "2"}]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        argmap.load(path)
    odd = [w for w in caught if issubclass(w.category, ArgmapWarning)]
    assert odd
    assert all(w.filename == __file__ for w in odd)
