"""Coverage-guided fuzzing of argmap's loaders with atheris (libFuzzer for Python).

    pip install atheris
    python bench/fuzz_atheris.py json --runs 100000
    python bench/fuzz_atheris.py argdown --runs 100000 --seed-map example
    python bench/fuzz_atheris.py all --runs 50000

Hypothesis (``bench/fuzz.py``) draws inputs from strategies; atheris mutates bytes and
keeps the inputs that reach new code, so it finds what no strategy thought of. Each
target reads the bytes as UTF-8 text (undecodable bytes become U+FFFD) with
``argmap.loads(text, FORMAT)``; the only exceptions allowed out are ``ArgmapError``
subclasses with a one-line message. Anything else stops the run with the input that
caused it (libFuzzer writes it as ``crash-*`` in the current folder).

The corpus starts from the built-in map named by ``--seed-map``, written in the target's
format, so mutations begin from a valid document. Each target runs in its own process;
the summary gives runs, seconds and crashes per target.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

TARGETS = ("json", "aif", "argdown")


def fuzz_one(fmt: str, runs: int, corpus: Path) -> None:
    """Run libFuzzer on one loader in this process (called in a child process)."""
    import atheris

    with atheris.instrument_imports():
        import argmap

    warnings.simplefilter("ignore", argmap.ArgmapWarning)  # what the loaders read past

    def target(data: bytes) -> None:
        text = data.decode("utf-8", errors="replace")
        try:
            argmap.loads(text, fmt)
        except argmap.ArgmapError as exc:
            if "\n" in str(exc).strip() and not isinstance(exc, argmap.InvalidMapError):
                raise AssertionError(f"a message of several lines: {exc!s:.200}") from exc

    argv = [sys.argv[0], f"-runs={runs}", "-max_len=4096", "-timeout=20", str(corpus)]
    atheris.Setup(argv, target)
    atheris.Fuzz()


def seed(fmt: str, map_id: str, corpus: Path) -> None:
    """Write the seed map, and a few small documents, into the corpus folder."""
    import argmap
    from argmap import registry

    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / f"seed.{fmt}").write_text(argmap.dumps(registry.get(map_id), fmt), "utf-8")
    small = {
        "json": '{"argmap": 1, "id": "m", "title": "t", "theses": ["a"], "claims": []}',
        "aif": '{"nodes": [{"nodeID": 1, "type": "I", "text": "a"}], "edges": []}',
        "argdown": "[a]: A.\n  + [b]: B.\n  - <c>: C.\n",
    }
    (corpus / f"small.{fmt}").write_text(small[fmt], "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("target", choices=[*TARGETS, "all"])
    parser.add_argument("--runs", type=int, default=100_000, help="inputs per target")
    parser.add_argument("--seed-map", default="example", help="built-in map to start from")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        fuzz_one(args.target, args.runs, args.corpus)
        return 0
    targets = TARGETS if args.target == "all" else (args.target,)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in targets:
            corpus = Path(tmp) / fmt
            seed(fmt, args.seed_map, corpus)
            start = time.perf_counter()
            child = [sys.executable, __file__, fmt, "--child", "--corpus", str(corpus)]
            done = subprocess.run(  # noqa: S603 - our own script, our arguments
                [*child, "--runs", str(args.runs)],
                capture_output=True,
                text=True,
                check=False,
            )
            seconds = time.perf_counter() - start
            crashed = done.returncode != 0
            if crashed:
                print(done.stderr[-3000:], file=sys.stderr)
            kept = len(list(corpus.iterdir()))
            rows.append((fmt, args.runs, kept, seconds, "crash" if crashed else "none"))
    print("| loader | inputs run | corpus kept | seconds | crashes |")
    print("| --- | --- | --- | --- | --- |")
    for fmt, runs, kept, seconds, crash in rows:
        print(f"| {fmt} | {runs:,} | {kept:,} | {seconds:.0f} | {crash} |")
    return 1 if any(row[-1] != "none" for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
