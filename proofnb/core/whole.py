"""Letters under a factorial are whole numbers: ``n! >= 2^(n - 1)`` is about n = 0, 1, 2, ...

SymPy extends ``n!`` to every real n through the gamma function, where ``n! >= 2^(n - 1)``
fails (at n = 3/2). On paper n! is defined for whole numbers only, so that is the natural
domain (DESIGN §2) of an expression with ``n!``: a letter met only in factorial arguments
that are whole-number polynomials in it (``n!``, ``(n + 1)!``, ``(2n)!``) is read as an
integer, and the chain's first line bounds it below (``(n - 2)!`` needs n ≥ 2). The reading
becomes assumptions of the step, so that sampling, induction and the integer provers see it,
and a note says so.
"""

from __future__ import annotations

import sympy as sp
from sympy import Basic, Symbol


def _arguments(expr: Basic) -> list[tuple[Symbol, sp.Expr]]:
    """(letter, argument) for each factorial whose argument is a polynomial with integer
    coefficients in one free letter of ``expr`` (a summation index is not free)."""
    free = expr.free_symbols
    found = []
    for node in expr.atoms(sp.factorial):
        arg = node.args[0]
        letters = arg.free_symbols
        if len(letters) != 1 or not letters <= free:
            continue
        (letter,) = letters
        if not isinstance(letter, Symbol) or not arg.is_polynomial(letter):
            continue
        if all(c.is_Integer for c in sp.Poly(arg, letter).all_coeffs()):
            found.append((letter, arg))
    return found


def whole_number_reading(
    lhs: Basic, rhs: Basic, origin: Basic
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Assumptions that read factorial letters as whole numbers, and the notes that say so.

    Empty when there is nothing to add: no such letter, or each already declared an integer
    with the chain's bounds (so a step checked under them asks for nothing more).
    """
    everywhere = [f for side in (lhs, rhs, origin) for f in _arguments(side)]
    letters = sorted({letter for letter, _ in everywhere}, key=lambda s: s.name)
    if not letters:
        return (), ()
    assumptions: list[str] = []
    for letter in letters:
        if letter.is_integer is None:
            assumptions.append(f"{letter.name} integer")
    for _, arg in _arguments(origin):
        if arg.is_nonnegative is not True:
            assumptions.append(f"{sp.sstr(arg)} >= 0")
    if not assumptions:
        return (), ()
    named = [s.name for s in letters if s.is_integer is None]
    if not named:
        return tuple(dict.fromkeys(assumptions)), ()
    many = len(named) > 1
    note = (f"{', '.join(named)} {'are' if many else 'is'} read as "
            f"{'whole numbers' if many else 'a whole number'}, 0, 1, 2, … "
            f"({', '.join(f'{n}!' for n in named)} {'are' if many else 'is'} defined there)")
    return tuple(dict.fromkeys(assumptions)), (note,)
