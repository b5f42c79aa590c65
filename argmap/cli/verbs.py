"""What each verb does (check, export, show, find, render, evaluate, diff...; list: listing).

Each handler takes the parsed arguments and returns the exit status; it opens maps, calls
the public API and prints. Views load when their verb runs; this module loads when a
verb runs (``argmap --help`` does not need it).

(Longer than the house's guide of 500 lines: one handler per verb, each short, with the
small helpers only it uses; ``list`` lives apart in :mod:`argmap.cli.listing` because it
runs at start-up speed.)
"""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import sys
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import argmap
from argmap import registry
from argmap.cli import inputs
from argmap.cli.listing import SIDE_WORD
from argmap.cli.status import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, print_error
from argmap.cli.stdout import write_output
from argmap.errors import (
    ArgmapError,
    InvalidMapError,
    OutputError,
    ParameterError,
    UnknownIdError,
)
from argmap.evaluate import SEMANTICS_NAMES, explain_budget
from argmap.files import check_file_name, write_atomic
from argmap.io import detect_output_format, read_text, shown_path
from argmap.model import ArgumentMap, similar_ids
from argmap.suggest import close_ids, did_you_mean
from argmap.text import clean, safe_json

if TYPE_CHECKING:
    from rich.console import RenderableType

    from argmap.evaluate import Evaluation

__all__ = [
    "HANDLERS",
    "check",
    "completion",
    "diff",
    "evaluate",
    "export",
    "find",
    "render",
    "show",
]

#: The handler of each verb, by the verb's name.
HANDLERS = {
    "check": "check",
    "export": "export",
    "show": "show",
    "find": "find",
    "render": "render",
    "evaluate": "evaluate",
    "diff": "diff",
    "completion": "completion",
}


#: The steps ``argmap evaluate`` lets cruxes and influence take unless told
#: (``--explain-steps``): this many, plus :data:`COMMAND_STEPS_PER_ELEMENT` per claim,
#: relation and premise cited. A step costs a few microseconds, about what reading an
#: element of a file does, so the explanations cost at most about what loading and
#: labelling the map cost (README, "Speed at corpus scale"). The base explains every
#: built-in map in full (the largest, asian-nato, takes 33,706 steps).
COMMAND_STEPS_BASE = 40_000
#: See :data:`COMMAND_STEPS_BASE`.
COMMAND_STEPS_PER_ELEMENT = 0.5

_SOURCE_ARG = re.compile(r"^(?P<id>[^=]+)=(?P<path>.+)$")


def _source_hint(sid: str, seen: set[str]) -> str:
    """What to say after an unknown ``--source`` id: the closest ids, or what there is."""
    close = close_ids(sid, sorted(seen))
    if close:
        return did_you_mean(close)
    return "; use one of their source ids" if seen else " (they have no sources)"


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
            said = f"--source names {sid!r}, which is no source of the maps checked"
            said += _source_hint(sid, seen_sources)
            print(f"argmap: error: {said}", file=sys.stderr)
            failed = True
    return EXIT_PROBLEMS if failed else EXIT_OK


def export(args: argparse.Namespace) -> int:
    """``argmap export``: write a map in another format."""
    m = inputs.open_map(args.map, args.from_format)
    if args.to is None and args.output and _drawing_suffix(args.output) in ("svg", "png", "pdf"):
        raise UsageError(
            f"export writes maps, not drawings; to draw {args.output!r}, use: "
            f"argmap render {args.map} -o {args.output}"
        )
    fmt = args.to or (detect_output_format(args.output) if args.output else "json")
    options: dict[str, Any] = {}
    if args.evaluate is not None:
        if fmt != "graphml":
            raise UsageError(f"--evaluate works with --to graphml, not {fmt!r}")
        options["evaluation"] = _requested_evaluation(m, args.evaluate)
    text = argmap.dumps(m, fmt, **options)
    write_output(text, args.output, inputs=[args.map])
    return EXIT_OK


def _overlay_evaluation(
    m: ArgumentMap, semantics: str = "all", *, explain: bool = True
) -> Evaluation:
    """The map's evaluation, for the summaries' marks and cruxes."""
    from argmap.evaluate import Semantics, evaluate

    return evaluate(m, cast("Semantics", semantics), explain=explain)


