"""Parametric curves: x = g(t) and y = f(t) with dy/dx below mean dy/dx = f'(t)/g'(t), and
d^2y/dx^2 = (d/dt dy/dx)/g'(t). Before, y = t^3 was a curve in x with d/dx (t^3) = 0, and a
correct dy/dx = 3t/2 was refuted at t = 1."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(("cell", "statuses"), [
    ("x = t^2\ny = t^3\ndy/dx = \\frac{3t^2}{2t} = \\frac{3t}{2}", ["proved", "proved"]),
    ("x = t^2\ny = t^3\ndy/dx = 3t^2", ["refuted"]),
    ("x = t^2\ny = t^3\n\\frac{d^2y}{dx^2} = \\frac{3}{4t}", ["proved"]),
    ("x = t^2\ny = t^3\n\\frac{d^2y}{dx^2} = \\frac{3}{2t}", ["refuted"]),
    ("x = 2\\cos\\theta\ny = 3\\sin\\theta\n\\frac{dy}{dx} = -\\frac{3\\cos\\theta}{2\\sin\\theta}",
     ["proved"]),
    ("x = 2\\cos\\theta\ny = 3\\sin\\theta\n\\frac{dy}{dx} = \\frac{3\\cos\\theta}{2\\sin\\theta}",
     ["refuted"]),
    ("y = t^3\nx = t^2\ndy/dx = \\frac{3t}{2}", ["proved"]),  # either order
])
def test_a_parametric_derivative_is_the_ratio_of_the_t_derivatives(
    cell: str, statuses: list[str]
) -> None:
    assert [s.status for s in check_proof(cell, CheckOptions()).steps] == statuses


def test_a_curve_in_x_keeps_its_meaning() -> None:
    steps = check_proof("y = x^3 - 3x\ndy/dx = 3x^2 - 3", CheckOptions()).steps
    assert [s.status for s in steps] == ["proved"]
