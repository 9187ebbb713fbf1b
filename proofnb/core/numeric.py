"""Exact evaluation at points, exact/two-precision comparison, and the sample points.

Nothing here generates code: a side is evaluated bottom-up with SymPy's exact arithmetic,
so a non-real or infinite intermediate value (``sqrt(-1)`` inside ``sqrt(x)^2``) makes the
whole side undefined, as DESIGN §2 asks.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import random
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Final, TypeAlias

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.core.evalf import PrecisionExhausted

from .roots import real_root_anchors
from .series import is_infinite_sum, sum_value
from .trig import constant_zero
from .usertext import user_text


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


#: The side has no (real) value at the point: a pole, log(0), a non-real value in real mode.
UNDEFINED: Final = _Marker("UNDEFINED")
#: The value could not be decided exactly (too big, unevaluated calculus, inconclusive).
UNCERTAIN: Final = _Marker("UNCERTAIN")

Value: TypeAlias = "Expr | _Marker"
Point: TypeAlias = "dict[Symbol, Expr]"

_MAX_EXP: Final = 400
_MAX_SUM_TERMS: Final = 200
#: Exact values beyond this magnitude are UNCERTAIN (a bound on the work per point: an integer
#: power of such a value has at most 400 * 300 digits). Constants people write, a googol
#: 10^100 or 2^200, stay well inside: x + 10^100 = x was 'unknown' at 10^60 (round 46).
_BIG: Final = sp.Integer(10) ** 300
_CALCULUS = (sp.Derivative, sp.Integral, sp.Limit)


def step_seed(seed: int, *texts: str) -> int:
    """A deterministic 32-bit seed for one step (independent of PYTHONHASHSEED)."""
    digest = hashlib.sha256("\x1f".join((str(seed), *texts)).encode()).digest()
    return int.from_bytes(digest[:4], "big")


def evaluate(expr: Basic, point: Mapping[Symbol, Expr], *, real: bool = True) -> Value:
    """The exact value of ``expr`` at ``point``, or UNDEFINED / UNCERTAIN."""
    try:
        key = tuple(point.items())
        hash(key)
    except TypeError:
        return _evaluate(expr, point, real)
    return _evaluate_at(expr, key, real)


@lru_cache(maxsize=2048)
def _evaluate_at(expr: Basic, point: tuple[tuple[Symbol, Expr], ...], real: bool) -> Value:
    """:func:`evaluate`, remembered: the probe asks for the origin's value (is the point in
    the domain?) and then for the left side's, which is often the same expression."""
    return _evaluate(expr, dict(point), real)


def _evaluate(expr: Basic, point: Mapping[Symbol, Expr], real: bool) -> Value:
    try:
        plan = _rational_plan(expr)
        if plan is not None:
            values = _fractions(point)
            if values is not None:
                try:
                    return _run_plan(plan, values, point)
                except _NotRational:
                    pass
        return _eval(expr, point, real)
    except (ZeroDivisionError, ValueError, TypeError, ArithmeticError, RecursionError):
        return UNCERTAIN


# -- fast path: rational expressions at rational points -----------------------------------
#
# A side built from integers, rationals, symbols, +, * and integer powers is evaluated with
# Python Fractions instead of SymPy objects, node by node in the same order and with the
# same checks as _eval (first marker wins; |value| > _BIG is UNCERTAIN; a literal exponent
# above _MAX_EXP is UNCERTAIN; a pole is UNDEFINED), so the result is identical, only
# faster. Anything else (a non-integer exponent at run time included) falls back to _eval.

_Plan: TypeAlias = "tuple[object, ...]"
_NUM, _SYM, _ADD, _MUL, _POW = range(5)
_BIG_INT: Final = 10**300
_MAX_FAST_EXP: Final = 4000  # computed exponents beyond this: leave it to _eval


class _NotRational(Exception):
    """The fast path does not apply at this point: use the SymPy evaluation."""


@lru_cache(maxsize=4096)
def _rational_plan(expr: Basic) -> _Plan | None:
    try:
        return _plan(expr)
    except _NotRational:
        return None


def _plan(expr: Basic) -> _Plan:
    if isinstance(expr, sp.Rational):
        return (_NUM, Fraction(int(expr.p), int(expr.q)), expr)
    if isinstance(expr, Symbol):
        return (_SYM, expr)
    if isinstance(expr, sp.Add):
        return (_ADD, tuple(_plan(a) for a in expr.args))
    if isinstance(expr, sp.Mul):
        return (_MUL, tuple(_plan(a) for a in expr.args))
    if isinstance(expr, sp.Pow):
        base, exp = expr.args
        literal_too_big = bool(exp.is_Integer and abs(int(exp)) > _MAX_EXP)
        return (_POW, _plan(base), _plan(exp), literal_too_big)
    raise _NotRational


def _fractions(point: Mapping[Symbol, Expr]) -> dict[Symbol, Fraction] | None:
    out: dict[Symbol, Fraction] = {}
    for sym, value in point.items():
        if not isinstance(value, sp.Rational):
            return None
        out[sym] = Fraction(int(value.p), int(value.q))
    return out


