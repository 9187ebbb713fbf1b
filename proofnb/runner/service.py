"""The checking service: parse a cell, check its steps in the worker pool, stream the results.

:class:`ProofChecker` owns a :class:`~proofnb.runner.pool.WorkerPool` and an LRU cache of
step results; :meth:`ProofChecker.submit` parses in the caller (fast, bounded) and returns a
:class:`ProofRun` at once. A run streams :class:`StepResult` values as workers finish them,
to blocking iterators, async iterators on any event loop, and callbacks.
"""

from __future__ import annotations

import asyncio
import atexit
import collections
import concurrent.futures
import contextlib
import dataclasses
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any

from proofnb.core.errors import ParseError
from proofnb.core.model import (
    CheckOptions,
    ProofResult,
    Reading,
    StepResult,
    StepSpec,
    Verdict,
)

from .handles import (
    PoolClosedError,
    TaskHandle,
    TaskTimeoutError,
    WorkerCrashedError,
    wrap_future,
)
from .pool import WorkerPool
from .tasks import CHECK_STEP, WARM

if TYPE_CHECKING:
    from proofnb.core.cell import ParsedCell

__all__ = ("ProofChecker", "ProofRun", "default_checker")

#: Seconds the pool grants past ``options.timeout`` before killing, so that a checker that
#: watches its own budget can still answer.
KILL_GRACE_S = 0.5

StepCallback = Callable[[StepResult], None]
_CacheKey = tuple[str, str, str, str, str, str, Reading | None, str, CheckOptions]


def _cache_key(spec: StepSpec, options: CheckOptions) -> _CacheKey:
    return (spec.relation, spec.lhs, spec.rhs, spec.origin, spec.kind, spec.premise,
            spec.reading, spec.condition, options)


def _position(spec: StepSpec) -> tuple[int, int, int, int]:
    """Where a step's two sides are written: an error message names it."""
    return spec.line, spec.col, spec.lhs_line, spec.lhs_col


def _placeholder(spec: StepSpec, status: Any, method: str, message: str) -> StepResult:
    return StepResult(
        index=spec.index,
        relation=spec.relation,
        lhs=spec.lhs,
        rhs=spec.rhs,
        status=status,
        method=method,
        message=message,
        line=spec.line,
    )


def _failure(
    spec: StepSpec, exc: BaseException, options: CheckOptions, memory_mb: int | None
) -> StepResult:
    """The step result for a task the pool could not bring home."""
    if isinstance(exc, TaskTimeoutError):
        message = (
            f"no verdict within {options.timeout:g} s: the worker was stopped; "
            "split the step into smaller ones"
        )
        return dataclasses.replace(
            _placeholder(spec, "unknown", "timeout", message), seconds=options.timeout
        )
    if isinstance(exc, MemoryError):
        limit = f" (the limit is {memory_mb} MB per worker)" if memory_mb else ""
        message = f"ran out of memory{limit}; split the step into smaller ones"
        return _placeholder(spec, "error", "memory", message)
    if isinstance(exc, WorkerCrashedError):
        message = f"{exc}; the step could not be checked"
        return _placeholder(spec, "error", "crash", message)
    if isinstance(exc, PoolClosedError):
        return _placeholder(spec, "unknown", "cancelled", "the checker was closed")
    message = f"internal error while checking: {type(exc).__name__}: {exc}"
    return _placeholder(spec, "error", "internal", message)


def _fallback_verdict(steps: tuple[StepResult, ...]) -> Verdict:
    statuses = {s.status for s in steps}
    if statuses & {"refuted", "error"}:
        return "rejected"
    return "accepted" if statuses <= {"proved"} else "review"


