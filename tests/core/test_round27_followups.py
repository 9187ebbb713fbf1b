"""Round 27 regressions: what rounds 22-24 left. Each fix is pinned by a true/false pair run
through the real checker; refutations are re-checked exactly at their witness."""

from __future__ import annotations

import pytest
import sympy as sp
from sympy.parsing.sympy_parser import (
    convert_xor,
    implicit_multiplication_application,
    parse_expr,
    standard_transformations,
)

from proofnb.core.check import check_proof
from proofnb.core.eulernote import NOTE
from proofnb.core.model import StepResult
from proofnb.runner.api import make_options

_IMPLICIT = (*standard_transformations, implicit_multiplication_application, convert_xor)
CRAMER_E = ("a x + b y = e and c x + d y = f <=> x = (e d - b f)/(a d - b c) and "
            "y = (a f - c e)/(a d - b c)")


def steps(cell: str, *, assume: str = "", domain: str = "real") -> list[StepResult]:
    options = make_options(assume=[assume] if assume else [], domain=domain, timeout=10, seed=0)
    return check_proof(cell, options).steps


def statuses(cell: str, *, assume: str = "", domain: str = "real") -> list[str]:
    return [step.status for step in steps(cell, assume=assume, domain=domain)]


def witness(step: StepResult) -> dict[str, sp.Expr]:
    assert step.counterexample is not None
    names = {"e": sp.E}
    return {name: sp.sympify(value, locals=names) for name, value in step.counterexample.point}


def test_cramer_with_euler_e_and_no_determinant_condition_is_refuted() -> None:
    # e is Euler's number: the failing set (a d = b c with a consistent right side) is thin
    # and irrational, so sampling missed it and the false step was "likely".
    (step,) = steps(CRAMER_E)
    assert step.status == "refuted"
    p = witness(step)
    a, b, c, d, f, x, y = (p[n] for n in "abcdfxy")
    assert sp.simplify(a * x + b * y - sp.E) == 0 and sp.simplify(c * x + d * y - f) == 0
    assert sp.simplify(a * d - b * c) == 0  # the solved form is undefined there
    assert NOTE in step.notes


def test_cramer_with_euler_e_under_the_determinant_condition_is_proved() -> None:
    assert statuses(CRAMER_E, assume="a d - b c != 0") == ["proved"]


@pytest.mark.parametrize(("cell", "assume", "expected"), [
    ("a x + b y = e and c x + d y = f ==> x = (e d - b f)/(a d - b c)", "", "refuted"),
    ("a x + b y = e and c x + d y = f ==> x = (e d - b f)/(a d - b c)", "a d - b c != 0",
     "proved"),
    ("a x = e <=> x = e/a", "", "proved"),  # e != 0: no solution on either side at a = 0
])
def test_degenerate_denominators(cell: str, assume: str, expected: str) -> None:
    assert statuses(cell, assume=assume) == [expected]


@pytest.mark.parametrize(("text", "noted"), [
    ("a x + b y = e and c x + d y = f", True),
    ("y = a e^x + b x", False),
    ("f(e) = a e + b", False),
    ("ln(e x) = 1 + ln(x)", False),
])
def test_euler_coefficient_note(text: str, noted: bool) -> None:
    from proofnb.core.eulernote import euler_coefficient_note

    assert (euler_coefficient_note(text, {"a", "b", "c", "d", "f", "x", "y"}) == NOTE) is noted


@pytest.mark.parametrize(("cell", "domain", "expected"), [
    ("w^3 = 1 and w != 1 ==> w^2 + w + 1 = 0", "complex", "proved"),
    ("w^3 = 1 and w != 1 ==> w^2 + w - 1 = 0", "complex", "refuted"),
    ("z^5 = 1 and z != 1 ==> z^4 + z^3 + z^2 + z + 1 = 0", "complex", "proved"),
    ("z^5 = 1 and z != 1 ==> z^4 + z^3 + z^2 + z = 0", "complex", "refuted"),
    ("z^3 = 1 and z != 1 ==> z^2 = conj(z)", "complex", "proved"),
    ("z^3 = 1 and z != 1 ==> z^2 = -conj(z)", "complex", "refuted"),
])
def test_premises_with_not_equal(cell: str, domain: str, expected: str) -> None:
    # systems.solutions had no != conjunct: "unknown" (probe 24)
    assert statuses(cell, domain=domain) == [expected]


@pytest.mark.parametrize(("cell", "expected"), [
    ("log_2(x) = log_4(x + 2) <=> x = 2", "proved"),
    ("log_2(x) = log_4(x + 2) <=> x = 2 or x = -1", "refuted"),
    ("x^{ln x} = e^4 <=> x = e^2 or x = e^{-2}", "proved"),
    ("x^{ln x} = e^4 <=> x = e^2", "refuted"),
    ("x^{log_2 x} = 16 <=> x = 4 or x = 1/4", "proved"),
    ("x^{log_2 x} = 16 <=> x = 4", "refuted"),
])
def test_mixed_log_bases_and_logs_of_powers(cell: str, expected: str) -> None:
    assert statuses(cell) == [expected]


VIETA = "r + s = -b/a, r s = c/a, a != 0, c != 0"


@pytest.mark.parametrize(("cell", "expected"), [
    ("1/r + 1/s = -b/c", "proved"),
    ("1/r + 1/s = b/c", "refuted"),
    ("r/s + s/r = (b^2 - 2 a c)/(a c)", "proved"),
    ("r/s + s/r = (b^2 - 2 a c)/c", "refuted"),
])
def test_vieta_with_letter_coefficients(cell: str, expected: str) -> None:
    # an equality assumption with a declared-nonzero denominator is eliminated through its
    # numerator (c = a r s): points on the constraint exist for the witness search
    (step,) = steps(cell, assume=VIETA)
    assert step.status == expected
    if expected == "refuted":
        p = {sp.Symbol(k): v for k, v in witness(step).items()}
        a, b, c, r, s = (p[sp.Symbol(n)] for n in "abcrs")
        assert a * (r + s) == -b and a * r * s == c and a != 0 and c != 0
        lhs, rhs = (parse_expr(side, transformations=_IMPLICIT).subs(p)
                    for side in cell.split(" = "))
        assert sp.simplify(lhs - rhs) != 0


@pytest.mark.parametrize(("cell", "assume", "expected"), [
    ("x^n - 1 = (x - 1) Sum(x^k, (k, 0, n - 1))", "n >= 1, n integer", "proved"),
    ("x^n - 1 = (x - 1) Sum(x^k, (k, 0, n))", "n >= 1, n integer", "refuted"),
    ("x^{n+1} - 1 = (x - 1) Sum(x^k, (k, 0, n))", "n >= 0, n integer", "proved"),
    ("x^{n+1} + 1 = (x - 1) Sum(x^k, (k, 0, n))", "n >= 0, n integer", "refuted"),
])
def test_geometric_sum_with_a_symbolic_bound(cell: str, assume: str, expected: str) -> None:
    # the closed form is Piecewise((n, Eq(x, 1)), (...)): proved branch by branch
    assert statuses(cell, assume=assume) == [expected]
