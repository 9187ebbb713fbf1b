"""Turn discovered proofs into picklable tasks and check them on a ``ProofChecker``.

The same :func:`check_tasks` runs in the CLI's own process (local pool) and inside each Dask
worker, so both paths give the same verdict for the same text, options and seed.
"""

from __future__ import annotations

import dataclasses
import queue
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core.errors import ProofnbError
from ..core.model import CheckOptions, ProofResult, Verdict
from .discover import ProofJob

if TYPE_CHECKING:
    from ..runner.service import ProofChecker

DEFAULT_TIMEOUT = 10.0
#: Most proofs in one pool task, and chunks aimed at per worker (see :func:`chunk_size`).
MAX_CHUNK = 8
CHUNKS_PER_WORKER = 2


@dataclass(frozen=True, slots=True)
class Defaults:
    """Values from the command line used when a ``%%verify`` line does not set them."""

    timeout: float | None = None
    seed: int | None = None


@dataclass(frozen=True, slots=True)
class ProofTask:
    """Everything a worker needs to check one proof; plain data that pickles."""

    key: str
    text: str
    options: CheckOptions
    title: str = ""
    expect: Verdict | None = None


def make_task(job: ProofJob, defaults: Defaults) -> ProofTask:
    """Build the task for ``job``; the cell's own options win over the command line's.

    Raises :class:`~proofnb.core.errors.OptionsError` when an option has a bad value.
    """
    from ..runner.api import make_options

    cell = job.options
    timeout = cell.timeout if cell.timeout is not None else defaults.timeout
    seed = cell.seed if cell.seed is not None else defaults.seed
    options = make_options(
        assume=cell.assume,
        domain=cell.domain or "real",
        timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
        seed=seed if seed is not None else 0,
        symbols=job.symbols,
    )
    return ProofTask(job.key, job.text, options, title=cell.title, expect=cell.expect)


def failed_result(task: ProofTask, message: str) -> ProofResult:
    """A ``rejected`` result for a proof that could not be checked at all."""
    return ProofResult(
        text=task.text,
        steps=(),
        verdict="rejected",
        title=task.title,
        assume=task.options.assume,
        domain=task.options.domain,
        seed=task.options.seed,
        expect=task.expect,
        message=message,
    )


def _finish(run: Any, task: ProofTask) -> ProofResult:
    try:
        result: ProofResult = run.result()
    except ProofnbError as exc:
        return failed_result(task, str(exc))
    except TimeoutError:
        return failed_result(task, "timed out")
    return result


OnDone = Callable[[ProofTask, ProofResult], None]


def unique_tasks(tasks: Sequence[ProofTask], on_done: OnDone) -> tuple[list[ProofTask], OnDone]:
    """The tasks with distinct text and options, and an ``on_done`` that reports each one's
    result for every copy too (under the copy's own title and expectation).

    A course repeats proofs (students hand in the same text); the checker is deterministic
    for equal text and options, so each is checked once.
    """
    leaders: dict[tuple[str, Any], ProofTask] = {}
    copies: dict[str, list[ProofTask]] = {}
    for task in tasks:
        leader = leaders.setdefault((task.text, task.options), task)
        if leader is not task:
            copies.setdefault(leader.key, []).append(task)

    def report(task: ProofTask, result: ProofResult) -> None:
        on_done(task, result)
        for copy in copies.get(task.key, ()):
            on_done(copy, dataclasses.replace(result, title=copy.title, expect=copy.expect))

    return list(leaders.values()), report


