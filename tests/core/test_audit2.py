"""Audit 2: integer parameters, induction, unknown functions, boundary points, cell language.

Each false step is refuted with a witness re-checked here at 50 digits; its true partner is
never refuted.
"""

from __future__ import annotations

import math

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, StepResult

X = sp.Symbol("x", real=True)


def _step(text: str, *assume: str) -> StepResult:
    return check_proof(text, CheckOptions(assume=assume, timeout=20)).steps[0]


def _some(line: sp.Basic, k: sp.Symbol, allowed: range) -> bool:
    """The line at exact values for some k in ``allowed`` (compared at 50 digits)."""
    for n in allowed:
        diff = sp.N((line.lhs - line.rhs).xreplace({k: n}), 50)
        if abs(diff) < 1e-40:
            return True
    return False


# A parameter restricted by an assumption about it alone (k >= 0, k natural) ranges over
# those integers only: the answer x = pi/4 + k pi/2 then misses x = pi/4 (or -pi/4).
RESTRICTED = [
    ("cos(2x) = 0 <=> x = pi/4 + k pi/2, k ∈ ℤ", ("k > 0",), range(1, 80)),
    ("cos(2x) = 0 <=> x = pi/4 + k pi/2", ("k natural",), range(0, 80)),
    ("cos(2x) = 0 <=> x = pi/4 + k pi/2", ("k positive integer",), range(1, 80)),
]


@pytest.mark.parametrize(("text", "assume", "allowed"), RESTRICTED)
def test_a_restricted_parameter_loses_the_other_members(
    text: str, assume: tuple[str, ...], allowed: range
) -> None:
    step = _step(text, *assume)
    assert step.status == "refuted"
    ce = step.counterexample
    assert ce is not None and ce.kind == "lost-root"
    x = sp.sympify(dict(ce.point)["x"])
    assert abs(sp.N(sp.cos(2 * x), 50)) < 1e-40
    k = sp.Symbol("k", integer=True)
    assert not _some(sp.Eq(X, sp.pi / 4 + k * sp.pi / 2).xreplace({X: x}), k, allowed)


@pytest.mark.parametrize("assume", [("k >= 0",), ("k natural",)])
def test_the_restricted_answer_on_the_positive_half_line_is_not_refuted(
    assume: tuple[str, ...]
) -> None:
    step = _step("cos(2x) = 0 and x > 0 <=> x = pi/4 + k pi/2, k ∈ ℤ", *assume)
    assert step.status in ("proved", "likely")


def test_an_unrestricted_parameter_is_still_proved() -> None:
    assert _step("cos(2x) = 0 <=> x = pi/4 + k pi/2, k ∈ ℤ").status == "proved"


# SymPy answers a trigonometric inequality on one period only, whatever the interval: on
# [-2 pi, 2 pi] the answer (pi/6, 5 pi/6) was taken as the whole set and the step proved.
@pytest.mark.parametrize(("false_step", "true_step", "assume", "lhs", "ends"), [
    ("sin(x) > 1/2 <=> pi/6 < x < 5pi/6",
     "sin(x) > 1/2 <=> pi/6 < x < 5pi/6 or -11pi/6 < x < -7pi/6",
     "-2pi <= x <= 2pi", sp.sin(X) - sp.Rational(1, 2), (sp.pi / 6, 5 * sp.pi / 6)),
    ("tan(x) > 1 <=> pi/4 < x < pi/2",
     "tan(x) > 1 <=> pi/4 < x < pi/2 or 5pi/4 < x < 3pi/2",
     "0 <= x < 2pi", sp.tan(X) - 1, (sp.pi / 4, sp.pi / 2)),
])
def test_trigonometric_inequalities_on_a_long_interval(
    false_step: str, true_step: str, assume: str, lhs: sp.Expr, ends: tuple[sp.Expr, sp.Expr]
) -> None:
    step = _step(false_step, assume)
    assert step.status == "refuted"
    ce = step.counterexample
    assert ce is not None and ce.kind == "lost-root"
    x = sp.sympify(dict(ce.point)["x"])
    assert sp.N(lhs.xreplace({X: x}), 50) > 0  # the first line holds there ...
    assert not sp.N(ends[0], 50) < sp.N(x, 50) < sp.N(ends[1], 50)  # ... the answer misses it
    assert _step(true_step, assume).status != "refuted"


def test_an_inequality_continuing_a_statement_chain_is_not_cut_from_its_premise() -> None:
    # x^2 > x, then > 1, holds under the premise x > 1 only: the continuation is checked
    # under the chain's first line (it was refuted on its own, then an error).
    result = check_proof("x > 1 ==> x^2 > x\n> 1", CheckOptions())
    assert [s.status for s in result.steps] == ["proved", "proved"]
    assert result.verdict == "accepted"
    wrong = check_proof("x > 1 ==> x^2 > x\n> 2", CheckOptions())
    assert [s.status for s in wrong.steps] == ["proved", "refuted"]
    point = dict(wrong.steps[1].counterexample.point)  # type: ignore[union-attr]
    x = float(point["x"])
    assert x > 1 and not x > 2  # the premise holds there, the line does not
    kept = check_proof("n = 2k + 1 ==> n^2 = (2k + 1)^2\n= 4k^2 + 4k + 1",
                       CheckOptions(assume=("n, k integers",)))
    assert [s.status for s in kept.steps] == ["proved", "proved"]


def test_a_cancelled_square_root_keeps_its_domain_in_the_periodic_proofs() -> None:
    # lhs - rhs cancels sqrt(x + 100): the line is undefined for x < -100, so the
    # periodic answer gains x = -201/2 (review finding; was proved).
    text = "sin(x) + sqrt(x + 100) > sqrt(x + 100) <=> 2k pi < x < (2k+1) pi, k ∈ ℤ"
    step = check_proof(text, CheckOptions()).steps[0]
    assert step.status == "refuted" and step.counterexample is not None
    x = float(sp.Rational(dict(step.counterexample.point)["x"]))
    assert x < -100  # the first line is undefined there
    assert any(2 * k * math.pi < x < (2 * k + 1) * math.pi for k in range(-40, 0))
    bounded = "sin(x) + sqrt(x + 100) > sqrt(x + 100) <=> sin(x) > 0"
    assert check_proof(bounded, CheckOptions(assume=("-2pi <= x <= 2pi",))).steps[0].status \
        in ("proved", "likely")
