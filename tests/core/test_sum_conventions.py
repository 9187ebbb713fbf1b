"""Finite sums with a symbolic bound: Karr's convention, and closed forms under assumptions."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.numeric import evaluate


def _statuses(text: str, *assume: str) -> list[str]:
    return [s.status for s in check_proof(text, CheckOptions(assume=assume)).steps]


def test_a_sum_below_its_empty_range_follows_karr() -> None:
    k, n = sp.symbols("k n", integer=True)
    total = sp.Sum(k, (k, 1, n))
    assert evaluate(total, {n: sp.Integer(0)}) == 0  # the empty sum
    assert evaluate(total, {n: sp.Integer(-3)}) == -(-2 + -1 + 0)  # minus the sum over -2..0
    for value in range(-6, 7):  # so the closed form holds for every integer
        assert evaluate(total, {n: sp.Integer(value)}) == value * (value + 1) // 2


@pytest.mark.parametrize("text", [
    "Sum(r^k, (k, 0, n))\n= (r^(n+1) - 1)/(r - 1)",
    "\\sum_{k=0}^{n} r^k\n= \\frac{1 - r^{n+1}}{1 - r}",
])
def test_the_geometric_sum_is_proved_for_r_not_1(text: str) -> None:
    assert _statuses(text, "r != 1") == ["proved"]


def test_the_geometric_sum_is_never_refuted_below_its_range() -> None:
    # Without r != 1 the proof is not found, but no negative n is a counterexample.
    assert _statuses("Sum(r^k, (k, 0, n))\n= (r^(n+1) - 1)/(r - 1)") != ["refuted"]


@pytest.mark.parametrize("text", [
    "Sum(r^k, (k, 0, n))\n= (r^(n+1) + 1)/(r - 1)",
    "Sum(k^2, (k, 1, n))\n= n^3/3",
])
def test_wrong_closed_forms_are_still_refuted(text: str) -> None:
    result = check_proof(text, CheckOptions(assume=("r != 1",) if "r" in text else ()))
    assert [s.status for s in result.steps] == ["refuted"]
    assert result.steps[0].counterexample is not None


@pytest.mark.parametrize("text", [
    r"\sum_{k=1}^{n} k^2 = n(n+1)(2n+1)/6 + n(n-1)(n-2)",
    r"\sum_{k=1}^{n} k = n^2",
    r"\sum_{k=0}^{n} 2^k = 2^{n+1}",
])
def test_a_false_sum_formula_is_refuted_at_a_whole_number_of_terms(text: str) -> None:
    step = check_proof(text, CheckOptions()).steps[0]
    assert step.status == "refuted", step
    assert step.counterexample is not None
    (name, value), = step.counterexample.point
    n = sp.Integer(value)  # a count of terms: never n = 1/2 (its sum evaluated away)
    assert name == "n" and n >= 0
    k = sp.Symbol("k", integer=True)
    lhs_text, rhs_text = text.split(" = ")
    terms = {r"\sum_{k=1}^{n} k^2": (k**2, 1), r"\sum_{k=1}^{n} k": (k, 1),
             r"\sum_{k=0}^{n} 2^k": (2**k, 0)}[lhs_text]
    left = sum(terms[0].subs(k, j) for j in range(terms[1], int(n) + 1))
    right = {"n(n+1)(2n+1)/6 + n(n-1)(n-2)": n*(n+1)*(2*n+1)/6 + n*(n-1)*(n-2),
             "n^2": n**2, "2^{n+1}": 2**(n + 1)}[rhs_text]
    assert left != right
