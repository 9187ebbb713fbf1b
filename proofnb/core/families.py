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
from .equations import _atom_points, combined_set, solve_on
from .existential import _disjuncts, family_points, restricted, split_signs
from .linear import linear_root
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
        self.whole_line = False
        self.region: sp.Set = sp.S.Complexes
        # k >= 0 or k natural: the lines are no longer unions of whole progressions.
        self.restricted = restricted(conds, names[0] | names[1])
        if self.x is None:
            return
        x = self.x
        region = assumption_interval(x, conds) if real else sp.S.Complexes
        self.region = region
        self.whole_line = real and region == sp.S.Reals
        for stmt, params in zip((first, second), names, strict=True):
            if params:
                self.points += family_points(stmt, x, params, real)
                continue
            try:
                self.points += _atom_points(x, (stmt,), region, real)
            except Exception:  # noqa: BLE001 - solveset failures just mean "no points"
                continue

    def prove(self, relation: str) -> ProofFound | None:
        """Equal (or nested) unions of progressions over the whole real line, or equal (or
        nested) solution sets over one common period or over a bounded assumed interval."""
        if self.x is None or self.restricted:
            return None
        if self.whole_line:
            found = prove_periodic(relation, self.first, self.second, self.x, self.names,
                                   [self._periodic_set(stmt, params) for stmt, params in
                                    zip((self.first, self.second), self.names, strict=True)])
            if found:
                return found
        try:
            return prove_on_window(relation, self.first, self.second, self.x, self.names,
                                   self.region)
        except Exception:  # noqa: BLE001 - solveset and periodicity failures: no proof
            return None


    def _periodic_set(self, stmt: Basic, params: frozenset[Symbol]) -> list[Family] | None:
        """A line without parameters as families (computed only when a proof is tried)."""
        if params or self.x is None:
            return None
        try:
            return periodic_set(stmt, self.x)
        except Exception:  # noqa: BLE001 - solveset failures just mean "no set"
            return None


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
    for part in _disjuncts(split_signs(stmt, params)):
        if not isinstance(part, sp.Eq):
            return None
        solved = linear_root(part.lhs - part.rhs, x)
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


#: Most values of a parameter one window may need.
MAX_WINDOW_MEMBERS = 200


def prove_on_window(
    relation: str, first: Basic, second: Basic, x: Symbol,
    names: tuple[frozenset[Symbol], frozenset[Symbol]], region: sp.Set,
) -> ProofFound | None:
    """Prove a statement step by comparing the two lines' exact solution sets on a window.

    The window is the assumed interval when it is bounded; on the whole real line it is one
    common period ``[0, P)``: P is a multiple of the period of every relation of a line
    without parameters (checked exactly: ``f(x + P) = f(x)``) and of every step of a line's
    parameter (each disjunct ``a + p k < x < b + p k`` moves by whole steps p), so both
    solution sets repeat with period P. This covers inequalities
    (``sin x > 0 <=> 2k pi < x < (2k + 1) pi``) and finite answers on an interval.
    """
    lines = [split_signs(stmt, params) if params else stmt
             for stmt, params in zip((first, second), names, strict=True)]
    steps: list[Expr] = []
    for stmt, params in zip(lines, names, strict=True):
        for part in _disjuncts(stmt) if params else ():
            step = _disjunct_step(part, x, params)
            if step is None:
                return None
            steps.append(step)
    if isinstance(region, sp.Interval) and region.inf.is_finite and region.sup.is_finite:
        window: sp.Set = region
    elif region == sp.S.Reals:
        bare = [stmt for stmt, params in zip(lines, names, strict=True) if not params]
        period = _window_period(bare, x, [s for s in steps if s != 0])
        if period is None:
            return None
        window = sp.Interval.Ropen(0, period)
    else:
        return None
    sets = [_on_window(stmt, x, params, window)
            for stmt, params in zip(lines, names, strict=True)]
    one, two = sets
    if one is None or two is None:
        return None
    need = {"<=>": ((one, two), (two, one)), "==>": ((one, two),),
            "<==": ((two, one),)}[relation]
    if all(inner.is_subset(outer) is True for inner, outer in need):
        return ProofFound("periodic-families")
    return None


