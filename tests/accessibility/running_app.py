"""The app under test as the AT-SPI check sees it: the real window in its own process
(``app_under_test.py``, run by the app's own Python), steered by JSON lines, and its node
in the AT-SPI desktop tree. Used by ``atspi_check.py`` under the system Python.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import pyatspi

REPO = Path(__file__).resolve().parents[2]
ANSWER_TIMEOUT = 30.0
SETTLE_TIMEOUT = 8.0


class Failure(Exception):
    """A check that cannot go on; its message is the problem the run reports."""


class App:
    """The app window in its own process, steered by JSON lines."""

    def __init__(
        self, app_python: str, folder: Path, tour: str, scale: float, language: str = "en"
    ) -> None:
        command = [app_python, "-m", "tests.accessibility.app_under_test", str(folder)]
        command += ["--tour", tour, "--scale", str(scale), "--language", language]
        self.process = subprocess.Popen(
            command,
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.hello = self._answer()
        self.root = self._find_in_desktop()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put("")

    def _answer(self) -> dict[str, Any]:
        try:
            line = self.lines.get(timeout=ANSWER_TIMEOUT)
        except queue.Empty:
            raise Failure("the app did not answer in time") from None
        if not line:
            raise Failure(f"the app stopped (exit status {self.process.wait()})")
        answer: dict[str, Any] = json.loads(line)
        if not answer.get("ok"):
            raise Failure(f"the app could not do it: {answer.get('problem')}")
        return answer

    def send(self, cmd: str, **fields: Any) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"cmd": cmd, **fields}) + "\n")
        self.process.stdin.flush()
        return self._answer()

    def _find_in_desktop(self) -> Any:
        """The app's node in the desktop tree, found by its process id and name."""
        deadline = time.monotonic() + ANSWER_TIMEOUT
        while time.monotonic() < deadline:
            for app in pyatspi.Registry.getDesktop(0):
                try:
                    if app is not None and app.get_process_id() == self.process.pid:
                        if app.name != "Partner Log":
                            raise Failure(f"the app is called {app.name!r} on the desktop")
                        return app
                except Exception as problem:  # a dying app elsewhere on the bus
                    if isinstance(problem, Failure):
                        raise
            time.sleep(0.1)
        raise Failure("Partner Log never appeared in the AT-SPI desktop tree")

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                assert self.process.stdin is not None
                self.process.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
                self.process.stdin.close()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
