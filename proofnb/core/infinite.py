"""Expression steps with an infinite side, in the extended reals.

``\\sum 1/n^2 < \\infty``, ``\\int_1^\\infty x^{-2} dx < \\infty``, ``e^x < \\infty`` and
``\\ln x > -\\infty`` say that a real quantity is finite. Once sums, integrals and limits are
evaluated, a side that is ``oo`` or ``-oo`` is compared with the other side by order alone: a
real expression is finite wherever it has a value, so ``f < oo`` holds wherever ``f`` is
defined and ``f = oo`` nowhere. Point evaluation cannot see this (``oo`` has no real value),
and such steps used to be refuted with "right side undefined". A side that still holds an
unevaluated sum, integral or limit may itself be infinite and is left to the other tiers.
"""

from __future__ import annotations

import time

import sympy as sp
from sympy import Expr

from .model import Counterexample, Status
from .numeric import UNDEFINED, Value, _Marker, evaluate, point_text, show, show_text
from .witness import Problem, _sample, _shown_point, finite_number, in_setting, signed_infinity

__all__ = ["decide_infinite_side"]

#: Calculus that may still be infinite when SymPy could not evaluate it.
_UNEVALUATED = (sp.Derivative, sp.Integral, sp.Limit, sp.Sum, sp.Product)
_POINTS = 24
_HOLDS = {"=": lambda s: s == 0, "<": lambda s: s < 0, "<=": lambda s: s <= 0,
          ">": lambda s: s > 0, ">=": lambda s: s >= 0}


def decide_infinite_side(
    problem: Problem, lhs: Expr, rhs: Expr, deadline: float
) -> tuple[Status, Counterexample | None] | None:
    """``("proved", None)`` or ``("refuted", witness)`` for a real step with exactly one
    infinite side (``lhs``, ``rhs`` evaluated); None when this rule does not apply."""
    relation = problem.relation
    ends = signed_infinity(lhs), signed_infinity(rhs)
    if relation not in _HOLDS or (ends[0] == 0) == (ends[1] == 0):
        return None
    finite = rhs if ends[0] else lhs
    if finite.has(*_UNEVALUATED) or finite.has(sp.oo, -sp.oo, sp.zoo, sp.nan, sp.AccumBounds):
        return None  # AccumBounds: int_0^oo sin x dx, which does not exist, is no finite value
    difference = ends[0] - ends[1]
    holds = _HOLDS[relation]((difference > 0) - (difference < 0))
    for point in _sample(problem, _POINTS, ()):
        if time.monotonic() > deadline:
            return None
        if not in_setting(problem, point):
            continue
        value = evaluate(finite, point, real=True)
        if value is UNDEFINED or isinstance(value, _Marker) or not finite_number(value):
            continue
        if holds:  # finite wherever defined, and defined somewhere
            return "proved", None
        sides: tuple[Value, Value] = (sp.oo * ends[0], value) if ends[0] \
            else (value, sp.oo * ends[1])
        return "refuted", _witness(problem, point, sides)
    return None


def _witness(problem: Problem, point: dict[sp.Symbol, Expr],
             sides: tuple[Value, Value]) -> Counterexample:
    shown = _shown_point(problem, point)
    left, right = (show_text(v).replace("oo", "∞") for v in sides)
    where = f"{point_text(shown)}: " if shown else ""
    text = f"{where}left side {left}, right side {right}"
    if problem.relation != "=":
        text += f" (so {left} {problem.relation} {right} fails)"
    return Counterexample(
        kind="value", point=tuple((sp.sstr(k), sp.sstr(v)) for k, v in shown.items()),
        lhs_value=show(sides[0]), rhs_value=show(sides[1]), text=text)
