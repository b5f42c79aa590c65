"""The ``argmap`` command: a thin shell over the public API.

Exit status: 0 when all is well, 1 for bad input or problems found, 2 for a usage error,
130 after Ctrl-C and 141 when standard output is a pipe whose reader went away (128 plus
the signal's number, as the shell reports tools those signals end). Errors are one line
each on standard error, never a traceback (set ``ARGMAP_DEBUG=1`` to see one for an
unexpected failure).

Maps, drawings and JSON go to standard output as UTF-8 whatever the locale, byte for byte
what ``-o`` would write; text for people is written in the terminal's encoding, with ``?``
for characters it lacks.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import re
import signal
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn, TextIO, cast

import attrs

import argmap
from argmap import _startup, registry
from argmap.errors import ArgmapError, ArgmapWarning, FormatError, OutputError, UnknownMapError
from argmap.files import check_file_name, encode, write_atomic
from argmap.io import (
    FORMATS,
    MAX_INPUT_BYTES,
    decode_input,
    detect_output_format,
    input_too_large,
    read_text,
    shown_path,
)
from argmap.model import ArgumentMap
from argmap.text import clean, safe_json

if TYPE_CHECKING:
    from rich.console import RenderableType

    from argmap.evaluate import Evaluation

__all__ = ["main"]

_Handler = Callable[[argparse.Namespace], int]

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = _startup.EXIT_INTERRUPTED  # 128 + SIGINT
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE
STDIN = "standard input"


# -- opening maps and writing output ---------------------------------------------------


def read_stdin() -> str:
    """Read standard input as UTF-8 text, no more than argmap's input limit of it.

    Raises:
        FormatError: if it is longer than the limit, or not UTF-8.
    """
    name = STDIN
    if sys.stdin is None:
        raise FormatError(f"{name}: it is closed; give a file, or pipe a map in")
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
    if _names_a_file(spec):
        return argmap.load(spec, fmt, check=check)
    if spec in registry.names():
        return registry.get(spec)
    looks_like_path = os.sep in spec or "." in spec
    if looks_like_path:
        raise FormatError(f"{shown_path(spec)}: no such file")
    known = ", ".join(registry.names()) or "none are installed"
    msg = f"{shown_path(spec)}: neither a file nor a built-in map (built-in: {known})"
    raise UnknownMapError(msg)


def _names_a_file(spec: str) -> bool:
    """Whether MAP names a file: one that exists, or one only reading it can explain.

    A name too long or holding a NUL character is left for :func:`argmap.load`, which
    says what is wrong with it in one line.
    """
    try:
        Path(spec).stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, ValueError):
        return True
    return True


def write_output(text: str | bytes, out: str | None, *, inputs: Sequence[str] = ()) -> None:
    """Write to ``out`` (see :func:`argmap.files.write_atomic`), or to standard output.

    Standard output (``out`` None or ``-``) gets the same UTF-8 bytes as a file would,
    whatever the locale's encoding.
    """
    if out is None or out == "-":
        payload = encode(text, "to standard output")
        sys.stdout.flush()
        if (buffer := getattr(sys.stdout, "buffer", None)) is not None:
            buffer.write(payload)
            buffer.flush()
        else:  # a stand-in stream that takes text only
            sys.stdout.write(payload.decode("utf-8"))
            sys.stdout.flush()
        return
    write_atomic(out, text, protect=[i for i in inputs if i != "-"])


def _builtin_maps() -> tuple[list[ArgumentMap], bool]:
    """Every built-in map that builds, and whether all did (each failure is one line)."""
    maps: list[ArgumentMap] = []
    for name in registry.names():
        try:
            maps.append(registry.get(name))
        except ArgmapError as exc:
            _print_error(exc, prefix="" if repr(name) in str(exc) else f"{shown_path(name)}: ")
    return maps, len(maps) == len(registry.names())


# -- verbs -----------------------------------------------------------------------------


def _cmd_list(args: argparse.Namespace) -> int:
    maps, all_built = _builtin_maps()
    status = EXIT_OK if all_built else EXIT_PROBLEMS
    if args.json:
        rows = [{"id": m.id, "title": m.title, **attrs.asdict(m.counts())} for m in maps]
        write_output(safe_json(rows) + "\n", None)
        return status
    if not maps:
        print("no built-in maps are installed" if all_built else "no built-in map could be built")
        return status
    ids = {m.id: clean(m.id) for m in maps}
    width = max(len(i) for i in ids.values())
    print(f"{'id':<{width}}  claims   pro   con  title")
    for m in maps:
        c = m.counts()
        con = c.rebuttals + c.undercuts
        row = f"{ids[m.id]:<{width}}  {c.claims:>6} {c.supports:>5} {con:>5}  {m.title}"
        print(clean(row))
    return status


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
        c = m.counts()
        quoted = ""
        if sources:
            checked = sum(q.source in sources for cl in m.claims for q in cl.quotes)
            quoted = f", {checked - missing}/{checked} quotes verbatim"
        verdict = "ok" if errors == 0 else f"{errors} error{'s' * (errors != 1)}"
        tail = f", {warnings} warning{'s' * (warnings != 1)}" if warnings else ""
        counted = f"{c.claims} claims, {c.relations} relations{quoted}"
        print(f"{name}: {verdict}{tail} ({counted})")
    for sid in sources:
        if sid not in seen_sources:
            print(f"argmap: error: no map checked has source {sid!r}", file=sys.stderr)
            failed = True
    return EXIT_PROBLEMS if failed else EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    m = open_map(args.map, args.from_format)
    fmt = args.to or (detect_output_format(args.output) if args.output else "json")
    options: dict[str, Any] = {}
    if args.evaluate is not None:
        if fmt != "graphml":
            raise _UsageError(f"--evaluate works with --to graphml, not {fmt!r}")
        options["evaluation"] = _requested_evaluation(m, args.evaluate)
    text = argmap.dumps(m, fmt, **options)
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
    status = EXIT_OK
    if args.map is None:
        if given or args.matrix or args.from_format:
            flag = (given or ["--matrix" if args.matrix else "--from"])[0]
            raise _UsageError(f"{flag} needs a MAP (argmap show MAP {flag} ...)")
        maps, all_built = _builtin_maps()
        status = EXIT_OK if all_built else EXIT_PROBLEMS
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
    console = terminal.make_console(width=args.width)
    with console.capture() as captured:  # rich would exit 1 itself on a broken pipe
        console.print(renderable)
    sys.stdout.write(captured.get())
    return status


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

    folder = Path(check_file_name(args.all, verb="create"))
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
                target = folder / _file_name(name, fmt, folder)
                m = registry.get(name)
                data = _render_one(m, fmt, args, _requested_evaluation(m, args.evaluate))
                write_atomic(target, data)
            except ArgmapError as exc:
                _print_error(exc, prefix=f"{name}: ")
                failed += 1
            progress.advance(task)
    done = len(names) - failed
    print(f"rendered {done} of {len(names)} maps into {folder}", file=sys.stderr)
    return EXIT_PROBLEMS if failed else EXIT_OK


def _file_name(name: str, fmt: str, folder: Path) -> str:
    """``NAME.FMT``, if the map id ``name`` makes a file name inside ``folder``.

    Raises:
        OutputError: if it would not (a path such as ``../x`` or ``/x``, or ``..``).
    """
    plain = (
        name not in {"", ".", ".."}
        and not any(c in name for c in "/\\\0")
        and Path(name).name == name
        and not Path(name).anchor
    )
    if not plain:
        msg = (
            f"map id {name!r} is not a plain file name, so it is not rendered "
            f"(it would be written outside {str(folder)!r})"
        )
        raise OutputError(msg)
    return f"{name}.{fmt}"


def _cmd_evaluate(args: argparse.Namespace) -> int:
    import shutil

    from argmap.render.terminal import REPORT_MIN_WIDTH, report

    if args.width is not None and args.width < REPORT_MIN_WIDTH:
        raise _UsageError(f"--width must be at least {REPORT_MIN_WIDTH}, not {args.width}")
    m = open_map(args.map, args.from_format)
    e = argmap.evaluate(m, args.semantics)
    if args.json:
        write_output(safe_json({"map": m.id, **e.to_json()}) + "\n", None)
    else:
        # A terminal narrower than the report's minimum gets the minimum.
        width = args.width or max(shutil.get_terminal_size((80, 24)).columns, REPORT_MIN_WIDTH)
        sys.stdout.write(report(m, e, width))
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


def _given(value: str) -> str:
    """An argparse type: any text but the empty string (which would mean "nothing")."""
    if not value:
        msg = "give a value, not an empty string"
        raise argparse.ArgumentTypeError(msg)
    return value


def _map_arg(p: argparse.ArgumentParser, *, optional: bool = False) -> None:
    p.add_argument(
        "map",
        metavar="MAP",
        type=_given,
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
        type=_given,
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
    p.add_argument("maps", metavar="MAP", type=_given, nargs="*", help="built-in map ids or files")
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
    p.add_argument(
        "--to", metavar="FORMAT", type=_given, help=f"{', '.join(writable)} (default: json)"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", type=_given, help="write to FILE (default: stdout)"
    )
    p.add_argument(
        "--evaluate",
        choices=["grounded", "dfquad", "all"],
        help="add an evaluation's labels and strengths (GraphML only)",
    )
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
    p.add_argument("-o", "--output", metavar="FILE", type=_given, help="write to FILE")
    p.add_argument("--format", choices=["svg", "dot", "png", "pdf"], help="default: svg")
    p.add_argument("--engine", choices=["auto", "system", "wasm"], default="auto")
    p.add_argument("--evaluate", choices=["grounded", "dfquad"], help="overlay an evaluation")
    p.add_argument("--focus", metavar="CLAIM", help="draw only this claim's neighbourhood")
    p.add_argument("--depth", type=int, metavar="N", help="how far --focus reaches")
    p.add_argument("--no-legend", action="store_true", help="leave out the legend")
    p.add_argument("--all", metavar="DIR", type=_given, help="render every built-in map into DIR")
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
    """Run the command line; return the exit status.

    Ctrl-C gives 130 and a broken pipe on standard output 141, with nothing printed; a
    standard output that is closed or fails is one error line and 1.
    """
    startup = signal.getsignal(signal.SIGINT) is _startup.quiet_exit
    if startup:  # Python's own handler while we run: interrupted writes clean up
        signal.signal(signal.SIGINT, signal.default_int_handler)
    real = sys.stdout
    try:
        with _stdout_for_people(real):
            sys.stdout = cast("TextIO", _Stdout(real))
            return _main(argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_failed_streams(real)
        return EXIT_BROKEN_PIPE
    except _StdoutError as exc:
        _silence_failed_streams(real)
        print(f"argmap: error: cannot write to standard output: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        sys.stdout = real
        if startup:
            signal.signal(signal.SIGINT, _startup.quiet_exit)


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.simplefilter("always", ArgmapWarning)
        warnings.showwarning = _show_warning
        status = _run(parser, args)
    sys.stdout.flush()  # a failure shows here, while it can still be reported
    return status


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    handler: _Handler = args.handler
    try:
        return handler(args)
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"argmap: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ArgmapError as exc:
        if isinstance(exc, OutputError) and exc.errno == errno.EPIPE:
            raise BrokenPipeError(errno.EPIPE, str(exc)) from None  # -o a pipe: as stdout
        _print_error(exc)
        return EXIT_PROBLEMS
    except (BrokenPipeError, KeyboardInterrupt, _StdoutError):
        raise
    except Exception as exc:
        if os.environ.get("ARGMAP_DEBUG"):
            raise
        print(
            f"argmap: internal error: {type(exc).__name__}: {exc} (this is a bug; "
            "rerun with ARGMAP_DEBUG=1 to see where)",
            file=sys.stderr,
        )
        return 3


# -- standard output -------------------------------------------------------------------


class _StdoutError(Exception):
    """Standard output is closed, or writing to it failed (a full disk, an I/O error)."""


def _guarded(write: Callable[..., Any], *args: Any) -> Any:  # noqa: ANN401 - any stream call
    try:
        return write(*args)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _StdoutError(exc.strerror or str(exc)) from None
    except ValueError:  # "I/O operation on closed file"
        raise _StdoutError("it is closed") from None


class _Stdout:
    """Standard output for one command, whose failures end it with one line, not a traceback.

    Python gives ``None`` for a standard output that was closed when it started
    (``argmap list >&-``); writing to that is an error here, as it is for cat. Text goes
    to the binary buffer below Python's text layer, which would drop what a pipe's
    reader left unread and say nothing (a write cut short by the reader's going away
    reports the bytes it wrote, not the broken pipe); here the rest is written again, so
    the broken pipe shows.
    """

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def _open(self) -> TextIO:
        if self._stream is None:
            msg = "it is closed"
            raise _StdoutError(msg)
        return self._stream

    def write(self, text: str) -> int:
        stream = self._open()
        buffer = getattr(stream, "buffer", None)
        if buffer is None or os.linesep != "\n":  # a stand-in, or newlines to translate
            return cast("int", _guarded(stream.write, text))
        _guarded(stream.flush)  # what went through the text layer comes first
        _write_fully(buffer, text.encode(stream.encoding or "utf-8", stream.errors or "strict"))
        if stream.line_buffering and "\n" in text:
            _guarded(buffer.flush)
        return len(text)

    def flush(self) -> None:
        if self._stream is not None:
            _guarded(self._stream.flush)

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    @property
    def buffer(self) -> _StdoutBuffer:
        return _StdoutBuffer(self._open().buffer)

    def __getattr__(self, name: str) -> Any:  # noqa: ANN401 - the stream's own attributes
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


class _StdoutBuffer:
    """The binary side of :class:`_Stdout`."""

    def __init__(self, buffer: IO[bytes]) -> None:
        self._buffer = buffer

    def write(self, data: bytes) -> int:
        _write_fully(self._buffer, data)
        return len(data)

    def flush(self) -> None:
        _guarded(self._buffer.flush)


def _write_fully(buffer: IO[bytes], data: bytes) -> None:
    """Write all of ``data``: a short write is followed by another, which shows the error."""
    view = memoryview(data)
    while view:
        written = _guarded(buffer.write, view)
        if not written:  # None: it would block; 0: it takes nothing more
            msg = "it takes no more output"
            raise _StdoutError(msg)
        view = view[written:]


@contextlib.contextmanager
def _stdout_for_people(stream: TextIO | None) -> Iterator[None]:
    """Replace characters the output's encoding lacks with ``?`` (text for people only)."""
    old = getattr(stream, "errors", None)
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None or old is None:
        yield
        return
    with contextlib.suppress(OSError, ValueError):
        reconfigure(errors="replace")
    try:
        yield
    finally:
        with contextlib.suppress(OSError, ValueError):
            reconfigure(errors=old)


def _silence_failed_streams(stdout: TextIO | None) -> None:
    """After a broken pipe or a failed write, point the failing streams at the null device.

    Python flushes standard output and error once more on the way out; what they still
    hold would fail again, print a warning and change the exit status to 120. (This is
    Python's own advice, in the signal module's notes on SIGPIPE.) Streams other than
    the process's own, as in tests, are left alone.
    """
    own = [s for s in (sys.__stdout__, sys.__stderr__) if s is not None]
    for stream in (stdout, sys.stderr):
        if stream is None or not any(stream is s for s in own):
            continue
        try:
            stream.flush()
        except OSError:
            with contextlib.suppress(OSError, ValueError):
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, stream.fileno())
                os.close(null)
