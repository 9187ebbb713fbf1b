"""Lines that state derivatives or antiderivatives are claims of their own: two in a row are
not joined by <=> (two wrong derivatives that agree only at x = 0 proved each other)."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _statuses(cell: str) -> list[str]:
    return [s.status for s in check_proof(cell, CheckOptions()).steps]


@pytest.mark.parametrize(("cell", "expected"), [
    ("d/dx x^2 = 3x\nd/dx x^3 = 2x^2", ["refuted", "refuted"]),
    ("\\frac{d}{dx} x^2 = 3x\n\\frac{d}{dx} x^3 = 2x^2", ["refuted", "refuted"]),
    ("diff(x^2, x) = 3x\ndiff(x^3, x) = 2x^2", ["refuted", "refuted"]),
    ("\\int x dx = x^2\n\\int x^2 dx = x^3", ["refuted", "refuted"]),
    ("d/dx x^2 = 2x\nd/dx x^3 = 2x^2", ["proved", "refuted"]),
    ("d/dx x^2 = 2x\nd/dx (2x - 1) = 2", ["proved", "proved"]),
])
def test_each_calculus_fact_is_its_own_claim(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected


def test_setting_a_derivative_to_zero_still_chains() -> None:
    assert _statuses("\\frac{d}{dx}(x^2 - 4x) = 0\n2x - 4 = 0\nx = 2") == ["proved", "proved"]
    assert _statuses("\\frac{d}{dx}(x^2 - 4x) = 0\n2x - 4 = 0\nx = 3") == ["proved", "refuted"]
