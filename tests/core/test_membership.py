"""``x in (a, b]`` inside a step is the interval's relations (half-open brackets allowed)."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("x \\in (0, 1) \\Rightarrow x^2 < x", "proved"),
        ("x in (0, 2) ==> x^2 < x", "refuted"),
        ("x^2 < 1 <=> x \\in (-1, 1)", "proved"),
        ("x^2 <= 1 <=> x ∈ [-1, 1]", "proved"),
        ("x > 1 <=> x in (1, oo)", "proved"),
        ("|x| < 1 <=> x in (-1, 1]", "refuted"),
        ("|x| <= 1 <=> x in [-1, 1)", "refuted"),
    ],
)
def test_interval_membership_steps(cell: str, status: str) -> None:
    step = check_proof(cell, CheckOptions(seed=0)).steps[0]
    assert step.status == status, (step.method, step.message)
    if status == "refuted":
        assert step.counterexample is not None


def test_a_broken_interval_names_the_place() -> None:
    step = check_proof("x > 0 <=> x in (0 1)", CheckOptions(seed=0)).steps[0]
    assert step.status == "error" and "column" in step.message
