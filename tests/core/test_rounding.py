"""Rounding claims ``A ≈ d``: A rounds to the decimal d at the places d shows. Proved and
refuted exactly (re-checked here with Fractions and 50-digit values), errors for letters."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, StepResult
from proofnb.core.rounding import rounds_to, written_decimal
from proofnb.core.verdict import compose


def _steps(cell: str) -> list[StepResult]:
    return list(check_proof(cell, CheckOptions(timeout=20)).steps)


def _rounds(value: sp.Expr, text: str) -> bool:
    places = len(text.split(".")[1]) if "." in text else 0
    gap = abs(Fraction(str(sp.N(value, 50))) - Fraction(text))
    return gap <= Fraction(1, 2 * 10**places)


@pytest.mark.parametrize(("cell", "value", "decimal"), [
    (r"\sqrt{2} \approx 1.414", sp.sqrt(2), "1.414"),
    ("e^2 ≈ 7.389", sp.exp(2), "7.389"),
    ("e^2 ≈ 7", sp.exp(2), "7"),
    (r"\frac{22}{7} \approx 3.14", sp.Rational(22, 7), "3.14"),
    ("-sqrt(5) ≈ -2.236", -sp.sqrt(5), "-2.236"),
    ("1/8 ≈ 0.13", sp.Rational(1, 8), "0.13"),  # exactly half-way: either way
    ("sqrt(2) ≈ 1.42", sp.sqrt(2), "1.42"),
    ("9 pi ≈ 28.26", 9 * sp.pi, "28.26"),
    ("ln(5)/2 ≈ 0.804", sp.log(5) / 2, "0.804"),
    ("1.414 ≈ sqrt(2)", sp.sqrt(2), "1.414"),
])
def test_a_rounding_claim_is_decided_exactly(cell: str, value: sp.Expr, decimal: str) -> None:
    (step,) = _steps(cell)
    expected = _rounds(value, decimal)
    assert step.status == ("proved" if expected else "refuted")
    if not expected:
        assert step.counterexample is not None and "rounds to" in step.counterexample.text


def test_a_statement_chain_may_end_with_a_rounded_answer() -> None:
    good = _steps("e^{2x} = 5\n<=> 2x = \\ln 5\n<=> x = \\frac{\\ln 5}{2} \\approx 0.805")
    assert [(s.relation, s.status) for s in good] == [("<=>", "proved"), ("<=>", "proved"),
                                                       ("≈", "proved")]
    bad = _steps("e^{2x} = 5\n<=> x = \\frac{\\ln 5}{2} \\approx 0.804")
    assert [(s.relation, s.status) for s in bad] == [("<=>", "proved"), ("≈", "refuted")]


def test_an_expression_chain_states_the_rounding_as_its_conclusion() -> None:
    result = check_proof("9 pi = 3^2 pi ≈ 28.27", CheckOptions())
    assert [s.status for s in result.steps] == ["proved", "proved"]
    assert compose(["=", "≈"]) == "≈" and compose(["<", "≈"]) is None


@pytest.mark.parametrize(("cell", "reason"), [
    ("x ≈ 2", "has letters"),
    ("sqrt(2) ≈ x", "needs a decimal"),
    ("x^2 = 5 <=> x ≈ 2.236 = 3", "a rounding ends its statement"),
])
def test_what_a_rounding_cannot_be_gets_a_clear_error(cell: str, reason: str) -> None:
    steps = _steps(cell)
    assert any(s.status == "error" and reason in s.message for s in steps)


def test_undecidable_closeness_is_not_guessed() -> None:
    # within 10^-26 of the half-way point 0.125: neither proved nor refuted
    half_way = written_decimal("0.13")
    assert half_way is not None
    assert rounds_to(sp.Rational(1, 8) + sp.exp(-60), half_way) is None
    assert rounds_to(sp.Rational(1, 8) + sp.Rational(1, 10**6), half_way) is True
    assert rounds_to(sp.Rational(1, 8) - sp.Rational(1, 10**6), half_way) is False
    two_places = written_decimal("1.50")
    assert two_places is not None and two_places.places == 2
    assert written_decimal("x") is None


def test_an_undefined_value_has_no_rounding() -> None:
    (step,) = _steps("1/0 ≈ 1")
    assert step.status == "unknown" and "undefined" in step.message
