"""Regressions from the seventh held-out probe (equivalence reasoning over statements:
linear, quadratic, rational, absolute-value, radical, exponential and logarithmic equations and
inequalities, parameters under assumptions, small systems, and/or combinations)."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(text: str, assume: tuple[str, ...] = (), domain: str = "real") -> list[str]:
    result = check_proof(text, CheckOptions(assume=assume, domain=domain))  # type: ignore[arg-type]
    return [step.status for step in result.steps]


def _witness(text: str, assume: tuple[str, ...] = ()) -> dict[str, sp.Expr]:
    result = check_proof(text, CheckOptions(assume=assume))
    step = result.steps[-1]
    assert step.status == "refuted" and step.counterexample is not None, step
    return {k: sp.sympify(v) for k, v in step.counterexample.point}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a system with parameters: its solution set is a surface in four variables that
        # random points never meet; the witness is found by fixing a, b and solving
        ("x + y = a and x - y = b <=> x = (a + b)/2 and y = (a - b)/2", ["proved"]),
        ("x + y = a and x - y = b <=> x = (a + b)/2 and y = (b - a)/2", ["refuted"]),
        ("x + y + z = a and x - y = 1 <=> x = (a - z + 1)/2 and y = (a - z - 1)/2",
         ["proved"]),
        ("x + y + z = a and x - y = 1 <=> x = (a - z + 1)/2 and y = (a + z - 1)/2",
         ["refuted"]),
    ],
)
def test_systems_with_parameters(text: str, expected: list[str]) -> None:
    assert _steps(text) == expected


def test_system_witness_is_checkable() -> None:
    point = _witness("x + y = a and x - y = b <=> x = (a + b)/2 and y = (b - a)/2")
    x, y, a, b = (point[k] for k in "xyab")
    assert x + y == a and x - y == b
    assert not (x == (a + b) / 2 and y == (b - a) / 2)
