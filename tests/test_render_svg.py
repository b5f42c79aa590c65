"""SVG drawings: the engines, the module cache, inert output and hostile text."""

import os
import random
import re
import stat
import struct
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Claim, Quote, Rebuttal, RenderError, Source, Support, registry
from argmap.render import dot, svg
from argmap.render.engines import cache, wasm
from argmap.strategies import HOSTILE_TEXTS, argument_maps, texts

NS = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

HOSTILE = list(HOSTILE_TEXTS)

_PICTURES = {c: chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"}
_PICTURES |= {0x7F: "\u2421", 0xFFFE: "\ufffd", 0xFFFF: "\ufffd"}
_PICTURES |= {c: "\ufffd" for c in range(0x80, 0xA0) if c != 0x85}


def shown(text: str) -> str:
    """What a reader must see of a text, whitespace aside.

    Every character shows as itself, except invisible control characters, which show as
    the Unicode control pictures.
    """
    return "".join(text.translate(_PICTURES).split())


def boxes(svg_text: str) -> dict[str, str]:
    """The visible text of each claim's box, by node name."""
    root = ET.fromstring(svg_text)  # noqa: S314 - our own output
    out = {}
    for g in root.iter(f"{NS}g"):
        if "node" in g.get("class", "").split() and g.get("id", "").startswith("claim-"):
            out[g.get("id")[len("claim-") :]] = "".join(t.text or "" for t in g.iter(f"{NS}text"))
    return out


def assert_inert(svg_text: str) -> None:
    """No script, foreign content, event attribute, or link other than http(s)."""
    root = ET.fromstring(svg_text)  # noqa: S314 - our own output
    for element in root.iter():
        assert element.tag.rpartition("}")[2] not in {"script", "foreignObject", "iframe"}
        for key, value in element.attrib.items():
            name = key.rpartition("}")[2]
            assert not name.lower().startswith("on"), (name, value)
            if name == "href":
                assert value.startswith(("http://", "https://")), value


def assert_shows_every_claim(m: ArgumentMap, svg_text: str) -> None:
    found = boxes(svg_text)
    for c in m.claims:
        assert shown(c.text) in "".join(found[dot._labels.node_name(c.id)].split())


# -- the WebAssembly engine (CI has no system dot) ----------------------------------------


def test_wasm_draws_every_builtin_map(builtin_map):
    """Each built-in map renders with the wasm engine to SVG that shows every claim (--full)."""
    out = svg.to_svg(builtin_map, engine="wasm", full=True)
    assert_shows_every_claim(builtin_map, out)
    assert_inert(out)


def test_wasm_draws_without_legend_and_with_focus():
    """The drawing options reach the engine: a focused drawing has fewer boxes."""
    m = registry.get("example")
    out = svg.to_svg(m, engine="wasm", focus="grant", depth=1, legend=False)
    assert set(boxes(out)) == {"grant", "cost"}
    assert 'id="legend"' not in out


def hostile_map(text: str) -> ArgumentMap:
    return ArgumentMap(
        "hostile",
        text,
        description=text,
        sources=[Source("s", text, author=text, url='https://example.org/?q=<x>&y="z"')],
        theses=["t"],
        claims=[
            Claim("t", text),
            Claim("a", text, quotes=[Quote("s", text)], note=text),
            Claim("b", "Plain.", implicit=True),
        ],
        relations=[Support("r", ["a", "b"], "t", label=text), Rebuttal("u", ["b"], "r")],
    )


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_shows_as_itself(text):
    """Hostile text shows as the same visible text, and the SVG stays inert.

    Quotes, markup, escapes, DOT words, long, right-to-left, combining and control text.
    """
    m = hostile_map(text)
    out = svg.to_svg(m, engine="wasm")
    assert_inert(out)
    found = boxes(out)
    # Each box: its badge (with the relation's label, here the same text), then its text.
    assert "".join(found["t"].split()) == shown("THESIS " + text)
    assert "".join(found["a"].split()) == shown(f"+ reason: {text} {text}")


@pytest.mark.parametrize("text", HOSTILE[:8], ids=range(8))
def test_hostile_text_shows_in_tooltips(text):
    """A claim's tooltip carries its text; backslashes show as a look-alike."""
    out = svg.to_svg(hostile_map(text), engine="wasm")
    root = ET.fromstring(out)  # noqa: S314 - our own output
    titles = [a.get(f"{XLINK}title", "") for a in root.iter(f"{NS}a")]
    expected = shown(text).replace("\\", "\u29f5")
    assert any("".join(t.split()).startswith(expected) for t in titles)


hostile_texts = st.one_of(st.sampled_from(HOSTILE), texts(max_size=60))


@settings(max_examples=25)
@given(argument_maps(text=hostile_texts, max_claims=6))
def test_generated_hostile_maps_stay_inert(m):
    """Any generated map with hostile text renders inert SVG showing every claim's text."""
    out = svg.to_svg(m, engine="wasm")
    assert_inert(out)
    assert_shows_every_claim(m, out)


def generated_map(n: int) -> ArgumentMap:
    """A valid map of n claims, each attacking or supporting an earlier one."""
    rng = random.Random(n)  # noqa: S311 - test data, not secrets
    claims = [Claim("c0", "The thesis of a generated map.")]
    relations = []
    for i in range(1, n):
        claims.append(Claim(f"c{i}", f"Claim number {i} says something " * rng.randint(1, 3)))
        kind = Support if rng.random() < 0.6 else Rebuttal
        relations.append(kind(f"r{i}", [f"c{i}"], f"c{rng.randrange(i)}"))
    return ArgumentMap("big", "Big", theses=["c0"], claims=claims, relations=relations)


@pytest.mark.parametrize("n", [500, pytest.param(5000, marks=pytest.mark.slow)])
def test_a_big_map_renders(n):
    """A generated map of hundreds (or thousands) of claims renders with the wasm engine."""
    m = generated_map(n)
    out = svg.to_svg(m, engine="wasm", legend=False, full=True)
    assert len(boxes(out)) == n


# -- checking the engine's output --------------------------------------------------------

GOOD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        '<g onload="alert(1)"/>',
        '<g ONCLICK="alert(1)"/>',
        '<a xlink:href="javascript:alert(1)"><text>x</text></a>',
        '<a href="data:text/html,x"><text>x</text></a>',
        "<foreignObject><div/></foreignObject>",
        '<image xlink:href="https://example.org/x.png"/>',
        '<g xlink:href="javascript:alert(1)"/><a xlink:href="https://example.org/"/>',
        '<a xlink:href="https://example.org/" xlink:onclick="alert(1)"/>',
        '<a xlink:href="https://example.org/" href="javascript:alert(1)"/>',
        "<text>unclosed",
    ],
)
def test_check_refuses_unsafe_svg(body):
    """Script, event attributes, foreign content, other links and bad XML are refused."""
    with pytest.raises(RenderError):
        svg.check_svg(GOOD.format(body))


def test_check_refuses_entity_declarations():
    """An SVG that declares entities is refused before it is parsed."""
    doc = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'
    with pytest.raises(RenderError, match="entities"):
        svg.check_svg(doc)


def test_check_accepts_http_links_and_text():
    """Text that mentions <script> and http(s) links pass."""
    body = '<a xlink:href="https://example.org/"><text>&lt;script&gt;</text></a>'
    svg.check_svg(GOOD.format(body))


# -- choosing an engine ------------------------------------------------------------------


@pytest.fixture
def no_dot(monkeypatch):
    monkeypatch.setattr(svg.shutil, "which", lambda _: None)


@pytest.mark.usefixtures("no_dot")
def test_auto_uses_wasm_without_dot():
    """Without dot on PATH, auto picks the wasm engine."""
    assert svg.which_engine("auto") == "wasm"


@pytest.mark.usefixtures("no_dot")
def test_images_without_dot_come_from_the_wasm_svg():
    """Without dot, PNG and PDF are drawn from the wasm engine's SVG, the size it says."""
    m = registry.get("example")
    width, height = (
        float(x)
        for x in re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg.to_svg(m)).groups()
    )
    png = svg.to_image(m, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    size = struct.unpack(">II", png[16:24])  # the IHDR chunk: width, height in pixels
    assert size == pytest.approx((width * 96 / 72, height * 96 / 72), abs=2)
    pdf = svg.to_image(m, "pdf")
    assert pdf.startswith(b"%PDF-")
    box = re.search(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box is not None
    assert (float(box[1]), float(box[2])) == pytest.approx((width, height), abs=2)


@pytest.mark.usefixtures("no_dot")
def test_pdf_keeps_the_text():
    """The PDF is a vector drawing: every claim's words are in it as text."""
    import pypdfium2

    m = registry.get("example")
    pdf = svg.to_image(m, "pdf")
    assert b"/Subtype /Image" not in pdf
    document = pypdfium2.PdfDocument(pdf)
    text = "".join(document[0].get_textpage().get_text_range().split())
    document.close()
    for c in m.claims:
        assert "".join(c.text.split()) in text


@pytest.mark.usefixtures("no_dot")
def test_system_engine_without_dot_says_how_to_get_it():
    """engine='system' without dot says what is missing and how to get it."""
    with pytest.raises(RenderError, match="not on PATH; install Graphviz"):
        svg.to_svg(registry.get("example"), engine="system")


def test_unknown_engine_is_an_error():
    """An engine name other than auto, system or wasm is refused."""
    with pytest.raises(RenderError, match="unknown engine 'neato'"):
        svg.which_engine("neato")  # type: ignore[arg-type]


posix_only = pytest.mark.skipif(os.name != "posix", reason="a shell-script stand-in for dot")

FAKE_SVG = GOOD.format('<g id="claim-x" class="node"><text>fake</text></g>')


def fake_dot(tmp_path, monkeypatch, script: str) -> Path:
    """Put a stand-in 'dot' program first on PATH; it records its input in stdin.dot."""
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "dot"
    program.write_text("#!/bin/sh\n" + textwrap.dedent(script), encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return folder


@posix_only
def test_system_dot_is_preferred_when_on_path(tmp_path, monkeypatch):
    """With dot on PATH, auto pipes the map's DOT through it and returns its SVG."""
    folder = fake_dot(tmp_path, monkeypatch, f"cat > {tmp_path}/stdin.dot\necho '{FAKE_SVG}'\n")
    m = registry.get("example")
    assert svg.which_engine() == "system"
    assert "fake" in svg.to_svg(m)
    assert (folder.parent / "stdin.dot").read_text(encoding="utf-8") == dot.dumps(m)


@posix_only
def test_system_dot_failure_is_one_line(tmp_path, monkeypatch):
    """When dot fails, the error quotes its first message line."""
    fake_dot(tmp_path, monkeypatch, "echo 'Error: syntax error in line 3' >&2\nexit 1\n")
    with pytest.raises(
        RenderError, match=r"^Graphviz's dot failed: Error: syntax error in line 3$"
    ):
        svg.to_svg(registry.get("example"))


@posix_only
def test_system_dot_output_is_checked(tmp_path, monkeypatch):
    """SVG from the system engine is checked too."""
    bad = GOOD.format("<script>alert(1)</script>")
    fake_dot(tmp_path, monkeypatch, f"cat > /dev/null\necho '{bad}'\n")
    with pytest.raises(RenderError, match="script"):
        svg.to_svg(registry.get("example"))


@posix_only
def test_png_comes_from_system_dot(tmp_path, monkeypatch):
    """PNG output is whatever dot writes for -Tpng."""
    fake_dot(tmp_path, monkeypatch, 'cat > /dev/null\nprintf "PNG:%s" "$*"\n')
    assert svg.to_image(registry.get("example"), "png").startswith(b"PNG:")


# -- notebooks ---------------------------------------------------------------------------


@pytest.mark.usefixtures("no_dot")
def test_mimebundle_holds_svg_and_inline_html():
    """svg.mimebundle has the SVG, and HTML with the same SVG inline (notebooks show the page)."""
    m = registry.get("example")
    bundle = svg.mimebundle(m)
    assert bundle["image/svg+xml"].startswith("<?xml")
    html = bundle["text/html"]
    assert "<?xml" not in html
    assert "<!DOCTYPE" not in html
    assert bundle["image/svg+xml"].split("<svg", 1)[1] in html


def test_mimebundle_falls_back_to_text(monkeypatch):
    """When no engine can run, the notebook shows the map's text, and nothing raises."""

    def fail(*_, **__):
        raise RenderError("no engine")

    monkeypatch.setattr(svg, "to_svg", fail)
    m = registry.get("example")
    assert m._repr_mimebundle_() == {"text/plain": repr(m)}


# -- the compiled-module cache -----------------------------------------------------------


@pytest.fixture
def fresh_runtime(monkeypatch, tmp_path):
    """A process-wide runtime that is loaded again, with the cache in tmp_path/cache."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("ARGMAP_CACHE_DIR", str(folder))
    wasm.runtime.cache_clear()
    yield folder
    wasm.runtime.cache_clear()


def cached_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.cwasm")) if folder.exists() else []


def test_cache_is_written_private_and_reused(fresh_runtime, monkeypatch):
    """The first load writes the compiled module (mode 600); the next load reads it."""
    wasm.runtime()
    [path] = cached_files(fresh_runtime)
    assert "wasmtime" in path.name
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    wasm.runtime.cache_clear()
    import wasmtime

    monkeypatch.setattr(
        wasmtime.Module, "__init__", lambda *_: pytest.fail("compiled instead of loaded")
    )
    wasm.runtime()
    assert "<svg" in svg.to_svg(registry.get("example"), engine="wasm")


def test_corrupt_cache_is_replaced(fresh_runtime):
    """A damaged cache file is ignored, and replaced by a good one."""
    wasm.runtime()
    [path] = cached_files(fresh_runtime)
    good = path.read_bytes()
    path.write_bytes(good[:-100] + b"x" * 100)
    wasm.runtime.cache_clear()
    assert "<svg" in svg.to_svg(registry.get("example"), engine="wasm")
    assert path.read_bytes() == good


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_cache_writable_by_others_is_not_trusted(tmp_path):
    """A cache file (or folder) that others could write is never loaded."""
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    path = folder / "x.cwasm"
    path.write_bytes(b"anything")
    path.chmod(0o600)
    assert cache.trusted(path)
    path.chmod(0o622)
    assert not cache.trusted(path)
    assert cache.read(path, b"any module") is None
    path.chmod(0o600)
    folder.chmod(0o777)
    assert not cache.trusted(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root user")
def test_unwritable_cache_still_renders(fresh_runtime):
    """A cache folder that cannot be written only means compiling each time."""
    fresh_runtime.mkdir(mode=0o500)
    try:
        assert "<svg" in svg.to_svg(registry.get("example"), engine="wasm")
        assert cached_files(fresh_runtime) == []
    finally:
        fresh_runtime.chmod(0o700)


def test_cache_under_a_file_still_renders(fresh_runtime):
    """A cache path blocked by a file only means compiling each time."""
    fresh_runtime.write_text("not a folder", encoding="utf-8")
    assert "<svg" in svg.to_svg(registry.get("example"), engine="wasm")


def test_empty_cache_setting_turns_caching_off(monkeypatch):
    """ARGMAP_CACHE_DIR set to nothing turns the cache off."""
    monkeypatch.setenv("ARGMAP_CACHE_DIR", "")
    assert svg.cache_dir() is None


def test_cache_key_names_the_module_and_runtime():
    """The cache file's name changes with the wasm bytes (and names the wasmtime version)."""
    a, b = cache.key(b"one"), cache.key(b"two")
    assert a != b
    assert "wasmtime-" in a


def test_new_process_renders_from_the_cache(tmp_path):
    """A second process finds the module the first one cached, and renders with it."""
    env = {**os.environ, "ARGMAP_CACHE_DIR": str(tmp_path)}
    code = textwrap.dedent(
        """
        import sys, wasmtime
        from argmap import registry
        from argmap.render import svg
        if sys.argv[1] == "cached":
            def refuse(*_):
                raise SystemExit("compiled again")
            wasmtime.Module.__init__ = refuse
        print(len(svg.to_svg(registry.get("example"), engine="wasm")) > 0)
        """
    )
    for mode in ("first", "cached"):
        result = subprocess.run(
            [sys.executable, "-c", code, mode], env=env, capture_output=True, text=True, check=False
        )
        assert (result.returncode, result.stdout.strip()) == (0, "True"), result.stderr


def test_readme_drawing_shows_the_example_map():
    """docs/example.svg, which the README shows, is an inert drawing of every example claim."""
    drawing = (Path(__file__).parent.parent / "docs" / "example.svg").read_text(encoding="utf-8")
    svg.check_svg(drawing)
    assert_shows_every_claim(registry.get("example"), drawing)
