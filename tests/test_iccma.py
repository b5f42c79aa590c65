"""The exact attack graph and the ICCMA formats, against formal-argumentation's reader."""

import warnings

import pytest
from argumentation.core.dung import ArgumentationFramework, grounded_extension
from argumentation.interop.iccma import parse_af, parse_apx, parse_tgf
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapWarning, FormatError, Label, registry
from argmap.attack_graph import encode
from argmap.io import apx, iccma23, tgf
from argmap.strategies import argument_maps

FORMATS = {"apx": (apx, parse_apx), "tgf": (tgf, parse_tgf), "iccma23": (iccma23, parse_af)}


def _labels(arguments, attacks):
    """Dung's grounded labelling of a framework, by formal-argumentation's solver."""
    extension = grounded_extension(ArgumentationFramework(arguments=arguments, defeats=attacks))
    out = {b for a, b in attacks if a in extension}
    return {x: "in" if x in extension else "out" if x in out else "undec" for x in arguments}


def _argmap_labels(m):
    e = argmap.evaluate(m, "grounded")
    return {
        **{k: str(v) for k, v in e.labels.items()},
        **{k: str(v) for k, v in e.relation_labels.items()},
    }


@given(argument_maps(max_claims=10), st.booleans())
def test_grounded_extension_of_the_graph_is_argmaps_labelling(m, every):
    """Every claim (and relation argument) gets argmap's grounded label in the attack graph."""
    g = encode(m, every_relation=every)
    names, attacks = g.named()
    theirs = _labels(names, attacks)
    ours = _argmap_labels(m)
    for a in g.arguments:
        if a.role in {"thesis", "claim", "relation"}:
            assert theirs[a.subject] == ours[a.subject], a


def test_the_builtin_maps_keep_their_labels(builtin_map):
    """The built-in maps (supports, linked premises, undercuts) keep every label."""
    names, attacks = encode(builtin_map).named()
    theirs = _labels(names, attacks)
    ours = _argmap_labels(builtin_map)
    assert all(theirs[c.id] == ours[c.id] for c in builtin_map.claims)


def test_plain_relations_are_no_arguments_unless_asked():
    """A single-premise, undercut-free relation is an attack from its premise, not a node."""
    m = argmap.ArgumentMap(
        "m",
        "M",
        theses=["t"],
        claims=[argmap.Claim(x, x.upper() + ".") for x in ("t", "a", "b", "c", "d")],
        relations=[
            argmap.Support("plain", ["a"], "t"),
            argmap.Support("undercut", ["b"], "t"),
            argmap.Rebuttal("u", ["c"], "undercut"),
            argmap.Rebuttal("linked", ["c", "d"], "a"),
        ],
    )
    assert [a.subject for a in encode(m).arguments if a.role == "relation"] == [
        "undercut",
        "linked",
    ]
    full = encode(m, every_relation=True)
    assert [a.subject for a in full.arguments if a.role == "relation"] == [
        r.id for r in m.relations
    ]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@given(m=argument_maps(max_claims=8))
def test_their_reader_gets_the_same_framework(fmt, m):
    """formal-argumentation's ICCMA reader reads what argmap writes as the exact graph."""
    module, parse = FORMATS[fmt]
    af = parse(module.dumps(m))
    g = encode(m)
    prefix = "a" if fmt == "apx" else ""
    assert af.arguments == {prefix + a.name for a in g.arguments}
    assert af.defeats == {
        (prefix + g.arguments[i].name, prefix + g.arguments[j].name) for i, j in g.attacks
    }


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@given(m=argument_maps(max_claims=8))
def test_reading_back_keeps_ids_and_grounded_labels(fmt, m):
    """Read back, the claims keep their ids and argmap gives them the same labels."""
    module, _ = FORMATS[fmt]
    back = module.loads(module.dumps(m))
    assert set(m.claims_by_id) <= set(back.claims_by_id)
    assert all(isinstance(r, argmap.Rebuttal) and len(r.premises) == 1 for r in back.relations)
    before = argmap.evaluate(m, "grounded").labels
    after = argmap.evaluate(back, "grounded").labels
    assert {c: after[c] for c in before} == dict(before)
    assert back.theses == m.theses


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@given(m=argument_maps(max_claims=8))
def test_written_read_written_is_the_same_file(fmt, m):
    """Map → ICCMA → map → ICCMA gives the same file: the attack structure survives."""
    module, _ = FORMATS[fmt]
    text = module.dumps(m)
    assert module.dumps(module.loads(text)) == text


