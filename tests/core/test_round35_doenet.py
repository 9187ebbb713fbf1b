"""Probe round 35: Doenet math-expressions' equality fixtures. Real logarithms of products
are split where the split is exact on the whole domain (core/logsplit.py), and a right side
whose log needs g > 0 is covered when the left side's log argument is g times a factor >= 0
(decide.domain_covered). True/false pairs through the whole checker; every refutation's
witness is re-evaluated here with SymPy."""

from __future__ import annotations

import pytest
import sympy as sp

from proofnb.core.check import check_proof
from proofnb.core.logsplit import split_logs
from proofnb.core.model import CheckOptions
from proofnb.core.parser import build_env, parse_math


def _step(cell: str, assume: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    result = check_proof(cell, CheckOptions(assume=assume))
    assert len(result.steps) == 1
    return result.steps[0]


def _real_defined(expr: sp.Expr, subs: dict[sp.Symbol, sp.Expr]) -> bool:
    """Every log argument positive and every root's radicand >= 0 at the point (SymPy would
    happily cancel log(-1) - log(-1) to 0)."""
    for f in expr.atoms(sp.log):
        if not sp.N(f.args[0].xreplace(subs), 40) > 0:
            return False
    for p in expr.atoms(sp.Pow):
        if not p.exp.is_Integer and not sp.N(p.base.xreplace(subs), 40) >= 0:
            return False
    return True


def _undefined_or_different(cell: str, point: dict[str, str]) -> bool:
    """At the witness: the left side is real-defined and the right side is not, or differs."""
    env = build_env(CheckOptions())
    lhs, rhs = (parse_math(side, env) for side in cell.split(" = "))
    names = {str(s): s for s in lhs.free_symbols | rhs.free_symbols}
    subs = {names[k]: sp.sympify(v) for k, v in point.items() if k in names}
    assert _real_defined(lhs, subs), (cell, point)
    if not _real_defined(rhs, subs):
        return True
    return bool(abs(sp.N(lhs.xreplace(subs) - rhs.xreplace(subs), 40)) > 1e-30)


@pytest.mark.parametrize(("true_cell", "false_cell", "assume"), [
    ("log(abs(x^2 - 9)) = log(abs(x - 3)) + log(abs(x + 3))",
     "log(abs(x^2 - 9)) = log(abs(x - 3)) + log(x + 3)", ()),
    ("log(a^2 b) = 2 log(abs(a)) + log(b)", "log(a^2 b) = 2 log(a) + log(b)", ()),
    ("log(a^2 b) = log(a^2) + log(b)", "log(a^2 b) = log(b)", ()),
    ("log(x^3 y^2) = 3 log(x) + 2 log(abs(y))", "log(x^3 y^2) = 3 log(x) + 2 log(y)", ()),
    ("log(sqrt(x^2 + 9) + x) - log(3) = asinh(x/3)",
     "log(sqrt(x^2 + 9) + x) - log(3) = asinh(x)/3", ()),
    ("log(x^2/y^2) = 2 log(abs(x/y))", "log(x^2/y^2) = 2 log(x) - 2 log(y)", ()),
    ("log(abs(x) y) = log(abs(x)) + log(y)", "log(abs(x) y) = log(x) + log(y)", ()),
    ("log(x^2 y/z) = 2 log(x) + log(y) - log(z)", "log(x^2 y/z) = 2 log(x) + log(y) - log(z)",
     None),
])
def test_log_split_pairs(true_cell: str, false_cell: str, assume: tuple[str, ...] | None) -> None:
    if assume is None:  # the same cell: true under positivity, false without it
        assert _step(true_cell, ("x > 0, y > 0, z > 0",)).status == "proved"
    else:
        assert _step(true_cell, assume).status == "proved"
    false = _step(false_cell)
    assert false.status == "refuted"
    assert false.counterexample is not None
    assert _undefined_or_different(false_cell, dict(false.counterexample.point))


@pytest.mark.parametrize("cell", [
    "log(x y) = log(x) + log(y)",        # both factors of unknown sign: never split
    "log(x/y) = log(x) - log(y)",
    "log(x^2 - 9) = log(x - 3) + log(x + 3)",
    "log((x - 1)^2) = 2 log(x - 1)",
])
def test_unsound_splits_stay_refuted(cell: str) -> None:
    step = _step(cell)
    assert step.status == "refuted"
    assert step.counterexample is not None
    assert _undefined_or_different(cell, dict(step.counterexample.point))


def test_split_logs_leaves_two_unsigned_factors_alone() -> None:
    x, y, z = sp.symbols("x y z", real=True)
    assert split_logs(sp.log(x * y)) == sp.log(x * y)
    assert split_logs(sp.log(x**2 * y / z)) == sp.log(x**2 * y / z)
    assert split_logs(sp.log(x**y * z)) == sp.log(x**y * z)  # x^y > 0 is possible at x < 0
    assert split_logs(sp.log(-2 * x)) == sp.log(-2 * x)
    assert split_logs(sp.log(sp.sqrt(x) * y)) == sp.log(x) / 2 + sp.log(y)
