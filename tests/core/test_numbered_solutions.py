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
