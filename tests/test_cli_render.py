"""argmap render: formats, options, --all, and one-line errors."""

import json
import xml.etree.ElementTree as ET

import pytest

import argmap
import argmap.evaluate
from argmap import registry
from argmap.cli import main
from argmap.render import dot, svg


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


def test_format_overrides_the_name(capsys, tmp_path):
    """--format dot wins over an .svg output name."""
    out = tmp_path / "x.svg"
    run(capsys, "render", "example", "--format", "dot", "-o", out)
    assert out.read_text(encoding="utf-8").startswith("digraph")


@pytest.mark.usefixtures("no_dot")
def test_png_without_dot_is_one_line(capsys, tmp_path):
    """PNG with no system Graphviz exits 1 with one line saying how to get it."""
    code, _, err = run(capsys, "render", "example", "-o", tmp_path / "x.png")
    assert code == 1
    assert err.count("\n") == 1
    assert "https://graphviz.org/download/" in err
    assert not (tmp_path / "x.png").exists()


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
def test_all_reports_failures_and_goes_on(capsys, tmp_path):
    """A map that cannot be drawn is reported in one line; the status is 1."""
    code, _, err = run(capsys, "render", "--all", tmp_path, "--format", "png")
    assert code == 1
    first = registry.names()[0]
    assert err.splitlines()[0].startswith(f"argmap: error: {first}: PNG output needs")
    assert "rendered 0 of" in err


def test_refuses_to_write_over_the_input(capsys, tmp_path):
    """render never writes over the map it reads."""
    path = tmp_path / "m.json"
    path.write_text(argmap.dumps(registry.get("example")), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    code, _, err = run(capsys, "render", path, "--format", "dot", "-o", path)
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
