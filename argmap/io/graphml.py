r"""GraphML: a map as a graph that yEd, Gephi, Cytoscape and networkx open.

Every claim is a node, and so is every relation: a small *junction* that its premises
point at (edges of role ``premise``) and that points at its target (role ``support``,
``rebuttal`` or ``undercut``; an undercut points at the junction of the relation it
attacks). Linked premises thus meet in one junction, as in argument diagrams.

Data keys (``<key>`` declarations with GraphML types), on nodes:

==================  =======  ======================================================
``argmap_id``       string   the claim's or relation's id
``kind``            string   ``claim``, ``support``, ``rebuttal`` or ``undercut``
``text``            string   the claim's text (a relation: its label, or its kind)
``thesis``          boolean  the claim is a thesis
``implicit``        boolean  the claim is implicit
``tags``            string   the claim's tags, as a JSON array (``["cost", "safety"]``)
``note``            string   the claim's note
``qualifier``       string   the claim's qualifier
``base_score``      double   the claim's base score (absent when it has none)
``relation_label``  string   the relation's label
``scheme``          string   the relation's scheme
``status``          string   with an evaluation: grounded ``in``, ``out`` or ``undec``
``strength``        double   with an evaluation: the strength of ``strength_semantics``
==================  =======  ======================================================

and ``role`` on edges; the graph has ``map_id``, ``title``, ``description`` and, with an
evaluation, ``semantics`` and ``strength_semantics`` (the gradual semantics whose
strengths ``strength`` holds: "quadratic", the headline, when all ran). Node ids are
``c1``, ``c2``... (claims) and ``r1``, ``r2``... (relations), since GraphML ids are name
tokens and argmap ids need not be.

For yEd, each node and edge also carries yEd's own graphics (``y:ShapeNode`` with a
``y:NodeLabel``, ``y:PolyLineEdge`` with arrows and an ``y:EdgeLabel``), so the file
opens readable: claims are rounded boxes with their text wrapped (theses with a thick
border, implicit claims dashed), junctions small circles, supports solid arrows,
rebuttals arrows ending in a bar, undercuts dotted, laid out in rows by depth below the
theses. Other tools ignore those extensions. Characters XML 1.0 cannot hold (most
control characters, lone surrogates) are written as ``\uXXXX``; carriage returns are
kept as ``&#13;``.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from argmap.model import ArgumentMap, Claim, Relation

if TYPE_CHECKING:
    from argmap.evaluate import Evaluation

__all__ = ["dumps"]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_WHITESPACE = re.compile(r"\s+")

#: (key id, for, type) of each data key argmap writes, in the order they are declared.
_KEYS = (
    ("map_id", "graph", "string"),
    ("title", "graph", "string"),
    ("description", "graph", "string"),
    ("semantics", "graph", "string"),
    ("strength_semantics", "graph", "string"),
    ("argmap_id", "node", "string"),
    ("kind", "node", "string"),
    ("text", "node", "string"),
    ("thesis", "node", "boolean"),
    ("implicit", "node", "boolean"),
    ("tags", "node", "string"),
    ("note", "node", "string"),
    ("qualifier", "node", "string"),
    ("base_score", "node", "double"),
    ("relation_label", "node", "string"),
    ("scheme", "node", "string"),
    ("status", "node", "string"),
    ("strength", "node", "double"),
    ("role", "edge", "string"),
)

_FILL = {"claim": "#FFFFFF", "support": "#4C9A2A", "rebuttal": "#C0392B", "undercut": "#7F7F7F"}
_STATUS_FILL = {"in": "#DDF2D1", "out": "#F6D5D1", "undec": "#EFEFEF"}
_LINE = {
    "premise": ("#333333", "line", "none"),
    "support": ("#4C9A2A", "line", "standard"),
    "rebuttal": ("#C0392B", "line", "t_shape"),
    "undercut": ("#7F7F7F", "dotted", "t_shape"),
}
_WIDTH, _GAP_X, _GAP_Y, _LINE_HEIGHT = 260.0, 40.0, 90.0, 17.0


def _xml(text: str) -> str:
    """Text that XML 1.0 can hold, escaped for element content (a CR stays a CR)."""
    return escape(_NOT_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", text), {"\r": "&#13;"})


def _attr(text: str) -> str:
    return quoteattr(_NOT_XML.sub(lambda m: f"\\u{ord(m[0]):04x}", text))


def dumps(
    argument_map: ArgumentMap, *, evaluation: Evaluation | None = None, width: int = 40
) -> str:
    """Return the map as GraphML with yEd graphics.

    Args:
        argument_map: the map.
        evaluation: an evaluation of the map (:func:`argmap.evaluate`) whose grounded
            labels and headline strengths (:attr:`~argmap.Evaluation.strength_semantics`) are
            written as ``status`` and ``strength``.
        width: wrap the yEd labels at about this many characters (0: no wrapping).
    """
    m = argument_map
    names: dict[str, str] = {c.id: f"c{i}" for i, c in enumerate(m.claims, start=1)}
    names.update({r.id: f"r{i}" for i, r in enumerate(m.relations, start=1)})
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
            ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
            ' xmlns:y="http://www.yworks.com/xml/graphml"'
            ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
            ' http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">'
        ),
    ]
    out.extend(f'  <key id="{k}" for="{f}" attr.name="{k}" attr.type="{t}"/>' for k, f, t in _KEYS)
    out.append('  <key id="yn" for="node" yfiles.type="nodegraphics"/>')
    out.append('  <key id="ye" for="edge" yfiles.type="edgegraphics"/>')
    out.append('  <graph id="G" edgedefault="directed">')
    graph_data = {"map_id": m.id, "title": m.title, "description": m.description}
    if evaluation is not None:
        graph_data["semantics"] = evaluation.semantics
        graph_data["strength_semantics"] = evaluation.strength_semantics
    out.extend(f'    <data key="{k}">{_xml(v)}</data>' for k, v in graph_data.items() if v)
    layout = _Layout(m, width)
    for c in m.claims:
        out.extend(_claim_node(m, c, names[c.id], evaluation, layout))
    for r in m.relations:
        out.extend(_relation_node(m, r, names[r.id], evaluation, layout))
    n = 0
    for r in m.relations:
        for source, target, role, label in _edges(m, r):
            if source not in names or target not in names:
                continue
            n += 1
            out.extend(_edge(f"e{n}", names[source], names[target], role, label))
    out.append("  </graph>")
    out.append("</graphml>")
    return "\n".join(out) + "\n"


def _edges(m: ArgumentMap, r: Relation) -> Iterator[tuple[str, str, str, str]]:
    for p in r.premises:
        yield p, r.id, "premise", ""
    kind = m.kind(r)
    word = {"support": "pro", "rebuttal": "con", "undercut": "undercut"}[kind]
    yield r.id, r.target, kind, f"{word}: {r.label}" if r.label else word


def _data(key: str, value: object) -> str:
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, float):
        text = repr(value)
    else:
        text = _xml(str(value))
    return f'      <data key="{key}">{text}</data>'


class _Layout:
    """Rows by depth below the theses (claims that reach none go in a last row)."""

    def __init__(self, m: ArgumentMap, width: int) -> None:
        self.width = width
        depths = m.depths()
        bottom = max(depths.values(), default=0) + 1
        self.row: dict[str, float] = {}
        for c in m.claims:
            self.row[c.id] = 2.0 * depths.get(c.id, bottom)
        for r in m.relations:
            below = self.row.get(r.target, 2.0 * bottom)
            self.row[r.id] = below + 1.0
        self.used: dict[float, float] = {}

    def place(self, node: str, w: float) -> tuple[float, float]:
        row = self.row.get(node, 0.0)
        x = self.used.get(row, 0.0)
        self.used[row] = x + w + _GAP_X
        return x, row * _GAP_Y

    def lines(self, text: str) -> list[str]:
        flat = _WHITESPACE.sub(" ", text).strip()
        if not self.width:
            return [flat]
        return textwrap.wrap(flat, self.width, break_long_words=True) or [""]


def _shape(  # noqa: PLR0913 - yEd's geometry and style, each a keyword
    x: float, y: float, w: float, h: float, label: str, *, fill: str, shape: str, border: str
) -> str:
    return (
        f'      <data key="yn"><y:ShapeNode><y:Geometry height="{h:.1f}" width="{w:.1f}"'
        f' x="{x:.1f}" y="{y:.1f}"/><y:Fill color="{fill}" transparent="false"/>{border}'
        f'<y:NodeLabel alignment="center" autoSizePolicy="content" fontSize="12"'
        f' modelName="internal" modelPosition="c" textColor="#000000"'
        f' visible="true">{_xml(label)}</y:NodeLabel>'
        f'<y:Shape type="{shape}"/></y:ShapeNode></data>'
    )


def _claim_node(
    m: ArgumentMap, c: Claim, name: str, evaluation: Evaluation | None, layout: _Layout
) -> list[str]:
    thesis = c.id in m.theses
    out = [f"    <node id={_attr(name)}>", _data("argmap_id", c.id), _data("kind", "claim")]
    out.append(_data("text", c.text))
    out.append(_data("thesis", thesis))
    out.append(_data("implicit", c.implicit))
    if c.tags:
        out.append(_data("tags", json.dumps(list(c.tags), ensure_ascii=False)))
    if c.note:
        out.append(_data("note", c.note))
    if c.qualifier:
        out.append(_data("qualifier", c.qualifier))
    if isinstance(c.base_score, int | float) and not isinstance(c.base_score, bool):
        out.append(_data("base_score", float(c.base_score)))
    fill = _FILL["claim"]
    if evaluation is not None:
        label = evaluation.labels.get(c.id)
        if label is not None:
            out.append(_data("status", str(label)))
            fill = _STATUS_FILL.get(str(label), fill)
        strength = evaluation.strengths.get(c.id)
        if strength is not None:
            out.append(_data("strength", float(strength)))
    lines = layout.lines(c.text)
    w = _WIDTH if layout.width else max(_WIDTH, 7.0 * len(lines[0]))
    h = _LINE_HEIGHT * len(lines) + 14.0
    x, y = layout.place(c.id, w)
    border = (
        f'<y:BorderStyle color="#000000" type="{"dashed" if c.implicit else "line"}"'
        f' width="{3.0 if thesis else 1.0}"/>'
    )
    out.append(
        _shape(x, y, w, h, "\n".join(lines), fill=fill, shape="roundrectangle", border=border)
    )
    out.append("    </node>")
    return out


def _relation_node(
    m: ArgumentMap, r: Relation, name: str, evaluation: Evaluation | None, layout: _Layout
) -> list[str]:
    kind = m.kind(r)
    out = [f"    <node id={_attr(name)}>", _data("argmap_id", r.id), _data("kind", kind)]
    out.append(_data("text", r.label or kind))
    if r.label:
        out.append(_data("relation_label", r.label))
    if r.scheme:
        out.append(_data("scheme", r.scheme))
    if evaluation is not None:
        label = evaluation.relation_labels.get(r.id)
        if label is not None:
            out.append(_data("status", str(label)))
        strength = evaluation.relation_strengths.get(r.id)
        if strength is not None:
            out.append(_data("strength", float(strength)))
    x, y = layout.place(r.id, 16.0)
    border = '<y:BorderStyle color="#000000" type="line" width="1.0"/>'
    out.append(_shape(x, y, 16.0, 16.0, "", fill=_FILL[kind], shape="ellipse", border=border))
    out.append("    </node>")
    return out


def _edge(eid: str, source: str, target: str, role: str, label: str) -> list[str]:
    color, line, arrow = _LINE[role]
    graphics = (
        f'      <data key="ye"><y:PolyLineEdge><y:LineStyle color="{color}" type="{line}"'
        f' width="{1.0 if role == "premise" else 2.0}"/>'
        f'<y:Arrows source="none" target="{arrow}"/>'
    )
    if label:
        graphics += (
            f'<y:EdgeLabel alignment="center" fontSize="11" textColor="{color}"'
            f' visible="true">{_xml(label)}</y:EdgeLabel>'
        )
    graphics += '<y:BendStyle smoothed="false"/></y:PolyLineEdge></data>'
    return [
        f"    <edge id={_attr(eid)} source={_attr(source)} target={_attr(target)}>",
        _data("role", role),
        graphics,
        "    </edge>",
    ]
