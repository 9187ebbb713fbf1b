"""Little-o: ``o(g)`` is the set of functions that vanish against g at its point.

Each verdict is checked against the definition with SymPy's own limits, independently of the
checker's reading: a proved step's difference over the gauge tends to 0 (or the class
inclusion holds), a refuted one's does not, and the witness names the failing term."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

x = sp.Symbol("x", positive=True)


def _step(cell: str):  # type: ignore[no-untyped-def]
    (step,) = check_proof(cell, CheckOptions()).steps
    return step


@pytest.mark.parametrize(("cell", "difference", "gauge"), [
    (r"\sin x = x + o(x)", sp.sin(x) - x, x),
    (r"e^x = 1 + x + \frac{x^2}{2} + o(x^2)", sp.exp(x) - 1 - x - x**2 / 2, x**2),
    (r"\cos x = 1 - \frac{x^2}{2} + o(x^3)", sp.cos(x) - 1 + x**2 / 2, x**3),
    (r"\ln(1+x) = x - \frac{x^2}{2} + o(x^2)", sp.log(1 + x) - x + x**2 / 2, x**2),
    (r"\sqrt{1+x} = 1 + \frac{x}{2} + o(x)", sp.sqrt(1 + x) - 1 - x / 2, x),
    ("x^2 = o(x)", x**2, x),
    (r"\frac{1}{n^2} = o(1/n)", None, None),
])
def test_true_little_o_claims_are_proved(cell: str, difference: sp.Expr | None,
                                         gauge: sp.Expr | None) -> None:
    step = _step(cell)
    assert (step.status, step.method) == ("proved", "series"), step
    if difference is not None:
        assert sp.limit(difference / gauge, x, 0) == 0


@pytest.mark.parametrize(("cell", "difference", "gauge", "shown"), [
    (r"\cos x = 1 + o(x^2)", sp.cos(x) - 1, x**2, "-x^2/2"),
    (r"\sin x = x + o(x^3)", sp.sin(x) - x, x**3, "-x^3/6"),
    ("x = o(x)", x, x, "x"),
    ("x^{3/2} = o(x^2)", x**sp.Rational(3, 2), x**2, "x^(3/2)"),
])
def test_false_little_o_claims_are_refuted_with_the_leading_term(
        cell: str, difference: sp.Expr, gauge: sp.Expr, shown: str) -> None:
    step = _step(cell)
    assert step.status == "refuted" and step.counterexample is not None, step
    assert f"left side minus right side is {shown} + ..." in step.counterexample.text
    assert sp.limit(difference / gauge, x, 0, "+") != 0


@pytest.mark.parametrize(("cell", "status"), [
    ("O(x^2) = o(x)", "proved"),  # O(x^2) lies in o(x)
    ("o(x^2) = O(x^2)", "proved"),
    ("x + o(x) = O(x)", "proved"),
    ("e^x = 1 + x + O(x^2) = 1 + x + o(x)", "proved"),
    ("O(x) = o(x)", "refuted"),  # x itself
    ("o(x) = O(x^2)", "refuted"),  # x^(3/2)
])
def test_classes_are_compared_by_inclusion(cell: str, status: str) -> None:
    steps = check_proof(cell, CheckOptions()).steps
    assert steps[-1].status == status, steps[-1]
    if status == "refuted":
        witness = steps[-1].counterexample
        assert witness is not None and "the left side says less than the right side" in \
            witness.text


def test_the_member_named_in_a_refuted_inclusion_is_one() -> None:
    step = _step("o(x) = O(x^2)")
    assert step.counterexample is not None
    assert "x^(3/2) is o(x) but not O(x^2)" in step.counterexample.text
    member = x ** sp.Rational(3, 2)
    assert sp.limit(member / x, x, 0) == 0 and sp.limit(member / x**2, x, 0) == sp.oo


@pytest.mark.parametrize("cell", [
    "(1 + x + o(x))^2 = 1 + 2x + o(x)",
    r"\sin(x) o(x) = o(x^2)",
    r"x \cdot o(x^2) = o(x^3)",
    r"\lim_{x \to 0} \frac{x + o(x)}{x} = 1",
])
def test_arithmetic_with_o_terms(cell: str) -> None:
    assert _step(cell).status == "proved"


@pytest.mark.parametrize(("cell", "words"), [
    (r"o(x) \cdot O(x^2) = o(x^3)", "a product of an o term and an O term"),
    ("e^{o(x)} = 1 + o(x)", "an o term inside a function"),
    ("x + o(x) = x", "may only be dropped going right"),
])
def test_what_is_not_read_says_so(cell: str, words: str) -> None:
    step = _step(cell)
    assert step.status == "unknown" and words in step.message, step


def test_o_alone_is_still_a_letter() -> None:
    step = _step("o + o = 2o")
    assert step.status == "proved"
