"""Transformation notes ``| -2`` at the end of an equation line (German "Umformungen")."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(cell: str) -> list[str]:
    return [step.status for step in check_proof(cell, CheckOptions()).steps]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # Each was "unexpected '∣'": the note read as a divisibility bar.
        ("3x + 2 = 11 \\quad | -2\n3x = 9 \\quad | \\div 3\nx = 3", ["proved", "proved"]),
        ("3x + 2 = 11 | -2\n3x = 9 | :3\nx = 4", ["proved", "refuted"]),
        ("x/2 + x/3 = 5 \\qquad |\\cdot 6\n3x + 2x = 30", ["proved"]),
        ("2x - 4 > 6 | +4\n2x > 10 | :2\nx > 5", ["proved", "proved"]),
        ("-2x < 6 | :(-2)\nx < -3", ["refuted"]),
        ("\\sqrt{x} = 3 | ^2\nx = 9", ["proved"]),
        # The note names an operation; the step is checked whatever it says.
        ("x(x-1) = 2(x-1) | :(x-1)\nx = 2", ["refuted"]),
        ("|x - 2| = 3 | +2\n|x| = 5", ["refuted"]),
        ("|x - 2| = 3   # a note\n<=> x = -1 or x = 5", ["proved"]),
    ],
)
def test_a_trailing_operation_note_is_a_comment(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


@pytest.mark.parametrize(
    "cell",
    [
        "|x| = |-2|",  # bars of absolute values, not a note
        "|x - 2| = 3",
    ],
)
def test_absolute_value_bars_are_not_notes(cell: str) -> None:
    (step,) = check_proof(cell, CheckOptions()).steps
    assert step.status == "refuted" and step.counterexample is not None
    assert step.counterexample.point == (("x", "0"),)


def test_a_divisibility_bar_is_not_a_note() -> None:
    (step,) = check_proof("assume n integer\n3 | n^3 - n", CheckOptions()).steps
    assert step.status == "proved"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # ':' between two operands divides (it was "unexpected ':'").
        ("12 : 3 = 4", ["proved"]),
        ("12 : 3 = 5", ["refuted"]),
        ("12 : 3 \\cdot 2 = 8", ["proved"]),  # left to right, as / is
        ("2 : 3 = 4 : 6", ["proved"]),  # a ratio is a quotient
        ("x : 2 = 5 <=> x = 10", ["proved"]),
        # A tick the student put at the end of a line is not maths.
        ("3x + 5 = 20\n3x = 15\nx = 5 ✓", ["proved", "proved"]),
        ("3x + 5 = 20\nx = 4 ✔  # checked", ["refuted"]),
        # An end-of-proof mark is not maths either.
        ("(a+b)^2 = a^2 + 2ab + b^2 \\quad \\blacksquare", ["proved"]),
        ("(a+b)^2 = a^2 + 2ab + b^2 \\qed", ["proved"]),
        ("(a+b)^2 = a^2 + 2ab + b^2 ∎", ["proved"]),
        ("(a+b)^2 = a^2 + b^2 q.e.d.", ["refuted"]),
    ],
)
def test_colon_division_and_ticks(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


def test_a_colon_before_equals_is_still_an_error() -> None:
    (step,) = check_proof("a := 3", CheckOptions()).steps
    assert step.status == "error" and "unexpected ':'" in step.message


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # A comma between digits outside brackets is a decimal comma (was an error).
        ("0,5 \\cdot 4 = 2", ["proved"]),
        ("3,5 + 1,5 = 5", ["proved"]),
        ("3,5 + 1,5 = 6", ["refuted"]),
        ("2x = 5 <=> x = 2,5", ["proved"]),
        ("0,125 \\cdot 8 = 1", ["proved"]),
        # Inside brackets and braces it still separates.
        ("x \\in [1,5] <=> 1 <= x <= 5", ["proved"]),
        ("x^2 - 5x + 6 = 0\nx_{1,2} = \\frac{5 \\pm 1}{2}", ["proved"]),
        ("x = 1, y = 2 <=> y = 2x", ["refuted"]),
    ],
)
def test_decimal_commas(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


def test_a_comma_that_may_separate_thousands_asks() -> None:
    result = check_proof("1,250 + 1 = 1,251", CheckOptions())
    assert result.verdict == "rejected"
    assert "write 1.250 for a decimal or 1250 for a whole number" in result.steps[0].message


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # A label that opens a line is not maths (they were unknown names).
        ("2x + 3 = 7\nAnswer: x = 2", ["proved"]),
        ("2x + 3 = 7\nAnswer: x = 3", ["refuted"]),
        ("Proof:\n(a+b)^2 = a^2 + 2ab + b^2", ["proved"]),
        ("2x + 3 = 7\n\\textbf{Answer:} x = 2", ["proved"]),
        ("Step 1: 2x + 3 = 7\nStep 2: 2x = 4", ["proved"]),
    ],
)
def test_line_labels(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected
