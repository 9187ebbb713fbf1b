"""Inequalities in one integer variable, by induction: ``2^n > n``, ``n! >= 2^(n - 1)``.

For n ≥ n0 (from the assumptions: ``n positive integer`` gives n0 = 1) the claim f(n) > g(n)
(or ≥) follows from

* **differences**: d = f - g satisfies the claim at n0 exactly, and d(n + 1) - d(n) ≥ 0 for
  every n ≥ n0; the difference is simplified (factorials and powers cancel) and shown
  non-negative for every *real* n ≥ n0 by the ordinary provers (a stronger claim), or, failing
  that, by this same argument one level down;
* **ratios**: f and g are positive (SymPy's assumptions say so), f(n0) > g(n0) exactly, and
  f(n + 1)/f(n) ≥ g(n + 1)/g(n) for every real n ≥ n0, so f/g never decreases.

Every part is a proof; nothing is sampled. The ordinary provers are passed in as ``holds``
(the step decider itself) so that this module does not import it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

import sympy as sp
from sympy import Basic, Expr, Symbol

from .prove import ProofFound, assumption_interval

#: ``holds(relation, lhs, rhs, conditions, deadline)``: is the claim proved?
Holds = Callable[[str, Expr, Expr, tuple[Basic, ...], float], bool]
#: Levels of differences tried (d, its difference, the difference of that).
MAX_DEPTH = 3
#: Seconds the induction may take (its sub-claims run the whole checker).
BUDGET = 2.0


def prove_by_induction(
    relation: str, lhs: Expr, rhs: Expr, conditions: Sequence[Basic], deadline: float,
    holds: Holds,
) -> ProofFound | None:
    """Prove ``lhs relation rhs`` (an inequality) for every integer n from its least value."""
    if relation not in ("<", "<=", ">", ">="):
        return None
    symbols = (lhs - rhs).free_symbols
    if len(symbols) != 1:
        return None
    (n,) = symbols
    if not (isinstance(n, Symbol) and n.is_integer):
        return None
    start = _least(n, conditions)
    if start is None:
        return None
    deadline = min(deadline, time.monotonic() + BUDGET)
    big, small = (lhs, rhs) if relation[0] == ">" else (rhs, lhs)
    strict = len(relation) == 1
    real = sp.Symbol(f"{n.name}_real", real=True)
    setting = (real >= start,)

    def nonnegative(expr: Expr) -> bool:
        return time.monotonic() < deadline and _tractable(expr) and holds(
            ">=", expr.xreplace({n: real}), sp.S.Zero, setting, deadline)

    if _by_differences(big - small, n, start, strict, nonnegative, MAX_DEPTH, deadline):
        return ProofFound("induction")
    if _by_ratios(big, small, n, start, strict, nonnegative):
        return ProofFound("induction (ratios)")
    return None


def _tractable(expr: Expr) -> bool:
    """Rational in n with powers of numbers (2^n): a sub-claim the provers settle quickly.
    Anything else (``(1 + 1/n)^n``, functions) can cost the checker's whole time limit."""
    if any(isinstance(f, sp.Function) for f in expr.atoms(sp.Function)):
        return False
    return all(p.exp.is_number or p.base.is_number for p in expr.atoms(sp.Pow))


def _least(n: Symbol, conditions: Sequence[Basic]) -> sp.Integer | None:
    """The least integer n allowed, when the assumptions bound n below."""
    region = assumption_interval(n, [c for c in conditions if c.free_symbols == {n}
                                     and not isinstance(c, sp.Contains)])
    low = region.inf if isinstance(region, (sp.Interval, sp.Union)) else None
    if low is None or not low.is_finite or not low.is_real:
        return None
    first = sp.ceiling(low)
    if isinstance(region, sp.Interval) and region.left_open and first == low:
        first += 1
    return first if isinstance(first, sp.Integer) else None


def _step(expr: Expr, n: Symbol) -> Expr:
    """``expr(n + 1) - expr(n)`` with factorials and powers cancelled, and each sum up to n
    written as the same sum plus its next term (which then cancels)."""
    shifted = expr.xreplace({n: n + 1})
    grown = {s: _one_more(s, n) for s in shifted.atoms(sp.Sum)}
    shifted = shifted.xreplace({s: g for s, g in grown.items() if g is not None})
    return sp.expand(sp.powsimp(sp.combsimp(shifted - expr)))


def _one_more(total: sp.Sum, n: Symbol) -> Expr | None:
    """``Sum(f, (k, a, n + 1))`` as ``Sum(f, (k, a, n)) + f(n + 1)``."""
    if len(total.limits) != 1:
        return None
    k, low, high = total.limits[0]
    if high != n + 1 or n in low.free_symbols:
        return None
    return total.func(total.function, (k, low, n)) + total.function.xreplace({k: n + 1})


def _by_differences(
    d: Expr, n: Symbol, start: sp.Integer, strict: bool, nonnegative: Callable[[Expr], bool],
    depth: int, deadline: float,
) -> bool:
    base = d.xreplace({n: start}).doit()
    if not (base.is_positive if strict else base.is_nonnegative):
        return False
    if depth == 0 or time.monotonic() > deadline:
        return False
    step = _step(d, n)
    if nonnegative(step):
        return True
    return _by_differences(step, n, start, False, nonnegative, depth - 1, deadline)


def _by_ratios(
    big: Expr, small: Expr, n: Symbol, start: sp.Integer, strict: bool,
    nonnegative: Callable[[Expr], bool],
) -> bool:
    if not (big.is_positive and small.is_positive):
        return False
    first = (big - small).xreplace({n: start}).doit()
    if not (first.is_positive if strict else first.is_nonnegative):
        return False
    grow = [sp.powsimp(sp.combsimp(e.xreplace({n: n + 1}) / e)) for e in (big, small)]
    if any(g.has(sp.factorial, sp.gamma) for g in grow):
        return False
    return nonnegative(sp.together(grow[0] - grow[1]))
