"""Antiderivative steps: ``integrate(f, x) = F + C`` holds when ``d/dx F = f``.

An indefinite integral stands for every antiderivative, so when one side of an ``=`` step is
exactly an indefinite ``Integral(f, x)`` the step is read up to an additive constant: it holds
when the other side ``F`` differentiates back to the integrand, ``F' = f``, on the integrand's
domain. ``F`` may carry a constant of integration, a symbol named ``C``, ``c`` or ``K`` that
the integral side does not use (``x^3/3 + C``), or any constant (``x^2 + 5`` for ``2x``).
A refutation is a point where ``F'`` and ``f`` differ (the constants set to 0 there). Anything
else (an integral inside a larger expression, definite integrals) keeps the plain meaning of
``=``.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sympy as sp
from sympy import Basic, Expr, Symbol

from .model import Counterexample

if TYPE_CHECKING:
    from .decide import Outcome

#: Names a constant of integration may have.
CONSTANT_NAMES = frozenset({"C", "c", "K"})


@dataclass(frozen=True)
class Antiderivative:
    """The step as ``F' = f``: evaluated and as-written forms, and the constants in ``F``."""

    integrand: Expr
    derivative: Expr
    raw_integrand: Expr
    raw_derivative: Expr
    constants: tuple[Symbol, ...]
    both_sides: bool = False  # integrals inside the sides: both were differentiated
    antiderivative: Expr | None = None  # F as written (whole-integral steps only)


def _indefinite(side: Basic) -> tuple[Expr, Symbol] | None:
    if not isinstance(side, sp.Integral) or len(side.limits) != 1:
        return None
    limit = side.limits[0]
    if len(limit) != 1 or not isinstance(limit[0], Symbol):
        return None
    return side.function, limit[0]


def as_antiderivative(
    lhs: Basic, rhs: Basic, raw_lhs: Basic, raw_rhs: Basic
) -> Antiderivative | None:
    """The derivative form of ``Integral(f, x) = F`` (either way round), or None."""
    return _whole(lhs, rhs, raw_lhs, raw_rhs) or _inside(lhs, rhs, raw_lhs, raw_rhs)


def _whole(lhs: Basic, rhs: Basic, raw_lhs: Basic, raw_rhs: Basic) -> Antiderivative | None:
    one, other, raw_one, raw_other = lhs, rhs, raw_lhs, raw_rhs
    if _indefinite(raw_one) is None:
        one, other, raw_one, raw_other = rhs, lhs, raw_rhs, raw_lhs
    found, raw_found = _indefinite(one), _indefinite(raw_one)
    if found is None or raw_found is None or _indefinite(raw_other) is not None:
        return None
    if not (isinstance(other, Expr) and isinstance(raw_other, Expr)):
        return None
    if other.has(sp.Integral) or raw_other.has(sp.Integral):
        return None
    (f, x), (raw_f, _) = found, raw_found
    extra = other.free_symbols - one.free_symbols
    if any(not isinstance(s, Symbol) or s.name not in CONSTANT_NAMES for s in extra):
        return None
    try:
        derivative = _derivative(other, x)
        raw_derivative = _derivative(raw_other, x)
    except (TypeError, ValueError, NotImplementedError):
        return None
    constants = tuple(sorted((s for s in extra if isinstance(s, Symbol)), key=str))
    return Antiderivative(f, derivative, raw_f, raw_derivative, constants,
                          antiderivative=raw_other)


def _inside(lhs: Basic, rhs: Basic, raw_lhs: Basic, raw_rhs: Basic) -> Antiderivative | None:
    """Indefinite integrals inside the sides (``x e^x - ∫ e^x dx = x e^x - e^x + C``, the
    integration by parts chain): both sides differentiated, each integral giving back its
    integrand, all in one variable."""
    sides = (lhs, rhs, raw_lhs, raw_rhs)
    if not all(isinstance(e, Expr) for e in sides):
        return None
    integrals = raw_lhs.atoms(sp.Integral) | raw_rhs.atoms(sp.Integral)
    if not integrals:
        return None
    found = [_indefinite(i) for i in integrals]
    variables = {f[1] for f in found if f is not None}
    if None in found or len(variables) != 1:
        return None
    (x,) = variables
    extra = (raw_lhs.free_symbols ^ raw_rhs.free_symbols) - {x}
    if any(not isinstance(s, Symbol) or s.name not in CONSTANT_NAMES for s in extra):
        return None
    try:
        left, right = _derivative(raw_lhs, x), _derivative(raw_rhs, x)
    except (TypeError, ValueError, NotImplementedError):
        return None
    if left.has(sp.Integral) or right.has(sp.Integral):
        return None
    constants = tuple(sorted((s for s in extra if isinstance(s, Symbol)), key=str))
    return Antiderivative(left, right, left, right, constants, both_sides=True)


