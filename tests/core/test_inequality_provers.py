"""Inequality steps a student proves (AM-GM, e^x >= 1 + x, triangle inequality, sin x <= x):
proved by sign of factors, square substitution, absolute-value cases or monotonicity.

The near-misses go two ways: through the whole checker (refuted, witness re-checked) and
straight into the provers, which must never claim a false inequality (they run after the
numeric tier, so here nothing else stands between them and a false ``proved``).
"""

from __future__ import annotations

import time

import pytest
import sympy as sp
from test_gaps import run

from proofnb.core.check import check_proof
from proofnb.core.inequality import prove_nonnegative
from proofnb.core.model import CheckOptions

#: (cell, assume, method) — true steps, proved.
PROVED = [
    ("a^2 + b^2 >= 2ab", (), ""),
    ("x^2 + x y + y^2 >= 0", (), "factor-signs"),
    ("a^2 + b^2 + c^2 >= ab + bc + ca", (), "factor-signs"),
    ("x^4 + y^4 >= x^3 y + x y^3", (), "factor-signs"),
    ("(a + b)/2 >= sqrt(a b)", ("a > 0, b > 0",), "square-substitution"),
    ("\\frac{a + b}{2} \\ge \\sqrt{ab}", ("a >= 0, b >= 0",), "square-substitution"),
    ("|a + b| <= |a| + |b|", (), "abs-cases"),
    ("\\left|a + b\\right| \\le \\left|a\\right| + \\left|b\\right|", (), "abs-cases"),
    ("|a - b| >= |a| - |b|", (), "abs-cases"),
    ("|x| >= x", (), "abs-cases"),
    ("e^x >= 1 + x", (), "monotonicity"),
    ("e^{x} \\geq 1 + x", (), "monotonicity"),
    ("e^x >= 1 + x + x^2/2", ("x >= 0",), "monotonicity"),
    ("ln(x) <= x - 1", (), "monotonicity"),
    ("sin(x) <= x", ("x >= 0",), "monotonicity"),
    ("sin(x) < x", ("x > 0",), "monotonicity"),
    ("cos(x) >= 1 - x^2/2", (), "monotonicity"),
    ("sin(x) >= x - x^3/6", ("x >= 0",), "monotonicity"),
    ("ln(1 + x) >= x - x^2/2", ("x >= 0",), "monotonicity"),
]


@pytest.mark.parametrize(("cell", "assume", "method"), PROVED, ids=[c[0] for c in PROVED])
def test_true_inequality_is_proved(cell: str, assume: tuple[str, ...], method: str) -> None:
    result = run(cell, assume)
    assert result.status == "proved", f"{result.status}/{result.method}: {result.message}"
    if method:
        assert result.method == method


#: (cell, assume) — false near-misses, refuted with a re-checked witness.
REFUTED = [
    ("a^2 + b^2 > 2ab", ()),
    ("x + 1/x >= 2", ()),
    ("x + 1/x > 2", ("x > 0",)),
    ("e^x > 1 + x", ()),
    ("e^x >= 1 + x + x^2/2", ()),
    ("sin(x) <= x", ()),
    ("sin(x) >= x", ("x >= 0",)),
    ("|a + b| = |a| + |b|", ()),
    ("|a - b| <= |a| - |b|", ()),
    ("a^3 + b^3 >= a^2 b + a b^2", ()),
    ("x(1 - x) < 1/4", ()),
    ("2^x >= x + 1", ()),
]


@pytest.mark.parametrize(("cell", "assume"), REFUTED, ids=[c[0] for c in REFUTED])
def test_false_inequality_is_refuted(cell: str, assume: tuple[str, ...]) -> None:
    result = run(cell, assume)
    assert result.status == "refuted", f"{result.status}/{result.method}: {result.message}"


x, a, b = sp.symbols("x a b")
_R, _POS = sp.S.Reals, sp.Interval.open(0, sp.oo)
_EPS = sp.Rational(1, 1000)

#: (difference claimed >= 0, region, strict) — all false, some only on a sliver.
FALSE_DIFFERENCES = [
    (sp.exp(x) - 1 - x - x**2 / 2, _R, False),
    (x - sp.sin(x), _R, False),
    (sp.cos(x) - 1 + x**2 / 2 - x**4 / 24, _R, False),
    (x - 1 - sp.log(x) - _EPS, _POS, False),
    (sp.log(x) - 1 + 1 / x - _EPS, _POS, False),
    (sp.exp(x) - sp.E * x - _EPS, _R, False),
    (1 / x, _R, False),
    (-1 / x**2, _R, False),
    (sp.tan(x) - x, sp.Interval(0, 2), False),
    (sp.exp(x) - x**3, _POS, False),
    (sp.sin(x) - x + x**3 / 6 - x**5 / 120, sp.Interval(0, sp.oo), False),
    (x * sp.exp(-x) - sp.Rational(36, 100), _POS, False),
    (x * sp.log(x) + sp.Rational(36, 100), _POS, False),
    (sp.exp(x) - 1 - x, _R, True),
    (x - sp.sin(x), sp.Interval(0, sp.oo), True),
    (a**2 + b**2 - sp.Rational(201, 100) * a * b, None, False),
    (sp.Abs(a + b) - sp.Abs(a) - sp.Abs(b), None, False),
    (sp.Abs(a) + sp.Abs(b) - sp.Abs(a + b) - _EPS, None, False),
    (x**3 - x, None, False),
]


