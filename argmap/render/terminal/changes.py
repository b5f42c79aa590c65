"""The diff of two maps as a report: what changed, part by part, then what it did.

:func:`diff_report` gives a rich renderable: a header (the two maps, and whether they are
the same argument), then the changes to the map's own fields, its claims, relations,
theses and sources, one line per thing added (``+``), removed (``-``), renamed (``→``) or
changed (``~``, with one line per field), and last the evaluation delta, largest change
first, each with the edits it follows from and the evaluation's reason before and after.
A reworded text shows as a word-level diff, ``[-removed-]{+added+}`` (coloured too, where
the console has colour). Texts and ids are data: they go through
:func:`argmap.text.clean`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.segment import Segment
from rich.text import Text

from argmap._checks import shown
from argmap.diff import Changes, Edit, EvaluationChange, FieldChange, MapDiff, word_diff
from argmap.errors import ParameterError
from argmap.evaluate import Label
from argmap.model import Quote
from argmap.render.terminal._style import LABEL_STYLE, plural, text
from argmap.text import clean

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

__all__ = ["diff_report"]

#: An entry of a section: its mark, and its lines with how far each is indented under
#: the first.
_Entry = tuple[str, list[tuple[int, Text]]]

#: The most causes listed under one evaluation change (the JSON has them all).
_CAUSES_SHOWN = 3

_MARK_STYLE = {"+": "green", "-": "red", "→": "cyan", "~": "yellow"}
_SEMANTICS = {
    "grounded": "grounded labels",
    "dfquad": "DF-QuAD strengths",
    "all": "grounded labels and DF-QuAD strengths",
}
#: How a changed claim field reads.
_CLAIM_WORDS = {
    "text": "reworded",
    "tags": "retagged",
    "quotes": "re-quoted",
    "qualifier": "qualifier",
    "base_score": "base score",
    "note": "note",
    "meta": "meta",
}
_RELATION_WORDS = {
    "kind": "kind",
    "premises": "premises",
    "target": "retargeted",
    "label": "label",
    "scheme": "scheme",
    "meta": "meta",
}


def diff_report(d: MapDiff) -> RenderableType:
    """The diff as a rich renderable (what ``argmap diff`` prints).

    Raises:
        ParameterError: if ``d`` is not what :func:`argmap.diff` returns.
    """
    if not isinstance(d, MapDiff):
        msg = f"d must be what argmap.diff() returns, not {shown(d)}"
        raise ParameterError(msg)
    parts: list[RenderableType] = [_plain(*_header(d))]
    if d.fields:
        parts.append(_section("Map", [_entry("~", _map_field(f)) for f in d.fields]))
    for title, part, noun in (
        ("Claims", d.claims, "claim"),
        ("Relations", d.relations, "relation"),
    ):
        if not part.same:
            parts.append(_section(_counted(title, part), _part_lines(part, noun)))
    if not d.theses.same or d.theses.renamed:
        parts.append(_section("Theses", _thesis_lines(d)))
    if not d.sources.same:
        parts.append(_section(_counted("Sources", d.sources), _part_lines(d.sources, "source")))
    if d.semantics is not None:
        parts.append(_evaluation(d))
    return Group(*parts)


# -- pieces ---------------------------------------------------------------------------------


def _header(d: MapDiff) -> list[Text]:
    title = Text()
    title.append_text(text(d.before_id, "bold"))
    if d.after_id != d.before_id:
        title.append(" → ")
        title.append_text(text(d.after_id, "bold"))
    if d.same:
        title.append(": the same argument")
        lines = [title]
        if d.reordered:
            lines.append(Text(f"only the order of {_and(d.reordered)} differs", style="dim"))
        return lines
    counts = []
    for noun, part in (("claim", d.claims), ("relation", d.relations), ("source", d.sources)):
        n = len(part.added) + len(part.removed) + len(_touched(part))
        if n:
            counts.append(plural(n, f"{noun} changed", f"{noun}s changed"))
    if d.semantics is not None:
        moved = len({c.after_id for c in d.evaluation})
        counts.append(plural(moved, "claim evaluates", "claims evaluate") + " differently")
    title.append(": " + (", ".join(counts) if counts else "changed"))
    lines = [title]
    if d.reordered:
        lines.append(Text(f"{_and(d.reordered)} also stand in another order", style="dim"))
    return lines


def _touched(part: Changes[Any]) -> set[str]:
    return {r.after for r in part.renamed} | {e.after for e in part.changed}


def _counted(title: str, part: Changes[Any]) -> str:
    bits = [
        f"{len(part.added)} added" if part.added else "",
        f"{len(part.removed)} removed" if part.removed else "",
        f"{len(part.renamed)} renamed" if part.renamed else "",
        f"{len(part.changed)} changed" if part.changed else "",
    ]
    return f"{title}: " + ", ".join(b for b in bits if b)


def _and(words: Iterable[str]) -> str:
    items = list(words)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class _Entries:
    """Entries, each a mark and lines that wrap under the first line's text, not the mark.

    An entry without a mark is a plain line. Lines are rendered without padding, and
    without the spaces rich leaves where it wraps, so that no line ends in a space.
    """

    def __init__(self, entries: Iterable[_Entry], indent: int = 2) -> None:
        self.entries = list(entries)
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for mark, lines in self.entries:
            hang = self.indent + (len(mark) + 1 if mark else 0)
            for n, (extra, line) in enumerate(lines):
                width = max(1, options.max_width - hang - extra)
                # Text wraps itself: far cheaper than console.render_lines per line.
                for k, part in enumerate(line.wrap(console, width)):
                    segments = list(part.render(console))
                    if n == 0 and k == 0:
                        yield Segment(" " * self.indent)
                        if mark:
                            yield Segment(mark, console.get_style(_MARK_STYLE.get(mark, "")))
                            yield Segment(" ")
                    else:
                        yield Segment(" " * (hang + extra))
                    yield from _rstrip(segments)
                    yield Segment.line()


def _rstrip(segments: list[Segment]) -> list[Segment]:
    """A rendered line without the spaces at its end."""
    out = list(segments)
    while out and not out[-1].control and not out[-1].text.rstrip():
        out.pop()
    if out and not out[-1].control:
        last = out[-1]
        out[-1] = Segment(last.text.rstrip(), last.style, last.control)
    return out


def _plain(*lines: Text) -> _Entries:
    """Lines of their own, not indented."""
    return _Entries([("", [(0, line)]) for line in lines], indent=0)


def _section(title: str, entries: Iterable[_Entry]) -> Group:
    """A titled list of entries."""
    return Group(Text(), _plain(Text(title, style="bold")), _Entries(entries))


def _entry(mark: str, head: Text, *details: Text) -> _Entry:
    """One entry: its first line, then its details, indented."""
    return mark, [(0, head), *((2, d) for d in details)]


def _id(value: str, style: str = "bold") -> Text:
    return text(repr(value), style)


def _words(before: str, after: str) -> Text:
    """A word-level diff: ``[-removed-]`` and ``{+added+}`` around the words that changed."""
    out = Text()
    previous = ""
    for op, chunk in word_diff(before, after):
        if previous and not (previous == "-" and op == "+"):
            out.append(" ")  # a replacement reads [-old-]{+new+}, as git's word diff
        previous = op
        if op == "=":
            out.append(clean(chunk))
        elif op == "-":
            out.append(f"[-{clean(chunk)}-]", style="red strike")
        else:
            out.append(f"{{+{clean(chunk)}+}}", style="green")
    return out


def _value(value: object) -> str:
    """A field's value in a line of the report."""
    if value is None or value == "":
        return "none"
    if isinstance(value, Quote):
        return f"“{value.text}” ({value.source})"
    if isinstance(value, tuple):
        return ", ".join(repr(v) if isinstance(v, str) else _value(v) for v in value) or "none"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, str):
        return repr(value)
    return str(value)


