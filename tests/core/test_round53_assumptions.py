"""Round 53: findings of a differential fuzz of steps checked under assumptions and line
conditions (``assume ...``, ``--assume``, ``for x >= 1``, ``if x in (a, b)``, a chain's
first-line condition) against an independent ground truth (the region sampled, the sides
evaluated with mpmath).

Every refutation's witness is re-checked here, independently of the checker: it must lie in
the region (each assumption and condition holds there, equalities exactly) and the step
must fail there."""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.model import CheckOptions, StepResult

Env = dict[str, mpmath.mpf]
Fn = Callable[[Env], mpmath.mpf | None]

DPS = 60


def _point(step: StepResult) -> tuple[Env, dict[str, sp.Expr]]:
    assert step.counterexample is not None
    exact = {name: sp.sympify(value) for name, value in step.counterexample.point}
    with mpmath.workdps(DPS + 20):
        env = {name: mpmath.mpf(str(sp.N(v, DPS + 20))) for name, v in exact.items()}
    return env, exact


def _check(cell: str, assume: tuple[str, ...] = ()) -> StepResult:
    result = check_proof(cell, CheckOptions(assume=assume))
    return result.steps[-1]


def _log(v: mpmath.mpf) -> mpmath.mpf | None:
    return mpmath.log(v) if v > 0 else None


def _sqrt(v: mpmath.mpf) -> mpmath.mpf | None:
    return mpmath.sqrt(v) if v >= 0 else None


# -- a region thinner than the 1/1000 neighbourhood: the step was 'likely' ---------------------

@pytest.mark.parametrize(("cell", "bound"), [
    ("log(x^2) = 2 log(x) when x > -1/1000", mpmath.mpf(-1) / 1000),
    ("assume x > -1/1000\nlog(x^2) = 2 log(x)", mpmath.mpf(-1) / 1000),
    ("assume x > -1/10^9\nlog(x^2) = 2 log(x)", mpmath.mpf(-1) / 10**9),
    ("assume x >= -1/10^6\nsqrt(x^2) = sqrt(x)^2", mpmath.mpf(-1) / 10**6),
])
def test_thin_region_where_the_right_side_is_undefined(cell: str, bound: mpmath.mpf) -> None:
    step = _check(cell)
    assert step.status == "refuted", step
    env, _ = _point(step)
    with mpmath.workdps(DPS):
        x = env["x"]
        assert x >= bound  # inside the assumption
        assert x != 0 and x < 0  # where log(x^2) (sqrt(x^2)) is defined and log x (sqrt x) not
    assert step.counterexample is not None and step.counterexample.kind == "undefined"


def test_isolated_exceptions_stay_notes() -> None:
    """Smaller neighbourhoods do not turn an isolated point into a region."""
    step = _check("(x^2 - 1)/(x - 1) = x + 1 for x > 0")
    assert step.status == "proved", step
    assert any("≠ 1" in note for note in step.notes)


# -- 'for x in (a, b)' as a line condition (was: "nothing to check here") ----------------------

def test_membership_condition_proves() -> None:
    for cell in ("arctan(tan x) = x if x in (-pi/2, pi/2)",
                 "arcsin(sin x) = x when x in [-pi/2, pi/2]",
                 "|x - 2| < 1 for x in [3/2, 5/2]"):
        step = _check(cell)
        assert step.status == "proved", (cell, step)
        assert step.notes and step.notes[0].startswith("for x in"), step.notes


@pytest.mark.parametrize(("cell", "lo", "hi", "lhs", "rhs"), [
    ("arctan(tan x) = x for x in (0, pi)", 0, mpmath.pi,
     lambda v: mpmath.atan(mpmath.tan(v)), lambda v: v),
    ("arcsin(sin x) = x if x in (0, pi)", 0, mpmath.pi,
     lambda v: mpmath.asin(mpmath.sin(v)), lambda v: v),
])
def test_membership_condition_refutes_inside(cell: str, lo: object, hi: object,
                                             lhs: Callable[[mpmath.mpf], mpmath.mpf],
                                             rhs: Callable[[mpmath.mpf], mpmath.mpf]) -> None:
    step = _check(cell)
    assert step.status == "refuted", step
    env, _ = _point(step)
    with mpmath.workdps(DPS):
        x = env["x"]
        assert mpmath.mpf(lo) < x < mpmath.mpf(hi)  # type: ignore[arg-type]
        assert abs(lhs(x) - rhs(x)) > mpmath.mpf(10) ** -10


def test_membership_condition_on_a_chain_first_line() -> None:
    good = check_proof("sqrt((x - 1)^2) = |x - 1| for x in [1, 3]\n= x - 1", CheckOptions())
    assert [s.status for s in good.steps] == ["proved", "proved"]
    bad = check_proof("sqrt((x - 1)^2) = |x - 1| for x in [0, 3]\n= x - 1", CheckOptions())
    assert bad.steps[1].status == "refuted"
    env, _ = _point(bad.steps[1])
    with mpmath.workdps(DPS):
        x = env["x"]
        assert 0 <= x <= 3 and abs(x - 1) != x - 1


# -- x y = 1: solved for y (sample points never land on the hyperbola) -----------------------

