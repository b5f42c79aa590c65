"""Helpers the importers share: ids from foreign names, theses for formats without any."""

from __future__ import annotations

import re

from argmap.errors import FormatError
from argmap.model import ArgumentMap, ClaimId

__all__ = ["IdPool", "derived_theses", "slug", "surrogate_error"]

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
    line = text.count("\n", 0, at) + 1
    column = at - text.rfind("\n", 0, at)
    shown = text[at : at + 6] if text[at] == "\\" else f"\\u{ord(text[at]):04x}"
    msg = (
        f"not valid text: {shown} at line {line}, column {column} is half of a UTF-16 "
        "surrogate pair, alone, which is no character; remove it or give the whole pair"
    )
    return FormatError(msg, line=line, column=column)


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
