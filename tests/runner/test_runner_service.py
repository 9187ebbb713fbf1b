"""ProofChecker and ProofRun over real worker processes.

The worker function here is ``proofnb.runner._selftest:check_step``, whose right-hand side
picks a behaviour (``s`` sleeps, ``h`` hangs, ``c`` crashes, ``m`` exhausts memory, ``e``
raises), so every failure path of the runner is driven by a real process doing that thing.
The real checker is exercised end to end in ``test_runner_api.py``.
"""

from __future__ import annotations

import asyncio
import json
import pickle
import threading
import time
from collections.abc import Iterator

import psutil
import pytest

from proofnb.core.model import CheckOptions, ProofResult, StepResult
from proofnb.runner.service import ProofChecker, default_checker

HANG_GUARD = 60


@pytest.fixture(scope="module")
def checker() -> Iterator[ProofChecker]:
    checker = ProofChecker(
        2, memory_mb=256, step_task="proofnb.runner._selftest:check_step", warm=()
    )
    checker.start()
    yield checker
    checker.close()


def quick(timeout: float = 10.0) -> CheckOptions:
    return CheckOptions(timeout=timeout)


def test_specs_at_once_and_steps_in_completion_order(checker: ProofChecker) -> None:
    run = checker.submit("x + 1 = s\n  = y", quick())
    assert [(s.lhs, s.rhs) for s in run.specs] == [("x + 1", "s"), ("s", "y")]
    assert run.steps_total == 2 and not run.done
    order = [step.index for step in run.iter_steps()]
    assert order == [1, 0]
    result = run.result(HANG_GUARD)
    assert [s.index for s in result.steps] == [0, 1]
    assert result.verdict == "accepted"
    assert run.done


def test_timeout_gives_unknown_and_the_pool_keeps_serving(checker: ProofChecker) -> None:
    started = time.monotonic()
    result = checker.submit("x + 1 = h\n  = y", quick(timeout=0.5)).result(HANG_GUARD)
    hung, fine = result.steps
    assert (hung.status, hung.method) == ("unknown", "timeout")
    assert hung.message == (
        "no verdict within 0.5 s: the worker was stopped; split the step into smaller ones"
    )
    assert fine.status == "proved"
    assert result.verdict == "review"
    assert time.monotonic() - started < 15
    again = checker.submit("y = z", quick()).result(HANG_GUARD)
    assert again.steps[0].status == "proved"


@pytest.mark.parametrize(
    ("rhs", "method", "says"),
    [
        ("c", "crash", "died (exited with code 1)"),
        ("m", "memory", "ran out of memory (the limit is 256 MB per worker)"),
        ("e", "internal", "RuntimeError: checker bug"),
    ],
)
def test_worker_failures_become_error_steps(
    checker: ProofChecker, rhs: str, method: str, says: str
) -> None:
    result = checker.submit(f"x + 1 = {rhs}\n  = y", quick()).result(HANG_GUARD)
    bad, fine = result.steps
    assert (bad.status, bad.method) == ("error", method)
    assert says in bad.message
    assert fine.status == "proved"
    assert result.verdict == "rejected"
    assert checker.submit("u = v", quick()).result(HANG_GUARD).verdict == "accepted"


def test_cancel_stops_running_steps_and_kills_their_worker(checker: ProofChecker) -> None:
    before = set(checker.pool.worker_pids())
    run = checker.submit("x + 1 = h\n  = y", quick(timeout=300))
    first = next(iter(run.iter_steps()))
    assert first.index == 1
    run.cancel()
    result = run.result(HANG_GUARD)
    assert (result.steps[0].status, result.steps[0].method) == ("unknown", "cancelled")
    deadline = time.monotonic() + HANG_GUARD
    while len(before & set(checker.pool.worker_pids())) != 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(before & set(checker.pool.worker_pids())) == 1, "the hung worker was not replaced"


