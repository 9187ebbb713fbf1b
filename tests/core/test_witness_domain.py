"""A refutation's witness lies where the step, as written, is defined: ``d/dx ln x`` is 1/x
after evaluation, defined at -1, but the line speaks only of x > 0."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

x = sp.Symbol("x", real=True)


@pytest.mark.parametrize(("cell", "written", "claimed"), [
    ("d/dx ln x = 1/x^2", sp.log(x), x ** -2),
    ("diff(log(x), x) = 1/x^2", sp.log(x), x ** -2),
    ("d/dx asin(x) = 1/sqrt(1 + x^2)", sp.asin(x), 1 / sp.sqrt(1 + x ** 2)),
    ("d/dx (x ln x) = ln(x)", x * sp.log(x), sp.log(x)),
])
def test_witness_lies_in_the_written_domain(cell: str, written: sp.Expr,
                                            claimed: sp.Expr) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "refuted"
    assert step.counterexample is not None
    (name, value), = step.counterexample.point
    assert name == "x"
    at = sp.Rational(value)
    # Independently: the function is real near the point, and its derivative there differs
    # from the claimed right side.
    for near in (at - sp.Rational(1, 100), at, at + sp.Rational(1, 100)):
        assert written.subs(x, near).evalf(30).is_real
    derivative = sp.diff(written, x).subs(x, at)
    assert abs(sp.N(derivative - claimed.subs(x, at), 30)) > sp.Rational(1, 10 ** 6)


@pytest.mark.parametrize("cell", ["d/dx ln(x) = 1/x", "d/dx ln|x| = 1/x",
                                  "d/dx (x ln x) = ln(x) + 1"])
def test_true_derivatives_stay_proved(cell: str) -> None:
    assert check_proof(cell, CheckOptions()).steps[0].status == "proved"


def test_a_half_line_outside_the_real_domain_needs_no_case() -> None:
    # x^(1/3) is the principal root: real only for x >= 0, where it is the real cube root
    assert check_proof("x^(1/3) = cbrt(x)", CheckOptions()).steps[0].status == "proved"
    wrong = check_proof("x^(1/3) = -cbrt(x)", CheckOptions()).steps[0]
    assert wrong.status == "refuted" and wrong.counterexample is not None
    assert dict(wrong.counterexample.point)["x"] == "1"
    # the other way round the right side is undefined where the left is defined
    back = check_proof("cbrt(x) = x^(1/3)", CheckOptions()).steps[0]
    assert back.status == "refuted" and dict(back.counterexample.point)["x"] == "-1"
