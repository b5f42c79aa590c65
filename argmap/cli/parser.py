"""The command line's grammar: its verbs, their options, and usage errors on one line."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

import argmap
from argmap.cli import verbs
from argmap.cli.status import EXIT_USAGE
from argmap.io import FORMATS

__all__ = ["build_parser"]


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


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``argmap`` command, each verb with its handler."""
    parser = _Parser(
        prog="argmap",
        description="Write arguments down as data, check them, weigh them and show them.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {argmap.__version__}")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", required=True)

    p = sub.add_parser("list", help="list the built-in maps")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=verbs.list_maps)

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
    p.set_defaults(handler=verbs.check)

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
    p.set_defaults(handler=verbs.export)

    p = sub.add_parser("show", help="summarise a map in the terminal")
    _map_arg(p, optional=True)
    p.add_argument("--thesis", metavar="ID", help="only this thesis")
    p.add_argument("--depth", type=int, metavar="N", help="only N levels of reasons")
    p.add_argument("--quotes", action="store_true", help="show quotes under their claims")
    p.add_argument("--width", type=int, metavar="N", help="wrap to N columns")
    p.add_argument("--matrix", action="store_true", help="the agreement matrix of sources")
    p.set_defaults(handler=verbs.show)

    p = sub.add_parser("render", help="draw a map (SVG, DOT, PNG, PDF, interactive HTML)")
    _map_arg(p, optional=True)
    p.add_argument("-o", "--output", metavar="FILE", type=_given, help="write to FILE")
    p.add_argument(
        "--format",
        choices=["svg", "dot", "png", "pdf", "html"],
        help="default: from -o's ending, else svg (html: the interactive page)",
    )
    p.add_argument("--engine", choices=["auto", "system", "wasm"], default="auto")
    p.add_argument("--evaluate", choices=["grounded", "dfquad"], help="overlay an evaluation")
    p.add_argument("--focus", metavar="CLAIM", help="draw only this claim's neighbourhood")
    p.add_argument("--depth", type=int, metavar="N", help="how far --focus reaches")
    p.add_argument("--no-legend", action="store_true", help="leave out the legend")
    p.add_argument("--all", metavar="DIR", type=_given, help="render every built-in map into DIR")
    p.set_defaults(handler=verbs.render)

    p = sub.add_parser("evaluate", help="which claims stand, how strong, the cruxes")
    _map_arg(p)
    p.add_argument(
        "--semantics",
        choices=["grounded", "quadratic", "dfquad", "all"],
        default="all",
        help="grounded labels, quadratic-energy or DF-QuAD strengths, or all (default)",
    )
    p.add_argument(
        "--assume",
        metavar="ID=in|out",
        action="append",
        default=[],
        help="what if claim ID were accepted (in) or rejected (out) (repeatable)",
    )
    p.add_argument(
        "--base",
        metavar="ID=SCORE",
        action="append",
        default=[],
        help="what if claim ID had base score SCORE, from 0 to 1 (repeatable)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--width", type=int, help="wrap lines at N columns (default: the terminal's)")
    p.set_defaults(handler=verbs.evaluate)
    return parser
