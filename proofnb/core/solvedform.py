"""A premise in solved form: ``x = r cos θ and y = r sin θ ==> x^2 + y^2 = r^2``.

When the premise of an implication gives some letters by formulas in the others (each letter
alone on one side, and in none of the formulas), its points are exactly those formulas'
values. The conclusion then holds at every point of the premise when, with the formulas put
in, each of its equations is an identity in the remaining letters (where both sides are
defined). The proof is symbolic: expand, cancel, then trigonometric and general
simplification of the difference must reach 0.
"""

from __future__ import annotations

import time

import sympy as sp
from sympy import Basic, Expr, Symbol

from .prove import ProofFound
from .witness import Problem

#: Letters a solved premise may give, and equations a conclusion may hold.
MAX_GIVEN = 6


def prove_from_solved_premise(problem: Problem, deadline: float) -> ProofFound | None:
    """Prove ``P ==> Q`` (or ``Q <== P``) when P is a solved form, or None."""
    if problem.relation == "==>":
        premise, claim = problem.lhs, problem.rhs
    elif problem.relation == "<==":
        premise, claim = problem.rhs, problem.lhs
    else:
        return None
    put = _solved(premise)
    if not put:
        return None
    equations = sp.And.make_args(claim)
    if len(equations) > MAX_GIVEN or not all(isinstance(e, sp.Equality) for e in equations):
        return None
    for equation in equations:
        if time.monotonic() > deadline or not _identity(equation.xreplace(put), deadline):
            return None
    return ProofFound("solved premise")


def _solved(premise: Basic) -> dict[Symbol, Expr]:
    """{letter: formula} when every conjunct of ``premise`` is ``letter = formula``."""
    put: dict[Symbol, Expr] = {}
    parts = sp.And.make_args(premise)
    if not parts or len(parts) > MAX_GIVEN:
        return {}
    for part in parts:
        if not isinstance(part, sp.Equality):
            return {}
        sides = [(a, b) for a, b in ((part.lhs, part.rhs), (part.rhs, part.lhs))
                 if isinstance(a, Symbol) and a not in b.free_symbols and a not in put]
        if not sides:
            return {}
        letter, formula = sides[0]
        put[letter] = formula
    formulas = set().union(*(f.free_symbols for f in put.values()))
    return {} if formulas & set(put) else put


def _identity(equation: Basic, deadline: float) -> bool:
    if equation is sp.true:
        return True
    if not isinstance(equation, sp.Equality):
        return False
    difference = equation.lhs - equation.rhs
    try:
        for step in (sp.expand, sp.cancel, sp.trigsimp, sp.simplify):
            if time.monotonic() > deadline:
                return False
            difference = step(difference)
            if difference == 0:
                return True
    except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError):
        return False
    return False
