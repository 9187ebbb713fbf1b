"""Round 67: soundness of the full checker on points an adversarial review found.

1. A side with a constant part that has no real value (``x sqrt(-2)``, ``x + ln(-1)``) is
   undefined everywhere in real mode: never proved (unknown with the reason, as for
   ``sqrt(-2) = 1``), refuted where the other line is defined; complex mode proves them.
2. ``(x-1)/(x-1) sqrt(x-1) = sqrt(x-1)`` has a hole at x = 1 although neither side is defined
   left of it: proved with the note ``x ≠ 1``, as ``(x-1)/(x-1) = 1`` is.
3. A factor with no real zero (``x^2 + x + 1``) gives no domain note in real mode (it keeps
   it in complex mode, where it vanishes at two points).
4. An inequality whose sides are equal in disguise (``cos(x)^3 >= cos(x) - cos(x) sin(x)^2``)
   is proved by the identity provers at once, not by limits at infinity (over a minute).

Each verdict is re-checked independently with SymPy.
"""

from __future__ import annotations

import time

import pytest
import sympy as sp

from proofnb.core.check import check_proof, check_step, full_check_step
from proofnb.core.model import CheckOptions, StepResult, StepSpec
from proofnb.runner.tasks import _assumptions_in_order

_assumptions_in_order()
REAL = CheckOptions(assume=(), domain="real")
COMPLEX = CheckOptions(assume=(), domain="complex")
X = sp.Symbol("x", real=True)


def _step(lhs: str, rhs: str, relation: str = "=") -> StepSpec:
    return StepSpec(index=1, relation=relation, lhs=lhs, rhs=rhs, origin=lhs, line=2)


def _both(lhs: str, rhs: str, options: CheckOptions = REAL,
          relation: str = "=") -> tuple[StepResult, StepResult]:
    """The full checker's result and the one a user sees (quick pass first)."""
    spec = _step(lhs, rhs, relation)
    return full_check_step(spec, options), check_step(spec, options)


# -- 1. constant parts with no real value -----------------------------------------------------

#: (left, right, the part shown in the message, its value as SymPy evaluates it)
UNDEFINED_LEFT = [
    ("x*sqrt(-2)", "sqrt(-2)*x", "sqrt(-2)", sp.sqrt(-2)),
    ("x + ln(-1) - ln(-1)", "x", "ln(-1)", sp.log(-1)),
    ("x*sqrt(-2)", "sqrt(-2)*x + 1", "sqrt(-2)", sp.sqrt(-2)),
    ("x*asin(2)", "asin(2)*x", "asin(2)", sp.asin(2)),
]


@pytest.mark.parametrize(("lhs", "rhs", "part", "value"), UNDEFINED_LEFT)
def test_a_left_side_with_a_non_real_constant_is_not_proved(
        lhs: str, rhs: str, part: str, value: sp.Expr) -> None:
    assert value.is_real is False  # independently: the part has no real value
    relation = "<" if rhs.endswith("+ 1") else "="
    for result in _both(lhs, rhs, relation=relation):
        assert result.status == "unknown", result
        assert result.method == "undefined"
        assert f"the left side {lhs} is undefined in real mode" in result.message
        assert f"{part} is not a real number" in result.message
        assert "--domain complex" in result.message


def test_the_same_rule_as_for_constant_sides() -> None:
    for text in ("sqrt(-2) = 1", "ln(-1) = 0", "x*sqrt(-2) = sqrt(-2)*x"):
        (step,) = check_proof(text, REAL).steps
        assert step.status == "unknown" and "undefined in real mode" in step.message, text


def test_a_principal_root_of_a_negative_number_says_how_to_write_the_real_root() -> None:
    full, shown = _both("x*(-8)^(1/3)", "(-8)^(1/3)*x")
    for result in (full, shown):
        assert result.status == "unknown"
        assert "(-8)^(1/3)" in result.message and "cbrt(-8)" in result.message
    # the real cube root is defined: proved
    for result in _both("x*cbrt(-8)", "-2x"):
        assert result.status == "proved"


