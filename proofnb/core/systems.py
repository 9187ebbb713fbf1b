"""Statement steps between polynomial systems with finitely many solutions.

Each line is rewritten into a disjunction of polynomial systems whose solutions include every
solution of the line: numerators of ``a = b`` (a denominator only removes solutions), and in the
real domain a sum of nonnegative terms that is zero only where every term is (``x^2 + |y| = 0``
as ``x = 0 and y = 0``). Each system is solved completely (lex Groebner basis, then the roots
of each eliminant, all of them or nothing), and only the points that provably satisfy the line as
written, inside the assumptions, are kept. The step is proved when every kept point of one line
provably satisfies the other, as the relation demands.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from itertools import product

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.polys.polyerrors import BasePolynomialError

from .complexparts import prove_by_parts
from .domain import conditions
from .numeric import Point, admissible
from .prove import ProofFound
from .witness import Problem, _member, truth

_MAX_DISJUNCTS = 8
_MAX_DEGREE = 8
_MAX_SYMBOLS = 4


def prove_by_systems(problem: Problem, deadline: float) -> tuple[ProofFound | None, list[Point]]:
    """Prove a statement step by exact finite solution sets; also return the solutions found."""
    found: list[Point] = []
    if not problem.real:
        by_parts = prove_by_parts(problem, deadline)  # conj, |z|, Re, Im: z = a + b i
        if by_parts is not None and by_parts[0] is not None:
            return by_parts
        found = by_parts[1] if by_parts is not None else []
    symbols = list(problem.symbols)
    if len(symbols) > _MAX_SYMBOLS and not problem.integer:
        return prove_solved_form(problem), found
    if not symbols or len(symbols) > _MAX_SYMBOLS or problem.integer:
        return None, found
    first = solutions(problem.lhs, problem, deadline)
    second = solutions(problem.rhs, problem, deadline)
    found += (first or []) + (second or [])
    checks: list[tuple[list[Point] | None, Basic]] = []
    if problem.relation in ("==>", "<=>"):
        checks.append((first, problem.rhs))
    if problem.relation in ("<==", "<=>"):
        checks.append((second, problem.lhs))
    for members, other in checks:
        if members is None:
            # one equation solved for one letter is the subject tier's (a x = b <=> x = b/a)
            several = len(sp.And.make_args(problem.lhs)) > 1 and \
                len(sp.And.make_args(problem.rhs)) > 1
            return prove_by_ideals(problem) or (
                prove_solved_form(problem) if several else None), found
        if any(_member(other, p, problem.real) is not True for p in members):
            return None, found
    return (ProofFound("finite-solutions") if checks else None), found


def prove_by_ideals(problem: Problem) -> ProofFound | None:
    """Systems of polynomial equations with infinitely many solutions (``x + y = 2 and
    2x + 2y = 4 <=> x + y = 2``): when every equation of one line lies in the ideal that the
    other line's equations generate, every solution of the other line solves it (over any
    field, so in either domain and inside any assumptions). Lines with a domain condition
    (a denominator, a root) are left to the other tiers."""
    one = _generators(problem.lhs, problem)
    two = _generators(problem.rhs, problem) if one is not None else None
    if one is None or two is None:
        return _implied_by_ideal(problem)
    symbols = list(problem.symbols)
    try:
        need = {"<=>": ((one, two), (two, one)), "==>": ((one, two),),
                "<==": ((two, one),)}[problem.relation]
        for premise, claim in need:
            basis = sp.groebner(premise, *symbols, order="grevlex", domain=sp.QQ)
            if not all(basis.contains(g) for g in claim):
                return None
    except (BasePolynomialError, NotImplementedError, ValueError, TypeError):
        return None
    return ProofFound("same-ideal")


def _implied_by_ideal(problem: Problem) -> ProofFound | None:
    """``P ==> Q`` where every equation of Q has its numerator in the ideal of P's equations'
    numerators and every denominator of Q has no common zero with them (the ideal with it is
    the whole ring): Q then holds, and is defined, at every zero of P (``a^2 + b^2 = 1 ==>
    a/(a^2 + b^2) = a``). The premise's other conjuncts (inequalities) are not needed."""
    if problem.relation == "<=>":
        return None
    premise, claim = (problem.lhs, problem.rhs) if problem.relation == "==>" else \
        (problem.rhs, problem.lhs)
    symbols = list(problem.symbols)
    gens = [g for g in (_numerator(e, symbols) for e in sp.And.make_args(premise)
                        if isinstance(e, sp.Eq)) if g is not None]
    claims = sp.And.make_args(claim)
    if not gens or not all(isinstance(e, sp.Eq) for e in claims) or len(claims) > _MAX_SYMBOLS:
        return None
    try:
        basis = sp.groebner(gens, *symbols, order="grevlex", domain=sp.QQ)
        for eq in claims:
            numerator = _numerator(eq, symbols)
            if numerator is None or not basis.contains(numerator):
                return None
            for cond in conditions(eq, real=problem.real):
                if cond.kind != "ne" or not cond.expr.is_polynomial(*symbols):
                    return None
                whole = sp.groebner([*gens, sp.expand(cond.expr)], *symbols, order="grevlex",
                                    domain=sp.QQ)
                if list(whole.exprs) != [1]:
                    return None
    except (BasePolynomialError, NotImplementedError, ValueError, TypeError):
        return None
    return ProofFound("ideal-implication")


