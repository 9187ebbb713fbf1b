"""Statement steps (``<=>``, ``==>``, ``<==``): solution sets, normal forms, candidate roots.

A line's solution set is taken inside the chain's domain D and the line's own natural domain.
Proofs: the two lines are the same relation up to a constant factor (with the same domain),
or their univariate solution sets, computed by ``solveset``, compare exactly. The roots found
here also feed the witness search, which confirms any lost or gained root exactly.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from itertools import combinations

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.core.evalf import PrecisionExhausted
from sympy.core.relational import Relational
from sympy.functions.elementary.trigonometric import TrigonometricFunction

from .complexmode import periodic_roots
from .domain import conditions
from .guarded import guarded
from .numeric import Point
from .prove import ProofFound, assumption_interval, trig_polynomial_zero
from .systems import _solve
from .witness import _member

_NORMAL = {sp.Gt: ">", sp.Ge: ">=", sp.Lt: ">", sp.Le: ">=", sp.Eq: "=", sp.Ne: "!="}


def _normal(rel: Relational) -> tuple[str, Expr] | None:
    """``expr op 0`` with op in = != > >= (sides moved, direction fixed)."""
    op = _NORMAL.get(type(rel))
    if op is None:
        return None
    if isinstance(rel, (sp.Lt, sp.Le)):
        return op, rel.rhs - rel.lhs
    return op, rel.lhs - rel.rhs


def _domain_key(stmt: Basic, real: bool) -> frozenset[tuple[str, Expr]]:
    return frozenset((c.kind, c.expr) for c in conditions(stmt, real=real))


def same_up_to_factor(first: Basic, second: Basic, real: bool) -> ProofFound | None:
    """Both lines are one relation whose normal forms differ by a constant factor."""
    if not (isinstance(first, Relational) and isinstance(second, Relational)):
        return None
    a, b = _normal(first), _normal(second)
    if a is None or b is None or a[0] != b[0]:
        return None
    try:
        ratio = sp.cancel(sp.together(a[1]) / sp.together(b[1]))
        if not ratio.is_number and (a[1].has(TrigonometricFunction)
                                    or b[1].has(TrigonometricFunction)):
            # cos 2x = cos x <=> 2cos^2 x - cos x - 1 = 0: multiple angles written out
            ratio = _trig_multiple(a[1], b[1])
    except (sp.PolynomialError, TypeError, ValueError, ZeroDivisionError, NotImplementedError):
        return None
    if ratio is None:
        return None
    if not ratio.is_number or ratio == 0 or ratio.has(sp.nan, sp.zoo):
        return None
    if a[0] in (">", ">=") and not ratio.is_positive:
        return None
    if _domain_key(first, real) != _domain_key(second, real):
        return None
    return ProofFound("normal-form")


#: Angles at which sines and cosines of small multiples have plain exact values.
_ANGLES = (sp.S.Zero, sp.pi / 2, sp.pi, sp.pi / 3, sp.pi / 4, sp.pi / 6)


#: The largest multiple of an angle and power of a sine written out by _trig_multiple
#: (cos 1000x is a polynomial of degree 1000 in cos x: 30 s; sin(10^6 x) never ended).
_MULTIPLE, _POWER = 12, 24


def _small_trig(expr: Expr) -> bool:
    """Are the multiple angles and the powers in ``expr`` small enough to write out?"""
    for fn in expr.atoms(TrigonometricFunction):
        for term in sp.Add.make_args(fn.args[0]):
            coeff = term.as_coeff_Mul()[0]
            if not coeff.is_Rational or abs(coeff.p) > _MULTIPLE or coeff.q > _MULTIPLE:
                return False
    return all(not (p.exp.is_Integer and abs(p.exp) > _POWER) for p in expr.atoms(sp.Pow))


def _trig_multiple(a: Expr, b: Expr) -> Expr | None:
    """The constant c with a = c·b identically, for a and b polynomial in sines and cosines
    (after multiple angles are written out); None when there is none or it is not found.
    c is a's value over b's at a point where b is exactly nonzero, and a·b(p) - b·a(p) must
    then vanish as a trigonometric polynomial (a proof, not a sample)."""
    free = sorted(a.free_symbols | b.free_symbols, key=str)
    if not free or len(free) > 2 or not (_small_trig(a) and _small_trig(b)):
        return None
    for shift in range(len(_ANGLES)):
        point = {s: _ANGLES[(shift + 2 * k) % len(_ANGLES)] for k, s in enumerate(free)}
        at_a, at_b = sp.radsimp(a.xreplace(point)), sp.radsimp(b.xreplace(point))
        if at_b.is_zero is not False or at_a.is_zero is not False or at_a.has(sp.zoo, sp.nan):
            continue
        return at_a / at_b if trig_polynomial_zero(a * at_b - b * at_a) else None
    return None


def _as_product(stmt: Basic) -> Basic:
    """``a = b or c = d`` as ``(a - b)(c - d) = 0`` (same solutions where all are defined)."""
    if isinstance(stmt, sp.Or) and all(isinstance(a, sp.Eq) for a in stmt.args):
        return sp.Eq(sp.Mul(*[a.lhs - a.rhs for a in stmt.args]), 0)
    return stmt


def same_polynomial(first: Basic, second: Basic, real: bool) -> ProofFound | None:
    """Equations with proportional numerators whose extra exclusions solve neither line."""
    if isinstance(first, sp.And) or isinstance(second, sp.And):
        return _same_conjuncts(first, second, real)
    first, second = _as_product(first), _as_product(second)
    if not (isinstance(first, sp.Eq) and isinstance(second, sp.Eq)):
        return None
    try:
        n1, d1 = sp.fraction(sp.together(first.lhs - first.rhs))
        n2, d2 = sp.fraction(sp.together(second.lhs - second.rhs))
        # sqrt(w)^2 = w: (u - sqrt(w))(u + sqrt(w)) is u^2 - w (over R where w >= 0, below)
        n1, n2 = _radicals_multiplied_out(n1), _radicals_multiplied_out(n2)
        free = sorted((n1.free_symbols | n2.free_symbols), key=str)
        if not free or not all(e.is_polynomial(*free) for e in (n1, d1, n2, d2)):
            return None
        if _vanishes(n1) or _vanishes(n2):
            return None  # an identity (0 = 0, p(x) = its factored form): no zero set to match
        ratio = sp.cancel(n1 / n2)
        if not ratio.is_number or ratio == 0:
            # Same zeros: p = 0 exactly where its square-free part is (a^3 b^3 = 0 <=> a b = 0).
            ratio = sp.cancel(sp.sqf_part(n1, *free) / sp.sqf_part(n2, *free))
            if (not ratio.is_number or ratio == 0) and not (  # one letter: exact sets
                    real and len(free) > 1 and _same_real_zeros(n1, n2, free)):
                return None
        for den, num in ((d1, n1), (d2, n2), (d2, n1), (d1, n2)):
            if den.is_number:
                continue
            basis = sp.groebner([sp.expand(den), sp.expand(num)], *free)
            if list(basis.exprs) != [1]:
                return None
    except (sp.PolynomialError, TypeError, ValueError, NotImplementedError):
        return None
    for line, num in ((first, n1), (second, n2)):
        # over R a radicand w >= 0 cuts nothing when every zero of the line has w >= 0
        if any(c.kind == "ge" and not _nonnegative_on_zeros(c.expr, num, free)
               for c in conditions(line, real=real)):
            return None
    return ProofFound("same-polynomial")


def _same_real_zeros(n1: Expr, n2: Expr, free: Sequence[Symbol]) -> bool:
    """Do the polynomials vanish at the same real points? Their irreducible factors agree
    except quadratic ones whose real zeros (none, or the one point where a positive definite
    form is least) are zeros of the other side: a^3 - b^3 = 0 <=> a = b over R, where
    a^2 + ab + b^2 vanishes only at a = b = 0."""
    try:
        one = {f for f, _ in sp.factor_list(n1, *free)[1]}
        two = {f for f, _ in sp.factor_list(n2, *free)[1]}
    except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
        return False
    for mine, theirs, other in ((one, two, n2), (two, one, n1)):
        for factor in mine:
            if any(sp.cancel(factor / f).is_number for f in theirs):
                continue
            zeros = _quadratic_real_zeros(factor)
            if zeros is None or any(sp.expand(other.xreplace(z)) != 0 for z in zeros):
                return False
    return True


def _quadratic_real_zeros(q: Expr) -> list[dict[Symbol, Expr]] | None:
    """The real zeros of a quadratic polynomial with a positive (or negative) definite
    quadratic part: none, or the single point where it is least; None for any other q."""
    names = sorted(q.free_symbols, key=str)
    if not names or len(names) > _MAX_FORM or sp.Poly(q, *names).total_degree() != 2:
        return None
    hessian = sp.hessian(q, names)
    if hessian.free_symbols:
        return None
    if not hessian.is_positive_definite:
        if not (-hessian).is_positive_definite:
            return None
        q, hessian = -q, -hessian
    gradient = sp.Matrix([sp.diff(q, v) for v in names])
    point = hessian.solve(-gradient.subs({v: 0 for v in names}))
    at = dict(zip(names, point, strict=True))
    least = sp.expand(q.xreplace(at))
    if not least.is_number or least < 0:
        return None
    return [] if least > 0 else [at]


#: Quadratic factors in at most this many letters are checked for their real zeros.
_MAX_FORM = 4


def _nonnegative_on_zeros(g: Expr, num: Expr, free: Sequence[Symbol]) -> bool:
    """Is ``g >= 0`` at every real zero of the polynomial ``num``? Shown by a constant t with
    ``g - t num`` a positive constant times a product of even powers (``q + p^2`` on the
    zeros of ``(x - p)^2 - q - p^2``: t = -1 leaves ``(x - p)^2``)."""
    try:
        pg, pn = sp.Poly(g, *free), sp.Poly(sp.expand(num), *free)
    except (sp.PolynomialError, sp.GeneratorsNeeded, TypeError, ValueError):
        return False
    ratios = {sp.S.Zero} | {coef / pn.coeff_monomial(mono) for mono, coef in pg.terms()
                            if pn.coeff_monomial(mono) != 0}
    for t in sorted(ratios, key=sp.default_sort_key)[:_MAX_RATIOS]:
        rest = sp.expand(g - t * num)
        if rest.is_number:
            if rest >= 0:
                return True
            continue
        constant, factors = sp.factor_list(rest, *free)
        if constant > 0 and all(power % 2 == 0 for _, power in factors):
            return True
    return False


#: Multipliers tried by :func:`_nonnegative_on_zeros`.
_MAX_RATIOS = 12


#: Products larger than this are not multiplied out to clear their radicals.
_MAX_RADICAL_OPS = 400


def _radicals_multiplied_out(num: Expr) -> Expr:
    """``num`` multiplied out when that clears its square roots (an identity over C, where
    the principal root's square is its radicand); else ``num`` as it is."""
    free = num.free_symbols
    if not free or num.is_polynomial(*free) or sp.count_ops(num) > _MAX_RADICAL_OPS or not any(
            isinstance(p, sp.Pow) and p.exp == sp.S.Half for p in num.atoms(sp.Pow)):
        return num
    out = sp.expand(num)
    return out if out.is_polynomial(*free) else num


def _vanishes(poly: Expr) -> bool:
    """Whether a polynomial is identically 0, factor by factor: expanding the whole product
    (x - 2)^43 (3x + 1)^60 took 0.5 s, and a product is 0 only where one of its factors is."""
    for factor in sp.Mul.make_args(poly):
        if factor.is_Pow and factor.exp.is_Integer and factor.exp > 0:
            factor = factor.base
        if sp.expand(factor) == 0:
            return True
    return False


_MAX_CONJUNCTS = 5


def _same_conjuncts(first: Basic, second: Basic, real: bool) -> ProofFound | None:
    """``P and Q <=> P' and Q'`` where each conjunct has the same solution set as one of the
    other line's (each pair by the normal-form or same-polynomial test, which compare sets
    in the whole space, domains included): ``b^2 = 0 and a >= 0 <=> b = 0 and a >= 0``."""
    one, two = sp.And.make_args(first), sp.And.make_args(second)
    if len(one) != len(two) or len(one) > _MAX_CONJUNCTS:
        return None
    unmatched = list(two)
    for part in one:
        for k, other in enumerate(unmatched):
            if part == other or same_up_to_factor(part, other, real) or \
                    same_polynomial(part, other, real):
                del unmatched[k]
                break
        else:
            return None
    return ProofFound("same-conjuncts")


def solution_set(stmt: Basic, x: Symbol, region: sp.Set, real: bool) -> sp.Set | None:
    """The solutions of a univariate statement inside ``region`` and its natural domain
    (of each part of an ``or`` whose parts have domains of their own: :mod:`guarded`)."""
    if isinstance(stmt, (sp.And, sp.Or)) and guarded(stmt, real):
        parts = [solution_set(a, x, region, real) for a in stmt.args]
        if any(p is None for p in parts):
            return None
        return _canonical(sp.Intersection(*parts) if isinstance(stmt, sp.And)
                          else sp.Union(*parts))
    inner = _raw_set(stmt, x, region)
    if inner is None:
        return None
    for cond in conditions(stmt, real=real):
        if cond.kind == "ne":
            zeros = sp.solveset(sp.Eq(cond.expr, 0), x, region)
            inner = sp.Complement(inner, zeros)
        else:
            inner = sp.Intersection(inner, sp.solveset(cond.expr >= 0, x, region))
    if inner.has(sp.ConditionSet, sp.ImageSet):
        return None
    return _canonical(inner)


_MAX_FACTOR = 10**12  # factoring larger integers is not worth the time here


def _log_primes(value: Expr) -> Expr:
    """``log(12)`` as ``2 log(2) + log(3)``: exact for a positive rational argument."""
    arg = value.args[0]
    if not (arg.is_Rational and arg.is_positive):
        return value
    p, q = int(arg.p), int(arg.q)
    if max(p, q) > _MAX_FACTOR:
        return value
    out: Expr = sp.S.Zero
    for n, sign in ((p, 1), (q, -1)):
        for prime, power in sp.factorint(n).items():
            out += sign * power * sp.log(sp.Integer(prime))
    return out


def _canonical_number(value: Basic) -> Basic:
    """One form for an exact constant end point, so that ``-log(4)/log(2)`` and ``-2`` (the
    ends of ``(1/2)^x > 4`` and ``x < -2``) compare equal: logs of rationals over primes,
    one reduced fraction, the logs combined again for display (``log(12)/log(2)``)."""
    if not (isinstance(value, Expr) and value.is_number and value.has(sp.log)):
        return value
    try:
        num, den = sp.fraction(sp.cancel(value.replace(
            lambda e: isinstance(e, sp.log) and len(e.args) == 1, _log_primes)))
        return sp.logcombine(num) / sp.logcombine(den)
    except (sp.PolynomialError, TypeError, ValueError):
        return value


def _canonical(s: sp.Set) -> sp.Set:
    """``s`` with its constant end points and members in :func:`_canonical_number` form."""
    if isinstance(s, sp.Interval):
        return sp.Interval(_canonical_number(s.start), _canonical_number(s.end),
                           s.left_open, s.right_open)
    if isinstance(s, sp.FiniteSet):
        return sp.FiniteSet(*[_canonical_number(v) for v in s.args])
    if isinstance(s, (sp.Union, sp.Intersection, sp.Complement)):
        return type(s)(*[_canonical(a) for a in s.args])
    return s


def combined_set(
    stmt: Basic, region: sp.Set, solve: Callable[[Basic], sp.Set | None]
) -> sp.Set | None:
    """The solution set of an and/or of relations inside ``region``, each relation solved by
    ``solve``; ``None`` as soon as one of them cannot be."""
    if isinstance(stmt, (sp.And, sp.Or)):
        parts = [combined_set(a, region, solve) for a in stmt.args]
        if any(p is None for p in parts):
            return None
        return sp.Intersection(*parts) if isinstance(stmt, sp.And) else sp.Union(*parts)
    if stmt is sp.true:
        return region
    if stmt is sp.false:
        return sp.S.EmptySet
    return solve(stmt)


def _raw_set(stmt: Basic, x: Symbol, region: sp.Set) -> sp.Set | None:
    bounds = _bounds_of(stmt, x)
    if bounds:  # sin x = 1/2, 0 <= x <= 2 pi: solve the rest on [0, 2 pi], not on R
        for bound in bounds:
            region = sp.Intersection(region, sp.solveset(bound, x, region))
        rest = [a for a in stmt.args if a not in bounds]
        return _raw_set(sp.And(*rest), x, region) if rest else region
    return combined_set(stmt, region, lambda relation: _relation_set(relation, x, region))


def _bounds_of(stmt: Basic, x: Symbol) -> list[Basic]:
    """The conjuncts of an ``and`` that bound x by a number (``0 <= x``, ``x < 2 pi``)."""
    if not isinstance(stmt, sp.And):
        return []
    return [a for a in stmt.args if isinstance(a, (sp.Lt, sp.Le, sp.Gt, sp.Ge))
            and x in (a.lhs, a.rhs) and (a.rhs if a.lhs == x else a.lhs).is_number
            and (a.rhs if a.lhs == x else a.lhs).is_real]


def _choose_polynomial(e: Basic) -> bool:
    """``binomial(u, k)`` for a whole number k up to 12: the polynomial u(u-1)...(u-k+1)/k!
    for every u, so ``C(n, 2) = 45`` is solved as n(n - 1)/2 = 45."""
    return isinstance(e, sp.binomial) and e.args[1].is_Integer and 0 <= e.args[1] <= 12


def _relation_set(stmt: Basic, x: Symbol, region: sp.Set) -> sp.Set | None:
    if not isinstance(stmt, Relational):
        return None
    if stmt.has(sp.binomial):
        stmt = stmt.replace(_choose_polynomial, lambda e: sp.expand_func(e))
    if region.is_subset(sp.S.Reals) is True and _non_real_constant(stmt):
        return sp.S.EmptySet  # ln(x) > ln(-2): a side is nowhere defined in the reals
    if region.is_subset(sp.S.Reals) is True and stmt.has(sp.Pow):
        stmt = stmt.replace(_is_square_root, lambda e: _root_of_square(e, x))
    if isinstance(stmt, (sp.Lt, sp.Le, sp.Gt, sp.Ge)) and any(
            x in f.free_symbols for f in stmt.atoms(TrigonometricFunction)):
        # SymPy answers a trigonometric inequality on one period only, whatever the region
        # (sin(x) > 1/2 on [-2 pi, 2 pi] gives (pi/6, 5 pi/6)): signs between exact zeros.
        from .families import signs_on_window

        bounded = isinstance(region, sp.Interval) and region.inf.is_finite \
            and region.sup.is_finite
        return signs_on_window(stmt, x, region) if bounded else None
    if isinstance(stmt, (sp.Lt, sp.Le, sp.Gt, sp.Ge)) and region.is_subset(sp.S.Reals) is True:
        peeled = _monotone_peeled(stmt, x, region)
        if peeled is not None:
            return peeled
    result = solve_on(stmt, x, region) if isinstance(stmt, sp.Eq) else \
        sp.solveset(stmt, x, region)
    if result.has(sp.ConditionSet) and isinstance(stmt, sp.Eq) and stmt.has(sp.log):
        result = _log_combined(stmt, x, region) or result
    if result.has(sp.ConditionSet) and isinstance(stmt, sp.Eq):
        result = _logs_taken(stmt, x, region) or result
    if result.has(sp.ConditionSet, sp.ImageSet):
        return None
    return result


def solve_on(eq: Basic, x: Symbol, region: sp.Set) -> sp.Set:
    """``solveset`` of an equation in x within a real region. SymPy 1.14 drops roots of a
    trigonometric equation solved on an interval (2 sin^2 x - sin x - 1 = 0 on [0, 2 pi)
    gave {pi/2}: 7 pi/6 and 11 pi/6 lost, and a step that dropped them was proved); on R it
    answers the periodic families, which are cut to the region here."""
    if region != sp.S.Reals and region.is_subset(sp.S.Reals) is True and any(
            x in f.free_symbols for f in eq.atoms(TrigonometricFunction)):
        return sp.Intersection(sp.solveset(eq, x, sp.S.Reals), region)
    return sp.solveset(eq, x, region)


def _monotone_peeled(stmt: Relational, x: Symbol, region: sp.Set) -> sp.Set | None:
    """``ln A < ln B`` as ``A < B`` where A > 0 and B > 0, ``ln A <= c`` as ``0 < A <= e^c``,
    ``e^A < e^B`` as ``A < B`` (ln and exp are strictly increasing), solved again (nested
    logs peel one at a time). SymPy's inequality solver asks for the periodicity of
    ``ln(ln|3t - 3|)`` and did not come back in minutes."""
    lhs, rhs = stmt.lhs, stmt.rhs
    positive: list[Expr] = []
    if isinstance(lhs, sp.log) and len(lhs.args) == 1 and (
            isinstance(rhs, sp.log) and len(rhs.args) == 1 or rhs.is_number and rhs.is_real):
        inner = rhs.args[0] if isinstance(rhs, sp.log) else sp.exp(rhs)
        lhs, rhs = lhs.args[0], inner
        positive = [lhs, rhs]
    elif isinstance(rhs, sp.log) and len(rhs.args) == 1 and lhs.is_number and lhs.is_real:
        lhs, rhs = sp.exp(lhs), rhs.args[0]
        positive = [lhs, rhs]
    elif isinstance(lhs, sp.exp) and isinstance(rhs, sp.exp):
        lhs, rhs = lhs.exp, rhs.exp  # E**4 counts as exp too; its args are (E, 4)
    else:
        return None
    relation = type(stmt)(lhs, rhs)
    if relation is sp.true or relation is sp.false:
        out: sp.Set | None = region if relation is sp.true else sp.S.EmptySet
    else:
        out = _relation_set(relation, x, region)
    for side in positive:
        if out is None:
            return None
        out = sp.Intersection(out, sp.solveset(side > 0, x, region) if side.has(x) else
                              region if side.is_positive else sp.S.EmptySet)
    return out


def _non_real_constant(stmt: Basic) -> bool:
    """Does ``stmt`` hold a constant that is not a real number (``ln(-2)``, ``sqrt(-7)``,
    ``1/0``)? Then the relation holds nowhere in real mode; SymPy's solveset would raise
    comparing it (TypeError: Invalid comparison of non-real)."""
    return any(isinstance(node, Expr) and node.is_number and node.is_extended_real is False
               for node in sp.preorder_traversal(stmt))


def _is_square_root(e: Basic) -> bool:
    return isinstance(e, sp.Pow) and e.exp == sp.S.Half and not e.base.is_number


def _root_of_square(e: sp.Pow, x: Symbol) -> Expr:
    """``sqrt((x - 2)^2)`` (written ``sqrt(x^2 - 4x + 4)``) as ``|x - 2|`` for real x: only when
    the radicand is a positive constant times a square, so both are defined everywhere."""
    base = e.base
    if not base.is_polynomial(x) or base.free_symbols != {x}:
        return e
    try:
        root = sp.sqrt(sp.factor(base))
    except (sp.PolynomialError, TypeError, ValueError):
        return e
    if root.has(sp.Pow) and any(_is_square_root(p) for p in root.atoms(sp.Pow)):
        return e
    return root


def _log_combined(stmt: sp.Eq, x: Symbol, region: sp.Set) -> sp.Set | None:
    """``log(x, 3) + log(x - 8, 3) = 2`` as ``log(x(x - 8)/9) = 0``: combining logs is exact
    where every log's argument is positive, and the caller keeps only solutions inside the
    natural domain (real domain only)."""
    if region.is_subset(sp.S.Reals) is not True:
        return None
    num, den = sp.fraction(sp.together(stmt.lhs - stmt.rhs))
    if not den.is_number or den.is_zero is not False:
        return None
    combined = sp.logcombine(sp.expand(num), force=True)
    result = sp.solveset(sp.Eq(combined, 0), x, region)
    if result.has(sp.ConditionSet):
        result = _same_base_logs(num, x, region) or result
    return None if result.has(sp.ConditionSet) else result


def _same_base_logs(num: Expr, x: Symbol, region: sp.Set) -> sp.Set | None:
    """``log_2(x) = log_4(x + 2)``: with the logs of rational numbers over primes the
    numerator ``log(4) log(x) - log(2) log(x + 2)`` is ``log(2) (2 log(x) - log(x + 2))``;
    a nonzero constant factor goes and the rest is combined into one log."""
    primes = sp.factor_terms(sp.expand(num.replace(
        lambda e: isinstance(e, sp.log) and len(e.args) == 1 and e.args[0].is_Rational,
        _log_primes)))
    kept: list[Expr] = []
    for factor in sp.Mul.make_args(primes):
        if x in factor.free_symbols:
            kept.append(factor)
        elif factor.is_zero is not False:
            return None
    if len(kept) != 1:
        return None
    combined = sp.logcombine(sp.expand(kept[0]), force=True)
    result = sp.solveset(sp.Eq(combined, 0), x, region)
    return None if result.has(sp.ConditionSet) else result


def _logs_taken(stmt: sp.Eq, x: Symbol, region: sp.Set) -> sp.Set | None:
    """``x^(ln x) = e^4`` as ``ln(x)^2 = 4``: one side a power ``b^g`` with x in both b and g,
    the other a positive constant. Real b^g needs b > 0 (the caller keeps only solutions
    inside the natural domain), where it is positive and ``log(b^g) = g log(b)`` exactly."""
    if region.is_subset(sp.S.Reals) is not True:
        return None
    for power, other in ((stmt.lhs, stmt.rhs), (stmt.rhs, stmt.lhs)):
        if isinstance(power, sp.Pow) and x in power.base.free_symbols \
                and x in power.exp.free_symbols and isinstance(other, Expr) \
                and other.is_number and other.is_positive:
            taken = sp.Eq(sp.expand(power.exp * sp.log(power.base)),
                          sp.expand_log(sp.log(other), force=True))
            result = sp.solveset(taken, x, region)
            return None if result.has(sp.ConditionSet, sp.ImageSet) else result
    return None


class StatementAnalysis:
    """Solution sets of the two lines of a statement step (univariate), computed once."""

    def __init__(
        self, first: Basic, second: Basic, origin: Basic, symbols: Sequence[Symbol],
        conds: Sequence[Basic], real: bool, deadline: float,
    ) -> None:
        self.first, self.second, self.real = first, second, real
        self.sets: tuple[sp.Set, sp.Set] | None = None
        self.points: list[Point] = []
        self.systems: tuple[list[Point], list[Point]] | None = None
        self.single: tuple[sp.Set | None, sp.Set | None] = (None, None)
        self.symbol: Symbol | None = symbols[0] if len(symbols) == 1 else None
        # Without variables (1 = 2 <=> false) each line is simply true or false.
        self.truths: tuple[bool | None, bool | None] = (
            (_member(first, {}, real), _member(second, {}, real)) if not symbols else (None, None)
        )
        only_equations = all(isinstance(r, (sp.Eq, sp.Ne)) for r in
                             (first.atoms(Relational) | second.atoms(Relational)))
        if len(symbols) == 1 and (real or only_equations) and time.monotonic() < deadline:
            x = symbols[0]
            try:
                region = assumption_interval(x, conds) if real else sp.S.Complexes
                s1 = solution_set(first, x, region, real)
                s2 = solution_set(second, x, region, real)
                self.single = (s1, s2)
                if s1 is not None and s2 is not None:
                    # Each line in its own natural domain (not the first line's): squaring or
                    # combining logs that gains a root outside the first line's domain is a
                    # gained root.
                    self.sets = (s1, s2)
                    self.points = _set_points(x, self.sets, real)
                else:
                    self.points = _atom_points(x, (first, second), region, real)
            except Exception:  # noqa: BLE001 - solveset failures just mean "no sets"
                self.sets = None
        elif len(symbols) > 1 and time.monotonic() < deadline:
            one = _system_points(first, symbols, real)
            two = _system_points(second, symbols, real)
            self.points = (one or []) + (two or [])
            if one is not None and two is not None and not (
                    guarded(first, real) or guarded(second, real)):
                self.systems = (one, two)
            self.points += _curve_points((first, second), symbols, real, deadline)
            self.points += _slice_points((first, second), symbols, real, deadline)

    def prove(self, relation: str) -> ProofFound | None:
        """Compare the solution sets exactly (subset / superset / equality)."""
        one_truth, two_truth = self.truths
        if one_truth is not None and two_truth is not None:
            ok = {"<=>": one_truth == two_truth, "==>": two_truth or not one_truth,
                  "<==": one_truth or not two_truth}[relation]
            return ProofFound("evaluate") if ok else None
        if self.systems is not None:
            one, two = ({tuple(sorted(p.items(), key=str)) for p in side} for side in self.systems)
            ok = {"<=>": one == two, "==>": one <= two, "<==": two <= one}[relation]
            return ProofFound("solve") if ok else None
        if self.sets is None:
            return self._prove_by_members(relation)
        try:
            s1, s2 = self.sets
            if self.symbol is not None and self.symbol.is_integer:
                # n a whole number (a sequence's index): 11 - 3n < 0 <=> n >= 4
                s1, s2 = s1.intersect(sp.S.Integers), s2.intersect(sp.S.Integers)
            lost = sp.Complement(s1, s2)
            gained = sp.Complement(s2, s1)
            need = {"<=>": (lost, gained), "==>": (lost,), "<==": (gained,)}[relation]
            if all(part is sp.S.EmptySet for part in need):
                return ProofFound("solveset")
        except (TypeError, ValueError, NotImplementedError):
            return None
        return self._prove_by_members(relation)


    def undecided(self, relation: str) -> bool:
        """The sets were computed but not shown to compare as the relation claims.

        Exact sets that may differ leave no room for ``likely``: either a confirmed root
        refutes the step or it stays ``unknown``.
        """
        if self.sets is None or self.prove(relation) is not None:
            return False
        return True

    def _prove_by_members(self, relation: str) -> ProofFound | None:
        """A finite solution set whose every member provably solves the other line."""
        x = self.symbol
        if x is None:
            return None
        s1, s2 = self.single
        checks: list[tuple[sp.Set | None, Basic]] = []
        if relation in ("==>", "<=>"):
            checks.append((s1, self.second))
        if relation in ("<==", "<=>"):
            checks.append((s2, self.first))
        for members, other in checks:
            if not isinstance(members, sp.FiniteSet) and members is not sp.S.EmptySet:
                return None
            for value in members.args if isinstance(members, sp.FiniteSet) else ():
                if _member(other, {x: value}, self.real) is not True:
                    return None
        return ProofFound("members") if checks else None


def _domain_only(origin: Basic, x: Symbol, region: sp.Set, real: bool) -> sp.Set | None:
    dom: sp.Set = region
    for cond in conditions(origin, real=real):
        if cond.expr.free_symbols - {x}:
            return None
        if cond.kind == "ne":
            dom = sp.Complement(dom, sp.solveset(sp.Eq(cond.expr, 0), x, region))
        else:
            dom = sp.Intersection(dom, sp.solveset(cond.expr >= 0, x, region))
    return dom


def _set_points(x: Symbol, sets: tuple[sp.Set, sp.Set], real: bool = True) -> list[Point]:
    out: list[Point] = []
    for s in (*sets, sp.Complement(sets[0], sets[1]), sp.Complement(sets[1], sets[0])):
        for piece in _pieces(s):
            if isinstance(piece, sp.FiniteSet):
                out.extend({x: v} for v in piece.args if _usable(v, real))
            elif isinstance(piece, sp.Interval):
                out.extend({x: v} for v in _interval_points(piece))
    return out[:40]


def _usable(value: Basic, real: bool) -> bool:
    """A root that can be a witness: finite, and real in the real domain."""
    if real:
        return bool(value.is_real and value.is_finite)
    return bool(value.is_number and value.is_finite and not value.has(sp.nan, sp.zoo))


def _atom_points(
    x: Symbol, stmts: Sequence[Basic], region: sp.Set, real: bool = True
) -> list[Point]:
    """Roots of each relation on its own (a few members of periodic families too)."""
    out: list[Point] = []
    for stmt in stmts:
        for rel in stmt.atoms(Relational):
            try:
                found = sp.solveset(rel, x, region)
            except (NotImplementedError, TypeError, ValueError):
                continue
            for piece in _pieces(found):
                if isinstance(piece, sp.ImageSet):
                    out.extend(_image_points(x, piece, real))
                elif isinstance(piece, sp.Intersection):
                    for part in piece.args:
                        if isinstance(part, sp.ImageSet):
                            out.extend(_image_points(x, part, real))
                elif isinstance(piece, sp.FiniteSet):
                    out.extend({x: v} for v in piece.args if _usable(v, real))
                elif isinstance(piece, sp.Interval):
                    out.extend({x: v} for v in _interval_points(piece))
    return out[:40]


def _image_points(x: Symbol, image: sp.ImageSet, real: bool = True) -> list[Point]:
    lam = image.lamda
    if len(lam.variables) != 1:
        return []
    out: list[Point] = []
    for n in (0, 1, -1, 2):
        value = lam(sp.Integer(n))
        if _usable(value, real):
            out.append({x: value})
    return out


def _pieces(s: sp.Set) -> list[sp.Set]:
    if isinstance(s, sp.Union):
        return list(s.args)
    if isinstance(s, sp.Complement):
        return _pieces(s.args[0])
    return [s]


def _interval_points(iv: sp.Interval) -> list[Expr]:
    lo, hi = iv.start, iv.end
    pts: list[Expr] = []
    if lo.is_finite:
        pts.append(lo)
    if hi.is_finite:
        pts.append(hi)
    if lo.is_finite and hi.is_finite:
        pts.append(sp.nsimplify((lo + hi) / 2) if (lo + hi).is_Rational else _inside(lo, hi))
    elif lo.is_finite:
        whole = _whole_part(lo)
        pts.append(whole + 1 if whole is not None else lo + 1)
    elif hi.is_finite:
        whole = _whole_part(-hi)
        pts.append(-whole - 1 if whole is not None else hi - 1)
    else:
        pts.append(sp.Integer(0))
    return pts


def _inside(lo: Expr, hi: Expr) -> Expr:
    """A rational strictly between ``lo`` and ``hi``: the midpoint to a quarter, or finer
    where the interval is narrower ((1, e^(e^-6)) is 0.0025 wide: its quarter point 1 is
    an end, where neither line holds, and the solutions that differ were never tried)."""
    mid = (lo + hi) / 2
    first = None
    for scale in (4, 10**2, 10**4, 10**6, 10**9, 10**12):
        whole = _whole_part(scale * mid)
        if whole is None:
            return mid if first is None else first
        point = sp.Rational(whole, scale)
        first = point if first is None else first
        try:
            if bool(lo < point) and bool(point < hi):
                return point
        except (TypeError, ValueError, PrecisionExhausted):
            break
    return first


def _whole_part(value: Expr) -> sp.Integer | None:
    """``floor(value)`` as an integer, or None where SymPy cannot size it: floor(e^(e^6))
    stays unevaluated, and printing or comparing it raised PrecisionExhausted (round 47)."""
    try:
        whole = sp.floor(value)
    except (TypeError, ValueError, PrecisionExhausted):
        return None
    return whole if whole.is_Integer else None


#: Values given to the other variables when an equation is solved for one of them.
_CURVE_VALUES = (sp.Integer(1), sp.Integer(-1), sp.Integer(2), sp.Rational(1, 2))
_CURVE_DEGREE = 4


def _curve_points(
    stmts: Sequence[Basic], symbols: Sequence[Symbol], real: bool, deadline: float
) -> list[Point]:
    """Points on the solution set of each equation in the lines (several variables).

    Random points almost never lie on a curve such as ``a (2 + i) = b``, so two lines whose
    solution sets are different curves agree at every random point. Here each equation is solved
    for one variable of low degree after fixing the others at small rationals; the witness search
    then checks both lines at these points exactly.
    """
    out: list[Point] = []
    eqs = [eq for stmt in stmts for eq in sorted(stmt.atoms(sp.Eq), key=sp.default_sort_key)]
    # One value for every other variable, and distinct values: with all others equal,
    # V2 = P1 V1 T2/(T1 P2) and V2 = P1 V1 T1/(T2 P2) meet at every point (T1 = T2).
    same = [(v,) for v in _CURVE_VALUES]
    settings = [same[0], _DISTINCT_VALUES[0], same[1], _DISTINCT_VALUES[1], *same[2:]]
    for setting in settings:
        for eq in eqs:
            for var in symbols:
                if len(out) >= 40 or time.monotonic() > deadline:
                    return out
                others = [s for s in symbols if s != var]
                fixed = {s: setting[i % len(setting)] for i, s in enumerate(others)}
                out.extend({**fixed, var: root} for root in _roots(eq, var, fixed, real))
    return out[:40]


#: Distinct values for the other variables (positive ones first: formulas often assume it).
_DISTINCT_VALUES = (
    (sp.Integer(2), sp.Integer(1), sp.Integer(3), sp.Rational(1, 2), sp.Integer(5)),
    (sp.Integer(1), sp.Integer(-2), sp.Integer(3), sp.Integer(-1), sp.Rational(1, 2)),
)


#: Values for the variables a system is not solved for; shifted per variable so that two
#: parameters never share a value (``a = b`` is where ``(a + b)/2`` and ``(b - a)/2 + b`` agree).
_SLICE_VALUES = (sp.Integer(1), sp.Integer(2), sp.Integer(-1), sp.Rational(1, 2), sp.Integer(3))
_SLICE_LIMIT = 24


def _slice_points(
    stmts: Sequence[Basic], symbols: Sequence[Symbol], real: bool, deadline: float
) -> list[Point]:
    """Points on the solution set of each system of k >= 2 equations in n > k variables.

    ``x + y = a and x - y = b`` has a two-dimensional solution set in four variables, which
    random points and single-equation curves never meet. Here n - k variables are fixed at
    small distinct rationals and the k equations are solved exactly for the rest.
    """
    out: list[Point] = []
    for stmt in stmts:
        for part in (stmt.args if isinstance(stmt, sp.Or) else (stmt,)):
            conj = part.args if isinstance(part, sp.And) else ()
            eqs = [e for e in conj if isinstance(e, sp.Eq)]
            if len(eqs) < 2 or len(eqs) >= len(symbols):
                continue
            present = sorted(set().union(*(e.free_symbols for e in eqs)) & set(symbols), key=str)
            for unknowns in combinations(present, len(eqs)):
                others = [s for s in symbols if s not in unknowns]
                for shift in range(3):
                    if len(out) >= _SLICE_LIMIT or time.monotonic() > deadline:
                        return out
                    fixed = {s: _SLICE_VALUES[(i + shift) % len(_SLICE_VALUES)]
                             for i, s in enumerate(others)}
                    system = [(e.lhs - e.rhs).xreplace(fixed) for e in eqs]
                    found = _solve(system, list(unknowns), real)
                    out.extend({**fixed, **p} for p in found or () if len(found or ()) <= 8)
                if out:
                    break
    return out[:_SLICE_LIMIT]


def _roots(eq: sp.Eq, var: Symbol, fixed: Point, real: bool) -> list[Expr]:
    """Roots in ``var`` of the numerator of ``eq`` with the other variables fixed."""
    try:
        diff = sp.together((eq.lhs - eq.rhs).xreplace(fixed))
        num = sp.numer(diff)
        if num.free_symbols == {var} and not real and not num.is_polynomial(var):
            return periodic_roots(eq, var, fixed)  # e^z = e^w: z = w + 2 pi i k
        if num.free_symbols != {var} or not num.is_polynomial(var):
            return []
        poly = sp.Poly(num, var)
        if poly.degree() > _CURVE_DEGREE or poly.degree() < 1:
            return []
        found = sp.roots(poly)
    except (sp.PolynomialError, NotImplementedError, TypeError, ValueError):
        return []
    return [r for r in found if _usable(r, real)]


def _system_points(
    stmt: Basic, symbols: Sequence[Symbol], real: bool = True
) -> list[Point] | None:
    """All solutions (real ones in the real domain) of a zero-dimensional polynomial system."""
    eqs = [stmt] if isinstance(stmt, sp.Eq) else list(stmt.args) if isinstance(stmt, sp.And) else []
    if not eqs or not all(isinstance(e, sp.Eq) for e in eqs):
        return None
    if any(c for c in conditions(stmt, real=real)):
        return None
    polys = [sp.expand(e.lhs - e.rhs) for e in eqs]
    if not all(p.is_polynomial(*symbols) for p in polys) or len(polys) < len(symbols):
        return None
    try:
        sols = sp.solve(polys, list(symbols), dict=True)
    except (NotImplementedError, TypeError, ValueError):
        return None
    out: list[Point] = []
    for sol in sols:
        if set(sol) != set(symbols) or any(v.free_symbols for v in sol.values()):
            return None
        if all(_usable(v, real) for v in sol.values()):
            out.append({s: sp.nsimplify(sol[s]) if sol[s].is_Float else sol[s] for s in symbols})
    return out
