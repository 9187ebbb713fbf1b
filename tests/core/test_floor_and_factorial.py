"""Floor and ceiling steps are sampled between the integers; a number after n! multiplies."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _step(cell: str) -> tuple[str, dict[str, str]]:
    step = check_proof(cell, CheckOptions(seed=0)).steps[0]
    point = dict(step.counterexample.point) if step.counterexample else {}
    return step.status, point


@pytest.mark.parametrize(
    ("cell", "point"),
    [
        ("floor(x + y) = floor(x) + floor(y)", {"x": "1/2", "y": "1/2"}),
        ("ceiling(x + y) = ceiling(x) + ceiling(y)", {"x": "1/2", "y": "1/2"}),
        ("floor(2x) = 2 floor(x)", {"x": "1/2"}),
    ],
)
def test_floor_near_misses_are_refuted_between_the_integers(
    cell: str, point: dict[str, str]
) -> None:
    assert _step(cell) == ("refuted", point)


def test_a_true_floor_step_is_not_refuted() -> None:
    assert _step("floor(x + 1) = floor(x) + 1")[0] in ("proved", "likely")


@pytest.mark.parametrize(("cell", "status"), [
    ("7!/(3! 4!) = 35", "proved"),
    ("7!/(3! 4!) = 36", "refuted"),
    ("n! 2 = 2 n!", "proved"),
])
def test_a_number_after_a_factorial_multiplies(cell: str, status: str) -> None:
    assert _step(cell)[0] == status
