"""Argdown lexing time on long lines of openings that never close: is it linear?

    python bench/argdown_lex.py                   # 16,000, 64,000 and 256,000 characters
    python bench/argdown_lex.py --sizes 8000 32000

Each opening (``[``, ``<``, ``{``, ``<!--``, ``//``...) makes the lexer ask whether its
closing mark lies ahead; a lexer that searched afresh at every position would take
quadratic time on these lines (20,000 ``[`` once took 15 s). The table gives CPU seconds
(``time.process_time``: ``tokenize`` alone) per size and, in brackets, microseconds per
character, which stays flat when lexing is linear.
"""

from __future__ import annotations

import argparse
import time

from argmap.io.argdown.lexer import tokenize

UNITS = ["[", "<", "@[", "@<", "#(", "{", "{},", "<!--", "/*", "//", "[x](", "[a]:", ".x", "_ "]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[16_000, 64_000, 256_000])
    args = parser.parse_args()
    print("| opening | " + " | ".join(f"{n:,} chars" for n in args.sizes) + " |")
    print("| --- |" + " --- |" * len(args.sizes))
    for unit in UNITS:
        cells = []
        for n in args.sizes:
            text = unit * (n // len(unit))
            start = time.process_time()
            tokenize(text)
            seconds = time.process_time() - start
            cells.append(f"{seconds:.3f} ({seconds / len(text) * 1e6:.1f})")
        print(f"| `{unit}` | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
