"""Exact tiers for trig, hyperbolic and complex-constant steps the general rewrites miss.

They run after the cheap and targeted tiers fail, and each one only on the differences it
is made for (a constant, an inverse hyperbolic function), so a plain polynomial or trig step
never pays for them. Every success is an exact argument:

* a constant difference (``1 + i - sqrt(2) e^(i pi/4)``, roots of unity) is zero when its
  minimal polynomial over the rationals is ``t``;
* a real constant made of inverse trig values (``atan(1/2) + atan(1/3) - pi/4``) is zero when
  ``sin`` of it is exactly zero and its value lies in (-pi/2, pi/2), where sin is injective;
* ``asinh``/``acosh``/``atanh``/``acoth`` are rewritten as the logarithms they are
  (SymPy's principal forms), then expanded and the radicands factored;
* real logarithms of products are split where that is exact (core/logsplit.py).
"""

from __future__ import annotations

import sympy as sp
from sympy import Expr

from .logsplit import log_split_zero

_INVERSE_TRIG = (sp.asin, sp.acos, sp.atan, sp.acot, sp.asec, sp.acsc)
_INVERSE_HYPERBOLIC = (sp.asinh, sp.acosh, sp.atanh, sp.acoth, sp.asech, sp.acsch)
_ERRORS = (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError,
           ArithmeticError, sp.PolynomialError)
#: A constant this close to 0 (at 30 digits) is inside (-pi/2, pi/2) with a wide margin.
_NEAR_ZERO = sp.Float("0.5")


def _minimal_polynomial_zero(value: Expr) -> bool:
    try:
        t = sp.Dummy("t")
        return bool(sp.minimal_polynomial(value, t) == t)
    except Exception:  # noqa: BLE001 - NotAlgebraic and SymPy's other refusals: no proof
        return False


#: Real and imaginary parts larger than this are not simplified (radsimp's time explodes).
_MAX_PARTS_OPS = 200
#: A constant with a function inside a function is split into parts only when this small.
_MAX_NESTED_OPS = 40


def constant_zero(diff: Expr) -> bool:
    """``diff`` (no free symbols, possibly complex) is exactly 0: its minimal polynomial is
    ``t``, or its real and imaginary parts (``expand_complex``) simplify to 0 exactly."""
    if diff.free_symbols:
        return False
    if _minimal_polynomial_zero(diff):
        return True
    try:
        # a rational function of e^(2i) that cancels to 0: far cheaper than the parts
        inner = diff.replace(lambda e: isinstance(e, sp.Function) and bool(e.args),
                             lambda e: e.func(*[sp.cancel(sp.together(a)) for a in e.args]))
        if sp.cancel(sp.together(inner)) == 0:
            return True
        if sp.count_ops(inner) > _MAX_NESTED_OPS and any(
                a.has(sp.Function) for f in inner.atoms(sp.Function) for a in f.args):
            return False  # log of a large expression in e^(2i): its parts run for minutes
        parts = sp.expand_complex(inner)
        if parts == 0:
            return True
        # radsimp on the parts of a large constant runs for minutes: no proof then
        return bool(sp.count_ops(parts) <= _MAX_PARTS_OPS and sp.radsimp(sp.expand(parts)) == 0)
    except _ERRORS:
        return False


def inverse_trig_constant_zero(diff: Expr) -> bool:
    """A real constant with inverse trig values (Machin's formula) is 0: sin of it is exactly
    0 and its value at 30 digits is below 1/2 in size (cancellation noise is far smaller),
    so it is the zero of sin in (-pi/2, pi/2): the size rules out ``atan 2 + atan 3 = -pi/4``,
    whose sine is 0 too."""
    if diff.free_symbols or not diff.has(*_INVERSE_TRIG):
        return False
    try:
        value = diff.evalf(30)
        if not (value.is_number and abs(value) < _NEAR_ZERO):
            return False
        sine = sp.expand_trig(sp.sin(diff))
        return bool(sine == 0 or _minimal_polynomial_zero(sine))
    except _ERRORS:
        return False


def inverse_hyperbolic_zero(diff: Expr) -> bool:
    """Zero once each inverse hyperbolic function is written as its logarithm."""
    if not diff.has(*_INVERSE_HYPERBOLIC):
        return False
    try:
        logs = diff.rewrite(sp.log)
        if logs == diff:
            return False
        for form in (sp.expand(logs), sp.expand(_factor_radicands(logs)),
                     sp.expand(sp.radsimp(logs))):
            if form == 0 or sp.expand(sp.logcombine(form)) == 0:
                return True
    except _ERRORS:
        return False
    return False


def _factor_radicands(expr: Expr) -> Expr:
    return expr.replace(
        lambda e: e.is_Pow and e.exp.is_Rational and not e.exp.is_Integer,
        lambda e: sp.Pow(sp.factor(e.base), e.exp),
    )


def reciprocal_inverse_zero(diff: Expr) -> bool:
    """Zero once ``asec``/``acsc``/``acot`` are written by definition as ``acos(1/x)``,
    ``asin(1/x)`` and ``atan(1/x)`` (SymPy's principal branches)."""
    swap = {f: {sp.asec: sp.acos, sp.acsc: sp.asin, sp.acot: sp.atan}[f.func](1 / f.args[0])
            for f in diff.atoms(sp.asec, sp.acsc, sp.acot)}
    if not swap:
        return False
    try:
        return bool(sp.expand(diff.xreplace(swap)) == 0)
    except _ERRORS:
        return False


def coefficients_zero(diff: Expr) -> bool:
    """A polynomial in its variables whose every coefficient is a constant that is exactly 0
    (``z^3 - 1 - (z - 1)(z - e^(2 pi i/3))(z - e^(4 pi i/3))``)."""
    symbols = sorted(diff.free_symbols, key=str)
    try:
        expanded = sp.expand(diff)
        if not expanded.is_polynomial(*symbols):
            return False
        coefficients = sp.Poly(expanded, *symbols).coeffs()
    except _ERRORS:
        return False
    return all(c == 0 or constant_zero(c) for c in coefficients)


def prove_special(diff: Expr) -> str | None:
    """The method that proves ``diff == 0`` among this module's tiers, or None."""
    if not diff.free_symbols:
        if diff.has(sp.I) and constant_zero(diff):
            return "minimal-polynomial"
        if inverse_trig_constant_zero(diff):
            return "inverse-trig-sine"
        return None
    if inverse_hyperbolic_zero(diff):
        return "rewrite(log)"
    if log_split_zero(diff):
        return "split-log"
    if reciprocal_inverse_zero(diff):
        return "rewrite(acos, asin, atan)"
    if diff.has(sp.exp, sp.I) and coefficients_zero(diff):
        return "coefficients (minimal polynomial)"
    return None
