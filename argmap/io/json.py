"""argmap's native JSON: lossless, versioned (``"argmap": 1``), described by a JSON Schema.

``dumps`` then ``loads`` gives back an equal map. Reading is strict: a value of the wrong
type, an unknown field or a repeated key is an error that names where it is, never a
silent conversion (``"1"`` is not an id of ``1``, and ``"false"`` is not ``False``). What
no format could write back is refused when read, not when written: a number beyond the
largest float (``1e400``), an integer longer than Python converts, and metadata nested
deeper than :data:`~argmap._frozen.MAX_META_DEPTH` levels.

The schema ships as ``argmap/io/argmap.schema.json``; :func:`schema` returns it.
"""

from __future__ import annotations

import functools
import json
import math
import typing
from array import array
from collections import deque
from collections.abc import Set as AbstractSet
from importlib import resources
from itertools import accumulate, chain, compress, islice, repeat
from operator import add, is_, itemgetter, methodcaller
from typing import Any

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from argmap._checks import flag_arg
from argmap._frozen import FrozenMap, JSONValue, freeze, thaw
from argmap._gc import paused
from argmap._graph import ATTACK, NODE, RESOLVED, SUPPORT, UNDERCUT, Resolved
from argmap.errors import ArgmapError, FormatError
from argmap.io._jsontext import colons_in, parse, parse_counted, type_name
from argmap.model import (
    EMPTY_META,
    ArgumentMap,
    Claim,
    ClaimId,
    Quote,
    Rebuttal,
    Relation,
    RelationId,
    Source,
    Support,
    Verdict,
    leave,
    trusted,
)

__all__ = ["FORMAT_VERSION", "dumps", "loads", "schema", "to_dict"]

#: The version this module writes and reads, in the document's ``"argmap"`` field.
FORMAT_VERSION = 1


def _expect(value: object, types: type | tuple[type, ...], wanted: str) -> None:
    if not isinstance(value, types) or (isinstance(value, bool) and bool not in _as_tuple(types)):
        msg = f"expected {wanted}, got {type_name(value)}"
        raise TypeError(msg)


def _as_tuple(types: type | tuple[type, ...]) -> tuple[type, ...]:
    return types if isinstance(types, tuple) else (types,)


def _structure_str(value: object, _: object) -> str:
    _expect(value, str, "a string")
    return typing.cast("str", value)


def _structure_bool(value: object, _: object) -> bool:
    _expect(value, bool, "true or false")
    return typing.cast("bool", value)


def _structure_float(value: object, _: object) -> float:
    _expect(value, (int, float), "a number")
    try:
        return float(typing.cast("float", value))
    except OverflowError:
        msg = "expected a number from 0 to 1, got an integer beyond the largest float"
        raise ValueError(msg) from None


def _structure_meta(value: object, _: object) -> FrozenMap[str, JSONValue]:
    _expect(value, dict, "an object")
    frozen = freeze(value)
    return typing.cast("FrozenMap[str, JSONValue]", frozen)


def _structure_verdicts(value: object, _: object) -> FrozenMap[ClaimId, Verdict]:
    _expect(value, dict, "an object mapping thesis ids to verdicts")
    out: dict[ClaimId, Verdict] = {}
    for k, v in typing.cast("dict[str, object]", value).items():
        if v not in {x.value for x in Verdict}:
            allowed = ", ".join(repr(x.value) for x in Verdict)
            msg = f"verdict of {k!r} is {v!r}; use one of {allowed}"
            raise ValueError(msg)
        out[ClaimId(k)] = Verdict(v)
    return FrozenMap(out)


def _is_frozen_map(t: object) -> bool:
    return typing.get_origin(t) is FrozenMap


def _structure_frozen_map(value: object, t: object) -> FrozenMap[Any, Any]:
    args = typing.get_args(t)
    if args and args[1] is Verdict:
        return _structure_verdicts(value, t)
    return _structure_meta(value, t)


