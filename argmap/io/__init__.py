"""Reading and writing maps in every format argmap knows, through one ``format=`` argument.

Each format lives in a module with ``loads(text) -> ArgumentMap`` (if it can be read)
and ``dumps(map, **options) -> str`` (if it can be written); :data:`FORMATS` names them,
and modules are imported only when their format is used. The formats of this package are
registered here; :func:`register` adds others (``import argmap`` adds DOT, drawn by
:mod:`argmap.render.dot`).
"""

from __future__ import annotations

import errno
import importlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO, Protocol, cast

import attrs

from argmap._checks import map_arg, path_arg, shown, text_arg
from argmap._frozen import MAX_META_DEPTH
from argmap.errors import FormatError, InvalidMapError, ParameterError
from argmap.files import write_atomic
from argmap.io._shared import slug
from argmap.model import ArgumentMap
from argmap.validate import validate

__all__ = [
    "FORMATS",
    "MAX_INPUT_BYTES",
    "MAX_META_DEPTH",
    "Format",
    "decode_input",
    "detect_format",
    "dump",
    "dumps",
    "input_too_large",
    "load",
    "loads",
    "read_text",
    "register",
    "shown_path",
]

# The version field of native JSON, as a key (a node id "argmap" in AIF is no such key).
_NATIVE_KEY = re.compile(r'"argmap"\s*:')

#: Inputs larger than this are refused before they are read (256 MiB).
MAX_INPUT_BYTES = 256 * 1024 * 1024


@attrs.frozen
class Format:
    """A format argmap can read or write.

    Attributes:
        name: what ``format=`` and ``--to``/``--from`` call it.
        module: the module that implements it.
        extensions: file name endings that select it (lower case, with the dot).
        readable: whether the module has ``loads``.
        writable: whether the module has ``dumps``.
        description: one line for help texts.
    """

    name: str
    module: str
    extensions: tuple[str, ...]
    readable: bool = attrs.field(kw_only=True)
    writable: bool = attrs.field(kw_only=True)
    description: str = attrs.field(kw_only=True)


class _Reader(Protocol):
    def loads(self, text: str) -> ArgumentMap: ...


class _Writer(Protocol):
    def dumps(self, argument_map: ArgumentMap, **options: Any) -> str: ...  # noqa: ANN401


#: Every format, by name, in the order registered.
FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> None:
    """Make a format known to ``format=``, ``load`` and the command line's ``--from``/``--to``.

    A format registered under a name already known replaces it. Its module is imported
    only when the format is first used.

    Raises:
        ParameterError: if ``fmt`` is not a :class:`Format`.
    """
    if not isinstance(fmt, Format):
        msg = f"register() takes a Format, not {shown(fmt)}"
        raise ParameterError(msg)
    FORMATS[fmt.name] = fmt


for _own in (
    Format(
        "json",
        "argmap.io.json",
        (".json",),
        readable=True,
        writable=True,
        description="argmap's native JSON",
    ),
    Format(
        "aif",
        "argmap.io.aif",
        (".aif.json", ".aif"),
        readable=True,
        writable=True,
        description="AIF JSON, as AIFdb and OVA write it",
    ),
    Format(
        "argdown",
        "argmap.io.argdown",
        (".argdown", ".ad"),
        readable=True,
        writable=True,
        description="Argdown text",
    ),
    Format(
        "kialo",
        "argmap.io.kialo",
        (),
        readable=True,
        writable=False,
        description="a Kialo discussion export (plain text; detected from its header)",
    ),
    Format(
        "arggraph",
        "argmap.io.arggraph",
        (".xml",),
        readable=True,
        writable=False,
        description="arggraph XML of the argumentative microtext corpus",
    ),
    Format(
        "apx",
        "argmap.io.apx",
        (".apx",),
        readable=True,
        writable=True,
        description="ASPARTIX facts (ICCMA): the map's exact attack graph",
    ),
    Format(
        "tgf",
        "argmap.io.tgf",
        (".tgf",),
        readable=True,
        writable=True,
        description="Trivial Graph Format (ICCMA): the map's exact attack graph",
    ),
    Format(
        "iccma23",
        "argmap.io.iccma23",
        (".af", ".i23"),
        readable=True,
        writable=True,
        description="ICCMA 2023's 'p af N' format: the map's exact attack graph",
    ),
    Format(
        "graphml",
        "argmap.io.graphml",
        (".graphml",),
        readable=False,
        writable=True,
        description="GraphML with yEd shapes (yEd, Gephi, Cytoscape, networkx)",
    ),
    Format(
        "mermaid",
        "argmap.io.mermaid",
        (".mmd", ".mermaid"),
        readable=False,
        writable=True,
        description="a Mermaid flowchart (GitHub renders it)",
    ),
):
    register(_own)


