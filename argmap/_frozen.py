"""An immutable, hashable mapping, and helpers to freeze and thaw JSON values.

Metadata holds only what every format can write back: JSON values with finite numbers,
integers of no more digits than Python converts to text (4,300 unless
``sys.set_int_max_str_digits`` says otherwise), nested at most :data:`MAX_META_DEPTH`
levels. :func:`freeze` refuses anything else, so a map never holds metadata that a
writer would have to refuse.
"""

from __future__ import annotations

import math
import sys
from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import TypeAlias, TypeVar, Union

from argmap.errors import ParameterError

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


#: How deep metadata may nest: the metadata mapping is level 1, and each object or array
#: in it one level more. JSON nested so deep is no metadata anyone writes by hand; the
#: limit keeps every reader and writer well inside Python's recursion limit.
MAX_META_DEPTH = 100


def freeze(value: object, *, max_depth: int = MAX_META_DEPTH) -> JSONValue:
    """Turn a JSON value made of lists and dicts into its frozen form.

    Args:
        value: the value.
        max_depth: the most levels of objects and arrays it may nest.

    Raises:
        ParameterError: (a TypeError and a ValueError) if ``value`` holds something
            that is not JSON, or that no format can write back (see the module docstring).
    """
    return _freeze(value, 1, max_depth)


def _freeze(value: object, depth: int, max_depth: int) -> JSONValue:
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value if _int_writable(value) else _refuse_number(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else _refuse_number(value)
    if isinstance(value, list | tuple | Mapping) and depth > max_depth:
        msg = f"metadata nests more than {max_depth} levels deep (objects and arrays); flatten it"
        raise ParameterError(msg)
    if isinstance(value, list | tuple):
        return tuple(_freeze(v, depth + 1, max_depth) for v in value)
    if isinstance(value, Mapping):
        out: dict[str, JSONValue] = {}
        for k, v in value.items():
            if not isinstance(k, str):
                msg = f"metadata keys must be strings, not {type(k).__name__}"
                raise ParameterError(msg)
            out[k] = _freeze(v, depth + 1, max_depth)
        return FrozenMap(out)
    msg = (
        "metadata must be JSON (null, bool, number, string, list, object), "
        f"not {type(value).__name__}"
    )
    raise ParameterError(msg)


def nesting(value: object) -> int:
    """How many levels of objects and arrays ``value`` nests (0 for a scalar), without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list | tuple):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in item)
    return deepest


def _int_writable(value: int) -> bool:
    """Whether Python can write ``value`` as decimal digits (JSON's only way)."""
    limit = sys.get_int_max_str_digits()
    if not limit or value.bit_length() <= (limit - 1) * 3.32:  # 3.32 bits a digit, about
        return True
    try:
        str(value)
    except ValueError:
        return False
    return True


def _refuse_number(value: float) -> JSONValue:
    if isinstance(value, float):
        msg = f"metadata cannot hold {value!r}: no format can write it; use a finite number"
    else:
        msg = (
            f"metadata cannot hold an integer of more than {sys.get_int_max_str_digits()} "
            "digits: no format can write it; write it as text"
        )
    raise ParameterError(msg)


def freeze_meta(value: Mapping[str, object] | None, *, max_depth: int = MAX_META_DEPTH) -> Meta:
    """Freeze a metadata mapping (``None`` gives an empty one); see :func:`freeze`."""
    if value is None:
        return FrozenMap()
    frozen = freeze(value, max_depth=max_depth)
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
