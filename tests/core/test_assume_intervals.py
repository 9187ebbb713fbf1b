"""Assumptions written as a chain (0 < x < 1) or an interval (x in (0, 1]) are read as
single relations, so every tier (sampling, regions, provers) sees them."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.parser import build_env


@pytest.mark.parametrize(
    ("assume", "conditions"),
    [
        ("0 < x < 1", ["0 < x", "x < 1"]),
        ("x \\in (0, 1)", ["0 < x", "x < 1"]),
        ("x ∈ (0, 1)", ["0 < x", "x < 1"]),
        ("x in [0, 1]", ["0 <= x", "x <= 1"]),
        ("x in (1, oo)", ["1 < x"]),
        ("x in (-oo, 0]", ["x <= 0"]),
        ("x \\in \\left(0, \\frac{\\pi}{2}\\right)", ["0 < x", "x < pi/2"]),
        ("x in [0, 1], y > 2", ["0 <= x", "x <= 1", "y > 2"]),
    ],
)
def test_chains_and_intervals_become_single_relations(assume: str, conditions: list[str]) -> None:
    env = build_env(CheckOptions(assume=(assume,)))
    assert [str(c) for c in env.conditions] == conditions


def test_membership_in_a_number_set_is_still_a_property() -> None:
    assert build_env(CheckOptions(assume=("n in Z",))).symbols["n"].is_integer


@pytest.mark.parametrize(
    ("cell", "status"),
    [
        ("assume 0 < x < 1\nx^2 < x", "proved"),
        ("assume x in (0, 1)\nlog(x) < 0", "proved"),
        ("assume x in (0, 2)\nx^2 < x", "refuted"),
        ("assume x ∈ [0, 1]\nx^3 <= x", "proved"),
    ],
)
def test_interval_assumptions_decide_steps(cell: str, status: str) -> None:
    assert check_proof(cell, CheckOptions(seed=0)).steps[0].status == status


@pytest.mark.parametrize("assume", ["n positive integer", "n integer positive",
                                    "n, m positive integers", "n nonnegative integer"])
def test_several_properties_of_one_name(assume: str) -> None:
    """Every property word applies to the names before it; none becomes a variable."""
    options = CheckOptions(seed=0, assume=(assume,))
    assert check_proof("(-1)^(2n) = 1", options).steps[0].status == "proved"
    refuted = check_proof("(-1)^n = 1", options).steps[0]
    assert refuted.status == "refuted" and refuted.counterexample is not None
    assert dict(refuted.counterexample.point)["n"] == "1"


def test_properties_without_a_name_are_an_error() -> None:
    step = check_proof("x = x", CheckOptions(seed=0, assume=("integer positive",))).steps[0]
    assert step.status == "error" and "expected the name" in (step.message or "")
