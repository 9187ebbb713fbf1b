"""Round 11 probe regressions: integers and discrete mathematics (sums with symbolic bounds,
gcd/lcm, factorials). Each fix is pinned by a true/false pair run through the real checker."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.checked import CheckedSum
from proofnb.runner.api import make_options


def statuses(cell: str, *, assume: str = "", domain: str = "real") -> list[str]:
    options = make_options(assume=[assume] if assume else [], domain=domain, timeout=10, seed=0)
    return [step.status for step in check_proof(cell, options).steps]


@pytest.mark.parametrize(("assume", "expected"), [
    ("n integer, n >= 1", "proved"),
    ("n integer, n >= 0", "refuted"),
])
def test_alternating_binomial_sum_is_one_at_n_zero(assume: str, expected: str) -> None:
    # SymPy sums it to 0 for every n; at n = 0 the sum is 1 (a false accept under n >= 0).
    cell = "Sum((-1)^k binomial(n, k), (k, 0, n)) = 0"
    assert statuses(cell, assume=assume) == [expected]


def test_checked_closed_form_keeps_a_correct_one() -> None:
    n, k = sp.symbols("n k", integer=True)
    assert CheckedSum(k, (k, 1, n)).doit() == n**2 / 2 + n / 2
    guarded = CheckedSum((-1)**k * sp.binomial(n, k), (k, 0, n)).doit()
    assert isinstance(guarded, sp.Piecewise)
    assert guarded.subs(n, 0).doit() == 1 and guarded.subs(n, 3).doit() == 0


@pytest.mark.parametrize(("cell", "assume", "expected"), [
    ("gcd(n, n + 2) = 1", "n integer, n >= 1", "refuted"),  # n = 2: gcd is 2
    ("gcd(n, 2n) = n", "n integer", "refuted"),  # n = -1: gcd is 1
    ("gcd(2n, 2n + 2) = 1", "n integer, n >= 1", "refuted"),
    ("lcm(n, n + 2) = n(n + 2)", "n integer, n >= 1", "refuted"),  # n = 2: lcm is 4
    ("lcm(n, 2n) = 2n", "n integer, n >= 1", "proved"),  # was refuted: SymPy's lcm is n
    ("gcd(n, n + 1) = 1", "n integer, n >= 1", "proved"),
    ("gcd(84, 36) = 12", "", "proved"),
    ("lcm(4, 6, 10) = 60", "", "proved"),
    ("gcd(12, 18) lcm(12, 18) = 12 \\cdot 18", "", "proved"),
    ("lcm(12, 18) = 216", "", "refuted"),
])
def test_gcd_and_lcm_are_of_integers_not_polynomials(cell: str, assume: str, expected: str) -> None:
    assert statuses(cell, assume=assume) == [expected]
