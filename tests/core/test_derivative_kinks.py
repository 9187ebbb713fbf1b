"""A derivative does not exist at a kink of ``|u|``: such a point is never a witness."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(
    ("cell", "kink"),
    [("diff(abs(x), x) = 1", "0"), ("diff(abs(x - 2), x) = 1", "2"),
     ("diff(abs(x), x) = -1", "0")],
)
def test_false_derivative_steps_are_refuted_away_from_the_kink(cell: str, kink: str) -> None:
    step = check_proof(cell, CheckOptions(seed=0)).steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    assert dict(step.counterexample.point)["x"] != kink


def test_derivative_of_abs_is_sign_away_from_zero() -> None:
    step = check_proof("diff(abs(x), x) = sign(x)", CheckOptions(seed=0)).steps[0]
    assert step.status == "proved"
    assert step.notes == ("x ≠ 0",)
