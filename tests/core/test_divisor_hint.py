"""``1/2x`` is (1/2)·x, as calculators read it. A step refuted so that holds with the whole
implicit product as the divisor keeps its verdict and says to write the brackets."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import _divisor_grouped, check_proof
from proofnb.core.model import CheckOptions

HINT = "a product after '/' is not the whole divisor here"


x, y = sp.symbols("x y")


@pytest.mark.parametrize(("cell", "lhs", "rhs"), [
    (r"1/2x = \frac{1}{2x}", x / 2, 1 / (2 * x)),
    ("x / 2 y = x/(2y)", x * y / 2, x / (2 * y)),
    (r"3/4(x+1) = \frac{3}{4x + 4}", sp.Rational(3, 4) * (x + 1), 3 / (4 * x + 4)),
])
def test_the_other_reading_of_a_slash_is_named(cell: str, lhs: sp.Expr, rhs: sp.Expr) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "refuted" and HINT in step.message, step
    witness = step.counterexample
    assert witness is not None
    point = {sp.Symbol(name): sp.Rational(value) for name, value in witness.point}
    assert lhs.subs(point) != rhs.subs(point)  # the step as read fails there


@pytest.mark.parametrize("cell", ["1/2x = x/2", "1/2x = 1/(3x)", "1/(2x) = 1/x"])
def test_no_hint_when_the_reading_is_not_it(cell: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert HINT not in step.message


@pytest.mark.parametrize(("text", "grouped"), [
    ("1/2x", "1/(2x)"),
    ("x / 2 y + 1", "x /(2 y) + 1"),
    ("3/4(x+1) - 2", "3/(4(x+1)) - 2"),
    ("x/2 = y", "x/2 = y"),
    ("(1/2x)", "(1/(2x))"),
])
def test_divisors_grouped(text: str, grouped: str) -> None:
    assert _divisor_grouped(text) == grouped
