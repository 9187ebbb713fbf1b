"""Round 46: findings of a differential fuzz of expression steps (=, <, <=, >, >=) against an
independent ground truth (SymPy trees of the generated strings, evaluated with mpmath).

Each refutation's witness is re-checked here with mpmath at high precision, independently of
the checker's own evaluation."""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

Side = Callable[[mpmath.mpf], mpmath.mpf]
_TEN = mpmath.mpf(10)


def _refuted_at(cell: str, lhs: Side, rhs: Side, dps: int = 2500) -> None:
    """The step is refuted, and at its witness the sides really break the relation."""
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "refuted", step
    assert step.counterexample is not None
    with mpmath.workdps(dps):
        values = {}
        for name, value in step.counterexample.point:
            exact = sp.Rational(value)
            values[name] = mpmath.mpf(exact.p) / exact.q
        point = next(iter(values.values()), mpmath.mpf(0))  # one letter (or none)
        gap = lhs(point) - rhs(point)
        if step.relation == "=":
            assert gap != 0
        elif step.relation in (">=", ">"):
            assert gap < 0 or (step.relation == ">" and gap == 0)
        else:
            assert gap > 0 or (step.relation == "<" and gap == 0)


# -- constants beyond 10^60: every point was 'uncertain', so the step stayed 'unknown' ---------

@pytest.mark.parametrize(("cell", "lhs", "rhs"), [
    ("x + 10^100 = x", lambda v: v + _TEN ** 100, lambda v: v),
    ("2^200 x = 2 x", lambda v: mpmath.mpf(2) ** 200 * v, lambda v: 2 * v),
    ("3 x - 1 = 3 x - 1 - 1/10^100", lambda v: 3 * v - 1, lambda v: 3 * v - 1 - _TEN ** -100),
    (r"\frac{x}{5x - 2} = \frac{x}{5x - 2} - \frac{1}{10^{100}}",
     lambda v: v / (5 * v - 2), lambda v: v / (5 * v - 2) - _TEN ** -100),
])
def test_big_constants_are_evaluated(cell: str, lhs: Side, rhs: Side) -> None:
    _refuted_at(cell, lhs, rhs)


# -- differences below 1e-200: evalf's default working precision gave up ---------------------

@pytest.mark.parametrize(("cell", "lhs", "rhs"), [
    ("cos(x*10^(-100)) = 1", lambda v: mpmath.cos(v * _TEN ** -100), lambda v: 1),
    ("cos(x/10^100) = 1", lambda v: mpmath.cos(v / _TEN ** 100), lambda v: 1),
    ("e^(10^(-150) x) >= 1", lambda v: mpmath.exp(v * _TEN ** -150), lambda v: 1),
    ("exp(x*10^(-150)) = 1", lambda v: mpmath.exp(v * _TEN ** -150), lambda v: 1),
    ("cos(10^(-600)) = 1", lambda v: mpmath.cos(_TEN ** -600), lambda v: 1),
])
def test_tiny_differences_are_refuted_not_likely(cell: str, lhs: Side, rhs: Side) -> None:
    _refuted_at(cell, lhs, rhs)


@pytest.mark.parametrize("cell", [
    "cos(x*10^(-100))^2 + sin(x*10^(-100))^2 = 1",
    "cos(x*10^(-100)) <= 1",
    "(x^2 + 1)^400 = (x^2 + 1)^399 (x^2 + 1)",
    "x^400 + 1 > x^400",
])
def test_true_steps_with_extreme_constants_stay_proved(cell: str) -> None:
    assert check_proof(cell, CheckOptions()).steps[0].status == "proved"


# -- crashes: a SymPy failure inside a prover was 'unknown (internal)' ------------------------

def test_a_critical_point_search_that_sympy_cannot_start_is_no_crash() -> None:
    # e exp(x) - exp(x + 1) + 18 is the constant 18: solveset's Poly of it had no generator.
    # The step fails where (3x + 1)^2 = 0.
    _refuted_at("9*x^2 + 6 x + e exp(x) + 1 > e^(x + 1)",
                lambda v: 9 * v**2 + 6 * v + mpmath.e * mpmath.exp(v) + 1,
                lambda v: mpmath.exp(v + 1), dps=60)
    step = check_proof("x^2 + e exp(x) + 1 > e^(x + 1)", CheckOptions()).steps[0]
    assert step.status == "proved", step


def test_a_rewrite_that_overflows_is_no_crash() -> None:
    scale = 10**60
    cell = (r"1 + \tan^{2}\left(y\right) = \frac{1}{(\cos((" + str(scale + 1) + " y)/"
            + str(scale) + r"))^{2}}")
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.method != "internal", step
    assert step.status == "refuted", step
    _refuted_at(cell, lambda v: 1 + mpmath.tan(v) ** 2,
                lambda v: 1 / mpmath.cos(v * (scale + 1) / scale) ** 2, dps=300)


# -- a difference below agreement at a point past the first few: was 'likely' -----------------

def test_points_that_only_agreed_to_working_precision_are_looked_at_again() -> None:
    # holds for small x; from x ≈ 9.6 on e^(-(x + 2)^2) < 10^-60 x, and both sides agree to
    # about 1e-59 there, which the probes count as agreement.
    scale = 10**60
    cell = ("x - 2 + exp(-(x + 2)^2) > (" + str(scale + 1) + "x)/" + str(scale) + " - 2")
    _refuted_at(cell, lambda v: v - 2 + mpmath.exp(-(v + 2) ** 2),
                lambda v: (scale + 1) * v / scale - 2, dps=300)


def test_the_sample_search_runs_after_a_prover_overran_its_deadline() -> None:
    # The quick points 0, ±1, ±2, 1/2 hold; the inequality prover's solveset calls ran past
    # the soft deadline and the 28-point search was skipped: 'unknown', 0 points evaluated.
    # It fails at x = 3 (25 against 25/4 + sqrt(10)).
    cell = "(x + 2)^2/((x - 4)^2) < (((x + 2))/((x - 5)))^2 + sqrt(x^2 + 1)"
    step = check_proof(cell, CheckOptions(timeout=2)).steps[0]
    assert step.status == "refuted", step
    assert step.counterexample is not None
    (name, value), = step.counterexample.point
    v = sp.Rational(value)
    lhs = (v + 2) ** 2 / (v - 4) ** 2
    rhs = ((v + 2) / (v - 5)) ** 2 + sp.sqrt(v**2 + 1)
    assert sp.N(lhs - rhs, 50) >= 0


def test_a_tiny_difference_is_looked_for_after_provers_overran() -> None:
    # rewrite(exp) of sin((10^100 + 1) t/10^100) made a polynomial of degree 10^100 (a hang);
    # without it the provers still use up the soft deadline, and the tiny-difference probe was
    # skipped: 'likely'. tan t and tan((1 + 10^-100) t) differ by about 10^-100 t sec^2 t.
    scale = 10**100
    arg = "((" + str(scale + 1) + " t)/" + str(scale) + ")"
    step = check_proof("tan t = sin" + arg + "/cos" + arg, CheckOptions()).steps[0]
    assert step.status == "refuted", step
    _refuted_at("tan t = sin" + arg + "/cos" + arg, mpmath.tan,
                lambda v: mpmath.tan(v * (scale + 1) / scale), dps=400)
