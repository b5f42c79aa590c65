r"""Terminal views: the gist of a map as rich renderables, and the evaluation as text.

:func:`summary` gives a map's header (title, citation, the sources' own verdicts), then for
each thesis its case for and its case against as a tree, then a footer of counts;
:func:`overview` gives one row per map; :func:`agreement_matrix` shows the side each source
argues the shared claims on. Each returns a rich renderable, so ``rich.print(...)`` shows it in a
terminal or a notebook, and :func:`to_text` gives it as plain text:

>>> from argmap import MapBuilder
>>> from argmap.render.terminal import summary, to_text
>>> b = MapBuilder("tea", "Tea or coffee?")
>>> tea = b.thesis("tea", "Tea beats coffee.")
>>> _ = b.claim("calm", "Tea calms [bold]you[/bold].").supports(tea)
>>> text = to_text(summary(b.build()), width=60)
>>> print(text[text.index("Thesis") : text.index("In all")].strip())
Thesis 1 of 1: Tea beats coffee.
tea
├── Case for: 1 reason
│   └── ✚ Tea calms [bold]you[/bold].
└── Case against: none given

:func:`report` gives an evaluation as plain text (what ``argmap evaluate`` prints), and
:func:`diff_report` the changes between two maps (what ``argmap diff`` prints).

Claim text is data: rich markup in it prints literally, and control characters are shown
escaped (``\x1b``), never sent to the terminal.

Each view lives in a module of its own, imported when first used (the plain-text report
loads no rich): ``console`` (:func:`make_console`, :func:`to_text`), ``trees``
(:func:`summary`, whose trees the ``outline`` module plans), ``table`` (:func:`overview`),
``matrix`` (:func:`agreement_matrix`), ``evaluation`` (:func:`report`) and ``changes``
(:func:`diff_report`). No module is named after a function, so importing one never hides
a function of the package. Every view
refuses a width narrower than the one it is laid out for (:data:`MIN_WIDTH`,
:data:`REPORT_MIN_WIDTH`) with a ParameterError.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.render.terminal.changes import diff_report
    from argmap.render.terminal.console import MIN_WIDTH, make_console, to_text
    from argmap.render.terminal.evaluation import MIN_WIDTH as REPORT_MIN_WIDTH
    from argmap.render.terminal.evaluation import report
    from argmap.render.terminal.matrix import agreement_matrix
    from argmap.render.terminal.table import overview
    from argmap.render.terminal.trees import DEFAULT_DEPTH, summary

__all__ = [
    "DEFAULT_DEPTH",
    "MIN_WIDTH",
    "REPORT_MIN_WIDTH",
    "agreement_matrix",
    "diff_report",
    "make_console",
    "overview",
    "report",
    "summary",
    "to_text",
]

# Where each name lives: (module, its name there).
_WHERE = {
    "DEFAULT_DEPTH": ("trees", "DEFAULT_DEPTH"),
    "MIN_WIDTH": ("console", "MIN_WIDTH"),
    "REPORT_MIN_WIDTH": ("evaluation", "MIN_WIDTH"),
    "agreement_matrix": ("matrix", "agreement_matrix"),
    "diff_report": ("changes", "diff_report"),
    "make_console": ("console", "make_console"),
    "overview": ("table", "overview"),
    "report": ("evaluation", "report"),
    "summary": ("trees", "summary"),
    "to_text": ("console", "to_text"),
}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - the names above, of any type
    if name not in _WHERE:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    module, attribute = _WHERE[name]
    value = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
