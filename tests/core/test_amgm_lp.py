"""AM-GM certificates and the checked linear feasibility under them (and under abs-cases)."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from proofnb.core.amgm import amgm_nonnegative
from proofnb.core.check import check_proof
from proofnb.core.lp import nonnegative_solution
from proofnb.core.model import CheckOptions

a, b, c = sp.symbols("a b c", positive=True)
u, v = sp.symbols("u v", nonnegative=True)


def test_a_feasible_system_gives_a_point_that_satisfies_it() -> None:
    upper = [([1, 1], 3)]
    equal = [([1, -1], 1)]
    point = nonnegative_solution(upper, equal, 2)
    assert point is not None
    x, y = point
    assert x >= 0 and y >= 0 and x + y <= 3 and x - y == 1


def test_an_infeasible_system_gives_none() -> None:
    assert nonnegative_solution([([1, 1], 1)], [([1, 0], 2)], 2) is None
    assert nonnegative_solution([], [([1, 1], -1)], 2) is None  # w >= 0 cannot sum to -1


def test_dependent_equations_that_sympys_simplex_gives_up_on() -> None:
    # Nesbitt's shares: each of a^2 b, a^2 c, ... paid by a^3, b^3, c^3 (2 each). The
    # exponent equations of a homogeneous polynomial are dependent.
    positive = [((3, 0, 0), 2), ((0, 3, 0), 2), ((0, 0, 3), 2)]
    negative = [((2, 1, 0), 1), ((2, 0, 1), 1), ((1, 2, 0), 1), ((1, 0, 2), 1),
                ((0, 2, 1), 1), ((0, 1, 2), 1)]
    n = len(positive) * len(negative)
    col = {(i, j): j * len(positive) + i for j in range(len(negative))
           for i in range(len(positive))}
    upper = []
    for i, (_, cost) in enumerate(positive):
        row = [0] * n
        for j in range(len(negative)):
            row[col[i, j]] = 1
        upper.append((row, cost))
    equal = []
    for j, (e_j, need) in enumerate(negative):
        row = [0] * n
        for i in range(len(positive)):
            row[col[i, j]] = 1
        equal.append((row, need))
        for axis in range(3):
            row = [0] * n
            for i, (e_i, _) in enumerate(positive):
                row[col[i, j]] = e_i[axis] - e_j[axis]
            equal.append((row, 0))
    point = nonnegative_solution(upper, equal, n)
    assert point is not None and all(isinstance(w, Fraction) for w in point)


def test_an_irrational_coefficient_is_no_proof_rather_than_a_guess() -> None:
    assert nonnegative_solution([], [([sp.sqrt(2)], 1)], 1) is None


@pytest.mark.parametrize(
    ("poly", "free", "strict", "expected"),
    [
        ((a + b) * (b + c) * (c + a) - 8 * a * b * c, [a, b, c], False, True),
        ((a + b) * (b + c) * (c + a) - 8 * a * b * c, [a, b, c], True, False),  # a = b = c
        (a**3 + b**3 + c**3 - 3 * a * b * c + 1, [a, b, c], True, True),
        (a**2 * b + a * b**2 + 1 - 3 * a * b, [a, b], False, True),
        # False claims: no certificate (a = b = c = 1/2; a = 2, b = 3/2).
        (a + b + c - 3, [a, b, c], False, False),
        (a**3 + b**3 - 2 * a**2 * b, [a, b], False, False),
        # Nonnegative (not positive) variables: the non-strict claim only.
        (u**2 + v**2 - 2 * u * v, [u, v], False, True),
        (u**2 + v**2 - 2 * u * v, [u, v], True, False),
    ],
)
def test_amgm_certificates(poly: sp.Expr, free: list[sp.Symbol], strict: bool,
                           expected: bool) -> None:
    assert amgm_nonnegative(sp.expand(poly), free, strict) is expected


def test_a_variable_of_unknown_sign_gets_no_certificate() -> None:
    x, y = sp.symbols("x y", real=True)
    assert not amgm_nonnegative(x**2 + y**2 - 2 * x * y, [x, y], False)


POSITIVE = "a > 0, b > 0, c > 0"


@pytest.mark.parametrize(
    ("cell", "assume", "status"),
    [
        ("(a + b)(b + c)(c + a) >= 8 a b c", POSITIVE, "proved"),
        ("(a + b)(b + c)(c + a) > 8 a b c", POSITIVE, "refuted"),
        ("a/(b + c) + b/(c + a) + c/(a + b) >= 3/2", POSITIVE, "proved"),  # Nesbitt
        ("a/(b + c) + b/(c + a) + c/(a + b) >= 2", POSITIVE, "refuted"),
        ("(a + b + c)(1/a + 1/b + 1/c) >= 9", POSITIVE, "proved"),
        ("(a + b + c)(1/a + 1/b + 1/c) >= 10", POSITIVE, "refuted"),
        ("a/b + b/c + c/a >= 3", POSITIVE, "proved"),
        ("a^2/b + b^2/c + c^2/a >= a + b + c", POSITIVE, "proved"),
        ("a + b + c >= 3", POSITIVE, "refuted"),
    ],
)
def test_positive_variable_inequalities(cell: str, assume: str, status: str) -> None:
    step = check_proof(cell, CheckOptions(assume=(assume,))).steps[0]
    assert step.status == status, (step.status, step.method, step.message)
    if status == "proved":
        assert step.method.startswith("am-gm")
