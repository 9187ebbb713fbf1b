"""Landau symbols: ``e^x = 1 + x + x^2/2 + O(x^3)``, ``\\sin x = x + o(x)`` and chains of series.

``O(g)`` is parsed as the inert :class:`BigO` and read here, step by step, as a set of
functions at one point: ``O(x^n)`` and ``O((x - a)^n)`` (n > 0) as x → 0 and x → a,
``O(1/x^n)`` as x → ∞, ``O(1)`` at the point the step's other O terms name. A step
``L = R`` means, as on paper, that every function ``L`` stands for is one that ``R`` stands
for: with ``L = A + O(t^m)`` and ``R = B + O(t^n)`` (t the distance to the point, ``1/x`` at
∞), it holds when ``m >= n`` and ``A - B = O(t^n)``, that is when ``(A - B)/t^n`` has a
finite limit. It fails, exactly, when that limit is infinite (the leading term of ``A - B``
is named) or when ``m < n`` (``t^m`` is in ``O(t^m)`` but not in ``O(t^n)``). Products and
powers of sums with O terms are expanded with SymPy's Order arithmetic; a limit of an
expression with an O term at the limit's point is the limit of its terms when the O term
vanishes there. Nothing is decided at a sample point.

``o(t^n)`` is the set of functions f with f/t^n → 0. A side's remainder is one class,
``O(t^m)`` or ``o(t^m)``: O(t^m) + o(t^p) is o(t^p) when p < m, else O(t^m). Inclusions:
O(t^m) ⊆ O(t^n) and o(t^m) ⊆ O(t^n), o(t^n) when m ≥ n; O(t^m) ⊆ o(t^n) when m > n. And
``A - B`` is o(t^n) when ``(A - B)/t^n`` tends to 0 from each side.
"""

from __future__ import annotations

import sympy as sp
from sympy import Basic, Expr, Symbol

from .decide import Outcome
from .landau import BigO, LittleO, has_landau
from .model import Counterexample


def _show(expr: Basic) -> str:
    return str(sp.sstr(expr)).replace("**", "^")


class _Unread(Exception):
    """The O terms of a step have no single reading; the message says what to write."""


#: Parameter values tried when a refutation depends on a letter besides the variable.
_PARAMETER_VALUES = (sp.Integer(1), sp.Integer(2), sp.Integer(3), sp.Rational(1, 2))


def _gauge(arg: Expr, x: Symbol) -> tuple[Expr | None, Expr]:
    """The point (None for O(1)) and the power k of the distance to it: ``O(t^k)``."""
    coeff, rest = arg.as_independent(x, as_Add=False)
    if coeff == 0 or not coeff.is_number and coeff.free_symbols:
        raise _Unread(f"O({_show(arg)}) must be a power of {x} (times a number)")
    if rest == 1:
        return None, sp.Integer(0)
    base, k = rest.as_base_exp()
    if not (k.is_number and k.is_real and k != 0):
        raise _Unread(f"O({_show(arg)}): write O of a power of {x} or of {x} - a")
    poly = sp.Poly(base, x) if base.is_polynomial(x) else None
    if poly is None or poly.degree() != 1:
        raise _Unread(f"O({_show(arg)}): write O of a power of {x} or of {x} - a")
    a0, a1 = poly.all_coeffs()[::-1][:2]
    point = sp.simplify(-a0 / a1)
    if k > 0:
        return point, k
    if point == 0:
        return sp.oo, -k
    raise _Unread(f"O({_show(arg)}): a negative power of {base} names no point; "
                  f"write O(1/{x}^n) for {x} → ∞")


def _point_of(exprs: tuple[Basic, ...]) -> tuple[Symbol, Expr]:
    args = [o.args[0] for e in exprs for o in e.atoms(BigO, LittleO)]
    free = set().union(*(a.free_symbols for a in args))
    if len(free) != 1:
        raise _Unread("each O(...) must be in one variable, the same in the whole step "
                      "(O(x^3), O((x - 1)^2), O(1/x^2))")
    (x,) = free
    if not isinstance(x, Symbol):
        raise _Unread("O(...) needs a variable")
    points = {p for p, _ in (_gauge(a, x) for a in args) if p is not None}
    if len(points) != 1:
        raise _Unread("the O terms of a step must name one point: O(1) alone does not "
                      "(write O(x^0)... as O(x) for x → 0 or O(1/x) for x → ∞)"
                      if not points else "the O terms of this step name different points")
    return x, points.pop()


