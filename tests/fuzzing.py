"""What every fuzz target shares: how a refusal must look, and how examples are counted.

The targets are tests/test_fuzz_*.py, one per thing fuzzed.
"""

import os
import warnings

from hypothesis import event, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError, ArgmapWarning, ArgumentMap, FormatError, InvalidMapError

# JSON scalars, big integers and non-finite floats included: values for any field.
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(-(10**400), 10**400)
    | st.floats()
    | st.sampled_from(["", "a", "t", "support", "rebuttal", "for", "mixed", "1"])
    | st.text(max_size=12)
)


def at_most(n):
    """Settings that run at most ``n`` examples under "ci", and the profile's count otherwise."""
    if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci":
        return settings(max_examples=min(n, settings().max_examples))
    return settings()


def weighted(*choices):
    """One of the strategies, each drawn as often as its weight: ``weighted((3, a), (1, b))``."""
    # (st.one_of would draw each distinct strategy equally often, whatever the repeats.)
    pool = [strategy for weight, strategy in choices for _ in range(weight)]
    return st.sampled_from(pool).flatmap(lambda strategy: strategy)


# -- what every refusal must look like -------------------------------------------------------


def one_line(text):
    """True for text that is one non-empty line, whatever counts as a line break."""
    return bool(text.strip()) and len(text.splitlines()) == 1


def assert_clean_error(exc):
    """``exc`` is an ArgmapError whose message is one line (InvalidMapError: one per problem)."""
    assert isinstance(exc, ArgmapError), f"{type(exc).__name__} escaped: {exc!r}"
    message = str(exc)
    if isinstance(exc, InvalidMapError):
        assert exc.problems, "an InvalidMapError names its problems"
        head, *rest = message.split("\n")
        assert one_line(head)
        assert head.endswith(":")
        assert all(one_line(str(p)) for p in exc.problems), exc.problems
        assert all(line.startswith("  ") and one_line(line) for line in rest), message
    else:
        assert one_line(message), f"{type(exc).__name__} message is not one line: {message!r}"
    if isinstance(exc, FormatError):
        assert exc.messages
        assert all(one_line(m) for m in exc.messages), exc.messages


def attempt(fn, *args, **kwargs):
    """Call ``fn``; return ``(result, None)`` or ``(None, exc)`` for an exception it raised.

    Only an ArgmapError with a one-line message may come out; anything else fails the test.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArgmapWarning)
        try:
            return fn(*args, **kwargs), None
        except Exception as exc:  # noqa: BLE001 - judged by assert_clean_error
            assert_clean_error(exc)
            return None, exc


def outcome(label, exc):
    """Count what became of an input (shown by --hypothesis-show-statistics)."""
    event(f"{label}: {'ok' if exc is None else type(exc).__name__}")


def assert_sound(m):
    """A map that was read or built has no errors and survives native JSON unchanged."""
    assert isinstance(m, ArgumentMap)
    assert not [p for p in argmap.validate(m) if p.is_error]
    assert argmap.loads(argmap.dumps(m)) == m


def read_outcome(read):
    """What a read gives: the map (or the error's type and text) and the warnings' texts.

    For comparing two readers of one document (a straight reader and the general one).
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = read()
        except argmap.ArgmapError as exc:
            result = f"{type(exc).__name__}: {exc}"
    return result, [str(w.message) for w in caught]