def _is_tuple(t: object) -> bool:
    return typing.get_origin(t) is tuple


@functools.cache
def _converter() -> cattrs.Converter:
    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    c.register_structure_hook(str, _structure_str)
    # A rebuttal's target is a claim or a relation id: a string either way (cattrs would
    # pass any value through a union of two kinds of string).
    c.register_structure_hook_func(lambda t: t == ClaimId | RelationId, _structure_str)
    c.register_structure_hook(bool, _structure_bool)
    c.register_structure_hook(float, _structure_float)
    c.register_structure_hook_func(_is_frozen_map, _structure_frozen_map)
    c.register_unstructure_hook_func(_is_frozen_map, thaw)

    def structure_tuple(value: object, t: Any) -> tuple[Any, ...]:  # noqa: ANN401
        _expect(value, list, "an array")
        element = typing.get_args(t)[0]
        hook = c.get_structure_hook(element)
        out: list[Any] = []
        errors: list[Exception] = []
        for i, item in enumerate(typing.cast("list[Any]", value)):
            try:
                out.append(hook(item, element))
            except Exception as exc:  # noqa: BLE001 - collected, re-raised as a group
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"Structuring {t} @ index {i}", i, element),
                ]
                errors.append(exc)
        if errors:
            msg = f"While structuring {t!r}"
            raise IterableValidationError(msg, errors, t)
        return tuple(out)

    c.register_structure_hook_func(_is_tuple, structure_tuple)

    omit = override(omit_if_default=True)
    c.register_unstructure_hook(
        Claim,
        make_dict_unstructure_fn(Claim, c, note=omit, qualifier=omit, base_score=omit, meta=omit),
    )
    for relation_cls in (Support, Rebuttal):
        fields = make_dict_unstructure_fn(relation_cls, c, label=omit, scheme=omit, meta=omit)
        c.register_unstructure_hook(relation_cls, _with_kind(fields, relation_cls.kind))
    c.register_unstructure_hook(
        ArgumentMap, make_dict_unstructure_fn(ArgumentMap, c, meta=omit, verdicts=omit)
    )
    for cls in (Source, Quote, Claim, ArgumentMap, Support, Rebuttal):
        c.register_structure_hook(
            cls, make_dict_structure_fn(cls, c, _cattrs_forbid_extra_keys=True)
        )
    by_kind = {"support": Support, "rebuttal": Rebuttal}

    def structure_relation(value: object, _: object) -> Relation:
        _expect(value, dict, "an object")
        fields = dict(typing.cast("dict[str, Any]", value))
        kind = fields.pop("kind", None)
        if kind not in by_kind:
            msg = f'"kind" is {kind!r}; use "support" or "rebuttal"'
            raise ValueError(msg)
        return typing.cast("Relation", c.structure(fields, by_kind[kind]))

    c.register_structure_hook(Relation, structure_relation)
    return c


def _with_kind(
    fields: typing.Callable[[Any], dict[str, Any]], kind: str
) -> typing.Callable[[Any], dict[str, Any]]:
    def unstructure(relation: Any) -> dict[str, Any]:  # noqa: ANN401 - cattrs hook
        data = fields(relation)
        return {"id": data.pop("id"), "kind": kind, **data}

    return unstructure


def to_dict(argument_map: ArgumentMap) -> dict[str, Any]:
    """Return the map as plain JSON data (dicts, lists, strings, numbers)."""
    data = _converter().unstructure(argument_map)
    return {"argmap": FORMAT_VERSION, **data}


