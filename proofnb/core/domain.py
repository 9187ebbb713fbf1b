"""Natural-domain conditions of an expression and the domain notes they produce.

A condition is either ``expr != 0`` (kind ``"ne"``: its failure set has measure zero, so it
becomes a note such as ``x ≠ 1``) or ``expr >= 0`` (kind ``"ge"``: its failure set is a
region, so a step that needs it where the previous line does not is refuted there).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import sympy as sp
from sympy import Basic, Expr

from .roots import exact_real_roots
from .usertext import user_text

ConditionKind = Literal["ne", "ge"]

@dataclass(frozen=True)
class Condition:
    """``expr != 0`` (``ne``) or ``expr >= 0`` (``ge``)."""

    expr: Expr
    kind: ConditionKind


def _add(out: list[Condition], expr: Expr, kind: ConditionKind) -> None:
    if expr.is_number:
        return
    while kind == "ne" and isinstance(expr, sp.Abs):
        expr = expr.args[0]  # |u| != 0 exactly when u != 0
    cond = Condition(sp.expand(expr) if expr.is_polynomial() else expr, kind)
    if cond not in out:
        out.append(cond)


@lru_cache(maxsize=4096)
def conditions(expr: Basic, *, real: bool = True) -> tuple[Condition, ...]:
    """Every natural-domain condition of ``expr`` (denominators, logs, roots, poles...).

    In complex mode only the measure-zero (``ne``) conditions apply. Cached: every tier
    asks again about the same sides.
    """
    out: list[Condition] = []
    _collect(expr, real, out)
    return tuple(out)


#: Functions with no zeros: dividing by them adds no condition (their own poles, such as a
#: factorial of a negative integer, make the side itself undefined there).
_NEVER_ZERO = (sp.factorial, sp.gamma, sp.exp)


def _never_zero(base: Basic) -> bool:
    """Is ``base`` nonzero everywhere (``x^2 + 1``; ``cos x + i sin x``, which is e^(ix))?"""
    if base.is_zero is False:
        return True
    try:
        return bool(sp.simplify(base.rewrite(sp.exp)).is_zero is False) \
            if base.has(sp.I) and base.has(sp.sin, sp.cos) else False
    except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError):
        return False


def _collect(expr: Basic, real: bool, out: list[Condition]) -> None:
    if expr.is_Atom:
        return
    if isinstance(expr, (sp.Sum, sp.Product)):
        # a bound variable runs over whole numbers: x^k in Sum(x^k, (k, 0, n)) needs no x > 0
        whole = {v: sp.Dummy(v.name, integer=True, nonnegative=True) if low.is_nonnegative
                 else sp.Dummy(v.name, integer=True)
                 for v, low, _ in expr.limits if not v.is_integer and low.is_integer}
        expr = expr.xreplace(whole) if whole else expr
    for arg in expr.args:
        _collect(arg, real, out)
    if isinstance(expr, sp.Pow):
        base, exp = expr.args
        if base.is_number:
            return
        if exp.is_number:
            if exp.is_negative:
                factors = base.args if isinstance(base, sp.Mul) else (base,)
                for factor in factors:  # a product is zero where one of its factors is
                    if not factor.is_number and not isinstance(factor, _NEVER_ZERO) and not (
                        isinstance(factor, sp.Pow) and factor.exp.is_negative
                    ):  # 1/u is never zero: u's own zeros are already collected from it
                        _add(out, factor, "ne")
            if real and not exp.is_integer:
                _add(out, base, "ge")
        elif exp.is_integer:  # x^n for a whole number n: real for every x, and 0^n for n >= 0
            if not exp.is_nonnegative and not _never_zero(base):
                _add(out, base, "ne")
        elif real:
            _add(out, base, "ge")
            _add(out, base, "ne")
    elif isinstance(expr, sp.log):
        for arg in expr.args:  # log(x, b): the base too is a logarithm's argument
            _add(out, arg, "ne")
            if real:
                _add(out, arg, "ge")
        if len(expr.args) == 2:
            _add(out, sp.log(expr.args[1]), "ne")  # base 1 has no logarithm
    elif isinstance(expr, (sp.asin, sp.acos)) and real:
        _add(out, 1 - expr.args[0] ** 2, "ge")
    elif isinstance(expr, sp.acosh) and real:
        _add(out, expr.args[0] - 1, "ge")
    elif isinstance(expr, sp.atanh):
        _add(out, 1 - expr.args[0] ** 2, "ne")
        if real:
            _add(out, 1 - expr.args[0] ** 2, "ge")
    elif isinstance(expr, (sp.tan, sp.sec)):
        _add(out, sp.cos(expr.args[0]), "ne")
    elif isinstance(expr, (sp.cot, sp.csc)):
        _add(out, sp.sin(expr.args[0]), "ne")


def excluded_points(cond: Condition) -> list[dict[sp.Symbol, Expr]] | None:
    """Exact real zeros of a univariate polynomial-like ``ne`` condition (None if unknown)."""
    found = _excluded_points(cond)
    return None if found is None else [dict(point) for point in found]


@lru_cache(maxsize=1024)
def _excluded_points(cond: Condition) -> list[dict[sp.Symbol, Expr]] | None:
    syms = sorted(cond.expr.free_symbols, key=str)
    if len(syms) != 1:
        return None
    (x,) = syms
    fast = exact_real_roots(cond.expr, x)
    if fast is not None:
        return [{x: r} for r in fast]
    num = sp.numer(sp.together(cond.expr))
    if not num.is_polynomial(x):
        return None
    try:
        poly = sp.Poly(num, x)
        if poly.degree() > 6 or poly.degree() < 1 or not all(c.is_real for c in poly.coeffs()):
            return None
        found = sp.roots(poly, filter="R")
        if len(found) != poly.sqf_part().count_roots():  # every distinct real root, exactly
            return None
    except Exception:  # noqa: BLE001 - unusual coefficient domains: no exact points
        return None
    return [{x: r} for r in sorted(found, key=lambda r: float(r))]


def note_for(cond: Condition, point: dict[sp.Symbol, Expr] | None = None) -> str:
    """The note text: ``x ≠ 1`` for an excluded point, else ``<expr> ≠ 0``."""
    if point is not None:
        return ", ".join(f"{user_text(k)} ≠ {user_text(v)}" for k, v in point.items())
    return ", ".join(notes_for(cond))


def notes_for(cond: Condition, *, real: bool = False) -> list[str]:
    """The notes of an excluded zero set, one per factor: ``b c ≠ 0`` gives ``b ≠ 0`` and
    ``c ≠ 0``, ``x^2 ≠ 0`` gives ``x ≠ 0``. With ``real``, a factor with no real zero
    (``x^2 + x + 1``) excludes nothing and gives no note."""
    return [note for note in _pretty_ne(cond.expr, real).split("; ") if note]


def _no_real_zero(factor: Expr) -> bool:
    """Does the polynomial ``factor`` of real variables vanish nowhere (``x^2 + x + 1``,
    ``x^2 + y^2 + 1``)? False when unsure."""
    if factor.is_positive or factor.is_negative:
        return True
    syms = sorted(factor.free_symbols, key=str)
    if len(syms) != 1 or not all(s.is_real for s in syms):
        return False
    try:
        poly = sp.Poly(factor, syms[0])
        return poly.degree() >= 1 and all(c.is_rational for c in poly.coeffs()) \
            and poly.count_roots() == 0
    except (sp.PolynomialError, NotImplementedError, TypeError, ValueError):
        return False


def _pretty_ne(expr: Expr, real: bool = False) -> str:
    """``x ≠ 1`` for a linear factor; ``x^2 ≠ 0`` is ``x ≠ 0``, ``b c ≠ 0`` is ``b ≠ 0; c ≠ 0``,
    ``sqrt(x) ≠ 0`` is ``x ≠ 0``; with ``real``, factors with no real zero are left out (an
    empty text when none is left)."""
    while isinstance(expr, sp.Pow) and expr.exp.is_positive:
        expr = expr.base
    if isinstance(expr, sp.log):
        return f"{user_text(expr.args[0])} ≠ 1"  # ln(u) = 0 exactly where u = 1
    if isinstance(expr, sp.Mul) and not expr.is_polynomial():
        parts = [_pretty_ne(f, real) for f in expr.args if not f.is_number]
        return "; ".join(dict.fromkeys(p for part in parts for p in part.split("; ") if p))
    num = sp.numer(sp.together(expr))
    syms = sorted(num.free_symbols, key=str)
    if num.is_polynomial(*syms) and syms:
        try:
            factors = [f for f, _ in sp.factor_list(num, *syms)[1]]
        except (sp.PolynomialError, NotImplementedError, TypeError, ValueError):
            factors = [num]
        if real:
            factors = [f for f in factors if not _no_real_zero(f)]
            if not factors:
                return ""
        if 1 <= len(factors) <= 4:
            return "; ".join(dict.fromkeys(_linear_ne(f, syms) for f in factors))
    return f"{user_text(expr)} ≠ 0"


def _linear_ne(num: Expr, syms: list[sp.Symbol]) -> str:
    for s in syms:
        if num.has(s) and sp.degree(num, s) == 1:
            coeff = num.coeff(s)
            if coeff.is_number and coeff != 0:
                rest = sp.expand(-(num - coeff * s) / coeff)
                return f"{user_text(s)} ≠ {user_text(rest)}"
    return f"{user_text(num)} ≠ 0"


def split(conds: Iterable[Condition]) -> tuple[list[Condition], list[Condition]]:
    """(``ne`` conditions, ``ge`` conditions)."""
    ne = [c for c in conds if c.kind == "ne"]
    ge = [c for c in conds if c.kind == "ge"]
    return ne, ge