def _run_plan(plan: _Plan, values: dict[Symbol, Fraction], point: Mapping[Symbol, Expr]) -> Value:
    kind = plan[0]
    if kind == _SYM:
        sym = plan[1]
        assert isinstance(sym, Symbol)
        return point[sym] if sym in point else UNCERTAIN
    result = _fraction_value(plan, values)
    if isinstance(result, _Marker):
        return result
    if kind == _NUM:
        number = plan[2]
        assert isinstance(number, sp.Rational)
        return number
    return sp.Rational(result.numerator, result.denominator)


def _fraction_value(plan: _Plan, values: dict[Symbol, Fraction]) -> Fraction | _Marker:
    kind = plan[0]
    if kind == _NUM:
        value = plan[1]
        assert isinstance(value, Fraction)
        return UNCERTAIN if abs(value) > _BIG_INT else value
    if kind == _SYM:
        found = values.get(plan[1])
        return UNCERTAIN if found is None else found
    if kind == _POW:
        if plan[3]:
            return UNCERTAIN
        base = _fraction_value(plan[1], values)  # type: ignore[arg-type]
        if isinstance(base, _Marker):
            return base
        exp = _fraction_value(plan[2], values)  # type: ignore[arg-type]
        if isinstance(exp, _Marker):
            return exp
        if exp.denominator != 1 or abs(exp) > _MAX_FAST_EXP:
            raise _NotRational
        if base == 0 and exp < 0:
            return UNDEFINED
        result = base ** int(exp)
    else:
        parts: list[Fraction] = []
        for child in plan[1]:  # type: ignore[attr-defined]
            value = _fraction_value(child, values)
            if isinstance(value, _Marker):
                return value
            parts.append(value)
        if kind == _ADD:
            result = sum(parts, Fraction(0))
        else:
            result = Fraction(1)
            for part in parts:
                result *= part
    return UNCERTAIN if abs(result) > _BIG_INT else result


def _eval(expr: Basic, point: Mapping[Symbol, Expr], real: bool) -> Value:
    if expr in point:
        return point[expr]
    if expr.is_Atom:
        if expr.is_Symbol:
            return UNCERTAIN
        return _check(expr, real)
    if isinstance(expr, (sp.Sum, sp.Product)):
        return _eval_sum(expr, point, real)
    if isinstance(expr, (*_CALCULUS, sp.Product)) or not isinstance(expr, Expr):
        return UNCERTAIN
    if (isinstance(expr, sp.Pow) and expr.exp.is_Integer and abs(expr.exp) > _MAX_EXP
            and expr.base is not sp.I):  # i^2023 is one of 1, i, -1, -i: cheap at any size
        return UNCERTAIN
    if isinstance(expr, sp.log) and len(expr.args) == 2:
        # log(x, b) is ln(x)/ln(b): both logarithms must exist (SymPy's log(-1, -1) is 1).
        x, base = expr.args
        quotient = sp.Mul(sp.log(x, evaluate=False),
                          sp.Pow(sp.log(base, evaluate=False), -1, evaluate=False),
                          evaluate=False)
        return _eval(quotient, point, real)
    args: list[Expr] = []
    for arg in expr.args:
        value = _eval(arg, point, real)
        if isinstance(value, _Marker):
            return value
        args.append(value)
    if isinstance(expr, sp.Pow) and _too_many_bits(*args):
        return UNCERTAIN
    if isinstance(expr, sp.Pow) and _unrooted(*args):
        return _check(sp.Pow(*args, evaluate=False), real)
    if isinstance(expr, _FACTORIALS) and _too_many_factors(expr, args):
        return UNCERTAIN
    return _check(expr.func(*args), real)


#: Above this many bits an exact rational power is not computed: (1 + 1/n^2)^(n^2) at n = 100
#: is a fraction of 140000 bits, seconds to build and a minute for evalf to read.
_MAX_POWER_BITS: Final = 2**16


def _too_many_bits(base: Expr, exp: Expr) -> bool:
    if not (isinstance(base, sp.Rational) and exp.is_Integer) or base.is_Integer and abs(base) <= 1:
        return False
    size = max(int(base.p).bit_length(), int(base.q).bit_length())
    return abs(int(exp)) * size > _MAX_POWER_BITS


#: Functions whose value at a whole number is a product of that many factors.
_FACTORIALS: Final = (sp.factorial, sp.factorial2, sp.subfactorial, sp.gamma, sp.binomial)
#: Above this argument a factorial is beyond _BIG (171! already is), and so UNCERTAIN
#: anyway; SymPy would first multiply it out: (n^2 - 5)! at n = 1000 took seconds.
_MAX_FACTORIAL_ARG: Final = 2000


def _too_many_factors(expr: Expr, args: list[Expr]) -> bool:
    """Is ``expr`` at ``args`` a whole-number factorial (or binomial coefficient C(n, k)
    with k and n - k both large) far beyond _BIG, not worth computing?"""
    if isinstance(expr, sp.binomial):
        n, k = args
        return bool(n.is_Integer and k.is_Integer and 0 <= k <= n
                    and min(k, n - k) > _MAX_FACTORIAL_ARG)
    arg = args[0]
    return bool(arg.is_Integer and arg > _MAX_FACTORIAL_ARG)


