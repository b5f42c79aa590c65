"""What changed between two versions of a map, and what it did to the verdicts.

>>> import argmap
>>> b = argmap.MapBuilder("lunch", "Should we eat out?")
>>> out = b.thesis("eat-out", "We should eat out today.")
>>> _ = b.claim("sunny", "The weather is fine.").supports(out)
>>> before = b.build()
>>> _ = b.claim("deadline", "The release is due at two.").rebuts(out)
>>> after = b.build()
>>> d = argmap.diff(before, after)
>>> [p.id for p in d.claims.added], [p.id for p in d.relations.added]
(['deadline'], ['deadline--rebuts--eat-out'])
>>> change = d.evaluation[0]
>>> change.after_id, change.before, change.after
('eat-out', <Label.IN: 'in'>, <Label.OUT: 'out'>)
>>> change.because
("rebuttal 'deadline--rebuts--eat-out' added",)
>>> d.apply(before) == after, argmap.diff(after, before) == d.inverse()
(True, True)

:func:`diff` matches the claims, relations and sources of the two maps (by id, then as
:mod:`~argmap.diff.match` says), lists what was added, removed, renamed and changed
(:mod:`~argmap.diff.values`), and evaluates both maps to say which claims moved and which
edits moved them (:mod:`~argmap.diff.delta`). A :class:`MapDiff` is also an edit script
(:meth:`MapDiff.apply`, :mod:`~argmap.diff.patch`), has an inverse, and gives the JSON of
``argmap diff --json`` (:meth:`MapDiff.to_json`, :mod:`~argmap.diff.shape`).
:mod:`~argmap.diff.words` holds the rule for "nearly the same text" and the word-level
diff of a reworded claim; the terminal report is
:func:`argmap.render.terminal.diff_report`.
"""

from __future__ import annotations

from argmap.diff.compare import diff
from argmap.diff.delta import STRENGTH_TOLERANCE
from argmap.diff.match import RENAME_THRESHOLD
from argmap.diff.values import (
    Cause,
    Changes,
    Edit,
    EvaluationChange,
    FieldChange,
    MapDiff,
    Placed,
    Rename,
    ThesisChanges,
    VerdictChange,
)
from argmap.diff.words import similarity, word_diff

__all__ = [
    "RENAME_THRESHOLD",
    "STRENGTH_TOLERANCE",
    "Cause",
    "Changes",
    "Edit",
    "EvaluationChange",
    "FieldChange",
    "MapDiff",
    "Placed",
    "Rename",
    "ThesisChanges",
    "VerdictChange",
    "diff",
    "similarity",
    "word_diff",
]
