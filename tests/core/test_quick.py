"""The quick first pass (proofnb.core.quick): what it decides, what it leaves to the full
checker, and that its verdicts and witnesses are the full checker's."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy as sp

from proofnb.core.check import check_step, full_check_step
from proofnb.core.model import CheckOptions, StepSpec
from proofnb.core.quick import quick_check
from proofnb.core.quick.syntax import Unsupported, parse_expression
from proofnb.core.quick.values import Undefined, Unsure, value
from proofnb.runner.tasks import _assumptions_in_order

_assumptions_in_order()


def _spec(lhs: str, relation: str, rhs: str, origin: str = "") -> StepSpec:
    kind = "statement" if relation in ("<=>", "==>", "<==") else "expression"
    return StepSpec(0, relation, lhs, rhs, origin or lhs, 1, kind=kind)  # type: ignore[arg-type]


def _sympy(text: str) -> sp.Expr:
    from proofnb.core.parser import build_env, parse_math

    return parse_math(text, build_env(CheckOptions()))


DECIDED = [
    ("(x + 1)^2", "=", "x^2 + 2x + 1", "proved", "expand"),
    ("(a + b)^2", "=", "a^2 + 2ab + b^2", "proved", "expand"),
    ("x/(x + 1)", "=", "1 - 1/(x + 1)", "proved", "cancel"),
    ("exp(100) + 1 - exp(100)", "=", "1", "proved", "identical"),  # floats alone would refute
    ("2x sin(x) + x^2 cos(x)", "=", "x(2 sin(x) + x cos(x))", "proved", "expand"),
    ("diff(x^3, x)", "=", "3x^2", "proved", "expand"),
    ("d/dx (sin(x)^2)", "=", "2 sin(x) cos(x)", "proved", "expand"),
    ("diff(x^4, x, 2)", "=", "12x^2", "proved", "expand"),
    ("integrate(x, (x, 0, a))", "=", "a^2/2", "proved", "expand"),  # polynomial, definite
    ("integrate(3x^2 + 2x, (x, 0, 2))", "=", "10", "refuted", "counterexample"),
    ("\\frac{x}{x+1}", "=", "1 - \\frac{1}{x + 1}", "proved", "cancel"),
    ("\\left(a+b\\right)^{2}", "=", "a^{2} + 2ab + b^{2}", "proved", "expand"),
    ("3^ab", "=", "3^a b", "proved", "expand"),  # ab is two letters, as the full grammar reads
    ("1/(x(x + 1))", "=", "1/x - 1/(x + 1)", "proved", "cancel"),  # the same zero factors
    ("x^(-2)", "=", "1/x^2", "proved", "cancel"),
    ("(x^2-1)/(x-1)", "=", "x+1", "proved", "cancel"),  # with the full checker's note x ≠ 1
    ("(x^3 - x)/(x^2 + x)", "=", "x - 1", "proved", "cancel"),  # x ≠ -1, x ≠ 0
    ("(2x^2 - x - 1)/(2x + 1)", "=", "x - 1", "proved", "cancel"),  # x ≠ -1/2
    ("2x + 3", "<", "2x + 5", "proved", "sign"),
    ("sin(2x)", "=", "2 sin(x) cos(x)", "proved", "trig-polynomial"),  # angle sums
    ("sin(x)^2 + cos(x)^2", "=", "1", "proved", "trig-polynomial"),  # sin^2 + cos^2 = 1
    ("cos(x)^4 - sin(x)^4", "=", "cos(2x)", "proved", "trig-polynomial"),
    ("cos(x + y)", "=", "cos(x) cos(y) - sin(x) sin(y)", "proved", "trig-polynomial"),
    ("sin(pi - x)", "=", "sin(x)", "proved", "trig-polynomial"),
    ("exp(a + b)", "=", "exp(a) exp(b)", "proved", "expand"),
    ("exp(x)^3 exp(-2x)", "=", "e^x", "proved", "cancel"),
    ("2x + 3 = 7", "<=>", "2x = 4", "proved", "normal-form"),
    ("-2x < 6", "<=>", "x > -3", "proved", "normal-form"),
    ("x^2 = x", "<=>", "x = 0 or x = 1", "proved", "same-polynomial"),
    ("x^2 = 2x", "<==", "x = 2", "proved", "same-polynomial"),
    ("sqrt(x^2)", "=", "x", "refuted", "counterexample"),
    ("(a - b)^2", "=", "a^2 - b^2", "refuted", "counterexample"),
    ("x + 1/x", ">=", "2", "refuted", "counterexample"),
    ("sin(3x)", "=", "3 sin(x)", "refuted", "counterexample"),
    ("x^(1/2) x^(1/3)", "=", "x^(1/6)", "refuted", "counterexample"),
    ("diff(x^3, x)", "=", "3x", "refuted", "counterexample"),
    ("(x-2)(x+1) = 4(x-2)", "<=>", "x + 1 = 4", "refuted", "counterexample"),
    ("x - 1 = 2 sqrt(x+2)", "<=>", "(x-1)^2 = 4(x+2)", "refuted", "counterexample"),
    ("-2x < 6", "<=>", "x < -3", "refuted", "counterexample"),
]


@pytest.mark.parametrize(("lhs", "relation", "rhs", "status", "method"), DECIDED)
def test_quick_pass_decides_as_the_full_checker(lhs: str, relation: str, rhs: str,
                                                 status: str, method: str) -> None:
    spec = _spec(lhs, relation, rhs)
    quick = quick_check(spec, CheckOptions())
    assert quick is not None
    assert (quick.status, quick.method) == (status, method)
    full = full_check_step(spec, CheckOptions())
    assert full.status == quick.status
    assert quick.notes == full.notes and quick.flags == full.flags
    assert quick.lhs_latex == full.lhs_latex and quick.rhs_latex == full.rhs_latex


def test_refutations_name_the_acceptance_witnesses() -> None:
    cases = {("sqrt(x^2)", "=", "x"): "x = -1",
             ("(x-2)(x+1) = 4(x-2)", "<=>", "x + 1 = 4"): "x = 2",
             ("x - 1 = 2 sqrt(x+2)", "<=>", "(x-1)^2 = 4(x+2)"): "x = -1",
             ("-2x < 6", "<=>", "x < -3"): "x = 0"}
    for (lhs, relation, rhs), where in cases.items():
        witness = check_step(_spec(lhs, relation, rhs), CheckOptions()).counterexample
        assert witness is not None and witness.text.startswith(where)


@pytest.mark.parametrize(("lhs", "relation", "rhs"), [
    (lhs, relation, rhs) for lhs, relation, rhs, status, _ in DECIDED if status == "refuted"])
def test_every_quick_witness_holds_when_rechecked_in_sympy(lhs: str, relation: str,
                                                           rhs: str) -> None:
    result = quick_check(_spec(lhs, relation, rhs), CheckOptions())
    assert result is not None and result.counterexample is not None
    point = {sp.Symbol(name, real=True): _sympy(v) for name, v in result.counterexample.point}
    if relation in ("<=>", "==>", "<=="):
        truths = [bool(_sympy(side).xreplace(point)) for side in (lhs, rhs)]
        expected = [result.counterexample.lhs_value == "true",
                    result.counterexample.rhs_value == "true"]
        assert truths == expected and truths[0] != truths[1]
        return
    a, b = (_sympy(side).doit().xreplace(point) for side in (lhs, rhs))
    difference = sp.N(a - b, 50)
    holds = {"=": abs(difference) < 1e-40, ">=": difference >= 0}[relation]
    assert not holds


@pytest.mark.parametrize(("lhs", "relation", "rhs", "options"), [
    ("sqrt(x^2)", "=", "x", CheckOptions(assume=("x >= 0",))),  # assumptions: full checker
    ("z^2 + 1", "=", "(z + 1)^2", CheckOptions(domain="complex")),
    ("\\sqrt[3]{x}", "=", "x", CheckOptions()),  # LaTeX outside the quick grammar
    ("\\sin x", "=", "x", CheckOptions()),  # a function without brackets
    ("x + y = 1", "<=>", "x = 1 - t and y = t", CheckOptions()),  # t: "for some t"
    ("(x^2 - 1)/(x - 1)", "=", "x + 1", CheckOptions(assume=("x > 2",))),  # assumptions
    ("(x - 8)^(1/3)", "=", "x", CheckOptions()),  # negative bases: the full reading
    ("(x^2 - 2)/(x^2 - 2)", "=", "1", CheckOptions()),  # notes x ≠ ±sqrt(2): the full checker's
    ("2 e", "=", "e + e", CheckOptions()),  # a lone e may be a coefficient
])
def test_steps_left_to_the_full_checker(lhs: str, relation: str, rhs: str,
                                        options: CheckOptions) -> None:
    assert quick_check(_spec(lhs, relation, rhs), options) is None


def test_complex_mode_identities_are_proved_and_nothing_else() -> None:
    complex_mode = CheckOptions(domain="complex")
    proved = quick_check(_spec("z^3 - 1", "=", "(z - 1)(z^2 + z + 1)"), complex_mode)
    assert proved is not None and proved.status == "proved"
    assert full_check_step(_spec("z^3 - 1", "=", "(z - 1)(z^2 + z + 1)"),
                           complex_mode).status == "proved"
    for lhs, relation, rhs in (("z^2 + 1", "=", "(z + 1)^2"), ("(z^2-1)/(z-1)", "=", "z+1"),
                               ("z", "<", "z + 1"), ("z = 1", "<=>", "z^2 = 1")):
        assert quick_check(_spec(lhs, relation, rhs), complex_mode) is None


def test_log_and_degree_readings_stay_with_the_full_checker() -> None:
    result = check_step(_spec("sin(30)", "=", "1/2"), CheckOptions())
    assert result.status == "refuted" and "degrees" in result.message


@pytest.mark.parametrize("text", [
    "x/2y", "1/2x", "sin x", "xy(", "2 3", "(x+1)2", "Ab", "log_2(x)", "x²", "1,5x",
    "__import__('os')", "x.real", "lambda: 1", "open('f')", "(" * 500,
])
def test_texts_outside_the_quick_grammar(text: str) -> None:
    with pytest.raises(Unsupported):
        parse_expression(text)


def test_values_are_exact_or_certain() -> None:
    assert value(parse_expression("(1/2)^3 + sqrt(9/4)"), {}) == Fraction(13, 8)
    with pytest.raises(Undefined):
        value(parse_expression("1/(x - 1)"), {"x": Fraction(1)})
    with pytest.raises(Undefined):
        value(parse_expression("ln(x)"), {"x": Fraction(0)})
    with pytest.raises(Unsure):
        value(parse_expression("2^(10^6)"), {})
    with pytest.raises(Unsure):
        value(parse_expression("0^0"), {})


@pytest.mark.parametrize("text", ["9^9^9^9", "9**9**9**9", "(x + 1)^100000", "2^(10^10) x",
                                  "x^(10^9) - x^(10^9)"])
def test_huge_powers_never_hang(text: str) -> None:
    result = check_step(_spec(text, "=", "x"), CheckOptions(timeout=5))
    assert result.status in ("refuted", "unknown", "error", "likely", "proved")
    assert result.seconds < 10


def test_trigonometric_witnesses_need_no_calculator() -> None:
    witness = quick_check(_spec("sin(2x)", "=", "2 sin(x)"), CheckOptions())
    assert witness is not None and witness.counterexample is not None
    assert witness.counterexample.text == "x = pi/2: left side 0, right side 2"
    witness = quick_check(_spec("cos(x + y)", "=", "cos(x) cos(y) + sin(x) sin(y)"),
                          CheckOptions())
    assert witness is not None and witness.counterexample is not None
    assert witness.counterexample.point == (("x", "pi/2"), ("y", "pi/2"))


def test_log_steps_keep_the_base_ten_hint() -> None:
    hinted = check_step(_spec("log(100)", "=", "2"), CheckOptions())
    assert hinted.status == "refuted" and "base 10" in hinted.message
    plain = quick_check(_spec("log(x)^2", "=", "2 log(x)"), CheckOptions())
    assert plain is not None and plain.status == "refuted"
    assert check_step(_spec("log(x)^2", "=", "2 log(x)"), CheckOptions()).message == ""