#: Above this denominator of a fractional exponent, a rational power is left as written:
#: SymPy looks for an exact root (2^(10^15 + 1)/10^15) by perfect-power tests that take
#: minutes on the sample points 10^-12 from a point ((x y)^n under x, y > 0 hung).
_MAX_ROOT_DENOMINATOR: Final = 1000


def _unrooted(base: Expr, exponent: Expr) -> bool:
    return isinstance(base, sp.Rational) and isinstance(exponent, sp.Rational) \
        and exponent.q > _MAX_ROOT_DENOMINATOR


def _eval_sum(expr: sp.Sum | sp.Product, point: Mapping[Symbol, Expr], real: bool) -> Value:
    """A finite sum's (or product's) terms added (multiplied) up at the point."""
    if len(expr.limits) != 1:
        return UNCERTAIN
    var, low, high = expr.limits[0]
    product = isinstance(expr, sp.Product)
    if product and (low.has(sp.oo, -sp.oo) or high.has(sp.oo, -sp.oo)):
        return UNCERTAIN
    if not product and is_infinite_sum(expr):
        value = sum_value(expr, {s: v for s, v in point.items() if s in expr.free_symbols})
        if value is None:
            return UNCERTAIN
        return UNDEFINED if value is False else _check(value, real)
    lo, hi = _eval(low, point, real), _eval(high, point, real)
    if isinstance(lo, _Marker) or isinstance(hi, _Marker):
        return UNCERTAIN if UNCERTAIN in (lo, hi) else UNDEFINED
    if not (lo.is_Integer and hi.is_Integer):
        return UNDEFINED
    first, last, sign = int(lo), int(hi), 1
    if last < first - 1:
        # Karr's convention, as SymPy's summation uses it: a sum from a to b < a - 1 is minus
        # the sum from b + 1 to a - 1, so that sum(a..b) + sum(b+1..c) = sum(a..c) for all
        # integers. Closed forms a student derives hold for every n under it.
        first, last, sign = last + 1, first - 1, -1
    if last - first > _MAX_SUM_TERMS:
        return UNCERTAIN
    total: Expr = sp.Integer(1 if product else 0)
    inner = dict(point)
    for k in range(first, last + 1):
        inner[var] = sp.Integer(k)
        term = _eval(expr.function, inner, real)
        if isinstance(term, _Marker):
            return term
        total = total * term if product else total + term
    if product:  # Karr's convention: the product from a to b < a - 1 is 1 over the product
        return _check(total if sign > 0 else 1 / total, real)  # from b + 1 to a - 1
    return _check(sign * total, real)


def _check(value: Expr, real: bool) -> Value:
    if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return UNDEFINED
    if value.is_Rational:
        return UNCERTAIN if abs(value) > _BIG else value
    if not real:
        return value if value.is_finite is not False else UNDEFINED
    is_real = value.is_extended_real
    if is_real is False:
        return UNDEFINED
    if is_real:
        return value
    try:
        low = sp.im(value).evalf(20, strict=True)
        high = sp.im(value).evalf(40, strict=True)
    except (PrecisionExhausted, TypeError, ValueError):
        return UNCERTAIN
    if low == 0 or high == 0:
        return value
    return UNDEFINED if abs(high) > sp.Float("1e-15") else UNCERTAIN


@dataclass(frozen=True)
class Comparison:
    """Sign of ``a - b``; ``exact`` says a zero sign was proven exactly.

    ``sign`` is 2 for a confirmed nonzero non-real difference (complex mode).
    """

    sign: int | None
    exact: bool = True


