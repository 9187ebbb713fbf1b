"""Whole-proof chunks on the local pool: same answers as the step-by-step path, per-step
limits kept inside a chunk, repeated proofs checked once, unparsable proofs reported."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from proofnb.batch.corpus import write_course
from proofnb.batch.discover import discover
from proofnb.batch.tasks import Defaults, ProofTask, check_tasks, make_task
from proofnb.core.model import ProofResult
from proofnb.runner.api import make_options
from proofnb.runner.service import ProofChecker
from proofnb.runner.tasks import check_proofs

NAMES = ("a", "b", "c", "d", "p", "q", "r")


def lagrange_sum(names: tuple[str, ...], k: int) -> str:
    """``sum_i x_i^k / prod_{j != i}(x_i - x_j)``: 1 for k = len(names) - 1, and slow."""
    terms = []
    for xi in names:
        factors = "".join(f"({xi} - {xj})" for xj in names if xj != xi)
        terms.append(f"{xi}^{k}/({factors})")
    return " + ".join(terms)


def answer(result: ProofResult) -> tuple[Any, ...]:
    """Everything that must not depend on the path a proof took."""
    steps = tuple(
        (s.index, s.status, s.method, s.counterexample and s.counterexample.text)
        for s in result.steps
    )
    return (result.verdict, result.flags, result.title, result.expect, result.message, steps)


def run_batch(checker: ProofChecker, tasks: list[ProofTask], **kw: Any) -> dict[str, Any]:
    results: dict[str, ProofResult] = {}
    calls: list[str] = []

    def keep(task: ProofTask, result: ProofResult) -> None:
        calls.append(task.key)
        results[task.key] = result

    check_tasks(checker, tasks, keep, **kw)
    assert sorted(calls) == sorted(t.key for t in tasks)  # once per proof, copies included
    return results


@pytest.fixture(scope="module")
def checker() -> Iterator[ProofChecker]:
    checker = ProofChecker(workers=2)
    checker.start()
    yield checker
    checker.close()


@pytest.fixture(scope="module")
def course_tasks(tmp_path_factory: pytest.TempPathFactory) -> list[ProofTask]:
    folder = tmp_path_factory.mktemp("course")
    write_course(folder, notebooks=24, seed=5)
    jobs, problems = discover([str(folder)])
    assert not problems
    return [make_task(job, Defaults(seed=3)) for job in jobs]


def test_chunks_give_the_step_by_step_answers(
    checker: ProofChecker, course_tasks: list[ProofTask]
) -> None:
    stepwise = ProofChecker(workers=1, cache_size=0)
    try:
        runs = [
            stepwise.submit(t.text, t.options, title=t.title, expect=t.expect) for t in course_tasks
        ]
        pairs = zip(course_tasks, runs, strict=True)
        expected = {t.key: answer(r.result(timeout=120)) for t, r in pairs}
    finally:
        stepwise.close()
    for chunk in (1, 3):
        got = run_batch(checker, course_tasks, chunk=chunk)
        assert {key: answer(r) for key, r in got.items()} == expected
    # The worker function itself, in this process, gives the same answers.
    items = [(t.text, t.options, t.title, t.expect) for t in course_tasks]
    direct = check_proofs(items)
    assert all(r is not None for r in direct)
    assert {t.key: answer(r) for t, r in zip(course_tasks, direct, strict=True) if r} == expected
    assert {r.verdict for r in direct if r} == {"accepted", "review", "rejected"}


def test_a_step_over_its_limit_inside_a_chunk_ends_unknown(checker: ProofChecker) -> None:
    options = make_options(timeout=1, seed=6)
    slow = f"{lagrange_sum(NAMES, 6)}\n  = 1\n  = 3 - 2\n"
    texts = {
        "fast": "(x + 1)^2\n  = x^2 + 2x + 1\n",
        "slow": slow,
        "wrong": "(x + 2)^2\n  = x^2 + 4\n",
        "also-fast": "2(y + 3) - 2y\n  = 6\n",
    }
    tasks = [ProofTask(key, text, options) for key, text in texts.items()]
    started = time.perf_counter()
    got = run_batch(checker, tasks, chunk=len(tasks))  # all four in one pool task
    seconds = time.perf_counter() - started
    slow_steps = [(s.status, s.method) for s in got["slow"].steps]
    assert slow_steps == [("unknown", "timeout"), ("proved", "identical")]
    assert got["slow"].verdict == "review"
    assert got["fast"].verdict == got["also-fast"].verdict == "accepted"
    assert got["wrong"].verdict == "rejected"
    assert got["wrong"].steps[0].counterexample is not None
    # The chunk is stopped at one step's limit, then each step gets its own: not minutes.
    assert seconds < 20


def test_repeated_proofs_are_reported_under_their_own_title_and_expectation(
    checker: ProofChecker,
) -> None:
    options = make_options(timeout=10, seed=0)
    text = "(a - 3)(a + 3)\n  = a^2 - 9\n"
    tasks = [
        ProofTask("one", text, options, title="first"),
        ProofTask("two", text, options, title="second", expect="rejected"),
        ProofTask("three", text, make_options(timeout=10, seed=1), title="other seed"),
    ]
    got = run_batch(checker, tasks)
    assert [got[k].verdict for k in ("one", "two", "three")] == ["accepted"] * 3
    assert (got["two"].title, got["two"].expect) == ("second", "rejected")
    assert not got["two"].meets_expectation and got["one"].meets_expectation
    assert got["three"].seed == 1 and got["one"].seed == 0


def test_an_unparsable_proof_in_a_chunk_is_reported_like_the_step_path(
    checker: ProofChecker, tmp_path: Path
) -> None:
    options = make_options(timeout=10, seed=0)
    bad = "(x + 1\n  = x + 1\n"
    tasks = [
        ProofTask("good", "x + x\n  = 2x\n", options),
        ProofTask("bad", bad, options, title="unbalanced"),
    ]
    got = run_batch(checker, tasks, chunk=2)
    stepwise = checker.submit(bad, options, title="unbalanced").result(timeout=60)
    assert answer(got["bad"]) == answer(stepwise)
    assert got["bad"].verdict == "rejected" and got["bad"].steps[0].method == "parse"
    assert got["good"].verdict == "accepted"


@pytest.mark.parametrize(("tasks", "workers", "chunk"), [(207, 2, None), (5, 2, 2), (1, 4, None)])
def test_chunks_cover_every_proof_once_and_shrink_towards_the_end(
    tasks: int, workers: int, chunk: int | None
) -> None:
    from proofnb.batch.tasks import MAX_CHUNK, chunk_bounds

    bounds = chunk_bounds(tasks, workers, chunk)
    assert [i for start, stop in bounds for i in range(start, stop)] == list(range(tasks))
    sizes = [stop - start for start, stop in bounds]
    assert sizes == sorted(sizes, reverse=True) and max(sizes) <= (chunk or MAX_CHUNK)
    if chunk is None and tasks > 8 * workers:
        assert sizes[0] == MAX_CHUNK and sizes[-1] == 1
