"""Counterexample search: exact evaluation at seeded points, witnesses confirmed exactly.

A witness is returned only after the failure is confirmed: both sides' exact values differ
(exactly, or at two precisions), or the previous line is defined on a region where this
line is not, or a point lies in one solution set and provably not in the other.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

import sympy as sp
from sympy import Basic, Expr, Symbol
from sympy.core.relational import Relational

from .boundary import boundary_points
from .existential import member_for_some, restrictions
from .guarded import guarded
from .model import Counterexample
from .numeric import (
    UNCERTAIN,
    UNDEFINED,
    Point,
    Value,
    _Marker,
    admissible,
    approximations,
    compare,
    critical_value,
    evaluate,
    neighbours,
    point_text,
    points,
    show,
    show_text,
    tiny_difference,
)
from .orders import Reparam
from .screen import Screen

_REL_OF = {sp.Eq: "=", sp.Ne: "!=", sp.Lt: "<", sp.Le: "<=", sp.Gt: ">", sp.Ge: ">="}
_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="}


@dataclass(frozen=True)
class Problem:
    """One step, parsed: the relation, both sides, the chain's origin and the setting."""

    relation: str
    lhs: Basic
    rhs: Basic
    origin: Basic
    symbols: tuple[Symbol, ...]
    real: bool = True
    conditions: tuple[Basic, ...] = ()
    integer: frozenset[Symbol] = frozenset()
    anchors: tuple[tuple[Symbol, tuple[Expr, ...]], ...] = ()
    seed: int = 0
    #: The assumptions' bounds as a change of variables, to sample inside them.
    reparam: Reparam | None = None
    #: Special values per symbol (multiples of pi inside trigonometric functions).
    specials: tuple[tuple[Symbol, tuple[Expr, ...]], ...] = ()
    #: Per line of a statement step, its integer parameters read as "for some"
    #: (:mod:`existential`): a point need not give them values.
    existential: tuple[frozenset[Symbol], frozenset[Symbol]] = (frozenset(), frozenset())
    #: The step's letters as written, before sums, derivatives... were evaluated: a witness
    #: names them (Sum((-1)^k, (k, 0, 2n + 1)) = 1 evaluates to 0 = 1 but is refuted at n = 0).
    letters: frozenset[Symbol] = frozenset()
    #: Where the sides as written are defined, for a side whose derivative or integral was
    #: evaluated: ``d/dx ln x`` is ``1/x`` after evaluation, but a witness needs x > 0.
    guards: tuple[Basic, ...] = ()


@dataclass
class Probe:
    """What the numeric search found."""

    counterexample: Counterexample | None = None
    agreeing: int = 0
    tried: int = 0
    isolated: list[Point] = field(default_factory=list)
    both_true: int = 0
    #: Points the double-precision screen found clearly true (not counted as agreeing).
    screened: int = 0
    #: Points where the sides agreed to working precision only, not exactly: where a
    #: difference too small to see (10^-60 x against e^(-(x + 2)^2) at x = 10) may hide.
    close: list[Point] = field(default_factory=list)


def truth(stmt: Basic, point: Point, real: bool) -> bool | None:
    """Exact truth of a statement (relations combined with and/or/not), None if unsure.

    A relation whose side is undefined at the point is false (the point is not a solution).
    """
    if stmt is sp.true:
        return True
    if stmt is sp.false:
        return False
    if isinstance(stmt, (sp.And, sp.Or)):
        values = [truth(a, point, real) for a in stmt.args]
        if isinstance(stmt, sp.And):
            return False if False in values else (None if None in values else True)
        return True if True in values else (None if None in values else False)
    if isinstance(stmt, sp.Contains):
        value = evaluate(stmt.args[0], point, real=real)
        if isinstance(value, _Marker):
            return None
        member = stmt.args[1].contains(value)
        return bool(member) if member in (sp.true, sp.false) else None
    if isinstance(stmt, sp.Not):
        inner = truth(stmt.args[0], point, real)
        return None if inner is None else not inner
    if isinstance(stmt, Relational):
        rel = _REL_OF.get(type(stmt))
        if rel is None:
            return None
        if real and (signed_infinity(stmt.lhs) or signed_infinity(stmt.rhs)):
            return _truth_against_infinity(rel, stmt.lhs, stmt.rhs, point)
        a = evaluate(stmt.lhs, point, real=real)
        b = evaluate(stmt.rhs, point, real=real)
        if a is UNDEFINED or b is UNDEFINED:
            return False
        if isinstance(a, _Marker) or isinstance(b, _Marker):
            return None
        cmp = compare(a, b, need_exact=True)
        if cmp.sign is None or (cmp.sign == 0 and not cmp.exact):
            return None
        s = cmp.sign
        if s == 2:
            return {"=": False, "!=": True}.get(rel)
        return {"=": s == 0, "!=": s != 0, "<": s < 0, "<=": s <= 0, ">": s > 0,
                ">=": s >= 0}[rel]
    return None


