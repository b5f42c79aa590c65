"""The evaluation as plain text: per thesis its values, reasons, cruxes and influences.

:func:`report` is what ``argmap evaluate`` prints. Claims are named by their id and a
shortened text, relations by the claims they come from (``support from 'grant'``), and every
value names its semantics (``grounded: OUT · QE: 0.620 · DF-QuAD: 0.750``; see
:mod:`argmap.render.terminal.marks`); a what-if question is stated under the title, and a
line under a thesis says when a gradual semantics has saturated there. No line is longer
than ``width`` (an id too long for a line is broken), so the report reads in an 80-column
terminal and stays stable as a golden file; a width narrower than :data:`MIN_WIDTH` is
refused. Every line goes through :func:`argmap.text.clean` as it is added: texts and ids
from the map (its id, title, claims) cannot act on the terminal or start a line of their
own. Plain text needs no rich: this module loads none.
"""

from __future__ import annotations

import re
import textwrap

from argmap._checks import map_arg
from argmap.errors import ParameterError
from argmap.evaluate import SATURATION, SEMANTICS_NAMES, Evaluation, Label
from argmap.model import ArgumentMap, ClaimId, Relation, RelationId
from argmap.render._args import evaluation_arg, width_arg
from argmap.render.terminal import marks
from argmap.text import clean

__all__ = ["DEFAULT_WIDTH", "MIN_WIDTH", "report"]

_SHOWN = 10  # the most rows of one list shown per thesis
_INFLUENCE_SHOWN = 5
#: The width the report is laid out for when not told.
DEFAULT_WIDTH = 80
#: The narrowest width the report is laid out for.
MIN_WIDTH = 40


class _Lines:
    """Lines of the report, each made safe, then wrapped to the width with a hanging indent."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.lines: list[str] = []

    def add(self, text: str, indent: int = 0, hang: int = 4, *, status: str = "") -> None:
        """Add ``text``, then ``: status`` if given, wrapped; a long word is broken, never let run.

        A status is the report's own words: its no-break spaces (``_GLUE``, as in
        ``DF-QuAD: 0.867``) hold two words on one line and print as spaces. The map's own
        no-break spaces are kept apart from them while wrapping and print as themselves.
        """
        body = clean(text).replace(_GLUE, _OWN_GLUE)
        if status:
            body = f"{body}: {status}" if body else status
        lines = textwrap.wrap(
            body,
            self.width,
            initial_indent=" " * indent,
            subsequent_indent=" " * (indent + hang),
            break_long_words=True,
            break_on_hyphens=False,
        )
        self.lines.extend(
            [line.replace(_GLUE, " ").replace(_OWN_GLUE, _GLUE) for line in lines] or [""]
        )


def _label(value: Label | None) -> str:
    return marks.LABEL_WORD.get(value, str(value)).upper() if value is not None else "-"


def _short(text: str, room: int) -> str:
    """``text`` on one line of at most ``room`` characters, cut at a word with "…"."""
    flat = " ".join(clean(text).split())
    if len(flat) <= room:
        return flat
    cut = flat[: max(room - 1, 1)]
    if " " in cut[room // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


#: Glues a semantics' name to its value, so that a wrapped line never parts them.
_GLUE = "\u00a0"
# A noncharacter: clean() escapes every one a map holds, so each one in a cleaned text
# stands for a no-break space of the map while its line is wrapped.
_OWN_GLUE = "\ufdd0"


def _status(e: Evaluation, node: str, *, relation: bool = False) -> str:
    """``grounded: IN · DF-QuAD: 0.562``: each semantics' value, named (and kept with it)."""
    return " · ".join(
        f"{p.semantics.name}:{_GLUE}{p.shown(3).upper() if p.label is not None else p.shown(3)}"
        for p in marks.parts(e, node, relation=relation, every=True)
    )


def _relation_name(r: Relation) -> str:
    """How the report names a relation: by the claims it comes from (``from 'a' + 'b'``)."""
    return "from " + " + ".join(repr(p) for p in r.premises) if r.premises else repr(r.id)


_QUOTED = re.compile(r"'[^'\\]*'|\"[^\"\\]*\"")


