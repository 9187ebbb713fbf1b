"""Rounding claims: ``sqrt(2) ≈ 1.414`` holds when sqrt(2) rounds to 1.414 at the places shown.

A worksheet ends a calculation with a decimal: ``x = ln(5)/2 ≈ 0.805``, ``9 pi ≈ 28.27``. The
claim ``A ≈ d`` (d a decimal written with k digits after the point, or a whole number, k = 0)
holds when |A - d| ≤ 10^(-k)/2: A rounded to k places is d (a value exactly half-way rounds
either way). A has no letters (an approximation of a formula is not a claim with one
meaning). The distance is decided exactly for rationals, and otherwise from two evaluations
at 30 and 60 digits that agree on its side of 10^(-k)/2 by a wide margin; anything closer is
left undecided, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp
from sympy import Basic, Expr

from .decide import Outcome
from .model import Counterexample
from .usertext import user_text

#: A decimal as written: optional sign, digits, optional point and digits.
_DECIMAL = re.compile(r"\s*([+-]?)\s*(\d+)(?:\.(\d*))?\s*")
#: Margin (relative to the tolerance) that two evaluations must clear to decide.
_MARGIN = sp.Rational(1, 10**20)


@dataclass(frozen=True)
class Decimal:
    """A decimal as the student wrote it: its exact value and its places after the point."""

    value: sp.Rational
    places: int
    text: str


def written_decimal(text: str) -> Decimal | None:
    """The decimal ``text`` is (``1.414``, ``-0.80``, ``7``), or ``None`` for anything else."""
    found = _DECIMAL.fullmatch(text.replace("{,}", ".").replace(",", "."))
    if found is None:
        return None
    sign, whole, fraction = found.groups()
    fraction = fraction or ""
    value = sp.Rational(f"{whole}{fraction}") / 10 ** len(fraction)
    return Decimal(-value if sign == "-" else value, len(fraction), text.strip())


def rounds_to(value: Expr, decimal: Decimal) -> bool | None:
    """Does ``value`` round to ``decimal`` at its places? ``None`` when it cannot be told
    (not a real number, or too close to the rounding boundary to settle)."""
    tolerance = sp.Rational(1, 2 * 10**decimal.places)
    if value.is_Rational:
        return bool(abs(value - decimal.value) <= tolerance)
    try:
        rough, fine = (sp.N(value - decimal.value, digits) for digits in (30, 60))
    except (TypeError, ValueError, ArithmeticError):
        return None
    if not (rough.is_real and fine.is_real and rough.is_Number and fine.is_Number):
        return None
    gaps = [abs(sp.Rational(str(v))) - tolerance for v in (rough, fine)]
    margin = tolerance * _MARGIN
    if all(g < -margin for g in gaps):
        return True
    if all(g > margin for g in gaps):
        return False
    return None


def rounding_witness(value: Expr, decimal: Decimal, written: str = "") -> Counterexample:
    """What ``value`` is, to a few more places than ``decimal`` shows, and what it rounds to."""
    rounded = _rounded(value, decimal.places)
    text = (f"{_shown(value, written)} = {_truncated(value, decimal.places + 4)}..., which "
            f"rounds to "
            f"{rounded} at {_places(decimal.places)}, not {decimal.text}")
    return Counterexample(kind="value", point=(), lhs_value=str(value), rhs_value=decimal.text,
                          text=text)


def _rounded(value: Expr, places: int) -> str:
    """``value`` rounded half up to ``places`` decimals."""
    return _fixed(int(sp.floor(sp.N(value * 10**places, 50) + sp.Rational(1, 2))), places)


def _truncated(value: Expr, places: int) -> str:
    """``value`` cut (toward zero) after ``places`` decimals, shown with ``...`` after it."""
    scaled = sp.N(value * 10**places, 50)
    whole = int(sp.floor(abs(scaled)))
    return _fixed(-whole if scaled < 0 else whole, places)


def _fixed(scaled: int, places: int) -> str:
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}" if places else f"{sign}{digits}"


def _places(places: int) -> str:
    if places == 0:
        return "a whole number"
    return "1 decimal place" if places == 1 else f"{places} decimal places"


def decide_rounding(lhs: str, rhs: str, parse: Callable[[str, int], Basic]) -> Outcome:
    """The decision on ``lhs ≈ rhs`` as written: one side a decimal, the other a number.
    ``parse(text, side)`` reads one side (side 0 is the left)."""
    decimal, side = written_decimal(rhs), 0
    if decimal is None:
        decimal, side = written_decimal(lhs), 1
    if decimal is None:
        return Outcome("error", "parse", message=(
            "≈ needs a decimal on one side, the value it rounds to: sqrt(2) ≈ 1.414"))
    text = (lhs, rhs)[side]
    value = parse(text, side)
    if not isinstance(value, Expr):
        return Outcome("error", "parse", message="≈ compares a number with a decimal")
    letters = sorted(s.name for s in value.free_symbols if isinstance(s, sp.Symbol))
    if letters:
        return Outcome("error", "parse", message=(
            f"≈ compares a number with a decimal, and {text.strip()} has letters "
            f"({', '.join(letters)}): write = for a claim about every value"))
    if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        return Outcome("unknown", "rounding", message=(
            f"{text.strip()} is undefined or infinite: it has no decimal value"))
    holds = rounds_to(value, decimal)
    if holds is None:
        return Outcome("unknown", "rounding", message=(
            f"{user_text(value)} is not a real number, or too close to the half-way point of "
            f"{_places(decimal.places)} to tell"))
    if not holds:
        return Outcome("refuted", "rounding", rounding_witness(value, decimal, text))
    return Outcome("proved", "rounding", message=(
        f"{_shown(value, text)} rounds to {decimal.text} at {_places(decimal.places)}"))


def _shown(value: Expr, written: str) -> str:
    """The value as a student reads it: 16679880978201/10240000000 is shown as written
    (``1000(1.05)^{10}``), sqrt(2) as sqrt(2)."""
    if written and isinstance(value, sp.Rational) and value.q > 1000:
        return written.strip()
    return user_text(value)
