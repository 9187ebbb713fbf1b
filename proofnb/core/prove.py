"""Symbolic tiers for expression steps: cheap normal forms, targeted rewrites, heavy simplify.

Every prover returns the name of the method that succeeded, or ``None``. A method only
succeeds on an exact symbolic argument valid for SymPy's principal values under the
symbols' assumptions; where both sides are real-defined these are the real values.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.functions.elementary.hyperbolic import HyperbolicFunction
from sympy.functions.elementary.trigonometric import TrigonometricFunction

from .fast import rational_zero
from .inequality import prove_nonnegative
from .trig import prove_special

try:  # optional fast path
    import symengine as se
except ImportError:  # pragma: no cover - symengine is a declared dependency
    se = None

_FUNCS = (sp.Function, sp.Derivative, sp.Integral, sp.Sum, sp.Limit, sp.Product)


@dataclass(frozen=True)
class ProofFound:
    """A successful symbolic tier: its method name and whether it was the heavy tier."""

    method: str
    heavy: bool = False


@lru_cache(maxsize=4096)
def is_rational_function(expr: Expr) -> bool:
    """No functions, no non-integer powers: a quotient of polynomials."""
    return _rational_walk(expr)


def _rational_walk(expr: Basic) -> bool:
    # One walk (it used to be has() plus two atoms() calls, on every tier).
    if expr.is_Atom:
        return not (isinstance(expr, sp.NumberSymbol) or expr is sp.I)
    if isinstance(expr, _FUNCS):
        return False
    if isinstance(expr, sp.Pow):
        base, exp = expr.args
        if not exp.is_Integer or base.is_number and not base.is_Rational:
            return False
    return all(_rational_walk(arg) for arg in expr.args)


def _zero(expr: Expr) -> bool:
    return bool(expr == 0)


def _symengine_zero(diff: Expr) -> bool:
    if se is None or diff.has(*_FUNCS[1:]):
        return False  # unevaluated calculus objects have no SymEngine form
    try:
        return bool(se.expand(se.sympify(diff)) == 0)
    except Exception:  # noqa: BLE001 - SymEngine's SympifyError and friends: no fast path
        return False


def _field_zero(diff: Expr) -> bool:
    """Zero in the field of rational functions (other subterms become generators)."""
    try:
        _, value = sp.sfield(diff)
    except Exception:  # noqa: BLE001 - the fast path is optional; cancel follows in tier 4
        return False
    return bool(value == 0)


def prove_cheap(lhs: Expr, rhs: Expr) -> ProofFound | None:
    """Tier 3: structural equality, polynomial expansion, rational normal form."""
    if lhs == rhs:
        return ProofFound("identical")
    diff = lhs - rhs
    if _zero(diff):
        return ProofFound("identical")
    if is_rational_function(diff):
        fast = rational_zero(diff)  # SymEngine: microseconds where SymPy takes milliseconds
        if fast is not None:
            zero, denominator = fast
            return ProofFound("cancel" if denominator else "expand") if zero else None
        if not any(p.exp.is_negative for p in diff.atoms(sp.Pow)):
            if _symengine_zero(diff) or _zero(sp.expand(diff)):
                return ProofFound("expand")
            return None
        if _field_zero(diff):
            return ProofFound("cancel")
        return None
    if _symengine_zero(diff):
        return ProofFound("expand")
    if _zero(sp.expand(diff)):
        return ProofFound("expand")
    if _field_zero(diff):
        return ProofFound("cancel")
    return None


def _targeted() -> list[tuple[str, Callable[[Expr], Expr]]]:
    return [
        ("cancel", lambda d: sp.cancel(sp.together(sp.expand(d)))),
        ("trigsimp", lambda d: sp.trigsimp(d)),
        ("expand_trig", lambda d: sp.expand(sp.expand_trig(d))),
        ("fu", lambda d: sp.fu(d)),
        ("expand_log", lambda d: sp.expand(sp.expand_log(d))),
        ("logcombine", lambda d: sp.logcombine(d)),
        ("powsimp", lambda d: sp.powsimp(sp.expand(d))),
        ("expand_power", lambda d: sp.expand(sp.powdenest(d), power_base=True, power_exp=True)),
        ("radsimp", lambda d: sp.expand(sp.radsimp(d))),
        ("factor-radicands", lambda d: sp.expand(_factor_radicands(d))),
        ("sqrtdenest", lambda d: sp.expand(sp.sqrtdenest(d))),
        ("rewrite(exp)", lambda d: sp.cancel(sp.powsimp(sp.expand(d.rewrite(sp.exp))))),
        ("factorial", lambda d: sp.simplify(sp.combsimp(d))),
    ]


def _combinatorial(diff: Expr) -> Expr:
    return sp.expand(sp.gammasimp(sp.combsimp(diff)))


def trig_polynomial_zero(diff: Expr) -> bool:
    """Is ``diff`` zero as a polynomial in sin/cos modulo sin² + cos² = 1 (and cosh² - sinh²)?"""
    if _long_ratio_argument(diff):  # expand_trig of cos(10^50 x) is a Chebyshev polynomial
        return False                # of degree 10^50: it never came back (review 10)
    recip = {
        sp.tan: lambda u: sp.sin(u) / sp.cos(u), sp.cot: lambda u: sp.cos(u) / sp.sin(u),
        sp.sec: lambda u: 1 / sp.cos(u), sp.csc: lambda u: 1 / sp.sin(u),
        sp.tanh: lambda u: sp.sinh(u) / sp.cosh(u), sp.coth: lambda u: sp.cosh(u) / sp.sinh(u),
        sp.sech: lambda u: 1 / sp.cosh(u), sp.csch: lambda u: 1 / sp.sinh(u),
    }
    swap = {f: recip[f.func](f.args[0]) for f in diff.atoms(*recip)}
    swapped = diff.xreplace(swap) if swap else diff
    exponential = _exponential_zero(swapped)
    if exponential is not None:
        return exponential
    if _high_multiple(swapped):  # expand_trig of sin(200 x) took 150 s (round 68)
        return False
    expanded = sp.expand_trig(swapped)
    if expanded == 0:
        return True
    relations: list[Expr] = []
    mapping: dict[Expr, Expr] = {}
    gens: list[Expr] = []
    for fn in sorted(expanded.atoms(sp.sin, sp.cos, sp.sinh, sp.cosh), key=sp.default_sort_key):
        if fn in mapping:
            continue
        arg = fn.args[0]
        s_sym, c_sym = sp.Dummy("s"), sp.Dummy("c")
        if isinstance(fn, (sp.sinh, sp.cosh)):
            mapping[sp.sinh(arg)], mapping[sp.cosh(arg)] = s_sym, c_sym
            relations.append(c_sym**2 - s_sym**2 - 1)
        else:
            mapping[sp.sin(arg)], mapping[sp.cos(arg)] = s_sym, c_sym
            relations.append(s_sym**2 + c_sym**2 - 1)
        gens += [s_sym, c_sym]
    if not relations or len(relations) > 3:
        return False
    replaced = expanded.xreplace(mapping)
    num = sp.numer(sp.together(replaced))
    free = sorted(num.free_symbols - set(gens), key=str)
    if num.has(*_FUNCS) or not num.is_polynomial(*gens, *free):
        return False
    _, rem = sp.reduced(sp.expand(num), relations, *gens, *free, order="grevlex")
    return bool(rem == 0)


#: Beyond this multiple of an angle, expand_trig's Chebyshev polynomials cost seconds:
#: sin(40 x) took 0.7 s, sin(200 x) 150 s (round 68).
_MAX_EXPANDED_MULTIPLE: Final = 24


def _high_multiple(expr: Expr) -> bool:
    """Does a sine, cosine or hyperbolic argument hold a rational multiple beyond
    :data:`_MAX_EXPANDED_MULTIPLE` (numerator or denominator)?"""
    return any(abs(int(r.p)) > _MAX_EXPANDED_MULTIPLE or int(r.q) > _MAX_EXPANDED_MULTIPLE
               for fn in expr.atoms(sp.sin, sp.cos, sp.sinh, sp.cosh)
               for r in fn.args[0].atoms(sp.Rational))


def _unit(angle: Expr) -> Expr:
    """exp(i·angle) for a number ``angle``: rational multiples of pi in closed form where
    SymPy has one (exp(i pi/3) = 1/2 + i sqrt(3)/2), the rest as exp(i r)."""
    turns, rest = sp.S.Zero, sp.S.Zero
    for term in sp.Add.make_args(sp.expand(angle)):
        coeff, factor = term.as_coeff_Mul()
        if factor is sp.pi and coeff.is_Rational:
            turns += coeff
        else:
            rest += term
    closed = sp.cos(turns * sp.pi) + sp.I * sp.sin(turns * sp.pi)
    if closed.has(sp.sin, sp.cos):
        closed = sp.exp(sp.I * turns * sp.pi)
    return closed * sp.exp(sp.I * rest)


def _exponential_zero(expr: Expr) -> bool | None:
    """Is ``expr`` (sines, cosines, sinh, cosh; no tan) zero as a rational function of
    z_m = exp(i g m) for each monomial m of the angles, g the gcd of m's rational multiples?

    sin(k m + c) = (e - 1/e)/(2i) with e = exp(i c) z_m^(k/g): a Laurent polynomial with as many
    terms as the expression has, whatever k (expand_trig's Chebyshev polynomial of sin(k x) has
    degree k: sin(200 x) took 150 s). The z_m are independent unknowns, so zero here is zero at
    z_m = exp(i g m) for every value of the letters: an identity, sound. ``None`` when an angle
    has a non-rational multiple (0.5 x): the caller expands instead.
    """
    atoms = expr.atoms(sp.sin, sp.cos, sp.sinh, sp.cosh)
    if not atoms or expr.atoms(TrigonometricFunction, HyperbolicFunction) != atoms:
        return None  # sinc x, or none at all
    angles: dict[Expr, tuple[Expr, list[tuple[Expr, sp.Rational]]]] = {}
    multiples: dict[Expr, list[sp.Rational]] = {}
    for fn in atoms:
        angle = fn.args[0]
        if isinstance(fn, (sp.sinh, sp.cosh)):
            angle = -sp.I * angle  # exp(i (-i a)) = exp(a)
        const, linear = sp.S.Zero, []
        for term in sp.Add.make_args(sp.expand(angle)):
            if term.is_number:
                const += term
                continue
            coeff, monomial = term.as_coeff_Mul()
            if not coeff.is_Rational:
                return None
            linear.append((monomial, coeff))
            multiples.setdefault(monomial, []).append(coeff)
        angles[fn] = (const, linear)
    unknowns = {m: (sp.Dummy("z"), sp.Rational(math.gcd(*(int(c.p) for c in cs)),
                                               math.lcm(*(int(c.q) for c in cs))))
                for m, cs in multiples.items()}
    replace: dict[Expr, Expr] = {}
    for fn, (const, linear) in angles.items():
        e = _unit(const)
        for monomial, coeff in linear:
            z, g = unknowns[monomial]
            e *= z ** int(coeff / g)
        if isinstance(fn, sp.sin):
            replace[fn] = (e - 1 / e) / (2 * sp.I)
        elif isinstance(fn, sp.sinh):
            replace[fn] = (e - 1 / e) / 2  # e = exp(i (-i a)) = exp(a)
        else:
            replace[fn] = (e + 1 / e) / 2
    num = sp.numer(sp.together(expr.xreplace(replace)))
    return _symengine_zero(num) or bool(sp.expand(num) == 0)  # SymEngine: (sin x + cos x)^20


#: Assumptions that x -> x/g keeps for a rational g > 0 (x integer does not: x/2 is not).
_SCALED_KEEP: Final = frozenset({
    "commutative", "complex", "real", "extended_real", "finite", "infinite", "hermitian",
    "antihermitian", "imaginary", "zero", "nonzero", "positive", "negative", "nonnegative",
    "nonpositive", "extended_positive", "extended_negative", "extended_nonnegative",
    "extended_nonpositive", "extended_nonzero"})


def rescale_angles(expr: Expr) -> Expr:
    """``expr`` with each letter x replaced by x/g, g the gcd of the rational multiples of x in
    the angles of its sines, cosines, ... (sin 400x, cos 200x become sin 2x, cos x).

    A bijection of each letter's values (g > 0 keeps its sign), so whatever holds for every
    value of the letters holds of ``expr`` exactly when it holds of the result; angle
    expansions (simplify, expand_trig) then meet small multiples. A letter with other
    assumptions (integer), or inside an angle other than as a rational multiple times a
    constant (sin x^2, sin(0.5 x), sin(x y)), is left alone.
    """
    multiples: dict[Symbol, list[sp.Rational]] = {}
    blocked: set[Symbol] = set()
    for fn in expr.atoms(TrigonometricFunction, HyperbolicFunction):
        for term in sp.Add.make_args(sp.expand(fn.args[0])):
            coeff, monomial = term.as_coeff_Mul()
            for letter in term.free_symbols:
                rest, part = monomial.as_independent(letter, as_Add=False)
                if part == letter and coeff.is_Rational and not rest.free_symbols:
                    multiples.setdefault(letter, []).append(coeff)
                else:
                    blocked.add(letter)
    scale: dict[Expr, Expr] = {}
    for letter, cs in multiples.items():
        g = sp.Rational(math.gcd(*(int(c.p) for c in cs)), math.lcm(*(int(c.q) for c in cs)))
        facts = letter.assumptions0
        if letter in blocked or g == 1 or not isinstance(letter, Symbol) or any(
                value is not None and key not in _SCALED_KEEP for key, value in facts.items()):
            continue
        scale[letter] = letter / g
    return expr.xreplace(scale) if scale else expr


def prove_targeted(lhs: Expr, rhs: Expr, deadline: float, *,
                   real: bool = False) -> ProofFound | None:
    """Tier 4: rewrites chosen by what the difference contains, until the deadline.
    ``real``: the step is in real mode (a half-line where the left side is nowhere real
    holds no point of the step)."""
    diff = lhs - rhs
    has_trig = diff.has(TrigonometricFunction, HyperbolicFunction)
    radical = any(not p.exp.is_Integer for p in diff.atoms(sp.Pow))
    if has_trig:
        try:
            if trig_polynomial_zero(diff):
                return ProofFound("trig-polynomial")
        except (TypeError, ValueError, NotImplementedError, sp.PolynomialError, ArithmeticError):
            pass
    for name, rewrite in _targeted():
        if time.monotonic() > deadline:
            return None
        if name in ("trigsimp", "expand_trig", "fu") and not has_trig:
            continue
        if name in ("expand_log", "logcombine") and not diff.has(sp.log):
            continue
        if name in ("radsimp", "sqrtdenest", "factor-radicands") and not radical:
            continue
        if name == "expand_power" and not diff.has(sp.Pow):
            continue
        if name == "factorial" and not diff.has(sp.factorial, sp.binomial, sp.gamma):
            continue
        if name in _EXPANDING and _long_ratio_argument(diff):
            continue
        if name == "factorial" and diff.has(sp.Sum, sp.Product):
            # simplify would re-run the summation decide already tried (minutes in
            # gammasimp on sum(k binomial(n, k))); the closed forms alone are compared.
            rewrite = _combinatorial
        try:
            if _zero(rewrite(diff)):
                return ProofFound(name)
        except (TypeError, ValueError, NotImplementedError, RecursionError, sp.PolynomialError,
                ArithmeticError):  # OverflowError: rewrite(exp) of cos(10^60 x + x) makes
            continue               # a polynomial of degree 10^60, which FLINT refuses
    if diff.has(sp.Abs, sp.sign) and time.monotonic() < deadline:
        found = _sign_cases(lhs, rhs, deadline, real)
        if found:
            return found
    if diff.has(sp.conjugate, sp.re, sp.im, sp.Abs) and time.monotonic() < deadline:
        found = _complex_parts(diff)
        if found:
            return found
    if time.monotonic() < deadline:
        special = prove_special(diff)
        if special:
            return ProofFound(special)
    return None


#: Rewrites that expand a multiple angle into a polynomial of its degree (cos(10^50 x):
#: Chebyshev of degree 10^50 in expand_trig and trigsimp, never back; review 10).
_EXPANDING: Final = frozenset({"rewrite(exp)", "expand_trig", "trigsimp", "fu"})

#: Beyond this, a ratio p/q inside sin, cos or exp makes rewrite(exp) a polynomial in
#: exp(i x/q) of degree p: sin((10^100 + 1) t/10^100) hung in cancel (round 46).
_MAX_ARGUMENT_RATIO: Final = 10**4


def _long_ratio_argument(diff: Expr) -> bool:
    """Does a trigonometric, hyperbolic or exponential argument in ``diff`` hold a rational
    coefficient with a numerator or denominator beyond :data:`_MAX_ARGUMENT_RATIO`?"""
    for fn in diff.atoms(TrigonometricFunction, HyperbolicFunction, sp.exp):
        for r in fn.args[0].atoms(sp.Rational):
            if abs(int(r.p)) > _MAX_ARGUMENT_RATIO or int(r.q) > _MAX_ARGUMENT_RATIO:
                return True
    return any(p.base is sp.E and any(abs(int(r.p)) > _MAX_ARGUMENT_RATIO
                                      or int(r.q) > _MAX_ARGUMENT_RATIO
                                      for r in p.exp.atoms(sp.Rational))
               for p in diff.atoms(sp.Pow))


def _complex_parts(diff: Expr) -> ProofFound | None:
    """Conjugates, |z|, Re and Im of complex unknowns: write each z as a + b i (a, b real)."""
    unknowns = [s for s in diff.free_symbols if isinstance(s, Symbol) and s.is_real is not True]
    if not unknowns or len(unknowns) > 4:
        return None
    parts = {z: sp.Dummy(f"{z}_re", real=True) + sp.I * sp.Dummy(f"{z}_im", real=True)
             for z in unknowns}
    try:
        split = sp.expand(sp.expand_complex(diff.xreplace(parts)))
        if _zero(split) or _zero(sp.simplify(split)):
            return ProofFound("real-imaginary-parts")
    except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError):
        return None
    return None


def _sign_cases(lhs: Expr, rhs: Expr, deadline: float, real: bool = False
                ) -> ProofFound | None:
    """One real variable under |.| or sign: prove for x = t and x = -t (t > 0) and at 0.

    In real mode a case where the left side is nowhere real (``x^(1/3)`` for x = -t) has
    no point of the step's domain, and is passed over; at least one case must be proved."""
    free = (lhs - rhs).free_symbols
    if len(free) != 1:
        return None
    (x,) = free
    if not isinstance(x, Symbol) or not x.is_real or x.is_positive or x.is_negative:
        return None
    t = sp.Dummy("t", positive=True)
    at_zero = [side.xreplace({x: sp.Integer(0)}) for side in (lhs, rhs)]
    if all(v.is_finite for v in at_zero) and not _zero(sp.simplify(at_zero[0] - at_zero[1])):
        return None
    proved = 0
    for sub in (t, -t):
        a, b = lhs.xreplace({x: sub}), rhs.xreplace({x: sub})
        if time.monotonic() > deadline:
            return None
        if real and _nowhere_real(a, t):
            continue
        if not (prove_cheap(a, b) or _plain_targeted(a - b)):
            return None
        proved += 1
    return ProofFound("sign-cases") if proved else None