def _numerator(eq: Basic, symbols: list[Symbol]) -> Expr | None:
    """The numerator of ``lhs - rhs``: a polynomial with rational coefficients, else None."""
    num = sp.expand(sp.numer(sp.together(eq.lhs - eq.rhs)))
    if num.free_symbols - set(symbols) or not num.is_polynomial(*symbols):
        return None
    poly = sp.Poly(num, *symbols)
    if poly.total_degree() > _MAX_DEGREE or not all(c.is_Rational for c in poly.coeffs()):
        return None
    return num


def _generators(stmt: Basic, problem: Problem) -> list[Expr] | None:
    """The polynomials ``lhs - rhs`` of an equation or an ``and`` of equations, each with
    rational coefficients and no domain condition; else None."""
    eqs = stmt.args if isinstance(stmt, sp.And) else (stmt,)
    if not eqs or len(eqs) > _MAX_SYMBOLS + 2 or not all(isinstance(e, sp.Eq) for e in eqs):
        return None
    symbols = list(problem.symbols)
    out: list[Expr] = []
    for eq in eqs:
        if conditions(eq, real=problem.real):
            return None
        diff = sp.expand(eq.lhs - eq.rhs)
        if not diff.is_polynomial(*symbols) or diff.free_symbols - set(symbols):
            return None
        poly = sp.Poly(diff, *symbols)
        if poly.total_degree() > _MAX_DEGREE or not all(c.is_Rational for c in poly.coeffs()):
            return None
        out.append(diff)
    return out


def solutions(stmt: Basic, problem: Problem, deadline: float) -> list[Point] | None:
    """Every solution of ``stmt`` in the setting, exactly, or None when not sure it is all."""
    systems = _disjuncts(stmt, problem.real)
    if systems is None or len(systems) > _MAX_DISJUNCTS:
        return None
    out: list[Point] = []
    for system in systems:
        if time.monotonic() > deadline:
            return None
        found = _solve(system, list(problem.symbols), problem.real)
        if found is None:
            return None
        for point in found:
            inside = _in_setting(problem, point)
            member = _member(stmt, point, problem.real) if inside else False
            if inside is None or member is None:
                return None
            if member and point not in out:
                out.append(point)
    return out


def _disjuncts(stmt: Basic, real: bool) -> list[list[Expr]] | None:
    """``stmt`` as an Or of And-systems ``p = 0`` (a superset of its solutions)."""
    if stmt is sp.true:
        return [[]]
    if stmt is sp.false:
        return []
    if isinstance(stmt, sp.Or):
        out: list[list[Expr]] = []
        for arg in stmt.args:
            part = _disjuncts(arg, real)
            if part is None:
                return None
            out.extend(part)
        return out
    if isinstance(stmt, sp.And):
        # w^3 = 1 and w != 1: a condition other than an equation only removes solutions
        # (the caller keeps the points that satisfy the line as written)
        parts: list[list[list[Expr]] | None] = [
            [[]] if _only_removes(arg) else _disjuncts(arg, real) for arg in stmt.args]
        if any(p is None for p in parts):
            return None
        combos = 1
        for p in parts:
            assert p is not None
            combos *= len(p)
        if combos > _MAX_DISJUNCTS:
            return None
        return [sum(choice, []) for choice in product(*[p for p in parts if p is not None])]
    if isinstance(stmt, sp.Eq):
        diff = stmt.lhs - stmt.rhs
        zeros = _nonnegative_zeros(diff, real) if real else None
        return zeros if zeros is not None else [[diff]]
    return None


def _only_removes(arg: Basic) -> bool:
    """A conjunct that is a relation other than an equation (``w != 1``, ``x > 0``)."""
    return isinstance(arg, (sp.Ne, sp.Lt, sp.Le, sp.Gt, sp.Ge))


def _nonnegative_zeros(diff: Expr, real: bool) -> list[list[Expr]] | None:
    """A sum of nonnegative terms is zero only where each term is: the systems for that."""
    terms = sp.Add.make_args(diff)
    if len(terms) < 2:
        return None
    signs = {_term_sign(t) for t in terms}
    if signs not in ({1}, {-1}):
        return None
    systems: list[list[Expr]] = [[]]
    for term in terms:
        zeros = _term_zeros(term)
        if zeros is None:
            return None
        systems = [s + [z] for s in systems for z in zeros]
        if len(systems) > _MAX_DISJUNCTS:
            return None
    return systems


def _term_sign(term: Expr) -> int:
    """+1 for a term >= 0 wherever defined (real domain), -1 for <= 0, 0 otherwise."""
    coeff, rest = term.as_coeff_Mul()
    if not coeff.is_Rational or coeff == 0:
        return 0
    for factor in sp.Mul.make_args(rest):
        if _nonneg_base(factor) is None and not factor.is_positive:
            return 0
    return 1 if coeff > 0 else -1


def _nonneg_base(factor: Expr) -> Expr | None:
    """``u`` when ``factor`` is ``u^(2k)``, ``|u|`` or ``sqrt(u)``: nonnegative, zero iff u is."""
    if isinstance(factor, sp.Abs):
        return factor.args[0]
    if isinstance(factor, sp.Pow):
        base, exp = factor.args
        # u^(p/q) with p or q even is real only where it is >= 0 (principal root), zero iff u is.
        if exp.is_Rational and exp > 0 and (exp.p % 2 == 0 or exp.q % 2 == 0):
            return base
    return None


def _term_zeros(term: Expr) -> list[Expr] | None:
    """The alternatives under which a nonnegative term is zero (one base each)."""
    _, rest = term.as_coeff_Mul()
    zeros: list[Expr] = []
    for factor in sp.Mul.make_args(rest):
        base = _nonneg_base(factor)
        if base is not None:
            zeros.append(base)
        elif not factor.is_positive:
            return None
    return zeros


def _solve(system: Sequence[Expr], symbols: list[Symbol], real: bool) -> list[Point] | None:
    """All solutions of ``p = 0`` for every p (complex, or the real ones), or None."""
    polys: list[Expr] = []
    for expr in system:
        num, _ = sp.fraction(sp.together(expr))
        num = sp.expand(num)
        if num == 0:
            continue
        if not num.is_polynomial(*symbols):
            return None
        if num.free_symbols - set(symbols) or sp.Poly(num, *symbols).total_degree() > _MAX_DEGREE:
            return None
        polys.append(num)
    try:
        found = _triangular(polys, symbols)
    except (sp.PolynomialError, NotImplementedError, ValueError, TypeError):
        return None
    if found is None:
        return None
    out: list[Point] = []
    for values in found:
        point = dict(zip(symbols, values, strict=True))
        if real:
            reality = [v.is_real for v in values]
            if None in reality:
                return None
            if not all(reality):
                continue
        out.append(point)
    return out


def _triangular(polys: list[Expr], symbols: list[Symbol]) -> list[tuple[Expr, ...]] | None:
    """Solve by a lex Groebner basis: roots of the eliminant in the last unknown, back-substituted.

    None unless every root of every eliminant is found (sum of multiplicities = degree).
    """
    if not symbols:
        for p in polys:
            zero = sp.expand(p).is_zero
            if zero is None:
                return None
            if not zero:
                return []
        return [()]
    if not polys:
        return None  # a free unknown: infinitely many solutions
    basis = sp.groebner(polys, *symbols, order="lex")
    exprs = list(basis.exprs)
    if exprs == [1]:
        return []
    last = symbols[-1]
    eliminants = [e for e in exprs if e.free_symbols <= {last}]
    if not eliminants:
        return None
    poly = sp.Poly(eliminants[0], last)
    roots = sp.roots(poly)
    if sum(roots.values()) != poly.degree():
        return None
    out: list[tuple[Expr, ...]] = []
    for root in roots:
        rest = [sp.expand(e.subs(last, root)) for e in exprs]
        rest = [e for e in rest if e != 0]
        found = _triangular(rest, symbols[:-1])
        if found is None:
            return None
        out.extend((*values, root) for values in found)
    return out


