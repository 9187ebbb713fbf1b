"""Letters that an assumption makes functions of a differentiation variable.

Under ``assume x = cos(t), y = sin(t)`` a worksheet's ``d/dt (x^2 y)`` is the chain rule:
x and y are x(t) and y(t). Differentiating the letters as constants would refute that
step with a wrong witness (left side 0 at t = 0), so the operand of a derivative in t is
read with each such letter replaced by its expression before it is differentiated.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sympy as sp


def through_assumptions(operand: Any, variables: Iterable[Any], conditions: Iterable[Any]
                        ) -> Any:
    """``operand`` with every letter that a condition ``letter = expression`` gives in terms
    of one of the differentiation ``variables`` (``x = cos(t)`` for d/dt) replaced by that
    expression; ``operand`` itself when none applies."""
    if not isinstance(operand, sp.Basic):
        return operand
    wrt: set[sp.Symbol] = set()
    for var in variables:
        head = var[0] if isinstance(var, (tuple, sp.Tuple)) and len(var) else var
        if isinstance(head, sp.Symbol):
            wrt.add(head)
    if not wrt:
        return operand
    equalities = [(c.lhs, c.rhs) for c in conditions if isinstance(c, sp.Equality)
                  and isinstance(c.lhs, sp.Symbol) and c.lhs not in wrt
                  and isinstance(c.rhs, sp.Expr) and c.lhs not in c.rhs.free_symbols]
    given: dict[sp.Symbol, sp.Expr] = {}
    grown = True
    while grown:  # y = x^2 under x = cos(t): y depends on t through x
        grown = False
        for letter, value in equalities:
            if letter not in given and value.free_symbols & (wrt | set(given)):
                given[letter] = value
                grown = True
    if not given or not operand.free_symbols & set(given):
        return operand
    done = operand
    for _ in range(len(given)):  # each round removes one level of letters
        if not done.free_symbols & set(given):
            break
        done = done.xreplace(given)
    if done.free_symbols & set(given):  # a cycle (x = y + t, y = x - t): one level only
        return operand.xreplace({k: v for k, v in given.items() if v.free_symbols & wrt})
    return done
