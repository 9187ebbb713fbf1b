"""The worker pool with real processes: warm workers, kill on timeout, memory cap, crashes."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator

import psutil
import pytest

from proofnb.runner.pool import (
    PoolClosedError,
    TaskTimeoutError,
    WorkerCrashedError,
    WorkerPool,
)

T = "proofnb.runner._selftest:"
HANG_GUARD = 60  # seconds: only a guard against hangs, never what a test measures


def descendants() -> set[int]:
    return {p.pid for p in psutil.Process().children(recursive=True)}


def alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def wait_until(predicate: object, seconds: float = HANG_GUARD) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    with WorkerPool(2, memory_mb=512, warm=("sympy",)) as p:
        yield p


def test_workers_are_warm_and_seeded(pool: WorkerPool) -> None:
    handles = [pool.submit(T + "whoami", timeout=HANG_GUARD) for _ in range(2)]
    for handle in handles:
        pid, has_sympy, seed = handle.result(HANG_GUARD)
        assert has_sympy, "the worker should have SymPy imported before its first task"
        assert seed == "0"
        assert pid in descendants()
    assert wait_until(lambda: len(pool.worker_pids()) == 2)
    hashes = {pool.submit(T + "hash_of", "proofnb", timeout=HANG_GUARD).result() for _ in range(4)}
    assert hashes == {pool.submit(T + "hash_of", "proofnb", timeout=HANG_GUARD).result()}


def test_timeout_kills_and_replaces_the_worker(pool: WorkerPool) -> None:
    handle = pool.submit(T + "sleep", 30, timeout=0.5)
    started = time.monotonic()
    with pytest.raises(TaskTimeoutError):
        handle.result(HANG_GUARD)
    assert time.monotonic() - started < 10
    victim = handle.pid
    assert victim is not None
    assert wait_until(lambda: not alive(victim))
    # The next task runs at once on a warm worker (the replacement is forked, not spawned).
    started = time.monotonic()
    pid, has_sympy, _ = pool.submit(T + "whoami", timeout=HANG_GUARD).result(HANG_GUARD)
    assert pid != victim and has_sympy
    assert time.monotonic() - started < 5
    assert wait_until(lambda: len(pool.worker_pids()) == 2 and victim not in pool.worker_pids())


def test_cancel_kills_a_running_task(pool: WorkerPool) -> None:
    handle = pool.submit(T + "sleep", 30, timeout=HANG_GUARD)
    assert wait_until(lambda: handle.pid is not None)
    victim = handle.pid
    assert victim is not None
    time.sleep(0.2)
    assert handle.cancel()
    with pytest.raises(concurrent.futures.CancelledError):
        handle.result(HANG_GUARD)
    assert wait_until(lambda: not alive(victim), 10)
    assert pool.submit(T + "echo", 7, timeout=HANG_GUARD).result(HANG_GUARD) == 7


def test_cancel_drops_a_queued_task(pool: WorkerPool) -> None:
    busy = [pool.submit(T + "sleep", 1.0, timeout=HANG_GUARD) for _ in range(2)]
    queued = pool.submit(T + "crash_exit", 9, timeout=HANG_GUARD)
    assert queued.cancel()
    pids = {h.result(HANG_GUARD) for h in busy}
    assert queued.cancelled() and queued.pid is None
    # Both workers that ran the sleeps are still the pool's: nobody ran the crash.
    time.sleep(0.3)
    assert pids <= set(pool.worker_pids())


def test_memory_cap_stops_a_hog(pool: WorkerPool) -> None:
    handle = pool.submit(T + "hog", 2048, timeout=HANG_GUARD)
    with pytest.raises(MemoryError, match="512 MB"):
        handle.result(HANG_GUARD)
    assert pool.submit(T + "echo", "still serving", timeout=HANG_GUARD).result() == "still serving"


@pytest.mark.parametrize(
    ("fn", "args", "how"),
    [("crash_exit", (3,), "exited with code 3"), ("crash_segv", (), "killed by SIGSEGV")],
)
def test_crashing_worker_is_replaced(
    pool: WorkerPool, fn: str, args: tuple[object, ...], how: str
) -> None:
    handle = pool.submit(T + fn, *args, timeout=HANG_GUARD)
    with pytest.raises(WorkerCrashedError) as info:
        handle.result(HANG_GUARD)
    assert how in str(info.value)
    assert pool.submit(T + "echo", 1, timeout=HANG_GUARD).result(HANG_GUARD) == 1
    assert wait_until(lambda: len(pool.worker_pids()) == 2)


def test_errors_and_unpicklable_results_come_back(pool: WorkerPool) -> None:
    with pytest.raises(ValueError, match="boom") as info:
        pool.submit(T + "fail", "boom", timeout=HANG_GUARD).result(HANG_GUARD)
    assert "_selftest.py" in str(info.value.__cause__)
    with pytest.raises(RuntimeError, match="could not be sent"):
        pool.submit(T + "unpicklable", timeout=HANG_GUARD).result(HANG_GUARD)
    with pytest.raises(ModuleNotFoundError):
        pool.submit("proofnb.no_such_module:f", timeout=HANG_GUARD).result(HANG_GUARD)


def test_results_stream_in_completion_order(pool: WorkerPool) -> None:
    slow = pool.submit(T + "sleep", 1.5, timeout=HANG_GUARD)
    fast = pool.submit(T + "echo", "fast", timeout=HANG_GUARD)
    order: list[str] = []
    lock = threading.Lock()

    def record(name: str) -> None:
        with lock:
            order.append(name)

    slow.add_done_callback(lambda _h: record("slow"))
    fast.add_done_callback(lambda _h: record("fast"))
    concurrent.futures.wait([slow.future, fast.future], timeout=HANG_GUARD)
    assert order == ["fast", "slow"]


def test_submit_from_threads_and_asyncio(pool: WorkerPool) -> None:
    with concurrent.futures.ThreadPoolExecutor(8) as threads:
        got = list(
            threads.map(
                lambda i: pool.submit(T + "echo", i, timeout=HANG_GUARD).result(HANG_GUARD),
                range(40),
            )
        )
    assert got == list(range(40))

    async def main() -> list[object]:
        return list(
            await asyncio.gather(
                *(pool.submit(T + "echo", i, timeout=HANG_GUARD) for i in range(10))
            )
        )

    assert asyncio.run(main()) == list(range(10))


def test_close_leaves_no_process_and_fails_queued_work() -> None:
    before = descendants()
    pool = WorkerPool(2, warm=())
    pool.start()
    running = [pool.submit(T + "sleep", 30, timeout=HANG_GUARD) for _ in range(3)]
    assert wait_until(lambda: len(pool.worker_pids()) == 2)
    assert len(descendants() - before) == 3  # zygote + two workers
    pool.close()
    assert descendants() - before == set()
    for handle in running:
        assert handle.cancelled()
    with pytest.raises(PoolClosedError):
        pool.submit(T + "echo", 1, timeout=1)
    pool.close()  # idempotent


def test_workers_exit_when_the_parent_dies(tmp_path: object) -> None:
    script = textwrap.dedent(
        """
        import sys, time
        from proofnb.runner.pool import WorkerPool
        pool = WorkerPool(2, warm=())
        handle = pool.submit("proofnb.runner._selftest:sleep", 0.1, timeout=60)
        handle.result(60)
        while len(pool.worker_pids()) < 2:
            time.sleep(0.05)
        pool.submit("proofnb.runner._selftest:sleep", 60, timeout=120)
        print(pool.zygote_pid, *pool.worker_pids(), flush=True)
        time.sleep(120)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        pids = [int(p) for p in parent.stdout.readline().split()]
        assert len(pids) == 3 and all(alive(p) for p in pids)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(HANG_GUARD)
        assert wait_until(lambda: not any(alive(p) for p in pids), 20), "orphaned workers"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


def test_import_starts_nothing_and_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError):
        WorkerPool(0)
    with pytest.raises(ValueError):
        WorkerPool(1, start_method="fork")
    pool = WorkerPool(1)
    assert pool.zygote_pid is None  # nothing starts before start()/submit()
    with pytest.raises(ValueError):
        pool.submit(T + "echo", 1, timeout=0)
    pool.close()
