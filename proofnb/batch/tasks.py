"""Turn discovered proofs into picklable tasks and check them on a ``ProofChecker``.

The same :func:`check_tasks` runs in the CLI's own process (local pool) and inside each Dask
worker, so both paths give the same verdict for the same text, options and seed.
"""

from __future__ import annotations

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


def check_tasks(
    checker: ProofChecker,
    tasks: Sequence[ProofTask],
    on_done: Callable[[ProofTask, ProofResult], None],
) -> None:
    """Check every task on ``checker`` in parallel, calling ``on_done`` as each finishes.

    ``on_done`` is called from the calling thread, in completion order. A proof the
    checker cannot take (bad text, bad options) is reported as a ``rejected`` result with
    its message; it never stops the others.
    """
    finished: queue.SimpleQueue[int] = queue.SimpleQueue()
    runs: dict[int, Any] = {}
    for index, task in enumerate(tasks):
        try:
            run = checker.submit(task.text, task.options, title=task.title, expect=task.expect)
        except ProofnbError as exc:
            on_done(task, failed_result(task, str(exc)))
            continue
        runs[index] = run
        run.add_done_callback(lambda *_args, index=index: finished.put(index))
    for _ in range(len(runs)):
        index = finished.get()
        on_done(tasks[index], _finish(runs[index], tasks[index]))
