"""Parametric steps: ``a x = b <=> x = b/a`` under ``assume a != 0``, and
``a x > 2a <=> x > 2`` under ``assume a > 0``; ``a^x > a^2 <=> x > 2`` under ``a > 1``
(monotone in x for every parameter value); ``x^2 < a <=> -sqrt(a) < x < sqrt(a)`` under
``a > 0`` (solution sets in x with the parameters as signed variables).

Each line is one equation linear in an unknown x, whose x-coefficient and every denominator
are nonzero for all parameters in the setting (a declared ``u != 0`` or a symbol assumption):
then each line has exactly one solution, and the lines agree when those solutions are the same
expression in the parameters. Likewise each line may be one inequality linear in x whose
x-coefficient and denominator have a sign fixed by the assumptions: its solutions are one ray
``x > r`` (``>=``, ``<``, ``<=``), and the lines agree when their rays are the same.
"""

from __future__ import annotations

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.polys.polyerrors import BasePolynomialError

from .domain import Condition, conditions
from .orders import Reparam, bounds_of, reparametrize
from .prove import ProofFound, assumption_interval
from .witness import Problem


def prove_parametric(problem: Problem) -> ProofFound | None:
    """Prove a step between two equations linear in one unknown with nonzero coefficient,
    two linear inequalities, or two polynomial equations (or ``or``s) with the same roots."""
    try:
        return _prove(problem) or _prove_monotone(problem) or _prove_by_sets(problem)
    except _ALGEBRA_ERRORS:
        return None


_ALGEBRA_ERRORS = (BasePolynomialError, TypeError, ValueError, NotImplementedError,
                   ZeroDivisionError, RecursionError, AttributeError)


def _prove(problem: Problem) -> ProofFound | None:
    first, second = problem.lhs, problem.rhs
    if len(problem.symbols) < 2:
        return None
    if isinstance(first, _ORDERS) and isinstance(second, _ORDERS) and problem.real:
        for x in problem.symbols:
            one_ray, two_ray = _ray(first, x), _ray(second, x)
            if one_ray is not None and two_ray is not None and one_ray[:2] == two_ray[:2] \
                    and sp.cancel(one_ray[2] - two_ray[2]) == 0:
                return ProofFound(f"linear in {x}")
        return None
    nonzero = _declared_nonzero(problem.conditions)
    if isinstance(first, sp.Eq) and isinstance(second, sp.Eq):
        for x in problem.symbols:
            one = _root(first, x, nonzero, problem.real)
            two = _root(second, x, nonzero, problem.real)
            if one is not None and two is not None and sp.cancel(one - two) == 0:
                return ProofFound(f"linear in {x}")
    if problem.real:
        for x in problem.symbols:
            ones = _root_set(first, x, nonzero)
            twos = _root_set(second, x, nonzero) if ones is not None else None
            if ones is not None and twos is not None and _same_set(ones, twos):
                return ProofFound(f"roots in {x}")
    return None


#: Most roots compared, and most equations in one ``or``.
_MAX_ROOTS = 6


def _root_set(stmt: Basic, x: Symbol, nonzero: set[Expr]) -> list[Expr] | None:
    """The real roots in x of a polynomial equation (or an ``or`` of them) with a leading
    coefficient nonzero for every parameter value and no domain condition, each root real
    for every parameter value; None when that is not clear."""
    eqs = stmt.args if isinstance(stmt, sp.Or) else (stmt,)
    if len(eqs) > _MAX_ROOTS or not all(isinstance(eq, sp.Eq) for eq in eqs):
        return None
    roots: list[Expr] = []
    for eq in eqs:
        if not all(_always(c, x, nonzero) for c in conditions(eq, real=True)):
            return None
        try:
            poly = sp.Poly(sp.expand(eq.lhs - eq.rhs), x)
        except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
            return None
        if not 1 <= poly.degree() <= 2 or not _is_nonzero(poly.LC(), nonzero):
            return None
        found = sp.solveset(poly.as_expr(), x, sp.S.Reals)
        if not isinstance(found, sp.FiniteSet) or any(
            r.has(x) or r.is_real is not True for r in found.args
        ):
            return None
        roots.extend(found.args)
    return roots if len(roots) <= _MAX_ROOTS else None


