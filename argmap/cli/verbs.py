"""What each verb does: list, check, export, show, render and evaluate.

Each handler takes the parsed arguments and returns the exit status; it opens maps, calls
the public API and prints. Views load when their verb runs.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, get_args

import attrs

import argmap
from argmap import registry
from argmap.cli import inputs
from argmap.cli.status import EXIT_OK, EXIT_PROBLEMS, UsageError, print_error
from argmap.cli.stdout import write_output
from argmap.errors import ArgmapError, OutputError
from argmap.evaluate import SEMANTICS_NAMES
from argmap.files import check_file_name, write_atomic
from argmap.io import detect_output_format, read_text, shown_path
from argmap.model import ArgumentMap
from argmap.text import clean, safe_json

if TYPE_CHECKING:
    from rich.console import RenderableType

    from argmap.evaluate import Evaluation

__all__ = ["check", "evaluate", "export", "list_maps", "render", "show"]


def list_maps(args: argparse.Namespace) -> int:
    """``argmap list``: the built-in maps, with their counts."""
    maps, all_built = inputs.builtin_maps()
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


def check(args: argparse.Namespace) -> int:  # noqa: C901 - one loop, many reports
    """``argmap check``: validate maps, and their quotes against the sources given."""
    specs: list[str] = list(args.maps)
    if args.all:
        specs += registry.names()
    if not specs:
        raise UsageError("check needs MAP arguments or --all")
    sources: dict[str, str] = {}
    for item in args.source:
        match = _SOURCE_ARG.match(item)
        if match is None:
            raise UsageError(f"--source takes ID=FILE, not {item!r}")
        sources[match["id"]] = read_text(match["path"])
    failed = False
    seen_sources: set[str] = set()
    for spec in specs:
        try:
            m = inputs.open_map(spec, args.from_format, check=False)
        except ArgmapError as exc:
            # Errors about a file already name it.
            name = shown_path(spec)
            named = str(exc).startswith((f"{name}: ", f"{inputs.STDIN}: "))
            print_error(exc, prefix="" if named else f"{name}: ")
            failed = True
            continue
        problems = argmap.validate(m)
        name = clean(m.id)  # the map's own id may hold anything: it is shown, never obeyed
        for p in problems:
            print(clean(f"{name}: {p}"))
        seen_sources.update(s.id for s in m.sources)
        misquoted = argmap.check_quotes(m, sources)
        for p in misquoted:
            print(clean(f"{name}: {p}"))
        missing = len(misquoted)
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


def export(args: argparse.Namespace) -> int:
    """``argmap export``: write a map in another format."""
    m = inputs.open_map(args.map, args.from_format)
    fmt = args.to or (detect_output_format(args.output) if args.output else "json")
    options: dict[str, Any] = {}
    if args.evaluate is not None:
        if fmt != "graphml":
            raise UsageError(f"--evaluate works with --to graphml, not {fmt!r}")
        options["evaluation"] = _requested_evaluation(m, args.evaluate)
    text = argmap.dumps(m, fmt, **options)
    write_output(text, args.output, inputs=[args.map])
    return EXIT_OK


def _overlay_evaluation(m: ArgumentMap, *, explain: bool = True) -> Evaluation:
    """The map's evaluation under both semantics, for the summaries' marks and cruxes."""
    from argmap.evaluate import evaluate

    return evaluate(m, "all", explain=explain)


def show(args: argparse.Namespace) -> int:
    """``argmap show``: a map's summary, the agreement matrix, or the overview of all."""
    from argmap.render import terminal

    if args.width is not None and args.width < terminal.MIN_WIDTH:
        raise UsageError(f"--width must be at least {terminal.MIN_WIDTH}, not {args.width}")
    if args.depth is not None and args.depth < 0:
        raise UsageError(f"--depth must be 0 or more, not {args.depth}")
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
            raise UsageError(f"{flag} needs a MAP (argmap show MAP {flag} ...)")
        maps, all_built = inputs.builtin_maps()
        status = EXIT_OK if all_built else EXIT_PROBLEMS
        evaluations = {m.id: _overlay_evaluation(m, explain=False) for m in maps}
        renderable = terminal.overview(maps, evaluations=evaluations)
    elif args.matrix:
        if given:
            raise UsageError(f"--matrix shows the whole map; drop {given[0]}")
        renderable = terminal.agreement_matrix(inputs.open_map(args.map, args.from_format))
    else:
        m = inputs.open_map(args.map, args.from_format)
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