def _in_setting(problem: Problem, point: Point) -> bool | None:
    """Does the point respect the assumptions? None when that is not decided exactly."""
    try:
        if not all(admissible(s, v) for s, v in point.items()):
            return False
    except TypeError:
        return None
    result: bool | None = True
    for cond in problem.conditions:
        value = truth(cond, point, problem.real)
        if value is False:
            return False
        if value is None:
            result = None
    return result


#: Size limits of a system against its solved form (Cramer's rule in 8 letters is linear).
_MAX_SOLVED_SYMBOLS = 12
_MAX_SOLVED_EQUATIONS = 4
_MAX_SOLVED_DEGREE = 2


def prove_solved_form(problem: Problem) -> ProofFound | None:
    """A polynomial system against its solution in solved form ``x = X and y = Y`` (no
    solved letter in any X, Y), with letters as coefficients: ``a x + b y = e and
    c x + d y = f <=> x = (e d - b f)/(a d - b c) and y = ...`` under ``a d - b c != 0``.
    Each solved equation, cleared of its denominator D (``D x = N``), lies in the ideal
    of the system's equations, so it holds at every solution of the system, and D is a
    product of expressions the assumptions declare nonzero, so ``x = N/D`` there; the
    other way, the system's equations vanish identically at the solved values. Systems
    with a denominator or an inequality are left to the other tiers."""
    sides = {"==>": ((problem.lhs, problem.rhs),), "<==": ((problem.rhs, problem.lhs),),
             "<=>": ((problem.lhs, problem.rhs), (problem.rhs, problem.lhs))}
    # e and pi as coefficients (a x + b y = e): what holds for a letter holds for them
    constants = {c: sp.Dummy(str(c)) for side in (problem.lhs, problem.rhs)
                 for c in side.atoms(sp.NumberSymbol)}
    symbols = list(problem.symbols) + list(constants.values())
    if problem.relation not in sides or len(symbols) > _MAX_SOLVED_SYMBOLS:
        return None
    nonzero = declared_nonzero([c.xreplace(constants) for c in problem.conditions])
    try:
        for premise, claim in ((p.xreplace(constants), c.xreplace(constants))
                               for p, c in sides[problem.relation]):
            if not (_solved_implies(premise, claim, symbols, nonzero)
                    or _system_implies(premise, claim, symbols, nonzero)):
                return None
    except (BasePolynomialError, NotImplementedError, ValueError, TypeError):
        return None
    return ProofFound("solved-form")


def declared_nonzero(conds: Sequence[Basic]) -> list[Expr]:
    """The expressions the assumptions say are nonzero (``a d - b c != 0``), expanded."""
    out: list[Expr] = []
    for cond in conds:
        if isinstance(cond, sp.Ne):
            out.append(sp.expand(cond.lhs - cond.rhs))
        elif isinstance(cond, (sp.Gt, sp.Lt)):
            out.append(sp.expand(cond.lhs - cond.rhs))
    return out


#: Declared-nonzero expressions used as generators ``n t - 1`` (each adds a letter).
_MAX_NONZERO_GENERATORS = 3


def nonzero_generators(nonzero: Sequence[Expr], symbols: Sequence[Symbol]
                       ) -> tuple[list[Expr], list[Symbol]]:
    """``n t - 1`` (t a new letter) for each declared-nonzero polynomial n: a polynomial in
    the ideal with them vanishes wherever the others do and no n does (``k x + y = 1 and
    x + k y = 1`` gives ``x = y`` only where k != 1)."""
    gens: list[Expr] = []
    letters: list[Symbol] = []
    for n in nonzero:
        if len(gens) == _MAX_NONZERO_GENERATORS:
            break
        if n.is_number or n.free_symbols - set(symbols) or not n.is_polynomial(*symbols) \
                or not all(c.is_Rational for c in sp.Poly(n, *symbols).coeffs()):
            continue
        t = sp.Dummy("t")
        gens.append(sp.expand(n * t - 1))
        letters.append(t)
    return gens, letters


def nonzero_by_declaration(denominator: Expr, nonzero: list[Expr]) -> bool:
    """Is every factor of ``denominator`` a number or (up to sign) declared nonzero?"""
    _, factors = sp.factor_list(sp.expand(denominator))
    for factor, _power in factors:
        if factor.is_number:
            continue
        if not any(sp.expand(factor - n) == 0 or sp.expand(factor + n) == 0
                   or _divides(factor, n) for n in nonzero):
            return False
    return True


