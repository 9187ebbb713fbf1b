"""Round 60: layouts left open by round 59. A quadratic with no real solution (the
discriminant < 0, then ``\\text{no real solution}`` or ``L = \\emptyset``), a system's solution
set written as a set of pairs (``L = \\{(3; 2)\\}``), and a bracketed condition after ``<=>``.
True lines are proved; false values are refuted, the witnesses re-checked here with SymPy."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.runner.tasks import _assumptions_in_order

_assumptions_in_order()

x, y = sp.symbols("x y")


def _check(cell: str):  # type: ignore[no-untyped-def]
    return check_proof(cell, CheckOptions(assume=(), domain="real"))


def _point(step) -> dict[str, sp.Expr]:  # type: ignore[no-untyped-def]
    return {name: sp.sympify(value) for name, value in step.counterexample.point}


# ---- no real solution ------------------------------------------------------------------

@pytest.mark.parametrize("middle", [
    r"\Delta = 4 - 20 = -16 < 0",
    r"\Delta = b^2 - 4ac = 4 - 20 = -16 < 0",
    r"\Delta = -16 < 0",
    r"Δ = -16 \lt 0",
    "D = 4 - 20 = -16 < 0",
])
@pytest.mark.parametrize("statement", [
    r"\text{no real solution}", r"L = \emptyset", r"\mathbb{L} = \{\}",
    r"\text{keine Lösung}", r"\text{pas de solution réelle}",
])
def test_no_real_solution_after_a_negative_discriminant(middle: str, statement: str) -> None:
    assert sp.solveset(x**2 + 2*x + 5, x, sp.S.Reals) == sp.S.EmptySet  # the cell is right
    result = _check(f"x^2 + 2x + 5 = 0\n{middle}\n{statement}")
    assert result.verdict == "accepted", [(s.status, s.lhs, s.rhs, s.message)
                                          for s in result.steps]
    assert any(s.lhs.startswith("x^2 + 2x + 5") and s.relation == "<=>" for s in result.steps)


@pytest.mark.parametrize("statement", [r"\text{no real solution}", r"\iff \text{no solution}",
                                       "no real solutions.", r"\text{es gibt keine Lösung}"])
def test_no_solution_words_alone_after_the_equation(statement: str) -> None:
    result = _check(f"x^2 + 2x + 5 = 0\n{statement}")
    assert result.verdict == "accepted"
    assert [s.relation for s in result.steps] == ["<=>"]


@pytest.mark.parametrize(("equation", "middle"), [
    ("x^2 + 2x - 3 = 0", r"\Delta = 4 + 12 = 16 < 0"),  # the sign is wrong
    ("x^2 + 2x - 3 = 0", r"\Delta = -16 < 0"),  # the value is wrong
    ("x^2 + 2x - 3 = 0", ""),  # no discriminant: the words alone are wrong
])
def test_no_solution_claimed_for_a_solvable_equation_is_refuted(equation: str,
                                                                 middle: str) -> None:
    cell = "\n".join(line for line in (equation, middle, r"\text{no real solution}") if line)
    result = _check(cell)
    assert result.verdict == "rejected"
    lost = [s for s in result.steps if s.relation == "<=>" and s.status == "refuted"]
    assert lost, [(s.status, s.lhs, s.rhs) for s in result.steps]
    value = _point(lost[0])["x"]
    assert sp.expand(value**2 + 2*value - 3) == 0  # a real solution: "no solution" is false


def test_a_wrong_negative_discriminant_is_refuted_at_its_value() -> None:
    result = _check("x^2 + 2x + 5 = 0\n\\Delta = -12 < 0\n\\text{no real solution}")
    wrong = [s for s in result.steps if s.status == "refuted"]
    assert len(wrong) == 1 and wrong[0].rhs.strip() == "-12"
    assert sp.Integer(2)**2 - 4*1*5 != -12  # SymPy: Δ is -16


def test_no_solution_words_need_one_unknown_above() -> None:
    result = _check("x + y = 2\n\\text{no solution}")
    assert not any("emptyset" in s.rhs for s in result.steps)


# ---- a system's solution as a set of pairs ---------------------------------------------

@pytest.mark.parametrize("system", [
    "x + y = 5 and x - y = 1",
    r"x + y = 5 \land x - y = 1",
    r"\begin{cases} x + y = 5 \\ x - y = 1 \end{cases}",
])
@pytest.mark.parametrize("answer", [r"L = \{(3; 2)\}", r"S = \{(3, 2)\}", r"\iff L = \{(3; 2)\}",
                                    "S = {(3; 2)}"])
def test_a_pair_solves_the_system(system: str, answer: str) -> None:
    assert sp.solve([x + y - 5, x - y - 1], [x, y]) == {x: 3, y: 2}
    result = _check(f"{system}\n{answer}")
    assert result.verdict == "accepted", [(s.status, s.lhs, s.rhs, s.message)
                                          for s in result.steps]
    assert not any("vector" in (s.message or "") for s in result.steps)


def test_a_pair_after_a_system_on_several_rows() -> None:
    # the rows a cases environment spans are blank lines: an answer below it needs its arrow
    result = _check("\\begin{cases}\nx + y = 5 \\\\\nx - y = 1\n\\end{cases}\n"
                    "\\iff L = \\{(3; 2)\\}")
    assert result.verdict == "accepted", [(s.status, s.message) for s in result.steps]


def test_unknowns_in_alphabetical_order() -> None:
    result = _check(r"\begin{cases} 2a + b = 8 \\ a - b = 1 \end{cases}" "\n" r"L = \{(3; 2)\}")
    assert result.verdict == "accepted"
    assert sp.solve([2*x + y - 8, x - y - 1], [x, y]) == {x: 3, y: 2}


def test_a_decimal_comma_inside_the_pair() -> None:
    result = _check("2x + y = 4 \\land x - y = 0,5\nL = \\{(1,5; 1)\\}")
    assert result.verdict == "accepted"
    assert sp.solve([2*x + y - 4, x - y - sp.Rational(1, 2)], [x, y]) == {x: sp.Rational(3, 2),
                                                                            y: 1}


@pytest.mark.parametrize("answer", [r"S = \{(2, 3)\}", r"L = \{(3; 1)\}"])
def test_a_wrong_pair_is_refuted(answer: str) -> None:
    result = _check(f"x + y = 5 and x - y = 1\n{answer}")
    assert result.verdict == "rejected"
    step = next(s for s in result.steps if s.status == "refuted")
    point = _point(step)
    system = [sp.Eq(x + y, 5), sp.Eq(x - y, 1)]
    first = all(bool(eq.subs({x: point["x"], y: point["y"]})) for eq in system)
    pair = [sp.sympify(v) for v in answer.split("(")[1].split(")")[0].replace(";", ",").split(",")]
    second = point["x"] == pair[0] and point["y"] == pair[1]
    assert first != second  # the witness tells the two lines apart
    assert not any("vector" in (s.message or "") for s in result.steps)


def test_a_pair_after_one_equation_is_not_read_as_a_system() -> None:
    result = _check("x + y = 5\nL = \\{(3; 2)\\}")
    assert result.verdict != "accepted"


# ---- a bracketed condition after <=> ----------------------------------------------------

@pytest.mark.parametrize("line", [r"\iff x = 2 \quad (x > 0)", "<=> x = 2 (x > 0)",
                                  r"\Rightarrow x = 2 \quad (x \ge 0)"])
def test_a_condition_after_an_arrow_says_where_it_belongs(line: str) -> None:
    result = _check(f"x^2 = 4\n{line}")
    assert result.verdict == "rejected" and [s.status for s in result.steps] == ["error"]
    message = result.steps[0].message
    assert "first line" in message and "assume x" in message
    assert "line 2" in message and "expected an expression" not in message


def test_a_condition_on_the_first_line_still_holds() -> None:
    result = _check("x^2 = 4 \\quad (x > 0)\n\\iff x = 2")
    assert result.verdict == "accepted"