def compare(a: Expr, b: Expr, *, need_exact: bool = False) -> Comparison:
    """Sign of ``a - b``: nonzero only when confirmed exactly or at two precisions.

    A zero sign is ``exact`` when proven; otherwise it only means "indistinguishable from
    zero" (agreement evidence). ``need_exact`` spends more effort proving zeros exactly.
    """
    try:
        diff = a - b
    except (TypeError, ValueError):
        return Comparison(None, False)
    if diff.is_Rational:
        return Comparison(int(sp.sign(diff)))
    digits = critical_digits(diff)
    if digits:  # 10^70 acos(1 - 10^-80) is 0 at 30 and 60 digits, also to is_zero
        value = _value_at(diff, digits)
        if value is not None:
            return Comparison(1 if value > 0 else -1)
        return Comparison(0, need_exact and _exact_zero(diff))
    clear = _clearly_nonzero(diff)
    if clear is not None:
        return clear
    try:
        if diff.is_Add and diff.has(sp.Pow):
            diff = sp.expand(diff)
    except (TypeError, ValueError):
        return Comparison(None, False)
    if diff.is_Rational:
        return Comparison(int(sp.sign(diff)))
    if diff.is_zero is True:
        return Comparison(0)
    try:
        quick = diff.evalf(15)
        # A value SymPy cannot size (2 DiracDelta(0), from d^2/dx^2 |x| at 0) is no verdict.
        tiny = bool(quick.is_number and quick.is_real is not False
                    and abs(quick) < sp.Float("1e-12"))
    except (TypeError, ValueError):
        return Comparison(None, False)
    if tiny:
        # Looks like zero: confirm only on request (escalating precision on zeros is slow).
        if need_exact:
            return Comparison(0, _exact_zero(diff))
        return Comparison(0, False)
    try:
        low = diff.evalf(30, strict=True)
        high = diff.evalf(60, strict=True)
    except (PrecisionExhausted, TypeError, ValueError):
        if need_exact and _exact_zero(diff):
            return Comparison(0)
        try:
            rough = diff.evalf(30)
        except (TypeError, ValueError):
            return Comparison(None, False)
        if rough.is_number and abs(rough) < sp.Float("1e-25"):
            return Comparison(0, False)
        return Comparison(None, False)
    if not (low.is_real and high.is_real):
        if not low.is_number or not high.is_number:
            return Comparison(None, False)
        mag_low, mag_high = abs(low), abs(high)
        if mag_high > sp.Float("1e-20") and abs(mag_low - mag_high) < mag_high * sp.Float("1e-15"):
            return Comparison(2)
        return Comparison(None, False)
    if high == 0 or abs(high) < sp.Float("1e-25"):
        return Comparison(0, need_exact and _exact_zero(diff))
    if (low > 0) == (high > 0) and abs(low - high) <= abs(high) * sp.Float("1e-20"):
        return Comparison(1 if high > 0 else -1)
    return Comparison(None, False)


def tiny_difference(a: Expr, b: Expr, deadline: float | None = None) -> sp.Float | None:
    """The value of ``a - b`` when it only looked like zero: a difference such as
    ``cos(2/10^60) - 1`` (about -2e-120) that :func:`compare` counts as agreement. Strict
    evaluation at three precisions, each twice the last, must agree on a nonzero value; a
    true zero exhausts the precision instead. SymPy's evalf can also be wrong without
    raising: ``log(1 + 10^-80)`` and ``acos(1 - e^-200)`` come out as an exact 0 at 30 and 60
    digits, where the argument rounds to 1. So a zero or a disagreement climbs the ladder
    (30, 60, 120 digits, then 120, 240, 480, then 480, 960, 1920 where literals are long).
    ``None`` when no rung shows a nonzero value, or when ``deadline`` (a monotonic time)
    passed before a rung.

    A term far below what any rung resolves (``e^(-x^2)`` at x = 1000, about 10^-434295) is
    set aside: evalf would raise its working precision to that term's scale at once (half a
    million digits of cos(1000), minutes) when the other terms cancel. The rest must then
    show a value far above the set-aside terms, which is the difference's value too."""
    try:
        diff = a - b
        if diff.is_Rational:
            return sp.Float(diff, 30) if diff else None
    except (TypeError, ValueError, OverflowError, RecursionError):
        return None
    top = working_digits(diff)
    diff, negligible = _set_aside(diff, top)
    for rung in _LADDER:
        if rung[0] > top or (deadline is not None and time.monotonic() > deadline):
            break
        values = _strict_values(diff, rung, top)
        if values is None:
            continue
        low, mid, high = values
        if not ((low > 0) == (mid > 0) == (high > 0)):
            continue
        if abs(mid - high) > abs(high) * sp.Float("1e-25") \
                or abs(low - high) > abs(high) * sp.Float("1e-20"):
            continue
        if negligible and not abs(high) > negligible * _MARGIN:
            return None
        return high
    return None


#: How far (a factor) the rest of a difference must stay above the terms set aside.
_MARGIN: Final = sp.Integer(10) ** 10


def _set_aside(diff: Expr, top: int) -> tuple[Expr, sp.Float | None]:
    """``diff`` without its terms below 10^-(4 top) (at 15 digits), and a bound on their
    sum (twice the sum of their sizes); ``(diff, None)`` when none is that small."""
    if not isinstance(diff, sp.Add):
        return diff, None
    floor = sp.Float(10, 15) ** (-4 * top)
    kept: list[Expr] = []
    sizes: list[sp.Float] = []
    for term in diff.args:
        if isinstance(term, sp.Rational):  # exact; evalf of a long fraction is slow
            kept.append(term)
            continue
        try:
            size = abs(term.evalf(15))
        except (TypeError, ValueError, OverflowError, RecursionError, ArithmeticError):
            return diff, None
        if isinstance(size, sp.Float) and 0 < size < floor:
            sizes.append(size)
        else:
            kept.append(term)
    if not sizes or not kept:
        return diff, None
    return sp.Add(*kept), 2 * sp.Add(*sizes)


#: Precisions (digits) tried together by :func:`tiny_difference`, lowest rung first.
_LADDER: Final = ((30, 60, 120), (120, 240, 480), (480, 960, 1920))


