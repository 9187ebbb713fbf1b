"""Domain notes compare trigonometric zero sets, not their texts."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(("cell", "notes"), [
    # Both sides undefined exactly where sin x cos x = 0: nothing to note.
    ("1/(sin(x) cos(x)) = 2/sin(2x)", ()),
    ("(sin(x)^2 + cos(x)^2)/(sin(x) cos(x)) = 2/sin(2x)", ()),
    # The left side has exceptions the right side lacks.
    ("sin(2x)/sin(x) = 2 cos(x)", ("sin(x) ≠ 0",)),
    # x = 0 is one of the points sin x ≠ 0 already excludes: no second note "x ≠ 0".
    (r"\frac{\sin x}{1 + \cos x} = \frac{1 - \cos x}{\sin x}",
     ("cos(x) + 1 ≠ 0", "sin(x) ≠ 0")),
])
def test_notes_only_for_exceptions_one_side_lacks(cell: str, notes: tuple[str, ...]) -> None:
    step = check_proof(cell, CheckOptions(seed=0)).steps[0]
    assert step.status == "proved"
    assert step.notes == notes
    assert ("domain" in step.flags) == bool(notes)
