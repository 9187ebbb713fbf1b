"""A pool of long-lived, pre-warmed worker processes whose tasks can be killed.

Generic: it knows nothing of mathematics. Tasks are named by import path
(``"package.module:function"``) and run in worker processes forked from a warm zygote
(see :mod:`proofnb.runner._zygote`), so a killed worker is replaced within milliseconds and
the replacement has already imported everything the warm list named.

Per task: a wall-clock limit (the worker is SIGKILLed and replaced when it is exceeded), a
memory cap per worker (``RLIMIT_AS``), cancellation that kills a running task. Workers run
with ``PYTHONHASHSEED=0``. One manager thread per pool does all the bookkeeping; ``submit``
is thread-safe and returns a :class:`TaskHandle` that is both a future and an awaitable.
"""

from __future__ import annotations

import atexit
import collections
import concurrent.futures
import contextlib
import itertools
import json
import os
import selectors
import socket
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from .handles import (
    PoolClosedError,
    TaskHandle,
    TaskTimeoutError,
    WorkerCrashedError,
    default_workers,
)

__all__ = (
    "PoolClosedError",
    "TaskHandle",
    "TaskTimeoutError",
    "WorkerCrashedError",
    "WorkerPool",
    "default_workers",
)

DEFAULT_WARM: tuple[str, ...] = ()
#: Seconds to wait for a dead worker's exit status before reporting the crash without it.
_EXIT_STATUS_GRACE = 1.0
#: Workers that may die in a row without finishing a task before the pool gives up.
_MAX_IDLE_DEATHS = 8


@dataclass(eq=False)
class _Task:
    id: int
    fn: str
    args: tuple[Any, ...]
    handle: TaskHandle


@dataclass(eq=False)
class _Worker:
    conn: Connection
    pid: int | None = None
    task: _Task | None = None
    deadline: float = 0.0
    spawned: float = field(default_factory=time.monotonic)


_POOLS: weakref.WeakSet[WorkerPool] = weakref.WeakSet()
_ATEXIT_REGISTERED = False
_ATEXIT_LOCK = threading.Lock()


def _close_all_pools() -> None:
    for pool in list(_POOLS):
        with contextlib.suppress(Exception):
            pool.close()


