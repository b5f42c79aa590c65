"""Export maps to Argdown and check that Argdown's own tool reads them without error.

Usage:
    python bench/argdown_roundtrip.py NODE_DIR [--generated N] [--keep DIR]

NODE_DIR is a folder where ``npm install @argdown/cli@1.7.5`` was run. Every built-in map
(``argmap list``) is exported with ``argmap.dumps(m, "argdown")``, plus N maps drawn by
``argmap.strategies.argument_maps()`` (fixed seed; hostile Unicode text, linked premises,
undercuts, quotes, tags) and N whose ids, metadata, labels and schemes are any Unicode
(``argument_maps(ids=ids(), meta=metadata(), labels=texts())``). ``argdown json`` reads
them all in one run; the table shows, per file, Argdown's syntax errors and its counts of
statements, arguments and relations beside argmap's own reading of the same text, whether
Argdown's statement texts equal the claims' (after Argdown's whitespace rule), and whether
argmap reads the file back into the map.
Exit status 1 if any file has an error or a difference.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import attrs

import argmap
from argmap import registry
from argmap.io import argdown
from argmap.io.argdown import flatten
from argmap.io.argdown.escape import written_tags


def generated(n: int, *, wide: bool = False) -> list[argmap.ArgumentMap]:
    from hypothesis import HealthCheck, given, settings

    from argmap.strategies import argument_maps, ids, metadata, texts

    maps = (
        argument_maps(ids=ids(), meta=metadata(), labels=texts(), max_claims=8)
        if wide
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
    # Keep distinct maps only (Hypothesis may draw one twice).
    unique = {argmap.dumps(m): m for m in found}
    return list(unique.values())[:n]


HOSTILE = [
    "[x]: not a title, <y>: not an argument, @[z] and @<w> mentions",
    "+ not a relation - nor this -> or +> or <_ or _> or >< at all",
    "-- not an inference -- {not: data} === no front matter ===",
    "// not a comment /* nor this */ <!-- nor this --> http://example.org/a.b",
    "#not-a-tag **not bold** __nor this__ *not italic* _nor this_ snake_case_name",
    ":heart: .~. .A.x.E.y: e.g. 10:30:00 (1) 1. * - \\ back\\slash \\",
    "[a link](https://example.org) and a stray ] and [ and { and }",
    "ends with a backslash \\",
]


def hostile() -> argmap.ArgumentMap:
    """A map whose texts, labels, schemes and tags are all Argdown syntax."""
    b = argmap.MapBuilder("hostile", "=== [T]: <A> {x: 1} #t ===")
    b.source("s", "A source: {with} [brackets]", url="https://example.org/?q=a&b=[c]")
    thesis = b.thesis("thesis", HOSTILE[0])
    previous = thesis
    for i, text in enumerate(HOSTILE[1:], start=1):
        claim = b.claim(f"c{i}", text, quote=text[::-1])
        if i % 3 == 0:
            claim.rebuts(previous, label=HOSTILE[i - 1], scheme="-- Modus, Ponens --")
        else:
            claim.supports(previous, scheme=HOSTILE[i])
        previous = claim
    b.linked("c1", "c2").rebuts("c3", label="linked -- rebuttal")
    m = b.build()
    tagged = [attrs.evolve(c, tags=("(paren)", "a b", "ünïcödé", "x)y", "#")) for c in m.claims]
    return attrs.evolve(m, claims=tagged)


def normalised(m: argmap.ArgumentMap) -> argmap.ArgumentMap:
    return attrs.evolve(
        m,
        claims=[attrs.evolve(c, text=flatten(c.text)) for c in m.claims],
        relations=[
            attrs.evolve(r, label=flatten(r.label), scheme=flatten(r.scheme)) for r in m.relations
        ],
    )


def run_argdown(node_dir: Path, folder: Path, out: Path) -> str:
    exe = node_dir / "node_modules" / ".bin" / "argdown"
    result = subprocess.run(  # noqa: S603 - the argdown command the user pointed at
        [str(exe), "json", str(folder / "*.argdown"), str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=node_dir,
    )
    return result.stdout + result.stderr


def main() -> int:  # noqa: C901 - a table row per map, each with several checks
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("node_dir", type=Path, help="folder with node_modules/@argdown/cli")
    parser.add_argument("--generated", type=int, default=100, help="how many generated maps")
    parser.add_argument("--keep", type=Path, help="keep the .argdown and .json files here")
    args = parser.parse_args()

    maps = {name: registry.get(name) for name in registry.names()}
    maps["hostile"] = hostile()
    for i, m in enumerate(generated(args.generated), start=1):
        maps[f"generated-{i:03d}"] = m
    for i, m in enumerate(generated(args.generated, wide=True), start=1):
        maps[f"any-ids-{i:03d}"] = m
    work = Path(tempfile.mkdtemp(prefix="argmap-argdown-"))
    texts = {}
    for name, m in maps.items():
        texts[name] = argmap.dumps(m, "argdown")
        (work / f"{name}.argdown").write_text(texts[name], encoding="utf-8")
    log = run_argdown(args.node_dir, work, work / "json")
    errors: dict[str, int] = {}
    for match in re.finditer(r"Argdown syntax errors in (\S+): (\d+)", log):
        errors[Path(match.group(1)).stem] = int(match.group(2))

    header = (
        f"{'map':<22} {'errors':>6}  {'Argdown s/a/r':>14}  {'argmap s/a/r':>14}  "
        f"{'texts':>5}  {'back':>4}"
    )
    print(header)
    print("-" * len(header))
    bad = 0
    for name, m in maps.items():
        data_path = work / "json" / f"{name}.json"
        ours = argdown.parse(texts[name])
        counts = f"{len(ours.statements)}/{len(ours.arguments)}/{len(ours.relations)}"
        if not data_path.exists():
            print(f"{name:<22} {errors.get(name, '?'):>6}  {'(no output)':>14}  {counts:>14}")
            bad += 1
            continue
        data = json.loads(data_path.read_text(encoding="utf-8"))
        theirs = f"{len(data['statements'])}/{len(data['arguments'])}/{len(data['relations'])}"
        # Argdown's text of a statement ends with its tags, as argmap writes them.
        wanted = {}
        for c in m.claims:
            tags = written_tags(c.tags)[0]  # the writer's own tag text
            wanted[c.id] = f"{flatten(c.text)} {tags}".strip(" ")
        same_text = True
        for title, ec in data["statements"].items():
            members = [x for x in ec["members"] if not x.get("isReference")]
            if title in wanted and members:
                same_text &= members[-1].get("text", "").strip(" \t") == wanted[title]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            back = argdown.loads(texts[name]) == normalised(m)
        ok = errors.get(name, 0) == 0 and theirs == counts and same_text and back
        bad += not ok
        print(
            f"{name:<22} {errors.get(name, 0):>6}  {theirs:>14}  {counts:>14}  "
            f"{'same' if same_text else 'DIFF':>5}  {'yes' if back else 'NO':>4}"
        )
    print(
        f"\n{len(maps)} maps, {bad} with an error or a difference (s/a/r: statements, "
        "arguments, relations)"
    )
    if args.keep:
        shutil.copytree(work, args.keep, dirs_exist_ok=True)
    shutil.rmtree(work)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