def dumps(argument_map: ArgumentMap, *, compact: bool = False) -> str:
    """Return the map as native JSON text (two-space indent, UTF-8 kept readable).

    The same map always gives the same text.

    Args:
        argument_map: the map.
        compact: write one line with no spaces after ``:`` and ``,`` (for corpora: a
            third smaller than the indented text, and read faster; it still ends in a
            line break).

    Raises:
        FormatError: if a base score is NaN or infinite, which JSON cannot carry.
        ParameterError: if ``compact`` is not True or False.
    """
    compact = flag_arg(compact, "compact")
    layout: dict[str, Any] = {"separators": (",", ":")} if compact else {"indent": 2}
    try:
        text = json.dumps(to_dict(argument_map), ensure_ascii=False, allow_nan=False, **layout)
    except ValueError:
        bad = [
            c.id
            for c in argument_map.claims
            if c.base_score is not None and not math.isfinite(c.base_score)
        ]
        msg = f"JSON cannot carry base score NaN or infinity (claims {bad!r}); use 0 to 1"
        raise FormatError(msg) from None
    return text + "\n"


def loads(text: str | bytes) -> ArgumentMap:
    """Read a map from native JSON text.

    The map is not validated here; :func:`argmap.loads` does that.

    Raises:
        FormatError: for text that is not JSON, not an argmap document, or has fields of
            the wrong type; its ``messages`` hold one line per field in error.
        ParameterError: if ``text`` is neither text nor bytes.
    """
    if isinstance(text, str):
        fast = _read_counted(text)
        if fast is not None:
            return fast
    with paused():  # hundreds of thousands of small dicts and lists, no cycles
        data = parse(text)
    return from_dict(data)


def _read_counted(text: str) -> ArgumentMap | None:
    """The map of a document read without a call per object, or None to read it strictly.

    The text is parsed without the repeated-key check (:func:`parse_counted`), the map
    read column by column, and the keys of every object read counted against the pairs of
    the text: only equal counts mean that no key repeats. Anything else (an error, another
    layout, counts that differ) gives None, and :func:`loads` reads the text again the
    strict way, which finds and names the same errors as ever.
    """
    census = _Census()
    with paused():
        try:
            data, colons = parse_counted(text)
        except FormatError:
            return None  # reported, in text order, by the strict parser
        if type(data) is not dict or data.get("argmap") != FORMAT_VERSION:
            return None
        if type(data["argmap"]) is not int:
            return None
        census.pairs += len(data)
        del data["argmap"]  # the tree is ours: it is emptied as it is read
        fast = _read_fast(data, census)
        del data
    if fast is None:
        return None
    if census.pairs != colons:  # some strings hold ":" (or a key repeats)
        inside = colons_in(text, census.strings())
        if inside is None or census.pairs + inside != colons:
            return None
    return fast


class _Census:
    """What the fast path read: the keys of its objects, and where its strings are.

    Only when the text's ``:`` outnumber the keys are the strings' own ``:`` counted.
    """

    __slots__ = ("columns", "pairs")

    def __init__(self) -> None:
        self.pairs = 0
        self.columns: list[typing.Iterable[str]] = []

    def add(self, items: list[dict[str, Any]], *columns: typing.Iterable[str]) -> None:
        """Objects read (their keys are counted) and columns of the strings in them."""
        self.pairs += sum(map(len, items))
        self.columns += columns

    def walk(self, value: object) -> None:
        """Count the keys and collect the strings of any JSON value (metadata, the rest)."""
        strings: list[str] = []
        stack = [value]
        while stack:
            x = stack.pop()
            if type(x) is str:
                strings.append(x)
            elif type(x) is dict:
                self.pairs += len(x)
                strings += x
                stack += x.values()
            elif type(x) is list:
                stack += x
        self.columns.append(strings)

    def strings(self) -> typing.Iterator[str]:
        """Every string collected (keys of known fields hold no ":" and are left out)."""
        return chain.from_iterable(self.columns)


