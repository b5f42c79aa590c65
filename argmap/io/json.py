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
from importlib import resources
from typing import Any

import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from argmap._frozen import FrozenMap, JSONValue, freeze, thaw
from argmap.errors import FormatError
from argmap.io._jsontext import parse, type_name
from argmap.model import (
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


def dumps(argument_map: ArgumentMap) -> str:
    """Return the map as native JSON text (two-space indent, UTF-8 kept readable).

    The same map always gives the same text.

    Raises:
        FormatError: if a base score is NaN or infinite, which JSON cannot carry.
    """
    try:
        text = json.dumps(to_dict(argument_map), indent=2, ensure_ascii=False, allow_nan=False)
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
    data = parse(text)
    return from_dict(data)


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
    try:
        return _converter().structure(body, ArgumentMap)
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        messages = _messages(exc, body)
        head = messages[0] if len(messages) == 1 else f"{len(messages)} fields in error"
        raise FormatError(f"not a valid argmap document: {head}", messages=messages) from None


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
