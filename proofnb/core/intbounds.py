"""Inequalities over integer variables, proved through their real relaxation.

An integer ``n`` with ``n < 3`` has ``n <= 2``, and ``n > 0`` gives ``n >= 1``: strict bounds
between integer-valued sides tighten by one before the step is proved for all real values
in the tightened setting (which holds every integer point of the original one, so a proof
there is a proof). A step in one integer variable with a polynomial difference is proved
when the real set where it fails holds no integer: ``n^2 >= n`` fails only on (0, 1).
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable

import sympy as sp
from sympy import Basic, Expr, Symbol

from .orders import _reparametrize, bounds_of
from .prove import ProofFound, prove_inequality

_MAX_DEGREE = 8
_MAX_CANDIDATES = 200
_FAILS = {">=": "<", ">": "<=", "<=": ">", "<": ">="}


def tightened(conditions: Iterable[Basic]) -> list[Basic]:
    """The conditions with each strict inequality between integer-valued sides (or an
    integer-valued side and a rational number) made non-strict by the gap it forces."""
    out: list[Basic] = []
    for cond in conditions:
        if isinstance(cond, (sp.Gt, sp.Lt, sp.Ge, sp.Le)):
            big, small = (cond.lhs, cond.rhs) if isinstance(cond, (sp.Gt, sp.Ge)) \
                else (cond.rhs, cond.lhs)
            strict = isinstance(cond, (sp.Gt, sp.Lt))
            if big.is_integer and small.is_integer and strict:
                out.append(sp.Ge(big, small + 1, evaluate=False))
                continue
            if big.is_integer and small.is_Rational and not small.is_Integer:
                bound = math.floor(small) + 1 if strict else math.ceil(small)
                out.append(sp.Ge(big, sp.Integer(bound), evaluate=False))
                continue
            if small.is_integer and big.is_Rational and not big.is_Integer:
                bound = math.ceil(big) - 1 if strict else math.floor(big)
                out.append(sp.Le(small, sp.Integer(bound), evaluate=False))
                continue
        out.append(cond)
    return out


def _signs(symbols: Iterable[Basic]) -> list[Basic]:
    """The bounds that a declared sign gives an integer symbol (positive: ``n >= 1``)."""
    out: list[Basic] = []
    for s in sorted(symbols, key=str):
        if s.is_positive:
            out.append(sp.Ge(s, 1, evaluate=False))
        elif s.is_nonnegative:
            out.append(sp.Ge(s, 0, evaluate=False))
        elif s.is_negative:
            out.append(sp.Le(s, -1, evaluate=False))
        elif s.is_nonpositive:
            out.append(sp.Le(s, 0, evaluate=False))
    return out


def prove_over_integers(relation: str, lhs: Expr, rhs: Expr, conditions: Iterable[Basic],
                        integer: frozenset[Symbol], deadline: float) -> ProofFound | None:
    """A proof of ``lhs relation rhs`` at every integer point of the setting, or None."""
    if relation not in _FAILS or not integer:
        return None
    # The setting may state integrality as Contains(n, Integers): let SymPy see it.
    typed = {s: sp.Dummy(s.name, integer=True) for s in integer if s.is_integer is not True}
    if typed:
        lhs, rhs = lhs.xreplace(typed), rhs.xreplace(typed)
        conditions = [c.xreplace(typed) for c in conditions]
        integer = frozenset(typed.get(s, s) for s in integer)
    gap = sp.expand(lhs - rhs)
    free = gap.free_symbols
    if not free or not free <= set(integer):
        return None
    setting = tightened(conditions) + _signs(free)
    if len(free) == 1:
        if _no_integer_fails(relation, gap, next(iter(free)), setting):
            return ProofFound("integer roots")
    if time.monotonic() > deadline:
        return None
    bounds = bounds_of(setting)
    allowed = {s for s in free if isinstance(s, Symbol)}
    refined = _reparametrize(bounds, allowed, True) or _reparametrize(bounds, allowed, False) \
        if bounds else None
    if refined is None:
        return None
    sides = refined.apply(lhs), refined.apply(rhs)
    if not all(isinstance(e, Expr) for e in sides):
        return None
    found = prove_inequality(relation, *sides, None, deadline)
    return ProofFound(f"{found.method} (integer bounds)") if found else None


def _no_integer_fails(relation: str, gap: Expr, n: Basic, setting: list[Basic]) -> bool:
    if not isinstance(n, Symbol) or not gap.is_polynomial(n):
        return False
    poly = sp.Poly(gap, n)
    if poly.degree() > _MAX_DEGREE or not all(c.is_Rational for c in poly.coeffs()):
        return False
    region: sp.Set = sp.S.Reals
    for cond in setting:
        if isinstance(cond, (sp.Gt, sp.Lt, sp.Ge, sp.Le)) and cond.free_symbols == {n} \
                and {cond.lhs, cond.rhs} - {n} and all(
                    e == n or e.is_Rational for e in (cond.lhs, cond.rhs)):
            region = sp.Intersection(region, cond.as_set())
    real_n = sp.Dummy("n", real=True)
    fails = {"<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge}[_FAILS[relation]]
    try:
        bad = sp.solveset(fails(gap.xreplace({n: real_n}), 0), real_n, sp.S.Reals)
        bad = sp.Intersection(bad, region)
    except (NotImplementedError, TypeError, ValueError):
        return False
    if bad is sp.S.EmptySet:
        return True
    pieces = bad.args if isinstance(bad, sp.Union) else (bad,)
    checked = 0
    for piece in pieces:
        if isinstance(piece, sp.FiniteSet):
            if any(p.is_integer is not False and not (p.is_Rational and not p.is_Integer)
                   for p in piece):
                return False
            continue
        if not isinstance(piece, sp.Interval):
            return False
        lo, hi = piece.inf, piece.sup
        if not (lo.is_finite and hi.is_finite):
            return False
        first, last = int(sp.floor(lo)), int(sp.ceiling(hi))
        checked += last - first + 1
        if checked > _MAX_CANDIDATES:
            return False
        for k in range(first, last + 1):
            if piece.contains(sp.Integer(k)) is not sp.false:
                return False
    return True
