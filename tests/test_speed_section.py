"""The README's speed tables are what bench/speed_section.py writes from the bench scripts."""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).parent.parent
_spec = importlib.util.spec_from_file_location("speed_section", ROOT / "bench" / "speed_section.py")
assert _spec is not None
assert _spec.loader is not None
speed_section = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(speed_section)

README = (ROOT / "README.md").read_text(encoding="utf-8")
STAMP = "<sub>Printed by <code>python bench/"


def test_every_readme_table_of_speed_comes_from_a_block_the_script_wrote():
    section = README.split("## Speed at corpus scale", 1)[1].split("\n## ", 1)[0]
    blocks = speed_section.blocks(README)
    assert len(blocks) >= 5
    inside = "".join(README[b.start : b.end] for b in blocks)
    for block in blocks:
        body = README[block.start : block.end]
        assert body.count(STAMP) == 1, block.command
        assert "| --- |" in body or "```text" in body, block.command
    # No table of figures outside a block: each was printed by a command, not typed.
    outside = section
    for block in blocks:
        outside = outside.replace(README[block.start : block.end], "")
    assert "| --- |" not in outside
    assert inside


def test_each_block_names_a_bench_script_and_options_it_takes():
    scripts: dict[str, str] = {}
    for block in speed_section.blocks(README):
        argv = block.argv()
        script = argv[1]
        if script not in scripts:
            scripts[script] = subprocess.run(
                [sys.executable, script, "--help"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        for option in (w for w in argv[2:] if w.startswith("--")):
            assert re.search(rf"{re.escape(option)}\b", scripts[script]), (block.command, option)


@pytest.mark.parametrize(
    "command",
    [
        "python bench/nothing_here.py",
        "python3 bench/from_file.py",
        "python bench/../README.md",
        "rm -rf /",
        "python",
    ],
)
def test_a_block_runs_only_a_bench_script(command):
    with pytest.raises(SystemExit, match=r"is not `python bench/NAME\.py"):
        speed_section.Block(command, 0, 0).argv()


def test_what_a_command_printed_becomes_markdown():
    printed = (
        "# what the timer covers\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n"
        "floor (objects):\n  20,000 claims: 0.01 s\n\n| not | a table\nbelow it\n"
    )
    body = speed_section.rendered(printed, "STAMP")
    assert body == (
        "*what the timer covers*\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n"
        "```text\nfloor (objects):\n  20,000 claims: 0.01 s\n```\n\n"
        "```text\n| not | a table\nbelow it\n```\n\nSTAMP\n"
    )


_plain = st.text(st.characters(blacklist_characters="<"), max_size=40)


@given(st.lists(st.tuples(_plain, _plain, _plain), min_size=1, max_size=4), st.data())
def test_rewriting_changes_the_chosen_blocks_and_nothing_else(parts, data):
    """Around and between blocks every byte stays; a chosen block's body is the new one."""
    text = ""
    for before, body, _ in parts:
        text += f"{before}\n<!-- bench: python bench/x.py -->\n{body}\n<!-- /bench -->\n"
    text += "end\n"
    chosen = data.draw(st.sets(st.integers(0, len(parts) - 1)))
    bodies = {n: f"new {n} {parts[n][2]}\n" for n in chosen}
    out = speed_section.rewrite(text, bodies)
    found = speed_section.blocks(out)
    assert len(found) == len(parts)
    for n, block in enumerate(found):
        expected = bodies[n] if n in chosen else f"{parts[n][1]}\n"
        assert out[block.start : block.end] == expected
    # Put the old bodies back: the text is what it was, byte for byte.
    old = {n: text[b.start : b.end] for n, b in enumerate(speed_section.blocks(text))}
    assert speed_section.rewrite(out, old) == text


def test_the_script_rewrites_a_readme_from_a_run_and_keeps_it_when_a_command_fails(tmp_path):
    readme = tmp_path / "README.md"
    text = (
        "# Title\n\nprose\n\n"
        "<!-- bench: python bench/from_file.py --sizes 300 --graphs attack -->\n"
        "old figures\n<!-- /bench -->\n\nmore prose\n"
    )
    readme.write_text(text, encoding="utf-8")
    script = [sys.executable, "bench/speed_section.py", "--readme", str(readme)]
    subprocess.run(script, cwd=ROOT, capture_output=True, text=True, check=True)
    out = readme.read_text(encoding="utf-8")
    assert out.startswith("# Title\n\nprose\n\n<!-- bench: python bench/from_file.py")
    assert out.endswith("<!-- /bench -->\n\nmore prose\n")
    assert "old figures" not in out
    assert "| 300 |" in out
    assert "| attack | grounded |" in out
    assert STAMP in out
    # The second block fails: the first one's new figures are not written either.
    failing = out + "<!-- bench: python bench/from_file.py --sizes many -->\nx\n<!-- /bench -->\n"
    readme.write_text(failing, encoding="utf-8")
    done = subprocess.run(script, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode != 0
    assert "README.md left as it was" in done.stderr
    assert readme.read_text(encoding="utf-8") == failing
