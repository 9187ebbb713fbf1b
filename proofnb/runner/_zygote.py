"""The worker side of :class:`proofnb.runner.pool.WorkerPool`.

The pool starts this module once as a fresh interpreter (``python -m proofnb.runner._zygote``),
never by forking the caller: a Jupyter kernel has threads, and forking a threaded process is
unsafe. This "zygote" imports the warm modules (SymPy, the checker) once, stays single-threaded,
and forks a worker whenever the pool asks for one, so a replacement worker is warm within
milliseconds. It reaps its children and reports how they ended; when the pool's end of the
control socket closes (the pool closed, or its process died) it SIGKILLs every worker and exits.

Control messages (one SOCK_SEQPACKET datagram each):
  pool -> zygote: ``S`` + one passed fd (start a worker on it), ``K<pid>`` (kill), ``Q`` (quit)
  zygote -> pool: ``X<pid> <wait status>`` (a worker ended), ``W<text>`` (a warm step failed)
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import importlib
import json
import os
import resource
import selectors
import signal
import socket
import sys
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, NoReturn

_PR_SET_PDEATHSIG = 1
_WARM_LIMIT_S = 60


def resolve(path: str) -> Callable[..., Any]:
    """Import ``"pkg.mod:func"`` (or ``"pkg.mod:Class.method"``) and return the callable."""
    module_name, _, attr = path.partition(":")
    if not attr:
        raise ValueError(f"expected 'package.module:function', got {path!r}")
    obj: Any = importlib.import_module(module_name)
    for part in attr.split("."):
        obj = getattr(obj, part)
    if not callable(obj):
        raise TypeError(f"{path!r} is not callable")
    return obj  # type: ignore[no-any-return]


def _die_with_parent() -> None:
    # The zygote is single-threaded, so PDEATHSIG (tied to the creating thread) is reliable here.
    with contextlib.suppress(Exception):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _worker_main(fd: int, memory_mb: int | None, zygote_pid: int) -> NoReturn:
    """Serve tasks on ``fd`` until it closes. Runs in a forked child; always ``os._exit``."""
    _die_with_parent()
    if os.getppid() != zygote_pid:
        os._exit(0)
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    conn = Connection(fd)
    cache: dict[str, Callable[..., Any]] = {}
    try:
        conn.send(("ready", os.getpid()))
        while True:
            try:
                task_id, fn, args = conn.recv()
            except EOFError:
                break
            recycle = False
            reply: tuple[Any, ...] = ()
            try:
                func = cache.get(fn)
                if func is None:
                    func = cache[fn] = resolve(fn)
                reply = ("ok", task_id, func(*args))
            except MemoryError:
                recycle = True
            except BaseException as exc:  # noqa: BLE001 - everything goes back to the pool
                reply = ("err", task_id, exc, traceback.format_exc())
            if recycle:
                # Only now, with the traceback (and the frames holding the memory) gone, is
                # there room to answer. The pool replaces this worker afterwards: its heap
                # may be fragmented or some library state half-updated.
                gc.collect()
                error = MemoryError(f"out of memory (limit {memory_mb} MB)")
                reply = ("err", task_id, error, "", "retire")
            try:
                conn.send(reply)
            except Exception as exc:  # the result or the exception does not pickle
                text = f"{type(exc).__name__}: {exc}"
                conn.send(("err", task_id, RuntimeError(f"result could not be sent: {text}"), ""))
            if recycle:
                break
    except BaseException:  # noqa: BLE001 - a worker never raises out of its loop
        pass
    os._exit(0)


def _on_alarm(signum: int, frame: object) -> None:
    raise TimeoutError(f"took more than {_WARM_LIMIT_S} s")


def _warm(specs: list[str], sock: socket.socket) -> None:
    # A warm step that hangs would keep every worker from starting: bound it.
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    for spec in specs:
        signal.alarm(_WARM_LIMIT_S)
        try:
            if ":" in spec:
                resolve(spec)()
            else:
                importlib.import_module(spec)
        except BaseException as exc:  # noqa: BLE001 - report and keep serving cold
            message = f"warm {spec!r} failed: {type(exc).__name__}: {exc}"
            with contextlib.suppress(OSError):
                sock.send(("W" + message).encode("utf-8", "replace")[:4000])
        finally:
            signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _kill_all(children: set[int]) -> None:
    for pid in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    for pid in children:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    children.clear()


def main(argv: list[str]) -> None:
    """Entry point of the zygote process: ``python -m proofnb.runner._zygote FD CONFIG``."""
    sock = socket.socket(fileno=int(argv[1]))
    config = json.loads(argv[2])
    memory_mb: int | None = config.get("memory_mb")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_r, False)
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda signum, frame: None)
    _warm(list(config.get("warm", ())), sock)

    children: set[int] = set()
    zygote_pid = os.getpid()
    selector = selectors.DefaultSelector()
    selector.register(sock, selectors.EVENT_READ)
    selector.register(wake_r, selectors.EVENT_READ)
    try:
        while True:
            for key, _ in selector.select():
                if key.fileobj is sock:
                    try:
                        data, fds, _flags, _addr = socket.recv_fds(sock, 4096, 4)
                    except OSError:
                        data, fds = b"", []
                    if not data or data == b"Q":
                        return
                    if data == b"S" and fds:
                        pid = os.fork()
                        if pid == 0:
                            signal.set_wakeup_fd(-1)
                            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                            selector.close()
                            sock.close()
                            os.close(wake_r)
                            os.close(wake_w)
                            for extra in fds[1:]:
                                os.close(extra)
                            _worker_main(fds[0], memory_mb, zygote_pid)
                        children.add(pid)
                        for fd in fds:
                            os.close(fd)
                    elif data.startswith(b"K"):
                        pid = int(data[1:])
                        if pid in children:
                            with contextlib.suppress(ProcessLookupError):
                                os.kill(pid, signal.SIGKILL)
                    else:
                        for fd in fds:
                            os.close(fd)
                else:
                    with contextlib.suppress(BlockingIOError):
                        while os.read(wake_r, 512):
                            pass
                _reap(children, sock)
    finally:
        _kill_all(children)


def _reap(children: set[int], sock: socket.socket) -> None:
    while children:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            children.clear()
            return
        if pid == 0:
            return
        children.discard(pid)
        with contextlib.suppress(OSError):
            sock.send(f"X{pid} {status}".encode())


if __name__ == "__main__":
    main(sys.argv)
