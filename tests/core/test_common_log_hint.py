"""log is the natural logarithm; a step refuted so that holds with log in base 10 (as
calculators and many schools write it) keeps its verdict and says why."""

from __future__ import annotations

import math

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

HINT = "log is the natural logarithm here (ln); with log in base 10"


@pytest.mark.parametrize("cell", ["log(100) = 2", "log 2 + log 5 = 1", r"\log 1000 = 3",
                                  "10^x = 50 <=> x = log(50)"])
def test_base_ten_reading_is_named(cell: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "refuted"
    assert HINT in step.message


def test_the_refutation_itself_stays_exact() -> None:
    step = check_proof("log(100) = 2", CheckOptions()).steps[0]
    assert step.counterexample is not None
    assert (step.counterexample.lhs_value, step.counterexample.rhs_value) == ("log(100)", "2")
    assert math.log(100) != 2


@pytest.mark.parametrize("cell", ["log(100) = 3", "log(x^2) = 2 log(x)", "log_2(8) = 2",
                                  "ln(100) = 2"])
def test_no_hint_when_base_ten_does_not_help(cell: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "refuted"
    assert HINT not in step.message
