"""Round 15: false steps that fail only on a thin set (a parameter at the closed end of its
bound, x between two roots that move with a parameter, a coefficient vanishing at an
irrational parameter, an integer past 8) are refuted by the boundary search before
'likely'; their true partners are not refuted, and proved steps never reach the search."""

from __future__ import annotations

import time

import pytest
import sympy as sp

import proofnb.core.decide as decide_module
from proofnb.batch.discover import split_cell
from proofnb.core.boundary import boundary_points
from proofnb.core.check import check_proof
from proofnb.core.model import StepResult
from proofnb.runner.api import make_options


def _step(cell: str, assume: str = "") -> StepResult:
    cellopts, body = split_cell(cell)
    extra = [assume] if assume else []
    opts = make_options(assume=list(cellopts.assume) + extra, domain="real", timeout=10)
    result = check_proof(body, opts)
    assert len(result.steps) == 1
    return result.steps[0]


def _point(step: StepResult) -> dict[str, sp.Expr]:
    assert step.counterexample is not None
    return {k: sp.sympify(v) for k, v in step.counterexample.point}


# (cell, false under, true under, check of the witness)
PAIRS = [
    ("(x - a)(x - 1) < 0 <=> a < x < 1", "a < 2", "a < 1",
     lambda p: 1 < p["a"] < 2 and 1 < p["x"] < p["a"]),
    ("a^x > a^2 <=> x > 2", "a >= 1", "a > 1", lambda p: p["a"] == 1 and p["x"] > 2),
    ("e^((a^2 - 2) x) = 1 <=> x = 0", "1 < a < 2", "3/2 < a < 2",
     lambda p: p["a"] == sp.sqrt(2) and p["x"] != 0),
    ("(x - a^2)(x - 2) < 0 <=> a^2 < x < 2", "0 < a < 3/2", "-1 < a < 1",
     lambda p: sp.sqrt(2) < p["a"] < sp.Rational(3, 2) and 2 < p["x"] < p["a"] ** 2),
    ("(x - a)^2 (x - 1) > 0 <=> x > 1", "a < 3/2", "a <= 1",
     lambda p: 1 < p["a"] < sp.Rational(3, 2) and p["x"] == p["a"]),
    ("x >= a ==> x^2 >= a^2", "a > -1/10", "a >= 0",
     lambda p: -sp.Rational(1, 10) < p["a"] < 0 and p["a"] <= p["x"] < -p["a"]),
    ("a^3 - 2 >= 0", "a > 5/4", "a > 13/10",
     lambda p: sp.Rational(5, 4) < p["a"] and p["a"] ** 3 < 2),
    ("e^((a^2 - 2) x) > 1", "x > 0, a >= sqrt(2)", "x > 0, a > sqrt(2)",
     lambda p: p["a"] == sp.sqrt(2) and p["x"] > 0),
]


@pytest.mark.parametrize(("cell", "false_under", "true_under", "witness"), PAIRS)
def test_thin_failure_refuted_true_partner_not(
    cell: str, false_under: str, true_under: str, witness: object,
) -> None:
    bad = _step(cell, false_under)
    assert bad.status == "refuted", (bad.status, bad.message)
    point = _point(bad)
    assert callable(witness) and witness(point), point
    good = _step(cell, true_under)
    assert good.status in ("proved", "likely"), (good.status, good.message)


@pytest.mark.parametrize(("cell", "holds", "first_bad"), [
    ("sum(k, (k, 1, n)) = n (n + 1)/2 + binomial(n - 1, 15)", False, 16),
    ("sum(k^3, (k, 1, n)) = (n (n + 1)/2)^2 + floor(n/13)", False, 13),
    ("sum(k^3, (k, 1, n)) = (n (n + 1)/2)^2", True, 0),
])
def test_closed_form_wrong_only_for_large_n(cell: str, holds: bool, first_bad: int) -> None:
    step = _step("assume n integer, n >= 1\n" + cell)
    if holds:
        assert step.status in ("proved", "likely")
    else:
        assert step.status == "refuted", step.message
        assert _point(step)["n"] >= first_bad


def test_points_reach_an_irrational_crossing() -> None:
    x, a = sp.symbols("x a", real=True)
    statements = [sp.Lt((x - a**2) * (x - 2), 0), sp.And(sp.Lt(a**2, x), sp.Lt(x, 2))]
    cond = [sp.And(sp.Lt(0, a), sp.Lt(a, sp.Rational(3, 2)))]
    found = boundary_points(statements, cond, [a, x], [], 80, time.monotonic() + 5)
    assert any(p[a] == sp.sqrt(2) for p in found)
    assert any(sp.sqrt(2) < p[a] < sp.Rational(3, 2) and 2 < p[x] < p[a] ** 2 for p in found)


def test_proved_steps_never_search_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = decide_module.probe_boundaries

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(decide_module, "probe_boundaries", counting)
    assert _step("x^2 - 1 = (x - 1)(x + 1)").status == "proved"
    assert _step("(x - a)(x - 1) < 0 <=> a < x < 1", "a < 1").status == "likely"
    assert len(calls) == 1
    assert _step("x^2 - 3 x + 2 = 0 <=> x = 1 or x = 2").status == "proved"
    assert len(calls) == 1
