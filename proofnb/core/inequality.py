"""Provers for inequality steps that the sign/factor/solveset tier leaves open.

``diff >= 0`` (or ``> 0``) everywhere the step lives, shown by one exact argument:

* sign of factors: ``diff`` factors into even powers and factors whose sign is known from
  the symbols' assumptions or that are positive semidefinite quadratics (``a² + ab + b²``);
* AM-GM: with every symbol nonnegative, each negative term of the numerator is paid for by
  positive terms whose exponents average to its own (:mod:`proofnb.core.amgm`);
* root substitution: with every symbol nonnegative, ``s = t²`` (``t³``... for other roots)
  turns ``sqrt(ab)`` into ``tu`` and AM-GM into a polynomial inequality;
* absolute values: split on the sign of each ``|u|`` (linear ``u``); on each piece the
  linear difference is a nonnegative combination of the piece's constraints (Farkas);
* monotonicity (one variable, analytic functions): on each piece between exact critical
  points the derivative has one sign (proved the same way, a few levels deep) and the
  function is nonnegative at the piece's low end; leaves use interval bounds.

Each function returns a method name or ``None``; none of them ever refutes.
"""

from __future__ import annotations

import itertools
import time
from functools import lru_cache
from typing import Final

import sympy as sp
from sympy import AccumBounds, Expr, Symbol

from .amgm import amgm_nonnegative
from .lp import nonnegative_solution

_ANALYTIC = (sp.exp, sp.log, sp.sin, sp.cos, sp.tan, sp.atan, sp.sinh, sp.cosh, sp.tanh,
             sp.asinh)
_MAX_DEPTH = 4


def prove_nonnegative(diff: Expr, strict: bool, region: sp.Set | None,
                      deadline: float) -> str | None:
    """A method name when ``diff >= 0`` (``> 0`` if strict) holds wherever it is defined."""
    free = sorted(diff.free_symbols, key=str)
    if not free or not all(isinstance(s, Symbol) for s in free):
        return None
    try:
        if diff.has(sp.sign):
            diff = _sign_of_product_dropped(diff)
        if diff.has(sp.Abs):
            if _abs_cases(diff, free, strict):
                return "abs-cases"
            if _abs_lower_bounds(diff, strict, region, deadline):
                return "abs-lower-bounds"
            squared = _squared_sides(diff)
            if squared is None or squared.has(sp.Abs):
                return None
            return prove_nonnegative(squared, strict, region, deadline) and "squared-sides"
        if _rational(diff):
            if _factor_signs(diff, strict):
                return "factor-signs"
            if _amgm(diff, strict):
                return "am-gm"
            return None
        if _radical_only(diff) and all(s.is_nonnegative for s in free):
            found = _root_substitution(diff, free)
            if found is not None and (_factor_signs(found[0], strict)
                                      or _amgm(found[0], strict)):
                return "square-substitution" if found[1] == 2 else "root-substitution"
        if len(free) == 1 and region is not None and _only_analytic(diff):
            x = free[0]
            where = sp.calculus.util.continuous_domain(diff, x, region)
            pieces = list(where.args) if isinstance(where, sp.Union) else [where]
            if pieces and len(pieces) <= 3 and all(isinstance(p, sp.Interval) for p in pieces):
                prover = _Monotone(x, deadline)
                # A quotient first: its own derivative's zeros are seldom exact (e^(-x) <=
                # 1/(1 + x) spent 5 s failing), its numerator's often are.
                if all(prover.numerator_nonneg(diff, p, strict) for p in pieces):
                    return "monotonicity"
                if all(prover.nonneg(diff, p, strict, _MAX_DEPTH) for p in pieces):
                    return "monotonicity"
        if _isolated_root(diff, strict, region, deadline, _ROOT_DEPTH):
            return "squared-root"
    except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError,
            sp.PolynomialError, ZeroDivisionError):
        return None
    return None