def _at_zero(expr: Expr, x: Symbol, point: Expr, t: Symbol) -> Expr:
    """``expr`` in the distance t to the point, each O term as SymPy's Order at t = 0 and
    each o(t^k) as ``w·t^k`` with a fresh :data:`_SMALL` marker w (a vanishing factor)."""
    move = {x: 1 / t} if point == sp.oo else {x: point + t}

    def order(node: Basic) -> Expr:
        _, k = _gauge(node.args[0], x)
        if isinstance(node, LittleO):
            return sp.Dummy(_SMALL) * t**k
        return sp.Order(t**k, (t, 0))

    if expr.has(sp.Sum, sp.Product, sp.Derivative):  # a Taylor polynomial as a finite sum
        expr = expr.doit()
    # Move to t first, then put the Order terms in: x O(x^2) must become t O(t^2) = O(t^3),
    # not O(t^2) with x taken for a constant factor.
    holders = {node: sp.Dummy("o") for node in expr.atoms(BigO, LittleO)}
    moved = expr.xreplace(holders).xreplace(move)
    small = {h for node, h in holders.items() if isinstance(node, LittleO)}
    if small and len(small) < len(holders) and any(
            term.free_symbols & small and term.free_symbols & (set(holders.values()) - small)
            for term in sp.Add.make_args(sp.expand(moved))):
        raise _Unread("a product of an o term and an O term is not read; write its class "
                      "(o(x)·O(x^2) is o(x^3))")
    return sp.expand(moved.subs({h: order(node) for node, h in holders.items()}))


#: The name of the markers that stand for o terms once a side is moved to t.
_SMALL = "small"


def _small(expr: Basic) -> set[Basic]:
    return {s for s in expr.free_symbols if isinstance(s, sp.Dummy) and s.name == _SMALL}


def _split(side: Expr, t: Symbol) -> tuple[Expr, tuple[str, Expr] | None]:
    """``A + O(t^m)`` as ``(A, ("O", m))``, ``A + o(t^m)`` as ``(A, ("o", m))``; None for a
    side with no Landau term."""
    big: tuple[str, Expr] | None = None
    rest = side
    if side.has(sp.Order):
        rest, order = side.removeO(), side.getO()
        if order is None or rest.has(sp.Order):
            raise _Unread("an O term inside a function (as e^(x + O(x^2))) is not read; "
                          "expand the function first")
        base, m = order.expr.as_base_exp()
        if order.expr == 1:
            m = sp.Integer(0)
        elif base != t or not m.is_number:
            raise _Unread(f"cannot read {_show(order)}")
        if _small(order.expr):
            raise _Unread("an o term inside an O term is not read; write one of them")
        big = ("O", m)
    plain, small_powers = [], []
    for term in sp.Add.make_args(rest):
        markers = _small(term)
        if not markers:
            plain.append(term)
            continue
        factor, marks = term.as_independent(*markers, as_Add=False)
        if any(not (isinstance(f, sp.Dummy) or f.is_Pow and isinstance(f.base, sp.Dummy)
                    and f.exp.is_Integer and f.exp > 0) for f in sp.Mul.make_args(marks)) \
                or factor.free_symbols - {t}:
            raise _Unread("an o term inside a function or with a letter besides the variable "
                          "as its factor is not read; expand it first")
        base, power = sp.Mul(factor).as_leading_term(t).as_coeff_exponent(t)
        # o(x) log x is no o(x^p) for the p of any power: o(1/n) n log n holds 1, not o(1)
        if base == 0 or not power.is_number or base.has(t):
            raise _Unread("an o term times a factor that is no power of the variable near "
                          "the point (o(x) log x) is not read: no o(x^p) is its class; "
                          "write the class by hand")
        small_powers.append(power)
    if small_powers:
        p = min(small_powers)
        if big is None or p < big[1]:
            big = ("o", p)
    return sp.Add(*plain), big


def _limit(expr: Expr, t: Symbol, at_infinity: bool) -> Basic:
    if at_infinity:
        return sp.limit(expr, t, 0, "+")
    return sp.limit(expr, t, 0, "+-")


