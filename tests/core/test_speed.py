"""The fast paths of the checker give the same answers as the slow ones they replace."""

from __future__ import annotations

import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proofnb.core.check import check_step
from proofnb.core.model import CheckOptions, StepSpec
from proofnb.core.parser import MathEnv, parse_math

ENV = MathEnv()


def _global_unevaluated(text: str) -> sp.Basic:
    with sp.evaluate(False):
        return parse_math(text, ENV)


@pytest.mark.parametrize("text", [
    "sqrt(x)*sqrt(x)", "x/x", "(x^2-1)/(x-1)", "exp(log(x))", "2^10", "-x", "x - 3",
    "|x| + x!", "sin^2 x + cos^2 x", "\\frac{x^2-1}{x-1}", "\\sqrt{x}^2", "√x √x",
    "log(x, 2)", "cbrt(x)", "diff(x^4, x, 2)", "x > 0 and x < 1", "f(x)",
])  # fmt: skip
def test_as_written_parse_matches_the_global_flag(text: str) -> None:
    written = parse_math(text, ENV, evaluate=False)
    assert written == _global_unevaluated(text)


def test_as_written_parse_keeps_what_evaluation_cancels() -> None:
    assert parse_math("sqrt(x)*sqrt(x)", ENV) == sp.Symbol("x", real=True)
    written = parse_math("sqrt(x)*sqrt(x)", ENV, evaluate=False)
    assert isinstance(written, sp.Mul) and len(written.args) == 2
    assert parse_math("x/x", ENV, evaluate=False) != 1


def test_as_written_parse_leaves_sympys_cache_alone() -> None:
    # Switching sympy.evaluate clears every SymPy cache; the as-written parse must not.
    cache_info = sp.Add.__new__.cache_info  # type: ignore[attr-defined]
    sp.Add(sp.Symbol("q"), 7)
    before = cache_info().currsize
    assert before > 0
    parse_math("(x^2 - 1)/(x - 1) + sqrt(y)*sqrt(y)", ENV, evaluate=False)
    assert cache_info().currsize >= before


def _step(lhs: str, rhs: str) -> StepSpec:
    return StepSpec(0, "=", lhs, rhs, lhs, 1)


@pytest.mark.parametrize(("lhs", "rhs", "assume", "status", "note"), [
    ("sqrt(x)*sqrt(x)", "x", (), "proved", ""),  # the left side's own domain: x >= 0
    ("x", "sqrt(x)*sqrt(x)", (), "refuted", ""),  # right side undefined for x < 0
    ("(x^2-1)/(x-1)", "x+1", (), "proved", "x ≠ 1"),
    ("x/x", "1", (), "proved", "x ≠ 0"),
    ("2^10", "1024", (), "proved", ""),
])  # fmt: skip
def test_domains_survive_the_single_parse(
    lhs: str, rhs: str, assume: tuple[str, ...], status: str, note: str
) -> None:
    result = check_step(_step(lhs, rhs), CheckOptions(assume=assume))
    assert result.status == status, result
    if note:
        assert note in result.notes


# --------------------------------------------------------------- fast exact evaluation
_X, _Y = sp.symbols("x y", real=True)


def _slow(expr: sp.Basic, point: dict[sp.Symbol, sp.Expr]) -> object:
    from proofnb.core.numeric import UNCERTAIN, _eval

    try:
        return _eval(expr, point, True)
    except (ZeroDivisionError, ValueError, TypeError, ArithmeticError, RecursionError):
        return UNCERTAIN


@pytest.mark.parametrize("text", [
    "(x^2-1)/(x-1)", "x/x", "1/(x*y) - 1/x", "(x+y)^3", "x^-2 + 2^-1", "0^0 + x^0",
    "(x - 1)^(-3)", "10^59 * x", "10^61 + x", "x^401", "(2x)^(1 + 1)", "x^(y)", "2^(1/2)",
    "4^(x/2)", "-(x - 3)/(y + 2)",
])  # fmt: skip
def test_fast_rational_evaluation_matches_sympy(text: str) -> None:
    from proofnb.core.numeric import evaluate

    points = [{_X: sp.Rational(a), _Y: sp.Rational(b)}
              for a in (0, 1, -1, "1/2", "-3/2", 2, 10**6) for b in (0, -2, "1/3", 1)]
    for written in (False, True):
        expr = parse_math(text, ENV, evaluate=not written)
        for point in points:
            assert evaluate(expr, point) == _slow(expr, point), (text, written, point)


# ------------------------------------------------------- SymEngine rational zero test
_ATOMS = ["x", "y", "2", "3", "1/2", "(x - 1)", "(x + y)", "(y - 2)"]


@st.composite
def _rational_text(draw: st.DrawFn, depth: int = 3) -> str:
    if depth == 0 or draw(st.booleans()):
        return draw(st.sampled_from(_ATOMS))
    left = draw(_rational_text(depth - 1))
    right = draw(_rational_text(depth - 1))
    op = draw(st.sampled_from(["+", "-", "*", "/", "^2", "^-1"]))
    if op.startswith("^"):
        return f"({left}){op}"
    return f"({left} {op} {right})"


# Long texts make the parser raise the recursion limit once; do it before Hypothesis runs,
# which warns when a test changes it.
parse_math("+".join(["x"] * 120), ENV)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_rational_text(), _rational_text())
def test_symengine_rational_zero_agrees_with_sympy(left: str, right: str) -> None:
    from proofnb.core.fast import rational_zero

    for text in (f"{left} - {right}", f"({left}) * ({right}) - ({right}) * ({left})"):
        try:
            diff = parse_math(text, ENV)
        except Exception:  # noqa: BLE001 - e.g. division by a literal zero
            continue
        if diff.has(sp.zoo, sp.nan):
            continue
        fast = rational_zero(diff)
        if fast is None:
            continue
        _, value = sp.sfield(diff)
        assert fast[0] == (value == 0), text
        assert fast[1] == any(p.exp.is_negative for p in diff.atoms(sp.Pow)), text


def test_symengine_keeps_distinct_symbols_apart() -> None:
    from proofnb.core.fast import rational_zero

    x_real, x_pos, x_dummy = sp.Symbol("x", real=True), sp.Symbol("x", positive=True), sp.Dummy("x")
    assert rational_zero(x_real - x_pos) == (False, False)
    assert rational_zero(x_real - x_dummy) == (False, False)
    assert rational_zero(sp.Pow(x_real - x_real, -1, evaluate=False)) is None  # 1/0
    assert rational_zero((x_real**2 - 1) / (x_real - 1) - (x_real + 1)) == (True, True)


def test_parse_cache_is_keyed_by_the_environment() -> None:
    # The same text parses to different symbols under different assumptions.
    spec = StepSpec(0, "=", "sqrt(x^2)", "x", "sqrt(x^2)", 1)
    plain = CheckOptions()
    assumed = CheckOptions(assume=("x >= 0",))
    first = check_step(spec, plain)
    proved = check_step(spec, assumed)
    again = check_step(spec, plain)
    assert (first.status, proved.status, again.status) == ("refuted", "proved", "refuted")
    assert first.counterexample == again.counterexample
    assert "assumption" in proved.flags