def _always(cond: Condition, x: Symbol, nonzero: set[Expr]) -> bool:
    """A domain condition free of x that holds for every parameter value in the setting."""
    if cond.expr.has(x):
        return False
    if cond.kind == "ge":
        return bool(cond.expr.is_nonnegative)
    return bool(cond.expr.is_nonzero) or _is_nonzero(cond.expr, nonzero)


def _same_set(ones: list[Expr], twos: list[Expr]) -> bool:
    def inside(value: Expr, values: list[Expr]) -> bool:
        return any(sp.simplify(value - other) == 0 for other in values)

    return all(inside(r, twos) for r in ones) and all(inside(r, ones) for r in twos)


def _declared_nonzero(conds: tuple[Basic, ...]) -> set[Expr]:
    out: set[Expr] = set()
    for cond in conds:
        if isinstance(cond, sp.Ne):
            diff = sp.expand(cond.lhs - cond.rhs)
            out |= {diff, sp.expand(-diff)}
        elif isinstance(cond, (sp.Gt, sp.Lt)):
            diff = sp.expand(cond.lhs - cond.rhs)
            out |= {diff, sp.expand(-diff)}
    return out


def _is_nonzero(expr: Expr, nonzero: set[Expr]) -> bool:
    """Provably nonzero for every parameter value in the setting (factor by factor)."""
    _, factors = sp.factor_list(expr)
    coeff = sp.factor_list(expr)[0]
    if coeff == 0:
        return False
    for base, _ in factors:
        if not (base.is_nonzero or sp.expand(base) in nonzero):
            return False
    return True


def _root(eq: sp.Eq, x: Symbol, nonzero: set[Expr], real: bool) -> Expr | None:
    """The one solution of ``eq`` in x, for every parameter value, or None."""
    if any(c.kind != "ne" or not _is_nonzero(c.expr, nonzero)
           for c in conditions(eq, real=real)):
        return None
    parts = _linear_parts(eq, x)
    if parts is None:
        return None
    c1, c0, den = parts
    if not _is_nonzero(den, nonzero) or not _is_nonzero(c1, nonzero):
        return None
    return sp.cancel(-c0 / c1)


def _linear_parts(rel: Basic, x: Symbol) -> tuple[Expr, Expr, Expr] | None:
    """``(c1, c0, den)`` with ``lhs - rhs = (c1 x + c0)/den`` and ``den`` free of x, when
    the relation is linear in x; else None."""
    try:
        num, den = sp.fraction(sp.together(rel.lhs - rel.rhs))
        if den.has(x):
            return None
        poly = sp.Poly(sp.expand(num), x)
    except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
        return None
    if poly.degree() != 1:
        return None
    c1, c0 = poly.all_coeffs()
    return c1, c0, den


_ORDERS = (sp.Lt, sp.Le, sp.Gt, sp.Ge)


def _sign(expr: Expr) -> int | None:
    """1 or -1 when ``expr`` has that sign for every parameter value (factor by factor)."""
    coeff, factors = sp.factor_list(expr)
    if coeff == 0 or not coeff.is_number:
        return None
    sign = 1 if coeff > 0 else -1
    for base, power in factors:
        if power % 2 == 0 and base.is_nonzero:
            continue
        if base.is_positive:
            continue
        if base.is_negative:
            sign = -sign if power % 2 else sign
            continue
        return None
    return sign


def _ray(rel: Basic, x: Symbol) -> tuple[bool, bool, Expr] | None:
    """(x above the end, strict, end) when ``rel`` is linear in x with a coefficient and a
    denominator of fixed sign and no domain condition; else None."""
    if not isinstance(rel, _ORDERS) or any(c.kind != "ne" or not _sign(c.expr)
                                           for c in conditions(rel, real=True)):
        return None
    parts = _linear_parts(rel, x)
    if parts is None:
        return None
    c1, c0, den = parts
    sign_c1, sign_den = _sign(c1), _sign(den)
    if sign_c1 is None or sign_den is None:
        return None
    # lhs - rhs = (c1 x + c0)/den: above or below zero as x is above or below -c0/c1
    above = isinstance(rel, (sp.Gt, sp.Ge)) == (sign_c1 * sign_den > 0)
    return above, isinstance(rel, (sp.Gt, sp.Lt)), sp.cancel(-c0 / c1)


