"""Why an evaluation came out as it did: reasons, cruxes and influence.

:func:`argmap.evaluate` calls these on the integer index of the map
(:class:`argmap._graph.Graph`) and the solvers' results; use them through it.

* :mod:`~argmap.explain.reasons`: one short sentence per claim and relation naming the
  input that decided its label (linear).
* :mod:`~argmap.explain.cruxes`: per thesis, the claims whose rejection would change its
  grounded label, found by simulating each rejection over the thesis's cone.
* :mod:`~argmap.explain.influence`: per thesis and gradual semantics, the derivative of
  its strength with respect to each claim's base score, by one reverse pass over its cone.
* :mod:`~argmap.explain.cone`: what they share: the graph's strongly connected components
  in topological order, the cone of a thesis (the nodes it depends on), and the
  :class:`~argmap.explain.cone.Budget` of steps every explanation of one evaluation pays
  from, so that no map can make an evaluation run for hours.

docs/evaluation.md says what each explanation means and what it costs.
"""
