"""A one-line progress bar on stderr, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """``Progress(total)``; call :meth:`advance` per finished proof and :meth:`close` at the end."""

    def __init__(self, total: int, stream: TextIO | None = None, width: int = 30) -> None:
        self.total = total
        self.done = 0
        self.failed = 0
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self.enabled = total > 0 and self.stream.isatty()
        self._last = 0.0

    def advance(self, ok: bool = True) -> None:
        self.done += 1
        self.failed += 0 if ok else 1
        now = time.monotonic()
        if self.enabled and (now - self._last > 0.1 or self.done == self.total):
            self._last = now
            filled = self.width * self.done // self.total
            bar = "#" * filled + "-" * (self.width - filled)
            failed = f", {self.failed} failing" if self.failed else ""
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} proofs{failed}")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
