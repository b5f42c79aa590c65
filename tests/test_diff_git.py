"""The README's git recipes for argmap diff, run verbatim in a temporary repository."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import argmap
from argmap import registry

ROOT = Path(__file__).parent.parent

GIT = shutil.which("git")

pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")


def recipe() -> dict[str, str]:
    """The .gitattributes line and the two git config commands, as the README gives them."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    part = readme.split("**Under git.**", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```\n(.+?)\n```", part, flags=re.DOTALL)
    attributes, command, textconv = blocks
    assert command.startswith("git config diff.argmap.command ")
    assert textconv.startswith("git config diff.argmap.textconv ")
    return {"attributes": attributes, "command": command, "textconv": textconv}


@pytest.fixture
def repo(tmp_path):
    """A repository holding the example map, committed, then edited in the work tree.

    ``argmap`` on the PATH is this interpreter's (a script in a folder of our own), so
    the README's commands run as written.
    """
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "argmap"
    script.write_text(
        f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m argmap "$@"\n', encoding="utf-8"
    )
    script.chmod(0o755)
    work = tmp_path / "repo"
    work.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp_path),
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
        "PYTHONPATH": str(ROOT),
    }

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(GIT), *args], cwd=work, env=env, capture_output=True, text=True, check=False
        )

    def shell(command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S602 - the README's recipe is a shell command
            command, shell=True, cwd=work, env=env, capture_output=True, text=True, check=False
        )

    git("init", "-q")
    git("config", "user.email", "test@example.org")
    git("config", "user.name", "Test")
    m = registry.get("example")
    argmap.dump(m, work / "council.argmap.json")
    (work / ".gitattributes").write_text(recipe()["attributes"] + "\n", encoding="utf-8")
    git("add", "-A")
    assert git("commit", "-qm", "the map").returncode == 0
    edited = attrs.evolve(
        m,
        claims=[
            attrs.evolve(c, text=c.text.replace("last year", "last spring"))
            if c.id == "crashes"
            else c
            for c in m.claims
        ],
    )
    argmap.dump(edited, work / "council.argmap.json")
    return git, shell, work, m


def test_the_external_diff_recipe_prints_argmap_diff(repo):
    """git diff runs argmap diff on the two versions; 'they differ' is no failure to git."""
    git, shell, work, m = repo
    assert shell(recipe()["command"]).returncode == 0
    result = git("diff")
    assert result.returncode == 0, result.stderr
    assert "example: 1 claim changed" in result.stdout
    assert "reworded: Elm Street had more cyclist injuries last [-year-]{+spring+}" in (
        " ".join(result.stdout.split())
    )
    assert "diff --git" not in result.stdout
    # A new map is named, not a failure of the whole diff.
    argmap.dump(m, work / "copy.argmap.json")
    git("add", "copy.argmap.json")
    result = git("diff", "--cached")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "argmap: copy.argmap.json is new or deleted\n"


def test_the_textconv_recipe_diffs_the_readable_form(repo):
    """git diff with the textconv diffs Argdown lines, the reworded claim among them."""
    git, shell, _, _ = repo
    assert shell(recipe()["textconv"]).returncode == 0
    result = git("diff")
    assert result.returncode == 0, result.stderr
    removed = [line for line in result.stdout.splitlines() if line.startswith("-[crashes]")]
    added = [line for line in result.stdout.splitlines() if line.startswith("+[crashes]")]
    assert len(removed) == len(added) == 1
    assert "last year" in removed[0]
    assert "last spring" in added[0]
