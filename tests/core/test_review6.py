"""Review 6 regressions: definition lines (f(x) = ...) are bounded and sound like typed maths."""

from __future__ import annotations

import random
import time

import pytest
import sympy as sp

from proofnb.core.amgm import amgm_nonnegative
from proofnb.core.cell import parse_cell
from proofnb.core.check import check_proof
from proofnb.core.linear import linear_root
from proofnb.core.lp import MAX_WORK, nonnegative_solution
from proofnb.core.model import CheckOptions


def _steps(cell: str, *assume: str) -> list[tuple[str, str]]:
    result = check_proof(cell, CheckOptions(assume=assume))
    return [(s.status, s.counterexample.text if s.counterexample else s.message)
            for s in result.steps]


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        # Substituting into a definition evaluates: bounded as if typed (was a hang).
        ("f(x) = x!\nf(f(10)) = 1", "factorial of 3628800"),
        ("f(x) = x^x\nf(f(f(9))) = 1", "would have more than"),
        ("f(x) = x^1000\nf(f(2)) = 1", "would have more than"),
        ("f(x) = gamma(x)\nf(f(8)) = 1", "too large"),
        ("f(n) = product(k, (k, 1, n))\nf(10^9) = 1", "product over"),
        # Derivative order of a defined function is bounded like d^n/dx^n (was a hang).
        ("f(x) = x^999 e^x sin(x)\nf" + "'" * 150 + "(0) = 1", "order 150"),
    ],
)
def test_definition_substitution_is_bounded(cell: str, words: str) -> None:
    [(status, message)] = _steps(cell)
    assert status == "error"
    assert words in message


def test_composed_definitions_within_bounds_still_evaluate() -> None:
    assert _steps("f(x) = x^2\ng(x) = f(f(f(f(f(f(x))))))\ng(2) = 2^64") == [("proved", "")]
    assert _steps("f(x) = x^2\ng(x) = f(f(f(x)))\ng(2) = 2^9")[0][0] == "refuted"


@pytest.mark.parametrize(
    "cell",
    [
        # SymPy says d/dx arg(x) = 0 everywhere: arg jumps at 0, so f'(0) = 0 was proved.
        "f(x) = arg(x)\nf'(0) = 0",
        # d/dx atan2(x, -1) = -1/(1 + x^2) ignores the jump from -pi to pi at 0.
        "f(x) = atan2(x, -1)\nf'(0) = -1",
        "f(x) = mod(x, 2)\nf'(2) = 1",
        "f(x) = zeta(x)\nf'(2) = 1",  # no formula: was 'the checker failed'
    ],
)
def test_derivative_of_a_definition_with_a_jump_is_refused(cell: str) -> None:
    [(status, message)] = _steps(cell)
    assert status == "error"
    assert "f'" in message


@pytest.mark.parametrize(("cell", "status"), [
    ("f(x) = atan(x)\nf'(0) = 1", "proved"),
    ("f(x) = atan(x)\nf'(0) = -1", "refuted"),
])
def test_derivative_of_a_smooth_definition_is_decided(cell: str, status: str) -> None:
    assert _steps(cell)[0][0] == status


def _amgm_hard_case() -> tuple[sp.Expr, list[sp.Symbol]]:
    """20 positive and 20 negative monomials in six letters with no certificate: the phase-one
    search took 4 s (250 pivots on a 160 x 580 tableau)."""
    letters = list(sp.symbols("a b c d e f", positive=True))
    rng = random.Random(1)
    pos: list[sp.Expr] = []
    neg: list[sp.Expr] = []
    while len(pos) < 20 or len(neg) < 20:
        term = sp.Mul(*[s ** rng.randint(0, 2) for s in letters])
        if term in pos or term in neg:
            continue
        (pos if len(pos) < 20 else neg).append(term)
    return sp.expand(3 * sp.Add(*pos) - sp.Add(*neg)), letters


