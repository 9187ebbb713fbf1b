r"""Rounding claims: ``sqrt(2) ≈ 1.414`` holds when sqrt(2) rounds to 1.414 at the places shown.

A worksheet ends a calculation with a decimal: ``x = ln(5)/2 ≈ 0.805``, ``9 pi ≈ 28.27``. The
claim ``A ≈ d`` (d a decimal written with k digits after the point, or a whole number, k = 0)
holds when |A - d| ≤ 10^(-k)/2: A rounded to k places is d (a value exactly half-way rounds
either way). A has no letters (an approximation of a formula is not a claim with one
meaning). The distance is decided exactly for rationals, and otherwise from two evaluations
at 30 and 60 digits that agree on its side of 10^(-k)/2 by a wide margin; anything closer is
left undecided, never guessed.

How a worksheet writes the decimal (round 42):

* a stated rounding after it, in brackets or words: ``(2 d.p.)``, ``(3 s.f.)``, ``to 3
  significant figures``, ``correct to 2 decimal places``, ``(nearest integer)``. With ``k``
  decimal places stated the decimal must show exactly k places; with ``s`` significant
  figures it must show s of them (trailing zeros of a whole number may or may not count:
  1630 has 3 or 4), its last digit must sit where A's s-th significant digit does (one place
  further left when rounding carries A up to a power of ten: 9.996 ≈ 10.0 to 3 s.f.), and
  |A - d| ≤ half a unit of that place;
* a unit: ``12.5%`` (A is compared as 100 A), ``36.87°`` or ``36.87^\circ`` (A, an angle in
  radians, as 180 A/pi), a currency sign before it (``£1628.89``, ``\$1,628.89``: commas
  with a point are thousands separators), ``\text{ cm}^2`` after it (ignored);
* standard form ``4.98 \times 10^{-2}``, ``4.98 × 10^-2``, ``4.98e-2``: the places count in
  the mantissa, so 4.98 × 10^{-2} is 0.0498 to 4 decimal places;
* a truncated decimal ``1.4142...`` (``\ldots``, ``\dots``, ``…``), also after ``=``: A's
  digits begin so, |A| - |d| lies in [0, 10^(-k)); in a chain ``A = 0.8047... ≈ 0.805`` and
  ``A ≈ 0.245 ≈ 0.25`` the rounding is of A, the value the earlier decimals stand for, so a
  rounding of a rounding (0.2449 to 2 places is 0.24) is caught;
* ``±`` on both sides: ``±sqrt(7) ≈ ±2.646`` is sqrt(7) ≈ 2.646 (the signs are tied).
"""

from __future__ import annotations

import dataclasses
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
#: A truncation mark after the digits: 1.4142..., 1.4142\ldots, 1.4142…
_DOTS = re.compile(r"\s*(?:\.\.\.|…|\\[lc]?dots[bcm]?(?![A-Za-z]))\s*\Z")
#: Standard form after the mantissa: \times 10^{-2}, × 10^-2, \cdot 10^{3}, e-2, E30.
_POWER = re.compile(r"\s*(?:(?:\\times|×|\\cdot|·|⋅|\*)\s*10\s*\^\s*(?:\{\s*([+\-−]?\s*\d+)\s*\}"
                    r"|\(\s*([+\-−]?\s*\d+)\s*\)|([+\-−]?\d+))|[eE]([+-]?\d+))\s*\Z")
#: Currency signs before the number (ignored: money is a plain number).
_CURRENCY = re.compile(r"\A\s*([+\-−]?)\s*(?:£|€|¥|\$|\\\$|\\pounds(?![A-Za-z])|\\euro(?![A-Za-z])"
                       r"|US\$|\\text\{\s*(?:£|€|\\\$|\$)\s*\})\s*")
#: Units after the number: %, degrees, a unit in \text{} or \mathrm{} (ignored).
_PERCENT = re.compile(r"\s*\\?%\s*\Z")
_DEGREES = re.compile(r"\s*(?:°|\^\s*\\circ|\^\s*\{\s*\\circ\s*\}|\\circ|\\degree(?![A-Za-z]))"
                      r"\s*\Z")
_UNIT = re.compile(r"\s*\x01\s*[A-Za-z ]*[A-Za-z]\s*\x01?(?:\s*\^\s*(?:\{\s*[23]\s*\}|[23]))?"
                   r"\s*\Z")