def _nowhere_real(side: Expr, t: Symbol) -> bool:
    """Is ``side`` non-real for every t > 0? A real value at a sample point says no at once:
    SymPy's own answer can take minutes (log of a product of 30 squares)."""
    for value in (sp.Rational(1, 3), sp.Integer(2)):
        try:
            number = sp.N(side.xreplace({t: value}), 15)
        except (TypeError, ValueError, ArithmeticError, RecursionError):
            return False
        if number.is_number and number.is_finite and number.as_real_imag()[1] == 0:
            return False
    return side.is_extended_real is False


def _plain_targeted(diff: Expr) -> bool:
    for name, rewrite in _targeted():
        if name in ("trigsimp", "fu", "factorial"):
            continue
        if name in _EXPANDING and _long_ratio_argument(diff):
            continue
        try:
            if _zero(rewrite(diff)):
                return True
        except (TypeError, ValueError, NotImplementedError, RecursionError, sp.PolynomialError,
                ArithmeticError):  # OverflowError: rewrite(exp) of cos(10^60 x + x) makes
            continue               # a polynomial of degree 10^60, which FLINT refuses
    return False


def _factor_radicands(expr: Expr) -> Expr:
    return expr.replace(
        lambda e: e.is_Pow and e.exp.is_Rational and not e.exp.is_Integer,
        lambda e: sp.Pow(sp.factor(e.base), e.exp),
    )


