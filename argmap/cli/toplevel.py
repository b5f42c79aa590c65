"""The command's top level, written once: its verbs and their summaries, and its help.

:func:`argmap.cli.parser.build_parser` builds the argparse parser from these definitions,
and :func:`help_text` lays the same definitions out as argparse's help formatter does, so
that ``argmap --help`` needs neither argparse nor the parser. (Importing argparse and
printing any help at all costs more than the whole of the goal for ``argmap --help``,
twice a bare ``python -c pass``: see bench/startup.py.) :func:`help_text` covers the
widths where argparse puts the usage on one line, and says None elsewhere, where the
command asks argparse; tests/test_help.py checks it against argparse at every width.

Only ``os`` and ``sys`` are imported here; ``re`` and ``textwrap`` only when a help line
must be wrapped at a hyphen or is unusual.
"""

from __future__ import annotations

import os
import sys

__all__ = [
    "DESCRIPTION",
    "EPILOG",
    "PROG",
    "VERBS",
    "VERB_HELP",
    "VERB_METAVAR",
    "VERSION_HELP",
    "help_text",
    "terminal_columns",
]

PROG = "argmap"
DESCRIPTION = "Write arguments down as data, check them, weigh them and show them."
EPILOG = (
    "MAP is a built-in map id (argmap list), a file, or - for standard input.\n"
    "argmap VERB --help says more about a verb, with examples."
)
VERSION_HELP = "print argmap's version and exit"
VERB_METAVAR = "VERB"
VERB_HELP = "what to do (VERB --help says more)"

#: Each verb and its one-line summary, in the order the help lists them.
VERBS = (
    ("list", "list the built-in maps, with their counts and each thesis's sides"),
    ("check", "validate maps (and their quotes against the sources' texts)"),
    ("export", "write a map in another format"),
    ("show", "summarise a map in the terminal: each thesis's case for and against"),
    ("find", "list the claims whose words match, with their id and side of each thesis"),
    ("render", "draw a map (SVG, DOT, PNG, PDF, or an interactive HTML page)"),
    ("evaluate", "say which claims stand, how strong each is, and the cruxes"),
    ("diff", "say what changed between two maps, and what it did to the evaluation"),
    ("completion", "print a shell completion script (bash, zsh or tcsh)"),
)

# argparse's own words, as its HelpFormatter writes them. (It would translate them if a
# gettext catalogue "messages" for the user's language were installed in Python's
# share/locale; no Python ships one, and this help stays in English.)
_USAGE = "usage: "
_POSITIONALS = "positional arguments"
_OPTIONALS = "options"
_HELP = "show this help message and exit"
#: The top level's options: the option strings of each, and its help.
_OPTIONS = ((("-h", "--help"), _HELP), (("--version",), VERSION_HELP))
_INDENT = 2  # argparse's indent_increment
_MAX_HELP_POSITION = 24  # argparse's max_help_position

#: The Python versions whose argparse this layout has been checked against
#: (tests/test_help.py), and whether that argparse counts a verb's own indent when it
#: places the help column (3.13 does: python/cpython#87041). On any other version
#: argparse prints the help (3.12.1 lays it out as 3.11 does, but the change may have
#: reached later 3.12 releases).
_VERBS_INDENTED = {(3, 11): False, (3, 13): True}.get(sys.version_info[:2])


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, as argparse asks it, without importing shutil.

    ``COLUMNS`` when it is a positive number, else the width of the terminal on standard
    output, else 80.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80
    return size.columns or 80


def help_text(columns: int) -> str | None:
    """``argmap --help`` as argparse prints it ``columns`` wide, or None.

    None where argparse would wrap the usage line (under 41 columns), or on a Python
    whose argparse this layout has not been checked against: ask argparse then.
    """
    if _VERBS_INDENTED is None:
        return None
    width = columns - 2  # argparse keeps two columns free
    options = [(", ".join(strings), f"[{strings[0]}]", text) for strings, text in _OPTIONS]
    usage = " ".join([PROG, *(part for _, part, _ in options), f"{VERB_METAVAR} ..."])
    helps = [VERB_HELP, *(text for _, _, text in options), *(text for _, text in VERBS)]
    if len(_USAGE) + len(usage) > width:
        return None  # argparse wraps it
    if any("%" in t or "{" in t or not t.strip() for t in (DESCRIPTION, EPILOG, *helps)):
        return None  # text that argparse (or the parser's formatter) expands, or none
    verb_indent = _INDENT if _VERBS_INDENTED else 0  # beyond the section's
    longest = max(
        *(len(name) for name in (VERB_METAVAR, *(name for name, _, _ in options))),
        *(len(name) + verb_indent for name, _ in VERBS),
    )
    max_help_position = min(_MAX_HELP_POSITION, max(width - 20, _INDENT * 2))
    help_position = min(longest + _INDENT + 2, max_help_position)
    item = _Layout(help_position, max(width - help_position, 11)).item
    positionals = [item(_INDENT, VERB_METAVAR, VERB_HELP)]
    positionals += [item(2 * _INDENT, name, text) for name, text in VERBS]
    optionals = [item(_INDENT, name, text) for name, _, text in options]
    text = "".join(
        [
            f"{_USAGE}{usage}\n\n",
            f"{DESCRIPTION}\n\n",
            f"\n{_POSITIONALS}:\n",
            *positionals,
            "\n",
            f"\n{_OPTIONALS}:\n",
            *optionals,
            "\n",
            f"{EPILOG}\n\n",
        ]
    )
    while "\n\n\n" in text:  # as argparse: a run of blank lines becomes one
        text = text.replace("\n\n\n", "\n\n")
    return text.strip("\n") + "\n"


class _Layout:
    """One action's lines, as argparse lays them out: its name, then its help, wrapped."""

    def __init__(self, help_position: int, help_width: int) -> None:
        self.help_position = help_position
        self.help_width = help_width

    def item(self, indent: int, name: str, text: str) -> str:
        """The name at ``indent``; the help beside it if it fits, else on the next line."""
        action_width = self.help_position - indent - 2
        if len(name) <= action_width:
            head, first = "%*s%-*s  " % (indent, "", action_width, name), 0  # noqa: UP031
        else:
            head, first = "%*s%s\n" % (indent, "", name), self.help_position  # noqa: UP031
        lines = _wrap(text, self.help_width)
        rest = "".join(" " * self.help_position + line + "\n" for line in lines[1:])
        return f"{head}{' ' * first}{lines[0]}\n{rest}"


def _wrap(text: str, width: int) -> list[str]:
    """The lines of an action's help, as argparse splits them.

    Runs of ASCII white space become one space, then textwrap wraps the text. Words
    parted by single spaces are wrapped here, without importing textwrap, where that
    gives textwrap's lines.
    """
    if text and text.isprintable() and text == text.strip() and "  " not in text:
        lines = _greedy(text.split(" "), width)
        if lines is not None:
            return lines
    import re
    import textwrap

    return textwrap.wrap(re.sub(r"\s+", " ", text, flags=re.ASCII).strip(), width)


def _greedy(words: list[str], width: int) -> list[str] | None:
    """As many words on each line as fit, as textwrap puts them; None where it differs.

    textwrap breaks text into chunks at white space and, within a word, after some
    hyphens; it fills each line with chunks while they fit. So where every word is no
    wider than a line and no word with a hyphen goes to a new line, its lines are these.
    """
    lines: list[str] = []
    line = ""
    for word in words:
        if len(word) > width:
            return None  # textwrap breaks it
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        elif "-" in word:
            return None  # textwrap might put its first part on this line
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines
