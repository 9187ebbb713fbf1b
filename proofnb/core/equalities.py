"""Equality assumptions as substitutions: ``assume a + b = 1`` makes ``b`` stand for ``1 - a``.

Sample points almost never land on a constraint surface, so a step that holds only under an
equality (``a^2 - b^2 = a - b`` when ``a + b = 1``) used to end "unknown, only 3 points". An
equality that is linear in one of its variables, with a nonzero constant coefficient, is
solved for that variable, which is then replaced everywhere: in the step, in the chain's
origin and in the other conditions. The setting is unchanged (every point of the constraint
is ``b = 1 - a`` for exactly one ``a``), so a proof in the remaining variables is a proof of
the step, and a witness in them gives the eliminated variable's value by the same formula.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import sympy as sp
from sympy import Basic, Expr, Symbol

from .errors import ProofnbError
from .linear import linear_root
from .model import Counterexample
from .numeric import point_text
from .usertext import user_text

#: The sign assumptions a symbol may carry, and the condition each puts on its value.
_SIGNS = (("positive", sp.Gt), ("negative", sp.Lt), ("nonnegative", sp.Ge),
          ("nonpositive", sp.Le))


@dataclass(frozen=True)
class Elimination:
    """``var`` replaced by ``value`` (an expression in the other variables)."""

    var: Symbol
    value: Expr
    conditions: tuple[Basic, ...]  # the other conditions, with var replaced


#: Objects whose meaning changes when a variable in them is replaced by an expression: the
#: derivative of ``x y`` in x is ``y``, of ``x (1 - x)`` is ``1 - 2x``; a bound variable
#: cannot be replaced at all.
_CALCULUS = (sp.Derivative, sp.Integral, sp.Sum, sp.Product, sp.Limit)


def eliminate(conditions: Sequence[Basic], step: Sequence[Basic] = ()) -> Elimination | None:
    """The first equality among ``conditions`` that is linear in one of its (non-integer)
    variables with a nonzero constant coefficient, solved for the last such variable by
    name; ``None`` when there is none. A variable inside a derivative, integral, sum,
    product or limit of ``step`` (or of the conditions) is never eliminated."""
    frozen: set[Basic] = set()
    for expr in (*step, *conditions):
        for node in expr.atoms(*_CALCULUS) if isinstance(expr, Basic) else ():
            frozen |= node.free_symbols | {v for v, *_ in getattr(node, "limits", ())}
            frozen |= set(getattr(node, "variables", ()))
    for index, cond in enumerate(conditions):
        if not isinstance(cond, sp.Eq):
            continue
        found = _solve_linear(cond.lhs - cond.rhs, frozen) or \
            _solve_cleared(cond.lhs - cond.rhs, frozen, conditions) or \
            _solve_product(cond.lhs - cond.rhs, frozen)
        if found is None:
            continue
        var, value = found
        rest = [c.xreplace({var: value}) for i, c in enumerate(conditions) if i != index]
        rest += [rel(value, 0) for name, rel in _SIGNS if getattr(var, f"is_{name}")]
        if var.is_nonzero and not var.is_positive and not var.is_negative:
            rest.append(sp.Ne(value, 0))
        if not sp.denom(value).is_number:  # y = 1/x^2 from x^2 y = 1: x = 0 is off the setting
            rest.append(sp.Ne(sp.denom(value), 0))
        kept = tuple(c for c in rest if c is not sp.true)
        if any(c is sp.false for c in kept):
            return None  # the assumptions contradict each other: leave them to the tiers
        return Elimination(var, value, kept)
    return None


def _solve_linear(expr: Basic, frozen: set[Basic]) -> tuple[Symbol, Expr] | None:
    if not isinstance(expr, Expr):
        return None
    candidates = sorted((s for s in expr.free_symbols
                         if isinstance(s, Symbol) and s not in frozen),
                        key=lambda s: s.name, reverse=True)
    for var in candidates:
        value = linear_root(expr, var)
        if value is None:
            continue  # not linear in var (var^2, a var, var inside a function)
        if var.is_integer and value.is_integer is not True:
            continue  # n = 2k + 1 may go (an integer for every integer k), n = k/2 may not
        return var, value
    return None


def _solve_product(expr: Basic, frozen: set[Basic]) -> tuple[Symbol, Expr] | None:
    """``x y = 1``: linear in y with the slope ``x`` and a nonzero number left over, so no
    point of the constraint has ``x = 0`` (it would read ``0 = 1``) and every point is
    ``y = 1/x`` for exactly one x. Sample points never land on the hyperbola: the step
    ``(x + y)^2 >= 4`` was 'unknown, only 2 points' and ``x + y >= 2`` could not be refuted
    at x = -1 (round 53)."""
    if not isinstance(expr, Expr) or not expr.is_polynomial():
        return None
    expanded = sp.expand(expr)
    candidates = sorted((s for s in expanded.free_symbols
                         if isinstance(s, Symbol) and s not in frozen and not s.is_integer),
                        key=lambda s: s.name, reverse=True)
    for var in candidates:
        try:
            poly = sp.Poly(expanded, var)
        except sp.PolynomialError:
            continue
        if poly.degree() != 1:
            continue
        slope, rest = poly.all_coeffs()
        if slope.is_number or not rest.is_number or rest.is_zero is not False:
            continue
        return var, -rest / slope
    return None


def _solve_cleared(expr: Basic, frozen: set[Basic], conditions: Sequence[Basic]
                   ) -> tuple[Symbol, Expr] | None:
    """``r s = c/a`` under ``a != 0``: the numerator ``a r s - c`` (the same zeros where every
    factor of the denominator is declared nonzero, and those declarations stay among the
    conditions) solved for a letter with a constant slope (``c = a r s``)."""
    from .systems import declared_nonzero, nonzero_by_declaration

    if not isinstance(expr, Expr):
        return None
    numer, denom = sp.together(expr).as_numer_denom()
    if denom.is_number or not denom.is_polynomial() or \
            not nonzero_by_declaration(denom, declared_nonzero(conditions)):
        return None
    return _solve_linear(sp.expand(numer), frozen)


def complete_witness(found: Counterexample, elimination: Elimination) -> Counterexample:
    """The witness of the step in the remaining variables, completed with the eliminated
    variable's value (``a = 2/3`` gives ``a = 2/3, b = 1/3``). The coordinates are read
    back with the cell parser (never ``eval``); if one cannot be, the witness is returned
    as it is, with the substitution said in words."""
    from .env import MathEnv
    from .parser import parse_math

    env = MathEnv({}, {}, (), "real")
    point: dict[Symbol, Expr] = {}
    symbols = {s.name: s for s in elimination.value.free_symbols if isinstance(s, Symbol)}
    try:
        for name, text in found.point:
            value = parse_math(text, env)
            if not isinstance(value, Expr) or value.free_symbols:
                raise ValueError(text)
            point[symbols.get(name, Symbol(name))] = value
    except (ProofnbError, ValueError):
        return _said(found, elimination)
    if not all(s in point for s in symbols.values()):
        return _said(found, elimination)
    full = dict(point)
    full[elimination.var] = sp.expand(elimination.value.xreplace(point))
    ordered = sorted(full.items(), key=lambda kv: kv[0].name)
    old, new = point_text(point), point_text(dict(ordered))
    text = new + found.text[len(old):] if old and found.text.startswith(old) else \
        f"{user_text(elimination.var)} = {user_text(full[elimination.var])}: {found.text}"
    return dataclasses.replace(
        found, point=tuple((s.name, sp.sstr(v)) for s, v in ordered), text=text)


def _said(found: Counterexample, elimination: Elimination) -> Counterexample:
    where = f"{user_text(elimination.var)} = {user_text(elimination.value)}"
    return dataclasses.replace(found, text=f"{found.text} (with {where})")


@dataclass(frozen=True)
class Branch:
    """One real root ``value`` of an equality in the single variable ``var``."""

    var: Symbol
    value: Expr
    conditions: tuple[Basic, ...]  # the other conditions at var = value


#: Degrees whose roots SymPy gives in radicals (or as exact numbers) for certain.
_MAX_ROOT_DEGREE = 4


def root_branches(conditions: Sequence[Basic], step: Sequence[Basic] = ()
                  ) -> tuple[Branch, ...] | None:
    """The real roots of the first equality among ``conditions`` that is a polynomial
    equation in one variable alone, one branch each. ``assume r + s = 5, r s = 6`` leaves
    ``r (5 - r) = 6`` once s is eliminated: the setting is r = 2 or r = 3, so a step holds
    exactly when it holds on each branch (sample points never land on those two values).
    ``None`` when there is no such equality, a root may be missing, or no root is real
    (contradictory assumptions are left to the other tiers); a variable inside a
    derivative, integral, sum, product or limit is never replaced."""
    frozen: set[Basic] = set()
    for expr in (*step, *conditions):
        for node in expr.atoms(*_CALCULUS) if isinstance(expr, Basic) else ():
            frozen |= node.free_symbols | {v for v, *_ in getattr(node, "limits", ())}
    for index, cond in enumerate(conditions):
        if not isinstance(cond, sp.Eq) or len(cond.free_symbols) != 1:
            continue
        var = next(iter(cond.free_symbols))
        if not isinstance(var, Symbol) or var in frozen:
            continue
        values = _real_roots(cond.lhs - cond.rhs, var)
        if values is None:
            continue
        branches = []
        for value in values:
            if var.is_integer and not value.is_integer:
                continue
            rest = [c.xreplace({var: value}) for i, c in enumerate(conditions) if i != index]
            rest += [rel(value, 0) for name, rel in _SIGNS if getattr(var, f"is_{name}")]
            if var.is_nonzero:
                rest.append(sp.Ne(value, 0))
            if any(c is sp.false for c in rest):
                continue  # this root breaks another assumption: not in the setting
            branches.append(Branch(var, value, tuple(c for c in rest if c is not sp.true)))
        return tuple(branches) or None
    return None


def _real_roots(expr: Basic, var: Symbol) -> list[Expr] | None:
    if not isinstance(expr, Expr):
        return None
    numer, denom = sp.together(expr).as_numer_denom()
    try:
        poly = sp.Poly(numer, var)
    except sp.PolynomialError:
        return None
    if not 1 <= poly.degree() <= _MAX_ROOT_DEGREE or not poly.domain.is_Exact:
        return None
    found = sp.roots(poly)
    if sum(found.values()) != poly.degree():
        return None  # a root SymPy cannot write: the branches would miss it
    values = [v for v in found if v.is_real]
    if any(v.is_real is None for v in found):
        return None
    kept = [v for v in values if denom.xreplace({var: v}).is_zero is False]
    return kept or None


def square_branches(conditions: Sequence[Basic], step: Sequence[Basic] = ()
                    ) -> tuple[Branch, ...] | None:
    """The two branches ``y = sqrt(R)``, ``y = -sqrt(R)`` (each under ``R >= 0``) of the
    first equality that is ``a y^2 = a R`` for a nonzero rational a and an R free of y, in
    two or more variables (``x^2 + y^2 = 2``): together they are exactly the points where it
    holds, so a step proved on both is proved, and a witness on one (its y computed from
    the other coordinates) satisfies the equality. None when there is no such equality."""
    frozen: set[Basic] = set()
    for expr in (*step, *conditions):
        for node in expr.atoms(*_CALCULUS) if isinstance(expr, Basic) else ():
            frozen |= node.free_symbols | {v for v, *_ in getattr(node, "limits", ())}
    for index, cond in enumerate(conditions):
        if not isinstance(cond, sp.Eq) or len(cond.free_symbols) < 2:
            continue
        expr = sp.expand(cond.lhs - cond.rhs)
        if not isinstance(expr, Expr) or not expr.is_polynomial():
            continue
        for var in sorted(expr.free_symbols, key=lambda s: s.name, reverse=True):
            if not isinstance(var, Symbol) or var in frozen or var.is_integer:
                continue
            poly = sp.Poly(expr, var)
            if poly.degree() != 2 or poly.coeff_monomial(var) != 0:
                continue
            lead = poly.coeff_monomial(var**2)
            if not lead.is_Rational or lead == 0:
                continue
            square = sp.expand(-poly.coeff_monomial(1) / lead)
            branches = []
            for value in (sp.sqrt(square), -sp.sqrt(square)):
                rest = [c.xreplace({var: value}) for i, c in enumerate(conditions)
                        if i != index]
                rest += [rel(value, 0) for name, rel in _SIGNS if getattr(var, f"is_{name}")]
                rest.append(sp.Ge(square, 0))
                if any(c is sp.false for c in rest):
                    continue
                branches.append(Branch(var, value, tuple(c for c in rest if c is not sp.true)))
            return tuple(branches) or None
    return None


def branch_witness(found: Counterexample, branch: Branch) -> Counterexample:
    """The witness on one branch with the branch's value put first (``r = 2: ...``); a
    value in other letters (``y = sqrt(2 - x^2)``) is computed at the witness."""
    if branch.value.free_symbols:
        return complete_witness(found, Elimination(branch.var, branch.value, branch.conditions))
    value = sp.sstr(branch.value)
    where = f"{user_text(branch.var)} = {user_text(branch.value)}"
    text = f"{where}, {found.text}" if found.point else f"{where}: {found.text}"
    return dataclasses.replace(
        found, point=((branch.var.name, value), *found.point), text=text)


#: Size limits of the ideal membership test (a Groebner basis in every letter of the step).
_MAX_IDEAL_SYMBOLS = 8
_MAX_IDEAL_DEGREE = 4


def proved_in_ideal(lhs: Basic, rhs: Basic, conditions: Sequence[Basic]) -> bool:
    """Does ``lhs = rhs`` hold wherever the equality assumptions do? True when the
    numerator of ``lhs - rhs`` lies in the ideal of the assumptions' numerators (each
    vanishes wherever its assumption holds, and each declared-nonzero n adds ``n t - 1``),
    and every denominator of either side is a product of expressions the assumptions
    declare nonzero or has no zero where they hold: ``assume r + s = -b/a, r s = c/a,
    a != 0`` gives ``(r - s)^2 = (b^2 - 4ac)/a^2``. Rational functions with rational
    coefficients only."""
    from .systems import declared_nonzero, nonzero_by_declaration, nonzero_generators

    if not isinstance(lhs, Expr) or not isinstance(rhs, Expr):
        return False
    eqs = [c for c in conditions if isinstance(c, sp.Eq)]
    symbols = sorted(set().union(lhs.free_symbols, rhs.free_symbols,
                                 *(c.free_symbols for c in eqs)), key=str)
    if not eqs or len(symbols) > _MAX_IDEAL_SYMBOLS or \
            not all(isinstance(s, Symbol) for s in symbols):
        return False
    gens = [_numerator(c.lhs - c.rhs, symbols) for c in eqs]
    nonzero = declared_nonzero(conditions)
    target = _numerator(lhs - rhs, symbols)
    if target is None or any(g is None for g in gens):
        return False
    try:
        extra, ts = nonzero_generators(nonzero, symbols)
        letters = (*symbols, *ts)
        for side in (lhs, rhs):
            denominator = sp.expand(sp.together(side).as_numer_denom()[1])
            if not nonzero_by_declaration(denominator, nonzero) and list(sp.groebner(
                    [*gens, *extra, denominator], *letters, order="grevlex",
                    domain=sp.QQ).exprs) != [1]:
                return False  # 1/r where r s = c/a, c != 0: r = 0 is outside the setting
        basis = sp.groebner([*gens, *extra], *letters, order="grevlex", domain=sp.QQ)
        return bool(basis.contains(target))
    except (sp.PolynomialError, NotImplementedError, ValueError, TypeError):
        return False


def _numerator(expr: Basic, symbols: Sequence[Basic]) -> Expr | None:
    if not isinstance(expr, Expr) or not expr.is_rational_function(*symbols):
        return None
    numer = sp.expand(sp.together(expr).as_numer_denom()[0])
    try:
        poly = sp.Poly(numer, *symbols)
    except sp.PolynomialError:
        return None
    if poly.total_degree() > _MAX_IDEAL_DEGREE or not all(c.is_Rational for c in poly.coeffs()):
        return None
    return numer
