"""Decide congruences, divisibility and statements about ``mod`` over the integers, exactly.

A claim about integer letters that occur only inside ``Mod(P, m)`` with a concrete modulus
m (P a polynomial with rational coefficients, possibly with powers ``b^(a n + c)`` of an
integer b) depends on each letter only through its residue modulo a period:

* ``Q(n + K) ≡ Q(n) (mod K)`` for a polynomial Q with integer coefficients, so with
  ``P = Q / D`` (D the common denominator) ``Mod(P, m)`` has period ``K = m D`` in n;
* ``b^e mod K`` is eventually periodic in e: once a value repeats (after at most K + 1
  exponents) the sequence cycles; so ``b^(a n + c)`` is periodic in n from the n where the
  exponent reaches the cycle, and the values below are checked one by one.

The claim therefore holds at every allowed point iff it holds at one representative of each
residue class (per letter, inside its declared bounds) and at each value below the
thresholds: a finite check, refused politely above :data:`MAX_POINTS`. A failure is a
witness, checked by exact integer arithmetic. With a letter as modulus
(``a ≡ b (mod n) ==> a^2 ≡ b^2 (mod n)``) each premise ``m | P`` with P linear in a letter
u (coefficient ±1) is solved as ``u = ... + m t`` (t a new integer): every integer solution
is of that form, so the conclusion ``m' | Q`` holds when Q, so rewritten, is ``m'`` times a
polynomial with integer coefficients; otherwise small integer points are searched.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import product

import sympy as sp
from sympy import Basic, Expr, Symbol

from .decide import Outcome
from .integers import gcd as int_gcd
from .integers import lcm as int_lcm
from .model import Counterexample
from .modular import Modulo, congruent, not_integer

__all__ = ["MAX_POINTS", "decide_congruence", "decide_modular_expression",
           "decide_modular_statement"]

#: Most points (residue classes times letters' values) one check may visit.
MAX_POINTS = 20_000
#: Largest modulus whose power cycles are followed, and largest exact exponent.
MAX_CYCLE = 100_000
MAX_EXPONENT = 20_000

Value = int | Fraction
Point = dict[Symbol, int]


class _NotPeriodic(Exception):
    """The claim is not a function of residues (a letter outside every Mod)."""


class _Undefined(Exception):
    """A value is undefined at the point (a modulus 0, a division by 0)."""


@dataclass
class _Letter:
    period: int = 1
    threshold: int | None = None  # periodic from here on (powers b^n)
    exponent_floor: int | None = None  # b^(a n + c) needs n >= this
    lower: int | None = None
    upper: int | None = None


@dataclass
class _Scan:
    letters: dict[Symbol, _Letter] = field(default_factory=dict)

    def letter(self, s: Symbol) -> _Letter:
        return self.letters.setdefault(s, _Letter())

    def period(self, s: Symbol, k: int) -> None:
        info = self.letter(s)
        info.period = math.lcm(info.period, k)


# --- exact values -------------------------------------------------------------------------

def _value(e: Basic, pt: Point) -> Value:
    if e.is_Integer:
        return int(e)
    if e.is_Rational:
        return Fraction(int(e.p), int(e.q))
    if isinstance(e, Symbol):
        return pt[e]
    if isinstance(e, sp.Add):
        return sum((_value(a, pt) for a in e.args), start=0)
    if isinstance(e, sp.Mul):
        out: Value = 1
        for a in e.args:
            out *= _value(a, pt)
        return out
    if isinstance(e, sp.Pow):
        base, exp = _value(e.base, pt), _value(e.exp, pt)
        if not isinstance(exp, int) and exp.denominator != 1:
            raise _NotPeriodic
        exp = int(exp)
        if abs(exp) > MAX_EXPONENT and base not in (0, 1, -1):
            raise _NotPeriodic
        if exp < 0:
            if base == 0:
                raise _Undefined
            return Fraction(1) / Fraction(base) ** -exp
        return base**exp
    if isinstance(e, sp.Mod):
        modulus = _value(e.args[1], pt)
        if modulus == 0:
            raise _Undefined
        if isinstance(modulus, int):
            return _residue(e.args[0], modulus, pt)
        return _value(e.args[0], pt) % modulus
    if isinstance(e, (int_gcd, int_lcm, sp.Abs, sp.factorial, sp.binomial)):
        args = [_value(a, pt) for a in e.args]
        if not all(isinstance(a, int) or a.denominator == 1 for a in args):
            raise _NotPeriodic
        ints = [int(a) for a in args]
        if isinstance(e, int_gcd):
            return math.gcd(*ints)
        if isinstance(e, int_lcm):
            return math.lcm(*ints)
        if isinstance(e, sp.Abs):
            return abs(ints[0])
        if isinstance(e, sp.factorial):
            if not 0 <= ints[0] <= 1000:
                raise _Undefined
            return math.factorial(ints[0])
        if ints[1] < 0 or ints[0] < 0 or ints[0] > 10_000:
            raise _Undefined
        return math.comb(ints[0], ints[1])
    raise _NotPeriodic


def _modval(e: Basic, k: int, pt: Point) -> int:
    """The value of the integer-coefficient expression ``e`` modulo ``k``."""
    if e.is_Integer:
        return int(e) % k
    if isinstance(e, Symbol):
        return pt[e] % k
    if isinstance(e, sp.Add):
        return sum(_modval(a, k, pt) for a in e.args) % k
    if isinstance(e, sp.Mul):
        out = 1
        for a in e.args:
            out = out * _modval(a, k, pt) % k
        return out
    if isinstance(e, sp.Pow):
        exp = _value(e.exp, pt)
        if not isinstance(exp, int) or exp < 0:
            raise _NotPeriodic
        return pow(_modval(e.base, k, pt), exp, k)
    value = _value(e, pt)
    if not isinstance(value, int):
        raise _NotPeriodic
    return value % k


def _residue(e: Basic, modulus: int, pt: Point) -> Value:
    """``Mod(e, modulus)`` as SymPy has it (the sign of the modulus), exactly."""
    if not any(a.is_Rational and not a.is_Integer for a in e.atoms(sp.Rational)):
        try:
            r = _modval(e, abs(modulus), pt)
            return r - abs(modulus) if modulus < 0 and r else r
        except _NotPeriodic:
            pass
    return _value(e, pt) % modulus


_COMPARE: dict[type, Callable[[Value, Value], bool]] = {
    sp.Eq: lambda a, b: a == b, sp.Ne: lambda a, b: a != b, sp.Lt: lambda a, b: a < b,
    sp.Le: lambda a, b: a <= b, sp.Gt: lambda a, b: a > b, sp.Ge: lambda a, b: a >= b,
}  # fmt: skip


def _truth(s: Basic, pt: Point) -> bool:
    if s is sp.true:
        return True
    if s is sp.false:
        return False
    if isinstance(s, sp.And):
        return all(_truth(a, pt) for a in s.args)
    if isinstance(s, sp.Or):
        return any(_truth(a, pt) for a in s.args)
    if isinstance(s, sp.Not):
        return not _truth(s.args[0], pt)
    if isinstance(s, sp.Implies):
        return not _truth(s.args[0], pt) or _truth(s.args[1], pt)
    if isinstance(s, sp.Equivalent):
        return len({_truth(a, pt) for a in s.args}) == 1
    compare = _COMPARE.get(type(s))
    if compare is None:
        raise _NotPeriodic
    return compare(_value(s.lhs, pt), _value(s.rhs, pt))


# --- periods ------------------------------------------------------------------------------

def _cycle(base: int, k: int) -> tuple[int, int]:
    """(first exponent of the cycle, its length) of ``base^e mod k``."""
    if k > MAX_CYCLE:
        raise _NotPeriodic
    seen: dict[int, int] = {}
    value, e = 1 % k, 0
    while value not in seen:
        seen[value] = e
        value, e = value * base % k, e + 1
    return seen[value], e - seen[value]


def _denominator(e: Basic) -> int:
    return math.lcm(1, *(int(r.q) for r in e.atoms(sp.Rational)))


def _scan(e: Basic, k: int | None, scan: _Scan) -> None:
    """Record each letter's period in ``e`` (``k``: the modulus of the Mod around it)."""
    if not e.free_symbols:
        return
    if isinstance(e, Symbol):
        if k is None:
            raise _NotPeriodic
        scan.period(e, k)
        return
    if isinstance(e, sp.Mod):
        modulus = e.args[1]
        if not modulus.is_Integer or modulus == 0:
            raise _NotPeriodic
        _scan(e.args[0], abs(int(modulus)) * _denominator(e.args[0]), scan)
        return
    if isinstance(e, int_gcd) and any(a.is_Integer and a != 0 for a in e.args):
        c, w = e.args if e.args[0].is_Integer and e.args[0] != 0 else e.args[::-1]
        _scan(w, abs(int(c)), scan)  # gcd(c, w) = gcd(c, w mod c)
        return
    if isinstance(e, sp.Pow) and not e.exp.free_symbols:
        if not (e.exp.is_Integer and e.exp >= 0):
            raise _NotPeriodic
        _scan(e.base, k, scan)
        return
    if isinstance(e, sp.Pow):
        _power(e, k, scan)
        return
    if isinstance(e, (sp.Add, sp.Mul)) or isinstance(e, (sp.Rel, sp.And, sp.Or, sp.Not,
                                                         sp.Implies, sp.Equivalent)):
        inner = k if isinstance(e, (sp.Add, sp.Mul)) else None
        for a in e.args:
            _scan(a, inner, scan)
        return
    raise _NotPeriodic


