"""Periodic solution sets compared exactly: unions of arithmetic progressions ``a + p Z``.

``sin(x) = 1/2 <=> x = pi/6 + 2k pi or x = 5pi/6 + 2k pi`` (k an integer of the second line
only, see :mod:`existential`): SymPy's ``solveset`` gives the first line's set as image sets
``{2 n pi + pi/6 | n ∈ Z} ∪ {2 n pi + 5 pi/6 | n ∈ Z}``; the second line, solved for x, is a
progression per disjunct. Two such unions are equal when, written with one common period P
(the least common multiple of all periods, which must be rational multiples of each other),
their offsets agree modulo P. Every comparison is exact: an offset difference that SymPy does
not reduce to a rational multiple of P gives no proof.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

import sympy as sp
from sympy import Basic, Expr, Symbol

from .domain import conditions
from .equations import _atom_points
from .existential import _disjuncts, _solve_linear, family_points
from .numeric import Point
from .prove import ProofFound, assumption_interval

#: (offset, period); period 0 is a single point.
Family = tuple[Expr, Expr]
#: Most progressions one union may expand into over the common period.
MAX_EXPANDED = 240


class ParameterLines:
    """A statement step with integer parameters in one line: the points to try and the
    solution sets to compare, in the step's one other variable x."""

    def __init__(
        self, first: Basic, second: Basic, symbols: Sequence[Symbol],
        names: tuple[frozenset[Symbol], frozenset[Symbol]], conds: Sequence[Basic], real: bool,
    ) -> None:
        free = [s for s in symbols if s not in names[0] | names[1]]
        self.first, self.second, self.names = first, second, names
        self.x: Symbol | None = free[0] if len(free) == 1 else None
        self.points: list[Point] = []
        self.solved: list[list[Family] | None] = [None, None]
        self.whole_line = False
        if self.x is None:
            return
        x = self.x
        region = assumption_interval(x, conds) if real else sp.S.Complexes
        self.whole_line = real and region == sp.S.Reals
        for index, (stmt, params) in enumerate(zip((first, second), names, strict=True)):
            if params:
                self.points += family_points(stmt, x, params, real)
                continue
            try:
                self.points += _atom_points(x, (stmt,), region, real)
                if self.whole_line:
                    self.solved[index] = periodic_set(stmt, x)
            except Exception:  # noqa: BLE001 - solveset failures just mean "no set"
                continue

    def prove(self, relation: str) -> ProofFound | None:
        """Equal (or nested) unions of progressions over the whole real line."""
        if self.x is None or not self.whole_line:
            return None
        return prove_periodic(relation, self.first, self.second, self.x, self.names,
                              self.solved)


def prove_periodic(
    relation: str, first: Basic, second: Basic, x: Symbol,
    names: tuple[frozenset[Symbol], frozenset[Symbol]], solved: Sequence[list[Family] | None],
) -> ProofFound | None:
    """Prove a statement step whose lines are periodic solution sets in the real variable x.

    ``names`` holds each line's integer parameters; ``solved`` each line's solution set in x
    when it has none (``solveset``, over the whole real line).
    """
    sides = []
    for stmt, params, solution in zip((first, second), names, solved, strict=True):
        families = _from_line(stmt, x, params) if params else solution
        if families is None:
            return None
        sides.append(families)
    one, two = sides
    if not any(p != 0 for _, p in (*one, *two)):
        return None  # finite sets: the ordinary set comparison handles them
    need = {"<=>": ((one, two), (two, one)), "==>": ((one, two),),
            "<==": ((two, one),)}[relation]
    if all(_covers(inner, outer) for inner, outer in need):
        return ProofFound("periodic-families")
    return None


def _from_line(stmt: Basic, x: Symbol, params: frozenset[Symbol]) -> list[Family] | None:
    """Each disjunct ``x = a + p k`` as (a, p); ``None`` for anything else."""
    out: list[Family] = []
    for part in _disjuncts(stmt):
        if not isinstance(part, sp.Eq):
            return None
        solved = _solve_linear(part.lhs - part.rhs, x)
        present = params & part.free_symbols
        if solved is None or len(present) > 1 or solved.free_symbols - present:
            return None
        if not present:
            out.append((solved, sp.S.Zero))
            continue
        (k,) = present
        period = sp.expand(solved).coeff(k, 1)
        offset = sp.expand(solved - period * k)
        if period.free_symbols or offset.free_symbols or period == 0:
            return None
        out.append((offset, sp.Abs(period)))
    return out


