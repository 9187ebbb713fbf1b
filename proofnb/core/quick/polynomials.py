"""Expansion of quick-grammar trees that are polynomials with rational coefficients.

Two polynomials are equal as functions on the reals exactly when their expanded
coefficients are equal, so equal expansions prove a polynomial identity. A tree with a
call, a constant, a variable in a denominator or a non-natural exponent is not a polynomial
here (:class:`NotPolynomial`).
"""

from __future__ import annotations

from fractions import Fraction

from .syntax import Neg, Node, Num, Power, Product, Quotient, Sum, Var

Monomial = tuple[tuple[str, int], ...]  # sorted (letter, degree > 0) pairs
Polynomial = dict[Monomial, Fraction]

#: Largest exponent and number of terms expanded; bigger work is the full checker's.
MAX_DEGREE = 40
MAX_TERMS = 2000


class NotPolynomial(Exception):
    """Not a polynomial this module expands."""


def expand(node: Node) -> Polynomial:
    """The expanded polynomial of ``node`` (zero coefficients dropped)."""
    match node:
        case Num(c):
            return {(): c} if c else {}
        case Var(name):
            return {((name, 1),): Fraction(1)}
        case Sum(terms):
            total: Polynomial = {}
            for term in terms:
                add_into(total, expand(term))
            return total
        case Product(factors):
            product: Polynomial = {(): Fraction(1)}
            for factor in factors:
                product = times(product, expand(factor))
            return product
        case Neg(operand):
            return {m: -c for m, c in expand(operand).items()}
        case Quotient(top, bottom):
            divisor = expand(bottom)
            if set(divisor) - {()} or not divisor:
                raise NotPolynomial
            scale = 1 / divisor[()]
            return {m: c * scale for m, c in expand(top).items()}
        case Power(base, exponent):
            return _power(expand(base), expand(exponent))
    raise NotPolynomial


def _power(base: Polynomial, exponent: Polynomial) -> Polynomial:
    if set(exponent) - {()}:
        raise NotPolynomial
    n = exponent.get((), Fraction(0))
    if n.denominator != 1 or n < 0:
        raise NotPolynomial  # x^(1/2), x^-1
    return power_of(base, int(n))


def power_of(base: Polynomial, n: int) -> Polynomial:
    """``base ** n`` expanded, for a natural ``n`` (:class:`NotPolynomial` for ``0^0`` or a
    result too big)."""
    if n > MAX_DEGREE or not base and n == 0:
        raise NotPolynomial
    result: Polynomial = {(): Fraction(1)}
    for _ in range(n):
        result = times(result, base)
    return result


def add_into(total: Polynomial, more: Polynomial) -> None:
    """Add ``more`` into ``total`` in place."""
    for m, c in more.items():
        s = total.get(m, Fraction(0)) + c
        if s:
            total[m] = s
        else:
            total.pop(m, None)
    if len(total) > MAX_TERMS:
        raise NotPolynomial


def times(p: Polynomial, q: Polynomial) -> Polynomial:
    """The expanded product ``p q``."""
    if len(p) * len(q) > 4 * MAX_TERMS:
        raise NotPolynomial
    out: Polynomial = {}
    for m1, c1 in p.items():
        for m2, c2 in q.items():
            m = _merge(m1, m2)
            s = out.get(m, Fraction(0)) + c1 * c2
            if s:
                out[m] = s
            else:
                out.pop(m, None)
    if len(out) > MAX_TERMS:
        raise NotPolynomial
    return out


def _merge(a: Monomial, b: Monomial) -> Monomial:
    if not a:
        return b
    if not b:
        return a
    degrees = dict(a)
    for letter, d in b:
        degrees[letter] = degrees.get(letter, 0) + d
        if degrees[letter] > MAX_DEGREE:
            raise NotPolynomial
    return tuple(sorted(degrees.items()))