def shifted(lhs: Expr, rhs: Expr, x: Symbol, region: sp.Set | None) -> tuple[Expr, Expr] | None:
    """On a half-line ``x >= c`` (or ``x <= c``), rewrite with ``x = c ± t``, ``t >= 0``.

    The new symbol carries the sign, so Abs, sqrt of squares and logs simplify soundly.
    """
    if not isinstance(region, sp.Interval):
        return None
    lo, hi = region.start, region.end
    if lo.is_finite and hi is sp.oo:
        t = sp.Dummy("t", positive=True) if region.left_open else sp.Dummy("t", nonnegative=True)
        sub = lo + t
    elif hi.is_finite and lo is -sp.oo:
        t = sp.Dummy("t", positive=True) if region.right_open else sp.Dummy("t", nonnegative=True)
        sub = hi - t
    else:
        return None
    return lhs.xreplace({x: sub}), rhs.xreplace({x: sub})


def _branch_value(outer: type, u: Expr, k: int) -> tuple[Expr, Expr, Expr]:
    """``(low, high, value)``: on ``low <= u <= high`` (the k-th copy of the principal
    branch), ``outer(inner(u))`` equals ``value``."""
    pi = sp.pi
    if outer is sp.acos:  # cos is even and 2 pi periodic: reflect on odd copies
        value = u - k * pi if k % 2 == 0 else (k + 1) * pi - u
        return k * pi, (k + 1) * pi, value
    low, high = k * pi - pi / 2, k * pi + pi / 2
    if outer is sp.asin:  # sin(u) = (-1)^k sin(u - k pi)
        return low, high, (-1) ** k * (u - k * pi)
    return low, high, u - k * pi  # atan(tan(u)): tan has period pi


