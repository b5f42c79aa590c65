r"""Mermaid: a map as a flowchart that GitHub renders in READMEs, issues and pull requests.

Paste the output into a fenced ``mermaid`` block. The chart reads bottom to top
(``flowchart BT``), so the theses are on top and reasons below what they bear on:

* claims are boxes (theses with a thick border, implicit premises with a dashed one);
* a support is a solid arrow labelled ``pro``; a rebuttal is an arrow ending in a cross
  labelled ``con``; an undercut is a dotted arrow ending in a cross labelled
  ``undercut``, so the three differ without colour;
* linked premises meet in a small circle (a junction) from which one arrow leaves; a
  relation that is undercut gets a junction too, for the undercut to point at;
* a relation's label, if it has one, follows its kind (``pro: safety``);
* a claim's qualifier, the source's own hedge, follows its text in brackets
  (``(hedged: while still informal)``), so a hedged claim never reads as a flat one.

Node names are generated (``c1``, ``c2`` for claims, ``r1`` for junctions); a ``%%``
comment names the claim id of each. Text is escaped with Mermaid's entity codes
(``#quot;``, ``#35;``, ``#lt;``...), line breaks and runs of spaces become one space,
and long texts wrap every 40 characters or so.

Nothing from the map can become Mermaid syntax. Mermaid obeys a directive
(``%%{init: ...}%%``, ``%%{wrap}%%``) wherever it stands, inside a label or a comment
too, so no ``%``, ``{`` or ``}`` of the map is ever written as itself: in labels they are
entity codes (``#37;``, ``#123;``, ``#125;``, which Mermaid shows as the characters), and
in comments, which are one line each, they are written as Python escapes (``\u0025``,
``\u007b``, ``\u007d``), like a backslash (``\\``) and every invisible character.
argmap's own syntax holds no ``{`` at all, so the output never contains ``%%{``.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

from argmap.model import ArgumentMap, Relation

__all__ = ["dumps"]

_ENTITIES = {'"': "#quot;", "#": "#35;", "&": "#amp;", "<": "#lt;", ">": "#gt;", "`": "#96;"}
# A directive's marks (see the module docstring): entity codes in labels, escapes in comments.
_DIRECTIVE_MARKS = frozenset("%{}")
_WHITESPACE = re.compile(r"\s+")


def _escape(text: str) -> str:
    out = []
    for c in text:
        if c in _ENTITIES:
            out.append(_ENTITIES[c])
        elif c in _DIRECTIVE_MARKS or (unicodedata.category(c)[0] in {"C", "Z"} and c != " "):
            out.append(f"#{ord(c)};")
        else:
            out.append(c)
    return "".join(out)


def _comment(text: str) -> str:
    r"""Text for a ``%%`` comment: one line, no directive mark, nothing invisible.

    ``%``, ``{``, ``}`` and invisible characters become Python escapes (``\\u007b``), and a
    backslash is doubled, so the comment still names the text exactly.
    """
    flat = _WHITESPACE.sub(" ", text).strip()
    out = []
    for c in flat:
        if c == "\\":
            out.append("\\\\")
        elif c in _DIRECTIVE_MARKS or not c.isprintable():
            out.append(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
        else:
            out.append(c)
    return "".join(out)


def _label(text: str, width: int) -> str:
    """Quoted label text: escaped, on lines of about ``width`` characters."""
    flat = _WHITESPACE.sub(" ", text).strip()
    lines = (
        textwrap.wrap(flat, width, break_long_words=False, break_on_hyphens=False)
        if width
        else [flat]
    )
    return '"' + "<br/>".join(_escape(line) for line in lines or [""]) + '"'


def _edge(kind: str, label: str) -> tuple[str, str]:
    """The arrow and its text for a relation of this kind."""
    if kind == "support":
        return "-->", f"pro: {label}" if label else "pro"
    if kind == "undercut":
        return "-.-x", f"undercut: {label}" if label else "undercut"
    return "--x", f"con: {label}" if label else "con"


def dumps(argument_map: ArgumentMap, *, width: int = 40) -> str:
    """Return the map as Mermaid flowchart source.

    Args:
        argument_map: the map.
        width: wrap texts at about this many characters (0 for no wrapping).
    """
    m = argument_map
    names: dict[str, str] = {c.id: f"c{i}" for i, c in enumerate(m.claims, start=1)}
    undercut = {r.target for r in m.relations if r.target in m.relations_by_id}
    junctions = [r for r in m.relations if r.linked or r.id in undercut or not r.premises]
    names.update({r.id: f"r{i}" for i, r in enumerate(junctions, start=1)})
    theses = set(m.theses)
    lines = [f"%% {_comment(m.title)} (argmap map '{_comment(m.id)}')", "flowchart BT"]
    for c in m.claims:
        classes = "thesis" if c.id in theses else "implicit" if c.implicit else ""
        suffix = f":::{classes}" if classes else ""
        lines.append(f"    %% {_comment(c.id)}")
        text = f"{c.text} (hedged: {c.qualifier})" if c.qualifier.strip() else c.text
        lines.append(f"    {names[c.id]}[{_label(text, width)}]{suffix}")
    for r in junctions:
        lines.append(f"    %% {_comment(r.id)}")
        lines.append(f'    {names[r.id]}((" ")):::junction')
    for r in m.relations:
        lines.extend(_relation_lines(m, r, names))
    lines.append("    classDef thesis stroke-width:4px")
    lines.append("    classDef implicit stroke-dasharray:6 4")
    lines.append("    classDef junction stroke-width:1px")
    return "\n".join(lines) + "\n"


def _relation_lines(m: ArgumentMap, r: Relation, names: dict[str, str]) -> list[str]:
    arrow, text = _edge(m.kind(r), r.label)
    target = names.get(r.target)
    if target is None:
        return [f"    %% {_comment(r.id)}: its target '{_comment(r.target)}' is not in the map"]
    label = _label(text, 0)
    if r.id in names:
        out = [f"    {names[p]} --- {names[r.id]}" for p in r.premises if p in names]
        out.append(f"    {names[r.id]} {arrow}|{label}| {target}")
        return out
    premise = names.get(r.premises[0]) if r.premises else None
    if premise is None:
        missing = _comment(r.premises[0]) if r.premises else ""
        return [f"    %% {_comment(r.id)}: its premise '{missing}' is not in the map"]
    return [f"    {premise} {arrow}|{label}| {target}"]
