r"""The interactive map: one self-contained, offline HTML page.

:func:`to_html` writes a page that holds the map's drawing (the SVG of
:mod:`argmap.render.svg`, inline), an outline, search, the details of the selected claim
and "what if" controls. Its script (``page.js``) and style (``page.css``) ship beside this
module and are read with :mod:`importlib.resources`; the page loads nothing else: its
Content-Security-Policy allows only its own script and style (by their SHA-256) and
``data:`` images, so it makes no network request, and it opens from ``file://``.

The map itself travels as JSON in a ``<script type="application/json">`` element, with
``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX`` escapes, so no text of the
map can close the element or start a comment; the script builds the page's DOM from it
with text nodes only, and links only ``http(s)`` URLs.

The script recomputes the evaluation in the page (grounded, DF-QuAD and the quadratic
energy model, exactly as :func:`argmap.evaluate` does), and exposes ``window.argmap``
(README, "The interactive page").
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources
from typing import Any

from argmap._checks import map_arg
from argmap.model import ArgumentMap, Support
from argmap.render import svg as drawing
from argmap.render.dot._labels import node_name
from argmap.render.svg import Engine

__all__ = ["NOTEBOOK_HEIGHT", "embed_json", "mimebundle", "page_data", "to_html"]

#: The height (CSS pixels) of the page's frame in a notebook cell.
NOTEBOOK_HEIGHT = 640

#: Characters that must not appear raw in JSON inside a <script> element.
_UNSAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


#: An XML comment; Graphviz escapes "<" in text and attributes, so none hides in one.
_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def embed_json(value: object) -> str:
    """JSON text safe inside a ``<script>`` element: no ``<``, ``>``, ``&``, U+2028, U+2029."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_UNSAFE)


def page_data(m: ArgumentMap, *, explain: bool = True) -> dict[str, Any]:
    """What the page's script reads: the map's claims, relations and sources, as plain values.

    The same shape is what ``window.argmap.evaluateModel`` takes (README, "The interactive
    page"). With ``explain``, ``evaluation`` holds the cruxes :func:`argmap.evaluate` finds
    in the map as written, which the details panel shows (the page computes labels,
    strengths and reasons itself, for every what-if question).
    """
    from argmap.evaluate import evaluate

    m = map_arg(m, "m")
    sources = {s.id: s for s in m.sources}
    claims = []
    for c in m.claims:
        quotes = []
        for q in c.quotes:
            s = sources.get(q.source)
            quotes.append(
                {
                    "text": q.text,
                    "source": q.source,
                    "title": s.title if s else "",
                    "author": s.author if s else "",
                    "outlet": s.outlet if s else "",
                    "date": s.date if s else "",
                    "url": s.url if s else "",
                }
            )
        claims.append(
            {
                "id": c.id,
                "text": c.text,
                "implicit": c.implicit,
                "tags": list(c.tags),
                "qualifier": c.qualifier,
                "note": c.note,
                "base": c.base_score,
                "quotes": quotes,
                "node": f"claim-{node_name(c.id)}",
            }
        )
    relations = [
        {
            "id": r.id,
            "kind": "support" if isinstance(r, Support) else "rebuttal",
            "premises": list(r.premises),
            "target": r.target,
            "label": r.label,
            "node": f"relation-{node_name(r.id)}",
        }
        for r in m.relations
    ]
    evaluation: dict[str, Any] = {"cruxes": {}}
    if explain:
        evaluation["cruxes"] = evaluate(m, "grounded").to_json()["cruxes"]
    return {
        "id": m.id,
        "title": m.title,
        "description": m.description,
        "theses": list(m.theses),
        "verdicts": {k: str(v) for k, v in m.verdicts.items()},
        "claims": claims,
        "relations": relations,
        "evaluation": evaluation,
    }


def to_html(m: ArgumentMap, *, engine: Engine = "auto", embedded: bool = False) -> str:
    """The interactive page of a map, as one self-contained HTML document.

    Args:
        m: the map.
        engine: the layout engine of the drawing (see :func:`argmap.render.svg.to_svg`).
        embedded: lay the page out for a frame (a notebook cell): no page margins, the
            panels side by side whatever the width.

    Raises:
        RenderError: if no layout engine can run, or the engine fails.
        InvalidMapError: if the map cannot be evaluated.
    """
    m = map_arg(m, "m")
    svg = drawing.to_svg(m, engine=engine, legend=True, full=True)  # the page pans and zooms
    # Graphviz's comments (a tenth of a big drawing) go; the rest is checked again.
    svg = _COMMENT.sub("", svg[svg.index("<svg") :])
    drawing.check_svg(svg.encode("utf-8"))
    script, style = _asset("page.js"), _asset("page.css")
    policy = (
        "default-src 'none'; "
        f"script-src {_sha256(script)}; "
        f"style-src {_sha256(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    title = html.escape(m.title or m.id)
    data = embed_json(page_data(m))
    mode = "embedded" if embedded else "page"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{title}</title>\n<style>{style}</style>\n</head>\n"
        f'<body class="{mode}">\n'
        '<div id="app" aria-busy="true">\n'
        f'<div id="drawing">{svg}</div>\n'
        "</div>\n"
        f'<script type="application/json" id="argmap-data">{data}</script>\n'
        f"<script>{script}</script>\n"
        "</body>\n</html>\n"
    )


def mimebundle(m: ArgumentMap, include: object = None, exclude: object = None) -> dict[str, str]:
    """The notebook display of a map: the interactive page in a frame sized to the cell.

    ``text/html`` is an ``<iframe>`` whose ``srcdoc`` is the page (its script runs in the
    frame's sandbox, apart from the notebook), as wide as the cell and
    :data:`NOTEBOOK_HEIGHT` pixels high; ``text/plain`` is the map's repr. The static SVG
    drawing (``image/svg+xml``) is offered only when ``include`` names it. ``include`` and
    ``exclude`` (collections of MIME types, as Jupyter passes them) choose what is
    returned; only the drawings need the layout engine.

    Raises:
        RenderError: if a drawing is asked for and no engine can run.
    """
    wanted = {"text/html", "text/plain"}
    if include is not None:
        wanted = set(include) & (wanted | {"image/svg+xml"})  # type: ignore[call-overload]
    if exclude is not None:
        wanted -= set(exclude)  # type: ignore[call-overload]
    found: dict[str, str] = {}
    if "text/html" in wanted:
        page = html.escape(to_html(m, embedded=True), quote=True)
        found["text/html"] = (
            f'<iframe class="argmap-page" title="{html.escape(m.title or m.id)}" '
            'sandbox="allow-scripts" '
            f'style="width:100%;height:{NOTEBOOK_HEIGHT}px;border:1px solid #ccc" '
            f'srcdoc="{page}"></iframe>'
        )
    if "image/svg+xml" in wanted:
        found["image/svg+xml"] = drawing.to_svg(m)
    if "text/plain" in wanted:
        found["text/plain"] = repr(m)
    return found
