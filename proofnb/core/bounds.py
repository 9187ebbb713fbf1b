"""Size limits checked *before* SymPy evaluates anything (evaluation bombs become errors).

Every check raises :class:`LimitExceeded` with a sentence for the user; the parser adds
the line and column and turns it into :class:`proofnb.core.errors.UnsupportedError`.
"""

from __future__ import annotations

from typing import Any

import sympy as sp

MAX_EXPRESSION_CHARS = 20_000
MAX_TOKENS = 5_000
MAX_DEPTH = 200
MAX_LITERAL_DIGITS = 1_000
MAX_DIGITS = 10_000
MAX_BITS = MAX_DIGITS * 3322 // 1000 + 1  # bits of a MAX_DIGITS-digit number
MAX_EXPONENT = 1_000
MAX_FACTORIAL = 1_000
MAX_DERIVATIVE_ORDER = 100
MAX_PRODUCT_TERMS = 1_000
MAX_SUM_TERMS = 10_000


class LimitExceeded(Exception):
    """Raised inside the parser when a value would be too big; carries the user's sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def number_bits(value: Any) -> int:
    """Bits of numerator plus denominator of a SymPy Rational (0 for anything else)."""
    if isinstance(value, sp.Rational):
        return int(value.p).bit_length() + int(value.q).bit_length()
    return 0


def check_literal(digits: str) -> None:
    if len(digits) > MAX_LITERAL_DIGITS:
        raise LimitExceeded(
            f"number with {len(digits)} digits is too long (limit {MAX_LITERAL_DIGITS})"
        )


def check_numbers(values: list[Any]) -> None:
    """A sum or product of rationals is at most as big as all of them together."""
    total = 0
    for value in values:
        if isinstance(value, sp.Rational):
            total += number_bits(value)
    if total > MAX_BITS:
        raise LimitExceeded(f"the numbers here would exceed {MAX_DIGITS} digits")


def check_power(base: Any, exponent: Any) -> None:
    """Bound ``base ** exponent`` before SymPy computes it (plain-int arithmetic, so it
    works the same inside ``sympy.evaluate(False)``)."""
    if not isinstance(exponent, sp.Rational) or exponent.p == 0:
        return
    p, q = abs(int(exponent.p)), int(exponent.q)
    if isinstance(base, sp.Rational):
        if (int(base.p), int(base.q)) in ((0, 1), (1, 1), (-1, 1)):
            return
        if p * number_bits(base) > MAX_BITS * q:
            raise LimitExceeded(
                f"{_short(base)}^{_short(exponent)} would have more than {MAX_DIGITS} digits"
            )
    elif base is sp.E or base is sp.I and q == 1:  # i^2023 is one of 1, i, -1, -i
        return
    elif p > MAX_EXPONENT * q:
        raise LimitExceeded(f"exponent {_short(exponent)} is too large (limit {MAX_EXPONENT})")


def check_result(value: Any) -> None:
    """Catch degrees that grew past the limit by SymPy combining powers (x^600 * x^600)."""
    if isinstance(value, sp.Pow):
        _check_degree(value)
    elif isinstance(value, sp.Mul):
        for arg in value.args:
            if isinstance(arg, sp.Pow):
                _check_degree(arg)


def _check_degree(power: Any) -> None:
    base, exponent = power.args
    if isinstance(exponent, sp.Rational) and not isinstance(base, sp.Rational):
        if base is sp.I and exponent.is_Integer:
            return
        if base is not sp.E and _magnitude(exponent) > MAX_EXPONENT:
            raise LimitExceeded(
                f"exponent {_short(exponent)} is too large (limit {MAX_EXPONENT})"
            )


def check_factorial(value: Any) -> None:
    if isinstance(value, sp.Rational) and _magnitude(value) > MAX_FACTORIAL:
        raise LimitExceeded(
            f"factorial of {_short(value)} is too large (limit {MAX_FACTORIAL})"
        )


def check_binomial(n: Any, k: Any) -> None:
    for value in (n, k):
        if isinstance(value, sp.Rational) and _magnitude(value) > MAX_FACTORIAL:
            raise LimitExceeded(
                f"binomial argument {_short(value)} is too large (limit {MAX_FACTORIAL})"
            )


def check_range(low: Any, high: Any, limit: int, what: str) -> None:
    if isinstance(low, sp.Integer) and isinstance(high, sp.Integer):
        terms = int(high.p) - int(low.p)
        if terms > limit:
            raise LimitExceeded(f"{what} over {terms} terms is too long (limit {limit})")


def check_order(order: Any) -> None:
    if isinstance(order, sp.Integer) and int(order.p) > MAX_DERIVATIVE_ORDER:
        raise LimitExceeded(
            f"derivative of order {_short(order)} is too high (limit {MAX_DERIVATIVE_ORDER})"
        )


def _magnitude(value: Any) -> int:
    """|value| rounded up, for a SymPy Rational, in plain ints."""
    return -(-abs(int(value.p)) // int(value.q))


def _short(value: Any) -> str:
    if isinstance(value, sp.Integer) and number_bits(value) > 64:
        digits = int(value.p).bit_length() * 3010 // 10000
        return f"(a number of about {digits} digits)"
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."
