"""A listed solution that the stated condition rules out keeps the step's verdict (both
lines agree where the condition holds) and gets a note that names it."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(("cell", "note"), [
    ("\\log_2 x + \\log_2(x-2) = 3 \\quad (x > 2)\n\\iff x(x-2) = 8\n"
     "\\iff x^2 - 2x - 8 = 0\n\\iff x = 4 \\text{ or } x = -2",
     "x = -2 does not satisfy x > 2: it is no solution here"),
    ("assume x > 0\nx^2 = 4 <=> x = 2 or x = -2",
     "x = -2 does not satisfy x > 0: it is no solution here"),
    ("assume x != 1\nx^2 - 3x + 2 = 0 <=> x = 1 or x = 2",
     "x = 1 does not satisfy x ≠ 1: it is no solution here"),
])
def test_an_excluded_listed_value_is_named(cell: str, note: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[-1]
    assert step.status == "proved", step
    assert note in step.notes


@pytest.mark.parametrize("cell", [
    "assume x > 0\nx^2 = 4 <=> x = 2",
    "x^2 = 4 <=> x = 2 or x = -2",
    "assume x > 0, y > 0\nx + y = 3 <=> y = 3 - x",
])
def test_no_note_when_every_listed_value_is_allowed(cell: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[-1]
    assert step.status == "proved", step
    assert not any("no solution here" in note for note in step.notes)