def from_dict(data: object) -> ArgumentMap:
    """Read a map from JSON data already parsed (see :func:`loads`)."""
    if not isinstance(data, dict):
        msg = f"not an argmap document: the top level is {type_name(data)}, not an object"
        raise FormatError(msg)
    version = data.get("argmap")
    if version is None:
        msg = 'not an argmap document: no "argmap" version field (expected "argmap": 1)'
        if "nodes" in data:
            msg += "; it looks like AIF: read it with format aif"
        raise FormatError(msg)
    if version != FORMAT_VERSION or isinstance(version, bool):
        msg = (
            f"argmap JSON version {version!r} is not one this argmap reads "
            f"({FORMAT_VERSION}); upgrade argmap or convert the file"
        )
        raise FormatError(msg)
    body = {k: v for k, v in data.items() if k != "argmap"}
    with paused():
        fast = _read_fast(body)
    if fast is not None:
        return fast
    try:
        return _converter().structure(body, ArgumentMap)
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        messages = _messages(exc, body)
        head = messages[0] if len(messages) == 1 else f"{len(messages)} fields in error"
        raise FormatError(f"not a valid argmap document: {head}", messages=messages) from None


# -- the fast path ---------------------------------------------------------------------------
#
# A document of many claims and relations is read column by column: each check looks at
# one field of every object at once (the set of the types found, the set of the keys
# used) and the objects are made with :func:`argmap.model.trusted`, so the work per
# element is a few C-level steps. Whatever the fast path does not expect (a wrong type, a
# missing or unknown field, metadata it cannot freeze) sends the whole document down the
# ordinary path (cattrs, field by field), which reads it the same way or says exactly
# what is wrong; tests check that both build equal maps.

_CLAIM_FIELDS = frozenset(f.name for f in attrs.fields(Claim))
_RELATION_FIELDS = frozenset(f.name for f in attrs.fields(Support)) | {"kind"}
_OPTIONAL_RELATION_FIELDS = frozenset({"label", "scheme", "meta"})
_QUOTE_FIELDS = frozenset(f.name for f in attrs.fields(Quote))
_ABSENT = object()
_STR = {str}
_get_id, _get_text, _get_kind = itemgetter("id"), itemgetter("text"), itemgetter("kind")
_get_premises, _get_target = itemgetter("premises"), itemgetter("target")
_get_source = itemgetter("source")


class _Unexpected(Exception):  # noqa: N818 - a signal, never seen outside this module
    """The fast path met something it leaves to the ordinary path."""


def _types(values: typing.Iterable[object]) -> set[type]:
    return set(map(type, values))


def _column(
    items: list[dict[str, Any]], name: str, kinds: AbstractSet[type], default: object
) -> list[Any]:
    """One optional field of every item (``default`` where absent), of the kinds given."""
    values = list(map(methodcaller("get", name, default), items))
    if not _types(values) <= kinds | {type(default)}:
        raise _Unexpected
    return values


def _split(flat: list[Any], lengths: list[int]) -> list[tuple[Any, ...]]:
    """``flat`` cut into tuples of the lengths given, in order (all in C)."""
    if not flat:
        return [()] * len(lengths)
    items = iter(flat)
    return list(map(tuple, map(islice, repeat(items), lengths)))


def _objects(items: object, fields: frozenset[str]) -> tuple[list[dict[str, Any]], set[str]]:
    """``items`` if it is a list of objects whose keys are all fields; and the keys used."""
    if type(items) is not list:
        raise _Unexpected
    if items and _types(items) != {dict}:
        raise _Unexpected
    keys = set(chain.from_iterable(items))
    if not keys <= fields:
        raise _Unexpected
    return items, keys


def _strings_of(items: list[dict[str, Any]], get: itemgetter[str]) -> list[str]:
    try:
        values = list(map(get, items))
    except KeyError:
        raise _Unexpected from None
    if values and _types(values) != _STR:
        raise _Unexpected
    return values


def _metas(items: list[dict[str, Any]], keys: set[str], census: _Census | None) -> list[Any] | None:
    """Each item's metadata, frozen (None when no item has any)."""
    if "meta" not in keys:
        return None
    values = list(map(methodcaller("get", "meta", _ABSENT), items))
    out: list[Any] = []
    for value in values:
        if value is _ABSENT:
            out.append(EMPTY_META)
        elif type(value) is dict:
            try:
                out.append(freeze(value))
            except ArgmapError:
                raise _Unexpected from None
            if census is not None:
                census.walk(value)
        else:
            raise _Unexpected
    return out


