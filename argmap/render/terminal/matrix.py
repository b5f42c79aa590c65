"""The agreement matrix: how each source argues the claims two or more sources make."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs
from rich import box
from rich.table import Table
from rich.text import Text

from argmap._checks import map_arg
from argmap.model import ArgumentMap, Claim
from argmap.render.terminal._style import VERDICT_STYLE, own_verdicts, short_ids, text
from argmap.text import clean

__all__ = ["agreement_matrix"]

_VERDICT_MARK = {"for": "✚", "against": "✖", "mixed": "±", "not-argued": "·"}
#: A source's side on a thesis for a claim it makes; "·" where it makes the claim without
#: arguing it for or against that thesis.
_SIDE_MARK = {"pro": "✚", "con": "✖", "both": "±", None: "·"}
_SIDE_STYLE = {"pro": "green", "con": "red", "both": "yellow", None: "dim"}


def _letters(n: int) -> list[str]:
    """Column keys: A, B, ..., Z, AA, AB, ..."""
    out = []
    for i in range(1, n + 1):
        key, rest = "", i
        while rest:
            rest, r = divmod(rest - 1, 26)
            key = chr(ord("A") + r) + key
        out.append(key)
    return out


def _sides(m: ArgumentMap, sources: Sequence[str]) -> dict[str, dict[str, dict[str, str]]]:
    """Per source, per thesis, each claim's side through that source's own relations.

    A relation is a source's own when its provenance (``meta["maps"]``, see
    :func:`argmap.merge.provenance`) names one of the maps the source came from, or when
    it records none (a map never merged: every relation is its sources' own). What a
    synthesis added itself counts for no source.
    """
    from argmap.merge import provenance, source_maps

    maps_of = source_maps(m)
    relation_maps = {r.id: set(provenance(m, r.id)) for r in m.relations}
    out: dict[str, dict[str, dict[str, str]]] = {}
    for sid in sources:
        mine = set(maps_of.get(sid, (sid,)))
        own = [r for r in m.relations if not relation_maps[r.id] or relation_maps[r.id] & mine]
        restricted = attrs.evolve(m, relations=own)
        out[sid] = {t: {c: p.value for c, p in restricted.polarity(t).items()} for t in m.theses}
    return out


def _makers(m: ArgumentMap, claim: Claim, sources: Sequence[str]) -> set[str]:
    """The sources that make a claim: quoted for it, or its provenance names their map."""
    from argmap.merge import provenance, source_maps

    maps_of = source_maps(m)
    came_from = set(provenance(m, claim.id))
    quoted = set(m.sources_of(claim.id))
    return {s for s in sources if s in quoted or came_from & set(maps_of.get(s, (s,)))}


def _marks(lines: Sequence[tuple[str, str]]) -> Text:
    """A cell of one mark per line (one line per thesis), each with its style."""
    cell = Text()
    for i, (mark, style) in enumerate(lines):
        cell.append(("\n" if i else "") + mark, style=style)
    return cell


def _verdict_row(m: ArgumentMap, sources: Sequence[str], short: Mapping[str, str]) -> list[Text]:
    """The row of each source's own verdict on each thesis (empty when none is known)."""
    own = own_verdicts(m)
    if not own and len(sources) == 1:
        own = {t: {sources[0]: v.value} for t, v in m.verdicts.items()}
    theses = [t for t in m.theses if t in own]
    if not theses:
        return []
    cells = []
    for sid in sources:
        verdicts = [own[t].get(sid) or "" for t in theses]
        cells.append(
            _marks(
                [
                    (_VERDICT_MARK.get(v, "?") if v else "", VERDICT_STYLE.get(v, ""))
                    for v in verdicts
                ]
            )
        )
    names = Text("\n".join(clean(short[t]) for t in theses), style="dim")
    return [Text("own verdict", style="bold"), names, *cells]


def agreement_matrix(m: ArgumentMap) -> Table:
    """For or against: how each source argues the claims that two or more sources make.

    One row per claim that two or more sources make (quote it, or, in a merged map, have it
    in their map: see :func:`argmap.merge.provenance`), and a column per source. For each
    thesis, a cell shows the side the source argues the claim on, through the source's own
    relations only: ✚ for the thesis, ✖ against it, ± both ways, · made but not argued
    for or against it; blank where the source does not make the claim. Rows where two
    sources argue a claim on opposite sides of a thesis come first. For a merged map the
    first row gives each article's own verdict on each thesis (``meta["verdicts"]``).

    The caption says which source each column is.

    Raises:
        ParameterError: if ``m`` is not a map.
    """
    sources = [s.id for s in map_arg(m, "m").sources]
    keys = dict(zip(sources, _letters(len(sources)), strict=True))
    theses = list(m.theses)
    short = short_ids(theses)
    makers = {c.id: _makers(m, c, sources) for c in m.claims if c.id not in theses}
    shared = [c for c in m.claims if len(makers.get(c.id, ())) >= 2]
    sides = _sides(m, sources) if shared else {}

    def side(sid: str, t: str, cid: str) -> str | None:
        return sides[sid][t].get(cid)

    def disputed(c: Claim) -> bool:
        return any({"pro", "con"} <= {side(s, t, c.id) for s in makers[c.id]} for t in theses)

    # Stable sorts: disputes first, then by how many sources make the claim, map order last.
    shared.sort(key=lambda c: (not disputed(c), -len(makers[c.id])))
    n = len(shared)
    table = Table(
        title=Text(
            f"For or against: how each source argues the {n} claim{'s' * (n != 1)} "
            "two or more sources make",
            style="bold",
        ),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        expand=True,
        leading=1,
    )
    table.add_column("claim", ratio=1, overflow="fold")
    table.add_column("thesis", no_wrap=True)
    for sid in sources:
        table.add_column(keys[sid], justify="center", no_wrap=True)
    verdicts = _verdict_row(m, sources, short)
    if verdicts:
        table.add_row(*verdicts, end_section=True)
    names = Text("\n".join(clean(short[t]) for t in theses), style="dim")
    for c in shared:
        cells = [
            _marks(
                [
                    (_SIDE_MARK[side(sid, t, c.id)], _SIDE_STYLE[side(sid, t, c.id)])
                    if sid in makers[c.id]
                    else ("", "")
                    for t in theses
                ]
            )
            for sid in sources
        ]
        label = text(c.text, "dim italic" if c.implicit else "")
        label.append("\n" + clean(c.id), style="dim")
        table.add_row(label, names.copy(), *cells)
    caption = Text()
    if not shared:
        caption.append("No claim is made by two or more sources of this map.\n")
    if sources:
        caption.append("Columns: ", style="bold")
        caption.append(" · ".join(f"{keys[s]} {clean(s)}" for s in sources) + "\n")
    caption.append(
        "Through each source's own relations: ✚ argued for the thesis · ✖ against it · "
        "± both ways · · made, not argued either way · blank: not made; claims argued on "
        "opposite sides come first",
        style="dim",
    )
    if verdicts:
        caption.append("\nown verdict: ✚ for, ✖ against, ± mixed, · not argued", style="dim")
    table.caption = caption
    table.caption_justify = "left"
    return table
