"""Infinite sums: their value at a point, through SymPy's closed form.

``Sum(x^k, (k, 0, oo))`` has no finite list of terms to add, so its value at a point comes
from the closed form SymPy finds once per sum (``Piecewise((1/(1 - x), |x| < 1), (Sum, True))``):
the point picks the branch. Where only the sum itself remains, it is undefined when SymPy
shows it divergent, exact when SymPy sums it, and uncertain otherwise. ``0^0`` in a summand
is 1, as in SymPy (``Sum(x^k, (k, 0, oo))`` is 1 at x = 0).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import sympy as sp
from sympy import Basic, Expr, Symbol


def is_infinite_sum(expr: sp.Sum) -> bool:
    """A single-index sum with an infinite bound."""
    if len(expr.limits) != 1:
        return False
    _, low, high = expr.limits[0]
    return bool(low.has(sp.oo, -sp.oo) or high.has(sp.oo, -sp.oo))


def from_minus_infinity(expr: Basic) -> Basic:
    """Sums from ``-oo`` to ``b`` rewritten from ``-b`` to ``oo`` (k -> -k).

    SymPy's summation recurses without end on ``Sum(1/2^k, (k, -oo, -1))``.
    """
    def flip(node: sp.Sum) -> Basic:
        if len(node.limits) != 1:
            return node
        var, low, high = node.limits[0]
        if sp.sympify(low).doit() != -sp.oo or sp.sympify(high).doit().has(sp.oo, -sp.oo):
            return node
        return sp.Sum(node.function.xreplace({var: -var}), (var, -high, sp.oo))

    if not expr.has(sp.Sum):
        return expr
    return expr.replace(lambda n: isinstance(n, sp.Sum), flip)


@lru_cache(maxsize=128)
def closed_form(expr: sp.Sum) -> Expr | None:
    """SymPy's value of the sum, a Piecewise in its parameters, or None."""
    try:
        done = from_minus_infinity(expr).doit()
    except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
        return None
    return done if isinstance(done, Expr) else None


def sum_value(expr: sp.Sum, point: Mapping[Symbol, Expr]) -> Expr | None | bool:
    """The exact value of an infinite sum at a point: an Expr, False when divergent (or
    undefined), None when unknown."""
    closed = closed_form(expr)
    if closed is None:
        return None
    try:
        value = closed.xreplace(dict(point))
        if value.has(sp.Piecewise):
            value = sp.piecewise_fold(value).doit()
        remaining = list(value.atoms(sp.Sum))
        for rest in remaining:
            if rest.free_symbols:
                return None
            if _divergent(rest):
                return False
        if remaining:
            value = value.doit()
    except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
        return None
    if not isinstance(value, Expr) or value.has(sp.Sum, sp.Piecewise) or not value.is_number:
        return None
    if value.has(sp.oo, -sp.oo, sp.zoo, sp.nan):
        return False
    return value


def _divergent(expr: sp.Sum) -> bool:
    """SymPy shows the sum divergent (its answer is ``sympy.false``, not Python's False)."""
    try:
        return bool(expr.is_convergent() == sp.false)
    except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
        return False


def infinite_value(expr: Basic) -> Expr | None:
    """``oo`` or ``-oo`` when ``expr`` is an infinite sum without parameters that diverges
    to it: its closed form says so, or it diverges and all its terms have one sign
    (``sum(1/sqrt(k), (k, 1, oo))`` is ``oo``); otherwise None."""
    if not (isinstance(expr, sp.Sum) and is_infinite_sum(expr)) or expr.free_symbols:
        return None
    closed = closed_form(expr)
    if closed in (sp.oo, -sp.oo):
        return closed
    var, low, high = expr.limits[0]
    if low.has(sp.oo, -sp.oo) or high != sp.oo or not _divergent(expr):
        return None
    m = sp.Dummy("m", integer=True, nonnegative=True)
    term = expr.function.xreplace({var: low + m})
    if term.is_positive:
        return sp.oo
    if term.is_negative:
        return -sp.oo
    return None


def _excluded(cond: Basic, conditions: tuple[Basic, ...]) -> bool:
    """Is the branch condition ``cond`` an equation the assumptions rule out (``a = b``
    under ``a != b``)?"""
    if not isinstance(cond, sp.Eq):
        return False
    gap = cond.lhs - cond.rhs
    for known in conditions:
        if isinstance(known, sp.Ne):
            other = known.lhs - known.rhs
            if sp.expand(other - gap) == 0 or sp.expand(other + gap) == 0:
                return True
    return False


#: Exceptional integers a closed form may miss and still be taken (each is summed directly).
_MAX_EXCEPTIONS = 4


