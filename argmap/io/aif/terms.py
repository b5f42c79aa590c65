"""AIF's terms as argmap reads and writes them, and the shape of a document.

Node ids are strings (AIFdb) or integers (OVA); RA and CA nodes name a scheme, with a
default for each; a document is an AIF body (``nodes``, ``edges``, ``locutions``...),
possibly inside OVA's ``AIF`` wrapper, with argmap's ``argmapExtra`` beside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias, cast

__all__ = [
    "DEFAULT_ID",
    "DEFAULT_SCHEME",
    "DEFAULT_TITLE",
    "EXTRA_KEY",
    "RawId",
    "as_list",
    "as_object",
    "body_of",
    "rid",
    "same",
    "scheme_of",
    "without_extra",
]

#: The top-level field that carries what AIF has no place for.
EXTRA_KEY = "argmapExtra"
#: The id a map read from AIF gets unless the document says otherwise.
DEFAULT_ID = "aif"
#: The title a map read from AIF gets unless the document says otherwise.
DEFAULT_TITLE = "AIF document"
#: The scheme name and AIFdb scheme id of an RA or CA node that names no other scheme.
DEFAULT_SCHEME = {"RA": ("Default Inference", "72"), "CA": ("Default Conflict", "71")}

#: A node id as AIF writes it: a string (AIFdb) or an integer (OVA).
RawId: TypeAlias = str | int


def rid(value: object) -> RawId | None:
    """``value`` if it can be a node id (a string or an integer, never true or false)."""
    kind = type(value)
    if kind is str or kind is int:
        return cast("RawId", value)
    return None


def same(a: object, b: object) -> bool:
    """Equal ids of the same JSON type (``5`` is not ``"5"``, and ``True`` is no id)."""
    return type(a) is type(b) and a == b


def scheme_of(node: Mapping[str, Any], kind: str) -> str:
    """The scheme a node names, or "" for the default (or none)."""
    name = node.get("scheme")
    if not isinstance(name, str) or not name:
        name = node.get("text")
    if not isinstance(name, str):
        return ""
    if name in {"", kind, DEFAULT_SCHEME.get(kind, ("",))[0]}:
        return ""
    return name


def as_object(value: object) -> dict[str, Any]:
    """``value`` if it is a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    """``value`` if it is a JSON array, else an empty one."""
    return value if isinstance(value, list) else []


def body_of(document: Any) -> dict[str, Any]:  # noqa: ANN401 - parsed JSON
    """The AIF body of a document (inside OVA's wrapper, if any)."""
    if not isinstance(document, dict):
        return {}
    if "nodes" not in document and isinstance(document.get("AIF"), dict):
        return cast("dict[str, Any]", document["AIF"])
    return document


def without_extra(document: Any) -> Any:  # noqa: ANN401 - parsed JSON
    """The document without ``argmapExtra`` (inside OVA's wrapper too)."""
    if not isinstance(document, dict):
        return document
    if "nodes" not in document and isinstance(document.get("AIF"), dict):
        return {**document, "AIF": without_extra(document["AIF"])}
    return {k: v for k, v in document.items() if k != EXTRA_KEY}
