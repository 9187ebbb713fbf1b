"""A step between constants where a side has no real value says so, and what to write."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(("text", "hint"), [
    ("(-8)^(1/3)\n= -2", "cbrt(-8)"),
    ("sqrt(-4)\n= 2", "--domain complex"),
    ("log(-1)\n= 0", "--domain complex"),
    ("1/0\n= 1", "undefined in real mode"),
])
def test_an_undefined_side_is_explained(text: str, hint: str) -> None:
    step = check_proof(text, CheckOptions()).steps[0]
    assert step.status == "unknown"
    assert "undefined in real mode" in step.message
    assert hint in step.message


def test_the_real_cube_root_is_proved() -> None:
    assert check_proof("cbrt(-8)\n= -2", CheckOptions()).steps[0].status == "proved"


def test_complex_mode_takes_the_principal_root() -> None:
    step = check_proof("sqrt(-4)\n= 2 i", CheckOptions(domain="complex")).steps[0]
    assert step.status == "proved"


def test_a_refutation_that_uses_i_in_real_mode_says_how_to_mean_the_unit() -> None:
    step = check_proof("e^{i\\pi} + 1\n= 0", CheckOptions()).steps[0]
    assert step.status == "refuted"
    assert "--domain complex" in step.message
    assert check_proof("e^{i\\pi} + 1\n= 0", CheckOptions(domain="complex")).steps[0].status \
        == "proved"
    bound = check_proof("Sum(i, (i, 1, n))\n= n^2", CheckOptions()).steps[0]
    assert "imaginary" not in bound.message  # a summation index is not the unit