#: The stated rounding after it: (2 d.p.), (3 s.f.), to 3 significant figures, correct to 2
#: decimal places, (nearest integer), (to the nearest whole number).
_STATED = re.compile(
    r"(?:\A|\s|(?<=\d))[(\[]?\s*(?:(?:correct|accurate|rounded)\s+)?(?:to\s+)?(?:"
    r"(?P<dp>\d+)\s*(?:d\.?\s*p\.?|decimal\s+places?|dps?\.?)"
    r"|(?P<sf>\d+)\s*(?:s\.?\s*f\.?|sig\.?\s*figs?\.?|significant\s+figures?|sfs?\.?)"
    r"|(?:the\s+)?nearest\s+(?P<near>integer|whole\s+number|whole|unit|degree|tenth|hundredth"
    r"|thousandth|penny|cent))\s*[)\]]?\s*\Z", re.IGNORECASE)
_NEAREST = {"tenth": 1, "hundredth": 2, "thousandth": 3, "penny": 2, "cent": 2}
#: \text{...} wrappers around words: their content is read as plain text.
_WRAPPER = re.compile(r"\\(?:text|textrm|mathrm|mbox|textnormal)\s*\{([^{}]*)\}")


@dataclass(frozen=True)
class Decimal:
    """A decimal as the student wrote it: its exact value and its places after the point.

    ``value`` is in the written units (12.5 for ``12.5%``, 0.0498 for ``4.98e-2``);
    ``places`` counts the places of that value (4 for ``4.98e-2``); ``unit`` is what one of
    those units is worth (1/100 for %, pi/180 for degrees, else 1); ``truncated`` marks
    ``1.4142...``; ``stated`` is ("dp", k) or ("sf", s) when the rounding is stated;
    ``figures`` is the fewest and most significant figures the digits can be read to show."""

    value: sp.Rational
    places: int
    text: str
    unit: Expr = sp.Integer(1)
    truncated: bool = False
    stated: tuple[str, int] | None = None
    figures: tuple[int, int] = (0, 0)
    power: int = 0


#: Longest text read as a written decimal.
MAX_WRITTEN = 200


def written_decimal(text: str) -> Decimal | None:
    """The decimal ``text`` is (``1.414``, ``-0.80``, ``7``, ``12.5%``, ``£1,628.89``,
    ``4.98 \\times 10^{-2}``, ``0.805 (3 s.f.)``, ``1.4142...``), or ``None`` for anything
    else."""
    if len(text) > MAX_WRITTEN:
        return None  # 7777...7 (10^6 digits) is no rounding claim; the scan took minutes
    # \text{...} keeps its words between \x01 marks (same length as spaces, so a match in
    # the spaced copy cuts the marked one at the same place).
    rest = _WRAPPER.sub(lambda m: f"\x01{m.group(1)}\x01", text.strip())
    rest = rest.replace("\\,", "  ").replace("~", " ")
    stated: tuple[str, int] | None = None
    found = _STATED.search(rest.replace("\x01", " "))
    if found is not None and found.start() > 0:
        number = int(found.group("dp") or found.group("sf") or 0)
        near = (found.group("near") or "").lower()
        stated = ("sf", number) if found.group("sf") else ("dp", _NEAREST.get(near, number))
        rest = rest[: found.start()].rstrip(" \x01")
    unit: Expr = sp.Integer(1)
    for pattern, worth in ((_UNIT, None), (_PERCENT, sp.Rational(1, 100)),
                           (_DEGREES, sp.pi / 180)):
        cut = pattern.search(rest)
        if cut is not None and cut.start() > 0:
            rest = rest[: cut.start()]
            if worth is not None:
                unit = worth
                break
    if "\x01" in rest:
        return None
    truncated = False
    dots = _DOTS.search(rest)
    if dots is not None and dots.start() > 0:
        rest, truncated = rest[: dots.start()], True
    power = 0
    standard = _POWER.search(rest)
    if standard is not None and standard.start() > 0:
        exponent = next(g for g in standard.groups() if g is not None)
        power = int(exponent.replace("−", "-").replace(" ", ""))
        rest = rest[: standard.start()]
    money = _CURRENCY.match(rest)
    if money is not None:
        rest = money.group(1) + rest[money.end():]
    spaced = _thousands(rest.replace("−", "-").replace("{,}", ","))
    found_number = None if spaced is None else _DECIMAL.fullmatch(spaced)
    if found_number is None:
        return None
    sign, whole, fraction = found_number.groups()
    fraction = fraction or ""
    if truncated and not fraction:
        return None  # 1, 2, 3... is a list, not a truncated decimal
    value = sp.Rational(f"{whole}{fraction}") / 10 ** len(fraction) * sp.Integer(10) ** power
    digits = (whole + fraction).lstrip("0")
    if fraction:  # every digit from the first non-zero one counts: 0.050 has 2
        figures = (len(digits), len(digits)) if digits else (1, len(fraction))
    else:  # 1630: 3 or 4
        figures = (len(digits.rstrip("0")) or 1, len(digits) or 1)
    return Decimal(-value if sign == "-" else value, len(fraction) - power, text.strip(),
                   unit, truncated, stated, figures, power)


