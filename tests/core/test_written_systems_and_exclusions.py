"""Two ways textbooks and editors write what the cell language says otherwise.

* A system as a brace of relations (``\\begin{cases} x + y = 3 \\\\ x - y = 1 \\end{cases}``,
  Mathpix's ``\\left\\{\\begin{array}{l} ... \\end{array}\\right.``) is its relations joined by
  ``and``; a brace of values with conditions stays a function by cases.
* An exclusion after a claim (``\\qquad (x \\neq -2)``, ``, x ≠ -2``) is where the claim is
  checked, like ``for x ≠ -2``; a condition on a chain's first line holds for the chain.
"""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(cell: str) -> list[str]:
    return [s.status for s in check_proof(cell, CheckOptions()).steps]


@pytest.mark.parametrize("cell", [
    r"\begin{cases} x + y = 3 \\ x - y = 1 \end{cases} \iff "
    r"\begin{cases} x = 2 \\ y = 1 \end{cases}",
    r"\left\{\begin{array}{l}x+y=3 \\ x-y=1\end{array}\right. \Leftrightarrow "
    r"\left\{\begin{array}{l}x=2 \\ y=1\end{array}\right.",
    "\\left\\{\\begin{aligned}x+y&=3 \\\\ x-y&=1\\end{aligned}\\right.\n"
    "\\Leftrightarrow \\left\\{\\begin{aligned}x&=2 \\\\ y&=1\\end{aligned}\\right.",
    "\\begin{cases}\n2x + y = 5 \\\\\nx - y = 1\n\\end{cases}\n\\iff\n"
    "\\begin{cases}\nx = 2 \\\\\ny = 1\n\\end{cases}",
    r"\begin{cases} x > 1 \\ x < 3 \end{cases} \iff 1 < x < 3",
])
def test_a_brace_of_relations_is_a_system(cell: str) -> None:
    assert _statuses(cell) == ["proved"]


def test_a_wrong_solution_of_a_system_is_refuted_at_the_solution() -> None:
    cell = ("\\left\\{\\begin{aligned}x+y&=3 \\\\ x-y&=1\\end{aligned}\\right.\n"
            "\\Leftrightarrow \\left\\{\\begin{aligned}x&=2 \\\\ y&=2\\end{aligned}\\right.")
    step, = check_proof(cell, CheckOptions()).steps
    assert step.status == "refuted" and step.counterexample is not None
    point = {k: sp.Rational(v) for k, v in step.counterexample.point}
    assert point["x"] + point["y"] == 3 and point["x"] - point["y"] == 1  # solves the first
    assert (point["x"], point["y"]) != (2, 2)  # and not the second


def test_a_brace_of_values_with_conditions_stays_a_function() -> None:
    cell = "f(x) = \\begin{cases} x^2 & x < 0 \\\\ x & x \\ge 0 \\end{cases}\nf(-2) = 4"
    assert _statuses(cell) == ["proved"]
    cell = "f(x) = \\begin{cases} x^2 & x < 0 \\\\ x & x \\ge 0 \\end{cases}\nf(-2) = -2"
    assert _statuses(cell) == ["refuted"]


@pytest.mark.parametrize(("cell", "note"), [
    (r"\frac{x^2 - 4}{x + 2} = x - 2 \qquad (x \neq -2)", "for x ≠ -2"),
    (r"\frac{x^2 - 4}{x + 2} = x - 2, \quad x \ne -2", "for x ≠ -2"),
    ("(x^2 - 4)/(x + 2) = x - 2 (x != -2)", "for x ≠ -2"),
    (r"x/x + y/y = 2, \quad x, y \neq 0", "for x ≠ 0, y ≠ 0"),
    # on the chain's first line, for every step of the chain
    ("\\frac{x^2 - 4}{x + 2} \\qquad (x \\neq -2)\n= x - 2", "for x ≠ -2"),
])
def test_an_exclusion_after_a_claim_is_where_it_is_checked(cell: str, note: str) -> None:
    step, = check_proof(cell, CheckOptions()).steps
    assert step.status == "proved"
    assert note in step.notes


