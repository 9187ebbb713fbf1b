"""Identities with sums whose closed form splits at single values of a variable.

``x^n - 1 = (x - 1) Sum(x^k, (k, 0, n - 1))``: SymPy sums the geometric series to
``Piecewise((n, Eq(x, 1)), ((1 - x^n)/(1 - x), True))``, which no declared region settles, so
the step stayed numeric. Here every branch is proved on its own: at each special value
(``x = 1``) the step as written, with that value put in, goes back to the checker; on the
last branch (every other x) the closed forms must agree as rational functions.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import sympy as sp
from sympy import Basic, Expr, Symbol

from .prove import ProofFound
from .series import settle_piecewise

#: At most this many special values over all the branches.
_MAX_SPECIAL = 4

Prover = Callable[[str, Expr, Expr, tuple[Basic, ...], float], bool]


def prove_by_branches(
    lhs: Expr, rhs: Expr, conditions: Sequence[Basic], real: bool, deadline: float,
    prove: Prover,
) -> ProofFound | None:
    """Prove ``lhs = rhs`` (as written, with sums or products) branch by branch when their
    closed forms are Piecewise in equations ``Eq(x, c)`` and a last branch for the rest."""
    conds = tuple(conditions)
    try:
        done = [settle_piecewise(side.doit(deep=True), conds, real) for side in (lhs, rhs)]
    except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
        return None
    nodes = set().union(*(side.atoms(sp.Piecewise) for side in done))
    if not nodes:
        return None
    special: list[dict[Symbol, Expr]] = []
    for node in nodes:
        if node.args[-1][1] is not sp.true:
            return None
        for _, cond in node.args[:-1]:
            point = _equation_point(cond)
            if point is None:
                return None
            if point not in special:
                special.append(point)
    if len(special) > _MAX_SPECIAL:
        return None
    generic = [side.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: e.args[-1][0])
               for side in done]
    if any(side.has(sp.Piecewise, sp.Sum, sp.Product) for side in generic):
        return None
    try:
        if sp.cancel(sp.together(generic[0] - generic[1])) != 0:
            return None
    except (sp.PolynomialError, NotImplementedError, TypeError, ValueError):
        return None
    for point in special:
        if time.monotonic() > deadline:
            return None
        there = tuple(c.xreplace(point) for c in conds)
        if any(c is sp.false for c in there):
            continue  # that value is outside the assumptions
        kept = tuple(c for c in there if c is not sp.true)
        if not prove("=", lhs.xreplace(point), rhs.xreplace(point), kept, deadline):
            return None
    return ProofFound("branches")


def _equation_point(cond: Basic) -> dict[Symbol, Expr] | None:
    """``{x: c}`` for a branch condition ``Eq(x, c)`` with c a number, else None."""
    if not isinstance(cond, sp.Eq):
        return None
    for var, value in ((cond.lhs, cond.rhs), (cond.rhs, cond.lhs)):
        if isinstance(var, Symbol) and isinstance(value, Expr) and value.is_number:
            return {var: value}
    return None
