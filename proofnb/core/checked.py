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


def _direct(node: sp.Sum | sp.Product, point: dict[Symbol, Expr]) -> Basic | None:
    """The terms at ``point`` added (multiplied) one by one, under Karr's convention as
    SymPy's: a sum from a to b < a - 1 is minus the sum from b + 1 to a - 1."""
    var, low, high = node.limits[0]
    first, last = low.xreplace(point), high.xreplace(point)
    if not (first.is_Integer and last.is_Integer):
        return None
    first, last, flip = int(first), int(last), False
    if last < first - 1:
        first, last, flip = last + 1, first - 1, True
    body = node.function.xreplace(point)
    terms = [body.xreplace({var: sp.Integer(i)}) for i in range(first, last + 1)]
    if isinstance(node, sp.Sum):
        total = sp.Add(*terms)
        return -total if flip else total
    product = sp.Mul(*terms)
    return 1 / product if flip else product


def _finite(expr: Basic) -> Basic:
    """``expr`` with each sum or product of integer bounds (the closed form's own fallback
    branch, e.g. SymPy's ``Piecewise((..., n > 1), (Sum(...), True))`` at n = 1) replaced by
    its terms added one by one: exact, and cheaper than evaluating it numerically."""
    def direct(node: Basic) -> Basic:
        if len(node.limits) != 1:
            return node
        value = _direct(node, {})
        return node if value is None else value

    return expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)), direct)


def _value(expr: Basic | None) -> Expr | None:
    if not isinstance(expr, Expr) or not expr.is_number:
        return None
    if expr.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return None
    return expr


def _differs(direct: Expr | None, closed: Basic) -> bool:
    if direct is None:
        return False  # the terms themselves are undefined there: nothing to compare
    at = _value(closed)
    if at is None:
        return True
    if direct.is_Rational and at.is_Rational:
        return bool(direct != at)
    try:
        gap = complex((direct - at).evalf(30))
        if abs(gap) > 1e-20:
            return True  # a guard where none is needed only costs a proof, never soundness
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
            direct = _value(_direct(node, point))
            if _differs(direct, _finite(closed.xreplace(point))):
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