def _fast_claims(value: object, census: _Census | None = None) -> tuple[list[Claim], list[str]]:
    """The claims, and their ids in order."""
    items, keys = _objects(value, _CLAIM_FIELDS)
    columns: dict[str, Any] = {
        "id": _strings_of(items, _get_id),
        "text": _strings_of(items, _get_text),
    }
    for name, kinds, default in (
        ("implicit", {bool}, False),
        ("note", _STR, ""),
        ("qualifier", _STR, ""),
    ):
        if name in keys:
            columns[name] = _column(items, name, kinds, default)
    if "tags" in keys:
        tags = _column(items, "tags", {list}, ())
        if not _types(chain.from_iterable(tags)) <= _STR:
            raise _Unexpected
        columns["tags"] = list(map(tuple, tags))
    if "base_score" in keys:
        columns["base_score"] = _scores(items)
    if "quotes" in keys:
        columns["quotes"] = _fast_quotes(_column(items, "quotes", {list}, ()), census)
    metas = _metas(items, keys, census)
    if metas is not None:
        columns["meta"] = metas
    count = len(items)
    if census is not None:
        census.add(items, *_claim_strings(columns))
        items.clear()  # the caller's own tree: its objects go once their columns are read
    ids = columns["id"]
    return trusted(Claim, count, **columns), ids


def _scores(items: list[dict[str, Any]]) -> list[float | None]:
    """Each claim's base score, a float (None where it has none)."""
    scores = _column(items, "base_score", {float, int}, None)
    if int in _types(scores):
        try:
            scores = [None if s is None else float(s) for s in scores]
        except OverflowError:
            raise _Unexpected from None
    return scores


def _fast_quotes(lists: list[list[Any]], census: _Census | None) -> list[tuple[Quote, ...]]:
    """Each claim's quotes, from each claim's list of quote objects."""
    quotes, _ = _objects(list(chain.from_iterable(lists)), _QUOTE_FIELDS)
    sources, texts = _strings_of(quotes, _get_source), _strings_of(quotes, _get_text)
    if census is not None:
        census.add(quotes, sources, texts)
    made = trusted(Quote, len(quotes), source=sources, text=texts)
    return _split(made, list(map(len, lists)))


def _claim_strings(columns: dict[str, Any]) -> list[typing.Iterable[str]]:
    """The columns of strings among the claims' (tags flattened)."""
    strings = [columns[k] for k in ("id", "text", "note", "qualifier") if k in columns]
    if "tags" in columns:
        strings.append(chain.from_iterable(columns["tags"]))
    return strings


_REQUIRED = (_get_id, _get_kind, _get_premises, _get_target)
_EXTRA = (4).__lt__  # an object with more keys than the four every relation has
_LINKED = (1).__lt__  # a relation with several premises


