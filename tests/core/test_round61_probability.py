"""Probe round 61: probability and statistics steps as school teachers write them
(core/probability.py, core/definitions.py): given values that a later line claims again."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _steps(cell: str) -> list[tuple[int, str, str]]:
    result = check_proof(cell, CheckOptions(assume=()))
    return [(s.line, s.status, s.counterexample.text if s.counterexample else s.message)
            for s in result.steps]


def _point(cell: str, line: int) -> dict[str, sp.Expr]:
    result = check_proof(cell, CheckOptions(assume=()))
    step = next(s for s in result.steps if s.line == line and s.status == "refuted")
    assert step.counterexample is not None
    return {name: sp.Rational(value) for name, value in step.counterexample.point}


@pytest.mark.parametrize(("cell", "given", "claimed"), [
    # P(A ∩ B) = 0.1 is given; the next line claims independence, which it contradicts
    ("P(A) = 0.3\nP(B) = 0.5\nP(A \\cap B) = 0.1\nP(A \\cap B) = P(A) P(B)",
     {"P(A)": "3/10", "P(B)": "1/2", "P(A∩B)": "1/10"}, lambda v: v["P(A)"] * v["P(B)"]),
    ("P(A) = 0.4\nP(B) = 0.35\nP(A \\cap B) = 0.2\nP(A \\cap B) = P(A) P(B) = 0.14",
     {"P(A)": "2/5", "P(B)": "7/20", "P(A∩B)": "1/5"}, lambda v: v["P(A)"] * v["P(B)"]),
    ("E(X) = 3\nE(X) = 4", {"E(X)": "3"}, lambda v: sp.Integer(4)),
])
def test_given_quantity_claimed_again_is_checked_against_its_value(
        cell: str, given: dict[str, str], claimed: object) -> None:
    last = cell.count("\n") + 1
    steps = _steps(cell)
    assert [s for s in steps if s[1] == "refuted"], steps
    assert all(line == last for line, status, _ in steps if status == "refuted"), steps
    point = _point(cell, last)
    # the witness is the cell's own given values, and the claim really fails there
    for name, value in given.items():
        assert point[name] == sp.Rational(value), point
    quantity = next(iter(set(given) - {"P(A)", "P(B)"}))
    assert callable(claimed)
    assert point[quantity] != claimed(point)


@pytest.mark.parametrize("cell", [
    "P(A) = 0.3\nP(B) = 0.5\nP(A \\cap B) = 0.15\nP(A \\cap B) = P(A) P(B)",
    "E(X) = 3\nE(X) = 3",
    "P(A) = 0.3\nP(A) = 1 - 0.7",
    "P(A) = 0.3\nP(A') = 1 - P(A) = 0.7",
])
def test_given_quantity_claimed_again_consistently_is_accepted(cell: str) -> None:
    steps = _steps(cell)
    assert all(status in ("proved", "likely") for _, status, _ in steps), steps


def test_quantity_alone_on_last_line_is_still_a_claim() -> None:
    # the last line has no line below it: it is a claim, never a given
    steps = _steps("P(A) = 0.3")
    assert steps and all(status != "refuted" for _, status, _ in steps), steps
