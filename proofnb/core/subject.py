"""Changing the subject of a formula: ``1/R = 1/R1 + 1/R2 <=> R = R1 R2/(R1 + R2)``.

One line X is solved for a letter v: ``v = F`` (or ``v = F1 or v = F2``, the ± of the
quadratic formula) with F free of v; the other line Y is any equation. Inside the setting A
(the assumptions, and each line's natural domain):

* X inside Y: Y is defined at ``v = F`` (each domain condition, checked by signs in the
  setting) and ``Y`` with F put for v is an identity (SymPy, in variables that carry the
  setting's signs).
* Y inside X: at a point p of Y, ``N = 0`` for the numerator N of ``lhs - rhs`` (a denominator
  is nonzero where Y is defined), and every F is defined at p (signs, using Y to eliminate a
  letter). Then either N is ``c (v - F1)...(v - Fk)`` with c nonzero in the setting (an
  identity, k the number of branches), or, for one branch, N is strictly monotone in v on the
  setting's v-interval and ``v = F`` lies in the setting (so p and ``(F, others)`` are the same
  root of N).

Every sign is shown for every point of the setting (never sampled), so a proof is a proof.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.polys.polyerrors import BasePolynomialError

from .domain import Condition, conditions
from .parametric import _is_nonzero, _linear_parts, _SettingSigns
from .prove import ProofFound
from .witness import Problem

_ERRORS = (BasePolynomialError, TypeError, ValueError, NotImplementedError,
           ZeroDivisionError, RecursionError, AttributeError)
#: Above this many operations an expression is not simplified here.
_MAX_OPS = 120
_MAX_BRANCHES = 2
#: A sign is looked for by simplify only in expressions this small (it is slow).
_SIMPLIFY_OPS = 30
#: Functions whose derivative may not exist or be informative: no monotonicity from them.
_ROUGH = (sp.Abs, sp.sign, sp.Piecewise, sp.floor, sp.ceiling, sp.Min, sp.Max)


def prove_by_subject(problem: Problem, deadline: float) -> ProofFound | None:
    """Prove a step between an equation and the same equation solved for one letter."""
    if not problem.real or len(problem.symbols) < 2 or problem.integer:
        return None
    first, second = problem.lhs, problem.rhs
    setting = _Setting(problem)
    for solved, other, solved_first in ((second, first, False), (first, second, True)):
        if not isinstance(other, sp.Eq):
            continue
        # first ==> second: the first line's points lie on the second line's
        need_x_in_y = problem.relation == "<=>" or (problem.relation == "==>") == solved_first
        need_y_in_x = problem.relation == "<=>" or (problem.relation == "==>") != solved_first
        for v, branches in _explicit(solved, problem.symbols):
            if time.monotonic() > deadline:
                return None
            try:
                ok = (not need_x_in_y or _x_in_y(v, branches, other, setting)) and \
                    (not need_y_in_x or _y_in_x(v, branches, other, setting))
            except _ERRORS:
                ok = False
            if ok:
                return ProofFound(f"solved for {v}")
    return None


def _explicit(stmt: Basic, symbols: Sequence[Symbol]) -> list[tuple[Symbol, list[Expr]]]:
    """``(v, [F1, ...])`` when ``stmt`` is ``v = F1`` (or an ``or`` of such) with each F
    free of v."""
    eqs = stmt.args if isinstance(stmt, sp.Or) else (stmt,)
    if len(eqs) > _MAX_BRANCHES or not all(isinstance(e, sp.Eq) for e in eqs):
        return []
    out = []
    for v in symbols:
        branches: list[Expr] = []
        for eq in eqs:
            if eq.lhs == v and not eq.rhs.has(v):
                branches.append(eq.rhs)
            elif eq.rhs == v and not eq.lhs.has(v):
                branches.append(eq.lhs)
        if len(branches) == len(eqs):
            out.append((v, branches))
    return out


def _x_in_y(v: Symbol, branches: list[Expr], other: sp.Eq, setting: _Setting) -> bool:
    """At every point of the setting with ``v = F`` (F defined), Y is defined and holds."""
    diff = other.lhs - other.rhs
    for value in branches:
        put = {v: value}
        own = {(c.kind, c.expr) for c in conditions(value, real=True)}
        for cond in conditions(other, real=True):
            moved = Condition(sp.sympify(cond.expr).xreplace(put), cond.kind)
            if not (setting.holds(cond) or (moved.kind, moved.expr) in own
                    or setting.holds(moved)):
                return False
        if not setting.zero(diff.xreplace(put)):
            return False
    return True


def _y_in_x(v: Symbol, branches: list[Expr], other: sp.Eq, setting: _Setting) -> bool:
    """At every point p of the setting where Y holds, v is one of the F (each defined)."""
    num = sp.numer(sp.together(other.lhs - other.rhs))
    if num.has(*_ROUGH) or sp.count_ops(num) > _MAX_OPS:
        return False
    on_y = setting.on(num)
    for value in branches:
        if not all(on_y.holds(c) for c in conditions(value, real=True)):
            return False
    if _factored_by(num, v, branches, on_y):
        return True
    if len(branches) != 1:
        return False
    value = branches[0]
    return _monotone(num, v, setting) and _in_setting(v, value, on_y) and \
        _x_in_y(v, branches, other, setting)


def _factored_by(num: Expr, v: Symbol, branches: list[Expr], setting: _Setting) -> bool:
    """``num = c (v - F1)...(v - Fk)`` with c free of v and nonzero at the points covered."""
    try:
        poly = sp.Poly(sp.expand(num), v)
    except (sp.PolynomialError, sp.GeneratorsNeeded):
        return False
    if poly.degree() != len(branches) or any(c.has(v) for c in poly.all_coeffs()):
        return False
    lead = poly.LC()
    if not setting.nonzero(lead):
        return False
    product = sp.Mul(lead, *[v - b for b in branches])
    return setting.zero(sp.expand(num - product))


def _monotone(num: Expr, v: Symbol, setting: _Setting) -> bool:
    """``num`` is defined on the setting and strictly monotone in v along each line of
    fixed other letters (the setting's v-range is an interval: bounds linear in v)."""
    for cond in setting.problem.conditions:
        if not cond.has(v):
            continue
        if not isinstance(cond, (sp.Gt, sp.Ge, sp.Lt, sp.Le)):
            return False
        parts = _linear_parts(cond, v)
        if parts is None or not parts[0].is_number or not parts[2].is_number:
            return False
    if not all(setting.holds(c) for c in conditions(num, real=True)):
        return False
    slope = sp.diff(num, v)
    return setting.sign(slope) in (1, -1)


def _in_setting(v: Symbol, value: Expr, at: _Setting) -> bool:
    """The setting's conditions on v hold at ``v = value`` (at the points ``at`` covers)."""
    for cond in at.problem.conditions:
        if not cond.has(v):
            continue
        if not isinstance(cond, (sp.Gt, sp.Ge, sp.Lt, sp.Le, sp.Ne)):
            return False
        moved = cond.xreplace({v: value})
        if moved in (sp.true, sp.false):
            if moved is sp.false:
                return False
            continue
        gap = moved.lhs - moved.rhs if isinstance(moved, (sp.Gt, sp.Ge, sp.Ne)) \
            else moved.rhs - moved.lhs
        want = 1 if isinstance(moved, (sp.Gt, sp.Lt)) else None
        if isinstance(moved, sp.Ne):
            if not at.nonzero(gap):
                return False
        elif want == 1 and not at.positive(gap):
            return False
        elif want is None and not at.holds(Condition(gap, "ge")):
            return False
    return True


class _Setting:
    """Signs that hold at every point of the setting (or of the setting and an equation)."""

    def __init__(self, problem: Problem, signs: _SettingSigns | None = None,
                 eliminations: tuple[dict[Symbol, Expr], ...] = (),
                 remainders: tuple[tuple[Expr, Symbol], ...] = ()) -> None:
        self.problem = problem
        self.signs = signs or _SettingSigns(problem)
        self.eliminations = eliminations
        self.remainders = remainders
        self.cache: dict[Expr, int | None] = {}

    def on(self, num: Expr) -> _Setting:
        """The setting restricted to ``num = 0``: a letter in which num is linear with a
        coefficient nonzero in the setting is replaced by its value, and a polynomial is
        reduced modulo num in a letter where num's leading coefficient is a nonzero number."""
        puts: list[dict[Symbol, Expr]] = []
        rems: list[tuple[Expr, Symbol]] = []
        for w in sorted(num.free_symbols, key=lambda s: s.name):
            if not isinstance(w, Symbol):
                continue
            parts = _linear_parts(sp.Eq(num, 0), w)
            if parts is not None and self.nonzero(parts[0]) and parts[2].is_number:
                puts.append({w: sp.cancel(-parts[1] / parts[0])})
                continue
            try:
                poly = sp.Poly(num, w)
            except (sp.PolynomialError, sp.GeneratorsNeeded):
                continue
            if poly.degree() >= 2 and poly.LC().is_number and poly.LC() != 0:
                rems.append((num, w))
        return _Setting(self.problem, self.signs, tuple(puts), tuple(rems))

    def _forms(self, expr: Expr) -> list[Expr]:
        """``expr`` and its forms at the points this setting covers (eliminations)."""
        forms = [expr]
        for put in self.eliminations:
            forms.append(expr.xreplace(put))
        for num, w in self.remainders:
            try:
                if expr.is_polynomial(w) and expr.has(w):
                    forms.append(sp.rem(sp.expand(expr), sp.expand(num), w))
            except _ERRORS:
                continue
        return forms

    def sign(self, expr: Expr) -> int | None:
        """1, -1 or 0 when that is the sign of ``expr`` at every point covered."""
        if expr in self.cache:
            return self.cache[expr]
        self.cache[expr] = None  # a form that leads back here has no sign from this path
        for form in self._forms(expr):
            found = self._sign(form)
            if found is not None:
                self.cache[expr] = found
                return found
        return None

    def _sign(self, expr: Expr) -> int | None:
        if sp.count_ops(expr) > _MAX_OPS:
            return None
        found = self.signs.sign(expr)
        if found is not None:
            return found
        if isinstance(expr, sp.Pow) and expr.exp.is_Rational and not expr.exp.is_Integer:
            base = self.sign(expr.base)  # a root: the sign of its radicand where defined
            return base if base == 1 or (base == 0 and expr.exp > 0) else None
        if isinstance(expr, sp.Mul):
            total = 1
            for factor in expr.args:
                part = self.sign(factor)
                if part is None:
                    break
                total *= part
            else:
                return total
        for refined in self.signs.reparams:
            value = refined.apply(expr) if refined is not None else expr
            simple = sp.count_ops(value) <= _SIMPLIFY_OPS
            for form in (value, sp.simplify(value)) if simple else (value,):
                if form.is_positive:
                    return 1
                if form.is_negative:
                    return -1
                if form.is_zero:
                    return 0
        return None

    def positive(self, expr: Expr) -> bool:
        return self.sign(expr) == 1

    def nonzero(self, expr: Expr) -> bool:
        if self.sign(expr) in (1, -1):
            return True
        return any(_is_nonzero(form, self.signs.nonzero) for form in self._forms(expr)
                   if not form.is_number)

    def holds(self, cond: Condition) -> bool:
        if cond.kind == "ne":
            return self.nonzero(cond.expr)
        if self.sign(cond.expr) in (0, 1):
            return True
        for form in self._forms(cond.expr):
            for refined in self.signs.reparams:
                value = refined.apply(form) if refined is not None else form
                try:
                    if sp.factor(value).is_nonnegative:
                        return True
                except _ERRORS:
                    continue
        return False

    def zero(self, expr: Expr) -> bool:
        """``expr`` is 0 at every point of the setting where it is defined."""
        for refined in self.signs.reparams:
            value = refined.apply(expr) if refined is not None else expr
            if sp.count_ops(value) > _MAX_OPS:
                return False
            if sp.cancel(sp.together(value)) == 0 or sp.simplify(value) == 0:
                return True
        return False