def _fast_relations(
    value: object, claim_ids: list[str], census: _Census | None = None
) -> tuple[list[Relation], dict[str, int], Resolved | None]:
    """The relations, their premises and targets sharing the claims' own id strings.

    ``claim_ids`` are the claims' ids in map order; a target no claim has (an undercut's)
    gets the string of the relation of that id, if any. Also the claims' positions (an id
    to a claim of that id: the last, if ids repeat), and what was resolved on the way, for
    the evaluation index (:class:`argmap._graph.Resolved`), or None when the index must be
    built from the objects (repeated claim ids, or a premise or target that resolves to
    nothing).
    """
    items, keys, (ids, kinds, premises, targets) = _relation_columns(value)
    columns: dict[str, list[Any]] = {"id": ids}
    for name in ("label", "scheme"):
        if name in keys:
            columns[name] = _column(items, name, _STR, "")
    metas = _metas(items, keys, census)
    if metas is not None:
        columns["meta"] = metas
    if census is not None:
        census.add(items)
        items.clear()  # the caller's own tree: its objects go once their columns are read
    lengths = list(map(len, premises))
    flat = list(chain.from_iterable(premises))
    del premises  # (each parsed list goes now, if the tree is ours, before more is made)
    index = dict(zip(claim_ids, range(len(claim_ids)), strict=True))  # (made after the tree)
    try:  # each premise's claim (None where no claim has its id)
        at: list[int | None] = list(map(index.get, flat))
    except TypeError:  # an array or object among the premises
        raise _Unexpected from None
    one = len(set(kinds)) == 1  # one kind (an attack graph): no sorting out, no merging
    kind = _kinds(kinds, one=one)
    aimed, target, undercut_by = _aimed_at(targets, ids, kind, claim_ids, index)
    del targets  # (the parsed strings: the claims' own replace them)
    found = target is not None and len(index) == len(claim_ids) and 0 not in lengths
    found = found and None not in at
    columns["premises"] = _premise_tuples(flat, at, lengths, claim_ids, shared=found)
    columns["target"] = aimed
    del flat
    if census is not None:  # (equal strings: the census counts their ":" alike)
        strings = [ids, aimed, chain.from_iterable(columns["premises"])]
        strings += (columns[k] for k in ("label", "scheme") if k in columns)
        census.add([], *strings)
    resolved = None
    if found:
        first, more = _first_and_more(typing.cast("list[int]", at), lengths)
        resolved = Resolved(
            claim_ids=typing.cast("list[ClaimId]", claim_ids),
            claim_index=typing.cast("dict[ClaimId, int]", index),
            relation_ids=ids,
            target=typing.cast("array[int]", target),
            kind=kind,
            undercut_by=undercut_by,
            first=first,
            more=more,
        )
    del at, lengths  # (before the objects are made)
    return _made(kinds, columns, one=one), index, resolved


def _premise_tuples(
    flat: list[str], at: list[int | None], lengths: list[int], claim_ids: list[str], *, shared: bool
) -> list[tuple[str, ...]]:
    """Each relation's premises, of the claims' own strings (``at``: each premise's claim).

    When ``shared`` (every premise resolves and the claim ids are distinct), a relation
    of one premise gets the one tuple made for its claim.
    """
    if None in at:  # some premise is no claim's id: it keeps its own string
        if flat and _types(flat) != _STR:  # (a premise that resolves is a string)
            raise _Unexpected
        return _split(
            [p if x is None else claim_ids[x] for p, x in zip(flat, at, strict=True)], lengths
        )
    if shared and len(flat) == len(lengths):  # one premise each
        return list(map(list(zip(claim_ids)).__getitem__, at))  # type: ignore[arg-type] # no None
    return _split(list(map(claim_ids.__getitem__, at)), lengths)  # type: ignore[arg-type]


def _kinds(kinds: list[str], *, one: bool) -> bytearray:
    """Per relation, the index's kind code: SUPPORT or ATTACK (undercuts are found later)."""
    if one:
        return bytearray([SUPPORT if kinds[0] == "support" else ATTACK]) * len(kinds)
    return bytearray(map("support".__eq__, kinds))


def _made(kinds: list[str], columns: dict[str, list[Any]], *, one: bool) -> list[Relation]:
    """The relation objects, of their kinds (``one``: all of the first's), from their columns."""
    if one:
        cls = Support if kinds[0] == "support" else Rebuttal
        return typing.cast("list[Relation]", trusted(cls, len(kinds), **columns))
    is_support = list(map("support".__eq__, kinds))
    made: dict[str, typing.Iterator[Relation]] = {}
    is_rebuttal = list(map(False.__eq__, is_support))
    for kind, mask in (("support", is_support), ("rebuttal", is_rebuttal)):
        picked = {name: compress(values, mask) for name, values in columns.items()}
        if kind == "support":
            made[kind] = iter(trusted(Support, sum(mask), **picked))
        else:
            made[kind] = iter(trusted(Rebuttal, sum(mask), **picked))
    return list(map(next, map(made.__getitem__, kinds)))