def test_cache_answers_reruns_and_identical_steps(checker: ProofChecker) -> None:
    checker.clear_cache()
    first = checker.submit("p = s", quick()).result(HANG_GUARD)
    hits = checker.cache_hits
    started = time.monotonic()
    again = checker.submit("q = r\n\np\n  = s", quick()).result(HANG_GUARD)
    assert time.monotonic() - started < 0.9, "the sleeping step should come from the cache"
    assert checker.cache_hits == hits + 1
    cached = again.steps[1]
    assert cached.index == 1 and cached.line == 4
    assert cached.method == first.steps[0].method
    assert cached.seconds == first.steps[0].seconds
    # Different options are a different question.
    other = checker.submit("p = s", CheckOptions(seed=1)).result(HANG_GUARD)
    assert checker.cache_hits == hits + 1 and other.steps[0].status == "proved"


def test_cell_assumptions_reach_the_worker(checker: ProofChecker) -> None:
    result = checker.submit("x = y\nassume x > 0", CheckOptions(assume=("n integer",)))
    step = result.result(HANG_GUARD).steps[0]
    assert step.notes == ("n integer", "x > 0")


def test_callbacks_see_every_step_even_when_added_late(checker: ProofChecker) -> None:
    run = checker.submit("a + 1 = s\n  = b", quick())
    seen: list[int] = []
    done: list[ProofResult] = []
    lock = threading.Lock()

    def on_step(step: StepResult) -> None:
        with lock:
            seen.append(step.index)

    run.add_step_callback(on_step)
    run.add_done_callback(done.append)
    result = run.result(HANG_GUARD)
    late: list[int] = []
    run.add_step_callback(lambda step: late.append(step.index))
    run.add_done_callback(done.append)
    assert sorted(seen) == [0, 1] and sorted(late) == [0, 1]
    assert done == [result, result]


def test_async_iteration_does_not_block_the_loop(checker: ProofChecker) -> None:
    async def main() -> tuple[list[int], int]:
        ticks = 0
        stop = asyncio.Event()

        async def ticker() -> None:
            nonlocal ticks
            while not stop.is_set():
                ticks += 1
                await asyncio.sleep(0.01)

        task = asyncio.create_task(ticker())
        run = checker.submit("k + 1 = s\n  = l", quick())
        order = [step.index async for step in run.aiter_steps()]
        result = await run.aresult()
        stop.set()
        await task
        assert len(result.steps) == 2
        return order, ticks

    # On a loop in a thread other than the main one, as in some kernels and servers.
    box: list[tuple[list[int], int]] = []
    thread = threading.Thread(target=lambda: box.append(asyncio.run(main())))
    thread.start()
    thread.join(HANG_GUARD)
    order, ticks = box[0]
    assert order == [1, 0]
    assert ticks > 20, "the event loop was blocked while the steps ran"


def test_parse_errors_give_one_error_step(checker: ProofChecker) -> None:
    result = checker.submit("x = (y +", quick(), title="broken").result(HANG_GUARD)
    assert result.verdict == "rejected"
    assert result.title == "broken"
    (step,) = result.steps
    assert step.status == "error" and step.line == 1 and step.message


def test_results_pickle_and_serialise(checker: ProofChecker) -> None:
    run = checker.submit("x + 1 = h\n  = y", quick(timeout=0.3), expect="review")
    result = run.result(HANG_GUARD)
    assert pickle.loads(pickle.dumps(result)) == result
    assert ProofResult.from_dict(json.loads(json.dumps(result.to_dict()))) == result
    assert result.meets_expectation


def test_default_checker_is_shared_and_replaced_after_close() -> None:
    first = default_checker()
    assert default_checker() is first
    first.close()
    second = default_checker()
    assert second is not first and not second.closed
    second.close()


def test_close_leaves_no_process() -> None:
    # Only this checker's processes are tracked: the module's shared checker may be
    # replacing a killed worker at the same moment, which is not a leak.
    checker = ProofChecker(1, step_task="proofnb.runner._selftest:check_step", warm=())
    run = checker.submit("x = h", quick(timeout=300))
    time.sleep(0.5)
    zygote_pid = checker.pool.zygote_pid
    assert zygote_pid is not None
    owned = [psutil.Process(zygote_pid), *psutil.Process(zygote_pid).children(recursive=True)]
    assert len(owned) >= 2, "the hanging step's worker should be up"
    checker.close()
    assert run.result(HANG_GUARD).steps[0].method == "cancelled"
    gone, alive = psutil.wait_procs(owned, timeout=HANG_GUARD)
    assert alive == [] and len(gone) == len(owned)