def _thousands(text: str) -> str | None:
    """``1,628.89`` is 1628.89 and ``1,000,000`` a million; a lone comma is a decimal comma
    (``2,5``); commas not in groups of three with a point after them are no number."""
    if "," not in text:
        return text
    if "." in text or text.count(",") > 1:
        whole, _, fraction = text.partition(".")
        groups = whole.split(",")
        if not all(len(g.strip()) == 3 for g in groups[1:]):
            return None
        return "".join(g.strip() for g in groups) + ("." + fraction if "." in text else "")
    return text.replace(",", ".")


def rounds_to(value: Expr, decimal: Decimal) -> bool | None:
    """Does ``value`` round to ``decimal`` at its places (or its stated rounding; or begin
    with its digits, when truncated)? ``None`` when it cannot be told (not a real number, or
    too close to a rounding boundary to settle)."""
    return _judge(value, decimal)[0]


def _judge(value: Expr, decimal: Decimal) -> tuple[bool | None, str]:
    """Whether the claim holds, and when it fails on its digits alone, why."""
    scaled = value / decimal.unit if decimal.unit != 1 else value
    if decimal.stated is not None and decimal.stated[0] == "dp" \
            and decimal.places != decimal.stated[1]:
        return False, (f"{_digits(decimal)} shows {_places(decimal.places)}, not the "
                       f"{_places(decimal.stated[1])} stated")
    if decimal.stated is not None and decimal.stated[0] == "sf":
        wanted = decimal.stated[1]
        low, high = decimal.figures
        if not low <= wanted <= high:
            shown = f"{low}" if low == high else f"{low} or {high}"
            return False, (f"{_digits(decimal)} shows {shown} significant figures, not the "
                           f"{wanted} stated")
        place = _leading_place(scaled)
        if place is None:
            return None, ""
        unit = sp.Integer(10) ** (place - wanted + 1)
        if not (decimal.value / unit).is_integer:
            return False, ""
        return _within(scaled - decimal.value, unit / 2), ""
    ulp = sp.Integer(10) ** (-decimal.places)
    if decimal.truncated:
        return _begins(scaled, decimal.value, ulp), ""
    return _within(scaled - decimal.value, ulp / 2), ""


def _gaps(gap: Expr) -> list[sp.Rational] | None:
    """``gap`` at 30 and 60 digits as rationals, or None when it is no real number."""
    try:
        values = [sp.N(gap, digits) for digits in (30, 60)]
    except (TypeError, ValueError, ArithmeticError):
        return None
    if not all(v.is_real and v.is_Number for v in values):
        return None
    return [sp.Rational(str(v)) for v in values]


def _within(gap: Expr, tolerance: Expr) -> bool | None:
    """|gap| <= tolerance, exactly for a rational gap, else from two evaluations that clear
    the boundary by a wide margin."""
    if gap.is_Rational:
        return bool(abs(gap) <= tolerance)
    gaps = _gaps(gap)
    if gaps is None:
        return None
    margin = tolerance * _MARGIN
    if all(abs(g) - tolerance < -margin for g in gaps):
        return True
    if all(abs(g) - tolerance > margin for g in gaps):
        return False
    return None


def _begins(value: Expr, written: sp.Rational, ulp: Expr) -> bool | None:
    """Does ``value`` begin with the digits of ``written`` (cut toward zero at ``ulp``)?"""
    sign = -1 if written < 0 else 1
    gap = sp.expand(sign * (value - written)) if written != 0 else abs(value)
    if gap.is_Rational:
        return bool(0 <= gap < ulp)
    gaps = _gaps(gap)
    if gaps is None:
        return None
    margin = ulp * _MARGIN
    if all(margin < g < ulp - margin for g in gaps):
        return True
    if all(g < -margin or g > ulp + margin for g in gaps):
        return False
    return None


