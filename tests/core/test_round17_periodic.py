"""Round 17: periodic answers in the (-1)^k form and periodic inequalities.

Every refutation is re-checked here on its own at 50 digits: the witness x satisfies one line,
and for the other line no integer k in a wide range makes it hold.
"""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions

X = sp.Symbol("x", real=True)
K = sp.Symbol("k", integer=True)


def _step(text: str, *assume: str) -> tuple[str, str, dict[str, str]]:
    step = check_proof(text, CheckOptions(assume=assume, timeout=20)).steps[0]
    cx = step.counterexample
    return step.status, cx.kind if cx else "", dict(cx.point) if cx else {}


def _holds(line: sp.Basic, x: sp.Expr) -> bool:
    """The line at x for some integer k in -60..60 (exact values compared at 50 digits)."""
    def true_at(stmt: sp.Basic) -> bool:
        if stmt in (sp.true, sp.false):  # decided exactly when the values were put in
            return bool(stmt)
        if isinstance(stmt, sp.Or):
            return any(true_at(a) for a in stmt.args)
        if isinstance(stmt, sp.And):
            return all(true_at(a) for a in stmt.args)
        diff = sp.N(stmt.lhs - stmt.rhs, 50)
        if isinstance(stmt, sp.Eq):
            return bool(abs(diff) < 1e-40)
        return bool({sp.Lt: diff < 0, sp.Le: diff <= 1e-40, sp.Gt: diff > 0,
                     sp.Ge: diff >= -1e-40}[type(stmt)])
    return any(true_at(line.xreplace({X: x, K: n})) for n in range(-60, 61))


#: (true step, its false near-miss, the near-miss's lines as SymPy statements)
PAIRS = [
    ("sin(x) = 1/2 <=> x = (-1)^k pi/6 + k pi, k ∈ ℤ",
     "sin(x) = 1/2 <=> x = (-1)^(k+1) pi/6 + k pi, k ∈ ℤ",
     (sp.Eq(sp.sin(X), sp.Rational(1, 2)), sp.Eq(X, (-1) ** (K + 1) * sp.pi / 6 + K * sp.pi))),
    ("sin(x) = -1/2 <=> x = (-1)^(k + 1) pi/6 + k pi, k ∈ ℤ",
     "sin(x) = -1/2 <=> x = (-1)^k pi/6 + k pi, k ∈ ℤ",
     (sp.Eq(sp.sin(X), -sp.Rational(1, 2)), sp.Eq(X, (-1) ** K * sp.pi / 6 + K * sp.pi))),
    ("sin(2x) = 1/2 <=> x = (-1)^k pi/12 + k pi/2, k ∈ ℤ",
     "sin(2x) = 1/2 <=> x = (-1)^k pi/12 + k pi, k ∈ ℤ",
     (sp.Eq(sp.sin(2 * X), sp.Rational(1, 2)), sp.Eq(X, (-1) ** K * sp.pi / 12 + K * sp.pi))),
    ("sin(x) > 0 <=> 2k pi < x < (2k + 1) pi, k ∈ ℤ",
     "sin(x) > 0 <=> 2k pi <= x <= (2k + 1) pi, k ∈ ℤ",
     (sp.sin(X) > 0, sp.And(2 * K * sp.pi <= X, X <= (2 * K + 1) * sp.pi))),
    ("tan(x) > 1 <=> pi/4 + k pi < x < pi/2 + k pi, k ∈ ℤ",
     "tan(x) > 1 <=> pi/4 + 2k pi < x < pi/2 + 2k pi, k ∈ ℤ",
     (sp.tan(X) > 1, sp.And(sp.pi / 4 + 2 * K * sp.pi < X, X < sp.pi / 2 + 2 * K * sp.pi))),
    ("sin(2x) > 0 <=> k pi < x < pi/2 + k pi, k ∈ ℤ",
     "sin(2x) > 0 <=> 2k pi < x < pi + 2k pi, k ∈ ℤ",
     (sp.sin(2 * X) > 0, sp.And(2 * K * sp.pi < X, X < sp.pi + 2 * K * sp.pi))),
    ("sin(x) >= 1/2 <=> pi/6 + 2k pi <= x <= 5pi/6 + 2k pi, k ∈ ℤ",
     "sin(x) >= 1/2 <=> pi/6 + 2k pi < x < 5pi/6 + 2k pi, k ∈ ℤ",
     (sp.sin(X) >= sp.Rational(1, 2),
      sp.And(sp.pi / 6 + 2 * K * sp.pi < X, X < 5 * sp.pi / 6 + 2 * K * sp.pi))),
]


