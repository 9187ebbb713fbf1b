"""``f'(x)`` and ``f''(x)`` for a declared function: the derivative of f at the argument."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.core.parser import build_env, parse_math


def _status(text: str, *assume: str) -> tuple[str, str]:
    step = check_proof(text, CheckOptions(assume=assume, timeout=20)).steps[0]
    return step.status, step.counterexample.text if step.counterexample else step.message


def test_prime_is_the_derivative_at_the_argument() -> None:
    env = build_env(CheckOptions(assume=("f function",)))
    x = sp.Symbol("x", real=True)
    f = sp.Function("f")
    assert parse_math("f'(x)", env) == sp.Derivative(f(x), x)
    assert parse_math("f''(x)", env) == sp.Derivative(f(x), (x, 2))
    at_square = parse_math("f'(x^2)", env)
    assert isinstance(at_square, sp.Subs) and at_square.point == (x**2,)


@pytest.mark.parametrize("text", [
    "d/dx f(x)^2 = 2 f(x) f'(x)",
    "d/dx f(x^2) = 2x f'(x^2)",
    "d/dx (f(x) g(x)) = f'(x) g(x) + f(x) g'(x)",
    "d/dx f'(x) = f''(x)",
])
def test_the_rules_written_with_primes_are_proved(text: str) -> None:
    assert _status(text, "f, g function")[0] == "proved"


@pytest.mark.parametrize("text", [
    "d/dx f(x)^2 = 2 f'(x)",
    "d/dx f(x^2) = f'(x^2)",
    "d/dx (f(x) g(x)) = f'(x) g'(x)",
])
def test_the_wrong_rules_are_refuted_with_a_sample_function(text: str) -> None:
    status, witness = _status(text, "f, g function")
    assert status == "refuted" and witness.startswith("f(t) = ")


def test_an_undeclared_prime_says_how_to_declare_it() -> None:
    status, message = _status("z = y' + 1")
    assert status == "error" and "assume y function" in message


def test_a_prime_after_a_graph_and_an_arrow_on_its_line_differentiates_it() -> None:
    status, _ = _status("y = x^2 ==> y' = 2x")  # as with ==> y' = 2x on the line below
    assert status == "proved"
