"""argmap → Argdown: :func:`dumps` lays out a map as an Argdown document.

The layout (front matter, claims, then relations in map order, each as a relation line
or as an argument with a premise-conclusion structure) is told in the package docstring
(:mod:`argmap.io.argdown`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argmap._frozen import JSONValue, freeze_meta, thaw
from argmap.errors import FormatError
from argmap.io._shared import written_sources, written_theses
from argmap.io.argdown import frontmatter
from argmap.io.argdown.escape import (
    argument_title_ok,
    data_text,
    escape,
    flatten,
    statement_title_ok,
    written_tags,
)
from argmap.io.argdown.frontmatter import DEFAULT_ID
from argmap.model import (
    ArgumentMap,
    Claim,
    ClaimId,
    Rebuttal,
    Relation,
    RelationId,
    Support,
)
from argmap.validate import validate

__all__ = ["claim_fields", "dumps", "front_matter", "refuse_unwritable", "set_fields"]


class _Writer:
    """Lays out the document: front matter, claims, then relations in map order."""

    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.used_titles: set[str] = {c.id for c in m.claims} | {r.id for r in m.relations}
        self.statement_title: dict[str, str] = {}
        self.argument_title: dict[str, str] = {}
        self.as_argument: set[str] = set()
        self.pairs: dict[str, str] = {}
        self.seconds: set[str] = set()
        self.compact: set[str] = set()
        self.loose: set[str] = set()
        # The relations written as arguments, by title; the claims each statement is
        # written attacking or contradicting (for _loose_line).
        self.by_title: dict[str, Relation] = {}
        self.attacks: dict[str, set[str]] = {}
        self.counter = 0

    def fresh(self, base: str) -> str:
        candidate = base
        while candidate in self.used_titles:
            self.counter += 1
            candidate = f"{base}-{self.counter}"
        self.used_titles.add(candidate)
        return candidate

    def claim_ref(self, cid: str) -> str:
        if cid in self.as_argument:
            return f"<{self.argument_title[cid]}>"
        return f"[{self.statement_title.get(cid, cid)}]"

    def argument_form(self, rid: str) -> bool:
        """Whether a relation is written as an argument with premises and a conclusion."""
        return rid in self.argument_title and not (
            rid in self.compact or rid in self.pairs or rid in self.seconds or rid in self.loose
        )

    def relation_ref(self, rid: str) -> str:
        return f"<{self.argument_title[rid]}>"


def _argdown_meta(meta: Mapping[str, JSONValue]) -> dict[str, Any]:
    raw = meta.get("argdown")
    value = thaw(raw) if raw is not None else {}
    return value if isinstance(value, dict) else {}


def _other_meta(meta: Mapping[str, JSONValue]) -> dict[str, Any]:
    return {k: thaw(v) for k, v in meta.items() if k != "argdown"}


def _native_data(meta: Mapping[str, JSONValue]) -> dict[str, Any]:
    """``meta["argdown"]["data"]`` if it can be written as the item's own ``{...}`` data.

    It must be an object, and hold no ``argmap`` key (argmap's own entry goes there).
    """
    data = _argdown_meta(meta).get("data")
    if isinstance(data, dict) and data and "argmap" not in data:
        return data
    return {}


def _meta_to_carry(meta: Mapping[str, JSONValue], derived: Mapping[str, Any]) -> dict[str, Any]:
    """The metadata to write in argmap's own data: all of it but what Argdown syntax carries.

    ``meta["argdown"]`` says how the item was written in Argdown. Reading gives it back
    from the syntax (``derived``: what the writer expressed); if that is not all of it,
    the whole entry travels in argmap's own data, which reading then takes instead.
    """
    other = _other_meta(meta)
    own = meta.get("argdown")
    if own is not None and (not derived or own != freeze_meta(derived)):
        other["argdown"] = thaw(own)
    return other


def _is_compact(m: ArgumentMap, r: Relation, undercut_targets: set[str]) -> bool:
    """Whether a relation can be one relation line (``+``, ``-`` or ``_``)."""
    if len(r.premises) != 1 or r.id in undercut_targets or r.label or r.scheme or r.meta:
        return False
    premise = r.premises[0]
    if isinstance(r, Support):
        return r.target in m.claims_by_id and r.id == f"{premise}--supports--{r.target}"
    if r.target in m.claims_by_id:
        return r.id == f"{premise}--rebuts--{r.target}"
    return r.target in m.relations_by_id and r.id == f"{premise}--undercuts--{r.target}"


def _looks_loose(r: Relation) -> bool:
    """Whether a relation may be one of Argdown's looser forms (see :func:`_loose_line`)."""
    return set(r.meta) == {"argdown"} and "relation" in _argdown_meta(r.meta)


def _contradiction_pairs(m: ArgumentMap) -> dict[str, str]:
    """Rebuttals read from one Argdown contradiction (``><``), by id: first -> second."""
    pairs: dict[str, str] = {}
    for r in m.relations:
        # (In strict mode Argdown reads "contrary" relations, which argmap writes as
        # arguments: ">< " reads back as "contradictory".)
        if not isinstance(r, Rebuttal) or r.meta != {"argdown": {"relation": "contradictory"}}:
            continue
        if len(r.premises) != 1 or r.label or r.scheme or r.target not in m.claims_by_id:
            continue
        a, b = r.premises[0], r.target
        if r.id != f"{a}--contradicts--{b}":
            continue
        mirror = m.relations_by_id.get(RelationId(f"{b}--contradicts--{a}"))
        if (
            isinstance(mirror, Rebuttal)
            and mirror.premises == (b,)
            and mirror.target == a
            and mirror.meta == r.meta
            and not mirror.label
            and not mirror.scheme
            and mirror.id not in pairs
            and r.id not in pairs.values()
        ):
            pairs[r.id] = mirror.id
    return pairs


def _plan(m: ArgumentMap) -> _Writer:  # noqa: C901 - a few passes over the relations
    """Decide how each relation is written, and each claim's and argument's title."""
    w = _Writer(m)
    undercut_targets: set[str] = {r.target for r in m.relations if r.target in m.relations_by_id}
    w.pairs = _contradiction_pairs(m)
    w.seconds = set(w.pairs.values())
    special = set(w.pairs) | w.seconds
    w.compact = {
        r.id for r in m.relations if r.id not in special and _is_compact(m, r, undercut_targets)
    }
    # Titles: ids where Argdown can write them, stand-ins (with the id as data) where not.
    for c in m.claims:
        w.statement_title[c.id] = c.id if statement_title_ok(c.id) else w.fresh("claim")
    for r in m.relations:
        if r.id not in w.compact:
            w.argument_title[r.id] = r.id if argument_title_ok(r.id) else w.fresh("argument")
    for r in m.relations:
        if r.id in special or (r.id in w.compact and isinstance(r, Rebuttal)):
            w.attacks.setdefault(r.premises[0], set()).add(r.target)
            if r.id in special:
                w.attacks.setdefault(r.target, set()).add(r.premises[0])
    loose: set[str] = {
        str(r.id) for r in m.relations if r.id not in special | w.compact and _looks_loose(r)
    }
    while True:
        w.loose = loose
        in_pcs: set[str] = set()
        for r in m.relations:
            if r.id in special or r.id in w.compact or r.id in loose:
                continue
            in_pcs.update(r.premises)
            if isinstance(r, Support):
                in_pcs.add(r.target)
        # A claim read from an argument's gist is written as one, unless a premise-conclusion
        # structure needs it as a statement.
        w.as_argument = {
            c.id
            for c in m.claims
            if _argdown_meta(c.meta).get("argument") is True
            and c.id not in in_pcs
            and argument_title_ok(c.id)
        }
        for cid in w.as_argument:
            w.argument_title[cid] = cid
        w.by_title = {w.argument_title[r.id]: r for r in m.relations if w.argument_form(r.id)}
        written = {rid for rid in loose if _loose_line(w, m.relations_by_id[RelationId(rid)])}
        if written == loose:
            return w
        loose = written


def front_matter(m: ArgumentMap) -> str:
    """The front matter: the title, and what Argdown has no syntax for (as JSON).

    The other entries of a front matter read from Argdown (``meta["argdown"]
    ["frontMatter"]``) are written back as they were, unless that would change what the
    document says (see :func:`_kept_front_matter`); then they travel as data.
    """
    title = f"title: {data_text(m.title)}"
    kept = _argdown_meta(m.meta).get("frontMatter")
    native = _kept_front_matter(title, kept) if isinstance(kept, str) else None
    derived = {"frontMatter": native[1]} if native is not None and native[1].strip() else {}
    extra: dict[str, Any] = {
        "id": m.id if m.id != DEFAULT_ID else None,
        "description": m.description,
        "sources": written_sources(m),
        "theses": written_theses(m),
        "verdicts": {k: str(v) for k, v in m.verdicts.items()},
        "meta": _meta_to_carry(m.meta, derived),
    }
    # (An id of "" and theses of [] are written: reading would give the default id and
    # the derived theses.)
    extra = {k: v for k, v in extra.items() if v or (k in {"id", "theses"} and v in ("", []))}
    lines = ["===", title]
    if extra:
        lines.append(f"argmap: {data_text(extra)}")
    if native is not None and native[0]:
        lines.append(native[0])
    lines.append("===")
    return "\n".join(lines)


def _kept_front_matter(title: str, kept: str) -> tuple[str, str] | None:
    """Kept front matter entries as they can be written, and what reading then gives back.

    Returns ``None`` when writing them would change what the document says: a ``===``
    would end the front matter early (what follows it would be read as statements), an
    entry named ``title`` or ``argmap`` would replace argmap's own, an indented first line
    would join argmap's entry, or ``model: {mode: strict}`` would make Argdown read the
    relations as entailment and contrariety.
    """
    text = kept.strip("\r\n")
    if "===" in text:
        return None
    reading = f"\n{title}\n{text}\n" if text else f"\n{title}\n"
    others = frontmatter.other_entries(reading)
    if others != (f"\n{text}\n" if text else "\n"):
        return None
    model = frontmatter.settings(reading).get("model")
    if isinstance(model, dict) and model.get("mode") == "strict":
        return None
    return text, others


def claim_fields(c: Claim, tag_data: object) -> dict[str, Any]:
    """A claim's own fields as its data writes them, in order, unset ones included.

    (Its id and metadata, which depend on the map around it, go before and after.)
    """
    return {
        "tags": tag_data,
        "implicit": c.implicit or None,
        "quotes": [{"source": q.source, "text": q.text} for q in c.quotes],
        "note": c.note,
        "qualifier": c.qualifier,
        "baseScore": c.base_score,
    }


def set_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields that are set: not None, "", [] or {}."""
    return {k: v for k, v in fields.items() if v is not None and v not in ("", [], {})}


def _claim_line(w: _Writer, c: Claim) -> str:
    """A claim's definition: title, text, tags, and its other fields as data."""
    tag_text, tag_data = written_tags(c.tags)
    data = dict(_native_data(c.meta))
    derived: dict[str, Any] = {"argument": True} if c.id in w.as_argument else {}
    if data:
        derived["data"] = data
    fields: dict[str, Any] = {
        "id": c.id if c.id not in w.as_argument and w.statement_title[c.id] != c.id else None,
        **claim_fields(c, tag_data),
        "meta": _meta_to_carry(c.meta, derived),
    }
    own = set_fields(fields)
    if own:
        data["argmap"] = own
    if c.id in w.as_argument:
        opening = f"<{w.argument_title[c.id]}>:"
    else:
        opening = f"[{w.statement_title[c.id]}]:"
    line = f"{opening} {escape(c.text)}"
    if tag_text:
        line += f" {tag_text}"
    if data:
        line += f" {data_text(data)}"
    return line


def _relation_blocks(w: _Writer, r: Relation) -> list[str]:  # noqa: PLR0911 - one per form
    """A relation as a relation line below its target, or as an argument."""
    m = w.m
    if r.id in w.seconds:
        return []
    if r.id in w.pairs:
        return [f"{w.claim_ref(r.premises[0])}\n  >< {w.claim_ref(r.target)}"]
    if r.id in w.loose and (line := _loose_line(w, r)) is not None:
        return [line]
    if r.id not in w.compact:
        return _argument_blocks(w, r)
    premise = w.claim_ref(r.premises[0])
    if isinstance(r, Support):
        return [f"{w.claim_ref(r.target)}\n  + {premise}"]
    if r.target in m.claims_by_id:
        return [f"{w.claim_ref(r.target)}\n  - {premise}"]
    return [f"{w.relation_ref(r.target)}\n  _ {premise}"]


def dumps(argument_map: ArgumentMap) -> str:
    """Return the map as an Argdown document (see :mod:`argmap.io.argdown` for the layout).

    What is written reads back as the same map (but for the whitespace Argdown cannot
    carry); a map that cannot be written so is refused.

    Raises:
        FormatError: for a map Argdown cannot carry: one with no claim, a claim without
            text, two items with one id, a relation without a premise, with a repeated
            or unknown premise, an unknown target or its target among its premises, a
            support of a relation, or a number that is NaN or infinite. The message
            names the first such thing.
    """
    refuse_unwritable(argument_map)
    w = _plan(argument_map)
    blocks = [front_matter(argument_map)]
    blocks.extend(_claim_line(w, c) for c in argument_map.claims)
    for r in argument_map.relations:
        blocks.extend(_relation_blocks(w, r))
    return "\n\n".join(blocks) + "\n"


# The problems of a map (see argmap.validate) that would make the Argdown read back as
# another map: statements would appear from nowhere, or relations vanish or merge.
_UNWRITABLE = frozenset(
    {
        "duplicate-id",
        "no-premises",
        "repeated-premise",
        "unknown-premise",
        "unknown-target",
        "support-of-relation",
        "self-premise",
        "self-undercut",
    }
)


def refuse_unwritable(m: ArgumentMap) -> None:
    """Raise FormatError if the map's Argdown would read back as another map (or none)."""
    for c in m.claims:
        if not flatten(c.text):
            msg = f"Argdown cannot carry claim {c.id!r}: it has no text; write the claim"
            raise FormatError(msg)
    for problem in validate(m):
        if problem.code in _UNWRITABLE:
            raise FormatError(f"Argdown cannot carry this map: {problem.message}")


def _loose_line(w: _Writer, r: Relation) -> str | None:
    """The relation line for a relation read from Argdown's looser forms, if it is one.

    Those are an attack or a support aimed at a reconstructed argument (read as an
    undercut of it, or a support of its conclusion) and an undercut of an argument's
    gist (read as a rebuttal of it); ``meta["argdown"]`` says which, and nothing else.
    """
    m = w.m
    info = _argdown_meta(r.meta)
    if set(r.meta) != {"argdown"} or len(r.premises) != 1 or r.label or r.scheme:
        return None
    premise = r.premises[0]
    to = info.get("to")
    if info == {"relation": "attack", "to": to} and isinstance(r, Rebuttal):
        target = m.relations_by_id.get(RelationId(r.target))
        ok = target is not None and w.argument_form(target.id) and w.argument_title[target.id] == to
        if ok and target is not None and _attacks_a_premise(w, premise, target):
            ok = False  # Argdown would drop the line (see Model.redundant)
        if ok and r.id == f"{premise}--undercuts--{r.target}":
            return f"<{to}>\n  - {w.claim_ref(premise)}"
    if info == {"relation": "support", "to": to} and isinstance(r, Support):
        argument = w.by_title.get(to) if isinstance(to, str) else None
        ok = isinstance(argument, Support) and argument.target == r.target
        if ok and r.id == f"{premise}--supports--{r.target}":
            return f"<{to}>\n  + {w.claim_ref(premise)}"
    gist = isinstance(r, Rebuttal) and r.target in w.as_argument
    if info == {"relation": "undercut"} and gist and r.id == f"{premise}--undercuts--{r.target}":
        return f"{w.claim_ref(r.target)}\n  _ {w.claim_ref(premise)}"
    return None


def _attacks_a_premise(w: _Writer, source: str, argument: Relation) -> bool:
    """Whether statement ``source`` is written attacking or contradicting a premise of ``argument``.

    Argdown then drops an attack of ``source`` on the argument as a repeat.
    """
    if source in w.as_argument:
        return False
    return not w.attacks.get(source, set()).isdisjoint(argument.premises)


def _argument_blocks(w: _Writer, r: Relation) -> list[str]:
    """A relation as an argument: its title and data, then its premise-conclusion structure."""
    m = w.m
    title = w.argument_title[r.id]
    own: dict[str, Any] = {}
    if title != r.id:
        own["id"] = r.id
    if isinstance(r, Rebuttal):
        own["kind"] = "rebuttal"
    data = dict(_native_data(r.meta))
    if other := _meta_to_carry(r.meta, {"data": data} if data else {}):
        own["meta"] = other
    if own:
        data["argmap"] = own
    head = f"<{title}>: {escape(r.label)}" if flatten(r.label) else f"<{title}>"
    if data:
        head += f" {data_text(data)}"
    lines = [f"({i}) [{w.statement_title.get(p, p)}]" for i, p in enumerate(r.premises, start=1)]
    rules = escape(r.scheme, inference=True)
    lines.append(f"-- {rules} --" if rules else "----")
    number = len(r.premises) + 1
    if isinstance(r, Support):
        lines.append(f"({number}) [{w.statement_title.get(r.target, r.target)}]")
    else:
        wanted = f"{r.id}--not"
        stand_in = w.fresh(wanted if statement_title_ok(wanted) else "not")
        if r.target in m.relations_by_id:
            text = f"The premises of {r.target} do not support its conclusion."
            relation = f"  _> {w.relation_ref(r.target)}"
        else:
            target = m.claims_by_id.get(ClaimId(r.target))
            text = "It is not the case that: " + (target.text if target else r.target)
            relation = f"  -> {w.claim_ref(r.target)}"
        lines.append(f"({number}) [{stand_in}]: {escape(text)}")
        lines.append(relation)
    return [head, "\n".join(lines)]
