"""Standard results of the kind simplifier and calculus test suites exercise: sums with
closed forms that miss a few integers, combinatorial sums, and limits, sums and integrals
whose value is +oo or -oo."""

from __future__ import annotations

import time

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.series import settle_piecewise


def _steps(text: str, *assume: str) -> list[tuple[str, str]]:
    result = check_proof(text, CheckOptions(assume=assume, timeout=10))
    return [(s.status, s.counterexample.text if s.counterexample else "") for s in result.steps]


def test_a_closed_form_missing_one_integer_is_taken_when_it_agrees_there() -> None:
    n, k = sp.symbols("n k", integer=True)
    closed = sp.Piecewise((2 ** (n - 1) * sp.factorial(n) / sp.factorial(n - 1), n > 0),
                          (sp.Sum(k * sp.binomial(n, k), (k, 0, n)), True))
    assert settle_piecewise(closed, (sp.Ge(n, 0),), True) == n * 2 ** (n - 1)
    # Below the region the closed form is not known to hold: nothing is settled.
    assert settle_piecewise(closed, (), True) == closed
    # A first branch that disagrees at the missed integer is not taken.
    wrong = sp.Piecewise((n + 1, n > 0), (sp.Sum(k, (k, 1, n)), True))
    assert settle_piecewise(wrong, (sp.Ge(n, 0),), True) == wrong


@pytest.mark.parametrize(("text", "assume", "status"), [
    ("sum(k binomial(n, k), (k, 0, n)) = n 2^(n - 1)", "n integer, n >= 0", "proved"),
    ("sum(k binomial(n, k), (k, 0, n)) = n 2^n", "n integer, n >= 0", "refuted"),
    ("sum(k binomial(n, k), (k, 0, n)) = n 2^(n - 1)", "n integer", "refuted"),  # n = -1
    ("sum(binomial(n, k)^2, (k, 0, n)) = binomial(2n, n)", "n integer, n >= 0", "proved"),
    ("sum(binomial(n, k)^2, (k, 0, n)) = binomial(2n, n) + 1", "n integer, n >= 0",
     "refuted"),
])
def test_binomial_sums_are_decided_promptly(text: str, assume: str, status: str) -> None:
    start = time.monotonic()
    assert [s for s, _ in _steps(text, assume)] == [status]
    assert time.monotonic() - start < 8  # simplify used to re-sum for minutes


@pytest.mark.parametrize(("text", "status", "shown"), [
    ("limit(x - x^2, x, oo) = oo", "refuted", "left side -oo"),
    ("limit(x^2 e^(-x), x, -oo) = 0", "refuted", "left side oo"),
    ("integrate(1/x, (x, 1, oo)) = 0", "refuted", "left side oo"),
    ("sum(1/k, (k, 1, oo)) = log(2)", "refuted", "left side oo"),
    ("sum(1/k, (k, 1, oo)) = oo", "proved", ""),
    ("limit(-x^2, x, oo) = -oo", "proved", ""),
    ("limit(-x^2, x, oo) < 0", "proved", ""),
    ("limit(e^x, x, oo) > 10^6", "proved", ""),
])
def test_infinite_values_compare_in_the_extended_reals(text: str, status: str,
                                                       shown: str) -> None:
    [(got, witness)] = _steps(text)
    assert got == status
    assert shown in witness
