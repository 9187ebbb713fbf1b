"""``\\cos 2(a + b)`` is cos(2)·(a + b) as written. A step refuted so that holds with the
number and bracket as the function's argument keeps its verdict and says to write brackets."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import _argument_grouped, check_proof
from proofnb.core.model import CheckOptions

HINT = "a function's argument ends before a bracket here"

a, b, x = sp.symbols("alpha beta x")


@pytest.mark.parametrize(("cell", "lhs", "rhs"), [
    (r"\cos 2(\alpha + \beta) = \cos^2(\alpha + \beta) - \sin^2(\alpha + \beta)",
     sp.cos(2) * (a + b), sp.cos(a + b) ** 2 - sp.sin(a + b) ** 2),
    (r"\sin 2(x+1) = 2\sin(x+1)\cos(x+1)",
     sp.sin(2) * (x + 1), 2 * sp.sin(x + 1) * sp.cos(x + 1)),
    (r"\ln 3 \left(x^2 + 1\right) = \ln 3 + \ln(x^2 + 1)",
     sp.log(3) * (x**2 + 1), sp.log(3) + sp.log(x**2 + 1)),
])
def test_the_other_reading_of_an_argument_is_named(cell: str, lhs: sp.Expr,
                                                    rhs: sp.Expr) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "refuted" and HINT in step.message, step
    witness = step.counterexample
    assert witness is not None
    point = {sp.Symbol(name): sp.Rational(value) for name, value in witness.point}
    assert sp.N(lhs.subs(point) - rhs.subs(point), 30) != 0  # the step as read fails there


@pytest.mark.parametrize("cell", [
    r"\sin 2(x+1) = 3",  # false in either reading
    r"\sin 2x = 2\sin x",  # no bracket after the number
    r"\sin(2(x+1)) = \sin(2x+3)",
])
def test_no_hint_when_the_reading_is_not_it(cell: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "refuted" and HINT not in step.message


def test_the_written_reading_still_decides() -> None:
    step = check_proof(r"\cos 2(x + 1) = (x + 1)\cos 2", CheckOptions()).steps[0]
    assert step.status == "proved" and HINT not in step.message


@pytest.mark.parametrize(("text", "grouped"), [
    (r"\cos 2(\alpha + \beta)", r"\cos(2(\alpha + \beta))"),
    (r"\sin^2 2(x) + 1", r"\sin^2(2(x)) + 1"),
    (r"\cos 3 \left( x \right)", r"\cos(3 \left( x \right))"),
    ("ln 2(x+1) - 1", "ln(2(x+1)) - 1"),
    (r"\sin 2x", r"\sin 2x"),
    (r"\sin(2(x))", r"\sin(2(x))"),
    (r"\cos 2(x", r"\cos 2(x"),  # unbalanced: left for the grammar's own message
    (r"\arcsin 2(x)", r"\arcsin 2(x)"),
])
def test_arguments_grouped(text: str, grouped: str) -> None:
    assert _argument_grouped(text) == grouped
