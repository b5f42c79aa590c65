r"""Kialo: the plain-text outline that Kialo exports a discussion as.

Two layouts are in circulation, and both are read (also mixed):

* the older one: ``Discussion Title: …``, then one line per claim,
  ``1. The thesis``, ``1.1. Pro: a reason``, ``1.1.1. Con: an objection``, continued on
  the following lines when it runs longer; links are Markdown (``[text](url)``) and
  brackets are escaped (``\[``);
* the current one: ``Discussion Name:`` with the title on the next line; a header line
  per claim (``1.1. Pro:``) with the text indented on the lines below (an indent-only
  line is a paragraph break); the root is a ``Thesis:``, or a ``Question:`` whose
  children are several ``Thesis:`` claims; ``[1]`` footnotes in the text, and a final
  ``Sources:`` list of numbered entries, each with an optional excerpt indented below.

What becomes what:

* each claim gets its path as id (``1.2.1``); the root thesis (or each thesis under a
  question) is a thesis of the map; the question is no claim: its text is the map's
  description (and ``meta["kialo"]["question"]``);
* ``Pro:`` is a support of the parent claim and ``Con:`` a rebuttal (ids ``1.2.1-pro``,
  ``1.2.1-con``);
* ``-> See 1.4.2.`` uses claim 1.4.2 once more: a second relation from it to the link's
  parent, with the link's own Pro/Con marker (which may differ from the claim's own);
* ``-> See discussion #N: …`` points at another discussion: it is kept in
  ``meta["kialo"]["discussion_links"]`` and reported once, as a warning;
* each ``Sources:`` entry becomes a source (``source-1``: the entry's text as title, its
  first URL as url); a claim citing ``[1]`` lists it in ``meta["kialo"]["sources"]`` and,
  when the entry has an excerpt, quotes it; in the older layout each Markdown link becomes
  a source (``link-1``) the same way, and the claim keeps the link's text.

Line ends may be CRLF or LF, the last line may lack one, and zero-width spaces, word
joiners and byte-order marks are dropped, while no-break spaces count as spaces where they
indent or separate a marker. Oddities (a path whose parent is missing, a link to no claim,
a link that would make claims support each other in a circle, a claim with no text, a
footnote with no entry) are warnings, once per kind; only a text with no claim at all is
refused.
"""

from __future__ import annotations

import re
from typing import Literal

import attrs

from argmap.errors import FormatError, warn
from argmap.io._shared import IdPool
from argmap.model import ArgumentMap, Claim, Quote, Rebuttal, Relation, Source, Support

__all__ = ["loads"]

Marker = Literal["pro", "con", "thesis", "question", ""]

