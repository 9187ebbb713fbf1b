"""Angles are in radians; a step refuted so that holds with its whole-number angles in
degrees (sin(30) = 1/2) keeps its verdict and says how to write degrees."""

from __future__ import annotations

import math

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

HINT = "angles are in radians here; with the angle in degrees the step holds"


@pytest.mark.parametrize("cell", ["sin(30) = 1/2", "cos(60) + sin(30) = 1", "tan 45 = 1",
                                  r"\sin 30 = \frac{1}{2}"])
def test_degrees_reading_is_named(cell: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "refuted"
    assert HINT in step.message


def test_radians_stay_the_reading() -> None:
    assert math.sin(30) != 0.5
    assert check_proof("sin 30° = 1/2", CheckOptions()).steps[0].status == "proved"


@pytest.mark.parametrize("cell", ["sin(30) = 1/3", "sin(2) = 1"])
def test_no_hint_when_degrees_do_not_help(cell: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "refuted"
    assert HINT not in step.message