# --- monotone steps with parameters ------------------------------------------------------
#
# ``a^x > a^2`` under ``a > 1`` is ``x > 2`` for every parameter value: a power of a base
# whose sign and side of 1 the setting fixes is peeled off (reversing the order when the base
# is below 1), and a factor free of x whose sign the setting fixes (nonzero, for an equation)
# is divided out (``log(x, a) = log(x)/log(a)``). When both lines reduce to statements in x
# alone, their solution sets (inside each original line's natural domain) are compared
# exactly.

_FLIP = {sp.Gt: sp.Lt, sp.Ge: sp.Le, sp.Lt: sp.Gt, sp.Le: sp.Ge, sp.Eq: sp.Eq}
_STEPS = 6


def _prove_monotone(problem: Problem) -> ProofFound | None:
    from .equations import solution_set

    first, second = problem.lhs, problem.rhs
    if not problem.real or len(problem.symbols) < 2:
        return None
    if not all(_relations_only(s) for s in (first, second)):
        return None
    signs = _SettingSigns(problem)
    for x in problem.symbols:
        lines = []
        for stmt in (first, second):
            reduced = _reduce(stmt, x, signs)
            domain = _x_domain(stmt, x, signs) if reduced is not None else None
            if reduced is None or domain is None or reduced.free_symbols - {x}:
                break
            lines.append(sp.And(reduced, *domain))
        if len(lines) != 2:
            continue
        region = assumption_interval(x, problem.conditions)
        one = solution_set(lines[0], x, region, True)
        two = solution_set(lines[1], x, region, True)
        if one is None or two is None:
            continue
        lost, gained = sp.Complement(one, two), sp.Complement(two, one)
        need = {"<=>": (lost, gained), "==>": (lost,), "<==": (gained,)}[problem.relation]
        if all(part is sp.S.EmptySet for part in need):
            params = ", ".join(sorted(str(s) for s in problem.symbols if s != x))
            return ProofFound(f"monotone in {x} (for {params} in the setting)")
    return None


def _relations_only(stmt: Basic) -> bool:
    if isinstance(stmt, (sp.And, sp.Or)):
        return all(_relations_only(a) for a in stmt.args)
    return isinstance(stmt, (*_ORDERS, sp.Eq))


def _reduce(stmt: Basic, x: Symbol, signs: _SettingSigns) -> Basic | None:
    """``stmt`` with the same solutions in x for every parameter value in the setting (where
    ``stmt`` is defined), after peeling bases and dividing out signed factors."""
    if isinstance(stmt, (sp.And, sp.Or)):
        parts = [_reduce(a, x, signs) for a in stmt.args]
        return None if any(p is None for p in parts) else type(stmt)(*parts)
    rel = type(stmt)
    lhs, rhs = (side.replace(lambda e: isinstance(e, sp.log) and len(e.args) == 2,
                             lambda e: sp.log(e.args[0]) / sp.log(e.args[1]))
                for side in (stmt.lhs, stmt.rhs))  # log(x, a) as log(x)/log(a)
    for _ in range(_STEPS):
        peeled = _peel_base(lhs, rhs, x, signs)
        if peeled is not None:
            lhs, rhs, flip = peeled
            rel = _FLIP[rel] if flip else rel
            continue
        scaled = _divide_out(lhs - rhs, x, signs, rel is sp.Eq)
        if scaled is not None:
            rest, flip = scaled
            lhs, rhs = rest, sp.S.Zero
            rel = _FLIP[rel] if flip else rel
            continue
        break
    return rel(lhs, rhs)


def _as_power(e: Expr) -> tuple[Expr, Expr]:
    if isinstance(e, sp.Pow):  # first: an unevaluated Pow(E, u) is also an instance of exp
        return e.base, e.exp
    if isinstance(e, sp.exp):
        return sp.E, e.args[0]
    return e, sp.S.One


def _peel_base(lhs: Expr, rhs: Expr, x: Symbol,
               signs: _SettingSigns) -> tuple[Expr, Expr, bool] | None:
    """``b^u`` against ``b^v`` (or 1) as ``u`` against ``v``: b > 0 and b != 1 throughout
    the setting; the order reverses when b < 1."""
    (b1, u), (b2, v) = _as_power(lhs), _as_power(rhs)
    if rhs == 1 and b1 != 1:
        b2, v = b1, sp.S.Zero
    elif lhs == 1 and b2 != 1:
        b1, u = b2, sp.S.Zero
    if b1 != b2 or b1.has(x) or not (u.has(x) or v.has(x)) or (u == 1 and v == 1):
        return None
    if signs.sign(b1) != 1:
        return None
    side = signs.sign(b1 - 1)
    if side is None or side == 0:
        return None
    return u, v, side < 0