@pytest.mark.parametrize(("true_step", "false_step", "lines"), PAIRS)
def test_signed_and_interval_families_true_proved_false_refuted(
    true_step: str, false_step: str, lines: tuple[sp.Basic, sp.Basic]
) -> None:
    assert _step(true_step)[0] == "proved"
    status, kind, point = _step(false_step)
    assert status == "refuted"
    assert set(point) == {"x"}
    x = sp.sympify(point["x"])
    one, two = (_holds(line, x) for line in lines)
    assert (one, two) == ((True, False) if kind == "lost-root" else (False, True))


@pytest.mark.parametrize(("text", "assume"), [
    ("x = (-1)^k pi/6 + k pi, k ∈ ℤ\n==> sin(x) = 1/2", ""),
    ("cos(x) >= 0 ==> -pi/2 + 2k pi <= x <= pi/2 + 2k pi, k ∈ ℤ", ""),
    ("sin(x) = 1/2\n<=> x = pi/6 + 2k pi or x = 5pi/6 + 2k pi, k ∈ ℤ", "0 <= x < 2 pi"),
    ("x = pi/6 + 2k pi or x = 5pi/6 + 2k pi, k ∈ ℤ\n<=> x = pi/6 or x = 5pi/6", "0 <= x < 2 pi"),
])
def test_implications_and_bounded_intervals_are_proved(text: str, assume: str) -> None:
    assert _step(text, *([assume] if assume else []))[0] == "proved"


def test_a_lost_answer_on_a_bounded_interval_is_refuted() -> None:
    status, kind, point = _step(
        "x = pi/6 + 2k pi or x = 5pi/6 + 2k pi, k ∈ ℤ\n<=> x = pi/6 or x = 5pi/6 or x = 13pi/6",
        "0 <= x < 4 pi")
    assert (status, kind) == ("refuted", "lost-root")
    x = sp.sympify(point["x"])
    assert abs(sp.N(sp.sin(x) - sp.Rational(1, 2), 50)) < 1e-40
    assert all(abs(sp.N(x - v, 50)) > 1e-3 for v in (sp.pi / 6, 5 * sp.pi / 6, 13 * sp.pi / 6))


@pytest.mark.parametrize("text", [
    "\\tan 2x = -1 \\iff x = -\\frac{\\pi}{8} + \\frac{\\pi k}{2},\\ k \\in \\mathbb{Z}",
    "\\sin 3x = 0 \\Leftrightarrow x = \\frac{k\\pi}{3},\\; k\\in\\mathbb Z",
])
def test_latex_spacing_and_unbraced_mathbb_declare_the_parameter(text: str) -> None:
    assert _step(text)[0] == "proved"


S, C = sp.sin(X), sp.cos(X)


@pytest.mark.parametrize(("true_step", "false_step", "lines"), [
    ("sin(x) = cos(x) <=> tan(x) = 1", "sin(x) = cos(x) <=> tan(x)^2 = 1",
     (sp.Eq(S, C), sp.Eq(sp.tan(X) ** 2, 1))),
    ("sin(x) = 1 ==> cos(x) = 0", "cos(x) = 0 ==> sin(x) = 1", (sp.Eq(C, 0), sp.Eq(S, 1))),
    ("sin(x) cos(x) = 0 <=> sin(2x) = 0", "sin(x) cos(x) = 0 <=> sin(x) = 0",
     (sp.Eq(S * C, 0), sp.Eq(S, 0))),
])
def test_periodic_lines_without_parameters_compared_on_one_period(
    true_step: str, false_step: str, lines: tuple[sp.Basic, sp.Basic]
) -> None:
    assert _step(true_step)[0] == "proved"
    status, kind, point = _step(false_step)
    assert status == "refuted"
    x = sp.sympify(point["x"])
    one, two = (_holds(line, x) for line in lines)
    assert (one, two) == ((True, False) if kind == "lost-root" else (False, True))
