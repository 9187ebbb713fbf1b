"""Proofs that two polynomial statements have the same solutions, by their expansions.

* ``p1 rel q1`` and ``p2 rel' q2`` are equivalent when ``p1 - q1 = c (p2 - q2)`` for a
  constant ``c``: nonzero for equations; positive with the same relation, or negative with
  the mirrored one, for inequalities (``2x + 3 = 7 <=> 2x = 4``, ``-2x < 6 <=> x > -3``).
* ``p = 0`` (one letter, degree d) and ``x = r1 or ... or x = rd`` with d distinct rational
  roots of p are equivalent: then p is a constant times the product of the ``x - ri``
  (``x^2 = x <=> x = 0 or x = 1``). Every listed root alone proves ``<==``.
"""

from __future__ import annotations

from fractions import Fraction

from .forms import NotPolynomial, polynomial
from .polynomials import Polynomial
from .syntax import Either, Neg, Node, Relation, Statement, Sum, Var

_MIRRORED = {"=": "=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}


def proved(relation: str, first: Statement, second: Statement) -> str | None:
    """The method that proves ``first relation second`` here, or ``None``."""
    try:
        if isinstance(first, Relation) and isinstance(second, Relation) \
                and _proportional(first, second):
            return "normal-form"
        roots = _listed_roots(second)
        if isinstance(first, Relation) and roots is not None:
            return _roots_match(relation, first, roots)
        roots = _listed_roots(first)
        if isinstance(second, Relation) and roots is not None:
            mirrored = {"<=>": "<=>", "==>": "<==", "<==": "==>"}[relation]
            return _roots_match(mirrored, second, roots)
    except NotPolynomial:
        return None
    return None


def _difference(relation: Relation) -> Polynomial:
    return polynomial(Sum((relation.lhs, Neg(relation.rhs))))


def _proportional(first: Relation, second: Relation) -> bool:
    a, b = _difference(first), _difference(second)
    if not a or not b or set(a) != set(b):
        return False
    monomial = next(iter(b))
    c = a[monomial] / b[monomial]
    if any(a[m] != c * b[m] for m in b):
        return False
    if first.op == "=":
        return second.op == "="
    return second.op == (first.op if c > 0 else _MIRRORED[first.op])


def _listed_roots(stmt: Statement) -> tuple[str, list[Fraction]] | None:
    """``("x", [r1, ...])`` for ``x = r1 or x = r2 ...`` with rational ri, else ``None``."""
    parts = stmt.parts if isinstance(stmt, Either) else (stmt,)
    letter = ""
    roots: list[Fraction] = []
    for part in parts:
        if not (isinstance(part, Relation) and part.op == "=" and isinstance(part.lhs, Var)):
            return None
        value = _constant(part.rhs)
        if value is None or letter and part.lhs.name != letter:
            return None
        letter = part.lhs.name
        roots.append(value)
    return letter, roots


def _constant(node: Node) -> Fraction | None:
    try:
        poly = polynomial(node)
    except NotPolynomial:
        return None
    if set(poly) - {()}:
        return None
    return poly.get((), Fraction(0))


def _roots_match(relation: str, equation: Relation,
                 listed: tuple[str, list[Fraction]]) -> str | None:
    if equation.op != "=":
        return None
    letter, roots = listed
    p = _difference(equation)
    if not p or any(m and m[0][0] != letter for m in p):
        return None  # another letter, or 0 = 0
    if any(_at(p, r) != 0 for r in roots):
        return None
    if relation == "<==":
        return "same-polynomial"
    degree = max((m[0][1] for m in p if m), default=0)
    return "same-polynomial" if len(set(roots)) == degree else None


def _at(p: Polynomial, r: Fraction) -> Fraction:
    return sum((c * r ** (m[0][1] if m else 0) for m, c in p.items()), Fraction(0))


__all__ = ["proved"]
