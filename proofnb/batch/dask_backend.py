"""Run whole proofs on a Dask distributed cluster.

Each Dask task carries a small batch of whole proofs. On the worker they are checked by
that worker process's own :class:`~proofnb.runner.service.ProofChecker` (created on first
use and reused), so per-step time limits still kill runaway steps. A worker that dies
mid-task has its tasks rescheduled by the Dask scheduler; a task that raises is retried.
"""

from __future__ import annotations

import atexit
import threading
import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..core.model import ProofResult
from .tasks import ProofTask, check_tasks, chunk_bounds, failed_result, unique_tasks

if TYPE_CHECKING:
    from ..runner.service import ProofChecker

INSTALL_HINT = "Dask support is not installed: pip install 'proofnb[dask]'"
#: How often a task that raised is resubmitted (worker loss is handled by the scheduler).
RETRIES = 2
#: Most proofs in one Dask task. A task costs the cluster a few milliseconds (scheduler,
#: worker and client all take their turn on the cores), about as much as a drill proof, so
#: batches are larger than the local pool's chunks: on the benchmark's drill course 32
#: brought Dask's overhead against the local pool from about 27% (16) to about 19%, and on
#: its exercise sheets from about 4% to about 2%.
MAX_BATCH = 32

#: Dask settings for a cluster that checks proofs. A checking task is a few milliseconds of
#: CPU, so the cluster's own housekeeping competes with the checking itself: these settings
#: switch off the statistical profiler (sampling every worker thread every 10 ms), slow the
#: event-loop health tick (20 ms) and the resource monitors, and turn off work stealing (the
#: batches are already sized for balance). On a 2-core machine they take an idle two-worker
#: cluster from about 0.1 to 0.02 cores. Pass them to ``dask scheduler`` and ``dask worker``
#: through :func:`cluster_environment` or a Dask config file.
CLUSTER_CONFIG: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.work-stealing": False,
}


def cluster_environment() -> dict[str, str]:
    """:data:`CLUSTER_CONFIG` as the environment variables Dask reads at start-up."""
    return {
        "DASK_" + key.upper().replace(".", "__").replace("-", "_"): str(value)
        for key, value in CLUSTER_CONFIG.items()
    }


_checker: ProofChecker | None = None
_checker_lock = threading.Lock()


def _worker_slots() -> int:
    try:
        from distributed import get_worker

        return max(1, int(get_worker().state.nthreads))
    except (ImportError, ValueError, AttributeError):
        return 1


def worker_checker() -> ProofChecker:
    """This process's checker, started on first use and closed when the process exits."""
    global _checker
    with _checker_lock:
        if _checker is None:
            from ..runner.service import ProofChecker

            checker = ProofChecker(workers=_worker_slots())
            checker.start()
            atexit.register(checker.close)
            _checker = checker
        return _checker


def check_batch(tasks: Sequence[ProofTask]) -> list[ProofResult]:
    """Dask task: check whole proofs on this worker's pool, results in task order."""
    results: dict[str, ProofResult] = {}

    def keep(task: ProofTask, result: ProofResult) -> None:
        results[task.key] = result

    checker = worker_checker()
    # The Dask task is already a small chunk: one pool task per pool worker, no more.
    slots = checker.workers or 1
    check_tasks(checker, tasks, keep, chunk=max(1, -(-len(tasks) // slots)))
    return [results[task.key] for task in tasks]


class SchedulerError(Exception):
    """Raised when the Dask scheduler cannot be reached at the address given."""


def connect(address: str) -> Any:
    """A ``distributed.Client`` for ``address``; ``ImportError`` carries the install hint.

    How long it tries is Dask's own ``distributed.comm.timeouts.connect`` setting.
    """
    try:
        from distributed import Client
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    try:
        return Client(address, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def run_on_dask(
    address: str,
    tasks: Sequence[ProofTask],
    on_done: Callable[[ProofTask, ProofResult], None],
    batch_size: int | None = None,
) -> None:
    """Check ``tasks`` on the cluster at ``address``, calling ``on_done`` as batches finish.

    Raises :class:`SchedulerError` when the scheduler cannot be reached.
    """
    if not tasks:
        return
    with connect(address) as client:
        run_on_client(client, tasks, on_done, batch_size)


def run_on_client(
    client: Any,
    tasks: Sequence[ProofTask],
    on_done: Callable[[ProofTask, ProofResult], None],
    batch_size: int | None = None,
) -> None:
    """Check ``tasks`` through a connected ``distributed.Client`` (see :func:`run_on_dask`)."""
    from distributed import as_completed

    tasks, on_done = unique_tasks(tasks, on_done)
    if not tasks:
        return
    slots = max(1, sum(client.nthreads().values()))
    # Several batches per slot, shrinking to one proof at the end (guided scheduling), keep
    # every worker busy to the end and make a lost worker cost little; a few proofs per
    # batch keep Dask's per-task overhead small.
    bounds = chunk_bounds(len(tasks), slots, batch_size, most=MAX_BATCH)
    run_id = uuid.uuid4().hex[:8]
    pending = {}
    for number, (start, stop) in enumerate(bounds):
        batch = list(tasks[start:stop])
        future = client.submit(
            check_batch, batch, key=f"proofnb-{run_id}-{number}", pure=False, retries=RETRIES
        )
        pending[future.key] = (future, batch)
    # with_results: the client fetches finished batches in bulk, in its own event loop, not
    # in one blocking round trip per batch.
    finished = as_completed([f for f, _ in pending.values()], loop=client.loop,
                            with_results=True, raise_errors=False)
    for future, outcome in finished:
        _, batch = pending[future.key]
        if isinstance(outcome, BaseException):  # failed on every try (e.g. KilledWorker)
            message = f"not checked on the cluster: {type(outcome).__name__}: {outcome}"
            results = [failed_result(task, message) for task in batch]
        else:
            results = outcome
        for task, result in zip(batch, results, strict=True):
            on_done(task, result)
