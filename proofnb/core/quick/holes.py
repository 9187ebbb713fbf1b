"""Where one side of a rational identity has a hole the other fills: the ``x ≠ 1`` notes.

``(x^2 - 1)/(x - 1) = x + 1`` holds except at x = 1, where only the left side is undefined.
For a step in one letter whose sides differ only in denominator factors with rational
roots, those roots are found exactly (rational root theorem), and each where exactly one
side is undefined becomes a note, as the full checker writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from math import gcd, isqrt

from .polynomials import Polynomial
from .syntax import Node
from .values import Undefined, Unsure, value

#: Largest degree and coefficient size searched for rational roots.
MAX_DEGREE = 6
MAX_COEFFICIENT = 10**6


def notes(letter: str, factors: Sequence[Polynomial], sides: Sequence[Node]) -> list[str] | None:
    """``["x ≠ 1", ...]`` for the real roots of ``factors`` (polynomials in ``letter``) where
    exactly one of ``sides`` is undefined, in increasing order; ``None`` when a factor has a
    real root this module cannot write exactly."""
    roots: set[Fraction] = set()
    for factor in factors:
        found = _real_roots(letter, factor)
        if found is None:
            return None
        roots |= found
    out = []
    for root in sorted(roots):
        undefined = [_undefined(side, {letter: root}) for side in sides]
        if None in undefined:
            return None
        if len(set(undefined)) > 1:
            out.append(f"{letter} ≠ {root}")
    return out


def _undefined(side: Node, point: dict[str, Fraction]) -> bool | None:
    try:
        value(side, point)
    except Undefined:
        return True
    except Unsure:
        return None
    return False


def _real_roots(letter: str, p: Polynomial) -> set[Fraction] | None:
    """The real roots of ``p`` when all are rational, else ``None``."""
    coefficients: dict[int, Fraction] = {}
    for monomial, c in p.items():
        if len(monomial) > 1 or monomial and monomial[0][0] != letter:
            return None
        coefficients[monomial[0][1] if monomial else 0] = c
    degree = max(coefficients)
    if degree > MAX_DEGREE:
        return None
    scale = 1
    for c in coefficients.values():
        scale = scale * c.denominator // gcd(scale, c.denominator)
    ints = [int(coefficients.get(k, Fraction(0)) * scale) for k in range(degree + 1)]
    roots: set[Fraction] = set()
    while ints and ints[0] == 0:  # x divides p
        roots.add(Fraction(0))
        ints = ints[1:]
    if max(abs(ints[0]), abs(ints[-1])) > MAX_COEFFICIENT:
        return None
    rest = [Fraction(c) for c in ints]  # lowest degree first
    for candidate in _candidates(ints[0], ints[-1]):  # roots of p over its integers
        while len(rest) > 1 and _at(rest, candidate) == 0:
            roots.add(candidate)
            rest = _divided(rest, candidate)
    if len(rest) <= 1:
        return roots
    if len(rest) == 3:  # a quadratic left: its rational roots were divided out
        c0, c1, c2 = rest
        return roots if c1 * c1 - 4 * c2 * c0 < 0 else None
    return None if _may_vanish(rest) else roots


def _candidates(constant: int, lead: int) -> list[Fraction]:
    ps, qs = _divisors(abs(constant)), _divisors(abs(lead))
    return sorted({Fraction(sign * p_, q_) for p_ in ps for q_ in qs for sign in (1, -1)})


def _divisors(n: int) -> list[int]:
    small = [d for d in range(1, isqrt(n) + 1) if n % d == 0]
    return sorted({*small, *(n // d for d in small)})


def _at(coefficients: list[Fraction], x: Fraction) -> Fraction:
    total = Fraction(0)
    for c in reversed(coefficients):
        total = total * x + c
    return total


def _divided(coefficients: list[Fraction], root: Fraction) -> list[Fraction]:
    """``coefficients`` (lowest degree first) divided by ``x - root`` (synthetic division)."""
    high_first = list(reversed(coefficients))
    out = [high_first[0]]
    for c in high_first[1:-1]:
        out.append(c + out[-1] * root)
    return list(reversed(out))


def _may_vanish(coefficients: list[Fraction]) -> bool:
    """Whether a polynomial (lowest degree first) may have a real root: an odd degree always;
    an even one unless only even powers with positive coefficients appear."""
    if (len(coefficients) - 1) % 2:
        return True
    return not all(c > 0 if k % 2 == 0 else c == 0 for k, c in enumerate(coefficients))
