"""Round 12 probe regressions: inequality chains and absolute values (AM-GM, Cauchy-Schwarz,
Bernoulli, triangle inequality, bounds under assumptions). Each fix is pinned by a true/false
pair run through the real checker."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.orders import bounds_of, reparametrize
from proofnb.runner.api import make_options


def statuses(cell: str, *, assume: str = "", domain: str = "real") -> list[str]:
    options = make_options(assume=[assume] if assume else [], domain=domain, timeout=10, seed=0)
    return [step.status for step in check_proof(cell, options).steps]


BOX = "0 < a < 1, 0 < b < 1"
SMALL = "0 < x < 1/10, 0 < y < 1/10"


@pytest.mark.parametrize(("cell", "assume", "expected"), [
    # A narrow box: both bounds are one change of variables, so steps are decided (they were
    # 'unknown': points drawn for a = t, t > 0 mostly fell outside a < 1).
    ("a b < 1", BOX, "proved"),
    ("a b > a", BOX, "refuted"),
    ("a + b - a b < 1", BOX, "proved"),
    ("a + b - a b > 1", BOX, "refuted"),
    ("1/a + 1/b > 2", BOX, "proved"),
    ("1/a + 1/b > 3", BOX, "refuted"),
    ("a b c < 1", "0 < a < 1, 0 < b < 1, 0 < c < 1", "proved"),
    ("x^2 + y^2 < 1/50", SMALL, "proved"),
    ("x^2 + y^2 < 1/100", SMALL, "refuted"),
    ("x/y < 2", "1 < x < 2, 1 < y < 2", "proved"),
    ("x/y < 1", "1 < x < 2, 1 < y < 2", "refuted"),
    # A closed end: 4t/(1 + t)^2 covers [0, 1].
    ("a b < 1", "0 <= a < 1, 0 <= b <= 1", "proved"),
    ("a b < 1", "0 <= a <= 1, 0 <= b <= 1", "refuted"),
])
def test_narrow_boxes_are_decided(cell: str, assume: str, expected: str) -> None:
    assert statuses(cell, assume=assume) == [expected]


@pytest.mark.parametrize(("cell", "assume", "expected"), [
    ("|x^2 - 4| = (2 - x)(2 + x)", "-2 <= x <= 2", "proved"),
    ("|x^2 - 4| = (x - 2)(x + 2)", "-2 <= x <= 2", "refuted"),
    ("|x - 1| + |x + 1| = 2", "-1 <= x <= 1", "proved"),
    ("|x - 1| + |x + 1| = 2", "-1 <= x <= 2", "refuted"),
    ("|x^2 - 1| = 1 - x^2", "0 <= x <= 1", "proved"),
])
def test_absolute_values_on_an_interval(cell: str, assume: str, expected: str) -> None:
    assert statuses(cell, assume=assume) == [expected]


def test_box_change_of_variables_stays_inside() -> None:
    a = sp.Symbol("a")
    refined = reparametrize(bounds_of([sp.Gt(a, 0), sp.Lt(a, 1)]), [a])
    assert refined is not None
    (gap,) = refined.fresh
    image = dict(refined.forward)[a]
    for t in (sp.Rational(1, 100), 1, 100):
        assert 0 < image.subs(gap, t) < 1
    closed = reparametrize(bounds_of([sp.Ge(a, -2), sp.Le(a, 2)]), [a])
    assert closed is not None
    (gap,) = closed.fresh
    image = dict(closed.forward)[a]
    assert {image.subs(gap, 0), image.subs(gap, 1)} == {-2, 2}


@pytest.mark.parametrize(("assume", "expected"), [
    # Ends that are expressions in other variables: the closed end x = a - d is tried
    # (it was 'likely' on a false step), and the open box is proved.
    ("a - d < x < a + d, d > 0", "proved"),
    ("a - d <= x < a + d, d > 0", "refuted"),
])
def test_epsilon_interval_with_symbolic_ends(assume: str, expected: str) -> None:
    assert statuses("|x - a| < d", assume=assume) == [expected]


def test_euler_e_as_an_interval_end() -> None:
    # e is Euler's number: x = a - e is in the setting and |x - a| = e there.
    assert statuses("|x - a| < e", assume="a - e <= x < a + e") == ["refuted"]


@pytest.mark.parametrize(("cell", "expected"), [
    # Strict inequalities that fail at one point, and a bound that fails on a curve: the
    # critical points of the difference are tried (both were 'likely').
    ("x^2 + y^2 - 2 x + 4 y + 5 = (x - 1)^2 + (y + 2)^2\n  > 0", ["proved", "refuted"]),
    ("x^2 + y^2 - 2 x + 4 y + 6 = (x - 1)^2 + (y + 2)^2 + 1\n  > 0", ["proved", "proved"]),
    ("x^4 + y^4 >= 2 x^2 y^2\n  >= x y", ["proved", "refuted"]),
    ("x^4 + y^4 >= 2 x^2 y^2\n  >= 0", ["proved", "proved"]),
])
def test_critical_points_are_tried(cell: str, expected: list[str]) -> None:
    assert statuses(cell) == expected
