"""Assumptions that order the variables (``a > b``, ``b > 0``, ``x >= 2``) as a change of
variables.

Under ``assume a > b, b > 0`` every point of the setting is ``a = b + t``, ``b = u`` for
some ``t > 0`` and ``u > 0``, and every such choice is a point of the setting. Two uses:

* proofs: a step proved for all positive (nonnegative) new variables holds at every point
  of the setting, and SymPy's sign reasoning sees ``1/u - 1/(u + t)`` is positive;
* sampling: points drawn for the new variables map to points that satisfy the assumptions,
  where independent draws of ``a`` and ``b`` would mostly miss the region.

A bound is encoded only between a variable and a rational number, another variable or a
polynomial in other variables; a
condition that cannot be encoded is simply not used (the proof then covers more than the
setting, which is still sound; the sampler's points are still checked against it).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sympy as sp
from sympy import Basic, Expr, Symbol

from .domain import Condition, conditions
from .prove import ProofFound, prove_inequality

if TYPE_CHECKING:
    from .witness import Problem


@dataclass(frozen=True)
class Reparam:
    """``forward[s]``: the expression of the original symbol ``s`` in the new variables
    ``fresh`` (Dummies that carry the sign); symbols not in ``forward`` are unchanged."""

    forward: tuple[tuple[Symbol, Expr], ...]
    fresh: tuple[Symbol, ...]

    def apply(self, expr: Basic) -> Basic:
        """``expr`` in the new variables; an absolute value whose argument factors into
        signed parts is resolved (``|x^2 - 4|`` under ``-2 <= x <= 2``)."""
        out = expr.xreplace(dict(self.forward))
        if out.has(sp.Abs):
            out = out.replace(lambda e: isinstance(e, sp.Abs),
                              lambda e: sp.Abs(_factored(e.args[0])))
        return out

    def names(self) -> str:
        """The original symbols that changed, for a method name (``a, b``)."""
        return ", ".join(sorted(s.name for s, _ in self.forward))


def _polynomial(expr: Basic) -> bool:
    """A polynomial with real coefficients in symbols (``a - d``, ``y^2 + 1``)."""
    return isinstance(expr, Expr) and bool(expr.free_symbols) and \
        all(isinstance(s, Symbol) for s in expr.free_symbols) and \
        bool(expr.is_polynomial()) and not expr.has(sp.Float) and \
        all(c.is_number and c.is_real for c in sp.Poly(expr, *expr.free_symbols).coeffs())


def _factored(expr: Expr) -> Expr:
    try:
        return sp.factor(expr) if expr.free_symbols else expr
    except (sp.PolynomialError, NotImplementedError, TypeError, ValueError):
        return expr


#: One bound: ``big > small`` (strict) or ``big >= small``, each a Symbol or a Rational.
_Bound = tuple[Expr, Expr, bool]


def bounds_of(conditions: Iterable[Basic]) -> list[_Bound]:
    """The conditions of the form ``u > v`` / ``u >= v`` (either order) between a variable
    and a rational number, another variable or a polynomial in other variables
    (``x >= a - e``: at ``x = a - e + t``, ``t = 0`` is the end the sampler must try)."""
    out: list[_Bound] = []
    linear: list[tuple[Expr, bool]] = []
    for cond in conditions:
        if isinstance(cond, (sp.Gt, sp.Ge)):
            big, small = cond.lhs, cond.rhs
        elif isinstance(cond, (sp.Lt, sp.Le)):
            big, small = cond.rhs, cond.lhs
        else:
            continue
        if not all(isinstance(e, Symbol) or e.is_Rational or _polynomial(e)
                   for e in (big, small)):
            continue
        if isinstance(big, Symbol) and not small.has(big) or \
                isinstance(small, Symbol) and not big.has(small):
            out.append((big, small, isinstance(cond, (sp.Gt, sp.Lt))))
        else:
            linear.append((sp.expand(big - small), isinstance(cond, (sp.Gt, sp.Lt))))
    for gap, strict in linear:
        solved = _solved_for_one(gap, out)
        if solved is not None:
            out.append((*solved, strict))
    return out


def _solved_for_one(gap: Expr, known: Sequence[_Bound]) -> tuple[Expr, Expr] | None:
    """``x + y - 3 > 0`` as ``y > 3 - x``: solved for a symbol that the gap holds linearly
    with a rational coefficient (an equivalent bound), preferring one that no other bound
    names, so that the chain of new variables can still encode the others (x <= 2)."""
    named = {e for big, small, _ in known for e in (big, small) if isinstance(e, Symbol)}
    options: list[tuple[bool, str, Expr, Expr]] = []
    for s in gap.free_symbols:
        assert isinstance(s, Symbol)
        coeff = gap.coeff(s)
        rest = sp.expand(gap - coeff * s)
        if not coeff.is_Rational or coeff == 0 or rest.has(s):
            continue
        end = sp.expand(-rest / coeff)
        options.append((s in named, s.name, s, end))
    if not options:
        return None
    _, _, s, end = min(options, key=lambda o: (o[0], o[1]))
    coeff = gap.coeff(s)
    return (s, end) if coeff > 0 else (end, s)


def reparametrize(bounds: Sequence[_Bound], symbols: Sequence[Symbol],
                  numbers_first: bool = False) -> Reparam | None:
    """The change of variables that makes ``bounds`` sign conditions on new variables, or
    None when no bound applies (or the bounds order the variables in a cycle). With
    ``numbers_first`` the bounds on numbers are encoded first (``z = 3 + t`` before
    ``z = c + t``): a second try for a proof that needs them (round 38); None when they
    come first already."""
    allowed = {s for s in symbols if s.is_integer is not True}
    if numbers_first:  # None when that is the order already given: nothing new to try
        ordered = sorted(bounds, key=lambda b: not (b[0].is_Rational or b[1].is_Rational))
        return None if ordered == list(bounds) else \
            _reparametrize(ordered, allowed, True) or _reparametrize(ordered, allowed, False)
    # Symbolic box ends can close a cycle with the other bounds: then rational ends only.
    found = _reparametrize(bounds, allowed, True) or _reparametrize(bounds, allowed, False)
    if found is None:
        return None
    # The chain encodes bounds greedily: ``x < y, y > 0`` read in that order gives
    # ``y = x + t`` and loses ``y > 0``; with the bounds on numbers first it gives
    # ``y = u, x = u - t`` and keeps both. Take the order that encodes more letters (a
    # count that costs nothing: each new variable stands for one bound used).
    ordered = sorted(bounds, key=lambda b: not (b[0].is_Rational or b[1].is_Rational))
    if ordered != list(bounds):
        other = _reparametrize(ordered, allowed, True) or _reparametrize(ordered, allowed, False)
        if other is not None and len(other.fresh) > len(found.fresh):
            return other
    return found


def _reparametrize(bounds: Sequence[_Bound], allowed: set[Symbol],
                   symbolic: bool) -> Reparam | None:
    step: dict[Symbol, Expr] = {}
    fresh: list[Symbol] = []
    for target, (boxed, width) in _boxes(bounds, allowed, symbolic).items():
        step[target] = boxed
        fresh.append(width)
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
        forward[s] = sp.expand(expr) if expr.is_polynomial() else sp.factor(expr)
    return Reparam(tuple(sorted(forward.items(), key=lambda kv: kv[0].name)), tuple(fresh))


def _boxes(bounds: Sequence[_Bound], allowed: set[Symbol],
           symbolic: bool) -> dict[Symbol, tuple[Expr, Symbol]]:
    """Variables between two bounds: ``lo < a < hi`` is ``a = (lo + hi t)/(1 + t)`` for
    ``t > 0`` (``t >= 0`` includes the end ``t = 0`` stands for), ``lo <= a <= hi`` is
    ``a = lo + (hi - lo) 4t/(1 + t)^2`` for ``t >= 0``, so that both bounds are encoded:
    with only ``a = lo + t`` the points drawn for a narrow box mostly fall outside it, and
    ``a b < 1`` under ``0 < a, b < 1`` is not provable from ``a > 0`` alone.

    The ends are rational numbers, or with ``symbolic`` polynomials in other variables
    (``a - d <= x < a + d``; not two bare variables, which the chain ``x = b + t`` encodes).
    Where symbolic ends come in the wrong order the image holds points outside the
    setting: a proof then covers more than the setting, which is still sound."""
    low: dict[Symbol, tuple[Expr, bool]] = {}
    high: dict[Symbol, tuple[Expr, bool]] = {}
    for big, small, strict in bounds:
        target, end, side = (big, small, low) if isinstance(big, Symbol) else (small, big, high)
        if not isinstance(target, Symbol) or not (end.is_Rational or symbolic):
            continue
        known = side.get(target)
        if known is None:
            side[target] = (end, strict)
        elif end.is_Rational and known[0].is_Rational:
            tighter = end > known[0] if side is low else end < known[0]
            if tighter or end == known[0] and strict:
                side[target] = (end, strict)
    out: dict[Symbol, tuple[Expr, Symbol]] = {}
    for target in sorted(set(low) & set(high) & allowed, key=lambda s: s.name):
        (lo, lo_strict), (hi, hi_strict) = low[target], high[target]
        if lo.is_Rational and hi.is_Rational:
            if not lo < hi:
                continue
        elif lo.is_Rational or hi.is_Rational or \
                isinstance(lo, Symbol) and isinstance(hi, Symbol):
            continue
        gap = sp.Dummy(f"{target.name}_", positive=True) if lo_strict and hi_strict else \
            sp.Dummy(f"{target.name}_", nonnegative=True)
        if not (lo_strict or hi_strict):
            # 4t/(1 + t)^2 takes every value of [0, 1] for t >= 0 (1 at t = 1).
            out[target] = (lo + (hi - lo) * 4 * gap / (1 + gap) ** 2, gap)
            continue
        start, end = (lo, hi) if hi_strict else (hi, lo)  # t = 0 stands for ``start``
        out[target] = ((start + end * gap) / (1 + gap), gap)
    return out


_FLIP = {sp.Gt: sp.Le, sp.Ge: sp.Lt, sp.Lt: sp.Ge, sp.Le: sp.Gt}
_INEQ = (sp.Gt, sp.Ge, sp.Lt, sp.Le)


def prove_by_bounds(problem: Problem, deadline: float) -> ProofFound | None:
    """``a > b ==> a c > b c`` under ``c > 0``, ``x < y <=> x^3 < y^3``: a premise made of
    bounds (``u > v`` between variables and rationals) is a change of variables, like the
    assumptions; the claim's inequalities are then proved for all values of the new variables.

    ``<=>`` needs both ways; a way whose premise is not made of bounds is shown by its
    contrapositive: ``x >= y ==> x^3 >= y^3`` (only when both lines are single inequalities
    defined everywhere in the setting, so that "not P" is the flipped inequality).
    """
    if not problem.real:
        return None
    first, second = problem.lhs, problem.rhs
    setting = tuple(problem.conditions)
    ways = {"==>": [(first, second)], "<==": [(second, first)],
            "<=>": [(first, second), (second, first)]}.get(problem.relation)
    if ways is None:
        return None
    method = "bounds"
    for premise, claim in ways:
        if time.monotonic() > deadline:
            return None
        if _implies(premise, claim, setting, problem.symbols, deadline):
            continue
        flipped = _contrapositive(premise, claim, setting, problem.symbols)
        if flipped is None or not _implies(*flipped, setting, problem.symbols, deadline):
            return None
        method = "bounds (contrapositive)"
    return ProofFound(method)


def _implies(premise: Basic, claim: Basic, setting: tuple[Basic, ...],
             symbols: Sequence[Symbol], deadline: float) -> bool:
    """Every point of the setting where ``premise`` holds satisfies ``claim``."""
    if isinstance(premise, sp.Or):
        return all(_implies(p, claim, setting, symbols, deadline) for p in premise.args)
    parts = premise.args if isinstance(premise, sp.And) else (premise,)
    if not parts or not all(isinstance(p, _INEQ) for p in parts):
        return False
    bounds = bounds_of((*parts, *setting))  # the premise's own bounds first: they matter most
    if len(bounds_of(parts)) != len(parts):
        return False  # a premise that is not all bounds would be widened past its meaning
    refined = reparametrize(bounds, symbols)
    if refined is None:
        return False
    return _holds(claim, refined, deadline)


def _holds(claim: Basic, refined: Reparam, deadline: float) -> bool:
    if isinstance(claim, sp.Or):
        return any(_holds(c, refined, deadline) for c in claim.args)
    if isinstance(claim, sp.And):
        return all(_holds(c, refined, deadline) for c in claim.args)
    if not isinstance(claim, _INEQ):
        return False
    if not all(_defined(c, refined) for c in conditions(claim, real=True)):
        return False
    lhs, rhs = (refined.apply(side) for side in (claim.lhs, claim.rhs))
    rel = {sp.Gt: ">", sp.Ge: ">=", sp.Lt: "<", sp.Le: "<="}[type(claim)]
    try:
        if prove_inequality(rel, lhs, rhs, None, deadline) is not None:
            return True
        peeled = _peel(lhs, rhs, rel)
        return peeled is not None and prove_inequality(
            peeled[2], peeled[0], peeled[1], None, deadline) is not None
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return False


_REVERSED = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


def _peel(lhs: Expr, rhs: Expr, rel: str) -> tuple[Expr, Expr, str] | None:
    """``f(u) rel f(v)`` as ``u rel v`` (reversed for a decreasing f) while f is strictly
    monotone where both sides are defined: exp, log, atan, a positive number's powers and
    odd powers. None when nothing peels."""
    peeled = False
    while True:
        lhs, rhs = (sp.exp(e.exp) if isinstance(e, sp.Pow) and e.base is sp.E else e
                    for e in (lhs, rhs))
        if isinstance(lhs, sp.exp) and isinstance(rhs, sp.exp) or \
                isinstance(lhs, sp.log) and isinstance(rhs, sp.log) and len(lhs.args) == 1 \
                and len(rhs.args) == 1 or isinstance(lhs, sp.atan) and isinstance(rhs, sp.atan):
            lhs, rhs = lhs.args[0], rhs.args[0]
        elif isinstance(lhs, sp.Pow) and isinstance(rhs, sp.Pow) and lhs.base == rhs.base \
                and lhs.base.is_number and lhs.base.is_positive and lhs.base != 1:
            if lhs.base < 1:
                rel = _REVERSED[rel]
            lhs, rhs = lhs.exp, rhs.exp
        elif isinstance(lhs, sp.Pow) and isinstance(rhs, sp.Pow) and lhs.exp == rhs.exp \
                and lhs.exp.is_Integer and lhs.exp.is_odd and lhs.exp > 0:
            lhs, rhs = lhs.base, rhs.base
        else:
            return (lhs, rhs, rel) if peeled else None
        peeled = True


def _defined(cond: Condition, refined: Reparam | None) -> bool:
    expr = sp.factor(refined.apply(cond.expr) if refined is not None else cond.expr)
    return bool(expr.is_nonzero if cond.kind == "ne" else expr.is_nonnegative)


def _contrapositive(premise: Basic, claim: Basic, setting: tuple[Basic, ...],
                    symbols: Sequence[Symbol]) -> tuple[Basic, Basic] | None:
    """(not claim, not premise) for two single inequalities defined throughout the setting."""
    if not (isinstance(premise, _INEQ) and isinstance(claim, _INEQ)):
        return None
    refined = reparametrize(bounds_of(setting), symbols)
    for stmt in (premise, claim):
        for cond in conditions(stmt, real=True):
            if not _defined(cond, refined):
                return None
    return _FLIP[type(claim)](claim.lhs, claim.rhs), _FLIP[type(premise)](premise.lhs, premise.rhs)
