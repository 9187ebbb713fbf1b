"""Witness points for complex-mode equations whose solutions repeat with a period.

``e^z = e^w ==> z = w`` fails at ``z = w + 2 pi i``: a point on the premise's solution set
that random points never meet, and that SymPy's polynomial root finders cannot give. With
the other variables fixed, ``solveset`` over the complex numbers returns such solution sets
as ``ImageSet``s over the integers; a few members of each (several periods, not only the
principal one) become candidate points. Candidates are only proposals: the witness search
still checks the claim at each one exactly.
"""

from __future__ import annotations

import sympy as sp
from sympy import Basic, Expr, Symbol

#: Which copies of a periodic family to try: the principal one and its neighbours.
_PERIODS = (0, 1, -1, 2)
_MAX_ROOTS = 8
_PERIODIC = (sp.exp, sp.sin, sp.cos, sp.tan, sp.sinh, sp.cosh, sp.tanh)


def periodic_roots(eq: sp.Eq, var: Symbol, fixed: dict[Symbol, Expr]) -> list[Expr]:
    """Some complex roots in ``var`` of ``eq`` with the other variables at ``fixed``: members
    of the periodic families of solutions (empty when the equation is not of that kind)."""
    diff = (eq.lhs - eq.rhs).xreplace(fixed)
    if not isinstance(diff, Expr) or diff.free_symbols != {var} or not diff.has(*_PERIODIC):
        return []
    try:
        found = sp.solveset(diff, var, sp.S.Complexes)
    except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError):
        return []
    out: list[Expr] = []
    for family in _families(found):
        for k in _PERIODS:
            value = _member(family, k)
            if value is not None and value.free_symbols == set() and value.is_finite:
                out.append(value)
            if len(out) >= _MAX_ROOTS:
                return out
    return out


def _families(found: Basic) -> list[Basic]:
    if isinstance(found, sp.Union):
        return list(found.args)
    if isinstance(found, (sp.ImageSet, sp.FiniteSet)):
        return [found]
    return []  # ConditionSet, Complement...: not solved


def _member(family: Basic, k: int) -> Expr | None:
    if isinstance(family, sp.FiniteSet):
        items = list(family.args)
        return items[k] if 0 <= k < len(items) and isinstance(items[k], Expr) else None
    if not isinstance(family, sp.ImageSet) or len(family.base_sets) != 1:
        return None
    if family.base_sets[0] is not sp.S.Integers:
        return None
    lam = family.lamda
    value = lam(sp.Integer(k))
    return value if isinstance(value, Expr) else None
