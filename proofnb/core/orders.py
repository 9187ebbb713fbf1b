"""Assumptions that order the variables (``a > b``, ``b > 0``, ``x >= 2``) as a change of
variables.

Under ``assume a > b, b > 0`` every point of the setting is ``a = b + t``, ``b = u`` for
some ``t > 0`` and ``u > 0``, and every such choice is a point of the setting. Two uses:

* proofs: a step proved for all positive (nonnegative) new variables holds at every point
  of the setting, and SymPy's sign reasoning sees ``1/u - 1/(u + t)`` is positive;
* sampling: points drawn for the new variables map to points that satisfy the assumptions,
  where independent draws of ``a`` and ``b`` would mostly miss the region.

A bound is encoded only between a variable and a rational number or another variable; a
condition that cannot be encoded is simply not used (the proof then covers more than the
setting, which is still sound; the sampler's points are still checked against it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sympy as sp
from sympy import Basic, Expr, Symbol


@dataclass(frozen=True)
class Reparam:
    """``forward[s]``: the expression of the original symbol ``s`` in the new variables
    ``fresh`` (Dummies that carry the sign); symbols not in ``forward`` are unchanged."""

    forward: tuple[tuple[Symbol, Expr], ...]
    fresh: tuple[Symbol, ...]

    def apply(self, expr: Basic) -> Basic:
        """``expr`` in the new variables."""
        return expr.xreplace(dict(self.forward))

    def names(self) -> str:
        """The original symbols that changed, for a method name (``a, b``)."""
        return ", ".join(sorted(s.name for s, _ in self.forward))


#: One bound: ``big > small`` (strict) or ``big >= small``, each a Symbol or a Rational.
_Bound = tuple[Expr, Expr, bool]


def bounds_of(conditions: Iterable[Basic]) -> list[_Bound]:
    """The conditions of the form ``u > v`` / ``u >= v`` (either order) between a variable
    and a rational number or another variable."""
    out: list[_Bound] = []
    for cond in conditions:
        if isinstance(cond, (sp.Gt, sp.Ge)):
            big, small = cond.lhs, cond.rhs
        elif isinstance(cond, (sp.Lt, sp.Le)):
            big, small = cond.rhs, cond.lhs
        else:
            continue
        if not all(isinstance(e, Symbol) or e.is_Rational for e in (big, small)):
            continue
        if isinstance(big, Symbol) or isinstance(small, Symbol):
            out.append((big, small, isinstance(cond, (sp.Gt, sp.Lt))))
    return out


def reparametrize(bounds: Sequence[_Bound], symbols: Sequence[Symbol]) -> Reparam | None:
    """The change of variables that makes ``bounds`` sign conditions on new variables, or
    None when no bound applies (or the bounds order the variables in a cycle)."""
    allowed = {s for s in symbols if s.is_integer is not True}
    step: dict[Symbol, Expr] = {}
    fresh: list[Symbol] = []
    for big, small, strict in bounds:
        if isinstance(big, Symbol) and big in allowed and big not in step:
            target, base, sign = big, small, 1
        elif isinstance(small, Symbol) and small in allowed and small not in step:
            target, base, sign = small, big, -1
        else:
            continue
        gap = sp.Dummy(f"{target.name}_", positive=True) if strict else \
            sp.Dummy(f"{target.name}_", nonnegative=True)
        fresh.append(gap)
        step[target] = base + sign * gap
    if not step:
        return None
    forward: dict[Symbol, Expr] = {}
    for s in step:
        expr: Expr = step[s]
        for _ in range(len(step) + 1):
            nxt = expr.xreplace(step)
            if nxt == expr:
                break
            expr = nxt
        else:
            return None  # a cycle: a > b and b > a
        if expr.has(s):
            return None
        forward[s] = sp.expand(expr)
    return Reparam(tuple(sorted(forward.items(), key=lambda kv: kv[0].name)), tuple(fresh))
