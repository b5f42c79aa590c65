"""Argdown → argmap: :func:`loads` maps Argdown's model onto a map.

How each part of a document becomes claims and relations is told in the package
docstring (:mod:`argmap.io.argdown`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from argmap._checks import shown
from argmap._gc import paused
from argmap.errors import FormatError, ParameterError, warn
from argmap.io._shared import (
    IdPool,
    read_theses,
    read_verdicts,
    refuse_lone_surrogates,
    slug,
)
from argmap.io.argdown import frontmatter
from argmap.io.argdown.frontmatter import DEFAULT_ID, DEFAULT_TITLE, text_or
from argmap.io.argdown.model import Model, Node, PcsItem, Rel, canonical, describe, read
from argmap.io.argdown.tree import Document as Tree
from argmap.io.argdown.written import read_written
from argmap.model import (
    ArgumentMap,
    Claim,
    Quote,
    Rebuttal,
    Relation,
    Support,
)

__all__ = ["loads"]


_SUPPORTS = {"support", "entails"}
_VERBS = {
    "support": "supports",
    "entails": "supports",
    "attack": "rebuts",
    "undercut": "undercuts",
    "contradictory": "contradicts",
    "contrary": "contradicts",
}


def _argmap_data(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split metadata into argmap's own ``argmap`` entry and the rest."""
    if not data:
        return {}, {}
    rest = dict(data)
    own = rest.pop("argmap", None)
    if not isinstance(own, dict):
        if own is not None:
            rest["argmap"] = own
        own = {}
    return own, rest


def _own(data: Mapping[str, Any]) -> dict[str, Any]:
    """The ``argmap`` entry of metadata, argmap's own data (as ``_argmap_data`` gives it)."""
    own = data.get("argmap")
    return own if isinstance(own, dict) else {}


def _text_of(node: Node) -> str:
    member = canonical(node)
    return member.plain.strip(" \t") if member is not None else ""


