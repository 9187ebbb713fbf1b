"""Probe round 32: differential equations and integration techniques in %%verify cells
(curves that solve an ODE, substitution, differentials, separable equations), as
true/false pairs through the whole checker."""

from __future__ import annotations

import pytest

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
            "dy + y dx = 0", "d = 2", "1/dx = y dy"]
    for line in kept:
        assert differential_lines(line) == line
    assert differential_lines("dy/y = x dx") == "(dy/dx)/y = x "