def _sign_of_product_dropped(expr: Expr) -> Expr:
    """``a^(1/3) b^(1/3) sign(a b)`` (SymPy's real cube root of ``a b``) as ``a^(1/3)
    b^(1/3)`` for ``a, b >= 0``: ``sign(u)`` is 1 where ``u > 0``, and ``u`` is a product of
    nonnegative letters each of which stands in the same product with a positive power, so
    where ``u = 0`` the product is 0 either way."""
    def drop(term: Expr) -> Expr:
        if not isinstance(term, sp.Mul):
            return term
        out = term
        for factor in term.args:
            if not isinstance(factor, sp.sign):
                continue
            u = factor.args[0]
            rest = [f for f in term.args if f is not factor]
            letters: list[Expr] = []
            for f in sp.Mul.make_args(u):
                base, exp = f.as_base_exp()
                if not (isinstance(base, Symbol) and base.is_nonnegative and exp.is_positive):
                    letters = []
                    break
                letters.append(base)
            if letters and all(any(r.as_base_exp()[0] == v and r.as_base_exp()[1].is_positive
                                   for r in rest) for v in letters):
                out = out.xreplace({factor: sp.Integer(1)})
        return out
    return expr.replace(lambda e: isinstance(e, sp.Mul) and e.has(sp.sign), drop)


#: Square roots isolated and squared one after another (sqrt a + sqrt b >= sqrt c: two).
_ROOT_DEPTH = 3


def _isolated_root(diff: Expr, strict: bool, region: sp.Set | None, deadline: float,
                   depth: int) -> bool:
    """``c sqrt(A) + Q >= 0`` by squaring the isolated root, in real mode (``A >= 0``
    wherever the step is defined):

    * ``c >= 0``: ``c^2 A - Q^2 >= 0`` gives ``c sqrt(A) = sqrt(c^2 A) >= |Q| >= -Q``
      (``> 0`` strictly when the square difference is ``> 0``);
    * ``c <= 0``: ``Q >= 0`` and ``Q^2 - c^2 A >= 0`` give ``Q = sqrt(Q^2) >= -c sqrt(A)``.

    ``c`` and ``Q`` are the parts of ``diff`` with and without that root (each defined
    wherever ``diff`` is), their signs from SymPy's assumptions or proved in turn; the new
    claims are proved wherever they are defined, which includes where ``diff`` is. The
    quadratic-mean, Cauchy-Schwarz and Minkowski inequalities are of this kind."""
    if depth == 0 or time.monotonic() > deadline:
        return False
    expanded = sp.expand(diff)
    roots = sorted({p for p in expanded.atoms(sp.Pow)
                    if p.exp == sp.S.Half and not p.base.is_number},
                   key=sp.default_sort_key)
    for root in roots[:3]:
        c = sp.expand(expanded).coeff(root, 1)
        q = sp.expand(expanded - c * root)
        if c == 0 or c.has(root) or q.has(root):
            continue
        area = root.base
        if _known_sign(c, region, deadline, depth):
            claim = sp.expand(c**2 * area - q**2)
        elif _known_sign(-c, region, deadline, depth) and (
                q.is_nonnegative or _nonneg_or_proved(q, False, region, deadline, depth)):
            claim = sp.expand(q**2 - c**2 * area)
        else:
            continue
        if claim.is_number:
            if claim > 0 or not strict and claim == 0:
                return True
            continue
        if _nonneg_or_proved(claim, strict, region, deadline, depth):
            return True
    return False


def _known_sign(c: Expr, region: sp.Set | None, deadline: float, depth: int) -> bool:
    """``c >= 0`` wherever defined."""
    if c.is_number:
        return bool(c >= 0)
    return bool(c.is_nonnegative) or _nonneg_or_proved(c, False, region, deadline, depth)


def _nonneg_or_proved(expr: Expr, strict: bool, region: sp.Set | None, deadline: float,
                      depth: int) -> bool:
    if (expr.is_positive if strict else expr.is_nonnegative):
        return True
    if not expr.has(sp.Pow) or all(p.exp != sp.S.Half for p in expr.atoms(sp.Pow)):
        return prove_nonnegative(expr, strict, region, deadline) is not None
    return _isolated_root(expr, strict, region, deadline, depth - 1)


def _rational(expr: Expr) -> bool:
    return bool(expr.is_rational_function()) and not expr.has(sp.Function)


def _radical_only(expr: Expr) -> bool:
    return not expr.has(sp.Function) and all(
        p.exp.is_Rational for p in expr.atoms(sp.Pow))


# ---- sign of factors ------------------------------------------------------------------