def _first_and_more(
    at: list[int], lengths: list[int]
) -> tuple[array[int], dict[int, tuple[int, ...]]]:
    """The index's first premise of each relation, and the further premises of linked ones."""
    if len(at) == len(lengths):  # one premise each
        return array(NODE, at), {}
    starts = list(accumulate(lengths, initial=0))
    first = array(NODE, map(at.__getitem__, islice(starts, len(lengths))))
    linked = compress(range(len(lengths)), map(_LINKED, lengths))
    return first, {j: tuple(at[starts[j] + 1 : starts[j + 1]]) for j in linked}


def _relation_columns(
    value: object,
) -> tuple[list[dict[str, Any]], set[str], tuple[list[Any], ...]]:
    """The relation objects, the keys they use, and their ids, kinds, premises and targets.

    Each object is visited once per required field (one column at a time, with no row
    tuples held between); only objects with more keys than those four have their keys
    looked at. The types of the targets are left to :func:`_aimed_at`.
    """
    if type(value) is not list:
        raise _Unexpected
    items: list[dict[str, Any]] = value
    try:  # (any item but an object fails here, as does an object missing a field)
        columns = tuple(list(map(get, items)) for get in _REQUIRED)
    except (KeyError, TypeError):
        raise _Unexpected from None
    lengths = list(map(len, items))
    keys = set(_RELATION_FIELDS - _OPTIONAL_RELATION_FIELDS)
    if sum(lengths) != 4 * len(items):
        keys.update(chain.from_iterable(compress(items, map(_EXTRA, lengths))))
        if not keys <= _RELATION_FIELDS:
            raise _Unexpected
    ids, kinds, premises, _ = columns
    if ids and _types(ids) != _STR:
        raise _Unexpected
    try:  # (only strings are "support" or "rebuttal")
        if not set(kinds) <= {"support", "rebuttal"}:
            raise _Unexpected
    except TypeError:  # an array or object
        raise _Unexpected from None
    if premises and _types(premises) != {list}:
        raise _Unexpected
    return items, keys, columns


def _aimed_at(
    targets: list[str],
    ids: list[str],
    kind: bytearray,
    claim_ids: list[str],
    index: dict[str, int],
) -> tuple[list[str], array[int] | None, dict[int, list[int]]]:
    """The targets, each the string of the claim (or else the relation) of that id.

    Also, as the evaluation index has them: each target's node (a claim's position, or
    for an undercut the number of claims plus the relation's; None if some target is
    neither, or a support's is a relation), and per relation undercut its undercuts
    (``kind`` is marked UNDERCUT for those).
    """
    try:
        at: list[int | None] = list(map(index.get, targets))
    except TypeError:  # an array or object
        raise _Unexpected from None
    undercut_by: dict[int, list[int]] = {}
    if None not in at:  # (each target equals a claim's id: a string)
        return list(map(claim_ids.__getitem__, at)), array(NODE, at), undercut_by  # type: ignore[arg-type]
    if _types(targets) != _STR:
        raise _Unexpected
    # Undercuts: their targets are relation ids (the first relation of that id). Each step
    # is a C-level loop over the undercuts (a tenth of the relations, say).
    c = len(claim_ids)
    missing = list(compress(range(len(at)), map(is_, at, repeat(None))))
    missed = list(map(targets.__getitem__, missing))
    wanted = set(missed)
    named = list(compress(range(len(ids)), map(wanted.__contains__, ids)))
    named.reverse()  # (so that the first relation of an id is the one kept)
    where = dict(zip(map(ids.__getitem__, named), named, strict=True))
    hits = list(map(where.get, missed))
    names = claim_ids + ids
    if None in hits:  # a target that names nothing: it keeps its own string
        for j, hit in zip(missing, hits, strict=True):
            at[j] = None if hit is None else c + hit
        aimed = [t if x is None else names[x] for t, x in zip(targets, at, strict=True)]
        return aimed, None, undercut_by
    _consume(map(at.__setitem__, missing, map(add, hits, repeat(c))))
    resolved = not any(map(kind.__getitem__, missing))  # (no support is aimed at a relation)
    _consume(map(kind.__setitem__, missing, repeat(UNDERCUT)))
    fresh: typing.Iterator[list[int]] = map(list, repeat((), len(hits)))  # (one per undercut)
    lists = map(undercut_by.setdefault, typing.cast("list[int]", hits), fresh)
    _consume(map(list.append, lists, missing))
    aimed = list(map(names.__getitem__, at))  # type: ignore[arg-type] # None resolved
    return aimed, array(NODE, at) if resolved else None, undercut_by  # type: ignore[arg-type]


