"""Hypothesis strategies for property-testing code that handles argument maps.

Needs the ``hypothesis`` extra (``pip install argmap[hypothesis]``); nothing else in argmap
imports this module.

>>> from hypothesis import given
>>> from argmap import validate
>>> from argmap.strategies import argument_maps
>>> @given(argument_maps())
... def test_valid(m):
...     assert validate(m) == ()
>>> test_valid()

* :func:`argument_maps` draws valid maps: each new claim attaches to something drawn
  earlier, as a support, a rebuttal (so counter-rebuttals appear), an undercut of a
  relation, or an extra linked premise of a relation, so the maps are connected and free
  of circular support by construction. Several theses, implicit premises, quotes from
  several sources, tags, notes, base scores and verdicts all occur.
* :func:`broken_maps` draws a valid map with exactly one defect injected, and says which
  problem :func:`argmap.validate` must report.
* :data:`HOSTILE_TEXTS` and :data:`HOSTILE_IDS` are text that every output format must show
  as text: markup, script, escapes, syntax of DOT, Argdown and Mermaid (directives
  included), control, right-to-left and combining characters, and very long text;
  :func:`hostile_maps` puts them in every field of a map.
* :func:`ids` draws any valid id (any Unicode but whitespace and control characters,
  leaning towards the punctuation formats use as syntax), and :func:`metadata` any
  metadata argmap can write (keys and strings of any Unicode); ``argument_maps(ids=ids(),
  meta=metadata(), labels=texts())`` puts them, and labels and schemes, everywhere.
* :func:`chain_map`, :func:`fan_in_map`, :func:`cyclic_map` and :func:`ladder_map` build
  the extreme shapes (a deep chain, a wide fan-in, a dense web of mutual attacks, levels
  of claims that each rest jointly on the whole level below) for stress tests.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from argmap.model import (
    ArgumentMap,
    Claim,
    ClaimId,
    Quote,
    Rebuttal,
    Relation,
    Source,
    SourceId,
    Support,
    Verdict,
)
from argmap.validate import CODES

__all__ = [
    "HOSTILE_IDS",
    "HOSTILE_TEXTS",
    "RESERVED_META_KEYS",
    "BrokenMap",
    "argument_maps",
    "broken_maps",
    "chain_map",
    "cyclic_map",
    "fan_in_map",
    "hostile_map",
    "hostile_maps",
    "ids",
    "ladder_map",
    "metadata",
    "slugs",
    "texts",
]


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_DIGITS = "0123456789"


#: Text that must stay text in every output: markup and script (SVG, HTML), escapes and
#: syntax of DOT, Argdown, Mermaid, JSON and rich, control, bidirectional and combining
#: characters, and long text.
HOSTILE_TEXTS: tuple[str, ...] = (
    'Quotes "double" and \'single\', a lone " and a \\" pair',
    "<b>bold</b> & <i>HTML</i> &amp; &lt;entities&gt; &#92; &#x3c; &nbsp;",
    "back\\slash \\N \\G \\E \\n \\l \\r \\\\ and a trailing backslash \\",
    "node edge graph digraph subgraph strict { } [ ] ; = -> -- : label=x",
    "</text><script>alert(1)</script><text>",
    "]]> <![CDATA[ x ]]> <!-- comment --> <?xml version='1.0'?>",
    "javascript:alert(1) onload=\"alert(1)\" onclick=y <a href='javascript:x'>z</a>",
    "<svg onload=alert(1)><foreignObject><iframe src=x></iframe></foreignObject></svg>",
    "[bold red]rich markup[/] [link=https://example.org]link[/link] :smile: \\[x]",
    "[Title]: <Arg>: + - _ <+ +> >< #tag #(a tag) @[x] {a: 1} // c /* c */ ===",
    '%% comment\nflowchart LR; A-->B; click A "javascript:alert(1)"; style A fill:#f00',
    "x" * 10_000,
    "word " * 600,
    "שלום עולם، مرحبا بالعالم — left to right again",
    "e\u0301 n\u0303 a\u0308\u0301 Z\u0351\u0352\u0353 \u0915\u094d\u0937",
    "control \x00\x01\x07\x08\x1b\x1f\x7f\x80\x9f \ufffe\uffff characters",
    "\x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 \x9b2J",
    "\u202e reversed \u202c, joiners 👩\u200d👩\u200d👧, tab\tand\nnewline\r\n",
    "vertical\x0btab, form\x0cfeed, lone\rreturn, next\x85line, line\u2028separator",
    "%3A colon: and 100% and %%",
    '%%{init: {"themeCSS": "body{background:url(http://evil.example/x)}"}}%% and %%{wrap}%%',
    "{",
    "\\",
    '"',
    "&",
)

#: Ids that are valid (no spaces or control characters) but are syntax somewhere.
HOSTILE_IDS: tuple[str, ...] = (
    "<script>",
    '"quoted"',
    "a]]>b",
    "node",
    "graph",
    "{x}",
    "--",
    "a->b",
    "%%",
    "[[t]]",
    "#tag",
    "@m",
    "x:y",
    "end",
    "\\",
    "&amp;",
    "שלום",
    "e\u0301",
    "1",
    '%%{init:{"theme":"dark"}}%%',
    "%%{wrap}%%",
    "+x",
    "_x",
    "a]:[b",
    "a>:b",
    "x===",
)

_ACTIONS = ("support", "rebuttal", "undercut", "link")
T = TypeVar("T")


def slugs() -> st.SearchStrategy[str]:
    """Readable ids: lower-case words joined by single hyphens (``china-opposes``)."""
    first = st.builds(
        str.__add__, st.sampled_from(_LETTERS), st.text(_LETTERS + _DIGITS, max_size=5)
    )
    words = st.lists(st.text(_LETTERS + _DIGITS, min_size=1, max_size=5), max_size=2)
    return st.builds(lambda head, tail: "-".join([head, *tail]), first, words)


def texts(*, min_size: int = 1, max_size: int = 40) -> st.SearchStrategy[str]:
    """Any Unicode text that is not blank (surrogates excluded, so it encodes as UTF-8)."""
    return st.text(
        st.characters(exclude_categories=["Cs"]), min_size=min_size, max_size=max_size
    ).filter(lambda s: bool(s.strip()))


# Characters that are syntax somewhere (Argdown, Mermaid, DOT, YAML, JSON, Markdown), drawn
# often so that ids hold them in every combination; any other character can come too.
_SYNTAX = "[]<>{}():;,.#@*_+-=~/\\%&|!?'\"`^$"
_BAD_ID = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")
_ID_CHAR = st.sampled_from(_SYNTAX) | st.characters(
    exclude_categories=["Cs", "Cc", "Zs", "Zl", "Zp"]
)


def ids(*, max_size: int = 8) -> st.SearchStrategy[str]:
    """Any valid id: Unicode without whitespace or control characters (as validate asks).

    Punctuation that some format reads as syntax is drawn often, and the ids of
    :data:`HOSTILE_IDS` now and then.
    """
    drawn = st.text(_ID_CHAR, min_size=1, max_size=max_size).filter(
        lambda s: _BAD_ID.search(s) is None
    )
    return drawn | st.sampled_from(HOSTILE_IDS)


#: The metadata keys that formats keep their own bookkeeping under.
RESERVED_META_KEYS = ("aif", "argdown")


def metadata(
    *, keys: st.SearchStrategy[str] | None = None, max_leaves: int = 6
) -> st.SearchStrategy[dict[str, object]]:
    """Metadata argmap can write: JSON whose keys and strings are any Unicode text.

    Numbers are finite floats and integers JSON can carry; objects and arrays nest a few
    levels.

    Args:
        keys: the strategy for the top-level keys; by default any text but the keys
            formats keep their own bookkeeping under (:data:`RESERVED_META_KEYS`).
        max_leaves: about how many values, nested ones included.
    """
    text = st.text(st.sampled_from(_SYNTAX) | st.characters(exclude_categories=["Cs"]))
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(-(2**70), 2**70)
        | st.floats(allow_nan=False, allow_infinity=False)
        | text
    )
    values = st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
        max_leaves=max_leaves,
    )
    top = keys if keys is not None else text.filter(lambda k: k not in RESERVED_META_KEYS)
    return st.dictionaries(top, values, max_size=3)


# Strategies built once: building them inside a draw loop costs more than drawing.
_SLUG = slugs()
_TEXT = texts()
_TAGS = st.lists(_SLUG, max_size=2, unique=True)
_SCORE = st.none() | st.floats(0.0, 1.0)
_BOOL = st.booleans()


def _pick(draw: st.DrawFn, items: Sequence[T]) -> T:
    """One of ``items`` (cheaper than a new ``sampled_from`` per draw)."""
    return items[draw(st.integers(0, len(items) - 1))]


@st.composite
def argument_maps(  # noqa: PLR0913 - each knob is a keyword with a default
    draw: st.DrawFn,
    *,
    min_claims: int = 1,
    max_claims: int = 12,
    max_theses: int = 3,
    text: st.SearchStrategy[str] | None = None,
    undercuts: bool = True,
    ids: st.SearchStrategy[str] | None = None,
    meta: st.SearchStrategy[Mapping[str, object]] | None = None,
    labels: st.SearchStrategy[str] | None = None,
) -> ArgumentMap:
    """Draw a valid map (``validate(m) == ()``).

    Args:
        draw: supplied by Hypothesis.
        min_claims: the fewest claims, theses included.
        max_claims: the most claims, theses included.
        max_theses: the most theses (at least one is drawn).
        text: the strategy for claim texts, quotes and titles (default :func:`texts`).
        undercuts: whether rebuttals may target relations.
        ids: the strategy for every id (map, claims, relations, sources); by default
            claims, sources and the map get :func:`slugs` and relations ``<claim>--<kind>``.
            Given, relations also get ids of the form a single-premise Argdown relation
            reads as (``a--supports--b``) now and then.
        meta: the strategy for the metadata of the map, its claims and relations (by
            default they have none); :func:`metadata`, for example.
        labels: the strategy for relation labels and schemes (by default they have none).
    """
    text = text if text is not None else _TEXT
    n_claims = draw(st.integers(max(1, min_claims), max(1, min_claims, max_claims)))
    n_theses = draw(st.integers(1, max(1, min(max_theses, n_claims))))
    pool: list[str] = []
    if ids is None:
        ids_ = draw(st.lists(_SLUG, min_size=n_claims, max_size=n_claims, unique=True))
        source_ids = draw(st.lists(_SLUG, min_size=1, max_size=2, unique=True))
    else:
        pool = draw(st.lists(ids, min_size=2 * n_claims, max_size=2 * n_claims, unique=True))
        ids_, pool = pool[:n_claims], pool[n_claims:]
        source_ids = draw(st.lists(ids, min_size=1, max_size=2, unique=True))
    sources = tuple(
        Source(
            sid,
            draw(text),
            author=_pick(draw, ["", "A. Author"]),
            url=_pick(draw, ["", f"https://example.org/{sid}"]),
        )
        for sid in source_ids
    )
    actions = [a for a in _ACTIONS if undercuts or a != "undercut"]

    claims: list[Claim] = []
    relations: list[Relation] = []
    taken = set(ids_) | set(pool)

    def relation_id(cid: str, action: str, target: str) -> str:
        if ids is None:
            return f"{cid}--{action}"
        verb = {"support": "supports", "rebuttal": "rebuts", "undercut": "undercuts"}[action]
        canonical = f"{cid}--{verb}--{target}"
        if canonical not in taken and draw(_BOOL):
            taken.add(canonical)
            return canonical
        return pool.pop()

    for i, cid in enumerate(ids_):
        is_thesis = i < n_theses
        implicit = not is_thesis and draw(_BOOL)
        quotes: tuple[Quote, ...] = ()
        if not implicit:
            quotes = tuple(
                Quote(_pick(draw, source_ids), draw(text)) for _ in range(draw(st.integers(0, 2)))
            )
        claims.append(
            Claim(
                cid,
                draw(text),
                implicit=implicit,
                quotes=quotes,
                tags=draw(_TAGS),
                note=_pick(draw, ["", "a note"]),
                qualifier=_pick(draw, ["", "", "it remains to be seen"]),
                base_score=draw(_SCORE),
                meta=draw(meta) if meta is not None else None,
            )
        )
        if is_thesis:
            continue
        action = _pick(draw, actions if relations else actions[:2])
        if action == "link":
            k = draw(st.integers(0, len(relations) - 1))
            r = relations[k]
            relations[k] = attrs.evolve(r, premises=(*r.premises, ClaimId(cid)))
            continue
        target = _pick(draw, relations).id if action == "undercut" else _pick(draw, ids_[:i])
        kind = Support if action == "support" else Rebuttal
        relations.append(
            kind(
                relation_id(cid, action, target),
                [cid],
                target,
                label=draw(labels) if labels is not None and draw(_BOOL) else "",
                scheme=draw(labels) if labels is not None and draw(_BOOL) else "",
                meta=draw(meta) if meta is not None else None,
            )
        )

    theses = ids_[:n_theses]
    verdicts = {t: _pick(draw, list(Verdict)) for t in theses if draw(_BOOL)}
    return ArgumentMap(
        draw(_SLUG if ids is None else ids),
        draw(text),
        description=_pick(draw, ["", "A generated map."]),
        sources=sources,
        theses=theses,
        claims=claims,
        relations=relations,
        verdicts=verdicts,
        meta=draw(meta) if meta is not None else None,
    )


@attrs.frozen
class BrokenMap:
    """A map with exactly one defect, and the problem that names it.

    Attributes:
        map: the map.
        code: the code of the one problem :func:`argmap.validate` must report.
        subject: the id that problem must name.
    """

    map: ArgumentMap
    code: str
    subject: str


_Inject = Callable[[st.DrawFn, ArgumentMap], tuple[ArgumentMap, str]]
_MISSING = "missing--id"


def _add(m: ArgumentMap, relation: Relation) -> ArgumentMap:
    return attrs.evolve(m, relations=(*m.relations, relation))


def _explicit(m: ArgumentMap) -> list[Claim]:
    return [c for c in m.claims if not c.implicit]


def _ordered_pair(draw: st.DrawFn, m: ArgumentMap) -> tuple[ClaimId, ClaimId]:
    """Two distinct claims, the first drawn later than the second (so no circle forms)."""
    i = draw(st.integers(1, len(m.claims) - 1))
    j = draw(st.integers(0, i - 1))
    return m.claims[i].id, m.claims[j].id


def _duplicate_id(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = _pick(draw, m.claims)
    return attrs.evolve(m, claims=(*m.claims, Claim(c.id, "A second claim."))), c.id


def _empty_text(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = _pick(draw, m.claims)
    blank = _pick(draw, ["", " ", "\n\t"])
    return m.with_claim(attrs.evolve(c, text=blank)), c.id


def _unknown_premise(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    target = _pick(draw, m.claims).id
    return _add(m, Support("defect--rel", [_MISSING], target)), "defect--rel"


def _unknown_target(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    premise = _pick(draw, m.claims).id
    return _add(m, Rebuttal("defect--rel", [premise], _MISSING)), "defect--rel"


def _unknown_thesis(_: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    return attrs.evolve(m, theses=(*m.theses, _MISSING)), _MISSING


def _unknown_source(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = _pick(draw, _explicit(m))
    quotes = (*c.quotes, Quote(_MISSING, "A passage."))
    return m.with_claim(attrs.evolve(c, quotes=quotes)), c.id


def _self_premise(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = _pick(draw, m.claims).id
    relation: Relation = (
        Support("defect--rel", [c], c) if draw(st.booleans()) else Rebuttal("defect--rel", [c], c)
    )
    return _add(m, relation), "defect--rel"


def _self_undercut(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = _pick(draw, m.claims).id
    return _add(m, Rebuttal("defect--rel", [c], "defect--rel")), "defect--rel"


def _circular_support(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    # Two new claims that support each other; one of them also supports an old claim,
    # so both bear on a thesis and the circle is the only problem.
    target = _pick(draw, m.claims).id
    x, y = ClaimId("defect--x"), ClaimId("defect--y")
    m = attrs.evolve(m, claims=(*m.claims, Claim(x, "One claim."), Claim(y, "Another.")))
    edges = [("defect--xy", x, y), ("defect--yx", y, x), ("defect--yt", y, target)]
    for rid, premise, conclusion in edges:
        m = _add(m, Support(rid, [premise], conclusion))
    return m, x


def _no_premises(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    target = _pick(draw, m.claims).id
    return _add(m, Support("defect--rel", [], target)), "defect--rel"


def _repeated_premise(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    a, b = _ordered_pair(draw, m)
    return _add(m, Support("defect--rel", [a, a], b)), "defect--rel"


def _support_of_relation(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = _pick(draw, m.claims).id
    target = _pick(draw, m.relations).id
    return _add(m, Support("defect--rel", [c], target)), "defect--rel"


def _orphan(_: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    return m.with_claim(Claim("defect--orphan", "A claim on its own.")), "defect--orphan"


def _bad_score(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = _pick(draw, m.claims)
    score = _pick(draw, [-0.5, 1.5, math.nan, math.inf])
    return m.with_claim(attrs.evolve(c, base_score=score)), c.id


def _repeated_thesis(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    t = _pick(draw, m.theses)
    return attrs.evolve(m, theses=(*m.theses, t)), t


def _verdict_not_thesis(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = _pick(draw, [c for c in m.claims if c.id not in m.theses]).id
    return attrs.evolve(m, verdicts=m.verdicts.set(c, Verdict.MIXED)), c


def _bad_id(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    if draw(_BOOL):  # the map's own id: a line break or an escape sequence in it
        bad = m.id + _pick(draw, ["\nok", "\x1b[2K", "\u0085", " x"])
        return attrs.evolve(m, id=bad), bad
    undercut = {r.target for r in m.relations}
    r = _pick(draw, [r for r in m.relations if r.id not in undercut])
    bad = r.id + _pick(draw, [" x", "\t", "\x00"])
    relations = tuple(attrs.evolve(x, id=bad) if x.id == r.id else x for x in m.relations)
    return attrs.evolve(m, relations=relations), bad


def _duplicate_source(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    s = _pick(draw, m.sources)
    copy = Source(s.id, "Another title")
    return attrs.evolve(m, sources=(*m.sources, copy)), s.id


def _implicit_quoted(draw: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    c = _pick(draw, [c for c in m.claims if c.id not in m.theses])
    quotes = c.quotes or (Quote(SourceId(m.sources[0].id), "A passage."),)
    return m.with_claim(attrs.evolve(c, implicit=True, quotes=quotes)), c.id


def _no_thesis(_: st.DrawFn, m: ArgumentMap) -> tuple[ArgumentMap, str]:
    return attrs.evolve(m, theses=(), verdicts={}), m.id


_INJECTIONS: dict[str, _Inject] = {
    "duplicate-id": _duplicate_id,
    "empty-text": _empty_text,
    "unknown-premise": _unknown_premise,
    "unknown-target": _unknown_target,
    "unknown-thesis": _unknown_thesis,
    "unknown-source": _unknown_source,
    "self-premise": _self_premise,
    "self-undercut": _self_undercut,
    "circular-support": _circular_support,
    "no-premises": _no_premises,
    "repeated-premise": _repeated_premise,
    "support-of-relation": _support_of_relation,
    "orphan": _orphan,
    "bad-score": _bad_score,
    "repeated-thesis": _repeated_thesis,
    "verdict-not-thesis": _verdict_not_thesis,
    "bad-id": _bad_id,
    "duplicate-source": _duplicate_source,
    "implicit-quoted": _implicit_quoted,
    "no-thesis": _no_thesis,
}
assert set(_INJECTIONS) == set(CODES), "every problem code has an injection"  # noqa: S101


@st.composite
def broken_maps(draw: st.DrawFn, *, codes: tuple[str, ...] | None = None) -> BrokenMap:
    """Draw a map with exactly one defect (of one of ``codes``, by default any).

    Every code of :data:`argmap.validate.CODES` can be drawn.
    """
    code = _pick(draw, sorted(codes or _INJECTIONS))
    base = draw(argument_maps(min_claims=3, max_theses=1))
    m, subject = _INJECTIONS[code](draw, base)
    return BrokenMap(m, code, subject)


def hostile_map(text: str, ids: Sequence[str] = HOSTILE_IDS[:6]) -> ArgumentMap:
    """A valid map with ``text`` in every text field, ``ids`` as its ids (at least five).

    The thesis is ``ids[0]``; ``ids[1]`` and ``ids[2]`` support it jointly, ``ids[3]``
    rebuts it and ``ids[4]`` undercuts the support, which is labelled and tagged.
    """
    if len(set(ids)) < 5:
        msg = "hostile_map needs five different ids"
        raise ValueError(msg)
    t, a, b, c, d, *_ = ids
    source = Source(
        "src", text, author=text, outlet=text, date=text, url="javascript:alert(1)//" + text
    )
    claims = [
        Claim(t, text, tags=(f"tag-{t}", text[:80]), note=text),
        Claim(a, text, quotes=(Quote("src", text),), tags=(f"tag-{a}",)),
        Claim(b, text, implicit=True, note=text),
        Claim(c, text, quotes=(Quote("src", text),), base_score=0.25),
        Claim(d, text),
    ]
    support = Support(f"{a}+{b}", (a, b), t, label=text)
    relations: list[Support | Rebuttal] = [
        support,
        Rebuttal(f"{c}!{t}", (c,), t, label=text),
        Rebuttal(f"{d}/{support.id}", (d,), support.id),
    ]
    return ArgumentMap(
        "hostile-" + t,
        text,
        description=text,
        sources=(source,),
        theses=(t,),
        claims=claims,
        relations=relations,
        verdicts={t: "mixed"},
    )


@st.composite
def hostile_maps(draw: st.DrawFn) -> ArgumentMap:
    """:func:`hostile_map` with a drawn hostile or random text and five drawn hostile ids."""
    text = draw(st.sampled_from(HOSTILE_TEXTS) | texts(max_size=80))
    ids = draw(st.lists(st.sampled_from(HOSTILE_IDS), min_size=5, max_size=5, unique=True))
    return hostile_map(text, ids)


def chain_map(n: int, *, kind: str = "support") -> ArgumentMap:
    """A chain of ``n`` claims, ``n - 1`` levels deep.

    ``c1`` supports (or, with ``kind="rebuttal"``, rebuts) the thesis ``c0``, ``c2``
    supports ``c1``, and so on.
    """
    relation = Support if kind == "support" else Rebuttal
    claims = [Claim(f"c{i}", f"Claim {i} of a chain.") for i in range(n)]
    relations = [relation(f"r{i}", (f"c{i + 1}",), f"c{i}") for i in range(n - 1)]
    return ArgumentMap(
        f"chain-{n}", f"A {n}-claim chain", theses=("c0",), claims=claims, relations=relations
    )


def fan_in_map(n: int) -> ArgumentMap:
    """A thesis with ``n - 1`` direct reasons, every tenth of them an objection."""
    claims = [Claim(f"c{i}", f"Claim {i} bears on the thesis.") for i in range(n)]
    relations: list[Relation] = [
        (Rebuttal if i % 10 == 0 else Support)(f"r{i}", (f"c{i}",), "c0") for i in range(1, n)
    ]
    return ArgumentMap(
        f"fan-in-{n}", f"A {n}-claim fan-in", theses=("c0",), claims=claims, relations=relations
    )


def ladder_map(levels: int, *, width: int = 2, theses: int = 1) -> ArgumentMap:
    """A "ladder": ``levels`` levels of ``width`` claims, each level resting on the next.

    Every claim of level ``i`` (``l{i}-{j}``) is supported jointly by all the claims of
    level ``i + 1``, and each thesis (``t0``, ``t1``, ...) jointly by level 0, so every
    claim is a premise of ``width`` relations and rejecting one sinks the whole level
    above it: the shape that makes explanations grow with depth times theses unless they
    are computed with care.
    """

    def level(i: int) -> tuple[str, ...]:
        return tuple(f"l{i}-{j}" for j in range(width))

    ids = [f"t{k}" for k in range(theses)]
    claims = [Claim(t, f"Thesis {t} of a ladder.") for t in ids]
    relations: list[Relation] = [Support(f"s-{t}", level(0), t) for t in ids]
    for i in range(levels):
        claims += [Claim(c, f"Claim {c} of a ladder.") for c in level(i)]
        if i + 1 < levels:
            relations += [Support(f"s-{c}", level(i + 1), c) for c in level(i)]
    return ArgumentMap(
        f"ladder-{levels}",
        f"A {levels}-level ladder, {width} claims wide",
        theses=ids,
        claims=claims,
        relations=relations,
    )


def cyclic_map(n: int, *, degree: int = 8, seed: int = 0) -> ArgumentMap:
    """A web of ``n`` claims that attack each other, with odd and even cycles everywhere.

    Each claim rebuts ``degree`` random others; an acyclic support runs from each claim to
    the thesis ``c0``'s first reasons, and every tenth support is undercut.
    """
    import random

    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    claims = [Claim(f"c{i}", f"Claim {i} of a web of attacks.") for i in range(n)]
    relations: list[Relation] = []
    for i in range(1, n):
        relations.append(Support(f"s{i}", (f"c{i}",), f"c{rng.randrange(i)}"))
        for k in range(degree):
            j = rng.randrange(1, n)
            if j != i:
                relations.append(Rebuttal(f"a{i}-{k}", (f"c{i}",), f"c{j}"))
        if i % 10 == 0:
            relations.append(Rebuttal(f"u{i}", (f"c{rng.randrange(1, n)}",), f"s{i}"))
    return ArgumentMap(
        f"cyclic-{n}", f"A {n}-claim web", theses=("c0",), claims=claims, relations=relations
    )
