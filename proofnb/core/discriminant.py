r"""The discriminant written as its formula between a quadratic equation and its solutions.

French and German classes write, below ``x^2 - 4x + 3 = 0``, the line
``\Delta = b^2 - 4ac = 16 - 12 = 4`` (or ``D = ...``, ``Δ = ...``) and then the solutions.
The letters a, b, c there are the coefficients of the equation above in standard form,
not letters of the cell: read literally, the line would claim ``b^2 - 4ac = 4`` for every
a, b, c. :func:`discriminant_line` puts the coefficients in (``(-4)^2 - 4*(1)*(3)``), so the
formula is checked with them; where the line above is no quadratic in one letter, the formula
is dropped and the numbers that follow it are the aside (round 59).
"""

from __future__ import annotations

import re

import sympy as sp

#: ``\Delta = b^2 - 4ac`` at the start of a line (and what follows it).
_FORMULA = re.compile(
    r"^(?P<head>\s*(?:\\Delta(?![A-Za-z])|Δ|D)\s*=\s*)"
    r"(?P<formula>b\s*(?:\^\s*\{?\s*2\s*\}?|²)\s*-\s*4\s*(?:\\cdot|\*|\\times|·)?\s*a\s*"
    r"(?:\\cdot|\*|\\times|·)?\s*c)(?![A-Za-z0-9_^{(])(?P<rest>.*)$", re.S)
#: ``\Delta = 4`` on its own (French: \Delta is always b^2 - 4ac; German D may be the
#: pq-formula's (p/2)^2 - q, so D is not read so).
#: A sign may follow: ``\Delta = -16 < 0`` (then no real solution, round 60).
_BARE = re.compile(r"^(?P<head>\s*(?:\\Delta(?![A-Za-z])|Δ)\s*=\s*)(?P<value>[^=<>]+?)"
                   r"(?P<sign>\s*(?:<|>|\\lt(?![A-Za-z])|\\gt(?![A-Za-z]))\s*0)?\s*$")
#: A relation leading a line (``<=> x^2 - 4x + 3 = 0``), and relations other than ``=``.
_LEAD = re.compile(r"^\s*&?\s*(?:<=>|⇔|\\iff(?![A-Za-z])|\\Leftrightarrow(?![A-Za-z])|"
                   r"==>|⇒|\\implies(?![A-Za-z])|\\Rightarrow(?![A-Za-z]))?\s*&?")
_OTHER = re.compile(r"<|>|≤|≥|≠|!=|\\(?:le|ge|leq|geq|neq|ne|lt|gt)(?![A-Za-z])|⇔|⇒|\\iff"
                    r"|\b(?:or|and|oder|ou|und|et)\b|\\(?:lor|land|quad|text)(?![A-Za-z])|,|;")


def discriminant_line(raw: str, previous: str) -> str:
    r"""``raw`` with the discriminant's formula (``\Delta = b^2 - 4ac = ...``) read with the
    coefficients of ``previous``, a quadratic equation in one letter; without the formula
    where the coefficients are not known and numbers follow it; else ``raw``."""
    match = _FORMULA.match(raw)
    if match is None:
        bare = _BARE.match(raw)
        if bare is None or re.search(r"[A-Za-z]", re.sub(r"\\[A-Za-z]+", " ", bare["value"])):
            return raw
        found = _coefficients(previous)
        if found is None:
            return raw
        a, b, c = (_number(value) for value in found)  # \Delta = 4: b^2 - 4ac = 4
        return f"{bare['head']}({b})^2 - 4*({a})*({c}) = {bare['value']}{bare['sign'] or ''}"
    coefficients = _coefficients(previous)
    if coefficients is not None:
        a, b, c = (_number(value) for value in coefficients)
        width = len(match.group("formula"))
        text = f"({b})^2 - 4*({a})*({c})"
        return match.group("head") + text.ljust(width) + match.group("rest")
    rest = match.group("rest")
    after = re.match(r"\s*=\s*", rest)
    if after is None or re.search(r"[A-Za-z]", re.sub(r"\\[A-Za-z]+", " ", rest)):
        return raw  # \Delta = b^2 - 4ac about the letters of a x^2 + b x + c = 0
    # the numbers after the formula are the aside: \Delta = 16 - 12 = 4
    return match.group("head") + " " * (len(match.group("formula")) + after.end()) \
        + rest[after.end():]


def _coefficients(previous: str) -> tuple[sp.Expr, sp.Expr, sp.Expr] | None:
    """a, b, c of ``previous`` when it is ``p = q`` with p - q a polynomial of degree 2 in its
    one letter, with numbers for coefficients."""
    from proofnb.core.errors import ProofnbError
    from proofnb.core.model import CheckOptions
    from proofnb.core.parser import build_env, parse_math

    code = previous.split("#", 1)[0]
    code = code[_LEAD.match(code).end():]  # type: ignore[union-attr]  # always matches
    sides = code.split("=")
    if len(sides) != 2 or _OTHER.search(code) or not sides[0].strip() or not sides[1].strip():
        return None
    try:
        env = build_env(CheckOptions(domain="real"))
        difference = sp.expand(parse_math(sides[0], env) - parse_math(sides[1], env))
    except (ProofnbError, TypeError, ValueError, sp.SympifyError):
        return None
    if not isinstance(difference, sp.Expr) or len(difference.free_symbols) != 1:
        return None
    letter = next(iter(difference.free_symbols))
    try:
        poly = sp.Poly(difference, letter)
    except sp.PolynomialError:
        return None
    if poly.degree() != 2 or not all(k.is_number and k.is_real for k in poly.all_coeffs()):
        return None
    a, b, c = poly.all_coeffs()
    return a, b, c


def _number(value: sp.Expr) -> str:
    """A coefficient as the cell language writes it."""
    return str(value).replace("**", "^")
