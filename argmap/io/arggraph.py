"""arggraph XML: the argumentative microtext corpus (Peldszus and Stede 2015).

An ``<arggraph>`` holds the text cut into EDUs (``<edu>``, elementary discourse units),
the argumentative units (``<adu type="pro|opp">``, proponent or opponent), ``<joint>``
nodes that join adjacent EDUs, and ``<edge>`` elements:

=======  ==================  ============================================================
edge     from → to           argmap
=======  ==================  ============================================================
``seg``  EDU/joint → ADU     the ADU's text is its EDUs' texts, in document order
``sup``  ADU → ADU           a support (id: the edge's id)
``exa``  ADU → ADU           a support with scheme ``example`` (support by example)
``reb``  ADU → ADU           a rebuttal
``und``  ADU → edge          an undercut of that edge's relation
``add``  ADU → edge          one more (linked) premise of that edge's relation
=======  ==================  ============================================================

Claims take the ADU ids (``a1``), with the role as a tag (``proponent`` or
``opponent``) and in ``meta["arggraph"]``; the thesis is the ADU that is no premise (the
central claim). The map's id is the graph's id, its title the topic (``topic_id``, with
``_`` as spaces) and its description the whole text; the stance and topic go to the
map's ``meta["arggraph"]``, as do EDUs no ADU uses. Oddities (an edge to an unknown node,
a support aimed at an edge, an ADU without text) are warnings, once per kind.

The XML is read with the standard library's expat, safely: a document that declares
entities or names an external one is refused (so no entity expansion and nothing is
fetched), and the input limit of :data:`argmap.io.MAX_INPUT_BYTES` holds.
"""

from __future__ import annotations

from typing import NoReturn
from xml.parsers import expat

import attrs

from argmap.errors import FormatError, warn
from argmap.io._shared import IdPool, derived_theses, slug
from argmap.model import ArgumentMap, Claim, Rebuttal, Relation, Support

__all__ = ["loads"]

_RELATIONS = {"sup", "exa", "reb", "und", "add"}
_ODDITIES = {
    "unknown": "edges name nodes the graph does not have, and are left out ({items})",
    "type": "edges of unknown types are left out ({items})",
    "misplaced": "edges that do not fit their type are left out ({items})",
    "textless": "ADUs have no text through 'seg' edges; their text says so ({items})",
    "element": "unknown elements are ignored ({items})",
    "repeated": "ids are used twice; the later ones are renamed ({items})",
}


class _RefusedError(Exception):
    """Raised inside expat handlers to stop at a construct argmap will not read."""


class _Reader:
    """Collects the elements of one document (expat calls its handlers)."""

    def __init__(self) -> None:
        self.root: dict[str, str] | None = None
        self.edus: dict[str, str] = {}
        self.order: dict[str, int] = {}
        self.joints: set[str] = set()
        self.adus: dict[str, str] = {}
        self.edges: list[tuple[int, dict[str, str]]] = []
        self.odd: dict[str, list[str]] = {}
        self.depth = 0
        self.text: list[str] | None = None
        self.edu_id = ""
        self.parser = expat.ParserCreate()

    def note(self, kind: str, what: str) -> None:
        self.odd.setdefault(kind, []).append(what)

    def start(self, name: str, attributes: dict[str, str]) -> None:  # noqa: C901 - one branch per element
        self.depth += 1
        line = self.parser.CurrentLineNumber
        if self.depth == 1:
            if name != "arggraph":
                msg = f"line {line}: the root element is <{name}>, not <arggraph>"
                raise FormatError(msg, line=line)
            self.root = attributes
            return
        if self.depth > 2:
            if self.text is None:
                self.note("element", f"<{name}> at line {line}")
            return
        nid = attributes.get("id", "")
        if name in {"edu", "joint", "adu"} and not nid:
            msg = f"line {line}: <{name}> has no id; give every node an id"
            raise FormatError(msg, line=line)
        if name == "edu":
            self.text, self.edu_id = [], nid
        elif name == "joint":
            self.joints.add(nid)
        elif name == "adu":
            self.adus[nid] = attributes.get("type", "")
        elif name == "edge":
            if not nid:
                attributes["id"] = f"edge-line-{line}"
            self.edges.append((line, attributes))
        else:
            self.note("element", f"<{name}> at line {line}")

    def end(self, name: str) -> None:
        self.depth -= 1
        if name == "edu" and self.depth == 1 and self.text is not None:
            if self.edu_id in self.edus:
                self.note("repeated", repr(self.edu_id))
            else:
                self.edus[self.edu_id] = "".join(self.text)
                self.order[self.edu_id] = len(self.order)
            self.text = None

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)


