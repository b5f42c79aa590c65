"""Export maps to Mermaid and check that Mermaid's own parser accepts every one.

Usage:
    python bench/mermaid_check.py NODE_DIR [--generated N]

NODE_DIR is a folder where ``npm install mermaid@11 jsdom`` was run. Every built-in map,
a map of hostile text (quotes, ``#``, angle brackets, backticks, ``end``, ``%%``,
directives such as ``%%{init: ...}%%`` in every field, line breaks, control characters),
N maps drawn by ``argmap.strategies.argument_maps()`` and N whose ids, texts and labels
are any Unicode (``argument_maps(ids=ids(), labels=texts())`` or ``hostile_maps()``),
both with a fixed seed, are exported with ``argmap.dumps(m, "mermaid")`` and parsed by
``mermaid.parse`` (bench/mermaid_parse.mjs), which is what GitHub runs before drawing.
Exit status 1 if any is refused, or if Mermaid took a setting (a directive) from one.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import argmap
from argmap import registry

HERE = Path(__file__).parent


_INIT = '%%{init:{"theme":"dark","themeCSS":"g{background:url(http://127.0.0.1:9/x)}"}}%%'


def hostile() -> argmap.ArgumentMap:
    b = argmap.MapBuilder(_INIT, f'A "title" with end {_INIT}')
    b.source("s", "S")
    t = b.thesis("end", 'He said "end"; <script>alert(1)</script> #1 & `code` %%{wrap}%%')
    a = b.claim("subgraph", "%% not a comment\nclassDef x fill:red;\tstyle", quote="q")
    c = b.claim(_INIT, "graph TD; A-->B; [brackets] {braces} (parens) |pipes|", quote="q")
    link = b.linked(a, c).supports(t, label=f'"quoted" -->|label| #35; {_INIT}', id="%%{wrap}%%")
    b.claim("x", "\x07\x1b[31m control \u2028 separators \ufeff", quote="q").undercuts(link)
    return b.build()


def generated(n: int, *, hostile: bool = False) -> list[argmap.ArgumentMap]:
    from hypothesis import HealthCheck, given, settings

    from argmap.strategies import argument_maps, hostile_maps, ids, texts

    maps = (
        argument_maps(ids=ids(), text=texts(), labels=texts(), max_claims=8) | hostile_maps()
        if hostile
        else argument_maps()
    )

    found: list[argmap.ArgumentMap] = []
    if n <= 0:
        return found

    @settings(
        max_examples=n,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(maps)
    def collect(m: argmap.ArgumentMap) -> None:
        found.append(m)

    collect()
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("node_dir", type=Path, help="folder with node_modules/mermaid")
    parser.add_argument("--generated", type=int, default=100, help="how many generated maps")
    args = parser.parse_args()
    maps = {name: registry.get(name) for name in registry.names()}
    maps["hostile"] = hostile()
    for i, m in enumerate(generated(args.generated), start=1):
        maps[f"generated-{i:03d}"] = m
    for i, m in enumerate(generated(args.generated, hostile=True), start=1):
        maps[f"any-text-{i:03d}"] = m
    work = Path(tempfile.mkdtemp(prefix="argmap-mermaid-"))
    files = []
    for name, m in maps.items():
        path = work / f"{name}.mmd"
        path.write_text(argmap.dumps(m, "mermaid"), encoding="utf-8")
        files.append(str(path))
    script = args.node_dir / "mermaid_parse.mjs"
    shutil.copy(HERE / "mermaid_parse.mjs", script)
    result = subprocess.run(  # noqa: S603 - node on the user's folder
        ["node", str(script), *files],  # noqa: S607 - node from PATH, as npm put it there
        capture_output=True,
        text=True,
        check=False,
        cwd=args.node_dir,
    )
    lines = result.stdout.splitlines()
    refused = [line for line in lines if line.startswith("error")]
    obeyed = [line for line in lines if line.startswith("ok") and not line.endswith("\t{}")]
    for line in refused + obeyed:
        print(line)
    print(
        f"{len(lines)} charts parsed by Mermaid, {len(refused)} refused, "
        f"{len(obeyed)} with a setting taken from the chart"
    )
    shutil.rmtree(work)
    return 1 if refused or obeyed or len(lines) != len(files) else 0


if __name__ == "__main__":
    sys.exit(main())
