"""``x_1 = 2, x_2 = 3`` after an equation in x names its solutions (``x = 2 or x = 3``).

It was read as a claim about two new letters x_1 and x_2 and refuted at x_1 = x_2 = 1:
every correct worked solution of a quadratic written the usual way was rejected.
"""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(cell: str) -> list[str]:
    return [step.status for step in check_proof(cell, CheckOptions()).steps]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("x^2 - 5x + 6 = 0 \\Rightarrow x_1 = 2, x_2 = 3", ["proved"]),
        ("x^2 - 5x + 6 = 0 \\Leftrightarrow x_1 = 2 \\lor x_2 = 3", ["proved"]),
        ("x^2 - 5x + 6 = 0 \\Leftrightarrow x_1 = 2 \\lor x_2 = 4", ["refuted"]),
        ("x^2 - 5x + 6 = 0\nx_{1,2} = \\frac{5 \\pm 1}{2}\nx_1 = 3, x_2 = 2",
         ["proved", "proved"]),
        ("x^2 - 5x + 6 = 0\nx_{1,2} = \\frac{5 \\pm 2}{2}", ["refuted"]),
        ("x^2 - 5x + 6 = 0\nx_1 = 3; x_2 = 1", ["refuted"]),
        ("x^2 - 4 = 0\nx_1 = 2 \\quad x_2 = -2", ["proved"]),
        ("t^2 = 9 ==> t_1 = 3, t_2 = -3", ["proved"]),
    ],
)
def test_numbered_solutions_are_the_solutions(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


@pytest.mark.parametrize(
    "cell",
    [
        "x^2 - 5x + 6 = 0\nx_1 + x_2 = 5",  # a claim about two letters: not a solution list
        "x_1 + x_2 = 3 and x_1 - x_2 = 1 <=> x_1 = 2, x_2 = 1",  # the system's own letters
    ],
)
def test_other_subscripted_lines_keep_their_letters(cell: str) -> None:
    steps = check_proof(cell, CheckOptions()).steps
    assert all("x_1" in step.rhs for step in steps)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # A solution set line L = {2; 3} (German), S = {2, 3} (French, English): were
        # errors (';') or claims about letters L and S.
        ("x^2 - 5x + 6 = 0\n\\mathbb{L} = \\{2; 3\\}", ["proved"]),
        ("x^2 - 5x + 6 = 0\nL = \\{2; 4\\}", ["refuted"]),
        ("2x + 1 > 5\nL = ]2; \\infty[", ["proved"]),
        ("2x + 1 > 5\nL = [2; \\infty[", ["refuted"]),
        ("x^2 + 1 = 0\nL = \\emptyset", ["proved"]),
        ("x^2 = 4 \\Rightarrow S = \\{-2, 2\\}", ["proved"]),
        ("x^2 = 4\nS = \\{2\\}", ["refuted"]),
        # ';' separates in sets and intervals (where 2,5 is a decimal).
        ("x^2 <= 4 <=> x \\in [-2; 2]", ["proved"]),
        ("x^2 < 4 <=> x \\in ]-2; 2[", ["proved"]),
    ],
)
def test_solution_set_lines(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


def test_a_formula_for_s_is_not_a_solution_set() -> None:
    steps = check_proof("S = \\pi r^2\nS = 3.14 r^2", CheckOptions()).steps
    assert steps[0].lhs.startswith("S")