def _factor_signs(expr: Expr, strict: bool) -> bool:
    num, den = sp.fraction(sp.cancel(sp.together(expr)))
    sign = 1
    for part, is_den in ((num, False), (den, True)):
        coeff, factors = sp.factor_list(sp.expand(part))
        if coeff == 0:
            return not strict and not is_den
        sign *= 1 if coeff > 0 else -1
        for base, exp in factors:
            # Where the quotient is defined its denominator is nonzero: only signs matter.
            s = _factor_sign(base, exp, strict and not is_den)
            if s is None:
                return False
            sign *= s
    return sign > 0


def _amgm(expr: Expr, strict: bool) -> bool:
    """A rational function of nonnegative variables whose denominator has a known sign and
    whose numerator, with that sign, is a sum of AM-GM steps (:mod:`proofnb.core.amgm`)."""
    num, den = sp.fraction(sp.cancel(sp.together(expr)))
    free = sorted(num.free_symbols | den.free_symbols, key=str)
    if not all(isinstance(s, Symbol) for s in free):
        return False
    for sign in (1, -1):
        if _factor_signs(sign * den, True):
            top = sp.expand(sign * num)
            return amgm_nonnegative(top, free, strict) or \
                not strict and _even_amgm(top, free)
    return False


def _even_amgm(poly_expr: Expr, free: list[Symbol]) -> bool:
    """``x^4 + y^4 + 2 >= 4 x y`` for real x, y: when every positive term is even in
    every letter, ``P(x) >= P*(|x|)`` term by term (a negative term ``-d m(x) >= -d
    m(|x|)``), and ``P*`` (the same coefficients) is >= 0 on the nonnegative orthant by an
    AM-GM certificate."""
    if all(s.is_nonnegative for s in free):
        return False
    poly = sp.Poly(poly_expr, *free)
    if not all(c < 0 or all(e % 2 == 0 for e in monom) for monom, c in poly.terms()):
        return False
    plus = [sp.Dummy(s.name, nonnegative=True) for s in free]
    return amgm_nonnegative(poly.as_expr().xreplace(dict(zip(free, plus, strict=True))),
                            plus, False)


def _factor_sign(base: Expr, exp: int, nonzero: bool) -> int | None:
    """+1 / -1 when ``base**exp`` has that sign (or is zero, unless ``nonzero`` is asked)."""
    if exp % 2 == 0:
        if not nonzero or base.is_nonzero or _quadratic_definite(base, strict=True) == 1:
            return 1
        return None
    for sgn, form in ((1, base), (-1, -base)):
        if (form.is_positive if nonzero else form.is_nonnegative):
            return sgn
        if _quadratic_definite(form, strict=nonzero) == 1:
            return sgn
        if nonzero and _definite_form(form):
            return sgn
        if _signed_coefficients(form, nonzero):
            return sgn
    return None


def _signed_coefficients(poly_expr: Expr, nonzero: bool) -> bool:
    """A polynomial in a variable ``v >= 0`` whose coefficients are all >= 0 (shown by their
    factors' signs), the constant one > 0 if ``nonzero``: ``(1 + t)^2 + u (1 - t)^2``, as
    bounded variables ``0 <= a < 1`` written in new variables give."""
    for v in sorted(poly_expr.free_symbols, key=str):
        if not (isinstance(v, Symbol) and v.is_nonnegative):
            continue
        poly = sp.Poly(poly_expr, v)
        if poly.degree() < 1:
            continue
        coeffs = dict(zip((m[0] for m in poly.monoms()), poly.coeffs(), strict=True))
        if not all(k == 0 and nonzero or _factor_signs(c, False) for k, c in coeffs.items()):
            continue
        if nonzero and not (0 in coeffs and _factor_signs(coeffs[0], True)):
            continue
        return True
    return False


def _definite_form(poly_expr: Expr) -> bool:
    """A positive definite quadratic form (``y^2 + 3xy + 3x^2``) in variables one of which is
    known to be nonzero: the form vanishes only where all of them do, so it is > 0."""
    syms = sorted(poly_expr.free_symbols, key=str)
    if len(syms) < 2 or len(syms) > 4 or not any(s.is_nonzero for s in syms):
        return False
    poly = sp.Poly(poly_expr, *syms)
    if not poly.is_homogeneous or poly.total_degree() != 2:
        return False
    n = len(syms)
    m = sp.zeros(n, n)
    for monom, c in poly.terms():
        idx = [i for i, e in enumerate(monom) for _ in range(e)]
        i, j = idx
        m[i, j] += c if i == j else c / 2
        if i != j:
            m[j, i] += c / 2
    return all(m[:k, :k].det() > 0 for k in range(1, n + 1))


