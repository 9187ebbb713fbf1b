"""Round 63: trigonometric, exponential and logarithmic equations solved as textbooks print
them. Witnesses are re-checked on the test's own SymPy expressions (never proofnb's parser)."""
from __future__ import annotations

import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.runner.tasks import _assumptions_in_order

_assumptions_in_order()
x = sp.Symbol("x", real=True)


def _check(text: str):
    return check_proof(text, CheckOptions(assume=(), domain="real"))


def _witness(step) -> sp.Expr:
    return sp.sympify(dict(step.counterexample.point)["x"], locals={"pi": sp.pi})


def test_interval_after_the_first_claim_is_the_chains_condition():
    # a comma or \quad and an interval after the exercise's equation: every step is meant there
    # (was one conjunct of the first line: the factorisation was refuted at x = -pi/6)
    for interval in (r", \quad 0 \le x < 2\pi", r", 0 \le x < 2\pi", r" \qquad 0 \le x < 2\pi",
                     r", \quad x \in [0, 2\pi)", r", x \in \left[0, 2\pi\right)"):
        r = _check(f"2\\sin^2 x - \\sin x - 1 = 0{interval}\n"
                   "(2\\sin x + 1)(\\sin x - 1) = 0\n"
                   "\\sin x = -\\frac{1}{2} \\lor \\sin x = 1\n"
                   "x = \\frac{7\\pi}{6} \\lor x = \\frac{11\\pi}{6} \\lor x = \\frac{\\pi}{2}")
        assert [s.status for s in r.steps] == ["proved"] * 3, interval
        assert all(n.startswith("for ") for s in r.steps for n in s.notes[:1]), interval
    # a lost solution inside the interval is still named, and it lies in the interval
    r = _check("2\\sin^2 x - \\sin x - 1 = 0, \\quad 0 \\le x < 2\\pi\n"
               "(2\\sin x + 1)(\\sin x - 1) = 0\n"
               "\\sin x = -\\frac{1}{2} \\lor \\sin x = 1\n"
               "x = \\frac{5\\pi}{6} \\lor x = \\frac{11\\pi}{6} \\lor x = \\frac{\\pi}{2}")
    assert [s.status for s in r.steps] == ["proved", "proved", "refuted"]
    point = _witness(r.steps[2])
    assert 0 <= point < 2 * sp.pi
    assert sp.sin(point) == sp.Rational(-1, 2)
    assert point not in (5 * sp.pi / 6, 11 * sp.pi / 6, sp.pi / 2)


def test_domain_after_a_log_equation():
    r = _check("\\ln x + \\ln(x + 1) = \\ln 6, \\quad x > 0\n\\iff \\ln(x(x+1)) = \\ln 6\n"
               "x^2 + x - 6 = 0\n\\iff x = 2")
    assert [s.status for s in r.steps] == ["proved"] * 3
    r = _check("log_2(x) + log_2(x - 2) = 3, x > 2\n<=> log_2(x(x - 2)) = 3\n"
               "<=> x^2 - 2x - 8 = 0\n<=> x = 4")
    assert [s.status for s in r.steps] == ["proved"] * 3
    # without the domain the product law gains -2: refuted there, and -2 really is gained
    r = _check("\\log_2(x) + \\log_2(x-2) = 3\n\\iff \\log_2(x(x-2)) = 3")
    (step,) = r.steps
    assert step.status == "refuted"
    point = _witness(step)
    assert sp.log(point * (point - 2), 2) == 3
    assert not (point > 0 and point - 2 > 0)


def test_degrees_after_two_spaces():
    r = _check("\\sin x = 0.5 \\qquad 0 \\le x \\le 360^{\\circ}\n"
               "x = 30^{\\circ} \\text{ or } x = 150^{\\circ}")
    assert [s.status for s in r.steps] == ["proved"]


