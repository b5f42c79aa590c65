"""argmap render: formats, options, --all, and one-line errors."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

import argmap
import argmap.evaluate
from argmap import registry
from argmap.cli import main
from argmap.render import dot, svg
from argmap.render.engines import raster


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def no_dot(monkeypatch):
    monkeypatch.setattr(svg.shutil, "which", lambda _: None)


@pytest.mark.usefixtures("no_dot")
def test_render_writes_svg(capsys, tmp_path):
    """render MAP -o x.svg writes an SVG that parses and shows the map's claims."""
    out = tmp_path / "x.svg"
    code, stdout, err = run(capsys, "render", "example", "-o", out)
    assert (code, stdout, err) == (0, "", "")
    root = ET.fromstring(out.read_text(encoding="utf-8"))  # noqa: S314 - our own output
    text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Elm Street should get a" in text


def test_format_follows_the_output_name(capsys, tmp_path):
    """-o x.dot writes DOT, the same as the Python API's."""
    out = tmp_path / "x.dot"
    assert run(capsys, "render", "example", "-o", out)[0] == 0
    assert out.read_text(encoding="utf-8") == dot.dumps(registry.get("example"))


@pytest.mark.usefixtures("no_dot")
def test_svg_is_the_default_on_stdout(capsys):
    """Without -o or --format, render prints SVG."""
    code, out, _ = run(capsys, "render", "example")
    assert code == 0
    assert "<svg" in out


def test_format_that_contradicts_the_name_is_a_usage_error(capsys, tmp_path):
    """--format dot with an .svg output name is a one-line usage error; nothing is written."""
    out = tmp_path / "x.svg"
    code, _, err = run(capsys, "render", "example", "--format", "dot", "-o", out)
    assert code == 2
    assert err.splitlines()[-1] == (
        f"argmap: error: render: --format dot does not match -o {str(out)!r}; make them agree"
    )
    assert not out.exists()


@pytest.mark.parametrize("name", ["x.jpg", "x.mmd", "x.json"])
def test_an_ending_render_cannot_draw_is_a_usage_error(capsys, tmp_path, name):
    """-o x.jpg (or a map format's ending) says which endings render writes, in one line."""
    code, _, err = run(capsys, "render", "example", "-o", tmp_path / name)
    assert code == 2
    last = err.splitlines()[-1]
    assert "-o must end in .svg, .png, .pdf, .dot or .html" in last
    assert ("argmap export" in last) == (name != "x.jpg")
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("name", ["x.svg", "x.png", "x.pdf"])
def test_export_to_a_drawing_says_to_use_render(capsys, tmp_path, name):
    """export -o x.svg is a usage error that gives the render command."""
    out = tmp_path / name
    code, _, err = run(capsys, "export", "example", "-o", out)
    assert code == 2
    assert err.splitlines()[-1].endswith(f"use: argmap render example -o {out}")
    assert not out.exists()


@pytest.mark.usefixtures("no_dot")
def test_on_a_terminal_render_writes_map_svg_here(capsys, tmp_path, monkeypatch):
    """Without -o on a terminal, render writes MAP.svg in the current folder and says so."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code, out, err = run(capsys, "render", "example")
    assert (code, out) == (0, "")
    assert re.fullmatch(r"wrote example\.svg \([\d,]+ × [\d,]+ pt\)\n", err)
    assert (tmp_path / "example.svg").read_text(encoding="utf-8").startswith("<?xml")


def test_on_a_terminal_a_file_map_is_named_after_the_file(capsys, tmp_path, monkeypatch):
    """render maps/debate.json --format dot on a terminal writes debate.dot here."""
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "debate.json").write_text(
        argmap.dumps(registry.get("example")), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code, _, err = run(capsys, "render", "maps/debate.json", "--format", "dot")
    assert code == 0
    assert err.startswith("wrote debate.dot (")
    assert (tmp_path / "debate.dot").read_text(encoding="utf-8").startswith("digraph")


@pytest.mark.usefixtures("no_dot")
def test_png_without_dot_comes_from_the_builtin_engine(capsys, tmp_path):
    """PNG and PDF with no system Graphviz are drawn from the WebAssembly engine's SVG."""
    for name, magic in (("x.png", b"\x89PNG"), ("x.pdf", b"%PDF-")):
        code, _, err = run(capsys, "render", "example", "-o", tmp_path / name)
        assert (code, err) == (0, "")
        assert (tmp_path / name).read_bytes().startswith(magic)


def test_thesis_draws_one_case(capsys):
    """--thesis ID draws that thesis's case and no other thesis."""
    m = registry.get("remain-a-dream")
    first, second = m.theses
    code, out, _ = run(capsys, "render", "remain-a-dream", "--format", "dot", "--thesis", first)
    assert code == 0
    assert f'id="claim-{first}"' in out
    assert f'id="claim-{second}"' not in out
    assert f"the case for and against {first!r}" in out


def test_thesis_and_focus_together_is_a_usage_error(capsys):
    """--thesis and --focus both choose what to draw: giving both is a usage error."""
    code, _, err = run(capsys, "render", "example", "--thesis", "bike-lane", "--focus", "cost")
    assert code == 2
    assert "--thesis and --focus each choose what to draw; give one" in err