def periodic_set(stmt: Basic, x: Symbol) -> list[Family] | None:
    """The real solutions of equations (or a disjunction of them) in x as families, off the
    points where the line is undefined (``tan(x) = 1`` never meets ``cos(x) = 0``)."""
    if not all(isinstance(part, sp.Eq) for part in _disjuncts(stmt)):
        return None
    found: list[Family] = []
    for part in _disjuncts(stmt):
        families = _from_set(sp.solveset(part, x, sp.S.Reals), x)
        if families is None:
            return None
        found += families
    for cond in conditions(stmt, real=True):
        if cond.kind != "ne":
            return None
        zeros = _from_set(sp.solveset(sp.Eq(cond.expr, 0), x, sp.S.Reals), x)
        if zeros is None or not _disjoint(found, zeros):
            return None
    return found


def _disjoint(one: Sequence[Family], two: Sequence[Family]) -> bool:
    """Provably no common member: over a common period, every pair of offsets differs by a
    rational non-integer number of periods (or, for two points, by a nonzero number)."""
    if not two:
        return True
    both = [*one, *two]
    if not any(p != 0 for _, p in both):
        return all(sp.expand(a - b).is_nonzero for a, _ in one for b, _ in two)
    period = _common_period(both)
    wide_one = _expanded(one, period) if period is not None else None
    wide_two = _expanded(two, period) if period is not None else None
    if period is None or wide_one is None or wide_two is None:
        return False
    for a, p in wide_one:
        for b, q in wide_two:
            if p == 0 and q == 0:
                if sp.expand(a - b).is_nonzero is not True:
                    return False
                continue
            steps = sp.expand((a - b) / period)
            if not isinstance(steps, sp.Rational) or isinstance(steps, sp.Integer):
                return False
    return True


def _from_set(solution: sp.Set | None, x: Symbol) -> list[Family] | None:
    """The pieces of a ``solveset`` answer as families; ``None`` for any other piece."""
    if solution is None:
        return None
    pieces = solution.args if isinstance(solution, sp.Union) else (solution,)
    out: list[Family] = []
    for piece in pieces:
        if isinstance(piece, sp.Intersection) and sp.S.Reals in piece.args:
            rest = [a for a in piece.args if a is not sp.S.Reals]
            piece = rest[0] if len(rest) == 1 else piece
        if isinstance(piece, sp.FiniteSet):
            if not all(v.is_real for v in piece.args):
                return None
            out.extend((sp.sympify(v), sp.S.Zero) for v in piece.args)
        elif isinstance(piece, sp.ImageSet) and piece.base_sets == (sp.S.Integers,):
            (n,) = piece.lamda.variables
            body = sp.expand(piece.lamda.expr)
            period = body.coeff(n, 1)
            offset = sp.expand(body - period * n)
            if period.free_symbols or offset.free_symbols or period == 0 \
                    or not (period.is_real and offset.is_real):
                return None
            out.append((offset, sp.Abs(period)))
        elif piece is not sp.S.EmptySet:
            return None
    return out


def _common_period(families: Sequence[Family]) -> Expr | None:
    """The least common multiple of the nonzero periods, or ``None`` when two of them are not
    rational multiples of each other."""
    periods = [p for _, p in families if p != 0]
    base = periods[0]
    ratios: list[Fraction] = []
    for p in periods:
        r = p / base
        if not isinstance(r, sp.Rational):
            return None
        ratios.append(Fraction(int(r.p), int(r.q)))
    numer = math.lcm(*(r.numerator for r in ratios))
    denom = math.gcd(*(r.denominator for r in ratios))
    return sp.expand(base * sp.Rational(numer, denom))


def _expanded(families: Sequence[Family], period: Expr) -> list[Family] | None:
    """Each progression a + p Z as the progressions a + j p + P Z, j = 0 .. P/p - 1."""
    out: list[Family] = []
    for offset, p in families:
        if p == 0:
            out.append((offset, p))
            continue
        count = period / p
        if not isinstance(count, sp.Integer) or len(out) + int(count) > MAX_EXPANDED:
            return None
        out.extend((sp.expand(offset + j * p), period) for j in range(int(count)))
    return out


def _covers(inner: Sequence[Family], outer: Sequence[Family]) -> bool:
    """Is every member of the union ``inner`` provably a member of the union ``outer``?"""
    both = [*inner, *outer]
    if not any(p != 0 for _, p in both):
        return False
    period = _common_period(both)
    if period is None:
        return False
    wide_inner, wide_outer = _expanded(inner, period), _expanded(outer, period)
    if wide_inner is None or wide_outer is None:
        return False
    for offset, p in wide_inner:
        if not any(_contains(offset, p, o, q) for o, q in wide_outer):
            return False
    return True


def _contains(offset: Expr, p: Expr, other: Expr, q: Expr) -> bool:
    """Is the progression (or point, p = 0) ``offset + p Z`` inside ``other + q Z``?"""
    if q == 0:
        return bool(p == 0 and sp.expand(offset - other) == 0)
    if p != 0 and p / q != 1:
        return False  # both expanded to the common period: equal periods or a point
    steps = sp.expand((offset - other) / q)
    return isinstance(steps, sp.Integer)
