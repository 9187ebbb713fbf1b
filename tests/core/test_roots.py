"""The FLINT path for sampling anchors agrees with SymPy's real-root isolation."""

from __future__ import annotations

import random

import pytest
import sympy as sp

from proofnb.core.numeric import thresholds_by_sympy
from proofnb.core.roots import exact_real_roots, real_root_anchors

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", real=True)


def _random_polynomials(count: int) -> list[sp.Expr]:
    rng = random.Random(7)
    out: list[sp.Expr] = []
    for _ in range(count):
        degree = rng.randint(1, 5)
        coeffs = [sp.Rational(rng.randint(-9, 9), rng.choice((1, 1, 2, 3))) for _ in range(degree)]
        coeffs.append(sp.Integer(rng.choice((-3, -1, 1, 2))))
        out.append(sum((c * x**k for k, c in enumerate(coeffs)), sp.Integer(0)))
    # Repeated, rational and irrational roots, and a factored form.
    out += [(x - 1) ** 2 * (x**2 - 2), (2 * x - 1) * (x + 3), x**4 - 5 * x**2 + 6,
            (x - sp.Rational(1, 2)) ** 3, 3 * x**2 - 2, x**2 + 9, 2000 - x]
    return out


@pytest.mark.parametrize("poly", _random_polynomials(60), ids=str)
def test_fast_anchors_match_sympy(poly: sp.Expr) -> None:
    fast = real_root_anchors(poly, x)
    assert fast is not None, "a polynomial in x must take the fast path"
    assert fast == thresholds_by_sympy(poly, x)


@pytest.mark.parametrize("expr", [x * (x - 1) / (x + 2), sp.sqrt(x) + 1, x**2 + y, sp.sin(x)])
def test_other_expressions_fall_back(expr: sp.Expr) -> None:
    assert real_root_anchors(expr, x) is None


def test_exact_real_roots_match_sympy_on_random_products() -> None:
    """Linear and quadratic factors: the same roots, in the same exact form, as SymPy's."""
    x = sp.Symbol("x")
    rng = random.Random(7)
    compared = 0
    for _ in range(150):
        e: sp.Expr = sp.Integer(rng.choice([1, 2, -3]))
        for _ in range(rng.randint(1, 3)):
            if rng.random() < 0.5:
                e *= x - sp.Rational(rng.randint(-5, 5), rng.choice([1, 2, 3]))
            else:
                e *= x**2 + rng.randint(-6, 6) * x + rng.randint(-6, 6)
        fast = exact_real_roots(sp.expand(e) if rng.random() < 0.5 else e, x)
        slow = sorted(sp.roots(sp.Poly(e, x), filter="R"), key=float)
        assert fast == slow, e
        compared += 1
    assert compared == 150
    assert exact_real_roots(x**3 - x - 1, x) is None  # an irreducible cubic: SymPy's way
    assert exact_real_roots(1 / x, x) is None
