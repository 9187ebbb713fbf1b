"""Two statement provers that rewrite the lines before comparing them.

* Squaring: an equation ``A = B`` whose sides are both >= 0 at every point of the setting
  (``T = 2 pi sqrt(L/g)`` under ``T, L, g > 0``), and ``|A| = |B|`` anywhere, have the same
  solutions as ``A^2 = B^2``; the squared lines are then compared as polynomials.
* Elimination: ``x = y ==> x^2 = y^2``: the first line, linear in one variable, is solved
  for it, and the second line becomes identically true after the substitution. Only lines
  without domain conditions take part (a substitution could land on a pole).
"""

from __future__ import annotations

import sympy as sp
from sympy import Basic, Expr, Symbol

from .domain import conditions
from .equations import same_polynomial, same_up_to_factor
from .linear import linear_root
from .orders import Reparam
from .prove import ProofFound
from .witness import Problem


def squared(stmt: Basic, refined: Reparam | None) -> Basic:
    """``stmt`` with each equation between nonnegative sides (in the setting ``refined``
    describes) or between two absolute values replaced by the equation of the squares."""
    swaps: dict[Basic, Basic] = {}
    for eq in stmt.atoms(sp.Eq):
        a, b = eq.lhs, eq.rhs
        if isinstance(a, sp.Abs) and isinstance(b, sp.Abs):
            swaps[eq] = sp.Eq(sp.expand(a.args[0] ** 2), sp.expand(b.args[0] ** 2))
            continue
        ra, rb = (refined.apply(a), refined.apply(b)) if refined is not None else (a, b)
        if ra.is_nonnegative and rb.is_nonnegative:
            swaps[eq] = sp.Eq(sp.expand(a**2), sp.expand(b**2))
    return stmt.xreplace(swaps) if swaps else stmt


def prove_by_squaring(problem: Problem) -> ProofFound | None:
    """The two lines agree once every equation between nonnegative sides is squared."""
    if not problem.real:
        return None
    refined = problem.reparam
    lhs, rhs = problem.lhs, problem.rhs
    one, two = squared(lhs, refined), squared(rhs, refined)
    # Square one line, the other, or both (x = y against x^2 = y^2 squares only the first).
    for first, second in ((one, rhs), (lhs, two), (one, two)):
        if first == lhs and second == rhs:
            continue
        if refined is not None:
            first, second = refined.apply(first), refined.apply(second)
        if first == second:
            return ProofFound("squared sides")
        found = same_up_to_factor(first, second, True) or same_polynomial(first, second, True)
        if found:
            return ProofFound(f"{found.method} (squared sides)")
    return None


def prove_by_squaring_premise(problem: Problem) -> ProofFound | None:
    """``sqrt(x) = sqrt(y) ==> x = y``: squaring both sides of every equation of the premise
    keeps all its solutions (and may add some), so the implication holds when the squared
    premise has the same solutions as the claim."""
    if problem.relation not in ("==>", "<=="):
        return None
    premise, claim = (problem.lhs, problem.rhs) if problem.relation == "==>" else \
        (problem.rhs, problem.lhs)
    swaps = {eq: sp.Eq(sp.expand(eq.lhs**2), sp.expand(eq.rhs**2))
             for eq in premise.atoms(sp.Eq)}
    if not swaps or premise.has(sp.Not):
        return None  # under a negation, squaring would shrink the set instead
    wider = premise.xreplace(swaps)
    if wider == claim:
        return ProofFound("squared premise")
    found = same_up_to_factor(wider, claim, problem.real) or \
        same_polynomial(wider, claim, problem.real)
    return ProofFound(f"{found.method} (squared premise)") if found else None


def prove_by_elimination(problem: Problem) -> ProofFound | None:
    """``==>`` (``<==``, ``<=>``) by solving the premise for a variable and substituting."""
    first, second = problem.lhs, problem.rhs
    if problem.relation == "==>":
        return _implies(first, second, problem.real)
    if problem.relation == "<==":
        return _implies(second, first, problem.real)
    there = _implies(first, second, problem.real)
    return there if there and _implies(second, first, problem.real) else None


def _implies(premise: Basic, claim: Basic, real: bool) -> ProofFound | None:
    if conditions(premise, real=real) or conditions(claim, real=real):
        return None
    equations = premise.args if isinstance(premise, sp.And) else (premise,)
    if not equations or not all(isinstance(e, sp.Eq) for e in equations):
        return None
    solved: dict[Symbol, Expr] = {}
    for eq in equations:
        value = _solve_linear(sp.expand((eq.lhs - eq.rhs).xreplace(solved)))
        if value is None:
            return None
        var, expr = value
        solved = {s: e.xreplace({var: expr}) for s, e in solved.items()}
        solved[var] = expr
    try:
        after = claim.xreplace(solved)
        if after is sp.true:
            return ProofFound("elimination")
        atoms = after.atoms(sp.Eq)
        if isinstance(after, sp.Eq) and sp.expand(after.lhs - after.rhs) == 0:
            return ProofFound("elimination")
        if atoms and all(sp.expand(e.lhs - e.rhs) == 0 for e in atoms) and \
                after.xreplace({e: sp.true for e in atoms}) is sp.true:
            return ProofFound("elimination")
    except (TypeError, ValueError):
        return None
    return None


def _solve_linear(diff: Expr) -> tuple[Symbol, Expr] | None:
    """``(x, value)`` for the first letter x in which ``diff = 0`` is linear with a nonzero
    number as its slope (the solution then exists for every value of the other letters)."""
    for var in sorted(diff.free_symbols, key=lambda s: s.name):
        if isinstance(var, Symbol):
            value = linear_root(diff, var)
            if value is not None:
                return var, value
    return None
