"""Round 19: changing the subject of a formula (literal equations in several letters).

``1/R = 1/R1 + 1/R2 <=> R = R1 R2/(R1 + R2)`` under positivity is proved; a slip (wrong
sign, lost ±, a division by a letter that may be zero) is refuted, and each witness is
re-checked here by substituting it into the parsed lines.
"""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.core.relational import Relational

from proofnb.core.assume import build_env
from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, StepResult
from proofnb.core.parser import parse_math


def _steps(cell: str, assume: str = "") -> list[StepResult]:
    options = CheckOptions(assume=(assume,) if assume else ())
    return list(check_proof(cell, options).steps)


def _holds(stmt: sp.Basic, point: dict[sp.Symbol, sp.Expr]) -> bool:
    """Does the line hold at the point (False where a part of it is undefined)?"""
    if isinstance(stmt, sp.Or):
        return any(_holds(a, point) for a in stmt.args)
    if isinstance(stmt, sp.And):
        return all(_holds(a, point) for a in stmt.args)
    assert isinstance(stmt, Relational)
    for node in sp.postorder_traversal(stmt.lhs - stmt.rhs):
        value = sp.sympify(node).xreplace(point)
        if value.has(sp.nan, sp.zoo) or (value.is_number and not value.is_extended_real):
            return False
    diff = sp.N((stmt.lhs - stmt.rhs).xreplace(point), 50)
    return bool(abs(diff) < 1e-40) if isinstance(stmt, sp.Eq) else bool(
        type(stmt)(diff, 0))


def _confirm(step: StepResult, assume: str = "") -> None:
    """The witness satisfies exactly one of the two lines (the one the relation needs)."""
    ce = step.counterexample
    assert ce is not None
    env = build_env(CheckOptions(assume=(assume,) if assume else ()))
    first, second = parse_math(step.lhs, env), parse_math(step.rhs, env)
    names = {s.name: s for s in first.free_symbols | second.free_symbols}
    point = {names[k]: sp.sympify(v) for k, v in dict(ce.point).items() if k in names}
    one, two = _holds(first, point), _holds(second, point)
    assert {"<=>": one != two, "==>": one and not two, "<==": two and not one}[step.relation]


# --- ± with letters written together (4ac) ------------------------------------------------

@pytest.mark.parametrize("line", [
    r"x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}",
    "x = (-b ± sqrt(b^2 - 4ac))/(2a)",
])
def test_plus_minus_reads_glued_letters_once_per_sign(line: str) -> None:
    env = build_env(CheckOptions())
    a, b, c, x = (sp.Symbol(n, real=True) for n in "abcx")
    disc = sp.sqrt(b**2 - 4 * a * c)
    assert parse_math(line, env) == sp.Or(sp.Eq(x, (-b + disc) / (2 * a)),
                                          sp.Eq(x, (-b - disc) / (2 * a)))


def test_quadratic_formula_in_latex_is_not_refuted() -> None:
    (step,) = _steps(r"a x^2 + b x + c = 0 \iff x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}",
                     "a != 0")
    assert step.status != "refuted"
    (wrong,) = _steps(r"a x^2 + b x + c = 0 \iff x = \frac{b \pm \sqrt{b^2 - 4ac}}{2a}",
                      "a != 0")
    assert wrong.status == "refuted"
    _confirm(wrong, "a != 0")


# --- witnesses on the solution set with distinct values for the other letters -------------

GAS = "P1 > 0, V1 > 0, T1 > 0, P2 > 0, T2 > 0"


@pytest.mark.parametrize(("cell", "assume"), [
    ("P1 V1/T1 = P2 V2/T2\n<=> V2 = P1 V1 T1/(T2 P2)", GAS),  # T1, T2 swapped
    ("P1 V1 = P2 V2\n<=> V2 = P2 V1/P1", "P1 > 0, P2 > 0"),  # P1, P2 swapped
])
def test_swapped_letters_are_refuted_off_the_diagonal(cell: str, assume: str) -> None:
    (step,) = _steps(cell, assume)
    assert step.status == "refuted"
    _confirm(step, assume)


def test_the_right_combined_gas_law_is_not_refuted() -> None:
    (step,) = _steps("P1 V1/T1 = P2 V2/T2\n<=> V2 = P1 V1 T2/(T1 P2)", GAS)
    assert step.status == "proved"


# --- a line solved for one letter (proofnb.core.subject) ----------------------------------

SOLVED = [
    ("1/R = 1/R1 + 1/R2\n<=> R = R1 R2/(R1 + R2)", "R1 > 0, R2 > 0, R > 0"),
    ("1/R = 1/R1 + 1/R2\n<=> R = R1 R2/(R1 + R2)", "R1 > 0, R2 > 0"),
    ("T = 2 pi sqrt(L/g)\n<=> L = g T^2/(4 pi^2)", "T > 0, g > 0, L > 0"),
    ("T = 2 pi sqrt(L/g)\n<=> L = g T^2/(4 pi^2)", "T > 0, g > 0"),
    ("A = P (1 + r)^n\n<=> n = log(A/P)/log(1 + r)", "P > 0, r > 0, n > 0, A > 0"),
    ("1/f = 1/u + 1/v\n<=> v = u f/(u - f)", "u > 0, v > 0, f > 0"),
    ("a x^2 + b x + c = 0\n<=> x = (-b ± sqrt(b^2 - 4a c))/(2a)", "a != 0"),
    ("v^2 = u^2 + 2 a s\n<=> u = sqrt(v^2 - 2 a s)", "u > 0"),
    ("R = R1 R2/(R1 + R2)\n==> 1/R = 1/R1 + 1/R2", "R1 > 0, R2 > 0"),
]


@pytest.mark.parametrize(("cell", "assume"), SOLVED)
def test_formula_solved_for_a_letter_is_proved(cell: str, assume: str) -> None:
    (step,) = _steps(cell, assume)
    assert step.status == "proved", (step.status, step.method, step.message)


SLIPS = [
    ("1/R = 1/R1 + 1/R2\n<=> R = R1 R2/(R1 + R2)", ""),  # R1 = 0 gives R = 0
    ("T = 2 pi sqrt(L/g)\n<=> L = g T^2/(4 pi^2)", "g > 0"),  # T < 0 gained
    ("T = 2 pi sqrt(L/g)\n<=> L = g T/(4 pi^2)", "T > 0, g > 0"),  # forgot to square
    ("A = P (1 + r)^n\n<=> n = log(A/P)/log(r)", "P > 0, r > 0"),  # log base slip
    ("A = P (1 + r)^n\n<=> r = (A/P)^(1/n) - 1", "P > 0, r > 0, n > 0"),  # A < 0, n = 1/2
    ("1/f = 1/u + 1/v\n<=> v = u f/(f - u)", "u > 0, v > 0, f > 0"),  # sign slip
    ("a x^2 + b x + c = 0\n<=> x = (-b + sqrt(b^2 - 4a c))/(2a)", "a != 0"),  # lost ±
    ("v^2 = u^2 + 2 a s\n<=> u = sqrt(v^2 - 2 a s)", ""),  # u = -1 lost
    ("R = R1 R2/(R1 + R2)\n==> 1/R = 1/R1 + 1/R2", ""),  # R1 = 0, R = 0
]


@pytest.mark.parametrize(("cell", "assume"), SLIPS)
def test_slip_in_changing_the_subject_is_refuted(cell: str, assume: str) -> None:
    (step,) = _steps(cell, assume)
    assert step.status == "refuted", (step.status, step.method, step.message)
    _confirm(step, assume)
