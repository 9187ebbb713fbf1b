"""Inequalities in one integer variable proved by induction (differences or ratios); their
false neighbours refuted at the first integer where they fail, re-checked here."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _step(text: str, *assume: str) -> tuple[str, str, dict[str, str]]:
    step = check_proof(text, CheckOptions(assume=assume, timeout=20)).steps[0]
    point = dict(step.counterexample.point) if step.counterexample else {}
    return step.status, step.method, point


@pytest.mark.parametrize(("text", "assume"), [
    ("2^n > n", ("n positive integer",)),
    ("2^n >= n + 1", ("n natural",)),
    ("2^n > n^2", ("n integer", "n >= 5")),
    ("n! >= 2^(n-1)", ("n positive integer",)),
    ("n! > 2^n", ("n integer", "n >= 4")),
    ("3^n >= 2^n + 1", ("n positive integer",)),
    ("Sum(1/k^2, (k, 1, n)) <= 2 - 1/n", ("n positive integer",)),
])
def test_integer_inequalities_are_proved_by_induction(text: str, assume: tuple[str, ...]) -> None:
    status, method, _ = _step(text, *assume)
    assert (status, method.startswith("induction")) == ("proved", True)


@pytest.mark.parametrize(("text", "assume", "left", "right"), [
    ("2^n > n^2", ("n integer", "n >= 4"), "2**n", "n**2"),
    ("n! > 2^n", ("n integer", "n >= 3"), "factorial(n)", "2**n"),
    ("3^n > 2^n + n", ("n positive integer",), "3**n", "2**n + n"),
    ("4^n >= 3^n + 2^n", ("n natural",), "4**n", "3**n + 2**n"),
])
def test_the_false_neighbours_fail_at_an_integer_in_range(
    text: str, assume: tuple[str, ...], left: str, right: str
) -> None:
    status, _, point = _step(text, *assume)
    assert status == "refuted"
    n = sp.Integer(point["n"])
    lhs, rhs = sp.sympify(left).subs("n", n), sp.sympify(right).subs("n", n)
    holds = lhs > rhs if ">" in text and ">=" not in text else lhs >= rhs
    assert not holds


def test_a_claim_the_induction_cannot_reach_stays_open_within_the_limit() -> None:
    # (1 + 1/n)^n >= 2 is true; its difference is not a rational function, so no proof.
    status, _, _ = _step("(1 + 1/n)^n >= 2", "n positive integer")
    assert status in ("likely", "unknown")


@pytest.mark.parametrize(("text", "assume"), [
    ("(1 + x)^n >= 1 + n x", ("n integer", "n >= 1", "x >= -1")),  # Bernoulli
    ("(1 + x)^n >= 1 + n x", ("n natural", "x >= -1")),
    ("(1 + x)^n > 1 + n x", ("n integer", "n >= 2", "x > -1", "x != 0")),
    ("(1 + x)^n >= 1 + n x + n(n - 1)/2 x^2", ("n positive integer", "x >= 0")),
    ("2^n x^n >= 1 + n x", ("n positive integer", "x >= 1")),
])
def test_inequalities_with_a_parameter_are_proved_through_a_multiplier(
    text: str, assume: tuple[str, ...]
) -> None:
    step = check_proof(text, CheckOptions(assume=assume, timeout=20)).steps[0]
    assert (step.status, step.method) == ("proved", "induction (multiplier)")
    assert step.notes == ()  # 0^n is defined for n >= 0: no "x ≠ -1"


@pytest.mark.parametrize(("text", "assume", "left", "right"), [
    ("(1 + x)^n >= 1 + n x + x^2", ("n integer", "n >= 1", "x >= -1"), "(1+x)**n", "1+n*x+x**2"),
    ("(1 + x)^n > 1 + n x", ("n integer", "n >= 1", "x > -1"), "(1+x)**n", "1+n*x"),
    ("(1 + x)^n >= 1 + n x", ("n integer", "n >= 1", "x >= -3"), "(1+x)**n", "1+n*x"),
    ("2^n x^n >= 1 + n x", ("n positive integer", "x >= 0"), "2**n*x**n", "1+n*x"),
])
def test_their_false_neighbours_are_refuted_at_a_checked_point(
    text: str, assume: tuple[str, ...], left: str, right: str
) -> None:
    step = check_proof(text, CheckOptions(assume=assume, timeout=20)).steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    point = {sp.Symbol(k): sp.Rational(v) for k, v in dict(step.counterexample.point).items()}
    lhs, rhs = sp.sympify(left).subs(point), sp.sympify(right).subs(point)
    assert not (lhs >= rhs if ">=" in text else lhs > rhs)


def test_a_power_of_a_base_that_is_never_zero_gets_no_note() -> None:
    # de Moivre with a whole number n (maybe negative): cos t + i sin t is e^(it), never 0
    step = check_proof("(cos t + i sin t)^n = cos(n t) + i sin(n t)",
                       CheckOptions(assume=("n integer", "t real"), domain="complex",
                                    timeout=20)).steps[0]
    assert step.status == "proved" and step.notes == ()
