"""Finite sums and products whose closed forms are checked at small bounds.

SymPy's closed form of a sum with a symbolic bound can be wrong at a few small values:
``Sum((-1)^k binomial(n, k), (k, 0, n))`` is summed to 0, but it is 1 at n = 0. A sum or
product built from a cell is a :class:`CheckedSum` / :class:`CheckedProduct`: its ``doit``
compares the closed form with the terms added up directly at the small integers of its one
bound variable, and where they differ it answers ``Piecewise((closed, n != v, ...), (the sum,
True))``, which the declared region settles (:func:`proofnb.core.series.settle_piecewise`):
under ``n >= 1`` it is the closed form, otherwise the sum stays as written and points decide.
"""

from __future__ import annotations

from typing import Any

import sympy as sp
from sympy import Basic, Expr, Symbol

#: Values of the bound variable at which a closed form is compared with the direct sum.
CHECK_VALUES = tuple(range(-3, 6))
#: A value for each other parameter while comparing (not 0, 1 or -1: no special case).
_PARAMETER = sp.Rational(7, 5)


def _bound_symbol(node: sp.Sum | sp.Product) -> Symbol | None:
    if len(node.limits) != 1:
        return None
    _, low, high = node.limits[0]
    if low.has(sp.oo, -sp.oo) or high.has(sp.oo, -sp.oo):
        return None
    free = (low.free_symbols | high.free_symbols)
    if len(free) != 1:
        return None
    (sym,) = free
    return sym if isinstance(sym, Symbol) else None


def _value(expr: Basic) -> Expr | None:
    if not isinstance(expr, Expr):
        return None
    try:
        value = sp.nsimplify(expr) if expr.has(sp.Float) else expr
        value = sp.simplify(value) if not value.is_Rational else value
    except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
        return None
    if not value.is_number or value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return None
    return value


def _differs(direct: Expr | None, closed: Basic) -> bool:
    if direct is None:
        return False  # the terms themselves are undefined there: nothing to compare
    at = _value(closed)
    if at is None:
        return True
    try:
        return bool(sp.simplify(direct - at) != 0)
    except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
        return True


def checked(node: sp.Sum | sp.Product, closed: Basic) -> Basic:
    """``closed`` (the node's ``doit``), guarded by the values where it misses the node."""
    sym = _bound_symbol(node)
    if sym is None or closed == node or not isinstance(closed, Expr) or closed.has(type(node)):
        return closed
    others = {s: _PARAMETER for s in (node.free_symbols | closed.free_symbols) - {sym}
              if isinstance(s, Symbol)}
    missed: list[int] = []
    for v in CHECK_VALUES:
        point = {sym: sp.Integer(v), **others}
        try:
            direct = _value(node.xreplace(point).doit())
            if _differs(direct, closed.xreplace(point)):
                missed.append(v)
        except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
            return node
    if not missed:
        return closed
    cond = sp.And(*(sp.Ne(sym, v) for v in missed))
    return sp.Piecewise((closed, cond), (node, True))


class CheckedSum(sp.Sum):  # type: ignore[misc]
    """A sum whose symbolic closed form is compared with its terms at small bounds."""

    def doit(self, **hints: Any) -> Basic:
        return checked(self, super().doit(**hints))


class CheckedProduct(sp.Product):  # type: ignore[misc]
    """A product whose symbolic closed form is compared with its factors at small bounds."""

    def doit(self, **hints: Any) -> Basic:
        return checked(self, super().doit(**hints))
