"""A tiny harness: time things, compare with a same-run baseline, print one table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    what: str
    median_s: float
    baseline_s: float
    #: The target as a limit on the median in seconds, or None.
    target_s: float | None = None
    #: The target as a limit on the ratio to the baseline, or None.
    target_ratio: float | None = None
    #: "s" for times; "MB" for memory, where median and baseline are megabytes.
    unit: str = "s"

    @property
    def ratio(self) -> float:
        return self.median_s / self.baseline_s if self.baseline_s else float("inf")

    @property
    def met(self) -> bool:
        ok = True
        if self.target_s is not None:
            ok = ok and self.median_s <= self.target_s
        if self.target_ratio is not None:
            ok = ok and self.ratio <= self.target_ratio
        return ok

    def target_text(self) -> str:
        parts = []
        if self.target_s is not None:
            parts.append(f"<= {_fmt(self.target_s, self.unit)}")
        if self.target_ratio is not None:
            parts.append(f"<= {self.target_ratio:g}x")
        return " and ".join(parts) or "-"


def median_time(action: Callable[[], object], repeat: int, warmup: int = 3) -> float:
    """The median wall-clock time of ``action`` over ``repeat`` runs, after a warm-up."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _fmt(seconds: float, unit: str = "s") -> str:
    if unit != "s":
        return f"{seconds:.0f} {unit}"
    if seconds < 1:
        return f"{seconds * 1000:.2f} ms"
    return f"{seconds:.2f} s"


def print_table(results: list[Result]) -> None:
    header = ("what", "median", "baseline", "ratio", "target", "met")
    rows = [
        (
            r.what,
            _fmt(r.median_s, r.unit),
            _fmt(r.baseline_s, r.unit),
            f"{r.ratio:.2f}x",
            r.target_text(),
            "met" if r.met else "NOT MET",
        )
        for r in results
    ]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
