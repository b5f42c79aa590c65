"""The command line's grammar: its verbs, their options, and usage errors on one line.

Every option has a one-line help that says what it does and its default; every verb's
``--help`` ends with examples. A verb's handler is named here and imported only when the
verb runs (:mod:`argmap.cli.verbs`), so that ``argmap --help`` loads no more than it must.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

from argmap.cli import toplevel
from argmap.cli.status import EXIT_USAGE

__all__ = ["build_parser"]

#: The semantics argmap.evaluate takes (argmap.evaluate.Semantics; a test keeps them equal),
#: written here so that ``argmap --help`` loads no model.
SEMANTICS = ("grounded", "quadratic", "dfquad", "all")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help whose lists of formats are filled in when shown, from the registry then.

    The registry loads the public API (plugins may add formats), which only the help of
    a verb that names formats needs.
    """

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = super()._get_help_string(action)
        if text and ("{readable}" in text or "{writable}" in text):
            finish_import()
            from argmap.io import FORMATS

            for kind in ("readable", "writable"):
                names = sorted(f.name for f in FORMATS.values() if getattr(f, kind))
                text = text.replace("{" + kind + "}", ", ".join(names))
        return text


def finish_import() -> None:
    """Import the public API (the command imports it lazily): its formats, hooks and all."""
    import argmap

    argmap.ArgumentMap  # noqa: B018 - the first public name read imports the rest


def _given(value: str) -> str:
    """An argparse type: any text but the empty string (which would mean "nothing")."""
    if not value:
        msg = "give a value, not an empty string"
        raise argparse.ArgumentTypeError(msg)
    return value


def _whole(least: int, what: str) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``least`` (``what`` names the range)."""

    def convert(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            number = least - 1
        if number < least:
            msg = f"must be {what}, not {value!r}"
            raise argparse.ArgumentTypeError(msg)
        return number

    return convert


#: A whole number of 0 or more (a depth).
_count = _whole(0, "a whole number of 0 or more")
#: A positive whole number of columns (each view checks its own minimum).
_columns = _whole(1, "a whole number of columns")


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for (it is slow)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)  # type: ignore[arg-type]

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        import argmap

        sys.stdout.write(f"argmap {argmap.__version__}\n")  # on stdout, as argparse's own
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors that start "argmap: error:" like every other error."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        verb = self.prog.removeprefix("argmap").strip()
        message = self._suggest(message)
        if not verb and message.endswith("required: VERB"):
            message += " (argmap --help lists them)"
        # argparse quotes arguments as given: escape what would break the line.
        message = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
        self.exit(EXIT_USAGE, f"argmap: error: {verb + ': ' if verb else ''}{message}\n")

    def _suggest(self, message: str) -> str:
        """An "invalid choice" message, with the closest choices: "did you mean 'show'?"."""
        found = _INVALID_CHOICE.match(message)
        if found is None:
            return message
        from argmap.suggest import close_ids, did_you_mean

        for action in self._actions:
            name = "/".join(action.option_strings) or action.metavar or action.dest
            if name == found["name"] and action.choices is not None:
                close = did_you_mean(close_ids(found["value"], [str(c) for c in action.choices]))
                return message[: found.end()] + close + message[found.end() :]
        return message


_INVALID_CHOICE = re.compile(r"argument (?P<name>[^:]+): invalid choice: '(?P<value>[^']*)'")


#: Each verb's one-line summary: what ``argmap --help`` lists, and its help's first line.
_SUMMARIES = dict(toplevel.VERBS)

if TYPE_CHECKING:
    _Verbs = argparse._SubParsersAction[_Parser]  # noqa: SLF001 - what add_subparsers returns


def _verb(sub: _Verbs, name: str, examples: str, *, description: str = "") -> _Parser:
    """A verb's parser: its one-line summary, a description, and examples under its help."""
    summary = _SUMMARIES[name]
    p = sub.add_parser(
        name,
        help=summary,
        description=description or summary[0].upper() + summary[1:] + ".",
        epilog="examples:\n" + examples,
        formatter_class=_Formatter,
    )
    p.set_defaults(handler=name, verb_parser=p)
    return p


def _map_arg(p: argparse.ArgumentParser, *, optional: bool = False, none: str = "") -> None:
    p.add_argument(
        "map",
        metavar="MAP",
        type=_given,
        nargs="?" if optional else None,
        help="a built-in map id, a file, or - for standard input" + none,
    )
    _from_arg(p)


def _from_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--from",
        dest="from_format",
        metavar="FORMAT",
        type=_given,
        help="read MAP as FORMAT ({readable}; default: guessed from the file)",
    )


