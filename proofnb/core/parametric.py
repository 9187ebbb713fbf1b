"""Parametric equation steps: ``a x = b <=> x = b/a`` under ``assume a != 0``.

Each line is one equation linear in an unknown x, whose x-coefficient and every denominator
are nonzero for all parameters in the setting (a declared ``u != 0`` or a symbol assumption):
then each line has exactly one solution, and the lines agree when those solutions are the same
expression in the parameters.
"""

from __future__ import annotations

import sympy as sp
from sympy import Basic, Expr, Symbol

from .domain import conditions
from .prove import ProofFound
from .witness import Problem


def prove_parametric(problem: Problem) -> ProofFound | None:
    """Prove a step between two equations linear in one unknown with nonzero coefficient."""
    first, second = problem.lhs, problem.rhs
    if not (isinstance(first, sp.Eq) and isinstance(second, sp.Eq)) or len(problem.symbols) < 2:
        return None
    nonzero = _declared_nonzero(problem.conditions)
    for x in problem.symbols:
        one = _root(first, x, nonzero, problem.real)
        two = _root(second, x, nonzero, problem.real)
        if one is not None and two is not None and sp.cancel(one - two) == 0:
            return ProofFound(f"linear in {x}")
    return None


def _declared_nonzero(conds: tuple[Basic, ...]) -> set[Expr]:
    out: set[Expr] = set()
    for cond in conds:
        if isinstance(cond, sp.Ne):
            diff = sp.expand(cond.lhs - cond.rhs)
            out |= {diff, sp.expand(-diff)}
        elif isinstance(cond, (sp.Gt, sp.Lt)):
            diff = sp.expand(cond.lhs - cond.rhs)
            out |= {diff, sp.expand(-diff)}
    return out


def _is_nonzero(expr: Expr, nonzero: set[Expr]) -> bool:
    """Provably nonzero for every parameter value in the setting (factor by factor)."""
    _, factors = sp.factor_list(expr)
    coeff = sp.factor_list(expr)[0]
    if coeff == 0:
        return False
    for base, _ in factors:
        if not (base.is_nonzero or sp.expand(base) in nonzero):
            return False
    return True


def _root(eq: sp.Eq, x: Symbol, nonzero: set[Expr], real: bool) -> Expr | None:
    """The one solution of ``eq`` in x, for every parameter value, or None."""
    if any(c.kind != "ne" or not _is_nonzero(c.expr, nonzero)
           for c in conditions(eq, real=real)):
        return None
    try:
        num, den = sp.fraction(sp.together(eq.lhs - eq.rhs))
        if den.has(x) or not _is_nonzero(den, nonzero):
            return None
        poly = sp.Poly(sp.expand(num), x)
    except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
        return None
    if poly.degree() != 1:
        return None
    c1, c0 = poly.all_coeffs()
    if not _is_nonzero(c1, nonzero):
        return None
    return sp.cancel(-c0 / c1)
