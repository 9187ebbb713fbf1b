"""Relations with an infinite side, read in the extended reals: ``\\sum 1/n^2 < \\infty`` says
the series converges, ``\\ln x > -\\infty`` holds wherever ln x has a value. They used to be
refuted with "right side undefined"; and a statement line ``x = 1 or ln(-2) > 0`` is solved
by x = 1 (a part with no real value is false, not the whole line)."""

from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


@pytest.mark.parametrize("cell", [
    r"\sum_{n=1}^{\infty} \frac{1}{n^2} < \infty",
    r"\int_1^{\infty} \frac{1}{x^2} dx < \infty",
    r"e^x < \infty",
    r"\ln x > -\infty",
    r"x^2 + 1 \le \infty",
    r"\sum_{k=1}^{n} k < \infty",
])
def test_a_finite_side_against_infinity_is_proved(cell: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "proved", step


@pytest.mark.parametrize(("cell", "finite"), [
    (r"\ln x = \infty", lambda x: mpmath.log(x)),
    (r"x^2 > \infty", lambda x: x ** 2),
    (r"e^{-x} \le -\infty", lambda x: mpmath.exp(-x)),
])
def test_a_finite_side_is_never_infinite(cell: str, finite: object) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "refuted", step
    witness = step.counterexample
    assert witness is not None and "∞" in witness.text
    (name, value), = witness.point
    at = sp.Rational(value)
    value_there = finite(mpmath.mpf(at.p) / at.q)  # type: ignore[operator]
    assert mpmath.isfinite(value_there) and mpmath.im(value_there) == 0


@pytest.mark.parametrize("cell", [
    r"\sum_{n=1}^{\infty} \frac{1}{n} < \infty",  # the harmonic series diverges
    r"\int_1^{\infty} \frac{1}{x} dx < \infty",
])
def test_a_divergent_quantity_is_not_finite(cell: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == "refuted", step
    assert step.counterexample is not None and step.counterexample.lhs_value == "oo"


@pytest.mark.parametrize(("cell", "status"), [
    (r"\ln(x) < \infty \iff x > 0", "proved"),
    (r"\sqrt{x} \le \infty \iff x \ge 0", "proved"),
    (r"x^2 > -\infty \iff x^2 \ge 0", "proved"),
    (r"\ln(x) < \infty \iff x > 1", "refuted"),
    (r"\sqrt{x} \le \infty \iff x \ge -1", "refuted"),
])
def test_statements_with_an_infinite_side(cell: str, status: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == status, step
    if status == "refuted":
        assert step.counterexample is not None
        (_, value), = step.counterexample.point
        x = sp.Rational(value)
        lhs = {"lost-root": True, "gained-root": False}[step.counterexample.kind]
        # the witness is a solution of exactly one line: check the left line independently
        left = x > 0 if "ln" in cell else x >= 0
        assert bool(left) is lhs


@pytest.mark.parametrize(("cell", "status"), [
    ("x = 1 or ln(-2) > 0 <=> x = 1", "proved"),
    (r"x = 1 or \sqrt{-3} = 1 <=> x = 1", "proved"),
    ("x = 1 or ln(-2) > 0 <=> x = 2", "refuted"),
    ("x = 1 and ln(-2) > 0 <=> x = 1", "refuted"),
])
def test_an_or_part_without_a_real_value_is_false_not_fatal(cell: str, status: str) -> None:
    step = check_proof(cell, CheckOptions()).steps[0]
    assert step.status == status, step
