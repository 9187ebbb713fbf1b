"""gcd and lcm of integers, as functions that stay unevaluated on symbols.

SymPy's ``gcd(n, n + 2)`` is the gcd of polynomials (1), not of the integers n and n + 2
(2 at n = 2), and ``lcm(n, 2n)`` is ``n`` (monic), not ``2n``. A cell's gcd and lcm are these
functions: a number where the arguments are integers (or rationals, as SymPy's), otherwise
left as written, so that points at integers decide a step about them.
"""

from __future__ import annotations

import math
from typing import Any

import sympy as sp
from sympy import Expr


def _numbers(a: Expr, b: Expr) -> bool:
    return bool(a.is_Rational and b.is_Rational)


class _IntegerPair(sp.Function):  # type: ignore[misc]
    """gcd and lcm of two integers are nonnegative integers."""

    nargs = 2

    def _eval_is_integer(self) -> Any:
        return all(arg.is_integer for arg in self.args) or None

    def _eval_is_nonnegative(self) -> Any:
        return all(arg.is_integer for arg in self.args) or None


class gcd(_IntegerPair):  # noqa: N801 - printed as the cell wrote it
    """The greatest common divisor of two integers (>= 0; gcd(0, 0) = 0)."""

    @classmethod
    def eval(cls, a: Expr, b: Expr) -> Expr | None:  # SymPy's Function hook: no user text
        if a.is_Integer and b.is_Integer:
            return sp.Integer(math.gcd(int(a), int(b)))
        if _numbers(a, b):
            return sp.gcd(a, b)
        return None


class lcm(_IntegerPair):  # noqa: N801 - printed as the cell wrote it
    """The least common multiple of two integers (>= 0; 0 when one of them is 0)."""

    @classmethod
    def eval(cls, a: Expr, b: Expr) -> Expr | None:  # SymPy's Function hook: no user text
        if a.is_Integer and b.is_Integer:
            return sp.Integer(abs(int(a) * int(b)) // math.gcd(int(a), int(b))
                              if a and b else 0)
        if _numbers(a, b):
            return sp.lcm(a, b)
        return None
