"""AM-GM certificates: a polynomial in nonnegative variables that is a sum of AM-GM steps.

Weighted AM-GM: for monomials ``m_i >= 0`` and weights ``w_i >= 0`` with ``W = sum(w_i) > 0``,
``sum(w_i m_i) >= W * prod(m_i^(w_i/W))``; when the exponent vectors average to that of a
monomial ``m`` (``sum(w_i e_i) = W e``) the right side is ``W m``. So a polynomial is
``>= 0`` on the nonnegative orthant when the coefficients of its positive terms can be
shared out among its negative terms, each negative term ``-d m`` getting weights summing to
``d`` whose exponents average to its own. ``(a + b)(b + c)(c + a) - 8abc`` is six such
shares of ``abc`` (``a^2 b + b c^2 >= 2abc``, ...); Nesbitt's and Schur-free Muirhead
inequalities cleared of denominators are of this kind.

The shares are found by exact rational linear programming and checked exactly
(:mod:`proofnb.core.lp`), so a certificate is a proof. What the positive terms have left
over is positive where every variable is, which proves the strict inequality.
"""

from __future__ import annotations

import sympy as sp
from sympy import Expr, Symbol

from .lp import nonnegative_solution

#: Above this many (positive term, negative term) pairs the linear program is not tried.
MAX_PAIRS = 400
#: Above this total degree the polynomial is left to the other tiers.
MAX_DEGREE = 12


def amgm_nonnegative(poly_expr: Expr, free: list[Symbol], strict: bool) -> bool:
    """Is the polynomial ``poly_expr`` ``>= 0`` (``> 0`` if ``strict``) wherever its
    variables are, by one AM-GM certificate? Every variable must be known ``>= 0`` (``> 0``
    for a strict claim)."""
    if not free or not all(s.is_positive if strict else s.is_nonnegative for s in free):
        return False
    try:
        poly = sp.Poly(poly_expr, *free)
    except sp.PolynomialError:
        return False
    if not poly.domain.is_QQ and not poly.domain.is_ZZ or poly.total_degree() > MAX_DEGREE:
        return False
    terms = poly.terms()
    positive = [(e, c) for e, c in terms if c > 0]
    negative = [(e, -c) for e, c in terms if c < 0]
    if not negative:
        return bool(positive)  # a nonzero sum of positive multiples of positive monomials
    spare = sum(c for _, c in positive) - sum(d for _, d in negative)
    if spare < 0 or strict and spare == 0:
        return False  # at (1, 1, ..., 1) the polynomial is the sum of its coefficients
    if len(positive) * len(negative) > MAX_PAIRS:
        return False
    return _shares_exist(positive, negative, len(free))


def _shares_exist(
    positive: list[tuple[tuple[int, ...], sp.Rational]],
    negative: list[tuple[tuple[int, ...], sp.Rational]],
    dims: int,
) -> bool:
    """Weights ``w[i, j] >= 0`` (positive term i's share for negative term j) with
    ``sum_j w[i, j] <= c_i``, ``sum_i w[i, j] = d_j`` and ``sum_i w[i, j] (e_i - e_j) = 0``."""
    pairs = [(i, j) for j in range(len(negative)) for i in range(len(positive))]
    column = {pair: k for k, pair in enumerate(pairs)}
    n = len(pairs)
    upper: list[tuple[list[int], sp.Rational]] = []
    for i, (_, c) in enumerate(positive):
        row = [0] * n
        for j in range(len(negative)):
            row[column[i, j]] = 1
        upper.append((row, c))
    equal: list[tuple[list[int], sp.Rational | int]] = []
    for j, (e_j, d) in enumerate(negative):
        row = [0] * n
        for i in range(len(positive)):
            row[column[i, j]] = 1
        equal.append((row, d))
        for axis in range(dims):
            row = [0] * n
            for i, (e_i, _) in enumerate(positive):
                row[column[i, j]] = e_i[axis] - e_j[axis]
            equal.append((row, 0))
    return nonnegative_solution(upper, equal, n) is not None
