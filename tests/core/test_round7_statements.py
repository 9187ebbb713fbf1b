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


@pytest.mark.parametrize(
    ("text", "assume", "expected"),
    [
        # a premise of bounds is a change of variables (y = x + t, t > 0), as assumptions are
        ("x > 0 and y > 0 ==> x y > 0", (), ["proved"]),
        ("x y > 0 ==> x > 0 and y > 0", (), ["refuted"]),
        ("x > 0 and x < y ==> 1/x > 1/y", (), ["proved"]),
        ("x < y ==> 1/x > 1/y", (), ["refuted"]),
        ("a > b ==> 1/a < 1/b", ("a > 0, b > 0",), ["proved"]),
        ("a > b ==> 1/a < 1/b", (), ["refuted"]),
        ("a > b ==> a^2 > b^2", ("b > 0",), ["proved"]),
        ("a > b ==> a^2 > b^2", (), ["refuted"]),
        ("a > b ==> a c > b c", ("c > 0",), ["proved"]),
        ("a > b ==> a c > b c", (), ["refuted"]),
        # a positive definite form times a positive gap: (x + t)^3 - x^3 = t (t^2 + 3tx + 3x^2)
        ("x < y ==> x^3 < y^3", (), ["proved"]),
        ("x < y ==> x^2 < y^2", (), ["refuted"]),
        # <=> the other way by the contrapositive (x >= y ==> x^3 >= y^3), peeling monotone
        # functions off both sides of the claim
        ("x < y <=> x^3 < y^3", (), ["proved"]),
        ("x < y <=> e^x < e^y", (), ["proved"]),
        ("x < y <=> e^(-x) < e^(-y)", (), ["refuted"]),
        ("x < y <=> (1/2)^x > (1/2)^y", (), ["proved"]),
        ("x < y <=> (1/2)^x < (1/2)^y", (), ["refuted"]),
        ("x < y <=> ln(x) < ln(y)", ("x > 0, y > 0",), ["proved"]),
        ("x < y <=> ln(x) < ln(y)", (), ["refuted"]),
        ("x < y <=> sqrt(x) < sqrt(y)", (), ["refuted"]),
    ],
)
def test_premise_of_bounds(text: str, assume: tuple[str, ...], expected: list[str]) -> None:
    assert _steps(text, assume) == expected