def test_a_constant_with_no_value_at_all() -> None:
    for result in _both("x + log(0)", "x + log(0)"):
        assert result.status == "unknown"
        assert "ln(0) has no value" in result.message


def test_a_right_side_with_a_non_real_constant_is_refuted_where_the_left_is_defined() -> None:
    for result in _both("x", "x + ln(-1) - ln(-1)"):
        assert result.status == "refuted"
        witness = result.counterexample
        assert witness is not None and witness.kind == "undefined"
        assert witness.rhs_value == "undefined"
        point = {X: sp.Rational(witness.point[0][1])}
        assert sp.sympify(witness.lhs_value) == X.subs(point)  # the left side is defined
        assert sp.log(-1).is_real is False  # and the right side is not, at any x


def test_a_right_side_undefined_where_the_left_is_too_is_not_proved() -> None:
    # sqrt(-x^2 - 1) is defined nowhere: no point refutes, and nothing is proved
    full, shown = _both("sqrt(-x^2-1)", "sqrt(-x^2-1) + ln(-1) - ln(-1)")
    for result in (full, shown):
        assert result.status != "proved"
        assert result.status in ("unknown", "refuted")


@pytest.mark.parametrize(("lhs", "rhs"), [
    ("x*sqrt(-2)", "sqrt(-2)*x"), ("x + ln(-1) - ln(-1)", "x")])
def test_complex_mode_proves_them(lhs: str, rhs: str) -> None:
    for result in _both(lhs, rhs, COMPLEX):
        assert result.status == "proved", result


def test_real_constants_are_untouched() -> None:
    for result in _both("x*sqrt(2)", "sqrt(2)*x"):
        assert result.status == "proved"


def test_a_step_about_an_unknown_function_is_not_proved_either() -> None:
    (step,) = check_proof("assume f function\nf(x)*sqrt(-2) = sqrt(-2)*f(x)", REAL).steps
    assert step.status == "unknown" and "sqrt(-2) is not a real number" in step.message
    (step,) = check_proof("assume f function\nf(x)*sqrt(2) = sqrt(2)*f(x)", REAL).steps
    assert step.status == "proved"


def test_an_equation_with_a_non_real_constant_holds_nowhere() -> None:
    # x sqrt(-2) = 0 has no real solution (its left side is nowhere real), x = 0 has x = 0: not
    # the same line rescaled by sqrt(-2)
    for text, lost in (("x*sqrt(-2) = 0 <=> x = 0", "this line but not the previous"),
                       ("x = 0 <=> x*sqrt(-2) = 0", "the previous line but not this")):
        (step,) = check_proof(text, REAL).steps
        assert step.status == "refuted" and step.counterexample is not None, text
        assert step.counterexample.point == (("x", "0"),) and lost in step.counterexample.text
    assert sp.sqrt(-2).is_real is False  # the x sqrt(-2) line is nowhere real, x = 0 holds at 0
    # neither line has a real solution: the same (empty) set
    (step,) = check_proof("x + sqrt(-2) = 1 <=> x = 1 - sqrt(-2)", REAL).steps
    assert step.status == "proved"
    for text in ("x*sqrt(-2) = 0 <=> x = 0", "x + sqrt(-2) = 1 <=> x = 1 - sqrt(-2)"):
        (step,) = check_proof(text, COMPLEX).steps
        assert step.status == "proved", text
    # with an unknown function: never proved
    (step,) = check_proof("assume f function\nf(x)*sqrt(-2) = 0 <=> f(x) = 0", REAL).steps
    assert step.status in ("unknown", "refuted")


# -- 2. a hole at the edge of both sides' domains ---------------------------------------------

