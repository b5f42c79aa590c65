"""The check every SVG passes before argmap returns it: well-formed, and inert in a browser.

Only the shapes Graphviz itself writes pass: no script, no foreign content, no event
handler, no link other than http(s), no processing instruction, and no CSS that could
fetch or run anything (see :func:`check_svg`).
"""

from __future__ import annotations

import re

from argmap._checks import shown
from argmap.errors import ParameterError, RenderError

__all__ = ["check_svg"]

# Elements Graphviz writes into SVG; anything else is refused.
_SVG_ELEMENTS = frozenset(
    {
        "svg",
        "g",
        "title",
        "a",
        "polygon",
        "polyline",
        "path",
        "ellipse",
        "circle",
        "rect",
        "line",
        "text",
        "tspan",
        "defs",
        "linearGradient",
        "radialGradient",
        "stop",
    }
)


def check_svg(svg: bytes | str) -> None:
    """Check that SVG is well-formed and inert.

    It must parse as XML, hold only the elements Graphviz writes (no script, no foreign
    content), no event-handler attribute, no link other than http(s), and no processing
    instruction (``<?xml-stylesheet?>`` makes a browser fetch and apply a style sheet).
    Attributes other than ids, classes, tooltips and link targets are CSS to a browser
    (``fill``, ``style``, ``transform``...): they may call only the functions Graphviz
    writes (``translate()``, ``rotate()``, ``scale()``, colours, and ``url(#id)`` naming a
    gradient of the same drawing), never ``url()`` of anything else, ``image()`` or
    ``expression()``, and may hold no backslash (a CSS escape could spell any of those).

    Raises:
        RenderError: naming the first offending element, attribute or instruction.
        ParameterError: if ``svg`` is not bytes or a string.
    """
    if not isinstance(svg, bytes | str):
        msg = f"svg must be SVG text (a string or bytes), not {shown(svg)}"
        raise ParameterError(msg)
    data = svg.encode("utf-8", "surrogatepass") if isinstance(svg, str) else svg
    if b"<!ENTITY" in data:
        raise RenderError("the layout engine's SVG declares entities; refusing it")
    found = _scan(data)
    for target in found.instructions:
        msg = f"the layout engine's SVG holds a <?{target}?> instruction; refusing it"
        raise RenderError(msg)
    _check_names(found)
    for url in found.links:
        if not _is_http(url):
            raise RenderError(f"the layout engine's SVG links to {url!r}; refusing it")
    for tag, name, value in found.styles:
        if (why := _unsafe_css(value)) is not None:
            short = value if len(value) <= 60 else value[:57] + "..."
            msg = f"the layout engine's SVG has {why} in <{tag} {name}={short!r}>; refusing it"
            raise RenderError(msg)


def _check_names(found: _Scanned) -> None:
    """Refuse elements Graphviz does not write, event handlers and links outside <a>."""
    for tag in sorted(found.tags - _SVG_ELEMENTS):
        raise RenderError(f"the layout engine's SVG holds a <{tag}> element; refusing it")
    for name in sorted(found.names | found.link_names):
        local = name.rpartition(":")[2].lower()
        if local.startswith("on"):
            raise RenderError(f"the layout engine's SVG holds an {name!r} attribute")
        if local == "href" and name in found.names:
            raise RenderError("the layout engine's SVG has a link outside <a>; refusing it")


# Attributes whose value is text, not CSS: ids, classes, tooltips, link targets (and the
# links themselves, which are checked as links).
_TEXT_ATTRIBUTES = frozenset(
    {"id", "class", "xlink:title", "title", "target", "xlink:href", "href", "xml:space"}
)
# The CSS and SVG functions Graphviz writes in attribute values.
_CSS_FUNCTIONS = frozenset(
    {"url", "translate", "rotate", "scale", "matrix", "skewx", "skewy", "rgb", "rgba"}
)
_CSS_CALL = re.compile(r"([A-Za-z_-][\w-]*)\s*\(")
# A reference into the same drawing (a gradient): it names, it does not fetch.
_LOCAL_URL = re.compile(r"url\(\s*#[^)\s'\"]*\s*\)", re.IGNORECASE)


def _unsafe_css(value: str) -> str | None:
    """What makes an attribute value unsafe as CSS, or None when it is safe."""
    if "\\" in value:
        return "a CSS escape"
    for call in _CSS_CALL.finditer(value):
        name = call.group(1).lower()
        if name not in _CSS_FUNCTIONS:
            return f"a {name}() call"
        if name == "url" and _LOCAL_URL.match(value, call.start()) is None:
            return "a url() other than #id"
    return None


class _Scanned:
    """What :func:`_scan` found in an XML text."""

    def __init__(self) -> None:
        self.tags: set[str] = set()
        self.names: set[str] = set()  # attribute names off <a>
        self.link_names: set[str] = set()  # attribute names on <a>
        self.links: list[str] = []
        self.instructions: list[str] = []
        self.styles: list[tuple[str, str, str]] = []  # (tag, attribute, value) read as CSS


def _scan(data: bytes) -> _Scanned:
    """Element and attribute names, links, CSS values and processing instructions.

    A streaming parse with small handlers: several times faster than building a tree.

    Raises:
        RenderError: if the text is not well-formed XML.
    """
    import xml.parsers.expat

    found = _Scanned()

    def start(tag: str, attrs: list[str]) -> None:
        found.tags.add(tag)
        pairs = list(zip(attrs[::2], attrs[1::2], strict=True))
        (found.link_names if tag == "a" else found.names).update(k for k, _ in pairs)
        if tag == "a":
            found.links.extend(v for k, v in pairs if "href" in k)
        found.styles.extend(
            (tag, k, v) for k, v in pairs if k not in _TEXT_ATTRIBUTES and ("(" in v or "\\" in v)
        )

    def instruction(target: str, _: str) -> None:
        found.instructions.append(target)

    parser = xml.parsers.expat.ParserCreate()
    parser.ordered_attributes = True
    parser.StartElementHandler = start
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)  # noqa: FBT003 - expat's signature: the last chunk
    except xml.parsers.expat.ExpatError as exc:
        msg = f"the layout engine's SVG is not well-formed XML ({exc}); please report this"
        raise RenderError(msg) from None
    return found


def _is_http(url: str) -> bool:
    import urllib.parse

    parts = urllib.parse.urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
