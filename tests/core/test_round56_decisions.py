"""Round 56: true classroom steps that are proved (not left likely/unknown), and false
mutations of them that are refuted with a witness re-checked independently here.

Each proof path added for these is exact; the mutations make sure none of them proves a
false step.
"""

from __future__ import annotations

import pytest
import sympy as sp
from test_gaps import run

x = sp.Symbol("x", real=True)


# ---- trigonometric equations solved on an interval ------------------------------------
# SymPy 1.14's solveset on an interval drops roots (2 sin^2 x - sin x - 1 = 0 on [0, 2 pi)
# gave {pi/2}), so a solution line that lost 7 pi/6 or 11 pi/6 was proved.

TRIG_ON_INTERVAL = [
    ("2 sin(x)^2 - sin(x) - 1 = 0 <=> x = pi/2 or x = 7pi/6 or x = 11pi/6",
     "2 sin(x)^2 - sin(x) - 1 = 0 <=> x = pi/2 or x = 7pi/6",
     2 * sp.sin(x)**2 - sp.sin(x) - 1, {sp.pi / 2, 7 * sp.pi / 6}),
    ("2 sin(x)^2 - sin(x) - 1 = 0 <=> x = pi/2 or x = 7pi/6 or x = 11pi/6",
     "2 sin(x)^2 - sin(x) - 1 = 0 <=> x = pi/2",
     2 * sp.sin(x)**2 - sp.sin(x) - 1, {sp.pi / 2}),
    ("2 cos(x)^2 + cos(x) - 1 = 0 <=> x = pi/3 or x = pi or x = 5pi/3",
     "2 cos(x)^2 + cos(x) - 1 = 0 <=> x = pi/3 or x = 5pi/3",
     2 * sp.cos(x)**2 + sp.cos(x) - 1, {sp.pi / 3, 5 * sp.pi / 3}),
]


@pytest.mark.parametrize(("true", "false", "f", "kept"), TRIG_ON_INTERVAL,
                         ids=[c[1] for c in TRIG_ON_INTERVAL])
def test_trig_equation_on_interval_keeps_every_root(true: str, false: str, f: sp.Expr,
                                                    kept: set[sp.Expr]) -> None:
    assume = ("0 <= x < 2pi",)
    assert run(true, assume).status == "proved"
    result = run(false, assume)
    assert result.status == "refuted"
    assert result.counterexample is not None
    root = sp.sympify(dict(result.counterexample.point)["x"])
    # Independently: a root of the first line in [0, 2 pi) that the second line lacks.
    assert sp.simplify(f.subs(x, root)) == 0
    assert 0 <= root < 2 * sp.pi and root not in kept


def test_trig_inequality_on_interval_is_solved_between_all_roots() -> None:
    assume = ("0 <= x < 2pi",)
    for cell in ("2 sin(x)^2 - sin(x) - 1 >= 0 <=> x = pi/2 or 7pi/6 <= x <= 11pi/6",
                 "2 sin(x)^2 - sin(x) - 1 < 0 <=> 0 <= x < pi/2 or pi/2 < x < 7pi/6"
                 " or 11pi/6 < x < 2pi"):
        assert run(cell, assume).status == "proved", cell
    result = run("2 sin(x)^2 - sin(x) - 1 >= 0 <=> x = pi/2", assume)
    assert result.status == "refuted"
