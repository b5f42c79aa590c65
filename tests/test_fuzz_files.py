"""Fuzzing bytes in files.

Damaged bytes in a file of any format are read or refused in one line, the same way
whether the format is named or guessed.

One of the five fuzz targets (tests/test_fuzz_*.py); what a refusal must look like, and
how many examples each run draws, is in fuzzing.py.
"""

import warnings

import pytest
from fuzzing import assert_sound, attempt, outcome
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgmapWarning, FormatError, registry
from argmap.io import _named_after, detect_format
from argmap.strategies import argument_maps

_EXTENSIONS = {"json": ".json", "aif": ".aif.json", "argdown": ".argdown"}
_BAD_BYTES = st.sampled_from(
    [b"\x80", b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xfe"]
)


@st.composite
def damaged_bytes(draw):
    """A document argmap wrote in some format, as bytes damaged in one way."""
    fmt = draw(st.sampled_from(sorted(_EXTENSIONS)))
    m = draw(argument_maps(max_claims=4))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArgmapWarning)
        text = argmap.dumps(m, fmt)
    data = text.encode("utf-8")
    how = draw(
        st.sampled_from(
            ["bom", "bom2", "nul", "bad", "cut", "utf-16", "utf-16-le", "utf-32", "latin-1", "raw"]
        )
    )
    at = draw(st.integers(0, len(data)))
    if how == "bom":
        data = b"\xef\xbb\xbf" + data
    elif how == "bom2":
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + data
    elif how == "nul":
        data = data[:at] + b"\x00" * draw(st.integers(1, 3)) + data[at:]
    elif how == "bad":
        data = data[:at] + draw(_BAD_BYTES) + data[at:]
    elif how == "cut":
        data = data[:at]
    elif how in {"utf-16", "utf-16-le", "utf-32"}:
        data = text.encode(how)
    elif how == "latin-1":
        data = text.encode("latin-1", errors="replace") + "é".encode("latin-1")
    else:
        data = draw(st.binary(max_size=200))
    return fmt, data


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-files")


def _same_outcome(a, b):
    """Both calls gave equal maps, or both raised errors of one type."""
    (ma, ea), (mb, eb) = a, b
    if ea is None or eb is None:
        return ea is None and eb is None and ma == mb
    return type(ea) is type(eb)


@given(damaged_bytes(), st.booleans())
def test_damaged_bytes_in_a_file(workdir, case, say_format):
    """A file of damaged bytes reads as its UTF-8 text would, or is refused as not UTF-8."""
    fmt, data = case
    path = workdir / f"map{_EXTENSIONS[fmt]}"
    path.write_bytes(data)
    from_file = attempt(argmap.load, path, fmt if say_format else None)
    outcome(fmt, from_file[1])
    from_bytes = attempt(argmap.loads, data, fmt)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        exc = from_file[1]
        assert isinstance(exc, FormatError)
        assert str(exc).startswith(f"{path}: not UTF-8 text (")
        assert isinstance(from_bytes[1], FormatError)
        return
    if not say_format:
        fmt = detect_format(path, text)
    from_text = attempt(argmap.loads, text, fmt)
    named = from_text  # a map whose document names none is named after its file
    if from_text[0] is not None:
        named = (_named_after(from_text[0], fmt, path), None)
    assert _same_outcome(from_file, named)
    assert _same_outcome(from_bytes, from_text)
    m, exc = from_file
    if m is not None:
        assert_sound(m)
    elif isinstance(exc, FormatError):
        assert str(exc) == f"{path}: {from_text[1]}"


def test_a_bom_is_skipped_in_every_format(workdir):
    """A UTF-8 byte order mark in front of a document changes nothing."""
    m = registry.get("example")
    for fmt, ext in _EXTENSIONS.items():
        path = workdir / f"bom{ext}"
        path.write_bytes(b"\xef\xbb\xbf" + argmap.dumps(m, fmt).encode())
        assert argmap.load(path) == argmap.loads(argmap.dumps(m, fmt), fmt)
