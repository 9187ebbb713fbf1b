"""asin(sin(u)) = u, acos(cos(u)) = u, atan(tan(u)) = u on the principal branch only."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize(("text", "assume"), [
    ("asin(sin(x))\n= x", "-pi/2 <= x <= pi/2"),
    ("acos(cos(x))\n= x", "0 <= x <= pi"),
    ("atan(tan(2x))\n= 2x", "-pi/4 < x < pi/4"),
    ("\\arcsin(\\sin x)\n= x", "0 <= x <= 1"),
])
def test_on_the_principal_branch_the_inverse_undoes(text: str, assume: str) -> None:
    step = check_proof(text, CheckOptions(assume=assume)).steps[0]
    assert step.status == "proved", step


@pytest.mark.parametrize(("text", "assume"), [
    ("asin(sin(x))\n= x", ""),
    ("acos(cos(x))\n= x", "0 <= x <= 4"),
    ("atan(tan(x))\n= x", "0 < x < 3"),
])
def test_off_the_branch_it_is_refuted(text: str, assume: str) -> None:
    step = check_proof(text, CheckOptions(assume=(assume,) if assume else ())).steps[0]
    assert step.status == "refuted", step
    assert step.counterexample is not None


@pytest.mark.parametrize(("text", "assume"), [
    ("cos(x)\n= sqrt(1 - sin(x)^2)", "-pi/2 <= x <= pi/2"),
    ("cos(x/2)\n= sqrt((1 + cos(x))/2)", "-pi < x < pi"),
])
def test_a_root_of_a_square_is_the_side_where_the_side_is_nonnegative(
        text: str, assume: str) -> None:
    assert check_proof(text, CheckOptions(assume=(assume,))).steps[0].status == "proved"


@pytest.mark.parametrize("assume", ["", "0 <= x <= pi"])
def test_a_root_of_a_square_is_refuted_where_the_side_is_negative(assume: str) -> None:
    step = check_proof("cos(x)\n= sqrt(1 - sin(x)^2)",
                       CheckOptions(assume=(assume,) if assume else ())).steps[0]
    assert step.status == "refuted"


@pytest.mark.parametrize(("text", "assume"), [
    ("atan(tan(x))\n= x - pi", "pi/2 < x < 3pi/2"),
    ("asin(sin(x))\n= pi - x", "pi/2 <= x <= 3pi/2"),
    ("acos(cos(x))\n= 2pi - x", "pi <= x <= 2pi"),
    ("acos(cos(x))\n= x - 2pi", "2pi <= x <= 3pi"),
])
def test_on_another_copy_of_the_branch_the_inverse_is_shifted(text: str, assume: str) -> None:
    assert check_proof(text, CheckOptions(assume=(assume,))).steps[0].status == "proved"


@pytest.mark.parametrize(("text", "assume"), [
    ("atan(tan(x))\n= x", "pi/2 < x < 3pi/2"),
    ("asin(sin(x))\n= x - pi", "pi/2 <= x <= 3pi/2"),
])
def test_a_wrong_shift_is_refuted(text: str, assume: str) -> None:
    assert check_proof(text, CheckOptions(assume=(assume,))).steps[0].status == "refuted"