def test_a_large_amgm_system_stops_at_the_work_budget() -> None:
    poly, letters = _amgm_hard_case()
    started = time.perf_counter()
    assert amgm_nonnegative(poly, letters, strict=False) is False
    # The budget is a count of tableau updates (about 0.3 s here), not a clock: 4 s before.
    # A hang guard only (a loaded CI machine is slow): the count is what bounds the work.
    assert time.perf_counter() - started < 20


def test_a_tableau_past_the_budget_is_not_built() -> None:
    size = 1200  # 10^6-entry systems: answered at once with "no proof", not built
    identity = [([int(i == j) for j in range(size)], 1) for i in range(size)]
    assert size * 2 * size > MAX_WORK
    assert nonnegative_solution((), identity, size) is None
    small = identity[:3]
    assert nonnegative_solution((), [(row[:3], rhs) for row, rhs in small], 3) == [1, 1, 1]


def test_linear_root_needs_a_slope_known_to_be_nonzero() -> None:
    x, y = sp.symbols("x y", real=True)
    assert linear_root(2 * x - y + 1, x) == y / 2 - sp.Rational(1, 2)
    assert linear_root(sp.sqrt(2) * x - 1, x) == sp.sqrt(2) / 2
    # A number that is 0 but not written as 0: dividing by it gave a root that does not exist.
    zero = sp.sin(1) ** 2 + sp.cos(1) ** 2 - 1
    assert linear_root(zero * x + y, x) is None


def test_many_lines_that_may_define_a_curve_parse_in_linear_time() -> None:
    # Each "y = x" line looked for a derivative of y in every line below it: 8000 lines
    # (48 KB, under the cell limit) took 74 s in the kernel before any worker time limit.
    text = "\n".join(["y = x"] * 16000)
    started = time.perf_counter()
    cell = parse_cell(text)
    assert time.perf_counter() - started < 15
    assert len(cell.steps) == 15999


def test_a_curve_is_still_defined_by_a_later_derivative() -> None:
    assert _steps("y = x^3\n# the slope\ndy/dx = 3x^2") == [("proved", "")]
    assert _steps("y = x^3\n# the slope\ndy/dx = 2x^2")[0][0] == "refuted"


@pytest.mark.parametrize(("cell", "status"), [
    # x |x| is differentiable at 0 (derivative 2|x|): x = 0 solves f'(x) = 0. Reading every
    # kink as undefined refuted this true step with "x = 0 satisfies this line but not ...".
    ("f(x) = x |x|\nf'(x) = 0 <=> x = 0", "proved"),
    ("f(x) = x |x|\nf'(x) = 0 <=> x = 1", "refuted"),
    ("d/dx (x |x|) = 0 <=> x = 0", "proved"),
    ("d/dx (x |x|) = 0 <=> x = 1", "refuted"),
    ("f(x) = (x^2 - 1)|x^2 - 1|\nf'(x) = 0 <=> x = 0 or x = 1 or x = -1", "proved"),
    # |x| is not differentiable at 0: x = 0 is no solution, never a witness of agreement.
    ("f(x) = |x|\nf'(x) = 0 <=> x = 0", "refuted"),
    ("d/dx |x| = 0 <=> x = 0", "refuted"),
    ("f(x) = x^2 |x|\nf''(0) = 0", "proved"),
    ("f(x) = x^2 |x|\nf''(0) = 1", "refuted"),
    ("f(x) = x |x|\nf''(1) = 2", "proved"),
    ("f(x) = x |x|\nf''(0) = 0", "unknown"),  # f' = 2|x| has a kink at 0: no f''(0)
])
def test_a_kink_where_the_derivative_exists_is_no_hole(cell: str, status: str) -> None:
    assert _steps(cell)[0][0] == status


def test_a_second_derivative_past_a_kink_is_refused() -> None:
    # u/|u| does not stay undefined under differentiation: f''(0) of |x| came out 0 (proved).
    [(status, message)] = _steps("f(x) = |x|\nf''(0) = 0")
    assert status == "error"
    assert "kink" in message
