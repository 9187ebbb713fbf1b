"""Probe round 32: differential equations and integration techniques in %%verify cells
(curves that solve an ODE, substitution, differentials, separable equations), as
true/false pairs through the whole checker."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(cell: str, domain: str = "real") -> list[str]:
    return [s.status for s in check_proof(cell, CheckOptions(domain=domain)).steps]


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    # a chain that goes on from y' = ... is about the curve y too
    ("y = C e^{2x}\ny' = 2C e^{2x}\n= 2y", "y = C e^{2x}\ny' = 2C e^{2x}\n= 3y"),
    ("y = A \\cos 3x + B \\sin 3x\ny'' = -9A \\cos 3x - 9B \\sin 3x\n= -9y",
     "y = A \\cos 3x + B \\sin 3x\ny'' = -9A \\cos 3x - 9B \\sin 3x\n= 9y"),
    # xy next to the curve's letter is the product x y
    ("y = A e^{x^2/2}\ndy/dx = xy", "y = A e^{x^2}\ndy/dx = xy"),
    ("y = A e^{x^2}\ndy/dx = 2xy", "y = A e^{x^2}\ndy/dx = 3xy"),
])
def test_curve_solves_its_ode(true_cell: str, false_cell: str) -> None:
    assert set(_statuses(true_cell)) == {"proved"}
    assert _statuses(false_cell)[-1] == "refuted"


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    # ∫ f(u) du = F(x) + C under u = g(x): the u-integral is read in x
    ("assume u = x^2 + 1\n\\frac{1}{2}\\int u^5 \\, du = \\frac{(x^2+1)^6}{12} + C",
     "assume u = x^2 + 1\n\\frac{1}{2}\\int u^5 \\, du = \\frac{(x^2+1)^6}{6} + C"),
    ("assume u = \\sin x\n\\int u^2 \\, du = \\frac{\\sin^3 x}{3} + C",
     "assume u = \\sin x\n\\int u^2 \\, du = \\sin^3 x + C"),
])
def test_substitution_answer_in_x(true_cell: str, false_cell: str) -> None:
    assert _statuses(true_cell) == ["proved"]
    assert _statuses(false_cell) == ["refuted"]


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    # a differential line P du = Q dx is the claim P du/dx = Q (it was d times u)
    ("assume u = x^2 + 1\ndu = 2x dx", "assume u = x^2 + 1\ndu = x dx"),
    ("assume u = \\sin x\ndu = \\cos x \\, dx", "assume u = \\sin x\ndu = -\\cos x \\, dx"),
    ("u = x^2 + 1\ndu = 2x\\,dx", "u = x^2 + 1\ndu = 3x\\,dx"),
    ("y = x^3\n\\frac{dy}{3x^2} = dx", "y = x^3\n\\frac{dy}{x^2} = dx"),
])
def test_differential_line(true_cell: str, false_cell: str) -> None:
    assert _statuses(true_cell) == ["proved"]
    assert _statuses(false_cell) == ["refuted"]


def test_differential_reading_leaves_other_lines() -> None:
    from proofnb.core.odes import differential_lines

    kept = ["a + (n - 1)d = 5", "\\int x \\, dx = x^2/2 + C", "dy/dx = xy",
            "y dx + x = 0", "d = 2", "1/dx = y dy", "dy + dz = dx"]
    for line in kept:
        assert differential_lines(line) == line
    assert differential_lines("dy/y = x dx") == "(dy/dx)/y = x "
    # a sum with one differential in each term: P dx + Q dy = 0 is P + Q dy/dx = 0
    assert differential_lines("dy + y dx = 0") == "(dy/dx) + y  = 0 "
    assert differential_lines("a dy + dx = 0") == "a (dy/dx) + 1 = 0 "


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    # y''' of a curve; y = e^{kx} uses x (a product of letters)
    ("y = x^4\ny''' = 24x", "y = x^4\ny''' = 12x"),
    ("y = e^{kx}\ny'' - 5y' + 6y = (k^2 - 5k + 6)e^{kx}",
     "y = e^{kx}\ny'' - 5y' + 6y = (k^2 + 5k + 6)e^{kx}"),
])
def test_curve_higher_derivatives(true_cell: str, false_cell: str) -> None:
    assert _statuses(true_cell) == ["proved"]
    assert _statuses(false_cell) == ["refuted"]


# An ODE at the top of a cell makes y an unknown function of x: each step claims that every
# y satisfying one line on an interval satisfies the next; a constant of a family is "some
# constant", so a later line may rename it.
@pytest.mark.parametrize(("cell", "expected"), [
    ("assume y != 0\ndy/dx = xy\ndy/y = x dx\n\\int \\frac{dy}{y} = \\int x \\, dx\n"
     "\\ln|y| = \\frac{x^2}{2} + C", ["proved"] * 3),
    ("dy/dx = xy\ndy/y = x dx", ["refuted"]),  # the solution y = 0 is lost
    ("assume y != 0\ndy/dx = xy\n\\ln y = \\frac{x^2}{2} + C", ["refuted"]),  # y < 0
    ("assume y != 0\ndy/dx = xy\n\\ln|y| = x^2 + C", ["refuted"]),
    ("dy/dx = xy\ny = A e^{x^2/2}", ["proved"]),
    ("dy/dx = xy\ny = e^{x^2/2} + C", ["refuted"]),
    ("y' = ky\ny = A e^{kx}", ["proved"]),
    ("y' = ky\ny = e^{kx} + C", ["refuted"]),
    ("assume y != 0\ndy/dx = \\frac{x}{y}\ny\\,dy = x\\,dx\n\\frac{y^2}{2} = \\frac{x^2}{2} + C"
     "\ny^2 = x^2 + C", ["proved"] * 3),  # C absorbs the 2
    ("assume y != 0\ndy/dx = \\frac{x}{y}\ny\\,dy = x\\,dx\ny^2 = \\frac{x^2}{2} + C",
     ["proved", "refuted"]),
    ("\\frac{dy}{dx} = e^{x - y}\ne^y = e^x + C\ny = \\ln(e^x + C)", ["proved"] * 2),
    ("y' + 2y = e^{x}\ne^{2x} y' + 2e^{2x} y = e^{3x}\n(e^{2x} y)' = e^{3x}\n"
     "e^{2x} y = \\frac{e^{3x}}{3} + C\ny = \\frac{e^x}{3} + Ce^{-2x}", ["proved"] * 4),
    ("y' + 2y = e^{x}\n(e^{-2x} y)' = e^{-x}", ["refuted"]),  # wrong integrating factor
    ("y' - y = x\n(e^{-x} y)' = x e^{-x}", ["proved"]),
    ("y' - y = x\n(e^{x} y)' = x e^{x}", ["refuted"]),
    ("dy/dx = 2x(1 + y^2)\ny = \\tan(x^2 + C)", ["proved"]),
    ("dy/dx = 2x(1 + y^2)\ny = \\tan(x^2) + C", ["refuted"]),
    ("dy/dx = y^2\ny = -\\frac{1}{x + C}", ["refuted"]),  # misses y = 0
    ("dy/dx = xy\n\\ln|y| = \\frac{x^2}{2} + C\n|y| = e^{x^2/2 + C}\n==> y = A e^{x^2/2}",
     ["refuted", "proved", "proved"]),
    # y'' = y + xy' follows from y' = xy by differentiating: no sample function that does
    # not solve y' = xy refutes it (a conclusion of higher order is left open); going back
    # fails (y'' = y + xy' has more solutions)
    ("y' = xy\n==> y'' = y + xy'", ["unknown"]),
    ("y' = xy\ny'' = y + xy'", ["refuted"]),
    # second order: a family linear in two constants stands for its ODE
    ("y'' + 9y = 0\ny = A\\cos 3x + B\\sin 3x", ["proved"]),
    ("y'' + 9y = 0\ny = A\\cos 9x + B\\sin 9x", ["refuted"]),
    ("y'' + 3y' + 2y = 0\ny = Ae^{-x} + Be^{-2x}", ["proved"]),
    ("y'' + 3y' + 2y = 0\ny = Ae^{x} + Be^{2x}", ["refuted"]),
    ("y'' - 6y' + 9y = 0\ny = (A + Bx)e^{3x}", ["proved"]),
    ("y'' - 6y' + 9y = 0\ny = Ae^{3x} + Be^{3x}", ["unknown"]),  # one constant really
    ("y'' + 9y = 0\n==> y = A\\cos 3x", ["refuted"]),
    # the C of y' = 2Ce^{2x} is the C of the family line above it: not refuted with another
    ("y' = 2y\ny = Ce^{2x}\ny' = 3Ce^{2x}", ["proved", "unknown"]),
    ("dy/dx = y\ny = e^{x + C}", ["refuted"]),  # y <= 0 solutions are lost
    ("y' = 1/x\ny = \\ln x + C", ["refuted"]),  # undefined along solutions for x < 0
    ("y' = 1/x\ny = \\ln|x| + C", ["proved"]),
    # an ODE, then its characteristic equation: two questions, left open with a message
    # (the last step was refuted with the sample function y(t) = t)
    ("y'' + 3y' + 2y = 0\nr^2 + 3r + 2 = 0\nr = -1 or r = -2\ny = Ae^{-x} + Be^{-2x}",
     ["unknown", "proved", "unknown"]),
    # P dx + Q dy = 0 (was d·x and d·y)
    ("assume y != 0\ndy/dx = -x/y\ny dy + x dx = 0\nx^2 + y^2 = C", ["proved", "proved"]),
    ("assume y != 0\ndy/dx = -x/y\ny dy - x dx = 0", ["refuted"]),
    # a family, then ==> its ODE (was an error: y' of a letter)
    ("y = Ce^{2x}\n==> y' = 2y", ["proved"]),
    ("y = Ce^{x}\n==> y' = 2y", ["refuted"]),
])
def test_differential_equation_steps(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


def test_ode_witness_is_a_solution() -> None:
    """The witness is a point and slope of the premise's solution where the next line fails."""
    step = check_proof("y' = ky\ny = e^{kx} + C", CheckOptions()).steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    point = dict(step.counterexample.point)
    k, x0, y0, p0 = (sp.Rational(point[n]) for n in ("k", "x", "y(x)", "y'(x)"))
    assert p0 == k * y0  # the solution of y' = ky through (x0, y0) has this slope
    # the family y = e^{kx} + C has slope k e^{kx} there: not p0, so C is not constant
    assert sp.N(k * sp.exp(k * x0) - p0, 50) != 0