def test_full_draws_every_claim_of_the_synthesis(capsys):
    """The synthesis folds by default; --full draws every claim."""
    m = registry.get("asian-nato")
    folded = run(capsys, "render", "asian-nato", "--format", "dot")[1]
    full = run(capsys, "render", "asian-nato", "--format", "dot", "--full")[1]
    assert folded.count('id="claim-') < len(m.claims)
    assert full.count('id="claim-') == len(m.claims)


@pytest.mark.usefixtures("no_dot")
def test_engine_system_without_dot_is_one_line(capsys):
    """--engine system with no dot on PATH exits 1 with one line."""
    code, _, err = run(capsys, "render", "example", "--engine", "system")
    assert code == 1
    assert err.startswith("argmap: error: Graphviz's 'dot' program is not on PATH")


def test_focus_and_depth(capsys):
    """--focus CLAIM --depth N draws that claim's neighbourhood."""
    code, out, _ = run(capsys, "render", "example", "--format", "dot", "--focus", "grant")
    assert code == 0
    assert 'id="claim-grant"' in out
    assert 'id="claim-crashes"' not in out
    code, out, _ = run(
        capsys, "render", "example", "--format", "dot", "--focus", "grant", "--depth", "9"
    )
    assert 'id="claim-crashes"' in out


def test_focus_on_unknown_claim(capsys):
    """An unknown --focus claim exits 1 with one line naming it."""
    code, _, err = run(capsys, "render", "example", "--focus", "nope")
    assert code == 1
    assert err == "argmap: error: map 'example' has no claim 'nope'\n"


def test_negative_depth_is_a_usage_error(capsys):
    """--depth -1 is a usage error (exit 2)."""
    code, _, err = run(capsys, "render", "example", "--depth", "-1")
    assert code == 2
    assert "--depth must be 0 or more" in err


def test_no_legend(capsys):
    """--no-legend leaves the legend out."""
    _, out, _ = run(capsys, "render", "example", "--format", "dot", "--no-legend")
    assert "cluster_legend" not in out


def test_map_is_required(capsys):
    """render without MAP or --all is a usage error."""
    code, _, err = run(capsys, "render")
    assert code == 2
    assert "render needs a MAP" in err


@pytest.mark.usefixtures("no_dot")
def test_all_renders_every_builtin_map(capsys, tmp_path):
    """--all DIR writes one SVG per built-in map, creating DIR."""
    folder = tmp_path / "maps"
    code, _, err = run(capsys, "render", "--all", folder)
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == [f"{n}.svg" for n in registry.names()]
    assert f"rendered {len(registry.names())} of {len(registry.names())} maps" in err


def test_all_with_a_map_is_a_usage_error(capsys, tmp_path):
    """--all takes no MAP."""
    code, _, err = run(capsys, "render", "example", "--all", tmp_path)
    assert code == 2
    assert "--all DIR renders every built-in map" in err


@pytest.mark.usefixtures("no_dot")
def test_all_reports_failures_and_goes_on(capsys, tmp_path, monkeypatch):
    """A map that cannot be drawn is reported in one line; the status is 1."""

    def fail(_svg_data, fmt):
        raise argmap.RenderError(f"{fmt.upper()} output broke")

    monkeypatch.setattr(raster, "convert", fail)
    code, _, err = run(capsys, "render", "--all", tmp_path, "--format", "png")
    assert code == 1
    first = registry.names()[0]
    assert err.splitlines()[0] == f"argmap: error: {first}: PNG output broke"
    assert "rendered 0 of" in err


def test_refuses_to_write_over_the_input(capsys, tmp_path):
    """render never writes over the map it reads."""
    path = tmp_path / "m.dot"
    path.write_text(argmap.dumps(registry.get("example")), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    code, _, err = run(capsys, "render", path, "--from", "json", "-o", path)
    assert code == 1
    assert "refusing to write over the input" in err
    assert path.read_text(encoding="utf-8") == before


def test_evaluate_overlays_the_evaluation(capsys):
    """--evaluate grounded draws each claim's verdict: the example's cost rebuttal fails."""
    code, out, _ = run(capsys, "render", "example", "--format", "dot", "--evaluate", "grounded")
    assert code == 0
    assert "✔ accepted" in out
    assert "✘ rejected" in out
    plain = run(capsys, "render", "example", "--format", "dot")[1]
    assert "accepted" not in plain


def test_evaluate_dfquad_overlays_strengths(capsys):
    """--evaluate dfquad writes each claim's strength, the thesis's being 0.56."""
    code, out, _ = run(capsys, "render", "example", "--format", "dot", "--evaluate", "dfquad")
    assert code == 0
    assert "0.56" in out


def test_reads_a_map_file(capsys, tmp_path):
    """MAP may be a file; its claims are drawn."""
    path = tmp_path / "m.json"
    path.write_text(json.dumps(json.loads(argmap.dumps(registry.get("example")))), "utf-8")
    code, out, _ = run(capsys, "render", path, "--format", "dot")
    assert code == 0
    assert 'id="claim-grant"' in out
