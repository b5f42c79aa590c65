"""Helpers the formats share: ids from foreign names, theses, lone surrogates, positions.

Formats with no place of their own for a map's sources, theses and verdicts (AIF's
``argmapExtra``, Argdown's front matter) record and read them back the same way
(:func:`written_sources`, :func:`written_theses`, :func:`read_theses`,
:func:`read_verdicts`).

Every reader of ``argmap.io`` that refuses lone surrogates does it here
(:func:`refuse_lone_surrogates`), with one message (:func:`surrogate_error`).
"""

from __future__ import annotations

import re

from argmap._checks import lone_surrogate as _raw_lone_surrogate
from argmap.errors import FormatError
from argmap.model import ArgumentMap, ClaimId, Verdict

__all__ = [
    "IdPool",
    "derived_theses",
    "line_column",
    "lone_surrogate",
    "read_theses",
    "read_verdicts",
    "refuse_lone_surrogates",
    "slug",
    "surrogate_error",
    "written_sources",
    "written_theses",
]

_BAD_ID_CHARS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
_BAD_ENDS = re.compile(r"^[\s\x00-\x1f\x7f-\x9f]+|[\s\x00-\x1f\x7f-\x9f]+$")


def slug(name: str, *, default: str = "node") -> str:
    """Turn a foreign name into an argmap id.

    A name that is already a valid id stays as it is (``--`` included). Otherwise spaces
    and control characters at either end go, each run of them inside becomes one hyphen,
    and an empty result becomes ``default``.
    """
    return _BAD_ID_CHARS.sub("-", _BAD_ENDS.sub("", name)) or default


def surrogate_error(text: str, at: int) -> FormatError:
    r"""The error for a lone surrogate at ``at``: the character itself, or a ``\u`` escape.

    Half of a UTF-16 surrogate pair alone is no character, and no UTF-8 file can hold it.
    """
    line, column = line_column(text, at)
    shown = text[at : at + 6] if text[at] == "\\" else f"\\u{ord(text[at]):04x}"
    msg = (
        f"not valid text: {shown} at line {line}, column {column} is half of a UTF-16 "
        "surrogate pair, alone, which is no character; remove it or give the whole pair"
    )
    return FormatError(msg, line=line, column=column)


def line_column(text: str, at: int) -> tuple[int, int]:
    """The line and column (both from 1) of index ``at`` of ``text``."""
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


# An escape as JSON writes them: ``\uXXXX`` (group 1 is the hex) or a one-character escape.
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.DOTALL)


def lone_surrogate(text: str, *, escapes: bool = False) -> int | None:
    r"""Where ``text`` holds a lone surrogate, or None.

    A lone surrogate is half of a UTF-16 surrogate pair alone: no character, and no UTF-8
    file can hold it. With ``escapes``, ``text`` is JSON text, and an escape of one with no
    partner (``\ud800`` not followed by ``\udc00``...) counts too: JSON may escape a
    character beyond U+FFFF as a pair (``\ud83d\ude00``), but half of a pair is none.
    """
    raw = _raw_lone_surrogate(text)
    if not escapes:
        return raw
    escaped, pending, pending_end = None, None, -1
    for m in _ESCAPE.finditer(text):
        code = int(m[1], 16) if m[1] else None
        if pending is not None:
            if code is not None and 0xDC00 <= code <= 0xDFFF and m.start() == pending_end:
                pending = None
                continue
            escaped = pending
            break
        if code is not None and 0xD800 <= code <= 0xDBFF:
            pending, pending_end = m.start(), m.end()
        elif code is not None and 0xDC00 <= code <= 0xDFFF:
            escaped = m.start()
            break
    else:
        escaped = pending
    found = [at for at in (raw, escaped) if at is not None]
    return min(found) if found else None


def refuse_lone_surrogates(text: str, *, escapes: bool = False) -> None:
    """Raise :func:`surrogate_error` for the first lone surrogate (see :func:`lone_surrogate`).

    Raises:
        FormatError: if ``text`` holds one.
    """
    if (at := lone_surrogate(text, escapes=escapes)) is not None:
        raise surrogate_error(text, at)


class IdPool:
    """Hands out ids unique across a map's claims and relations (``x``, ``x-2``, ``x-3``)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        # The last N handed out for each wanted id: N only grows, so that many items
        # wanting one id take linear time, not quadratic.
        self.last: dict[str, int] = {}

    def take(self, wanted: str) -> str:
        """Return ``wanted``, or ``wanted-N`` with the smallest N that is still free."""
        candidate, n = wanted, self.last.get(wanted, 1)
        if n > 1:
            candidate = f"{wanted}-{n}"
        while candidate in self.taken:
            n += 1
            candidate = f"{wanted}-{n}"
        self.taken.add(candidate)
        self.last[wanted] = n
        return candidate


def derived_theses(argument_map: ArgumentMap) -> tuple[ClaimId, ...]:
    """The theses argmap gives a map read from a format that names none.

    They are the claims that no relation uses as a premise, in map order (the first
    claim, if every claim is one).
    """
    premises = {p for r in argument_map.relations for p in r.premises}
    roots = tuple(c.id for c in argument_map.claims if c.id not in premises)
    if roots or not argument_map.claims:
        return roots
    return (argument_map.claims[0].id,)


def written_theses(argument_map: ArgumentMap) -> list[str] | None:
    """The theses to record, or None when reading would derive the same ones."""
    m = argument_map
    return list(m.theses) if m.theses != derived_theses(m) else None


def read_theses(value: object, argument_map: ArgumentMap) -> tuple[str, ...]:
    """Recorded theses (the strings of a list), or the derived ones if none are recorded."""
    if isinstance(value, list):
        return tuple(t for t in value if isinstance(t, str))
    return derived_theses(argument_map)


_VERDICTS = frozenset(v.value for v in Verdict)


def read_verdicts(value: object) -> dict[str, str]:
    """Recorded verdicts: the entries of an object whose value is a verdict argmap knows."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(v, str) and v in _VERDICTS}


_SOURCE_FIELDS = ("author", "outlet", "date", "url")


def written_sources(argument_map: ArgumentMap) -> list[dict[str, str]]:
    """The map's sources as plain data: id, title, and the other fields that are not empty."""
    return [
        {"id": s.id, "title": s.title} | {k: getattr(s, k) for k in _SOURCE_FIELDS if getattr(s, k)}
        for s in argument_map.sources
    ]