def _page(text: str, args: argparse.Namespace) -> None:
    from argmap.cli.pager import write_paged

    write_paged(text, page=not getattr(args, "no_pager", False))


def show(args: argparse.Namespace) -> int:
    """``argmap show``: a map's summary, the agreement matrix, or the overview of all."""
    from argmap.render import terminal

    if args.width is not None and args.width < terminal.MIN_WIDTH:
        raise UsageError(f"--width must be at least {terminal.MIN_WIDTH}, not {args.width}")
    given = [
        name
        for name, value in (
            ("--thesis", args.thesis is not None),
            ("--depth", args.depth is not None),
            ("--quotes", args.quotes),
            ("--ids", args.ids),
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
        evaluations = (
            None
            if args.no_evaluate
            else {m.id: _overlay_evaluation(m, args.semantics, explain=False) for m in maps}
        )
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
            ids=args.ids,
            evaluation=None if args.no_evaluate else _overlay_evaluation(m, args.semantics),
        )
    console = terminal.make_console(width=args.width)
    with console.capture() as captured:  # rich would exit 1 itself on a broken pipe
        console.print(renderable)
    # rich pads wrapped lines and table cells with spaces: they would only clutter a file,
    # a diff or a copied paragraph
    _page(_TRAILING.sub("", captured.get()), args)
    return status


_TRAILING = re.compile(r"[ \t]+$", re.MULTILINE)


def find(args: argparse.Namespace) -> int:
    """``argmap find``: the claims whose words match, with their id and sides; 1 if none."""
    from argmap.search import search

    m = inputs.open_map(args.map, args.from_format)
    query = " ".join(args.words)
    try:
        found = search(m, query)
    except ParameterError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        rows = [
            {
                "id": f.claim.id,
                "text": f.claim.text,
                "sides": {t: str(p) for t, p in f.sides.items()},
            }
            for f in found
        ]
        write_output(safe_json(rows) + "\n", None)
    else:
        width = args.width or shutil.get_terminal_size((80, 24)).columns
        for f in found:
            sides = "; ".join(
                "the thesis" if t == f.claim.id else f"{SIDE_WORD[p.value]} {t}"
                for t, p in f.sides.items()
            )
            print(clean(f"{f.claim.id} ({sides or 'bears on no thesis'})"))
            lines = textwrap.wrap(clean(f.claim.text), max(width - 4, 16)) or [""]
            print("\n".join("    " + line for line in lines))
    if not found:
        print(f"argmap: no claim of {m.id!r} matches {query!r}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


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
        "thesis": getattr(args, "thesis", None),
        "full": bool(getattr(args, "full", False)),
        "legend": not args.no_legend,
    }
    if fmt == "dot":
        return dot.dumps(m, **options)
    data = svg.to_image(m, cast("svg.ImageFormat", fmt), engine=args.engine, **options)
    return data.decode("utf-8") if fmt == "svg" else data


_DRAWINGS = ("svg", "png", "pdf", "dot", "html")


def _drawing_suffix(output: str) -> str | None:
    """What a name's ending says to draw (svg, png, pdf, dot, html); '' for none, else None."""
    if detect_output_format(output) == "dot":
        return "dot"
    suffix = Path(output).suffix.lower().removeprefix(".")
    if suffix == "htm":
        return "html"
    if not suffix:
        return ""
    return suffix if suffix in _DRAWINGS else None


def _drawing_format(output: str | None, given: str | None) -> str:
    """What ``render`` draws: ``--format``, else the ``-o`` name's ending, else SVG.

    Raises:
        UsageError: if the name ends in anything but a drawing's ending, or in another
            format's than ``--format``.
    """
    if output is None or output == "-":
        return given or "svg"
    suffix = _drawing_suffix(output)
    if suffix is None:
        ending = Path(output).suffix
        hint = ""
        if detect_output_format(output) != "json" or ending.lower() == ".json":
            hint = f"; to write the map itself, use: argmap export MAP -o {output}"
        raise UsageError(
            f"render draws SVG, PNG, PDF, DOT or HTML, so -o must end in .svg, .png, .pdf, .dot "
            f"or .html, "
            f"not {ending!r}{hint}"
        )
    if given and suffix and given != suffix:
        raise UsageError(f"--format {given} does not match -o {output!r}; make them agree")
    return given or suffix or "svg"


def _default_output(spec: str, m: ArgumentMap, fmt: str) -> str:
    """``NAME.FMT`` in the current folder: the built-in id, the file's stem, or the map's id."""
    if spec == "-":
        name = m.id
    elif spec in registry.names():
        name = spec
    else:
        name = Path(spec).stem
    plain = name not in {"", ".", ".."} and not any(c in name for c in "/\\\0")
    plain = plain and name.isprintable() and not name.startswith("-")
    return f"{name if plain else 'map'}.{fmt}"


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
        if args.map or args.output or args.focus or args.thesis:
            raise UsageError(
                "--all DIR renders every built-in map; give no MAP, -o, --focus or --thesis"
            )
        return _render_all(args)
    if not args.map:
        raise UsageError("render needs a MAP (or --all DIR)")
    if args.thesis is not None and args.focus is not None:
        raise UsageError("--thesis and --focus each choose what to draw; give one")
    fmt = _drawing_format(args.output, args.format)
    if fmt == "html" and (
        args.focus or args.thesis or args.depth is not None or args.evaluate or args.full
    ):
        raise UsageError(
            "the html page holds the whole map and evaluates it itself; "
            "leave out --focus, --thesis, --depth, --full and --evaluate"
        )
    output = args.output
    m = inputs.open_map(args.map, args.from_format)
    if output is None and sys.stdout.isatty():
        output = _default_output(args.map, m, fmt)
    data = _render_one(m, fmt, args, _requested_evaluation(m, args.evaluate))
    write_output(data, output, inputs=[args.map])
    if args.output is None and output is not None:
        print(f"wrote {output} ({_size(data, fmt)})", file=sys.stderr)
    return EXIT_OK


def _size(data: str | bytes, fmt: str) -> str:
    """What a person wants to know of a drawing just written: its size."""
    if fmt == "svg" and isinstance(data, str):
        match = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', data)
        if match:
            return f"{float(match[1]):,.0f} \u00d7 {float(match[2]):,.0f} pt"
    return f"{len(data):,} bytes"


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
    from argmap.render.terminal import REPORT_MIN_WIDTH, report

    if args.width is not None and args.width < REPORT_MIN_WIDTH:
        raise UsageError(f"--width must be at least {REPORT_MIN_WIDTH}, not {args.width}")
    assume = _what_if(args.assume, "--assume", "ID=in or ID=out", _ASSUMED)
    base_scores = _what_if(args.base, "--base", "ID=SCORE (a number from 0 to 1)", _score)
    m = inputs.open_map(args.map, args.from_format)
    _known_claims(m, args.map, {"--assume": assume, "--base": base_scores})
    steps = args.explain_steps
    if steps is None:
        steps = explain_budget(m, base=COMMAND_STEPS_BASE, per_element=COMMAND_STEPS_PER_ELEMENT)
    e = argmap.evaluate(
        m, args.semantics, assume=assume, base_scores=base_scores, max_explain_steps=steps
    )
    if args.json:
        write_output(safe_json({"map": m.id, **e.to_json()}) + "\n", None)
    else:
        # A terminal narrower than the report's minimum gets the minimum.
        width = args.width or max(shutil.get_terminal_size((80, 24)).columns, REPORT_MIN_WIDTH)
        _page(report(m, e, width), args)
    if e.cut_short and args.explain_steps is None:
        print(
            "argmap: note: explanations were cut short at the command's step limit; "
            "--explain-steps N allows more",
            file=sys.stderr,
        )
    for part in e.gradual.values():
        if not part.converged:
            name = SEMANTICS_NAMES[part.semantics]
            print(
                f"argmap: warning: {name} did not settle within {part.iterations} rounds on a "
                "cycle; its strengths are the last round's",
                file=sys.stderr,
            )
        elif part.influence and not part.influence_converged:
            name = SEMANTICS_NAMES[part.semantics]
            print(
                f"argmap: warning: {name}'s strengths settled, but its influence (what moves a "
                "thesis most) did not within the iteration bound; those figures are the last "
                "pass's",
                file=sys.stderr,
            )
    return EXIT_OK


def completion(args: argparse.Namespace) -> int:
    """``argmap completion SHELL``: a completion script for the shell (shtab writes it)."""
    import shtab

    from argmap.cli.parser import build_parser

    parser = build_parser()
    maps = " ".join(registry.names())
    preamble = {
        "bash": f'_argmap_maps() {{\n  compgen -W "{maps}" -- "$1"\n  compgen -f -- "$1"\n}}\n',
        "zsh": (
            f"_argmap_maps() {{\n  _alternative 'maps:built-in map:({maps})' "
            "'files:file:_files'\n}\n"
        ),
    }
    maps_complete = {"bash": "_argmap_maps", "zsh": "_argmap_maps", "tcsh": "f"}
    for action in _actions(parser):
        if action.dest in {"map", "maps"}:
            action.complete = maps_complete  # type: ignore[attr-defined]
        elif action.metavar in {"FILE", "DIR"}:
            action.complete = shtab.DIRECTORY if action.metavar == "DIR" else shtab.FILE  # type: ignore[attr-defined]
    script = shtab.complete(parser, shell=args.shell, preamble=preamble.get(args.shell, ""))
    write_output(script if script.endswith("\n") else script + "\n", None)
    return EXIT_OK


def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """Every action of a parser and of its verbs' parsers."""
    found: list[argparse.Action] = []
    stack = [parser]
    while stack:
        p = stack.pop()
        for action in p._actions:  # noqa: SLF001 - argparse keeps them nowhere public
            found.append(action)
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                stack.extend(action.choices.values())
    return found


def diff(args: argparse.Namespace) -> int:
    """``argmap diff``: what changed from map A to map B, and what it did to the evaluation.

    Exit status as diff's: 0 the same argument, 1 they differ, 2 trouble (a usage error, or
    a map that cannot be read), so that 1 always means "they differ".
    """
    from argmap.render import terminal

    if args.width is not None and args.width < terminal.MIN_WIDTH:
        raise UsageError(f"--width must be at least {terminal.MIN_WIDTH}, not {args.width}")
    if args.before == "-" and args.after == "-":
        raise UsageError("only one of A and B can be - (standard input)")
    maps = []
    for spec in (args.before, args.after):
        try:
            maps.append(inputs.open_map(spec, args.from_format))
        except ArgmapError as exc:
            name = shown_path(spec)
            # Errors about a file already name it (an invalid map's lines, by its subject).
            said = f"{exc.subject}: " if isinstance(exc, InvalidMapError) else str(exc)
            named = said.startswith((f"{name}: ", f"{inputs.STDIN}: "))
            print_error(exc, prefix="" if named else f"{name}: ")
            return EXIT_USAGE
    semantics = None if args.semantics == "none" else args.semantics
    try:
        d = argmap.diff(maps[0], maps[1], semantics=semantics)
    except ArgmapError as exc:
        print_error(exc)
        return EXIT_USAGE
    if args.json:
        write_output(safe_json(d.to_json()) + "\n", None)
    else:
        console = terminal.make_console(width=args.width)
        with console.capture() as captured:  # rich would exit 1 itself on a broken pipe
            console.print(terminal.diff_report(d))
        sys.stdout.write(captured.get())
    return EXIT_OK if d.same else EXIT_PROBLEMS


_ASSUMED = {"in": "in", "out": "out"}


def _score(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0.0 <= value <= 1.0 else None


def _known_claims(m: ArgumentMap, spec: str, options: Mapping[str, Mapping[str, Any]]) -> None:
    """Each claim id a what-if option names is one of the map's, or an error naming the option.

    The library's own message names its parameter (``assume``); the command's names the
    option as it was typed, the id, and the ids most like it, or where to find them.
    """
    for option, given in options.items():
        for claim in given:
            if claim in m.claims_by_id:
                continue
            close = similar_ids(m, claim)()
            msg = f"{option} names {claim!r}, which is no claim of map {m.id!r}"
            if not close:  # the command that lists them, where it fits on the line
                listed = spec != "-" and spec.isprintable()
                where = f" (argmap show {shlex.quote(spec)} --ids)" if listed else ""
                msg += f"; use one of its claim ids{where}"
            raise UnknownIdError(msg, claim, suggest=close)


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