def _refuse(what: str) -> NoReturn:
    raise _RefusedError(what)


def _parse(text: str) -> _Reader:
    reader = _Reader()
    p = reader.parser
    p.StartElementHandler = reader.start
    p.EndElementHandler = reader.end
    p.CharacterDataHandler = reader.data
    p.EntityDeclHandler = lambda *_: _refuse("declares an entity")
    p.UnparsedEntityDeclHandler = lambda *_: _refuse("declares an entity")
    p.ExternalEntityRefHandler = lambda *_: _refuse("refers to an external entity")
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        p.Parse(text, True)  # noqa: FBT003 - expat takes isfinal only by position
    except expat.ExpatError as exc:
        msg = f"line {exc.lineno}, column {exc.offset + 1}: not well-formed XML: "
        msg += expat.ErrorString(exc.code)
        raise FormatError(msg, line=exc.lineno, column=exc.offset + 1) from None
    except _RefusedError as exc:
        line = p.CurrentLineNumber
        msg = (
            f"line {line}: the document {exc}, which argmap does not read (no entities, "
            "nothing fetched); remove the declaration"
        )
        raise FormatError(msg, line=line) from None
    except RecursionError:
        msg = "the XML is nested too deeply to read"
        raise FormatError(msg) from None
    if reader.root is None:
        msg = "no <arggraph> element"
        raise FormatError(msg)
    return reader


def loads(text: str) -> ArgumentMap:
    """Read an arggraph document.

    Raises:
        FormatError: for text that is not well-formed XML, declares entities, has another
            root than ``<arggraph>``, or a node without an id.
    """
    from argmap.io import MAX_INPUT_BYTES, input_too_large

    if len(text) > MAX_INPUT_BYTES:
        raise FormatError(input_too_large("the text", len(text)))
    # expat reads str as UTF-8 whatever the declaration says; the text is already decoded.
    r = _parse(text)
    return _build(r)


def _segments(r: _Reader) -> dict[str, list[str]]:
    """Per ADU, its EDUs in document order (through joints, too)."""
    parts: dict[str, list[str]] = {}
    for line, e in r.edges:
        if e.get("type") != "seg":
            continue
        src, trg = e.get("src", ""), e.get("trg", "")
        if (src in r.edus and (trg in r.adus or trg in r.joints)) or (
            src in r.joints and trg in r.adus
        ):
            parts.setdefault(trg, []).append(src)
        else:
            r.note("misplaced", f"{e.get('id', '?')!r} (line {line})")
    out: dict[str, list[str]] = {}
    for adu in r.adus:
        edus: list[str] = []
        for part in parts.get(adu, []):
            edus.extend(parts.get(part, []) if part in r.joints else [part])
        out[adu] = sorted(dict.fromkeys(edus), key=r.order.__getitem__)
    return out