def _limits_with_landau(expr: Basic) -> Basic:
    """A limit of an expression with O terms at the limit's point, as its value when the O
    terms vanish there (``lim (x^2/2 + O(x^3))/x^2`` is 1/2); unchanged otherwise."""
    def value(node: sp.Limit) -> Basic:
        body, x, a = node.args[0], node.args[1], node.args[2]
        if not body.has(BigO, LittleO) or not isinstance(x, Symbol):
            return node
        var, point = _point_of((body,))
        if var != x or sp.simplify(point - a) != 0 and not (point == sp.oo == a):
            raise _Unread("an O term inside a limit must be at the limit's point")
        t = sp.Dummy("t", positive=True) if point == sp.oo else sp.Dummy("t", real=True)
        rest, remainder = _split(_at_zero(body, x, point, t), t)
        if remainder is None or remainder[1] < 0 or remainder == ("O", 0):
            raise _Unread("the O term inside this limit does not vanish at its point")
        return _limit(rest, t, point == sp.oo)

    return expr.replace(lambda n: isinstance(n, sp.Limit), value)


def decide_asymptotic(
    relation: str, sides: tuple[Basic, ...], written: tuple[Basic, ...]
) -> Outcome | tuple[tuple[Basic, ...], tuple[Basic, ...]]:
    """Decide a step with O terms (``sides`` and ``written`` are lhs, rhs, origin). When
    only limits of series had them, the sides with those limits evaluated come back for the
    usual tiers."""
    try:
        sides = tuple(_limits_with_landau(e) for e in sides)
        written = tuple(_limits_with_landau(e) for e in written)
        lhs, rhs = sides[0], sides[1]
        if not has_landau(lhs, rhs):
            return sides, written
        if relation != "=":
            raise _Unread("O(...) and o(...) are read in '=' steps only")
        return _decide(lhs, rhs)
    except _Unread as exc:
        return Outcome("unknown", "none", message=f"not checked: {exc}")
    except (NotImplementedError, TypeError, ValueError, RecursionError, AttributeError,
            sp.PoleError) as exc:
        return Outcome("unknown", "none", message=(
            f"no decision on the O terms ({type(exc).__name__}); check the expansion by hand"))


def _name(kind: str, gauge: Expr) -> str:
    return f"{kind}({_show(gauge)})"


def _included(left: tuple[str, Expr], right: tuple[str, Expr]) -> bool:
    """Whether the left side's remainder class lies in the right side's."""
    (kind, m), (other, n) = left, right
    return bool(m > n) if kind == "O" and other == "o" else bool(m >= n)


def _decide(lhs: Basic, rhs: Basic) -> Outcome:
    if not (isinstance(lhs, Expr) and isinstance(rhs, Expr)):
        raise _Unread("O(...) and o(...) are read in expressions only")
    x, point = _point_of((lhs, rhs))
    at_infinity = point == sp.oo
    t = sp.Dummy("t", positive=True) if at_infinity else sp.Dummy("t", real=True)
    left, m = _split(_at_zero(lhs, x, point, t), t)
    right, n = _split(_at_zero(rhs, x, point, t), t)
    where = f"as {x} → {'∞' if at_infinity else _show(point)}"
    gauge = (1 / x if at_infinity else x - point)
    if n is None:
        return Outcome("unknown", "none", message=(
            "not checked: an O term may only be dropped going right (write the O term on "
            "the right side as well, or end the chain with it)"))
    kind, power = n
    if m is not None and not _included(m, n):
        # A function of the left side's class outside the right side's: the gauge itself
        # (in O(t^m), not in o(t^m)), else a power between the two.
        member = m[1] if m[0] == "O" else (m[1] + power) / 2
        shown = _show(gauge**member)
        text = (f"{where}: {shown} is {_name(m[0], gauge**m[1])} but not "
                f"{_name(kind, gauge**power)}: the left side says less than the right side")
        return _refuted(x, point, text)
    difference = sp.expand(left - right)
    if difference == 0:
        return Outcome("proved", "series")
    verdict = (_bounded if kind == "O" else _vanishing)(difference, t, power, at_infinity)
    if verdict is True:
        return Outcome("proved", "series")
    parameters = sorted(difference.free_symbols - {t}, key=str)
    if verdict is False and not parameters:
        if point == 0 and kind == "O" and _holds_at_infinity(lhs, rhs, x):
            return Outcome("unknown", "none", message=(
                f"not checked: O({_show(x**power)}) is read as {x} → 0, where this fails, but "
                f"it holds as {x} → ∞ (as in n^2 + n = O(n^2)); for {x} → ∞ write the O term "
                f"in 1/{x} (O(1/{x}) ...) or divide by the leading power"))
        return _unbounded(difference, t, x, point, n, where, ())
    for values in _parameter_choices(parameters):
        at = difference.xreplace(dict(values))
        if not at.free_symbols - {t} and (_bounded if kind == "O" else _vanishing)(
                at, t, power, at_infinity) is False:
            return _unbounded(at, t, x, point, n, where, values)
    return Outcome("unknown", "none", message=(
        f"no decision: SymPy finds no bound for (left - right)/{_show(gauge**power)} {where}"))