def _format(name: str, *, reading: bool) -> Format:
    fmt = FORMATS.get(text_arg(name, "format"))
    able = [f.name for f in FORMATS.values() if (f.readable if reading else f.writable)]
    if fmt is None or not (fmt.readable if reading else fmt.writable):
        from argmap.suggest import close_ids, did_you_mean

        verb = "read" if reading else "written"
        close = did_you_mean(close_ids(name, able)) if fmt is None else ""
        known = ", ".join(sorted(able))
        msg = f"format {name!r} cannot be {verb}" + (
            f"{close} (formats: {known})" if close else f"; use one of {known}"
        )
        raise FormatError(msg)
    return fmt


def detect_format(path: str | os.PathLike[str], text: str | None = None) -> str:
    """Name the format of a file from its name (and, where the name says little, its content).

    A ``.json`` file holding an ``"argmap"`` field is native JSON; one holding AIF's
    ``"nodes"`` is AIF. A file whose name has no known ending is a Kialo export if it
    starts with ``Discussion Title:`` or ``Discussion Name:``, arggraph if it has an
    ``<arggraph`` element near its start, and ICCMA 2023's format if its first line that
    is no comment is ``p af N``.

    Raises:
        FormatError: if neither name nor content says; pass ``format=`` then.
    """
    name = os.fspath(path).lower()
    if name.endswith(".json") and text is not None and "aif" in FORMATS:
        head = text[:4096]
        if '"nodes"' in head and not _NATIVE_KEY.search(head):
            return "aif"
    if found := _by_extension(name, readable=True):
        return found
    if text is not None and (found := _by_content(text[:4096])):
        return found
    known = ", ".join(sorted(e for f in FORMATS.values() for e in f.extensions))
    msg = (
        f"cannot tell the format of {os.fspath(path)!r} from its name ({known}); "
        "say it with --from/format="
    )
    raise FormatError(msg)


_KIALO = re.compile(
    r"[\s\u200b\u2060\ufeff]*discussion[ \t\u00a0]+(title|name)[ \t\u00a0]*:", re.IGNORECASE
)
_ARGGRAPH = re.compile(r"<arggraph[\s>]")
_ICCMA23 = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*p[ \t]+af[ \t]+\d+[ \t]*(\r?\n|$)")


def _by_content(head: str) -> str | None:
    """The format that the start of a document shows, if it shows one."""
    if _KIALO.match(head):
        return "kialo"
    if _ARGGRAPH.search(head):
        return "arggraph"
    if _ICCMA23.match(head):
        return "iccma23"
    return None


def detect_output_format(path: str | os.PathLike[str]) -> str:
    """Name the format to write from an output file name (JSON when it says nothing)."""
    return _by_extension(os.fspath(path).lower(), readable=False) or "json"


def _by_extension(name: str, *, readable: bool) -> str | None:
    """The format whose longest extension ends ``name`` (``.aif.json`` is AIF, not JSON)."""
    best, length = None, 0
    for fmt in FORMATS.values():
        if not (fmt.readable if readable else fmt.writable):
            continue
        for ext in fmt.extensions:
            if name.endswith(ext) and len(ext) > length:
                best, length = fmt.name, len(ext)
    return best


def loads(text: str | bytes, format: str = "json", *, check: bool = True) -> ArgumentMap:  # noqa: A002
    """Read a map from text.

    Args:
        text: the document (bytes are decoded as UTF-8).
        format: one of :data:`FORMATS` that can be read.
        check: raise if the map has errors (see :func:`argmap.validate`).

    Raises:
        FormatError: if the text cannot be read in that format.
        InvalidMapError: if ``check`` and the map it describes has errors.
    """
    fmt = _format(format, reading=True)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            msg = f"input is not UTF-8 text: {exc.reason} at byte {exc.start}"
            raise FormatError(msg) from None
    module = cast("_Reader", importlib.import_module(fmt.module))
    argument_map = module.loads(text)
    if check:
        problems = validate(argument_map)
        if any(p.is_error for p in problems):
            raise InvalidMapError(problems, subject=f"map {argument_map.id!r}")
    return argument_map


