"""Quotes checked against their sources' texts: each must occur there verbatim.

>>> from argmap import MapBuilder, check_quotes
>>> b = MapBuilder("tea", "Tea or coffee?")
>>> _ = b.source("memo", "Kitchen memo")
>>> tea = b.thesis("tea", "Tea beats coffee.")
>>> _ = b.claim("calm", "Tea calms.", quote="tea calms the nerves").supports(tea)
>>> m = b.build()
>>> check_quotes(m, {"memo": "We find that tea calms the nerves."})
()
>>> for problem in check_quotes(m, {"memo": "We find that tea calms  the nerves."}):
...     print(problem)  # doctest: +NORMALIZE_WHITESPACE
error: claim 'calm' quotes 'tea calms the nerves', which is not in source 'memo' verbatim
(it differs only in quote marks, dashes or spacing); copy it exactly
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap._checks import map_arg, mapping_arg, text_arg
from argmap.model import ArgumentMap
from argmap.problems import Problem

__all__ = ["check_quotes"]

# Typographic quote marks and dashes, as the plain ones they often stand for.
_PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SHOWN = 60  # the most characters of a quote a message shows


def _normalised(text: str) -> str:
    """Text with plain quote marks and dashes, and single spaces between words."""
    return " ".join(text.translate(_PLAIN).split())


def check_quotes(argument_map: ArgumentMap, sources: Mapping[str, str]) -> tuple[Problem, ...]:
    """Return a problem for every quote that does not occur verbatim in its source's text.

    Only the quotes of the sources given are checked. A quote that would occur but for its
    quote marks, dashes or spacing is still a problem (copy it exactly), and its message
    says so.

    Args:
        argument_map: the map.
        sources: the full text of each source to check, by source id.

    Returns:
        One ``not-verbatim`` error (:data:`argmap.problems.QUOTE_CODES`) per quote not
        found, in map order; empty when every quote checked is verbatim.

    Raises:
        ParameterError: if ``argument_map`` is not a map, or ``sources`` is not a mapping
            of source ids to texts.
    """
    m = map_arg(argument_map)
    texts = {
        text_arg(sid, "a source id in sources"): text_arg(text, f"the text of source {sid!r}")
        for sid, text in mapping_arg(sources, "sources").items()
    }
    normalised: dict[str, str] = {}
    problems: list[Problem] = []
    for claim in m.claims:
        for quote in claim.quotes:
            text = texts.get(quote.source)
            if text is None or quote.text in text:
                continue
            if quote.source not in normalised:
                normalised[quote.source] = _normalised(text)
            hint = ""
            if _normalised(quote.text) in normalised[quote.source]:
                hint = " (it differs only in quote marks, dashes or spacing)"
            short = quote.text if len(quote.text) <= _SHOWN else quote.text[: _SHOWN - 3] + "..."
            message = (
                f"claim {claim.id!r} quotes {short!r}, which is not in source "
                f"{quote.source!r} verbatim{hint}; copy it exactly"
            )
            problems.append(Problem("not-verbatim", claim.id, message))
    return tuple(problems)
