"""Review 6 regressions: definition lines (f(x) = ...) are bounded and sound like typed maths."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(cell: str, *assume: str) -> list[tuple[str, str]]:
    result = check_proof(cell, CheckOptions(assume=assume))
    return [(s.status, s.counterexample.text if s.counterexample else s.message)
            for s in result.steps]


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        # Substituting into a definition evaluates: bounded as if typed (was a hang).
        ("f(x) = x!\nf(f(10)) = 1", "factorial of 3628800"),
        ("f(x) = x^x\nf(f(f(9))) = 1", "would have more than"),
        ("f(x) = x^1000\nf(f(2)) = 1", "would have more than"),
        ("f(x) = gamma(x)\nf(f(8)) = 1", "too large"),
        ("f(n) = product(k, (k, 1, n))\nf(10^9) = 1", "product over"),
        # Derivative order of a defined function is bounded like d^n/dx^n (was a hang).
        ("f(x) = x^999 e^x sin(x)\nf" + "'" * 150 + "(0) = 1", "order 150"),
    ],
)
def test_definition_substitution_is_bounded(cell: str, words: str) -> None:
    [(status, message)] = _steps(cell)
    assert status == "error"
    assert words in message


def test_composed_definitions_within_bounds_still_evaluate() -> None:
    assert _steps("f(x) = x^2\ng(x) = f(f(f(f(f(f(x))))))\ng(2) = 2^64") == [("proved", "")]
    assert _steps("f(x) = x^2\ng(x) = f(f(f(x)))\ng(2) = 2^9")[0][0] == "refuted"
