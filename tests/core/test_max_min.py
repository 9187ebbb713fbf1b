"""max and min of two values are proved through max(a, b) = (a + b + |a - b|)/2."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(("cell", "status"), [
    (r"\max(a, b) = \frac{a + b + |a - b|}{2}", "proved"),
    ("max(a, b) + min(a, b) = a + b", "proved"),
    ("max(a, b) - min(a, b) = |a - b|", "proved"),
    ("max(a, b) >= a", "proved"),
    ("min(a, b) <= (a + b)/2", "proved"),
    ("max(a, b) - min(a, b) = a - b", "refuted"),
    ("max(a, b) > a", "refuted"),
    ("max(a, b) = a", "refuted"),
])
def test_max_min(cell: str, status: str) -> None:
    assert check_proof(cell, CheckOptions(seed=0)).steps[0].status == status
