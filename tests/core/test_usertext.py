"""Witness sentences and notes in the notation a student types (``^``, ``|x|``, ``ln``, ``e``)."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.numeric import approximations
from proofnb.core.usertext import user_text

x = sp.Symbol("x", real=True)


@pytest.mark.parametrize(
    ("expr", "text"),
    [
        (x**2, "x^2"),
        (sp.Abs(x - 1), "|x - 1|"),
        (sp.log(2) ** 2, "ln(2)^2"),
        (sp.exp(2), "e^2"),
        (sp.exp(-x), "e^(-x)"),
        (sp.E + 1, "1 + e"),
        (1 + 2 * sp.I, "1 + 2*i"),
        (sp.Integer(2) ** sp.Rational(5, 6), "2^(5/6)"),
    ],
)
def test_user_text(expr: sp.Expr, text: str) -> None:
    assert user_text(expr) == text


@pytest.mark.parametrize(
    ("cell", "shown", "point"),
    [
        ("x^(1/2) x^(1/3) = x^(1/6)",  # the quick pass writes the side with the point put in
         "x = 2: left side 2^(1/2)*2^(1/3) ≈ 1.782, right side 2^(1/6) ≈ 1.122", "2"),
        ("x^(1/2)·x^(1/3) = x^(1/6)",  # · is the full checker's to read: SymPy's value
         "x = 2: left side 2^(5/6) ≈ 1.782, right side 2^(1/6) ≈ 1.122", "2"),
        ("log(x)^2 = 2 log(x)",
         "x = 2: left side ln(2)^2 ≈ 0.4805, right side 2*ln(2) ≈ 1.386", "2"),
    ],
)
def test_witness_sentence_in_user_notation(cell: str, shown: str, point: str) -> None:
    step = check_proof(cell, CheckOptions(seed=0)).steps[0]
    assert step.status == "refuted" and step.counterexample is not None, step.message
    assert step.counterexample.text == shown
    # The point itself stays machine-readable (SymPy's string form) for re-checking.
    assert dict(step.counterexample.point) == {"x": point}
    assert "**" not in step.counterexample.text


@pytest.mark.parametrize(
    ("a", "b", "shown"),
    [
        # Rationals need no decimals; irrationals get four significant digits.
        (sp.Integer(3), sp.Rational(1, 2), ("", "")),
        (sp.sqrt(2), sp.Integer(1), (" ≈ 1.414", "")),
        # Values that agree to four digits get more, until they print apart.
        (sp.pi, sp.Rational(355, 113), (" ≈ 3.142", "")),
        (sp.pi, sp.pi + sp.Rational(1, 10**6),
         (" ≈ 3.1415927", " ≈ 3.1415937")),
        # Beyond a float's range: SymPy's digits (a float would say 0 or inf); not real: none.
        (sp.Integer(10) ** 400 * sp.sqrt(2), sp.I, (" ≈ 1.414e+400", "")),
        (sp.exp(-10**6), sp.Integer(0), (" ≈ 3.297e-434295", "")),
    ],
)
def test_approximations_beside_exact_values(
    a: sp.Expr, b: sp.Expr, shown: tuple[str, str]
) -> None:
    assert approximations(a, b) == shown


def test_a_complex_value_is_shown_as_a_plus_b_i() -> None:
    step = check_proof("(1 + i)^2 = 2", CheckOptions(domain="complex")).steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    assert step.counterexample.text == "left side 2*i, right side 2"
    assert step.counterexample.lhs_value == "(1 + I)**2"  # the exact value, re-checkable


def test_equal_sides_get_the_short_decimal() -> None:
    assert approximations(sp.exp(-1), sp.exp(-1)) == (" ≈ 0.3679", " ≈ 0.3679")
    assert approximations(sp.Integer(2), sp.Integer(2)) == ("", "")


def test_a_witness_names_only_the_letters_of_the_step() -> None:
    step = check_proof("2 + 2 = 5", CheckOptions(assume=("x > 0",))).steps[0]
    assert step.counterexample is not None and step.counterexample.point == ()
    assert step.counterexample.text == "left side 4, right side 5"
