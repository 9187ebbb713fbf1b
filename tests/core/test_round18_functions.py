"""Round 18: steps about unknown functions (``assume f function``, kernel Function objects).

A false step is refuted by a concrete function and a point, named in the witness; a true
step is proved with f uninterpreted (or as an arbitrary real value), never from instances.
Each witness is re-checked here independently: the named functions are substituted into the
parsed sides, which are evaluated at the point.
"""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.core.function import AppliedUndef

from proofnb.core.assume import build_env
from proofnb.core.check import check_proof
from proofnb.core.instances import has_undefined
from proofnb.core.model import CheckOptions, Counterexample, StepResult, SymbolDecl
from proofnb.core.parser import parse_math

FG = CheckOptions(assume=("f, g functions",))


def _step(cell: str, options: CheckOptions = FG) -> StepResult:
    (step,) = check_proof(cell, options).steps
    return step


def _confirm(step: StepResult, options: CheckOptions = FG) -> None:
    """The witness's functions and point, substituted by hand, make the relation fail."""
    ce = step.counterexample
    assert ce is not None and ce.kind == "value"
    point = dict(ce.point)
    bodies: dict[str, sp.Lambda] = {}
    for key, body in point.items():
        if "(" in key:
            name, args = key[:-1].split("(")
            variables = [sp.Symbol(a.strip(), real=True) for a in args.split(",")]
            bodies[name] = sp.Lambda(tuple(variables), sp.sympify(
                body, locals={v.name: v for v in variables}))
    assert bodies, "the witness names no function"
    env = build_env(options)

    def value(text: str) -> sp.Expr:
        expr = parse_math(text, env).replace(
            lambda n: isinstance(n, AppliedUndef), lambda n: bodies[str(n.func)](*n.args))
        expr = expr.doit()
        at = {s: sp.sympify(point[s.name]) for s in expr.free_symbols}
        return sp.N(expr.subs(at), 50)

    gap = value(step.lhs) - value(step.rhs)
    holds = {"=": abs(gap) < 1e-30, "<": gap < 0, "<=": gap <= 0, ">": gap > 0,
             ">=": gap >= 0}[step.relation]
    assert not holds, (step.lhs, step.relation, step.rhs, ce.text)


@pytest.mark.parametrize(("true", "false"), [
    ("d/dx (f(x) g(x)) = diff(f(x), x) g(x) + f(x) diff(g(x), x)",
     "d/dx (f(x) g(x)) = diff(f(x), x) diff(g(x), x)"),
    ("d/dx (f(x)/g(x)) = (diff(f(x), x) g(x) - f(x) diff(g(x), x))/g(x)^2",
     "d/dx (f(x)/g(x)) = (f(x) diff(g(x), x) - diff(f(x), x) g(x))/g(x)^2"),
    ("d/dx f(x)^2 = 2 f(x) diff(f(x), x)", "d/dx f(x)^2 = 2 f(x)"),
    ("d/dx integrate(f(t), (t, 0, x^2)) = 2x f(x^2)",
     "d/dx integrate(f(t), (t, 0, x^2)) = f(x^2)"),
    ("(f(x) + f(-x))/2 + (f(x) - f(-x))/2 = f(x)", "f(2x) = 2 f(x)"),
    ("d/dx f(2x) = diff(f(2x), x)", "d/dx f(x^2) = 2x f(x^2)"),
])
def test_rules_proved_and_near_misses_refuted_by_a_named_function(true: str, false: str) -> None:
    assert _step(true).status == "proved"
    wrong = _step(false)
    assert wrong.status == "refuted"
    assert wrong.counterexample is not None and wrong.counterexample.text.startswith("f(t) = ")
    _confirm(wrong)


@pytest.mark.parametrize("false", [
    "f(x + y) = f(x) + f(y)", "f(x y) = f(x) f(y)", "f(-x) = f(x)", "f(-x) = -f(x)",
    "f(x)^2 = f(x^2)", "f(g(x)) = g(f(x))",
    "integrate(diff(f(x), x) g(x), x) = f(x) g(x) + integrate(f(x) diff(g(x), x), x)",
])
def test_functional_equations_that_fail_for_some_function(false: str) -> None:
    step = _step(false)
    assert step.status == "refuted"
    if step.counterexample is not None and step.counterexample.kind == "value":
        _confirm(step)


