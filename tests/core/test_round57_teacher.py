"""Round 57: teacher notebooks (German decimal commas before a letter, |.| of a known sign
on an assumed interval). True steps are proved; false neighbours are refuted with a
witness that is re-checked here with SymPy."""

from __future__ import annotations

import pytest
import sympy as sp
from test_gaps import run

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

x = sp.Symbol("x", real=True)


# ---- 2,5x: a decimal comma before a letter ---------------------------------------------

@pytest.mark.parametrize("cell", [
    "2,5x + 1,5 = 6,5\n<=> 2,5x = 5",
    "2,5x = 5\n<=> x = 2",
    "0,5x + 1 = 2\n<=> x = 2",
    "0,2x^2 + 0,4x = 0\n<=> x = 0 or x = -2",
    "2,5π = 5π/2",
])
def test_decimal_comma_before_a_letter(cell: str) -> None:
    assert run(cell).status == "proved"


@pytest.mark.parametrize(("cell", "root"), [
    ("2,5x = 5\n<=> x = 3", 2),
    ("0,5x + 1 = 2\n<=> x = 1/2", 2),
])
def test_decimal_comma_before_a_letter_refuted_with_the_lost_root(cell: str, root: int) -> None:
    result = run(cell, recheck=False)  # the re-checker reads the sides as shown: '2,5x'
    assert result.status == "refuted" and result.counterexample is not None
    assert dict(result.counterexample.point) == {"x": str(root)}
    assert sp.Rational(5, 2) * root == 5 or sp.Rational(1, 2) * root + 1 == 2


def test_operation_notes_with_decimal_commas_make_a_chain() -> None:
    r = check_proof("2,5x + 1,5 = 6,5   | -1,5\n2,5x = 5           | :2,5\nx = 2",
                    CheckOptions(assume=(), domain="real", seed=0))
    assert [s.status for s in r.steps] == ["proved", "proved"]
    assert r.verdict == "accepted"
    assert r.steps[0].lhs == "2,5x + 1,5 = 6,5"  # shown as written


def test_a_comma_that_may_separate_thousands_still_asks() -> None:
    r = check_proof("1,250x = 5", CheckOptions(assume=(), domain="real", seed=0))
    assert r.verdict == "rejected"
    assert "1250" in (r.message + " ".join(s.message for s in r.steps))


# ---- |u| of a known sign on the assumed interval ----------------------------------------

KNOWN_SIGN = [
    ("sqrt(sin^2 x) = sin x", "0 < x < pi/2"),
    ("|sin x| = sin x", "0 < x < pi/2"),
    ("|cos x| = -cos x", "pi/2 < x < pi"),
    ("sqrt(tan^2 x) = tan x", "0 < x < pi/2"),
    ("sqrt(1 - cos^2 x) = sqrt(sin^2 x)", "0 < x < pi/2"),
    ("|x - 2| = 2 - x", "0 < x <= 1"),
]


@pytest.mark.parametrize(("cell", "assume"), KNOWN_SIGN, ids=[c[0] for c in KNOWN_SIGN])
def test_bars_of_a_known_sign_are_opened(cell: str, assume: str) -> None:
    assert run(cell, (assume,)).status == "proved"


WRONG_SIGN = [
    ("sqrt(cos^2 x) = cos x", "pi/2 < x < pi", sp.sqrt(sp.cos(x)**2) - sp.cos(x)),
    ("|sin x| + |cos x| = sin x + cos x", "0 < x < pi",
     sp.Abs(sp.sin(x)) + sp.Abs(sp.cos(x)) - sp.sin(x) - sp.cos(x)),
    ("|x - 2| = x - 2", "1 < x < 3", sp.Abs(x - 2) - x + 2),
    ("sqrt(sin^2 x) = sin x", "-pi/2 < x < pi/2", sp.sqrt(sp.sin(x)**2) - sp.sin(x)),
]


@pytest.mark.parametrize(("cell", "assume", "diff"), WRONG_SIGN, ids=[c[0] for c in WRONG_SIGN])
def test_bars_of_the_wrong_sign_are_refuted(cell: str, assume: str, diff: sp.Expr) -> None:
    result = run(cell, (assume,))
    assert result.status == "refuted" and result.counterexample is not None
    point = {sp.Symbol(k, real=True): sp.sympify(v) for k, v in result.counterexample.point}
    assert abs(sp.N(diff.subs(point), 30)) > 1e-10


# ---- the discriminant named between an equation and its solutions ---------------------

@pytest.mark.parametrize("cell", [
    "x^2 - 4x + 3 = 0\n\\Delta = 16 - 12 = 4\nx_1 = 1, x_2 = 3",
    "x^2 - 4x + 3 = 0\nD = 16 - 12 = 4\nx = 1 or x = 3",
    "x^2 - 4x + 3 = 0\nΔ = 16 - 12\n  = 4\nx = 1 or x = 3",
])
def test_a_named_discriminant_is_an_aside(cell: str) -> None:
    r = check_proof(cell, CheckOptions(assume=(), domain="real", seed=0))
    assert r.verdict == "accepted", [(s.lhs, s.rhs, s.status) for s in r.steps]
    # the equation's own step goes from the equation to the solutions, past the aside
    assert any(s.lhs.startswith("x^2 - 4x + 3 = 0") and "3" in s.rhs for s in r.steps)


@pytest.mark.parametrize(("cell", "root"), [
    ("x^2 - 4x + 3 = 0\n\\Delta = 16 - 12 = 4\nx = 1 or x = -3", "3"),
    ("x^2 - 5x + 6 = 0\nD = 25 - 24 = 1\nx = 2", "3"),
])
def test_a_wrong_solution_past_the_aside_is_refuted(cell: str, root: str) -> None:
    r = check_proof(cell, CheckOptions(assume=(), domain="real", seed=0))
    refuted = [s for s in r.steps if s.status == "refuted"]
    assert len(refuted) == 1 and refuted[0].lhs.startswith("x^2")
    assert refuted[0].counterexample is not None
    assert dict(refuted[0].counterexample.point)["x"] == root  # (the given D is listed too)


def test_a_wrong_discriminant_is_refuted() -> None:
    r = check_proof("x^2 - 4x + 3 = 0\nD = 16 - 12 = 5\nx = 1 or x = 3",
                    CheckOptions(assume=(), domain="real", seed=0))
    assert [s.status for s in r.steps].count("refuted") == 1
    assert r.verdict == "rejected"
