"""Letters under a factorial or in a binomial coefficient are whole numbers:
``n! >= 2^(n - 1)`` is about n = 0, 1, 2, ...

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


def _arguments(expr: Basic, binomials: bool = True) -> list[tuple[Symbol, sp.Expr]]:
    """(letter, argument) for each factorial argument, and each argument of a binomial
    coefficient, that is a polynomial with integer coefficients in one free letter of
    ``expr``. A binomial with a summation index in it is left out (inside an empty sum it is
    never evaluated), and so is a summation index itself (it is not free)."""
    free = expr.free_symbols
    found = []
    args = [node.args[0] for node in expr.atoms(sp.factorial)]
    if binomials:
        args += [arg for node in expr.atoms(sp.binomial) if node.free_symbols <= free
                 for arg in node.args]
    for arg in args:
        letters = arg.free_symbols
        if len(letters) != 1 or not letters <= free:
            continue
        (letter,) = letters
        if not isinstance(letter, Symbol) or not arg.is_polynomial(letter):
            continue
        if all(c.is_Integer for c in sp.Poly(arg, letter).all_coeffs()):
            found.append((letter, arg))
    return found


def _bounds(expr: Basic) -> list[tuple[Symbol, ...]]:
    """The free letters of each finite sum's or product's bounds, when both bounds are
    polynomials with integer coefficients in them (``n``, ``2n``, ``n - 1``; a bound that
    uses an outer sum's index is not free)."""
    free = expr.free_symbols
    found = []
    for node in expr.atoms(sp.Sum, sp.Product):
        for _var, low, high in node.limits:
            letters = (low.free_symbols | high.free_symbols) & free
            if not letters or (low.free_symbols | high.free_symbols) - free:
                continue
            if not all(isinstance(s, Symbol) for s in letters) or any(
                    b.is_infinite or not b.is_polynomial(*letters)
                    or not all(c.is_Integer for c in sp.Poly(b, *letters).coeffs())
                    for b in (low, high)):
                continue
            found.append(tuple(sorted(letters, key=lambda s: s.name)))
    return found


def _term_counts(expr: Basic, letters: set[Symbol]) -> list[sp.Expr]:
    """high - low + 1 of each sum or product of ``expr`` whose bounds use ``letters`` and
    that is not already at least 0 for whole numbers."""
    whole = {s: sp.Dummy(s.name, integer=True, nonnegative=True) for s in letters}
    counts = []
    for node in expr.atoms(sp.Sum, sp.Product):
        for _var, low, high in node.limits:
            count = sp.expand(high - low + 1)
            if count.free_symbols and count.free_symbols <= letters \
                    and count.xreplace(whole).is_nonnegative is not True:
                counts.append(count)
    return counts


def _read_as(names: list[str], whole: bool, reason: str) -> str:
    """The note for letters read as whole numbers (or, counting down, as integers)."""
    many = len(names) > 1
    kind = ("whole numbers, 0, 1, 2, …" if many else "a whole number, 0, 1, 2, …") if whole \
        else ("integers" if many else "an integer")
    return f"{', '.join(names)} {'are' if many else 'is'} read as {kind} ({reason})"


def sum_bound_reading(
    lhs: Basic, rhs: Basic, origin: Basic, read: frozenset[str] = frozenset()
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Assumptions that read the letters in a sum's bounds as whole numbers, and the notes.

    ``\\sum_{k=0}^{n} \\binom{n}{k} = 2^n`` counts terms: n is 0, 1, 2, …, not -1, where
    Karr's convention makes the sum empty (0) and 2^n is 1/2. A letter the assumptions do not
    already make an integer is read as a whole number, and the chain's first line's sums have
    no fewer than zero terms (``\\sum_{k=2}^{n}``: n ≥ 1). Declared integers are left alone;
    ``read`` names letters the factorial reading already makes integers (no second note).
    """
    letters = {s for side in (lhs, rhs, origin) for found in _bounds(side) for s in found
               if s.is_integer is None or s.name in read}
    if not letters:
        return (), ()
    ordered = sorted(letters, key=lambda s: s.name)
    assumptions = [f"{s.name} integer" for s in ordered] + [f"{s.name} >= 0" for s in ordered]
    assumptions += [f"{sp.sstr(c)} >= 0" for c in _term_counts(origin, letters)]
    named = [s.name for s in ordered if s.name not in read]
    if not named:
        return tuple(dict.fromkeys(assumptions)), ()
    note = _read_as(named, True, "a sum's or product's number of terms")
    return tuple(dict.fromkeys(assumptions)), (note,)


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
    undeclared = [letter for letter in letters if letter.is_integer is None]
    assumptions = [f"{letter.name} integer" for letter in undeclared]
    # The first line's factorials bound their letters below, declared or not (n! has no
    # value at a negative n); its binomials only an undeclared letter (C(n, 2) is defined
    # at every integer n, and a declared integer n keeps its negative values).
    bounding = _arguments(origin, binomials=False) + [
        (letter, arg) for letter, arg in _arguments(origin) if letter in undeclared]
    assumptions += [f"{sp.sstr(arg)} >= 0" for _, arg in bounding
                    if arg.is_nonnegative is not True]
    if not assumptions:
        return (), ()
    # (-n)!, (3 - n)!: n itself counts down, so it is an integer, not 0, 1, 2, ...
    down = {letter for letter, arg in everywhere if sp.Poly(arg, letter).LC() < 0}
    reason = "factorials and binomial coefficients are defined for whole numbers"
    notes = [_read_as([s.name for s in group], whole, reason) for group, whole in (
        ([s for s in undeclared if s not in down], True),
        ([s for s in undeclared if s in down], False)) if group]
    return tuple(dict.fromkeys(assumptions)), tuple(notes)