@pytest.mark.parametrize(("true", "false"), [
    ("f(x)^2 >= 0", "f(x)^2 > 0"),
    ("f(x)^2 + g(x)^2 >= 2 f(x) g(x)", "f(x)^2 + g(x)^2 >= 3 f(x) g(x)"),
    ("exp(f(x)) >= f(x) + 1", "exp(f(x)) >= f(x) + 2"),
    ("|f(x) + g(x)| <= |f(x)| + |g(x)|", "|f(x)| > f(x)"),
    ("sqrt(f(x)^2) = |f(x)|", "sqrt(f(x)^2) = f(x)"),
])
def test_values_of_f_are_arbitrary_reals(true: str, false: str) -> None:
    proved = _step(true)
    assert proved.status == "proved", proved.message
    assert "every value of f(x)" in proved.message
    wrong = _step(false)
    assert wrong.status == "refuted"
    _confirm(wrong)


def test_exp_of_f_is_positive_fast() -> None:
    step = _step("exp(f(x)) > 0")  # SymPy's solveset used to loop on it for 30 s
    assert step.status == "proved" and step.seconds < 10  # a hang guard


@pytest.mark.parametrize(("true", "false"), [
    ("f(x)^2 = 4 <=> f(x) = 2 or f(x) = -2", "f(x)^2 = 4 <=> f(x) = 2"),
    ("f(x) g(x) = 0 <=> f(x) = 0 or g(x) = 0", "f(x) g(x) = 0 <=> f(x) = 0 and g(x) = 0"),
    ("f(x)^2 < 1 <=> -1 < f(x) < 1", "f(x)^2 < 1 <=> f(x) < 1"),
])
def test_statements_about_values_of_f(true: str, false: str) -> None:
    assert _step(true).status == "proved"
    wrong = _step(false)
    assert wrong.status == "refuted" and wrong.counterexample is not None
    assert wrong.counterexample.text.startswith("f(t) = ")


@pytest.mark.parametrize("false", [
    "integrate(f(x), (x, -1, 1)) = 2 integrate(f(x), (x, 0, 1))",
    "integrate(f(x) g(x), (x, 0, 1)) = integrate(f(x), (x, 0, 1)) integrate(g(x), (x, 0, 1))",
    "integrate(f(2t), (t, 0, 1)) = integrate(f(u), (u, 0, 2))",
])
def test_f_under_an_integral_is_not_one_value(false: str) -> None:
    # Replacing f(x) under the integral by one variable would 'prove' these.
    assert _step(false).status == "refuted"


def test_instances_never_prove() -> None:
    step = _step("integrate(f(x), (x, 0, 1)) = integrate(f(1 - x), (x, 0, 1))")
    assert step.status == "likely"
    assert "sample functions" in step.message and "numeric-only" in step.flags


def test_assumptions_about_f_restrict_the_instances() -> None:
    options = CheckOptions(assume=("f function", "f(0) = 1"))
    assert _step("f(0)^2 = 1", options).status == "proved"
    wrong = _step("f(0) + 1 = 3 f(0)", options)
    assert wrong.status == "refuted"
    assert wrong.counterexample is not None and dict(wrong.counterexample.point)["f(t)"] == "1"
    positive = CheckOptions(assume=("f function", "f(x) > 0"))
    assert _step("f(x) + 1/f(x) >= 2", positive).status == "proved"
    assert _step("f(x) + 1/f(x) >= 3", positive).status == "refuted"


def test_kernel_function_and_witness_json_shape() -> None:
    options = CheckOptions(symbols=(SymbolDecl("f", "function"),))
    assert _step("f(x)^2 + 1 > 0", options).status == "proved"
    wrong = _step("f(x + 1) = f(x) + 1", options)
    assert wrong.status == "refuted" and wrong.counterexample is not None
    data = wrong.counterexample.to_dict()
    assert set(data) == {"kind", "point", "lhs_value", "rhs_value", "text"}
    assert "f(t)" in data["point"] and "x" in data["point"]
    assert Counterexample.from_dict(data) == wrong.counterexample


def test_two_variable_function() -> None:
    options = CheckOptions(assume=("f function",))
    assert _step("diff(x f(y), x) = f(y)", options).status == "proved"
    wrong = _step("diff(f(x, y), x) + diff(f(x, y), y) = diff(f(x, y), x)", options)
    assert wrong.status == "refuted" and wrong.counterexample is not None
    assert wrong.counterexample.text.startswith("f(s, t) = ")


def test_steps_without_functions_do_not_take_the_function_path() -> None:
    x = sp.Symbol("x")
    assert not has_undefined(sp.sin(x) ** 2, sp.Integral(x, x))
    assert has_undefined(sp.Function("f")(x) + 1)


def test_inverse_pairs_of_f_fast_and_log_power_refuted() -> None:
    step = _step("ln(exp(f(x))) = f(x)")  # the uninterpreted decision took 18 s on it
    assert step.status == "proved" and step.seconds < 10  # a hang guard
    wrong = _step("ln(f(x)^2) = 2 ln(f(x))")  # f may be negative: the right side undefined
    assert wrong.status == "refuted" and wrong.counterexample is not None
    assert wrong.counterexample.kind == "undefined"