_INVERSES = {sp.asin: sp.sin, sp.acos: sp.cos, sp.atan: sp.tan}


def unwrap_inverses(expr: Expr, x: Symbol, region: sp.Set) -> Expr:
    """``asin(sin(u))``, ``acos(cos(u))`` and ``atan(tan(u))`` as an expression in ``u`` where
    ``u`` stays in one copy of the principal branch for ``x`` in ``region``: ``u`` on the
    principal branch itself, ``u - pi`` for ``atan(tan(u))`` with pi/2 < u < 3pi/2."""
    from sympy.calculus.util import function_range

    def unwrap(node: Basic) -> Basic:
        outer = type(node)
        inner = _INVERSES.get(outer)
        if inner is None or not isinstance(node.args[0], inner):
            return node
        u = node.args[0].args[0]
        try:
            values = function_range(u, x, region) if u.has(x) else sp.FiniteSet(u)
            low_value = values.inf if isinstance(values, sp.Interval) else min(values)
            if not low_value.is_finite:
                return node
            k = int(sp.floor(low_value / sp.pi + (0 if outer is sp.acos else sp.S.Half)))
            low, high, value = _branch_value(outer, u, k)
            if values.is_subset(sp.Interval(low, high)) is True:
                return value
        except (NotImplementedError, TypeError, ValueError, AttributeError):
            return node
        return node

    try:
        return expr.replace(lambda n: isinstance(n, (sp.asin, sp.acos, sp.atan)), unwrap)
    except (TypeError, ValueError, NotImplementedError, RecursionError):
        return expr


