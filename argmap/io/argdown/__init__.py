"""Argdown: read Argdown text into a map, and write maps as Argdown.

`Argdown <https://argdown.org>`_ writes argument maps as text: statements (``[Title]:
text``), arguments (``<Title>: text``), relations indented below them (``+`` support,
``-`` attack, ``_`` undercut, ``><`` contradiction, and ``+>``, ``->``, ``_>`` for the
other direction), premise-conclusion structures (numbered statements with ``----``
inference lines), headings, tags, comments and YAML metadata.

Reading (:func:`loads`) parses the whole Argdown 1.7 syntax with argmap's own parser
(:func:`parse` gives Argdown's own view: statements, arguments, relations, sections) and
then maps it onto argmap:

* Each statement (an *equivalence class*: every statement with the same title) becomes a
  claim, with its last defined text, its tags and its title as id (spaces become hyphens).
* An argument with a premise-conclusion structure becomes a support from its premises to
  its conclusion (one per inference step, each step using the statements since the last
  conclusion, and that conclusion). An argument without one becomes a claim: its text is
  the argument's gist.
* Relations become supports and rebuttals, read as Argdown reads them: a relation from an
  argument with premises comes from its conclusion; an undercut of such an argument
  attacks its inference; an attack on it undercuts its inference too (Argdown does not
  say which premise), and a support of it supports its conclusion (both marked in
  ``meta["argdown"]``). A contradiction becomes two rebuttals, one each way.
* Tags, headings (as the claim's ``section``), metadata and the front matter are kept in
  ``meta["argdown"]``; the claims no relation uses as a premise become the theses.

Writing (:func:`dumps`) gives an Argdown document that Argdown's own tool reads without
error: a front matter with the title and what Argdown has no syntax for (``argmap:`` the
map's id, description, sources, theses and verdicts), each claim as ``[id]: text #tags``
with its quotes and other fields as ``{"argmap": ...}`` data, then each relation in map
order: a single premise as ``+``, ``-`` or ``_`` below its target, and linked premises (or
a relation that is undercut, or has a label, scheme, metadata or an id of its own) as an
argument with a premise-conclusion structure. A rebuttal in that form concludes a
statement that says it is not so, which attacks the target (``->``) or undercuts the
relation (``_>``).

Argdown cannot carry line breaks inside a text (each, with the spaces around it, is
written as one space), nor spaces and tabs at its ends; runs of spaces and tabs are
escaped. Everything else survives argmap → Argdown → argmap: an id Argdown would read as
syntax gets a stand-in title (the id travels as data), what ``meta["argdown"]`` holds
beyond what the syntax says travels as argmap's data too (reading takes it instead of
what the syntax says), and the kept front matter is written back only where it cannot
change the map. A map that cannot be written so (no claim, a claim without text, a
repeated id, a relation with no, a repeated or an unknown premise, an unknown target...)
is refused with a :class:`~argmap.FormatError` naming what cannot be written.

The package is a pipeline, one module per step, as ``@argdown/core`` is laid out:
:mod:`.lexer` (text → tokens), :mod:`.parser` (tokens → the tree of :mod:`.tree`),
:mod:`.model` (the tree → Argdown's model: equivalence classes, arguments, normalised
relations; metadata blocks by :mod:`.metadata`, YAML by :mod:`.yaml`, the front matter by
:mod:`.frontmatter`), :mod:`.document` (that model as Argdown's own view, :func:`parse`),
:mod:`.reader` (the model → a map, :func:`loads`), and :mod:`.writer` (a map → Argdown,
:func:`dumps`, with :mod:`.escape` for text, titles, tags and data). What argmap wrote
itself is read without the pipeline by :mod:`.written` (see there); :func:`loads` tries it
first.
"""

from __future__ import annotations

from argmap.io.argdown.document import (
    ArgdownArgument,
    ArgdownRelation,
    ArgdownStatement,
    Document,
    Section,
    parse,
)
from argmap.io.argdown.escape import flatten
from argmap.io.argdown.frontmatter import DEFAULT_ID, DEFAULT_TITLE
from argmap.io.argdown.reader import loads
from argmap.io.argdown.writer import dumps

__all__ = [
    "DEFAULT_ID",
    "DEFAULT_TITLE",
    "ArgdownArgument",
    "ArgdownRelation",
    "ArgdownStatement",
    "Document",
    "Section",
    "dumps",
    "flatten",
    "loads",
    "parse",
]