def _derivative(expr: Expr, x: Symbol) -> Expr:
    """``d/dx expr``, with ``log|u|`` of a real ``u`` differentiated as ``u'/u``.

    That is the derivative wherever ``u != 0`` (where ``log|u|`` is defined), in the form
    the integrand has; SymPy's ``sign(u) u' / |u|`` is the same function but leaves the
    comparison with ``1/(x^2 - 1)`` to the numeric tier. By the chain rule: each ``log|u|``
    stands in for a fresh symbol ``t`` while differentiating, and contributes
    ``dG/dt * u'/u``.
    """
    if not (x.is_real and expr.has(sp.Abs)):
        return sp.diff(expr, x)
    logs = sorted((e for e in expr.atoms(sp.log) if len(e.args) == 1
                   and isinstance(e.args[0], sp.Abs)
                   and all(s.is_real for s in e.args[0].free_symbols)),
                  key=sp.default_sort_key)
    if not logs:
        return sp.diff(expr, x)
    stand_in = {e: sp.Dummy("t") for e in logs}
    outer = expr.xreplace(stand_in)
    total = sp.diff(outer, x)
    for e, t in stand_in.items():
        inner = e.args[0].args[0]
        total += sp.diff(outer, t) * _derivative(inner, x) / inner
    back = {t: e for e, t in stand_in.items()}
    return total.xreplace(back)


def _undefined_antiderivative(
    found: Antiderivative, conditions: tuple[Basic, ...], real: bool, seed: int, deadline: float,
) -> Counterexample | None:
    """A point inside a region where the integrand is defined and F is not: F is no
    antiderivative there (``ln(x)`` for ``1/x`` at x = -1; ``ln|x|`` is one). Isolated
    points where F is undefined are exceptions, not witnesses (DESIGN §2)."""
    from .boundary import boundary_points
    from .decide import QUICK_POINTS, _problem, domain_covered
    from .numeric import UNDEFINED, evaluate
    from .witness import (
        BOUNDARY_POINTS,
        BOUNDARY_SECONDS,
        _region_undefined,
        _sample,
        defined,
        in_setting,
    )

    if found.antiderivative is None:
        return None
    zero = {c: sp.Integer(0) for c in found.constants}
    anti = found.antiderivative.xreplace(zero)
    integrand = found.raw_integrand
    problem = _problem("=", integrand, anti, integrand, conditions, real, seed)

    def candidates() -> Iterator[dict[Symbol, Expr]]:
        yield from _sample(problem, QUICK_POINTS, ())
        if domain_covered(problem):
            return
        # F's domain may end where no sample point falls (ln(x + 4) for 1/(x + 4) is
        # undefined only left of -4): points beside the roots of its arguments
        stop = min(deadline, time.monotonic() + BOUNDARY_SECONDS)
        yield from boundary_points([integrand, anti], conditions, problem.symbols,
                                   problem.integer, BOUNDARY_POINTS, stop,
                                   admit=lambda point: in_setting(problem, point, origin=False))

    for point in candidates():
        if time.monotonic() > deadline:
            return None
        if not in_setting(problem, point) or defined(integrand, point, real) is not True:
            continue
        if evaluate(anti, point, real=real) is not UNDEFINED:
            continue
        if _region_undefined(problem, point):
            value = evaluate(integrand, point, real=real)
            shown = sp.sstr(value) if isinstance(value, Expr) else "defined"
            full = tuple((sp.sstr(k), sp.sstr(v)) for k, v in point.items()) + tuple(
                (str(c), "0") for c in found.constants)
            where = ", ".join(f"{k} = {v}" for k, v in full)
            text = (f"{where}: the integrand is {shown} but the antiderivative "
                    f"{_shown(anti)} is undefined there (an antiderivative must be defined "
                    "wherever the integrand is)")
            return Counterexample("undefined", full, shown, "undefined", text)
    return None


def _shown(expr: Expr) -> str:
    try:
        return str(sp.sstr(expr.doit()))
    except (TypeError, ValueError, NotImplementedError, AttributeError):
        return str(sp.sstr(expr))


def explain(found: Antiderivative, point: tuple[tuple[str, str], ...], integrand: str | None,
            derivative: str | None) -> tuple[tuple[tuple[str, str], ...], str]:
    """The witness point (constants set to 0) and its sentence."""
    full = point + tuple((str(c), "0") for c in found.constants if str(c) not in dict(point))
    where = ", ".join(f"{k} = {v}" for k, v in full)
    if found.both_sides:
        text = (f"{where}: the left side's derivative is {integrand}, the right side's is "
                f"{derivative} (indefinite integrals agree up to a constant only when their "
                "derivatives agree)")
    else:
        text = (f"{where}: the derivative of the antiderivative is {derivative}, "
                f"but the integrand is {integrand}")
    return full, text


