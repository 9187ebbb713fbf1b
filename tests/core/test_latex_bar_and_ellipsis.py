"""The evaluation bar \\left. F \\right|_a^b, and a precise error for sums written with '...'."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _step(cell: str) -> tuple[str, str]:
    step = check_proof(cell, CheckOptions(seed=0)).steps[0]
    return step.status, step.message or ""


@pytest.mark.parametrize(("cell", "status"), [
    (r"\left.\frac{x^2}{2}\right|_0^1 = \frac12", "proved"),
    (r"\left. x^3 \right|_{1}^{2} = 7", "proved"),
    (r"\left. x^3 \right|_{1}^{2} = 8", "refuted"),
    (r"\left| x - 1 \right| = |x - 1|", "proved"),  # a \left| is still an absolute value
])
def test_evaluation_bar(cell: str, status: str) -> None:
    assert _step(cell)[0] == status


@pytest.mark.parametrize("cell", [
    r"1 + 2 + \cdots + n = \frac{n(n+1)}{2}",
    "1 + 2 + ... + n = n(n+1)/2",
    "1 + 2 + … + n = n(n+1)/2",
    r"1 \cdot 2 \cdots n = n!",
])
def test_an_ellipsis_is_a_precise_error(cell: str) -> None:
    status, message = _step(cell)
    assert status == "error"
    assert "line 1, column" in message and "Sum(k, (k, 1, n))" in message