def _strict_values(diff: Expr, rung: tuple[int, ...], top: int) -> list[sp.Float] | None:
    """``diff`` at each precision of ``rung``, all nonzero Floats, or None."""
    for maxn in (None, top):
        try:
            values = [diff.evalf(n, strict=True) if maxn is None
                      else diff.evalf(n, strict=True, maxn=max(maxn, 2 * n)) for n in rung]
        except (PrecisionExhausted, TypeError, ValueError, OverflowError, RecursionError):
            continue
        if all(isinstance(v, sp.Float) and v != 0 for v in values):
            return values
        return None
    return None


def working_digits(expr: Basic) -> int:
    """The working precision (digits) evalf may use to settle a difference that its default
    (about 100 digits) gives up on: at least 1000, and more for long literals, since
    ``cos(10^-600) - 1`` is about -5e-1201 and ``sin(10^-k) - 10^-k`` about 10^(-3k)."""
    longest = max((_digits(int(r.p)) + _digits(int(r.q)) for r in expr.atoms(sp.Rational)),
                  default=0)
    return min(_MAX_WORKING_DIGITS, max(1000, 4 * longest + 200))


def _digits(number: int) -> int:
    """About the number of decimal digits of ``number`` (one more at most), from its bits:
    str() of a whole number past 4300 digits raises ((1 + 1/n^2)^(n^2) at n = 1000)."""
    return int(abs(number).bit_length() * 0.30103) + 1


#: Functions whose value SymPy's evalf gives as an exact 0 when their argument rounds to 1 at
#: the working precision: ``log(1 + 10^-80)`` and ``acos(1 - 10^-40)`` evaluate to 0 at 30 or
#: 50 digits, and SymPy's ``is_zero`` and ``simplify`` then call them zero too.
_ZERO_AT_ONE: Final = (sp.log, sp.acos, sp.acosh, sp.asec)


def critical_digits(diff: Expr) -> int:
    """The precision (digits) at which a constant ``diff`` must be evaluated because a
    function of :data:`_ZERO_AT_ONE` in it has an argument within 10^-12 of 1 (twice the
    distance's digits, plus 60: the argument no longer rounds to 1); 0 when none has."""
    if not isinstance(diff, Expr) or not diff.has(*_ZERO_AT_ONE):
        return 0
    gaps = [gap for gap in _gaps_to_one(diff) if gap != 0 and abs(gap) < _NEAR_ONE]
    if not gaps or diff.free_symbols:
        return 0
    digits = max(2 * int(-sp.log(abs(gap), 10).evalf(5)) + 60 for gap in gaps)
    return min(digits, _MAX_WORKING_DIGITS)


_NEAR_ONE: Final = sp.Rational(1, 10**12)


def _gaps_to_one(expr: Basic) -> Iterator[Expr]:
    """``u - 1`` for each argument u of a :data:`_ZERO_AT_ONE` function in ``expr``: exactly
    when u is rational and within 10^-12 of 1 (compared in integers: compare() asks at
    every point, and most arguments there are rational), else at 20 digits."""
    for arg in expr.args:
        yield from _gaps_to_one(arg)
    if not isinstance(expr, _ZERO_AT_ONE):
        return
    arg = expr.args[0]
    if isinstance(arg, sp.Rational):
        if arg.p != arg.q and abs(arg.p - arg.q) * 10**12 < arg.q:  # in integers: cheap
            yield arg - 1
    elif arg.is_number:  # 1 - e^-200, cos(10^-40): its distance to 1 at 20 digits
        try:
            gap = (arg - 1).evalf(20)
        except (TypeError, ValueError, OverflowError, RecursionError, ArithmeticError):
            return
        if isinstance(gap, sp.Float):
            yield gap


def critical_value(diff: Expr) -> sp.Float | None:
    """``diff`` evaluated at :func:`critical_digits` and at twice that, when both agree on a
    nonzero value; None otherwise (also when ``diff`` has no such argument)."""
    digits = critical_digits(diff)
    return _value_at(diff, digits) if digits else None


def _value_at(diff: Expr, digits: int) -> sp.Float | None:
    try:
        low, high = diff.evalf(digits), diff.evalf(2 * digits)
    except (TypeError, ValueError, OverflowError, RecursionError, ArithmeticError):
        return None
    if not (isinstance(low, sp.Float) and isinstance(high, sp.Float)) or low == 0 or high == 0 \
            or (low > 0) != (high > 0) or abs(low - high) > abs(high) * sp.Float("1e-20"):
        return None
    return high


def visibly_nonzero(diff: Expr) -> bool:
    """Is ``diff`` shown nonzero by :func:`critical_value` (a zero SymPy claims is wrong)?"""
    return critical_value(diff) is not None


#: Beyond this many digits evalf is slow (seconds): a difference it cannot settle stays open.
_MAX_WORKING_DIGITS: Final = 20000


def _clearly_nonzero(diff: Expr) -> Comparison | None:
    """The sign of a real difference that is far from zero at 15 digits, confirmed at 30 and
    60 digits (as :func:`compare` confirms any nonzero sign); ``None`` for anything else,
    which takes the full path (expansion, exact zero tests)."""
    try:
        quick = diff.evalf(15)
        if not isinstance(quick, sp.Float) or abs(float(quick)) < 1e-6:
            return None
        low = diff.evalf(30, strict=True)
        high = diff.evalf(60, strict=True)
    except (PrecisionExhausted, TypeError, ValueError, OverflowError):
        return None
    if not (isinstance(low, sp.Float) and isinstance(high, sp.Float)):
        return None
    positive = high > 0
    if (low > 0) == positive and abs(low - high) <= abs(high) * sp.Float("1e-20"):
        return Comparison(1 if positive else -1)
    return None


