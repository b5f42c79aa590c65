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

import errno
import os
import sys

from argmap import _startup
from argmap.cli import toplevel
from argmap.cli.stdout import Stdout, StdoutError, silence_failed_streams, stdout_for_people

# What a verb needs (argparse, the parser, the error types) is imported when it runs, so
# that ``argmap --help`` imports no more than this package, its top level and stdout.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence
    from typing import TextIO

    _Handler = Callable[[argparse.Namespace], int]

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Ctrl-C gives 130 and a broken pipe on standard output 141, with nothing printed; a
    standard output that is closed or fails is one error line and 1.
    """
    startup = _startup.python_handler()  # while we run: interrupted writes clean up
    real = sys.stdout
    try:
        with stdout_for_people(real):
            stdout: TextIO = Stdout(real)  # type: ignore[assignment]  # a stream in all it does
            sys.stdout = stdout
            return _main(argv)
    except KeyboardInterrupt:
        return _startup.EXIT_INTERRUPTED
    except BrokenPipeError:
        from argmap.cli.status import EXIT_BROKEN_PIPE

        silence_failed_streams(real)
        return EXIT_BROKEN_PIPE
    except StdoutError as exc:
        from argmap.cli.status import EXIT_PROBLEMS

        silence_failed_streams(real)
        print(f"argmap: error: cannot write to standard output: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        sys.stdout = real
        if startup:
            _startup.quiet_handler()


def _main(argv: Sequence[str] | None) -> int:
    if list(sys.argv[1:] if argv is None else argv) in (["-h"], ["--help"]):
        _top_level_help()
    import warnings

    from argmap.cli.parser import build_parser
    from argmap.cli.status import show_warning
    from argmap.errors import ArgmapWarning

    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # argparse would blame the top level: the verb's own usage is more use
        args.verb_parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    with warnings.catch_warnings():
        warnings.simplefilter("always", ArgmapWarning)
        warnings.showwarning = show_warning
        status = _run(parser, args)
    sys.stdout.flush()  # a failure shows here, while it can still be reported
    return status


def _top_level_help() -> None:
    """``argmap --help`` without argparse, as argparse's help action prints it, and exit 0.

    Argparse writes the help to standard output, ignores an OSError (Stdout turns the
    ones that matter into StdoutError and BrokenPipeError) and exits 0. Where the help
    is not laid out here (a narrow terminal), this returns and argparse prints it.
    """
    text = toplevel.help_text(toplevel.terminal_columns())
    if text is None:
        return
    try:  # noqa: SIM105 - no contextlib at start-up
        sys.stdout.write(text)
    except (AttributeError, OSError):
        pass
    sys.exit(0)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from argmap.cli.status import EXIT_PROBLEMS, EXIT_USAGE, UsageError, print_error
    from argmap.errors import ArgmapError, OutputError

    handler: _Handler
    if args.handler == "list":  # from a record of the built-in maps, at start-up speed
        from argmap.cli.listing import list_maps

        handler = list_maps
    else:
        from argmap.cli.parser import finish_import

        finish_import()
        from argmap.cli import verbs  # the verbs and what they import load only now

        handler = getattr(verbs, verbs.HANDLERS[args.handler])
    try:
        return handler(args)
    except UsageError as exc:
        verb_parser: argparse.ArgumentParser = getattr(args, "verb_parser", parser)
        verb_parser.print_usage(sys.stderr)
        print(f"argmap: error: {args.handler}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ArgmapError as exc:
        if isinstance(exc, OutputError) and exc.errno == errno.EPIPE:
            raise BrokenPipeError(errno.EPIPE, str(exc)) from None  # -o a pipe: as stdout
        print_error(exc)
        return EXIT_PROBLEMS
    except (BrokenPipeError, KeyboardInterrupt, StdoutError):
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


def __getattr__(name: str) -> int:
    """The exit statuses (``argmap.cli.EXIT_PROBLEMS``), from :mod:`argmap.cli.status`.

    Read from there when first asked for, as that module imports the error types.
    """
    if name.startswith("EXIT_"):
        from argmap.cli import status

        value: int = getattr(status, name)
        return value
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
