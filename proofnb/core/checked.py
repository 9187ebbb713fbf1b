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
    if closed.has(sp.I) and not node.has(sp.I):
        # prod (1 + 1/k^2) as rf(1 - i, n) rf(1 + i, n)/n!^2: a real product through
        # non-real numbers, undefined in real mode at every point; keep it as written
        return node
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


def _geometric(rest: Expr, k: Symbol, top: Expr) -> tuple[Expr, Expr, Expr] | None:
    """``rest`` as c·a^k·b^(top - k) with c, a, b free of k, or None. A factor u^(p k + q)
    with p < 0 goes to b (``2^{n-k}``, ``2^{-k}``), any other to a."""
    c, a, b = sp.S.One, sp.S.One, sp.S.One
    for factor in sp.Mul.make_args(sp.expand_power_exp(rest)):
        if not factor.has(k):
            c *= factor
            continue
        base, exp = factor.as_base_exp()
        if base.has(k) or not exp.is_polynomial(k) or sp.degree(exp, k) != 1:
            return None
        p, q = sp.Poly(exp, k).all_coeffs()
        if not p.is_Rational:
            return None
        if p < 0:
            b, c = b * base ** (-p), c * base ** (q + p * top)
        else:
            a, c = a * base**p, c * base**q
    return c, a, b


def binomial_theorem(node: sp.Sum) -> Expr | None:
    """``Sum(binomial(N, k) c a^k b^(N - k), (k, 0, N))`` as c (a + b)^N (from 1: less the
    term k = 0), the index shifted first when the binomial's lower entry is k + s
    (``\\sum_{k=1}^{n} \\binom{n-1}{k-1}``); None for any other sum. The caller checks it."""
    if len(node.limits) != 1:
        return None
    k, low, high = node.limits[0]
    chosen = [b for b in node.function.atoms(sp.binomial) if b.has(k)]
    if len(chosen) != 1 or chosen[0].args[0].has(k):
        return None
    top, lower = chosen[0].args
    shift = sp.expand(lower - k)
    if shift.has(k) or not shift.is_Integer:
        return None
    body = node.function.xreplace({k: k - shift})
    low, high = sp.expand(low + shift), sp.expand(high + shift)
    factors = list(sp.Mul.make_args(body))
    key = sp.binomial(top, k)
    if factors.count(key) != 1 or low not in (0, 1) or sp.expand(high - top) != 0:
        return None
    factors.remove(key)
    split = _geometric(sp.Mul(*factors), k, top)
    if split is None:
        return None
    c, a, b = split
    closed = c * (a + b) ** top
    return closed - c * b**top if low == 1 else closed


class CheckedSum(sp.Sum):  # type: ignore[misc]
    """A sum whose symbolic closed form is compared with its terms at small bounds."""

    def doit(self, **hints: Any) -> Basic:
        done = super().doit(**hints)
        if isinstance(done, Expr) and done.has(sp.Sum):  # SymPy left it: the binomial theorem
            try:
                known = binomial_theorem(self)
            except (NotImplementedError, TypeError, ValueError, sp.PolynomialError):
                known = None
            if known is not None:
                done = known
        return checked(self, done)


class CheckedProduct(sp.Product):  # type: ignore[misc]
    """A product whose symbolic closed form is compared with its factors at small bounds."""

    def doit(self, **hints: Any) -> Basic:
        return checked(self, super().doit(**hints))