class WorkerPool:
    """Long-lived worker processes with per-task kill, memory cap and clean shutdown.

    ``workers``: number of processes (default :func:`default_workers`). ``memory_mb``: address
    space cap per worker (None: no cap). ``warm``: modules to import (``"pkg.mod"``) or
    callables to run (``"pkg.mod:func"``) once, before any worker starts. ``start_method`` is
    accepted for compatibility and must be ``"zygote"`` (fresh interpreter + fork from it),
    the only method that is safe in a threaded Jupyter kernel and replaces workers warm.
    Nothing starts until :meth:`start` (or the first :meth:`submit`).
    """

    def __init__(
        self,
        workers: int | None = None,
        *,
        memory_mb: int | None = 2048,
        warm: Sequence[str] = DEFAULT_WARM,
        start_method: str = "zygote",
        hash_seed: str = "0",
    ) -> None:
        if start_method != "zygote":
            raise ValueError(f"start_method must be 'zygote', not {start_method!r}")
        if workers is not None and workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        if memory_mb is not None and memory_mb < 64:
            raise ValueError(f"memory_mb must be at least 64, not {memory_mb}")
        self.workers = workers or default_workers()
        self.memory_mb = memory_mb
        self.warm = tuple(warm)
        self.hash_seed = hash_seed
        #: Messages from warm steps that failed in the zygote (the pool still serves, cold).
        self.warm_errors: list[str] = []
        self._lock = threading.Lock()
        self._commands: collections.deque[tuple[str, Any]] = collections.deque()
        self._ids = itertools.count(1)
        self._started = False
        self._closed = False
        self._thread: threading.Thread | None = None
        self._zygote: subprocess.Popen[bytes] | None = None
        self._ctl: socket.socket | None = None
        self._wake_r = -1
        self._wake_w = -1
        # Owned by the manager thread:
        self._queue: collections.deque[_Task] = collections.deque()
        self._live: list[_Worker] = []
        self._dying: dict[int, tuple[_Task, float]] = {}
        self._exits: dict[int, int] = {}
        self._idle_deaths = 0
        self._selector: selectors.BaseSelector | None = None

    # -- public API -------------------------------------------------------------------------

    def start(self) -> None:
        """Start the zygote and the manager thread; workers warm up in the background."""
        global _ATEXIT_REGISTERED
        with self._lock:
            if self._closed:
                raise PoolClosedError("the pool is closed")
            if self._started:
                return
            self._started = True
            parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            try:
                self._zygote = self._launch_zygote(child)
            except BaseException:
                parent.close()
                raise
            finally:
                child.close()
            self._ctl = parent
            self._wake_r, self._wake_w = os.pipe()
            os.set_blocking(self._wake_w, False)
            os.set_blocking(self._wake_r, False)
            self._thread = threading.Thread(
                target=self._run, name=f"proofnb-pool-{id(self):x}", daemon=True
            )
            _POOLS.add(self)
            with _ATEXIT_LOCK:
                if not _ATEXIT_REGISTERED:
                    atexit.register(_close_all_pools)
                    _ATEXIT_REGISTERED = True
            self._thread.start()

    def submit(self, fn: str | Callable[..., Any], *args: Any, timeout: float) -> TaskHandle:
        """Queue ``fn(*args)`` (``fn`` an import path ``"pkg.mod:func"``) with a time limit."""
        if not isinstance(fn, str):
            fn = f"{fn.__module__}:{fn.__qualname__}"
        if not timeout > 0:
            raise ValueError(f"timeout must be positive, not {timeout!r}")
        if not self._started:
            self.start()
        handle = TaskHandle(fn, float(timeout))
        task = _Task(next(self._ids), fn, args, handle)
        with self._lock:
            if self._closed:
                raise PoolClosedError("the pool is closed")
            self._commands.append(("submit", task))
        handle.future.add_done_callback(lambda f: self._on_done(task, f))
        self._wake()
        return handle

    def close(self) -> None:
        """Kill every worker and the zygote, fail queued tasks; idempotent, leaves no process."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            started = self._started
        if not started:
            return
        self._wake()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=10)
        self._shutdown_zygote()
        _POOLS.discard(self)

    def worker_pids(self) -> list[int]:
        """Pids of the workers that are up (for tests and diagnostics)."""
        with self._lock:
            return [w.pid for w in self._live if w.pid is not None]

    @property
    def zygote_pid(self) -> int | None:
        return self._zygote.pid if self._zygote is not None else None

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> WorkerPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- parent side of the zygote protocol ---------------------------------------------------

    def _launch_zygote(self, child: socket.socket) -> subprocess.Popen[bytes]:
        env = dict(os.environ)
        env["PYTHONHASHSEED"] = self.hash_seed
        package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        paths = [package_root, *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
        env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
        config = json.dumps({"memory_mb": self.memory_mb, "warm": list(self.warm)})
        stderr = None if os.environ.get("PROOFNB_WORKER_STDERR") else subprocess.DEVNULL
        return subprocess.Popen(
            [sys.executable, "-m", "proofnb.runner._zygote", str(child.fileno()), config],
            pass_fds=(child.fileno(),),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )

    def _shutdown_zygote(self) -> None:
        ctl, self._ctl = self._ctl, None
        if ctl is not None:  # the manager thread never ran or did not stop in time
            with contextlib.suppress(OSError):
                ctl.send(b"Q")
            ctl.close()
        zygote = self._zygote
        if zygote is not None:
            try:
                zygote.wait(timeout=10)
            except subprocess.TimeoutExpired:
                zygote.kill()
                zygote.wait()
        with self._lock:
            for fd in (self._wake_r, self._wake_w):
                if fd >= 0:
                    with contextlib.suppress(OSError):
                        os.close(fd)
            self._wake_r = self._wake_w = -1

    def _wake(self) -> None:
        with self._lock, contextlib.suppress(OSError):
            if self._wake_w >= 0:
                os.write(self._wake_w, b"x")

    def _on_done(self, task: _Task, future: concurrent.futures.Future[Any]) -> None:
        if future.cancelled():
            with self._lock:
                if self._closed:
                    return
                self._commands.append(("cancel", task))
            self._wake()

    # -- manager thread ----------------------------------------------------------------------

    def _run(self) -> None:
        selector = self._selector = selectors.DefaultSelector()
        assert self._ctl is not None
        selector.register(self._ctl, selectors.EVENT_READ, "ctl")
        selector.register(self._wake_r, selectors.EVENT_READ, "wake")
        try:
            while True:
                with self._lock:
                    if self._closed:
                        break
                self._fill()
                self._dispatch()
                for key, _ in selector.select(self._next_timeout()):
                    if key.data == "wake":
                        with contextlib.suppress(BlockingIOError):
                            while os.read(self._wake_r, 512):
                                pass
                    elif key.data == "ctl":
                        self._read_zygote()
                    else:
                        self._read_worker(key.data)
                self._take_commands()
                self._check_deadlines()
        except Exception as exc:  # noqa: BLE001 - never leave futures hanging
            self._fail_all(RuntimeError(f"the worker pool stopped: {exc}"))
        finally:
            self._fail_all(None)
            selector.close()
            ctl, self._ctl = self._ctl, None
            if ctl is not None:
                with contextlib.suppress(OSError):
                    ctl.send(b"Q")
                ctl.close()

    def _fail_all(self, exc: BaseException | None) -> None:
        tasks = [w.task for w in self._live if w.task is not None]
        tasks += list(self._queue) + [t for t, _ in self._dying.values()]
        with self._lock:
            tasks += [t for kind, t in self._commands if kind == "submit"]
            self._commands.clear()
            self._closed = True
        for task in tasks:
            if exc is None:
                task.handle.future.cancel()
            else:
                self._resolve(task, exc=exc)
        for worker in self._live:
            worker.conn.close()
        self._live.clear()
        self._queue.clear()
        self._dying.clear()

    def _next_timeout(self) -> float | None:
        deadlines = [w.deadline for w in self._live if w.task is not None]
        deadlines += [d for _, d in self._dying.values()]
        if not deadlines:
            return None
        return max(0.0, min(deadlines) - time.monotonic())

    def _take_commands(self) -> None:
        with self._lock:
            commands = list(self._commands)
            self._commands.clear()
        for kind, task in commands:
            if kind == "submit":
                if not task.handle.future.done():
                    self._queue.append(task)
            elif kind == "cancel":
                for worker in self._live:
                    if worker.task is task:
                        self._kill(worker)
                        break

    def _fill(self) -> None:
        while len(self._live) < self.workers and self._ctl is not None:
            ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                socket.send_fds(self._ctl, [b"S"], [theirs.fileno()])
            except OSError:
                ours.close()
                raise
            finally:
                theirs.close()
            worker = _Worker(Connection(ours.detach()))
            assert self._selector is not None
            self._selector.register(worker.conn.fileno(), selectors.EVENT_READ, worker)
            with self._lock:
                self._live.append(worker)

    def _dispatch(self) -> None:
        for worker in self._live:
            if not self._queue:
                return
            if worker.pid is None or worker.task is not None:
                continue
            while self._queue:
                task = self._queue.popleft()
                if task.handle.future.done():
                    continue
                try:
                    worker.conn.send((task.id, task.fn, task.args))
                except Exception as exc:  # the arguments do not pickle
                    self._resolve(task, exc=exc)
                    continue
                worker.task = task
                task.handle.pid = worker.pid
                worker.deadline = time.monotonic() + task.handle.timeout
                break

    def _read_worker(self, worker: _Worker) -> None:
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):
            status = self._exits.pop(worker.pid, None) if worker.pid is not None else None
            self._remove(worker)
            if worker.task is None:
                self._idle_deaths += 1
                if self._idle_deaths > _MAX_IDLE_DEATHS:
                    raise RuntimeError(
                        "workers keep dying before they run anything (is memory_mb too small?)"
                    ) from None
            if worker.task is not None and worker.pid is not None:
                if status is not None:
                    self._resolve(worker.task, exc=WorkerCrashedError(worker.pid, status))
                else:
                    deadline = time.monotonic() + _EXIT_STATUS_GRACE
                    self._dying[worker.pid] = (worker.task, deadline)
            elif worker.task is not None:
                self._resolve(worker.task, exc=WorkerCrashedError(0, None))
            return
        except Exception as exc:  # a result that does not unpickle here
            if worker.task is not None:
                self._resolve(worker.task, exc=RuntimeError(f"bad result from worker: {exc!r}"))
            self._kill(worker)
            return
        kind = message[0]
        if kind == "ready":
            with self._lock:
                worker.pid = int(message[1])
            return
        task = worker.task
        if task is None or message[1] != task.id:
            return
        worker.task = None
        self._idle_deaths = 0
        if len(message) > 4 and message[4] == "retire":
            # The worker leaves after this answer; give it no further task.
            self._kill(worker)
        if kind == "ok":
            self._resolve(task, result=message[2])
        else:
            error: BaseException = message[2]
            if message[3]:
                error.__cause__ = _RemoteTraceback(message[3])
            self._resolve(task, exc=error)

    def _read_zygote(self) -> None:
        assert self._ctl is not None
        try:
            data = self._ctl.recv(4096)
        except OSError:
            data = b""
        if not data:
            # The zygote died: nothing can be served any more.
            raise RuntimeError("the worker zygote exited")
        if data.startswith(b"X"):
            pid_text, _, status_text = data[1:].partition(b" ")
            pid, status = int(pid_text), int(status_text)
            pending = self._dying.pop(pid, None)
            if pending is not None:
                self._resolve(pending[0], exc=WorkerCrashedError(pid, status))
            elif any(w.pid == pid for w in self._live):
                self._exits[pid] = status
        elif data.startswith(b"W"):
            self.warm_errors.append(data[1:].decode("utf-8", "replace"))

    def _check_deadlines(self) -> None:
        now = time.monotonic()
        for worker in list(self._live):
            task = worker.task
            if task is not None and worker.deadline <= now:
                self._kill(worker)
                self._resolve(task, exc=TaskTimeoutError(task.handle.timeout))
        for pid, (task, deadline) in list(self._dying.items()):
            if deadline <= now:
                del self._dying[pid]
                self._resolve(task, exc=WorkerCrashedError(pid, None))

    def _kill(self, worker: _Worker) -> None:
        self._remove(worker)
        if worker.pid is not None and self._ctl is not None:
            with contextlib.suppress(OSError):
                self._ctl.send(b"K%d" % worker.pid)

    def _remove(self, worker: _Worker) -> None:
        if worker in self._live:
            assert self._selector is not None
            with contextlib.suppress(KeyError, ValueError):
                self._selector.unregister(worker.conn.fileno())
            with self._lock:
                self._live.remove(worker)
            worker.conn.close()
            if worker.pid is not None and worker.task is None:
                self._exits.pop(worker.pid, None)

    @staticmethod
    def _resolve(task: _Task, *, result: Any = None, exc: BaseException | None = None) -> None:
        future = task.handle.future
        with contextlib.suppress(concurrent.futures.InvalidStateError):
            if exc is not None:
                future.set_exception(exc)
            else:
                future.set_result(result)


class _RemoteTraceback(Exception):
    def __init__(self, tb: str) -> None:
        super().__init__(tb)
        self.tb = tb

    def __str__(self) -> str:
        return f'\n"""\n{self.tb}"""'
