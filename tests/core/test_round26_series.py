"""Round 26: Taylor series with O terms, limits by series, substitution steps (true/false
pairs)."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(cell: str, assume: str = "") -> list[tuple[str, str, str]]:
    result = check_proof(cell, CheckOptions(assume=(assume,) if assume else ()))
    return [(s.status, s.counterexample.text if s.counterexample else "", s.message)
            for s in result.steps]


def _statuses(cell: str, assume: str = "") -> list[str]:
    return [status for status, _, _ in _steps(cell, assume)]


@pytest.mark.parametrize(("cell", "assume", "expected"), [
    ("e^x = 1 + x + x^2/2 + O(x^3)", "", ["proved"]),
    ("e^x = 1 + x + x^2 + O(x^3)", "", ["refuted"]),
    ("e^x = 1 + x + x^2/2 + O(x^4)", "", ["refuted"]),
    ("\\sin x = x - \\frac{x^3}{6} + O(x^5)", "", ["proved"]),
    ("\\sin x = x - \\frac{x^3}{3} + O(x^5)", "", ["refuted"]),
    ("\\sin x = x + O(x^5)", "", ["refuted"]),
    ("e^x = 1 + x + \\frac{x^2}{2} + \\mathcal{O}\\left(x^3\\right)", "", ["proved"]),
    ("e^x = 1 + x + \\frac{x^2}{2} + \\mathcal{O}\\left(x^4\\right)", "", ["refuted"]),
    ("e^x = \\sum_{k=0}^{3} \\frac{x^k}{k!} + O(x^4)", "", ["proved"]),
    ("e^x = \\sum_{k=0}^{3} \\frac{x^k}{k!} + O(x^5)", "", ["refuted"]),
    ("(1 + x)^n = 1 + nx + \\frac{n(n-1)}{2}x^2 + O(x^3)", "", ["proved"]),
    ("(1 + x)^n = 1 + nx + \\frac{n(n+1)}{2}x^2 + O(x^3)", "", ["refuted"]),
    # chains and products: the O terms compose as sets, left to right
    ("e^x \\sin x = (1 + x + \\frac{x^2}{2} + O(x^3))(x - \\frac{x^3}{6} + O(x^5))\n"
     "= x + x^2 + \\frac{x^3}{3} + O(x^4)", "", ["proved", "proved"]),
    ("e^x \\sin x = (1 + x + \\frac{x^2}{2} + O(x^3))(x - \\frac{x^3}{6} + O(x^5))\n"
     "= x + x^2 + \\frac{x^3}{2} + O(x^4)", "", ["proved", "refuted"]),
    ("\\sin x = x - \\frac{x^3}{6} + O(x^5)\n= x + O(x^3)", "", ["proved", "proved"]),
    ("1 + x + O(x^2) = 1 + x + \\frac{x^2}{2} + O(x^3)", "", ["refuted"]),
    ("x^3 = O(x^2)", "", ["proved"]),
    ("x^2 + x = O(x^2)", "", ["unknown"]),
    ("\\sin x + x = O(x^2)", "", ["refuted"]),
    # false as x → 0 but true as x → ∞ (3n^2 + 5n = O(n^2)): open, with a message
    ("3n^2 + 5n = O(n^2)", "", ["unknown"]),
    ("x O(x^2) = O(x^3)", "", ["proved"]),  # t O(t^2), not O(t^2) with x a constant
    ("x O(x^2) = O(x^4)", "", ["refuted"]),
    # other points: x - a, and O(1/x^n) as x → ∞
    ("\\ln x = (x - 1) - \\frac{(x - 1)^2}{2} + O((x - 1)^3)", "", ["proved"]),
    ("\\ln x = (x - 1) + \\frac{(x - 1)^2}{2} + O((x - 1)^3)", "", ["refuted"]),
    ("\\frac{1}{x - 1} = \\frac{1}{x} + \\frac{1}{x^2} + O\\left(\\frac{1}{x^3}\\right)", "",
     ["proved"]),
    ("\\frac{1}{x - 1} = \\frac{1}{x} - \\frac{1}{x^2} + O\\left(\\frac{1}{x^3}\\right)", "",
     ["refuted"]),
    ("\\cot x = \\frac{1}{x} - \\frac{x}{3} + O(x^3)", "", ["proved"]),
    ("\\cot x = \\frac{1}{x} + \\frac{x}{3} + O(x^3)", "", ["refuted"]),
    # limits by series
    ("\\lim_{x\\to0} \\frac{e^x - 1 - x}{x^2} = \\lim_{x\\to0} \\frac{x^2/2 + O(x^3)}{x^2} "
     "= \\frac{1}{2}", "", ["proved", "proved"]),
    ("\\lim_{x\\to0} \\frac{e^x - 1 - x}{x^2} = \\lim_{x\\to0} \\frac{x^2 + O(x^3)}{x^2} = 1",
     "", ["refuted", "proved"]),
])
def test_series_with_landau_symbols(cell: str, assume: str, expected: list[str]) -> None:
    assert _statuses(cell, assume) == expected


def test_the_witness_is_the_leading_term_not_a_sample_point() -> None:
    ((status, text, _),) = _steps("\\sin x = x - \\frac{x^3}{3} + O(x^5)")
    assert status == "refuted"
    assert "x^3/6" in text and "not O(x^5)" in text and "x → 0" in text


def test_an_o_term_cannot_be_dropped_going_right() -> None:
    ((status, _, message),) = _steps("1 + x + O(x^2) = e^x")
    assert status == "unknown" and "dropped going right" in message


def test_a_lone_letter_o_stays_a_letter() -> None:
    assert _statuses("O + 1 = 1 + O") == ["proved"]
    assert _statuses("(O + 1)^2 = O^2 + 2O + 1") == ["proved"]


@pytest.mark.parametrize(("cell", "assume", "expected"), [
    ("\\int 2x \\cos(x^2) \\, dx = \\int \\cos u \\, du = \\sin u + C = \\sin(x^2) + C",
     "u = x^2", ["proved"] * 3),
    ("\\int x \\cos(x^2) \\, dx = \\int \\cos u \\, du", "u = x^2", ["refuted"]),
    ("\\int 3x^2 (x^3 + 1)^4 dx = \\int u^4 du = \\frac{u^5}{5} + C", "u = x^3 + 1",
     ["proved", "proved"]),
    ("\\int x^2 (x^3 + 1)^4 dx = \\int u^4 du", "u = x^3 + 1", ["refuted"]),
    ("\\int \\tan x \\, dx = \\int \\frac{\\sin x}{\\cos x} dx = -\\int \\frac{1}{u} du",
     "u = cos x", ["proved", "proved"]),
    ("\\int \\tan x \\, dx = \\int \\frac{\\sin x}{\\cos x} dx = \\int \\frac{1}{u} du",
     "u = cos x", ["proved", "refuted"]),
    ("\\int \\cos(3x) dx = \\frac{1}{3} \\int \\cos u \\, du", "u = 3x", ["proved"]),
    ("\\int \\cos(3x) dx = 3 \\int \\cos u \\, du", "u = 3x", ["refuted"]),
    ("\\int_0^2 2x \\cos(x^2) dx = \\int_0^4 \\cos u \\, du", "", ["proved"]),
    ("\\int_0^2 2x \\cos(x^2) dx = \\int_0^2 \\cos u \\, du", "", ["refuted"]),
])
def test_substitution_steps(cell: str, assume: str, expected: list[str]) -> None:
    assert _statuses(cell, assume) == expected
