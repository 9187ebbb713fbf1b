"""Exact zero test of a rational expression with SymEngine: the cheap tier's fast path.

SymPy's ``expand``/``cancel``/``sfield`` cost milliseconds on classroom steps; SymEngine
expands the same polynomials in microseconds. A rational expression is brought over one
common denominator (never cancelled: a product of nonzero polynomials is nonzero), and it is
zero as a rational function exactly when the expanded numerator is the zero polynomial.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy as sp
from sympy import Basic

try:  # a declared dependency; without it the SymPy tiers decide alone
    import symengine as se
except ImportError:  # pragma: no cover
    se = None

#: Above this many terms or factors in one node, leave the work to SymPy's sfield.
MAX_TERMS = 400
#: Above this many distinct denominators in one sum, the uncancelled common denominator grows
#: too fast; SymPy's sfield cancels as it goes.
MAX_DENOMINATORS = 12
#: Above this exponent, leave the work to SymPy (the parser bounds degrees at 1000).
MAX_POWER = 200


class _Unsupported(Exception):
    """Not a rational expression this fast path handles."""


def rational_zero(diff: Basic) -> tuple[bool, bool] | None:
    """``(is zero, has a denominator)`` for a rational expression over the rationals, as an
    element of the field of rational functions; ``None`` when this fast path cannot tell
    (a function, a non-integer power, an identically zero denominator...)."""
    if se is None:
        return None
    state = _State()
    try:
        num, _ = state.split(diff)
        return bool(se.expand(num) == 0), state.denominator
    except _Unsupported:
        return None
    except (RuntimeError, TypeError, ValueError, ArithmeticError, RecursionError):
        return None


class _State:
    """One conversion: SymPy symbols to distinct SymEngine symbols, denominators seen."""

    __slots__ = ("symbols", "denominator")

    def __init__(self) -> None:
        self.symbols: dict[Basic, Any] = {}
        self.denominator = False

    def symbol(self, sym: Basic) -> Any:
        # Distinct SymPy symbols (x real, x positive, a Dummy x) must stay distinct.
        found = self.symbols.get(sym)
        if found is None:
            found = se.Symbol(f"_s{len(self.symbols)}")
            self.symbols[sym] = found
        return found

    def split(self, expr: Basic) -> tuple[Any, Any]:
        """(numerator, denominator) of ``expr`` as SymEngine expressions, uncancelled."""
        if isinstance(expr, sp.Rational):
            return se.Integer(int(expr.p)), se.Integer(int(expr.q))
        if isinstance(expr, sp.Symbol):
            return self.symbol(expr), se.Integer(1)
        args = expr.args
        if isinstance(expr, (sp.Add, sp.Mul)) and len(args) > MAX_TERMS:
            raise _Unsupported
        if isinstance(expr, sp.Add):
            # Terms over the same denominator are summed first, so a long polynomial part
            # costs one multiplication and only distinct denominators multiply together.
            groups: dict[Any, Any] = {}
            for arg in args:
                n, d = self.split(arg)
                groups[d] = groups.get(d, 0) + n
            if len(groups) > MAX_DENOMINATORS:
                raise _Unsupported
            num, den = se.Integer(0), se.Integer(1)
            for d, n in groups.items():
                num, den = num * d + n * den, den * d
            return num, den
        if isinstance(expr, sp.Mul):
            num, den = se.Integer(1), se.Integer(1)
            for arg in args:
                n, d = self.split(arg)
                num, den = num * n, den * d
            return num, den
        if isinstance(expr, sp.Pow) and isinstance(expr.exp, sp.Integer):
            k = int(expr.exp)
            if abs(k) > MAX_POWER:
                raise _Unsupported
            n, d = self.split(expr.base)
            if k >= 0:
                return n**k, d**k
            if se.expand(n) == 0:
                raise _Unsupported  # 1/0: undefined everywhere, not a rational function
            self.denominator = True
            return d ** (-k), n ** (-k)
        raise _Unsupported


def polynomial_numerator(expr: Basic, s: Basic) -> tuple[dict[int, Fraction], int] | None:
    """``({degree: coefficient}, denominator)`` of ``expr`` as a polynomial in the one
    symbol ``s`` over Q, expanded by SymEngine; ``None`` when it is not one (a denominator
    in ``s``, a function, a non-integer power, another symbol)."""
    if se is None:
        return None
    state = _State()
    try:
        num, den = state.split(expr)
        if state.denominator or set(state.symbols) - {s}:
            return None
        den = se.expand(den)
        if not isinstance(den, se.Integer) or den == 0:
            return None
        terms: dict[int, Fraction] = {}
        target = state.symbols.get(s)
        for monomial, coeff in se.expand(num).as_coefficients_dict().items():
            if isinstance(monomial, (se.Integer, se.Rational)):
                monomial, coeff = se.Integer(1), monomial * coeff  # a constant term
            degree = _degree(monomial, target)
            value = _fraction(se.sympify(coeff))
            if degree is None or value is None:
                return None
            terms[degree] = terms.get(degree, Fraction(0)) + value
        return terms, int(den)
    except _Unsupported:
        return None
    except (RuntimeError, TypeError, ValueError, ArithmeticError, RecursionError):
        return None


def _fraction(value: Any) -> Fraction | None:
    if not isinstance(value, (se.Integer, se.Rational)):
        return None
    p, q = value.get_num_den()
    return Fraction(int(p), int(q))


def _degree(monomial: Any, target: Any) -> int | None:
    if monomial == 1:
        return 0
    if target is not None and monomial == target:
        return 1
    if isinstance(monomial, se.Pow) and monomial.args[0] == target:
        power = monomial.args[1]
        if isinstance(power, se.Integer) and int(power) > 0:
            return int(power)
    return None
