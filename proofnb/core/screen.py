"""A double-precision pre-screen of probe points: which points need exact work.

Exact evaluation with SymPy objects costs about a millisecond a point, and most points of
most steps are unremarkable: both sides defined and clearly equal. The screen evaluates the
written sides in double precision and calls a point *clear* only when everything about it
is far from an edge: the assumptions hold with a margin, both sides (and the chain's origin)
are finite, no square root, logarithm or inverse function is near the edge of its real
domain, no denominator is near zero, and the two sides agree (or satisfy the inequality)
with room to spare.

The screen never decides anything. A clear point is neither a counterexample nor evidence
for ``likely``; the first point that is not clear, and every point after it, is evaluated
exactly as before. A step whose sides use anything the screen does not model (calculus,
sums, complex mode, user functions) is not screened at all.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Final, TypeAlias

import sympy as sp
from sympy import Basic, Symbol
from sympy.core.relational import Relational

#: Values and arguments this close to an edge (zero, a domain bound, an integer) are unclear.
EDGE: Final = 1e-9
#: Two values agree when they differ by at most this, relative to the larger (or to 1).
AGREE: Final = 1e-9
#: Magnitudes beyond this are unclear (the exact evaluator calls them uncertain at 10**60).
HUGE: Final = 1e50

Values: TypeAlias = Mapping[Symbol, float]
Compiled: TypeAlias = Callable[[Values], float]


class Unclear(Exception):
    """This point needs exact evaluation (an edge, an overflow, a value not modelled)."""


class _Unsupported(Exception):
    """The expression uses something the screen does not model."""


def _finite(value: float) -> float:
    if math.isfinite(value) and abs(value) <= HUGE:
        return value
    raise Unclear


def _away_from(value: float, edge: float) -> None:
    if abs(value - edge) <= EDGE * max(1.0, abs(edge)):
        raise Unclear


def _sqrt_like(value: float) -> None:
    """Arguments of a real root or logarithm: clearly positive, else unclear."""
    if value <= EDGE:
        raise Unclear


def _log(v: float) -> float:
    _sqrt_like(v)
    return math.log(v)


def _in_unit(v: float) -> None:
    if abs(v) >= 1.0 - EDGE:
        raise Unclear


def _outside_unit(v: float) -> None:
    if abs(v) <= 1.0 + EDGE:
        raise Unclear


def _nonzero(v: float) -> float:
    if abs(v) <= EDGE:
        raise Unclear
    return v


def _asin(v: float) -> float:
    _in_unit(v)
    return math.asin(v)


def _acos(v: float) -> float:
    _in_unit(v)
    return math.acos(v)


def _acosh(v: float) -> float:
    _sqrt_like(v - 1.0)
    return math.acosh(v)


def _atanh(v: float) -> float:
    _in_unit(v)
    return math.atanh(v)


def _acot(v: float) -> float:
    # SymPy's acot(x) = atan(1/x), with acot(0) = pi/2 (an edge here).
    return math.atan(1.0 / _nonzero(v))


def _acoth(v: float) -> float:
    _outside_unit(v)
    return math.atanh(1.0 / v)


def _asec(v: float) -> float:
    _outside_unit(v)
    return math.acos(1.0 / v)


def _acsc(v: float) -> float:
    _outside_unit(v)
    return math.asin(1.0 / v)


def _tan(v: float) -> float:
    return math.sin(v) / _nonzero(math.cos(v))


def _cot(v: float) -> float:
    return math.cos(v) / _nonzero(math.sin(v))


def _sec(v: float) -> float:
    return 1.0 / _nonzero(math.cos(v))


def _csc(v: float) -> float:
    return 1.0 / _nonzero(math.sin(v))


def _coth(v: float) -> float:
    return 1.0 / _nonzero(math.tanh(v))


def _csch(v: float) -> float:
    return 1.0 / _nonzero(math.sinh(v))


def _exp(v: float) -> float:
    if v > 115.0:  # e**115 > HUGE
        raise Unclear
    return math.exp(v)


def _sign(v: float) -> float:
    return math.copysign(1.0, _nonzero(v))


def _floor(v: float) -> float:
    _away_from(v, round(v))
    return float(math.floor(v))


def _ceiling(v: float) -> float:
    _away_from(v, round(v))
    return float(math.ceil(v))


#: One-argument functions and their real-mode double-precision counterparts. Each raises
#: :class:`Unclear` near the edge of its real domain and near its poles.
_UNARY: Final[dict[type, Callable[[float], float]]] = {
    sp.sin: math.sin, sp.cos: math.cos, sp.tan: _tan, sp.cot: _cot, sp.sec: _sec,
    sp.csc: _csc, sp.asin: _asin, sp.acos: _acos, sp.atan: math.atan, sp.acot: _acot,
    sp.asec: _asec, sp.acsc: _acsc, sp.sinh: math.sinh, sp.cosh: math.cosh,
    sp.tanh: math.tanh, sp.coth: _coth, sp.csch: _csch, sp.asinh: math.asinh,
    sp.acosh: _acosh, sp.atanh: _atanh, sp.acoth: _acoth, sp.exp: _exp, sp.log: _log,
    sp.Abs: abs, sp.sign: _sign, sp.floor: _floor, sp.ceiling: _ceiling,
}  # fmt: skip


def _power(base: float, exp: float, literal: sp.Expr) -> float:
    """``base ** exp`` with the exact evaluator's real-mode meaning, or Unclear."""
    if literal.is_Integer:
        n = int(literal)
        if n < 0:
            _nonzero(base)
        try:
            return _finite(base**n)
        except OverflowError as exc:
            raise Unclear from exc
    _sqrt_like(base)  # a non-integer exponent: real only for a positive base here
    if literal.is_Rational or abs(exp - round(exp)) > EDGE:
        try:
            return _finite(base**exp)
        except OverflowError as exc:
            raise Unclear from exc
    raise Unclear  # a computed exponent close to an integer


