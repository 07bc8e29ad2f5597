"""How each 100,000-entry figure grows with the size of the records.

Runs the scale benchmark (``bench.bench_scale``) at several sizes, each on data made by
``bench.generate`` with 40 partners over 10 years, and prints one row per figure with
its median at every size.

Run: python -m bench.scaling [--sizes 1000 10000 100000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import re

from bench.bench_scale import measure
from bench.harness import Result, _fmt


def table(sizes: list[int], repeat: int) -> list[list[str]]:
    by_size: dict[int, list[Result]] = {n: measure(n, repeat=repeat) for n in sizes}
    header = ["what", *[f"{n:,}" for n in sizes]]
    rows = [header]
    for i, first in enumerate(by_size[sizes[0]]):
        # "(all 1,016)" names the size it ran at; the columns say that already.
        what = re.sub(r" \[[\d,]+\]$", "", first.what)
        what = re.sub(r"all [\d,]+", "all", what)
        rows.append([what, *[_fmt(by_size[n][i].median_s, by_size[n][i].unit) for n in sizes]])
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    rows = table(args.sizes, args.repeat)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print("| " + " | ".join(c.ljust(w) for c, w in zip(rows[0], widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows[1:]:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


if __name__ == "__main__":
    main()
