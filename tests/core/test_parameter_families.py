"""Letters one line has and the other lacks are "for some" parameters only in a solution
written in them (x = 1 - t and y = t); an unknown dropped from a system is a lost unknown,
and the step is refuted."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize("cell", [
    "x + y = 1 <=> x = 1 - t and y = t",
    "x + y + z = 1 <=> x = 1 - s - t and y = s and z = t",
    "x - 2y = 0 <=> x = 2t and y = t",
    "x + y = t <=> x = t - s and y = s",
    "x + y + z = 1 <=> x = 1 - λ - μ and y = λ and z = μ",
    "x + y = 1 and z = 2 <=> x = 1 - t and y = t and z = 2",
])
def test_parametric_solutions_are_families(cell: str) -> None:
    assert check_proof(cell, CheckOptions()).steps[0].status == "proved"


@pytest.mark.parametrize(("cell", "gained"), [
    ("x + 2y = 5 and x - y = 2 <=> x = 3", {"x": "3"}),
    ("x + y + z = 6 and y = 2 and z = 3 <=> x = 1 and y = 2", {"x": "1", "y": "2"}),
    ("x + y + z = 1 and z = 0 <=> x + y = 1", {}),
    ("x + a = 1 and y - a = 0 <=> x + y = 1", {}),
    ("x = 5 - 2y and x = y + 2 <=> x = 3", {"x": "3"}),
])
def test_a_dropped_unknown_is_refuted(cell: str, gained: dict[str, str]) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "refuted"
    assert step.counterexample is not None
    point = dict(step.counterexample.point)
    assert {k: point[k] for k in gained} == gained  # on the right line, off the system
    assert "satisfies this line but not the previous one" in step.counterexample.text