def signed_infinity(side: Basic) -> int:
    """1 for a side that is ``oo``, -1 for ``-oo`` (also as written, ``-1*oo``), else 0."""
    if side is sp.oo or side is sp.S.NegativeInfinity:
        return 1 if side is sp.oo else -1
    if not isinstance(side, Expr) or not side.has(sp.oo, -sp.oo) or side.free_symbols \
            or side.is_infinite is not True:  # has() first: truth() asks at every point
        return 0
    return 1 if side.is_extended_positive else -1 if side.is_extended_negative else 0


def finite_number(value: Value) -> bool:
    """Is ``value`` a finite number (not ``AccumBounds(0, 2)``, the value SymPy gives the
    integral of sin x over (0, oo), which does not exist)?"""
    return isinstance(value, Expr) and value.is_number and not value.has(sp.AccumBounds) \
        and value.is_finite is not False


def _truth_against_infinity(rel: str, lhs: Basic, rhs: Basic, point: Point) -> bool | None:
    """A real relation with ``oo`` or ``-oo`` as a side, in the extended reals:
    ``ln x < oo`` holds wherever ln x has a value (x = 1 is a solution, not a point where a
    side is undefined). A finite side that is undefined at the point still makes it false."""
    ends = []
    for side in (lhs, rhs):
        infinite = signed_infinity(side)
        if infinite:
            ends.append(infinite)
            continue
        value = evaluate(side, point, real=True)
        if value is UNDEFINED:
            return False
        if isinstance(value, _Marker) or not finite_number(value):
            return None  # AccumBounds(0, 2) (int_0^oo sin x dx): no value to order
        ends.append(0)
    s = (ends[0] > ends[1]) - (ends[0] < ends[1])
    return {"=": s == 0, "!=": s != 0, "<": s < 0, "<=": s <= 0, ">": s > 0,
            ">=": s >= 0}.get(rel)


def defined(expr: Basic, point: Point, real: bool) -> bool | None:
    """Is every side of ``expr`` (an expression or a statement) defined at ``point``?"""
    parts: Iterable[Basic]
    if isinstance(expr, Expr):
        parts = (expr,)
    else:
        parts = [side for rel in expr.atoms(Relational) for side in rel.args
                 if not (real and signed_infinity(side))]  # ln x < oo: oo is no value
    result: bool | None = True
    for part in parts:
        value = evaluate(part, point, real=real)
        if value is UNDEFINED:
            return False
        if value is UNCERTAIN:
            result = None
    return result


def in_setting(problem: Problem, point: Point, *, origin: bool = True) -> bool:
    """Does the point satisfy the assumptions and conditions (and lie in the origin's domain)?"""
    if not all(admissible(s, v) for s, v in point.items()):
        return False
    for cond in problem.conditions:
        if truth(cond, point, problem.real) is not True:
            return False
    if any(truth(guard, point, problem.real) is False for guard in problem.guards):
        return False
    return not origin or defined(problem.origin, point, problem.real) is True


def _height(point: Point) -> tuple[int, int]:
    """Simplicity of a point: small integers first, then small fractions, then the rest."""
    total = 0
    for v in point.values():
        if v.is_Integer:
            total += 2 * abs(int(v))
        elif v.is_Rational:
            total += 2 * max(abs(int(v.p)), int(v.q)) + 1
        else:
            total += 1000
    return total, len(str(point))


