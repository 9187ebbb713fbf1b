"""Periodic solution sets with an integer parameter of one line (``x = pi/4 + k pi, k ∈ ℤ``).

The line with k means "for some integer k". Each refutation is re-checked here on its own:
the witness x satisfies one line (at 50 digits) and, for the other line, no integer k
solves ``x = offset + period k`` (the quotient is at least 1/1000 away from every integer).
"""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.cell import parse_cell
from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _check(text: str, *assume: str) -> list[tuple[str, str, dict[str, str]]]:
    result = check_proof(text, CheckOptions(assume=assume, timeout=20))
    return [(s.status, s.counterexample.kind if s.counterexample else "",
             dict(s.counterexample.point) if s.counterexample else {}) for s in result.steps]


@pytest.mark.parametrize("text", [
    "cos(2x) = 0\n<=> x = pi/4 + k pi/2, k ∈ ℤ",
    "cos(2x) = 0\n<=> 2x = pi/2 + k pi\n<=> x = pi/4 + k pi/2, k in Z",
    "sin(x) = 1/2\n<=> x = pi/6 + 2k pi or x = 5pi/6 + 2k pi, k ∈ ℤ",
    "sin(x) = sqrt(3)/2\n<=> x = pi/3 + 2k pi or x = 2pi/3 + 2m pi, k, m ∈ ℤ",
    "tan(x) = 1 <=> x = pi/4 + k pi (k integer)",
    "sin(x) = 0 <=> x = k pi, for some integer k",
    "cos(x) = 1/2 <=> x = pi/3 + 2k pi or x = -pi/3 + 2k pi, k ∈ ℤ",
    "\\cos 2x = 0 \\iff x = \\frac{\\pi}{4} + \\frac{k\\pi}{2}, k \\in \\mathbb{Z}",
    "sin(pi x) = 0 <=> x = n, n ∈ ℤ",
    "2cos(x)^2 = 1\n<=> cos(x) = 1/sqrt(2) or cos(x) = -1/sqrt(2)\n<=> x = pi/4 + k pi/2, k ∈ ℤ",
])
def test_periodic_solution_sets_are_proved(text: str) -> None:
    assert all(status == "proved" for status, _, _ in _check(text)), _check(text)


def test_an_assumed_integer_parameter_is_read_the_same_way() -> None:
    assert _check("cos(2x) = 0 <=> x = pi/4 + k pi/2", "k integer")[0][0] == "proved"


#: (cell, the witness's kind, the line that holds there, the other line's x = a + p k)
FALSE_STEPS = [
    ("cos(2x) = 0\n<=> x = pi/4 + k pi, k ∈ ℤ", "lost-root", "cos(2*x)", (sp.pi / 4, sp.pi)),
    ("sin(x) = sqrt(3)/2 <=> x = pi/3 + k pi, k ∈ ℤ", "lost-root", "sin(x) - sqrt(3)/2",
     (sp.pi / 3, sp.pi)),
    ("sin(x) = 0 <=> x = 2k pi, k ∈ ℤ", "lost-root", "sin(x)", (0, 2 * sp.pi)),
    ("tan(x) = 1 <=> x = pi/4 + k pi/2, k ∈ ℤ", "gained-root", "", (sp.pi / 4, sp.pi / 2)),
]


@pytest.mark.parametrize(("text", "kind", "holds", "family"), FALSE_STEPS)
def test_a_lost_or_gained_family_member_is_refuted_with_x_alone(
    text: str, kind: str, holds: str, family: tuple[sp.Expr, sp.Expr]
) -> None:
    status, found, point = _check(text)[0]
    assert (status, found) == ("refuted", kind)
    assert set(point) == {"x"}  # the parameter is "for some k": the witness is x alone
    x = sp.sympify(point["x"])
    offset, period = family
    steps = sp.N((x - offset) / period, 50)
    if kind == "lost-root":
        assert abs(sp.N(sp.sympify(holds).subs("x", x), 50)) < 1e-40
        assert abs(steps - round(steps)) > 1e-3  # no integer k gives this x
    else:
        assert abs(steps - round(steps)) < 1e-40  # some integer k gives it ...
        assert abs(sp.N(sp.tan(x) - 1, 50)) > 1e-3  # ... but tan(x) = 1 fails there


def test_a_periodic_inequality_with_too_short_a_period_is_refuted() -> None:
    status, kind, point = _check("sin(x) > 0 <=> k pi < x < (k + 1) pi, k ∈ ℤ")[0]
    assert (status, kind) == ("refuted", "gained-root")
    x = sp.sympify(point["x"])
    assert sp.sin(x).evalf(50) < 0
    assert any(k * sp.pi < x < (k + 1) * sp.pi for k in range(-10, 10))


def test_the_integer_declaration_leaves_the_line_and_becomes_an_assumption() -> None:
    cell = parse_cell("cos(2x) = 0\n<=> x = pi/4 + k pi/2, k ∈ ℤ")
    step = cell.steps[0]  # shown as written (round 34), checked without the declaration
    assert step.rhs == "x = pi/4 + k pi/2, k ∈ ℤ"
    assert step.reading is not None and step.reading.rhs.strip() == "x = pi/4 + k pi/2"
    assert cell.assume == ("k integer",)


def test_a_step_without_the_parameter_ignores_its_declaration() -> None:
    # k belongs to the last line only; the first step is decided on x alone.
    text = "2cos(x)^2 = 1\n<=> cos(x) = 1/sqrt(2) or cos(x) = -1/sqrt(2)\n" \
           "<=> x = pi/4 + k pi/2, k ∈ ℤ"
    assert _check(text)[0][0] == "proved"


def test_a_parameter_in_both_lines_of_algebra_is_a_free_variable() -> None:
    # n^2 = 2k + 1 is not a family in n: the same k links the lines, as in a proof.
    assert _check("n = 2k + 1 ==> n^2 = 4k^2 + 4k + 1", "k integer")[0][0] == "proved"
    assert _check("n = 2k + 1 ==> n^2 = 2k + 1", "k integer")[0][0] == "refuted"


def test_two_family_lines_are_two_sets_even_with_the_same_letter() -> None:
    # The answer re-indexed: the same set of solutions, k "for some" in each line.
    assert _check("x = pi/4 + k pi/2 <=> x = -pi/4 + k pi/2, k ∈ ℤ")[0][0] == "proved"
    assert _check("x = 2k, k ∈ ℤ\n<=> x/2 = k")[0][0] == "proved"
    status, kind, point = _check("x = 2k, k ∈ ℤ\n<=> x = k")[0]
    assert (status, kind, point) == ("refuted", "gained-root", {"x": "1"})  # 1 is not even