_consume: typing.Callable[[typing.Iterable[object]], None] = deque[object](maxlen=0).extend


def _read_fast(body: dict[str, Any], census: _Census | None = None) -> ArgumentMap | None:
    """The map ``body`` describes, read column by column; None to use the ordinary path.

    With a ``census``, every object and string read is recorded in it, and ``body`` must be
    the caller's own parse, which this empties as it goes: the lists of claims and
    relations are cleared as soon as their columns are read, so that the parsed objects
    and the model are not all held at once (the strings the map keeps are kept). What was
    resolved on the way is left with the map for its evaluation index (:class:`Resolved`).
    """
    rest = {k: v for k, v in body.items() if k not in {"claims", "relations"}}
    try:
        claims, ids = _fast_claims(body.get("claims", []), census)
        relations, index, resolved = _fast_relations(body.get("relations", []), ids, census)
        skeleton = _converter().structure(rest, ArgumentMap)
    except (_Unexpected, cattrs.BaseValidationError, ValueError, TypeError):
        return None
    if census is not None:  # the values only: ``rest`` is no object of the text
        census.walk(list(rest.values()))
    theses = [t if (x := index.get(t)) is None else ids[x] for t in skeleton.theses]
    m = attrs.evolve(skeleton, theses=theses, claims=claims, relations=relations)
    if resolved is not None:
        leave(m, RESOLVED, resolved)
    return m


def _messages(exc: BaseException, body: dict[str, Any]) -> list[str]:
    if not isinstance(exc, cattrs.BaseValidationError):
        return [str(exc)]
    out: list[str] = []
    for line in cattrs.transform_error(exc, path="$", format_exception=_format_exception):
        text, _, path = line.rpartition(" @ ")
        out.append(f"{_describe(path, body)}: {text}")
    return out or [str(exc)]


def _format_exception(exc: BaseException, _: type | None) -> str:
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        keys = ", ".join(repr(k) for k in sorted(exc.extra_fields))
        return f"unknown field {keys}; remove it (or upgrade argmap)"
    if isinstance(exc, KeyError):
        return "required field is missing"
    if isinstance(exc, TypeError | ValueError) and str(exc):
        return str(exc)
    return f"invalid value ({type(exc).__name__})"


def _describe(path: str, body: dict[str, Any]) -> str:
    """Turn ``$.claims[3].text`` into ``$.claims[3].text (claim 'x')`` where an id is known."""
    parts = path.split(".")
    if len(parts) >= 2 and "[" in parts[1]:
        field, _, rest = parts[1].partition("[")
        try:
            index = int(rest.rstrip("]"))
            item = body[field][index]
        except (KeyError, IndexError, ValueError, TypeError):
            return path
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            return f"{path} ({field.rstrip('s')} {item['id']!r})"
    return path


def schema() -> dict[str, Any]:
    """Return the JSON Schema of the native format (draft 2020-12).

    Each call gives a fresh copy: changing it changes nothing else.
    """
    return typing.cast("dict[str, Any]", json.loads(_schema_text()))


@functools.cache
def _schema_text() -> str:
    return resources.files("argmap.io").joinpath("argmap.schema.json").read_text("utf-8")