def _exact_zero(diff: Expr) -> bool:
    """Decide ``diff == 0`` exactly (algebraic numbers via their minimal polynomial)."""
    if visibly_nonzero(diff):
        return False
    if diff.is_zero is True:
        return True
    try:
        if all(a.is_Rational or a is sp.I for a in diff.atoms(sp.Number, sp.NumberSymbol, sp.I)):
            if not diff.has(sp.Function):
                t = sp.Dummy("t")
                return bool(sp.minimal_polynomial(diff, t) == t)
        if diff.has(sp.I) and constant_zero(diff):  # roots of unity: 1 + w + w^2, w = e^(2 pi i/3)
            return True
        return bool(sp.simplify(diff) == 0)
    except (NotImplementedError, TypeError, ValueError, sp.PolynomialError):
        return False


# -- sample points ------------------------------------------------------------------------

_SPECIAL: Final = [
    sp.Rational(v)
    for v in (0, 1, -1, 2, -2, "1/2", "-1/2", 3, -3, "1/3", "3/2", "-1/3", 4, "5/2", "-3/2",
              "2/3", 5, -4, "1/4", "-5/2", 7, "-2/3")
]
_COMPLEX_SPECIAL: Final = [sp.I, -sp.I, 1 + sp.I, 2 * sp.I, -1 - sp.I, 4 * sp.I, -3 * sp.I,
                           sp.Rational(1, 2) - sp.I]
_INT_SPECIAL: Final = [sp.Integer(v) for v in (0, 1, 2, -1, 3, -2, 4, 5, -3, 6, 7, 10, -5, 8)]


def is_integer_symbol(sym: Symbol, expr_context: Sequence[Basic] = ()) -> bool:
    """Integer-valued symbols: declared integer, or used as a bound of a Sum."""
    if sym.is_integer:
        return True
    for expr in expr_context:
        for s in expr.atoms(sp.Sum, sp.Product):
            for lim in s.limits:
                if any(sym in b.free_symbols for b in lim[1:]):
                    return True
    return False


def admissible(sym: Symbol, value: Expr) -> bool:
    """Does ``value`` respect the SymPy assumptions carried by ``sym``?"""
    if not _restricted(sym):
        return True
    if sym.is_integer and not value.is_integer:
        return False
    if sym.is_positive and not value > 0:
        return False
    if sym.is_nonnegative and not value >= 0:
        return False
    if sym.is_negative and not value < 0:
        return False
    if sym.is_nonpositive and not value <= 0:
        return False
    if sym.is_nonzero and value == 0:
        return False
    if sym.is_even and not value.is_even:
        return False
    return not (sym.is_odd and not value.is_odd)


@lru_cache(maxsize=1024)
def _restricted(sym: Symbol) -> bool:
    """Whether ``sym`` carries an assumption that :func:`admissible` checks (a plain real
    variable admits every real value: sampling asks this for every candidate)."""
    return any(getattr(sym, f"is_{name}") for name in (
        "integer", "positive", "nonnegative", "negative", "nonpositive", "nonzero", "even",
        "odd"))


#: Fractions k/m of a gap between two thresholds, simplest first.
_SUBDIVISIONS: Final = ((1, 3), (2, 3), (1, 4), (3, 4), (1, 5), (2, 5), (3, 5), (4, 5), (1, 7))


def candidate_values(
    sym: Symbol, integer: bool, anchors: Sequence[Expr], rng: random.Random, count: int,
    specials: Sequence[Expr] = (),
) -> list[Expr]:
    """Values to try for one symbol: simple numbers, the step's own special values (pi/2
    for a trigonometric step), values around anchors, then random ones."""
    values: list[Expr] = []
    seen: set[Expr] = set()

    def push(v: Expr) -> None:
        if v not in seen and (not integer or v.is_integer) and admissible(sym, v):
            seen.add(v)
            values.append(v)

    base = _INT_SPECIAL if integer else _SPECIAL
    for v in base[:2]:
        push(v)
    for v in specials:
        if v.is_Rational:  # values between the integers (floor, ceiling) come early
            push(v)
    push(base[2])
    if not integer and sym.is_real is not True and sym.is_integer is not True:
        # A complex symbol: non-real points too (branch cuts live there).
        for v in _COMPLEX_SPECIAL:
            push(v)
    for v in base[3:8]:
        push(v)
    for v in specials:
        push(v)
    for a in anchors:
        for off in ("1", "2", "1/2", "-1", "3", "-1/2", "0", "5", "10"):
            push(a + sp.Rational(off))
    # Inside a bounded gap between thresholds (0 < x < 1, or sqrt(x - 1) + sqrt(3 - x))
    # the offsets above leave few points: subdivide the gap as well.
    ordered = sorted({a for a in anchors if a.is_Rational})
    if 2 <= len(ordered) <= 4:
        for lo, hi in zip(ordered, ordered[1:], strict=False):
            for k, m in _SUBDIVISIONS:
                push(lo + (hi - lo) * sp.Rational(k, m))
    for v in base[8:]:
        push(v)
    for _ in range(4 * count):
        if len(values) >= count:
            break
        if integer:
            push(sp.Integer(rng.randint(-12, 12)))
        else:
            centre = rng.choice(list(anchors)) if anchors and rng.random() < 0.5 else 0
            push(sp.Rational(rng.randint(-40, 40), rng.choice((1, 2, 3, 4, 5, 7))) + centre)
    return values[:count]


