"""Assumptions that order the variables: proofs and sample points inside the region."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.orders import bounds_of, reparametrize

a, b, c = sp.symbols("a b c", real=True)


def test_a_chain_of_bounds_becomes_signs_of_new_variables() -> None:
    found = reparametrize(bounds_of([sp.Gt(a, b), sp.Gt(b, 0)]), [a, b])
    assert found is not None
    forward = dict(found.forward)
    assert all(t.is_positive for t in found.fresh)
    # every choice of the new variables satisfies the assumptions
    values = {t: sp.Rational(k + 1, 3) for k, t in enumerate(found.fresh)}
    va, vb = forward[a].xreplace(values), forward[b].xreplace(values)
    assert va > vb > 0


def test_bounds_in_a_cycle_are_not_used() -> None:
    assert reparametrize(bounds_of([sp.Gt(a, b), sp.Gt(b, a)]), [a, b]) is None


def test_only_variable_and_number_bounds_are_encoded() -> None:
    # a + b > 1 is solved for the letter no other bound names (round 38): b > 1 - a
    assert bounds_of([sp.Gt(a + b, 1), sp.Ne(a, 0), sp.Ge(a, sp.Rational(1, 2))]) == [
        (a, sp.Rational(1, 2), False), (b, 1 - a, True)]
    assert bounds_of([sp.Gt(a * b, 1), sp.Ne(a, 0)]) == []


@pytest.mark.parametrize(("text", "assume"), [
    ("1/a\n< 1/b", ("a > b", "b > 0")),
    ("a^2\n> b^2", ("a > b", "b > 0")),
    ("a/b\n> 1", ("a > b", "b > 0")),
    ("a c\n> b c", ("a > b", "c > 0")),
    ("a + c\n> b + c", ("a > b",)),
    ("x^2\n>= 4", ("x >= 2",)),
])
def test_steps_that_need_the_order_are_proved(text: str, assume: tuple[str, ...]) -> None:
    step = check_proof(text, CheckOptions(assume=assume)).steps[0]
    assert step.status == "proved", step


@pytest.mark.parametrize(("text", "assume"), [
    ("1/a\n> 1/b", ("a > b", "b > 0")),
    ("a^2\n> b^2", ("a > b",)),
    ("a c\n> b c", ("a > b",)),
])
def test_near_misses_are_refuted_inside_the_assumptions(text: str, assume: tuple[str, ...]) -> None:
    step = check_proof(text, CheckOptions(assume=assume)).steps[0]
    assert step.status == "refuted"
    assert step.counterexample is not None
    values = {name: sp.Rational(value) for name, value in step.counterexample.point}
    for cond in assume:  # each "u > v" with u, v a variable or an integer
        left, _, right = cond.partition(" > ")
        low = values[right] if right in values else sp.Integer(right)
        assert values[left] > low, (cond, values)


def test_a_narrow_region_still_gets_enough_points() -> None:
    step = check_proof("log(a)\n> log(b)", CheckOptions(assume=("a > b", "b > 0"))).steps[0]
    assert step.status in ("proved", "likely")


@pytest.mark.parametrize(("text", "assume"), [
    ("sqrt(a)\n> sqrt(b)", ("a > b", "b >= 0")),
    ("log(a)\n> log(b)", ("a > b", "b > 0")),
    ("atan(a)\n> atan(b)", ("a > b",)),
    ("(a)^(1/3)\n>= b^(1/3)", ("a >= b", "b > 0")),
])
def test_increasing_functions_keep_the_order(text: str, assume: tuple[str, ...]) -> None:
    step = check_proof(text, CheckOptions(assume=assume)).steps[0]
    assert step.status == "proved", step
    # an exact proof: monotonicity, or (since round 56) the square root isolated and squared
    assert "monotone" in step.method or "squared-root" in step.method


@pytest.mark.parametrize(("text", "assume"), [
    ("sqrt(a)\n< sqrt(b)", ("a > b", "b >= 0")),
    ("a^2\n> b^2", ("a > b",)),  # squaring is not increasing below 0
])
def test_monotonicity_is_not_claimed_where_it_fails(text: str, assume: tuple[str, ...]) -> None:
    assert check_proof(text, CheckOptions(assume=assume)).steps[0].status == "refuted"


def test_an_inequality_needs_its_right_side_wherever_the_left_is_defined() -> None:
    # DESIGN §2: a line undefined on a region where the previous line is defined is refuted.
    step = check_proof("sqrt(x + 1)\n> sqrt(x)", CheckOptions()).steps[0]
    assert step.status == "refuted"
    assert step.counterexample is not None and step.counterexample.kind == "undefined"
    assert "None" not in step.counterexample.text
    assert check_proof("sqrt(x + 1)\n> sqrt(x)", CheckOptions(assume=("x >= 0",))).steps[0] \
        .status == "proved"
    loose = check_proof("log(a)\n> log(b)", CheckOptions(assume=("a > b",))).steps[0]
    assert loose.status not in ("proved", "likely")