def _render_one(
    m: ArgumentMap, fmt: str, args: argparse.Namespace, evaluation: Evaluation | None
) -> str | bytes:
    from argmap.render import dot, svg

    if fmt == "html":
        from argmap.render.html import to_html

        return to_html(m, engine=args.engine)
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


def _drawing_format(output: str | None) -> str:
    """What ``render -o FILE`` draws, from the file's name.

    DOT for the endings of the DOT format, an image format for its own ending (``.png``,
    ``.pdf``), the interactive page for ``.html`` and ``.htm``, else SVG.
    """
    from argmap.render.svg import ImageFormat

    if output is None or output == "-":
        return "svg"
    if detect_output_format(output) == "dot":
        return "dot"
    suffix = Path(output).suffix.lower().removeprefix(".")
    if suffix in {"html", "htm"}:
        return "html"
    return suffix if suffix in get_args(ImageFormat) else "svg"


def _requested_evaluation(m: ArgumentMap, semantics: str | None) -> Evaluation | None:
    if semantics is None:
        return None
    from argmap.evaluate import Semantics, evaluate

    return evaluate(m, cast("Semantics", semantics))


def render(args: argparse.Namespace) -> int:
    """``argmap render``: draw a map (SVG, DOT, PNG, PDF), or every built-in map."""
    if args.depth is not None and args.depth < 0:
        raise UsageError(f"--depth must be 0 or more, not {args.depth}")
    if args.all is not None:
        if args.map or args.output or args.focus:
            raise UsageError("--all DIR renders every built-in map; give no MAP, -o or --focus")
        return _render_all(args)
    if not args.map:
        raise UsageError("render needs a MAP (or --all DIR)")
    fmt = args.format or _drawing_format(args.output)
    if fmt == "html" and (args.focus or args.depth is not None or args.evaluate):
        raise UsageError(
            "the html page holds the whole map and evaluates it itself; "
            "leave out --focus, --depth and --evaluate"
        )
    to_stdout = args.output is None or args.output == "-"
    if fmt in ("png", "pdf") and to_stdout and sys.stdout.isatty():
        raise UsageError(f"{fmt.upper()} is binary; write it to a file with -o FILE")
    m = inputs.open_map(args.map, args.from_format)
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
    if fmt == "html" and args.evaluate:
        raise UsageError("the html page evaluates the map itself; leave out --evaluate")
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
                print_error(exc, prefix=f"{name}: ")
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


def evaluate(args: argparse.Namespace) -> int:
    """``argmap evaluate``: labels, strengths and cruxes, as text or JSON."""
    import shutil

    from argmap.render.terminal import REPORT_MIN_WIDTH, report

    if args.width is not None and args.width < REPORT_MIN_WIDTH:
        raise UsageError(f"--width must be at least {REPORT_MIN_WIDTH}, not {args.width}")
    assume = _what_if(args.assume, "--assume", "ID=in or ID=out", _ASSUMED)
    base_scores = _what_if(args.base, "--base", "ID=SCORE (a number from 0 to 1)", _score)
    m = inputs.open_map(args.map, args.from_format)
    e = argmap.evaluate(m, args.semantics, assume=assume, base_scores=base_scores)
    if args.json:
        write_output(safe_json({"map": m.id, **e.to_json()}) + "\n", None)
    else:
        # A terminal narrower than the report's minimum gets the minimum.
        width = args.width or max(shutil.get_terminal_size((80, 24)).columns, REPORT_MIN_WIDTH)
        sys.stdout.write(report(m, e, width))
    for part in e.gradual.values():
        if not part.converged:
            name = SEMANTICS_NAMES[part.semantics]
            print(
                f"argmap: warning: {name} did not settle within {part.iterations} rounds on a "
                "cycle; its strengths are the last round's",
                file=sys.stderr,
            )
    return EXIT_OK


_ASSUMED = {"in": "in", "out": "out"}


def _score(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0.0 <= value <= 1.0 else None


def _what_if(
    items: list[str], option: str, form: str, parse: Callable[[str], Any] | Mapping[str, Any]
) -> dict[str, Any]:
    """``--assume``/``--base`` items (``ID=VALUE``) as a mapping; a bad item is a usage error."""
    read = parse.get if isinstance(parse, Mapping) else parse
    found: dict[str, Any] = {}
    for item in items:
        claim, equals, text = item.rpartition("=")
        value = read(text.strip()) if equals and claim else None
        if value is None:
            raise UsageError(f"{option} takes {form}, not {item!r}")
        if claim in found:
            raise UsageError(f"{option} names {claim!r} twice; give each claim once")
        found[claim] = value
    return found
