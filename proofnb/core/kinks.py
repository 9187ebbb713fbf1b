"""Kinks of ``|u|`` in a derivative: where the derivative is undefined, and where it is not.

SymPy differentiates ``|u|`` to ``sign(u) u'`` and evaluates ``sign(0)`` to 0, so a formula
with a ``sign(u)`` that differentiation made has a value at ``u = 0`` whether or not the
derivative exists there. For ``|x|`` it does not (``d/dx |x|`` at 0 must never be a witness);
for ``x |x|`` it does: its derivative ``x sign(x) + |x|`` is 0 there, and ``x = 0`` is a
solution of ``d/dx (x |x|) = 0``.

The rule (the derivative-limit theorem): a function continuous at ``a`` whose derivative
formula has the same limit L from both sides of ``a`` is differentiable at ``a`` with
derivative L. The formula with ``sign(u)`` put to 1 and to -1 are its two sides; they agree
where ``u = 0`` when the formula is affine in ``sign(u)`` with a slope that is ``u`` times an
expression finite everywhere. Such a ``sign(u)`` stays: with ``sign(0) = 0`` the formula's
value at the kink is the sides' common value. Any other becomes ``u/|u|``, undefined at
``u = 0``.
"""

from __future__ import annotations

from collections.abc import Iterable

import sympy as sp
from sympy import Basic, Expr


def undefined_kinks(derivative: Basic, made: Iterable[sp.sign], robust: bool = False) -> Basic:
    """``derivative`` with each ``sign(u)`` in ``made`` (signs that differentiation produced)
    read as above: ``u/|u|`` where the derivative jumps at ``u = 0``, and resolved where the
    two sides meet there. ``robust``: ``1/sign(u)`` instead, which no later substitution
    simplifies away (``t/|t|`` at ``t = x^2`` would become 1, losing the hole at 0)."""
    if not isinstance(derivative, Expr):  # a statement: Eq(d/dx (x |x|), 0)
        if not derivative.args:
            return derivative
        return derivative.func(*[undefined_kinks(a, made, robust) for a in derivative.args])
    out = derivative
    for s in sorted(set(made), key=sp.default_sort_key):
        if not out.has(s):
            continue
        u = s.args[0]
        if _sides_meet(out, s, u):
            continue
        out = out.xreplace({s: _jump(u, robust)})
    return out


def _jump(u: Expr, robust: bool) -> Expr:
    """``sign(u)`` away from ``u = 0`` and undefined at it: ``u/|u|``, or ``1/sign(u)``
    where SymPy would simplify ``u/|u|`` to a constant (``x^2/|x^2|`` is 1, and the hole at
    0 would be lost)."""
    ratio = u / sp.Abs(u)
    return ratio if ratio.has(sp.Abs) and not robust else 1 / sp.sign(u)


def _sides_meet(expr: Expr, s: sp.sign, u: Expr) -> bool:
    """Is ``expr`` affine in ``s`` with a coefficient ``u * q``, q finite everywhere? Then at
    ``u = 0`` the value with ``sign(0) = 0`` is the common value of both sides."""
    dummy = sp.Dummy("s")
    plain = expr.xreplace({s: dummy})
    try:
        poly = sp.Poly(plain, dummy)
    except sp.PolynomialError:
        return False
    if poly.degree() > 1:
        return False
    slope = poly.coeff_monomial(dummy)
    if slope.has(dummy):
        return False
    try:
        quotient = sp.cancel(sp.together(slope / u))
    except (TypeError, ValueError, ArithmeticError, sp.PolynomialError):
        return False
    return _finite_everywhere(quotient)


def _finite_everywhere(expr: Basic) -> bool:
    """Built from numbers, letters, sums, products, |.| and whole nonnegative powers."""
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.Symbol, sp.Add, sp.Mul, sp.Abs)):
            continue
        if node.is_number:
            if not node.is_finite:
                return False
            continue
        if isinstance(node, sp.Pow) and node.exp.is_Integer and node.exp >= 0:
            continue
        return False
    return True