def _build(r: _Reader) -> ArgumentMap:
    root = r.root or {}
    pool = IdPool()
    segments = _segments(r)
    ids: dict[str, str] = {adu: pool.take(slug(adu)) for adu in r.adus}
    claims = [_claim(r, adu, ids[adu], segments[adu]) for adu in r.adus]
    relations = _relations(r, ids, pool)
    for kind, items in r.odd.items():
        shown = ", ".join(items[:5]) + (f" and {len(items) - 5} more" if len(items) > 5 else "")
        warn(f"arggraph: {_ODDITIES[kind].replace('{items}', shown)}")
    used = {e for edus in segments.values() for e in edus}
    meta: dict[str, object] = {k: v for k, v in root.items() if k != "id"}
    unused = {e: t for e, t in r.edus.items() if e not in used}
    if unused:
        meta["unused_edus"] = unused
    topic = root.get("topic_id", "")
    gid = root.get("id", "") or "arggraph"
    m = ArgumentMap(
        slug(gid, default="arggraph"),
        topic.replace("_", " ") if topic else gid,
        description=" ".join(" ".join(t.split()) for t in r.edus.values()),
        claims=claims,
        relations=relations,
        meta={"arggraph": meta} if meta else {},
    )
    return attrs.evolve(m, theses=derived_theses(m))


def _claim(r: _Reader, adu: str, cid: str, edus: list[str]) -> Claim:
    text = " ".join(" ".join(r.edus[e].split()) for e in edus)
    if not text:
        r.note("textless", repr(adu))
        text = f"(ADU {adu} has no text)"
    kind = r.adus[adu]
    role = {"pro": "proponent", "opp": "opponent"}.get(kind, "")
    meta = {"type": kind, "edus": edus}
    return Claim(cid, text, tags=[role] if role else [], meta={"arggraph": meta})


def _relations(r: _Reader, ids: dict[str, str], pool: IdPool) -> list[Relation]:  # noqa: C901, PLR0912 - one branch per edge type
    edges = {e["id"]: e for _, e in r.edges if e.get("type") in _RELATIONS}
    rids: dict[str, str] = {eid: pool.take(slug(eid, default="edge")) for eid in edges}
    premises: dict[str, list[str]] = {}
    kinds: dict[str, tuple[str, str]] = {}
    for line, e in r.edges:
        kind, eid = e.get("type", ""), e["id"]
        src, trg = e.get("src", ""), e.get("trg", "")
        where = f"{eid!r} (line {line})"
        if kind == "seg":
            continue
        if kind not in _RELATIONS:
            r.note("type", f"{where}: {kind!r}")
        elif src not in ids or (trg not in ids and trg not in edges):
            r.note("unknown", where)
        elif kind == "add":
            if trg in edges:
                premises.setdefault(trg, []).append(ids[src])
            else:
                r.note("misplaced", where)
        elif (trg in edges) != (kind == "und"):
            r.note("misplaced", where)
        elif eid in kinds:
            r.note("repeated", repr(eid))
        else:
            if trg in edges and edges[trg].get("type") == "add":  # undercutting an added premise
                trg = edges[trg].get("trg", "")
            premises.setdefault(eid, []).insert(0, ids[src])
            kinds[eid] = (kind, rids.get(trg, trg) if kind == "und" else ids[trg])
    _drop_dangling(kinds, rids, r)
    relations: list[Relation] = []
    for eid, (kind, target) in kinds.items():
        ps = list(dict.fromkeys(premises[eid]))
        meta = {"arggraph": {"type": kind}}
        if kind in {"sup", "exa"}:
            scheme = "example" if kind == "exa" else ""
            relations.append(Support(rids[eid], ps, target, scheme=scheme, meta=meta))
        else:
            relations.append(Rebuttal(rids[eid], ps, target, meta=meta))
    for eid in premises.keys() - kinds.keys():
        r.note("misplaced", f"'add' edges into {eid!r}, which is no usable relation")
    return relations


def _drop_dangling(kinds: dict[str, tuple[str, str]], rids: dict[str, str], r: _Reader) -> None:
    """Leave out undercuts of edges that became no relation (and undercuts of those)."""
    while True:
        made = {rids[eid] for eid in kinds}
        gone = [eid for eid, (k, target) in kinds.items() if k == "und" and target not in made]
        if not gone:
            return
        for eid in gone:
            r.note("misplaced", f"{eid!r} undercuts an edge that is no relation")
            del kinds[eid]
