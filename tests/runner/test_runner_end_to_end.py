"""``proofnb.verify`` / ``stream`` with the real checker in real worker processes."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import proofnb
from proofnb.runner.service import ProofChecker

HANG_GUARD = 120

SQUARE = """(a + b)^2
  = (a + b)(a + b)
  = a^2 + ab + ba + b^2
  = a^2 + 2ab + b^2"""


@pytest.fixture(scope="module")
def checker() -> Iterator[ProofChecker]:
    checker = ProofChecker(2)
    checker.start()
    yield checker
    checker.close()


def test_a_true_identity_is_accepted(checker: ProofChecker) -> None:
    result = proofnb.verify("(a+b)^2 = a^2 + 2ab + b^2", checker=checker)
    assert result.verdict == "accepted", result.steps
    assert result.steps[0].status == "proved"


def test_a_false_step_is_refuted_with_a_witness(checker: ProofChecker) -> None:
    result = proofnb.verify("(a+b)^2 = a^2 + b^2", checker=checker)
    assert result.verdict == "rejected"
    (step,) = result.steps
    assert step.status == "refuted"
    assert step.counterexample is not None and step.counterexample.point


def test_assumptions_change_the_verdict(checker: ProofChecker) -> None:
    assert proofnb.verify("sqrt(x^2) = x", checker=checker).verdict == "rejected"
    assert proofnb.verify("sqrt(x^2) = x", assume="x >= 0", checker=checker).verdict == "accepted"


def test_stream_yields_every_step(checker: ProofChecker) -> None:
    async def collect() -> list[int]:
        return [step.index async for step in proofnb.stream(SQUARE, checker=checker)]

    assert sorted(asyncio.run(collect())) == [0, 1, 2]
    result = proofnb.verify(SQUARE, checker=checker)
    assert [s.status for s in result.steps] == ["proved"] * 3
    assert result.verdict == "accepted"


def hostile(marker: Path) -> list[str]:
    return [
        f"__import__('os').system('touch {marker}') = 0",
        f"x = ().__class__.__bases__[0].__subclasses__()  # {marker}",
        f"(lambda: open('{marker}', 'w'))() = 1",
        f"open('{marker}', 'w') = 1",
        "x = 9**9**9**9",
        "factorial(10**9) = 1",
        "expand((x+1)**100000) = 1",
        "x = (y + 1",
        "",
        "x = " + "1 + " * 250_000 + "1",
    ]


def test_hostile_input_is_an_error_and_the_pool_keeps_serving(
    checker: ProofChecker, tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    for text in hostile(marker):
        started = time.monotonic()
        result = proofnb.verify(text, timeout=10, checker=checker)
        assert time.monotonic() - started < 12 + 1, text[:60]
        assert result.verdict == "rejected", text[:60]
        assert [s.status for s in result.steps] == ["error"] * len(result.steps), text[:60]
        assert all(s.message for s in result.steps), text[:60]
    assert not marker.exists(), "user text was executed"
    assert not os.path.exists("pwned")
    assert proofnb.verify("(x+1)^2 = x^2 + 2x + 1", checker=checker).verdict == "accepted"


def test_a_line_read_two_ways_is_not_answered_from_the_cache(checker: ProofChecker) -> None:
    # The same answer line, shown the same way, is the tangent at 3 in one cell and a wrong
    # tangent at 2 in the other: the cache must tell the two readings apart.
    at_3 = proofnb.verify("f(x) = x^2\nf'(3) = 6\ny = 6x - 9", checker=checker)
    at_2 = proofnb.verify("f(x) = x^2\nf'(2) = 4\ny = 6x - 9", checker=checker)
    assert (at_3.steps[-1].lhs, at_3.steps[-1].rhs) == (at_2.steps[-1].lhs, at_2.steps[-1].rhs)
    assert at_3.steps[-1].status == "proved"
    assert at_2.steps[-1].status == "refuted"


def test_identical_erroneous_steps_each_name_their_own_place(checker: ProofChecker) -> None:
    # Same step text twice, so the cache and the grouping of identical steps see one question;
    # an error's message still names the line and column where each copy is written.
    text = "x + 1 = x + 1 +\n\n  x + 1 = x + 1 +"
    for _ in range(2):  # the second time, past the service's cache
        first, second = proofnb.verify(text, checker=checker).steps
        assert (first.status, second.status) == ("error", "error")
        assert first.line == 1 and first.message.startswith("line 1, column 16:")
        assert second.line == 3 and second.message.startswith("line 3, column 18:")


def test_whole_proof_worker_keeps_each_error_in_its_place() -> None:
    from proofnb.core.model import CheckOptions
    from proofnb.runner.tasks import check_proof

    result = check_proof("x + 1 = x + 1 +\n\n  x + 1 = x + 1 +", CheckOptions(), "", None)
    assert result is not None
    assert [s.message.split(":")[0] for s in result.steps] == ["line 1, column 16",
                                                               "line 3, column 18"]
