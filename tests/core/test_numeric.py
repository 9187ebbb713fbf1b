"""Exact evaluation, exact/two-precision comparison and deterministic sample points."""

from __future__ import annotations

import sympy as sp

from proofnb.core.numeric import (
    UNCERTAIN,
    UNDEFINED,
    compare,
    evaluate,
    points,
    step_seed,
)

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", real=True)
k = sp.Symbol("k", integer=True)
n = sp.Symbol("n", integer=True, positive=True)


def test_intermediate_non_real_value_is_undefined() -> None:
    inner = sp.Pow(sp.sqrt(x), 2, evaluate=False)
    assert evaluate(inner, {x: sp.Integer(-1)}) is UNDEFINED
    assert evaluate(inner, {x: sp.Integer(4)}) == 4
    # In the complex domain sqrt(-1)^2 = -1 is fine.
    assert evaluate(inner, {x: sp.Integer(-1)}, real=False) == -1


def test_poles_logs_and_inverse_trig() -> None:
    assert evaluate(1 / (x - 1), {x: sp.Integer(1)}) is UNDEFINED
    assert evaluate(sp.log(x), {x: sp.Integer(0)}) is UNDEFINED
    assert evaluate(sp.log(x), {x: sp.Integer(-2)}) is UNDEFINED
    assert evaluate(sp.asin(x), {x: sp.Integer(2)}) is UNDEFINED
    assert evaluate(sp.tan(x), {x: sp.pi / 2}) is UNDEFINED
    assert evaluate(sp.log(x**2), {x: sp.Integer(-1)}) == 0


def test_sums_are_summed_exactly() -> None:
    s = sp.Sum(k**2, (k, 1, n))
    assert evaluate(s, {n: sp.Integer(4)}) == 30
    assert evaluate(sp.Sum(1 / k, (k, 0, n)), {n: sp.Integer(3)}) is UNDEFINED


def test_huge_powers_are_not_evaluated() -> None:
    assert evaluate(x**100000, {x: sp.Integer(3)}) is UNCERTAIN


def test_compare_exact_and_two_precisions() -> None:
    assert compare(sp.Rational(1, 3), sp.Rational(1, 3)).sign == 0
    assert compare(sp.sqrt(2), sp.Rational(141, 100)).sign == 1
    assert compare(sp.pi, sp.Rational(22, 7)).sign == -1
    zero = compare(sp.sqrt(2) * sp.sqrt(3), sp.sqrt(6))
    assert zero.sign == 0
    alg = compare(sp.sqrt(3 + 2 * sp.sqrt(2)), 1 + sp.sqrt(2), need_exact=True)
    assert alg.sign == 0 and alg.exact


def test_catastrophic_cancellation_is_never_a_difference() -> None:
    big = sp.Integer(7940)
    cmp = compare(sp.cosh(big) ** 2 - sp.sinh(big) ** 2, sp.Integer(1))
    assert cmp.sign in (0, None)


def test_points_are_deterministic_and_simple_first() -> None:
    first = list(points([x], {}, {}, 7, 12))
    assert first == list(points([x], {}, {}, 7, 12))
    assert first[:3] == [{x: 0}, {x: 1}, {x: -1}]
    pairs = list(points([x, y], {}, {}, 7, 20))
    assert len(pairs) == 20 and len({tuple(p.values()) for p in pairs}) == 20


def test_points_respect_assumptions_and_integrality() -> None:
    xp = sp.Symbol("x", positive=True)
    assert all(p[xp] > 0 for p in points([xp], {}, {}, 1, 15))
    assert all(p[n].is_integer and p[n] > 0 for p in points([n], {n: True}, {}, 1, 10))
    anchored = list(points([x], {}, {x: [sp.Integer(100)]}, 1, 20))
    assert any(p[x] > 100 for p in anchored)


def test_step_seed_is_stable() -> None:
    assert step_seed(0, "a", "b") == step_seed(0, "a", "b")
    assert step_seed(0, "a", "b") != step_seed(1, "a", "b")