def chunk_size(tasks: int, workers: int, most: int | None = None) -> int:
    """Proofs in the next pool task when ``tasks`` are left: a chunk of a few proofs makes
    the round trip to the pool small against the work it carries, and chunks shrink to one
    proof towards the end (guided scheduling), so that no worker idles while another
    finishes a long last chunk."""
    most = MAX_CHUNK if most is None else most
    return max(1, min(most, tasks // (max(1, workers) * CHUNKS_PER_WORKER)))


def chunk_bounds(
    tasks: int, workers: int, chunk: int | None = None, most: int | None = None
) -> list[tuple[int, int]]:
    """``(start, stop)`` of each chunk of ``tasks`` proofs: ``chunk`` each when given, else
    :func:`chunk_size` of what is left (at most ``most``)."""
    bounds, start = [], 0
    while start < tasks:
        size = chunk or chunk_size(tasks - start, workers, most)
        bounds.append((start, min(tasks, start + size)))
        start += size
    return bounds


_Events = queue.SimpleQueue[tuple[int, Any]]


def _submit_chunks(
    checker: ProofChecker, tasks: Sequence[ProofTask], chunk: int | None, events: _Events
) -> int:
    """Queue ``tasks`` on the pool as whole-proof chunks; returns the number of proofs."""
    from ..runner.handles import PoolClosedError, default_workers
    from ..runner.service import KILL_GRACE_S
    from ..runner.tasks import CHECK_PROOFS

    workers = checker.workers or default_workers()

    def landed(indexes: list[int], handle: Any) -> None:
        future = handle.future
        results = None if future.cancelled() or future.exception() else future.result()
        for position, index in enumerate(indexes):
            events.put((index, results[position] if results is not None else None))

    for start, stop in chunk_bounds(len(tasks), workers, chunk):
        indexes = list(range(start, stop))
        items = [(t.text, t.options, t.title, t.expect) for t in (tasks[i] for i in indexes)]
        limit = min(tasks[i].options.timeout for i in indexes) + KILL_GRACE_S
        try:
            handle = checker.pool.submit(CHECK_PROOFS, items, timeout=limit)
        except PoolClosedError:  # the step-by-step path reports it per step
            for index in indexes:
                events.put((index, None))
        else:
            handle.add_done_callback(lambda h, indexes=indexes: landed(indexes, h))
    return len(tasks)


def check_tasks(
    checker: ProofChecker,
    tasks: Sequence[ProofTask],
    on_done: Callable[[ProofTask, ProofResult], None],
    *,
    chunk: int | None = None,
) -> None:
    """Check every task on ``checker`` in parallel, calling ``on_done`` as each finishes.

    Proofs go to the workers whole, ``chunk`` at a time (one pool task, one round trip per
    chunk; default :func:`chunk_size`). A chunk's time limit is the shortest step limit of
    its proofs, so a chunk that finishes ran every step within its limit and its results are
    the per-step path's. A chunk that hits the limit (or whose worker dies), and a proof the
    worker hands back (it does not parse, a step raised), is checked again step by step with
    ``checker.submit``: per-step limits, ``unknown`` on timeout and crash reports still hold.

    ``on_done`` is called from the calling thread, in completion order. A proof the checker
    cannot take (bad text, bad options) is reported as a ``rejected`` result with its
    message; it never stops the others.
    """
    from ..runner.tasks import CHECK_STEP

    tasks, on_done = unique_tasks(tasks, on_done)
    if not tasks:
        return
    # (index, result) for a finished proof, (index, None) for one to check step by step,
    # (index, run) for a step-by-step run that finished: handled in the calling thread.
    events: _Events = queue.SimpleQueue()
    if checker.step_task != CHECK_STEP:  # a substituted step function: honour it per step
        for index in range(len(tasks)):
            events.put((index, None))
        pending = len(tasks)
    else:
        pending = _submit_chunks(checker, tasks, chunk, events)
    while pending:
        index, outcome = events.get()
        task = tasks[index]
        if isinstance(outcome, ProofResult):
            pending -= 1
            on_done(task, outcome)
        elif outcome is None:
            try:
                run = checker.submit(task.text, task.options, title=task.title, expect=task.expect)
            except ProofnbError as exc:
                pending -= 1
                on_done(task, failed_result(task, str(exc)))
                continue
            run.add_done_callback(lambda _r, index=index, run=run: events.put((index, run)))
        else:
            pending -= 1
            on_done(task, _finish(outcome, task))