@pytest.mark.parametrize(("lhs", "rhs", "note", "at"), [
    ("(x-1)/(x-1)*sqrt(x-1)", "sqrt(x-1)", "x ≠ 1", 1),
    ("sqrt(x-1)", "(x-1)/(x-1)*sqrt(x-1)", "x ≠ 1", 1),
    ("(x-1)/(x-1)*sqrt(1-x)", "sqrt(1-x)", "x ≠ 1", 1),
    ("x/x*sqrt(x)", "sqrt(x)", "x ≠ 0", 0),
    ("(x-1)/(x-1)", "1", "x ≠ 1", 1),
])
def test_a_hole_gets_its_note(lhs: str, rhs: str, note: str, at: int) -> None:
    for result in _both(lhs, rhs):
        assert result.status == "proved"
        assert note in result.notes, result
    # independently: at the point the side with x/x or (x-1)/(x-1) divides by zero, and the
    # other side is defined (real)
    other = rhs if "/" in lhs else lhs
    x = sp.Symbol("x")
    assert (1 / (x - at)).subs(x, at) is sp.zoo
    assert sp.sympify(other.replace("^", "**")).subs(x, at).is_real


def test_no_note_where_the_other_side_is_undefined_around_the_point() -> None:
    # log(x) - log(x) = 0: the left side is undefined on all of x <= 0, not at one point
    for result in _both("log(x) - log(x)", "0"):
        assert result.status == "proved" and result.notes == ()


# -- 3. no note for a factor with no real zero ------------------------------------------------

@pytest.mark.parametrize(("lhs", "rhs", "notes"), [
    ("(x^2+x+1)*y/((x^2+x+1)*y)", "1", ("y ≠ 0",)),
    ("y/(x^2+x+1) * (x^2+x+1)/y", "1", ("y ≠ 0",)),
    ("(x^2+x+1)/((x^2+x+1)*(y-1))", "1/(y-1)", ()),
    ("(x^2+x+1)*(x-y)/((x^2+x+1)*(x-y))", "1", ("x ≠ y",)),
])
def test_a_factor_with_no_real_zero_gives_no_note(lhs: str, rhs: str, notes: tuple[str, ...]
                                                   ) -> None:
    assert sp.real_roots(sp.Poly(X**2 + X + 1, X)) == []  # independently: no real zero
    result = full_check_step(_step(lhs, rhs), REAL)
    assert result.status == "proved"
    assert result.notes == notes
    assert all("x^2 + x + 1" not in note for note in check_step(_step(lhs, rhs), REAL).notes)


def test_a_factor_with_real_zeros_keeps_its_note() -> None:
    result = full_check_step(_step("(x^2-2)*y/((x^2-2)*y)", "1"), REAL)
    assert result.status == "proved" and "x^2 - 2 ≠ 0" in result.notes


def test_complex_mode_keeps_the_note() -> None:
    z = sp.Symbol("x")
    assert len(sp.roots(z**2 + z + 1, z)) == 2  # two complex zeros
    result = full_check_step(_step("(x^2+x+1)/((x^2+x+1)*(y-1))", "1/(y-1)"), COMPLEX)
    assert result.status == "proved" and "x^2 + x + 1 ≠ 0" in result.notes


# -- 4. an inequality between equal sides -----------------------------------------------------

@pytest.mark.parametrize("relation", [">=", "<="])
def test_equal_sides_in_disguise_are_proved_fast(relation: str) -> None:
    lhs, rhs = "cos(x)^3", "cos(x) - cos(x)*sin(x)^2"
    assert sp.simplify(sp.cos(X)**3 - (sp.cos(X) - sp.cos(X) * sp.sin(X)**2)) == 0
    started = time.perf_counter()
    result = full_check_step(_step(lhs, rhs, relation), REAL)
    assert time.perf_counter() - started < 5
    assert result.status == "proved" and "both sides equal" in result.method


def test_the_strict_version_is_refuted_where_the_sides_are_equal() -> None:
    result = full_check_step(_step("cos(x)^3", "cos(x) - cos(x)*sin(x)^2", ">"), REAL)
    assert result.status == "refuted" and result.counterexample is not None
    point = sp.Rational(result.counterexample.point[0][1])
    a = sp.cos(point)**3
    b = sp.cos(point) - sp.cos(point) * sp.sin(point)**2
    assert sp.simplify(a - b) == 0  # so a > b fails there
