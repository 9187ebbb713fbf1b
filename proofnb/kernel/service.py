"""The kernel's proof service: one long-lived task on the kernel's event loop.

Runner threads report finished steps and proofs through ``loop.call_soon_threadsafe`` into
an ``asyncio.Queue``; the service task consumes that queue and changes widget traits, so
every widget update happens on the kernel's own loop and nothing is printed or displayed
from background work. Finished proofs are written to the history on a dedicated thread
(SQLite connections stay on the thread that opened them); a failed write is shown in the
widget and never reaches the kernel.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from proofnb.core.model import ProofResult, StepResult

if TYPE_CHECKING:
    from proofnb.runner.service import ProofRun

    from .widget import ProofWidget

log = logging.getLogger(__name__)


def notebook_path() -> str | None:
    """The notebook this kernel serves, as Jupyter Server sets it (``JPY_SESSION_NAME``)."""
    return os.environ.get("JPY_SESSION_NAME") or None


class KernelRun:
    """One ``%%verify`` run in this kernel: the runner's run, its widget and history entry.

    ``await run.wait()`` returns the finished :class:`ProofResult` once the widget shows it
    and the history write is over; ``run.cancel()`` stops the pending steps.
    """

    def __init__(self, run: ProofRun, widget: ProofWidget, *, save: bool = True) -> None:
        self.run = run
        self.widget = widget
        self.save = save
        self.history_id: Any = None
        self.history_error = ""
        self._finished: concurrent.futures.Future[ProofResult] = concurrent.futures.Future()

    @property
    def done(self) -> bool:
        """True once the result is shown and the history write is over."""
        return self._finished.done()

    def cancel(self) -> None:
        """Stop the pending steps (their workers are killed); finished ones stay."""
        self.widget.show_cancelling()
        self.run.cancel()

    def result(self, timeout: float | None = None) -> ProofResult:
        """Block until the run is finished (for scripts; in a notebook use ``wait``)."""
        return self._finished.result(timeout)

    async def wait(self) -> ProofResult:
        """The finished proof, awaited without blocking the kernel."""
        return await asyncio.wrap_future(self._finished)

    def _finish(self, result: ProofResult) -> None:
        if not self._finished.done():
            self._finished.set_result(result)

    def __repr__(self) -> str:
        return f"<KernelRun {self.widget.text().splitlines()[0]!r}>"


def _default_store_factory() -> Any:
    from proofnb.store.history import ProofStore

    return ProofStore()


class ProofService:
    """Streams runner results into widgets from one task on the kernel's event loop."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        store_factory: Callable[[], Any] = _default_store_factory,
    ) -> None:
        self._loop = loop
        self._queue: asyncio.Queue[tuple[str, KernelRun, Any]] = asyncio.Queue()
        self._store_factory = store_factory
        self._store: Any = None
        self._saver = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="proofnb-history"
        )
        self._task: asyncio.Task[None] | None = None
        self._closed = False

    def start(self) -> None:
        """Start the service task; call on the loop's own thread."""
        if self._task is None:
            self._task = self._loop.create_task(self._serve(), name="proofnb-service")

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def attach(self, krun: KernelRun) -> None:
        """Route ``krun``'s step and done callbacks into the service queue."""
        krun.run.add_step_callback(lambda step: self._post("step", krun, step))
        krun.run.add_done_callback(lambda result: self._post("done", krun, result))

    def close(self) -> None:
        """Stop the task and the history thread (``%unload_ext``)."""
        self._closed = True
        if self._task is not None:
            self._task.cancel()
        self._saver.shutdown(wait=False, cancel_futures=True)

    # -- thread side -------------------------------------------------------------------

    def _post(self, kind: str, krun: KernelRun, payload: Any) -> None:
        if self._closed:
            return
        with contextlib.suppress(RuntimeError):  # the loop is closed: the kernel is going
            self._loop.call_soon_threadsafe(self._queue.put_nowait, (kind, krun, payload))

    # -- loop side ---------------------------------------------------------------------

    async def _serve(self) -> None:
        while True:
            kind, krun, payload = await self._queue.get()
            try:
                self._handle(kind, krun, payload)
            except Exception:  # one bad update must not end the service
                log.exception("proofnb: could not apply a %s update", kind)

    def _handle(self, kind: str, krun: KernelRun, payload: Any) -> None:
        if kind == "step":
            step: StepResult = payload
            krun.widget.show_step(step)
        elif kind == "done":
            result: ProofResult = payload
            krun.widget.show_result(result)
            if not krun.save:
                krun._finish(result)
                return
            future = self._saver.submit(self.save_result, krun, result)
            future.add_done_callback(lambda _f: self._post("saved", krun, result))
        elif kind == "saved":
            if krun.history_error:
                krun.widget.show_history_error(krun.history_error)
            krun._finish(payload)

    def save_result(self, krun: KernelRun, result: ProofResult) -> None:
        """Write ``result`` to the history (on the history thread); record any failure."""
        try:
            if self._store is None:
                self._store = self._store_factory()
        except Exception as exc:  # e.g. an unwritable PROOFNB_DB: shown, never raised
            krun.history_error = f"{type(exc).__name__}: {exc}"
            return
        write_history(krun, result, self._store)

    def save_result_blocking(self, krun: KernelRun, result: ProofResult) -> None:
        """``save_result`` from the foreground (``--wait``), still on the history thread."""
        self._saver.submit(self.save_result, krun, result).result()


def write_history(krun: KernelRun, result: ProofResult, store: Any | None = None) -> None:
    """Write ``result`` with this notebook's path; a failure is kept in ``krun.history_error``."""
    try:
        if store is None:
            store = _default_store_factory()
        krun.history_id = store.add(result, notebook=notebook_path(), created=time.time())
    except Exception as exc:  # any failure is the user's to see, not the kernel's
        krun.history_error = f"{type(exc).__name__}: {exc}"
