"""Problems: what is wrong with a map, each in one line that names the id and says what to do.

:func:`argmap.validate` and :func:`argmap.check_quotes` return :class:`Problem` values;
:class:`~argmap.errors.InvalidMapError` carries them. This module sits with the model, so
that the errors can name problems without importing the checks that find them.
"""

from __future__ import annotations

import enum

import attrs

__all__ = ["CODES", "QUOTE_CODES", "Problem", "Severity"]


class Severity(enum.StrEnum):
    """How bad a problem is: an error makes a map unusable, a warning is worth a look."""

    ERROR = "error"
    WARNING = "warning"


#: Every problem code, with its severity and what it means.
CODES: dict[str, tuple[Severity, str]] = {
    "no-thesis": (Severity.ERROR, "the map names no thesis"),
    "unknown-thesis": (Severity.ERROR, "a thesis is not a claim of the map"),
    "repeated-thesis": (Severity.ERROR, "a thesis is listed twice"),
    "verdict-not-thesis": (Severity.ERROR, "a verdict is given for a claim that is no thesis"),
    "bad-id": (Severity.ERROR, "an id (the map's too) is empty or holds spaces or controls"),
    "duplicate-id": (Severity.ERROR, "two claims or relations share an id"),
    "duplicate-source": (Severity.ERROR, "two sources share an id"),
    "empty-text": (Severity.ERROR, "a claim or quote has no text"),
    "bad-score": (Severity.ERROR, "a base score is not a number in [0, 1]"),
    "unknown-source": (Severity.ERROR, "a quote cites a source the map does not list"),
    "no-premises": (Severity.ERROR, "a relation has no premise"),
    "repeated-premise": (Severity.ERROR, "a relation lists the same premise twice"),
    "unknown-premise": (Severity.ERROR, "a relation cites a premise that is not a claim"),
    "unknown-target": (Severity.ERROR, "a relation's target is neither claim nor relation"),
    "support-of-relation": (Severity.ERROR, "a support targets a relation, not a claim"),
    "self-premise": (Severity.ERROR, "a relation's premises include its own target"),
    "self-undercut": (Severity.ERROR, "a rebuttal undercuts itself"),
    "circular-support": (Severity.ERROR, "claims support each other in a circle"),
    "orphan": (Severity.WARNING, "a claim bears on no thesis"),
    "implicit-quoted": (Severity.WARNING, "an implicit claim carries a quote"),
}

#: The problems :func:`argmap.check_quotes` finds by reading the sources' own texts, with
#: their severity and what they mean (kept apart: no map alone can show them).
QUOTE_CODES: dict[str, tuple[Severity, str]] = {
    "not-verbatim": (Severity.ERROR, "a quote does not occur verbatim in its source's text"),
}


@attrs.frozen
class Problem:
    """One thing wrong with a map.

    Attributes:
        code: what kind of problem it is (a key of :data:`CODES` or :data:`QUOTE_CODES`).
        subject: the id of the claim, relation, source or thesis concerned.
        message: one line that names the id and says what to do.
    """

    code: str
    subject: str
    message: str

    @property
    def severity(self) -> Severity:
        """The code's severity."""
        return (CODES.get(self.code) or QUOTE_CODES[self.code])[0]

    @property
    def is_error(self) -> bool:
        """True for errors, False for warnings."""
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        return f"{self.severity}: {self.message}"
