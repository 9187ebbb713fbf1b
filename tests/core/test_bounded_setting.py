"""Steps under assumptions that bound the variable: continuity and exceptions are judged on
the setting, not on all the reals (tan x on 0 < x < pi/2)."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _step(cell: str, assume: str = ""):  # type: ignore[no-untyped-def]
    return check_proof(cell, CheckOptions(assume=(assume,) if assume else ())).steps[0]


@pytest.mark.parametrize(
    ("cell", "assume", "status"),
    [
        ("tan(x) > x", "0 < x < pi/2", "proved"),
        ("tan(x) >= x", "0 < x < pi/2", "proved"),
        ("tan(x) > 2x", "0 < x < pi/2", "refuted"),  # x = pi/6: tan is 1/sqrt(3)
        ("tan(x) > x", "0 < x < 3", "refuted"),  # tan is negative past pi/2
    ],
)
def test_tangent_bounds(cell: str, assume: str, status: str) -> None:
    step = _step(cell, assume)
    assert step.status == status, (step.status, step.method, step.message)


def test_an_exception_outside_the_setting_is_no_note() -> None:
    assert _step("tan(x) cos(x) = sin(x)", "0 < x < pi/2").notes == ()
    assert _step("tan(x) cos(x) = sin(x)", "0 < x < 2").notes != ()  # pi/2 is inside
    assert _step("tan(x) cos(x) = sin(x)").notes != ()


@pytest.mark.parametrize(
    ("cell", "assume", "status"),
    [
        # x^x has its least value at 1/e, where the derivative's factor ln x + 1 vanishes
        # (x^x itself never does).
        ("x^x >= (1/e)^(1/e)", "x > 0", "proved"),
        ("x^x > (1/e)^(1/e)", "x > 0", "refuted"),  # equal at x = 1/e, found exactly
        ("x^x >= 7/10", "x > 0", "refuted"),
        ("x e^(-x) <= 1/e", "x > 0", "proved"),
        ("x e^(-x) < 1/e", "x > 0", "refuted"),
    ],
)
def test_least_and_greatest_values(cell: str, assume: str, status: str) -> None:
    step = _step(cell, assume)
    assert step.status == status, (step.status, step.method, step.message)
    if status == "refuted" and "(1/e)" in cell:
        assert step.counterexample is not None
        assert dict(step.counterexample.point) == {"x": "exp(-1)"}


def test_a_second_derivative_across_a_kink_is_no_checker_failure() -> None:
    # d^2/dx^2 |x| is 2 DiracDelta(x): 0 off the kink, no value at it.
    assert _step("d^2/dx^2 |x| = 0").status == "likely"
    step = _step("d^2/dx^2 |x| = 1")
    assert step.status == "refuted" and step.counterexample is not None
    assert dict(step.counterexample.point) != {"x": "0"}
