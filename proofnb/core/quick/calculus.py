"""Derivatives of quick-grammar trees, by the rules a student uses.

The result is an unsimplified tree (``d/dx x^3`` is ``3 x^2 · 1``); :mod:`.forms` and
:mod:`.values` do the rest. A power with the letter in both base and exponent (``x^x``), or a
call without a rule here (``abs``), raises :class:`~.syntax.Unsupported`.
"""

from __future__ import annotations

from fractions import Fraction

from .syntax import (
    Call,
    Const,
    Derivative,
    Neg,
    Node,
    Num,
    Power,
    Product,
    Quotient,
    Sum,
    Unsupported,
    Var,
)

_ZERO, _ONE, _TWO = Num(Fraction(0)), Num(Fraction(1)), Num(Fraction(2))


def derivative(node: Node, letter: str) -> Node:
    """The derivative of ``node`` with respect to ``letter``."""
    if letter not in letters_of(node):
        return _ZERO
    match node:
        case Var():
            return _ONE
        case Sum(terms):
            return Sum(tuple(derivative(term, letter) for term in terms))
        case Product(factors):
            return Sum(tuple(
                Product((*factors[:i], derivative(factor, letter), *factors[i + 1:]))
                for i, factor in enumerate(factors) if letter in letters_of(factor)))
        case Neg(operand):
            return Neg(derivative(operand, letter))
        case Quotient(top, bottom):
            return Quotient(
                Sum((Product((derivative(top, letter), bottom)),
                     Neg(Product((top, derivative(bottom, letter)))))),
                Power(bottom, _TWO))
        case Power(base, exponent):
            if letter not in letters_of(exponent):
                return Product((exponent, Power(base, Sum((exponent, Neg(_ONE)))),
                                derivative(base, letter)))
            if letter in letters_of(base):
                raise Unsupported
            log = _ONE if base == Const("e") else Call("ln", base)
            return Product((node, log, derivative(exponent, letter)))
        case Call(name, argument):
            inner = derivative(argument, letter)
            return Product((_outer(name, argument), inner))
        case Derivative(value=tree):
            return derivative(tree, letter)
    raise Unsupported


def _outer(name: str, u: Node) -> Node:
    """The derivative of the call ``name`` at ``u``."""
    if name == "sin":
        return Call("cos", u)
    if name == "cos":
        return Neg(Call("sin", u))
    if name == "tan":
        return Sum((_ONE, Power(Call("tan", u), _TWO)))
    if name == "exp":
        return Call("exp", u)
    if name == "ln":
        return Quotient(_ONE, u)
    if name == "log10":
        return Quotient(_ONE, Product((u, Call("ln", Num(Fraction(10))))))
    if name == "sqrt":
        return Quotient(_ONE, Product((_TWO, Call("sqrt", u))))
    raise Unsupported


def letters_of(node: Node) -> frozenset[str]:
    """The letters ``node`` depends on."""
    match node:
        case Var(name):
            return frozenset((name,))
        case Sum(parts) | Product(parts):
            return frozenset().union(*map(letters_of, parts))
        case Neg(operand) | Call(_, operand):
            return letters_of(operand)
        case Quotient(a, b) | Power(a, b):
            return letters_of(a) | letters_of(b)
        case Derivative(value=tree, body=body):
            return letters_of(tree) | letters_of(body)
    return frozenset()


def definite_integral(body: Node, letter: str, lower: Node, upper: Node) -> Node:
    """``F(upper) - F(lower)`` for a polynomial ``body`` in ``letter`` (other letters are
    parameters) and its antiderivative F, term by term: an ordinary tree, so that values,
    normal forms and witnesses need nothing more (``integrate(x^2, (x, 0, 3))`` is 9)."""
    from .forms import NotPolynomial, polynomial

    if letter in letters_of(lower) or letter in letters_of(upper):
        raise Unsupported  # integrate(x, (x, 0, x)): the full grammar's reading
    try:
        expanded = polynomial(body)
    except NotPolynomial as exc:
        raise Unsupported from exc
    terms: list[Node] = []
    for monomial, c in expanded.items():
        degree = dict(monomial).get(letter, 0) + 1
        others: list[Node] = [Power(Var(name), Num(Fraction(d))) for name, d in monomial
                              if name != letter]
        coefficient = Num(c / degree)
        for bound, sign in ((upper, 1), (lower, -1)):
            term: Node = Product((coefficient, Power(bound, Num(Fraction(degree))), *others))
            terms.append(term if sign > 0 else Neg(term))
    return Sum(tuple(terms)) if terms else _ZERO
