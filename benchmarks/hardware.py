"""What the machine itself gives two processes: the scaling ceiling for any pool.

A fixed pure-Python integer loop (no SymPy, no memory traffic, no inter-process messages)
runs in one process, then in two at once. Two perfectly independent cores finish the pair in
the time of one (2.0x); shared physical cores or a busy host give less. A pool's own scaling
is judged against this number measured in the same run, not against 2.0 alone.
"""

from __future__ import annotations

import multiprocessing
import time

#: Iterations of the loop: about half a second on a current core.
LOOP = 4_000_000


def _spin(_: int) -> float:
    started = time.perf_counter()
    total = 0
    for i in range(LOOP):
        total += i * i % 7
    return time.perf_counter() - started


def scaling_ceiling() -> float:
    """Throughput of two processes running the loop together, over one process alone."""
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        alone = pool.map(_spin, [0])[0]
    with ctx.Pool(2) as pool:
        together = pool.map(_spin, [0, 1])
    return 2 * alone / max(together)
