"""Splitting a real logarithm of a product where the split is exact on the whole domain.

``log(u v) = log(u) + log(v)`` is false in general (u = v = -1), so SymPy's ``expand_log``
only splits positive factors. But when every factor except at most one is known to be
nonnegative (an ``|u|``, an even power, a positive constant, a square root), then wherever
the product is positive no factor is zero and so every factor is positive, the last one
included. The two sides are then defined at the same points and agree there:

* ``log|x^2 - 9| = log|x - 3| + log|x + 3|`` (the radicand of ``|.|`` factored first),
* ``log(a^2 b) = 2 log|a| + log(b)`` (an even power becomes ``log|a|``),
* ``log((x + sqrt(x^2 + 9))/3) = log(x + sqrt(x^2 + 9)) - log 3``.

Only for real symbols: a complex factor has no sign. The rewrite runs as a late tier, only
on differences that contain a logarithm.
"""

from __future__ import annotations

import sympy as sp
from sympy import Expr

_INVERSE_HYPERBOLIC = (sp.asinh, sp.acosh, sp.atanh, sp.acoth, sp.asech, sp.acsch)
_ERRORS = (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError,
           ArithmeticError, sp.PolynomialError)
#: Logarithms with more factors than this are left alone (factoring costs grow quickly).
_MAX_FACTORS = 12


def _nonnegative(base: Expr, exp: Expr) -> bool:
    """Is ``base**exp`` nonnegative wherever it is real-defined?"""
    if base.is_nonnegative:
        return True
    if exp.is_Integer:
        return bool(exp.is_even)
    # a non-integer rational power (a root) of a real number is real only for base >= 0
    return bool(exp.is_Rational)


def _abs_factors(expr: Expr) -> Expr:
    """``|u v|`` as ``|u| |v|`` once the inside is factored (exact for any u, v)."""
    inner = sp.factor(expr.args[0])
    return sp.Mul(*(sp.Abs(f) for f in sp.Mul.make_args(inner)))


def _split_one(arg: Expr) -> Expr | None:
    """``log(arg)`` as a sum of logarithms of its factors, or None when the split could be
    wrong somewhere on the domain."""
    arg = sp.factor_terms(sp.together(arg))
    arg = arg.replace(lambda e: isinstance(e, sp.Abs), _abs_factors)
    factors = sp.Mul.make_args(arg)
    if len(factors) > _MAX_FACTORS or len(factors) == 1 and (
            arg.is_number or not isinstance(arg, sp.Pow) or arg.exp == 1):
        return None  # one factor: only a power is split (log(a^2) = 2 log|a|)
    terms: list[Expr] = []
    unsigned = 0
    for factor in factors:
        base, exp = factor.as_base_exp()
        if factor.is_number:
            if not factor.is_positive:
                return None
            terms.append(sp.log(factor))
            continue
        if isinstance(factor, sp.exp):
            terms.append(factor.args[0])  # log(e^u) = u for real u
            continue
        if not exp.is_Rational:
            return None  # x^y can be positive at x < 0 (y = 2) where y log(x) is not defined
        if not _nonnegative(base, exp):
            unsigned += 1
            if unsigned > 1:
                return None
            terms.append(exp * sp.log(base))
        elif base.is_nonnegative or not exp.is_Integer:
            terms.append(exp * sp.log(base))
        else:  # an even power of a base of either sign
            terms.append(exp * sp.log(sp.Abs(base)))
    return sp.Add(*terms)


def _split_or_log(arg: Expr) -> Expr:
    split = _split_one(arg)
    return sp.log(arg) if split is None else split


def split_logs(expr: Expr) -> Expr:
    """Every ``log`` in ``expr`` split into logarithms of its factors where that is exact."""
    return expr.replace(lambda e: isinstance(e, sp.log) and len(e.args) == 1,
                        lambda e: _split_or_log(e.args[0]))


def log_split_zero(diff: Expr) -> bool:
    """Is ``diff`` zero once its real logarithms are split (inverse hyperbolic functions
    written as the logarithms they are first)?"""
    if not diff.free_symbols or not all(s.is_real for s in diff.free_symbols):
        return False
    try:
        if diff.has(*_INVERSE_HYPERBOLIC):
            diff = diff.rewrite(sp.log)
        if not diff.has(sp.log):
            return False
        return bool(sp.expand(split_logs(diff)) == 0)
    except _ERRORS:
        return False
