"""Event-loop lag probe: how late a periodic sleep wakes up tells how long the loop stalled.

Two numbers per sample: ``lag`` (wall clock: how late the wake-up was, whatever the cause) and
``busy`` (CPU time the loop's own thread spent in that interval, i.e. time it was running
callbacks rather than waiting for the OS scheduler or the GIL). On a machine whose cores are
all taken, ``lag`` can exceed ``busy`` by a lot; a stall caused by work on the loop shows in both.
Garbage-collector pauses are recorded too (``gc_max_ms``): a full collection stops the loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import time
from collections import deque
from typing import Any


class LoopLagMonitor:
    """Samples the running loop every ``interval`` seconds; keeps per-second maxima for an hour."""

    def __init__(self, interval: float = 0.01, keep_seconds: int = 3600) -> None:
        self.interval = interval
        # One bucket per wall-clock second: [second, max lag, max busy, samples, max gc pause].
        self._seconds: deque[list[float]] = deque(maxlen=keep_seconds)
        self._task: asyncio.Task[None] | None = None
        self._gc_started = 0.0

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Start sampling on the running loop (idempotent)."""
        if not self.running:
            self._task = asyncio.get_running_loop().create_task(self._run())
            if self._on_gc not in gc.callbacks:
                gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        elif self._gc_started:
            self._bucket(time.time())[4] = max(
                self._bucket(time.time())[4], time.perf_counter() - self._gc_started
            )
            self._gc_started = 0.0

    async def stop(self) -> None:
        with contextlib.suppress(ValueError):
            gc.callbacks.remove(self._on_gc)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            started, cpu = loop.time(), time.thread_time()
            await asyncio.sleep(self.interval)
            lag = max(0.0, loop.time() - started - self.interval)
            self.record(lag, time.thread_time() - cpu)

    def _bucket(self, now: float) -> list[float]:
        second = float(int(now))
        if not self._seconds or self._seconds[-1][0] != second:
            self._seconds.append([second, 0.0, 0.0, 0, 0.0])
        return self._seconds[-1]

    def record(self, lag: float, busy: float = 0.0, now: float | None = None) -> None:
        bucket = self._bucket(time.time() if now is None else now)
        bucket[1] = max(bucket[1], lag)
        bucket[2] = max(bucket[2], busy)
        bucket[3] += 1

    def report(self, window: int) -> dict[str, Any]:
        """Largest lag (ms) over the last ``window`` seconds and how many samples that covers."""
        since = time.time() - window
        recent = [b for b in self._seconds if b[0] >= int(since)]
        return {
            "max_ms": round(max((b[1] for b in recent), default=0.0) * 1000, 3),
            "busy_max_ms": round(max((b[2] for b in recent), default=0.0) * 1000, 3),
            "gc_max_ms": round(max((b[4] for b in recent), default=0.0) * 1000, 3),
            "samples": int(sum(b[3] for b in recent)),
            "window_s": window,
            "interval_ms": self.interval * 1000,
        }
