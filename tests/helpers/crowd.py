"""Several coordinators at once: the ``partner-log`` command run in separate processes,
released together, as people on different computers would run it."""

from __future__ import annotations

import contextlib
import io
import multiprocessing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: How long one run may take before the test gives up on it.
TIMEOUT_S = 180


@dataclass(frozen=True)
class Outcome:
    status: int
    out: str
    err: str


def _one(barrier: Any, argv: list[str], results: Any, index: int) -> None:
    from desktop_app.cli import main

    out, err = io.StringIO(), io.StringIO()
    barrier.wait()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except BaseException as bug:  # a traceback is a failure the test must see
            status = -1
            err.write(f"{type(bug).__name__}: {bug}")
    results.put((index, status, out.getvalue(), err.getvalue()))


def run_at_once(commands: Sequence[Sequence[str]]) -> list[Outcome]:
    """Run each command line in its own process, all released at the same moment."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(commands))
    results = context.Queue()
    processes = [
        context.Process(target=_one, args=(barrier, [str(a) for a in argv], results, index))
        for index, argv in enumerate(commands)
    ]
    for process in processes:
        process.start()
    found: dict[int, Outcome] = {}
    try:
        for _ in processes:
            index, status, out, err = results.get(timeout=TIMEOUT_S)
            found[index] = Outcome(status, out, err)
    finally:
        for process in processes:
            process.join(timeout=TIMEOUT_S)
            if process.is_alive():
                process.kill()
        results.close()
        results.join_thread()
    return [found[index] for index in range(len(commands))]