def _quadratic_definite(poly_expr: Expr, strict: bool) -> int | None:
    """1 when a polynomial of total degree 2 is >= 0 (> 0 if strict) for all real values."""
    syms = sorted(poly_expr.free_symbols, key=str)
    if not syms or len(syms) > 4:
        return None
    poly = sp.Poly(poly_expr, *syms)
    if poly.total_degree() != 2:
        return None
    n = len(syms)
    m = sp.zeros(n + 1, n + 1)
    for monom, c in poly.terms():
        idx = [i for i, e in enumerate(monom) for _ in range(e)]
        if len(idx) == 2:
            i, j = idx
            if i == j:
                m[i, i] += c
            else:
                m[i, j] += c / 2
                m[j, i] += c / 2
        elif len(idx) == 1:
            m[idx[0], n] += c / 2
            m[n, idx[0]] += c / 2
        else:
            m[n, n] += c
    if strict:
        ok = all(m[:k, :k].det() > 0 for k in range(1, n + 2))
        return 1 if ok else None
    for size in range(1, n + 2):
        for rows in itertools.combinations(range(n + 1), size):
            if m.extract(list(rows), list(rows)).det() < 0:
                return None
    return 1


def _root_substitution(expr: Expr, free: list[Symbol]) -> tuple[Expr, int] | None:
    """``expr`` with ``s = t^q`` for every variable (``t >= 0``), q the least common
    denominator of the powers (2 for square roots, 3 for cube roots), when that leaves a
    rational function; and q."""
    q = 1
    for p in expr.atoms(sp.Pow):
        q = sp.ilcm(q, sp.Rational(p.exp).q)
    if q == 1 or q > _MAX_ROOT:
        return None
    sub = {}
    for s in free:
        t = sp.Dummy(s.name, positive=True) if s.is_positive else sp.Dummy(s.name, nonnegative=True)
        sub[s] = t**q
    out = sp.powdenest(sp.expand_power_base(expr.xreplace(sub), force=False), force=False)
    return (out, int(q)) if _rational(out) else None


#: Largest root index the substitution removes (cube roots of products of three, ...).
_MAX_ROOT = 6


# ---- absolute values --------------------------------------------------------------------

def _abs_cases(diff: Expr, free: list[Symbol], strict: bool) -> bool:
    if strict or diff.has(sp.Function) and any(
            not isinstance(f, sp.Abs) for f in diff.atoms(sp.Function)):
        return False
    if len({a.args[0] for a in diff.atoms(sp.Abs)}) > _MAX_ABS:
        return False
    facts = [s for s in free if s.is_nonnegative] + [-s for s in free if s.is_nonpositive]
    return _abs_pieces(diff, free, facts)


def _abs_lower_bounds(diff: Expr, strict: bool, region: sp.Set | None,
                      deadline: float) -> bool:
    """Every ``|u|`` of ``diff`` stands alone in a term with a positive coefficient, and
    for some choice of ``|u| >= u`` or ``|u| >= -u`` the bound left is proved (no |.| left):
    ``|z^2 + c| - z^2 + |c| >= (z^2 + c) - z^2 - c = 0``, the triangle inequality's
    other side, with u anything (not only linear)."""
    barred: list[tuple[Expr, Expr]] = []  # (the term, its argument u)
    for term in sp.Add.make_args(sp.expand(diff)):
        if not term.has(sp.Abs):
            continue
        coeff, rest = term.as_coeff_Mul()
        if not isinstance(rest, sp.Abs) or not coeff.is_positive or rest.args[0].has(sp.Abs):
            return False
        barred.append((term, rest.args[0]))
    if not barred or len(barred) > _MAX_ABS:
        return False
    expanded = sp.expand(diff)
    for signs in itertools.product((1, -1), repeat=len(barred)):
        if time.monotonic() > deadline:
            return False
        lower = expanded
        for (term, inner), sign in zip(barred, signs, strict=True):
            lower = lower - term + term.xreplace({sp.Abs(inner): sign * inner})
        lower = sp.expand(lower)
        if lower.has(sp.Abs):
            return False
        if lower.is_number:
            if lower > 0 or not strict and lower == 0:
                return True
            continue
        if prove_nonnegative(lower, strict, region, deadline):
            return True
    return False


