"""A premise in solved form (x = r cos θ and y = r sin θ) proves a conclusion that becomes an
identity once the formulas are put in; a wrong conclusion is refuted at a point of the
premise, and the way back (<=>) is not claimed."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(("cell", "status"), [
    (r"x = r \cos \theta, \; y = r \sin \theta \implies x^2 + y^2 = r^2", "proved"),
    (r"x = r \cos \theta, \; y = r \sin \theta \implies x^2 + y^2 = r", "refuted"),
    (r"x = r \cos \theta, \; y = r \sin \theta \iff x^2 + y^2 = r^2", "refuted"),
    (r"x^2 + y^2 = r^2 \impliedby x = r \cos \theta \text{ and } y = r \sin \theta", "proved"),
    ("x = cosh(t) and y = sinh(t) ==> x^2 - y^2 = 1", "proved"),
    ("x = cosh(t) and y = sinh(t) ==> x^2 + y^2 = 1", "refuted"),
])
def test_a_solved_premise_is_put_into_the_conclusion(cell: str, status: str) -> None:
    (step,) = check_proof(cell, CheckOptions(timeout=20)).steps
    assert step.status == status
