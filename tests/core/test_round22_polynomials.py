"""Round 22: algebra worksheets on polynomials and systems (division identities, factor
theorem, completing the square, partial fractions, Vieta relations, simultaneous equations)."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(cell: str, *assume: str) -> list[tuple[str, str]]:
    result = check_proof(cell, CheckOptions(assume=assume))
    return [(s.status, s.counterexample.text if s.counterexample else s.message)
            for s in result.steps]


def _statuses(cell: str, *assume: str) -> list[str]:
    return [status for status, _ in _steps(cell, *assume)]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # p(x) = <polynomial> going on with "= ..." works on p's formula: p(x) read as the
        # product p x made the first step false (p = 0, x = 0).
        ("p(x) = x^3 - 6x^2 + 11x - 6\n  = (x - 1)(x^2 - 5x + 6)\n  = (x - 1)(x - 2)(x - 3)",
         ["proved", "proved"]),
        ("p(x) = x^3 - 6x^2 + 11x - 6\n  = (x - 1)(x^2 - 5x + 6)\n  = (x - 1)(x + 2)(x + 3)",
         ["proved", "refuted"]),
        ("q(t) = t^2 + 2t + 1 = (t + 1)^2", ["proved"]),
        ("q(t) = t^2 + 2t + 1 = (t - 1)^2", ["refuted"]),
        # a product names its letter on the right: still a claim about a times b
        ("a(b) = ab = ba", ["proved", "proved"]),
        ("p(x) = px\n= x + p", ["proved", "refuted"]),
    ],
)
def test_a_chain_that_goes_on_from_a_definition(cell: str, expected: list[str]) -> None:
    assert _statuses(cell) == expected
