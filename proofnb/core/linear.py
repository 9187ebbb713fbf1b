"""The root of an expression that is linear in one variable: several tiers solve for a letter."""

from __future__ import annotations

import sympy as sp
from sympy import Expr, Symbol


def linear_root(diff: Expr, x: Symbol) -> Expr | None:
    """The root in ``x`` of ``diff = 0`` when ``diff`` is linear in ``x`` with a nonzero
    number as its slope, so that the root exists for every value of the other letters
    (``2x - y + 1`` gives ``y/2 - 1/2``); ``None`` otherwise (``x^2``, ``a x``, ``x sin x``)."""
    expanded = sp.expand(diff)
    slope = expanded.coeff(x, 1)
    if not slope.is_number or slope.is_zero is not False:
        return None  # sin(1)^2 + cos(1)^2 - 1 is a number, but 0: no root to divide out
    rest = sp.expand(expanded - slope * x)
    if rest.has(x):
        return None
    return sp.expand(-rest / slope)
