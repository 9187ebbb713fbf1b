"""``y = g(x)`` then ``==> y' = ...``: on a graph, y and its derivatives are g, g', g''... at
every x, so a false line is refuted at a point even when g is transcendental (no rational
point of the curve exists to use). Each witness is re-checked with SymPy."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

x = sp.Symbol("x", real=True)


@pytest.mark.parametrize(("cell", "graph", "claim"), [
    ("y = x^2 e^x\n\\implies \\frac{dy}{dx} = x^2 e^x", x**2 * sp.exp(x),
     lambda g, d1, d2: sp.Eq(d1, x**2 * sp.exp(x))),
    ("y = \\ln x\n\\implies y' = x", sp.log(x), lambda g, d1, d2: sp.Eq(d1, x)),
    ("y = e^{2x}\n\\implies y'' = 2y", sp.exp(2 * x), lambda g, d1, d2: sp.Eq(d2, 2 * g)),
    ("y = \\tan x\n\\implies y' > 1", sp.tan(x), lambda g, d1, d2: sp.Gt(d1, 1)),
])
def test_a_false_line_after_a_graph_is_refuted_at_a_point(cell, graph, claim) -> None:  # type: ignore[no-untyped-def]
    step = check_proof(cell, CheckOptions()).steps[-1]
    assert step.status == "refuted" and step.counterexample is not None, step
    x0 = sp.Rational(dict(step.counterexample.point)["x"])
    values = [sp.diff(graph, x, j).subs(x, x0) for j in range(3)]
    assert claim(*values).subs(x, x0) is sp.false
    assert "a point of the previous line" in step.counterexample.text


@pytest.mark.parametrize("cell", [
    "y = x^2 e^x\n\\implies \\frac{dy}{dx} = 2x e^x + x^2 e^x",
    "y = e^{2x}\n\\implies y'' = 4y",
])
def test_a_true_line_after_a_graph_is_proved(cell: str) -> None:
    assert check_proof(cell, CheckOptions()).steps[-1].status == "proved"


def test_a_graph_with_a_corner_is_not_sampled_at_it() -> None:
    # y = |x| has no slope at 0; SymPy's sign(0) = 0 must not be taken for one.
    step = check_proof("y = |x|\n\\implies y' = 1", CheckOptions()).steps[-1]
    if step.status == "refuted":
        assert step.counterexample is not None
        assert dict(step.counterexample.point)["x"] != "0"


@pytest.mark.parametrize(("cell", "status"), [
    ("y = x^2 \\implies y' = 2x", "proved"),
    ("y = x^3 ==> y'' = 6x", "proved"),
    ("y = \\sin(x^2) \\Rightarrow \\frac{dy}{dx} = 2x\\cos(x^2)", "proved"),
    ("y = x^2 \\implies y' = x", "refuted"),
    ("y = x^2 e^x \\implies y' = x^2 e^x", "refuted"),
])
def test_a_graph_and_its_derivative_on_one_line(cell: str, status: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[-1]
    assert step.status == status, step
    if status == "refuted":
        assert step.counterexample is not None
        assert "a point of the previous line" in step.counterexample.text


@pytest.mark.parametrize(("cell", "statuses"), [
    ("y = x^2\n==> y'' = 2\n==> y''' = 0", ["proved", "proved"]),
    ("y = x^3 ==> y''' = 6", ["proved"]),
    ("y = x^3 ==> y''' = 3", ["refuted"]),
])
def test_third_derivatives_of_a_graph(cell: str, statuses: list[str]) -> None:
    assert [s.status for s in check_proof(cell, CheckOptions()).steps] == statuses