def _score(value: object, node: Node) -> float | None:
    """A base score from argmap's data: a number that is a float, or None."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    try:
        return float(value)
    except OverflowError:
        msg = (
            f"Argdown: {describe(node)} has a base score beyond the largest float in its "
            "data; use a number from 0 to 1"
        )
        raise FormatError(msg) from None


class _Mapper:
    """Turns Argdown's model into a map."""

    def __init__(self, model: Model, front: Mapping[str, Any]) -> None:
        self.model = model
        self.front = front
        own = front.get("argmap")
        self.extra: dict[str, Any] = own if isinstance(own, dict) else {}
        self.pool = IdPool()
        self.claim_of: dict[int, str] = {}  # id() of a node -> claim id
        self.relation_of: dict[int, str] = {}  # id() of an inference -> relation id
        self.synthetic: dict[int, Node] = {}  # id() of a synthetic conclusion -> its argument
        self.rebuttal_forms: dict[int, Rel] = {}  # id() of an argument -> its attack
        self.warnings: list[str] = []

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    # -- claims --------------------------------------------------------------------------

    def find_rebuttal_forms(self) -> None:
        """Arguments argmap wrote for a rebuttal: premises, a stand-in conclusion, an attack."""
        for argument in self.model.arguments.values():
            if not argument.pcs or _own(argument.data).get("kind") != "rebuttal":
                continue
            conclusion = self.model.statements.get(argument.pcs[-1].title)
            if conclusion is None or len(conclusion.members) != 1:
                continue
            outgoing = [r for r in conclusion.relations if r.source is conclusion]
            incoming = [r for r in conclusion.relations if r.target is conclusion]
            steps = sum(1 for item in argument.pcs if item.inference is not None)
            attacks = len(outgoing) == 1 and outgoing[0].kind in {"attack", "undercut", "contrary"}
            if attacks and not incoming and steps == 1:
                self.synthetic[id(conclusion)] = argument
                self.rebuttal_forms[id(argument)] = outgoing[0]

    def claims(self) -> list[Claim]:
        nodes = [n for n in self.model.statements.values() if id(n) not in self.synthetic]
        nodes += [a for a in self.model.arguments.values() if not a.pcs]
        nodes.sort(key=lambda n: n.order)
        out = []
        for node in nodes:
            own, rest = _argmap_data(node.data)
            wanted = text_or(own.get("id")) or slug(node.title, default="statement")
            cid = self.pool.take(wanted)
            self.claim_of[id(node)] = cid
            out.append(self.claim(node, cid, own, rest))
        return out

    def claim(self, node: Node, cid: str, own: Mapping[str, Any], rest: dict[str, Any]) -> Claim:
        text = _text_of(node) or node.title
        tags = own.get("tags")
        tags = (
            [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else list(node.tags)
        )
        argdown: dict[str, Any] = {}
        if node.type == "argument":
            argdown["argument"] = True
        if node.title != cid and not own.get("id"):
            argdown["title"] = node.title
        if rest:
            argdown["data"] = rest
        if node.section:
            argdown["section"] = list(node.section)
        quotes = [
            Quote(q["source"], q["text"])
            for q in own.get("quotes", [])
            if isinstance(own.get("quotes"), list)
            if isinstance(q, dict)
            and isinstance(q.get("source"), str)
            and isinstance(q.get("text"), str)
        ]
        meta = dict(own.get("meta", {})) if isinstance(own.get("meta"), dict) else {}
        if argdown and "argdown" not in meta:  # (argmap's data, if it has one, wins)
            meta["argdown"] = argdown
        score = own.get("baseScore")
        return Claim(
            cid,
            text,
            implicit=own.get("implicit") is True,
            tags=tags,
            quotes=quotes,
            note=text_or(own.get("note")),
            qualifier=text_or(own.get("qualifier")),
            base_score=_score(score, node),
            meta=meta,
        )

    # -- relations -------------------------------------------------------------------------

    def argument_ids(self) -> None:
        """Ids for each inference step of the reconstructed arguments."""
        for argument in sorted(self.model.arguments.values(), key=lambda a: a.order):
            if not argument.pcs:
                continue
            own = _own(argument.data)
            main = self.pool.take(
                text_or(own.get("id")) or slug(argument.title, default="argument")
            )
            steps = [item.inference for item in argument.pcs if item.inference is not None]
            for k, inference in enumerate(steps, start=1):
                rid = main if k == len(steps) else self.pool.take(f"{main}--step-{k}")
                self.relation_of[id(inference)] = rid

    def relations(self) -> list[Relation]:
        found: list[tuple[int, Relation]] = []
        for argument in self.model.arguments.values():
            if argument.pcs:
                found.extend(self.argument_relations(argument))
        for rel in self.model.relations:
            if id(rel.source) in self.synthetic:
                continue
            found.extend(self.relation(rel))
        found.sort(key=lambda pair: pair[0])
        return [r for _, r in found]

    def argument_relations(self, argument: Node) -> list[tuple[int, Relation]]:
        """One relation per inference step.

        The statements since the last conclusion, and that conclusion, support the next
        conclusion (or, in argmap's own rebuttal form, attack the target).
        """
        out: list[tuple[int, Relation]] = []
        premises: list[str] = []
        previous: str | None = None
        last = [item for item in argument.pcs if item.inference is not None][-1]
        for item in argument.pcs:
            if item.inference is None:
                premises.append(item.title)
                continue
            used = ([previous] if previous is not None else []) + premises
            premises, previous = [], item.title
            relation = self.step(argument, item, used, is_main=item is last)
            if relation is not None:
                out.append((item.inference.order, relation))
        return out

    def step(
        self, argument: Node, item: PcsItem, used: list[str], *, is_main: bool
    ) -> Relation | None:
        own, rest = _argmap_data(argument.data)
        if item.inference is None:  # pragma: no cover - steps end at conclusions
            return None
        rid = self.relation_of[id(item.inference)]
        premise_ids = []
        statements, claim_of = self.model.statements, self.claim_of
        for title in dict.fromkeys(used):
            if title == item.title:
                self.warn(
                    f"argument <{argument.title}> concludes its own premise [{title}]; that "
                    "premise is left out"
                )
            elif (pid := claim_of.get(id(statements[title]))) is not None:
                premise_ids.append(pid)
        meta = self.step_meta(argument, item, own, rest, rid, is_main=is_main)
        scheme = ", ".join(r for r in item.rules if r)
        label = _text_of(argument) if is_main else ""
        if is_main and id(argument) in self.rebuttal_forms:
            target = self.target_of(self.rebuttal_forms[id(argument)])
            if target is None:
                return None
            return Rebuttal(rid, premise_ids, target, label=label, scheme=scheme, meta=meta)
        conclusion = self.claim_of.get(id(self.model.statements[item.title]))
        if conclusion is None:
            return None
        return Support(rid, premise_ids, conclusion, label=label, scheme=scheme, meta=meta)

    @staticmethod
    def step_meta(  # noqa: PLR0913 - what a step's metadata is made of
        argument: Node,
        item: PcsItem,
        own: Mapping[str, Any],
        rest: dict[str, Any],
        rid: str,
        *,
        is_main: bool,
    ) -> dict[str, Any]:
        """A step's metadata: argmap's own, else what Argdown said (only the main step's)."""
        meta: dict[str, Any] = {}
        argdown: dict[str, Any] = {}
        if is_main:
            if isinstance(own_meta := own.get("meta"), dict):
                meta.update(own_meta)
            if argument.title and not own.get("id") and slug(argument.title) != rid:
                argdown["argument"] = argument.title
            if rest:
                argdown["data"] = rest
            if argument.tags:
                argdown["tags"] = list(argument.tags)
            if argument.section:
                argdown["section"] = list(argument.section)
        if item.inference_data:
            argdown["inference"] = item.inference_data
        if argdown and "argdown" not in meta:  # (argmap's data, if it has one, wins)
            meta["argdown"] = argdown
        return meta

    def target_of(self, rel: Rel) -> str | None:
        target = rel.target
        if target.type == "inference":
            return self.relation_of.get(id(target))
        if target.type == "argument" and target.pcs:
            inference = target.pcs[-1].inference
            return self.relation_of.get(id(inference)) if inference is not None else None
        return self.claim_of.get(id(target))

    def relation(self, rel: Rel) -> list[tuple[int, Relation]]:
        source = self.claim_of.get(id(rel.source))
        if source is None:
            return []
        target_node = rel.target
        meta: dict[str, Any] = {}
        kind = rel.kind
        if target_node.type == "argument" and target_node.pcs:
            # Argdown does not say which premise: an attack undercuts the argument's
            # inference, a support supports its conclusion.
            meta = {"argdown": {"relation": kind, "to": target_node.title}}
            if kind in _SUPPORTS:
                conclusion = self.model.statements[target_node.pcs[-1].title]
                target = self.claim_of.get(id(conclusion))
            else:
                target = self.target_of(rel)
                kind = "undercut"
        else:
            target = self.target_of(rel)
            if kind == "undercut" and target_node.type != "inference":
                meta = {"argdown": {"relation": "undercut"}}
                self.warn(
                    f"line {rel.line}: an undercut of {describe(target_node)} has no inference to "
                    "attack; read as a rebuttal of it"
                )
        if target is None:
            return []
        if source == target:
            if kind not in _SUPPORTS:
                self.warn(f"line {rel.line}: {describe(rel.source)} attacks itself; left out")
            return []
        if kind in {"contradictory", "contrary"}:
            meta = {"argdown": {"relation": kind}}
            first = Rebuttal(
                self.pool.take(f"{source}--contradicts--{target}"), [source], target, meta=meta
            )
            second = Rebuttal(
                self.pool.take(f"{target}--contradicts--{source}"), [target], source, meta=meta
            )
            return [(rel.order, first), (rel.order, second)]
        rid = self.pool.take(f"{source}--{_VERBS[kind]}--{target}")
        if kind in _SUPPORTS:
            return [(rel.order, Support(rid, [source], target, meta=meta))]
        return [(rel.order, Rebuttal(rid, [source], target, meta=meta))]


def _to_map(model: Model, tree: Tree) -> tuple[ArgumentMap, list[str]]:
    """The map of a model, and the warnings mapping it gave."""
    front_text = frontmatter.text_of(tree.front_matter)
    frontmatter.check_own_entry(front_text, tree.front_matter_line)
    front = frontmatter.settings(front_text)
    mapper = _Mapper(model, front)
    mapper.find_rebuttal_forms()
    claims = mapper.claims()
    mapper.argument_ids()
    relations = mapper.relations()
    extra = mapper.extra
    sources = frontmatter.sources(extra)
    meta = dict(extra.get("meta", {})) if isinstance(extra.get("meta"), dict) else {}
    argdown: dict[str, Any] = {}
    if front_text is not None:
        others = frontmatter.other_entries(front_text)
        if others.strip():
            argdown["frontMatter"] = others
    if model.sections:
        argdown["sections"] = [_plain_section(s) for s in model.sections]
    if argdown and "argdown" not in meta:  # (argmap's data, if it has one, wins)
        meta["argdown"] = argdown
    m = ArgumentMap(
        text_or(extra.get("id"), DEFAULT_ID),
        text_or(front.get("title"), DEFAULT_TITLE),
        description=text_or(extra.get("description")),
        sources=sources,
        claims=claims,
        relations=relations,
        meta=meta,
    )
    return (
        attrs.evolve(
            m,
            theses=read_theses(extra.get("theses"), m),
            verdicts=read_verdicts(extra.get("verdicts")),
        ),
        mapper.warnings,
    )


def _plain_section(raw: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"title": raw["title"], "level": raw["level"]}
    if raw.get("data"):
        out["data"] = raw["data"]
    if raw["children"]:
        out["children"] = [_plain_section(c) for c in raw["children"]]
    return out


def loads(text: str) -> ArgumentMap:
    """Read a map from Argdown text (see :mod:`argmap.io.argdown` for how it maps).

    The map is not validated here; :func:`argmap.loads` does that.

    Raises:
        FormatError: for text that is not Argdown; the message names the line and column.
        ParameterError: if ``text`` is not a string.
    """
    if not isinstance(text, str):
        msg = f"Argdown text must be a string, not {shown(text)}"
        raise ParameterError(msg)
    refuse_lone_surrogates(text)
    # Argdown that argmap wrote is read without parsing Argdown's whole syntax (.written).
    if (m := read_written(text)) is not None:
        return m
    try:
        with paused():  # many small objects, and no cycles once the model is released
            model, tree = read(text)
            m, notes = _to_map(model, tree)
            messages = [*model.warnings, *notes]
            model.release()
            del model, tree
    except RecursionError:
        raise FormatError("not readable Argdown: it is nested too deeply") from None
    for message in messages:
        warn(f"Argdown: {message}")
    return m
