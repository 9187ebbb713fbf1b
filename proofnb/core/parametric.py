"""Parametric steps: ``a x = b <=> x = b/a`` under ``assume a != 0``, and
``a x > 2a <=> x > 2`` under ``assume a > 0``.

Each line is one equation linear in an unknown x, whose x-coefficient and every denominator
are nonzero for all parameters in the setting (a declared ``u != 0`` or a symbol assumption):
then each line has exactly one solution, and the lines agree when those solutions are the same
expression in the parameters. Likewise each line may be one inequality linear in x whose
x-coefficient and denominator have a sign fixed by the assumptions: its solutions are one ray
``x > r`` (``>=``, ``<``, ``<=``), and the lines agree when their rays are the same.
"""

from __future__ import annotations

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.polys.polyerrors import BasePolynomialError

from .domain import Condition, conditions
from .prove import ProofFound
from .witness import Problem


def prove_parametric(problem: Problem) -> ProofFound | None:
    """Prove a step between two equations linear in one unknown with nonzero coefficient,
    two linear inequalities, or two polynomial equations (or ``or``s) with the same roots."""
    try:
        return _prove(problem)
    except _ALGEBRA_ERRORS:
        return None


_ALGEBRA_ERRORS = (BasePolynomialError, TypeError, ValueError, NotImplementedError,
                   ZeroDivisionError, RecursionError, AttributeError)


def _prove(problem: Problem) -> ProofFound | None:
    first, second = problem.lhs, problem.rhs
    if len(problem.symbols) < 2:
        return None
    if isinstance(first, _ORDERS) and isinstance(second, _ORDERS) and problem.real:
        for x in problem.symbols:
            one_ray, two_ray = _ray(first, x), _ray(second, x)
            if one_ray is not None and two_ray is not None and one_ray[:2] == two_ray[:2] \
                    and sp.cancel(one_ray[2] - two_ray[2]) == 0:
                return ProofFound(f"linear in {x}")
        return None
    nonzero = _declared_nonzero(problem.conditions)
    if isinstance(first, sp.Eq) and isinstance(second, sp.Eq):
        for x in problem.symbols:
            one = _root(first, x, nonzero, problem.real)
            two = _root(second, x, nonzero, problem.real)
            if one is not None and two is not None and sp.cancel(one - two) == 0:
                return ProofFound(f"linear in {x}")
    if problem.real:
        for x in problem.symbols:
            ones = _root_set(first, x, nonzero)
            twos = _root_set(second, x, nonzero) if ones is not None else None
            if ones is not None and twos is not None and _same_set(ones, twos):
                return ProofFound(f"roots in {x}")
    return None


#: Most roots compared, and most equations in one ``or``.
_MAX_ROOTS = 6


def _root_set(stmt: Basic, x: Symbol, nonzero: set[Expr]) -> list[Expr] | None:
    """The real roots in x of a polynomial equation (or an ``or`` of them) with a leading
    coefficient nonzero for every parameter value and no domain condition, each root real
    for every parameter value; None when that is not clear."""
    eqs = stmt.args if isinstance(stmt, sp.Or) else (stmt,)
    if len(eqs) > _MAX_ROOTS or not all(isinstance(eq, sp.Eq) for eq in eqs):
        return None
    roots: list[Expr] = []
    for eq in eqs:
        if not all(_always(c, x, nonzero) for c in conditions(eq, real=True)):
            return None
        try:
            poly = sp.Poly(sp.expand(eq.lhs - eq.rhs), x)
        except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
            return None
        if not 1 <= poly.degree() <= 2 or not _is_nonzero(poly.LC(), nonzero):
            return None
        found = sp.solveset(poly.as_expr(), x, sp.S.Reals)
        if not isinstance(found, sp.FiniteSet) or any(
            r.has(x) or r.is_real is not True for r in found.args
        ):
            return None
        roots.extend(found.args)
    return roots if len(roots) <= _MAX_ROOTS else None


def _always(cond: Condition, x: Symbol, nonzero: set[Expr]) -> bool:
    """A domain condition free of x that holds for every parameter value in the setting."""
    if cond.expr.has(x):
        return False
    if cond.kind == "ge":
        return bool(cond.expr.is_nonnegative)
    return bool(cond.expr.is_nonzero) or _is_nonzero(cond.expr, nonzero)


def _same_set(ones: list[Expr], twos: list[Expr]) -> bool:
    def inside(value: Expr, values: list[Expr]) -> bool:
        return any(sp.simplify(value - other) == 0 for other in values)

    return all(inside(r, twos) for r in ones) and all(inside(r, ones) for r in twos)


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
    parts = _linear_parts(eq, x)
    if parts is None:
        return None
    c1, c0, den = parts
    if not _is_nonzero(den, nonzero) or not _is_nonzero(c1, nonzero):
        return None
    return sp.cancel(-c0 / c1)


def _linear_parts(rel: Basic, x: Symbol) -> tuple[Expr, Expr, Expr] | None:
    """``(c1, c0, den)`` with ``lhs - rhs = (c1 x + c0)/den`` and ``den`` free of x, when
    the relation is linear in x; else None."""
    try:
        num, den = sp.fraction(sp.together(rel.lhs - rel.rhs))
        if den.has(x):
            return None
        poly = sp.Poly(sp.expand(num), x)
    except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
        return None
    if poly.degree() != 1:
        return None
    c1, c0 = poly.all_coeffs()
    return c1, c0, den


_ORDERS = (sp.Lt, sp.Le, sp.Gt, sp.Ge)


def _sign(expr: Expr) -> int | None:
    """1 or -1 when ``expr`` has that sign for every parameter value (factor by factor)."""
    coeff, factors = sp.factor_list(expr)
    if coeff == 0 or not coeff.is_number:
        return None
    sign = 1 if coeff > 0 else -1
    for base, power in factors:
        if power % 2 == 0 and base.is_nonzero:
            continue
        if base.is_positive:
            continue
        if base.is_negative:
            sign = -sign if power % 2 else sign
            continue
        return None
    return sign


def _ray(rel: Basic, x: Symbol) -> tuple[bool, bool, Expr] | None:
    """(x above the end, strict, end) when ``rel`` is linear in x with a coefficient and a
    denominator of fixed sign and no domain condition; else None."""
    if not isinstance(rel, _ORDERS) or any(c.kind != "ne" or not _sign(c.expr)
                                           for c in conditions(rel, real=True)):
        return None
    parts = _linear_parts(rel, x)
    if parts is None:
        return None
    c1, c0, den = parts
    sign_c1, sign_den = _sign(c1), _sign(den)
    if sign_c1 is None or sign_den is None:
        return None
    # lhs - rhs = (c1 x + c0)/den: above or below zero as x is above or below -c0/c1
    above = isinstance(rel, (sp.Gt, sp.Ge)) == (sign_c1 * sign_den > 0)
    return above, isinstance(rel, (sp.Gt, sp.Lt)), sp.cancel(-c0 / c1)