def _divide_out(diff: Expr, x: Symbol, signs: _SettingSigns,
                equation: bool) -> tuple[Expr, bool] | None:
    """``c * rest`` with c free of x and of fixed sign (nonzero for an equation): ``rest``
    and whether the sign is negative; None when there is no such factor."""
    factored = sp.factor_terms(sp.together(diff))
    if not isinstance(factored, sp.Mul):
        return None
    free = [f for f in factored.args if not f.has(x)]
    if not free or len(free) == len(factored.args):
        return None
    c = sp.Mul(*free)
    if c == 1:
        return None
    sign = signs.sign(c)
    if equation and sign is None and _is_nonzero(c, signs.nonzero):
        sign = 1  # an equation only needs c != 0 (a x = a under a != 0)
    if sign is None or sign == 0:
        return None
    rest = sp.Mul(*[f for f in factored.args if f.has(x)])
    return rest, sign < 0 and not equation


def _x_domain(stmt: Basic, x: Symbol, signs: _SettingSigns) -> list[Basic] | None:
    """The natural-domain conditions of ``stmt`` as relations in x alone; None when one of
    them involves a parameter and is not known to hold throughout the setting."""
    out: list[Basic] = []
    for cond in conditions(stmt, real=True):
        if not cond.expr.has(x):
            sign = signs.sign(cond.expr)
            ok = sign is not None and (sign != 0 if cond.kind == "ne" else sign >= 0)
            if not ok:
                return None
            continue
        if cond.expr.free_symbols - {x}:
            return None
        out.append(sp.Ne(cond.expr, 0) if cond.kind == "ne" else sp.Ge(cond.expr, 0))
    return out


class _SettingSigns:
    """Signs that hold at every point of the setting (1, -1, 0 or None when not fixed),
    through its bounds as changes of variables: under ``0 < a < 1``, ``a = t`` shows
    ``a > 0`` and ``a = 1 - s`` shows ``a - 1 < 0``."""

    def __init__(self, problem: Problem) -> None:
        bounds = bounds_of(problem.conditions)
        candidates: list[Reparam | None] = [None]
        for i in range(len(bounds)):
            candidates.append(reparametrize([bounds[i], *bounds[:i], *bounds[i + 1 :]],
                                            problem.symbols))
        self.reparams = [r for r in candidates if r is not None] + [None]
        self.nonzero = _declared_nonzero(problem.conditions)
        self.cache: dict[Expr, int | None] = {}

    def sign(self, expr: Expr) -> int | None:
        if expr not in self.cache:
            self.cache[expr] = self._sign(expr)
        return self.cache[expr]

    def _sign(self, expr: Expr) -> int | None:
        if expr.is_number:
            if expr.is_zero:
                return 0
            return 1 if expr.is_positive else -1 if expr.is_negative else None
        if isinstance(expr, sp.Mul):
            total = 1
            for factor in expr.args:
                sign = self.sign(factor)
                if sign is None:
                    return None
                total *= sign
            return total
        if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
            sign = self.sign(expr.base)
            if sign is None or sign == 0 and expr.exp < 0:
                return None
            return sign ** int(expr.exp) if sign else 0
        if isinstance(expr, sp.exp):
            return 1
        if isinstance(expr, sp.log) and len(expr.args) == 1:
            if self.sign(expr.args[0]) != 1:
                return None
            return self.sign(expr.args[0] - 1)
        for refined in self.reparams:
            value = sp.factor(refined.apply(expr) if refined is not None else expr)
            if value.is_positive:
                return 1
            if value.is_negative:
                return -1
            if value.is_zero:
                return 0
        return None


# --- solution sets with parameters -------------------------------------------------------
#
# ``x^2 < a <=> -sqrt(a) < x < sqrt(a)`` under ``a > 0``: every parameter bounded by the
# setting becomes a signed variable (``a = t``, t > 0), each line's solution set in x is
# computed with the parameters symbolic, and the two sets must come out the same expression
# in the parameters. As a guard against a generic answer that misses a special parameter
# value, each set is also checked against the set solved at a few parameter values.

