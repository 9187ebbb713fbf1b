"""Round 59: teacher layouts left open by rounds 57 and 58. The discriminant written as
its formula between a quadratic and its solutions (a, b, c are the quadratic's coefficients
in standard form); true lines are proved, false values refuted (re-checked here with SymPy)."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.runner.tasks import _assumptions_in_order

_assumptions_in_order()

x = sp.Symbol("x")


def _check(cell: str):  # type: ignore[no-untyped-def]
    return check_proof(cell, CheckOptions(assume=(), domain="real"))


def _discriminant(equation: str) -> sp.Expr:
    lhs, rhs = (sp.sympify(side) for side in equation.split("="))
    a, b, c = sp.Poly(sp.expand(lhs - rhs), x).all_coeffs()
    return sp.expand(b**2 - 4 * a * c)


# ---- the discriminant as its formula ---------------------------------------------------

@pytest.mark.parametrize(("equation", "middle", "solutions"), [
    ("x**2 - 4*x + 3 = 0", r"\Delta = b^2 - 4ac = 16 - 12 = 4", "x = 1 or x = 3"),
    ("x**2 - 4*x + 3 = 0", "D = b^2 - 4ac = 16 - 12 = 4", "x = 1 oder x = 3"),
    ("x**2 - 4*x + 3 = 0", r"Δ = b^2 - 4ac = (-4)^2 - 4 \cdot 1 \cdot 3 = 4", "x = 1 ou x = 3"),
    ("2*x**2 - 4*x - 6 = 0", r"\Delta = b^2 - 4 \cdot a \cdot c = 16 + 48 = 64",
     "x = -1 or x = 3"),
    ("3*x**2 - 5*x + 2 = 0", "\\Delta = b^2 - 4ac\n= 25 - 24 = 1", "x = 2/3 or x = 1"),
    ("x**2 - 4*x + 3 = 0", r"\Delta = 4", "x = 1 or x = 3"),
    ("x**2 - 4*x + 3 = 0", r"\Delta = b^2 - 4ac = 16 - 12 = 4",
     r"x_1 = \frac{4 - 2}{2} = 1, x_2 = \frac{4 + 2}{2} = 3"),
])
def test_discriminant_formula_is_checked_with_the_coefficients(
        equation: str, middle: str, solutions: str) -> None:
    value = _discriminant(equation)
    assert str(value) in middle.rsplit("=", 1)[-1]  # the cells' numbers are right (SymPy)
    written = equation.replace("**", "^").replace("*", "")
    result = _check(f"{written}\n{middle}\n{solutions}")
    assert result.verdict == "accepted", [(s.status, s.lhs, s.rhs) for s in result.steps]
    assert any(s.lhs.startswith(written) for s in result.steps)  # the equation's chain goes on
    assert not any("a =" in (s.counterexample.text if s.counterexample else "")
                   for s in result.steps)


@pytest.mark.parametrize(("middle", "wrong"), [
    (r"\Delta = b^2 - 4ac = 16 - 8 = 8", 8),  # the formula step: 4ac taken as 8
    ("D = b^2 - 4ac = 16 - 8 = 8", 8),
    ("Δ = 8", 8),
])
def test_a_wrong_discriminant_is_refuted_at_its_value(middle: str, wrong: int) -> None:
    true = _discriminant("x**2 - 4*x + 3 = 0")
    assert true != wrong
    result = _check(f"x^2 - 4x + 3 = 0\n{middle}\nx = 1 or x = 3")
    refuted = [s for s in result.steps if s.status == "refuted"]
    assert result.verdict == "rejected" and len(refuted) == 1
    witness = refuted[0].counterexample
    assert witness is not None
    assert sp.sympify(witness.lhs_value) == true and sp.sympify(witness.rhs_value) == wrong
    assert "a" not in dict(witness.point) and "x" not in dict(witness.point)
    # the solutions are still checked against the equation
    assert any(s.status == "proved" and s.rhs == "x = 1 or x = 3" for s in result.steps)


def test_discriminant_formula_reading_is_noted() -> None:
    result = _check("x^2 - 4x + 3 = 0\n\\Delta = b^2 - 4ac = 16 - 12 = 4\nx = 1 or x = 3")
    assert any("(-4)^2 - 4*(1)*(3)" in note for s in result.steps for note in s.notes)


def test_formula_without_a_quadratic_above_checks_only_the_numbers() -> None:
    result = _check("x^2 + y = 0\n\\Delta = b^2 - 4ac = 16 - 12 = 4\nx = 1 or x = 3")
    assert not any("b^2" in s.lhs or "b^2" in s.rhs for s in result.steps)
    assert any(s.lhs == "16 - 12" and s.status == "proved" for s in result.steps)


# ---- a domain line above the equation: D = ℝ \ {1} -------------------------------------

@pytest.mark.parametrize("cell", [
    "D = ℝ \\ {1}\n\\frac{x+1}{x-1} = 2\n<=> x + 1 = 2x - 2\n<=> x = 3",
    "D = \\mathbb{R} \\setminus \\{1\\}\n\\frac{x+1}{x-1} = 2\n\\iff x = 3",
    "D_f = \\mathbb{R} \\setminus \\{-1; 1\\}\n\\frac{2}{x^2-1} = 1\n\\iff x^2 = 3",
    "D = ℝ\nx^2 = 4\n<=> x = 2 or x = -2",
])
def test_domain_line_is_the_chains_domain(cell: str) -> None:
    result = _check(cell)
    assert result.verdict == "accepted", [(s.status, s.message) for s in result.steps]
    assert not any(s.lhs.startswith("D") for s in result.steps)


def test_domain_line_wrong_solution_refuted_with_a_root() -> None:
    result = _check("D = ℝ \\ {0}\n\\frac{1}{x} = 2\n<=> x = 1/3")
    (step,) = result.steps
    assert step.status == "refuted" and step.counterexample is not None
    root = sp.Rational(dict(step.counterexample.point)["x"])
    assert root != 0 and 1 / root == 2 and root != sp.Rational(1, 3)


def test_domain_line_with_two_letters_says_what_to_write() -> None:
    result = _check("D = ℝ \\ {1}\n\\frac{x+y}{x-1} = 2")
    assert result.verdict == "rejected"
    assert any(s.status == "error" and "assume x != 1" in s.message for s in result.steps)