def prove_heavy(lhs: Expr, rhs: Expr) -> ProofFound | None:
    """Tier 5: SymPy's simplify (the step may be too big: flagged ``big-step``)."""
    if _open_series(lhs - rhs):
        return None  # simplify would only retry the summation that already failed, slowly
    try:
        if _zero(sp.simplify(lhs - rhs)):
            return ProofFound("simplify", heavy=True)
    except (TypeError, ValueError, NotImplementedError, RecursionError, sp.PolynomialError):
        return None
    return None


def _open_series(expr: Expr) -> bool:
    """An unevaluated sum or product with a symbolic bound."""
    return any(any(b.free_symbols for lim in node.limits for b in lim[1:])
               for node in expr.atoms(sp.Sum, sp.Product))


def prove_by_derivative(
    lhs: Expr, rhs: Expr, interval: sp.Set | None, deadline: float
) -> ProofFound | None:
    """Univariate: ``(lhs - rhs)' = 0`` on a connected domain and zero at one exact point."""
    diff = lhs - rhs
    free = sorted(diff.free_symbols, key=str)
    if len(free) != 1 or interval is None or not isinstance(interval, sp.Interval):
        return None
    (x,) = free
    try:
        cont = sp.calculus.util.continuous_domain(diff, x, sp.S.Reals)
        region = sp.Intersection(cont, interval)
        if not isinstance(region, sp.Interval) or region.measure == 0:
            return None
        deriv = sp.diff(diff, x)
        if time.monotonic() > deadline:
            return None
        if not (_zero(sp.cancel(sp.together(deriv))) or _zero(sp.simplify(deriv))):
            return None
        point = _inner_point(region)
        value = diff.xreplace({x: point})
        if _zero(sp.nsimplify(0) + sp.simplify(value)):
            return ProofFound("derivative")
    except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError):
        return None
    return None


