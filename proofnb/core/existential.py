"""Integer parameters of one line: ``x = pi/4 + k pi/2, k ∈ ℤ`` means "for some integer k".

In a statement step (``<=>``, ``==>``, ``<==``) an integer variable that occurs in one of the
two lines only, and in no assumption about other variables, is read as existentially
quantified in that line (assumptions about k alone, ``k >= 0``, ``k natural``, restrict the
values it ranges over: :func:`restrictions`): ``cos(2x) = 0 <=> x = pi/4 + k pi/2``
compares the solution set of the first line with the union over k of the second. Reading k
as a free variable instead would refute the correct step at x = 3 pi/4, k = 0.

Membership of such a line at a point (values for the other variables) is decided by finding
every integer k that the line's equations and inequalities, linear in k, leave possible, and
checking each exactly. The answer is ``False`` only when every candidate has been checked.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence

import sympy as sp
from sympy import Basic, Symbol
from sympy.core.relational import Relational

from .linear import linear_root
from .numeric import Point, admissible

#: Most integers tried for one parameter at one point.
MAX_CANDIDATES = 64
#: Largest parameter bound handled (its float value keeps the 1e-6 margin meaningful).
MAX_BOUND = 1e6
#: Parameter values at which the points of a line's solution families are taken.
FAMILY_MEMBERS = (0, 1, -1, 2, -2, 3)

Member = Callable[[Basic, Point, bool], "bool | None"]


def existential_symbols(
    first: Basic, second: Basic, conditions: Sequence[Basic] = ()
) -> tuple[frozenset[Symbol], frozenset[Symbol]]:
    """The integer variables read as "for some" in each line (empty sets for most steps)."""
    in_conditions: set[Basic] = set()
    for cond in conditions:
        if len(cond.free_symbols) > 1:  # "k integer", "k >= 0" only restrict k's values
            in_conditions |= cond.free_symbols
    one = {s for s in first.free_symbols if isinstance(s, Symbol) and s.is_integer}
    two = {s for s in second.free_symbols if isinstance(s, Symbol) and s.is_integer}
    # Both lines written as families x = a + p k (the answer re-indexed, x = -pi/4 + k pi/2
    # for x = pi/4 + k pi/2): each line is a set of its own, k is "for some" in each.
    shared = {k for k in one & two - in_conditions
              if _family_line(first, k) and _family_line(second, k)}
    return (frozenset(one - two - in_conditions | shared),
            frozenset(two - one - in_conditions | shared))


def restrictions(conditions: Sequence[Basic], names: frozenset[Symbol]) -> tuple[Basic, ...]:
    """The assumptions about the parameters alone beyond "k integer" (``k >= 0``)."""
    return tuple(c for c in conditions if c.free_symbols and c.free_symbols <= names
                 and not (isinstance(c, sp.Contains) and c.args[1] == sp.S.Integers))


def restricted(conditions: Sequence[Basic], names: frozenset[Symbol]) -> bool:
    """Do the parameters range over fewer than all integers (``k >= 0``, ``k positive``)?
    The comparisons of whole progressions (:mod:`families`) then do not apply."""
    signs = ("positive", "nonnegative", "negative", "nonpositive", "nonzero")
    return bool(restrictions(conditions, names)) or any(
        s.assumptions0.get(a) for s in names for a in signs)


def allowed(value: Basic, k: Symbol, conditions: Sequence[Basic]) -> bool | None:
    """Does the integer ``value`` of k satisfy the restrictions (None when unknown)?"""
    if not admissible(k, value):
        return False
    for cond in conditions:
        if k not in cond.free_symbols or cond.free_symbols != {k}:
            continue
        truth = cond.xreplace({k: value})
        if truth is sp.false:
            return False
        if truth is not sp.true:
            return None
    return True


def _family_line(stmt: Basic, k: Symbol) -> bool:
    """Is every alternative of ``stmt`` an equation ``c x = a + p k`` in one other variable x
    (c, a, p numbers, p nonzero): a family of solutions indexed by k?"""
    for part in _disjuncts(stmt):
        if not isinstance(part, sp.Eq):
            return False
        diff = sp.expand(part.lhs - part.rhs)
        others = diff.free_symbols - {k}
        if len(others) != 1 or linear_root(diff, k) is None:
            return False
        (x,) = others
        if linear_root(diff, x) is None or sp.expand(diff).coeff(k, 1).free_symbols:
            return False
    return True


def member_for_some(
    stmt: Basic, point: Point, names: frozenset[Symbol], real: bool, member: Member,
    limits: Sequence[Basic] = (),
) -> bool | None:
    """Does ``stmt`` hold at ``point`` for some integer values of ``names``?

    ``member`` decides a statement at a full point (True, False, or None when it cannot
    tell); ``limits`` are the assumptions about a parameter alone (:func:`restrictions`).
    The answer is ``None`` when some part of the line does not pin a parameter down to
    finitely many integers.
    """
    fixed = {s: v for s, v in point.items() if s not in names}
    undecided = False
    for part in _disjuncts(split_signs(stmt, names)):
        present = sorted(names & part.free_symbols, key=lambda s: s.name)
        if not present:
            found = member(part, fixed, real)
        elif len(present) == 1:
            found = _some_integer(part, present[0], fixed, real, member, limits)
        else:
            found = None
        if found is True:
            return True
        if found is None:
            undecided = True
    return None if undecided else False


@functools.lru_cache(maxsize=256)
def split_signs(stmt: Basic, names: frozenset[Symbol]) -> Basic:
    """The line with each disjunct that has a sign ``(-1)^k`` (``x = (-1)^k pi/6 + k pi``)
    written twice, for even k (k -> 2k) and odd k (k -> 2k + 1): the same union over the
    integers, now linear in k."""
    out: list[Basic] = []
    changed = False
    for part in _disjuncts(stmt):
        signed = {s for p in part.atoms(sp.Pow) if _minus_one(p.base)
                  for s in p.exp.free_symbols & names}
        if len(signed) != 1:
            out.append(part)
            continue
        (k,) = signed
        part = part.replace(lambda e: isinstance(e, sp.Pow) and _minus_one(e.base),
                            lambda e: sp.Pow(-1, e.exp))  # a written (-1) may be -1*1
        even, odd = part.xreplace({k: 2 * k}), part.xreplace({k: 2 * k + 1})
        if any(p.base == -1 and k in p.exp.free_symbols
               for p in (*even.atoms(sp.Pow), *odd.atoms(sp.Pow))):
            out.append(part)  # the sign did not reduce (k not known to be an integer)
            continue
        out += [even, odd]
        changed = True
    return sp.Or(*out, evaluate=False) if changed else stmt


def _minus_one(base: Basic) -> bool:
    return bool(base == -1 or (base.is_number and not base.free_symbols
                               and sp.expand(base) == -1))


def _disjuncts(stmt: Basic) -> tuple[Basic, ...]:
    return tuple(stmt.args) if isinstance(stmt, sp.Or) else (stmt,)


def _some_integer(
    part: Basic, k: Symbol, fixed: Point, real: bool, member: Member,
    limits: Sequence[Basic] = (),
) -> bool | None:
    candidates = integer_candidates(part, k, fixed)
    if candidates is None:
        return None
    undecided = False
    for value in candidates:
        ok = allowed(value, k, limits)
        if ok is None:
            undecided = True
        if not ok:
            continue
        found = member(part, {**fixed, k: value}, real)
        if found is True:
            return True
        if found is None:
            undecided = True
    return None if undecided else False


def integer_candidates(part: Basic, k: Symbol, fixed: Point) -> list[sp.Integer] | None:
    """Every integer k that the relations of the conjunction ``part``, linear in k, allow at
    ``fixed`` (with a margin: each is checked exactly afterwards); ``None`` when they leave k
    unbounded or too many values."""
    atoms = part.args if isinstance(part, sp.And) else (part,)
    low, high = -math.inf, math.inf
    for atom in atoms:
        if not isinstance(atom, Relational) or k not in atom.free_symbols:
            continue
        bound = _bound(atom, k, fixed)
        if bound is None:
            continue
        kind, value = bound
        if kind in ("=", ">"):
            low = max(low, value)
        if kind in ("=", "<"):
            high = min(high, value)
    if not (math.isfinite(low) and math.isfinite(high)):
        return None
    if max(abs(low), abs(high)) > MAX_BOUND:
        return None  # doubles would no longer separate neighbouring integers with the margin
    first, last = math.floor(low - 1e-6), math.ceil(high + 1e-6)
    if last - first + 1 > MAX_CANDIDATES:
        return None
    return [sp.Integer(n) for n in range(first, last + 1)]


def _bound(atom: Relational, k: Symbol, fixed: Point) -> tuple[str, float] | None:
    """``("=", r)``, ``(">", r)`` or ``("<", r)``: the atom says k = r, k > r (or >=) or
    k < r (or <=), r as a float; ``None`` when it is not linear in k at this point."""
    if isinstance(atom, sp.Ne):
        return None
    diff = (atom.lhs - atom.rhs).xreplace(fixed)
    slope = sp.expand(diff).coeff(k, 1)
    rest = sp.expand(diff - slope * k)
    if k in slope.free_symbols or k in rest.free_symbols or not slope.is_number \
            or not rest.is_number:
        return None
    try:
        slope_value = float(sp.N(slope, 30))
        root = float(sp.N(-rest / slope, 30))
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if slope_value == 0 or not math.isfinite(root):
        return None
    if isinstance(atom, sp.Eq):
        return "=", root
    below = isinstance(atom, (sp.Lt, sp.Le))  # diff < 0
    return (">" if below != (slope_value > 0) else "<"), root


def family_points(
    stmt: Basic, x: Symbol, names: frozenset[Symbol], real: bool
) -> list[Point]:
    """Points of a line with parameters: each equation ``x = a + p k`` (solved for x) at a few
    integers k, so that the other line is checked on this line's solutions."""
    out: list[Point] = []
    for part in _disjuncts(split_signs(stmt, names)):
        for atom in _equations(part):
            present = names & atom.free_symbols
            if len(present) != 1 or x not in atom.free_symbols:
                continue
            (k,) = present
            solved = linear_root(atom.lhs - atom.rhs, x)
            if solved is None:
                continue
            for n in FAMILY_MEMBERS:
                value = sp.nsimplify(solved.xreplace({k: sp.Integer(n)})) \
                    if solved.has(sp.Float) else solved.xreplace({k: sp.Integer(n)})
                if value.is_number and (not real or value.is_real):
                    out.append({x: value, k: sp.Integer(n)})
    return out


def _equations(part: Basic) -> Iterable[sp.Eq]:
    atoms = part.args if isinstance(part, sp.And) else (part,)
    return (a for a in atoms if isinstance(a, sp.Eq))
