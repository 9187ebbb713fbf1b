"""Probe round 37: multivariable calculus in %%verify cells (core/partials.py,
core/dependent.py): partial derivatives as worksheets write them, as true/false pairs
through the whole checker, and the notations that must stay errors, never letters."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

_HEAT = "\\frac{\\partial u}{\\partial t} = \\frac{\\partial^2 u}{\\partial x^2}"


def _statuses(cell: str, assume: tuple[str, ...] = ()) -> list[str]:
    return [s.status for s in check_proof(cell, CheckOptions(assume=assume)).steps]


@pytest.mark.parametrize(("true_cell", "false_cell", "assume"), [
    # f_x, f_{xy}, f_x(a, b) for a function the cell defines with several variables
    ("f(x, y) = x^2 y + sin(x y)\nf_x = 2x y + y cos(x y)",
     "f(x, y) = x^2 y + sin(x y)\nf_x = 2x y + x cos(x y)", ()),
    ("f(x, y) = x^3 y^2\nf_{xy} = 6x^2 y", "f(x, y) = x^3 y^2\nf_{xy} = 6x y^2", ()),
    ("f(x, y) = x^2 + 3x y - y^2\nf_y(1, 2) = -1", "f(x, y) = x^2 + 3x y - y^2\nf_y(1, 2) = 1",
     ()),
    ("f(x, y, z) = x y^2 z^3\nf_{yz} = 6x y z^2", "f(x, y, z) = x y^2 z^3\nf_{yz} = 6x y z^3",
     ()),
    ("f(x, y) = x^2 + y^2\nf(1, 2) + f_x(1, 2)(x - 1) + f_y(1, 2)(y - 2) = 2x + 4y - 5",
     "f(x, y) = x^2 + y^2\nf(1, 2) + f_x(1, 2)(x - 1) + f_y(1, 2)(y - 2) = 2x + 4y + 5", ()),
    ("f(x, y) = x^4 + y^4 - 4x y\nf_{xx}(1, 1) f_{yy}(1, 1) - f_{xy}(1, 1)^2 = 128",
     "f(x, y) = x^4 + y^4 - 4x y\nf_{xx}(1, 1) f_{yy}(1, 1) - f_{xy}(1, 1)^2 = 144", ()),
    ("f(x, y) = x^3 - 3x + y^2\nf_x = 0 and f_y = 0 <=> (x, y) = (1, 0) or (x, y) = (-1, 0)",
     "f(x, y) = x^3 - 3x + y^2\nf_x = 0 and f_y = 0 <=> (x, y) = (1, 0)", ()),
    ("F(x, y) = x^2 y + y^3 - 2\n-F_x/F_y = -2x y/(x^2 + 3y^2)",
     "F(x, y) = x^2 y + y^3 - 2\n-F_x/F_y = 2x y/(x^2 + 3y^2)", ()),
    # a letter other than f g h defines a function when a line below takes its partials
    ("u(x, t) = \\sin(x - 3t)\nu_{tt} = 9 u_{xx}", "u(x, t) = \\sin(x - 3t)\nu_{tt} = 3 u_{xx}",
     ()),
    ("u(x, t) = e^{-t} \\sin x\n" + _HEAT, "u(x, t) = e^{-2t} \\sin x\n" + _HEAT, ()),
    ("f(x, y) = x^2 y\n\\frac{\\partial f}{\\partial x}(1, 2) = 4",
     "f(x, y) = x^2 y\n\\frac{\\partial f}{\\partial x}(1, 2) = 2", ()),
    ("f(x, y) = x^2 y\n∂f/∂x (1, 2) = 4", "f(x, y) = x^2 y\n∂f/∂y (1, 2) = 4", ()),
    # z = <expression> defines z when a line below takes its partials (z_x was a letter)
    ("z = x^2 y\nz_x = 2x y", "z = x^2 y\nz_x = 2y", ()),
    ("z = e^{x y} + sin(x)\n\\frac{\\partial z}{\\partial y} = x e^{x y}",
     "z = e^{x y} + sin(x)\n\\frac{\\partial z}{\\partial y} = y e^{x y}", ()),
    # \partial fractions and the operator, mixed partials, ∂ in plain text
    ("f(x, y) = x^2 y^3\n\\frac{\\partial f}{\\partial y} = 3x^2 y^2",
     "f(x, y) = x^2 y^3\n\\frac{\\partial f}{\\partial y} = 2x y^3", ()),
    ("f(x, y) = x^3 + x y^2\n\\frac{\\partial^2 f}{\\partial x \\partial y} = 2y",
     "f(x, y) = x^3 + x y^2\n\\frac{\\partial^2 f}{\\partial y \\partial x} = 2x", ()),
    ("\\frac{\\partial^2}{\\partial x \\partial y}(x^3 y^2) = 6x^2 y",
     "\\frac{\\partial^2}{\\partial x \\partial y}(x^3 y^2) = 6x y", ()),
    ("\\frac{\\partial (x^2 y^3)}{\\partial y} = 3x^2 y^2",
     "\\frac{\\partial (x^2 y^3)}{\\partial y} = 3x^2 y^3", ()),
    ("∂/∂y (x^2 y + y^3) = x^2 + 3y^2", "∂/∂y (x^2 y + y^3) = x^2 + 3y", ()),
    ("f(x, y) = x^2 y + y^3\n∂f/∂x = 2x y", "f(x, y) = x^2 y + y^3\n∂f/∂y = x^2 + y^2", ()),
    ("∫_0^1 ∫_0^x x y dy dx = 1/8", "∫_0^1 ∫_0^x x y dy dx = 1/6", ()),
    # assume f(x, y) = ... (with =) defines f; f(2) was the product f·2 (refuted, f = 0)
    ("f_x = 2x y", "f_y = 2x y", ("f(x, y) = x^2 y",)),
    ("f(2, 3) = 12", "f(2, 3) = 18", ("f(x, y) = x^2 y",)),
    ("f(2) = 4", "f(3) = 4", ("f(x) = x^2",)),
    # \nabla f of a function defined with several variables is (f_x, f_y)
    ("f(x, y) = x^2 + y^2\n\\nabla f = (2x, 2y)", "f(x, y) = x^2 + y^2\n\\nabla f = (2x, y)", ()),
    ("f(x, y) = x^2 y\n\\nabla f(1, 2) = (4, 1)", "f(x, y) = x^2 y\n∇f(1, 2) = (2, 1)", ()),
    ("f(x, y) = x^2 y\n\\nabla f(1, 2) \\cdot (3/5, 4/5) = 16/5",
     "f(x, y) = x^2 y\ngrad(f) = (2x y, 2x)", ()),
    # a side that uses d as a letter of its own keeps dx, dy as products
    ("a d + dx + dy = d(a + x + y)", "a d + dx + dy = d(a + x + 2y)", ()),
    # under assume x = cos(t), d/dt differentiates x(t): the chain rule
    ("d/dt (x^2 y) = -2 cos t sin^2 t + cos^3 t", "d/dt (x^2 y) = 2 cos t sin^2 t + cos^3 t",
     ("x = cos(t), y = sin(t)",)),
    ("diff(x^2 y, t) = -2 cos t sin^2 t + cos^3 t", "diff(x^2 y, t) = 2 cos t sin^2 t",
     ("x = cos(t), y = sin(t)",)),
])
def test_true_proved_false_refuted(true_cell: str, false_cell: str,
                                   assume: tuple[str, ...]) -> None:
    assert _statuses(true_cell, assume) == ["proved"]
    result = check_proof(false_cell, CheckOptions(assume=assume))
    assert [s.status for s in result.steps] == ["refuted"]


def test_two_partial_lines_are_two_claims() -> None:
    cell = "f(x, y) = x^2 y - y^3\nf_x = 2x y\nf_y = x^2 - 3y"
    assert _statuses(cell) == ["proved", "refuted"]


def test_chain_rule_witness_rechecks() -> None:
    result = check_proof("d/dt (x^2 y) = 2 cos t sin^2 t + cos^3 t",
                         CheckOptions(assume=("x = cos(t), y = sin(t)",)))
    (step,) = result.steps
    assert step.status == "refuted" and step.counterexample is not None
    t = sp.Symbol("t", real=True)
    point = {str(k): v for k, v in dict(step.counterexample.point).items()}
    value = sp.sympify(point["t"])
    truth = sp.diff(sp.cos(t) ** 2 * sp.sin(t), t)
    claim = 2 * sp.cos(t) * sp.sin(t) ** 2 + sp.cos(t) ** 3
    with mpmath.workdps(60):
        assert abs(sp.N((truth - claim).subs(t, value), 60)) > 1e-30


@pytest.mark.parametrize(("cell", "words"), [
    ("z = x^2 y\ndz = 2x y dx + x^2 dy", "total differential"),
    ("d(x^2 y) = 2x y dx + x^2 dy", "total differential"),
    ("\\nabla z = (2x, 2y)", "gradient by its components"),
    ("∇(x^2 y) = (2x y, x^2)", "gradient by its components"),
    ("\\iint_R x y \\, dA = 1/4", "iterated integral"),
    ("\\frac{\\partial(x, y)}{\\partial(r, \\theta)} = r", "Jacobian"),
    ("f(x, y) = x^2 y\nf_1(x, y) = 2x y", "partial derivatives"),
    ("w = 3\n\\frac{\\partial w}{\\partial x} = 0", "not a function"),
])
def test_unread_notation_is_an_error_that_says_how(cell: str, words: str) -> None:
    steps = check_proof(cell, CheckOptions()).steps
    errors = [s for s in steps if s.status == "error"]
    assert errors, [s.status for s in steps]
    assert words in (errors[-1].message or "")
    assert not any(s.status in ("proved", "refuted", "likely") for s in steps)
