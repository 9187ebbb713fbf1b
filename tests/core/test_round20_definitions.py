"""Round 20: worksheets that define functions (f(x) = ..., y = ... with dy/dx or y')."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(cell: str, *assume: str) -> list[tuple[str, str, str]]:
    result = check_proof(cell, CheckOptions(assume=assume))
    return [(s.status, s.lhs, s.counterexample.text if s.counterexample else s.message)
            for s in result.steps]


def _statuses(cell: str, *assume: str) -> list[str]:
    return [status for status, _, _ in _steps(cell, *assume)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # A step before a second definition is checked, not dropped.
        ("f(x) = (x + 1)^2\n= x^2 + 2x + 1\ng(x) = 2x\ng(1) = 2", ["proved", "proved"]),
        ("f(x) = (x + 1)^2\n= x^2 + 2x + 3\ng(x) = 2x\ng(1) = 2", ["refuted", "proved"]),
        # Facts about f one a line are separate claims, not f(1) = 2 <=> f'(1) = 3.
        ("f(x) = x^2\nf(1) = 1\nf'(1) = 2", ["proved", "proved"]),
        ("f(x) = x^2\nf(1) = 2\nf'(1) = 3", ["refuted", "refuted"]),
        ("f(x) = x^3 - 12x\nf'(x) = 3x^2 - 12\nf'(x) = 0 <=> x = 2 or x = -2",
         ["proved", "proved"]),
        ("f(x) = x^3 - 12x\nf'(x) = 3x^2 - 12\nf'(x) = 0 <=> x = 2", ["proved", "refuted"]),
        ("f(x) = x^2 + 3x\nf'(1) = 5\ny - 4 = 5(x - 1) <=> y = 5x - 1", ["proved", "proved"]),
        ("f(x) = x^2 + 3x\nf'(1) = 5\ny - 4 = 5(x - 1) <=> y = 5x + 1", ["proved", "refuted"]),
        ("f(x) = x^2 - 6x + 5\n= (x - 3)^2 - 4\nf(x) = 0 <=> x = 1 or x = 5",
         ["proved", "proved"]),
        # A line without f still continues the equation it solves.
        ("f(x) = x^2 - 4\nf(x) = 0\nx^2 = 4\nx = 2 or x = -2", ["proved", "proved"]),
        ("f(x) = x^2 - 4\nf(x) = 0\nx^2 = 4\nx = 2", ["proved", "refuted"]),
    ],
)
def test_chains_after_definitions(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("f(x) = \\sin(3x)\nf^{\\prime}(x) = 3\\cos(3x)", "proved"),
        ("f(x) = \\sin(3x)\nf^{\\prime}(x) = \\cos(3x)", "refuted"),
        ("f(x) = x^2 e^x\nf^{\\prime\\prime}(x) = (x^2 + 4x + 2) e^x", "proved"),
        ("f(x) = x^2 e^x\nf^{\\prime\\prime}(x) = (x^2 + 2x + 2) e^x", "refuted"),
        ("f(x) = x^3\nf^\\prime(2) = 12", "proved"),
    ],
)
def test_latex_primes(cell: str, expected: str) -> None:
    assert _statuses(cell) == [expected]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("y = x^3 - 2x\ndy/dx = 3x^2 - 2", "proved"),
        ("y = x^3 - 2x\ndy/dx = 3x^2 - 2x", "refuted"),
        ("y = x^2 e^x\ny' = (x^2 + 2x)e^x", "proved"),
        ("y = x^2 e^x\ny' = 2x e^x", "refuted"),
        ("y = sin(3x)\ny'' + 9y = 0", "proved"),
        ("y = e^{2x}\ny'' - 2y = 0", "refuted"),
        ("y = (2x + 1)^4\n\\frac{dy}{dx} = 8(2x + 1)^3", "proved"),
        ("y = (2x + 1)^4\n\\frac{dy}{dx} = 4(2x + 1)^3", "refuted"),
        ("y = e^{2x}\n\\frac{d^2y}{dx^2} = 4y", "proved"),
        ("s = 4.9t^2 + 2t\nds/dt = 9.8t + 2", "proved"),
        ("s = 4.9t^2 + 2t\nds/dt = 4.9t + 2", "refuted"),
    ],
)
def test_a_curve_y_is_defined_when_its_derivative_is_used(cell: str, expected: str) -> None:
    assert _statuses(cell) == [expected]


def test_a_curve_is_no_witness_where_it_has_no_derivative() -> None:
    (status, _, witness), = _steps("y = |x|\ndy/dx = 1")
    assert status == "refuted" and "x = 0" not in witness


def test_y_keeps_its_meaning_without_a_derivative() -> None:
    # An equation chain, and a cell that never differentiates y: y stays a letter.
    assert _statuses("y = 2x + 3\n<=> x = (y - 3)/2") == ["proved"]
    assert _statuses("y = 2x + 3\n<=> x = (y + 3)/2") == ["refuted"]
    assert _statuses("y = x^2 - 1\n<=> x^2 = y + 1") == ["proved"]
    # A line that does not differentiate y keeps y a coordinate (the tangent line).
    steps = _steps("y = x^3\ndy/dx = 3x^2\n\ny - 8 = 12(x - 2) <=> y = 12x - 16")
    assert [s for s, _, _ in steps] == ["proved", "proved"] and steps[1][1] == "y - 8 = 12(x - 2)"


def test_errors_say_what_to_write() -> None:
    (status, _, message), = _steps("f(x) = 2x - 5\nf^{-1}(3) = 4")
    assert status == "error" and "g(x) = ..." in message
    # (f + g)(x) of defined functions is written out since round 23 (f(x) + g(x)).
    (status, _, message), = _steps("f(x) = x^2\ng(x) = x\n(f + g)(x) = x^2 + x")
    assert status == "proved"