def _map_field(f: FieldChange) -> Text:
    if f.name == "meta":
        return Text("meta changed")
    return text(f"{f.name}: {_value(f.before)} → {_value(f.after)}")


# -- claims, relations, sources -------------------------------------------------------------


def _part_lines(part: Changes[Any], noun: str) -> list[_Entry]:
    lines = [_entry("+", _element(noun, p.item)) for p in part.added]
    lines.extend(_entry("-", _element(noun, p.item)) for p in part.removed)
    for r in part.renamed:
        body = _id(r.before, "")
        body.append(" renamed ")
        body.append_text(_id(r.after))
        body.append(f" ({r.rule}{'' if r.score == 1.0 else f', {r.score:.2f}'})", style="dim")
        lines.append(_entry("→", body))
    lines.extend(_changed(e, noun) for e in part.changed)
    return lines


def _element(noun: str, item: Any) -> Text:  # noqa: ANN401 - a claim, relation or source
    """An element added or removed: its id and what it says."""
    out = Text()
    if noun == "claim":
        out.append_text(_id(item.id))
        out.append(": ")
        out.append_text(text(item.text))
    elif noun == "relation":
        kind = "rebuttal" if item.kind == "rebuttal" else "support"
        out.append(f"{kind} ")
        out.append_text(_id(item.id))
        out.append(": ")
        out.append_text(text(" + ".join(repr(p) for p in item.premises)))
        out.append(" → ")
        out.append_text(text(repr(item.target)))
    else:
        out.append_text(_id(item.id))
        out.append(": ")
        out.append_text(text(item.title))
    return out