def _vanishing(difference: Expr, t: Symbol, n: Expr, at_infinity: bool) -> bool | None:
    """Is ``difference`` o(t^n) as t → 0 (t > 0 at infinity)? By the one-sided limits of
    ``difference/t^n``: both 0, it is; one of them another value or infinite, it is not."""
    sides = ("+",) if at_infinity else ("+", "-")
    limits = [sp.limit(difference / t**n, t, 0, side) for side in sides]
    if all(v == 0 for v in limits):
        return True
    if any(v.is_number and (v.is_zero is False or v in (sp.oo, -sp.oo, sp.zoo))
           for v in limits):
        return False
    return None


def _bounded(difference: Expr, t: Symbol, n: Expr, at_infinity: bool) -> bool | None:
    """Is ``difference`` O(t^n) as t → 0 (t > 0 at infinity)? By its series for a whole n
    (every term below t^n vanishes), else by the one-sided limits of the ratio (both
    finite: bounded; one infinite: not)."""
    if n.is_integer:
        below = sp.series(difference, t, 0, int(n)).removeO()
        if sp.simplify(below) == 0:
            return True
        if not below.free_symbols - {t}:
            return False
        return None
    sides = ("+",) if at_infinity else ("+", "-")
    limits = [sp.limit(difference / t**n, t, 0, side) for side in sides]
    if any(v in (sp.oo, -sp.oo, sp.zoo) for v in limits):
        return False
    if all(v.is_finite for v in limits):
        return True
    return None


def _holds_at_infinity(lhs: Expr, rhs: Expr, x: Symbol) -> bool:
    """Would the step hold with every O(x^k) read as x → ∞ (sizes then grow with k)?"""
    if lhs.has(LittleO) or rhs.has(LittleO):
        return False

    def power(side: Expr) -> Expr | None:
        found = [_gauge(o.args[0], x)[1] for o in side.atoms(BigO)]
        return max(found) if found else None

    def bare(side: Expr) -> Expr:
        return side.replace(lambda n: isinstance(n, BigO), lambda n: sp.Integer(0))

    m, n = power(lhs), power(rhs)
    if n is None or m is not None and m > n:
        return False
    # Only the counting style (a polynomial = O(x^k)); a series near-miss such as
    # sin x = x - x^3/3 + O(x^5) is also "true as x → ∞" and must stay refuted.
    if bare(rhs) != 0 or not bare(lhs).is_polynomial(x):
        return False
    try:
        ratio = sp.limit((bare(lhs) - bare(rhs)) / x**n, x, sp.oo)
    except (NotImplementedError, TypeError, ValueError, sp.PoleError):
        return False
    return bool(ratio.is_finite)


def _parameter_choices(parameters: list[Symbol]) -> list[tuple[tuple[Symbol, Expr], ...]]:
    if not parameters:
        return []
    return [tuple((p, v) for p in parameters) for v in _PARAMETER_VALUES]


def _unbounded(difference: Expr, t: Symbol, x: Symbol, point: Expr, n: tuple[str, Expr],
               where: str, values: tuple[tuple[Symbol, Expr], ...]) -> Outcome:
    back = {t: 1 / x} if point == sp.oo else {t: x - point}
    lead = sp.simplify(difference.as_leading_term(t).xreplace(back))
    gauge = 1 / x if point == sp.oo else x - point
    given = "".join(f"{p} = {v}, " for p, v in values)
    text = (f"{given}{where}: left side minus right side is {_show(lead)} + ..., "
            f"which is not {_name(n[0], gauge**n[1])}")
    return _refuted(x, point, text, values)


def _refuted(x: Symbol, point: Expr, text: str,
             values: tuple[tuple[Symbol, Expr], ...] = ()) -> Outcome:
    # The witness is the limit itself, not a point: only the parameters get values.
    where = tuple((str(p), _show(v)) for p, v in values)
    return Outcome("refuted", "series", Counterexample("value", where, None, None, text))