def _leading_place(value: Expr) -> int | None:
    """The power of ten of ``value``'s first significant digit, or None when ``value`` is
    zero, no real number, or too close to a power of ten to tell."""
    gaps = _gaps(value)
    if gaps is None or any(g == 0 for g in gaps):
        return None
    places = set()
    for g in gaps:
        place = int(sp.floor(sp.log(abs(g), 10)))
        while sp.Integer(10) ** place > abs(g):
            place -= 1
        while sp.Integer(10) ** (place + 1) <= abs(g):
            place += 1
        power = sp.Integer(10) ** place
        if abs(abs(g) - power) < power * _MARGIN or abs(abs(g) - 10 * power) < power * _MARGIN:
            return None
        places.add(place)
    return places.pop() if len(places) == 1 else None


def rounding_witness(value: Expr, decimal: Decimal, written: str = "",
                     why: str = "") -> Counterexample:
    """What ``value`` is, to a few more places than ``decimal`` shows, and what it rounds
    to (or why the written digits fail on their own)."""
    scaled = value / decimal.unit if decimal.unit != 1 else value
    shown = _shown(value, written)
    if decimal.unit == sp.Rational(1, 100):
        shown, mark = f"100·{shown}", "%"
    elif decimal.unit == sp.pi / 180:
        shown, mark = f"{shown} in degrees", "°"
    else:
        mark = ""
    power, places = decimal.power, decimal.places
    if power:  # standard form: shown as written, 1.2676... × 10^30
        scaled, places = scaled / sp.Integer(10) ** power, places + power
        mark = f" × 10^{power}{mark}"
    head = f"{shown} = {_truncated(scaled, max(places, 0) + 4)}...{mark if power else ''}"
    if why:
        text = f"{why} ({head})"
    elif decimal.truncated:
        text = (f"{head}, whose digits begin {_truncated(scaled, places)}{mark}, not "
                f"{decimal.text}")
    elif decimal.stated is not None and decimal.stated[0] == "sf":
        place = _leading_place(scaled)
        if place is not None:
            places = decimal.stated[1] - 1 - place
        text = (f"{head}, which is {_rounded(scaled, places)}{mark} to "
                f"{_figures(decimal.stated[1])}, not {decimal.text}")
    else:
        text = (f"{head}, which rounds to {_rounded(scaled, places)}{mark} at "
                f"{_places(places)}, not {decimal.text}")
    return Counterexample(kind="value", point=(), lhs_value=str(value), rhs_value=decimal.text,
                          text=text)


def _figures(count: int) -> str:
    return "1 significant figure" if count == 1 else f"{count} significant figures"


def _digits(decimal: Decimal) -> str:
    """The written number without its stated rounding: ``0.8047`` of ``0.8047 (3 s.f.)``."""
    return _STATED.sub("", _WRAPPER.sub(lambda m: f" {m.group(1)} ", decimal.text)).strip()


def _rounded(value: Expr, places: int) -> str:
    """``value`` rounded half up to ``places`` decimals."""
    if places < 0:
        return str(int(sp.floor(sp.N(value / 10**-places, 50) + sp.Rational(1, 2)))
                   * 10**-places)
    return _fixed(int(sp.floor(sp.N(value * 10**places, 50) + sp.Rational(1, 2))), places)


def _truncated(value: Expr, places: int) -> str:
    """``value`` cut (toward zero) after ``places`` decimals, shown with ``...`` after it."""
    if places < 0:
        places = 0
    scaled = sp.N(value * 10**places, 50)
    whole = int(sp.floor(abs(scaled)))
    return _fixed(-whole if scaled < 0 else whole, places)


def _fixed(scaled: int, places: int) -> str:
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}" if places else f"{sign}{digits}"


def _places(places: int) -> str:
    if places <= 0:
        return "a whole number" if places == 0 else f"a multiple of 10^{-places}"
    return "1 decimal place" if places == 1 else f"{places} decimal places"