def _sample(problem: Problem, limit: int, extra: Sequence[Point]) -> Iterable[Point]:
    if limit <= 0:  # only the given points (the boundary search)
        yield from extra
        return
    sampled = list(points(
        problem.symbols,
        {s: s in problem.integer for s in problem.symbols},
        dict(problem.anchors),
        problem.seed,
        limit,
        dict(problem.specials),
    ))
    if problem.reparam is not None:
        inside = _inside_bounds(problem, problem.reparam, limit)
        sampled = [p for pair in zip(sampled, inside, strict=False) for p in pair] + \
            sampled[len(inside):] + inside[len(sampled):]
    if not extra:
        yield from sampled
        return
    head = sorted([*extra, *sampled[:limit // 2]], key=_height)
    yield from head
    yield from sampled[limit // 2:]


def _inside_bounds(problem: Problem, reparam: Reparam, limit: int) -> list[Point]:
    """Points drawn in the new variables of ``reparam`` (``a = b + t``, ``t > 0``): every
    one satisfies the assumptions it encodes, however narrow the region they leave."""
    forward = dict(reparam.forward)
    kept = [s for s in problem.symbols if s not in forward]
    drawn = [*reparam.fresh, *kept]
    out: list[Point] = []
    for point in points(drawn, {s: s in problem.integer for s in drawn},
                        {s: v for s, v in problem.anchors if s in kept}, problem.seed + 1,
                        limit):
        if len(point) != len(drawn):
            continue
        out.append({s: forward[s].xreplace(point) if s in forward else point[s]
                    for s in problem.symbols})
    return out


def _value_holds(rel: str, a: Expr, b: Expr) -> tuple[bool | None, bool, bool]:
    """(holds?, agreement-evidence?, sides only indistinguishable?) for an expression
    relation at exact values."""
    cmp = compare(a, b)
    if cmp.sign is None:
        return None, False, False
    s = cmp.sign
    if s == 2:
        return (False, False, False) if rel == "=" else (None, False, False)
    if s == 0 and not cmp.exact:
        strict = rel in ("<", ">")
        return (None if strict else True), not strict, True
    ok = {"=": s == 0, "<": s < 0, "<=": s <= 0, ">": s > 0, ">=": s >= 0}[rel]
    return ok, ok, False


#: Scales of the neighbourhood that tells a region from an isolated point: the region where
#: the right side is undefined may be thinner than 1/1000 (log(x^2) = 2 log(x) under
#: x > -1/1000 fails on (-1/1000, 0): its neighbours 1/1000 away left the setting and the
#: step was 'likely', round 53). An isolated exception has defined neighbours at every scale.
_NEIGHBOUR_SCALES = (sp.Integer(1), *(sp.Rational(1, 10**k) for k in (3, 6, 9, 12)))


#: Whether ``lhs rel rhs`` holds when ``lhs - rhs`` has the sign given (-1, 0, 1).
_ORDER_HOLDS: Final = {"=": lambda s: s == 0, "<": lambda s: s < 0, "<=": lambda s: s <= 0,
                       ">": lambda s: s > 0, ">=": lambda s: s >= 0}


def _region_undefined(problem: Problem, point: Point) -> bool:
    if problem.real and signed_infinity(problem.rhs):
        return False  # oo is a value of the extended reals here, not an undefined side
    for scale in _NEIGHBOUR_SCALES:
        found = _undefined_around(problem, point, scale)
        if found is not None:
            return found
    return False


def _undefined_around(problem: Problem, point: Point, scale: Expr) -> bool | None:
    """True: a region; False: not one; None: a neighbour left the setting, so only a
    nearer look can tell. (Only then: exact values at points 10^-12 apart are slow to
    evaluate, (x y)^n = x^n y^n at x = -1 + 10^-12/997 took minutes, review 11.)"""
    around = neighbours(point, scale)
    if not all(in_setting(problem, near) for near in around):
        return None
    for near in around:
        if defined(problem.lhs, near, problem.real) is not True:
            return False
        if evaluate(problem.rhs, near, real=problem.real) is not UNDEFINED:
            return False
    return True


def probe_expressions(
    problem: Problem, limit: int, deadline: float, extra: Sequence[Point] = (),
    screen: Screen | None = None,
) -> Probe:
    """Search ``lhs rel rhs`` for a confirmed counterexample; count agreeing points.

    With a ``screen``, points it calls clear are passed over (neither witnesses nor
    evidence); every other point is evaluated exactly.
    """
    probe = Probe()
    rel = problem.relation
    seen: set[tuple[Expr, ...]] = set()
    for point in _sample(problem, limit, extra):
        key = tuple(point.get(s, sp.nan) for s in problem.symbols)
        if key in seen:
            continue
        seen.add(key)
        if time.monotonic() > deadline:
            break
        if screen is not None and screen.clear(point):
            probe.tried += 1
            probe.screened += 1
            continue
        if not in_setting(problem, point):
            continue
        a = evaluate(problem.lhs, point, real=problem.real)
        if isinstance(a, _Marker):
            continue
        probe.tried += 1
        b = evaluate(problem.rhs, point, real=problem.real)
        if b is UNCERTAIN:
            continue
        if b is UNDEFINED and problem.real and signed_infinity(problem.rhs):
            # sum 1/n^p < oo, its sum unevaluated: at p = 2 the left side pi^2/6 is finite,
            # so the step holds there (it was 'right side undefined', a witness where the
            # step holds). No evidence either: the points where the sum diverges were
            # skipped as undefined on the left.
            end = signed_infinity(problem.rhs)
            if finite_number(a) and not _ORDER_HOLDS[rel](-end):
                probe.counterexample = _witness("value", point, a, sp.oo * end, problem)
                return probe
            continue
        if b is UNDEFINED:
            if _region_undefined(problem, point):
                probe.counterexample = _witness("undefined", point, a, b, problem)
                return probe
            probe.isolated.append(point)
            continue
        assert not isinstance(b, _Marker)
        ok, evidence, close = _value_holds(rel, a, b)
        if ok is False:
            probe.counterexample = noting_gap(_witness("value", point, a, b, problem), a, b)
            return probe
        if evidence:
            probe.agreeing += 1
        if close:
            probe.close.append(point)
    return probe


#: Far points on and off the imaginary axis for complex-mode steps: ``log(e^(z/100)) = z/100``
#: holds on the strip |Im z| < 100 pi, which holds every simple sample point.
_FAR_COMPLEX = (10 * sp.I, -10 * sp.I, 100 * sp.I, -100 * sp.I, 1000 * sp.I, -1000 * sp.I,
                10 + 10 * sp.I, -100 + 100 * sp.I)
#: Random non-real points tried before a complex-mode step is called likely.
COMPLEX_RANDOM: Final = 16


def complex_points(problem: Problem) -> list[Point]:
    """Seeded non-real points for a complex-mode step, then far ones: the simple sample
    values hold at most eight non-real numbers (i, 1 + i, 4i, ...), all near the real axis,
    so a law that fails only off a strip (``e^(z^2/2) = (e^(z^2))^(1/2)`` where
    |Im z^2| > pi, first at z = 2 + 2i) is never tried there. Each symbol gets its own value
    (a + b i: integers and halves, up to 12 at the last), small ones first; then far
    points ±10i, ±100i, ±1000i, 10 + 10i, -100 + 100i (the k-th symbol shifted by k)."""
    free = [s for s in problem.symbols if s not in problem.integer and s.is_real is not True]
    if problem.real or not free:
        return []
    rng = random.Random(problem.seed + 52)
    out: list[Point] = []
    for k in range(COMPLEX_RANDOM):
        top = 2 * (2 + 2 * k // 3)  # small values first: the witness is read by a person
        den = 2 if k % 2 else 1
        out.append({s: sp.Rational(rng.randint(-top, top), den)
                    + sp.I * sp.Rational(rng.randint(-top, top), den) for s in free})
    out.extend(_beside_cuts(problem, free, out[:6]))
    for far in _FAR_COMPLEX:
        out.append({s: far + k for k, s in enumerate(free)})
    return out


def probe_off_axis(problem: Problem, deadline: float) -> Counterexample | None:
    """A witness among :func:`complex_points` (None outside complex mode). Only a point
    where the sides differ at 20 digits is compared exactly: SymPy confirms an agreement
    such as log((-1 + 3i)(4 + 3i)) = log(4 + 3i) + log(-1 + 3i) slowly (seconds a point),
    and agreement here is no evidence anyone counts."""
    for point in complex_points(problem):
        if time.monotonic() > deadline:
            return None
        if not in_setting(problem, point):
            continue
        a = evaluate(problem.lhs, point, real=False)
        if isinstance(a, _Marker):
            continue
        b = evaluate(problem.rhs, point, real=False)
        if b is UNDEFINED:
            if _region_undefined(problem, point):
                return _witness("undefined", point, a, b, problem)
            continue
        if isinstance(b, _Marker) or not _apart(a, b):
            continue
        if _value_holds(problem.relation, a, b)[0] is False:
            return _witness("value", point, a, b, problem)
    return None


def _apart(a: Expr, b: Expr) -> bool:
    """Whether ``a`` and ``b`` look different at 20 digits (each evaluated on its own)."""
    try:
        x, y = complex(a.evalf(20)), complex(b.evalf(20))
        return bool(abs(x - y) > 1e-9 * (1 + abs(x) + abs(y)))
    except (TypeError, ValueError, OverflowError, ZeroDivisionError):
        return True  # no cheap verdict (beyond floats): the exact comparison decides


#: Values just above and below the negative real axis, where principal branches jump.
_CUT_SIDES = (-1 + sp.I / 8, -1 - sp.I / 8, -4 + sp.I / 8, -4 - sp.I / 8,
              -sp.Rational(1, 4) + sp.I / 8, -sp.Rational(1, 4) - sp.I / 8)
_BRANCHED = (sp.log, sp.arg)
_MAX_CUT_POINTS = 24


def _beside_cuts(problem: Problem, free: list[Symbol], others: list[Point]) -> list[Point]:
    """Points on both sides of the branch cuts in the step: where the argument u of a
    log, arg or non-integer power lies just off the negative real axis. Off the cuts both
    sides are analytic, so where they differ is a region that a cut bounds
    (``sqrt(z w) = sqrt(z) sqrt(w)`` with re z > 0 fails beside the cut of sqrt(z w) only).
    u is solved for one variable where it is linear in it; the others take the values of
    ``others``."""
    args: list[Expr] = []
    for side in (problem.lhs, problem.rhs):
        for node in sp.preorder_traversal(side):
            if isinstance(node, _BRANCHED) and node.args:
                args.append(node.args[0])
            elif isinstance(node, sp.Pow) and not node.exp.is_Integer \
                    and node.base is not sp.E and node.base.free_symbols:
                args.append(node.base)
    out: list[Point] = []
    for u in dict.fromkeys(args):
        for var in free:
            if var not in u.free_symbols:
                continue
            try:
                poly = sp.Poly(u, var)
            except (sp.PolynomialError, sp.GeneratorsNeeded):
                continue
            if poly.degree() != 1:
                continue
            a, b = poly.all_coeffs()
            for base in others[:3] or [{}]:
                rest = {s: v for s, v in base.items() if s != var}
                a_at, b_at = a.xreplace(rest), b.xreplace(rest)
                if a_at.free_symbols or b_at.free_symbols or a_at == 0:
                    continue
                for t in _CUT_SIDES:
                    point = dict(rest)
                    point[var] = sp.expand((t - b_at) / a_at)
                    out.append(point)
                    if len(out) >= _MAX_CUT_POINTS:
                        return out
    return out


#: Points that agreed only to working precision that :func:`probe_tiny` looks at again.
TINY_CLOSE: Final = 18


#: Far points the tiny-difference probe also tries: ``e^(-(x + 2)^2) > 10^(-60) x`` fails only
#: from x ≈ 9.6 on, beyond every sample point, where both sides are below 1e-59.
_FAR = (10, -10, 100, -100, 1000, -1000)


def probe_tiny(problem: Problem, deadline: float, limit: int = 6,
               close: Sequence[Point] = ()) -> Counterexample | None:
    """A point where the sides differ by less than numeric agreement can see (``cos(x/10^60)``
    and 1 differ by about 2e-120 at x = 2), shown at high precision: the last check before a
    step is called likely on numeric evidence alone. The first sample points are tried, and
    ``close``: points where the probes saw the sides agree only to working precision
    (``x - 2 + e^(-(x + 2)^2) > (1 + 10^-60) x - 2`` holds at the first points and fails
    from x = 10 on, where both differences are below 1e-59), and a few far points."""
    rel = problem.relation
    seen: set[tuple[Expr, ...]] = set()
    far = [{s: sp.Integer(v) for s in problem.symbols} for v in _FAR]
    for point in itertools.chain(_sample(problem, limit, ()), close[:TINY_CLOSE], far):
        key = tuple(point.get(s, sp.nan) for s in problem.symbols)
        if key in seen:
            continue
        seen.add(key)
        if time.monotonic() > deadline:
            return None
        if not in_setting(problem, point):
            continue
        a = evaluate(problem.lhs, point, real=problem.real)
        b = evaluate(problem.rhs, point, real=problem.real)
        if isinstance(a, _Marker) or isinstance(b, _Marker):
            continue
        gap = tiny_difference(a, b, deadline)
        if gap is None:
            continue
        if not {"=": False, "<": gap < 0, "<=": gap < 0, ">": gap > 0, ">=": gap > 0}[rel]:
            return with_gap(_witness("value", point, a, b, problem), gap)
    return None


def probe_statements(
    problem: Problem, limit: int, deadline: float, extra: Sequence[Point] = ()
) -> Probe:
    """Search two statements for a point in one solution set and provably not the other."""
    probe = Probe()
    rel = problem.relation
    seen: set[tuple[Expr, ...]] = set()
    parameters = problem.existential[0] | problem.existential[1]
    needed = [s for s in problem.symbols if s not in parameters]
    limits = restrictions(problem.conditions, parameters)
    if parameters:  # "k integer" is checked on each candidate k, not on the point
        problem = dataclasses.replace(problem, conditions=tuple(
            c for c in problem.conditions if not c.free_symbols & parameters))
    for point in _sample(problem, limit, extra):
        key = tuple(point.get(s, sp.nan) for s in problem.symbols)
        if key in seen or any(s not in point for s in needed):
            continue
        seen.add(key)
        if time.monotonic() > deadline:
            break
        if not in_setting(problem, point, origin=False):
            continue
        first = _line_member(problem, 0, point, limits)
        second = _line_member(problem, 1, point, limits)
        if first is None or second is None:
            continue
        probe.tried += 1
        if first and not second and rel in ("<=>", "==>"):
            probe.counterexample = root_witness("lost-root", _shown_point(problem, point))
            return probe
        if second and not first and rel in ("<=>", "<=="):
            probe.counterexample = root_witness("gained-root", _shown_point(problem, point))
            return probe
        probe.agreeing += 1
        if first and second:
            probe.both_true += 1
    return probe


#: Boundary points tried, and the seconds they may take, before a step is called likely.
BOUNDARY_POINTS = 80
BOUNDARY_SECONDS = 1.5


def probe_boundaries(problem: Problem, deadline: float) -> Counterexample | None:
    """A last search before ``likely``: points at the ends of the assumptions, where a
    coefficient vanishes, between and beside the roots of the step's polynomials, and
    larger integers (:mod:`boundary`). A witness is confirmed exactly, as every other."""
    stop = min(deadline, time.monotonic() + BOUNDARY_SECONDS)
    statement = problem.relation in ("<=>", "==>", "<==")
    items = [problem.lhs, problem.rhs] if statement else \
        [problem.lhs, problem.rhs, problem.lhs - problem.rhs]
    found = boundary_points(items, problem.conditions, problem.symbols, problem.integer,
                            BOUNDARY_POINTS, stop,
                            admit=lambda point: in_setting(problem, point, origin=False))
    if not found:
        return None
    if statement:
        return probe_statements(problem, 0, stop, extra=found).counterexample
    return probe_expressions(problem, 0, stop, extra=found).counterexample


def _line_member(problem: Problem, index: int, point: Point,
                 limits: Sequence[Basic] = ()) -> bool | None:
    """Is the point in the solution set of line ``index`` (0 or 1) of a statement step?
    (``limits``: the assumptions about its parameters alone, ``k >= 0``.)"""
    stmt = problem.rhs if index else problem.lhs
    names = problem.existential[index]
    if names:
        return member_for_some(stmt, point, names, problem.real, _member, limits)
    return _member(stmt, point, problem.real)


def _shown_point(problem: Problem, point: Point) -> Point:
    """The point without the values of "for some" parameters (the witness is about x) and
    of letters only the assumptions mention (``assume x > 0``, then ``2 + 2 = 5``: the
    values chosen for them satisfy the assumptions, but the step does not use them)."""
    parameters = problem.existential[0] | problem.existential[1]
    used: set[Basic] = set(problem.letters)
    for side in (problem.origin, problem.lhs, problem.rhs):
        used |= side.free_symbols
    return {s: v for s, v in point.items() if s not in parameters and s in used}


def _member(stmt: Basic, point: Point, real: bool) -> bool | None:
    if guarded(stmt, real):  # a = 0 or x = 1/a holds at a = 0: an or's part may be undefined
        return truth(stmt, point, real)
    ok = defined(stmt, point, real)
    if ok is False:
        return False
    value = truth(stmt, point, real)
    if ok is None and value is not False:
        return None
    return value


def _witness(kind: str, point: Point, a: Value, b: Value, problem: Problem) -> Counterexample:
    point = _shown_point(problem, point)
    left, right = show(a), show(b)
    left_text, right_text = show_text(a), show_text(b)
    left_near, right_near = approximations(a, b)
    where = f"{point_text(point)}: " if point else ""
    if kind == "undefined":
        text = f"{where}left side {left_text}{left_near}, right side undefined"
    else:
        text = f"{where}left side {left_text}{left_near}, right side {right_text}{right_near}"
    if problem.relation != "=" and kind != "undefined":
        text += f" (so {left_text} {problem.relation} {right_text} fails)"
    return Counterexample(
        kind="undefined" if kind == "undefined" else "value",
        point=tuple((sp.sstr(k), sp.sstr(v)) for k, v in point.items()),
        lhs_value=left,
        rhs_value=right if kind != "undefined" else "undefined",
        text=text,
    )


def noting_gap(found: Counterexample, a: Expr, b: Expr) -> Counterexample:
    """``found``, saying how far apart its sides are when they agree to 15 digits (about 1e-20
    apart: their values as shown cannot tell them apart)."""
    try:
        quick = (a - b).evalf(15)
    except (TypeError, ValueError, OverflowError, RecursionError, ArithmeticError):
        return found
    if not (quick == 0 or isinstance(quick, sp.Float) and abs(quick) < 1e-6):
        return found
    gap = tiny_difference(a, b)
    if gap is None:
        gap = critical_value(a - b)
    return found if gap is None else with_gap(found, gap)


def with_gap(found: Counterexample, gap: sp.Float) -> Counterexample:
    """``found`` saying how far apart its sides are, when too close for its values to show."""
    return dataclasses.replace(
        found, text=f"{found.text}; the sides differ by about {sp.sstr(sp.Float(gap, 2))}")


def root_witness(kind: str, point: Point) -> Counterexample:
    """The witness of a statement step at ``point``: a solution of one line, not of the
    other (``kind`` "lost-root" or "gained-root")."""
    where = point_text(point)
    if not point:  # a statement without variables (2 > 1 <=> false) holds or fails outright
        text = ("the previous line holds but this one does not" if kind == "lost-root"
                else "this line holds but the previous one does not")
        values = ("true", "false") if kind == "lost-root" else ("false", "true")
    elif kind == "lost-root":
        text = f"{where} satisfies the previous line but not this one (solution lost)"
        values = ("true", "false")
    else:
        text = f"{where} satisfies this line but not the previous one (solution gained)"
        values = ("false", "true")
    return Counterexample(
        kind="lost-root" if kind == "lost-root" else "gained-root",
        point=tuple((sp.sstr(k), sp.sstr(v)) for k, v in point.items()),
        lhs_value=values[0],
        rhs_value=values[1],
        text=text,
    )