@st.composite
def frameworks(draw):
    n = draw(st.integers(1, 9))
    attacks = draw(st.lists(st.tuples(st.integers(1, n), st.integers(1, n)), max_size=20))
    return n, attacks


@given(frameworks())
def test_any_framework_keeps_its_grounded_extension(framework):
    """A foreign framework (self-attacks included) read as a map keeps Dung's grounded labels."""
    n, attacks = framework
    text = f"p af {n}\n" + "".join(f"{a} {b}\n" for a, b in attacks)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArgmapWarning)
        m = iccma23.loads(text)
    af = parse_af(text)
    theirs = _labels(af.arguments, af.defeats)
    ours = argmap.evaluate(m, "grounded").labels
    assert {str(i): str(ours[str(i)]) for i in range(1, n + 1)} == theirs


def test_a_self_attack_becomes_a_two_cycle_with_a_warning():
    """A self-attacking argument gets a helper claim; grounded leaves it undecided."""
    with pytest.warns(ArgmapWarning, match="attack themselves"):
        m = iccma23.loads("p af 2\n1 1\n1 2\n")
    assert "1~self" in m.claims_by_id
    labels = argmap.evaluate(m, "grounded").labels
    assert labels["1"] == Label.UNDEC
    assert labels["2"] == Label.UNDEC


def test_without_a_table_names_are_ids_and_unattacking_arguments_are_theses():
    """A bare framework: claims named after arguments, theses those that attack nothing."""
    m = apx.loads("arg(a).\narg(b). arg(c).\natt(a,b).  % a attacks b\natt(b,c).\n")
    assert [c.id for c in m.claims] == ["a", "b", "c"]
    assert m.theses == ("c",)
    assert [(r.premises, r.target) for r in m.relations] == [(("a",), "b"), (("b",), "c")]


def test_tgf_labels_become_texts():
    """A TGF label that is no side-table entry is the claim's text."""
    m = tgf.loads("1 Cats are mammals\n2\n#\n2 1\n")
    assert m.claim("1").text == "Cats are mammals"
    assert m.claim("2").text == "Argument 2."


def test_the_side_table_is_where_each_format_allows_it():
    """apx has % comments, iccma23 # comments after the header, tgf node labels."""
    m = registry.get("example")
    a = apx.dumps(m).splitlines()
    assert a[1] == '% argmap map "example" "Should Elm Street get a protected bike lane?"'
    assert a[2] == '% argmap a1 thesis "bike-lane"'
    i = iccma23.dumps(m).splitlines()
    assert i[0] == f"p af {len(encode(m).arguments)}"
    assert i[3] == '# argmap 1 thesis "bike-lane"'
    assert tgf.dumps(m).splitlines()[0] == '1 thesis "bike-lane"'
    assert "argmap" not in iccma23.dumps(m, table=False)
    assert apx.dumps(m, table=False).startswith("arg(a1).")


@pytest.mark.parametrize(
    ("fmt", "text", "where"),
    [
        ("iccma23", "1 2\n", "line 1"),
        ("iccma23", "p af 2\n1 3\n", "line 2"),
        ("iccma23", "p af 2\n1 x\n", "line 2"),
        ("iccma23", "p af 2\np af 2\n", "line 2"),
        ("iccma23", "# only a comment\n", "p af N"),
        ("iccma23", "p af 99999999999999999999999\n", "line 1"),
        ("apx", "arg(a).\natt(a b).\n", "line 2, column 1"),
        ("apx", "arg(a). junk\n", "line 1, column 9"),
        ("tgf", "1\n2\n", "no '#'"),
        ("tgf", "1\n#\n1\n", "line 3"),
        ("tgf", "1\n#\n#\n", "line 3"),
    ],
)
def test_malformed_input_is_one_line_naming_the_place(fmt, text, where):
    """Malformed frameworks are refused with one line that says where."""
    with pytest.raises(FormatError) as caught:
        argmap.loads(text, fmt)
    assert where in str(caught.value)
    assert len(str(caught.value).splitlines()) == 1


def test_a_damaged_side_table_warns_and_falls_back():
    """A side-table line argmap cannot read is ignored with a warning."""
    with pytest.warns(ArgmapWarning, match="side-table lines"):
        m = iccma23.loads('p af 1\n# argmap 1 thesis "unclosed\n')
    assert m.claims[0].id == "1"