#: Absolute values split at most (2^5 pieces, each a small linear program).
_MAX_ABS = 5


def _abs_pieces(diff: Expr, free: list[Symbol], constraints: list[Expr]) -> bool:
    """``diff >= 0`` on every piece where the innermost ``|u|`` have fixed signs; nested
    ones (``||x| - |y||``) become plain on each piece and are split in turn."""
    inner = sorted({a.args[0] for a in diff.atoms(sp.Abs) if not a.args[0].has(sp.Abs)},
                   key=sp.default_sort_key)
    if not inner:
        return _farkas(sp.expand(diff), constraints, free)
    if not all(sp.Poly(a, *free).total_degree() <= 1 for a in inner):
        return False
    for signs in itertools.product((1, -1), repeat=len(inner)):
        piece = diff.xreplace({sp.Abs(a): g * a for a, g in zip(inner, signs, strict=True)})
        added = [g * a for a, g in zip(inner, signs, strict=True)]
        if not _abs_pieces(piece, free, [*added, *constraints]):
            return False
    return True


def _squared_sides(diff: Expr) -> Expr | None:
    """``U^2 - V^2`` for ``diff = U - V`` with ``U, V >= 0`` term by term (``|x| - |sin x|``).

    With both sides nonnegative, ``U - V`` and ``U^2 - V^2 = (U - V)(U + V)`` are ``>= 0``
    (and ``> 0``) together: where ``U + V = 0`` both sides are 0. ``|u|^2`` is ``u^2``.
    """
    terms = sp.Add.make_args(sp.expand(diff))
    plus = [t for t in terms if t.could_extract_minus_sign() is False]
    minus = [-t for t in terms if t.could_extract_minus_sign() is True]
    if len(plus) + len(minus) != len(terms) or not plus or not minus:
        return None
    if not all(t.is_nonnegative for t in plus + minus):
        return None
    big, small = sp.Add(*plus), sp.Add(*minus)
    return sp.expand(big**2 - small**2)


def _farkas(target: Expr, constraints: list[Expr], free: list[Symbol]) -> bool:
    """``target >= 0`` wherever every (linear) constraint is ``>= 0``, by a checked
    certificate (Farkas' lemma): ``target = c0 + sum(l_i * c_i)`` with every ``l_i, c0 >= 0``,
    or ``sum(l_i * c_i) = -1`` (no point satisfies the constraints)."""
    if not sp.Poly(target, *free).total_degree() <= 1:
        return False
    if not target.free_symbols and target.is_nonnegative:
        return True
    rows = [_affine(c, free) for c in constraints]
    goal = _affine(target, free)
    if goal is None or any(r is None for r in rows) or not rows:
        return False
    parts = [r for r in rows if r is not None]
    size = len(parts) + 1  # l_1 .. l_m, then c0
    if nonnegative_solution((), _identity(parts, goal, slack=1), size) is not None:
        return True
    empty = [sp.Integer(0)] * len(free) + [sp.Integer(-1)]
    return nonnegative_solution((), _identity(parts, empty, slack=0), size) is not None


def _identity(parts: list[list[sp.Rational]], want: list[sp.Rational],
              slack: int) -> list[tuple[list[sp.Rational], sp.Rational]]:
    """The equations ``sum(l_i * part_i) + slack * c0 = want``, coefficient by coefficient
    (each part and ``want`` list their variables' coefficients, then the constant)."""
    constant = len(want) - 1
    return [([p[axis] for p in parts] + [sp.Integer(slack if axis == constant else 0)],
             want[axis]) for axis in range(len(want))]


