"""Exact values at a witness point, written the way a student checks them.

The side with the point put in, every rational part worked out (``3*sin(1)``,
``sqrt(1 - sin(2)^2)``, ``2^(1/2)*2^(1/3)``) and a few significant digits beside it
(``≈ 1.782``): no SymPy object is built, so a quick refutation stays quick.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import mpmath
import sympy as sp

from .syntax import Call, Const, Derivative, Neg, Node, Num, Power, Product, Quotient, Sum, Var
from .values import ENCLOSURE_DIGITS, Number, PiMultiple, Point, Undefined, Unsure, value

#: Precedence of what a text is: a sum, a product or quotient, a power, an atom.
_SUM, _PRODUCT, _POWER, _ATOM = 1, 2, 3, 4
#: Significant digits of the decimals shown beside exact values, at first and at most (as
#: :func:`proofnb.core.numeric.approximations`).
SHOWN_DIGITS, MOST_DIGITS = 4, 15



def number_text(v: Fraction | PiMultiple) -> str:
    """``-1/2``, ``pi/2``, ``2*pi/3``: an exact point value as SymPy's printer writes it."""
    if isinstance(v, Fraction):
        return str(v)
    coefficient = v.multiple
    head = {1: "pi", -1: "-pi"}.get(coefficient.numerator, f"{coefficient.numerator}*pi")
    text = head if coefficient.denominator == 1 else f"{head}/{coefficient.denominator}"
    if v.rational:
        text = f"{v.rational} + {text}" if coefficient > 0 else f"{v.rational} - {text[1:]}"
    return text


def exact_text(node: Node, point: Point, sympy_form: bool = False,
               interval: Any = None) -> str:
    """``node`` at ``point`` as an exact expression: as a student writes it (``^``, ``ln``,
    ``e``) or, with ``sympy_form``, as SymPy's string form writes it (``**``, ``log``,
    ``E``), which a witness's values are given in. A value that is rational although floats
    computed it (``e^(-1) - e^(-1)``, ``sqrt(2)*sqrt(8)``, whose ``interval`` hugs a simple
    fraction) is written as that rational when SymPy's exact evaluation gives it."""
    if interval is not None:
        exact = _rational_value(node, point, interval)
        if exact is not None:
            return str(exact)
    return _text(node, point, _SYMPY if sympy_form else _STUDENT)[0]


def _rational_value(node: Node, point: Point, interval: Any) -> Fraction | None:
    """The value of ``node`` at ``point`` when it is a rational number (a rare witness: a
    side that floats computed, whose enclosure is within 10^-20 of a fraction with a small
    denominator, and which SymPy's exact evaluation turns into that fraction)."""
    with mpmath.workdps(ENCLOSURE_DIGITS):
        middle = mpmath.mpf(interval.mid.a)
    guess = Fraction(str(middle)).limit_denominator(1000)
    if abs(middle - mpmath.mpf(guess.numerator) / guess.denominator) > mpmath.mpf(10) ** -20:
        return None
    try:
        exact = _as_sympy(node, point)  # SymPy's own evaluation, exact: never a numeric guess
    except (TypeError, ValueError, ArithmeticError, RecursionError, Unsure):
        return None
    if exact.is_Rational and Fraction(int(exact.p), int(exact.q)) == guess:
        return guess
    return None


_FUNCTIONS = {"sqrt": sp.sqrt, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan, "exp": sp.exp,
              "ln": sp.log, "abs": sp.Abs, "log10": lambda x: sp.log(x, 10)}


def _as_sympy(node: Node, point: Point) -> Any:
    """The exact value of ``node`` at ``point`` as a SymPy expression."""
    match node:
        case Num(v):
            return sympy_number(v)
        case Var(name):
            return sympy_number(point[name])
        case Const(name):
            return sp.pi if name == "pi" else sp.E
        case Sum(terms):
            return sp.Add(*(_as_sympy(part, point) for part in terms))
        case Product(factors):
            return sp.Mul(*(_as_sympy(part, point) for part in factors))
        case Neg(operand):
            return -_as_sympy(operand, point)
        case Quotient(a, b):
            return _as_sympy(a, point) / _as_sympy(b, point)
        case Power(base, exponent):
            return sp.Pow(_as_sympy(base, point), _as_sympy(exponent, point))
        case Call(name, argument):
            return _FUNCTIONS[name](_as_sympy(argument, point))
        case Derivative(value=tree):
            return _as_sympy(tree, point)
    raise Unsure


def sympy_number(v: Fraction | PiMultiple) -> Any:
    """An exact point value as a SymPy number (``pi/2`` for ``PiMultiple(0, 1/2)``)."""
    if isinstance(v, PiMultiple):
        return sympy_number(v.rational) + sympy_number(v.multiple) * sp.pi
    return sp.Rational(v.numerator, v.denominator)


#: Spellings (power, ln, abs, e) as a student writes them and as SymPy's string form does.
_STUDENT = {"^": "^", "ln": "ln", "abs": "abs", "e": "e"}
_SYMPY = {"^": "**", "ln": "log", "abs": "Abs", "e": "E"}


def _exact(node: Node, point: Point) -> Fraction | PiMultiple | None:
    try:
        v = value(node, point)
    except (Undefined, Unsure):
        return None
    return v if isinstance(v, (Fraction, PiMultiple)) else None


def _text(node: Node, point: Point, style: dict[str, str]) -> tuple[str, int]:
    folded = _exact(node, point)
    if folded is not None:
        text = number_text(folded)
        if isinstance(folded, Fraction):
            if folded < 0:
                return text, _SUM
            return text, _PRODUCT if folded.denominator != 1 else _ATOM
        return text, _SUM if folded.rational or folded.multiple < 0 else _PRODUCT
    match node:
        case Sum(terms):
            parts = [_text(term, point, style)[0] for term in terms]
            text = parts[0]
            for part in parts[1:]:
                text += f" - {part[1:]}" if part.startswith("-") else f" + {part}"
            return text, _SUM
        case Neg(operand):
            inner, precedence = _text(operand, point, style)
            return f"-{_wrap(inner, precedence, _PRODUCT)}", _SUM
        case Product(factors):
            coefficient = Fraction(1)
            rest: list[str] = []
            below: list[str] = []  # 4*1/(2*sqrt(5)) is 4/(2*sqrt(5))
            for factor in factors:
                exact = _exact(factor, point)
                if isinstance(exact, Fraction):
                    coefficient *= exact
                    continue
                if isinstance(factor, Quotient) and _exact(factor.numerator, point) == 1:
                    text, precedence = _text(factor.denominator, point, style)
                    below.append(_wrap(text, precedence, _PRODUCT + 1))
                    continue
                text, precedence = _text(factor, point, style)
                rest.append(_wrap(text, precedence, _PRODUCT))
            if coefficient == 0:
                return "0", _ATOM
            if coefficient != 1 or not rest:
                head = str(coefficient) if coefficient > 0 else f"({coefficient})"
                rest.insert(0, head if coefficient != -1 or not rest else "-1")
            text = "*".join(rest)
            if below:
                text += "/" + (below[0] if len(below) == 1 else f"({'*'.join(below)})")
            return text, _PRODUCT
        case Quotient(top, bottom):
            a, pa = _text(top, point, style)
            b, pb = _text(bottom, point, style)
            return f"{_wrap(a, pa, _PRODUCT)}/{_wrap(b, pb, _ATOM)}", _PRODUCT
        case Power(base, exponent):
            a, pa = _text(base, point, style)
            if _exact(exponent, point) == 1:
                return a, pa  # e^1 is e
            b, pb = _text(exponent, point, style)
            return f"{_wrap(a, pa, _ATOM)}{style['^']}{_wrap(b, pb, _ATOM)}", _POWER
        case Call(name, argument):
            inner = _text(argument, point, style)[0]
            if name == "log10" and style is _SYMPY:  # SymPy has no log10: log(u)/log(10)
                return f"log({inner})/log(10)", _PRODUCT
            return f"{style.get(name, name)}({inner})", _ATOM
        case Const(name):
            return style.get(name, name), _ATOM
        case Var(name):
            return number_text(point[name]), _ATOM
        case Derivative(value=tree):
            return _text(tree, point, style)
        case Num(v):
            return str(v), _ATOM
    raise Unsure


def _wrap(text: str, precedence: int, needed: int) -> str:
    return text if precedence >= needed else f"({text})"


def approximations(a: Number, b: Number, intervals: tuple[Any, Any]) -> tuple[str, str]:
    """``" ≈ 1.782"`` for each value that is not rational (``""`` otherwise), with digits
    added until two different values print differently (as the full checker shows them)."""
    digits = SHOWN_DIGITS
    while True:
        shown = [_decimal(v, interval, digits) for v, interval in zip((a, b), intervals,
                                                                        strict=True)]
        if not all(shown) or shown[0] != shown[1] or digits >= MOST_DIGITS:
            return shown[0], shown[1]
        digits = min(MOST_DIGITS, digits * 2)


def _decimal(v: Number, interval: Any, digits: int) -> str:
    if isinstance(v, Fraction):
        return ""
    if interval is None:
        middle = mpmath.mpf(float(v))
    else:
        with mpmath.workdps(ENCLOSURE_DIGITS):
            middle = mpmath.mpf(interval.mid.a)
    if not middle:
        return ""
    approx = sp.Float(middle, digits + 5)
    return f" ≈ {str(sp.Float(approx, digits)).replace('E', 'e')}"