def _compile(expr: Basic) -> Compiled:
    if isinstance(expr, Symbol):
        return lambda values: values[expr]
    if isinstance(expr, (sp.Rational, sp.Float)) or expr in (sp.pi, sp.E):
        value = _finite(float(expr))
        return lambda values: value
    if isinstance(expr, sp.Add):
        terms = [_compile(a) for a in expr.args]
        return lambda values: _finite(math.fsum(t(values) for t in terms))
    if isinstance(expr, sp.Mul):
        factors = [_compile(a) for a in expr.args]

        def product(values: Values) -> float:
            out = 1.0
            for f in factors:
                out *= f(values)
            return _finite(out)

        return product
    if isinstance(expr, sp.Pow):
        base_expr, exp_expr = expr.args
        if exp_expr.is_Integer and abs(int(exp_expr)) > 400:
            raise _Unsupported
        base, exp = _compile(base_expr), _compile(exp_expr)
        return lambda values: _power(base(values), exp(values), exp_expr)
    func = _UNARY.get(type(expr))
    if func is not None and len(expr.args) == 1:
        arg = _compile(expr.args[0])

        def call(values: Values) -> float:
            try:
                return _finite(func(arg(values)))
            except (ValueError, OverflowError, ZeroDivisionError) as exc:
                raise Unclear from exc

        return call
    raise _Unsupported


@lru_cache(maxsize=4096)
def compiled(expr: Basic) -> Compiled | None:
    """A double-precision evaluator of ``expr`` (real mode), or ``None`` when not modelled."""
    try:
        return _compile(expr)
    except (_Unsupported, Unclear, TypeError, ValueError, OverflowError):
        return None
    except RecursionError:
        return None


def _holds(relation: str, a: float, b: float) -> bool:
    """Does ``a relation b`` hold with room to spare (never on a near-tie)?"""
    gap = a - b
    room = AGREE * max(1.0, abs(a), abs(b))
    if relation == "=":
        return abs(gap) <= room
    if relation in ("<", "<="):
        return gap < -room
    if relation in (">", ">="):
        return gap > room
    return False


_REL: Final = {sp.Lt: "<", sp.Le: "<=", sp.Gt: ">", sp.Ge: ">="}


class Screen:
    """The compiled sides of one expression step; :meth:`clear` tests one point."""

    __slots__ = ("relation", "lhs", "rhs", "origin", "conditions")

    def __init__(self, relation: str, lhs: Compiled, rhs: Compiled, origin: Compiled,
                 conditions: list[tuple[str, Compiled, Compiled]]) -> None:
        self.relation = relation
        self.lhs, self.rhs, self.origin = lhs, rhs, origin
        self.conditions = conditions

    def clear(self, point: Mapping[Symbol, sp.Expr]) -> bool:
        """Is the point admissible, in the setting, and the step clearly true there?"""
        try:
            values = {s: float(v) for s, v in point.items()}
            for rel, low, high in self.conditions:
                if not _holds(rel, low(values), high(values)):
                    return False
            self.origin(values)
            return _holds(self.relation, self.lhs(values), self.rhs(values))
        except (Unclear, KeyError, TypeError, ValueError, OverflowError, ZeroDivisionError):
            return False


def screen_for(relation: str, lhs: Basic, rhs: Basic, origin: Basic,
               conditions: Sequence[Basic], real: bool) -> Screen | None:
    """A screen of an expression step, or ``None`` when the step cannot be screened."""
    if not real or relation not in ("=", "<", "<=", ">", ">="):
        return None
    parts = [compiled(e) for e in (lhs, rhs, origin)]
    conds: list[tuple[str, Compiled, Compiled]] = []
    for cond in conditions:
        rel = _REL.get(type(cond)) if isinstance(cond, Relational) else None
        if rel is None:
            return None
        low, high = compiled(cond.lhs), compiled(cond.rhs)
        if low is None or high is None:
            return None
        conds.append((rel, low, high))
    if parts[0] is None or parts[1] is None or parts[2] is None:
        return None
    return Screen(relation, parts[0], parts[1], parts[2], conds)
