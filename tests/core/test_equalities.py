"""Equality assumptions are substitutions: steps that hold only on the constraint are decided."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.equalities import eliminate
from proofnb.core.model import CheckOptions

a, b = sp.symbols("a b", real=True)


@pytest.mark.parametrize(("cell", "assume"), [
    ("a^2 - b^2 = a - b", ("a + b = 1",)),
    ("a b <= 1/4", ("a + b = 1",)),
    ("a^2 + b^2 >= 1/2", ("a + b = 1",)),
    ("a b <= 1/4", ("a + b = 1", "a > 0", "b > 0")),
    ("x + 2y = 3", ("x = 3 - 2y",)),
    ("x^2 - 5x + 6 = 0 <=> x = 2 or x = 3", ("x + y = 0",)),
])
def test_true_on_the_constraint_is_proved(cell: str, assume: tuple[str, ...]) -> None:
    step = check_proof(cell, CheckOptions(seed=0, assume=assume)).steps[0]
    assert step.status == "proved", (step.method, step.message)
    assert "assumption" in step.flags or "y" in assume[0]


@pytest.mark.parametrize(("cell", "assume"), [
    ("a^2 - b^2 = a + b", ("a + b = 1",)),
    ("a b < 1/4", ("a + b = 1",)),
    ("a b <= 1/5", ("a + b = 1", "a > 0")),
])
def test_false_on_the_constraint_is_refuted_at_a_point_of_it(
    cell: str, assume: tuple[str, ...]
) -> None:
    step = check_proof(cell, CheckOptions(seed=0, assume=assume)).steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    point = {sp.Symbol(k, real=True): sp.Rational(v) for k, v in step.counterexample.point}
    assert set(point) == {a, b}
    assert point[a] + point[b] == 1  # the witness lies on the constraint
    assert step.counterexample.text.startswith(f"a = {point[a]}, b = {point[b]}: ")


def test_eliminate_takes_a_linear_variable_and_keeps_its_sign() -> None:
    found = eliminate((sp.Eq(a + b, 1), sp.Gt(b, 0)))
    assert found is not None and found.var == b and found.value == 1 - a
    assert found.conditions == (sp.Gt(1 - a, 0),)
    assert eliminate((sp.Eq(a**2 + b**2, 1),)) is None  # not linear in either
    n = sp.Symbol("n", integer=True)
    assert eliminate((sp.Eq(n + a, 1),)) is not None and eliminate((sp.Eq(n + a, 1),)).var == a


def test_an_integer_is_eliminated_by_an_integer_valued_equality() -> None:
    # n = 2k + 1 with n, k integers: n is replaced by 2k + 1 (an integer for every k).
    true = check_proof("n^2 - 1 = 4k(k + 1)", CheckOptions(assume=("n, k integers", "n = 2k + 1")))
    assert true.steps[0].status == "proved"
    false = check_proof("n = 2k + 1 ==> n^2 = (2k + 1)^2\n= 4k^2 + 2k + 1",
                        CheckOptions(assume=("n, k integers",)))
    step = false.steps[1]
    assert step.status == "refuted" and step.counterexample is not None
    k = int(dict(step.counterexample.point)["k"])
    assert (2 * k + 1) ** 2 != 4 * k * k + 2 * k + 1
