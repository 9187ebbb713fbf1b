"""Batch checking throughput: ``proofnb check`` machinery on 1 and 2 local workers and on Dask.

A generated course (200 notebooks, 300 proofs; 30 notebooks in short mode) is checked
three ways with warm workers: the local pool with 1 worker, with 2 workers, and a two-worker
Dask cluster (separate worker processes on 127.0.0.1, one thread each) through the same
code path as ``proofnb check --scheduler``. Reports proofs per second, the 2-vs-1 scaling
ratio and Dask's overhead against the local pool at the same worker count.

Targets: 2 workers at least 1.8x of 1; Dask overhead under 20%. The machine's load average
is reported with the numbers: with other work on the cores, no pool can scale, so the full
mode takes the best of two passes per configuration.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from typing import Any

from proofnb.batch.corpus import write_course
from proofnb.batch.discover import discover
from proofnb.batch.tasks import Defaults, ProofTask, check_tasks, make_task
from proofnb.core.model import ProofResult

SCALING_TARGET = 1.8
OVERHEAD_TARGET = 0.20
#: Warm-up proofs use their own seed so that they never prime the step cache for the timed run.
WARM_SEED = 987_654


def _tasks(folder: str, notebooks: int, seed: int = 0, course: int = 11) -> list[ProofTask]:
    write_course(folder, notebooks=notebooks, seed=course)
    jobs, problems = discover([folder])
    assert not problems, problems
    return [make_task(job, Defaults(seed=seed)) for job in jobs]


def _collect(results: dict[str, Any]) -> Any:
    def keep(task: ProofTask, result: ProofResult) -> None:
        results[task.key] = (result.verdict, tuple(s.status for s in result.steps))

    return keep


def _local(tasks: list[ProofTask], warm: list[ProofTask], workers: int) -> tuple[float, dict]:
    from proofnb.runner.service import ProofChecker

    results: dict[str, Any] = {}
    # A fresh checker per pass: its step cache must not answer the timed proofs.
    checker = ProofChecker(workers=workers)
    checker.start()
    try:
        check_tasks(checker, warm, _collect({}))
        started = time.perf_counter()
        check_tasks(checker, tasks, _collect(results))
        seconds = time.perf_counter() - started
    finally:
        checker.close()
    return len(tasks) / seconds, results


def _best(passes: int, measure: Any, *args: Any) -> tuple[float, dict]:
    runs = [measure(*args) for _ in range(passes)]
    assert all(r[1] == runs[0][1] for r in runs), "verdicts changed between passes"
    return max(r[0] for r in runs), runs[0][1]


def _dask(
    tasks: list[ProofTask], warm: list[ProofTask], workers: int, passes: int
) -> tuple[float, dict, float]:
    from distributed import LocalCluster

    from proofnb.batch.dask_backend import connect, reset_worker_checker, run_on_client

    env = {"PYTHONHASHSEED": "0"}
    with LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        worker_dashboard_address=None,
        env=env,
    ) as cluster:
        cluster.wait_for_workers(workers, timeout=120)
        best, first, connect_s = 0.0, {}, 0.0
        for _ in range(passes):
            # Connecting is setup, like starting the local pool: timed apart, off the clock.
            started = time.perf_counter()
            with connect(cluster.scheduler_address) as client:
                connect_s = max(connect_s, time.perf_counter() - started)
                # A fresh proofnb pool in every Dask worker per pass (no step or parse cache
                # left from the last pass), warmed like the local pool before the clock.
                client.run(reset_worker_checker)
                run_on_client(client, warm, _collect({}), batch_size=1)
                results: dict[str, Any] = {}
                started = time.perf_counter()
                run_on_client(client, tasks, _collect(results))
                best = max(best, len(tasks) / (time.perf_counter() - started))
            assert not first or first == results, "verdicts changed between Dask passes"
            first = results
    return best, first, connect_s


def run(short: bool) -> dict[str, Any]:
    """Run the benchmark; ``short`` checks ~30 notebooks instead of 200."""
    notebooks = 30 if short else 200
    passes = 1 if short else 2
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="proofnb-batch-bench-") as folder:
        tasks = _tasks(os.path.join(folder, "course"), notebooks)
        # Other texts and another seed: warm-up primes code paths, never a timed proof's cache.
        warm = _tasks(os.path.join(folder, "warm"), 8, seed=WARM_SEED, course=WARM_SEED)
    one, one_results = _best(passes, _local, tasks, warm, 1)
    two, two_results = _best(passes, _local, tasks, warm, 2)
    dask_two, dask_results, connect_s = _dask(tasks, warm, 2, passes)
    scaling = two / one
    overhead = 1.0 - dask_two / two
    return {
        "notebooks": notebooks,
        "proofs": len(tasks),
        "cpus": os.cpu_count(),
        "passes": passes,
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "local_1_worker_proofs_per_s": round(one, 2),
        "local_2_workers_proofs_per_s": round(two, 2),
        "dask_2_workers_proofs_per_s": round(dask_two, 2),
        "dask_client_connect_s": round(connect_s, 3),
        "scaling_2_vs_1": round(scaling, 3),
        "dask_overhead_vs_local_2": round(overhead, 3),
        "verdicts_identical": one_results == two_results == dask_results,
        "targets": {
            f"2 workers >= {SCALING_TARGET}x of 1": "PASS" if scaling >= SCALING_TARGET else "MISS",
            f"Dask overhead < {OVERHEAD_TARGET:.0%}": (
                "PASS" if overhead < OVERHEAD_TARGET else "MISS"
            ),
            "same verdicts everywhere": (
                "PASS" if one_results == two_results == dask_results else "MISS"
            ),
        },
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(short="--short" in sys.argv), indent=2))
