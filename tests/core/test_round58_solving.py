"""Round 58: textbook equation and inequality solving written as schools print it.

Each case re-checks the verdict's witness on its own SymPy expressions (never proofnb's
parser): a refuting root lies in exactly one of the two lines' solution sets."""
from __future__ import annotations

import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions
from proofnb.runner.tasks import _assumptions_in_order

_assumptions_in_order()
x = sp.Symbol("x", real=True)


def _check(text: str):
    return check_proof(text, CheckOptions(assume=(), domain="real"))


def _root_of_one(point, first, second, where=sp.S.Reals) -> bool:
    """``point`` ((name, value) pairs) solves exactly one of two relations in x."""
    value = sp.sympify(dict(point)["x"], locals={"pi": sp.pi})
    if where.contains(value) is not sp.true:
        return False
    holds = [bool(rel.subs(x, value)) for rel in (first, second)]
    return holds[0] != holds[1]


def test_numbered_solutions_with_latex_spacing():
    # x_1 = 3, \; x_2 = 2 names the two solutions (was refuted: read as letters x_1, x_2)
    for glue in (r", \; ", r",\ ", r" \; ", r", \, ", " ~ "):
        r = _check(f"x^2 - 5x + 6 = 0\n\\iff x_1 = 3{glue}x_2 = 2")
        assert [s.status for s in r.steps] == ["proved"], glue
        assert "is read as x = 3 or x = 2" in r.steps[0].notes[0]
    r = _check("x^2 - 5x + 6 = 0\n\\iff x_1 = 3, \\; x_2 = 1")
    (step,) = r.steps
    assert step.status == "refuted"
    assert _root_of_one(step.counterexample.point, sp.Eq(x**2 - 5 * x + 6, 0),
                        sp.Or(sp.Eq(x, 3), sp.Eq(x, 1)))
    # a claim about two letters stays one
    r = _check("x^2 - 5x + 6 = 0\nx_1 + x_2 = 5")
    assert "is read as" not in " ".join(r.steps[0].notes)


def test_bracketed_order_condition_after_the_claim():
    r = _check("\\sin x = \\tfrac12 \\quad (0 \\le x < 2\\pi)\n"
               "\\iff x = \\tfrac{\\pi}{6} \\lor x = \\tfrac{5\\pi}{6}")
    assert [s.status for s in r.steps] == ["proved"]
    r = _check("\\sin x = \\tfrac12 \\quad (0 \\le x < 2\\pi)\n\\iff x = \\tfrac{\\pi}{6}")
    (step,) = r.steps
    assert step.status == "refuted"
    assert _root_of_one(step.counterexample.point, sp.Eq(sp.sin(x), sp.Rational(1, 2)),
                        sp.Eq(x, sp.pi / 6), sp.Interval.Ropen(0, 2 * sp.pi))
    r = _check("\\log_3(x+1) = 2 \\quad (x > -1)\n\\iff x + 1 = 9\n\\iff x = 8")
    assert [s.status for s in r.steps] == ["proved", "proved"]
    assert "for x > -1" in r.steps[0].notes
    r = _check("x^2 = 4, (x > 0)\n<=> x = 2")
    assert [s.status for s in r.steps] == ["proved"]


def test_bracketed_statement_that_is_not_a_condition():
    # after a connective the bracket is part of the statement
    r = _check("x < 1 \\lor (x > 3)\n\\iff x^2 - 4x + 3 > 0")
    assert [s.status for s in r.steps] == ["proved"]
    assert not any("for" in n for n in r.steps[0].notes)
    # after <=> a condition would hide the lost root -2: not read as one
    r = _check("x^2 = 4\n\\iff x = 2 \\quad (x > 0)")
    assert r.verdict == "rejected"
    assert r.steps[0].status != "proved"


def test_solution_set_as_a_difference_of_sets():
    r = _check("x^2 - 4x + 3 > 0\n\\iff x < 1 \\text{ or } x > 3\n"
               "L = \\mathbb{R} \\setminus [1, 3]")
    assert [s.status for s in r.steps] == ["proved", "proved"]
    r = _check("x^2 - 4x + 3 > 0\nL = \\mathbb{R} \\setminus [1, 2]")
    (step,) = r.steps
    assert step.status == "refuted"
    assert _root_of_one(step.counterexample.point, x**2 - 4 * x + 3 > 0,
                        sp.Or(x < 1, x > 2))
    for line in ("L = ℝ \\ {1}", "<=> x ∈ R \\ {1}", "<=> x \\in \\mathbb{R} \\ \\{1\\}",
                 "L = \\mathbb{R} \\setminus \\{1\\}"):
        r = _check(f"(x^2-1)/(x-1) = x + 1\n{line}")
        assert [s.status for s in r.steps] == ["proved"], line
    r = _check("(x^2-1)/(x-1) = x + 1\n<=> x \\in \\mathbb{R} \\ \\{2\\}")
    (step,) = r.steps
    assert step.status == "refuted"
    assert dict(step.counterexample.point)["x"] == "1"  # gained: the first line is undefined


def test_latex_space_before_a_condition_is_not_a_set_difference():
    r = _check("\\sqrt{x}^2 = x \\ (x \\ge 0)")
    assert [s.status for s in r.steps] == ["proved"]