# The word before a list of quoted ids ("rebuttal 'a' and 'b'"), which names their kind
# unless it is "and" ("no support holds and 'r' is undecided").
_LEAD = re.compile(r"(\w+) \(?(?:'[^'\\]*'(?:,? and |, ))*$")


def _named(m: ArgumentMap, reason: str) -> str:
    """A reason with each relation id in it replaced by the claims the relation comes from.

    Where the reason does not say the relation's kind ("no support holds and 'r' is
    undecided"), the name does: "support from 'a'".
    """

    def name(match: re.Match[str]) -> str:
        quoted = match.group()
        inner = quoted[1:-1]
        r = m.relations_by_id.get(RelationId(inner))
        if r is None or repr(inner) != quoted:
            return quoted
        lead = _LEAD.search(reason, 0, match.start())
        if lead is not None and lead.group(1) == "and":
            return f"{m.kind(r).value} {_relation_name(r)}"
        return _relation_name(r)

    return _QUOTED.sub(name, reason)


def _premise_texts(m: ArgumentMap, r: Relation, room: int) -> str:
    """The texts of a relation's premises on one line of at most ``room`` characters."""
    texts = [m.claims_by_id[p].text for p in r.premises if p in m.claims_by_id]
    if not texts:
        return ""
    each = max((room - 3 * (len(texts) - 1)) // len(texts), 8)
    return _short(" + ".join(_short(t, each) for t in texts), room)


def report(m: ArgumentMap, evaluation: Evaluation, width: int = DEFAULT_WIDTH) -> str:
    """The evaluation of ``m`` as text, thesis by thesis, in lines of at most ``width``.

    Args:
        m: the map.
        evaluation: what :func:`argmap.evaluate` found for it.
        width: the most columns a line may take.

    Raises:
        ParameterError: if ``m`` is not a map, ``evaluation`` not an evaluation, or
            ``width`` not a whole number of at least :data:`MIN_WIDTH`.
    """
    m = map_arg(m, "m")
    e = evaluation_arg(evaluation)
    if e is None:
        msg = "evaluation must be what argmap.evaluate() returns, not None"
        raise ParameterError(msg)
    out = _Lines(width_arg(width, MIN_WIDTH))
    parts = ["grounded labels"] if e.labels else []
    for name, part in e.gradual.items():
        settled = "converged" if part.converged else f"NOT converged after {part.iterations} rounds"
        parts.append(f"{_NAMES.get(name, name)} strengths ({settled})")
    out.add(f"{m.id}: {m.title}")
    out.add(", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts))
    if e.assumed or e.base_scores:
        out.add(f"what if: {_what_if(m, e)}")
    for name, part in e.gradual.items():
        if part.converged and part.influence and not part.influence_converged:
            out.add(
                f"note: {_NAMES.get(name, name)}'s influence did not settle within the "
                "iteration bound on a cycle; its figures are the last pass's"
            )
    if e.cut_short:
        out.add(f"note: {e.cut_short_note}")
    for thesis in m.theses:
        out.lines.append("")
        _thesis(out, m, e, thesis)
    return "\n".join(out.lines) + "\n"


#: Each gradual semantics as the report's header names it.
_NAMES = {"quadratic": "quadratic-energy (QE)", "dfquad": "DF-QuAD"}


def _what_if(m: ArgumentMap, e: Evaluation) -> str:
    """The what-if question: the assumptions, then the base scores set."""
    parts = [f"{claim!r} assumed {label}" for claim, label in e.assumed.items()]
    for claim, score in e.base_scores.items():
        own = m.claims_by_id[claim].base_score
        was = "unset, 0.5" if own is None else f"{own:g}"
        parts.append(f"base score of {claim!r} {score:g} (the map's: {was})")
    return "; ".join(parts)


def _saturation(e: Evaluation, claim: ClaimId) -> list[str]:
    """One line per gradual semantics whose combination saturated at ``claim``."""
    lines = []
    for name, part in e.gradual.items():
        sides = part.saturated.get(claim, ())
        if not sides:
            continue
        if len(sides) == 2:
            what = (
                "its support and attack aggregates are both within "
                f"{SATURATION:g} of 1, so its strength stays near its base score however "
                "the two sides compare"
            )
        else:
            side = "reasons" if sides[0] == "support" else "objections"
            what = (
                f"its {sides[0]} aggregate is within {SATURATION:g} of its limit: more "
                f"{side} cannot move its strength"
            )
        lines.append(f"saturated ({SEMANTICS_NAMES.get(name, name)}): {what}")
    return lines


def _headed(out: _Lines, head: str, status: str, indent: int) -> None:
    """``head: status`` on a line, or the status on a line of its own if both do not fit."""
    if not status:
        out.add(head, indent)
    elif indent + len(head) + 2 + len(status) <= out.width:
        out.add(head, indent, status=status)
    else:
        out.add(f"{head}:", indent)
        out.add("", indent + 4, status=status)


def _thesis(out: _Lines, m: ArgumentMap, e: Evaluation, thesis: ClaimId) -> None:
    status = _status(e, thesis)
    _headed(out, f"thesis {thesis!r}", status, 0)
    out.add(m.claim(thesis).text, indent=2, hang=0)
    if thesis in e.reasons:
        out.add(f"why: {_named(m, e.reasons[thesis])}", indent=2)
    for line in _saturation(e, thesis):
        out.add(line, indent=2)
    _relations_into(out, m, e, thesis)
    if thesis in e.cruxes:
        _cruxes(out, m, e, thesis)
    if thesis in e.cut_short:
        out.add(f"{' and '.join(e.cut_short[thesis])}: cut short (see the note above)", indent=2)
    ranking = [(c, d) for c, d in e.influence.get(thesis, ()) if d]
    if ranking:
        name = SEMANTICS_NAMES.get(e.strength_semantics, e.strength_semantics)
        strength = f"{name} strength" if name else "strength"  # a hand-built evaluation's
        out.add(f"what moves its {strength} most (change per unit of base score):", indent=2)
        for c, d in ranking[:_INFLUENCE_SHOWN]:
            _influence(out, m, c, d)


def _influence(out: _Lines, m: ArgumentMap, claim: str, change: float) -> None:
    """``+0.438  The council should act… (councils-prevent-harm)``, on one line if it fits."""
    head = f"{change:+.3f}  " if abs(change) >= 0.0005 else f"{change:+.0e}  "
    room = out.width - 4 - len(head) - len(clean(claim)) - 3
    text = m.claims_by_id[ClaimId(claim)].text if claim in m.claims_by_id else ""
    if room >= 16 and text:
        out.add(f"{head}{_short(text, room)} ({claim})", indent=4, hang=8)
    else:
        out.add(f"{head}{claim}", indent=4, hang=8)
        if text:
            out.add(_short(text, out.width - 12), indent=12, hang=0)


def _relations_into(out: _Lines, m: ArgumentMap, e: Evaluation, thesis: str) -> None:
    into = m.relations_into(thesis)
    if not into:
        return
    out.add("relations into it:", indent=2)
    for r in into[:_SHOWN]:
        status = _status(e, r.id, relation=True)
        _headed(out, f"{m.kind(r)} {_relation_name(r)}", status, 4)
        if texts := _premise_texts(m, r, out.width - 6):
            out.add(texts, indent=6)
        if r.id in e.reasons:
            out.add(f"why: {_named(m, e.reasons[r.id])}", indent=6)
    if len(into) > _SHOWN:
        out.add(f"... and {len(into) - _SHOWN} more", indent=4)


def _cruxes(out: _Lines, m: ArgumentMap, e: Evaluation, thesis: ClaimId) -> None:
    cruxes = e.cruxes[thesis]
    if not cruxes:
        out.add("cruxes: none (no single rejection changes the verdict)", indent=2)
        return
    out.add("cruxes (rejecting one would change the grounded verdict):", indent=2)
    outcomes = e.crux_outcomes.get(thesis, {})
    for claim in cruxes[:_SHOWN]:
        after = outcomes.get(claim)
        suffix = f" -> thesis {_label(after)}" if after is not None else ""
        out.add(f"{claim!r}{suffix}", indent=4)
        out.add(m.claim(claim).text, indent=6, hang=0)
    if len(cruxes) > _SHOWN:
        out.add(f"... and {len(cruxes) - _SHOWN} more", indent=4)
