"""Indefinite integrals inside a side (integration by parts chains) are read up to a constant:
the step holds when both sides have the same derivative."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(
    "cell",
    [
        "\\int x e^x \\, dx = x e^x - \\int e^x \\, dx\n= x e^x - e^x + C",
        "\\int x \\cos x \\, dx = x \\sin x - \\int \\sin x \\, dx\n= x \\sin x + \\cos x + C",
        "\\int 2x \\, dx = (x + 1)^2 - \\int 2 \\, dx",
        "\\int 2x \\, dx + \\int 1 \\, dx = x^2 + x + C",
    ],
)
def test_chains_with_integrals_inside_are_proved(cell: str) -> None:
    steps = check_proof(cell, CheckOptions(seed=0)).steps
    assert [s.status for s in steps] == ["proved"] * len(steps)


@pytest.mark.parametrize(
    "cell",
    [
        "\\int x e^x \\, dx = x e^x + \\int e^x \\, dx",
        "\\int 2x \\, dx = (x + 1)^2 - \\int 3 \\, dx",
        "x \\sin x - \\int \\sin x \\, dx = x \\sin x - \\cos x + C",
    ],
)
def test_a_wrong_sign_is_refuted_by_the_derivatives(cell: str) -> None:
    step = check_proof(cell, CheckOptions(seed=0)).steps[-1]
    assert step.status == "refuted" and step.counterexample is not None
    assert "derivative" in step.counterexample.text
