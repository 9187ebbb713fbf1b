"""Points of one line of a statement step where a denominator of the other line vanishes.

``a x + b y = e and c x + d y = f <=> x = (e d - b f)/(a d - b c) and ...`` fails only where
``a d - b c = 0`` and the system stays consistent: a set of codimension 2 that random and
boundary samples miss, the more so when a coefficient is a constant (e is Euler's number, so
the consistent right sides are irrational). This module parametrizes that set: the premise's
equations together with ``D = 0`` are solved one at a time for a letter they hold linearly
(``a = b c / d``, then ``b = ...``), the letters left over take small values, and the
back-substituted points are exact (constants such as e stay symbolic). The caller confirms
every point exactly, as any other witness.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Sequence

import sympy as sp
from sympy import Basic, Expr, Symbol

from .numeric import Point

#: Small values for the letters the elimination leaves free, simplest first.
_VALUES = tuple(sp.Integer(v) for v in (0, 1, -1, 2))
_MAX_EQUATIONS = 5
_MAX_SYMBOLS = 12
_MAX_DENOMINATORS = 4
_PER_DENOMINATOR = 12
_ASSIGNMENTS = 60


def degenerate_points(
    relation: str, lhs: Basic, rhs: Basic, symbols: Sequence[Symbol], deadline: float,
) -> list[Point]:
    """Points (every symbol) that satisfy the equations of a premise line (``==>``: the
    left, ``<==``: the right, ``<=>``: either) and make a denominator of the other line
    zero, so the other line is undefined there. Empty when none is found cheaply."""
    symbols = list(symbols)
    if not symbols or len(symbols) > _MAX_SYMBOLS:
        return []
    pairs = {"==>": ((lhs, rhs),), "<==": ((rhs, lhs),),
             "<=>": ((lhs, rhs), (rhs, lhs))}.get(relation, ())
    out: list[Point] = []
    for premise, claim in pairs:
        equations = _premise_equations(premise, symbols)
        if equations is None:
            continue
        for denominator in _denominators(claim, symbols)[:_MAX_DENOMINATORS]:
            if time.monotonic() > deadline:
                return out
            found = _points_on(equations + [denominator], symbols, deadline)
            out.extend(p for p in found if p not in out)
    return out


def _premise_equations(stmt: Basic, symbols: list[Symbol]) -> list[Expr] | None:
    """The numerators of the equations of an ``and`` of relations (polynomials in the
    symbols, constant coefficients allowed), or None when there is no equation."""
    out: list[Expr] = []
    for part in sp.And.make_args(stmt):
        if not isinstance(part, sp.Eq):
            continue
        num = _polynomial_numerator(part.lhs - part.rhs, symbols)
        if num is None:
            return None
        if num != 0:
            out.append(num)
    return out if 0 < len(out) < _MAX_EQUATIONS else None


def _denominators(stmt: Basic, symbols: list[Symbol]) -> list[Expr]:
    """Irreducible polynomial factors of the denominators in a line's relations."""
    out: list[Expr] = []
    for rel in stmt.atoms(sp.Eq, sp.Ne, sp.Lt, sp.Le, sp.Gt, sp.Ge):
        for side in (rel.lhs, rel.rhs):
            if not isinstance(side, Expr):
                continue
            denom = sp.denom(sp.together(side))
            if not denom.free_symbols & set(symbols) or not denom.is_polynomial(*symbols):
                continue
            try:
                _, factors = sp.factor_list(sp.expand(denom), *symbols)
            except (sp.PolynomialError, NotImplementedError):
                continue
            for factor, _power in factors:
                factor = sp.expand(factor)
                if factor.free_symbols & set(symbols) and factor not in out:
                    out.append(factor)
    return out


def _polynomial_numerator(expr: Expr, symbols: list[Symbol]) -> Expr | None:
    num = sp.expand(sp.numer(sp.together(expr)))
    if not isinstance(num, Expr) or num.free_symbols - set(symbols) \
            or not num.is_polynomial(*symbols):
        return None
    return num


def _points_on(system: list[Expr], symbols: list[Symbol], deadline: float) -> list[Point]:
    """Exact points of ``p = 0`` for every p in ``system``: each equation in turn is solved
    for a letter it holds linearly (the earlier solutions substituted), the rest are free."""
    solved: list[tuple[Symbol, Expr]] = []  # letter = value in later letters and free ones
    rest = list(system)
    for _ in range(len(system)):
        if not rest:
            break
        step = _solve_one(rest, [s for s in symbols if s not in dict(solved)])
        if step is None:
            return []
        var, value, index = step
        solved.append((var, value))
        rest = [r for i, r in enumerate(rest) if i != index]
        rest = [n for n in (_polynomial_numerator(r.xreplace({var: value}), symbols)
                            for r in rest) if n != 0]
        if any(n is None or n.is_number for n in rest):
            return []  # not polynomial, or inconsistent (a nonzero constant)
    if rest:
        return []
    free = [s for s in symbols if s not in dict(solved)]
    out: list[Point] = []
    for combo in _assignments(len(free))[:_ASSIGNMENTS]:
        if time.monotonic() > deadline or len(out) >= _PER_DENOMINATOR:
            break
        point = _back_substitute(dict(zip(free, combo, strict=True)), solved)
        if point is not None and point not in out:
            out.append({s: point[s] for s in symbols})
    return out


def _solve_one(rest: list[Expr], open_letters: list[Symbol]
               ) -> tuple[Symbol, Expr, int] | None:
    """A letter some equation holds linearly, its value, and the equation's index: the
    letter with the simplest coefficient first (a number before a product of letters)."""
    best: tuple[int, Symbol, Expr, int] | None = None
    for index, eq in enumerate(rest):
        for var in open_letters:
            if var not in eq.free_symbols:
                continue
            poly = sp.Poly(eq, var)
            if poly.degree() != 1:
                continue
            lead, const = poly.all_coeffs()
            cost = len(lead.free_symbols) * 10 + sp.count_ops(lead)
            if best is None or cost < best[0]:
                best = (cost, var, sp.cancel(-const / lead), index)
    return None if best is None else best[1:]


def _assignments(n: int) -> list[tuple[Expr, ...]]:
    """Tuples of small values, those with more zeros and smaller values first."""
    combos = itertools.islice(itertools.product(_VALUES, repeat=n), 4096)
    return sorted(combos, key=lambda c: sum(abs(int(v)) for v in c))


def _back_substitute(fixed: dict[Symbol, Expr], solved: list[tuple[Symbol, Expr]]
                     ) -> Point | None:
    """The solved letters' values, last solved first; None where a value is undefined."""
    point: dict[Symbol, Expr] = dict(fixed)
    for var, value in reversed(solved):
        num, den = sp.fraction(sp.together(value))
        den = sp.expand(den.xreplace(point))
        if den.is_zero is not False:
            return None
        point[var] = sp.radsimp(sp.expand(num.xreplace(point)) / den)
    return point