def _width_arg(p: argparse.ArgumentParser, least: int) -> None:
    p.add_argument(
        "--width",
        type=_columns,
        metavar="N",
        help=f"lay out for N columns, at least {least} (default: the terminal's, 80 if none)",
    )


def _pager_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-pager",
        action="store_true",
        help="never page (default: long output on a terminal goes to $PAGER, else less)",
    )


def _list_verb(sub: _Verbs) -> None:
    p = _verb(
        sub,
        "list",
        "  argmap list\n  argmap list --json | python3 -m json.tool\n",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _check_verb(sub: _Verbs) -> None:
    p = _verb(
        sub,
        "check",
        "  argmap check --all\n"
        "  argmap check my-map.json --strict\n"
        "  argmap check example --source council-minutes=minutes.txt\n",
    )
    p.add_argument("maps", metavar="MAP", type=_given, nargs="*", help="built-in map ids or files")
    p.add_argument("--all", action="store_true", help="check every built-in map too")
    p.add_argument(
        "--source",
        metavar="ID=FILE",
        action="append",
        default=[],
        help="check that every quote from source ID occurs verbatim in FILE (repeatable)",
    )
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    _from_arg(p)


def _export_verb(sub: _Verbs) -> None:
    semantics = list(SEMANTICS)
    p = _verb(
        sub,
        "export",
        "  argmap export example --to argdown\n"
        "  argmap export example -o example.aif.json    # the format from the name\n"
        "  argmap export notes.argdown -o notes.json    # convert\n",
    )
    _map_arg(p)
    p.add_argument(
        "--to",
        metavar="FORMAT",
        type=_given,
        help="write FORMAT ({writable}; default: from the -o name, else json)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=_given,
        help="write to FILE (default: standard output)",
    )
    p.add_argument(
        "--evaluate",
        choices=semantics,
        help="add an evaluation's labels and strengths (graphml only)",
    )


def _show_verb(sub: _Verbs) -> None:
    semantics = list(SEMANTICS)
    p = _verb(
        sub,
        "show",
        "  argmap show example\n"
        "  argmap show example --ids              # claim ids, for --thesis and --focus\n"
        "  argmap show example --thesis cost      # one claim's case, without the header\n"
        "  argmap show asian-nato --depth 2 --no-evaluate\n"
        "  argmap show                            # one row per built-in map\n",
    )
    _map_arg(p, optional=True, none=" (none: one row per built-in map)")
    p.add_argument(
        "--thesis",
        metavar="CLAIM",
        help="show only this claim's case (a thesis or any claim), without the map's header",
    )
    p.add_argument(
        "--depth",
        type=_count,
        metavar="N",
        help="show N levels of reasons and count the rest (default: 10)",
    )
    p.add_argument("--ids", action="store_true", help="show each claim's id before its text")
    p.add_argument(
        "--quotes", action="store_true", help="show each claim's quotes under it, and its id"
    )
    p.add_argument(
        "--no-evaluate",
        action="store_true",
        help="leave out the evaluation's marks and cruxes",
    )
    p.add_argument(
        "--semantics",
        choices=semantics,
        default="all",
        help="what the marks show (default: all: the grounded label and the headline QE strength)",
    )
    _width_arg(p, 20)
    p.add_argument(
        "--matrix",
        action="store_true",
        help="show, for each claim two sources share, the side each source argues it on",
    )
    _pager_arg(p)


def _find_verb(sub: _Verbs) -> None:
    p = _verb(
        sub,
        "find",
        "  argmap find example parking\n"
        "  argmap find remain-a-dream escalation     # finds 'escalate' too\n"
        "  argmap find asian-nato india --json\n",
        description=(  # laid out as written (examples need it): lines under 80
            "List the claims of MAP whose id, text, qualifier, tags or note hold every one\n"
            "of WORDS (any form of each word: 'escalation' finds 'escalate'), each with its\n"
            "id and the side it is on for each thesis. Exit status 1 when no claim matches."
        ),
    )
    _map_arg(p)
    p.add_argument("words", metavar="WORDS", nargs="+", help="the words to look for")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    _width_arg(p, 20)


def _render_verb(sub: _Verbs) -> None:
    p = _verb(
        sub,
        "render",
        "  argmap render example -o example.svg\n"
        "  argmap render example -o example.dot           # the format from the name\n"
        "  argmap render example --focus cost --depth 1   # one claim's neighbourhood\n"
        "  argmap render example -o example.html          # the interactive page\n"
        "  argmap render --all maps/\n",
    )
    _map_arg(p, optional=True)
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=_given,
        help="write to FILE: .svg, .png, .pdf, .dot, .html (default: MAP.svg here on a terminal)",
    )
    p.add_argument(
        "--format",
        choices=["svg", "dot", "png", "pdf", "html"],
        help="what to write (default: from the -o name, else svg; html: the interactive page)",
    )
    p.add_argument(
        "--engine",
        choices=["auto", "system", "wasm"],
        default="auto",
        help="lay out with the system's dot, Graphviz in WebAssembly, or auto (dot if found)",
    )
    p.add_argument(
        "--evaluate",
        choices=["grounded", "quadratic", "dfquad"],
        help="overlay an evaluation's results",
    )
    p.add_argument("--thesis", metavar="CLAIM", help="draw only this thesis's case")
    p.add_argument(
        "--focus", metavar="CLAIM", help="draw only this claim and what is within --depth of it"
    )
    p.add_argument(
        "--depth",
        type=int,
        metavar="N",
        help="draw N relation steps around --focus, or N levels below the theses without it",
    )
    p.add_argument(
        "--full", action="store_true", help="draw every claim (big maps fold into stubs)"
    )
    p.add_argument("--no-legend", action="store_true", help="leave out the legend")
    p.add_argument("--all", metavar="DIR", type=_given, help="render every built-in map into DIR")


