"""The overview of several maps: one row per map, with its verdicts and counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from rich import box
from rich.table import Table
from rich.text import Text

from argmap._checks import mapping_arg, maps_arg
from argmap.model import ArgumentMap
from argmap.render._args import evaluation_arg
from argmap.render.terminal._style import VERDICT_STYLE, badge, plural, short_ids, text
from argmap.text import clean

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

    from argmap.evaluate import Evaluation

__all__ = ["overview"]


def _source_cell(m: ArgumentMap) -> Text:
    if len(m.sources) != 1:
        return Text(f"{len(m.sources)} sources", style="dim")
    s = m.sources[0]
    return text(", ".join(p for p in (s.author, s.outlet, s.date) if p), "dim")


class _FittedTable(Table):
    """A table that gives way to a one-column layout where its columns would not fit.

    rich squeezes columns that do not fit down to nothing; this table shows its
    ``stacked`` form instead when the console is narrower than ``needed``.
    """

    needed: int = 0
    stacked: Table | None = None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.stacked is not None and options.max_width < self.needed:
            yield self.stacked
            return
        yield from super().__rich_console__(console, options)


_COUNT_COLUMNS = ("claims", "✚", "✖", "⊘", "impl.", "depth")
_COUNT_KEYS = ("claims", "supports", "rebuttals", "undercuts", "implicit", "depth")


def _verdict_lines(m: ArgumentMap, evaluation: Evaluation | None) -> Text:
    short = short_ids(m.theses)
    out = Text()
    for i, t in enumerate(m.theses):
        if i:
            out.append("\n")
        out.append(clean(short[t]) + ": ")
        v = m.verdicts.get(t)
        out.append(v.value if v else "—", style=VERDICT_STYLE.get(v, "") if v else "")
        if evaluation is not None:
            out.append("\n  status: ")
            out.append_text(badge(evaluation, t) or Text("—"))
    return out


def _map_cell(m: ArgumentMap) -> Text:
    out = Text()
    out.append(clean(m.id), style="bold")
    out.append("\n" + clean(m.title))
    source = _source_cell(m)
    if source:
        out.append("\n")
        out.append_text(source)
    return out


def _frame(caption: Text) -> dict[str, Any]:
    """What the table and its stacked form share: title, caption, lines between rows."""
    return {
        "title": Text("The maps", style="bold"),
        "title_justify": "left",
        "caption": caption,
        "caption_justify": "left",
        "show_lines": True,
        "pad_edge": False,
        "show_edge": False,
    }


def overview(
    maps: Iterable[ArgumentMap], *, evaluations: Mapping[str, Evaluation] | None = None
) -> Table:
    """One row per map: title, source, the sources' verdicts, counts and depth.

    Below about 70 columns the table turns into one column, a block per map.

    Args:
        maps: the maps, in the order to show them.
        evaluations: by map id, an evaluation whose status and strength of each thesis
            are shown under the verdicts.

    Raises:
        ParameterError: if ``maps`` is not a list of maps, or ``evaluations`` not a
            mapping of evaluations.
    """
    maps = maps_arg(maps)
    checked: dict[str, Evaluation] = {}
    for key, value in mapping_arg(evaluations, "evaluations").items():
        if (e := evaluation_arg(value)) is not None:
            checked[str(key)] = e
    evaluations = checked
    caption = Text(
        "verdict: the source's own on each thesis · ✚ supports · ✖ rebuttals · ⊘ undercuts"
        " · impl.: implicit premises · depth: levels of reasons",
        style="dim",
    )
    if evaluations:
        caption.append(
            " · status: argmap's evaluation (in / out / undecided, strength)", style="dim"
        )
    caption.append("\nargmap show MAP shows one map in full.", style="dim")
    table = _FittedTable(box=box.SIMPLE_HEAD, collapse_padding=True, **_frame(caption))
    stacked = Table(box=box.SIMPLE, show_header=False, **_frame(caption))
    stacked.add_column(overflow="fold")
    longest_id = max((len(clean(m.id)) for m in maps), default=3)
    verdict_cells = [_verdict_lines(m, evaluations.get(m.id)) for m in maps]
    longest_verdict = max(
        (len(line) for cell in verdict_cells for line in cell.plain.splitlines()), default=7
    )
    table.add_column("map", overflow="fold", min_width=longest_id)
    table.add_column("verdict", no_wrap=True, min_width=longest_verdict)
    for name in _COUNT_COLUMNS:
        table.add_column(name, justify="right", no_wrap=True)
    widths = [len(name) for name in _COUNT_COLUMNS]
    for m, verdicts in zip(maps, verdict_cells, strict=True):
        c = m.counts()
        values = [str(getattr(c, k)) for k in _COUNT_KEYS]
        widths = [max(w, len(v)) for w, v in zip(widths, values, strict=True)]
        table.add_row(_map_cell(m), verdicts, *(Text(v) for v in values))
        block = _map_cell(m)
        block.append("\n")
        block.append_text(verdicts)
        block.append(
            "\n"
            + " · ".join(
                (
                    plural(c.claims, "claim", "claims"),
                    f"{c.supports} ✚",
                    f"{c.rebuttals} ✖",
                    f"{c.undercuts} ⊘",
                    f"{c.implicit} impl.",
                    f"depth {c.depth}",
                )
            ),
            style="dim",
        )
        stacked.add_row(block)
    # The columns and the gaps between them (a blank divider and a space of padding):
    # any narrower, and rich would squeeze the counts.
    table.needed = longest_id + longest_verdict + sum(widths) + 2 * (len(widths) + 1)
    table.stacked = stacked
    return table
