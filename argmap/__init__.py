"""argmap: write an argument down as data, check it, weigh it and show it.

>>> import argmap
>>> b = argmap.MapBuilder("lunch", "Should we eat out today?")
>>> _ = b.source("chat", "Team chat, Tuesday")
>>> out = b.thesis("eat-out", "We should eat out today.")
>>> sunny = b.claim("sunny", "The weather is fine.", quote="lovely out there")
>>> _ = sunny.supports(out)
>>> _ = b.claim("deadline", "The release is due at two.", quote="due at 2pm").rebuts(out)
>>> m = b.build()
>>> m.pros("eat-out")[0].premises
('sunny',)
>>> argmap.validate(m)
()
>>> argmap.loads(argmap.dumps(m)) == m
True

The model (:class:`Claim`, :class:`Support`, :class:`Rebuttal`, :class:`Source`,
:class:`ArgumentMap`) is made of frozen values; :class:`MapBuilder` writes maps;
:func:`validate` names every problem (and :func:`check_quotes` every quote not found
verbatim in its source); :func:`evaluate` says which claims stand and how strongly;
:func:`diff` says what changed between two maps and what it did to the evaluation;
:func:`load`, :func:`loads`, :func:`dump` and :func:`dumps` read and write every format
(``format="json"`` is argmap's own).
"""

from __future__ import annotations

import sys

import argmap._startup

# typing.TYPE_CHECKING without importing typing (a twentieth of the command's start-up);
# mypy takes any name TYPE_CHECKING as true.
TYPE_CHECKING = False

# The argmap command imports the public API on first use, so that ``argmap --help``
# starts as fast as Python itself; any other program gets it at once.
_LAZY = not TYPE_CHECKING and argmap._startup.is_command()  # noqa: SLF001 - our own module

if TYPE_CHECKING:
    from typing import Any

if TYPE_CHECKING or not _LAZY:
    import argmap.io
    import argmap.model
    from argmap.build import ClaimRef, MapBuilder, Premises, RelationRef
    from argmap.diff import MapDiff, diff
    from argmap.errors import (
        ArgmapError,
        ArgmapWarning,
        DuplicateIdError,
        EvaluationError,
        FormatError,
        InvalidMapError,
        OutputError,
        ParameterError,
        RenderError,
        UnknownIdError,
        UnknownMapError,
    )
    from argmap.evaluate import Evaluation, Label, evaluate
    from argmap.io import dump, dumps, load, loads
    from argmap.model import (
        ArgumentMap,
        AttackType,
        Claim,
        ClaimId,
        Counts,
        Polarity,
        Quote,
        Rebuttal,
        Relation,
        RelationId,
        RelationKind,
        Source,
        SourceId,
        Support,
        Verdict,
    )
    from argmap.quotes import check_quotes
    from argmap.validate import Problem, Severity, validate

__all__ = [
    "ArgmapError",
    "ArgmapWarning",
    "ArgumentMap",
    "AttackType",
    "Claim",
    "ClaimId",
    "ClaimRef",
    "Counts",
    "DuplicateIdError",
    "Evaluation",
    "EvaluationError",
    "FormatError",
    "InvalidMapError",
    "Label",
    "MapBuilder",
    "MapDiff",
    "OutputError",
    "ParameterError",
    "Polarity",
    "Premises",
    "Problem",
    "Quote",
    "Rebuttal",
    "Relation",
    "RelationId",
    "RelationKind",
    "RelationRef",
    "RenderError",
    "Severity",
    "Source",
    "SourceId",
    "Support",
    "UnknownIdError",
    "UnknownMapError",
    "Verdict",
    "check_quotes",
    "diff",
    "dump",
    "dumps",
    "evaluate",
    "load",
    "loads",
    "validate",
]


def _summary(m: ArgumentMap) -> object:
    """The display hook for rich: the terminal summary (rich loads only now)."""
    from argmap.render.terminal import summary

    return summary(m)


def _drawing(m: ArgumentMap, include: object = None, exclude: object = None) -> dict[str, str]:
    """The display hook for notebooks: the interactive page (graphviz loads only now)."""
    from argmap.render.html import mimebundle

    return mimebundle(m, include, exclude)


#: The modules the public names come from (as imported above).
_MODULES = (
    "argmap.build",
    "argmap.diff",
    "argmap.errors",
    "argmap.evaluate",
    "argmap.io",
    "argmap.model",
    "argmap.quotes",
    "argmap.validate",
)


def _install() -> None:
    """The package's own additions: display hooks and the DOT format."""
    argmap.model.display_hooks.update(rich=_summary, mimebundle=_drawing)
    argmap.io.register(
        argmap.io.Format(
            "dot",
            "argmap.render.dot",
            (".dot", ".gv"),
            readable=False,
            writable=True,
            description="Graphviz DOT, as argmap render draws it",
        )
    )


def _finish_import() -> None:
    """Import the public API now, as ``import argmap`` does in any program but the command."""
    global _LAZY  # noqa: PLW0603 - the one switch, flipped once
    if not _LAZY:
        return
    _LAZY = False
    import importlib

    modules = [importlib.import_module(name) for name in _MODULES]
    found = globals()
    for name in __all__:
        found[name] = next(getattr(m, name) for m in modules if hasattr(m, name))
    _install()


if not _LAZY:
    _install()


def __getattr__(name: str) -> Any:  # noqa: ANN401 - module attributes of any type
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("argmap")
        except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
            return "0+unknown"
    if _LAZY and (name in __all__ or f"argmap.{name}" in _MODULES):
        _finish_import()
        return globals()[name] if name in globals() else sys.modules[f"argmap.{name}"]
    msg = f"module 'argmap' has no attribute {name!r}"
    raise AttributeError(msg)