def test_what_stays_a_conjunct():
    # two inequalities with a comma are a system, not a claim and its interval
    r = _check("x > 1, x < 3\n<=> x > 1")
    (step,) = r.steps
    assert step.status == "refuted"
    point = _witness(step)
    assert point > 1 and not point < 3
    # a piecewise body's conditions are no interval after the claim
    r = _check(r"|x| = \begin{cases} x & x \ge 0 \\ -x & x < 0 \end{cases}")
    assert [s.status for s in r.steps] == ["proved"]
    # only the line that opens the maths: in the middle the comma still joins a condition
    r = _check("\\log_2(x) + \\log_2(x-2) = 3\n\\log_2(x(x-2)) = 3, \\quad x > 2\n"
               "x^2 - 2x - 8 = 0")
    assert r.steps[0].status == "proved"
    assert r.steps[1].status == "refuted"
    point = _witness(r.steps[1])
    assert point**2 - 2 * point - 8 == 0 and not point > 2


def test_let_in_text_is_a_given_line():
    # \text{Let } u = \cos x, as pasted from LaTeX (was the error unknown name 'Let')
    r = _check("2\\cos^2 x + 3\\cos x - 2 = 0\n\\text{Let } u = \\cos x\n2u^2 + 3u - 2 = 0\n"
               "(2u - 1)(u + 2) = 0\nu = \\frac{1}{2} \\lor u = -2\n\\cos x = \\frac{1}{2}\n"
               "x = \\pm\\frac{\\pi}{3} + 2k\\pi \\quad (k \\in \\mathbb{Z})")
    assert [s.status for s in r.steps] == ["proved"] * 5
    r = _check("e^{2x} - 5e^x + 6 = 0\n\\text{Let } t = e^x > 0\nt^2 - 5t + 6 = 0\n"
               "t = 2 \\text{ or } t = 3\nx = \\ln 2 \\text{ or } x = \\ln 6")
    assert [s.status for s in r.steps] == ["proved", "proved", "refuted"]
    point = _witness(r.steps[2])
    assert sp.simplify(sp.exp(2 * point) - 5 * sp.exp(point) + 6) == 0
    assert point not in (sp.log(2), sp.log(6))


def test_solution_set_in_left_right_braces():
    r = _check("\\sin x = \\frac{1}{2}, \\quad x \\in \\left[0, 2\\pi\\right)\n"
               "S = \\left\\{\\frac{\\pi}{6}, \\frac{5\\pi}{6}\\right\\}")
    assert [s.status for s in r.steps] == ["proved"]
    r = _check("\\sin x = \\frac{1}{2}, \\quad x \\in \\left[0, 2\\pi\\right)\n"
               "S = \\left\\{\\frac{\\pi}{6}, \\frac{7\\pi}{6}\\right\\}")
    (step,) = r.steps
    assert step.status == "refuted"
    point = _witness(step)
    assert 0 <= point < 2 * sp.pi and sp.sin(point) == sp.Rational(1, 2)
    assert point not in (sp.pi / 6, 7 * sp.pi / 6)


def test_values_listed_with_commas():
    # x = 30°, 150° below the equation names its solutions (was a parse error)
    r = _check("\\sin x = 0.5 \\qquad 0 \\le x \\le 360^{\\circ}\nx = 30^{\\circ}, 150^{\\circ}")
    assert [s.status for s in r.steps] == ["proved"]
    assert "is read as x = 30^{\\circ} or x = 150^{\\circ}" in r.steps[0].notes[0]
    r = _check("\\sin x = 0.5 \\qquad 0 \\le x \\le 360^{\\circ}\nx = 30^{\\circ}, 210^{\\circ}")
    (step,) = r.steps
    assert step.status == "refuted"
    point = _witness(step)
    assert 0 <= point <= 2 * sp.pi and sp.sin(point) == sp.Rational(1, 2)
    assert point not in (sp.pi / 6, 7 * sp.pi / 6)
    r = _check("x^2 - 3x + 2 = 0\n\\iff x = 1, 3")
    (step,) = r.steps
    assert step.status == "refuted"
    point = _witness(step)
    assert point**2 - 3 * point + 2 == 0 and point not in (1, 3)
    # a second letter is no list of values
    r = _check("x + y = 3\nx = 1, y = 2")
    assert not any("is read as" in n for s in r.steps for n in s.notes)
