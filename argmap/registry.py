"""Built-in maps: every map that an installed package registers under ``argmap.maps``.

A package adds maps with an entry point per map, named by the map's id, that points to an
:class:`~argmap.ArgumentMap` or to a function of no arguments that returns one::

    [project.entry-points."argmap.maps"]
    my-map = "my_package.maps:build_my_map"

argmap's own maps live in the ``arguments`` package.
"""

from __future__ import annotations

import functools
from importlib.metadata import EntryPoint, entry_points

from argmap.errors import ArgmapError, UnknownMapError
from argmap.model import ArgumentMap
from argmap.suggest import close_ids, did_you_mean

__all__ = ["GROUP", "all_maps", "get", "names"]

#: The entry-point group maps are registered in.
GROUP = "argmap.maps"


@functools.cache
def _entry_points() -> dict[str, EntryPoint]:
    found: dict[str, EntryPoint] = {}
    for ep in entry_points(group=GROUP):
        found.setdefault(ep.name, ep)
    return dict(sorted(found.items()))


def names() -> list[str]:
    """The ids of the built-in maps, sorted."""
    return list(_entry_points())


@functools.cache
def get(map_id: str) -> ArgumentMap:
    """Return a built-in map (built once per process).

    Raises:
        UnknownMapError: if no installed package registers a map with this id.
        ArgmapError: if the map's package fails to build it (whatever the package
            raises becomes this, in one line).
    """
    ep = _entry_points().get(map_id)
    if ep is None:
        known = ", ".join(names()) or "none are installed"
        close = close_ids(map_id, names())
        msg = f"no built-in map {map_id!r}{did_you_mean(close)} (the built-in maps: {known})"
        raise UnknownMapError(msg, suggestions=close)
    try:
        obj = ep.load()
        result = obj() if callable(obj) and not isinstance(obj, ArgumentMap) else obj
    except ArgmapError:
        raise
    except Exception as exc:  # noqa: BLE001 - a plugin's code can raise anything
        what = str(exc).splitlines()[0] if str(exc).strip() else ""
        what = "".join(c if c.isprintable() else repr(c)[1:-1] for c in what)[:200]
        msg = (
            f"built-in map {map_id!r} failed to build ({type(exc).__name__}"
            f"{': ' + what if what else ''}); fix or uninstall the package that "
            f"registers {ep.value!r}"
        )
        raise ArgmapError(msg) from None
    if not isinstance(result, ArgumentMap):
        msg = f"entry point {ep.value!r} for map {map_id!r} gives no ArgumentMap"
        raise ArgmapError(msg)
    if result.id != map_id:
        msg = f"entry point {map_id!r} gives map {result.id!r}; name the entry point after the map"
        raise ArgmapError(msg)
    return result


def all_maps() -> list[ArgumentMap]:
    """Every built-in map, in id order."""
    return [get(n) for n in names()]
