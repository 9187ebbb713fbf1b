"""Rounded solutions: ``2^x = 7 <=> x ≈ 2.81``, ``x^2 = 7 <=> x ≈ ±2.646``.

A statement chain may end in the solutions rounded: ``x ≈ d`` (``x ≈ ±d``, ``x ≈ d_1 or
x ≈ d_2``) after an equation in the one letter x. The step holds when the real solutions of
the line before are finitely many and round one to one onto the written decimals, each at the
places (or the stated rounding) it shows (core/rounding.py); it is refuted by a solution that
rounds to none of them, or a decimal no solution rounds to. Anything else (infinitely many
solutions, a value too close to a rounding boundary) is left undecided.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import sympy as sp
from sympy import Basic

from .decide import Outcome
from .model import Counterexample
from .rounding import Decimal, rounds_to, written_decimal
from .usertext import user_text

#: ``x ≈ 2.81`` (or \approx, ~=): a letter (with a subscript or a Greek name) and a decimal.
_PART = re.compile(r"\s*(?P<letter>\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*(?:≈|\\approx(?![A-Za-z])|~=)"
                   r"\s*(?P<value>.+?)\s*")
#: The joints between parts: or, \lor, \text{ or }, ∨, a comma.
_JOINT = re.compile(r"\s+or\s+|\\lor(?![A-Za-z])|\\vee(?![A-Za-z])|∨|\\text\{\s*or\s*\}"
                    r"|\\quad|;|,(?=\s*\\?[A-Za-z])")
_SIGNS = re.compile(r"\s*(±|\\pm(?![A-Za-z])|\+-|\+/-)\s*")
#: Any spelling of ≈ in a statement's text.
_APPROX = re.compile(r"≈|\\approx(?![A-Za-z])|~=")


def is_rounded_statement(text: str) -> bool:
    """Does the statement ``text`` round its letter (``x ≈ 2.81``)?"""
    return _APPROX.search(text) is not None


def _answers(text: str) -> tuple[str, list[Decimal]] | None:
    """The letter and the decimals of ``x ≈ d_1 or x ≈ ±d_2``, or None."""
    letter, decimals = "", []
    for part in _JOINT.split(text):
        found = _PART.fullmatch(part)
        # x_1 ≈ 0.56, x_2 ≈ -3.56: the solutions of x, numbered
        base = None if found is None else found["letter"].split("_")[0]
        if base is None or found is None or letter and base != letter:
            return None
        letter, value = base, found["value"]
        sign = _SIGNS.match(value)
        decimal = written_decimal(value[sign.end():] if sign else value)
        if decimal is None:
            return None
        decimals.append(decimal)
        if sign:
            decimals.append(Decimal(-decimal.value, decimal.places, "-" + decimal.text,
                                    decimal.unit, decimal.truncated, decimal.stated,
                                    decimal.figures, decimal.power))
    return (letter, decimals) if letter else None


def decide_rounded_solutions(previous: str, rounded: str, parse: Callable[[str], Basic],
                             conditions: tuple[Basic, ...] = (),
                             domain: str = "real") -> Outcome:
    """The decision on ``previous <=> rounded`` (``2^x = 7 <=> x ≈ 2.81``); ``conditions``
    are the cell's assumptions (``assume x > 0`` keeps the positive solutions)."""
    answers = _answers(rounded)
    if answers is None:
        return Outcome("error", "parse", message=(
            "a rounded answer is written x ≈ 2.81, x ≈ ±2.646 or x ≈ 0.56 or x ≈ -3.56, "
            "after the equation it solves"))
    letter, decimals = answers
    variable = parse(letter)
    statement = parse(previous)
    if not isinstance(variable, sp.Symbol) or statement.free_symbols != {variable}:
        return Outcome("unknown", "rounding", message=(
            f"the line before is not an equation in {letter} alone: its solutions are not "
            "numbers to round"))
    try:
        solutions = sp.solveset(statement, variable,
                                sp.S.Complexes if domain == "complex" else sp.S.Reals)
    except (NotImplementedError, ValueError, TypeError):
        return Outcome("unknown", "rounding", message="its solutions could not be found exactly")
    if not isinstance(solutions, sp.FiniteSet):
        return Outcome("unknown", "rounding", message=(
            f"{user_text(solutions)} is not a finite set of numbers to round"))
    kept = []
    for value in solutions:
        holds = [c.subs(variable, value) for c in conditions if variable in c.free_symbols]
        if any(h not in (sp.true, sp.false) for h in holds):
            return Outcome("unknown", "rounding", message=(
                f"whether {letter} = {user_text(value)} meets the assumptions is not clear"))
        if all(h == sp.true for h in holds):
            kept.append(value)
    if not all(v.is_real for v in kept):
        return Outcome("unknown", "rounding", message="its solutions are not known to be real")
    values = sorted(kept, key=lambda s: float(sp.N(s)))
    unmatched = list(decimals)
    for value in values:
        verdicts = [rounds_to(value, d) for d in unmatched]
        if None in verdicts:
            return Outcome("unknown", "rounding", message=(
                f"{user_text(value)} is too close to a rounding boundary to tell"))
        if True not in verdicts:
            taken = [d for d in decimals if all(d is not u for u in unmatched)
                     and rounds_to(value, d)]
            if taken:  # (x - 1)^2 = 10^-8 <=> x ≈ 1: 1.0001 does round to 1, but so does 0.9999
                return Outcome("refuted", "rounding", _witness(
                    f"{letter} = {user_text(value)} ≈ {sp.N(value, 8)} solves the line before "
                    f"and rounds to {taken[0].text}, which another solution rounds to already: "
                    "write one rounded answer for each solution", value))
            return Outcome("refuted", "rounding", _witness(
                f"{letter} = {user_text(value)} ≈ {sp.N(value, 8)} solves the line before, "
                f"and rounds to none of {_listed(decimals)}", value))
        unmatched.pop(verdicts.index(True))
    if unmatched:
        return Outcome("refuted", "rounding", _witness(
            f"no solution of the line before rounds to {unmatched[0].text}: its solutions "
            f"are {_listed_values(values)}", None))
    return Outcome("proved", "rounding", message=(
        f"the solution{'s' if len(values) > 1 else ''} {_listed_values(values)} "
        f"round{'' if len(values) > 1 else 's'} to {_listed(decimals)}"))


def _listed(decimals: list[Decimal]) -> str:
    return ", ".join(d.text for d in decimals)


def _listed_values(values: list[Basic]) -> str:
    return ", ".join(f"{user_text(v)} ≈ {sp.N(v, 8)}" for v in values) or "none"


def _witness(text: str, value: Basic | None) -> Counterexample:
    return Counterexample(kind="value", point=(), lhs_value=None if value is None else str(value),
                          rhs_value=None, text=text)
