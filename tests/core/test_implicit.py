"""Implicit differentiation: a line that differentiates the previous one is a claim about
every y on the previous line's curve, proved by the slopes that line forces and refuted at a
rational point of the curve (re-checked here by hand: on the curve, y' from differentiating)."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, StepResult

x, Y, Y1, Y2 = sp.symbols("x Y Y1 Y2")


def _steps(cell: str) -> list[StepResult]:
    return list(check_proof(cell, CheckOptions(assume=("y function",), timeout=20)).steps)


@pytest.mark.parametrize("cell", [
    "x^2 + y(x)^2 = 25 ==> 2x + 2 y(x) y'(x) = 0",
    "x^2 + y(x)^2 = 25 ==> y'(x) = -x/y(x)",
    "x y(x) = 1 ==> y'(x) = -1/x^2",
    "x^2 + y(x)^2 = 25 ==> y''(x) = -25/y(x)^3",
    "x^3 + y(x)^3 = 6 x y(x) ==> 3x^2 + 3y(x)^2 y'(x) = 6 y(x) + 6 x y'(x)",
    "y(x)^2 = x^3 + 1 ==> 2 y(x) y'(x) = 3x^2",
    "2x + 2 y(x) y'(x) = 0 <== x^2 + y(x)^2 = 25",
])
def test_differentiating_the_previous_line_is_proved(cell: str) -> None:
    (step,) = _steps(cell)
    assert (step.status, step.method) == ("proved", "implicit differentiation")


@pytest.mark.parametrize(("cell", "curve", "claim"), [
    ("x^2 + y(x)^2 = 25 ==> 2x + y(x) y'(x) = 0", X2 := x**2 + Y**2 - 25, 2 * x + Y * Y1),
    ("x^2 + y(x)^2 = 25 ==> y'(x) = x/y(x)", X2, Y1 - x / Y),
    ("x y(x) = 1 ==> y'(x) = 1/x^2", x * Y - 1, Y1 - 1 / x**2),
    ("x^2 + y(x)^2 = 25 ==> y''(x) = 25/y(x)^3", X2, Y2 - 25 / Y**3),
    ("x^3 + y(x)^3 = 6 x y(x) ==> 3x^2 + 3y(x)^2 y'(x) = 6 y(x) + 3 x y'(x)",
     x**3 + Y**3 - 6 * x * Y, 3 * x**2 + 3 * Y**2 * Y1 - 6 * Y - 3 * x * Y1),
])
def test_a_wrong_derivative_is_refuted_at_a_point_of_the_curve(
    cell: str, curve: sp.Expr, claim: sp.Expr
) -> None:
    (step,) = _steps(cell)
    assert step.status == "refuted" and step.counterexample is not None
    values = dict(step.counterexample.point)
    at = {x: sp.Rational(values["x"]), Y: sp.Rational(values["y(x)"])}
    assert curve.subs(at) == 0 and sp.diff(curve, Y).subs(at) != 0  # a regular point
    # y' (and y'') are what differentiating F(x, y(x)) = 0 forces there
    t = sp.Symbol("t")
    y = sp.Function("y")(t)
    f = curve.subs({x: t, Y: y})
    slope = sp.solve(sp.diff(f, t), sp.Derivative(y, t))[0]
    at[Y1] = slope.subs(y, at[Y]).subs(t, at[x])
    assert sp.Rational(values["y'(x)"]) == at[Y1]
    if "y''(x)" in values:
        second = sp.diff(f, t, 2).subs(sp.Derivative(y, (t, 2)), Y2)
        bend = sp.solve(second.subs(sp.Derivative(y, t), slope), Y2)[0]
        at[Y2] = bend.subs(y, at[Y]).subs(t, at[x])
        assert sp.Rational(values["y''(x)"]) == at[Y2]
    assert claim.subs(at) != 0


def test_the_way_back_is_not_claimed() -> None:
    (step,) = _steps("x^2 + y(x)^2 = 25 <=> 2x + 2 y(x) y'(x) = 0")
    assert step.status == "unknown" and "write ==>" in step.message


def test_later_lines_of_the_chain_are_read_on_its_curve() -> None:
    good = _steps("x^2 + y(x)^2 = 25\n==> 2x + 2 y(x) y'(x) = 0\n<=> y'(x) = -x/y(x)")
    assert [s.status for s in good] == ["proved", "proved"]
    bad = _steps("x^2 + y(x)^2 = 25\n==> 2x + 2 y(x) y'(x) = 0\n==> y'(x) = x/y(x)")
    assert [s.status for s in bad] == ["proved", "refuted"]
    assert bad[1].counterexample is not None
    assert "the chain's first line" in bad[1].counterexample.text


def test_a_line_without_derivatives_is_still_read_value_by_value() -> None:
    (step,) = _steps("x^2 + y(x)^2 = 25 ==> x^2 + y(x)^2 - 25 = 0")
    assert step.status == "proved" and step.method != "implicit differentiation"


def _cell(text: str) -> list[tuple[str, str]]:
    return [(s.relation, s.status) for s in check_proof(text, CheckOptions(timeout=20)).steps]


def test_a_cell_that_differentiates_a_letter_reads_it_as_a_function_of_x() -> None:
    # No declaration: dy/dx after an equation in x and y makes y a function of x, and the
    # line that differentiates is linked by ==>, not <=>.
    assert _cell("x^2 + y^2 = 25\n2x + 2y dy/dx = 0\ndy/dx = -x/y") \
        == [("==>", "proved"), ("<=>", "proved")]
    assert _cell("x^2 + y^2 = 25\n2x + 2y \\frac{dy}{dx} = 0\n\\frac{dy}{dx} = \\frac{x}{y}") \
        == [("==>", "proved"), ("<=>", "refuted")]
    assert _cell("x^2 + y^2 = 25 ==> 2x + 2y y' = 0") == [("==>", "proved")]
    assert _cell("x^3 + y^3 = 6xy\n3x^2 + 3y^2 y' = 6y + 6x y'\ny'(3y^2 - 6x) = 6y - 3x^2\n"
                 "y' = (2y - x^2)/(y^2 - 2x)") == [("==>", "proved"), ("<=>", "proved"),
                                                    ("<=>", "proved")]
    assert _cell("x^3 + y^3 = 6xy\n3x^2 + 3y^2 y' = 6y + 3x y'")[0][1] == "refuted"


def test_a_curve_and_a_lone_derivative_keep_their_meaning() -> None:
    assert _cell("y = x^3 - 3x\ndy/dx = 3x^2 - 3") == [("=", "proved")]  # a defined curve
    assert _cell("y = x^3 - 3x\ndy/dx = 3x^2 - 1")[0][1] == "refuted"
    (step,) = check_proof("dy/dx = 2x", CheckOptions()).steps  # nothing to differentiate
    assert step.status == "error"


def test_a_bracket_after_the_letter_is_a_product_in_the_implicit_reading() -> None:
    assert _cell("x^2 + y^2 = 25\n2x + 2y (dy/dx) = 0") == [("==>", "proved")]
    (step,) = check_proof("x^2 + y^2 = 25\n2x + 2y (dy/dx)^(10^9) = 0", CheckOptions()).steps
    assert step.status == "error" and "too large" in step.message


def test_the_function_letter_is_shown_as_one_factor() -> None:
    steps = check_proof("x^2 + y^2 = 25\n2x + 2y dy/dx = 0\ndy/dx = -x/y", CheckOptions()).steps
    # Shown as written (round 34): y, not the y(x) it is read as, and never x/y times (x).
    assert steps[-1].rhs_latex == "\\frac{dy}{dx} = -\\frac{x}{y}"
    assert steps[-1].lhs_latex == "2 x + 2 y \\frac{dy}{dx} = 0"  # not \\frac{2 y dy}{dx}
