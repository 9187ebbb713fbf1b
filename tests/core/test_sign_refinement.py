"""Identities that hold wherever the left side is defined, proved for nonnegative symbols."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _step(text: str, *assume: str):  # type: ignore[no-untyped-def]
    return check_proof(text, CheckOptions(assume=assume)).steps[0]


@pytest.mark.parametrize("text", [
    "sqrt(a) sqrt(b)\n= sqrt(a b)",
    "sqrt(a)/sqrt(b)\n= sqrt(a/b)",
    "log(a) + log(b)\n= log(a b)",
    "\\sqrt{x}\\sqrt{y}\n= \\sqrt{xy}",
])
def test_the_product_rules_hold_where_the_left_side_is_defined(text: str) -> None:
    step = _step(text)
    assert step.status == "proved", step
    assert "in the setting" in step.method


@pytest.mark.parametrize("text", [
    "sqrt(a b)\n= sqrt(a) sqrt(b)",
    "log(a b)\n= log(a) + log(b)",
    "sqrt(a) sqrt(b)\n= sqrt(a b) + 1",
])
def test_the_other_direction_and_near_misses_are_refuted(text: str) -> None:
    step = _step(text)
    assert step.status == "refuted"
    assert step.counterexample is not None


def test_a_symbolic_exponent_gives_no_sign() -> None:
    # x^a is defined at x = -1 when a = 2, where (x^2)^(1/2) = 1 but x^1 = -1.
    assert _step("(x^a)^b\n= x^(a b)").status not in ("proved", "likely")
