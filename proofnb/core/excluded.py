"""Listed solutions that the stated conditions exclude: ``x^2 = 4 (x > 0) <=> x = 2 or
x = -2`` holds (on x > 0 both lines say x = 2), but a teacher marks x = -2: the step keeps
its verdict and a note names each listed value outside a condition, so the student sees
that it is no solution here."""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp
from sympy import Basic

from .usertext import user_text

#: Most listed values looked at in one line.
MOST_VALUES = 12


def listed_values(statement: Basic) -> list[tuple[sp.Symbol, sp.Expr]]:
    """``(x, value)`` for each ``x = value`` (a letter given a number) in an ``or`` list."""
    parts = statement.args if isinstance(statement, sp.Or) else (statement,)
    found = []
    for part in parts[:MOST_VALUES]:
        if not isinstance(part, sp.Equality):
            continue
        left, right = part.args
        if isinstance(right, sp.Symbol) and not isinstance(left, sp.Symbol):
            left, right = right, left
        if isinstance(left, sp.Symbol) and isinstance(right, sp.Expr) and right.is_number:
            found.append((left, right))
    return found


_SIGNS = {sp.Gt: ">", sp.Lt: "<", sp.Ge: "≥", sp.Le: "≤", sp.Ne: "≠", sp.Eq: "="}


def _relation_text(relation: Basic) -> str:
    sign = _SIGNS.get(type(relation))
    if sign is None:
        return user_text(relation)
    return f"{user_text(relation.args[0])} {sign} {user_text(relation.args[1])}"


def excluded_notes(statement: Basic, conditions: Sequence[Basic]) -> tuple[str, ...]:
    """A note for each listed value that a condition in its letter alone rules out."""
    notes = []
    for letter, value in listed_values(statement):
        for condition in conditions:
            if not isinstance(condition, sp.core.relational.Relational) \
                    or condition.free_symbols != {letter}:
                continue
            try:
                holds = condition.xreplace({letter: value})
            except (TypeError, ValueError):
                continue
            if holds is sp.false:
                notes.append(f"{user_text(letter)} = {user_text(value)} does not satisfy "
                             f"{_relation_text(condition)}: it is no solution here")
                break
    return tuple(notes)
