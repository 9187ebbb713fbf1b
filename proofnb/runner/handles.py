"""What a :class:`~proofnb.runner.pool.WorkerPool` hands back: task handles and task errors."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import signal
from collections.abc import Callable, Generator
from typing import Any

__all__ = (
    "PoolClosedError",
    "TaskHandle",
    "TaskTimeoutError",
    "WorkerCrashedError",
    "default_workers",
    "wrap_future",
)


class TaskTimeoutError(TimeoutError):
    """Raised (as the task's exception) when a task ran past its limit and was killed."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds

    def __str__(self) -> str:
        return f"no result within {self.seconds:g} s: the worker was stopped"


class WorkerCrashedError(RuntimeError):
    """Raised (as the task's exception) when the worker running it died (signal, exit, OOM)."""

    def __init__(self, pid: int, status: int | None) -> None:
        super().__init__(pid, status)
        self.pid = pid
        self.status = status

    @property
    def signal(self) -> int | None:
        if self.status is not None and os.WIFSIGNALED(self.status):
            return os.WTERMSIG(self.status)
        return None

    def __str__(self) -> str:
        how = "for an unknown reason"
        if self.status is not None:
            sig = self.signal
            if sig is not None:
                try:
                    name = signal.Signals(sig).name
                except ValueError:
                    name = f"signal {sig}"
                how = f"killed by {name}"
            else:
                how = f"exited with code {os.waitstatus_to_exitcode(self.status)}"
        return f"the worker process {self.pid} died ({how})"


class PoolClosedError(RuntimeError):
    """Raised by :meth:`WorkerPool.submit` after :meth:`WorkerPool.close`."""


def default_workers() -> int:
    """``PROOFNB_WORKERS`` if set, else 2 to 4 depending on the CPU count."""
    env = os.environ.get("PROOFNB_WORKERS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    return min(4, max(2, os.cpu_count() or 2))


class TaskHandle:
    """One submitted task: a :class:`concurrent.futures.Future` plus ``cancel`` and ``await``.

    ``cancel()`` drops a queued task and kills (and replaces) the worker of a running one.
    A task over its limit fails with :class:`TaskTimeoutError`; a task whose worker died fails
    with :class:`WorkerCrashedError`; an exception raised by the function is re-raised as is.
    """

    __slots__ = ("future", "fn", "timeout", "pid", "__weakref__")

    def __init__(self, fn: str, timeout: float) -> None:
        self.future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        self.fn = fn
        self.timeout = timeout
        #: pid of the worker that ran (or runs) the task; None while queued.
        self.pid: int | None = None

    def cancel(self) -> bool:
        """Cancel the task; False when it had already finished."""
        return self.future.cancel()

    def result(self, timeout: float | None = None) -> Any:
        return self.future.result(timeout)

    def exception(self, timeout: float | None = None) -> BaseException | None:
        return self.future.exception(timeout)

    def done(self) -> bool:
        return self.future.done()

    def cancelled(self) -> bool:
        return self.future.cancelled()

    def add_done_callback(self, fn: Callable[[TaskHandle], object]) -> None:
        """Call ``fn(handle)`` when the task ends (in the pool's thread, or at once if done)."""
        self.future.add_done_callback(lambda _f: fn(self))

    def __await__(self) -> Generator[Any, None, Any]:
        return wrap_future(self.future).__await__()


def wrap_future(future: concurrent.futures.Future[Any]) -> asyncio.Future[Any]:
    """An asyncio future on the running loop that follows ``future``.

    Unlike :func:`asyncio.wrap_future`, cancelling the awaiting task does not cancel the
    source future: whether to stop the work is the caller's decision.
    """
    loop = asyncio.get_running_loop()
    waiter: asyncio.Future[Any] = loop.create_future()

    def copy(src: concurrent.futures.Future[Any]) -> None:
        if waiter.done():
            return
        if src.cancelled():
            waiter.cancel()
            return
        exc = src.exception()
        if exc is not None:
            waiter.set_exception(exc)
        else:
            waiter.set_result(src.result())

    def relay(src: concurrent.futures.Future[Any]) -> None:
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            loop.call_soon_threadsafe(copy, src)

    future.add_done_callback(relay)
    return waiter
