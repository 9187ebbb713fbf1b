"""The double-precision screen: a value only where the exact evaluator agrees with it."""

from __future__ import annotations

import itertools

import pytest
import sympy as sp

from proofnb.core.check import check_step
from proofnb.core.model import CheckOptions, StepSpec
from proofnb.core.numeric import UNCERTAIN, UNDEFINED, evaluate
from proofnb.core.parser import build_env, parse_math
from proofnb.core.screen import Unclear, compiled, screen_for

ENV = build_env(CheckOptions())

EXPRESSIONS = [
    "x^2 - 3x + 1", "1/(x - 1)", "(x^2 - 1)/(x - 1)", "sqrt(x)", "sqrt(x - 1/3)",
    "sqrt(x)^2", "x^(1/3)", "x^(2/3)", "(x - 2)^(-2)", "2^x", "x^x", "(-2)^x", "log(x)",
    "log(x - 1)", "log(x^2)", "exp(x)", "exp(200 x)", "sin(x)", "cos(x)", "tan(x)", "cot(x)",
    "sec(x)", "csc(x)", "asin(x)", "acos(x/3)", "atan(x)", "acot(x)", "asec(x)", "acsc(x)",
    "sinh(x)", "cosh(x)", "tanh(x)", "coth(x)", "csch(x)", "asinh(x)", "acosh(x)", "atanh(x/2)",
    "acoth(x)", "abs(x - 1)", "sign(x - 1/2)", "floor(x)", "ceil(x/2)", "cbrt(x)", "root(x, 4)",
    "pi x", "e^(x/2)", "x^400", "1/(x^2 - 2x + 1)", "sqrt(x^2 - 4)", "log(sin(x))",
    "tan(pi x/2)", "sqrt(1 - x^2)", "asin(x/2) + acos(x/2)",
]
VALUES = [sp.Rational(v) for v in
          ("0", "1", "-1", "2", "-2", "1/2", "-1/2", "3", "-3", "1/3", "3/2", "-1/3", "4", "7/5",
           "-5/2", "10", "-40/7", "25/3")]
X = sp.Symbol("x")


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


@pytest.mark.parametrize("text", EXPRESSIONS)
def test_a_screened_value_is_the_exact_value(text: str) -> None:
    for evaluated in (True, False):
        expr = parse_math(text, ENV, evaluate=evaluated)
        x = next(iter(expr.free_symbols), X)
        run = compiled(expr)
        assert run is not None, f"{text} should be screened"
        for value in VALUES:
            try:
                fast = run({x: float(value)})
            except Unclear:
                continue
            exact = evaluate(expr, {x: value})
            assert exact is not UNDEFINED, f"{text} at x = {value}: screen {fast}, exact undefined"
            if exact is UNCERTAIN:
                continue
            assert _close(fast, float(sp.N(exact, 30))), f"{text} at x = {value}"


@pytest.mark.parametrize("text", ["diff(x^2, x)", "Sum(k, (k, 1, x))", "gamma(x)",
                                  "factorial(x)", "x^1000", "Integral(x, x)", "Max(x, 1)"])
def test_what_the_screen_does_not_model_is_not_screened(text: str) -> None:
    assert compiled(parse_math(text, ENV, evaluate=False)) is None


def test_a_user_function_is_not_screened() -> None:
    assert compiled(sp.Function("f")(X) + 1) is None


def test_complex_mode_and_statements_are_not_screened() -> None:
    x = sp.Symbol("x")
    assert screen_for("=", x, x, x, (), real=False) is None
    assert screen_for("<=>", x, x, x, (), real=True) is None
    assert screen_for("=", x, x, x, (sp.Ne(x, 1),), real=True) is None


def test_a_point_is_clear_only_away_from_every_edge() -> None:
    x = sp.Symbol("x")
    squared = sp.Pow(sp.sqrt(x), 2, evaluate=False)
    screen = screen_for("=", squared, x, squared, (), real=True)
    assert screen is not None
    assert screen.clear({x: sp.Integer(4)})
    assert not screen.clear({x: sp.Integer(0)})  # the edge of sqrt's domain
    assert not screen.clear({x: sp.Integer(-1)})  # outside it: for the exact evaluator
    ineq = screen_for(">=", x**2 + 1, 2 * x, x**2 + 1, (sp.Gt(x, 0),), real=True)
    assert ineq is not None
    assert ineq.clear({x: sp.Integer(3)})
    assert not ineq.clear({x: sp.Integer(1)})  # a tie
    assert not ineq.clear({x: sp.Integer(-3)})  # outside the assumption x > 0


@pytest.mark.parametrize(("lhs", "rhs", "status"), [
    ("sqrt(x + 9)", "sqrt(x) + 3", "refuted"),
    ("(x^2 - 1)/(x - 1)", "x + 1", "proved"),
    ("sqrt(x^2)", "x", "refuted"),
    ("log(x^2)", "2 log(x)", "refuted"),
    ("exp(2x)", "exp(x)^2", "proved"),
    ("sin(x + pi/2)", "cos(x)", "proved"),
])
def test_screened_steps_keep_their_verdicts(lhs: str, rhs: str, status: str) -> None:
    spec = StepSpec(0, "=", lhs, rhs, lhs, 1, kind="expression")
    result = check_step(spec, CheckOptions(seed=0))
    assert result.status == status, result
    if status == "refuted":
        assert result.counterexample is not None
    if lhs.startswith("(x^2 - 1)"):
        assert result.notes == ("x ≠ 1",)


def test_every_special_value_pair_of_a_product_agrees() -> None:
    expr = parse_math("(a + b)^2 - sqrt(a^2) * b", ENV, evaluate=False)
    a, b = sorted(expr.free_symbols, key=str)
    run = compiled(expr)
    assert run is not None
    for va, vb in itertools.product(VALUES[:8], repeat=2):
        try:
            fast = run({a: float(va), b: float(vb)})
        except Unclear:
            continue
        exact = evaluate(expr, {a: va, b: vb})
        assert exact not in (UNDEFINED, UNCERTAIN)
        assert _close(fast, float(exact))


@pytest.mark.parametrize(("text", "witness"), [
    ("|sin(x)| < 1", "pi/2"),
    ("sin(x) + cos(x)\n< sqrt(2)", "pi/4"),
])
def test_trigonometric_steps_are_sampled_at_multiples_of_pi(text: str, witness: str) -> None:
    from proofnb.core.check import check_proof

    step = check_proof(text, CheckOptions()).steps[0]
    assert step.status == "refuted"
    assert step.counterexample is not None
    assert dict(step.counterexample.point)["x"] == witness