def _changed(e: Edit, noun: str) -> _Entry:
    head = _id(e.after)
    if e.before != e.after:
        head.append_text(text(f" (was {e.before!r})", "dim"))
    return _entry("~", head, *(_field(f, noun) for f in e.fields))


def _field(f: FieldChange, noun: str) -> Text:
    if noun == "claim":
        return _claim_field(f)
    if noun == "relation":
        return _relation_field(f)
    return text(f"{f.name}: {_value(f.before)} → {_value(f.after)}")


def _claim_field(f: FieldChange) -> Text:
    name = _CLAIM_WORDS.get(f.name, f.name)
    if f.name == "text":
        out = Text(f"{name}: ")
        out.append_text(_words(f.before, f.after))
        return out
    if f.name == "implicit":
        return Text("now implicit" if f.after else "now explicit (stated)")
    if f.name == "tags":
        return Text(f"{name}: ").append_text(_added_removed(f.before, f.after, repr))
    if f.name == "quotes":
        return Text(f"{name}: ").append_text(_added_removed(f.before, f.after, _value))
    if f.name == "meta":
        return Text("meta changed")
    return text(f"{name}: {_value(f.before)} → {_value(f.after)}")


def _added_removed(before: tuple[Any, ...], after: tuple[Any, ...], show: Any) -> Text:  # noqa: ANN401
    """What a list gained and lost (or that only its order changed)."""
    gained = [x for x in after if x not in before]
    lost = [x for x in before if x not in after]
    out = Text()
    for sign, items, style in (("+", gained, "green"), ("-", lost, "red")):
        for x in items:
            if out:
                out.append(" ")
            out.append(sign + clean(show(x)), style=style)
    if not out:
        out.append("the same, in another order")
    return out


def _relation_field(f: FieldChange) -> Text:
    name = _RELATION_WORDS.get(f.name, f.name)
    if f.name == "premises":
        shape = {True: "linked", False: "single"}
        before, after = shape[len(f.before) > 1], shape[len(f.after) > 1]
        change = f" ({before} → {after})" if before != after else ""
        return text(f"{name}: {_value(f.before)} → {_value(f.after)}{change}")
    if f.name == "meta":
        return Text("meta changed")
    return text(f"{name}: {_value(f.before)} → {_value(f.after)}")


# -- theses and the evaluation --------------------------------------------------------------


def _thesis_lines(d: MapDiff) -> list[_Entry]:
    t = d.theses
    lines = [_entry("+", _id(x).append(" is now a thesis", style="")) for x in t.added]
    lines.extend(_entry("-", _id(x).append(" is no longer a thesis", style="")) for x in t.removed)
    for old, new in t.renamed:
        lines.append(_entry("→", _id(old, "").append(" renamed ").append_text(_id(new))))
    for v in t.verdicts:
        body = Text("verdict on ")
        body.append_text(_id(v.id))
        body.append(f": {v.before or 'none'} → {v.after or 'none'}")
        lines.append(_entry("~", body))
    if t.reordered:
        lines.append(_entry("~", Text("the theses stand in another order")))
    return lines


def _places(before: float, after: float) -> int:
    """Three decimals, or as many more (up to nine) as it takes to show the move at all."""
    places = 3
    while places < 9 and (
        f"{before:.{places}f}" == f"{after:.{places}f}"
        or float(f"{after - before:.{places}f}") == 0
    ):
        places += 1
    return places


def _evaluation(d: MapDiff) -> Group:
    title = f"Evaluation ({_SEMANTICS.get(str(d.semantics), str(d.semantics))})"
    if not d.evaluation:
        return _section(title, [_entry("=", Text("no claim evaluates differently"))])
    return _section(title, [_moved(c) for c in d.evaluation])


def _moved(c: EvaluationChange) -> _Entry:
    head = _id(c.after_id)
    head.append("  ")
    if isinstance(c.before, Label) and isinstance(c.after, Label):
        head.append(c.before.upper(), style=LABEL_STYLE.get(c.before.value, ""))
        head.append(" → ")
        head.append(c.after.upper(), style=LABEL_STYLE.get(c.after.value, ""))
    else:
        before, after = float(c.before), float(c.after)
        places = _places(before, after)
        head.append(
            f"strength {before:.{places}f} → {after:.{places}f} ({after - before:+.{places}f})"
        )
    details: list[Text] = []
    if c.causes:
        shown_causes = "; ".join(c.because[:_CAUSES_SHOWN])
        more = len(c.causes) - _CAUSES_SHOWN
        tail = f" (and {more} more)" if more > 0 else ""
        details.append(text(f"because {shown_causes}{tail}"))
    if c.semantics == "grounded":
        if c.why_after:
            details.append(text(f"now: {c.why_after}"))
        if c.why_before:
            details.append(text(f"was: {c.why_before}"))
    return _entry("~", head, *details)
