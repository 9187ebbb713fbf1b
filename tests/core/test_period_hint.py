"""A statement refuted because a letter that counts periods was not declared an integer
says how to declare it."""

from __future__ import annotations

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

UNDECLARED = "cos(x) = 1/2\n<=> x = π/3 + 2kπ or x = -π/3 + 2kπ"


def test_undeclared_period_letter_gets_a_hint() -> None:
    step = check_proof(UNDECLARED, CheckOptions()).steps[0]
    assert step.status == "refuted"
    assert "if it counts periods, end the line with , k ∈ ℤ" in step.message


def test_declared_period_letter_is_proved_and_needs_no_hint() -> None:
    step = check_proof(UNDECLARED + ", k ∈ ℤ", CheckOptions()).steps[0]
    assert step.status == "proved" and step.message == ""


def test_a_letter_without_pi_gets_no_hint() -> None:
    step = check_proof("x^2 = 4 <=> x = 2k", CheckOptions()).steps[0]
    assert step.status == "refuted" and "periods" not in step.message
