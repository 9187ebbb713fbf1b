"""A statement that bounds its variable (``sin x = 1/2, 0 <= x <= 2 pi``) is solved on that
interval: its other conditions are periodic, and on all of R SymPy's answer is an image set."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(("cell", "status"), [
    (r"\sin x = \frac{1}{2}, \; 0 \le x \le 2\pi \iff x = \frac{\pi}{6} \text{ or } "
     r"x = \frac{5\pi}{6}", "proved"),
    (r"\sin x = \frac{1}{2}, \; 0 \le x \le 2\pi \iff x = \frac{\pi}{6}", "refuted"),
    (r"\cos x = 0 \text{ and } 0 \le x < 2\pi \iff x = \frac{\pi}{2} \text{ or } "
     r"x = \frac{3\pi}{2}", "proved"),
    (r"\cos x = 0 \text{ and } 0 \le x \le 2\pi \iff x = \frac{\pi}{2}", "refuted"),
    (r"\sin x > \frac{1}{2} \text{ and } 0 \le x \le 2\pi \iff \frac{\pi}{6} < x < "
     r"\frac{5\pi}{6}", "proved"),
    (r"x^2 = 4 \text{ and } x > 0 \iff x = -2", "refuted"),
])
def test_a_bounded_statement_is_solved_on_its_interval(cell: str, status: str) -> None:
    (step,) = check_proof(cell, CheckOptions()).steps
    assert step.status == status
    if status == "refuted":
        assert step.counterexample is not None
