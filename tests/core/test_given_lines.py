"""A line that opens with "Let", "Given (that)", "Suppose (that)", "Sei" or "Soit" states what
is given, as an ``assume`` line does: teachers write ``Let f(x) = x^2 + 1`` above the lines
that use it. It used to be the error "unknown name 'Let'"."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.cell import parse_cell
from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(("cell", "given"), [
    ("Let f(x) = x^2 + 1\nf(2) = 5", "f(x) = x^2 + 1"),
    ("Let x = 3.\nx^2 = 9", "x = 3"),
    ("Given that x > 0\n\\sqrt{x^2} = x", "x > 0"),
    ("Suppose x > 0\n\\sqrt{x^2} = x", "x > 0"),
    ("Sei f(x) = 2x\nf(3) = 6", "f(x) = 2x"),
    ("Soit f(x) = x + 1\nf(1) = 2", "f(x) = x + 1"),
])
def test_a_given_line_is_an_assumption(cell: str, given: str) -> None:
    assert parse_cell(cell).assume == (given,)
    (step,) = check_proof(cell, CheckOptions()).steps
    assert step.status == "proved", step


def test_what_is_given_is_what_a_step_is_checked_against() -> None:
    (step,) = check_proof("Let x = 3\nx^2 = 10", CheckOptions()).steps
    assert step.status == "refuted"
    assert step.counterexample is not None
    assert dict(step.counterexample.point) == {"x": "3"}
    assert sp.Integer(3) ** 2 != 10


def test_prose_that_starts_with_let_is_not_given() -> None:
    (step,) = check_proof("Let's expand (x+1)^2 = x^2 + 2x + 1", CheckOptions()).steps
    assert step.status == "error" and "unknown name 'Let'" in step.message