def _affine(expr: Expr, free: list[Symbol]) -> list[sp.Rational] | None:
    """The rational coefficients of ``expr`` in ``free``, then its constant term; None when
    ``expr`` is not affine with rational coefficients."""
    try:
        poly = sp.Poly(expr, *free)
    except sp.PolynomialError:
        return None
    if poly.total_degree() > 1:
        return None
    out = []
    for axis in range(len(free)):
        exps = tuple(1 if k == axis else 0 for k in range(len(free)))
        out.append(poly.coeff_monomial(exps))
    out.append(poly.coeff_monomial(tuple(0 for _ in free)))
    if not all(isinstance(c, sp.Rational) for c in out):
        return None
    return out


# ---- monotonicity -------------------------------------------------------------------------

def _only_analytic(expr: Expr) -> bool:
    for f in expr.atoms(sp.Function):
        if not isinstance(f, _ANALYTIC):
            return False
    return not expr.has(sp.Piecewise, sp.Abs, sp.sign, sp.floor, sp.ceiling, sp.Max, sp.Min)


class _Monotone:
    """``f >= 0`` on an interval: interval bounds, else a derivative of one sign per piece."""

    def __init__(self, x: Symbol, deadline: float) -> None:
        self.x = x
        self.deadline = deadline

    def nonneg(self, f: Expr, iv: sp.Interval, strict: bool, depth: int) -> bool:
        if time.monotonic() > self.deadline or iv.measure == 0:
            return False
        if not self._continuous(f, iv):
            return False
        if self._leaf(f, iv, strict):
            return True
        if depth == 0:
            return False
        g = sp.diff(f, self.x)
        cuts = self._critical(g, iv)
        if cuts is None:
            return False
        bounds = [iv.start, *cuts, iv.end]
        for k in range(len(bounds) - 1):
            p, q = bounds[k], bounds[k + 1]
            left_open = iv.left_open if k == 0 else False
            right_open = iv.right_open if k == len(bounds) - 2 else False
            if not self._piece(f, g, p, q, left_open, right_open, strict, depth):
                return False
        return True

    def numerator_nonneg(self, f: Expr, iv: sp.Interval, strict: bool) -> bool:
        """``f = N / D`` with ``D > 0`` on the interval: ``N >= 0`` there (``e^(-x) <=
        1/(1 + x)`` is ``e^x - 1 - x >= 0`` over ``(1 + x) e^x``)."""
        num, den = sp.fraction(sp.together(f))
        if den == 1 or time.monotonic() > self.deadline:
            return False
        for sign in (1, -1):
            if self.nonneg(sign * den, iv, True, 1):
                return self.nonneg(sign * num, iv, strict, _MAX_DEPTH)
        return False

    def _piece(self, f: Expr, g: Expr, p: Expr, q: Expr, left_open: bool, right_open: bool,
               strict: bool, depth: int) -> bool:
        inner = sp.Interval(p, q, True, True)
        mid = _midpoint(p, q)
        gm = g.xreplace({self.x: mid}).evalf(30)
        order = ((1, p, left_open), (-1, q, right_open))
        if gm.is_number and gm < 0:
            order = order[::-1]
        for sgn, end, end_open in order:
            value = self._end_value(f, end, end_open, from_right=(sgn == 1))
            if value is None or not _sign_ok(value, strict and not end_open):
                continue
            if strict and end_open and value == 0 and not self._not_identically_zero(g, mid):
                continue
            if self.nonneg(sgn * g, inner, False, depth - 1):
                return True
        return False

    def _not_identically_zero(self, g: Expr, mid: Expr) -> bool:
        value = g.xreplace({self.x: mid}).evalf(30)
        return bool(value.is_number and abs(value) > 1e-20)

    def _end_value(self, f: Expr, end: Expr, end_open: bool, from_right: bool) -> Expr | None:
        if end.is_infinite or end_open:
            if f.has(sp.sinh, sp.cosh, sp.tanh):
                # The same function in exponentials, expanded: the series of a derivative of
                # cosh(x)^2 - sinh(x)^2 + e^(-x^2) at 0 ran for minutes; expanded, the
                # hyperbolic terms cancel and the limit is immediate.
                f = sp.expand(f.rewrite(sp.exp))
            value = sp.limit(f, self.x, end, "+" if from_right else "-")
        else:
            value = sp.simplify(f.xreplace({self.x: end}))
        if value.has(sp.Limit) or value is sp.nan or not (value.is_extended_real):
            return None
        return value

    def _leaf(self, f: Expr, iv: sp.Interval, strict: bool) -> bool:
        if _rational(f):
            bad = sp.solveset(f <= 0 if strict else f < 0, self.x, iv)
            return bool(bad is sp.S.EmptySet)
        if self._bounded(f, iv, strict):
            return True
        factored = sp.factor(f)
        return factored != f and self._bounded(factored, iv, strict)

    def _bounded(self, f: Expr, iv: sp.Interval, strict: bool) -> bool:
        bounds = f.subs(self.x, AccumBounds(iv.start, iv.end))
        if bounds.has(sp.cosh, sp.sinh, sp.tanh, sp.asinh):
            bounds = bounds.replace(
                lambda e: isinstance(e, (sp.cosh, sp.sinh, sp.tanh, sp.asinh))
                and isinstance(e.args[0], AccumBounds), _hyperbolic_bounds)
        if isinstance(bounds, AccumBounds):
            low = bounds.min
        elif bounds.is_number:
            low = bounds
        else:
            return False
        return bool(low.is_extended_real and (low > 0 if strict else low >= 0))

    def _continuous(self, f: Expr, iv: sp.Interval) -> bool:
        # Within iv: over all reals, tan's domain is a complement of image sets, of which
        # SymPy cannot tell that (0, pi/2) is a subset.
        cont = sp.calculus.util.continuous_domain(f, self.x, iv)
        return cont == iv or iv.is_subset(cont) is True

    def _critical(self, g: Expr, iv: sp.Interval) -> list[Expr] | None:
        inside = sp.Interval(iv.start, iv.end, True, True)
        try:
            zeros = _zeros(_vanishing_part(g), self.x, inside)
        except (NotImplementedError, TypeError, ValueError, AttributeError,
                sp.polys.polyerrors.BasePolynomialError):
            # e exp(x) - exp(x + 1) + 18 is 18: solveset's Poly of it has no generator
            return None
        if zeros is None:
            return None
        if isinstance(zeros, sp.FiniteSet) and len(zeros) <= 6:
            pts = list(zeros)
        elif zeros is sp.S.EmptySet:
            pts = []
        else:
            # Splitting is sound at any points: try the simple zeros only.
            pts = [c for c in (sp.Integer(0),) if c in inside and g.xreplace({self.x: c}) == 0]
        if not all(c.is_real for c in pts):
            return None
        # solveset can answer a point outside an open interval (its end): splitting there
        # would leave an empty piece, so keep the points strictly inside.
        pts = [c for c in set(pts) if inside.contains(c) is sp.true]
        return sorted(pts, key=lambda c: float(c))