@pytest.mark.parametrize("form", ["line", "option"])
def test_hyperbola_true_steps_are_proved(form: str) -> None:
    for assume, claim in (("x y = 1", "(x + y)^2 >= 4"), ("x y = 1", "x^2 + y^2 = (x + y)^2 - 2"),
                          ("x y = 1, x > 0", "x + y >= 2"), ("x^2 y = 1", "y > 0")):
        if form == "line":
            result = check_proof(f"assume {assume}\n{claim}", CheckOptions())
        else:
            result = check_proof(claim, CheckOptions(assume=tuple(assume.split(", "))))
        assert result.steps[0].status == "proved", (assume, claim, result.steps[0])
        assert "assumption" in result.flags
        assert not result.steps[0].notes, result.steps[0].notes  # x ≠ 0 is off the setting


@pytest.mark.parametrize(("assume", "claim", "constraint", "fails"), [
    ("x y = 1", "x + y >= 2", lambda e: e["x"] * e["y"] - 1, lambda e: e["x"] + e["y"] < 2),
    ("x y = 1, x > -1", "x + y >= 2", lambda e: e["x"] * e["y"] - 1,
     lambda e: e["x"] + e["y"] < 2 and e["x"] > -1),
    ("x^2 y = 1", "x > 0", lambda e: e["x"] ** 2 * e["y"] - 1, lambda e: not e["x"] > 0),
    ("x y = 2", "x^2 + y^2 = (x + y)^2 - 2", lambda e: e["x"] * e["y"] - 2,
     lambda e: abs(e["x"] ** 2 + e["y"] ** 2 - (e["x"] + e["y"]) ** 2 + 2) > 1e-20),
])
def test_hyperbola_witnesses_lie_on_it(assume: str, claim: str, constraint: Fn,
                                       fails: Callable[[Env], bool]) -> None:
    step = _check(f"assume {assume}\n{claim}")
    assert step.status == "refuted", step
    env, _ = _point(step)
    with mpmath.workdps(DPS):
        assert abs(constraint(env)) < mpmath.mpf(10) ** -(DPS - 10)  # type: ignore[operator]
        assert fails(env)


# -- the circle x^2 + y^2 = 1: '=' and statements decided on y = ±sqrt(1 - x^2) --------------

def _on_circle(step: StepResult, radius2: int = 1) -> Env:
    env, exact = _point(step)
    assert sp.simplify(exact["x"] ** 2 + exact["y"] ** 2 - radius2) == 0  # exactly on it
    return env


def test_circle_false_equality_is_refuted_on_the_circle() -> None:
    step = _check("assume x^2 + y^2 = 1\nx^4 + y^4 = 1")
    assert step.status == "refuted", step
    env = _on_circle(step)
    with mpmath.workdps(DPS):
        assert abs(env["x"] ** 4 + env["y"] ** 4 - 1) > mpmath.mpf(10) ** -10
    other = _check("x^4 - y^4 = x^2 - y^2", ("x^2 + y^2 = 4",))
    assert other.status == "refuted", other
    env = _on_circle(other, 4)
    with mpmath.workdps(DPS):
        x, y = env["x"], env["y"]
        assert abs((x**4 - y**4) - (x**2 - y**2)) > mpmath.mpf(10) ** -10


def test_circle_true_equalities_are_proved() -> None:
    for claim in ("x^4 - y^4 = x^2 - y^2", "x^4 + y^4 = 1 - 2x^2 y^2", "(x + y)^2 = 1 + 2 x y"):
        result = check_proof(f"assume x^2 + y^2 = 1\n{claim}", CheckOptions())
        assert result.steps[0].status == "proved", (claim, result.steps[0])
        assert "assumption" in result.flags


def test_circle_statements() -> None:
    proved = check_proof("assume x^2 + y^2 = 1, y > 0\nx = 0 <=> y = 1", CheckOptions())
    assert proved.steps[0].status == "proved", proved.steps[0]
    assert check_proof("assume x^2 + y^2 = 1\nx = 0 ==> |y| = 1",
                       CheckOptions()).steps[0].status == "proved"
    step = _check("assume x^2 + y^2 = 1\nx = 0 <=> y = 1")
    assert step.status == "refuted", step
    env = _on_circle(step)
    with mpmath.workdps(DPS):  # x = 0 holds there and y = 1 does not
        assert env["x"] == 0 and env["y"] != 1


# -- 'assume n >= 1 integer': a bound and a property in one item (was 'unknown name integer') --

def test_bound_then_property() -> None:
    sums = check_proof("assume n >= 1 integer\nsum_{k=1}^{n} k = n(n+1)/2", CheckOptions())
    assert sums.verdict == "accepted", sums.steps[0]
    strict = check_proof("sum_{k=1}^{n} k > n", CheckOptions(assume=("n >= 2 integer",)))
    assert strict.verdict == "accepted" and "assumption" in strict.flags
    step = _check("assume n >= 1 integer\nsum_{k=1}^{n} k > n")
    assert step.status == "refuted", step
    _, exact = _point(step)
    n = exact["n"]
    assert n.is_integer and n >= 1 and n * (n + 1) / 2 <= n  # in the setting, and fails there
    bounded = check_proof("assume 0 <= k <= 5 natural\nk^2 <= 25", CheckOptions())
    assert bounded.steps[0].status == "proved"
    wrong = _check("assume 0 <= k <= 5 natural\nk^2 < 25")
    assert wrong.status == "refuted"
    _, exact = _point(wrong)
    assert exact["k"] == 5