_SAMPLES = (sp.Rational(1, 3), sp.S.One, sp.Integer(2), sp.Integer(5))


def _prove_by_sets(problem: Problem) -> ProofFound | None:
    from .equations import solution_set

    if not problem.real or not 2 <= len(problem.symbols) <= 3:
        return None
    for x in problem.symbols:
        params = [s for s in problem.symbols if s != x]
        fixed = [c for c in problem.conditions if not c.has(x)]
        refined = reparametrize(bounds_of(fixed), params)
        if refined is None or {s for s, _ in refined.forward} != set(params):
            continue
        region = assumption_interval(x, problem.conditions)
        sets = []
        for stmt in (problem.lhs, problem.rhs):
            found = solution_set(refined.apply(stmt), x, region, True)
            sets.append(None if found is None else _meet(found))
        one, two = sets
        if one is None or two is None or one.has(sp.ConditionSet):
            continue
        if not _no_special_values(problem, x):
            continue
        same = {"<=>": one == two, "==>": sp.Complement(one, two) is sp.S.EmptySet,
                "<==": sp.Complement(two, one) is sp.S.EmptySet}[problem.relation]
        if not same or not _checked(problem, refined, x, region, (one, two)):
            continue
        return ProofFound(f"solution sets in {x} (for {', '.join(map(str, params))} in the "
                          "setting)")
    return None


def _no_special_values(problem: Problem, x: Symbol) -> bool:
    """Every factor free of x in the x-derivative of each relation has a fixed nonzero sign
    in the setting. Where such a factor vanishes (``a^2 - 2`` in ``e^((a^2 - 2) x) = 1``
    under ``1 < a < 2``) the relation no longer depends on x, and the solver's generic
    answer ({0}) is wrong there; irrational parameter values escape the sample check."""
    signs = _SettingSigns(problem)
    for stmt in (problem.lhs, problem.rhs):
        for rel in stmt.atoms(sp.Eq, sp.Ne, *_ORDERS):
            slope = sp.factor_terms(sp.together(sp.diff(rel.lhs - rel.rhs, x)))
            if slope.is_polynomial(*problem.symbols):
                slope = sp.factor(slope)
            factors = slope.args if isinstance(slope, sp.Mul) else (slope,)
            for factor in factors:
                if not factor.has(x) and signs.sign(factor) not in (1, -1):
                    return False
    return True


def _meet(s: sp.Set) -> sp.Set:
    """An intersection of intervals with symbolic ends as one interval, when the ends
    compare for every parameter value (``(-oo, sqrt(t)) ∩ (-sqrt(t), oo)``)."""
    if isinstance(s, sp.Union):
        return sp.Union(*[_meet(a) for a in s.args])
    if not isinstance(s, sp.Intersection) or not all(isinstance(a, sp.Interval) for a in s.args):
        return s
    low, high = s.args[0], s.args[0]
    for iv in s.args[1:]:
        low = _later_start(low, iv)
        high = _earlier_end(high, iv)
        if low is None or high is None:
            return s
    if (high.end - low.start).is_extended_positive is not True:
        return s
    return sp.Interval(low.start, high.end, low.left_open, high.right_open)


def _later_start(a: sp.Interval, b: sp.Interval) -> sp.Interval | None:
    if a.start == b.start:
        return a if a.left_open else b
    gap = b.start - a.start
    return b if gap.is_extended_positive else a if gap.is_extended_negative else None


def _earlier_end(a: sp.Interval, b: sp.Interval) -> sp.Interval | None:
    if a.end == b.end:
        return a if a.right_open else b
    gap = b.end - a.end
    return b if gap.is_extended_negative else a if gap.is_extended_positive else None


def _checked(problem: Problem, refined: Reparam, x: Symbol, region: sp.Set,
             sets: tuple[sp.Set, sp.Set]) -> bool:
    """Each symbolic set agrees with the set solved at sample values of the new variables."""
    from .equations import solution_set

    for value in _SAMPLES:
        at = {f: value for f in refined.fresh}
        for stmt, found in zip((problem.lhs, problem.rhs), sets, strict=True):
            direct = solution_set(refined.apply(stmt).xreplace(at), x, region, True)
            if direct is None:
                return False
            given = found.xreplace(at)
            if not (sp.Complement(direct, given) is sp.S.EmptySet
                    and sp.Complement(given, direct) is sp.S.EmptySet):
                return False
    return True
