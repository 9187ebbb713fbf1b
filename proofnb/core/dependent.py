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
    given: dict[sp.Symbol, sp.Expr] = {}
    for condition in conditions:
        if not isinstance(condition, sp.Equality):
            continue
        letter, value = condition.lhs, condition.rhs
        if (isinstance(letter, sp.Symbol) and letter not in wrt and isinstance(value, sp.Expr)
                and value.free_symbols & wrt and letter not in value.free_symbols):
            given.setdefault(letter, value)
    if not given or not operand.free_symbols & set(given):
        return operand
    return operand.xreplace(given)
