"""argmap's built-in maps, each built with the authoring API.

Every module defines ``build() -> ArgumentMap``; ``pyproject.toml`` registers each under
the ``argmap.maps`` entry-point group, named by the map's id, so ``argmap list`` and every
command find them.
"""
