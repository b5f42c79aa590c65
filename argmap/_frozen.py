"""An immutable, hashable mapping, and helpers to freeze and thaw JSON values."""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import TypeAlias, TypeVar, Union

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only mapping that can be hashed, so the values holding it stay hashable.

    Iteration follows insertion order; equality ignores order, like ``dict``.
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[K, V] | None = None) -> None:
        self._data: dict[K, V] = dict(data) if data else {}
        self._hash: int | None = None

    @classmethod
    def wrap(cls, data: dict[K, V]) -> FrozenMap[K, V]:
        """Return a FrozenMap over ``data`` itself, without copying it.

        Only for a dict that nothing will change afterwards (a fresh result of
        :func:`json.loads`, say): it saves a copy per object when freezing large data.
        """
        frozen = cls.__new__(cls)
        frozen._data = data  # noqa: SLF001 - the class setting up its own instance
        frozen._hash = None  # noqa: SLF001
        return frozen

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    # The views come straight from the dict: Mapping's defaults go through __getitem__ key
    # by key, which makes walking large metadata several times slower.
    def keys(self) -> KeysView[K]:
        """A view of the keys."""
        return self._data.keys()

    def values(self) -> ValuesView[V]:
        """A view of the values."""
        return self._data.values()

    def items(self) -> ItemsView[K, V]:
        """A view of the (key, value) pairs."""
        return self._data.items()

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def set(self, key: K, value: V) -> FrozenMap[K, V]:
        """Return a copy with ``key`` set to ``value``."""
        return FrozenMap({**self._data, key: value})

    def delete(self, key: K) -> FrozenMap[K, V]:
        """Return a copy without ``key`` (no error when it is absent)."""
        return FrozenMap({k: v for k, v in self._data.items() if k != key})


#: A JSON value in frozen form: arrays are tuples and objects are FrozenMaps.
JSONValue: TypeAlias = Union[
    bool, int, float, str, tuple["JSONValue", ...], "FrozenMap[str, JSONValue]", None
]
#: Free-form metadata carried by maps, claims and relations (for example what an
#: AIF or Argdown import found and argmap has no field for).
Meta: TypeAlias = FrozenMap[str, JSONValue]


def freeze(value: object) -> JSONValue:
    """Turn a JSON value made of lists and dicts into its frozen form.

    Raises:
        TypeError: if ``value`` holds something that is not JSON.
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    if isinstance(value, Mapping):
        out: dict[str, JSONValue] = {}
        for k, v in value.items():
            if not isinstance(k, str):
                msg = f"metadata keys must be strings, not {type(k).__name__}"
                raise TypeError(msg)
            out[k] = freeze(v)
        return FrozenMap(out)
    msg = (
        "metadata must be JSON (null, bool, number, string, list, object), "
        f"not {type(value).__name__}"
    )
    raise TypeError(msg)


def freeze_meta(value: Mapping[str, object] | None) -> Meta:
    """Freeze a metadata mapping (``None`` gives an empty one)."""
    if value is None:
        return FrozenMap()
    frozen = freeze(value)
    if not isinstance(frozen, FrozenMap):  # pragma: no cover - freeze keeps mappings
        raise TypeError("metadata must be a mapping")
    return frozen


def thaw(value: JSONValue) -> object:
    """Turn a frozen JSON value back into lists and dicts (for ``json.dumps``)."""
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    if isinstance(value, FrozenMap):
        return {k: thaw(v) for k, v in value.items()}
    return value