def points(
    symbols: Sequence[Symbol],
    integer: Mapping[Symbol, bool],
    anchors: Mapping[Symbol, Sequence[Expr]],
    seed: int,
    limit: int,
    specials: Mapping[Symbol, Sequence[Expr]] | None = None,
) -> Iterator[Point]:
    """Deterministic sample points: simplest combinations first, then seeded random tuples."""
    rng = random.Random(seed)
    if not symbols:
        yield {}
        return
    specials = specials or {}
    per = max(3, min(24, int(round(limit ** (1.0 / len(symbols)))) + 2))
    columns = [candidate_values(s, integer.get(s, False), anchors.get(s, ()), rng, per,
                                specials.get(s, ()))
               for s in symbols]
    if len(symbols) == 1:
        for v in columns[0][:limit]:
            yield {symbols[0]: v}
        return
    head = max(1, limit // 2)
    # Only the first ``head`` combinations are used, and all those with indices below r come
    # before any other: build just enough of them (3^14 tuples for 14 letters took minutes).
    r = 1
    while r < max(len(c) for c in columns) and math.prod(min(r, len(c)) for c in columns) < head:
        r += 1
    combos = sorted(
        itertools.product(*(range(min(r, len(c))) for c in columns)),
        key=lambda t: (max(t), sum(t), t),
    )
    emitted = 0
    for idx in combos[:head]:
        yield {s: columns[i][j] for i, (s, j) in enumerate(zip(symbols, idx, strict=True))}
        emitted += 1
    # Then seeded random tuples (more than the simplest values can cover).
    wide = [candidate_values(s, integer.get(s, False), anchors.get(s, ()), rng, 3 * per)
            for s in symbols]
    while emitted < limit:
        yield {s: rng.choice(col) for s, col in zip(symbols, wide, strict=True)}
        emitted += 1


#: Where trigonometric functions reach their extremes, zeros and poles: the points that
#: tell ``|sin x| < 1`` (false at pi/2) from ``|sin x| <= 1``.
TRIG_SPECIALS: Final = (sp.pi / 2, sp.pi, sp.pi / 4, -sp.pi / 2, sp.pi / 6, sp.pi / 3,
                        3 * sp.pi / 2, 2 * sp.pi / 3)
_TRIG: Final = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc)
#: Where floor and ceiling do not jump, between the integers: the points that tell
#: ``floor(x + y)`` from ``floor(x) + floor(y)`` (false at x = y = 1/2). Tried early.
STEP_SPECIALS: Final = (sp.Rational(1, 2), sp.Rational(-1, 2), sp.Rational(2, 3),
                        sp.Rational(3, 2), sp.Rational(-1, 3))
_STEPS: Final = (sp.floor, sp.ceiling, sp.frac)


def specials_from(
    exprs: Sequence[Basic], symbols: Sequence[Symbol]
) -> dict[Symbol, tuple[Expr, ...]]:
    """Special values per symbol: multiples of pi for a variable inside a trigonometric
    function, fractions between the integers for one inside floor or ceiling (not for an
    integer variable)."""
    inside: set[Symbol] = set()
    stepped: set[Symbol] = set()
    for expr in exprs:
        for call in expr.atoms(*_TRIG):
            inside |= {s for s in call.free_symbols if isinstance(s, Symbol)}
        for call in expr.atoms(*_STEPS):
            stepped |= {s for s in call.free_symbols if isinstance(s, Symbol)}
    out: dict[Symbol, tuple[Expr, ...]] = {}
    for s in symbols:
        if s.is_integer is True:
            continue
        found = (STEP_SPECIALS if s in stepped else ()) + (TRIG_SPECIALS if s in inside else ())
        if found:
            out[s] = found
    return out


def anchors_from(conds: Sequence[Basic], symbols: Sequence[Symbol]) -> dict[Symbol, list[Expr]]:
    """Rational thresholds near which the domain changes (``x > 5`` gives 5)."""
    out: dict[Symbol, list[Expr]] = {s: [] for s in symbols}
    for cond in conds:
        expr = cond.lhs - cond.rhs if isinstance(cond, sp.core.relational.Relational) else cond
        if not isinstance(expr, Expr):
            continue
        free = sorted(expr.free_symbols & set(symbols), key=str)
        if len(free) != 1:
            continue
        (s,) = free
        for approx in _thresholds(expr, s):
            if approx not in out[s]:
                out[s].append(approx)
    return out


