"""Inequalities in one integer variable, by induction: ``2^n > n``, ``n! >= 2^(n - 1)``,
and Bernoulli's ``(1 + x)^n >= 1 + n x`` for x ≥ -1, where other letters are parameters.

For n ≥ n0 (from the assumptions: ``n positive integer`` gives n0 = 1) the claim f(n) > g(n)
(or ≥) follows from the arguments below, started at n0 or, when the step from n to n + 1
fails near n0, at a later n1 ≤ n0 + 3 with the values n0, ..., n1 - 1 checked exactly:

* **differences**: d = f - g satisfies the claim at n0 exactly, and d(n + 1) - d(n) ≥ 0 for
  every n ≥ n0; the difference is simplified (factorials and powers cancel) and shown
  non-negative for every *real* n ≥ n0 by the ordinary provers (a stronger claim), or, failing
  that, by this same argument one level down;
* **ratios**: f and g are positive (SymPy's assumptions say so), f(n0) > g(n0) exactly, and
  f(n + 1)/f(n) ≥ g(n + 1)/g(n) for every real n ≥ n0, so f/g never decreases;
* **a multiplier**: f is a product of powers b^(a n + c) and factorials, so f(n + 1) = m f(n)
  exactly with m read off its factors; then m ≥ 0 and m g(n) ≥ g(n + 1) carry f(n) ≥ g(n)
  to n + 1 (m > 0 for a strict claim), for every value of the parameters the assumptions
  allow. The base case f(n0) ≥ g(n0) is then a claim about the parameters alone.

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
#: Later starts tried when the step fails from the least n (the values before: base cases).
LATER_STARTS = 3


def prove_by_induction(
    relation: str, lhs: Expr, rhs: Expr, conditions: Sequence[Basic], deadline: float,
    holds: Holds,
) -> ProofFound | None:
    """Prove ``lhs relation rhs`` (an inequality) for every integer n from its least value."""
    if relation not in ("<", "<=", ">", ">="):
        return None
    symbols = (lhs - rhs).free_symbols
    integers = [s for s in symbols if isinstance(s, Symbol) and s.is_integer]
    if len(integers) != 1 or not all(isinstance(s, Symbol) for s in symbols):
        return None
    (n,) = integers
    if any(n in p.base.free_symbols and n in p.exp.free_symbols
           for p in (lhs - rhs).atoms(sp.Pow)):
        # n^n, (1 + 1/n)^n: no argument here reads them, and cancelling them (combsimp)
        # can take SymPy minutes that no deadline interrupts.
        return None
    least = _least(n, conditions)
    if least is None:
        return None
    deadline = min(deadline, time.monotonic() + BUDGET)
    big, small = (lhs, rhs) if relation[0] == ">" else (rhs, lhs)
    strict = len(relation) == 1
    # The step may hold only from a later start (n! >= 2^(n-1): n + 1 >= 2 needs n >= 1):
    # the values before it are then base cases, each checked exactly.
    for start in range(int(least), int(least) + LATER_STARTS + 1):
        if time.monotonic() > deadline:
            return None
        if start > least and not _holds_at(relation, lhs, rhs, n, start - 1):
            return None
        found = _from(big, small, n, sp.Integer(start), strict, symbols, conditions, deadline,
                      holds)
        if found is not None:
            return found
    return None


def _holds_at(relation: str, lhs: Expr, rhs: Expr, n: Symbol, value: int) -> bool:
    """Whether the claim holds at n = ``value``, decided exactly (a base case); a value where
    a side is undefined (1/n at n = 0) is outside the domain and asks for nothing."""
    left, right = (side.xreplace({n: sp.Integer(value)}).doit() for side in (lhs, rhs))
    if (left - right).free_symbols:
        return False
    if not all(side.is_extended_real and side.is_finite for side in (left, right)):
        return bool(left.has(sp.zoo, sp.nan) or right.has(sp.zoo, sp.nan))
    truth = {"<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge}[relation](left, right)
    return truth is sp.true


def _from(
    big: Expr, small: Expr, n: Symbol, start: sp.Integer, strict: bool, symbols: set[Basic],
    conditions: Sequence[Basic], deadline: float, holds: Holds,
) -> ProofFound | None:
    """The induction from ``start`` by differences, ratios or a multiplier."""
    real = sp.Symbol(f"{n.name}_real", real=True)
    # What the assumptions say about the other letters (one that also names n is left out:
    # proving the sub-claims for more parameter values is a stronger claim).
    given = tuple(c for c in conditions if n not in c.free_symbols
                  and c.free_symbols <= symbols)
    setting = (real >= start, *given)

    def claim(relation: str, expr: Expr) -> bool:
        if time.monotonic() > deadline or not _tractable(expr):
            return False
        if not expr.free_symbols:
            return bool(expr.is_positive if relation == ">" else expr.is_nonnegative)
        return holds(relation, expr.xreplace({n: real}), sp.S.Zero, setting, deadline)

    def nonnegative(expr: Expr) -> bool:
        return claim(">=", expr)

    if symbols == {n}:
        if _by_differences(big - small, n, start, strict, nonnegative, MAX_DEPTH, deadline):
            return ProofFound("induction")
        if _by_ratios(big, small, n, start, strict, nonnegative):
            return ProofFound("induction (ratios)")
    if start >= 0 and _by_multiplier(big, small, n, start, strict, claim):
        return ProofFound("induction (multiplier)")
    return None


def _by_multiplier(
    big: Expr, small: Expr, n: Symbol, start: sp.Integer, strict: bool,
    claim: Callable[[str, Expr], bool],
) -> bool:
    """f(n0) ≥ g(n0); f(n + 1) = m f(n) with m ≥ 0; m g(n) ≥ g(n + 1): then f(n) ≥ g(n) for
    every n ≥ n0 (strict: f(n0) > g(n0) and m > 0)."""
    m = _multiplier(big, n)
    if m is None or not claim(">" if strict else ">=", m):
        return False
    base = sp.expand((big - small).xreplace({n: start}))
    if not claim(">" if strict else ">=", base):
        return False
    return claim(">=", sp.expand(m * small - small.xreplace({n: n + 1})))


def _multiplier(expr: Expr, n: Symbol) -> Expr | None:
    """m with ``expr(n + 1) = m expr(n)`` for every integer n ≥ 0, read off the factors:
    b^(a n + c) gives b^a (a a whole number, b free of n), (n + c)! gives n + c + 1; ``None``
    for any other factor that has n."""
    m: Expr = sp.S.One
    for factor in sp.Mul.make_args(expr):
        if n not in factor.free_symbols:
            continue
        base, power = factor.as_base_exp()
        if isinstance(base, sp.factorial) and power.is_Integer and power > 0:
            inner = base.args[0]
            if not inner.is_polynomial(n) or sp.Poly(inner, n).degree() != 1 \
                    or inner.coeff(n) != 1 \
                    or not (inner - n).is_Integer:
                return None
            m *= (inner + 1) ** power
        elif n not in base.free_symbols and power.is_polynomial(n) \
                and sp.Poly(power, n).degree() == 1:
            slope = power.coeff(n)
            if not (slope.is_Integer and slope >= 0):
                return None
            m *= base ** slope
        else:
            return None
    return m


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
    grown = {s: _one_more(s, n) for s in shifted.atoms(sp.Sum, sp.Product)}
    shifted = shifted.xreplace({s: g for s, g in grown.items() if g is not None})
    if not all(_linear(f, n) for f in expr.atoms(sp.factorial, sp.binomial, sp.gamma)):
        # (n^2)! and ((n + 1)^2)! differ by 2n + 1 factors, which combsimp cannot cancel;
        # it spent 15 s factoring polynomials on binomial(n^2, n) >= n.
        return sp.expand(shifted - expr)
    try:
        return sp.expand(sp.powsimp(sp.combsimp(shifted - expr)))
    except (TypeError, ValueError):  # combsimp's gamma rewrite compares 1 + i with 0
        return sp.expand(shifted - expr)


def _linear(call: Expr, n: Symbol) -> bool:
    """Is each argument of a factorial, binomial or gamma at most linear in n?"""
    return all(not arg.has(n) or arg.is_polynomial(n) and sp.degree(arg, n) <= 1
               for arg in call.args)


def _one_more(total: sp.Sum | sp.Product, n: Symbol) -> Expr | None:
    """``Sum(f, (k, a, n + 1))`` as ``Sum(f, (k, a, n)) + f(n + 1)`` (a product: times)."""
    if len(total.limits) != 1:
        return None
    k, low, high = total.limits[0]
    if high != n + 1 or n in low.free_symbols:
        return None
    first, last = total.func(total.function, (k, low, n)), total.function.xreplace({k: n + 1})
    return first * last if isinstance(total, sp.Product) else first + last


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