def _counts(x: Symbol, node: sp.Piecewise) -> bool:
    """``x`` takes integer values: declared so, or a bound of a sum/product in ``node``."""
    if x.is_integer:
        return True
    return any(x in b.free_symbols for s in node.atoms(sp.Sum, sp.Product)
               for lim in s.limits for b in lim[1:])


def _finitely_many_exceptions(
    node: sp.Piecewise, value: Basic, x: Symbol, region: sp.Set, holds: sp.Set
) -> Basic:
    """The first branch, simplified, when the integers of the region it misses are a few
    points where it still gives the Piecewise's own value (computed from the later branches).

    ``sum(k binomial(n, k), (k, 0, n))`` under ``n >= 0`` is ``2^(n-1) n!/(n-1)!`` for
    ``n > 0``; at ``n = 0`` the sum is 0, as is ``n 2^(n-1)``.
    """
    if not _counts(x, node) or not isinstance(value, Expr):
        return node
    missed = sp.Intersection(region, sp.Complement(sp.S.Reals, holds), sp.S.Integers)
    # SymPy answers {0} or Range(0, 1), depending on what it has cached.
    if not isinstance(missed, (sp.FiniteSet, sp.Range)) or missed.is_finite_set is not True \
            or len(missed) > _MAX_EXCEPTIONS:
        return node
    closed = sp.gammasimp(sp.combsimp(value))
    for point in missed:
        direct = node.xreplace({x: point}).doit()
        at = closed.xreplace({x: point})
        if not (isinstance(direct, Expr) and direct.is_number and at.is_number
                and direct.is_finite and sp.simplify(direct - at) == 0):
            return node
    return closed


def _removable_point(value: Basic, cond: Basic, rest: Basic) -> bool:
    """A branch for one point, ``(n + 1, Eq(x, 1))`` before ``((1 - x^(n+1))/(1 - x), True)``,
    whose value is the later branch's limit there: the later branch is the closed form, with
    that point a removable gap (a note where the other side is undefined; the point itself is
    sampled exactly like any other)."""
    if not (isinstance(cond, sp.Eq) and isinstance(value, Expr) and isinstance(rest, Expr)):
        return False
    for x, c in ((cond.lhs, cond.rhs), (cond.rhs, cond.lhs)):
        if isinstance(x, Symbol) and isinstance(c, Expr) and c.is_number and c.is_finite:
            break
    else:
        return False
    if x in value.free_symbols:
        value = value.xreplace({x: c})
    try:
        for side in ("+", "-"):
            near = sp.limit(rest, x, c, side)
            if not (isinstance(near, Expr) and near.is_finite
                    and sp.simplify(near - value) == 0):
                return False
    except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
        return False
    return True


def _solution_set(cond: Basic, x: Symbol) -> sp.Set:
    if isinstance(cond, (sp.And, sp.Or, sp.Not)):  # solveset takes relations only
        return sp.Intersection(cond.as_set(), sp.S.Reals)
    return sp.solveset(cond, x, sp.S.Reals)


def settle_piecewise(expr: Basic, conditions: tuple[Basic, ...], real: bool) -> Basic:
    """A closed form whose first branch holds on the whole declared region, as that branch.

    ``Piecewise((1/(1 - x), |x| < 1), (Sum(...), True))`` under ``assume -1 < x < 1`` is
    ``1/(1 - x)``. A branch for ``r = 1`` is passed over under ``assume r != 1``
    (``Piecewise((n + 1, Eq(r, 1)), ((1 - r^(n+1))/(1 - r), True))`` is the second branch).
    Only univariate conditions are settled (the region from the assumptions); anything else
    is returned as it was.
    """
    from .prove import assumption_interval

    if not real or not expr.has(sp.Piecewise):
        return expr

    def first_branch(node: sp.Piecewise) -> Basic:
        branches = [(v, c) for v, c in node.args if not _excluded(c, conditions)]
        while len(branches) > 1 and _removable_point(*branches[0], branches[1][0]):
            branches = branches[1:]
        if not branches:
            return node
        value, cond = branches[0]
        if cond is sp.true:
            return value
        free = cond.free_symbols
        if len(free) != 1:
            return node
        (x,) = free
        if not isinstance(x, Symbol):
            return node
        region = assumption_interval(x, conditions)
        try:
            holds = _solution_set(cond, x)
            inside = region.is_subset(holds)
        except (NotImplementedError, TypeError, ValueError):
            return node
        if inside is True:
            return value
        return _finitely_many_exceptions(node, value, x, region, holds)

    try:
        return expr.replace(lambda n: isinstance(n, sp.Piecewise), first_branch)
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return expr