def _divides(factor: Expr, n: Expr) -> bool:
    """Does the polynomial ``factor`` divide ``n`` exactly (then n != 0 gives factor != 0:
    k + 2 from k^2 - 4 != 0)?"""
    letters = sorted(factor.free_symbols | n.free_symbols, key=str)
    if not letters or not factor.is_polynomial(*letters) or not n.is_polynomial(*letters):
        return False
    try:
        _, remainder = sp.div(sp.Poly(n, *letters), sp.Poly(factor, *letters))
    except BasePolynomialError:
        return False
    return bool(remainder.is_zero)


def _solved(stmt: Basic, symbols: list[Symbol]) -> dict[Symbol, Expr] | None:
    """``x = X and y = Y`` with distinct letters x, y on one side and none of them in any
    X, Y: the letters and their values; else None."""
    eqs = sp.And.make_args(stmt)
    out: dict[Symbol, Expr] = {}
    for eq in eqs:
        if not isinstance(eq, sp.Eq):
            return None
        for var, value in ((eq.lhs, eq.rhs), (eq.rhs, eq.lhs)):
            if isinstance(var, Symbol) and var in symbols and var not in out \
                    and isinstance(value, Expr) and var not in value.free_symbols:
                out[var] = value
                break
        else:
            return None
    if len(out) != len(eqs) or any(v.free_symbols & set(out) for v in out.values()):
        return None
    return out


def _polynomials(stmt: Basic, symbols: list[Symbol]) -> list[Expr] | None:
    """The polynomials ``lhs - rhs`` of an ``and`` of polynomial equations, else None."""
    eqs = sp.And.make_args(stmt)
    if not eqs or len(eqs) > _MAX_SOLVED_EQUATIONS:
        return None
    out: list[Expr] = []
    for eq in eqs:
        if not isinstance(eq, sp.Eq) or not isinstance(eq.lhs, Expr) \
                or not isinstance(eq.rhs, Expr):
            return None
        diff = sp.expand(eq.lhs - eq.rhs)
        if not diff.is_polynomial(*symbols) or diff.free_symbols - set(symbols):
            return None
        poly = sp.Poly(diff, *symbols)
        if poly.total_degree() > _MAX_SOLVED_DEGREE or \
                not all(c.is_Rational for c in poly.coeffs()):
            return None
        out.append(diff)
    return out


def _system_implies(premise: Basic, claim: Basic, symbols: list[Symbol],
                    nonzero: list[Expr]) -> bool:
    """Every solution of the polynomial system ``premise`` solves the solved form."""
    gens = _polynomials(premise, symbols)
    values = _solved(claim, symbols)
    if gens is None or values is None:
        return False
    extra, ts = nonzero_generators(nonzero, symbols)
    basis = sp.groebner(gens + extra, *symbols, *ts, order="grevlex", domain=sp.QQ)
    for var, value in values.items():
        numer, denom = sp.together(value).as_numer_denom()
        if not nonzero_by_declaration(denom, nonzero):
            return False
        cleared = sp.expand(denom * var - numer)
        if not cleared.is_polynomial(*symbols) or not basis.contains(cleared):
            return False
    return True


def _solved_implies(premise: Basic, claim: Basic, symbols: list[Symbol],
                    nonzero: list[Expr]) -> bool:
    """The solved form's values (defined: each denominator declared nonzero) solve the
    polynomial system ``claim`` identically."""
    values = _solved(premise, symbols)
    gens = _polynomials(claim, symbols)
    if gens is None or values is None:
        return False
    for value in values.values():
        if not nonzero_by_declaration(sp.together(value).as_numer_denom()[1], nonzero):
            return False
    return all(sp.cancel(sp.together(g.xreplace(values))) == 0 for g in gens)


#: Most parameters of one solution set (``x = 3 - 2s + t, y = s, z = t`` has two).
_MAX_PARAMETERS = 3