def _disjunct_step(part: Basic, x: Symbol, params: frozenset[Symbol]) -> Expr | None:
    """The step p by which the disjunct moves in x when its parameter grows by 1 (0 without
    a parameter); ``None`` unless every relation is linear in x and k with that one step."""
    atoms = part.args if isinstance(part, sp.And) else (part,)
    present = params & part.free_symbols
    if len(present) > 1:
        return None
    found: set[Expr] = set()
    for atom in atoms:
        if not isinstance(atom, (sp.Eq, sp.Lt, sp.Le, sp.Gt, sp.Ge)) or x not in atom.free_symbols:
            return None
        diff = sp.expand(atom.lhs - atom.rhs)
        slope = diff.coeff(x, 1)
        if slope == 0 or slope.free_symbols or x in (diff - slope * x).free_symbols:
            return None
        if present:
            (k,) = present
            rest = sp.expand(diff - slope * x)
            move = rest.coeff(k, 1)
            if move.free_symbols or (rest - move * k).free_symbols:
                return None
            found.add(sp.nsimplify(-move / slope) if move.has(sp.Float) else -move / slope)
        else:
            found.add(sp.S.Zero)
    if len(found) != 1 or (present and sp.S.Zero in found):
        return None  # the bounds must move together: the disjunct is translated as k grows
    return sp.Abs(found.pop())


def _window_period(bare: Sequence[Basic], x: Symbol, steps: Sequence[Expr]) -> Expr | None:
    """A common period of every relation of the lines without parameters and of the
    parameter steps, checked exactly; ``None`` when there is none."""
    from sympy.calculus.util import periodicity

    periods = list(steps)
    relations = [r for stmt in bare for r in stmt.atoms(sp.Eq, sp.Lt, sp.Le, sp.Gt, sp.Ge)]
    # Each side and each domain condition on its own: lhs - rhs may cancel a part whose
    # domain is not periodic (sin(x) + sqrt(x + 100) > sqrt(x + 100)).
    parts = [e for rel in relations
             for e in (rel.lhs, rel.rhs, *(c.expr for c in conditions(rel, real=True)))
             if x in e.free_symbols]
    for part in parts:
        period = periodicity(part, x)
        if period is None or period == 0:
            return None
        periods.append(period)
    if not periods:
        return None
    common = _common_period([(sp.S.Zero, p) for p in periods])
    if common is None:
        return None
    for part in parts:
        shifted = sp.expand(part.xreplace({x: x + common}) - part)
        if shifted != 0 and sp.simplify(shifted) != 0:
            return None
    return common


def _on_window(stmt: Basic, x: Symbol, params: frozenset[Symbol], window: sp.Set) -> sp.Set | None:
    """The exact solution set of a line within the window (a union of intervals and points),
    over every integer value of its parameter; ``None`` when it cannot be computed."""
    if not params:
        return _solved(stmt, x, window)
    pieces: list[sp.Set] = []
    for part in _disjuncts(stmt):
        present = sorted(params & part.free_symbols, key=lambda s: s.name)
        if not present:
            found = _solved(part, x, window)
            if found is None:
                return None
            pieces.append(found)
            continue
        (k,) = present
        values = _parameter_range(part, x, k, window)
        if values is None:
            return None
        for n in values:
            found = _solved(part.xreplace({k: sp.Integer(n)}), x, window)
            if found is None:
                return None
            pieces.append(found)
    return sp.Union(*pieces) if pieces else sp.S.EmptySet


def _parameter_range(part: Basic, x: Symbol, k: Symbol, window: sp.Set) -> range | None:
    """Every integer k for which the disjunct (bounded in x on both sides, or an equation)
    can meet the window, with a margin of one on each side."""
    atoms = part.args if isinstance(part, sp.And) else (part,)
    lower = upper = False
    ends: list[float] = []
    for atom in atoms:
        diff = sp.expand(atom.lhs - atom.rhs)
        slope_x = diff.coeff(x, 1)
        solved = sp.expand(-(diff - slope_x * x) / slope_x)  # the bound a + p k on x
        move = solved.coeff(k, 1)
        offset = sp.expand(solved - move * k)
        for end in (window.inf, window.sup):
            ends.append(float(sp.N((end - offset) / move, 30)))
        if isinstance(atom, sp.Eq):
            lower = upper = True
        else:  # x below or above the bound: x's coefficient on the small side decides
            small_side_has_x = isinstance(atom, (sp.Lt, sp.Le)) == bool(slope_x > 0)
            upper, lower = upper or small_side_has_x, lower or not small_side_has_x
    if not (lower and upper):
        return None
    first, last = math.floor(min(ends)) - 1, math.ceil(max(ends)) + 1
    if last - first + 1 > MAX_WINDOW_MEMBERS:
        return None
    return range(first, last + 1)


def _solved(stmt: Basic, x: Symbol, window: sp.Set) -> sp.Set | None:
    """solveset of an and/or of relations in x within the window, when it is a finite union
    of intervals and points."""
    return combined_set(stmt, window, lambda relation: _solved_relation(relation, x, window))


