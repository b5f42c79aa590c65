"""Argdown that argmap wrote, read straight into the map it was written from.

The general reader (:mod:`.reader`) parses the whole Argdown syntax: a lexer, a parser,
Argdown's own model, then the mapping onto argmap. A document :func:`~.writer.dumps`
wrote has one layout, though, and :func:`read_written` reads that layout with a few
regular expressions over the whole text: the front matter, one definition line per claim
(``[id]: text #tags {"argmap": ...}``), then each relation as a relation line below its
target (``+``, ``-``, ``_``) or as an argument (``<id> {...}`` and its premise-conclusion
structure; a rebuttal's conclusion a stand-in statement that attacks the target, ``->``,
or undercuts the relation, ``_>``).

It then proves what it read: :func:`written` writes the map it read as the writer does,
and the document must be exactly that text, character for character. So the document is
``dumps(m)`` for the map ``m`` returned, and the general reader reads ``dumps(m)`` back as
``m`` (the writer's round trip, which its tests check). :func:`written` gives the writer's
text for the maps it covers and None for the others; it covers maps whose ids are their
own Argdown titles (no stand-in ``claim-1`` titles) and with no ``meta["argdown"]`` (the
map's, a claim's or a relation's: a map read from someone else's Argdown). Anything else,
or any difference, gives None, and the general reader reads the document as it always
did. Tests check that both readers give equal maps and warnings, on what argmap writes
and on documents one edit away from it.

The per-element work is C-level where it can be: texts are unescaped and escaped with
one regular expression over all of them at once, argmap's data is read with one
``json.loads`` and written with one ``json.dumps``, and the document is compared whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from argmap._frozen import thaw
from argmap._gc import paused
from argmap.errors import ArgmapError
from argmap.io._shared import read_theses, read_verdicts, slug
from argmap.io.argdown import frontmatter
from argmap.io.argdown.escape import data_text, escape, flatten, written_tags
from argmap.io.argdown.frontmatter import DEFAULT_ID, text_or
from argmap.io.argdown.writer import claim_fields, front_matter, refuse_unwritable, set_fields
from argmap.model import (
    EMPTY_META,
    ArgumentMap,
    Claim,
    ClaimId,
    Quote,
    Rebuttal,
    Relation,
    Support,
)

__all__ = ["read_written", "written"]


class _Other(Exception):  # noqa: N818 - a signal, never seen outside this module
    """The document (or map) is not one :func:`written` covers."""


# -- escaping in bulk ------------------------------------------------------------------------
#
# What escape.escape escapes, as one pattern over many flattened texts joined by "\n" (no
# flattened text holds one, and "\n" is neither a space, a tab, "=" nor a character the
# ".x." and ":x:" patterns span, so each text is escaped as if alone).
_WS = r"\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# Each alternative is empty and looks ahead at a character escape escapes: splitting at
# them and joining with "\\" puts a backslash before each (all in C; re.sub with a
# template calls back into Python per match before Python 3.12).
_BEFORE_ESCAPED = re.compile(
    r"(?=[\\\[\]<{}#*_\t /=.:])(?:"  # (what may be escaped: the others fail here, fast)
    r"(?=[\\\[\]<{}#*_\t])"
    r"|(?= [ \t])|(?<=[ \t])(?= )"
    r"|(?=/[/*])"
    r"|(?===)|(?<==)(?==)"
    rf"|(?=\.[^{_WS}]+?\.)"
    rf"|(?=:[^{_WS}]+?:))"
)
_ESCAPE = re.compile(r"\\(.)")
# Spaces or tabs at either end of a text (of texts joined by "\n"): flatten strips them.
_EDGE_SPACE = re.compile(r"^[ \t]|[ \t]$", re.MULTILINE)


def _escape_all(texts: list[str]) -> list[str]:
    """``escape(t)`` of each flattened text ``t``, with one pass over all of them."""
    if not texts:
        return []
    return "\\".join(_BEFORE_ESCAPED.split("\n".join(texts))).split("\n")


def _unescape(text: str) -> str:
    """The text an escaped text stands for (what escape escaped, without its backslash)."""
    return "".join(_ESCAPE.split(text)) if "\\" in text else text


def _unescape_all(texts: list[str]) -> list[str]:
    joined = "\n".join(texts)
    if "\\" not in joined:
        return texts
    return _unescape(joined).split("\n")


# -- argmap's data in bulk -----------------------------------------------------------------
#
# escape.data_text writes JSON as json.dumps does, but for the characters YAML or
# Argdown's data cannot hold raw, which it writes as \u escapes inside strings. Where no
# string holds one (checked over the whole), json.dumps gives the same text.
_SEPARATOR = "\u2028"  # (one of those characters: no value's JSON holds it raw)
_JOINT = f', "{_SEPARATOR}", '
_UNSAFE = re.compile(r"[=>\x7f-\x9f\u2029\ufeff\ufffe\uffff]")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _data_texts(values: list[dict[str, Any]]) -> list[str]:
    """``data_text(v)`` for each value (objects of JSON values), with one ``json.dumps``."""
    if not values:
        return []
    spaced: list[object] = [_SEPARATOR] * (2 * len(values) - 1)
    spaced[::2] = values
    try:
        text = json.dumps(spaced, ensure_ascii=False, allow_nan=False)
    except ValueError:  # NaN or infinity: the writer refuses the map
        raise _Other from None
    bare = _JSON_STRING.sub('""', text)
    if (
        text.count(_SEPARATOR) != len(values) - 1
        or _UNSAFE.search(text)
        or bare.count("{") != text.count("{")
        or bare.count("}") != text.count("}")
    ):
        # Some string holds a character data_text writes as an escape: value by value.
        try:
            return [data_text(v) for v in values]
        except ArgmapError:
            raise _Other from None
    return text[1:-1].split(_JOINT)


# -- writing, as the writer does ---------------------------------------------------------------


def _title_ok(ids: Sequence[str], bad: str) -> bool:
    """Whether each id is its own title: not empty, a slug, without ``bad`` characters."""
    joined = "".join(ids)
    return (
        "" not in ids
        and slug(joined) == joined
        and not any(c in joined for c in bad)
        and "-" not in {i[0] for i in ids}
    )


def written(m: ArgumentMap) -> str | None:
    """``argdown.dumps(m)``, for the maps covered here; None for the others.

    Covered: every claim id can be its statement title and every id of a relation written
    as an argument its title (no stand-ins), and no ``meta["argdown"]`` anywhere. The
    text is the writer's, character for character (tests check this on generated maps).
    """
    try:
        return _written(m)
    except (_Other, ArgmapError):  # (ArgmapError: the writer refuses the map too)
        return None


def _written(m: ArgumentMap) -> str:  # noqa: C901, PLR0912, PLR0915 - one pass per form
    claims, relations = m.claims, m.relations
    if "argdown" in m.meta or not claims:
        raise _Other
    claim_ids = [c.id for c in claims]
    texts = [c.text for c in claims]
    joined = "\n".join(texts)
    if (
        not _title_ok(claim_ids, "]")
        or "" in texts
        or "\r" in joined
        or joined.count("\n") != len(texts) - 1
        or _EDGE_SPACE.search(joined)
    ):
        raise _Other  # (a stand-in title, or a text the writer flattens)
    refuse_unwritable(m)  # (a FormatError: read_written declines)
    claim_set = set(claim_ids)
    blocks = [front_matter(m)]
    # Blocks whose data (or stand-in's text) is written below, all at once:
    # (index in blocks, the text before it, the text after it).
    with_data: list[tuple[int, str, str]] = []
    data: list[dict[str, Any]] = []
    for c, cid, text in zip(claims, claim_ids, _escape_all(texts), strict=True):
        tags, meta = c.tags, c.meta
        tag_text, tag_data = written_tags(tags) if tags else ("", None)
        line = f"[{cid}]: {text} {tag_text}" if tag_text else f"[{cid}]: {text}"
        plain = meta is EMPTY_META or not meta
        if not plain and "argdown" in meta:
            raise _Other
        if tag_data is None and plain and not (c.implicit or c.quotes or c.note or c.qualifier):
            score = c.base_score
            if score is None:
                blocks.append(line)
                continue
            if type(score) is float and 0.0 <= score <= 1.0:  # (json.dumps writes repr)
                blocks.append(f'{line} {{"argmap": {{"baseScore": {score!r}}}}}')
                continue
        own = set_fields(claim_fields(c, tag_data))
        if not plain:
            own["meta"] = {k: thaw(v) for k, v in meta.items()}
        if own:
            with_data.append((len(blocks), f"{line} ", ""))
            data.append({"argmap": own})
        blocks.append(line)
    # Relations: a relation line ("+", "-", "_") where the writer writes one, else an
    # argument (its titles checked below, all at once).
    undercut = {r.target for r in relations if r.target not in claim_set}
    used: set[str] = {*claim_ids, *(r.id for r in relations)}
    counter = 0
    arguments: list[str] = []
    stand_ins: list[tuple[int, str, str]] = []
    denials: list[str] = []
    for r in relations:
        rid, premises, target, meta = r.id, r.premises, r.target, r.meta
        plain = meta is EMPTY_META or not meta
        if not plain and "argdown" in meta:
            raise _Other
        support = type(r) is Support
        if len(premises) == 1 and plain and not r.label and not r.scheme and rid not in undercut:
            premise = premises[0]
            if support:
                if rid == f"{premise}--supports--{target}":
                    blocks.append(f"[{target}]\n  + [{premise}]")
                    continue
            elif target in claim_set:
                if rid == f"{premise}--rebuts--{target}":
                    blocks.append(f"[{target}]\n  - [{premise}]")
                    continue
            elif rid == f"{premise}--undercuts--{target}":
                blocks.append(f"<{target}>\n  _ [{premise}]")
                continue
        arguments.append(rid)
        head = f"<{rid}>: {escape(r.label)}" if r.label and flatten(r.label) else f"<{rid}>"
        if not plain:
            own_r: dict[str, Any] = {"kind": "rebuttal"} if not support else {}
            own_r["meta"] = {k: thaw(v) for k, v in meta.items()}
            with_data.append((len(blocks), f"{head} ", ""))
            data.append({"argmap": own_r})
        elif not support:
            head += ' {"argmap": {"kind": "rebuttal"}}'
        blocks.append(head)
        lines = [f"({i}) [{p}]" for i, p in enumerate(premises, start=1)]
        rules = escape(r.scheme, inference=True) if r.scheme else ""
        lines.append(
            f"-- {rules} --\n({len(premises) + 1}) " if rules else f"----\n({len(premises) + 1}) "
        )
        if support:
            lines[-1] += f"[{target}]"
            blocks.append("\n".join(lines))
            continue
        # (statement_title_ok of "<id>--not": the id is a title already, so "]" is all it
        # can lack.)
        base = f"{rid}--not" if "]" not in rid else "not"
        candidate = base
        while candidate in used:
            counter += 1
            candidate = f"{base}-{counter}"
        used.add(candidate)
        lines[-1] += f"[{candidate}]: "
        if target in claim_set:
            denials.append("It is not the case that: " + m.claims_by_id[ClaimId(target)].text)
            after = f"\n  -> [{target}]"
        else:
            denials.append(f"The premises of {target} do not support its conclusion.")
            after = f"\n  _> <{target}>"
        stand_ins.append((len(blocks), "\n".join(lines), after))
        blocks.append("")
    if arguments and (
        not _title_ok(arguments, ">") or any(a[0] in "+_" or a.startswith("!--") for a in arguments)
    ):
        raise _Other
    # (Flattened: the claims' texts are, and neither the words around them nor an id add
    # any space.)
    for (at, before, after), denial in zip(stand_ins, _escape_all(denials), strict=True):
        blocks[at] = before + denial + after
    for (at, before, after), piece in zip(with_data, _data_texts(data), strict=True):
        blocks[at] = before + piece + after
    return "\n\n".join(blocks) + "\n"


# -- reading ---------------------------------------------------------------------------------

_FRONT = re.compile(r"===\ntitle: ([^\n]*)\n(?:argmap: ([^\n]*)\n)?===\n")
_SIMPLE_TAG = r"[a-zA-Z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+"
_TAG = re.compile(rf"#({_SIMPLE_TAG}|\([^)\n]*\))")
# A claim: its title, its text (escaped: no raw "#", "{" or "\n"), its tags, its data.
_CLAIM = re.compile(
    r"^\[([^\]\n]*)\]: ([^\\\n#{]*(?:\\.[^\\\n#{]*)*)"
    rf"((?: #(?:{_SIMPLE_TAG}|\([^)\n]*\)))*)"
    r"(?: (\{[^\n]*\}))?$",
    re.MULTILINE,
)
# Where the relations begin: the first block that is no claim definition.
_RELATIONS_START = re.compile(r"\n\n(?:<|\[[^\]\n]*\]\n)")
_RELATION = re.compile(
    # Each form begins a line: tried elsewhere in a line, a long run of "<" or "[" would
    # make every try read to the line's end.
    r"(?<![^\n])(?:"
    # 1 target, 2 sign, 3 premise: a support or an attack of a claim, as a relation line
    r"\[([^\]\n]*)\]\n  ([+-]) \[([^\]\n]*)\]\n\n"
    # 4 the relation undercut, 5 premise: an undercut as a relation line
    r"|<([^>\n]*)>\n  _ \[([^\]\n]*)\]\n\n"
    # 6 title, 7 label, 8 data, 9 premises, 10 scheme, 11 conclusion, 12 the claim a
    # rebuttal attacks, 13 the relation it undercuts: an argument
    r"|<([^>\n]*)>(?:: ([^\\\n{]*(?:\\.[^\\\n{]*)*))?(?: (\{[^\n]*\}))?\n\n"
    r"((?:\(\d+\) \[[^\]\n]*\]\n)+)"
    r"(?:----|-- ([^\n]*) --)\n"
    r"\(\d+\) \[([^\]\n]*)\](?:: [^\n]*\n  (?:-> \[([^\]\n]*)\]|_> <([^>\n]*)>))?\n\n"
    r")"
)
_PREMISE = re.compile(r"\[([^\]\n]*)\]")


def read_written(text: str) -> ArgumentMap | None:
    """The map argmap wrote as ``text``; None for any other document.

    ``text`` is exactly what the writer writes for the map, so the map is the one the
    general reader gives for it (the writer's round trip, which tests check), and no
    warnings are raised (the general reader gives none for what argmap writes).
    """
    if not text.startswith("===\n"):
        return None
    try:
        with paused():  # many small objects, and no cycles
            m = _read(text)
            same = written(m) == text
    except (_Other, ArgmapError, ValueError, KeyError, TypeError, StopIteration, RecursionError):
        # (JSON that is no JSON, data of other shapes, values argmap refuses.)
        return None
    return m if same else None


def _own(value: object, keys: frozenset[str]) -> dict[str, Any]:
    """The ``argmap`` entry of data that holds nothing else, with only these keys."""
    if type(value) is not dict or value.keys() != {"argmap"}:
        raise _Other
    own = value["argmap"]
    if type(own) is not dict or not own.keys() <= keys:
        raise _Other
    return own


_CLAIM_KEYS = frozenset({"tags", "implicit", "quotes", "note", "qualifier", "baseScore", "meta"})
_RELATION_KEYS = frozenset({"kind", "meta"})


def _read(text: str) -> ArgumentMap:
    front = _FRONT.match(text)
    if front is None:
        raise _Other
    title = json.loads(front.group(1))
    extra = json.loads(front.group(2)) if front.group(2) is not None else {}
    if type(title) is not str or type(extra) is not dict:
        raise _Other
    start = front.end() + 1
    found = _RELATIONS_START.search(text, start)
    end = found.start() if found is not None else len(text) - 1
    claims = _claims(text[start:end])
    relations = _relations(text[end + 2 :] + "\n") if found is not None else []
    return _map(title, extra, claims, relations)


def _claims(region: str) -> list[Claim]:
    found = _CLAIM.findall(region)
    if not found or len(found) != region.count("\n\n") + 1:
        raise _Other  # (a block that is no claim line: decline before building anything)
    ids, escaped, tag_texts, raw_data = map(list, zip(*found, strict=True))
    texts = _unescape_all(escaped)
    with_data = [raw for raw in raw_data if raw]
    values = iter(json.loads(f"[{','.join(with_data)}]") if with_data else [])
    claims = []
    for cid, text, tag_text, raw in zip(ids, texts, tag_texts, raw_data, strict=True):
        tags: Iterable[str] = (
            [t[1:-1] if t[0] == "(" else t for t in _TAG.findall(tag_text)] if tag_text else ()
        )
        if not raw:
            claims.append(Claim(cid, text, tags=tags))
            continue
        own = _own(next(values), _CLAIM_KEYS)
        _check_claim_data(own)
        if "tags" in own:
            if tag_text:
                raise _Other
            tags = own["tags"]
        quotes = own.get("quotes", [])
        claims.append(
            Claim(
                cid,
                text,
                implicit=own.get("implicit", False),
                tags=tags,
                quotes=[Quote(q["source"], q["text"]) for q in quotes],
                note=own.get("note", ""),
                qualifier=own.get("qualifier", ""),
                base_score=own.get("baseScore"),
                meta=own.get("meta"),
            )
        )
    return claims


_QUOTE_KEYS = {"source", "text"}
_CLAIM_TYPES = {
    "tags": list,
    "implicit": bool,
    "quotes": list,
    "note": str,
    "qualifier": str,
    "baseScore": float,
    "meta": dict,
}


def _check_claim_data(own: dict[str, Any]) -> None:
    """Values only of the types the writer writes (the final comparison checks the rest)."""
    for key, value in own.items():
        if type(value) is not _CLAIM_TYPES[key]:
            raise _Other
    if own.get("implicit") is False:
        raise _Other
    for q in own.get("quotes", ()):
        if type(q) is not dict or q.keys() != _QUOTE_KEYS:
            raise _Other
        if type(q["source"]) is not str or type(q["text"]) is not str:
            raise _Other
    if any(type(t) is not str for t in own.get("tags", ())):
        raise _Other


def _relations(region: str) -> list[Relation]:
    found = _RELATION.findall(region)
    with_data = [f[7] for f in found if f[7]]
    values = iter(json.loads(f"[{','.join(with_data)}]") if with_data else [])
    out: list[Relation] = []
    for target, sign, premise, undercut, by, title, label, raw, premises, *rest in found:
        if sign == "+":
            out.append(Support(f"{premise}--supports--{target}", (premise,), target))
        elif sign == "-":
            out.append(Rebuttal(f"{premise}--rebuts--{target}", (premise,), target))
        elif undercut:
            out.append(Rebuttal(f"{by}--undercuts--{undercut}", (by,), undercut))
        else:
            scheme, conclusion, rebutted, undercut_relation = rest
            own = _own(next(values), _RELATION_KEYS) if raw else {}
            kind = own.get("kind")
            names = _PREMISE.findall(premises)
            label_text = _unescape(label)
            scheme_text = _unescape(scheme)
            meta = own.get("meta")
            if meta is not None and type(meta) is not dict:
                raise _Other
            if kind == "rebuttal":
                out.append(
                    Rebuttal(
                        title,
                        names,
                        rebutted or undercut_relation,
                        label=label_text,
                        scheme=scheme_text,
                        meta=meta,
                    )
                )
            elif kind is None:
                out.append(
                    Support(
                        title, names, conclusion, label=label_text, scheme=scheme_text, meta=meta
                    )
                )
            else:
                raise _Other
    return out


def _map(
    title: str, extra: dict[str, Any], claims: list[Claim], relations: list[Relation]
) -> ArgumentMap:
    """The map, as the general reader makes it from the front matter's entries."""
    sources = frontmatter.sources(extra)
    meta = extra.get("meta")
    m = ArgumentMap(
        text_or(extra.get("id"), DEFAULT_ID),
        title,
        description=text_or(extra.get("description")),
        sources=sources,
        claims=claims,
        relations=relations,
        meta=meta if isinstance(meta, dict) else {},
    )
    return ArgumentMap(
        m.id,
        m.title,
        description=m.description,
        sources=m.sources,
        claims=m.claims,
        relations=m.relations,
        theses=read_theses(extra.get("theses"), m),
        verdicts=read_verdicts(extra.get("verdicts")),
        meta=m.meta,
    )
