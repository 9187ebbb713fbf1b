"""Points on and beside the boundaries of a step, for a last search before ``likely``.

Random and simple sample points miss a step that fails only on a thin set: a parameter at
the closed end of its assumed bound (``a = 1`` under ``a >= 1``), where a coefficient
vanishes (``a = sqrt(2)`` for ``e^((a^2 - 2) x)``), a variable between two roots that depend
on a parameter (``1 < x < a``), or an integer variable past the first few values. This
module proposes such points; the caller evaluates them exactly, as every other point.

Parameters take the exact ends of their one-variable assumptions, the real roots of the
coefficients of the step's polynomials, and values beside both; for each choice, one
variable is solved from the step's polynomials (exact real roots) and takes the roots,
points between consecutive roots and points beyond them.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Sequence

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.core.relational import Relational

from .numeric import Point
from .roots import exact_real_roots

#: Values of an integer variable past those the ordinary sample reaches.
LARGE_INTEGERS = tuple(sp.Integer(n) for n in range(9, 21))
#: Offsets beside an exact end or root.
_BESIDE = (sp.Rational(1, 2), sp.Rational(-1, 2), sp.Rational(1, 10), sp.Rational(-1, 10))
#: Plain parameter values, used when nothing better is known (filtered by the setting).
_PLAIN = tuple(sp.Rational(v) for v in ("1/2", "3/2", "-1/2", "2", "-1", "3", "0", "1"))
#: How far beside an irrational end or root (the simplest rational within each).
_WIDTHS = (sp.Rational(1, 2), sp.Rational(1, 50))
_MAX_DEGREE = 4
_PER_PARAMETER = 10
_COMBOS = 40


def boundary_points(
    statements: Sequence[Basic], conditions: Sequence[Basic], symbols: Sequence[Symbol],
    integer: Iterable[Symbol], limit: int, deadline: float,
    admit: Callable[[Point], bool] = lambda point: True,
) -> list[Point]:
    """Up to ``limit`` full points (every symbol) near the boundaries of ``statements``
    (relations, or expressions whose zeros matter) under ``conditions``, each accepted by
    ``admit`` (the setting). Every parameter choice first gets its most telling value of
    the solved variable (between two roots), then the next, and so on."""
    symbols = list(symbols)
    if not symbols:
        return []
    ints = set(integer)
    parts = _boundary_expressions([*statements, *conditions], symbols)
    values: dict[Symbol, list[Expr]] = {}
    for s in symbols:  # resultants and roots: the setup itself may take time
        if time.monotonic() > deadline:
            return []
        values[s] = _parameter_values(s, parts, conditions, s in ints)
    out: list[Point] = []
    seen: set[tuple[Expr, ...]] = set()

    def push(point: Point) -> bool:
        key = tuple(point[s] for s in symbols)
        if key not in seen:
            seen.add(key)
            if admit(point):
                out.append(point)
        return len(out) >= limit or time.monotonic() > deadline

    # Solve first for the variables the assumptions leave free (x, not the parameter a),
    # each with its share of the points.
    constrained = {v for c in conditions for v in c.free_symbols}
    solvable = sorted((s for s in symbols if s not in ints), key=lambda s: s in constrained)
    share = max(1, limit // max(1, len(solvable)))
    for main in solvable or [None]:
        others = [s for s in symbols if s != main]
        stop = min(limit, len(out) + share)
        rows: list[tuple[Point, list[Expr]]] = []
        for combo in itertools.islice(itertools.product(*(values[s] for s in others)), _COMBOS):
            if time.monotonic() > deadline:
                return out
            fixed = dict(zip(others, combo, strict=True))
            if main is None:
                if push(fixed):
                    return out
                continue
            if all(admit_part(fixed, c) for c in conditions if c.free_symbols <= set(fixed)):
                rows.append((fixed, _variable_values(main, parts, fixed)))
        for rank in range(max((len(r) for _, r in rows), default=0)):
            for fixed, row in rows:
                if rank < len(row) and push({**fixed, main: row[rank]}):
                    return out
                if len(out) >= stop:
                    break
            if len(out) >= stop:
                break
    return out


def admit_part(point: Point, condition: Basic) -> bool:
    """False only when ``condition`` (in the point's symbols alone) is exactly false there."""
    try:
        value = condition.xreplace(point)
    except (TypeError, ValueError):
        return True
    return value is not sp.false


def _boundary_expressions(items: Sequence[Basic], symbols: Sequence[Symbol]) -> list[Expr]:
    """Polynomial factors whose sign changes matter: each relation's difference, and the
    arguments of functions and powers inside (``(a^2 - 2) x`` in ``e^((a^2 - 2) x)``)."""
    found: list[Expr] = []
    wanted = set(symbols)
    for item in items:
        exprs: list[Basic] = [r.lhs - r.rhs for r in item.atoms(Relational)] \
            if not isinstance(item, Expr) else [item]
        for rel in item.atoms(Relational):
            exprs += [rel.lhs, rel.rhs]
        for expr in exprs:
            if not isinstance(expr, Expr):
                continue
            for sub in sp.preorder_traversal(expr):
                if isinstance(sub, sp.Function) or isinstance(sub, sp.Pow):
                    exprs.extend(a for a in sub.args if isinstance(a, Expr) and a.free_symbols)
        for expr in exprs:
            if not isinstance(expr, Expr) or not expr.free_symbols & wanted:
                continue
            num = sp.numer(sp.together(expr))
            for factor in sp.Mul.make_args(sp.factor_terms(num)):
                base = factor.base if isinstance(factor, sp.Pow) and factor.exp.is_Integer \
                    else factor
                if base.free_symbols & wanted and base.is_polynomial(*wanted) and \
                        base not in found:
                    found.append(base)
    return found


def _parameter_values(
    s: Symbol, parts: Sequence[Expr], conditions: Sequence[Basic], integer: bool,
) -> list[Expr]:
    """Values for ``s`` held fixed: ends of its bounds and roots of coefficients (with
    values beside them), then plain values."""
    ends: list[Expr] = []
    for cond in conditions:
        for rel in cond.atoms(Relational):
            diff = rel.lhs - rel.rhs
            if diff.free_symbols == {s}:
                ends += _roots(diff, s)
    for part in parts:
        if part.free_symbols == {s}:
            ends += _roots(part, s)
            continue
        for other in part.free_symbols - {s}:
            if not isinstance(other, Symbol):
                continue
            try:
                coeffs = sp.Poly(part, other).all_coeffs()
            except sp.PolynomialError:  # also 2**n with n a generator
                continue
            for c in coeffs:
                if c.free_symbols == {s}:
                    ends += _roots(c, s)
    ends += _crossings(s, parts)
    if integer:
        found = [e for e in ends if e.is_integer] + [e + 1 for e in ends if e.is_integer]
        return _unique([*found, *LARGE_INTEGERS])[:_PER_PARAMETER + len(LARGE_INTEGERS)]
    ordered = sorted(_unique(ends), key=lambda e: float(e))
    inner = [_between(lo, hi) for lo, hi in itertools.pairwise(ordered) if bool(lo < hi)]
    beside = [e + d for e in ordered for d in _BESIDE if e.is_Rational]
    beside += [_rational_near(e, d, w) for e in ordered if not e.is_Rational for d in (1, -1)
               for w in _WIDTHS]
    return _unique([*ordered, *inner, *beside, *_PLAIN])[:_PER_PARAMETER + 3 * len(ordered)]


def _crossings(s: Symbol, parts: Sequence[Expr]) -> list[Expr]:
    """Values of ``s`` where two of the step's polynomials share a root in another variable,
    or one has a double root (``a = sqrt(2)`` for ``x - a^2`` and ``x - 2``)."""
    found: list[Expr] = []
    for x in {v for p in parts for v in p.free_symbols} - {s}:
        if not isinstance(x, Symbol):
            continue
        polys = []
        for part in parts:
            if x in part.free_symbols and part.free_symbols <= {x, s}:
                try:
                    polys.append(sp.Poly(part, x))
                except sp.PolynomialError:  # also 2**n with n a generator
                    continue
        polys = [p for p in polys if 1 <= p.degree() <= _MAX_DEGREE][:6]
        for i, p in enumerate(polys):
            pairs = [sp.discriminant(p)] if p.degree() >= 2 else []
            pairs += [sp.resultant(p, q) for q in polys[i + 1:]]
            for r in pairs:
                r = sp.expand(r)
                if r.free_symbols == {s}:
                    found += _roots(r, s)
    return found


def _variable_values(x: Symbol, parts: Sequence[Expr], fixed: Point) -> list[Expr]:
    """Values of ``x`` around the real roots of the step's polynomials at ``fixed``."""
    roots: list[Expr] = []
    for part in parts:
        if x not in part.free_symbols:
            continue
        here = part.xreplace(fixed)
        if here.free_symbols == {x}:
            roots += _roots(here, x)
    ordered = sorted(_unique(roots), key=lambda r: float(r))
    if not ordered:
        return list(_PLAIN[:4])
    out = [_between(lo, hi) for lo, hi in itertools.pairwise(ordered) if bool(lo < hi)]
    out += ordered
    out += [_rational_near(ordered[-1], 1, sp.Integer(1)),
            _rational_near(ordered[0], -1, sp.Integer(1))]
    out += [_rational_near(r, d, w) for w in _WIDTHS for r in ordered for d in (1, -1)]
    return _unique(out)


def _roots(expr: Expr, s: Symbol) -> list[Expr]:
    """Exact real roots of a polynomial in ``s`` of low degree (none when it is costly)."""
    fast = exact_real_roots(expr, s, _MAX_DEGREE)  # rational coefficients: FLINT
    if fast is not None:
        return fast
    try:
        poly = sp.Poly(expr, s)
    except sp.PolynomialError:  # also 2**n with n a generator
        return []
    if poly.degree() < 1 or poly.degree() > _MAX_DEGREE:
        return []
    if not all(c.is_number for c in poly.all_coeffs()):
        return []
    try:
        if poly.domain.is_QQ or poly.domain.is_ZZ:
            found = sp.real_roots(poly)
        elif poly.degree() <= 2:
            found = [r for r in sp.roots(poly) if r.is_real]
        else:
            return []
    except (NotImplementedError, sp.PolynomialError):
        return []
    return [r for r in found if not isinstance(r, sp.CRootOf)]


def _between(lo: Expr, hi: Expr) -> Expr:
    """A simple rational strictly between ``lo < hi`` (the exact midpoint if none is near)."""
    flo, fhi = float(lo), float(hi)
    for q in (1, 2, 4, 8, 16, 64, 256, 1024):
        k = int(sp.floor(flo * q)) + 1
        candidate = sp.Rational(k, q)
        if float(candidate) < fhi and bool(candidate > lo) and bool(candidate < hi):
            return candidate
    return (lo + hi) / 2


def _rational_near(value: Expr, direction: int, width: Expr) -> Expr:
    """A rational a little above (``direction`` 1) or below ``value``: ``value ± width``
    for a rational value, the simplest rational on that side within ``width`` otherwise."""
    if value.is_Rational:
        return value + direction * width
    if direction > 0:
        return _between(value, value + width)
    return _between(value - width, value)


def _unique(values: Iterable[Expr]) -> list[Expr]:
    out: list[Expr] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out