@pytest.mark.parametrize(("diff", "region", "strict"), FALSE_DIFFERENCES,
                         ids=[str(d) for d, _, _ in FALSE_DIFFERENCES])
def test_provers_never_claim_a_false_inequality(diff: sp.Expr, region: sp.Set | None,
                                                strict: bool) -> None:
    assert prove_nonnegative(diff, strict, region, time.monotonic() + 10) is None


def test_provers_find_true_minimum_above_zero() -> None:
    # min of e^x - e x is 0 at x = 1; min of x ln x is -1/e > -0.37
    deadline = time.monotonic() + 10
    assert prove_nonnegative(sp.exp(x) - sp.E * x, False, _R, deadline) == "monotonicity"
    assert prove_nonnegative(x * sp.log(x) + sp.Rational(37, 100), False, _POS,
                             deadline) == "monotonicity"
    assert prove_nonnegative(sp.log(x) - 1 + 1 / x, False, _POS, deadline) == "monotonicity"


#: One real variable under |.| or sign (and real odd roots): x = t, x = -t and x = 0.
SIGN_CASES = [
    ("\\sqrt[3]{x^6} = x^2", "proved"),
    ("\\sqrt[3]{x^3} = x", "proved"),
    ("\\sqrt[3]{x} \\cdot \\sqrt[3]{x^2} = x", "proved"),
    ("log(x^4) = 4 log(|x|)", "proved"),
    ("diff(abs(x), x) = x/abs(x)", "proved"),
    ("d/dx ln|x| = 1/x", "proved"),
    ("\\ln\\left|x\\right| = \\frac{1}{2}\\ln\\left(x^2\\right)", "proved"),
    ("\\sqrt[3]{x^6} = x^3", "refuted"),
    ("\\sqrt[3]{x^3} = |x|", "refuted"),
    ("|x|^3 = x^3", "refuted"),
    ("log(x^4) = 4 log(x)", "refuted"),
]


@pytest.mark.parametrize(("cell", "status"), SIGN_CASES, ids=[c for c, _ in SIGN_CASES])
def test_sign_cases(cell: str, status: str) -> None:
    result = run(cell)
    assert result.status == status, f"{result.status}/{result.method}: {result.message}"


@pytest.mark.parametrize("text", [
    "||x| - |y|| <= |x - y|",
    "||x| - 1| <= |x - 1|",
    "|x| + |x - 1| >= 1",
    "|x - 1| + |x - 3| >= 2",
    "|a + b + c| <= |a| + |b| + |c|",
])
def test_nested_absolute_values_and_empty_pieces_are_proved_by_cases(text: str) -> None:
    step = check_proof(text, CheckOptions()).steps[0]
    assert (step.status, step.method) == ("proved", "abs-cases")


@pytest.mark.parametrize(("text", "left", "right"), [
    ("|x| + |x - 1| >= 2", "Abs(x) + Abs(x - 1)", "2"),
    ("||x| - |y|| <= |x| - |y|", "Abs(Abs(x) - Abs(y))", "Abs(x) - Abs(y)"),
])
def test_their_false_neighbours_are_refuted(text: str, left: str, right: str) -> None:
    step = check_proof(text, CheckOptions()).steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    point = {k: sp.Rational(v) for k, v in step.counterexample.point}
    lhs, rhs = sp.sympify(left).subs(point), sp.sympify(right).subs(point)
    assert not (lhs >= rhs if ">=" in text else lhs <= rhs)


def test_cube_roots_are_removed_by_the_root_substitution() -> None:
    step = check_proof("(a+b+c)/3 >= (abc)^(1/3)",
                       CheckOptions(assume=("a > 0, b > 0, c > 0",))).steps[0]
    assert (step.status, step.method) == ("proved", "root-substitution")
    wrong = check_proof("a + b >= 2 (ab)^(1/3)", CheckOptions(assume=("a > 0, b > 0",))).steps[0]
    assert wrong.status == "refuted" and wrong.counterexample is not None
    point = {k: sp.Rational(v) for k, v in wrong.counterexample.point}
    a, b = point["a"], point["b"]
    assert (a + b - 2 * sp.cbrt(a * b)).evalf(50) < 0


@pytest.mark.parametrize("assume", ["a > 0", "a >= 0"])
def test_a_sign_assumption_stays_a_constraint_of_the_linear_program(assume: str) -> None:
    # a >= 0 for a positive a evaluates to True: the LP must still see it.
    step = check_proof("|a + b| <= a + |b|", CheckOptions(assume=(assume,))).steps[0]
    assert (step.status, step.method) == ("proved", "abs-cases")