def _hyperbolic_bounds(call: Expr) -> Expr:
    """The range of sinh, tanh, asinh (increasing) or cosh (decreasing then increasing,
    least value 1 at 0) over an interval of values; SymPy leaves them unevaluated."""
    inner = call.args[0]
    lo, hi = inner.min, inner.max
    f = type(call)
    if f is sp.cosh:
        if lo >= 0:
            return AccumBounds(f(lo), f(hi))
        if hi <= 0:
            return AccumBounds(f(hi), f(lo))
        return AccumBounds(sp.Integer(1), sp.Max(f(lo), f(hi)))
    return AccumBounds(f(lo), f(hi))


def _midpoint(p: Expr, q: Expr) -> Expr:
    if p.is_infinite and q.is_infinite:
        return sp.Integer(0)
    if p.is_infinite:
        return q - 1
    if q.is_infinite:
        return p + 1
    return (p + q) / 2


def _sign_ok(value: Expr, strict: bool) -> bool:
    if value is sp.oo:
        return True
    return bool(value > 0) if strict else bool(value >= 0)


# ---- candidate witnesses ---------------------------------------------------------------

_FAMILY_VALUES = (sp.Integer(1), sp.Integer(2), sp.Integer(-1), sp.Rational(1, 2))


def touch_points(lhs: Expr, rhs: Expr, symbols: tuple[Symbol, ...],
                 limit: int = 12) -> list[dict[Symbol, Expr]]:
    """Points worth trying for ``lhs rel rhs``: the real critical points of the numerator
    of ``lhs - rhs`` (a polynomial of degree at most 4 in at most 3 variables), where a
    strict inequality between a sum of squares and 0 is an equality (``(x - 1)^2 + (y + 2)^2
    > 0`` at (1, -2)) and where a difference dips below zero (``x^2 y^2 >= x y`` on the
    curve ``x y = 1/2``); a family of critical points is sampled at a few values. The
    points are only candidates: the sampler evaluates each one exactly."""
    try:
        num = sp.numer(sp.together(lhs - rhs))
        free = sorted(num.free_symbols, key=str)
        if len(free) == 1 and set(free) <= set(symbols) and not num.is_polynomial(*free) \
                and _only_analytic(lhs - rhs):
            return _critical_points(lhs - rhs, free[0], limit)
        if not free or len(free) > 3 or not set(free) <= set(symbols) or \
                not num.is_polynomial(*free):
            return []
        poly = sp.Poly(num, *free)
        if poly.total_degree() > 4 or poly.total_degree() < 2 or \
                not all(c.is_Rational for c in poly.coeffs()):
            return []
        grad = [sp.diff(num, s) for s in free]
        solutions = sp.solve(grad, free, dict=True)
    except (NotImplementedError, TypeError, ValueError, sp.PolynomialError, AttributeError):
        return []
    out: list[dict[Symbol, Expr]] = []
    for sol in solutions[:limit]:
        params = sorted(set().union(*(v.free_symbols for v in sol.values())), key=str)
        for value in _FAMILY_VALUES if params else (sp.S.Zero,):
            fill = dict.fromkeys(params, value)
            point = {s: sp.sympify(sol.get(s, fill.get(s, value))).xreplace(fill)
                     for s in free}
            if all(v.is_real and not v.has(sp.zoo, sp.nan) for v in point.values()):
                out.append(point)
    return out[:limit]