def _evaluate_verb(sub: _Verbs) -> None:
    semantics = list(SEMANTICS)
    p = _verb(
        sub,
        "evaluate",
        "  argmap evaluate example\n"
        "  argmap evaluate example --semantics grounded --width 100\n"
        "  argmap evaluate my-map.json --json\n",
    )
    _map_arg(p)
    p.add_argument(
        "--semantics",
        choices=semantics,
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
    p.add_argument(
        "--explain-steps",
        metavar="N",
        type=_count,
        help="the most steps cruxes and influence may take (default: 40,000 + 1 per 2 elements)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of the report")
    _width_arg(p, 40)
    _pager_arg(p)


def _completion_verb(sub: _Verbs) -> None:
    p = _verb(
        sub,
        "completion",
        "  argmap completion bash > ~/.local/share/bash-completion/completions/argmap\n"
        "  argmap completion zsh > ~/.zfunc/_argmap     # with fpath+=~/.zfunc\n",
    )
    p.add_argument("shell", choices=["bash", "zsh", "tcsh"], help="the shell to complete in")


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``argmap`` command, each verb with its handler's name.

    Its description, epilog, verbs and their summaries are the top level's
    (:mod:`argmap.cli.toplevel`), whose :func:`~argmap.cli.toplevel.help_text` prints the
    same help without argparse.
    """
    parser = _Parser(
        prog=toplevel.PROG,
        description=toplevel.DESCRIPTION,
        epilog=toplevel.EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action=_Version, help=toplevel.VERSION_HELP)
    sub = parser.add_subparsers(
        dest="verb", metavar=toplevel.VERB_METAVAR, required=True, help=toplevel.VERB_HELP
    )
    for name, _ in toplevel.VERBS:
        _VERB_PARSERS[name](sub)
    return parser


def _diff_verb(sub: _Verbs) -> None:
    p = _verb(
        sub,
        "diff",
        "  argmap diff old.json new.json\n"
        "  argmap diff old.json new.json --semantics none   # the edits alone\n"
        "  argmap diff example my-example.json --json\n",
        description=(
            "Say what changed from map A to map B: claims and relations added, removed,\n"
            "renamed or edited, and the labels and strengths that moved. Exit status 0 when\n"
            "they are the same argument, 1 when they differ, 2 on trouble."
        ),
    )
    p.add_argument("before", metavar="A", type=_given, help="the earlier map (id, file or -)")
    p.add_argument("after", metavar="B", type=_given, help="the later map (id, file or -)")
    _from_arg(p)
    p.add_argument(
        "--semantics",
        choices=["grounded", "dfquad", "all", "none"],
        default="all",
        help="the evaluation delta's semantics (none: leave it out)",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of the report")
    _width_arg(p, 40)


#: Each verb's options and examples (its summary is the top level's).
_VERB_PARSERS: dict[str, Callable[[_Verbs], None]] = {
    "list": _list_verb,
    "check": _check_verb,
    "export": _export_verb,
    "show": _show_verb,
    "find": _find_verb,
    "render": _render_verb,
    "evaluate": _evaluate_verb,
    "diff": _diff_verb,
    "completion": _completion_verb,
}
