"""Regressions from the third held-out probe: align environments and prose annotations as
pasted from LaTeX, and ± / ∓ in equations (the signs of one statement are tied)."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(text: str, assume: tuple[str, ...] = ()) -> list[str]:
    result = check_proof(text, CheckOptions(assume=assume))
    return [step.status for step in result.steps]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\\begin{aligned}\n(x + 3)^2 - 9 &= x^2 + 6x \\\\\n&= x(x + 6)\n\\end{aligned}",
         ["proved", "proved"]),
        ("\\begin{align*} (x + 3)^2 - 9 &= x^2 + 7x \\\\\n&= x(x + 6) \\end{align*}",
         ["refuted", "refuted"]),
        ("\\begin{equation}\n\\frac{x^2 - 4}{x - 2} = x + 2\n\\end{equation}", ["proved"]),
    ],
)
def test_display_environment_markers_are_layout(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x^2 - 1 = (x - 1)(x + 1) \\quad \\text{(difference of squares)}", ["proved"]),
        ("x^2 - 1 = (x - 1)(x + 2) \\quad \\text{(difference of squares)}", ["refuted"]),
        ("(x + 1)^2 &= x^2 + 2x + 1 && \\text{expand} \\\\\n&= x^2 + 1 + 2x && \\text{reorder}",
         ["proved", "proved"]),
        ("(x + 1)^2 &= x^2 + 1 && \\text{expand} \\\\", ["refuted"]),
    ],
)
def test_trailing_prose_annotation_is_dropped(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


def test_maths_inside_text_is_still_maths() -> None:
    # \text{d} is a differential, \text{ or } a connective: not prose to drop.
    assert _statuses("\\int_0^1 2x \\, \\text{d}x = 1") == ["proved"]
    assert _statuses("x = 2 \\text{ or } x = 3\n<=> (x - 2)(x - 3) = 0") == ["proved"]


def test_a_stated_condition_never_vanishes() -> None:
    # A trailing condition is read, never dropped as prose: "for all x" adds none, so the
    # step keeps its domain note; "for x ≠ 0" becomes the step's own condition.
    result = check_proof("x/x = 1 \\text{ for all } x", CheckOptions())
    assert [(s.status, s.notes) for s in result.steps] == [("proved", ("x ≠ 0",))]
    assert result.flags == ("domain",)
    result = check_proof("x/x = 1 \\text{ for } x \\ne 0", CheckOptions())
    assert [(s.status, s.notes) for s in result.steps] == [("proved", ("for x \\ne 0",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x^2 = 16\n<=> x = ±4", "proved"),
        ("x^2 = 16\n<=> x = \\pm 4", "proved"),
        ("x^2 = 16\n<=> x = 4", "refuted"),
        ("x^2 - 2x - 1 = 0\n<=> x = 1 ± sqrt(2)", "proved"),
        ("x^2 - 2x - 1 = 0\n<=> x = 1 ± sqrt(3)", "refuted"),
        ("x^2 + 3x + 1 = 0\n<=> x = \\frac{-3 \\pm \\sqrt{5}}{2}", "proved"),
        ("x^2 + 3x + 1 = 0\n<=> x = \\frac{-3 \\pm \\sqrt{5}}{4}", "refuted"),
        ("|x| = 3\n<=> x = ±3", "proved"),
        ("x = ±2\n==> x = 2", "refuted"),
        # one statement's signs are tied: (2, -1) and (-2, 1) only
        ("x^2 = 4 and y = -x/2\n<=> x = ±2 and y = ∓1", "proved"),
        ("x^2 = 4 and y = -x/2\n<=> x = ±2 and y = ±1", "refuted"),
        ("x^2 = 4 and y^2 = 1\n<=> x = ±2 and y = \\mp 1", "refuted"),
    ],
)
def test_plus_minus_in_statements(text: str, expected: str) -> None:
    assert _statuses(text) == [expected]


def test_plus_minus_outside_a_statement_is_an_error() -> None:
    result = check_proof("(a ± b)^2 = a^2 ± 2ab + b^2", CheckOptions())
    assert [s.status for s in result.steps] == ["error"]
    assert "two cases" in result.steps[0].message


@pytest.mark.parametrize(
    ("assume", "text", "expected"),
    [
        (("a > 0",), "a x > 2a\n<=> x > 2", "proved"),
        (("a < 0",), "a x > 2a\n<=> x < 2", "proved"),
        (("a < 0",), "a x > 2a\n<=> x > 2", "refuted"),
        ((), "a x > 2a\n<=> x > 2", "refuted"),
        (("a > 0",), "a x >= 2a\n<=> x > 2", "refuted"),
        (("a > 0",), "-a x + 1 > 0\n<=> x < 1/a", "proved"),
        (("a > 0",), "(x - 1)/a^2 < 3\n<=> x < 3a^2 + 1", "proved"),
        ((), "(a^2 + 1) x > a^2 + 1\n<=> x > 1", "proved"),
        ((), "a^2 x > a^2\n<=> x > 1", "refuted"),
        (("a > 0", "b > 0"), "x/a - b <= 1\n<=> x <= a b + 1", "refuted"),
    ],
)
def test_parametric_linear_inequalities(assume: tuple[str, ...], text: str, expected: str) -> None:
    assert _statuses(text, assume) == [expected]


@pytest.mark.parametrize(
    ("assume", "text", "expected"),
    [
        (("a > 0",), "x^2 = a\n<=> x = sqrt(a) or x = -sqrt(a)", "proved"),
        (("a > 0",), "x^2 = a\n<=> x = ±sqrt(a)", "proved"),
        (("a > 0",), "x^2 = a\n<=> x = sqrt(a)", "refuted"),
        (("a > 0",), "x^2 = a\n<=> x = ±sqrt(2a)", "refuted"),
        (("a > 0", "b > 0"), "a x^2 = b\n<=> x = ±sqrt(b/a)", "proved"),
        (("a > 0",), "x^2 = 1/a\n<=> x = ±1/sqrt(a)", "proved"),
        (("a > 0",), "x^2 = 1/a\n<=> x = ±1/a", "refuted"),
        (("a != 0",), "a x^2 = a\n<=> x = ±1", "proved"),
        ((), "a x^2 = a\n<=> x = ±1", "refuted"),  # a = 0: every x
    ],
)
def test_parametric_quadratic_roots(assume: tuple[str, ...], text: str, expected: str) -> None:
    assert _statuses(text, assume) == [expected]
