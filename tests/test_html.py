"""The interactive page as text: one document, its policy, its data, the CLI, notebooks.

tests/test_html_page.py drives the page in a browser.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources

import pytest

import argmap
from argmap import registry
from argmap.cli import main
from argmap.render.html import embed_json, mimebundle, page_data, to_html
from argmap.strategies.shapes import hostile_map
from argmap.strategies.values import HOSTILE_IDS, HOSTILE_TEXTS

BREAKOUTS = ("</script><script>x()</script>", "<!-- <script>", "a\u2028b\u2029c", "</SCRIPT >")


def _data(page: str) -> str:
    start = page.index('<script type="application/json" id="argmap-data">')
    start = page.index(">", start) + 1
    return page[start : page.index("</script>", start)]


def _sha(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


@pytest.fixture(scope="module")
def example_page() -> str:
    return to_html(registry.get("example"))


def test_one_document_with_its_own_script_and_style(example_page):
    assert example_page.startswith("<!DOCTYPE html>")
    script = resources.files("argmap.render.html").joinpath("page.js").read_text("utf-8")
    style = resources.files("argmap.render.html").joinpath("page.css").read_text("utf-8")
    assert f"<script>{script}</script>" in example_page
    assert f"<style>{style}</style>" in example_page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', example_page)
    assert policy is not None
    rules = dict(r.strip().split(" ", 1) for r in policy[1].split(";"))
    assert rules["default-src"] == "'none'"
    assert rules["script-src"] == f"'sha256-{_sha(script)}'"
    assert rules["style-src"] == f"'sha256-{_sha(style)}'"
    # Nothing is loaded from anywhere: no src attribute, no stylesheet link, no import.
    assert not re.search(r"\ssrc=|<link|@import|url\(", example_page)


def test_the_drawing_is_the_checked_svg(example_page):
    m = registry.get("example")
    svg = argmap.render.svg.to_svg(m)  # type: ignore[attr-defined]
    without_comments = re.sub(r"<!--.*?-->\n?", "", svg[svg.index("<svg") :], flags=re.DOTALL)
    assert without_comments in example_page
    assert "<!--" not in example_page
    for claim in m.claims:
        assert f'id="claim&#45;{claim.id.replace("-", "&#45;")}"' in example_page


def test_a_big_map_is_drawn_whole_on_its_page():
    """The page draws every claim (it pans and zooms), though the SVG view folds past 80."""
    m = registry.get("asian-nato")
    assert len(m.claims) > 80
    page = to_html(m)
    missing = [c.id for c in m.claims if f'id="claim&#45;{c.id.replace("-", "&#45;")}"' not in page]
    assert missing == []


def test_embedded_map_is_the_page_data(example_page):
    m = registry.get("example")
    assert json.loads(_data(example_page)) == json.loads(json.dumps(page_data(m)))


@pytest.mark.parametrize("text", HOSTILE_TEXTS + BREAKOUTS)
def test_hostile_text_cannot_leave_the_data_element(text):
    m = hostile_map(text, HOSTILE_IDS[:5])
    page = to_html(m)
    data = _data(page)
    for raw in "<>&\u2028\u2029":
        assert raw not in data
    found = json.loads(data)
    assert found["claims"][0]["text"] == text
    assert page.count("<script") == 2  # the data and the page's own script, nothing else
    assert found["claims"][1]["quotes"][0]["url"].startswith("javascript:")  # the page refuses it


def test_embed_json_escapes_what_could_break_out():
    assert embed_json("</script><!--\u2028&") == ('"\\u003c/script\\u003e\\u003c!--\\u2028\\u0026"')


def test_page_data_cruxes_come_from_the_library():
    m = registry.get("example")
    data = page_data(m)
    e = argmap.evaluate(m)
    assert data["evaluation"]["cruxes"] == {k: list(v) for k, v in e.cruxes.items()}
    assert data["evaluation"]["cruxes"]["bike-lane"]  # the example has cruxes to show
    assert page_data(m, explain=False)["evaluation"] == {"cruxes": {}}


# -- the command line ------------------------------------------------------------------


def test_render_writes_the_page(tmp_path):
    out = tmp_path / "map.html"
    assert main(["render", "example", "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
    other = tmp_path / "map.htm"
    assert main(["render", "example", "--format", "html", "-o", str(other)]) == 0
    assert other.read_text("utf-8") == out.read_text("utf-8")
    assert main(["render", "example", "--format", "html", "-o", str(tmp_path / "x.svg")]) == 2


def test_render_all_writes_pages(tmp_path, capsys):
    assert main(["render", "--all", str(tmp_path / "pages"), "--format", "html"]) == 0
    written = sorted(p.name for p in (tmp_path / "pages").iterdir())
    assert written == sorted(f"{name}.html" for name in registry.names())
    assert "rendered" in capsys.readouterr().err


@pytest.mark.parametrize(
    "extra",
    [["--focus", "cost"], ["--depth", "1"], ["--evaluate", "grounded"], ["--thesis", "bike-lane"]],
)
def test_render_html_refuses_partial_drawings(tmp_path, capsys, extra):
    assert main(["render", "example", "-o", str(tmp_path / "x.html"), *extra]) == 2
    assert "whole map" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


# -- notebooks -------------------------------------------------------------------------


def test_notebook_shows_the_page_in_a_frame():
    m = registry.get("example")
    bundle = m._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    frame = bundle["text/html"]
    assert frame.startswith('<iframe class="argmap-page"')
    assert 'sandbox="allow-scripts"' in frame
    assert "width:100%" in frame
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame)
    assert srcdoc is not None
    assert html.unescape(srcdoc[1]) == to_html(m, embedded=True)


def test_notebook_honours_include_and_exclude():
    m = registry.get("example")
    assert m._repr_mimebundle_(include={"text/plain"}) == {"text/plain": repr(m)}
    assert set(m._repr_mimebundle_(exclude={"text/html"})) == {"text/plain"}
    with_svg = m._repr_mimebundle_(include=["image/svg+xml", "text/plain"])
    assert set(with_svg) == {"image/svg+xml", "text/plain"}
    assert mimebundle(m, include=[], exclude=None) == {}


def test_text_plain_is_right_in_the_singular():
    b = argmap.MapBuilder("one", "One")
    t = b.thesis("t", "A thesis.")
    b.claim("r", "A reason.").supports(t)
    m = b.build()
    assert m._repr_mimebundle_(include={"text/plain"})["text/plain"] == (
        "<ArgumentMap 'one': 2 claims, 1 relation, 1 thesis>"
    )