def decide_antiderivative(
    found: Antiderivative, *, conditions: tuple[Basic, ...], real: bool, seed: int,
    texts: Sequence[str], deadline: float,
) -> Outcome:
    """Decide ``F' = f`` with the full tiers and report it as the antiderivative step."""
    from .decide import Outcome, decide

    inner = decide(
        "=", found.integrand, found.derivative, found.integrand, conditions=conditions,
        real=real, seed=seed, texts=texts, deadline=deadline,
        written=(found.raw_integrand, found.raw_derivative, found.raw_integrand),
    )
    undefined_derivative = (inner.status == "refuted" and inner.counterexample is not None
                            and inner.counterexample.kind != "value")
    if inner.status in ("proved", "likely") or undefined_derivative:
        # F' undefined on a region where f is defined: F itself is usually undefined there
        # (ln(x + sqrt(x^2 - 1)) for 1/sqrt(x^2 + 1) at x = 0, acosh(x) at x = -2)
        gap = _undefined_antiderivative(found, conditions, real, seed, deadline)
        if gap is not None:
            return Outcome("refuted", "counterexample", gap, seed=inner.seed)
    if inner.status == "proved":
        return dataclasses.replace(inner, method="antiderivative")
    if inner.status != "refuted":
        return inner
    ce = inner.counterexample
    if ce is None or ce.kind != "value":
        return Outcome("unknown", "none", seed=inner.seed, message=(
            "no proof found: the derivative of the antiderivative is undefined where the "
            "integrand is defined"))
    point, text = explain(found, ce.point, ce.lhs_value, ce.rhs_value)
    witness = Counterexample("value", point, ce.lhs_value, ce.rhs_value, text)
    return dataclasses.replace(inner, counterexample=witness)


def substituted(
    sides: tuple[Basic, ...], written: tuple[Basic, ...], conditions: tuple[Basic, ...]
) -> tuple[tuple[Basic, ...], tuple[Basic, ...]] | None:
    """A substitution step read in one variable: under ``assume u = g(x)`` each indefinite
    ``∫ f(u) du`` of a step that also integrates in x becomes ``∫ f(g(x)) g'(x) dx``.

    ``∫ f(u) du`` stands for ``F(u) + C`` with ``F' = f``; with ``u = g(x)`` that is
    ``F(g(x)) + C``, whose derivative in x is ``f(g(x)) g'(x)`` (the chain rule), so the two
    integrals are the same family of antiderivatives. None when there is nothing to rewrite
    (no such assumption, no integral over u in a step that also integrates in x or writes x,
    or an integrand over u that still uses x).
    """
    rules = _substitutions(conditions)
    if not rules or not any(e.has(sp.Integral) for e in sides):
        return None
    changed = False
    out: list[tuple[Basic, ...]] = []
    for group in (sides, written):
        variables = {v for e in group[:2] for i in e.atoms(sp.Integral)
                     if (found := _indefinite(i)) is not None for v in [found[1]]}
        # x written anywhere in the step (∫ u^5 du = (x^2 + 1)^6/6 + C): u stands for g(x)
        letters = {s for e in group[:2] for s in e.free_symbols}
        rewritten = []
        for expr in group:
            new = expr
            for u, (g, x) in rules.items():
                if u in variables and (x in variables or x in letters):
                    new = new.replace(
                        lambda n, u=u: isinstance(n, sp.Integral) and _indefinite(n) is not None
                        and n.limits[0][0] == u,
                        lambda n, u=u, g=g, x=x: _in_x(n, u, g, x))
            changed = changed or new != expr
            rewritten.append(new)
        out.append(tuple(rewritten))
    return (out[0], out[1]) if changed else None


def _substitutions(conditions: tuple[Basic, ...]) -> dict[Symbol, tuple[Expr, Symbol]]:
    """``u -> (g, x)`` for each assumption ``u = g(x)`` (either way round), g in one letter."""
    rules: dict[Symbol, tuple[Expr, Symbol]] = {}
    for cond in conditions:
        if not isinstance(cond, sp.Eq):
            continue
        for u, g in ((cond.lhs, cond.rhs), (cond.rhs, cond.lhs)):
            if isinstance(u, Symbol) and isinstance(g, Expr) and len(g.free_symbols) == 1 \
                    and u not in g.free_symbols and not g.has(sp.Integral):
                (x,) = g.free_symbols
                if isinstance(x, Symbol):
                    rules[u] = (g, x)
    return rules


def _in_x(node: Basic, u: Symbol, g: Expr, x: Symbol) -> Basic:
    assert isinstance(node, sp.Integral)
    f = node.function
    if x in f.free_symbols:  # ∫ x cos(u) du mixes the variables: left as written
        return node
    return sp.Integral(f.xreplace({u: g}) * sp.diff(g, x), x)
