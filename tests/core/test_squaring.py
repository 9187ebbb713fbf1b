"""Statements compared after squaring nonnegative sides, and implications by elimination."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _step(text: str, *assume: str):  # type: ignore[no-untyped-def]
    return check_proof(text, CheckOptions(assume=assume)).steps[0]


@pytest.mark.parametrize(("text", "assume"), [
    ("|a| = |b|\n<=> a = b or a = -b", ()),
    ("|a| = |b|\n<=> a^2 = b^2", ()),
    ("a = b\n<=> a^2 = b^2", ("a > 0", "b > 0")),
    ("T = 2 pi sqrt(L/g)\n<=> T^2 = 4 pi^2 L/g", ("T > 0", "L > 0", "g > 0")),
    ("x = y\n==> x^2 = y^2", ()),
    ("x = 2 y + 1\n==> x - 2y = 1", ()),
])
def test_true_steps_are_proved(text: str, assume: tuple[str, ...]) -> None:
    step = _step(text, *assume)
    assert step.status == "proved", step


@pytest.mark.parametrize(("text", "assume"), [
    ("|a| = |b|\n<=> a = b", ()),
    ("T = 2 pi sqrt(L/g)\n<=> T^2 = 4 pi^2 L/g", ()),  # T = -2 pi solves only the square
    ("a = -b\n<=> a^2 = b^2", ("a > 0", "b > 0")),
    ("x = y\n==> x/y = 1", ()),  # x = y = 0
    ("x = y\n<=> x^2 = y^2", ()),
])
def test_near_misses_are_refuted(text: str, assume: tuple[str, ...]) -> None:
    step = _step(text, *assume)
    assert step.status == "refuted", step
    assert step.counterexample is not None


@pytest.mark.parametrize("text", [
    "a^3 b^3 = 0\n<=> a = 0 or b = 0",
    "a^3 b^3 = 0\n<=> a b = 0",
    "(x - 2)^2 = 0\n<=> x = 2",
])
def test_repeated_factors_have_the_same_zeros(text: str) -> None:
    assert _step(text).status == "proved"


def test_a_lost_factor_is_still_a_lost_root() -> None:
    step = _step("(x - 2)^2 (x + 1) = 0\n<=> x = 2")
    assert step.status == "refuted"
    assert step.counterexample is not None and dict(step.counterexample.point)["x"] == "-1"


@pytest.mark.parametrize("text", [
    "sqrt(x) = sqrt(y)\n==> x = y",
    "a = b\n<== sqrt(a) = sqrt(b)",
])
def test_squaring_the_premise_proves_an_implication(text: str) -> None:
    step = _step(text)
    assert step.status == "proved", step


def test_squaring_does_not_prove_the_equivalence() -> None:
    step = _step("sqrt(x) = sqrt(y)\n<=> x = y")  # x = y = -1 solves only the second line
    assert step.status == "refuted"