def _solved_relation(stmt: Basic, x: Symbol, window: sp.Set) -> sp.Set | None:
    if not isinstance(stmt, (sp.Eq, sp.Lt, sp.Le, sp.Gt, sp.Ge)) or stmt.free_symbols - {x}:
        return None
    if not isinstance(stmt, sp.Eq) and x in (stmt.lhs - stmt.rhs).free_symbols \
            and not _is_linear(stmt.lhs - stmt.rhs, x):
        return _signs(stmt, x, window)
    found = sp.solveset(stmt, x, window)
    if not _plain(found):
        return None
    return found


def _is_linear(f: Expr, x: Symbol) -> bool:
    slope = sp.expand(f).coeff(x, 1)
    return not slope.free_symbols and x not in sp.expand(f - slope * x).free_symbols


#: Functions whose expressions are continuous wherever defined (so a sign changes only at a
#: zero or where the expression is undefined).
_CONTINUOUS = (sp.sin, sp.cos, sp.tan, sp.cot, sp.Abs)


def _signs(rel: Basic, x: Symbol, window: sp.Set) -> sp.Set | None:
    """An inequality in x on the window, by signs between its exact zeros and the points
    where it is undefined. (SymPy's ``solveset`` answers a trigonometric inequality on one
    period only, however long the window: ``sin(2x) > 0`` on [0, 2 pi) gives (0, pi/2).)"""
    f = rel.lhs - rel.rhs
    if isinstance(rel, (sp.Gt, sp.Ge)):
        f = -f  # now: f < 0 or f <= 0
    strict = isinstance(rel, (sp.Lt, sp.Gt))
    if any(not isinstance(a, _CONTINUOUS) for a in f.atoms(sp.Function)):
        return None
    holes: set[Expr] = set()
    # The sides' own domains (f = lhs - rhs may have cancelled a square root's).
    for cond in (*conditions(rel.lhs, real=True), *conditions(rel.rhs, real=True)):
        if cond.kind != "ne":
            return None
        found = solve_on(sp.Eq(cond.expr, 0), x, window)
        if not isinstance(found, sp.FiniteSet) and found is not sp.S.EmptySet:
            return None
        holes |= set(found)
    zeros = solve_on(sp.Eq(f, 0), x, window)
    if not isinstance(zeros, sp.FiniteSet) and zeros is not sp.S.EmptySet:
        return None
    cuts = sorted({window.inf, window.sup, *holes, *zeros}, key=lambda v: float(sp.N(v, 30)))
    pieces: list[sp.Set] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        sign = _sign_at(f, x, (a + b) / 2)
        if sign is None:
            return None
        if sign < 0:
            pieces.append(sp.Interval.open(a, b))
    for c in cuts:
        if c in holes or c not in window:
            continue
        if c in zeros:
            if not strict:
                pieces.append(sp.FiniteSet(c))
            continue
        sign = _sign_at(f, x, c)
        if sign is None:
            return None
        if sign < 0:
            pieces.append(sp.FiniteSet(c))
    return sp.Intersection(sp.Union(*pieces), window) if pieces else sp.S.EmptySet


def signs_on_window(rel: Basic, x: Symbol, window: sp.Interval) -> sp.Set | None:
    """The solution set of an inequality in x on a bounded interval, by signs between exact
    zeros (for a trigonometric inequality, which SymPy solves on one period only)."""
    return _signs(rel, x, window)


def _sign_at(f: Expr, x: Symbol, at: Expr) -> int | None:
    """The sign of f at a point where it is defined and not zero (evaluated to 30 digits,
    trusted only far from 0)."""
    value = sp.N(f.xreplace({x: at}), 30)
    if not value.is_real or not value.is_number or abs(value) < 1e-12:
        return None
    return 1 if value > 0 else -1


def _plain(found: sp.Set) -> bool:
    if isinstance(found, sp.Union):
        return all(_plain(a) for a in found.args)
    if isinstance(found, sp.FiniteSet):
        return all(v.is_real for v in found.args)
    return isinstance(found, sp.Interval) or found is sp.S.EmptySet


def prove_one_period(
    relation: str, first: Basic, second: Basic, symbols: Sequence[Symbol],
    conds: Sequence[Basic], real: bool,
) -> ProofFound | None:
    """Two lines without parameters in one real variable (``sin(x) = cos(x) <=> tan(x) = 1``)
    compared on one common period, or on a bounded assumed interval (:func:`prove_on_window`).
    For a statement step that no cheaper tier settled."""
    if not real or len(symbols) != 1:
        return None
    x = symbols[0]
    try:
        return prove_on_window(relation, first, second, x, (frozenset(), frozenset()),
                               assumption_interval(x, conds))
    except Exception:  # noqa: BLE001 - solveset and periodicity failures: no proof
        return None
