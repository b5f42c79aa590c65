"""AIF JSON, as AIFdb and OVA write it: read it into a map, and write maps as AIF.

The Argument Interchange Format (AIF) draws an argument as a graph of *information* nodes
(I, the claims) and *scheme* nodes between them: RA (inference), CA (conflict), MA
(rephrase) and PA (preference). Corpora analysed in AIFdb and OVA add the dialogue: L
(locution) nodes for what was said, YA (illocution) nodes that anchor claims and scheme
nodes in it, TA (transition) nodes between locutions, and a ``locutions`` table with
speakers and times.

Reading (:func:`loads`):

* I-nodes become claims; their ids come from the node ids (``"378"`` stays ``"378"``;
  spaces and control characters become hyphens, and a repeat gets ``-2``, ``-3``).
* RA-nodes become supports (every I-node pointing at the RA is a premise; together they are
  linked); CA-nodes become rebuttals, and a CA that points at an RA or CA that is itself a
  relation is an undercut. The scheme name is kept in ``scheme`` (the defaults "Default
  Inference" and "Default Conflict" read as no scheme).
* Everything else is kept as it was, so that :func:`dumps` writes it back: MA and PA
  nodes, the dialogue layer (L, TA, YA nodes, their edges, the ``locutions`` table,
  participants and any other top-level field), and every node field argmap has no field
  for (timestamps, scheme ids). The claims and relations carry their node in
  ``meta["aif"]``; the rest lives in the map's ``meta["aif"]``, and :func:`layer` gives a
  typed view of it.
* Messy input loads with an :class:`~argmap.ArgmapWarning` for each kind of oddity: an
  edge between two I-nodes, a self-loop, an edge to an unknown node, a repeated node id or
  premise, an RA or CA with no premise or no conclusion (or more than one conclusion).
  What argmap cannot place stays in the AIF layer, untouched. Only what cannot be read at
  all (not JSON, a node that is not an object or has no usable ``nodeID``) raises
  :class:`~argmap.FormatError`, naming the node.
* AIF has no theses: the claims that no relation uses as a premise become the theses.

Writing (:func:`dumps`) follows AIFdb's conventions: I-nodes for claims, an RA or CA node
per relation with edges from each premise to it and from it to the conclusion (a CA that
undercuts points at the relation's RA or CA), and the scheme labels "Default Inference"
(scheme id 72) and "Default Conflict" (71) where nothing more specific is known. Quotes
become L-nodes anchored to their claim by a YA "Asserting" node (scheme id 74), with a
``locutions`` entry whose ``source`` is the quote's source id. What AIF has no place for
(the map's id, title and description, sources, theses and verdicts, implicit flags, tags,
notes, base scores, labels and metadata) goes into one extra top-level object,
``"argmapExtra"``, which AIF tools ignore; it is left out when there is nothing to say.
Node ids are argmap's ids, or numbers as in AIFdb with ``numeric_ids=True`` (then
``argmapExtra`` maps them back).

So AIF → argmap → AIF gives back the same document (every node, edge and locution, with
its ids), and argmap → AIF → argmap gives back the same map.

Modules: :mod:`.reader` (:func:`loads`, with :mod:`.oddities` for its warnings and
:mod:`.quotes` for argmap's own quote nodes), :mod:`.written` (AIF that argmap wrote, read
straight into the map it was written from, without bookkeeping: it checks each node, edge
and ``argmapExtra`` entry against what the writer writes for it, and leaves any other
document to the general reader), :mod:`.writer` (:func:`dumps`, :func:`to_dict`),
:mod:`.extra` (``argmapExtra``, both ways), :mod:`.bookkeeping` (what a map keeps in
``meta["aif"]``), :mod:`.layer` (:func:`layer`, its typed view), :mod:`.roundtrip` (the
check that decides what bookkeeping to drop: the one place where reading calls the
writer) and :mod:`.terms` (AIF's node types, schemes and ids).
"""

from __future__ import annotations

from argmap.io.aif.extra import name_after_file
from argmap.io.aif.layer import Edge, Layer, Node, layer
from argmap.io.aif.reader import loads
from argmap.io.aif.terms import DEFAULT_ID, DEFAULT_TITLE, EXTRA_KEY
from argmap.io.aif.writer import dumps, to_dict

__all__ = [
    "DEFAULT_ID",
    "DEFAULT_TITLE",
    "EXTRA_KEY",
    "Edge",
    "Layer",
    "Node",
    "dumps",
    "layer",
    "loads",
    "name_after_file",
    "to_dict",
]
