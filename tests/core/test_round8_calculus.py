"""Regressions from the eighth held-out probe (first-year calculus and discrete sums written
as step-by-step chains: derivatives, antiderivatives, definite and improper integrals, limits,
Taylor polynomials, finite and infinite sums, inequalities from calculus facts)."""

from __future__ import annotations

import pytest

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions


def _result(text: str, assume: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    return check_proof(text, CheckOptions(assume=assume))


def _steps(text: str, assume: tuple[str, ...] = ()) -> list[str]:
    return [step.status for step in _result(text, assume).steps]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # d^n/dx^n in Leibniz notation is the n-th derivative, not d^2/(d x^2) times f
        (r"\frac{d^2}{dx^2} \left( x^3 \right) = 6x", ["proved"]),
        (r"\frac{d^2}{dx^2} x^3 = 3x^2", ["refuted"]),
        (r"\frac{d^{2}}{dx^{2}} e^{3x} = 9 e^{3x}", ["proved"]),
        (r"\frac{d^2}{dx^2} e^{3x} = 3 e^{3x}", ["refuted"]),
        (r"\frac{\mathrm{d}^3}{\mathrm{d}x^3} \sin x = -\cos x", ["proved"]),
        ("d^2/dx^2 (x^4) = 12x^2", ["proved"]),
        ("d^2/dx^2 (x^4) = 4x^3", ["refuted"]),
        ("d²/dx² sin(2x) = -4 sin(2x)", ["proved"]),
        ("d²/dx² sin(2x) = -2 sin(2x)", ["refuted"]),
    ],
)
def test_higher_leibniz_derivatives(text: str, expected: list[str]) -> None:
    assert _steps(text) == expected


def test_leibniz_orders_must_match() -> None:
    # d^2/dx is no derivative: d stays a variable (and the step is judged as written)
    step = _result("d^2/dx (x^3) = 6x").steps[0]
    assert step.status == "refuted"
    assert step.counterexample is not None and "d" in dict(step.counterexample.point)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the evaluation bracket [F]_a^b is F(b) - F(a)
        (r"\int_0^2 x^2 \, dx = \left[ \frac{x^3}{3} \right]_0^2 = \frac{8}{3}",
         ["proved", "proved"]),
        (r"\int_0^2 x^2 \, dx = \left[ \frac{x^3}{2} \right]_0^2 = 4", ["refuted", "proved"]),
        (r"\int_1^2 (2x - 1) \, dx = \Big[ x^2 - x \Big]_{1}^{2} = 2", ["proved", "proved"]),
        (r"\int_1^2 (2x - 1) \, dx = \Big[ x^2 + x \Big]_{1}^{2}", ["refuted"]),
        ("integrate(sin(t), (t, 0, pi)) = [-cos(t)]_0^pi = 2", ["proved", "proved"]),
        ("integrate(sin(t), (t, 0, pi)) = [cos(t)]_0^pi", ["refuted"]),
    ],
)
def test_evaluation_bracket(text: str, expected: list[str]) -> None:
    assert _steps(text) == expected


def test_evaluation_bracket_needs_one_variable() -> None:
    step = _result("integrate(a x, (x, 0, 1)) = [a x^2/2]_0^1").steps[0]
    assert step.status == "error" and "one variable" in step.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a divergent series with terms of one sign diverges to +-oo, compared as such
        ("sum(1/sqrt(k), (k, 1, oo)) = oo", ["proved"]),
        ("sum(1/sqrt(k), (k, 1, oo)) = 5", ["refuted"]),
        ("sum(1/sqrt(k), (k, 1, oo)) = -oo", ["refuted"]),
        ("sum(-1/sqrt(k), (k, 1, oo)) = -oo", ["proved"]),
        ("sum(2^k, (k, 0, oo)) = 1/(1 - 2)", ["refuted"]),
        ("sum((2/3)^k, (k, 0, oo)) = 1/(1 - 2/3)", ["proved"]),
    ],
)
def test_divergent_series(text: str, expected: list[str]) -> None:
    assert _steps(text) == expected


def test_oscillating_series_has_no_value() -> None:
    # Grandi's series diverges (SymPy answers sympy.false, which is not Python's False)
    step = _result("sum((-1)^k, (k, 0, oo)) = 1/2").steps[0]
    assert step.status == "unknown"
    assert "diverges" in step.message
    assert _steps("sum((-1/2)^k, (k, 0, oo)) = 2/3") == ["proved"]


@pytest.mark.parametrize(
    ("text", "assume", "expected"),
    [
        # an antiderivative must be defined wherever the integrand is (DESIGN §2)
        ("integrate(1/x, x) = ln(x) + C", (), ["refuted"]),
        ("integrate(1/x, x) = ln(x) + C", ("x > 0",), ["proved"]),
        ("integrate(1/x, x) = ln|3x| + C", (), ["proved"]),
        ("integrate(tan(x), x) = -ln(cos(x)) + C", (), ["refuted"]),
        ("integrate(tan(x), x) = -ln|cos(x)| + C", (), ["proved"]),
        # an isolated point where F is undefined is an exception, not a witness
        ("integrate(2x, x) = x^2 (x - 1)/(x - 1) + C", (), ["proved"]),
    ],
)
def test_antiderivative_defined_on_integrand_domain(
    text: str, assume: tuple[str, ...], expected: list[str]
) -> None:
    assert _steps(text, assume) == expected


def test_antiderivative_domain_witness_is_checkable() -> None:
    step = _result("integrate(1/x, x) = ln(x) + C").steps[0]
    assert step.counterexample is not None and step.counterexample.kind == "undefined"
    point = dict(step.counterexample.point)
    assert float(point["x"]) < 0 and point["C"] == "0"
