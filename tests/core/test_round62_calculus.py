"""Probe round 62: first-year calculus cells as teachers and students write them
(logarithmic differentiation, evaluation bars, little-o, Taylor polynomials)."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(cell: str) -> list[tuple[int, str, str]]:
    result = check_proof(cell, CheckOptions(assume=()))
    return [(s.line, s.status, s.counterexample.text if s.counterexample else s.message)
            for s in result.steps]


def _point(cell: str, line: int) -> dict[str, sp.Expr]:
    result = check_proof(cell, CheckOptions(assume=()))
    step = next(s for s in result.steps if s.line == line and s.status == "refuted")
    assert step.counterexample is not None
    return {name: sp.Rational(value) for name, value in step.counterexample.point}


def test_log_differentiation_lines_follow_from_the_curve() -> None:
    # y = x^x with y' below: ln y = x ln x follows from y = x^x (was refuted at a point
    # off the curve, x = 1, y = 1/3)
    cell = "assume x > 0\ny = x^x\n\\ln y = x \\ln x\n\\frac{y'}{y} = \\ln x + 1"
    assert [s[1] for s in _steps(cell)] == ["proved", "proved"]
    wrong = "assume x > 0\ny = x^x\n\\ln y = 2 x \\ln x\n\\frac{y'}{y} = \\ln x + 1"
    steps = _steps(wrong)
    assert [s[1] for s in steps] == ["refuted", "proved"], steps
    x = _point(wrong, 3)["x"]
    assert x > 0 and sp.log(x**x) != 2 * x * sp.log(x)
    assert set(_point(wrong, 3)) == {"x"}  # a point of the curve: y is x^x there


def test_a_curve_letter_after_its_slope_stays_a_letter() -> None:
    # without a derivative line below, y = x^x, ln y = x ln x is an equivalence (unchanged)
    steps = _steps("assume x > 0\ny = x^x\n\\ln y = x \\ln x")
    assert steps[0][1] in ("proved", "likely"), steps


@pytest.mark.parametrize(("cell", "statuses"), [
    # evaluation bars without \left.: F\Big|_a^b, \bigg|, \Bigg|, \biggr|, \Big\vert, |, \right|
    ("\\int_0^1 x^2 dx = \\frac{x^3}{3}\\Big|_0^1 = \\frac13", ["proved", "proved"]),
    ("\\int_1^2 \\frac{1}{x}\\,dx = \\ln x\\Big|_1^2 = \\ln 2 - 1", ["proved", "refuted"]),
    ("\\int_0^{\\pi/2}\\cos x\\,dx = \\sin x\\bigg|_0^{\\pi/2} = 1", ["proved", "proved"]),
    ("\\int_0^1 (2x+1)\\,dx = \\left(x^2 + x\\right)\\Bigg|_0^1 = 2", ["proved", "proved"]),
    ("\\int_0^1 3x^2\\,dx = x^3\\biggr|_0^1 = 1", ["proved", "proved"]),
    ("\\int_0^1 3x^2\\,dx = x^3\\Big\\vert_0^1 = 3", ["proved", "refuted"]),
    ("\\int_0^1 4x^3\\,dx = x^4 |_0^1 = 1", ["proved", "proved"]),
    ("\\int_0^1 4x^3\\,dx = x^4 \\right|_0^1 = 1", ["proved", "proved"]),
    ("\\int_1^2 \\frac{1}{x} dx = \\ln|x| \\Big|_1^2 = \\ln 2", ["proved", "proved"]),
    ("\\int_0^{\\pi} \\sin x dx = -\\cos x \\Big|_0^{\\pi} = 2", ["proved", "proved"]),
    ("\\int_0^1 x e^x dx = x e^x\\Big|_0^1 - \\int_0^1 e^x dx = e - (e - 1)",
     ["proved", "proved"]),
])
def test_evaluation_bar_without_left_dot(cell: str, statuses: list[str]) -> None:
    steps = _steps(cell)
    assert [s[1] for s in steps] == statuses, steps
    for _, status, text in steps:
        if status == "refuted":  # the witness is the two values: re-check them
            left, right = text.split("left side ")[1].split(", right side ")
            assert sp.sympify(left.split(" ≈")[0].replace("^", "**")) != sp.sympify(
                right.split(" ≈")[0].replace("^", "**"))


def test_evaluation_bar_after_a_sum_is_an_error_that_says_what_to_write() -> None:
    steps = _steps("\\int_0^1 e^x dx = e - e^x\\Big|_0^1")
    assert steps[0][1] == "error"
    assert "\\left. ... \\right|_a^b" in steps[0][2]
    # an absolute value closed before a subscript is no bar
    assert _steps("|x|_2 = 3")[0][1] == "error"


def test_a_note_under_a_relation_is_dropped() -> None:
    cell = ("\\lim_{x\\to0}\\frac{\\ln(1+x)}{x} \\underset{\\text{L'Hôpital}}{=} "
            "\\lim_{x\\to0}\\frac{1}{1+x} = 1")
    assert [s[1] for s in _steps(cell)] == ["proved", "proved"]