def _power(e: sp.Pow, k: int | None, scan: _Scan) -> None:
    """``b^(a n + c)`` inside a Mod: periodic in n past the exponent where b^e cycles."""
    if k is None or not e.base.is_Integer or len(e.exp.free_symbols) != 1:
        raise _NotPeriodic
    (n,) = e.exp.free_symbols
    poly = sp.Poly(e.exp, n) if e.exp.is_polynomial(n) else None
    if poly is None or poly.degree() != 1 or not all(c.is_Integer for c in poly.all_coeffs()):
        raise _NotPeriodic
    a, c = (int(x) for x in poly.all_coeffs())
    if a <= 0:
        raise _NotPeriodic
    start, length = _cycle(int(e.base), k)
    info = scan.letter(n)
    info.period = math.lcm(info.period, length)
    threshold = -((c - start) // a)  # ceil((start - c) / a)
    floor = -(c // a)  # the exponent a n + c >= 0 from n >= ceil(-c / a)
    info.threshold = threshold if info.threshold is None else max(info.threshold, threshold)
    info.exponent_floor = floor if info.exponent_floor is None else max(info.exponent_floor,
                                                                        floor)


# --- the letters' allowed values ----------------------------------------------------------

def _bounds(conditions: tuple[Basic, ...], scan: _Scan) -> list[Basic]:
    """Fold one-letter bounds into the letters; the other conditions are premises."""
    premises: list[Basic] = []
    for s, info in scan.letters.items():
        if s.is_nonnegative:
            info.lower = 1 if s.is_positive else 0
        if s.is_nonpositive:
            info.upper = -1 if s.is_negative else 0
        if s.is_odd or s.is_even:  # unevaluated: SymPy would make Mod(n, 2) = 1 true
            premises.append(sp.Eq(sp.Mod(s, 2, evaluate=False), int(bool(s.is_odd)),
                                  evaluate=False))
        if s.is_prime or s.is_composite:
            raise _NotPeriodic
    for c in conditions:
        if c is sp.true or isinstance(c, sp.Contains) and c.args[1] in (
                sp.S.Integers, sp.S.Naturals0, sp.S.Naturals, sp.S.Reals, sp.S.Rationals):
            if isinstance(c, sp.Contains) and c.args[0] in scan.letters:
                info = scan.letters[c.args[0]]
                floor = {sp.S.Naturals0: 0, sp.S.Naturals: 1}.get(c.args[1])
                if floor is not None:
                    info.lower = floor if info.lower is None else max(info.lower, floor)
            continue
        if isinstance(c, sp.Eq) and c.lhs == c.rhs:
            continue
        if isinstance(c, (sp.Lt, sp.Le, sp.Gt, sp.Ge)) and len(c.free_symbols) == 1:
            (s,) = c.free_symbols
            diff = sp.expand(c.lhs - c.rhs)
            slope = diff.coeff(s)
            rest = diff - slope * s
            if s in scan.letters and slope.is_Rational and slope != 0 and rest.is_Rational:
                _bound(scan.letters[s], c, Fraction(int(slope.p), int(slope.q)),
                       Fraction(int(rest.p), int(rest.q)))
                continue
        premises.append(c)
    return premises


def _bound(info: _Letter, c: Basic, slope: Fraction, rest: Fraction) -> None:
    """slope n + rest (rel) 0, n an integer."""
    strict = isinstance(c, (sp.Lt, sp.Gt))
    positive = isinstance(c, (sp.Gt, sp.Ge)) == (slope > 0)  # n > -rest/slope
    edge = -rest / slope
    if positive:
        low = math.floor(edge) + 1 if strict else math.ceil(edge)
        info.lower = low if info.lower is None else max(info.lower, low)
    else:
        high = math.ceil(edge) - 1 if strict else math.floor(edge)
        info.upper = high if info.upper is None else min(info.upper, high)


def _values(info: _Letter) -> list[int]:
    low, high, period = info.lower, info.upper, info.period
    start = low
    if info.threshold is not None:
        start = info.threshold if low is None else max(low, info.threshold)
    prefix = list(range(low, start)) if low is not None and start is not None else []
    if start is None:
        reps = list(range(0, period)) if high is None else list(range(high - period + 1,
                                                                      high + 1))
    elif high is None or high - start + 1 >= period:
        reps = list(range(start, start + period))
    else:
        reps = list(range(start, high + 1))
    return list(dict.fromkeys(prefix + reps))


# --- deciding -----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Claim:
    """What must hold at every allowed point, and how a failure is told."""

    parts: tuple[Basic, ...]  # statements evaluated at each point
    letters: tuple[Symbol, ...]  # every letter of the step (SymPy may drop some)
    holds: Callable[[tuple[bool, ...]], bool]
    tell: Callable[[Point, tuple[bool, ...]], Counterexample]


def _shown(pt: Point) -> str:
    return ", ".join(f"{s} = {v}" for s, v in sorted(pt.items(), key=lambda kv: str(kv[0])))


def _points(letters: list[Symbol], scan: _Scan) -> Iterator[Point] | str:
    for s in letters:
        info = scan.letters[s]
        if info.exponent_floor is not None and (info.lower is None
                                                or info.lower < info.exponent_floor):
            return (f"{s} appears in an exponent: declare where it is a whole number "
                    f"(assume {s} >= {max(info.exponent_floor, 0)}, or {s} natural)")
    values = [_values(scan.letters[s]) for s in letters]
    count = math.prod(len(v) for v in values)
    if count > MAX_POINTS:
        return (f"this needs {count} residue classes to be checked (the limit is "
                f"{MAX_POINTS}): split the step, or use a smaller modulus")
    return (dict(zip(letters, combo, strict=True)) for combo in product(*values))


def _periodic(claim: _Claim, conditions: tuple[Basic, ...], deadline: float) -> Outcome | None:
    scan = _Scan()
    letters = list(claim.letters)
    for s in letters:
        scan.letter(s)
    try:
        for p in claim.parts:
            _scan(p, None, scan)
        premises = [p for p in _bounds(conditions, scan) if p.free_symbols & set(letters)]
        for p in premises:
            if p.free_symbols - set(letters):
                raise _NotPeriodic
            _scan(p, None, scan)
    except _NotPeriodic:
        return None
    points = _points(letters, scan)
    if isinstance(points, str):
        return Outcome("unknown", "congruence", message=points)
    try:
        for i, pt in enumerate(points):
            if i % 256 == 0 and time.monotonic() > deadline:
                return Outcome("unknown", "timeout", message="ran out of time checking the "
                               "residue classes")
            if not all(_truth(p, pt) for p in premises):
                continue
            truths = tuple(_truth(p, pt) for p in claim.parts)
            if not claim.holds(truths):
                return Outcome("refuted", "counterexample", claim.tell(pt, truths))
    except (_NotPeriodic, _Undefined, ZeroDivisionError):
        return None
    return Outcome("proved", "residues" if letters else "arithmetic")


def _divisibility(s: Basic) -> tuple[Expr, Expr] | None:
    """``Eq(Mod(P, m), 0)`` as (m, P)."""
    if isinstance(s, sp.Eq) and s.rhs == 0 and isinstance(s.lhs, sp.Mod):
        return s.lhs.args[1], s.lhs.args[0]
    if isinstance(s, sp.Eq) and s.lhs == 0 and isinstance(s.rhs, sp.Mod):
        return s.rhs.args[1], s.rhs.args[0]
    return None


def _conjuncts(s: Basic) -> list[Basic]:
    return list(s.args) if isinstance(s, sp.And) else [s]


def _substituted(premises: list[tuple[Expr, Expr]]) -> dict[Symbol, Expr] | None:
    """Solve each premise m | P for a letter of P with coefficient ±1: u = ... + m t."""
    put: dict[Symbol, Expr] = {}
    for k, (m, p) in enumerate(premises):
        m, p = sp.expand(m.xreplace(put)), sp.expand(p.xreplace(put))
        for u in sorted(p.free_symbols - m.free_symbols, key=str):
            coeff = p.coeff(u)
            if coeff in (1, -1) and u not in (p - coeff * u).free_symbols and \
                    not coeff.free_symbols:
                t = sp.Dummy(f"t{k}", integer=True)
                value = coeff * (m * t - (p - coeff * u))
                put = {s: v.xreplace({u: value}) for s, v in put.items()}
                put[u] = value
                break
        else:
            if p != 0 and sp.cancel(p / m).is_polynomial() is False:
                return None
    return put


def _multiple(q: Expr, m: Expr) -> bool:
    if q == 0:
        return True
    if m == 0:
        return False
    h = sp.cancel(sp.expand(q) / sp.expand(m))
    gens = sorted(h.free_symbols, key=str)
    if not gens:
        return bool(h.is_Integer)
    if not h.is_polynomial(*gens):
        return False
    return all(c.is_Integer for c in sp.Poly(h, *gens).coeffs())


def _by_identity(premise: Basic, conclusion: Basic, conditions: tuple[Basic, ...]) -> bool:
    """Every conclusion m | Q holds once each premise m_i | P_i is solved for a letter."""
    given = [d for c in (*conditions, premise) for a in _conjuncts(c)
             if (d := _divisibility(a)) is not None]
    wanted = [_divisibility(a) for a in _conjuncts(conclusion)]
    if not wanted or any(w is None for w in wanted):
        return False
    put = _substituted(given)
    if put is None:
        return False
    return all(w is not None and _multiple(sp.expand(w[1].xreplace(put)),
                                           sp.expand(w[0].xreplace(put))) for w in wanted)


def _search(claim: _Claim, conditions: tuple[Basic, ...], deadline: float) -> Outcome | None:
    """A witness among small integer points (any letters, any moduli)."""
    letters = list(claim.letters)
    scan = _Scan({s: _Letter() for s in letters})
    try:
        premises = _bounds(conditions, scan)
    except _NotPeriodic:
        return None
    width = max(2, min(13, int(MAX_POINTS ** (1 / max(1, len(letters))))))
    values = []
    for s in letters:
        info = scan.letters[s]
        low = info.lower if info.lower is not None else (
            info.upper - width + 1 if info.upper is not None else -(width // 2) + 1)
        high = low + width - 1 if info.upper is None else min(info.upper, low + width - 1)
        values.append(sorted(range(low, high + 1), key=abs))
    for i, combo in enumerate(product(*values)):
        if i % 256 == 0 and time.monotonic() > deadline:
            return None
        pt = dict(zip(letters, combo, strict=True))
        try:
            if not all(_truth(p, pt) for p in premises if p.free_symbols <= set(pt)):
                continue
            truths = tuple(_truth(p, pt) for p in claim.parts)
        except (_NotPeriodic, _Undefined, ZeroDivisionError):
            continue
        if not claim.holds(truths):
            return Outcome("refuted", "counterexample", claim.tell(pt, truths))
    return None


def _decide(claim: _Claim, conditions: tuple[Basic, ...], deadline: float,
            premise: Basic, conclusions: tuple[Basic, ...]) -> Outcome | None:
    periodic = _periodic(claim, conditions, deadline)
    if periodic is not None:
        return periodic
    if conclusions and all(_by_identity(premise, c, conditions) for c in conclusions):
        return Outcome("proved", "congruence-identity")
    return _search(claim, conditions, deadline)


def _integers_only(*exprs: Basic) -> Outcome | None:
    names = not_integer(*exprs)
    if not names:
        return None
    listed = ", ".join(names)
    return Outcome("error", "parse", message=(
        f"a congruence is about integers: declare {listed} (assume {listed} integer)"))


def decide_congruence(lhs: Expr, rhs: Basic, conditions: tuple[Basic, ...],
                      deadline: float) -> Outcome:
    """The step ``lhs ≡ B (mod m)`` (``rhs`` is ``Modulo(B, m)``) at every allowed point."""
    if not isinstance(rhs, Modulo) or isinstance(lhs, Modulo):
        return Outcome("error", "parse", message="write a congruence as a ≡ b (mod m)")
    other, modulus = rhs.args
    wrong = _integers_only(lhs, other, modulus)
    if wrong is not None:
        return wrong
    statement = congruent(lhs, other, modulus)

    def tell(pt: Point, _: tuple[bool, ...]) -> Counterexample:
        left, right, m = (_value(e, pt) for e in (lhs, other, modulus))
        where = f"{_shown(pt)}: " if pt else ""
        text = (f"{where}left side {_number(left)}, right side {_number(right)}: the "
                f"difference {_number(left - right)} is not divisible by {m}")
        if max(len(str(left)), len(str(right))) > 60:
            text = (f"{where}left side ≡ {left % m}, right side ≡ {right % m} (mod {m}): "
                    f"the difference is not divisible by {m}")
        return Counterexample("value", tuple((str(s), str(v)) for s, v in pt.items()),
                              _number(left), _number(right), text)

    claim = _Claim((statement,), _letters(lhs, other, modulus), lambda t: t[0], tell)
    outcome = _decide(claim, conditions, deadline, sp.true, (statement,))
    return outcome or Outcome("unknown", "congruence", message=(
        "no proof or counterexample found for this congruence"))


def _letters(*exprs: Basic) -> tuple[Symbol, ...]:
    return tuple(sorted({s for e in exprs for s in e.free_symbols}, key=str))


def _number(v: Value) -> str:
    text = str(v)
    return text if len(text) <= 60 else f"a number of {len(text)} digits"


def decide_modular_statement(relation: str, lhs: Basic, rhs: Basic,
                             conditions: tuple[Basic, ...], deadline: float) -> Outcome | None:
    """A statement step (``<=>``, ``==>``, ``<==``) whose lines use ``mod``, ``≡`` or ``∣``,
    over integer letters; None where this method does not apply."""
    if not all(isinstance(s, sp.logic.boolalg.Boolean) for s in (lhs, rhs)):
        return None
    if not_integer(lhs, rhs):
        return None
    forward, backward = relation in ("<=>", "==>"), relation in ("<=>", "<==")

    def holds(t: tuple[bool, ...]) -> bool:
        return not ((forward and t[0] and not t[1]) or (backward and t[1] and not t[0]))

    def tell(pt: Point, t: tuple[bool, ...]) -> Counterexample:
        where = _shown(pt) or "here"
        if rhs is sp.true:
            return Counterexample("value", tuple((str(s), str(v)) for s, v in pt.items()),
                                  None, None, f"{where}: the statement is false")
        lost = t[0] and not t[1]
        text = (f"{where} satisfies the previous line but not this one" if lost else
                f"{where} satisfies this line but not the previous one")
        return Counterexample("lost-root" if lost else "gained-root",
                              tuple((str(s), str(v)) for s, v in pt.items()), None, None, text)

    claim = _Claim((lhs, rhs), _letters(lhs, rhs), holds, tell)
    conclusions = ((rhs,) if forward else ()) if rhs is not sp.true else ()
    if rhs is sp.true:
        return _decide(claim, conditions, deadline, sp.true, (lhs,))
    outcome = _periodic(claim, conditions, deadline)
    if outcome is not None:
        return outcome
    if forward and backward:
        proved = _by_identity(lhs, rhs, conditions) and _by_identity(rhs, lhs, conditions)
    elif forward:
        proved = _by_identity(lhs, rhs, conditions)
    else:
        proved = _by_identity(rhs, lhs, conditions)
    del conclusions
    if proved:
        return Outcome("proved", "congruence-identity")
    return _search(claim, conditions, deadline)


def decide_modular_expression(relation: str, lhs: Expr, rhs: Expr,
                              conditions: tuple[Basic, ...], deadline: float) -> Outcome | None:
    """An expression step with ``mod`` whose letters are integers (``(n mod 5)^2 mod 5 =
    n^2 mod 5``), by residue classes; None where that does not apply."""
    rel = {"=": sp.Eq, "<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge}.get(relation)
    if rel is None or not_integer(lhs, rhs):
        return None
    statement = rel(lhs, rhs, evaluate=False)

    def tell(pt: Point, _: tuple[bool, ...]) -> Counterexample:
        left, right = _value(lhs, pt), _value(rhs, pt)
        where = f"{_shown(pt)}: " if pt else ""
        return Counterexample("value", tuple((str(s), str(v)) for s, v in pt.items()),
                              _number(left), _number(right),
                              f"{where}left side {_number(left)}, right side {_number(right)}")

    return _periodic(_Claim((statement,), _letters(lhs, rhs), lambda t: t[0], tell),
                     conditions, deadline)