@lru_cache(maxsize=2048)
def _thresholds(expr: Expr, s: Symbol) -> tuple[Expr, ...]:
    """Real roots of the numerator of ``expr`` in ``s`` (rational ones exact, others rounded
    down to a half), for a polynomial numerator of degree at most 4."""
    fast = real_root_anchors(expr, s)
    return fast if fast is not None else thresholds_by_sympy(expr, s)


def thresholds_by_sympy(expr: Expr, s: Symbol) -> tuple[Expr, ...]:
    """:func:`_thresholds` through SymPy's ``together`` and ``real_roots`` (any rational
    function; the reference the fast path is tested against)."""
    found: list[Expr] = []
    try:
        num = sp.numer(sp.together(expr))
        if not num.is_polynomial(s) or sp.degree(num, s) > 4:
            return ()
        for r in sp.Poly(num, s).real_roots():
            approx = sp.Rational(sp.floor(r * 2), 2) if not r.is_Rational else r
            if abs(approx) < 1000 and approx not in found:
                found.append(approx)
    except Exception:  # noqa: BLE001 - anchors are a sampling hint only
        return ()
    return tuple(found)


def neighbours(point: Point, scale: Expr | int = 1) -> list[Point]:
    """Nearby points used to tell an isolated exception from a region (about 1/1000 away,
    times ``scale``)."""
    deltas = tuple(scale * d for d in (sp.Rational(1, 1000), sp.Rational(-1, 1000),
                                       sp.Rational(1, 997)))
    out: list[Point] = []
    for d in deltas:
        out.append({s: v + d for s, v in point.items()})
    if len(point) > 1:
        # Moving every coordinate alike stays on lines such as n - k = 0 (where a factorial
        # of n - k - 1 has its poles): move them against each other, and one at a time.
        step = deltas[0]
        out.append({s: v + (step if i % 2 else -step) for i, (s, v) in enumerate(point.items())})
        for moved in point:
            out.append({s: v + step if s == moved else v for s, v in point.items()})
    return out


def show(value: Value) -> str | None:
    """A value as the student sees it (``None`` when undefined)."""
    if isinstance(value, _Marker):
        return None
    return str(sp.sstr(value))


def point_text(point: Point) -> str:
    """``x = 1/2, y = -1``: a point as the student reads it in a witness sentence."""
    return ", ".join(f"{user_text(k)} = {user_text(v)}" for k, v in point.items())


def show_text(value: Value) -> str:
    """A value in a witness sentence, as the student writes it (``2^(1/3)``, ``ln(2)``); a
    complex number as ``a + b i`` when that is no longer (``(1 + i)^2`` is shown as ``2*i``)."""
    if isinstance(value, _Marker):
        return "undefined"
    if isinstance(value, Expr) and value.is_number and value.is_real is False:
        try:
            plain = sp.expand_complex(value)
        except (TypeError, ValueError, ArithmeticError, RecursionError):
            plain = value
        if sp.count_ops(plain) <= sp.count_ops(value):
            value = plain
    return user_text(value)


#: Significant digits of the decimals shown beside exact values, at first and at most.
_SHOWN_DIGITS, _MOST_DIGITS = 4, 15


def approximations(a: Value, b: Value) -> tuple[str, str]:
    """``" ≈ 9.899"`` for each real value that is not a plain rational (``""`` otherwise),
    with enough digits that two different values do not print alike: a student checks
    ``(sqrt(2) + sqrt(3))^2 ≈ 9.899`` against ``5 + sqrt(6) ≈ 7.449`` on a calculator."""
    exact = [v if isinstance(v, Expr) and v.is_number and v.is_real else None for v in (a, b)]
    digits = _SHOWN_DIGITS
    if a == b:  # x e^(-x) < 1/e fails at 1 because the sides are equal: no digits to add
        return (_decimal(a, digits), _decimal(b, digits)) if exact[0] is not None \
            and not exact[0].is_Rational else ("", "")
    while True:
        shown = [_decimal(v, digits) if v is not None and not v.is_Rational else ""
                 for v in exact]
        both = all(exact) and all(shown)
        if not both or shown[0] != shown[1] or digits >= _MOST_DIGITS:
            return shown[0], shown[1]
        digits = min(_MOST_DIGITS, digits * 2)


#: Largest binary exponent of a value whose decimals are shown (e^(-10^9) prints at once;
#: e^(e^(e^10)), about 2^(10^9565), took minutes)
_MOST_BITS = 10**12


def _decimal(value: Expr, digits: int) -> str:
    try:
        approx = value.evalf(digits + 5)
    except (TypeError, ValueError, ArithmeticError, RecursionError):
        return ""
    if not approx.is_Float or approx.is_zero:
        return ""
    _, _, exponent, size = approx._mpf_
    if abs(exponent + size) > _MOST_BITS:
        return ""  # e^(e^(e^10)): its decimal digits took minutes to print
    # SymPy's own digits: a float would show e^(-10^6) as 0 and e^(10^6) as inf.
    return f" ≈ {str(sp.Float(approx, digits)).replace('E', 'e')}"
