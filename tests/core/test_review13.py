"""Review 13: adversarial soundness cases for the engine commits of 2026-11-30 (little-o,
whole numbers and induction, graph witnesses, one-line arrows, trig polynomials in
exp(i g m)). Each case states what is true, checked independently of the checker."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.runner.tasks import _assumptions_in_order

_assumptions_in_order()
x = sp.Symbol("x", positive=True)
n = sp.Symbol("n", positive=True)


def _steps(cell: str):  # type: ignore[no-untyped-def]
    return check_proof(cell, CheckOptions()).steps


# -- 1. two written Landau terms are two unknown functions ---------------------------------

#: o(x) - o(x) was read as SymPy's LittleO(x) - LittleO(x), one object minus itself: 0 as the
#: line was parsed, and the step "proved identical". f = x^2, g = 0 are both o(x) and f - g
#: is not 0: these steps are false.
@pytest.mark.parametrize("cell", [
    "o(x) - o(x) = 0",
    "x + o(x) - o(x) = x",
    "o(x^2) - o(x^2) = 0",
    "O(x^2) - O(x^2) = 0",
    "o(x)/o(x) = 1",
    "\\sin x - \\tan x = o(x) - o(x)\n= 0",
])
def test_landau_terms_do_not_cancel(cell: str) -> None:
    f, g = x**2, sp.Integer(0)  # both in o(x) and O(x^2) as x -> 0
    assert sp.limit(f / x, x, 0) == 0 and f - g != 0
    last = _steps(cell)[-1]
    assert last.status not in ("proved", "likely"), last


@pytest.mark.parametrize("cell", ["o(x) - o(x) = o(x)", "o(x) + o(x) = 2 o(x)",
                                  "O(x^2) - O(x^2) = O(x^2)"])
def test_landau_differences_keep_their_class(cell: str) -> None:
    (step,) = _steps(cell)
    assert (step.status, step.method) == ("proved", "series"), step


# -- 2. an o term times a logarithm has no o(t^p) class of one power ------------------------

def test_o_times_log_is_not_read_as_a_power() -> None:
    # f = 1/(n log n) is o(1/n); f n log n = 1 is not o(1): the step is false
    f = 1 / (n * sp.log(n))
    assert sp.limit(f * n, n, sp.oo) == 0 and sp.limit(f * n * sp.log(n), n, sp.oo) == 1
    # f = x/log(1/x) is o(x) as x -> 0+; f log(x)/x = -1 is not o(1)
    g = x / sp.log(1 / x)
    assert sp.limit(g / x, x, 0, "+") == 0 and sp.limit(g * sp.log(x) / x, x, 0, "+") == -1
    for cell in ("o(1/n) n log(n) = o(1)", "o(x) log(x)/x = o(1)", "o(x) log(x) = o(x)"):
        (step,) = _steps(cell)
        assert step.status not in ("proved", "likely"), step


def test_o_times_log_true_claims_are_not_refuted() -> None:
    # |h log x| <= eps x^2 |log x| and x^2 log x / x -> 0: o(x^2) log x is in o(x)
    assert sp.limit(x**2 * sp.log(x) / x, x, 0, "+") == 0
    assert sp.limit(sp.sqrt(x) * sp.log(x) / x ** sp.Rational(1, 3), x, 0, "+") == 0
    for cell in ("o(x^2) log(x) = o(x)", "o(x^(1/2)) log(x) = o(x^(1/3))"):
        (step,) = _steps(cell)
        assert step.status != "refuted", step


# -- 3. a graph with a parameter: no number to compare ------------------------------------

@pytest.mark.parametrize("cell", ["y = k x ==> y' = 1", "y = k x\n==> y' = 1"])
def test_graph_with_a_parameter_is_no_internal_failure(cell: str) -> None:
    (step,) = _steps(cell)  # false for k = 2, true for k = 1: no witness without choosing k
    assert step.status == "unknown" and step.method != "internal", step
