"""Values of quick-grammar trees at rational points, without SymPy.

A value is exact (a :class:`~fractions.Fraction`) while only rational arithmetic is
involved, and a float otherwise; :func:`enclosure` gives a rigorous interval instead. A
point where a side has no real value raises
:class:`Undefined`; a point where floats cannot tell (a denominator near zero, a huge
power, a negative base under a fractional exponent, whose reading is the full checker's
business) raises :class:`Unsure`. Callers only ever conclude from points where every value
is certain.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction
from functools import lru_cache
from typing import Any

from mpmath import iv

from .syntax import (
    Both,
    Call,
    Const,
    Derivative,
    Either,
    Neg,
    Node,
    Num,
    Power,
    Product,
    Quotient,
    Relation,
    Statement,
    Sum,
    Var,
)


class PiMultiple:
    """``rational + pi·multiple`` with ``multiple`` nonzero: exact, so that ``sin(x)`` at
    ``x = pi/2`` is 1 and a witness there needs no calculator. Operations that leave this
    form give floats."""

    __slots__ = ("rational", "multiple")

    def __init__(self, rational: Fraction, multiple: Fraction) -> None:
        self.rational, self.multiple = rational, multiple

    @staticmethod
    def of(rational: Fraction, multiple: Fraction) -> Fraction | PiMultiple:
        return PiMultiple(rational, multiple) if multiple else rational

    def __float__(self) -> float:
        return float(self.rational) + float(self.multiple) * math.pi

    def __repr__(self) -> str:
        return f"PiMultiple({self.rational}, {self.multiple})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PiMultiple) and (self.rational, self.multiple) == (
            other.rational, other.multiple)

    def __hash__(self) -> int:
        return hash((self.rational, self.multiple))

    def __neg__(self) -> PiMultiple:
        return PiMultiple(-self.rational, -self.multiple)

    def __abs__(self) -> PiMultiple:
        return -self if float(self) < 0 else self

    def __add__(self, other: Number) -> Number:
        if isinstance(other, PiMultiple):
            return PiMultiple.of(self.rational + other.rational, self.multiple + other.multiple)
        if isinstance(other, Fraction):
            return PiMultiple(self.rational + other, self.multiple)
        return float(self) + other

    __radd__ = __add__

    def __mul__(self, other: Number) -> Number:
        if isinstance(other, Fraction):
            return PiMultiple.of(self.rational * other, self.multiple * other)
        return float(self) * float(other)

    __rmul__ = __mul__

    def __truediv__(self, other: Number) -> Number:
        if isinstance(other, Fraction):
            return PiMultiple(self.rational / other, self.multiple / other)
        return float(self) / float(other)

    def __rtruediv__(self, other: Number) -> float:
        return float(other) / float(self)

    def __pow__(self, other: int) -> float:
        return float(self) ** other

    def __lt__(self, other: Number) -> bool:
        return float(self) < float(other)

    def __gt__(self, other: Number) -> bool:
        return float(self) > float(other)

    def __le__(self, other: Number) -> bool:
        return float(self) <= float(other)

    def __ge__(self, other: Number) -> bool:
        return float(self) >= float(other)


Number = Fraction | float | PiMultiple
Point = Mapping[str, Fraction | PiMultiple]

#: Largest integer exponent evaluated, and largest bit size of an exact power's result.
MAX_EXPONENT = 400
MAX_BITS = 4000
#: Floats closer than this (relative to the values' size) tell nothing about equality.
FLOAT_GAP = 1e-6
#: Digits of the interval arithmetic that confirms a difference seen in floats.
ENCLOSURE_DIGITS = 30


class Undefined(Exception):
    """The expression has no real value at this point."""


class Unsure(Exception):
    """This evaluation cannot tell the value with certainty."""


#: Below this size a float tells neither a sign nor a zero.
TINY = 1e-9


def value(node: Node, point: Point) -> Number:
    """The value of ``node`` at ``point``: exact where rational, else a float."""
    try:
        return _value(node, point)
    except (OverflowError, ZeroDivisionError, ValueError) as exc:
        raise Unsure from exc


def _value(node: Node, point: Point) -> Number:
    match node:
        case Num(v):
            return v
        case Var(name):
            return point[name]
        case Const(name):
            return PiMultiple(Fraction(0), Fraction(1)) if name == "pi" else math.e
        case Sum(terms):
            total: Number = Fraction(0)
            for term in terms:
                total = total + _value(term, point)
            return total
        case Product(factors):
            product: Number = Fraction(1)
            zero = False
            for factor in factors:
                factor_value = _value(factor, point)
                zero |= isinstance(factor_value, Fraction) and factor_value == 0
                product = product * factor_value
            return Fraction(0) if zero else product  # 0 times e stays exactly 0
        case Neg(operand):
            return -_value(operand, point)
        case Quotient(top, bottom):
            a, b = _value(top, point), _value(bottom, point)
            if isinstance(b, Fraction):
                if b == 0:
                    raise Undefined
            elif abs(float(b)) < TINY:
                raise Unsure
            return a / b
        case Power(base, exponent):
            return _power(_value(base, point), _value(exponent, point))
        case Call(name, argument):
            return _call(name, _value(argument, point))
        case Derivative(body=body, value=tree):
            _value(body, point)  # where the function has no value, neither has its derivative
            return _value(tree, point)
    raise Unsure


def _power(base: Number, exponent: Number) -> Number:
    if isinstance(exponent, Fraction) and exponent.denominator == 1:
        n = exponent.numerator
        if abs(n) > MAX_EXPONENT:
            raise Unsure
        if n == 0 and not isinstance(base, Fraction) and abs(float(base)) > TINY:
            return Fraction(1)  # e^0 is exactly 1
        if isinstance(base, Fraction):
            if base == 0:
                if n < 0:
                    raise Undefined
                if n == 0:
                    raise Unsure  # 0^0: the full checker says what it means
                return Fraction(0)
            bits = max(base.numerator.bit_length(), base.denominator.bit_length())
            if bits * abs(n) > MAX_BITS:
                raise Unsure
            return base**n
        if abs(float(base)) < TINY:
            raise Unsure
        return base**n
    if isinstance(base, Fraction):
        if base < 0:
            raise Unsure  # (-8)^(1/3): real or principal root is the full checker's reading
        if base == 0:
            if isinstance(exponent, Fraction) or exponent > TINY:
                if exponent > 0:
                    return Fraction(0)
                raise Undefined
            raise Unsure
        if isinstance(exponent, Fraction):
            root = _exact_root(base, exponent)
            if root is not None:
                return root
    elif base < TINY:
        raise Unsure
    return math.exp(float(exponent) * math.log(float(base)))


def _exact_root(base: Fraction, exponent: Fraction) -> Fraction | None:
    """``base ** exponent`` when it is rational (``4^(1/2)``, ``(8/27)^(2/3)``)."""
    q = exponent.denominator
    if q > 12 or abs(exponent.numerator) > MAX_EXPONENT:
        return None
    num, den = _integer_root(base.numerator, q), _integer_root(base.denominator, q)
    if num is None or den is None:
        return None
    root = Fraction(num, den)
    bits = max(root.numerator.bit_length(), root.denominator.bit_length())
    if bits * abs(exponent.numerator) > MAX_BITS:
        return None
    return root**exponent.numerator


def _integer_root(n: int, q: int) -> int | None:
    if n.bit_length() > MAX_BITS:
        return None
    if n.bit_length() >= 1000:
        return None
    r = int(round(n ** (1.0 / q)))
    for candidate in (r - 1, r, r + 1):
        if candidate >= 0 and candidate**q == n:
            return candidate
    return None


_LOGS = {"ln": math.log, "log10": math.log10}


def _call(name: str, arg: Number) -> Number:
    if name == "abs":
        return -arg if arg < 0 else arg
    if name in ("sqrt", "ln", "log10"):
        if isinstance(arg, Fraction):
            if arg < 0 or arg == 0 and name != "sqrt":
                raise Undefined
            if name != "sqrt":
                return Fraction(0) if arg == 1 else _LOGS[name](arg)
            root = _exact_root(arg, Fraction(1, 2))
            return root if root is not None else math.sqrt(arg)
        if arg < -TINY:
            raise Undefined
        if arg < TINY:
            raise Unsure
        return math.sqrt(arg) if name == "sqrt" else _LOGS[name](arg)
    if isinstance(arg, PiMultiple) and not arg.rational and name in ("sin", "cos", "tan"):
        exact_value = _trig_at_pi_multiple(name, arg.multiple)
        if exact_value is not None:
            return exact_value
    exact = isinstance(arg, Fraction)
    if exact and arg == 0:
        return Fraction(1) if name in ("cos", "exp") else Fraction(0)
    x = float(arg)
    if name == "exp":
        if x > 10_000:
            raise Unsure
        return math.exp(x)
    if abs(x) > 1e6:
        raise Unsure  # sin(10^9): floats have no digits left for it
    if name == "tan":
        if abs(math.cos(x)) < TINY:
            raise Unsure
        return math.tan(x)
    return math.sin(x) if name == "sin" else math.cos(x)


def _trig_at_pi_multiple(name: str, multiple: Fraction) -> Fraction | None:
    """``sin``, ``cos`` or ``tan`` of ``multiple·pi`` when rational (0, ±1/2, ±1)."""
    if name == "tan":
        quarter = multiple * 4
        if quarter.denominator != 1:
            return None
        k = int(quarter) % 4
        if k == 2:
            raise Undefined
        return Fraction((0, 1, 0, -1)[k])
    if name == "cos":
        multiple += Fraction(1, 2)
    sixth = multiple * 6
    if sixth.denominator != 1:
        return None
    k = int(sixth) % 12
    return {0: Fraction(0), 1: Fraction(1, 2), 3: Fraction(1), 5: Fraction(1, 2),
            6: Fraction(0), 7: Fraction(-1, 2), 9: Fraction(-1), 11: Fraction(-1, 2)}.get(k)


def compare(a: Number, b: Number) -> int | None:
    """The sign of ``a - b`` when certain at float precision, else ``None``."""
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return (a > b) - (a < b)
    fa, fb = float(a), float(b)
    if not (math.isfinite(fa) and math.isfinite(fb)):
        return None
    if abs(fa - fb) <= FLOAT_GAP * max(1.0, abs(fa), abs(fb)):
        return None
    return 1 if fa > fb else -1


def enclosure(node: Node, point: Point) -> Any:
    """A rigorous mpmath interval around the value of ``node`` at ``point``
    (:class:`Unsure` where an interval reaches outside a function's domain)."""
    found = _enclosure(node, tuple(point.items()))
    if found is None:
        raise Unsure
    return found


@lru_cache(maxsize=64)
def _enclosure(node: Node, point: tuple[tuple[str, Fraction | PiMultiple], ...]) -> Any:
    """:func:`enclosure`, remembered: the witness shows the decimals of the enclosures that
    confirmed it."""
    saved, iv.dps = iv.dps, ENCLOSURE_DIGITS
    try:
        return _enclose(node, dict(point))
    except (OverflowError, ZeroDivisionError, ValueError, Unsure):
        return None
    finally:
        iv.dps = saved


def _exact(value: Fraction | PiMultiple) -> Any:
    if isinstance(value, PiMultiple):
        return _exact(value.rational) + _exact(value.multiple) * iv.pi
    return iv.mpf(value.numerator) / iv.mpf(value.denominator)


def _enclose(node: Node, point: Point) -> Any:
    match node:
        case Num(v):
            return _exact(v)
        case Var(name):
            return _exact(point[name])
        case Const(name):
            return iv.pi if name == "pi" else iv.e
        case Sum(terms):
            total = iv.mpf(0)
            for term in terms:
                total = total + _enclose(term, point)
            return total
        case Product(factors):
            product = iv.mpf(1)
            for factor in factors:
                product = product * _enclose(factor, point)
            return product
        case Neg(operand):
            return -_enclose(operand, point)
        case Quotient(top, bottom):
            b = _enclose(bottom, point)
            if not (b.a > 0 or b.b < 0):
                raise Unsure
            return _enclose(top, point) / b
        case Power(base_node, exponent_node):
            base = _enclose(base_node, point)
            exponent = value(exponent_node, point)
            if isinstance(exponent, Fraction) and exponent.denominator == 1:
                if exponent < 0 and not (base.a > 0 or base.b < 0):
                    raise Unsure
                return base**int(exponent)
            if not base.a > 0:
                raise Unsure
            return iv.exp(_enclose(exponent_node, point) * iv.log(base))
        case Call(name, argument):
            return _enclose_call(name, _enclose(argument, point))
        case Derivative(value=tree):
            return _enclose(tree, point)
    raise Unsure


def _enclose_call(name: str, arg: Any) -> Any:
    if name == "abs":
        return abs(arg)
    if name in ("sqrt", "ln", "log10"):
        if not arg.a > 0:
            raise Unsure
        if name == "log10":
            return iv.log(arg) / iv.log(10)
        return iv.sqrt(arg) if name == "sqrt" else iv.log(arg)
    if name == "tan":
        c = iv.cos(arg)
        if not (c.a > 0 or c.b < 0):
            raise Unsure
        return iv.sin(arg) / c
    return {"sin": iv.sin, "cos": iv.cos, "exp": iv.exp}[name](arg)


def certain_sign(a: Node, b: Node, point: Point) -> int | None:
    """The sign of ``a - b`` at ``point`` when their enclosures are apart, else ``None``."""
    try:
        x, y = enclosure(a, point), enclosure(b, point)
    except Unsure:
        return None
    if x.a > y.b:
        return 1
    if x.b < y.a:
        return -1
    return None


_HOLDS = {
    "=": lambda s: s == 0, "<": lambda s: s < 0, "<=": lambda s: s <= 0,
    ">": lambda s: s > 0, ">=": lambda s: s >= 0,
}  # fmt: skip


def relation_holds(op: str, a: Node, b: Node, point: Point,
                   values: tuple[Number, Number] | None = None) -> bool:
    """Whether ``a op b`` holds at ``point``; :class:`Undefined` or :class:`Unsure` when a
    side has no value there or floats cannot tell. ``values`` are the sides' values there,
    when the caller has them."""
    x, y = values if values is not None else (value(a, point), value(b, point))
    sign = compare(x, y)
    if sign is None:
        raise Unsure
    if not (isinstance(x, Fraction) and isinstance(y, Fraction)) \
            and certain_sign(a, b, point) != sign:
        raise Unsure
    return bool(_HOLDS[op](sign))


def truth(stmt: Statement, point: Point) -> bool:
    """Whether ``stmt`` holds at ``point``, every relation in it defined and certain."""
    match stmt:
        case Relation(op, lhs, rhs):
            return relation_holds(op, lhs, rhs, point)
        case Both(parts):
            return all([truth(part, point) for part in parts])
        case Either(parts):
            return any([truth(part, point) for part in parts])
    raise Unsure
