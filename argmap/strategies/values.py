"""Strategies for the values inside maps: slugs, texts, ids of any Unicode, metadata.

Also the hostile texts and ids every output format must show as text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from hypothesis import strategies as st

__all__ = [
    "HOSTILE_IDS",
    "HOSTILE_TEXTS",
    "RESERVED_META_KEYS",
    "ids",
    "metadata",
    "pick",
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
    "no-break\u00a0",
    "\u3000ideographic-space",
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


def pick(draw: st.DrawFn, items: Sequence[T]) -> T:
    """One of ``items`` (cheaper than a new ``sampled_from`` per draw)."""
    return items[draw(st.integers(0, len(items) - 1))]
