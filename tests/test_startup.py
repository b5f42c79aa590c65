"""The command starts fast: help imports no model, ``list`` reads its record, same output."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import argmap
from argmap.cli import listing, main, toplevel

SCRIPT = Path(sys.executable).with_name("argmap")


def command(*args: str, importtime: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the installed ``argmap`` script (the command, so argmap imports lazily)."""
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        cwd=SCRIPT.parent,
    )


def imported(stderr: str) -> set[str]:
    return {line.rsplit("|", 1)[-1].strip() for line in stderr.splitlines() if "|" in line}


needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason="no installed argmap script")


#: Where the top level does not lay out its own help, argparse prints it.
lays_out_its_help = pytest.mark.skipif(
    toplevel._VERBS_INDENTED is None,
    reason=(
        "argmap lays out its own --help only on the Pythons whose argparse it was checked "
        "against (argmap.cli.toplevel._VERBS_INDENTED); on "
        f"{sys.version_info[0]}.{sys.version_info[1]} argparse prints it, so it is imported"
    ),
)


def help_imports() -> set[str]:
    """What ``argmap --help`` imports (it must print the help)."""
    result = command("--help", importtime=True)
    assert result.returncode == 0
    assert "usage: argmap" in result.stdout
    loaded = imported(result.stderr)
    assert "argmap.cli.toplevel" in loaded  # the import list is read at all
    return loaded


@needs_script
def test_help_imports_no_model():
    """``argmap --help`` prints help without attrs, the model or the formats."""
    loaded = help_imports()
    assert not {"attr", "attrs", "argmap.model", "argmap.io", "importlib.metadata"} & loaded


@needs_script
@lays_out_its_help
def test_help_imports_no_argparse():
    """Nor argparse, typing, shutil, threading or the signal module (its C part is enough).

    The top level lays out its own help. Skipped, with the reason shown (``pytest -rs``),
    on a Python whose argparse that layout has not been checked against.
    """
    loaded = help_imports()
    assert not {"argparse", "typing", "shutil", "threading", "signal", "argmap.errors"} & loaded


@needs_script
def test_list_from_the_record_imports_no_model():
    """``argmap list`` with a current record builds no map (and so imports no model)."""
    result = command("list", importtime=True)
    assert result.returncode == 0
    loaded = imported(result.stderr)
    assert "argmap.cli.listing" in loaded
    assert not {"attr", "argmap.model", "arguments"} & loaded


@needs_script
def test_lazy_command_gives_the_same_public_api():
    """In the command, the first public name read imports every one, with DOT registered."""
    result = command("export", "--help")
    assert result.returncode == 0
    assert "dot" in result.stdout.split("--to FORMAT", 1)[1]
    assert command("--version").stdout == f"argmap {argmap.__version__}\n"


def test_the_record_is_current():
    """The record holds every built-in map as it builds now.

    Otherwise ``rows`` builds them all; rewrite it with
    ``python -c "import argmap.cli.listing as l; l.write()"``.
    """
    assert json.loads(Path(listing.RECORD).read_text(encoding="utf-8")) == listing.record()


def test_recorded_rows_equal_built_rows():
    """list's rows from the record are the rows of the maps built, in the same order."""
    recorded = listing._recorded()
    assert recorded is not None
    built = [listing._row(argmap.registry.get(n)) for n in argmap.registry.names()]
    assert recorded == built


def test_a_changed_map_is_built_not_read(monkeypatch, capsys, tmp_path):
    """A record whose fingerprint no longer matches is not used: list builds the maps."""
    stale = json.loads(Path(listing.RECORD).read_text(encoding="utf-8"))
    first = next(iter(stale.values()))
    first["fingerprint"] = "0"
    first["counts"]["claims"] += 1000  # what a stale record would print
    path = tmp_path / "record.json"
    path.write_text(json.dumps(stale), encoding="utf-8")
    monkeypatch.setattr(listing, "RECORD", str(path))
    assert listing._recorded() is None
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [listing._row(argmap.registry.get(n)) for n in argmap.registry.names()]


def test_entry_points_read_directly_match_importlib_metadata():
    """The direct reading of ``entry_points.txt`` finds what importlib.metadata finds."""
    expected: dict[str, str] = {}
    for ep in entry_points(group="argmap.maps"):
        expected.setdefault(ep.name, ep.value)
    assert listing._entry_points() == expected
    assert expected  # the tests run on an installed argmap


def test_entry_points_section_parsing(tmp_path):
    """Only the argmap.maps section counts; comments and other groups are skipped."""
    path = tmp_path / "entry_points.txt"
    path.write_text(
        "[console_scripts]\nx = a:b\n\n[argmap.maps]\n# a comment\n"
        "one = pkg.one:build\n two=pkg.two:build \n[other]\nthree = c:d\n",
        encoding="utf-8",
    )
    assert listing._read_entry_points(str(path)) == [
        ("one", "pkg.one:build"),
        ("two", "pkg.two:build"),
    ]
