"""Real roots of small univariate polynomials without SymPy's root isolation.

Sampling anchors need the real roots of a domain condition's polynomial (``x + 9`` in
``sqrt(x + 9)``): rational roots exactly, irrational ones rounded down to a half. SymPy's
``together``/``Poly``/``real_roots`` cost 1-3 ms per condition, more than the rest of a
classroom step; SymEngine reads the coefficients and FLINT factors over Q and isolates the
remaining roots in microseconds. Anything else (a symbolic denominator, a function, degree
above 4) returns ``None`` and the caller keeps SymPy's way.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import flint
import sympy as sp
from sympy import Basic, Expr, Symbol

from .fast import polynomial_numerator

#: Degree above which anchors are not looked for (as in SymPy's path).
MAX_DEGREE = 4


def coefficients(expr: Basic, s: Symbol) -> list[Fraction] | None:
    """Coefficients (constant term first) of ``expr`` as a polynomial in ``s`` over Q, or
    ``None`` when it is not one (a denominator in ``s``, a function, another symbol)."""
    found = polynomial_numerator(expr, s)
    if found is None:
        return None
    terms, scale = found
    degree = max(terms, default=0)
    out = [Fraction(0)] * (degree + 1)
    for k, c in terms.items():
        out[k] = c / scale
    return out


def real_root_anchors(expr: Basic, s: Symbol) -> tuple[Expr, ...] | None:
    """The real roots of ``expr`` in ascending order, rational ones exact and the others
    rounded down to a multiple of 1/2, without duplicates and below 1000 in size; ``None``
    when this fast path cannot tell."""
    coeffs = coefficients(expr, s)
    if coeffs is None:
        return None
    while coeffs and coeffs[-1] == 0:
        coeffs.pop()
    if len(coeffs) <= 1 or len(coeffs) > MAX_DEGREE + 1:
        return ()
    poly = flint.fmpq_poly([flint.fmpq(c.numerator, c.denominator) for c in coeffs])
    roots: list[tuple[float, Expr]] = []
    _, factors = poly.factor()
    for factor, _mult in factors:
        if factor.degree() == 1:
            a, b = factor[1], factor[0]
            root = Fraction(int((-b / a).p), int((-b / a).q))
            roots.append((float(root), sp.Rational(root.numerator, root.denominator)))
            continue
        for value in _irrational_real_roots(factor):
            if value is None:
                return None
            roots.append(value)
    found: list[Expr] = []
    for _, approx in sorted(roots, key=lambda pair: pair[0]):
        if abs(approx) < 1000 and approx not in found:
            found.append(approx)
    return tuple(found)


def exact_real_roots(expr: Basic, s: Symbol, max_degree: int = 6) -> list[Expr] | None:
    """Every distinct real root of ``expr``, a polynomial in ``s`` over Q, exactly and in
    ascending order, when each irreducible factor has degree 1 or 2; ``None`` otherwise (a
    cubic factor, a denominator, another symbol) or when it is constant or above ``max_degree``."""
    coeffs = coefficients(expr, s)
    if coeffs is None:
        return None
    while coeffs and coeffs[-1] == 0:
        coeffs.pop()
    if len(coeffs) <= 1 or len(coeffs) > max_degree + 1:
        return None
    poly = flint.fmpq_poly([flint.fmpq(c.numerator, c.denominator) for c in coeffs])
    found: list[tuple[float, Expr]] = []
    for factor, _mult in poly.factor()[1]:
        c = [sp.Rational(int(v.p), int(v.q)) for v in factor.coeffs()]  # constant term first
        if factor.degree() == 1:
            root = -c[0] / c[1]
            found.append((float(root), root))
        elif factor.degree() == 2:
            disc = c[1] ** 2 - 4 * c[2] * c[0]
            if disc < 0:
                continue
            for sign in (-1, 1):
                root = (-c[1] + sign * sp.sqrt(disc)) / (2 * c[2])
                found.append((float(root), sp.expand(root)))
        else:
            return None
    return [root for _, root in sorted(found, key=lambda pair: pair[0])]


def _irrational_real_roots(factor: Any) -> list[tuple[float, Expr] | None]:
    """Real roots of an irreducible factor of degree >= 2, each as (value, floor(2r)/2);
    ``None`` for a root whose rounding the arithmetic cannot settle."""
    numer = flint.fmpz_poly([int(c * factor.denom()) for c in factor.coeffs()])
    out: list[tuple[float, Expr] | None] = []
    balls: list[Any] = numer.complex_roots()
    for ball, _mult in balls:
        if not ball.imag.is_zero():
            continue  # FLINT returns real roots with an exactly zero imaginary part
        twice = (2 * ball.real).floor().unique_fmpz()
        if twice is None:
            out.append(None)  # too close to a multiple of 1/2 to round at this precision
            continue
        out.append((float(ball.real.mid()), sp.Rational(int(twice), 2)))
    return out