def test_a_condition_on_a_chains_first_line_holds_for_the_chain() -> None:
    assert _statuses("x^2 = 4 for x > 0\n<=> x = 2") == ["proved"]
    assert _statuses("x^2 = 4 \\quad (x \\neq 2)\n<=> x = -2") == ["proved"]
    assert _statuses("sqrt(x^2) for x >= 0\n  = x") == ["proved"]
    wrong = check_proof("sqrt(x^2) for x >= 0\n  = -x", CheckOptions()).steps
    assert [s.status for s in wrong] == ["refuted"]
    assert wrong[0].counterexample is not None
    assert {k for k, _ in wrong[0].counterexample.point} == {"x"}  # not f, o, r
    assert sp.Rational(dict(wrong[0].counterexample.point)["x"]) >= 0
    # without the condition the first step is refuted where it fails
    assert _statuses("x^2 = 4\n<=> x = 2") == ["refuted"]


def test_a_chain_that_goes_on_after_its_condition_is_an_error() -> None:
    # Read as the condition "x >= 0 = -x", the step |x| = -x would never be checked.
    step, = check_proof("sqrt(x^2) = |x| for x >= 0 = -x", CheckOptions()).steps
    assert step.status == "error"
    assert step.message.startswith("line 1, column 28: the condition 'x >= 0 = -x' goes on")
    assert _statuses("sqrt(x^2) = x for 0 <= x < 1") == ["proved"]


@pytest.mark.parametrize(("cell", "status"), [
    ("A = \\pi 7^2 = 49\\pi.", "proved"),
    ("$$x^2 - 1 = (x-1)(x+1).$$", "proved"),
    ("\\begin{aligned} x^2 - 1 &= (x-1)(x+1). \\end{aligned}", "proved"),
    ("$$x^2 + 1 = (x-1)(x+1).$$", "refuted"),
    ("$$2 + 3 = 5,$$", "proved"),  # after a number too
    ("2 \\cdot 3 = 7.", "refuted"),
])
def test_a_sentence_may_end_a_pasted_display(cell: str, status: str) -> None:
    assert _statuses(cell) == [status]


def test_align_rows_that_end_in_commas_and_a_full_stop() -> None:
    cell = "\\begin{align*} 2x + 3 &= 7, \\\\ 2x &= 4, \\\\ x &= 2. \\end{align*}"
    assert _statuses(cell) == ["proved", "proved"]
    assert _statuses("sqrt(2) = 1.4142...") == ["proved"]  # an ellipsis is no full stop


@pytest.mark.parametrize(("cell", "status"), [
    (r"\sqrt{x^2} = x \quad \text{for } x \ge 0 % since x is nonnegative", "proved"),
    (r"\sqrt{x^2} = -x \quad \text{for } x \ge 0 % wrong on purpose", "refuted"),
    (r"\sqrt{4} = 2 \text{ for } x > 0 % trivially", "proved"),
])
def test_a_latex_comment_after_a_condition_is_no_part_of_it(cell: str, status: str) -> None:
    (step,) = check_proof(cell, CheckOptions()).steps
    assert step.status == status, step
    assert step.notes[0].startswith("for x") and "%" not in step.notes[0]


@pytest.mark.parametrize("cell", [
    r"\frac{x^2 - 4}{x - 2} = x + 2 \qquad (x \neq 2) && \text{cancel}",
    r"\frac{x^2 - 4}{x - 2} = x + 2, \quad x \neq 2 && \text{(cancel)}",
])
def test_an_exclusion_before_a_note_column(cell: str) -> None:
    (step,) = check_proof(cell, CheckOptions()).steps
    assert step.status == "proved" and step.notes == ("for x ≠ 2",), step
