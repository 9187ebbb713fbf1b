"""Round 23: functions, exponentials and logarithms worksheets (definition lines, tangent and
normal lines, composites and inverses)."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(cell: str, *assume: str) -> list[str]:
    return [s.status for s in check_proof(cell, CheckOptions(assume=assume)).steps]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # The answer line y = ... after f'(a) = m is the tangent (or the normal) at a: it was
        # the claim "y = 6x - 9 for every x and y", refuted at x = 0, y = 0.
        ("f(x) = x^2\nf'(x) = 2x\nf'(3) = 6\ny = 6x - 9", ["proved", "proved", "proved"]),
        ("f(x) = x^2\nf'(x) = 2x\nf'(3) = 6\ny = 6x - 8", ["proved", "proved", "refuted"]),
        ("f(x) = x^2\nf'(x) = 2x\nf'(3) = 6\ny = 6x", ["proved", "proved", "refuted"]),
        ("f(x) = x^3\nf'(1) = 3\ny = 3x - 2", ["proved", "proved"]),
        ("f(x) = x^3\nf'(1) = 3\ny = 3x + 2", ["proved", "refuted"]),
        ("f(x) = x^2\nf'(2) = 4\ny = -x/4 + 9/2", ["proved", "proved"]),  # the normal
        ("f(x) = x^2\nf'(2) = 4\ny = -x/4 + 4", ["proved", "refuted"]),
        ("f(x) = 1/x\nf'(2) = -1/4\nf(2) = 1/2\ny = -x/4 + 1", ["proved", "proved", "proved"]),
        ("f(x) = 1/x\nf'(2) = -1/4\nf(2) = 1/2\ny = -x/4 + 1/2", ["proved", "proved", "refuted"]),
        ("f(x) = x^2 - 4\nf'(0) = 0\ny = -4  # horizontal", ["proved", "proved"]),
        ("f(x) = x^2 - 4\nf'(0) = 0\ny = 0", ["proved", "refuted"]),
        # At a general point a (f'(a) = 2a was joined to the answer by <=>).
        ("f(x) = x^2\nf'(a) = 2a\ny = 2a x - a^2", ["proved", "proved"]),
        ("f(x) = x^2\nf'(a) = 2a\ny = 2a x + a^2", ["proved", "refuted"]),
        # A point written with e is still a point: f'(e) = 1/e is a claim of its own.
        ("f(x) = ln(x)\nf'(e) = 1/e\ny = x/e", ["proved", "proved"]),
        ("f(x) = ln(x)\nf'(e) = 1/e\ny = x/e + 1", ["proved", "refuted"]),
        ("f(x) = ln(x)\nf'(e) = 1/e\ny - 1 = (x - e)/e\n<=> y = x/e", ["proved", "proved"]),
        ("f(x) = ln(x)\nf'(e) = 1/e\ny - 1 = (x - e)/e\n<=> y = x/e - 1", ["proved", "refuted"]),
    ],
)
def test_tangent_and_normal_lines(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # A line that goes on is not an answer line: its chain is checked as written.
        ("f(x) = x^2\nf'(3) = 6\ny = 6x - 9\n<=> y - 9 = 6(x - 3)", ["proved", "proved"]),
        ("f(x) = x^2\nf'(3) = 6\ny = 6x - 9\n<=> y - 9 = 6(x + 3)", ["proved", "refuted"]),
        # Without f'(a) above, y = ... is a claim about y (a chord through f(1) and f(3) is no
        # tangent): unchanged.
        ("f(x) = x^2\nf(3) = 9\ny = 4x - 3", ["proved", "refuted"]),
        # A claim about f that follows still is one.
        ("f(x) = x^2\nf'(3) = 6\ny = 6x - 9\nf(1) = 2", ["proved", "proved", "refuted"]),
    ],
)
def test_tangent_reading_only_for_answer_lines(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # (f∘g)(x), (f + g)(x), (fg)(x), (f/g)(x) of defined functions were parse errors.
        ("f(x) = 2x + 3\ng(x) = x^2\n(f∘g)(x) = 2x^2 + 3", ["proved"]),
        ("f(x) = 2x + 3\ng(x) = x^2\n(f∘g)(x) = (2x + 3)^2", ["refuted"]),
        ("f(x) = 2x + 3\ng(x) = x^2\n(g \\circ f)(x) = 4x^2 + 12x + 9", ["proved"]),
        ("f(x) = 2x + 3\ng(x) = x^2\n(g \\circ f)(x) = 2x^2 + 3", ["refuted"]),
        ("f(x) = 2x + 3\ng(x) = x^2\n(f + g)(x) = x^2 + 2x + 3", ["proved"]),
        ("f(x) = 2x + 3\ng(x) = x^2\n(f - g)(x) = x^2 - 2x - 3", ["refuted"]),
        ("f(x) = 2x + 3\ng(x) = x^2\n(fg)(x) = 2x^3 + 3x^2", ["proved"]),
        ("f(x) = 2x + 3\ng(x) = x^2\n(f g)(x) = 2x^3 + 3", ["refuted"]),
        ("f(x) = x + 1\ng(x) = x - 1\n(f/g)(3) = 2", ["proved"]),
        ("f(x) = x + 1\ng(x) = x - 1\n(f/g)(3) = 1/2", ["refuted"]),
        ("f(x) = sqrt(x)\ng(x) = x^2\n(f \\circ g)(x) = |x|", ["proved"]),
        ("f(x) = sqrt(x)\ng(x) = x^2\n(f \\circ g)(x) = x", ["refuted"]),
    ],
)
def test_combinations_of_defined_functions(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # f^{-1}(x) = R was an error; it claims R(f(x)) = x where f is defined (f is then
        # one-to-one and R is its inverse on f's range).
        ("f(x) = 2x + 3\nf^{-1}(x) = (x - 3)/2", ["proved"]),
        ("f(x) = 2x + 3\nf^{-1}(x) = (x + 3)/2", ["refuted"]),
        ("f(x) = 2x + 3\nf^-1(x) = 1/(2x + 3)", ["refuted"]),
        ("f(x) = e^{x - 1}\nf⁻¹(x) = 1 + ln(x)", ["proved"]),
        ("f(x) = e^{x - 1}\nf^{-1}(x) = ln(x - 1)", ["refuted"]),
        ("f(x) = 2^x\nf^{-1}(x) = log_2(x)", ["proved"]),
        # Off f's range the inverse says nothing: x^2 + 1 at x = -1 is no witness.
        ("f(x) = sqrt(x - 1)\nf^{-1}(x) = x^2 + 1", ["proved"]),
        ("f(x) = sqrt(x - 1)\nf^{-1}(x) = x^2 - 1", ["refuted"]),
        # The branch matters: -sqrt(x^2) is not x for x > 0; x^2 has no inverse on R.
        ("assume x >= 0\nf(x) = x^2\nf^{-1}(x) = sqrt(x)", ["proved"]),
        ("assume x >= 0\nf(x) = x^2\nf^{-1}(x) = -sqrt(x)", ["refuted"]),
        ("f(x) = x^2\nf^{-1}(x) = sqrt(x)", ["refuted"]),
        ("f(x) = x^3 + 1\nf^{-1}(x) = cbrt(x - 1)\nf(2) = 9", ["proved", "proved"]),
    ],
)
def test_inverse_functions(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected
