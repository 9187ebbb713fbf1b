"""Expression steps with integer variables in periodic places, and floor/ceiling of a real one.

Two exact case splits, tried after the other expression provers fail:

* an integer ``n`` inside ``(-1)^E``, ``i^E``, ``cos(pi E)``, ``e^(i pi E)``, ``floor(E)``,
  ``ceiling(E)``, ``frac(E)`` or ``Mod(E, q)`` (``E`` a polynomial in the integers) is written
  ``n = P m + r`` for each residue ``r`` of a small period ``P``, with ``m`` a new integer:
  every term of ``E`` that is a multiple of the construct's period then drops out
  (``(-1)^((2m + 1)^2) = (-1)^(4m^2 + 4m + 1) = -1``);
* one real ``x`` inside floor/ceiling/frac/Mod of linear arguments is written
  ``x = D (k + t)`` with ``k`` an integer and ``0 <= t < 1``; ``t`` runs over the points and
  open intervals between the breakpoints where an argument crosses an integer, on each of
  which every floor is a constant (checked at the ends of the piece, not assumed).

Each case is then an ordinary step, proved by the cheap and targeted tiers (inequalities
with ``t`` on its interval). The step is proved only when every case is.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import product
from math import lcm as int_lcm

import sympy as sp
from sympy import Basic, Expr, Symbol

from .integers import gcd, lcm
from .prove import ProofFound, prove_cheap, prove_inequality, prove_targeted

#: Largest period of one integer variable, and most cases (residues times pieces) in all.
MAX_PERIOD = 12
MAX_CASES = 48

_ROUND = (sp.floor, sp.ceiling, sp.frac)
_TRIG = {sp.sin: 2, sp.cos: 2, sp.sec: 2, sp.csc: 2, sp.tan: 1, sp.cot: 1}


@dataclass(frozen=True)
class _Periodic:
    """A construct whose value depends on ``quantity`` only modulo ``modulus``."""

    quantity: Expr
    modulus: int


def _periodic(node: Basic) -> _Periodic | None:
    if isinstance(node, gcd) and node.args[0].is_Integer and node.args[0] > 0:
        return _Periodic(node.args[1], int(node.args[0]))  # gcd(c, w) = gcd(c, w mod c)
    if isinstance(node, _ROUND):
        return _Periodic(node.args[0], 1)
    if isinstance(node, sp.Mod):
        q = node.args[1]
        if q.is_Integer and q > 0:
            return _Periodic(node.args[0], int(q))
        return None
    if isinstance(node, sp.Pow):
        if node.base == -1:
            return _Periodic(node.exp, 2)
        if node.base == sp.I:
            return _Periodic(node.exp, 4)
        return None
    if isinstance(node, sp.exp):
        quantity = sp.expand(node.args[0] / (sp.I * sp.pi))
        return _Periodic(quantity, 2) if not quantity.has(sp.I) else None
    period = _TRIG.get(type(node))
    if period is not None:
        return _Periodic(sp.expand(node.args[0] / sp.pi), period)
    return None


def _nodes(expr: Basic) -> Iterator[tuple[Basic, _Periodic]]:
    for node in sp.preorder_traversal(expr):
        found = _periodic(node)
        if found is not None:
            yield node, found


def prove_by_residues(
    relation: str, lhs: Expr, rhs: Expr, integers: frozenset[Symbol], real: bool,
    deadline: float,
) -> ProofFound | None:
    """Prove ``lhs relation rhs`` case by case (residues of integers, pieces of a real)."""
    if relation not in ("=", "<", "<=", ">", ">="):
        return None
    ints = {s for s in (lhs - rhs).free_symbols
            if isinstance(s, Symbol) and (s.is_integer or s in integers)}
    euclid = False
    if (lhs - rhs).has(gcd, lcm):
        sides = _euclid_all(lhs, ints), _euclid_all(rhs, ints)
        euclid = sides != (lhs, rhs)
        lhs, rhs = sides
    found = list(_nodes(lhs - rhs))
    if not found and not euclid:
        return None
    periods = _periods(found, ints)
    if periods is None:
        return None
    x = _real_variable(found, ints, real)
    if x is False:
        return None
    scale = _scale(found, x) if x is not None else 1
    if scale is None or not periods and x is None and not euclid:
        return None
    try:
        found_proof = _prove_cases(relation, lhs, rhs, periods, x, scale, deadline)
    except (TypeError, ValueError, NotImplementedError, RecursionError, AttributeError,
            sp.PolynomialError):
        return None
    if found_proof is not None and euclid:
        return ProofFound(f"Euclid's algorithm, {found_proof.method}")
    return found_proof


def _periods(found: list[tuple[Basic, _Periodic]], ints: set[Symbol]) -> dict[Symbol, int] | None:
    """The period of each integer variable met in a periodic place (None: too long, or an
    integer there in a way the split cannot use)."""
    periods: dict[Symbol, int] = {}
    for _, what in found:
        quantity = sp.expand(what.quantity)
        present = sorted(quantity.free_symbols & ints, key=str)
        if not present:
            continue
        for term in sp.Add.make_args(quantity):
            coeff, rest = term.as_independent(*present, as_Add=False)
            mine = [n for n in present if rest.has(n)]
            if not mine:
                continue
            if not coeff.is_Rational or not rest.is_polynomial(*present):
                return None
            for n in mine:
                periods[n] = int_lcm(periods.get(n, 1), what.modulus * int(coeff.q))
    for n in periods:
        if n.is_odd or n.is_even:
            periods[n] = int_lcm(periods[n], 2)
        if periods[n] > MAX_PERIOD:
            return None
    return periods


def _real_variable(
    found: list[tuple[Basic, _Periodic]], ints: set[Symbol], real: bool
) -> Symbol | None | bool:
    """The one real variable inside floor/ceiling/frac/Mod (None: none; False: several)."""
    inside: set[Symbol] = set()
    for node, what in found:
        if isinstance(node, (*_ROUND, sp.Mod)):
            inside |= {s for s in what.quantity.free_symbols
                       if isinstance(s, Symbol) and s not in ints}
    if not inside:
        return None
    if not real or len(inside) > 1:
        return False
    (x,) = inside
    return x if x.is_real else False


def _scale(found: list[tuple[Basic, _Periodic]], x: Symbol) -> int | None:
    """``D`` with ``x = D (k + t)`` making every coefficient of ``x`` in an argument an integer."""
    scale = 1
    for node, what in found:
        if not what.quantity.has(x):
            continue
        if not isinstance(node, (*_ROUND, sp.Mod)):
            return None  # x also inside (-1)^x or cos(pi x): not a piecewise-constant place
        quantity = sp.expand(what.quantity / what.modulus)
        _, dependent = quantity.as_independent(x, as_Add=True)
        coeff = sp.cancel(dependent / x)
        if not coeff.is_Rational or coeff == 0:
            return None
        scale = int_lcm(scale, int(coeff.q))
    return scale


def _residues(n: Symbol, period: int) -> list[int]:
    if n.is_odd:
        return [r for r in range(period) if r % 2 == 1]
    if n.is_even:
        return [r for r in range(period) if r % 2 == 0]
    return list(range(period))


def _prove_cases(
    relation: str, lhs: Expr, rhs: Expr, periods: dict[Symbol, int], x: Symbol | None,
    scale: int, deadline: float,
) -> ProofFound | None:
    names = sorted(periods, key=str)
    news = {n: sp.Dummy(f"{n}_q", integer=True) for n in names}
    k, t = sp.Dummy("k", integer=True), sp.Dummy("t", real=True)
    combos = list(product(*[_residues(n, periods[n]) for n in names]))
    count = 0
    for combo in combos:
        sub: dict[Basic, Expr] = {
            n: periods[n] * news[n] + r for n, r in zip(names, combo, strict=True)}
        if x is not None:
            sub[x] = scale * (k + t)
        a, b = lhs.xreplace(sub), rhs.xreplace(sub)
        pieces = _pieces(a - b, t) if x is not None else [None]
        if pieces is None:
            return None
        for piece in pieces:
            count += 1
            if count > MAX_CASES or time.monotonic() > deadline:
                return None
            if not _prove_case(relation, a, b, t, piece, deadline):
                return None
    parts = [f"{n} = {periods[n]}m + r" for n in names if periods[n] > 1]
    if x is not None:
        whole = "k + t" if scale == 1 else f"{scale}(k + t)"
        parts.append(f"{x} = {whole}, k integer, 0 <= t < 1")
    if not parts:
        return ProofFound("gcd(u, v) = gcd(u - q v, v)")
    kind = "fractional-part" if x is not None else "residue"
    return ProofFound(f"{kind} cases ({'; '.join(parts)})")


#: A piece of [0, 1) for t: a point (lo == hi) or the open interval (lo, hi).
_Piece = tuple[Expr, Expr]


def _pieces(diff: Expr, t: Symbol) -> list[_Piece] | None:
    """The breakpoints of every floor-like argument in t, as points and open intervals."""
    cuts: set[Expr] = {sp.Integer(0)}
    for node, what in _nodes(diff):
        if not node.has(t):
            continue
        if not isinstance(node, (*_ROUND, sp.Mod)):
            return None
        linear = _linear_in_t(sp.expand(what.quantity / what.modulus), t)
        if linear is None:
            return None
        c, b = linear
        if c == 0:
            continue
        ends = sorted((b, c + b))  # the argument's values as t runs over [0, 1]
        j = sp.floor(ends[0]) + 1
        while j < ends[1]:
            cuts.add((j - b) / c)
            j += 1
        if len(cuts) > MAX_CASES:
            return None
    ordered = sorted(cuts) + [sp.Integer(1)]
    out: list[_Piece] = []
    for lo, hi in zip(ordered, ordered[1:], strict=False):
        out += [(lo, lo), (lo, hi)]
    return out


def _linear_in_t(quantity: Expr, t: Symbol) -> tuple[Expr, Expr] | None:
    """``(c, b)`` with ``quantity = (integer-valued terms) + c t + b``, c and b rational."""
    c, b = sp.Integer(0), sp.Integer(0)
    for term in sp.Add.make_args(quantity):
        coeff, rest = term.as_coeff_Mul()
        if rest == 1:
            b += coeff
        elif rest == t:
            c += coeff
        elif not rest.has(t) and rest.is_integer and coeff.is_Integer:
            continue
        else:
            return None
    return c, b


def _prove_case(
    relation: str, lhs: Expr, rhs: Expr, t: Symbol, piece: _Piece | None, deadline: float
) -> bool:
    if piece is not None and piece[0] == piece[1]:
        lhs, rhs = lhs.xreplace({t: piece[0]}), rhs.xreplace({t: piece[0]})
        piece = None
    a, b = _reduce(lhs, t, piece), _reduce(rhs, t, piece)
    if relation == "=":
        return bool(prove_cheap(a, b) or prove_targeted(a, b, deadline))
    region = None
    if piece is not None and (a - b).free_symbols <= {t}:
        region = sp.Interval.open(*piece)
    return prove_inequality(relation, a, b, region, deadline) is not None


def _reduce(expr: Expr, t: Symbol, piece: _Piece | None) -> Expr:
    """Every periodic construct with its multiples of the period dropped; every floor of an
    argument linear in t replaced by its constant value on the piece (where it is one)."""
    out = expr.replace(lambda n: _periodic(n) is not None, _reducer(t, piece))
    return out if isinstance(out, Expr) else expr


def _reducer(t: Symbol, piece: _Piece | None) -> Callable[[Basic], Basic]:
    def one(node: Basic) -> Basic:
        what = _periodic(node)
        return node if what is None else _reduced(node, what, t, piece)

    return one


def _split(quantity: Expr, modulus: int) -> tuple[Expr, Expr]:
    """``(dropped, kept)``: ``quantity = dropped + kept`` where ``dropped`` is an integer
    multiple of ``modulus`` at every point (integer multiples of integer-valued monomials,
    and the constant's part that is a multiple)."""
    dropped: Expr = sp.Integer(0)
    kept: Expr = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(quantity)):
        coeff, rest = term.as_coeff_Mul()
        if rest == 1 and coeff.is_Rational:
            whole = modulus * sp.floor(coeff / modulus)
            dropped += whole
            kept += coeff - whole
        elif coeff.is_Rational and (coeff / modulus).is_integer and rest.is_integer:
            dropped += term
        else:
            kept += term
    return dropped, kept


def _reduced(node: Basic, what: _Periodic, t: Symbol, piece: _Piece | None) -> Basic:
    """``node`` with the whole periods of its quantity dropped (an equal value), and a floor,
    ceiling, frac or Mod of a quantity linear in t evaluated on the piece."""
    dropped, kept = _split(what.quantity, what.modulus)
    if isinstance(node, gcd):
        return gcd(node.args[0], kept)
    if isinstance(node, sp.Pow):
        return sp.Pow(node.base, kept)
    if isinstance(node, sp.exp):
        return sp.exp(sp.I * sp.pi * kept)
    if type(node) in _TRIG:
        return type(node)(sp.pi * kept)
    if isinstance(node, sp.Mod):
        q = node.args[1]
        whole = _floor_on(kept / q, t, piece)
        return sp.Mod(kept, q) if whole is None else kept - q * whole
    if isinstance(node, sp.ceiling):
        whole = _ceiling_on(kept, t, piece)
        return dropped + (sp.ceiling(kept) if whole is None else whole)
    whole = _floor_on(kept, t, piece)
    if isinstance(node, sp.frac):
        return sp.frac(kept) if whole is None else kept - whole
    return dropped + (sp.floor(kept) if whole is None else whole)


def _range_on(value: Expr, t: Symbol, piece: _Piece | None) -> tuple[Expr, Expr] | None:
    """The ends of the values of ``value`` (a number, or linear in t) on the piece."""
    if value.is_Rational:
        return value, value
    if piece is None or value.free_symbols != {t}:
        return None
    ends = sorted((value.xreplace({t: piece[0]}), value.xreplace({t: piece[1]})))
    if not all(e.is_Rational for e in ends) or not value.is_polynomial(t) or \
            sp.degree(value, t) != 1:
        return None
    return ends[0], ends[1]


def _floor_on(value: Expr, t: Symbol, piece: _Piece | None) -> Expr | None:
    """floor(value) where it is one integer on the piece (an open interval, or a number)."""
    ends = _range_on(value, t, piece)
    if ends is None:
        return sp.floor(value) if value.is_number else None
    low, high = ends
    if low == high:
        return sp.floor(low)
    whole = sp.floor(low)
    return whole if high <= whole + 1 else None  # (low, high) inside [whole, whole + 1)


def _ceiling_on(value: Expr, t: Symbol, piece: _Piece | None) -> Expr | None:
    ends = _range_on(value, t, piece)
    if ends is None:
        return sp.ceiling(value) if value.is_number else None
    low, high = ends
    if low == high:
        return sp.ceiling(low)
    whole = sp.ceiling(high)
    return whole if low >= whole - 1 else None  # (low, high) inside (whole - 1, whole]


_EUCLID_STEPS = 24


def _euclid_all(expr: Expr, ints: set[Symbol]) -> Expr:
    """gcd and lcm of integer polynomials in one integer variable, after Euclid's steps
    ``gcd(u, v) = gcd(u - q v, v)`` with integer-valued q: ``|w|`` (when one argument
    reaches 0) or ``gcd(c, w)`` with c a positive integer; ``lcm(u, v) = |u v| / gcd(u, v)``
    where that gcd is provably nonzero."""

    def rewrite(node: Basic) -> Basic:
        if not isinstance(node, (gcd, lcm)):
            return node
        reduced = _euclid(node.args[0], node.args[1], ints)
        if reduced is None:
            return node
        if isinstance(node, gcd):
            return reduced
        if isinstance(reduced, gcd) or reduced.is_nonzero:
            return sp.Abs(node.args[0] * node.args[1]) / reduced
        return node

    out = expr.replace(lambda n: isinstance(n, (gcd, lcm)), rewrite)
    return out if isinstance(out, Expr) else expr


def _euclid(a: Expr, b: Expr, ints: set[Symbol]) -> Expr | None:
    free = (a.free_symbols | b.free_symbols)
    if len(free) != 1 or not free <= ints:
        return None
    (n,) = free
    try:
        u, v = sp.Poly(a, n, domain=sp.ZZ), sp.Poly(b, n, domain=sp.ZZ)
    except (sp.PolynomialError, sp.CoercionFailed):
        return None
    for _ in range(_EUCLID_STEPS):
        if (u.degree(), abs(u.LC())) < (v.degree(), abs(v.LC())):
            u, v = v, u
        if v.is_zero:
            return sp.Abs(u.as_expr())
        if v.degree() == 0:
            c = abs(int(v.LC()))
            return gcd(sp.Integer(c), u.as_expr())
        q = int(u.LC()) // int(v.LC())
        if q == 0:
            return None  # a higher degree with a smaller leading coefficient: not over Z
        u = u - v * sp.Poly(q * n ** (u.degree() - v.degree()), n, domain=sp.ZZ)
    return None
