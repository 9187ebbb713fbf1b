"""Sparse polynomials with rational coefficients: the arithmetic under :mod:`.forms`.

A polynomial maps each monomial (sorted ``(name, degree)`` pairs; names are letters or the
atoms of :mod:`.forms`) to its nonzero coefficient, so equal polynomials are equal dicts.
Sizes are bounded (:class:`NotPolynomial` past them): bigger work is the full checker's.
"""

from __future__ import annotations

from fractions import Fraction

Monomial = tuple[tuple[str, int], ...]  # sorted (letter, degree > 0) pairs
Polynomial = dict[Monomial, Fraction]

#: Largest exponent and number of terms expanded; bigger work is the full checker's.
MAX_DEGREE = 40
MAX_TERMS = 2000


class NotPolynomial(Exception):
    """Not a polynomial this module expands."""


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