def _critical_points(diff: Expr, x: Symbol, limit: int) -> list[dict[Symbol, Expr]]:
    """Exact real zeros of the derivative of a one-variable difference (``x^x`` dips to
    its least value at ``1/e``), when SymPy finds finitely many; factors that never vanish
    are left out first (``x^x (ln x + 1)``)."""
    try:
        zeros = _zeros(_vanishing_part(sp.diff(diff, x)), x, sp.S.Reals)
    except (NotImplementedError, TypeError, ValueError, AttributeError,
            sp.polys.polyerrors.BasePolynomialError):
        return []
    if not isinstance(zeros, sp.FiniteSet):
        return []
    return [{x: z} for z in list(zeros)[:limit] if z.is_real]


#: Above this many operations (SymPy's count_ops) a derivative that is not a polynomial is
#: not solved: solveset spends about a second on each such equation (the third and fourth
#: derivatives of (1 + 1/n)^n, polynomials in log(1 + 1/n), 39 and 86 operations) and answers
#: a ConditionSet, which splits nothing; the zeros it does find are of small derivatives.
_MAX_SOLVE_OPS: Final = 30


@lru_cache(maxsize=256)
def _zeros(expr: Expr, x: Symbol, domain: sp.Set) -> sp.Set | None:
    """The zeros of ``expr`` in ``domain``; None for a polynomial of degree 3 or more with an
    irrational real root, whose radical form solveset spends seconds on (a quartic took
    20 s, past the step's limit) and which no split of an interval needs exactly; None too
    for a large transcendental equation (:data:`_MAX_SOLVE_OPS`). Remembered: the quotient
    and the whole difference ask for the zeros of the same derivatives."""
    if not expr.is_polynomial(x) and sp.count_ops(expr) > _MAX_SOLVE_OPS:
        return None
    if expr.is_polynomial(x) and expr.free_symbols == {x}:
        poly = sp.Poly(expr, x)
        if poly.degree() > 2:
            found = poly.real_roots()
            if not all(root.is_Rational for root in found):
                return None
            return sp.FiniteSet(*[r for r in set(found) if domain.contains(r) is sp.true])
    return sp.solveset(expr, x, domain)


def _vanishing_part(expr: Expr) -> Expr:
    """``expr`` without the factors that never vanish (``x^x (ln x + 1)`` has the zeros of
    ``ln x + 1``; SymPy cannot solve the product)."""
    vanishing = [f for f in sp.Mul.make_args(sp.factor_terms(expr)) if not f.is_nonzero]
    return sp.Mul(*vanishing)
