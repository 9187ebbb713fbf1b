"""LaTeX rows: ``\\\\`` outside braces and environments ends a row, as a line break does
(``3x + 2 = 11 \\\\ 3x = 9``); a pmatrix's rows and an aligned block's trailing ``\\\\``
keep their meaning, and an error keeps its column on the line."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(("cell", "statuses"), [
    ("3x + 2 = 11 \\\\ 3x = 9 \\\\ x = 3", ["proved", "proved"]),
    ("3x + 2 = 11 \\\\ 3x = 9 \\\\ x = 4", ["proved", "refuted"]),
    ("(x+1)^2 - 1 &= x^2 + 2x \\\\ &= x(x + 2)", ["proved", "proved"]),
    ("\\begin{aligned}\n(x+1)^2 - 1 &= x^2 + 2x \\\\\n&= x(x + 2)\n\\end{aligned}",
     ["proved", "proved"]),
    ("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} \\begin{pmatrix} 1 \\\\ 1 \\end{pmatrix}"
     " = \\begin{pmatrix} 3 \\\\ 7 \\end{pmatrix}", ["proved"]),
])
def test_a_latex_row_break_is_a_line_break(cell: str, statuses: list[str]) -> None:
    assert [s.status for s in check_proof(cell, CheckOptions()).steps] == statuses


def test_an_error_in_a_later_row_names_its_column_on_the_line() -> None:
    (step,) = check_proof("3x + 2 = 11 \\\\ 3x = = 9", CheckOptions()).steps
    assert step.status == "error" and step.message.startswith("line 1, column 21:")
    assert "(in '3x = = 9')" in step.message
