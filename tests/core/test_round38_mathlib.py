"""Round 38 (mathlib tactic-test goals over the reals and integers): regression pairs.

Each pair is a true step that used to be 'likely'/'unknown' and now is proved, next to a
near-miss that must stay refuted with a witness that is re-checked here at 60 digits."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, StepResult
from proofnb.core.parser import build_env, parse_math
from proofnb.runner.api import make_options


def _step(cell: str, assume: str) -> StepResult:
    result = check_proof(cell, make_options(assume=[assume] if assume else [], domain="real",
                                            timeout=10, seed=0))
    assert len(result.steps) == 1
    return result.steps[0]


def _fails_at(step: StepResult, assume: str) -> None:
    """The witness satisfies the assumptions and breaks the step, evaluated independently."""
    assert step.counterexample is not None and step.counterexample.point
    env = build_env(CheckOptions(domain="real"))
    given = {str(k): parse_math(str(v), env)
             for k, v in dict(step.counterexample.point).items()}

    def value(text: str) -> sp.Expr | None:
        expr = parse_math(text, env)
        if {s.name for s in expr.free_symbols} - set(given):
            return None  # a condition on letters the witness leaves free
        return sp.N(expr.xreplace({s: given[s.name] for s in expr.free_symbols}), 60)

    def holds(op: str, a: sp.Expr, b: sp.Expr) -> bool:
        if op == "=":
            return bool(abs(a - b) < sp.Float(10) ** -50)
        return bool({"<=": a <= b, ">=": a >= b, "<": a < b, ">": a > b}[op])

    for part in (p.strip() for p in assume.split(",") if p.strip()):
        words = part.split()
        if len(words) == 2 and words[1] == "integer":
            assert words[0] not in given or given[words[0]].is_integer
            continue
        op = next(o for o in ("<=", ">=", "<", ">", "=") if o in part)
        left, right = (value(t) for t in part.split(op))
        if left is not None and right is not None:
            assert holds(op, left, right), part
    a, b = value(step.lhs), value(step.rhs)
    assert a is not None and b is not None
    assert not holds(step.relation, a, b)


PAIRS = [
    # integer bounds tighten by one: n < 3 gives n <= 2, n > 0 gives n >= 1
    ("n <= 2", "n integer, n < 3", "n <= 1", "n integer, n < 3"),
    ("m + n >= 2", "m integer, n integer, m > 0, n > 0",
     "m + n > 2", "m integer, n integer, m > 0, n > 0"),
    # one integer variable: the real set where the step fails holds no integer
    ("n^2 >= n", "n integer", "n^2 > n", "n integer"),
    ("n(n + 1)/2 >= 0", "n integer", "n(n + 1)/2 > 0", "n integer"),
    ("2n^2 - 5n + 3 >= 0", "n integer", "2n^2 - 5n + 2 >= 0", "n integer"),
    # a linear bound in two variables is a bound on one of them (y >= 3 - x)
    ("y >= 1", "x + y >= 3, x <= 2", "y >= 2", "x + y >= 3, x <= 2"),
    # bounds on numbers first when that keeps more of them (y = u, x = u - t)
    ("x/y < 1", "x < y, y > 0", "x/y < 1", "x < y"),
    # exp and powers of a fixed base against a number or each other
    ("exp(y - x) > 1", "x < y", "exp(y - x) > 1", "x <= y"),
    ("2^m <= 2^n", "m <= n", "2^m <= 2^n - 1", "m <= n"),
    ("(1/2)^n <= (1/2)^m", "m <= n", "(1/2)^m <= (1/2)^n", "m <= n"),
    ("a^m <= a^n", "a >= 1, m <= n", "a^m <= a^n", "0 < a, m <= n"),
    ("a^m <= a^n", "0 < a, a <= 1, n <= m", "a^m < a^n", "a >= 1, m < n"),
    ("a^n <= b^n", "0 <= a, a <= b, n integer, n >= 0",
     "a^n <= b^n", "a <= b, n integer, n >= 1"),
    # an equality y^2 = R splits into y = sqrt(R) and y = -sqrt(R)
    ("x y <= 1", "x^2 + y^2 = 2", "x y <= 1/2", "x^2 + y^2 = 2"),
    ("x + y <= 2", "x^2 + y^2 = 2", "x + y < 2", "x^2 + y^2 = 2"),
    ("x^2 + 4y^2 >= 1", "x^2 + y^2 = 1", "y >= -1", "x^2 + y^2 = 3"),
    # assumptions on |z|: decided on each sign of the letters inside bars
    ("x^2 >= 9", "|x| >= 3", "x^2 > 9", "|x| >= 3"),
    ("abs(z^2) - abs(c) >= abs(z)^2 - abs(z)", "abs(c) <= abs(z), abs(z) >= 3",
     "(abs(z) - 1) abs(z) >= 3abs(z)", "abs(c) <= abs(z), abs(z) >= 3"),
    ("x y >= -1", "|x| <= 1, |y| <= 1", "x y > -1", "|x| <= 1, |y| <= 1"),
    # c <= z and z >= 3: the chain z = c + t loses z >= 3; the bounds on numbers first keep it
    ("(z - 1) z >= 2z", "c <= z, z >= 3, c >= 0", "(z - 1) z >= 3z", "c <= z, z >= 3, c >= 0"),
    # |u| >= u or |u| >= -u for each bar with a positive coefficient, u not only linear
    ("abs(z^2 + c) >= abs(z^2) - abs(c)", "", "abs(z^2 + c) >= abs(z^2) + abs(c)", ""),
    ("|x^2 - 1| + |x| >= x^2 - x - 1", "", "|x^2 - 1| + |x| >= x^2 + x + 1", ""),
    # the real cube root sign(a)|a|^(1/3) increases
    ("cbrt(a) <= cbrt(b)", "a <= b", "cbrt(a) < cbrt(b)", "a <= b"),
]


def test_square_branch_witness_names_both_coordinates() -> None:
    bad = _step("y >= -1", "x^2 + y^2 = 3")
    assert bad.status == "refuted" and bad.counterexample is not None
    point = dict(bad.counterexample.point)
    assert set(point) == {"x", "y"}
    x, y = (parse_math(point[k], build_env(CheckOptions(domain="real"))) for k in "xy")
    assert sp.simplify(x**2 + y**2 - 3) == 0 and y < -1


@pytest.mark.parametrize(("true_cell", "true_assume", "false_cell", "false_assume"), PAIRS)
def test_pair(true_cell: str, true_assume: str, false_cell: str, false_assume: str) -> None:
    good = _step(true_cell, true_assume)
    assert good.status == "proved", (good.status, good.message)
    bad = _step(false_cell, false_assume)
    assert bad.status == "refuted", (bad.status, bad.message)
    _fails_at(bad, false_assume)