def decide_rounding(lhs: str, rhs: str, parse: Callable[[str, int], Basic],
                    carried: str = "") -> Outcome:
    """The decision on ``lhs ≈ rhs`` (or ``lhs = 1.4142...``) as written: one side a decimal,
    the other a number. ``parse(text, side)`` reads one side (side 0 is the left).
    ``carried`` is the exact value a decimal on the left stands for in its chain
    (``A = 0.8047... ≈ 0.805``: A), used in its place."""
    signs = _SIGNS.match(lhs), _SIGNS.match(rhs)
    if signs[0] and signs[1] and signs[0].group(1) == signs[1].group(1):
        inner = decide_rounding(lhs[signs[0].end():], rhs[signs[1].end():], parse)
        if inner.status in ("proved", "refuted") or inner.status == "error":
            return inner  # ±a ≈ ±d (signs tied) is a ≈ d, as -a ≈ -d is
    decimal, side = written_decimal(rhs), 0
    if decimal is None:
        decimal, side = written_decimal(lhs), 1
    if decimal is None:
        return Outcome("error", "parse", message=(
            "≈ needs a decimal on one side, the value it rounds to: sqrt(2) ≈ 1.414, "
            "0.805 (3 s.f.), 12.5%, 4.98 \\times 10^{-2}"))
    text = (lhs, rhs)[side]
    if side == 0 and carried.strip() and written_decimal(lhs) is not None:
        text = carried  # a rounding of a rounding rounds the value it stands for
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
    if value.has(sp.Sum, sp.Product):  # a finite sum of numbers: its value, added up
        try:
            value = value.doit()
        except (TypeError, ValueError, ArithmeticError, NotImplementedError):
            pass
    holds, why = _judge(value, decimal)
    if holds is False and decimal.unit != 1 and _CONVERTED[decimal.unit == sp.pi / 180].search(
            text) and _judge(value, dataclasses.replace(decimal, unit=sp.Integer(1)))[0]:
        # 17/23 × 100 ≈ 73.9%, 180 - 143.13 ≈ 36.87°: the value is already in the unit.
        # As written 73.9% is 0.739, so the step is not proved, nor refuted.
        unit = "%" if decimal.unit == sp.Rational(1, 100) else "°"
        return Outcome("unknown", "rounding", message=(
            f"{_shown(value, text)} rounds to {_digits(decimal)} as a plain number, but "
            f"{_digits(decimal)} is {user_text(decimal.value * decimal.unit)}: write "
            f"{'the fraction' if unit == '%' else 'the angle in radians'} before ≈ "
            f"(17/23 ≈ 73.9%, arctan(3/4) ≈ 36.87°) or drop the {unit}"))
    if holds is None:
        return Outcome("unknown", "rounding", message=(
            f"{user_text(value)} is not a real number, or too close to the half-way point of "
            f"{_places(decimal.places)} to tell"))
    if not holds:
        return Outcome("refuted", "rounding", rounding_witness(value, decimal, text, why))
    if decimal.truncated:
        return Outcome("proved", "rounding", message=(
            f"{_shown(value, text)} begins {_DOTS.sub('', _digits(decimal))}..."))
    return Outcome("proved", "rounding", message=(
        f"{_shown(value, text)} rounds to {_digits(decimal)} at "
        + (_figures(decimal.stated[1]) if decimal.stated
           and decimal.stated[0] == "sf" else _places(decimal.places))))


#: A side that converts to the unit itself (17/23 × 100, 180/pi arctan(3/4), 180 - 143.13):
#: [percent, degrees].
_CONVERTED = (re.compile(r"(?<![\d.])100(?![\d.])"), re.compile(r"(?<![\d.])180(?![\d.])"))
#: A ± (or ∓) in front of a side.
_SIGNS = re.compile(r"\s*(±|∓|\\pm(?![A-Za-z])|\\mp(?![A-Za-z])|\+-|\+/-)\s*")


def truncated_side(text: str) -> bool:
    """Is ``text`` a truncated decimal (``1.4142...``, ``0.8047\\ldots``)?"""
    decimal = written_decimal(text)
    return decimal is not None and decimal.truncated


def approximate(text: str) -> bool:
    """Is ``text`` a written decimal (that a chain may carry as an approximation)?"""
    return written_decimal(text) is not None


def _shown(value: Expr, written: str) -> str:
    """The value as a student reads it: 16679880978201/10240000000 is shown as written
    (``1000(1.05)^{10}``), sqrt(2) as sqrt(2)."""
    if written and isinstance(value, sp.Rational) and (value.q > 1000 or abs(value) > 10**12):
        return written.strip()
    return user_text(value)