def eliminate_parameters(
    lhs: Basic, rhs: Basic, raw_lhs: Basic, raw_rhs: Basic, conds: Sequence[Basic]
) -> tuple[Basic, Basic, Basic, Basic] | None:
    """A solution set with parameters, ``x = 1 - t and y = t``: a line of equations in real
    letters that the other line and the assumptions never use means "for some t". Such
    letters are eliminated exactly (:func:`_projected`), so ``x + y = 1 <=> x = 1 - t and
    y = t`` compares the set with the line x + y = 1. None when no line is such a family
    (then the letters stay free, as everywhere else)."""
    used: set[Basic] = set()
    for cond in conds:
        used |= cond.free_symbols
    lines = [lhs, rhs, raw_lhs, raw_rhs]
    changed = False
    for index, (line, other) in enumerate(((lhs, rhs), (rhs, lhs))):
        extra = sorted((s for s in line.free_symbols - other.free_symbols - used
                        if isinstance(s, Symbol) and not s.is_integer), key=str)
        if not extra or not other.free_symbols or len(extra) > _MAX_PARAMETERS:
            continue
        if not _solved_family(line, set(extra), other.free_symbols):
            continue  # x + 2y = 5 and x - y = 2 <=> x = 3: y is an unknown, not a parameter
        projected = _projected(line, extra)
        raw = lines[2 + index]
        raw_projected = projected if raw == line else _projected(raw, extra)
        if projected is None or raw_projected is None:
            continue
        lines[index], lines[2 + index] = projected, raw_projected
        changed = True
    return (lines[0], lines[1], lines[2], lines[3]) if changed else None


#: Letters a solution set names its parameters with (x = 1 - t, y = t; λ, μ in a plane).
_PARAMETER_LETTERS = frozenset({"t", "s", "u", "v", "lambda", "mu", "tau", "λ", "μ", "τ"})


def _solved_family(line: Basic, parameters: set[Symbol], unknowns: set[Basic]) -> bool:
    """Is ``line`` a solution written in parameters (letters such as t, s, λ), every
    equation ``x = f(t, ...)`` with x an unknown of the other line (``x = 1 - t and y = t``,
    ``x = t - s and y = s``), or an unknown fixed outright (``z = 2``)?
    A line that merely has letters the other lacks (``x + y + z = 1 and z = 0`` against
    ``x + y = 1``) lost an unknown; it is no family, and its letters stay free."""
    if not all(str(p).split("_")[0] in _PARAMETER_LETTERS for p in parameters):
        return False  # x = 5 - 2y and x = y + 2 <=> x = 3: y is an unknown, dropped
    for part in sp.And.make_args(line):
        if not isinstance(part, sp.Equality):
            return False
        if not any(isinstance(name, Symbol) and name in unknowns and name not in parameters
                   and value.free_symbols & parameters
                   and value.free_symbols <= parameters | (unknowns - {name})
                   for name, value in ((part.lhs, part.rhs), (part.rhs, part.lhs))):
            if not (part.free_symbols & parameters) and isinstance(part.lhs, Symbol) \
                    and part.lhs in unknowns:
                continue  # x + y = t <=> x = t - s and y = s ... and z = 2: a fixed unknown
            return False
    return True


def _projected(line: Basic, parameters: list[Symbol]) -> Basic | None:
    """``line`` (an ``and`` of equations, more of them than parameters) with the parameters
    eliminated: each in turn is solved from an equation where it occurs to the first power
    with a number coefficient (``y = t``, ``x = 1 - 2t``) and substituted into the others,
    which is exact (for some t, t = f and P(t) holds exactly where P(f) does). None when
    some parameter cannot be solved so (``x = t^2`` alone)."""
    parts = sp.And.make_args(line)
    names = set(parameters)
    equations = [p for p in parts if isinstance(p, sp.Equality) and p.free_symbols & names]
    if len(equations) <= len(parameters) or any(
            p not in equations and p.free_symbols & names for p in parts):
        return None
    diffs = [sp.expand(eq.lhs - eq.rhs) for eq in equations]
    remaining = list(parameters)
    while remaining:
        found = None
        for index, diff in enumerate(diffs):
            for param in remaining:
                try:
                    poly = sp.Poly(diff, param)
                except BasePolynomialError:
                    continue
                coefficient = poly.coeff_monomial(param)
                if poly.degree() == 1 and coefficient.is_number and coefficient != 0:
                    found = index, param, -(diff - coefficient * param) / coefficient
                    break
            if found:
                break
        if found is None:
            return None
        index, param, value = found
        diffs = [sp.expand(d.xreplace({param: value})) for k, d in enumerate(diffs)
                 if k != index]
        remaining.remove(param)
    if any(d.has(*parameters) for d in diffs):
        return None
    kept: list[Basic] = [p for p in parts if p not in equations]
    kept += [sp.Eq(d, 0) for d in diffs]
    return sp.And(*kept)
