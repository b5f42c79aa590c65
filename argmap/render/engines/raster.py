"""PDF and PNG from checked SVG, with no system library: what the WebAssembly engine lacks.

* PDF: ``svglib`` reads the SVG into a ``reportlab`` drawing, which ``reportlab`` writes
  as a vector PDF. Its text uses the PDF standard fonts (Helvetica, with Symbol for signs
  such as ``−``), which every PDF reader has, so no font file is needed.
* PNG: ``pypdfium2`` (PDFium, the PDF engine of Chromium, as a self-contained wheel with
  the standard fonts built in) renders that PDF to pixels at 96 dpi, the size Graphviz's
  own PNG has; Pillow (which ``reportlab`` needs anyway) writes the PNG.

Only SVG that passed :func:`argmap.render.svgcheck.check_svg` comes here: no entity,
script, foreign element or link that a reader could follow.
"""

from __future__ import annotations

import io
import logging

from argmap.errors import RenderError

__all__ = ["DPI", "convert"]

#: The resolution of PNG output: Graphviz's own, so a PNG is as large as ``dot -Tpng``'s.
DPI = 96

_MISSING = (
    "{what} output without Graphviz's 'dot' program needs the '{package}' package, which is "
    "missing; reinstall argmap (pip install argmap), or install Graphviz so that 'dot' is "
    "on PATH"
)


def convert(svg: bytes, format: str) -> bytes:  # noqa: A002 - Graphviz's word
    """Turn checked SVG into ``pdf`` or ``png`` bytes.

    Raises:
        RenderError: if a package it needs is missing, or the SVG cannot be read.
    """
    pdf = _pdf(svg)
    return pdf if format == "pdf" else _png(pdf)


def _pdf(svg: bytes) -> bytes:
    try:
        from reportlab.graphics import renderPDF
        from svglib.svglib import svg2rlg
    except ImportError as exc:
        package = "svglib" if "svglib" in str(exc) else "reportlab"
        raise RenderError(_MISSING.format(what="PDF", package=package)) from None
    # svglib says through logging what it leaves out (it reads all Graphviz writes).
    quiet = logging.getLogger("svglib")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        drawing = svg2rlg(io.BytesIO(svg))
    except Exception as exc:  # noqa: BLE001 - any failure of the reader is one line
        msg = f"could not turn the drawing into PDF: {type(exc).__name__}: {exc}"
        raise RenderError(msg.splitlines()[0]) from None
    finally:
        quiet.setLevel(level)
    if drawing is None:
        raise RenderError("could not turn the drawing into PDF: svglib read nothing")
    data: bytes = renderPDF.drawToString(drawing)
    return data


def _png(pdf: bytes) -> bytes:
    try:
        import pypdfium2
    except ImportError:
        raise RenderError(_MISSING.format(what="PNG", package="pypdfium2")) from None
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=DPI / 72).to_pil()
        out = io.BytesIO()
        image.save(out, "PNG", optimize=False)
    finally:
        document.close()
    return out.getvalue()