@pytest.mark.parametrize(("true_cell", "false_cell"), [
    # y = <formula with constants>, then y(a) = b: an initial value problem; y(0) was y·0
    ("y = C e^{2x}\ny(0) = 2\nC = 2", "y = C e^{2x}\ny(0) = 2\nC = 1"),
    ("y = A e^{x^2/2}\ny(2) = 3 ==> A = 3e^{-2}", "y = A e^{x^2/2}\ny(2) = 3 ==> A = 3"),
    ("y = \\frac{e^x}{3} + Ce^{-2x}\ny(0) = 1\nC = \\frac{2}{3}",
     "y = \\frac{e^x}{3} + Ce^{-2x}\ny(0) = 1\nC = 1"),
    ("y = A \\cos 3x + B \\sin 3x\ny'(0) = 6 ==> B = 2",
     "y = A \\cos 3x + B \\sin 3x\ny'(0) = 6 ==> B = 6"),
    # a formula and its initial value on one line (y(0) was y·0)
    ("y = C e^{2x}, y(0) = 2\nC e^0 = 2\nC = 2", "y = C e^{2x}, y(0) = 2\nC = 1"),
    # after an ODE: the general solution, then the initial value fixes A (was two claims)
    ("dy/dx = xy\ny = A e^{x^2/2}\ny(0) = 2\nA = 2",
     "dy/dx = xy\ny = A e^{x^2/2}\ny(0) = 2\nA = 1"),
])
def test_initial_values(true_cell: str, false_cell: str) -> None:
    assert _statuses(true_cell)[-1] == "proved" and "refuted" not in _statuses(true_cell)
    assert _statuses(false_cell)[-1] == "refuted"