def dumps(argument_map: ArgumentMap, format: str = "json", **options: Any) -> str:  # noqa: A002, ANN401
    """Return the map as text in a format (native JSON by default).

    Raises:
        FormatError: if the format cannot be written, or cannot carry this map.
        ParameterError: if ``argument_map`` is not an :class:`~argmap.ArgumentMap`, or
            ``format`` is not a string.
    """
    argument_map = map_arg(argument_map)
    fmt = _format(format, reading=False)
    module = cast("_Writer", importlib.import_module(fmt.module))
    return module.dumps(argument_map, **options)


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a whole text file as UTF-8, refusing files over :data:`MAX_INPUT_BYTES`.

    The limit holds for pipes and devices too, whose size is not known in advance: no
    more than one byte past it is ever read.

    Raises:
        FormatError: if the file is missing, unreadable, too large or not UTF-8.
    """
    if not isinstance(path, str | os.PathLike):
        msg = f"a path must be a string or a path, not {type(path).__name__} {path!r:.40}"
        raise ParameterError(msg)
    name = shown_path(path)
    if "\0" in os.fspath(path):
        raise FormatError(f"{name}: a file name cannot hold a NUL character")
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise FormatError(input_too_large(name, size))
        with p.open("rb") as stream:
            return decode_input(stream, name)
    except FileNotFoundError:
        raise FormatError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise FormatError(f"{name}: is a folder, not a file") from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            msg = f"{name}: a name in it is longer than the file system allows (usually 255 bytes)"
            raise FormatError(msg) from None
        raise FormatError(f"{name}: cannot read it: {exc.strerror or exc}") from None


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as messages show it: as written, or quoted if it would not show plainly.

    Quoted are paths with spaces at their ends, line breaks or other characters that
    would not show, so that a message naming one stays one readable line.
    """
    name = os.fspath(path)
    plain = name and name.isprintable() and name.strip() == name
    return name if plain else repr(name)


def decode_input(stream: BinaryIO, name: str) -> str:
    """Read a binary stream (a file, or standard input) as UTF-8, up to the input limit.

    Raises:
        FormatError: if the stream holds more than :data:`MAX_INPUT_BYTES` or is not UTF-8.
    """
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise FormatError(input_too_large(name))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})"
        raise FormatError(msg) from None


def input_too_large(name: str, size: int | None = None) -> str:
    """Say that an input is over :data:`MAX_INPUT_BYTES`, in one line that starts with its name."""
    limit = f"argmap's input limit of {MAX_INPUT_BYTES // 2**20} MiB"
    if size is None:
        return f"{name}: more than {limit}"
    return f"{name}: {size / 2**20:,.0f} MiB, over {limit}"


def load(
    path: str | os.PathLike[str],
    format: str | None = None,  # noqa: A002
    *,
    check: bool = True,
) -> ArgumentMap:
    """Read a map from a file; the format comes from the file name unless given.

    A map whose document names no id (AIF and Argdown need not) is named after the file:
    ``notes.argdown`` reads as map ``notes``.

    Raises:
        FormatError: if the file cannot be read, or not in that format.
        InvalidMapError: if ``check`` and the map has errors (named by the file).
    """
    text = read_text(path)
    fmt = format or detect_format(path, text)
    try:
        argument_map = _named_after(loads(text, fmt, check=False), fmt, path)
    except FormatError as exc:
        raise exc.about(shown_path(path)) from None
    del text  # (a large file's text need not stay beside the map while it is validated)
    if check:
        problems = validate(argument_map)
        if any(p.is_error for p in problems):
            raise InvalidMapError(problems, subject=shown_path(path))
    return argument_map


def _named_after(argument_map: ArgumentMap, fmt: str, path: str | os.PathLike[str]) -> ArgumentMap:
    """The map, named after its file if its format gave it the default id (it named none).

    A reader module whose documents may name no map (AIF, Argdown) says so with a
    ``DEFAULT_ID``: the id it gives such a map. ``notes.argdown`` then reads as map
    ``notes``, ``nodeset10436.json`` as ``nodeset10436``. A module with a
    ``name_after_file(map, name)`` renames the map itself (AIF remembers the name, so that
    writing the map gives back the document read).
    """
    module = importlib.import_module(FORMATS[fmt].module)
    default = getattr(module, "DEFAULT_ID", None)
    if default is None or argument_map.id != default:
        return argument_map
    name = Path(path).name
    endings = sorted({*FORMATS[fmt].extensions, ".json"}, key=len, reverse=True)
    ending = next((e for e in endings if name.lower().endswith(e)), Path(name).suffix)
    stem = slug(name[: len(name) - len(ending)] if ending else name, default="")
    if not stem:
        return argument_map
    rename = getattr(module, "name_after_file", None)
    return rename(argument_map, stem) if callable(rename) else attrs.evolve(argument_map, id=stem)


def dump(
    argument_map: ArgumentMap,
    path: str | os.PathLike[str],
    format: str | None = None,  # noqa: A002
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
    **options: Any,  # noqa: ANN401
) -> None:
    """Write a map to a file, atomically; the format comes from the file name unless given.

    Raises:
        FormatError: if the format cannot be written.
        OutputError: if the file cannot be written (see :func:`argmap.files.write_atomic`).
        ParameterError: if ``argument_map`` is not a map or ``path`` is not a path.
    """
    argument_map, path = map_arg(argument_map), path_arg(path)
    fmt = format or detect_output_format(path)
    write_atomic(path, dumps(argument_map, fmt, **options), protect=protect)