_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})
_HEADER = re.compile(
    r"(?P<indent>[ \t]*)(?P<path>\d+(?:\.\d+)*)\.(?:[ \t]+|$)"
    r"(?:(?P<marker>pro|con|thesis|question)[ \t]*:)?[ \t]*(?P<rest>.*)",
    re.IGNORECASE,
)
_TITLE = re.compile(r"\s*discussion[ \t]+(title|name)[ \t]*:[ \t]*(.*)", re.IGNORECASE)
_SOURCES = re.compile(r"sources[ \t]*:[ \t]*", re.IGNORECASE)
_ENTRY = re.compile(r"(\d+)\.(?:[ \t]+|$)(.*)")
_CLAIM_LINK = re.compile(r"->[ \t]*see[ \t]+(\d+(?:\.\d+)*)\.?", re.IGNORECASE)
_DISCUSSION_LINK = re.compile(
    r"->[ \t]*see[ \t]+discussion[ \t]*#?[ \t]*(\d*)[ \t]*:?[ \t]*(.*)", re.IGNORECASE | re.DOTALL
)
_MARKDOWN_LINK = re.compile(r"(?<!\\)\[((?:[^\]\\\n]|\\.)*)\]\(([^()\s]+)\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_FOOTNOTE = re.compile(r"\[(\d+)\]")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_BLANKS = re.compile(r"\n{3,}")


@attrs.define
class _Node:
    """One numbered entry of the outline, as read."""

    path: str
    marker: Marker
    line: int
    lines: list[str]
    id: str = ""


@attrs.define
class _Entry:
    """One entry of the final ``Sources:`` list."""

    number: str
    lines: list[str]


@attrs.define
class _Outline:
    title: str = ""
    layout: Literal["old", "current"] = "old"
    preface: list[str] = attrs.field(factory=list)
    nodes: list[_Node] = attrs.field(factory=list)
    entries: list[_Entry] = attrs.field(factory=list)


_ODDITIES = {
    "orphan": "claims whose parent path is missing hang from the nearest claim above ({items})",
    "root-marker": "top-level claims marked Pro or Con are read as theses ({items})",
    "thesis-marker": "claims marked Thesis below another claim are read as Pro ({items})",
    "no-marker": "claims without Pro or Con below another claim are read as Pro ({items})",
    "repeated": "paths given twice; the later claims get ids with a suffix ({items})",
    "empty": "claims with no text are kept with the text '(no text)' ({items})",
    "dangling": "links to claims the export does not have are left out ({items})",
    "self": "links from a claim to its own parent are left out ({items})",
    "circle": (
        "links that would make claims support each other in a circle are left out "
        "(kept in meta['kialo']['links_left_out']) ({items})"
    ),
    "under-link": "claims below a link are attached to the claim it links to ({items})",
    "discussion": (
        "links to other Kialo discussions are kept in meta['kialo']['discussion_links'], "
        "not as claims ({items})"
    ),
    "footnote": "footnotes that the Sources list does not give are kept as text ({items})",
    "no-thesis": "the question has no theses below it; it is read as the thesis",
}


def _clean(text: str) -> list[str]:
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.split("\n")


def _structure(line: str) -> str:
    """The line with no-break spaces as spaces, for matching markers and indents."""
    return line.translate(_SPACES)


def _outline(lines: list[str]) -> _Outline:  # noqa: C901, PLR0912 - one pass over the lines
    out = _Outline()
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and (title := _TITLE.match(_structure(lines[i]))):
        out.title = title[2].strip()
        i += 1
        if title[1].lower() == "name":
            out.layout = "current"
            if not out.title:
                while i < len(lines) and not lines[i].strip():
                    i += 1
                if i < len(lines) and not _HEADER.fullmatch(_structure(lines[i])):
                    out.title = lines[i].strip()
                    i += 1
    seen: set[str] = set()
    node: _Node | None = None
    entry: _Entry | None = None
    in_sources = False
    for number in range(i, len(lines)):
        raw = lines[number]
        line = _structure(raw)
        if in_sources:
            if found := _ENTRY.fullmatch(line):
                entry = _Entry(found[1], [raw[found.start(2) :]])
                out.entries.append(entry)
            elif entry is not None:
                entry.lines.append(raw)
            continue
        if _SOURCES.fullmatch(line) and line[:1] not in {" ", "\t"}:
            in_sources = True
            continue
        head = _HEADER.fullmatch(line)
        if head is not None:
            marker = (head["marker"] or "").lower()
            path = head["path"]
            plain = not marker and (head["indent"] or "." in path or path in seen)
            if not plain:
                seen.add(path)
                rest = raw[head.start("rest") :]
                node = _Node(path, marker, number + 1, [rest] if rest.strip() else [])  # type: ignore[arg-type]
                if marker and not rest.strip():
                    out.layout = "current"
                out.nodes.append(node)
                continue
        if node is None:
            out.preface.append(raw)
        else:
            node.lines.append(raw)
    return out


def _body(lines: list[str]) -> str:
    """A claim's text from its lines: dedented, indent-only lines as paragraph breaks."""
    if not lines:
        return ""
    first, rest = lines[0], lines[1:]
    indents = [len(s) - len(s.lstrip(" \t")) for s in (_structure(x) for x in rest) if s.strip()]
    cut = min(indents, default=0)
    body = [first.strip()] + [x[cut:].rstrip() if x.strip() else "" for x in rest]
    text = "\n".join(body).strip()
    return _BLANKS.sub("\n\n", text)


class _Reading:
    """What lenient reading noticed, and the sources made so far."""

    def __init__(self) -> None:
        self.odd: dict[str, list[str]] = {}
        self.sources: dict[str, Source] = {}
        self.quotes: dict[str, str] = {}
        self.links: dict[str, str] = {}

    def note(self, kind: str, what: str = "") -> None:
        self.odd.setdefault(kind, []).append(what)

    def warn(self) -> None:
        for kind, items in self.odd.items():
            shown = ", ".join(items[:5]) + (f" and {len(items) - 5} more" if len(items) > 5 else "")
            warn(f"Kialo: {_ODDITIES[kind].replace('{items}', shown)}")

    def link_source(self, text: str, url: str) -> str:
        sid = self.links.get(url)
        if sid is None:
            sid = self.links[url] = f"link-{len(self.links) + 1}"
            self.sources[sid] = Source(sid, text or url, url=url)
        return sid


def _entries(out: _Outline, reading: _Reading) -> None:
    for e in out.entries:
        sid = f"source-{e.number}"
        if sid in reading.sources:
            continue
        title = e.lines[0].strip()
        excerpt = _body(["", *e.lines[1:]]) if len(e.lines) > 1 else ""
        url = _URL.search("\n".join(e.lines))
        reading.sources[sid] = Source(sid, title or excerpt or sid, url=url[0] if url else "")
        if excerpt:
            reading.quotes[sid] = excerpt


def _text(raw: str, reading: _Reading, node: _Node) -> tuple[str, list[str]]:
    """Unescaped text, with Markdown links made sources; and the sources it cites."""
    cited: list[str] = []

    def link(found: re.Match[str]) -> str:
        text = _ESCAPE.sub(r"\1", found[1])
        cited.append(reading.link_source(text, found[2]))
        return text

    text = _ESCAPE.sub(r"\1", _MARKDOWN_LINK.sub(link, raw))
    for number in _FOOTNOTE.findall(text):
        sid = f"source-{number}"
        if sid in reading.sources:
            cited.append(sid)
        else:
            reading.note("footnote", f"[{number}] in {node.path!r}")
    return text, list(dict.fromkeys(cited))


def loads(text: str) -> ArgumentMap:
    """Read a Kialo export.

    Raises:
        FormatError: if the text holds no numbered claim at all.
    """
    out = _outline(_clean(text))
    if not out.nodes:
        msg = (
            "no Kialo claims: expected numbered lines such as '1. Thesis: ...' or "
            "'1.1. Pro: ...' below a 'Discussion Title:' or 'Discussion Name:' line"
        )
        raise FormatError(msg)
    reading = _Reading()
    _entries(out, reading)
    return _Builder(out, reading).build()


class _Builder:
    """Turns an outline into a map: claims by path, then relations, then links."""

    def __init__(self, out: _Outline, reading: _Reading) -> None:
        self.out = out
        self.reading = reading
        self.by_path: dict[str, _Node] = {}
        self.pool = IdPool()
        self.claims: list[Claim] = []
        self.relations: list[Relation] = []
        self.theses: list[str] = []
        self.question: _Node | None = None
        self.links: list[tuple[_Node, str, str]] = []
        self.link_targets: dict[int, str] = {}
        self.meta: dict[str, object] = {"layout": out.layout}
        self.left_out: list[dict[str, str]] = []
        self.discussions: list[dict[str, object]] = []

    def parent(self, node: _Node) -> _Node | None:
        parts = node.path.split(".")
        first = True
        while len(parts) > 1:
            parts.pop()
            found = self.by_path.get(".".join(parts))
            if found is not None:
                if not first:
                    self.reading.note("orphan", repr(node.path))
                return found
            first = False
        return None

    def build(self) -> ArgumentMap:  # noqa: C901, PLR0912 - one branch per kind of node
        out, reading = self.out, self.reading
        texts: dict[int, str] = {}
        for node in out.nodes:
            if node.path in self.by_path:
                reading.note("repeated", repr(node.path))
            else:
                self.by_path[node.path] = node
        for node in out.nodes:
            body = _body(node.lines)
            texts[id(node)] = body
            parent = self.parent(node)
            if _DISCUSSION_LINK.match(body) or _CLAIM_LINK.match(body):
                self.link(node, parent, body)
                continue
            if parent is None or (parent.marker == "question" and parent is self.question):
                if node.marker == "question" and parent is None and self.question is None:
                    self.question = node
                    continue
                if parent is None and node.marker in {"pro", "con"}:
                    reading.note("root-marker", repr(node.path))
                self.claim(node, body, "thesis")
                self.theses.append(node.id)
                continue
            self.claim(node, body, node.marker or "pro")
            if node.marker == "thesis":
                reading.note("thesis-marker", repr(node.path))
            elif not node.marker:
                reading.note("no-marker", repr(node.path))
            self.relate(node, parent)
        self.resolve_links()
        if self.question is not None:
            question = _text(texts[id(self.question)], reading, self.question)[0]
            self.meta["question"] = question
            if not self.theses:
                reading.note("no-thesis")
                self.claim(self.question, texts[id(self.question)], "thesis")
                self.theses.append(self.question.id)
        if self.discussions:
            self.meta["discussion_links"] = self.discussions
            reading.note("discussion", ", ".join(repr(d["path"]) for d in self.discussions))
        if self.left_out:
            self.meta["links_left_out"] = self.left_out
        reading.warn()
        title = out.title or (
            self.meta.get("question")
            or (self.claims[0].text.split("\n")[0] if self.claims else "Kialo discussion")
        )
        preface = "\n".join(out.preface).strip()
        description = str(self.meta.get("question", "")) or preface
        if preface and description != preface:
            self.meta["preface"] = preface
        return ArgumentMap(
            _map_id(str(title)),
            str(title),
            description=description,
            sources=list(reading.sources.values()),
            theses=self.theses,
            claims=self.claims,
            relations=self.relations,
            meta={"kialo": self.meta},
        )

    def claim(self, node: _Node, body: str, stance: str) -> None:
        node.id = self.pool.take(node.path)
        text, cited = _text(body, self.reading, node)
        if not text.strip():
            self.reading.note("empty", repr(node.path))
            text = "(no text)"
        meta: dict[str, object] = {"path": node.path, "stance": stance}
        if cited:
            meta["sources"] = cited
        quotes = [Quote(s, self.reading.quotes[s]) for s in cited if s in self.reading.quotes]
        self.claims.append(Claim(node.id, text, quotes=quotes, meta={"kialo": meta}))

    def follow(self, node: _Node | None) -> _Node | None:
        """The claim a node stands for: itself, or what its chain of links points at."""
        seen: set[int] = set()
        while node is not None and not node.id and id(node) not in seen:
            seen.add(id(node))
            linked = self.link_targets.get(id(node))
            node = self.by_path.get(linked) if linked else None
        return node if node is not None and node.id else None

    def relate(self, node: _Node, parent: _Node) -> None:
        target = self.follow(parent)
        if target is None:
            return
        if target is not parent:
            self.reading.note("under-link", repr(node.path))
        con = node.marker == "con"
        rid = self.pool.take(f"{node.path}-{'con' if con else 'pro'}")
        self.relations.append((Rebuttal if con else Support)(rid, node.id, target.id))

    def link(self, node: _Node, parent: _Node | None, body: str) -> None:
        stance = node.marker or "pro"
        if found := _DISCUSSION_LINK.match(body):
            entry: dict[str, object] = {"path": node.path, "stance": stance}
            if found[1]:
                entry["discussion"] = int(found[1]) if len(found[1]) < 16 else found[1]
            entry["text"] = found[2].strip()
            if parent is not None:
                entry["parent"] = parent.path
            self.discussions.append(entry)
            return
        found = _CLAIM_LINK.match(body)
        if found is None or parent is None:
            return
        self.links.append((node, found[1], parent.path))
        self.link_targets[id(node)] = found[1]

    def resolve_links(self) -> None:
        supports: dict[str, list[str]] = {}
        for r in self.relations:
            if isinstance(r, Support):
                supports.setdefault(r.premises[0], []).append(r.target)
        for node, path, parent_path in self.links:
            source = self.by_path.get(path)
            parent = self.follow(self.by_path[parent_path])
            if source is None or not source.id or parent is None:
                self.reading.note("dangling", f"{node.path!r} to {path!r}")
                continue
            if source.id == parent.id:
                self.reading.note("self", repr(node.path))
                continue
            pro = node.marker != "con"
            if pro and _reaches(supports, parent.id, source.id):
                self.reading.note("circle", repr(node.path))
                self.left_out.append({"path": node.path, "to": path, "from": parent.path})
                continue
            rid = self.pool.take(f"{node.path}-{'pro' if pro else 'con'}")
            self.relations.append(
                (Support if pro else Rebuttal)(
                    rid, source.id, parent.id, meta={"kialo": {"link": node.path}}
                )
            )
            if pro:
                supports.setdefault(source.id, []).append(parent.id)


def _reaches(supports: dict[str, list[str]], start: str, goal: str) -> bool:
    """True when ``start`` supports ``goal`` through a chain of supports."""
    seen = {start}
    stack = [start]
    while stack:
        for nxt in supports.get(stack.pop(), ()):
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return False


def _map_id(title: str) -> str:
    words = re.findall(r"\w+", title.lower())
    slugged = "-".join(words)[:60].strip("-")
    return slugged or "kialo"