@pytest.mark.parametrize(("cell", "expected"), [
    # a curve without a constant after an ODE is one solution: a solution through a point
    # off it refutes <=> (was a 30 s search over sample functions)
    ("dy/dx = \\frac{1 + y^2}{1 + x^2}\n\\arctan y = \\arctan x + C", ["proved"]),
    ("dy/dx = \\frac{1 + y^2}{1 + x^2}\n\\arctan y = \\arctan x", ["refuted"]),
    # y(1 - y) next to an unknown function y is a product; each assumption excludes a
    # lost solution
    ("assume y != 0, y != 1\ny' = y(1 - y)\n\\frac{dy}{y(1 - y)} = dx\n"
     "\\ln|y| - \\ln|1 - y| = x + C", ["proved", "proved"]),
    ("y' = y(1 - y)\n\\frac{dy}{y(1 - y)} = dx", ["refuted"]),
    ("assume y != 0\ny' = e^{x} y\n\\ln|y| = e^x + C\ny = Ae^{e^x}", ["proved", "proved"]),
])
def test_more_differential_equation_steps(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


def test_a_lost_constant_solution_says_how_to_set_it_aside() -> None:
    # Dividing by y loses y = 0; the message names the assumption that excludes it.
    from proofnb.core.check import check_proof
    from proofnb.core.model import CheckOptions

    (step,) = check_proof("dy/dx = xy\n<=> dy/y = x dx", CheckOptions()).steps
    assert step.status == "refuted" and step.counterexample is not None
    assert step.counterexample.text.endswith("write assume y != 0")
    (step,) = check_proof("assume y != 0\ndy/dx = xy\n<=> dy/y = x dx", CheckOptions()).steps
    assert step.status == "proved"
