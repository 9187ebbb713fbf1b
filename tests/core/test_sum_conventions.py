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