class ProofRun:
    """One submitted proof: its step specs at once, its step results as they finish.

    ``specs`` holds the parsed steps (empty when the cell did not parse; ``steps_total`` is
    then 1, the error step). Results arrive in completion order through :meth:`iter_steps`,
    :meth:`aiter_steps` and :meth:`add_step_callback`; :meth:`result` / :meth:`aresult` give
    the finished :class:`ProofResult`, steps in order.
    """

    def __init__(
        self,
        text: str,
        cell: ParsedCell | None,
        specs: tuple[StepSpec, ...],
        options: CheckOptions,
        *,
        title: str = "",
        expect: Verdict | None = None,
        steps_total: int | None = None,
    ) -> None:
        self.text = text
        self.cell = cell
        self.specs = specs
        self.options = options
        self.title = title
        self.expect = expect
        self.steps_total = len(specs) if steps_total is None else steps_total
        self._started = time.perf_counter()
        self._cond = threading.Condition()
        self._done_indexes: set[int] = set()
        self._order: list[StepResult] = []
        self._handles: list[TaskHandle] = []
        self._step_callbacks: list[StepCallback] = []
        self._future: concurrent.futures.Future[ProofResult] = concurrent.futures.Future()

    # -- consuming results --------------------------------------------------------------------

    @property
    def done(self) -> bool:
        """True once every step has a result and the proof result is set."""
        return self._future.done()

    def steps_done(self) -> list[StepResult]:
        """The step results finished so far, in completion order."""
        with self._cond:
            return list(self._order)

    def result(self, timeout: float | None = None) -> ProofResult:
        """Block until the proof is checked; ``TimeoutError`` after ``timeout`` seconds."""
        return self._future.result(timeout)

    async def aresult(self) -> ProofResult:
        """The checked proof, awaited on the running loop without blocking it."""
        result: ProofResult = await wrap_future(self._future)
        return result

    def add_done_callback(self, fn: Callable[[ProofResult], None]) -> None:
        """Call ``fn(result)`` once the proof is checked (at once if it already is)."""
        self._future.add_done_callback(lambda f: fn(f.result()))

    def add_step_callback(self, fn: StepCallback) -> None:
        """Call ``fn(step)`` for every finished step: the ones already finished at once (in
        this thread), later ones from the thread that finishes them (the pool's)."""
        for step in self._subscribe(fn):
            fn(step)

    def iter_steps(self) -> Iterator[StepResult]:
        """Step results in completion order; blocks until each is ready."""
        seen = 0
        while True:
            with self._cond:
                while seen >= len(self._order) and len(self._order) < self.steps_total:
                    self._cond.wait()
                if seen >= len(self._order):
                    return
                step = self._order[seen]
            seen += 1
            yield step

    async def aiter_steps(self) -> AsyncIterator[StepResult]:
        """Step results in completion order, awaited on the running loop (any loop)."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[StepResult] = asyncio.Queue()

        def push(step: StepResult) -> None:
            with contextlib.suppress(RuntimeError):  # the loop closed: nobody is listening
                loop.call_soon_threadsafe(queue.put_nowait, step)

        ready = self._subscribe(push)
        try:
            for step in ready:
                yield step
            for _ in range(self.steps_total - len(ready)):
                yield await queue.get()
        finally:
            with self._cond, contextlib.suppress(ValueError):
                self._step_callbacks.remove(push)

    def cancel(self) -> None:
        """Stop the unfinished steps (their workers are killed); they end ``unknown``."""
        with self._cond:
            pending = [s for s in self.specs if s.index not in self._done_indexes]
            handles = list(self._handles)
        for handle in handles:
            handle.cancel()
        for spec in pending:
            self._finish_step(_placeholder(spec, "unknown", "cancelled", "cancelled"))

    # -- producing results (ProofChecker and pool threads) --------------------------------------

    def _subscribe(self, fn: StepCallback) -> list[StepResult]:
        with self._cond:
            self._step_callbacks.append(fn)
            return list(self._order)

    def _finish_step(self, step: StepResult) -> None:
        with self._cond:
            if step.index in self._done_indexes or self._future.done():
                return
            self._done_indexes.add(step.index)
            self._order.append(step)
            callbacks = list(self._step_callbacks)
            complete = len(self._order) >= self.steps_total
            self._cond.notify_all()
        for fn in callbacks:
            with contextlib.suppress(Exception):  # a listener's bug must not stop the run
                fn(step)
        if complete:
            self._complete()

    def _complete(self) -> None:
        with self._cond:
            steps = tuple(sorted(self._order, key=lambda s: s.index))
        seconds = time.perf_counter() - self._started
        try:
            result = self._summarize(steps, seconds)
        except Exception as exc:  # a summary bug must still end the run
            result = self._fallback(steps, seconds, f"summary failed: {type(exc).__name__}: {exc}")
        with contextlib.suppress(concurrent.futures.InvalidStateError):
            self._future.set_result(result)

    def _summarize(self, steps: tuple[StepResult, ...], seconds: float) -> ProofResult:
        if self.cell is None:
            return self._fallback(steps, seconds, steps[0].message if steps else "")
        from proofnb.core.verdict import summarize

        result: ProofResult = summarize(
            self.text,
            self.cell,
            steps,
            self.options,
            title=self.title,
            expect=self.expect,
            seconds=seconds,
        )
        return result

    def _fallback(self, steps: tuple[StepResult, ...], seconds: float, message: str) -> ProofResult:
        return ProofResult(
            text=self.text,
            steps=steps,
            verdict=_fallback_verdict(steps),
            title=self.title,
            assume=self.options.assume,
            domain=self.options.domain,
            seed=self.options.seed,
            seconds=seconds,
            expect=self.expect,
            message=message,
        )


class ProofChecker:
    """Checks proofs in a pool of worker processes, with a cache of step results.

    ``workers``/``memory_mb`` configure the pool (see :class:`WorkerPool`); ``cache_size``
    bounds the number of cached step results (0 disables the cache). ``step_task`` and
    ``warm`` name the worker function and the warm-up steps (tests substitute their own).
    The pool starts on :meth:`start` or the first :meth:`submit`; if it ever dies it is
    replaced on the next one.
    """

    def __init__(
        self,
        workers: int | None = None,
        *,
        memory_mb: int | None = 2048,
        cache_size: int = 4096,
        step_task: str = CHECK_STEP,
        warm: tuple[str, ...] = (WARM,),
    ) -> None:
        self.workers = workers
        self.memory_mb = memory_mb
        self.cache_size = cache_size
        #: Import path of the worker function ``(StepSpec, CheckOptions) -> StepResult``.
        self.step_task = step_task
        self.warm = warm
        self._lock = threading.Lock()
        self._pool: WorkerPool | None = None
        self._closed = False
        self._cache: collections.OrderedDict[_CacheKey, StepResult] = collections.OrderedDict()
        #: Number of steps answered from the cache (for tests and diagnostics).
        self.cache_hits = 0

    @property
    def pool(self) -> WorkerPool:
        """The running worker pool (started, or restarted after it died)."""
        with self._lock:
            if self._closed:
                raise PoolClosedError("the proof checker is closed")
            if self._pool is None or self._pool.closed:
                self._pool = WorkerPool(self.workers, memory_mb=self.memory_mb, warm=self.warm)
                self._pool.start()
            return self._pool

    def start(self) -> None:
        """Start the worker pool now, so that workers warm up before the first proof."""
        _ = self.pool

    def close(self) -> None:
        """Stop every worker; runs still in flight end with ``unknown`` steps."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    @property
    def closed(self) -> bool:
        return self._closed

    def submit(
        self,
        text: str,
        options: CheckOptions,
        *,
        title: str = "",
        expect: Verdict | None = None,
    ) -> ProofRun:
        """Parse ``text`` here, queue its steps on the workers, return the run at once."""
        from proofnb.core.assume import function_names, with_cell_assumptions
        from proofnb.core.cell import parse_cell

        try:
            cell = parse_cell(text, function_names(options.assume, options.symbols))
        except ParseError as err:
            return self._parse_failure(text, err, options, title, expect)
        if cell.assume:
            options = with_cell_assumptions(options, cell.assume)
        run = ProofRun(text, cell, tuple(cell.steps), options, title=title, expect=expect)
        if not run.specs:
            run._complete()
            return run
        groups: dict[_CacheKey, list[StepSpec]] = {}
        for spec in run.specs:
            key = _cache_key(spec, options)
            cached = self._cache_get(key)
            if cached is not None:
                run._finish_step(dataclasses.replace(cached, index=spec.index, line=spec.line))
            else:
                groups.setdefault(key, []).append(spec)
        for key, specs in groups.items():
            self._dispatch(run, key, specs)
        return run

    def _dispatch(self, run: ProofRun, key: _CacheKey, specs: list[StepSpec]) -> None:
        options = run.options
        try:
            handle = self.pool.submit(
                self.step_task, specs[0], options, timeout=options.timeout + KILL_GRACE_S
            )
        except PoolClosedError as exc:
            for spec in specs:
                run._finish_step(_failure(spec, exc, options, self.memory_mb))
            return
        with run._cond:
            run._handles.append(handle)

        def landed(handle: TaskHandle) -> None:
            future = handle.future
            if future.cancelled():
                exc: BaseException | None = PoolClosedError("cancelled")
            else:
                exc = future.exception()
            for spec in specs:
                if exc is None:
                    step: StepResult = future.result()
                    if step.status == "error" and _position(spec) != _position(specs[0]):
                        self._dispatch(run, key, [spec])  # its message names its own place
                        continue
                    if spec is specs[0] and step.status != "error":
                        self._cache_put(key, step)
                    step = dataclasses.replace(step, index=spec.index, line=spec.line)
                elif isinstance(exc, PoolClosedError) and future.cancelled():
                    step = _placeholder(spec, "unknown", "cancelled", "cancelled")
                else:
                    step = _failure(spec, exc, options, self.memory_mb)
                run._finish_step(step)

        handle.add_done_callback(landed)

    def _parse_failure(
        self,
        text: str,
        err: ParseError,
        options: CheckOptions,
        title: str,
        expect: Verdict | None,
    ) -> ProofRun:
        run = ProofRun(text, None, (), options, title=title, expect=expect, steps_total=1)
        step = StepResult(
            index=0,
            relation="",
            lhs="",
            rhs="",
            status="error",
            method="parse",
            message=str(err),
            line=err.line,
        )
        run._finish_step(step)
        return run

    # -- cache ------------------------------------------------------------------------------

    def _cache_get(self, key: _CacheKey) -> StepResult | None:
        if self.cache_size <= 0:
            return None
        with self._lock:
            step = self._cache.get(key)
            if step is not None:
                self._cache.move_to_end(key)
                self.cache_hits += 1
            return step

    def _cache_put(self, key: _CacheKey, step: StepResult) -> None:
        if self.cache_size <= 0:
            return
        with self._lock:
            self._cache[key] = step
            self._cache.move_to_end(key)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def clear_cache(self) -> None:
        """Forget every cached step result."""
        with self._lock:
            self._cache.clear()


_DEFAULT: ProofChecker | None = None
_DEFAULT_LOCK = threading.Lock()


def default_checker() -> ProofChecker:
    """The process-wide checker, created on first use (and again after it was closed)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None or _DEFAULT.closed:
            _DEFAULT = ProofChecker()
            atexit.register(_DEFAULT.close)
        return _DEFAULT
