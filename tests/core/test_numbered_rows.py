"""Numbered solutions as teachers write them below an equation: one per line (``x_1 = 1``,
then ``x_2 = 3``) and with their computation (``x_1 = \\frac{4-2}{2} = 1``). One per line was
refuted ('x = 3 ... solution lost' at the x_1 line); with the computation it was refuted too."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

EQUATION = "x^2 - 4x + 3 = 0\n"


def _statuses(cell: str) -> list[str]:
    return [s.status for s in check_proof(cell, CheckOptions()).steps]


@pytest.mark.parametrize("rows", [
    "x_1 = 1\nx_2 = 3",
    "x_1 = 1,\nx_2 = 3.",
    "x_1 = \\frac{4-2}{2} = 1, x_2 = \\frac{4+2}{2} = 3",
    "x_1 = \\frac{4-2}{2} = 1\nx_2 = \\frac{4+2}{2} = 3",
    "x_{1} = 1\nx_{2} = 3",
])
def test_numbered_solutions_below_their_equation(rows: str) -> None:
    x = sp.Symbol("x")
    assert sp.solveset(x**2 - 4 * x + 3, x) == {1, 3}
    statuses = _statuses(EQUATION + rows)
    assert statuses and set(statuses) == {"proved"}, statuses


@pytest.mark.parametrize("rows", [
    "x_1 = 1\nx_2 = 4",
    "x_1 = \\frac{4-2}{2} = 2\nx_2 = \\frac{4+2}{2} = 3",  # worked out wrong
    "x_1 = \\frac{4-3}{2} = 1\nx_2 = \\frac{4+2}{2} = 3",  # a wrong formula, a right value
])
def test_a_wrong_solution_or_computation_is_refuted(rows: str) -> None:
    steps = check_proof(EQUATION + rows, CheckOptions()).steps
    assert "refuted" in [s.status for s in steps]
    for step in steps:
        if step.status == "refuted":
            assert step.counterexample is not None
            (name, value), = step.counterexample.point
            assert name == "x" and sp.Rational(value) in (1, 3, 2, sp.Rational(1, 2), 4)


def test_a_recurrence_is_no_list_of_solutions() -> None:
    # Newton's x_1, then x_2 = x_1 + 1: x_2 is worked out from x_1, not a second solution
    cell = "f(x) = x^2 - 2\nx_1 = 1 - \\frac{f(1)}{f'(1)} = 1.5\nx_2 = x_1 + 1"
    assert _statuses(cell)[0] != "proved"