def _inner_point(region: sp.Interval) -> Expr:
    lo, hi = region.start, region.end
    if lo.is_infinite and hi.is_infinite:
        return sp.Integer(1)
    if lo.is_infinite:
        return sp.floor(hi) - 1
    if hi.is_infinite:
        return sp.floor(lo) + 1
    return (lo + hi) / 2


def assumption_interval(x: Symbol, conditions: Sequence[Basic]) -> sp.Set:
    """The set of reals allowed for ``x`` by its assumptions and univariate conditions."""
    region: sp.Set = sp.S.Reals
    if x.is_positive:
        region = sp.Interval.open(0, sp.oo)
    elif x.is_nonnegative:
        region = sp.Interval(0, sp.oo)
    elif x.is_negative:
        region = sp.Interval.open(-sp.oo, 0)
    elif x.is_nonpositive:
        region = sp.Interval(-sp.oo, 0)
    for cond in conditions:
        if cond.free_symbols == {x}:
            try:
                region = sp.Intersection(region, sp.solveset(cond, x, sp.S.Reals))
            except (NotImplementedError, TypeError, ValueError):
                continue
    return region


def prove_inequality(
    rel: str, lhs: Expr, rhs: Expr, region: sp.Set | None, deadline: float
) -> ProofFound | None:
    """``lhs rel rhs`` everywhere: sign of the difference from assumptions, factors or sets."""
    if rel in ("<", "<="):
        diff, strict = rhs - lhs, rel == "<"
    else:
        diff, strict = lhs - rhs, rel == ">"
    for name, form in (("sign", lambda d: d), ("expand", sp.expand), ("factor", sp.factor),
                       ("sum-of-squares", _complete_square)):
        if time.monotonic() > deadline:
            return None
        try:
            d = form(diff)
        except (TypeError, ValueError, NotImplementedError, sp.PolynomialError):
            continue
        ok = d.is_positive if strict else d.is_nonnegative
        if ok:
            return ProofFound(name)
    if not strict and time.monotonic() < deadline:
        # cos(x)^3 >= cos(x) - cos(x) sin(x)^2: both sides are equal, which the sign provers
        # below would only find by limits of a zero in disguise (minutes in series at oo)
        equal = _identically_zero(lhs, rhs, diff)
        if equal:
            return ProofFound(f"{equal} (both sides equal)")
    free = sorted(diff.free_symbols, key=str)
    if len(free) == 1 and region is not None and time.monotonic() < deadline:
        (x,) = free
        try:
            bad = sp.solveset(diff <= 0 if strict else diff < 0, x, region)
            if bad is sp.S.EmptySet:
                return ProofFound("solveset")
        except (NotImplementedError, TypeError, ValueError):
            pass
    if time.monotonic() < deadline:
        method = prove_nonnegative(diff, strict, region, deadline)
        if method:
            return ProofFound(method)
    return None


def _identically_zero(lhs: Expr, rhs: Expr, diff: Expr) -> str | None:
    """The cheap identity provers' method when ``lhs - rhs`` is zero wherever it is defined:
    normal forms, and sin/cos polynomials modulo sin² + cos² = 1."""
    found = prove_cheap(lhs, rhs)
    if found:
        return found.method
    if diff.has(TrigonometricFunction, HyperbolicFunction):
        try:
            if trig_polynomial_zero(diff):
                return "trig-polynomial"
        except (TypeError, ValueError, NotImplementedError, sp.PolynomialError, ArithmeticError):
            pass
    return None


def _complete_square(expr: Expr) -> Expr:
    free = sorted(expr.free_symbols, key=str)
    if len(free) != 1:
        return expr
    (x,) = free
    poly = sp.Poly(expr, x)
    if poly.degree() != 2:
        return expr
    a, b, c = poly.all_coeffs()
    return a * (x + b / (2 * a)) ** 2 + (c - b**2 / (4 * a))
