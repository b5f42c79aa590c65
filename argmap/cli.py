"""The ``argmap`` command: a thin shell over the public API.

Exit status: 0 when all is well, 1 for bad input or problems found, 2 for a usage error.
Errors are one line each on standard error, never a traceback (set ``ARGMAP_DEBUG=1`` to
see one for an unexpected failure).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

import argmap
from argmap import registry
from argmap._files import write_atomic
from argmap._text import clean, safe_json
from argmap.errors import ArgmapError, ArgmapWarning, FormatError, OutputError, UnknownMapError
from argmap.io import (
    FORMATS,
    MAX_INPUT_BYTES,
    decode_input,
    detect_output_format,
    input_too_large,
    read_text,
    shown_path,
)
from argmap.model import ArgumentMap, Rebuttal, Support

if TYPE_CHECKING:
    from rich.console import RenderableType

    from argmap.evaluate import Evaluation

__all__ = ["main"]

_Handler = Callable[[argparse.Namespace], int]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
STDIN = "standard input"


# -- opening maps and writing output ---------------------------------------------------


def read_stdin() -> str:
    """Read standard input as UTF-8 text, no more than argmap's input limit of it.

    Raises:
        FormatError: if it is longer than the limit, or not UTF-8.
    """
    name = STDIN
    if (stream := getattr(sys.stdin, "buffer", None)) is not None:
        return decode_input(stream, name)
    text = sys.stdin.read(MAX_INPUT_BYTES + 1)  # a stand-in stream that holds text already
    if len(text) > MAX_INPUT_BYTES:
        raise FormatError(input_too_large(name))
    return text


def open_map(spec: str, fmt: str | None = None, *, check: bool = True) -> ArgumentMap:
    """Open MAP as the CLI understands it: a file path, ``-`` (stdin) or a built-in id.

    An existing file wins over a built-in map of the same name.

    Raises:
        ArgmapError: if nothing can be opened, or the input is bad.
    """
    if spec == "-":
        text = read_stdin()
        try:
            return argmap.loads(text, fmt or "json", check=check)
        except FormatError as exc:
            raise exc.about(STDIN) from None
    if Path(spec).exists():
        return argmap.load(spec, fmt, check=check)
    if spec in registry.names():
        return registry.get(spec)
    looks_like_path = os.sep in spec or "." in spec
    if looks_like_path:
        raise FormatError(f"{shown_path(spec)}: no such file")
    known = ", ".join(registry.names()) or "none are installed"
    msg = f"{shown_path(spec)}: neither a file nor a built-in map (built-in: {known})"
    raise UnknownMapError(msg)


def write_output(text: str | bytes, out: str | None, *, inputs: Sequence[str] = ()) -> None:
    """Write to ``out`` atomically, or to standard output when ``out`` is None or ``-``."""
    if out is None or out == "-":
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(out, text, protect=[i for i in inputs if i != "-"])


def _counts(m: ArgumentMap) -> dict[str, int]:
    supports = sum(isinstance(r, Support) for r in m.relations)
    undercuts = sum(m.is_undercut(r) for r in m.relations)
    rebuttals = sum(isinstance(r, Rebuttal) for r in m.relations) - undercuts
    return {
        "claims": len(m.claims),
        "supports": supports,
        "rebuttals": rebuttals,
        "undercuts": undercuts,
        "linked": sum(r.linked for r in m.relations),
        "implicit": sum(c.implicit for c in m.claims),
        "depth": m.depth,
    }


# -- verbs -----------------------------------------------------------------------------


def _cmd_list(args: argparse.Namespace) -> int:
    maps = registry.all_maps()
    if args.json:
        rows = [{"id": m.id, "title": m.title, **_counts(m)} for m in maps]
        print(safe_json(rows))
        return EXIT_OK
    if not maps:
        print("no built-in maps are installed")
        return EXIT_OK
    ids = {m.id: clean(m.id) for m in maps}
    width = max(len(i) for i in ids.values())
    print(f"{'id':<{width}}  claims   pro   con  title")
    for m in maps:
        c = _counts(m)
        con = c["rebuttals"] + c["undercuts"]
        row = f"{ids[m.id]:<{width}}  {c['claims']:>6} {c['supports']:>5} {con:>5}  {m.title}"
        print(clean(row))
    return EXIT_OK


_SOURCE_ARG = re.compile(r"^(?P<id>[^=]+)=(?P<path>.+)$")


def _normalise(text: str) -> str:
    table = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    return " ".join(text.translate(table).split())


def _check_quotes(m: ArgumentMap, sources: dict[str, tuple[str, str]], out: TextIO) -> int:
    """Report quotes of the given sources that do not occur verbatim; return how many."""
    missing = 0
    for claim in m.claims:
        for quote in claim.quotes:
            if quote.source not in sources:
                continue
            path, text = sources[quote.source]
            if quote.text in text:
                continue
            missing += 1
            hint = ""
            if _normalise(quote.text) in _normalise(text):
                hint = " (it differs only in quote marks, dashes or spacing)"
            short = quote.text if len(quote.text) <= 60 else quote.text[:57] + "..."
            line = (
                f"{m.id}: error: claim {claim.id!r} quotes {short!r}, which is not in "
                f"{path} verbatim{hint}; copy it exactly"
            )
            print(clean(line), file=out)
    return missing


def _cmd_check(args: argparse.Namespace) -> int:  # noqa: C901 - one loop, many reports
    specs: list[str] = list(args.maps)
    if args.all:
        specs += registry.names()
    if not specs:
        raise _UsageError("check needs MAP arguments or --all")
    sources: dict[str, tuple[str, str]] = {}
    for item in args.source:
        match = _SOURCE_ARG.match(item)
        if match is None:
            raise _UsageError(f"--source takes ID=FILE, not {item!r}")
        sources[match["id"]] = (match["path"], read_text(match["path"]))
    failed = False
    seen_sources: set[str] = set()
    for spec in specs:
        try:
            m = open_map(spec, args.from_format, check=False)
        except ArgmapError as exc:
            # Errors about a file already name it.
            name = shown_path(spec)
            named = str(exc).startswith((f"{name}: ", f"{STDIN}: "))
            _print_error(exc, prefix="" if named else f"{name}: ")
            failed = True
            continue
        problems = argmap.validate(m)
        name = clean(m.id)  # the map's own id may hold anything: it is shown, never obeyed
        for p in problems:
            print(clean(f"{name}: {p}"))
        seen_sources.update(s.id for s in m.sources)
        missing = _check_quotes(m, sources, sys.stdout)
        errors = sum(p.is_error for p in problems) + missing
        warnings = len(problems) - sum(p.is_error for p in problems)
        failed |= errors > 0 or (args.strict and warnings > 0)
        c = _counts(m)
        quoted = ""
        if sources:
            checked = sum(q.source in sources for cl in m.claims for q in cl.quotes)
            quoted = f", {checked - missing}/{checked} quotes verbatim"
        verdict = "ok" if errors == 0 else f"{errors} error{'s' * (errors != 1)}"
        tail = f", {warnings} warning{'s' * (warnings != 1)}" if warnings else ""
        counted = f"{c['claims']} claims, {len(m.relations)} relations{quoted}"
        print(f"{name}: {verdict}{tail} ({counted})")
    for sid in sources:
        if sid not in seen_sources:
            print(f"argmap: error: no map checked has source {sid!r}", file=sys.stderr)
            failed = True
    return EXIT_PROBLEMS if failed else EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    m = open_map(args.map, args.from_format)
    fmt = args.to or (detect_output_format(args.output) if args.output else "json")
    text = argmap.dumps(m, fmt)
    write_output(text, args.output, inputs=[args.map])
    return EXIT_OK


def _overlay_evaluation(m: ArgumentMap, *, explain: bool = True) -> Evaluation:
    """The map's evaluation under both semantics, for the summaries' marks and cruxes."""
    from argmap.evaluate import evaluate

    return evaluate(m, "all", explain=explain)


def _cmd_show(args: argparse.Namespace) -> int:
    from argmap.render import terminal

    if args.width is not None and args.width < terminal.MIN_WIDTH:
        raise _UsageError(f"--width must be at least {terminal.MIN_WIDTH}, not {args.width}")
    if args.depth is not None and args.depth < 0:
        raise _UsageError(f"--depth must be 0 or more, not {args.depth}")
    given = [
        name
        for name, value in (
            ("--thesis", args.thesis is not None),
            ("--depth", args.depth is not None),
            ("--quotes", args.quotes),
        )
        if value
    ]
    renderable: RenderableType
    if args.map is None:
        if given or args.matrix or args.from_format:
            flag = (given or ["--matrix" if args.matrix else "--from"])[0]
            raise _UsageError(f"{flag} needs a MAP (argmap show MAP {flag} ...)")
        maps = registry.all_maps()
        evaluations = {m.id: _overlay_evaluation(m, explain=False) for m in maps}
        renderable = terminal.overview(maps, evaluations=evaluations)
    elif args.matrix:
        if given:
            raise _UsageError(f"--matrix shows the whole map; drop {given[0]}")
        renderable = terminal.agreement_matrix(open_map(args.map, args.from_format))
    else:
        m = open_map(args.map, args.from_format)
        renderable = terminal.summary(
            m,
            thesis=args.thesis,
            depth=args.depth,
            quotes=args.quotes,
            evaluation=_overlay_evaluation(m),
        )
    if hasattr(sys.stdout, "reconfigure"):
        # A terminal that cannot show ✚ gets "?" rather than a crash.
        sys.stdout.reconfigure(errors="replace")
    terminal.make_console(width=args.width).print(renderable)
    return EXIT_OK


_RENDER_FORMATS = {".svg": "svg", ".dot": "dot", ".gv": "dot", ".png": "png", ".pdf": "pdf"}


def _render_one(
    m: ArgumentMap, fmt: str, args: argparse.Namespace, evaluation: Evaluation | None
) -> str | bytes:
    from argmap.render import dot, svg

    options: dict[str, Any] = {
        "evaluation": evaluation,
        "focus": args.focus,
        "depth": args.depth,
        "legend": not args.no_legend,
    }
    if fmt == "dot":
        return dot.dumps(m, **options)
    data = svg.to_image(m, cast("svg.ImageFormat", fmt), engine=args.engine, **options)
    return data.decode("utf-8") if fmt == "svg" else data


def _requested_evaluation(m: ArgumentMap, semantics: str | None) -> Evaluation | None:
    if semantics is None:
        return None
    from argmap.evaluate import Semantics, evaluate

    return evaluate(m, cast("Semantics", semantics))


def _cmd_render(args: argparse.Namespace) -> int:
    if args.depth is not None and args.depth < 0:
        raise _UsageError(f"--depth must be 0 or more, not {args.depth}")
    if args.all is not None:
        if args.map or args.output or args.focus:
            raise _UsageError("--all DIR renders every built-in map; give no MAP, -o or --focus")
        return _render_all(args)
    if not args.map:
        raise _UsageError("render needs a MAP (or --all DIR)")
    suffix = Path(args.output).suffix.lower() if args.output and args.output != "-" else ""
    fmt = args.format or _RENDER_FORMATS.get(suffix, "svg")
    to_stdout = args.output is None or args.output == "-"
    if fmt in ("png", "pdf") and to_stdout and sys.stdout.isatty():
        raise _UsageError(f"{fmt.upper()} is binary; write it to a file with -o FILE")
    m = open_map(args.map, args.from_format)
    data = _render_one(m, fmt, args, _requested_evaluation(m, args.evaluate))
    write_output(data, args.output, inputs=[args.map])
    return EXIT_OK


def _render_all(args: argparse.Namespace) -> int:
    from rich.progress import Progress

    folder = Path(args.all)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {str(folder)!r}: {exc.strerror or exc}") from None
    fmt = args.format or "svg"
    names = registry.names()
    failed = 0
    with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
        task = progress.add_task("rendering", total=len(names))
        for name in names:
            progress.update(task, description=f"rendering {name}")
            try:
                m = registry.get(name)
                data = _render_one(m, fmt, args, _requested_evaluation(m, args.evaluate))
                write_atomic(folder / f"{name}.{fmt}", data)
            except ArgmapError as exc:
                _print_error(exc, prefix=f"{name}: ")
                failed += 1
            progress.advance(task)
    done = len(names) - failed
    print(f"rendered {done} of {len(names)} maps into {folder}", file=sys.stderr)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    import shutil

    from argmap._report import MIN_WIDTH, describe

    if args.width is not None and args.width < MIN_WIDTH:
        raise _UsageError(f"--width must be at least {MIN_WIDTH}, not {args.width}")
    m = open_map(args.map, args.from_format)
    e = argmap.evaluate(m, args.semantics)
    if args.json:
        print(safe_json({"map": m.id, **e.to_json()}))
    else:
        width = args.width or shutil.get_terminal_size((80, 24)).columns
        sys.stdout.write(describe(m, e, width))
    if not e.converged:
        print(
            f"argmap: warning: DF-QuAD did not settle within {e.iterations} rounds on a cycle; "
            "the strengths are the last round's",
            file=sys.stderr,
        )
    return EXIT_OK


# -- the parser ------------------------------------------------------------------------


class _UsageError(Exception):
    """A command line that parses but makes no sense."""


def _map_arg(p: argparse.ArgumentParser, *, optional: bool = False) -> None:
    p.add_argument(
        "map",
        metavar="MAP",
        nargs="?" if optional else None,
        help="a built-in map id, a file, or - for standard input",
    )
    _from_arg(p)


def _from_arg(p: argparse.ArgumentParser) -> None:
    readable = sorted(f.name for f in FORMATS.values() if f.readable)
    p.add_argument(
        "--from",
        dest="from_format",
        metavar="FORMAT",
        help=f"read input as FORMAT ({', '.join(readable)}) instead of guessing from the name",
    )


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors that start "argmap: error:" like every other error."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        verb = self.prog.removeprefix("argmap").strip()
        # argparse quotes arguments as given: escape what would break the line.
        message = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
        self.exit(EXIT_USAGE, f"argmap: error: {verb + ': ' if verb else ''}{message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="argmap",
        description="Write arguments down as data, check them, weigh them and show them.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {argmap.__version__}")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", required=True)

    p = sub.add_parser("list", help="list the built-in maps")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=_cmd_list)

    p = sub.add_parser("check", help="validate maps (and their quotes against sources)")
    p.add_argument("maps", metavar="MAP", nargs="*", help="built-in map ids or files")
    p.add_argument("--all", action="store_true", help="check every built-in map")
    p.add_argument(
        "--source",
        metavar="ID=FILE",
        action="append",
        default=[],
        help="check that every quote from source ID occurs verbatim in FILE (repeatable)",
    )
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    _from_arg(p)
    p.set_defaults(handler=_cmd_check)

    writable = sorted(f.name for f in FORMATS.values() if f.writable)
    p = sub.add_parser("export", help="write a map in another format")
    _map_arg(p)
    p.add_argument("--to", metavar="FORMAT", help=f"{', '.join(writable)} (default: json)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    p.set_defaults(handler=_cmd_export)

    p = sub.add_parser("show", help="summarise a map in the terminal")
    _map_arg(p, optional=True)
    p.add_argument("--thesis", metavar="ID", help="only this thesis")
    p.add_argument("--depth", type=int, metavar="N", help="only N levels of reasons")
    p.add_argument("--quotes", action="store_true", help="show quotes under their claims")
    p.add_argument("--width", type=int, metavar="N", help="wrap to N columns")
    p.add_argument("--matrix", action="store_true", help="the agreement matrix of sources")
    p.set_defaults(handler=_cmd_show)

    p = sub.add_parser("render", help="draw a map (SVG, DOT, PNG, PDF)")
    _map_arg(p, optional=True)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE")
    p.add_argument("--format", choices=["svg", "dot", "png", "pdf"], help="default: svg")
    p.add_argument("--engine", choices=["auto", "system", "wasm"], default="auto")
    p.add_argument("--evaluate", choices=["grounded", "dfquad"], help="overlay an evaluation")
    p.add_argument("--focus", metavar="CLAIM", help="draw only this claim's neighbourhood")
    p.add_argument("--depth", type=int, metavar="N", help="how far --focus reaches")
    p.add_argument("--no-legend", action="store_true", help="leave out the legend")
    p.add_argument("--all", metavar="DIR", help="render every built-in map into DIR")
    p.set_defaults(handler=_cmd_render)

    p = sub.add_parser("evaluate", help="which claims stand, how strong, the cruxes")
    _map_arg(p)
    p.add_argument("--semantics", choices=["grounded", "dfquad", "all"], default="all")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--width", type=int, help="wrap lines at N columns (default: the terminal's)")
    p.set_defaults(handler=_cmd_evaluate)
    return parser


# -- running ---------------------------------------------------------------------------


def _print_error(exc: BaseException, *, prefix: str = "") -> None:
    lines = str(exc).splitlines() or [type(exc).__name__]
    if isinstance(exc, FormatError) and len(exc.messages) > 1:
        lines = [lines[0], *exc.messages]
    for line in lines:
        print(f"argmap: error: {prefix}{line.strip()}", file=sys.stderr)


_python_showwarning = warnings.showwarning


def _show_warning(  # noqa: PLR0913, PLR0917 - the signature warnings.showwarning has
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """Print argmap's own warnings as one line each; leave others to Python."""
    if issubclass(category, ArgmapWarning):
        for text in str(message).splitlines() or [""]:
            print(f"argmap: warning: {text}", file=sys.stderr)
    else:
        _python_showwarning(message, category, filename, lineno, file, line)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("always", ArgmapWarning)
        warnings.showwarning = _show_warning
        return _run(parser, args)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    handler: _Handler = args.handler
    try:
        return handler(args)
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"argmap: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ArgmapError as exc:
        _print_error(exc)
        return EXIT_PROBLEMS
    except BrokenPipeError:
        # The reader went away (``argmap show | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        print(
            f"argmap: internal error: {type(exc).__name__}: {exc} (this is a bug; "
            "rerun with ARGMAP_DEBUG=1 to see where)",
            file=sys.stderr,
        )
        return 3
